"""Streaming parsers for restrictive-measures lists, one per published format. No Django here.

    result = parse("eu-fsf", open(path, "rb"), progress=lambda n: bar.update(completed=n))
    if result.issues:  # the file is broken: import nothing, show every issue
        ...

Each parser reads the file once, in constant memory besides the entities it returns, and never
raises on bad input: what is wrong is reported as `ParseIssue`s that say where.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import BinaryIO

from dualuse.screening.parsers.base import CountingReader, ParseResult, Progress
from dualuse.screening.parsers.eu_fsf import parse_eu_fsf
from dualuse.screening.parsers.opensanctions import parse_opensanctions
from dualuse.screening.parsers.sniff import detect_format
from dualuse.screening.parsers.un_sc import parse_un_sc
from dualuse.screening.parsers.us_csl import parse_us_csl
from dualuse.screening.records import ParseIssue

Parser = Callable[[BinaryIO], ParseResult]

# Source key -> parser; the key is also the ref prefix, except OpenSanctions ("os:").
FORMATS: dict[str, Parser] = {
    "eu-fsf": parse_eu_fsf,
    "un-sc": parse_un_sc,
    "us-csl": parse_us_csl,
    "opensanctions": parse_opensanctions,  # entities.ftm.json or targets.simple.csv, sniffed
}

__all__ = ["FORMATS", "ParseResult", "Parser", "Progress", "detect_format", "parse"]


def parse(fmt: str, stream: BinaryIO, progress: Progress | None = None) -> ParseResult:
    """Parse a whole list file; `progress` is called with the number of bytes read so far."""
    parser = FORMATS.get(fmt)
    if parser is None:
        known = ", ".join(sorted(FORMATS))
        return ParseResult([], [ParseIssue("format", f"unknown list format {fmt!r} (known: {known})")], {})
    reader = CountingReader(stream, progress)
    try:
        return parser(reader)  # type: ignore[arg-type]  # a RawIOBase reads like a BinaryIO
    except OSError as exc:
        return ParseResult([], [ParseIssue(f"byte {reader.bytes_read}", f"cannot read the file: {exc}")], {})
    except RecursionError:  # JSON nested deeper than any list record
        return ParseResult([], [ParseIssue(f"byte {reader.bytes_read}", "values nested too deeply")], {})
    except Exception as exc:  # the contract is "issues, never a traceback"; the message names the bug
        where = f"byte {reader.bytes_read}"
        return ParseResult([], [ParseIssue(where, f"unexpected {type(exc).__name__}: {exc}")], {})
