"""Benchmark the "do I need a licence?" rules engine: p95 per request and batch throughput on one core.

    .venv/bin/python benchmarks/determine.py            # human figures
    .venv/bin/python benchmarks/determine.py --json     # one line: {"p95_ms": ..., "batch_per_s": ...}
    .venv/bin/python benchmarks/determine.py --requests 50000   # larger run

Targets: p95 <= 5 ms per request (parse + determine + to_json), >= 2,000 requests/s through
determine_batch. The baseline, run in the same process, is a JSON round trip of the same requests
(the floor any batch must pay), so the ratio shows what the rules add on top.
"""

import argparse
import json
import os
import random
import statistics
import time
from pathlib import Path
from typing import Any

from dualuse.determination.rules.batch import determine_batch
from dualuse.determination.rules.context import load_context
from dualuse.determination.rules.engine import determine
from dualuse.determination.rules.request import parse_request

SHARED = Path(__file__).resolve().parents[1] / ".." / "shared" / "data"
DESTINATIONS = [
    "US",
    "JP",
    "CN",
    "BR",
    "IN",
    "RU",
    "IR",
    "TR",
    "AR",
    "KR",
    "ZA",
    "SG",
    "AE",
    "IL",
    "MX",
    "HT",
    "PK",
]
ACTIVITIES = ["export"] * 6 + [
    "re_export",
    "brokering",
    "technical_assistance",
    "transit",
    "intra_eu_transfer",
]
FLAGS = [
    "informed_wmd",
    "aware_wmd",
    "informed_military_embargo",
    "informed_illegal_military_parts",
    "informed_cyber_surveillance",
    "aware_cyber_surveillance",
]


def control_codes() -> tuple[list[str], set[str]]:
    rows = [json.loads(line) for line in (SHARED / "annex-i.jsonl").read_text(encoding="utf-8").splitlines()]
    return [r["code"] for r in rows if not r["not_used"]], {
        r["code"] for r in rows if r["cyber_surveillance"]
    }


def make_requests(n: int, codes: list[str], seed: int = 821) -> list[dict[str, Any]]:
    rng = random.Random(seed)
    requests = []
    for i in range(n):
        activity = rng.choice(ACTIVITIES)
        destination = (
            rng.choice(["FR", "IT", "NL", "AT"])
            if activity == "intra_eu_transfer"
            else rng.choice(DESTINATIONS)
        )
        lines = [
            {
                "control_code": rng.choice(codes) if rng.random() < 0.8 else None,
                "description": f"item {i}",
                "quantity": rng.randint(1, 50),
                "value_eur": rng.randint(100, 900_000),
            }
            for _ in range(rng.choice([1, 1, 1, 2, 3, 5]))
        ]
        end_use = {flag: True for flag in FLAGS if rng.random() < 0.05}
        requests.append(
            {
                "exporter_member_state": "DE",
                "activity": activity,
                "destination": destination,
                "lines": lines,
                "end_use": end_use,
                "after_repair": rng.random() < 0.1,
                "exhibition": rng.random() < 0.1,
                "intra_group": rng.random() < 0.1,
                "end_user_type": rng.choice(["government", "commercial", "individual", "other"]),
                "free_zone": rng.random() < 0.05,
            }
        )
    return requests


def per_request_p95(requests: list[dict[str, Any]], known: set[str], cyber: set[str]) -> tuple[float, float]:
    ctx = load_context()
    timings = []
    for request in requests:
        start = time.perf_counter()
        facts = parse_request(
            request, known_codes=known.__contains__, cyber_surveillance_codes=cyber.__contains__
        )
        determine(facts, ctx).to_json()
        timings.append((time.perf_counter() - start) * 1000)
    timings.sort()
    return timings[int(0.95 * (len(timings) - 1))], statistics.median(timings)


def batch_rate(lines: list[str], known: set[str], cyber: set[str]) -> float:
    ctx = load_context()
    start = time.perf_counter()
    count = sum(
        1
        for _ in determine_batch(
            lines, context=ctx, known_codes=known.__contains__, cyber_surveillance_codes=cyber.__contains__
        )
    )
    return count / (time.perf_counter() - start)


def baseline_rate(lines: list[str]) -> float:
    start = time.perf_counter()
    for line in lines:
        json.dumps(json.loads(line))
    return len(lines) / (time.perf_counter() - start)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=5000, help="requests per measurement (default 5000)")
    parser.add_argument("--json", action="store_true", help="print one JSON line")
    args = parser.parse_args()
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})  # one core
    codes, cyber = control_codes()
    known = set(codes)
    requests = make_requests(args.requests, codes)
    lines = [json.dumps({"id": str(i), "request": r}) for i, r in enumerate(requests)]
    batch_rate(lines[:200], known, cyber)  # warm up imports and caches
    p95, median = per_request_p95(requests, known, cyber)
    rate = batch_rate(lines, known, cyber)
    floor = baseline_rate(lines)
    if args.json:
        print(
            json.dumps(
                {
                    "p95_ms": round(p95, 4),
                    "batch_per_s": round(rate, 1),
                    "median_ms": round(median, 4),
                    "requests": args.requests,
                    "baseline_json_per_s": round(floor, 1),
                }
            )
        )
        return
    print(f"requests: {args.requests} (random activities, destinations, 1-5 lines, Annex I codes)")
    print(
        f"per request (parse + determine + to_json): median {median:.3f} ms, p95 {p95:.3f} ms (target <= 5 ms)"
    )
    print(f"batch (determine_batch, JSON in and out): {rate:,.0f} requests/s (target >= 2,000)")
    print(
        f"baseline (JSON round trip only): {floor:,.0f} requests/s; the rules cost {floor / rate:.1f}x the round trip"
    )


if __name__ == "__main__":
    main()
