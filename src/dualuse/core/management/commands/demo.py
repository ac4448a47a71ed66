"""dualuse demo: demo organisations and users for every role (passwords printed), the control list
from ../shared/data when present, and each app's demo data."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandParser
from django.db import transaction

from dualuse.accounts import services as account_services
from dualuse.accounts.models import Organisation, User
from dualuse.controllist import services as controllist_services
from dualuse.controllist.models import ControlListVersion
from dualuse.core import demo
from dualuse.core.commands import dumps


class Command(BaseCommand):
    help = "Load demo organisations, users (one per role) and demo data. Safe to run twice."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--json", action="store_true")

    def handle(self, *args: Any, **o: Any) -> None:
        say = (lambda _msg: None) if o["json"] else (lambda msg: self.stdout.write(msg))
        with transaction.atomic():
            for spec in demo.DEMO_ORGANISATIONS:
                Organisation.objects.get_or_create(name=spec["name"], defaults=spec)
            created = []
            for spec in demo.DEMO_USERS:
                if not User.objects.filter(username=spec["username"]).exists():
                    account_services.create_user(
                        username=spec["username"],
                        password=demo.demo_password(spec["username"]),
                        organisation=Organisation.objects.get(name=spec["organisation"]),
                        role=spec["role"],
                    )
                    created.append(spec["username"])
        self._control_list(say)
        for label, loader in demo.loaders():
            say(f"demo data: {label}")
            loader(say)
        users = [
            {
                "username": s["username"],
                "password": demo.demo_password(s["username"]),
                "role": s["role"],
                "organisation": s["organisation"],
            }
            for s in demo.DEMO_USERS
        ]
        if o["json"]:
            self.stdout.write(dumps({"users": users, "created": created}))
            return
        self.stdout.write("\nDemo users (log in at /accounts/login/):")
        for u in users:
            self.stdout.write(
                f"  {u['username']:<12} {u['password']:<24} {u['role']:<21} {u['organisation']}"
            )
        if settings.REQUIRE_OTP_FOR_AUTHORITIES:
            self.stdout.write(
                "\nAuthority users confirm each session with a one-time code: on first login they set up an "
                "authenticator app at /accounts/otp/ (or start with DUALUSE_REQUIRE_OTP=false for a quick look)."
            )

    def _control_list(self, say: Any) -> None:
        if ControlListVersion.objects.active() is not None:
            say("control list: already imported")
            return
        data = settings.SHARED_DATA_DIR
        entries = data / "annex-i.jsonl"
        if not entries.exists():
            say(
                f"control list: {entries} not found. Import one with:\n  dualuse controllist import --entries "
                "annex-i.jsonl --definitions annex-i-definitions.jsonl --notes annex-i-notes.jsonl "
                '--legal-act "Commission Delegated Regulation (EU) 2025/2003" --applies-from 2025-11-15'
            )
            return
        outcome = controllist_services.import_control_list(
            entries=entries,
            definitions=data / "annex-i-definitions.jsonl",
            notes=data / "annex-i-notes.jsonl",
            legal_act="Commission Delegated Regulation (EU) 2025/2003",
            applies_from=date(2025, 11, 15),
            source="EUR-Lex CELEX 02021R0821-20251115",
        )
        say(f"control list: imported {outcome.version.entry_count} entries ({outcome.version.legal_act})")
