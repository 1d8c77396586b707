"""The 1on1 log commands as a user runs them, on a real vault in a subprocess."""

from __future__ import annotations

import json

import pytest

from tests.support.vaults import CliVault, snapshot


def ok(vault: CliVault, *args: str) -> str:
    result = vault.run(*args)
    assert result.returncode == 0, result.stderr
    return result.stdout


@pytest.mark.slow
def test_a_meeting_cycle_with_carry_over(cli_vault: CliVault) -> None:
    ok(cli_vault, "person", "add", "山田 葵", "--email", "aoi@example.com", "--cadence", "7")
    first = ok(
        cli_vault, "meeting", "add", "aoi@example.com", "--at", "2026-01-05T10:00:00+09:00",
        "--mood", "4", "--shared", "キャリア形成について話した", "--private", "転職の気配",
        "--topic", "career:キャリアの方向性", "--action", "manager:研修を探す@2026-01-12",
    ).strip()  # fmt: skip
    second = ok(cli_vault, "meeting", "add", "山田", "--at", "2026-01-12T10:00:00+09:00").strip()
    shown = json.loads(ok(cli_vault, "meeting", "show", second, "--json"))
    assert [(t["text"], t["state"]) for t in shown["topics"]] == [("キャリアの方向性", "carried")]
    assert [(a["text"], a["carried"], a["due_on"]) for a in shown["actions"]] == [
        ("研修を探す", True, "2026-01-12")
    ]
    first_json = json.loads(ok(cli_vault, "meeting", "show", first, "--json"))
    assert "private_notes" not in first_json
    assert first_json["starts_at"] == "2026-01-05T01:00:00Z"
    assert first_json["person"]["name"] == "山田 葵"
    private = json.loads(ok(cli_vault, "meeting", "show", first, "--json", "--private"))
    assert private["private_notes"] == "転職の気配"
    assert "転職の気配" not in ok(cli_vault, "meeting", "show", first)

    action_id = str(first_json["actions"][0]["id"])
    assert ok(cli_vault, "action", "done", action_id).strip() == f"Action item {action_id} is done."
    listing = json.loads(ok(cli_vault, "meeting", "list", "山田 葵", "--json"))
    assert [m["id"] for m in listing] == [int(second), int(first)]

    people = json.loads(ok(cli_vault, "person", "list", "--json"))
    assert people[0]["name"] == "山田 葵"
    assert people[0]["emails"] == ["aoi@example.com"]
    assert people[0]["cadence_days"] == 7


@pytest.mark.slow
def test_search_japanese_substring_and_private_only_when_asked(cli_vault: CliVault) -> None:
    ok(cli_vault, "person", "add", "Emily Carter")
    ok(
        cli_vault, "meeting", "add", "Emily", "--at", "2026-01-05",
        "--shared", "今日はキャリア形成について話した", "--private", "キャリアの悩みは秘密",
    )  # fmt: skip
    hits = json.loads(ok(cli_vault, "search", "キャリア", "--json"))
    assert [h["kind"] for h in hits] == ["shared_notes"]
    assert [s["text"] for s in hits[0]["snippet"] if s["highlighted"]] == ["キャリア"]
    assert hits[0]["person_name"] == "Emily Carter"
    both = json.loads(ok(cli_vault, "search", "キャリア", "--json", "--private"))
    assert {h["kind"] for h in both} == {"shared_notes", "private_notes"}
    assert ok(cli_vault, "search", '"foo" AND').strip() == "Nothing found."


@pytest.mark.slow
def test_stats_and_signals(cli_vault: CliVault) -> None:
    ok(cli_vault, "person", "add", "Ren", "--cadence", "7")
    for day in ("2026-01-05", "2026-01-12", "2026-01-19"):
        ok(cli_vault, "meeting", "add", "Ren", "--at", f"{day}T10:00:00Z", "--status", "held")
    ok(cli_vault, "meeting", "add", "Ren", "--at", "2026-01-26T10:00:00Z", "--status", "skipped")
    stats = json.loads(
        ok(cli_vault, "stats", "--from", "2026-01-05", "--to", "2026-02-01", "--json")
    )
    assert stats["overall"]["held"] == 3
    assert stats["overall"]["planned"] == 4
    assert stats["overall"]["rate"] == 0.75
    assert stats["target"] == 0.9
    assert stats["people"][0]["person_name"] == "Ren"
    signals = json.loads(ok(cli_vault, "signals", "--json"))
    assert "overdue" in {s["kind"] for s in signals}
    assert all(s["reason"] for s in signals)


BAD_INPUT = [
    (("meeting", "add", "Nobody"), "No person matches 'Nobody'."),
    (("meeting", "add", "Emily"), "'Emily' matches 2 people. Use their e-mail or id instead."),
    (("meeting", "add", "Emily Carter", "--at", "tomorrow"), "'tomorrow' is not a valid date."),
    (("meeting", "add", "Emily Carter", "--mood", "7"), "Mood must be a whole number from 1 to 5."),
    (("meeting", "add", "Emily Carter", "--topic", "hobby:golf"), "'hobby' is not a theme."),
    (("meeting", "add", "Emily Carter", "--topic", "work: "), "The text must not be empty."),
    (("meeting", "add", "Emily Carter", "--action", "report:x@2026-02-30"), "'2026-02-30' is not a valid date."),
    (("person", "add", "X", "--cadence", "0"), "The cadence must be a whole number of days"),
    (("meeting", "show", "999"), "There is no meeting with id 999."),
    (("stats", "--from", "2026-03-01", "--to", "2026-01-01"), "The period ends before it starts."),
]  # fmt: skip


@pytest.mark.slow
def test_bad_input_gets_one_line_and_changes_nothing(cli_vault: CliVault) -> None:
    ok(cli_vault, "person", "add", "Emily Carter")
    ok(cli_vault, "person", "add", "Emily Stone")
    before = snapshot(cli_vault.dir)
    for args, message in BAD_INPUT:
        result = cli_vault.run(*args)
        assert result.returncode == 2, args
        lines = result.stderr.strip().splitlines()
        assert len(lines) == 1, args
        assert lines[0].startswith("taiwa: " + message), lines
        assert result.stdout == ""
        assert snapshot(cli_vault.dir) == before, args
    result = cli_vault.run("meeting", "add", "誰か", env={"TAIWA_LANG": "ja"})
    assert result.returncode == 2
    assert "'誰か' に一致する人がいません" in result.stderr


@pytest.mark.slow
def test_demo_vault_prints_its_recovery_code_and_opens(cli_vault: CliVault) -> None:
    folder = cli_vault.tmp / "demo"
    out = ok(cli_vault, "demo-vault", str(folder))
    assert "12 people" in out
    code_lines = [line.strip() for line in out.splitlines() if line.startswith("    ")]
    assert len(code_lines) == 1 and len(code_lines[0]) >= 20  # the code, shown once
    signals = json.loads(ok(cli_vault, "--vault", str(folder), "signals", "--json"))
    assert "mood_falling" in {s["kind"] for s in signals}
    again = cli_vault.run("demo-vault", str(folder))
    assert again.returncode != 0
    assert "already exists" in again.stderr
