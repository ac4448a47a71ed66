"""Pairwise scoring: a query against one listed name, then against the listed party.

The name score is the best of two views of the pair, so each kind of variation has a view that
sees through it (the token view also pairs two adjacent tokens written together with one token,
`Ou Yang Jing Lan` / `OUYANG Jinglan`):

- `tokens`: per-token alignment (rapidfuzz Levenshtein on the spelled and on the canonical forms,
  see `canonical.py`, with loose phonetic skeletons and initials), order-free, so `LAST, First`
  and reordered names align; listed tokens the query does not have cost little when they are
  patronymics or middle names (less for each further one: Arabic names carry a chain of them) and
  a lot when they are the family name, which must also not be "matched" by a merely similar word
  (`Pak` is not `Tak`);
- `skeleton`: consonant skeletons, only when one side was written in another script
  (`محمد` -> `mhmd` / `Mohammed`).

The party score adds the other evidence: birth dates (see `dates.py`), countries, schema and
identifiers. Every feature that moved the score is kept for the explanation.
"""

from __future__ import annotations

from dataclasses import dataclass

from rapidfuzz.distance import Indel, Levenshtein

from dualuse.screening.matching.canonical import canonical
from dualuse.screening.matching.dates import DATE_EFFECT, NEAR_YEAR_LOOSE, DateFit, QueryDate, best_fit
from dualuse.screening.matching.normalize import NormName
from dualuse.screening.matching.phonetic import skeleton
from dualuse.screening.records import BirthDate

WEAK_ALIAS_FACTOR = 0.85  # a weak alias ("Abu Yazan", EU strong="false") is weaker evidence
SKELETON_FACTOR = 0.92  # a cross-script match on consonants alone is never certain
INITIAL_SIMILARITY = 0.9
MISSING_FAMILY_COST = 1.0  # listed family name absent from the query
MISSING_OTHER_COST = 0.3  # listed middle name or patronymic absent from the query
MISSING_FURTHER_COST = 0.15  # ... each further one (`Khalid Yusuf Hamdan AL-BURAIQEEN`)
FAMILY_MIN = 0.75  # a listed family name paired with a less similar query word counts as absent
CANONICAL_EQUAL = 0.95  # two spellings with the same canonical form (`Yevgeniy` / `Evgenii`)
CANONICAL_TRY = 0.5  # below this spelled similarity, the canonical forms are not compared
ARTICLE_FACTOR = 0.95  # `Alfawwazeen` against `Fawwazeen`: the article written joined
MISSING_UNKNOWN_COST = 0.65  # listed word of unknown role (a name in another script) absent
MISSING_ORG_COST = 0.8  # listed distinctive word of a company name absent from the query
GENERIC_WEIGHT = 0.3  # a generic business word ("trading", "engineering") counts this much

# Words that many unrelated companies share: matching them is weak evidence, missing them is cheap.
# Trades and legal words in several languages, and the everyday words that company names are so
# often made of (`Morning Star`, `Silver`, `Golden`, `Pacific`).
GENERIC_ORG_WORDS = frozenset(
    """trading trade traders general international industries industrial industry engineering
    precision export import shipping logistics technologies technology tech electronics
    electronic components holding holdings services service research production enterprise
    enterprises bureau national petroleum oil gas bank defence defense machinery systems
    solutions science scientific development investment investments commercial construction
    manufacturing equipment energy chemical chemicals metal metals supply supplies global
    partners marine maritime transport factory plant works institute center centre office korea
    china asia hong kong middle east npp npo nii okb kb zavod kombinat
    teknoloji teknolojileri sanayi ticaret savunma muhendislik elektronik makina enerji lojistik
    denizcilik ithalat ihracat technik technologie handel handels industrie maschinenbau
    gesellschaft societe commerce internationale generale comercial industrias tecnologia
    internacional promyshlennaya tekhnologii torgovy torgovaya torgovyi proizvodstvennoe
    predpriyatie nauchno obyedinenie tejarat sanaye mohandesi
    star stars morning silver golden gold black white red blue green sea ocean pacific atlantic
    new great united royal eagle sun sky first prime future alpha delta north south east west
    central universal advanced modern world express""".split()
)
COUNTRY_MATCH = 0.02
COUNTRY_MISMATCH = -0.08
SCHEMA_MISMATCH = -0.3  # a person is not a company
IDENTIFIER_FLOOR = 0.85  # an exact identifier match scores at least this


@dataclass(frozen=True, slots=True)
class ListedName:
    """What the index keeps of one listed name variant."""

    text: str  # normalised tokens joined by spaces
    original: str
    family: int
    transliterated: bool
    weak: bool
    org: bool


@dataclass(frozen=True, slots=True)
class NameScore:
    value: float
    method: str  # "tokens" or "skeleton"
    pairs: tuple[tuple[str, str, float], ...]


_VOWELS = frozenset("aeiouy")


