"""'Who is this?' for a series whose unknown attendee has an e-mail: link them to someone
(who gets the e-mail), create a person, or ignore the series; remembered per series UID."""

from __future__ import annotations

from pathlib import Path

import pytest

from taiwa.errors import InputError
from taiwa.ics import service
from taiwa.ics.service import Who
from taiwa.store import Store
from taiwa.store import calendar as repo
from tests.unit.ics.conftest import plan

UID = "mika-1on1@example.com"
OWNER = "me@example.com"
CALENDAR = """BEGIN:VCALENDAR
VERSION:2.0
PRODID:-//Test//EN
BEGIN:VEVENT
UID:mika-1on1@example.com
DTSTAMP:20260101T000000Z
DTSTART:20260105T010000Z
DTEND:20260105T013000Z
RRULE:FREQ=WEEKLY;COUNT=3
SUMMARY:1on1 Mika
ORGANIZER:mailto:me@example.com
ATTENDEE;CN=Mika Ito:mailto:mika@example.com
END:VEVENT
END:VCALENDAR
"""


def calendar_file(tmp_path: Path) -> Path:
    path = tmp_path / "mika.ics"
    path.write_text(CALENDAR.replace("\n", "\r\n"), encoding="utf-8")
    return path


def _hanako(store: Store) -> int:
    return next(p.id for p in store.people.list() if p.name == "Hanako Suzuki")


def test_an_unknown_attendee_is_asked_about_per_series(store: Store, tmp_path: Path) -> None:
    result = plan(store.db, calendar_file(tmp_path), owner=OWNER)
    assert result.strangers == {UID: ("mika@example.com", "1on1 Mika")}
    assert result.counts()["skipped"] == 3
    assert result.counts(who={UID: Who.link(_hanako(store))})["added"] == 3
    # The answer beats the tick; ignoring skips even a ticked proposal.
    assert result.counts(["mika@example.com"], {UID: Who.ignore()})["added"] == 0
    assert result.to_json(who={UID: Who.link(_hanako(store))})["occurrences"][0]["person"] == (
        "Hanako Suzuki"
    )
    assert repo.series_choices(store.db) == {}


def test_link_adds_the_email_and_is_remembered(store: Store, tmp_path: Path) -> None:
    path = calendar_file(tmp_path)
    hanako = _hanako(store)
    # Ticked as well (--add-people): the series' own answer wins, nobody else is created.
    done = service.apply_import(
        store.db,
        plan(store.db, path, owner=OWNER),
        add_people=["mika@example.com"],
        who={UID: Who.link(hanako)},
    )
    assert (done.added, done.people_added) == (3, 0)
    assert store.people.get(hanako).emails == ("hanako@example.com", "mika@example.com")
    assert repo.series_choices(store.db) == {UID: ("link", hanako)}
    again = plan(store.db, path, owner=OWNER)
    assert again.strangers == {} and {i.person_id for i in again.items} == {hanako}


def test_a_link_whose_email_someone_else_has_is_refused_whole(store: Store, tmp_path: Path) -> None:
    result = plan(store.db, calendar_file(tmp_path), owner=OWNER)
    taro = next(p for p in store.people.list() if p.name == "Taro Yamada")
    # Between the preview and the import, the e-mail went to Taro.
    store.people.update(taro.id, emails=[*taro.emails, "mika@example.com"])
    with pytest.raises(InputError) as caught:
        service.apply_import(store.db, result, who={UID: Who.link(_hanako(store))})
    assert "mika@example.com" in str(caught.value.localized())
    assert repo.series_choices(store.db) == {}
    assert store.db.query("SELECT count(*) FROM meeting")[0][0] == 0


def test_new_person_gets_the_email(store: Store, tmp_path: Path) -> None:
    done = service.apply_import(
        store.db,
        plan(store.db, calendar_file(tmp_path), owner=OWNER),
        who={UID: Who.new("Mika I.")},
    )
    assert (done.added, done.people_added) == (3, 1)
    mika = next(p for p in store.people.list() if p.name == "Mika I.")
    assert mika.emails == ("mika@example.com",)


def test_an_ignored_series_is_left_out_next_time(store: Store, tmp_path: Path) -> None:
    path = calendar_file(tmp_path)
    service.apply_import(store.db, plan(store.db, path, owner=OWNER), who={UID: Who.ignore()})
    assert repo.series_choices(store.db) == {UID: ("ignore", None)}
    again = plan(store.db, path, owner=OWNER)
    assert (again.items, again.ignored, again.proposals) == ([], 1, {})
    assert len(store.people.list()) == 2


def test_cli_links_an_unknown_attendee(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from taiwa.cli import main
    from taiwa.vault.service import create_vault

    folder = tmp_path / "vault"
    create_vault(folder).database.close()
    vault = ["--vault", str(folder)]
    assert main([*vault, "person", "add", "Hanako Suzuki", "--email", "hanako@example.com"]) == 0
    capsys.readouterr()
    ics = str(calendar_file(tmp_path))
    args = [*vault, "import-ics", ics, "--from", "2026-01-01", "--to", "2026-02-28"]
    args += ["--owner", OWNER]
    assert main([*args, "--dry-run"]) == 0
    out = capsys.readouterr().out
    assert f"--link {UID}=PERSON_ID (adds mika@example.com to that person)" in out
    assert main([*args, "--link", f"{UID}=1", "--add-people"]) == 0
    out = capsys.readouterr().out
    assert f"Series {UID}: linked to Hanako Suzuki" in out and "added 3" in out
    assert main([*vault, "person", "list", "--json"]) == 0
    assert "mika@example.com" in capsys.readouterr().out
    # Known by the e-mail now: the next import asks nothing.
    assert main([*args, "--dry-run"]) == 0
    assert "--link" not in capsys.readouterr().out
