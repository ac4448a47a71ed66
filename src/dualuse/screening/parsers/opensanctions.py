"""OpenSanctions exports: `entities.ftm.json` (FollowTheMoney, one JSON object a line) or
`targets.simple.csv`; the first bytes tell which. The ref is `os:<FtM id>`.

In the FtM file the targets are the entities with `target: true`; `Sanction` entities give the
programmes and listing dates of their `entity`, `Passport`/`Identification` entities documents
of their `holder`, and `Address` entities the addresses a target points to with `addressEntity`.
Those may come before or after their target, so they are joined once the file is read. The
export writes references with canonical ids, so `referents` are not needed for the join.
"""

from __future__ import annotations

import io
import json
from dataclasses import dataclass, field
from typing import Any, BinaryIO

from dualuse.screening.parsers.base import (
    Collector,
    CountingReader,
    ParseResult,
    add_name,
    add_unique,
    earliest,
    read_head,
)
from dualuse.screening.parsers.countries import country_code
from dualuse.screening.parsers.dates import parse_birth_date
from dualuse.screening.parsers.identifiers import identifier
from dualuse.screening.parsers.names import gender, variant
from dualuse.screening.parsers.opensanctions_csv import parse_targets_csv
from dualuse.screening.records import Address, Entity, Identifier, NameVariant, Schema

PREFIX = "os"

SCHEMAS = {
    "Person": Schema.PERSON,
    "Company": Schema.ORGANIZATION,
    "Organization": Schema.ORGANIZATION,
    "LegalEntity": Schema.ORGANIZATION,
    "PublicBody": Schema.ORGANIZATION,
    "Vessel": Schema.VESSEL,
}
_NAME_PROPS = (("name", False), ("alias", False), ("previousName", False), ("weakAlias", True))
_COUNTRY_PROPS = ("nationality", "citizenship", "country", "jurisdiction", "mainCountry")
_ID_PROPS = {
    "passportNumber": "passport",
    "idNumber": "national_id",
    "innCode": "inn",
    "ogrnCode": "ogrn",
    "imoNumber": "imo",
    "taxNumber": "tax",
    "vatCode": "tax",
    "registrationNumber": "registration",
    "leiCode": "other",
    "swiftBic": "other",
}
_RUSSIAN = {"inn", "ogrn"}


def parse_opensanctions(stream: BinaryIO) -> ParseResult:
    head = read_head(stream)
    source = io.BufferedReader(CountingReader(stream, None, head))
    if head.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"{"):
        return parse_ftm(source)
    return parse_targets_csv(source)


@dataclass(slots=True)
class _Joins:
    """What other entities say about a target, keyed by the target's FtM id."""

    programmes: dict[str, list[str]] = field(default_factory=dict)
    dates: dict[str, list[str]] = field(default_factory=dict)
    identifiers: dict[str, list[Identifier]] = field(default_factory=dict)
    addresses: dict[str, Address] = field(default_factory=dict)  # Address entity id -> address
    address_refs: dict[str, list[str]] = field(default_factory=dict)  # target id -> Address ids


def parse_ftm(stream: BinaryIO) -> ParseResult:
    out = Collector()
    joins = _Joins()
    targets: dict[str, Entity] = {}
    line_no = 0
    try:
        for line_no, raw in enumerate(stream, start=1):  # noqa: B007 - line_no is read after the loop
            if not raw.strip():
                continue
            here = f"line {line_no}"
            try:
                data = json.loads(raw)
            except (json.JSONDecodeError, UnicodeDecodeError) as exc:
                out.issue(here, f"JSON is broken: {exc}")
                continue
            except RecursionError:
                out.issue(here, "JSON is nested too deeply")
                continue
            if not isinstance(data, dict) or not isinstance(data.get("properties", {}), dict):
                out.issue(here, "expected an FtM entity object with 'properties'")
                continue
            _take(data, here, out, joins, targets)
    except OSError as exc:
        out.issue(f"line {line_no + 1}", f"cannot read the file: {exc}")
    for ftm_id, entity in targets.items():
        _join(ftm_id, entity, joins)
    return out.result()


