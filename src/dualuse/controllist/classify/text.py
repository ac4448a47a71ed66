"""Tokens for matching: lower-case words, a light English stemmer, and the words that carry no meaning."""

from __future__ import annotations

import re
import unicodedata

# CAS numbers (111-48-8) and dotted standards (802.11) stay whole; other words split on punctuation.
_ELEMENTS = (
    "hydrogen|helium|lithium|beryllium|boron|carbon|nitrogen|oxygen|uranium|plutonium|thorium|radium|polonium|americium|"
    "californium|cobalt|caesium|cesium|strontium|neptunium|curium|actinium|gadolinium|nickel|krypton|xenon|iodine|deuterium"
)
_TOKEN = re.compile(rf"\d{{2,7}}-\d{{2}}-\d|(?:{_ELEMENTS})-\d{{1,3}}(?![\d-])|[a-z0-9]+(?:\.[0-9]+)*")
_NUMBER = re.compile(r"^\d+(?:\.\d+)*$")

STOPWORDS = frozenset(
    """a about above according after all also an and any are as at available based be been being below between
    both but by can capable combination controlled could designed each either equipped etc following for
    from has have having however i.e if in including into is it its itself limited made may meeting more
    not of on one only or other others our over per same so specially specified such than that the their
    them then therefor therefore thereof these they this those through thus to two under up upon use used
    using via was were when where whether which while with within without e.g eg g us we you your ours
    new model series type version features feature offers offered ideal suitable fully product
    products supplied supply delivered available standard compact rugged robust reliable
    integrated integrating optional option options unit units kit solution solutions provides provide providing
    customer customers application applications typical typically user users enables enable allowing allows
    design modified modification note notes technical purposes purpose see n.b nb entry entries item items
    category annex list""".split()
)

# Words that say nothing about which entry applies, but count as content for "is anything here at all".
_IRREGULAR = {
    "analyses": "analysis",
    "analysers": "analyser",
    "analyzers": "analyser",
    "analyzer": "analyser",
    "centre": "center",
    "centres": "center",
    "metre": "meter",
    "metres": "meter",
    "meters": "meter",
    "fibre": "fiber",
    "fibres": "fiber",
    "colour": "color",
    "aluminium": "aluminum",
    "sulphur": "sulfur",
    "sulphide": "sulfide",
    "modelling": "model",
    "travelling": "travel",
    "equipment": "equipment",
    "gases": "gas",
    "axes": "axis",
    "matrices": "matrix",
    "vertices": "vertex",
    "antennae": "antenna",
    "antennas": "antenna",
    "data": "data",
    "media": "medium",
    "criteria": "criterion",
    "apparatus": "apparatus",
}


def fold(text: str) -> str:
    """Lower-case, map micro signs to 'u'-free forms and drop accents, keeping digits and punctuation."""
    text = text.replace("µ", "μ").replace("’", "'").replace("‘", "'").replace("“", '"').replace("”", '"')
    decomposed = unicodedata.normalize("NFKD", text.replace("μ", "u"))
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower()


def stem(word: str) -> str:
    """A light suffix stemmer: enough to join plural/singular and -ing/-ed/-ion forms of annex words."""
    if word in _IRREGULAR:
        return _IRREGULAR[word]
    if len(word) <= 3 or not word.isalpha():  # numbers, CAS numbers, "helium-3"
        return word
    for suffix, repl in (
        ("isations", "ise"),
        ("izations", "ise"),
        ("isation", "ise"),
        ("ization", "ise"),
        ("ational", "ate"),
        ("ically", "ic"),
        ("ically", "ic"),
        ("ities", "ity"),
        ("ieves", "ieve"),
        ("ies", "y"),
        ("sses", "ss"),
        ("ness", ""),
        ("ments", "ment"),
        ("ings", ""),
        ("ing", ""),
        ("ions", "ion"),
        ("ers", "er"),
        ("ors", "or"),
        ("ed", ""),
        ("es", "e"),
        ("s", ""),
    ):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            if suffix == "s" and word.endswith(("ss", "us", "is", "ys")):
                return word
            base = word[: len(word) - len(suffix)] + repl
            # "cutting" -> "cut", "controlled" -> "control"; "pressing" keeps its double s
            if (
                suffix in {"ing", "ed", "ings"}
                and len(base) >= 4
                and base[-1] == base[-2]
                and base[-1] not in "sz"
            ):
                base = base[:-1]
            return _final(base)
    return _final(word)


def _final(word: str) -> str:
    # "izer"/"iser", "yze"/"yse": one spelling.
    word = word.replace("iz", "is").replace("yz", "ys")
    if word.endswith("e") and len(word) > 4:
        word = word[:-1]
    return word


def words(text: str) -> list[str]:
    """The raw word tokens of a text (folded), numbers and CAS numbers included."""
    return _TOKEN.findall(fold(text))


def terms(text: str) -> list[str]:
    """Stemmed content terms: no stopwords, no bare numbers, no one-letter tokens."""
    out: list[str] = []
    for word in words(text):
        if word in STOPWORDS or len(word) < 2:
            continue
        if _NUMBER.match(word) and "." not in word:
            continue
        out.append(stem(word))
    return out


def is_cas(token: str) -> bool:
    """A CAS registry number such as ``111-48-8``."""
    return bool(re.fullmatch(r"\d{2,7}-\d{2}-\d", token))
