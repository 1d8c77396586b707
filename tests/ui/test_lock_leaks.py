"""After Lock the app holds no reference to the key or to decrypted note text.

The vault is opened the way ``taiwa`` opens it (the start-up open from the keyring, kept by
``ui.app.run`` for the life of the process), its notes are shown, edited, searched; then the
app locks. After ``gc.collect()`` no live Python object (str / bytes / bytearray reachable from
the garbage collector's view of the heap) and no text a live QObject exposes contains the key
(hex or bytes) or a sentinel of the notes, and the key's buffer is zeros.

What this cannot see: copies in memory that was freed but not overwritten (CPython never clears
freed memory; see ``taiwa.vault.keys``), and C-level buffers of Qt and SQLCipher that no API
exposes. Those are the limits of a Python process; the test checks what the app still holds.
"""

from __future__ import annotations

import gc
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from jaraco.classes import properties
from keyring.backend import KeyringBackend
from keyring.errors import PasswordDeleteError
from PySide6.QtCore import QCoreApplication, QEvent, QModelIndex, QObject, Qt
from PySide6.QtGui import QTextDocument, QUndoStack
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QComboBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)

import keyring

PRIVATE = "LEAKSENTINEL-private 退職を考えているQ7"
SHARED = "LEAKSENTINEL-shared agreed on the roadmap Q7"
TOPIC = "LEAKSENTINEL-topic career ladder Q7"
ACTION = "LEAKSENTINEL-action write the design doc Q7"
TYPED = "LEAKSENTINEL-typed"
NAME = "Aiko LEAKSENTINEL-name"
# Every sentinel shares this marker: a hit on it is a hit on some note text.
MARK = "LEAKSENTINEL"


class FarKeyring(KeyringBackend):
    """Like an OS keyring, outside the process: it keeps nothing that looks like the key.

    (The test keyrings keep the hex in a dict, which a scan of the heap would find; a real
    keyring returns a new str on each read, which the app must drop.)
    """

    @properties.classproperty
    def priority(cls) -> float:  # noqa: N805 - keyring's classproperty
        raise RuntimeError("test backend: install it with keyring.set_keyring")

    def __init__(self) -> None:
        super().__init__()
        self._kept: dict[tuple[str, str], bytes] = {}

    def get_password(self, service: str, username: str) -> str | None:
        kept = self._kept.get((service, username))
        return None if kept is None else bytes(b ^ 0x5A for b in kept).decode("ascii")

    def set_password(self, service: str, username: str, password: str) -> None:
        self._kept[(service, username)] = bytes(b ^ 0x5A for b in password.encode("ascii"))

    def delete_password(self, service: str, username: str) -> None:
        if self._kept.pop((service, username), None) is None:
            raise PasswordDeleteError("not found")

    def key_xored(self) -> bytes:
        """The one vault key it keeps, still scrambled (the test never holds the plain key)."""
        (value,) = [v for (_s, user), v in self._kept.items() if not user.endswith(".pending")]
        return value


def _unscramble(xored: bytes) -> str:
    return bytes(b ^ 0x5A for b in xored).decode("ascii")


def python_holders(xored_key: bytes) -> list[str]:
    """Live Python strings/bytes that contain a sentinel or the key (their types' names)."""
    gc.collect()
    gc.collect()
    # The needles are built here and skipped by identity; they are the only copies allowed.
    key_hex = _unscramble(xored_key)
    key_raw = bytes.fromhex(key_hex)
    mark_b = MARK.encode()
    needles = {id(key_hex), id(key_raw), id(mark_b)}
    needles |= {id(text) for text in (MARK, PRIVATE, SHARED, TOPIC, ACTION, TYPED, NAME)}
    hits: list[str] = []
    seen: set[int] = set()
    for obj in gc.get_objects():
        for ref in (obj, *gc.get_referents(obj)):
            if id(ref) in needles or id(ref) in seen:
                continue
            if isinstance(ref, str):
                key_found, note_found = key_hex in ref, MARK in ref
            elif isinstance(ref, (bytes, bytearray)):
                key_found = key_raw in ref or key_hex.encode() in ref
                note_found = mark_b in ref
            else:
                continue
            seen.add(id(ref))
            if key_found or note_found:
                owners = sorted({type(o).__qualname__ for o in gc.get_referrers(ref)})
                what = "key" if key_found else "note text"
                hits.append(f"{what} in a {type(ref).__name__} held by {owners[:6]}")
    return hits


def _model_texts(model: Any, parent: QModelIndex, out: list[str], depth: int = 0) -> None:
    if model is None or depth > 4:
        return
    try:
        columns = model.columnCount(parent)
    except TypeError:  # a list model keeps columnCount private
        columns = 1
    for row in range(min(model.rowCount(parent), 2000)):
        for col in range(min(columns, 50)):
            index = model.index(row, col, parent)
            for role in (
                Qt.ItemDataRole.DisplayRole,
                Qt.ItemDataRole.ToolTipRole,
                Qt.ItemDataRole.EditRole,
                Qt.ItemDataRole.UserRole,
            ):
                value = model.data(index, role)
                if value is not None:
                    out.append(repr(value))
        _model_texts(model, model.index(row, 0, parent), out, depth + 1)


