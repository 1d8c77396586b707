"""Reports over the log: execution rate, signals, upcoming, overview, theme balance, mood.

The queries here gather flat facts (:mod:`taiwa.domain.facts`); the rules that turn them into
numbers and prompts live in :mod:`taiwa.domain` and are tested without a database. Days are the
manager's local days (``zone``, default: the machine's zone).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from datetime import UTC, date, datetime, time, timedelta, tzinfo
from typing import Any

from taiwa.domain import cadence, errors, signals, stats, upcoming, validate
from taiwa.domain.facts import MeetingFact, PersonFact, TopicFact
from taiwa.domain.models import (
    MeetingSource,
    MeetingStatus,
    PersonStatus,
    Rate,
    StatsReport,
    Theme,
    UpcomingItem,
)
from taiwa.domain.signals import Signal
from taiwa.store import _convert as cv
from taiwa.store.people import People
from taiwa.vault.database import Database

# Whether a meeting row has content of its own (notes, or action items agreed in it). Only a
# planned meeting needs the answer (held = marked held, or planned with content), so the
# notes and the action index are not looked at for the others.
_HAS_CONTENT = """(CASE WHEN m.status <> 'planned' THEN 0 ELSE (
    m.shared_notes <> '' OR m.private_notes <> ''
    OR EXISTS (SELECT 1 FROM action a WHERE a.meeting_id = m.id)) END)"""
_HELD = f"(m.status = 'held' OR (m.status = 'planned' AND {_HAS_CONTENT}))"
# Held, or a past calendar occurrence waiting for confirmation (taiwa.domain.stats): either
# covers the cadence, so an import of past occurrences makes nobody overdue.
_MET = (
    f"(m.status = 'held' OR (m.status = 'planned' AND (m.source = 'calendar' OR {_HAS_CONTENT})))"
)
# The columns of a meeting fact, in the order _meeting_fact unpacks them.
_MEETING_COLUMNS = (
    f"m.id, m.person_id, m.starts_at, m.status, m.source, m.mood, {_HAS_CONTENT} AS has_content"
)

# Enum lookups by value without Enum.__call__ (thousands per report).
_STATUS = {s.value: s for s in MeetingStatus}
_SOURCE = {s.value: s for s in MeetingSource}

# Rows fetched per person for the signals: enough for 6 moods and the last two statuses.
_SIGNAL_WINDOW = 20


def local_day(value: datetime, zone: tzinfo | None) -> date:
    """The local day of an aware datetime (``zone`` None: the machine's zone)."""
    return value.astimezone(zone).date()


def day_start(day: date, zone: tzinfo | None) -> datetime:
    """Local midnight at the start of ``day`` as an aware UTC datetime."""
    if zone is None:
        return datetime.combine(day, time.min).astimezone().astimezone(UTC)
    return datetime.combine(day, time.min, tzinfo=zone).astimezone(UTC)


class Reports:
    """Read-only reports; each call is a handful of indexed queries."""

    def __init__(self, db: Database, zone: tzinfo | None = None) -> None:
        self._db = db
        self.zone = zone
        self._days: dict[str, date] = {}
        # Facts shared by several reports, kept only in a reading (see reading()).
        self._memo: dict[tuple[Any, ...], Any] | None = None

    def reading(self) -> Reports:
        """Reports for one reading of several reports at once (the dashboard): the people and
        their last held 1on1s are read once for all of them instead of once per report.

        Use it for one go and drop it: it does not see later changes to those facts.
        """
        twin = Reports(self._db, self.zone)
        twin._memo = {}
        return twin

    def _remembered(self, key: tuple[Any, ...], read: Callable[[], Any]) -> Any:
        if self._memo is None:
            return read()
        if key not in self._memo:
            self._memo[key] = read()
        return self._memo[key]

    def _day(self, stored: str) -> date:
        """The local day of a stored UTC timestamp.

        Cached per UTC hour: zone offsets change only on whole hours, and converting through
        the machine's zone costs a system call each time (thousands per report).
        """
        hour = stored[:13]
        found = self._days.get(hour)
        if found is None:
            # cv.from_ts clamps a stored value outside 1900..2200 (local time would overflow).
            found = local_day(cv.from_ts(hour + ":00:00+00:00"), self.zone)
            self._days[hour] = found
        return found

    # -- facts ------------------------------------------------------------------------------

    def _people(self, include_archived: bool = True) -> list[PersonFact]:
        people: list[PersonFact] = self._remembered(
            ("people", include_archived), lambda: self._read_people(include_archived)
        )
        return list(people)

    def _read_people(self, include_archived: bool) -> list[PersonFact]:
        where = "" if include_archived else "WHERE p.archived = 0"
        rows = self._db.query(
            "SELECT p.id, p.name, p.cadence_days, p.started_on, p.archived, p.created_at,"  # noqa: S608 - constant fragments
            # Only asked when there is no start date: on a cold cache each lookup decrypts
            # index pages (1 000 people: 38 ms of a 300 ms `upcoming`).
            " CASE WHEN p.started_on IS NULL THEN (SELECT min(starts_at) FROM meeting m"
            " WHERE m.person_id = p.id) END AS first_meeting"
            f" FROM person p {where} ORDER BY p.name COLLATE NOCASE, p.id"
        )
        out = []
        for r in rows:
            active = cv.from_day(r["started_on"])
            if active is None:
                candidates = [self._day(r["created_at"])]
                if r["first_meeting"]:
                    candidates.append(self._day(r["first_meeting"]))
                active = min(candidates)
            out.append(
                PersonFact(
                    id=r["id"],
                    name=r["name"],
                    cadence_days=r["cadence_days"],
                    active_from=active,
                    archived=bool(r["archived"]),
                )
            )
        return out

    def _meeting_fact(self, r: Any) -> MeetingFact:
        # Rows of _MEETING_COLUMNS, unpacked by position: thousands per report, and a lookup by
        # column name costs more than building the fact.
        id_, person_id, starts_at, status, source, mood, has_content = r
        return MeetingFact(
            id_,
            person_id,
            cv.from_ts(starts_at),
            self._day(starts_at),
            _STATUS[status],
            _SOURCE[source],
            bool(has_content),
            mood,
        )

    def _meetings_between(self, start: date, end: date) -> list[MeetingFact]:
        if self._memo is not None:
            # In a reading, a period inside one already read is taken from it (the dashboard
            # reads the quarter, then the month in it): the same rows, since a row is inside
            # the period's UTC bounds exactly when its local day is inside the period.
            for key, facts in self._memo.items():
                if key[0] == "meetings" and key[1] <= start and end <= key[2]:
                    return [m for m in facts if start <= m.day <= end]
        found: list[MeetingFact] = self._remembered(
            ("meetings", start, end), lambda: self._read_meetings_between(start, end)
        )
        return list(found)

    def _read_meetings_between(self, start: date, end: date) -> list[MeetingFact]:
        lo = day_start(start, self.zone)
        hi = day_start(end + timedelta(days=1), self.zone)
        return self._db.query_as(
            f"SELECT {_MEETING_COLUMNS} FROM meeting m"  # noqa: S608 - constant fragments
            " WHERE m.starts_at >= ? AND m.starts_at < ?",
            (cv.ts(lo), cv.ts(hi)),
            self._meeting_fact,
        )

    def _action_counts(self, start: date, end: date, today: date) -> dict[int, tuple[int, int]]:
        """Per person: (done by today, total) action items agreed in ``[start, end]``.

        Counted in SQL: the period's UTC bounds are the local days' bounds, so this equals
        :func:`taiwa.domain.stats.action_counts` over the same items without building them.
        """
        lo = cv.ts(day_start(start, self.zone))
        hi = cv.ts(day_start(end + timedelta(days=1), self.zone))
        done_by = today.isoformat()
        counts: dict[int, tuple[int, int]] = {}
        for r in self._db.query(
            "SELECT person_id, sum(done) AS done, count(*) AS total FROM ("
            " SELECT a.person_id, a.done_on IS NOT NULL AND a.done_on <= ? AS done"
            " FROM meeting m CROSS JOIN action a ON a.meeting_id = m.id"
            " WHERE m.starts_at >= ? AND m.starts_at < ?"
            " UNION ALL"
            " SELECT a.person_id, a.done_on IS NOT NULL AND a.done_on <= ? FROM action a"
            " WHERE a.meeting_id IS NULL AND a.created_at >= ? AND a.created_at < ?"
            ") GROUP BY person_id",
            (done_by, lo, hi, done_by, lo, hi),
        ):
            counts[r["person_id"]] = (int(r["done"] or 0), int(r["total"]))
        return counts

    # -- reports ----------------------------------------------------------------------------

    def execution_rate(
        self,
        start: date | str,
        end: date | str,
        *,
        now: datetime | None = None,
        person_id: int | None = None,
    ) -> StatsReport:
        """Execution rate (held ÷ planned), average interval and action completion over
        ``[start, end]`` (local days, inclusive), per person and overall.

        See :mod:`taiwa.domain.stats` for exactly what is counted.

        Raises:
            BadDateError, BadPeriodError: nothing is computed.
        """
        first, last, now, today = self._period(start, end, now)
        people, meetings = self._period_facts(first, last, person_id)
        actions = self._action_counts(first, last, today)
        return stats.stats_report(
            people, meetings, actions, start=first, end=last, now=now, today=today
        )

    def overall_rate(
        self, start: date | str, end: date | str, *, now: datetime | None = None
    ) -> Rate:
        """:meth:`execution_rate`'s ``overall`` alone (the dashboard's gauges): without the
        per-person lines, intervals and action counts, which it does not show.

        Raises:
            BadDateError, BadPeriodError: nothing is computed.
        """
        first, last, now, today = self._period(start, end, now)
        people, meetings = self._period_facts(first, last, None)
        return stats.overall_rate(people, meetings, start=first, end=last, now=now, today=today)

    def _period(
        self, start: date | str, end: date | str, now: datetime | None
    ) -> tuple[date, date, datetime, date]:
        first = validate.parse_date(start)
        last = validate.parse_date(end)
        if last < first:
            raise errors.BadPeriodError()
        now = now or datetime.now(UTC)
        return first, last, now, local_day(now, self.zone)

    def _period_facts(
        self, first: date, last: date, person_id: int | None
    ) -> tuple[list[PersonFact], list[MeetingFact]]:
        """Who is in a report of ``[first, last]`` and their meetings in it."""
        people = self._people(include_archived=True)
        if person_id is not None:
            people = [p for p in people if p.id == person_id]
        meetings = self._meetings_between(first, last)
        # Archived people without a single meeting in the period are not part of the report.
        with_rows = {m.person_id for m in meetings}
        return [p for p in people if not p.archived or p.id in with_rows], meetings

    def signals(self, now: datetime | None = None) -> list[Signal]:
        """The signals for every active person (see :mod:`taiwa.domain.signals`)."""
        now = now or datetime.now(UTC)
        today = local_day(now, self.zone)
        people = self._people(include_archived=False)
        overdue: dict[int, list[date]] = defaultdict(list)
        # CROSS JOIN: person by person through the (person_id, done_on) index; a scan of every
        # action item would be slower and push the meeting pages out of the cache.
        sql = (
            "SELECT a.person_id, a.due_on FROM person p CROSS JOIN action a"
            " ON a.person_id = p.id AND a.done_on IS NULL"
            " WHERE p.archived = 0 AND a.owner = 'manager' AND a.due_on < ?"
        )
        params: list[Any] = [today.isoformat()]
        if today < local_day(datetime.now(UTC), self.zone):
            # As of a past day (a PDF's period end): the items not yet done on that day, not
            # the items open today. (When an item was agreed is not asked: tests and imports
            # date items by their meeting, not by the row's creation.)
            sql = (
                "SELECT a.person_id, a.due_on FROM person p CROSS JOIN action a"
                " ON a.person_id = p.id AND (a.done_on IS NULL OR a.done_on > ?)"
                " WHERE p.archived = 0 AND a.owner = 'manager' AND a.due_on < ?"
            )
            params = [today.isoformat(), today.isoformat()]
        for r in self._db.query(sql, params):
            overdue[r["person_id"]].append(cv.clamped_day(r["due_on"]))
        career_since = cv.ts(day_start(today - timedelta(days=signals.CAREER_DAYS), self.zone))
        career: dict[int, date] = {}
        for r in self._db.query(
            # Person by person: their meetings of 90 days by index range, then those meetings'
            # topics (CROSS JOIN keeps that order). Grouping all meetings by person instead made
            # the planner walk the whole (person, start) index.
            "SELECT p.id, (SELECT max(m.starts_at) FROM meeting m"
            " CROSS JOIN topic t ON t.meeting_id = m.id"
            " WHERE m.person_id = p.id AND m.starts_at >= ? AND m.starts_at <= ?"
            " AND t.theme = 'career') AS last FROM person p WHERE p.archived = 0",
            (career_since, cv.ts(now)),
        ):
            if r["last"] is not None:
                career[r["id"]] = self._day(r["last"])
        # Each person's last _SIGNAL_WINDOW meetings, in one statement: per person, the index
        # range from the window's oldest start (a correlated lookup) up to now.
        at = cv.ts(now)
        windows: dict[int, list[MeetingFact]] = defaultdict(list)
        # Facts made as the rows arrive (20 000 rows at 1 000 people: holding them all at
        # once doubled the dashboard's peak memory).
        for fact in self._db.query_as(
            f"SELECT {_MEETING_COLUMNS} FROM person p CROSS JOIN meeting m"  # noqa: S608 - constant
            " ON m.person_id = p.id AND m.starts_at <= ? AND m.starts_at >= coalesce(("
            "  SELECT w.starts_at FROM meeting w WHERE w.person_id = p.id AND w.starts_at <= ?"
            "  ORDER BY w.starts_at DESC LIMIT 1 OFFSET ?), '')"
            " WHERE p.archived = 0 ORDER BY p.id, m.starts_at",
            (at, at, _SIGNAL_WINDOW - 1),
            self._meeting_fact,
        ):
            windows[fact.person_id].append(fact)
        out: list[Signal] = []
        for person in people:
            data = signals.PersonSignalsInput(
                person=person,
                # Meetings starting at the same moment as the window's oldest may add a row.
                meetings=windows.get(person.id, [])[-_SIGNAL_WINDOW:],
                manager_overdue_dues=overdue.get(person.id, []),
                last_career_day=career.get(person.id),
            )
            out.extend(signals.person_signals(data, today=today))
        return out

    def _last_held(self, now: datetime, *, met: bool = False) -> dict[int, date]:
        """Each active person's last held meeting up to ``now`` (one index lookup each).

        With ``met``, a past calendar occurrence waiting for confirmation counts too (for the
        next due day: it is not missed until the manager says so).
        """
        found: dict[int, date] = self._remembered(
            ("last_held", now, met), lambda: self._read_last_held(now, _MET if met else _HELD)
        )
        return dict(found)

    def _read_last_held(self, now: datetime, condition: str = _HELD) -> dict[int, date]:
        found: dict[int, date] = {}
        for r in self._db.query(
            "SELECT p.id, (SELECT m.starts_at FROM meeting m"  # noqa: S608 - constant fragments
            f" WHERE m.person_id = p.id AND m.starts_at <= ? AND {condition}"
            " ORDER BY m.starts_at DESC LIMIT 1) AS last FROM person p WHERE p.archived = 0",
            (cv.ts(now),),
        ):
            if r["last"] is not None:
                found[r["id"]] = self._day(r["last"])
        return found

    def upcoming(self, now: datetime | None = None, days: int = 14) -> list[UpcomingItem]:
        """Planned meetings (manual and calendar) and due cadence slots in the next ``days``
        days, overdue ones first (see :mod:`taiwa.domain.upcoming`)."""
        now = now or datetime.now(UTC)
        until = now + timedelta(days=max(0, days))
        today = local_day(now, self.zone)
        until_day = local_day(until, self.zone)
        last_held = self._last_held(now, met=True)
        planned: dict[int, list[tuple[int, datetime, date, MeetingSource]]] = defaultdict(list)
        # Planned meetings up to a cadence past the window can still cover a due day in it.
        horizon = until + timedelta(days=366)
        for r in self._db.query(
            "SELECT id, person_id, starts_at, source FROM meeting"
            " WHERE status = 'planned' AND starts_at >= ? AND starts_at <= ?"
            " ORDER BY starts_at",
            (cv.ts(now), cv.ts(horizon)),
        ):
            start = cv.from_ts(r["starts_at"])
            planned[r["person_id"]].append(
                (r["id"], start, local_day(start, self.zone), MeetingSource(r["source"]))
            )
        items: list[UpcomingItem] = []
        for person in self._people(include_archived=False):
            items.extend(
                upcoming.person_upcoming(
                    person,
                    last_held=last_held.get(person.id),
                    planned=planned.get(person.id, []),
                    today=today,
                    now=now,
                    until=until,
                    until_day=until_day,
                )
            )
        return upcoming.sort_items(items)

    def upcoming_within(
        self, items: list[UpcomingItem], now: datetime, days: int
    ) -> list[UpcomingItem]:
        """:meth:`upcoming` for ``days`` from the items of a reading of at least as many days
        (see :func:`taiwa.domain.upcoming.within`)."""
        until = now + timedelta(days=max(0, days))
        return upcoming.within(items, until, local_day(until, self.zone))

    def overview(self, now: datetime | None = None) -> list[PersonStatus]:
        """Each active person's status: last held, next due, overdue days, next planned
        meeting and open action counts."""
        now = now or datetime.now(UTC)
        today = local_day(now, self.zone)
        last_held = self._last_held(now)
        last_met = self._last_held(now, met=True)
        next_planned: dict[int, datetime] = {}
        for r in self._db.query(
            # Person by person through the (person_id, starts_at) index: grouping all planned
            # meetings from now on walked that whole index.
            "SELECT p.id, (SELECT min(m.starts_at) FROM meeting m WHERE m.person_id = p.id"
            " AND m.starts_at >= ? AND m.status = 'planned') AS next"
            " FROM person p WHERE p.archived = 0",
            (cv.ts(now),),
        ):
            if r["next"] is not None:
                next_planned[r["id"]] = cv.from_ts(r["next"])
        counts: dict[int, tuple[int, int, int]] = {}
        for r in self._db.query(
            "SELECT a.person_id, count(*) AS open, sum(a.owner = 'manager') AS manager,"
            " sum(a.due_on IS NOT NULL AND a.due_on < ?) AS overdue"
            " FROM person p CROSS JOIN action a ON a.person_id = p.id AND a.done_on IS NULL"
            " WHERE p.archived = 0 GROUP BY a.person_id",
            (today.isoformat(),),
        ):
            counts[r["person_id"]] = (r["open"], r["manager"] or 0, r["overdue"] or 0)
        facts = {p.id: p for p in self._people(include_archived=False)}
        out = []
        for person in People(self._db).list():
            fact = facts[person.id]
            due = cadence.next_due(
                last_met.get(person.id),
                person.cadence_days,
                active_from=fact.active_from,
                today=today,
            )
            open_count, manager, late = counts.get(person.id, (0, 0, 0))
            out.append(
                PersonStatus(
                    person=person,
                    last_held=last_held.get(person.id),
                    next_due=due,
                    days_overdue=cadence.days_overdue(due, today),
                    next_planned=next_planned.get(person.id),
                    open_actions=open_count,
                    open_manager_actions=manager,
                    overdue_actions=late,
                )
            )
        return out

    def theme_balance(
        self, person_id: int | None, start: date | str, end: date | str
    ) -> dict[Theme, int]:
        """Topics per theme raised in ``[start, end]`` (one person, or everyone for None)."""
        first = validate.parse_date(start)
        last = validate.parse_date(end)
        if last < first:
            raise errors.BadPeriodError()
        sql = (
            "SELECT m.person_id, m.starts_at, t.theme, t.carried_from IS NOT NULL AS carried"
            " FROM meeting m CROSS JOIN topic t ON t.meeting_id = m.id"
            " WHERE m.starts_at >= ? AND m.starts_at < ?"
        )
        params: list[Any] = [
            cv.ts(day_start(first, self.zone)),
            cv.ts(day_start(last + timedelta(days=1), self.zone)),
        ]
        if person_id is not None:
            sql += " AND m.person_id = ?"
            params.append(person_id)
        facts = [
            TopicFact(
                person_id=r["person_id"],
                day=self._day(r["starts_at"]),
                theme=Theme(r["theme"]),
                carried=bool(r["carried"]),
            )
            for r in self._db.query(sql, params)
        ]
        return stats.theme_balance(facts, start=first, end=last)

    def mood_series(self, person_id: int) -> list[tuple[datetime, int]]:
        """The person's moods over time (start, mood), oldest first."""
        rows = self._db.query(
            "SELECT starts_at, mood FROM meeting WHERE person_id = ? AND mood IS NOT NULL"
            " ORDER BY starts_at",
            (person_id,),
        )
        return [(cv.from_ts(r["starts_at"]), int(r["mood"])) for r in rows]
