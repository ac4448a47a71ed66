"""Where background jobs run: on Celery workers when a broker is configured, else in this process.

Services register their job functions by name; `dispatch` runs one after the current transaction
commits (so a worker never reads a row that is not there yet). With `DUALUSE_BROKER_URL` set the job
goes to the queue (`dualuse worker` consumes it, on this or another machine); without it the job runs
in a thread of this process, or synchronously when `IN_PROCESS` is "sync" (the tests do that).
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.db import close_old_connections, connection, transaction

from dualuse.celery import app as celery_app

RUN_BULK_SCREENING = "screening.run_bulk_screening"
RESCREEN_AFTER_LIST_CHANGE = "screening.rescreen_after_list_change"

IN_PROCESS = "thread"  # "thread" (the web) or "sync" (tests: the job runs before dispatch returns)

_jobs: dict[str, Callable[..., Any]] = {}
_log = logging.getLogger("dualuse.jobs")


def job(name: str) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """Register a job function under a stable name (the Celery task name too)."""

    def register(func: Callable[..., Any]) -> Callable[..., Any]:
        _jobs[name] = func
        return func

    return register


def run(name: str, *args: Any) -> Any:
    return _jobs[name](*args)


def dispatch(name: str, *args: Any) -> None:
    """Run job `name` after the current transaction commits (at once outside a transaction)."""
    if name not in _jobs:
        raise KeyError(f"no job registered as {name!r}")
    transaction.on_commit(lambda: _start(name, args))


def _start(name: str, args: tuple[Any, ...]) -> None:
    if settings.CELERY_BROKER_URL:
        celery_app.send_task(name, args=list(args))
    elif IN_PROCESS == "sync":
        run(name, *args)
    else:
        threading.Thread(target=_in_thread, args=(name, args), name=f"job-{name}", daemon=True).start()


def _in_thread(name: str, args: tuple[Any, ...]) -> None:
    close_old_connections()
    try:
        run(name, *args)
    except Exception:  # a background thread has nobody to raise to: log it (the job records its failure)
        _log.exception("job %s%r failed", name, args)
    finally:
        connection.close()
