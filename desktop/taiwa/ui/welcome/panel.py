"""The first steps, on the dashboard of a vault with nobody in it yet.

Three steps, each a button the keyboard reaches (Tab, or its Alt mnemonic): add the first
person, import a calendar, or try Taiwa on the demo vault first. The demo is offered as the
command line offers it (``taiwa demo-vault DIR`` builds one in a folder of its own, ``taiwa
--vault DIR`` opens it): the demo never goes into the user's vault, and the commands can be
copied.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

# A folder of its own, never the user's vault (demo-vault refuses a folder holding one).
DEMO_COMMANDS = "taiwa demo-vault ~/taiwa-demo\ntaiwa --vault ~/taiwa-demo"


class WelcomePanel(QScrollArea):
    """The welcome (see the module docstring); the buttons call the main window's actions."""

    def __init__(self, ctx: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("welcome")
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        body = QWidget(self)
        self.setWidget(body)
        lay = QVBoxLayout(body)
        lay.setContentsMargins(28, 22, 28, 22)
        lay.setSpacing(16)
        title = QLabel(self.tr("Welcome to Taiwa"), body)
        title.setObjectName("pageTitle")
        lay.addWidget(title)
        intro = QLabel(
            self.tr(
                "Your vault is ready and empty. Three first steps — all of them stay on this "
                "computer:"
            ),
            body,
        )
        intro.setWordWrap(True)
        lay.addWidget(intro)

        self.add_button = QPushButton(self.tr("&Add a person…"), body)
        self.add_button.setObjectName("primary")
        self.add_button.clicked.connect(self._on_add_person)
        lay.addWidget(
            self._step(
                body,
                "1",
                self.tr("Add the people who report to you"),
                self.tr(
                    "A name is enough to start; e-mail addresses let a calendar import find "
                    "their 1on1s, and a cadence tells Taiwa when the next one is due."
                ),
                self.add_button,
            )
        )
        self.import_button = QPushButton(self.tr("&Import a calendar…"), body)
        self.import_button.clicked.connect(self._on_import)
        lay.addWidget(
            self._step(
                body,
                "2",
                self.tr("Import your calendar"),
                self.tr(
                    "Export your calendar as an .ics file (Google Calendar, Outlook) and import "
                    "it: Taiwa finds the 1on1s in it and asks before saving anything."
                ),
                self.import_button,
            )
        )
        self.copy_button = QPushButton(self.tr("&Copy the commands"), body)
        self.copy_button.clicked.connect(self._on_copy)
        demo = self._step(
            body,
            "3",
            self.tr("Or look around a demo vault first"),
            self.tr(
                "The demo vault holds a year of made-up 1on1s in a folder of its own; your vault "
                "is not touched. In a terminal:"
            ),
            self.copy_button,
        )
        self.commands = QLabel(DEMO_COMMANDS, demo)
        self.commands.setObjectName("recoveryCode")  # the monospace box of the theme
        self.commands.setTextFormat(Qt.TextFormat.PlainText)
        self.commands.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        demo_layout = demo.layout()
        if isinstance(demo_layout, QVBoxLayout):
            demo_layout.insertWidget(2, self.commands)
        lay.addWidget(demo)
        self.copied = QLabel("", body)
        self.copied.setObjectName("hint")
        lay.addWidget(self.copied)
        lay.addStretch(1)

    def _step(
        self, parent: QWidget, number: str, title: str, text: str, button: QPushButton
    ) -> QFrame:
        card = QFrame(parent)
        card.setObjectName("card")
        lay = QVBoxLayout(card)
        lay.setContentsMargins(16, 12, 16, 14)
        lay.setSpacing(8)
        head = QLabel(f"{number}.  {title}", card)
        head.setObjectName("sectionTitle")
        head.setWordWrap(True)
        lay.addWidget(head)
        body = QLabel(text, card)
        body.setWordWrap(True)
        lay.addWidget(body)
        row = QHBoxLayout()
        row.addWidget(button)
        row.addStretch(1)
        lay.addLayout(row)
        return card

    def focus_first(self) -> None:
        """A page switch puts the focus on the first step."""
        self.add_button.setFocus(Qt.FocusReason.OtherFocusReason)

    def _window_call(self, name: str) -> Any:
        return getattr(self.window(), name, None)

    def _on_add_person(self) -> None:
        show_page = self._window_call("show_page")
        page = show_page("people") if callable(show_page) else None
        add = getattr(page, "add_person", None)
        if callable(add):
            add()

    def _on_import(self) -> None:
        action = self._window_call("act_import")
        if action is not None:
            action.trigger()

    def _on_copy(self) -> None:
        QGuiApplication.clipboard().setText(DEMO_COMMANDS)
        self.copied.setText(self.tr("Copied. Paste the commands into a terminal."))