def token_similarity(a: str, b: str, cross_script: bool) -> float:
    if a == b:
        return 1.0
    if len(a) == 1 or len(b) == 1:
        return INITIAL_SIMILARITY if a[0] == b[0] else 0.0
    sim = _spelled_similarity(a, b, cross_script)
    if sim < CANONICAL_EQUAL and (a[:2] == "al") != (b[:2] == "al") and min(len(a), len(b)) >= 5:
        # The Arabic article written joined in Latin (`Alfawwazeen` / `Fawwazeen`).
        bare_a, bare_b = (a[2:], b) if a[:2] == "al" else (a, b[2:])
        if len(bare_a) >= 5 and len(bare_b) >= 5:
            sim = max(sim, ARTICLE_FACTOR * _spelled_similarity(bare_a, bare_b, cross_script))
    if CANONICAL_TRY <= sim < CANONICAL_EQUAL:
        # Another romanisation system: compare the canonical spellings too.
        ca, cb = canonical(a), canonical(b)
        if ca == cb:
            return CANONICAL_EQUAL
        if ca != a or cb != b:
            sim = max(sim, _spelled_similarity(ca, cb, cross_script))
    return sim


def _spelled_similarity(a: str, b: str, cross_script: bool) -> float:
    lev = Levenshtein.normalized_similarity(a, b)
    ska, skb = skeleton(a), skeleton(b)
    # Two-consonant skeletons are common (`nk`: Wang, Yang, Ying): they need the same first letter,
    # or both a vowel-like one (Yelena, Elena).
    if ska == skb and (len(ska) >= 3 or (len(ska) == 2 and (a[0] == b[0] or {a[0], b[0]} <= _VOWELS))):
        return max(lev, 0.92 if cross_script else 0.86)
    if ska == skb and len(ska) == 1 and len(a) == len(b) <= 4:
        return max(lev, 0.8)  # short syllables: `kyu` / `gyu`, `tak` / `dak`
    if cross_script and len(ska) >= 3 and len(skb) >= 3:
        return max(lev, 0.9 * Indel.normalized_similarity(ska, skb))
    return lev


def _shape(sim: float) -> float:
    # Near-misses count almost fully, loose resemblances much less than their raw similarity.
    return sim if sim >= 0.85 else sim * sim


def _weight(token: str, org: bool) -> float:
    if len(token) == 1:
        return 0.5
    return GENERIC_WEIGHT if org and token in GENERIC_ORG_WORDS else 1.0


Option = tuple[float, tuple[int, ...], tuple[int, ...]]


def _merged_options(
    q_tokens: tuple[str, ...], l_tokens: list[str], used_q: set[int], used_l: set[int], cross: bool
) -> list[Option]:
    """Names split differently ("Tabasomi Far" / "Tabassomifar", "Ou Yang" / "Ouyang"): adjacent
    leftover tokens of one side, written together, against one leftover token of the other."""
    options: list[Option] = []
    free_q = [i for i in range(len(q_tokens)) if i not in used_q]
    free_l = [j for j in range(len(l_tokens)) if j not in used_l]
    for i in free_q:
        if i + 1 in free_q:
            merged = q_tokens[i] + q_tokens[i + 1]
            for j in free_l:
                if abs(len(merged) - len(l_tokens[j])) <= 3:
                    options.append((token_similarity(merged, l_tokens[j], cross), (i, i + 1), (j,)))
    for j in free_l:
        if j + 1 in free_l:
            merged = l_tokens[j] + l_tokens[j + 1]
            for i in free_q:
                if abs(len(merged) - len(q_tokens[i])) <= 3:
                    options.append((token_similarity(q_tokens[i], merged, cross), (i,), (j, j + 1)))
    return options


def score_tokens(query: NormName, listed: ListedName) -> NameScore:
    q_tokens = query.tokens
    l_tokens = listed.text.split()
    org = listed.org or query.org
    if len(q_tokens) == len(l_tokens) and sorted(q_tokens) == sorted(l_tokens):
        return NameScore(1.0, "tokens", tuple((t, t, 1.0) for t in q_tokens))
    cross = query.transliterated or listed.transliterated
    options: list[Option] = [
        (token_similarity(q, r, cross), (i,), (j,))
        for i, q in enumerate(q_tokens)
        for j, r in enumerate(l_tokens)
    ]
    used_q: set[int] = set()
    used_l: set[int] = set()
    # Merged tokens compete from the start: "Tabasomi Far" must not lose "tabasomi" to a weak
    # single match with "tabassomifar" before "tabasomifar" is tried.
    options.extend(_merged_options(q_tokens, l_tokens, used_q, used_l, cross))
    pairs: list[tuple[str, str, float]] = []
    gained = 0.0
    for round_ in (0, 1):
        if round_ == 1:
            if len(used_q) == len(q_tokens) or len(used_l) == len(l_tokens):
                break
            options = _merged_options(q_tokens, l_tokens, used_q, used_l, cross)
        options.sort(reverse=True)
        for sim, qi, lj in options:
            if sim < 0.5:
                break
            if used_q.intersection(qi) or used_l.intersection(lj):
                continue
            if (len(qi) > 1 or len(lj) > 1) and sim < 0.85:
                continue
            if sim < FAMILY_MIN and not org and listed.family in lj:
                continue
            used_q.update(qi)
            used_l.update(lj)
            gained += sum(_weight(q_tokens[i], org) for i in qi) * _shape(sim)
            pairs.append(("".join(q_tokens[i] for i in qi), "".join(l_tokens[j] for j in lj), sim))
    total = sum(_weight(t, org) for t in q_tokens)
    last = len(l_tokens) - 1
    others = 0  # middle names and patronymics missing so far
    for j, token in enumerate(l_tokens):
        if j in used_l:
            continue
        if org:
            total += MISSING_ORG_COST * _weight(token, org)
        elif j == listed.family or (listed.family < 0 and j == last and j > 0 and not listed.transliterated):
            total += MISSING_FAMILY_COST
        elif listed.family < 0 and listed.transliterated:
            # Which word is the family name is unknown (family first in Chinese, last in Arabic).
            total += MISSING_UNKNOWN_COST
        else:
            cost = MISSING_OTHER_COST if others == 0 else MISSING_FURTHER_COST
            total += cost / 2 if len(token) == 1 else cost
            others += 1
    return NameScore(gained / total if total else 0.0, "tokens", tuple(pairs))


