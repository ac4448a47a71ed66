"""Reasons that explain an answer without adding a requirement: embargoes, exemptions, national options."""

from dualuse.determination.rules.context import DeterminationContext
from dualuse.determination.rules.facts import Activity, Facts, Line
from dualuse.determination.rules.listed import annex_iv_notes
from dualuse.determination.rules.make import line_label
from dualuse.determination.rules.result import Reason

EXPORTS = (Activity.EXPORT, Activity.RE_EXPORT)


def destination_notes(facts: Facts, ctx: DeterminationContext) -> list[Reason]:
    if facts.activity is Activity.INTRA_EU_TRANSFER:
        return []
    notes: list[Reason] = []
    embargo = ctx.lookups.embargoed.get(facts.destination)
    if embargo is not None:
        notes.append(
            Reason(
                "destination_embargoed",
                ("Art 2(19)", embargo.act, "Art 15(1)(b)"),
                f"{facts.destination} is under an arms embargo ({embargo.scope}); EU restrictive measures may prohibit this transaction outright, beside this Regulation",
            )
        )
    flagged = ctx.lookups.flagged.get(facts.destination)
    if flagged is not None:
        notes.append(
            Reason(
                "political_embargo_flag",
                ("Art 2(19)", flagged.act),
                f"{facts.destination}: political embargo without a Council act, probably outside Art 2(19); flagged, not treated as an arms embargo",
            )
        )
    return notes


def line_notes(facts: Facts, line: Line, ctx: DeterminationContext) -> list[Reason]:
    e, label = facts.end_use, line_label(line)
    if facts.activity is Activity.INTRA_EU_TRANSFER:
        return annex_iv_notes(facts, line, ctx)
    listed = line.control_code is not None
    if (
        facts.activity in EXPORTS
        and not listed
        and not (e.informed_art_4_1 or e.aware_art_4_1 or e.human_rights_concern)
    ):
        return [
            Reason(
                "not_listed_no_catch_all",
                ("Art 3(1)", "Art 4(1)", "Art 5(1)"),
                f"{label}: not listed in Annex I and no catch-all information or awareness, so no authorisation under the Regulation; national measures under Art 9 or Art 10 may still apply",
            )
        ]
    if facts.activity in EXPORTS and listed and e.human_rights_concern:
        return [
            Reason(
                "art_5_listed_item",
                ("Art 5(1)", "Art 3(1)", "Art 15"),
                f"{label}: Art 5 concerns non-listed items; this listed item needs an authorisation under Art 3(1) anyway, and the human-rights concern bars EU005, EU007 and EU008",
            )
        ]
    if facts.activity in EXPORTS and listed and (e.informed_art_4_1 or e.aware_art_4_1):
        return [
            Reason(
                "art_4_use_listed_item",
                ("Art 3(1)", "Annex II"),
                f"{label}: Art 4 concerns non-listed items; this listed item needs an authorisation under Art 3(1), and the Art 4(1)-type use bars every Union general export authorisation",
            )
        ]
    if facts.activity is Activity.BROKERING:
        return _brokering_notes(facts, line)
    if facts.activity is Activity.TECHNICAL_ASSISTANCE:
        return _assistance_notes(facts, line, ctx)
    if facts.activity is Activity.TRANSIT:
        return _transit_notes(facts, line)
    return []


def _brokering_notes(facts: Facts, line: Line) -> list[Reason]:
    label = line_label(line)
    if line.control_code is None:
        return [
            Reason(
                "brokering_non_listed",
                ("Art 6(1)", "Art 6(3)"),
                f"{label}: Art 6(1) covers Annex I items only; a Member State may extend it to non-listed dual-use items",
            )
        ]
    if not (facts.end_use.informed_art_4_1 or facts.end_use.aware_art_4_1):
        return [
            Reason(
                "brokering_no_information",
                ("Art 6(1)",),
                f"{label}: brokering Annex I items needs an authorisation only once the authority informs you of an Art 4(1) use",
            )
        ]
    return []


def _assistance_notes(facts: Facts, line: Line, ctx: DeterminationContext) -> list[Reason]:
    label = line_label(line)
    if line.control_code is None:
        return [
            Reason(
                "assistance_non_listed",
                ("Art 8(1)",),
                f"{label}: Art 8(1) covers assistance related to Annex I items only",
            )
        ]
    concern = facts.end_use.informed_art_4_1 or facts.end_use.aware_art_4_1
    if not concern:
        return [
            Reason(
                "assistance_no_information",
                ("Art 8(1)",),
                f"{label}: technical assistance needs an authorisation only once the authority informs you of an Art 4(1) use",
            )
        ]
    if facts.destination in ctx.lookups.destinations["EU001"]:
        return [
            Reason(
                "assistance_exempt_eu001",
                ("Art 8(3)(a)", "Annex II Section A Part 2"),
                f"{label}: assistance within or into {facts.destination}, an EU001 country, is exempt",
            )
        ]
    return [
        Reason(
            "assistance_exemptions",
            ("Art 8(3)(b)-(f)",),
            "No authorisation or notification is needed if the assistance transfers public-domain information or basic scientific research, is given by Member State authorities in their official tasks or for Member State armed forces, serves an Annex IV MTCR exception, or is the minimum needed to install, operate, maintain or repair items whose export was authorised",
        )
    ]


def _transit_notes(facts: Facts, line: Line) -> list[Reason]:
    label = line_label(line)
    if line.control_code is None:
        return [
            Reason(
                "transit_non_listed",
                ("Art 7(1)",),
                f"{label}: Art 7 concerns non-Union items listed in Annex I",
            )
        ]
    if not (facts.end_use.informed_art_4_1 or facts.end_use.aware_art_4_1):
        return [
            Reason(
                "transit_no_concern",
                ("Art 7(1)",),
                f"{label}: no licence for transit; the Member State of transit may act only if the items are or may be intended for an Art 4(1) use",
            )
        ]
    return []
