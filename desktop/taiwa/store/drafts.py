"""Drafts: text typed but not saved yet, kept in the vault so that a crash loses none of it.

The GUI writes a draft a second or two after typing in a field whose text is not saved (an
"add topic" field, a dialog, a note whose autosave failed) and deletes it once the text is saved
or deliberately cleared. Drafts live only in the ``draft`` table of the encrypted database —
never in a temporary file, the settings or a log — and are not indexed for search. A draft of a
meeting's or person's field belongs to that record: deleting the record deletes its drafts
(foreign keys with ``ON DELETE CASCADE``; :meth:`Drafts.delete_for_meeting` and
:meth:`Drafts.delete_for_person` do it explicitly). Keys are described in
:mod:`taiwa.domain.drafts`.
"""

from __future__ import annotations

import builtins
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from taiwa.domain import drafts as dd
from taiwa.domain import errors
from taiwa.domain.drafts import Draft
from taiwa.errors import InputError, TaiwaError
from taiwa.store import _convert as cv
from taiwa.store.meetings import Meetings
from taiwa.store.people import People
from taiwa.vault.database import Database, utc_now

# A draft is whatever the field held; this bound only stops a runaway paste from bloating the
# vault (ten times the longest text a record accepts).
MAX_DRAFT = 1_000_000

_SAVE = (
    "INSERT INTO draft (key, text, meeting_id, person_id, saved_at) SELECT ?1, ?2, ?3, ?4, ?5"
    # A draft for a record deleted meanwhile is not written (it could never come back).
    " WHERE (?3 IS NULL OR EXISTS (SELECT 1 FROM meeting WHERE id = ?3))"
    " AND (?4 IS NULL OR EXISTS (SELECT 1 FROM person WHERE id = ?4))"
    " ON CONFLICT(key) DO UPDATE SET text = excluded.text, saved_at = excluded.saved_at"
)


@dataclass
class RestoreResult:
    """What :meth:`Drafts.restore_text_fields` did.

    Attributes:
        merged: keys whose text is now in its record (their drafts are deleted).
        unchanged: keys whose text the record already held (their drafts are deleted too).
        failed: keys whose text the record refused (e.g. too long), with the error; their
            drafts stay.
        meeting_ids: meetings written, newest draft first.
        person_ids: people written.
    """

    merged: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    failed: list[tuple[str, TaiwaError]] = field(default_factory=list)
    meeting_ids: list[int] = field(default_factory=list)
    person_ids: list[int] = field(default_factory=list)


def _check(key: str, text: str | None = None) -> dd.DraftKey:
    parts = dd.parse_key(key)
    if parts is None:
        raise errors.BadFieldError(value=key[:80])
    if text is not None and len(text) > MAX_DRAFT:
        raise errors.TextTooLongError(limit=MAX_DRAFT)
    return parts


def _draft(row: cv.Row) -> Draft:
    return Draft(
        key=row["key"],
        text=row["text"],
        saved_at=cv.from_ts(row["saved_at"]),
        meeting_id=row["meeting_id"],
        person_id=row["person_id"],
    )


