"""The yente / OpenSanctions `match` API shape over our matcher, so existing clients can use it.

Request: `{"queries": {"q1": {"schema": "Person", "properties": {"name": [...], "birthDate": [...],
"country": [...], "idNumber": [...]}}}}`. Answer: `{"responses": {"q1": {"status": 200, "results":
[{"id", "caption", "schema", "properties", "datasets", "score", "match", "features", ...}], "total":
{"value", "relation"}, "query": {...}}}, "matcher": {...}, "limit": n}`. `features` are floats as in
yente; our full explanation is under `explanation`.
"""

from __future__ import annotations

import re
from typing import Any

from dualuse.core.countries import is_country
from dualuse.core.errors import DomainError, NotFound
from dualuse.screening.matching import Hit
from dualuse.screening.models import ListedEntity, SourceKey
from dualuse.screening.schemas import MatchQueryIn
from dualuse.screening.services import current_index, match_party, party_query

_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
ALL_DATASETS = {"default", "sanctions", "all"}
_SCHEMA_IN = {
    "person": "person",
    "organization": "organization",
    "company": "organization",
    "legalentity": "organization",
    "publicbody": "organization",
    "vessel": "vessel",
    "thing": None,
}
_SCHEMA_OUT = {"person": "Person", "organization": "Organization", "vessel": "Vessel", "other": "LegalEntity"}
_ID_PROPS = (
    "idNumber",
    "passportNumber",
    "registrationNumber",
    "taxNumber",
    "innCode",
    "ogrnCode",
    "imoNumber",
    "leiCode",
    "vatCode",
)
# A ref's prefix is its source key, except OpenSanctions ("os:").
_PREFIX_SOURCE = {"os": SourceKey.OPENSANCTIONS.value}


def _dataset_prefix(dataset: str) -> str | None:
    if dataset in ALL_DATASETS:
        return None
    if dataset == SourceKey.OPENSANCTIONS:
        return "os:"
    if dataset in SourceKey.values:
        return f"{dataset}:"
    raise NotFound(f"no dataset {dataset!r}: use default, or one of {', '.join(sorted(SourceKey.values))}")


def _values(props: dict[str, Any], *names: str) -> list[str]:
    out: list[str] = []
    for name in names:
        raw = props.get(name)
        items = raw if isinstance(raw, list) else [raw] if raw is not None else []
        out.extend(str(v).strip() for v in items if isinstance(v, str | int) and str(v).strip())
    return out


def _features(hit: Hit) -> dict[str, float]:
    features: dict[str, float] = {}
    for key, value in hit.explanation.items():
        if not isinstance(value, dict):
            continue
        if key == "name" and isinstance(value.get("score"), int | float):
            features["name_match"] = float(value["score"])
        elif isinstance(value.get("effect"), int | float):
            features[f"{key}_match" if value["effect"] > 0 else f"{key}_mismatch"] = float(value["effect"])
        elif key == "identifier":
            features["identifier_match"] = 1.0
    return features


def entity_properties(entity: ListedEntity) -> dict[str, list[str]]:
    strong = [n["full"] for n in entity.names if n.get("quality") != "weak"]
    weak = [n["full"] for n in entity.names if n.get("quality") == "weak"]
    props: dict[str, list[str]] = {"name": strong[:1] or weak[:1], "alias": strong[1:], "weakAlias": weak}
    props["birthDate"] = entity.birth_date_texts
    props["country"] = list(entity.countries)
    props["idNumber"] = [i["value"] for i in entity.identifiers]
    props["address"] = [a["text"] for a in entity.addresses]
    props["program"] = list(entity.programmes)
    props["notes"] = [entity.remarks] if entity.remarks else []
    if entity.listed_on:
        props["createdAt"] = [entity.listed_on]
    return {k: v for k, v in props.items() if v}


def _one(
    query: MatchQueryIn, prefix: str | None, threshold: float, cutoff: float, limit: int, index: Any
) -> tuple[dict[str, Any], list[Hit]]:
    props = query.properties
    schema_key = query.schema_.lower()
    if schema_key not in _SCHEMA_IN:
        raise DomainError(
            f"schema {query.schema_!r} is not matchable: use Person, Organization, Company, "
            "LegalEntity or Vessel"
        )
    names = _values(props, "name", "alias")
    if not names and (parts := _values(props, "firstName", "middleName", "fatherName", "lastName")):
        names = [" ".join(parts)]
    ids = _values(props, *_ID_PROPS)
    if not names and not ids:
        raise DomainError("the query has no name (properties.name) and no identifier")
    # Values we cannot use (a country name, a free-text date) are ignored, as yente does.
    dates = [d[:10] for d in _values(props, "birthDate", "incorporationDate") if _DATE.match(d[:10])]
    countries = [
        c
        for c in _values(props, "country", "nationality", "citizenship", "jurisdiction")
        if len(c) == 2 and is_country(c)
    ]
    best: dict[str, Hit] = {}
    for name in names or [ids[0]]:
        party = party_query(
            name,
            _SCHEMA_IN[schema_key],
            countries[0] if countries else None,
            dates[0] if dates else None,
            ids,
        )
        for hit in match_party(party, threshold=cutoff, limit=limit * 3, index=index):
            if prefix and not hit.ref.startswith(prefix):
                continue
            if hit.ref not in best or best[hit.ref].score < hit.score:
                best[hit.ref] = hit
    hits = sorted(best.values(), key=lambda h: (-h.score, h.ref))
    return {"schema": query.schema_, "properties": props}, hits


def match_response(
    dataset: str, queries: dict[str, MatchQueryIn], *, threshold: float, cutoff: float, limit: int
) -> dict[str, Any]:
    prefix = _dataset_prefix(dataset)
    active = current_index()
    responses: dict[str, Any] = {}
    found: dict[str, list[Hit]] = {}
    for key, query in queries.items():
        try:
            echo, hits = _one(query, prefix, threshold, min(cutoff, threshold), limit, active)
        except DomainError as exc:
            responses[key] = {
                "status": 400,
                "error": exc.to_json(),
                "results": [],
                "total": {"value": 0, "relation": "eq"},
                "query": {"schema": query.schema_, "properties": query.properties},
            }
            continue
        found[key] = hits
        responses[key] = {
            "status": 200,
            "results": [],
            "total": {"value": len(hits), "relation": "eq"},
            "query": echo,
        }
    refs = {h.ref for hits in found.values() for h in hits[:limit]}
    entities = {
        e.ref: e for e in ListedEntity.objects.filter(version_id__in=active.version_ids, ref__in=refs)
    }
    for key, hits in found.items():
        for hit in hits[:limit]:
            entity = entities.get(hit.ref)
            source = hit.ref.split(":", 1)[0]
            responses[key]["results"].append(
                {
                    "id": hit.ref,
                    "caption": entity.caption if entity else hit.ref,
                    "schema": _SCHEMA_OUT.get(entity.schema if entity else "other", "LegalEntity"),
                    "properties": entity_properties(entity) if entity else {},
                    "datasets": [_PREFIX_SOURCE.get(source, source)],
                    "referents": [],
                    "target": True,
                    "first_seen": None,
                    "last_seen": None,
                    "last_change": None,
                    "score": round(hit.score, 4),
                    "match": hit.score >= threshold,
                    "features": _features(hit),
                    "explanation": hit.explanation,
                    "token": None,
                }
            )
    return {
        "responses": responses,
        "matcher": {
            "name": "dualuse",
            "description": "dualuse name matcher",
            "threshold": threshold,
            "cutoff": min(cutoff, threshold),
        },
        "limit": limit,
    }
