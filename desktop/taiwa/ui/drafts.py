"""Nothing typed is lost: unsaved text kept as drafts in the vault, and offered back.

:class:`DraftKeeper` watches a page's or dialog's text fields. Whenever a field holds text that
is not saved — typed into "add topic" but Enter not pressed yet, a dialog not confirmed yet, a
note whose autosave failed — it writes that text as a draft into the vault (the ``draft``
table of the encrypted database, :mod:`taiwa.store.drafts`) one second after the last change,
and at the latest two seconds after the first unsaved one. It deletes the draft when the text
is saved, cleared, or the dialog cancelled. Writes go through the same ordered, sequence-checked
path as the notes' autosave (:class:`~taiwa.ui.widgets.autosave.AutoSaver`), off the GUI
thread; :meth:`DraftKeeper.flush` writes synchronously before a lock or quit.

So after a crash, SIGKILL or power loss, at most about two seconds of typing are missing.
:class:`DraftsBar` — a strip above the pages, never a modal dialog — offers the drafts back on
the next open of the vault. It gives only their number: no draft text ever appears in a window
title, a notification or a log.

Fields that create something when confirmed ("add topic", a dialog) keep their draft over a
lock or quit too (there is nothing to save them into without the user's Enter or OK); the pages
put such drafts back into their fields when they show them again.
"""

from __future__ import annotations

import logging
import threading
import weakref
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import shiboken6
from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QWidget,
)

from taiwa.domain import drafts as dd
from taiwa.ui.ops import Op
from taiwa.ui.widgets.autosave import AutoSaver

log = logging.getLogger(__name__)

IDLE_MS = 1000
MAX_MS = 2000
RETRY_MS = 5000
# The offer is looked for this long after an open (the first screen comes first).
CHECK_DELAY_MS = 300

_keepers: weakref.WeakSet[DraftKeeper] = weakref.WeakSet()


def live_keys() -> set[str]:
    """Keys whose unsaved text is on screen right now, in some watched field."""
    keys: set[str] = set()
    for keeper in list(_keepers):
        # A keeper's Python object can outlive its page (the cycle collector runs late).
        if shiboken6.isValid(keeper):
            keys |= keeper.live_keys()
        else:
            _keepers.discard(keeper)
    return keys


@dataclass
class _Field:
    widget: QLineEdit | QPlainTextEdit
    key: Callable[[], str | None]
    saved: Callable[[], str]
    covered: Callable[[], bool]

    def text(self) -> str:
        w = self.widget
        return w.text() if isinstance(w, QLineEdit) else w.toPlainText()


