"""The benchmark harness: the scaled vaults hold valid copies, and the table reports growth."""

from __future__ import annotations

import json
from pathlib import Path

from bench import scaled
from bench.common import Result, growth, load, report, table
from taiwa.demo import fill, generate
from taiwa.vault.database import Database


def test_shifted_copies_fit_in_one_vault_beside_the_first(db: Database) -> None:
    rows = generate("year", lang="mixed")
    span = {
        n: max(int(r[0]) for r in getattr(rows, n))
        for n in ("person", "meeting", "topic", "action")
    }
    fill(db, rows)
    fill(db, scaled._shifted(rows, 1, span))
    fill(db, scaled._shifted(rows, 2, span))
    people = db.query_one("SELECT count(*), count(DISTINCT name) FROM person")
    assert people is not None and tuple(people) == (3 * len(rows.person),) * 2
    meetings = db.query_one("SELECT count(*) FROM meeting")
    assert meetings is not None and meetings[0] == 3 * len(rows.meeting)
    # Every copy's topics and actions point into its own copy's meetings.
    stray = db.query_one(
        "SELECT count(*) FROM topic t JOIN meeting m ON m.id = t.meeting_id"
        " JOIN topic c ON c.id = t.carried_from JOIN meeting cm ON cm.id = c.meeting_id"
        " WHERE cm.person_id <> m.person_id"
    )
    assert stray is not None and stray[0] == 0
    assert db.query_one("PRAGMA foreign_key_check") is None


def test_the_table_shows_ratios_budgets_and_growth() -> None:
    results = [
        Result("cli person list", 150.0, 100.0, 1.5, scale=1),
        Result("cli person list", 300.0, 120.0, 1.5, scale=3),
        Result("cli person list", 3000.0, 200.0, 1.5, scale=10),
        Result("open a person", 90.0, None, 100),
    ]
    assert growth(results) == {("cli person list", 3): 2.0, ("cli person list", 10): 20.0}
    text = table(results)
    assert "1.50x" in text and "<=1.5x" in text and "<=100ms" in text
    lines = text.splitlines()
    assert "linear or better" in lines[3] and lines[3].startswith("OVER")
    assert "FASTER THAN LINEAR" in lines[4]


def test_results_round_trip_through_json(tmp_path: Path, capsys: object) -> None:
    out = tmp_path / "r.json"
    results = [Result("search", 2.0, 1.0, 2.0, scale=3), Result("rss", 90.0, 50.0, 1.8, unit="MB")]
    assert report(results, str(out)) == 0
    assert json.loads(out.read_text())[0]["ratio"] == 2.0
    assert load(out) == results
