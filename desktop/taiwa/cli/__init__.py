"""The command line: the same services as the GUI, one module per group of commands.

Every expected failure (:class:`~taiwa.errors.TaiwaError`) prints one translated line to stderr
and exits non-zero; anything else is a bug and prints only its type (never its text, which may
quote note or file content) unless TAIWA_DEBUG=1.
"""

from __future__ import annotations

import argparse
import contextlib
import functools
import gc
import io
import os
import re
import sys
from collections.abc import Iterator, Sequence
from pathlib import PurePath
from typing import NoReturn

import taiwa
from taiwa import i18n
from taiwa.cli.context import CliContext, check_secret_variables
from taiwa.errors import InputError, TaiwaError
from taiwa.i18n import Msg

EXIT_BUG = 70

# argparse's "invalid choice: 'X' (choose from …)", where X may be a secret typed in the wrong
# place (``taiwa MY-RECOVERY-CODE``).
_INVALID_CHOICE = re.compile(r"invalid choice: .*? \((choose from .*)\)$", re.DOTALL)

#: Arguments that name files or folders: bytes that are not UTF-8 are fine there (Python keeps
#: them as surrogates and gives the same bytes back to the OS), unlike in text.
_PATH_DESTS = frozenset({"vault", "output", "dir", "file", "files"})
#: Longest file name (one path component) and whole path in bytes on the usual file systems;
#: longer ones fail with ENAMETOOLONG deep inside a command.
_NAME_MAX = 255
_PATH_MAX = 4095

_NUL = Msg(
    "The argument {option} contains a NUL character; nothing was changed.",
    "引数 {option} に NUL 文字が含まれています。変更はしていません。",
)
_NOT_UTF8 = Msg(
    "The argument {option} is not valid UTF-8 text (check the terminal's encoding); nothing was"
    " changed.",
    "引数 {option} が正しい UTF-8 のテキストではありません（端末の文字コードを確認してください）。"
    "変更はしていません。",
)
_EMPTY_PATH = Msg(
    "The argument {option} is empty; give a file or folder.",
    "引数 {option} が空です。ファイルかフォルダーを指定してください。",
)
_PATH_NOT_TEXT = Msg(
    "The path given to {option} cannot be used: it holds characters the system cannot encode.",
    "{option} に指定したパスは使えません（システムで扱えない文字が含まれています）。",
)
_NAME_TOO_LONG = Msg(
    "The path given to {option} cannot be used: a name in it is longer than {limit} bytes.",
    "{option} に指定したパスは使えません（名前が {limit} バイトを超えています）。",
)
_PATH_TOO_LONG = Msg(
    "The path given to {option} cannot be used: it is longer than {limit} bytes.",
    "{option} に指定したパスは使えません（パスが {limit} バイトを超えています）。",
)

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


#: The command modules in registration order (lifecycle_cmds adds to the person, meeting and
#: action groups of log_cmds, so it comes after it).
COMMAND_MODULES = (
    "vault_cmds",
    "log_cmds",
    "lifecycle_cmds",
    "ics_cmds",
    "export_cmds",
    "data_cmds",
    "rollup_cmds",
    "prep_cmds",
    "app_cmds",
)
#: Which modules make each command, in registration order: building one command's parser
#: imports only those (every module imports its own heavy dependencies; all of them cost ~200 ms
#: a command). A module listed here but not above is registered by one of those (search_cmds by
#: log_cmds, where it sits in the help). Help, an unknown command or none builds them all.
#: tests/unit/test_cli_registry.py keeps this in step.
COMMANDS: dict[str, tuple[str, ...]] = {
    "init": ("vault_cmds",),
    "unlock": ("vault_cmds",),
    "doctor": ("vault_cmds",),
    "backup": ("vault_cmds",),
    "restore": ("vault_cmds",),
    "rotate-key": ("vault_cmds",),
    "change-recovery": ("vault_cmds",),
    "person": ("log_cmds", "lifecycle_cmds"),
    "meeting": ("log_cmds", "lifecycle_cmds"),
    "action": ("log_cmds", "lifecycle_cmds"),
    "retention": ("log_cmds", "lifecycle_cmds"),
    "search": ("search_cmds",),
    "stats": ("log_cmds",),
    "signals": ("log_cmds",),
    "demo-vault": ("log_cmds",),
    "import-ics": ("ics_cmds",),
    "upcoming": ("ics_cmds",),
    "calendar-keywords": ("ics_cmds",),
    "calendar-series": ("ics_cmds",),
    "export-pdf": ("export_cmds",),
    "export-data": ("data_cmds",),
    "import-data": ("data_cmds",),
    "handover": ("data_cmds",),
    "rollup": ("rollup_cmds",),
    "prep": ("prep_cmds",),
    "prep-answers": ("prep_cmds",),
    "recap": ("prep_cmds",),
    "reminders": ("prep_cmds",),
    "screenshots": ("app_cmds",),
}
#: Global options that take a value (the command name is the first word after them).
_GLOBAL_VALUES = frozenset({"--vault", "--lang"})


def command_name(argv: Sequence[str]) -> str | None:
    """The command word of ``argv`` (None when there is none before the first option that
    argparse would treat as the end of the global part)."""
    skip = False
    for arg in argv:
        if skip:
            skip = False
            continue
        if arg in _GLOBAL_VALUES:
            skip = True
            continue
        if arg.startswith("-"):
            if arg.split("=", 1)[0] in _GLOBAL_VALUES:
                continue
            return None  # -h, --version, or a mistake: build everything
        return arg
    return None


