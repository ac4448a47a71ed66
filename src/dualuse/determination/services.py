"""Determinations: the rules engine fed with the active control list, stored and re-checkable."""

from __future__ import annotations

import threading
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, replace
from typing import Any

from django.db import transaction
from django.utils import timezone

from dualuse.controllist.formats import ListDiff
from dualuse.controllist.models import ControlEntry, ControlListVersion
from dualuse.core import audit
from dualuse.core.errors import PermissionDenied
from dualuse.core.models import Verb
from dualuse.determination import sources
from dualuse.determination.errors import InvalidDeterminationRequest
from dualuse.determination.models import Determination
from dualuse.determination.rules.batch import determine_batch
from dualuse.determination.rules.context import DeterminationContext, load_context
from dualuse.determination.rules.engine import determine as run_rules
from dualuse.determination.rules.request import RequestError, parse_request
from dualuse.determination.rules.result import DeterminationResult


@dataclass(frozen=True, slots=True)
class ListLookups:
    version_id: int | None
    codes: frozenset[str]
    cyber: frozenset[str]
    texts: Mapping[str, str]

    def known(self, code: str) -> bool:
        return code in self.codes

    def is_cyber(self, code: str) -> bool:
        return code in self.cyber

    def text(self, code: str) -> str | None:
        return self.texts.get(code)


_lock = threading.Lock()
_cache: dict[str, Any] = {}


def _lookups() -> ListLookups:
    version = ControlListVersion.objects.active()
    key = version.pk if version else None
    with _lock:
        cached = _cache.get("lookups")
        if cached is not None and cached.version_id == key:
            return cached  # type: ignore[no-any-return]
        rows = (
            list(
                ControlEntry.objects.filter(version=version).values_list("code", "cyber_surveillance", "text")
            )
            if version
            else []
        )
        lookups = ListLookups(
            version_id=key,
            codes=frozenset(code for code, _, _ in rows),
            cyber=frozenset(code for code, cyber, _ in rows if cyber),
            texts={code: text for code, _, text in rows},
        )
        _cache["lookups"] = lookups
        _cache.pop("context", None)
        return lookups


def engine_context() -> tuple[DeterminationContext, ListLookups]:
    """The versioned data plus the active list; extra rule sources are asked afresh on every call."""
    lookups = _lookups()
    with _lock:
        base = _cache.get("context")
        if base is None:
            base = load_context(entry_text=lookups.text)
            _cache["context"] = base
    extra = sources.current_sources()
    return (replace(base, extra_sources=extra, memo={}) if extra else base), lookups


def _parse(request: Mapping[str, Any], lookups: ListLookups) -> Any:
    known = lookups.known if lookups.version_id is not None else None
    try:
        return parse_request(request, known_codes=known, cyber_surveillance_codes=lookups.is_cyber)
    except RequestError as exc:
        raise InvalidDeterminationRequest(f"{exc.field}: {exc.message}", field=exc.field) from exc


def determine(request: Mapping[str, Any]) -> DeterminationResult:
    context, lookups = engine_context()
    return run_rules(_parse(request, lookups), context)


def determine_lines(lines: Iterable[str]) -> Iterator[str]:
    context, lookups = engine_context()
    known = lookups.known if lookups.version_id is not None else None
    return determine_batch(
        lines, context=context, known_codes=known, cyber_surveillance_codes=lookups.is_cyber
    )


def _outcome_label(result: DeterminationResult) -> str:
    value = result.licence_required
    return "notify" if value == "notify" else ("true" if value else "false")


def save_determination(request: Mapping[str, Any], *, acting_user: Any, title: str = "") -> Determination:
    if getattr(acting_user, "role", "") != "exporter" or acting_user.organisation_id is None:
        raise PermissionDenied("only exporter users keep determinations in their account")
    result = determine(request)
    payload = result.to_json()
    with transaction.atomic():
        determination = Determination.objects.create(
            organisation_id=acting_user.organisation_id,
            created_by=acting_user,
            title=title[:200],
            request=dict(request),
            result=payload,
            licence_required=_outcome_label(result),
            control_list_version_id=_lookups().version_id,
            data_versions=payload.get("data_versions", {}),
        )
        audit.record(
            acting_user,
            Verb.DETERMINATION_MADE,
            determination,
            data={"licence_required": determination.licence_required, "bases": payload["legal_bases"]},
        )
    return determination


def recheck(determination: Determination, *, acting_user: Any) -> Determination:
    """Run the stored inputs again against the list and data in force and say whether the answer changed."""
    try:
        result = determine(determination.request)
        payload: dict[str, Any] = result.to_json()
        note_parts = []
        if payload["licence_required"] != determination.result.get("licence_required"):
            note_parts.append(
                f"licence required: {determination.result.get('licence_required')} → {payload['licence_required']}"
            )
        if payload["legal_bases"] != determination.result.get("legal_bases"):
            note_parts.append(
                f"legal bases: {determination.result.get('legal_bases')} → {payload['legal_bases']}"
            )
        old_ugea = sorted(u["code"] for u in determination.result.get("usable_general_authorisations", []))
        new_ugea = sorted(u["code"] for u in payload["usable_general_authorisations"])
        if old_ugea != new_ugea:
            note_parts.append(f"usable general authorisations: {old_ugea} → {new_ugea}")
    except InvalidDeterminationRequest as exc:
        payload = determination.result
        note_parts = [f"the stored request is no longer valid: {exc.message}"]
    with transaction.atomic():
        Determination.objects.filter(pk=determination.pk).update(
            rechecked_at=timezone.now(),
            recheck_changed=bool(note_parts),
            recheck_note="; ".join(note_parts) or "unchanged",
        )
        audit.record(
            acting_user, Verb.DETERMINATION_MADE, determination, data={"recheck": note_parts or "unchanged"}
        )
    determination.refresh_from_db()
    return determination


def determinations_affected(diff: ListDiff) -> list[str]:
    """controllist hook: stored determinations that use an entry the new version changed or removed."""
    touched = set(diff.removed) | {c.code for c in diff.changed}
    if not touched:
        return []
    affected = []
    for d in Determination.objects.only("pk", "title", "request", "organisation_id").iterator():
        codes = set(d.control_codes) & touched
        if codes:
            affected.append(f"determination {d.pk} ({d.title or 'untitled'}): {', '.join(sorted(codes))}")
    return affected
