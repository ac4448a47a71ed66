"""The public query and hit records of the matcher."""

from __future__ import annotations

from dataclasses import dataclass

DEFAULT_THRESHOLD = 0.75


@dataclass(frozen=True)
class Query:
    name: str
    schema: str | None = None  # "person", "organization", "vessel" or None
    country: str | None = None  # ISO 3166-1 alpha-2
    birth_date: str | None = None  # "YYYY", "YYYY-MM" or "YYYY-MM-DD"
    identifiers: tuple[str, ...] = ()


@dataclass(frozen=True)
class Hit:
    ref: str
    score: float
    explanation: dict[str, object]  # features that moved the score, the names that matched

    def to_json(self) -> dict[str, object]:
        return {"ref": self.ref, "score": round(self.score, 4), "explanation": self.explanation}
