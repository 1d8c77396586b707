"""Python's cycle collector, run on the GUI thread only.

Left automatic, a collection starts on whichever thread happens to allocate when a threshold is
crossed — often the vault worker, in the middle of a query. A garbage cycle that holds a
Python-owned Qt object (a closed dialog and the op it started, the event hub of a discarded
context) is then destroyed on that thread while the GUI thread may be delivering that object's
events: a segfault, seen in the import dialog's tests. So while Qt runs, automatic collection
stays off and :func:`collect_due` runs on the GUI thread — on a timer in the app, after every
test in the test suite — with the same thresholds Python itself would use (the recipe of
pyqtgraph's ``GarbageCollector``).
"""

from __future__ import annotations

import gc

import shiboken6
from PySide6.QtCore import QObject, QTimer

# How often the app checks whether a collection is due. Checking costs next to nothing;
# a collection only runs when Python's own thresholds say one is due.
INTERVAL_MS = 1000

_THRESHOLDS = gc.get_threshold()
_timer: QTimer | None = None


def collect_due() -> None:
    """Collect the generations whose thresholds were crossed, as Python would have."""
    first, second, third = _THRESHOLDS
    young, middle, old = gc.get_count()
    if young > first:
        gc.collect(0)
        if middle > second:
            gc.collect(1)
            if old > third:
                gc.collect(2)


def collect_on_gui_thread(parent: QObject) -> None:
    """Switch automatic collection off and collect from a timer on ``parent``'s thread.

    ``parent`` is the application object (it lives on the GUI thread and as long as the app).
    A second call keeps the first timer while its application lives.
    """
    global _timer  # noqa: PLW0603 - one timer per process
    gc.disable()
    if _timer is not None and shiboken6.isValid(_timer):
        return
    _timer = QTimer(parent)
    _timer.setObjectName("taiwa-gc")
    _timer.setInterval(INTERVAL_MS)
    _timer.timeout.connect(collect_due)
    _timer.start()
