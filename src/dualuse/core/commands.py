"""Shared pieces of the management commands: JSON output, progress bars on stderr, clean errors."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from django.core.management.base import CommandError
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

from dualuse.core.errors import DomainError


def dumps(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, default=str)


@contextmanager
def progress_bar(label: str) -> Iterator[Callable[[str, int, int], None]]:
    """A rich bar on stderr (stdout stays clean for --json); hidden when stderr is not a terminal."""
    console = Console(stderr=True)
    with Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeRemainingColumn(),
        console=console,
        transient=True,
        disable=not console.is_terminal,
    ) as bar:
        task = bar.add_task(label, total=None)

        def update(stage: str, done: int, total: int) -> None:
            bar.update(task, description=f"{label}: {stage}", completed=done, total=total or None)

        yield update


def domain_errors_as_command_errors(func: Callable[..., Any]) -> Callable[..., Any]:
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except DomainError as exc:
            lines = [exc.message] + [f"  - {p}" for p in exc.problems[:50]]
            raise CommandError("\n".join(lines)) from exc

    return wrapper


def read_json_lines(stream: Any = None) -> Iterator[tuple[int, str]]:
    for number, line in enumerate(stream or sys.stdin, start=1):
        if line.strip():
            yield number, line
