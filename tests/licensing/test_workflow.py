"""The pure status machine and completeness rules (no database)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from dualuse.licensing import completeness, records, workflow
from dualuse.licensing.completeness import ApplicationDraft, LineDraft, PartyDraft
from dualuse.licensing.workflow import Actor, Status


def test_the_happy_path_exists_with_its_actors() -> None:
    path = [
        (Status.DRAFT, Status.SUBMITTED, Actor.EXPORTER),
        (Status.SUBMITTED, Status.UNDER_ASSESSMENT, Actor.OFFICER),
        (Status.UNDER_ASSESSMENT, Status.DECISION_PROPOSED, Actor.OFFICER),
        (Status.DECISION_PROPOSED, Status.GRANTED, Actor.SENIOR),
    ]
    for current, target, actor in path:
        assert workflow.check(current, target, actor) == actor


@pytest.mark.parametrize(
    ("current", "target"),
    [
        (Status.DRAFT, Status.GRANTED),
        (Status.SUBMITTED, Status.DECISION_PROPOSED),
        (Status.GRANTED, Status.WITHDRAWN),
        (Status.DENIED, Status.UNDER_ASSESSMENT),
        (Status.WITHDRAWN, Status.SUBMITTED),
        (Status.AWAITING_INFORMATION, Status.DECISION_PROPOSED),
    ],
)
def test_illegal_transitions_are_refused(current: Status, target: Status) -> None:
    with pytest.raises(workflow.TransitionNotAllowed):
        workflow.check(current, target)


def test_the_wrong_actor_is_refused() -> None:
    with pytest.raises(workflow.TransitionNotAllowed, match="senior"):
        workflow.check(Status.DECISION_PROPOSED, Status.GRANTED, Actor.OFFICER)
    with pytest.raises(workflow.TransitionNotAllowed):
        workflow.check(Status.UNDER_ASSESSMENT, Status.WITHDRAWN, Actor.OFFICER)


def test_withdrawal_only_before_a_decision() -> None:
    for status in Status:
        can = workflow.allowed(status, Status.WITHDRAWN) is not None
        assert can == (status not in workflow.FINAL)


def test_question_and_consultation_loops_return_to_assessment() -> None:
    assert workflow.allowed(Status.AWAITING_INFORMATION, Status.UNDER_ASSESSMENT) == Actor.EXPORTER
    assert workflow.allowed(Status.IN_CONSULTATION, Status.UNDER_ASSESSMENT) == Actor.OFFICER
    assert workflow.allowed(Status.DECISION_PROPOSED, Status.UNDER_ASSESSMENT) == Actor.SENIOR


def _draft(**kw: object) -> ApplicationDraft:
    base: dict[str, object] = {
        "type": "individual",
        "activity": "export",
        "end_use": "Process control in a refinery",
        "lines": [LineDraft("Transducers", "2B230", False, Decimal("1"), "pieces", Decimal("10"), "IN")],
        "parties": [PartyDraft("end_user", "commercial", "Bharat", "IN")],
        "document_kinds": ["end_use_statement"],
    }
    base.update(kw)
    return ApplicationDraft(**base)  # type: ignore[arg-type]


def _problems(draft: ApplicationDraft) -> list[str]:
    found = completeness.problems(
        draft, is_entry=lambda c: c in {"2B230", "5A001.f"}, is_country=lambda c: c in {"IN", "DE"}
    )
    return [p.where for p in found]


def test_a_complete_draft_has_no_problems() -> None:
    assert _problems(_draft()) == []


def test_every_problem_is_listed_with_its_field_path() -> None:
    draft = _draft(
        end_use="",
        lines=[
            LineDraft("", "9Z999", False, Decimal("0"), "", None, "XX"),
            LineDraft("ok", "", False, Decimal("1"), "kg", Decimal("1"), "IN"),
        ],
        parties=[PartyDraft("consignee", "alien", "", "QQ")],
        document_kinds=[],
    )
    where = _problems(draft)
    assert where == [
        "end_use",
        "lines[0].description",
        "lines[0].entry_code",
        "lines[0].quantity",
        "lines[0].unit",
        "lines[0].value_eur",
        "lines[0].destination",
        "lines[1].entry_code",
        "parties",
        "parties[0].kind",
        "parties[0].name",
        "parties[0].country",
        "documents",
    ]


def test_large_project_needs_a_description_and_global_needs_no_statement() -> None:
    assert "project_description" in _problems(_draft(type="large_project"))
    assert "documents" not in _problems(_draft(type="global", document_kinds=[]))


def test_retention_runs_from_the_end_of_the_calendar_year() -> None:
    from datetime import date

    assert records.keep_until(2020) == date(2025, 12, 31)
    assert not records.past_retention(2020, date(2025, 12, 31))
    assert records.past_retention(2020, date(2026, 1, 1))


def test_validity_end_is_inclusive_and_clamped() -> None:
    from datetime import date

    assert records.validity_end(date(2026, 1, 31), 1) == date(2026, 2, 27)
    assert records.validity_end(date(2026, 3, 1), 24) == date(2028, 2, 29)


def test_pure_modules_do_not_import_django() -> None:
    import subprocess
    import sys

    modules = ["workflow", "completeness", "considerations", "records", "ugea_rules", "filetypes"]
    code = (
        "import sys\n"
        + "".join(f"import dualuse.licensing.{m}\n" for m in modules)
        + (
            "assert not any(m == 'django' or m.startswith('django.') for m in sys.modules), 'django imported'\n"
        )
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
