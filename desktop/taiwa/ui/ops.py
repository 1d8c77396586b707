"""Background work with results on the GUI thread (the shape of Anki's ``CollectionOp``).

::

    Op(self, lambda: ctx.store.search.search(text)) \\
        .success(self._on_results) \\
        .failure(self._on_search_failed) \\
        .run()

- ``fn`` runs on a worker thread. Every ``Op`` runs on one single-threaded pool, so the vault's
  connection is used by one worker at a time, in submission order (the Database's RLock also
  serialises the GUI thread's own short reads).
- ``success(value)`` and ``failure(exc)`` are called on the GUI thread. Without a failure
  callback, a :class:`~taiwa.errors.TaiwaError` is shown as a translated message box and anything
  else goes to the crash dialog, which shows only the exception's *type* — an exception's text may
  quote note or file content.
- Callbacks are dropped when ``parent`` was deleted meanwhile, or when the app locked after the
  op started (``ctx.generation`` changed): a result never reaches a cleared page.
- For progress and cancelling, use ``.progress(cb)``: ``fn`` is then called with one argument,
  ``report(done, total)``, which delivers ``cb(done, total)`` on the GUI thread and raises
  :class:`OpCancelled` once :meth:`Op.cancel` was called (the op then ends silently, or in the
  ``cancelled`` callback).
- Long work checks a :class:`~taiwa.cancel.CancelToken` more often than it reports progress:
  ``Op(self, fn, token=token)`` makes :meth:`Op.cancel` cancel that token (hand
  ``token.raise_if_cancelled`` to the service as its ``cancel`` check). Such an op is
  *cancellable*: when cancelled before it started it does not start, and
  :func:`cancel_pending` (at quit and lock) stops it. Ops without a token or progress are never
  skipped — a queued save still runs.
- Quitting: :func:`finish_pending` cancels what can be cancelled and waits a bounded time.
  After ``aboutToQuit`` a worker that is still running never signals again (the bridge objects
  die with the application object).
"""

from __future__ import annotations

import logging
import sys
import threading
from collections.abc import Callable
from types import TracebackType
from typing import Any, Generic, TypeVar

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, QRunnable, QThreadPool, Signal, Slot
from PySide6.QtWidgets import QApplication, QWidget

from taiwa.cancel import Cancelled, CancelToken
from taiwa.errors import TaiwaError

log = logging.getLogger(__name__)

T = TypeVar("T")


#: Raised inside ``fn`` by ``report()`` (and by the op's token) after :meth:`Op.cancel`.
OpCancelled = Cancelled


_pool: QThreadPool | None = None
_side_pool: QThreadPool | None = None
_live: set[_Bridge] = set()
_live_beside: set[_Bridge] = set()
# Bumped by :func:`invalidate_pending` (at every lock); results of older ops are dropped.
_generation = 0
# Set when the application is about to quit: from then on no worker emits a signal, so none can
# reach a bridge deleted with the application object. The lock makes "check, then emit" atomic.
_quitting = False
_emit_lock = threading.Lock()
_quit_hooked = False


def pool() -> QThreadPool:
    """The single-threaded pool every vault operation runs on."""
    global _pool  # noqa: PLW0603 - one pool per process, created on first use
    if _pool is None:
        _pool = QThreadPool()
        _pool.setObjectName("taiwa-vault-worker")
        # One thread: the database connection is never used by two workers at once.
        _pool.setMaxThreadCount(1)
        _pool.setExpiryTimeout(-1)
    return _pool


def side_pool() -> QThreadPool:
    """A second single-threaded pool for work that never touches the shared connection.

    The deferred integrity check reads the whole file through its own read-only connection;
    on the vault worker it would hold up every other operation for seconds.
    """
    global _side_pool  # noqa: PLW0603 - one pool per process, created on first use
    if _side_pool is None:
        _side_pool = QThreadPool()
        _side_pool.setObjectName("taiwa-side-worker")
        _side_pool.setMaxThreadCount(1)
        _side_pool.setExpiryTimeout(-1)
    return _side_pool


def wait_for_pending(timeout_ms: int = -1) -> bool:
    """Block until every queued op has finished (used before closing the database)."""
    return pool().waitForDone(timeout_ms)


def cancel_pending() -> int:
    """Cancel every cancellable op not delivered yet (import, export); returns how many.

    Ops without a token (a save, a search) are left alone: they finish as queued.
    """
    count = 0
    for bridge in list(_live) + list(_live_beside):
        if bridge.op.cancellable and not bridge.op.finished:
            bridge.op.cancel()
            count += 1
    return count


def finish_pending(cancel_wait_ms: int = 2000, write_wait_ms: int = 30_000) -> bool:
    """Before the database closes: cancel what can be cancelled, then wait a bounded time.

    Cancellable work stops within a second at its next check; ``cancel_wait_ms`` bounds the
    wait for it. Only when an op that cannot be cancelled (a write queued behind it) has not run
    yet does this wait longer, up to ``write_wait_ms`` in all: dropping a write loses data,
    waiting a little longer does not. Returns True when the vault worker is idle.
    """
    cancel_pending()
    if wait_for_pending(cancel_wait_ms):
        return True
    if not any(not b.op.cancellable and not b.op.finished for b in list(_live)):
        log.warning("a cancelled background operation is still running")
        return False
    return wait_for_pending(max(0, write_wait_ms - cancel_wait_ms))


