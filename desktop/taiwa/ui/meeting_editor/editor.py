"""The meeting editor page: the person's meetings on the left, the open meeting on the right.

This module holds the page itself — the meeting list, the container the parts are laid out in,
the page protocol (privacy, flush, clear, refresh) and opening a meeting. Each part of the open
meeting lives in its own module (see :mod:`taiwa.ui.meeting_editor`).
"""

from __future__ import annotations

import itertools
from datetime import date
from typing import Any

from PySide6.QtCore import QDate, QDateTime, Qt, QTime, Signal
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import (
    QHBoxLayout,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from taiwa.domain.models import MeetingStatus, Theme, WantedResponse
from taiwa.errors import TaiwaError
from taiwa.ui.drafts import DraftKeeper
from taiwa.ui.meeting_editor.action_items import ActionItemsPart
from taiwa.ui.meeting_editor.agenda import AgendaPart
from taiwa.ui.meeting_editor.fit import FitPart
from taiwa.ui.meeting_editor.header import HeaderPart
from taiwa.ui.meeting_editor.keys import KeysPart
from taiwa.ui.meeting_editor.meeting_list import MeetingListPart
from taiwa.ui.meeting_editor.notes import NotesPart
from taiwa.ui.meeting_editor.reveal import RevealPart, history_source, set_shown_person
from taiwa.ui.pages import Page
from taiwa.ui.widgets.autosave import AutoSaver
from taiwa.ui.widgets.chips import MutedLabel


class MeetingEditor(
    KeysPart,
    MeetingListPart,
    HeaderPart,
    AgendaPart,
    ActionItemsPart,
    NotesPart,
    RevealPart,
    FitPart,
    Page,
):
    """The meeting editor page (see the module docstring for saving, privacy and clearing)."""

    nav_key = "meeting"

    #: A meeting's fields were written (meeting id).
    meeting_saved = Signal(int)

    def __init__(self, ctx: Any, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self._meeting: Any = None
        self._person: Any = None
        self._privacy = False
        self._private_loaded = False
        self._loading = False
        self._alias: dict[tuple[str, int], int] = {}  # ids re-created by undo/redo
        self.undo_stack = QUndoStack(self)
        self._saver = AutoSaver(self, self._snapshot, self._save_texts)
        self._saver.saved.connect(self._on_autosaved)
        self._saver.failed.connect(self._on_autosave_failed)
        self._saver.state_changed.connect(self._on_save_state)
        # True from a failed autosave until the next one succeeds: the notes then need drafts.
        self._autosave_failed = False
        self._last_list = "topic"  # which list Ctrl+D acts on when neither has focus
        self._build()
        self._drafts = DraftKeeper(self, ctx)
        self._watch_drafts()
        self._build_actions()
        self.topic_view.selectionModel().currentChanged.connect(
            lambda *_: setattr(self, "_last_list", "topic")
        )
        self.action_view.selectionModel().currentChanged.connect(
            lambda *_: setattr(self, "_last_list", "action")
        )
        self._show_empty(True)

    # -- layout -----------------------------------------------------------------------------

    def _build(self) -> None:
        outer = QHBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        outer.addWidget(self.splitter)

        self.splitter.addWidget(self._build_meeting_list(self))

        # Right: the meeting, in a scroll area (see the fit part).
        main = self._build_sheet()
        ml = self._sheet_layout = QVBoxLayout(main)
        ml.setContentsMargins(16, 16, 20, 16)
        ml.setSpacing(10)
        self.empty_label = MutedLabel(
            self.tr("Open a person and choose a meeting, or start a new one with Ctrl+N."), main
        )
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        ml.addWidget(self.empty_label)

        self.content = QWidget(main)
        cl = self._content_layout = QVBoxLayout(self.content)
        cl.setContentsMargins(0, 0, 0, 0)
        cl.setSpacing(10)
        ml.addWidget(self.content, 1)

        self._build_header(cl)

        body = QSplitter(Qt.Orientation.Horizontal, self.content)
        body.setChildrenCollapsible(False)
        self.body = body
        cl.addWidget(body, 1)

        left = QSplitter(Qt.Orientation.Vertical, body)
        left.setChildrenCollapsible(False)
        left.addWidget(self._build_agenda(left))
        left.addWidget(self._build_action_items(left))
        body.addWidget(left)
        right = self._build_notes(body)
        body.addWidget(right)
        body.setStretchFactor(0, 1)
        body.setStretchFactor(1, 1)
        left.setStretchFactor(0, 1)
        left.setStretchFactor(1, 1)

        self.scroll_area.setWidget(main)
        self.splitter.addWidget(self.scroll_area)
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([220, 1000])

        # Keyboard order follows reading order.
        order = [
            self.history_view,
            self.new_button,
            self.when,
            self.status,
            self.export_button,
            self.purpose,
            *self.wanted.buttons().values(),
            *self.mood.buttons().values(),
            self.topic_view,
            self.topic_theme,
            self.topic_text,
            self.bank_button,
            self.action_view,
            self.action_owner,
            self.action_text,
            self.action_due,
            self.shared,
            self.private,
        ]
        for a, b in itertools.pairwise(order):
            QWidget.setTabOrder(a, b)
        self._start_fitting()

    def _show_empty(self, empty: bool) -> None:
        self.content.setVisible(not empty)
        self.empty_label.setVisible(empty)

    # -- the page protocol ------------------------------------------------------------------

    def set_privacy(self, on: bool) -> None:
        """Privacy mode hides the private notes (saved first, then taken out of the editor)
        and the mood."""
        on = bool(on)
        if on == self._privacy:
            return
        if on:
            self.flush()
            self._privacy = True
            self._private_loaded = False
            self.private.set_text("")
            self.private_panel.hide()
            self.private_hidden.setVisible(self._meeting is not None)
        else:
            self._privacy = False
            self.private_hidden.hide()
            self.private_panel.show()
            if self._meeting is not None:
                self._load_private()
        self._show_mood(not on)
        self.history.set_mood_hidden(on)

    def flush(self) -> None:
        """Save typed text now, synchronously (before lock, page switch or another meeting)."""
        if self._meeting is None:
            return
        try:
            self._saver.flush()
        except TaiwaError as exc:
            self._autosave_failed = True
            self._show_save_error(exc)
        # Then the drafts: the entry fields' text, and the notes if they could not be saved.
        self._drafts.flush()

    def clear(self) -> None:
        """Drop the meeting, every editor's text and history, the models and the undo stack."""
        self._saver.discard()
        self._meeting = None
        self._person = None
        self._private_loaded = False
        self._alias.clear()
        self.undo_stack.clear()
        self._loading = True
        try:
            for edit in (self.shared, self.private):
                edit.set_text("")
            self.purpose.clear()
            self.purpose.setModified(False)
            self.topic_text.clear()
            self.action_text.clear()
            self.title.clear()
            self.subtitle.clear()
            self.save_state.clear()
            self.topics.clear()
            self.actions_model.clear()
            self.history.clear()
            self.wanted.set_value(None)
            self.mood.set_value(None)
        finally:
            self._loading = False
        # QLineEdit.setText also clears the line edit's undo history.
        self.purpose.setText("")
        # Last: emptying the fields above scheduled draft checks that must not run.
        self._autosave_failed = False
        self._drafts.discard()
        self._show_empty(True)

    def refresh(self) -> None:
        """Bring the open meeting up to date with the vault (after an outside change).

        Only what differs is replaced, so the cursor, the text undo history and the structured
        undo stack survive the refreshes that follow this page's own changes.
        """
        if self._meeting is None:
            return
        self.flush()
        store = self.ctx.store
        try:
            m = store.meetings.get(self._meeting.id)
        except TaiwaError:
            self.clear()  # deleted meanwhile
            return
        if self.history.total != store.meetings.count_for_person(m.person_id):
            fetch, total = history_source(store, m.person_id)
            self.history.set_source(fetch, total)
        self._meeting = m
        self._fill(m)
        self._select_history_row(m.id)

    # -- opening ----------------------------------------------------------------------------

    @property
    def meeting_id(self) -> int | None:
        return None if self._meeting is None else self._meeting.id

    @property
    def person_id(self) -> int | None:
        return None if self._person is None else self._person.id

    def focus_main(self) -> None:
        """Where typing starts: the purpose of the open meeting, else the list of meetings."""
        target = self.purpose if self._meeting is not None else self.history_view
        target.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def current_person_id(self) -> int:
        """Whose meeting is open (the window's "New meeting" and "Export" use it)."""
        return 0 if self._person is None else int(self._person.id)

    def open_meeting(self, meeting_id: int, *, force: bool = False) -> None:
        """Show a meeting (flushing the one being edited first)."""
        if not force and self._meeting is not None and self._meeting.id == meeting_id:
            self._apply_reveal()
            return
        self.flush()
        store = self.ctx.store
        try:
            meeting = store.meetings.get(meeting_id)
        except TaiwaError as exc:
            self._show_save_error(exc)
            return
        person_changed = self._person is None or self._person.id != meeting.person_id
        if not person_changed and self.history.row_of(meeting.id) < 0:
            # A meeting created since the list was loaded (e.g. "New meeting").
            person_changed = self.history.total != store.meetings.count_for_person(
                meeting.person_id
            )
        if person_changed or force:
            self._person = store.people.get(meeting.person_id)
            fetch, total = history_source(store, meeting.person_id)
            self.history.set_source(fetch, total)
            self._fit_to_font()  # the list's width follows its dates
        if self._meeting is None or self._meeting.id != meeting.id:
            self.undo_stack.clear()
            self._alias.clear()
            self._private_loaded = False
            self.save_state.clear()
            # Another meeting: its texts replace the editors' (and their undo history).
            self._loading = True
            try:
                self.shared.set_text(meeting.shared_notes)
                self.purpose.setText(meeting.purpose)
            finally:
                self._loading = False
            # The previous meeting's were saved by flush() above (autosave and drafts).
            self._autosave_failed = False
            self._pull_entry_drafts(meeting.id, replace=True)
        self._meeting = meeting
        self._fill(meeting)
        self._select_history_row(meeting.id)
        self._show_empty(False)
        self._apply_reveal()
        # Remember who is on screen (privacy mode shows only this person elsewhere).
        set_shown_person(self.ctx, meeting.person_id)

    def show_meeting(self, meeting_id: int) -> None:
        """The main window's entry point (``events.open_meeting``).

        Coming back to the meeting already open brings it up to date (another page may have
        ticked one of its action items) without losing the cursor or the undo history.
        """
        if self._meeting is not None and self._meeting.id == meeting_id:
            self.refresh()
            if self._meeting is not None:
                self._pull_entry_drafts(meeting_id, replace=False)
            self._apply_reveal()
            return
        self.open_meeting(meeting_id)

    def _fill(self, m: Any) -> None:
        self._loading = True
        try:
            self.title.setText(self._person.name if self._person else "")
            sub = [x for x in (m.role, m.team) if x]
            if m.source == "calendar" or str(m.source) == "calendar":
                sub.append(self.tr("from the calendar"))
            self.subtitle.setText(" · ".join(sub))
            local = m.starts_at.astimezone()
            self.when.setDateTime(
                QDateTime(
                    QDate(local.year, local.month, local.day), QTime(local.hour, local.minute)
                )
            )
            self.status.setCurrentIndex(list(MeetingStatus).index(MeetingStatus(m.status)))
            if self.purpose.text() != m.purpose:
                self.purpose.setText(m.purpose)
            self.wanted.set_value(
                None if m.wanted_response is None else WantedResponse(m.wanted_response)
            )
            self.mood.set_value(None if self._privacy else m.mood)
            if self.shared.text() != m.shared_notes:
                self.shared.set_text(m.shared_notes)
            if self._privacy:
                self.private.set_text("")
                self._private_loaded = False
                self.private_hidden.show()
            else:
                if not self._private_loaded or self.private.text() != m.private_notes:
                    self.private.set_text(m.private_notes)
                self._private_loaded = True
            if self.topics.topics() != sorted(m.topics, key=_topic_order):
                self.topics.set_topics(m.topics)
                self.topic_view.expandAll()
            self.actions_model.today = date.today()
            if self.actions_model.current_meeting_id != m.id or self.actions_model.rows() != list(
                m.actions
            ):
                self.actions_model.current_meeting_id = m.id
                self.actions_model.set_rows(m.actions)
        finally:
            self._loading = False

    def _load_private(self) -> None:
        try:
            m = self.ctx.store.meetings.get(self._meeting.id)
        except TaiwaError as exc:
            self._show_save_error(exc)
            return
        self._meeting = m
        self.private.set_text(m.private_notes)
        self._private_loaded = True


def _topic_order(t: Any) -> tuple[int, int, int]:
    return (list(Theme).index(Theme(t.theme)), t.position, t.id)
