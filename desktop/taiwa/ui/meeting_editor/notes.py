"""The meeting editor's notes: shared and private notes, their autosave and the drafts."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QSplitter, QVBoxLayout, QWidget

from taiwa.domain.drafts import meeting_key
from taiwa.errors import TaiwaError
from taiwa.ui.meeting_editor.base import EditorBase, _as_history_row
from taiwa.ui.widgets.chips import MutedLabel, SectionTitle
from taiwa.ui.widgets.notes import NotesEdit, PrivateNotesPanel

_CTX = "MeetingEditor"  # the page's translation context, shared by all its parts


def _t(text: str, disambiguation: str | None = None) -> str:
    return QCoreApplication.translate(_CTX, text, disambiguation)


class NotesPart(EditorBase):
    """Builds the notes column; autosaves the text fields and keeps their drafts."""

    def _build_notes(self, body: QWidget) -> QSplitter:
        right = QSplitter(Qt.Orientation.Vertical, body)
        right.setChildrenCollapsible(False)
        shared = QWidget(right)
        shl = QVBoxLayout(shared)
        shl.setContentsMargins(6, 0, 0, 6)
        shl.setSpacing(6)
        shared_label = SectionTitle(_t("&Shared notes"), shared)
        shl.addWidget(shared_label)
        self.shared = NotesEdit(shared)
        self.shared.setObjectName("sharedNotesEdit")
        self.shared.setAccessibleName(_t("Shared notes"))
        self.shared.setPlaceholderText(_t("What you talked about — fine to show them."))
        self.shared.edited.connect(self._on_text_edited)
        shared_label.setBuddy(self.shared)
        shl.addWidget(self.shared, 1)
        right.addWidget(shared)
        self.private_panel = PrivateNotesPanel(right)
        self.private = self.private_panel.editor
        self.private.edited.connect(self._on_text_edited)
        right.addWidget(self.private_panel)
        self.private_hidden = MutedLabel(_t("Private notes are hidden in privacy mode."), right)
        self.private_hidden.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.private_hidden.hide()
        right.addWidget(self.private_hidden)
        right.setStretchFactor(0, 3)
        right.setStretchFactor(1, 2)
        return right

    # -- autosave of the text fields --------------------------------------------------------

    def _snapshot(self) -> dict[str, Any]:
        values: dict[str, Any] = {
            "meeting_id": self._meeting.id,
            "purpose": self.purpose.text(),
            "shared_notes": self.shared.text(),
        }
        # Private notes are saved only while they are in the editor: in privacy mode the
        # editor is empty and saving it would erase them.
        if self._private_loaded:
            values["private_notes"] = self.private.text()
        return values

    def _save_texts(self, values: dict[str, Any]) -> Any:
        fields = dict(values)
        meeting_id = fields.pop("meeting_id")
        return self.ctx.store.meetings.update(meeting_id, **fields)

    def _on_text_edited(self) -> None:
        if not self._loading and self._meeting is not None:
            self._saver.mark_dirty()

    def _on_autosaved(self, meeting: Any) -> None:
        if self._meeting is not None and meeting.id == self._meeting.id:
            # Keep structured state; only the texts changed on disk.
            self._meeting = meeting
            self._autosave_failed = False
            self._drafts.touch()  # a draft the save made obsolete goes
        self.history.update_row(_as_history_row(self.history, meeting))
        self.meeting_saved.emit(meeting.id)

    def _on_autosave_failed(self, exc: BaseException) -> None:
        # The typed text is only in memory now: the drafts keep it until a save succeeds.
        self._autosave_failed = True
        self._drafts.touch()
        self._show_save_error(exc)

    # -- drafts -----------------------------------------------------------------------------

    def _watch_drafts(self) -> None:
        def key(field: str, *, private: bool = False) -> Callable[[], str | None]:
            def current() -> str | None:
                if self._meeting is None or (private and not self._private_loaded):
                    return None  # privacy mode: the editor is empty, the notes are saved
                return meeting_key(self._meeting.id, field)

            return current

        def saved(field: str) -> Callable[[], str]:
            return lambda: "" if self._meeting is None else str(getattr(self._meeting, field))

        def covered() -> bool:
            return not self._autosave_failed

        keeper = self._drafts
        keeper.watch(self.topic_text, key("new_topic"))
        keeper.watch(self.action_text, key("new_action"))
        keeper.watch(self.purpose, key("purpose"), saved=saved("purpose"), covered=covered)
        keeper.watch(self.shared, key("shared_notes"), saved=saved("shared_notes"), covered=covered)
        keeper.watch(
            self.private,
            key("private_notes", private=True),
            saved=saved("private_notes"),
            covered=covered,
        )

    def _pull_entry_drafts(self, meeting_id: int, *, replace: bool) -> None:
        """Put the meeting's drafts back into "new topic" and "new action item" (``replace``:
        also empty the fields when it has none — they belonged to another meeting)."""
        try:
            found = self.ctx.store.drafts.for_meeting(meeting_id)
        except TaiwaError as exc:
            self._show_save_error(exc)
            return
        for field, edit in (("new_topic", self.topic_text), ("new_action", self.action_text)):
            draft = found.get(field)
            if draft is not None and (replace or not edit.text()):
                self._drafts.adopt(draft.key, draft.text)
                edit.setText(draft.text)
                edit.setCursorPosition(len(draft.text))
            elif replace:
                edit.setText("")

    def _on_save_state(self, state: str) -> None:
        if state == "saved":
            #: Autosave status: everything typed is in the vault.
            self.save_state.setText(_t("Saved"))
        elif state == "saving":
            self.save_state.setText(_t("Saving…"))
        else:
            self.save_state.setText(_t("Editing…"))
