"""`taiwa prep`, `prep-answers` and `recap` as a user runs them: shared content only, bad input
refused with one clear line and nothing written."""

from __future__ import annotations

import contextlib
import json
import os
import shlex
import shutil
import time
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest

from taiwa.domain.models import Theme
from taiwa.prep import answers
from tests.support.vaults import CliVault

PRIVATE = "PRIVATE-SENTINEL-8842"
LONG_JA = "チームを移りたい気持ちがあります。" * 6
LONG_EN = ("I would like to talk about moving to the platform team next year, " * 3).strip()
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


class _Browser:
    """Headless Chromium driven over its DevTools pipe (fd 3 in, fd 4 out), standard library only."""

    def __init__(self, binary: str, profile: Path) -> None:
        import subprocess

        cmd_r, self._cmd_w = os.pipe()
        self._resp_r, resp_w = os.pipe()
        flags = (
            "--headless --disable-gpu --no-sandbox --no-first-run --remote-debugging-pipe"
            " --disable-background-networking --disable-component-update --disable-sync"
            f" --user-data-dir={shlex.quote(str(profile))}"
        )
        self.proc = subprocess.Popen(
            ["bash", "-c", f"exec {shlex.quote(binary)} {flags} 3<&{cmd_r} 4>&{resp_w}"],
            pass_fds=(cmd_r, resp_w),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        os.close(cmd_r)
        os.close(resp_w)
        self._buffer = b""
        self._next = 0
        self.events: list[dict[str, Any]] = []

    def call(self, method: str, session: str | None = None, **params: Any) -> dict[str, Any]:
        self._next += 1
        message: dict[str, Any] = {"id": self._next, "method": method, "params": params}
        if session:
            message["sessionId"] = session
        os.write(self._cmd_w, json.dumps(message).encode() + b"\0")
        while True:
            reply = self._read()
            if reply.get("id") == self._next:
                assert "error" not in reply, reply
                return dict(reply["result"])
            self.events.append(reply)

    def _read(self) -> dict[str, Any]:
        while b"\0" not in self._buffer:
            chunk = os.read(self._resp_r, 65536)
            assert chunk, "chromium closed its DevTools pipe"
            self._buffer += chunk
        raw, self._buffer = self._buffer.split(b"\0", 1)
        return dict(json.loads(raw))

    def evaluate(self, session: str, expression: str) -> Any:
        result = self.call("Runtime.evaluate", session, expression=expression, returnByValue=True)
        return result["result"].get("value")

    def close(self) -> None:
        with contextlib.suppress(OSError, AssertionError):
            self.call("Browser.close")
        try:
            self.proc.wait(timeout=10)
        except Exception:
            self.proc.kill()
            self.proc.wait()
        os.close(self._cmd_w)
        os.close(self._resp_r)


@pytest.mark.slow
def test_html_sheet_works_offline_in_chromium_and_round_trips(filled: CliVault) -> None:
    binary = shutil.which("chromium") or shutil.which("chromium-browser")
    if binary is None:
        pytest.skip("chromium is not installed (apt-get install chromium; scripts/setup --dev)")
    html = out(filled) / "sheet.html"
    done = filled.run("prep", "鈴木", "--format", "html", "-o", str(html))
    assert done.returncode == 0, done.stderr
    browser = _Browser(binary, filled.tmp / "chromium-profile")
    try:
        target = browser.call("Target.createTarget", url="about:blank")["targetId"]
        session = browser.call("Target.attachToTarget", targetId=target, flatten=True)["sessionId"]
        browser.call("Network.enable", session)
        browser.call("Page.enable", session)
        browser.call("Page.navigate", session, url=html.as_uri())
        deadline = time.monotonic() + 20
        while browser.evaluate(session, "document.readyState") != "complete":
            assert time.monotonic() < deadline, "the sheet did not load"
            time.sleep(0.05)
        answer = browser.evaluate(
            session,
            "(function(){"
            f"document.getElementById('t-career').value = {json.dumps(LONG_JA)};"
            f"document.getElementById('t-growth').value = {json.dumps(LONG_EN)};"
            "document.getElementById('t-work').value = 'on-call load\\n\\nrelease plan';"
            "document.getElementById('make').click();"
            "return document.getElementById('answer').value;"
            "})()",
        )
        requested = [
            e["params"]["request"]["url"]
            for e in browser.events
            if e.get("method") == "Network.requestWillBeSent"
        ]
    finally:
        browser.close()
    assert isinstance(answer, str) and answer.startswith(answers.BEGIN)
    # Nothing but the file itself was loaded: no network, no external resource.
    assert requested and all(url.startswith("file:") for url in requested), requested
    reply = out(filled) / "from-browser.txt"
    reply.write_text("> " + answer.replace("\n", "\n> "), encoding="utf-8")  # quoted in a reply
    added = filled.run("prep-answers", "鈴木", str(reply))
    assert added.returncode == 0, added.stderr
    assert "Added 4 item(s)" in added.stdout
    assert LONG_JA in added.stdout and LONG_EN in added.stdout
    # The page's script folds long items exactly as answers.block() does.
    person = int(html.read_text(encoding="utf-8").split('data-person="')[1].split('"')[0])
    expected = answers.block(
        person,
        datetime.now(UTC).date(),
        [
            (Theme.WORK, "on-call load"),
            (Theme.WORK, "release plan"),
            (Theme.GROWTH, LONG_EN),
            (Theme.CAREER, LONG_JA),
        ],
    )
    assert answer == expected
    assert max(len(line) for line in answer.splitlines()) > answers.FOLD_WIDTH // 2


@pytest.mark.slow
def test_reminder_settings(filled: CliVault) -> None:
    done = filled.run("reminders", "--lead", "25", "--names", "--json")
    assert done.returncode == 0, done.stderr
    shown = json.loads(done.stdout)
    assert shown["lead_minutes"] == 25 and shown["show_names"] is True
    assert isinstance(shown["reminders"], list)
    done = filled.run("--lang", "ja", "reminders", "--lead", "9999")
    assert done.returncode == 2 and "1440" in done.stderr
    done = filled.run("reminders", "--no-names")
    assert done.returncode == 0 and "25 min" in done.stdout and "names shown: no" in done.stdout
