"""The control-list importer: all or nothing, errors name line and field, diffs between versions."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from dualuse.controllist import services
from dualuse.controllist.errors import ImportRejected
from dualuse.controllist.models import (
    ControlEntry,
    ControlListVersion,
    Definition,
    GeneralNote,
    VersionStatus,
)
from tests.conftest import SHARED_DATA

pytestmark = pytest.mark.django_db


def _entry(code: str, text: str = "Equipment as follows:", **extra: Any) -> dict[str, Any]:
    parent = code.rsplit(".", 1)[0] if "." in code else None
    return {
        "code": code,
        "parent": parent,
        "entry": code[:5],
        "level": code.count("."),
        "category": int(code[0]),
        "group": code[1],
        "text": text,
        "notes": [],
        **extra,
    }


def _import(path: Path, act: str = "Test act", **kw: Any) -> services.ImportOutcome:
    return services.import_control_list(
        entries=path, definitions=None, notes=None, legal_act=act, applies_from=date(2026, 1, 1), **kw
    )


def test_session_list_is_complete_and_flags_cyber_surveillance() -> None:
    version = ControlListVersion.objects.active()
    assert version is not None
    assert version.entry_count == 3420
    assert ControlEntry.objects.filter(version=version).count() == 3420
    flagged = set(
        ControlEntry.objects.filter(version=version, cyber_surveillance=True).values_list("code", flat=True)
    )
    assert {"5A001.f", "5A001.j", "4A005", "4D004", "4E001.c", "5A004.b", "5D001.e"} <= flagged
    assert not any(code.startswith("5A002") for code in flagged)  # encryption is not cyber-surveillance
    assert Definition.objects.filter(version=version).count() == 175
    assert GeneralNote.objects.filter(version=version, title__icontains="INFORMATION SECURITY").exists()
    entry = ControlEntry.objects.get(version=version, code="1C350.24")
    assert entry.regimes == ["AG"]
    assert entry.entry == "1C350"
    assert entry.category == 1


def test_broken_file_changes_nothing_and_names_line_and_field(tmp_jsonl: Any) -> None:
    before = ControlListVersion.objects.count(), ControlEntry.objects.count()
    path = tmp_jsonl("entries.jsonl", [_entry("9A901"), _entry("9A901.a", text=""), _entry("9A901.b.1")])
    with pytest.raises(ImportRejected) as caught:
        _import(path)
    messages = [str(p) for p in caught.value.import_problems]
    assert any("line 2" in m and "'text'" in m for m in messages), messages
    assert any("line 3" in m and "'parent'" in m and "9A901.b" in m for m in messages), messages
    assert (ControlListVersion.objects.count(), ControlEntry.objects.count()) == before
    assert ControlListVersion.objects.active().entry_count == 3420  # the old list stays live


@pytest.mark.parametrize(
    ("line", "needle"),
    [
        ('{"code": "5a001", "text": "x"}', "not a well-formed"),
        ("{not json", "not valid JSON"),
        ('["a list"]', "JSON object"),
        ('{"code": "5A901", "text": "x", "level": 2}', "'level'"),
        ('{"code": "5A901", "text": "x", "group": "B"}', "'group'"),
    ],
)
def test_each_kind_of_bad_line_is_named(tmp_jsonl: Any, line: str, needle: str) -> None:
    path = tmp_jsonl("bad.jsonl", [json.dumps(_entry("5A900")), line])
    with pytest.raises(ImportRejected) as caught:
        _import(path)
    assert any(needle in str(p) and p.line == 2 for p in caught.value.import_problems)


def test_duplicate_codes_are_rejected(tmp_jsonl: Any) -> None:
    path = tmp_jsonl("dup.jsonl", [_entry("5A900"), _entry("5A900")])
    with pytest.raises(ImportRejected, match="appears again"):
        _import(path)


def test_second_version_shows_diff_and_supersedes(tmp_jsonl: Any) -> None:
    first = _import(
        tmp_jsonl("v1.jsonl", [_entry("5A900"), _entry("5A900.a", "Old text"), _entry("5A900.b")]), "Act 1"
    )
    second = _import(
        tmp_jsonl("v2.jsonl", [_entry("5A900"), _entry("5A900.a", "New text"), _entry("5A900.c")]), "Act 2"
    )
    assert second.diff is not None
    assert second.diff.added == ["5A900.c"]
    assert second.diff.removed == ["5A900.b"]
    assert [(c.code, c.fields) for c in second.diff.changed] == [("5A900.a", ("text",))]
    first.version.refresh_from_db()
    assert first.version.status == VersionStatus.SUPERSEDED
    assert ControlListVersion.objects.active() == second.version


def test_cli_import_and_diff_json(tmp_jsonl: Any, capsys: Any) -> None:
    v1 = tmp_jsonl("v1.jsonl", [_entry("5A900"), _entry("5A900.a")])
    v2 = tmp_jsonl("v2.jsonl", [_entry("5A900"), _entry("5A900.b")])
    call_command(
        "controllist",
        "import",
        "--entries",
        str(v1),
        "--legal-act",
        "A1",
        "--applies-from",
        "2026-01-01",
        "--json",
    )
    first = json.loads(capsys.readouterr().out)
    call_command(
        "controllist",
        "import",
        "--entries",
        str(v2),
        "--legal-act",
        "A2",
        "--applies-from",
        "2026-06-01",
        "--json",
    )
    second = json.loads(capsys.readouterr().out)
    assert second["diff"]["counts"] == {"added": 1, "removed": 1, "changed": 0}
    call_command("controllist", "diff", str(first["version"]), str(second["version"]), "--json")
    diff = json.loads(capsys.readouterr().out)
    assert diff["added"] == ["5A900.b"]
    assert diff["removed"] == ["5A900.a"]


def test_cli_rejects_broken_file_with_clear_error(tmp_jsonl: Any) -> None:
    bad = tmp_jsonl("bad.jsonl", [_entry("5A900"), "{oops"])
    with pytest.raises(CommandError, match=r"bad.jsonl, line 2"):
        call_command(
            "controllist", "import", "--entries", str(bad), "--legal-act", "A", "--applies-from", "2026-01-01"
        )
    with pytest.raises(CommandError, match="YYYY-MM-DD"):
        call_command(
            "controllist", "import", "--entries", str(bad), "--legal-act", "A", "--applies-from", "1.1.2026"
        )


def test_missing_file_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(ImportRejected, match="not found"):
        _import(tmp_path / "nope.jsonl")


def test_shared_definitions_and_notes_parse_without_problems() -> None:
    parsed = services.parse_files(
        SHARED_DATA / "annex-i.jsonl",
        SHARED_DATA / "annex-i-definitions.jsonl",
        SHARED_DATA / "annex-i-notes.jsonl",
    )
    assert parsed.problems == []
    assert len(parsed.notes) == 32
