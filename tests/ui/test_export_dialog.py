"""The export dialog: preview, private-notes warning, shared variant, password, off-thread export."""

from __future__ import annotations

import io
import stat
import threading
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader

from taiwa.domain.models import ActionDraft, MeetingStatus, Owner, Theme, TopicDraft
from taiwa.export.model import Audience, DocKind
from tests.unit.export.pdfcheck import flat

SECRET = "DIALOG-PRIVATE-5150"


@pytest.fixture
def seeded(app_ctx: Any) -> tuple[Any, int, int]:
    store = app_ctx.store
    person = store.people.add("高橋 美咲", role="デザイナー")
    meeting = store.meetings.create(
        person.id,
        datetime.now(UTC) - timedelta(days=10),
        status=MeetingStatus.HELD,
        mood=4,
        shared_notes="DIALOG-SHARED デザインレビューの進め方",
        private_notes=SECRET,
        topics=[TopicDraft(Theme.GROWTH, "ファシリテーションを学ぶ")],
        actions=[ActionDraft(Owner.REPORT, "DIALOG-ACTION 勉強会に参加する")],
    )
    return app_ctx, person.id, meeting.id


def make(qtbot: Any, ctx: Any, tmp_path: Path, **ids: int) -> Any:
    from taiwa.ui.export_dialog import ExportDialog

    dialog = ExportDialog(ctx, **ids)
    qtbot.addWidget(dialog)
    dialog.path_edit.setText(str(tmp_path / "out.pdf"))
    dialog.show()
    return dialog


def wait_preview(qtbot: Any, dialog: Any, needle: str) -> str:
    qtbot.waitUntil(lambda: needle in dialog.preview.text(), timeout=5000)
    return str(dialog.preview.text())


def export(qtbot: Any, dialog: Any) -> None:
    assert dialog.export_button.isEnabled(), dialog.status.text()
    with qtbot.waitSignal(dialog.exported, timeout=20000):
        dialog.export_button.click()


def test_preview_and_private_notes_warning(qtbot: Any, seeded: Any, tmp_path: Path) -> None:
    ctx, person_id, _meeting_id = seeded
    dialog = make(qtbot, ctx, tmp_path, person_id=person_id)
    assert dialog.kind() is DocKind.PERSON and not dialog.kind_meeting.isEnabled()
    text = wait_preview(qtbot, dialog, "Meetings: 1")
    assert "Private notes: not included (meetings with private notes: 1)" in text
    assert SECRET not in text and "DIALOG-SHARED" not in text  # counts only, never note text
    assert not dialog.private_warning.isVisible()
    assert dialog.chosen_audience() is Audience.SHARED  # the default
    text = wait_preview(qtbot, dialog, "Mood: not included")
    assert "Signals: not included" in text
    # Private notes exist only in the manager's copy: ticking them chooses it.
    dialog.include_private.setChecked(True)
    assert dialog.private_warning.isVisible()
    assert dialog.chosen_audience() is Audience.MANAGER
    text = wait_preview(qtbot, dialog, "PRIVATE NOTES INCLUDED — meetings with private notes: 1")
    assert "Mood trend chart: included" in text
    # Any other audience turns private notes off.
    for audience in (Audience.SHARED, Audience.HR, Audience.HANDOVER):
        dialog.audience.setCurrentIndex(dialog.audience.findData(audience.value))
        assert not dialog.include_private.isChecked()
    text = wait_preview(qtbot, dialog, "Signals: not included")
    assert "Mood: not included" in text and "Private notes: not included" in text


def test_export_person_summary_off_thread(qtbot: Any, seeded: Any, tmp_path: Path) -> None:
    ctx, person_id, _meeting_id = seeded
    dialog = make(qtbot, ctx, tmp_path, person_id=person_id)
    dialog.language.setCurrentIndex(dialog.language.findData("ja"))
    export(qtbot, dialog)
    target = tmp_path / "out.pdf"
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    content = flat(target.read_bytes())
    assert "DIALOG-ACTION勉強会に参加する" in content and "1on1共有サマリー" in content
    assert "本人と共有" in content  # the default audience, marked
    assert SECRET not in content
    assert str(target) in dialog.status.text()
    assert dialog.progress.value() == dialog.progress.maximum()


def test_export_meeting_with_private_notes_and_password(
    qtbot: Any, seeded: Any, tmp_path: Path
) -> None:
    ctx, person_id, meeting_id = seeded
    dialog = make(qtbot, ctx, tmp_path, person_id=person_id, meeting_id=meeting_id)
    assert dialog.kind() is DocKind.MEETING
    dialog.include_private.setChecked(True)
    dialog.use_password.setChecked(True)
    dialog.password.setText("pa55")
    dialog.password_again.setText("different")
    assert not dialog.export_button.isEnabled()
    assert "differ" in dialog.status.text()
    dialog.password_again.setText("pa55")
    export(qtbot, dialog)
    data = (tmp_path / "out.pdf").read_bytes()
    reader = PdfReader(io.BytesIO(data))
    assert reader.is_encrypted and reader.trailer["/Encrypt"]["/R"] == 6
    assert SECRET in flat(data, password="pa55")
    assert dialog.password.text() == ""  # the password does not linger in the dialog


