"""``taiwa search``: the full-text search on the command line.

A module of its own, registered among the log commands (see :func:`taiwa.cli.log_cmds.register`)
but built alone when it runs: a search is a quick look-up in a script or a terminal, and the
log commands' module (every person, meeting and report command, their text input and editor
support) cost it about a fifth of its time against a bare open+query (issue 21). Everything the
command needs beyond argparse is imported when it runs.
"""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

from taiwa.cli import shared
from taiwa.i18n import Msg

if TYPE_CHECKING:
    from taiwa.cli.context import CliContext
    from taiwa.domain.models import SearchHit

M_NO_HITS = Msg("Nothing found.", "見つかりませんでした。")
#: The most hits one search prints, whatever ``--limit`` says (the store's own cap).
MAX_HITS = 1000


def register(sub: argparse._SubParsersAction[Any]) -> None:
    """Add ``search`` to the parser."""
    p = shared.add_command(sub, "search", "search notes, topics and action items (ranked)")
    p.add_argument(
        "query",
        metavar="QUERY",
        help="words to find; '-' reads them from standard input (a query on the command line"
        " is visible to other local users and kept in shell history)",
    )
    p.add_argument("--private", action="store_true", help="search private notes too")
    p.add_argument(
        "--archived", action="store_true", help="search the records of archived people too"
    )
    p.add_argument(
        "--limit", type=shared.limit, default=50, metavar="N", help="1-10000 (default 50)"
    )
    p.add_argument("--json", action="store_true", help="print JSON")
    p.set_defaults(handler=cmd_search)


def hit_json(hit: SearchHit) -> dict[str, Any]:
    """One hit in ``--json`` output (stable, see the README)."""
    return {
        "kind": hit.kind.value,
        "source_id": hit.source_id,
        "person_id": hit.person_id,
        "person_name": hit.person_name,
        "meeting_id": hit.meeting_id,
        "starts_at": shared.ts(hit.starts_at),
        "text": hit.snippet_text,
        "snippet": [{"text": s.text, "highlighted": s.highlighted} for s in hit.snippet],
    }


def cmd_search(ctx: CliContext, args: argparse.Namespace) -> int:
    from taiwa.domain import validate
    from taiwa.store import Store

    query = args.query
    if query == "-":  # text_input.STDIN, imported (with its editor support) only when used
        from taiwa.cli import text_input

        query = text_input.read_text(
            args, text_input.TextOption("query", "the query", editor=False)
        )
        query = query or ""
    query = validate.utf8(query)
    store = Store(ctx.database())
    hits = store.search.search(
        query,
        include_private=args.private,
        include_archived=args.archived,
        limit=min(args.limit, MAX_HITS),
    )
    if args.json:
        ctx.print_json([hit_json(h) for h in hits])
        return 0
    if not hits:
        ctx.print(M_NO_HITS.text())
    for h in hits:
        when = shared.local(h.starts_at) if h.starts_at else "-"
        # A terminal shows the match in brackets; the GUI gets the same segments as styles.
        text = "".join(f"[{s.text}]" if s.highlighted else s.text for s in h.snippet)
        text = " ".join(text.split())
        ctx.print(f"{h.person_name}  {when}  {h.kind.value}  #{h.meeting_id or '-'}\n    {text}")
    return 0
