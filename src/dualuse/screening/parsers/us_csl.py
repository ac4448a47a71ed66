"""US Consolidated Screening List, bulk JSON (`{"results": [...]}`), read record by record.

The ref is `us-csl:<id>` (for SDN records `id` equals `entity_number`). OFAC writes persons as
"LAST, First": that spelling is kept and "First LAST" is added next to it. BIS lists leave
`type` empty; a record with a birth date or place is then a person, otherwise an organisation.
"""

from __future__ import annotations

import re
from typing import Any, BinaryIO

from dualuse.screening.parsers.base import Collector, ParseResult, add_name, add_unique
from dualuse.screening.parsers.countries import country_code
from dualuse.screening.parsers.dates import parse_birth_date
from dualuse.screening.parsers.identifiers import identifier
from dualuse.screening.parsers.jsonstream import JsonStreamError, iter_array
from dualuse.screening.parsers.names import gender, inverted_variants, variant
from dualuse.screening.records import Address, Entity, Schema

PREFIX = "us-csl"

_SCHEMAS = {
    "individual": Schema.PERSON,
    "entity": Schema.ORGANIZATION,
    "vessel": Schema.VESSEL,
    "aircraft": Schema.OTHER,
}
_ABBREVIATION = re.compile(r"\(([A-Z]{2,5})\)")
_NOT_IDENTIFIERS = {"gender", "website", "email address", "phone number", "telephone"}


def _id_kind(label: str) -> str:
    text = label.lower()
    if "passport" in text:
        return "passport"
    if re.search(r"\bimo\b", text):
        return "imo"
    if "national id" in text or "cedula" in text or "identification number" in text:
        return "national_id"
    if "tax" in text or text == "inn":
        return "tax"
    if "registration" in text or "ogrn" in text:
        return "registration"
    return "other"


def parse_us_csl(stream: BinaryIO) -> ParseResult:
    out = Collector()
    try:
        for index, line, record in iter_array(stream, "results"):
            here = f"line {line}, results[{index}]"
            if not isinstance(record, dict):
                out.issue(here, f"expected an object, found {type(record).__name__}")
                continue
            raw_id = record.get("id") or record.get("entity_number")
            if not isinstance(raw_id, str | int) or not str(raw_id).strip():
                out.issue(here, "field 'id': missing")
                continue
            try:
                entity = _entity(record, f"{PREFIX}:{str(raw_id).strip()}", here, out)
            except (TypeError, AttributeError, ValueError) as exc:
                out.issue(here, f"unexpected value shape: {exc}")
                continue
            out.add(entity, here)
    except JsonStreamError as exc:
        out.issue(f"line {exc.line}", f"JSON is broken: {exc.message}")
    return out.result()


def _strings(record: dict[str, Any], key: str, here: str, out: Collector) -> list[str]:
    """A list-of-strings field; a single string counts as a list of one, null as empty."""
    value = record.get(key)
    if value is None:
        return []
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list):
        out.issue(here, f"field {key!r}: expected a list, found {type(value).__name__}")
        return []
    return [str(v).strip() for v in value if v is not None and str(v).strip()]


def _text(record: dict[str, Any], key: str) -> str:
    value = record.get(key)
    return str(value).strip() if value is not None else ""


def _entity(record: dict[str, Any], ref: str, here: str, out: Collector) -> Entity:
    births = _strings(record, "dates_of_birth", here, out)
    kind = _text(record, "type").lower()
    if kind in _SCHEMAS:
        schema = _SCHEMAS[kind]
    elif births or _strings(record, "places_of_birth", here, out):
        schema = Schema.PERSON
    else:
        schema = Schema.ORGANIZATION
    entity = Entity(ref=ref, schema=schema, names=[])
    for name in [_text(record, "name"), *_strings(record, "alt_names", here, out)]:
        if not name:
            continue  # no name at all is an issue the collector raises
        found = inverted_variants(name) if schema is Schema.PERSON else [variant(name)]
        for name_variant in found:
            add_name(entity.names, name_variant)
    for text in births:
        date = parse_birth_date(text)
        if date is None:
            out.warn(here, f"field 'dates_of_birth': unreadable {text!r}")
        elif date not in entity.birth_dates:
            entity.birth_dates.append(date)
    for key in ("nationalities", "citizenships"):
        for value in _strings(record, key, here, out):
            add_unique(entity.countries, _country(value, f"{here}, field {key!r}", out))
    if flag := _text(record, "vessel_flag"):
        add_unique(entity.countries, _country(flag, f"{here}, field 'vessel_flag'", out))
    _addresses(record, entity, here, out)
    _identifiers(record, entity, here, out)
    programmes = _strings(record, "programs", here, out)
    if not programmes and (match := _ABBREVIATION.search(_text(record, "source"))):
        programmes = [match[1]]  # BIS lists carry no programme: "Entity List (EL) - ..." -> "EL"
    for programme in programmes:
        add_unique(entity.programmes, programme)
    entity.listed_on = _text(record, "start_date")[:10] or None
    entity.remarks = _text(record, "remarks")
    return entity


def _country(value: str, where: str, out: Collector) -> str | None:
    code = country_code(value)
    if code is None:
        out.warn(where, f"unknown country {value!r}")
    return code


def _addresses(record: dict[str, Any], entity: Entity, here: str, out: Collector) -> None:
    addresses = record.get("addresses") or []
    if not isinstance(addresses, list):
        out.issue(here, "field 'addresses': expected a list")
        return
    for item in addresses:
        if not isinstance(item, dict):
            continue
        raw_country = _text(item, "country")
        country = _country(raw_country, f"{here}, field 'addresses'", out) if raw_country else None
        add_unique(entity.countries, country)
        parts = [_text(item, key) for key in ("address", "city", "state", "postal_code")]
        if any(parts):  # a country alone is kept in `countries`, not as an address
            entity.addresses.append(
                Address(text=", ".join(p for p in [*parts, raw_country] if p), country=country)
            )


def _identifiers(record: dict[str, Any], entity: Entity, here: str, out: Collector) -> None:
    ids = record.get("ids") or []
    if not isinstance(ids, list):
        out.issue(here, "field 'ids': expected a list")
        return
    for item in ids:
        if not isinstance(item, dict):
            continue
        label, number = _text(item, "type"), _text(item, "number")
        if label.lower() == "gender":
            entity.gender = entity.gender or gender(number)
            continue
        if not number or label.lower() in _NOT_IDENTIFIERS:
            continue
        raw_country = _text(item, "country")
        country = _country(raw_country, f"{here}, field 'ids'", out) if raw_country else None
        found = identifier(_id_kind(label), number, country)
        if found is not None and found not in entity.identifiers:
            entity.identifiers.append(found)
