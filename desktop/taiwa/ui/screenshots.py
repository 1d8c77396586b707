"""``taiwa screenshots DIR [--lang ja|en]``: every screen of a demo vault, offscreen, to PNG.

Every screen (the welcome of an empty vault, first run, unlock, dashboard, people, a person, the
meeting editor, privacy mode, search, and the settings, export, import, restore and keyboard
shortcuts dialogs) in the light and the dark scheme, at 100 % and 200 % text zoom, in a window
of a 1366x768 laptop's usable size: ``<lang>-<scheme>-<zoom>-<screen>.png``. Look at them: a
clipped or elided text shows here first.

Nothing of the user's is touched: the demo vault is built in a temporary folder, the keyring is
replaced for this process by an in-memory one, preferences go to a temporary config folder, and
the temporary folder is deleted at the end (the PNGs show demo data only).
"""

from __future__ import annotations

import functools
import os
import shutil
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from taiwa.atomic import write_atomic

SCREENS = (
    "welcome",
    "first_run",
    "dashboard",
    "people",
    "person",
    "meeting",
    "privacy",
    "search",
    "settings",
    "export",
    "import",
    "backup",
    "help",
    "unlock",
)
# A 1366x768 laptop less its panel and the window frame.
WINDOW_SIZE = (1366, 720)
SCHEMES = ("light", "dark")
ZOOMS = (100, 200)
SETTLE_SCALE = 0.5
SEARCH_WORDS = {"ja": "キャリア", "en": "career"}


def _memory_keyring() -> Any:
    """A throwaway keyring backend (the demo key must never reach the user's keyring)."""
    from keyring.backend import KeyringBackend
    from keyring.errors import PasswordDeleteError

    class _Memory(KeyringBackend):
        priority = 1

        def __init__(self) -> None:
            super().__init__()  # type: ignore[no-untyped-call]
            self._data: dict[tuple[str, str], str] = {}

        def get_password(self, service: str, username: str) -> str | None:
            return self._data.get((service, username))

        def set_password(self, service: str, username: str, password: str) -> None:
            self._data[(service, username)] = password

        def delete_password(self, service: str, username: str) -> None:
            if self._data.pop((service, username), None) is None:
                raise PasswordDeleteError("not found")

    return _Memory()


def _settle(app: Any, ms: int = 250, until: Callable[[], bool] | None = None) -> None:
    """Let queued work, background ops and repaints finish (bounded).

    ``ms`` is scaled by :data:`SETTLE_SCALE`: fifty-odd shots must stay well within the e2e
    test's four minutes on a busy machine; background ops are waited for regardless.
    """
    from taiwa.ui import ops

    deadline = time.monotonic() + max(ms * SETTLE_SCALE, 40) / 1000
    hard = time.monotonic() + 20
    while True:
        ops.wait_for_pending(2000)
        app.processEvents()
        now = time.monotonic()
        if until is not None and not until() and now < hard:
            time.sleep(0.02)
            continue
        if now >= deadline and ops.pending_count() == 0:
            break
        if now >= hard:
            break
        time.sleep(0.02)
    app.processEvents()


def render_screenshots(
    out_dir: Path,
    *,
    lang: str = "en",
    size: str = "year",
    schemes: tuple[str, ...] = SCHEMES,
    zooms: tuple[int, ...] = ZOOMS,
) -> list[Path]:
    """Render the screens to ``out_dir/<lang>-<scheme>-<zoom>-<screen>.png``; return the files."""
    import keyring

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix="taiwa-screens-"))
    from taiwa.demo import demo_zone

    # Not keyring.get_keyring(): with none chosen yet, it probes every backend (subprocesses).
    from taiwa.vault.keyring_choice import chosen_backend

    previous_keyring = chosen_backend()
    previous_config = os.environ.get("TAIWA_CONFIG_DIR")
    previous_tz = os.environ.get("TZ")
    keyring.set_keyring(_memory_keyring())
    os.environ["TAIWA_CONFIG_DIR"] = str(work / "config")
    # Show the demo manager's day in their own time zone (10:00, not 01:00 UTC).
    os.environ["TZ"] = demo_zone(lang).key
    time.tzset()
    try:
        return _render(out_dir, work, lang=lang, size=size, schemes=schemes, zooms=zooms)
    finally:
        if previous_tz is None:
            os.environ.pop("TZ", None)
        else:
            os.environ["TZ"] = previous_tz
        time.tzset()
        keyring.set_keyring(previous_keyring)
        if previous_config is None:
            os.environ.pop("TAIWA_CONFIG_DIR", None)
        else:
            os.environ["TAIWA_CONFIG_DIR"] = previous_config
        shutil.rmtree(work, ignore_errors=True)


ICS = """BEGIN:VCALENDAR
VERSION:2.0
PRODID:-//Taiwa//screenshots//EN
BEGIN:VEVENT
UID:shot-1@taiwa.invalid
DTSTAMP:20260101T000000Z
DTSTART:{start}
DURATION:PT30M
SUMMARY:1on1
ORGANIZER:mailto:manager@example.com
ATTENDEE:mailto:manager@example.com
ATTENDEE:mailto:{email}
END:VEVENT
END:VCALENDAR
"""


def _variants(schemes: tuple[str, ...], zooms: tuple[int, ...]) -> list[tuple[str, int]]:
    return [(scheme, zoom) for zoom in zooms for scheme in schemes]


