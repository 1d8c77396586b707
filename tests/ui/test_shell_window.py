"""The app shell as a user meets it: first run, unlock, lock, privacy mode, navigation."""

from __future__ import annotations

import stat
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QMessageBox, QPushButton, QWidget

from taiwa.ui import ops
from taiwa.ui.context import AppContext
from taiwa.ui.main_window import MainWindow
from tests.ui.shell_support import visible_texts

CODE_CHARS = set("0123456789ABCDEFGHJKMNPQRSTVWXYZ-")


# -- first run -------------------------------------------------------------------------------


def test_first_run_creates_a_vault_and_shows_the_code_until_kept(
    qtbot: Any, vault_dir: Path, tmp_path: Path, no_dbus: None
) -> None:
    from taiwa.vault.files import vault_exists

    ctx = AppContext(vault_dir)
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    window.start()
    assert window.current_screen() == "first_run"
    screen = window._first_run
    assert "keyring" in screen.explain.text()
    qtbot.waitUntil(lambda: screen._keyring_name != "" or not screen.passphrase_only.isEnabled())
    qtbot.mouseClick(screen.create_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: screen.steps.currentIndex() == 1, timeout=10_000)
    code = screen.code_label.text()
    assert len(code) == 39 and set(code) <= CODE_CHARS
    assert vault_exists(vault_dir)

    # Save… writes a private file holding the code.
    target = tmp_path / "code.txt"
    screen.save_code_to(target)
    assert code in target.read_text(encoding="utf-8")
    assert stat.S_IMODE(target.stat().st_mode) == 0o600

    # Print… paints onto a printer (a PDF printer here: offscreen-safe).
    from PySide6.QtPrintSupport import QPrinter

    printer = QPrinter(QPrinter.PrinterMode.ScreenResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "code.pdf"))
    screen.print_code(printer)
    assert (tmp_path / "code.pdf").stat().st_size > 500

    # Not before the user confirms keeping it.
    assert not screen.continue_button.isEnabled()
    screen.kept.setChecked(True)
    qtbot.mouseClick(screen.continue_button, Qt.MouseButton.LeftButton)
    assert window.current_screen() == "workspace"
    assert ctx.is_unlocked
    assert screen.code_label.text() == ""  # the code is not kept in the UI
    assert window.windowTitle() == "Taiwa"
    window.close()


def test_first_run_passphrase_only(qtbot: Any, vault_dir: Path, no_dbus: None) -> None:
    from taiwa.vault.header import read_header

    ctx = AppContext(vault_dir)
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.start()
    screen = window._first_run
    screen.passphrase_only.setChecked(True)
    screen.pass1.setText("short")
    screen.pass2.setText("short")
    assert not screen.create_button.isEnabled()
    screen.pass1.setText("correct horse battery staple")
    screen.pass2.setText("correct horse battery stapler")
    assert not screen.create_button.isEnabled()
    screen.pass2.setText("correct horse battery staple")
    assert screen.create_button.isEnabled()
    screen.create_button.click()
    qtbot.waitUntil(lambda: ctx.is_unlocked, timeout=10_000)
    assert not read_header(vault_dir).uses_keyring
    window.close()


# -- unlock ----------------------------------------------------------------------------------


@pytest.fixture
def closed_vault(created_vault: Any, vault_dir: Path) -> tuple[Path, str]:
    code = created_vault.recovery_code
    created_vault.database.close()
    return vault_dir, code


def _window_on(qtbot: Any, folder: Path) -> tuple[MainWindow, AppContext]:
    ctx = AppContext(folder)
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    window.start()
    return window, ctx


def test_start_opens_straight_from_the_keyring(
    qtbot: Any, closed_vault: tuple[Path, str], no_dbus: None
) -> None:
    window, ctx = _window_on(qtbot, closed_vault[0])
    qtbot.waitUntil(lambda: ctx.is_unlocked, timeout=10_000)
    assert window.current_screen() == "workspace"
    window.close()


