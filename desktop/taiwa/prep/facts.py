"""The prep facts for a person's next 1on1, read through the store (shared content only)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta, tzinfo
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from taiwa.domain.models import Action, Meeting, MeetingStatus, Person, Theme, Topic, TopicState
from taiwa.store import Store

#: The three time horizons a 1on1 should balance (short, mid, long term).
HORIZONS: tuple[Theme, ...] = (Theme.WORK, Theme.GROWTH, Theme.CAREER)
#: How far back the theme balance looks.
BALANCE_DAYS = 365
#: How far ahead a planned meeting counts as "the next one".
LOOKAHEAD_DAYS = 400
QUESTIONS_PER_THEME = 2


@dataclass(frozen=True, slots=True)
class PrepFacts:
    """What to look at before the next 1on1 with ``person`` (nothing private in it).

    Attributes:
        last_meeting: the last held meeting, if any.
        next_meeting: the next planned meeting, if any.
        next_at: when the next 1on1 is (the planned one, else the cadence's due time).
        last_actions: the action items agreed in the last meeting, open and done.
        open_actions: the person's other open action items.
        open_topics: carried-over and open topics for the next meeting.
        balance: topics per horizon theme over the last year.
        thin: the horizon themes that are thin in ``balance``.
        questions: suggested questions per thin theme, in ``lang``.
    """

    person: Person
    lang: str
    today: date
    last_meeting: Meeting | None
    next_meeting: Meeting | None
    next_at: datetime
    last_actions: tuple[Action, ...]
    open_actions: tuple[Action, ...]
    open_topics: tuple[Topic, ...]
    balance: dict[Theme, int]
    thin: tuple[Theme, ...]
    questions: dict[Theme, tuple[str, ...]]


def thin_themes(balance: dict[Theme, int]) -> tuple[Theme, ...]:
    """The horizon themes with fewer than half the average of the three (every one when none).

    Half the average rather than "the smallest": a balanced log has no thin theme at all.
    """
    counts = [balance.get(t, 0) for t in HORIZONS]
    average = sum(counts) / len(HORIZONS)
    return tuple(t for t, n in zip(HORIZONS, counts, strict=True) if n == 0 or n < average / 2)


def next_meeting(store: Store, person_id: int, now: datetime) -> Meeting | None:
    """The person's earliest planned meeting starting at or after ``now``."""
    upcoming = store.meetings.list_between(
        now, now + timedelta(days=LOOKAHEAD_DAYS), person_id=person_id
    )
    return next((m for m in upcoming if m.status is MeetingStatus.PLANNED), None)


def last_held(store: Store, person_id: int, now: datetime) -> Meeting | None:
    """The person's latest held meeting before ``now``."""
    for meeting in store.meetings.list_for_person(person_id, limit=20):
        if meeting.starts_at < now and meeting.status is MeetingStatus.HELD:
            return meeting
    return None


def plus_days(moment: datetime, days: int, zone: tzinfo | None = None) -> datetime:
    """``moment`` plus ``days`` at the same wall-clock time in ``zone`` (None: this machine's),
    as UTC: across a daylight-saving change a 10:00 meeting stays at 10:00, not 09:00 or 11:00.
    """
    if zone is None:
        # A naive local time resolved by the system's own rules (``astimezone()``), which know
        # the DST change; a fixed-offset tzinfo from ``astimezone()`` would not.
        wall = moment.astimezone().replace(tzinfo=None) + timedelta(days=days)
        return wall.astimezone().astimezone(UTC)
    return (moment.astimezone(zone) + timedelta(days=days)).astimezone(UTC)


def meeting_zone(meeting: Meeting | None) -> tzinfo | None:
    """The zone a meeting was planned in (None: this machine's)."""
    if meeting is None or not meeting.zone:
        return None
    try:
        return ZoneInfo(meeting.zone)
    except (ZoneInfoNotFoundError, ValueError):
        return None


def due_at(person: Person, last: Meeting | None, now: datetime) -> datetime:
    """When the cadence says the next 1on1 is due: the last one plus the cadence, at the same
    local time of day, never in the past (then the next day at that time)."""
    base = last.starts_at if last is not None else now.replace(minute=0, second=0, microsecond=0)
    zone = meeting_zone(last)
    when = plus_days(base, person.cadence_days, zone)
    while when <= now:
        when = plus_days(when, 1, zone)
    return when


def build(store: Store, person_id: int, lang: str, now: datetime | None = None) -> PrepFacts:
    """Gather the prep facts for ``person_id``'s next 1on1.

    Raises:
        UnknownPersonError: there is no such person.
    """
    moment = now or datetime.now(UTC)
    person = store.people.get(person_id)
    last = last_held(store, person_id, moment)
    upcoming = next_meeting(store, person_id, moment)
    last_actions = last.own_actions if last is not None else ()
    seen = {a.id for a in last_actions}
    others = tuple(a for a in store.actions.open_actions(person_id) if a.id not in seen)
    if upcoming is not None:
        topics = tuple(t for t in upcoming.topics if t.state is not TopicState.DISCUSSED)
    elif last is not None:
        topics = tuple(t for t in last.topics if t.state is not TopicState.DISCUSSED)
    else:
        topics = ()
    today = moment.date()
    full = store.reports.theme_balance(person_id, today - timedelta(days=BALANCE_DAYS), today)
    balance = {t: full.get(t, 0) for t in HORIZONS}
    thin = thin_themes(balance)
    questions = {
        theme: tuple(q.text for q in store.questions.list(lang, theme)[:QUESTIONS_PER_THEME])
        for theme in thin
    }
    return PrepFacts(
        person=person,
        lang=lang,
        today=today,
        last_meeting=last,
        next_meeting=upcoming,
        next_at=upcoming.starts_at if upcoming is not None else due_at(person, last, moment),
        last_actions=tuple(last_actions),
        open_actions=others,
        open_topics=topics,
        balance=balance,
        thin=thin,
        questions={t: q for t, q in questions.items() if q},
    )
