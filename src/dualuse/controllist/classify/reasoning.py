"""The reasoning a word match cannot do: parameters against thresholds, releasing notes, cryptography.

Art 3(1) of Regulation (EU) 2021/821 requires an authorisation for items listed in Annex I; an item
that falls short of every threshold of the entry it resembles, or that a note releases, is not listed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Literal

import numpy as np

from dualuse.controllist.classify import crypto, depth, materials, mixtures
from dualuse.controllist.classify.items import FloatArray, IndexedItem, SearchIndex
from dualuse.controllist.classify.parameters import ParameterCheck, check_parameters
from dualuse.controllist.classify.quantities import Quantity, Threshold, entry_thresholds
from dualuse.controllist.classify.text import terms

EXCLUDED_PREFIX = "the description excludes what"  # an unmet line from a negation, not a number
NO_FIT_THRESHOLD = 0.30  # below this best score, no entry describes the product
CUE_NO_FIT_THRESHOLD = 0.45  # higher when the description itself points away from Annex I ("kitchen")
ALTERNATIVE_RATIO = 0.85
CONJUNCTIVE_ALTERNATIVE_RATIO = 0.9  # another entry must match almost as well to replace one the product fails  # a candidate this close to the best may replace it when it meets its thresholds
MET_BONUS, UNMET_FACTOR = 0.04, 0.75
PART_2 = ("5A002", "5A003", "5A004", "5B002", "5D002", "5E002")
CRYPTO_ENTRIES = ("5A002", "5B002", "5D002", "5E002")
_RELEASE = re.compile(r"\b(?:does|do) not (?:control|apply to|include)\b|\bis not controlled\b")
_NOTE_START = re.compile(r"(?<!Technical )(?=\bNotes?(?: \d+)?:)")
_NOTE_SCOPE = re.compile(r"Notes?(?: \d+)?:\s*(\d[A-E]\d{3}(?:\.[a-z0-9]+)*)\.?\s+(?:does|do) not\b")
# a fit shown by the words themselves: this much idf mass of the entry's own wording, over several terms,
# even when a long sheet dilutes the score ("... reconstructs webmail, indexes the content ...")
STRONG_EVIDENCE_IDF, STRONG_EVIDENCE_TERMS, STRONG_EVIDENCE_FLOOR = 14.0, 2, 0.15
SINGLE_TERM_NOTE_IDF = 6.0  # a note clause naming one rare thing ("logical data extraction")
_CLAUSE = re.compile(r";\s|\s[a-h]\.\s|\s\d\.\s|, or\s")
_GENERIC = frozenset(
    terms(
        "specially designed equipment system systems following control controls note item items any all type such"
    )
)


@dataclass
class Verdict:
    verdict: Literal["listed", "not_listed"]
    ranked: list[int]
    released_by: list[str] = field(default_factory=list)


def adjust(score: float, check: ParameterCheck) -> float:
    if check.unmet:
        return score * UNMET_FACTOR
    return score + MET_BONUS * min(3, len(check.met))


def _code(index: SearchIndex, row: int) -> str:
    return index.items[row].record.code


def decide(
    index: SearchIndex,
    ranked: list[int],
    score: FloatArray,
    checks: dict[int, ParameterCheck],
    quantities: list[Quantity],
    facts: crypto.CryptoFacts,
    cues: list[str],
    query_terms: set[str],
) -> Verdict:
    if not ranked:
        return Verdict(
            "not_listed", ranked, cues or ["no entry fits: no Annex I wording matches the description"]
        )
    best = ranked[0]
    weak = score[best] < (CUE_NO_FIT_THRESHOLD if cues else NO_FIT_THRESHOLD)
    if weak and not cues and score[best] >= STRONG_EVIDENCE_FLOOR:
        weak = not strong_evidence(index, best, query_terms)
    if weak:
        reason = (
            f"no entry fits: the closest entry, {_code(index, best)}, matches only weakly ({score[best]:.2f})"
        )
        return Verdict("not_listed", ranked, [*cues, reason] if cues else [reason])
    if quantities:
        best, shortfall = _parameter_outcome(index, ranked, score, checks, quantities)
        if shortfall:
            return Verdict("not_listed", ranked, shortfall)
        ranked = [best, *(r for r in ranked if r != best)]
    unstated = materials.unstated_alternatives(index, best, checks, quantities, query_terms)
    if unstated:
        return Verdict("not_listed", ranked, [unstated])
    code = _code(index, best)
    if facts.mentioned and code.startswith(CRYPTO_ENTRIES):
        if facts.mass_market:
            return Verdict("not_listed", ranked, [crypto.CRYPTOGRAPHY_NOTE])
        if facts.exclusions:
            return Verdict("not_listed", ranked, list(facts.exclusions))
        if facts.weak_only:
            limit = "; ".join(facts.evidence)
            return Verdict(
                "not_listed",
                ranked,
                [f"5A002.a Technical Note 2: no 'described security algorithm' ({limit})"],
            )
    mixture = mixtures.released_mixture(index, best, quantities)
    if mixture:
        return Verdict("not_listed", ranked, [mixture])
    release = releasing_note(index, best, query_terms, quantities)
    if release:
        return Verdict("not_listed", ranked, [release])
    return Verdict("listed", ranked)


def matched_path_terms(index: SearchIndex, row: int, query_terms: set[str]) -> list[str]:
    """The words of the item and its lead-ins that the description uses."""
    item = index.items[row]
    return sorted(item.path_terms & query_terms)


def strong_evidence(index: SearchIndex, row: int, query_terms: set[str]) -> bool:
    """Several distinctive words of the entry's own wording occur in the description: a fit, however
    many other words the sheet has. Generic words (idf below 3) do not count."""
    matched = [t for t in matched_path_terms(index, row, query_terms) if index.idf.get(t, 0.0) >= 3.0]
    mass = sum(index.idf[t] for t in matched)
    return len(matched) >= STRONG_EVIDENCE_TERMS and mass >= STRONG_EVIDENCE_IDF


def _parameter_outcome(
    index: SearchIndex,
    ranked: list[int],
    score: FloatArray,
    checks: dict[int, ParameterCheck],
    quantities: list[Quantity],
) -> tuple[int, list[str]]:
    """The candidate to report, and the shortfall that releases the product (empty if none)."""
    best = ranked[0]
    floor = ALTERNATIVE_RATIO * score[best]
    if checks[best].status != "unmet":
        status, missed = depth.deep_status(index, best, checks, quantities)
        if status != "unmet" and not depth.own_limits_assessed(index, best, checks[best]):
            # nothing stated for this alternative: how the product fares against its sister alternatives
            parent = index.code_row.get(index.items[best].record.parent or "")
            if parent is not None and index.items[parent].record.entry == index.items[best].record.entry:
                parent_status, parent_missed = depth.deep_status(index, parent, checks, quantities)
                if parent_status == "unmet":
                    status, missed = parent_status, parent_missed
        if status == "unmet":
            best_raw = _raw(score[best], checks[best])
            for r in ranked[1:]:
                if _raw(score[r], checks[r]) < CONJUNCTIVE_ALTERNATIVE_RATIO * best_raw:
                    continue
                if r in index.rows_under(_code(index, best)):
                    continue  # a condition of the item that failed, not an alternative to it
                if depth.deep_status(index, r, checks, quantities)[0] == "met" and not conjunctive_shortfall(
                    index, r, checks, quantities
                ):
                    return r, []
            return best, [f"threshold not reached for {line}" for line in missed]
    conjunctive = conjunctive_shortfall(index, best, checks, quantities)
    if conjunctive:
        best_raw = _raw(score[best], checks[best])
        for r in ranked[1:]:
            if _raw(score[r], checks[r]) < CONJUNCTIVE_ALTERNATIVE_RATIO * best_raw:
                continue
            if checks[r].status == "met" and not conjunctive_shortfall(index, r, checks, quantities):
                return r, []
        return best, conjunctive
    check = checks[best]
    if check.status == "unknown":
        # a close candidate of the same entry whose thresholds the product misses, and none it meets
        family = [  # numeric near misses only: a sibling the description excludes in words is no measure
            r
            for r in ranked[1:]
            if index.items[r].record.entry == index.items[best].record.entry
            and score[r] / (UNMET_FACTOR if checks[r].unmet else 1.0) >= floor
            and not any(line.startswith(EXCLUDED_PREFIX) for line in checks[r].unmet)
        ]
        if (
            any(checks[r].status == "unmet" for r in family)
            and not any(checks[r].status == "met" for r in family)
            # met through another alternative ("any of": 1 500 °C met although 207 MPa is missed)
            and depth.deep_status(index, best, checks, quantities)[0] != "met"
        ):
            nearest = next(r for r in family if checks[r].status == "unmet")
            return best, [
                f"threshold not reached for {_code(index, nearest)}: {line}"
                for line in checks[nearest].unmet[:3]
            ]
        below = [r for r in index.rows_under(_code(index, best)) if r != best]
        sub_checks = {r: checks.get(r) or check_parameters(index.items[r], quantities) for r in below}
        known = {  # a sub-item "met" only through the limits it inherits from ``best`` tells nothing new
            r: c
            for r, c in sub_checks.items()
            if (c.unmet and not all(line.startswith(EXCLUDED_PREFIX) for line in c.unmet))
            or (not c.unmet and c.met and depth.own_limits_assessed(index, r, c))
        }
        met = [r for r, c in known.items() if c.status == "met"]
        if met and not _is_conjunctive(index.items[best]):
            return max(met, key=lambda r: (len(sub_checks[r].met), score[r])), []
        if met:
            return best, []
        if not known:
            return best, []
        nearest = max(known, key=lambda r: score[r])
        check = known[nearest]
        best_code = _code(index, nearest)
    else:
        best_code = _code(index, best)
    if check.status != "unmet":
        return best, []
    for r in ranked[1:]:
        if score[r] < floor:
            break
        if checks[r].status == "met":
            return r, []
    return best, [f"threshold not reached for {best_code}: {line}" for line in check.unmet[:3]]


_ALL_OF = re.compile(r"\b(?:all|both) (?:of )?the following\b")


def _is_conjunctive(item: IndexedItem) -> bool:
    return bool(_ALL_OF.search(item.record.text))


def conjunctive_shortfall(
    index: SearchIndex, row: int, checks: dict[int, ParameterCheck], quantities: list[Quantity]
) -> list[str]:
    """Under "having all of the following", every condition counts: one unmet sub-item releases the product."""
    item = index.items[row]
    for holder in (row, *item.ancestors):
        holder_item = index.items[holder]
        if not _is_conjunctive(holder_item):
            continue
        for child in index.rows_under(holder_item.record.code):
            if index.items[child].record.parent != holder_item.record.code:
                continue
            check = checks.get(child) or check_parameters(index.items[child], quantities)
            if check.unmet and not check.met:
                code = index.items[child].record.code
                return [
                    f"threshold not reached for {code} (all conditions of {holder_item.record.code} must be met): {check.unmet[0]}"
                ]
    return []


def _limits_met(limits: list[Threshold], quantities: list[Quantity]) -> bool:
    for limit in limits:
        values = [q.value for q in quantities if q.dim == limit.dim]
        if values and any(limit.met_by(v) for v in values):
            return True
    return False


def _raw(value: float, check: ParameterCheck) -> float:
    """The score before the parameter bonus or penalty."""
    if check.unmet:
        return value / UNMET_FACTOR
    return value - MET_BONUS * min(3, len(check.met))


def releasing_note(
    index: SearchIndex, row: int, query_terms: set[str], quantities: list[Quantity]
) -> str | None:
    """A note on the item (or its ancestors / sub-items) whose exclusion the description matches."""
    item = index.items[row]
    path_terms: set[str] = set(item.own_terms)
    for a in item.ancestors:
        path_terms.update(index.items[a].own_terms)
    notes = list(item.note_texts)
    for r in index.rows_under(item.record.code):
        if r != row:
            notes.extend((index.items[r].record.code, n) for n in index.items[r].record.notes)
    code = item.record.code
    for r in index.rows_under(item.record.entry):  # "Note 2: 5A004.b. does not include" sits at 5A004.b.2
        for note in index.items[r].record.notes:
            for segment in _NOTE_START.split(note):
                scope = _NOTE_SCOPE.match(segment.strip())
                if scope and (code.startswith(scope.group(1)) or scope.group(1).startswith(code)):
                    notes.append((scope.group(1), segment.strip()))
    segments = [
        (code, segment.strip())
        for code, note in notes
        for segment in _NOTE_START.split(note)
        if segment.strip()
    ]
    for code, note in dict.fromkeys(segments):
        match = _RELEASE.search(note.lower())
        if not match or not note.lstrip().startswith("Note"):
            continue
        for clause in _CLAUSE.split(note[match.end() :]):
            distinctive = set(terms(clause)) - path_terms - _GENERIC
            hit = distinctive & query_terms
            single = len(distinctive) == 1 and hit == distinctive and len(set(terms(clause))) >= 3
            if single and index.idf.get(next(iter(hit)), 0.0) >= SINGLE_TERM_NOTE_IDF:
                pass  # "b. Items limited to logical data extraction": one rare word names the exclusion
            elif len(distinctive) < 2 or len(hit) < 2:
                continue
            weight_hit = sum(index.idf.get(t, 1.0) for t in hit)
            weight_all = sum(index.idf.get(t, 1.0) for t in distinctive)
            if weight_hit < 0.5 * weight_all and (len(hit) < 3 or weight_hit < 0.3 * weight_all):
                continue
            limits = entry_thresholds(clause)
            if limits and not _limits_met(limits, quantities):
                continue  # "does not control cameras with a frame rate of 9 Hz or less": the product must show it
            return f"Note to {code}: {note[:200]}"
    return None


def explain(
    index: SearchIndex, row: int, query_weights: dict[str, float], checks: dict[int, ParameterCheck]
) -> list[str]:
    why: list[str] = []
    matched = []
    for term, _weight in sorted(query_weights.items(), key=lambda kv: -kv[1]):
        posting = index.postings.get(term)
        if posting is None:
            continue
        at = int(np.searchsorted(posting.rows, row))
        if at < len(posting.rows) and posting.rows[at] == row:
            matched.append(term)
    if matched:
        why.append("matched: " + ", ".join(matched[:8]))
    check = checks.get(row)
    if check:
        why.extend(f"parameter met: {m}" for m in check.met[:3])
        why.extend(f"parameter not met: {m}" for m in check.unmet[:3])
    item = index.items[row]
    why.extend(
        f"note at {code}: {note[:160]}" for code, note in item.note_texts if _RELEASE.search(note.lower())
    )
    return why[:8]
