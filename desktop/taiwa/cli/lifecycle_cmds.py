"""The whole life of a record on the command line: edit, archive, move, delete for good.

``person edit/archive/unarchive/delete``, ``person list --archived``, ``meeting edit/delete/
move``, ``action list/edit/delete`` and ``retention``. They join the ``person``, ``meeting`` and
``action`` groups of :mod:`taiwa.cli.log_cmds` (registered after it). As there, every input is
checked before anything is written, and a deletion for good needs ``--yes``: without it the
command only says what would go and which earlier copies of the vault would still hold it.
"""

from __future__ import annotations

import argparse
from datetime import datetime
from pathlib import Path
from typing import Any

from taiwa.cli import log_cmds, text_input
from taiwa.cli.context import CliContext
from taiwa.cli.log_cmds import (
    CAREER_GOALS,
    PRIVATE,
    PURPOSE,
    SHARED,
    action_json,
    meeting_json,
    parse_action,
    parse_topic,
    person_json,
)
from taiwa.cli.text_input import TextOption
from taiwa.domain import errors, validate
from taiwa.domain.models import Action, Person
from taiwa.errors import InputError
from taiwa.i18n import Msg
from taiwa.store import Store

ACTION_TEXT = TextOption("--text", "the action item's text")
#: Every option of ``meeting edit`` that may read standard input.
_MEETING_STDIN = ("purpose", "shared", "private", "topic", "action")

M_PERSON_SAVED = Msg("Saved {name} (id {id}).", "{name} さん（ID {id}）を保存しました。")
M_ARCHIVED = Msg(
    "Archived {name} (id {id}): off the dashboard and the lists, kept for history. 'taiwa search'"
    " still finds them; 'taiwa person unarchive {id}' brings them back.",
    "{name} さん（ID {id}）をアーカイブしました。ダッシュボードと一覧には出ませんが、記録は残り、"
    "'taiwa search' で見つかります。戻すには 'taiwa person unarchive {id}' を実行してください。",
)
M_UNARCHIVED = Msg("{name} (id {id}) is active again.", "{name} さん（ID {id}）を元に戻しました。")
M_NO_ARCHIVED = Msg("Nobody is archived.", "アーカイブした人はいません。")
M_PERSON_WOULD_GO = Msg(
    "Deleting {name} (id {id}) for good erases {meetings} meetings, {actions} action items and"
    " their notes, topics, calendar links and drafts from this vault. It cannot be undone.",
    "{name} さん（ID {id}）を完全に削除すると、ミーティング {meetings} 件・アクションアイテム"
    " {actions} 件と、そのメモ・話題・カレンダーとの関連・下書きがこの保管庫から消去されます。"
    "元に戻せません。",
)
M_MEETING_WOULD_GO = Msg(
    "Deleting meeting {id} ({day}, {name}) for good erases its notes, topics and drafts from this"
    " vault; its action items stay with the person. It cannot be undone.",
    "ミーティング {id}（{day}・{name} さん）を完全に削除すると、そのメモ・話題・下書きがこの保管庫"
    "から消去されます。アクションアイテムは残ります。元に戻せません。",
)
M_ACTION_WOULD_GO = Msg(
    "Deleting action item {id} for good erases it from this vault. It cannot be undone.",
    "アクションアイテム {id} を完全に削除すると、この保管庫から消去されます。元に戻せません。",
)
M_BACKUPS = Msg(
    "Earlier backups still hold it; delete or replace them yourself if it must be gone"
    " everywhere. Backups this vault knows of:",
    "以前のバックアップにはこのデータが残っています。すべてから消す必要がある場合は、バックアップ"
    "もご自身で削除または作り直してください。この保管庫が把握しているバックアップ:",
)
M_BACKUPS_NONE = Msg(
    "Earlier backups still hold it (this vault knows of none; check any copies you made).",
    "以前のバックアップにはこのデータが残っています（この保管庫が把握しているバックアップは"
    "ありません。ご自身で作ったコピーを確認してください）。",
)
M_NEED_YES = Msg(
    "Nothing was deleted: add --yes to delete for good.",
    "削除していません。完全に削除するには --yes を付けてください。",
)
M_PERSON_DELETED = Msg(
    "Deleted {name} (id {id}) for good.", "{name} さん（ID {id}）を完全に削除しました。"
)
M_MEETING_DELETED = Msg(
    "Deleted meeting {id} for good.", "ミーティング {id} を完全に削除しました。"
)
M_ACTION_DELETED = Msg(
    "Deleted action item {id} for good.", "アクションアイテム {id} を完全に削除しました。"
)
M_MEETING_SAVED = Msg("Saved meeting {id}.", "ミーティング {id} を保存しました。")
M_MEETING_MOVED = Msg(
    "Meeting {id} now belongs to {name}.", "ミーティング {id} を {name} さんに移しました。"
)
M_ACTION_SAVED = Msg("Saved action item {id}.", "アクションアイテム {id} を保存しました。")
M_NO_ACTIONS = Msg("No open action items.", "未完了のアクションアイテムはありません。")
M_NOTHING_TO_CHANGE = Msg(
    "Nothing to change: give at least one option (see --help).",
    "変更する項目がありません。オプションを 1 つ以上指定してください（--help を参照）。",
)
M_RETENTION_OFF = Msg(
    "Retention rule: off (archived people are kept until you delete them).",
    "保存期間のルール: オフ（アーカイブした人は削除するまで残ります）。",
)
M_RETENTION_ON = Msg(
    "Retention rule: archived people are erased {years} years after archiving, when the vault"
    " is unlocked.",
    "保存期間のルール: アーカイブした人は、アーカイブから {years} 年たつと保管庫を開いたときに"
    "消去されます。",
)
M_RETENTION_DUE = Msg(
    "{count} archived people are past that period; they are erased the next time the vault is"
    " unlocked.",
    "この期間を過ぎたアーカイブ済みの人が {count} 人います。次に保管庫を開いたときに消去されます。",
)
M_RETENTION_ERASED = Msg(
    "The retention rule erased {count} archived people whose period was over.",
    "保存期間のルールにより、期間を過ぎたアーカイブ済みの人 {count} 人を消去しました。",
)