def build_parser(argv: Sequence[str] | None = None) -> argparse.ArgumentParser:
    """The CLI's parser: with ``argv`` naming a known command, only that command's modules."""
    import importlib

    wanted = COMMANDS.get(command_name(argv) or "") if argv is not None else None
    names = COMMAND_MODULES if wanted is None else wanted
    modules = [importlib.import_module(f"taiwa.cli.{name}") for name in names]

    with _argparse_texts_cached():
        parser = _Parser(
            prog="taiwa",
            description="Taiwa: confidential 1on1 notes, encrypted on this laptop.",
        )
        parser.add_argument("--version", action=_VersionAction)
        _add_global_options(parser)
        sub = parser.add_subparsers(dest="command", metavar="COMMAND")
        for module in modules:
            module.register(sub)
    return parser


@contextlib.contextmanager
def _argparse_texts_cached() -> Iterator[None]:
    """argparse's own texts ("options", "show this help message and exit") looked up once.

    argparse translates them through gettext for every parser it makes, and gettext searches
    the file system for a catalogue on each call when there is none (the usual case): 75 calls
    for the person commands, ~17 ms of every ``taiwa person …`` under a Japanese locale
    (issue 21). The same texts come back, cached for the time the parser is built.
    """
    plain = getattr(argparse, "_")  # noqa: B009 - not in argparse's type stubs
    setattr(argparse, "_", functools.lru_cache(maxsize=None)(plain))  # noqa: B010 - ditto
    try:
        yield
    finally:
        setattr(argparse, "_", plain)  # noqa: B010 - ditto


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


def _values(value: object) -> Iterator[object]:
    if isinstance(value, list | tuple):
        yield from value
    else:
        yield value


def option_labels(parser: argparse.ArgumentParser) -> dict[str, str]:
    """How the user wrote each argument (``output`` → ``--output``, ``person`` → ``PERSON``),
    over every subcommand, for messages that name an argument without quoting it."""
    labels: dict[str, str] = {}
    stack = [parser]
    while stack:
        current = stack.pop()
        for action in current._actions:
            if isinstance(action, argparse._SubParsersAction):
                stack.extend(action.choices.values())
            elif action.option_strings:
                labels.setdefault(action.dest, max(action.option_strings, key=len))
            else:
                metavar = action.metavar if isinstance(action.metavar, str) else None
                labels.setdefault(action.dest, metavar or action.dest.upper())
    return labels


def check_arguments(args: argparse.Namespace, labels: dict[str, str] | None = None) -> None:
    """Refuse, before any command runs, arguments no command can use.

    Text must be valid UTF-8 (a lone surrogate is what Python makes of other bytes, and SQLite,
    PDFs and JSON refuse it later, half-way through a command); paths may hold such bytes but
    no NUL, must be encodable for the OS and within the usual length limits.

    Raises:
        InputError: the first argument that is refused (named by its option, never quoted).
    """
    for dest, value in vars(args).items():
        option = (labels or {}).get(dest) or "--" + dest.replace("_", "-")
        is_path = dest in _PATH_DESTS or dest.endswith("_file")
        for item in _values(value):
            if isinstance(item, PurePath) or (is_path and isinstance(item, str)):
                _check_path(option, os.fspath(item))
            elif isinstance(item, str):
                if "\x00" in item:
                    raise InputError(_NUL, option=option)
                try:
                    item.encode("utf-8")
                except UnicodeEncodeError:
                    raise InputError(_NOT_UTF8, option=option) from None


def _check_path(option: str, path: str) -> None:
    if "\x00" in path:
        raise InputError(_NUL, option=option)
    if not path:
        raise InputError(_EMPTY_PATH, option=option)
    try:
        raw = os.fsencode(path)
    except UnicodeEncodeError:
        raise InputError(_PATH_NOT_TEXT, option=option) from None
    if len(raw) > _PATH_MAX:
        raise InputError(_PATH_TOO_LONG, option=option, limit=_PATH_MAX)
    if any(len(part) > _NAME_MAX for part in raw.replace(os.sep.encode(), b"/").split(b"/")):
        raise InputError(_NAME_TOO_LONG, option=option, limit=_NAME_MAX)


def run(argv: Sequence[str]) -> int:
    """:func:`main` for callers in this process (tests): argparse's exits become a status."""
    try:
        return main(argv)
    except SystemExit as exc:
        code = exc.code
        return code if isinstance(code, int) else (0 if code is None else 2)


def main(argv: Sequence[str]) -> int:
    """Run the CLI (or the GUI when no command is given) and return the exit status."""
    args = app_arguments(argv)
    labels: dict[str, str] | None = None
    if args is None:
        parser = build_parser(argv)
        args = parser.parse_args(list(argv))
        labels = option_labels(parser)
    if args.lang:
        i18n.set_language(args.lang)
    ctx = CliContext(args=args, out=sys.stdout, err=sys.stderr)
    handler = getattr(args, "handler", None)
    if isinstance(sys.stdout, io.TextIOWrapper) and sys.stdout is sys.__stdout__:
        # A file name may hold bytes that are not UTF-8 (surrogates in Python): printing it
        # back ("Wrote …") must not fail after the work is done. stderr does this already.
        sys.stdout.reconfigure(errors="backslashreplace")
    try:
        check_arguments(args, labels)
        check_secret_variables()
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
            import traceback  # only here: every command would pay for its import

            traceback.print_exc()
        print(f"taiwa: {_BUG.text(kind=type(exc).__name__)}", file=sys.stderr)
        return EXIT_BUG
    finally:
        ctx.close()
