"""Quality of the Annex I classifier on labelled descriptions.

    .venv/bin/python benchmarks/classify_quality.py [--data FILE] [--all] [--json] [--errors]

Prints top-1 / top-5 accuracy (listed items: a predicted code counts when it is the expected entry or
one of its sub-items), the share of not-listed items recognised, the share of listed items called not
listed, and whether every not-listed answer names what releases the item.

``--data`` picks the labelled set (default: ``classify_labelled.jsonl``, written together with the
engine); ``--all`` reports it, the held-out set ``classify_heldout.jsonl`` (second round, written before
tuning from the annex wording) and the fresh set ``classify_fresh.jsonl`` (third round, written before
that round's tuning). ``--json`` prints one line: the default set's figures under the usual keys, and
with ``--all`` the other sets' figures under ``heldout`` and ``fresh``.
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

from dualuse.controllist.classify import ClassifierIndex, load_definitions_jsonl, load_entries_jsonl

ROOT = Path(__file__).resolve().parents[1]
ANNEX_DIR = ROOT / ".." / "shared" / "data"
LABELS = ROOT / "benchmarks" / "data" / "classify_labelled.jsonl"
HELDOUT = ROOT / "benchmarks" / "data" / "classify_heldout.jsonl"
FRESH = ROOT / "benchmarks" / "data" / "classify_fresh.jsonl"


def covers(expected: str, predicted: str) -> bool:
    return predicted == expected or predicted.startswith(expected + ".")


def evaluate(index: ClassifierIndex, path: Path) -> tuple[dict[str, float], list[str]]:
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
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
    figures: dict[str, float] = {
        "top1": round(top1 / max(1, len(listed)), 4),
        "top5": round(top5 / max(1, len(listed)), 4),
        "not_listed_recall": round(recognised / max(1, len(unlisted)), 4),
        "listed_called_not_listed": round(called_not_listed / max(1, len(listed)), 4),
        "not_listed_with_reason": round(named / max(1, recognised), 4),
        "listed": len(listed),
        "not_listed": len(unlisted),
    }
    return figures, errors


def report(path: Path, figures: dict[str, float], errors: list[str], show_errors: bool) -> None:
    print(f"labelled set: {path.name} ({figures['listed']} listed, {figures['not_listed']} not listed)")
    print(f"  top-1 accuracy            {figures['top1']:.3f}   (target >= 0.80)")
    print(f"  top-5 accuracy            {figures['top5']:.3f}   (target >= 0.95)")
    print(f"  not-listed recognised     {figures['not_listed_recall']:.3f}   (target >= 0.80)")
    print(f"  listed called not listed  {figures['listed_called_not_listed']:.3f}   (target <= 0.05)")
    print(f"  not-listed with a reason  {figures['not_listed_with_reason']:.3f}   (target 1.00)")
    if show_errors:
        print("\n".join(f"    {e}" for e in errors))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument(
        "--data", "--labels", dest="data", type=Path, default=LABELS, help="labelled JSON-lines file"
    )
    parser.add_argument("--all", action="store_true", help="also report the held-out and fresh sets")
    parser.add_argument("--annex-dir", type=Path, default=ANNEX_DIR, help="directory with annex-i*.jsonl")
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--errors", action="store_true", help="print the items the classifier gets wrong")
    args = parser.parse_args()

    started = time.perf_counter()
    index = ClassifierIndex.build(
        load_entries_jsonl(args.annex_dir / "annex-i.jsonl"),
        load_definitions_jsonl(args.annex_dir / "annex-i-definitions.jsonl"),
    )
    build_s = time.perf_counter() - started
    paths = [args.data]
    if args.all:
        paths += [p for p in (HELDOUT, FRESH) if p.resolve() != args.data.resolve()]
    results = [(path, *evaluate(index, path)) for path in paths]
    if args.json:
        figures: dict[str, object] = dict(results[0][1])
        figures["build_s"] = round(build_s, 3)
        for path, extra, _errors in results[1:]:
            figures["fresh" if path == FRESH else "heldout"] = extra
        print(json.dumps(figures))
        return
    print(f"index built in {build_s:.2f} s")
    for path, figures_, errors in results:
        report(path, figures_, errors, args.errors)


if __name__ == "__main__":
    main()
