"""Bad input through ``taiwa import-ics``: a clear message that quotes nothing of the file,
bounded time and memory, and a vault left byte for byte as it was (hashes of its files)."""

from __future__ import annotations

import codecs
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path

import pytest

from taiwa.cli import main
from taiwa.ics import scan, service
from taiwa.store import Store
from tests.support.vaults import snapshot
from tests.unit.ics.conftest import DATA, WINDOW

SENTINEL = "SENTINEL-CONTENT-面談"
EVENT = (
    "BEGIN:VEVENT\r\nUID:{uid}\r\nDTSTART:{start}\r\nDTEND:20260112T013000Z\r\n{extra}"
    "ORGANIZER:mailto:manager@example.com\r\nATTENDEE;PARTSTAT=ACCEPTED:mailto:taro.yamada@example.com\r\n"
    "SUMMARY:1on1 {summary}\r\nEND:VEVENT\r\n"
)


def calendar(*events: str) -> str:
    return (
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//t//t//EN\r\n"
        + "".join(events)
        + "END:VCALENDAR\r\n"
    )


def event(
    uid: str = "e", start: str = "20260112T010000Z", extra: str = "", bad: bool = True
) -> str:
    """An event; a bad one carries the sentinel, which no output may ever show."""
    return EVENT.format(uid=uid, start=start, extra=extra, summary=SENTINEL if bad else "ok")


