"""The composition root of the GUI: build the application, the context and the main window.

``taiwa`` (no command) → :func:`run`, after :mod:`taiwa.startup` has opened the vault from the
keyring (usually before Qt is even loaded). Everything Qt-wide is set up here once: the bundled
font and stylesheet, the translators, the crash hook, then the window, which shows the dashboard
at once — or first run, or the unlock screen (which takes the open's outcome when it arrives).
"""

from __future__ import annotations

import gc
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, Qt, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication

from taiwa import startup
from taiwa.prefs import Prefs
from taiwa.ui import i18n as ui_i18n
from taiwa.ui import single_instance, theme
from taiwa.ui.collector import collect_on_gui_thread
from taiwa.ui.context import AppContext

if TYPE_CHECKING:
    from taiwa.startup import StartupOpen
    from taiwa.ui.main_window import MainWindow


# Qt's own command-line options for the application object: the same widget style (Fusion) on
# every OS, so screenshots match reality. Chosen here rather than by ``setStyle`` afterwards:
# that returns the style, and PySide6 then builds all of QStyle's ~700 enum members in Python
# (≈ 7 ms of start-up) for an object nobody uses.
QT_OPTIONS = ["-style", "Fusion"]


def application(argv: list[str] | None = None) -> QApplication:
    """The QApplication, created once with Taiwa's name, look and language-independent setup."""
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    QCoreApplication.setOrganizationName("Taiwa")
    QCoreApplication.setApplicationName("Taiwa")
    # The installed .desktop file's name (installers/): on Wayland the dock and the task bar
    # match the window to it by this id and take its name and icon from it.
    QGuiApplication.setDesktopFileName("app.taiwa.Taiwa")
    QGuiApplication.setHighDpiScaleFactorRoundingPolicy(
        Qt.HighDpiScaleFactorRoundingPolicy.PassThrough
    )
    app = QApplication([*(argv if argv is not None else [sys.argv[0]]), *QT_OPTIONS])
    app.setQuitOnLastWindowClosed(True)
    # From now on worker threads run Python code next to Qt objects: see taiwa.ui.collector.
    collect_on_gui_thread(app)
    return app


def setup(app: QApplication, prefs: Prefs, lang: str | None = None) -> str:
    """Font, colours, zoom, translators; returns the language in use (``lang`` overrides).

    The look follows the OS from now on: a switch to dark or high contrast re-applies it.
    """
    theme.apply(app, zoom=prefs.text_zoom)
    if app.findChild(QObject, "themeFollower") is None:
        theme.follow_system(app)
    return ui_i18n.install(lang or ui_i18n.effective_language(prefs.language))


def build_window(ctx: AppContext) -> MainWindow:
    from taiwa.ui.main_window import MainWindow

    return MainWindow(ctx)


def launch(
    vault_dir: Path, *, lang: str | None = None, opening: StartupOpen | None = None
) -> MainWindow:
    """Everything ``taiwa`` does before the event loop; returns the shown main window.

    ``opening`` is the vault's start-up open from the keyring, begun before Qt was loaded
    (:func:`taiwa.startup.begin`); without it, it is begun here.
    """
    if opening is None:
        opening = startup.begin(Path(vault_dir))
    app = application()
    prefs = Prefs.load()
    setup(app, prefs, lang)  # --lang holds for this session only; the saved choice is kept
    from taiwa.ui.ops import install_excepthook
    from taiwa.ui.startup_open import PrefetchedOpen

    install_excepthook()
    ctx = AppContext(Path(vault_dir), prefs=prefs)
    ctx.prefetched_open = PrefetchedOpen(opening)
    window = build_window(ctx)
    window.show()
    window.start()
    listen_for_second_starts(ctx.vault_dir, window)
    from taiwa.ui import termination

    termination.watch(app, lambda: quit_window(window), window.save_all)
    return window


def quit_window(window: MainWindow) -> None:
    """Quit as Ctrl+Q does (save, close the vault), also when a modal dialog is up."""
    window.close()
    app = QApplication.instance()
    if app is not None and window.isVisible():
        app.quit()  # the close was refused: quit anyway (closeEvent never refuses today)


def listen_for_second_starts(vault_dir: Path, window: MainWindow) -> None:
    """A second ``taiwa`` on this vault raises this window (see taiwa.ui.single_instance).

    Deferred until the first screen is up: listening imports QtNetwork, which the first screen
    does not need to wait for.
    """
    QTimer.singleShot(
        single_instance.LISTEN_DELAY_MS, window, lambda: single_instance.serve(vault_dir, window)
    )


def freeze_startup_objects() -> None:
    """Set aside for good what start-up made, once the window is up.

    Modules, classes and widgets made during start-up live as long as the app: without
    ``gc.freeze`` the first collection walks all of them (≈ 10 ms) just before the first paint.
    Reference counting still frees whatever of them is dropped.
    """
    gc.freeze()


def run(vault_dir: Path, *, lang: str | None = None, opening: StartupOpen | None = None) -> int:
    """Start the desktop app on ``vault_dir`` and return the exit status."""
    launch(vault_dir, lang=lang, opening=opening)
    freeze_startup_objects()
    app = QApplication.instance()
    assert app is not None
    return int(app.exec())
