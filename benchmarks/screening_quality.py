"""Screening matcher quality on the list samples: recall and the share of negatives hit.

    python benchmarks/screening_quality.py [--data FILE] [--threshold T] [--verbose] [--json]

Loads the five sample files (`/work/shared/data/samples`) through the parsers, builds one index
over all of them, and runs the labelled queries (default `benchmarks/data/screening_queries.jsonl`,
written while the matcher was tuned; `--data benchmarks/data/screening_heldout.jsonl` is the
held-out set written before the second round: `expected` lists the refs of every sample record
of the same party; `[]` for negatives). `--queries` is the old name of `--data`.

- recall: expected refs found among the hits, over all expected refs;
- negative_hit_rate: negative queries with any hit, over all negative queries.

As a baseline in the same run, the same queries go through a plain rapidfuzz scan
(`token_sort_ratio` against every ASCII name variant, cut at the same threshold).
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path
from typing import Any

from rapidfuzz import fuzz
from rigour.text.translit import ascii_text

from dualuse.screening.matching import DEFAULT_THRESHOLD, MatchIndex, Query
from dualuse.screening.parsers import parse
from dualuse.screening.records import Entity

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / ".." / "shared" / "data" / "samples"
QUERIES = ROOT / "benchmarks" / "data" / "screening_queries.jsonl"
FILES = (
    ("eu-fsf", "eu-fsf-sample.xml"),
    ("un-sc", "un-consolidated-sample.xml"),
    ("us-csl", "us-csl-sample.json"),
    ("opensanctions", "opensanctions-sample.ftm.json"),
    ("opensanctions", "opensanctions-targets.simple-sample.csv"),
)


def load_entities(samples: Path = SAMPLES) -> list[Entity]:
    entities: list[Entity] = []
    for fmt, name in FILES:
        with (samples / name).open("rb") as stream:
            result = parse(fmt, stream)
        if result.issues:
            raise SystemExit(f"{name}: {result.issues[0]}")
        entities.extend(result.entities)
    return entities


def load_queries(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def to_query(row: dict[str, Any]) -> Query:
    return Query(
        name=row["name"],
        schema=row.get("type"),
        country=row.get("country"),
        birth_date=row.get("birth_date"),
        identifiers=tuple(row.get("identifiers") or ()),
    )


def evaluate(
    hits_by_query: list[set[str]], rows: list[dict[str, Any]]
) -> tuple[float, float, list[str], list[str]]:
    found = wanted = negatives = negatives_hit = 0
    misses: list[str] = []
    false_alarms: list[str] = []
    for row, hits in zip(rows, hits_by_query, strict=True):
        expected = set(row["expected"])
        if expected:
            wanted += len(expected)
            found += len(expected & hits)
            if expected - hits:
                misses.append(f"{row['id']} {row['name']!r}: missed {sorted(expected - hits)}")
        else:
            negatives += 1
            if hits:
                negatives_hit += 1
                false_alarms.append(f"{row['id']} {row['name']!r}: hit {sorted(hits)}")
    return found / max(wanted, 1), negatives_hit / max(negatives, 1), misses, false_alarms


def rapidfuzz_scan(entities: list[Entity], rows: list[dict[str, Any]], cutoff: float) -> list[set[str]]:
    names = [(e.ref, ascii_text(n.full).lower()) for e in entities for n in e.names]
    out: list[set[str]] = []
    for row in rows:
        query = ascii_text(row["name"]).lower()
        out.append({ref for ref, name in names if fuzz.token_sort_ratio(query, name) >= cutoff * 100})
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", "--queries", dest="data", type=Path, default=QUERIES)
    parser.add_argument("--threshold", type=float, default=DEFAULT_THRESHOLD)
    parser.add_argument("--verbose", action="store_true", help="list every miss and false alarm")
    parser.add_argument("--json", action="store_true", help="print one JSON line")
    args = parser.parse_args()

    entities = load_entities()
    rows = load_queries(args.data)
    started = time.perf_counter()
    index = MatchIndex.build(entities)
    build_s = time.perf_counter() - started
    started = time.perf_counter()
    hits = [{h.ref for h in index.match(to_query(r), threshold=args.threshold, limit=50)} for r in rows]
    query_s = time.perf_counter() - started
    recall, negative_rate, misses, alarms = evaluate(hits, rows)

    # Baseline: a plain rapidfuzz scan over all ASCII name variants at the same threshold.
    base_recall, base_negative, _, _ = evaluate(rapidfuzz_scan(entities, rows, args.threshold), rows)

    if args.json:
        print(json.dumps({"recall": round(recall, 4), "negative_hit_rate": round(negative_rate, 4)}))
        return
    positives = sum(1 for r in rows if r["expected"])
    print(
        f"{len(entities)} sample records, {len(index)} name variants; index built in {build_s * 1000:.0f} ms"
    )
    print(f"{len(rows)} queries ({positives} with expected parties, {len(rows) - positives} negatives)")
    print(f"threshold {args.threshold}: {query_s / len(rows) * 1000:.2f} ms per query")
    print(f"recall             {recall:.3f}  (target >= 0.97)")
    print(f"negative hit rate  {negative_rate:.3f}  (target <= 0.02)")
    print(
        f"baseline rapidfuzz token_sort_ratio scan at {args.threshold}: recall {base_recall:.3f}, "
        f"negative hit rate {base_negative:.3f}; recall ratio {recall / max(base_recall, 1e-9):.2f}x"
    )
    if args.verbose or misses or alarms:
        for line in misses + alarms:
            print("  " + line)


if __name__ == "__main__":
    main()
