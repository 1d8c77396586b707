"""Shared fixtures of the calendar import tests: a vault with two known people, the data."""

from __future__ import annotations

import shutil
from datetime import UTC, datetime
from pathlib import Path

import pytest

from taiwa.ics import service
from taiwa.store import Store
from taiwa.vault.database import Database

DATA = Path(__file__).resolve().parents[2] / "data" / "ics"
CORPUS = Path(__file__).resolve().parents[3].parent / "shared" / "ics-corpus"
WINDOW = service.Window(datetime(2026, 1, 1, tzinfo=UTC), datetime(2026, 3, 1, tzinfo=UTC))


@pytest.fixture
def store(db: Database) -> Store:
    """A vault knowing Taro (by a mixed-case address elsewhere) and Hanako."""
    s = Store(db)
    s.people.add("Taro Yamada", emails=["taro.yamada@example.com"], role="Engineer", team="Core")
    s.people.add("Hanako Suzuki", emails=["hanako@example.com"])
    return s


@pytest.fixture
def data(tmp_path: Path) -> Path:
    """A private copy of tests/data/ics (golden files are never used in place)."""
    target = tmp_path / "ics-data"
    shutil.copytree(DATA, target)
    return target


def plan(db: Database, *paths: Path, **kwargs: object) -> service.ImportPlan:
    """Plan an import of ``paths`` over January and February 2026."""
    kwargs.setdefault("window", WINDOW)
    return service.plan_import(db, list(paths), **kwargs)  # type: ignore[arg-type]
