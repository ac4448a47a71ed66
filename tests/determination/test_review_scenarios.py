"""Independent review scenarios for the determination engine, written from the fact sheet and the shared data.

Each case states a request, the expected `licence_required`, the exact `legal_bases`, and where relevant the
exact set of usable UGEAs and codes that must be reported unusable, and cites the article or Annex II section
it checks (regulation.md §2-§4, §9, §11). Cases go through the request contract (`parse_request`) exactly as a
JSON client sends them, with the shared Annex I as the active control list.
"""

import json
import random
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from dualuse.determination.rules.batch import determine_batch
from dualuse.determination.rules.context import load_context
from dualuse.determination.rules.engine import determine
from dualuse.determination.rules.request import RequestError, parse_request

SHARED = Path(__file__).resolve().parents[2] / ".." / "shared" / "data"
ANNEX_I = [json.loads(line) for line in (SHARED / "annex-i.jsonl").read_text(encoding="utf-8").splitlines()]
KNOWN = frozenset(r["code"] for r in ANNEX_I if not r["not_used"])
CYBER = frozenset(r["code"] for r in ANNEX_I if r["cyber_surveillance"])
CTX = load_context()
BASIS = re.compile(r"^Art \d+\(\d+\)(\([a-z]\))?$")
UGEAS = [f"EU00{n}" for n in range(1, 9)]


def request(
    code: str | None,
    dest: str,
    activity: str = "export",
    *,
    origin: str = "DE",
    end_use: dict[str, Any] | None = None,
    **extra: Any,
) -> dict[str, Any]:
    req: dict[str, Any] = {
        "exporter_member_state": origin,
        "activity": activity,
        "destination": dest,
        "lines": [{"control_code": code, "description": "item", "quantity": 1, "value_eur": 1000}],
    }
    if end_use is not None:
        req["end_use"] = end_use
    req.update(extra)
    return req


def run(req: dict[str, Any]) -> dict[str, Any]:
    facts = parse_request(req, known_codes=KNOWN.__contains__, cyber_surveillance_codes=CYBER.__contains__)
    return determine(facts, CTX).to_json()


def usable(out: dict[str, Any]) -> set[str]:
    return {u["code"] for u in out["usable_general_authorisations"]}  # type: ignore[index]


@dataclass(frozen=True)
class Case:
    ident: str
    cite: str  # the article / Annex II section the case checks
    req: dict[str, Any]
    licence: bool | str
    bases: list[str]
    usable: set[str] | None = None  # exact set, when given
    unusable: set[str] = field(default_factory=set)  # must be reported unusable (with a reason)


WMD = {"informed_wmd": True}
AWARE_WMD = {"aware_wmd": True}
EMBARGO = {"informed_military_embargo": True}
PARTS = {"informed_illegal_military_parts": True}
CYBER_INF = {"informed_cyber_surveillance": True}
CYBER_AW = {"aware_cyber_surveillance": True}

