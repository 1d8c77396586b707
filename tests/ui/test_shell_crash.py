"""Kill the app mid-typing (SIGKILL, like a crash or power loss) and find the text in the vault.

The app runs as a real subprocess, offscreen, on a vault with the file-backed test keyring. A
small driver starts it exactly as ``taiwa`` does (composition root ``taiwa.ui.app``), opens the
meeting, and types one character every 40 ms through real key events, reporting each on stdout.
The test kills it one second after the last key — within the editor's autosave bound — and
opens the vault again.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

DRIVER = r"""
import sys
from pathlib import Path
from PySide6.QtCore import QTimer, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QPlainTextEdit
from taiwa.ui import app as app_module

vault, meeting_id, text = Path(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
window = app_module.launch(vault, lang="en")  # exactly what `taiwa` does before its loop
ctx = window.ctx
app = app_module.application()
state = {"i": 0, "edit": None}

def type_next():
    edit = state["edit"]
    if state["i"] < len(text):
        QTest.keyClick(edit, text[state["i"]])
        state["i"] += 1
        print(f"typed {state['i']}", flush=True)
        QTimer.singleShot(40, type_next)

def wait_open():
    if not ctx.is_unlocked:
        QTimer.singleShot(20, wait_open)
        return
    ctx.events.open_meeting.emit(meeting_id)
    edit = window.page("meeting").findChild(QPlainTextEdit, "sharedNotesEdit")
    edit.setFocus()
    state["edit"] = edit
    print("ready", flush=True)
    QTimer.singleShot(100, type_next)

QTimer.singleShot(0, wait_open)
sys.exit(app.exec())
"""


@pytest.mark.slow
def test_killed_mid_typing_loses_at_most_the_last_second(cli_vault: Any, tmp_path: Path) -> None:
    from taiwa.store import Store
    from taiwa.vault.keystore import Keystore
    from taiwa.vault.service import open_vault

    keystore = Keystore(cli_vault.keyring)
    db = open_vault(cli_vault.dir, keystore=keystore)
    try:
        store = Store(db)
        person = store.people.add("Crash Test Person")
        meeting = store.meetings.create(person.id, datetime.now(UTC), status="held")
    finally:
        db.close()

    text = "notes typed during the meeting"
    driver = tmp_path / "driver.py"
    driver.write_text(DRIVER, encoding="utf-8")
    err_file = tmp_path / "stderr.txt"
    with (
        err_file.open("w") as err,
        subprocess.Popen(
            [sys.executable, str(driver), str(cli_vault.dir), str(meeting.id), text],
            env=cli_vault.env,
            stdout=subprocess.PIPE,
            stderr=err,
            text=True,
        ) as proc,
    ):
        _drive(proc, text)
    stderr = err_file.read_text(encoding="utf-8", errors="replace")
    assert proc.returncode == -signal.SIGKILL, stderr[-2000:]

    db = open_vault(cli_vault.dir, keystore=keystore)  # the killed instance's lock is gone
    try:
        assert Store(db).meetings.get(meeting.id).shared_notes == text
    finally:
        db.close()


def _drive(proc: subprocess.Popen[str], text: str) -> None:
    try:
        deadline = time.monotonic() + 60
        assert proc.stdout is not None
        while time.monotonic() < deadline:
            line = proc.stdout.readline()
            if not line:
                break
            if line.strip() == f"typed {len(text)}":
                break
        else:
            pytest.fail("the app did not type in time")
        time.sleep(1.2)  # the autosave bound: at most about a second of typing may be lost
        os.kill(proc.pid, signal.SIGKILL)
    finally:
        if proc.poll() is None:
            proc.kill()
        proc.wait(30)
