"""Read the records of `{"results": [...]}` one at a time, without loading the whole file.

An incremental decoder over the standard library: the top-level object is walked by hand, and
each array item is decoded with `json.JSONDecoder.raw_decode` from a buffer that is refilled as
needed. Memory is one chunk plus one record; every error carries the line where it occurred.
"""

from __future__ import annotations

import codecs
import json
from collections.abc import Iterator
from typing import Any, BinaryIO

from dualuse.screening.parsers.base import CHUNK_SIZE

MAX_RECORD_CHARS = 64 << 20  # one record larger than this is a broken file, not a record
_WHITESPACE = " \t\r\n"


class JsonStreamError(Exception):
    def __init__(self, line: int, message: str) -> None:
        super().__init__(f"line {line}: {message}")
        self.line = line
        self.message = message


class _Buffer:
    def __init__(self, stream: BinaryIO) -> None:
        self._stream = stream
        self._decoder = codecs.getincrementaldecoder("utf-8-sig")()
        self._json = json.JSONDecoder()
        self.text = ""
        self.pos = 0
        self.line = 1  # line of `text[pos]`
        self.eof = False

    def fill(self, want: int = CHUNK_SIZE) -> bool:
        if self.eof:
            return False
        data = self._stream.read(max(want, CHUNK_SIZE))
        try:
            decoded = self._decoder.decode(data, final=not data)
        except UnicodeDecodeError as exc:
            raise JsonStreamError(self.line, f"not UTF-8 text ({exc.reason})") from None
        self.eof = not data
        self.text = self.text[self.pos :] + decoded
        self.pos = 0
        return not self.eof or bool(decoded)

    def peek(self) -> str:
        """The next character that is not whitespace ("" at the end of the file)."""
        while True:
            text, pos = self.text, self.pos
            while pos < len(text) and text[pos] in _WHITESPACE:
                if text[pos] == "\n":
                    self.line += 1
                pos += 1
            self.pos = pos
            if pos < len(text):
                return text[pos]
            if not self.fill():
                return ""

    def expect(self, chars: str, what: str) -> str:
        char = self.peek()
        if not char or char not in chars:
            found = repr(char) if char else "the end of the file"
            raise JsonStreamError(self.line, f"expected {what}, found {found}")
        self._advance(self.pos + 1)
        return char

    def value(self) -> Any:
        """Decode one JSON value at the current position, reading on until it is complete."""
        self.peek()
        start_line = self.line
        while True:
            try:
                obj, end = self._json.raw_decode(self.text, self.pos)
            except json.JSONDecodeError as exc:
                line = start_line + self.text.count("\n", self.pos, exc.pos)  # before `fill` moves text
                if self._grow():
                    continue
                raise JsonStreamError(line, exc.msg) from None
            except RecursionError:
                raise JsonStreamError(start_line, "values nested too deeply") from None
            if end == len(self.text) and self._grow():
                continue  # a bare number may go on in the next chunk
            self._advance(end)
            return obj

    def _grow(self) -> bool:
        if len(self.text) - self.pos > MAX_RECORD_CHARS:
            raise JsonStreamError(self.line, f"a value longer than {MAX_RECORD_CHARS} characters")
        return self.fill(len(self.text) - self.pos)  # doubling keeps re-decoding linear

    def _advance(self, end: int) -> None:
        self.line += self.text.count("\n", self.pos, end)
        self.pos = end


def iter_array(stream: BinaryIO, key: str) -> Iterator[tuple[int, int, Any]]:
    """Yield (index, line, item) for each item of the top-level `key` array.

    A bare top-level array is read the same way. Other top-level members are skipped. Raises
    `JsonStreamError` with the line where the file is broken or ends early.
    """
    buffer = _Buffer(stream)
    found = False
    if buffer.peek() == "[":
        found = True
        yield from _items(buffer, "")
    else:
        buffer.expect("{", "'{' or '[' at the start of the file")
        if buffer.peek() == "}":
            buffer.expect("}", "'}'")
        else:
            while True:
                name_line = buffer.line
                name = buffer.value()
                if not isinstance(name, str):
                    raise JsonStreamError(name_line, "expected a member name")
                buffer.expect(":", "':'")
                if name == key and buffer.peek() == "[":
                    found = True
                    yield from _items(buffer, key)
                else:
                    buffer.value()
                if buffer.expect(",}", "',' or '}'") == "}":
                    break
    if buffer.peek():
        raise JsonStreamError(buffer.line, "unexpected data after the end of the document")
    if not found:
        raise JsonStreamError(buffer.line, f"no {key!r} array in the document")


def _items(buffer: _Buffer, key: str) -> Iterator[tuple[int, int, Any]]:
    buffer.expect("[", "'['")
    if buffer.peek() == "]":
        buffer.expect("]", "']'")
        return
    index = 0
    while True:
        buffer.peek()
        line = buffer.line
        try:
            item = buffer.value()
        except JsonStreamError as exc:
            raise JsonStreamError(exc.line, f"{exc.message} (in {key}[{index}] from line {line})") from None
        yield index, line, item
        index += 1
        if buffer.expect(",]", "',' or ']'") == "]":
            return
