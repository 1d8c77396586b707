"""The meeting editor: where the manager writes during and after a 1on1.

Layout: the person's meetings on the left (newest first, fetched lazily), the open meeting on
the right — date, status, purpose and what the report wants from the manager, mood, the agenda
grouped by theme (carried topics marked), action items (carried open ones shown), shared notes
and the visibly distinct private notes.

Saving: there is no save button. Text fields (purpose, shared and private notes) autosave
through :class:`~taiwa.ui.widgets.autosave.AutoSaver` — at most about a second of typing is ever
unsaved; :meth:`MeetingEditor.flush` saves synchronously (before a lock, a page switch, opening
another meeting). Structured changes (topics, actions, mood, status, wanted response, date) are
written at once as commands on a ``QUndoStack``; text has the editors' own undo.

Drafts (:mod:`taiwa.ui.drafts`): text in the "new topic" and "new action item" fields — not saved
until Enter — is kept in the vault as a draft of this meeting within two seconds, and so are the
notes when their autosave failed. Each meeting has its own: opening a meeting puts its drafts back
into those fields.

Privacy mode: the private notes are saved, removed from the editor and hidden; nothing else of
this page belongs to another person. ``clear()`` empties every editor, model and the undo stack.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable
from datetime import UTC, date, datetime
from typing import Any

from PySide6.QtCore import QDate, QDateTime, QItemSelectionModel, QModelIndex, Qt, QTime, Signal
from PySide6.QtGui import (
    QAction,
    QKeySequence,
    QTextCursor,
    QTextDocument,
    QUndoCommand,
    QUndoStack,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QComboBox,
    QDateEdit,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QPushButton,
    QSplitter,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from taiwa import i18n
from taiwa.domain.drafts import meeting_key
from taiwa.domain.models import MeetingStatus, Owner, Theme, TopicState, WantedResponse
from taiwa.errors import TaiwaError
from taiwa.ui.drafts import DraftKeeper
from taiwa.ui.models import OBJECT_ROLE, ActionsModel, MeetingHistoryModel, TopicTreeModel
from taiwa.ui.pages import Page
from taiwa.ui.widgets import labels
from taiwa.ui.widgets.autosave import AutoSaver
from taiwa.ui.widgets.chips import MutedLabel, PageTitle, SectionTitle
from taiwa.ui.widgets.delegates import ActionItemDelegate
from taiwa.ui.widgets.notes import NotesEdit, PrivateNotesPanel
from taiwa.ui.widgets.tables import HintTableView, HintTreeView, style_table

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


class _Choice(QWidget):
    """A row of checkable buttons where at most one is on (clicking it again clears it)."""

    chosen = Signal(object)  # the value, or None

    def __init__(self, options: list[tuple[Any, str, str]], parent: QWidget | None = None):
        super().__init__(parent)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(4)
        self._buttons: dict[Any, QToolButton] = {}
        self._value: Any = None
        self._group = QButtonGroup(self)
        self._group.setExclusive(False)
        for value, text, tip in options:
            b = QToolButton(self)
            b.setText(text)
            b.setToolTip(tip)
            b.setCheckable(True)
            b.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
            b.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
            b.setStyleSheet(
                "QToolButton { padding: 4px 10px; border: 1px solid #DEDBD4;"
                " border-radius: 6px; background: white; }"
                " QToolButton:checked { background: #2F6B8A; color: white;"
                " border-color: #2F6B8A; }"
                " QToolButton:focus { border-color: #2F6B8A; }"
            )
            self._group.addButton(b)
            self._buttons[value] = b
            b.clicked.connect(lambda checked, v=value: self._on_clicked(v, checked))
            row.addWidget(b)

    def buttons(self) -> dict[Any, QToolButton]:
        return self._buttons

    def value(self) -> Any:
        return self._value

    def set_value(self, value: Any) -> None:
        self._value = value
        for v, b in self._buttons.items():
            b.setChecked(v == value)

    def _on_clicked(self, value: Any, checked: bool) -> None:
        new = value if checked else None
        self.set_value(new)
        self.chosen.emit(new)


class QuestionBankDialog(QDialog):
    """Pick questions from the bank (in the UI language) to add as agenda topics."""

    def __init__(self, ctx: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(self.tr("Add from the question bank"))
        self.resize(560, 460)
        lay = QVBoxLayout(self)
        top = QHBoxLayout()
        self.theme = QComboBox(self)
        self.theme.addItem(self.tr("All themes"), None)
        for th in Theme:
            self.theme.addItem(labels.theme_name(th), th)
        lbl = QLabel(self.tr("&Theme:"), self)
        lbl.setBuddy(self.theme)
        top.addWidget(lbl)
        top.addWidget(self.theme, 1)
        lay.addLayout(top)
        self.list = QListWidget(self)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.list.setWordWrap(True)
        self.list.setAccessibleName(self.tr("Questions"))
        lay.addWidget(self.list, 1)
        hint = MutedLabel(
            self.tr(
                "Select one or more questions (Ctrl+click) and press Add. "
                "Edit the bank in Settings."
            ),
            self,
        )
        lay.addWidget(hint)
        box = QDialogButtonBox(self)
        self.add_button = box.addButton(self.tr("&Add"), QDialogButtonBox.ButtonRole.AcceptRole)
        box.addButton(QDialogButtonBox.StandardButton.Cancel)
        box.accepted.connect(self.accept)
        box.rejected.connect(self.reject)
        lay.addWidget(box)
        self.theme.currentIndexChanged.connect(self._on_theme_changed)
        self.list.itemDoubleClicked.connect(lambda _i: self.accept())
        self._on_theme_changed()

    def _questions(self, theme: Theme | None) -> list[Any]:
        bank = getattr(self.ctx.store, "questions", None)
        if bank is None:
            return []
        lang = i18n.current_language()
        themes = [theme] if theme is not None else list(Theme)
        out: list[Any] = []
        for th in themes:
            out.extend(bank.list(lang, th))
        return out

    def _on_theme_changed(self) -> None:
        self.list.clear()
        for q in self._questions(self.theme.currentData()):
            th = Theme(q.theme)
            item = QListWidgetItem(f"{q.text}")
            item.setToolTip(labels.theme_name(th))
            item.setData(Qt.ItemDataRole.UserRole, (th, q.text))
            self.list.addItem(item)
        if self.list.count():
            self.list.setCurrentRow(0)

    def chosen(self) -> list[tuple[Theme, str]]:
        items = self.list.selectedItems() or (
            [self.list.currentItem()] if self.list.currentItem() else []
        )
        return [i.data(Qt.ItemDataRole.UserRole) for i in items]


class MeetingEditor(Page):
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

        # Left: the person's meetings.
        side = QWidget(self)
        sl = QVBoxLayout(side)
        sl.setContentsMargins(16, 16, 8, 16)
        sl.setSpacing(8)
        self.side_title = SectionTitle(self.tr("Meetings"), side)
        sl.addWidget(self.side_title)
        self.history = MeetingHistoryModel(self, compact=True)
        self.history_view = QTableView(side)
        self.history_view.setModel(self.history)
        self.history_view.setAccessibleName(self.tr("Meetings of this person"))
        for col in (
            MeetingHistoryModel.STATUS,
            MeetingHistoryModel.MOOD,
            MeetingHistoryModel.AGENDA,
            MeetingHistoryModel.PURPOSE,
        ):
            self.history_view.setColumnHidden(col, True)
        self._setup_table(self.history_view)
        self.history_view.horizontalHeader().setSectionResizeMode(
            MeetingHistoryModel.DATE, QHeaderView.ResizeMode.Stretch
        )
        self.history_view.horizontalHeader().hide()
        self.history_view.selectionModel().currentRowChanged.connect(self._on_history_current)
        sl.addWidget(self.history_view, 1)
        self.new_button = QPushButton(self.tr("&New meeting"), side)
        self.new_button.setToolTip(
            self.tr(
                "Start a new meeting with this person (open topics "
                "and action items are carried over)"
            )
        )
        self.new_button.clicked.connect(self._on_new_clicked)
        sl.addWidget(self.new_button)
        side.setMinimumWidth(200)
        self.splitter.addWidget(side)

        # Right: the meeting.
        main = QWidget(self)
        self.main_widget = main
        ml = QVBoxLayout(main)
        ml.setContentsMargins(16, 16, 20, 16)
        ml.setSpacing(10)
        self.empty_label = MutedLabel(
            self.tr("Open a person and choose a meeting, or start a new one with Ctrl+N."), main
        )
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        ml.addWidget(self.empty_label)

        self.content = QWidget(main)
        cl = QVBoxLayout(self.content)
        cl.setContentsMargins(0, 0, 0, 0)
        cl.setSpacing(10)
        ml.addWidget(self.content, 1)

        head = QHBoxLayout()
        head.setSpacing(10)
        titles = QVBoxLayout()
        titles.setSpacing(2)
        self.title = PageTitle("", self.content)
        self.subtitle = MutedLabel("", self.content)
        self.subtitle.setWordWrap(False)
        titles.addWidget(self.title)
        titles.addWidget(self.subtitle)
        head.addLayout(titles, 1)
        self.when = QDateTimeEdit(self.content)
        self.when.setCalendarPopup(True)
        self.when.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.when.setAccessibleName(self.tr("Date and time"))
        self.when.editingFinished.connect(self._on_when_edited)
        when_label = QLabel(self.tr("&When:"), self.content)
        when_label.setBuddy(self.when)
        # Date, status and purpose share the second row, so a long name and role/team line
        # in the title never gets clipped by the controls.
        info = QHBoxLayout()
        info.setSpacing(8)
        info.addWidget(when_label)
        info.addWidget(self.when)
        info.addSpacing(8)
        self.status = QComboBox(self.content)
        for st in MeetingStatus:
            self.status.addItem(labels.status_name(st), st)
        self.status.setAccessibleName(self.tr("Status"))
        self.status.activated.connect(self._on_status_activated)
        status_label = QLabel(self.tr("S&tatus:"), self.content)
        status_label.setBuddy(self.status)
        info.addWidget(status_label)
        info.addWidget(self.status)
        info.addSpacing(8)
        self.save_state = MutedLabel("", self.content)
        self.save_state.setWordWrap(False)
        self.save_state.setMinimumWidth(
            self.save_state.fontMetrics().horizontalAdvance(self.tr("Saving…")) + 12
        )
        head.addWidget(self.save_state)
        self.export_button = QPushButton(self.tr("E&xport PDF…"), self.content)
        self.export_button.clicked.connect(self._on_export_clicked)
        head.addWidget(self.export_button)
        cl.addLayout(head)

        purpose_label = QLabel(self.tr("&Purpose:"), self.content)
        self.purpose = QLineEdit(self.content)
        self.purpose.setPlaceholderText(self.tr("What is this 1on1 for today?"))
        self.purpose.setAccessibleName(self.tr("Purpose"))
        self.purpose.textEdited.connect(lambda _t: self._on_text_edited())
        purpose_label.setBuddy(self.purpose)
        info.addWidget(purpose_label)
        info.addWidget(self.purpose, 1)
        cl.addLayout(info)

        wants = QHBoxLayout()
        wants.setSpacing(8)
        #: Label before the choice of advise / think together / just listen.
        wants_label = QLabel(self.tr("They want me to:"), self.content)
        wants.addWidget(wants_label)
        self.wanted = _Choice(
            [
                (
                    WantedResponse.ADVISE,
                    labels.wanted_response_name(WantedResponse.ADVISE),
                    self.tr("They would like advice"),
                ),
                (
                    WantedResponse.THINK_TOGETHER,
                    labels.wanted_response_name(WantedResponse.THINK_TOGETHER),
                    self.tr("They would like to think it through together"),
                ),
                (
                    WantedResponse.JUST_LISTEN,
                    labels.wanted_response_name(WantedResponse.JUST_LISTEN),
                    self.tr("They would like to be listened to, without advice"),
                ),
            ],
            self.content,
        )
        self.wanted.chosen.connect(self._on_wanted_chosen)
        wants.addWidget(self.wanted)
        wants.addStretch(1)
        mood_label = QLabel(self.tr("Mood:"), self.content)
        wants.addWidget(mood_label)
        self.mood = _Choice([(m, str(m), labels.mood_name(m)) for m in range(1, 6)], self.content)
        self.mood.setAccessibleName(self.tr("Mood, 1 to 5"))
        self.mood.chosen.connect(self._on_mood_chosen)
        wants.addWidget(self.mood)
        cl.addLayout(wants)

        body = QSplitter(Qt.Orientation.Horizontal, self.content)
        body.setChildrenCollapsible(False)
        cl.addWidget(body, 1)

        left = QSplitter(Qt.Orientation.Vertical, body)
        left.setChildrenCollapsible(False)
        # Agenda.
        agenda = QWidget(left)
        al = QVBoxLayout(agenda)
        al.setContentsMargins(0, 0, 6, 0)
        al.setSpacing(6)
        al.addWidget(SectionTitle(self.tr("Agenda"), agenda))
        self.topics = TopicTreeModel(self)
        self.topics.state_toggled.connect(self._on_topic_toggled)
        self.topics.text_edited.connect(self._on_topic_text_edited)
        self.topic_view = HintTreeView(agenda)
        self.topic_view.empty_hint = self.tr(
            "No topics yet. Type one below (Ctrl+T) or pick from the question bank."
        )
        self.topic_view.setModel(self.topics)
        self.topic_view.setAccessibleName(self.tr("Agenda topics by theme"))
        self.topic_view.setHeaderHidden(True)
        self.topic_view.setRootIsDecorated(False)
        self.topic_view.setItemsExpandable(False)
        self.topic_view.setUniformRowHeights(True)
        self.topic_view.setEditTriggers(
            QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.DoubleClicked
        )
        self.topic_view.header().setStretchLastSection(False)
        self.topic_view.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.topic_view.header().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.topics.modelReset.connect(self.topic_view.expandAll)
        self.topics.rowsInserted.connect(lambda *_: self.topic_view.expandAll())
        al.addWidget(self.topic_view, 1)
        add_topic = QHBoxLayout()
        add_topic.setSpacing(6)
        self.topic_theme = QComboBox(agenda)
        for th in Theme:
            self.topic_theme.addItem(labels.theme_name(th), th)
        self.topic_theme.setAccessibleName(self.tr("Theme of the new topic"))
        self.topic_text = QLineEdit(agenda)
        self.topic_text.setPlaceholderText(self.tr("New topic (Ctrl+T), Enter to add"))
        self.topic_text.setAccessibleName(self.tr("New topic"))
        self.topic_text.returnPressed.connect(self._on_add_topic)
        self.bank_button = QPushButton(self.tr("&Question bank…"), agenda)
        self.bank_button.setToolTip(self.tr("Add topics from the question bank (Ctrl+Shift+T)"))
        self.bank_button.clicked.connect(self._on_question_bank)
        add_topic.addWidget(self.topic_theme)
        add_topic.addWidget(self.topic_text, 1)
        add_topic.addWidget(self.bank_button)
        al.addLayout(add_topic)
        left.addWidget(agenda)

        # Action items.
        acts = QWidget(left)
        xl = QVBoxLayout(acts)
        xl.setContentsMargins(0, 6, 6, 0)
        xl.setSpacing(6)
        xl.addWidget(SectionTitle(self.tr("Action items"), acts))
        self.actions_model = ActionsModel(self, editable=True)
        self.actions_model.done_toggled.connect(self._on_action_toggled)
        self.actions_model.text_edited.connect(self._on_action_text_edited)
        self.actions_model.field_edited.connect(self._on_action_field_edited)
        self.action_view = HintTableView(acts)
        self.action_view.empty_hint = self.tr(
            "No action items. Add the next steps you agree on below."
        )
        self.action_view.setModel(self.actions_model)
        self.action_view.setAccessibleName(self.tr("Action items"))
        self._setup_table(self.action_view)
        self.action_view.setItemDelegate(
            ActionItemDelegate(ActionsModel.OWNER, ActionsModel.DUE, self.action_view)
        )
        self.action_view.setEditTriggers(
            QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.DoubleClicked
        )
        hh = self.action_view.horizontalHeader()
        hh.setSectionResizeMode(ActionsModel.TEXT, QHeaderView.ResizeMode.Stretch)
        for col in (ActionsModel.DONE, ActionsModel.OWNER, ActionsModel.DUE, ActionsModel.ORIGIN):
            hh.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        xl.addWidget(self.action_view, 1)
        add_action = QHBoxLayout()
        add_action.setSpacing(6)
        self.action_owner = QComboBox(acts)
        for ow in Owner:
            self.action_owner.addItem(labels.owner_name(ow), ow)
        self.action_owner.setAccessibleName(self.tr("Owner of the new action item"))
        self.action_text = QLineEdit(acts)
        self.action_text.setPlaceholderText(self.tr("New action item (Ctrl+Shift+A), Enter to add"))
        self.action_text.setAccessibleName(self.tr("New action item"))
        self.action_text.returnPressed.connect(self._on_add_action)
        self.action_due = QDateEdit(acts)
        self.action_due.setCalendarPopup(True)
        self.action_due.setDisplayFormat("yyyy-MM-dd")
        self.action_due.setMinimumDate(QDate(2000, 1, 1))
        #: Shown in the due-date field of a new action item when no date is chosen.
        self.action_due.setSpecialValueText(self.tr("No due date"))
        self.action_due.setDate(self.action_due.minimumDate())
        self.action_due.setAccessibleName(self.tr("Due date of the new action item"))
        add_action.addWidget(self.action_owner)
        add_action.addWidget(self.action_text, 1)
        add_action.addWidget(self.action_due)
        xl.addLayout(add_action)
        left.addWidget(acts)
        body.addWidget(left)

        right = QSplitter(Qt.Orientation.Vertical, body)
        right.setChildrenCollapsible(False)
        shared = QWidget(right)
        shl = QVBoxLayout(shared)
        shl.setContentsMargins(6, 0, 0, 6)
        shl.setSpacing(6)
        shared_label = SectionTitle(self.tr("&Shared notes"), shared)
        shl.addWidget(shared_label)
        self.shared = NotesEdit(shared)
        self.shared.setObjectName("sharedNotesEdit")
        self.shared.setAccessibleName(self.tr("Shared notes"))
        self.shared.setPlaceholderText(self.tr("What you talked about — fine to show them."))
        self.shared.edited.connect(self._on_text_edited)
        shared_label.setBuddy(self.shared)
        shl.addWidget(self.shared, 1)
        right.addWidget(shared)
        self.private_panel = PrivateNotesPanel(right)
        self.private = self.private_panel.editor
        self.private.edited.connect(self._on_text_edited)
        right.addWidget(self.private_panel)
        self.private_hidden = MutedLabel(
            self.tr("Private notes are hidden in privacy mode."), right
        )
        self.private_hidden.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.private_hidden.hide()
        right.addWidget(self.private_hidden)
        body.addWidget(right)
        body.setStretchFactor(0, 1)
        body.setStretchFactor(1, 1)
        left.setStretchFactor(0, 1)
        left.setStretchFactor(1, 1)
        right.setStretchFactor(0, 3)
        right.setStretchFactor(1, 2)

        self.splitter.addWidget(main)
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

    @staticmethod
    def _setup_table(view: QTableView) -> None:
        style_table(view, editable=True)

    def _build_actions(self) -> None:
        def act(
            text: str,
            keys: Any,
            slot: Callable[[], None],
            widget: QWidget | None = None,
            context: Qt.ShortcutContext = Qt.ShortcutContext.WidgetWithChildrenShortcut,
        ) -> QAction:
            a = QAction(text, widget or self)
            a.setShortcut(QKeySequence(keys))
            a.setShortcutContext(context)
            a.triggered.connect(slot)
            (widget or self).addAction(a)
            return a

        self.add_topic_action = act(self.tr("Add topic"), "Ctrl+T", self._focus_topic_entry)
        self.bank_action = act(
            self.tr("Add from question bank"), "Ctrl+Shift+T", self._on_question_bank
        )
        self.add_action_action = act(
            self.tr("Add action item"), "Ctrl+Shift+A", self._focus_action_entry
        )
        self.toggle_action = act(
            self.tr("Toggle done / discussed"), "Ctrl+D", self._on_toggle_current
        )
        self.delete_topic_action = act(
            self.tr("Delete topic"),
            QKeySequence.StandardKey.Delete,
            self._on_delete_topic,
            self.topic_view,
            Qt.ShortcutContext.WidgetShortcut,
        )
        self.delete_action_action = act(
            self.tr("Delete action item"),
            QKeySequence.StandardKey.Delete,
            self._on_delete_action,
            self.action_view,
            Qt.ShortcutContext.WidgetShortcut,
        )
        # Mouse users find the same commands on the lists' context menus.
        for view in (self.topic_view, self.action_view):
            view.addAction(self.toggle_action)  # the delete action is already on each view
            view.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        # A topic can move to another theme (the agenda regroups at once).
        self.theme_menu = QMenu(self.tr("Move to theme"), self)
        for theme in Theme:
            a = self.theme_menu.addAction(labels.theme_name(theme))
            a.triggered.connect(lambda _checked=False, th=theme: self._on_move_topic(th))
        self.topic_view.addAction(self.theme_menu.menuAction())
        self.prev_action = act(
            self.tr("Previous meeting"), "Ctrl+PgDown", lambda: self._step_meeting(+1)
        )
        self.next_action = act(self.tr("Next meeting"), "Ctrl+PgUp", lambda: self._step_meeting(-1))
        # Structured undo: text fields keep their own Ctrl+Z (they take the shortcut first
        # while focused); elsewhere on the page Ctrl+Z undoes topic/action/mood/status changes.
        self.undo_action = self.undo_stack.createUndoAction(self, self.tr("Undo"))
        self.undo_action.setShortcut(QKeySequence.StandardKey.Undo)
        self.undo_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.addAction(self.undo_action)
        self.redo_action = self.undo_stack.createRedoAction(self, self.tr("Redo"))
        self.redo_action.setShortcut(QKeySequence.StandardKey.Redo)
        self.redo_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.addAction(self.redo_action)

    def _show_empty(self, empty: bool) -> None:
        self.content.setVisible(not empty)
        self.empty_label.setVisible(empty)

    # -- the page protocol ------------------------------------------------------------------

    def set_privacy(self, on: bool) -> None:
        """Privacy mode hides the private notes: saved first, then taken out of the editor."""
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
            self.mood.set_value(m.mood)
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

    def _select_history_row(self, meeting_id: int) -> None:
        row = self.history.row_of(meeting_id)
        while row < 0 and self.history.canFetchMore():
            self.history.fetchMore()
            row = self.history.row_of(meeting_id)
        if row >= 0:
            self._loading = True
            try:
                self.history_view.selectionModel().setCurrentIndex(
                    self.history.index(row, 0),
                    QItemSelectionModel.SelectionFlag.ClearAndSelect
                    | QItemSelectionModel.SelectionFlag.Rows,
                )
                self.history_view.scrollTo(self.history.index(row, 0))
            finally:
                self._loading = False

    def _on_history_current(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if self._loading or not current.isValid():
            return
        m = current.data(OBJECT_ROLE)
        if m is not None and (self._meeting is None or m.id != self._meeting.id):
            self.open_meeting(m.id)

    def _step_meeting(self, delta: int) -> None:
        row = self.history_view.currentIndex().row() + delta
        if row >= self.history.rowCount() and self.history.canFetchMore():
            self.history.fetchMore()
        if 0 <= row < self.history.rowCount():
            self.history_view.setCurrentIndex(self.history.index(row, 0))

    def _on_new_clicked(self) -> None:
        # The main window creates the meeting (carry-over applied) and navigates to it.
        if self._person is not None:
            self.flush()
            self.ctx.events.new_meeting.emit(self._person.id)

    # -- reveal a search hit ----------------------------------------------------------------

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
            self.save_state.setText(self.tr("Saved"))
        elif state == "saving":
            self.save_state.setText(self.tr("Saving…"))
        else:
            self.save_state.setText(self.tr("Editing…"))

    def _show_save_error(self, exc: BaseException) -> None:
        from taiwa.ui import ops

        self.save_state.setText(self.tr("Not saved"))
        ops.show_error(self, exc)

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

    def _on_mood_chosen(self, mood: int | None) -> None:
        if self._meeting is None:
            return
        old = self._meeting.mood

        def apply(value: int | None) -> Callable[[], None]:
            def go() -> None:
                self._update_meeting_field(mood=value)
                self.mood.set_value(value)

            return go

        self._push(self.tr("Change mood"), apply(mood), apply(old))
        self.mood.set_value(self._meeting.mood)

    def _on_wanted_chosen(self, value: WantedResponse | None) -> None:
        if self._meeting is None:
            return
        old = self._meeting.wanted_response

        def apply(v: Any) -> Callable[[], None]:
            def go() -> None:
                self._update_meeting_field(wanted_response=None if v is None else str(v))
                self.wanted.set_value(None if v is None else WantedResponse(v))

            return go

        self._push(self.tr("Change what they want"), apply(value), apply(old))

    def _on_status_activated(self, index: int) -> None:
        if self._meeting is None:
            return
        new = list(MeetingStatus)[index]
        old = MeetingStatus(self._meeting.status)
        if new == old:
            return

        def apply(v: MeetingStatus) -> Callable[[], None]:
            def go() -> None:
                self._update_meeting_field(status=v.value)
                self.status.setCurrentIndex(list(MeetingStatus).index(v))

            return go

        self._push(self.tr("Change status"), apply(new), apply(old))

    def _on_when_edited(self) -> None:
        if self._meeting is None or self._loading:
            return
        qdt = self.when.dateTime()
        d, t = qdt.date(), qdt.time()
        new = (
            datetime(d.year(), d.month(), d.day(), t.hour(), t.minute())
            .astimezone()
            .astimezone(UTC)
        )
        old = self._meeting.starts_at
        if abs((new - old).total_seconds()) < 60:
            return

        def apply(v: datetime) -> Callable[[], None]:
            def go() -> None:
                self._update_meeting_field(starts_at=v)
                local = v.astimezone()
                self._loading = True
                try:
                    self.when.setDateTime(
                        QDateTime(
                            QDate(local.year, local.month, local.day),
                            QTime(local.hour, local.minute),
                        )
                    )
                finally:
                    self._loading = False

            return go

        self._push(self.tr("Change date"), apply(new), apply(old))

    # topics

    def _focus_topic_entry(self) -> None:
        if self._meeting is not None:
            self.topic_text.setFocus()

    def _focus_action_entry(self) -> None:
        if self._meeting is not None:
            self.action_text.setFocus()

    def add_topic(self, theme: Theme, text: str) -> bool:
        """Add a topic to the open meeting (undoable); False when it was not added."""
        text = text.strip()
        if self._meeting is None or not text:
            return False
        mid = self._meeting.id
        state: dict[str, int] = {}

        def do() -> None:
            t = self.ctx.store.topics.add(mid, theme, text)
            if "id" in state:
                self._recreated("topic", state["id"], t.id)
            else:
                state["id"] = t.id
            idx = self.topics.add_topic(t)
            self.topic_view.expandAll()
            self.topic_view.setCurrentIndex(idx)

        def undo() -> None:
            tid = self._real("topic", state["id"])
            self.ctx.store.topics.delete(tid)
            self.topics.remove_topic(tid)

        if not self._push(self.tr("Add topic"), do, undo):
            return False
        self._changed()
        return True

    def _on_add_topic(self) -> None:
        text = self.topic_text.text()
        # A refused topic stays in the field (and its draft), so the text is not lost.
        if text.strip() and self.add_topic(self.topic_theme.currentData(), text):
            self.topic_text.clear()
            self._drafts.flush()  # the draft goes with the text: it is a topic now

    def _on_question_bank(self) -> None:
        if self._meeting is None:
            return
        dlg = QuestionBankDialog(self.ctx, self)
        if dlg.exec() == QDialog.DialogCode.Accepted:
            for theme, text in dlg.chosen():
                self.add_topic(theme, text)

    def _topic(self, tid: int) -> Any:
        idx = self.topics.topic_index(tid)
        return idx.data(OBJECT_ROLE) if idx.isValid() else None

    def _on_topic_toggled(self, topic_id: int, discussed: bool) -> None:
        t = self._topic(topic_id)
        if t is None:
            return
        old_state = TopicState(t.state)
        new_state = (
            TopicState.DISCUSSED
            if discussed
            else (TopicState.OPEN if old_state == TopicState.DISCUSSED else old_state)
        )
        if new_state == old_state:
            new_state = TopicState.OPEN

        def apply(state: TopicState) -> Callable[[], None]:
            def go() -> None:
                tid = self._real("topic", topic_id)
                self.topics.update_topic(self.ctx.store.topics.set_state(tid, state))

            return go

        self._push(self.tr("Mark topic"), apply(new_state), apply(old_state))
        self._changed()

    def _on_topic_text_edited(self, topic_id: int, text: str) -> None:
        t = self._topic(topic_id)
        if t is None:
            return
        old = t.text

        def apply(value: str) -> Callable[[], None]:
            def go() -> None:
                tid = self._real("topic", topic_id)
                self.topics.update_topic(self.ctx.store.topics.update(tid, text=value))

            return go

        self._push(self.tr("Edit topic"), apply(text), apply(old))

    def _on_move_topic(self, theme: Theme) -> None:
        idx = self.topic_view.currentIndex()
        t = idx.sibling(idx.row(), 0).data(OBJECT_ROLE) if idx.isValid() else None
        if t is None or isinstance(t, Theme) or Theme(t.theme) == theme:
            return
        old = Theme(t.theme)

        def apply(th: Theme) -> Callable[[], None]:
            def go() -> None:
                tid = self._real("topic", t.id)
                self.topics.update_topic(self.ctx.store.topics.update(tid, theme=th))
                self.topic_view.expandAll()
                self.topic_view.setCurrentIndex(self.topics.topic_index(tid))

            return go

        self._push(self.tr("Move topic"), apply(theme), apply(old))
        self._changed()

    def _on_delete_topic(self) -> None:
        idx = self.topic_view.currentIndex()
        t = idx.sibling(idx.row(), 0).data(OBJECT_ROLE) if idx.isValid() else None
        if t is None or isinstance(t, Theme):
            return
        mid = self._meeting.id
        state = {"id": t.id}

        def do() -> None:
            tid = self._real("topic", state["id"])
            self.ctx.store.topics.delete(tid)
            self.topics.remove_topic(tid)

        def undo() -> None:
            new = self.ctx.store.topics.add(
                mid, t.theme, t.text, raised_by=t.raised_by, state=t.state
            )
            self._recreated("topic", state["id"], new.id)
            self.topics.add_topic(new)
            self.topic_view.expandAll()

        self._push(self.tr("Delete topic"), do, undo)
        self._changed()

    # actions

    def add_action_item(self, owner: Owner, text: str, due: date | None = None) -> bool:
        """Add an action item agreed in the open meeting (undoable); False when it was not."""
        text = text.strip()
        if self._meeting is None or not text:
            return False
        mid, pid = self._meeting.id, self._meeting.person_id
        state: dict[str, int] = {}

        def do() -> None:
            a = self.ctx.store.actions.add(pid, owner, text, meeting_id=mid, due_on=due)
            if "id" in state:
                self._recreated("action", state["id"], a.id)
            else:
                state["id"] = a.id
            self.actions_model.insert_row(a)

        def undo() -> None:
            aid = self._real("action", state["id"])
            self.ctx.store.actions.delete(aid)
            self.actions_model.remove_id(aid)

        if not self._push(self.tr("Add action item"), do, undo):
            return False
        self._changed()
        return True

    def _on_add_action(self) -> None:
        text = self.action_text.text()
        if not text.strip():
            return
        qd = self.action_due.date()
        due = None if qd == self.action_due.minimumDate() else date(qd.year(), qd.month(), qd.day())
        if not self.add_action_item(self.action_owner.currentData(), text, due):
            return  # refused: the text stays in the field (and its draft)
        self.action_text.clear()
        self.action_due.setDate(self.action_due.minimumDate())
        self._drafts.flush()

    def _on_action_toggled(self, action_id: int, done: bool) -> None:
        def apply(value: bool) -> Callable[[], None]:
            def go() -> None:
                aid = self._real("action", action_id)
                store = self.ctx.store.actions
                a = store.set_done(aid) if value else store.reopen(aid)
                self.actions_model.update_row(a)

            return go

        self._push(
            self.tr("Mark action item done") if done else self.tr("Reopen action item"),
            apply(done),
            apply(not done),
        )
        self._changed()

    def _on_action_text_edited(self, action_id: int, text: str) -> None:
        row = self.actions_model.row_of(action_id)
        if row < 0:
            return
        old = self.actions_model.object_at(row).text

        def apply(value: str) -> Callable[[], None]:
            def go() -> None:
                aid = self._real("action", action_id)
                self.actions_model.update_row(self.ctx.store.actions.update(aid, text=value))

            return go

        self._push(self.tr("Edit action item"), apply(text), apply(old))

    def _on_action_field_edited(self, action_id: int, field: str, value: Any) -> None:
        row = self.actions_model.row_of(action_id)
        if row < 0:
            return
        old = getattr(self.actions_model.object_at(row), field)

        def apply(v: Any) -> Callable[[], None]:
            def go() -> None:
                aid = self._real("action", action_id)
                a = self.ctx.store.actions.update(aid, **{field: v})
                self.actions_model.update_row(a)

            return go

        text = self.tr("Change owner") if field == "owner" else self.tr("Change due date")
        self._push(text, apply(value), apply(old))
        self._changed()

    def _on_delete_action(self) -> None:
        idx = self.action_view.currentIndex()
        a = self.actions_model.object_at(idx.row()) if idx.isValid() else None
        if a is None:
            return
        state = {"id": a.id}

        def do() -> None:
            aid = self._real("action", state["id"])
            self.ctx.store.actions.delete(aid)
            self.actions_model.remove_id(aid)

        def undo() -> None:
            store = self.ctx.store.actions
            new = store.add(a.person_id, a.owner, a.text, meeting_id=a.meeting_id, due_on=a.due_on)
            if a.done_on is not None:
                new = store.set_done(new.id, a.done_on)
            self._recreated("action", state["id"], new.id)
            self.actions_model.insert_row(new, idx.row())

        self._push(self.tr("Delete action item"), do, undo)
        self._changed()

    def _on_toggle_current(self) -> None:
        """Ctrl+D: toggle the focused list's current item (topic discussed / action done)."""
        if self.topic_view.hasFocus() or (
            self._last_list == "topic" and not self.action_view.hasFocus()
        ):
            idx = self.topic_view.currentIndex()
            t = idx.sibling(idx.row(), 0).data(OBJECT_ROLE) if idx.isValid() else None
            if t is not None and not isinstance(t, Theme):
                self._on_topic_toggled(t.id, t.state != TopicState.DISCUSSED)
            return
        idx = self.action_view.currentIndex()
        a = self.actions_model.object_at(idx.row()) if idx.isValid() else None
        if a is not None:
            self._on_action_toggled(a.id, a.done_on is None)

    # -- export -----------------------------------------------------------------------------

    def _on_export_clicked(self) -> None:
        if self._meeting is None:
            return
        self.flush()
        # The window opens the export dialog (imported lazily: reportlab is heavy).
        self.ctx.events.export_requested.emit(int(self._meeting.id), int(self._meeting.person_id))


