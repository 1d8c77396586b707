"""The meeting editor's list of the person's meetings (newest first, fetched lazily)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QItemSelectionModel, QModelIndex
from PySide6.QtWidgets import QHeaderView, QPushButton, QTableView, QVBoxLayout, QWidget

from taiwa.ui.meeting_editor.base import EditorBase
from taiwa.ui.models import OBJECT_ROLE, MeetingHistoryModel
from taiwa.ui.widgets.chips import SectionTitle
from taiwa.ui.widgets.tables import style_table

_CTX = "MeetingEditor"  # the page's translation context, shared by all its parts


def _t(text: str, disambiguation: str | None = None) -> str:
    return QCoreApplication.translate(_CTX, text, disambiguation)


class MeetingListPart(EditorBase):
    """Builds the list of meetings; choosing a row opens that meeting."""

    def open_meeting(self, meeting_id: int, *, force: bool = False) -> None:
        raise NotImplementedError

    def _build_meeting_list(self, parent: QWidget) -> QWidget:
        side = QWidget(parent)
        sl = QVBoxLayout(side)
        sl.setContentsMargins(16, 16, 8, 16)
        sl.setSpacing(8)
        self.side_title = SectionTitle(_t("Meetings"), side)
        sl.addWidget(self.side_title)
        self.history = MeetingHistoryModel(self, compact=True)
        self.history_view = QTableView(side)
        self.history_view.setModel(self.history)
        self.history_view.setAccessibleName(_t("Meetings of this person"))
        for col in (
            MeetingHistoryModel.STATUS,
            MeetingHistoryModel.MOOD,
            MeetingHistoryModel.AGENDA,
            MeetingHistoryModel.PURPOSE,
        ):
            self.history_view.setColumnHidden(col, True)
        style_table(self.history_view, editable=True)
        self.history_view.horizontalHeader().setSectionResizeMode(
            MeetingHistoryModel.DATE, QHeaderView.ResizeMode.Stretch
        )
        self.history_view.horizontalHeader().hide()
        self.history_view.selectionModel().currentRowChanged.connect(self._on_history_current)
        sl.addWidget(self.history_view, 1)
        self.new_button = QPushButton(_t("&New meeting"), side)
        self.new_button.setToolTip(
            _t(
                "Start a new meeting with this person (open topics "
                "and action items are carried over)"
            )
        )
        self.new_button.clicked.connect(self._on_new_clicked)
        sl.addWidget(self.new_button)
        return side

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
