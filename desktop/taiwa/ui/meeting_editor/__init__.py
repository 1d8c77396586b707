"""The meeting editor: where the manager writes during and after a 1on1.

Layout: the person's meetings on the left (newest first, fetched lazily), the open meeting on
the right — date, status, purpose and what the report wants from the manager, mood, the agenda
grouped by theme (carried topics marked), action items (carried open ones shown), shared notes
and the visibly distinct private notes.

Saving: there is no save button. Text fields (purpose, shared and private notes) autosave
through :class:`~taiwa.ui.widgets.autosave.AutoSaver` — at most about a second of typing is ever
unsaved; :meth:`MeetingEditor.flush` saves synchronously (before a lock, a page switch, opening
another meeting). Structured changes (topics, actions, mood, status, wanted response, date) are
written at once as commands on a ``QUndoStack``; text has the editors' own undo.

Drafts (:mod:`taiwa.ui.drafts`): text in the "new topic" and "new action item" fields — not saved
until Enter — is kept in the vault as a draft of this meeting within two seconds, and so are the
notes when their autosave failed. Each meeting has its own: opening a meeting puts its drafts back
into those fields.

Privacy mode: the private notes are saved, removed from the editor and hidden; nothing else of
this page belongs to another person. ``clear()`` empties every editor, model and the undo stack.

The page is built from parts with one job each:

- :mod:`.editor` — the page: the container, the page protocol, opening a meeting;
- :mod:`.meeting_list` — the person's meetings, newest first;
- :mod:`.header` — who, when, status, purpose, what they want, mood, export;
- :mod:`.agenda` and :mod:`.bank` — topics by theme and the question bank;
- :mod:`.action_items` — the agreed next steps;
- :mod:`.notes` — shared and private notes, autosave, drafts;
- :mod:`.reveal` — requests from other pages (search hits, who is on screen);
- :mod:`.fit` — the scroll area and the sizes that follow the text size (zoom, language);
- :mod:`.keys` — the shortcuts; :mod:`.base` — shared state and undoable changes.
"""

from taiwa.ui.meeting_editor.bank import QuestionBankDialog
from taiwa.ui.meeting_editor.editor import MeetingEditor
from taiwa.ui.meeting_editor.reveal import (
    history_source,
    request_person_reveal,
    request_reveal,
    set_shown_person,
    shown_person,
    take_person_reveal,
)

__all__ = [
    "MeetingEditor",
    "QuestionBankDialog",
    "history_source",
    "request_person_reveal",
    "request_reveal",
    "set_shown_person",
    "shown_person",
    "take_person_reveal",
]
