"""Decoding .ics bytes: BOMs, UTF-16, legacy Japanese and Western encodings, non-text."""

from __future__ import annotations

import codecs
from types import SimpleNamespace

import pytest

from taiwa.ics import decode, errors

CAL = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nSUMMARY:面談 山田\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
WEST = CAL.replace("面談 山田", "Entretien café – Zoë")


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (CAL.encode("utf-8"), CAL),
        (codecs.BOM_UTF8 + CAL.encode("utf-8"), CAL),
        (codecs.BOM_UTF16_LE + CAL.encode("utf-16-le"), CAL),
        (codecs.BOM_UTF16_BE + CAL.encode("utf-16-be"), CAL),
        (CAL.encode("utf-16-le"), CAL),  # UTF-16 without a BOM
        (CAL.encode("utf-16-be"), CAL),
        (CAL.encode("cp932"), CAL),  # Japanese Outlook
        (CAL.encode("shift_jis"), CAL),
        (WEST.encode("cp1252"), WEST),  # Western Outlook
    ],
    ids=["utf8", "utf8-bom", "utf16le-bom", "utf16be-bom", "utf16le", "utf16be", "cp932",
         "shift_jis", "cp1252"],
)  # fmt: skip
def test_decodes_every_encoding_calendars_use(data: bytes, expected: str) -> None:
    text = decode.decode(data, "cal.ics")
    assert text == expected.replace("\r\n", "\n")  # one newline convention, as scan wants
    assert "\ufffd" not in text


def test_shift_jis_never_becomes_replacement_characters() -> None:
    # What icalendar does on its own: UTF-8 with replacement turns 面談 into U+FFFD.
    data = CAL.encode("cp932")
    assert "面談" not in data.decode("utf-8", errors="replace")
    assert "面談 山田" in decode.decode(data, "cal.ics")


def test_a_utf8_file_with_a_few_damaged_bytes_stays_utf8() -> None:
    text = CAL.replace("面談 山田", "面談 山田 定例ミーティング 来週の議題")
    data = text.encode("utf-8").replace("来".encode(), b"\xe6?\x9d")
    decoded = decode.decode(data, "cal.ics")
    assert "面談 山田" in decoded and "定例ミーティング" in decoded


@pytest.mark.parametrize(
    ("data", "error"),
    [
        (b"", errors.IcsEmptyError),
        (b"  \r\n\t\n", errors.IcsEmptyError),
        (bytes(range(256)) * 40, errors.IcsBinaryError),
        (b"\x89PNG\r\n\x1a\n" + b"\x00" * 64, errors.IcsBinaryError),
        (b"<!DOCTYPE html><html><body>BEGIN:VCALENDAR</body></html>", errors.IcsHtmlError),
        (b"\n\n<html><head><title>Sign in</title></head></html>", errors.IcsHtmlError),
        (b"Just some notes, not a calendar at all.\n", errors.IcsNotCalendarError),
    ],
    ids=["empty", "blank", "binary", "png", "html", "html-late", "plain-text"],
)
def test_non_calendars_get_their_own_message(data: bytes, error: type[Exception]) -> None:
    with pytest.raises(error) as caught:
        decode.decode(data, "export.ics")
    message = str(caught.value)
    assert message.startswith("export.ics: ")
    assert "Sign in" not in message and "notes" not in message


def test_size_cap_refuses_before_reading(tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    big = tmp_path / "huge.ics"
    with big.open("wb") as handle:
        handle.write(b"BEGIN:VCALENDAR\r\n")
        handle.truncate(decode.MAX_FILE_BYTES + 1)  # sparse: nothing to read
    opened: list[str] = []
    real_open = type(big).open

    def spy(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        opened.append(self.name)
        return real_open(self, *args, **kwargs)

    monkeypatch.setattr(type(big), "open", spy)
    with pytest.raises(errors.IcsTooLargeError) as caught:
        decode.read_file(big, "huge.ics")
    assert opened == []
    assert "larger than 96 MB" in str(caught.value)


def test_a_file_is_read_whole_and_a_grown_one_up_to_the_cap(tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    small = tmp_path / "small.ics"
    small.write_bytes(b"BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n")
    assert decode.read_file(small) == small.read_bytes()
    # The file grew after stat() saw 10 bytes: it is read whole, and refused past the cap.
    monkeypatch.setattr(decode, "MAX_FILE_BYTES", 64)
    monkeypatch.setattr(type(small), "stat", lambda self, **_: SimpleNamespace(st_size=10))
    grown = tmp_path / "grown.ics"
    grown.write_bytes(b"x" * 40)
    assert decode.read_file(grown) == b"x" * 40
    grown.write_bytes(b"x" * 100)
    with pytest.raises(errors.IcsTooLargeError):
        decode.read_file(grown)


def test_missing_and_folder(tmp_path) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(errors.IcsFileMissingError):
        decode.read_file(tmp_path / "nope.ics")
    with pytest.raises(errors.IcsUnreadableError):
        decode.read_file(tmp_path)


def test_messages_are_translated() -> None:
    with pytest.raises(errors.IcsEmptyError) as caught:
        decode.decode(b"", "予定.ics")
    assert caught.value.localized("ja") == "予定.ics: ファイルが空です。"
