"""The due-diligence pages through the Django client: list, new record, record and its versions, and
the compliance programme. Every denial is a 404 (or the login page for the anonymous)."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from dualuse.diligence import services
from dualuse.diligence.models import ComplianceProgramme, DueDiligenceRecord
from dualuse.diligence.steps import ICP_ELEMENTS, RED_FLAGS
from tests.diligence.helpers import content, programme
from tests.transparency.factories import decided_application

pytestmark = pytest.mark.django_db


def form(**changes: Any) -> dict[str, Any]:
    """The record form's POST data for helpers.content(), with the red flags and notes as the page
    sends them."""
    data = content()
    post: dict[str, Any] = {
        k: v for k, v in data.items() if k not in {"red_flags", "mitigations"} and isinstance(v, str)
    }
    post |= {"reference": "PO-77", "transaction_date": "2025-03-01", "mitigations": ["contract_clauses"]}
    for code, answer in data["red_flags"].items():
        post[f"flag_{code}"] = answer["answer"]
        post[f"note_{code}"] = answer["note"]
    post.update(changes)
    return {k: v for k, v in post.items() if v is not None}


def make_record(user: Any, reference: str = "PO-1") -> DueDiligenceRecord:
    return services.create_record(
        content(), reference=reference, transaction_date=date(2025, 3, 1), acting_user=user
    )


def get(client: Any, user: Any, url: str) -> Any:
    if user is not None:
        client.force_login(user)
    return client.get(url)


def assert_login(response: Any) -> None:
    assert response.status_code == 302 and response["Location"].startswith("/accounts/login/")


# The list


def test_exporter_lists_its_own_records_only(client: Any, exporter: Any, other_exporter: Any) -> None:
    mine, theirs = make_record(exporter, "PO-MINE"), make_record(other_exporter, "PO-THEIRS")
    page = get(client, exporter, "/diligence/").content.decode()
    assert f"/diligence/records/{mine.pk}/" in page and "PO-MINE" in page
    assert "PO-THEIRS" not in page and f"/diligence/records/{theirs.pk}/" not in page
    assert 'href="/diligence/records/new/"' in page


@pytest.mark.parametrize("who", ["ngo", "commission", "officer"])
def test_others_list_no_unattached_record(client: Any, request: Any, exporter: Any, who: str) -> None:
    make_record(exporter, "PO-SECRET")
    response = get(client, request.getfixturevalue(who), "/diligence/")
    assert response.status_code == 200
    page = response.content.decode()
    assert "PO-SECRET" not in page and 'href="/diligence/records/new/"' not in page


def test_officer_lists_records_attached_to_its_cases(
    client: Any, exporter: Any, officer: Any, officer_other_state: Any
) -> None:
    record = make_record(exporter, "PO-ATTACHED")
    application = decided_application(exporter.organisation, exporter, status="submitted")
    services.attach_record(record, application, acting_user=exporter)
    assert "PO-ATTACHED" in get(client, officer, "/diligence/").content.decode()
    assert "PO-ATTACHED" not in get(client, officer_other_state, "/diligence/").content.decode()


@pytest.mark.parametrize(
    "url", ["/diligence/", "/diligence/records/new/", "/diligence/records/1/", "/diligence/programme/"]
)
def test_anonymous_is_sent_to_log_in(client: Any, url: str) -> None:
    assert_login(client.get(url))


# A new record


def test_exporter_creates_a_record_from_the_page(client: Any, exporter: Any) -> None:
    assert get(client, exporter, "/diligence/records/new/").status_code == 200
    response = client.post("/diligence/records/new/", form())
    record = DueDiligenceRecord.objects.get()
    assert response.status_code == 302 and response["Location"] == f"/diligence/records/{record.pk}/"
    assert record.exporter_id == exporter.organisation_id and record.reference == "PO-77"
    version = record.versions.get()
    assert version.content["red_flags"]["abusive_end_user"] == {"answer": "yes", "note": "NGO report 2025"}
    assert version.content["mitigations"] == ["contract_clauses"]


def test_a_refused_record_keeps_every_answer(client: Any, exporter: Any) -> None:
    """After a validation error the page comes back with the red-flag answers and notes as sent."""
    client.force_login(exporter)
    response = client.post(
        "/diligence/records/new/",
        form(conclusion="", flag_odd_routing="unknown", note_odd_routing="paid in cash via a free zone"),
    )
    assert response.status_code == 400
    assert DueDiligenceRecord.objects.count() == 0
    page = response.content.decode()
    assert 'id="errors"' in page and "conclusion" in page
    assert 'name="flag_abusive_end_user" value="yes" checked' in page
    assert 'name="flag_abusive_end_user" value="no" checked' not in page
    assert 'name="flag_odd_routing" value="unknown" checked' in page
    assert 'name="flag_covert_marketing" value="no" checked' in page
    assert 'name="note_abusive_end_user" value="NGO report 2025"' in page
    assert 'name="note_odd_routing" value="paid in cash via a free zone"' in page
    assert page.count(" checked>") >= len(RED_FLAGS) + 1  # every flag, and the mitigation
    assert 'value="PO-77"' in page and 'value="contract_clauses" checked' in page


def test_unanswered_flags_stay_unchecked(client: Any, exporter: Any) -> None:
    page = get(client, exporter, "/diligence/records/new/").content.decode()
    assert all(f'name="flag_{f.code}" value="no">' in page for f in RED_FLAGS)
    assert 'value="yes" checked' not in page


def test_a_hostile_note_is_escaped_when_shown_again(client: Any, exporter: Any) -> None:
    client.force_login(exporter)
    response = client.post(
        "/diligence/records/new/", form(conclusion="", note_odd_routing='"><script>x</script>')
    )
    page = response.content.decode()
    assert "<script>x</script>" not in page and "&quot;&gt;&lt;script&gt;" in page


def test_a_bad_transaction_date_is_400(client: Any, exporter: Any) -> None:
    client.force_login(exporter)
    response = client.post("/diligence/records/new/", form(transaction_date="1 March"))
    assert response.status_code == 400 and "give the date of the transaction" in response.content.decode()
    assert DueDiligenceRecord.objects.count() == 0


@pytest.mark.parametrize("who", ["ngo", "officer", "commission"])
def test_only_exporters_open_the_new_record_page(client: Any, request: Any, who: str) -> None:
    user = request.getfixturevalue(who)
    assert get(client, user, "/diligence/records/new/").status_code == 404
    assert client.post("/diligence/records/new/", form()).status_code == 404
    assert DueDiligenceRecord.objects.count() == 0


# A record and its versions


def test_exporter_sees_the_record_and_every_version(client: Any, exporter: Any) -> None:
    record = make_record(exporter)
    services.save_version(
        record, content(conclusion="stop", conclusion_reason="Too risky."), acting_user=exporter
    )
    response = get(client, exporter, f"/diligence/records/{record.pk}/")
    assert response.status_code == 200
    page = response.content.decode()
    assert "Stop the transaction" in page and "Too risky." in page  # the latest version
    assert "v2 —" in page and "v1 —" in page
    assert "NGO report 2025" in page and "Kept until 2030-12-31" in page


@pytest.mark.parametrize("who", ["other_exporter", "ngo", "officer", "commission"])
def test_others_get_404_on_a_record(client: Any, request: Any, exporter: Any, who: str) -> None:
    record = make_record(exporter)
    assert get(client, request.getfixturevalue(who), f"/diligence/records/{record.pk}/").status_code == 404


def test_case_officer_sees_an_attached_record(
    client: Any, settings: Any, exporter: Any, officer: Any, officer_other_state: Any
) -> None:
    record = make_record(exporter)
    services.attach_record(
        record, decided_application(exporter.organisation, exporter, status="submitted"), acting_user=exporter
    )
    assert get(client, officer, f"/diligence/records/{record.pk}/").status_code == 200
    assert get(client, officer_other_state, f"/diligence/records/{record.pk}/").status_code == 404
    settings.REQUIRE_OTP_FOR_AUTHORITIES = True  # an unverified session sees nothing
    assert get(client, officer, f"/diligence/records/{record.pk}/").status_code == 404


def test_a_record_attached_to_a_draft_is_not_the_officers(client: Any, exporter: Any, officer: Any) -> None:
    record = make_record(exporter)
    services.attach_record(
        record, decided_application(exporter.organisation, exporter, status="draft"), acting_user=exporter
    )
    assert get(client, officer, f"/diligence/records/{record.pk}/").status_code == 404


# The compliance programme


def programme_form(status: str = "in_place") -> dict[str, str]:
    post = {}
    for code, value in programme(status).items():
        post[f"status_{code}"], post[f"evidence_{code}"] = value["status"], value["evidence"]
    return post


def test_exporter_self_assesses_its_programme(client: Any, exporter: Any) -> None:
    assert get(client, exporter, "/diligence/programme/").status_code == 200
    response = client.post("/diligence/programme/", programme_form())
    assert response.status_code == 302 and response["Location"] == "/diligence/programme/"
    current = ComplianceProgramme.objects.get(exporter=exporter.organisation)
    assert current.complete and current.version == 1
    page = client.get("/diligence/programme/").content.decode()
    assert 'id="programme-status"' in page and "Complete" in page and "Policy v3, 2025" in page


def test_an_incomplete_programme_is_400_and_keeps_the_answers(client: Any, exporter: Any) -> None:
    client.force_login(exporter)
    post = programme_form()
    post[f"status_{ICP_ELEMENTS[0].code}"] = ""
    post[f"evidence_{ICP_ELEMENTS[1].code}"] = "Board minutes 2025-02"
    response = client.post("/diligence/programme/", post)
    assert response.status_code == 400
    page = response.content.decode()
    assert 'role="alert"' in page and "Board minutes 2025-02" in page
    assert not ComplianceProgramme.objects.exists()


def test_another_exporter_does_not_see_the_programme(client: Any, exporter: Any, other_exporter: Any) -> None:
    services.save_programme(programme(), acting_user=exporter)
    page = get(client, other_exporter, "/diligence/programme/").content.decode()
    assert "Policy v3, 2025" not in page and 'id="programme-status"' not in page


@pytest.mark.parametrize("who", ["ngo", "officer", "commission"])
def test_only_exporters_open_the_programme_page(client: Any, request: Any, who: str) -> None:
    assert get(client, request.getfixturevalue(who), "/diligence/programme/").status_code == 404
    assert client.post("/diligence/programme/", programme_form()).status_code == 404
    assert not ComplianceProgramme.objects.exists()
