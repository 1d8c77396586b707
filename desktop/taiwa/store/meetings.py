"""Meetings with their topics and action items; carry-over is applied when one is created."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from datetime import datetime
from typing import Any

from taiwa.domain import carryover, errors, validate
from taiwa.domain.models import (
    Action,
    ActionDraft,
    Meeting,
    MeetingStatus,
    Topic,
    TopicDraft,
    WantedResponse,
)
from taiwa.store import _convert as cv
from taiwa.store import erasure
from taiwa.vault.database import Database, utc_now

_UPDATABLE = frozenset(
    {
        "purpose",
        "wanted_response",
        "mood",
        "shared_notes",
        "private_notes",
        "status",
        "starts_at",
        "ends_at",
        "zone",
    }
)

# The action items that may show in a person's meetings from ``?`` on: agreed in one of them,
# or still open on that day (checked per meeting by taiwa.domain.carryover.action_shown_in).
_ACTION_CANDIDATES = """
    SELECT a.*, coalesce(om.starts_at, a.created_at) AS origin
    FROM action a LEFT JOIN meeting om ON om.id = a.meeting_id
    WHERE a.person_id = ? AND (a.done_on IS NULL OR a.done_on >= ? OR a.meeting_id IN ({marks}))
    ORDER BY a.done_on IS NOT NULL, a.due_on IS NULL, a.due_on, a.id
