"""The 1on1 log on the command line: people, meetings, actions, search, stats, signals, demo.

Every command validates all of its input before it writes, so a refused command changes
nothing. ``--json`` output is stable (see the README): times are UTC ISO-8601 with ``Z``, dates
``YYYY-MM-DD``, keys sorted.
"""

from __future__ import annotations

import argparse
import os
import re
import unicodedata
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

from taiwa.cli import search_cmds, text_input
from taiwa.cli.context import CliContext
from taiwa.cli.shared import add_command as add
from taiwa.cli.shared import limit as _limit
from taiwa.cli.shared import local as _local
from taiwa.cli.shared import ts as _ts
from taiwa.cli.text_input import TextOption
from taiwa.domain import errors, validate
from taiwa.domain.models import (
    Action,
    ActionDraft,
    Meeting,
    MeetingStatus,
    Person,
    PersonStatus,
    Rate,
    Topic,
    TopicDraft,
)
from taiwa.domain.signals import Signal
from taiwa.errors import InputError, NotFoundError
from taiwa.i18n import Msg
from taiwa.store import Store

_DUE_SUFFIX = re.compile(r"@(\d{4}-\d{1,2}-\d{1,2})\s*$")

CAREER_GOALS = TextOption("--career-goals", "career goals")
PURPOSE = TextOption("--purpose", "the meeting's purpose")
SHARED = TextOption("--shared", "shared notes")
PRIVATE = TextOption("--private", "private notes")
#: Every option of ``meeting add`` that may read standard input.
_MEETING_STDIN = ("purpose", "shared", "private", "topic", "action")

M_PERSON_ADDED = Msg("Added {name} (id {id}).", "{name} さんを追加しました（ID {id}）。")
M_ACTION_DONE = Msg("Action item {id} is done.", "アクションアイテム {id} を完了にしました。")
M_NO_PEOPLE = Msg(
    "No people yet. Add one with 'taiwa person add NAME'.",
    "まだ誰も登録されていません。'taiwa person add 名前' で追加してください。",
)
M_NO_MEETINGS = Msg("No meetings yet.", "まだミーティングはありません。")
M_NO_SIGNALS = Msg(
    "No signals. Nothing needs your attention right now.",
    "シグナルはありません。今のところ気になる点はありません。",
)
M_OVERALL = Msg(
    "Overall: {rate} held {held} of {planned} planned (target {target}).",
    "全体: 実施率 {rate}（予定 {planned} 回中 {held} 回実施、目標 {target}）。",
)
M_TO_CONFIRM = Msg(
    "{count} past calendar 1on1(s) wait for confirmation and are not counted yet"
    " (see taiwa upcoming).",
    "確認待ちの過去のカレンダー 1on1 が {count} 件あり、まだ数えていません（taiwa upcoming を参照）。",
)
M_PERIOD = Msg("Period: {start} – {end}", "期間: {start} 〜 {end}")
M_INTERVAL = Msg(
    "Average interval between held 1on1s: {days} days", "実施した 1on1 の平均間隔: {days} 日"
)
M_COMPLETION = Msg(
    "Action items done: {done} of {total} ({rate})",
    "完了したアクションアイテム: {total} 件中 {done} 件（{rate}）",
)
M_PRIVATE = Msg("Private notes", "非公開メモ")
M_SHARED = Msg("Shared notes", "共有メモ")
M_PURPOSE = Msg("Purpose", "目的")
M_MOOD = Msg("Mood", "気分")
M_TOPICS = Msg("Topics", "話題")
M_ACTIONS = Msg("Action items", "アクションアイテム")
M_CARRIED = Msg("carried", "持ち越し")
M_DONE = Msg("done", "完了")
M_DUE = Msg("due", "期限")
M_NEXT_DUE = Msg("next due {day}", "次回予定日 {day}")
M_OVERDUE_DAYS = Msg("overdue {days} days", "{days} 日超過")
M_OPEN_ACTIONS = Msg("open actions {count}", "未完了のアクション {count} 件")
M_MEETING_ROW = Msg(
    "{topics} topics, {actions} action items", "話題 {topics} 件・アクションアイテム {actions} 件"
)
M_MOOD_ROW = Msg("mood {mood}", "気分 {mood}")
M_BELOW_TARGET = Msg("below target", "目標未達")
M_PRIVATE_HIDDEN = Msg(
    "(private notes hidden; add --private to show them)",
    "（非公開メモは表示していません。表示するには --private を付けてください）",
)
M_DEMO_DONE = Msg(
    "Created a demo vault at {path}: {people} people, {meetings} meetings, {items} notes, topics"
    " and action items.",
    "{path} にデモ用の保管庫を作成しました：{people} 人、ミーティング {meetings} 件、メモ・話題・"
    "アクションアイテム {items} 件。",
)
M_DEMO_CODE = Msg(
    "Its recovery code (shown only this once; the key itself is in the system keyring):",
    "リカバリーコード（表示はこの 1 回だけです。鍵そのものはシステムのキーリングにあります）:",
)
M_DEMO_PASSPHRASE = Msg(
    "It opens with the recovery passphrase from TAIWA_RECOVERY.",
    "TAIWA_RECOVERY のリカバリーパスフレーズで開きます。",
)


