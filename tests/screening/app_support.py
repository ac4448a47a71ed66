"""Fixtures and helpers shared by the screening app tests (tests/screening/test_app_*.py).

The list samples are read from ../shared/data/samples (never copied); derived files (changed,
truncated) are written to tmp_path.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from dualuse.screening import jobs, services

SAMPLES = Path(__file__).resolve().parents[3] / "shared" / "data" / "samples"
FILES = {
    "eu-fsf": SAMPLES / "eu-fsf-sample.xml",
    "un-sc": SAMPLES / "un-consolidated-sample.xml",
    "us-csl": SAMPLES / "us-csl-sample.json",
    "opensanctions": SAMPLES / "opensanctions-sample.ftm.json",
}
OS_CSV = SAMPLES / "opensanctions-targets.simple-sample.csv"
_EU_ENTITY = re.compile(r"  <sanctionEntity .*?</sanctionEntity>\n", re.DOTALL)


@pytest.fixture(name="sync_jobs")
def sync_jobs_fixture(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Background jobs run synchronously once the transaction commits; a fresh match index."""
    monkeypatch.setattr(jobs, "IN_PROCESS", "sync")
    services.forget()
    yield
    services.forget()


@pytest.fixture(name="lists")
def lists_fixture(db: Any, sync_jobs: None) -> dict[str, Any]:
    """The four samples imported as the active versions."""
    return {key: services.import_list_file(key, path).version for key, path in FILES.items()}


def eu_variant(
    tmp_path: Path,
    *,
    rename_alias: bool = False,
    drop_last: bool = False,
    add_name: str | None = None,
    unknown_element: bool = False,
    name: str = "eu-variant.xml",
) -> Path:
    """The EU sample with one alias renamed (EU.9901.47 changes), the last entity removed, one added."""
    text = FILES["eu-fsf"].read_text(encoding="utf-8")
    if rename_alias:
        assert 'wholeName="Evgenii Arkadevich KRIVOPLESOV"' in text
        text = text.replace(
            'wholeName="Evgenii Arkadevich KRIVOPLESOV"', 'wholeName="Evgenii Arkadevich KRIVOPLESOFF"'
        )
    blocks = _EU_ENTITY.findall(text)
    if drop_last:
        text = text.replace(blocks[-1], "")
    if add_name:
        first, last = add_name.split(" ", 1)
        block = blocks[1]
        block = re.sub(r'euReferenceNumber="[^"]+"', 'euReferenceNumber="EU.9999.99"', block)
        block = re.sub(r'wholeName="[^"]+"', f'wholeName="{add_name}"', block)
        block = re.sub(r'firstName="[^"]*"', f'firstName="{first}"', block)
        block = re.sub(r'lastName="[^"]*"', f'lastName="{last}"', block)
        block = re.sub(r'middleName="[^"]*"', 'middleName=""', block)
        text = text.replace("</export>", block + "</export>")
    if unknown_element:
        text = text.replace(
            '<subjectType code="person"',
            '<futureElement kind="x"><nested deep="1">text</nested></futureElement>\n'
            '    <subjectType code="person"',
            1,
        )
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def truncated(tmp_path: Path, source: Path) -> Path:
    data = source.read_bytes()
    path = tmp_path / f"truncated-{source.name}"
    path.write_bytes(data[: len(data) // 2])
    return path
