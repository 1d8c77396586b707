"""The export service on a real (encrypted) vault: gather, build, write — or nothing."""

from __future__ import annotations

import io
import os
import stat
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from pypdf import PdfReader

from taiwa.domain.errors import BadPeriodError, MeetingNotFoundError
from taiwa.domain.models import ActionDraft, MeetingStatus, Owner, Theme, TopicDraft
from taiwa.errors import InputError
from taiwa.export import documents, service
from taiwa.export.model import Audience, DocKind, ExportOptions
from taiwa.store import Store
from taiwa.vault.database import Database
from tests.unit.export.pdfcheck import flat

SECRET = "PRIVATE-SENTINEL-4242"
TODAY = date(2026, 11, 21)


@pytest.fixture
def store(db: Database) -> Store:
    s = Store(db)
    person = s.people.add(
        "山田 太郎",
        emails=["taro@example.com"],
        role="エンジニア",
        team="検索チーム",
        career_goals="検索基盤のテックリードになる",
    )
    s.meetings.create(
        person.id,
        datetime(2026, 9, 1, 1, 0, tzinfo=UTC),
        status=MeetingStatus.HELD,
        purpose="近況共有",
        mood=3,
        shared_notes="SEPT-NOTE 検索の改善について話した",
        private_notes=SECRET,
        topics=[TopicDraft(Theme.CAREER, "テックリードへの道のり")],
        actions=[ActionDraft(Owner.REPORT, "SEPT-ACTION 設計メモを書く", date(2026, 9, 15))],
        zone="Asia/Tokyo",
    )
    s.people.update(person.id, role="シニアエンジニア")
    s.meetings.create(
        person.id,
        datetime(2026, 10, 1, 1, 0, tzinfo=UTC),
        status=MeetingStatus.HELD,
        shared_notes="OCT-NOTE フォローアップ",
        actions=[ActionDraft(Owner.MANAGER, "OCT-ACTION 研修を探す")],
        zone="Asia/Tokyo",
    )
    s.meetings.create(
        person.id,
        datetime(2026, 12, 1, 1, 0, tzinfo=UTC),
        zone="Asia/Tokyo",
    )
    return s


def request(store: Store, **kw: object) -> service.ExportRequest:
    person = store.people.resolve("山田")
    options = ExportOptions(lang="ja", today=TODAY, **kw)  # type: ignore[arg-type]
    return service.ExportRequest(DocKind.PERSON, person.id, options)


def test_person_export_from_the_vault(store: Store, tmp_path: Path) -> None:
    target = tmp_path / "summary.pdf"
    result = service.export(store, request(store), target)
    assert result.path == target and not result.encrypted
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    content = flat(target.read_bytes())
    assert "SEPT-NOTE" in content and "OCT-NOTE" in content
    assert "SEPT-ACTION設計メモを書く" in content and "OCT-ACTION研修を探す" in content
    assert "検索基盤のテックリードになる" in content
    assert "エンジニア" in content and "シニアエンジニア" in content  # role history
    assert SECRET not in content
    # The open September action is carried into October but listed once in the actions
    # table (and once among the open actions of the career sheet on page 1).
    assert content.count("SEPT-ACTION") == 2


def test_meeting_export_shows_carried_actions_apart(store: Store, tmp_path: Path) -> None:
    october = store.meetings.list_between(
        datetime(2026, 9, 20, tzinfo=UTC), datetime(2026, 10, 20, tzinfo=UTC)
    )[0]
    options = ExportOptions(lang="en", today=TODAY, include_private=True)
    req = service.ExportRequest(DocKind.MEETING, october.id, options)
    content = flat(service.build(store, req))
    assert "OCT-ACTION" in content
    assert "Openactionsfromearliermeetings" in content and "SEPT-ACTION" in content
    assert "Nextmeeting" in content and "Tue1Dec2026,10:00" in content


def test_private_notes_only_on_request(store: Store) -> None:
    assert SECRET not in flat(service.build(store, request(store)))
    assert SECRET in flat(service.build(store, request(store, include_private=True)))
    assert SECRET not in flat(
        service.build(store, request(store, include_private=True, shared_only=True))
    )


def test_range_limits_the_meetings(store: Store) -> None:
    req = request(store)
    req = service.ExportRequest(
        req.kind, req.target_id, req.options, date(2026, 9, 15), date(2026, 10, 31)
    )
    content = flat(service.build(store, req))
    assert "OCT-NOTE" in content and "SEPT-NOTE" not in content
    assert "2026年9月15日から2026年10月31日まで" in content


