"""The Celery application for background jobs (bulk screening, re-screening after a list changes).

The broker is `settings.CELERY_BROKER_URL` (env `DUALUSE_BROKER_URL`, e.g. redis://127.0.0.1:6379/0);
when it is empty, jobs run in-process instead (see `dualuse.screening.jobs`). Start a worker with
`dualuse worker`; workers may run on other machines that reach the same database and broker.
"""

from __future__ import annotations

import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "dualuse.settings")

app = Celery("dualuse")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.conf.update(
    task_acks_late=True,  # a job whose worker dies is delivered again
    worker_prefetch_multiplier=1,  # jobs are long: one at a time per worker process
    task_ignore_result=True,  # job state lives in the database, not in a result backend
    broker_connection_retry_on_startup=True,
)
app.autodiscover_tasks()
