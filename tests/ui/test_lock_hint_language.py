"""The idle-lock hint under the navigation follows a language switch like the rest of the
window (it kept the old language: it is not rebuilt with the menus and pages)."""

from __future__ import annotations

from typing import Any


def test_the_lock_hint_follows_the_language(main_window: Any) -> None:
    from taiwa.ui import i18n as ui_i18n

    main_window.set_auto_lock_minutes(5)
    english = main_window._lock_hint.text()
    assert "5" in english
    ui_i18n.install("ja")
    main_window.retranslate()
    japanese = main_window._lock_hint.text()
    assert japanese != english and "5" in japanese
    assert not any("a" <= c.lower() <= "z" for c in japanese)  # no English left in it
    main_window.set_auto_lock_minutes(0)
    assert main_window._lock_hint.text() != "Automatic lock is off."
