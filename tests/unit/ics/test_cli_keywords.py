"""Editable keywords (stored in the vault) and progress reporting of the import."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from taiwa.cli import main
from taiwa.ics import service
from taiwa.store import Store
from taiwa.vault.database import Database
from tests.unit.ics.conftest import plan


def test_keywords_are_stored_in_the_vault_and_used(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from taiwa.vault.service import create_vault, open_vault

    folder = tmp_path / "vault"
    create_vault(folder).database.close()
    assert main(["--vault", str(folder), "calendar-keywords", "--json"]) == 0
    assert "面談" in json.loads(capsys.readouterr().out)["keywords"]
    assert (
        main(
            [
                "--vault",
                str(folder),
                "calendar-keywords",
                "--set",
                "キャリア相談",
                "--exclude",
                "全体会議",
            ]
        )
        == 0
    )
    capsys.readouterr()
    assert main(["--vault", str(folder), "calendar-keywords", "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == {
        "keywords": ["キャリア相談"],
        "exclude": ["全体会議"],
    }
    assert main(["--vault", str(folder), "calendar-keywords", "--set", " "]) == 2
    assert "at least one keyword" in capsys.readouterr().err
    db = open_vault(folder)
    try:
        assert Store(db).settings.get("calendar.keywords") == ["キャリア相談"]
        ics = tmp_path / "c.ics"
        ics.write_text(
            "BEGIN:VCALENDAR\nBEGIN:VEVENT\nUID:a\nDTSTART:20260112T010000Z\n"
            "ATTENDEE:mailto:x@example.com\nORGANIZER:mailto:me@example.com\n"
            "SUMMARY:キャリア相談\nEND:VEVENT\nBEGIN:VEVENT\nUID:b\nDTSTART:20260113T010000Z\n"
            "ATTENDEE:mailto:x@example.com\nORGANIZER:mailto:me@example.com\n"
            "SUMMARY:1on1\nEND:VEVENT\nEND:VCALENDAR\n"
        )
        result = plan(db, ics, owner="me@example.com")
        assert [i.occurrence.uid for i in result.items] == ["a"]
    finally:
        db.close()
    assert main(["--vault", str(folder), "calendar-keywords", "--reset"]) == 0
    assert "1on1" in capsys.readouterr().out


def test_progress_is_reported_and_can_stop_the_plan(store: Store, data: Path) -> None:
    seen: list[tuple[int, int]] = []
    plan(store.db, data / "google_export.ics", progress=lambda d, t: seen.append((d, t)))
    assert seen[-1] == (100, 100) and seen == sorted(seen)

    class StopError(Exception):
        pass

    def stop(done: int, total: int) -> None:
        if done > 30:
            raise StopError

    with pytest.raises(StopError):
        plan(store.db, data / "google_export.ics", progress=stop)


def test_nothing_is_written_by_planning(db: Database, data: Path) -> None:
    Store(db).people.add("Taro Yamada", emails=["taro.yamada@example.com"])
    before = (
        db.query_one("SELECT count(*) FROM meeting")[0],
        db.query_one("SELECT count(*) FROM setting")[0],
    )
    plan(db, data / "google_export.ics", owner="manager@example.com")
    after = (
        db.query_one("SELECT count(*) FROM meeting")[0],
        db.query_one("SELECT count(*) FROM setting")[0],
    )
    assert before == after
    assert service.matching_settings(db)[0] is None


def test_the_command_speaks_japanese(
    tmp_path: Path, data: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from taiwa import i18n
    from taiwa.vault.service import create_vault

    folder = tmp_path / "vault"
    created = create_vault(folder)
    Store(created.database).people.add("山田 太郎", emails=["taro.yamada@example.com"])
    created.database.close()
    try:
        code = main(
            ["--vault", str(folder), "--lang", "ja", "import-ics", str(data / "google_export.ics"),
             "--dry-run", "--from", "2026-01-01", "--to", "2026-02-28"]
        )  # fmt: skip
        out, err = capsys.readouterr()
        assert code == 0, err
        assert "カレンダーの所有者（推測" in out
        assert "山田 太郎: 6 件 — 追加 5、更新 0、キャンセル 1" in out
        assert "→ 追加" in out and "中止" in out
        assert "ドライラン — 追加" in out
        empty = tmp_path / "空.ics"
        empty.write_bytes(b"")
        assert main(["--vault", str(folder), "--lang", "ja", "import-ics", str(empty)]) == 2
        assert capsys.readouterr().err == "taiwa: 空.ics: ファイルが空です。\n"
    finally:
        i18n.set_language(None)
