"""Autosave while typing: at most about one second of typing is ever unsaved.

Every edit marks the saver dirty. A save happens 500 ms after the last keystroke, and at the
latest 1 s after the first unsaved one (so typing without pause is saved every second too). Each
save writes a *snapshot of every field* the editor owns, off the GUI thread through
:mod:`taiwa.ui.ops` (in submission order, one worker). Snapshots carry a sequence number and a
worker skips a snapshot older than one already written, so :meth:`AutoSaver.flush` — which
writes synchronously on the GUI thread before a lock, a page switch or quitting — can never be
overwritten by a late background save.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal

from taiwa.ui.context import VaultLockedError
from taiwa.ui.ops import Op

IDLE_MS = 500
MAX_MS = 1000


class AutoSaver(QObject):
    """Debounced, ordered saving of an editor's fields.

    Args:
        snapshot: returns the values to save now (called on the GUI thread).
        save: writes them (called on the worker, or on the GUI thread by :meth:`flush`) and
            returns what the store returned.
        idle_ms, max_ms: save this long after the last edit, and at the latest this long after
            the first unsaved one (the drafts of :mod:`taiwa.ui.drafts` use longer bounds).
    """

    saved = Signal(object)  # the store's result of a save (GUI thread)
    failed = Signal(object)  # the exception (GUI thread)
    state_changed = Signal(str)  # "dirty", "saving", "saved"

    def __init__(
        self,
        parent: QObject,
        snapshot: Callable[[], dict[str, Any]],
        save: Callable[[dict[str, Any]], Any],
        *,
        background: bool = True,
        idle_ms: int = IDLE_MS,
        max_ms: int = MAX_MS,
    ) -> None:
        super().__init__(parent)
        self._snapshot = snapshot
        self._save = save
        self.background = background
        self._lock = threading.Lock()
        self._seq = 0
        self._written = 0
        self._dirty = False
        self._idle = QTimer(self, singleShot=True, interval=idle_ms)
        self._max = QTimer(self, singleShot=True, interval=max_ms)
        self._idle.timeout.connect(self._on_timer)
        self._max.timeout.connect(self._on_timer)

    @property
    def dirty(self) -> bool:
        return self._dirty

    def mark_dirty(self) -> None:
        """Something was typed: (re)start the debounce, keep the deadline (1 s by default)."""
        self._idle.start()
        if not self._dirty:
            self._dirty = True
            self._max.start()
            self.state_changed.emit("dirty")

    def _stop(self) -> None:
        self._idle.stop()
        self._max.stop()
        self._dirty = False

    def _write(self, seq: int, values: dict[str, Any]) -> Any:
        with self._lock:
            if seq <= self._written:
                return None  # a newer snapshot was saved meanwhile (by flush)
            result = self._save(values)
            self._written = seq
            return result

    def _on_timer(self) -> None:
        if not self._dirty:
            return
        self._stop()
        self._seq += 1
        seq, values = self._seq, self._snapshot()
        self.state_changed.emit("saving")
        if not self.background:
            self._deliver(self._write(seq, values))
            return
        Op(self, lambda: self._write(seq, values)).success(self._deliver).failure(
            self._on_failed
        ).run()

    def _deliver(self, result: Any) -> None:
        if result is not None:
            self.saved.emit(result)
        if not self._dirty:
            self.state_changed.emit("saved")

    def _on_failed(self, exc: BaseException) -> None:
        if isinstance(exc, VaultLockedError):
            return  # locked meanwhile: flush() saved the text before the vault closed
        self.failed.emit(exc)

    def flush(self) -> Any:
        """Save now, synchronously, if anything is unsaved — typed, or still queued for the
        worker (the vault may close right after this). Returns the store's result."""
        if not self._dirty and self._seq <= self._written:
            return None
        self._stop()
        self._seq += 1
        result = self._write(self._seq, self._snapshot())
        self._deliver(result)
        return result

    def discard(self) -> None:
        """Forget pending edits (after clear(): nothing to save, nothing to keep)."""
        self._stop()
