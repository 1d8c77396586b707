"""The prep view, the answer preview and the recap in the app: shared content only, reachable
from the person page and the main window, one control per Alt letter."""

from __future__ import annotations

import base64
import os
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent, QGuiApplication
from PySide6.QtWidgets import QWidget

from taiwa.domain.models import ActionDraft, MeetingStatus, Owner, Theme, TopicDraft
from taiwa.prep import answers, reminders
from tests.ui.test_mnemonics import every_state_duplicates
from tests.ui.test_prep_reminders_worker import tick_and_wait

PRIVATE = "PREP-PRIVATE-6617"
GOALS = "PREP-GOALS-0912"


@pytest.fixture
def seeded(app_ctx: Any) -> tuple[Any, int, int]:
    store = app_ctx.store
    person = store.people.add("高橋 美咲", career_goals=GOALS)
    meeting = store.meetings.create(
        person.id,
        datetime.now(UTC) - timedelta(days=10),
        status=MeetingStatus.HELD,
        mood=1,
        shared_notes="PREP-SHARED デザインレビューの進め方",
        private_notes=PRIVATE,
        topics=[TopicDraft(Theme.WORK, "レビューの負荷")],
        actions=[ActionDraft(Owner.REPORT, "PREP-ACTION 勉強会に参加する", date(2026, 1, 10))],
    )
    return app_ctx, person.id, meeting.id


def shown_text(dialog: Any) -> str:
    from PySide6.QtWidgets import QLabel, QPlainTextEdit, QTextBrowser

    parts = [w.toPlainText() for w in dialog.findChildren(QTextBrowser)]
    parts += [w.toPlainText() for w in dialog.findChildren(QPlainTextEdit)]
    parts += [w.text() for w in dialog.findChildren(QLabel)]
    return "\n".join([*parts, dialog.windowTitle()])


