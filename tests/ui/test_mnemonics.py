"""Alt+letter must reach exactly one control per window, in English and in Japanese.

A duplicate is worse than a nuisance: in the meeting editor Alt+P was both "Purpose" and
"Private notes", so the first Alt+P sent private text into the purpose, which privacy mode shows
and the shared PDF prints.

Every window and dialog is opened in both languages; its widget tree is walked (each page of a
stacked widget or tab widget in turn, as a user would see it) and a letter claimed twice fails.
The menu bar's titles count with the window they belong to; each menu's items among themselves.
"""

from __future__ import annotations

import re
import shutil
from collections import defaultdict
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QComboBox,
    QDialogButtonBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMenu,
    QPlainTextEdit,
    QPushButton,
    QStackedWidget,
    QTabBar,
    QTabWidget,
    QTextEdit,
    QToolButton,
    QWidget,
)

from taiwa.ui import i18n as ui_i18n
from tests.ui.pages_support import seed

_MNEMONIC = re.compile(r"(?<!&)&([^&\s])")
_ICS = Path(__file__).resolve().parents[1] / "data" / "ics" / "google_export.ics"


def mnemonics(window: QWidget) -> dict[str, list[str]]:
    """Letter -> the texts that claim it, over the window's visible controls (and menu bar)."""
    found: dict[str, list[str]] = defaultdict(list)
    texts: list[str] = []
    for w in window.findChildren(QWidget):
        if not w.isVisibleTo(window) or w.window() is not window.window():
            continue
        if isinstance(w, QLabel):
            if w.buddy() is None:
                continue  # a label without a buddy has no shortcut
            texts.append(w.text())
        elif isinstance(w, QAbstractButton):
            texts.append(w.text())
        elif isinstance(w, QGroupBox):
            texts.append(w.title())
        elif isinstance(w, QTabWidget):
            texts.extend(w.tabText(i) for i in range(w.count()) if w.isTabVisible(i))
    if isinstance(window, QMainWindow) and window.menuBar().isVisibleTo(window):
        texts.extend(a.text() for a in window.menuBar().actions() if a.isVisible())
    for text in texts:
        for letter in _MNEMONIC.findall(text):
            found[letter.casefold()].append(text)
    return found


def duplicates(window: QWidget) -> dict[str, list[str]]:
    return {k: v for k, v in mnemonics(window).items() if len(v) > 1}


def menu_duplicates(window: QWidget) -> dict[str, list[str]]:
    """Duplicates among the items of each menu of the window."""
    out: dict[str, list[str]] = {}
    for menu in window.findChildren(QMenu):
        found: dict[str, list[str]] = defaultdict(list)
        for action in menu.actions():
            if action.isSeparator() or not action.isVisible():
                continue
            for letter in _MNEMONIC.findall(action.text()):
                found[letter.casefold()].append(action.text())
        out.update({f"{menu.title()}:{k}": v for k, v in found.items() if len(v) > 1})
    return out


def every_state_duplicates(window: QWidget) -> dict[str, list[str]]:
    """Duplicates in each page of every stacked widget and tab widget, one at a time."""
    out = dict(duplicates(window))
    stacks: list[Any] = [*window.findChildren(QStackedWidget), *window.findChildren(QTabWidget)]
    for stack in stacks:
        if not stack.isVisibleTo(window):
            continue
        keep = stack.currentIndex()
        for i in range(stack.count()):
            stack.setCurrentIndex(i)
            out.update(
                {f"{type(stack).__name__}[{i}]:{k}": v for k, v in duplicates(window).items()}
            )
        stack.setCurrentIndex(keep)
    return out


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


def test_every_page_of_the_main_window_and_its_menus(
    qtbot: Any, main_window: Any, language: str
) -> None:
    sample = seed(main_window.ctx.store)
    problems: dict[str, Any] = {}
    for key in ("dashboard", "people", "search"):
        main_window.show_page(key)
        problems.update({f"{key}:{k}": v for k, v in duplicates(main_window).items()})
    main_window._on_open_person(sample.alice.id)
    problems.update({f"person:{k}": v for k, v in duplicates(main_window).items()})
    main_window._on_open_meeting(sample.second.id)
    problems.update({f"meeting:{k}": v for k, v in duplicates(main_window).items()})
    problems.update(menu_duplicates(main_window))


def _dialogs(main_window: Any, tmp_path: Path) -> dict[str, Callable[[], QWidget]]:
    """Each dialog (and full-window screen) by name, built on demand."""
    ctx = main_window.ctx
    sample = seed(ctx.store)

    def export_meeting() -> QWidget:
        from taiwa.ui.export_dialog import ExportDialog

        return ExportDialog(ctx, meeting_id=sample.second.id, person_id=sample.alice.id)

    def export_person() -> QWidget:
        from taiwa.ui.export_dialog import ExportDialog

        return ExportDialog(ctx, person_id=sample.alice.id)

    def import_calendar() -> QWidget:
        from taiwa.ui.import_dialog import ImportDialog

        ics = tmp_path / _ICS.name
        shutil.copy(_ICS, ics)
        return ImportDialog(ctx, [ics])

    def settings() -> QWidget:
        from taiwa.ui.settings_dialog import SettingsDialog

        return SettingsDialog(ctx)

    def restore() -> QWidget:
        from taiwa.ui.backup import RestoreDialog

        return RestoreDialog(ctx)

    def unlock() -> QWidget:
        from taiwa.ui.unlock import UnlockScreen

        return UnlockScreen(ctx)

    def first_run() -> QWidget:
        from taiwa.ui.first_run import FirstRunScreen

        return FirstRunScreen(ctx)

    def recovery_code() -> QWidget:
        from taiwa.ui.recovery_dialog import NewRecoveryDialog

        return NewRecoveryDialog(ctx, passphrase=False)

    def recovery_passphrase() -> QWidget:
        from taiwa.ui.recovery_dialog import NewRecoveryDialog

        return NewRecoveryDialog(ctx, passphrase=True)

    def person_picker() -> QWidget:
        from taiwa.ui.person_picker import PersonPicker

        return PersonPicker(ctx)

    def shortcuts() -> QWidget:
        from taiwa.ui.help import ShortcutsDialog

        return ShortcutsDialog()

    def about() -> QWidget:
        from taiwa.ui.help import AboutDialog

        return AboutDialog()

    def crash() -> QWidget:
        from taiwa.ui.crash import CrashDialog

        return CrashDialog("bug")

    def question_bank() -> QWidget:
        from taiwa.ui.meeting_editor import QuestionBankDialog

        return QuestionBankDialog(ctx)

    return {f.__name__: f for f in (
        export_meeting, export_person, import_calendar, settings, restore, unlock, first_run,
        recovery_code, recovery_passphrase, person_picker, shortcuts, about, crash, question_bank,
    )}  # fmt: skip


