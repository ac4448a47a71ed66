"""The `dualuse` console script: a typer front over the management commands."""

from __future__ import annotations

import os
import sys

import typer
from django.core.management import execute_from_command_line

COMMANDS = {
    "migrate": "create or upgrade the database schema",
    "runserver": "run the development server (default 127.0.0.1:8000)",
    "createuser": "create a user in an organisation",
    "demo": "load demo organisations, users and data",
    "controllist": "import, diff and activate control-list versions",
    "classify": "rank Annex I entries for a product description",
    "audit": "verify the audit log's hash chain",
    "lists": "import restrictive-measures lists; status and diff",
    "screen": "screen a name against the active lists",
    "determine": "do I need a licence? (JSON in, JSON out)",
    "vote": "compute a Council vote outcome",
    "licences": "licence housekeeping (expiry, retention)",
    "retention": "list or remove records past their Art 27 retention period",
    "cooperation": "deadlines and reminders between Member States",
    "transparency": "publish the transparency dataset and the annual report",
    "diligence": "due-diligence housekeeping (hand pending Art 5(2) notifications over)",
    "compilemessages": "(translators) compile the .po files",
    "makemessages": "(translators) collect translatable strings",
    "worker": "run a background worker (Celery)",
    "collectstatic": "collect static files for deployment",
    "check": "check the deployment",
    "makemigrations": "(developers) create migrations",
    "showmigrations": "(developers) list migrations",
    "shell": "(developers) a Python shell with the app loaded",
    "dbshell": "(developers) the database shell",
}

app = typer.Typer(
    help="dualuse — EU dual-use export controls (Regulation (EU) 2021/821)",
    add_completion=False,
    no_args_is_help=True,
)


def _run(name: str, args: list[str]) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "dualuse.settings")
    execute_from_command_line(["dualuse", name, *args])


def _make(name: str, help_text: str) -> None:
    @app.command(
        name=name,
        help=help_text,
        add_help_option=False,
        context_settings={"allow_extra_args": True, "ignore_unknown_options": True},
    )
    def command(ctx: typer.Context) -> None:
        _run(name, list(ctx.args))


for _name, _help in COMMANDS.items():
    _make(_name, _help)


def main() -> None:
    # `dualuse vote outcome …` and friends are passed through whole, so each command keeps its own --help.
    if len(sys.argv) > 1 and sys.argv[1] in COMMANDS:
        _run(sys.argv[1], sys.argv[2:])
        return
    app()


if __name__ == "__main__":
    main()
