"""Calendar commands: ``import-ics`` and ``upcoming``."""

from __future__ import annotations

import argparse
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

from taiwa.cli import calendar_rules_cmds
from taiwa.cli.context import CliContext
from taiwa.domain import validate
from taiwa.errors import InputError
from taiwa.i18n import Msg, current_language
from taiwa.ics import errors as ics_errors
from taiwa.ics.errors import Problem

if TYPE_CHECKING:
    from taiwa.ics import service

_BAD_DATE = Msg(
    "'{value}' is not a date; use YYYY-MM-DD.",
    "'{value}' は日付ではありません。YYYY-MM-DD で指定してください。",
)
_BAD_DAYS = Msg(
    "--days must be between 0 and 366.", "--days は 0 から 366 の間で指定してください。"
)
_OWNER = Msg("Calendar owner: {email}", "カレンダーの所有者: {email}")
_OWNER_GUESS = Msg(
    "Calendar owner (guessed: the address in most events): {email} — if that is wrong, run"
    " again with --owner EMAIL (it is remembered).",
    "カレンダーの所有者（推測: 最も多くの予定にあるアドレス）: {email} — 違う場合は --owner"
    " EMAIL を付けて再実行してください（記憶されます）。",
)
_OWNER_NONE = Msg(
    "Calendar owner unknown; give it with --owner EMAIL.",
    "カレンダーの所有者が不明です。--owner EMAIL で指定してください。",
)
_SERIES = Msg(
    "{name}: {total} occurrence(s) — {add} to add, {update} to update, {cancel} to cancel,"
    " {skip} unchanged or skipped",
    "{name}: {total} 件 — 追加 {add}、更新 {update}、キャンセル {cancel}、変更なし・スキップ {skip}",
)
_PROPOSED = Msg(
    "New person proposed: {name} <{email}> ({total} occurrence(s)); add with --add-people.",
    "新しい人の提案: {name} <{email}>（{total} 件）。--add-people で追加します。",
)
_PROPOSED_ADDED = Msg("New person: {name} <{email}>", "新しい人: {name} <{email}>")
_STATUS = {
    "confirmed": Msg("confirmed", "確定"),
    "cancelled": Msg("cancelled", "中止"),
}
# Keyed by taiwa.ics.service.ADD, UPDATE, CANCEL and SKIP (that module is imported only when a
# calendar command runs: starting the app must not load the calendar parser).
_ACTION = {
    "add": Msg("→ add", "→ 追加"),
    "update": Msg("→ update", "→ 更新"),
    "cancel": Msg("→ cancel", "→ 中止"),
    "skip": Msg("→ unchanged", "→ 変更なし"),
}
_PROBLEMS = Msg("Problems (not imported):", "問題（取り込まれません）:")
_NONE = Msg(
    "No 1on1s found between {start} and {end}.", "{start} から {end} の間に 1on1 はありません。"
)
_DRY = Msg(
    "Dry run — would add {added}, update {updated}, cancel {cancelled}, skip {skipped}."
    " Nothing was written.",
    "ドライラン — 追加 {added}、更新 {updated}、キャンセル {cancelled}、スキップ {skipped}"
    " の予定です。何も書き込んでいません。",
)
_PREVIEW = Msg(
    "Would add {added}, update {updated}, cancel {cancelled}, skip {skipped} — nothing was"
    " written.",
    "追加 {added}、更新 {updated}、キャンセル {cancelled}、スキップ {skipped} の予定でしたが、"
    "何も書き込んでいません。",
)
_DONE = Msg(
    "Imported: added {added}, updated {updated}, cancelled {cancelled}, skipped {skipped}.",
    "取り込みました: 追加 {added}、更新 {updated}、キャンセル {cancelled}、スキップ {skipped}。",
)
_UP_NONE = Msg(
    "Nothing planned or due in the next {days} days.", "今後 {days} 日間の予定はありません。"
)
_UP_DUE = Msg("due (cadence)", "期日（頻度）")
_UP_OVERDUE = Msg("overdue (cadence)", "期限切れ（頻度）")
_UP_CAL = Msg("calendar", "カレンダー")
_UP_MANUAL = Msg("planned", "予定")
_UP_CONFIRM = Msg("to confirm", "確認待ち")
_UP_CONFIRM_HEAD = Msg(
    "{count} past calendar 1on1(s) to confirm (held, cancelled or skipped) — they are not"
    " counted as missed:",
    "確認待ちの過去のカレンダー 1on1 が {count} 件あります（実施・中止・スキップ）。"
    "未実施としては数えていません:",
)
_WHY = Msg(
    "Not in this preview: {outside} event(s) outside the period, {other} not 1on1s,"
    " {bad} unreadable, {ignored} ignored series.",
    "この一覧に含まれないもの: 期間外 {outside} 件、1on1 以外 {other} 件、読めない予定 {bad} 件、"
    "無視するシリーズ {ignored} 件。",
)
_WHO = Msg(
    "Who is this? Series {uid}: {title} ({total} occurrence(s), nobody known invited) — answer"
    " with --link {uid}=PERSON_ID, --new-person {uid}=NAME or --ignore-series {uid}"
    " (remembered).",
    "この人は誰ですか？ シリーズ {uid}: {title}（{total} 件、知っている出席者なし）— "
    "--link {uid}=人のID、--new-person {uid}=名前、--ignore-series {uid} で答えてください"
    "（記憶されます）。",
)
_WHO_STRANGER = Msg(
    "  Series {uid}: {title} — or answer with --link {uid}=PERSON_ID (adds {email} to that"
    " person), --new-person {uid}=NAME or --ignore-series {uid} (remembered).",
    "  シリーズ {uid}: {title} — --link {uid}=人のID（その人に {email} を追加）、"
    "--new-person {uid}=名前、--ignore-series {uid} でも答えられます（記憶されます）。",
)
_WHO_ANSWERED = Msg("Series {uid}: {answer}", "シリーズ {uid}: {answer}")
_WHO_LINK = Msg("linked to {name}", "{name} さんに結び付けます")
_WHO_NEW = Msg("new person {name}", "新しい人 {name}")
_WHO_IGNORE = Msg("ignored from now on", "今後は無視します")
_BAD_ANSWER = Msg(
    "'{value}' is not UID=VALUE, or that series is not asked about in this import.",
    "'{value}' は UID=値 の形ではないか、この取り込みで尋ねているシリーズではありません。",
)
_BAD_PERSON = Msg("No person with the id '{value}'.", "ID '{value}' の人はいません。")


