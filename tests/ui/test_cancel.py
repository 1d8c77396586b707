"""Cancel stops the calendar import and the PDF export for real; quitting during one is quick.

A user who presses Cancel (or closes the dialog, or quits with Ctrl+Q) while a big calendar is
read must get a usable app back within a second — not a dialog that looks closed while the
vault worker grinds on for seconds — and the vault must never be half-written. Times are
measured with ``time.monotonic``; :func:`taiwa.ui.ops.wait_for_pending` returning tells that
the worker thread itself has stopped (not just that the dialog went away).
"""

from __future__ import annotations

import subprocess
import sys
import threading
import time
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from taiwa.cancel import CancelToken
from taiwa.ui import ops
from taiwa.ui.ops import Op
from tests.support import big_calendar
from tests.support.big_vault import fill_person

CANCEL_AFTER_MS = 300  # how long the work runs before the user cancels
LATENCY = 1.0  # seconds: the worker has stopped and the dialog is usable again
QUIT_LIMIT = 2.0  # seconds: Ctrl+Q during an import until the app has closed


@pytest.fixture
def reports(app_ctx: Any) -> Any:
    """The vault knows the 120 people of the big calendar, and whose calendar it is."""
    store = app_ctx.store
    with store.db.transaction():
        for name, email in big_calendar.reports(120):
            store.people.add(name, emails=[email])
        store.settings.set("calendar.owner", big_calendar.MANAGER)
    return app_ctx


@pytest.fixture
def big_ics(tmp_path: Path) -> Path:
    # Uncancelled, reading this file takes about 5 s (120 weekly 1on1 series, 20 moved
    # occurrences each, 3 000 other meetings: 5 520 events, 3.7 MB).
    path = tmp_path / "big.ics"
    path.write_text(big_calendar.generate(), encoding="utf-8", newline="")
    return path


@pytest.fixture
def quick_ics(tmp_path: Path) -> Path:
    # The same 120 series without moved occurrences or crowd: read in about a second, and the
    # import writes about 9 000 meetings (about a second's transaction).
    path = tmp_path / "quick.ics"
    path.write_text(big_calendar.generate(moved=0, others=0), encoding="utf-8", newline="")
    return path


def calendar_rows(db: Any) -> int:
    row = db.query_one("SELECT count(*) FROM meeting WHERE source = 'calendar'")
    return int(row[0])


def open_import(qtbot: Any, ctx: Any, path: Path) -> Any:
    from taiwa.ui.import_dialog import ImportDialog

    dialog = ImportDialog(ctx, [path])
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def reopen_and_count(vault_dir: Path) -> int:
    """Open the vault afresh (its open sequence runs quick_check) and count imported rows."""
    from taiwa.vault.service import open_vault

    db = open_vault(vault_dir, check_integrity=True)
    try:
        assert db.query_one("PRAGMA integrity_check")[0] == "ok"
        return calendar_rows(db)
    finally:
        db.close()


# -- the import dialog -------------------------------------------------------------------------


@pytest.mark.parametrize("how", ["cancel button", "escape", "window close"])
def test_cancel_while_reading_a_big_calendar_stops_within_a_second(
    qtbot: Any, reports: Any, big_ics: Path, how: str
) -> None:
    planned: list[object] = []
    dialog = open_import(qtbot, reports, big_ics)
    dialog.planned.connect(planned.append)
    qtbot.wait(CANCEL_AFTER_MS)
    assert dialog.is_running() and dialog.plan is None

    start = time.monotonic()
    if how == "cancel button":
        dialog.cancel_button.click()
    elif how == "escape":
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    else:
        dialog.close()
    # The dialog says what happens while the worker stops.
    assert dialog.is_cancelling() and dialog.status.text() == "Cancelling…"
    assert not dialog.import_button.isEnabled() and not dialog.update_button.isEnabled()
    assert ops.wait_for_pending(int(LATENCY * 1000)), "the worker is still reading"
    stopped = time.monotonic() - start
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=int(LATENCY * 1000))
    closed = time.monotonic() - start
    print(f"import {how}: worker stopped after {stopped * 1000:.0f} ms, closed {closed * 1000:.0f}")
    assert closed < LATENCY
    assert planned == [] and dialog.plan is None
    assert calendar_rows(reports.db) == 0


