"""The calendar benchmark has a small size for the quick mode (`scripts/bench --quick`), with the
full calendar's mix; the real figures come from `python -m bench.bench_ics`."""

from __future__ import annotations

import json
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from bench import bench_ics


def test_a_small_calendar_keeps_the_mix() -> None:
    assert bench_ics.shape() == (bench_ics.SERIES, bench_ics.ONE_ON_ONES, bench_ics.SINGLES)
    series, one_on_ones, singles = bench_ics.shape(600)
    assert (series, one_on_ones, series + singles) == (36, 5, 600)
    text = bench_ics.generate_calendar(events=600)
    # Every series also has its moved occurrences (RECURRENCE-ID overrides).
    assert text.count("BEGIN:VEVENT") == 600 + series * bench_ics.MOVED
    assert text.count("RRULE:") == series
    assert len(bench_ics.reports(600)) == one_on_ones


@pytest.mark.slow
def test_bench_ics_runs_small_without_the_export(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "result.json"
    bench_ics.main(["--events", "60", "--repeat", "1", "--json", str(out)])
    assert "ics import: plan / dry run (60 events)" in capsys.readouterr().out
    rows = json.loads(out.read_text(encoding="utf-8"))
    # The 60 000-event export runs only at the full size (minutes, ~1 GB).
    assert [r["name"] for r in rows] == [
        "ics import: plan / dry run (60 events)",
        "  (before) whole-file floor",
        "ics import: real import into a vault",
    ]
    assert rows[1]["budget"] is None  # shown for comparison, not budgeted
    assert all(r["ours_ms"] > 0 and r["floor_ms"] > 0 for r in rows)


def _planned(text: str, folder: Path) -> tuple[Path, Any]:
    """The calendar ``text`` written to ``folder`` and Taiwa's plan of it (the benchmark's
    known people in a fresh vault)."""
    path = folder / "calendar.ics"
    path.write_text(text, encoding="utf-8", newline="")
    db = bench_ics._vault(folder / "vault", bench_ics.reports(100))
    try:
        return path, bench_ics._plan(db, path)
    finally:
        db.close()


def test_the_floor_finds_the_plans_occurrences(tmp_path: Path) -> None:
    # The same-work floor keeps only the events whose title has a keyword, plus the moved
    # occurrences of their series: it must find exactly the plan's 1on1 occurrences, even when
    # a moved occurrence's title lost the keyword.
    text = bench_ics.generate_calendar(events=100)
    last = text.rindex("SUMMARY:面談 Report 00")  # series 0's last moved occurrence, in June
    assert "RECURRENCE-ID" in text[last - 300 : last + 300]
    text = text[:last] + "SUMMARY:Moved" + text[last + len("SUMMARY:面談 Report 00") :]
    path, plan = _planned(text, tmp_path)
    occurrences = bench_ics.floor_occurrences(path)
    assert len(occurrences) == len(plan.items) > 40
    assert any(i.occurrence.summary == "Moved" for i in plan.items)
    bench_ics._same_occurrences(plan, path)
    # What the floor reads of each occurrence: UID, start, end and the attendees' e-mails.
    uid, start, end, emails = occurrences[0]
    assert uid.startswith("series-0@") and end - start == timedelta(minutes=30)
    assert "report00@example.com" in emails
    # The old floor expands every series of the file (the team meetings too).
    assert bench_ics.whole_file_floor(path) > len(occurrences)


def test_the_floor_also_reads_the_events_of_known_attendees(tmp_path: Path) -> None:
    # Taiwa's second rule: a series without a keyword whose one participant (besides the owner
    # and the room) is a known person is a 1on1. The floor must read those events too.
    text = bench_ics.generate_calendar(events=100)
    known = [email for _, email in bench_ics.reports(100)]
    start = datetime(2026, 5, 4, 15, 0)
    extra = bench_ics._event(
        "plain-sync@bench.example.com", start, "Weekly sync", [known[0]], ["RRULE:FREQ=WEEKLY"]
    )
    text = text.replace("END:VCALENDAR", extra.replace("\r\n", "\n") + "\nEND:VCALENDAR")
    path, plan = _planned(text, tmp_path)
    plain = [i for i in plan.items if i.occurrence.uid.startswith("plain-sync@")]
    assert len(plain) > 10  # weekly from May to the window's end
    bench_ics._same_occurrences(plan, path, known)
    by_title_only = bench_ics.floor_occurrences(path)
    assert len(by_title_only) == len(plan.items) - len(plain)
