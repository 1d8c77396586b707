"""Fixtures for the 1on1 log tests: a Store on a fresh vault database, in UTC days."""

from __future__ import annotations

from datetime import UTC

import pytest

from taiwa.store import Store
from taiwa.vault.database import Database


@pytest.fixture
def store(db: Database) -> Store:
    """A Store whose reports count days in UTC (so the tests do not depend on the machine)."""
    return Store(db, zone=UTC)
