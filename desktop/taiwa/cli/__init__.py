"""The command line: the same services as the GUI, one module per group of commands.

Every expected failure (:class:`~taiwa.errors.TaiwaError`) prints one translated line to stderr
and exits non-zero; anything else is a bug and prints only its type (never its text, which may
quote note or file content) unless TAIWA_DEBUG=1.
"""

from __future__ import annotations

import argparse
import gc
import os
import re
import sys
import traceback
from collections.abc import Sequence
from typing import NoReturn

import taiwa
from taiwa import i18n
from taiwa.cli.context import CliContext
from taiwa.errors import TaiwaError
from taiwa.i18n import Msg

EXIT_BUG = 70

# argparse's "invalid choice: 'X' (choose from …)", where X may be a secret typed in the wrong
# place (``taiwa MY-RECOVERY-CODE``).
_INVALID_CHOICE = re.compile(r"invalid choice: .*? \((choose from .*)\)$", re.DOTALL)

_BUG = Msg(
    "Internal error ({kind}). Nothing was changed by the failed step; please report it.",
    "内部エラーが発生しました（{kind}）。失敗した処理による変更はありません。報告してください。",
)


class _VersionAction(argparse.Action):
    """``--version``, reading the installed version only when asked."""

    def __init__(self, option_strings: list[str], dest: str, **kwargs: object) -> None:
        super().__init__(option_strings, dest, nargs=0, help="show the version and exit")

    def __call__(self, parser: argparse.ArgumentParser, *args: object, **kwargs: object) -> None:
        print(f"taiwa {taiwa.__version__}")
        parser.exit()


class _Parser(argparse.ArgumentParser):
    """argparse, but its errors never echo a stray argument back.

    Someone may type a secret as an argument by mistake (``taiwa unlock MY-CODE``); argparse
    would print it in "unrecognized arguments: …" or "invalid choice: …", into the terminal's
    scrollback and logs.
    """

    def error(self, message: str) -> NoReturn:
        if message.startswith("unrecognized arguments"):
            message = "unrecognized arguments (not shown)"
        message = _INVALID_CHOICE.sub(r"invalid choice (not shown); \1", message)
        super().error(message)


def _add_global_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--vault", metavar="DIR", help="vault folder (default: TAIWA_VAULT or the user data folder)"
    )
    parser.add_argument("--lang", choices=i18n.LANGS, help="language of messages")


def build_parser() -> argparse.ArgumentParser:
    from taiwa.cli import app_cmds, export_cmds, ics_cmds, log_cmds, vault_cmds

    parser = _Parser(
        prog="taiwa",
        description="Taiwa: confidential 1on1 notes, encrypted on this laptop.",
    )
    parser.add_argument("--version", action=_VersionAction)
    _add_global_options(parser)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for module in (vault_cmds, log_cmds, ics_cmds, export_cmds, app_cmds):
        module.register(sub)
    return parser


def app_arguments(argv: Sequence[str]) -> argparse.Namespace | None:
    """The arguments when they only start the app (global options, no command), else None.

    Read without the commands: building them imports every command's modules, which the app
    does not use and would pay for on each start. Anything else (a command, ``--help``,
    ``--version``, a bad option) is left to the full parser and its messages.
    """
    parser = _Parser(prog="taiwa", add_help=False, exit_on_error=False)
    _add_global_options(parser)
    try:
        args, rest = parser.parse_known_args(list(argv))
    except argparse.ArgumentError:
        return None
    if rest:
        return None
    args.command = None
    return args


def main(argv: Sequence[str]) -> int:
    """Run the CLI (or the GUI when no command is given) and return the exit status."""
    args = app_arguments(argv)
    if args is None:
        args = build_parser().parse_args(list(argv))
    if args.lang:
        i18n.set_language(args.lang)
    ctx = CliContext(args=args, out=sys.stdout, err=sys.stderr)
    handler = getattr(args, "handler", None)
    try:
        if handler is None:
            from taiwa.cli.app_cmds import run_gui

            return run_gui(ctx)
        gc.enable()  # switched off for the start-up (taiwa.__main__)
        return int(handler(ctx, args))
    except TaiwaError as exc:
        print(f"taiwa: {exc.localized()}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # `taiwa … | head`: the reader went away; not an error worth a message. Point stdout at
        # devnull so the interpreter's final flush does not raise again.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 0
    except Exception as exc:
        if os.environ.get("TAIWA_DEBUG") == "1":
            traceback.print_exc()
        print(f"taiwa: {_BUG.text(kind=type(exc).__name__)}", file=sys.stderr)
        return EXIT_BUG
    finally:
        ctx.close()
