"""Child process: the real app (``taiwa``'s entry point) types into a meeting, then waits to be
ended by a signal from the parent.

Run as ``python -m tests.support.term_child MEETING_ID TEXT`` with the environment of
:func:`tests.support.vaults.subprocess_env`. Once the workspace is up it opens the meeting,
types TEXT into its shared notes with real key events and prints ``TYPED`` — well inside the
autosave's half-second pause, so only a save on the way out can put the text into the vault.
"""

from __future__ import annotations

import sys
from typing import Any


def _drive(window: Any, meeting_id: int, text: str) -> None:
    from PySide6.QtCore import QTimer
    from PySide6.QtTest import QTest

    from taiwa.ui.meeting_editor import MeetingEditor

    def when_open() -> None:
        if not window.ctx.is_unlocked:
            QTimer.singleShot(50, when_open)
            return
        window._on_open_meeting(meeting_id)
        [editor] = [e for e in window.findChildren(MeetingEditor) if e.isVisible()]
        # Autosave far away: the only save left is the one on the way out.
        editor._saver._idle.setInterval(60_000)
        editor._saver._max.setInterval(60_000)
        editor.shared.setFocus()
        QTest.keyClicks(editor.shared, text)
        print("TYPED", flush=True)

    when_open()


def main(argv: list[str]) -> int:
    meeting_id, text = int(argv[0]), argv[1]
    from PySide6.QtCore import QTimer

    from taiwa.ui import app as app_module

    build = app_module.build_window

    def build_window(ctx: Any) -> Any:
        window = build(ctx)
        QTimer.singleShot(0, lambda: _drive(window, meeting_id, text))
        return window

    app_module.build_window = build_window
    from taiwa.__main__ import main as taiwa_main

    return taiwa_main([])


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
