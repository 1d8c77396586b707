"""``taiwa prep``, ``taiwa prep-answers`` and ``taiwa recap``: before and after a 1on1, with the
report and without a server (the same services as the GUI, :mod:`taiwa.prep`)."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import Any

from taiwa import i18n
from taiwa.atomic import write_atomic
from taiwa.cli.context import CliContext
from taiwa.domain import validate
from taiwa.errors import InputError
from taiwa.i18n import Msg
from taiwa.prefs import Prefs

_EXISTS = Msg(
    "{path} exists already; give --force to replace it. Nothing was written.",
    "{path} は既にあります。置き換えるには --force を指定してください。何も書き出していません。",
)
_UNWRITABLE = Msg(
    "Cannot write {path}: {reason}. Nothing was written.",
    "{path} に書き出せません（{reason}）。何も書き出していません。",
)
_UNREADABLE = Msg(
    "Cannot read the answer file {path}: {reason}. Nothing was added.",
    "回答ファイル {path} を読めません（{reason}）。何も追加していません。",
)
_BAD_MEETING_ID = Msg(
    "'{value}' is not a meeting id.", "'{value}' はミーティング ID ではありません。"
)
_WROTE = Msg("Wrote {path}", "{path} を書き出しました")
_NEW_MEETING = Msg(
    "{count} item(s) for a new planned 1on1 with {name} on {when}:",
    "{name} さんとの新しい 1on1（{when}、予定）に {count} 件を追加します：",
)
_EXISTING_MEETING = Msg(
    "{count} item(s) for the next 1on1 with {name} on {when} (meeting {id}):",
    "{name} さんとの次回の 1on1（{when}、ミーティング {id}）に {count} 件を追加します：",
)
_BAD_LEAD = Msg(
    "'{value}' is not a number of minutes from 0 to 1440.",
    "'{value}' は 0〜1440 の分数ではありません。",
)
_REMINDER_SETTINGS = Msg(
    "Reminders {minutes} min before each 1on1; names shown: {names}.",
    "1on1 の {minutes} 分前に通知します。名前の表示：{names}。",
)
_YES = Msg("yes", "する")
_NO = Msg("no", "しない")
_DRY_RUN = Msg("Dry run: nothing was added.", "確認のみ：何も追加していません。")
_ADDED = Msg(
    "Added {count} item(s) to meeting {id}.", "ミーティング {id} に {count} 件を追加しました。"
)


def register(sub: argparse._SubParsersAction[Any]) -> None:
    """Add ``prep``, ``prep-answers`` and ``recap`` to the parser."""
    prep = sub.add_parser(
        "prep",
        help="write the prep sheet for a person's next 1on1",
        description=(
            "Write the prep sheet for the report: the open action items, carried-over topics"
            " and a few questions, with a form to answer. Markdown (for mail or chat) or one"
            " offline HTML file. Never private notes, mood or signals."
        ),
    )
    prep.add_argument("person", metavar="PERSON", help="name, e-mail or id")
    prep.add_argument("--format", choices=("md", "html"), default="md", help="default: md")
    _add_lang(prep, "language of the sheet (default: the UI's)")
    prep.add_argument(
        "-o", "--output", metavar="FILE", help="the file to write (default: standard output)"
    )
    prep.add_argument("--force", action="store_true", help="replace the file if it exists")
    prep.set_defaults(handler=run_prep)

    back = sub.add_parser(
        "prep-answers",
        help="read a returned prep sheet into the next 1on1's agenda",
        description=(
            "Read the answer block a report sent back (a file, or - for standard input), show"
            " what would be added, then add it all as the next 1on1's agenda (a new planned"
            " meeting when there is none). Nothing is added when any line is wrong."
        ),
    )
    back.add_argument("person", metavar="PERSON", help="name, e-mail or id")
    back.add_argument("file", metavar="FILE", help="the answer (a mail or text holding the block)")
    back.add_argument("--dry-run", action="store_true", help="only show what would be added")
    back.set_defaults(handler=run_prep_answers)

    recap = sub.add_parser(
        "recap",
        help="the recap of a meeting: shared notes and agreed actions, and an .ics",
        description=(
            "Print the recap of a meeting (shared notes, agreed actions with owner and due"
            " date) and optionally write the next 1on1 as an .ics file with its agenda."
            " Never private notes, mood or signals."
        ),
    )
    recap.add_argument("meeting", metavar="MEETING", help="meeting id")
    recap.add_argument("--format", choices=("md",), default="md", help="default: md")
    recap.add_argument("--ics", dest="ics_file", metavar="FILE", help="write the next 1on1 here")
    _add_lang(recap, "language of the recap (default: the UI's)")
    recap.add_argument("--force", action="store_true", help="replace the .ics if it exists")
    recap.set_defaults(handler=run_recap)
    _register_reminders(sub)


def _register_reminders(sub: argparse._SubParsersAction[Any]) -> None:
    parser = sub.add_parser(
        "reminders",
        help="the lead time of 1on1 reminders and the next ones",
        description=(
            "Show or set how long before a 1on1 the app's tray reminder comes (--lead) and"
            " whether it may name the person (--names / --no-names), then list the reminders"
            " of the next two days."
        ),
    )
    parser.add_argument("--lead", metavar="MINUTES", help="minutes before a meeting (0-1440)")
    names = parser.add_mutually_exclusive_group()
    names.add_argument("--names", dest="names", action="store_true", default=None)
    names.add_argument("--no-names", dest="names", action="store_false")
    parser.add_argument("--json", action="store_true", help="machine-readable output")
    parser.set_defaults(handler=run_reminders)


def run_reminders(ctx: CliContext, args: argparse.Namespace) -> int:
    """Set the reminder settings when asked; print them and the coming reminders."""
    from datetime import UTC, datetime

    from taiwa.prep import reminders, sheet
    from taiwa.store import Store

    lead: int | None = None
    if args.lead is not None:
        value = str(args.lead).strip()
        if not value.isascii() or not value.isdigit() or int(value) > 24 * 60:
            raise InputError(_BAD_LEAD, value=value[:20])
        lead = int(value)
    store = Store(ctx.database())
    if lead is not None:
        store.settings.set(reminders.LEAD_SETTING, lead)
    if args.names is not None:
        store.settings.set(reminders.NAMES_SETTING, bool(args.names))
    minutes, show_names = reminders.preferences(store)
    now = datetime.now(UTC)
    coming = reminders.upcoming(store, now)
    if args.json:
        ctx.print_json(
            {
                "lead_minutes": int(minutes.total_seconds() // 60),
                "show_names": show_names,
                "reminders": [
                    {
                        "fire_at": r.fire_at.isoformat(),
                        "person_id": r.person_id,
                        "meeting_id": r.meeting_id,
                        "starts_at": None if r.starts_at is None else r.starts_at.isoformat(),
                    }
                    for r in coming
                ],
            }
        )
        return 0
    ctx.print(
        _REMINDER_SETTINGS.text(
            minutes=int(minutes.total_seconds() // 60),
            names=(_YES if show_names else _NO).text(),
        )
    )
    for r in coming:
        ctx.print(f"{sheet.when_text(r.fire_at)}  {r.person_name}")
    return 0


def _add_lang(parser: argparse.ArgumentParser, text: str) -> None:
    # dest differs from the global --lang (language of messages), which it must not overwrite.
    parser.add_argument("--lang", dest="doc_lang", choices=i18n.LANGS, help=text)


def _doc_language(args: argparse.Namespace) -> i18n.Lang:
    chosen = args.doc_lang or getattr(args, "lang", None) or Prefs.load().language
    return i18n.normalize(chosen) if chosen else i18n.current_language()


def _write(path: Path, text: str, *, force: bool) -> None:
    shown = os.fsdecode(path)[:200]
    try:
        write_atomic(path, text.encode("utf-8"), overwrite=force)
    except FileExistsError:
        raise InputError(_EXISTS, path=shown) from None
    except FileNotFoundError:
        raise InputError(_UNWRITABLE, path=shown, reason="no such folder") from None
    except PermissionError:
        raise InputError(_UNWRITABLE, path=shown, reason="permission denied") from None
    except IsADirectoryError:
        raise InputError(_UNWRITABLE, path=shown, reason="a folder") from None
    except OSError as exc:
        raise InputError(_UNWRITABLE, path=shown, reason=type(exc).__name__) from None


def _check_new(path: Path, force: bool) -> None:
    """Refuse an existing target before any work (the vault is not even opened)."""
    if not force and (path.exists() or path.is_symlink()):
        raise InputError(_EXISTS, path=os.fsdecode(path)[:200])


def run_prep(ctx: CliContext, args: argparse.Namespace) -> int:
    """Write (or print) the prep sheet."""
    from taiwa.prep import facts, sheet
    from taiwa.store import Store

    output = None if args.output is None or args.output == "-" else Path(args.output)
    if output is not None:
        _check_new(output, args.force)
    store = Store(ctx.database())
    person = store.people.resolve(args.person)
    found = facts.build(store, person.id, _doc_language(args))
    text = sheet.html(found) if args.format == "html" else sheet.markdown(found)
    if output is None:
        ctx.out.write(text)
        return 0
    _write(output, text, force=args.force)
    ctx.print(_WROTE.text(path=os.fsdecode(output)))
    return 0


def _read_answer(path: str) -> bytes:
    from taiwa.prep import answers

    if path == "-":
        return sys.stdin.buffer.read(answers.MAX_BYTES + 1)
    shown = os.fsdecode(path)[:200]
    try:
        with open(path, "rb") as handle:
            return handle.read(answers.MAX_BYTES + 1)
    except FileNotFoundError:
        raise InputError(_UNREADABLE, path=shown, reason="no such file") from None
    except IsADirectoryError:
        raise InputError(_UNREADABLE, path=shown, reason="a folder") from None
    except PermissionError:
        raise InputError(_UNREADABLE, path=shown, reason="permission denied") from None
    except (OSError, ValueError) as exc:
        raise InputError(_UNREADABLE, path=shown, reason=type(exc).__name__) from None


def run_prep_answers(ctx: CliContext, args: argparse.Namespace) -> int:
    """Show what a returned sheet adds, then add it (unless --dry-run)."""
    from taiwa.prep import answers, sheet, texts
    from taiwa.store import Store

    # The whole answer is read and checked before the vault is opened: a bad file changes nothing.
    answer = answers.parse(answers.decode(_read_answer(args.file)))
    store = Store(ctx.database())
    person = store.people.resolve(args.person)
    plan = answers.plan(store, person.id, answer)
    lang = i18n.current_language()
    when = sheet.when_text(plan.when)
    count = len(answer.items)
    if plan.meeting is None:
        ctx.print(_NEW_MEETING.text(count=count, name=person.name, when=when))
    else:
        ctx.print(
            _EXISTING_MEETING.text(count=count, name=person.name, when=when, id=plan.meeting.id)
        )
    for item in answer.items:
        ctx.print(f"- {texts.theme(item.theme, lang)}: {item.text}")
    if args.dry_run:
        ctx.print(_DRY_RUN.text())
        return 0
    meeting = answers.apply(store, plan)
    ctx.print(_ADDED.text(count=count, id=meeting.id))
    return 0


def run_recap(ctx: CliContext, args: argparse.Namespace) -> int:
    """Print the recap; write the next 1on1's .ics when asked."""
    from taiwa.prep import recap
    from taiwa.store import Store

    value = str(args.meeting).strip()
    if not validate.is_record_id(value):
        raise InputError(_BAD_MEETING_ID, value=value[:40])
    target = None if args.ics_file is None else Path(args.ics_file)
    if target is not None:
        _check_new(target, args.force)
    store = Store(ctx.database())
    found = recap.build(store, int(value), _doc_language(args))
    ctx.out.write(recap.markdown(found))
    if target is not None:
        _write(target, recap.ics(found), force=args.force)
        print(_WROTE.text(path=os.fsdecode(target)), file=ctx.err)
    return 0
