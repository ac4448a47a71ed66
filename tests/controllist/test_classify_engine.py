"""The Annex I classification engine: pure, no database, fast (one index build per session)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from dualuse.controllist.classify import (
    Classification,
    ClassifierIndex,
    load_definitions_jsonl,
    load_entries_jsonl,
)
from dualuse.controllist.classify.crypto import analyse
from dualuse.controllist.classify.index import definition_key
from dualuse.controllist.classify.quantities import entry_thresholds, query_quantities
from dualuse.controllist.classify.records import EntryRecord
from dualuse.controllist.classify.text import fold

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / ".." / "shared" / "data"
LABELS = ROOT / "benchmarks" / "data" / "classify_labelled.jsonl"


@pytest.fixture(scope="module")
def index() -> ClassifierIndex:
    return ClassifierIndex.build(
        load_entries_jsonl(DATA / "annex-i.jsonl"), load_definitions_jsonl(DATA / "annex-i-definitions.jsonl")
    )


def top_codes(result: Classification, n: int = 5) -> list[str]:
    return [r.code for r in result.results[:n]]


def under(code: str, expected: str) -> bool:
    return code == expected or code.startswith(expected + ".")


# --- synonyms and trade names -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Stingray-type cell-site simulator for police", "5A001.f"),
        ("IMSI catcher, vehicle-mounted, 2G/3G/4G", "5A001.f"),
        (
            "Deep packet inspection engine for a national IP backbone with metadata extraction and indexing",
            "5A001.j",
        ),
        ("Spyware platform with zero-click infection and command and control server", "4D004"),
        ("Freeze dryer (lyophilizer), steam sterilisable, for vaccine production", "2B352"),
        ("Quadcopter drone with 90 minutes endurance, flies beyond visual line of sight", "9A012"),
    ],
)
def test_trade_names_reach_the_annex_entry(index: ClassifierIndex, text: str, expected: str) -> None:
    result = index.classify(text)
    assert under(top_codes(result, 1)[0], expected), top_codes(result)
    assert result.verdict == "listed"


def test_synonym_is_explained(index: ClassifierIndex) -> None:
    best = index.classify("IMSI catcher").results[0]
    assert any("imsi" in line for line in best.why)
    assert 0.0 < best.score <= 1.0
    assert set(best.to_json()) == {"code", "score", "why"}


def test_cas_number_alone_finds_the_chemical(index: ClassifierIndex) -> None:
    assert top_codes(index.classify("CAS 102-71-6, 200 kg"), 1) == ["1C350.46"]


# --- units and decimal commas -------------------------------------------------------------------


def test_units_and_decimal_commas_convert_to_si() -> None:
    values = {
        q.raw: (q.dim, q.value)
        for q in query_quantities("1,5 GHz; 4 µm; 100 W; 1,000 W; 2 kW; 0,5 mm; -40 °C")
    }
    assert values["1,5 GHz"] == ("frequency", pytest.approx(1.5e9))
    assert values["4 µm"] == ("length", pytest.approx(4e-6))
    assert values["100 W"] == ("power", pytest.approx(100.0))
    assert values["1,000 W"] == ("power", pytest.approx(1000.0))
    assert values["2 kW"] == ("power", pytest.approx(2000.0))
    assert values["0,5 mm"] == ("length", pytest.approx(5e-4))
    assert values["-40 °C"] == ("temperature", pytest.approx(233.15))


def test_entry_thresholds_read_comparators_ranges_and_powers_of_ten() -> None:
    (repeatability, travel) = entry_thresholds(
        '"Unidirectional positioning repeatability" equal to or less (better) than 0,9 μm along one or more linear axis with a travel length less than 1,0 m;'
    )
    assert (repeatability.op, repeatability.value) == ("le", pytest.approx(9e-7))
    assert (travel.op, travel.value) == ("lt", pytest.approx(1.0))
    low, high = entry_thresholds("Being radio equipment operating in the 1,5 MHz to 87,5 MHz band")
    assert (low.op, low.value, high.op, high.value) == (
        "ge",
        pytest.approx(1.5e6),
        "le",
        pytest.approx(87.5e6),
    )
    (stress,) = [
        t
        for t in entry_thresholds("a 'proof test' tensile stress of 2 × 109 N/m2 or more;")
        if t.dim == "pressure"
    ]
    assert (stress.op, stress.value) == ("ge", pytest.approx(2e9))


def test_positioning_accuracy_in_micrometres_meets_the_machine_tool_threshold(index: ClassifierIndex) -> None:
    listed = index.classify("CNC grinding machine, positioning accuracy 4 µm along all linear axes")
    assert listed.verdict == "listed"
    assert under(listed.results[0].code, "2B201")
    assert any("parameter met" in line for line in listed.results[0].why)


# --- thresholds not met -> not listed, with the reason ------------------------------------------


@pytest.mark.parametrize(
    ("text", "entry"),
    [
        ("Turbomolecular vacuum pump, inlet 160 mm, pumping speed 0,7 m3/s", "2B231"),
        ("Hot isostatic press, chamber inside diameter 120 mm, maximum working pressure 50 MPa", "2B"),
        ("Glass-lined reaction vessel, 50 litres, for a pilot plant", "2B350"),
        ("Photomultiplier tube, photocathode area 5 cm2, anode pulse rise time 2 ns", "6A202"),
    ],
)
def test_below_threshold_is_not_listed_with_the_threshold_named(
    index: ClassifierIndex, text: str, entry: str
) -> None:
    result = index.classify(text)
    assert result.verdict == "not_listed"
    assert any("threshold not reached" in r and entry in r for r in result.released_by), result.released_by


def test_above_threshold_twin_is_listed(index: ClassifierIndex) -> None:
    result = index.classify("Photomultiplier tube, photocathode area 30 cm2, anode pulse rise time 0,5 ns")
    assert result.verdict == "listed"
    assert under(result.results[0].code, "6A202")


# --- cryptography -------------------------------------------------------------------------------


def test_cryptography_note_releases_mass_market_encryption(index: ClassifierIndex) -> None:
    result = index.classify("Consumer smartphone with AES-256 encrypted messaging, sold in retail stores")
    assert result.verdict == "not_listed"
    assert any("Cryptography Note" in r for r in result.released_by)


def test_strong_professional_encryption_is_listed(index: ClassifierIndex) -> None:
    result = index.classify(
        "IP network encryptor, AES-256 with RSA 3072 key exchange, for government networks"
    )
    assert result.verdict == "listed"
    assert under(result.results[0].code, "5A002.a")


def test_short_keys_are_not_a_described_security_algorithm(index: ClassifierIndex) -> None:
    result = index.classify("Serial link encryptor using DES with 56-bit keys")
    assert result.verdict == "not_listed"
    assert any("Technical Note 2" in r for r in result.released_by)
    facts = analyse(fold("link encryptor aes-128"))
    assert facts.strong and not facts.weak_only and not facts.mass_market


def test_banking_cryptography_is_excluded(index: ClassifierIndex) -> None:
    result = index.classify("Point-of-sale payment terminal with 3DES PIN encryption")
    assert result.verdict == "not_listed"
    assert any("banking" in r for r in result.released_by)


# --- software and technology refer to their hardware entry ---------------------------------------


def test_software_ranks_the_software_entry_of_the_hardware(index: ClassifierIndex) -> None:
    result = index.classify("Encryption software with AES-256 for government data at rest")
    assert top_codes(result, 1)[0].startswith("5D002")
    assert index.items[index.code_row[top_codes(result, 1)[0]]].record.group == "D"


def test_technology_ranks_a_technology_entry(index: ClassifierIndex) -> None:
    result = index.classify(
        "Technical data and know-how for the production of gas centrifuges for uranium enrichment"
    )
    assert index.items[index.code_row[top_codes(result, 1)[0]]].record.group == "E"
    assert top_codes(result, 1)[0].startswith("0E001")


def test_hardware_description_prefers_hardware(index: ClassifierIndex) -> None:
    result = index.classify("Thermal imaging camera with cooled 640x512 focal plane array, 60 Hz")
    assert index.items[index.code_row[top_codes(result, 1)[0]]].record.group == "A"


# --- hierarchy ----------------------------------------------------------------------------------


def test_sub_item_inherits_its_parents_lead_in(index: ClassifierIndex) -> None:
    item = index.items[index.code_row["5A001.f.2"]]
    assert "mobil" not in item.own_terms and "mobil" in item.path_terms
    result = index.classify("mobile telecommunications interception of subscriber identifiers")
    assert top_codes(result, 1) == ["5A001.f.2"]


def test_build_accepts_records_without_files() -> None:
    records = [
        EntryRecord("9X001", None, "9X001", 0, 9, "A", "Widgets as follows:"),
        EntryRecord("9X001.a", "9X001", "9X001", 1, 9, "A", "Having a mass exceeding 10 kg;"),
        EntryRecord("9X002", None, "9X002", 0, 9, "A", "Not used", not_used=True),
    ]
    small = ClassifierIndex.build(records)
    assert len(small) == 2
    assert small.classify("widgets, mass 20 kg").results[0].code == "9X001.a"
    assert small.classify("widgets, mass 2 kg").verdict == "not_listed"


# --- verdicts on a few dozen descriptions --------------------------------------------------------

CASES = [
    ("Portable GSM interceptor capturing calls and SMS off the air", "5A001.f"),
    ("Ruggedised hydrophone towed array for seismic and sonar survey", "6A001"),
    ("Night vision goggles with Gen 3 GaAs image intensifier tubes", "6A002"),
    ("Caesium optically pumped magnetometer for airborne surveys", "6A006"),
    ("Ring laser gyro inertial navigation system for aircraft", "7A003"),
    ("Anti-jam GNSS receiver with controlled reception pattern antenna", "7A005"),
    ("Autonomous underwater vehicle with acoustic command link, rated 3000 m", "8A001"),
    ("Syntactic foam for deep-sea buoyancy, 4000 m rating, density 480 kg/m3", "8C001"),
    ("Agricultural crop spraying system for UAVs delivering 30 µm droplets at 5 litres per minute", "9A350"),
    ("Aerial spraying drone kit with fogging nozzles for fitting to unmanned aircraft", "9A350"),
    ("Solid rocket motor for sounding rockets with total impulse capacity of 1,5 MNs", "9A007"),
    ("Earth observation cubesat platform (spacecraft bus)", "9A004"),
    ("Phosphorus oxychloride, 99 %, CAS 10025-87-3", "1C350"),
    ("Sodium fluoride technical grade, 1 t bags", "1C350"),
    ("Potassium bifluoride for metal surface treatment", "1C350"),
    ("Concealable soft body armour vest for security staff", "1A005"),
    ("Heavy water, 99,9 % D2O, 50 kg", "0C003"),
    ("High-performance computing cluster, APP 150 Weighted TeraFLOPS", "4A003"),
    ("Gate-based quantum computer with 60 physical qubits and C-NOT error of 5e-5", "4A506"),
    (
        "Continuous centrifugal separator, steam sterilisable in situ, 300 l/h, closed, for pathogen work",
        "2B352",
    ),
    ("Kitchen blender with 1200 W motor and glass jug", None),
    ("Garden hose reel with 30 m hose", None),
    ("Children's toy walkie-talkie set for kids", None),
    ("Wi-Fi router for home users with WPA2 encryption, sold in electronics retail stores", None),
    ("Facial recognition access control terminal for office buildings", None),
    ("Small vacuum pump for laboratory rotary evaporators, 2 m3/h", None),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_verdict(index: ClassifierIndex, text: str, expected: str | None) -> None:
    result = index.classify(text)
    if expected is None:
        assert result.verdict == "not_listed", top_codes(result)
        assert result.released_by and all(result.released_by)
    else:
        assert result.verdict == "listed", result.released_by
        assert any(under(c, expected) for c in top_codes(result)), top_codes(result)


def test_labelled_set_meets_the_targets(index: ClassifierIndex) -> None:
    rows = [json.loads(line) for line in LABELS.read_text(encoding="utf-8").splitlines() if line.strip()]
    listed = [r for r in rows if r["expected"]]
    unlisted = [r for r in rows if not r["expected"]]
    assert len(rows) >= 100 and len(unlisted) >= 25
    assert {r["id"][1] for r in listed} >= set("0123456789")
    top5 = sum(any(under(c, r["expected"]) for c in top_codes(index.classify(r["text"]))) for r in listed)
    recognised = sum(index.classify(r["text"]).verdict == "not_listed" for r in unlisted)
    assert top5 / len(listed) >= 0.95
    assert recognised / len(unlisted) >= 0.8


# --- purity ---------------------------------------------------------------------------------------


def test_engine_imports_without_django() -> None:
    code = "import sys, dualuse.controllist.classify as c; c.ClassifierIndex; print('django' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


# --- second round: units, sister entries, lead-ins, mixtures, derived values -------------------------


@pytest.mark.parametrize(
    ("text", "dim", "value"),
    [
        ("12-bit ADC, 3 GSPS", "sample_rate", 3e9),
        ("total impulse 1,5 MNs", "impulse", 1.5e6),
        ("bias stability 50 µg over one year", "acceleration_bias", 50e-6),
        ("total dose 1 Mrad(Si)", "dose", 1e4),
        ("long-term stability 1 × 10-13 per month", "per_month", 1e-13),
        ("furnace rated 1 750 °C", "temperature", 2023.15),
        ("sensitivity 0,6 pT/√Hz", "magnetic", 0.6e-12),
        ("static accuracy 0,5 mGal", "gravity", 0.5e-5),
        ("D-T tube, 10^8 n/s", "neutron_rate", 1e8),
        ("5-axis simultaneous machining centre", "axes", 5.0),
        ("600 Wh/kg at 20 °C", "energy_density", 600 * 3600.0),
    ],
)
def test_product_sheet_units_are_read(text: str, dim: str, value: float) -> None:
    found = [q for q in query_quantities(text) if q.dim == dim]
    assert found and found[0].value == pytest.approx(value, rel=1e-3)


def test_annex_units_and_axis_counts_become_thresholds() -> None:
    (stability,) = entry_thresholds(
        "Non-rubidium and having a long-term stability less (better) than 1 × 10-11/month; or"
    )
    assert (stability.dim, stability.op, stability.value) == ("per_month", "lt", pytest.approx(1e-11))
    (axes,) = entry_thresholds(
        'Five or more axes which can be coordinated simultaneously for "contouring control"'
    )
    assert (axes.dim, axes.op, axes.value) == ("axes", "ge", 5.0)
    assert entry_thresholds("Two or more contouring rotary axes") == []  # rotary axes are not a total count


def test_qualified_values_and_ranges() -> None:
    (speed,) = query_quantities("free-surface velocities above 1 km/s")
    assert speed.value > 1000.0  # "above 1 km/s" meets "exceeding 1 km/s"
    low, high = query_quantities("covering 30 MHz to 6 GHz")
    assert high.context == low.context  # the upper end measures the same thing


def test_specific_modulus_is_derived_from_modulus_and_density() -> None:
    derived = [q for q in query_quantities("tensile modulus 72 GPa, density 2,54 g/cm³") if q.dim == "length"]
    assert derived and derived[0].value == pytest.approx(72e9 / (2540 * 9.80665), rel=1e-6)
    assert "specific" in derived[0].context


def test_excluded_codes_read_short_forms() -> None:
    from dualuse.controllist.classify.sisters import excluded_codes

    assert excluded_codes("prepregs, other than those specified in 1C010.a., .b. or .e., as follows:") == (
        "1C010.a",
        "1C010.b",
        "1C010.e",
    )
    assert excluded_codes("Machine tools, other than those specified in 2B001, as follows") == ("2B001",)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("GPS receiver with adaptive antenna (CRPA) for aircraft", "7A005"),
        ("GNSS receiver designed for sounding rockets and space launch vehicles", "7A105"),
        (
            "Flow-forming machine, CNC, 3 axes coordinated for contouring control, roller force 40 kN, "
            "for rocket motor cases",
            "2B109",
        ),
        (
            "Solid propellant rocket motor, total impulse 0,9 MNs, usable in rockets with 300 km range",
            "9A107",
        ),
        ("Solid rocket motor, total impulse 1,5 MNs", "9A007"),
        ("Maraging steel round bar Ø 220 mm, UTS 2 390 MPa", "1C216"),
    ],
)
def test_sister_entries_prefer_the_first_entry_unless_the_purpose_is_named(
    index: ClassifierIndex, text: str, expected: str
) -> None:
    result = index.classify(text)
    assert result.verdict == "listed"
    assert under(result.results[0].code, expected)


def test_lead_in_needs_one_alternative(index: ClassifierIndex) -> None:
    slow = index.classify("12-bit ADC, 100 MSPS, for industrial data acquisition")
    assert slow.verdict == "not_listed"
    assert any("3A001.a.5" in reason for reason in slow.released_by)
    fast = index.classify("12-bit ADC, 3 GSPS sampling, JESD204C")
    assert fast.verdict == "listed"
    assert under(fast.results[0].code, "3A001.a.5.a")


@pytest.mark.parametrize(
    ("text", "verdict", "phrase"),
    [
        ("Ink formulation containing 8 % thiodiglycol by weight", "not_listed", "Note 2 to 1C350"),
        ("Liquid shampoo containing 4 % triethanolamine", "not_listed", "Note 3 to 1C350"),
        ("Thiodiglycol solution 25 % in water", "not_listed", "States Party"),
        ("Thiodiglycol (TDG) 99 %, CAS 111-48-8, 220 kg drums", "listed", ""),
    ],
)
def test_mixture_notes_release_low_shares(
    index: ClassifierIndex, text: str, verdict: str, phrase: str
) -> None:
    result = index.classify(text)
    assert result.verdict == verdict
    assert all(phrase in reason for reason in result.released_by) if phrase else not result.released_by


def test_note_with_a_size_limit_releases_small_forms(index: ClassifierIndex) -> None:
    small = index.classify("Maraging steel test blocks 50 × 50 × 50 mm, UTS 2 000 MPa")
    assert small.verdict == "not_listed"
    assert "1C216" in small.released_by[0]


def test_glass_fibre_below_the_specific_modulus_is_not_listed(index: ClassifierIndex) -> None:
    result = index.classify("E-glass roving, tensile modulus 72 GPa, density 2,54 g/cm³, for boat hulls")
    assert result.verdict == "not_listed"


def test_every_synonym_hint_names_a_live_item(index: ClassifierIndex) -> None:
    from dualuse.controllist.classify.synonyms import SYNONYMS

    for synonym in SYNONYMS:
        for hint in synonym.hints:
            assert hint in index.code_row, (synonym.phrases[0], hint)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Cellebrite-type kit that bypasses the lock screen passcode and extracts the file system",
            "5A004.b",
        ),
        ("Hailstorm cell-site simulator", "5A001.f"),
        ("Anthrax (Bacillus anthracis) isolated live culture", "1C351.c"),
        ("Rechargeable lithium-ion cell, 400 Wh/kg at 20 °C", "3A001.e.1.b"),
        ("Helix travelling wave tube, 35 GHz, 100 W CW", "3A001.b.1"),
    ],
)
def test_second_round_vocabulary(index: ClassifierIndex, text: str, expected: str) -> None:
    assert any(under(code, expected) for code in top_codes(index.classify(text), 3))


@pytest.mark.parametrize(
    "text",
    [
        "4K IP CCTV dome camera, H.265, ONVIF",
        "Half-mask respirator with organic vapour filters (A2) for spray painting",
        "Class II biological safety cabinet, open front, HEPA filtered",
    ],
)
def test_second_round_not_listed(index: ClassifierIndex, text: str) -> None:
    result = index.classify(text)
    assert result.verdict == "not_listed"
    assert result.released_by and all(result.released_by)


# --- third round: general reasoning for not-listed answers -------------------------------------------


def test_negation_scopes_cover_the_negated_feature_only() -> None:
    from dualuse.controllist.classify.negation import mask, negated_terms, scopes

    folded = fold("Extraction kit for unlocked phones; no passcode bypass, without JTAG and with a USB hub")
    negated = negated_terms(folded)
    assert {"passcod", "bypass", "jtag"} <= negated
    assert "hub" not in negated and "phon" not in negated
    assert "bypass" not in mask(folded, scopes(folded))
    assert not negated_terms(fold("no more than 5 kg, not exceeding 3 W"))  # comparisons are not negations


def test_a_negated_requirement_counts_against_the_entry(index: ClassifierIndex) -> None:
    result = index.classify(
        "Accelerometer for monitoring pump vibration, 200 g range, not designed for inertial navigation"
    )
    assert result.verdict == "not_listed"
    assert result.released_by


def test_strong_evidence_keeps_a_long_sheet_listed(index: ClassifierIndex) -> None:
    text = (
        "Compact rucksack-sized unit for field teams: makes nearby handsets attach to it and records their IMSI "
        "and IMEI, battery 6 h, web interface, rugged case, export of logs to spreadsheet"
    )
    result = index.classify(text)
    assert result.verdict == "listed"
    assert any(under(c, "5A001.f") for c in top_codes(result))


def test_formula_limits_are_compared_at_two_lengths(index: ClassifierIndex) -> None:
    from dualuse.controllist.classify.derived import derived_quantities, formula_thresholds

    limits = formula_thresholds("E0,MPE equal to or less (better) than (1,7 + L/1000) μm (L in mm)")
    assert [(t.op, round(t.value * 1e6, 3)) for t in limits] == [("le", 1.7), ("le", 2.7)]
    stated = derived_quantities("E0,MPE = (2,8 + L/250) µm", [])
    assert [round(q.value * 1e6, 3) for q in stated] == [2.8, 6.8]
    worse = index.classify("CNC coordinate measuring machine, E0,MPE = (3,5 + L/300) µm to ISO 10360-2")
    better = index.classify("CNC coordinate measuring machine, E0,MPE = (0,8 + L/1000) µm to ISO 10360-2")
    assert worse.verdict == "not_listed"
    assert any("2B006" in r or "2B206" in r for r in worse.released_by)
    assert better.verdict == "listed" and under(top_codes(better)[0], "2B006.a")


def test_energy_density_is_derived_from_voltage_capacity_and_mass(index: ClassifierIndex) -> None:
    from dualuse.controllist.classify.derived import derived_quantities

    text = "Rechargeable lithium-ion cell, 3,7 V, 5 000 mAh, 70 g"
    derived = [q for q in derived_quantities(text, query_quantities(text)) if q.dim == "energy_density"]
    assert len(derived) == 1 and round(derived[0].value / 3600) == 264
    result = index.classify(text)
    assert result.verdict == "not_listed"
    assert any("3A001.e.1" in r for r in result.released_by)


def test_milli_g_bias_is_an_acceleration_not_a_mass() -> None:
    from dualuse.controllist.classify.derived import derived_quantities

    text = "MEMS accelerometer, bias stability 3 mg over one year"
    (bias,) = [q for q in derived_quantities(text, query_quantities(text)) if q.raw == "3 mg"]
    assert bias.dim == "acceleration_bias" and bias.value == pytest.approx(3e-3)


def test_lead_in_comparator_before_any_of_the_following() -> None:
    from dualuse.controllist.classify.quantities import trailing_comparator

    assert (
        trailing_comparator(
            "Induction coil magnetometers having a sensitivity less (better) than any of the following:"
        )
        == "lt"
    )
    assert trailing_comparator("Magnetometers having any of the following:") is None


def test_a_stated_alternative_missed_with_the_others_unstated_is_not_listed(index: ClassifierIndex) -> None:
    result = index.classify("Quartz accelerometer, ±10 g, bias stability over one year 500 micro g")
    assert result.verdict == "not_listed"
    assert any("not stated" in r or "130 micro g" in r for r in result.released_by)


def test_one_alternative_met_is_enough_under_any_of(index: ClassifierIndex) -> None:
    result = index.classify(
        "Hot isostatic press, hot zone diameter 450 mm, 150 MPa working pressure, maximum temperature 1 800 °C"
    )
    assert result.verdict == "listed"
    assert under(top_codes(result)[0], "2B004")


def test_notes_inside_technical_notes_and_definitions_release(index: ClassifierIndex) -> None:
    logical = index.classify(
        "Mobile forensic kit for logical extraction of contacts and messages from unlocked phones with the "
        "owner's consent; no passcode bypass"
    )
    debugger = index.classify("Interactive disassembler and debugger for software reverse engineering")
    assert logical.verdict == "not_listed"
    assert any("5A004.b" in r for r in logical.released_by)
    assert debugger.verdict == "not_listed"
    from dualuse.controllist.classify.reasoning import releasing_note
    from dualuse.controllist.classify.text import terms

    row = index.code_row["4D004"]
    query = set(terms("Interactive disassembler and debugger for software reverse engineering"))
    note = releasing_note(index, row, query, [])
    assert note is not None and 'definition of "intrusion software"' in note.lower()
    assert releasing_note(index, row, set(terms("exploit delivery platform")), []) is None


def test_materials_list_against_a_stated_material(index: ClassifierIndex) -> None:
    steel = index.classify("Agitated reaction vessel, 3 000 litres, wetted surfaces of stainless steel")
    glass = index.classify("Agitated reaction vessel, 3 000 litres, glass-lined, all wetted surfaces glass")
    trade = index.classify("Agitated reaction vessel, 3 000 litres, wetted surfaces Hastelloy C-22")
    assert steel.verdict == "not_listed" and "stainless" in steel.released_by[0]
    assert glass.verdict == "listed"
    assert trade.verdict == "listed"  # a trade name Annex I does not use decides nothing


def test_password_recovery_is_cryptanalysis(index: ClassifierIndex) -> None:
    # "password recovery" by dictionary attack is a cryptanalytic function (5A004.a), worded without "crypt"
    result = index.classify("Workstation that recovers passwords of protected archives by dictionary attacks")
    assert any(under(code, "5A004.a") for code in top_codes(result)), top_codes(result)


def test_plural_defined_term_reads_its_singular_definition() -> None:
    # 0C002 says "Special fissile materials"; the definitions define "Special fissile material"
    assert definition_key("Special fissile materials") == definition_key("special fissile material")
    records = [
        EntryRecord("0X001", None, "0X001", 0, 0, "C", '"Widget cores"', defined_terms=("Widget cores",)),
        EntryRecord("0X002", None, "0X002", 0, 0, "C", "Gadget housings"),
        EntryRecord("0X003", None, "0X003", 0, 0, "C", "Zirconium or hafnium sponge for crucibles"),
    ]
    small = ClassifierIndex.build(records, {"Widget core": '"Widget core" means zirconium hafnium sponge.'})
    scores = {r.code: r.score for r in small.classify("zirconium hafnium sponge").results}
    assert scores["0X001"] > scores.get("0X002", 0.0) + 0.05, scores


def test_tied_scores_keep_annex_order() -> None:
    records = [
        EntryRecord(f"9X{n:03d}", None, f"9X{n:03d}", 0, 9, "A", "Gizmo frames of titanium")
        for n in range(60)
    ]
    small = ClassifierIndex.build(records)
    assert top_codes(small.classify("titanium gizmo frames"), 10) == [f"9X{n:03d}" for n in range(10)]


def test_comparator_after_abbreviation_and_quoted_term_is_read() -> None:
    # 7A003.a.1: "0,8 nautical miles per hour (nm/hr) "Circular Error Probable" ("CEP") rate or less (better)"
    text = '0,8 nautical miles per hour (nm/hr) "Circular Error Probable" ("CEP") rate or less (better);'
    limits = entry_thresholds(text)
    assert [(t.dim, t.op) for t in limits] == [("drift", "le")]
    assert [q.dim for q in query_quantities("CEP 0.6 nm/hr")] == ["drift"]


def test_inertial_system_meeting_the_cep_rate_ranks_the_sub_item(index: ClassifierIndex) -> None:
    result = index.classify(
        "Ring-laser-gyro inertial navigation system for aircraft, 0.6 nm/h CEP without GPS"
    )
    assert under(top_codes(result)[0], "7A003.a"), top_codes(result)