def _group(sub: argparse._SubParsersAction[Any], name: str) -> argparse._SubParsersAction[Any]:
    """The subcommands of the ``name`` group that :mod:`taiwa.cli.log_cmds` registered."""
    parser = sub.choices[name]
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            return action
    raise LookupError(name)


def _add(target: Any, name: str, help_text: str) -> argparse.ArgumentParser:
    parser: argparse.ArgumentParser = target.add_parser(name, help=help_text)
    parser.add_argument("--vault", metavar="DIR", default=argparse.SUPPRESS, help="vault folder")
    return parser


def register(sub: argparse._SubParsersAction[Any]) -> None:
    """Add this group's subcommands to the groups of :mod:`taiwa.cli.log_cmds`."""
    person = _group(sub, "person")
    p = _add(person, "edit", "change a person's fields (only those given)")
    p.add_argument("person", metavar="PERSON", help="name, e-mail or id")
    # Not dest "name": option_labels names a bad argument by its dest, and "name" is the NAME
    # of person add.
    p.add_argument("--name", dest="new_name", metavar="NAME")
    emails = p.add_mutually_exclusive_group()
    emails.add_argument(
        "--email", action="append", metavar="E", help="e-mail (repeatable; replaces the list)"
    )
    emails.add_argument("--no-email", action="store_true", help="remove every e-mail address")
    p.add_argument("--role", metavar="R")
    p.add_argument("--team", metavar="T")
    p.add_argument("--cadence-days", metavar="DAYS", help="days between 1on1s (1-365)")
    p.add_argument("--started", metavar="YYYY-MM-DD", help="when they started reporting to you")
    text_input.add_text_option(p, CAREER_GOALS)
    p.add_argument("--json", action="store_true", help="print the person as JSON")
    p.set_defaults(handler=cmd_person_edit)
    for name, help_text, handler in (
        ("archive", "archive a person (off the dashboard, kept for history)", cmd_person_archive),
        ("unarchive", "bring an archived person back", cmd_person_unarchive),
    ):
        p = _add(person, name, help_text)
        p.add_argument("person", metavar="PERSON", help="name, e-mail or id")
        p.add_argument("--json", action="store_true", help="print the person as JSON")
        p.set_defaults(handler=handler)
    p = _add(person, "delete", "delete a person and all their records for good")
    p.add_argument("person", metavar="PERSON", help="name, e-mail or id")
    p.add_argument("--yes", action="store_true", help="really delete (without it: a preview)")
    p.set_defaults(handler=cmd_person_delete)
    listing = person.choices["list"]
    listing.add_argument("--archived", action="store_true", help="only archived people")
    listing.set_defaults(handler=cmd_person_list)

    _register_meeting(_group(sub, "meeting"))
    _register_action(_group(sub, "action"))

    p = _add(sub, "retention", "show or set the rule erasing archived people after N years")
    rule = p.add_mutually_exclusive_group()
    rule.add_argument("--erase-archived-after", metavar="YEARS", help="1-100 years")
    rule.add_argument("--off", action="store_true", help="keep archived people until deleted")
    p.add_argument("--json", action="store_true", help="print JSON")
    p.set_defaults(handler=cmd_retention)


