"""What every window, page and dialog of the app gets: the :class:`AppContext`.

How pages use it (U2, I, P):

- ``ctx.store`` is the :class:`taiwa.store.Store` over the open vault. Read small things
  directly on the GUI thread; run anything that may be slow (search, import, export, long lists,
  the keyring) through :class:`taiwa.ui.ops.Op`::

      Op(self, lambda: self.ctx.store.search.search(text)).success(self._on_results).run()

  ``ctx.store`` raises :class:`VaultLockedError` while the app is locked; a page never keeps a
  ``Store`` (or rows, or domain objects) across :meth:`Page.clear`.
- ``ctx.events`` is the app-wide bus. Emit ``data_changed`` after a write that other pages show
  (the dashboard and people list refresh); emit ``open_person(id)`` / ``open_meeting(id)`` /
  ``new_meeting(person_id)`` to navigate — the main window switches pages. Listen to
  ``privacy_changed(bool)`` only through the page protocol (the window calls ``set_privacy``).
- ``ctx.privacy_mode`` tells whether private notes, signals and other people's data must be
  hidden right now (dialogs opened while it is on must respect it too).
- ``ctx.prefs`` holds the non-secret preferences (language, auto-lock minutes, geometry).
- ``ctx.generation`` changes at every lock: a background result computed before a lock is
  dropped by :mod:`taiwa.ui.ops` and never reaches a cleared page.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal

from taiwa.errors import TaiwaError
from taiwa.i18n import Msg
from taiwa.prefs import Prefs

if TYPE_CHECKING:
    from taiwa.ui.startup_open import PrefetchedOpen
    from taiwa.vault.database import Database


class VaultLockedError(TaiwaError):
    """The vault was used while the app is locked (a late callback; shown, never a crash)."""

    code = "vault_locked"
    message = Msg(
        "Taiwa is locked. Unlock it to continue.",
        "Taiwa はロックされています。解除してから続けてください。",
    )


def _wipe_key(db: Any) -> None:
    """Zero the key a closed vault database held (a plain :class:`Database` holds none)."""
    key = getattr(db, "_key", None)
    wipe = getattr(key, "wipe", None)
    if callable(wipe):
        wipe()


class AppEvents(QObject):
    """The app-wide signals (names are past events or requests to navigate)."""

    # Something in the vault changed (a page wrote, an import finished, a restore happened).
    data_changed = Signal()
    # Privacy mode was switched on (True) or off (False).
    privacy_changed = Signal(bool)
    # The app locked: the database is closed and every page was cleared.
    locked = Signal()
    # The app unlocked: ``ctx.store`` works again.
    unlocked = Signal()
    # Show this person's page (person id).
    open_person = Signal(int)
    # Show this meeting in the editor (meeting id).
    open_meeting = Signal(int)
    # Start a new meeting with this person (person id; 0 = let the user pick one).
    new_meeting = Signal(int)
    # Open the import dialog on these .ics files (list of str paths).
    import_requested = Signal(list)
    # Open the PDF export dialog (meeting id, person id; 0 = none).
    export_requested = Signal(int, int)


class AppContext:
    """The open vault and the app-wide state, shared by every window, page and dialog."""

    def __init__(
        self,
        vault_dir: Path,
        *,
        db: Database | None = None,
        prefs: Prefs | None = None,
        events: AppEvents | None = None,
    ) -> None:
        self.vault_dir = vault_dir
        self.prefs = prefs if prefs is not None else Prefs.load()
        self.events = events if events is not None else AppEvents()
        self._db: Database | None = None
        self._store: Any = None
        self._privacy = False
        self.generation = 0
        # The start-up open from the keyring, begun before the window (see ``taiwa.startup``).
        self._prefetched_open: PrefetchedOpen | None = None
        # Its opening, which ``ui.app.run`` keeps for the life of the process: its outcome (the
        # open vault and the dashboard read from it) is dropped at the first lock.
        self._startup_opening: Any = None
        # The dashboard's numbers read by that open, for the database they came from.
        self._startup_dashboard: tuple[Any, Any] | None = None
        if db is not None:
            self.attach(db)

    # -- the vault --------------------------------------------------------------------------

    @property
    def prefetched_open(self) -> PrefetchedOpen | None:
        """The start-up open not yet taken by the window or the unlock screen (else None)."""
        return self._prefetched_open

    @prefetched_open.setter
    def prefetched_open(self, value: PrefetchedOpen | None) -> None:
        self._prefetched_open = value
        if value is not None:
            self._startup_opening = getattr(value, "opening", None)

    @property
    def db(self) -> Database:
        """The open database; raises :class:`VaultLockedError` while locked."""
        if self._db is None or not self._db.is_open:
            raise VaultLockedError()
        return self._db

    @property
    def store(self) -> Any:
        """The :class:`taiwa.store.Store` over the open vault (created on first use)."""
        db = self.db
        if self._store is None:
            # Imported here so the shell starts (and its tests run) before the store exists.
            from taiwa.store import Store  # type: ignore[attr-defined,unused-ignore]

            self._store = Store(db)
        return self._store

    @property
    def is_unlocked(self) -> bool:
        return self._db is not None and self._db.is_open

    def attach(self, db: Database) -> None:
        """Use ``db`` as the open vault (after creation or unlock)."""
        self._db = db
        self._store = None

    def offer_startup_dashboard(self, db: Any, data: Any) -> None:
        """Keep the dashboard's numbers read at start-up for the first dashboard shown."""
        self._startup_dashboard = (db, data) if data is not None else None

    def take_startup_dashboard(self) -> Any:
        """Those numbers, once, if they came from the vault open now (else None)."""
        offered, self._startup_dashboard = self._startup_dashboard, None
        if offered is None or offered[0] is not self._db or not self.is_unlocked:
            return None
        return offered[1]

    def detach(self) -> None:
        """Close the database, wipe its key and forget the store (part of locking).

        After it, the context holds nothing read from the vault: no connection, no store, no
        start-up prefetch or dashboard numbers, and the key's bytes are zeros (what Python
        cannot wipe is listed in :mod:`taiwa.vault.keys`). The pages clear themselves first
        (``MainWindow.lock``).
        """
        self._startup_dashboard = None
        db, self._db, self._store = self._db, None, None
        self.generation += 1
        if db is not None:
            try:
                db.close()
            finally:
                _wipe_key(db)
        self._forget_startup_open(db)

    def _forget_startup_open(self, closed: Any) -> None:
        """Drop what the start-up open still holds once it has finished (see ``detach``)."""
        opening = self._startup_opening
        if opening is None or getattr(opening, "outcome", None) is None:
            return  # none, or still running: the unlock screen takes it when it arrives
        opened = opening.opened()
        self._prefetched_open = None
        self._startup_opening = None
        opening.forget()
        if opened is not None and opened.db is not closed:
            # Opened, but never shown (the window closed or locked first).
            try:
                opened.db.close()
            finally:
                _wipe_key(opened.db)

    # -- privacy mode -----------------------------------------------------------------------

    @property
    def privacy_mode(self) -> bool:
        """True while private notes, signals and other people's data must stay off screen."""
        return self._privacy

    def set_privacy_mode(self, on: bool) -> None:
        """Switch privacy mode and tell everyone (no-op when unchanged)."""
        on = bool(on)
        if on == self._privacy:
            return
        self._privacy = on
        self.events.privacy_changed.emit(on)
