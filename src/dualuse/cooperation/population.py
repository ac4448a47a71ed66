"""Population figures for Council qualified-majority votes, versioned by year.

Art 16(4) TEU and Art 238(3) TFEU weigh Member States by population. The Council updates the figures
every 1 January (Art 11(6) and Annex III of its Rules of Procedure), so they are data with the year
they apply to, never constants in code (fact sheet §8 and §11 pitfall 4). The packaged file
`data/population-<year>.json` carries its year and source; a plain JSON list
`[{"iso2": "DE", "population": 83577100}, ...]` (for example the official Annex III figures) can be
loaded to replace it.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

# The 27 Member States in ISO 3166-1 alpha-2. Greece is ISO "GR"; the EU's own code "EL" is accepted.
# fmt: off
EU_MEMBER_STATES: frozenset[str] = frozenset({
    "AT", "BE", "BG", "CY", "CZ", "DE", "DK", "EE", "ES", "FI", "FR", "GR", "HR", "HU",
    "IE", "IT", "LT", "LU", "LV", "MT", "NL", "PL", "PT", "RO", "SE", "SI", "SK",
})
# fmt: on
CODE_ALIASES: Mapping[str, str] = {"EL": "GR"}
_CODE = re.compile(r"^[A-Z]{2}$")
_DATA_PACKAGE = "dualuse.cooperation"
_FILE = re.compile(r"^population-(\d{4})\.json$")


class PopulationError(ValueError):
    """A population table that cannot be used; the message names the entry at fault."""


@dataclass(frozen=True, slots=True)
class PopulationTable:
    year: int | None  # None for a table loaded from a plain list without a year
    source: str
    figures: Mapping[str, int]  # ISO alpha-2 -> population

    @property
    def total(self) -> int:
        return sum(self.figures.values())


def normalise_code(raw: object) -> str:
    """`" de "` -> `"DE"`, `"EL"` -> `"GR"`; a value that is not a two-letter code raises ValueError."""
    if not isinstance(raw, str):
        raise ValueError(f"expected a two-letter country code, got {type(raw).__name__}")
    code = raw.strip().upper()
    code = CODE_ALIASES.get(code, code)
    if not _CODE.match(code):
        raise ValueError(f"{raw!r} is not a two-letter country code")
    return code


def parse_figures(rows: object, *, members: frozenset[str] | None = EU_MEMBER_STATES) -> dict[str, int]:
    """Validate `[{"iso2": ..., "population": ...}]` (all problems at once, each naming its entry).

    With `members` set (the default, the EU 27) the table must hold exactly those states; with
    `members=None` any set of two-letter codes is accepted (a hypothetical council, in tests).
    """
    if not isinstance(rows, list):
        raise PopulationError("population: expected a list of {iso2, population} objects")
    figures: dict[str, int] = {}
    problems: list[str] = []
    for i, row in enumerate(rows):
        where = f"population[{i}]"
        if not isinstance(row, dict):
            problems.append(f"{where}: expected an object with iso2 and population")
            continue
        try:
            code = normalise_code(row.get("iso2"))
        except ValueError as exc:
            problems.append(f"{where}.iso2: {exc}")
            continue
        value = row.get("population")
        if isinstance(value, bool) or not isinstance(value, int) or value <= 0:
            problems.append(f"{where}.population: expected a positive integer, got {value!r}")
            continue
        if code in figures:
            problems.append(f"{where}.iso2: {code} appears twice")
            continue
        figures[code] = value
    if members is not None and not problems:
        if unknown := sorted(set(figures) - members):
            problems.append(f"population: not EU Member States: {', '.join(unknown)}")
        if missing := sorted(members - set(figures)):
            problems.append(f"population: missing Member States: {', '.join(missing)}")
    if not figures and not problems:
        problems.append("population: empty table")
    if problems:
        raise PopulationError("; ".join(problems))
    return figures


def parse_table(raw: object, *, members: frozenset[str] | None = EU_MEMBER_STATES) -> PopulationTable:
    """A packaged table (`{"year", "source", "figures": [...]}`) or a plain list of figures."""
    if isinstance(raw, dict):
        year = raw.get("year")
        if year is not None and (isinstance(year, bool) or not isinstance(year, int)):
            raise PopulationError(f"year: expected an integer, got {year!r}")
        source = raw.get("source", "")
        return PopulationTable(year, str(source), parse_figures(raw.get("figures"), members=members))
    return PopulationTable(None, "loaded list", parse_figures(raw, members=members))


def load_file(path: Path, *, members: frozenset[str] | None = EU_MEMBER_STATES) -> PopulationTable:
    """Load a replacement table from a JSON file (either shape accepted by `parse_table`)."""
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise PopulationError(f"{path}: {exc}") from exc
    table = parse_table(raw, members=members)
    if table.year is None:
        return PopulationTable(None, str(path), table.figures)
    return table


def packaged_years() -> tuple[int, ...]:
    """The years for which a population file ships with the package."""
    folder = resources.files(_DATA_PACKAGE).joinpath("data")
    years = (_FILE.match(entry.name) for entry in folder.iterdir())
    return tuple(sorted(int(m.group(1)) for m in years if m))


def packaged_table(year: int | None = None) -> PopulationTable:
    """The packaged figures for `year`: the latest file not after it (the latest of all if None).

    Council figures apply for a calendar year, so a vote held in a year without its own file uses
    the most recent earlier one; a year before every file raises LookupError.
    """
    years = packaged_years()
    usable = [y for y in years if year is None or y <= year]
    if not usable:
        raise LookupError(f"no population figures for {year}; packaged years: {years}")
    chosen = usable[-1]
    text = resources.files(_DATA_PACKAGE).joinpath("data", f"population-{chosen}.json").read_text("utf-8")
    return parse_table(json.loads(text))
