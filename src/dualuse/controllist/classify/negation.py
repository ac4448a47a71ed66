"""What a description says a product does NOT have or do: "no passcode bypass", "without vacuum",
"not designed for inertial navigation", "no decryption capability".

Words in such a scope are not evidence for an entry; they are evidence against an entry whose own
wording requires them (5A004.b "circumvent authentication", 7A001.a.3 "designed for use in inertial
navigation"). Annex I itself writes conditions in the negative ("without the use of 'positional aiding
references'", "without real-time human assistance"); an item that negates the same word agrees with
the description rather than contradicting it, so entry texts are read with the same scopes.
"""

from __future__ import annotations

import re

from dualuse.controllist.classify.text import terms

# a cue, then up to five words, stopping at punctuation or a new clause ("no X, Y" negates only X)
_SCOPE = re.compile(
    r"\b(?:no|without|not|never|cannot|can ?not|non[- ]existent|lacks?|lacking|free of|excluding|"
    r"does not (?:have|include|support|use|perform|provide|offer)|do not (?:have|include|support|use)|"
    r"is not|are not|neither|nor)\s+"
    r"((?:(?!and\b|but\b|or\b|with\b|only\b|which\b|that\b)['\"]?[a-z0-9][\w'/-]*['\"]?\s*){1,5})",
)
_STOP = re.compile(r"[,;.:()\[\]]|\s(?:and|but|or|with|while|only)\s")
# negations that carry no meaning about a feature ("no more than 5 kg", "not exceeding", "no. 3")
_NOT_FEATURE = re.compile(
    r"^(?:more|less|greater|fewer|higher|lower|exceeding|exceed|later|earlier|longer|shorter|larger|"
    r"smaller|better|worse|other|only|less than|more than|\d)"
)


def scopes(folded: str) -> list[tuple[int, int]]:
    """Character spans of ``folded`` (lower-case text) that a negation covers."""
    spans: list[tuple[int, int]] = []
    for match in _SCOPE.finditer(folded):
        scope = match.group(1)
        if _NOT_FEATURE.match(scope):
            continue
        stop = _STOP.search(scope)
        end = match.start(1) + (stop.start() if stop else len(scope.rstrip()))
        if end > match.start(1):
            spans.append((match.start(1), end))
    return spans


def mask(folded: str, spans: list[tuple[int, int]]) -> str:
    """``folded`` with the negated spans blanked out (same length, so positions stay valid)."""
    if not spans:
        return folded
    chars = list(folded)
    for start, end in spans:
        chars[start:end] = " " * (end - start)
    return "".join(chars)


def negated_terms(folded: str) -> frozenset[str]:
    """Stemmed content terms inside negation scopes."""
    return frozenset(t for start, end in scopes(folded) for t in terms(folded[start:end]))
