"""Child process of the runtime regression test: many void Qt calls, then the refcount drift.

Run as ``python -m tests.support.refcount_child CALLS``. Prints one line
``drift None=<n> True=<n> False=<n> calls=<n> immortal=<0|1>`` and exits 0. With a binding that
drops a reference of None or True on every void call (PySide6 6.12.0 on CPython 3.11) the
interpreter aborts long before the end ("Fatal Python error: none_dealloc"), which the parent
reports as the failure it is.
"""

from __future__ import annotations

import os
import sys


def main(calls: int) -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal
    from PySide6.QtWidgets import QApplication, QLabel, QPlainTextEdit, QWidget

    class Emitter(QObject):
        fired = Signal()
        flag = Signal(bool)
        text = Signal(str)

    app = QApplication(["refcount-child"])
    timer = QTimer()
    label = QLabel()
    widget = QWidget()
    edit = QPlainTextEdit()
    emitter = Emitter()
    received: list[object] = []
    emitter.flag.connect(received.append)

    # Each round makes this many void calls (Signal.emit included): keep the count honest.
    def one_round(i: int) -> None:
        timer.start(10_000)  # 1
        timer.stop()  # 2
        label.setText("x" if i % 2 else "y")  # 3
        widget.update()  # 4
        widget.setObjectName("w")  # 5
        edit.insertPlainText("a")  # 6
        emitter.fired.emit()  # 7
        emitter.flag.emit(i % 2 == 0)  # 8: a bool argument, True and False alternately
        emitter.text.emit("t")  # 9
        QCoreApplication.processEvents()  # 10

    per_round = 10
    # Settle first: the first calls of a method may create cached objects for good.
    for i in range(200):
        one_round(i)
    edit.clear()
    received.clear()
    before = (sys.getrefcount(None), sys.getrefcount(True), sys.getrefcount(False))
    rounds = calls // per_round
    for i in range(rounds):
        one_round(i)
        if i % 1000 == 999:
            edit.clear()  # keep the document small: this test is about references, not text
            received.clear()
    edit.clear()
    received.clear()
    after = (sys.getrefcount(None), sys.getrefcount(True), sys.getrefcount(False))
    # CPython 3.12+ makes None/True/False immortal (PEP 683): their count is a fixed marker.
    immortal = int(before[0] >= 2**30)
    print(
        f"drift None={after[0] - before[0]} True={after[1] - before[1]} "
        f"False={after[2] - before[2]} calls={rounds * per_round} immortal={immortal}",
        flush=True,
    )
    del app
    return 0


if __name__ == "__main__":
    sys.exit(main(int(sys.argv[1])))
