"""Nothing leaves the laptop: every workflow runs with network sockets made to fail loudly.

In-process (the GUI and the services it calls): ``socket.socket``, ``socket.create_connection``,
``socket.getaddrinfo`` and friends are replaced by tripwires that record the attempt and raise.
Subprocesses (the CLI, and the GUI rendering every screen with ``taiwa screenshots``) get the
same tripwires through a ``sitecustomize`` module on PYTHONPATH, which logs attempts to a file.
Each test first proves its tripwire fires, so a passing run means "not attempted", not "not
noticed".
"""

from __future__ import annotations

import json
import socket
import subprocess
import sys
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

SITECUSTOMIZE = r"""
import json, os, socket

_LOG = os.environ["TAIWA_NO_NET_LOG"]


def _trip(what, *args):
    with open(_LOG, "a", encoding="utf-8") as handle:
        handle.write(json.dumps({"call": what, "args": repr(args)[:200]}) + "\n")
    raise OSError(f"network access attempted in a no-network test: {what}")


class _Socket(socket.socket):
    def __init__(self, family=-1, type=-1, proto=-1, fileno=None):
        if fileno is None and family in (-1, socket.AF_INET, socket.AF_INET6):
            _trip("socket", family, type)
        super().__init__(family, type, proto, fileno)

    def connect(self, address):
        if self.family != socket.AF_UNIX:
            _trip("connect", address)
        return super().connect(address)

    def connect_ex(self, address):
        if self.family != socket.AF_UNIX:
            _trip("connect_ex", address)
        return super().connect_ex(address)


socket.socket = _Socket
socket.create_connection = lambda *a, **k: _trip("create_connection", *a)
socket.getaddrinfo = lambda *a, **k: _trip("getaddrinfo", *a)
socket.gethostbyname = lambda *a, **k: _trip("gethostbyname", *a)
"""

ICS = """BEGIN:VCALENDAR
VERSION:2.0
PRODID:-//Test//EN
BEGIN:VEVENT
UID:nonet-1@example.com
DTSTAMP:20260101T000000Z
DTSTART:{start}
DTEND:{end}
SUMMARY:1on1 Aiko / Boss
ORGANIZER:mailto:boss@example.com
ATTENDEE:mailto:boss@example.com
ATTENDEE:mailto:aiko@example.com
END:VEVENT
END:VCALENDAR
"""


def _ics(folder: Path) -> Path:
    start = (datetime.now(UTC) + timedelta(days=3)).replace(
        hour=10, minute=0, second=0, microsecond=0
    )
    path = folder / "cal.ics"
    fmt = "%Y%m%dT%H%M%SZ"
    path.write_text(
        ICS.format(
            start=start.strftime(fmt), end=(start + timedelta(minutes=30)).strftime(fmt)
        ).replace("\n", "\r\n"),
        encoding="utf-8",
    )
    return path


class Tripwire:
    def __init__(self) -> None:
        self.attempts: list[str] = []

    def trip(self, what: str) -> None:
        self.attempts.append(what)
        raise OSError(f"network access attempted in a no-network test: {what}")


@pytest.fixture
def no_network(monkeypatch: pytest.MonkeyPatch) -> Iterator[Tripwire]:
    wire = Tripwire()
    real = socket.socket

    class GuardedSocket(real):  # type: ignore[misc,valid-type]
        def __init__(
            self, family: int = -1, type: int = -1, proto: int = -1, fileno: Any = None
        ) -> None:
            if fileno is None and family in (-1, socket.AF_INET, socket.AF_INET6):
                wire.trip(f"socket({family})")
            super().__init__(family, type, proto, fileno)

        def connect(self, address: Any) -> None:
            if self.family != socket.AF_UNIX:
                wire.trip(f"connect({address!r})")
            super().connect(address)

    monkeypatch.setattr(socket, "socket", GuardedSocket)
    for name in ("create_connection", "getaddrinfo", "gethostbyname", "gethostbyname_ex"):
        monkeypatch.setattr(socket, name, lambda *a, _n=name, **k: wire.trip(_n))
    # The tripwire works (so "no attempts" below means none were made).
    with pytest.raises(OSError, match="network access attempted"):
        socket.create_connection(("127.0.0.1", 9))
    with pytest.raises(OSError, match="network access attempted"):
        socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    wire.attempts.clear()
    yield wire


@pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints\(\)")
def test_gui_workflows_make_no_network_attempt(
    qtbot: Any, tmp_path: Path, no_network: Tripwire, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtWidgets import QPlainTextEdit

    from taiwa.export.model import DocKind
    from taiwa.export.service import ExportRequest, build
    from taiwa.ics.service import apply_import, plan_import
    from taiwa.ui.context import AppContext
    from taiwa.ui.main_window import MainWindow

    monkeypatch.setenv("TAIWA_NO_DBUS", "1")
    ctx = AppContext(tmp_path / "vault")
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    window.start()
    # Create the vault through first run.
    screen = window._first_run
    screen.create_button.click()
    qtbot.waitUntil(lambda: screen.steps.currentIndex() == 1, timeout=15_000)
    screen.kept.setChecked(True)
    screen.continue_button.click()
    assert ctx.is_unlocked
    # Write: a person and a meeting, typed in the editor.
    store = ctx.store
    person = store.people.add("Aiko Tanaka", emails=("aiko@example.com",))
    meeting = store.meetings.create(person.id, datetime.now(UTC), status="held")
    ctx.events.open_meeting.emit(meeting.id)
    page = window.page("meeting")
    assert page is not None
    edit = page.findChild(QPlainTextEdit, "sharedNotesEdit")
    qtbot.keyClicks(edit, "career talk")
    page.flush()
    # Search through the search page.
    window.search_field.setText("career")
    window.search_field.returnPressed.emit()
    qtbot.wait(300)
    # Import and export (the services the dialogs run), then lock and unlock.
    plan = plan_import(ctx.db, [_ics(tmp_path)], owner="boss@example.com")
    apply_import(ctx.db, plan)
    pdf = build(store, ExportRequest(DocKind.MEETING, meeting.id))
    assert pdf.startswith(b"%PDF")
    ctx.set_privacy_mode(True)
    ctx.set_privacy_mode(False)
    window.lock()
    window._unlock.unlock_button.click()
    qtbot.waitUntil(lambda: ctx.is_unlocked, timeout=10_000)
    assert no_network.attempts == []
    window.close()


def _sitecustomize(tmp_path: Path, env: dict[str, str]) -> tuple[dict[str, str], Path]:
    folder = tmp_path / "nonet"
    folder.mkdir()
    (folder / "sitecustomize.py").write_text(SITECUSTOMIZE, encoding="utf-8")
    log = tmp_path / "net-attempts.jsonl"
    env = dict(env)
    env["PYTHONPATH"] = str(folder) + (":" + env["PYTHONPATH"] if env.get("PYTHONPATH") else "")
    env["TAIWA_NO_NET_LOG"] = str(log)
    return env, log


def _attempts(log: Path) -> list[dict[str, str]]:
    if not log.exists():
        return []
    return [json.loads(line) for line in log.read_text(encoding="utf-8").splitlines() if line]


@pytest.mark.slow
def test_cli_and_gui_subprocesses_make_no_network_attempt(cli_vault: Any, tmp_path: Path) -> None:
    env, log = _sitecustomize(tmp_path, cli_vault.env)
    # The tripwire is active in subprocesses.
    probe = subprocess.run(
        [sys.executable, "-c", "import socket; socket.create_connection(('127.0.0.1', 9))"],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert probe.returncode != 0 and "network access attempted" in probe.stderr
    assert len(_attempts(log)) == 1
    log.unlink()

    def run(*args: str) -> str:
        done = subprocess.run(
            [sys.executable, "-m", "taiwa", *args],
            env=env,
            capture_output=True,
            text=True,
            check=False,
            timeout=240,
        )
        assert done.returncode == 0, (args, done.stderr[-1500:])
        return done.stdout

    run("person", "add", "Aiko Tanaka", "--email", "aiko@example.com")
    run(
        "meeting",
        "add",
        "Aiko Tanaka",
        "--status",
        "held",
        "--shared",
        "career talk",
        "--private",
        "secret",
    )
    run("search", "career")
    run("stats")
    run("signals")
    run("import-ics", str(_ics(tmp_path)), "--owner", "boss@example.com")
    run("upcoming")
    run("export-pdf", "--person", "Aiko Tanaka", "-o", str(tmp_path / "out.pdf"))
    run("backup", str(tmp_path / "b.taiwa-backup"))
    run("doctor")
    # The GUI: every main screen of a demo vault (create, unlock, write, search, privacy, lock).
    shots = run("screenshots", str(tmp_path / "shots"), "--lang", "ja")
    assert len(shots.splitlines()) >= 8
    assert _attempts(log) == []
