"""OpenSanctions `targets.simple.csv`: one target a row, columns found by header name.

Every value is quoted; a cell with several values joins them with ";" and quotes inside the cell
as CSV does. Exports before `program_ids` have 15 columns, so nothing depends on position. The
identifiers column carries no type: a number whose check digit proves it an IMO, INN or OGRN
(the last two only for a Russian party) gets that kind, any other is `other`.
"""

from __future__ import annotations

import csv
import io
import re
from typing import BinaryIO

from dualuse.screening.parsers.base import Collector, ParseResult, add_name, add_unique, earliest
from dualuse.screening.parsers.countries import country_code
from dualuse.screening.parsers.dates import parse_birth_date
from dualuse.screening.parsers.identifiers import identifier, imo_valid, inn_valid, ogrn_valid
from dualuse.screening.parsers.names import variant
from dualuse.screening.records import Address, Entity, Identifier, Schema

PREFIX = "os"
REQUIRED = ("id", "schema", "name")
MAX_FIELD = 16 << 20

_SCHEMAS = {
    "Person": Schema.PERSON,
    "Company": Schema.ORGANIZATION,
    "Organization": Schema.ORGANIZATION,
    "LegalEntity": Schema.ORGANIZATION,
    "PublicBody": Schema.ORGANIZATION,
    "Vessel": Schema.VESSEL,
}
_SANCTION_DATE = re.compile(r"^(?P<programme>.*?)\s+-\s+(?P<date>\d{4}(?:-\d{2}(?:-\d{2})?)?)$")
_IMO = re.compile(r"^(?:IMO\s*)?(\d{7})$", re.IGNORECASE)


def parse_targets_csv(stream: BinaryIO) -> ParseResult:
    out = Collector()
    text = io.TextIOWrapper(stream, encoding="utf-8-sig", newline="")
    csv.field_size_limit(max(csv.field_size_limit(), MAX_FIELD))
    reader = csv.reader(text, strict=True)  # strict: a file cut inside a quoted cell is an error
    start = 1
    try:
        header = next(reader, None)
        if header is None:
            out.issue("line 1", "the file is empty")
            return out.result()
        columns = {name.strip(): i for i, name in enumerate(header)}
        if missing := [name for name in REQUIRED if name not in columns]:
            out.issue("line 1", f"not a targets.simple.csv header: no column {', '.join(missing)}")
            return out.result()
        start = reader.line_num + 1
        for row in reader:
            here = f"line {start}"
            start = reader.line_num + 1
            if not any(cell.strip() for cell in row):
                continue
            if len(row) != len(header):
                out.issue(here, f"{len(row)} columns where the header has {len(header)}")
                continue
            record = {name: row[i].strip() for name, i in columns.items()}
            if not record["id"]:
                out.issue(here, "column 'id': empty")
                continue
            out.add(_entity(record, here, out), here)
    except csv.Error as exc:
        out.issue(f"line {start}", f"CSV is broken: {exc}")
    except UnicodeDecodeError as exc:
        out.issue(f"line {start}", f"not UTF-8 text ({exc.reason})")
    return out.result()


def split(cell: str) -> list[str]:
    """Split "a;b;\"c;d\"" -> ["a", "b", "c;d"]: the values of a multi-value cell."""
    if not cell:
        return []
    return [v.strip() for v in next(csv.reader([cell], delimiter=";"), []) if v.strip()]


def _entity(record: dict[str, str], here: str, out: Collector) -> Entity:
    ref = f"{PREFIX}:{record['id']}"
    schema = _SCHEMAS.get(record["schema"], Schema.OTHER)
    entity = Entity(ref=ref, schema=schema, names=[])
    for name in [record["name"], *split(record.get("aliases", ""))]:
        add_name(entity.names, variant(name))
    for text in split(record.get("birth_date", "")):
        date = parse_birth_date(text)
        if date is None:
            out.warn(here, f"{ref}: column 'birth_date': unreadable {text!r}")
        elif date not in entity.birth_dates:
            entity.birth_dates.append(date)
    for value in split(record.get("countries", "")):
        code = country_code(value)
        if code is None:
            out.warn(here, f"{ref}: column 'countries': unknown country {value!r}")
        add_unique(entity.countries, code)
    country = entity.countries[0] if len(entity.countries) == 1 else None
    entity.addresses = [Address(text, country) for text in split(record.get("addresses", ""))]
    for number in split(record.get("identifiers", "")):
        found = _identifier(number, entity.countries)
        if found is not None and found not in entity.identifiers:
            entity.identifiers.append(found)
    dates: list[str] = []
    names: list[str] = []
    for sanction in split(record.get("sanctions", "")):
        if match := _SANCTION_DATE.match(sanction):
            names.append(match["programme"])
            dates.append(match["date"])
        else:
            names.append(sanction)
    for programme in split(record.get("program_ids", "")) or names:
        add_unique(entity.programmes, programme)
    entity.listed_on = earliest(dates)
    return entity


def _identifier(number: str, countries: list[str]) -> Identifier | None:
    if (match := _IMO.match(number)) and imo_valid(match[1]):
        return identifier("imo", match[1])
    if "RU" in countries and number.isdigit():
        if len(number) in (10, 12) and inn_valid(number):
            return identifier("inn", number, "RU")
        if len(number) in (13, 15) and ogrn_valid(number):
            return identifier("ogrn", number, "RU")
    return identifier("other", number)
