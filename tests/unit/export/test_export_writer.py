"""Password protection is AES-256; files are written atomically, privately, or not at all."""

from __future__ import annotations

import io
import os
import stat
from pathlib import Path

import pytest
from pypdf import PdfReader

from bench.pdf_data import sample_meeting_doc
from taiwa.errors import InputError
from taiwa.export import writer
from taiwa.export.documents import render_meeting
from taiwa.export.model import ExportOptions
from tests.unit.export.pdfcheck import flat


@pytest.fixture(scope="module")
def pdf() -> bytes:
    return render_meeting(sample_meeting_doc(), ExportOptions(lang="en"))


def test_encrypted_pdf_needs_the_password_and_uses_aes_256(pdf: bytes) -> None:
    locked = writer.encrypt(pdf, "s3cret-パス")
    reader = PdfReader(io.BytesIO(locked))
    assert reader.is_encrypted
    encrypt = reader.trailer["/Encrypt"].get_object()
    assert encrypt["/V"] == 5 and encrypt["/R"] == 6  # AES-256 (PDF 2.0), not RC4
    assert encrypt["/CF"]["/StdCF"]["/CFM"] == "/AESV3"
    assert b"ACTION-1" not in locked and b"NOTE-1" not in locked
    with pytest.raises(Exception):  # noqa: B017 - pypdf raises its own error type
        reader.pages[0].extract_text()
    assert PdfReader(io.BytesIO(locked)).decrypt("wrong").name == "NOT_DECRYPTED"
    assert "ACTION-1:" in flat(locked, password="s3cret-パス")


def test_empty_password_is_refused(pdf: bytes) -> None:
    with pytest.raises(InputError):
        writer.encrypt(pdf, "")


def test_write_is_private_and_complete(tmp_path: Path, pdf: bytes) -> None:
    target = tmp_path / "out.pdf"
    written = writer.write_atomic(target, pdf)
    assert written == target
    assert target.read_bytes() == pdf
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.pdf"]


def test_overwrite_replaces_and_tightens_mode(tmp_path: Path, pdf: bytes) -> None:
    target = tmp_path / "out.pdf"
    target.write_bytes(b"old")
    target.chmod(0o644)
    writer.write_atomic(target, pdf, overwrite=True)
    assert target.read_bytes() == pdf
    assert stat.S_IMODE(target.stat().st_mode) == 0o600


def test_existing_file_is_refused_without_overwrite(tmp_path: Path, pdf: bytes) -> None:
    target = tmp_path / "out.pdf"
    target.write_bytes(b"keep me")
    with pytest.raises(writer.ExportTargetExistsError) as caught:
        writer.write_atomic(target, pdf)
    assert isinstance(caught.value, InputError) and caught.value.exit_code == 2
    assert "--force" in caught.value.localized("en")
    assert "--force" in caught.value.localized("ja")
    assert target.read_bytes() == b"keep me"
    assert [p.name for p in tmp_path.iterdir()] == ["out.pdf"]
    # Checked before any work too, so the service refuses before building the PDF.
    with pytest.raises(writer.ExportTargetExistsError):
        writer.check_target(target, overwrite=False)


def test_file_appearing_during_the_write_is_not_replaced(tmp_path: Path, pdf: bytes) -> None:
    target = tmp_path / "out.pdf"
    calls = 0

    def someone_else_writes() -> None:  # the cancel check just before the rename
        nonlocal calls
        calls += 1
        if calls == 2:
            target.write_bytes(b"theirs")

    with pytest.raises(writer.ExportTargetExistsError):
        writer.write_atomic(target, pdf, cancel=someone_else_writes)
    assert calls == 2
    assert target.read_bytes() == b"theirs"
    assert [p.name for p in tmp_path.iterdir()] == ["out.pdf"]


def test_dangling_symlink_at_the_target_is_refused(tmp_path: Path, pdf: bytes) -> None:
    outside = tmp_path / "elsewhere.pdf"
    target = tmp_path / "out.pdf"
    target.symlink_to(outside)
    with pytest.raises(writer.ExportTargetExistsError):
        writer.write_atomic(target, pdf)
    assert not outside.exists() and target.is_symlink()


def test_failure_while_writing_leaves_no_file(
    tmp_path: Path, pdf: bytes, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken_fsync(fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", broken_fsync)
    with pytest.raises(writer.ExportWriteError) as caught:
        writer.write_atomic(tmp_path / "out.pdf", pdf)
    assert "No space left on device" in caught.value.localized("en")
    assert list(tmp_path.iterdir()) == []


def test_failure_keeps_the_previous_file(
    tmp_path: Path, pdf: bytes, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "out.pdf"
    target.write_bytes(b"previous")

    def broken_replace(src: object, dst: object) -> None:
        raise OSError(13, "Permission denied")

    monkeypatch.setattr(os, "replace", broken_replace)
    with pytest.raises(writer.ExportWriteError):
        writer.write_atomic(target, pdf, overwrite=True)
    assert target.read_bytes() == b"previous"
    assert [p.name for p in tmp_path.iterdir()] == ["out.pdf"]


@pytest.mark.parametrize(
    ("name", "setup"),
    [("missing/out.pdf", None), ("folder.pdf", "dir"), ("out.txt", None)],
)
def test_bad_targets_are_refused_before_writing(
    tmp_path: Path, pdf: bytes, name: str, setup: str | None
) -> None:
    target = tmp_path / name
    if setup == "dir":
        target.mkdir()
    with pytest.raises(InputError):
        writer.write_atomic(target, pdf)
    assert [p.name for p in tmp_path.iterdir()] == (["folder.pdf"] if setup else [])


def test_default_file_name_is_neutral() -> None:
    from datetime import date

    assert writer.default_filename(date(2026, 11, 21)) == "1on1-summary-2026-11-21.pdf"


def test_missing_pypdf_is_a_clear_error(pdf: bytes, monkeypatch: pytest.MonkeyPatch) -> None:
    import sys

    monkeypatch.setitem(sys.modules, "pypdf", None)  # makes "import pypdf" fail
    with pytest.raises(writer.ExportWriteError) as caught:
        writer.encrypt(pdf, "pw")
    assert "pypdf" in caught.value.localized("en")
