"""Cooperative cancellation of long work (calendar import, PDF export) — no Qt.

The caller (the GUI, or a test) makes a :class:`CancelToken`, hands it to the service and calls
:meth:`CancelToken.cancel` from any thread. The service checks it where stopping is safe::

    token.raise_if_cancelled()          # raises Cancelled once cancel() was called

Lower layers (decode, scan, expand, the PDF layout) take a plain ``cancel`` callable instead of
the token — ``token.raise_if_cancelled`` — so they need not know this module; ``None`` means
"cannot be cancelled" and costs nothing. They call it every few milliseconds of work.

:class:`Cancelled` derives from ``BaseException``, like :class:`asyncio.CancelledError`: the
import reports a broken event with a broad ``except Exception`` (library errors quote file
content), and a cancellation must pass through such handlers, not become "a bad event".
A cancelled write never stops half-way: services check the token only *before* their single
transaction or atomic rename, never inside it.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable, Iterator
from typing import TypeVar

T = TypeVar("T")

#: A check that raises :class:`Cancelled` when the work should stop (``token.raise_if_cancelled``).
Cancel = Callable[[], None]


class Cancelled(BaseException):
    """The work was cancelled through its :class:`CancelToken`; nothing was committed."""

    def __init__(self, *args: object) -> None:
        # A message, always: reportlab appends trace information to ``args[0]`` of whatever
        # passes through its build loop.
        super().__init__(*(args or ("cancelled",)))


class CancelToken:
    """A thread-safe, one-way "please stop" flag (cancel once; it never resets)."""

    __slots__ = ("_event",)

    def __init__(self) -> None:
        self._event = threading.Event()

    def cancel(self) -> None:
        """Ask the work to stop at its next check (from any thread; idempotent)."""
        self._event.set()

    @property
    def cancelled(self) -> bool:
        """Whether :meth:`cancel` was called."""
        return self._event.is_set()

    def raise_if_cancelled(self) -> None:
        """Raise :class:`Cancelled` if :meth:`cancel` was called, else return at once.

        Raises:
            Cancelled: the work should stop now.
        """
        if self._event.is_set():
            raise Cancelled()

    def wait(self, timeout: float | None = None) -> bool:
        """Block until cancelled or ``timeout`` seconds passed; True when cancelled."""
        return self._event.wait(timeout)


def check(cancel: Cancel | None) -> None:
    """Call ``cancel`` when there is one (a no-op for work that cannot be cancelled)."""
    if cancel is not None:
        cancel()


def checked(items: Iterable[T], cancel: Cancel | None, every: int = 256) -> Iterator[T]:
    """``items``, calling ``cancel`` before the first and then before every ``every``-th one.

    Without ``cancel`` this is plain ``iter(items)``: no cost for work that cannot be cancelled.
    """
    if cancel is None:
        return iter(items)
    return _checking(items, cancel, every)


def _checking(items: Iterable[T], cancel: Cancel, every: int) -> Iterator[T]:
    for n, item in enumerate(items):
        if n % every == 0:
            cancel()
        yield item
