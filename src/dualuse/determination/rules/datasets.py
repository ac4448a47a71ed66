"""The versioned data the rules read: Annex II (UGEAs), Annex IV, arms embargoes, Member States.

The JSON files in `dualuse/determination/data/` are written by the project from the Regulation's text,
each with its references and the date it applies from. Amendments are applied up to a given date, so a
determination can be replayed against the data of its day and says which version it used.
"""

import json
from dataclasses import dataclass
from datetime import date
from functools import cache
from importlib import resources
from typing import Any


@dataclass(frozen=True, slots=True)
class ScopeEntry:
    code: str
    condition: str | None = None
    excepted: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class ItemScope:
    all_annex_i: bool
    only: tuple[ScopeEntry, ...] = ()
    only_groups: frozenset[str] = frozenset()
    exclude_groups: frozenset[str] = frozenset()
    conditional_groups: tuple[tuple[str, str], ...] = ()
    exclude: frozenset[str] = frozenset()
    exclude_section_i: bool = False
    related_to: tuple[str, ...] = ()
    related_direct: frozenset[str] = frozenset()
    related_possibly: tuple[ScopeEntry, ...] = ()
    related_by_reading: tuple[ScopeEntry, ...] = ()  # excluded by the project's reading, with the reason


@dataclass(frozen=True, slots=True)
class DestinationRule:
    listed: frozenset[str] | None  # None: defined by exclusion (EU008), never "any destination"
    except_destinations_of: tuple[str, ...] = ()
    except_listed: frozenset[str] = frozenset()
    except_embargoed: bool = False
    reference: str = ""


@dataclass(frozen=True, slots=True)
class Bars:
    embargo_military_end_use: bool  # EU001-EU006: Art 4(1)(b)-type use in an embargoed country
    human_rights: str | None  # None, "interception" (EU005) or "general" (EU007, EU008)
    governmental_security: bool  # EU007, EU008: governmental security end uses and end users
    free_zone: bool  # every section except EU007


@dataclass(frozen=True, slots=True)
class ReExportLimit:
    allowed: tuple[str, ...]  # "self", a UGEA code (its destinations) or "member_states"
    reference: str


@dataclass(frozen=True, slots=True)
class Condition:
    text: str
    reference: str
    kind: str = "condition"  # registration, notification, reporting, icp, temporary, condition

    def render(self) -> str:
        return f"{self.text} ({self.reference})"


@dataclass(frozen=True, slots=True)
class Ugea:
    code: str
    section: str
    reference: str
    title: str
    items: ItemScope
    destinations: DestinationRule
    bars: Bars
    re_export_limit: ReExportLimit | None
    requires: str | None  # a fact the section is limited to: after_repair, exhibition, intra_group
    conditions: tuple[Condition, ...]
    bars_reference: str = ""  # where Part 3 states the use bars


@dataclass(frozen=True, slots=True)
class UgeaData:
    version: str
    applies_from: date
    authorisations: tuple[Ugea, ...]
    section_i: tuple[tuple[str, str], ...]  # (code, our short wording)
    section_i_includes_annex_iv: bool
    common: tuple[tuple[str, str], ...]

    def get(self, code: str) -> Ugea:
        return next(u for u in self.authorisations if u.code == code)

    def common_text(self, key: str) -> str:
        return dict(self.common)[key]


@dataclass(frozen=True, slots=True)
class AnnexIVEntry:
    code: str
    part: str  # "I" or "II"
    group: str
    scope: str
    limited_to: tuple[str, ...] = ()
    lead_in: bool = False

    @property
    def effective_codes(self) -> tuple[str, ...]:
        return self.limited_to or (self.code,)


