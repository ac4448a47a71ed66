"""The `dualuse screen` contracts: one name (text or --json) and --batch JSON lines."""

from __future__ import annotations

import json
import sys
from io import StringIO
from typing import Any

import pytest
from django.core.management import CommandError, call_command

from dualuse.screening.models import Screening
from tests.screening.app_support import lists_fixture, sync_jobs_fixture  # noqa: F401

pytestmark = pytest.mark.django_db


def _screen(*args: str, stdin: str | None = None, monkeypatch: pytest.MonkeyPatch | None = None) -> str:
    out = StringIO()
    if stdin is not None:
        assert monkeypatch is not None
        monkeypatch.setattr(sys, "stdin", StringIO(stdin))
        monkeypatch.setattr(sys, "stdout", out)
        call_command("screen", *args)
    else:
        call_command("screen", *args, stdout=out)
    return out.getvalue()


def test_one_name_as_json(lists: dict[str, Any]) -> None:
    data = json.loads(
        _screen(
            "Yevgeniy Krivoplyosov",
            "--type",
            "person",
            "--birth-date",
            "1968-03-14",
            "--country",
            "RU",
            "--json",
        )
    )
    refs = [h["entity"] for h in data["hits"]]
    assert "eu-fsf:EU.9901.47" in refs and "eu-fsf:EU.9911.61" not in refs
    assert data["hits"][0]["explanation"]["birth_date"]["fit"] == "same_day"
    assert [h["score"] for h in data["hits"]] == sorted((h["score"] for h in data["hits"]), reverse=True)
    assert Screening.objects.filter(pk=data["screening"]).exists()  # stored with its list versions
    assert sorted(data["list_versions"]) == sorted(v.pk for v in lists.values())


def test_one_name_as_text(lists: dict[str, Any]) -> None:
    text = _screen("Mohammed Al-Fawwazeen", "--country", "SY")
    assert "eu-fsf:EU.9903.32" in text
    assert "no hits" in _screen("Maria Schmidt", "--country", "DE")


def test_bad_arguments_are_command_errors(lists: dict[str, Any]) -> None:
    with pytest.raises(CommandError, match="birth_date"):
        _screen("Ivan", "--birth-date", "14.03.1968")
    with pytest.raises(CommandError, match="country"):
        _screen("Ivan", "--country", "XX")
    with pytest.raises(CommandError, match="give a name"):
        _screen()


def test_batch_lines(lists: dict[str, Any], monkeypatch: pytest.MonkeyPatch) -> None:
    lines = [
        json.dumps({"id": "a", "name": "Krivoplyasov Yevgeniy", "type": "person", "birth_date": "1981"}),
        "{broken",
        json.dumps({"id": "c"}),
        json.dumps({"id": "d", "name": "Maria Schmidt", "country": "DE"}),
        "",
        json.dumps(["not", "an", "object"]),
        json.dumps({"id": "g", "name": "Ivan", "country": "XX"}),
        json.dumps({"name": "no id"}),
    ]
    out = _screen("--batch", stdin="\n".join(lines) + "\n", monkeypatch=monkeypatch)
    rows = [json.loads(line) for line in out.splitlines()]
    assert len(rows) == 7  # one per non-empty input line, in order
    first = rows[0]
    assert first["id"] == "a" and first["hits"][0]["entity"] in {
        "eu-fsf:EU.9911.61",
        "os:NK-Doqm7GTtCbpN47E47JLCkT",
    }
    assert "eu-fsf:EU.9901.47" not in [h["entity"] for h in first["hits"]]  # the 1968 near-twin stays out
    assert set(first["hits"][0]) == {"entity", "score", "explanation"}
    assert rows[1]["error"]["line"] == 2 and rows[1]["error"]["code"] == "invalid_json"
    assert rows[2] == {"id": "c", "error": rows[2]["error"]} and rows[2]["error"]["field"] == "name"
    assert rows[3] == {"id": "d", "hits": []}
    assert rows[4]["error"]["line"] == 6
    assert rows[5]["id"] == "g" and rows[5]["error"]["field"] == "country"
    assert rows[6]["error"]["field"] == "id"
    assert not Screening.objects.exists()  # batch screening is a lookup, not stored


def test_batch_rejects_a_name_argument(lists: dict[str, Any]) -> None:
    with pytest.raises(CommandError, match="stdin"):
        _screen("Ivan", "--batch")
