"""The cycle collector runs on the GUI thread only (taiwa.ui.collector).

A collection that starts on the vault worker can destroy a Python-owned Qt object the GUI thread
is using: the import dialog's tests crashed that way when a worker's query allocated just past
the collector's threshold while the previous test's dialog and context were still garbage.
"""

from __future__ import annotations

import gc
import os
import subprocess
import sys
import threading
import weakref
from typing import Any


class _Node:
    partner: _Node | None = None


def _cycle() -> _Node:
    first, second = _Node(), _Node()
    first.partner, second.partner = second, first
    return first


def test_worker_allocations_never_start_a_collection_and_the_gui_thread_collects(
    qtbot: Any, qapp: Any
) -> None:
    from taiwa.ui import collector
    from taiwa.ui.ops import Op

    gui_thread = threading.get_ident()
    started_on: list[int] = []

    def watch(phase: str, info: dict[str, int]) -> None:
        if phase == "start":
            started_on.append(threading.get_ident())

    gc.enable()  # as a command leaves it (taiwa.cli.main)
    gc.callbacks.append(watch)
    try:
        collector.collect_on_gui_thread(qapp)
        assert not gc.isenabled()
        kept: list[_Node] = []

        def churn() -> int:
            # Far past the thresholds: left automatic, this would collect many times here.
            for _ in range(50_000):
                _cycle()
            kept.append(_cycle())
            return len(kept)

        done: list[int] = []
        Op(None, churn).success(done.append).run()
        qtbot.waitUntil(lambda: bool(done), timeout=20_000)
        assert set(started_on) <= {gui_thread}

        # Garbage is still collected: by the timer, on the GUI thread.
        gone = weakref.ref(kept.pop())
        qtbot.waitUntil(lambda: gone() is None, timeout=5 * collector.INTERVAL_MS)
        assert set(started_on) == {gui_thread}
    finally:
        gc.callbacks.remove(watch)


def test_the_application_object_collects_on_its_thread_and_uses_the_fusion_style() -> None:
    # A fresh process: the test session's application object already exists. The desktop asks
    # for another style (as Windows or KDE would); the app keeps its own.
    env = {**os.environ, "QT_STYLE_OVERRIDE": "windows"}
    code = (
        "import gc; from taiwa.ui.app import application; app = application();"
        " print(app.style().name(), gc.isenabled())"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    assert result.stdout.split() == ["fusion", "False"]