def test_privacy_mode_keeps_private_notes_out(qtbot: Any, seeded: Any, tmp_path: Path) -> None:
    ctx, person_id, _meeting_id = seeded
    ctx.set_privacy_mode(True)
    dialog = make(qtbot, ctx, tmp_path, person_id=person_id)
    assert not dialog.include_private.isEnabled()
    assert dialog.privacy_hint.isVisible()


def test_bad_choices_disable_export(qtbot: Any, seeded: Any, tmp_path: Path) -> None:
    ctx, person_id, _meeting_id = seeded
    dialog = make(qtbot, ctx, tmp_path, person_id=person_id)
    dialog.path_edit.setText(str(tmp_path / "missing" / "x.pdf"))
    assert not dialog.export_button.isEnabled() and "folder" in dialog.status.text()
    dialog.path_edit.setText(str(tmp_path / "x.txt"))
    assert not dialog.export_button.isEnabled()
    dialog.path_edit.setText(str(tmp_path / "x.pdf"))
    dialog.period.setCurrentIndex(dialog.period.findData("custom"))
    dialog.start_edit.setDate(dialog.end_edit.date().addDays(5))
    assert not dialog.export_button.isEnabled() and "ends before" in dialog.status.text()
    assert not list(tmp_path.glob("*.pdf")) and not list(tmp_path.glob("*.txt"))


def test_failed_export_shows_one_line_and_leaves_no_file(
    qtbot: Any, seeded: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from taiwa.export import documents

    def broken(*args: object, **kwargs: object) -> object:
        raise OSError(28, "No space left on device")

    ctx, person_id, _meeting_id = seeded
    out = tmp_path / "out"
    out.mkdir()
    dialog = make(qtbot, ctx, tmp_path, person_id=person_id)
    dialog.path_edit.setText(str(out / "x.pdf"))
    monkeypatch.setattr(documents, "_notes_section", broken)
    dialog.export_button.click()
    qtbot.waitUntil(lambda: "Internal error" in dialog.status.text(), timeout=20000)
    assert SECRET not in dialog.status.text()
    assert list(out.iterdir()) == []


def test_cancel_during_export_writes_nothing(qtbot: Any, seeded: Any, tmp_path: Path) -> None:
    from taiwa.ui.ops import Op

    ctx, person_id, _meeting_id = seeded
    out = tmp_path / "out"
    out.mkdir()
    dialog = make(qtbot, ctx, tmp_path, person_id=person_id)
    dialog.path_edit.setText(str(out / "x.pdf"))
    # Hold the (single) vault worker so the export is still queued when Cancel is pressed.
    gate = threading.Event()
    Op(None, lambda: gate.wait(30)).run()
    try:
        dialog.export_button.click()
        dialog.cancel_button.click()
        visible = dialog.isVisible()
    finally:
        gate.set()  # never leave the shared worker blocked, whatever failed
    assert visible  # Cancel stops the export first; it does not close the dialog
    qtbot.waitUntil(lambda: "cancelled" in dialog.status.text(), timeout=20000)
    assert "No file was written" in dialog.status.text()
    assert list(out.iterdir()) == []
    assert dialog.export_button.isEnabled()


def test_main_window_opens_the_dialog_on_request(qtbot: Any, main_window: Any, seeded: Any) -> None:
    from taiwa.ui.export_dialog import ExportDialog

    ctx, person_id, meeting_id = seeded
    ctx.events.export_requested.emit(meeting_id, person_id)
    qtbot.waitUntil(lambda: bool(main_window.findChildren(ExportDialog)), timeout=5000)
    dialog = main_window.findChildren(ExportDialog)[0]
    assert dialog.meeting_id == meeting_id and dialog.person_id == person_id
    assert dialog.kind() is DocKind.MEETING and dialog.kind_person.isEnabled()
    dialog.reject()


def test_preview_names_characters_the_pdf_cannot_show(
    qtbot: Any, app_ctx: Any, tmp_path: Path
) -> None:
    person = app_ctx.store.people.add("김 지민", role="エンジニア")
    dialog = make(qtbot, app_ctx, tmp_path, person_id=person.id)
    text = wait_preview(qtbot, dialog, "cannot be shown")
    assert "print as 〓 or ?: 김 민 지" in text  # sorted, the characters only
    # Every audience can be chosen; the hand-over leaves mood and signals out.
    dialog.audience.setCurrentIndex(dialog.audience.findData(Audience.HANDOVER.value))
    assert dialog.request().options.target is Audience.HANDOVER
    wait_preview(qtbot, dialog, "Signals: not included")


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_the_pdf_speaks_the_windows_language_by_default(
    qtbot: Any, seeded: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, lang: str
) -> None:
    # Started with `taiwa --lang ja` on an English desktop (or the other way round), nothing
    # saved in the settings: the PDF's language follows the window, not the OS.
    from taiwa.ui import i18n as ui_i18n

    ctx, person_id, _ = seeded
    other = "en_US.UTF-8" if lang == "ja" else "ja_JP.UTF-8"
    for var in ("TAIWA_LANG", "LC_ALL", "LC_MESSAGES"):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setenv("LANG", other)
    ctx.prefs.language = None
    ui_i18n.install(lang)
    dialog = make(qtbot, ctx, tmp_path, person_id=person_id)
    assert dialog.language.currentData() == lang
