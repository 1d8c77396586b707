"""Deleting for good: a deleted record leaves no readable trace in the vault file.

Deleting rows is not enough to forget them. SQLite keeps freed pages (and the free space in
pages still in use) as they were, the full-text index keeps a deleted note's trigrams in its
older segments until they are merged, and the WAL keeps earlier versions of changed pages until
a checkpoint. So an erasure deletes the rows with everything that points at them (search-index
entries through the schema's triggers, calendar links, drafts), then merges the index, rebuilds
the file with ``VACUUM`` (``secure_delete`` is on for every connection: what is freed is zeroed)
and truncates the WAL. Copies made earlier (backups, pre-upgrade copies) still hold the data:
the CLI and the app say so and name the ones the vault knows.
"""

from __future__ import annotations

from taiwa.store import _convert as cv
from taiwa.vault.database import Database


def delete_person_rows(conn: cv.Conn, person_id: int) -> None:
    """Delete a person and everything of theirs, inside the caller's transaction.

    Their e-mail addresses, meetings, topics, action items and drafts go by the foreign keys'
    cascades (and the search-index entries with them, by the schema's triggers). Calendar events
    would only lose their link (``SET NULL``) and keep the title and the address, so they are
    deleted here.
    """
    conn.execute(
        "DELETE FROM calendar_event WHERE person_id = ?1"
        " OR meeting_id IN (SELECT id FROM meeting WHERE person_id = ?1)"
        " OR email IN (SELECT email FROM person_email WHERE person_id = ?1)",
        (person_id,),
    )
    # Drafts typed for the person's meetings go by cascade too; explicit so that none is left
    # should a draft ever be keyed by person without its meeting's link.
    conn.execute(
        "DELETE FROM draft WHERE person_id = ?1"
        " OR meeting_id IN (SELECT id FROM meeting WHERE person_id = ?1)",
        (person_id,),
    )
    conn.execute("DELETE FROM person WHERE id = ?", (person_id,))


def delete_meeting_rows(conn: cv.Conn, meeting_id: int) -> None:
    """Delete a meeting with its topics, drafts and calendar links, inside the caller's
    transaction.

    Its action items stay with the person (they were agreed, and may be open). The calendar
    events linked to it would only lose the link (``SET NULL``) and keep their title, so they go
    too; importing the same .ics again proposes the occurrence anew.
    """
    conn.execute("DELETE FROM calendar_event WHERE meeting_id = ?", (meeting_id,))
    conn.execute("DELETE FROM draft WHERE meeting_id = ?", (meeting_id,))
    conn.execute("DELETE FROM meeting WHERE id = ?", (meeting_id,))


def scrub(db: Database) -> None:
    """Leave nothing of deleted rows in the file: merge the index, rebuild, truncate the WAL.

    Seconds on a ten-year vault (``VACUUM`` rewrites every page), so it runs after a deletion
    for good, never after an ordinary edit.
    """
    with db.transaction() as conn:
        # FTS5 records a deletion as a tombstone in a new segment; the old segment still holds
        # the trigrams until 'optimize' merges every segment into one without them.
        conn.execute("INSERT INTO search_index(search_index) VALUES ('optimize')")
    # VACUUM cannot run inside a transaction; Database.query runs it under the connection's
    # lock like any other statement. temp_store is MEMORY: its copy is never a plaintext file.
    db.query("VACUUM")
    db.checkpoint()
