"""Matching a case against earlier denials: the "essentially identical transaction" test.

Art 2(22) Reg 2021/821: a transaction is essentially identical to another when it concerns items with
essentially identical parameters or technical characteristics **and** the same end user or consignee.
Art 16(5)-(7) (also through Arts 4(6) and 5(8)): before granting, an authority considers every valid
denial for an essentially identical transaction and first consults the state that issued it. Which
denials are still valid is the caller's filter; this module compares.

Both conditions must hold for a match: at least one item pair and at least one party pair. Each pair
carries the reasons it matched, so the officer sees why a denial came up.

- Items: the same Annex I entry, or one under the other (`5A001.j` and `5A001.j.1`; never siblings
  such as `5A001.j.1` and `5A001.j.2`), and every parameter present on both sides within tolerance
  (numbers, optionally with a unit and an SI prefix, relative tolerance; text equal once normalised).
- Parties: a shared identifier (same scheme, same value) matches outright; a conflicting identifier
  in the same scheme, or a different country, rules the pair out; otherwise the name similarity (a
  callable, the screening matcher once plugged in) must reach the threshold.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from math import isclose

from normality import normalize
from rapidfuzz import fuzz

NameSimilarity = Callable[[str, str], float]  # 0.0 .. 1.0
Parameter = float | int | str

# Art 2(22): "the same end user or consignee". Other roles (intermediate consignee, broker) do not count.
RELEVANT_ROLES: frozenset[str] = frozenset({"end_user", "consignee", "ultimate_end_user"})


@dataclass(frozen=True, slots=True)
class Line:
    entry_code: str  # Annex I code, e.g. "5A001.j.1"
    parameters: Mapping[str, Parameter] = field(default_factory=dict)  # "frequency": "3.5 GHz"


@dataclass(frozen=True, slots=True)
class Party:
    name: str
    country: str | None = None  # ISO alpha-2
    identifiers: Mapping[str, str] = field(default_factory=dict)  # scheme -> value, e.g. "lei"
    role: str | None = "end_user"  # None: unknown, treated as relevant
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Transaction:
    lines: tuple[Line, ...]
    parties: tuple[Party, ...]
    id: str = ""  # the denial's reference; empty for the case under assessment


@dataclass(frozen=True, slots=True)
class ItemMatch:
    case_line: int  # index into the case's lines
    denial_line: int
    relation: str  # "same_entry" | "case_under_denial" | "denial_under_case"
    reasons: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class PartyMatch:
    case_party: int
    denial_party: int
    score: float  # 1.0 for a shared identifier
    reasons: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class DenialMatch:
    denial_id: str
    items: tuple[ItemMatch, ...]
    parties: tuple[PartyMatch, ...]

    @property
    def score(self) -> float:
        return max(p.score for p in self.parties)

    @property
    def explanation(self) -> tuple[str, ...]:
        lines = [
            f"Art 2(22): denial {self.denial_id} concerns essentially identical items and the same party."
        ]
        lines += [r for m in self.items for r in m.reasons]
        lines += [r for m in self.parties for r in m.reasons]
        return tuple(lines)


@dataclass(frozen=True, slots=True)
class Settings:
    rel_tolerance: float = 0.10  # "essentially identical" is not defined in figures: a setting [U]
    tolerances: Mapping[str, float] = field(default_factory=dict)  # per parameter name
    name_threshold: float = 0.85
    roles: frozenset[str] = RELEVANT_ROLES


def default_name_similarity(a: str, b: str) -> float:
    """rapidfuzz token_sort_ratio over names normalised by normality (lower case, ASCII)."""
    na = normalize(a, lowercase=True, ascii=True) or ""
    nb = normalize(b, lowercase=True, ascii=True) or ""
    if not na or not nb:
        return 0.0
    return fuzz.token_sort_ratio(na, nb) / 100.0


# --- items -----------------------------------------------------------------------------------

_ENTRY = re.compile(r"^\d[A-E]\d{3}$")


def code_path(code: str) -> tuple[str, ...]:
    """`" 5a001.J.1. "` -> `("5A001", "j", "1")`; the 5-character entry, then its sub-items."""
    compact = re.sub(r"\s+", "", code).strip(".")
    head, _, tail = compact.partition(".")
    head = head.upper()
    if not _ENTRY.match(head):
        raise ValueError(f"{code!r} is not an Annex I entry code")
    return (head, *(part.lower() for part in tail.split(".") if part))


def code_relation(case_code: str, denial_code: str) -> str | None:
    """How two entry codes relate: the same, one under the other, or None (unrelated or siblings)."""
    a, b = code_path(case_code), code_path(denial_code)
    if a == b:
        return "same_entry"
    if a[: len(b)] == b:
        return "case_under_denial"
    if b[: len(a)] == a:
        return "denial_under_case"
    return None


# fmt: off
_SI = {"p": 1e-12, "n": 1e-9, "u": 1e-6, "µ": 1e-6, "μ": 1e-6, "m": 1e-3, "c": 1e-2, "k": 1e3, "M": 1e6, "G": 1e9, "T": 1e12}
_UNITS = frozenset({"Hz", "m", "g", "W", "V", "A", "s", "bit", "bit/s", "bps", "B", "Pa", "J", "K", "dB", "dBm", "%", "l", "rad", "deg", "N"})
# fmt: on
_QUANTITY = re.compile(r"^\s*([-+]?\d+(?:[.,]\d+)?(?:[eE][-+]?\d+)?)\s*(\S*)\s*$")


def quantity(value: Parameter) -> tuple[float, str] | None:
    """A number with its base unit (`"3.5 GHz"` -> `(3.5e9, "Hz")`), or None for plain text."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        return float(value), ""
    match = _QUANTITY.match(value)
    if not match:
        return None
    number, unit = float(match.group(1).replace(",", ".")), match.group(2)
    if not unit or unit in _UNITS:
        return number, unit
    if unit[0] in _SI and unit[1:] in _UNITS:
        return number * _SI[unit[0]], unit[1:]
    return number, unit  # an unknown unit compares only with itself


