"""person edit/archive/unarchive/delete, meeting edit/delete/move, action list/edit/delete and
retention, as a script runs them (the CLI in this process on a throwaway vault; one subprocess
run for the real entry point)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

import keyring
from tests.support.cli_inproc import InProcessVault
from tests.support.memkeyring import MemoryKeyring
from tests.support.vaults import CliVault, files_containing


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[tuple[str, str], str]]:
    """One vault with two people, made once: creating a vault derives the recovery key
    (seconds); each test gets a copy of the folder and of the keyring entry."""
    previous = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    try:
        v = InProcessVault.create(tmp_path_factory.mktemp("template") / "vault")
        v.ok("person", "add", "山田 葵", "--email", "aoi@example.com", "--role", "Dev")
        v.ok("person", "add", "Ken Ito", "--email", "ken@example.com")
    finally:
        keyring.set_keyring(previous)
    return v.dir, dict(backend.secrets)


@pytest.fixture
def vault(
    tmp_path: Path,
    template: tuple[Path, dict[tuple[str, str], str]],
    memory_keyring: MemoryKeyring,
) -> InProcessVault:
    folder, secrets = template
    shutil.copytree(folder, tmp_path / "vault")
    memory_keyring.secrets.update(secrets)
    return InProcessVault(tmp_path / "vault")


def _meeting(vault: InProcessVault, person: str, *extra: str) -> str:
    return vault.ok("meeting", "add", person, "--at", "2026-10-05T10:00:00+09:00", *extra).strip()


# -- people -----------------------------------------------------------------------------------


def test_person_edit_changes_only_the_given_fields(vault: InProcessVault) -> None:
    out = vault.ok(
        "person", "edit", "aoi@example.com", "--name", "山田 葵（新）", "--team", "基盤",
        "--cadence-days", "7", "--started", "2025-04-01", "--career-goals", "テックリード",
        "--email", "aoi2@example.com", "--json",
    )  # fmt: skip
    person = json.loads(out)
    assert person["name"] == "山田 葵（新）"
    assert (person["role"], person["team"], person["cadence_days"]) == ("Dev", "基盤", 7)
    assert (person["started_on"], person["career_goals"]) == ("2025-04-01", "テックリード")
    assert person["emails"] == ["aoi2@example.com"]
    again = json.loads(vault.ok("person", "edit", str(person["id"]), "--started", "none", "--json"))
    assert again["started_on"] is None and again["team"] == "基盤"
    assert "Saved" in vault.ok("person", "edit", "Ken", "--no-email")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["nobody", "--name", "x"], "No person matches"),
        (["Ken", "--started", "2026-02-30"], "2026-02-30"),
        (["Ken", "--started", ""], "date"),
        (["Ken", "--cadence-days", "0"], "1"),
        (["Ken", "--email", "not-an-address"], "not-an-address"),
        (["Ken", "--email", "aoi@example.com"], "already belongs"),
        (["Ken"], "Nothing to change"),
        (["Ken", "--name", "A\udc80"], "The argument --name is not valid UTF-8"),
    ],
)
def test_a_bad_person_edit_is_refused_and_changes_nothing(
    vault: InProcessVault, args: list[str], message: str
) -> None:
    before = vault.dump()
    result = vault.run("person", "edit", *args)
    assert result.code == 2, result.err
    assert message in result.err
    assert vault.dump() == before


def test_archive_hides_from_lists_and_search_finds_on_demand(vault: InProcessVault) -> None:
    _meeting(vault, "Ken", "--shared", "アーカイブ後も残るメモ")
    assert "Archived Ken Ito" in vault.ok("person", "archive", "Ken")
    listed = json.loads(vault.ok("person", "list", "--json"))
    assert [p["name"] for p in listed] == ["山田 葵"]
    archived = json.loads(vault.ok("person", "list", "--archived", "--json"))
    assert [p["name"] for p in archived] == ["Ken Ito"]
    assert archived[0]["archived"] and archived[0]["archived_at"].endswith("Z")
    assert {p["name"] for p in json.loads(vault.ok("person", "list", "--all", "--json"))} == {
        "山田 葵",
        "Ken Ito",
    }
    # Kept for history, searched on demand: not in a plain search, found with --archived.
    assert json.loads(vault.ok("search", "残るメモ", "--json")) == []
    hits = json.loads(vault.ok("search", "残るメモ", "--archived", "--json"))
    assert [h["person_name"] for h in hits] == ["Ken Ito"]
    assert "active again" in vault.ok("person", "unarchive", "Ken")
    assert vault.ok("person", "list", "--archived") == "Nobody is archived.\n"
    assert vault.run("person", "archive", "nobody").code == 2


def test_person_delete_needs_yes_and_names_the_backups(vault: InProcessVault) -> None:
    _meeting(vault, "Ken", "--private", "消える非公開メモ", "--action", "manager:消える項目")
    backups = vault.dir / "backups"
    backups.mkdir(mode=0o700)
    (backups / "taiwa-v3-20260101T000000Z.db").write_bytes(b"old copy")
    before = vault.dump()
    refused = vault.run("person", "delete", "Ken")
    assert refused.code == 2
    assert "add --yes" in refused.err
    assert "1 meetings, 1 action items" in refused.out
    assert "Earlier backups still hold it" in refused.out
    assert str(backups / "taiwa-v3-20260101T000000Z.db") in refused.out
    assert vault.dump() == before
    done = vault.ok("person", "delete", "Ken", "--yes")
    assert "Deleted Ken Ito (id 2) for good." in done
    assert [p["name"] for p in json.loads(vault.ok("person", "list", "--all", "--json"))] == [
        "山田 葵"
    ]
    assert json.loads(vault.ok("search", "消える", "--private", "--json")) == []
    assert vault.run("person", "delete", "Ken", "--yes").code == 2


# -- meetings ---------------------------------------------------------------------------------


def test_meeting_edit_move_and_delete(vault: InProcessVault) -> None:
    mid = _meeting(vault, "山田", "--shared", "最初のメモ", "--mood", "3")
    edited = json.loads(
        vault.ok(
            "meeting", "edit", mid, "--at", "2026-10-06T09:00:00+09:00", "--status", "held",
            "--mood", "5", "--shared", "書き直したメモ", "--private", "非公開",
            "--topic", "career:キャリア", "--action", "report:資料を送る@2026-10-20", "--json",
        )
    )  # fmt: skip
    assert edited["starts_at"] == "2026-10-06T00:00:00Z"
    assert (edited["status"], edited["mood"], edited["shared_notes"]) == (
        "held",
        5,
        "書き直したメモ",
    )
    assert [t["text"] for t in edited["topics"]] == ["キャリア"]
    assert [(a["text"], a["due_on"]) for a in edited["actions"]] == [("資料を送る", "2026-10-20")]
    shown = json.loads(vault.ok("meeting", "show", mid, "--private", "--json"))
    assert shown["private_notes"] == "非公開"
    moved = json.loads(vault.ok("meeting", "move", mid, "Ken", "--json"))
    assert moved["person"]["name"] == "Ken Ito"
    items = json.loads(vault.ok("action", "list", "--person", "Ken", "--json"))
    assert [a["text"] for a in items] == ["資料を送る"]
    assert vault.run("meeting", "move", mid, "Ken").code == 2  # already theirs
    refused = vault.run("meeting", "delete", mid)
    assert refused.code == 2 and "add --yes" in refused.err
    assert "Deleted meeting" in vault.ok("meeting", "delete", mid, "--yes")
    assert vault.run("meeting", "show", mid).code == 2
    # Its action item stays with the person.
    assert [a["text"] for a in json.loads(vault.ok("action", "list", "--json"))] == ["資料を送る"]


@pytest.mark.parametrize(
    "args",
    [
        ["meeting", "edit", "999", "--mood", "3"],
        ["meeting", "edit", "abc", "--mood", "3"],
        ["meeting", "edit", "{mid}", "--at", "yesterday"],
        ["meeting", "edit", "{mid}", "--mood", "9"],
        ["meeting", "edit", "{mid}", "--status", "done"],
        ["meeting", "edit", "{mid}", "--topic", "nonsense:x"],
        ["meeting", "edit", "{mid}"],
        ["meeting", "delete", "999", "--yes"],
        ["meeting", "move", "999", "Ken"],
        ["meeting", "move", "{mid}", "nobody"],
        ["action", "edit", "999", "--text", "x"],
        ["action", "edit", "{aid}", "--due", "2026-13-01"],
        ["action", "edit", "{aid}", "--owner", "boss"],
        ["action", "edit", "{aid}"],
        ["action", "delete", "999", "--yes"],
        ["action", "delete", "{aid}"],
        ["action", "list", "--person", "nobody"],
        ["retention", "--erase-archived-after", "0"],
        ["retention", "--erase-archived-after", "ten"],
    ],
)
def test_bad_input_is_refused_with_nothing_changed(vault: InProcessVault, args: list[str]) -> None:
    mid = _meeting(vault, "Ken", "--action", "manager:item")
    aid = str(json.loads(vault.ok("action", "list", "--json"))[0]["id"])
    before = vault.dump()
    result = vault.run(*(a.format(mid=mid, aid=aid) for a in args))
    assert result.code == 2, (result.out, result.err)
    assert result.err.startswith("taiwa: ")
    assert "Internal error" not in result.err
    assert vault.dump() == before


# -- action items -----------------------------------------------------------------------------


def test_action_list_edit_and_delete(vault: InProcessVault) -> None:
    _meeting(vault, "Ken", "--action", "manager:late@2020-01-01", "--action", "report:undated")
    _meeting(vault, "山田", "--action", "manager:far@2199-01-01")
    everyone = json.loads(vault.ok("action", "list", "--json"))
    assert [a["text"] for a in everyone] == ["late", "far", "undated"]
    assert everyone[0]["person"]["name"] == "Ken Ito"
    overdue = json.loads(vault.ok("action", "list", "--overdue", "--json"))
    assert [a["text"] for a in overdue] == ["late"]
    text = vault.ok("action", "list", "--person", "山田")
    assert "far" in text and "late" not in text
    late = str(overdue[0]["id"])
    edited = json.loads(
        vault.ok(
            "action", "edit", late, "--text", "new", "--owner", "report", "--due", "none", "--json"
        )
    )
    assert (edited["text"], edited["owner"], edited["due_on"]) == ("new", "report", None)
    assert vault.ok("action", "list", "--overdue") == "No open action items.\n"
    assert "for good" in vault.ok("action", "delete", late, "--yes")
    assert [a["text"] for a in json.loads(vault.ok("action", "list", "--json"))] == [
        "far",
        "undated",
    ]


# -- retention --------------------------------------------------------------------------------


def test_retention_is_set_shown_and_applied_on_the_next_unlock(vault: InProcessVault) -> None:
    assert "off" in vault.ok("retention")
    vault.ok("person", "archive", "Ken")
    vault.sql("UPDATE person SET archived_at = '2001-01-01T00:00:00Z' WHERE archived = 1")
    shown = vault.ok("retention", "--erase-archived-after", "5")
    assert "5 years" in shown
    assert json.loads(vault.ok("retention", "--json")) == {
        "erase_archived_after_years": 5,
        "due": 0,  # this command's own unlock applied the rule
    }
    assert [p["name"] for p in json.loads(vault.ok("person", "list", "--all", "--json"))] == [
        "山田 葵"
    ]
    vault.ok("person", "add", "Mio")
    vault.ok("person", "archive", "Mio")
    vault.sql("UPDATE person SET archived_at = '2001-01-01T00:00:00Z' WHERE archived = 1")
    result = vault.run("person", "list")
    assert result.code == 0
    assert "retention rule erased 1 archived" in result.err
    assert (
        json.loads(vault.ok("retention", "--off", "--json"))["erase_archived_after_years"] is None
    )


# -- the real entry point ---------------------------------------------------------------------


@pytest.mark.slow
def test_delete_for_good_leaves_the_note_in_no_file(cli_vault: CliVault) -> None:
    sentinel = "ERASE-ME-5521-消去"
    assert cli_vault.run("person", "add", "Gone").returncode == 0
    added = cli_vault.run("meeting", "add", "Gone", "--shared", sentinel, "--private", sentinel)
    assert added.returncode == 0, added.stderr
    refused = cli_vault.run("person", "delete", "Gone")
    assert refused.returncode == 2 and "--yes" in refused.stderr
    done = cli_vault.run("person", "delete", "Gone", "--yes")
    assert done.returncode == 0, done.stderr
    assert files_containing(cli_vault.dir, sentinel) == []
