"""Numbers with units, in product sheets and in entry text, converted to SI so they can be compared.

Entry text writes decimals with a comma ("1,5 GHz") and flattens powers of ten ("2 × 109 N/m2"
means 2 × 10⁹ N/m²); product sheets write "1.5 GHz", "1,5 GHz", "1,000 W" or "2e9 Pa".
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from dualuse.controllist.classify.text import terms
from dualuse.controllist.classify.units import UNITS as _UNITS

Op = Literal["gt", "ge", "lt", "le"]

_UNIT_ALT = "|".join(re.escape(u) for u in sorted(_UNITS, key=len, reverse=True))
# "1 750 °C", "24 000 m³/h": a space (or a thin / no-break space) groups thousands in European sheets
_NUM = r"[-−]?(?:\d{1,3}(?:[ \u00a0\u202f\u2009]\d{3})+(?![\d.,]\d)|\d+)(?:[.,]\d+)?(?:[.,]\d{3})*"
_EXP = r"(?:\s*[×x*]\s*10\s*\^?\s*([-−]?\d{1,2})|[eE]([-+]?\d{1,2}))?"
_QUANTITY = re.compile(
    rf"(?<![\w.,])({_NUM}){_EXP}(?:\s*(?:to|and|-|–)\s*({_NUM}){_EXP})?\s?-?\s?({_UNIT_ALT})(?![A-Za-z0-9²³])"
)
_BARE_POWER = re.compile(r"(?<![\d.,])(?<!× )(?<!x )(?<!\* )\b10\^([-−]?\d{1,2})")
_MACH = re.compile(rf"\bMach\s*({_NUM})", re.IGNORECASE)

_COMPARATORS: tuple[tuple[Op, str], ...] = (
    ("ge", r"equal to or (?:greater|more|higher|larger)(?: \(\w+\))? than"),
    ("ge", r"(?:greater|more|higher) than or equal to"),
    ("ge", r"not less than|at least|≥|>="),
    ("le", r"equal to or (?:less|lower|smaller|fewer)(?: \(\w+\))? than"),
    ("le", r"(?:less|lower) than or equal to"),
    ("le", r"not exceeding|not more than|not greater than|no more than|up to|≤|<="),
    (
        "gt",
        r"(?:greater|more|higher|larger|faster|longer|wider)(?: \(\w+\))? than|exceeding|exceeds?|in excess of|above|over|beyond|>",
    ),
    ("lt", r"(?:less|lower|fewer|smaller|shorter)(?: \(\w+\))? than|better(?: \(less\))? than|below|under|<"),
)
_COMPARATOR_RE = [(op, re.compile(rf"(?<![a-z])(?:{pattern})(?![a-z])")) for op, pattern in _COMPARATORS]
_POSTFIX = re.compile(
    # "0,8 nautical miles per hour (nm/hr) "Circular Error Probable" ("CEP") rate or less (better)"
    r"^\s*(?:\([^)]{0,30}\)\s*|\"[^\"]{0,40}\"\s*){0,3}(?:rate\s+)?"
    r"or (more|greater|higher|above|longer|less|lower|fewer|below|better)\b"
)


@dataclass(frozen=True, slots=True)
class Quantity:
    """A measured value in SI units, with the words around it (stems) that say what it measures."""

    dim: str
    value: float
    raw: str
    context: frozenset[str]
    start: int = 0


@dataclass(frozen=True, slots=True)
class Threshold:
    """A limit stated by an entry: ``op`` compares the product's value with ``value``."""

    dim: str
    op: Op
    value: float
    raw: str
    context: frozenset[str]

    def met_by(self, value: float) -> bool:
        eps = abs(self.value) * 1e-9
        if self.op == "gt":
            return value > self.value + eps
        if self.op == "ge":
            return value >= self.value - eps
        if self.op == "lt":
            return value < self.value - eps
        return value <= self.value + eps

    def describe(self) -> str:
        words = {"gt": "more than", "ge": "at least", "lt": "less than", "le": "at most"}
        return f"{words[self.op]} {self.raw}"


def _number(raw: str, exponent: str | None, *, annex: bool) -> float:
    raw = raw.replace("−", "-")
    raw = re.sub(r"[ \u00a0\u202f\u2009]", "", raw)
    if not annex and re.fullmatch(r"-?[1-9]\d{0,2}(?:,\d{3})+", raw):
        raw = raw.replace(",", "")  # "1,000 W" in an English product sheet
    elif not annex and re.fullmatch(r"-?\d{1,3}(?:\.\d{3}){2,}(?:,\d+)?", raw):
        raw = raw.replace(".", "")  # "1.000.000 Hz"
    raw = raw.replace(",", ".")
    if raw.count(".") > 1:
        head, _, tail = raw.rpartition(".")
        raw = head.replace(".", "") + "." + tail
    value = float(raw)
    if exponent:
        value *= 10.0 ** int(exponent.replace("−", "-").replace("+", ""))
    return value


