"""Internal compliance programmes (Recommendation (EU) 2019/1318), self-assessed by the exporter."""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.utils import timezone

from dualuse.core import audit
from dualuse.core.models import Verb
from dualuse.diligence import access
from dualuse.diligence.errors import InvalidProgramme
from dualuse.diligence.models import ComplianceProgramme
from dualuse.diligence.steps import clean_programme, programme_complete


def save_programme(elements: Any, *, acting_user: Any) -> ComplianceProgramme:
    """A new self-assessment of the seven elements; the version counts up, the audit log keeps each."""
    access.access_record_write(acting_user)
    cleaned, problems = clean_programme(elements)
    if problems:
        shown = "; ".join(str(p) for p in problems[:10])
        raise InvalidProgramme(
            f"the self-assessment is incomplete: {shown}", field=problems[0].where, problems=problems
        )
    with transaction.atomic():
        programme = (
            ComplianceProgramme.objects.select_for_update()
            .filter(exporter_id=acting_user.organisation_id)
            .first()
        )
        if programme is None:
            programme = ComplianceProgramme(exporter_id=acting_user.organisation_id)
        programme.elements = cleaned
        programme.complete = programme_complete(cleaned)
        programme.version += 1
        programme.assessed_by = acting_user
        programme.assessed_at = timezone.now()
        programme.save()
        audit.record(
            acting_user,
            Verb.DILIGENCE_SAVED,
            programme,
            data={"version": programme.version, "complete": programme.complete, "elements": cleaned},
        )
    return programme


def has_compliance_programme(organisation: Any) -> bool:
    """Global authorisations (Art 12(4)) and EU007 require an ICP: all seven elements of
    Recommendation (EU) 2019/1318 self-assessed as in place, with evidence."""
    org_id = getattr(organisation, "pk", organisation)
    return ComplianceProgramme.objects.filter(exporter_id=org_id, complete=True).exists()
