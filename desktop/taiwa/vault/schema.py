"""The vault's schema, versioned by ``PRAGMA user_version``.

``MIGRATIONS[n]`` takes a database from version ``n`` to ``n + 1``. Never edit a released step:
add a new one, and freeze a database of the old version under tests/data to test the upgrade.

Conventions: times are UTC text ``YYYY-MM-DDTHH:MM:SSZ`` (they sort as text); dates are
``YYYY-MM-DD``; enumerations are lower-case text checked by CHECK constraints.

The full-text index ``search_index`` (FTS5, trigram tokenizer: finds Japanese substrings without
word breaks) is kept in step by triggers. Its rowid encodes what a row is, so a trigger can
delete by rowid instead of scanning: ``rowid = source_id * 8 + kind`` with the kinds below.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlcipher3.dbapi2 as sqlcipher

# Kinds of rows in search_index (rowid = id * 8 + kind).
KIND_SHARED_NOTES = 1
KIND_PRIVATE_NOTES = 2
KIND_TOPIC = 3
KIND_ACTION = 4
KIND_PURPOSE = 5
KIND_CAREER_GOALS = 6

_V1: tuple[str, ...] = (
    """CREATE TABLE person (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL CHECK (length(trim(name)) > 0),
        role TEXT NOT NULL DEFAULT '',
        team TEXT NOT NULL DEFAULT '',
        started_on TEXT,
        cadence_days INTEGER NOT NULL DEFAULT 14 CHECK (cadence_days BETWEEN 1 AND 365),
        career_goals TEXT NOT NULL DEFAULT '',
        archived INTEGER NOT NULL DEFAULT 0 CHECK (archived IN (0, 1)),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
    )""",
    """CREATE TABLE person_email (
        email TEXT PRIMARY KEY COLLATE NOCASE,
        person_id INTEGER NOT NULL REFERENCES person(id) ON DELETE CASCADE
    )""",
    "CREATE INDEX person_email_person ON person_email(person_id)",
    """CREATE TABLE meeting (
        id INTEGER PRIMARY KEY,
        person_id INTEGER NOT NULL REFERENCES person(id) ON DELETE CASCADE,
        starts_at TEXT NOT NULL,
        ends_at TEXT,
        zone TEXT NOT NULL DEFAULT '',
        status TEXT NOT NULL DEFAULT 'planned'
            CHECK (status IN ('planned', 'held', 'cancelled', 'skipped')),
        purpose TEXT NOT NULL DEFAULT '',
        wanted_response TEXT
            CHECK (wanted_response IN ('advise', 'think_together', 'just_listen')),
        mood INTEGER CHECK (mood BETWEEN 1 AND 5),
        shared_notes TEXT NOT NULL DEFAULT '',
        private_notes TEXT NOT NULL DEFAULT '',
        role TEXT NOT NULL DEFAULT '',
        team TEXT NOT NULL DEFAULT '',
        source TEXT NOT NULL DEFAULT 'manual' CHECK (source IN ('manual', 'calendar')),
        ics_uid TEXT,
        ics_recurrence_id TEXT,
        ics_sequence INTEGER,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        UNIQUE (ics_uid, ics_recurrence_id)
    )""",
    "CREATE INDEX meeting_person_start ON meeting(person_id, starts_at)",
    "CREATE INDEX meeting_start ON meeting(starts_at)",
    """CREATE TABLE topic (
        id INTEGER PRIMARY KEY,
        meeting_id INTEGER NOT NULL REFERENCES meeting(id) ON DELETE CASCADE,
        position INTEGER NOT NULL DEFAULT 0,
        theme TEXT NOT NULL
            CHECK (theme IN ('work', 'growth', 'career', 'wellbeing', 'feedback', 'other')),
        text TEXT NOT NULL CHECK (length(trim(text)) > 0),
        raised_by TEXT NOT NULL DEFAULT 'report' CHECK (raised_by IN ('report', 'manager')),
        state TEXT NOT NULL DEFAULT 'open' CHECK (state IN ('open', 'discussed', 'carried')),
        carried_from INTEGER REFERENCES topic(id) ON DELETE SET NULL
    )""",
    "CREATE INDEX topic_meeting ON topic(meeting_id, position)",
    "CREATE INDEX topic_carried_from ON topic(carried_from)",
    """CREATE TABLE action (
        id INTEGER PRIMARY KEY,
        person_id INTEGER NOT NULL REFERENCES person(id) ON DELETE CASCADE,
        meeting_id INTEGER REFERENCES meeting(id) ON DELETE SET NULL,
        owner TEXT NOT NULL CHECK (owner IN ('manager', 'report')),
        text TEXT NOT NULL CHECK (length(trim(text)) > 0),
        due_on TEXT,
        done_on TEXT,
        created_at TEXT NOT NULL
    )""",
    "CREATE INDEX action_person_done ON action(person_id, done_on)",
    "CREATE INDEX action_meeting ON action(meeting_id)",
    """CREATE TABLE question (
        id INTEGER PRIMARY KEY,
        lang TEXT NOT NULL CHECK (lang IN ('ja', 'en')),
        theme TEXT NOT NULL
            CHECK (theme IN ('work', 'growth', 'career', 'wellbeing', 'feedback', 'other')),
        text TEXT NOT NULL CHECK (length(trim(text)) > 0),
        position INTEGER NOT NULL DEFAULT 0
    )""",
    "CREATE INDEX question_lang_theme ON question(lang, theme, position)",
    """CREATE TABLE calendar_event (
        uid TEXT NOT NULL,
        recurrence_id TEXT NOT NULL DEFAULT '',
        sequence INTEGER NOT NULL DEFAULT 0,
        starts_at TEXT NOT NULL,
        ends_at TEXT,
        summary TEXT NOT NULL DEFAULT '',
        status TEXT NOT NULL CHECK (status IN ('confirmed', 'cancelled')),
        email TEXT COLLATE NOCASE,
        person_id INTEGER REFERENCES person(id) ON DELETE SET NULL,
        meeting_id INTEGER REFERENCES meeting(id) ON DELETE SET NULL,
        imported_at TEXT NOT NULL,
        PRIMARY KEY (uid, recurrence_id)
    )""",
    "CREATE INDEX calendar_event_start ON calendar_event(starts_at)",
    # Preferences that are personal data (calendar owner's e-mail, keywords) live in the vault.
    "CREATE TABLE setting (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
    """CREATE VIRTUAL TABLE search_index USING fts5(
        body, tokenize = 'trigram'
    )""",
    # -- triggers keeping search_index in step (rowid = id * 8 + kind) --
    """CREATE TRIGGER meeting_search_ai AFTER INSERT ON meeting BEGIN
        INSERT INTO search_index(rowid, body)
            SELECT new.id * 8 + 1, new.shared_notes WHERE new.shared_notes <> '';
        INSERT INTO search_index(rowid, body)
            SELECT new.id * 8 + 2, new.private_notes WHERE new.private_notes <> '';
        INSERT INTO search_index(rowid, body)
            SELECT new.id * 8 + 5, new.purpose WHERE new.purpose <> '';
    END""",
    """CREATE TRIGGER meeting_search_au AFTER UPDATE OF shared_notes, private_notes, purpose
        ON meeting BEGIN
        DELETE FROM search_index WHERE rowid IN (old.id * 8 + 1, old.id * 8 + 2, old.id * 8 + 5);
        INSERT INTO search_index(rowid, body)
            SELECT new.id * 8 + 1, new.shared_notes WHERE new.shared_notes <> '';
        INSERT INTO search_index(rowid, body)
            SELECT new.id * 8 + 2, new.private_notes WHERE new.private_notes <> '';
        INSERT INTO search_index(rowid, body)
            SELECT new.id * 8 + 5, new.purpose WHERE new.purpose <> '';
    END""",
    """CREATE TRIGGER meeting_search_ad AFTER DELETE ON meeting BEGIN
        DELETE FROM search_index WHERE rowid IN (old.id * 8 + 1, old.id * 8 + 2, old.id * 8 + 5);
    END""",
    """CREATE TRIGGER topic_search_ai AFTER INSERT ON topic BEGIN
        INSERT INTO search_index(rowid, body) VALUES (new.id * 8 + 3, new.text);
    END""",
    """CREATE TRIGGER topic_search_au AFTER UPDATE OF text ON topic BEGIN
        DELETE FROM search_index WHERE rowid = old.id * 8 + 3;
        INSERT INTO search_index(rowid, body) VALUES (new.id * 8 + 3, new.text);
    END""",
    """CREATE TRIGGER topic_search_ad AFTER DELETE ON topic BEGIN
        DELETE FROM search_index WHERE rowid = old.id * 8 + 3;
    END""",
    """CREATE TRIGGER action_search_ai AFTER INSERT ON action BEGIN
        INSERT INTO search_index(rowid, body) VALUES (new.id * 8 + 4, new.text);
    END""",
    """CREATE TRIGGER action_search_au AFTER UPDATE OF text ON action BEGIN
        DELETE FROM search_index WHERE rowid = old.id * 8 + 4;
        INSERT INTO search_index(rowid, body) VALUES (new.id * 8 + 4, new.text);
    END""",
    """CREATE TRIGGER action_search_ad AFTER DELETE ON action BEGIN
        DELETE FROM search_index WHERE rowid = old.id * 8 + 4;
    END""",
    """CREATE TRIGGER person_search_ai AFTER INSERT ON person BEGIN
        INSERT INTO search_index(rowid, body)
            SELECT new.id * 8 + 6, new.career_goals WHERE new.career_goals <> '';
    END""",
    """CREATE TRIGGER person_search_au AFTER UPDATE OF career_goals ON person BEGIN
        DELETE FROM search_index WHERE rowid = old.id * 8 + 6;
        INSERT INTO search_index(rowid, body)
            SELECT new.id * 8 + 6, new.career_goals WHERE new.career_goals <> '';
    END""",
    """CREATE TRIGGER person_search_ad AFTER DELETE ON person BEGIN
        DELETE FROM search_index WHERE rowid = old.id * 8 + 6;
    END""",
)

# v2: the dashboard's reads stay inside indexes. Its reports read thousands of meetings' start,
# status, source and mood, by person or by period; with those in the index, SQLite never fetches
# the table rows (they hold the notes: on a ten-year vault about a third fewer pages decrypted
# per dashboard). The new indexes begin with the old ones' columns and replace them.
_V2: tuple[str, ...] = (
    "CREATE INDEX meeting_person_facts ON meeting(person_id, starts_at, status, source, mood)",
    "DROP INDEX meeting_person_start",
    "CREATE INDEX meeting_start_facts ON meeting(starts_at, person_id, status, source, mood)",
    "DROP INDEX meeting_start",
    # Which meetings had a career topic (the career signal), without reading the topics' text.
    "CREATE INDEX topic_meeting_theme ON topic(meeting_id, theme)",
)

# v3: drafts — text typed but not saved yet (an add-topic field, a dialog, a note whose
# autosave failed), kept here so that a crash or power loss loses none of it. Only here: the
# table lives in the encrypted database like the notes, and never feeds search_index. A draft
# belongs to the meeting or person it was typed for and goes when that record is deleted.
_V3: tuple[str, ...] = (
    """CREATE TABLE draft (
        key TEXT PRIMARY KEY,
        text TEXT NOT NULL,
        meeting_id INTEGER REFERENCES meeting(id) ON DELETE CASCADE,
        person_id INTEGER REFERENCES person(id) ON DELETE CASCADE,
        saved_at TEXT NOT NULL
    )""",
    # The foreign keys' cascades look drafts up by these (no full scan per deleted meeting).
    "CREATE INDEX draft_meeting ON draft(meeting_id)",
    "CREATE INDEX draft_person ON draft(person_id)",
)

# v4 (shared by this round's changes; append statements, never edit a released step).
_V4: tuple[str, ...] = (
    # When a person was archived: the retention rule erases archived people N years after it.
    # People archived before v4 count from their last change, the closest date the vault has.
    "ALTER TABLE person ADD COLUMN archived_at TEXT",
    "UPDATE person SET archived_at = updated_at WHERE archived = 1",
    # The roll-up key: an Ed25519 seed that signs this vault's roll-up files (one row).
    """CREATE TABLE rollup_key (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        seed BLOB NOT NULL CHECK (length(seed) = 32),
        created_at TEXT NOT NULL
    )""",
    # Roll-up files received from other managers, kept as signed (verified again on reading).
    """CREATE TABLE rollup_received (
        id INTEGER PRIMARY KEY,
        key_id TEXT NOT NULL,
        period_start TEXT NOT NULL,
        period_end TEXT NOT NULL,
        document BLOB NOT NULL,
        kept_at TEXT NOT NULL,
        UNIQUE (key_id, period_start, period_end)
    )""",
)

# v5: two reads that grew faster than the vault (issue 21, measured on 10x the ten-year demo
# vault: 1 000 people, 200 000 meetings, 8 300 open action items).
_V5: tuple[str, ...] = (
    # Open action items per person with their owner and due day (the overview's counts, the
    # overdue signal) from the index alone: the table's rows hold the item's text, and
    # fetching one per open item cost 35 ms of the overview's 100 ms. Same name, the old
    # columns first: every query that used the old index uses this one.
    "DROP INDEX action_person_done",
    "CREATE INDEX action_person_done ON action(person_id, done_on, owner, due_on)",
    # Past calendar occurrences waiting for confirmation ("to confirm"): only planned meetings
    # from a calendar, so the index stays small; without it every past meeting of the vault
    # was walked (47 ms at 10x, on every `upcoming` and every dashboard).
    "CREATE INDEX meeting_calendar_planned ON meeting(starts_at)"
    " WHERE source = 'calendar' AND status = 'planned'",
    # The execution rate's action counts per period (who, done when) from the index alone,
    # like the open items above; same name, the old column first.
    "DROP INDEX action_meeting",
    "CREATE INDEX action_meeting ON action(meeting_id, person_id, done_on)",
)

MIGRATIONS: tuple[tuple[str, ...], ...] = (_V1, _V2, _V3, _V4, _V5)
LATEST_VERSION = len(MIGRATIONS)


def _run(conn: sqlcipher.Connection, statements: Sequence[str]) -> None:
    # Statement by statement: executescript() would COMMIT the caller's transaction first.
    for statement in statements:
        conn.execute(statement)


def apply_from(conn: sqlcipher.Connection, current: int) -> None:
    """Apply every migration after ``current`` inside the caller's transaction."""
    for version in range(current, LATEST_VERSION):
        _run(conn, MIGRATIONS[version])
    # PRAGMA arguments cannot be bound; LATEST_VERSION is a constant of this module.
    conn.execute(f"PRAGMA user_version = {int(LATEST_VERSION)}")


def apply_all(conn: sqlcipher.Connection) -> None:
    """Create the latest schema in an empty database."""
    apply_from(conn, 0)
