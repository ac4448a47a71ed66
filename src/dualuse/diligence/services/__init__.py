"""The only place that changes diligence state: one transaction and one audit event per write.

Integration points for other apps:
- licensing: `has_compliance_programme(org)`, `evidence_for_case(application)`,
  `record_consideration(...)`, `missing_considerations(application)`, `records_for_application(...)`;
- cooperation: `pending_notifications()` and `mark_notification_sent(record, reference)` (Art 5(2)).
"""

from dualuse.diligence.services.evidence import (
    CaseEvidence,
    EvidenceDraft,
    Upload,
    evidence_for_case,
    missing_considerations,
    moderate_evidence,
    record_consideration,
    submit_evidence,
)
from dualuse.diligence.services.programme import has_compliance_programme, save_programme
from dualuse.diligence.services.records import (
    attach_record,
    create_record,
    mark_notification_sent,
    pending_notifications,
    records_for_application,
    retain_until,
    save_version,
)

__all__ = [
    "CaseEvidence",
    "EvidenceDraft",
    "attach_record",
    "create_record",
    "evidence_for_case",
    "has_compliance_programme",
    "mark_notification_sent",
    "missing_considerations",
    "moderate_evidence",
    "pending_notifications",
    "record_consideration",
    "records_for_application",
    "retain_until",
    "save_programme",
    "save_version",
    "submit_evidence",
    "Upload",
]
