"""Issue 22, the rest: the dashboard's "Due before the next 1on1" card, the reminder and tray
settings, keeping the app in the tray, and start at login (an XDG autostart file)."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QApplication, QSystemTrayIcon

from taiwa.domain.models import MeetingStatus
from taiwa.prep import reminders
from tests.ui.test_prep_reminders_worker import tick_and_wait

DUE_TEXT = "DUE-ACTION 資料を共有する"


@pytest.fixture
def xdg(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg"))
    return tmp_path / "xdg"


def _seed_due(ctx: Any) -> int:
    store = ctx.store
    person = store.people.add("DUE-NAME 佐藤")
    store.meetings.create(
        person.id, datetime.now(UTC) + timedelta(days=3), status=MeetingStatus.PLANNED
    )
    store.actions.add(person.id, "report", DUE_TEXT, due_on=date.today() + timedelta(days=1))
    store.actions.add(
        person.id, "manager", "LATER-ACTION", due_on=date.today() + timedelta(days=30)
    )
    return int(person.id)


def test_dashboard_shows_what_is_due_before_the_next_1on1(qtbot: Any, app_ctx: Any) -> None:
    from taiwa.ui.dashboard import DashboardPage

    person_id = _seed_due(app_ctx)
    page = DashboardPage(app_ctx)
    qtbot.addWidget(page)
    page.show()
    page.refresh()
    card = page.due_card
    qtbot.waitUntil(lambda: card.model.rowCount() == 1, timeout=5000)
    model = card.model
    assert model.index(0, model.TEXT).data() == DUE_TEXT  # the later item is not due yet
    assert model.index(0, model.PERSON).data() == "DUE-NAME 佐藤"
    assert card.view.isVisible() and not card.empty.isVisible()
    assert "(1)" in card.title.text()
    assert not card.view.tabKeyNavigation()  # Tab leaves the table
    # Enter opens the person (the item came from no meeting).
    with qtbot.waitSignal(app_ctx.events.open_person) as opened:
        card.view.activated.emit(model.index(0, 0))
    assert opened.args == [person_id]
    # Privacy mode: names and action texts leave the widgets, the card goes.
    page.set_privacy(True)
    assert not card.isVisible() and model.rowCount() == 0
    page.set_privacy(False)
    qtbot.waitUntil(lambda: model.rowCount() == 1, timeout=5000)
    # Refreshed with the dashboard: a new item appears after a change.
    app_ctx.store.actions.add(person_id, "manager", "DUE-2", due_on=date.today())
    app_ctx.events.data_changed.emit()
    qtbot.waitUntil(lambda: model.rowCount() == 2, timeout=5000)
    page.clear()
    assert model.rowCount() == 0


def test_settings_store_reminders_where_the_cli_does_and_write_autostart(
    qtbot: Any, main_window: Any, xdg: Path
) -> None:
    from taiwa.prefs import Prefs
    from taiwa.ui import autostart
    from taiwa.ui.settings_dialog import SettingsDialog

    store = main_window.ctx.store
    store.settings.set(reminders.LEAD_SETTING, 25)
    main_window.act_settings.trigger()
    dialog = main_window.findChild(SettingsDialog)
    qtbot.waitUntil(lambda: getattr(dialog, "_loaded", False), timeout=5_000)
    assert dialog.reminder_lead.value() == 25
    assert not dialog.reminder_names.isChecked()
    assert not dialog.keep_in_tray.isChecked() and not dialog.start_at_login.isChecked()
    dialog.reminder_lead.setValue(15)
    dialog.reminder_names.setChecked(True)
    dialog.keep_in_tray.setChecked(True)
    dialog.start_at_login.setChecked(True)
    main_window.reminder_tray._read_at = datetime.now(UTC)
    dialog._on_ok()
    qtbot.waitUntil(lambda: main_window.findChild(SettingsDialog) is None, timeout=5_000)
    assert reminders.preferences(store) == (timedelta(minutes=15), True)
    assert main_window.reminder_tray._read_at is None  # the tray reads them again at once
    assert Prefs.load().keep_in_tray is True
    entry = xdg / "autostart" / "app.taiwa.Taiwa.desktop"
    assert autostart.autostart_path() == entry
    text = entry.read_text(encoding="utf-8")
    assert "Exec=taiwa" in text and "DUE" not in text and str(Path.home()) not in text
    assert QApplication.quitOnLastWindowClosed() is not main_window.reminder_tray.keeps_running()

    main_window.act_settings.trigger()
    dialog = main_window.findChild(SettingsDialog)
    qtbot.waitUntil(lambda: getattr(dialog, "_loaded", False), timeout=5_000)
    assert dialog.start_at_login.isChecked() and dialog.keep_in_tray.isChecked()
    dialog.start_at_login.setChecked(False)
    dialog.keep_in_tray.setChecked(False)
    dialog._on_ok()
    qtbot.waitUntil(lambda: main_window.findChild(SettingsDialog) is None, timeout=5_000)
    assert not entry.exists()
    assert Prefs.load().keep_in_tray is False
    assert QApplication.quitOnLastWindowClosed() is True


def test_autostart_is_off_by_default_and_honours_xdg(
    xdg: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from taiwa.ui import autostart

    assert not autostart.is_enabled()
    autostart.set_enabled(True)
    assert autostart.is_enabled()
    assert [p.name for p in (xdg / "autostart").iterdir()] == [autostart.FILE_NAME]
    autostart.set_enabled(False)
    autostart.set_enabled(False)  # removing twice is fine
    assert not autostart.is_enabled()
    monkeypatch.setenv("XDG_CONFIG_HOME", "relative/path")  # invalid per the spec: ignored
    assert autostart.autostart_path() == Path.home() / ".config" / "autostart" / autostart.FILE_NAME
    monkeypatch.setattr(autostart.sys, "platform", "win32")
    assert not autostart.supported() and not autostart.is_enabled()


@pytest.mark.qt_log_ignore(r"This plugin does not support raise\(\)")
def test_tray_menu_counts_what_is_due_and_opens_the_dashboard(qtbot: Any, main_window: Any) -> None:
    from taiwa.ui import i18n as ui_i18n

    ui_i18n.install("en")  # English plural forms, whichever test ran before
    tray = main_window.reminder_tray
    tray.timer.stop()
    _seed_due(main_window.ctx)
    main_window.show_page("people")
    tray._read_at = None
    tick_and_wait(qtbot, tray, datetime.now(UTC))  # read on the vault worker
    assert tray.act_due.isVisible()
    assert tray.act_due.text() == "1 action item due before the next 1on1s"  # no name
    tray.act_due.trigger()
    assert main_window.current_page_key() == "dashboard"
    main_window.lock()
    tray.tick(datetime.now(UTC))
    assert not tray.act_due.isVisible()


@pytest.mark.qt_log_ignore(r"This plugin does not support raise\(\)")
def test_closing_hides_to_the_tray_only_when_kept(
    qtbot: Any, main_window: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    from taiwa.ui.prep_reminders import ReminderTray

    tray = main_window.reminder_tray
    assert [a.text() for a in tray.menu.actions() if a.isVisible()] == ["&Open Taiwa", "&Quit"]
    # Off by default: keeps_running is False, so closing quits as before.
    assert not tray.keeps_running()
    monkeypatch.setattr(ReminderTray, "available", staticmethod(lambda: True))
    main_window.ctx.prefs.keep_in_tray = True
    tray.apply_preferences()
    try:
        assert not QApplication.quitOnLastWindowClosed()
        main_window.close()
        assert not main_window.isVisible() and main_window.ctx.is_unlocked  # hidden, still open
        main_window.lock()  # locking still works while it sits in the tray
        assert not main_window.ctx.is_unlocked
        tray.act_open.trigger()
        assert main_window.isVisible()
        tray._on_session_end()  # logging out: the window really closes
        assert not tray.keeps_running()
    finally:
        main_window.ctx.prefs.keep_in_tray = False
        tray.apply_preferences()
    assert QApplication.quitOnLastWindowClosed()


def test_tray_icon_is_shown(main_window: Any) -> None:
    # Asked at run time: the question needs a QApplication, which collection does not have.
    if not QSystemTrayIcon.isSystemTrayAvailable():
        pytest.skip("no system tray on this (offscreen) desktop")
    assert main_window.reminder_tray.icon.isVisible()


def test_keep_in_tray_pref_is_off_by_default_and_read_strictly(tmp_path: Path) -> None:
    from taiwa.prefs import Prefs

    target = tmp_path / "prefs.json"
    assert Prefs.load(target).keep_in_tray is False
    target.write_text('{"keep_in_tray": "yes"}', encoding="utf-8")
    assert Prefs.load(target).keep_in_tray is False
    target.write_text('{"keep_in_tray": true}', encoding="utf-8")
    assert Prefs.load(target).keep_in_tray is True


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_render_for_a_visual_check(qtbot: Any, main_window: Any, lang: str) -> None:
    """With TAIWA_PREP_SHOTS set, saves the dashboard and the settings as PNGs to look at."""
    import os

    folder = os.environ.get("TAIWA_PREP_SHOTS")
    if not folder:
        pytest.skip("set TAIWA_PREP_SHOTS to a folder to render the screenshots")
    from taiwa.ui import i18n as ui_i18n
    from taiwa.ui.settings_dialog import SettingsDialog

    _seed_due(main_window.ctx)
    ui_i18n.install(lang)
    main_window.retranslate()
    main_window.resize(1300, 1100)
    main_window.show_page("dashboard")
    page = main_window.page("dashboard")
    page.refresh()
    qtbot.waitUntil(lambda: page.due_card.model.rowCount() == 1, timeout=5000)
    qtbot.wait(100)
    main_window.grab().save(str(Path(folder) / f"dashboard-{lang}.png"))
    dialog = SettingsDialog(main_window.ctx, main_window)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: getattr(dialog, "_loaded", False), timeout=5_000)
    dialog.grab().save(str(Path(folder) / f"settings-{lang}.png"))
    dialog.reject()
