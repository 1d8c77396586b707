"""The app's background integrity check: only when due, after a delay, time-boxed, and
cancelled by a lock (``ops.cancel_pending``) within a moment."""

from __future__ import annotations

import threading
import time
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QObject

from taiwa.ui import integrity as bg
from taiwa.ui import ops
from taiwa.vault import integrity


class FakeDb:
    """What the background check uses of a VaultDatabase."""

    def __init__(self, folder: Path, *, pending: bool = False, endless: bool = False) -> None:
        self.folder = folder
        self.integrity_pending = pending
        self.integrity_verified = False
        self.endless = endless
        self.calls: list[dict[str, Any]] = []
        self.stopped = threading.Event()

    def verify_integrity(self, **kw: Any) -> bool:
        self.calls.append(kw)
        while self.endless:
            try:
                kw["cancel"]()
            except BaseException:
                self.stopped.set()
                raise
            time.sleep(0.005)
        return True


def _recent(folder: Path) -> Path:
    folder.mkdir()
    integrity.record_check(folder)
    return folder


def test_nothing_runs_when_no_check_is_due(qtbot: Any, tmp_path: Path) -> None:
    db = FakeDb(_recent(tmp_path / "v"))
    owner = QObject()
    assert not bg.schedule(owner, db, 0, lambda: True, pytest.fail)
    qtbot.wait(50)
    assert db.calls == []


def test_an_owed_check_runs_after_the_delay_within_its_time_box(qtbot: Any, tmp_path: Path) -> None:
    db = FakeDb(_recent(tmp_path / "v"), pending=True)
    owner = QObject()
    before = time.monotonic()
    assert bg.schedule(owner, db, 50, lambda: True, pytest.fail)
    assert db.calls == []  # not during the unlock
    qtbot.waitUntil(lambda: len(db.calls) == 1, timeout=5000)
    deadline = db.calls[0]["deadline"]
    assert before + bg.TIME_BOX_S <= deadline <= time.monotonic() + bg.TIME_BOX_S
    assert callable(db.calls[0]["cancel"])


def test_a_lock_before_the_delay_skips_it(qtbot: Any, tmp_path: Path) -> None:
    db = FakeDb(_recent(tmp_path / "v"), pending=True)
    assert bg.schedule(QObject(), db, 20, lambda: False, pytest.fail)
    qtbot.wait(100)
    assert db.calls == []


def test_a_lock_cancels_a_running_check(qtbot: Any, tmp_path: Path) -> None:
    folder = tmp_path / "v"
    folder.mkdir()  # no record of a check: one is due
    db = FakeDb(folder, endless=True)
    failures: list[BaseException] = []
    owner = QObject()
    assert bg.schedule(owner, db, 0, lambda: True, failures.append)
    qtbot.waitUntil(lambda: len(db.calls) == 1, timeout=5000)
    assert ops.cancel_pending() >= 1  # what MainWindow.lock does
    assert db.stopped.wait(5)
    qtbot.wait(50)
    assert failures == []  # a cancellation is not a failure
