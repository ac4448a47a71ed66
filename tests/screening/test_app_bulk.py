"""Bulk screening end to end (in-process and on a real Celery worker), and re-screening on a new list."""

from __future__ import annotations

import csv
import io
import time
import uuid
from pathlib import Path
from typing import Any

import pytest
import redis
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from dualuse.accounts.services import create_token
from dualuse.celery import app as celery_app
from dualuse.screening import jobs, services
from dualuse.screening.models import BulkScreening, BulkTrigger, JobStatus
from tests.screening.app_support import FILES, eu_variant, lists_fixture, sync_jobs_fixture  # noqa: F401

URL = "/api/v1/screening/bulk-screenings"
PARTIES = (
    "id,name,type,country,birth_date\n"
    "c1,Yevgeniy Krivoplyosov,person,RU,1968\n"
    "c2,Zebulon Quartermaine,person,,\n"
    "c3,Maria Schmidt,person,DE,1980\n"
    "c4,Bad Country,person,XX,\n"
)


def _client(user: Any) -> Client:
    _, raw = create_token(user, "t")
    return Client(headers={"Authorization": f"Bearer {raw}"})


def _upload(client: Client, text: str, name: str = "parties.csv") -> Any:
    return client.post(URL, {"file": SimpleUploadedFile(name, text.encode(), content_type="text/csv")})


def _result(client: Client, pk: int) -> list[dict[str, str]]:
    response = client.get(f"{URL}/{pk}/result")
    assert response.status_code == 200, response.content
    assert response["Content-Type"].startswith("text/csv")
    return list(csv.DictReader(io.StringIO(response.content.decode())))


@pytest.mark.django_db
def test_bulk_job_in_process_end_to_end(
    lists: dict[str, Any], exporter: Any, other_exporter: Any, django_capture_on_commit_callbacks: Any
) -> None:
    client = _client(exporter)
    with django_capture_on_commit_callbacks(execute=True):
        response = _upload(client, PARTIES)
    assert response.status_code == 201, response.content
    pk = response.json()["id"]
    status = client.get(f"{URL}/{pk}").json()
    assert status["status"] == "done" and status["done"] == status["total"] == 4 and status["percent"] == 100
    assert status["row_errors"] == 1 and status["list_versions"] == sorted(v.pk for v in lists.values())
    rows = _result(client, pk)
    hits = [r for r in rows if r["entity"]]
    assert {r["id"] for r in hits} == {"c1"} and "eu-fsf:EU.9901.47" in {r["entity"] for r in hits}
    assert all(r["caption"] and float(r["score"]) >= 0.7 for r in hits)
    assert [r["id"] for r in rows if r["error"]] == ["c4"]
    assert _client(other_exporter).get(f"{URL}/{pk}").status_code == 404
    assert _client(other_exporter).get(f"{URL}/{pk}/result").status_code == 404
    assert [j["id"] for j in client.get(URL).json()] == [pk]


@pytest.mark.django_db
def test_rerun_after_a_new_list_version_reports_only_new_hits(
    lists: dict[str, Any], exporter: Any, tmp_path: Path, django_capture_on_commit_callbacks: Any
) -> None:
    client = _client(exporter)
    with django_capture_on_commit_callbacks(execute=True):
        first = _upload(client, PARTIES).json()["id"]
    with django_capture_on_commit_callbacks(execute=True):
        services.import_list_file("eu-fsf", eu_variant(tmp_path, add_name="Zebulon Quartermaine"))
    rerun = BulkScreening.objects.get(rerun_of_id=first)
    assert rerun.trigger == BulkTrigger.LIST_CHANGE and rerun.status == JobStatus.DONE
    assert rerun.organisation == exporter.organisation
    rows = _result(client, rerun.pk)
    assert [(r["id"], r["entity"]) for r in rows] == [("c2", "eu-fsf:EU.9999.99")]
    assert rerun.new_hit_count == 1 and rerun.hit_count > 1
    # The same file again changes nothing; another version re-runs the latest run of the chain only.
    with django_capture_on_commit_callbacks(execute=True):
        services.import_list_file("eu-fsf", eu_variant(tmp_path, add_name="Zebulon Quartermaine"))
    assert BulkScreening.objects.count() == 2
    with django_capture_on_commit_callbacks(execute=True):
        services.import_list_file("eu-fsf", FILES["eu-fsf"])  # Zebulon is delisted: nothing new to report
    third = BulkScreening.objects.get(rerun_of=rerun)
    assert third.new_hit_count == 0 and _result(client, third.pk) == []
    assert BulkScreening.objects.count() == 3


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "empty"),
        ("id,firstname\n1,Ivan\n", "name"),
        ("name\n", "no parties"),
        ("name\n\xff\n", None),
    ],
)
def test_bad_uploads_are_400(lists: dict[str, Any], exporter: Any, text: str, message: str | None) -> None:
    client = _client(exporter)
    if message is None:
        response = client.post(URL, {"file": SimpleUploadedFile("p.csv", b"name\n\xff\xfe\n")})
        message = "UTF-8"
    else:
        response = _upload(client, text)
    assert response.status_code == 400 and message in response.json()["message"]
    assert not BulkScreening.objects.exists()