def _hook_quit() -> None:
    global _quit_hooked  # noqa: PLW0603 - once per process
    app = QCoreApplication.instance()
    if _quit_hooked or app is None:
        return
    _quit_hooked = True
    app.aboutToQuit.connect(_on_about_to_quit)


def _on_about_to_quit() -> None:
    global _quitting  # noqa: PLW0603
    with _emit_lock:
        _quitting = True
    # Whatever is still running can only waste time now; Qt waits for the worker at exit.
    cancel_pending()


def _emit(signal: Any, *args: Any) -> bool:
    """Emit from a worker unless the app is quitting; False when dropped."""
    with _emit_lock:
        if _quitting:
            return False
        signal.emit(*args)
        return True


def invalidate_pending() -> None:
    """Make every op started so far deliver nothing (the app is locking)."""
    global _generation  # noqa: PLW0603
    _generation += 1


def pending_count() -> int:
    """How many ops have not delivered their result yet."""
    return len(_live)


def error_text(exc: BaseException) -> str:
    """What the user may read about ``exc``: the translated message, or just the type."""
    if isinstance(exc, TaiwaError):
        return exc.localized()
    return QCoreApplication.translate(
        "Ops", "Internal error ({kind}). Nothing was changed by the failed step."
    ).format(kind=type(exc).__name__)


def show_error(parent: QWidget | None, exc: BaseException) -> None:
    """The default failure path: a message box or the crash dialog."""
    from taiwa.ui.context import VaultLockedError

    if isinstance(exc, VaultLockedError):
        return  # a late timer or callback after a lock: the lock screen already says it all
    if isinstance(exc, TaiwaError):
        from PySide6.QtWidgets import QMessageBox

        box = QMessageBox(parent)
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(QCoreApplication.translate("Ops", "Taiwa"))
        box.setTextFormat(_plain())
        box.setText(exc.localized())
        box.setStandardButtons(QMessageBox.StandardButton.Ok)
        box.open()
        return
    show_crash(parent, exc)


def show_crash(parent: QWidget | None, exc: BaseException) -> None:
    """The crash dialog: the exception type only (its text may quote note content)."""
    from taiwa.ui.crash import CrashDialog

    log.error("unexpected %s in a background operation", type(exc).__name__)
    CrashDialog(type(exc).__name__, parent).open()


