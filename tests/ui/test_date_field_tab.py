"""The meeting's date and time is one Tab stop: Tab and Shift+Tab leave it at once, Left/Right
walk its sections and Up/Down change the one the cursor is in (issue 17)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QDate, QDateTime, Qt, QTime
from PySide6.QtWidgets import QApplication, QDateTimeEdit

from tests.ui.pages_support import seed


def _open_editor(main_window: Any) -> Any:
    main_window._on_open_meeting(seed(main_window.ctx.store).second.id)
    editor = main_window.page("meeting")
    editor.when.setDateTime(QDateTime(QDate(2026, 5, 1), QTime(9, 30)))
    return editor


def test_tab_and_shift_tab_leave_the_date_at_once(qtbot: Any, main_window: Any) -> None:
    editor = _open_editor(main_window)
    for section in (QDateTimeEdit.Section.YearSection, QDateTimeEdit.Section.MinuteSection):
        # From any section, the first Tab goes to the status, the first Shift+Tab to the
        # control before the date (the meeting list's New meeting button).
        editor.when.setFocus(Qt.FocusReason.TabFocusReason)
        editor.when.setCurrentSection(section)
        qtbot.keyClick(editor.when, Qt.Key.Key_Tab)
        assert QApplication.focusWidget() is editor.status
        editor.when.setFocus(Qt.FocusReason.TabFocusReason)
        editor.when.setCurrentSection(section)
        qtbot.keyClick(editor.when, Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
        assert QApplication.focusWidget() is editor.new_button
    # And Tab from the status comes back in one step with Shift+Tab.
    editor.status.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.keyClick(editor.status, Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    assert QApplication.focusWidget() is editor.when


def test_sections_are_reached_with_arrows_and_changed_with_up_down(
    qtbot: Any, main_window: Any
) -> None:
    editor = _open_editor(main_window)
    when = editor.when
    when.setFocus(Qt.FocusReason.TabFocusReason)
    when.setCurrentSection(QDateTimeEdit.Section.YearSection)
    # "yyyy-MM-dd HH:mm": Right walks the text, and so every section, without leaving.
    walked = [when.currentSection()]
    for _ in range(len("yyyy-MM-dd HH:mm")):
        qtbot.keyClick(when, Qt.Key.Key_Right)
        walked.append(when.currentSection())
    section = QDateTimeEdit.Section
    assert set(walked) == {
        section.YearSection,
        section.MonthSection,
        section.DaySection,
        section.HourSection,
        section.MinuteSection,
    }
    for _ in range(len("yyyy-MM-dd HH:mm")):
        qtbot.keyClick(when, Qt.Key.Key_Left)
    assert when.currentSection() == section.YearSection
    assert QApplication.focusWidget() is when
    when.setCurrentSection(QDateTimeEdit.Section.HourSection)
    qtbot.keyClick(when, Qt.Key.Key_Up)
    assert when.dateTime().time() == QTime(10, 30)
    qtbot.keyClick(when, Qt.Key.Key_Down)
    qtbot.keyClick(when, Qt.Key.Key_Down)
    assert when.dateTime().time() == QTime(8, 30)
    assert QApplication.focusWidget() is when


def test_the_export_dialogs_dates_are_one_tab_stop_each(
    qtbot: Any, app_ctx: Any, memory_keyring: Any
) -> None:
    from taiwa.ui.export_dialog import ExportDialog

    sample = seed(app_ctx.store)
    dialog = ExportDialog(app_ctx, person_id=sample.alice.id)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog, timeout=3000)
    start, end = dialog.start_edit, dialog.end_edit
    start.setEnabled(True)
    end.setEnabled(True)
    start.setFocus(Qt.FocusReason.TabFocusReason)
    start.setCurrentSection(QDateTimeEdit.Section.YearSection)
    qtbot.keyClick(start, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is end
    qtbot.keyClick(end, Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    assert QApplication.focusWidget() is start
    dialog.close()
