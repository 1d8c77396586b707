"""Calendar matching rules: ``calendar-keywords`` (the 1on1 keywords and exclusions) and
``calendar-series`` (the remembered answers to "who is this?"). Registered by
:mod:`taiwa.cli.ics_cmds` with the other calendar commands.
"""

from __future__ import annotations

import argparse

from taiwa.cli.context import CliContext
from taiwa.errors import InputError
from taiwa.i18n import Msg

_KEYWORDS = Msg("1on1 keywords: {words}", "1on1 のキーワード: {words}")
_EXCLUDE = Msg(
    "Not a 1on1 when the title has: {words}", "次を含むタイトルは 1on1 ではありません: {words}"
)
_EMPTY_KEYWORDS = Msg("Give at least one keyword.", "キーワードを 1 つ以上指定してください。")


def calendar_keywords(ctx: CliContext, args: argparse.Namespace) -> int:
    """``taiwa calendar-keywords [--set K…] [--exclude W…] [--reset] [--json]``."""
    from taiwa.ics import service
    from taiwa.ics.match import DEFAULT_EXCLUDE, DEFAULT_KEYWORDS

    db = ctx.database()
    _, keywords, exclude = service.matching_settings(db)
    if args.reset:
        keywords, exclude = list(DEFAULT_KEYWORDS), list(DEFAULT_EXCLUDE)
    if args.set is not None:
        keywords = [k.strip() for k in args.set if k.strip()]
        if not keywords:
            raise InputError(_EMPTY_KEYWORDS)
    if args.exclude is not None:
        exclude = [k.strip() for k in args.exclude if k.strip()]
    if args.reset or args.set is not None or args.exclude is not None:
        service.save_keywords(db, keywords, exclude)
    if args.json:
        ctx.print_json({"keywords": keywords, "exclude": exclude})
    else:
        ctx.print(_KEYWORDS.text(words=", ".join(keywords)))
        ctx.print(_EXCLUDE.text(words=", ".join(exclude)))
    return 0


_SERIES_NONE = Msg("No remembered answers.", "記憶している答えはありません。")
_SERIES_LINK = Msg("{uid}: with {name}", "{uid}: {name} さん")
_SERIES_IGNORE = Msg("{uid}: ignored", "{uid}: 無視")
_SERIES_FORGOT = Msg("Forgot {count} answer(s).", "{count} 件の答えを忘れました。")
_SERIES_UNKNOWN = Msg(
    "No answer is remembered for the series '{value}'.",
    "シリーズ '{value}' の答えは記憶されていません。",
)


def calendar_series(ctx: CliContext, args: argparse.Namespace) -> int:
    """``taiwa calendar-series [--forget UID | --forget-all] [--json]``."""
    from taiwa.store import Store
    from taiwa.store import calendar as repo

    db = ctx.database()
    if args.forget_all or args.forget is not None:
        uid = None if args.forget_all else args.forget
        gone = repo.forget_series(db, uid)
        if uid is not None and not gone:
            raise InputError(_SERIES_UNKNOWN, value=uid[:80])
        ctx.print(_SERIES_FORGOT.text(count=gone))
        return 0
    names = {p.id: p.name for p in Store(db).people.list(include_archived=True)}
    choices = repo.series_choices(db)
    if args.json:
        ctx.print_json(
            {
                "series": [
                    {"uid": uid, "answer": kind, "person_id": pid, "person": names.get(pid or 0)}
                    for uid, (kind, pid) in sorted(choices.items())
                ]
            }
        )
        return 0
    if not choices:
        ctx.print(_SERIES_NONE.text())
    for uid, (kind, pid) in sorted(choices.items()):
        if kind == "ignore":
            ctx.print(_SERIES_IGNORE.text(uid=uid))
        else:
            ctx.print(_SERIES_LINK.text(uid=uid, name=names.get(pid or 0, "?")))
    return 0
