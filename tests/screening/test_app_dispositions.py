"""A false positive is remembered for the same party and entity until the entity changes."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from dualuse.screening import services
from dualuse.screening.models import Screening
from tests.screening.app_support import eu_variant, lists_fixture, sync_jobs_fixture  # noqa: F401

pytestmark = pytest.mark.django_db
REF = "eu-fsf:EU.9901.47"


def _screen(
    user: Any,
    name: str = "Yevgeniy Krivoplyosov",
    country: str | None = "RU",
    birth_date: str | None = "1968",
) -> Screening:
    return services.screen_party(services.party_query(name, "person", country, birth_date), acting_user=user)


def _hit(screening: Screening, ref: str = REF) -> dict[str, Any]:
    return next(h for h in screening.hits if h["entity"] == ref)


def _dismiss(screening: Screening, user: Any) -> None:
    services.record_disposition(
        screening,
        entity_ref=REF,
        decision="false_positive",
        reason="our customer was born in Tula in 1968 but is another person",
        acting_user=user,
    )


def test_false_positive_is_remembered_and_shown_not_hidden(lists: dict[str, Any], exporter: Any) -> None:
    _dismiss(_screen(exporter), exporter)
    again = _screen(exporter, name="KRIVOPLYOSOV,  Yevgeniy")  # the same party, written another way
    hit = _hit(again)
    assert hit["remembered"]["decision"] == "false_positive"
    assert hit["remembered"]["by"] == exporter.username and "Tula" in hit["remembered"]["reason"]
    assert again.open_hit_count == again.hit_count - 1  # still listed among the hits
    others = [h for h in again.hits if h["entity"] != REF]
    assert others and all(h["remembered"] is None for h in others)  # other lists' entries are their own


def test_memory_is_per_party(lists: dict[str, Any], exporter: Any) -> None:
    _dismiss(_screen(exporter), exporter)
    assert _hit(_screen(exporter, birth_date=None))["remembered"] is None
    assert _hit(_screen(exporter, country="BY"))["remembered"] is None


def test_memory_is_per_organisation(lists: dict[str, Any], exporter: Any, other_exporter: Any) -> None:
    _dismiss(_screen(exporter), exporter)
    assert _hit(_screen(other_exporter))["remembered"] is None


def test_a_later_true_match_overrides(lists: dict[str, Any], exporter: Any) -> None:
    first = _screen(exporter)
    _dismiss(first, exporter)
    services.record_disposition(
        first, entity_ref=REF, decision="true_match", reason="new evidence", acting_user=exporter
    )
    hit = _hit(_screen(exporter))
    assert hit["remembered"] is None and hit["previous_disposition"]["decision"] == "true_match"


def test_memory_ends_when_the_entity_changes(lists: dict[str, Any], exporter: Any, tmp_path: Path) -> None:
    _dismiss(_screen(exporter), exporter)
    assert _hit(_screen(exporter))["remembered"] is not None
    services.import_list_file("eu-fsf", eu_variant(tmp_path, rename_alias=True))  # EU.9901.47 changes
    hit = _hit(_screen(exporter))
    assert hit["remembered"] is None
    assert hit["previous_disposition"]["entity_changed"] is True


def test_memory_survives_a_new_version_that_leaves_the_entity_alone(
    lists: dict[str, Any], exporter: Any, tmp_path: Path
) -> None:
    _dismiss(_screen(exporter), exporter)
    services.import_list_file("eu-fsf", eu_variant(tmp_path, drop_last=True))  # another entity removed
    screening = _screen(exporter)
    assert _hit(screening)["remembered"] is not None
    assert screening.list_versions.filter(source__key="eu-fsf").get().entity_count == 21
