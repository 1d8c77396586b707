"""Reminders fire at the right local time across a DST change and a laptop's time-zone change."""

from __future__ import annotations

import time as systime
from collections.abc import Callable, Iterator
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest

from taiwa.domain.models import Meeting, MeetingStatus, Person, UpcomingItem, UpcomingKind
from taiwa.prep import facts, reminders
from taiwa.store import Store
from taiwa.vault.database import Database

BERLIN = ZoneInfo("Europe/Berlin")
TOKYO = ZoneInfo("Asia/Tokyo")
LEAD = timedelta(minutes=15)


def planned(start: datetime, person: int = 1) -> UpcomingItem:
    return UpcomingItem(
        UpcomingKind.MEETING, person, "Hanako", start.astimezone(UTC), start.date(), meeting_id=9
    )


def slot(day: date, person: int = 2) -> UpcomingItem:
    return UpcomingItem(UpcomingKind.CADENCE, person, "Taro", None, day)


@pytest.fixture
def machine_zone(monkeypatch: pytest.MonkeyPatch) -> Iterator[Callable[[str], None]]:
    """Change the laptop's zone the way travel does (TZ + tzset), restored afterwards."""

    def move(name: str) -> None:
        monkeypatch.setenv("TZ", name)
        systime.tzset()

    yield move
    monkeypatch.undo()
    systime.tzset()


def test_planned_meeting_after_spring_forward_fires_lead_before_local_start() -> None:
    # Berlin springs forward on 2026-03-29; a 10:00 meeting the next day is 08:00 UTC.
    start = datetime(2026, 3, 30, 10, 0, tzinfo=BERLIN)
    [r] = reminders.schedule([planned(start)], lead=LEAD, zone=BERLIN)
    assert r.fire_at == datetime(2026, 3, 30, 7, 45, tzinfo=UTC)
    assert r.fire_at.astimezone(BERLIN).time() == time(9, 45)


@pytest.mark.parametrize(
    ("day", "utc_hour"),
    [
        (date(2026, 3, 28), 8),
        (date(2026, 3, 30), 7),
        (date(2026, 10, 24), 7),
        (date(2026, 10, 26), 8),
    ],
)
def test_cadence_slot_fires_at_nine_local_on_either_side_of_dst(day: date, utc_hour: int) -> None:
    [r] = reminders.schedule([slot(day)], lead=LEAD, zone=BERLIN)
    assert r.fire_at == datetime.combine(day, time(utc_hour, 0), tzinfo=UTC)
    assert r.fire_at.astimezone(BERLIN).time() == time(9, 0)


def test_ticking_through_the_dst_night_fires_each_reminder_once() -> None:
    items = [planned(datetime(2026, 3, 29, 3, 30, tzinfo=BERLIN)), slot(date(2026, 3, 29))]
    schedule = reminders.schedule(items, lead=LEAD, zone=BERLIN)
    fired: list[reminders.Reminder] = []
    tick = datetime(2026, 3, 28, 22, 0, tzinfo=UTC)
    while tick < datetime(2026, 3, 29, 12, 0, tzinfo=UTC):
        nxt = tick + timedelta(minutes=1)
        fired += reminders.due(schedule, tick, nxt)
        tick = nxt
    assert [r.fire_at for r in fired] == [
        datetime(2026, 3, 29, 1, 15, tzinfo=UTC),  # 03:15 CEST, 15 min before 03:30
        datetime(2026, 3, 29, 7, 0, tzinfo=UTC),  # 09:00 CEST
    ]


def test_laptop_changes_zone_planned_stays_absolute_slot_follows_local(
    machine_zone: Callable[[str], None],
) -> None:
    start = datetime(2026, 12, 10, 10, 0, tzinfo=TOKYO)
    items = [planned(start), slot(date(2026, 12, 11))]
    machine_zone("Asia/Tokyo")
    before = reminders.schedule(items, lead=LEAD)
    machine_zone("Europe/Berlin")
    after = reminders.schedule(items, lead=LEAD)
    # The meeting is an instant: its reminder fires at the same moment, now 01:45 in Berlin.
    assert before[0].fire_at == after[0].fire_at == datetime(2026, 12, 10, 0, 45, tzinfo=UTC)
    # The cadence slot has no time: it is 09:00 wherever the laptop is that day.
    assert before[1].fire_at == datetime(2026, 12, 11, 0, 0, tzinfo=UTC)
    assert after[1].fire_at == datetime(2026, 12, 11, 8, 0, tzinfo=UTC)


def test_stale_and_overdue_reminders_are_not_shown() -> None:
    schedule = reminders.schedule(
        [planned(datetime(2026, 5, 1, 10, 0, tzinfo=BERLIN))], lead=LEAD, zone=BERLIN
    )
    fire = schedule[0].fire_at
    assert reminders.due(schedule, fire - timedelta(minutes=1), fire) == schedule
    assert reminders.due(schedule, fire - timedelta(minutes=1), fire + timedelta(hours=3)) == []
    overdue = UpcomingItem(UpcomingKind.CADENCE, 3, "X", None, date(2026, 4, 1), overdue=True)
    assert reminders.schedule([overdue], lead=LEAD) == []


