"""The only place that changes licensing state: one transaction and one audit event per write.

One module per concern; everything public is re-exported here, so callers write `services.submit_application`.
"""

from dualuse.licensing.services.applications import (
    add_document,
    competent_authority,
    create_application,
    problems_of,
    remove_document,
    submit_application,
    update_application,
    withdraw_application,
)
from dualuse.licensing.services.cases import (
    answer_question,
    ask_question,
    assign_officer,
    end_consultation,
    record_assessment,
    start_assessment,
    start_consultation,
)
from dualuse.licensing.services.decisions import (
    countersign_decision,
    max_validity_months,
    pending_decision,
    propose_decision,
    return_decision,
)
from dualuse.licensing.services.licences import (
    amend_licence,
    exhaust_licences,
    expire_licences,
    issue_licence,
    record_use,
    reinstate_licence,
    revoke_licence,
    surrender_licence,
    suspend_licence,
    verify_licence,
)
from dualuse.licensing.services.ugea import (
    acknowledge_registration,
    register_ugea,
    submit_notice,
    withdraw_registration,
)

__all__ = [
    "acknowledge_registration",
    "add_document",
    "amend_licence",
    "answer_question",
    "ask_question",
    "assign_officer",
    "competent_authority",
    "countersign_decision",
    "create_application",
    "end_consultation",
    "exhaust_licences",
    "expire_licences",
    "issue_licence",
    "max_validity_months",
    "pending_decision",
    "problems_of",
    "propose_decision",
    "record_assessment",
    "record_use",
    "register_ugea",
    "reinstate_licence",
    "remove_document",
    "return_decision",
    "revoke_licence",
    "start_assessment",
    "start_consultation",
    "submit_application",
    "submit_notice",
    "surrender_licence",
    "suspend_licence",
    "update_application",
    "verify_licence",
    "withdraw_application",
    "withdraw_registration",
]