def test_a_second_cancel_closes_at_once(qtbot: Any, reports: Any, big_ics: Path) -> None:
    dialog = open_import(qtbot, reports, big_ics)
    qtbot.wait(CANCEL_AFTER_MS)
    dialog.cancel_button.click()
    dialog.cancel_button.click()
    assert not dialog.isVisible()
    assert ops.wait_for_pending(int(LATENCY * 1000))


def test_cancel_before_the_write_started_writes_nothing(
    qtbot: Any, reports: Any, quick_ics: Path
) -> None:
    dialog = open_import(qtbot, reports, quick_ics)
    qtbot.waitUntil(lambda: dialog.plan is not None, timeout=30_000)
    # Hold the (single) vault worker: the write is queued when Cancel is pressed.
    gate = threading.Event()
    Op(None, lambda: gate.wait(30)).run()
    try:
        dialog.import_button.click()
        dialog.cancel_button.click()
        assert dialog.status.text() == "Cancelling…"
    finally:
        gate.set()
    assert ops.wait_for_pending(int(LATENCY * 1000))
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=int(LATENCY * 1000))
    assert calendar_rows(reports.db) == 0


def test_cancel_during_the_write_leaves_all_of_the_import(
    qtbot: Any, reports: Any, quick_ics: Path
) -> None:
    dialog = open_import(qtbot, reports, quick_ics)
    qtbot.waitUntil(lambda: dialog.plan is not None, timeout=30_000)
    total = len(dialog.plan.items)
    changed: list[bool] = []
    reports.events.data_changed.connect(lambda: changed.append(True))
    dialog.import_button.click()
    qtbot.wait(CANCEL_AFTER_MS)
    running = dialog.is_running()
    start = time.monotonic()
    dialog.cancel_button.click()
    # A transaction that has begun is never cut short: it commits whole.
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=int(LATENCY * 1000) + 100)
    closed = time.monotonic() - start
    assert ops.wait_for_pending(10_000)
    qtbot.waitUntil(lambda: bool(changed), timeout=5000)  # the pages learn of it
    print(f"write cancelled (running: {running}): dialog closed after {closed * 1000:.0f} ms")
    assert calendar_rows(reports.db) == total


def test_locking_during_an_import_cancels_it(qtbot: Any, reports: Any, big_ics: Path) -> None:
    dialog = open_import(qtbot, reports, big_ics)
    qtbot.wait(CANCEL_AFTER_MS)
    start = time.monotonic()
    reports.events.locked.emit()
    assert not dialog.isVisible()  # a lock is never held up by a dialog
    assert ops.wait_for_pending(int(LATENCY * 1000))
    assert time.monotonic() - start < LATENCY


# -- quitting during an import -----------------------------------------------------------------


def press_ctrl_q(qtbot: Any, dialog: Any) -> None:
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog, timeout=2000)
    qtbot.keyClick(dialog, Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier)


def test_ctrl_q_while_reading_quits_within_two_seconds(
    qtbot: Any, main_window: Any, reports: Any, big_ics: Path, vault_dir: Path
) -> None:
    dialog = main_window.open_import([big_ics])
    qtbot.wait(CANCEL_AFTER_MS)
    assert dialog.is_running()
    start = time.monotonic()
    press_ctrl_q(qtbot, dialog)
    elapsed = time.monotonic() - start
    print(f"Ctrl+Q while reading: closed after {elapsed * 1000:.0f} ms")
    assert not main_window.isVisible() and not reports.is_unlocked
    assert elapsed < QUIT_LIMIT
    assert ops.pool().activeThreadCount() == 0  # no worker left behind
    assert reopen_and_count(vault_dir) == 0


