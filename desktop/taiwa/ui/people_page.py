"""The people list (search as you type, status at a glance) and the add/edit person dialog.

Privacy mode: other people's names must not be on screen, so the list shows only the person
whose page or meeting is open (nobody when none is), with a line saying why; the search field
and "Add person" stay usable. Enter or double-click opens the person.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtCore import QDate, QModelIndex, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from taiwa.domain.drafts import person_key
from taiwa.domain.models import DEFAULT_CADENCE_DAYS
from taiwa.errors import TaiwaError
from taiwa.ui.drafts import DraftKeeper
from taiwa.ui.meeting_editor import shown_person
from taiwa.ui.models import OBJECT_ROLE, PeopleFilterProxy, PeopleModel
from taiwa.ui.pages import Page
from taiwa.ui.widgets.accept import ctrl_enter_accepts
from taiwa.ui.widgets.chips import MutedLabel, PageTitle
from taiwa.ui.widgets.dates import OptionalDateEdit
from taiwa.ui.widgets.tables import style_table

_NO_DATE = QDate(1900, 1, 1)


class PersonDialog(QDialog):
    """Add a person, or edit one (``person`` given). Validation messages come translated from
    the store (each failure is a :class:`~taiwa.errors.InputError` with English and Japanese).

    What is typed is kept as drafts in the vault (:mod:`taiwa.ui.drafts`) until it is saved or
    the dialog cancelled; a dialog closed by a lock or quit keeps them, and the next dialog for
    the same person (or the next "Add person") starts from them.
    """

    def __init__(self, ctx: Any, parent: QWidget | None = None, person: Any = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.person = person
        self.result_person: Any = None
        self.setWindowTitle(self.tr("Edit person") if person else self.tr("Add person"))
        self.setMinimumWidth(520)
        lay = QVBoxLayout(self)
        lay.setSpacing(12)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.name = QLineEdit(self)
        self.name.setPlaceholderText(self.tr("e.g. Hanako Sato"))
        self.emails = QLineEdit(self)
        self.emails.setPlaceholderText(self.tr("Separate several with commas"))
        self.emails.setToolTip(self.tr("Used to recognise this person's 1on1s in calendar files"))
        self.role = QLineEdit(self)
        self.team = QLineEdit(self)
        #: Start date field of a person when no date is set.
        self.started = OptionalDateEdit(self.tr("Not set"), self)
        self.started.setCalendarPopup(True)
        self.started.setDisplayFormat("yyyy-MM-dd")
        self.started.setMinimumDate(_NO_DATE)
        self.started.setDate(_NO_DATE)
        self.cadence = QSpinBox(self)
        self.cadence.setRange(1, 365)
        self.cadence.setValue(_default_cadence(ctx))
        #: Suffix after the cadence number: "every 14 days".
        self.cadence.setSuffix(self.tr(" days"))
        self.goals = QPlainTextEdit(self)
        self.goals.setTabChangesFocus(True)
        self.goals.setPlaceholderText(self.tr("Where do they want to be in a few years?"))
        self.goals.setFixedHeight(self.fontMetrics().height() * 5 + 16)
        form.addRow(self.tr("&Name:"), self.name)
        form.addRow(self.tr("&E-mail addresses:"), self.emails)
        form.addRow(self.tr("&Role:"), self.role)
        form.addRow(self.tr("&Team:"), self.team)
        form.addRow(self.tr("Started &on:"), self.started)
        #: Label: how often to hold a 1on1 with this person.
        form.addRow(self.tr("1on1 e&very:"), self.cadence)
        form.addRow(self.tr("&Career goals:"), self.goals)
        lay.addLayout(form)
        self.error = QLabel(self)
        self.error.setObjectName("errorBanner")
        self.error.setTextFormat(Qt.TextFormat.PlainText)
        self.error.setWordWrap(True)
        self.error.hide()
        lay.addWidget(self.error)
        box = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.ok = box.addButton(
            self.tr("&Save") if person else self.tr("&Add person"),
            QDialogButtonBox.ButtonRole.AcceptRole,
        )
        self.ok.setObjectName("primary")
        self.ok.setDefault(True)
        box.accepted.connect(self._on_accept)
        box.rejected.connect(self.reject)
        lay.addWidget(box)
        ctrl_enter_accepts(self)  # Enter makes a new line in the career goals
        if person is not None:
            self.name.setText(person.name)
            self.emails.setText(", ".join(person.emails))
            self.role.setText(person.role)
            self.team.setText(person.team)
            if person.started_on:
                d = person.started_on
                self.started.setDate(QDate(d.year, d.month, d.day))
            self.cadence.setValue(person.cadence_days)
            self.goals.setPlainText(person.career_goals)
        self._keep_drafts = False
        self._drafts = DraftKeeper(self, ctx)
        self._watch_drafts()

    # Draft field name -> (the text field, its saved value).
    def _draft_fields(self) -> dict[str, tuple[QLineEdit | QPlainTextEdit, str]]:
        p = self.person
        return {
            "name": (self.name, p.name if p else ""),
            "emails": (self.emails, ", ".join(p.emails) if p else ""),
            "role": (self.role, p.role if p else ""),
            "team": (self.team, p.team if p else ""),
            "career_goals": (self.goals, p.career_goals if p else ""),
        }

    def _watch_drafts(self) -> None:
        person_id = None if self.person is None else int(self.person.id)
        try:
            found = {d.key: d.text for d in self.ctx.store.drafts.list()}
        except TaiwaError:
            found = {}
        for field, (edit, saved) in self._draft_fields().items():
            key = person_key(person_id, field)
            if key in found:  # typed before a crash, lock or quit: the text comes back
                self._drafts.adopt(key, found[key])
                if isinstance(edit, QLineEdit):
                    edit.setText(found[key])
                else:
                    edit.setPlainText(found[key])
            self._drafts.watch(edit, _constant(key), saved=_constant(saved))

    def flush(self) -> None:
        """Keep what is typed as drafts now (the window is locking or quitting and will close
        this dialog: that is not the user cancelling)."""
        self._keep_drafts = True
        self._drafts.flush()

    def done(self, result: int) -> None:
        if not self._keep_drafts:
            # Saved, or cancelled on purpose: the drafts have served.
            self._drafts.forget()
        super().done(result)

    def values(self) -> dict[str, Any]:
        qd = self.started.date()
        started = None if qd == _NO_DATE else date(qd.year(), qd.month(), qd.day())
        emails = [e.strip() for e in self.emails.text().replace(";", ",").split(",") if e.strip()]
        return {
            "name": self.name.text().strip(),
            "emails": emails,
            "role": self.role.text().strip(),
            "team": self.team.text().strip(),
            "started_on": started,
            "cadence_days": self.cadence.value(),
            "career_goals": self.goals.toPlainText(),
        }

    def show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.show()

    def _on_accept(self) -> None:
        values = self.values()
        if not values["name"]:
            self.show_error(self.tr("Enter a name."))
            self.name.setFocus()
            return
        try:
            if self.person is None:
                name = values.pop("name")
                self.result_person = self.ctx.store.people.add(name, **values)
            else:
                self.result_person = self.ctx.store.people.update(self.person.id, **values)
        except TaiwaError as exc:
            self.show_error(exc.localized())
            return
        self.ctx.events.data_changed.emit()
        self.accept()


def _constant(value: str) -> Callable[[], str]:
    return lambda: value


def _default_cadence(ctx: Any) -> int:
    try:
        from taiwa.store.settings import DEFAULT_CADENCE

        value = ctx.store.settings.get(DEFAULT_CADENCE, DEFAULT_CADENCE_DAYS)
        return max(1, min(365, int(value)))
    except (TaiwaError, TypeError, ValueError):
        return DEFAULT_CADENCE_DAYS


class PeoplePage(Page):
    """Everyone the manager holds 1on1s with, with last met, next due and open actions."""

    nav_key = "people"

    def __init__(self, ctx: Any, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self._privacy = False
        self._stale = True
        lay = QVBoxLayout(self)
        lay.setContentsMargins(28, 24, 28, 24)
        lay.setSpacing(14)
        head = QHBoxLayout()
        head.addWidget(PageTitle(self.tr("People"), self), 1)
        self.add_button = QPushButton(self.tr("&Add person…"), self)
        self.add_button.setObjectName("primary")
        self.add_button.setToolTip(self.tr("Add a person (Ctrl+Shift+N)"))
        self.add_button.clicked.connect(self.add_person)
        head.addWidget(self.add_button)
        lay.addLayout(head)
        self.query = QLineEdit(self)
        self.query.setClearButtonEnabled(True)
        self.query.setPlaceholderText(self.tr("Filter by name, role, team or e-mail"))
        self.query.setAccessibleName(self.tr("Filter people"))
        self.query.textChanged.connect(self._on_query_changed)
        self.query.returnPressed.connect(self._open_first)
        lay.addWidget(self.query)
        self.model = PeopleModel(self)
        self.proxy = PeopleFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self.view = QTableView(self)
        self.view.setModel(self.proxy)
        self.view.setAccessibleName(self.tr("People"))
        self.view.setSortingEnabled(True)
        # Who is due first: the most overdue people lead the list (click a header to re-sort).
        self.view.sortByColumn(PeopleModel.NEXT_DUE, Qt.SortOrder.AscendingOrder)
        style_table(self.view)
        self.view.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 18)
        hh = self.view.horizontalHeader()
        hh.setSectionResizeMode(PeopleModel.NAME, QHeaderView.ResizeMode.ResizeToContents)
        hh.setSectionResizeMode(PeopleModel.TEAM, QHeaderView.ResizeMode.Stretch)
        for col in (PeopleModel.LAST_MET, PeopleModel.NEXT_DUE, PeopleModel.OPEN_ACTIONS):
            hh.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        self.view.activated.connect(self._on_activated)
        self.view.doubleClicked.connect(self._on_activated)
        lay.addWidget(self.view, 1)
        self.note = MutedLabel("", self)
        lay.addWidget(self.note)
        QWidget.setTabOrder(self.query, self.view)
        QWidget.setTabOrder(self.view, self.add_button)
        add = QAction(self.tr("Add person"), self)
        add.setShortcut(QKeySequence("Ctrl+Shift+N"))
        add.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        add.triggered.connect(self.add_person)
        self.addAction(add)
        self._add_row_actions()
        # Down arrow from the filter field goes to the list (keyboard-first).
        down = QAction(self)
        down.setShortcut(QKeySequence(Qt.Key.Key_Down))
        down.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        down.triggered.connect(self._focus_list)
        self.query.addAction(down)
        self._refresh_timer = QTimer(self, singleShot=True, interval=0)
        self._refresh_timer.timeout.connect(self.refresh)
        ctx.events.data_changed.connect(self._on_data_changed)

    # -- the page protocol ------------------------------------------------------------------

    def set_privacy(self, on: bool) -> None:
        self._privacy = bool(on)
        self._apply_privacy()

    def _apply_privacy(self) -> None:
        if self._privacy:
            pid = shown_person(self.ctx)
            self.proxy.set_only_ids([pid] if pid else [])
            self.note.setText(self.tr("Privacy mode: only the person you have open is listed."))
        else:
            self.proxy.set_only_ids(None)
            self._update_note()

    def flush(self) -> None:
        """Nothing is edited in place on this page."""

    def clear(self) -> None:
        self.model.clear()
        self.query.clear()
        self.note.clear()
        self._stale = True

    def refresh(self) -> None:
        """Reload the list (the overview is one query per table; fast even for 100 people)."""
        self._stale = False
        try:
            rows = self.ctx.store.reports.overview()
        except TaiwaError:
            return
        selected = self._selected_id()
        self.model.set_rows(rows)
        self._apply_privacy()
        if selected is not None:
            self._select(selected)

    # -- behaviour --------------------------------------------------------------------------

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

    def _update_note(self) -> None:
        if self._privacy:
            return
        total = self.model.rowCount()
        if total == 0:
            self.note.setText(self.tr("No people yet. Add the people you hold 1on1s with."))
        else:
            self.note.setText(
                self.tr("%1 shown of %2")
                .replace("%1", str(self.proxy.rowCount()))
                .replace("%2", str(total))
            )

    def _on_query_changed(self, text: str) -> None:
        self.proxy.set_query(text)
        self._update_note()
        if self.proxy.rowCount() and not self.view.currentIndex().isValid():
            self.view.setCurrentIndex(self.proxy.index(0, 0))

    def focus_main(self) -> None:
        """A page switch lands in the list (Ctrl+2); the filter is one Shift+Tab away."""
        self._focus_list()

    def current_person_id(self) -> int:
        """The selected person (Ctrl+E exports them), 0 when none is."""
        return self._selected_id() or 0

    def _focus_list(self) -> None:
        self.view.setFocus()
        if not self.view.currentIndex().isValid() and self.proxy.rowCount():
            self.view.setCurrentIndex(self.proxy.index(0, 0))

    def _open_first(self) -> None:
        idx = self.view.currentIndex()
        if not idx.isValid() and self.proxy.rowCount():
            idx = self.proxy.index(0, 0)
        if idx.isValid():
            self._on_activated(idx)

    def _on_activated(self, index: QModelIndex) -> None:
        st = index.sibling(index.row(), 0).data(OBJECT_ROLE)
        if st is not None:
            self.ctx.events.open_person.emit(int(st.person.id))

    def _selected_id(self) -> int | None:
        idx = self.view.currentIndex()
        st = idx.sibling(idx.row(), 0).data(OBJECT_ROLE) if idx.isValid() else None
        return None if st is None else int(st.person.id)

    def _select(self, person_id: int) -> None:
        row = self.model.row_of(person_id)
        if row >= 0:
            idx = self.proxy.mapFromSource(self.model.index(row, 0))
            if idx.isValid():
                self.view.setCurrentIndex(idx)

    def _add_row_actions(self) -> None:
        """Edit, archive and delete the selected person: the list's context menu (mouse, the
        Menu key or Shift+F10) and keys of their own while the list has the focus."""
        for text, keys, slot in (
            (self.tr("&Edit person…"), "F2", self.edit_selected),
            (self.tr("&Archive person"), None, self.archive_selected),
            (self.tr("&Delete person for good…"), "Shift+Del", self.delete_selected),
        ):
            act = QAction(text, self.view)
            if keys:
                act.setShortcut(QKeySequence(keys))
                act.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
            act.triggered.connect(slot)
            self.view.addAction(act)
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)

    def _selected_person(self) -> Any:
        person_id = self._selected_id()
        if person_id is None:
            return None
        try:
            return self.ctx.store.people.get(person_id)
        except TaiwaError:
            return None

    def edit_selected(self) -> None:
        """Open the person dialog in edit mode for the selected person."""
        person = self._selected_person()
        if person is None:
            return
        dlg = PersonDialog(self.ctx, self, person=person)
        if dlg.exec() == QDialog.DialogCode.Accepted and dlg.result_person is not None:
            self.ctx.events.data_changed.emit()

    def archive_selected(self) -> None:
        from taiwa.ui.lifecycle import set_archived

        person_id = self._selected_id()
        if person_id is not None:
            set_archived(self, self.ctx, person_id, True, None)

    def delete_selected(self) -> None:
        from taiwa.ui.lifecycle import delete_person

        person_id = self._selected_id()
        if person_id is not None:
            delete_person(self, self.ctx, person_id)

    def add_person(self) -> Any:
        """Open the add-person dialog; on success the new person's page opens."""
        dlg = PersonDialog(self.ctx, self)
        if dlg.exec() == QDialog.DialogCode.Accepted and dlg.result_person is not None:
            self.refresh()
            self.ctx.events.open_person.emit(int(dlg.result_person.id))
            return dlg.result_person
        return None
