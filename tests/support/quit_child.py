"""Child process: the real app (``taiwa``'s entry point) imports a calendar, then Ctrl+Q.

Run as ``python -m tests.support.quit_child ICS PHASE DELAY_MS`` with the environment of
:func:`tests.support.vaults.subprocess_env` (the vault opens from the test keyring file).

Once the workspace is up it opens the import dialog on ICS (as a drop of the file would). With
PHASE ``plan`` it presses Ctrl+Q in the dialog DELAY_MS after that, while the calendar is being
read; with PHASE ``write`` it waits for the preview, clicks Import and presses Ctrl+Q DELAY_MS
later, while the import is being written (after printing ``ITEMS <meetings to write>``). It
prints ``RUNNING 1`` when the import was still
running at that moment, ``QUIT <time.monotonic()>`` just before the key press and
``CLOSED <seconds>`` when the window's close returned (``SHORTCUT-MISSED`` if Ctrl+Q did
nothing: the parent fails then).
"""

from __future__ import annotations

import sys
import time
from pathlib import Path
from typing import Any


def _say(text: str) -> None:
    print(text, flush=True)


def _drive(window: Any, ics: Path, phase: str, delay_ms: int) -> None:
    from PySide6.QtCore import Qt, QTimer
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    def when_open() -> None:
        if not window.ctx.is_unlocked:
            QTimer.singleShot(50, when_open)
            return
        dialog = window.open_import([ics])
        if phase == "plan":
            QTimer.singleShot(delay_ms, lambda: press(dialog, 0))
        else:
            dialog.planned.connect(lambda _plan: write(dialog))

    def write(dialog: Any) -> None:
        _say(f"ITEMS {len(dialog.plan.items)}")
        dialog.import_button.click()
        QTimer.singleShot(delay_ms, lambda: press(dialog, 0))

    def press(dialog: Any, tries: int) -> None:
        # Shortcuts go to the active window; the offscreen platform activates it on request.
        if QApplication.activeWindow() is not dialog and tries < 20:
            dialog.activateWindow()
            QTimer.singleShot(10, lambda: press(dialog, tries + 1))
            return
        _say(f"RUNNING {int(dialog.is_running())}")
        start = time.monotonic()
        _say(f"QUIT {start}")
        QTest.keyClick(dialog, Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier)
        if window.isVisible():
            _say("SHORTCUT-MISSED")
            window.act_quit.trigger()
        _say(f"CLOSED {time.monotonic() - start:.3f}")

    when_open()


def main(argv: list[str]) -> int:
    ics, phase, delay_ms = Path(argv[0]), argv[1], int(argv[2])
    from PySide6.QtCore import QTimer

    from taiwa.ui import app as app_module

    build = app_module.build_window

    def build_window(ctx: Any) -> Any:
        window = build(ctx)
        QTimer.singleShot(0, lambda: _drive(window, ics, phase, delay_ms))
        return window

    app_module.build_window = build_window
    from taiwa.__main__ import main as taiwa_main

    return taiwa_main([])


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
