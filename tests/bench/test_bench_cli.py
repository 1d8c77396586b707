"""The CLI benchmark's floor reads what the command reads, so the ratio compares like with like."""

from __future__ import annotations

from bench.bench_cli import QUERIES, SEARCH_TERM
from taiwa.demo import fill, generate
from taiwa.store import Store
from taiwa.vault.database import Database


def test_the_search_floor_finds_the_rows_taiwa_search_shows(db: Database) -> None:
    fill(db, generate("year", lang="mixed"))
    sql, params = QUERIES[f"search {SEARCH_TERM}"]
    floor = [row[0] for row in db.query(sql, list(params))]
    hits = Store(db).search.search(SEARCH_TERM, limit=50)
    assert floor
    # The index's rowid is the source id * 8 + its kind.
    assert floor == [h.source_id * 8 + _kind(h.kind.value) for h in hits]


def _kind(name: str) -> int:
    from taiwa.vault import schema

    return int(getattr(schema, f"KIND_{name.upper()}"))
