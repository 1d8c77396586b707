"""Preferences (non-secret, 0600, robust) and translations (complete Japanese, stretch switch)."""

from __future__ import annotations

import json
import stat
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication, QTranslator

from taiwa import paths
from taiwa.prefs import Prefs


def test_prefs_round_trip_private_and_atomic(tmp_path: Path) -> None:
    target = tmp_path / "cfg" / "prefs.json"
    prefs = Prefs(path=target)
    prefs.language = "ja"
    prefs.auto_lock_minutes = 12
    prefs.window_geometry = "AAAA"
    prefs.save()
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert stat.S_IMODE(target.parent.stat().st_mode) == 0o700
    loaded = Prefs.load(target)
    assert (loaded.language, loaded.auto_lock_minutes, loaded.window_geometry) == ("ja", 12, "AAAA")
    assert set(json.loads(target.read_text())) == {
        "language",
        "auto_lock_minutes",
        "window_geometry",
        "text_zoom",
        "window_sizes",
        "keep_in_tray",
    }
    assert [p.name for p in target.parent.iterdir()] == ["prefs.json"]  # no temp file left


@pytest.mark.parametrize(
    "content",
    [
        "",
        "not json",
        "[1, 2]",
        '{"language": "fr", "auto_lock_minutes": "ten"}',
        '{"auto_lock_minutes": true}',
    ],
)
def test_damaged_prefs_give_the_defaults(tmp_path: Path, content: str) -> None:
    target = tmp_path / "prefs.json"
    target.write_text(content, encoding="utf-8")
    prefs = Prefs.load(target)
    assert prefs.language is None
    assert prefs.auto_lock_minutes == 5


def test_auto_lock_minutes_are_bounded(tmp_path: Path) -> None:
    target = tmp_path / "prefs.json"
    target.write_text('{"auto_lock_minutes": 100000}', encoding="utf-8")
    assert Prefs.load(target).auto_lock_minutes == 240
    target.write_text('{"auto_lock_minutes": -3}', encoding="utf-8")
    assert Prefs.load(target).auto_lock_minutes == 0


def _ts(name: str) -> ET.Element:
    return ET.parse(str(paths.resource_path("translations", name))).getroot()


def test_japanese_translation_is_complete() -> None:
    root = _ts("taiwa_ja.ts")
    messages = root.findall("./context/message")
    assert len(messages) > 100
    unfinished = []
    for message in messages:
        translation = message.find("translation")
        assert translation is not None
        forms = translation.findall("numerusform")
        text = "".join(f.text or "" for f in forms) if forms else (translation.text or "")
        if translation.get("type") in ("unfinished", "vanished", "obsolete") or not text.strip():
            unfinished.append(message.findtext("source"))
    assert unfinished == []


def test_japanese_translations_keep_placeholders() -> None:
    import re

    for message in _ts("taiwa_ja.ts").findall("./context/message"):
        source = message.findtext("source") or ""
        translation = message.find("translation")
        assert translation is not None
        forms = translation.findall("numerusform")
        texts = [f.text or "" for f in forms] if forms else [translation.text or ""]
        want = sorted(re.findall(r"\{\w*\}|%n|%\d", source))
        for text in texts:
            assert sorted(re.findall(r"\{\w*\}|%n|%\d", text)) == want, source


def test_qm_files_load_and_translate(qapp: Any) -> None:
    translator = QTranslator()
    assert translator.load(str(paths.resource_path("translations", "taiwa_ja.qm")))
    assert translator.translate("UnlockScreen", "Unlock") not in ("", "Unlock")
    english = QTranslator()
    assert english.load(str(paths.resource_path("translations", "taiwa_en.qm")))
    assert english.translate("MainWindow", "Locks after %n minute(s) without activity.", None, 1)


def test_language_install_switches_qt_and_messages(qapp: Any) -> None:
    from taiwa import i18n
    from taiwa.errors import InputError
    from taiwa.ui import i18n as ui_i18n

    try:
        ui_i18n.install("ja")
        assert QCoreApplication.translate("UnlockScreen", "Unlock") != "Unlock"
        assert i18n.current_language() == "ja"
        assert InputError().localized() == "入力が正しくありません。"
        ui_i18n.install("en")
        assert QCoreApplication.translate("UnlockScreen", "Unlock") == "Unlock"
        assert (
            QCoreApplication.translate(
                "MainWindow", "Locks after %n minute(s) without activity.", None, 1
            )
            == "Locks after 1 minute without activity."
        )
    finally:
        ui_i18n.install("en")
        i18n.set_language(None)