def _topic_order(t: Any) -> tuple[int, int, int]:
    return (list(Theme).index(Theme(t.theme)), t.position, t.id)


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
        import dataclasses

        names = {f.name for f in dataclasses.fields(current)}
        values = {n: getattr(meeting, n) for n in names if hasattr(meeting, n)}
        if "topic_count" in names:
            values["topic_count"] = len(meeting.topics)
        if "action_count" in names:
            values["action_count"] = len(meeting.own_actions)
        return dataclasses.replace(current, **values)
    except (TypeError, ValueError):
        return current


def page_shortcut_rows() -> list[tuple[str, str]]:
    """(What it does, keys) for the pages' own shortcuts, for the shortcuts help."""
    from PySide6.QtCore import QCoreApplication

    native = QKeySequence.SequenceFormat.NativeText

    def keys(*seqs: str | QKeySequence.StandardKey) -> str:
        return " / ".join(QKeySequence(s).toString(native) for s in seqs)

    return [
        (QCoreApplication.translate("Shortcuts", "Meeting: add a topic"), keys("Ctrl+T")),
        (
            QCoreApplication.translate("Shortcuts", "Meeting: add topics from the question bank"),
            keys("Ctrl+Shift+T"),
        ),
        (
            QCoreApplication.translate("Shortcuts", "Meeting: add an action item"),
            keys("Ctrl+Shift+A"),
        ),
        (
            QCoreApplication.translate("Shortcuts", "Meeting: toggle discussed / done"),
            keys("Ctrl+D"),
        ),
        (
            QCoreApplication.translate(
                "Shortcuts", "Meeting: delete the selected topic or action item"
            ),
            keys("Del"),
        ),
        (
            QCoreApplication.translate(
                "Shortcuts", "Meeting: edit the selected topic or action item"
            ),
            keys("F2"),
        ),
        (
            QCoreApplication.translate("Shortcuts", "Meeting: previous / next meeting"),
            keys("Ctrl+PgDown", "Ctrl+PgUp"),
        ),
        (
            QCoreApplication.translate(
                "Shortcuts", "Meeting: undo / redo a topic, action, mood or status change"
            ),
            keys(QKeySequence.StandardKey.Undo, QKeySequence.StandardKey.Redo),
        ),
        (QCoreApplication.translate("Shortcuts", "People: add a person"), keys("Ctrl+Shift+N")),
        (
            QCoreApplication.translate("Shortcuts", "People / search: from the field to the list"),
            keys("Down"),
        ),
    ]
