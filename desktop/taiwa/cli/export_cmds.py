"""``taiwa export-pdf``: a meeting or person summary as a PDF (the same service as the GUI)."""

from __future__ import annotations

import argparse
import os
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

from taiwa import i18n
from taiwa.cli.context import CliContext
from taiwa.domain import validate
from taiwa.errors import InputError
from taiwa.export.model import PAPERS, Audience, DocKind, ExportOptions, Paper
from taiwa.i18n import Msg
from taiwa.prefs import Prefs

_PRIVATE_AND_SHARED = Msg(
    "--include-private cannot be used with --shared-only: the shared summary never has private notes.",
    "--include-private と --shared-only は同時に指定できません。共有サマリーに非公開メモは含まれません。",
)
_PRIVATE_NEEDS_MANAGER = Msg(
    "--include-private needs --audience manager: only the manager's copy can have private notes.",
    "--include-private は --audience manager と一緒にしか使えません。非公開メモを含められるのは上長用だけです。",
)
_AUDIENCE_AND_SHARED = Msg(
    "--shared-only is the same as --audience shared; give one of them.",
    "--shared-only は --audience shared と同じです。どちらか一方を指定してください。",
)
_MISSING_CHARS = Msg(
    "Warning: the PDF's fonts cannot show these characters; they print as 〓 or ?: {chars}",
    "注意：次の文字は PDF のフォントで表示できないため 〓 または ? で印字されます：{chars}",
)
_RANGE_NEEDS_PERSON = Msg(
    "--from and --to apply to --person summaries only.",
    "--from と --to は --person のサマリーでのみ使えます。",
)
_NO_PASSWORD_VAR = Msg(
    "The environment variable {var} is not set or empty; it must hold the PDF password.",
    "環境変数 {var} が未設定か空です。PDF のパスワードを設定してください。",
)
_NO_VAR_NAME = Msg(
    "--password-env needs the name of an environment variable that holds the password.",
    "--password-env にはパスワードを入れた環境変数の名前を指定してください。",
)
_PASSWORD_NOT_TEXT = Msg(
    "The password in {var} is not valid UTF-8 text; set it again in a UTF-8 terminal.",
    "{var} のパスワードが正しい UTF-8 のテキストではありません。UTF-8 の端末で設定し直してください。",
)
_BAD_MEETING_ID = Msg(
    "'{value}' is not a meeting id.", "'{value}' はミーティング ID ではありません。"
)
_WROTE = Msg("Wrote {path}", "{path} を書き出しました")
_WROTE_ENCRYPTED = Msg(
    "Wrote {path} (password-protected, AES-256)",
    "{path} を書き出しました（パスワード保護、AES-256）",
)
_PRIVATE_WARNING = Msg(
    "Warning: this PDF includes private notes. Keep it to yourself.",
    "注意：この PDF には非公開メモが含まれています。取り扱いに注意してください。",
)


def register(sub: argparse._SubParsersAction[Any]) -> None:
    """Add ``export-pdf`` to the parser."""
    parser = sub.add_parser(
        "export-pdf",
        help="write a meeting or person summary as a PDF",
        description=(
            "Write a PDF summary of one meeting or of a person's meetings over a period. "
            "Private notes are left out unless --include-private is given."
        ),
    )
    what = parser.add_mutually_exclusive_group(required=True)
    what.add_argument("--meeting", metavar="ID", help="summary of this meeting")
    what.add_argument(
        "--person", metavar="PERSON", help="summary of this person (name, e-mail or id)"
    )
    parser.add_argument("--from", dest="start", metavar="DATE", help="first day (YYYY-MM-DD)")
    parser.add_argument("--to", dest="end", metavar="DATE", help="last day (YYYY-MM-DD)")
    parser.add_argument(
        "--shared-only",
        action="store_true",
        help="the summary to hand to the report: no private notes, mood or signals",
    )
    parser.add_argument(
        "--audience",
        choices=[a.value for a in Audience],
        help=(
            "who the PDF is for, marked on every page: shared (with the person; the default), "
            "hr (no private notes, no mood), manager (confidential), handover (to the next "
            "manager: no private notes, no mood, no signals)"
        ),
    )
    parser.add_argument(
        "--include-private",
        action="store_true",
        help="include the manager's private notes (implies --audience manager)",
    )
    # dest differs from the global --lang (language of messages), which it must not overwrite.
    parser.add_argument(
        "--lang",
        dest="pdf_lang",
        choices=i18n.LANGS,
        help="language of the PDF (default: the UI's)",
    )
    parser.add_argument(
        "--password-env",
        metavar="VAR",
        help="protect the PDF with the password held in this environment variable (AES-256)",
    )
    parser.add_argument(
        "--paper", choices=PAPERS, help="paper size (default: the export.paper setting, else a4)"
    )
    parser.add_argument(
        "-o",
        "--output",
        metavar="FILE",
        help="the PDF to write (default: 1on1-summary-<today>.pdf in the current folder)",
    )
    parser.add_argument(
        "--force", action="store_true", help="replace the output file if it exists already"
    )
    parser.set_defaults(handler=run_export)


