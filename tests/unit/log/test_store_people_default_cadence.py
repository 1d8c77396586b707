"""The default cadence from Settings applies to people added without one."""

from __future__ import annotations

from taiwa.store import Store
from taiwa.store.settings import DEFAULT_CADENCE
from taiwa.vault.database import Database


def test_people_added_without_a_cadence_get_the_managers_default(db: Database) -> None:
    store = Store(db)
    assert store.people.add("既定 太郎").cadence_days == 14
    store.settings.set(DEFAULT_CADENCE, 21)
    assert store.people.add("Default Dana").cadence_days == 21
    assert store.people.add("Explicit Eve", cadence_days=7).cadence_days == 7
