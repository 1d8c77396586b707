"""The calendar import's SQL: calendar_event rows and meetings with source='calendar'.

Meetings are keyed by (ics_uid, ics_recurrence_id) — '' for a single event, never NULL, so the
UNIQUE constraint holds. A meeting the manager wrote anything for (notes, purpose, mood, topics,
actions) or decided on (held, skipped) is never changed by an import: the guards are in the SQL
too, so a note typed between the preview and the confirmation is safe.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, Protocol

from taiwa.domain.models import Person
from taiwa.vault.database import Database

_TS = "%Y-%m-%dT%H:%M:%SZ"
_CHUNK = 500  # SQLite's default limit on bound parameters is far above this

# A meeting is untouchable when it has any of the manager's own content.
_NO_CONTENT = (
    "m.shared_notes = '' AND m.private_notes = '' AND m.purpose = '' AND m.mood IS NULL"
    " AND NOT EXISTS (SELECT 1 FROM topic t WHERE t.meeting_id = m.id)"
    " AND NOT EXISTS (SELECT 1 FROM action a WHERE a.meeting_id = m.id)"
)


class PeopleRepo(Protocol):
    def list(self, include_archived: bool = False) -> list[Person]: ...

    def add(self, name: str, *, emails: Iterable[str] = ...) -> Person: ...

    def get(self, person_id: int) -> Person: ...

    def update(self, person_id: int, **fields: Any) -> Person: ...


def people_repo(db: Database) -> PeopleRepo:
    """The 1on1 log's people repository (``Store(db).people``)."""
    from taiwa.store import Store

    people: PeopleRepo = Store(db).people
    return people


def _ts(value: datetime) -> str:
    return value.astimezone(UTC).strftime(_TS)


def _from_ts(value: str) -> datetime:
    return datetime.strptime(value, _TS).replace(tzinfo=UTC)


@dataclass(frozen=True, slots=True)
class CalendarMeeting:
    """A meeting an earlier import created, as far as re-importing needs to know."""

    id: int
    person_id: int
    starts_at: datetime
    ends_at: datetime | None
    status: str
    sequence: int
    has_content: bool


@dataclass(frozen=True, slots=True)
class Change:
    """One occurrence to write (see :func:`apply_changes`)."""

    action: str  # add / update / cancel / skip
    meeting_id: int | None
    person_id: int | None
    uid: str
    recurrence_id: str
    sequence: int
    starts_at: datetime
    ends_at: datetime | None
    zone: str
    status: str  # the calendar's: confirmed / cancelled
    summary: str
    email: str | None


def calendar_meetings(db: Database, uids: Iterable[str]) -> dict[tuple[str, str], CalendarMeeting]:
    """Meetings created from these calendar UIDs, keyed by (uid, recurrence id)."""
    wanted = sorted({u for u in uids if u})
    found: dict[tuple[str, str], CalendarMeeting] = {}
    for i in range(0, len(wanted), _CHUNK):
        chunk = wanted[i : i + _CHUNK]
        marks = ",".join("?" * len(chunk))
        rows = db.query(
            "SELECT m.id, m.person_id, m.starts_at, m.ends_at, m.status, m.ics_uid,"  # noqa: S608 - only '?' marks and a constant
            " m.ics_recurrence_id,"
            f" coalesce(m.ics_sequence, 0) AS seq, NOT ({_NO_CONTENT}) AS has_content"
            f" FROM meeting m WHERE m.source = 'calendar' AND m.ics_uid IN ({marks})",
            chunk,
        )
        for r in rows:
            found[(r["ics_uid"], r["ics_recurrence_id"] or "")] = CalendarMeeting(
                id=r["id"],
                person_id=r["person_id"],
                starts_at=_from_ts(r["starts_at"]),
                ends_at=_from_ts(r["ends_at"]) if r["ends_at"] else None,
                status=r["status"],
                sequence=int(r["seq"]),
                has_content=bool(r["has_content"]),
            )
    return found


def add_person(db: Database, name: str, email: str) -> int:
    """Create a proposed person (inside the caller's transaction) and return the id.

    ``email`` is '' for a person named in answer to "who is this?" (a series nobody attends).
    """
    return people_repo(db).add(name, emails=[email] if email else []).id


def add_email(db: Database, person_id: int, email: str) -> None:
    """Give a person one more e-mail (inside the caller's transaction): "who is this?" linked
    an unknown attendee to them, so the next import knows them by it.

    Raises:
        EmailTakenError: another person has this e-mail already.
    """
    people = people_repo(db)
    current = people.get(person_id).emails
    if email.casefold() not in {e.casefold() for e in current}:
        people.update(person_id, emails=[*current, email])