class DraftKeeper(QObject):
    """Keeps the unsaved text of watched fields as drafts in the vault (see the module doc).

    Args:
        parent: the page or dialog (the keeper dies with it).
        ctx: the :class:`~taiwa.ui.context.AppContext`.
        background: write on the vault worker (False: on the GUI thread, for tests).
    """

    #: A draft write failed (the exception); it is retried at the next change, or after
    #: ``RETRY_MS`` if nothing changes.
    failed = Signal(object)

    def __init__(self, parent: QObject, ctx: Any, *, background: bool = True) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._fields: list[_Field] = []
        # What this keeper knows to be in the vault: key -> text. Read and written under the
        # lock (the worker writes, the GUI thread adopts and forgets).
        self._stored: dict[str, str] = {}
        self._lock = threading.Lock()
        self._closed = False
        self._saver = AutoSaver(
            self,
            self._snapshot,
            self._write,
            background=background,
            idle_ms=IDLE_MS,
            max_ms=MAX_MS,
        )
        self._saver.failed.connect(self._on_failed)
        # After a failed write (the vault busy, the disk full), try again a little later even
        # if nothing is typed meanwhile.
        self._retry = QTimer(self, singleShot=True, interval=RETRY_MS)
        self._retry.timeout.connect(self.touch)
        _keepers.add(self)

    # -- watching ---------------------------------------------------------------------------

    def watch(
        self,
        widget: QLineEdit | QPlainTextEdit,
        key: Callable[[], str | None],
        *,
        saved: Callable[[], str] | None = None,
        covered: Callable[[], bool] | None = None,
    ) -> None:
        """Keep ``widget``'s text as a draft while it differs from what is saved.

        Args:
            widget: the field.
            key: its draft key now (None: the field holds nothing of the vault's right now).
            saved: the text the vault holds for it (default: empty — an entry field).
            covered: True while another mechanism (the notes' autosave) is saving the field
                successfully: no draft is written then, only an obsolete one deleted.
        """
        self._fields.append(
            _Field(
                widget,
                key,
                saved or (lambda: ""),
                covered or (lambda: False),
            )
        )
        # textChanged, not textEdited: clearing the field after Enter must delete its draft.
        widget.textChanged.connect(lambda *_args: self.touch())

    def touch(self) -> None:
        """A field changed (or what is saved did): check the drafts a moment later."""
        if not self._closed:
            self._saver.mark_dirty()

    def flush(self) -> None:
        """Write or delete drafts now, synchronously (before a lock, a quit, a key change).

        Never raises: a failure is logged (by type only) and reported through ``failed``.
        """
        try:
            self._saver.flush()
        except Exception as exc:
            self._on_failed(exc)

    def adopt(self, key: str, text: str) -> None:
        """A field was filled from the vault's draft ``key``: it is stored as it stands."""
        with self._lock:
            self._stored[key] = text

    def forget(self) -> None:
        """Delete every draft of this keeper now and stop keeping any (a dialog's text was
        saved, or the user cancelled it on purpose)."""
        self._closed = True
        self._saver.mark_dirty()
        self.flush()

    def discard(self) -> None:
        """Stop pending checks and forget what is known of the vault (the page was cleared)."""
        self._saver.discard()
        self._retry.stop()
        with self._lock:
            self._stored.clear()

    def live_keys(self) -> set[str]:
        """Keys of fields showing unsaved text (what a restore offer must not count)."""
        if self._closed:
            return set()
        out = set()
        for f in self._fields:
            if not f.widget.isVisible():
                continue  # a page or dialog out of sight: its text is not on screen
            key = f.key()
            if key is not None and f.text().strip() and f.text() != f.saved():
                out.add(key)
        return out

    # -- writing ----------------------------------------------------------------------------

    def _snapshot(self) -> dict[str, Any]:
        """key -> text to keep, or None to delete; keys left out stay as they are."""
        want: dict[str, str | None] = {}
        if not self._closed:
            for f in self._fields:
                key = f.key()
                if key is None:
                    continue
                text, saved = f.text(), f.saved()
                if text == saved or not text.strip():
                    want[key] = None
                elif not f.covered():
                    want[key] = text
        return want

    def _write(self, want: dict[str, str | None]) -> Any:
        # On the vault worker, or on the GUI thread for flush(); AutoSaver runs one at a time.
        with self._lock:
            if self._closed:  # forget(): every draft this keeper wrote, up to this moment
                want = {**want, **dict.fromkeys(self._stored)}
            changes = {
                k: v
                for k, v in want.items()
                if (v is None and k in self._stored) or (v is not None and self._stored.get(k) != v)
            }
        if not changes:
            return None
        stored = self.ctx.store.drafts.apply(changes)
        with self._lock:
            for key, kept in stored.items():
                if kept:
                    self._stored[key] = str(changes[key])
                else:
                    self._stored.pop(key, None)
        return stored

    def _on_failed(self, exc: BaseException) -> None:
        from taiwa.ui.context import VaultLockedError

        if isinstance(exc, VaultLockedError):
            return
        if not self._retry.isActive():
            log.warning("a draft was not written: %s", type(exc).__name__)
            self._retry.start()
        self.failed.emit(exc)


