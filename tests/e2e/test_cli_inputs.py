"""What the CLI takes in: note text without argv, and bad input refused with a message.

Note text can come from standard input (``-``), a file (``--X-file``) or the user's editor
(``--X-edit``), so it never has to be on the command line, where every local user can read it
(/proc/PID/cmdline) and the shell keeps it. Bad ids, dates, names and encodings get one clear
line and exit status 2 (never 70, the internal error), and leave the vault as it was; a date
already stored outside 1900-2200 does not break later commands.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.support.cli_inproc import InProcessVault
from tests.support.vaults import CliVault, files_containing, snapshot

SENTINEL = "PRIVATE-ARGV-SENTINEL-4471 転職の相談"
LINUX = sys.platform.startswith("linux")


def ok(vault: CliVault, *args: str, input: str | None = None) -> str:
    result = vault.run(*args, input=input)
    assert result.returncode == 0, result.stderr
    return result.stdout


def shown(vault: CliVault, meeting_id: str) -> dict[str, object]:
    return json.loads(ok(vault, "meeting", "show", meeting_id, "--json", "--private"))  # type: ignore[no-any-return]


# -- note text without argv ---------------------------------------------------------------


@pytest.mark.skipif(not LINUX, reason="/proc/PID/cmdline is Linux's")
def test_private_text_from_stdin_lands_in_the_vault_and_never_in_argv(cli_vault: CliVault) -> None:
    ok(cli_vault, "person", "add", "Emily Carter")
    child = subprocess.Popen(
        [sys.executable, "-m", "taiwa", "meeting", "add", "Emily", "--private", "-", "--json"],
        env=cli_vault.env,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    try:
        # While the child waits for its stdin, anyone can read its command line.
        cmdline = b""
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline and b"--private" not in cmdline:
            cmdline = Path(f"/proc/{child.pid}/cmdline").read_bytes()
            time.sleep(0.02)
        assert b"--private" in cmdline
        out, err = child.communicate((SENTINEL + "\n").encode("utf-8"), timeout=60)
    finally:
        child.kill()
        child.wait()
    assert child.returncode == 0, err
    assert SENTINEL.encode("utf-8") not in cmdline
    meeting = shown(cli_vault, str(json.loads(out)["id"]))
    assert meeting["private_notes"] == SENTINEL  # the line break echo adds is dropped


def test_every_note_text_from_files(cli_vault: CliVault) -> None:
    folder = cli_vault.tmp.parent / "texts"
    folder.mkdir()
    files = {
        "purpose": "目的: キャリアの話",
        "shared": "共有メモ\n二行目",
        "private": SENTINEL,
        "topic": "career:マネージャー職\n\nwork:レビューの進め方\n",
        "action": "manager:研修を探す@2026-02-01\nreport:資料を読む\n",
        "goals": "テックリードになりたい",
    }
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
    # A BOM (Windows Notepad) is not part of the text.
    (folder / "shared").write_bytes(b"\xef\xbb\xbf" + files["shared"].encode("utf-8"))
    person = json.loads(
        ok(
            cli_vault,
            "person",
            "add",
            "Ren",
            "--career-goals-file",
            str(folder / "goals"),
            "--json",
        )
    )
    assert person["career_goals"] == files["goals"]
    meeting_id = ok(
        cli_vault, "meeting", "add", "Ren", "--at", "2026-01-05",
        "--purpose-file", str(folder / "purpose"), "--shared-file", str(folder / "shared"),
        "--private-file", str(folder / "private"), "--topic-file", str(folder / "topic"),
        "--action-file", str(folder / "action"), "--topic", "feedback:argv topic",
    ).strip()  # fmt: skip
    meeting = shown(cli_vault, meeting_id)
    assert meeting["purpose"] == files["purpose"]
    assert meeting["shared_notes"] == files["shared"]
    assert meeting["private_notes"] == SENTINEL
    assert [(t["theme"], t["text"]) for t in meeting["topics"]] == [  # type: ignore[attr-defined,index]
        ("feedback", "argv topic"),
        ("career", "マネージャー職"),
        ("work", "レビューの進め方"),
    ]
    assert [(a["owner"], a["text"], a["due_on"]) for a in meeting["actions"]] == [  # type: ignore[attr-defined,index]
        ("manager", "研修を探す", "2026-02-01"),
        ("report", "資料を読む", None),
    ]


def test_topics_from_stdin_one_per_line(cli_vault: CliVault) -> None:
    ok(cli_vault, "person", "add", "Ren")
    meeting_id = ok(
        cli_vault, "meeting", "add", "Ren", "--topic", "-", input="growth:設計力\nwellbeing:睡眠\n"
    ).strip()
    meeting = shown(cli_vault, meeting_id)
    assert [t["text"] for t in meeting["topics"]] == ["設計力", "睡眠"]  # type: ignore[attr-defined,index]


FAKE_EDITOR = r"""
import os, stat, sys
path = sys.argv[1]
report = os.environ["EDITOR_REPORT"]
ppid_cmdline = open(f"/proc/{os.getppid()}/cmdline", "rb").read() if sys.platform.startswith("linux") else b""
with open(report, "w") as out:
    out.write(f"{stat.S_IMODE(os.stat(path).st_mode):o} {stat.S_IMODE(os.stat(os.path.dirname(path)).st_mode):o}"
              f" {int(os.environ['SENTINEL'].encode() in ppid_cmdline)} {os.path.dirname(path)}\n")
