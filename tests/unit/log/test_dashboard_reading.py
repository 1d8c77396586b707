"""The dashboard's one reading gives what each report gives on its own (issue 21).

It walks the upcoming window once for two cards (14 days shown, 60 for what falls due before
the next 1on1s), and timestamps are converted by a fast path for the stored form.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta, timezone

import pytest

from taiwa.demo import fill, generate
from taiwa.prep.reminders import DUE_DAYS, due_before_next
from taiwa.store import Store
from taiwa.store import _convert as cv
from taiwa.store.dashboard import UPCOMING_DAYS, load_dashboard
from taiwa.vault.database import Database

TODAY = date(2026, 6, 15)
TOKYO = timezone(timedelta(hours=9))
NEW_YORK = timezone(timedelta(hours=-5))


@pytest.fixture
def demo(db: Database) -> Database:
    fill(db, generate("year", today=TODAY))
    return db


@pytest.mark.parametrize("zone", [UTC, TOKYO, NEW_YORK], ids=["utc", "tokyo", "new-york"])
def test_a_shorter_window_from_a_longer_reading_equals_its_own_reading(
    demo: Database, zone: timezone
) -> None:
    reports = Store(demo, zone=zone).reports
    checked = 0
    for step in range(0, 70, 3):  # past, present and beyond the demo's planned meetings
        now = datetime.combine(TODAY, time(9, 30), tzinfo=zone) + timedelta(days=step, hours=step)
        later = reports.upcoming(now, DUE_DAYS)
        for days in (0, 1, 7, UPCOMING_DAYS, 30, DUE_DAYS):
            own = reports.upcoming(now, days)
            assert reports.upcoming_within(later, now, days) == own, (step, days)
            checked += len(own)
    # Not vacuous: planned meetings and cadence slots were compared.
    assert checked > 500


def test_the_dashboard_shows_what_each_report_reads(demo: Database) -> None:
    store = Store(demo, zone=UTC)
    now = datetime.combine(TODAY, time(9), tzinfo=UTC)
    data = load_dashboard(store, now)
    assert data.upcoming == store.reports.upcoming(now, UPCOMING_DAYS)
    assert data.upcoming and len(store.reports.upcoming(now, DUE_DAYS)) > len(data.upcoming)
    assert data.due == due_before_next(store, now, UTC)
    assert data.due
    # The gauges' rates (the month's taken from the quarter's meetings in the reading) are
    # the full reports' overall rates.
    today = now.date()
    month = store.reports.execution_rate(today.replace(day=1), today, now=now)
    quarter = store.reports.execution_rate(date(2026, 4, 1), today, now=now)
    assert (data.month, data.quarter) == (month.overall, quarter.overall)
    assert data.month.planned and data.quarter.planned > data.month.planned


@pytest.mark.parametrize("zone", [UTC, TOKYO, NEW_YORK], ids=["utc", "tokyo", "new-york"])
def test_a_period_inside_one_read_gives_its_own_report(demo: Database, zone: timezone) -> None:
    reports = Store(demo, zone=zone).reports
    now = datetime.combine(TODAY, time(23, 30), tzinfo=zone)
    reading = reports.reading()
    wide = reading.execution_rate(date(2026, 1, 1), TODAY, now=now)
    assert wide == reports.execution_rate(date(2026, 1, 1), TODAY, now=now)
    # Periods that begin and end on days with meetings (local days), where an off-by-one
    # in taking a period from a wider one would show.
    busy = sorted(
        {
            datetime.fromisoformat(r[0]).astimezone(zone).date()
            for r in demo.query("SELECT starts_at FROM meeting WHERE starts_at < '2026-06-15'")
        }
    )
    assert len(busy) > 40
    for first, last in [
        (busy[3], busy[3]),
        (busy[10], busy[30]),
        (busy[-20], busy[-1]),
        (date(2026, 3, 29), date(2026, 3, 29)),  # a day without meetings
    ]:
        inside = reading.execution_rate(first, last, now=now)
        assert inside == reports.execution_rate(first, last, now=now), (first, last)
        assert reading.overall_rate(first, last, now=now) == inside.overall


@pytest.mark.parametrize(
    "stored",
    [
        "2026-06-15T09:30:00Z",
        "1900-01-01T00:00:00Z",
        "2200-12-31T23:59:59Z",
        "1899-12-31T23:59:59Z",  # below the range: clamped
        "9999-12-31T23:59:59Z",  # above it: clamped
        "2026-06-15T18:30:00+09:00",  # not the stored form: converted
    ],
)
def test_the_fast_path_of_stored_timestamps_reads_what_the_general_one_reads(
    stored: str,
) -> None:
    general = datetime.fromisoformat(stored)
    expected = min(
        max(general.astimezone(UTC), cv.from_ts("1900-01-01T00:00:00Z")),
        cv.from_ts("2200-12-31T23:59:59Z"),
    )
    got = cv.from_ts(stored)
    assert got == expected and got.tzinfo is not None and got.utcoffset() == timedelta(0)


def test_the_items_due_by_each_persons_day_are_read_and_counted_alone(demo: Database) -> None:
    store = Store(demo, zone=UTC)
    every = store.actions.open_actions()
    people = sorted({a.person_id for a in every})[:4]
    days = {pid: TODAY + timedelta(days=7 * i) for i, pid in enumerate(people)}
    expected = sorted(
        (
            a
            for a in every
            if a.person_id in days and a.due_on is not None and a.due_on <= days[a.person_id]
        ),
        key=lambda a: (a.due_on, a.id),
    )
    assert expected  # not vacuous
    assert store.actions.due_by(days) == expected
    assert store.actions.count_due_by(days) == len(expected)
    assert store.actions.due_by({}) == [] and store.actions.count_due_by({}) == 0


def test_a_read_made_row_by_row_holds_what_a_read_of_all_rows_gives(demo: Database) -> None:
    sql = "SELECT id, starts_at FROM meeting WHERE person_id = ? ORDER BY starts_at"
    rows = demo.query(sql, (1,))
    assert len(rows) > 10
    assert demo.query_as(sql, (1,), lambda r: (r[0], r["starts_at"])) == [
        (r[0], r[1]) for r in rows
    ]
    assert demo.query_as(sql, (-1,), tuple) == []
