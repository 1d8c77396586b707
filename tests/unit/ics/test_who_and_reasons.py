"""A 1on1 series nobody in it identifies ("who is this?"), and why a preview is short."""

from __future__ import annotations

from pathlib import Path

from taiwa.ics import service
from taiwa.ics.service import Who
from taiwa.store import Store
from taiwa.store import calendar as repo
from tests.unit.ics.conftest import WINDOW, plan

OWN_CALENDAR = """BEGIN:VCALENDAR
VERSION:2.0
PRODID:-//Test//EN
BEGIN:VEVENT
UID:weekly-1on1@example.com
DTSTAMP:20260101T000000Z
DTSTART:20260105T010000Z
DTEND:20260105T013000Z
RRULE:FREQ=WEEKLY;COUNT=4
SUMMARY:Weekly 1:1s
END:VEVENT
BEGIN:VEVENT
UID:hiring@example.com
DTSTAMP:20260101T000000Z
DTSTART:20260106T010000Z
DTEND:20260106T020000Z
SUMMARY:採用面談
END:VEVENT
BEGIN:VEVENT
UID:old-1on1@example.com
DTSTAMP:20260101T000000Z
DTSTART:20240106T010000Z
DTEND:20240106T020000Z
SUMMARY:1on1 Taro Yamada
END:VEVENT
BEGIN:VEVENT
UID:dentist@example.com
DTSTAMP:20260101T000000Z
DTSTART:20260107T010000Z
DTEND:20260107T020000Z
SUMMARY:Dentist
END:VEVENT
END:VCALENDAR
"""


def _file(tmp_path: Path) -> Path:
    path = tmp_path / "own.ics"
    path.write_text(OWN_CALENDAR.replace("\n", "\r\n"), encoding="utf-8")
    return path


def test_a_series_with_nobody_asks_who_and_is_skipped_unanswered(
    store: Store, tmp_path: Path
) -> None:
    result = plan(store.db, _file(tmp_path))
    assert result.unknown == {"weekly-1on1@example.com": "Weekly 1:1s"}
    assert result.counts() == {"added": 0, "updated": 0, "cancelled": 0, "skipped": 4}
    who = {"weekly-1on1@example.com": Who.new("Mika Ito")}
    assert result.counts(who=who)["added"] == 4
    # Nothing is remembered by a preview.
    assert repo.series_choices(store.db) == {}


def test_an_answer_is_applied_and_remembered_per_series(store: Store, tmp_path: Path) -> None:
    path = _file(tmp_path)
    hanako = next(p for p in store.people.list() if p.name == "Hanako Suzuki")
    result = plan(store.db, path)
    done = service.apply_import(
        store.db, result, who={"weekly-1on1@example.com": Who.link(hanako.id)}
    )
    assert done.added == 4
    assert repo.series_choices(store.db) == {"weekly-1on1@example.com": ("link", hanako.id)}
    again = plan(store.db, path)
    assert again.unknown == {}
    assert {i.person_id for i in again.items} == {hanako.id}
    assert again.counts()["skipped"] == 4  # already imported, nothing asked


def test_a_new_person_or_ignoring_the_series(store: Store, tmp_path: Path) -> None:
    path = _file(tmp_path)
    done = service.apply_import(
        store.db, plan(store.db, path), who={"weekly-1on1@example.com": Who.new("Mika Ito")}
    )
    assert done.people_added == 1 and done.added == 4
    mika = next(p for p in store.people.list() if p.name == "Mika Ito")
    assert not mika.emails
    assert repo.forget_series(store.db) == 1
    other = tmp_path / "other"
    other.mkdir()
    fresh = plan(store.db, _file(other))
    assert fresh.unknown  # forgotten: asked again (its meetings exist, so they are unchanged)
    service.apply_import(store.db, fresh, who={"weekly-1on1@example.com": Who.ignore()})
    ignored = plan(store.db, path)
    assert ignored.unknown == {} and ignored.items == [] and ignored.ignored == 1


def test_the_preview_says_why_it_is_short(store: Store, tmp_path: Path) -> None:
    result = plan(store.db, _file(tmp_path))
    # The 2024 1on1 is outside the period; the hiring interview and the dentist are not 1on1s.
    assert (result.outside, result.not_1on1) == (1, 2)
    document = result.to_json()
    assert (document["outside_period"], document["not_1on1"]) == (1, 2)
    assert document["unknown_series"] == ["weekly-1on1@example.com"]
    assert WINDOW.start.year == 2026