class DraftsBar(QFrame):
    """The offer, after an open of the vault, to restore text typed but never saved.

    Non-modal: a strip above the pages with the number of drafts (never their text), Restore
    and Discard. Restore merges the drafts of saved text fields (notes, purpose, career goals)
    into their records, then opens where the rest goes back: the meeting (its "new topic" and
    "new action item" fields take their drafts), or the person dialog. Discard deletes them.
    Drafts whose text is on screen in a field already are not counted.
    """

    #: Restore finished: meeting ids and person ids written or to open, and the person form
    #: reopened (a person id, 0 for a new person, -1 for none).
    restored = Signal(list, list, int)
    #: Discard finished.
    discarded = Signal()

    def __init__(self, ctx: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("banner")
        row = QHBoxLayout(self)
        row.setContentsMargins(12, 6, 12, 6)
        row.setSpacing(8)
        self.label = QLabel(self)
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        self.label.setWordWrap(True)
        row.addWidget(self.label, 1)
        self.restore_button = QPushButton(self)
        self.restore_button.setObjectName("primary")
        self.restore_button.clicked.connect(self._on_restore)
        self.discard_button = QPushButton(self)
        self.discard_button.clicked.connect(self._on_discard)
        row.addWidget(self.restore_button)
        row.addWidget(self.discard_button)
        self.count = 0
        self._keys: list[str] = []
        self._retranslate()
        self._check_timer = QTimer(self, singleShot=True, interval=CHECK_DELAY_MS)
        self._check_timer.timeout.connect(self._check_now)
        ctx.events.locked.connect(self._on_locked)
        self.hide()

    def _retranslate(self) -> None:
        self.setAccessibleName(self.tr("Unsaved text"))
        self.restore_button.setText(self.tr("&Restore"))
        self.restore_button.setToolTip(self.tr("Put the text back where it was typed"))
        self.discard_button.setText(self.tr("D&iscard"))
        self.discard_button.setToolTip(self.tr("Delete the unsaved text"))
        self.label.setText(
            self.tr(
                "Taiwa closed or locked before %n typed text(s) were saved. Restore them?",
                "",
                self.count,
            )
        )

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    # -- the offer --------------------------------------------------------------------------

    def check(self) -> None:
        """Look for drafts left by an earlier session and show the offer — a moment after the
        first screen (it needs no query to appear; the look runs off the GUI thread)."""
        self._check_timer.start()

    def _check_now(self) -> None:
        if not self.ctx.is_unlocked:
            return
        drafts = self.ctx.store.drafts

        def work() -> list[str]:
            drafts.prune()
            return [d.key for d in drafts.list()]

        Op(self, work).success(self._on_checked).failure(self._on_failed).run()

    def _on_checked(self, keys: list[str]) -> None:
        on_screen = live_keys()
        self._keys = [k for k in keys if k not in on_screen]
        self.count = len(self._keys)
        self._retranslate()
        self.setVisible(bool(self._keys))

    def _on_failed(self, exc: BaseException) -> None:
        from taiwa.ui import ops

        self.hide()
        ops.show_error(self.window(), exc)

    def _on_locked(self) -> None:
        self._check_timer.stop()
        self.hide()
        self._keys = []
        self.count = 0

    # -- restore ----------------------------------------------------------------------------

    def _on_restore(self) -> None:
        drafts = self.ctx.store.drafts
        keys = list(self._keys)

        def work() -> tuple[Any, list[str]]:
            result = drafts.restore_text_fields(keys)
            return result, [d.key for d in drafts.list() if d.key in keys]

        self._set_busy(True)
        Op(self, work).success(self._on_restored).failure(self._on_failed_action).run()

    def _on_restored(self, outcome: tuple[Any, list[str]]) -> None:
        result, remaining = outcome
        self._set_busy(False)
        self.hide()
        meetings = list(result.meeting_ids)
        people = list(result.person_ids)
        form = -1
        for key in remaining:  # newest first
            parts = dd.parse_key(key)
            if parts is None:
                continue
            if parts.record == dd.MEETING and parts.record_id is not None:
                if parts.record_id not in meetings:
                    meetings.insert(0, parts.record_id)  # its fields take the drafts
            elif parts.record == dd.PERSON and parts.field in dd.PERSON_FORM_FIELDS and form < 0:
                form = 0 if parts.record_id is None else parts.record_id
        self.ctx.events.data_changed.emit()
        # Where the text goes back: the meeting first (or the person whose goals came back).
        if meetings:
            self.ctx.events.open_meeting.emit(meetings[0])
        elif people:
            self.ctx.events.open_person.emit(people[0])
        if form >= 0:
            open_person_form(self.ctx, self.window(), form or None)
        self.restored.emit(meetings, people, form)
        if result.failed:
            from taiwa.ui import ops

            ops.show_error(self.window(), result.failed[0][1])

    # -- discard ----------------------------------------------------------------------------

    def _on_discard(self) -> None:
        drafts = self.ctx.store.drafts
        keep = live_keys()
        keys = [k for k in self._keys if k not in keep]
        self._set_busy(True)
        Op(self, lambda: drafts.delete_many(keys)).success(self._on_discarded).failure(
            self._on_failed_action
        ).run()

    def _on_discarded(self, _count: int) -> None:
        self._set_busy(False)
        self.hide()
        self.discarded.emit()

    def _on_failed_action(self, exc: BaseException) -> None:
        from taiwa.ui import ops

        self._set_busy(False)
        ops.show_error(self.window(), exc)

    def _set_busy(self, busy: bool) -> None:
        self.restore_button.setEnabled(not busy)
        self.discard_button.setEnabled(not busy)


def open_person_form(ctx: Any, parent: QWidget, person_id: int | None) -> QWidget | None:
    """Open the add-person dialog (``person_id`` None) or the edit dialog of a person, window-
    modal and not blocking; it fills its fields from its drafts. None if the person is gone."""
    from taiwa.errors import TaiwaError
    from taiwa.ui.people_page import PersonDialog

    person = None
    if person_id is not None:
        try:
            person = ctx.store.people.get(person_id)
        except TaiwaError:
            return None
    dialog = PersonDialog(ctx, parent, person=person)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

    def opened() -> None:
        if dialog.result_person is not None:
            ctx.events.open_person.emit(int(dialog.result_person.id))

    dialog.accepted.connect(opened)
    dialog.open()
    return dialog
