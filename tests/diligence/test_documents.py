"""Evidence documents: the safe download name, and who may download (every denial path is a 404)."""

from __future__ import annotations

import subprocess
import sys
from typing import Any

import pytest

from dualuse.diligence import services
from dualuse.diligence.documents import MAX_LENGTH, safe_filename
from dualuse.diligence.models import EvidenceDocument
from tests.diligence.conftest import PDF
from tests.transparency.factories import decided_application


def url(document: EvidenceDocument, evidence_id: int | None = None) -> str:
    return f"/evidence/{evidence_id or document.evidence_id}/documents/{document.pk}/"


def download(client: Any, user: Any, document: EvidenceDocument) -> Any:
    if user is not None:
        client.force_login(user)
    return client.get(url(document))


# The download name, a pure function.


@pytest.mark.parametrize(
    ("original", "content_type", "expected"),
    [
        ("report.pdf", "application/pdf", "report.pdf"),
        ("Report.PDF", "application/pdf", "Report.PDF"),
        ("photo.jpeg", "image/jpeg", "photo.jpeg"),
        ("photo", "image/jpeg", "photo.jpg"),
        ("../../etc/passwd", "text/plain", "passwd.txt"),
        ("C:\\Users\\me\\notes.txt", "text/plain", "notes.txt"),
        ('ev"il;name.html', "text/plain", "ev_il_name.html.txt"),
        ("a\r\nSet-Cookie: x=1.pdf", "application/pdf", "aSet-Cookie_ x_1.pdf"),
        ("a\r\nContent-Type: text/html.pdf", "application/pdf", "html.pdf"),
        (".hidden.pdf", "application/pdf", "hidden.pdf"),
        ("...", "application/pdf", "document.pdf"),
        ("", "image/png", "document.png"),
        ("Bericht über Überwachung.pdf", "application/pdf", "Bericht über Überwachung.pdf"),
        ("scan.exe", "application/octet-stream", "scan.exe.bin"),
    ],
)
def test_safe_filename(original: str, content_type: str, expected: str) -> None:
    assert safe_filename(original, content_type) == expected


def test_safe_filename_is_bounded_and_keeps_the_extension() -> None:
    name = safe_filename("x" * 500 + ".pdf", "application/pdf")
    assert len(name) == MAX_LENGTH and name.endswith(".pdf")
    assert safe_filename("", "application/pdf", fallback="EV-000007") == "EV-000007.pdf"


def test_documents_module_does_not_import_django() -> None:
    code = "import sys, dualuse.diligence.documents\nassert 'django' not in sys.modules\n"
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=False
    )
    assert done.returncode == 0, done.stderr


# Who may download.

needs_db = pytest.mark.django_db


@needs_db
def test_submitter_downloads_an_attachment(client: Any, ngo: Any, make_evidence: Any) -> None:
    document = make_evidence(ngo).documents.get()
    response = download(client, ngo, document)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == PDF
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == 'attachment; filename="report.pdf"'
    assert response["Cache-Control"] == "private, no-store"
    assert response["X-Content-Type-Options"] == "nosniff"


@needs_db
@pytest.mark.parametrize("who", ["officer", "senior_officer", "officer_other_state", "commission"])
def test_moderators_download(client: Any, request: Any, ngo: Any, make_evidence: Any, who: str) -> None:
    """Every officer and the Commission moderate evidence, so each may read its documents."""
    document = make_evidence(ngo).documents.get()
    response = download(client, request.getfixturevalue(who), document)
    assert response.status_code == 200 and b"".join(response.streaming_content) == PDF


@needs_db
@pytest.mark.parametrize("confidentiality", ["authorities", "public"])
@pytest.mark.parametrize("who", ["other_ngo", "exporter", "other_exporter", "state_representative"])
def test_nobody_else_downloads(
    client: Any, request: Any, ngo: Any, make_evidence: Any, who: str, confidentiality: str
) -> None:
    """Not even "may be cited publicly" evidence publishes the submitter's files."""
    document = make_evidence(ngo, confidentiality=confidentiality).documents.get()
    assert download(client, request.getfixturevalue(who), document).status_code == 404


