"""`taiwa export-data`, `import-data` and `handover` as a user runs them, and hostile inputs
under the wall-clock and memory limits (tests/support/limits.py; figures printed with -s)."""

from __future__ import annotations

import io
import json

import pytest
from pypdf import PdfReader

from tests.support.limits import CPU_SECONDS, PEAK_RSS_MB, run_limited
from tests.support.vaults import CliVault, snapshot

PRIVATE = "PRIVATE-SENTINEL-7733"
SHARED = "SHARED-NOTE-1188"


@pytest.fixture
def filled(cli_vault: CliVault) -> CliVault:
    done = cli_vault.run("person", "add", "鈴木 一郎", "--email", "ichiro@example.com")
    assert done.returncode == 0, done.stderr
    done = cli_vault.run(
        "meeting", "add", "鈴木", "--at", "2026-10-06T10:00:00+09:00", "--status", "held",
        "--mood", "2", "--shared", SHARED, "--private", PRIVATE,
        "--topic", "career:マネージャー職への関心", "--action", "report:AGREED-ACTION@2026-10-20",
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    return cli_vault


def test_export_then_import_the_same_folder_adds_nothing(filled: CliVault) -> None:
    out = filled.dir.parent / "export"
    done = filled.run("export-data", str(out), "--json")
    assert done.returncode == 0, done.stderr
    summary = json.loads(done.stdout)
    assert (summary["people"], summary["meetings"], summary["actions"]) == (1, 1, 1)
    written = b"".join(p.read_bytes() for p in out.rglob("*") if p.is_file())
    assert SHARED.encode() in written and PRIVATE.encode() not in written
    done = filled.run("import-data", str(out), "--json")
    assert done.returncode == 0, done.stderr
    preview = json.loads(done.stdout)
    assert preview["kind"] == "taiwa_json"
    assert preview["people"] == [{"name": "鈴木 一郎", "new": False, "meetings": 0, "actions": 0}]
    assert preview["meetings_skipped"] == 1
    assert preview["written"] is True  # nothing new, so nothing was added
    done = filled.run("person", "list", "--json")
    assert len(json.loads(done.stdout)) == 1


def test_private_export_warns(filled: CliVault) -> None:
    out = filled.dir.parent / "private"
    done = filled.run("export-data", str(out), "--include-private")
    assert done.returncode == 0, done.stderr
    assert "Warning" in done.stderr
    assert PRIVATE in (out / "taiwa.json").read_text()


def test_import_people_csv_dry_run_then_for_real(cli_vault: CliVault) -> None:
    csv_file = cli_vault.dir.parent / "people.csv"
    csv_file.write_text("name,email,role\nHanako,hanako@example.com,PM\nJiro,,\n")
    done = cli_vault.run("import-data", str(csv_file), "--dry-run")
    assert done.returncode == 0, done.stderr
    assert "New people: 2, already in the vault (matched, not duplicated): 0." in done.stdout
    assert "Dry run" in done.stdout
    assert json.loads(cli_vault.run("person", "list", "--json").stdout) == []
    done = cli_vault.run("import-data", str(csv_file))
    assert done.returncode == 0, done.stderr
    assert "Imported. New people: 2," in done.stdout
    done = cli_vault.run("import-data", str(csv_file))
    assert "New people: 0, already in the vault (matched, not duplicated): 2." in done.stdout


def test_bad_rows_are_named_and_nothing_is_written(cli_vault: CliVault) -> None:
    csv_file = cli_vault.dir.parent / "people.csv"
    csv_file.write_text("name,email\nGood,good@example.com\nBad,SECRET-NOT-AN-EMAIL\n")
    before = snapshot(cli_vault.dir)
    done = cli_vault.run("import-data", str(csv_file))
    assert done.returncode == 2
    assert "row 3: email is not valid." in done.stderr
    assert "1 problem(s) found; nothing was imported." in done.stderr
    assert "SECRET" not in done.stderr + done.stdout
    assert snapshot(cli_vault.dir) == before


def test_a_newer_schema_version_is_refused(cli_vault: CliVault) -> None:
    path = cli_vault.dir.parent / "future.json"
    path.write_text(json.dumps({"format": "taiwa", "schema_version": 2, "people": []}))
    done = cli_vault.run("import-data", str(path))
    assert done.returncode == 2
    assert "data format version 2, newer than this Taiwa reads (up to 1)" in done.stderr


def test_handover_markdown_and_pdf_hold_no_private_parts(filled: CliVault) -> None:
    md = filled.dir.parent / "handover.md"
    done = filled.run("handover", "鈴木", "-o", str(md), "--lang", "en")
    assert done.returncode == 0, done.stderr
    text = md.read_text()
    assert SHARED in text and "AGREED-ACTION" in text and PRIVATE not in text
    pdf = filled.dir.parent / "handover.pdf"
    done = filled.run("handover", "鈴木", "-o", str(pdf), "--lang", "en")
    assert done.returncode == 0, done.stderr
    reader = PdfReader(io.BytesIO(pdf.read_bytes()))
    content = "".join(page.extract_text() for page in reader.pages)
    assert "AGREED-ACTION" in content
    assert "Hand-over to the next manager" in content
    assert PRIVATE not in content
    assert "Mood" not in content and "Signals" not in content
    done = filled.run("handover", "鈴木", "-o", str(pdf))
    assert done.returncode == 2 and "already exists" in done.stderr


# -- hostile sizes ------------------------------------------------------------------------------


def _json_head() -> bytes:
    return b'{"format": "taiwa", "schema_version": 1, "people": '


HOSTILE: dict[str, tuple[str, bytes, str]] = {
    # name: (file name, content, the refusal's words)
    "json over 64 MB": ("big.json", b"{" + b" " * (64 * 1024 * 1024 + 10) + b"}", "larger than 64 MB"),
    "json of 3 M empty lists": ("lists.json", _json_head() + b"[" + b"[]," * 3_000_000 + b"[]]}", "too many values"),
    "json nested 200 000 deep": ("deep.json", _json_head() + b"[" * 200_000 + b"]" * 200_000 + b"}", "too deeply nested"),
    "json of 20 000 people": ("people.json", _json_head() + b"[" + b",".join([b'{"ref": "p", "name": "x"}'] * 20_000) + b"]}", "more than 10000 people"),
    "json with a 60 MB text": ("text.json", _json_head() + b'[{"ref": "p1", "name": "x", "career_goals": "' + "対話".encode() * 10_000_000 + b'"}]}', "person 1: career_goals: The text is longer than 100000 characters."),
    "csv over 4 MB": ("big.csv", b"name,email\n" + b"x," * (2 * 1024 * 1024 + 10), "larger than 4 MB"),
    "csv of 20 000 rows": ("rows.csv", b"name\n" + b"x\n" * 20_000, "more than 10000 rows"),
}  # fmt: skip


@pytest.mark.slow
@pytest.mark.parametrize("name", list(HOSTILE))
def test_hostile_inputs_stay_within_the_limits(cli_vault: CliVault, name: str) -> None:
    file_name, content, refusal = HOSTILE[name]
    path = cli_vault.dir.parent / file_name
    path.write_bytes(content)
    before = snapshot(cli_vault.dir)
    run = run_limited(["import-data", str(path), "--dry-run"], cli_vault.env)
    print(
        f"\n{name:28s} {len(content) / 1e6:7.1f} MB {run.cpu_seconds:5.2f} s CPU"
        f" {run.peak_rss_mb:6.0f} MB RSS exit {run.returncode}"
    )
    assert not run.timed_out and not run.over_cpu and run.cpu_seconds <= CPU_SECONDS
    assert run.peak_rss_mb <= PEAK_RSS_MB
    assert run.returncode == 2, run.stderr[-2000:]
    assert refusal in run.stderr
    assert "Traceback" not in run.stderr
    assert snapshot(cli_vault.dir) == before


def test_a_huge_note_in_a_folder_is_refused_by_name(cli_vault: CliVault) -> None:
    folder = cli_vault.dir.parent / "notes"
    folder.mkdir()
    (folder / "huge.md").write_bytes(b"---\ndate: 2026-01-01\nperson: A\n---\n" + b"x" * 2_000_000)
    (folder / "fine.md").write_text("---\ndate: 2026-01-02\nperson: A\n---\nok\n")
    done = cli_vault.run("import-data", str(folder))
    assert done.returncode == 2
    assert "huge.md line 1: the note is larger than 1024 KB." in done.stderr