class Drafts:
    """Typed access to ``draft`` rows."""

    def __init__(self, db: Database) -> None:
        self._db = db

    # -- writing ----------------------------------------------------------------------------

    def save(self, key: str, text: str) -> bool:
        """Keep ``text`` as the draft of ``key`` (replacing an older one).

        Returns:
            False when the meeting or person the key names no longer exists (nothing written).

        Raises:
            BadFieldError: ``key`` is not a draft key. TextTooLongError: absurdly long text.
        """
        return self.apply({key: text})[key]

    def apply(self, changes: Mapping[str, str | None]) -> dict[str, bool]:
        """Save (text) or delete (None) several drafts in one transaction — one disk sync.

        Returns:
            For each key, whether a draft of it is now stored.

        Raises:
            BadFieldError, TextTooLongError: nothing is written.
        """
        checked = [(key, _check(key, text), text) for key, text in changes.items()]
        result: dict[str, bool] = {}
        now = utc_now()
        with self._db.transaction() as conn:
            for key, parts, text in checked:
                if text is None:
                    conn.execute("DELETE FROM draft WHERE key = ?", (key,))
                    result[key] = False
                    continue
                cur = conn.execute(_SAVE, (key, text, parts.meeting_id, parts.person_id, now))
                result[key] = cur.rowcount > 0
        return result

    def delete(self, key: str) -> None:
        """Forget the draft of ``key`` (no error when there is none)."""
        self.delete_many([key])

    def delete_many(self, keys: Iterable[str]) -> int:
        """Forget these drafts; returns how many there were."""
        wanted = list(keys)
        if not wanted:
            return 0
        with self._db.transaction() as conn:
            return sum(
                conn.execute("DELETE FROM draft WHERE key = ?", (k,)).rowcount for k in wanted
            )

    def delete_for_meeting(self, meeting_id: int) -> int:
        """Forget every draft typed for a meeting; returns how many there were."""
        with self._db.transaction() as conn:
            return int(
                conn.execute("DELETE FROM draft WHERE meeting_id = ?", (meeting_id,)).rowcount
            )

    def delete_for_person(self, person_id: int) -> int:
        """Forget every draft typed for a person and for their meetings."""
        with self._db.transaction() as conn:
            return int(
                conn.execute(
                    "DELETE FROM draft WHERE person_id = ?1 OR meeting_id IN"
                    " (SELECT id FROM meeting WHERE person_id = ?1)",
                    (person_id,),
                ).rowcount
            )

    def delete_all(self) -> int:
        """Forget every draft (the user chose "Discard")."""
        with self._db.transaction() as conn:
            return int(conn.execute("DELETE FROM draft").rowcount)

    # -- reading ----------------------------------------------------------------------------

    def get(self, key: str) -> Draft | None:
        """The draft of ``key``, if any."""
        row = self._db.query_one("SELECT * FROM draft WHERE key = ?", (key,))
        return None if row is None else _draft(row)

    def list(self) -> builtins.list[Draft]:
        """Every draft, newest first."""
        return [
            _draft(r) for r in self._db.query("SELECT * FROM draft ORDER BY saved_at DESC, key")
        ]

    def for_meeting(self, meeting_id: int) -> dict[str, Draft]:
        """The drafts of one meeting's fields, by field name."""
        rows = self._db.query("SELECT * FROM draft WHERE meeting_id = ?", (meeting_id,))
        out: dict[str, Draft] = {}
        for row in rows:
            parts = dd.parse_key(row["key"])
            if parts is not None:
                out[parts.field] = _draft(row)
        return out

    def count(self) -> int:
        row = self._db.query_one("SELECT count(*) FROM draft")
        return int(row[0]) if row else 0

    # -- coming back ------------------------------------------------------------------------

    def _saved_text(self, parts: dd.DraftKey) -> tuple[str, str] | None:
        """(text, updated_at) of the saved record field a draft belongs to, if it is one."""
        if parts.record_id is None:
            return None
        if parts.record == dd.MEETING and parts.field in dd.MEETING_TEXT_FIELDS:
            table = "meeting"
        elif parts.record == dd.PERSON and parts.field in dd.PERSON_TEXT_FIELDS:
            table = "person"
        else:
            return None
        row = self._db.query_one(
            f"SELECT {parts.field}, updated_at FROM {table} WHERE id = ?",  # noqa: S608 - names from the fixed tuples of taiwa.domain.drafts
            (parts.record_id,),
        )
        return None if row is None else (str(row[0]), str(row[1]))

    def prune(self) -> int:
        """Delete drafts with nothing left to bring back: blank ones, and those of a saved text
        field that already holds their text (the process died between the save and the
        draft's deletion). Returns how many went."""
        gone = []
        for draft in self.list():
            parts = draft.parts
            if parts is None:
                continue
            saved = self._saved_text(parts)
            if (
                not draft.text.strip()
                or (saved is not None and draft.text in saved[0])
                or self._entered(parts, draft.text)
            ):
                gone.append(draft.key)
        return self.delete_many(gone)

    def _entered(self, parts: dd.DraftKey, text: str) -> bool:
        """True when an "add topic" / "add action item" draft is the newest topic or action of
        its meeting already (the process died between Enter and the draft's deletion)."""
        if parts.record != dd.MEETING or parts.field not in dd.MEETING_ENTRY_FIELDS:
            return False
        table = "topic" if parts.field == "new_topic" else "action"
        row = self._db.query_one(
            f"SELECT text FROM {table} WHERE meeting_id = ? ORDER BY id DESC LIMIT 1",  # noqa: S608 - one of two fixed names
            (parts.record_id,),
        )
        return row is not None and row[0] == text.strip()

    def restore_text_fields(self, keys: Iterable[str] | None = None) -> RestoreResult:
        """Merge the drafts of saved records' text fields (a meeting's purpose and notes, a
        person's career goals) into their records (see :func:`taiwa.domain.drafts.merge_text`)
        and delete those drafts. Drafts of other fields ("add topic", a dialog) stay: they go
        back into their fields when those are shown.

        Args:
            keys: only these drafts (default: all).
        """
        wanted = None if keys is None else set(keys)
        result = RestoreResult()
        meetings, people = Meetings(self._db), People(self._db)
        for draft in self.list():
            parts = draft.parts
            if wanted is not None and draft.key not in wanted:
                continue
            if parts is None or self._saved_text(parts) is None:
                continue
            ids = result.meeting_ids if parts.record == dd.MEETING else result.person_ids
            record_id = int(parts.record_id or 0)
            try:
                with self._db.transaction() as conn:
                    # Read again inside the transaction: nothing can change it before the write.
                    current = self._saved_text(parts)
                    merged = None
                    if current is not None:
                        merged = dd.merge_text(
                            current[0],
                            draft.text,
                            record_changed_since=current[1] >= cv.ts(draft.saved_at),
                            single_line=parts.field in dd.SINGLE_LINE_FIELDS,
                        )
                    if merged is not None and parts.record == dd.MEETING:
                        meetings.update(record_id, **{parts.field: merged})
                    elif merged is not None:
                        people.update(record_id, **{parts.field: merged})
                    conn.execute("DELETE FROM draft WHERE key = ?", (draft.key,))
            except InputError as exc:
                result.failed.append((draft.key, exc))
                continue
            if merged is None:
                result.unchanged.append(draft.key)
            else:
                result.merged.append(draft.key)
                if record_id not in ids:
                    ids.append(record_id)
        return result
