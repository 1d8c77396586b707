"""The CLI's side of part B: "who is this?" options, why a preview is short, and the past
calendar 1on1s waiting for confirmation in ``upcoming`` and ``stats``."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from taiwa.cli import main
from tests.unit.ics.test_who_and_reasons import OWN_CALENDAR

UID = "weekly-1on1@example.com"


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    from taiwa.vault.service import create_vault

    folder = tmp_path / "vault"
    create_vault(folder).database.close()
    return folder


def _ics(tmp_path: Path) -> Path:
    path = tmp_path / "own.ics"
    path.write_text(OWN_CALENDAR.replace("\n", "\r\n"), encoding="utf-8")
    return path


def test_import_asks_who_and_says_why_it_is_short(
    folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    ics = str(_ics(tmp_path))
    period = ["--from", "2026-01-01", "--to", "2026-02-28"]
    assert main(["--vault", str(folder), "import-ics", ics, *period, "--dry-run"]) == 0
    out = capsys.readouterr().out
    assert f"Who is this? Series {UID}: Weekly 1:1s (4 occurrence(s)" in out
    assert "1 event(s) outside the period, 2 not 1on1s, 0 unreadable" in out
    # The dentist's title is none of the preview's business.
    assert "Dentist" not in out and "採用面談" not in out
    args = ["--vault", str(folder), "import-ics", ics, *period, "--new-person", f"{UID}=Mika"]
    assert main(args) == 0
    assert "added 4" in capsys.readouterr().out
    assert main(["--vault", str(folder), "upcoming", "--json"]) == 0
    document = json.loads(capsys.readouterr().out)
    assert [w["person"] for w in document["to_confirm"]] == ["Mika"] * 4
    assert {w["series"] for w in document["to_confirm"]} == {UID}
    assert main(["--vault", str(folder), "upcoming"]) == 0
    assert "4 past calendar 1on1(s) to confirm" in capsys.readouterr().out
    assert main(["--vault", str(folder), "stats", "--from", "2026-01-01", "--json"]) == 0
    overall = json.loads(capsys.readouterr().out)["overall"]
    assert (overall["held"], overall["to_confirm"]) == (0, 4)
    # Remembered: the next import asks nothing.
    assert main(["--vault", str(folder), "import-ics", ics, *period, "--dry-run"]) == 0
    assert "Who is this?" not in capsys.readouterr().out


def test_an_answer_for_a_series_not_asked_about_is_refused(
    folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    ics = str(_ics(tmp_path))
    args = ["--vault", str(folder), "import-ics", ics, "--ignore-series", "nope"]
    assert main(args) == 2
    assert "not UID=VALUE" in capsys.readouterr().err


def test_calendar_series_lists_and_forgets_answers(
    folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    ics = str(_ics(tmp_path))
    period = ["--from", "2026-01-01", "--to", "2026-02-28"]
    args = ["--vault", str(folder), "import-ics", ics, *period, "--ignore-series", UID]
    assert main(args) == 0
    capsys.readouterr()
    assert main(["--vault", str(folder), "calendar-series", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["series"] == [
        {"uid": UID, "answer": "ignore", "person_id": None, "person": None}
    ]
    assert main(["--vault", str(folder), "import-ics", ics, *period, "--dry-run"]) == 0
    assert "1 ignored series" in capsys.readouterr().out
    assert main(["--vault", str(folder), "calendar-series", "--forget", UID]) == 0
    assert "Forgot 1 answer(s)." in capsys.readouterr().out
    assert main(["--vault", str(folder), "calendar-series", "--forget", UID]) == 2
    assert main(["--vault", str(folder), "import-ics", ics, *period, "--dry-run"]) == 0
    assert "Who is this?" in capsys.readouterr().out