@pytest.mark.django_db
def test_result_before_done_is_409_and_anonymous_401(
    lists: dict[str, Any], exporter: Any, anonymous_api: Any
) -> None:
    client = _client(exporter)
    pk = _upload(client, PARTIES).json()["id"]  # no commit in this test: the job stays queued
    assert client.get(f"{URL}/{pk}").json()["status"] == "queued"
    assert client.get(f"{URL}/{pk}/result").status_code == 409
    assert anonymous_api.get(f"{URL}/{pk}").status_code == 401
    assert Client().post(URL, {"file": SimpleUploadedFile("p.csv", PARTIES.encode())}).status_code == 401


@pytest.mark.django_db
def test_thousands_of_rows_with_progress(
    lists: dict[str, Any], exporter: Any, django_capture_on_commit_callbacks: Any
) -> None:
    rows = ["id,name,country"] + [f"r{i},Customer Number {i} Trading,DE" for i in range(3000)]
    rows.append("hit,Yevgeniy Krivoplyosov,RU")
    with django_capture_on_commit_callbacks(execute=True):
        job = services.create_bulk_screening("\n".join(rows).encode(), "big.csv", acting_user=exporter)
    job.refresh_from_db()
    assert job.status == JobStatus.DONE and job.done == 3001
    assert {k[0] for k in job.hit_keys} == {"hit"}


def _redis_up() -> bool:
    try:
        return bool(redis.Redis.from_url("redis://127.0.0.1:6379/15", socket_connect_timeout=1).ping())
    except redis.exceptions.RedisError:
        return False


@pytest.mark.skipif(not _redis_up(), reason="Redis is not running at 127.0.0.1:6379")
@pytest.mark.django_db(transaction=True)
def test_bulk_job_on_a_real_celery_worker(
    settings: Any, exporter: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    from celery.contrib.testing.worker import start_worker

    import dualuse.screening.tasks  # noqa: F401 - the worker must know the tasks

    monkeypatch.setattr(jobs, "IN_PROCESS", "sync")
    services.forget()
    services.import_list_file("eu-fsf", FILES["eu-fsf"])  # before the broker: nothing to re-run yet
    queue = f"dualuse-test-{uuid.uuid4().hex[:8]}"
    settings.CELERY_BROKER_URL = "redis://127.0.0.1:6379/15"
    old = {"broker_url": celery_app.conf.broker_url, "task_default_queue": celery_app.conf.task_default_queue}
    celery_app.conf.update(broker_url=settings.CELERY_BROKER_URL, task_default_queue=queue)
    try:
        with start_worker(
            celery_app,
            pool="solo",
            perform_ping_check=False,
            queues=[queue],
            loglevel="WARNING",
            shutdown_timeout=10,
        ):
            job = services.create_bulk_screening(PARTIES.encode(), "parties.csv", acting_user=exporter)
            for _ in range(200):
                job.refresh_from_db()
                if job.finished:
                    break
                time.sleep(0.1)
    finally:
        celery_app.conf.update(**old)
        services.forget()
    assert job.status == JobStatus.DONE, job.error
    assert {k[0] for k in job.hit_keys} == {"c1"}
