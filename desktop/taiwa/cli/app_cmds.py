"""Starting the GUI and GUI-related commands (screenshots)."""

from __future__ import annotations

import argparse
from typing import Any

from taiwa.cli.context import CliContext


def register(sub: argparse._SubParsersAction[Any]) -> None:
    """Add this group's subcommands to the parser."""


def run_gui(ctx: CliContext) -> int:
    """Start the desktop app on the vault folder (Qt is imported only here)."""
    from taiwa.ui.app import run

    return run(vault_dir=ctx.vault_dir)