#: The answers to "who is this?" per series UID: {"uid": ["link", person id] | ["ignore", null]}.
SERIES_KEY = "calendar.series"


def series_choices(db: Database) -> dict[str, tuple[str, int | None]]:
    """The remembered answers per calendar series UID: (kind, person id or None)."""
    stored = get_setting(db, SERIES_KEY, None)
    found: dict[str, tuple[str, int | None]] = {}
    if not isinstance(stored, dict):
        return found
    for uid, value in stored.items():
        if isinstance(value, list) and len(value) == 2 and isinstance(value[0], str):
            person = value[1] if isinstance(value[1], int) else None
            found[str(uid)] = (value[0], person)
    return found


def remember_series(db: Database, choices: dict[str, tuple[str, int | None]]) -> None:
    """Add answers to the remembered ones (inside the caller's transaction)."""
    merged = series_choices(db)
    merged.update(choices)
    set_setting(db, SERIES_KEY, {uid: [kind, pid] for uid, (kind, pid) in sorted(merged.items())})


def forget_series(db: Database, uid: str | None = None) -> int:
    """Forget the answer for one series UID (or all of them); how many were forgotten."""
    merged = series_choices(db)
    gone = len(merged) if uid is None else int(uid in merged)
    kept = {} if uid is None else {k: v for k, v in merged.items() if k != uid}
    set_setting(db, SERIES_KEY, {k: [kind, pid] for k, (kind, pid) in sorted(kept.items())})
    return gone


def apply_changes(
    db: Database, changes: Sequence[Change], vanished: Sequence[int], now: datetime
) -> None:
    """Write an import: meetings added, updated, cancelled, and every occurrence seen.

    Must run inside the caller's :meth:`Database.transaction` (one transaction per import).
    """
    stamp = _ts(now)
    conn = db.conn
    person_rows = {
        r["id"]: (r["role"], r["team"]) for r in db.query("SELECT id, role, team FROM person")
    }
    for ch in changes:
        meeting_id = ch.meeting_id
        status = "cancelled" if ch.status == "cancelled" else "planned"
        ends = _ts(ch.ends_at) if ch.ends_at else None
        if ch.action == "add" and ch.person_id is not None:
            role, team = person_rows.get(ch.person_id, ("", ""))
            cur = conn.execute(
                "INSERT INTO meeting (person_id, starts_at, ends_at, zone, status, role, team,"
                " source, ics_uid, ics_recurrence_id, ics_sequence, created_at, updated_at)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, 'calendar', ?, ?, ?, ?, ?)"
                " ON CONFLICT (ics_uid, ics_recurrence_id) DO NOTHING",
                (
                    ch.person_id,
                    _ts(ch.starts_at),
                    ends,
                    ch.zone,
                    status,
                    role,
                    team,
                    ch.uid,
                    ch.recurrence_id,
                    ch.sequence,
                    stamp,
                    stamp,
                ),
            )
            meeting_id = int(cur.lastrowid or 0) if cur.rowcount else None
        elif ch.action == "update" and meeting_id is not None:
            conn.execute(
                "UPDATE meeting AS m SET starts_at = ?, ends_at = ?, zone = ?, status = ?,"  # noqa: S608 - constant
                " ics_recurrence_id = ?, ics_sequence = ?, updated_at = ?"
                f" WHERE m.id = ? AND m.status IN ('planned', 'cancelled') AND {_NO_CONTENT}",
                (
                    _ts(ch.starts_at),
                    ends,
                    ch.zone,
                    status,
                    ch.recurrence_id,
                    ch.sequence,
                    stamp,
                    meeting_id,
                ),
            )
        elif ch.action == "cancel" and meeting_id is not None:
            _cancel(db, meeting_id, stamp, ch.sequence)
        if ch.person_id is None and meeting_id is None:
            continue
        conn.execute(
            "INSERT INTO calendar_event (uid, recurrence_id, sequence, starts_at, ends_at, summary,"
            " status, email, person_id, meeting_id, imported_at)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
            " ON CONFLICT (uid, recurrence_id) DO UPDATE SET sequence = excluded.sequence,"
            " starts_at = excluded.starts_at, ends_at = excluded.ends_at,"
            " summary = excluded.summary, status = excluded.status, email = excluded.email,"
            " person_id = excluded.person_id,"
            " meeting_id = coalesce(excluded.meeting_id, calendar_event.meeting_id),"
            " imported_at = excluded.imported_at"
            " WHERE excluded.sequence >= calendar_event.sequence",
            (
                ch.uid,
                ch.recurrence_id,
                ch.sequence,
                _ts(ch.starts_at),
                ends,
                ch.summary,
                ch.status,
                ch.email,
                ch.person_id,
                meeting_id,
                stamp,
            ),
        )
    for meeting_id in vanished:
        _cancel(db, meeting_id, stamp, None)
        conn.execute(
            "UPDATE calendar_event SET status = 'cancelled', imported_at = ? WHERE meeting_id = ?",
            (stamp, meeting_id),
        )


