"""Full-text search over notes, purposes, topics, action items and career goals.

The index is FTS5 with the trigram tokenizer, so any substring of three or more characters
matches — Japanese needs no word breaks (「キャリア」 finds 「キャリア形成」). The query is split
on white space and every part must occur (AND). Parts are always quoted, so FTS syntax typed by
a user (``"foo" AND``, ``NEAR(``, ``*``) is searched for as text and can never fail. Parts of one
or two characters cannot be matched by trigrams: they become ``LIKE`` conditions on the rows the
longer parts found, or, when every part is that short, a ``LIKE`` scan of the newest rows that
stops after ``limit`` hits (newest first, since bm25 needs trigrams).

Ranking is bm25 (``ORDER BY rank``). Snippets are cut here from the indexed text, *around* the
first match (a third of the context before it, snapped to a space or a Japanese punctuation
mark so no word is halved), with every match of every part highlighted; FTS5's ``snippet()``
starts its window at the match, which reads as a sentence cut in half. They come back as
plain-text segments, so no markup ever reaches the UI. Private notes are searched only when the
caller asks.

:func:`group_hits` folds a result list for reading: one row per meeting (its other hits
counted), and one row for the same text matched in many meetings of a person (a purpose copied
into fifty meetings must not fill the list).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime

from taiwa.domain.models import HitKind, SearchHit, Segment
from taiwa.store import _convert as cv
from taiwa.vault import schema
from taiwa.vault.database import Database

_OPEN = "\x02"
_CLOSE = "\x03"
_ELLIPSIS = "…"
SNIPPET_TOKENS = 48  # trigram "tokens" are characters: about 48 characters of context
SNIPPET_CHARS = 96  # one line of a wide result list
SNAP = 14  # how far a snippet's ends move to reach a word boundary
# Where a snippet may start or end: white space and Japanese/ASCII punctuation.
_BREAKS = frozenset(" \t\n\r\u3000、。，．・「」『』（）()!?！？,.;:；：")
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


def like_terms(parts: Sequence[str]) -> tuple[str, list[str]]:
    """``AND body LIKE ?`` conditions for ``parts`` and their parameters.

    ``ESCAPE`` only where a part holds ``%``, ``_`` or ``\\``: with it SQLite cannot hand the
    condition to FTS5 and tests every row itself (a two-character search 20 % slower).
    """
    sql = "".join(
        " AND body LIKE ? ESCAPE '\\'" if any(c in p for c in "%_\\") else " AND body LIKE ?"
        for p in parts
    )
    return sql, [like_pattern(p) for p in parts]


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
    lo, hi = _snap(body, lo, hi, first)
    # One line in the list: line breaks and tabs read as spaces.
    piece = re.sub(r"\s+", " ", body[lo:hi])
    segments = highlight(piece, parts)
    if lo > 0:
        segments.insert(0, Segment(_ELLIPSIS, False))
    if hi < len(body):
        segments.append(Segment(_ELLIPSIS, False))
    return _merge(segments)


def _snap(body: str, lo: int, hi: int, first: int) -> tuple[int, int]:
    """Move a snippet's ends to the nearest break within :data:`SNAP` characters."""
    if lo > 0:
        for i in range(lo, min(first, lo + SNAP)):
            if body[i - 1] in _BREAKS:
                lo = i
                break
    if hi < len(body):
        for i in range(hi, max(first, hi - SNAP), -1):
            if body[i] in _BREAKS:
                hi = i
                break
    return lo, hi


def _merge(segments: Sequence[Segment]) -> tuple[Segment, ...]:
    merged: list[Segment] = []
    for seg in segments:
        if merged and merged[-1].highlighted == seg.highlighted:
            merged[-1] = Segment(merged[-1].text + seg.text, seg.highlighted)
        else:
            merged.append(seg)
    return tuple(merged)


# The index rows of archived people (rowid = source id * 8 + kind, see vault.schema), left out
# of a search unless asked for. Archived people are few: the list is short, and the index
# lookups by primary key are cheap.
_ARCHIVED_ROWS = f"""SELECT m.id * 8 + k.kind FROM person p
    CROSS JOIN meeting m ON m.person_id = p.id
    CROSS JOIN (SELECT {schema.KIND_SHARED_NOTES} AS kind UNION ALL SELECT {schema.KIND_PRIVATE_NOTES}
                UNION ALL SELECT {schema.KIND_PURPOSE}) k
    WHERE p.archived = 1
  UNION ALL SELECT t.id * 8 + {schema.KIND_TOPIC} FROM person p
    CROSS JOIN meeting m ON m.person_id = p.id CROSS JOIN topic t ON t.meeting_id = m.id
    WHERE p.archived = 1
  UNION ALL SELECT a.id * 8 + {schema.KIND_ACTION} FROM person p
    CROSS JOIN action a ON a.person_id = p.id WHERE p.archived = 1
  UNION ALL SELECT p.id * 8 + {schema.KIND_CAREER_GOALS} FROM person p WHERE p.archived = 1"""  # noqa: S608 - constants
_NOT_ARCHIVED = f" AND rowid NOT IN ({_ARCHIVED_ROWS})"
# Whether anybody is archived: without archived people the condition above is left out (even
# an empty NOT IN list made a two-character search 40 % slower).
_ANY_ARCHIVED = "SELECT EXISTS (SELECT 1 FROM person WHERE archived = 1)"


