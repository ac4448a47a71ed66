"""Values a sheet implies but does not state, and limits written as formulas.

- Energy density of a cell: 3A001.e.1 Technical Note 1 computes it as nominal voltage times nominal
  capacity (Ah) divided by mass; a sheet giving "3,6 V, 3 500 mAh, 48 g" has 262 Wh/kg.
- Accelerometer "bias" in milli-g: a sheet's "bias stability 2 mg" is 2 000 micro g, not 2 milligrams.
- Length-dependent limits, "(1,7 + L/1000) μm" (2B006.a, L the measured length in mm): the limit and a
  sheet's own formula are compared at two measured lengths, 0 and 1 000 mm, so a machine must be
  better at both ends to meet the limit, and one that is worse at both misses it.
"""

from __future__ import annotations

import re

from dualuse.controllist.classify.quantities import Quantity, Threshold, comparator_in
from dualuse.controllist.classify.text import terms

_BIAS_WORDS = frozenset(terms("bias stability repeatability accelerometer acceleration offset drift"))
_SMALL_G = {"mg": 1e-3, "milli g": 1e-3, "milli-g": 1e-3}
FORMULA_LENGTHS_MM = (0.0, 1000.0)
_NUM = r"\d+(?:[.,]\d+)?"
_FORMULA = re.compile(
    rf"\(?\s*({_NUM})\s*\+\s*\(?\s*(?:({_NUM})\s*[×x*]\s*)?L\s*/\s*({_NUM})\s*\)?\s*\)?\s*(μm|µm|um|nm|mm)\b"
)
_FORMULA_UNITS = {"μm": 1e-6, "µm": 1e-6, "um": 1e-6, "nm": 1e-9, "mm": 1e-3}


def _float(raw: str) -> float:
    return float(raw.replace(",", "."))


def formula_dim(length_mm: float) -> str:
    return f"length_at_L{int(length_mm)}mm"


def _formula_values(match: re.Match[str]) -> list[tuple[str, float]]:
    base, factor, divisor = _float(match.group(1)), _float(match.group(2) or "1"), _float(match.group(3))
    unit = _FORMULA_UNITS[match.group(4)]
    return [(formula_dim(length), (base + factor * length / divisor) * unit) for length in FORMULA_LENGTHS_MM]


def formula_thresholds(text: str) -> list[Threshold]:
    """Limits such as "equal to or less (better) than (1,7 + L/1000) μm", at L = 0 and 1 000 mm."""
    out: list[Threshold] = []
    for match in _FORMULA.finditer(text):
        window = re.split(r"[;:]", text[max(0, match.start() - 90) : match.start()])[-1].lower()
        op = comparator_in(window)
        if op is None:
            continue
        context = frozenset(terms(window)[-8:])
        for dim, value in _formula_values(match):
            out.append(Threshold(dim, op, value, match.group(0).strip(), context))
    return out


def derived_quantities(text: str, found: list[Quantity]) -> list[Quantity]:
    """``found`` (the sheet's stated quantities) plus the values the sheet implies."""
    out = [_as_bias(q) for q in found]
    out.extend(_energy_density(out))
    for match in _FORMULA.finditer(text):
        context = frozenset(terms(text[max(0, match.start() - 40) : match.start()])[-5:])
        for dim, value in _formula_values(match):
            out.append(Quantity(dim, value, match.group(0).strip(), context, match.start()))
    return out


def _as_bias(q: Quantity) -> Quantity:
    unit = q.raw.split()[-1].lower() if q.raw.split() else ""
    if q.dim != "mass" or unit not in _SMALL_G or not q.context & _BIAS_WORDS:
        return q
    number = q.value / 1e-6  # the value read as milligrams
    return Quantity("acceleration_bias", number * _SMALL_G[unit], q.raw, q.context, q.start)


def _energy_density(found: list[Quantity]) -> list[Quantity]:
    volts = [q for q in found if q.dim == "voltage" and q.value > 0]
    charges = [q for q in found if q.dim == "charge" and q.value > 0]
    masses = [q for q in found if q.dim == "mass" and q.value > 0]
    if not volts or not charges or not masses or any(q.dim == "energy_density" for q in found):
        return []
    value = volts[0].value * charges[0].value / masses[0].value  # J/kg
    raw = f"energy density {value / 3600:.0f} Wh/kg (from {volts[0].raw}, {charges[0].raw}, {masses[0].raw})"
    return [Quantity("energy_density", value, raw, frozenset(terms("energy density")), charges[0].start)]
