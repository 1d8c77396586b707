"""People: the manager's direct reports, their e-mail addresses and cadence."""

from __future__ import annotations

import builtins
import json
from collections import defaultdict
from collections.abc import Iterable
from datetime import date
from typing import Any

from taiwa.domain import errors, validate
from taiwa.domain.models import DEFAULT_CADENCE_DAYS, Person
from taiwa.errors import InputError
from taiwa.store import _convert as cv
from taiwa.store import erasure
from taiwa.store.settings import DEFAULT_CADENCE
from taiwa.vault.database import Database, utc_now

_UPDATABLE = frozenset(
    {"name", "emails", "role", "team", "cadence_days", "started_on", "career_goals", "archived"}
)


class People:
    """Typed access to ``person`` and ``person_email``."""

    def __init__(self, db: Database) -> None:
        self._db = db

    # -- reading ----------------------------------------------------------------------------

    def _default_cadence(self) -> int:
        """The manager's default cadence (Settings → default cadence), else 14 days."""
        row = self._db.query_one("SELECT value FROM setting WHERE key = ?", (DEFAULT_CADENCE,))
        try:
            return validate.cadence(int(json.loads(row[0]))) if row else DEFAULT_CADENCE_DAYS
        except (ValueError, TypeError, InputError):
            return DEFAULT_CADENCE_DAYS

    def _emails(self, ids: Iterable[int] | None = None) -> dict[int, tuple[str, ...]]:
        if ids is None:
            rows = self._db.query("SELECT person_id, email FROM person_email ORDER BY email")
        else:
            wanted = list(ids)
            if not wanted:
                return {}
            marks = ",".join("?" * len(wanted))
            rows = self._db.query(
                f"SELECT person_id, email FROM person_email WHERE person_id IN ({marks})"  # noqa: S608 - only '?' marks
                " ORDER BY email",
                wanted,
            )
        found: dict[int, list[str]] = defaultdict(list)
        for row in rows:
            found[row["person_id"]].append(row["email"])
        return {k: tuple(v) for k, v in found.items()}

    def get(self, person_id: int) -> Person:
        """The person with this id.

        Raises:
            UnknownPersonError: there is none.
        """
        row = self._db.query_one("SELECT * FROM person WHERE id = ?", (person_id,))
        if row is None:
            raise errors.UnknownPersonError(ref=str(person_id))
        return cv.person(row, self._emails([person_id]).get(person_id, ()))

    def list(self, include_archived: bool = False) -> list[Person]:
        """Everyone, by name (archived people only when asked)."""
        where = "" if include_archived else "WHERE archived = 0"
        rows = self._db.query(f"SELECT * FROM person {where} ORDER BY name COLLATE NOCASE, id")  # noqa: S608 - constant
        emails = self._emails()
        return [cv.person(r, emails.get(r["id"], ())) for r in rows]

    def count(self, include_archived: bool = False) -> int:
        where = "" if include_archived else "WHERE archived = 0"
        row = self._db.query_one(f"SELECT count(*) FROM person {where}")  # noqa: S608 - constant
        return int(row[0]) if row else 0

    def find_by_email(self, email: str) -> Person | None:
        """The person with this e-mail address (case-insensitive), if any."""
        row = self._db.query_one(
            "SELECT person_id FROM person_email WHERE email = ?", (email.strip(),)
        )
        return None if row is None else self.get(row[0])

    def resolve(self, ref: str) -> Person:
        """The person a user means by ``ref``: an id, an e-mail address or a name.

        A name matches exactly (ignoring case and spacing) first; otherwise a unique part of a
        name matches. Active people win over archived ones with the same name.

        Raises:
            UnknownPersonError: nobody matches.
            AmbiguousPersonError: more than one person matches.
        """
        raw = " ".join(str(ref).split())
        if not raw:
            raise errors.UnknownPersonError(ref=raw)
        if validate.is_record_id(raw):  # not str.isdigit: '²' and 10**30 are no ids
            row = self._db.query_one("SELECT id FROM person WHERE id = ?", (int(raw),))
            if row is not None:
                return self.get(row[0])
        if "@" in raw:
            found = self.find_by_email(raw)
            if found is not None:
                return found
            raise errors.UnknownPersonError(ref=raw)
        folded = raw.casefold()
        people = self.list(include_archived=True)
        for candidates in (
            [p for p in people if " ".join(p.name.split()).casefold() == folded],
            [p for p in people if folded in p.name.casefold().replace(" ", "")]
            if " " not in folded
            else [p for p in people if folded in p.name.casefold()],
        ):
            if not candidates:
                continue
            active = [p for p in candidates if not p.archived] or candidates
            if len(active) == 1:
                return active[0]
            raise errors.AmbiguousPersonError(ref=raw, count=len(active))
        raise errors.UnknownPersonError(ref=raw)

    # -- writing ----------------------------------------------------------------------------

    def _check_emails(
        self, conn: cv.Conn, emails: Iterable[str], person_id: int | None
    ) -> builtins.list[str]:
        clean: builtins.list[str] = []
        seen: set[str] = set()
        for raw in emails:
            address = validate.email(raw)
            if address.casefold() in seen:
                continue
            seen.add(address.casefold())
            row = conn.execute(
                "SELECT person_id FROM person_email WHERE email = ?", (address,)
            ).fetchone()
            if row is not None and row[0] != person_id:
                raise errors.EmailTakenError(value=address)
            clean.append(address)
        return clean

    def add(
        self,
        name: str,
        *,
        emails: Iterable[str] = (),
        role: str = "",
        team: str = "",
        cadence_days: int | None = None,
        started_on: date | str | None = None,
        career_goals: str = "",
    ) -> Person:
        """Add a person.

        Raises:
            InputError: empty name, bad or taken e-mail, cadence outside 1–365, bad date.
        """
        clean_name = validate.name(name)
        cadence = (
            self._default_cadence() if cadence_days is None else validate.cadence(cadence_days)
        )
        start = validate.optional_date(started_on)
        role = validate.optional_text(role, limit=validate.MAX_NAME).strip()
        team = validate.optional_text(team, limit=validate.MAX_NAME).strip()
        goals = validate.optional_text(career_goals)
        now = utc_now()
        with self._db.transaction() as conn:
            addresses = self._check_emails(conn, emails, None)
            cur = conn.execute(
                "INSERT INTO person (name, role, team, started_on, cadence_days, career_goals,"
                " created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (clean_name, role, team, cv.opt_day(start), cadence, goals, now, now),
            )
            person_id = int(cur.lastrowid or 0)
            conn.executemany(
                "INSERT INTO person_email (email, person_id) VALUES (?, ?)",
                [(a, person_id) for a in addresses],
            )
        return self.get(person_id)

    def update(self, person_id: int, **fields: Any) -> Person:
        """Change some of a person's fields (name, emails, role, team, cadence_days,
        started_on, career_goals, archived). ``emails`` replaces the whole list.

        Raises:
            UnknownPersonError, InputError: nothing is changed.
        """
        unknown = set(fields) - _UPDATABLE
        if unknown:
            raise errors.BadFieldError(value=sorted(unknown)[0])
        current = self.get(person_id)
        values: dict[str, Any] = {}
        if "name" in fields:
            values["name"] = validate.name(fields["name"])
        for key in ("role", "team"):
            if key in fields:
                values[key] = validate.optional_text(fields[key], limit=validate.MAX_NAME).strip()
        if "cadence_days" in fields:
            values["cadence_days"] = validate.cadence(fields["cadence_days"])
        if "started_on" in fields:
            values["started_on"] = cv.opt_day(validate.optional_date(fields["started_on"]))
        if "career_goals" in fields:
            values["career_goals"] = validate.optional_text(fields["career_goals"])
        if "archived" in fields:
            values["archived"] = 1 if fields["archived"] else 0
            # Archiving again keeps the first date: the retention period runs from it.
            if not values["archived"]:
                values["archived_at"] = None
            elif not current.archived:
                values["archived_at"] = utc_now()
        with self._db.transaction() as conn:
            if "emails" in fields:
                addresses = self._check_emails(conn, fields["emails"], person_id)
                conn.execute("DELETE FROM person_email WHERE person_id = ?", (person_id,))
                conn.executemany(
                    "INSERT INTO person_email (email, person_id) VALUES (?, ?)",
                    [(a, person_id) for a in addresses],
                )
            if values:
                values["updated_at"] = utc_now()
                assignments = ", ".join(f"{k} = ?" for k in values)  # keys from _UPDATABLE only
                conn.execute(
                    f"UPDATE person SET {assignments} WHERE id = ?",  # noqa: S608 - fixed column names
                    [*values.values(), person_id],
                )
        return self.get(person_id)

    def archive(self, person_id: int, archived: bool = True) -> Person:
        """Archive (or bring back) a person: off the dashboard and the lists, kept for history
        and found by search on demand. Their meetings stay.

        Raises:
            UnknownPersonError: there is none.
        """
        return self.update(person_id, archived=archived)

    def list_archived(self) -> builtins.list[Person]:
        """Archived people, by name."""
        rows = self._db.query(
            "SELECT * FROM person WHERE archived = 1 ORDER BY name COLLATE NOCASE, id"
        )
        emails = self._emails(r["id"] for r in rows)
        return [cv.person(r, emails.get(r["id"], ())) for r in rows]

    def delete(self, person_id: int) -> None:
        """Delete a person for good: their meetings, topics, action items, e-mail addresses,
        search-index entries, calendar links and drafts, then the freed space is wiped
        (see :mod:`taiwa.store.erasure`).

        Raises:
            UnknownPersonError: there is none; nothing is changed.
        """
        self.delete_many([person_id])

    def delete_many(self, person_ids: Iterable[int]) -> int:
        """Delete several people for good in one transaction and one wipe (the retention rule).

        Returns:
            How many were deleted.

        Raises:
            UnknownPersonError: one of them does not exist; nothing is changed.
        """
        ids = builtins.list(dict.fromkeys(person_ids))
        for person_id in ids:
            self.get(person_id)
        if not ids:
            return 0
        with self._db.transaction() as conn:
            for person_id in ids:
                erasure.delete_person_rows(conn, person_id)
        erasure.scrub(self._db)
        return len(ids)