def _register_meeting(meeting: Any) -> None:
    p = _add(meeting, "edit", "change a meeting's fields (only those given)")
    p.add_argument("id", metavar="ID")
    p.add_argument("--at", metavar="ISO-8601", help="start (local time if no offset)")
    p.add_argument("--status", metavar="S", help="planned, held, cancelled or skipped")
    p.add_argument("--mood", metavar="N", help="1-5")
    for option in (PURPOSE, SHARED, PRIVATE):
        text_input.add_text_option(p, option)
    text_input.add_lines_option(p, "--topic", metavar="THEME:TEXT", what="a topic to add")
    text_input.add_lines_option(
        p, "--action", metavar="OWNER:TEXT[@YYYY-MM-DD]", what="an action item to add"
    )
    p.add_argument("--json", action="store_true", help="print the meeting as JSON")
    p.set_defaults(handler=cmd_meeting_edit)
    p = _add(meeting, "delete", "delete a meeting for good")
    p.add_argument("id", metavar="ID")
    p.add_argument("--yes", action="store_true", help="really delete (without it: a preview)")
    p.set_defaults(handler=cmd_meeting_delete)
    p = _add(meeting, "move", "file a meeting under another person")
    p.add_argument("id", metavar="ID")
    p.add_argument("person", metavar="PERSON", help="name, e-mail or id")
    p.add_argument("--json", action="store_true", help="print the meeting as JSON")
    p.set_defaults(handler=cmd_meeting_move)


def _register_action(action: Any) -> None:
    p = _add(action, "list", "open action items (everyone active, or one person)")
    p.add_argument("--person", metavar="PERSON", help="name, e-mail or id")
    p.add_argument("--overdue", action="store_true", help="only those past their due date")
    p.add_argument("--json", action="store_true", help="print JSON")
    p.set_defaults(handler=cmd_action_list)
    p = _add(action, "edit", "change an action item's text, owner or due date")
    p.add_argument("id", metavar="ID")
    text_input.add_text_option(p, ACTION_TEXT)
    p.add_argument("--owner", metavar="OWNER", help="manager or report")
    p.add_argument("--due", metavar="YYYY-MM-DD", help="due date ('none' clears it)")
    p.add_argument("--json", action="store_true", help="print the item as JSON")
    p.set_defaults(handler=cmd_action_edit)
    p = _add(action, "delete", "delete an action item for good")
    p.add_argument("id", metavar="ID")
    p.add_argument("--yes", action="store_true", help="really delete (without it: a preview)")
    p.set_defaults(handler=cmd_action_delete)


