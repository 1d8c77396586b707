"""Property-based: whatever the arguments, the CLI answers with a message, never a bug.

Generated ids (huge, negative, zero, not numbers, other scripts' digits), dates (any text,
0001-01-01, 9999-12-31, 2024-02-30), names and texts (lone surrogates, NULs, control
characters, very long) go through the CLI's ``main`` in this process. For every call: the exit
status is 0 or 2 (never 70, the internal error), no traceback is printed, and a refused call
leaves the vault's content exactly as it was. Derandomized and bounded, so CI sees the same
examples every run in well under a minute.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.support.cli_inproc import InProcessVault

# Any code point, surrogates included (Python strings can hold them; argv does for bytes that
# are not UTF-8).
_ANY_CHAR = st.characters(codec=None, categories=None)

LONG = ["x" * 300, "あ" * 201, "y" * 100_001]

IDS = st.one_of(
    st.integers(min_value=-(10**40), max_value=10**40).map(str),
    st.sampled_from(["0", "-1", "1", "2", "²", "٣", "１", "9" * 5000, "", " ", "1e3", "0x10"]),
    st.text(_ANY_CHAR, max_size=12),
)
DATES = st.one_of(
    st.sampled_from(
        [
            "0001-01-01",
            "9999-12-31",
            "2024-02-30",
            "1899-12-31",
            "2201-01-01",
            "1900-01-01",
            "2200-12-31",
            "",
            "2026-01-05T10:00:00+14:00",
            "9999-12-31T23:59:59-12:00",
            "0001-01-01T00:00:00+12:00",
            "２０２６-０１-０５",
        ]
    ),
    st.dates().map(lambda d: d.isoformat()),
    st.datetimes().map(lambda d: d.isoformat()),
    st.text(_ANY_CHAR, max_size=25),
)
TEXTS = st.one_of(
    st.text(_ANY_CHAR, max_size=40),
    st.sampled_from(["\udc80", "a\x00b", "\ud800x", "\x1b[31m", "<b>&", *LONG]),
)
NAMES = st.one_of(TEXTS, st.sampled_from(["Emily Carter", "Emily", "1", "e@example.com"]))
SMALL = st.one_of(st.integers(-5, 400).map(str), st.sampled_from(["", "²", "1" * 30, "x"]))


@st.composite
def command(draw: st.DrawFn) -> tuple[list[str], bytes]:
    """One CLI call, built from a template of the commands that take user input, and the
    content of :data:`NOTE_FILE` for the call."""
    if draw(st.integers(0, 14)) < 14:
        return draw(_argv()), b""
    # Note text from a file: any bytes (not UTF-8, a BOM, NULs, too long).
    content = draw(
        st.one_of(
            st.binary(max_size=60),
            st.text(_ANY_CHAR, max_size=30).map(lambda t: t.encode("utf-8", "surrogatepass")),
            st.sampled_from([b"\xef\xbb\xbf\xff", b"x" * 400_005, b"career:ok\nno colon\n"]),
        )
    )
    option = draw(st.sampled_from(["--shared-file", "--private-file", "--topic-file"]))
    return ["meeting", "add", "Emily Carter", option, NOTE_FILE], content


@st.composite
def _argv(draw: st.DrawFn) -> list[str]:
    kind = draw(st.integers(0, 13))
    if kind == 0:
        return ["meeting", "show", draw(IDS), *draw(st.sampled_from([[], ["--json"]]))]
    if kind == 1:
        return ["action", "done", draw(IDS)]
    if kind == 2:
        return ["meeting", "list", draw(st.one_of(IDS, NAMES)), "--limit", draw(SMALL)]
    if kind == 3:
        return ["person", "add", draw(NAMES), "--started", draw(DATES), "--cadence", draw(SMALL)]
    if kind == 4:
        return ["person", "add", draw(NAMES), "--email", draw(TEXTS), "--role", draw(TEXTS)]
    if kind == 5:
        return ["meeting", "add", draw(NAMES), "--at", draw(DATES), "--status", draw(TEXTS)]
    if kind == 6:
        return [
            "meeting", "add", "Emily Carter", "--mood", draw(SMALL), "--private", draw(TEXTS),
            "--shared", draw(TEXTS), "--purpose", draw(TEXTS),
        ]  # fmt: skip
    if kind == 7:
        return [
            "meeting", "add", "Emily Carter", "--topic", f"{draw(TEXTS)}:{draw(TEXTS)}",
            "--action", f"{draw(TEXTS)}:{draw(TEXTS)}@{draw(DATES)}",
        ]  # fmt: skip
    if kind == 8:
        return ["stats", "--from", draw(DATES), "--to", draw(DATES)]
    if kind == 9:
        return ["search", draw(TEXTS), "--limit", draw(SMALL)]
    if kind == 10:
        return ["calendar-keywords", "--set", draw(TEXTS), "--exclude", draw(TEXTS)]
    if kind == 11:
        return ["import-ics", draw(TEXTS) + ".ics", "--from", draw(DATES), "--to", draw(DATES)]
    if kind == 12:
        # Only refused exports (no meeting 0 or person "nobody"), so no PDF is built: the
        # point is the arguments, and reportlab would make each example slow.
        return [
            "export-pdf", "--meeting", "0", "-o", draw(st.one_of(TEXTS, st.just(""))),
            "--password-env", draw(st.sampled_from(["", "NO_SUCH_VAR", "PATH"])),
        ]  # fmt: skip
    return [
        "export-pdf", "--person", "nobody", "--from", draw(DATES), "--to", draw(DATES),
        "-o", "out.pdf",
    ]  # fmt: skip


#: The file a generated command may read (written in the test's folder before the call).
NOTE_FILE = "note.bin"


@settings(
    max_examples=220,
    deadline=3000,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(call=command())
def test_any_arguments_get_a_message_never_an_internal_error(
    call: tuple[list[str], bytes], filled_vault: InProcessVault
) -> None:
    argv, content = call
    Path(NOTE_FILE).write_bytes(content)
    before = filled_vault.dump()
    result = filled_vault.run(*argv)
    assert result.code in (0, 2), (argv, result.err)
    assert "Traceback" not in result.err and "Internal error" not in result.err, argv
    if result.code != 0:
        assert filled_vault.dump() == before, argv


@pytest.fixture
def filled_vault(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> InProcessVault:
    """One vault for all the examples of a test (its key is in the test's in-memory keyring);
    relative output paths land in the test's folder."""
    monkeypatch.chdir(tmp_path)
    vault = InProcessVault.create(tmp_path / "vault")
    vault.ok("person", "add", "Emily Carter", "--email", "e@example.com")
    vault.ok("person", "add", "Emily Stone")
    vault.ok("meeting", "add", "Emily Carter", "--at", "2026-01-05", "--action", "manager:x")
    return vault