"""


def _marks(n: int) -> str:
    return ",".join("?" * n)


class Meetings:
    """Typed access to ``meeting`` rows and what belongs to them."""

    def __init__(self, db: Database) -> None:
        self._db = db

    # -- reading ----------------------------------------------------------------------------

    def _load(self, rows: Sequence[Any]) -> list[Meeting]:
        if not rows:
            return []
        ids = [r["id"] for r in rows]
        marks = _marks(len(ids))
        topics: dict[int, list[Topic]] = defaultdict(list)
        for t in self._db.query(
            f"SELECT * FROM topic WHERE meeting_id IN ({marks}) ORDER BY position, id",  # noqa: S608 - only '?' marks
            ids,
        ):
            topics[t["meeting_id"]].append(cv.topic(t))
        starts = {r["id"]: cv.from_ts(r["starts_at"]) for r in rows}
        by_person: dict[int, list[int]] = defaultdict(list)
        for r in rows:
            by_person[r["person_id"]].append(r["id"])
        actions: dict[int, list[Action]] = defaultdict(list)
        for person_id, mids in by_person.items():
            first_day = min(starts[m] for m in mids).date()
            candidates = [
                (cv.action(a), cv.from_ts(a["origin"]))
                for a in self._db.query(
                    _ACTION_CANDIDATES.format(marks=_marks(len(mids))),
                    [person_id, first_day.isoformat(), *mids],
                )
            ]
            for mid in mids:
                actions[mid] = [
                    item
                    for item, origin in candidates
                    if carryover.action_shown_in(
                        item, origin=origin, meeting_id=mid, meeting_start=starts[mid]
                    )
                ]
        return [cv.meeting(r, tuple(topics[r["id"]]), tuple(actions[r["id"]])) for r in rows]

    def get(self, meeting_id: int) -> Meeting:
        """The meeting with its topics and the action items shown in it.

        Raises:
            MeetingNotFoundError: there is none.
        """
        row = self._db.query_one("SELECT * FROM meeting WHERE id = ?", (meeting_id,))
        if row is None:
            raise errors.MeetingNotFoundError(id=meeting_id)
        return self._load([row])[0]

    def exists(self, meeting_id: int) -> bool:
        return self._db.query_one("SELECT 1 FROM meeting WHERE id = ?", (meeting_id,)) is not None

    def list_for_person(self, person_id: int, *, limit: int = 50, offset: int = 0) -> list[Meeting]:
        """A page of the person's meetings, newest first, with topics and actions."""
        rows = self._db.query(
            "SELECT * FROM meeting WHERE person_id = ? ORDER BY starts_at DESC, id DESC"
            " LIMIT ? OFFSET ?",
            (person_id, max(0, limit), max(0, offset)),
        )
        return self._load(rows)

    def count_for_person(self, person_id: int) -> int:
        row = self._db.query_one("SELECT count(*) FROM meeting WHERE person_id = ?", (person_id,))
        return int(row[0]) if row else 0

    def list_between(
        self, start: datetime, end: datetime, *, person_id: int | None = None
    ) -> list[Meeting]:
        """Meetings starting in ``[start, end)``, oldest first, with topics and actions."""
        sql = "SELECT * FROM meeting WHERE starts_at >= ? AND starts_at < ?"
        params: list[Any] = [cv.ts(start), cv.ts(end)]
        if person_id is not None:
            sql += " AND person_id = ?"
            params.append(person_id)
        return self._load(self._db.query(sql + " ORDER BY starts_at, id", params))

    def latest_for_person(
        self, person_id: int, *, before: datetime | None = None
    ) -> Meeting | None:
        """The person's most recent meeting (starting before ``before`` when given)."""
        if before is None:
            row = self._db.query_one(
                "SELECT * FROM meeting WHERE person_id = ? ORDER BY starts_at DESC, id DESC LIMIT 1",
                (person_id,),
            )
        else:
            row = self._db.query_one(
                "SELECT * FROM meeting WHERE person_id = ? AND starts_at < ?"
                " ORDER BY starts_at DESC, id DESC LIMIT 1",
                (person_id, cv.ts(before)),
            )
        return None if row is None else self._load([row])[0]

    # -- writing ----------------------------------------------------------------------------

    def create(
        self,
        person_id: int,
        starts_at: datetime | str,
        *,
        status: MeetingStatus | str = MeetingStatus.PLANNED,
        carry_over: bool = True,
        topics: Iterable[TopicDraft] = (),
        actions: Iterable[ActionDraft] = (),
        purpose: str = "",
        wanted_response: WantedResponse | str | None = None,
        mood: int | str | None = None,
        shared_notes: str = "",
        private_notes: str = "",
        ends_at: datetime | str | None = None,
        zone: str = "",
    ) -> Meeting:
        """Create a meeting; with ``carry_over`` it starts with what is still open.

        The person's current role and team are recorded on the meeting.

        Raises:
            UnknownPersonError, InputError: nothing is written.
        """
        start = validate.parse_datetime(starts_at)
        end = None if ends_at is None else validate.parse_datetime(ends_at)
        values = {
            "status": validate.status(status).value,
            "purpose": validate.optional_text(purpose),
            "wanted_response": _wanted(wanted_response),
            "mood": validate.mood(mood),
            "shared_notes": validate.optional_text(shared_notes),
            "private_notes": validate.optional_text(private_notes),
        }
        topic_rows = [_topic_draft(t) for t in topics]
        action_rows = [_action_draft(a) for a in actions]
        person = self._db.query_one("SELECT role, team FROM person WHERE id = ?", (person_id,))
        if person is None:
            raise errors.UnknownPersonError(ref=str(person_id))
        now = utc_now()
        with self._db.transaction() as conn:
            cur = conn.execute(
                "INSERT INTO meeting (person_id, starts_at, ends_at, zone, status, purpose,"
                " wanted_response, mood, shared_notes, private_notes, role, team, source,"
                " created_at, updated_at)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'manual', ?, ?)",
                (
                    person_id,
                    cv.ts(start),
                    None if end is None else cv.ts(end),
                    zone,
                    values["status"],
                    values["purpose"],
                    values["wanted_response"],
                    values["mood"],
                    values["shared_notes"],
                    values["private_notes"],
                    person["role"],
                    person["team"],
                    now,
                    now,
                ),
            )
            meeting_id = int(cur.lastrowid or 0)
            position = 0
            if carry_over:
                position = carry_topics(conn, meeting_id)
            insert_topics(conn, meeting_id, topic_rows, position)
            conn.executemany(
                "INSERT INTO action (person_id, meeting_id, owner, text, due_on, created_at)"
                " VALUES (?, ?, ?, ?, ?, ?)",
                [(person_id, meeting_id, *a, now) for a in action_rows],
            )
        return self.get(meeting_id)

    def carry_over_into(self, meeting_id: int) -> int:
        """Apply carry-over to an existing meeting (e.g. one the calendar import created).

        Safe to call again: a topic already carried somewhere is not carried twice.

        Returns:
            How many topics were carried in.
        """
        if not self.exists(meeting_id):
            raise errors.MeetingNotFoundError(id=meeting_id)
        with self._db.transaction() as conn:
            before = conn.execute(
                "SELECT count(*) FROM topic WHERE meeting_id = ?", (meeting_id,)
            ).fetchone()[0]
            carry_topics(conn, meeting_id)
            after = conn.execute(
                "SELECT count(*) FROM topic WHERE meeting_id = ?", (meeting_id,)
            ).fetchone()[0]
        return int(after - before)

    def update(self, meeting_id: int, **fields: Any) -> Meeting:
        """Change some fields (autosave): purpose, wanted_response, mood, shared_notes,
        private_notes, status, starts_at, ends_at, zone.

        Raises:
            MeetingNotFoundError, InputError: nothing is changed.
        """
        unknown = set(fields) - _UPDATABLE
        if unknown:
            raise errors.BadFieldError(value=sorted(unknown)[0])
        values: dict[str, Any] = {}
        for key, value in fields.items():
            if key in ("purpose", "shared_notes", "private_notes"):
                values[key] = validate.optional_text(value)
            elif key == "wanted_response":
                values[key] = _wanted(value)
            elif key == "mood":
                values[key] = validate.mood(value)
            elif key == "status":
                values[key] = validate.status(value).value
            elif key == "starts_at":
                values[key] = cv.ts(validate.parse_datetime(value))
            elif key == "ends_at":
                values[key] = None if value is None else cv.ts(validate.parse_datetime(value))
            else:
                values[key] = validate.optional_text(value, limit=64).strip()
        if not self.exists(meeting_id):
            raise errors.MeetingNotFoundError(id=meeting_id)
        if values:
            values["updated_at"] = utc_now()
            assignments = ", ".join(f"{k} = ?" for k in values)  # keys from _UPDATABLE only
            with self._db.transaction() as conn:
                conn.execute(
                    f"UPDATE meeting SET {assignments} WHERE id = ?",  # noqa: S608 - fixed column names
                    [*values.values(), meeting_id],
                )
        return self.get(meeting_id)

    def delete(self, meeting_id: int) -> None:
        """Delete a meeting for good: its notes, topics, search-index entries and drafts, then
        the freed space is wiped (see :mod:`taiwa.store.erasure`). Its action items stay with
        the person.

        Raises:
            MeetingNotFoundError: there is none; nothing is changed.
        """
        if not self.exists(meeting_id):
            raise errors.MeetingNotFoundError(id=meeting_id)
        with self._db.transaction() as conn:
            erasure.delete_meeting_rows(conn, meeting_id)
        erasure.scrub(self._db)

    def move(self, meeting_id: int, person_id: int) -> Meeting:
        """File a meeting under another person (it was logged for the wrong one).

        Its topics and the action items agreed in it go with it; it takes the new person's
        current role and team, as if it had been logged for them. Calendar links follow.

        Raises:
            MeetingNotFoundError, UnknownPersonError: nothing is changed.
            SamePersonError: it already belongs to that person.
        """
        row = self._db.query_one("SELECT person_id FROM meeting WHERE id = ?", (meeting_id,))
        if row is None:
            raise errors.MeetingNotFoundError(id=meeting_id)
        person = self._db.query_one("SELECT role, team FROM person WHERE id = ?", (person_id,))
        if person is None:
            raise errors.UnknownPersonError(ref=str(person_id))
        if row[0] == person_id:
            raise errors.SamePersonError(id=meeting_id)
        with self._db.transaction() as conn:
            conn.execute(
                "UPDATE meeting SET person_id = ?, role = ?, team = ?, updated_at = ? WHERE id = ?",
                (person_id, person["role"], person["team"], utc_now(), meeting_id),
            )
            conn.execute(
                "UPDATE action SET person_id = ? WHERE meeting_id = ?", (person_id, meeting_id)
            )
            conn.execute(
                "UPDATE calendar_event SET person_id = ? WHERE meeting_id = ?",
                (person_id, meeting_id),
            )
            # A draft's person link names whose record it was typed for.
            conn.execute(
                "UPDATE draft SET person_id = ? WHERE meeting_id = ? AND person_id IS NOT NULL",
                (person_id, meeting_id),
            )
        return self.get(meeting_id)


