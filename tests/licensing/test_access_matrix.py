"""Every licensing page and API route, for every role and for another organisation's or state's objects:
each gets only what it may. Denials are 401/403/404 (or a redirect to the login form), never data.

The route lists are read from the URL configuration and the routers, so a new route without a row here
fails this test.
"""

from __future__ import annotations

import io
import json
import re
from typing import Any

import pytest
from django.test import Client
from django.urls import URLPattern

from dualuse.accounts.services import create_user
from dualuse.licensing import filetypes, services
from dualuse.licensing import urls as licensing_urls
from dualuse.licensing.api import authority as api_authority
from dualuse.licensing.api import exporter as api_exporter
from dualuse.licensing.api import licences as api_licences
from dualuse.licensing.api import ugea as api_ugea
from tests.conftest import PASSWORD, ApiClient
from tests.licensing import factories

pytestmark = pytest.mark.django_db

ACTORS = ["owner", "other_exporter", "officer", "senior", "officer_fr", "rep", "commission", "ngo", "anon"]
EXPORTERS = {"owner", "other_exporter"}
CASE = {"officer", "senior"}
MARKERS = ["SECRET-END-USE-4711", "Secret Party GmbH", "secret-statement.pdf"]

# (method, API path under /api/v1/licensing) -> (allowed, scoped). "scoped": answered, but without others' data.
API: dict[tuple[str, str], tuple[set[str], set[str]]] = {
    ("GET", "/applications"): ({"owner"}, {"other_exporter"}),
    ("POST", "/applications"): (EXPORTERS, set()),
    ("GET", "/applications/{pk}"): ({"owner"}, set()),
    ("PUT", "/applications/{pk}"): ({"owner"}, set()),
    ("GET", "/applications/{pk}/problems"): ({"owner"}, set()),
    ("POST", "/applications/{pk}/submit"): ({"owner"}, set()),
    ("POST", "/applications/{pk}/withdraw"): ({"owner"}, set()),
    ("POST", "/applications/{pk}/documents"): ({"owner"}, set()),
    ("POST", "/applications/{pk}/questions/{question_id}/answer"): ({"owner"}, set()),
    ("GET", "/cases"): (CASE, {"officer_fr"}),
    ("GET", "/cases/{pk}"): (CASE, set()),
    ("GET", "/cases/{pk}/precedents"): (CASE, set()),
    ("POST", "/cases/{pk}/start"): (CASE, set()),
    ("POST", "/cases/{pk}/assign"): (CASE, set()),
    ("POST", "/cases/{pk}/questions"): (CASE, set()),
    ("POST", "/cases/{pk}/consult"): (CASE, set()),
    ("POST", "/cases/{pk}/end-consultation"): (CASE, set()),
    ("PUT", "/cases/{pk}/assessments"): (CASE, set()),
    ("POST", "/cases/{pk}/propose"): (CASE, set()),
    ("POST", "/cases/{pk}/countersign"): ({"senior"}, set()),
    ("POST", "/cases/{pk}/return"): ({"senior"}, set()),
    ("GET", "/denials"): (CASE | {"officer_fr"}, set()),
    ("GET", "/licences/verify"): (set(ACTORS), set()),
    ("GET", "/licences"): ({"owner"} | CASE, {"other_exporter", "officer_fr"}),
    ("GET", "/licences/{lic}"): ({"owner"} | CASE, set()),
    ("GET", "/licences/{lic}/document"): ({"owner"} | CASE, set()),
    ("GET", "/licences/{lic}/uses"): ({"owner"} | CASE, set()),
    ("POST", "/licences/{lic}/uses"): ({"owner"}, set()),
    ("POST", "/licences/{lic}/suspend"): ({"senior"}, set()),
    ("POST", "/licences/{lic}/reinstate"): ({"senior"}, set()),
    ("POST", "/licences/{lic}/revoke"): ({"senior"}, set()),
    ("POST", "/licences/{lic}/amend"): ({"senior"}, set()),
    ("POST", "/licences/{lic}/surrender"): ({"owner"}, set()),
    ("GET", "/ugea-registrations"): ({"owner"} | CASE, {"other_exporter", "officer_fr"}),
    ("POST", "/ugea-registrations"): (EXPORTERS, set()),
    ("POST", "/ugea-registrations/{reg}/acknowledge"): (CASE, set()),
    ("POST", "/ugea-registrations/{reg}/withdraw"): ({"owner"}, set()),
    ("GET", "/ugea-registrations/{reg}/notices"): ({"owner"} | CASE, set()),
    ("POST", "/ugea-registrations/{reg}/notices"): ({"owner"}, set()),
}

