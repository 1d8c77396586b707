"""Agenda topics of a meeting: add, edit, mark discussed, reorder, delete."""

from __future__ import annotations

from taiwa.domain import errors, validate
from taiwa.domain.models import Owner, Theme, Topic, TopicState
from taiwa.store import _convert as cv
from taiwa.vault.database import Database


class Topics:
    """Typed access to ``topic`` rows."""

    def __init__(self, db: Database) -> None:
        self._db = db

    def get(self, topic_id: int) -> Topic:
        """The topic with this id.

        Raises:
            TopicNotFoundError: there is none.
        """
        row = self._db.query_one("SELECT * FROM topic WHERE id = ?", (topic_id,))
        if row is None:
            raise errors.TopicNotFoundError(id=topic_id)
        return cv.topic(row)

    def list_for_meeting(self, meeting_id: int) -> list[Topic]:
        """The meeting's topics in agenda order."""
        rows = self._db.query(
            "SELECT * FROM topic WHERE meeting_id = ? ORDER BY position, id", (meeting_id,)
        )
        return [cv.topic(r) for r in rows]

    def add(
        self,
        meeting_id: int,
        theme: Theme | str,
        text: str,
        *,
        raised_by: Owner | str = Owner.REPORT,
        state: TopicState | str = TopicState.OPEN,
    ) -> Topic:
        """Append a topic to a meeting's agenda.

        Raises:
            MeetingNotFoundError, InputError: nothing is written.
        """
        values = (
            validate.theme(theme).value,
            validate.text(text),
            validate.owner(raised_by).value,
            validate.topic_state(state).value,
        )
        if self._db.query_one("SELECT 1 FROM meeting WHERE id = ?", (meeting_id,)) is None:
            raise errors.MeetingNotFoundError(id=meeting_id)
        with self._db.transaction() as conn:
            position = conn.execute(
                "SELECT coalesce(max(position) + 1, 0) FROM topic WHERE meeting_id = ?",
                (meeting_id,),
            ).fetchone()[0]
            cur = conn.execute(
                "INSERT INTO topic (meeting_id, position, theme, text, raised_by, state)"
                " VALUES (?, ?, ?, ?, ?, ?)",
                (meeting_id, position, *values),
            )
            topic_id = int(cur.lastrowid or 0)
        return self.get(topic_id)

    def update(
        self,
        topic_id: int,
        *,
        text: str | None = None,
        theme: Theme | str | None = None,
        raised_by: Owner | str | None = None,
        state: TopicState | str | None = None,
    ) -> Topic:
        """Change a topic's text, theme, who raised it or its state.

        Raises:
            TopicNotFoundError, InputError: nothing is changed.
        """
        current = self.get(topic_id)
        new_text = current.text if text is None else validate.text(text)
        new_theme = current.theme if theme is None else validate.theme(theme)
        new_by = current.raised_by if raised_by is None else validate.owner(raised_by)
        new_state = current.state if state is None else validate.topic_state(state)
        with self._db.transaction() as conn:
            conn.execute(
                "UPDATE topic SET text = ?, theme = ?, raised_by = ?, state = ? WHERE id = ?",
                (new_text, new_theme.value, new_by.value, new_state.value, topic_id),
            )
        return self.get(topic_id)

    def set_state(self, topic_id: int, state: TopicState | str) -> Topic:
        """Mark a topic open, discussed or carried."""
        return self.update(topic_id, state=state)

    def move(self, topic_id: int, position: int) -> list[Topic]:
        """Move a topic to ``position`` (0-based, clamped) in its meeting's agenda.

        Returns:
            The meeting's topics in their new order.
        """
        topic = self.get(topic_id)
        others = [t for t in self.list_for_meeting(topic.meeting_id) if t.id != topic_id]
        index = max(0, min(position, len(others)))
        ordered = [*others[:index], topic, *others[index:]]
        with self._db.transaction() as conn:
            conn.executemany(
                "UPDATE topic SET position = ? WHERE id = ?",
                [(i, t.id) for i, t in enumerate(ordered)],
            )
        return self.list_for_meeting(topic.meeting_id)

    def delete(self, topic_id: int) -> None:
        """Delete a topic (a carried original then returns to the next meeting's agenda)."""
        self.get(topic_id)
        with self._db.transaction() as conn:
            conn.execute("DELETE FROM topic WHERE id = ?", (topic_id,))
