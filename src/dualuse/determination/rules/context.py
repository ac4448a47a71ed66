"""The context of a determination: the data versions it reads, precomputed for speed, and extra sources."""

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date

from dualuse.determination.rules.datasets import (
    AnnexIVData,
    AnnexIVEntry,
    Embargo,
    EmbargoData,
    MemberStates,
    Ugea,
    UgeaData,
    load_annex_iv,
    load_embargoes,
    load_member_states,
    load_ugea,
)
from dualuse.determination.rules.sources import ExtraRuleSource


@dataclass(frozen=True, slots=True)
class Lookups:
    """Sets and maps built once per context so that each rule is a few set look-ups."""

    member_states: frozenset[str]
    embargoed: dict[str, Embargo]  # Art 2(19) embargoes only
    flagged: dict[str, Embargo]  # political embargoes outside Art 2(19) (China): flag, never block
    annex_iv: dict[str, tuple[AnnexIVEntry, ...]]  # effective Annex IV code -> rows
    annex_iv_codes: frozenset[str]
    section_i: dict[str, str]
    section_i_codes: frozenset[str]
    destinations: dict[str, frozenset[str]]  # UGEA code -> listed destinations (EU008: its exclusions)


def build_lookups(
    ugea: UgeaData, annex_iv: AnnexIVData, embargoes: EmbargoData, states: MemberStates
) -> Lookups:
    embargoed = {e.code: e for e in embargoes.destinations if e.art_2_19}
    flagged = {e.code: e for e in embargoes.destinations if not e.art_2_19}
    destinations: dict[str, frozenset[str]] = {}
    for u in ugea.authorisations:
        if u.destinations.listed is not None:
            destinations[u.code] = u.destinations.listed
    for u in ugea.authorisations:
        if u.destinations.listed is None:
            # Annex II Section H Part 2: every destination except (a) EU001's, (b) the named ones and
            # (c) any other destination under an arms embargo or EU dual-use restrictive measures.
            excluded = set(u.destinations.except_listed)
            for other in u.destinations.except_destinations_of:
                excluded |= destinations[other]
            if u.destinations.except_embargoed:
                excluded |= set(embargoed)
            destinations[u.code] = frozenset(excluded)
    index = annex_iv.index()
    return Lookups(
        member_states=states.codes,
        embargoed=embargoed,
        flagged=flagged,
        annex_iv=index,
        annex_iv_codes=frozenset(index),
        section_i=dict(ugea.section_i),
        section_i_codes=frozenset(code for code, _ in ugea.section_i),
        destinations=destinations,
    )


@dataclass(frozen=True, slots=True)
class DeterminationContext:
    ugea: UgeaData
    annex_iv: AnnexIVData
    embargoes: EmbargoData
    member_states: MemberStates
    lookups: Lookups
    extra_sources: tuple[ExtraRuleSource, ...] = ()
    entry_text: Callable[[str], str | None] | None = None  # Annex I wording from the active control list
    as_of: date | None = None
    memo: dict[tuple[str, str], object] = field(default_factory=dict, compare=False, repr=False)

    @property
    def versions(self) -> tuple[tuple[str, str], ...]:
        """Which data a determination used, so a stored answer can be replayed."""
        return (
            ("union_general_authorisations", self.ugea.version),
            ("annex_iv", self.annex_iv.version),
            ("arms_embargoes", self.embargoes.version),
        )

    def ugea_by_code(self, code: str) -> Ugea:
        return self.ugea.get(code)


def load_context(
    as_of: date | None = None,
    *,
    extra_sources: tuple[ExtraRuleSource, ...] = (),
    entry_text: Callable[[str], str | None] | None = None,
) -> DeterminationContext:
    """The data in force on `as_of` (the latest when None), from the package's data files."""
    ugea, annex_iv, embargoes, states = (
        load_ugea(as_of),
        load_annex_iv(as_of),
        load_embargoes(as_of),
        load_member_states(),
    )
    return DeterminationContext(
        ugea=ugea,
        annex_iv=annex_iv,
        embargoes=embargoes,
        member_states=states,
        lookups=build_lookups(ugea, annex_iv, embargoes, states),
        extra_sources=extra_sources,
        entry_text=entry_text,
        as_of=as_of,
    )
