"""What a classification returns: ranked entries with the reasons, and a listed / not-listed verdict."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal


@dataclass
class RankedEntry:
    """One candidate entry; ``why`` lists matched terms, parameters met or not met, and notes that apply."""

    code: str
    score: float  # 0.0 to 1.0
    why: list[str] = field(default_factory=list)

    def to_json(self) -> dict[str, object]:
        return {"code": self.code, "score": round(self.score, 4), "why": list(self.why)}


@dataclass
class Classification:
    """The verdict for a description. ``released_by`` says why an item is not listed (empty when listed)."""

    verdict: Literal["listed", "not_listed"]
    results: list[RankedEntry]
    released_by: list[str] = field(default_factory=list)

    @property
    def best(self) -> RankedEntry | None:
        return self.results[0] if self.results else None

    def to_json(self) -> dict[str, object]:
        return {
            "verdict": self.verdict,
            "results": [r.to_json() for r in self.results],
            "released_by": list(self.released_by),
        }