# A table: one case per line reads best, so the formatter leaves it alone.
# fmt: off
CASES: list[Case] = [
    # --- Art 3(1): Annex I items need an export authorisation (re-export is an export, Art 2(2)) ----------
    Case("a3-crypto-br", "Art 3(1); Annex II H", request("5A002.a.2", "BR"), True, ["Art 3(1)"], {"EU008"}),
    Case("a3-machine-tool-br", "Art 3(1)", request("2B001", "BR"), True, ["Art 3(1)"], set()),
    Case("a3-crypto-us", "Art 3(1); Annex II A", request("5A002.a", "US"), True, ["Art 3(1)"], {"EU001"}),
    Case("a3-reexport-jp", "Art 2(2), 3(1)", request("2B001", "JP", "re_export"), True, ["Art 3(1)"], {"EU001"}),
    Case("a3-cyber-us", "Art 3(1); EU001 covers listed cyber items", request("5A001.j", "US"), True, ["Art 3(1)"], {"EU001"}),
    Case("a3-intrusion-cn", "Art 3(1)", request("4A005", "CN"), True, ["Art 3(1)"], set()),
    Case("a3-kosovo", "Art 3(1)", request("2B001", "XK"), True, ["Art 3(1)"], set()),
    Case("a3-russia-no-ugea", "Art 3(1); 2022/699; EU008 excl.", request("5A002.a.2", "RU"), True, ["Art 3(1)"], set(), {"EU008"}),
    Case("nl-us-nothing", "Art 3 (not listed, nothing known)", request(None, "US"), False, [], set()),
    Case("nl-ru-nothing", "Art 4(1): an embargo alone is no requirement", request(None, "RU"), False, [], set()),
    # --- Annex II Section I: never covered by a UGEA -----------------------------------------------------
    Case("seci-0c001-us", "Annex II I (0C001)", request("0C001", "US"), True, ["Art 3(1)"], set(), {"EU001"}),
    Case("seci-1a102-ca", "Annex II I (1A102)", request("1A102", "CA"), True, ["Art 3(1)"], set(), {"EU001"}),
    Case("seci-9a117-no", "Annex II I (9A117)", request("9A117", "NO"), True, ["Art 3(1)"], set(), {"EU001"}),
    Case("seci-7e104-jp", "Annex II I (7E104)", request("7E104", "JP"), True, ["Art 3(1)"], set(), {"EU001"}),
    Case("seci-1c351-us", "Annex II I (1C351)", request("1C351.d.1", "US"), True, ["Art 3(1)"], set(), {"EU001"}),
    Case("seci-1c353-us", "Annex II I (1C353)", request("1C353", "US"), True, ["Art 3(1)"], set(), {"EU001"}),
    Case("seci-1c450a1-au", "Annex II I (1C450.a.1)", request("1C450.a.1", "AU"), True, ["Art 3(1)"], set(), {"EU001"}),
    Case("seci-9a009a-us", "Annex II I (9A009.a)", request("9A009.a", "US"), True, ["Art 3(1)"], set(), {"EU001"}),
    Case("seci-annexiv-5a004a", "Annex II I (all Annex IV)", request("5A004.a", "US"), True, ["Art 3(1)"], set(), {"EU001"}),
    Case("seci-annexiv-1b226", "Annex II I (Annex IV Part II)", request("1B226", "GB"), True, ["Art 3(1)"], set(), {"EU001"}),
    Case("seci-annexiv-0a001", "Annex II I (Annex IV Cat 0)", request("0A001", "CH"), True, ["Art 3(1)"], set(), {"EU001"}),
    # --- Art 4: WMD / military catch-all for non-listed items ---------------------------------------------
    Case("a4-1a-cn", "Art 4(1)(a)", request(None, "CN", end_use=WMD), True, ["Art 4(1)(a)"], set()),
    Case("a4-1a-us", "Art 4(1)(a): no destination exemption", request(None, "US", end_use=WMD), True, ["Art 4(1)(a)"], set()),
    Case("a4-2-br", "Art 4(2)", request(None, "BR", end_use=AWARE_WMD), "notify", ["Art 4(2)"], set()),
    Case("a4-1b-ru", "Art 4(1)(b); §9 RU", request(None, "RU", end_use=EMBARGO), True, ["Art 4(1)(b)"], set()),
    Case("a4-1b-by", "Art 4(1)(b); §9 BY", request(None, "BY", end_use=EMBARGO), True, ["Art 4(1)(b)"], set()),
    Case("a4-1c-br", "Art 4(1)(c)", request(None, "BR", end_use=PARTS), True, ["Art 4(1)(c)"], set()),
    Case("a4-1a-1c", "Art 4(1)(a), (c)", request(None, "IN", end_use={**WMD, **PARTS}), True, ["Art 4(1)(a)", "Art 4(1)(c)"]),
    Case("a4-informed-and-aware", "Art 4(1)(a) absorbs 4(2)", request(None, "IN", end_use={**WMD, **AWARE_WMD}), True, ["Art 4(1)(a)"]),
    Case("a4-aware-embargo-ve", "Art 4(2) (extension flag)", request(None, "VE", end_use={"aware_military_embargo": True}), "notify", ["Art 4(2)"]),
    Case("a4-listed-is-art3", "Art 4(1) is for non-listed items", request("5A002.a.2", "BR", end_use=WMD), True, ["Art 3(1)"], set(), {"EU008"}),
    Case("a4-transfer-no", "Art 4 concerns exports only", request(None, "FR", "intra_eu_transfer", end_use=WMD), False, []),
    # --- Art 5: cyber-surveillance catch-all ---------------------------------------------------------------
    Case("a5-1-cn", "Art 5(1)", request(None, "CN", end_use=CYBER_INF), True, ["Art 5(1)"], set()),
    Case("a5-1-us", "Art 5(1): no destination exemption", request(None, "US", end_use=CYBER_INF), True, ["Art 5(1)"], set()),
    Case("a5-2-eg", "Art 5(2)", request(None, "EG", end_use=CYBER_AW), "notify", ["Art 5(2)"], set()),
    Case("a4-a5-mixed", "Art 4(1)(a), 5(2)", request(None, "EG", end_use={**WMD, **CYBER_AW}), True, ["Art 4(1)(a)", "Art 5(2)"]),
    Case("a4-a5-aware", "Art 4(2), 5(2)", request(None, "EG", end_use={**AWARE_WMD, **CYBER_AW}), "notify", ["Art 4(2)", "Art 5(2)"]),
    Case("a5-listed-is-art3", "Art 5(1) is for non-listed items", request("5A001.j", "IN", end_use=CYBER_INF), True, ["Art 3(1)"], set()),
    # --- Art 6: brokering ------------------------------------------------------------------------------------
    Case("a6-nothing", "Art 6(1)", request("5A002.a.2", "CN", "brokering"), False, [], set()),
    Case("a6-1-wmd", "Art 6(1)", request("5A002.a.2", "CN", "brokering", end_use=WMD), True, ["Art 6(1)"], set()),
    Case("a6-1-embargo", "Art 6(1), 4(1)(b)", request("2B001", "IR", "brokering", end_use=EMBARGO), True, ["Art 6(1)"], set()),
    Case("a6-1-parts", "Art 6(1), 4(1)(c)", request("2B001", "BR", "brokering", end_use=PARTS), True, ["Art 6(1)"], set()),
    Case("a6-1-us", "Art 6(1): no EU001 exemption", request("2B001", "US", "brokering", end_use=WMD), True, ["Art 6(1)"], set()),
    Case("a6-2-aware", "Art 6(2)", request("2B001", "CN", "brokering", end_use=AWARE_WMD), "notify", ["Art 6(2)"], set()),
    Case("a6-3-nonlisted", "Art 6(3) is national", request(None, "CN", "brokering", end_use=WMD), False, [], set()),
    Case("a6-cyber-not-4-1", "Art 6(1) names Art 4(1) uses only", request("4A005", "CN", "brokering", end_use=CYBER_INF), False, [], set()),
    # --- Art 7: transit --------------------------------------------------------------------------------------
    Case("a7-nothing", "Art 7", request("5A002.a.2", "CN", "transit"), False, [], set()),
    Case("a7-nonlisted", "Art 7 (Annex I items only)", request(None, "IR", "transit", end_use=WMD), False, [], set()),
    # --- Art 8: technical assistance -------------------------------------------------------------------------
    Case("a8-1-wmd", "Art 8(1)", request("2B001", "CN", "technical_assistance", end_use=WMD), True, ["Art 8(1)"], set()),
    Case("a8-1-embargo", "Art 8(1), 4(1)(b)", request("2B001", "SY", "technical_assistance", end_use=EMBARGO), True, ["Art 8(1)"], set()),
    Case("a8-2-aware", "Art 8(2)", request("2B001", "CN", "technical_assistance", end_use=AWARE_WMD), "notify", ["Art 8(2)"], set()),
    Case("a8-3a-us", "Art 8(3)(a)", request("2B001", "US", "technical_assistance", end_use=WMD), False, [], set()),
    Case("a8-3a-no-aware", "Art 8(3)(a) covers para 2", request("2B001", "NO", "technical_assistance", end_use=AWARE_WMD), False, []),
    Case("a8-3a-li", "Art 8(3)(a)", request("2B001", "LI", "technical_assistance", end_use=WMD), False, []),
    Case("a8-nothing", "Art 8(1)", request("2B001", "CN", "technical_assistance"), False, [], set()),
    Case("a8-nonlisted", "Art 8(1): Annex I items only", request(None, "CN", "technical_assistance", end_use=WMD), False, []),
    Case("a8-cyber-not-4-1", "Art 8(1) names Art 4(1) uses only", request("5A001.j", "CN", "technical_assistance", end_use=CYBER_INF), False, []),
    # --- Art 11(1): Annex IV transfers inside the EU ---------------------------------------------------------
    Case("a11-5a004a", "Art 11(1); Annex IV Part I", request("5A004.a", "FR", "intra_eu_transfer"), True, ["Art 11(1)"], set()),
    Case("a11-1c001", "Art 11(1); Annex IV Part I stealth", request("1C001", "IT", "intra_eu_transfer"), True, ["Art 11(1)"]),
    Case("a11-1c239", "Art 11(1); Annex IV Part I", request("1C239", "NL", "intra_eu_transfer"), True, ["Art 11(1)"]),
    Case("a11-7a117", "Art 11(1); Annex IV Part I MTCR", request("7A117", "SE", "intra_eu_transfer"), True, ["Art 11(1)"]),
    Case("a11-5d002c3a", "Art 11(1); Annex IV 5D002.c.3.a", request("5D002.c.3.a", "FR", "intra_eu_transfer"), True, ["Art 11(1)"]),
    Case("a11-5d002c3b", "Annex IV has only 5D002.c.3.a", request("5D002.c.3.b", "FR", "intra_eu_transfer"), False, []),
    Case("a11-ricin", "Art 11(1); Annex IV Part II", request("1C351.d.4", "NL", "intra_eu_transfer"), True, ["Art 11(1)"]),
    Case("a11-botulinum", "Annex IV has only 1C351.d.4-5", request("1C351.d.1", "NL", "intra_eu_transfer"), False, []),
    Case("a11-0a001", "Art 11(1); Annex IV Part II Cat 0", request("0A001", "BE", "intra_eu_transfer"), True, ["Art 11(1)"]),
    Case("a11-0c001", "Annex IV Part II: not 0C001", request("0C001", "BE", "intra_eu_transfer"), False, []),
    Case("a11-1b226", "Art 11(1); Annex IV Part II NSG", request("1B226", "AT", "intra_eu_transfer"), True, ["Art 11(1)"]),
    Case("a11-3a228", "Art 11(1); Annex IV Part II NSG", request("3A228", "AT", "intra_eu_transfer"), True, ["Art 11(1)"]),
    Case("a11-1c012b", "Art 11(1); Annex IV 1C012.b", request("1C012.b", "AT", "intra_eu_transfer"), True, ["Art 11(1)"]),
    Case("a11-1c012a", "Annex IV has only 1C012.b", request("1C012.a", "AT", "intra_eu_transfer"), False, []),
    Case("a11-not-annex-iv", "Art 11(1): Annex I alone is no transfer requirement", request("5A002.a.2", "FR", "intra_eu_transfer"), False, []),
    Case("a11-nonlisted", "Art 11(1)", request(None, "FR", "intra_eu_transfer"), False, []),
    # --- EU001 (Annex II Section A) ---------------------------------------------------------------------------
    Case("eu001-ch", "Annex II A", request("2B001", "CH"), True, ["Art 3(1)"], {"EU001"}),
    Case("eu001-gb", "Annex II A", request("2B001", "GB"), True, ["Art 3(1)"], {"EU001"}),
    Case("eu001-li", "Annex II A", request("2B001", "LI"), True, ["Art 3(1)"], {"EU001"}),
    Case("eu001-free-zone", "Annex II A Part 3 free zone", request("2B001", "US", free_zone=True), True, ["Art 3(1)"], set(), {"EU001"}),
    Case("eu001-aware-wmd", "Annex II A Part 3 (aware)", request("2B001", "US", end_use=AWARE_WMD), True, ["Art 3(1)"], set(), {"EU001"}),
    Case("eu001-informed-wmd", "Annex II A Part 3 (informed)", request("2B001", "US", end_use=WMD), True, ["Art 3(1)"], set(), {"EU001"}),
    Case("eu001-parts", "Annex II A Part 3 (illegal parts)", request("2B001", "CA", end_use=PARTS), True, ["Art 3(1)"], set(), {"EU001"}),
    Case("eu001-hr-no-bar", "§11.2: no human-rights bar in A", request("2B001", "US", end_use=CYBER_INF), True, ["Art 3(1)"], {"EU001"}),
    Case("eu001-government", "§11.2: no end-user bar in A", request("2B001", "US", end_user_type="government"), True, ["Art 3(1)"], {"EU001"}),
    # --- EU002 (Section B) -----------------------------------------------------------------------------------
    Case("eu002-1c003b-kr", "Annex II B", request("1C003.b", "KR"), True, ["Art 3(1)"], {"EU002"}),
    Case("eu002-1a001-tr", "Annex II B", request("1A001", "TR"), True, ["Art 3(1)"], {"EU002"}),
    Case("eu002-3a001a3-za", "Annex II B", request("3A001.a.3", "ZA"), True, ["Art 3(1)"], {"EU002"}),
    Case("eu002-3a002c-ar", "Annex II B", request("3A002.c", "AR"), True, ["Art 3(1)"], {"EU002"}),
    Case("eu002-1c003a-out", "Annex II B item scope", request("1C003.a", "KR"), True, ["Art 3(1)"], set(), {"EU002"}),
    Case("eu002-br-out", "Annex II B destinations", request("1C003.b", "BR"), True, ["Art 3(1)"], set(), {"EU002"}),
    Case("eu002-free-zone", "Annex II B Part 3 free zone", request("1C003.b", "AR", free_zone=True), True, ["Art 3(1)"], set(), {"EU002"}),
    Case("eu002-informed", "Annex II B Part 3", request("1C003.b", "KR", end_use=WMD), True, ["Art 3(1)"], set(), {"EU002"}),
    Case("eu002-us-is-eu001", "Annex II A/B", request("1C003.b", "US"), True, ["Art 3(1)"], {"EU001"}),
    # --- EU003 (Section C) -----------------------------------------------------------------------------------
    Case("eu003-cn", "Annex II C; §9 CN flagged only", request("2B001", "CN", after_repair=True), True, ["Art 3(1)"], {"EU003"}),
    Case("eu003-nc", "Annex II C French overseas", request("2B001", "NC", after_repair=True), True, ["Art 3(1)"], {"EU003"}),
    Case("eu003-no-repair", "Annex II C", request("2B001", "CN"), True, ["Art 3(1)"], set(), {"EU003"}),
    Case("eu003-russia", "Annex II C; 2022/699", request("2B001", "RU", after_repair=True), True, ["Art 3(1)"], set(), {"EU003"}),
    Case("eu003-software", "Annex II C: no D items", request("5D002.c.1", "IN", after_repair=True), True, ["Art 3(1)"], {"EU008"}, {"EU003"}),
    Case("eu003-1c350", "Annex II C exclusions", request("1C350.1", "CN", after_repair=True), True, ["Art 3(1)"], set(), {"EU003"}),
    Case("eu003-5a003a", "Annex II C exclusions", request("5A003.a", "CN", after_repair=True), True, ["Art 3(1)"], set(), {"EU003"}),
    Case("eu003-section-i", "Annex II C; Section I", request("1A102", "CN", after_repair=True), True, ["Art 3(1)"], set(), {"EU003"}),
    Case("eu003-free-zone", "Annex II C Part 3", request("2B001", "CN", after_repair=True, free_zone=True), True, ["Art 3(1)"], set(), {"EU003"}),
    Case("eu003-aware", "Annex II C Part 3", request("2B001", "AE", after_repair=True, end_use=AWARE_WMD), True, ["Art 3(1)"], set(), {"EU003"}),
    # --- EU004 (Section D) -----------------------------------------------------------------------------------
    Case("eu004-in", "Annex II D", request("2B001", "IN", exhibition=True, temporary=True), True, ["Art 3(1)"], {"EU004"}),
    Case("eu004-6a002b", "Annex II D", request("6A002.b", "SG", exhibition=True, temporary=True), True, ["Art 3(1)"], {"EU004"}),
    Case("eu004-sale", "Annex II D: no sale", request("2B001", "IN", exhibition=True, temporary=False), True, ["Art 3(1)"], set(), {"EU004"}),
    Case("eu004-russia", "Annex II D; 2022/699", request("2B001", "RU", exhibition=True, temporary=True), True, ["Art 3(1)"], set(), {"EU004"}),
    Case("eu004-tech", "Annex II D: no E items", request("3E001", "IN", exhibition=True, temporary=True), True, ["Art 3(1)"], set(), {"EU004"}),
    Case("eu004-6a002a", "Annex II D exclusions", request("6A002.a.1", "SG", exhibition=True, temporary=True), True, ["Art 3(1)"], set(), {"EU004"}),
    Case("eu004-free-zone", "Annex II D Part 3", request("2B001", "IN", exhibition=True, temporary=True, free_zone=True), True, ["Art 3(1)"], set(), {"EU004"}),
    Case("eu004-us", "Annex II A/D", request("2B001", "US", exhibition=True, temporary=True), True, ["Art 3(1)"], {"EU001"}),
    # --- EU005 (Section E) -----------------------------------------------------------------------------------
    Case("eu005-5a001c-cn", "Annex II E", request("5A001.c", "CN"), True, ["Art 3(1)"], {"EU005"}),
    Case("eu005-5a001b2-in", "Annex II E", request("5A001.b.2", "IN"), True, ["Art 3(1)"], {"EU005"}),
    Case("eu005-5a001d-ua", "Annex II E", request("5A001.d", "UA"), True, ["Art 3(1)"], {"EU005"}),
    Case("eu005-russia", "Annex II E; 2022/699", request("5A001.c", "RU"), True, ["Art 3(1)"], set(), {"EU005"}),
    Case("eu005-interception-item", "Annex II E item scope", request("5A001.f", "CN"), True, ["Art 3(1)"], set(), {"EU005"}),
    Case("eu005-hr-informed", "Annex II E Part 3 interception bar", request("5A001.c", "KR", end_use=CYBER_INF), True, ["Art 3(1)"], set(), {"EU005"}),
    Case("eu005-hr-aware", "Annex II E Part 3 interception bar", request("5A001.c", "KR", end_use=CYBER_AW), True, ["Art 3(1)"], set(), {"EU005"}),
    Case("eu005-free-zone", "Annex II E Part 3", request("5A001.c", "KR", free_zone=True), True, ["Art 3(1)"], set(), {"EU005"}),
    Case("eu005-br", "Annex II E destinations", request("5A001.c", "BR"), True, ["Art 3(1)"], set(), {"EU005"}),
    Case("eu005-reexport-ir", "Annex II E re-export", request("5A001.c", "KR", re_export_destinations=["IR"]), True, ["Art 3(1)"], set(), {"EU005"}),
    Case("eu005-reexport-us", "Annex II E re-export (EU001 ok)", request("5A001.c", "KR", re_export_destinations=["US", "CN"]), True, ["Art 3(1)"], {"EU005"}),
    Case("eu004-eu005", "Annex II D, E", request("5A001.c", "KR", exhibition=True, temporary=True), True, ["Art 3(1)"], {"EU004", "EU005"}),
    # --- EU006 (Section F) -----------------------------------------------------------------------------------
    Case("eu006-1c350-1-kr", "Annex II F", request("1C350.1", "KR"), True, ["Art 3(1)"], {"EU006"}),
    Case("eu006-1c350-30-ua", "Annex II F", request("1C350.30", "UA"), True, ["Art 3(1)"], {"EU006"}),
    Case("eu006-1c450a4-ar", "Annex II F", request("1C450.a.4", "AR"), True, ["Art 3(1)"], {"EU006"}),
    Case("eu006-1c450b8-tr", "Annex II F", request("1C450.b.8", "TR"), True, ["Art 3(1)"], {"EU006"}),
    Case("eu006-1c450a1", "Annex II F; Section I", request("1C450.a.1", "KR"), True, ["Art 3(1)"], set(), {"EU006"}),
    Case("eu006-cn", "Annex II F destinations", request("1C350.1", "CN"), True, ["Art 3(1)"], set(), {"EU006"}),
    Case("eu006-reexport", "Annex II F re-export", request("1C350.1", "KR", re_export_destinations=["IR"]), True, ["Art 3(1)"], set(), {"EU006"}),
    Case("eu006-aware", "Annex II F Part 3", request("1C350.1", "KR", end_use=AWARE_WMD), True, ["Art 3(1)"], set(), {"EU006"}),
    Case("eu006-free-zone", "Annex II F Part 3", request("1C350.1", "KR", free_zone=True), True, ["Art 3(1)"], set(), {"EU006"}),
    Case("eu006-us-is-eu001", "Annex II A", request("1C350.1", "US"), True, ["Art 3(1)"], {"EU001"}),
    # --- EU007 (Section G) -----------------------------------------------------------------------------------
    Case("eu007-in", "Annex II G", request("3E001", "IN", intra_group=True), True, ["Art 3(1)"], {"EU007"}),
    Case("eu007-il", "Annex II G (IL covered, unlike EU008)", request("3E001", "IL", intra_group=True), True, ["Art 3(1)"], {"EU007"}),
    Case("eu007-not-group", "Annex II G", request("3E001", "IN"), True, ["Art 3(1)"], set(), {"EU007"}),
    Case("eu007-4d004", "Annex II G cyber exclusion", request("4D004", "IN", intra_group=True), True, ["Art 3(1)"], set(), {"EU007"}),
    Case("eu007-4e001c", "Annex II G cyber exclusion", request("4E001.c", "SG", intra_group=True), True, ["Art 3(1)"], set(), {"EU007"}),
    Case("eu007-section-i", "Annex II G; Section I", request("7E104", "IN", intra_group=True), True, ["Art 3(1)"], set(), {"EU007"}),
    Case("eu007-cn", "Annex II G destinations", request("3E001", "CN", intra_group=True), True, ["Art 3(1)"], set(), {"EU007"}),
    Case("eu007-free-zone-ok", "§11.2: EU007 has no free-zone bar", request("3E001", "IN", intra_group=True, free_zone=True), True, ["Art 3(1)"], {"EU007"}),
    Case("eu007-government", "Annex II G Part 3 security end users", request("3E001", "IN", intra_group=True, end_user_type="government"), True, ["Art 3(1)"], set(), {"EU007"}),
    Case("eu007-hr", "Annex II G Part 3 human rights", request("3E001", "IN", intra_group=True, end_use=CYBER_INF), True, ["Art 3(1)"], set(), {"EU007"}),
    Case("eu007-aware-wmd", "Annex II G Part 3", request("3E001", "IN", intra_group=True, end_use=AWARE_WMD), True, ["Art 3(1)"], set(), {"EU007"}),
    Case("eu007-goods", "Annex II G: software and technology only", request("2B001", "IN", intra_group=True), True, ["Art 3(1)"], set(), {"EU007"}),
    Case("eu007-reexport-cn", "Annex II G re-export", request("3E001", "IN", intra_group=True, re_export_destinations=["CN"]), True, ["Art 3(1)"], set(), {"EU007"}),
    Case("eu007-reexport-us", "Annex II G re-export (EU001 ok)", request("3E001", "IN", intra_group=True, re_export_destinations=["US"]), True, ["Art 3(1)"], {"EU007"}),
    Case("eu007-eu008", "Annex II G, H", request("5D002.c.1", "IN", intra_group=True), True, ["Art 3(1)"], {"EU007", "EU008"}),
    # --- EU008 (Section H) -----------------------------------------------------------------------------------
    Case("eu008-5a002a3-in", "Annex II H", request("5A002.a.3", "IN"), True, ["Art 3(1)"], {"EU008"}),
    Case("eu008-5d002b-za", "Annex II H", request("5D002.b", "ZA"), True, ["Art 3(1)"], {"EU008"}),
    Case("eu008-5e002b-th", "Annex II H", request("5E002.b", "TH"), True, ["Art 3(1)"], {"EU008"}),
    Case("eu008-sg", "Annex II H", request("5A002.a.2", "SG"), True, ["Art 3(1)"], {"EU008"}),
    Case("eu008-cn", "Annex II H excluded", request("5A002.a.2", "CN"), True, ["Art 3(1)"], set(), {"EU008"}),
    Case("eu008-ae", "Annex II H excluded", request("5A002.a.2", "AE"), True, ["Art 3(1)"], set(), {"EU008"}),
    Case("eu008-il", "Annex II H excluded", request("5A002.a.2", "IL"), True, ["Art 3(1)"], set(), {"EU008"}),
    Case("eu008-us", "Annex II H excludes EU001 destinations", request("5A002.a.2", "US"), True, ["Art 3(1)"], {"EU001"}, {"EU008"}),
    Case("eu008-haiti-embargo", "Annex II H (c) embargo; §9 HT", request("5A002.a.2", "HT"), True, ["Art 3(1)"], set(), {"EU008"}),
    Case("eu008-5a002a1", "Annex II H item scope", request("5A002.a.1", "BR"), True, ["Art 3(1)"], set(), {"EU008"}),
    Case("eu008-government", "Annex II H Part 3", request("5A002.a.2", "BR", end_user_type="government"), True, ["Art 3(1)"], set(), {"EU008"}),
    Case("eu008-hr", "Annex II H Part 3 human rights", request("5A002.a.2", "BR", end_use=CYBER_AW), True, ["Art 3(1)"], set(), {"EU008"}),
    Case("eu008-free-zone", "Annex II H Part 3", request("5A002.a.2", "BR", free_zone=True), True, ["Art 3(1)"], set(), {"EU008"}),
    Case("eu008-reexport", "Annex II H re-export", request("5A002.a.2", "BR", re_export_destinations=["CN"]), True, ["Art 3(1)"], set(), {"EU008"}),
    Case("eu008-aware-wmd", "Annex II H Part 3", request("5A002.a.2", "BR", end_use=AWARE_WMD), True, ["Art 3(1)"], set(), {"EU008"}),
    Case("eu008-commercial", "Annex II H", request("5A002.a.2", "BR", end_user_type="commercial"), True, ["Art 3(1)"], {"EU008"}),
    # --- review fixes: Annex IV entries narrower than their Annex I code (§2 Annex IV, §11.6) --------------
    Case("a11-9a004a-launcher", "Art 11(1); Annex IV 9A004 = launch vehicles", request("9A004.a", "FR", "intra_eu_transfer"), True, ["Art 11(1)"]),
    Case("a11-9a004b-satellite", "Annex IV 9A004: launch vehicles only", request("9A004.b", "FR", "intra_eu_transfer"), False, []),
    Case("eu001-9a004b-satellite", "Annex II A; Section I via Annex IV 9A004 only", request("9A004.b", "US"), True, ["Art 3(1)"], {"EU001"}),
    Case("eu001-9a004a-launcher", "Annex II I via Annex IV 9A004", request("9A004.a", "US"), True, ["Art 3(1)"], set(), {"EU001"}),
    Case("a11-6a203-mirror", "Art 11(1); Annex IV Part II 6A203", request("6A203.a.1", "FR", "intra_eu_transfer"), True, ["Art 11(1)"]),
    Case("a11-6a203-solid-state", "Annex IV 6A203: rotating-mirror cameras only", request("6A203.c.1", "FR", "intra_eu_transfer"), False, []),
    Case("eu001-6a203-rad-hard", "Annex II A (6A203.d not in Annex IV)", request("6A203.d", "JP"), True, ["Art 3(1)"], {"EU001"}),
    Case("a11-6a001a2e1", "Art 11(1); Annex IV 6A001.a.2.e.1", request("6A001.a.2.e.1", "FR", "intra_eu_transfer"), True, ["Art 11(1)"]),
    Case("a11-6a001a2e3", "Annex IV 6A001.a.2.e: sub-items 1-2 only", request("6A001.a.2.e.3", "FR", "intra_eu_transfer"), False, []),
    Case("a11-8a002o3a", "Annex IV 8A002.o.3: only .b", request("8A002.o.3.a", "FR", "intra_eu_transfer"), False, []),
    Case("a11-9a004-row-code", "Art 11(1); Annex IV row 9A004 (its own code)", request("9A004", "FR", "intra_eu_transfer"), True, ["Art 11(1)"]),
    Case("a11-5d002a-row-code", "Art 11(1); Annex IV row 5D002.a", request("5D002.a", "FR", "intra_eu_transfer"), True, ["Art 11(1)"]),
    Case("a11-1c012-row-code", "Art 11(1); Annex IV row 1C012", request("1C012", "FR", "intra_eu_transfer"), True, ["Art 11(1)"]),
    Case("a11-6a203-row-code", "Art 11(1); Annex IV row 6A203", request("6A203", "FR", "intra_eu_transfer"), True, ["Art 11(1)"]),
    Case("a11-8a002o3-row-code", "Art 11(1); Annex IV row 8A002.o.3", request("8A002.o.3", "FR", "intra_eu_transfer"), True, ["Art 11(1)"]),
    Case("a11-6a001-lead-in", "Annex IV '6A001 limited to the following' is a heading", request("6A001", "FR", "intra_eu_transfer"), False, []),
    Case("eu001-9a004-row-code", "Annex II I via Annex IV row 9A004", request("9A004", "US"), True, ["Art 3(1)"], set(), {"EU001"}),
    Case("eu001-5d002-above-row", "Annex II A; Section I left as a condition", request("5D002", "US"), True, ["Art 3(1)"], {"EU001"}),
    Case("a11-8a002o3b", "Art 11(1); Annex IV 8A002.o.3.b", request("8A002.o.3.b", "FR", "intra_eu_transfer"), True, ["Art 11(1)"]),
    Case("reexport-annex-iv-us", "Art 2(2), 3(1); Annex II I", request("5A004.a", "US", "re_export"), True, ["Art 3(1)"], set(), {"EU001"}),
    # --- review fixes: EU007 and listed cyber-surveillance software; EU004 temporary ---------------------
    Case("eu007-5d001e", "Annex II G; §11.2 cyber-surveillance software", request("5D001.e", "IN", intra_group=True), True, ["Art 3(1)"], set(), {"EU007"}),
    Case("eu004-temporary-unknown", "Annex II D (temporary left out = unknown)", request("2B001", "IN", exhibition=True), True, ["Art 3(1)"], {"EU004"}),
    Case("eu003-eu004-both", "Annex II C, D", request("2B001", "MX", exhibition=True, after_repair=True), True, ["Art 3(1)"], {"EU003", "EU004"}),
    # --- mixes of bases ------------------------------------------------------------------------------------
    Case("a4-informed-a-aware-c", "Art 4(1)(a), 4(2)", request(None, "IN", end_use={**WMD, "aware_illegal_military_parts": True}), True, ["Art 4(1)(a)", "Art 4(2)"]),
    Case("brokering-no-ugea", "Art 6; UGEAs cover exports only (Art 2(15))", request("2B001", "US", "brokering", end_use=WMD), True, ["Art 6(1)"], set(), set(UGEAS)),
    Case("ta-no-ugea", "Art 8; UGEAs cover exports only", request("2B001", "CN", "technical_assistance", end_use=WMD), True, ["Art 8(1)"], set(), set(UGEAS)),
    Case("reexport-catch-all", "Art 2(2), 4(1)(a)", request(None, "PK", "re_export", end_use=WMD), True, ["Art 4(1)(a)"], set()),
    Case("reexport-aware-cyber", "Art 2(2), 5(2)", request(None, "PK", "re_export", end_use=CYBER_AW), "notify", ["Art 5(2)"], set()),
    # --- contract leniency that cannot misread a request --------------------------------------------------
    Case("uk-alias", "EU usage UK = ISO GB (Annex II A)", request("2B001", "UK"), True, ["Art 3(1)"], {"EU001"}),
    Case("enum-case", "activity / end_user_type case-insensitive", request("3E001", "IN", "Export", intra_group=True, end_user_type="Government"), True, ["Art 3(1)"], set(), {"EU007"}),
    Case("enum-hyphen", "re-export written with a hyphen", request("2B001", "JP", "Re-Export"), True, ["Art 3(1)"], {"EU001"}),
]
# fmt: on