def install_excepthook() -> None:
    """Send exceptions escaping Qt slots to the crash dialog instead of a console traceback."""
    previous = sys.excepthook

    def hook(kind: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        app = QApplication.instance()
        if app is None or issubclass(kind, KeyboardInterrupt):
            previous(kind, exc, tb)
            return
        show_error(QApplication.activeWindow(), exc)

    sys.excepthook = hook


def _plain() -> Any:
    from PySide6.QtCore import Qt

    return Qt.TextFormat.PlainText


class _Bridge(QObject):
    """Lives on the GUI thread; the worker emits, the slots run on the GUI thread."""

    finished_ok = Signal(object)
    finished_err = Signal(object)
    progressed = Signal(int, int)

    def __init__(self, op: Op[Any]) -> None:
        # Owned by the application object, not by Python: op <-> bridge is a reference cycle
        # and the runner holds the bridge too, so the last Python reference may go away on the
        # worker thread (the cyclic GC runs wherever memory is allocated), which would delete
        # this QObject there while the GUI thread is delivering its events — a segfault seen in
        # the export dialog's tests. The GUI thread deletes it (deleteLater) once it finished.
        super().__init__(QCoreApplication.instance())
        self.op = op
        # The signals are connected to this object's slots, so Qt queues them to its thread.
        self.finished_ok.connect(self._on_finished_ok)
        self.finished_err.connect(self._on_finished_err)
        self.progressed.connect(self._on_progressed)

    @Slot(object)
    def _on_finished_ok(self, value: object) -> None:
        _live.discard(self)
        _live_beside.discard(self)
        try:
            self.op._deliver_success(value)
        finally:
            self.deleteLater()

    @Slot(object)
    def _on_finished_err(self, exc: object) -> None:
        _live.discard(self)
        _live_beside.discard(self)
        assert isinstance(exc, BaseException)
        try:
            self.op._deliver_failure(exc)
        finally:
            self.deleteLater()

    @Slot(int, int)
    def _on_progressed(self, done: int, total: int) -> None:
        self.op._deliver_progress(done, total)


def _ran(*_args: Any) -> Any:
    raise RuntimeError("an operation runs once")


class _Runner(QRunnable):
    def __init__(self, op: Op[Any], bridge: _Bridge) -> None:
        super().__init__()
        self.setAutoDelete(True)
        self._op = op
        self._bridge = bridge

    def run(self) -> None:
        op, bridge = self._op, self._bridge
        try:
            if op.cancellable:
                # Cancelled while queued (behind another op): it does not start at all.
                op.token.raise_if_cancelled()
            value = op._fn(op._report) if op._progress_cb is not None else op._fn()
        except BaseException as exc:  # every failure must reach the GUI thread
            op._drop_work()
            op.finished = True
            _emit(bridge.finished_err, exc)
        else:
            op._drop_work()
            op.finished = True
            _emit(bridge.finished_ok, value)


class Op(Generic[T]):
    """One piece of background work and what to do with its result on the GUI thread."""

    def __init__(
        self, parent: QObject | None, fn: Callable[..., T], *, token: CancelToken | None = None
    ) -> None:
        self._parent = parent
        self._fn = fn
        self._success: Callable[[T], Any] | None = None
        self._failure: Callable[[BaseException], Any] | None = None
        self._cancelled_cb: Callable[[], Any] | None = None
        self._progress_cb: Callable[[int, int], Any] | None = None
        self.token = token if token is not None else CancelToken()
        self._has_token = token is not None
        self._generation = _generation
        self._bridge: _Bridge | None = None
        # ``finished``: fn returned or raised (set on the worker); ``done``: delivered (GUI).
        self.finished = False
        self.done = False

    def success(self, cb: Callable[[T], Any]) -> Op[T]:
        """Call ``cb(result)`` on the GUI thread when ``fn`` returned."""
        self._success = cb
        return self

    def failure(self, cb: Callable[[BaseException], Any]) -> Op[T]:
        """Call ``cb(exc)`` on the GUI thread when ``fn`` raised (replaces the default)."""
        self._failure = cb
        return self

    def progress(self, cb: Callable[[int, int], Any]) -> Op[T]:
        """Pass ``report(done, total)`` to ``fn``; ``cb(done, total)`` runs on the GUI thread."""
        self._progress_cb = cb
        return self

    def cancelled(self, cb: Callable[[], Any]) -> Op[T]:
        """Call ``cb()`` on the GUI thread when the op ended because of :meth:`cancel`."""
        self._cancelled_cb = cb
        return self

    def cancel(self) -> None:
        """Ask ``fn`` to stop at its next ``report()`` call or token check."""
        self.token.cancel()

    @property
    def is_cancelled(self) -> bool:
        return self.token.cancelled

    @property
    def cancellable(self) -> bool:
        """Whether ``fn`` promised to stop when cancelled (it has a token or reports progress)."""
        return self._has_token or self._progress_cb is not None

    def run(self) -> Op[T]:
        """Queue the op on the vault worker; returns immediately."""
        self._generation = _generation
        _hook_quit()
        bridge = _Bridge(self)
        self._bridge = bridge
        _live.add(bridge)
        pool().start(_Runner(self, bridge))
        return self

    # Anki's name for the same thing.
    run_in_background = run

    def run_beside(self) -> Op[T]:
        """Queue on :func:`side_pool` instead (only for work with its own connection)."""
        self._generation = _generation
        _hook_quit()
        bridge = _Bridge(self)
        self._bridge = bridge
        _live_beside.add(bridge)
        side_pool().start(_Runner(self, bridge))
        return self

    # -- worker side ------------------------------------------------------------------------

    def _report(self, done: int, total: int) -> None:
        self.token.raise_if_cancelled()
        if self._bridge is not None:
            _emit(self._bridge.progressed, int(done), int(total))

    # -- GUI side ---------------------------------------------------------------------------

    def _receiver_alive(self) -> bool:
        if self._generation != _generation:
            return False  # the app locked meanwhile: the page that asked was cleared
        parent = self._parent
        return parent is None or shiboken6.isValid(parent)

    def _drop_work(self) -> None:
        # The work ran: its closure (a search query, a note being saved) must not outlive it in
        # whatever still holds this Op (a page, a pending deleteLater) — not after a lock.
        self._fn = _ran

    def _drop_callbacks(self) -> None:
        # Delivered: the callbacks' closures (the query, the texts they show) go the same way.
        self._success = self._failure = self._cancelled_cb = self._progress_cb = None

    def _deliver_success(self, value: Any) -> None:
        self.done = True
        try:
            if self._receiver_alive() and self._success is not None:
                self._success(value)
        finally:
            self._drop_callbacks()

    def _deliver_failure(self, exc: BaseException) -> None:
        self.done = True
        try:
            self._deliver_failure_now(exc)
        finally:
            self._drop_callbacks()

    def _deliver_failure_now(self, exc: BaseException) -> None:
        if not self._receiver_alive():
            return
        if isinstance(exc, OpCancelled):
            if self._cancelled_cb is not None:
                self._cancelled_cb()
            return
        if self._failure is not None:
            self._failure(exc)
            return
        parent = self._parent if isinstance(self._parent, QWidget) else None
        show_error(parent, exc)

    def _deliver_progress(self, done: int, total: int) -> None:
        if self._receiver_alive() and self._progress_cb is not None:
            self._progress_cb(done, total)