class Vault:
    def __init__(self, folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
        from taiwa.vault.service import create_vault

        self.dir = folder
        self.capsys = capsys
        created = create_vault(folder)
        Store(created.database).people.add("Taro Yamada", emails=["taro.yamada@example.com"])
        created.database.close()

    def run(self, *args: str) -> tuple[int, str, str]:
        self.capsys.readouterr()
        code = main(["--vault", str(self.dir), *args])
        out, err = self.capsys.readouterr()
        return code, out, err


@pytest.fixture
def vault(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Vault:
    return Vault(tmp_path / "vault", capsys)


def _truncated() -> bytes:
    text = (DATA / "google_export.ics").read_text()
    return text[: text.index("SUMMARY:Weekly sync", 2000)].encode()


def _many_events() -> bytes:
    return calendar(*(event(uid=f"e{i}") for i in range(scan.MAX_EVENTS + 1))).encode()


def _long_line() -> bytes:
    huge = "DESCRIPTION:" + "A" * (10 * 1024 * 1024) + "\r\n"
    return calendar(event("huge", extra=huge), event("fine", bad=False)).encode()


BAD: dict[str, tuple[Callable[[], bytes], str]] = {
    "empty": (lambda: b"", "the file is empty"),
    "binary": (lambda: bytes(range(256)) * 64, "not a text file"),
    "html": (
        f"<!DOCTYPE html><html><title>{SENTINEL}</title>BEGIN:VCALENDAR</html>".encode,
        "web page",
    ),
    "not-a-calendar": (f"Notes: {SENTINEL}\n".encode, "no calendar"),
    "truncated": (_truncated, "problem(s)"),
    "10MB-line": (_long_line, "problem(s)"),
    "past-the-event-cap": (_many_events, "more than 150000 events"),
    "endless-secondly": (
        lambda: calendar(event(extra="RRULE:FREQ=SECONDLY\r\n")).encode(),
        "problem(s)",
    ),
    "endless-from-year-1": (
        lambda: calendar(event(start="00010101T010000Z", extra="RRULE:FREQ=DAILY\r\n")).encode(),
        "problem(s)",
    ),
    "unknown-tzid": ((DATA / "unknown_tz.ics").read_bytes, "problem(s)"),
    "malformed-lines": ((DATA / "bad_mixed.ics").read_bytes, "problem(s)"),
}


@pytest.mark.parametrize("case", list(BAD))
def test_bad_input_changes_nothing_and_quotes_nothing(
    vault: Vault, tmp_path: Path, case: str
) -> None:
    make, expected = BAD[case]
    path = tmp_path / f"{case}.ics"
    path.write_bytes(make())
    before = snapshot(vault.dir)
    started = time.perf_counter()
    code, out, err = vault.run(
        "import-ics", str(path), "--from", "2026-01-01", "--to", "2026-02-28"
    )
    assert time.perf_counter() - started < 30
    assert code == 2, err
    assert expected in err
    assert err.count("\n") == 1 and err.startswith("taiwa: ")
    for text in (out, err):
        assert SENTINEL not in text and "SENTINEL" not in text and "AAAAAAAA" not in text
    assert snapshot(vault.dir) == before


def test_a_100_mb_file_is_refused_before_it_is_read(vault: Vault, tmp_path: Path) -> None:
    path = tmp_path / "huge.ics"  # 100 MB, sparse
    with path.open("wb") as handle:
        handle.write(calendar(event(bad=False)).encode())
        handle.seek(100 * 1024 * 1024)
        handle.write(b"END:VCALENDAR\r\n")
    before = snapshot(vault.dir)
    code, _, err = vault.run("import-ics", str(path))
    assert code == 2 and "larger than 96 MB" in err
    assert snapshot(vault.dir) == before


def test_json_output_reports_a_bad_file(vault: Vault, tmp_path: Path) -> None:
    import json

    path = tmp_path / "empty.ics"
    path.write_bytes(b"")
    code, out, _ = vault.run("import-ics", str(path), "--json")
    assert code == 2
    doc = json.loads(out)
    assert doc["occurrences"] == [] and doc["added"] == 0
    assert [e["code"] for e in doc["errors"]] == ["ics_empty"]


@pytest.mark.parametrize(
    "encode",
    [
        lambda t: codecs.BOM_UTF8 + t.encode(),
        lambda t: codecs.BOM_UTF16_LE + t.encode("utf-16-le"),
        lambda t: t.encode("utf-16-be"),
        lambda t: t.replace("\r\n", "\n", 7).encode(),  # CRLF/LF mix
    ],
    ids=["utf8-bom", "utf16-bom", "utf16-no-bom", "crlf-lf-mix"],
)
def test_encodings_and_newlines_import_fine(
    vault: Vault, tmp_path: Path, encode: Callable[[str], bytes]
) -> None:
    path = tmp_path / "ok.ics"
    path.write_bytes(encode(calendar(event(bad=False))))
    before = snapshot(vault.dir)
    code, out, err = vault.run(
        "import-ics", str(path), "--dry-run", "--from", "2026-01-01", "--to", "2026-01-31"
    )
    assert code == 0, err
    assert "Taro Yamada: 1 occurrence(s) — 1 to add" in out
    assert snapshot(vault.dir) == before  # a dry run writes nothing


def test_partial_import_only_with_the_flag(vault: Vault) -> None:
    path = DATA / "bad_mixed.ics"
    code, out, err = vault.run(
        "import-ics", str(path), "--from", "2026-01-01", "--to", "2026-01-31"
    )
    assert code == 2 and "--accept-partial" in err
    assert (
        "bad_mixed.ics, event 2 (line 18): the event's start, end or recurrence cannot be read"
        in out
    )
    code, out, err = vault.run(
        "import-ics", str(path), "--from", "2026-01-01", "--to", "2026-01-31", "--accept-partial"
    )
    assert code == 0, err
    assert "Imported: added 1, updated 0, cancelled 0, skipped 1." in out
    assert "New person proposed: hanako <hanako@example.com>" in out


def test_an_endless_daily_rule_is_bounded_by_the_window(vault: Vault, tmp_path: Path) -> None:
    path = tmp_path / "daily.ics"
    daily = event(start="20250101T010000Z", extra="RRULE:FREQ=DAILY\r\n", bad=False)
    path.write_bytes(calendar(daily).encode())
    code, out, err = vault.run(
        "import-ics", str(path), "--dry-run", "--from", "2026-01-01", "--to", "2026-01-10"
    )
    assert code == 0, err
    assert "10 occurrence(s)" in out


def test_memory_stays_bounded_for_a_10_mb_line(db, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "long.ics"
    path.write_bytes(_long_line())
    tracemalloc.start()
    try:
        result = service.plan_import(db, [path], window=WINDOW)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert [p.code for p in result.problems] == ["event_too_large"]
    assert peak < 120 * 1024 * 1024
