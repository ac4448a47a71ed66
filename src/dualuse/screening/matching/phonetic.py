"""Loose phonetic keys ("skeletons") that survive romanisation.

Different romanisation systems of the same name mostly disagree on vowels, on voicing
(`Thak`/`Tak`/`Tag`, `Gyu`/`Kyu`) and on digraphs (`Kh`/`H`, `Ts`/`C`); unvocalised Arabic and
Persian drop short vowels altogether (`mhmd` for `Mohammed`). A skeleton keeps only consonant
classes, in order, without repeats, so `Mohammed`, `Muhammad` and the ASCII form of `محمد` all give
`mhmt`. Skeletons are for recall and cross-script comparison; they are far too loose to decide a
match between two Latin spellings on their own.
"""

from __future__ import annotations

from functools import lru_cache

# Longest first: a digraph is replaced before its letters are mapped one by one.
_DIGRAPHS: tuple[tuple[str, str], ...] = (
    ("sch", "s"),
    ("tch", "c"),
    ("sh", "s"),
    ("ch", "c"),
    ("zh", "c"),
    ("dj", "c"),
    ("dzh", "c"),
    ("kh", "k"),
    ("gh", "k"),
    ("ph", "f"),
    ("th", "t"),
    ("dh", "t"),
    ("ts", "c"),
    ("tz", "c"),
    ("ck", "k"),
    ("qu", "k"),
    ("x", "ks"),
)

# Consonant classes; vowels, y, w, v and h-like glides drop out ("" maps to nothing).
_CLASSES = str.maketrans(
    {
        "a": "",
        "e": "",
        "i": "",
        "o": "",
        "u": "",
        "y": "",
        "w": "",
        "v": "",
        "b": "p",
        "p": "p",
        "d": "t",
        "t": "t",
        "g": "k",
        "k": "k",
        "q": "k",
        "c": "c",
        "j": "c",
        "z": "s",
        "s": "s",
        "x": "s",
        "l": "r",
        "r": "r",
        "f": "f",
        "h": "h",
        "m": "m",
        "n": "n",
    }
)


@lru_cache(maxsize=1 << 18)
def skeleton(token: str) -> str:
    """The consonant-class skeleton of an ASCII lower-case token (may be empty)."""
    text = token
    for digraph, repl in _DIGRAPHS:
        if digraph in text:
            text = text.replace(digraph, repl)
    text = text.translate(_CLASSES)
    if not text:
        return ""
    out = [text[0]]
    for ch in text[1:]:
        if ch != out[-1]:
            out.append(ch)
    return "".join(out)


def deletions(key: str) -> list[str]:
    """The key with one character removed at each position (for one-edit fuzzy look-ups)."""
    return [key[:i] + key[i + 1 :] for i in range(len(key))]
