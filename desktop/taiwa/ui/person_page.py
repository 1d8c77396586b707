"""One person: profile and career goals, the running log of meetings, open action items, the
balance of themes over the last twelve months and the mood trend.

The meeting log is lazy (:class:`~taiwa.ui.models.MeetingHistoryModel` fetches pages of rows as
the list scrolls), so a person with hundreds of meetings opens without a pause. Career goals
autosave while typing, like the meeting editor's notes (and, like them, are kept as a draft in
the vault while their autosave fails: :mod:`taiwa.ui.drafts`).

Privacy mode: this page shows only the person who is open and never private notes, so it stays
as it is (it is the "currently opened person" the other pages fall back to).
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from PySide6.QtCore import QModelIndex, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence, QResizeEvent
from PySide6.QtWidgets import (
    QBoxLayout,
    QDialog,
    QGridLayout,
    QHeaderView,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from taiwa.domain.drafts import person_key
from taiwa.errors import TaiwaError
from taiwa.ui import window_size
from taiwa.ui.drafts import DraftKeeper
from taiwa.ui.meeting_editor import history_source, set_shown_person, take_person_reveal
from taiwa.ui.models import OBJECT_ROLE, ActionsModel, MeetingHistoryModel
from taiwa.ui.pages import Page
from taiwa.ui.to_confirm import ConfirmActions
from taiwa.ui.widgets import labels
from taiwa.ui.widgets.autosave import AutoSaver
from taiwa.ui.widgets.charts import MoodChart, ThemeBalanceBars
from taiwa.ui.widgets.chips import Card, MutedLabel, PageTitle
from taiwa.ui.widgets.delegates import ActionItemDelegate
from taiwa.ui.widgets.notes import NotesEdit
from taiwa.ui.widgets.tables import HintTableView, style_table


def _table(view: QTableView) -> None:
    style_table(view, editable=True)


class PersonPage(Page):
    """The person page (see the module docstring)."""

    nav_key = "person"

    def __init__(self, ctx: Any, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self._person: Any = None
        self._privacy = False
        self._loading = False
        self._stale = False
        self._own_change = False
        self._saver = AutoSaver(self, self._goals_snapshot, self._save_goals)
        self._saver.failed.connect(self._on_goals_failed)
        self._saver.saved.connect(self._on_goals_saved)
        self._save_failed = False
        self._build()
        self._drafts = DraftKeeper(self, ctx)
        self._drafts.watch(
            self.goals,
            lambda: None if self._person is None else person_key(self._person.id, "career_goals"),
            saved=lambda: "" if self._person is None else self._person.career_goals,
            covered=lambda: not self._save_failed,
        )
        self._refresh_timer = QTimer(self, singleShot=True, interval=0)
        self._refresh_timer.timeout.connect(self.refresh)
        ctx.events.data_changed.connect(self._on_data_changed)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._place_buttons()

    def _place_buttons(self) -> None:
        """Buttons beside the name, else below it in one row, else in two (a large zoom)."""
        room = self.width() - 56  # the page's side margins
        widths = [b.sizeHint().width() + 8 for b in self._head_buttons]
        beside = self.title.sizeHint().width() + 8 + sum(widths) <= room
        columns = len(widths) if beside or sum(widths) <= room else 2
        direction = QBoxLayout.Direction.LeftToRight if beside else QBoxLayout.Direction.TopToBottom
        if self._head.direction() != direction:
            self._head.setDirection(direction)
        if self._buttons.itemAtPosition(0, columns - 1) is None or (
            self._buttons.itemAtPosition(1, 0) is not None
        ) != (columns < len(widths)):
            for i, button in enumerate(self._head_buttons):
                self._buttons.removeWidget(button)
                self._buttons.addWidget(
                    button, i // columns, i % columns, Qt.AlignmentFlag.AlignTop
                )

    def _build(self) -> None:
        lay = QVBoxLayout(self)
        lay.setContentsMargins(28, 22, 28, 22)
        lay.setSpacing(14)
        # The buttons sit beside the name, or below it when both do not fit (a large zoom).
        self._head = head = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        head.setSpacing(8)
        self._buttons = buttons = QGridLayout()
        buttons.setSpacing(8)
        titles = QVBoxLayout()
        titles.setSpacing(4)
        self.title = PageTitle("", self)
        self.facts = MutedLabel("", self)
        titles.addWidget(self.title)
        titles.addWidget(self.facts)
        head.addLayout(titles, 1)
        self.new_button = QPushButton(self.tr("&New meeting"), self)
        self.new_button.setObjectName("primary")
        self.new_button.setToolTip(
            self.tr("Start a meeting now; open topics and action items are carried over")
        )
        self.new_button.clicked.connect(self._on_new_meeting)
        self.edit_button = QPushButton(self.tr("&Edit profile…"), self)
        self.edit_button.clicked.connect(self.edit_profile)
        self.export_button = QPushButton(self.tr("E&xport PDF…"), self)
        self.export_button.clicked.connect(self._on_export)
        self.prep_button = QPushButton(self.tr("Pre&pare 1on1…"), self)
        self.prep_button.setToolTip(self.tr("Prep facts, a sheet for the report, and the recap"))
        self.prep_button.clicked.connect(self._on_prep)
        self._head_buttons = (
            self.new_button,
            self.edit_button,
            self.export_button,
            self.prep_button,
        )
        for column, button in enumerate(self._head_buttons):
            buttons.addWidget(button, 0, column, Qt.AlignmentFlag.AlignTop)
        buttons.setColumnStretch(len(self._head_buttons), 1)  # below the name: to the left
        head.addLayout(buttons)
        lay.addLayout(head)

        split = QSplitter(Qt.Orientation.Horizontal, self)
        split.setChildrenCollapsible(False)
        lay.addWidget(split, 1)

        left = QWidget(split)
        ll = QVBoxLayout(left)
        ll.setContentsMargins(0, 0, 8, 0)
        ll.setSpacing(14)
        self.log_card = Card(self.tr("Meetings"), left)
        self.history = MeetingHistoryModel(self)
        self.history_view = HintTableView(self.log_card)
        self.history_view.empty_hint = self.tr("No meetings yet. Start one with New meeting.")
        self.history_view.setModel(self.history)
        self.history_view.setAccessibleName(self.tr("Meetings, newest first"))
        _table(self.history_view)
        hh = self.history_view.horizontalHeader()
        for col in range(self.history.columnCount()):
            hh.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        hh.setSectionResizeMode(MeetingHistoryModel.PURPOSE, QHeaderView.ResizeMode.Stretch)
        self.history_view.activated.connect(self._on_meeting_activated)
        self.history_view.doubleClicked.connect(self._on_meeting_activated)
        # Past calendar 1on1s shown "To confirm": H, C, S or the context menu, as on the dashboard.
        self.confirm_actions = ConfirmActions(self.ctx, self.history_view)
        self.log_card.body().addWidget(self.history_view, 1)
        ll.addWidget(self.log_card, 3)

        self.goals_card = Card(self.tr("Career goals"), left)
        self.goals = NotesEdit(self.goals_card)
        self.goals.setObjectName("careerGoalsEdit")
        self.goals.setAccessibleName(self.tr("Career goals"))
        self.goals.setPlaceholderText(
            self.tr("Where do they want to be in a few years? What do they want to learn?")
        )
        self.goals.setFixedHeight(self.goals.fontMetrics().height() * 4 + 20)
        self.goals.edited.connect(self._on_goals_edited)
        self.goals_card.body().addWidget(self.goals)
        ll.addWidget(self.goals_card, 0)
        split.addWidget(left)

        right = QWidget()
        rl = QVBoxLayout(right)
        rl.setContentsMargins(8, 0, 0, 0)
        rl.setSpacing(14)
        self.mood_card = mood_card = Card(self.tr("Mood trend"), right)
        self.mood_chart = MoodChart(mood_card)
        mood_card.body().addWidget(self.mood_chart)
        rl.addWidget(mood_card)
        theme_card = Card(self.tr("Themes, last 12 months"), right)
        self.theme_bars = ThemeBalanceBars(theme_card)
        theme_card.body().addWidget(self.theme_bars)
        self.theme_hint = MutedLabel("", theme_card)
        theme_card.body().addWidget(self.theme_hint)
        rl.addWidget(theme_card)
        self.actions_card = Card(self.tr("Open action items"), right)
        self.actions_model = ActionsModel(self, editable=True)
        self.actions_model.done_toggled.connect(self._on_action_toggled)
        self.actions_model.text_edited.connect(self._on_action_text_edited)
        self.actions_model.field_edited.connect(self._on_action_field_edited)
        self.action_view = HintTableView(self.actions_card)
        self.action_view.empty_hint = self.tr("No open action items.")
        self.action_view.setModel(self.actions_model)
        self.action_view.setAccessibleName(self.tr("Open action items"))
        _table(self.action_view)
        self.action_view.setItemDelegate(
            ActionItemDelegate(ActionsModel.OWNER, ActionsModel.DUE, self.action_view)
        )
        self.action_view.setColumnHidden(ActionsModel.ORIGIN, True)
        ah = self.action_view.horizontalHeader()
        ah.setSectionResizeMode(ActionsModel.TEXT, QHeaderView.ResizeMode.Stretch)
        for col in (ActionsModel.DONE, ActionsModel.OWNER, ActionsModel.DUE):
            ah.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        self.actions_card.body().addWidget(self.action_view, 1)
        rl.addWidget(self.actions_card, 1)
        # The cards scroll rather than squeeze each other at a large text zoom. Tab goes to
        # the cards' own controls (and scrolls them into view), not to the scroll area.
        cards = window_size.scrolling(right)
        cards.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        split.addWidget(cards)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)

        toggle = QAction(self.tr("Toggle done"), self.action_view)
        toggle.setShortcut(QKeySequence("Ctrl+D"))
        toggle.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        toggle.triggered.connect(self._on_toggle_current)
        self.action_view.addAction(toggle)
        delete = QAction(self.tr("&Delete action item for good…"), self.action_view)
        delete.setShortcut(QKeySequence("Shift+Del"))
        delete.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        delete.triggered.connect(self._on_delete_current_action)
        self.action_view.addAction(delete)
        self.action_view.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        pairs: list[tuple[QWidget, QWidget]] = [
            (self.new_button, self.edit_button),
            (self.edit_button, self.export_button),
            (self.export_button, self.history_view),
            (self.history_view, self.goals),
            (self.goals, self.action_view),
        ]
        for a, b in pairs:
            QWidget.setTabOrder(a, b)

    # -- the page protocol ------------------------------------------------------------------

    def set_privacy(self, on: bool) -> None:
        """Privacy mode: the mood is private — no column, tooltip or trend chart of it."""
        on = bool(on)
        if on == self._privacy:
            return
        self._privacy = on
        self.history.set_mood_hidden(on)
        self.history_view.setColumnHidden(MeetingHistoryModel.MOOD, on)
        self.mood_card.setVisible(not on)
        if on:
            self.mood_chart.clear()
        elif self._person is not None:
            self.mood_chart.set_points(self.ctx.store.reports.mood_series(self._person.id))

    def flush(self) -> None:
        if self._person is not None:
            try:
                self._saver.flush()
            except TaiwaError as exc:
                self._on_goals_failed(exc)
            self._drafts.flush()

    def clear(self) -> None:
        self._saver.discard()
        self._person = None
        self._loading = True
        try:
            self.goals.set_text("")
        finally:
            self._loading = False
        self.title.clear()
        self.facts.clear()
        self.theme_hint.clear()
        self.history.clear()
        self.actions_model.clear()
        self.mood_chart.clear()
        self.theme_bars.clear()
        self._save_failed = False
        self._drafts.discard()

    def refresh(self) -> None:
        self._stale = False
        if self._person is not None:
            self.show_person(self._person.id, force=True)

    def current_person_id(self) -> int:
        return 0 if self._person is None else int(self._person.id)

    def focus_main(self) -> None:
        """Opening the page lands in the meetings list (Enter opens the current one)."""
        self.history_view.setFocus(Qt.FocusReason.ShortcutFocusReason)
        if not self.history_view.currentIndex().isValid() and self.history.rowCount():
            self.history_view.setCurrentIndex(self.history.index(0, 0))

    # -- showing a person -------------------------------------------------------------------

    def show_person(self, person_id: int, *, force: bool = False) -> None:
        """Load the person (first page of meetings only; the rest as the list scrolls)."""
        if not force and self._person is not None and self._person.id == person_id:
            force = self._stale
        if not force and self._person is not None and self._person.id == person_id:
            self._apply_reveal()
            return
        self.flush()
        self._stale = False
        store = self.ctx.store
        try:
            person = store.people.get(person_id)
        except TaiwaError:
            self.clear()
            return
        same = self._person is not None and self._person.id == person.id
        self._person = person
        set_shown_person(self.ctx, person.id)
        self._fill_profile(person, keep_goals=same)
        fetch, total = history_source(store, person.id)
        self.history.set_source(fetch, total)
        self.log_card.title.setText(self.tr("Meetings (%1)").replace("%1", str(total)))
        self.actions_model.today = date.today()
        self.actions_model.set_rows(store.actions.open_actions(person_id=person.id))
        if not self._privacy:  # the mood is private
            self.mood_chart.set_points(store.reports.mood_series(person.id))
        today = date.today()
        counts = store.reports.theme_balance(person.id, today - timedelta(days=365), today)
        self.theme_bars.set_counts(counts)
        self.theme_hint.setText(self._balance_hint(counts))
        self._apply_reveal()

    def _apply_reveal(self) -> None:
        """Select the text a search hit pointed at (career goals)."""
        if self._person is None:
            return
        needle = take_person_reveal(self.ctx, self._person.id)
        if not needle:
            return
        cursor = self.goals.document().find(needle, 0)
        self.goals.setFocus()
        if not cursor.isNull():
            self.goals.setTextCursor(cursor)
            self.goals.ensureCursorVisible()

    def _fill_profile(self, p: Any, *, keep_goals: bool) -> None:
        self.title.setText(p.name)
        self._place_buttons()
        facts = [x for x in (p.role, p.team) if x]
        if p.archived:
            #: First fact on the page of an archived person (off the dashboard, kept).
            facts.insert(0, self.tr("Archived"))
        if p.started_on:
            facts.append(self.tr("since %1").replace("%1", labels.format_date(p.started_on)))
        facts.append(self.tr("1on1 every %1 days").replace("%1", str(p.cadence_days)))
        facts.extend(p.emails)
        self.facts.setText("  ·  ".join(facts))
        if not (keep_goals and self._saver.dirty) and self.goals.text() != p.career_goals:
            self._loading = True
            try:
                self.goals.set_text(p.career_goals)
            finally:
                self._loading = False

    def _balance_hint(self, counts: dict[Any, int]) -> str:
        total = sum(counts.values())
        if total == 0:
            return self.tr("No topics in the last twelve months.")
        from taiwa.domain.models import Theme

        if counts.get(Theme.CAREER, 0) == 0:
            return self.tr("No career topic in twelve months — worth raising next time.")
        top = max(counts, key=lambda k: counts[k])
        share = counts[top] / total
        if share >= 0.6:
            return (
                self.tr("Mostly %1 topics (%2 %). Balance with growth and career?")
                .replace("%1", labels.theme_name(Theme(top)))
                .replace("%2", str(round(share * 100)))
            )
        return self.tr("%1 topics in twelve months.").replace("%1", str(total))

    # -- behaviour --------------------------------------------------------------------------

    def _on_data_changed(self) -> None:
        if self._own_change:  # this page's own write: it already shows the result
            self._own_change = False
            return
        if self._person is None:
            return
        if self.isVisible():
            self._refresh_timer.start()
        else:
            self._stale = True

    def showEvent(self, event: Any) -> None:
        super().showEvent(event)
        # Deferred: the window usually calls show_person() right after showing the page.
        if self._stale:
            QTimer.singleShot(0, self, self._refresh_if_stale)

    def _refresh_if_stale(self) -> None:
        if self._stale and self._person is not None and self.ctx.is_unlocked:
            self.show_person(self._person.id, force=True)

    def _on_meeting_activated(self, index: QModelIndex) -> None:
        m = index.sibling(index.row(), 0).data(OBJECT_ROLE)
        if m is not None:
            self.flush()
            self.ctx.events.open_meeting.emit(int(m.id))

    def _on_new_meeting(self) -> None:
        if self._person is not None:
            self.flush()
            self.ctx.events.new_meeting.emit(int(self._person.id))

    def _on_export(self) -> None:
        if self._person is not None:
            self.flush()
            self.ctx.events.export_requested.emit(0, int(self._person.id))

    def _on_prep(self) -> None:
        if self._person is not None:
            self.flush()
            from taiwa.ui.prep_dialogs import open_prep

            open_prep(self.ctx, int(self._person.id), 0, self)

    def edit_profile(self) -> None:
        if self._person is None:
            return
        self.flush()
        from taiwa.ui.people_page import PersonDialog

        dlg = PersonDialog(self.ctx, self, person=self._person)
        if dlg.exec() == QDialog.DialogCode.Accepted and dlg.result_person is not None:
            self.show_person(dlg.result_person.id, force=True)

    # career goals autosave

    def _goals_snapshot(self) -> dict[str, Any]:
        return {"person_id": self._person.id, "career_goals": self.goals.text()}

    def _save_goals(self, values: dict[str, Any]) -> Any:
        return self.ctx.store.people.update(
            values["person_id"], career_goals=values["career_goals"]
        )

    def _on_goals_edited(self) -> None:
        if not self._loading and self._person is not None:
            self._saver.mark_dirty()

    def _on_goals_saved(self, person: Any) -> None:
        if self._person is not None and person.id == self._person.id:
            self._person = person
            self._save_failed = False
            self._drafts.touch()  # a draft the save made obsolete goes

    def _on_goals_failed(self, exc: BaseException) -> None:
        # The goals are only in memory now: a draft keeps them until a save succeeds.
        self._save_failed = True
        self._drafts.touch()
        self._on_save_failed(exc)

    def _on_save_failed(self, exc: BaseException) -> None:
        from taiwa.ui import ops

        ops.show_error(self, exc)

    # action items

    def _on_action_toggled(self, action_id: int, done: bool) -> None:
        store = self.ctx.store.actions
        try:
            a = store.set_done(action_id) if done else store.reopen(action_id)
        except TaiwaError as exc:
            self._on_save_failed(exc)
            return
        # Stays in the list (struck through) until the next refresh, so a slip can be undone.
        self.actions_model.update_row(a)
        self._own_change = True
        self.ctx.events.data_changed.emit()
        self._own_change = False

    def _on_action_text_edited(self, action_id: int, text: str) -> None:
        try:
            self.actions_model.update_row(self.ctx.store.actions.update(action_id, text=text))
        except TaiwaError as exc:
            self._on_save_failed(exc)

    def _on_action_field_edited(self, action_id: int, field: str, value: Any) -> None:
        try:
            a = self.ctx.store.actions.update(action_id, **{field: value})
        except TaiwaError as exc:
            self._on_save_failed(exc)
            return
        self.actions_model.update_row(a)
        self._own_change = True
        self.ctx.events.data_changed.emit()
        self._own_change = False

    def _on_delete_current_action(self) -> None:
        from taiwa.ui.lifecycle import delete_action

        idx = self.action_view.currentIndex()
        a = self.actions_model.object_at(idx.row()) if idx.isValid() else None
        if a is not None:
            delete_action(self, self.ctx, a.id)

    def _on_toggle_current(self) -> None:
        idx = self.action_view.currentIndex()
        a = self.actions_model.object_at(idx.row()) if idx.isValid() else None
        if a is not None:
            self._on_action_toggled(a.id, a.done_on is None)
