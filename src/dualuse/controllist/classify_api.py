from __future__ import annotations

from django.http import HttpRequest
from ninja import Router

from dualuse.controllist import search, services
from dualuse.controllist.models import ControlEntry
from dualuse.controllist.schemas import ClassifyIn, ClassifyOut

router = Router()


def classification_payload(text: str, top: int) -> dict[str, object]:
    version = services.active_version()
    result = search.classify(version, text, top=top)
    entries = {
        e.code: e
        for e in ControlEntry.objects.filter(version=version, code__in=[r.code for r in result.results])
    }
    return {
        "verdict": result.verdict,
        "released_by": list(result.released_by),
        "results": [
            {
                "code": r.code,
                "score": round(r.score, 4),
                "why": list(r.why),
                "text": entries[r.code].text if r.code in entries else "",
                "cyber_surveillance": entries[r.code].cyber_surveillance if r.code in entries else False,
            }
            for r in result.results
        ],
        "version": version,
    }


@router.post(
    "/classify", response=ClassifyOut, summary="Which Annex I entries could this product fall under?"
)
def classify(request: HttpRequest, payload: ClassifyIn) -> dict[str, object]:
    return classification_payload(payload.text, payload.top)
