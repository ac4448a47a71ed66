"""The only place that changes screening state: list imports, screenings, dispositions, bulk jobs."""

from dualuse.screening.services.bulk import (
    create_bulk_screening,
    rescreen_after_list_change,
    result_bytes,
    run_bulk_screening,
)
from dualuse.screening.services.index import current_index, forget
from dualuse.screening.services.lists import (
    ImportOutcome,
    ListDiff,
    diff_versions,
    ensure_sources,
    get_source,
    import_list_file,
    latest_diffs,
    status,
)
from dualuse.screening.services.screening import (
    PartyQuery,
    match_party,
    party_query,
    record_disposition,
    screen_party,
)

__all__ = [
    "ImportOutcome",
    "ListDiff",
    "PartyQuery",
    "create_bulk_screening",
    "current_index",
    "diff_versions",
    "ensure_sources",
    "forget",
    "get_source",
    "import_list_file",
    "latest_diffs",
    "match_party",
    "party_query",
    "record_disposition",
    "rescreen_after_list_change",
    "result_bytes",
    "run_bulk_screening",
    "screen_party",
    "status",
]
