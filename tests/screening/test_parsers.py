"""The list parsers: sample counts, names and scripts, dates, identifiers, broken files. No DB."""

from __future__ import annotations

import io
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from dualuse.screening.parsers import FORMATS, ParseResult, detect_format, jsonstream, parse
from dualuse.screening.parsers.base import Collector
from dualuse.screening.parsers.dates import parse_birth_date
from dualuse.screening.parsers.identifiers import identifier, imo_valid, inn_valid, ogrn_valid
from dualuse.screening.parsers.names import guess_script
from dualuse.screening.parsers.xmlstream import iter_records
from dualuse.screening.records import BirthDate, Entity, NameQuality, Schema

SAMPLES = Path(__file__).resolve().parents[2] / ".." / "shared" / "data" / "samples"
FILES = {
    "eu-fsf": "eu-fsf-sample.xml",
    "un-sc": "un-consolidated-sample.xml",
    "us-csl": "us-csl-sample.json",
    "os-ftm": "opensanctions-sample.ftm.json",
    "os-csv": "opensanctions-targets.simple-sample.csv",
}
FORMAT_OF = {"os-ftm": "opensanctions", "os-csv": "opensanctions"}


def sample(key: str) -> bytes:
    return (SAMPLES / FILES[key]).read_bytes()


def run(key: str, data: bytes | None = None) -> ParseResult:
    return parse(FORMAT_OF.get(key, key), io.BytesIO(sample(key) if data is None else data))


def by_ref(result: ParseResult) -> dict[str, Entity]:
    return {e.ref: e for e in result.entities}


def fulls(entity: Entity) -> list[str]:
    return [n.full for n in entity.names]


# --- the samples, as the README table counts them -------------------------------------------


@pytest.mark.parametrize(
    ("key", "counts", "names"),
    [
        ("eu-fsf", {"person": 12, "organization": 10}, 82),
        ("un-sc", {"person": 13, "organization": 6}, None),
        ("us-csl", {"person": 8, "organization": 12, "vessel": 1}, None),
        ("os-ftm", {"person": 12, "organization": 9}, None),
        ("os-csv", {"person": 12, "organization": 9}, None),
    ],
)
def test_samples_parse_with_the_readme_counts(key: str, counts: dict[str, int], names: int | None) -> None:
    result = run(key)
    assert result.issues == []
    assert result.warnings == []
    assert result.count_by_schema == counts
    assert len(result.entities) == sum(counts.values())
    assert all(e.names for e in result.entities)
    if names is not None:  # every EU nameAlias is a distinct spelling
        assert sum(len(e.names) for e in result.entities) == names


def test_un_aliases_are_all_kept() -> None:
    # 28 ALIAS_NAME in the sample, each a spelling that is not the primary name.
    result = run("un-sc")
    aliases = re.findall(r"<ALIAS_NAME>([^<]+)</ALIAS_NAME>", sample("un-sc").decode())
    assert len(aliases) == 28
    all_names = {n.full for e in result.entities for n in e.names}
    assert set(aliases) <= all_names


@pytest.mark.parametrize(
    ("key", "ref"),
    [
        ("eu-fsf", "eu-fsf:EU.9901.47"),
        ("un-sc", "un-sc:QDi.951"),
        ("us-csl", "us-csl:99101"),
        ("us-csl", "us-csl:3498f74b123bfccaf84bed4c0547e41c"),
        ("os-ftm", "os:NK-PvJVjVaS9nZATs8XQ5rwMt"),
        ("os-csv", "os:NK-PvJVjVaS9nZATs8XQ5rwMt"),
    ],
)
def test_refs_follow_the_readme(key: str, ref: str) -> None:
    assert ref in by_ref(run(key))


@pytest.mark.parametrize("key", list(FILES))
def test_detect_format_sniffs_every_sample(key: str) -> None:
    assert detect_format(sample(key)[:4096]) == FORMAT_OF.get(key, key)
    assert detect_format(SAMPLES / FILES[key]) == FORMAT_OF.get(key, key)


@pytest.mark.parametrize("head", [b"", b"hello", b"<html><body/></html>", b'{"a": 1}\n', b"a,b,c\n1,2,3\n"])
def test_detect_format_says_none_for_other_files(head: bytes) -> None:
    assert detect_format(head) is None