def register(sub: argparse._SubParsersAction[Any]) -> None:
    """Add this group's subcommands to the parser."""
    p = sub.add_parser(
        "import-ics",
        help="find 1on1s in .ics calendar exports and import them",
        description="Find the 1on1s in .ics exports (Google, Outlook, Apple) and import them"
        " as planned meetings. Re-importing is safe: nothing is duplicated, and meetings"
        " with notes are never changed.",
    )
    p.add_argument("files", nargs="+", metavar="FILE", type=Path, help=".ics file(s)")
    p.add_argument("--dry-run", action="store_true", help="show what would change; write nothing")
    p.add_argument("--json", action="store_true", help="print the result as JSON (see README)")
    p.add_argument(
        "--from", dest="start", metavar="DATE", help="period start (default: 90 days ago)"
    )
    p.add_argument(
        "--to", dest="end", metavar="DATE", help="period end, inclusive (default: in 365 days)"
    )
    p.add_argument("--owner", metavar="EMAIL", help="the calendar owner's e-mail (remembered)")
    p.add_argument(
        "--accept-partial",
        action="store_true",
        help="import the good events of files that have bad ones (which are reported)",
    )
    p.add_argument(
        "--add-people",
        action="store_true",
        help="create the proposed new people (title matches with an unknown attendee)",
    )
    p.add_argument(
        "--link",
        action="append",
        default=[],
        metavar="UID=PERSON_ID",
        help="a series nobody known attends, or whose unknown attendee has an e-mail (then"
        " added to the person), is with this person (remembered per series)",
    )
    p.add_argument(
        "--new-person",
        action="append",
        default=[],
        metavar="UID=NAME",
        help="a series nobody known attends, or with an unknown attendee, is with a new person"
        " of that name",
    )
    p.add_argument(
        "--ignore-series",
        action="append",
        default=[],
        metavar="UID",
        help="never import this series (remembered)",
    )
    p.set_defaults(handler=import_ics)

    k = sub.add_parser(
        "calendar-keywords",
        help="show or edit the title keywords that make a calendar event a 1on1",
        description="Show the keywords (and the exclusions, e.g. stand-ups and 定例) that"
        " import-ics matches in titles; they are stored in the vault.",
    )
    k.add_argument("--set", nargs="+", metavar="KEYWORD", help="replace the keywords")
    k.add_argument("--exclude", nargs="+", metavar="WORD", help="replace the exclusions")
    k.add_argument("--reset", action="store_true", help="back to the built-in lists")
    k.add_argument("--json", action="store_true", help='print {"keywords": [..], "exclude": [..]}')
    k.set_defaults(handler=calendar_rules_cmds.calendar_keywords)

    c = sub.add_parser(
        "calendar-series",
        help='show or forget the answers to "who is this?" (per calendar series UID)',
        description="A series nobody known attends is linked to a person or ignored when you"
        " import it; the answer is remembered per series UID. Forget one to be asked again.",
    )
    c.add_argument("--forget", metavar="UID", help="forget the answer for this series")
    c.add_argument("--forget-all", action="store_true", help="forget every answer")
    c.add_argument("--json", action="store_true", help='print {"series": [{"uid", "answer", ...}]}')
    c.set_defaults(handler=calendar_rules_cmds.calendar_series)

    u = sub.add_parser("upcoming", help="planned 1on1s and cadence slots coming up")
    u.add_argument("--days", type=int, default=14, help="how many days ahead (default 14)")
    u.add_argument("--json", action="store_true", help="print as JSON (see README)")
    u.set_defaults(handler=upcoming)


