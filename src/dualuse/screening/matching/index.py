"""The in-memory screening index: candidate retrieval by blocking keys, then pairwise scoring.

Blocking keys per listed name (all stored as hashes in numpy arrays, see `postings.py`):

- each normalised token (`krivoplyosov`);
- each token's consonant skeleton (`krprs`), which joins romanisations and unvocalised scripts,
  and the skeleton of its canonical spelling when that differs (`Kriwopljossow` -> `krprs`);
- the skeleton of each pair of adjacent tokens (`ou yang` -> `nk`), which joins names written
  with and without spaces (Chinese and Korean romanisations);
- for skeletons of four or more letters, every skeleton within one edit (typos).

A query token's keys form a group; a group with more names than `COMMON_KEY` (a very common
first name, say) does not generate candidates, the rarer groups do, weighted by inverse
frequency. If every group is common, the two rarest are intersected. The best `DETAIL` names
are scored in full (`score.py`), then the best name of each party is combined with the party's
dates, countries and identifiers.

A family name marked in one variant of a party (capitals, `LAST, First`, Hangul) is carried over
to the party's other variants where a word spells it alike (`T'ak Myŏng-gyu` after `THAK Myong
Gyu`), so every variant knows which of its words may not go missing.
"""

from __future__ import annotations

import math
from array import array
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace

import numpy as np
from rapidfuzz import fuzz, process

from dualuse.screening.matching.canonical import canonical
from dualuse.screening.matching.dates import DATE_EFFECT, DateFit, parse_query_date
from dualuse.screening.matching.normalize import (
    PERSON,
    NormName,
    normalize_identifier,
    normalize_name,
)
from dualuse.screening.matching.phonetic import skeleton
from dualuse.screening.matching.postings import EMPTY, FuzzyKeys, IntArray, Postings, PostingsBuilder
from dualuse.screening.matching.query import DEFAULT_THRESHOLD, Hit, Query
from dualuse.screening.matching.score import (
    COUNTRY_MATCH,
    WEAK_ALIAS_FACTOR,
    ListedName,
    NameScore,
    Party,
    QueryFacts,
    score_name,
    score_party,
)
from dualuse.screening.records import Entity, NameQuality

COMMON_KEY = 4000  # names behind a key group above which it does not generate candidates
DETAIL = 24  # names scored in full per query, at most
PREFILTER_FLOOR = 55  # rapidfuzz token_set_ratio below which a candidate is not scored in full
RELATIVE_FLOOR = 0.4  # ... and only those with this share of the best candidate's key weight
FUZZY_MIN = 4  # shortest skeleton looked up within one edit
PAIR_MAX_TOKENS = 5  # names longer than this get no adjacent-pair keys
EXACT, PHONETIC, FUZZY = 1.0, 0.8, 0.6  # retrieval weight of each kind of key

_WEAK, _TRANSLIT, _ORG = 1, 2, 4
MAX_BONUS = DATE_EFFECT[DateFit.DAY] + COUNTRY_MATCH  # the most the other evidence can add


@dataclass(frozen=True, slots=True)
class _Group:
    lists: tuple[IntArray, ...]
    weights: tuple[float, ...]

    @property
    def size(self) -> int:
        return sum(len(ids) for ids in self.lists)


