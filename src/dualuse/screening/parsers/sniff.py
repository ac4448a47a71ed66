"""Tell the list format from the first bytes of a file."""

from __future__ import annotations

import csv
import io
import json
import os
import re

HEAD_SIZE = 1 << 16

_XML_ROOT = re.compile(rb"\s*<([A-Za-z_][\w.\-]*:)?([A-Za-z_][\w.\-]*)[\s/>]")
_XML_ROOTS = {b"export": "eu-fsf", b"CONSOLIDATED_LIST": "un-sc"}
_SKIP_XML = re.compile(rb"\s*(?:<\?.*?\?>|<!--.*?-->|<!DOCTYPE[^>]*>)", re.DOTALL)


def detect_format(path_or_head: bytes | str | os.PathLike[str]) -> str | None:
    """Say "eu-fsf", "un-sc", "us-csl", "opensanctions" or None, from a file's first bytes or its path.

    XML by its root element; OpenSanctions by an FtM entity on the first line or the
    `targets.simple.csv` header; the US CSL by its `results` array.
    """
    if isinstance(path_or_head, bytes):
        head = path_or_head[:HEAD_SIZE]
    else:
        with open(path_or_head, "rb") as handle:
            head = handle.read(HEAD_SIZE)
    head = head.removeprefix(b"\xef\xbb\xbf").lstrip()
    if head.startswith(b"<"):
        return _xml(head)
    if head.startswith(b"{"):
        first_line = head.split(b"\n", 1)[0]
        try:
            first = json.loads(first_line)
        except (ValueError, UnicodeDecodeError):
            first = None
        if isinstance(first, dict) and "schema" in first and "properties" in first:
            return "opensanctions"
        if re.match(rb'\{\s*"(?:[^"\\]|\\.)*"', head) and b'"results"' in head:
            return "us-csl"
        return None
    if head.startswith(b"["):
        return "us-csl" if b'"source"' in head and b'"name"' in head else None
    return "opensanctions" if _is_targets_csv(head) else None


def _xml(head: bytes) -> str | None:
    position = 0
    while match := _SKIP_XML.match(head, position):
        if match.end() == position:
            break
        position = match.end()
    root = _XML_ROOT.match(head, position)
    return _XML_ROOTS.get(root.group(2)) if root else None


def _is_targets_csv(head: bytes) -> bool:
    first_line = head.split(b"\n", 1)[0].decode("utf-8", errors="replace")
    try:
        header = next(csv.reader(io.StringIO(first_line)), [])
    except csv.Error:
        return False
    return {"id", "schema", "name"} <= {h.strip() for h in header}
