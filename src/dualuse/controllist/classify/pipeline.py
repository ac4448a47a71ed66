"""From a description to a verdict: lexical ranking, then reasoning about what the words cannot settle.

1. Query terms: the description's words, plus the annex wording of any synonym found (``synonyms``).
2. Base score per item: idf-weighted share of the query the item's path covers, and share of the
   item's own words the query uses; bonuses for matching word pairs and synonym hints.
3. Product group: "software" / "technology" descriptions prefer D / E items, which also score
   through the hardware they refer to ("software for the use of equipment specified in 6A003").
4. Parameters (``reasoning``), cryptography (``crypto``) and notes decide listed / not listed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import numpy as np

from dualuse.controllist.classify import crypto, negation, reasoning, sisters
from dualuse.controllist.classify.derived import derived_quantities
from dualuse.controllist.classify.items import FloatArray, SearchIndex
from dualuse.controllist.classify.parameters import ParameterCheck, check_parameters
from dualuse.controllist.classify.quantities import query_quantities
from dualuse.controllist.classify.result import Classification, RankedEntry
from dualuse.controllist.classify.synonyms import (
    SOFTWARE_CUES,
    SOFTWARE_DENY,
    TECHNOLOGY_CUES,
    find_synonyms,
    not_listed_cues,
)
from dualuse.controllist.classify.text import fold, terms

UNKNOWN_WORD_WEIGHT = 3.0  # a word the annex never uses still counts against a match ("toaster")
HINT_BONUS, HINT_ANCESTOR_BONUS, BIGRAM_BONUS, BIGRAM_CAP = 0.12, 0.04, 0.03, 0.09
CANDIDATES = 80
_ALL_DIMENSIONS = re.compile(
    r"\d\s*[×xX*]\s*\d+(?:[.,]\d+)?\s*(?:[×xX*]\s*\d+(?:[.,]\d+)?\s*)?(?:mm|cm|m|in)\b"
)
HEAD_BONUS, HEAD_MIN_IDF = 0.08, 5.0  # a rare word opening a material entry names the substance
PER_ENTRY = 3


@dataclass
class Query:
    weights: dict[str, float] = field(default_factory=dict)  # every term looked up
    norm: float = 1.0  # sum of weights of the terms a perfect match would cover
    bigrams: set[tuple[str, str]] = field(default_factory=set)
    hints: list[str] = field(default_factory=list)
    synonyms: list[str] = field(default_factory=list)
    intent: str = "H"  # H hardware / material, D software, E technology
    negated: frozenset[str] = frozenset()  # what the description says the product lacks


def build_query(index: SearchIndex, text: str, folded: str) -> Query:
    """Query terms from the description. Synonyms are read from ``folded`` with its negated spans
    blanked ("no passcode bypass" is no hint for 5A004.b); the words themselves all count."""
    query = Query()
    hits = find_synonyms(folded)
    source_words: set[str] = set()
    expansion: list[list[str]] = []
    for hit in hits:
        source_words.update(terms(hit.phrase))
        expansion.append(terms(hit.synonym.annex_words))
        query.hints.extend(hit.synonym.hints)
        query.synonyms.append(f"{hit.phrase} = {hit.synonym.annex_words}")
    words = terms(text)
    norm = 0.0
    seen: set[str] = set()
    for word in words:
        if word in seen:
            continue
        seen.add(word)
        idf = index.idf.get(word)
        if idf is not None:
            query.weights[word] = idf
            norm += idf
        elif word not in source_words and word.isalpha() and len(word) >= 3:
            norm += UNKNOWN_WORD_WEIGHT
    for group in expansion:
        for word in group:
            idf = index.idf.get(word)
            if idf is not None and word not in query.weights:
                query.weights[word] = idf * 0.8
                norm += idf * 0.8
    query.norm = max(norm, 1.0)
    query.bigrams = set(zip(words, words[1:], strict=False))
    for group in expansion:
        query.bigrams.update(zip(group, group[1:], strict=False))
    if TECHNOLOGY_CUES.search(folded):
        query.intent = "E"
    elif SOFTWARE_CUES.search(folded) and not SOFTWARE_DENY.search(folded):
        query.intent = "D"
    return query


def _group_factors(index: SearchIndex, intent: str) -> FloatArray:
    groups = index.groups
    factors = np.ones(len(groups), dtype=np.float64)
    soft, tech = groups == ord("D"), groups == ord("E")
    if intent == "H":
        factors[soft | tech] = 0.55
    elif intent == "D":
        factors[~soft] = 0.6
    else:
        factors[soft] = 0.7
        factors[~(soft | tech)] = 0.6
    return factors


NEGATED_FACTOR, NEGATED_MIN_IDF = 0.6, 3.5


def classify_text(index: SearchIndex, text: str, top: int = 10) -> Classification:
    full = fold(text)
    folded = negation.mask(full, negation.scopes(full))
    query = build_query(index, text, folded)
    query.negated = frozenset(
        t for t in negation.negated_terms(full) if index.idf.get(t, 0.0) >= NEGATED_MIN_IDF
    )
    coverage, precision = index.term_scores(query.weights)
    covered = np.minimum(1.0, coverage / query.norm)
    base = 0.72 * covered + 0.28 * precision * np.minimum(1.0, 2.5 * covered)
    for hint in query.hints:
        rows = index.rows_under(hint)
        if rows:
            base[rows] += HINT_BONUS
            row = index.code_row.get(hint)
            if row is not None:
                base[list(index.items[row].ancestors)] += HINT_ANCESTOR_BONUS
    for term in query.weights:
        if index.idf.get(term, 0.0) >= HEAD_MIN_IDF and term in index.heads:
            base[[r for r in index.heads[term] if index.groups[r] == ord("C")]] += (
                HEAD_BONUS  # "Hafnium metal, ...": the entry is about this thing
            )
    score = base * _group_factors(index, query.intent)
    if query.intent in "DE":
        wanted = ord(query.intent)
        for i in np.flatnonzero(index.groups == wanted):
            refers = index.items[i].refers_to
            if refers:
                referred = float(base[list(refers)].max())
                score[i] = max(score[i], 0.8 * referred + 0.25 * base[i])
    order = np.argsort(-score, kind="stable")[:CANDIDATES]  # ties in annex order
    for i in order:
        overlap = len(index.items[i].path_bigrams & query.bigrams)
        score[i] += min(BIGRAM_CAP, BIGRAM_BONUS * overlap)
    if query.negated:
        for i in order:
            item = index.items[i]
            if (query.negated & item.path_terms) - item.negated_terms:
                score[i] *= NEGATED_FACTOR  # "no passcode bypass" against an entry that requires bypassing
    quantities = derived_quantities(text, query_quantities(text))
    facts = crypto.analyse(folded)
    checks = {int(i): check_parameters(index.items[i], quantities) for i in order}
    if query.negated:
        for row, check in checks.items():
            item = index.items[row]
            denied = (query.negated & item.own_terms) - item.negated_terms
            if denied:  # 7A001.a.3 "designed for ... inertial navigation" vs "not designed for it"
                line = f"{reasoning.EXCLUDED_PREFIX} {item.record.code} requires: {', '.join(sorted(denied))}"
                checks[row] = ParameterCheck(check.met, (*check.unmet, line))
    for row, check in checks.items():
        score[row] = reasoning.adjust(score[row], check)
    sisters.prefer_first_entries(index, list(checks), score, checks, quantities, folded)
    cues = not_listed_cues(full)
    if cues:
        score[order] *= 0.6
    ranked = sorted(checks, key=lambda i: -score[i])
    ranked = _diversify(index, ranked)
    query_terms = set(query.weights) | set(terms(folded))  # a note's words must not come from "no X"
    if _ALL_DIMENSIONS.search(text):
        query_terms |= {"linear", "dimension"}  # "50 × 50 × 50 mm" states every linear dimension
    verdict = reasoning.decide(index, ranked, score, checks, quantities, facts, cues, query_terms)
    results = [
        RankedEntry(
            index.items[i].record.code,
            float(min(1.0, max(0.0, score[i]))),
            reasoning.explain(index, i, query.weights, checks),
        )
        for i in verdict.ranked[:top]
    ]
    return Classification(verdict.verdict, results, verdict.released_by)


def _diversify(index: SearchIndex, ranked: list[int]) -> list[int]:
    """Drop an item ranked below one of its own sub-items, and keep at most a few items per entry."""
    out: list[int] = []
    per_entry: dict[str, int] = {}
    chosen: set[int] = set()
    for i in ranked:
        item = index.items[i]
        if any(i in index.items[j].ancestors for j in chosen):
            continue
        entry = item.record.entry
        if per_entry.get(entry, 0) >= PER_ENTRY:
            continue
        per_entry[entry] = per_entry.get(entry, 0) + 1
        out.append(i)
        chosen.add(i)
    return out