def _scan(text: str, *, annex: bool) -> list[tuple[int, int, str, float, str, bool]]:
    """(start, end, dim, SI value, raw, is_range_end) for every quantity in ``text``."""
    found: list[tuple[int, int, str, float, str, bool]] = []
    for match in _QUANTITY.finditer(text):
        unit = match.group(7)
        dim, factor, offset = _UNITS[unit]
        exp1 = match.group(2) or match.group(3)
        if annex and match.group(2) is None and re.search(r"×\s*10\d", match.group(0)):
            exp1 = None
        first = _number(match.group(1), exp1, annex=annex)
        raw = match.group(0).strip()
        if match.group(4) is not None:
            second = _number(match.group(4), match.group(5) or match.group(6), annex=annex)
            found.append((match.start(), match.start(4), dim, first * factor + offset, raw, False))
            found.append((match.start(4), match.end(), dim, second * factor + offset, raw, True))
        else:
            found.append((match.start(), match.end(), dim, first * factor + offset, raw, False))
    for match in _MACH.finditer(text):
        found.append(
            (
                match.start(),
                match.end(),
                "mach",
                _number(match.group(1), None, annex=annex),
                match.group(0),
                False,
            )
        )
    axes = _ANNEX_AXES if annex else _QUERY_AXES
    for match in axes.finditer(text):
        count = _COUNTS.get(match.group(1).lower()) or int(match.group(1))
        end = match.end(1) if annex else match.end()
        found.append((match.start(), end, "axes", float(count), f"{match.group(0)}", False))
    found.sort()
    return found


# Machine tools, winding and forming machines count their coordinated axes ("five or more axes",
# "5-axis machining centre", "6 servo axes"); the count is a quantity like any other.
_COUNTS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9}
_COUNT = r"(\d{1,2}|two|three|four|five|six|seven|eight|nine)"
_ANNEX_AXES = re.compile(
    rf"\b{_COUNT}(?=\s+or more\s+(?:(?!rotary|linear)[\w']+\s+){{0,3}}ax[ie]s\b)", re.IGNORECASE
)
_QUERY_AXES = re.compile(
    rf"\b{_COUNT}(?:\s*-\s*|\s+)(?:(?:simultaneous(?:ly)?|servo|coordinated|cnc|nc|interpolated|controlled|"
    rf"programmable|contouring)\s+)*ax(?:is|es)\b",
    re.IGNORECASE,
)


_NOT_CONTEXT = frozenset(
    "less equal greater better wors exceed more than along lower higher fewer least not above below".split()
)


def _context(text: str, start: int, end: int, before: int, after: int, floor: int = 0) -> frozenset[str]:
    head = re.split(r"[;:]|, ", text[max(floor, start - 120) : start])[-1]
    tail = re.split(r"[;:(]|, ", text[end : end + 60])[0]
    words = [w for w in terms(head) if w not in _NOT_CONTEXT][-before:]
    if after:
        words += [w for w in terms(tail) if w not in _NOT_CONTEXT][:after]
    return frozenset(words)


def query_quantities(text: str) -> list[Quantity]:
    """Quantities stated in a product description.

    A value the sheet qualifies ("above 1 km/s", "exceeding 400 h", "< 2 ppm") is a bound: it is
    nudged just past the number so that "above 1 km/s" meets an entry's "exceeding 1 km/s".
    """
    out: list[Quantity] = []
    previous_end = 0
    text = _BARE_POWER.sub(r"1 × 10^\1", text)  # "10^8 n/s"
    found = _scan(text, annex=False)
    ranges = _range_ops(text, found)
    for i, (start, end, dim, value, raw, range_end) in enumerate(found):
        if (range_end or ranges.get(i) == "le") and out:
            context = out[-1].context  # "30 MHz to 6 GHz": the upper end measures the same thing
        else:
            context = _context(text, start, end, 5, 3, previous_end)
            value = _qualified(text[max(previous_end, start - 24) : start], value)
        out.append(Quantity(dim, value, raw, context, start))
        previous_end = end
    return out + _specific_properties(out)


_STANDARD_GRAVITY = 9.80665


