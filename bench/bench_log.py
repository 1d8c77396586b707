"""Benchmark: the 1on1 log on the ten-year demo vault (100 people, 20 000 meetings, ~200 000
notes, topics and action items).

Run: ``python -m bench.bench_log`` (``--json FILE`` to keep the figures, ``--repeat N``,
``--rebuild`` to make the vault again).

The vault is built once with :func:`taiwa.demo.build_demo_vault` in passphrase-only mode (so no
keyring is touched) and cached under the temporary folder. Measured, as medians:

* search for a Japanese and an English term: the first 50 ranked hits with snippets, resolved to
  person and meeting, against the floor of the same FTS5 query (MATCH, bm25, snippet(), LIMIT 50)
  on a bare sqlcipher3 connection to the same file — budget 2×;
* the execution-rate stats for the last year, and the signals for all people — budget 100 ms
  each (reported next to the floor of a bare count of the year's meetings);
* adding a meeting with carry-over to the person with the most open topics (committed, then
  deleted outside the timing) — budget 20 ms.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import sqlcipher3.dbapi2 as sqlcipher

from bench.common import Result, median_ms, paired_ms, report
from taiwa.demo import build_demo_vault
from taiwa.store import Store
from taiwa.store.search import SNIPPET_TOKENS
from taiwa.vault import schema
from taiwa.vault.service import VaultDatabase, open_vault

PASSPHRASE = "benchmark passphrase, not a secret"  # noqa: S105 - throwaway demo vault
CACHE = Path(tempfile.gettempdir()) / "taiwa-bench-log"
MARKER = "built-v3"
TERMS = (("search ja 「キャリア」", "キャリア"), ("search en 'career'", "career"))


def vault_folder(rebuild: bool) -> Path:
    folder = CACHE / "vault"
    if rebuild or not (CACHE / MARKER).exists():
        shutil.rmtree(CACHE, ignore_errors=True)
        CACHE.mkdir(mode=0o700, parents=True)
        start = time.perf_counter()
        result = build_demo_vault(
            folder, size="ten-years", use_keyring=False, recovery_passphrase=PASSPHRASE
        )
        print(
            f"built the ten-year vault in {time.perf_counter() - start:.1f} s: {result.people}"
            f" people, {result.meetings} meetings, {result.items} notes/topics/actions"
        )
        (CACHE / MARKER).write_text("ok\n", encoding="utf-8")
    return folder


def bare_connection(db: VaultDatabase) -> sqlcipher.Connection:
    conn = sqlcipher.connect(str(db.path), isolation_level=None)
    conn.execute(f"PRAGMA key = {db.key.sql_literal()}")
    conn.execute("PRAGMA temp_store = MEMORY")
    return conn


def bench_search(store: Store, bare: sqlcipher.Connection, repeat: int) -> list[Result]:
    sql = (
        "SELECT rowid, snippet(search_index, 0, char(2), char(3), '…', ?), rank"  # noqa: S608 - a constant
        " FROM search_index WHERE search_index MATCH ?"
        f" AND (rowid & 7) <> {schema.KIND_PRIVATE_NOTES} ORDER BY rank LIMIT 50"
    )
    results = []
    for name, term in TERMS:
        hits = store.search.search(term, limit=50)
        assert len(hits) == 50, f"expected 50 hits for {term}"

        def ours(term: str = term) -> None:
            store.search.search(term, limit=50)

        def floor(term: str = term) -> None:
            bare.execute(sql, (SNIPPET_TOKENS, f'"{term}"')).fetchall()

        mine, base = paired_ms(ours, floor, repeat=repeat)
        results.append(Result(name, mine, base, 2.0))
    return results


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
    parser.add_argument("--rebuild", action="store_true")
    args = parser.parse_args(argv)
    folder = vault_folder(args.rebuild)
    db = open_vault(folder, recovery_secret=PASSPHRASE)
    try:
        assert isinstance(db, VaultDatabase)
        store = Store(db)
        bare = bare_connection(db)
        try:
            results = bench_search(store, bare, args.repeat)
            results += bench_reports(store, bare, args.repeat)
            results.append(bench_add_meeting(store, args.repeat))
        finally:
            bare.close()
    finally:
        db.close()
    return report(results, args.json)


if __name__ == "__main__":
    sys.exit(main())
