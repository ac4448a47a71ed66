"""JSON-lines batch: each input line {"id": ..., "request": {...}} gives one output line.

Used by `dualuse determine --batch < requests.jsonl`. A bad line gives
{"id": ..., "error": {"field": ..., "message": ..., "line": n}} (n counts from 1), never a traceback.
"""

import json
from collections.abc import Callable, Iterable, Iterator

from dualuse.determination.rules.context import DeterminationContext, load_context
from dualuse.determination.rules.engine import determine
from dualuse.determination.rules.request import RequestError, parse_request


def _error(ident: object, field: str | None, message: str, number: int) -> str:
    return json.dumps({"id": ident, "error": {"field": field, "message": message, "line": number}})


def determine_batch(
    lines: Iterable[str],
    *,
    context: DeterminationContext | None = None,
    known_codes: Callable[[str], bool] | None = None,
    cyber_surveillance_codes: Callable[[str], bool] | None = None,
) -> Iterator[str]:
    ctx = context if context is not None else load_context()
    for number, text in enumerate(lines, start=1):
        if not text.strip():
            continue
        try:
            item = json.loads(text)
        except json.JSONDecodeError as exc:
            yield _error(None, None, f"not valid JSON: {exc.msg}", number)
            continue
        if not isinstance(item, dict):
            yield _error(None, None, "expected an object with id and request", number)
            continue
        ident = item.get("id")
        request = item.get("request")
        if not isinstance(request, dict):
            yield _error(ident, "request", "expected an object", number)
            continue
        try:
            facts = parse_request(
                request, known_codes=known_codes, cyber_surveillance_codes=cyber_surveillance_codes
            )
        except RequestError as exc:
            yield _error(ident, exc.field, exc.message, number)
            continue
        yield json.dumps({"id": ident, **determine(facts, ctx).to_json()})
