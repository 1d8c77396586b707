"""The dashboard's "to confirm" card: past calendar 1on1s nobody marked yet.

An import cannot know whether a past occurrence took place, so it is neither held nor missed
(see :func:`taiwa.domain.stats.awaits_confirmation`) until the manager says so here: held,
cancelled or skipped, with one click or one key (H, C, S), for one occurrence, a selection, or a
whole series (select the series' row). The list is grouped by series, oldest first; Enter or
a double-click on a date opens that meeting.

The write runs off the GUI thread; afterwards ``events.data_changed`` refreshes every page.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QWidget,
)

from taiwa.store import calendar as repo
from taiwa.ui.ops import Op, show_error
from taiwa.ui.widgets import labels
from taiwa.ui.widgets.chips import Card, MutedLabel

#: The meeting ids of a row: one occurrence, or every occurrence of a series.
IDS_ROLE = Qt.ItemDataRole.UserRole + 1
#: Keys that decide the selected rows.
KEYS = {Qt.Key.Key_H: "held", Qt.Key.Key_C: "cancelled", Qt.Key.Key_S: "skipped"}


class _Tree(QTreeWidget):
    """The list; H, C and S decide the selected rows (Enter keeps its usual meaning)."""

    decided = Signal(str)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        status = KEYS.get(Qt.Key(event.key()))
        plain = (Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.ShiftModifier)
        if status is not None and event.modifiers() in plain:
            self.decided.emit(status)
            return
        super().keyPressEvent(event)


class ToConfirmCard(Card):
    """Past calendar 1on1s waiting for held / cancelled / skipped (see the module docstring)."""

    #: Emitted after occurrences were decided, with how many changed.
    confirmed = Signal(int)

    def __init__(self, ctx: Any, parent: QWidget | None = None) -> None:
        super().__init__("", parent)
        self.ctx = ctx
        self._op: Op[int] | None = None
        self.tree = _Tree(self)
        self.tree.setObjectName("toConfirm")
        self.tree.setAccessibleName(self.tr("Past 1on1s to confirm"))
        self.tree.setColumnCount(3)
        self.tree.setHeaderHidden(True)
        self.tree.setUniformRowHeights(True)
        self.tree.setStyleSheet("QTreeWidget::item { padding: 4px 2px; }")
        self.tree.itemExpanded.connect(self._fit_height)
        self.tree.itemCollapsed.connect(self._fit_height)
        self.tree.setRootIsDecorated(True)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.tree.decided.connect(self._decide)
        self.tree.itemActivated.connect(self._on_item_activated)
        self.tree.itemSelectionChanged.connect(self._update_buttons)
        self.body().addWidget(self.tree)
        row = QHBoxLayout()
        self.buttons: dict[str, QPushButton] = {}
        for status, text in (
            ("held", self.tr("Held (H)")),
            ("cancelled", self.tr("Cancelled (C)")),
            ("skipped", self.tr("Skipped (S)")),
        ):
            button = QPushButton(text, self)
            button.setObjectName(f"confirm_{status}")
            button.clicked.connect(lambda _=False, s=status: self._decide(s))
            row.addWidget(button)
            self.buttons[status] = button
        row.addStretch(1)
        self.body().addLayout(row)
        self.hint = MutedLabel(
            self.tr(
                "From your calendar, already past: did they take place? Select one, several or"
                " a whole series and press H, C or S. Until then they count neither as held nor"
                " as missed."
            ),
            self,
        )
        self.body().addWidget(self.hint)
        self.set_rows([])

    # -- filling ----------------------------------------------------------------------------

    def set_rows(self, rows: list[repo.ToConfirm]) -> None:
        """Show ``rows`` grouped per series (the card hides itself when there are none)."""
        self.tree.clear()
        groups: dict[tuple[str, int], list[repo.ToConfirm]] = {}
        for row in rows:
            groups.setdefault((row.series, row.person_id), []).append(row)
        for items in groups.values():
            first = items[0]
            top = QTreeWidgetItem(
                [
                    first.person_name,
                    first.title,
                    self.tr("%n occurrence(s)", "", len(items)),
                ]
            )
            top.setData(0, IDS_ROLE, [r.meeting_id for r in items])
            top.setToolTip(0, self.tr("Select this row to decide the whole series."))
            for r in items:
                when = labels.format_weekday_date(r.starts_at.astimezone(), with_time=True)
                child = QTreeWidgetItem([when, r.title if r.title != first.title else "", ""])
                child.setData(0, IDS_ROLE, [r.meeting_id])
                top.addChild(child)
            self.tree.addTopLevelItem(top)
        # Many series: fold them; a few: show every date.
        if len(groups) <= 3:
            self.tree.expandAll()
        self.tree.resizeColumnToContents(0)
        self.tree.resizeColumnToContents(1)
        self.title.setText(self.tr("To confirm (%1)").replace("%1", str(len(rows))))
        self.setVisible(bool(rows))
        self._fit_height()
        head = self.tree.topLevelItem(0)
        if head is not None:
            self.tree.setCurrentItem(head)
        self._update_buttons()

    def clear(self) -> None:
        self.tree.clear()

    def _fit_height(self, *_args: Any) -> None:
        # As tall as its rows, at most eight (more scroll): the card must not push the
        # signals off the page, nor leave a tall empty box under two rows.
        shown = 0
        for n in range(self.tree.topLevelItemCount()):
            top = self.tree.topLevelItem(n)
            if top is not None:
                shown += 1 + (top.childCount() if top.isExpanded() else 0)
        row = self.tree.fontMetrics().height() + 10
        self.tree.setFixedHeight(row * max(2, min(shown, 8)) + 6)

    def selected_ids(self) -> list[int]:
        """The meetings the selected rows stand for (a series row: all of its occurrences)."""
        found: set[int] = set()
        for item in self.tree.selectedItems():
            found.update(int(i) for i in item.data(0, IDS_ROLE) or [])
        return sorted(found)

    def _update_buttons(self) -> None:
        busy = self._op is not None and not self._op.done
        enabled = bool(self.tree.selectedItems()) and not busy
        for button in self.buttons.values():
            button.setEnabled(enabled)

    def _on_item_activated(self, item: QTreeWidgetItem, _column: int) -> None:
        # Enter or a double-click on a date opens that meeting (to write what was said).
        ids = item.data(0, IDS_ROLE) or []
        if item.parent() is not None and len(ids) == 1:
            self.ctx.events.open_meeting.emit(int(ids[0]))

    # -- deciding ---------------------------------------------------------------------------

    def _decide(self, status: str) -> None:
        ids = self.selected_ids()
        if not ids or not self.ctx.is_unlocked or (self._op is not None and not self._op.done):
            return
        db = self.ctx.db
        now = datetime.now(UTC)
        events = self.ctx.events

        def work() -> int:
            return repo.confirm(db, ids, status, now)

        def done(changed: int) -> None:
            self._update_buttons()
            self.confirmed.emit(changed)
            events.data_changed.emit()

        def failed(exc: BaseException) -> None:
            self._update_buttons()
            show_error(self, exc)

        self._op = Op(self, work).success(done).failure(failed).run()
        self._update_buttons()


class ConfirmActions:
    """Held / cancelled / skipped on a meeting list (the person page's): keys H, C and S and
    the context menu, for the selected rows that wait for confirmation (the same rule and the
    same write as the dashboard card)."""

    def __init__(self, ctx: Any, view: QAbstractItemView) -> None:
        from PySide6.QtGui import QAction, QKeySequence

        self.ctx = ctx
        self.view = view
        self._op: Op[int] | None = None
        self.actions: dict[str, QAction] = {}
        for status, text, key in (
            ("held", QCoreApplication.translate("ConfirmActions", "Mark held"), "H"),
            ("cancelled", QCoreApplication.translate("ConfirmActions", "Mark cancelled"), "C"),
            ("skipped", QCoreApplication.translate("ConfirmActions", "Mark skipped"), "S"),
        ):
            action = QAction(text, view)
            action.setShortcut(QKeySequence(key))
            # Only while the list has the focus: H, C and S stay letters everywhere else.
            action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
            action.triggered.connect(lambda _=False, s=status: self.decide(s))
            view.addAction(action)
            self.actions[status] = action
        view.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)

    def waiting_ids(self) -> list[int]:
        """The selected (or current) rows' meetings that wait for confirmation."""
        from taiwa.ui.models import OBJECT_ROLE, awaits_confirmation

        selection = self.view.selectionModel()
        rows = {i.row() for i in selection.selectedRows()} if selection is not None else set()
        if not rows and self.view.currentIndex().isValid():
            rows = {self.view.currentIndex().row()}
        model = self.view.model()
        found = []
        for row in sorted(rows):
            meeting = model.index(row, 0).data(OBJECT_ROLE)
            if meeting is not None and awaits_confirmation(meeting):
                found.append(int(meeting.id))
        return found

    def decide(self, status: str) -> None:
        ids = self.waiting_ids()
        if not ids or not self.ctx.is_unlocked or (self._op is not None and not self._op.done):
            return
        db = self.ctx.db
        now = datetime.now(UTC)
        events = self.ctx.events

        def work() -> int:
            return repo.confirm(db, ids, status, now)

        def failed(exc: BaseException) -> None:
            show_error(self.view, exc)

        # Every page refreshes, this list too (it is fetched again with the new status).
        self._op = Op(self.view, work).success(lambda _n: events.data_changed.emit())
        self._op.failure(failed).run()