@pytest.mark.parametrize("case", CASES, ids=[c.ident for c in CASES])
def test_scenario(case: Case) -> None:
    out = run(case.req)
    assert out["licence_required"] == case.licence and type(out["licence_required"]) is type(case.licence), (
        case.cite
    )
    assert out["legal_bases"] == case.bases, case.cite
    if case.usable is not None:
        assert usable(out) == case.usable, case.cite
    unusable = out["unusable_general_authorisations"]
    assert isinstance(unusable, dict)
    for code in case.unusable:
        assert code in unusable and unusable[code], (case.cite, code)
    assert not usable(out) & set(unusable), "a UGEA is never both usable and unusable"
    for basis in out["legal_bases"]:
        assert BASIS.match(basis), basis


def test_case_ids_unique_and_many() -> None:
    assert len({c.ident for c in CASES}) == len(CASES) >= 80


# --- conditions that remain (Annex II Part 3, registration and notification) ------------------------------


def conditions(out: dict[str, Any], code: str) -> str:
    for u in out["usable_general_authorisations"]:  # type: ignore[union-attr]
        if u["code"] == code:
            return " ".join(u["conditions"]).lower()
    raise AssertionError(f"{code} not usable")


def test_eu001_first_use_notified_within_30_days_after() -> None:
    """Annex II A Part 3: notify first use within 30 days after the first export."""
    text = conditions(run(request("2B001", "US")), "EU001")
    assert "30 days" in text and "after" in text


