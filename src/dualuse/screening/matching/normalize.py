"""Name normalisation: one written name to comparable ASCII tokens.

Transliteration is rigour's (`rigour.text.translit.ascii_text`: its own tables for Cyrillic, Greek
and Hangul, `normality` for Arabic, Persian and Han); legal forms are removed with rigour's org-type
tables (`LLC`, `OOO`, `GmbH`, `S.A.`, ...), titles with its person prefixes. What we add:

- Hangul is romanised per syllable with final consonants devoiced (`탁` -> `tak`, as the
  McCune-Reischauer and official spellings of names have it) and split family / given name;
- Arabic and Persian: zero-width (non-)joiners are dropped so `تبسمی‌فر` stays one word, the
  article `al-` is cut from words written joined (`الفوازين` -> `fwazyn`);
- `LAST, First` is turned around, and family names written in capitals (`Yevgeniy KRIVOPLYOSOV`,
  `OUYANG Jinglan`) are remembered, because a missing family name matters more than a missing
  patronymic;
- a short glossary of generic business words in CJK, Arabic and Persian scripts, so a company name
  written in its own script can meet its English name (`glossary.py`), and abbreviated business
  words (`Eng.`, `HK`, `I/E`) written out;
- Arabic `ة` is read as romanisations write it (`حمزة` -> `hmza`, `كتيبة القلم` -> `ktybt qlm`), and
  the last word of an Arabic-script person name is its family name (nisba or tribe);
- two-letter initials (`Ye. A. Krivoplyosov`, Russian `Ye.`, `Yu.`, `Kh.`) become initials;
- a vessel prefix (`MV`, `M/V`, `MT`) is dropped;
- a double-barrelled family name (`DORSAINVIL-CHÉRY`) marks its first part as the family name, so
  a query without the second part is a missing middle part, not a missing family name;
- each token's canonical spelling (`canonical.py`) is kept next to it.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from rigour.names import remove_org_types, remove_person_prefixes
from rigour.text.scripts import text_scripts
from rigour.text.translit import ascii_text, maybe_ascii

from dualuse.screening.matching.canonical import canonical
from dualuse.screening.matching.glossary import (
    CJK_GLOSSARY,
    arabic_business_words,
    arabic_ta_marbuta,
    expand_abbreviations,
    expand_import_export,
    strip_vessel_prefix,
)
from dualuse.screening.matching.phonetic import skeleton

PERSON = "person"
ORGANIZATION = "organization"

_ZERO_WIDTH = str.maketrans({"\u200c": "", "\u200d": "", "\u200b": "", "\ufeff": "", "\u00ad": ""})
_JOINING = re.compile(r"['`\u2019\u2018\u02bc\u02bb\u02bf\u02be\u00b4?]")
_SPLITTING = re.compile(r"[^a-z0-9 ]+")
_HANGUL = re.compile(r"[\uac00-\ud7a3]+")
_LATIN_WORD = re.compile(r"[^\W\d_]+")
# A two-letter initial: `Ye.`, `Yu.`, `Kh.` (not a title such as `Dr.`, `Mr.`, `St.`).
_DIGRAPH_INITIAL = re.compile(r"(?<![^\W\d_])(?!(?:Dr|Mr|Ms|Jr|Sr|St|Mt|Co)\.)([A-Z])[a-z]\.")
# A double-barrelled family name written last: both parts of four letters or more, 12 in all.
_DOUBLE_BARRELLED = re.compile(r"([^\W\d_]{4,})-([^\W\d_]{4,})\s*$")

# Words that carry no identity: name particles and the articles of transliterated Arabic.
PARTICLES = frozenset("al el ul bin ibn bint ben van von der den de da di du la le dos das del della".split())
# Generic words of company names that rigour's legal-form tables leave behind.
ORG_STOPWORDS = frozenset(
    """co company corp corporation inc incorporated limited ltd llc the of for and group anonim
    sirketi ve und et sherkat sharikat sharika kompaniya""".split()
)
# Titles and honorifics that rigour's person prefixes do not remove.
TITLES = frozenset("mr mrs ms dr prof sheikh shaikh haji hajji mullah mawlawi maulvi".split())

# Final consonants of a syllable as names are usually spelled (devoiced).
_FINAL_DEVOICE = (("g", "k"), ("b", "p"), ("d", "t"))


@dataclass(frozen=True, slots=True)
class NormName:
    """A name as tokens. `family` is the index of the family-name token, -1 when unknown."""

    original: str
    tokens: tuple[str, ...]
    skeletons: tuple[str, ...]
    family: int
    transliterated: bool  # written in a non-Latin script
    org: bool
    canon: tuple[str, ...] = ()  # each token's canonical spelling (`canonical.py`); () = the tokens

    @property
    def text(self) -> str:
        return " ".join(self.tokens)

    @property
    def joined(self) -> str:
        return "".join(self.tokens)

    @property
    def skeleton_text(self) -> str:
        return skeleton(self.joined)


def _romanise_hangul_syllable(syllable: str) -> str:
    out = maybe_ascii(syllable).lower().replace("-", "")
    for voiced, devoiced in _FINAL_DEVOICE:
        # Only after a vowel: the "g" of a final "ng" is part of the nasal.
        if len(out) > 1 and out.endswith(voiced) and out[-2] in "aeiou":
            return out[:-1] + devoiced
    return out


def _romanise_hangul(match: re.Match[str], person: bool) -> str:
    syllables = [_romanise_hangul_syllable(s) for s in match.group(0)]
    if person and 2 <= len(syllables) <= 4:
        # Korean names: a one-syllable family name, then the given name written as one word.
        return f" {syllables[0].upper()} {''.join(syllables[1:])} "
    return " " + "".join(syllables) + " "


def _family_tokens(latin_text: str) -> set[str]:
    """Words written in capitals in a mixed-case name: that is how lists mark the family name."""
    words = _LATIN_WORD.findall(latin_text)
    upper = {w.lower() for w in words if len(w) >= 2 and w.isupper()}
    if not upper or len(upper) == len({w.lower() for w in words}):
        return set()
    return upper


def _reorder(text: str, person: bool) -> tuple[str, set[str]]:
    """`LAST, First` -> `First LAST`; returns the text and the family-name words."""
    if person and text.count(",") == 1:
        last, first = (part.strip() for part in text.split(","))
        if last and first:
            family = {w.lower() for w in _LATIN_WORD.findall(ascii_text(last))}
            return f"{first} {last}", family
    return text, set()


def _strip_al(token: str) -> str:
    # Arabic writes the article joined to the word: "alfwazyn" is "al-Fawazin".
    if len(token) >= 5 and token.startswith("al"):
        return token[2:]
    return token


@lru_cache(maxsize=1 << 16)
def normalize_name(text: str, schema: str | None = None) -> NormName | None:
    """Normalise one written name; `None` when nothing comparable is left."""
    person = schema == PERSON
    org_like = schema not in (PERSON, "vessel")
    raw = unicodedata.normalize("NFKC", text).translate(_ZERO_WIDTH).strip()
    if not raw:
        return None
    scripts = text_scripts(raw)
    transliterated = bool(scripts - {"Latin", "Common", "Inherited"})
    arabic = bool(scripts & {"Arabic"})

    if schema in ("vessel", None):
        raw = strip_vessel_prefix(raw)
    work, family_words = _reorder(raw, person or schema is None)
    if not family_words and not transliterated:
        family_words = _family_tokens(ascii_text(work))
    if not family_words and not transliterated and (person or schema is None):
        barrelled = _DOUBLE_BARRELLED.search(work) if "-" in work else None
        if barrelled and len(barrelled.group(1)) + len(barrelled.group(2)) >= 12 and " " in work.strip():
            family_words = {ascii_text(barrelled.group(1)).lower()}
    if arabic:
        if org_like:
            work = arabic_business_words(work)
        work = arabic_ta_marbuta(work, construct=not person)
    if org_like and transliterated:
        for word, english in CJK_GLOSSARY:
            if word in work:
                work = work.replace(word, english)
    if person or schema is None:
        work = _DIGRAPH_INITIAL.sub(r"\1.", work) if "." in work else work
    if org_like:
        work = expand_import_export(work)
    if _HANGUL.search(work):
        work = _HANGUL.sub(lambda m: _romanise_hangul(m, person or schema is None), work)
        family_words = {w.lower() for w in work.split() if w.isupper() and w.isalpha()} or family_words
    if person:
        work = remove_person_prefixes(work)
    lowered = work.lower()
    is_org = False
    if org_like:
        stripped = remove_org_types(lowered)
        if stripped.strip() == lowered.strip() and not transliterated and not lowered.isascii():
            # Legal forms with diacritics the tables spell without (`A.Ş.`, `S.à r.l.`).
            lowered = ascii_text(lowered).lower()
            stripped = remove_org_types(lowered)
        if stripped.split() and stripped.strip() != lowered.strip():
            is_org = True
            lowered = stripped
    ascii_form = _SPLITTING.sub(" ", _JOINING.sub("", ascii_text(lowered).lower()))
    tokens: list[str] = []
    family = -1
    words = ascii_form.split()
    if org_like:
        words = expand_abbreviations(words)
    for token in words:
        if arabic:
            token = _strip_al(token)
        if token in PARTICLES or (schema in (PERSON, None) and token in TITLES):
            continue
        if (org_like or is_org) and token in ORG_STOPWORDS:
            is_org = is_org or schema is None
            continue
        if token in family_words and family < 0:
            family = len(tokens)
        tokens.append(token)
    if not tokens:
        # A name made only of particles or stop words ("Al", "The Company"): keep its words.
        tokens = [t for t in ascii_form.split() if t]
        if not tokens:
            return None
    if arabic and person and family < 0 and len(tokens) >= 2:
        family = len(tokens) - 1  # Arabic names end with the family name, nisba or tribe
    return NormName(
        original=text,
        tokens=tuple(tokens),
        skeletons=tuple(skeleton(t) for t in tokens),
        family=family,
        transliterated=transliterated,
        org=is_org or schema == ORGANIZATION,
        canon=tuple(tokens) if arabic else tuple(canonical(t) for t in tokens),
    )


def normalize_identifier(value: str) -> str:
    """`IMO 9876543` -> `9876543`, `N 0091-83746` -> `N009183746`: letters and digits, upper case."""
    cleaned = "".join(ch for ch in value.upper() if ch.isalnum())
    for prefix in ("IMO", "INN", "OGRN", "MMSI"):
        if cleaned.startswith(prefix) and cleaned[len(prefix) :].isdigit():
            return cleaned[len(prefix) :]
    return cleaned