def register(sub: argparse._SubParsersAction[Any]) -> None:
    """Add this group's subcommands to the parser."""
    person = sub.add_parser("person", help="people (direct reports)")
    person_sub = person.add_subparsers(dest="person_command", metavar="ACTION", required=True)
    p = add(person_sub, "add", "add a person")
    p.add_argument("name", metavar="NAME")
    p.add_argument("--email", action="append", default=[], metavar="E", help="e-mail (repeatable)")
    p.add_argument("--role", default="", metavar="R")
    p.add_argument("--team", default="", metavar="T")
    p.add_argument("--cadence", metavar="DAYS", help="days between 1on1s (default 14)")
    p.add_argument("--started", metavar="YYYY-MM-DD", help="when they started reporting to you")
    text_input.add_text_option(p, CAREER_GOALS)
    p.add_argument("--json", action="store_true", help="print the person as JSON")
    p.set_defaults(handler=cmd_person_add)
    p = add(person_sub, "list", "list people with their 1on1 status")
    p.add_argument("--all", action="store_true", help="include archived people")
    p.add_argument("--json", action="store_true", help="print JSON")
    p.set_defaults(handler=cmd_person_list)

    _register_meeting(sub, add)
    _register_reports(sub, add)


def _register_meeting(sub: Any, add: Any) -> None:
    meeting = sub.add_parser("meeting", help="1on1 meetings")
    meeting_sub = meeting.add_subparsers(dest="meeting_command", metavar="ACTION", required=True)
    p = add(meeting_sub, "add", "add a meeting (applies carry-over; prints the new id)")
    p.add_argument("person", metavar="PERSON", help="name, e-mail or id")
    p.add_argument("--at", metavar="ISO-8601", help="start (default: now; local time if no offset)")
    p.add_argument("--status", metavar="S", help="planned, held, cancelled or skipped")
    p.add_argument("--mood", metavar="N", help="1-5")
    for option in (PURPOSE, SHARED, PRIVATE):
        text_input.add_text_option(p, option)
    text_input.add_lines_option(p, "--topic", metavar="THEME:TEXT", what="an agenda topic")
    text_input.add_lines_option(
        p, "--action", metavar="OWNER:TEXT[@YYYY-MM-DD]", what="an action item"
    )
    p.add_argument("--no-carry-over", action="store_true", help="start with an empty agenda")
    p.add_argument("--json", action="store_true", help='print {"id": N}')
    p.set_defaults(handler=cmd_meeting_add)
    p = add(meeting_sub, "list", "a person's meetings, newest first")
    p.add_argument("person", metavar="PERSON", help="name, e-mail or id")
    p.add_argument("--limit", type=_limit, default=50, metavar="N", help="1-10000 (default 50)")
    p.add_argument("--json", action="store_true", help="print JSON")
    p.set_defaults(handler=cmd_meeting_list)
    p = add(meeting_sub, "show", "one meeting with its topics and action items")
    p.add_argument("id", metavar="ID")
    p.add_argument("--private", action="store_true", help="include private notes")
    p.add_argument("--json", action="store_true", help="print JSON")
    p.set_defaults(handler=cmd_meeting_show)


