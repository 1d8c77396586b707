"""An unexpected exception in the middle of typing: a dialog that names only the error's type,
nothing written in plaintext anywhere, and a vault that is whole and holds what was typed."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QLabel, QPushButton

from taiwa.ui import ops
from taiwa.ui.crash import CrashDialog
from tests.ui.pages_support import seed

SENTINEL = "CRASH-SENTINEL-5e0b"


def _files_holding(root: Path, needle: bytes) -> list[Path]:
    return [p for p in root.rglob("*") if p.is_file() and needle in p.read_bytes()]


@pytest.mark.qt_no_exception_capture
def test_an_exception_in_a_slot_mid_typing_shows_its_type_only_and_keeps_the_vault_whole(
    qtbot: Any,
    main_window: Any,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capfd: pytest.CaptureFixture[str],
) -> None:
    import os

    from taiwa.vault.service import open_vault

    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    ops.install_excepthook()  # the app's own hook, as taiwa.ui.app.launch installs it
    ctx = main_window.ctx
    sample = seed(ctx.store)
    main_window._on_open_meeting(sample.second.id)
    from taiwa.ui.meeting_editor import MeetingEditor

    [editor] = [e for e in main_window.findChildren(MeetingEditor) if e.isVisible()]
    editor.shared.setFocus()
    qtbot.keyClicks(editor.shared, f"agreed {SENTINEL} plan")

    def explode() -> None:
        # An exception whose text quotes the note, as icalendar's and reportlab's do.
        raise RuntimeError(f"could not handle {editor.shared.toPlainText()}")

    QTimer.singleShot(0, explode)
    qtbot.waitUntil(lambda: bool(main_window.findChildren(CrashDialog)), timeout=5_000)
    [dialog] = main_window.findChildren(CrashDialog)
    shown = " ".join(
        [dialog.windowTitle()]
        + [w.text() for w in [*dialog.findChildren(QLabel), *dialog.findChildren(QPushButton)]]
    )
    assert "RuntimeError" in shown
    assert SENTINEL not in shown
    dialog.close()
    # The app goes on: typing after the dialog still saves.
    qtbot.keyClicks(editor.shared, " more")
    editor.flush()

    out, err = capfd.readouterr()
    assert SENTINEL not in out + err
    # Nothing in plaintext: not in the vault folder, the private HOME, the config or temp.
    roots = {tmp_path, Path(os.environ["HOME"]), Path(os.environ["TAIWA_CONFIG_DIR"])}
    for root in roots:
        assert _files_holding(root, SENTINEL.encode()) == [], root

    vault = ctx.vault_dir
    ctx.detach()
    QApplication.processEvents()
    db = open_vault(vault, check_integrity=True)
    try:
        from taiwa.store import Store

        notes = Store(db).meetings.get(sample.second.id).shared_notes
        assert notes == f"agreed {SENTINEL} plan more"
    finally:
        db.close()
