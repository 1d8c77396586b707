"""Benchmark: the app on the ten-year demo vault, offscreen.

Run: ``scripts/bench`` (all benchmarks), or ``python -m bench.bench_ui`` (``--scales 1 3 10``,
``--repeat N``, ``--json FILE``). It needs the real Secret Service: run outside one, it starts a
throwaway gnome-keyring in its own D-Bus session (:func:`bench.common.in_secret_service`).

1. Start to an interactive dashboard: a fresh process that starts Taiwa through its entry point
   exactly as ``taiwa`` does (arguments, the start-up open with the key from the Secret Service,
   Qt, font, translations, window, the session bus for the lock watcher) and waits until the
   dashboard shows its numbers and no work is pending — against a fresh process that reads the
   same key from the Secret Service, imports PySide6 and shows a bare ``QMainWindow``,
   interleaved in the same run (budget 2.5x); and
   the peak RSS of both (budget 1.8x).
2. Opening a person with 200 meetings (profile, lazy meeting log, actions, charts) and switching
   between that person's meetings in the editor: median times in one process (budget 100 ms, a
   pause a user does not see as one).

Each on the ten-year demo vault at 1x, 3x (300 people) and 10x (:mod:`bench.scaled`), a
keyring-mode copy whose key is in the throwaway Secret Service.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from bench.common import Result, compile_sources, in_secret_service, paired_ms, quick_warmup, report

REPO = Path(__file__).resolve().parent.parent
SWITCH_BUDGET_MS = 100.0


# The process's peak resident size in KB, read when it is ready.
_RSS = r"""
def rss():
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    return 0
"""

# The floor reads the vault's key from the Secret Service, as the app must before its dashboard
# (and as bench_cli's floor does): without it the floor left out work no start can skip.
FLOOR_CHILD = (
    _RSS
    + r"""
import sys
import keyring.backends.SecretService
key = keyring.backends.SecretService.Keyring().get_password("Taiwa", sys.argv[1])
assert key, "the floor found no key in the Secret Service"
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication([sys.argv[0]])
window = QMainWindow()
window.resize(1200, 800)
window.show()
app.processEvents()
print("ready", rss(), flush=True)
"""
)

# The app children start Taiwa through its real entry point (``taiwa --vault DIR --lang en``:
# argument parsing, the start-up open, Qt, the window). Only ``taiwa.ui.app.run`` is replaced,
# as its module is imported, by one that runs the same ``launch`` and then, instead of the
# plain event loop, reports when the screen is there.
_ENTRY = r"""
import sys
from importlib.machinery import PathFinder


def until_ready(module):
    def run(vault_dir, *, lang=None, opening=None):
        window = module.launch(vault_dir, lang=lang, opening=opening)
        return ready(module, window)

    return run


# A finder and loader by their methods alone: importlib.abc would import importlib.resources,
# tempfile, zipfile and more into the measured process, a cost of the harness, not of the app.
class _PatchRun:
    def find_spec(self, name, path, target=None):
        if name != "taiwa.ui.app":
            return None
        sys.meta_path.remove(self)
        spec = PathFinder.find_spec(name, path)
        self._loader = spec.loader
        spec.loader = self
        return spec

    def create_module(self, spec):
        return self._loader.create_module(spec)

    def exec_module(self, module):
        self._loader.exec_module(module)
        module.run = until_ready(module)


sys.meta_path.insert(0, _PatchRun())
from taiwa.__main__ import main

sys.exit(main(["--vault", sys.argv[1], "--lang", "en"]))
"""

SHOWN_CHILD = (
    r"""
def ready(module, window):
    module.application().processEvents()
    print("ready", rss(), flush=True)
    return 0
"""
    + _RSS
    + _ENTRY
)

APP_CHILD = (
    r"""
def ready(module, window):
    from PySide6.QtCore import QTimer
    from taiwa.ui import ops

    module.freeze_startup_objects()  # as taiwa.ui.app.run does
    ctx = window.ctx
    app = module.application()

    def check():
        page = window.pages().get("dashboard")
        if ctx.is_unlocked and page is not None and getattr(page, "data", None) is not None \
                and ops.pending_count() == 0:
            app.processEvents()
            print("ready", rss(), flush=True)
            window.close()
            app.quit()
            return
        QTimer.singleShot(2, check)

    QTimer.singleShot(0, check)
    return app.exec()
