"""The authority workbench at scale: list, search and case pages over N generated cases on PostgreSQL.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/bench .venv/bin/python benchmarks/cases.py \\
        [--cases 100000] [--requests 200] [--keep] [--json]

Creates (and afterwards drops, unless --keep) the test database `test_<name>` next to DATABASE_URL's, loads
N cases with their lines and parties through PostgreSQL COPY (three authorities; about a third of the cases
at the measured one), and times each page through the Django test client as a logged-in officer: the
workbench list (first pages of several queues), a search (party or exporter words, a reference) and case
pages (random cases). It prints p50/p95 and the queries per page, and the same figures for a baseline run
in the same process over the first 1,000 cases, so that growth with the number of rows shows as a ratio.
`--json` prints one line: {"cases", "p50_ms", "p95_ms", "queries", "baseline"} with a key per page.
Target: p95 <= 150 ms per page, and query counts that do not grow with the rows.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import sys
import time
from collections.abc import Callable, Iterator
from datetime import date, timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "dualuse.settings")

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext, setup_test_environment  # noqa: E402
from django.utils import timezone  # noqa: E402

STATES = ["DE", "FR", "SE"]
BENCH_PASSWORD = "bench-password-1"  # noqa: S105 - throwaway users in a throwaway database
STATUSES = [
    ("submitted", 12),
    ("under_assessment", 20),
    ("awaiting_information", 8),
    ("in_consultation", 4),
    ("decision_proposed", 6),
    ("granted", 30),
    ("granted_with_conditions", 8),
    ("denied", 5),
    ("withdrawn", 5),
    ("draft", 2),
]
CODES = ["2B230", "3A225", "5A001.f", "5A001.j", "6A003.b.4", "2B001", "1C350", "5A002.a", "4A005", "9A012"]
DESTINATIONS = ["IN", "BR", "CN", "US", "NO", "TR", "AE", "SG", "ZA", "MX", "KR", "JP", "BY", "RU", "EG"]
WORDS = [
    "Alpha",
    "Bharat",
    "Nordic",
    "Process",
    "Sensor",
    "Systems",
    "Instruments",
    "Trading",
    "Global",
    "Precision",
    "Pacific",
    "Atlas",
    "Orion",
    "Delta",
    "Vector",
    "Quantum",
    "Helios",
    "Titan",
]
PAGES = ("list", "search", "case")


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q * (len(ordered) - 1))))]


def setup_world() -> dict[str, Any]:
    from dualuse.accounts.models import Organisation, User
    from dualuse.controllist.models import ControlEntry, ControlListVersion

    version = ControlListVersion.objects.create(
        legal_act="benchmark",
        applies_from=date(2025, 1, 1),
        status="active",
        sha256="0" * 64,
        entry_count=len(CODES),
    )
    entries = ControlEntry.objects.bulk_create(
        ControlEntry(
            version=version,
            code=code,
            entry=code[:5],
            level=code.count("."),
            category=int(code[0]),
            group=code[1],
            text=f"Benchmark entry {code}: " + "technical parameters " * 10,
            cyber_surveillance=code.startswith("5A001"),
            position=i,
        )
        for i, code in enumerate(CODES)
    )
    authorities = {
        s: Organisation.objects.create(name=f"Authority {s}", kind="authority", member_state=s)
        for s in STATES
    }
    exporters = [
        Organisation.objects.create(
            name=f"{random.choice(WORDS)} {random.choice(WORDS)} {i} GmbH",
            kind="exporter",
            member_state=STATES[i % 3],
        )
        for i in range(150)
    ]
    officers = {
        s: [
            User.objects.create_user(
                username=f"officer-{s}-{n}",
                password=BENCH_PASSWORD,
                organisation=authorities[s],
                role="officer",
            )
            for n in range(5)
        ]
        for s in STATES
    }
    creators = {
        e.pk: User.objects.create_user(
            username=f"exp-{e.pk}", password=BENCH_PASSWORD, organisation=e, role="exporter"
        )
        for e in exporters[:20]
    }
    return {
        "authorities": authorities,
        "exporters": exporters,
        "officers": officers,
        "creators": creators,
        "entries": {e.code: e.pk for e in entries},
    }


def _rows(world: dict[str, Any], start_id: int, count: int, rng: random.Random) -> Iterator[tuple[Any, ...]]:
    """Yield (application, lines, parties) rows for COPY."""
    statuses = [s for s, weight in STATUSES for _ in range(weight)]
    creator_ids = list(world["creators"].values())
    today = timezone.now()
    for n in range(count):
        pk = start_id + n
        exporter = world["exporters"][pk % len(world["exporters"])]
        state = exporter.member_state
        status = rng.choice(statuses)
        submitted = today - timedelta(days=rng.randint(0, 900), minutes=rng.randint(0, 1440))
        officer = rng.choice(world["officers"][state]).pk if status not in {"draft", "submitted"} else None
        decided = (
            submitted + timedelta(days=rng.randint(5, 60))
            if status in {"granted", "granted_with_conditions", "denied"}
            else None
        )
        party = f"{rng.choice(WORDS)} {rng.choice(WORDS)} {rng.randint(1, 9999)}"
        lines = []
        for position in range(1, rng.randint(1, 3) + 1):
            code = rng.choice(CODES)
            destination = rng.choice(DESTINATIONS)
            lines.append((position, code, destination))
        search = " ".join([f"app-{pk:06d}", exporter.name, party] + [f"{c} {d}" for _, c, d in lines]).lower()
        yield (
            "app",
            (
                pk,
                exporter.pk,
                world["authorities"][state].pk,
                rng.choice(creator_ids).pk,
                "individual",
                "export",
                f"Case {pk}",
                "Benchmark end use, no re-export.",
                "",
                "",
                status,
                officer,
                None,
                "",
                "",
                search if status != "draft" else "",
                submitted,
                submitted,
                None if status == "draft" else submitted,
                (submitted + timedelta(days=42)).date() if status != "draft" else None,
                decided,
                None,
            ),
        )
        for position, code, destination in lines:
            yield (
                "line",
                (
                    pk,
                    position,
                    f"Item {code}",
                    code,
                    False,
                    world["entries"][code],
                    code.startswith("5A001"),
                    "10.000",
                    "pieces",
                    "12500.00",
                    destination,
                    "not_run",
                    "{}",
                ),
            )
        yield (
            "party",
            (pk, "end_user", "commercial", party, "1 Main Road", lines[0][2], "not_run", "[]", ""),
        )
        yield (
            "party",
            (
                pk,
                "consignee",
                "commercial",
                f"{party} Logistics",
                "2 Port Road",
                lines[0][2],
                "not_run",
                "[]",
                "",
            ),
        )


APP_COLUMNS = (
    "id, exporter_id, authority_id, created_by_id, type, activity, title, end_use, project_description, "
    "items_located_in, status, assigned_officer_id, due_diligence_record_id, screening_note, "
    "determination_note, search_text, created_at, updated_at, submitted_at, target_date, decided_at, "
    "withdrawn_at"
)
LINE_COLUMNS = (
    "application_id, position, description, entry_code, not_listed, control_entry_id, cyber_surveillance, "
    "quantity, unit, value_eur, destination, determination_status, determination"
)
PARTY_COLUMNS = (
    "application_id, role, kind, name, address, country, screening_status, screening_hits, screening_note"
)


def generate(world: dict[str, Any], start_id: int, count: int, seed: int, chunk: int = 20_000) -> float:
    """COPY `count` cases (ids from `start_id`) in chunks, one table at a time (one COPY per connection at
    a time); returns seconds."""
    rng = random.Random(seed)
    began = time.perf_counter()
    raw = connection.connection  # psycopg 3
    tables = {
        "app": f"licensing_application ({APP_COLUMNS})",
        "line": f"licensing_applicationline ({LINE_COLUMNS})",
        "party": f"licensing_party ({PARTY_COLUMNS})",
    }
    for offset in range(0, count, chunk):
        rows: dict[str, list[tuple[Any, ...]]] = {"app": [], "line": [], "party": []}
        for kind, row in _rows(world, start_id + offset, min(chunk, count - offset), rng):
            rows[kind].append(row)
        with raw.cursor() as cur:
            for kind in ("app", "line", "party"):
                with cur.copy(f"COPY {tables[kind]} FROM STDIN") as copy:
                    for row in rows[kind]:
                        copy.write_row(row)
    with raw.cursor() as cur:
        cur.execute(
            "SELECT setval(pg_get_serial_sequence('licensing_application', 'id'), "
            "(SELECT MAX(id) FROM licensing_application))"
        )
        cur.execute(
            "ANALYZE licensing_application; ANALYZE licensing_applicationline; ANALYZE licensing_party"
        )
    return time.perf_counter() - began


def measure(client: Client, requests: int, rng: random.Random, max_id: int) -> dict[str, dict[str, float]]:
    queues = ["all", "new", "mine", "awaiting_information", "countersign", "overdue"]
    makers: dict[str, Callable[[], tuple[str, dict[str, str]]]] = {
        "list": lambda: ("/cases/", {"queue": rng.choice(queues), "page": str(rng.randint(1, 3))}),
        "search": lambda: (
            "/cases/",
            {
                "q": rng.choice(
                    [
                        rng.choice(WORDS).lower(),
                        f"APP-{rng.randint(1, max_id):06d}",
                        f"{rng.choice(WORDS)} {rng.choice(WORDS)}".lower(),
                    ]
                )
            },
        ),
        "case": lambda: (f"/cases/{rng.randrange(3, max_id, 3)}/", {}),  # ids 3, 6, 9, ... are DE cases
    }
    out: dict[str, dict[str, float]] = {}
    for name in PAGES:
        times: list[float] = []
        queries: list[int] = []
        for i in range(requests + 5):
            url, params = makers[name]()
            with CaptureQueriesContext(connection) as captured:
                began = time.perf_counter()
                response = client.get(url, params)
                elapsed = (time.perf_counter() - began) * 1000
            if response.status_code not in {200, 404}:
                raise SystemExit(f"{url} {params}: HTTP {response.status_code}")
            if i >= 5 and response.status_code == 200:  # the first requests warm caches
                times.append(elapsed)
                queries.append(len(captured.captured_queries))
        out[name] = {
            "p50_ms": round(statistics.median(times), 1),
            "p95_ms": round(percentile(times, 0.95), 1),
            "queries": max(queries),
            "n": len(times),
        }
    return out


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--cases", type=int, default=100_000)
    parser.add_argument("--requests", type=int, default=200, help="timed requests per page")
    parser.add_argument("--baseline", type=int, default=1_000, help="cases in the baseline run")
    parser.add_argument(
        "--keep", action="store_true", help="keep (and reuse the schema of) the benchmark database"
    )
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--seed", type=int, default=2021)
    args = parser.parse_args()
    if connection.vendor != "postgresql":
        raise SystemExit("run on PostgreSQL: DATABASE_URL=postgres://postgres@127.0.0.1:5432/bench")
    say: Callable[[str], None] = (lambda _m: None) if args.json else (lambda m: print(m, file=sys.stderr))
    setup_test_environment()
    settings.REQUIRE_OTP_FOR_AUTHORITIES = False  # the benchmark measures the pages, not the second factor
    settings.DEBUG = False
    old_name = connection.settings_dict["NAME"]
    connection.creation.create_test_db(verbosity=0, autoclobber=True, keepdb=args.keep)
    try:
        from dualuse.licensing.models import Application

        Application.objects.all().delete()
        random.seed(args.seed)
        world = setup_world()
        client = Client()
        client.force_login(world["officers"]["DE"][0])
        rng = random.Random(args.seed)
        baseline_n = min(args.baseline, args.cases)
        seconds = generate(world, 1, baseline_n, args.seed)
        say(f"baseline: {baseline_n} cases loaded in {seconds:.1f} s")
        baseline = measure(client, max(20, args.requests // 4), rng, baseline_n)
        seconds = generate(world, baseline_n + 1, args.cases - baseline_n, args.seed + 1)
        say(
            f"{args.cases} cases loaded in {seconds:.1f} s ({(args.cases - baseline_n) / max(seconds, 1e-9):,.0f}/s)"
        )
        full = measure(client, args.requests, rng, args.cases)
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0, keepdb=args.keep)
    result = {
        "cases": args.cases,
        "p50_ms": {p: full[p]["p50_ms"] for p in PAGES},
        "p95_ms": {p: full[p]["p95_ms"] for p in PAGES},
        "queries": {p: full[p]["queries"] for p in PAGES},
        "baseline": {
            "cases": baseline_n,
            "p95_ms": {p: baseline[p]["p95_ms"] for p in PAGES},
            "queries": {p: baseline[p]["queries"] for p in PAGES},
        },
        "target_p95_ms": 150,
    }
    if args.json:
        print(json.dumps(result))
        return
    print(
        f"{'page':<8}{'p50 ms':>9}{'p95 ms':>9}{'queries':>9}   baseline ({baseline_n} cases): p95, ratio, queries"
    )
    for p in PAGES:
        ratio = full[p]["p95_ms"] / max(baseline[p]["p95_ms"], 0.1)
        print(
            f"{p:<8}{full[p]['p50_ms']:>9}{full[p]['p95_ms']:>9}{full[p]['queries']:>9}   "
            f"{baseline[p]['p95_ms']:>6} ms, x{ratio:.2f}, {baseline[p]['queries']} queries"
        )
    print("target p95 <= 150 ms:", "met" if all(full[p]["p95_ms"] <= 150 for p in PAGES) else "NOT met")


if __name__ == "__main__":
    main()
