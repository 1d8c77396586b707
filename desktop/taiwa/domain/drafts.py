"""Drafts: text typed into a field but not saved yet, and how it comes back.

A draft is named by a stable *key* ``<record>:<id or "new">:<field>`` — e.g.
``meeting:12:new_topic`` (the meeting editor's "add topic" field while meeting 12 is open) or
``person:new:name`` (the add-person dialog). The key says where the text goes back; the text
itself is personal data and lives only in the vault (:mod:`taiwa.store.drafts`).

No Qt, no SQL, no I/O.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime

MEETING = "meeting"
PERSON = "person"
NEW = "new"

# Fields of a saved record that hold text: a draft of one of these is merged into the record.
MEETING_TEXT_FIELDS = ("purpose", "shared_notes", "private_notes")
PERSON_TEXT_FIELDS = ("career_goals",)
# Fields that create something when confirmed (Enter / OK): their draft goes back into the field.
MEETING_ENTRY_FIELDS = ("new_topic", "new_action")
PERSON_FORM_FIELDS = ("name", "emails", "role", "team", "career_goals")
# Single-line fields: a merge joins with a space, not a blank line.
SINGLE_LINE_FIELDS = frozenset({"purpose", "new_topic", "new_action", "name", "emails", "role"})

_KEY = re.compile(r"^(meeting|person):(new|[1-9][0-9]{0,17}):([a-z][a-z_]{0,39})$")


@dataclass(frozen=True, slots=True)
class DraftKey:
    """A parsed draft key: which record (``record_id`` None for a record not created yet) and
    which of its fields."""

    record: str
    record_id: int | None
    field: str

    def __str__(self) -> str:
        return f"{self.record}:{NEW if self.record_id is None else self.record_id}:{self.field}"

    @property
    def meeting_id(self) -> int | None:
        return self.record_id if self.record == MEETING else None

    @property
    def person_id(self) -> int | None:
        return self.record_id if self.record == PERSON else None


def meeting_key(meeting_id: int, field: str) -> str:
    """The key of a meeting's field (``meeting:<id>:<field>``)."""
    return str(DraftKey(MEETING, int(meeting_id), field))


def person_key(person_id: int | None, field: str) -> str:
    """The key of a person's field (``person:<id>:<field>``, ``person:new:<field>``)."""
    return str(DraftKey(PERSON, None if person_id is None else int(person_id), field))


def parse_key(key: str) -> DraftKey | None:
    """The parts of ``key``, or None when it is not a well-formed draft key."""
    match = _KEY.match(key)
    if match is None:
        return None
    record, ident, field = match.groups()
    return DraftKey(record, None if ident == NEW else int(ident), field)


@dataclass(frozen=True, slots=True)
class Draft:
    """Unsaved text as kept in the vault (``saved_at``: when it was last written, UTC)."""

    key: str
    text: str
    saved_at: datetime
    meeting_id: int | None = None
    person_id: int | None = None

    @property
    def parts(self) -> DraftKey | None:
        return parse_key(self.key)


def merge_text(
    saved: str, draft: str, *, record_changed_since: bool, single_line: bool = False
) -> str | None:
    """What a saved text field should hold when its draft comes back, or None for "keep it".

    The draft is the newest version of the field the user typed (it exists because that
    version could not be saved). So:

    - the saved text already contains it (the save caught up): nothing to do;
    - it continues the saved text, or the record was not written since the draft was
      (``record_changed_since`` False): the draft replaces the saved text — edits that
      removed words are the user's own;
    - otherwise the record changed meanwhile (another session, the CLI): both are kept, the
      draft appended, so that no word of either is lost.
    """
    if not draft.strip() or draft in saved:
        return None
    if draft.startswith(saved) or not record_changed_since:
        return draft
    if not saved.strip():
        return draft
    separator = " " if single_line else "\n\n"
    return saved.rstrip() + separator + draft.lstrip()
