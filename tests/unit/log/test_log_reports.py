"""Reports through the store: execution rate, signals, upcoming and overview on real rows."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from taiwa.domain import errors
from taiwa.domain.models import (
    ActionDraft,
    MeetingSource,
    Owner,
    SignalKind,
    Theme,
    TopicDraft,
    UpcomingKind,
)
from taiwa.store import Store

NOW = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
MONDAY = date(2026, 1, 5)


def calendar_meeting(store: Store, person_id: int, start: datetime, status: str) -> int:
    """A meeting as the calendar import saves it (its own SQL lives in store/calendar.py)."""
    with store.db.transaction() as conn:
        cur = conn.execute(
            "INSERT INTO meeting (person_id, starts_at, status, source, ics_uid,"
            " ics_recurrence_id, created_at, updated_at)"
            " VALUES (?, ?, ?, 'calendar', 'series@example.com', ?, ?, ?)",
            (
                person_id,
                start.strftime("%Y-%m-%dT%H:%M:%SZ"),
                status,
                start.strftime("%Y%m%dT%H%M%SZ"),
                "2026-01-01T00:00:00Z",
                "2026-01-01T00:00:00Z",
            ),
        )
        return int(cur.lastrowid or 0)


def at(day: date, hour: int = 10) -> datetime:
    return datetime(day.year, day.month, day.day, hour, tzinfo=UTC)


@pytest.fixture
def weekly(store: Store) -> int:
    """A weekly report with six held meetings, a planned one with notes, and a cancelled
    calendar occurrence in the eight weeks from 5 January; a planned one after the period."""
    pid = store.people.add("Ren", cadence_days=7, started_on=MONDAY).id
    for i in range(6):
        store.meetings.create(pid, at(MONDAY + timedelta(days=7 * i)), status="held")
    store.meetings.create(pid, at(MONDAY + timedelta(days=42)), status="planned", shared_notes="x")
    calendar_meeting(store, pid, at(MONDAY + timedelta(days=49)), "cancelled")
    calendar_meeting(store, pid, at(date(2026, 3, 9)), "planned")
    return pid


def test_execution_rate_for_a_known_set_is_exactly_seven_eighths(store: Store, weekly: int) -> None:
    report = store.reports.execution_rate("2026-01-05", "2026-03-01", now=NOW)
    (line,) = report.people
    assert (line.execution.held, line.execution.planned) == (7, 8)
    assert report.overall.value == 7 / 8
    assert report.overall.meets_target is False
    assert line.average_interval_days == 7.0


def test_bad_period_is_refused(store: Store) -> None:
    with pytest.raises(errors.BadPeriodError):
        store.reports.execution_rate("2026-03-01", "2026-01-01", now=NOW)
    with pytest.raises(errors.BadDateError):
        store.reports.execution_rate("2026-02-30", "2026-03-01", now=NOW)


def test_action_completion_and_theme_balance(store: Store, weekly: int) -> None:
    m = store.meetings.create(
        weekly,
        at(date(2026, 2, 24)),
        status="held",
        topics=[TopicDraft(Theme.CAREER, "next step"), TopicDraft(Theme.WELLBEING, "sleep")],
        actions=[ActionDraft(Owner.REPORT, "a"), ActionDraft(Owner.MANAGER, "b")],
    )
    store.actions.set_done(m.actions[0].id, "2026-02-25")
    report = store.reports.execution_rate("2026-02-01", "2026-03-01", now=NOW)
    assert (report.actions_done, report.actions_total) == (1, 2)
    balance = store.reports.theme_balance(weekly, "2026-02-01", "2026-03-01")
    assert (balance[Theme.CAREER], balance[Theme.WELLBEING], balance[Theme.WORK]) == (1, 1, 0)


def test_signals_name_the_person_and_the_reason(store: Store) -> None:
    pid = store.people.add("高橋 陽菜", started_on="2025-06-01").id
    for i, mood in enumerate((4, 5, 4, 3, 2, 2)):
        store.meetings.create(
            pid,
            at(date(2026, 1, 5) + timedelta(days=7 * i)),
            status="held",
            mood=mood,
            topics=[TopicDraft(Theme.WORK, "release")],
        )
    store.actions.add(pid, Owner.MANAGER, "promised a course", due_on="2026-02-01")
    found = {s.kind: s for s in store.reports.signals(NOW)}
    assert set(found) == {
        SignalKind.MOOD_FALLING,
        SignalKind.MANAGER_ACTIONS_OVERDUE,
        SignalKind.NO_CAREER_TOPIC,
    }
    assert found[SignalKind.MOOD_FALLING].person_name == "高橋 陽菜"
    assert "2.3" in found[SignalKind.MOOD_FALLING].reason("en")
    assert found[SignalKind.MANAGER_ACTIONS_OVERDUE].reason("ja") == (
        "あなたが担当するアクションアイテムのうち 1 件が期限切れです（最も古い期限 2026-02-01）。"
    )


def test_signals_read_each_persons_own_latest_meetings(store: Store) -> None:
    """Long histories: only each person's latest meetings up to now decide (older moods, other
    people's meetings and future plans do not)."""
    first = date(2025, 9, 1)  # 26 weekly meetings up to 23 February

    def history(name: str, moods: list[int], statuses: list[str]) -> int:
        pid = store.people.add(name, started_on=first).id
        for i, (mood, status) in enumerate(zip(moods, statuses, strict=True)):
            store.meetings.create(
                pid,
                at(first + timedelta(days=7 * i)),
                status=status,
                mood=mood if status == "held" else None,
                topics=[TopicDraft(Theme.CAREER, "next step")],
            )
        return pid

    # Fell long ago and recovered: the old lows are outside the last six moods.
    recovered = history("Aoi", [1] * 10 + [5] * 16, ["held"] * 26)
    # Steady for months, then falling in the last three meetings.
    falling = history("Mio", [5] * 23 + [2] * 3, ["held"] * 26)
    # Missed the last two; a planned meeting next week does not hide that.
    missing = history("Sora", [4] * 26, ["held"] * 24 + ["cancelled", "skipped"])
    store.meetings.create(missing, at(date(2026, 3, 9)), status="planned")
    found: dict[int, set[SignalKind]] = {}
    for signal in store.reports.signals(NOW):
        found.setdefault(signal.person_id, set()).add(signal.kind)
    assert found.get(recovered, set()) == set()
    assert found[falling] == {SignalKind.MOOD_FALLING}
    assert found[missing] == {SignalKind.SKIPPED_TWICE}