@dataclass(frozen=True, slots=True)
class AnnexIVData:
    version: str
    applies_from: date
    entries: tuple[AnnexIVEntry, ...]
    category_0_part: str
    category_0_excluded: frozenset[str]  # qualifications with "included": "no"
    category_0_partly: tuple[tuple[str, str], ...]  # (code, scope)
    mtcr_group: str
    mtcr_exemptions: tuple[str, ...]
    national_extension_reference: str
    national_extension_text: str
    by_effective_code: tuple[tuple[str, tuple[AnnexIVEntry, ...]], ...]

    def index(self) -> dict[str, tuple[AnnexIVEntry, ...]]:
        return dict(self.by_effective_code)


@dataclass(frozen=True, slots=True)
class Embargo:
    code: str
    scope: str
    act: str
    art_2_19: bool  # counts as an arms embargo under Art 2(19)
    note: str = ""


@dataclass(frozen=True, slots=True)
class EmbargoData:
    version: str
    applies_from: date
    destinations: tuple[Embargo, ...]

    def embargo(self, country: str) -> Embargo | None:
        return next((e for e in self.destinations if e.code == country and e.art_2_19), None)

    def flagged(self, country: str) -> Embargo | None:
        return next((e for e in self.destinations if e.code == country and not e.art_2_19), None)


@dataclass(frozen=True, slots=True)
class MemberStates:
    codes: frozenset[str]
    aliases: tuple[tuple[str, str], ...]

    def canonical(self, code: str) -> str:
        return dict(self.aliases).get(code, code)


def _read(name: str) -> dict[str, Any]:
    text = resources.files("dualuse.determination").joinpath("data", name).read_text(encoding="utf-8")
    loaded: dict[str, Any] = json.loads(text)
    return loaded


def _scope_entries(raw: list[dict[str, Any]]) -> tuple[ScopeEntry, ...]:
    return tuple(ScopeEntry(e["code"], e.get("condition"), tuple(e.get("except", ()))) for e in raw)


def _items(raw: dict[str, Any]) -> ItemScope:
    related = raw.get("exclude_related") or {}
    return ItemScope(
        all_annex_i=bool(raw.get("all_annex_i")),
        only=_scope_entries(raw.get("only", [])),
        only_groups=frozenset(raw.get("only_groups", ())),
        exclude_groups=frozenset(raw.get("exclude_groups", ())),
        conditional_groups=tuple(sorted(raw.get("conditional_groups", {}).items())),
        exclude=frozenset(e["code"] for e in raw.get("exclude", ())),
        exclude_section_i=bool(raw.get("exclude_section_i")),
        related_to=tuple(related.get("related_to", ())),
        related_direct=frozenset(related.get("direct", ())),
        related_possibly=_scope_entries(related.get("possibly", [])),
        related_by_reading=_scope_entries(related.get("by_reading", [])),
    )


def _destinations(raw: dict[str, Any], listed: list[str] | None) -> DestinationRule:
    return DestinationRule(
        listed=frozenset(listed) if listed is not None else None,
        except_destinations_of=tuple(raw.get("except_destinations_of", ())),
        except_listed=frozenset(raw.get("except_listed", ())),
        except_embargoed=bool(raw.get("except_embargoed")),
        reference=raw.get("reference", ""),
    )


def _applicable(amendments: list[dict[str, Any]], as_of: date | None) -> list[dict[str, Any]]:
    ordered = sorted(amendments, key=lambda a: a["applies_from"])
    return [a for a in ordered if as_of is None or date.fromisoformat(a["applies_from"]) <= as_of]


