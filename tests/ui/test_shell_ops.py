"""The background-op helper: results on the GUI thread, one worker at a time, safe failures."""

from __future__ import annotations

import threading
import time
from typing import Any

import pytest
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from taiwa.errors import InputError
from taiwa.i18n import Msg
from taiwa.ui import ops
from taiwa.ui.crash import CrashDialog
from taiwa.ui.ops import Op


def test_success_arrives_on_the_gui_thread(qtbot: Any) -> None:
    widget = QWidget()
    qtbot.addWidget(widget)
    seen: list[tuple[int, bool]] = []
    worker_threads: list[bool] = []

    def work() -> int:
        worker_threads.append(threading.current_thread() is threading.main_thread())
        return 42

    op = Op(widget, work).success(
        lambda v: seen.append((v, threading.current_thread() is threading.main_thread()))
    )
    op.run()
    qtbot.waitUntil(lambda: bool(seen))
    assert seen == [(42, True)]
    assert worker_threads == [False]


def test_ops_never_overlap(qtbot: Any) -> None:
    active = 0
    peak = 0
    lock = threading.Lock()
    done: list[int] = []

    def work(i: int) -> int:
        nonlocal active, peak
        with lock:
            active += 1
            peak = max(peak, active)
        time.sleep(0.01)
        with lock:
            active -= 1
        return i

    for i in range(5):
        Op(None, lambda i=i: work(i)).success(done.append).run()
    qtbot.waitUntil(lambda: len(done) == 5)
    assert peak == 1
    assert done == [0, 1, 2, 3, 4]  # in submission order


def test_taiwa_error_becomes_a_translated_message_box(qtbot: Any) -> None:
    widget = QWidget()
    qtbot.addWidget(widget)

    def work() -> None:
        raise InputError(Msg("Bad date.", "日付が正しくありません。"))

    Op(widget, work).run()
    qtbot.waitUntil(lambda: bool(widget.findChildren(QMessageBox)))
    box = widget.findChildren(QMessageBox)[0]
    assert box.text() == "Bad date."
    box.close()


def test_other_exceptions_show_only_their_type(qtbot: Any) -> None:
    widget = QWidget()
    qtbot.addWidget(widget)

    def work() -> None:
        raise ValueError("SECRET NOTE TEXT")

    Op(widget, work).run()
    qtbot.waitUntil(lambda: bool(widget.findChildren(CrashDialog)))
    dialog = widget.findChildren(CrashDialog)[0]
    texts = " ".join(label.text() for label in dialog.findChildren(type(dialog.children()[1])))
    assert "ValueError" in texts
    assert "SECRET" not in texts
    dialog.close()


def test_failure_callback_replaces_the_default(qtbot: Any) -> None:
    got: list[BaseException] = []
    Op(None, lambda: 1 / 0).failure(got.append).run()
    qtbot.waitUntil(lambda: bool(got))
    assert isinstance(got[0], ZeroDivisionError)


def test_results_are_dropped_after_a_lock(qtbot: Any) -> None:
    gate = threading.Event()
    seen: list[int] = []
    op = Op(None, lambda: (gate.wait(5), 7)[1]).success(seen.append).run()
    ops.invalidate_pending()  # what locking does
    gate.set()
    qtbot.waitUntil(lambda: op.done)
    assert seen == []


def test_results_are_dropped_when_the_parent_is_gone(qtbot: Any) -> None:
    gate = threading.Event()
    seen: list[int] = []
    widget = QWidget()
    op = Op(widget, lambda: (gate.wait(5), 7)[1]).success(seen.append).run()
    widget.deleteLater()
    QApplication.processEvents()
    from PySide6.QtCore import QCoreApplication, QEvent

    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    gate.set()
    qtbot.waitUntil(lambda: op.done)
    assert seen == []


def test_progress_and_cancel(qtbot: Any) -> None:
    steps: list[tuple[int, int]] = []
    cancelled: list[bool] = []
    started = threading.Event()
    release = threading.Event()

    def work(report: Any) -> str:
        report(1, 3)
        started.set()
        release.wait(5)
        report(2, 3)  # raises OpCancelled
        return "finished"

    result: list[str] = []
    op = (
        Op(None, work)
        .progress(lambda d, t: steps.append((d, t)))
        .cancelled(lambda: cancelled.append(True))
        .success(result.append)
        .run()
    )
    assert started.wait(5)
    op.cancel()
    release.set()
    qtbot.waitUntil(lambda: op.done)
    assert cancelled == [True]
    assert result == []
    assert steps == [(1, 3)]


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_error_text_is_translated_and_content_free(lang: str) -> None:
    from taiwa import i18n

    i18n.set_language(lang)
    try:
        err = InputError(Msg("Bad date.", "日付が正しくありません。"))
        assert ops.error_text(err) == ("Bad date." if lang == "en" else "日付が正しくありません。")
        assert "secret" not in ops.error_text(RuntimeError("secret"))
    finally:
        i18n.set_language(None)


def test_a_late_use_of_a_locked_vault_shows_nothing(qtbot: Any) -> None:
    from taiwa.ui.context import VaultLockedError

    widget = QWidget()
    qtbot.addWidget(widget)
    op = Op(widget, lambda: (_ for _ in ()).throw(VaultLockedError())).run()
    qtbot.waitUntil(lambda: op.done)
    assert widget.findChildren(QMessageBox) == []
    assert widget.findChildren(CrashDialog) == []


class _Secret:
    """Stands for what an op's closures capture: a search query, a note being saved."""


def _work_on(secret: _Secret) -> Any:
    return lambda: secret is not None  # captures it in this scope, not the test's


def _show(secret: _Secret, got: list[bool]) -> Any:
    return lambda value: got.append(value and secret is not None)


@pytest.mark.parametrize("outcome", ["success", "failure"])
def test_a_finished_op_lets_go_of_its_closures(qtbot: Any, outcome: str) -> None:
    # A page may keep an Op after it finished (and a lock does not wait for Python's cycle
    # collector): what its work and callbacks captured must not live on in it.
    import gc
    import weakref

    secret = _Secret()
    alive = weakref.ref(secret)
    got: list[bool] = []
    work = _work_on(secret)
    if outcome == "failure":
        work = lambda: (_ for _ in ()).throw(InputError(Msg("x", "x")))  # noqa: E731
    op = Op(None, work).success(_show(secret, got)).failure(lambda exc: got.append(True))
    op.run()
    ops.wait_for_pending(5000)
    qtbot.waitUntil(lambda: bool(got), timeout=5000)
    del secret, work
    gc.collect()
    assert op.done
    assert alive() is None, "a finished op still holds what its closures captured"