# -- helpers ----------------------------------------------------------------------------------


def _given(value: str | None, error: InputError) -> str | None:
    """An option's value, refused when given but empty (a script's mistake, never a default)."""
    if value is not None and not value.strip():
        raise error
    return value


def _print_backups(ctx: CliContext) -> None:
    """Name the copies of the vault a deletion for good cannot reach."""
    from taiwa.vault.service import VaultDatabase, known_backups

    db = ctx.database()
    found: list[Path] = known_backups(db) if isinstance(db, VaultDatabase) else []
    if not found:
        ctx.print(M_BACKUPS_NONE.text())
        return
    ctx.print(M_BACKUPS.text())
    for path in found:
        ctx.print(f"  {path}")


def _confirmed(ctx: CliContext, args: argparse.Namespace, preview: str) -> None:
    """Print what a deletion for good would do; refuse without ``--yes``.

    Raises:
        InputError: ``--yes`` is missing (nothing was deleted).
    """
    ctx.print(preview)
    _print_backups(ctx)
    if not args.yes:
        raise InputError(M_NEED_YES)


def _action_row_json(action: Action, names: dict[int, str]) -> dict[str, Any]:
    return action_json(action) | {
        "person": {"id": action.person_id, "name": names.get(action.person_id, "")},
    }


# -- people -----------------------------------------------------------------------------------


def cmd_person_edit(ctx: CliContext, args: argparse.Namespace) -> int:
    fields: dict[str, Any] = {}
    if args.new_name is not None:
        fields["name"] = validate.name(args.new_name)
    if args.email is not None:
        fields["emails"] = [validate.email(e) for e in args.email]
    elif args.no_email:
        fields["emails"] = []
    for key in ("role", "team"):
        value = getattr(args, key)
        if value is not None:
            fields[key] = validate.optional_text(value, limit=validate.MAX_NAME)
    if args.cadence_days is not None:
        fields["cadence_days"] = validate.cadence(args.cadence_days)
    started = _given(args.started, errors.BadDateError(value=""))
    if started is not None:
        fields["started_on"] = None if started.strip() == "none" else validate.parse_date(started)
    goals = text_input.read_text(args, CAREER_GOALS)
    if goals is not None:
        fields["career_goals"] = validate.optional_text(goals)
    if not fields:
        raise InputError(M_NOTHING_TO_CHANGE)
    store = Store(ctx.database())
    person = store.people.update(store.people.resolve(args.person).id, **fields)
    if args.json:
        ctx.print_json(_person_json(person))
    else:
        ctx.print(M_PERSON_SAVED.text(name=person.name, id=person.id))
    return 0


def _person_json(person: Person) -> dict[str, Any]:
    at = person.archived_at
    return person_json(person) | {
        "archived_at": None if at is None else at.strftime("%Y-%m-%dT%H:%M:%SZ")
    }


def cmd_person_archive(ctx: CliContext, args: argparse.Namespace) -> int:
    return _set_archived(ctx, args, archived=True)


def cmd_person_unarchive(ctx: CliContext, args: argparse.Namespace) -> int:
    return _set_archived(ctx, args, archived=False)


def _set_archived(ctx: CliContext, args: argparse.Namespace, *, archived: bool) -> int:
    store = Store(ctx.database())
    person = store.people.archive(store.people.resolve(args.person).id, archived)
    if args.json:
        ctx.print_json(_person_json(person))
    else:
        done = M_ARCHIVED if archived else M_UNARCHIVED
        ctx.print(done.text(name=person.name, id=person.id))
    return 0