def test_eu003_original_end_user_condition_remains() -> None:
    """Annex II C: only to the original end user, within 5 years of the original authorisation."""
    text = conditions(run(request("2B001", "CN", after_repair=True)), "EU003")
    assert "original end user" in text


def test_eu004_return_within_120_days() -> None:
    """Annex II D: re-imported complete and unmodified within 120 days."""
    text = conditions(run(request("2B001", "IN", exhibition=True, temporary=True)), "EU004")
    assert "120 days" in text


def test_eu007_icp_registration_and_30_days_before() -> None:
    """Annex II G Part 3: ICP, register before first use, notify >= 30 days before the first export."""
    text = conditions(run(request("3E001", "IN", intra_group=True)), "EU007")
    assert "register" in text and "30 days before" in text and "compliance programme" in text


def test_eu008_registration_and_10_days_before() -> None:
    """Annex II H Part 3: register before first use, notify >= 10 days before the first export."""
    text = conditions(run(request("5A002.a.2", "BR")), "EU008")
    assert "register" in text and "10 days before" in text


def test_eu008_unknown_end_user_keeps_security_condition() -> None:
    """Annex II H Part 3: with the end user unknown, the governmental-security bar remains a condition."""
    text = conditions(run(request("5A002.a.2", "BR")), "EU008")
    assert "police" in text or "security" in text


