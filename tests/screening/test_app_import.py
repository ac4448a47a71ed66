"""Importing list files: each format, broken and truncated files, re-import diffs, unknown elements, CLI."""

from __future__ import annotations

import json
from io import StringIO
from pathlib import Path
from typing import Any

import pytest
from django.core.management import CommandError, call_command

from dualuse.core.models import AuditEvent
from dualuse.screening import services
from dualuse.screening.errors import ListImportRejected
from dualuse.screening.models import ListedEntity, ListSource, ListVersion
from tests.screening.app_support import FILES, OS_CSV, eu_variant, lists_fixture, sync_jobs_fixture, truncated  # noqa: F401

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("key", "expected"), [("eu-fsf", 22), ("un-sc", 19), ("us-csl", 21), ("opensanctions", 21)]
)
def test_each_format_imports_as_the_active_version(sync_jobs: None, key: str, expected: int) -> None:
    outcome = services.import_list_file(key, FILES[key])
    version = outcome.version
    assert version.entity_count == expected == ListedEntity.objects.filter(version=version).count()
    assert ListSource.objects.get(key=key).active_version == version
    prefix = "os:" if key == "opensanctions" else f"{key}:"
    assert all(
        ref.startswith(prefix)
        for ref in ListedEntity.objects.filter(version=version).values_list("ref", flat=True)
    )
    assert outcome.diff is None and version.diff_summary["counts"] == {"added": expected}
    assert AuditEvent.objects.filter(verb="screening.list_imported", object_id=str(version.pk)).exists()


def test_entities_keep_scripts_weak_aliases_partial_dates_and_identifiers(lists: dict[str, Any]) -> None:
    entity = ListedEntity.objects.get(version=lists["eu-fsf"], ref="eu-fsf:EU.9901.47")
    assert any(n["script"] == "Cyrillic" for n in entity.names)
    assert entity.birth_date_texts == ["1968-03-14"]
    assert entity.countries == ["RU"] and entity.programmes
    assert len(entity.fingerprint) == 64
    weak = ListedEntity.objects.filter(version__in=lists.values()).exclude(names=[])
    assert any(n["quality"] == "weak" for e in weak for n in e.names)
    assert ListedEntity.objects.filter(identifiers__icontains="imo").exists()


@pytest.mark.parametrize("key", sorted(FILES))
def test_a_truncated_file_changes_nothing_and_says_where(
    lists: dict[str, Any], tmp_path: Path, key: str
) -> None:
    before = (ListVersion.objects.count(), ListedEntity.objects.count(), AuditEvent.objects.count())
    with pytest.raises(ListImportRejected) as caught:
        services.import_list_file(key, truncated(tmp_path, FILES[key]))
    assert "nothing changed" in caught.value.message
    assert caught.value.problems and caught.value.problems[0].where.startswith("line ")
    assert (ListVersion.objects.count(), ListedEntity.objects.count(), AuditEvent.objects.count()) == before
    assert ListSource.objects.get(key=key).active_version == lists[key]


def test_a_truncated_targets_csv_is_rejected(lists: dict[str, Any], tmp_path: Path) -> None:
    with pytest.raises(ListImportRejected) as caught:
        services.import_list_file("opensanctions", truncated(tmp_path, OS_CSV))
    assert "line" in caught.value.problems[0].where
    assert ListSource.objects.get(key="opensanctions").active_version == lists["opensanctions"]


def test_a_file_of_another_format_is_refused_with_a_hint(lists: dict[str, Any]) -> None:
    with pytest.raises(ListImportRejected) as caught:
        services.import_list_file("eu-fsf", FILES["un-sc"])
    assert "--format un-sc" in caught.value.message
    assert ListSource.objects.get(key="eu-fsf").active_version == lists["eu-fsf"]


def test_a_missing_file_is_a_clear_error(sync_jobs: None, tmp_path: Path) -> None:
    with pytest.raises(ListImportRejected, match="does not exist"):
        services.import_list_file("eu-fsf", tmp_path / "nope.xml")


