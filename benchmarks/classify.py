"""Speed and memory of the Annex I classifier, next to a plain BM25 baseline (bm25s) in the same run.

    .venv/bin/python benchmarks/classify.py [--repeat N] [--data FILE] [--json]

Builds the index over the full Annex I (/work/shared/data/annex-i.jsonl), pins the process to one
core, and times every description of the labelled set (``--repeat`` passes). The baseline is bm25s
over each item's text with its ancestors' lead-in, so both see the same words; its top-1 / top-5 on the
labelled set are printed too (it has no verdict, so every item counts as listed).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import time
from pathlib import Path

import bm25s
import psutil

from dualuse.controllist.classify import ClassifierIndex, load_definitions_jsonl, load_entries_jsonl

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / ".." / "shared" / "data"
LABELS = ROOT / "benchmarks" / "data" / "classify_labelled.jsonl"


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q * (len(ordered) - 1))))]


def covers(expected: str, predicted: str) -> bool:
    return predicted == expected or predicted.startswith(expected + ".")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--data", type=Path, default=LABELS, help="labelled descriptions (JSON lines)")
    args = parser.parse_args()
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})

    entries = load_entries_jsonl(DATA / "annex-i.jsonl")
    definitions = load_definitions_jsonl(DATA / "annex-i-definitions.jsonl")
    rows = [json.loads(line) for line in args.data.read_text(encoding="utf-8").splitlines() if line.strip()]
    texts = [r["text"] for r in rows]

    started = time.perf_counter()
    index = ClassifierIndex.build(entries, definitions)
    build_s = time.perf_counter() - started
    rss_mb = psutil.Process().memory_info().rss / 2**20

    timings: list[float] = []
    for _ in range(args.repeat):
        for text in texts:
            t0 = time.perf_counter()
            index.classify(text, top=10)
            timings.append((time.perf_counter() - t0) * 1000)

    # baseline: bm25s over item text + ancestors' text
    usable = [e for e in entries if not e.not_used]
    by_code = {e.code: e for e in usable}

    def with_ancestors(code: str) -> str:
        parts = []
        current = by_code.get(code)
        while current is not None:
            parts.append(current.text)
            current = by_code.get(current.parent) if current.parent else None
        return " ".join(parts)

    corpus = [with_ancestors(e.code) for e in usable]
    t0 = time.perf_counter()
    retriever = bm25s.BM25()
    retriever.index(bm25s.tokenize(corpus, stopwords="en", show_progress=False), show_progress=False)
    baseline_build_s = time.perf_counter() - t0
    baseline_timings: list[float] = []
    baseline_hits1 = baseline_hits5 = 0
    for _ in range(args.repeat):
        for text in texts:
            t0 = time.perf_counter()
            docs, _scores = retriever.retrieve(
                bm25s.tokenize([text], stopwords="en", show_progress=False), k=10, show_progress=False
            )
            baseline_timings.append((time.perf_counter() - t0) * 1000)
    listed = [r for r in rows if r["expected"]]
    ours1 = ours5 = 0
    for row in listed:
        docs, _scores = retriever.retrieve(
            bm25s.tokenize([row["text"]], stopwords="en", show_progress=False), k=5, show_progress=False
        )
        codes = [usable[int(i)].code for i in docs[0]]
        baseline_hits1 += covers(row["expected"], codes[0])
        baseline_hits5 += any(covers(row["expected"], c) for c in codes)
        ranked = [r.code for r in index.classify(row["text"], top=5).results]
        ours1 += bool(ranked) and covers(row["expected"], ranked[0])
        ours5 += any(covers(row["expected"], c) for c in ranked)

    figures = {
        "p50_ms": round(statistics.median(timings), 3),
        "p95_ms": round(percentile(timings, 0.95), 3),
        "build_s": round(build_s, 3),
        "baseline_bm25_p50_ms": round(statistics.median(baseline_timings), 3),
        "baseline_bm25_p95_ms": round(percentile(baseline_timings, 0.95), 3),
        "baseline_bm25_build_s": round(baseline_build_s, 3),
        "rss_mb": round(rss_mb, 1),
        "top1": round(ours1 / len(listed), 4),
        "top5": round(ours5 / len(listed), 4),
        "baseline_bm25_top1": round(baseline_hits1 / len(listed), 4),
        "baseline_bm25_top5": round(baseline_hits5 / len(listed), 4),
        "queries": len(timings),
        "items": len(index),
    }
    if args.json:
        print(json.dumps(figures))
        return
    print(
        f"index: {len(index)} items, built in {build_s:.2f} s (target <= 5 s); RSS after build {rss_mb:.0f} MB (target <= 1024)"
    )
    print(
        f"classify: p50 {figures['p50_ms']:.2f} ms, p95 {figures['p95_ms']:.2f} ms over {len(timings)} queries, one core (target p95 <= 50 ms)"
    )
    print(
        f"bm25s baseline: p50 {figures['baseline_bm25_p50_ms']:.2f} ms, p95 {figures['baseline_bm25_p95_ms']:.2f} ms, built in {baseline_build_s:.2f} s"
    )
    print(f"ratio p95 ours / bm25s: {figures['p95_ms'] / max(1e-9, figures['baseline_bm25_p95_ms']):.1f}x")
    print(
        f"top-1 ours {figures['top1']:.3f} vs bm25s {figures['baseline_bm25_top1']:.3f} "
        f"({figures['top1'] / max(1e-9, figures['baseline_bm25_top1']):.2f}x); "
        f"top-5 ours {figures['top5']:.3f} vs bm25s {figures['baseline_bm25_top5']:.3f}"
    )


if __name__ == "__main__":
    main()