# --- transit (Art 7) --------------------------------------------------------------------------------------


def test_art_7_transit_is_a_member_state_power_not_a_licence() -> None:
    """Art 7: the Member State may prohibit (or require an authorisation); the Regulation imposes no licence."""
    out = run(request("2B001", "IR", "transit", end_use=WMD))
    assert out["licence_required"] is False
    assert any("Art 7" in r for r in out["reasons"])  # type: ignore[union-attr]
    assert out["usable_general_authorisations"] == []


# --- shapes -------------------------------------------------------------------------------------------------


def test_mixed_lines_listed_and_catch_all() -> None:
    """Art 3(1) for the listed line and Art 4(1)(a) for the non-listed line, each with its line index."""
    req = request("5A002.a.2", "BR", end_use=WMD)
    req["lines"].append({"control_code": None, "description": "pump"})
    out = run(req)
    assert out["licence_required"] is True
    assert out["legal_bases"] == ["Art 3(1)", "Art 4(1)(a)"]
    lines = {(r["line"], r["basis"]) for r in out["requirements"]}  # type: ignore[union-attr]
    assert lines == {(0, "Art 3(1)"), (1, "Art 4(1)(a)")}


def test_per_line_general_authorisations() -> None:
    """Annex II B: a UGEA covering one line of two is offered on that line's requirement."""
    req = request("1C003.b", "KR")
    req["lines"].append({"control_code": "2B001", "description": "lathe"})
    out = run(req)
    reqs = {r["line"]: r for r in out["requirements"]}  # type: ignore[union-attr]
    assert "EU002" in reqs[0]["general_authorisations"]
    assert "EU002" not in reqs[1]["general_authorisations"]
    assert "EU002" not in usable(out), "a UGEA is usable for the request only if it covers every listed line"


