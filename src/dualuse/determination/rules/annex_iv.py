"""Is an entry code in Annex IV (Art 11(1)) or in Annex II Section I?

An Annex IV entry is the Annex I item narrowed by the Annex IV wording: a code matches when it equals or
sits under an Annex IV code, and the narrowing wording comes back as a scope condition the item must meet
(the project's reading, fact sheet tag U, recorded in data/annex-iv.json).
"""

from dataclasses import dataclass

from dualuse.determination.rules.codes import first_covering, is_under, narrower
from dualuse.determination.rules.context import DeterminationContext


@dataclass(frozen=True, slots=True)
class AnnexIVMatch:
    annex_iv_code: str  # the Annex IV row matched, e.g. "9A004" or "Category 0"
    parts: tuple[str, ...]  # ("I",), ("II",) or both (1E201, 3E201)
    scopes: tuple[str, ...]  # the narrowing wording the item must also meet
    mtcr: bool  # an MTCR-technology row: the Annex IV exemptions apply

    @property
    def reference(self) -> str:
        return f"Annex IV Part {' and '.join(self.parts)} {self.annex_iv_code}"


def match_annex_iv(code: str, ctx: DeterminationContext) -> AnnexIVMatch | None:
    key = ("annex_iv", code)
    if key not in ctx.memo:
        ctx.memo[key] = _match(code, ctx)
    found = ctx.memo[key]
    return found if isinstance(found, AnnexIVMatch) else None


def _match(code: str, ctx: DeterminationContext) -> AnnexIVMatch | None:
    data = ctx.annex_iv
    if code.startswith("0"):
        # Annex IV Part II: all of Category 0, except 0C001, with 0C002, 0C003, 0D001 and 0E001 narrowed.
        if first_covering(code, data.category_0_excluded):
            return None
        partly = dict(data.category_0_partly)
        hit = first_covering(code, frozenset(partly))
        scopes = (partly[hit],) if hit else ()
        return AnnexIVMatch("Category 0", (data.category_0_part,), scopes, mtcr=False)
    hit = first_covering(code, ctx.lookups.annex_iv_codes)
    if hit is None:
        return _match_limited_row(code, ctx)
    rows = ctx.lookups.annex_iv[hit]
    return AnnexIVMatch(
        annex_iv_code=rows[0].code,
        parts=tuple(sorted({r.part for r in rows})),
        scopes=tuple(r.scope for r in rows if r.scope),
        mtcr=any(r.group == data.mtcr_group for r in rows),
    )


def _match_limited_row(code: str, ctx: DeterminationContext) -> AnnexIVMatch | None:
    """A row limited to some sub-items (Annex IV 9A004 -> 9A004.a), given by the row's own code or a code
    between it and those sub-items: the line is treated as that Annex IV item, with the limit as its scope.
    A sub-item outside the limit (9A004.b) is not in Annex IV; a code above the row is left to the notes."""
    rows = tuple(
        e
        for e in ctx.annex_iv.entries
        if e.limited_to
        and not e.lead_in
        and is_under(code, e.code)
        and any(is_under(sub, code) for sub in e.limited_to)
    )
    if not rows:
        return None
    return AnnexIVMatch(
        annex_iv_code=rows[0].code,
        parts=tuple(sorted({r.part for r in rows})),
        scopes=tuple(f"Only if the item is specified in {', '.join(r.limited_to)}: {r.scope}" for r in rows),
        mtcr=any(r.group == ctx.annex_iv.mtcr_group for r in rows),
    )


def annex_iv_below(code: str, ctx: DeterminationContext) -> tuple[str, ...]:
    """Annex IV codes strictly under `code`: the line may or may not be one of them."""
    if code.startswith("0"):
        return ()
    return narrower(code, ctx.lookups.annex_iv_codes)


@dataclass(frozen=True, slots=True)
class SectionIMatch:
    reference: str  # "Annex II Section I 1C351" or "Annex II Section I (Annex IV Part I 9A004)"
    scopes: tuple[str, ...]


def match_section_i(code: str, ctx: DeterminationContext) -> SectionIMatch | None:
    """Annex II Section I: every Annex IV item, and the further entries listed there."""
    hit = first_covering(code, ctx.lookups.section_i_codes)
    if hit is not None:
        return SectionIMatch(f"Annex II Section I {hit}", ())
    if ctx.ugea.section_i_includes_annex_iv:
        found = match_annex_iv(code, ctx)
        if found is not None:
            return SectionIMatch(f"Annex II Section I, via {found.reference}", found.scopes)
    return None


def section_i_below(code: str, ctx: DeterminationContext) -> tuple[str, ...]:
    """Section I codes (including Annex IV ones) strictly under `code`."""
    direct = narrower(code, ctx.lookups.section_i_codes)
    via_iv = annex_iv_below(code, ctx) if ctx.ugea.section_i_includes_annex_iv else ()
    return tuple(sorted(set(direct) | set(via_iv)))