def test_stretch_switch_lengthens_every_string(qapp: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    from taiwa.ui import i18n as ui_i18n

    monkeypatch.setenv(ui_i18n.STRETCH_ENV, "1")
    try:
        ui_i18n.install("en")
        stretched = QCoreApplication.translate("UnlockScreen", "Unlock")
        assert stretched.startswith("Unlock") and len(stretched) > len("Unlock") + 2
        monkeypatch.delenv(ui_i18n.STRETCH_ENV)
    finally:
        ui_i18n.install("en")


def test_language_follows_the_system_unless_chosen(monkeypatch: pytest.MonkeyPatch) -> None:
    from taiwa.ui import i18n as ui_i18n

    monkeypatch.delenv("TAIWA_LANG", raising=False)
    monkeypatch.setenv("LC_ALL", "ja_JP.UTF-8")
    assert ui_i18n.effective_language(None) == "ja"
    assert ui_i18n.effective_language("en") == "en"
    monkeypatch.setenv("LC_ALL", "en_GB.UTF-8")
    assert ui_i18n.effective_language(None) == "en"


def test_shell_screens_fit_in_japanese_and_stretched(
    qtbot: Any, vault_dir: Path, monkeypatch: pytest.MonkeyPatch, no_dbus: None
) -> None:
    """No label of the first-run and unlock screens is cut off (word-wrapped or wide enough)."""
    from PySide6.QtWidgets import QAbstractButton, QLabel

    from taiwa.ui import i18n as ui_i18n
    from taiwa.ui.context import AppContext
    from taiwa.ui.main_window import MainWindow

    for lang, stretch in (("ja", False), ("en", True)):
        if stretch:
            monkeypatch.setenv(ui_i18n.STRETCH_ENV, "1")
        ui_i18n.install(lang)
        try:
            window = MainWindow(AppContext(vault_dir))
            qtbot.addWidget(window)
            window.resize(1000, 700)
            window.show()
            window.start()
            qtbot.waitExposed(window)
            for widget in window.findChildren(QLabel) + window.findChildren(QAbstractButton):
                if not widget.isVisible() or not widget.text():
                    continue
                if isinstance(widget, QLabel) and widget.wordWrap():
                    continue
                assert widget.width() >= widget.sizeHint().width() - 1, (lang, widget.text())
            window.close()
        finally:
            monkeypatch.delenv(ui_i18n.STRETCH_ENV, raising=False)
            ui_i18n.install("en")


def test_settings_and_help_fit_in_japanese_and_stretched(
    qtbot: Any, app_ctx: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtWidgets import QAbstractButton, QLabel

    from taiwa.ui import i18n as ui_i18n
    from taiwa.ui.help import ShortcutsDialog
    from taiwa.ui.settings_dialog import SettingsDialog

    for lang, stretch in (("ja", False), ("en", True)):
        if stretch:
            monkeypatch.setenv(ui_i18n.STRETCH_ENV, "1")
        ui_i18n.install(lang)
        try:
            for dialog in (SettingsDialog(app_ctx), ShortcutsDialog()):
                qtbot.addWidget(dialog)
                dialog.show()
                qtbot.waitExposed(dialog)
                tabs = getattr(dialog, "tabs", None)
                for index in range(tabs.count() if tabs is not None else 1):
                    if tabs is not None:
                        tabs.setCurrentIndex(index)
                    for widget in dialog.findChildren(QLabel) + dialog.findChildren(
                        QAbstractButton
                    ):
                        if not widget.isVisible() or not widget.text():
                            continue
                        if isinstance(widget, QLabel) and widget.wordWrap():
                            continue
                        assert widget.width() >= widget.sizeHint().width() - 1, (
                            lang,
                            widget.text(),
                        )
                dialog.close()
        finally:
            monkeypatch.delenv(ui_i18n.STRETCH_ENV, raising=False)
            ui_i18n.install("en")