def test_missing_keyring_entry_is_explained_and_the_code_unlocks(
    qtbot: Any, closed_vault: tuple[Path, str], memory_keyring: Any, no_dbus: None
) -> None:
    folder, code = closed_vault
    saved = dict(memory_keyring.secrets)
    memory_keyring.secrets.clear()
    window, ctx = _window_on(qtbot, folder)
    screen = window._unlock
    qtbot.waitUntil(lambda: screen.last_error_code != "", timeout=10_000)
    assert screen.last_error_code == "keyring_entry_missing"
    assert "no key for this vault" in screen.problem.text()
    assert screen.secret_box.isVisible()
    # Never an offer to create a new vault over the existing one.
    buttons = " ".join(b.text().lower() for b in screen.findChildren(QPushButton))
    assert "create" not in buttons and "new vault" not in buttons

    screen.secret.setText("AAAA-BBBB-CCCC-DDDD-EEEE-FFFF-GGGG-HHHH")
    screen.secret_button.click()
    qtbot.waitUntil(lambda: screen.last_error_code == "wrong_recovery_secret", timeout=10_000)
    assert "not right" in screen.problem.text()
    assert not ctx.is_unlocked

    screen.secret.setText(code.lower().replace("-", " "))
    screen.secret_button.click()
    qtbot.waitUntil(lambda: ctx.is_unlocked, timeout=10_000)
    assert window.current_screen() == "workspace"
    assert memory_keyring.secrets == saved  # the key is back in the keyring
    window.close()


@pytest.mark.parametrize(
    ("damage", "code", "words"),
    [
        ("empty", "database_empty", "empty (0 bytes)"),
        ("plaintext", "not_encrypted", "unencrypted SQLite"),
        ("header", "header_corrupt", "header file"),
    ],
)
def test_each_failure_gets_its_own_explanation_and_files_stay(
    qtbot: Any, closed_vault: tuple[Path, str], damage: str, code: str, words: str, no_dbus: None
) -> None:
    folder = closed_vault[0]
    db_file, header = folder / "taiwa.db", folder / "vault.json"
    if damage == "empty":
        db_file.write_bytes(b"")
    elif damage == "plaintext":
        db_file.write_bytes(b"SQLite format 3\x00" + b"\x00" * 4080)
    else:
        header.write_text("{ not json", encoding="utf-8")
    before = {p.name: p.read_bytes() for p in folder.iterdir() if p.is_file()}
    window, _ctx = _window_on(qtbot, folder)
    screen = window._unlock
    qtbot.waitUntil(lambda: screen.last_error_code != "", timeout=10_000)
    assert screen.last_error_code == code
    assert words in screen.problem.text()
    assert screen.restore_button.isVisibleTo(screen)
    after = {p.name: p.read_bytes() for p in folder.iterdir() if p.is_file() and p.name in before}
    assert after == before
    assert window.windowTitle() == "Taiwa — Locked"
    window.close()


def test_passphrase_only_vault_asks_for_the_passphrase(
    qtbot: Any, vault_dir: Path, no_dbus: None
) -> None:
    from taiwa.vault.service import create_vault

    create_vault(
        vault_dir, use_keyring=False, recovery_passphrase="a long passphrase here"
    ).database.close()
    window, ctx = _window_on(qtbot, vault_dir)
    screen = window._unlock
    assert screen.secret_box.isVisible()
    assert not screen.unlock_button.isVisible()
    qtbot.keyClicks(screen.secret, "a long passphrase here")
    qtbot.keyClick(screen.secret, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: ctx.is_unlocked, timeout=10_000)
    window.close()


# -- lock ------------------------------------------------------------------------------------