def test_minimal_request_defaults() -> None:
    """Issue #5: missing optional fields mean false / unknown."""
    out = run(
        {
            "exporter_member_state": "DE",
            "activity": "export",
            "destination": "US",
            "lines": [{"control_code": "2B001"}],
        }
    )
    assert out["licence_required"] is True and out["legal_bases"] == ["Art 3(1)"]
    assert usable(out) == {"EU001"}


def test_every_documented_field_accepted_with_nulls() -> None:
    """Issue #5: every field of the contract is accepted; null optional values mean false / unknown."""
    req = request(
        "5A002.a.2",
        "BR",
        end_use={
            name: False
            for name in (
                "informed_wmd",
                "aware_wmd",
                "informed_military_embargo",
                "informed_illegal_military_parts",
                "informed_cyber_surveillance",
                "aware_cyber_surveillance",
            )
        },
        temporary=None,
        after_repair=None,
        exhibition=None,
        intra_group=None,
        end_user_type=None,
        free_zone=None,
    )
    req["lines"][0]["quantity"] = None
    req["lines"][0]["value_eur"] = None
    out = run(req)
    assert out["licence_required"] is True and usable(out) == {"EU008"}


def test_partial_end_use_object() -> None:
    """Issue #5: end_use fields left out are false."""
    out = run(request(None, "CN", end_use={"aware_cyber_surveillance": True}))
    assert out["licence_required"] == "notify" and out["legal_bases"] == ["Art 5(2)"]


