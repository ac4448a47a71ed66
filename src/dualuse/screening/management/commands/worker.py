"""dualuse worker [--concurrency N] [--queues Q]: run a Celery worker for background jobs."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser

from dualuse.celery import app
from dualuse.screening import tasks  # noqa: F401 - registers the screening tasks with the app


class Command(BaseCommand):
    help = "Run a background worker (Celery) that consumes jobs from DUALUSE_BROKER_URL."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--concurrency", type=int, default=1)
        parser.add_argument("--loglevel", default="INFO")
        parser.add_argument("--pool", default="prefork", choices=["prefork", "solo", "threads"])

    def handle(self, *args: Any, **o: Any) -> None:
        if not settings.CELERY_BROKER_URL:
            raise CommandError(
                "DUALUSE_BROKER_URL is not set: without a broker, jobs run in the web process "
                "and no worker is needed (e.g. DUALUSE_BROKER_URL=redis://127.0.0.1:6379/0)"
            )
        app.worker_main(
            [
                "worker",
                f"--loglevel={o['loglevel']}",
                f"--concurrency={o['concurrency']}",
                f"--pool={o['pool']}",
            ]
        )
