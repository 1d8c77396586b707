"""Full-text search over notes, purposes, topics, action items and career goals.

The index is FTS5 with the trigram tokenizer, so any substring of three or more characters
matches — Japanese needs no word breaks (「キャリア」 finds 「キャリア形成」). The query is split
on white space and every part must occur (AND). Parts are always quoted, so FTS syntax typed by
a user (``"foo" AND``, ``NEAR(``, ``*``) is searched for as text and can never fail. Parts of one
or two characters cannot be matched by trigrams: they become ``LIKE`` conditions on the rows the
longer parts found, or, when every part is that short, a ``LIKE`` scan of the newest rows that
stops after ``limit`` hits (newest first, since bm25 needs trigrams).

Ranking is bm25 (``ORDER BY rank``). Snippets come back as plain-text segments: ``snippet()``
marks matches with control characters that are then split off, so no markup ever reaches the
UI. Private notes are searched only when the caller asks.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from taiwa.domain.models import HitKind, SearchHit, Segment
from taiwa.store import _convert as cv
from taiwa.vault import schema
from taiwa.vault.database import Database

_OPEN = "\x02"
_CLOSE = "\x03"
_ELLIPSIS = "…"
SNIPPET_TOKENS = 48  # trigram "tokens" are characters: about 48 characters of context
MAX_QUERY = 200

_KINDS = {
    schema.KIND_SHARED_NOTES: HitKind.SHARED_NOTES,
    schema.KIND_PRIVATE_NOTES: HitKind.PRIVATE_NOTES,
    schema.KIND_TOPIC: HitKind.TOPIC,
    schema.KIND_ACTION: HitKind.ACTION,
    schema.KIND_PURPOSE: HitKind.PURPOSE,
    schema.KIND_CAREER_GOALS: HitKind.CAREER_GOALS,
}
_MARKERS = re.compile(f"[{_OPEN}{_CLOSE}]")


def split_query(query: str) -> tuple[list[str], list[str]]:
    """The parts of a query: (three characters or more, shorter)."""
    parts = [p for p in _MARKERS.sub(" ", query[:MAX_QUERY]).split() if p]
    return [p for p in parts if len(p) >= 3], [p for p in parts if len(p) < 3]


def fts_expression(parts: Sequence[str]) -> str:
    """An FTS5 query that matches every part as literal text."""
    return " AND ".join('"' + p.replace('"', '""') + '"' for p in parts)


def like_pattern(part: str) -> str:
    """A LIKE pattern for ``part`` anywhere (``%``, ``_`` and ``\\`` escaped)."""
    escaped = part.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def parse_snippet(marked: str) -> tuple[Segment, ...]:
    """Turn a snippet with control-character markers into plain-text segments."""
    segments: list[Segment] = []
    highlighted = False
    for piece in re.split(f"([{_OPEN}{_CLOSE}])", marked):
        if piece == _OPEN:
            highlighted = True
        elif piece == _CLOSE:
            highlighted = False
        elif piece:
            if segments and segments[-1].highlighted == highlighted:
                segments[-1] = Segment(segments[-1].text + piece, highlighted)
            else:
                segments.append(Segment(piece, highlighted))
    return tuple(segments)


def highlight(text: str, parts: Sequence[str]) -> list[Segment]:
    """``text`` as segments with every (case-insensitive) occurrence of a part highlighted."""
    low = text.casefold()
    marks = [False] * len(text)
    if len(low) == len(text):  # casefold can change lengths (ß → ss); then mark nothing
        for part in parts:
            key = part.casefold()
            start = low.find(key) if key else -1
            while start >= 0:
                for i in range(start, start + len(key)):
                    marks[i] = True
                start = low.find(key, start + len(key))
    segments: list[Segment] = []
    for ch, mark in zip(text, marks, strict=True):
        if segments and segments[-1].highlighted == mark:
            segments[-1] = Segment(segments[-1].text + ch, mark)
        else:
            segments.append(Segment(ch, mark))
    return segments


def like_snippet(
    body: str, parts: Sequence[str], width: int = SNIPPET_TOKENS
) -> tuple[Segment, ...]:
    """A snippet around the first match of any part, with every match highlighted."""
    folded = body.casefold()
    first = min((i for i in (folded.find(p.casefold()) for p in parts) if i >= 0), default=0)
    lo = max(0, first - width // 3)
    hi = min(len(body), lo + width)
    segments = highlight(body[lo:hi], parts)
    if lo > 0:
        segments.insert(0, Segment(_ELLIPSIS, False))
    if hi < len(body):
        segments.append(Segment(_ELLIPSIS, False))
    return _merge(segments)


def _merge(segments: Sequence[Segment]) -> tuple[Segment, ...]:
    merged: list[Segment] = []
    for seg in segments:
        if merged and merged[-1].highlighted == seg.highlighted:
            merged[-1] = Segment(merged[-1].text + seg.text, seg.highlighted)
        else:
            merged.append(seg)
    return tuple(merged)


class Search:
    """Ranked search with snippets, resolved to the person and meeting to open."""

    def __init__(self, db: Database) -> None:
        self._db = db

    def search(
        self, query: str, *, include_private: bool = False, limit: int = 50, offset: int = 0
    ) -> list[SearchHit]:
        """Hits for ``query``, best first.

        Args:
            query: what the user typed (any text; FTS syntax is taken literally).
            include_private: search private notes too.
            limit: at most this many hits.
            offset: skip this many (paging).
        """
        long_parts, short_parts = split_query(query)
        limit = max(0, min(limit, 1000))
        offset = max(0, offset)
        if (not long_parts and not short_parts) or limit == 0:
            return []
        private = "" if include_private else f" AND (rowid & 7) <> {schema.KIND_PRIVATE_NOTES}"
        likes = "".join(" AND body LIKE ? ESCAPE '\\'" for _ in short_parts)
        like_params = [like_pattern(p) for p in short_parts]
        found: list[tuple[int, tuple[Segment, ...], float]]
        if long_parts:
            rows = self._db.query(
                "SELECT rowid, snippet(search_index, 0, char(2), char(3), '…', ?) AS snip, rank"  # noqa: S608 - constant fragments
                f" FROM search_index WHERE search_index MATCH ?{private}{likes}"
                " ORDER BY rank LIMIT ? OFFSET ?",
                [SNIPPET_TOKENS, fts_expression(long_parts), *like_params, limit, offset],
            )
            found = [(r[0], parse_snippet(r[1]), float(r[2])) for r in rows]
            if short_parts:
                # snippet() marks only the trigram matches; mark the short parts as well.
                found = [
                    (rowid, _mark_short(snip, short_parts), rank) for rowid, snip, rank in found
                ]
        else:
            rows = self._db.query(
                f"SELECT rowid, body FROM search_index WHERE 1{private}{likes}"  # noqa: S608 - constant fragments
                " ORDER BY rowid DESC LIMIT ? OFFSET ?",
                [*like_params, limit, offset],
            )
            found = [(r[0], like_snippet(r[1], short_parts), 0.0) for r in rows]
        return self._resolve(found)

    def count(self, query: str, *, include_private: bool = False) -> int:
        """How many rows match (for "n results"); short-only queries are not counted (-1)."""
        long_parts, short_parts = split_query(query)
        if not long_parts:
            return -1
        private = "" if include_private else f" AND (rowid & 7) <> {schema.KIND_PRIVATE_NOTES}"
        likes = "".join(" AND body LIKE ? ESCAPE '\\'" for _ in short_parts)
        row = self._db.query_one(
            f"SELECT count(*) FROM search_index WHERE search_index MATCH ?{private}{likes}",  # noqa: S608 - constant fragments
            [fts_expression(long_parts), *(like_pattern(p) for p in short_parts)],
        )
        return int(row[0]) if row else 0

    def _resolve(self, found: Sequence[tuple[int, tuple[Segment, ...], float]]) -> list[SearchHit]:
        by_kind: dict[int, list[int]] = {}
        for rowid, _, _ in found:
            by_kind.setdefault(rowid & 7, []).append(rowid >> 3)
        info: dict[tuple[int, int], tuple[int, str, int | None, str | None]] = {}

        def fetch(kind: int, sql: str) -> None:
            ids = by_kind.get(kind)
            if not ids:
                return
            marks = ",".join("?" * len(ids))
            for r in self._db.query(sql.format(marks=marks), ids):
                info[(kind, r["src"])] = (r["pid"], r["name"], r["mid"], r["starts"])

        meeting_sql = (
            "SELECT m.id AS src, p.id AS pid, p.name, m.id AS mid, m.starts_at AS starts"
            " FROM meeting m JOIN person p ON p.id = m.person_id WHERE m.id IN ({marks})"
        )
        for kind in (schema.KIND_SHARED_NOTES, schema.KIND_PRIVATE_NOTES, schema.KIND_PURPOSE):
            fetch(kind, meeting_sql)
        fetch(
            schema.KIND_TOPIC,
            "SELECT t.id AS src, p.id AS pid, p.name, m.id AS mid, m.starts_at AS starts"
            " FROM topic t JOIN meeting m ON m.id = t.meeting_id"
            " JOIN person p ON p.id = m.person_id WHERE t.id IN ({marks})",
        )
        fetch(
            schema.KIND_ACTION,
            "SELECT a.id AS src, p.id AS pid, p.name, m.id AS mid, m.starts_at AS starts"
            " FROM action a JOIN person p ON p.id = a.person_id"
            " LEFT JOIN meeting m ON m.id = a.meeting_id WHERE a.id IN ({marks})",
        )
        fetch(
            schema.KIND_CAREER_GOALS,
            "SELECT p.id AS src, p.id AS pid, p.name, NULL AS mid, NULL AS starts"
            " FROM person p WHERE p.id IN ({marks})",
        )
        hits: list[SearchHit] = []
        for rowid, snippet, rank in found:
            kind, source_id = rowid & 7, rowid >> 3
            entry = info.get((kind, source_id))
            if entry is None or kind not in _KINDS:  # a row deleted meanwhile
                continue
            person_id, name, meeting_id, starts = entry
            hits.append(
                SearchHit(
                    kind=_KINDS[kind],
                    source_id=source_id,
                    person_id=person_id,
                    person_name=name,
                    meeting_id=meeting_id,
                    starts_at=cv.opt_ts(starts),
                    snippet=snippet,
                    rank=rank,
                )
            )
        return hits


def _mark_short(snippet: tuple[Segment, ...], parts: Sequence[str]) -> tuple[Segment, ...]:
    """Also highlight the short parts inside a snippet's plain segments."""
    out: list[Segment] = []
    for seg in snippet:
        out.extend([seg] if seg.highlighted else highlight(seg.text, parts))
    return _merge(out)