def test_career_silence_counts_each_persons_own_career_topics_of_90_days(store: Store) -> None:
    known = "2025-06-01"

    def person(name: str, career_on: list[date]) -> int:
        pid = store.people.add(name, started_on=known).id
        # The latest meeting first: made later, it would carry the open career topic over.
        store.meetings.create(
            pid, at(date(2026, 2, 23)), status="held", topics=[TopicDraft(Theme.WORK, "release")]
        )
        for day in career_on:
            store.meetings.create(
                pid, at(day), status="held", topics=[TopicDraft(Theme.CAREER, "next step")]
            )
        return pid

    recent = person("Aoi", [date(2026, 1, 12)])  # 49 days before NOW
    stale = person("Mio", [date(2025, 10, 20)])  # 133 days before NOW
    never = person("Sora", [])
    # A career talk planned after NOW does not count for anyone.
    store.meetings.create(
        never, at(date(2026, 3, 9)), status="planned", topics=[TopicDraft(Theme.CAREER, "plan")]
    )
    silent = {
        s.person_id for s in store.reports.signals(NOW) if s.kind is SignalKind.NO_CAREER_TOPIC
    }
    assert silent == {stale, never}
    assert recent not in silent


def test_upcoming_combines_calendar_meetings_and_cadence_slots(store: Store, weekly: int) -> None:
    quiet = store.people.add("Sora", cadence_days=14, started_on="2025-01-01").id
    store.meetings.create(quiet, at(date(2026, 2, 2)), status="held")
    items = store.reports.upcoming(NOW, days=14)
    mine = [(i.kind, i.due_on, i.source) for i in items if i.person_id == weekly]
    assert (UpcomingKind.MEETING, date(2026, 3, 9), MeetingSource.CALENDAR) in mine
    theirs = [(i.kind, i.due_on, i.overdue) for i in items if i.person_id == quiet]
    assert theirs[0] == (UpcomingKind.CADENCE, date(2026, 2, 16), True)
    assert items[0].overdue  # overdue first


def test_overview_shows_due_and_open_actions(store: Store, weekly: int) -> None:
    store.actions.add(weekly, Owner.MANAGER, "book a room", due_on="2026-02-20")
    (status,) = store.reports.overview(NOW)
    assert status.last_held == date(2026, 2, 16)  # the planned meeting with notes counts
    assert status.next_due == date(2026, 2, 23)
    assert status.days_overdue == 7
    assert status.next_planned == at(date(2026, 3, 9))
    assert (status.open_actions, status.open_manager_actions, status.overdue_actions) == (1, 1, 1)
    assert store.reports.mood_series(weekly) == []


def test_a_reading_agrees_with_the_reports_and_leaves_them_current(
    store: Store, weekly: int
) -> None:
    """The dashboard's one reading shares facts between reports; the store's own reports keep
    reading the vault afresh."""
    reading = store.reports.reading()
    assert reading.overview(NOW) == store.reports.overview(NOW)
    assert reading.upcoming(NOW, 14) == store.reports.upcoming(NOW, 14)
    assert reading.signals(NOW) == store.reports.signals(NOW)
    late = store.people.add("Hana", started_on=MONDAY).id
    assert late in {s.person.id for s in store.reports.overview(NOW)}