# (method, page path) -> (allowed, scoped); the slug routes are checked with every action they take.
PAGES: dict[tuple[str, str], tuple[set[str], set[str]]] = {
    ("GET", "/applications/"): ({"owner"}, {"other_exporter"}),
    ("GET", "/applications/new/"): (EXPORTERS, set()),
    ("GET", "/applications/{pk}/"): ({"owner"}, set()),
    ("GET", "/applications/{draft}/edit/"): ({"owner"}, set()),
    ("POST", "/applications/{pk}/submit/"): ({"owner"}, set()),
    ("POST", "/applications/{pk}/withdraw/"): ({"owner"}, set()),
    ("POST", "/applications/{pk}/documents/"): ({"owner"}, set()),
    ("GET", "/applications/{pk}/documents/{doc}/"): ({"owner"} | CASE, set()),
    ("POST", "/applications/{pk}/documents/{doc}/remove/"): ({"owner"}, set()),
    ("POST", "/applications/{pk}/questions/{question_id}/answer/"): ({"owner"}, set()),
    ("GET", "/cases/"): (CASE, {"officer_fr"}),
    ("GET", "/cases/{pk}/"): (CASE, set()),
    ("POST", "/cases/{pk}/assessment/"): (CASE, set()),
    **{
        ("POST", f"/cases/{{pk}}/{action}/"): (CASE, set())
        for action in [
            "start",
            "assign",
            "question",
            "consult",
            "end-consultation",
            "propose",
            "countersign",
            "return",
        ]
    },
    ("GET", "/licences/"): ({"owner"} | CASE, {"other_exporter", "officer_fr"}),
    ("GET", "/licences/verify/"): (set(ACTORS), set()),
    ("GET", "/licences/{lic}/"): ({"owner"} | CASE, set()),
    ("GET", "/licences/{lic}/document.pdf"): ({"owner"} | CASE, set()),
    ("POST", "/licences/{lic}/uses/"): ({"owner"}, set()),
    **{
        ("POST", f"/licences/{{lic}}/{action}/"): ({"owner"} | CASE, set())
        for action in ["suspend", "reinstate", "revoke", "amend", "surrender"]
    },
    ("GET", "/ugea/"): ({"owner"} | CASE, {"other_exporter", "officer_fr"}),
    ("POST", "/ugea/register/"): (EXPORTERS, set()),
    ("POST", "/ugea/{reg}/acknowledge/"): (CASE, set()),
    ("POST", "/ugea/{reg}/withdraw/"): ({"owner"}, set()),
    ("POST", "/ugea/{reg}/notices/"): ({"owner"}, set()),
    ("GET", "/accounts/otp/"): (set(ACTORS) - {"anon"}, set()),
}


def _api_routes() -> set[tuple[str, str]]:
    found = set()
    for module in (api_exporter, api_authority, api_licences, api_ugea):
        for path, view in module.router.path_operations.items():
            for operation in view.operations:
                for method in operation.methods:
                    found.add((method, path))
    return found


def _page_routes() -> set[str]:
    out = set()
    for pattern in licensing_urls.urlpatterns:
        assert isinstance(pattern, URLPattern)
        out.add("/" + re.sub(r"<[^>]+>", "{x}", str(pattern.pattern)))
    return out


def _normalise(path: str) -> str:
    return re.sub(r"\{[a-z_]+\}", "{x}", path)


def test_the_matrix_covers_every_route() -> None:
    api = {(m, _normalise(p)) for m, p in API}
    assert {(m, _normalise(p)) for m, p in _api_routes()} == api
    pages = {
        re.sub(
            r"/(start|assign|question|consult|end-consultation|propose|countersign|return|suspend|reinstate|"
            r"revoke|amend|surrender)/$",
            "/{x}/",
            _normalise(p),
        )
        for _, p in PAGES
    }
    assert _page_routes() == pages


def _world(exporter: Any, officer: Any, senior: Any) -> dict[str, Any]:
    application = factories.draft(
        exporter, end_user="Secret Party GmbH", end_use="SECRET-END-USE-4711 in a refinery"
    )
    body = filetypes.sample("pdf")
    document = services.add_document(
        application,
        name="secret-statement.pdf",
        stream=io.BytesIO(body),
        size=len(body),
        kind="end_use_statement",
        acting_user=exporter,
    )
    services.submit_application(application, acting_user=exporter)
    services.start_assessment(application, acting_user=officer)
    question = services.ask_question(application, text="Who operates it?", acting_user=officer)
    licence = factories.licensed(
        exporter, officer, senior, end_user="Secret Party GmbH", end_use="SECRET-END-USE-4711 again"
    )
    registration = services.register_ugea("EU001", acting_user=exporter)
    draft = factories.draft(exporter, end_user="Secret Party GmbH", end_use="SECRET-END-USE-4711 draft")
    return {
        "pk": application.pk,
        "doc": document.pk,
        "question_id": question.pk,
        "lic": licence.pk,
        "reg": registration.pk,
        "draft": draft.pk,
        "number": licence.number,
        "code": licence.verification_code,
        "line": licence.lines.get().pk,
    }


