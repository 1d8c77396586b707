"""What every part of the meeting editor shares: its state, and undoable structured changes.

The editor is one page built from parts with one job each (``header``, ``agenda``,
``action_items``, ``notes``, ``reveal``, ``keys``), mixed into
:class:`~taiwa.ui.meeting_editor.editor.MeetingEditor`. This base declares the state they share
(for the type checker and the reader) and the undo stack plumbing they all use.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand, QUndoStack
from PySide6.QtWidgets import QLabel, QLineEdit, QTableView, QTreeView, QWidget

from taiwa.errors import TaiwaError
from taiwa.ui.models import ActionsModel, MeetingHistoryModel, TopicTreeModel
from taiwa.ui.widgets.autosave import AutoSaver
from taiwa.ui.widgets.notes import NotesEdit

if TYPE_CHECKING:
    # The parts are mixed into a QWidget (the page); the type checker should know.
    _Widget = QWidget
else:
    _Widget = object

_CTX = "MeetingEditor"  # the page's translation context, shared by all its parts


def _t(text: str, disambiguation: str | None = None) -> str:
    return QCoreApplication.translate(_CTX, text, disambiguation)


class _Command(QUndoCommand):
    """An undoable structured change that was already done once when it was pushed.

    Exceptions must not escape into Qt (``redo``/``undo`` are called from C++): a failure is
    handed to ``on_error`` and shown as a message.
    """

    def __init__(
        self,
        text: str,
        do: Callable[[], None],
        undo: Callable[[], None],
        on_error: Callable[[BaseException], None],
    ) -> None:
        super().__init__(text)
        self._do = do
        self._undo = undo
        self._on_error = on_error
        self._first = True

    def redo(self) -> None:
        if self._first:  # QUndoStack.push calls redo(); the change is already made
            self._first = False
            return
        self._run(self._do)

    def undo(self) -> None:
        self._run(self._undo)

    def _run(self, fn: Callable[[], None]) -> None:
        try:
            fn()
        except TaiwaError as exc:
            self._on_error(exc)


class EditorBase(_Widget):
    """State shared by the editor's parts, and the structured-change helpers."""

    ctx: Any
    _meeting: Any  # the open meeting (a domain object), or None
    _person: Any
    _privacy: bool
    _private_loaded: bool
    _loading: bool  # True while the editor fills its fields (their signals are not edits)
    _autosave_failed: bool
    _alias: dict[tuple[str, int], int]
    _drafts: Any
    undo_stack: QUndoStack
    _saver: AutoSaver
    _last_list: str  # "topic" or "action": which list Ctrl+D acts on
    history: MeetingHistoryModel
    meeting_saved: Any  # Signal(int), defined on the page class
    # Widgets one part builds and another uses.
    save_state: QLabel
    purpose: QLineEdit
    shared: NotesEdit
    private: NotesEdit
    topics: TopicTreeModel
    history_view: QTableView
    topic_view: QTreeView
    topic_text: QLineEdit
    actions_model: ActionsModel
    action_view: QTableView
    action_text: QLineEdit

    # Implemented by other parts; declared here so each part can call them.
    def flush(self) -> None:
        raise NotImplementedError

    def clear(self) -> None:
        raise NotImplementedError

    def _on_text_edited(self) -> None:
        raise NotImplementedError

    def _step_meeting(self, delta: int) -> None:
        raise NotImplementedError

    def _focus_topic_entry(self) -> None:
        raise NotImplementedError

    def _focus_action_entry(self) -> None:
        raise NotImplementedError

    def _on_question_bank(self) -> None:
        raise NotImplementedError

    def _on_move_topic(self, theme: Any) -> None:
        raise NotImplementedError

    def _on_delete_topic(self) -> None:
        raise NotImplementedError

    def _on_delete_action(self) -> None:
        raise NotImplementedError

    def _on_topic_toggled(self, topic_id: int, discussed: bool) -> None:
        raise NotImplementedError

    def _on_action_toggled(self, action_id: int, done: bool) -> None:
        raise NotImplementedError

    def _on_delete_meeting(self) -> None:
        raise NotImplementedError

    # -- structured changes (undoable) ------------------------------------------------------

    def _push(self, text: str, do: Callable[[], None], undo: Callable[[], None]) -> bool:
        """Do a structured change now and put it on the undo stack (not when it failed)."""
        try:
            do()
        except TaiwaError as exc:
            self._show_save_error(exc)
            return False
        self.undo_stack.push(_Command(text, do, undo, self._show_save_error))
        return True

    def _real(self, kind: str, obj_id: int) -> int:
        """The live id of a topic/action an older command knew (undo re-creates rows)."""
        seen = {obj_id}
        while (kind, obj_id) in self._alias:
            obj_id = self._alias[(kind, obj_id)]
            if obj_id in seen:  # defensive: never loop
                break
            seen.add(obj_id)
        return obj_id

    def _recreated(self, kind: str, old_id: int, new_id: int) -> None:
        """Row ``old_id`` (as commands knew it) lives on as ``new_id``."""
        prev = self._real(kind, old_id)
        # SQLite may hand out a freed id again: a live id is never an alias of another.
        self._alias.pop((kind, new_id), None)
        if prev != new_id:
            self._alias[(kind, prev)] = new_id

    def _changed(self) -> None:
        self.ctx.events.data_changed.emit()

    def _update_meeting_field(self, **fields: Any) -> None:
        m = self.ctx.store.meetings.update(self._meeting.id, **fields)
        self._meeting = m
        self.history.update_row(_as_history_row(self.history, m))
        self._changed()

    def _show_save_error(self, exc: BaseException) -> None:
        from taiwa.ui import ops

        self.save_state.setText(_t("Not saved"))
        ops.show_error(self, exc)


def _as_history_row(model: MeetingHistoryModel, meeting: Any) -> Any:
    """The row object the history model holds for ``meeting`` (summary or full meeting)."""
    row = model.row_of(meeting.id)
    if row < 0:
        return meeting
    current = model.object_at(row)
    if type(current) is type(meeting):
        return meeting
    # The model holds summaries: rebuild one from the full meeting's fields.
    try:
        names = {f.name for f in dataclasses.fields(current)}
        values = {n: getattr(meeting, n) for n in names if hasattr(meeting, n)}
        if "topic_count" in names:
            values["topic_count"] = len(meeting.topics)
        if "action_count" in names:
            values["action_count"] = len(meeting.own_actions)
        return dataclasses.replace(current, **values)
    except (TypeError, ValueError):
        return current
