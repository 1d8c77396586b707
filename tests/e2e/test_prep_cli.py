"""`taiwa prep`, `prep-answers` and `recap` as a user runs them: shared content only, bad input
refused with one clear line and nothing written."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from taiwa.domain.models import Theme
from taiwa.prep import answers
from tests.support.vaults import CliVault

PRIVATE = "PRIVATE-SENTINEL-8842"
GOALS = "GOALS-SENTINEL-1209"


@pytest.fixture
def filled(cli_vault: CliVault) -> CliVault:
    for args in (
        ("person", "add", "鈴木 一郎", "--email", "ichiro@example.com"),
        ("person", "add", "Other Person"),
    ):
        done = cli_vault.run(*args)
        assert done.returncode == 0, done.stderr
    done = cli_vault.run(
        "meeting", "add", "鈴木", "--at", "2026-11-20T10:00:00+09:00", "--status", "held",
        "--mood", "2", "--shared", "共有メモ: release", "--private", PRIVATE,
        "--topic", "work:オンコール体制", "--action", "report:設計レビューの準備@2026-11-25",
        "--json",
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    cli_vault.meeting_id = json.loads(done.stdout)["id"]  # type: ignore[attr-defined]
    return cli_vault


def out(vault: CliVault) -> Path:
    folder = vault.dir.parent / "out"
    folder.mkdir(exist_ok=True)
    return folder


@pytest.mark.slow
def test_sheet_answer_and_recap_round_trip(filled: CliVault) -> None:
    html = out(filled) / "sheet.html"
    done = filled.run("prep", "鈴木", "--format", "html", "--lang", "ja", "-o", str(html))
    assert done.returncode == 0, done.stderr
    page = html.read_text(encoding="utf-8")
    assert "設計レビューの準備" in page and "次の 1on1 の準備" in page and PRIVATE not in page
    md = filled.run("prep", "鈴木")
    assert md.returncode == 0 and "Preparing our next 1on1" in md.stdout
    assert PRIVATE not in md.stdout and "共有メモ" not in md.stdout

    person = int(page.split('data-person="')[1].split('"')[0])
    reply = out(filled) / "reply.txt"
    block = answers.block(person, date(2026, 12, 3), [(Theme.CAREER, "異動の相談")])
    reply.write_text("Re: 1on1\n\n" + block, encoding="utf-8")
    dry = filled.run("prep-answers", "鈴木", str(reply), "--dry-run")
    assert dry.returncode == 0, dry.stderr
    assert "異動の相談" in dry.stdout and "Dry run" in dry.stdout
    listed = filled.run("meeting", "list", "鈴木", "--json")
    assert len(json.loads(listed.stdout)) == 1
    added = filled.run("prep-answers", "鈴木", str(reply))
    assert added.returncode == 0, added.stderr
    assert "Added 1 item(s)" in added.stdout
    assert len(json.loads(filled.run("meeting", "list", "鈴木", "--json").stdout)) == 2

    ics = out(filled) / "next.ics"
    meeting = str(filled.meeting_id)  # type: ignore[attr-defined]
    done = filled.run("recap", meeting, "--ics", str(ics), "--lang", "ja")
    assert done.returncode == 0, done.stderr
    assert "共有メモ: release" in done.stdout and "設計レビューの準備" in done.stdout
    raw = ics.read_bytes().decode("utf-8").replace("\r\n ", "")
    assert "異動の相談" in raw and "オンコール体制" in raw
    for text in (done.stdout, raw):
        assert PRIVATE not in text


@pytest.mark.slow
def test_bad_input_gets_one_line_and_writes_nothing(filled: CliVault) -> None:
    folder = out(filled)
    done = filled.run("prep", "Nobody", "-o", str(folder / "x.md"))
    assert done.returncode == 2 and "No person matches" in done.stderr
    assert not (folder / "x.md").exists()

    existing = folder / "keep.md"
    existing.write_text("keep", encoding="utf-8")
    done = filled.run("prep", "鈴木", "-o", str(existing))
    assert done.returncode == 2 and "--force" in done.stderr
    assert existing.read_text(encoding="utf-8") == "keep"

    cases = {
        "malformed.txt": answers.BEGIN
        + "\nperson: 1\nsheet: 2026-12-03\nSECRET-LINE\n"
        + answers.END,
        "big.txt": "x" * (answers.MAX_BYTES + 10),
        "other.txt": answers.block(2, date(2026, 12, 3), [(Theme.WORK, "SECRET-LINE")]),
        "version.txt": answers.block(1, date(2026, 12, 3), [(Theme.WORK, "x")]).replace(
            "v1-----", "v9-----"
        ),
    }
    expected = {
        "malformed.txt": "Line 4",
        "big.txt": "larger than 64 KiB",
        "other.txt": "another person",
        "version.txt": "version 9",
    }
    before = filled.run("meeting", "list", "鈴木", "--json").stdout
    for name, text in cases.items():
        (folder / name).write_text(text, encoding="utf-8")
        done = filled.run("--lang", "ja", "prep-answers", "鈴木", str(folder / name))
        assert done.returncode == 2, (name, done.stderr)
        assert len(done.stderr.strip().splitlines()) == 1
        assert "SECRET" not in done.stderr
        done = filled.run("prep-answers", "鈴木", str(folder / name))
        assert expected[name] in done.stderr, (name, done.stderr)
    assert filled.run("meeting", "list", "鈴木", "--json").stdout == before
    done = filled.run("recap", "999")
    assert done.returncode == 2 and "no meeting with id 999" in done.stderr
