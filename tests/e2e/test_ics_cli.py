"""`taiwa import-ics` and `taiwa upcoming` as a user runs them, on a real vault in a subprocess."""

from __future__ import annotations

import json
import shutil
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from tests.support.vaults import CliVault, snapshot

DATA = Path(__file__).resolve().parents[1] / "data" / "ics"


def ok(vault: CliVault, *args: str) -> str:
    result = vault.run(*args)
    assert result.returncode == 0, result.stderr
    return result.stdout


@pytest.mark.slow
def test_import_reimport_and_json(cli_vault: CliVault, tmp_path: Path) -> None:
    ok(cli_vault, "person", "add", "Taro Yamada", "--email", "taro.yamada@example.com")
    ok(cli_vault, "person", "add", "鈴木 花子", "--email", "hanako@example.com")
    files = []
    for name in ("google_export.ics", "outlook_sjis.ics"):
        shutil.copy(DATA / name, tmp_path / name)
        files.append(str(tmp_path / name))
    period = ("--from", "2026-01-01", "--to", "2026-02-28")
    preview = json.loads(ok(cli_vault, "import-ics", *files, *period, "--dry-run", "--json"))
    assert set(preview) == {
        "occurrences",
        "added",
        "updated",
        "cancelled",
        "skipped",
        "outside_period",
        "not_1on1",
        "ignored_series",
        "unknown_series",
        "unknown_attendee_series",
        "errors",
    }
    first = preview["occurrences"][0]
    assert set(first) == {
        "uid",
        "recurrence_id",
        "start",
        "end",
        "summary",
        "person",
        "email",
        "status",
        "unknown",
    }
    assert first["start"] == "2026-01-05T10:00:00+09:00" and first["person"] == "Taro Yamada"
    assert [o["summary"] for o in preview["occurrences"]].count("面談(鈴木さん)") == 4
    assert (preview["added"], preview["cancelled"], preview["errors"]) == (10, 3, [])

    done = json.loads(
        ok(cli_vault, "import-ics", *files, *period, "--owner", "manager@example.com", "--json")
    )
    assert (done["added"], done["updated"], done["cancelled"]) == (10, 0, 3)
    listing = json.loads(ok(cli_vault, "meeting", "list", "鈴木 花子", "--json"))
    assert {m["source"] for m in listing} == {"calendar"}

    again = json.loads(ok(cli_vault, "import-ics", *files, *period, "--json"))
    assert (again["added"], again["updated"], again["cancelled"]) == (0, 0, 0)
    text = ok(cli_vault, "import-ics", *files, *period, "--dry-run")
    assert "Calendar owner: manager@example.com" in text  # remembered, not guessed
    assert "Taro Yamada: 8 occurrence(s)" in text
    assert json.loads(ok(cli_vault, "meeting", "list", "鈴木 花子", "--json")) == listing


@pytest.mark.slow
def test_upcoming_shows_imported_occurrences(cli_vault: CliVault, tmp_path: Path) -> None:
    ok(cli_vault, "person", "add", "Taro Yamada", "--email", "taro.yamada@example.com")
    start = (datetime.now(UTC) + timedelta(days=2)).replace(
        hour=1, minute=0, second=0, microsecond=0
    )
    stamp = start.strftime("%Y%m%dT%H%M%SZ")
    path = tmp_path / "soon.ics"
    path.write_text(
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:soon@example.com\r\n"
        f"DTSTART:{stamp}\r\nDURATION:PT30M\r\nRRULE:FREQ=WEEKLY;COUNT=3\r\n"
        "ORGANIZER:mailto:manager@example.com\r\nATTENDEE:mailto:taro.yamada@example.com\r\n"
        "SUMMARY:1on1\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
    )
    ok(cli_vault, "import-ics", str(path))
    upcoming = json.loads(ok(cli_vault, "upcoming", "--days", "10", "--json"))
    calendar = [u for u in upcoming["upcoming"] if u["source"] == "calendar"]
    assert len(calendar) == 2 and calendar[0]["person"] == "Taro Yamada"
    assert datetime.fromisoformat(calendar[0]["start"]) == start
    assert "Taro Yamada" in ok(cli_vault, "upcoming")


@pytest.mark.slow
def test_a_bad_file_leaves_the_vault_as_it_was(cli_vault: CliVault, tmp_path: Path) -> None:
    path = tmp_path / "page.ics"
    path.write_text("<html><body>SECRET-PAGE-面談</body></html>")
    before = snapshot(cli_vault.dir)
    result = cli_vault.run("import-ics", str(path))
    assert result.returncode == 2
    assert result.stderr.strip() == (
        "taiwa: page.ics: this is a web page saved as .ics, not a calendar. Download the"
        " calendar's .ics export instead."
    )
    assert "SECRET" not in result.stdout + result.stderr
    assert snapshot(cli_vault.dir) == before
