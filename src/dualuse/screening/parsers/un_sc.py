"""UN Security Council Consolidated List XML (`sc-sanctions.xsd`, root `CONSOLIDATED_LIST`).

`INDIVIDUAL` and `ENTITY` records; the ref is `un-sc:<REFERENCE_NUMBER>`. Alias quality `Good`
and `a.k.a.` are strong, `Low` is weak, `f.k.a.` (a former name) stays strong because a party
may still trade under it. Several names in one `ALIAS_NAME` are split on "; ".
"""

from __future__ import annotations

from typing import BinaryIO

from lxml import etree

from dualuse.screening.parsers.base import Collector, ParseResult, add_name, add_unique
from dualuse.screening.parsers.countries import country_code
from dualuse.screening.parsers.dates import birth_date, parse_birth_date
from dualuse.screening.parsers.identifiers import identifier
from dualuse.screening.parsers.names import gender, variant
from dualuse.screening.parsers.xmlstream import child_text, children, iter_records, local, where
from dualuse.screening.records import Address, BirthDate, Entity, Schema

PREFIX = "un-sc"

_SCHEMAS = {"INDIVIDUAL": Schema.PERSON, "ENTITY": Schema.ORGANIZATION}
_NAME_PARTS = ("FIRST_NAME", "SECOND_NAME", "THIRD_NAME", "FOURTH_NAME")
_DOC_KINDS = {
    "passport": "passport",
    "national identification number": "national_id",
    "national identity card": "national_id",
    "identity card": "national_id",
    "tax identification number": "tax",
    "registration number": "registration",
}


def parse_un_sc(stream: BinaryIO) -> ParseResult:
    out = Collector()
    records = iter_records(
        stream, ("INDIVIDUAL", "ENTITY"), "CONSOLIDATED_LIST", "a UN SC consolidated list", out
    )
    for element, index in records:
        here = where(element, index)
        ref = child_text(element, "REFERENCE_NUMBER") or child_text(element, "DATAID")
        if not ref:
            out.issue(here, "record has neither REFERENCE_NUMBER nor DATAID")
            continue
        out.add(_entity(element, f"{PREFIX}:{ref}", out), here)
    return out.result()


def _entity(element: etree._Element, ref: str, out: Collector) -> Entity:
    tag = local(element.tag)
    entity = Entity(ref=ref, schema=_SCHEMAS[tag], names=[])
    parts = [child_text(element, part) for part in _NAME_PARTS]
    present = [p for p in parts if p]
    if present:
        is_person = entity.schema is Schema.PERSON and len(present) > 1
        add_name(
            entity.names,
            variant(
                " ".join(present),
                first=present[0] if is_person else None,
                middle=" ".join(present[1:-1]) if is_person else None,
                last=present[-1] if is_person else None,
            ),
        )
    if original := child_text(element, "NAME_ORIGINAL_SCRIPT"):
        add_name(entity.names, variant(original))
    remarks: list[str] = []
    for child in element:
        name = local(child.tag)
        if name in {"INDIVIDUAL_ALIAS", "ENTITY_ALIAS"}:
            _alias(child, entity)
        elif name == "NATIONALITY":
            for value in children(child, "VALUE"):
                add_unique(entity.countries, _country(value.text, child, out))
        elif name in {"INDIVIDUAL_ADDRESS", "ENTITY_ADDRESS"}:
            _address(child, entity, out)
        elif name == "INDIVIDUAL_DATE_OF_BIRTH":
            _birth_date(child, entity, out)
        elif name == "INDIVIDUAL_DOCUMENT":
            _document(child, entity, out)
        elif name in {"COMMENTS1", "COMMENTS"} and (text := (child.text or "").strip()):
            remarks.append(text)
        elif name in {"TITLE", "DESIGNATION"}:
            values = [(v.text or "").strip() for v in children(child, "VALUE")]
            if values := [v for v in values if v]:
                remarks.append(f"{name.lower().capitalize()}: {'; '.join(values)}")
    add_unique(entity.programmes, child_text(element, "UN_LIST_TYPE"))
    entity.listed_on = child_text(element, "LISTED_ON")[:10] or None
    entity.gender = gender(child_text(element, "GENDER"))
    entity.remarks = "\n".join(remarks)
    return entity


def _alias(element: etree._Element, entity: Entity) -> None:
    weak = child_text(element, "QUALITY").lower() in {"low", "weak"}
    for name in child_text(element, "ALIAS_NAME").split(";"):
        if name.strip():
            add_name(entity.names, variant(name, weak=weak))


def _country(text: str | None, element: etree._Element, out: Collector) -> str | None:
    value = (text or "").strip()
    code = country_code(value)
    if code is None and value:
        out.warn(f"line {element.sourceline}, <{local(element.tag)}>", f"unknown country {value!r}")
    return code


def _address(element: etree._Element, entity: Entity, out: Collector) -> None:
    country_name = child_text(element, "COUNTRY")
    country = _country(country_name, element, out)
    add_unique(entity.countries, country)
    parts = [child_text(element, key) for key in ("STREET", "CITY", "STATE_PROVINCE", "ZIP_CODE", "NOTE")]
    if any(parts):  # a country alone is kept in `countries`, not as an address
        text = ", ".join(p for p in [*parts, country_name] if p)
        entity.addresses.append(Address(text=text, country=country))


def _birth_date(element: etree._Element, entity: Entity, out: Collector) -> None:
    kind = child_text(element, "TYPE_OF_DATE").upper()
    circa = kind == "APPROXIMATELY"
    date: BirthDate | None = None
    if kind == "BETWEEN" or child_text(element, "FROM_YEAR"):
        date = birth_date(
            child_text(element, "FROM_YEAR"), year_to=child_text(element, "TO_YEAR"), circa=circa
        )
    elif text := child_text(element, "DATE"):
        date = parse_birth_date(text)
        if date is not None and circa:
            date = birth_date(date.year, date.month, date.day, year_to=date.year_to, circa=True)
    elif year := child_text(element, "YEAR"):
        date = birth_date(year, circa=circa)
    else:
        return  # an empty element: the list says nothing
    if date is None:
        out.warn(
            f"line {element.sourceline}, <INDIVIDUAL_DATE_OF_BIRTH>", f"{entity.ref}: unreadable birth date"
        )
    elif date not in entity.birth_dates:
        entity.birth_dates.append(date)


def _document(element: etree._Element, entity: Entity, out: Collector) -> None:
    number = child_text(element, "NUMBER")
    if not number:
        return
    kind_text = child_text(element, "TYPE_OF_DOCUMENT").lower()
    kind = _DOC_KINDS.get(kind_text, "passport" if "passport" in kind_text else "other")
    issuer = child_text(element, "ISSUING_COUNTRY") or child_text(element, "COUNTRY_OF_ISSUE")
    found = identifier(kind, number, _country(issuer, element, out))
    if found is not None and found not in entity.identifiers:
        entity.identifiers.append(found)
