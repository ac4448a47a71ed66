"""The classifier index: every Annex I item as a weighted bag of annex words, with its hierarchy.

An item is matched on its own words, the lead-in words of its ancestors (a sub-item inherits them:
"5A001.f.2" is also "mobile telecommunications interception"), a little of its descendants' and
notes' words, and the definitions of the "defined terms" it uses. ``classify`` then reasons about
parameters, notes, cryptography and software / technology referrals (see ``reasoning``).
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping

import numpy as np

from dualuse.controllist.classify.derived import formula_thresholds
from dualuse.controllist.classify.items import FloatArray, IndexedItem, Postings
from dualuse.controllist.classify.negation import negated_terms
from dualuse.controllist.classify.pipeline import classify_text
from dualuse.controllist.classify.quantities import entry_thresholds, trailing_comparator
from dualuse.controllist.classify.records import EntryRecord
from dualuse.controllist.classify.references import referenced_prefixes
from dualuse.controllist.classify.result import Classification
from dualuse.controllist.classify.sisters import excluded_codes
from dualuse.controllist.classify.text import fold, terms

OWN, ANCESTOR_DECAY, ANCESTOR_FLOOR, DESCENDANT, NOTE, DEFINITION = 1.0, 0.85, 0.55, 0.35, 0.3, 0.2


class ClassifierIndex:
    """Built once per control-list version; ``classify`` is read-only and thread-safe."""

    def __init__(
        self,
        items: list[IndexedItem],
        postings: dict[str, Postings],
        own_postings: dict[str, Postings],
        idf: dict[str, float],
        own_norm: FloatArray,
        code_row: dict[str, int],
        children: dict[int, list[int]],
        excludes: dict[str, tuple[str, ...]] | None = None,
    ) -> None:
        self.items = items
        self.postings = postings
        self.own_postings = own_postings
        self.idf = idf
        self.own_norm = own_norm
        self.code_row = code_row
        self.children = children
        self.excludes = excludes or {}
        self.heads: dict[str, list[int]] = defaultdict(list)
        for i, item in enumerate(items):
            head = terms(item.record.text)[:1]
            if head:
                self.heads[head[0]].append(i)
        self.groups = np.array([ord(i.record.group) for i in items], dtype=np.int64)
        self.subtree: dict[str, list[int]] = defaultdict(list)
        for i, item in enumerate(items):
            self.subtree[item.record.code].append(i)
            for a in item.ancestors:
                self.subtree[items[a].record.code].append(i)

    @classmethod
    def build(
        cls, entries: Iterable[EntryRecord], definitions: Mapping[str, str] | None = None
    ) -> ClassifierIndex:
        records = [r for r in entries if not r.not_used]
        code_row = {r.code: i for i, r in enumerate(records)}
        children: dict[int, list[int]] = defaultdict(list)
        for i, r in enumerate(records):
            if r.parent in code_row:
                children[code_row[r.parent]].append(i)
        own = [Counter(terms(r.text)) for r in records]
        note_terms = [Counter(t for n in r.notes for t in terms(n)) for r in records]
        folded_definitions = {definition_key(k): v for k, v in (definitions or {}).items()}
        definition_terms = [
            Counter(t for d in r.defined_terms for t in terms(folded_definitions.get(definition_key(d), "")))
            for r in records
        ]
        # idf over each item's own words and notes: a word repeated in 70 sub-items of one entry is not rare
        df: Counter[str] = Counter()
        for counter, note_counter in zip(own, note_terms, strict=True):
            df.update(set(counter) | set(note_counter))
        n = len(records)
        idf = {t: math.log(1.0 + (n - f + 0.5) / (f + 0.5)) for t, f in df.items()}

        ancestors: list[tuple[int, ...]] = []
        for r in records:
            chain: list[int] = []
            parent = r.parent
            while parent is not None and parent in code_row:
                chain.append(code_row[parent])
                parent = records[code_row[parent]].parent
            ancestors.append(tuple(chain))
        descendants: dict[int, set[str]] = defaultdict(set)
        for i, lineage in enumerate(ancestors):
            for a in lineage:
                descendants[a].update(own[i])

        weights: list[dict[str, float]] = []
        for i, _record in enumerate(records):
            w: dict[str, float] = {}
            for t in definition_terms[i]:
                w[t] = DEFINITION
            for t in note_terms[i]:
                w[t] = NOTE
            for t in descendants.get(i, ()):
                w[t] = max(w.get(t, 0.0), DESCENDANT)
            for depth, a in enumerate(ancestors[i], start=1):
                level_weight = max(ANCESTOR_FLOOR, ANCESTOR_DECAY**depth)
                for t in own[a]:
                    w[t] = max(w.get(t, 0.0), level_weight)
            for t in own[i]:
                w[t] = OWN
            weights.append(w)

        postings = _invert(weights)
        own_postings = _invert([{t: idf[t] for t in counter} for counter in own])
        own_norm = np.array([sum(idf[t] for t in counter) or 1.0 for counter in own], dtype=np.float64)

        all_codes = list(code_row)
        under: dict[str, list[int]] = defaultdict(list)
        for i, r in enumerate(records):
            if r.group in "ABC":
                under[r.code[:1]].append(i)
                under[r.code[:2]].append(i)
                under[r.code].append(i)
                for a in ancestors[i]:
                    under[records[a].code].append(i)
        thresholds_own = [
            tuple(
                entry_thresholds(
                    r.text,
                    trailing_comparator(records[code_row[r.parent]].text) if r.parent in code_row else None,
                )
            )
            + tuple(formula_thresholds(r.text))
            for r in records
        ]
        negated_own = [negated_terms(fold(r.text)) for r in records]
        definition_notes = _definition_notes(folded_definitions)
        items: list[IndexedItem] = []
        for i, r in enumerate(records):
            path = [i, *ancestors[i]]
            bigrams: set[tuple[str, str]] = set()
            for p in path:
                words = terms(records[p].text)
                bigrams.update(zip(words, words[1:], strict=False))
            refers: list[int] = []
            if r.group in "DE":
                for prefix in referenced_prefixes(r.text, all_codes, r.code[:1]):
                    if prefix[:2] == r.code[:2] and prefix[1] in "DE" and len(prefix) == 2:
                        continue
                    refers.extend(under.get(prefix, ()))
            notes = [(records[p].code, note) for p in path for note in records[p].notes]
            notes.extend(
                (f'the definition of "{term}"', definition_notes[definition_key(term)])
                for p in path
                for term in records[p].defined_terms
                if definition_key(term) in definition_notes
            )
            items.append(
                IndexedItem(
                    record=r,
                    ancestors=ancestors[i],
                    own_terms=frozenset(own[i]),
                    path_terms=frozenset(t for p in path for t in own[p]),
                    path_bigrams=frozenset(bigrams),
                    thresholds=tuple(t for p in path for t in thresholds_own[p]),
                    refers_to=tuple(sorted(set(refers))),
                    note_texts=tuple(dict.fromkeys(notes)),
                    negated_terms=frozenset(t for p in path for t in negated_own[p]),
                )
            )
        excludes = {
            r.code: excluded_codes(r.text) for r in records if r.level == 0 and excluded_codes(r.text)
        }
        return cls(items, postings, own_postings, idf, own_norm, code_row, dict(children), excludes)

    def __len__(self) -> int:
        return len(self.items)

    def term_scores(self, query: Mapping[str, float]) -> tuple[FloatArray, FloatArray]:
        """(coverage numerator, own-text precision) for every row, for weighted query terms."""
        n = len(self.items)
        coverage = np.zeros(n, dtype=np.float64)
        precision = np.zeros(n, dtype=np.float64)
        for term, weight in query.items():
            posting = self.postings.get(term)
            if posting is not None:
                np.add.at(coverage, posting.rows, posting.weights * weight)
            own = self.own_postings.get(term)
            if own is not None:
                np.add.at(precision, own.rows, own.weights)
        return coverage, precision / self.own_norm

    def rows_under(self, code: str) -> list[int]:
        """Rows of ``code`` and of all its sub-items."""
        return self.subtree.get(code, [])

    def classify(self, text: str, top: int = 10) -> Classification:
        """Rank the entries a product description could fall under, and say whether it is listed."""
        return classify_text(self, text, top)


def definition_key(term: str) -> str:
    """A defined term as the entries and the definitions both spell it: "Special fissile materials" in
    0C002 is defined as "Special fissile material", "Digital computers" as "Digital computer"."""
    return " ".join(terms(term)) or term.lower()


def _definition_notes(definitions: Mapping[str, str]) -> dict[str, str]:
    """The notes of a definition ("Notes: 1. 'Intrusion software' does not include ... debuggers"), which
    release items the way an entry's own notes do."""
    out: dict[str, str] = {}
    for term, text in definitions.items():
        at = text.find("Note")
        if at >= 0 and " not " in text[at:]:
            out[term] = text[at:].split("Technical Note")[0].strip()
    return out


def _invert(weights: list[dict[str, float]]) -> dict[str, Postings]:
    rows: dict[str, list[int]] = defaultdict(list)
    values: dict[str, list[float]] = defaultdict(list)
    for i, w in enumerate(weights):
        for t, v in w.items():
            rows[t].append(i)
            values[t].append(v)
    return {
        t: Postings(np.array(rows[t], dtype=np.int64), np.array(values[t], dtype=np.float64)) for t in rows
    }
