"""The control-list interchange format (JSON lines; docs/formats/control-list.md): parse and validate.

Pure: no Django. Every problem names the file, line and field; validation runs over the whole file
before anything is written (an import is all or nothing).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass, field

CODE_RE = re.compile(r"^[0-9][A-E][0-9]{3}(\.[a-z0-9]+)*$")
GROUPS = "ABCDE"
# Third digit of the code -> regime of origin (Annex I "editorial practices"); 5 = added by the EU alone.
REGIMES_BY_DIGIT = {"0": "WA", "1": "MTCR", "2": "NSG", "3": "AG", "4": "CWC", "5": "EU"}
# Art 2(20): the team's list of cyber-surveillance entries (5A002 encryption is deliberately not here).
CYBER_SURVEILLANCE_ROOTS = ("5A001.f", "5A001.j", "4A005", "4D004", "4E001.c", "5A004.b", "5D001.e")


def is_cyber_surveillance(code: str) -> bool:
    return any(code == root or code.startswith(root + ".") for root in CYBER_SURVEILLANCE_ROOTS)


def ancestor_codes(code: str) -> list[str]:
    """The items above `code`, outermost first: 5A001.j.1 -> [5A001, 5A001.j]."""
    parts = code.split(".")
    return [".".join(parts[:i]) for i in range(1, len(parts))]


def regimes_for(code: str) -> list[str]:
    digit = code[2]
    if digit == "0" and code[0] == "0":
        return ["NSG"]  # Category 0 is the NSG Trigger List
    return [REGIMES_BY_DIGIT.get(digit, "WA")]


@dataclass(frozen=True, slots=True)
class ImportProblem:
    file: str
    line: int
    field: str
    message: str

    def __str__(self) -> str:
        return f"{self.file}, line {self.line}, field {self.field!r}: {self.message}"


@dataclass(slots=True)
class EntryRow:
    code: str
    parent: str | None
    entry: str
    level: int
    category: int
    group: str
    part: int | None
    text: str
    notes: list[str]
    technical_notes: list[str]
    defined_terms: list[str]
    regimes: list[str]
    not_used: bool
    cyber_surveillance: bool
    position: int


@dataclass(slots=True)
class DefinitionRow:
    term: str
    categories: list[str]
    text: str


@dataclass(slots=True)
class NoteRow:
    kind: str
    title: str
    text: str


@dataclass(slots=True)
class ParsedList:
    entries: list[EntryRow] = field(default_factory=list)
    definitions: list[DefinitionRow] = field(default_factory=list)
    notes: list[NoteRow] = field(default_factory=list)
    problems: list[ImportProblem] = field(default_factory=list)


def _json_lines(
    name: str, lines: Iterable[str], problems: list[ImportProblem]
) -> Iterable[tuple[int, dict[str, object]]]:
    for number, raw in enumerate(lines, start=1):
        if not raw.strip():
            continue
        try:
            obj = json.loads(raw)
        except json.JSONDecodeError as exc:
            problems.append(
                ImportProblem(name, number, "-", f"not valid JSON ({exc.msg} at column {exc.colno})")
            )
            continue
        if not isinstance(obj, dict):
            problems.append(ImportProblem(name, number, "-", "each line must be a JSON object"))
            continue
        yield number, obj


def _text(
    obj: dict[str, object],
    key: str,
    name: str,
    number: int,
    problems: list[ImportProblem],
    *,
    required: bool = True,
) -> str:
    value = obj.get(key)
    if value is None or (isinstance(value, str) and not value.strip() and required):
        if required:
            problems.append(ImportProblem(name, number, key, "is required"))
        return ""
    if not isinstance(value, str):
        problems.append(ImportProblem(name, number, key, f"must be a string, not {type(value).__name__}"))
        return ""
    return value


def _strings(
    obj: dict[str, object], key: str, name: str, number: int, problems: list[ImportProblem]
) -> list[str]:
    value = obj.get(key, [])
    if value is None:
        return []
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        problems.append(ImportProblem(name, number, key, "must be a list of strings"))
        return []
    return list(value)


def parse_entries(lines: Iterable[str], name: str = "entries") -> tuple[list[EntryRow], list[ImportProblem]]:
    problems: list[ImportProblem] = []
    rows: list[EntryRow] = []
    seen: dict[str, int] = {}
    for number, obj in _json_lines(name, lines, problems):
        code = _text(obj, "code", name, number, problems)
        if not code:
            continue
        if not CODE_RE.match(code):
            problems.append(
                ImportProblem(
                    name, number, "code", f"{code!r} is not a well-formed Annex I code (e.g. 5A001.j.1)"
                )
            )
            continue
        if code in seen:
            problems.append(
                ImportProblem(name, number, "code", f"{code} appears again (first on line {seen[code]})")
            )
            continue
        seen[code] = number
        text = _text(obj, "text", name, number, problems)
        parent = obj.get("parent")
        expected_parent = code.rsplit(".", 1)[0] if "." in code else None
        if parent is not None and not isinstance(parent, str):
            problems.append(ImportProblem(name, number, "parent", "must be a string or null"))
        elif parent != expected_parent:
            problems.append(
                ImportProblem(
                    name, number, "parent", f"is {parent!r} but {code} belongs under {expected_parent!r}"
                )
            )
        level = code.count(".")
        if "level" in obj and obj["level"] != level:
            problems.append(
                ImportProblem(name, number, "level", f"is {obj['level']!r} but {code} is at level {level}")
            )
        if "category" in obj and obj["category"] != int(code[0]):
            problems.append(
                ImportProblem(
                    name, number, "category", f"is {obj['category']!r} but {code} is in category {code[0]}"
                )
            )
        if "group" in obj and obj["group"] != code[1]:
            problems.append(
                ImportProblem(name, number, "group", f"is {obj['group']!r} but {code} is in group {code[1]}")
            )
        part = obj.get("part")
        if part is not None and part not in (1, 2):
            problems.append(ImportProblem(name, number, "part", "must be 1, 2 or null"))
            part = None
        all_notes = _strings(obj, "notes", name, number, problems)
        technical = [n for n in all_notes if n.lower().startswith("technical note")]
        rows.append(
            EntryRow(
                code=code,
                parent=expected_parent,
                entry=code[:5],
                level=level,
                category=int(code[0]),
                group=code[1],
                part=part if isinstance(part, int) else None,
                text=text,
                notes=[n for n in all_notes if n not in technical],
                technical_notes=technical,
                defined_terms=_strings(obj, "defined_terms", name, number, problems),
                regimes=regimes_for(code),
                not_used=bool(obj.get("not_used", False)),
                cyber_surveillance=is_cyber_surveillance(code),
                position=len(rows),
            )
        )
    for row in rows:
        if row.parent is not None and row.parent not in seen:
            problems.append(
                ImportProblem(name, seen[row.code], "parent", f"{row.parent} does not exist in the file")
            )
    return rows, problems


def parse_definitions(
    lines: Iterable[str], name: str = "definitions"
) -> tuple[list[DefinitionRow], list[ImportProblem]]:
    problems: list[ImportProblem] = []
    rows: list[DefinitionRow] = []
    for number, obj in _json_lines(name, lines, problems):
        term = _text(obj, "term", name, number, problems)
        text = _text(obj, "text", name, number, problems)
        if term and text:
            rows.append(
                DefinitionRow(
                    term=term, categories=_strings(obj, "categories", name, number, problems), text=text
                )
            )
    return rows, problems


def parse_notes(lines: Iterable[str], name: str = "notes") -> tuple[list[NoteRow], list[ImportProblem]]:
    problems: list[ImportProblem] = []
    rows: list[NoteRow] = []
    for number, obj in _json_lines(name, lines, problems):
        kind = _text(obj, "kind", name, number, problems)
        title = _text(obj, "title", name, number, problems)
        text = _text(obj, "text", name, number, problems, required=False)
        if kind and title:
            rows.append(NoteRow(kind=kind, title=title, text=text))
    return rows, problems


@dataclass(frozen=True, slots=True)
class EntryChange:
    code: str
    fields: tuple[str, ...]


@dataclass(slots=True)
class ListDiff:
    added: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    changed: list[EntryChange] = field(default_factory=list)

    def to_json(self) -> dict[str, object]:
        return {
            "added": self.added,
            "removed": self.removed,
            "changed": [{"code": c.code, "fields": list(c.fields)} for c in self.changed],
            "counts": {"added": len(self.added), "removed": len(self.removed), "changed": len(self.changed)},
        }


COMPARED_FIELDS = ("text", "notes", "technical_notes", "not_used")


def diff_entries(old: dict[str, dict[str, object]], new: dict[str, dict[str, object]]) -> ListDiff:
    """Entries keyed by code, each a mapping of COMPARED_FIELDS."""
    result = ListDiff(
        added=sorted(set(new) - set(old)),
        removed=sorted(set(old) - set(new)),
    )
    for code in sorted(set(old) & set(new)):
        changed = tuple(f for f in COMPARED_FIELDS if old[code].get(f) != new[code].get(f))
        if changed:
            result.changed.append(EntryChange(code, changed))
    return result
