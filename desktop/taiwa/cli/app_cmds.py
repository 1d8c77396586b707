"""Starting the GUI and GUI-related commands (screenshots)."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING, Any

from taiwa.cli.context import CliContext
from taiwa.i18n import Msg

if TYPE_CHECKING:
    from taiwa.startup import StartupOpen


def register(sub: argparse._SubParsersAction[Any]) -> None:
    """Add this group's subcommands to the parser."""
    shots = sub.add_parser(
        "screenshots",
        help="render every main screen of a demo vault offscreen to PNG files",
        description=(
            "Build a demo vault in a temporary folder (with a throwaway in-memory keyring) and "
            "render the dashboard, person page, meeting editor, privacy mode, search, unlock, "
            "first run and settings screens offscreen to PNG files in DIR."
        ),
    )
    shots.add_argument("dir", metavar="DIR", help="folder for the PNG files (created if needed)")
    shots.add_argument(
        "--lang",
        choices=("ja", "en"),
        default=argparse.SUPPRESS,  # keeps the global --lang when not given here
        help="language of the screens (default: the global --lang, else the OS language)",
    )
    shots.add_argument(
        "--size",
        choices=("year", "ten-years"),
        default="year",
        help="demo vault size (default: year)",
    )
    shots.set_defaults(handler=_screenshots)


def _screenshots(ctx: CliContext, args: argparse.Namespace) -> int:
    from taiwa import i18n
    from taiwa.ui.screenshots import render_screenshots

    lang = getattr(args, "lang", None) or i18n.current_language()
    written = render_screenshots(Path(args.dir), lang=lang, size=args.size)
    for path in written:
        ctx.print(str(path))
    return 0


def run_gui(ctx: CliContext) -> int:
    """Start the desktop app on the vault folder (Qt is imported only here).

    Before anything is opened: without a display it says so and exits (status 69), and when
    Taiwa already runs on this vault it brings that window to the front and exits 0.
    """
    import gc

    from taiwa import startup
    from taiwa.ui.display import NoDisplayError, check_display

    try:
        check_display()
    except NoDisplayError as exc:  # rather than Qt's abort (SIGABRT) in its platform plugin
        print(f"taiwa: {exc.localized(_app_language(ctx))}", file=ctx.err)
        return exc.exit_code
    from taiwa.ui import single_instance

    if single_instance.hand_over(ctx.vault_dir):
        return _handed_over(ctx)
    # Start-up makes a great many objects that live as long as the app (modules, classes,
    # widgets): the collector would walk them over and over for nothing (taiwa.__main__ has
    # switched it off already). Once Qt is up, it runs on the GUI thread only (taiwa.ui.collector).
    gc.disable()
    opening = startup.begin(ctx.vault_dir)
    if _in_use(opening) and single_instance.hand_over(
        ctx.vault_dir, wait_for_server_ms=single_instance.LISTEN_DELAY_MS + 1000
    ):
        # Started a moment after another Taiwa on this vault, which was not listening yet.
        return _handed_over(ctx)
    from taiwa.ui.app import run

    return run(vault_dir=ctx.vault_dir, lang=getattr(ctx.args, "lang", None), opening=opening)


HANDED_OVER = Msg(
    "Taiwa is already open on this vault; its window was brought to the front.",
    "この保管庫は既に Taiwa で開いています。そのウィンドウを前面に表示しました。",
)


def _handed_over(ctx: CliContext) -> int:
    print(f"taiwa: {HANDED_OVER.text(_app_language(ctx))}", file=ctx.err)
    return 0


def _app_language(ctx: CliContext) -> str:
    """The app's language: ``--lang``, else the one chosen in its settings, else the OS's."""
    from taiwa import i18n
    from taiwa.prefs import Prefs

    lang = getattr(ctx.args, "lang", None)
    if lang:
        return str(lang)
    return Prefs.load().language or i18n.current_language()


def _in_use(opening: StartupOpen) -> bool:
    """Whether the start-up open found the vault in use by another process."""
    from taiwa.vault.errors import VaultInUseError

    outcome = opening.outcome
    return outcome is not None and not outcome[0] and isinstance(outcome[1], VaultInUseError)