class MatchIndex:
    """Build once per active list version with `MatchIndex.build(entities)`; query with `match`."""

    def __init__(
        self,
        parties: list[Party],
        party_first: IntArray,
        name_party: IntArray,
        texts: list[str],
        originals: list[str],
        family: IntArray,
        flags: IntArray,
        tokens: Postings,
        skeletons: Postings,
        fuzzy: FuzzyKeys,
        identifiers: dict[str, list[int]],
    ) -> None:
        self._parties = parties
        self._party_first = party_first
        self._name_party = name_party
        self._texts = texts
        self._originals = originals
        self._family = family
        self._flags = flags
        self._tokens = tokens
        self._skeletons = skeletons
        self._fuzzy = fuzzy
        self._identifiers = identifiers

    @classmethod
    def build(cls, entities: Iterable[Entity]) -> MatchIndex:
        parties: list[Party] = []
        party_first = array("i")
        name_party = array("i")
        texts: list[str] = []
        originals: list[str] = []
        family = array("b")
        flags = array("B")
        tokens, skeletons = PostingsBuilder(), PostingsBuilder()
        skeleton_vocab: dict[str, None] = {}
        identifiers: dict[str, list[int]] = {}
        for entity in entities:
            party_id = len(parties)
            schema = entity.schema.value
            ids = tuple(sorted({normalize_identifier(i.value) for i in entity.identifiers} - {""}))
            parties.append(Party(entity.ref, schema, tuple(entity.birth_dates), tuple(entity.countries), ids))
            for ident in ids:
                identifiers.setdefault(ident, []).append(party_id)
            party_first.append(len(texts))
            seen: set[str] = set()
            # Strong names first, so a weak alias spelled like a strong name is not kept as weak.
            variants = sorted(entity.names, key=lambda n: n.quality is not NameQuality.STRONG)
            norms = _share_family([normalize_name(v.full, schema) for v in variants])
            for variant, norm in zip(variants, norms, strict=True):
                if norm is None or norm.text in seen:
                    continue
                seen.add(norm.text)
                name_id = len(texts)
                texts.append(norm.text)
                originals.append(variant.full)
                name_party.append(party_id)
                family.append(max(-1, min(norm.family, 127)))
                flags.append(
                    (_WEAK if variant.quality is NameQuality.WEAK else 0)
                    | (_TRANSLIT if norm.transliterated else 0)
                    | (_ORG if norm.org else 0)
                )
                for key in _name_keys(norm):
                    tokens.add(key, name_id)
                alike = _canonical_skeletons(norm)
                for key in _skeleton_keys(norm, alike):
                    skeletons.add(key, name_id)
                for key in norm.skeletons:
                    skeleton_vocab[key] = None
                for key in alike:
                    skeleton_vocab[key] = None
        party_first.append(len(texts))
        fuzzy_keys = list(skeleton_vocab)
        skeleton_postings = skeletons.build()
        return cls(
            parties=parties,
            party_first=_np(party_first),
            name_party=_np(name_party),
            texts=texts,
            originals=originals,
            family=np.frombuffer(family, dtype=np.int8).astype(np.int32) if family else EMPTY,
            flags=np.frombuffer(flags, dtype=np.uint8).astype(np.int32) if flags else EMPTY,
            tokens=tokens.build(),
            skeletons=skeleton_postings,
            fuzzy=FuzzyKeys(fuzzy_keys, skeleton_postings.slots(fuzzy_keys), FUZZY_MIN),
            identifiers=identifiers,
        )

    def __len__(self) -> int:
        """The number of indexed name variants."""
        return len(self._texts)

    @property
    def party_count(self) -> int:
        return len(self._parties)

    def nbytes(self) -> int:
        """Bytes held by the numpy arrays (the strings and parties come on top)."""
        arrays = (self._party_first, self._name_party, self._family, self._flags)
        return (
            sum(int(a.nbytes) for a in arrays)
            + self._tokens.nbytes()
            + self._skeletons.nbytes()
            + self._fuzzy.nbytes()
        )

    def match(self, query: Query, threshold: float = DEFAULT_THRESHOLD, limit: int = 10) -> list[Hit]:
        """Parties whose score reaches `threshold`, best first, at most `limit`."""
        norm = normalize_name(query.name, query.schema)
        wanted = frozenset(normalize_identifier(i) for i in query.identifiers) - {""}
        if norm is None:
            if not wanted:
                return []
            norm = NormName(query.name, (), (), -1, False, False)
        facts = QueryFacts(
            name=norm,
            schema=query.schema,
            country=query.country.upper() if query.country else None,
            birth_date=parse_query_date(query.birth_date),
            identifiers=wanted,
        )
        best: dict[int, tuple[float, int, NameScore]] = {}  # party -> (value, name id, name score)
        for reading in self._readings(query, norm):
            for name_id in self._prefilter(reading, self._candidates(reading)):
                self._consider(reading, name_id, best)
        for ident in wanted:
            for party_id in self._identifiers.get(ident, ()):
                first, last = int(self._party_first[party_id]), int(self._party_first[party_id + 1])
                for name_id in range(first, last):
                    self._consider(norm, name_id, best)
        hits: dict[str, Hit] = {}
        hopeless = threshold - MAX_BONUS
        for party_id, (value, name_id, name_score) in best.items():
            party = self._parties[party_id]
            if value < hopeless and not wanted.intersection(party.identifiers):
                continue
            listed = self._listed(name_id)
            value, features = score_party(facts, party, listed, name_score)
            if value >= threshold and (party.ref not in hits or hits[party.ref].score < value):
                hits[party.ref] = Hit(party.ref, value, features)
        return sorted(hits.values(), key=lambda h: (-h.score, h.ref))[:limit]

    @staticmethod
    def _readings(query: Query, norm: NormName) -> list[NormName]:
        """How to read the query name. Without a schema it may be a company or a person, and
        the two readings can differ (legal forms, business words in CJK scripts): try both."""
        if not norm.tokens:
            return []
        if query.schema is None:
            as_person = normalize_name(query.name, PERSON)
            if as_person is not None and as_person.tokens != norm.tokens:
                return [norm, as_person]
        return [norm]

    def _prefilter(self, norm: NormName, name_ids: list[int]) -> list[int]:
        """Drop candidates that a generous C-level score already rules out (rapidfuzz's
        token-set ratio is 100 when one name's tokens contain the other's). Names in another
        script than the query are kept: only the full score sees through transliteration."""
        if len(name_ids) <= 4 or norm.transliterated:
            return name_ids
        texts = [self._texts[i] for i in name_ids]
        scores = process.cdist([norm.text], texts, scorer=fuzz.token_set_ratio, dtype=np.uint8)[0]
        flags = self._flags[name_ids]
        keep = (scores >= PREFILTER_FLOOR) | ((flags & _TRANSLIT) != 0)
        return [i for i, k in zip(name_ids, keep.tolist(), strict=True) if k]

    def _consider(self, norm: NormName, name_id: int, best: dict[int, tuple[float, int, NameScore]]) -> None:
        party_id = int(self._name_party[name_id])
        if not norm.tokens:
            best.setdefault(party_id, (0.0, name_id, _NO_NAME))
            return
        listed = self._listed(name_id)
        name_score = score_name(norm, listed)
        value = name_score.value * (WEAK_ALIAS_FACTOR if listed.weak else 1.0)
        if party_id not in best or best[party_id][0] < value:
            best[party_id] = (value, name_id, name_score)

    def _listed(self, name_id: int) -> ListedName:
        flags = int(self._flags[name_id])
        return ListedName(
            text=self._texts[name_id],
            original=self._originals[name_id],
            family=int(self._family[name_id]),
            transliterated=bool(flags & _TRANSLIT),
            weak=bool(flags & _WEAK),
            org=bool(flags & _ORG),
        )

    def _groups(self, norm: NormName) -> Iterator[_Group]:
        count = len(norm.skeletons)
        pairs = [skeleton(a + b) for a, b in zip(norm.tokens, norm.tokens[1:], strict=False)]
        canon = [skeleton(c) for c in norm.canon] if norm.canon else list(norm.skeletons)
        canon = [c if c != s and len(c) >= 2 else "" for c, s in zip(canon, norm.skeletons, strict=True)]
        token_slots = self._tokens.slots(list(norm.tokens))
        skeleton_slots = self._skeletons.slots(
            [s if len(s) >= 2 else "" for s in norm.skeletons]
            + [p if len(p) >= 2 else "" for p in pairs]
            + canon
        )
        for number, skel in enumerate(norm.skeletons):
            lists: list[IntArray] = []
            weights: list[float] = []
            if token_slots[number] >= 0:
                lists.append(self._tokens.at(token_slots[number]))
                weights.append(EXACT)
            own = skeleton_slots[number]
            if own >= 0:
                lists.append(self._skeletons.at(own))
                weights.append(PHONETIC)
            alike = skeleton_slots[count + len(pairs) + number]
            if alike >= 0 and alike != own:
                lists.append(self._skeletons.at(alike))
                weights.append(PHONETIC)
            for slot in self._fuzzy.near(skel).tolist():
                if slot not in (own, alike):
                    lists.append(self._skeletons.at(slot))
                    weights.append(FUZZY)
            yield _Group(tuple(lists), tuple(weights))
        for slot in skeleton_slots[count : count + len(pairs)]:
            if slot >= 0:
                yield _Group((self._skeletons.at(slot),), (PHONETIC,))

    def _candidates(self, norm: NormName) -> list[int]:
        groups = [g for g in self._groups(norm) if g.size]
        if not groups:
            return []
        total = len(self._texts)
        rare = [g for g in groups if g.size <= COMMON_KEY]
        if not rare:
            return self._intersect_common(sorted(groups, key=lambda g: g.size)[:2])
        id_parts: list[IntArray] = []
        weight_parts: list[np.ndarray] = []
        for group in rare:
            idf = math.log(1 + total / (1 + group.size))
            ids = np.concatenate(group.lists) if len(group.lists) > 1 else group.lists[0]
            weights = np.concatenate(
                [np.full(len(a), w * idf) for a, w in zip(group.lists, group.weights, strict=True)]
            )
            # The first occurrence is the strongest kind of key (exact before phonetic before fuzzy).
            unique, first = np.unique(ids, return_index=True)
            id_parts.append(unique)
            weight_parts.append(weights[first])
        ids = np.concatenate(id_parts)
        unique, inverse = np.unique(ids, return_inverse=True)
        scores = np.bincount(inverse, weights=np.concatenate(weight_parts))
        if len(unique) > DETAIL:
            top = np.argpartition(-scores, DETAIL)[:DETAIL]
            unique, scores = unique[top], scores[top]
        # Names that share only a small part of the query's evidence are not worth a full score.
        keep = scores >= RELATIVE_FLOOR * scores.max()
        return [int(i) for i in unique[keep]]

    def _intersect_common(self, groups: list[_Group]) -> list[int]:
        exact = [g.lists[0] for g in groups]
        if len(exact) == 1 or not all(len(e) for e in exact):
            return [int(i) for i in exact[0][:DETAIL]] if len(exact[0]) else []
        both = np.intersect1d(exact[0], exact[1], assume_unique=True)
        return [int(i) for i in both[: DETAIL * 4]]


