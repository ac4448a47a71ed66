"""dualuse createuser USERNAME --role ROLE --organisation NAME [--kind K --member-state XX] [--password P]"""

from __future__ import annotations

import getpass
import secrets
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from dualuse.accounts import services
from dualuse.accounts.models import Organisation, OrgKind, Role
from dualuse.core.commands import domain_errors_as_command_errors, dumps
from dualuse.core.countries import is_member_state, normalise_code


class Command(BaseCommand):
    help = "Create a user in an organisation (the organisation is created when it does not exist)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("username")
        parser.add_argument("--role", required=True, choices=[r.value for r in Role])
        parser.add_argument("--organisation", required=True)
        parser.add_argument("--kind", choices=[k.value for k in OrgKind])
        parser.add_argument("--member-state", default="")
        parser.add_argument("--email", default="")
        parser.add_argument(
            "--password", help="omit to be asked, or to generate one with --generate-password"
        )
        parser.add_argument("--generate-password", action="store_true")
        parser.add_argument("--json", action="store_true")

    @domain_errors_as_command_errors
    def handle(self, *args: Any, **o: Any) -> None:
        org = Organisation.objects.filter(name=o["organisation"]).first()
        if org is None:
            if not o["kind"]:
                raise CommandError(
                    f"organisation {o['organisation']!r} does not exist: give --kind to create it"
                )
            state = normalise_code(o["member_state"]) if o["member_state"] else ""
            if state and not is_member_state(state):
                raise CommandError(f"--member-state {o['member_state']!r} is not an EU Member State")
            org = Organisation.objects.create(name=o["organisation"], kind=o["kind"], member_state=state)
        password = o["password"]
        if o["generate_password"]:
            password = secrets.token_urlsafe(12)
        if not password:
            password = getpass.getpass("password: ")
        user = services.create_user(
            username=o["username"], password=password, organisation=org, role=o["role"], email=o["email"]
        )
        if o["json"]:
            self.stdout.write(
                dumps(
                    {
                        "id": user.pk,
                        "username": user.username,
                        "organisation": org.name,
                        "role": user.role,
                        "password": password if o["generate_password"] else None,
                    }
                )
            )
        else:
            self.stdout.write(f"user {user.username} created ({user.get_role_display()}, {org.name})")
            if o["generate_password"]:
                self.stdout.write(f"password: {password}")