@cache
def load_ugea(as_of: date | None = None) -> UgeaData:
    """Annex II as it applies on `as_of` (the latest text when None)."""
    raw = _read("union-general-authorisations.json")
    common: dict[str, str] = raw["common"]
    listed: dict[str, list[str] | None] = {}
    for a in raw["authorisations"]:
        dest = a["destinations"]
        listed[a["code"]] = list(dest["listed"]) if "listed" in dest else None
    for a in raw["authorisations"]:
        same_as = a["destinations"].get("same_as")
        if same_as:
            listed[a["code"]] = list(listed[same_as] or [])
    amendments = _applicable(raw["amendments"], as_of)
    for amendment in amendments:
        for code, removed in amendment.get("remove_destinations", {}).items():
            listed[code] = [c for c in listed[code] or [] if c not in removed]
    authorisations = tuple(
        Ugea(
            code=a["code"],
            section=a["section"],
            reference=a["reference"],
            title=a["title"],
            items=_items(a["items"]),
            destinations=_destinations(a["destinations"], listed[a["code"]]),
            bars=Bars(**a["bars"]),
            re_export_limit=ReExportLimit(
                tuple(a["re_export_limit"]["allowed"]), a["re_export_limit"]["reference"]
            )
            if a["re_export_limit"]
            else None,
            requires=a["requires"],
            bars_reference=a["bars_reference"],
            conditions=tuple(
                Condition(
                    common[c["text"][1:]] if c["text"].startswith("@") else c["text"],
                    c["reference"],
                    c.get("kind", "condition"),
                )
                for c in a["conditions"]
            ),
        )
        for a in raw["authorisations"]
    )
    last = amendments[-1] if amendments else raw["base"]
    return UgeaData(
        version=last["id"],
        applies_from=date.fromisoformat(last["applies_from"]),
        authorisations=authorisations,
        section_i=tuple((e["code"], e["text"]) for e in raw["section_i"]["entries"]),
        section_i_includes_annex_iv=bool(raw["section_i"]["includes_annex_iv"]),
        common=tuple(sorted(common.items())),
    )


@cache
def load_annex_iv(as_of: date | None = None) -> AnnexIVData:
    raw = _read("annex-iv.json")
    entries = tuple(
        AnnexIVEntry(
            e["code"],
            e["part"],
            e["group"],
            e["scope"],
            tuple(e.get("limited_to", ())),
            bool(e.get("lead_in")),
        )
        for e in raw["entries"]
    )
    index: dict[str, list[AnnexIVEntry]] = {}
    for entry in entries:
        if entry.lead_in:
            continue  # "6A001, limited to the following": only the sub-items below it are in Annex IV
        for code in entry.effective_codes:
            index.setdefault(code, []).append(entry)
    cat0 = raw["category_0"]
    amendments = _applicable(raw["amendments"], as_of)
    last = amendments[-1] if amendments else raw["base"]
    return AnnexIVData(
        version=last["id"],
        applies_from=date.fromisoformat(last["applies_from"]),
        entries=entries,
        category_0_part=cat0["part"],
        category_0_excluded=frozenset(q["code"] for q in cat0["qualifications"] if q["included"] == "no"),
        category_0_partly=tuple(
            (q["code"], q["scope"]) for q in cat0["qualifications"] if q["included"] == "partly"
        ),
        mtcr_group=raw["mtcr_exemptions"]["applies_to_group"],
        mtcr_exemptions=tuple(raw["mtcr_exemptions"]["items"]),
        national_extension_reference=raw["national_extension"]["reference"],
        national_extension_text=raw["national_extension"]["text"],
        by_effective_code=tuple((code, tuple(found)) for code, found in sorted(index.items())),
    )


@cache
def load_embargoes(as_of: date | None = None) -> EmbargoData:
    raw = _read("arms-embargoes.json")
    versions = sorted(raw["versions"], key=lambda v: v["applies_from"])
    chosen = [v for v in versions if as_of is None or date.fromisoformat(v["applies_from"]) <= as_of]
    version = chosen[-1] if chosen else versions[0]  # before the first snapshot: the earliest we hold
    return EmbargoData(
        version=version["id"],
        applies_from=date.fromisoformat(version["applies_from"]),
        destinations=tuple(
            Embargo(d["code"], d["scope"], d["act"], bool(d["art_2_19"]), d.get("note", ""))
            for d in version["destinations"]
        ),
    )


@cache
def load_member_states() -> MemberStates:
    raw = _read("member-states.json")
    return MemberStates(frozenset(raw["codes"]), tuple(sorted(raw["aliases"].items())))
