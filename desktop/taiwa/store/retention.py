"""The retention rule: archived people are erased a set number of years after archiving.

Off unless the manager sets it (``taiwa retention --erase-archived-after YEARS``, or Settings).
It is applied each time the vault is unlocked, so that nothing is kept longer than needed
(APPI/GDPR storage limitation); the erasure is the same as a deletion for good
(:meth:`taiwa.store.people.People.delete_many`).
"""

from __future__ import annotations

from datetime import UTC, datetime

from taiwa.domain import validate
from taiwa.errors import InputError
from taiwa.store import _convert as cv
from taiwa.store.people import People
from taiwa.store.settings import Settings
from taiwa.vault.database import Database

#: In-vault setting: years after archiving (an int), absent when the rule is off.
RETENTION_SETTING = "retention.erase_archived_after_years"


def _years_before(now: datetime, years: int) -> datetime:
    """The same moment ``years`` earlier (29 February becomes 28 February)."""
    try:
        return now.replace(year=now.year - years)
    except ValueError:
        return now.replace(year=now.year - years, day=28)


class Retention:
    """Reads, sets and applies the retention rule."""

    def __init__(self, db: Database) -> None:
        self._db = db
        self._settings = Settings(db)

    def years(self) -> int | None:
        """The rule's period in years, or None when it is off (or the stored value is bad)."""
        value = self._settings.get(RETENTION_SETTING)
        try:
            return None if value is None else validate.retention_years(value)
        except InputError:  # a value not written by set_years turns the rule off, not the app
            return None

    def set_years(self, years: int | str | None) -> int | None:
        """Turn the rule on for ``years`` (1–100), or off with None.

        Raises:
            RetentionRangeError: not a whole number of years in range; nothing is changed.
        """
        if years is None:
            self._settings.delete(RETENTION_SETTING)
            return None
        value = validate.retention_years(years)
        self._settings.set(RETENTION_SETTING, value)
        return value

    def due(self, now: datetime | None = None) -> list[int]:
        """Ids of the archived people the rule would erase at ``now`` (none when off)."""
        years = self.years()
        if years is None:
            return []
        cutoff = _years_before(now or datetime.now(UTC), years)
        rows = self._db.query(
            "SELECT id FROM person WHERE archived = 1 AND archived_at IS NOT NULL"
            " AND archived_at <= ? ORDER BY id",
            (cv.ts(cutoff),),
        )
        return [int(r[0]) for r in rows]

    def apply(self, now: datetime | None = None) -> int:
        """Erase the archived people whose period is over.

        Returns:
            How many people were erased.
        """
        due = self.due(now)
        return People(self._db).delete_many(due) if due else 0
