"""determine(facts, context): every requirement, its basis and the general authorisations that can be used."""

import re
from collections.abc import Callable
from dataclasses import replace

from dualuse.determination.rules.catchall import (
    art_4_aware,
    cyber_surveillance_aware,
    cyber_surveillance_informed,
    illegal_military_parts_informed,
    military_embargo_informed,
    wmd_informed,
)
from dualuse.determination.rules.context import DeterminationContext
from dualuse.determination.rules.facts import Activity, Facts, Line
from dualuse.determination.rules.listed import annex_i_export, annex_iv_transfer
from dualuse.determination.rules.notes import destination_notes, line_notes
from dualuse.determination.rules.result import DeterminationResult, Effect, Outcome, Reason, Requirement
from dualuse.determination.rules.services import (
    brokering_aware,
    brokering_informed,
    technical_assistance_aware,
    technical_assistance_informed,
    transit_prohibition,
)
from dualuse.determination.rules.ugea import evaluate

LineRule = Callable[[Facts, Line, DeterminationContext], Requirement | None]

LINE_RULES: tuple[LineRule, ...] = (
    annex_i_export,  # Art 3(1)
    wmd_informed,  # Art 4(1)(a)
    military_embargo_informed,  # Art 4(1)(b)
    illegal_military_parts_informed,  # Art 4(1)(c)
    art_4_aware,  # Art 4(2)
    cyber_surveillance_informed,  # Art 5(1)
    cyber_surveillance_aware,  # Art 5(2)
    brokering_informed,  # Art 6(1)
    brokering_aware,  # Art 6(2)
    transit_prohibition,  # Art 7(1)
    technical_assistance_informed,  # Art 8(1)
    technical_assistance_aware,  # Art 8(2)
    annex_iv_transfer,  # Art 11(1)
)

_BASIS_RE = re.compile(r"^Art (\d+)(?:\((\d+)\))?(?:\(([a-z]+)\))?")


def _basis_key(basis: str) -> tuple[int, int, str, str]:
    m = _BASIS_RE.match(basis)
    if m is None:
        return (10_000, 0, "", basis)
    return (int(m.group(1)), int(m.group(2) or 0), m.group(3) or "", basis)


def outcome(requirements: tuple[Requirement, ...]) -> Outcome:
    effects = {r.effect for r in requirements}
    if Effect.AUTHORISATION in effects:
        return True
    if Effect.NOTIFY in effects:
        return "notify"
    return False  # Art 7 transit powers belong to the Member State: no licence to apply for


ACTIVITY_BASES = {
    Activity.EXPORT: ("Art 3(1)", "Art 4", "Art 5"),
    Activity.RE_EXPORT: ("Art 2(2)(b)", "Art 3(1)", "Art 4", "Art 5"),
    Activity.BROKERING: ("Art 6",),
    Activity.TECHNICAL_ASSISTANCE: ("Art 8",),
    Activity.TRANSIT: ("Art 7",),
    Activity.INTRA_EU_TRANSFER: ("Art 11(1)",),
}


def _summary(result: Outcome, bases: tuple[str, ...], usable: tuple[str, ...], activity: Activity) -> Reason:
    bases = bases or ACTIVITY_BASES[activity]
    if result is True and usable:
        return Reason(
            "authorisation_required",
            bases,
            f"An authorisation is required; {', '.join(usable)} can provide it if its conditions are met",
        )
    if result is True:
        return Reason(
            "authorisation_required",
            bases,
            "An authorisation is required; no Union general export authorisation can be used, so apply for one",
        )
    if result == "notify":
        return Reason(
            "notify_authority",
            bases,
            "Notify your competent authority, which decides whether an authorisation is required",
        )
    return Reason(
        "no_authorisation_required",
        bases,
        "No authorisation is required under Regulation (EU) 2021/821 on these facts",
    )


def determine(facts: Facts, ctx: DeterminationContext) -> DeterminationResult:
    requirements: list[Requirement] = []
    notes: list[Reason] = destination_notes(facts, ctx)
    for line in facts.lines:
        for rule in LINE_RULES:
            found = rule(facts, line, ctx)
            if found is not None:
                requirements.append(found)
        notes += line_notes(facts, line, ctx)
    for source in ctx.extra_sources:
        requirements += source.requirements(facts)

    needing = {r.line for r in requirements if r.effect is Effect.AUTHORISATION and r.line is not None}
    to_cover = tuple(line for line in facts.lines if line.index in needing)
    ugeas = evaluate(facts, to_cover, ctx)
    if facts.activity in (Activity.EXPORT, Activity.RE_EXPORT):
        requirements = [
            replace(r, general_authorisations=ugeas.per_line.get(r.line, ()))
            if r.line is not None and r.effect is Effect.AUTHORISATION
            else r
            for r in requirements
        ]

    final = tuple(requirements)
    result = outcome(final)
    bases = tuple(sorted({r.basis for r in final}, key=_basis_key))
    usable_codes = tuple(u.code for u in ugeas.usable)
    reasons: dict[str, Reason] = {}
    for reason in [
        *(x for r in final for x in r.reasons),
        *notes,
        _summary(result, bases, usable_codes, facts.activity),
    ]:
        reasons.setdefault(reason.render(), reason)
    return DeterminationResult(
        licence_required=result,
        legal_bases=bases,
        requirements=final,
        usable_general_authorisations=ugeas.usable,
        unusable_general_authorisations=ugeas.unusable,
        reasons=tuple(reasons.values()),
        data_versions=ctx.versions,
    )
