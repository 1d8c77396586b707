"""`taiwa export-pdf` as a user runs it: the right content, private by default, no stray files."""

from __future__ import annotations

import io
import json
import stat
from pathlib import Path

import pytest
from pypdf import PdfReader

from tests.support.vaults import CliVault
from tests.unit.export.pdfcheck import annotations, flat, images

SECRET = "PRIVATE-SENTINEL-9911"


@pytest.fixture
def filled(cli_vault: CliVault) -> CliVault:
    done = cli_vault.run(
        "person", "add", "鈴木 一郎", "--email", "ichiro@example.com", "--role", "PM"
    )
    assert done.returncode == 0, done.stderr
    done = cli_vault.run(
        "meeting",
        "add",
        "鈴木",
        "--at",
        "2026-10-06T10:00:00+09:00",
        "--status",
        "held",
        "--mood",
        "4",
        "--shared",
        '次のリリース計画について話した <b>not bold</b> & <img src="/etc/passwd">',
        "--private",
        SECRET,
        "--topic",
        "career:マネージャー職への関心",
        "--action",
        "report:AGREED-ACTION 設計レビューの準備@2026-10-20",
        "--json",
    )
    assert done.returncode == 0, done.stderr
    cli_vault.meeting_id = json.loads(done.stdout)["id"]  # type: ignore[attr-defined]
    return cli_vault


def out_dir(vault: CliVault) -> Path:
    folder = vault.dir.parent / "out"
    folder.mkdir(exist_ok=True)
    return folder


def test_person_summary_without_then_with_private_notes(filled: CliVault) -> None:
    folder = out_dir(filled)
    plain_pdf = folder / "plain.pdf"
    done = filled.run("export-pdf", "--person", "鈴木", "--to", "2026-12-31", "-o", str(plain_pdf))
    assert done.returncode == 0, done.stderr
    assert str(plain_pdf) in done.stdout
    assert stat.S_IMODE(plain_pdf.stat().st_mode) == 0o600
    content = flat(plain_pdf.read_bytes())
    assert "AGREED-ACTION設計レビューの準備" in content
    assert '<b>notbold</b>&<imgsrc="/etc/passwd">' in content
    assert SECRET not in content
    assert annotations(plain_pdf.read_bytes()) == [] and images(plain_pdf.read_bytes()) == []

    private_pdf = folder / "private.pdf"
    done = filled.run(
        "export-pdf", "--person", "ichiro@example.com", "--include-private", "--lang", "ja",
        "--from", "2026-10-01", "--to", "2026-10-31", "-o", str(private_pdf),
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert "private notes" in done.stderr  # the warning
    content = flat(private_pdf.read_bytes())
    assert SECRET in content and "非公開メモ" in content and "マネージャー職への関心" in content
    # Nothing else was written: no temp files next to the PDFs or in TMPDIR.
    assert sorted(p.name for p in folder.iterdir()) == ["plain.pdf", "private.pdf"]
    assert list(filled.tmp.iterdir()) == []


def test_meeting_summary_with_password_and_letter_paper(filled: CliVault) -> None:
    target = out_dir(filled) / "meeting.pdf"
    meeting_id = str(filled.meeting_id)  # type: ignore[attr-defined]
    done = filled.run(
        "export-pdf", "--meeting", meeting_id, "--password-env", "PDF_PW", "--paper", "letter",
        "-o", str(target), env={"PDF_PW": "correct horse"},
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert "AES-256" in done.stdout
    data = target.read_bytes()
    reader = PdfReader(io.BytesIO(data))
    assert reader.is_encrypted
    assert reader.trailer["/Encrypt"]["/V"] == 5 and reader.trailer["/Encrypt"]["/R"] == 6
    assert b"AGREED-ACTION" not in data
    assert "AGREED-ACTION" in flat(data, password="correct horse")
    reader.decrypt("correct horse")
    assert round(float(reader.pages[0].mediabox.width)) == 612
    assert "meetingsummary" in flat(data, password="correct horse")  # TAIWA_LANG=en


def test_pdf_follows_the_ui_language_preference(filled: CliVault) -> None:
    config = Path(filled.env["TAIWA_CONFIG_DIR"])
    config.mkdir(parents=True, exist_ok=True)
    (config / "prefs.json").write_text(json.dumps({"language": "ja"}), encoding="utf-8")
    target = out_dir(filled) / "ja.pdf"
    meeting_id = str(filled.meeting_id)  # type: ignore[attr-defined]
    done = filled.run("export-pdf", "--meeting", meeting_id, "-o", str(target))
    assert done.returncode == 0, done.stderr
    content = flat(target.read_bytes())
    assert "1on1ミーティングサマリー" in content and "合意したアクション" in content
    english = target.with_name("en.pdf")
    done = filled.run("export-pdf", "--meeting", meeting_id, "--lang", "en", "-o", str(english))
    assert done.returncode == 0, done.stderr
    assert "1on1meetingsummary" in flat(english.read_bytes())


def test_existing_file_is_never_replaced_silently(filled: CliVault) -> None:
    target = out_dir(filled) / "kept.pdf"
    target.write_bytes(b"someone's file")
    meeting_id = str(filled.meeting_id)  # type: ignore[attr-defined]
    done = filled.run("export-pdf", "--meeting", meeting_id, "-o", str(target))
    assert done.returncode == 2, done.stderr
    assert "already exists" in done.stderr
    assert target.read_bytes() == b"someone's file"
    assert sorted(p.name for p in target.parent.iterdir()) == ["kept.pdf"]


BAD_INPUTS: list[tuple[list[str], dict[str, str], str]] = [
    (["--person", "鈴木", "--shared-only", "--include-private"], {}, "--include-private"),
    (["--person", "nobody"], {}, "No person matches"),
    (["--person", "鈴木", "--from", "2026-13-01"], {}, "not a valid date"),
    (["--person", "鈴木", "--from", "2026-10-01", "--to", "2026-09-01"], {}, "ends before"),
    (["--meeting", "999"], {}, "no meeting with id 999"),
    (["--meeting", "1", "--from", "2026-01-01"], {}, "--person"),
    (["--person", "鈴木", "--password-env", "MISSING_PW"], {}, "MISSING_PW"),
    (["--person", "鈴木", "--password-env", "EMPTY_PW"], {"EMPTY_PW": ""}, "EMPTY_PW"),
]


def test_bad_input_gets_one_clear_line_and_no_file(filled: CliVault) -> None:
    folder = out_dir(filled)
    for args, env, expected in BAD_INPUTS:
        done = filled.run("export-pdf", *args, "-o", str(folder / "x.pdf"), env=env)
        assert done.returncode == 2, (args, done.stderr)
        lines = done.stderr.strip().splitlines()
        assert len(lines) == 1 and expected in lines[0], (args, done.stderr)
        assert list(folder.iterdir()) == []


def test_bad_output_path_is_refused_before_opening_the_vault(cli_vault: CliVault) -> None:
    missing = cli_vault.dir.parent / "no-such-folder" / "x.pdf"
    done = cli_vault.run("export-pdf", "--person", "x", "-o", str(missing))
    assert done.returncode == 2
    assert "folder" in done.stderr and not missing.parent.exists()
    done = cli_vault.run(
        "--lang", "ja", "export-pdf", "--person", "x", "-o", str(cli_vault.dir.parent / "x.txt")
    )
    assert done.returncode == 2 and ".pdf" in done.stderr and "出力" in done.stderr
