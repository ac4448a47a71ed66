"""Annex I entries as the classifier sees them, and a reader for the JSON-lines reference format."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True, slots=True)
class EntryRecord:
    """One Annex I item (an entry such as ``5A001`` or a sub-item such as ``5A001.f.2``)."""

    code: str
    parent: str | None
    entry: str
    level: int
    category: int
    group: str
    text: str
    notes: tuple[str, ...] = ()
    not_used: bool = False
    cyber_surveillance: bool = False
    part: int | None = None
    defined_terms: tuple[str, ...] = ()


def _read_lines(path: str | Path) -> Iterator[dict[str, object]]:
    with Path(path).open(encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                row = json.loads(line)
                if isinstance(row, dict):
                    yield row


def _str_tuple(value: object) -> tuple[str, ...]:
    if isinstance(value, list):
        return tuple(str(v) for v in value)
    return ()


def load_entries_jsonl(path: str | Path) -> list[EntryRecord]:
    """Read ``annex-i.jsonl`` (one item per line) into records."""
    records: list[EntryRecord] = []
    for row in _read_lines(path):
        parent = row.get("parent")
        part = row.get("part")
        level = row.get("level")
        category = row.get("category")
        records.append(
            EntryRecord(
                code=str(row["code"]),
                parent=str(parent) if parent else None,
                entry=str(row.get("entry") or str(row["code"])[:5]),
                level=level if isinstance(level, int) else 0,
                category=category if isinstance(category, int) else int(str(row["code"])[0]),
                group=str(row.get("group") or str(row["code"])[1]),
                text=str(row.get("text") or ""),
                notes=_str_tuple(row.get("notes")),
                not_used=bool(row.get("not_used")),
                cyber_surveillance=bool(row.get("cyber_surveillance")),
                part=part if isinstance(part, int) else None,
                defined_terms=_str_tuple(row.get("defined_terms")),
            )
        )
    return records


def load_definitions_jsonl(path: str | Path) -> dict[str, str]:
    """Read ``annex-i-definitions.jsonl`` into a term -> definition text mapping."""
    return {str(row["term"]): str(row.get("text") or "") for row in _read_lines(path) if row.get("term")}