def test_lock_by_shortcut_closes_the_vault_and_dialogs(qtbot: Any, main_window: MainWindow) -> None:
    ctx = main_window.ctx
    locked: list[str] = []
    main_window.vault_locked.connect(locked.append)
    # A modal dialog is open: it must not block the lock.
    box = QMessageBox(
        QMessageBox.Icon.Question,
        "Taiwa",
        "Discard?",
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        main_window,
    )
    box.setWindowModality(Qt.WindowModality.ApplicationModal)
    box.open()
    qtbot.waitExposed(box)
    main_window.activateWindow()
    main_window.act_lock.trigger()  # what Ctrl+L does
    assert locked == ["manual"]
    assert not ctx.is_unlocked
    assert not box.isVisible()
    assert main_window.current_screen() == "unlock"
    assert main_window.windowTitle() == "Taiwa — Locked"
    assert not main_window.act_new_meeting.isEnabled()
    assert main_window.act_lock.shortcut().toString() == "Ctrl+L"
    # Unlock again from the keyring.
    main_window._unlock.unlock_button.click()
    qtbot.waitUntil(lambda: ctx.is_unlocked, timeout=10_000)
    assert main_window.current_screen() == "workspace"


def test_shortcut_keys_reach_the_actions(qtbot: Any, main_window: MainWindow) -> None:
    qtbot.waitExposed(main_window)
    main_window.activateWindow()
    qtbot.keyClick(
        main_window,
        Qt.Key.Key_P,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert main_window.ctx.privacy_mode
    qtbot.keyClick(
        main_window,
        Qt.Key.Key_P,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert not main_window.ctx.privacy_mode
    qtbot.keyClick(main_window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert main_window.search_field.hasFocus()
    qtbot.keyClick(main_window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert main_window.is_locked()


def test_idle_timer_locks_and_os_signals_lock(qtbot: Any, main_window: MainWindow) -> None:
    ctx = main_window.ctx
    main_window.watcher.set_idle_interval_ms(150)
    qtbot.waitUntil(lambda: not ctx.is_unlocked, timeout=5_000)
    assert main_window._lock_reason == "idle"
    main_window._unlock.unlock_button.click()
    qtbot.waitUntil(lambda: ctx.is_unlocked, timeout=10_000)
    main_window.watcher.set_idle_interval_ms(0)
    main_window.watcher._on_prepare_for_sleep(True)  # logind: about to suspend
    assert not ctx.is_unlocked and main_window._lock_reason == "suspend"
    main_window._unlock.unlock_button.click()
    qtbot.waitUntil(lambda: ctx.is_unlocked, timeout=10_000)
    main_window.watcher._on_screensaver_active(True)
    assert not ctx.is_unlocked and main_window._lock_reason == "screen_locked"


def test_input_resets_the_idle_timer(qtbot: Any, main_window: MainWindow) -> None:
    main_window.watcher.set_idle_interval_ms(400)
    field = main_window.search_field
    for _ in range(8):
        qtbot.keyClicks(field, "a")
        qtbot.wait(100)
    assert main_window.ctx.is_unlocked  # 800 ms of typing, never 400 ms idle
    qtbot.waitUntil(lambda: not main_window.ctx.is_unlocked, timeout=5_000)


def test_input_events_make_no_qt_call_in_the_idle_watcher(
    qtbot: Any, main_window: MainWindow
) -> None:
    """The watcher sees every event of the app: it must only note the time. A Qt call per key
    press (restarting a QTimer) is what exposed the app to PySide6 6.12.0's leak of None."""
    watcher = main_window.watcher
    qtbot.waitUntil(lambda: watcher._filtering, timeout=5_000)
    watcher.set_idle_interval_ms(60_000)

    class CountingTimer:
        def __init__(self, real: Any) -> None:
            self.real, self.calls = real, 0

        def start(self, *args: Any) -> None:
            self.calls += 1
            self.real.start(*args)

        def stop(self) -> None:
            self.calls += 1
            self.real.stop()

    spy = CountingTimer(watcher._timer)
    watcher._timer = spy
    try:
        before = watcher.last_input
        qtbot.keyClicks(main_window.search_field, "x" * 500)
        assert spy.calls == 0
        assert watcher.last_input > before
    finally:
        watcher._timer = spy.real


def test_results_of_ops_started_before_a_lock_are_dropped(
    qtbot: Any, main_window: MainWindow
) -> None:
    import threading

    gate = threading.Event()
    seen: list[int] = []
    op = ops.Op(main_window, lambda: (gate.wait(5), 1)[1]).success(seen.append).run()
    gate.set()
    main_window.lock()
    qtbot.waitUntil(lambda: op.done)
    assert seen == []


# -- privacy and titles ----------------------------------------------------------------------


def test_privacy_toggle_and_banner(qtbot: Any, main_window: MainWindow) -> None:
    seen: list[bool] = []
    main_window.ctx.events.privacy_changed.connect(seen.append)
    main_window.act_privacy.trigger()
    assert main_window.ctx.privacy_mode and seen == [True]
    assert main_window._privacy_banner.isVisible()
    assert main_window.act_privacy.isChecked()
    main_window.act_privacy.trigger()
    assert not main_window.ctx.privacy_mode and seen == [True, False]
    assert not main_window._privacy_banner.isVisible()


def test_window_title_is_never_personal(qtbot: Any, main_window: MainWindow) -> None:
    store = main_window.ctx.store
    person = store.people.add("Sentinel Person Ω", role="Engineer")
    main_window.ctx.events.open_person.emit(person.id)
    qtbot.wait(50)
    assert main_window.windowTitle() == "Taiwa"
    main_window.lock()
    assert main_window.windowTitle() == "Taiwa — Locked"
    assert "Sentinel" not in visible_texts(main_window)


# -- menus and dialogs -----------------------------------------------------------------------


def test_every_menu_action_is_reachable_by_keyboard(main_window: MainWindow) -> None:
    for menu in main_window._menus:
        assert "&" in menu.title()
        for action in menu.actions():
            if action.isSeparator():
                continue
            assert "&" in action.text() or not action.shortcut().isEmpty(), action.text()


def test_help_dialogs_open(qtbot: Any, main_window: MainWindow) -> None:
    from taiwa.ui.help import AboutDialog, ShortcutsDialog

    main_window.act_shortcuts.trigger()
    dialog = main_window.findChild(ShortcutsDialog)
    assert dialog is not None and dialog.isVisible()
    text = visible_texts(dialog)
    for keys in ("Ctrl+N", "Ctrl+F", "Ctrl+Shift+P", "Ctrl+L"):
        assert keys in text
    dialog.reject()
    main_window.act_about.trigger()
    about = main_window.findChild(AboutDialog)
    assert about is not None and about.isVisible()
    about.reject()


def test_settings_saves_prefs_and_vault_settings(qtbot: Any, main_window: MainWindow) -> None:
    from taiwa.prefs import Prefs
    from taiwa.ui.settings_dialog import SettingsDialog

    main_window.act_settings.trigger()
    dialog = main_window.findChild(SettingsDialog)
    assert dialog is not None
    qtbot.waitUntil(lambda: getattr(dialog, "_loaded", False), timeout=5_000)
    assert "1on1" in dialog.keywords.toPlainText()
    assert dialog.key_store.text() != dialog.tr("Checking…")
    dialog.auto_lock.setValue(9)
    dialog.owner.setText("boss@example.com")
    dialog.keywords.setPlainText("1on1\n面談\n面談\n")
    dialog.cadence.setValue(21)
    dialog._on_ok()
    qtbot.waitUntil(lambda: main_window.findChild(SettingsDialog) is None, timeout=5_000)
    assert Prefs.load().auto_lock_minutes == 9
    assert main_window.watcher.idle_interval_ms == 9 * 60_000
    settings = main_window.ctx.store.settings
    assert settings.get("calendar.owner") == "boss@example.com"
    assert settings.get("calendar.keywords") == ["1on1", "面談"]
    assert settings.get("log.default_cadence_days") == 21
    assert "boss@example.com" not in Prefs.load().path.read_text(encoding="utf-8")


def test_question_bank_editing(
    qtbot: Any, main_window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    from taiwa.ui.settings_dialog import SettingsDialog

    dialog = SettingsDialog(main_window.ctx, main_window)
    qtbot.addWidget(dialog)
    dialog.q_lang.setCurrentIndex(dialog.q_lang.findData("en"))
    qtbot.waitUntil(lambda: dialog.q_list.count() > 0, timeout=5_000)
    before = dialog.q_list.count()
    monkeypatch.setattr(dialog, "_ask_text", lambda *a, **k: "What would make next week better?")
    dialog._on_add_question()
    qtbot.waitUntil(lambda: dialog.q_list.count() == before + 1, timeout=5_000)
    texts = [dialog.q_list.item(i).text() for i in range(dialog.q_list.count())]
    assert "What would make next week better?" in texts
    dialog.q_list.setCurrentRow(texts.index("What would make next week better?"))
    dialog._on_delete_question()
    qtbot.waitUntil(lambda: dialog.q_list.count() == before, timeout=5_000)


def test_backup_and_restore_through_the_gui(
    qtbot: Any, main_window: MainWindow, recovery_code: str, tmp_path: Path
) -> None:
    from taiwa.ui.backup import RestoreDialog, run_backup

    ctx = main_window.ctx
    ctx.store.people.add("Backup Person")
    target = tmp_path / "b.taiwa-backup"
    op = run_backup(ctx, main_window, target)
    qtbot.waitUntil(lambda: op.done, timeout=10_000)
    assert target.exists()
    for box in main_window.findChildren(QMessageBox):
        box.close()
    ctx.store.people.add("Added After Backup")

    main_window.act_restore.trigger()
    dialog = main_window.findChild(RestoreDialog)
    assert dialog is not None
    dialog.file.setText(str(target))
    dialog.secret.setText("wrong wrong wrong wrong")
    dialog._on_check()
    qtbot.waitUntil(dialog.error.isVisible, timeout=10_000)
    assert ctx.is_unlocked  # a wrong secret changes nothing
    dialog.secret.setText(recovery_code)
    dialog._on_check()
    qtbot.waitUntil(lambda: main_window.findChild(RestoreDialog) is None, timeout=15_000)
    qtbot.waitUntil(lambda: ctx.is_unlocked, timeout=15_000)
    assert main_window.current_screen() == "workspace"
    names = [p.name for p in ctx.store.people.list()]
    assert names == ["Backup Person"]
    aside = list(ctx.vault_dir.parent.glob(f"{ctx.vault_dir.name}-replaced-*"))
    assert len(aside) == 1 and (aside[0] / "taiwa.db").exists()


def test_drop_of_ics_files_opens_the_import(
    qtbot: Any, main_window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtCore import QMimeData, QPointF, QUrl
    from PySide6.QtGui import QDropEvent

    opened: list[list[Path]] = []
    monkeypatch.setattr(main_window, "open_import", opened.append)
    ics = tmp_path / "cal.ics"
    ics.write_text("BEGIN:VCALENDAR\nEND:VCALENDAR\n", encoding="utf-8")
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(ics)), QUrl.fromLocalFile(str(tmp_path / "x.txt"))])
    event = QDropEvent(
        QPointF(10, 10),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
    )
    main_window.dropEvent(event)
    qtbot.waitUntil(lambda: bool(opened))
    assert opened == [[ics]]


def test_no_page_clears_are_skipped_on_lock(qtbot: Any, main_window: MainWindow) -> None:
    calls: list[str] = []

    class Spy(QWidget):
        def set_privacy(self, on: bool) -> None:
            calls.append(f"privacy:{on}")

        def flush(self) -> None:
            calls.append("flush")

        def clear(self) -> None:
            calls.append("clear")

        def refresh(self) -> None:
            calls.append("refresh")

    spy = Spy()
    main_window._pages["spy"] = spy
    main_window.lock()
    assert calls.index("flush") < calls.index("clear")
    assert not main_window.ctx.is_unlocked
    del main_window._pages["spy"]
    spy.deleteLater()


def test_dialog_flush_runs_before_it_is_dismissed(qtbot: Any, main_window: MainWindow) -> None:
    events: list[str] = []

    class Editing(QDialog):
        def flush(self) -> None:
            events.append("flush")

        def done(self, r: int) -> None:
            events.append("done")
            super().done(r)

    d = Editing(main_window)
    d.open()
    qtbot.waitExposed(d)
    main_window.lock()
    assert events[:2] == ["flush", "done"]


def test_language_switch_applies_live(qtbot: Any, main_window: MainWindow) -> None:
    from taiwa.prefs import Prefs
    from taiwa.ui import i18n as ui_i18n
    from taiwa.ui.settings_dialog import SettingsDialog

    main_window.show_page("people")
    try:
        main_window.act_settings.trigger()
        dialog = main_window.findChild(SettingsDialog)
        assert dialog is not None
        qtbot.waitUntil(lambda: getattr(dialog, "_loaded", False), timeout=5_000)
        dialog.language.setCurrentIndex(dialog.language.findData("ja"))
        dialog._on_ok()
        qtbot.waitUntil(lambda: main_window.findChild(SettingsDialog) is None, timeout=5_000)
        assert Prefs.load().language == "ja"
        titles = [m.title() for m in main_window._menus]
        assert titles[0] == "ファイル(&F)"
        assert main_window._nav.item(1).text() == "メンバー"
        assert main_window.current_page_key() == "people"
        assert main_window.ctx.is_unlocked
        assert main_window.act_lock.shortcut().toString() == "Ctrl+L"
        main_window.act_lock.trigger()
        assert main_window.windowTitle() == "Taiwa — ロック中"
    finally:
        ui_i18n.install("en")


def test_a_dialog_in_its_own_event_loop_does_not_block_the_lock(
    qtbot: Any, main_window: MainWindow
) -> None:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QInputDialog

    dialog = QInputDialog(main_window)
    dialog.setLabelText("Question:")
    QTimer.singleShot(150, lambda: main_window.lock("idle"))
    result = dialog.exec()  # a modal loop, as QInputDialog.getText() would run
    assert result == QDialog.DialogCode.Rejected
    assert not main_window.ctx.is_unlocked
    assert main_window.current_screen() == "unlock"


def test_new_recovery_code_from_settings(
    qtbot: Any, main_window: MainWindow, recovery_code: str
) -> None:
    from taiwa.errors import TaiwaError
    from taiwa.ui.recovery_dialog import NewRecoveryDialog
    from taiwa.vault.service import verify_recovery_secret

    dialog = NewRecoveryDialog(main_window.ctx, main_window, passphrase=False)
    qtbot.addWidget(dialog)
    dialog.open()
    dialog.go_button.click()
    qtbot.waitUntil(lambda: dialog.code_label.text() != "", timeout=10_000)
    code = dialog.code_label.text()
    assert code != recovery_code
    verify_recovery_secret(main_window.ctx.db, code)
    with pytest.raises(TaiwaError):
        verify_recovery_secret(main_window.ctx.db, recovery_code)
    assert not dialog.go_button.isEnabled()  # not before "I have kept it"
    dialog.kept.setChecked(True)
    dialog.go_button.click()
    assert dialog.code_label.text() == ""


def test_launch_opens_with_the_key_fetched_while_the_window_is_built(
    qtbot: Any, closed_vault: tuple[Path, str], no_dbus: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    import sys

    from taiwa.ui import app as app_module

    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # launch() installs the crash hook
    window = app_module.launch(closed_vault[0], lang="en")
    qtbot.addWidget(window)
    assert window.ctx.prefetched_open is None  # adopted by the unlock screen
    qtbot.waitUntil(lambda: window.ctx.is_unlocked, timeout=10_000)
    assert window.current_screen() == "workspace"
    assert "dashboard" in window.pages()
    window.close()


def test_first_run_on_a_new_laptop_restores_a_backup(
    qtbot: Any, created_vault: Any, recovery_code: str, tmp_path: Path, no_dbus: None
) -> None:
    from taiwa.store import Store
    from taiwa.ui.backup import RestoreDialog
    from taiwa.vault.service import backup_vault

    Store(created_vault.database).people.add("Moved Along")
    backup = tmp_path / "old-laptop.taiwa-backup"
    backup_vault(created_vault.database, backup)
    created_vault.database.close()

    ctx = AppContext(tmp_path / "new-laptop" / "vault")
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    window.start()
    assert window.current_screen() == "first_run"
    window._first_run.restore_button.click()
    dialog = window.findChild(RestoreDialog)
    assert dialog is not None
    dialog.file.setText(str(backup))
    dialog.secret.setText(recovery_code)
    dialog._on_check()
    qtbot.waitUntil(lambda: ctx.is_unlocked, timeout=20_000)
    assert window.current_screen() == "workspace"
    assert [p.name for p in ctx.store.people.list()] == ["Moved Along"]
    for box in window.findChildren(QMessageBox):
        box.close()
    window.close()


def test_damage_found_by_the_deferred_check_closes_the_vault(
    qtbot: Any, created_vault: Any, vault_dir: Path, no_dbus: None
) -> None:
    """The app opens without reading every page first; the check beside the first screen still
    finds damage in a page that screen never read, then the vault is closed and explained."""
    from datetime import UTC, datetime, timedelta

    from taiwa.store import Store

    store = Store(created_vault.database)
    person = store.people.add("Damaged Page")
    start = datetime(2020, 1, 1, tzinfo=UTC)
    for i in range(200):
        store.meetings.create(
            person.id, start + timedelta(days=i), carry_over=False, shared_notes="x" * 400
        )
    created_vault.database.close()
    path = vault_dir / "taiwa.db"
    data = bytearray(path.read_bytes())
    pages = len(data) // 4096
    data[(pages - 2) * 4096 + 100] ^= 0xFF
    path.write_bytes(bytes(data))
    before = path.read_bytes()

    ctx = AppContext(vault_dir)
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    opened: list[bool] = []
    locked: list[str] = []
    window.vault_unlocked.connect(lambda: opened.append(True))
    window.vault_locked.connect(locked.append)
    window.show()
    window.start()
    screen = window._unlock
    qtbot.waitUntil(lambda: screen.last_error_code == "database_corrupt", timeout=20_000)
    assert opened == [True] and locked == ["damaged"]  # opened first, closed by the check
    assert not ctx.is_unlocked
    assert window.current_screen() == "unlock"
    assert "damaged" in screen.problem.text()
    assert screen.restore_button.isVisibleTo(screen)
    assert path.read_bytes() == before
    # Trying again now checks before use and refuses at once.
    screen.unlock_button.click()
    qtbot.waitUntil(lambda: not screen._busy, timeout=20_000)
    assert not ctx.is_unlocked and screen.last_error_code == "database_corrupt"
    window.close()


def test_input_is_watched_only_while_unlocked(qtbot: Any, main_window: MainWindow) -> None:
    """The idle watcher sees every event of the app: it starts a moment after an unlock (not
    during the first screen's layout and painting) and stops at a lock."""
    from taiwa.ui.lock import FILTER_DELAY_MS

    watcher = main_window.watcher
    qtbot.waitUntil(lambda: watcher._filtering, timeout=FILTER_DELAY_MS + 5_000)
    main_window.lock("manual")
    assert not watcher._filtering
    watcher.set_active(True)
    assert not watcher._filtering  # not at once
    qtbot.waitUntil(lambda: watcher._filtering, timeout=FILTER_DELAY_MS + 5_000)
    watcher.set_active(False)
