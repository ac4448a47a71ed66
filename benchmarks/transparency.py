"""The transparency portal at scale on PostgreSQL: the annual report and the streaming CSV download.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/test .venv/bin/python benchmarks/transparency.py \
        [--records N] [--json]

Creates a throw-away test database (Django's test runner: `test_<name>`), generates N published
decision lines (`--records`, default 1,000,000; synthetic, the small-cell rule applied per state and
year) and loads them with COPY. Then times:
- `report_s`: the annual report (Art 26(2)) of the busiest year, every table with suppression;
- `csv_s`: the whole public dataset streamed as CSV (the view's generator, consumed chunk by chunk),
  with the process's peak RSS sampled while it streams (`peak_rss_mb`).
Baseline in the same run: the CSV of the first 10 % of the rows, so the ratio of RSS growth shows the
download's memory does not grow with the number of rows.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path
from typing import Any

import psutil

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "dualuse.settings")

import django  # noqa: E402

django.setup()

from django.db import connection  # noqa: E402
from django.test.utils import setup_databases, teardown_databases  # noqa: E402

from dualuse.transparency import datasets, synthetic  # noqa: E402
from dualuse.transparency.models import DecisionRecord  # noqa: E402
from dualuse.transparency.report import annual_report  # noqa: E402

COLUMNS = [
    "public_id",
    "member_state",
    "decided_on",
    "decision_month",
    "year",
    "decision",
    "item_type",
    "cyber_surveillance",
    "end_user_type",
    "exporter_id",
    "application_id",
    "line_position",
    "entry_code",
    "destination",
    "value_eur",
    "level",
    "visible",
    "pub_entry",
    "item_type_public",
    "pub_destination",
    "pub_value_eur",
    "published_at",
]


def rss_mb() -> float:
    return psutil.Process().memory_info().rss / 1e6


def load(records: int, log: Any) -> float:
    """Generate and COPY about `records` lines (applications have one to three lines)."""
    started = time.perf_counter()
    applications = max(1, int(records / 1.6))
    table = DecisionRecord._meta.db_table
    now = "2026-01-01 00:00:00+00"
    written = 0
    with connection.cursor() as cursor:
        copy_sql = f"COPY {table} ({', '.join(COLUMNS)}) FROM STDIN"  # noqa: S608 - our own table and columns
        with cursor.cursor.copy(copy_sql) as copy:
            for row in synthetic.generate(applications, seed=2021, years=(2023, 2024, 2025), exporters=3000):
                values = [row[c] if c != "published_at" else now for c in COLUMNS]
                copy.write_row(values)
                written += 1
                if written % 200_000 == 0:
                    log(f"  {written:,} lines loaded")
        cursor.execute(f"ANALYZE {table}")
    log(f"loaded {written:,} lines in {time.perf_counter() - started:.1f} s")
    return time.perf_counter() - started


def stream_csv(limit: int | None) -> tuple[float, float, int]:
    """Consume the CSV generator; return seconds, peak RSS (MB) and bytes."""
    qs = DecisionRecord.objects.public()
    if limit is not None:
        qs = qs.filter(pk__lte=limit)
    peak, size = rss_mb(), 0
    started = time.perf_counter()
    for n, chunk in enumerate(datasets.csv_stream(qs), start=1):
        size += len(chunk)
        if n % 5000 == 0:
            peak = max(peak, rss_mb())
    return time.perf_counter() - started, max(peak, rss_mb()), size


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--records", type=int, default=1_000_000)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    if connection.vendor != "postgresql":
        raise SystemExit("set DATABASE_URL to a PostgreSQL server (the benchmark creates test_<name>)")

    def log(message: str) -> None:
        if not args.json:
            print(message, flush=True)  # noqa: T201 - a benchmark prints its figures

    old = setup_databases(verbosity=0, interactive=False)
    try:
        load_s = load(args.records, log)
        lines = DecisionRecord.objects.count()
        year = (
            DecisionRecord.objects.order_by()
            .values("year")
            .annotate(n=django.db.models.Count("pk"))
            .order_by("-n")[0]["year"]
        )
        started = time.perf_counter()
        report = annual_report(year)
        report_s = time.perf_counter() - started
        rss_before = rss_mb()
        base_s, base_peak, base_bytes = stream_csv(limit=max(1, lines // 10))
        csv_s, peak, size = stream_csv(limit=None)
        growth_base = max(0.1, base_peak - rss_before)
        growth_full = max(0.1, peak - rss_before)
        result = {
            "records": lines,
            "load_s": round(load_s, 2),
            "report_s": round(report_s, 2),
            "csv_s": round(csv_s, 2),
            "peak_rss_mb": round(peak, 1),
            "csv_mb": round(size / 1e6, 1),
            "baseline_csv_s": round(base_s, 2),
            "baseline_peak_rss_mb": round(base_peak, 1),
        }
        if args.json:
            print(json.dumps(result))  # noqa: T201
            return
        log(
            f"annual report {year}: {report_s:.2f} s ({report.authorisations.total_applications:,} authorisations, "
            f"{len(report.cyber):,} cyber-surveillance cells) — target <= 30 s"
        )
        log(
            f"CSV, all {lines:,} rows: {csv_s:.2f} s, {size / 1e6:.1f} MB, peak RSS {peak:.1f} MB "
            f"(RSS before streaming {rss_before:.1f} MB)"
        )
        log(
            f"baseline CSV, first 10 %: {base_s:.2f} s, {base_bytes / 1e6:.1f} MB, peak RSS {base_peak:.1f} MB"
        )
        log(
            f"ratios full / 10 %: time {csv_s / max(base_s, 1e-9):.1f}x, bytes {size / max(base_bytes, 1):.1f}x, "
            f"RSS growth {growth_full / growth_base:.2f}x (constant memory: about 1x)"
        )
    finally:
        teardown_databases(old, verbosity=0)


if __name__ == "__main__":
    main()
