"""The screening name matcher: a pure engine (no Django), see `index.py` for the design.

index = MatchIndex.build(entities)
hits = index.match(Query("Krivoplyosov, Yevgeniy", schema="person", birth_date="1968"))
"""

from dualuse.screening.matching.index import MatchIndex
from dualuse.screening.matching.query import DEFAULT_THRESHOLD, Hit, Query

__all__ = ["DEFAULT_THRESHOLD", "Hit", "MatchIndex", "Query"]