def _fill(path: str, ids: dict[str, Any]) -> str:
    return re.sub(r"\{([a-z_]+)\}", lambda m: str(ids[m.group(1)]), path)


def _body(path: str, ids: dict[str, Any]) -> dict[str, Any]:
    """A valid body for each write, so that only the access rules can refuse it."""
    if path.endswith("/uses"):
        return {
            "line_id": ids["line"],
            "quantity": "1",
            "value_eur": "1.00",
            "shipped_on": "2026-01-05",
            "customs_reference": "MRN",
        }
    if path.endswith("/assessments"):
        return {"consideration": "cp_1", "finding": "no_concern", "reasoning": "r"}
    if path.endswith("/propose"):
        return {"outcome": "grant", "reasons": "r"}
    if path.endswith("/amend"):
        return {"reasons": "r", "conditions": "c"}
    if path.endswith("/notices"):
        return {"kind": "first_use", "first_export_on": "2026-01-05"}
    if path.endswith("/ugea-registrations"):
        return {"code": "EU002"}
    if path.endswith("/applications") or path.endswith("/applications/{pk}"):
        return {"title": "t"}
    return {"text": "t", "note": "n", "reasons": "r", "officer_id": None}


def _call(
    client: Client,
    method: str,
    path: str,
    url: str,
    ids: dict[str, Any],
    headers: dict[str, str],
    *,
    page: bool,
) -> Any:
    if method == "GET":
        params = {"number": ids["number"], "code": ids["code"]} if "verify" in url else {}
        return client.get(url, params, headers=headers)
    if page:
        return client.post(
            url, {"note": "n", "reasons": "r", "text": "t", "answer": "a", "code": "EU002"}, headers=headers
        )
    if path.endswith("/documents"):
        from django.core.files.uploadedfile import SimpleUploadedFile

        upload = SimpleUploadedFile("x.pdf", filetypes.sample("pdf"))
        return client.post(url, {"file": upload, "kind": "other"}, headers=headers)
    return client.generic(
        method, url, json.dumps(_body(path, ids)), content_type="application/json", headers=headers
    )


def test_every_role_gets_only_what_it_may(
    exporter: Any,
    other_exporter: Any,
    officer: Any,
    senior_officer: Any,
    officer_other_state: Any,
    commission: Any,
    ngo: Any,
) -> None:
    rep = create_user(
        username="rep-de", password=PASSWORD, organisation=officer.organisation, role="state_representative"
    )
    users = {
        "owner": exporter,
        "other_exporter": other_exporter,
        "officer": officer,
        "senior": senior_officer,
        "officer_fr": officer_other_state,
        "rep": rep,
        "commission": commission,
        "ngo": ngo,
        "anon": None,
    }
    ids = _world(exporter, officer, senior_officer)
    api_clients = {name: ApiClient(user) for name, user in users.items()}
    page_clients: dict[str, Client] = {}
    for name, user in users.items():
        page_clients[name] = Client()
        if user is not None:
            page_clients[name].force_login(user)
    failures: list[str] = []
    for table, page in ((API, False), (PAGES, True)):
        for (method, path), (allowed, scoped) in table.items():
            url = _fill(path, ids) if page else "/api/v1/licensing" + _fill(path, ids)
            for actor in ACTORS:
                if actor in allowed and method != "GET":
                    continue  # writes by those allowed are the flow tests' business; here state must not move
                if page:
                    response = _call(page_clients[actor], method, path, url, ids, {}, page=True)
                else:
                    response = _call(
                        api_clients[actor].client,
                        method,
                        path,
                        url,
                        ids,
                        api_clients[actor].headers,
                        page=False,
                    )
                status = response.status_code
                body = b"" if response.streaming else response.content
                where = f"{method} {url} as {actor}: {status}"
                if actor in allowed:
                    if status != 200:
                        failures.append(f"{where} (expected 200)")
                    continue
                if any(m.encode() in body for m in MARKERS):
                    failures.append(f"{where} leaks data")
                if actor in scoped:
                    if status != 200:
                        failures.append(f"{where} (expected 200 without others' data)")
                    continue
                denied = {401, 403, 404} if not page else ({302} if actor == "anon" else {403, 404})
                if status not in denied:
                    failures.append(f"{where} (expected one of {sorted(denied)})")
                if page and actor == "anon" and not response["Location"].startswith("/accounts/login/"):
                    failures.append(f"{where} redirects elsewhere than the login form")
    assert not failures, "\n".join(failures)
