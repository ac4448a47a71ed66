"""Rules for listed items: Art 3(1) (Annex I, export) and Art 11(1) (Annex IV, transfer inside the EU)."""

from dualuse.determination.rules.annex_iv import annex_iv_below, match_annex_iv
from dualuse.determination.rules.context import DeterminationContext
from dualuse.determination.rules.facts import Activity, Facts, Line
from dualuse.determination.rules.make import line_label, requirement
from dualuse.determination.rules.result import Effect, Reason, Requirement

EXPORTS = (Activity.EXPORT, Activity.RE_EXPORT)


def annex_i_export(facts: Facts, line: Line, ctx: DeterminationContext) -> Requirement | None:
    """Art 3(1): exporting an Annex I item needs an authorisation; a re-export is an export (Art 2(2)(b))."""
    if facts.activity not in EXPORTS or line.control_code is None:
        return None
    code = line.control_code
    reasons = [
        Reason("annex_i_listed", ("Art 3(1)", f"Annex I {code}"), f"{line_label(line)} is listed in Annex I"),
    ]
    if facts.activity is Activity.RE_EXPORT:
        reasons.append(Reason("re_export_is_export", ("Art 2(2)(b)",), "A re-export is an export"))
    if line.cyber_surveillance:
        reasons.append(
            Reason(
                "listed_cyber_surveillance",
                ("Art 2(20)", "Art 26(2)"),
                f"{code} is a listed cyber-surveillance item; authorisations for it are reported separately",
            )
        )
    return requirement("Art 3(1)", Effect.AUTHORISATION, line, tuple(reasons), ctx)


def annex_iv_transfer(facts: Facts, line: Line, ctx: DeterminationContext) -> Requirement | None:
    """Art 11(1): moving an Annex IV item from one Member State to another needs an authorisation."""
    if facts.activity is not Activity.INTRA_EU_TRANSFER or line.control_code is None:
        return None
    found = match_annex_iv(line.control_code, ctx)
    if found is None:
        return None
    reasons = [
        Reason(
            "annex_iv_listed",
            ("Art 11(1)", found.reference),
            f"{line_label(line)} is in Annex IV Part {' and '.join(found.parts)}",
        )
    ]
    if "II" in found.parts:
        reasons.append(
            Reason(
                "annex_iv_part_ii",
                ("Annex IV Part II",),
                "No national general authorisation for intra-Union trade is possible",
            )
        )
    if found.parts == ("I",):
        reasons.append(
            Reason(
                "annex_iv_part_i",
                ("Annex IV Part I",),
                "A national general authorisation for intra-Union trade is possible",
            )
        )
    scope = list(found.scopes)
    if found.mtcr:
        exemptions = "; ".join(ctx.annex_iv.mtcr_exemptions)
        scope.append(f"Annex IV does not control MTCR-technology items transferred as follows: {exemptions}")
    return requirement(
        "Art 11(1)",
        Effect.AUTHORISATION,
        line,
        tuple(reasons),
        ctx,
        entry_text=f"{found.reference}: {'; '.join(found.scopes) or 'as worded in Annex I'}",
        scope_conditions=tuple(scope),
    )


def annex_iv_notes(facts: Facts, line: Line, ctx: DeterminationContext) -> list[Reason]:
    """Reasons for a transfer line that Art 11(1) does not catch: sub-items that would, and national rules."""
    if facts.activity is not Activity.INTRA_EU_TRANSFER or (
        line.control_code and match_annex_iv(line.control_code, ctx)
    ):
        return []
    notes: list[Reason] = []
    below = annex_iv_below(line.control_code, ctx) if line.control_code else ()
    if below:
        notes.append(
            Reason(
                "annex_iv_sub_items",
                ("Art 11(1)", "Annex IV"),
                f"{line_label(line)}: Annex IV lists {', '.join(below)}; an authorisation is needed if the item is one of them",
            )
        )
    notes.append(
        Reason(
            "not_in_annex_iv",
            ("Art 11(1)",),
            f"{line_label(line)} is not in Annex IV, so no transfer authorisation under Art 11(1)",
        )
    )
    notes.append(
        Reason(
            "national_transfer_requirement",
            (ctx.annex_iv.national_extension_reference,),
            ctx.annex_iv.national_extension_text,
        )
    )
    return notes