def _specific_properties(found: list[Quantity]) -> list[Quantity]:
    """Fibre sheets give modulus, strength and density; 1C010 / 1C210 limit "specific modulus" and
    "specific tensile strength" (the value divided by density and g, in metres; 1C010 Technical Note)."""
    densities = [q for q in found if q.dim == "density" and q.value > 0]
    if not densities:
        return []
    density = densities[0].value
    out: list[Quantity] = []
    for q in found:
        if q.dim != "pressure" or q.value <= 0:
            continue
        if "modulu" in q.context or "modulus" in q.context:
            kind = "modulus"
        elif q.context & {"strength", "tensil", "tensile", "uts"}:
            kind = "tensile strength"
        else:
            continue
        value = q.value / (density * _STANDARD_GRAVITY)
        raw = f"specific {kind} {value:.3g} m (from {q.raw} and {densities[0].raw})"
        out.append(Quantity("length", value, raw, frozenset(terms(f"specific {kind}")), q.start))
    return out


_QUERY_ABOVE = re.compile(
    r"(?:above|over|exceeding|exceeds|more than|greater than|higher than|in excess of|>|≥)\s*$"
)
_QUERY_BELOW = re.compile(r"(?:below|under|less than|lower than|smaller than|<|≤)\s*$")


def _qualified(before: str, value: float) -> float:
    before = before.lower()
    nudge = abs(value) * 1e-6 or 1e-12
    if _QUERY_ABOVE.search(before):
        return value + nudge
    if _QUERY_BELOW.search(before):
        return value - nudge
    return value


def _range_ops(text: str, found: list[tuple[int, int, str, float, str, bool]]) -> dict[int, Op]:
    """ "1,5 MHz to 87,5 MHz", "between 2 and 5 mm": the first bound is a minimum, the second a maximum."""
    ops: dict[int, Op] = {}
    for i in range(len(found) - 1):
        a, b = found[i], found[i + 1]
        if a[2] != b[2]:
            continue
        between = text[a[1] : b[0]].strip().lower()
        if between in {"to", "-", "–"} or (
            between == "and" and text[max(0, a[0] - 9) : a[0]].lower().strip().endswith("between")
        ):
            ops[i], ops[i + 1] = "ge", "le"
    return ops


def entry_thresholds(text: str, default_op: Op | None = None) -> list[Threshold]:
    """Limits stated in an entry text ("exceeding 10 kg", "equal to or less (better) than 0,9 μm", "1,5 MHz to 87,5 MHz")."""
    found = _scan(text, annex=True)
    ranges = _range_ops(text, found)
    out: list[Threshold] = []
    previous_end = 0
    for i, (start, end, dim, value, raw, range_end) in enumerate(found):
        window = re.split(r"[;:]", text[max(previous_end, start - 90) : start])[-1].lower()
        op = comparator_in(window)
        if range_end:
            op = "le"
        elif i in ranges and (op is None or i + 1 in ranges and ranges[i] == "le"):
            op = ranges[i]
        postfix = _POSTFIX.match(text[end : end + 90].lower())
        if postfix and not range_end:
            op = "ge" if postfix.group(1) in {"more", "greater", "higher", "above", "longer"} else "le"
        if op is None and default_op is not None and not window.strip(" (").strip():
            op = default_op  # the comparator is in the lead-in: "equal to or greater than: 1,5 GPa ..."
        if op is not None:
            out.append(Threshold(dim, op, value, raw, _context(text, start, end, 8, 0, 0)))
        previous_end = end
    return out


def comparator_in(window: str) -> Op | None:
    """The comparator nearest the end of ``window`` (lower-case text before a value), if any."""
    op: Op | None = None
    best_end = -1
    for candidate, pattern in _COMPARATOR_RE:
        for match in pattern.finditer(window):
            if match.end() > best_end:
                op, best_end = candidate, match.end()
    return op


_ANY_OF_TAIL = re.compile(r"\s*(?:any|all|either|both|each|one) of the following$|\s*the following$")


def trailing_comparator(text: str) -> Op | None:
    """The comparator a lead-in ends with ("... equal to or greater than:", "less (better) than any of
    the following:"), which its sub-items' values take."""
    tail = text.rstrip().lower()
    if not tail.endswith(":"):
        return None
    tail = _ANY_OF_TAIL.sub("", tail[:-1].rstrip())[-40:]
    for op, pattern in _COMPARATOR_RE:
        matches = list(pattern.finditer(tail))
        if matches and matches[-1].end() == len(tail):
            return op
    return None
