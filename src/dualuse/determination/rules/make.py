"""Building requirements with their article text and, where known, the Annex I wording."""

from dualuse.determination.rules.articles import ARTICLES
from dualuse.determination.rules.context import DeterminationContext
from dualuse.determination.rules.facts import Line
from dualuse.determination.rules.result import Effect, Reason, Requirement


def requirement(
    basis: str,
    effect: Effect,
    line: Line,
    reasons: tuple[Reason, ...],
    ctx: DeterminationContext,
    *,
    entry_text: str | None = None,
    scope_conditions: tuple[str, ...] = (),
) -> Requirement:
    if entry_text is None and line.control_code and ctx.entry_text is not None:
        entry_text = ctx.entry_text(line.control_code)
    return Requirement(
        basis=basis,
        effect=effect,
        line=line.index,
        control_code=line.control_code,
        reasons=reasons,
        article_text=ARTICLES[basis],
        entry_text=entry_text,
        scope_conditions=scope_conditions,
    )


def line_label(line: Line) -> str:
    what = line.control_code or "not listed in Annex I"
    return f"Line {line.index} ({what})"
