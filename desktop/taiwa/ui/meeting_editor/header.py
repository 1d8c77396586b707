"""The meeting editor's header facts: who, when, status, purpose, what they want, mood.

Every change here is a structured change (written at once, undoable) except the purpose, which
is text and autosaves with the notes.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

from PySide6.QtCore import QCoreApplication, QDate, QDateTime, QEvent, QObject, Qt, QTime, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from taiwa.domain.models import MeetingStatus, WantedResponse
from taiwa.ui.meeting_editor.base import EditorBase
from taiwa.ui.widgets import labels
from taiwa.ui.widgets.chips import MutedLabel, PageTitle
from taiwa.ui.widgets.dates import DateTimeField
from taiwa.ui.widgets.flow import FlowRow

_CTX = "MeetingEditor"  # the page's translation context, shared by all its parts


def _t(text: str, disambiguation: str | None = None) -> str:
    return QCoreApplication.translate(_CTX, text, disambiguation)


class _Choice(QWidget):
    """A row of checkable buttons where at most one is on (clicking it again clears it)."""

    chosen = Signal(object)  # the value, or None

    def __init__(self, options: list[tuple[Any, str, str]], parent: QWidget | None = None):
        super().__init__(parent)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(4)
        self._buttons: dict[Any, QToolButton] = {}
        self._value: Any = None
        # No QButtonGroup: Qt lets Tab reach only one button of a group. Here Tab visits each
        # button and the arrow keys move along the row (see eventFilter).
        for value, text, tip in options:
            b = QToolButton(self)
            b.setText(text)
            b.setToolTip(tip)
            b.setCheckable(True)
            b.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
            b.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
            # Styled by taiwa.ui.theme in light and dark, with a focus ring on checked ones too.
            b.setObjectName("segment")
            b.installEventFilter(self)
            self._buttons[value] = b
            b.clicked.connect(lambda checked, v=value: self._on_clicked(v, checked))
            row.addWidget(b)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            step = {
                Qt.Key.Key_Left: -1,
                Qt.Key.Key_Up: -1,
                Qt.Key.Key_Right: 1,
                Qt.Key.Key_Down: 1,
            }.get(Qt.Key(event.key()), 0)
            buttons = list(self._buttons.values())
            if step and watched in buttons:
                i = buttons.index(watched) + step
                if 0 <= i < len(buttons):
                    buttons[i].setFocus(Qt.FocusReason.TabFocusReason)
                return True
        return super().eventFilter(watched, event)

    def buttons(self) -> dict[Any, QToolButton]:
        return self._buttons

    def value(self) -> Any:
        return self._value

    def set_value(self, value: Any) -> None:
        self._value = value
        for v, b in self._buttons.items():
            b.setChecked(v == value)

    def _on_clicked(self, value: Any, checked: bool) -> None:
        new = value if checked else None
        self.set_value(new)
        self.chosen.emit(new)


class HeaderPart(EditorBase):
    """Builds the header rows and handles their changes."""

    content: QWidget
    mood_group: QWidget

    def _show_mood(self, shown: bool) -> None:
        """Privacy mode: the mood is private — its row is hidden and no button stays checked."""
        self.mood_label.setVisible(shown)
        self.mood.setVisible(shown)
        self.mood_group.setVisible(shown)
        self.mood.set_value(self._meeting.mood if shown and self._meeting is not None else None)

    def _build_header(self, cl: QVBoxLayout) -> None:
        # Each row wraps between its groups when it is too narrow (Japanese, 200 % zoom)
        # instead of squeezing its texts: first the name with the meeting's buttons, then
        # date, status and purpose, then what they want and the mood.
        head = FlowRow(self.content, spacing=10)
        titles = QWidget(head)
        tl = QVBoxLayout(titles)
        tl.setContentsMargins(0, 0, 0, 0)
        tl.setSpacing(2)
        self.title = PageTitle("", titles)
        self.subtitle = MutedLabel("", titles)
        self.subtitle.setWordWrap(False)
        tl.addWidget(self.title)
        tl.addWidget(self.subtitle)
        self.save_state = MutedLabel("", head)
        self.save_state.setWordWrap(False)
        self.save_state.setMinimumWidth(
            self.save_state.fontMetrics().horizontalAdvance(_t("Saving…")) + 12
        )
        self.export_button = QPushButton(_t("E&xport PDF…"), head)
        self.export_button.clicked.connect(self._on_export_clicked)
        self.delete_button = QPushButton(_t("&Delete…"), head)
        self.delete_button.setToolTip(_t("Delete this meeting for good (Shift+Del in the list)"))
        self.delete_button.setAccessibleName(_t("Delete meeting"))
        self.delete_button.clicked.connect(self._on_delete_meeting)
        head.add_group(titles, stretch=True)
        head.add_group(self.save_state, self.export_button, self.delete_button, right=True)
        cl.addWidget(head)

        info = FlowRow(self.content)
        self.when = DateTimeField(info)
        self.when.setCalendarPopup(True)
        self.when.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.when.setAccessibleName(_t("Date and time"))
        self.when.editingFinished.connect(self._on_when_edited)
        when_label = QLabel(_t("&When:"), info)
        when_label.setBuddy(self.when)
        self.status = QComboBox(info)
        for st in MeetingStatus:
            self.status.addItem(labels.status_name(st), st)
        self.status.setAccessibleName(_t("Status"))
        self.status.activated.connect(self._on_status_activated)
        status_label = QLabel(_t("S&tatus:"), info)
        status_label.setBuddy(self.status)
        purpose_label = QLabel(_t("&Purpose:"), info)
        self.purpose = QLineEdit(info)
        self.purpose.setPlaceholderText(_t("What is this 1on1 for today?"))
        self.purpose.setAccessibleName(_t("Purpose"))
        self.purpose.textEdited.connect(lambda _t: self._on_text_edited())
        purpose_label.setBuddy(self.purpose)
        # The purpose is typed into: it gets a line of its own before it gets squeezed.
        self.purpose.setMinimumWidth(self.purpose.fontMetrics().averageCharWidth() * 24)
        info.add_group(when_label, self.when)
        info.add_group(status_label, self.status)
        info.add_group(purpose_label, self.purpose, stretch=True)
        cl.addWidget(info)

        self.wants_row = FlowRow(self.content)
        #: Label before the choice of advise / think together / just listen.
        wants_label = QLabel(_t("They want me to:"), self.wants_row)
        self.wanted = _Choice(
            [
                (
                    WantedResponse.ADVISE,
                    labels.wanted_response_name(WantedResponse.ADVISE),
                    _t("They would like advice"),
                ),
                (
                    WantedResponse.THINK_TOGETHER,
                    labels.wanted_response_name(WantedResponse.THINK_TOGETHER),
                    _t("They would like to think it through together"),
                ),
                (
                    WantedResponse.JUST_LISTEN,
                    labels.wanted_response_name(WantedResponse.JUST_LISTEN),
                    _t("They would like to be listened to, without advice"),
                ),
            ],
            self.wants_row,
        )
        self.wanted.chosen.connect(self._on_wanted_chosen)
        self.mood_label = QLabel(_t("Mood:"), self.wants_row)
        self.mood = _Choice([(m, str(m), labels.mood_name(m)) for m in range(1, 6)], self.wants_row)
        self.mood.setAccessibleName(_t("Mood, 1 to 5"))
        self.mood.chosen.connect(self._on_mood_chosen)
        self.wants_row.add_group(wants_label)
        self.wants_row.add_group(self.wanted)
        self.mood_group = self.wants_row.add_group(self.mood_label, self.mood)
        cl.addWidget(self.wants_row)

    def _on_mood_chosen(self, mood: int | None) -> None:
        if self._meeting is None:
            return
        old = self._meeting.mood

        def apply(value: int | None) -> Callable[[], None]:
            def go() -> None:
                self._update_meeting_field(mood=value)
                self.mood.set_value(None if self._privacy else value)

            return go

        self._push(_t("Change mood"), apply(mood), apply(old))
        self.mood.set_value(self._meeting.mood)

    def _on_wanted_chosen(self, value: WantedResponse | None) -> None:
        if self._meeting is None:
            return
        old = self._meeting.wanted_response

        def apply(v: Any) -> Callable[[], None]:
            def go() -> None:
                self._update_meeting_field(wanted_response=None if v is None else str(v))
                self.wanted.set_value(None if v is None else WantedResponse(v))

            return go

        self._push(_t("Change what they want"), apply(value), apply(old))

    def _on_status_activated(self, index: int) -> None:
        if self._meeting is None:
            return
        new = list(MeetingStatus)[index]
        old = MeetingStatus(self._meeting.status)
        if new == old:
            return

        def apply(v: MeetingStatus) -> Callable[[], None]:
            def go() -> None:
                self._update_meeting_field(status=v.value)
                self.status.setCurrentIndex(list(MeetingStatus).index(v))

            return go

        self._push(_t("Change status"), apply(new), apply(old))

    def _on_when_edited(self) -> None:
        if self._meeting is None or self._loading:
            return
        qdt = self.when.dateTime()
        d, t = qdt.date(), qdt.time()
        new = (
            datetime(d.year(), d.month(), d.day(), t.hour(), t.minute())
            .astimezone()
            .astimezone(UTC)
        )
        old = self._meeting.starts_at
        if abs((new - old).total_seconds()) < 60:
            return

        def apply(v: datetime) -> Callable[[], None]:
            def go() -> None:
                self._update_meeting_field(starts_at=v)
                local = v.astimezone()
                self._loading = True
                try:
                    self.when.setDateTime(
                        QDateTime(
                            QDate(local.year, local.month, local.day),
                            QTime(local.hour, local.minute),
                        )
                    )
                finally:
                    self._loading = False

            return go

        self._push(_t("Change date"), apply(new), apply(old))

    # topics

    def _on_export_clicked(self) -> None:
        if self._meeting is None:
            return
        self.flush()
        # The window opens the export dialog (imported lazily: reportlab is heavy).
        self.ctx.events.export_requested.emit(int(self._meeting.id), int(self._meeting.person_id))

    def _on_delete_meeting(self) -> None:
        """Delete the open meeting for good, after a confirmation (the store erases it fully)."""
        if self._meeting is None:
            return
        from taiwa.ui.lifecycle import delete_meeting

        self.flush()  # what was typed is saved first: Cancel keeps the meeting as it is
        meeting_id, person_id = int(self._meeting.id), int(self._meeting.person_id)

        def deleted() -> None:
            if self._meeting is not None and self._meeting.id == meeting_id:
                self.clear()
            self.ctx.events.open_person.emit(person_id)  # back to the person's other meetings

        delete_meeting(self, self.ctx, meeting_id, then=deleted)
