"""Rules for brokering (Art 6), transit (Art 7) and technical assistance (Art 8) of Annex I items."""

from dualuse.determination.rules.context import DeterminationContext
from dualuse.determination.rules.facts import Activity, Facts, Line
from dualuse.determination.rules.make import line_label, requirement
from dualuse.determination.rules.result import Effect, Reason, Requirement


def _informed_uses(facts: Facts) -> list[str]:
    e = facts.end_use
    return [
        label
        for label, flag in (
            ("Art 4(1)(a)", e.informed_wmd),
            ("Art 4(1)(b)", e.informed_military_embargo),
            ("Art 4(1)(c)", e.informed_illegal_military_parts),
        )
        if flag
    ]


def _aware_only_uses(facts: Facts) -> list[str]:
    e = facts.end_use
    return [
        label
        for label, flag in (
            ("Art 4(1)(a)", e.aware_wmd and not e.informed_wmd),
            ("Art 4(1)(b)", e.aware_military_embargo and not e.informed_military_embargo),
            ("Art 4(1)(c)", e.aware_illegal_military_parts and not e.informed_illegal_military_parts),
        )
        if flag
    ]


def brokering_informed(facts: Facts, line: Line, ctx: DeterminationContext) -> Requirement | None:
    """Art 6(1): brokering Annex I items needs an authorisation once the broker is told of an Art 4(1) use."""
    uses = _informed_uses(facts)
    if facts.activity is not Activity.BROKERING or line.control_code is None or not uses:
        return None
    reason = Reason(
        "brokering_informed",
        ("Art 6(1)", *uses),
        f"{line_label(line)}: the competent authority has informed you, the broker, of a use in {', '.join(uses)}",
    )
    return requirement("Art 6(1)", Effect.AUTHORISATION, line, (reason,), ctx)


def brokering_aware(facts: Facts, line: Line, ctx: DeterminationContext) -> Requirement | None:
    """Art 6(2): a broker aware of an Art 4(1) use must notify; the authority decides."""
    uses = _aware_only_uses(facts)
    if facts.activity is not Activity.BROKERING or line.control_code is None or not uses:
        return None
    reason = Reason(
        "brokering_aware",
        ("Art 6(2)", *uses),
        f"{line_label(line)}: you are aware of a use in {', '.join(uses)}; notify your competent authority, which decides",
    )
    return requirement("Art 6(2)", Effect.NOTIFY, line, (reason,), ctx)


def _assistance_exempt(facts: Facts, ctx: DeterminationContext) -> bool:
    # Art 8(3)(a): assistance within or into an EU001 country (Annex II Section A Part 2), or to its resident.
    return facts.destination in ctx.lookups.destinations["EU001"]


def technical_assistance_informed(facts: Facts, line: Line, ctx: DeterminationContext) -> Requirement | None:
    """Art 8(1): technical assistance for Annex I items, once informed of an Art 4(1) use (Art 8(3) exempts)."""
    uses = _informed_uses(facts)
    if facts.activity is not Activity.TECHNICAL_ASSISTANCE or line.control_code is None or not uses:
        return None
    if _assistance_exempt(facts, ctx):
        return None
    reason = Reason(
        "technical_assistance_informed",
        ("Art 8(1)", *uses),
        f"{line_label(line)}: the competent authority has informed you of a use in {', '.join(uses)}",
    )
    return requirement("Art 8(1)", Effect.AUTHORISATION, line, (reason,), ctx)


def technical_assistance_aware(facts: Facts, line: Line, ctx: DeterminationContext) -> Requirement | None:
    """Art 8(2): a provider aware of an Art 4(1) use must notify; the authority decides (Art 8(3) exempts)."""
    uses = _aware_only_uses(facts)
    if facts.activity is not Activity.TECHNICAL_ASSISTANCE or line.control_code is None or not uses:
        return None
    if _assistance_exempt(facts, ctx):
        return None
    reason = Reason(
        "technical_assistance_aware",
        ("Art 8(2)", *uses),
        f"{line_label(line)}: you are aware of a use in {', '.join(uses)}; notify your competent authority, which decides",
    )
    return requirement("Art 8(2)", Effect.NOTIFY, line, (reason,), ctx)


def transit_prohibition(facts: Facts, line: Line, ctx: DeterminationContext) -> Requirement | None:
    """Art 7(1): the Member State of transit may prohibit the transit of Annex I items meant for an Art 4(1) use.

    A power of the Member State, not a licence: the effect is MAY_PROHIBIT and the outcome stays "no licence".
    """
    uses = sorted(set(_informed_uses(facts)) | set(_aware_only_uses(facts)))
    if facts.activity is not Activity.TRANSIT or line.control_code is None or not uses:
        return None
    reason = Reason(
        "transit_may_be_prohibited",
        ("Art 7(1)", *uses),
        f"{line_label(line)}: the items are or may be intended for a use in {', '.join(uses)}; the Member State of transit may prohibit the transit or first require an authorisation for it",
    )
    return requirement("Art 7(1)", Effect.MAY_PROHIBIT, line, (reason,), ctx)
