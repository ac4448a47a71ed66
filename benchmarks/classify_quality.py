"""Quality of the Annex I classifier on our labelled descriptions.

    .venv/bin/python benchmarks/classify_quality.py [--labels FILE] [--json] [--errors]

Prints top-1 / top-5 accuracy (listed items: a predicted code counts when it is the expected entry or
one of its sub-items), the share of not-listed items recognised, the share of listed items called not
listed, and whether every not-listed answer names what releases the item.
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

from dualuse.controllist.classify import ClassifierIndex, load_definitions_jsonl, load_entries_jsonl

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / ".." / "shared" / "data"
LABELS = ROOT / "benchmarks" / "data" / "classify_labelled.jsonl"


def covers(expected: str, predicted: str) -> bool:
    return predicted == expected or predicted.startswith(expected + ".")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--labels", type=Path, default=LABELS)
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--errors", action="store_true", help="print the items the classifier gets wrong")
    args = parser.parse_args()

    started = time.perf_counter()
    index = ClassifierIndex.build(
        load_entries_jsonl(args.data / "annex-i.jsonl"),
        load_definitions_jsonl(args.data / "annex-i-definitions.jsonl"),
    )
    build_s = time.perf_counter() - started
    rows = [json.loads(line) for line in args.labels.read_text(encoding="utf-8").splitlines() if line.strip()]
    listed = [r for r in rows if r["expected"]]
    unlisted = [r for r in rows if not r["expected"]]
    top1 = top5 = called_not_listed = 0
    recognised = named = 0
    errors: list[str] = []
    for row in rows:
        result = index.classify(row["text"], top=10)
        codes = [r.code for r in result.results]
        if row["expected"]:
            hit1 = bool(codes) and covers(row["expected"], codes[0])
            hit5 = any(covers(row["expected"], c) for c in codes[:5])
            top1 += hit1
            top5 += hit5
            called_not_listed += result.verdict == "not_listed"
            if not hit1 or result.verdict == "not_listed":
                errors.append(
                    f"{row['id']}: expected {row['expected']}, got {codes[:5]} {result.verdict} {result.released_by}"
                )
        else:
            ok = result.verdict == "not_listed"
            recognised += ok
            named += ok and bool(result.released_by) and all(result.released_by)
            if not ok:
                errors.append(
                    f"{row['id']}: expected not listed ({row.get('released_by')}), got listed {codes[:3]}"
                )
    figures = {
        "top1": round(top1 / max(1, len(listed)), 4),
        "top5": round(top5 / max(1, len(listed)), 4),
        "not_listed_recall": round(recognised / max(1, len(unlisted)), 4),
        "listed_called_not_listed": round(called_not_listed / max(1, len(listed)), 4),
        "not_listed_with_reason": round(named / max(1, recognised), 4),
        "listed": len(listed),
        "not_listed": len(unlisted),
        "build_s": round(build_s, 3),
    }
    if args.json:
        print(json.dumps(figures))
        return
    print(
        f"labelled set: {args.labels} ({len(listed)} listed, {len(unlisted)} not listed); index built in {build_s:.2f} s"
    )
    print(f"top-1 accuracy            {figures['top1']:.3f}   (target >= 0.80)")
    print(f"top-5 accuracy            {figures['top5']:.3f}   (target >= 0.95)")
    print(f"not-listed recognised     {figures['not_listed_recall']:.3f}   (target >= 0.80)")
    print(f"listed called not listed  {figures['listed_called_not_listed']:.3f}   (target <= 0.05)")
    print(f"not-listed with a reason  {figures['not_listed_with_reason']:.3f}   (target 1.00)")
    if args.errors:
        print("\n".join(errors))


if __name__ == "__main__":
    main()
