"""Shared helpers of the page tests: a small, realistic vault and widget-tree checks."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import Any

from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)

from taiwa.domain.models import ActionDraft, MeetingStatus, Owner, Theme, TopicDraft

PRIVATE_SENTINEL = "PRIVATE-SENTINEL-7f3a"
SHARED_SENTINEL = "SHARED-SENTINEL-91c2"


@dataclass
class Sample:
    alice: Any
    bob: Any
    first: Any  # Alice's older meeting (with an open topic and an open action)
    second: Any  # Alice's newer meeting (carry-over applied)


def seed(store: Any, *, now: datetime | None = None) -> Sample:
    """Two people; Alice has two meetings, the second one carries the first one's open items."""
    now = now or datetime.now(UTC).replace(microsecond=0)
    alice = store.people.add(
        "Alice Example",
        emails=["alice@example.com"],
        role="Engineer",
        team="Platform",
        cadence_days=14,
        career_goals="Tech lead in 2 years",
    )
    bob = store.people.add(
        "Bob Sample", emails=["bob@example.com"], role="Designer", team="Apps", cadence_days=7
    )
    first = store.meetings.create(
        alice.id,
        now - timedelta(days=15),
        status=MeetingStatus.HELD,
        topics=[
            TopicDraft(Theme.CAREER, "Path to tech lead"),
            TopicDraft(Theme.WELLBEING, "Workload in March"),
        ],
        actions=[
            ActionDraft(
                Owner.MANAGER,
                "Introduce Alice to the architecture guild",
                date.today() + timedelta(days=3),
            )
        ],
        mood=4,
        shared_notes=f"Talked about the roadmap. {SHARED_SENTINEL}",
        private_notes=f"Seems tired. {PRIVATE_SENTINEL}",
        purpose="Career check-in",
    )
    store.topics.set_state(first.topics[1].id, "discussed")
    second = store.meetings.create(
        alice.id, now - timedelta(days=1), status=MeetingStatus.HELD, mood=3
    )
    store.meetings.create(
        bob.id,
        now - timedelta(days=9),
        status=MeetingStatus.HELD,
        mood=2,
        shared_notes="Bob's onboarding is going fine.",
    )
    return Sample(alice, bob, first, second)


def visible_texts(root: QWidget) -> list[str]:
    """Every piece of text a user could see in ``root``'s visible widgets (and item views)."""
    out: list[str] = []
    widgets = [root, *root.findChildren(QWidget)]
    for w in widgets:
        if not w.isVisibleTo(root) and w is not root:
            continue
        if isinstance(w, (QPlainTextEdit, QTextEdit)):
            out.append(w.toPlainText())
        elif isinstance(w, (QLineEdit, QLabel)):
            out.append(w.text())
        elif isinstance(w, QAbstractItemView) and w.model() is not None:
            out.extend(_model_texts(w.model()))
        out.append(w.toolTip())
        out.append(w.windowTitle())
    return out


def all_texts(root: QWidget) -> list[str]:
    """Like :func:`visible_texts` but for hidden widgets too (after clear())."""
    out: list[str] = []
    for w in [root, *root.findChildren(QWidget)]:
        if isinstance(w, (QPlainTextEdit, QTextEdit)):
            out.append(w.toPlainText())
            # The undo history is kept by the document: it must be gone as well.
            out.append(str(w.document().isUndoAvailable()))
        elif isinstance(w, (QLineEdit, QLabel)):
            out.append(w.text())
        elif isinstance(w, QAbstractItemView) and w.model() is not None:
            out.extend(_model_texts(w.model()))
    return out


def _model_texts(model: Any, parent: Any = None) -> list[str]:
    from PySide6.QtCore import QModelIndex, Qt

    parent = parent or QModelIndex()
    out: list[str] = []
    for r in range(model.rowCount(parent)):
        for c in range(model.columnCount(parent)):
            idx = model.index(r, c, parent)
            for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
                v = idx.data(role)
                if v is not None:
                    out.append(str(v))
        idx0 = model.index(r, 0, parent)
        if model.rowCount(idx0) > 0:
            out.extend(_model_texts(model, idx0))
    return out


def process(ms: int = 0) -> None:
    from PySide6.QtTest import QTest

    QApplication.processEvents()
    if ms:
        QTest.qWait(ms)
