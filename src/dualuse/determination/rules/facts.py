"""The facts a determination is made on, as parsed from a request."""

from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum


class Activity(StrEnum):
    EXPORT = "export"
    RE_EXPORT = "re_export"  # an export too: Art 2(2)(b)
    BROKERING = "brokering"
    TECHNICAL_ASSISTANCE = "technical_assistance"
    TRANSIT = "transit"
    INTRA_EU_TRANSFER = "intra_eu_transfer"


class EndUserType(StrEnum):
    GOVERNMENT = "government"
    COMMERCIAL = "commercial"
    INDIVIDUAL = "individual"
    OTHER = "other"


@dataclass(frozen=True, slots=True)
class EndUse:
    """What the exporter has been told by its authority ("informed") or knows ("aware")."""

    informed_wmd: bool = False  # Art 4(1)(a)
    aware_wmd: bool = False  # Art 4(2)
    informed_military_embargo: bool = False  # Art 4(1)(b)
    aware_military_embargo: bool = False  # Art 4(2); an extension of the request contract
    informed_illegal_military_parts: bool = False  # Art 4(1)(c)
    aware_illegal_military_parts: bool = False  # Art 4(2); an extension of the request contract
    informed_cyber_surveillance: bool = False  # Art 5(1)
    aware_cyber_surveillance: bool = False  # Art 5(2)

    @property
    def informed_art_4_1(self) -> bool:
        return self.informed_wmd or self.informed_military_embargo or self.informed_illegal_military_parts

    @property
    def aware_art_4_1(self) -> bool:
        return self.aware_wmd or self.aware_military_embargo or self.aware_illegal_military_parts

    @property
    def human_rights_concern(self) -> bool:
        return self.informed_cyber_surveillance or self.aware_cyber_surveillance


@dataclass(frozen=True, slots=True)
class Line:
    index: int
    control_code: str | None  # None: the item is not listed in Annex I
    description: str = ""
    quantity: Decimal | None = None
    value_eur: Decimal | None = None
    cyber_surveillance: bool = False  # a listed cyber-surveillance entry (Art 2(20)), from the control list


@dataclass(frozen=True, slots=True)
class Facts:
    exporter_member_state: str
    activity: Activity
    destination: str
    lines: tuple[Line, ...]
    end_use: EndUse = EndUse()
    temporary: bool | None = None  # None: not said
    after_repair: bool = False
    exhibition: bool = False
    intra_group: bool = False
    end_user_type: EndUserType | None = None
    free_zone: bool = False
    # Extension: destinations the exporter knows the items will be re-exported to (Annex II re-export bars).
    re_export_destinations: frozenset[str] = frozenset()
