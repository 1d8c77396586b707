"""The roll-up's facts and files: what :mod:`taiwa.rollup` needs from the vault.

Reads the figures of a period (people with their team, meetings, last 1on1s, open actions),
keeps the vault's roll-up signing seed, and keeps the roll-up files received from other
managers (as signed bytes: they are verified again whenever they are read).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta

from taiwa.domain.facts import MeetingFact, PersonFact
from taiwa.domain.models import Theme
from taiwa.store import _convert as cv
from taiwa.store.reports import _HELD, Reports, day_start, local_day
from taiwa.vault.database import Database


@dataclass(frozen=True, slots=True)
class PeriodFacts:
    """Everything a roll-up counts for ``[start, end]``, read at ``now``."""

    start: date
    end: date
    now: datetime
    today: date
    people: tuple[PersonFact, ...]
    teams: dict[int, str]
    meetings: tuple[MeetingFact, ...]
    #: Each person's last held 1on1 on or before the period's last counted day.
    last_held: dict[int, date]
    themes: dict[int, dict[Theme, int]]
    open_actions: dict[int, int]
    overdue_actions: dict[int, int]


@dataclass(frozen=True, slots=True)
class KeptRollup:
    id: int
    document: bytes


class Rollups:
    def __init__(self, db: Database, reports: Reports) -> None:
        self._db = db
        self._reports = reports

    # -- the signing seed -------------------------------------------------------------------

    def seed(self) -> bytes:
        """This vault's roll-up seed, made on first use."""
        row = self._db.query_one("SELECT seed FROM rollup_key WHERE id = 1")
        if row is not None:
            return bytes(row[0])
        # Imported here: the cryptography package costs ~50 ms, which no other command (and
        # not the app's first screen) should pay for.
        from taiwa.rollup import signing

        seed = signing.new_seed()
        with self._db.transaction() as conn:
            conn.execute(
                "INSERT OR IGNORE INTO rollup_key (id, seed, created_at) VALUES (1, ?, ?)",
                (seed, cv.ts(datetime.now(UTC))),
            )
        row = self._db.query_one("SELECT seed FROM rollup_key WHERE id = 1")
        assert row is not None
        return bytes(row[0])

    # -- the facts of a period ---------------------------------------------------------------

    def period_facts(self, start: date, end: date, now: datetime | None = None) -> PeriodFacts:
        """The facts of ``[start, end]``: the people of the execution-rate report (active ones,
        and archived ones with a meeting in the period) and what the roll-up counts of them."""
        reports = self._reports
        now = now or datetime.now(UTC)
        today = local_day(now, reports.zone)
        meetings = reports._meetings_between(start, end)
        with_rows = {m.person_id for m in meetings}
        people = [p for p in reports._people(True) if not p.archived or p.id in with_rows]
        teams = {r["id"]: r["team"] for r in self._db.query("SELECT id, team FROM person")}
        last_day = min(end, today)
        cutoff = min(now, day_start(last_day + timedelta(days=1), reports.zone))
        last_held: dict[int, date] = {}
        for r in self._db.query(
            "SELECT m.person_id AS pid, max(m.starts_at) AS last FROM meeting m"  # noqa: S608 - constant fragments
            f" WHERE m.starts_at <= ? AND {_HELD} GROUP BY m.person_id",
            (cv.ts(cutoff),),
        ):
            last_held[r["pid"]] = reports._day(r["last"])
        themes: dict[int, dict[Theme, int]] = {}
        counts: Counter[tuple[int, str]] = Counter()
        for r in self._db.query(
            "SELECT m.person_id AS pid, t.theme FROM meeting m CROSS JOIN topic t"
            " ON t.meeting_id = m.id WHERE m.starts_at >= ? AND m.starts_at < ?"
            " AND t.carried_from IS NULL",
            (
                cv.ts(day_start(start, reports.zone)),
                cv.ts(day_start(end + timedelta(days=1), reports.zone)),
            ),
        ):
            counts[(r["pid"], r["theme"])] += 1
        for (pid, theme), n in counts.items():
            themes.setdefault(pid, {})[Theme(theme)] = n
        open_actions: dict[int, int] = {}
        overdue: dict[int, int] = {}
        for r in self._db.query(
            "SELECT person_id, count(*) AS open,"
            " sum(due_on IS NOT NULL AND due_on < ?) AS overdue"
            " FROM action WHERE done_on IS NULL GROUP BY person_id",
            (today.isoformat(),),
        ):
            open_actions[r["person_id"]] = int(r["open"])
            overdue[r["person_id"]] = int(r["overdue"] or 0)
        return PeriodFacts(
            start=start,
            end=end,
            now=now,
            today=today,
            people=tuple(people),
            teams=teams,
            meetings=tuple(meetings),
            last_held=last_held,
            themes=themes,
            open_actions=open_actions,
            overdue_actions=overdue,
        )

    # -- roll-ups received from other managers ----------------------------------------------

    def keep(self, key_id: str, start: date, end: date, document: bytes) -> bool:
        """Keep a verified roll-up file; one per signer and period (a newer copy replaces the
        older). Returns True when it replaced one."""
        with self._db.transaction() as conn:
            found = conn.execute(
                "SELECT id FROM rollup_received WHERE key_id = ? AND period_start = ?"
                " AND period_end = ?",
                (key_id, start.isoformat(), end.isoformat()),
            ).fetchone()
            conn.execute(
                "INSERT INTO rollup_received (key_id, period_start, period_end, document, kept_at)"
                " VALUES (?, ?, ?, ?, ?) ON CONFLICT (key_id, period_start, period_end)"
                " DO UPDATE SET document = excluded.document, kept_at = excluded.kept_at",
                (key_id, start.isoformat(), end.isoformat(), document, cv.ts(datetime.now(UTC))),
            )
        return found is not None

    def kept(self) -> list[KeptRollup]:
        """Every kept roll-up, oldest period first."""
        rows = self._db.query(
            "SELECT id, document FROM rollup_received ORDER BY period_start, period_end, id"
        )
        return [KeptRollup(r["id"], bytes(r["document"])) for r in rows]

    def forget(self, rollup_id: int) -> bool:
        with self._db.transaction() as conn:
            cur = conn.execute("DELETE FROM rollup_received WHERE id = ?", (rollup_id,))
        return cur.rowcount > 0