def _compare_parameter(name: str, a: Parameter, b: Parameter, tolerance: float) -> tuple[bool, str]:
    qa, qb = quantity(a), quantity(b)
    if qa is not None and qb is not None:
        if qa[1] != qb[1]:
            return False, f"{name}: {a} and {b} are in different units"
        ok = isclose(qa[0], qb[0], rel_tol=tolerance)
        verdict = f"within {tolerance:.0%}" if ok else f"differ by more than {tolerance:.0%}"
        return ok, f"{name}: {a} vs {b}, {verdict}"
    ta = normalize(str(a), lowercase=True, ascii=True) or ""
    tb = normalize(str(b), lowercase=True, ascii=True) or ""
    return ta == tb, f"{name}: {a!r} vs {b!r}, {'equal' if ta == tb else 'different'}"


def match_item(
    case_line: Line, denial_line: Line, settings: Settings
) -> tuple[bool, str | None, tuple[str, ...]]:
    """Whether two lines concern essentially identical items: (matched, relation, reasons)."""
    try:
        relation = code_relation(case_line.entry_code, denial_line.entry_code)
    except ValueError as exc:
        return False, None, (str(exc),)
    if relation is None:
        return False, None, (f"{case_line.entry_code} and {denial_line.entry_code} are different entries",)
    shown = {"same_entry": "same entry", "case_under_denial": "falls under", "denial_under_case": "covers"}
    reasons = [f"item {case_line.entry_code} {shown[relation]} {denial_line.entry_code}"]
    shared = sorted(set(case_line.parameters) & set(denial_line.parameters))
    matched = True
    for name in shared:
        tolerance = settings.tolerances.get(name, settings.rel_tolerance)
        ok, why = _compare_parameter(
            name, case_line.parameters[name], denial_line.parameters[name], tolerance
        )
        matched = matched and ok
        reasons.append(why)
    if not shared:
        reasons.append("no parameter given on both sides: matched on the entry code alone")
    return matched, relation, tuple(reasons)


# --- parties ---------------------------------------------------------------------------------


def _identifier(value: str) -> str:
    return re.sub(r"[^0-9A-Za-z]", "", value).upper()


