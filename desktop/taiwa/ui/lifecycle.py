"""Archive, delete for good and move: the record-lifecycle actions of the app.

The person page, the people list, the person page's action items and the main window's Person
menu call these; each asks first where the action cannot be undone, runs the store call off the
GUI thread (an erasure rewrites the whole vault file: seconds on a big vault) and announces the
change through ``ctx.events.data_changed``. The confirmations of a deletion for good say that
earlier backups still hold the data and name the ones the vault knows
(:func:`taiwa.vault.service.known_backups`).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from taiwa.errors import TaiwaError
from taiwa.ui.ops import Op, show_error


def _tr(text: str) -> str:
    return QCoreApplication.translate("Lifecycle", text)


def backups_text(db: Any) -> str:
    """The paragraph on earlier backups that every deletion for good shows."""
    from taiwa.vault.service import VaultDatabase, known_backups

    try:
        found = known_backups(db) if isinstance(db, VaultDatabase) else []
    except OSError:
        found = []
    if not found:
        return _tr(
            "Earlier backups still hold this data. This vault knows of no backup; check any"
            " copies you made."
        )
    names = "\n".join(f"• {p}" for p in found[:12])
    more = len(found) - 12
    if more > 0:
        names += "\n" + _tr("…and %1 more").replace("%1", str(more))
    return (
        _tr(
            "Earlier backups still hold this data; delete or replace them too if it must be gone"
            " everywhere. Backups this vault knows of:"
        )
        + "\n"
        + names
    )


def confirm_erase(parent: QWidget | None, ctx: Any, title: str, text: str) -> bool:
    """Ask before a deletion for good (the safe answer, Cancel, is the default)."""
    box = QMessageBox(parent)
    box.setObjectName("confirmErase")
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(title)
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setText(text)
    box.setInformativeText(backups_text(ctx.db))
    erase = box.addButton(_tr("&Delete for good"), QMessageBox.ButtonRole.DestructiveRole)
    cancel = box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(cancel)
    box.setEscapeButton(cancel)
    box.exec()
    return box.clickedButton() is erase


def _changed(ctx: Any, then: Callable[[], None] | None = None) -> Callable[[Any], None]:
    def done(_result: Any) -> None:
        ctx.events.data_changed.emit()
        if then is not None:
            then()

    return done


def set_archived(
    parent: QWidget, ctx: Any, person_id: int, archived: bool, then: Callable[[], None] | None
) -> None:
    """Archive a person (off the dashboard and lists, kept and searchable) or bring them back."""
    store = ctx.store
    Op(parent, lambda: store.people.archive(person_id, archived)).success(
        _changed(ctx, then)
    ).failure(lambda exc: show_error(parent, exc)).run()


def delete_person(
    parent: QWidget, ctx: Any, person_id: int, then: Callable[[], None] | None = None
) -> None:
    """Ask, then delete a person and all their records for good."""
    store = ctx.store
    person = store.people.get(person_id)
    meetings = store.meetings.count_for_person(person_id)
    text = (
        _tr(
            "Delete %1 for good? Their %2 meetings, action items, notes, calendar links and"
            " drafts are erased from this vault. This cannot be undone."
        )
        .replace("%1", person.name)
        .replace("%2", str(meetings))
    )
    if not confirm_erase(parent, ctx, _tr("Delete person"), text):
        return
    Op(parent, lambda: store.people.delete(person_id)).success(_changed(ctx, then)).failure(
        lambda exc: show_error(parent, exc)
    ).run()


def delete_meeting(
    parent: QWidget, ctx: Any, meeting_id: int, then: Callable[[], None] | None = None
) -> None:
    """Ask, then delete a meeting for good (its action items stay with the person)."""
    store = ctx.store
    text = _tr(
        "Delete this meeting for good? Its notes, topics and drafts are erased from this vault;"
        " its action items stay with the person. This cannot be undone."
    )
    if not confirm_erase(parent, ctx, _tr("Delete meeting"), text):
        return
    Op(parent, lambda: store.meetings.delete(meeting_id)).success(_changed(ctx, then)).failure(
        lambda exc: show_error(parent, exc)
    ).run()


def delete_action(
    parent: QWidget, ctx: Any, action_id: int, then: Callable[[], None] | None = None
) -> None:
    """Ask, then delete an action item for good."""
    store = ctx.store
    text = _tr("Delete this action item for good? This cannot be undone.")
    if not confirm_erase(parent, ctx, _tr("Delete action item"), text):
        return
    Op(parent, lambda: store.actions.delete(action_id, erase=True)).success(
        _changed(ctx, then)
    ).failure(lambda exc: show_error(parent, exc)).run()


def move_meeting(
    parent: QWidget, ctx: Any, meeting_id: int, then: Callable[[int], None] | None = None
) -> None:
    """Ask for another person and file the meeting under them (the meeting editor's hook).

    ``then(person_id)`` runs after the move.
    """
    store = ctx.store
    meeting = store.meetings.get(meeting_id)
    people = [p for p in store.people.list() if p.id != meeting.person_id]
    if not people:
        box = QMessageBox(parent)
        box.setIcon(QMessageBox.Icon.Information)
        box.setWindowTitle(_tr("Move meeting"))
        box.setText(_tr("There is nobody else to move this meeting to."))
        box.exec()
        return
    labels = [p.name if not p.emails else f"{p.name} <{p.emails[0]}>" for p in people]
    label, ok = QInputDialog.getItem(
        parent,
        _tr("Move meeting"),
        _tr("Move this meeting, its topics and the action items agreed in it to:"),
        labels,
        0,
        False,
    )
    if not ok or label not in labels:
        return
    target = people[labels.index(label)].id

    def done(_result: Any) -> None:
        ctx.events.data_changed.emit()
        if then is not None:
            then(target)

    Op(parent, lambda: store.meetings.move(meeting_id, target)).success(done).failure(
        lambda exc: show_error(parent, exc)
    ).run()


class ArchivedPeopleDialog(QDialog):
    """The archived people: open one, bring them back, or delete them for good."""

    def __init__(self, ctx: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("archivedPeopleDialog")
        self.setWindowTitle(self.tr("Archived people"))
        self.setMinimumSize(480, 360)
        lay = QVBoxLayout(self)
        hint = QLabel(
            self.tr(
                "Archived people are off the dashboard and the lists; their records are kept,"
                " and search finds them."
            ),
            self,
        )
        hint.setObjectName("hint")
        hint.setWordWrap(True)
        lay.addWidget(hint)
        self.list = QListWidget(self)
        self.list.setAccessibleName(self.tr("Archived people"))
        self.list.itemActivated.connect(self._on_open)
        lay.addWidget(self.list, 1)
        row = QHBoxLayout()
        self.open_button = QPushButton(self.tr("&Open"), self)
        self.unarchive_button = QPushButton(self.tr("&Unarchive"), self)
        self.delete_button = QPushButton(self.tr("&Delete for good…"), self)
        self.open_button.clicked.connect(lambda: self._on_open(self.list.currentItem()))
        self.unarchive_button.clicked.connect(self._on_unarchive)
        self.delete_button.clicked.connect(self._on_delete)
        for button in (self.open_button, self.unarchive_button, self.delete_button):
            row.addWidget(button)
        row.addStretch(1)
        lay.addLayout(row)
        box = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        box.rejected.connect(self.reject)
        lay.addWidget(box)
        self.refresh()

    def refresh(self) -> None:
        self.list.clear()
        for p in self.ctx.store.people.list_archived():
            text = p.name
            if p.archived_at is not None:
                day = p.archived_at.astimezone().date().isoformat()
                #: After a name in the list of archived people: "(archived 2026-12-03)".
                text += "  " + self.tr("(archived %1)").replace("%1", day)
            item = QListWidgetItem(text, self.list)
            item.setData(Qt.ItemDataRole.UserRole, p.id)
        if self.list.count():
            self.list.setCurrentRow(0)
        else:
            QListWidgetItem(self.tr("Nobody is archived."), self.list).setFlags(
                Qt.ItemFlag.NoItemFlags
            )
        has = self._current() is not None
        for button in (self.open_button, self.unarchive_button, self.delete_button):
            button.setEnabled(has)

    def clear(self) -> None:
        """Called on lock: no names stay on screen."""
        self.list.clear()

    def _current(self) -> int | None:
        item = self.list.currentItem()
        value = None if item is None else item.data(Qt.ItemDataRole.UserRole)
        return int(value) if value else None

    def _on_open(self, item: QListWidgetItem | None) -> None:
        value = None if item is None else item.data(Qt.ItemDataRole.UserRole)
        if value:
            self.accept()
            self.ctx.events.open_person.emit(int(value))

    def _on_unarchive(self) -> None:
        person_id = self._current()
        if person_id is not None:
            set_archived(self, self.ctx, person_id, False, self.refresh)

    def _on_delete(self) -> None:
        person_id = self._current()
        if person_id is not None:
            delete_person(self, self.ctx, person_id, self.refresh)


class PersonMenu:
    """The main window's Person menu: edit, archive or delete the person shown, move the
    meeting shown, list the archived people. Built by the window's ``_build_menus``.

    It reads what is shown from the window (``current_page_key()``, ``_current_person_id()``,
    ``_item_id("meeting")``) and enables its actions when the menu opens.
    """

    def __init__(self, window: Any, menu: Any) -> None:
        from PySide6.QtGui import QAction

        self.window = window
        self.menu = menu
        menu.setObjectName("personMenu")

        def action(text: str, slot: Callable[[], None]) -> QAction:
            act = QAction(text, menu)  # goes with the menu when the window is retranslated
            act.triggered.connect(slot)
            menu.addAction(act)
            return act

        self.edit = action(_tr("&Edit person…"), self._on_edit)
        self.archive = action(_tr("&Archive person"), self._on_archive)
        self.delete = action(_tr("&Delete person for good…"), self._on_delete)
        menu.addSeparator()
        self.move = action(_tr("&Move meeting to another person…"), self._on_move)
        menu.addSeparator()
        self.archived = action(_tr("A&rchived people…"), self._on_archived)
        menu.aboutToShow.connect(self.update)

    @property
    def ctx(self) -> Any:
        return self.window.ctx

    def _person(self) -> Any:
        key = self.window.current_page_key()
        if key not in ("person", "meeting") or not self.ctx.is_unlocked:
            return None
        person_id = self.window._current_person_id()
        if not person_id:
            return None
        try:
            return self.ctx.store.people.get(int(person_id))
        except TaiwaError:  # gone meanwhile: the actions are just disabled
            return None

    def _meeting_id(self) -> int:
        if self.window.current_page_key() != "meeting" or not self.ctx.is_unlocked:
            return 0
        return int(self.window._item_id("meeting") or 0)

    def update(self) -> None:
        person = self._person()
        for act in (self.edit, self.archive, self.delete):
            act.setEnabled(person is not None)
        if person is not None and person.archived:
            self.archive.setText(_tr("&Unarchive person"))
        else:
            self.archive.setText(_tr("&Archive person"))
        self.move.setEnabled(bool(self._meeting_id()))
        self.archived.setEnabled(self.ctx.is_unlocked)

    def _on_edit(self) -> None:
        person = self._person()
        if person is None:
            return
        from taiwa.ui.people_page import PersonDialog

        dlg = PersonDialog(self.ctx, self.window, person=person)
        if dlg.exec() == QDialog.DialogCode.Accepted and dlg.result_person is not None:
            self.ctx.events.data_changed.emit()

    def _on_archive(self) -> None:
        person = self._person()
        if person is None:
            return
        archived = not person.archived
        then = (lambda: self.window.show_page("people")) if archived else None
        set_archived(self.window, self.ctx, person.id, archived, then)

    def _on_delete(self) -> None:
        person = self._person()
        if person is not None:
            delete_person(self.window, self.ctx, person.id, lambda: self.window.show_page("people"))

    def _on_move(self) -> None:
        meeting_id = self._meeting_id()
        if meeting_id:
            move_meeting(
                self.window,
                self.ctx,
                meeting_id,
                lambda _pid: self.ctx.events.open_meeting.emit(meeting_id),
            )

    def _on_archived(self) -> None:
        if not self.ctx.is_unlocked:
            return
        dialog = ArchivedPeopleDialog(self.ctx, self.window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()


def announce_vault_notices(parent: QWidget, db: Any) -> None:
    """Tell the user, without blocking, that opening the vault applied the retention rule."""
    from taiwa.vault.service import NOTICE_RETENTION_ERASED

    count = int(getattr(db, "retention_erased", 0) or 0)
    if NOTICE_RETENTION_ERASED not in getattr(db, "notices", []) or not count:
        return
    box = QMessageBox(parent)
    box.setObjectName("retentionNotice")
    box.setIcon(QMessageBox.Icon.Information)
    box.setWindowTitle(_tr("Retention rule applied"))
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setText(
        _tr(
            "The retention rule erased %1 archived people whose retention period was over."
        ).replace("%1", str(count))
    )
    box.setInformativeText(backups_text(db))
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()