def _local_zone() -> Any:
    return datetime.now().astimezone().tzinfo


def _day(value: str) -> date:
    """A ``--from``/``--to`` day in the years 1900..2200 (outside them the window arithmetic
    would overflow; the import refuses a window that long anyway)."""
    try:
        parsed = date.fromisoformat(value.strip())
    except ValueError:
        raise InputError(_BAD_DATE, value=value[:40]) from None
    return validate.in_range(parsed)


def _window(args: argparse.Namespace, now: datetime) -> service.Window:
    from taiwa.ics import service

    default = service.Window.around(now)
    zone = _local_zone()
    start = (
        datetime.combine(_day(args.start), time(0), tzinfo=zone)
        if args.start is not None
        else default.start
    )
    # --to is inclusive: the whole of that day belongs to the period.
    end = (
        datetime.combine(_day(args.end) + timedelta(days=1), time(0), tzinfo=zone)
        if args.end is not None
        else default.end
    )
    return service.Window(start, end).check()


def import_ics(ctx: CliContext, args: argparse.Namespace) -> int:
    """``taiwa import-ics FILE… [--dry-run] [--json] [--from DATE] [--to DATE]``."""
    from taiwa.ics import service

    now = datetime.now(UTC)
    window = _window(args, now)
    db = ctx.database()
    try:
        plan = service.plan_import(db, args.files, window=window, owner=args.owner, now=now)
    except ics_errors.IcsError as exc:
        if not args.json:
            raise
        ctx.print_json(
            {
                "occurrences": [],
                "added": 0,
                "updated": 0,
                "cancelled": 0,
                "skipped": 0,
                "errors": [Problem.from_error(str(exc.params.get("file", "")), exc).to_json()],
            }
        )
        ctx.err.write(f"taiwa: {exc.localized()}\n")
        return exc.exit_code
    accepted = list(plan.proposals) if args.add_people else []
    who = _answers(args, plan)
    refused = bool(plan.problems) and not args.accept_partial
    if args.dry_run or refused:
        _report(ctx, args, plan, accepted, who, final=_DRY if args.dry_run else _PREVIEW)
        if refused:
            err = ics_errors.IcsPartialError(count=len(plan.problems))
            ctx.err.write(f"taiwa: {err.localized()}\n")
            return err.exit_code
        return 0
    service.apply_import(db, plan, accept_partial=args.accept_partial, add_people=accepted, who=who)
    _report(ctx, args, plan, accepted, who, final=_DONE)
    return 0


