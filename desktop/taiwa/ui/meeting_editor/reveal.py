"""Requests between pages about the meeting editor, and revealing a search hit in it.

Pages pass these through the app context instead of importing each other: the search page asks
the editor (or the person page) to select a hit, the person page and the editor record whose data
is on screen.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtGui import QTextCursor, QTextDocument

from taiwa.ui.meeting_editor.base import EditorBase
from taiwa.ui.widgets.notes import NotesEdit

_REVEAL_ATTR = "_u2_reveal_request"
_SHOWN_PERSON_ATTR = "_u2_shown_person"


def set_shown_person(ctx: Any, person_id: int | None) -> None:
    """Record whose page or meeting is on screen (privacy mode shows only that person)."""
    setattr(ctx, _SHOWN_PERSON_ATTR, person_id)


def shown_person(ctx: Any) -> int | None:
    """The person whose page or meeting is on screen, if any."""
    return getattr(ctx, _SHOWN_PERSON_ATTR, None)


def request_reveal(ctx: Any, meeting_id: int, kind: str, needle: str) -> None:
    """Ask the editor to select ``needle`` in the field of ``kind`` when it opens the meeting.

    The search page calls this right before emitting ``events.open_meeting(meeting_id)``.
    """
    setattr(ctx, _REVEAL_ATTR, (meeting_id, kind, needle))


_PERSON_REVEAL_ATTR = "_u2_person_reveal_request"


def request_person_reveal(ctx: Any, person_id: int, needle: str) -> None:
    """Ask the person page to select ``needle`` (in the career goals) when it shows the person."""
    setattr(ctx, _PERSON_REVEAL_ATTR, (person_id, needle))


def take_person_reveal(ctx: Any, person_id: int) -> str | None:
    """The pending text to select on ``person_id``'s page, consumed (None when there is none)."""
    req = getattr(ctx, _PERSON_REVEAL_ATTR, None)
    if not req or req[0] != person_id:
        return None
    setattr(ctx, _PERSON_REVEAL_ATTR, None)
    return str(req[1])


def history_source(store: Any, person_id: int) -> tuple[Callable[[int, int], Any], int]:
    """A page loader and the count of a person's meetings, for :class:`MeetingHistoryModel`."""
    meetings = store.meetings
    lister = getattr(meetings, "summaries_for_person", None) or meetings.list_for_person

    def fetch(offset: int, limit: int) -> Any:
        return lister(person_id, limit=limit, offset=offset)

    return fetch, meetings.count_for_person(person_id)


class RevealPart(EditorBase):
    """Selects the text of a search hit in the open meeting."""

    def _apply_reveal(self) -> None:
        req = getattr(self.ctx, _REVEAL_ATTR, None)
        if not req or self._meeting is None or req[0] != self._meeting.id:
            return
        setattr(self.ctx, _REVEAL_ATTR, None)
        self.reveal(req[1], req[2])

    def reveal(self, kind: str, needle: str) -> bool:
        """Select ``needle`` in the field a search hit came from; True when found."""
        kind = str(kind)
        if kind in ("shared_notes", "private_notes"):
            edit = self.shared if kind == "shared_notes" else self.private
            if kind == "private_notes" and self._privacy:
                return False
            return self._find_in(edit, needle)
        if kind == "purpose":
            pos = self.purpose.text().casefold().find(needle.casefold())
            self.purpose.setFocus()
            if pos >= 0:
                self.purpose.setSelection(pos, len(needle))
                return True
            return False
        if kind == "topic":
            for t in self.topics.topics():
                if needle.casefold() in t.text.casefold():
                    idx = self.topics.topic_index(t.id)
                    self.topic_view.setCurrentIndex(idx)
                    self.topic_view.scrollTo(idx)
                    self.topic_view.setFocus()
                    return True
            return False
        if kind == "action":
            for row, a in enumerate(self.actions_model.rows()):
                if needle.casefold() in a.text.casefold():
                    self.action_view.selectRow(row)
                    self.action_view.setFocus()
                    return True
        return False

    @staticmethod
    def _find_in(edit: NotesEdit, needle: str) -> bool:
        doc = edit.document()
        cursor = doc.find(needle, 0) if needle else QTextCursor()
        if cursor.isNull():
            cursor = doc.find(needle, 0, QTextDocument.FindFlag(0))
        edit.setFocus()
        if cursor.isNull():
            return False
        edit.setTextCursor(cursor)
        edit.ensureCursorVisible()
        return True