def _render(
    out_dir: Path,
    work: Path,
    *,
    lang: str,
    size: str,
    schemes: tuple[str, ...],
    zooms: tuple[int, ...],
) -> list[Path]:
    from PySide6.QtCore import QEvent, QSize

    from taiwa.demo import build_demo_vault
    from taiwa.prefs import Prefs
    from taiwa.ui import app as app_module
    from taiwa.ui import theme, window_size
    from taiwa.ui.context import AppContext
    from taiwa.ui.main_window import MainWindow
    from taiwa.vault.service import create_vault

    vault = work / "vault"
    build_demo_vault(vault, size=size, lang="ja" if lang == "ja" else "en")  # type: ignore[arg-type]
    create_vault(work / "empty-vault").database.close()
    app = app_module.application()
    prefs = Prefs.load()
    app_module.setup(app, prefs, lang)
    written: list[Path] = []
    variants = _variants(schemes, zooms)
    window_size.assumed_room = QSize(*WINDOW_SIZE)  # dialogs open as on the laptop

    def look(scheme: str, zoom: int) -> None:
        theme.force_scheme(app, scheme, zoom=zoom)  # one re-polish of every widget, not two
        _settle(app, 100)

    def dispose(window: Any) -> None:
        window.close()
        window.deleteLater()
        # Deleted now: every later change of the look re-polishes each widget still alive.
        app.sendPostedEvents(None, QEvent.Type.DeferredDelete)

    def save(widget: Any, scheme: str, zoom: int, name: str) -> None:
        _settle(app, 150)
        path = out_dir / f"{lang}-{scheme}-{zoom}-{name}.png"
        widget.grab().save(str(path))
        written.append(path)

    def save_as(scheme: str, zoom: int, widget: Any, name: str) -> None:
        save(widget, scheme, zoom, name)

    def window_on(folder: Path) -> tuple[Any, Any]:
        ctx = AppContext(folder, prefs=prefs)
        window = MainWindow(ctx)
        window.watcher.set_idle_minutes(0)  # an idle lock must not interrupt the rendering
        window.resize(*WINDOW_SIZE)
        window.show()
        window.start()
        return ctx, window

    try:
        # Before any vault exists, and an empty vault.
        ctx, first = window_on(work / "new-vault")
        _settle(app, 300)
        for scheme, zoom in variants:
            look(scheme, zoom)
            save(first, scheme, zoom, "first_run")
        dispose(first)
        ctx, empty = window_on(work / "empty-vault")
        _settle(app, 300, until=lambda: ctx.is_unlocked)
        empty.show_page("dashboard")
        for scheme, zoom in variants:
            look(scheme, zoom)
            _settle(app, 300)
            save(empty, scheme, zoom, "welcome")
        dispose(empty)

        ctx, window = window_on(vault)
        _settle(app, 300, until=lambda: ctx.is_unlocked)
        if not ctx.is_unlocked:
            raise RuntimeError("the demo vault did not open")
        for scheme, zoom in variants:
            look(scheme, zoom)
            written_before = len(written)
            _workspace(app, ctx, window, work, lang, functools.partial(save_as, scheme, zoom))
            if len(written) == written_before:
                raise RuntimeError("no screen was rendered")
        window.lock("manual")
        for scheme, zoom in variants:
            look(scheme, zoom)
            save(window, scheme, zoom, "unlock")
        window.close()
        window.deleteLater()
        _settle(app, 100)
    finally:
        window_size.assumed_room = None
        theme.force_scheme(app, None)
        theme.set_zoom(app, prefs.text_zoom)
    return written


def _workspace(
    app: Any, ctx: Any, window: Any, work: Path, lang: str, save: Callable[[Any, str], None]
) -> None:
    """The unlocked screens and the dialogs, in the current look."""
    from taiwa.ui.backup import RestoreDialog
    from taiwa.ui.export_dialog import ExportDialog
    from taiwa.ui.help import ShortcutsDialog
    from taiwa.ui.import_dialog import ImportDialog
    from taiwa.ui.settings_dialog import SettingsDialog

    window.show_page("dashboard")
    _settle(app, 600)
    save(window, "dashboard")
    window.show_page("people")
    _settle(app, 400)
    save(window, "people")

    store = ctx.store
    people = store.people.list()
    person = max(people, key=lambda p: store.meetings.count_for_person(p.id))
    ctx.events.open_person.emit(person.id)
    _settle(app, 600)
    save(window, "person")

    meetings = store.meetings.list_for_person(person.id, limit=5)
    held = next((m for m in meetings if m.private_notes and m.shared_notes), meetings[0])
    ctx.events.open_meeting.emit(held.id)
    _settle(app, 600)
    save(window, "meeting")

    ctx.set_privacy_mode(True)
    _settle(app, 300)
    save(window, "privacy")
    ctx.set_privacy_mode(False)

    window.search_field.setText(SEARCH_WORDS.get(lang, "career"))
    window.search_field.returnPressed.emit()
    _settle(app, 900)
    window.search_field.clear()
    save(window, "search")
    window.show_page("dashboard")

    def dialog_shot(dialog: Any, name: str, ms: int = 400) -> None:
        dialog.show()
        _settle(app, ms)
        save(dialog, name)
        dialog.close()
        dialog.deleteLater()

    dialog_shot(SettingsDialog(ctx, window), "settings")
    dialog_shot(ExportDialog(ctx, person_id=person.id, parent=window), "export", 600)
    emails = store.people.get(person.id).emails
    ics = work / "calendar.ics"
    start = (datetime.now(UTC) + timedelta(days=3)).strftime("%Y%m%dT100000Z")
    text = ICS.format(start=start, email=emails[0] if emails else "someone@example.com")
    write_atomic(ics, text.replace("\n", "\r\n").encode("utf-8"), mode=0o600)
    dialog_shot(ImportDialog(ctx, [ics], window), "import", 900)
    dialog_shot(RestoreDialog(ctx, window), "backup")
    dialog_shot(ShortcutsDialog(window), "help")