def _answers(args: argparse.Namespace, plan: service.ImportPlan) -> dict[str, service.Who]:
    """The answers to "who is this?" given as options (only for series this plan asks about)."""
    from taiwa.ics.service import Who

    def split(value: str) -> tuple[str, str]:
        uid, sep, rest = value.partition("=")
        asked = uid.strip() in plan.unknown or uid.strip() in plan.strangers
        if not sep or not asked or not rest.strip():
            raise InputError(_BAD_ANSWER, value=value[:80])
        return uid.strip(), rest.strip()

    who: dict[str, Who] = {}
    for value in args.link:
        uid, person = split(value)
        try:
            person_id = int(person)
        except ValueError:
            raise InputError(_BAD_PERSON, value=person[:40]) from None
        if person_id not in plan.people:
            raise InputError(_BAD_PERSON, value=person[:40])
        who[uid] = Who.link(person_id)
    for value in args.new_person:
        uid, name = split(value)
        who[uid] = Who.new(name)
    for uid in args.ignore_series:
        if uid.strip() not in plan.unknown and uid.strip() not in plan.strangers:
            raise InputError(_BAD_ANSWER, value=uid[:80])
        who[uid.strip()] = Who.ignore()
    return who


def _report(
    ctx: CliContext,
    args: argparse.Namespace,
    plan: service.ImportPlan,
    accepted: list[str],
    who: dict[str, service.Who],
    *,
    final: Msg,
) -> None:
    from taiwa.ics import service

    if args.json:
        ctx.print_json(plan.to_json(accepted, who))
        return
    if plan.owner is None:
        ctx.print(_OWNER_NONE.text())
    elif plan.owner_guessed:
        ctx.print(_OWNER_GUESS.text(email=plan.owner))
    else:
        ctx.print(_OWNER.text(email=plan.owner))
    if not plan.items:
        ctx.print(
            _NONE.text(
                start=plan.window.start.date().isoformat(),
                end=(plan.window.end - timedelta(seconds=1)).date().isoformat(),
            )
        )
    if plan.outside or plan.not_1on1 or plan.problems or plan.ignored:
        # Counts only: the titles of events that are not 1on1s are none of our business.
        ctx.print(
            _WHY.text(
                outside=plan.outside,
                other=plan.not_1on1,
                bad=len(plan.problems),
                ignored=plan.ignored,
            )
        )
    for name, items in plan.series():
        actions = [plan.kind(i, accepted, who) for i in items]
        heading = _heading(ctx, plan, name, items, accepted=accepted, who=who)
        ctx.print(
            _SERIES.text(
                name=heading,
                total=len(items),
                add=actions.count(service.ADD),
                update=actions.count(service.UPDATE),
                cancel=actions.count(service.CANCEL),
                skip=actions.count(service.SKIP),
            )
        )
        for item in items:
            occ = item.occurrence
            status = _STATUS[occ.status].text()
            action = _ACTION[plan.kind(item, accepted, who)].text()
            # Local time of this laptop; the JSON keeps each event's own offset.
            when = occ.start.astimezone(_local_zone()).strftime("%Y-%m-%d %H:%M")
            ctx.print(f"  {when}  {status}  {action}  {occ.summary}")
    if plan.problems:
        ctx.print(_PROBLEMS.text())
        lang = current_language()  # once: it reads the environment (70 000 problems: 2 s)
        for problem in plan.problems:
            ctx.print(f"  {problem.message(lang)}")
    counts = plan.counts(accepted, who)
    ctx.print(final.text(None, **counts))