def test_lower_case_codes_and_countries_normalised() -> None:
    """Codes and countries are matched case-insensitively (Annex I code form: 5A002.a.2)."""
    out = run(request("5a002.A.2", "br", origin="de"))
    assert out["licence_required"] is True and usable(out) == {"EU008"}


def test_greece_as_el() -> None:
    """§8: Greece is ISO GR, EU code EL; either identifies the Member State."""
    assert run(request("2B001", "US", origin="EL"))["legal_bases"] == ["Art 3(1)"]
    assert run(request("5A004.a", "GR", "intra_eu_transfer"))["legal_bases"] == ["Art 11(1)"]


def test_json_round_trip_licence_required_literal() -> None:
    """Issue #5: licence_required is exactly true, false or "notify" in JSON."""
    for req, expected in (
        (request("2B001", "BR"), "true"),
        (request(None, "BR"), "false"),
        (request(None, "BR", end_use=AWARE_WMD), '"notify"'),
    ):
        assert json.dumps(run(req)["licence_required"]) == expected


def test_batch_lines() -> None:
    """Issue #5 CLI batch shape: {"id", "request"} in, {"id", ...response} out; errors name the field."""
    lines = [
        json.dumps({"id": "a", "request": request("2B001", "US")}),
        json.dumps({"id": "b", "request": request("2B001", "XX")}),
    ]
    out = [json.loads(x) for x in determine_batch(lines, context=CTX, known_codes=KNOWN.__contains__)]
    assert out[0]["id"] == "a" and out[0]["licence_required"] is True
    assert out[1]["id"] == "b" and out[1]["error"]["field"] == "destination"


# --- bad input: RequestError naming the field --------------------------------------------------------------

BAD: list[tuple[str, dict[str, Any], str]] = [
    ("unknown-destination", request("2B001", "XX"), "destination"),
    ("empty-destination", request("2B001", ""), "destination"),
    (
        "missing-destination",
        {k: v for k, v in request("2B001", "US").items() if k != "destination"},
        "destination",
    ),
    ("origin-not-ms", request("2B001", "US", origin="US"), "exporter_member_state"),
    (
        "origin-missing",
        {k: v for k, v in request("2B001", "US").items() if k != "exporter_member_state"},
        "exporter_member_state",
    ),
    ("activity-unknown", request("2B001", "US", "import"), "activity"),
    ("activity-missing", {k: v for k, v in request("2B001", "US").items() if k != "activity"}, "activity"),
    ("lines-empty", {**request("2B001", "US"), "lines": []}, "lines"),
    ("lines-missing", {k: v for k, v in request("2B001", "US").items() if k != "lines"}, "lines"),
    ("code-unknown", request("9Z999", "US"), "lines[0].control_code"),
    ("code-not-used-entry", request("5A001.zz", "US"), "lines[0].control_code"),
    ("code-garbage", request("hello", "US"), "lines[0].control_code"),
    ("transfer-outside-eu", request("5A004.a", "US", "intra_eu_transfer"), "destination"),
    ("transfer-to-self", request("5A004.a", "DE", "intra_eu_transfer"), "destination"),
    ("export-to-member-state", request("2B001", "FR"), "destination"),
    ("flag-not-bool", request(None, "US", end_use={"informed_wmd": "yes"}), "end_use.informed_wmd"),
    ("end-user-type", request("2B001", "US", end_user_type="alien"), "end_user_type"),
    ("free-zone-not-bool", request("2B001", "US", free_zone="maybe"), "free_zone"),
    (
        "quantity-negative",
        {**request("2B001", "US"), "lines": [{"control_code": "2B001", "quantity": -1}]},
        "lines[0].quantity",
    ),
]