def _cancel(db: Database, meeting_id: int, stamp: str, sequence: int | None) -> None:
    db.conn.execute(
        "UPDATE meeting AS m SET status = 'cancelled', updated_at = ?,"  # noqa: S608 - constant
        " ics_sequence = coalesce(?, ics_sequence)"
        f" WHERE m.id = ? AND m.status = 'planned' AND {_NO_CONTENT}",
        (stamp, sequence, meeting_id),
    )


def upcoming_calendar(db: Database, start: datetime, end: datetime) -> list[dict[str, Any]]:
    """Planned meetings from calendars between ``start`` and ``end`` (for listings)."""
    rows = db.query(
        "SELECT m.id, m.person_id, p.name, m.starts_at, m.ends_at, m.zone, m.status"
        " FROM meeting m JOIN person p ON p.id = m.person_id"
        " WHERE m.source = 'calendar' AND m.starts_at >= ? AND m.starts_at < ?"
        " ORDER BY m.starts_at, m.id",
        (_ts(start), _ts(end)),
    )
    return [dict(r) for r in rows]


def get_setting(db: Database, key: str, default: Any = None) -> Any:
    """A setting stored in the vault (the 1on1 log's JSON settings), or ``default``."""
    from taiwa.store import Store

    return Store(db).settings.get(key, default)


def set_setting(db: Database, key: str, value: Any) -> None:
    """Store a setting in the vault (inside the caller's transaction, if any)."""
    from taiwa.store import Store

    Store(db).settings.set(key, value)


def delete_setting(db: Database, key: str) -> None:
    """Forget a vault setting (inside the caller's transaction, if any)."""
    from taiwa.store import Store

    Store(db).settings.delete(key)


# -- past occurrences to confirm --------------------------------------------------------------

#: What the manager can say about a past calendar occurrence.
CONFIRM_STATUSES = ("held", "cancelled", "skipped")
_AWAITING = f"m.source = 'calendar' AND m.status = 'planned' AND m.starts_at <= ? AND {_NO_CONTENT}"


@dataclass(frozen=True, slots=True)
class ToConfirm:
    """A past calendar occurrence nobody marked held, cancelled or skipped yet."""

    meeting_id: int
    person_id: int
    person_name: str
    starts_at: datetime
    series: str  # the calendar UID: one series, confirmed together when the user asks
    title: str = ""  # the calendar's title of the occurrence (what the import saw)


def awaiting_confirmation(db: Database, now: datetime, limit: int = 1000) -> list[ToConfirm]:
    """Past calendar occurrences waiting for confirmation, oldest first (active people).

    The rule is :func:`taiwa.domain.stats.awaits_confirmation`'s, in SQL.
    """
    rows = db.query(
        "SELECT m.id, m.person_id, p.name, m.starts_at, m.ics_uid, ce.summary FROM meeting m"  # noqa: S608 - constant
        " JOIN person p ON p.id = m.person_id LEFT JOIN calendar_event ce"
        " ON ce.uid = m.ics_uid AND ce.recurrence_id = m.ics_recurrence_id"
        f" WHERE p.archived = 0 AND {_AWAITING}"
        " ORDER BY m.starts_at, m.id LIMIT ?",
        (_ts(now), limit),
    )
    return [ToConfirm(r[0], r[1], r[2], _from_ts(r[3]), r[4] or "", r[5] or "") for r in rows]


def confirm(db: Database, meeting_ids: Iterable[int], status: str, now: datetime) -> int:
    """Mark past calendar occurrences held, cancelled or skipped; how many changed.

    Only occurrences still waiting are changed (one the manager wrote in meanwhile is left
    alone), in one transaction.

    Raises:
        ValueError: ``status`` is not one of :data:`CONFIRM_STATUSES` (a bug of the caller).
    """
    if status not in CONFIRM_STATUSES:
        raise ValueError(status)
    ids = sorted(set(meeting_ids))
    changed = 0
    with db.transaction() as conn:
        for i in range(0, len(ids), _CHUNK):
            chunk = ids[i : i + _CHUNK]
            marks = ",".join("?" * len(chunk))
            cur = conn.execute(
                f"UPDATE meeting AS m SET status = ?, updated_at = ? WHERE m.id IN ({marks})"  # noqa: S608 - only '?' marks and constants
                f" AND {_AWAITING}",
                [status, _ts(now), *chunk, _ts(now)],
            )
            changed += cur.rowcount
    return changed
