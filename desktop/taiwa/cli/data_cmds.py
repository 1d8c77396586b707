"""``taiwa export-data``, ``import-data`` and ``handover``: records out of and into the vault.

The same services as the app's File → Export data… / Import data… (:mod:`taiwa.portable`).
The format is documented in docs/portable-format.md.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING, Any

from taiwa import i18n
from taiwa.cli.context import CliContext
from taiwa.errors import InputError
from taiwa.i18n import Msg
from taiwa.prefs import Prefs

if TYPE_CHECKING:
    from taiwa.portable.import_data import Preview

_EXPORTED = Msg(
    "Exported {people} people, {meetings} meetings, {actions} action items to {folder}",
    "{folder} に {people} 人、ミーティング {meetings} 件、アクション {actions} 件を書き出しました",
)
_PRIVATE_WARNING = Msg(
    "Warning: this export includes private notes and mood. Keep it to yourself and delete it"
    " when done.",
    "注意：この書き出しには非公開メモと気分が含まれています。取り扱いに注意し、用が済んだら削除してください。",
)
_PREVIEW = Msg(
    "{kind}. New people: {people_new}, already in the vault (matched, not duplicated):"
    " {people_matched}. Meetings: {meetings_new} new, {meetings_skipped} already there."
    " Topics: {topics_new}. Action items: {actions_new} new, {actions_skipped} already there.",
    "{kind}。新しい人：{people_new} 人、登録済みの人（照合済み・重複なし）：{people_matched} 人。"
    "ミーティング：新規 {meetings_new} 件、登録済み {meetings_skipped} 件。話題：{topics_new} 件。"
    "アクションアイテム：新規 {actions_new} 件、登録済み {actions_skipped} 件。",
)
_KINDS = {
    "taiwa_json": Msg("Taiwa JSON", "Taiwa JSON"),
    "people_csv": Msg("People CSV", "人の CSV"),
    "notes_folder": Msg("Markdown notes folder", "Markdown ノートのフォルダー"),
}
_NEW = Msg("new", "新規")
_MATCHED = Msg("already in the vault", "登録済み")
_PERSON_LINE = Msg(
    "  {name}: {status}; meetings {meetings}, action items {actions}",
    "  {name}：{status}、ミーティング {meetings} 件、アクションアイテム {actions} 件",
)
_DRY_RUN = Msg("Dry run: nothing was written.", "試行のみ：何も書き込んでいません。")
_IMPORTED = Msg(
    "Imported. New people: {people}, meetings: {meetings}, topics: {topics}, action items:"
    " {actions}.",
    "取り込みました。新しい人：{people} 人、ミーティング：{meetings} 件、話題：{topics} 件、"
    "アクションアイテム：{actions} 件。",
)
_PRIVATE_IN = Msg(
    "Note: the input holds private notes or mood; they are imported as private.",
    "注意：入力に非公開メモか気分が含まれています。非公開として取り込みます。",
)
_WROTE = Msg("Wrote {path}", "{path} を書き出しました")
_NOT_MD_OR_PDF = Msg(
    "The hand-over file must end in .md or .pdf.",
    "引き継ぎ資料のファイル名は .md か .pdf で終わる必要があります。",
)


def register(sub: argparse._SubParsersAction[Any]) -> None:
    """Add ``export-data``, ``import-data`` and ``handover`` to the parser."""
    p = sub.add_parser(
        "export-data",
        help="export the vault (or one person) as JSON, CSV and Markdown",
        description=(
            "Write DIR/taiwa.json (everything), DIR/actions.csv and DIR/notes/ (one Markdown"
            " file per meeting) into a new or empty folder. Private notes and mood are left"
            " out unless --include-private is given; signals are never exported."
        ),
    )
    p.add_argument("dir", metavar="DIR", help="a new or empty folder")
    p.add_argument("--person", metavar="PERSON", help="only this person (name, e-mail or id)")
    p.add_argument("--include-private", action="store_true", help="include private notes and mood")
    p.add_argument("--json", action="store_true", help="print what was written as JSON")
    p.set_defaults(handler=run_export_data)

    p = sub.add_parser(
        "import-data",
        help="import a Taiwa JSON file, a people CSV or a folder of Markdown notes",
        description=(
            "Show what PATH holds and write it all in one transaction, or nothing when any row"
            " is bad. People already in the vault (same e-mail, else same name) are matched,"
            " not duplicated; meetings and actions already there are skipped."
        ),
    )
    p.add_argument("file", metavar="PATH", help="taiwa.json, a people CSV, or a notes folder")
    p.add_argument("--dry-run", action="store_true", help="show the preview; write nothing")
    p.add_argument("--json", action="store_true", help="print the preview as JSON")
    p.set_defaults(handler=run_import_data)

    p = sub.add_parser(
        "handover",
        help="one person's shared history for their next manager (.md or .pdf)",
        description=(
            "Write the shared history of PERSON: meetings, topics, shared notes and action"
            " items. Never private notes, mood or signals."
        ),
    )
    p.add_argument("person", metavar="PERSON", help="name, e-mail or id")
    p.add_argument("-o", "--output", metavar="FILE", required=True, help="FILE.md or FILE.pdf")
    p.add_argument("--lang", dest="doc_lang", choices=i18n.LANGS, help="language of the document")
    p.add_argument("--force", action="store_true", help="replace FILE if it exists")
    p.set_defaults(handler=run_handover)


def run_export_data(ctx: CliContext, args: argparse.Namespace) -> int:
    from taiwa.portable import export_data
    from taiwa.store import Store

    db = ctx.database()
    person_id = None if args.person is None else Store(db).people.resolve(args.person).id
    summary = export_data.export(
        db, Path(args.dir), person_id=person_id, include_private=args.include_private
    )
    if args.json:
        ctx.print_json(
            {
                "folder": str(summary.folder),
                "people": summary.people,
                "meetings": summary.meetings,
                "actions": summary.actions,
                "notes": summary.notes,
                "include_private": summary.include_private,
            }
        )
    else:
        ctx.print(
            _EXPORTED.text(
                people=summary.people,
                meetings=summary.meetings,
                actions=summary.actions,
                folder=str(summary.folder),
            )
        )
    if summary.include_private:
        print(_PRIVATE_WARNING.text(), file=ctx.err)
    return 0


def _preview_json(preview: Preview, *, written: bool) -> dict[str, Any]:
    return {
        "kind": preview.kind.value,
        "people": [
            {"name": p.name, "new": p.new, "meetings": p.meetings, "actions": p.actions}
            for p in preview.people
        ],
        "people_new": preview.people_new,
        "people_matched": preview.people_matched,
        "meetings_new": preview.meetings_new,
        "meetings_skipped": preview.meetings_skipped,
        "topics_new": preview.topics_new,
        "actions_new": preview.actions_new,
        "actions_skipped": preview.actions_skipped,
        "private_parts": preview.private_parts,
        "problems": [p.text() for p in preview.problems],
        "written": written,
    }


def _print_preview(ctx: CliContext, preview: Preview) -> None:
    ctx.print(
        _PREVIEW.text(
            kind=_KINDS[preview.kind.value].text(),
            people_new=preview.people_new,
            people_matched=preview.people_matched,
            meetings_new=preview.meetings_new,
            meetings_skipped=preview.meetings_skipped,
            topics_new=preview.topics_new,
            actions_new=preview.actions_new,
            actions_skipped=preview.actions_skipped,
        )
    )
    for p in preview.people:
        status = (_NEW if p.new else _MATCHED).text()
        ctx.print(
            _PERSON_LINE.text(name=p.name, status=status, meetings=p.meetings, actions=p.actions)
        )


def run_import_data(ctx: CliContext, args: argparse.Namespace) -> int:
    from taiwa.portable import import_data
    from taiwa.portable.problems import ImportRefusedError

    db = ctx.database()
    plan = import_data.prepare(db, Path(args.file))
    preview = plan.preview
    if not args.json:
        _print_preview(ctx, preview)
    if preview.problems:
        if args.json:
            ctx.print_json(_preview_json(preview, written=False))
        for problem in preview.problems:
            print(f"taiwa: {problem.text()}", file=ctx.err)
        raise ImportRefusedError(list(preview.problems))
    if preview.private_parts:
        print(_PRIVATE_IN.text(), file=ctx.err)
    if args.dry_run:
        if args.json:
            ctx.print_json(_preview_json(preview, written=False))
        else:
            ctx.print(_DRY_RUN.text())
        return 0
    written = import_data.apply(db, plan)
    # Printed once the transaction has committed: "written": true is then a fact.
    if args.json:
        ctx.print_json(_preview_json(preview, written=True))
    else:
        ctx.print(
            _IMPORTED.text(
                people=written.people,
                meetings=written.meetings,
                topics=written.topics,
                actions=written.actions,
            )
        )
    return 0


def _doc_language(args: argparse.Namespace) -> i18n.Lang:
    chosen = args.doc_lang or getattr(args, "lang", None) or Prefs.load().language
    return i18n.normalize(chosen) if chosen else i18n.current_language()


def run_handover(ctx: CliContext, args: argparse.Namespace) -> int:
    from taiwa.store import Store

    output = Path(args.output)
    suffix = output.suffix.lower()
    if suffix not in (".md", ".pdf"):
        raise InputError(_NOT_MD_OR_PDF)
    lang = _doc_language(args)
    db = ctx.database()
    store = Store(db)
    person = store.people.resolve(args.person)
    from taiwa.portable import handover

    if suffix == ".md":
        written = handover.write_markdown(db, person.id, output, lang=lang, overwrite=args.force)
    else:
        written = handover.write_pdf(store, person.id, output, lang=lang, overwrite=args.force)
    ctx.print(_WROTE.text(path=str(written)))
    return 0
