"""When to remind the manager of a 1on1, from the calendar and the cadence. No Qt here.

Planned meetings (manual or imported from a calendar) are instants: their reminder fires the
lead time before them, wherever the laptop is. Cadence slots have a day but no time: their
reminder fires at a fixed local time of that day (``slot_time``) in the laptop's current zone.
A ticking timer asks :func:`due` for what fell between its last tick and now, in absolute
time, so a daylight-saving change, a time-zone change (travel) or a suspended laptop never fires
a reminder twice or skips one.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta, tzinfo

from taiwa.domain.models import Action, UpcomingItem, UpcomingKind
from taiwa.i18n import Msg
from taiwa.store import Store

LEAD_SETTING = "reminders.lead_minutes"
NAMES_SETTING = "reminders.show_names"
DEFAULT_LEAD_MINUTES = 10
DEFAULT_SLOT_TIME = time(9, 0)
#: A reminder missed by more than this (the laptop slept through it) is dropped, not shown late.
STALE_AFTER = timedelta(hours=2)

_SOON = Msg("A 1on1 starts in {minutes} min.", "{minutes} 分後に 1on1 があります。")
_SOON_NAMED = Msg(
    "1on1 with {name} in {minutes} min.", "{minutes} 分後に {name} さんとの 1on1 があります。"
)
_DUE = Msg("A 1on1 is due today.", "今日は 1on1 の予定日です。")
_DUE_NAMED = Msg("A 1on1 with {name} is due today.", "今日は {name} さんとの 1on1 の予定日です。")


@dataclass(frozen=True, slots=True)
class Reminder:
    """One reminder: when it fires (UTC) and what it is about."""

    fire_at: datetime
    person_id: int
    person_name: str
    meeting_id: int | None
    starts_at: datetime | None  # None for a cadence slot


def local_time_on(day: date, at: time, zone: tzinfo | None) -> datetime:
    """``at`` on ``day`` in ``zone`` (None: the machine's zone, by its own DST rules), as UTC."""
    if zone is None:
        return datetime.combine(day, at).astimezone().astimezone(UTC)
    return datetime.combine(day, at, tzinfo=zone).astimezone(UTC)


def schedule(
    items: list[UpcomingItem],
    *,
    lead: timedelta,
    zone: tzinfo | None = None,
    slot_time: time = DEFAULT_SLOT_TIME,
) -> list[Reminder]:
    """The reminders for ``items`` (:meth:`taiwa.store.reports.Reports.upcoming`), by time.

    Overdue cadence slots get none: the dashboard shows them.
    """
    out: list[Reminder] = []
    for item in items:
        if item.overdue:
            continue
        if item.kind is UpcomingKind.MEETING and item.starts_at is not None:
            fire = item.starts_at - lead
        else:
            fire = local_time_on(item.due_on, slot_time, zone)
        out.append(
            Reminder(fire, item.person_id, item.person_name, item.meeting_id, item.starts_at)
        )
    return sorted(out, key=lambda r: (r.fire_at, r.person_id))


def due(reminders: list[Reminder], since: datetime, now: datetime) -> list[Reminder]:
    """The reminders that fire in ``(since, now]`` and are not stale by ``now``."""
    return [r for r in reminders if since < r.fire_at <= now and now - r.fire_at <= STALE_AFTER]


def text(reminder: Reminder, now: datetime, *, show_names: bool, lang: str | None = None) -> str:
    """The notification's text: no name unless the user allowed names, never note text."""
    if reminder.starts_at is None:
        if show_names:
            return _DUE_NAMED.text(lang, name=reminder.person_name)
        return _DUE.text(lang)
    minutes = max(0, round((reminder.starts_at - now).total_seconds() / 60))
    if show_names:
        return _SOON_NAMED.text(lang, name=reminder.person_name, minutes=minutes)
    return _SOON.text(lang, minutes=minutes)


def preferences(store: Store) -> tuple[timedelta, bool]:
    """The lead time and whether names may be shown, from the vault's settings (bounded)."""
    raw = store.settings.get(LEAD_SETTING, DEFAULT_LEAD_MINUTES)
    minutes = raw if isinstance(raw, int) and 0 <= raw <= 24 * 60 else DEFAULT_LEAD_MINUTES
    return timedelta(minutes=minutes), store.settings.get(NAMES_SETTING, False) is True


#: How far ahead :func:`upcoming` reads the schedule.
SCHEDULE_DAYS = 2


def upcoming(store: Store, now: datetime, zone: tzinfo | None = None) -> list[Reminder]:
    """The reminders of the next two days from the calendar and the cadence."""
    lead, _names = preferences(store)
    return _schedule_from(store, now, lead, zone)


def _schedule_from(
    store: Store, now: datetime, lead: timedelta, zone: tzinfo | None
) -> list[Reminder]:
    return schedule(store.reports.upcoming(now, days=SCHEDULE_DAYS), lead=lead, zone=zone)


@dataclass(frozen=True, slots=True)
class DueBeforeNext:
    """A person's open action items due on or before the day of their next 1on1."""

    person_id: int
    person_name: str
    next_day: date
    actions: tuple[Action, ...]


#: How far ahead :func:`due_before_next` looks for each person's next 1on1.
DUE_DAYS = 60


def due_before_next(
    store: Store, now: datetime, zone: tzinfo | None = None, days: int = DUE_DAYS
) -> list[DueBeforeNext]:
    """Per person with a 1on1 (planned or a cadence slot) in the next ``days`` days, the open
    action items due by then; soonest 1on1 first. Two queries, whatever the number of people:
    the second reads only the items due by each person's next 1on1 (on a vault of 1 000 people
    the open items of everyone cost more than the rest of the work together)."""
    firsts = _next_days(store.reports.upcoming(now, days=days), zone)
    return _group(firsts, store.actions.due_by(_days(firsts)))


def due_from(
    upcoming_items: list[UpcomingItem], open_actions: list[Action], zone: tzinfo | None = None
) -> list[DueBeforeNext]:
    """:func:`due_before_next` from rows already read (the dashboard reads both anyway)."""
    firsts = _next_days(upcoming_items, zone)
    return _group(
        firsts,
        (
            a
            for a in open_actions
            if a.due_on is not None and a.person_id in firsts and a.due_on <= firsts[a.person_id][1]
        ),
    )


def _days(firsts: dict[int, tuple[str, date]]) -> dict[int, date]:
    return {person_id: day for person_id, (_name, day) in firsts.items()}


def _next_days(items: list[UpcomingItem], zone: tzinfo | None) -> dict[int, tuple[str, date]]:
    """Each person's name and the local day of their first upcoming item."""

    def day_of(item: UpcomingItem) -> date:
        return item.starts_at.astimezone(zone).date() if item.starts_at else item.due_on

    first: dict[int, tuple[str, date]] = {}
    for item in items:
        held = first.get(item.person_id)
        day = day_of(item)
        if held is None or day < held[1]:
            first[item.person_id] = (item.person_name, day)
    return first


def _group(firsts: dict[int, tuple[str, date]], due: Iterable[Action]) -> list[DueBeforeNext]:
    """``due`` (already filtered, in due-day order) grouped under each person's next 1on1."""
    by_person: dict[int, list[Action]] = {}
    for action in due:
        by_person.setdefault(action.person_id, []).append(action)
    out = [
        DueBeforeNext(person_id, firsts[person_id][0], firsts[person_id][1], tuple(actions))
        for person_id, actions in by_person.items()
    ]
    return sorted(out, key=lambda d: (d.next_day, d.person_id))


@dataclass(frozen=True, slots=True)
class TrayReading:
    """Everything the tray's tick needs from the vault, read in one go off the GUI thread."""

    schedule: list[Reminder]
    due_count: int
    lead: timedelta
    show_names: bool


def tray_reading(
    store: Store, since: datetime, now: datetime, zone: tzinfo | None = None
) -> TrayReading:
    """The reminders from ``since`` on (:func:`upcoming`), the count of items due before the
    next 1on1s (:func:`due_before_next`, as of ``now``) and the preferences.

    The items are counted by the database: the tray shows only how many there are.
    """
    lead, names = preferences(store)
    # The store's own reports, not a ``reading()`` twin: the twin would share the people
    # (5 ms at 1 000 people) but start with an empty cache of local days, which costs more.
    # (The two walks, from ``since`` and from ``now``, could be one narrowed as the dashboard
    # does; they run on the vault worker once every five minutes.)
    reminders = _schedule_from(store, since, lead, zone)
    count = store.actions.count_due_by(
        _days(_next_days(store.reports.upcoming(now, days=DUE_DAYS), zone))
    )
    return TrayReading(reminders, count, lead, names)
