"""Every window and dialog fits a 1366x768 laptop (1366x720 usable) with no clipped text, in
English and Japanese, at the size it opens with — measured with a 10 pt desktop font."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import QSize

from taiwa.ui import ops, theme, window_size
from tests.ui.fit_support import LAPTOPS, SCREEN, clipped_texts, laptop_screen
from tests.ui.pages_support import seed

ICS = (
    "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//t//t//EN\r\nBEGIN:VEVENT\r\n"
    "UID:fit-1@taiwa.invalid\r\nDTSTAMP:20260101T000000Z\r\nDTSTART:20990105T100000Z\r\n"
    "DURATION:PT30M\r\nSUMMARY:1on1 Alice\r\nATTENDEE:mailto:alice@example.com\r\n"
    "END:VEVENT\r\nEND:VCALENDAR\r\n"
)


@pytest.fixture(params=LAPTOPS, ids=str)
def laptop(request: Any, qapp: Any, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """A 1366x720 usable screen, a 10 pt desktop font, the language and text zoom under test."""
    lang, zoom = request.param
    with laptop_screen(qapp, monkeypatch, zoom, lang):
        yield f"{lang} {zoom}"


def _settle(qtbot: Any, ms: int = 150) -> None:
    ops.wait_for_pending(10_000)
    qtbot.wait(ms)
    ops.wait_for_pending(10_000)


def _check(widget: Any, where: str) -> None:
    assert widget.width() <= SCREEN.width() and widget.height() <= SCREEN.height(), (
        where,
        widget.size(),
    )
    assert clipped_texts(widget) == [], where


def test_main_window_pages_fit(qtbot: Any, app_ctx: Any, laptop: str, no_dbus: None) -> None:
    from taiwa.ui.main_window import MainWindow

    sample = seed(app_ctx.store)
    window = MainWindow(app_ctx)
    qtbot.addWidget(window)
    window.show()
    window.start()
    _settle(qtbot)
    assert window.size() == SCREEN.boundedTo(QSize(1200, 800)).expandedTo(window.minimumSize())
    window.resize(SCREEN)  # the check is at the laptop's full usable size
    for key in ("dashboard", "people", "search"):
        window.show_page(key)
        _settle(qtbot)
        _check(window, f"{laptop} {key}")
    window.ctx.events.open_person.emit(sample.alice.id)
    _settle(qtbot)
    _check(window, f"{laptop} person")
    window.ctx.events.open_meeting.emit(sample.first.id)
    _settle(qtbot)
    _check(window, f"{laptop} meeting")
    window.lock("manual")
    _settle(qtbot)
    _check(window, f"{laptop} unlock")
    window.watcher.set_active(False)


def test_first_run_and_welcome_fit(
    qtbot: Any, app_ctx: Any, laptop: str, no_dbus: None, tmp_path: Any
) -> None:
    from taiwa.prefs import Prefs
    from taiwa.ui.context import AppContext
    from taiwa.ui.main_window import MainWindow

    welcome = MainWindow(app_ctx)  # an empty vault: the welcome
    qtbot.addWidget(welcome)
    welcome.show()
    welcome.start()
    page = welcome.page("dashboard")
    qtbot.waitUntil(page.welcome.isVisible, timeout=5000)
    welcome.resize(SCREEN)
    _settle(qtbot)
    _check(welcome, f"{laptop} welcome")
    welcome.watcher.set_active(False)
    fresh = AppContext(tmp_path / "no-vault-yet", prefs=Prefs(path=tmp_path / "prefs.json"))
    first = MainWindow(fresh)
    qtbot.addWidget(first)
    first.show()
    first.start()
    _settle(qtbot)
    assert first.current_screen() == "first_run"
    _check(first, f"{laptop} first run")
    first.watcher.set_active(False)


def test_dialogs_fit(qtbot: Any, app_ctx: Any, laptop: str, tmp_path: Any) -> None:
    from taiwa.ui.backup import RestoreDialog
    from taiwa.ui.export_dialog import ExportDialog
    from taiwa.ui.help import AboutDialog, ShortcutsDialog
    from taiwa.ui.import_dialog import ImportDialog
    from taiwa.ui.settings_dialog import SettingsDialog

    sample = seed(app_ctx.store)
    ics = tmp_path / "calendar.ics"
    ics.write_bytes(ICS.encode("utf-8"))
    dialogs = {
        "settings": SettingsDialog(app_ctx),
        "export": ExportDialog(app_ctx, person_id=sample.alice.id),
        "restore": RestoreDialog(app_ctx),
        "shortcuts": ShortcutsDialog(),
        "about": AboutDialog(),
        "import": ImportDialog(app_ctx, [ics]),
    }
    for name, dialog in dialogs.items():
        qtbot.addWidget(dialog)
        dialog.show()
        _settle(qtbot)
        tabs = getattr(dialog, "tabs", None)
        for index in range(tabs.count() if tabs is not None else 1):
            if tabs is not None:
                tabs.setCurrentIndex(index)
                _settle(qtbot, 50)
            _check(dialog, f"{laptop} {name} {index}")
        dialog.close()


def test_first_run_card_follows_a_zoom_change_while_shown(
    qtbot: Any, qapp: Any, tmp_path: Any, monkeypatch: pytest.MonkeyPatch, no_dbus: None
) -> None:
    from taiwa.prefs import Prefs
    from taiwa.ui.context import AppContext
    from taiwa.ui.main_window import MainWindow

    monkeypatch.setattr(window_size, "available", lambda _w: QSize(SCREEN))
    desktop = theme._desktop_point_size
    theme._desktop_point_size = 10.0
    try:
        theme.apply(qapp, zoom=100)
        fresh = AppContext(tmp_path / "no-vault-yet", prefs=Prefs(path=tmp_path / "prefs.json"))
        first = MainWindow(fresh)
        qtbot.addWidget(first)
        first.resize(SCREEN)
        first.show()
        first.start()
        _settle(qtbot)
        first.zoom_text(1)
        for _ in range(8):
            first.zoom_text(1)
        _settle(qtbot)
        assert theme.zoom() == 200
        assert clipped_texts(first) == []
        first.watcher.set_active(False)
    finally:
        theme._desktop_point_size = desktop
        theme.apply(qapp, zoom=100)
