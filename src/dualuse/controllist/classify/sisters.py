"""Sister entries: an entry "other than that specified in X" catches only what X does not.

Annex I often lists the same kind of item twice: a Wassenaar entry with its thresholds (1B001, 2B009,
7A005, 9A007) and a later entry "other than that specified in" it, for a regime's own purpose: x1xx
entries implement the MTCR ("usable in 'missiles'"), x2xx the NSG. A product that the first entry can
hold belongs there; the sister entry is preferred only when the description names its purpose (missile,
rocket, UAV use; nuclear use) and the first entry's thresholds are not known to be met, or when the
first entry's thresholds are missed (``reasoning.adjust`` has already lowered that candidate).
"""

from __future__ import annotations

import re

from dualuse.controllist.classify import reasoning
from dualuse.controllist.classify.items import FloatArray, SearchIndex
from dualuse.controllist.classify.parameters import ParameterCheck, check_parameters
from dualuse.controllist.classify.quantities import Quantity
from dualuse.controllist.classify.text import fold

_OTHER_THAN = re.compile(
    r"\b(?:other than|not specified in)\s+(?:that|those)?\s*(?:specified\s+)?(?:in|by)\s+"
    r"((?:[\s,]*(?:or|and)?\s*(?:entry\s+)?(?:\d[A-E]\d{3}(?:\.[a-z0-9]+)*|\.[a-z0-9]+)\.?)+)"
)
_TOKEN = re.compile(r"\d[A-E]\d{3}(?:\.[a-z0-9]+)*|(?<=[\s,])\.[a-z0-9]+")
# The purpose that sets a regime's sister entry apart, by the third digit of the code (1 MTCR, 2 NSG).
PURPOSE_CUES: dict[str, re.Pattern[str]] = {
    "1": re.compile(
        r"\b(missiles?|rockets?|rocket motors?|sounding rockets?|launch vehicles?|space launch|uavs?|"
        r"unmanned aerial|drones?|re-?entry|ballistic|cruise missiles?|warheads?|300 km|propulsion components?)\b"
    ),
    "2": re.compile(
        r"\b(nuclear|uranium|plutonium|centrifuges?|enrichment|reprocessing|fissile|isotope separation|tritium)\b"
    ),
}
MARGIN = 0.01
UNKNOWN_CLOSE = 0.85  # ... and this share when nothing is known of its thresholds
CLOSE = 0.7  # the excluded entry's candidate must match at least this share of the sister's score


def excluded_codes(text: str) -> tuple[str, ...]:
    """Codes an entry text excludes ("other than those specified in 1B001 or 1B101" -> 1B001, 1B101)."""
    out: list[str] = []
    for match in _OTHER_THAN.finditer(text):
        last = ""
        for token in _TOKEN.findall(match.group(1)):
            if token.startswith("."):  # "1C010.a., .b. or .e.": siblings of the code before
                if last:
                    out.append(f"{last[:5]}{token.rstrip('.')}")
                continue
            last = token.rstrip(".")
            out.append(last)
    return tuple(dict.fromkeys(out))


def has_purpose(code: str, folded: str) -> bool:
    cue = PURPOSE_CUES.get(code[2:3])
    return bool(cue and cue.search(folded))


def _needs_purpose(index: SearchIndex, row: int, folded: str) -> bool:
    """An entry written for a purpose ("useable in 'missiles'", Category 0 "for nuclear reactors")
    the description does not state."""
    record = index.items[row].record
    entry_row = index.code_row.get(record.entry)
    entry_text = fold(index.items[entry_row].record.text) if entry_row is not None else ""
    for digit, cue in PURPOSE_CUES.items():
        written_for = cue.search(entry_text) or (digit == "2" and record.category == 0)
        if written_for and not cue.search(folded):
            return True
    return False


def _status(
    index: SearchIndex, row: int, checks: dict[int, ParameterCheck], quantities: list[Quantity]
) -> str:
    """met / unmet / unknown for a candidate, looking into its sub-items when it states no limits itself."""
    if reasoning.conjunctive_shortfall(index, row, checks, quantities):
        return "unmet"
    own = checks[row].status if row in checks else check_parameters(index.items[row], quantities).status
    if own != "unknown":
        return own
    # only sub-items the description resembles (the candidates) speak for the entry
    below = [r for r in index.rows_under(index.items[row].record.code) if r != row and r in checks]
    statuses = {checks[r].status for r in below}
    if "met" in statuses:
        return "met"
    return "unmet" if "unmet" in statuses else "unknown"


def prefer_first_entries(
    index: SearchIndex,
    candidates: list[int],
    score: FloatArray,
    checks: dict[int, ParameterCheck],
    quantities: list[Quantity],
    folded: str,
) -> None:
    """Reorder sister candidates in place (scores only); see the module docstring."""
    in_play = sorted(candidates, key=lambda i: -score[i])
    for row in in_play:
        excluded = index.excludes.get(index.items[row].record.entry, ())
        if not excluded:
            continue
        rivals = [
            r
            for r in in_play
            if r != row
            and score[r] >= CLOSE * score[row]
            and any(_within(index.items[r].record.code, code) for code in excluded)
            and not _needs_purpose(index, r, folded)
        ]
        statuses = {r: _status(index, r, checks, quantities) for r in rivals}
        rivals = [r for r in rivals if statuses[r] != "unmet"]
        if not rivals:
            continue
        rival = max(rivals, key=lambda r: (statuses[r] == "met", score[r]))
        if statuses[rival] == "met":
            score[row] = min(score[row], score[rival] - MARGIN)
        elif has_purpose(index.items[row].record.code, folded):
            score[row] = max(score[row], score[rival] + MARGIN)
        elif checks[row].status != "met" and score[rival] >= UNKNOWN_CLOSE * score[row]:
            score[row] = min(score[row], score[rival] - MARGIN)


def _within(code: str, prefix: str) -> bool:
    return code == prefix or code.startswith(prefix + ".")
