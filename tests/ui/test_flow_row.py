"""A row of control groups wraps between groups when narrow, never inside one."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QLabel, QLineEdit, QPushButton

from taiwa.ui.widgets.flow import FlowRow


def test_groups_wrap_and_a_stretching_group_fills_its_line(qtbot: Any) -> None:
    row = FlowRow()
    qtbot.addWidget(row)
    label, edit = QLabel("Purpose:"), QLineEdit()
    first = row.add_group(QLabel("When:"), QPushButton("2026-05-01 09:30"))
    second = row.add_group(QPushButton("Export PDF…"), right=True)
    third = row.add_group(label, edit, stretch=True)
    row.show()
    wide = row.sizeHint().width() + 200
    row.resize(wide, row.heightForWidth(wide))
    qtbot.wait(10)
    one_line = row.height()
    # One line: the groups overlap vertically (each is centred on the line).
    assert max(g.y() for g in (first, second, third)) < min(
        g.geometry().bottom() for g in (first, second, third)
    )
    assert third.geometry().right() == row.width() - 1  # the text field takes the rest

    narrow = max(first.sizeHint().width(), third.sizeHint().width()) + 4
    assert row.heightForWidth(narrow) > 2 * one_line
    row.resize(narrow, row.heightForWidth(narrow))
    qtbot.wait(10)
    # One group a line.
    assert first.geometry().bottom() < second.y()
    assert second.geometry().bottom() < third.y()
    # Alone on its line, the button group sits at the end; no group is cut.
    assert second.geometry().right() == row.width() - 1
    for group in (first, second, third):
        assert group.width() >= group.sizeHint().width()
        assert group.geometry().bottom() < row.height()
    assert label.parentWidget() is edit.parentWidget()  # a label never leaves its field

    three_lines = row.heightForWidth(narrow)
    first.hide()  # a hidden group takes no room
    assert row.heightForWidth(narrow) < three_lines
