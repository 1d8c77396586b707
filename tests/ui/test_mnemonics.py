"""Alt+letter must reach exactly one control per window, in English and in Japanese.

A duplicate is worse than a nuisance: in the meeting editor Alt+P was both "Purpose" and
"Private notes", so the first Alt+P sent private text into the purpose, which privacy mode shows
and the shared PDF prints.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtWidgets import QAbstractButton, QGroupBox, QLabel, QWidget

from taiwa.ui import i18n as ui_i18n
from tests.ui.pages_support import seed

_MNEMONIC = re.compile(r"(?<!&)&([^&\s])")


def mnemonics(window: QWidget) -> dict[str, list[str]]:
    """Letter -> the texts that claim it, over the window's visible, enabled controls."""
    found: dict[str, list[str]] = defaultdict(list)
    for w in window.findChildren(QWidget):
        if not w.isVisibleTo(window):
            continue
        if isinstance(w, QLabel):
            if w.buddy() is None:
                continue  # a label without a buddy has no shortcut
            text = w.text()
        elif isinstance(w, QAbstractButton):
            text = w.text()
        elif isinstance(w, QGroupBox):
            text = w.title()
        else:
            continue
        for letter in _MNEMONIC.findall(text):
            found[letter.casefold()].append(text)
    return found


def duplicates(window: QWidget) -> dict[str, list[str]]:
    return {k: v for k, v in mnemonics(window).items() if len(v) > 1}


@pytest.fixture(params=["en", "ja"])
def language(request: pytest.FixtureRequest, main_window: Any) -> Iterator[str]:
    ui_i18n.install(request.param)
    main_window.retranslate()
    yield request.param


def test_the_meeting_editor_has_one_control_per_alt_letter(
    qtbot: Any, main_window: Any, language: str
) -> None:
    from taiwa.ui.meeting_editor import MeetingEditor

    sample = seed(main_window.ctx.store)
    main_window._on_open_meeting(sample.second.id)
    [editor] = [e for e in main_window.findChildren(MeetingEditor) if e.isVisible()]
    assert "p" in mnemonics(editor) or language == "ja"
    assert duplicates(main_window) == {}


def test_alt_p_in_the_meeting_editor_never_lands_in_the_private_notes(
    qtbot: Any, main_window: Any, language: str
) -> None:
    from PySide6.QtCore import Qt

    from taiwa.ui.meeting_editor import MeetingEditor

    sample = seed(main_window.ctx.store)
    main_window._on_open_meeting(sample.second.id)
    [editor] = [e for e in main_window.findChildren(MeetingEditor) if e.isVisible()]
    [purpose_letter] = [
        k for k, v in mnemonics(editor).items() if any("目的" in t or "urpose" in t for t in v)
    ]
    editor.shared.setFocus()
    qtbot.keyClick(editor.shared, purpose_letter, Qt.KeyboardModifier.AltModifier)
    assert editor.purpose.hasFocus()


def test_the_person_dialog_has_one_control_per_alt_letter(
    qtbot: Any, main_window: Any, language: str
) -> None:
    from taiwa.ui.people_page import PersonDialog

    for person in (None, main_window.ctx.store.people.add("Hanako Sato")):
        dlg = PersonDialog(main_window.ctx, person=person)
        qtbot.addWidget(dlg)
        dlg.show()
        assert duplicates(dlg) == {}
        dlg.close()