def test_progress_reports_bytes_read_up_to_the_file_size() -> None:
    for key in FILES:
        seen: list[int] = []
        parse(FORMAT_OF.get(key, key), io.BytesIO(sample(key)), seen.append)
        assert seen, key
        assert seen == sorted(seen)
        assert seen[-1] == len(sample(key))


# --- names, scripts, weak aliases ------------------------------------------------------------


def test_eu_names_scripts_languages_and_weak_aliases() -> None:
    result = run("eu-fsf")
    person = by_ref(result)["eu-fsf:EU.9901.47"]
    cyrillic = [n for n in person.names if n.script == "Cyrillic"]
    assert [n.full for n in cyrillic] == ["Евгений Аркадьевич Кривоплёсов"]
    assert cyrillic[0].lang == "ru"
    primary = person.names[0]
    assert (primary.first, primary.middle, primary.last) == ("Yevgeniy", "Arkadyevich", "KRIVOPLYOSOV")
    assert person.gender == "male"
    weak = sorted(n.full for e in result.entities for n in e.names if n.quality is NameQuality.WEAK)
    assert weak == ["Abu Hamdan al-Iraqi", "Abu Yazan", "Mullah Sattar", "PSA Engineering"]
    scripts = {n.script for e in result.entities for n in e.names}
    assert {"Latin", "Cyrillic", "Arabic", "Han", "Hangul"} <= scripts


def test_un_low_quality_is_weak_and_original_script_kept() -> None:
    entities = by_ref(run("un-sc"))
    person = entities["un-sc:QDi.951"]
    assert [n.full for n in person.names if n.quality is NameQuality.WEAK] == ["Abu Yazan"]
    assert "محمد عبد الرحمن الفوازين" in fulls(person)
    korean = entities["un-sc:KPi.951"]
    assert [n.script for n in korean.names if n.full == "탁명규"] == ["Hangul"]
    # f.k.a. is a former name: still strong, the party may trade under it.
    company = entities["un-sc:KPe.951"]
    assert "Korea Chonryong General Trading Company" in [
        n.full for n in company.names if n.quality is NameQuality.STRONG
    ]


def test_persian_name_with_zero_width_non_joiner_keeps_it() -> None:
    person = by_ref(run("un-sc"))["un-sc:TAi.951"]
    persian = [n for n in person.names if "\u200c" in n.full]
    assert len(persian) == 1
    assert persian[0].script == "Arabic"


def test_ftm_weak_alias_and_name_parts() -> None:
    result = run("os-ftm")
    weak = sorted(n.full for e in result.entities for n in e.names if n.quality is NameQuality.WEAK)
    assert weak == ["Abu Hamdan al-Iraqi", "Abu Yazan", "PSA Engineering"]
    person = by_ref(result)["os:NK-PvJVjVaS9nZATs8XQ5rwMt"]
    assert person.names[0].last == "Krivoplyosov"
    assert person.programmes == ["EU-RUS", "US-OFAC-RUSSIA-EO14024"]
    assert person.listed_on == "2026-02-23"


def test_ofac_last_first_order_is_kept_next_to_the_natural_order() -> None:
    entities = by_ref(run("us-csl"))
    names = fulls(entities["us-csl:99101"])
    assert "KRIVOPLYOSOV, Yevgeniy Arkadyevich" in names
    assert "Yevgeniy Arkadyevich KRIVOPLYOSOV" in names
    inverted = [n for n in entities["us-csl:99101"].names if n.full.startswith("KRIVOPLYOSOV,")][0]
    assert (inverted.first, inverted.last) == ("Yevgeniy", "KRIVOPLYOSOV")
    # An organisation's comma is not an inversion.
    company = fulls(entities["us-csl:bc041ea0f31476c564ae76a7a57a2fe1"])
    assert "Shenzhen Leichuan Microelectronics Co., Ltd." in company
    assert not any(n.startswith("Ltd.") for n in company)


@pytest.mark.parametrize(
    ("text", "script"),
    [
        ("Кривоплёсов", "Cyrillic"),
        ("柯楠翔", "Han"),
        ("탁명규", "Hangul"),
        ("محمد", "Arabic"),
        ("Şükrü", "Latin"),
        ("123 !", None),
    ],
)
def test_guess_script(text: str, script: str | None) -> None:
    assert guess_script(text) == script