"""
    + _RSS
    + _ENTRY
)


def _env(work: Path) -> dict[str, str]:
    # The session's D-Bus and Secret Service stay; the keyring is the platform's own choice.
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("TAIWA_", "PYTHON_KEYRING", "PYTHONDONTWRITEBYTECODE"))
    }
    path = [str(REPO / "desktop"), str(REPO), env.get("PYTHONPATH", "")]
    env.update(
        QT_QPA_PLATFORM="offscreen",
        PYTHONPATH=os.pathsep.join(path).rstrip(os.pathsep),
        TAIWA_CONFIG_DIR=str(work / "config"),
        TAIWA_LANG="en",
    )
    return env


def _run_child(code: str, args: list[str], env: dict[str, str], rss: list[int]) -> None:
    """Run a child until it prints "ready" (the time measured), then end it.

    The app may still be finishing background work (the deferred integrity check) when its
    dashboard is usable; that is not part of "start to a usable dashboard".
    """
    with subprocess.Popen(
        [sys.executable, "-c", code, *args],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    ) as proc:
        assert proc.stdout is not None
        line = proc.stdout.readline()
        proc.kill()
        _, err = proc.communicate(timeout=60)
    words = line.split()
    if not words or words[0] != "ready":
        raise RuntimeError(f"child failed ({proc.returncode}): {err[-800:]}")
    rss.append(int(words[1]))


def _vault_id(vault: Path) -> str:
    from taiwa.vault.header import read_header

    return read_header(vault).vault_id


def bench_start(vault: Path, env: dict[str, str], repeat: int, scale: int) -> list[Result]:
    ours_rss: list[int] = []
    floor_rss: list[int] = []
    ours, floor = paired_ms(
        lambda: _run_child(APP_CHILD, [str(vault)], env, ours_rss),
        lambda: _run_child(FLOOR_CHILD, [_vault_id(vault)], env, floor_rss),
        repeat=repeat,
        warmup=quick_warmup(repeat),
    )
    rss, base = statistics.median(ours_rss) / 1024, statistics.median(floor_rss) / 1024
    print(f"peak RSS at {scale}x: Taiwa {rss:.0f} MB, bare window {base:.0f} MB", flush=True)
    return [
        Result("app start to an interactive dashboard (process)", ours, floor, 2.5, scale=scale),
        # In MB, not ms: the table's "floor" and "ours" columns hold the peak resident sizes.
        Result("app peak RSS at the dashboard (MB)", rss, base, 1.8, unit="MB", scale=scale),
    ]


def bench_window_shown(vault: Path, env: dict[str, str], repeat: int, scale: int) -> Result:
    """Diagnostic: start until the window is on screen (the vault still opening)."""
    ignored: list[int] = []
    ours, floor = paired_ms(
        lambda: _run_child(SHOWN_CHILD, [str(vault)], env, ignored),
        lambda: _run_child(FLOOR_CHILD, [_vault_id(vault)], env, ignored),
        repeat=repeat,
        warmup=quick_warmup(repeat),
    )
    return Result("  (diagnostic) start until the window is shown", ours, floor, None, scale=scale)


def _settle(app: Any) -> None:
    from taiwa.ui import ops

    while True:
        ops.wait_for_pending()
        app.processEvents()
        if ops.pending_count() == 0:
            break


def bench_person_and_meetings(vault: Path, work: Path, repeat: int) -> list[Result]:
    os.environ.update(QT_QPA_PLATFORM="offscreen")
    os.environ["TAIWA_CONFIG_DIR"] = str(work / "config")
    from taiwa.prefs import Prefs
    from taiwa.ui import app as app_module
    from taiwa.ui.context import AppContext

    app = app_module.application()
    prefs = Prefs.load()
    app_module.setup(app, prefs, "en")
    ctx = AppContext(vault, prefs=prefs)
    window = app_module.build_window(ctx)
    window.resize(1200, 800)
    window.show()
    window.start()
    while not ctx.is_unlocked:
        app.processEvents()
        time.sleep(0.005)
    _settle(app)
    store = ctx.store
    people = sorted(store.people.list(), key=lambda p: -store.meetings.count_for_person(p.id))
    chosen = people[: max(2, repeat)]
    counts = [store.meetings.count_for_person(p.id) for p in chosen]

    person_times: list[float] = []
    for i in range(repeat + 1):
        person = chosen[i % len(chosen)]
        window.show_page("dashboard")
        _settle(app)
        start = time.perf_counter()
        ctx.events.open_person.emit(person.id)
        _settle(app)
        if i:  # the first opening warms caches and imports
            person_times.append((time.perf_counter() - start) * 1000)

    meetings = store.meetings.list_for_person(chosen[0].id, limit=repeat * 2 + 1)
    ctx.events.open_meeting.emit(meetings[0].id)
    _settle(app)
    switch_times: list[float] = []
    for meeting in meetings[1:]:
        start = time.perf_counter()
        ctx.events.open_meeting.emit(meeting.id)
        _settle(app)
        switch_times.append((time.perf_counter() - start) * 1000)
    window.close()
    return [
        Result(
            f"open a person with {min(counts)}-{max(counts)} meetings (median)",
            statistics.median(person_times),
            None,
            SWITCH_BUDGET_MS,
        ),
        Result(
            "switch meetings in the editor (median)",
            statistics.median(switch_times),
            None,
            SWITCH_BUDGET_MS,
        ),
    ]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--scales", type=int, nargs="+", default=[1, 3, 10])
    parser.add_argument("--json", metavar="FILE")
    args = parser.parse_args(argv)
    in_secret_service("bench.bench_ui", argv)
    from bench.scaled import keyring_copy

    work = Path(tempfile.mkdtemp(prefix="taiwa-bench-ui-"))
    try:
        compile_sources()
        env = _env(work)
        results: list[Result] = []
        for scale in args.scales:
            vault = keyring_copy(scale, work / f"{scale}x")
            results += bench_start(vault, env, args.repeat, scale)
            results.append(bench_window_shown(vault, env, args.repeat, scale))
        # In this process (its Qt application is made once): the ten-year vault only.
        results += bench_person_and_meetings(work / f"{args.scales[0]}x", work, args.repeat)
        return report(results, args.json)
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
