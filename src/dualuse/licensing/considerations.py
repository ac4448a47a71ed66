"""What an officer assesses (pure data, no Django): Art 15(1), Common Position 2008/944/CFSP and, for
cyber-surveillance items, human rights (Art 5, criterion 2 and Art 26(1))."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Finding(StrEnum):
    NO_CONCERN = "no_concern"
    CONCERN = "concern"
    REFUSAL_GROUND = "refusal_ground"
    NOT_APPLICABLE = "not_applicable"


FINDING_LABELS = {
    Finding.NO_CONCERN: "No concern",
    Finding.CONCERN: "Concern (to weigh)",
    Finding.REFUSAL_GROUND: "Ground for refusal",
    Finding.NOT_APPLICABLE: "Not applicable",
}


@dataclass(frozen=True, slots=True)
class Consideration:
    code: str
    basis: str
    title: str
    leads_to_refusal: bool = False  # CP 2008/944 criteria 1-4 lead to refusal; 5-8 are considered
    cyber_only: bool = False


CONSIDERATIONS: tuple[Consideration, ...] = (
    Consideration("art15_1_a", "Art 15(1)(a)", "International obligations and regime commitments"),
    Consideration("art15_1_b", "Art 15(1)(b)", "Sanctions (Council decision or common position, OSCE, UNSC)"),
    Consideration(
        "art15_1_c", "Art 15(1)(c)", "National foreign and security policy, incl. CP 2008/944/CFSP"
    ),
    Consideration("art15_1_d", "Art 15(1)(d)", "Intended end use and risk of diversion"),
    Consideration("cp_1", "CP 2008/944 criterion 1", "International obligations and embargoes", True),
    Consideration("cp_2", "CP 2008/944 criterion 2", "Human rights and international humanitarian law", True),
    Consideration(
        "cp_3", "CP 2008/944 criterion 3", "Internal situation in the country of final destination", True
    ),
    Consideration("cp_4", "CP 2008/944 criterion 4", "Regional peace, security and stability", True),
    Consideration("cp_5", "CP 2008/944 criterion 5", "Security of Member States and allies"),
    Consideration("cp_6", "CP 2008/944 criterion 6", "Buyer's attitude to terrorism and international law"),
    Consideration("cp_7", "CP 2008/944 criterion 7", "Risk of diversion or re-export"),
    Consideration(
        "cp_8", "CP 2008/944 criterion 8", "Technical and economic capacity of the recipient country"
    ),
    Consideration(
        "human_rights",
        "Art 5, Art 26(1); EU Charter of Fundamental Rights",
        "Human rights (cyber-surveillance): internal repression, serious violations of human rights or IHL",
        cyber_only=True,
    ),
)
BY_CODE: dict[str, Consideration] = {c.code: c for c in CONSIDERATIONS}
REFUSAL_CRITERIA: frozenset[str] = frozenset(
    c.code for c in CONSIDERATIONS if c.code.startswith(("cp_", "art15"))
)


def required(cyber_surveillance: bool) -> list[Consideration]:
    """Every consideration the case must have a finding for before a decision is proposed."""
    return [c for c in CONSIDERATIONS if cyber_surveillance or not c.cyber_only]


def missing(recorded: set[str], cyber_surveillance: bool) -> list[Consideration]:
    return [c for c in required(cyber_surveillance) if c.code not in recorded]
