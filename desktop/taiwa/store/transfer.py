"""Whole records in and out of the vault, for the portable export and import (no Qt).

The rest of the store reads what a page shows (a meeting with the open actions carried into it)
and writes one record at a time. Moving a vault out and back in needs every column as stored —
the role and team a meeting recorded, its calendar identity, which topic was carried from
which, when an action was created — and an import must write everything in one transaction or
nothing. Records here are referenced by export-local keys (``p1``, ``m3``...), never by row ids,
so that a file exported from one vault imports into another.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime

from taiwa.domain import validate
from taiwa.domain.models import (
    DEFAULT_CADENCE_DAYS,
    MeetingSource,
    MeetingStatus,
    Owner,
    Theme,
    TopicState,
    WantedResponse,
)
from taiwa.errors import InputError
from taiwa.store import _convert as cv
from taiwa.store.settings import DEFAULT_CADENCE, Settings
from taiwa.vault.database import Database, utc_now

#: Called between records while writing; raises to stop (the transaction then rolls back).
Check = Callable[[], None]
#: Called with (done, total) records while writing.
Progress = Callable[[int, int], None]
#: Records written between two progress reports.
_REPORT_EVERY = 250


@dataclass(frozen=True, slots=True)
class PersonRecord:
    ref: str
    name: str
    emails: tuple[str, ...] = ()
    role: str = ""
    team: str = ""
    started_on: date | None = None
    cadence_days: int | None = None  # None: the vault's default cadence
    career_goals: str = ""
    archived: bool = False


@dataclass(frozen=True, slots=True)
class TopicRecord:
    ref: str
    theme: Theme
    text: str
    raised_by: Owner = Owner.REPORT
    state: TopicState = TopicState.OPEN
    carried_from: str | None = None  # ref of the topic it was carried from


@dataclass(frozen=True, slots=True)
class MeetingRecord:
    ref: str
    person: str  # ref of its person
    starts_at: datetime
    status: MeetingStatus = MeetingStatus.HELD
    ends_at: datetime | None = None
    zone: str = ""
    purpose: str = ""
    wanted_response: WantedResponse | None = None
    mood: int | None = None
    shared_notes: str = ""
    private_notes: str = ""
    role: str | None = None  # None: the person's current role and team
    team: str | None = None
    source: MeetingSource = MeetingSource.MANUAL
    ics_uid: str | None = None
    ics_recurrence_id: str | None = None
    ics_sequence: int | None = None
    topics: tuple[TopicRecord, ...] = ()


@dataclass(frozen=True, slots=True)
class ActionRecord:
    ref: str
    person: str
    meeting: str | None
    owner: Owner
    text: str
    due_on: date | None = None
    done_on: date | None = None
    created_at: datetime | None = None  # None: now


@dataclass(frozen=True, slots=True)
class Bundle:
    """Records that travel together; refs are unique within a bundle."""

    people: tuple[PersonRecord, ...] = ()
    meetings: tuple[MeetingRecord, ...] = ()
    actions: tuple[ActionRecord, ...] = ()
    include_private: bool = False


@dataclass(frozen=True, slots=True)
class Placement:
    """Where a bundle goes: which of its people are already in the vault (ref → person id), and
    which meetings and actions are there already and will be skipped."""

    existing_people: dict[str, int] = field(default_factory=dict)
    skipped_meetings: frozenset[str] = frozenset()
    skipped_actions: frozenset[str] = frozenset()


@dataclass(frozen=True, slots=True)
class Written:
    people: int
    meetings: int
    topics: int
    actions: int


class Transfer:
    """Reading a vault (or one person) as a :class:`Bundle`, and writing one in."""

    def __init__(self, db: Database) -> None:
        self._db = db

    # -- reading ----------------------------------------------------------------------------

    def read(self, person_id: int | None = None, *, include_private: bool = False) -> Bundle:
        """Everything (or one person's records) in id order, with refs numbered in that order.

        Id order makes the refs stable: importing a bundle into an empty vault inserts rows in
        that order, so reading it back gives the same refs and the same bundle.

        Args:
            person_id: only this person's records.
            include_private: keep private notes and mood (else they are left empty).
        """
        where, params = ("WHERE id = ?", (person_id,)) if person_id is not None else ("", ())
        people_rows = self._db.query(f"SELECT * FROM person {where} ORDER BY id", params)  # noqa: S608 - constant
        emails: dict[int, list[str]] = {}
        for row in self._db.query("SELECT person_id, email FROM person_email ORDER BY email"):
            emails.setdefault(row["person_id"], []).append(row["email"])
        pref: dict[int, str] = {}
        people: list[PersonRecord] = []
        for i, row in enumerate(people_rows, 1):
            pref[row["id"]] = f"p{i}"
            people.append(
                PersonRecord(
                    ref=f"p{i}",
                    name=row["name"],
                    emails=tuple(emails.get(row["id"], ())),
                    role=row["role"],
                    team=row["team"],
                    started_on=cv.from_day(row["started_on"]),
                    cadence_days=row["cadence_days"],
                    career_goals=row["career_goals"],
                    archived=bool(row["archived"]),
                )
            )
        mwhere = "WHERE person_id = ?" if person_id is not None else ""
        meeting_rows = self._db.query(f"SELECT * FROM meeting {mwhere} ORDER BY id", params)  # noqa: S608 - constant
        mref = {row["id"]: f"m{i}" for i, row in enumerate(meeting_rows, 1)}
        twhere = "WHERE m.person_id = ?" if person_id is not None else ""
        topic_rows = self._db.query(
            f"SELECT t.* FROM topic t JOIN meeting m ON m.id = t.meeting_id {twhere}",  # noqa: S608 - constant
            params,
        )
        # Topics are numbered in the order an import writes them (meeting by meeting, in their
        # order on the page), not by id: a topic added at the top of a meeting later has a
        # higher id than those below it, and the round trip must give the same refs again.
        order = {mid: i for i, mid in enumerate(mref)}
        topic_rows = sorted(
            topic_rows, key=lambda r: (order[r["meeting_id"]], r["position"], r["id"])
        )
        tref = {row["id"]: f"t{i}" for i, row in enumerate(topic_rows, 1)}
        topics: dict[int, list[TopicRecord]] = {}
        for row in topic_rows:
            topics.setdefault(row["meeting_id"], []).append(
                TopicRecord(
                    ref=tref[row["id"]],
                    theme=Theme(row["theme"]),
                    text=row["text"],
                    raised_by=Owner(row["raised_by"]),
                    state=TopicState(row["state"]),
                    carried_from=tref.get(row["carried_from"]),
                )
            )
        meetings: list[MeetingRecord] = []
        for row in meeting_rows:
            m = cv.meeting(row, (), ())
            meetings.append(
                MeetingRecord(
                    ref=mref[row["id"]],
                    person=pref[row["person_id"]],
                    starts_at=m.starts_at,
                    status=m.status,
                    ends_at=m.ends_at,
                    zone=m.zone,
                    purpose=m.purpose,
                    wanted_response=m.wanted_response,
                    mood=m.mood if include_private else None,
                    shared_notes=m.shared_notes,
                    private_notes=m.private_notes if include_private else "",
                    role=m.role,
                    team=m.team,
                    source=m.source,
                    ics_uid=m.ics_uid,
                    ics_recurrence_id=m.ics_recurrence_id,
                    ics_sequence=m.ics_sequence,
                    topics=tuple(topics.get(row["id"], ())),
                )
            )
        action_rows = self._db.query(
            f"SELECT * FROM action {mwhere} ORDER BY id",  # noqa: S608 - constant
            params,
        )
        actions = [
            ActionRecord(
                ref=f"a{i}",
                person=pref[row["person_id"]],
                meeting=mref.get(row["meeting_id"]),
                owner=Owner(row["owner"]),
                text=row["text"],
                due_on=cv.from_day(row["due_on"]),
                done_on=cv.from_day(row["done_on"]),
                created_at=cv.from_ts(row["created_at"]),
            )
            for i, row in enumerate(action_rows, 1)
        ]
        return Bundle(tuple(people), tuple(meetings), tuple(actions), include_private)

    def counts(self, person_id: int | None = None) -> tuple[int, int, int]:
        """How many people, meetings and action items :meth:`read` would give (no text read)."""
        if person_id is None:
            row = self._db.query_one(
                "SELECT (SELECT count(*) FROM person), (SELECT count(*) FROM meeting),"
                " (SELECT count(*) FROM action)"
            )
        else:
            row = self._db.query_one(
                "SELECT (SELECT count(*) FROM person WHERE id = ?),"
                " (SELECT count(*) FROM meeting WHERE person_id = ?),"
                " (SELECT count(*) FROM action WHERE person_id = ?)",
                (person_id, person_id, person_id),
            )
        assert row is not None
        return int(row[0]), int(row[1]), int(row[2])

    # -- matching ---------------------------------------------------------------------------

    def place(self, bundle: Bundle) -> Placement:
        """Match the bundle against the vault without writing anything.

        A person is already there when one of their e-mail addresses belongs to someone in the
        vault, else when someone has exactly the same name (ignoring case and spacing). Their
        records are added to that person, whose own fields are left as they are. A meeting of
        such a person is already there when the person has a meeting starting at the same
        second, or the vault has the same calendar event; an action when the person has one with
        the same text, owner and due date. Those are skipped, so importing twice adds nothing.
        """
        by_email = {
            row["email"].casefold(): row["person_id"]
            for row in self._db.query("SELECT email, person_id FROM person_email")
        }
        by_name: dict[str, int] = {}
        for row in self._db.query("SELECT id, name FROM person ORDER BY archived, id"):
            by_name.setdefault(_fold(row["name"]), row["id"])
        existing: dict[str, int] = {}
        for p in bundle.people:
            found = next(
                (by_email[e.casefold()] for e in p.emails if e.casefold() in by_email), None
            )
            if found is None:
                found = by_name.get(_fold(p.name))
            if found is not None:
                existing[p.ref] = found
        skipped_meetings: set[str] = set()
        skipped_actions: set[str] = set()
        ids = sorted(set(existing.values()))
        if ids:
            marks = ",".join("?" * len(ids))
            starts = {
                (row["person_id"], row["starts_at"])
                for row in self._db.query(
                    f"SELECT person_id, starts_at FROM meeting WHERE person_id IN ({marks})",  # noqa: S608 - only '?' marks
                    ids,
                )
            }
            for m in bundle.meetings:
                pid = existing.get(m.person)
                if pid is not None and (pid, cv.ts(m.starts_at)) in starts:
                    skipped_meetings.add(m.ref)
            known_actions = {
                (row["person_id"], row["owner"], row["text"], row["due_on"])
                for row in self._db.query(
                    "SELECT person_id, owner, text, due_on FROM action"  # noqa: S608 - only '?' marks
                    f" WHERE person_id IN ({marks})",
                    ids,
                )
            }
            for a in bundle.actions:
                pid = existing.get(a.person)
                key = (pid, a.owner.value, a.text, cv.opt_day(a.due_on))
                if pid is not None and key in known_actions:
                    skipped_actions.add(a.ref)
        events = {
            (row["ics_uid"], row["ics_recurrence_id"])
            for row in self._db.query(
                "SELECT ics_uid, ics_recurrence_id FROM meeting WHERE ics_uid IS NOT NULL"
            )
        }
        for m in bundle.meetings:
            if m.ics_uid is not None and (m.ics_uid, m.ics_recurrence_id) in events:
                skipped_meetings.add(m.ref)
        # An action agreed in a skipped meeting is that meeting's: skipped with it.
        skipped_actions |= {a.ref for a in bundle.actions if a.meeting in skipped_meetings}
        return Placement(existing, frozenset(skipped_meetings), frozenset(skipped_actions))

    # -- writing ----------------------------------------------------------------------------

    def write(
        self,
        bundle: Bundle,
        placement: Placement,
        check: Check | None = None,
        progress: Progress | None = None,
    ) -> Written:
        """Write the bundle in one transaction: everything, or nothing when anything fails.

        The records must be valid already (the importers check every field); the database's
        constraints are the last line, and a violation rolls the whole import back. ``check``
        may stop the write between records (a cancel): the transaction then rolls back, so a
        stopped import, like a failed one, leaves nothing.
        """
        columns = {row["name"] for row in self._db.query("PRAGMA table_info(person)")}
        default_cadence = _default_cadence(self._db)
        with self._db.transaction() as conn:
            writer = _Writer(conn, bundle, placement, check, progress)
            writer.people(default_cadence, archived_at="archived_at" in columns)
            writer.meetings()
            writer.actions()
            # Last chance to stop, before the commit makes it all permanent.
            if check is not None:
                check()
        if progress is not None:
            progress(writer.total, writer.total)
        return Written(*writer.counts)


class _Writer:
    """One import's inserts, inside the caller's transaction, with refs mapped to new ids."""

    def __init__(
        self,
        conn: cv.Conn,
        bundle: Bundle,
        placement: Placement,
        check: Check | None,
        progress: Progress | None,
    ) -> None:
        self.conn = conn
        self.bundle = bundle
        self.placement = placement
        self.check = check
        self.progress = progress
        self.now = utc_now()
        self.counts = [0, 0, 0, 0]
        self.total = len(bundle.people) + len(bundle.meetings) + len(bundle.actions)
        self.seen = 0
        self.person_ids = dict(placement.existing_people)
        self.meeting_ids: dict[str, int] = {}

    def step(self) -> None:
        self.seen += 1
        if self.seen % _REPORT_EVERY == 0:
            if self.check is not None:
                self.check()
            if self.progress is not None:
                self.progress(self.seen, self.total)

    def people(self, default_cadence: int, *, archived_at: bool) -> None:
        for p in self.bundle.people:
            self.step()
            if p.ref in self.person_ids:
                continue
            cur = self.conn.execute(
                "INSERT INTO person (name, role, team, started_on, cadence_days,"
                " career_goals, archived, created_at, updated_at)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    p.name,
                    p.role,
                    p.team,
                    cv.opt_day(p.started_on),
                    default_cadence if p.cadence_days is None else p.cadence_days,
                    p.career_goals,
                    1 if p.archived else 0,
                    self.now,
                    self.now,
                ),
            )
            person_id = self.person_ids[p.ref] = int(cur.lastrowid or 0)
            if p.archived and archived_at:
                # Retention counts from archiving (schema v4): an imported archived person
                # starts now.
                self.conn.execute(
                    "UPDATE person SET archived_at = ? WHERE id = ?", (self.now, person_id)
                )
            self.conn.executemany(
                "INSERT INTO person_email (email, person_id) VALUES (?, ?)",
                [(e, person_id) for e in p.emails],
            )
            self.counts[0] += 1

    def meetings(self) -> None:
        current = {
            row["id"]: (row["role"], row["team"])
            for row in self.conn.execute("SELECT id, role, team FROM person").fetchall()
        }
        topic_ids: dict[str, int] = {}
        carried: list[tuple[str, str]] = []
        for m in self.bundle.meetings:
            self.step()
            if m.ref in self.placement.skipped_meetings:
                continue
            pid = self.person_ids[m.person]
            role, team = current[pid]
            cur = self.conn.execute(
                "INSERT INTO meeting (person_id, starts_at, ends_at, zone, status, purpose,"
                " wanted_response, mood, shared_notes, private_notes, role, team, source,"
                " ics_uid, ics_recurrence_id, ics_sequence, created_at, updated_at)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    pid,
                    cv.ts(m.starts_at),
                    None if m.ends_at is None else cv.ts(m.ends_at),
                    m.zone,
                    m.status.value,
                    m.purpose,
                    None if m.wanted_response is None else m.wanted_response.value,
                    m.mood,
                    m.shared_notes,
                    m.private_notes,
                    role if m.role is None else m.role,
                    team if m.team is None else m.team,
                    m.source.value,
                    m.ics_uid,
                    m.ics_recurrence_id,
                    m.ics_sequence,
                    self.now,
                    self.now,
                ),
            )
            self.meeting_ids[m.ref] = mid = int(cur.lastrowid or 0)
            self.counts[1] += 1
            for position, t in enumerate(m.topics):
                cur = self.conn.execute(
                    "INSERT INTO topic (meeting_id, position, theme, text, raised_by, state)"
                    " VALUES (?, ?, ?, ?, ?, ?)",
                    (mid, position, t.theme.value, t.text, t.raised_by.value, t.state.value),
                )
                topic_ids[t.ref] = int(cur.lastrowid or 0)
                self.counts[2] += 1
                if t.carried_from is not None:
                    carried.append((t.ref, t.carried_from))
        # Second pass: a topic may name one written after it (refs, not order, link them).
        self.conn.executemany(
            "UPDATE topic SET carried_from = ? WHERE id = ?",
            [(topic_ids[src], topic_ids[ref]) for ref, src in carried if src in topic_ids],
        )

    def actions(self) -> None:
        for a in self.bundle.actions:
            self.step()
            if a.ref in self.placement.skipped_actions:
                continue
            self.conn.execute(
                "INSERT INTO action (person_id, meeting_id, owner, text, due_on, done_on,"
                " created_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                (
                    self.person_ids[a.person],
                    None if a.meeting is None else self.meeting_ids.get(a.meeting),
                    a.owner.value,
                    a.text,
                    cv.opt_day(a.due_on),
                    cv.opt_day(a.done_on),
                    self.now if a.created_at is None else cv.ts(a.created_at),
                ),
            )
            self.counts[3] += 1


def _fold(name: str) -> str:
    return " ".join(name.split()).casefold()


def _default_cadence(db: Database) -> int:
    """The manager's default cadence (Settings → default cadence), else 14 days (as People)."""
    try:
        value = Settings(db).get(DEFAULT_CADENCE, DEFAULT_CADENCE_DAYS)
        return validate.cadence(int(value))
    except (ValueError, TypeError, InputError):
        return DEFAULT_CADENCE_DAYS
