"""The dashboard's "Due before the next 1on1" card (:func:`taiwa.prep.reminders.due_before_next`).

One row per open action item that falls due on or before the day of its person's next 1on1
(planned, from the calendar, or by cadence), soonest 1on1 first, so the manager sees what to
chase before each meeting. Read in the background with the rest of the dashboard; Enter or a
double-click opens the meeting the item came from (or the person). Names and action texts are
about people, so privacy mode hides the card like the dashboard's other cards.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

from PySide6.QtCore import QCoreApplication, QModelIndex, QObject
from PySide6.QtWidgets import QTableView, QWidget

from taiwa.domain.models import Owner
from taiwa.errors import TaiwaError
from taiwa.ui.models import _D, OBJECT_ROLE, SORT_ROLE, _iso, _RowsTableModel
from taiwa.ui.ops import Op
from taiwa.ui.theme import qcolor
from taiwa.ui.widgets import labels
from taiwa.ui.widgets.chips import Card, MutedLabel
from taiwa.ui.widgets.tables import style_table, tab_leaves


def _t(text: str) -> str:
    # Defined here, not imported, so that scripts/tr_helpers.py shows these texts to lupdate.
    return QCoreApplication.translate("DueCard", text)


class DueRow:
    """One action item with its person and the day of their next 1on1."""

    __slots__ = ("action", "next_day", "person_name")

    def __init__(self, action: Any, person_name: str, next_day: date) -> None:
        self.action = action
        self.person_name = person_name
        self.next_day = next_day


def rows_of(groups: list[Any]) -> list[DueRow]:
    """The card's rows from ``due_before_next``'s groups (soonest 1on1, then due date)."""
    out: list[DueRow] = []
    for group in groups:
        for action in sorted(group.actions, key=lambda a: (a.due_on, a.id)):
            out.append(DueRow(action, group.person_name, group.next_day))
    return out


class DueModel(_RowsTableModel):
    """Action items due before the next 1on1: next 1on1, person, item, owner, due date."""

    NEXT, PERSON, TEXT, OWNER, DUE = range(5)
    COLUMNS = 5

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.today = date.today()

    def header_labels(self) -> tuple[str, ...]:
        return (_t("Next 1on1"), _t("Person"), _t("Action item"), _t("Owner"), _t("Due"))

    @staticmethod
    def _id_of(obj: Any) -> Any:
        return obj.action.id

    def cell(self, row: Any, column: int, role: int) -> Any:
        a = row.action
        if role == _D.DisplayRole:
            if column == self.NEXT:
                return labels.format_date(row.next_day)
            if column == self.PERSON:
                return row.person_name
            if column == self.TEXT:
                return a.text
            if column == self.OWNER:
                return labels.owner_name(Owner(a.owner))
            if column == self.DUE:
                return labels.format_date(a.due_on) if a.due_on else ""
        elif role == _D.ToolTipRole and column == self.TEXT:
            return a.text
        elif role == SORT_ROLE:
            return _iso(a.due_on) if column == self.DUE else None
        elif role == _D.ForegroundRole and column == self.DUE and a.is_overdue(self.today):
            return qcolor("danger")
        return None


class DueCard(Card):
    """The card; :meth:`refresh` reads it again, :meth:`clear` empties it (lock, privacy)."""

    def __init__(self, ctx: Any, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Due before the next 1on1"), parent)
        self.ctx = ctx
        self._op: Op[Any] | None = None
        self.model = DueModel(self)
        self.view = QTableView(self)
        self.view.setObjectName("dueBeforeNext")
        self.view.setModel(self.model)
        self.view.setAccessibleName(self.tr("Action items due before the next 1on1"))
        style_table(self.view, stretch=DueModel.TEXT, size_rows=10, fit_on_reset=True)
        tab_leaves(self.view)  # Tab goes on to the next card, the arrows move in the list
        self.view.activated.connect(self._on_row)
        self.view.doubleClicked.connect(self._on_row)
        rows = self.view.verticalHeader().defaultSectionSize()
        self.view.setMinimumHeight(rows * 3 + 30)
        self.view.setMaximumHeight(rows * 8 + 30)
        self.body().addWidget(self.view)
        self.empty = MutedLabel(
            self.tr("Nothing falls due before the next 1on1s."),
            self,
        )
        self.body().addWidget(self.empty)
        self.view.hide()

    def refresh(self) -> None:
        """Read the items again in the background (the dashboard's refresh calls this)."""
        from taiwa.prep.reminders import due_before_next

        store = self.ctx.store
        now = datetime.now(UTC)
        op: Op[list[Any]] = Op(self, lambda: due_before_next(store, now))
        self._op = op

        def done(groups: list[Any]) -> None:
            if op is self._op:
                self._op = None
                self.set_groups(groups)

        op.success(done).failure(self._on_failed).run()

    def set_groups(self, groups: list[Any]) -> None:
        rows = rows_of(groups)
        self.model.today = date.today()
        self.model.set_rows(rows)
        self.view.setVisible(bool(rows))
        self.empty.setVisible(not rows)
        self.title.setText(self.tr("Due before the next 1on1 (%1)").replace("%1", str(len(rows))))

    def clear(self) -> None:
        self._op = None
        self.model.clear()

    def _on_failed(self, exc: BaseException) -> None:
        if isinstance(exc, TaiwaError):
            self.empty.setText(exc.localized())
            self.empty.show()
            return
        from taiwa.ui import ops

        ops.show_crash(self, exc)

    def _on_row(self, index: QModelIndex) -> None:
        row = index.sibling(index.row(), 0).data(OBJECT_ROLE)
        if row is None:
            return
        if row.action.meeting_id:
            self.ctx.events.open_meeting.emit(int(row.action.meeting_id))
        else:
            self.ctx.events.open_person.emit(int(row.action.person_id))
