"""Pairwise name similarity for "same end user or consignee" (Art 2(22)): the screening matcher's
name scorer when it is installed, else the default of `identical.py`."""

from __future__ import annotations

from dualuse.cooperation.identical import NameSimilarity, default_name_similarity

try:
    from dualuse.screening.matching.normalize import normalize_name
    from dualuse.screening.matching.score import ListedName, score_name
except ImportError:  # the screening matcher is optional for this app
    normalize_name = None  # type: ignore[assignment]


def _screening_similarity(a: str, b: str) -> float:
    """The screening scorer in both directions (it is asymmetric: it weighs missing listed words)."""
    best = 0.0
    for query_text, listed_text in ((a, b), (b, a)):
        query = normalize_name(query_text, "organization")
        listed = normalize_name(listed_text, "organization")
        if query is None or listed is None:
            continue
        entry = ListedName(
            text=listed.text,
            original=listed.original,
            family=listed.family,
            transliterated=listed.transliterated,
            weak=False,
            org=True,
        )
        best = max(best, score_name(query, entry).value)
    return min(1.0, best)


def party_similarity() -> NameSimilarity:
    return default_name_similarity if normalize_name is None else _screening_similarity
