"""Two parts of the import preview: "who is this?" for each series nobody known attends and
each series with an unknown attendee's e-mail (a person, a new person, or ignore the series),
and the line saying why the preview is empty or short — counts only: the titles of events that are not 1on1s are none of our business.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QComboBox, QFormLayout, QGroupBox, QHBoxLayout, QLabel, QLineEdit

from taiwa.ics.service import ImportPlan, Who


class WhoPanel(QGroupBox):
    """One row per unknown series: a choice, and a name for a new person."""

    #: Emitted when any answer changes.
    changed = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.setTitle(self.tr("Who is this?"))
        self.form = QFormLayout(self)
        self.rows: dict[str, tuple[QComboBox, QLineEdit]] = {}
        self.hide()

    def fill(self, plan: ImportPlan, *, hide: bool) -> None:
        """One row per series nobody known attends (hidden when ``hide``: privacy mode)."""
        while self.form.rowCount():
            self.form.removeRow(0)
        self.rows.clear()
        sizes = dict.fromkeys([*plan.unknown, *plan.strangers], 0)
        for item in plan.items:
            if item.occurrence.uid in sizes:
                sizes[item.occurrence.uid] += 1
        for uid, title in sorted(plan.unknown.items(), key=lambda kv: kv[1].casefold()):
            text = self.tr("%1 (%n occurrence(s)):", "", sizes[uid]).replace("%1", title)
            self._add_row(plan, uid, text, self.tr("Skip for now"), "")
        # An unknown attendee with an e-mail: ticked in the list as a new person by default,
        # or linked to someone (who gets the e-mail), named, or the series ignored here.
        strangers = sorted(plan.strangers.items(), key=lambda kv: kv[1][1].casefold())
        for uid, (email, title) in strangers:
            text = (
                self.tr("%1 with %2 (%n occurrence(s)):", "", sizes[uid])
                .replace("%1", title)
                .replace("%2", email)
            )
            self._add_row(
                plan, uid, text, self.tr("As ticked in the list"), plan.proposals.get(email, "")
            )
        self.setVisible(bool(self.rows) and not hide)

    def _add_row(self, plan: ImportPlan, uid: str, text: str, undecided: str, name: str) -> None:
        combo = QComboBox()
        combo.setObjectName("whoChoice")
        combo.addItem(undecided, ("skip", 0))
        combo.addItem(self.tr("Ignore this series"), ("ignore", 0))
        combo.addItem(self.tr("A new person named…"), ("new", 0))
        for person_id, person in sorted(plan.people.items(), key=lambda kv: kv[1].casefold()):
            combo.addItem(person, ("link", person_id))
        name_edit = QLineEdit(name)
        name_edit.setPlaceholderText(self.tr("Name"))
        name_edit.setEnabled(False)
        combo.currentIndexChanged.connect(self._on_changed)
        name_edit.textChanged.connect(self._on_changed)
        row = QHBoxLayout()
        row.addWidget(combo, 1)
        row.addWidget(name_edit, 1)
        label = QLabel(text)
        label.setTextFormat(Qt.TextFormat.PlainText)
        label.setBuddy(combo)
        self.form.addRow(label, row)
        self.rows[uid] = (combo, name_edit)

    def answers(self) -> dict[str, Who]:
        """The answers to "who is this?" chosen so far (skipped series are left out)."""
        found: dict[str, Who] = {}
        for uid, (combo, name_edit) in self.rows.items():
            kind, person_id = combo.currentData() or ("skip", 0)
            if kind == "ignore":
                found[uid] = Who.ignore()
            elif kind == "new" and name_edit.text().strip():
                found[uid] = Who.new(name_edit.text())
            elif kind == "link":
                found[uid] = Who.link(int(person_id))
        return found

    def _on_changed(self, *_args: Any) -> None:
        for combo, name_edit in self.rows.values():
            name_edit.setEnabled((combo.currentData() or ("", 0))[0] == "new")
        self.changed.emit()


class WhyShort(QLabel):
    """Why the preview is empty or short."""

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("hint")
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setWordWrap(True)
        self.hide()

    def explain(self, plan: ImportPlan) -> None:
        """Why the preview is empty or short: counts only (other events are not our business)."""
        parts = []
        if plan.outside:
            parts.append(self.tr("%n event(s) outside the period", "", plan.outside))
        if plan.not_1on1:
            parts.append(self.tr("%n not 1on1s", "", plan.not_1on1))
        if plan.problems:
            parts.append(self.tr("%n unreadable", "", len(plan.problems)))
        if plan.ignored:
            parts.append(self.tr("%n ignored series", "", plan.ignored))
        text = ""
        if not plan.items:
            text = self.tr("No 1on1s in this period.")
        if parts:
            listed = parts[0]
            for part in parts[1:]:
                # A template, not a separator: Japanese lists with 、 and no space.
                listed = self.tr("{a}, {b}").format(a=listed, b=part)
            why = self.tr("Not in this preview: {parts}.").format(parts=listed)
            text = f"{text} {why}".strip()
        self.setText(text)
        self.setVisible(bool(text))
