"""Benchmark: search, the first 50 hits with snippets, against bare FTS5 on the same file.

Run: ``scripts/bench`` (all benchmarks), or ``python -m bench.bench_search`` (``--scales 1 3
10``, ``--repeat N``, ``--json FILE``).

On the ten-year demo vault at 1x (about 200 000 notes, topics and action items), 3x and 10x
(:mod:`bench.scaled`; passphrase-only, no keyring), paired and interleaved medians of:

* ours: ``Store.search.search(term, limit=50)`` — ranked hits with their snippets, resolved to
  person and meeting;
* floor: the same FTS5 query (MATCH, bm25 rank, ``snippet()``, LIMIT 50) on a bare sqlcipher3
  connection to the same file (budget 2x).
"""

from __future__ import annotations

import argparse
import sys

import sqlcipher3.dbapi2 as sqlcipher

from bench.common import Result, paired_ms, report
from bench.scaled import PASSPHRASE, base_vault
from taiwa.store import Store
from taiwa.store.search import SNIPPET_TOKENS
from taiwa.vault import schema
from taiwa.vault.service import VaultDatabase, open_vault

BUDGET = 2.0
TERMS = (
    ("search ja 「キャリア」", "キャリア"),
    ("search en 'career'", "career"),
    ("search ja 「評価」 (2 characters)", "評価"),
)
# Three characters or more: FTS5's trigram index, ranked. Fewer: trigrams cannot match them, so
# the floor is the LIKE scan of the newest rows that stops at 50 hits, with the text to cut
# snippets from (what Taiwa does too; see taiwa.store.search).
FLOOR_SQL = (
    "SELECT rowid, snippet(search_index, 0, char(2), char(3), '…', ?), rank"  # noqa: S608 - constants
    " FROM search_index WHERE search_index MATCH ?"
    f" AND (rowid & 7) <> {schema.KIND_PRIVATE_NOTES} ORDER BY rank LIMIT 50"
)
FLOOR_SHORT_SQL = (
    "SELECT rowid, body FROM search_index WHERE body LIKE ?"  # noqa: S608 - constants
    f" AND (rowid & 7) <> {schema.KIND_PRIVATE_NOTES} ORDER BY rowid DESC LIMIT 50"
)


def bench_scale(scale: int, repeat: int) -> list[Result]:
    db = open_vault(base_vault(scale), recovery_secret=PASSPHRASE)
    try:
        assert isinstance(db, VaultDatabase)
        store = Store(db)
        bare = sqlcipher.connect(str(db.path), isolation_level=None)
        bare.executescript(f"PRAGMA key = {db.key.sql_literal()};")
        bare.execute("PRAGMA temp_store = MEMORY")
        results = []
        try:
            for name, term in TERMS:
                hits = store.search.search(term, limit=50)
                assert len(hits) == 50, f"expected 50 hits for {term}"

                def ours(term: str = term) -> None:
                    store.search.search(term, limit=50)

                def floor(term: str = term) -> None:
                    if len(term) >= 3:
                        bare.execute(FLOOR_SQL, (SNIPPET_TOKENS, f'"{term}"')).fetchall()
                    else:
                        bare.execute(FLOOR_SHORT_SQL, (f"%{term}%",)).fetchall()

                mine, base = paired_ms(ours, floor, repeat=repeat)
                results.append(Result(name, mine, base, BUDGET, scale=scale))
        finally:
            bare.close()
    finally:
        db.close()
    return results


def run(scales: list[int], repeat: int) -> list[Result]:
    results: list[Result] = []
    for scale in scales:
        results += bench_scale(scale, repeat)
    return results


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--scales", type=int, nargs="+", default=[1, 3, 10])
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument("--json", metavar="FILE")
    args = parser.parse_args(argv)
    return report(run(args.scales, args.repeat), args.json)


if __name__ == "__main__":
    sys.exit(main())