def qt_texts() -> list[str]:
    """Every text a live QObject of the app exposes (visible or not), with undo histories."""
    out: list[str] = []
    objects: list[QObject] = []
    for widget in QApplication.allWidgets():
        objects.append(widget)
        objects.extend(widget.findChildren(QTextDocument))
        objects.extend(widget.findChildren(QUndoStack))
    for obj in objects:
        if isinstance(obj, QWidget):
            out += [obj.windowTitle(), obj.toolTip(), obj.statusTip(), obj.whatsThis()]
            out += [obj.accessibleName(), obj.accessibleDescription()]
        if isinstance(obj, (QLabel, QAbstractButton, QLineEdit)):
            out.append(obj.text())
        if isinstance(obj, QLineEdit):
            completer = obj.completer()
            if completer is not None:
                _model_texts(completer.model(), QModelIndex(), out)
        if isinstance(obj, (QPlainTextEdit, QTextEdit)):
            out.append(obj.toPlainText())
        if isinstance(obj, QComboBox):
            out += [obj.itemText(i) for i in range(obj.count())]
            _model_texts(obj.model(), QModelIndex(), out)
        if isinstance(obj, QAbstractItemView):
            _model_texts(obj.model(), QModelIndex(), out)
        if isinstance(obj, QTextDocument):
            out.append(obj.toPlainText())
            if obj.availableUndoSteps() or obj.availableRedoSteps():
                out.append(f"{MARK}? undo history left in a QTextDocument")
        if isinstance(obj, QUndoStack):
            out += [obj.text(i) for i in range(obj.count())]
    return out


@pytest.fixture
def far_keyring() -> FarKeyring:
    backend = FarKeyring()
    keyring.set_keyring(backend)  # the autouse memory_keyring fixture restores the previous one
    return backend


def _seed(folder: Path) -> int:
    from taiwa.domain.models import ActionDraft, MeetingStatus, Owner, Theme, TopicDraft
    from taiwa.store import Store  # type: ignore[attr-defined,unused-ignore]
    from taiwa.vault.service import create_vault

    created = create_vault(folder)
    db = created.database
    try:
        store = Store(db)
        person = store.people.add(NAME, role="Engineer", cadence_days=7)
        meeting = store.meetings.create(
            person.id,
            datetime.now(UTC) - timedelta(days=2),
            status=MeetingStatus.HELD,
            mood=3,
            shared_notes=SHARED,
            private_notes=PRIVATE,
            topics=[TopicDraft(Theme.CAREER, TOPIC)],
            actions=[ActionDraft(Owner.MANAGER, ACTION)],
        )
        return int(meeting.id)
    finally:
        db.close()


@pytest.mark.usefixtures("no_dbus")
def test_lock_drops_the_key_and_every_decrypted_text(
    qtbot: Any, tmp_path: Path, far_keyring: FarKeyring
) -> None:
    from taiwa import startup
    from taiwa.prefs import Prefs
    from taiwa.ui import ops
    from taiwa.ui.context import AppContext
    from taiwa.ui.main_window import MainWindow
    from taiwa.ui.startup_open import PrefetchedOpen

    folder = tmp_path / "vault"
    meeting_id = _seed(folder)
    xored = far_keyring.key_xored()

    # As `taiwa` starts: the open from the keyring begun first, kept by run() for good.
    opening = startup.begin(folder)
    assert opening.wait(60)
    ctx = AppContext(folder, prefs=Prefs.load())
    ctx.prefetched_open = PrefetchedOpen(opening)
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.resize(1200, 800)
    window.show()
    window.start()
    assert ctx.is_unlocked
    key_buffer = ctx.db.key._raw

    # Look at everything: dashboard, people, the person, the meeting (and edit it), a search.
    for page in ("dashboard", "people"):
        window.show_page(page)
        qtbot.wait(200)
    ctx.events.open_person.emit(1)
    qtbot.wait(300)
    ctx.events.open_meeting.emit(meeting_id)
    editor = window.page("meeting")
    assert editor is not None
    shared = editor.findChild(QPlainTextEdit, "sharedNotesEdit")
    qtbot.waitUntil(lambda: shared.toPlainText() == SHARED, timeout=15_000)
    shared.setFocus()
    qtbot.keyClicks(shared, " " + TYPED)
    window.search_field.setText(MARK)
    qtbot.keyClick(window.search_field, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.current_page_key() == "search", timeout=5000)
    qtbot.wait(500)
    assert any(MARK in text for text in qt_texts())  # the scan does see note text on screen
    before = python_holders(xored)  # …and in Python objects, the key among them
    assert any(hit.startswith("key") for hit in before)
    assert any(hit.startswith("note") for hit in before)
    del before

    window.lock("manual")
    assert not ctx.is_unlocked
    ops.wait_for_pending(10_000)
    qtbot.wait(100)  # queued results arrive (and are dropped)
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)  # finished ops go

    assert key_buffer == bytearray(len(key_buffer))
    assert [t for t in qt_texts() if MARK in t] == []
    assert python_holders(xored) == []

    # Unlocked again from the unlock screen (the keyring), shown again, locked again.
    window._unlock.unlock_button.click()
    qtbot.waitUntil(lambda: ctx.is_unlocked, timeout=15_000)
    key_buffer = ctx.db.key._raw

    def shown() -> str:
        page = window.page("meeting")
        edit = page.findChild(QPlainTextEdit, "sharedNotesEdit") if page else None
        return edit.toPlainText() if edit is not None else ""

    ctx.events.open_meeting.emit(meeting_id)
    qtbot.waitUntil(lambda: shown().startswith(SHARED), timeout=15_000)
    window.lock("idle")
    ops.wait_for_pending(10_000)
    qtbot.wait(100)
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    assert key_buffer == bytearray(len(key_buffer))
    assert [t for t in qt_texts() if MARK in t] == []
    assert python_holders(xored) == []
    del opening
