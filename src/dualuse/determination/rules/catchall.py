"""Catch-all rules for items not listed in Annex I: Art 4 (WMD and military) and Art 5 (cyber-surveillance).

They apply to exports, re-exports included (Art 2(2)(b)). Listed items already need an authorisation under
Art 3(1), so these rules look only at lines with no Annex I code.
"""

from dualuse.determination.rules.context import DeterminationContext
from dualuse.determination.rules.facts import Activity, Facts, Line
from dualuse.determination.rules.make import line_label, requirement
from dualuse.determination.rules.result import Effect, Reason, Requirement

EXPORTS = (Activity.EXPORT, Activity.RE_EXPORT)


def _non_listed_export(facts: Facts, line: Line) -> bool:
    return facts.activity in EXPORTS and line.control_code is None


def wmd_informed(facts: Facts, line: Line, ctx: DeterminationContext) -> Requirement | None:
    """Art 4(1)(a): the authority has said the item is or may be for WMD or their delivery missiles."""
    if not (_non_listed_export(facts, line) and facts.end_use.informed_wmd):
        return None
    reason = Reason(
        "informed_wmd",
        ("Art 4(1)(a)",),
        f"{line_label(line)}: the competent authority has informed you of a possible WMD or missile use",
    )
    return requirement("Art 4(1)(a)", Effect.AUTHORISATION, line, (reason,), ctx)


def military_embargo_informed(facts: Facts, line: Line, ctx: DeterminationContext) -> Requirement | None:
    """Art 4(1)(b): informed of a military end use where the buying or destination country is under embargo."""
    if not (_non_listed_export(facts, line) and facts.end_use.informed_military_embargo):
        return None
    reasons = [
        Reason(
            "informed_military_embargo",
            ("Art 4(1)(b)",),
            f"{line_label(line)}: the competent authority has informed you of a possible military end use in an arms-embargoed country",
        )
    ]
    embargo = ctx.lookups.embargoed.get(facts.destination)
    if embargo is not None:
        reasons.append(
            Reason(
                "destination_embargoed",
                ("Art 2(19)", embargo.act),
                f"{facts.destination} is under an arms embargo ({embargo.scope})",
            )
        )
    else:
        reasons.append(
            Reason(
                "purchasing_country_embargoed",
                ("Art 4(1)(b)",),
                f"{facts.destination} is not on our arms-embargo list ({ctx.embargoes.version}); the point also applies where the purchasing country is embargoed",
            )
        )
    return requirement("Art 4(1)(b)", Effect.AUTHORISATION, line, tuple(reasons), ctx)


def illegal_military_parts_informed(
    facts: Facts, line: Line, ctx: DeterminationContext
) -> Requirement | None:
    """Art 4(1)(c): informed of use as parts of military-list items exported illegally from a Member State."""
    if not (_non_listed_export(facts, line) and facts.end_use.informed_illegal_military_parts):
        return None
    reason = Reason(
        "informed_illegal_military_parts",
        ("Art 4(1)(c)",),
        f"{line_label(line)}: the competent authority has informed you of a possible use as parts of illegally exported military items",
    )
    return requirement("Art 4(1)(c)", Effect.AUTHORISATION, line, (reason,), ctx)


def art_4_aware(facts: Facts, line: Line, ctx: DeterminationContext) -> Requirement | None:
    """Art 4(2): aware of an Art 4(1) use the authority has not told you about -> notify; the authority decides."""
    if not _non_listed_export(facts, line):
        return None
    e = facts.end_use
    uses = [
        ("(a) WMD or missile use", e.aware_wmd and not e.informed_wmd),
        (
            "(b) military end use in an embargoed country",
            e.aware_military_embargo and not e.informed_military_embargo,
        ),
        (
            "(c) parts of illegally exported military items",
            e.aware_illegal_military_parts and not e.informed_illegal_military_parts,
        ),
    ]
    known = [label for label, aware in uses if aware]
    if not known:
        return None
    reason = Reason(
        "aware_art_4_1_use",
        ("Art 4(2)",),
        f"{line_label(line)}: you are aware of an Art 4(1) use ({', '.join(known)}); notify your competent authority, which decides",
    )
    return requirement("Art 4(2)", Effect.NOTIFY, line, (reason,), ctx)


def cyber_surveillance_informed(facts: Facts, line: Line, ctx: DeterminationContext) -> Requirement | None:
    """Art 5(1): non-listed cyber-surveillance item, authority informed of internal repression / serious abuses."""
    if not (_non_listed_export(facts, line) and facts.end_use.informed_cyber_surveillance):
        return None
    reason = Reason(
        "informed_cyber_surveillance",
        ("Art 5(1)", "Art 2(20)"),
        f"{line_label(line)}: the competent authority has informed you that this cyber-surveillance item is or may be for internal repression or serious violations of human rights or international humanitarian law",
    )
    return requirement("Art 5(1)", Effect.AUTHORISATION, line, (reason,), ctx)


def cyber_surveillance_aware(facts: Facts, line: Line, ctx: DeterminationContext) -> Requirement | None:
    """Art 5(2): aware from due diligence of such a use -> notify; the authority decides."""
    e = facts.end_use
    if not (
        _non_listed_export(facts, line) and e.aware_cyber_surveillance and not e.informed_cyber_surveillance
    ):
        return None
    reason = Reason(
        "aware_cyber_surveillance",
        ("Art 5(2)",),
        f"{line_label(line)}: your due diligence shows this cyber-surveillance item is intended for internal repression or serious violations of human rights or international humanitarian law; notify your competent authority, which decides",
    )
    return requirement("Art 5(2)", Effect.NOTIFY, line, (reason,), ctx)
