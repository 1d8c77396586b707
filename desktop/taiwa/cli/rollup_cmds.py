"""``taiwa rollup``: export this vault's execution-rate roll-up; read several managers' together.

``rollup export`` writes numbers only (see :mod:`taiwa.rollup.document`), signed with the
vault's roll-up key; ``rollup show`` verifies files and prints per team and overall against a
target, optionally keeping them in this vault (``--keep``) and reading the kept ones
(``--kept``) for a trend across quarters; ``rollup forget ID`` drops a kept one.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from taiwa.cli.context import CliContext
from taiwa.domain import validate
from taiwa.errors import InputError
from taiwa.i18n import Msg
from taiwa.rollup import texts as t
from taiwa.rollup.model import FIELDS
from taiwa.rollup.view import GroupRow, RollupView

_WROTE = Msg(
    "Wrote {path}: {count} reports, {who}, {start} to {end}. Key {key_id}.",
    "{path} を書き出しました：{count} 人、{who}、{start}〜{end}。鍵 {key_id}。",
)
_PSEUDONYMS = Msg("pseudonymous", "仮名")
_NAMES = Msg("WITH NAMES", "実名入り")
_FIELDS = Msg("The file holds only these fields:", "ファイルに含まれるのは次の項目だけです：")
_BAD_TARGET = Msg(
    "--target must be a percentage between 1 and 100.",
    "--target には 1〜100 のパーセントを指定してください。",
)
_BAD_MIN = Msg(
    "--min-group must be a whole number between 1 and 100.",
    "--min-group には 1〜100 の整数を指定してください。",
)
_NO_FILES = Msg(
    "Give roll-up files, or --kept for the ones kept in this vault.",
    "ロールアップファイルを指定するか、保管庫に保存したものを読むには --kept を指定してください。",
)
_KEPT = Msg(
    "Kept {count} roll-ups in this vault.", "{count} 件のロールアップを保管庫に保存しました。"
)
_KEPT_LIST = Msg("#{id}  {line}", "#{id}  {line}")
_FORGOT = Msg("Forgot kept roll-up #{id}.", "保存したロールアップ #{id} を削除しました。")
_NOT_KEPT = Msg("There is no kept roll-up #{id}.", "保存したロールアップ #{id} はありません。")
_BAD_ID = Msg("'{value}' is not a roll-up id.", "'{value}' はロールアップ ID ではありません。")
_WROTE_FILE = Msg("Wrote {path}", "{path} を書き出しました")
_MANAGER_TOO_LONG = Msg(
    "--manager is longer than 80 characters.", "--manager は 80 文字以内にしてください。"
)


def register(sub: argparse._SubParsersAction[Any]) -> None:
    """Add ``rollup export|show|forget`` to the parser."""
    rollup = sub.add_parser("rollup", help="execution-rate roll-ups (numbers only, signed)")
    rsub = rollup.add_subparsers(dest="rollup_command", metavar="ACTION", required=True)

    p = rsub.add_parser("export", help="write this vault's roll-up for a period")
    p.add_argument("--vault", metavar="DIR", default=argparse.SUPPRESS, help="vault folder")
    p.add_argument("--from", dest="start", required=True, metavar="DATE", help="first day")
    p.add_argument("--to", dest="end", required=True, metavar="DATE", help="last day")
    p.add_argument("-o", "--output", required=True, metavar="FILE", help="the file to write")
    p.add_argument(
        "--names", action="store_true", help="name the reports (default: stable pseudonyms)"
    )
    p.add_argument("--manager", default="", metavar="LABEL", help="your label in the file")
    p.add_argument("--force", action="store_true", help="replace FILE if it exists")
    p.set_defaults(handler=cmd_export)

    p = rsub.add_parser("show", help="verify roll-ups and show them per team and overall")
    p.add_argument("--vault", metavar="DIR", default=argparse.SUPPRESS, help="vault folder")
    p.add_argument("files", nargs="*", metavar="FILE", help="roll-up files")
    p.add_argument("--target", default="90", metavar="PERCENT", help="target rate (default 90)")
    p.add_argument(
        "--min-group", default="5", metavar="N", help="smallest group shown on its own (5)"
    )
    p.add_argument("--kept", action="store_true", help="include the roll-ups kept in the vault")
    p.add_argument("--keep", action="store_true", help="keep the given files in the vault")
    p.add_argument("--csv", dest="csv_output", metavar="FILE", help="also write the view as CSV")
    p.add_argument("--pdf", dest="pdf_output", metavar="FILE", help="also write the view as PDF")
    p.add_argument("--force", action="store_true", help="replace the CSV/PDF if they exist")
    p.add_argument("--json", action="store_true", help="print JSON")
    p.set_defaults(handler=cmd_show)

    p = rsub.add_parser("list", help="list the roll-ups kept in the vault")
    p.add_argument("--vault", metavar="DIR", default=argparse.SUPPRESS, help="vault folder")
    p.add_argument("--json", action="store_true", help="print JSON")
    p.set_defaults(handler=cmd_list)

    p = rsub.add_parser("forget", help="drop a roll-up kept in the vault")
    p.add_argument("--vault", metavar="DIR", default=argparse.SUPPRESS, help="vault folder")
    p.add_argument("id", metavar="ID")
    p.set_defaults(handler=cmd_forget)


def cmd_export(ctx: CliContext, args: argparse.Namespace) -> int:
    from taiwa.rollup import collect, document, files
    from taiwa.store import Store

    start = validate.parse_date(args.start)
    end = validate.parse_date(args.end)
    manager = str(args.manager).strip()
    if len(manager) > 80:
        raise InputError(_MANAGER_TOO_LONG)
    store = Store(ctx.database())
    rollup = collect.collect(store, start, end, names=args.names, manager=manager)
    seed = store.rollups.seed()
    data = document.encode(rollup, seed)
    path = files.write(Path(args.output), data, overwrite=args.force)
    signed = document.decode(data, str(path))
    ctx.print(
        _WROTE.text(
            path=str(path),
            count=len(rollup.reports),
            who=(_NAMES if args.names else _PSEUDONYMS).text(),
            start=start.isoformat(),
            end=end.isoformat(),
            key_id=signed.key_id,
        )
    )
    ctx.print(_FIELDS.text())
    for field in FIELDS:
        ctx.print("  - " + field.label.text())
    return 0


def _percent(value: str, low: float, high: float, message: Msg) -> float:
    try:
        number = float(str(value).strip().rstrip("%"))
    except ValueError:
        raise InputError(message) from None
    if not low <= number <= high:
        raise InputError(message)
    return number


def cmd_show(ctx: CliContext, args: argparse.Namespace) -> int:
    from taiwa.rollup import files, report_files, view

    target = _percent(args.target, 1, 100, _BAD_TARGET)
    min_group = _percent(args.min_group, 1, 100, _BAD_MIN)
    if min_group != int(min_group):
        raise InputError(_BAD_MIN)
    if not args.files and not args.kept:
        raise InputError(_NO_FILES)
    # Every file is verified before anything is kept or printed: all or nothing.
    signed = [files.read(Path(f)) for f in args.files]
    if args.keep or args.kept:
        from taiwa.rollup import document
        from taiwa.store import Store

        store = Store(ctx.database())
        if args.keep:
            for s in signed:
                store.rollups.keep(s.key_id, s.rollup.start, s.rollup.end, s.raw)
            print(_KEPT.text(count=len(signed)), file=ctx.err)
        if args.kept:
            kept = store.rollups.kept()
            own = {(s.key_id, s.rollup.start, s.rollup.end) for s in signed}
            for k in kept:
                found = document.decode(k.document, f"#{k.id}")
                if (found.key_id, found.rollup.start, found.rollup.end) not in own:
                    signed.append(found)
    result = view.build(signed, target=target, min_group=int(min_group))
    if args.csv_output:
        path = report_files.write_csv(result, Path(args.csv_output), overwrite=args.force)
        print(_WROTE_FILE.text(path=str(path)), file=ctx.err)
    if args.pdf_output:
        from taiwa import i18n

        path = report_files.write_pdf(
            result, Path(args.pdf_output), lang=i18n.current_language(), overwrite=args.force
        )
        print(_WROTE_FILE.text(path=str(path)), file=ctx.err)
    if args.json:
        ctx.print_json(_json(result))
    else:
        _print_text(ctx, result)
    return 0


def _group_json(g: GroupRow) -> dict[str, Any]:
    return {
        "label": t.group_label(g, "en") if g.kind != "team" else g.label,
        "kind": g.kind,
        "reports": g.reports,
        "planned": g.planned,
        "held": g.held,
        "cancelled": g.cancelled,
        "skipped": g.skipped,
        "execution_rate": None if g.rate is None else round(g.rate, 2),
        "below_target": g.below_target,
        "cadence_gaps": g.cadence_gaps,
        "open_actions": g.open_actions,
        "overdue_actions": g.overdue_actions,
        "themes": {"short": g.short_term, "mid": g.mid_term, "long": g.long_term},
    }


def _json(result: RollupView) -> dict[str, Any]:
    return {
        "target": result.target,
        "min_group": result.min_group,
        "total_reports": result.total_reports,
        "folded_reports": result.folded_reports,
        "hidden_months": result.hidden_months,
        "sources": [
            {
                "key_id": s.key_id,
                "manager": s.manager,
                "start": s.start,
                "end": s.end,
                "reports": s.reports,
                "names": s.names,
                "latest": s.latest,
            }
            for s in result.sources
        ],
        "teams": [_group_json(g) for g in result.teams],
        "overall": None if result.overall is None else _group_json(result.overall),
        "below_target": [_group_json(g)["label"] for g in result.below_target],
        "months": [
            {
                "month": m.month,
                "reports": m.reports,
                "planned": m.planned,
                "held": m.held,
                "execution_rate": None if m.rate is None else round(m.rate, 2),
            }
            for m in result.months
        ],
    }


def _print_text(ctx: CliContext, result: RollupView) -> None:
    from taiwa.rollup import report_files

    ctx.print(t.TITLE.text() + " — " + t.TARGET.text(target=result.target))
    ctx.print(t.SOURCES.text() + ":")
    for line in report_files.source_lines(result, None):
        ctx.print("  " + line)
    rows = report_files.rows(result)
    if rows:
        table = [report_files.header(None)] + [report_files.cells(g, None) for g in rows]
        widths = [max(_width(r[i]) for r in table) for i in range(len(table[0]))]
        ctx.print()
        for r in table:
            ctx.print(
                "  ".join(_pad(c, w, i > 0) for i, (c, w) in enumerate(zip(r, widths, strict=True)))
            )
    ctx.print()
    for sentence in report_files.notes(result, None):
        ctx.print(sentence)
    if result.months:
        ctx.print()
        ctx.print(t.TREND.text() + ":")
        for m in result.months:
            bar = "#" * round((m.rate or 0) / 5)
            ctx.print(f"  {m.month}  {t.percent(m.rate):>8}  {bar}")


def _width(text: str) -> int:
    import unicodedata

    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def _pad(text: str, width: int, right: bool) -> str:
    gap = " " * (width - _width(text))
    return gap + text if right else text + gap


def cmd_list(ctx: CliContext, args: argparse.Namespace) -> int:
    from taiwa.rollup import document
    from taiwa.store import Store

    store = Store(ctx.database())
    out = []
    for k in store.rollups.kept():
        s = document.decode(k.document, f"#{k.id}")
        out.append((k.id, s))
    if args.json:
        ctx.print_json(
            [
                {
                    "id": i,
                    "key_id": s.key_id,
                    "manager": s.rollup.manager,
                    "start": s.rollup.start.isoformat(),
                    "end": s.rollup.end.isoformat(),
                    "reports": len(s.rollup.reports),
                }
                for i, s in out
            ]
        )
        return 0
    for i, s in out:
        line = t.SOURCE_LINE.text(
            manager=s.rollup.manager or t.NO_MANAGER.text(),
            key_id=s.key_id,
            start=s.rollup.start.isoformat(),
            end=s.rollup.end.isoformat(),
            reports=len(s.rollup.reports),
            names=t.WITH_NAMES.text() if s.rollup.names else "",
            older="",
        )
        ctx.print(_KEPT_LIST.text(id=i, line=line))
    return 0


def cmd_forget(ctx: CliContext, args: argparse.Namespace) -> int:
    from taiwa.store import Store

    value = str(args.id).strip()
    if not validate.is_record_id(value):
        raise InputError(_BAD_ID, value=value[:40])
    store = Store(ctx.database())
    if not store.rollups.forget(int(value)):
        raise InputError(_NOT_KEPT, id=value)
    ctx.print(_FORGOT.text(id=value))
    return 0