_NO_NAME = NameScore(0.0, "none", ())  # a query by identifier alone


def _np(values: array[int]) -> IntArray:
    return np.frombuffer(values, dtype=np.int32).copy() if values else EMPTY


def _name_keys(norm: NormName) -> set[str]:
    return set(norm.tokens)


def _canonical_skeletons(norm: NormName) -> set[str]:
    """Skeletons of the canonical spellings that differ from the spelled tokens' skeletons."""
    if not norm.canon or norm.canon == norm.tokens:
        return set()
    return {k for k in (skeleton(c) for c in norm.canon) if len(k) >= 2} - set(norm.skeletons)


def _share_family(norms: list[NormName | None]) -> list[NormName | None]:
    """Carry a family name marked in one variant over to the party's unmarked variants."""
    family = {canonical(n.tokens[n.family]) for n in norms if n is not None and not n.org and n.family >= 0}
    family = {f for f in family if len(f) >= 2}
    if not family:
        return norms
    out: list[NormName | None] = []
    for norm in norms:
        if norm is not None and norm.family < 0 and not norm.org and len(norm.tokens) >= 2:
            found = [i for i, c in enumerate(norm.canon or norm.tokens) if c in family]
            if len(found) == 1:
                norm = replace(norm, family=found[0])
        out.append(norm)
    return out


def _skeleton_keys(norm: NormName, alike: set[str]) -> set[str]:
    keys = {s for s in norm.skeletons if len(s) >= 2} | alike
    if len(norm.tokens) <= PAIR_MAX_TOKENS:
        for left, right in zip(norm.tokens, norm.tokens[1:], strict=False):
            pair = skeleton(left + right)
            if len(pair) >= 2:
                keys.add(pair)
    return keys