def test_prep_view_copy_answer_and_recap(qtbot: Any, seeded: Any, tmp_path: Path) -> None:
    from taiwa.ui.prep_dialogs import AnswerDialog, PrepDialog, RecapDialog

    ctx, person_id, meeting_id = seeded
    dialog = PrepDialog(ctx, person_id)
    qtbot.addWidget(dialog)
    dialog.show()
    text = shown_text(dialog)
    assert "PREP-ACTION" in text and "レビューの負荷" in text
    assert PRIVATE not in text and GOALS not in text and "PREP-SHARED" not in text
    assert every_state_duplicates(dialog) == {}
    dialog.copy_button.click()
    clip = QGuiApplication.clipboard().text()
    assert answers.BEGIN in clip and PRIVATE not in clip
    assert dialog.recap_button.isEnabled()

    reply = AnswerDialog(ctx, person_id, dialog)
    qtbot.addWidget(reply)
    reply.show()
    assert not reply.add_button.isEnabled()
    reply.paste.setPlainText("garbage SECRET-LINE")
    assert "BEGIN TAIWA PREP ANSWER" in reply.status.text() and "SECRET" not in reply.status.text()
    block = answers.block(person_id, date.today(), [(Theme.CAREER, "異動の相談")])
    reply.paste.setPlainText("> " + block.replace("\n", "\n> "))
    assert "異動の相談" in reply.preview.toPlainText() and reply.add_button.isEnabled()
    assert every_state_duplicates(reply) == {}
    # A saved mail dropped on the box is read as a mail.
    mail = tmp_path / "reply.eml"
    mail.write_bytes(
        b"From: r@example.com\nSubject: Re\nContent-Type: text/plain; charset=utf-8\n"
        b"Content-Transfer-Encoding: base64\n\n" + base64.encodebytes(block.encode())
    )
    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(mail))])
    pos = QPointF(5, 5)
    action = Qt.DropAction.CopyAction
    reply.paste.dropEvent(
        QDropEvent(pos, action, data, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    )
    assert reply.paste.toPlainText().startswith(answers.BEGIN)
    assert "異動の相談" in reply.preview.toPlainText()
    reply.add_button.click()
    assert reply.added is not None
    assert "異動の相談" in [t.text for t in reply.added.topics]

    recap = RecapDialog(ctx, meeting_id, dialog)
    qtbot.addWidget(recap)
    recap.show()
    text = shown_text(recap)
    assert "PREP-SHARED" in text and "PREP-ACTION" in text and PRIVATE not in text
    assert every_state_duplicates(recap) == {}
    recap.copy_button.click()
    assert "PREP-SHARED" in QGuiApplication.clipboard().text()
    if os.environ.get("TAIWA_PREP_SHOTS"):
        folder = Path(os.environ["TAIWA_PREP_SHOTS"])
        for name, widget in (("prep", dialog), ("answer", reply), ("recap", recap)):
            widget.grab().save(str(folder / f"{name}.png"))


def test_reachable_from_the_person_page(qtbot: Any, seeded: Any) -> None:
    from taiwa.ui.person_page import PersonPage
    from taiwa.ui.prep_dialogs import PrepDialog

    ctx, person_id, _meeting_id = seeded
    page = PersonPage(ctx)
    qtbot.addWidget(page)
    page.show()
    page.resize(1100, 700)
    page.show_person(person_id)
    if os.environ.get("TAIWA_PREP_SHOTS"):
        page.grab().save(str(Path(os.environ["TAIWA_PREP_SHOTS"]) / "person.png"))
    page.prep_button.click()
    found = [d for d in page.findChildren(PrepDialog) if d.isVisible()]
    assert len(found) == 1 and found[0].person_id == person_id
    found[0].close()


def test_tray_reminds_once_without_name_then_opens_prep(qtbot: Any, app_ctx: Any) -> None:
    from taiwa.ui.prep_dialogs import PrepDialog
    from taiwa.ui.prep_reminders import ReminderTray

    store = app_ctx.store
    person = store.people.add("TRAY-NAME 山田")
    now = datetime.now(UTC).replace(microsecond=0)
    start = now + timedelta(minutes=40)
    store.meetings.create(person.id, start, status=MeetingStatus.PLANNED)
    window = QWidget()
    qtbot.addWidget(window)
    tray = ReminderTray(app_ctx, window)
    tray.timer.stop()
    tray._last_tick = now
    fire = start - timedelta(minutes=reminders.DEFAULT_LEAD_MINUTES)
    # The first tick reads the schedule on the vault worker; its arrival shows what is due.
    assert tick_and_wait(qtbot, tray, fire - timedelta(minutes=1)) == []
    shown = tray.tick(fire + timedelta(seconds=30))
    assert shown == ["A 1on1 starts in 10 min."]
    assert tray.tick(fire + timedelta(minutes=1)) == []  # once only
    tray._on_message_clicked()
    dialogs = [d for d in window.findChildren(PrepDialog) if d.isVisible()]
    assert len(dialogs) == 1 and dialogs[0].person_id == person.id
    dialogs[0].close()

    store.settings.set(reminders.NAMES_SETTING, True)
    later = store.meetings.create(person.id, start + timedelta(days=1), status="planned")
    tray._read_at = None
    fire = later.starts_at - timedelta(minutes=reminders.DEFAULT_LEAD_MINUTES)
    tray._last_tick = fire - timedelta(minutes=1)
    assert tick_and_wait(qtbot, tray, fire) == ["1on1 with TRAY-NAME 山田 in 10 min."]
    # The tooltip counts what is due before the next 1on1, without a name.
    store.actions.add(person.id, "report", "TRAY-ACTION", due_on=date.today())
    tray._read_at = None
    tick_and_wait(qtbot, tray, datetime.now(UTC))
    assert tray.due_count == 1
    assert "1" in tray.icon.toolTip() and "TRAY" not in tray.icon.toolTip()


def test_file_menu_action_from_a_meeting_offers_its_recap(
    qtbot: Any, main_window: Any, seeded: Any
) -> None:
    from taiwa.ui.prep_dialogs import PrepDialog, RecapDialog

    _ctx, person_id, meeting_id = seeded
    assert main_window.act_prep in main_window.menuBar().actions()[0].menu().actions()
    main_window.ctx.events.open_meeting.emit(meeting_id)
    qtbot.waitUntil(lambda: main_window.current_page_key() == "meeting", timeout=5000)
    main_window.act_prep.trigger()
    [dialog] = [d for d in main_window.findChildren(PrepDialog) if d.isVisible()]
    assert dialog.person_id == person_id and dialog.meeting_id == meeting_id
    dialog.recap_button.click()
    [recap] = [d for d in dialog.findChildren(RecapDialog) if d.isVisible()]
    assert recap.recap.meeting.id == meeting_id
    # A lock dismisses the prep view and the recap with everything else.
    main_window.lock()
    assert not [d for d in main_window.findChildren(PrepDialog) if d.isVisible()]
    assert not [d for d in main_window.findChildren(RecapDialog) if d.isVisible()]
