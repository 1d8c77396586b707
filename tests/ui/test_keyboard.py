"""The keyboard alone reaches every control: Tab leaves tables, page switches land in a list,
Enter acts, every shortcut works on every page without an exception or an ambiguity."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import (
    QDate,
    QKeyCombination,
    QMessageLogContext,
    Qt,
    QtMsgType,
    qInstallMessageHandler,
)
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QDialog,
    QLineEdit,
    QTableView,
    QWidget,
)

from tests.ui.pages_support import seed


def _focused() -> QWidget | None:
    return QApplication.focusWidget()


def _tab_from(qtbot: Any, widget: QWidget, *, back: bool = False) -> QWidget | None:
    widget.setFocus(Qt.FocusReason.TabFocusReason)
    assert widget.hasFocus(), widget
    key = Qt.Key.Key_Backtab if back else Qt.Key.Key_Tab
    mods = Qt.KeyboardModifier.ShiftModifier if back else Qt.KeyboardModifier.NoModifier
    qtbot.keyClick(widget, key, mods)
    return _focused()


def _tables(page: QWidget) -> list[QTableView]:
    return [v for v in page.findChildren(QTableView) if v.isVisible()]


def test_tab_leaves_every_table_and_arrows_move_inside(qtbot: Any, main_window: Any) -> None:
    sample = seed(main_window.ctx.store)
    seen = 0
    for open_page in (
        lambda: main_window.show_page("dashboard"),
        lambda: main_window.show_page("people"),
        lambda: main_window._on_open_person(sample.alice.id),
        lambda: main_window._on_open_meeting(sample.second.id),
    ):
        page = open_page() or main_window.page(main_window.current_page_key())
        qtbot.wait(50)
        for view in _tables(page):
            seen += 1
            assert not view.tabKeyNavigation(), view.accessibleName()
            if view.model().rowCount() > 1:
                view.setCurrentIndex(view.model().index(0, 0))
                view.setFocus()
                qtbot.keyClick(view, Qt.Key.Key_Down)
                assert view.currentIndex().row() == 1, view.accessibleName()
            assert _tab_from(qtbot, view) is not view, view.accessibleName()
            assert _tab_from(qtbot, view, back=True) is not view, view.accessibleName()
        for view in page.findChildren(QTableView):  # the hidden (empty) ones too
            assert not view.tabKeyNavigation(), view.accessibleName()
    # Dashboard tables with rows, the people list, two on the person page, two in the editor.
    assert seen >= 8


def _editor(main_window: Any, meeting_id: int) -> Any:
    main_window._on_open_meeting(meeting_id)
    return main_window.page("meeting")


def _tab_chain(start: QWidget, steps: int = 60) -> list[QWidget]:
    """The widgets Tab visits from ``start`` (by the focus chain Qt uses)."""
    out: list[QWidget] = []
    w = start
    for _ in range(steps):
        w = w.nextInFocusChain()
        if w is start:
            break
        if (
            w.isVisible()
            and w.isEnabled()
            and w.focusPolicy() & Qt.FocusPolicy.TabFocus == Qt.FocusPolicy.TabFocus
        ):
            out.append(w)
    return out


def test_every_mood_and_wanted_button_is_reached_by_tab_and_arrows(
    qtbot: Any, main_window: Any
) -> None:
    editor = _editor(main_window, seed(main_window.ctx.store).second.id)
    buttons = [*editor.wanted.buttons().values(), *editor.mood.buttons().values()]
    # Tab, one key at a time, from the purpose field through every button.
    editor.purpose.setFocus()
    reached = []
    for _ in range(len(buttons) + 2):
        qtbot.keyClick(_focused(), Qt.Key.Key_Tab)
        reached.append(_focused())
    assert all(b in reached for b in buttons)
    # Arrows move along a row too.
    first = editor.mood.buttons()[1]
    first.setFocus()
    for n in range(2, 6):
        qtbot.keyClick(_focused(), Qt.Key.Key_Right)
        assert _focused() is editor.mood.buttons()[n]
    qtbot.keyClick(_focused(), Qt.Key.Key_Left)
    assert _focused() is editor.mood.buttons()[4]


def test_a_date_field_showing_no_date_lets_tab_through(qtbot: Any, main_window: Any) -> None:
    editor = _editor(main_window, seed(main_window.ctx.store).second.id)
    due = editor.action_due
    assert due.date() == due.minimumDate()  # "No due date"
    assert _tab_from(qtbot, due) is not due
    assert _tab_from(qtbot, due, back=True) is not due
    # With a date, Tab still ends up outside after the sections.
    due.setDate(QDate(2026, 5, 1))
    due.setFocus()
    for _ in range(4):
        qtbot.keyClick(_focused(), Qt.Key.Key_Tab)
    assert _focused() is not due


def test_page_switch_puts_the_focus_in_the_page_list(qtbot: Any, main_window: Any) -> None:
    seed(main_window.ctx.store)
    for keys, page_key in (("Ctrl+2", "people"), ("Ctrl+1", "dashboard"), ("Ctrl+3", "search")):
        main_window.search_field.setFocus()
        qtbot.keySequence(main_window.search_field, QKeySequence(keys))
        assert main_window.current_page_key() == page_key
        page = main_window.page(page_key)
        # The page's lists appear once its data is loaded (off the GUI thread); an empty
        # search page lands in its query field instead.
        wanted = QLineEdit if page_key == "search" else QAbstractItemView
        qtbot.waitUntil(lambda w=wanted: isinstance(_focused(), w), timeout=3000)
        focus = _focused()
        assert focus is not None and page.isAncestorOf(focus), keys


def test_ctrl_n_lands_in_the_person_picker(qtbot: Any, main_window: Any) -> None:
    from taiwa.ui.person_picker import PersonPicker

    seed(main_window.ctx.store)
    main_window.show_page("dashboard")
    main_window.search_field.setFocus()
    qtbot.keySequence(main_window.search_field, QKeySequence(QKeySequence.StandardKey.New))
    picker = main_window.findChild(PersonPicker)
    assert picker is not None
    qtbot.waitUntil(lambda: _focused() is picker.filter, timeout=3000)
    picker.reject()


def test_alt_left_and_alt_right_walk_the_history(qtbot: Any, main_window: Any) -> None:
    sample = seed(main_window.ctx.store)
    main_window.show_page("people")
    main_window._on_open_person(sample.alice.id)
    main_window._on_open_meeting(sample.second.id)
    target = _focused() or main_window
    qtbot.keySequence(target, QKeySequence("Alt+Left"))
    assert main_window.current_page_key() == "person"
    qtbot.keySequence(_focused() or main_window, QKeySequence("Alt+Left"))
    assert main_window.current_page_key() == "people"
    qtbot.keySequence(_focused() or main_window, QKeySequence("Alt+Right"))
    assert main_window.current_page_key() == "person"
    qtbot.keySequence(_focused() or main_window, QKeySequence("Alt+Right"))
    assert main_window.current_page_key() == "meeting"


def test_enter_in_the_export_dialog_exports(
    qtbot: Any, main_window: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from taiwa.ui.export_dialog import ExportDialog

    browsed: list[bool] = []
    monkeypatch.setattr(ExportDialog, "_on_browse", lambda self: browsed.append(True))
    exported: list[bool] = []
    monkeypatch.setattr(ExportDialog, "_on_export", lambda self: exported.append(True))
    sample = seed(main_window.ctx.store)
    dialog = ExportDialog(main_window.ctx, person_id=sample.alice.id, parent=main_window)
    qtbot.addWidget(dialog)
    dialog.path_edit.setText(str(tmp_path / "out.pdf"))
    dialog.show()
    dialog.path_edit.setFocus()
    qtbot.keyClick(dialog.path_edit, Qt.Key.Key_Return)
    assert exported and not browsed
    dialog.close()


class _QtMessages:
    """Collects Qt warnings (e.g. "QAction::event: Ambiguous shortcut overload")."""

    def __init__(self) -> None:
        self.messages: list[str] = []

    def __call__(self, kind: QtMsgType, _ctx: QMessageLogContext, text: str) -> None:
        if kind != QtMsgType.QtDebugMsg:
            self.messages.append(text)


# Shortcuts that end the session or block the test (quit, lock) are triggered elsewhere.
_SKIP = {"Ctrl+Q", "Ctrl+L"}


def _close_popups(main_window: Any) -> None:
    for w in QApplication.topLevelWidgets():
        if isinstance(w, QDialog) and w.isVisible() and w is not main_window:
            w.reject()


def test_every_shortcut_on_every_page_works_without_error_or_ambiguity(
    qtbot: Any, main_window: Any
) -> None:
    sample = seed(main_window.ctx.store)
    opens = {
        "dashboard": lambda: main_window.show_page("dashboard"),
        "people": lambda: main_window.show_page("people"),
        "search": lambda: main_window.show_page("search"),
        "person": lambda: main_window._on_open_person(sample.alice.id),
        "meeting": lambda: main_window._on_open_meeting(sample.second.id),
    }
    collector = _QtMessages()
    previous = qInstallMessageHandler(collector)
    errors: list[str] = []
    try:
        for name, open_page in opens.items():
            open_page()
            page = main_window.page(name)
            sequences: set[str] = set()
            for holder in (main_window, *page.findChildren(QWidget), page):
                for action in holder.actions():
                    for seq in action.shortcuts():
                        sequences.add(seq.toString())
            for keys in sorted(sequences - _SKIP):
                open_page()
                main_window.focus_page(main_window.page(name))
                focus = _focused() or main_window
                try:
                    combo = QKeySequence(keys)[0]
                    assert isinstance(combo, QKeyCombination)
                    qtbot.keyClick(focus, combo.key(), combo.keyboardModifiers())
                    qtbot.wait(10)
                except Exception as exc:
                    errors.append(f"{name} {keys}: {exc!r}")
                _close_popups(main_window)
    finally:
        qInstallMessageHandler(previous)
    ambiguous = [m for m in collector.messages if "mbiguous" in m]
    assert errors == []
    assert ambiguous == []


def _documented() -> set[str]:
    from taiwa.ui.help import shortcut_rows

    return {part.strip() for _what, keys in shortcut_rows() for part in keys.split(" / ")}


def test_every_bound_shortcut_is_in_the_keyboard_map(qtbot: Any, main_window: Any) -> None:
    sample = seed(main_window.ctx.store)
    main_window._on_open_person(sample.alice.id)
    main_window._on_open_meeting(sample.second.id)
    main_window.show_page("people")
    native = QKeySequence.SequenceFormat.NativeText
    documented = _documented()
    missing: dict[str, str] = {}
    for holder in (main_window, *main_window.findChildren(QWidget)):
        for action in holder.actions():
            for seq in action.shortcuts():
                text = seq.toString(native)
                if text and text not in documented:
                    missing[text] = action.text() or type(holder).__name__
    assert missing == {}


def test_the_help_shows_the_map_and_the_cheat_sheet(qtbot: Any, main_window: Any) -> None:
    from taiwa.ui.help import ShortcutsDialog, cheat_sheet_rows, keymap

    dialog = ShortcutsDialog(main_window)
    qtbot.addWidget(dialog)
    dialog.show()
    table_texts = [dialog.table.item(r, 0).text().strip() for r in range(dialog.table.rowCount())]
    for group, rows in keymap():
        assert group in table_texts
        assert all(what in table_texts for what, _keys in rows)
    assert 10 <= len(cheat_sheet_rows()) <= 16
    for what, _keys in cheat_sheet_rows():
        assert what in dialog.cheat_sheet.text()
    dialog.close()


def test_ctrl_enter_confirms_the_person_dialog_from_its_text_box(
    qtbot: Any, main_window: Any
) -> None:
    from taiwa.ui.people_page import PersonDialog

    dialog = PersonDialog(main_window.ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()  # shortcuts work in the active window
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog, timeout=3000)
    dialog.name.setText("Kenji Ito")
    dialog.goals.setFocus()
    qtbot.keyClick(dialog.goals, Qt.Key.Key_Return)  # a new line, not OK
    assert dialog.isVisible()
    qtbot.keyClick(dialog.goals, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=3000)
    assert dialog.result() == QDialog.DialogCode.Accepted


def _tab_stops(root: QWidget) -> list[QWidget]:
    return [
        w
        for w in root.findChildren(QWidget)
        if w.isVisible()
        and w.isEnabled()
        and w.focusProxy() is None
        and w.focusPolicy() & Qt.FocusPolicy.TabFocus == Qt.FocusPolicy.TabFocus
    ]


def test_every_tab_stop_shows_that_it_has_the_focus(
    qtbot: Any, main_window: Any, qapp: Any
) -> None:
    from taiwa.ui import theme

    sample = seed(main_window.ctx.store)
    saved = (qapp.font(), qapp.palette(), qapp.styleSheet())
    theme.apply(qapp, zoom=100)  # the focus rings come from the app's style sheet
    try:
        invisible: dict[str, list[str]] = {}
        for name, open_page in (
            ("dashboard", lambda: main_window.show_page("dashboard")),
            ("people", lambda: main_window.show_page("people")),
            ("person", lambda: main_window._on_open_person(sample.alice.id)),
            ("meeting", lambda: main_window._on_open_meeting(sample.first.id)),
        ):
            open_page()
            page = main_window.page(name)
            # Pages load off the GUI thread: wait until the page shows its data.
            qtbot.waitUntil(lambda p=page: getattr(p, "data", True) is not None, timeout=5000)
            qtbot.wait(100)
            for w in [*_tab_stops(page), main_window._nav]:
                main_window.search_field.setFocus()
                before = w.grab().toImage()
                w.setFocus(Qt.FocusReason.TabFocusReason)
                # What Qt sets when the focus moved by the keyboard (Tab), as here.
                main_window.setAttribute(Qt.WidgetAttribute.WA_KeyboardFocusChange, True)
                w.update()
                if w.grab().toImage() == before:
                    invisible.setdefault(name, []).append(
                        f"{type(w).__name__}:{w.accessibleName() or w.objectName()}"
                    )
        assert invisible == {}
    finally:
        qapp.setFont(saved[0])
        qapp.setPalette(saved[1])
        qapp.setStyleSheet(saved[2])


def test_esc_backs_out_of_a_meeting_list_but_not_out_of_a_cell_editor(
    qtbot: Any, main_window: Any
) -> None:
    sample = seed(main_window.ctx.store)
    main_window._on_open_person(sample.alice.id)
    main_window._on_open_meeting(sample.first.id)
    editor = main_window.page("meeting")
    editor.topic_text.setFocus()
    qtbot.keyClick(editor.topic_text, Qt.Key.Key_Escape)
    assert main_window.current_page_key() == "meeting"  # a text field keeps its Esc
    editor.action_view.setFocus()
    editor.action_view.setCurrentIndex(editor.actions_model.index(0, 2))
    editor.action_view.edit(editor.action_view.currentIndex())
    cell = _focused()
    assert cell is not None and cell is not editor.action_view
    qtbot.keyClick(cell, Qt.Key.Key_Escape)  # cancels the edit only
    assert main_window.current_page_key() == "meeting"
    editor.action_view.setFocus()
    qtbot.keyClick(editor.action_view, Qt.Key.Key_Escape)
    assert main_window.current_page_key() == "person"


def test_enter_opens_the_current_row_of_each_list(qtbot: Any, main_window: Any) -> None:
    sample = seed(main_window.ctx.store)
    people = main_window.show_page("people")
    qtbot.waitUntil(lambda: people.proxy.rowCount() > 0, timeout=3000)
    main_window.focus_page(people)
    assert _focused() is people.view
    qtbot.keyClick(people.view, Qt.Key.Key_Return)
    assert main_window.current_page_key() == "person"
    person = main_window.page("person")
    main_window.focus_page(person)
    assert _focused() is person.history_view
    qtbot.keyClick(person.history_view, Qt.Key.Key_Return)
    assert main_window.current_page_key() == "meeting"
    assert main_window.page("meeting").person_id == person.current_person_id()
    assert {sample.alice.id, sample.bob.id} >= {person.current_person_id()}


def test_the_cheat_sheet_saves_as_a_pdf(
    qtbot: Any, main_window: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import io

    from pypdf import PdfReader

    from taiwa.ui.help import ShortcutsDialog

    dialog = ShortcutsDialog(main_window)
    qtbot.addWidget(dialog)
    target = tmp_path / "keys.pdf"
    assert dialog.save_cheat_sheet(target)
    reader = PdfReader(io.BytesIO(target.read_bytes()))
    text = "".join(page.extract_text() for page in reader.pages)
    assert len(reader.pages) == 1
    assert "Ctrl+T" in text and "Ctrl+1" in text
    assert target.stat().st_mode & 0o077 == 0  # like every export: only the user reads it
    # An existing file is replaced only after the user agreed in the save dialog.
    target.write_bytes(b"keep")
    from taiwa.ui import ops

    shown: list[BaseException] = []
    monkeypatch.setattr(ops, "show_error", lambda _parent, exc: shown.append(exc))
    assert not dialog.save_cheat_sheet(target)
    assert shown and target.read_bytes() == b"keep"
    assert dialog.save_cheat_sheet(target, True)
    assert target.read_bytes().startswith(b"%PDF")
