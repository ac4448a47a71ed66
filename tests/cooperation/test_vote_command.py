"""The `dualuse vote outcome` CLI contract (single ballot and batch), through the real console script."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

BIG_FIFTEEN = ["DE", "FR", "IT", "ES", "PL", "NL", "BE", "SE", "AT", "DK", "FI", "IE", "PT", "CZ", "RO"]


def _run(args: list[str], stdin: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "dualuse.cli", "vote", "outcome", *args],
        input=stdin,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def test_single_ballot_json() -> None:
    ballot = {"rule": "council_qmv", "votes": dict.fromkeys(BIG_FIFTEEN, "yes"), "participating": None}
    done = _run(["--json"], json.dumps(ballot))
    assert done.returncode == 0, done.stderr
    answer = json.loads(done.stdout)
    assert answer["outcome"] == "adopted"
    assert answer["member_share_pct"] == pytest.approx(55.555556)
    assert answer["blocking_minority"] is False


def test_batch_with_a_bad_line_and_a_population_file(tmp_path: Path) -> None:
    members = "AT BE BG HR CY CZ DK EE FI FR DE GR HU IE IT LV LT LU MT NL PL PT RO SK SI ES SE".split()
    population = tmp_path / "pop.json"
    population.write_text(json.dumps([{"iso2": c, "population": 1_000_000} for c in members]))
    lines = [
        json.dumps({"id": "a", "ballot": {"rule": "art5_6", "votes": dict.fromkeys(members, "yes")}}),
        "not json",
        json.dumps({"id": "c", "ballot": {"rule": "council_qmv", "votes": {"XX": "yes"}}}),
    ]
    done = _run(["--batch", "--population", str(population)], "\n".join(lines) + "\n")
    assert done.returncode == 0, done.stderr
    out = [json.loads(line) for line in done.stdout.splitlines()]
    assert out[0]["id"] == "a" and out[0]["outcome"] == "published"
    assert out[0]["population_share_pct"] == pytest.approx(100.0)
    assert "error" in out[1] and "line 2" in out[1]["error"]
    assert out[2]["id"] == "c" and "XX" in out[2]["error"]


def test_bad_ballot_is_a_clear_error_not_a_traceback() -> None:
    done = _run(["--json"], "{oops")
    assert done.returncode != 0
    assert "not valid JSON" in done.stderr and "Traceback" not in done.stderr
