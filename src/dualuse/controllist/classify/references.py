"""Cross-references in entry text: which hardware entries a software (D) or technology (E) entry is about."""

from __future__ import annotations

import re
from collections.abc import Iterable

_CODE = re.compile(r"\b(\d[A-E]\d{3}(?:\.[a-z0-9]+)*)\.?(?:\s+to\s+(\d[A-E]\d{3}(?:\.[a-z0-9]+)*))?")
_GROUP = re.compile(r"\b(\d[A-E])\b(?![.\d])")
# Short forms after a full code: "1C010.a., .b. or .e." refer to siblings of the code before.
_SHORT = re.compile(r"(?<=[\s,])\.([a-z0-9]+(?:\.[a-z0-9]+)*)\.")


def referenced_prefixes(text: str, known_codes: Iterable[str], own_category: str | None = None) -> list[str]:
    """Codes and code prefixes (``"6A004"``, ``"6A002.b"``, ``"7A"``) that ``text`` refers to."""
    codes = sorted(set(known_codes))
    out: list[str] = []
    last_entry: str | None = None
    for match in _CODE.finditer(text):
        first, last = match.group(1), match.group(2)
        last_entry = first[:5]
        if last and last[:2] == first[:2]:
            out.extend(c for c in codes if "." not in c and first[:5] <= c <= last[:5])
            out.append(last)
        out.append(first)
    if last_entry:
        out.extend(f"{last_entry}.{short}" for short in _SHORT.findall(text))
    out.extend(_GROUP.findall(text))
    if re.search(r"\bthis Category\b", text) and own_category is not None:
        out.append(own_category)
    return list(dict.fromkeys(out))


def matches_prefix(code: str, prefix: str) -> bool:
    if len(prefix) <= 2:
        return code.startswith(prefix)
    return code == prefix or code.startswith(prefix + ".")