def test_ctrl_q_while_writing_quits_and_keeps_all_or_nothing(
    qtbot: Any, main_window: Any, reports: Any, quick_ics: Path, vault_dir: Path
) -> None:
    dialog = main_window.open_import([quick_ics])
    qtbot.waitUntil(lambda: dialog.plan is not None, timeout=30_000)
    total = len(dialog.plan.items)
    dialog.import_button.click()
    qtbot.wait(CANCEL_AFTER_MS // 2)
    start = time.monotonic()
    press_ctrl_q(qtbot, dialog)
    elapsed = time.monotonic() - start
    print(f"Ctrl+Q while writing: closed after {elapsed * 1000:.0f} ms")
    assert not main_window.isVisible() and not reports.is_unlocked
    assert elapsed < QUIT_LIMIT
    assert reopen_and_count(vault_dir) in (0, total)


def test_a_worker_stuck_at_quit_never_uses_the_closed_vault(
    qtbot: Any, main_window: Any, reports: Any
) -> None:
    # Work that cannot check its token (one long library call) still running when the app quits:
    # the quit waits for it at most quit_wait_ms, and what the worker does later finds the vault
    # closed (an error, never the closed connection) and delivers nothing.
    db = reports.db
    started = threading.Event()
    gate = threading.Event()
    seen: list[object] = []

    def stuck() -> object:
        started.set()
        gate.wait(30)
        return db.query_one("SELECT count(*) FROM person")

    op = Op(main_window, stuck, token=CancelToken()).success(seen.append).failure(seen.append)
    op.run()
    assert started.wait(10)
    start = time.monotonic()
    try:
        main_window.close()
        elapsed = time.monotonic() - start
    finally:
        gate.set()
    assert 1.5 < elapsed < QUIT_LIMIT + 0.5
    assert not reports.is_unlocked and not db.is_open
    assert ops.wait_for_pending(5000)
    qtbot.waitUntil(lambda: op.done, timeout=5000)
    assert seen == []  # the window is gone and the vault locked: nothing is delivered


# -- the export dialog -------------------------------------------------------------------------


@pytest.fixture
def big_person(app_ctx: Any) -> int:
    # Uncancelled, a summary over these 400 meetings takes about 4 s.
    return fill_person(app_ctx.store, 400)


def open_export(qtbot: Any, ctx: Any, person_id: int, folder: Path) -> Any:
    from taiwa.ui.export_dialog import ExportDialog

    dialog = ExportDialog(ctx, person_id=person_id)
    qtbot.addWidget(dialog)
    dialog.path_edit.setText(str(folder / "summary.pdf"))
    dialog.period.setCurrentIndex(dialog.period.findData("custom"))
    dialog.start_edit.setDate(date(2000, 1, 1))
    dialog.include_private.setChecked(True)
    dialog.show()
    return dialog


def test_cancel_during_a_big_export_stops_within_a_second(
    qtbot: Any, app_ctx: Any, big_person: int, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    out.mkdir()
    dialog = open_export(qtbot, app_ctx, big_person, out)
    dialog.export_button.click()
    qtbot.wait(CANCEL_AFTER_MS)
    assert dialog.is_running()
    start = time.monotonic()
    dialog.cancel_button.click()
    assert dialog.isVisible() and dialog.status.text() == "Cancelling…"
    assert ops.wait_for_pending(int(LATENCY * 1000)), "the export is still running"
    stopped = time.monotonic() - start
    qtbot.waitUntil(lambda: "cancelled" in dialog.status.text(), timeout=int(LATENCY * 1000))
    usable = time.monotonic() - start
    print(
        f"export cancel: worker stopped after {stopped * 1000:.0f} ms, usable {usable * 1000:.0f}"
    )
    assert usable < LATENCY
    assert dialog.status.text() == "Export cancelled. No file was written."
    assert dialog.export_button.isEnabled() and dialog.progress.isHidden()
    assert list(out.iterdir()) == []  # neither the PDF nor its temporary file


def test_closing_the_export_dialog_stops_the_export(
    qtbot: Any, app_ctx: Any, big_person: int, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    out.mkdir()
    dialog = open_export(qtbot, app_ctx, big_person, out)
    dialog.export_button.click()
    qtbot.wait(CANCEL_AFTER_MS)
    assert dialog.is_running()
    start = time.monotonic()
    dialog.close()
    assert not dialog.isVisible()
    assert ops.wait_for_pending(int(LATENCY * 1000)), "the export is still running"
    print(f"export closed: worker stopped after {(time.monotonic() - start) * 1000:.0f} ms")
    assert list(out.iterdir()) == []


def test_ctrl_q_during_an_export_quits_and_writes_nothing(
    qtbot: Any, main_window: Any, big_person: int, tmp_path: Path
) -> None:
    from taiwa.ui.export_dialog import ExportDialog

    out = tmp_path / "out"
    out.mkdir()
    main_window.ctx.events.export_requested.emit(0, big_person)
    qtbot.waitUntil(lambda: bool(main_window.findChildren(ExportDialog)), timeout=5000)
    dialog = main_window.findChildren(ExportDialog)[0]
    dialog.path_edit.setText(str(out / "summary.pdf"))
    dialog.period.setCurrentIndex(dialog.period.findData("custom"))
    dialog.start_edit.setDate(date(2000, 1, 1))
    dialog.export_button.click()
    qtbot.wait(CANCEL_AFTER_MS)
    assert dialog.is_running()
    start = time.monotonic()
    press_ctrl_q(qtbot, dialog)
    elapsed = time.monotonic() - start
    assert not main_window.isVisible()
    assert elapsed < QUIT_LIMIT
    assert ops.pool().activeThreadCount() == 0
    assert list(out.iterdir()) == []


# -- the real app, as a process ----------------------------------------------------------------


def _add_reports(cli_vault: Any) -> None:
    from taiwa.store import Store
    from taiwa.vault.keystore import Keystore
    from taiwa.vault.service import open_vault

    db = open_vault(cli_vault.dir, keystore=Keystore(cli_vault.keyring))
    try:
        store = Store(db)
        with db.transaction():
            for name, email in big_calendar.reports(120):
                store.people.add(name, emails=[email])
            store.settings.set("calendar.owner", big_calendar.MANAGER)
    finally:
        db.close()


@pytest.mark.slow
@pytest.mark.parametrize("phase", ["plan", "write"])
def test_the_app_quits_on_ctrl_q_during_an_import_within_two_seconds(
    cli_vault: Any, tmp_path: Path, phase: str
) -> None:
    from taiwa.vault.keystore import Keystore
    from taiwa.vault.service import open_vault

    _add_reports(cli_vault)
    ics = tmp_path / "calendar.ics"
    text = big_calendar.generate() if phase == "plan" else big_calendar.generate(moved=0, others=0)
    ics.write_text(text, encoding="utf-8", newline="")
    delay = CANCEL_AFTER_MS if phase == "plan" else CANCEL_AFTER_MS // 2
    child = subprocess.Popen(
        [sys.executable, "-m", "tests.support.quit_child", str(ics), phase, str(delay)],
        env=cli_vault.env,
        cwd=Path(__file__).resolve().parents[2],
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    lines: list[str] = []
    try:
        assert child.stdout is not None
        for line in child.stdout:
            lines.append(line.strip())
            if line.startswith("QUIT "):
                break
        quit_at = float(lines[-1].split()[1]) if lines and lines[-1].startswith("QUIT") else 0.0
        code = child.wait(timeout=30)
        exited = time.monotonic() - quit_at
        rest, errors = child.communicate(timeout=5)
    finally:
        if child.poll() is None:
            child.kill()
            child.wait()
    lines += rest.splitlines()
    print(f"app process ({phase}): exited {exited * 1000:.0f} ms after Ctrl+Q; {lines}")
    assert quit_at, (lines, errors[-2000:])
    assert "RUNNING 1" in lines  # the import was still going when Ctrl+Q came
    assert "SHORTCUT-MISSED" not in lines
    assert code == 0, errors[-2000:]
    assert "Traceback" not in errors, errors[-2000:]
    assert exited < QUIT_LIMIT
    # Closed cleanly: the last connection's close folds the WAL into the file and removes it.
    assert sorted(p.name for p in Path(cli_vault.dir).iterdir() if "-wal" in p.name) == []
    # The vault opens, passes its integrity check and holds none or all of the import.
    db = open_vault(cli_vault.dir, keystore=Keystore(cli_vault.keyring), check_integrity=True)
    try:
        assert db.query_one("PRAGMA integrity_check")[0] == "ok"
        rows = calendar_rows(db)
    finally:
        db.close()
    if phase == "plan":
        assert rows == 0
    else:
        items = [int(line.split()[1]) for line in lines if line.startswith("ITEMS ")]
        assert items and items[0] > 5000 and rows in (0, items[0])
