"""A product's stated values against an item's thresholds (its own and those it inherits)."""

from __future__ import annotations

from dataclasses import dataclass

from dualuse.controllist.classify.items import IndexedItem
from dualuse.controllist.classify.quantities import Quantity

_GENERIC_DIMS = frozenset({"ratio", "length", "mass", "temperature", "volume", "time", "pressure"})


@dataclass(frozen=True, slots=True)
class ParameterCheck:
    met: tuple[str, ...] = ()
    unmet: tuple[str, ...] = ()

    @property
    def status(self) -> str:
        if self.unmet:
            return "unmet"
        return "met" if self.met else "unknown"


def check_parameters(item: IndexedItem, quantities: list[Quantity]) -> ParameterCheck:
    """Compare the product's stated values with the item's own and inherited thresholds."""
    if not quantities:
        return ParameterCheck()
    met: list[str] = []
    unmet: list[str] = []
    for threshold in item.thresholds:
        candidates = [
            q
            for q in quantities
            if q.dim == threshold.dim
            and not (
                # "18 mm" (a tube size) says nothing about "at most 1800 nm" (a wavelength)
                threshold.dim in _GENERIC_DIMS
                and not q.context & threshold.context
                and _orders_apart(q.value, threshold.value)
            )
        ]
        if not candidates:
            continue
        candidates.sort(key=lambda q: -len(q.context & threshold.context))
        chosen = candidates[0]
        if (
            threshold.dim in _GENERIC_DIMS
            and chosen.context
            and not chosen.context & threshold.context
            and not chosen.context & item.path_terms
        ):
            continue  # "0,2 % of full scale" says nothing about "more than 60 % nickel"
        top_overlap = len(chosen.context & threshold.context)
        if len(candidates) > 1:
            # equally good readings ("30 MHz to 6 GHz", or no words to tell them apart): any may meet it
            tied = [q for q in candidates if len(q.context & threshold.context) == top_overlap]
            passing = [q for q in tied if threshold.met_by(q.value)]
            ok = bool(passing)
            chosen = passing[0] if passing else chosen
        else:
            ok = threshold.met_by(chosen.value)
        line = f"{threshold.describe()}: product has {chosen.raw}"
        (met if ok else unmet).append(line)
    return ParameterCheck(tuple(dict.fromkeys(met)), tuple(dict.fromkeys(unmet)))


def _orders_apart(value: float, limit: float, factor: float = 300.0) -> bool:
    """Values this far apart measure different things (temperatures and signed values excepted)."""
    if value <= 0 or limit <= 0:
        return False
    return max(value, limit) / min(value, limit) > factor
