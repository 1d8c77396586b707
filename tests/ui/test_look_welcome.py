"""A new, empty vault opens on the first steps (not on empty cards), reachable by keyboard."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication


def _dashboard(qtbot: Any, main_window: Any) -> Any:
    page = main_window.page("dashboard")
    qtbot.waitUntil(lambda: page.data is not None, timeout=5000)
    return page


def test_empty_vault_shows_the_welcome_with_three_steps(qtbot: Any, main_window: Any) -> None:
    page = _dashboard(qtbot, main_window)
    welcome = page.welcome
    qtbot.waitUntil(welcome.isVisible, timeout=5000)
    assert not page._scroll.isVisible()
    buttons = [welcome.add_button, welcome.import_button, welcome.copy_button]
    assert all(b.isVisible() and b.focusPolicy() & Qt.FocusPolicy.TabFocus for b in buttons)
    # Tab walks the steps in order.
    welcome.add_button.setFocus()
    seen = []
    for _ in range(2):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        seen.append(QApplication.focusWidget())
    assert seen == [welcome.import_button, welcome.copy_button]
    welcome.copy_button.click()
    assert "taiwa demo-vault" in QApplication.clipboard().text()


def test_the_first_person_replaces_the_welcome_with_the_dashboard(
    qtbot: Any, main_window: Any, monkeypatch: Any
) -> None:
    from taiwa.ui.people_page import PeoplePage

    page = _dashboard(qtbot, main_window)
    qtbot.waitUntil(page.welcome.isVisible, timeout=5000)
    added: list[str] = []
    ctx = main_window.ctx
    monkeypatch.setattr(
        PeoplePage, "add_person", lambda self: added.append(ctx.store.people.add("Aoi").name)
    )
    page.welcome.add_button.click()
    assert added == ["Aoi"]
    assert main_window.current_page_key() == "people"
    main_window.show_page("dashboard")
    qtbot.waitUntil(lambda: not page.welcome.isVisible() and page._scroll.isVisible(), timeout=5000)
