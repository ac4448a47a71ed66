"""The licence document, laid out after the Annex III model forms (Art 12(2)), rendered by WeasyPrint."""

from __future__ import annotations

from typing import Any

from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext, gettext_noop
from weasyprint import HTML

from dualuse.core.countries import country_name
from dualuse.licensing.models import Licence

FORM_TITLES = {
    "individual": gettext_noop("Individual export authorisation (Annex III A)"),
    "global": gettext_noop("Global export authorisation (Annex III B)"),
    "large_project": gettext_noop("Individual export authorisation for a large project (Annex III A)"),
}


def licence_context(licence: Licence, *, verify_url: str) -> dict[str, Any]:
    application = licence.application
    parties = {p.role: p for p in application.parties.all()}
    lines = list(licence.lines.all())
    return {
        "licence": licence,
        "application": application,
        "form_title": gettext(FORM_TITLES.get(licence.type, gettext_noop("Export authorisation"))),
        "holder": licence.holder,
        "authority": licence.authority,
        "consignee": parties.get("consignee"),
        "end_user": parties.get("end_user"),
        "destinations": [f"{country_name(c)} ({c})" for c in licence.destinations],
        "lines": lines,
        "total_value": sum((line.authorised_value for line in lines), start=0),
        "issuing_state": country_name(licence.member_state),
        "verify_url": verify_url,
        "printed_at": timezone.localtime(),
    }


def render_licence_pdf(licence: Licence, *, verify_url: str) -> bytes:
    html = render_to_string("licensing/licence_pdf.html", licence_context(licence, verify_url=verify_url))
    return HTML(string=html).write_pdf()  # type: ignore[no-any-return]
