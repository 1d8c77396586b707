"""Privacy mode hides everything private, wherever it would show.

A vault with sentinel values in every private field (private notes, mood) is opened; privacy
mode goes on; every page and the meeting editor are visited, and the whole widget tree is
searched — texts, tooltips, accessible names, every role of every model a view shows, window
titles — for the sentinels and for the mood in words.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)

from taiwa.domain.models import MeetingStatus
from taiwa.ui.widgets import labels
from tests.ui.pages_support import PRIVATE_SENTINEL, seed

# Every display-ish role, and the custom roles after UserRole that the models define.
_ROLES = [*range(0, 14), *range(Qt.ItemDataRole.UserRole, Qt.ItemDataRole.UserRole + 40)]


def _columns(model: Any, parent: QModelIndex) -> int:
    try:
        return int(model.columnCount(parent))
    except TypeError:  # list models keep columnCount private: one column
        return 1


def _model_strings(model: Any, parent: QModelIndex | None = None, depth: int = 0) -> list[str]:
    parent = parent or QModelIndex()
    out: list[str] = []
    for r in range(model.rowCount(parent)):
        for c in range(_columns(model, parent)):
            idx = model.index(r, c, parent)
            for role in _ROLES:
                value = model.data(idx, role)
                if isinstance(value, str):
                    out.append(value)
        if depth < 2:
            out.extend(_model_strings(model, model.index(r, 0, parent), depth + 1))
    for c in range(_columns(model, QModelIndex())):
        for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            value = model.headerData(c, Qt.Orientation.Horizontal, role)
            if isinstance(value, str):
                out.append(value)
    return out


def _strings(root: QWidget) -> list[tuple[str, str]]:
    """(where, text) for what a user, a screen reader or a task switcher could get."""
    out: list[tuple[str, str]] = []
    for w in [root, *root.findChildren(QWidget)]:
        if not w.isVisibleTo(root) and w is not root:
            continue
        where = f"{type(w).__name__}:{w.objectName() or w.accessibleName()}"
        texts = [w.toolTip(), w.accessibleName(), w.accessibleDescription(), w.statusTip()]
        if isinstance(w, (QPlainTextEdit, QTextEdit)):
            texts.append(w.toPlainText())
        elif isinstance(w, (QLineEdit, QLabel, QAbstractButton)):
            texts.append(w.text())
        if isinstance(w, QAbstractButton) and w.isCheckable() and w.isChecked():
            texts.append(f"checked:{w.text()}")
        if isinstance(w, QAbstractItemView) and w.model() is not None:
            texts.extend(_model_strings(w.model()))
        out.extend((where, t) for t in texts if t)
    for top in QApplication.topLevelWidgets():
        if top.isVisible():
            out.append(("window title", top.windowTitle()))
    return out


def _leaks(root: QWidget, signals: tuple[str, ...] = ()) -> list[tuple[str, str]]:
    moods = [labels.mood_name(m) for m in range(1, 6)]
    return [
        (where, text)
        for where, text in _strings(root)
        if PRIVATE_SENTINEL in text or any(m in text for m in (*moods, *signals))
    ]


def _signal_texts(qtbot: Any, main_window: Any) -> tuple[str, ...]:
    """The dashboard's signal prompts as shown with privacy mode off."""
    from taiwa.ui.models import signal_reason

    dashboard = main_window.show_page("dashboard")
    qtbot.waitUntil(
        lambda: dashboard.data is not None and bool(dashboard.data.signals), timeout=5000
    )
    return tuple(signal_reason(s) for s in dashboard.data.signals)


def test_privacy_mode_leaves_nothing_private_on_any_page(qtbot: Any, main_window: Any) -> None:
    sample = seed(main_window.ctx.store)
    store = main_window.ctx.store
    # Someone long overdue for a 1on1 raises a signal (for the manager's eyes only).
    carol = store.people.add("Carol Overdue", cadence_days=7)
    store.meetings.create(
        carol.id, datetime.now(UTC) - timedelta(days=60), status=MeetingStatus.HELD, mood=5
    )
    signals = _signal_texts(qtbot, main_window)
    # The person page and the editor are opened once before, so they hold the data already.
    main_window._on_open_meeting(sample.first.id)
    editor = main_window.page("meeting")
    assert PRIVATE_SENTINEL in editor.private.text()
    main_window.show_page("search")
    main_window.page("search").focus_query("tired")
    qtbot.waitUntil(lambda: bool(_leaks(main_window.page("search"))), timeout=3000)
    main_window._on_open_person(sample.alice.id)
    qtbot.wait(100)
    assert _leaks(main_window), "the check must see the mood and notes with privacy mode off"

    main_window.act_privacy.trigger()
    assert main_window.ctx.privacy_mode
    visits = {
        "dashboard": lambda: main_window.show_page("dashboard"),
        "people": lambda: main_window.show_page("people"),
        "search": lambda: main_window.show_page("search"),
        # A word of the private note: its hit must not show the note.
        "search hit": lambda: main_window.page("search").focus_query("tired"),
        "person": lambda: main_window._on_open_person(sample.alice.id),
        "meeting": lambda: main_window._on_open_meeting(sample.first.id),
    }
    found: dict[str, Any] = {}
    for name, visit in visits.items():
        visit()
        qtbot.wait(150)  # pages load off the GUI thread
        leaks = _leaks(main_window, signals)
        if leaks:
            found[name] = leaks
    assert found == {}

    # Off again: the private notes and the mood come back.
    main_window.act_privacy.trigger()
    main_window._on_open_meeting(sample.first.id)
    assert PRIVATE_SENTINEL in editor.private.text()
    assert editor.mood.isVisibleTo(main_window) and editor.mood.value() == 4
