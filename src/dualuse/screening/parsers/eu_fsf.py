"""EU Financial Sanctions Files, XML export v1.1 (`<export xmlns="http://eu.europa.ec/fpi/fsd/export">`).

One `sanctionEntity` per listed party; its ref is `eu-fsf:<euReferenceNumber>`. Names come from
`nameAlias` (`strong="false"` is a weak alias), birth dates from `birthdate` (full, `year` only,
`yearRangeFrom`/`yearRangeTo`, `circa`), identifiers from `identification`.
"""

from __future__ import annotations

from typing import BinaryIO

from lxml import etree

from dualuse.screening.parsers.base import Collector, ParseResult, add_name, add_unique, earliest
from dualuse.screening.parsers.countries import country_code
from dualuse.screening.parsers.dates import birth_date
from dualuse.screening.parsers.identifiers import identifier
from dualuse.screening.parsers.names import gender, variant
from dualuse.screening.parsers.xmlstream import attr, iter_records, local, where
from dualuse.screening.records import Address, Entity, Schema

PREFIX = "eu-fsf"

_SCHEMAS = {"person": Schema.PERSON, "enterprise": Schema.ORGANIZATION}

# identificationTypeCode -> Identifier.kind (codes as in OpenSanctions' eu_fsf.yml lookups).
_ID_KINDS = {
    "passport": "passport",
    "id": "national_id",
    "ssn": "national_id",
    "regnumber": "registration",
    "fiscalcode": "tax",
    "imo": "imo",
}


def parse_eu_fsf(stream: BinaryIO) -> ParseResult:
    out = Collector()
    for element, index in iter_records(stream, ("sanctionEntity",), "export", "an EU FSF export", out):
        here = where(element, index)
        ref = attr(element, "euReferenceNumber") or attr(element, "logicalId")
        if not ref:
            out.issue(here, "sanctionEntity has neither euReferenceNumber nor logicalId")
            continue
        out.add(_entity(element, f"{PREFIX}:{ref}", out), here)
    return out.result()


def _entity(element: etree._Element, ref: str, out: Collector) -> Entity:
    entity = Entity(ref=ref, schema=Schema.OTHER, names=[])
    listing_dates: list[str] = []
    remarks: list[str] = []
    for child in element:
        name = local(child.tag)
        if name == "subjectType":
            entity.schema = _SCHEMAS.get(attr(child, "code").lower(), Schema.OTHER)
        elif name == "nameAlias":
            _name_alias(child, entity, out)
        elif name == "regulation":
            add_unique(entity.programmes, attr(child, "programme"))
            listing_dates.append(attr(child, "publicationDate"))
        elif name == "citizenship":
            add_unique(entity.countries, _country(child, out))
        elif name == "birthdate":
            _birth_date(child, entity, out)
        elif name == "identification":
            _identification(child, entity, out)
        elif name == "address":
            _address(child, entity, out)
        elif name == "remark" and (text := (child.text or "").strip()):
            remarks.append(text)
    entity.listed_on = attr(element, "designationDate")[:10] or earliest(listing_dates)
    entity.remarks = "\n".join(remarks)
    return entity


def _name_alias(element: etree._Element, entity: Entity, out: Collector) -> None:
    first, middle, last = attr(element, "firstName"), attr(element, "middleName"), attr(element, "lastName")
    full = attr(element, "wholeName") or " ".join(p for p in (first, middle, last) if p)
    if not full:
        out.warn(f"line {element.sourceline}, <nameAlias>", f"{entity.ref}: alias without a name, skipped")
        return
    weak = attr(element, "strong").lower() == "false"
    lang = attr(element, "nameLanguage")
    add_name(entity.names, variant(full, weak=weak, lang=lang, first=first, middle=middle, last=last))
    entity.gender = entity.gender or gender(attr(element, "gender"))


def _country(element: etree._Element, out: Collector) -> str | None:
    code = country_code(attr(element, "countryIso2Code"))
    if code is None:
        code = country_code(attr(element, "countryDescription"))
    description = attr(element, "countryDescription")
    if code is None and description and description.upper() != "UNKNOWN":
        out.warn(f"line {element.sourceline}, <{local(element.tag)}>", f"unknown country {description!r}")
    return code


def _birth_date(element: etree._Element, entity: Entity, out: Collector) -> None:
    circa = attr(element, "circa").lower() == "true"
    full = attr(element, "birthdate")
    if full:
        date = birth_date(full[:4], full[5:7], full[8:10], circa=circa)
    elif attr(element, "yearRangeFrom") or attr(element, "yearRangeTo"):
        date = birth_date(attr(element, "yearRangeFrom"), year_to=attr(element, "yearRangeTo"), circa=circa)
    else:
        date = birth_date(
            attr(element, "year"), attr(element, "monthOfYear"), attr(element, "dayOfMonth"), circa=circa
        )
    if date is None:
        if full or attr(element, "year") or attr(element, "yearRangeFrom"):
            out.warn(f"line {element.sourceline}, <birthdate>", f"{entity.ref}: unreadable birth date")
        return
    if date not in entity.birth_dates:
        entity.birth_dates.append(date)


def _identification(element: etree._Element, entity: Entity, out: Collector) -> None:
    number = attr(element, "number") or attr(element, "latinNumber")
    kind = _ID_KINDS.get(attr(element, "identificationTypeCode").lower(), "other")
    found = identifier(kind, number, _country(element, out))
    if found is not None and found not in entity.identifiers:
        entity.identifiers.append(found)


def _address(element: etree._Element, entity: Entity, out: Collector) -> None:
    country = _country(element, out)
    parts = [attr(element, key) for key in ("street", "poBox", "zipCode", "city", "region", "place")]
    if any(parts):  # a country alone is kept in `countries`, not as an address
        parts.append(attr(element, "countryDescription"))
        text = ", ".join(p for p in parts if p and p.upper() != "UNKNOWN")
        entity.addresses.append(Address(text=text, country=country))
    add_unique(entity.countries, country)
