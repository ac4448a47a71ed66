"""What every parser shares: the result, the collector that checks refs, the byte-counting reader.

A parser never raises on a bad file: it records a `ParseIssue` that says where the file broke
(line, element or field) and goes on where it can. `issues` make an import fail (a broken file
changes nothing); `warnings` are data-quality notes on a sound file (an unknown country name, a
birth date nobody can read) that the importer may show but need not refuse.
"""

from __future__ import annotations

import io
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import BinaryIO

from dualuse.screening.records import Entity, NameQuality, NameVariant, ParseIssue

Progress = Callable[[int], None]

CHUNK_SIZE = 1 << 16


@dataclass(slots=True)
class ParseResult:
    entities: list[Entity]
    issues: list[ParseIssue]
    count_by_schema: dict[str, int]
    warnings: list[ParseIssue] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.issues


class Collector:
    """Gathers entities and issues while a parser walks a file; `result()` closes it."""

    def __init__(self) -> None:
        self.entities: list[Entity] = []
        self.issues: list[ParseIssue] = []
        self.warnings: list[ParseIssue] = []
        self._seen: dict[str, str] = {}  # ref -> where it was first seen

    def issue(self, where: str, message: str) -> None:
        self.issues.append(ParseIssue(where, message))

    def warn(self, where: str, message: str) -> None:
        self.warnings.append(ParseIssue(where, message))

    def add(self, entity: Entity, where: str) -> None:
        """Keep `entity` unless it has no name or its ref was seen before (both are issues)."""
        if not entity.names:
            self.issue(where, f"{entity.ref}: record has no name")
            return
        if entity.ref in self._seen:
            self.issue(where, f"{entity.ref}: duplicate ref (first seen at {self._seen[entity.ref]})")
            return
        self._seen[entity.ref] = where
        self.entities.append(entity)

    def result(self) -> ParseResult:
        if not self.entities and not self.issues:  # an empty list would unlist everyone
            self.issue("file", "no records found")
        counts = Counter(str(e.schema) for e in self.entities)
        return ParseResult(self.entities, self.issues, dict(sorted(counts.items())), self.warnings)


class CountingReader(io.RawIOBase):
    """Wraps a binary stream: replays `head` first, then reads on, telling `progress` the bytes read."""

    def __init__(self, stream: BinaryIO, progress: Progress | None = None, head: bytes = b"") -> None:
        super().__init__()
        self._stream = stream
        self._progress = progress
        self._head = head
        self.bytes_read = 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: bytearray | memoryview) -> int:  # type: ignore[override]
        view = memoryview(buffer).cast("B")
        if self._head:
            n = min(len(view), len(self._head))
            view[:n] = self._head[:n]
            self._head = self._head[n:]
        else:
            data = self._stream.read(len(view))
            n = len(data)
            view[:n] = data
        self.bytes_read += n
        if self._progress is not None and n:
            self._progress(self.bytes_read)
        return n


def read_head(stream: BinaryIO, size: int = CHUNK_SIZE) -> bytes:
    """Read up to `size` bytes (a short read is not the end of a pipe or socket)."""
    parts: list[bytes] = []
    left = size
    while left > 0:
        data = stream.read(left)
        if not data:
            break
        parts.append(data)
        left -= len(data)
    return b"".join(parts)


def add_name(names: list[NameVariant], variant: NameVariant) -> None:
    """Append a variant unless the same spelling is there; a strong spelling beats a weak one."""
    full = " ".join(variant.full.split())
    if not full:
        return
    for i, known in enumerate(names):
        if known.full == full:
            if known.quality is NameQuality.WEAK and variant.quality is NameQuality.STRONG:
                names[i] = variant if variant.full == full else _with_full(variant, full)
            return
    names.append(variant if variant.full == full else _with_full(variant, full))


def _with_full(variant: NameVariant, full: str) -> NameVariant:
    return NameVariant(
        full, variant.quality, variant.script, variant.lang, variant.first, variant.middle, variant.last
    )


def add_unique(values: list[str], value: str | None) -> None:
    if value and value not in values:
        values.append(value)


def earliest(dates: list[str]) -> str | None:
    """The earliest ISO date (YYYY-MM-DD sorts as text)."""
    clean = [d[:10] for d in dates if d and len(d) >= 4]
    return min(clean) if clean else None