@pytest.mark.parametrize(("req", "field_name"), [(r, f) for _, r, f in BAD], ids=[i for i, _, _ in BAD])
def test_bad_input_names_the_field(req: dict[str, Any], field_name: str) -> None:
    """Issue #5: bad input is a 400-style RequestError naming the field, never a crash."""
    with pytest.raises(RequestError) as err:
        run(req)
    assert err.value.field == field_name


def test_every_ugea_code_is_known() -> None:
    """Every code the engine reports is one of EU001-EU008 (Annex II Sections A-H)."""
    out = run(request("2B001", "US", free_zone=True))
    assert set(out["unusable_general_authorisations"]) <= set(UGEAS)  # type: ignore[arg-type]


def test_one_requirement_per_line_and_basis_bases_deduplicated() -> None:
    """Issue #5: requirements are one per line and basis; legal_bases lists each basis once, in article order."""
    req = request("2B001", "BR", end_use={"aware_wmd": True})
    req["lines"] += [{"control_code": "5A002.a.2"}, {"control_code": None}]
    out = run(req)
    assert out["licence_required"] is True
    assert out["legal_bases"] == ["Art 3(1)", "Art 4(2)"]
    pairs = sorted((r["line"], r["basis"]) for r in out["requirements"])  # type: ignore[union-attr]
    assert pairs == [(0, "Art 3(1)"), (1, "Art 3(1)"), (2, "Art 4(2)")]
    assert usable(out) == set(), "aware of a WMD use: every UGEA is barred (Annex II Part 3)"


def test_art_4_1_b_outside_the_embargo_list_is_explained() -> None:
    """Art 4(1)(b): the purchasing country may be the embargoed one; the answer says so for a listed-free destination."""
    out = run(request(None, "BR", end_use=EMBARGO))
    assert out["legal_bases"] == ["Art 4(1)(b)"]
    assert any("purchasing country" in r for r in out["reasons"])  # type: ignore[union-attr]


def test_china_flagged_not_blocked() -> None:
    """§9: the 1989 China embargo has no Council act: flagged, never treated as an Art 2(19) embargo."""
    out = run(request("5A001.c", "CN"))
    assert usable(out) == {"EU005"}
    assert any("political embargo" in r for r in out["reasons"])  # type: ignore[union-attr]


def test_annex_iv_part_ii_says_no_national_general_authorisation() -> None:
    """§11.6: Part II items never go under a national general authorisation for intra-Union trade."""
    out = run(request("1C351.d.4", "FR", "intra_eu_transfer"))
    assert any("No national general authorisation" in r for r in out["reasons"])  # type: ignore[union-attr]
    part_i = run(request("5A004.a", "FR", "intra_eu_transfer"))
    assert any(
        "national general authorisation for intra-Union trade is possible" in r for r in part_i["reasons"]
    )  # type: ignore[union-attr]


def test_unusable_reasons_cite_annex_ii() -> None:
    """Each unusable UGEA gives its reason with the Annex II section (or Section I) that applies."""
    out = run(request("5A002.a.2", "CN", free_zone=True))
    for code, why in out["unusable_general_authorisations"].items():  # type: ignore[union-attr]
        assert "Annex II" in why, (code, why)


def test_flattened_end_use_flags_accepted() -> None:
    """Contract leniency: the end_use flags given at the top level mean the same; a contradiction is an error."""
    out = run({**request(None, "CN"), "informed_wmd": True})
    assert out["licence_required"] is True and out["legal_bases"] == ["Art 4(1)(a)"]
    with pytest.raises(RequestError) as err:
        run({**request(None, "CN", end_use={"informed_wmd": False}), "informed_wmd": True})
    assert err.value.field == "informed_wmd"
    with pytest.raises(RequestError) as err:
        run({**request(None, "CN"), "aware_wmd": "yes"})
    assert err.value.field == "aware_wmd"


def test_annex_iv_row_code_carries_its_limit_as_scope() -> None:
    """Annex IV 9A004 (launch vehicles only): the row's own code is the Annex IV item, narrowed to 9A004.a."""
    out = run(request("9A004", "FR", "intra_eu_transfer"))
    scope = " ".join(out["requirements"][0]["scope_conditions"])  # type: ignore[index]
    assert "9A004.a" in scope and "500 kg" in scope
    assert "9A004.a" in run(request("9A004", "US"))["unusable_general_authorisations"]["EU001"]  # type: ignore[index]
    assert "5d002.a.3.a" in conditions(run(request("5D002", "US")), "EU001")  # lower-cased text


def test_random_requests_never_crash_and_keep_the_invariants() -> None:
    """Issue #5: bad input is a RequestError naming a field, never a crash; answers keep their invariants
    (licence_required in {true, false, "notify"}; a UGEA only when a licence is required; never both lists)."""
    rng = random.Random(7)
    codes = sorted(KNOWN)
    odd: list[Any] = [None, True, 0, "", "x", [], {}, -1, 1.5, "US", ["US"], {"a": 1}]
    activities = ["export", "re_export", "brokering", "technical_assistance", "transit", "intra_eu_transfer"]
    flags = ["informed_wmd", "aware_wmd", "informed_military_embargo", "informed_illegal_military_parts"]
    flags += ["informed_cyber_surveillance", "aware_cyber_surveillance"]
    for _ in range(1500):
        req: dict[str, Any] = {
            "exporter_member_state": rng.choice(["DE", "FR", "EL"]),
            "activity": rng.choice(activities),
            "destination": rng.choice(["US", "CN", "RU", "FR", "BR", "IN", "KR", "HT", "XK"]),
            "lines": [{"control_code": rng.choice([*codes[:50], None, rng.choice(codes)])}],
            "end_use": {f: rng.random() < 0.2 for f in flags},
            "temporary": rng.choice([None, True, False]),
            "exhibition": rng.random() < 0.3,
            "after_repair": rng.random() < 0.3,
            "intra_group": rng.random() < 0.3,
            "end_user_type": rng.choice([None, "government", "commercial"]),
            "free_zone": rng.random() < 0.2,
        }
        if rng.random() < 0.3:
            req[rng.choice([*req, "lines"])] = rng.choice(odd)
        error: RequestError | None = None
        try:
            out = run(req)
        except RequestError as exc:
            error = exc
        if error is not None:
            assert error.field and error.message
            continue
        json.dumps(out)
        assert out["licence_required"] in (True, False, "notify")
        found = usable(out)
        assert not found & set(out["unusable_general_authorisations"])  # type: ignore[arg-type]
        assert out["licence_required"] is True or not found
        assert all(BASIS.match(b) for b in out["legal_bases"])  # type: ignore[union-attr]
