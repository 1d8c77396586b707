"""The dashboard: this month's and this quarter's execution rate against the 90 % target, the
upcoming 1on1s (calendar and cadence), who is overdue, open action items (mine and theirs) and
the signals with their reasons.

Everything is computed off the GUI thread (one :class:`~taiwa.ui.ops.Op` for the whole page), so
the window is usable at once even on a ten-year vault; the cards fill in when the numbers
arrive. Rows open the person or the meeting with Enter or a double-click.

Privacy mode: the dashboard is about everyone, so every name, action item and signal is hidden
(the cards are replaced by one line saying so); only the two aggregate execution rates stay.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from PySide6.QtCore import QEvent, QModelIndex, Qt, QTimer
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from taiwa.errors import TaiwaError
from taiwa.store.dashboard import DashboardData, load_dashboard
from taiwa.ui import dashboard_fit
from taiwa.ui.models import (
    OBJECT_ROLE,
    ActionsModel,
    PeopleModel,
    SignalsModel,
    UpcomingModel,
)
from taiwa.ui.ops import Op
from taiwa.ui.pages import Page
from taiwa.ui.widgets import labels
from taiwa.ui.widgets.charts import RateGauge
from taiwa.ui.widgets.chips import Card, MutedLabel, PageTitle
from taiwa.ui.widgets.tables import style_table


def _card_table(parent: QWidget, model: Any, name: str, stretch: int, on_row: Any) -> QTableView:
    """A card's table: ``model`` shown with the common look, Enter or a double-click on a row
    calls ``on_row``."""
    view = QTableView(parent)
    view.setModel(model)
    view.setAccessibleName(name)
    # The cards show about five rows: size the columns from the first ten, once per fill (each
    # row measured asks the model for every role of every cell; the hidden tab's table is
    # measured too).
    style_table(view, stretch=stretch, size_rows=10, fit_on_reset=True)
    view.activated.connect(on_row)
    view.doubleClicked.connect(on_row)
    return view


class DashboardPage(Page):
    """The dashboard page (see the module docstring)."""

    nav_key = "dashboard"

    def __init__(self, ctx: Any, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self._privacy = False
        self._stale = True
        self._op: Op[Any] | None = None
        self.data: DashboardData | None = None
        self._build()
        self._refresh_timer = QTimer(self, singleShot=True, interval=150)
        self._refresh_timer.timeout.connect(self.refresh)
        # Deferred: a resize or a zoom step arrives in bursts, and the layout settles first.
        self._fit_timer = QTimer(self, singleShot=True, interval=0)
        self._fit_timer.timeout.connect(self._fit_rows)
        ctx.events.data_changed.connect(self._on_data_changed)

    def _build(self) -> None:
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        # Not a Tab stop of its own (it would show no focus): Tab goes to its tables, and it
        # still scrolls to whichever of them takes the focus.
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        outer.addWidget(scroll)
        self._scroll = scroll
        # A vault with nobody in it shows the first steps instead of empty cards: built when
        # first needed (see the welcome property), most start-ups never show it.
        self._outer = outer
        self._welcome: Any = None
        body = QWidget(scroll)
        scroll.setWidget(body)
        lay = QVBoxLayout(body)
        lay.setContentsMargins(28, 22, 28, 22)
        lay.setSpacing(16)
        head = QHBoxLayout()
        head.addWidget(PageTitle(self.tr("Dashboard"), body), 1)
        self.today_label = MutedLabel("", body)
        self.today_label.setWordWrap(False)
        head.addWidget(self.today_label, 0, Qt.AlignmentFlag.AlignBottom)
        lay.addLayout(head)

        # Three rows: the numbers, the signals (their reasons need the full width), then
        # what is coming up next to what is still open. Past calendar 1on1s to confirm, when
        # there are any, come between the numbers and the signals (they change the numbers).
        row0, row1, row2 = QHBoxLayout(), QHBoxLayout(), QHBoxLayout()
        self._row0, self._row2 = row0, row2
        for row, stretch in ((row0, 0), (row1, 1), (row2, 2)):
            row.setSpacing(16)
            lay.addLayout(row, stretch)
        from taiwa.ui.to_confirm import ToConfirmCard

        self.to_confirm_card = ToConfirmCard(self.ctx, body)
        lay.insertWidget(lay.indexOf(row1), self.to_confirm_card)

        rate_card = Card(self.tr("Execution rate"), body)
        rates = QHBoxLayout()
        rates.setSpacing(24)
        #: Execution rate gauge title: the current calendar month.
        self.month_gauge = RateGauge(self.tr("This month"), rate_card)
        #: Execution rate gauge title: the current calendar quarter.
        self.quarter_gauge = RateGauge(self.tr("This quarter"), rate_card)
        rates.addWidget(self.month_gauge)
        rates.addWidget(self.quarter_gauge)
        rate_card.body().addLayout(rates)
        self.rate_hint = MutedLabel(
            self.tr("1on1s held ÷ planned (calendar and cadence). The line marks the 90 % target."),
            rate_card,
        )
        rate_card.body().addWidget(self.rate_hint)
        self.waiting_hint = MutedLabel("", rate_card)
        self.waiting_hint.hide()
        rate_card.body().addWidget(self.waiting_hint)
        rate_card.body().addStretch(1)
        row0.addWidget(rate_card, 3)

        self.overdue_card = Card(self.tr("Overdue"), body)
        self.overdue_model = PeopleModel(self)
        self.overdue_view = _card_table(
            self.overdue_card,
            self.overdue_model,
            self.tr("People overdue for a 1on1"),
            # The name elides, never the date and how late it is.
            PeopleModel.NAME,
            self._on_person_row,
        )
        for col in (PeopleModel.TEAM, PeopleModel.LAST_MET, PeopleModel.OPEN_ACTIONS):
            self.overdue_view.setColumnHidden(col, True)
        self.overdue_view.horizontalHeader().hide()
        self.overdue_card.body().addWidget(self.overdue_view)
        self.overdue_empty = MutedLabel(self.tr("Nobody is overdue. Well done."), self.overdue_card)
        self.overdue_card.body().addWidget(self.overdue_empty)
        self.overdue_card.body().addStretch(1)
        row0.addWidget(self.overdue_card, 2)

        self.upcoming_card = Card(self.tr("Upcoming 1on1s — next two weeks"), body)
        self.upcoming_model = UpcomingModel(self)
        self.upcoming_view = _card_table(
            self.upcoming_card,
            self.upcoming_model,
            self.tr("Upcoming 1on1s"),
            UpcomingModel.PERSON,
            self._on_upcoming_row,
        )
        self.upcoming_card.body().addWidget(self.upcoming_view)
        row2.addWidget(self.upcoming_card, 1)

        self.signals_card = Card(self.tr("Signals — for your eyes only"), body)
        self.signals_model = SignalsModel(self)
        self.signals_view = _card_table(
            self.signals_card,
            self.signals_model,
            self.tr("Signals"),
            SignalsModel.REASON,
            self._on_signal_row,
        )
        self.signals_card.body().addWidget(self.signals_view)
        self.signals_empty = MutedLabel(self.tr("No signals right now."), self.signals_card)
        self.signals_card.body().addWidget(self.signals_empty)
        self.signals_hint = MutedLabel(
            self.tr("Prompts to ask, never a score about the person."), self.signals_card
        )
        self.signals_card.body().addWidget(self.signals_hint)
        self.signals_card.body().addStretch(1)
        row1.addWidget(self.signals_card)

        self.actions_card = Card(self.tr("Open action items"), body)
        self.action_tabs = QTabWidget(self.actions_card)
        self.mine_model = ActionsModel(self, editable=True, person_names={})
        self.theirs_model = ActionsModel(self, editable=True, person_names={})
        self.mine_view = _card_table(
            self.action_tabs,
            self.mine_model,
            self.tr("My open action items"),
            ActionsModel.TEXT,
            self._on_action_row,
        )
        self.theirs_view = _card_table(
            self.action_tabs,
            self.theirs_model,
            self.tr("Their open action items"),
            ActionsModel.TEXT,
            self._on_action_row,
        )
        for view, model in (
            (self.mine_view, self.mine_model),
            (self.theirs_view, self.theirs_model),
        ):
            view.setColumnHidden(ActionsModel.OWNER, True)
            model.done_toggled.connect(self._on_action_toggled)
        self.action_tabs.addTab(self.mine_view, self.tr("Mine"))
        self.action_tabs.addTab(self.theirs_view, self.tr("Theirs"))
        self.actions_card.body().addWidget(self.action_tabs)
        row2.addWidget(self.actions_card, 1)
        from taiwa.ui.due_card import DueCard

        # What to chase before each next 1on1, under what is coming up and what is open.
        self.due_card = DueCard(self.ctx, body)
        lay.addWidget(self.due_card)
        for v in (self.upcoming_view, self.signals_view, self.mine_view, self.theirs_view):
            v.setMinimumHeight(v.verticalHeader().defaultSectionSize() * 5 + 30)
        self.overdue_view.setMaximumHeight(
            self.overdue_view.verticalHeader().defaultSectionSize() * 5 + 6
        )
        self.overdue_view.setMinimumHeight(
            self.overdue_view.verticalHeader().defaultSectionSize() * 3 + 6
        )

        self.privacy_note = QLabel(
            self.tr(
                "Privacy mode is on: names, action items and signals "
                "are hidden. Turn it off to see them again."
            ),
            body,
        )
        self.privacy_note.setObjectName("banner")
        self.privacy_note.setTextFormat(Qt.TextFormat.PlainText)
        self.privacy_note.setWordWrap(True)
        self.privacy_note.hide()
        lay.insertWidget(1, self.privacy_note)
        self._personal = [
            self.to_confirm_card,
            self.overdue_card,
            self.upcoming_card,
            self.signals_card,
            self.actions_card,
            self.due_card,
        ]

    # -- fitting the text zoom -------------------------------------------------------------

    def resizeEvent(self, event: Any) -> None:
        super().resizeEvent(event)
        self._fit_timer.start()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:  # the zoom sets a new application font
            self._fit_timer.start()

    def _fit_rows(self) -> None:
        dashboard_fit.fit_rows(self)

    # -- the page protocol ------------------------------------------------------------------

    def set_privacy(self, on: bool) -> None:
        self._privacy = bool(on)
        for card in self._personal:
            card.setVisible(not self._privacy)
        self.privacy_note.setVisible(self._privacy)
        if self._privacy:
            self.to_confirm_card.clear()
            self.due_card.clear()
            # Not only hidden: the names and reasons leave the widgets too.
            for m in (
                self.overdue_model,
                self.upcoming_model,
                self.signals_model,
                self.mine_model,
                self.theirs_model,
            ):
                m.clear()
        elif self.data is not None:
            self._fill(self.data)

    def flush(self) -> None:
        """Nothing is typed on the dashboard; done ticks are written at once."""

    def clear(self) -> None:
        self.data = None
        self._op = None
        for m in (
            self.overdue_model,
            self.upcoming_model,
            self.signals_model,
            self.mine_model,
            self.theirs_model,
        ):
            m.clear()
        self.mine_model.person_names = {}
        self.theirs_model.person_names = {}
        self.to_confirm_card.clear()
        self.due_card.clear()
        self.month_gauge.clear()
        self.quarter_gauge.clear()
        self.today_label.clear()
        self._stale = True

    def refresh(self) -> None:
        """Recompute in the background; the cards update when the numbers arrive."""
        if not self.ctx.is_unlocked:
            return
        self._stale = False
        startup = self.ctx.take_startup_dashboard()
        if startup is not None:
            # Read right after the vault opened at start-up, moments ago.
            self._op = None
            self._on_loaded(None, startup)
            return
        store = self.ctx.store
        op: Op[DashboardData] = Op(self, lambda: load_dashboard(store))
        self._op = op

        def done(data: DashboardData) -> None:
            self._on_loaded(op, data)

        op.success(done).failure(self._on_failed).run()

    # -- filling ----------------------------------------------------------------------------

    def _on_loaded(self, op: Any, data: DashboardData) -> None:
        if op is not self._op:
            return  # a newer refresh is on its way
        self.data = data
        self._fill(data)

    def _on_failed(self, exc: BaseException) -> None:
        if isinstance(exc, TaiwaError):
            self.rate_hint.setText(exc.localized())
            return
        from taiwa.ui import ops

        ops.show_crash(self, exc)

    @property
    def welcome(self) -> Any:
        """The first steps of an empty vault (a WelcomePanel, below the hidden cards)."""
        if self._welcome is None:
            from taiwa.ui.welcome import WelcomePanel

            self._welcome = WelcomePanel(self.ctx, self)
            self._welcome.hide()
            self._outer.addWidget(self._welcome)
        return self._welcome

    def _fill(self, d: DashboardData) -> None:
        empty = not d.overview
        shown = self._welcome is not None and self._welcome.isVisible()
        if empty != shown:
            self._scroll.setVisible(not empty)
            self.welcome.setVisible(empty)
            if empty and self.isVisible():
                self.welcome.focus_first()
        today = datetime.now().astimezone()
        self.today_label.setText(labels.format_weekday_date(today, with_time=False))
        self.month_gauge.set_rate(d.month.value, d.month.held, d.month.planned)
        self.quarter_gauge.set_rate(d.quarter.value, d.quarter.held, d.quarter.planned)
        waiting = len(d.to_confirm)
        self.waiting_hint.setText(
            self.tr(
                "%n past 1on1(s) from the calendar wait for confirmation; not counted yet.",
                "",
                waiting,
            )
        )
        self.waiting_hint.setVisible(waiting > 0)
        if self._privacy:
            return
        self.to_confirm_card.set_rows(d.to_confirm)
        self.due_card.set_groups(d.due)  # read with the rest (DueCard.refresh reads it alone)
        overdue = sorted(
            (st for st in d.overview if st.days_overdue > 0), key=lambda st: -st.days_overdue
        )
        self.overdue_model.set_rows(overdue)
        self.overdue_view.setVisible(bool(overdue))
        self.overdue_empty.setVisible(not overdue)
        self.overdue_card.title.setText(self.tr("Overdue (%1)").replace("%1", str(len(overdue))))
        self.upcoming_model.set_rows(d.upcoming)
        self.signals_model.set_rows(d.signals)
        self.signals_view.setVisible(bool(d.signals))
        self.signals_empty.setVisible(not d.signals)
        self.signals_card.title.setText(
            self.tr("Signals — for your eyes only (%1)").replace("%1", str(len(d.signals)))
        )
        for model, rows in ((self.mine_model, d.mine), (self.theirs_model, d.theirs)):
            model.person_names = d.names
            model.today = date.today()
            model.set_rows(rows)
        self.action_tabs.setTabText(0, self.tr("Mine (%1)").replace("%1", str(len(d.mine))))
        self.action_tabs.setTabText(1, self.tr("Theirs (%1)").replace("%1", str(len(d.theirs))))
        self._fit_timer.start()  # new rows, new widths

    # -- navigation and edits ---------------------------------------------------------------

    def _on_data_changed(self) -> None:
        if self.isVisible():
            self._refresh_timer.start()
        else:
            self._stale = True

    def showEvent(self, event: Any) -> None:
        super().showEvent(event)
        # Deferred: the window usually calls refresh() right after showing the page.
        if self._stale:
            QTimer.singleShot(0, self, self._refresh_if_stale)

    def _refresh_if_stale(self) -> None:
        if self._stale and self.ctx.is_unlocked:
            self.refresh()

    def _on_person_row(self, index: QModelIndex) -> None:
        st = index.sibling(index.row(), 0).data(OBJECT_ROLE)
        if st is not None:
            self.ctx.events.open_person.emit(int(st.person.id))

    def _on_upcoming_row(self, index: QModelIndex) -> None:
        u = index.sibling(index.row(), 0).data(OBJECT_ROLE)
        if u is None:
            return
        if u.meeting_id:
            self.ctx.events.open_meeting.emit(int(u.meeting_id))
        else:
            self.ctx.events.open_person.emit(int(u.person_id))

    def _on_signal_row(self, index: QModelIndex) -> None:
        s = index.sibling(index.row(), 0).data(OBJECT_ROLE)
        if s is not None:
            self.ctx.events.open_person.emit(int(s.person_id))

    def _on_action_row(self, index: QModelIndex) -> None:
        if index.column() == ActionsModel.DONE:
            return
        a = index.sibling(index.row(), 0).data(OBJECT_ROLE)
        if a is None:
            return
        if a.meeting_id:
            self.ctx.events.open_meeting.emit(int(a.meeting_id))
        else:
            self.ctx.events.open_person.emit(int(a.person_id))

    def _on_action_toggled(self, action_id: int, done: bool) -> None:
        store = self.ctx.store.actions
        try:
            a = store.set_done(action_id) if done else store.reopen(action_id)
        except TaiwaError as exc:
            from taiwa.ui import ops

            ops.show_error(self, exc)
            return
        for model in (self.mine_model, self.theirs_model):
            model.update_row(a)