def match_party(
    case_party: Party, denial_party: Party, similarity: NameSimilarity, settings: Settings
) -> tuple[float, tuple[str, ...]] | None:
    """The score and reasons when two parties are taken as the same end user or consignee."""
    case_ids = {k.lower(): _identifier(v) for k, v in case_party.identifiers.items() if _identifier(v)}
    denial_ids = {k.lower(): _identifier(v) for k, v in denial_party.identifiers.items() if _identifier(v)}
    shared = sorted(s for s in set(case_ids) & set(denial_ids) if case_ids[s] == denial_ids[s])
    if shared:
        return 1.0, (
            f"party {case_party.name!r} = {denial_party.name!r}: same identifier {', '.join(shared)}",
        )
    if any(case_ids[s] != denial_ids[s] for s in set(case_ids) & set(denial_ids)):
        return None
    if (
        case_party.country
        and denial_party.country
        and case_party.country.upper() != denial_party.country.upper()
    ):
        return None
    names_a = (case_party.name, *case_party.aliases)
    names_b = (denial_party.name, *denial_party.aliases)
    score, best_a, best_b = max((similarity(a, b), a, b) for a in names_a for b in names_b)
    if score < settings.name_threshold:
        return None
    where = f", both in {case_party.country.upper()}" if case_party.country and denial_party.country else ""
    return score, (f"party {best_a!r} ~ {best_b!r}: name similarity {score:.2f}{where}",)


def _relevant(party: Party, settings: Settings) -> bool:
    return party.role is None or party.role in settings.roles


# --- transactions ----------------------------------------------------------------------------


def compare(
    case: Transaction,
    denial: Transaction,
    similarity: NameSimilarity = default_name_similarity,
    settings: Settings | None = None,
) -> tuple[tuple[ItemMatch, ...], tuple[PartyMatch, ...]]:
    """Every matching item pair and party pair, whether or not the other condition holds."""
    settings = settings or Settings()
    items = []
    for i, case_line in enumerate(case.lines):
        for j, denial_line in enumerate(denial.lines):
            ok, relation, reasons = match_item(case_line, denial_line, settings)
            if ok and relation is not None:
                items.append(ItemMatch(i, j, relation, reasons))
    parties = []
    for i, case_party in enumerate(case.parties):
        if not _relevant(case_party, settings):
            continue
        for j, denial_party in enumerate(denial.parties):
            if not _relevant(denial_party, settings):
                continue
            if found := match_party(case_party, denial_party, similarity, settings):
                parties.append(PartyMatch(i, j, found[0], found[1]))
    return tuple(items), tuple(sorted(parties, key=lambda p: -p.score))


def find_identical(
    case: Transaction,
    denials: Iterable[Transaction],
    similarity: NameSimilarity = default_name_similarity,
    settings: Settings | None = None,
) -> list[DenialMatch]:
    """The denials essentially identical to `case` (Art 2(22)), best party score first."""
    matches = []
    for denial in denials:
        items, parties = compare(case, denial, similarity, settings)
        if items and parties:
            matches.append(DenialMatch(denial.id, items, parties))
    return sorted(matches, key=lambda m: (-m.score, m.denial_id))


def transaction_from_dict(raw: Mapping[str, object]) -> Transaction:
    """Build a Transaction from plain data: `{"id"?, "lines": [{"entry_code", "parameters"?}],
    "parties": [{"name", "country"?, "identifiers"?, "role"?, "aliases"?}]}`. Raises ValueError."""
    lines_raw, parties_raw = raw.get("lines", []), raw.get("parties", [])
    if not isinstance(lines_raw, list) or not isinstance(parties_raw, list):
        raise ValueError("lines and parties: expected lists")
    lines = []
    for i, line in enumerate(lines_raw):
        if not isinstance(line, dict) or not isinstance(line.get("entry_code"), str):
            raise ValueError(f"lines[{i}].entry_code: required")
        code_path(line["entry_code"])  # fail early on a malformed code
        params = line.get("parameters") or {}
        if not isinstance(params, dict):
            raise ValueError(f"lines[{i}].parameters: expected an object")
        lines.append(Line(line["entry_code"], dict(params)))
    parties = []
    for i, party in enumerate(parties_raw):
        if not isinstance(party, dict) or not isinstance(party.get("name"), str):
            raise ValueError(f"parties[{i}].name: required")
        identifiers = party.get("identifiers") or {}
        if not isinstance(identifiers, dict):
            raise ValueError(f"parties[{i}].identifiers: expected an object")
        parties.append(
            Party(
                name=party["name"],
                country=party.get("country"),
                identifiers={str(k): str(v) for k, v in identifiers.items()},
                role=party.get("role", "end_user"),
                aliases=tuple(party.get("aliases") or ()),
            )
        )
    return Transaction(tuple(lines), tuple(parties), str(raw.get("id", "")))
