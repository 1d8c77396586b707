"""Benchmark: the app on the ten-year demo vault, offscreen.

Run: ``python -m bench.bench_ui`` (``--json FILE`` to keep the figures, ``--repeat N``,
``--size year`` for a quick look).

1. Start to a usable dashboard: a fresh process that starts Taiwa through its entry point
   exactly as ``taiwa`` does (arguments, the start-up open from the keyring, Qt, font,
   translations, window) and waits until the dashboard shows its numbers and no work is
   pending — against a fresh process that imports PySide6 and shows a bare ``QMainWindow``,
   interleaved in the same run (budget 3x).
2. Opening a person with 200 meetings (profile, lazy meeting log, actions, charts) and switching
   between that person's meetings in the editor: median times in one process (budget 100 ms, a
   pause a user does not see as one).

The demo vault is built once in a temporary folder; its key lives in a throwaway keyring file
there (:class:`bench.keyring_file.BenchKeyring`), never in the user's keyring.
"""

from __future__ import annotations

import argparse
import compileall
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from bench.common import Result, paired_ms, report
from bench.keyring_file import KEYRING_ENV, BenchKeyring

REPO = Path(__file__).resolve().parent.parent
SWITCH_BUDGET_MS = 100.0


FLOOR_CHILD = r"""
import sys
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication([sys.argv[0]])
window = QMainWindow()
window.resize(1200, 800)
window.show()
app.processEvents()
print("ready", flush=True)
"""

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
    print("ready", flush=True)
    return 0
"""
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
            print("ready", flush=True)
            window.close()
            app.quit()
            return
        QTimer.singleShot(2, check)

    QTimer.singleShot(0, check)
    return app.exec()
"""
    + _ENTRY
)


def _env(work: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("TAIWA_", "PYTHON_KEYRING"))}
    env.update(
        QT_QPA_PLATFORM="offscreen",
        PYTHON_KEYRING_BACKEND="bench.keyring_file.BenchKeyring",
        PYTHONPATH=os.pathsep.join([str(REPO), env.get("PYTHONPATH", "")]).rstrip(os.pathsep),
        TAIWA_CONFIG_DIR=str(work / "config"),
        TAIWA_NO_DBUS="1",
        TAIWA_LANG="en",
        HOME=str(work / "home"),
    )
    env[KEYRING_ENV] = str(work / "keyring.json")
    return env


def _run_child(code: str, args: list[str], env: dict[str, str]) -> None:
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
    if line.strip() != "ready":
        raise RuntimeError(f"child failed ({proc.returncode}): {err[-800:]}")


def build_vault(work: Path, size: str) -> Path:
    import keyring
    from taiwa.demo import build_demo_vault

    os.environ[KEYRING_ENV] = str(work / "keyring.json")
    keyring.set_keyring(BenchKeyring())
    vault = work / "vault"
    start = time.perf_counter()
    result = build_demo_vault(vault, size=size, lang="mixed")  # type: ignore[arg-type]
    print(
        f"demo vault ({size}): {result.people} people, {result.meetings} meetings, "
        f"{result.items} items in {time.perf_counter() - start:.1f} s",
        flush=True,
    )
    return vault


def bench_start(vault: Path, env: dict[str, str], repeat: int) -> Result:
    ours, floor = paired_ms(
        lambda: _run_child(APP_CHILD, [str(vault)], env),
        lambda: _run_child(FLOOR_CHILD, [], env),
        repeat=repeat,
    )
    return Result("start to a usable dashboard (ten-year vault, process)", ours, floor, 3.0)


def bench_window_shown(vault: Path, env: dict[str, str], repeat: int) -> Result:
    """Diagnostic: start until the window is on screen (the vault still opening)."""
    ours, floor = paired_ms(
        lambda: _run_child(SHOWN_CHILD, [str(vault)], env),
        lambda: _run_child(FLOOR_CHILD, [], env),
        repeat=repeat,
    )
    return Result("  (diagnostic) start until the window is shown", ours, floor, None)


def _settle(app: Any) -> None:
    from taiwa.ui import ops

    while True:
        ops.wait_for_pending()
        app.processEvents()
        if ops.pending_count() == 0:
            break


def bench_person_and_meetings(vault: Path, work: Path, repeat: int) -> list[Result]:
    os.environ.update(QT_QPA_PLATFORM="offscreen", TAIWA_NO_DBUS="1")
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
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--size", choices=("year", "ten-years"), default="ten-years")
    parser.add_argument("--json", metavar="FILE")
    args = parser.parse_args(argv)
    work = Path(tempfile.mkdtemp(prefix="taiwa-bench-ui-"))
    try:
        (work / "home").mkdir()
        vault = build_vault(work, args.size)
        # An installed app starts from compiled bytecode (pip compiles at install time); an
        # editable checkout under PYTHONDONTWRITEBYTECODE would recompile every module per start.
        compileall.compile_dir(REPO / "desktop" / "taiwa", quiet=1)
        compileall.compile_file(REPO / "bench" / "keyring_file.py", quiet=1)
        env = _env(work)
        results = [bench_start(vault, env, args.repeat)]
        results.append(bench_window_shown(vault, env, args.repeat))
        results += bench_person_and_meetings(vault, work, args.repeat)
        return report(results, args.json)
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