def test_notification_text_has_no_name_unless_allowed() -> None:
    start = datetime(2026, 5, 1, 10, 0, tzinfo=UTC)
    [r] = reminders.schedule([planned(start)], lead=LEAD)
    now = start - LEAD
    assert "Hanako" not in reminders.text(r, now, show_names=False, lang="en")
    assert reminders.text(r, now, show_names=False, lang="en") == "A 1on1 starts in 15 min."
    assert "Hanako" in reminders.text(r, now, show_names=True, lang="ja")
    [s] = reminders.schedule([slot(date(2026, 5, 2))], lead=LEAD)
    assert "Taro" not in reminders.text(s, now, show_names=False, lang="ja")


def test_cadence_due_time_keeps_the_wall_clock_across_dst() -> None:
    person = Person(1, "Hanako", cadence_days=14)
    last = Meeting(
        1, 1, datetime(2026, 3, 16, 10, 0, tzinfo=BERLIN).astimezone(UTC),
        status=MeetingStatus.HELD, zone="Europe/Berlin",
    )  # fmt: skip
    when = facts.due_at(person, last, datetime(2026, 3, 20, tzinfo=UTC))
    assert when.astimezone(BERLIN) == datetime(2026, 3, 30, 10, 0, tzinfo=BERLIN)


def test_settings_and_upcoming_from_the_vault(db: Database) -> None:
    store = Store(db, zone=BERLIN)
    person = store.people.add("Hanako")
    now = datetime.now(UTC)
    store.meetings.create(person.id, now + timedelta(hours=3), status=MeetingStatus.PLANNED)
    assert reminders.preferences(store) == (timedelta(minutes=10), False)
    store.settings.set(reminders.LEAD_SETTING, 30)
    store.settings.set(reminders.NAMES_SETTING, True)
    assert reminders.preferences(store) == (timedelta(minutes=30), True)
    found = [r for r in reminders.upcoming(store, now, BERLIN) if r.meeting_id is not None]
    assert len(found) == 1
    assert found[0].fire_at == found[0].starts_at - timedelta(minutes=30)  # type: ignore[operator]


def test_actions_due_before_the_next_1on1(db: Database) -> None:
    store = Store(db)
    now = datetime.now(UTC)
    hanako = store.people.add("Hanako")
    taro = store.people.add("Taro")
    store.meetings.create(hanako.id, now + timedelta(days=3), status=MeetingStatus.PLANNED)
    today = now.astimezone().date()
    store.actions.add(hanako.id, "report", "due before", due_on=today + timedelta(days=1))
    store.actions.add(hanako.id, "report", "due after", due_on=today + timedelta(days=30))
    store.actions.add(hanako.id, "manager", "no due date")
    store.actions.add(taro.id, "manager", "far", due_on=today + timedelta(days=200))
    [due] = reminders.due_before_next(store, now)
    assert due.person_id == hanako.id
    assert [a.text for a in due.actions] == ["due before"]


def test_due_before_next_reads_only_what_is_due_with_the_same_result(db: Database) -> None:
    """The narrow query gives what filtering every open item gave (issue 21), and the tray's
    one reading counts the same items and schedules the same reminders."""
    store = Store(db)
    now = datetime.now(UTC)
    today = now.astimezone().date()
    people = [store.people.add(f"P{i}", cadence_days=7 + i) for i in range(6)]
    store.meetings.create(people[0].id, now + timedelta(days=3), status=MeetingStatus.PLANNED)
    store.meetings.create(people[1].id, now + timedelta(hours=5), status=MeetingStatus.PLANNED)
    next_day = (now + timedelta(days=3)).astimezone().date()
    for offset in (-40, -1, 0, 2, 3, 4, 30):  # before, on and after the next 1on1's day
        for person in people[:4]:
            store.actions.add(person.id, "report", f"a{offset}", due_on=today + timedelta(offset))
    store.actions.add(people[0].id, "manager", "on the day", due_on=next_day)
    store.actions.add(people[0].id, "manager", "no due date")
    done = store.actions.add(people[1].id, "manager", "done", due_on=today)
    store.actions.set_done(done.id)
    store.actions.add(people[4].id, "manager", "archived", due_on=today)
    store.people.archive(people[4].id)
    old = reminders.due_from(
        store.reports.upcoming(now, reminders.DUE_DAYS), store.actions.open_actions()
    )
    new = reminders.due_before_next(store, now)
    assert new == old and len(new) == 4
    [first] = [d for d in new if d.person_id == people[0].id]
    assert first.next_day == next_day and "on the day" in [a.text for a in first.actions]
    reading = reminders.tray_reading(store, now - timedelta(seconds=30), now)
    assert reading.due_count == sum(len(d.actions) for d in new)
    assert reading.schedule == reminders.upcoming(store, now - timedelta(seconds=30))
    assert (reading.lead, reading.show_names) == reminders.preferences(store)
    empty = Store(db)
    for person in people:
        empty.people.archive(person.id)
    assert reminders.due_before_next(empty, now) == []
    assert reminders.tray_reading(empty, now, now).due_count == 0