def test_bad_period_is_refused(store: Store) -> None:
    with pytest.raises(BadPeriodError):
        service.ExportRequest(
            DocKind.PERSON, 1, ExportOptions(), date(2026, 2, 1), date(2026, 1, 1)
        )


def test_password_protected_export(store: Store, tmp_path: Path) -> None:
    target = tmp_path / "locked.pdf"
    result = service.export(store, request(store, password="open sesame"), target)
    assert result.encrypted
    data = target.read_bytes()
    assert b"SEPT-NOTE" not in data
    reader = PdfReader(io.BytesIO(data))
    assert reader.is_encrypted and reader.trailer["/Encrypt"]["/R"] == 6
    assert "SEPT-NOTE" in flat(data, password="open sesame")


def test_failing_build_leaves_no_file(
    store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*args: object, **kwargs: object) -> object:
        raise RuntimeError("layout failed")

    monkeypatch.setattr(documents, "_topics_section", broken)
    out = tmp_path / "out"
    out.mkdir()
    with pytest.raises(RuntimeError):
        service.export(store, request(store), out / "summary.pdf")
    assert list(out.iterdir()) == []


def test_unknown_meeting_and_empty_password_write_nothing(store: Store, tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    target = out / "x.pdf"
    with pytest.raises(MeetingNotFoundError):
        service.export(store, service.ExportRequest(DocKind.MEETING, 999, ExportOptions()), target)
    with pytest.raises(InputError):
        service.export(store, request(store, password=""), target)
    assert list(out.iterdir()) == []


def test_no_plaintext_temp_files_anywhere(
    store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    spool = tmp_path / "tmp"
    spool.mkdir()
    monkeypatch.setenv("TMPDIR", str(spool))
    import tempfile

    monkeypatch.setattr(tempfile, "tempdir", str(spool))
    out = tmp_path / "out"
    out.mkdir()
    service.export(store, request(store, include_private=True), out / "s.pdf")
    assert list(spool.iterdir()) == []
    assert [p.name for p in out.iterdir()] == ["s.pdf"]
    assert os.listdir(tmp_path / "out") == ["s.pdf"]


def test_preview_counts_what_is_included(store: Store) -> None:
    preview = service.preview(store, request(store))
    assert preview.person_name == "山田 太郎"
    assert preview.meetings == 2  # the December meeting is after "today"
    assert preview.actions == 2 and preview.topics == 2  # the career topic carried over once
    assert preview.private_notes == 1 and not preview.private_included
    # The default is the copy shared with the person: no mood, no signals.
    assert not preview.mood_included and preview.moods == 1 and not preview.signals_included
    assert preview.audience is Audience.SHARED
    manager = service.preview(store, request(store, audience=Audience.MANAGER))
    assert manager.mood_included and manager.signals_included and not manager.private_included
    hr = service.preview(store, request(store, audience=Audience.HR, include_private=True))
    assert not hr.private_included and not hr.mood_included and hr.signals_included
    handover = service.preview(store, request(store, audience=Audience.HANDOVER))
    assert not (handover.private_included or handover.mood_included or handover.signals_included)
    shared = service.preview(store, request(store, shared_only=True, include_private=True))
    assert not shared.private_included and not shared.mood_included


def test_signals_are_worded_with_the_document_date_style() -> None:
    from types import SimpleNamespace

    from taiwa.domain.models import SignalKind
    from taiwa.domain.signals import Signal

    seen: list[datetime] = []
    overdue = Signal(
        SignalKind.MANAGER_ACTIONS_OVERDUE, 7, "x", {"count": 2, "oldest": date(2024, 6, 17)}
    )

    def signals(now: datetime) -> list[Signal]:
        seen.append(now)
        return [overdue]

    stub = SimpleNamespace(reports=SimpleNamespace(signals=signals))
    at = datetime(2024, 6, 30, 23, 59, tzinfo=UTC)
    for lang, expected in (("ja", "2024年6月17日"), ("en", "17 Jun 2024")):
        options = ExportOptions(lang=lang, audience=Audience.MANAGER)  # type: ignore[arg-type]
        (text,) = service._signals(stub, 7, at, options)  # type: ignore[arg-type]
        assert expected in text and "2024-06-17" not in text
    assert seen == [at, at]  # as of the moment asked for (the period's end), not today
    options = ExportOptions(audience=Audience.HANDOVER)
    assert service._signals(stub, 7, at, options) == ()  # type: ignore[arg-type]
