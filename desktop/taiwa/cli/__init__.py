"""The command line: the same services as the GUI, one module per group of commands.

Every expected failure (:class:`~taiwa.errors.TaiwaError`) prints one translated line to stderr
and exits non-zero; anything else is a bug and prints only its type (never its text, which may
quote note or file content) unless TAIWA_DEBUG=1.
"""

from __future__ import annotations

import argparse
import os
import sys
import traceback
from collections.abc import Sequence

from taiwa import __version__, i18n
from taiwa.cli import app_cmds, export_cmds, ics_cmds, log_cmds, vault_cmds
from taiwa.cli.context import CliContext
from taiwa.errors import TaiwaError
from taiwa.i18n import Msg

EXIT_BUG = 70

_BUG = Msg(
    "Internal error ({kind}). Nothing was changed by the failed step; please report it.",
    "内部エラーが発生しました（{kind}）。失敗した処理による変更はありません。報告してください。",
)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="taiwa",
        description="Taiwa: confidential 1on1 notes, encrypted on this laptop.",
    )
    parser.add_argument("--version", action="version", version=f"taiwa {__version__}")
    parser.add_argument(
        "--vault", metavar="DIR", help="vault folder (default: TAIWA_VAULT or the user data folder)"
    )
    parser.add_argument("--lang", choices=i18n.LANGS, help="language of messages")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for module in (vault_cmds, log_cmds, ics_cmds, export_cmds, app_cmds):
        module.register(sub)
    return parser


def main(argv: Sequence[str]) -> int:
    """Run the CLI (or the GUI when no command is given) and return the exit status."""
    parser = build_parser()
    args = parser.parse_args(list(argv))
    if args.lang:
        i18n.set_language(args.lang)
    ctx = CliContext(args=args, out=sys.stdout, err=sys.stderr)
    handler = getattr(args, "handler", None)
    try:
        if handler is None:
            return app_cmds.run_gui(ctx)
        return int(handler(ctx, args))
    except TaiwaError as exc:
        print(f"taiwa: {exc.localized()}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        return 130
    except Exception as exc:
        if os.environ.get("TAIWA_DEBUG") == "1":
            traceback.print_exc()
        print(f"taiwa: {_BUG.text(kind=type(exc).__name__)}", file=sys.stderr)
        return EXIT_BUG
    finally:
        ctx.close()
