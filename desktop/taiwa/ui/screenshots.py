"""``taiwa screenshots DIR [--lang ja|en]``: every main screen of a demo vault, offscreen, to PNG.

Nothing of the user's is touched: the demo vault is built in a temporary folder, the keyring is
replaced for this process by an in-memory one, preferences go to a temporary config folder, and
the temporary folder is deleted at the end (the PNGs show demo data only).
"""

from __future__ import annotations

import os
import shutil
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

SCREENS = (
    "dashboard",
    "person",
    "meeting",
    "privacy",
    "search",
    "settings",
    "unlock",
    "first_run",
)
WINDOW_SIZE = (1280, 820)
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
    """Let queued work, background ops and repaints finish (bounded)."""
    from taiwa.ui import ops

    deadline = time.monotonic() + max(ms, 50) / 1000
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


def render_screenshots(out_dir: Path, *, lang: str = "en", size: str = "year") -> list[Path]:
    """Render the screens to ``out_dir/<lang>-<screen>.png`` and return the files written."""
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
        return _render(out_dir, work, lang=lang, size=size)
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


def _render(out_dir: Path, work: Path, *, lang: str, size: str) -> list[Path]:
    from taiwa.demo import build_demo_vault
    from taiwa.prefs import Prefs
    from taiwa.ui import app as app_module
    from taiwa.ui.context import AppContext
    from taiwa.ui.main_window import MainWindow

    vault = work / "vault"
    build_demo_vault(vault, size=size, lang="ja" if lang == "ja" else "en")  # type: ignore[arg-type]
    app = app_module.application()
    prefs = Prefs.load()
    app_module.setup(app, prefs, lang)
    written: list[Path] = []

    def save(widget: Any, name: str) -> None:
        _settle(app, 150)
        path = out_dir / f"{lang}-{name}.png"
        widget.grab().save(str(path))
        written.append(path)

    ctx = AppContext(vault, prefs=prefs)
    window = MainWindow(ctx)
    window.watcher.set_idle_minutes(0)  # an idle lock must not interrupt the rendering
    window.resize(*WINDOW_SIZE)
    window.show()
    window.start()
    _settle(app, 300, until=lambda: ctx.is_unlocked)
    if not ctx.is_unlocked:
        raise RuntimeError("the demo vault did not open")
    window.show_page("dashboard")
    _settle(app, 600)
    save(window, "dashboard")

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

    from taiwa.ui.settings_dialog import SettingsDialog

    window.show_page("dashboard")
    dialog = SettingsDialog(ctx, window)
    dialog.resize(700, 560)
    dialog.show()
    _settle(app, 500)
    save(dialog, "settings")
    dialog.tabs.setCurrentIndex(3)
    _settle(app, 300)
    save(dialog, "settings-keys")
    dialog.close()
    dialog.deleteLater()

    window.lock("manual")
    _settle(app, 200)
    save(window, "unlock")
    window.close()
    window.deleteLater()

    fresh = AppContext(work / "new-vault", prefs=prefs)
    first = MainWindow(fresh)
    first.resize(*WINDOW_SIZE)
    first.show()
    first.start()
    _settle(app, 300)
    save(first, "first_run")
    first.close()
    first.deleteLater()
    _settle(app, 100)
    return written