# --- dates, countries ----------------------------------------------------------------------


def test_partial_birth_dates_in_xml_lists() -> None:
    eu = by_ref(run("eu-fsf"))
    assert eu["eu-fsf:EU.9904.69"].birth_dates == [BirthDate(1983, circa=True)]
    ranges = [d for e in eu.values() for d in e.birth_dates if d.year_to]
    assert BirthDate(1960, year_to=1962, circa=True) in ranges
    un = by_ref(run("un-sc"))
    assert un["un-sc:QDi.952"].birth_dates == [BirthDate(1982, year_to=1984)]
    assert un["un-sc:SOi.951"].birth_dates == [BirthDate(1979, circa=True)]
    assert un["un-sc:QDi.951"].birth_dates == [BirthDate(1971, 7, 1)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("14 Mar 1968", BirthDate(1968, 3, 14)),
        ("circa 1983", BirthDate(1983, circa=True)),
        ("1960 to 1962", BirthDate(1960, year_to=1962)),
        ("Mar 1968", BirthDate(1968, 3)),
        ("1968", BirthDate(1968)),
        ("1968-03-14", BirthDate(1968, 3, 14)),
        ("31 Feb 1968", None),
        ("sometime", None),
    ],
)
def test_birth_date_strings(text: str, expected: BirthDate | None) -> None:
    assert parse_birth_date(text) == expected


def test_countries_are_iso_alpha2_from_names_and_codes() -> None:
    un = by_ref(run("un-sc"))
    assert un["un-sc:KPi.951"].countries == ["KP"]  # "Democratic People's Republic of Korea"
    csl = by_ref(run("us-csl"))
    assert csl["us-csl:99119"].countries == ["KM"]  # vessel flag "Comoros"
    assert all(re.fullmatch(r"[A-Z]{2}", c) for key in FILES for e in run(key).entities for c in e.countries)


# --- identifiers and check digits ----------------------------------------------------------


@pytest.mark.parametrize("value", ["2901991230", "1657994569", "7707083893", "500100732259"])
def test_valid_inn(value: str) -> None:
    assert inn_valid(value)


@pytest.mark.parametrize(
    "value", ["2901991231", "1657994560", "500100732258", "50010073225", "29019912a0", ""]
)
def test_invalid_inn(value: str) -> None:
    assert not inn_valid(value)


@pytest.mark.parametrize(("value", "valid"), [
    ("1022900991233", True), ("1027700132195", True), ("304500116000157", True),
    ("1022900991234", False), ("304500116000158", False), ("10229009912", False),
])  # fmt: skip
def test_ogrn_and_ogrnip(value: str, valid: bool) -> None:
    assert ogrn_valid(value) is valid


@pytest.mark.parametrize(
    ("value", "valid"), [("9876543", True), ("9074729", True), ("9876542", False), ("987654", False)]
)
def test_imo(value: str, valid: bool) -> None:
    assert imo_valid(value) is valid


def test_identifier_kinds_from_context() -> None:
    assert identifier("tax", "1657994569", "RU") == identifier("inn", "1657994569", "RU")
    assert identifier("registration", "1022900991233", "RU").kind == "ogrn"  # type: ignore[union-attr]
    imo = identifier("other", "IMO 9876543")
    assert imo is not None
    assert (imo.kind, imo.value, imo.valid) == ("imo", "9876543", True)
    bad = identifier("inn", "1657994560", "RU")
    assert bad is not None
    assert bad.valid is False
    assert identifier("passport", "719955310").valid is None  # type: ignore[union-attr]
    assert identifier("passport", "  ") is None


def test_sample_identifiers_are_typed_and_checked() -> None:
    eu = by_ref(run("eu-fsf"))
    company = eu["eu-fsf:EU.9913.46"]
    assert {(i.kind, i.value, i.valid) for i in company.identifiers} == {
        ("ogrn", "1022900991233", True),
        ("inn", "2901991230", True),
    }
    vessel = by_ref(run("us-csl"))["us-csl:99119"]
    assert [(i.kind, i.value, i.valid) for i in vessel.identifiers] == [("imo", "9876543", True)]
    csv_company = by_ref(run("os-csv"))["os:NK-G84fGMm9utSNxH8FoV743s"]
    assert {i.kind for i in csv_company.identifiers} == {"inn", "ogrn"}


