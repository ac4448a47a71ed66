"""Shared pieces of the cooperation services: dates, deadlines and validation of plain item/party data."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date
from typing import Any

from django.utils import timezone

from dualuse.cooperation.errors import CooperationInvalid
from dualuse.cooperation.identical import code_path
from dualuse.core.countries import is_country, is_member_state, normalise_code
from dualuse.core.errors import Problem

PARTY_ROLES = frozenset({"end_user", "consignee", "ultimate_end_user", "intermediate_consignee", "other"})


def today() -> date:
    return timezone.localdate()


def add_years(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


def member_state(raw: Any, field: str) -> str:
    code = normalise_code(str(raw or ""))
    if not is_member_state(code):
        raise CooperationInvalid(f"{raw!r} is not an EU Member State code", field=field)
    return code


def country(raw: Any, field: str, *, required: bool = True) -> str:
    code = normalise_code(str(raw or ""))
    if not code and not required:
        return ""
    if not is_country(code):
        raise CooperationInvalid(f"{raw!r} is not an ISO country code", field=field)
    return code


def clean_items(raw: Any, *, field: str = "items", require_code: bool = True) -> list[dict[str, Any]]:
    """`[{"entry_code", "description"?, "parameters"?}]`, every problem reported at once."""
    if not isinstance(raw, Sequence) or isinstance(raw, str) or not raw:
        raise CooperationInvalid("at least one item is required", field=field)
    problems: list[Problem] = []
    items: list[dict[str, Any]] = []
    for i, item in enumerate(raw):
        where = f"{field}[{i}]"
        if not isinstance(item, Mapping):
            problems.append(Problem(where, "expected an object"))
            continue
        code = str(item.get("entry_code") or "").strip()
        if code:
            try:
                code_path(code)
            except ValueError as exc:
                problems.append(Problem(f"{where}.entry_code", str(exc)))
        elif require_code:
            problems.append(Problem(f"{where}.entry_code", "required (an Annex I entry code)"))
        params = item.get("parameters") or {}
        if not isinstance(params, Mapping) or not all(
            isinstance(v, str | int | float) and not isinstance(v, bool) for v in params.values()
        ):
            problems.append(Problem(f"{where}.parameters", "expected an object of numbers or text"))
            params = {}
        items.append(
            {
                "entry_code": code,
                "description": str(item.get("description") or "")[:500],
                "parameters": {str(k): v for k, v in params.items()},
            }
        )
    if problems:
        raise CooperationInvalid(f"{len(problems)} problem(s) in {field}", field=field, problems=problems)
    return items


def clean_parties(raw: Any, *, field: str = "parties", required: bool = True) -> list[dict[str, Any]]:
    """`[{"role", "name", "country", "identifiers"?, "aliases"?}]`, every problem reported at once."""
    if raw is None or (isinstance(raw, Sequence) and not raw and not required):
        return []
    if not isinstance(raw, Sequence) or isinstance(raw, str) or not raw:
        raise CooperationInvalid("at least one party (end user or consignee) is required", field=field)
    problems: list[Problem] = []
    parties: list[dict[str, Any]] = []
    for i, party in enumerate(raw):
        where = f"{field}[{i}]"
        if not isinstance(party, Mapping):
            problems.append(Problem(where, "expected an object"))
            continue
        name = str(party.get("name") or "").strip()
        if not name:
            problems.append(Problem(f"{where}.name", "required"))
        role = str(party.get("role") or "end_user")
        if role not in PARTY_ROLES:
            problems.append(Problem(f"{where}.role", f"expected one of {', '.join(sorted(PARTY_ROLES))}"))
        code = normalise_code(str(party.get("country") or ""))
        if code and not is_country(code):
            problems.append(
                Problem(f"{where}.country", f"{party.get('country')!r} is not an ISO country code")
            )
        identifiers = party.get("identifiers") or {}
        if not isinstance(identifiers, Mapping):
            problems.append(Problem(f"{where}.identifiers", "expected an object of scheme: value"))
            identifiers = {}
        aliases = party.get("aliases") or []
        if not isinstance(aliases, Sequence) or isinstance(aliases, str):
            problems.append(Problem(f"{where}.aliases", "expected a list of names"))
            aliases = []
        parties.append(
            {
                "role": role,
                "name": name[:300],
                "country": code,
                "identifiers": {str(k): str(v) for k, v in identifiers.items() if str(v).strip()},
                "aliases": [str(a)[:300] for a in aliases if str(a).strip()],
            }
        )
    if problems:
        raise CooperationInvalid(f"{len(problems)} problem(s) in {field}", field=field, problems=problems)
    return parties


def require_text(raw: Any, field: str, *, minimum: int = 1, maximum: int = 10_000) -> str:
    text = str(raw or "").strip()
    if len(text) < minimum:
        what = "required" if minimum == 1 else f"at least {minimum} characters"
        raise CooperationInvalid(f"{field}: {what}", field=field)
    if len(text) > maximum:
        raise CooperationInvalid(f"{field}: at most {maximum} characters", field=field)
    return text
