"""The action items' in-table editors are one Tab stop, like the app's date fields: Tab commits
the edit and leaves the table, Shift+Tab too but backwards; a date editor never walks its
sections with Tab (issue 17). Real key events, on the meeting editor's action table."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QApplication, QDateEdit, QDateTimeEdit

from taiwa.ui.models import ActionsModel
from tests.ui.pages_support import seed


def _due_editor(qtbot: Any, editor: Any) -> tuple[Any, Any]:
    view = editor.action_view
    index = editor.actions_model.index(0, ActionsModel.DUE)
    view.setFocus(Qt.FocusReason.TabFocusReason)
    view.setCurrentIndex(index)
    qtbot.keyClick(view, Qt.Key.Key_F2)  # the edit key, as a user opens a cell
    field = QApplication.focusWidget()
    assert isinstance(field, QDateEdit), field
    return view, field


def _after_and_before(qtbot: Any, view: Any) -> tuple[Any, Any]:
    """The controls Tab and Shift+Tab reach from the table itself."""
    view.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.keyClick(view, Qt.Key.Key_Tab)
    after = QApplication.focusWidget()
    view.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.keyClick(view, Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    before = QApplication.focusWidget()
    assert view not in (after, before)
    return after, before


def test_tab_commits_the_due_date_and_leaves_the_table(qtbot: Any, main_window: Any) -> None:
    sample = seed(main_window.ctx.store)
    main_window._on_open_meeting(sample.first.id)
    editor = main_window.page("meeting")
    store = main_window.ctx.store.actions
    [action] = editor.actions_model.rows()
    after, before = _after_and_before(qtbot, editor.action_view)

    view, field = _due_editor(qtbot, editor)
    field.setCurrentSection(QDateTimeEdit.Section.YearSection)
    qtbot.keyClick(field, Qt.Key.Key_Up)
    qtbot.keyClick(field, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is after
    assert view.indexWidget(view.currentIndex()) is None
    moved = action.due_on.replace(year=action.due_on.year + 1)
    assert store.get(action.id).due_on == moved

    # From the month section too (where Qt would go on to the day), and backwards.
    view, field = _due_editor(qtbot, editor)
    field.setCurrentSection(QDateTimeEdit.Section.MonthSection)
    qtbot.keyClick(field, Qt.Key.Key_Down)
    qtbot.keyClick(field, Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    assert QApplication.focusWidget() is before
    earlier = QDate(moved.year, moved.month, moved.day).addMonths(-1).toPython()
    assert store.get(action.id).due_on == earlier


def test_escape_still_cancels_the_edit(qtbot: Any, main_window: Any) -> None:
    sample = seed(main_window.ctx.store)
    main_window._on_open_meeting(sample.first.id)
    editor = main_window.page("meeting")
    [action] = editor.actions_model.rows()
    view, field = _due_editor(qtbot, editor)
    field.setCurrentSection(QDateTimeEdit.Section.YearSection)
    qtbot.keyClick(field, Qt.Key.Key_Up)
    qtbot.keyClick(field, Qt.Key.Key_Escape)
    assert main_window.ctx.store.actions.get(action.id).due_on == action.due_on
    assert QApplication.focusWidget() is view
