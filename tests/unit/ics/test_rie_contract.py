"""The import reads recurring-ical-events' occurrences without their component copies
(taiwa.ics.expand._between uses the private ``_occurrences_between`` and each occurrence's
source component: between() copied a component per occurrence, 60 % of an import's time).
Pinned in requirements/app.lock; this test holds the shortcut to the public answer on every
calendar of the corpus, so an upgrade that changes either side fails here, not in a user's
import.
"""

from __future__ import annotations

import warnings
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import icalendar
import pytest
import recurring_ical_events

from taiwa.ics.expand import _between
from tests.unit.ics.conftest import CORPUS, DATA

START = datetime(1990, 1, 1, tzinfo=UTC)
END = datetime(2035, 1, 1, tzinfo=UTC)


def _files() -> list[Path]:
    found = sorted(CORPUS.glob("**/*.ics")) if CORPUS.is_dir() else []
    found += sorted(DATA.glob("*.ics"))
    return [p for p in found if p.stat().st_size < 300_000]


def _value(component: Any, name: str) -> Any:
    prop = component.get(name)
    return None if prop is None else prop.dt


def _public(calendar: Any) -> list[tuple[Any, ...]]:
    return sorted(
        (
            str(c.get("UID", "")),
            str(_value(c, "DTSTART")),
            str(_value(c, "DTEND")),
            str(_value(c, "RECURRENCE-ID")),
            str(c.get("SEQUENCE", "")),
            str(c.get("SUMMARY", "")),
        )
        for c in recurring_ical_events.of(calendar).between(START, END)
    )


def _shortcut(calendar: Any) -> list[tuple[Any, ...]]:
    rows = []
    for found in _between(recurring_ical_events.of(calendar), START, END):
        source = found.source
        rid = _value(source, "RECURRENCE-ID")
        sequence = found.sequence if found.sequence >= 0 else source.get("SEQUENCE", "")
        rows.append(
            (
                str(source.get("UID", "")),
                str(found.start),
                str(found.end),
                str(rid if rid is not None else found.start),
                str(sequence),
                str(source.get("SUMMARY", "")),
            )
        )
    return sorted(rows)


def test_the_corpus_is_there() -> None:
    # The shipped calendars at least: a test over no file at all would pass for nothing.
    assert len(_files()) >= 5


@pytest.mark.parametrize("path", _files(), ids=lambda p: p.name)
def test_occurrences_without_copies_match_the_public_between(path: Path) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            calendar = icalendar.Calendar.from_ical(path.read_bytes())
            public = _public(calendar)
        except Exception:  # a file the library refuses is not this test's case
            pytest.skip("recurring-ical-events refuses this file")
        assert _shortcut(calendar) == public