def cmd_person_list(ctx: CliContext, args: argparse.Namespace) -> int:
    """``person list``, and with ``--archived`` the archived people only."""
    if not args.archived:
        return log_cmds.cmd_person_list(ctx, args)
    people = Store(ctx.database()).people.list_archived()
    if args.json:
        ctx.print_json([_person_json(p) for p in people])
        return 0
    if not people:
        ctx.print(M_NO_ARCHIVED.text())
    for p in people:
        when = p.archived_at.astimezone().date().isoformat() if p.archived_at else "-"
        ctx.print(f"{p.id:>4}  {p.name}  ({when})")
    return 0


def cmd_person_delete(ctx: CliContext, args: argparse.Namespace) -> int:
    store = Store(ctx.database())
    person = store.people.resolve(args.person)
    preview = M_PERSON_WOULD_GO.text(
        name=person.name,
        id=person.id,
        meetings=store.meetings.count_for_person(person.id),
        actions=len(store.actions.list_for_person(person.id)),
    )
    _confirmed(ctx, args, preview)
    store.people.delete(person.id)
    ctx.print(M_PERSON_DELETED.text(name=person.name, id=person.id))
    return 0


# -- meetings ---------------------------------------------------------------------------------


def cmd_meeting_edit(ctx: CliContext, args: argparse.Namespace) -> int:
    meeting_id = validate.record_id(args.id, errors.MeetingNotFoundError)
    fields: dict[str, Any] = {}
    at = _given(args.at, errors.BadDateError(value=""))
    if at is not None:
        fields["starts_at"] = validate.parse_datetime(at)
    status = _given(args.status, errors.BadStatusError(value=""))
    if status is not None:
        fields["status"] = validate.status(status)
    if args.mood is not None:
        fields["mood"] = validate.mood(_given(args.mood, errors.MoodRangeError()))
    text_input.check_one_stdin(args, _MEETING_STDIN)
    if any(getattr(args, f"{o.dest}_edit", False) for o in (PURPOSE, SHARED, PRIVATE)):
        # Before the editor opens: a wrong id must not cost the note just written.
        Store(ctx.database()).meetings.get(meeting_id)
        ctx.close()
    for option, key in ((PURPOSE, "purpose"), (SHARED, "shared_notes"), (PRIVATE, "private_notes")):
        value = text_input.read_text(args, option)
        if value is not None:
            fields[key] = validate.optional_text(value)
    topics = [parse_topic(spec) for _, _, spec in text_input.read_lines(args, "--topic")]
    actions = [parse_action(spec) for _, _, spec in text_input.read_lines(args, "--action")]
    if not (fields or topics or actions):
        raise InputError(M_NOTHING_TO_CHANGE)
    store = Store(ctx.database())
    current = store.meetings.get(meeting_id)
    # One transaction: the fields, the new topics and the new items are saved together or not.
    with store.db.transaction():
        if fields:
            store.meetings.update(meeting_id, **fields)
        for topic in topics:
            store.topics.add(meeting_id, topic.theme, topic.text)
        for item in actions:
            store.actions.add(
                current.person_id, item.owner, item.text, meeting_id=meeting_id, due_on=item.due_on
            )
    meeting = store.meetings.get(meeting_id)
    if args.json:
        person = store.people.get(meeting.person_id)
        ctx.print_json(meeting_json(meeting, person, private=False))
    else:
        ctx.print(M_MEETING_SAVED.text(id=meeting.id))
    return 0


def cmd_meeting_delete(ctx: CliContext, args: argparse.Namespace) -> int:
    meeting_id = validate.record_id(args.id, errors.MeetingNotFoundError)
    store = Store(ctx.database())
    meeting = store.meetings.get(meeting_id)
    person = store.people.get(meeting.person_id)
    day = meeting.starts_at.astimezone().date().isoformat()
    _confirmed(ctx, args, M_MEETING_WOULD_GO.text(id=meeting_id, day=day, name=person.name))
    store.meetings.delete(meeting_id)
    ctx.print(M_MEETING_DELETED.text(id=meeting_id))
    return 0