with open(path, "w", encoding="utf-8") as note:
    note.write(os.environ["SENTINEL"] + "\n")
# An editor's swap file next to it goes too.
with open(path + ".swp", "w", encoding="utf-8") as swap:
    swap.write(os.environ["SENTINEL"])
sys.exit(int(os.environ.get("EDITOR_STATUS", "0")))
"""


@pytest.fixture
def editor(cli_vault: CliVault) -> Iterator[dict[str, str]]:
    script = cli_vault.tmp.parent / "fake_editor.py"
    script.write_text(FAKE_EDITOR, encoding="utf-8")
    report = cli_vault.tmp.parent / "editor-report.txt"
    yield {
        "EDITOR": f"{sys.executable} {script}",
        "VISUAL": "",
        "EDITOR_REPORT": str(report),
        "SENTINEL": SENTINEL,
    }


def test_private_text_from_the_editor_then_the_file_is_wiped(
    cli_vault: CliVault, editor: dict[str, str]
) -> None:
    ok(cli_vault, "person", "add", "Ren")
    result = cli_vault.run("meeting", "add", "Ren", "--private-edit", env=dict(editor))
    assert result.returncode == 0, result.stderr
    report = Path(editor["EDITOR_REPORT"]).read_text().split()
    file_mode, folder_mode, in_parent_argv, folder = report
    assert (file_mode, folder_mode) == ("600", "700")
    assert in_parent_argv == "0"
    assert Path(folder).parent == cli_vault.tmp  # TMPDIR (no XDG_RUNTIME_DIR here)
    assert not Path(folder).exists()  # file, swap file and folder are gone
    assert files_containing(cli_vault.tmp, SENTINEL) == []
    assert shown(cli_vault, result.stdout.strip())["private_notes"] == SENTINEL


@pytest.mark.skipif(not LINUX, reason="XDG_RUNTIME_DIR is a Linux desktop's")
def test_the_editor_file_goes_to_a_private_runtime_folder(
    cli_vault: CliVault, editor: dict[str, str]
) -> None:
    ok(cli_vault, "person", "add", "Ren")
    runtime = cli_vault.tmp.parent / "runtime"
    runtime.mkdir(mode=0o700)
    for mode, expected in ((0o700, runtime), (0o755, cli_vault.tmp)):
        runtime.chmod(mode)  # a runtime folder others can enter is not used
        result = cli_vault.run(
            "meeting",
            "add",
            "Ren",
            "--shared-edit",
            env={**editor, "XDG_RUNTIME_DIR": str(runtime)},
        )
        assert result.returncode == 0, result.stderr
        folder = Path(Path(editor["EDITOR_REPORT"]).read_text().split()[3])
        assert folder.parent == expected
        assert not folder.exists()
    assert list(runtime.iterdir()) == []


def test_the_editor_failing_or_missing_changes_nothing(
    cli_vault: CliVault, editor: dict[str, str]
) -> None:
    ok(cli_vault, "person", "add", "Ren")
    before = snapshot(cli_vault.dir)
    failed = cli_vault.run(
        "meeting", "add", "Ren", "--shared-edit", env={**editor, "EDITOR_STATUS": "1"}
    )
    assert failed.returncode == 2
    assert "did not finish normally" in failed.stderr and SENTINEL not in failed.stderr
    assert list(cli_vault.tmp.iterdir()) == []  # wiped also after a failure
    Path(editor["EDITOR_REPORT"]).unlink()
    unknown = cli_vault.run("meeting", "add", "Nobody", "--private-edit", env=dict(editor))
    assert unknown.returncode == 2 and "No person matches 'Nobody'" in unknown.stderr
    assert not Path(editor["EDITOR_REPORT"]).exists()  # refused before the editor opened
    missing = cli_vault.run(
        "meeting", "add", "Ren", "--private-edit", env={"EDITOR": None, "VISUAL": None}
    )
    assert missing.returncode == 2
    assert missing.stderr.strip() == (
        "taiwa: --private-edit needs an editor: set VISUAL or EDITOR (e.g. EDITOR=nano)."
        " Nothing was changed."
    )
    assert snapshot(cli_vault.dir) == before


def test_refused_text_sources(cli_vault: CliVault) -> None:
    ok(cli_vault, "person", "add", "Ren")
    bad = cli_vault.tmp.parent / "cp932.txt"
    bad.write_bytes("転職".encode("cp932"))
    before = snapshot(cli_vault.dir)
    cases = [
        (["--private", "-", "--shared", "-"], "Only one option can read standard input"),
        (["--private", "-", "--topic", "-"], "Only one option can read standard input"),
        (["--private-file", str(bad)], "not valid Unicode"),
        (["--shared-file", str(bad.with_name("missing.txt"))], "no such file"),
        (["--purpose-file", str(bad.parent)], "a folder"),
        (["--private", "x", "--private-file", str(bad)], "not allowed with argument"),
    ]
    for extra, message in cases:
        result = cli_vault.run("meeting", "add", "Ren", *extra, input="x")
        assert result.returncode == 2, (extra, result.stderr)
        assert message in result.stderr, (extra, result.stderr)
    topics = bad.with_name("topics.txt")
    topics.write_text("career:ok\nno theme here\n", encoding="utf-8")
    result = cli_vault.run("meeting", "add", "Ren", "--topic-file", str(topics))
    assert result.returncode == 2
    assert f"Line 2 of {topics} is not THEME:TEXT." in result.stderr
    assert "no theme here" not in result.stderr  # the text is never quoted
    assert snapshot(cli_vault.dir) == before


def test_help_warns_about_text_on_the_command_line() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "taiwa", "meeting", "add", "--help"],
        capture_output=True,
        text=True,
        env=dict(os.environ, COLUMNS="200"),
        timeout=60,
        check=False,
    )
    assert result.returncode == 0
    help_text = " ".join(result.stdout.split())
    for option in ("--private", "--shared", "--purpose", "--topic", "--action"):
        assert (
            f"(visible to other local users and kept in shell history; prefer {option}-file or -)"
            in help_text
        ), option
    assert "--private-edit" in help_text and "--private-file PATH" in help_text


# -- bad input: a message, status 2, nothing changed ----------------------------------------

BIG = str(10**30)
LONE = "\udc80"

BAD_INPUT: list[tuple[tuple[str, ...], str]] = [
    (("meeting", "show", BIG), f"There is no meeting with id {BIG}."),
    (("meeting", "show", "²"), "There is no meeting with id ²."),
    (("meeting", "show", "9" * 5000), "There is no meeting with id 9999"),
    (("action", "done", BIG), f"There is no action item with id {BIG}."),
    (("meeting", "add", BIG), f"No person matches '{BIG}'."),
    (("meeting", "list", "²"), "No person matches '²'."),
    (("person", "add", "X", "--started", "9999-12-31"), "'9999-12-31' is outside the years 1900–2200."),
    (("person", "add", "X", "--started", "0001-01-01"), "'0001-01-01' is outside the years 1900–2200."),
    (("person", "add", "X", "--started", ""), "'' is not a valid date."),
    (("person", "add", "X", "--cadence", "²"), "The cadence must be a whole number"),
    (("meeting", "add", "Emily", "--at", "0001-01-01"), "'0001-01-01' is outside the years"),
    (("meeting", "add", "Emily", "--at", "9999-12-31T23:59:59-12:00"), "'9999-12-31' is outside"),
    (("meeting", "add", "Emily", "--at", "2024-02-30"), "'2024-02-30' is not a valid date."),
    (("meeting", "add", "Emily", "--at", ""), "'' is not a valid date."),
    (("meeting", "add", "Emily", "--status", ""), "'' is not a meeting status."),
    (("meeting", "add", "Emily", "--mood", ""), "Mood must be a whole number from 1 to 5."),
    (("meeting", "add", "Emily", "--mood", "³"), "Mood must be a whole number from 1 to 5."),
    (("meeting", "add", "Emily", "--action", "manager:x@9999-12-31"), "'9999-12-31' is outside"),
    (("meeting", "add", "Emily", "--private", "x" + LONE), "The argument --private is not valid UTF-8"),
    (("meeting", "add", "Emily", "--topic", "work:" + LONE), "The argument --topic is not valid UTF-8"),
    (("meeting", "add", "Emily", "--shared", "a\x00b"), "The argument --shared contains a NUL"),
    (("meeting", "add", "Emily", "--private", "x" * 100_001), "The text is longer than 100000"),
    (("person", "add", "A" + LONE), "The argument NAME is not valid UTF-8"),
    (("person", "add", "A", "--email", "a" + LONE + "@x.com"), "The argument --email is not valid"),
    (("person", "add", "x" * 300), "The text is longer than 200"),
    (("search", LONE), "The argument QUERY is not valid UTF-8"),
    (("calendar-keywords", "--set", LONE), "The argument --set is not valid UTF-8"),
    (("stats", "--from", "0001-01-01"), "'0001-01-01' is outside the years 1900–2200."),
    (("stats", "--to", "9999-12-31"), "'9999-12-31' is outside the years 1900–2200."),
    (("stats", "--to", ""), "'' is not a valid date."),
    (("import-ics", "x.ics", "--to", "9999-12-31"), "'9999-12-31' is outside"),
    (("export-pdf", "--meeting", BIG, "-o", "a.pdf"), f"'{BIG}' is not a meeting id."),
    (("export-pdf", "--person", "Emily Carter", "--to", "9999-12-31", "-o", "a.pdf"), "outside"),
    (("export-pdf", "--person", "Emily Carter", "--from", "", "-o", "a.pdf"), "not a valid date"),
    (("export-pdf", "--person", "Emily Carter", "-o", "x" * 300 + ".pdf"), "--output cannot be used: a name in it is longer than 255 bytes"),
    (("export-pdf", "--person", "Emily Carter", "-o", ""), "The argument --output is empty"),
    (("export-pdf", "--person", "Emily Carter", "-o", "/".join(["d" * 200] * 25)), "--output cannot be used: it is longer than 4095 bytes"),
    (("export-pdf", "--person", "Emily Carter", "-o", "a\udaaa.pdf"), "--output cannot be used: it holds characters"),
    (("export-pdf", "--person", "Emily Carter", "-o", "a.pdf", "--password-env", ""), "--password-env needs the name"),
    (("--vault", "", "person", "list"), "The argument --vault is empty"),
]  # fmt: skip


def test_bad_input_gets_one_line_status_2_and_changes_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    vault = InProcessVault.create(tmp_path / "vault")
    vault.ok("person", "add", "Emily Carter")
    vault.ok("person", "add", "Emily Stone")
    vault.ok("meeting", "add", "Emily Carter", "--at", "2026-01-05", "--shared", "x")
    monkeypatch.chdir(tmp_path)
    before = vault.dump()
    for args, message in BAD_INPUT:
        result = vault.run(*args)
        assert result.code == 2, (args[:4], result.err)
        lines = result.err.strip().splitlines()
        assert len(lines) == 1, (args[:4], lines)
        assert lines[0].startswith("taiwa: "), lines
        assert message in lines[0], (args[:4], lines)
        assert result.out == ""
    assert vault.dump() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["vault"]  # no PDF anywhere


def test_export_replaces_a_file_only_with_force(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    vault = InProcessVault.create(tmp_path / "vault")
    vault.ok("person", "add", "Emily Carter")
    meeting_id = vault.ok("meeting", "add", "Emily", "--at", "2026-01-05", "--shared", "x").strip()
    target = tmp_path / "out.pdf"
    target.write_bytes(b"kept")
    refused = vault.run("export-pdf", "--meeting", meeting_id, "-o", str(target))
    assert refused.code == 2 and "already exists" in refused.err
    assert target.read_bytes() == b"kept"
    vault.ok("export-pdf", "--meeting", meeting_id, "-o", str(target), "--force")
    assert target.read_bytes().startswith(b"%PDF")
    monkeypatch.setenv("EMPTY_PW", "")
    empty = vault.run(
        "export-pdf", "--meeting", meeting_id, "-o", str(target), "--force",
        "--password-env", "EMPTY_PW",
    )  # fmt: skip
    assert empty.code == 2 and "EMPTY_PW" in empty.err


# -- values stored before the checks existed ------------------------------------------------

STORED = [
    "UPDATE person SET started_on = '9999-12-31'",
    "UPDATE person SET started_on = '0001-01-01'",
    "UPDATE meeting SET starts_at = '9999-12-31T23:59:59Z'",
    "UPDATE meeting SET starts_at = '0001-01-01T00:00:00Z'",
    "UPDATE action SET due_on = '9999-12-31'",
    "UPDATE action SET due_on = '0001-01-01', done_on = '0001-01-01'",
]


@pytest.mark.parametrize("zone", ["UTC", "Asia/Tokyo", "America/New_York"])
def test_an_out_of_range_date_in_the_vault_breaks_no_command(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, zone: str
) -> None:
    """Conversions to local time near year 1 or 9999 overflow; such a value, stored before the
    1900-2200 check, is read back clamped."""
    monkeypatch.setenv("TZ", zone)
    time.tzset()
    try:
        vault = InProcessVault.create(tmp_path / "vault")
        vault.ok("person", "add", "Ren", "--cadence", "7")
        vault.ok("meeting", "add", "Ren", "--at", "2026-01-05", "--action", "manager:x")
        for statement in STORED:
            vault.sql(statement)
            for args in (
                ("stats",),
                ("stats", "--json"),
                ("signals",),
                ("upcoming",),
                ("person", "list"),
                ("meeting", "list", "Ren"),
                ("meeting", "show", "1"),
            ):
                result = vault.run(*args)
                assert result.code == 0, (statement, args, result.err)
    finally:
        monkeypatch.undo()
        time.tzset()


def test_secrets_that_are_not_text_get_a_message(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Bytes that are not UTF-8 in a secret variable reach Python as lone surrogates."""
    vault = InProcessVault.create(tmp_path / "vault")
    vault.ok("person", "add", "Ren")
    meeting_id = vault.ok("meeting", "add", "Ren", "--at", "2026-01-05", "--shared", "x").strip()
    before = vault.dump()
    not_text = "passphrase-\udcff-long-enough"
    for variable, args in (
        ("TAIWA_RECOVERY", ("person", "list")),
        ("TAIWA_RECOVERY", ("unlock", "--recovery")),
        ("TAIWA_NEW_RECOVERY", ("change-recovery", "--passphrase")),
        ("PDF_PW", ("export-pdf", "--meeting", meeting_id, "--password-env", "PDF_PW",
                    "-o", str(tmp_path / "x.pdf"))),
    ):  # fmt: skip
        with monkeypatch.context() as env:
            env.setenv(variable, not_text)
            result = vault.run(*args)
        assert result.code == 2, (args, result.err)
        assert variable in result.err and "not valid UTF-8" in result.err, result.err
        assert "passphrase-" not in result.err
    assert vault.dump() == before
    assert not (tmp_path / "x.pdf").exists()