def test_addresses_programmes_and_listing_dates() -> None:
    eu = by_ref(run("eu-fsf"))["eu-fsf:EU.9913.46"]
    assert eu.addresses[0].country == "RU"
    assert "Arkhangelsk" in eu.addresses[0].text
    assert eu.programmes == ["RUS"]
    assert eu.listed_on == "2026-02-23"
    un = by_ref(run("un-sc"))["un-sc:QDi.951"]
    assert (un.programmes, un.listed_on, un.gender) == (["Al-Qaida"], "2026-03-27", "male")
    csl = by_ref(run("us-csl"))
    assert csl["us-csl:3498f74b123bfccaf84bed4c0547e41c"].programmes == ["EL"]  # from the source name
    assert csl["us-csl:99101"].programmes == ["RUSSIA-EO14024"]


# --- broken files --------------------------------------------------------------------------


def _line(issue_where: str) -> int:
    match = re.search(r"line (\d+)", issue_where)
    assert match, issue_where
    return int(match[1])


@pytest.mark.parametrize("key", list(FILES))
def test_truncated_file_is_an_issue_with_a_line_number(key: str) -> None:
    data = sample(key)
    cut = data[: len(data) * 3 // 5]
    result = run(key, cut)
    assert result.issues
    assert _line(result.issues[-1].where) > 1
    assert _line(result.issues[-1].where) <= cut.count(b"\n") + 1


def test_truncated_xml_names_the_open_record() -> None:
    data = sample("eu-fsf")
    result = run("eu-fsf", data[: data.index(b"EU.9905.17") + 200])
    assert len(result.issues) == 1
    assert "inside <sanctionEntity>" in result.issues[0].message
    assert len(result.entities) == 4  # the four complete records, never a silent success


@pytest.mark.parametrize("fmt", list(FORMATS))
@pytest.mark.parametrize(
    "garbage", [b"", b"\x00\x01garbage\xff\xfe", b"hello world\n", b"<html><p>x</p></html>"]
)
def test_garbage_is_an_issue_not_an_exception(fmt: str, garbage: bytes) -> None:
    result = parse(fmt, io.BytesIO(garbage))
    assert result.issues
    assert result.entities == []


def test_unknown_format_is_an_issue() -> None:
    assert parse("nope", io.BytesIO(b"")).issues[0].where == "format"


def test_a_file_of_another_format_is_refused() -> None:
    result = run("eu-fsf", sample("un-sc"))
    assert result.issues
    assert "CONSOLIDATED_LIST" in result.issues[0].message
    assert run("us-csl", sample("os-ftm")).issues


def test_read_errors_become_issues() -> None:
    class Broken(io.RawIOBase):
        def readable(self) -> bool:
            return True

        def readinto(self, buffer: bytearray | memoryview) -> int:  # type: ignore[override]
            raise OSError("disk gone")

    for fmt in FORMATS:
        result = parse(fmt, Broken())  # type: ignore[arg-type]
        assert result.issues, fmt
        assert any("disk gone" in i.message or "read" in i.message for i in result.issues), fmt


EU_HEAD = '<?xml version="1.0" encoding="UTF-8"?>\n<export xmlns="http://eu.europa.ec/fpi/fsd/export">\n'


def test_eu_record_without_name_and_duplicate_ref_are_issues() -> None:
    xml = EU_HEAD + (
        '<sanctionEntity euReferenceNumber="EU.1.1"><subjectType code="person"/>\n'
        '<nameAlias wholeName="Ann Example" strong="true"/></sanctionEntity>\n'
        '<sanctionEntity euReferenceNumber="EU.1.2"><subjectType code="person"/>\n'
        '<nameAlias wholeName="" firstName=""/></sanctionEntity>\n'
        '<sanctionEntity euReferenceNumber="EU.1.1"><subjectType code="person"/>\n'
        '<nameAlias wholeName="Ann Other"/></sanctionEntity>\n'
        "</export>\n"
    )
    result = parse("eu-fsf", io.BytesIO(xml.encode()))
    assert [e.ref for e in result.entities] == ["eu-fsf:EU.1.1"]
    assert len(result.issues) == 2
    no_name, duplicate = result.issues
    assert no_name.where == "line 5, <sanctionEntity> #2"
    assert "no name" in no_name.message
    assert "duplicate" in duplicate.message
    assert "line 3" in duplicate.message


def test_unknown_elements_and_attributes_are_skipped() -> None:
    eu = EU_HEAD + (
        '<futureThing a="1"><nested/></futureThing>\n'
        '<sanctionEntity euReferenceNumber="EU.2.1" newAttribute="x"><subjectType code="enterprise"/>\n'
        '<nameAlias wholeName="Acme Optics" strong="true" sparkle="yes"><novelChild/></nameAlias>\n'
        "<HAS_INTERPOL_LINK>false</HAS_INTERPOL_LINK><!-- a comment --></sanctionEntity>\n"
        "</export>\n"
    )
    result = parse("eu-fsf", io.BytesIO(eu.encode()))
    assert result.issues == []
    assert [(e.ref, e.schema, fulls(e)) for e in result.entities] == [
        ("eu-fsf:EU.2.1", Schema.ORGANIZATION, ["Acme Optics"])
    ]
    un = (
        "<CONSOLIDATED_LIST><INDIVIDUALS><INDIVIDUAL><DATAID>1</DATAID><FIRST_NAME>ANN</FIRST_NAME>"
        "<SECOND_NAME>EXAMPLE</SECOND_NAME><REFERENCE_NUMBER>XXi.001</REFERENCE_NUMBER>"
        "<HAS_INTERPOL_LINK>true</HAS_INTERPOL_LINK><INDIVIDUAL_DATE_OF_BIRTH><TYPE_OF_DATE>EXACT"
        "</TYPE_OF_DATE><YEAR>1970</YEAR></INDIVIDUAL_DATE_OF_BIRTH></INDIVIDUAL></INDIVIDUALS>"
        "<NEW_SECTION><X/></NEW_SECTION></CONSOLIDATED_LIST>"
    )
    result = parse("un-sc", io.BytesIO(un.encode()))
    assert result.issues == []
    assert [(e.ref, fulls(e), e.birth_dates) for e in result.entities] == [
        ("un-sc:XXi.001", ["ANN EXAMPLE"], [BirthDate(1970)])
    ]
    csl = b'{"total": 1, "sources": [{"x": 1}], "results": [{"id": "7", "name": "Acme", "type": "Entity", "wow": [1, {"a": null}]}], "tail": true}'
    result = parse("us-csl", io.BytesIO(csl))
    assert result.issues == []
    assert [e.ref for e in result.entities] == ["us-csl:7"]
    ftm = (
        b'{"id": "X1", "schema": "Person", "target": true, "properties": {"name": ["Ann"], "shoeSize": ["9"]}, "new": 1}\n'
        b'{"id": "X2", "schema": "Ownership", "target": false, "properties": {"owner": ["X1"]}}\n'
    )
    result = parse("opensanctions", io.BytesIO(ftm))
    assert result.issues == []
    assert [e.ref for e in result.entities] == ["os:X1"]


def test_csv_with_fifteen_columns_and_quoted_multi_values() -> None:
    csv_text = (
        '"id","schema","name","aliases","birth_date","countries","addresses","identifiers",'
        '"sanctions","phones","emails","dataset","first_seen","last_seen","last_change"\n'
        '"X1","Company","Acme ""Optics""","Acme;""A;B Corp""","","ru","","1657994569",'
        '"RUS - 2026-02-23","","","ds","","",""\n'
    )
    result = parse("opensanctions", io.BytesIO(csv_text.encode()))
    assert result.issues == []
    (entity,) = result.entities
    assert fulls(entity) == ['Acme "Optics"', "Acme", "A;B Corp"]
    assert entity.programmes == ["RUS"]
    assert entity.listed_on == "2026-02-23"
    assert [(i.kind, i.valid) for i in entity.identifiers] == [("inn", True)]


def test_csv_row_with_wrong_column_count_names_its_line() -> None:
    csv_text = '"id","schema","name"\n"A","Person","Ann"\n"B","Person"\n'
    result = parse("opensanctions", io.BytesIO(csv_text.encode()))
    assert [e.ref for e in result.entities] == ["os:A"]
    assert result.issues[0].where == "line 3"


def test_ftm_broken_line_and_sanction_before_its_target() -> None:
    ftm = (
        b'{"id": "S1", "schema": "Sanction", "target": false, "properties": {"entity": ["P1"], "program": ["RUS"], "startDate": ["2026-01-02"]}}\n'
        b'{"id": "P1", "schema": "Person", "target": true, "properties": {"name": ["Ann"], "birthDate": ["1970-05"]}}\n'
        b'{"id": "P2", "schema": "Person", "target": tr\n'
    )
    result = parse("opensanctions", io.BytesIO(ftm))
    assert [i.where for i in result.issues] == ["line 3"]
    (person,) = result.entities
    assert (person.programmes, person.listed_on, person.birth_dates) == (
        ["RUS"],
        "2026-01-02",
        [BirthDate(1970, 5)],
    )


def test_csl_broken_record_names_line_and_index() -> None:
    csl = b'{"results": [\n{"id": "1", "name": "A"},\n{"id": "2", "name": "B",,}\n]}'
    result = parse("us-csl", io.BytesIO(csl))
    assert [e.ref for e in result.entities] == ["us-csl:1"]
    assert result.issues[0].where == "line 3"
    assert "results[1]" in result.issues[0].message


def test_csl_record_without_name_or_id_is_an_issue() -> None:
    csl = b'{"results": [{"id": "1", "name": ""}, {"name": "B"}, {"id": "3", "name": "C"}, {"id": "3", "name": "D"}]}'
    result = parse("us-csl", io.BytesIO(csl))
    assert [e.ref for e in result.entities] == ["us-csl:3"]
    messages = [i.message for i in result.issues]
    assert len(messages) == 3
    assert "no name" in messages[0]
    assert "'id'" in messages[1]
    assert "duplicate" in messages[2]
    assert result.issues[0].where == "line 1, results[0]"


def test_xml_entities_are_not_expanded() -> None:
    xml = (
        '<?xml version="1.0"?>\n<!DOCTYPE export [<!ENTITY x SYSTEM "file:///etc/passwd">]>\n'
        '<export xmlns="http://eu.europa.ec/fpi/fsd/export"><sanctionEntity euReferenceNumber="E">'
        '<nameAlias wholeName="A"/><remark>&x;</remark></sanctionEntity></export>'
    )
    result = parse("eu-fsf", io.BytesIO(xml.encode()))
    assert not any("root:" in e.remarks for e in result.entities)


# --- streaming -----------------------------------------------------------------------------


def test_xml_records_are_cleared_as_they_stream() -> None:
    records = "".join(
        f'<sanctionEntity euReferenceNumber="EU.{i}"><nameAlias wholeName="N {i}"/></sanctionEntity>'
        for i in range(200)
    )
    data = f'<export xmlns="http://eu.europa.ec/fpi/fsd/export">{records}</export>'.encode()
    before: list[int] = []
    for element, _ in iter_records(io.BytesIO(data), ("sanctionEntity",), "export", "x", Collector()):
        previous = list(element.itersiblings(preceding=True))
        before.append(len(previous))
        assert all(len(p) == 0 and not p.attrib for p in previous)  # the last one read is cleared
    assert len(before) == 200
    assert max(before) <= 1  # earlier records were dropped: memory does not grow with the file


def test_csl_reads_the_same_in_tiny_chunks(monkeypatch: pytest.MonkeyPatch) -> None:
    whole = run("us-csl").entities
    monkeypatch.setattr(jsonstream, "CHUNK_SIZE", 7)
    assert run("us-csl").entities == whole


def _large_ftm(n: int) -> Iterator[bytes]:
    for i in range(n):
        yield b'{"id": "P%d", "schema": "Person", "target": true, "properties": {"name": ["N %d"]}}\n' % (
            i,
            i,
        )


def test_ftm_streams_many_lines() -> None:
    result = parse("opensanctions", io.BytesIO(b"".join(_large_ftm(3000))))
    assert result.issues == []
    assert len(result.entities) == 3000


def test_parsers_import_without_django() -> None:
    code = "import sys, dualuse.screening.parsers; assert 'django' not in sys.modules, 'django imported'"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