def test_every_dialog_has_one_control_per_alt_letter(
    qtbot: Any, main_window: Any, language: str, tmp_path: Path
) -> None:
    from taiwa.ui import ops

    problems: dict[str, Any] = {}
    for name, build in _dialogs(main_window, tmp_path).items():
        dialog = build()
        qtbot.addWidget(dialog)
        dialog.show()
        problems.update({f"{name}:{k}": v for k, v in every_state_duplicates(dialog).items()})
        problems.update({f"{name}:{k}": v for k, v in menu_duplicates(dialog).items()})
        dialog.close()
        ops.wait_for_pending(10_000)


_FIELDS = (QLineEdit, QComboBox, QAbstractSpinBox, QPlainTextEdit, QTextEdit, QAbstractItemView)


def _has_mnemonic(widget: QWidget, window: QWidget) -> bool:
    if isinstance(widget, QAbstractButton):
        return bool(_MNEMONIC.findall(widget.text()))
    labels = [lb for lb in window.findChildren(QLabel) if lb.buddy() is widget]
    return any(_MNEMONIC.findall(lb.text()) for lb in labels)


def _exempt(widget: QWidget, window: QWidget, depth: int = 0) -> bool:
    """The dialog's own default and Cancel buttons, the field focused on opening, and a field
    that only completes the control before it in the tab order (the "to" date after the
    "from" date, the repeated password after the box that enables it), at most three deep."""
    box = widget.parent()
    if isinstance(box, QDialogButtonBox) and isinstance(widget, QPushButton):
        role = box.buttonRole(widget)
        if widget.isDefault() or role in (
            QDialogButtonBox.ButtonRole.AcceptRole,
            QDialogButtonBox.ButtonRole.RejectRole,
        ):
            return True
    if isinstance(widget, QPushButton) and widget.isDefault():
        return True
    if isinstance(widget, QAbstractButton) and widget.text() in ("Cancel", "キャンセル"):
        return True
    if widget is window.focusWidget():
        return True
    if not isinstance(widget, _FIELDS):
        return False  # a button always needs its own letter
    before = widget.previousInFocusChain()
    while (
        before is not None
        and before is not widget
        and not (before.isVisibleTo(window) and before.focusPolicy() & Qt.FocusPolicy.TabFocus)
    ):
        before = before.previousInFocusChain()
    if isinstance(before, QTabBar):
        return True  # the first control of a tab page: Ctrl+Tab, then Tab
    if depth > 2 or not isinstance(before, (*_FIELDS, QAbstractButton)):
        return False
    return _has_mnemonic(before, window) or _exempt(before, window, depth + 1)


def unreachable(window: QWidget) -> list[str]:
    """Visible buttons and fields that no Alt+letter reaches."""
    out = []
    for w in window.findChildren(QWidget):
        if not w.isVisibleTo(window) or w.window() is not window.window():
            continue
        if isinstance(w.parent(), (QComboBox, QAbstractSpinBox, QAbstractItemView)):
            continue  # the line edit inside a combo box, a header inside a table
        if not isinstance(w, (*_FIELDS, QAbstractButton)) or isinstance(w, QToolButton):
            continue
        if not _has_mnemonic(w, window) and not _exempt(w, window):
            name = w.text() if isinstance(w, QAbstractButton) else w.objectName()
            out.append(f"{type(w).__name__}({name or w.accessibleName()})")
    return out


def every_state_unreachable(window: QWidget) -> list[str]:
    out = list(unreachable(window))
    for stack in [*window.findChildren(QStackedWidget), *window.findChildren(QTabWidget)]:
        if not stack.isVisibleTo(window):
            continue
        keep = stack.currentIndex()
        for i in range(stack.count()):
            stack.setCurrentIndex(i)
            out.extend(f"[{i}]{w}" for w in unreachable(window) if w not in out)
        stack.setCurrentIndex(keep)
    return out


def test_every_control_of_every_dialog_has_an_alt_letter(
    qtbot: Any, main_window: Any, language: str, tmp_path: Path
) -> None:
    from taiwa.ui import ops

    problems: dict[str, Any] = {}
    for name, build in _dialogs(main_window, tmp_path).items():
        dialog = build()
        qtbot.addWidget(dialog)
        dialog.show()
        if missing := every_state_unreachable(dialog):
            problems[name] = missing
        dialog.close()
        ops.wait_for_pending(10_000)
    assert problems == {}, "\n".join(f"{k}: {v}" for k, v in problems.items())
