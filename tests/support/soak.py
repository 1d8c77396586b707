"""A soak harness: many real input events into a live window, and what they must not change.

PySide6 6.12.0 on CPython 3.11 took one reference of ``None`` too few on every void-returning
Qt call and one of ``True`` on every ``Signal.emit``: after about a thousand keystrokes the
refcount of ``None`` reached zero and the app died in ``none_dealloc``. Short tests never typed
long enough to notice. The pieces here let a test (tests/ui/test_soak.py) or a driver under a
real X server (tests/support/soak_xvfb.py) type for a long time and check what matters:

- :class:`RefCounts`: the refcounts of ``None``, ``True`` and ``False`` (they are not immortal
  before CPython 3.12, so a C extension that miscounts them shows up here first).
- :class:`Typist`: real events through Qt's delivery (``QTest`` key and mouse clicks go through
  ``QApplication.notify`` and the shortcut map; input-method events through ``sendEvent``), to
  the widget that has the keyboard focus, counted.
- :class:`Corpus`: reproducible note text, English words typed as keys and Japanese committed
  through an input method (a reading as the preedit, then the converted text).
"""

from __future__ import annotations

import gc
import random
import sys
import time
from collections.abc import Callable
from typing import NamedTuple

from PySide6.QtCore import QCoreApplication, QEvent, QPoint, Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget

from taiwa.ui.collector import collect_due


class RefCounts(NamedTuple):
    """``sys.getrefcount`` of the three singletons a refcounting bug in a binding hits first."""

    none: int
    true: int
    false: int

    @classmethod
    def now(cls) -> RefCounts:
        """Counted after a full collection (garbage cycles hold singletons too).

        Call it on the GUI thread: the app collects only there (see taiwa.ui.collector).
        """
        gc.collect()
        return cls(sys.getrefcount(None), sys.getrefcount(True), sys.getrefcount(False))

    @property
    def immortal(self) -> bool:
        """Whether the counts are CPython 3.12+'s immortal marker (about 2**32), not real."""
        return min(self) >= 2**30

    def drift(self, later: RefCounts) -> RefCounts:
        """``later`` minus this one, field by field."""
        return RefCounts(*(after - before for before, after in zip(self, later, strict=True)))


# -- text -------------------------------------------------------------------------------------

_WORDS = (
    *("release", "plan", "review", "tests", "team", "growth", "career", "feedback", "workload"),
    *("trust", "onboarding", "goal", "quarter", "retro", "design", "demo", "deadline", "budget"),
    *("pairing", "mentor", "conference", "hiring", "roadmap", "on-call", "incident", "support"),
    *("customer", "data", "migration", "metrics", "wellbeing", "holiday", "sleep", "focus"),
    *("meeting", "agenda", "actions", "follow-up", "blocked", "overtime", "promotion", "skills"),
)
_GLUE = ("and", "but", "so", "because", "then", "after", "before", "with", "for", "about")
_ENDS = (".", ".", ".", "!", "?", ";", ":")

# (reading typed as kana while composing, the text the input method commits)
JAPANESE: tuple[tuple[str, str], ...] = (
    ("きょうのもくひょう", "今日の目標"),
    ("しんろについてはなした", "進路について話した"),
    ("さいきんつかれている", "最近疲れている"),
    ("らいしゅうまでに", "来週までに"),
    ("ふぃーどばっくをつたえた", "フィードバックを伝えた"),
    ("ちーむのかだい", "チームの課題"),
    ("ひょうかではなくせいちょう", "評価ではなく成長"),
    ("じっしりつ", "実施率"),
    ("ざんぎょうがおおい", "残業が多い"),
    ("きゃりあのはなし", "キャリアの話"),
    ("てんしょくはかんがえていない", "転職は考えていない"),
    ("ありがとう", "ありがとう"),
    ("、", "、"),
    ("。", "。"),
)


class Corpus:
    """Reproducible note text: the same seed gives the same words."""

    def __init__(self, seed: int = 20260611) -> None:
        self._rng = random.Random(seed)

    def english(self, length: int = 60) -> str:
        """A sentence of ASCII words and punctuation, about ``length`` characters."""
        rng = self._rng
        words: list[str] = []
        while sum(len(w) + 1 for w in words) < length:
            word = rng.choice(_GLUE) if words and rng.random() < 0.25 else rng.choice(_WORDS)
            if rng.random() < 0.08:
                word = word.capitalize()
            if rng.random() < 0.05:
                word = f"{word} {rng.randint(1, 99)}"
            if rng.random() < 0.04:
                word = f"({word})"
            words.append(word)
        return " ".join(words) + rng.choice(_ENDS) + " "

    def japanese(self, commits: int = 3) -> list[tuple[str, str]]:
        """``commits`` (preedit, commit) pairs."""
        return [self._rng.choice(JAPANESE) for _ in range(commits)]

    def word(self) -> str:
        return self._rng.choice(_WORDS)

    def chance(self, probability: float) -> bool:
        return self._rng.random() < probability

    def pick(self, options: list[str]) -> str:
        return self._rng.choice(options)