def cmd_meeting_move(ctx: CliContext, args: argparse.Namespace) -> int:
    meeting_id = validate.record_id(args.id, errors.MeetingNotFoundError)
    store = Store(ctx.database())
    store.meetings.get(meeting_id)
    person = store.people.resolve(args.person)
    meeting = store.meetings.move(meeting_id, person.id)
    if args.json:
        ctx.print_json(meeting_json(meeting, person, private=False))
    else:
        ctx.print(M_MEETING_MOVED.text(id=meeting_id, name=person.name))
    return 0


# -- action items -----------------------------------------------------------------------------


def cmd_action_list(ctx: CliContext, args: argparse.Namespace) -> int:
    store = Store(ctx.database())
    person_id = None if args.person is None else store.people.resolve(args.person).id
    today = datetime.now().astimezone().date()
    items = store.actions.listing(person_id=person_id, overdue_on=today if args.overdue else None)
    names = {p.id: p.name for p in store.people.list(include_archived=True)}
    if args.json:
        ctx.print_json([_action_row_json(a, names) for a in items])
        return 0
    if not items:
        ctx.print(M_NO_ACTIONS.text())
    for a in items:
        due = f"  {log_cmds.M_DUE.text()} {a.due_on.isoformat()}" if a.due_on else ""
        late = " !" if a.due_on is not None and a.due_on < today else ""
        name = names.get(a.person_id, "")
        ctx.print(f"{a.id:>6}  {name}  {a.owner.value}: {a.text}{due}{late}")
    return 0


def cmd_action_edit(ctx: CliContext, args: argparse.Namespace) -> int:
    action_id = validate.record_id(args.id, errors.ActionNotFoundError)
    fields: dict[str, Any] = {}
    text = text_input.read_text(args, ACTION_TEXT)
    if text is not None:
        fields["text"] = validate.text(text)
    if args.owner is not None:
        fields["owner"] = validate.owner(args.owner)
    due = _given(args.due, errors.BadDateError(value=""))
    if due is not None:
        fields["due_on"] = None if due.strip() == "none" else validate.parse_date(due)
    if not fields:
        raise InputError(M_NOTHING_TO_CHANGE)
    store = Store(ctx.database())
    action = store.actions.update(action_id, **fields)
    if args.json:
        ctx.print_json(action_json(action))
    else:
        ctx.print(M_ACTION_SAVED.text(id=action.id))
    return 0


def cmd_action_delete(ctx: CliContext, args: argparse.Namespace) -> int:
    action_id = validate.record_id(args.id, errors.ActionNotFoundError)
    store = Store(ctx.database())
    store.actions.get(action_id)
    _confirmed(ctx, args, M_ACTION_WOULD_GO.text(id=action_id))
    store.actions.delete(action_id, erase=True)
    ctx.print(M_ACTION_DELETED.text(id=action_id))
    return 0


# -- retention --------------------------------------------------------------------------------


def cmd_retention(ctx: CliContext, args: argparse.Namespace) -> int:
    years_arg = _given(args.erase_archived_after, errors.RetentionRangeError(high=100))
    years = None if years_arg is None else validate.retention_years(years_arg)
    store = Store(ctx.database())
    if years is not None or args.off:
        store.retention.set_years(years)
    current = store.retention.years()
    due = len(store.retention.due())
    if args.json:
        ctx.print_json({"erase_archived_after_years": current, "due": due})
        return 0
    ctx.print(M_RETENTION_OFF.text() if current is None else M_RETENTION_ON.text(years=current))
    if due:
        ctx.print(M_RETENTION_DUE.text(count=due))
    return 0


def retention_notice(count: int) -> str:
    """The line the CLI prints when opening the vault applied the retention rule."""
    return M_RETENTION_ERASED.text(count=count)