def _register_reports(sub: Any, add: Any) -> None:
    action = sub.add_parser("action", help="action items")
    action_sub = action.add_subparsers(dest="action_command", metavar="ACTION", required=True)
    p = add(action_sub, "done", "mark an action item done")
    p.add_argument("id", metavar="ID")
    p.set_defaults(handler=cmd_action_done)

    # Its own module, so that a search builds and imports only itself (issue 21).
    search_cmds.register(sub)

    p = add(sub, "stats", "execution rate per person and overall")
    p.add_argument("--from", dest="start", metavar="DATE", help="first day (default: 90 days ago)")
    p.add_argument("--to", dest="end", metavar="DATE", help="last day (default: today)")
    p.add_argument("--json", action="store_true", help="print JSON")
    p.set_defaults(handler=cmd_stats)

    p = add(sub, "signals", "prompts that may need your attention")
    p.add_argument("--json", action="store_true", help="print JSON")
    p.set_defaults(handler=cmd_signals)

    p = sub.add_parser("demo-vault", help="create a demo vault with realistic data")
    p.add_argument("dir", type=Path, metavar="DIR")
    p.add_argument("--size", choices=("year", "ten-years"), default="year")
    p.add_argument(
        "--data-lang",
        choices=("ja", "en", "mixed"),
        default="mixed",
        help="language of the names and notes (the global --lang sets the messages)",
    )
    p.add_argument(
        "--no-keyring",
        action="store_true",
        help="passphrase-only mode (passphrase from TAIWA_RECOVERY)",
    )
    p.set_defaults(handler=cmd_demo_vault)


# -- JSON shapes ------------------------------------------------------------------------------


def _day(value: date | None) -> str | None:
    return None if value is None else value.isoformat()


def _rate(rate: Rate) -> dict[str, Any]:
    value = rate.value
    return {
        "held": rate.held,
        "planned": rate.planned,
        "to_confirm": rate.to_confirm,
        "rate": None if value is None else round(value, 4),
    }


def person_json(person: Person) -> dict[str, Any]:
    return {
        "id": person.id,
        "name": person.name,
        "emails": list(person.emails),
        "role": person.role,
        "team": person.team,
        "cadence_days": person.cadence_days,
        "started_on": _day(person.started_on),
        "career_goals": person.career_goals,
        "archived": person.archived,
    }


def status_json(status: PersonStatus) -> dict[str, Any]:
    return person_json(status.person) | {
        "last_held": _day(status.last_held),
        "next_due": _day(status.next_due),
        "days_overdue": status.days_overdue,
        "next_planned": _ts(status.next_planned),
        "open_actions": status.open_actions,
        "open_manager_actions": status.open_manager_actions,
        "overdue_actions": status.overdue_actions,
    }


def topic_json(topic: Topic) -> dict[str, Any]:
    return {
        "id": topic.id,
        "theme": topic.theme.value,
        "text": topic.text,
        "raised_by": topic.raised_by.value,
        "state": topic.state.value,
        "carried_from": topic.carried_from,
    }


def action_json(action: Action, meeting_id: int | None = None) -> dict[str, Any]:
    return {
        "id": action.id,
        "owner": action.owner.value,
        "text": action.text,
        "due_on": _day(action.due_on),
        "done_on": _day(action.done_on),
        "meeting_id": action.meeting_id,
        "carried": meeting_id is not None and action.meeting_id != meeting_id,
    }


def meeting_json(meeting: Meeting, person: Person, *, private: bool) -> dict[str, Any]:
    out: dict[str, Any] = {
        "id": meeting.id,
        "person": {"id": person.id, "name": person.name},
        "starts_at": _ts(meeting.starts_at),
        "ends_at": _ts(meeting.ends_at),
        "status": meeting.status.value,
        "source": meeting.source.value,
        "purpose": meeting.purpose,
        "wanted_response": None
        if meeting.wanted_response is None
        else meeting.wanted_response.value,
        "mood": meeting.mood,
        "shared_notes": meeting.shared_notes,
        "role": meeting.role,
        "team": meeting.team,
        "topics": [topic_json(t) for t in meeting.topics],
        "actions": [action_json(a, meeting.id) for a in meeting.actions],
    }
    if private:
        out["private_notes"] = meeting.private_notes
    return out


def meeting_row_json(meeting: Meeting) -> dict[str, Any]:
    return {
        "id": meeting.id,
        "starts_at": _ts(meeting.starts_at),
        "status": meeting.status.value,
        "source": meeting.source.value,
        "mood": meeting.mood,
        "purpose": meeting.purpose,
        "topics": len(meeting.topics),
        "actions": len(meeting.own_actions),
        "open_actions": sum(1 for a in meeting.actions if a.is_open),
    }


