"""Extra rule sources the engine calls, such as the EU-wide cyber-surveillance list.

Art 5(6) lets the Commission publish, in the OJ C series, cyber-surveillance items (and destinations) that
all Member States agree should need an authorisation; the app's "EU-wide list with a Council vote" models
the European Parliament's 2018 proposal instead (fact sheet section 2). Either plugs in here, labelled by
`mode`, so the law and the proposal stay apart.
"""

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Protocol

from dualuse.determination.rules.codes import first_covering
from dualuse.determination.rules.facts import Activity, Facts
from dualuse.determination.rules.result import Effect, Reason, Requirement


class ExtraRuleSource(Protocol):
    """Anything that adds requirements: `requirements(facts)` returns them, each with its basis."""

    name: str

    def requirements(self, facts: Facts) -> list[Requirement]: ...


@dataclass(frozen=True, slots=True)
class CyberSurveillanceList:
    """Items on an EU-wide cyber-surveillance list, by Annex I code or by a keyword of their description.

    `mode` is "law" (Art 5(6) publication: all Member States agreed) or "proposal" (the EP 2018 model,
    not the law). Entries map a code or lower-case keyword to the list entry's reference.
    """

    name: str
    mode: str
    codes: Mapping[str, str]
    keywords: Mapping[str, str]
    destinations: frozenset[str] | None = None  # None: every destination
    basis: str = "Art 5(6)"

    def requirements(self, facts: Facts) -> list[Requirement]:
        if facts.activity not in (Activity.EXPORT, Activity.RE_EXPORT):
            return []
        if self.destinations is not None and facts.destination not in self.destinations:
            return []
        found: list[Requirement] = []
        code_keys = frozenset(self.codes)
        for line in facts.lines:
            hit = first_covering(line.control_code, code_keys) if line.control_code else None
            reference = self.codes[hit] if hit else self._keyword(line.description)
            if reference is None:
                continue
            label = (
                "EU-wide list (law: Art 5(6) publication)"
                if self.mode == "law"
                else "EU-wide list (EP 2018 proposal, not the law)"
            )
            reason = Reason(
                "eu_cyber_surveillance_list",
                (self.basis, reference),
                f"Line {line.index} matches the {label} entry {reference}",
            )
            found.append(
                Requirement(
                    basis=self.basis,
                    effect=Effect.AUTHORISATION if self.mode == "law" else Effect.NOTIFY,
                    line=line.index,
                    control_code=line.control_code,
                    reasons=(reason,),
                    article_text="Cyber-surveillance items published after all Member States agreed that essentially identical transactions need an authorisation.",
                )
            )
        return found

    def _keyword(self, description: str) -> str | None:
        lowered = description.lower()
        return next((ref for word, ref in self.keywords.items() if word in lowered), None)