class Search:
    """Ranked search with snippets, resolved to the person and meeting to open."""

    def __init__(self, db: Database) -> None:
        self._db = db

    def search(
        self,
        query: str,
        *,
        include_private: bool = False,
        include_archived: bool = False,
        limit: int = 50,
        offset: int = 0,
    ) -> list[SearchHit]:
        """Hits for ``query``, best first.

        Args:
            query: what the user typed (any text; FTS syntax is taken literally).
            include_private: search private notes too.
            include_archived: search the records of archived people too (on demand: they are
                kept for history, not for every search).
            limit: at most this many hits.
            offset: skip this many (paging).
        """
        long_parts, short_parts = split_query(query)
        limit = max(0, min(limit, 1000))
        offset = max(0, offset)
        if (not long_parts and not short_parts) or limit == 0:
            return []
        private = self._left_out(include_private, include_archived)
        likes, like_params = like_terms(short_parts)
        found: list[tuple[int, tuple[Segment, ...], float]]
        if long_parts:
            rows = self._db.query(
                "SELECT rowid, body, rank"  # noqa: S608 - constant fragments
                f" FROM search_index WHERE search_index MATCH ?{private}{likes}"
                " ORDER BY rank LIMIT ? OFFSET ?",
                [fts_expression(long_parts), *like_params, limit, offset],
            )
            parts = [*long_parts, *short_parts]
            found = [(r[0], like_snippet(r[1], parts, SNIPPET_CHARS), float(r[2])) for r in rows]
        else:
            rows = self._db.query(
                f"SELECT rowid, body FROM search_index WHERE 1{private}{likes}"  # noqa: S608 - constant fragments
                " ORDER BY rowid DESC LIMIT ? OFFSET ?",
                [*like_params, limit, offset],
            )
            found = [(r[0], like_snippet(r[1], short_parts, SNIPPET_CHARS), 0.0) for r in rows]
        return self._resolve(found)

    def count(
        self, query: str, *, include_private: bool = False, include_archived: bool = False
    ) -> int:
        """How many rows match (for "n results"); short-only queries are not counted (-1)."""
        long_parts, short_parts = split_query(query)
        if not long_parts:
            return -1
        private = self._left_out(include_private, include_archived)
        likes, like_params = like_terms(short_parts)
        row = self._db.query_one(
            f"SELECT count(*) FROM search_index WHERE search_index MATCH ?{private}{likes}",  # noqa: S608 - constant fragments
            [fts_expression(long_parts), *like_params],
        )
        return int(row[0]) if row else 0

    def _left_out(self, include_private: bool, include_archived: bool) -> str:
        """The conditions that leave private notes and archived people's rows out."""
        private = "" if include_private else f" AND (rowid & 7) <> {schema.KIND_PRIVATE_NOTES}"
        if not include_archived:
            row = self._db.query_one(_ANY_ARCHIVED)
            if row is not None and row[0]:
                private += _NOT_ARCHIVED
        return private

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


@dataclass(slots=True)
class HitGroup:
    """Hits read as one row: the best hit (what the row shows and opens) and the ones it folds.

    Attributes:
        hits: the best hit first, then the other hits in the same meeting (or person record).
        repeats: the other meetings where the same text of this person matched (folded away).
    """

    hits: list[SearchHit]
    repeats: list[SearchHit] = field(default_factory=list)

    @property
    def best(self) -> SearchHit:
        return self.hits[0]

    @property
    def kind(self) -> HitKind:
        return self.best.kind

    @property
    def source_id(self) -> int:
        return self.best.source_id

    @property
    def person_id(self) -> int:
        return self.best.person_id

    @property
    def person_name(self) -> str:
        return self.best.person_name

    @property
    def meeting_id(self) -> int | None:
        return self.best.meeting_id

    @property
    def starts_at(self) -> datetime | None:
        return self.best.starts_at

    @property
    def snippet(self) -> tuple[Segment, ...]:
        return self.best.snippet

    @property
    def snippet_text(self) -> str:
        return self.best.snippet_text

    @property
    def rank(self) -> float:
        return self.best.rank

    def all_hits(self) -> list[SearchHit]:
        return [*self.hits, *self.repeats]


def group_key(hit: SearchHit) -> tuple[object, ...]:
    """Hits with the same key are one row: the same meeting, or the same person record."""
    if hit.meeting_id is not None:
        return ("meeting", hit.meeting_id)
    return (str(hit.kind), hit.source_id)


def _text_key(hit: SearchHit) -> tuple[object, ...]:
    return (hit.person_id, str(hit.kind), hit.snippet_text.strip().casefold())


def group_hits(hits: Iterable[SearchHit], into: list[HitGroup] | None = None) -> list[HitGroup]:
    """Fold ``hits`` (best first) into rows, appending to ``into``; returns the *new* rows.

    A hit joins the row of its meeting; a hit whose text (person, kind, snippet) is already a
    row's best text joins that row as a repeat. Order is kept: a row stands where its best hit
    ranked.
    """
    rows = into if into is not None else []
    by_key = {group_key(g.best): g for g in rows}
    by_text = {_text_key(g.best): g for g in rows}
    fresh: list[HitGroup] = []
    for hit in hits:
        key = group_key(hit)
        group = by_key.get(key)
        if group is not None:
            if hit not in group.all_hits():
                group.hits.append(hit)
            continue
        twin = by_text.get(_text_key(hit))
        if twin is not None:
            twin.repeats.append(hit)
            by_key[key] = twin
            continue
        group = HitGroup([hit])
        rows.append(group)
        fresh.append(group)
        by_key[key] = group
        by_text[_text_key(hit)] = group
    return fresh
