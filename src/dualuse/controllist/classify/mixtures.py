"""Chemical mixtures: 1C350 and 1C450 do not control mixtures below a share of the listed chemical.

Notes 1-3 to 1C350 and to 1C450.a / 1C450.b: "does not control 'chemical mixtures' containing one or
more of the chemicals specified in entries ... in which no individually specified chemical constitutes
more than N % by the weight of the mixture". Notes 1 and 2 differ by destination (States not Party /
States Party to the Chemical Weapons Convention); the description rarely says which, so the release is
reported with the larger limit and the destination it holds for.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from dualuse.controllist.classify.items import SearchIndex
from dualuse.controllist.classify.quantities import Quantity
from dualuse.controllist.classify.text import terms

_NOTE = re.compile(
    r"does not control \"?chemical mixtures\"? containing one or more of the chemicals specified in "
    r"entr(?:y|ies) (?P<codes>.+?) in which no individually specified chemical constitutes more than "
    r"(?P<limit>\d+(?:[.,]\d+)?) % by the weight"
)
_FULL = re.compile(r"\d[A-E]\d{3}(?:\.[a-z0-9]+)*")
_SHORT = re.compile(r"(?<![\w])\.([a-z0-9]+(?:\.[a-z0-9]+)*)")
_PARTY = re.compile(r"for exports to \"?states (not )?party", re.IGNORECASE)
MIXTURE_WORDS = frozenset(
    terms(
        "contain containing mixture solution formulation weight concentration diluted aqueous blend content"
    )
)


@dataclass(frozen=True, slots=True)
class MixtureNote:
    at: str  # code the note sits at
    number: str  # "Note 2"
    codes: frozenset[str]
    limit: float  # share by weight, 0-1
    destination: str  # "", "States Party", "States not Party"


def mixture_notes(index: SearchIndex, row: int) -> list[MixtureNote]:
    """The mixture notes on the item's path (1C350, 1C450.a, ...), parsed."""
    out: list[MixtureNote] = []
    for at, note in index.items[row].note_texts:
        match = _NOTE.search(note)
        if not match:
            continue
        codes: list[str] = []
        entry = ""
        for token in re.findall(
            r"\d[A-E]\d{3}(?:\.[a-z0-9]+)*|(?<![\w])\.[a-z0-9]+(?:\.[a-z0-9]+)*", match["codes"]
        ):
            if token.startswith("."):
                if entry:
                    codes.append(entry + token.rstrip("."))
                continue
            token = token.rstrip(".")
            entry = token[:5]
            codes.append(token)
        party = _PARTY.search(note)
        destination = "" if not party else ("States not Party" if party.group(1) else "States Party")
        number = note.split(":", 1)[0].strip()
        out.append(
            MixtureNote(
                at, number, frozenset(codes), float(match["limit"].replace(",", ".")) / 100, destination
            )
        )
    return out


def released_mixture(index: SearchIndex, row: int, quantities: list[Quantity]) -> str | None:
    """Why a mixture with a low share of the item's chemical is not controlled, or None."""
    code = index.items[row].record.code
    notes = [
        n for n in mixture_notes(index, row) if any(code == c or code.startswith(c + ".") for c in n.codes)
    ]
    if not notes:
        return None
    own = set(index.items[row].own_terms)
    shares = [
        q.value
        for q in quantities
        if q.dim == "ratio" and 0 < q.value < 1 and q.context & (own | MIXTURE_WORDS)
    ]
    if not shares:
        return None
    share = max(shares)
    best = max(notes, key=lambda n: n.limit)
    if share > best.limit:
        return None
    strict = min(n.limit for n in notes)
    where = ""
    if best.destination and strict < best.limit and share > strict:
        where = f" for exports to {best.destination} to the Chemical Weapons Convention ({strict:.0%} limit otherwise)"
    return (
        f"{best.number} to {best.at}: a chemical mixture with {share:.0%} of {code} (no more than "
        f"{best.limit:.0%} by weight) is not controlled{where}"
    )