def test_reimport_reports_added_removed_and_changed(lists: dict[str, Any], tmp_path: Path) -> None:
    path = eu_variant(tmp_path, rename_alias=True, drop_last=True, add_name="Zebulon Quartermaine")
    outcome = services.import_list_file("eu-fsf", path)
    assert outcome.diff is not None
    assert outcome.diff.added == ["eu-fsf:EU.9999.99"]
    assert outcome.diff.removed == ["eu-fsf:EU.9922.23"]
    assert outcome.diff.changed == ["eu-fsf:EU.9901.47"]
    assert outcome.version.previous == lists["eu-fsf"]
    assert outcome.version.diff_summary["counts"] == {"added": 1, "removed": 1, "changed": 1}
    detailed = services.diff_versions(lists["eu-fsf"], outcome.version)
    assert detailed.changed_fields["eu-fsf:EU.9901.47"] == ["names"]
    # The old version is kept, immutable, and no longer active.
    assert ListedEntity.objects.filter(version=lists["eu-fsf"]).count() == 22


def test_the_same_file_again_writes_nothing(lists: dict[str, Any]) -> None:
    count = ListVersion.objects.count()
    outcome = services.import_list_file("eu-fsf", FILES["eu-fsf"])
    assert outcome.unchanged and outcome.version == lists["eu-fsf"]
    assert ListVersion.objects.count() == count


def test_unknown_elements_are_skipped(sync_jobs: None, tmp_path: Path) -> None:
    outcome = services.import_list_file("eu-fsf", eu_variant(tmp_path, unknown_element=True))
    assert outcome.version.entity_count == 22


def test_opensanctions_targets_csv_replaces_the_ftm_version(lists: dict[str, Any]) -> None:
    outcome = services.import_list_file("opensanctions", OS_CSV)
    assert outcome.version.entity_count == 21 and outcome.diff is not None
    assert not outcome.diff.added and not outcome.diff.removed  # the same ids, other details


def test_exporters_may_not_import(exporter: Any, sync_jobs: None) -> None:
    from dualuse.core.errors import PermissionDenied

    with pytest.raises(PermissionDenied):
        services.import_list_file("eu-fsf", FILES["eu-fsf"], acting_user=exporter)
    assert not ListVersion.objects.exists()


def _cli(*args: str) -> str:
    out = StringIO()
    call_command(*args, stdout=out, stderr=StringIO())
    return out.getvalue()


def test_cli_import_status_and_diff(sync_jobs: None, tmp_path: Path) -> None:
    first = json.loads(_cli("lists", "import", "--source", "eu-fsf", str(FILES["eu-fsf"]), "--json"))
    assert first["entities"] == 22 and first["diff"] is None and first["source"] == "eu-fsf"
    text = _cli("lists", "import", "--source", "eu-fsf", str(eu_variant(tmp_path, rename_alias=True)))
    assert "added 0, removed 0, changed 1" in text and "~ eu-fsf:EU.9901.47 (names)" in text
    status = {r["source"]: r for r in json.loads(_cli("lists", "status", "--json"))}
    assert status["eu-fsf"]["entities"] == 22 and status["eu-fsf"]["versions"] == 2
    assert status["un-sc"]["version"] is None
    diff = json.loads(_cli("lists", "diff", "--source", "eu-fsf", "--json"))
    assert diff[0]["counts"] == {"added": 0, "removed": 0, "changed": 1}
    assert diff[0]["changed"] == [{"ref": "eu-fsf:EU.9901.47", "fields": ["names"]}]
    assert "eu-fsf" in _cli("lists", "status")


def test_cli_import_of_a_broken_file_is_a_command_error(sync_jobs: None, tmp_path: Path) -> None:
    with pytest.raises(CommandError) as caught:
        _cli("lists", "import", "--source", "un-sc", str(truncated(tmp_path, FILES["un-sc"])))
    assert "nothing changed" in str(caught.value) and "line " in str(caught.value)
    assert not ListVersion.objects.exists()