def signal_json(signal: Signal) -> dict[str, Any]:
    return {
        "kind": signal.kind.value,
        "person_id": signal.person_id,
        "person_name": signal.person_name,
        "reason": signal.reason(),
        "params": {
            k: (round(v, 2) if isinstance(v, float) else v) for k, v in signal.params.items()
        },
    }


# -- helpers ----------------------------------------------------------------------------------


def _pad(text: str, width: int) -> str:
    """Left-align ``text`` in ``width`` terminal columns (CJK characters take two)."""
    used = sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)
    return text + " " * max(1, width - used)


def _percent(value: float | None) -> str:
    return "–" if value is None else f"{value * 100:.1f}%"


def _int_id(value: str, error: type[NotFoundError]) -> int:
    return validate.record_id(value, error)


def _given(value: str | None, error: InputError) -> str | None:
    """An option's value, refused when it was given but empty (``--at ''`` is a mistake in a
    script, never a request for the default)."""
    if value is not None and not value.strip():
        raise error
    return value


def parse_topic(spec: str) -> TopicDraft:
    """``THEME:TEXT`` → a topic draft (theme and text checked)."""
    theme, sep, text = spec.partition(":")
    if not sep:
        raise errors.BadThemeError(value=spec[:40])
    return TopicDraft(theme=validate.theme(theme), text=validate.text(text))


def parse_action(spec: str) -> ActionDraft:
    """``OWNER:TEXT[@YYYY-MM-DD]`` → an action draft (owner, text and due day checked)."""
    owner, sep, rest = spec.partition(":")
    if not sep:
        raise errors.BadOwnerError(value=spec[:40])
    due: date | None = None
    found = _DUE_SUFFIX.search(rest)
    if found:
        due = validate.parse_date(found.group(1))
        rest = rest[: found.start()]
    return ActionDraft(owner=validate.owner(owner), text=validate.text(rest), due_on=due)


# -- commands ---------------------------------------------------------------------------------


def cmd_person_add(ctx: CliContext, args: argparse.Namespace) -> int:
    name = validate.name(args.name)
    cadence = None if args.cadence is None else validate.cadence(args.cadence)
    started = _given(args.started, errors.BadDateError(value=""))
    started_on = None if started is None else validate.parse_date(started)
    goals = validate.optional_text(text_input.read_text(args, CAREER_GOALS) or "")
    store = Store(ctx.database())
    person = store.people.add(
        name,
        emails=args.email,
        role=args.role,
        team=args.team,
        cadence_days=cadence,
        started_on=started_on,
        career_goals=goals,
    )
    if args.json:
        ctx.print_json(person_json(person))
    else:
        ctx.print(M_PERSON_ADDED.text(name=person.name, id=person.id))
    return 0


def cmd_person_list(ctx: CliContext, args: argparse.Namespace) -> int:
    store = Store(ctx.database())
    statuses = {s.person.id: s for s in store.reports.overview()}
    people = store.people.list(include_archived=args.all)
    if args.json:
        ctx.print_json(
            [status_json(statuses[p.id]) if p.id in statuses else person_json(p) for p in people]
        )
        return 0
    if not people:
        ctx.print(M_NO_PEOPLE.text())
        return 0
    for p in people:
        status = statuses.get(p.id)
        line = f"{p.id:>4}  {p.name}"
        if p.emails:
            line += f" <{', '.join(p.emails)}>"
        if p.role or p.team:
            line += f"  {' / '.join(x for x in (p.role, p.team) if x)}"
        if status is not None:
            line += "  " + M_NEXT_DUE.text(day=status.next_due.isoformat())
            if status.overdue:
                line += f" ({M_OVERDUE_DAYS.text(days=status.days_overdue)})"
            if status.open_actions:
                line += "  " + M_OPEN_ACTIONS.text(count=status.open_actions)
        ctx.print(line)
    return 0