def _heading(
    ctx: CliContext,
    plan: service.ImportPlan,
    name: str,
    items: list[service.PlannedItem],
    *,
    accepted: list[str],
    who: dict[str, service.Who],
) -> str:
    """Print what a series of people unknown is about; the name its line shows."""
    first = items[0]
    if first.match.rule == "unknown":
        uid = first.occurrence.uid
        answer = who.get(uid)
        if answer is None:
            ctx.print(_WHO.text(uid=uid, title=plan.unknown[uid], total=len(items)))
        else:
            ctx.print(_WHO_ANSWERED.text(uid=uid, answer=_answer_text(plan, answer)))
        return plan.unknown[uid]
    if first.proposed:
        msg = _PROPOSED_ADDED if first.match.email in accepted else _PROPOSED
        email = first.match.email or ""
        proposed = plan.proposals.get(email, first.match.name)
        ctx.print(msg.text(name=proposed, email=email, total=len(items)))
        for uid in sorted({i.occurrence.uid for i in items if i.occurrence.uid in plan.strangers}):
            answer = who.get(uid)
            if answer is None:
                title = plan.strangers[uid][1]
                ctx.print(_WHO_STRANGER.text(uid=uid, title=title, email=email))
            else:
                ctx.print(_WHO_ANSWERED.text(uid=uid, answer=_answer_text(plan, answer)))
    return name


def _answer_text(plan: service.ImportPlan, answer: service.Who) -> str:
    from taiwa.ics import service

    if answer.kind == service.LINK:
        return _WHO_LINK.text(name=plan.people.get(answer.person_id or 0, "?"))
    if answer.kind == service.NEW:
        return _WHO_NEW.text(name=answer.name)
    return _WHO_IGNORE.text()


def upcoming(ctx: CliContext, args: argparse.Namespace) -> int:
    """``taiwa upcoming [--days N] [--json]``: planned meetings and due cadence slots."""
    if not 0 <= args.days <= 366:
        raise InputError(_BAD_DAYS)
    from taiwa.store import Store
    from taiwa.store.calendar import awaiting_confirmation

    now = datetime.now(UTC)
    store = Store(ctx.database())
    items = store.reports.upcoming(now, args.days)
    waiting = awaiting_confirmation(store.db, now)
    if args.json:
        ctx.print_json(
            {
                "days": args.days,
                "upcoming": [
                    {
                        "kind": str(item.kind),
                        "person_id": item.person_id,
                        "person": item.person_name,
                        "start": item.starts_at.astimezone(_local_zone()).isoformat()
                        if item.starts_at
                        else None,
                        "due_on": item.due_on.isoformat(),
                        "meeting_id": item.meeting_id,
                        "source": str(item.source) if item.source else None,
                        "overdue": item.overdue,
                    }
                    for item in items
                ],
                "to_confirm": [
                    {
                        "meeting_id": w.meeting_id,
                        "person_id": w.person_id,
                        "person": w.person_name,
                        "start": w.starts_at.astimezone(_local_zone()).isoformat(),
                        "series": w.series,
                    }
                    for w in waiting
                ],
            }
        )
        return 0
    if waiting:
        ctx.print(_UP_CONFIRM_HEAD.text(count=len(waiting)))
        for w in waiting:
            when = w.starts_at.astimezone(_local_zone()).strftime("%Y-%m-%d %H:%M")
            ctx.print(f"{when:<16}  {w.person_name}  ({_UP_CONFIRM.text()}, #{w.meeting_id})")
    if not items:
        ctx.print(_UP_NONE.text(days=args.days))
    for item in items:
        if item.starts_at is not None:
            when = item.starts_at.astimezone(_local_zone()).strftime("%Y-%m-%d %H:%M")
            what = (_UP_CAL if str(item.source) == "calendar" else _UP_MANUAL).text()
        else:
            when = item.due_on.isoformat()
            what = (_UP_OVERDUE if item.overdue else _UP_DUE).text()
        ctx.print(f"{when:<16}  {item.person_name}  ({what})")
    return 0
