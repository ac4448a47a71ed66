"""The diligence models, one module per concern; imported here so Django finds them."""

from dualuse.diligence.models.evidence import (
    Confidentiality,
    Evidence,
    EvidenceConsideration,
    EvidenceDocument,
    EvidenceStatus,
    HowConsidered,
)
from dualuse.diligence.models.records import (
    ComplianceProgramme,
    DueDiligenceRecord,
    NotificationStatus,
    RecordVersion,
)

__all__ = [
    "ComplianceProgramme",
    "Confidentiality",
    "DueDiligenceRecord",
    "Evidence",
    "EvidenceConsideration",
    "EvidenceDocument",
    "EvidenceStatus",
    "HowConsidered",
    "NotificationStatus",
    "RecordVersion",
]