def cmd_meeting_add(ctx: CliContext, args: argparse.Namespace) -> int:
    # Everything the user typed is checked before the vault is touched.
    at = _given(args.at, errors.BadDateError(value=""))
    start = validate.parse_datetime(at) if at else datetime.now(UTC).replace(microsecond=0)
    given_status = _given(args.status, errors.BadStatusError(value=""))
    if given_status is not None:
        status = validate.status(given_status)
    else:
        status = MeetingStatus.HELD if start <= datetime.now(UTC) else MeetingStatus.PLANNED
    mood = validate.mood(_given(args.mood, errors.MoodRangeError()))
    text_input.check_one_stdin(args, _MEETING_STDIN)
    if any(getattr(args, f"{o.dest}_edit", False) for o in (PURPOSE, SHARED, PRIVATE)):
        # Before the editor opens: a mistyped person must not cost the note just written.
        # The vault is closed again meanwhile, so the app is not locked out while one types.
        Store(ctx.database()).people.resolve(args.person)
        ctx.close()
    purpose, shared, private = (
        validate.optional_text(text_input.read_text(args, option) or "")
        for option in (PURPOSE, SHARED, PRIVATE)
    )
    topics = [
        _parsed(parse_topic, spec, source, line, "THEME:TEXT")
        for source, line, spec in text_input.read_lines(args, "--topic")
    ]
    actions = [
        _parsed(parse_action, spec, source, line, "OWNER:TEXT[@YYYY-MM-DD]")
        for source, line, spec in text_input.read_lines(args, "--action")
    ]
    store = Store(ctx.database())
    person = store.people.resolve(args.person)
    meeting = store.meetings.create(
        person.id,
        start,
        status=status,
        mood=mood,
        purpose=purpose,
        shared_notes=shared,
        private_notes=private,
        topics=topics,
        actions=actions,
        carry_over=not args.no_carry_over,
    )
    if args.json:
        ctx.print_json({"id": meeting.id})
    else:
        ctx.print(str(meeting.id))
    return 0


def _parsed(parse: Any, spec: str, source: str, line: int, form: str) -> Any:
    """``parse(spec)``; a spec from a file or stdin that is not even of the right form names
    its line (checks of a well-formed spec keep their own message)."""
    if source not in {"--topic", "--action"} and ":" not in spec:
        raise text_input.bad_line(source, line, form)
    return parse(spec)


def cmd_meeting_list(ctx: CliContext, args: argparse.Namespace) -> int:
    store = Store(ctx.database())
    person = store.people.resolve(args.person)
    meetings = store.meetings.list_for_person(person.id, limit=args.limit)
    if args.json:
        ctx.print_json([meeting_row_json(m) for m in meetings])
        return 0
    if not meetings:
        ctx.print(M_NO_MEETINGS.text())
    for m in meetings:
        mood = "  " + M_MOOD_ROW.text(mood=m.mood) if m.mood is not None else ""
        counts = M_MEETING_ROW.text(topics=len(m.topics), actions=len(m.own_actions))
        ctx.print(f"{m.id:>6}  {_local(m.starts_at)}  {m.status.value:<9}  {counts}{mood}")
    return 0


def cmd_meeting_show(ctx: CliContext, args: argparse.Namespace) -> int:
    store = Store(ctx.database())
    meeting = store.meetings.get(_int_id(args.id, errors.MeetingNotFoundError))
    person = store.people.get(meeting.person_id)
    if args.json:
        ctx.print_json(meeting_json(meeting, person, private=args.private))
        return 0
    ctx.print(f"#{meeting.id}  {person.name}  {_local(meeting.starts_at)}  {meeting.status.value}")
    if meeting.role or meeting.team:
        ctx.print(" / ".join(x for x in (meeting.role, meeting.team) if x))
    if meeting.purpose:
        ctx.print(f"{M_PURPOSE.text()}: {meeting.purpose}")
    if meeting.mood is not None:
        ctx.print(f"{M_MOOD.text()}: {meeting.mood}/5")
    _print_agenda(ctx, meeting)
    if meeting.shared_notes:
        ctx.print(f"\n{M_SHARED.text()}:\n{meeting.shared_notes}")
    if args.private and meeting.private_notes:
        ctx.print(f"\n{M_PRIVATE.text()}:\n{meeting.private_notes}")
    elif meeting.private_notes:
        ctx.print(f"\n{M_PRIVATE_HIDDEN.text()}")
    return 0


def _print_agenda(ctx: CliContext, meeting: Meeting) -> None:
    if meeting.topics:
        ctx.print(f"\n{M_TOPICS.text()}:")
        for t in meeting.topics:
            carried = f" ({M_CARRIED.text()})" if t.is_carried else ""
            ctx.print(f"  [{t.theme.value}] {t.text}  — {t.state.value}{carried}  #{t.id}")
    if meeting.actions:
        ctx.print(f"\n{M_ACTIONS.text()}:")
        for a in meeting.actions:
            mark = "x" if a.done_on else " "
            extra = f"  {M_DUE.text()} {a.due_on.isoformat()}" if a.due_on else ""
            if a.done_on:
                extra += f"  {M_DONE.text()} {a.done_on.isoformat()}"
            if a.meeting_id != meeting.id:
                extra += f"  ({M_CARRIED.text()})"
            ctx.print(f"  [{mark}] {a.owner.value}: {a.text}{extra}  #{a.id}")


