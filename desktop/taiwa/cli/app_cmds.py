"""Starting the GUI and GUI-related commands (screenshots)."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from taiwa.cli.context import CliContext


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
    """Start the desktop app on the vault folder (Qt is imported only here)."""
    import gc

    from taiwa import startup

    # Start-up makes a great many objects that live as long as the app (modules, classes,
    # widgets): the collector would walk them over and over for nothing (taiwa.__main__ has
    # switched it off already). Once Qt is up, it runs on the GUI thread only (taiwa.ui.collector).
    gc.disable()
    opening = startup.begin(ctx.vault_dir)
    from taiwa.ui.app import run

    return run(vault_dir=ctx.vault_dir, lang=getattr(ctx.args, "lang", None), opening=opening)