def _take(data: dict[str, Any], here: str, out: Collector, joins: _Joins, targets: dict[str, Entity]) -> None:
    ftm_id, schema = data.get("id"), data.get("schema")
    if not isinstance(ftm_id, str) or not ftm_id:
        out.issue(here, "field 'id': missing")
        return
    if not isinstance(schema, str):
        out.issue(here, f"{ftm_id}: field 'schema': missing")
        return
    props: dict[str, Any] = data.get("properties") or {}
    if schema == "Sanction":
        for target in values(props, "entity"):
            programmes = joins.programmes.setdefault(target, [])
            for programme in values(props, "programId") or values(props, "program"):
                add_unique(programmes, programme)
            joins.dates.setdefault(target, []).extend(
                values(props, "listingDate") or values(props, "startDate")
            )
    elif schema in {"Passport", "Identification"}:
        kind = (
            "passport"
            if schema == "Passport" or "passport" in " ".join(values(props, "type")).lower()
            else "national_id"
        )
        countries = [c for c in map(country_code, values(props, "country")) if c]
        for number in values(props, "number"):
            found = identifier(kind, number, countries[0] if countries else None)
            for holder in values(props, "holder"):
                if found is not None:
                    joins.identifiers.setdefault(holder, []).append(found)
    elif schema == "Address":
        full = next(iter(values(props, "full")), "")
        if full:
            countries = [c for c in map(country_code, values(props, "country")) if c]
            joins.addresses[ftm_id] = Address(full, countries[0] if countries else None)
    elif data.get("target") is True:
        entity = ftm_entity(f"{PREFIX}:{ftm_id}", SCHEMAS.get(schema, Schema.OTHER), props, here, out)
        if refs := values(props, "addressEntity"):
            joins.address_refs[ftm_id] = refs
        before = len(out.entities)
        out.add(entity, here)
        if len(out.entities) > before:
            targets[ftm_id] = entity


def values(props: dict[str, Any], key: str) -> list[str]:
    """An FtM property: a list of strings (a lone string is tolerated)."""
    value = props.get(key)
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list):
        return []
    return [v.strip() for v in value if isinstance(v, str) and v.strip()]


def ftm_entity(ref: str, schema: Schema, props: dict[str, Any], here: str, out: Collector) -> Entity:
    entity = Entity(ref=ref, schema=schema, names=[])
    first, middle, last = (values(props, key) for key in ("firstName", "middleName", "lastName"))
    for key, weak in _NAME_PROPS:
        for name in values(props, key):
            add_name(entity.names, _with_parts(variant(name, weak=weak), first, middle, last))
    for text in values(props, "birthDate"):
        date = parse_birth_date(text)
        if date is None:
            out.warn(here, f"{ref}: property 'birthDate': unreadable {text!r}")
        elif date not in entity.birth_dates:
            entity.birth_dates.append(date)
    for key in _COUNTRY_PROPS:
        for value in values(props, key):
            code = country_code(value)
            if code is None:
                out.warn(here, f"{ref}: property {key!r}: unknown country {value!r}")
            add_unique(entity.countries, code)
    for key, kind in _ID_PROPS.items():
        for number in values(props, key):
            found = identifier(kind, number, "RU" if kind in _RUSSIAN else None)
            if found is not None and found not in entity.identifiers:
                entity.identifiers.append(found)
    country = entity.countries[0] if len(entity.countries) == 1 else None
    for text in values(props, "address"):
        entity.addresses.append(Address(text, country))
    entity.gender = next(filter(None, map(gender, values(props, "gender"))), None)
    entity.remarks = "\n".join(values(props, "notes"))
    return entity


def _with_parts(name: NameVariant, first: list[str], middle: list[str], last: list[str]) -> NameVariant:
    """Give the structured name parts to the spelling they belong to (it contains them)."""
    if len(first) != 1 or len(last) != 1:
        return name
    lowered = name.full.lower()
    if first[0].lower() not in lowered or last[0].lower() not in lowered:
        return name
    mid = middle[0] if len(middle) == 1 else None
    return NameVariant(name.full, name.quality, name.script, name.lang, first[0], mid, last[0])


def _join(ftm_id: str, entity: Entity, joins: _Joins) -> None:
    for programme in joins.programmes.get(ftm_id, []):
        add_unique(entity.programmes, programme)
    entity.listed_on = earliest(joins.dates.get(ftm_id, []))
    for found in joins.identifiers.get(ftm_id, []):
        if found not in entity.identifiers:
            entity.identifiers.append(found)
    for address_id in joins.address_refs.get(ftm_id, []):
        if (address := joins.addresses.get(address_id)) and address not in entity.addresses:
            entity.addresses.append(address)