def cmd_action_done(ctx: CliContext, args: argparse.Namespace) -> int:
    store = Store(ctx.database())
    action = store.actions.set_done(_int_id(args.id, errors.ActionNotFoundError))
    ctx.print(M_ACTION_DONE.text(id=action.id))
    return 0


def cmd_stats(ctx: CliContext, args: argparse.Namespace) -> int:
    today = datetime.now().astimezone().date()
    end = validate.parse_date(args.end) if args.end is not None else today
    start = validate.parse_date(args.start) if args.start is not None else end - timedelta(days=89)
    if end < start:
        raise errors.BadPeriodError()
    store = Store(ctx.database())
    report = store.reports.execution_rate(start, end)
    if args.json:
        ctx.print_json(
            {
                "from": start.isoformat(),
                "to": end.isoformat(),
                "target": report.target,
                "overall": _rate(report.overall)
                | {
                    "average_interval_days": _round(report.average_interval_days),
                    "actions_done": report.actions_done,
                    "actions_total": report.actions_total,
                },
                "people": [
                    {
                        "person_id": p.person_id,
                        "person_name": p.person_name,
                        "average_interval_days": _round(p.average_interval_days),
                        "actions_done": p.actions_done,
                        "actions_total": p.actions_total,
                    }
                    | _rate(p.execution)
                    for p in report.people
                ],
            }
        )
        return 0
    ctx.print(M_PERIOD.text(start=start.isoformat(), end=end.isoformat()))
    ctx.print(
        M_OVERALL.text(
            rate=_percent(report.overall.value),
            held=report.overall.held,
            planned=report.overall.planned,
            target=_percent(report.target),
        )
    )
    if report.overall.to_confirm:
        ctx.print(M_TO_CONFIRM.text(count=report.overall.to_confirm))
    if report.average_interval_days is not None:
        ctx.print(M_INTERVAL.text(days=f"{report.average_interval_days:.1f}"))
    if report.actions_total:
        ctx.print(
            M_COMPLETION.text(
                done=report.actions_done,
                total=report.actions_total,
                rate=_percent(report.action_completion),
            )
        )
    ctx.print()
    for p in report.people:
        met = p.execution.meets_target in (True, None)
        flag = "" if met else f"  ({M_BELOW_TARGET.text()})"
        ctx.print(
            f"{_pad(p.person_name, 24)}{_percent(p.execution.value):>7}"
            f"  {p.execution.held}/{p.execution.planned}{flag}"
        )
    return 0


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 2)


def cmd_signals(ctx: CliContext, args: argparse.Namespace) -> int:
    store = Store(ctx.database())
    found = store.reports.signals()
    if args.json:
        ctx.print_json([signal_json(s) for s in found])
        return 0
    if not found:
        ctx.print(M_NO_SIGNALS.text())
    for s in found:
        ctx.print(f"{s.person_name}: {s.reason()}")
    return 0


def cmd_demo_vault(ctx: CliContext, args: argparse.Namespace) -> int:
    from taiwa.demo import build_demo_vault

    passphrase = os.environ.get("TAIWA_RECOVERY") or None
    if args.no_keyring and passphrase is None:
        passphrase = ctx.read_secret(
            "TAIWA_RECOVERY", Msg("Recovery passphrase: ", "リカバリーパスフレーズ: "), confirm=True
        )
    result = build_demo_vault(
        args.dir,
        size=args.size,
        lang=args.data_lang,
        use_keyring=not args.no_keyring,
        recovery_passphrase=passphrase,
    )
    ctx.print(
        M_DEMO_DONE.text(
            path=str(Path(args.dir).absolute()),
            people=result.people,
            meetings=result.meetings,
            items=result.items,
        )
    )
    if result.recovery_code:
        ctx.print()
        ctx.print(M_DEMO_CODE.text())
        ctx.print()
        ctx.print(f"    {result.recovery_code}")
        ctx.print()
    else:
        ctx.print(M_DEMO_PASSPHRASE.text())
    return 0