def score_name(query: NormName, listed: ListedName) -> NameScore:
    best = score_tokens(query, listed)
    if best.value >= 1.0:
        return best
    q_joined, l_joined = query.joined, listed.text.replace(" ", "")
    if query.transliterated != listed.transliterated:
        q_skel, l_skel = skeleton(q_joined), skeleton(l_joined)
        if len(q_skel) >= 4 and len(l_skel) >= 4:
            # Consonants alone are loose: one differing letter (`fsn`/`fs`, Fawwazeen/Fawwaz) must
            # cost much more than it does in a spelled-out comparison.
            value = SKELETON_FACTOR * Indel.normalized_similarity(q_skel, l_skel) ** 4
            if value > best.value:
                best = NameScore(value, "skeleton", ((q_skel, l_skel, round(value, 3)),))
    return best


@dataclass(frozen=True, slots=True)
class Party:
    """What the index keeps of one listed party besides its names."""

    ref: str
    schema: str
    birth_dates: tuple[BirthDate, ...]
    countries: tuple[str, ...]
    identifiers: tuple[str, ...]  # normalised


@dataclass(frozen=True, slots=True)
class QueryFacts:
    name: NormName
    schema: str | None
    country: str | None
    birth_date: QueryDate | None
    identifiers: frozenset[str]


# Jurisdictions that lists and screeners use for one another (a Hong Kong arm of a mainland firm).
_RELATED_COUNTRIES = (frozenset({"CN", "HK", "MO"}),)


def _related_countries(country: str, listed: tuple[str, ...]) -> bool:
    return any(country in group and group.intersection(listed) for group in _RELATED_COUNTRIES)


def _schemas_clash(query: str | None, listed: str) -> bool:
    if query is None or query == "other" or listed == "other" or query == listed:
        return False
    return "person" in (query, listed) or {query, listed} != {"organization", "vessel"}


def score_party(
    facts: QueryFacts, party: Party, listed: ListedName, name: NameScore
) -> tuple[float, dict[str, object]]:
    """The score of a party given its best-matching name, and the features that made it."""
    value = name.value * (WEAK_ALIAS_FACTOR if listed.weak else 1.0)
    features: dict[str, object] = {
        "name": {
            "query": facts.name.original,
            "matched": listed.original,
            "score": round(name.value, 3),
            "method": name.method,
            "tokens": [[q, r, round(sim, 3)] for q, r, sim in name.pairs],
            "weak_alias": listed.weak,
        }
    }
    fit, date = best_fit(facts.birth_date, party.birth_dates)
    if fit is not DateFit.UNKNOWN:
        effect = DATE_EFFECT[fit]
        if fit is DateFit.NEAR_YEAR and date is not None and date.month is None:
            effect = NEAR_YEAR_LOOSE  # a listed year alone is often an estimate
        value += effect
        features["birth_date"] = {
            "query": facts.birth_date.text() if facts.birth_date else None,
            "listed": date.text() if date else None,
            "fit": fit.value,
            "effect": effect,
        }
    if facts.country and party.countries:
        if facts.country in party.countries:
            effect = COUNTRY_MATCH
        elif _related_countries(facts.country, party.countries):
            effect = 0.0
        else:
            effect = COUNTRY_MISMATCH
        value += effect
        features["country"] = {"query": facts.country, "listed": list(party.countries), "effect": effect}
    if _schemas_clash(facts.schema, party.schema):
        value += SCHEMA_MISMATCH
        features["schema"] = {"query": facts.schema, "listed": party.schema, "effect": SCHEMA_MISMATCH}
    shared = facts.identifiers.intersection(party.identifiers)
    if shared:
        value = max(value, IDENTIFIER_FLOOR + (1 - IDENTIFIER_FLOOR) * name.value)
        features["identifier"] = {"matched": sorted(shared), "effect": "exact match"}
    return min(1.0, max(0.0, value)), features