@needs_db
def test_the_exporter_of_a_case_the_evidence_concerns_gets_404(
    client: Any, ngo: Any, officer: Any, exporter: Any, make_evidence: Any
) -> None:
    evidence = make_evidence(ngo, confidentiality="public")
    services.moderate_evidence(evidence, accept=True, note="", acting_user=officer)
    application = decided_application(
        exporter.organisation,
        exporter,
        status="under_assessment",
        lines=[("5A001.f", "MM", "5000.00")],
        end_user_name="Golden Eagle Trading",
    )
    assert [item.evidence.pk for item in services.evidence_for_case(application)] == [evidence.pk]
    assert download(client, exporter, evidence.documents.get()).status_code == 404


@needs_db
def test_anonymous_is_sent_to_log_in(client: Any, ngo: Any, make_evidence: Any) -> None:
    document = make_evidence(ngo).documents.get()
    response = download(client, None, document)
    assert response.status_code == 302 and "/login" in response["Location"]


@needs_db
def test_a_document_under_another_evidence_number_is_404(client: Any, ngo: Any, make_evidence: Any) -> None:
    first = make_evidence(ngo).documents.get()
    second = make_evidence(ngo, title="Second report on the same company")
    client.force_login(ngo)
    assert client.get(url(first, second.pk)).status_code == 404
    assert client.get(f"/evidence/{first.evidence_id}/documents/{first.pk + 1000}/").status_code == 404


@needs_db
def test_unverified_officer_session_is_404(
    client: Any, settings: Any, ngo: Any, officer: Any, make_evidence: Any
) -> None:
    document = make_evidence(ngo).documents.get()
    settings.REQUIRE_OTP_FOR_AUTHORITIES = True
    assert download(client, officer, document).status_code == 404


@needs_db
def test_a_hostile_name_is_made_safe(client: Any, ngo: Any, make_evidence: Any) -> None:
    text = b"<script>alert(1)</script>"
    document = make_evidence(ngo, documents=[('../../a"b.html', text)]).documents.get()
    assert document.content_type == "text/plain"
    response = download(client, ngo, document)
    assert response["Content-Disposition"] == 'attachment; filename="a_b.html.txt"'
    assert response["Content-Type"].startswith("text/plain")


@needs_db
def test_a_non_ascii_name_is_encoded(client: Any, ngo: Any, make_evidence: Any) -> None:
    document = make_evidence(ngo, documents=[("Bericht über.pdf", PDF)]).documents.get()
    response = download(client, ngo, document)
    assert response["Content-Disposition"] == "attachment; filename*=utf-8''Bericht%20%C3%BCber.pdf"


@needs_db
def test_a_file_missing_from_storage_is_404(client: Any, ngo: Any, make_evidence: Any) -> None:
    document = make_evidence(ngo).documents.get()
    document.file.storage.delete(document.file.name)
    assert download(client, ngo, document).status_code == 404


@needs_db
def test_pages_link_the_documents(
    client: Any, ngo: Any, officer: Any, exporter: Any, make_evidence: Any
) -> None:
    evidence = make_evidence(ngo)
    document = evidence.documents.get()
    client.force_login(ngo)
    assert f'href="{url(document)}"' in client.get(f"/evidence/{evidence.pk}/").content.decode()
    services.moderate_evidence(evidence, accept=True, note="", acting_user=officer)
    application = decided_application(
        exporter.organisation,
        exporter,
        status="under_assessment",
        lines=[("5A001.f", "MM", "5000.00")],
        end_user_name="Golden Eagle Trading",
    )
    client.force_login(officer)
    page = client.get(f"/evidence/cases/{application.pk}/").content.decode()
    assert f'href="{url(document)}"' in page