# -- events -----------------------------------------------------------------------------------


class Typist:
    """Delivers real input events through Qt and counts them.

    Keys go to the widget that has the keyboard focus (as a keyboard's do): ``QTest.keyClick``
    sends the shortcut-override event (so window shortcuts trigger) and then the press and
    release through ``QApplication.notify``. Every ``pump_every`` events the event loop runs
    once (timers such as the autosave fire, background results arrive, deferred deletes happen)
    and the cycle collector runs if due, as the app's own timer would.

    ``events`` counts key presses and releases, mouse presses and releases, and input-method
    events that were delivered; shortcut-override events are not counted.
    """

    def __init__(self, *, pump_every: int = 48) -> None:
        self.events = 0
        self.pump_every = pump_every
        self._since_pump = 0

    # -- where the keys go ----------------------------------------------------------------

    @staticmethod
    def focus() -> QWidget:
        """Where a key goes: the focus widget, else the active window itself (as on a desktop)."""
        widget = QApplication.focusWidget() or QApplication.activeWindow()
        if widget is None:
            raise AssertionError("no window is active: keys would reach nothing")
        return widget

    def _count(self, n: int) -> None:
        self.events += n
        self._since_pump += n
        if self._since_pump >= self.pump_every:
            self.pump()

    # -- keys ----------------------------------------------------------------------------

    def key(
        self,
        key: Qt.Key,
        modifiers: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier,
        widget: QWidget | None = None,
    ) -> None:
        """One key press and release (a shortcut when ``modifiers`` make it one)."""
        QTest.keyClick(widget or self.focus(), key, modifiers)
        self._count(2)

    def type(self, text: str, widget: QWidget | None = None) -> None:
        """ASCII text, one key press and release per character (``\\n`` is Return)."""
        for ch in text:
            target = widget or self.focus()
            if ch == "\n":
                QTest.keyClick(target, Qt.Key.Key_Return)
            else:
                # QTest::keyClick(widget, char): the key and its text (missing from the stubs).
                QTest.keyClick(target, ch)  # type: ignore[call-overload]
            self._count(2)

    def ime(self, preedit: str, commit: str, widget: QWidget | None = None) -> None:
        """Type like a Japanese input method: the composing reading, then the commit."""
        target = widget or self.focus()
        QApplication.sendEvent(target, QInputMethodEvent(preedit, []))
        done = QInputMethodEvent("", [])
        done.setCommitString(commit)
        QApplication.sendEvent(target, done)
        self._count(2)

    # -- mouse ---------------------------------------------------------------------------

    def click(self, widget: QWidget, pos: QPoint | None = None) -> None:
        """A left click (press and release) at ``pos`` (the centre by default)."""
        QTest.mouseClick(
            widget,
            Qt.MouseButton.LeftButton,
            Qt.KeyboardModifier.NoModifier,
            pos if pos is not None else widget.rect().center(),
        )
        self._count(2)

    # -- the window manager's part ---------------------------------------------------------

    def activate(self, window: QWidget) -> None:
        """Make ``window`` the active window, as a window manager does when a dialog closes.

        The offscreen platform has no window manager: after a dialog hides, no window is
        active and keys would reach nothing.
        """
        if QApplication.activeWindow() is not window:
            window.activateWindow()
            self.wait_until(lambda: QApplication.activeWindow() is window)

    # -- the event loop ------------------------------------------------------------------

    def pump(self) -> None:
        """Run the event loop once, deferred deletes included, and collect if due."""
        self._since_pump = 0
        QCoreApplication.processEvents()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        collect_due()

    def wait_until(self, condition: Callable[[], object], timeout: float = 15.0) -> None:
        """Run the event loop until ``condition()`` is true (AssertionError after ``timeout``)."""
        deadline = time.monotonic() + timeout
        while not condition():
            if time.monotonic() > deadline:
                raise AssertionError(f"timed out after {timeout} s waiting for {condition}")
            self.pump()
            time.sleep(0.002)
