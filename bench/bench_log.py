"""Benchmark: the 1on1 log on the ten-year demo vault (100 people, 20 000 meetings, ~200 000
notes, topics and action items).

Run: ``python -m bench.bench_log`` (``--json FILE`` to keep the figures, ``--repeat N``).

The vault is the cached passphrase-only 1x vault of :mod:`bench.scaled` (no keyring is touched;
search has its own benchmark, :mod:`bench.bench_search`). Measured, as medians:

* the execution-rate stats for the last year, and the signals for all people — budget 100 ms
  each (reported next to the floor of a bare count of the year's meetings);
* adding a meeting with carry-over to the person with the most open topics (committed, then
  deleted outside the timing) — budget 20 ms.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from datetime import UTC, datetime, timedelta

import sqlcipher3.dbapi2 as sqlcipher

from bench.common import Result, median_ms, report
from bench.scaled import PASSPHRASE, base_vault
from taiwa.store import Store
from taiwa.vault.service import VaultDatabase, open_vault


def bare_connection(db: VaultDatabase) -> sqlcipher.Connection:
    conn = sqlcipher.connect(str(db.path), isolation_level=None)
    conn.executescript(f"PRAGMA key = {db.key.sql_literal()};")
    conn.execute("PRAGMA temp_store = MEMORY")
    return conn


def bench_reports(store: Store, bare: sqlcipher.Connection, repeat: int) -> list[Result]:
    now = datetime.now(UTC)
    today = now.date()
    year_ago = today - timedelta(days=365)
    since = (now - timedelta(days=365)).strftime("%Y-%m-%dT%H:%M:%SZ")

    def count() -> None:
        bare.execute("SELECT count(*) FROM meeting WHERE starts_at >= ?", (since,)).fetchone()

    floor = median_ms(count, repeat=repeat)
    report_ = store.reports.execution_rate(year_ago, today, now=now)
    assert report_.overall.planned > 0
    stats_ms = median_ms(lambda: store.reports.execution_rate(year_ago, today, now=now), repeat)
    signals_ms = median_ms(lambda: store.reports.signals(now), repeat)
    print(f"floor: bare count of the year's meetings {floor:.2f} ms")
    return [
        Result("stats for a year (100 people)", stats_ms, None, 100),
        Result("signals for all people", signals_ms, None, 100),
    ]


def bench_add_meeting(store: Store, repeat: int) -> Result:
    row = store.db.query_one(
        # The person with the most topics still to carry (undiscussed, not carried on yet).
        "SELECT m.person_id, count(*) FROM topic t JOIN meeting m ON m.id = t.meeting_id"
        " WHERE t.state <> 'discussed'"
        " AND NOT EXISTS (SELECT 1 FROM topic c WHERE c.carried_from = t.id)"
        " GROUP BY m.person_id ORDER BY 2 DESC LIMIT 1"
    )
    assert row is not None
    person_id = int(row[0])
    start = datetime.now(UTC) + timedelta(days=30)
    times = []
    carried = open_items = 0
    for _ in range(repeat + 1):
        began = time.perf_counter()
        meeting = store.meetings.create(person_id, start)
        times.append((time.perf_counter() - began) * 1000)
        carried = len(meeting.topics)
        open_items = len(meeting.actions)
        store.meetings.delete(meeting.id)
    assert carried > 0, "the benchmark must carry something over"
    print(f"carry-over brought {carried} topics and {open_items} open action items")
    return Result("add a meeting with carry-over", statistics.median(times[1:]), None, 20)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--json", metavar="FILE")
    parser.add_argument("--repeat", type=int, default=9)
    args = parser.parse_args(argv)
    db = open_vault(base_vault(1), recovery_secret=PASSPHRASE)
    try:
        assert isinstance(db, VaultDatabase)
        store = Store(db)
        bare = bare_connection(db)
        try:
            results = bench_reports(store, bare, args.repeat)
            results.append(bench_add_meeting(store, args.repeat))
        finally:
            bare.close()
    finally:
        db.close()
    return report(results, args.json)


if __name__ == "__main__":
    sys.exit(main())
