"""Action items: next steps owned by the manager or the report, open until done."""

from __future__ import annotations

import json
from collections.abc import Mapping
from datetime import date
from typing import Any

from taiwa.domain import errors, validate
from taiwa.domain.models import Action, Owner
from taiwa.store import _convert as cv
from taiwa.store import erasure
from taiwa.vault.database import Database, utc_now

# Open items due by a day per person, from a JSON object {person id: ISO day}: one lookup per
# person in the (person_id, done_on, owner, due_on) index. Days are stored as ISO text, so
# comparing the text compares the days.
_DUE_BY = (
    "FROM json_each(?) AS j CROSS JOIN action a"
    " ON a.person_id = CAST(j.key AS INTEGER) AND a.done_on IS NULL"
    " WHERE a.due_on IS NOT NULL AND a.due_on <= j.value"
)


def _days_json(days: Mapping[int, date]) -> str:
    return json.dumps({str(person_id): day.isoformat() for person_id, day in days.items()})


class Actions:
    """Typed access to ``action`` rows."""

    def __init__(self, db: Database) -> None:
        self._db = db

    def get(self, action_id: int) -> Action:
        """The action item with this id.

        Raises:
            ActionNotFoundError: there is none.
        """
        row = self._db.query_one("SELECT * FROM action WHERE id = ?", (action_id,))
        if row is None:
            raise errors.ActionNotFoundError(id=action_id)
        return cv.action(row)

    def add(
        self,
        person_id: int,
        owner: Owner | str,
        text: str,
        *,
        meeting_id: int | None = None,
        due_on: date | str | None = None,
    ) -> Action:
        """Add an action item for a person (agreed in ``meeting_id`` when given).

        Raises:
            UnknownPersonError, MeetingNotFoundError, InputError: nothing is written.
        """
        values = (validate.owner(owner).value, validate.text(text))
        due = cv.opt_day(validate.optional_date(due_on))
        if self._db.query_one("SELECT 1 FROM person WHERE id = ?", (person_id,)) is None:
            raise errors.UnknownPersonError(ref=str(person_id))
        if meeting_id is not None:
            row = self._db.query_one("SELECT person_id FROM meeting WHERE id = ?", (meeting_id,))
            if row is None or row[0] != person_id:
                raise errors.MeetingNotFoundError(id=meeting_id)
        with self._db.transaction() as conn:
            cur = conn.execute(
                "INSERT INTO action (person_id, meeting_id, owner, text, due_on, created_at)"
                " VALUES (?, ?, ?, ?, ?, ?)",
                (person_id, meeting_id, *values, due, utc_now()),
            )
            action_id = int(cur.lastrowid or 0)
        return self.get(action_id)

    def update(self, action_id: int, **fields: Any) -> Action:
        """Change ``text``, ``owner`` or ``due_on`` (None clears the due date).

        Raises:
            ActionNotFoundError, InputError: nothing is changed.
        """
        unknown = set(fields) - {"text", "owner", "due_on"}
        if unknown:
            raise errors.BadFieldError(value=sorted(unknown)[0])
        current = self.get(action_id)
        text = validate.text(fields["text"]) if "text" in fields else current.text
        owner = validate.owner(fields["owner"]) if "owner" in fields else current.owner
        due = validate.optional_date(fields["due_on"]) if "due_on" in fields else current.due_on
        with self._db.transaction() as conn:
            conn.execute(
                "UPDATE action SET text = ?, owner = ?, due_on = ? WHERE id = ?",
                (text, owner.value, cv.opt_day(due), action_id),
            )
        return self.get(action_id)

    def set_done(self, action_id: int, done_on: date | str | None = None) -> Action:
        """Mark an item done (today unless ``done_on`` is given); done again keeps the date."""
        current = self.get(action_id)
        if current.done_on is not None:
            return current
        when = date.today() if done_on is None else validate.parse_date(done_on)
        with self._db.transaction() as conn:
            conn.execute(
                "UPDATE action SET done_on = ? WHERE id = ?", (when.isoformat(), action_id)
            )
        return self.get(action_id)

    def reopen(self, action_id: int) -> Action:
        """Mark a done item open again."""
        self.get(action_id)
        with self._db.transaction() as conn:
            conn.execute("UPDATE action SET done_on = NULL WHERE id = ?", (action_id,))
        return self.get(action_id)

    def delete(self, action_id: int, *, erase: bool = False) -> None:
        """Delete an action item.

        Args:
            action_id: the item.
            erase: also wipe the freed space (see :mod:`taiwa.store.erasure`): seconds on a big
                vault, so for a deliberate deletion for good, not for an editor's undoable one.

        Raises:
            ActionNotFoundError: there is none; nothing is changed.
        """
        self.get(action_id)
        with self._db.transaction() as conn:
            conn.execute("DELETE FROM action WHERE id = ?", (action_id,))
        if erase:
            erasure.scrub(self._db)

    def listing(
        self,
        *,
        person_id: int | None = None,
        overdue_on: date | None = None,
    ) -> list[Action]:
        """Open items for ``action list``: everyone active (or one person, archived or not),
        only those due before ``overdue_on`` when given; earliest due first."""
        sql = (
            "SELECT a.* FROM person p CROSS JOIN action a"
            " ON a.person_id = p.id AND a.done_on IS NULL WHERE "
        )
        params: list[Any] = []
        if person_id is None:
            sql += "p.archived = 0"
        else:
            sql += "p.id = ?"
            params.append(person_id)
        if overdue_on is not None:
            sql += " AND a.due_on IS NOT NULL AND a.due_on < ?"
            params.append(overdue_on.isoformat())
        return self._db.query_as(
            sql + " ORDER BY a.due_on IS NULL, a.due_on, a.id", params, cv.action
        )

    def open_actions(
        self, person_id: int | None = None, owner: Owner | str | None = None
    ) -> list[Action]:
        """Open items (of one person and/or one owner), earliest due first."""
        # Person by person through the (person_id, done_on) index, never a scan of every item.
        sql = (
            "SELECT a.* FROM person p CROSS JOIN action a"
            " ON a.person_id = p.id AND a.done_on IS NULL WHERE 1"
        )
        params: list[Any] = []
        if person_id is not None:
            sql += " AND p.id = ?"
            params.append(person_id)
        if owner is not None:
            sql += " AND a.owner = ?"
            params.append(validate.owner(owner).value)
        return self._db.query_as(
            sql + " ORDER BY a.due_on IS NULL, a.due_on, a.id", params, cv.action
        )

    def due_by(self, days: Mapping[int, date]) -> list[Action]:
        """Open items due on or before their person's day in ``days`` (person id → day),
        earliest due first. Only those rows are read: one index lookup per person."""
        if not days:
            return []
        return self._db.query_as(
            f"SELECT a.* {_DUE_BY} ORDER BY a.due_on, a.id", (_days_json(days),), cv.action
        )

    def count_due_by(self, days: Mapping[int, date]) -> int:
        """How many open items :meth:`due_by` would return (counted by the database)."""
        if not days:
            return 0
        row = self._db.query_one(f"SELECT count(*) {_DUE_BY}", (_days_json(days),))
        return int(row[0]) if row else 0

    def list_for_person(self, person_id: int, *, include_done: bool = True) -> list[Action]:
        """All of a person's items, open first, then by due date."""
        sql = "SELECT * FROM action WHERE person_id = ?"
        if not include_done:
            sql += " AND done_on IS NULL"
        rows = self._db.query(
            sql + " ORDER BY done_on IS NOT NULL, due_on IS NULL, due_on, id", (person_id,)
        )
        return [cv.action(r) for r in rows]
