"""Name variants: the script a name is written in, and OFAC's "LAST, First" order."""

from __future__ import annotations

import unicodedata
from collections import Counter
from functools import lru_cache

from dualuse.screening.records import NameQuality, NameVariant

# First word of the Unicode character name -> ISO 15924 script name.
_SCRIPTS = {
    "LATIN": "Latin",
    "CYRILLIC": "Cyrillic",
    "ARABIC": "Arabic",
    "CJK": "Han",
    "HANGUL": "Hangul",
    "GREEK": "Greek",
    "HEBREW": "Hebrew",
    "ARMENIAN": "Armenian",
    "GEORGIAN": "Georgian",
    "THAI": "Thai",
    "DEVANAGARI": "Devanagari",
    "BENGALI": "Bengali",
    "TAMIL": "Tamil",
    "HIRAGANA": "Hiragana",
    "KATAKANA": "Katakana",
    "ETHIOPIC": "Ethiopic",
    "MYANMAR": "Myanmar",
    "KHMER": "Khmer",
    "LAO": "Lao",
    "SYRIAC": "Syriac",
    "THAANA": "Thaana",
    "TIBETAN": "Tibetan",
    "MONGOLIAN": "Mongolian",
    "GURMUKHI": "Gurmukhi",
    "GUJARATI": "Gujarati",
    "SINHALA": "Sinhala",
    "FULLWIDTH": "Latin",  # fullwidth Latin letters in CJK texts
}


@lru_cache(maxsize=4096)
def _char_script(ch: str) -> str | None:
    if not ch.isalpha():
        return None
    name = unicodedata.name(ch, "")
    if name.startswith("HANGUL"):
        return "Hangul"
    return _SCRIPTS.get(name.split(" ", 1)[0])


def guess_script(text: str) -> str | None:
    """The script most letters of `text` are written in, or None if it has no letters we know."""
    counts = Counter(s for s in map(_char_script, text) if s is not None)
    if not counts:
        return None
    return counts.most_common(1)[0][0]


def variant(
    full: str,
    *,
    weak: bool = False,
    lang: str | None = None,
    script: str | None = None,
    first: str | None = None,
    middle: str | None = None,
    last: str | None = None,
) -> NameVariant:
    full = " ".join(full.split())
    return NameVariant(
        full=full,
        quality=NameQuality.WEAK if weak else NameQuality.STRONG,
        script=script or guess_script(full),
        lang=(lang or "").strip().lower() or None,
        first=(first or "").strip() or None,
        middle=(middle or "").strip() or None,
        last=(last or "").strip() or None,
    )


def split_given(given: str) -> tuple[str | None, str | None]:
    """Split "Yevgeniy Arkadyevich" -> ("Yevgeniy", "Arkadyevich")."""
    parts = given.split()
    if not parts:
        return None, None
    return parts[0], " ".join(parts[1:]) or None


def inverted_variants(name: str, *, weak: bool = False) -> list[NameVariant]:
    """OFAC writes persons as "LAST, First Middle": keep that spelling and add "First Middle LAST".

    Only one comma counts as inversion; anything else is kept as it is.
    """
    if name.count(",") != 1:
        return [variant(name, weak=weak)]
    last, given = (part.strip() for part in name.split(","))
    if not last or not given:
        return [variant(name, weak=weak)]
    first, middle = split_given(given)
    return [
        variant(name, weak=weak, first=first, middle=middle, last=last),
        variant(f"{given} {last}", weak=weak, first=first, middle=middle, last=last),
    ]


def gender(value: str | None) -> str | None:
    """Normalise "M", "Male", "male" -> "male"; "F"... -> "female"; anything else -> None."""
    text = (value or "").strip().lower()
    if text in {"m", "male"}:
        return "male"
    if text in {"f", "female"}:
        return "female"
    return None
