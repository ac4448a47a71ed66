"""Celery tasks: thin wrappers that run the registered screening jobs on a worker."""

from __future__ import annotations

from typing import Any

from dualuse.celery import app
from dualuse.screening import jobs
from dualuse.screening import services as _services  # noqa: F401 - registers the job functions


@app.task(name=jobs.RUN_BULK_SCREENING)
def run_bulk_screening(job_id: int) -> Any:
    return jobs.run(jobs.RUN_BULK_SCREENING, job_id)


@app.task(name=jobs.RESCREEN_AFTER_LIST_CHANGE)
def rescreen_after_list_change(version_id: int) -> Any:
    return jobs.run(jobs.RESCREEN_AFTER_LIST_CHANGE, version_id)