def _options(args: argparse.Namespace) -> ExportOptions:
    if args.include_private and args.shared_only:
        raise InputError(_PRIVATE_AND_SHARED)
    audience = Audience(args.audience) if args.audience else None
    if audience is not None and args.shared_only:
        raise InputError(_AUDIENCE_AND_SHARED)
    if args.include_private and audience not in (None, Audience.MANAGER):
        raise InputError(_PRIVATE_NEEDS_MANAGER)
    if audience is None:
        audience = Audience.MANAGER if args.include_private else Audience.SHARED
    if args.meeting is not None and (args.start or args.end):
        raise InputError(_RANGE_NEEDS_PERSON)
    password: str | None = None
    if args.password_env is not None:
        # The password comes from the environment, never from the command line (ps, history).
        # An empty name or value is refused: it would write an unprotected PDF without a word.
        if not args.password_env.strip():
            raise InputError(_NO_VAR_NAME)
        password = os.environ.get(args.password_env) or None
        if password is None:
            raise InputError(_NO_PASSWORD_VAR, var=args.password_env)
        try:
            password.encode("utf-8")
        except UnicodeEncodeError:
            # Bytes that were not UTF-8 in the environment: pypdf would fail half-way.
            raise InputError(_PASSWORD_NOT_TEXT, var=args.password_env) from None
    paper: Paper = args.paper or "a4"
    return ExportOptions(
        lang=_pdf_language(args),
        include_private=bool(args.include_private),
        shared_only=bool(args.shared_only),
        audience=audience,
        paper=paper,
        password=password,
    )


def _pdf_language(args: argparse.Namespace) -> i18n.Lang:
    """``--lang`` of the command, else the global ``--lang``, else the app's UI language
    (its saved preference), else TAIWA_LANG or the system's language."""
    chosen = args.pdf_lang or getattr(args, "lang", None) or Prefs.load().language
    return i18n.normalize(chosen) if chosen else i18n.current_language()


def run_export(ctx: CliContext, args: argparse.Namespace) -> int:
    """Validate everything, then build and write the PDF; print where it went."""
    # Imported here: reportlab and pypdf are heavy, and every start of the app parses this CLI.
    from taiwa.export import service, writer
    from taiwa.store import Store

    options = _options(args)
    # Given but empty is a mistake, never "the default" (that is leaving the option out).
    start = None if args.start is None else validate.parse_date(args.start)
    end = None if args.end is None else validate.parse_date(args.end)
    output = (
        Path(args.output)
        if args.output is not None
        else Path(writer.default_filename(date.today()))
    )
    # The export service refuses an existing file unless told to replace it (--force).
    target = writer.check_target(output, overwrite=args.force)
    meeting_id: int | None = None
    if args.meeting is not None:
        value = str(args.meeting).strip()
        if not validate.is_record_id(value):
            raise InputError(_BAD_MEETING_ID, value=value[:40])
        meeting_id = int(value)
    store = Store(ctx.database())
    if args.paper is None:
        options = replace(options, paper=service.default_paper(store))
    if meeting_id is not None:
        request = service.ExportRequest(DocKind.MEETING, meeting_id, options)
    else:
        person = store.people.resolve(args.person)
        request = service.ExportRequest(DocKind.PERSON, person.id, options, start, end)

    def warn_missing(chars: tuple[str, ...]) -> None:
        # Only the characters themselves (with their code points), never the text around them.
        listed = " ".join(f"{c} (U+{ord(c):04X})" for c in chars[:40])
        print(_MISSING_CHARS.text(chars=listed), file=ctx.err)

    result = service.export(store, request, target, overwrite=args.force, on_missing=warn_missing)
    message = _WROTE_ENCRYPTED if result.encrypted else _WROTE
    ctx.print(message.text(path=str(result.path)))
    if options.show_private:
        print(_PRIVATE_WARNING.text(), file=ctx.err)
    return 0