def _wanted(value: object) -> str | None:
    wanted = validate.wanted_response(value)
    return None if wanted is None else wanted.value


def _topic_draft(draft: TopicDraft) -> tuple[str, str, str, str]:
    return (
        validate.theme(draft.theme).value,
        validate.text(draft.text),
        validate.owner(draft.raised_by).value,
        validate.topic_state(draft.state).value,
    )


def _action_draft(draft: ActionDraft) -> tuple[str, str, str | None]:
    due = validate.optional_date(draft.due_on)
    return (validate.owner(draft.owner).value, validate.text(draft.text), cv.opt_day(due))


def insert_topics(
    conn: cv.Conn, meeting_id: int, rows: Sequence[tuple[str, str, str, str]], position: int
) -> None:
    """Append topic rows (theme, text, raised_by, state) to a meeting from ``position`` on."""
    conn.executemany(
        "INSERT INTO topic (meeting_id, position, theme, text, raised_by, state)"
        " VALUES (?, ?, ?, ?, ?, ?)",
        [(meeting_id, position + i, *row) for i, row in enumerate(rows)],
    )


def carry_topics(conn: cv.Conn, meeting_id: int) -> int:
    """Copy the undiscussed topics of the person's earlier meetings into ``meeting_id``.

    Returns:
        The next free topic position in the meeting.
    """
    target = conn.execute(
        "SELECT person_id, starts_at FROM meeting WHERE id = ?", (meeting_id,)
    ).fetchone()
    rows = conn.execute(
        """SELECT t.*, EXISTS (SELECT 1 FROM topic c WHERE c.carried_from = t.id) AS has_copy
           FROM meeting m CROSS JOIN topic t ON t.meeting_id = m.id
           WHERE m.person_id = ? AND m.starts_at < ? AND m.id <> ? AND t.state <> 'discussed'
           ORDER BY m.starts_at, m.id, t.position, t.id""",
        (target["person_id"], target["starts_at"], meeting_id),
    ).fetchall()
    earlier = [cv.topic(r) for r in rows]
    already = {r["id"] for r in rows if r["has_copy"]}
    carried = carryover.topics_to_carry(earlier, already)
    last = conn.execute(
        "SELECT coalesce(max(position) + 1, 0) FROM topic WHERE meeting_id = ?", (meeting_id,)
    ).fetchone()[0]
    conn.executemany(
        "INSERT INTO topic (meeting_id, position, theme, text, raised_by, state, carried_from)"
        " VALUES (?, ?, ?, ?, ?, ?, ?)",
        [
            (meeting_id, last + i, d.theme.value, d.text, d.raised_by.value, d.state.value, t.id)
            for i, (t, d) in enumerate((t, carryover.carried_draft(t)) for t in carried)
        ],
    )
    return int(last + len(carried))
