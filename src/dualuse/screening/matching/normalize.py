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
  written in its own script can meet its English name.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from rigour.names import remove_org_types, remove_person_prefixes
from rigour.text.scripts import text_scripts
from rigour.text.translit import ascii_text, maybe_ascii

from dualuse.screening.matching.phonetic import skeleton

PERSON = "person"
ORGANIZATION = "organization"

_ZERO_WIDTH = str.maketrans({"\u200c": "", "\u200d": "", "\u200b": "", "\ufeff": "", "\u00ad": ""})
_JOINING = re.compile(r"['`\u2019\u2018\u02bc\u02bb\u02bf\u02be\u00b4?]")
_SPLITTING = re.compile(r"[^a-z0-9 ]+")
_HANGUL = re.compile(r"[\uac00-\ud7a3]+")
_LATIN_WORD = re.compile(r"[^\W\d_]+")

# Words that carry no identity: name particles and the articles of transliterated Arabic.
PARTICLES = frozenset("al el ul bin ibn bint ben van von der den de da di du la le dos das del della".split())
# Generic words of company names that rigour's legal-form tables leave behind.
ORG_STOPWORDS = frozenset(
    "co company corp corporation inc incorporated limited ltd llc the of for and group anonim".split()
)
# Titles and honorifics that rigour's person prefixes do not remove.
TITLES = frozenset("mr mrs ms dr prof sheikh shaikh haji hajji mullah mawlawi maulvi".split())

# Generic business words written in their own script, so such names meet their English names.
_GLOSSARY: tuple[tuple[str, str], ...] = (
    ("股份有限公司", " "),
    ("有限责任公司", " "),
    ("有限責任公司", " "),
    ("有限公司", " "),
    ("公司", " "),
    ("集团", " group "),
    ("进出口", " import export "),
    ("進出口", " import export "),
    ("微电子", " microelectronics "),
    ("微電子", " microelectronics "),
    ("电子", " electronics "),
    ("電子", " electronics "),
    ("精密", " precision "),
    ("机械", " machinery "),
    ("機械", " machinery "),
    ("科技", " technology "),
    ("香港", " hong kong "),
    ("주식회사", " "),
    ("무역회사", " trading "),
    ("무역", " trading "),
    ("회사", " "),
    ("해운", " shipping "),
    ("수출", " export "),
    ("شركة", " "),
    ("شرکت", " "),
    ("مهندسی", " engineering "),
    ("هندسة", " engineering "),
)

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

    work, family_words = _reorder(raw, person or schema is None)
    if not family_words and not transliterated:
        family_words = _family_tokens(ascii_text(work))
    if org_like and transliterated:
        for word, english in _GLOSSARY:
            if word in work:
                work = work.replace(word, english)
    if _HANGUL.search(work):
        work = _HANGUL.sub(lambda m: _romanise_hangul(m, person or schema is None), work)
        family_words = {w.lower() for w in work.split() if w.isupper() and w.isalpha()} or family_words
    if person:
        work = remove_person_prefixes(work)
    lowered = work.lower()
    is_org = False
    if org_like:
        stripped = remove_org_types(lowered)
        if stripped.split() and stripped.strip() != lowered.strip():
            is_org = True
            lowered = stripped
    ascii_form = _SPLITTING.sub(" ", _JOINING.sub("", ascii_text(lowered).lower()))
    tokens: list[str] = []
    family = -1
    for token in ascii_form.split():
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
    return NormName(
        original=text,
        tokens=tuple(tokens),
        skeletons=tuple(skeleton(t) for t in tokens),
        family=family,
        transliterated=transliterated,
        org=is_org or schema == ORGANIZATION,
    )


def normalize_identifier(value: str) -> str:
    """`IMO 9876543` -> `9876543`, `N 0091-83746` -> `N009183746`: letters and digits, upper case."""
    cleaned = "".join(ch for ch in value.upper() if ch.isalnum())
    for prefix in ("IMO", "INN", "OGRN", "MMSI"):
        if cleaned.startswith(prefix) and cleaned[len(prefix) :].isdigit():
            return cleaned[len(prefix) :]
    return cleaned
