"""Cooperative cancellation of the calendar import and the PDF export (no Qt).

Each long test starts the work on a thread, cancels its token after ~300 ms and measures how
long the work takes to notice (``time.monotonic``): under a second, where the same work runs
for several seconds uncancelled.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator
from datetime import UTC, date
from pathlib import Path
from typing import Any

import pytest

from taiwa.cancel import Cancelled, CancelToken, checked
from taiwa.export import service as export_service
from taiwa.export import writer
from taiwa.export.model import DocKind, ExportOptions
from taiwa.ics import decode
from taiwa.ics import service as ics_service
from taiwa.store import Store
from taiwa.vault.database import Database
from tests.support import big_calendar
from tests.support.big_vault import fill_person

CANCEL_AFTER = 0.3  # seconds of work before Cancel
LATENCY = 1.0  # the work must stop within this after Cancel


def run_and_cancel(fn: Callable[[Callable[[], None]], Any], after: float = CANCEL_AFTER) -> float:
    """Run ``fn(cancel)`` on a thread, cancel after ``after`` s; the seconds it took to stop.

    Fails when ``fn`` finished before the cancel (the test data would be too small to tell).
    """
    token = CancelToken()
    outcome: dict[str, Any] = {}

    def target() -> None:
        try:
            outcome["value"] = fn(token.raise_if_cancelled)
        except BaseException as exc:
            outcome["error"] = exc
        outcome["end"] = time.monotonic()

    worker = threading.Thread(target=target, daemon=True)
    worker.start()
    worker.join(after)
    assert worker.is_alive(), "the work ended before it could be cancelled"
    cancelled_at = time.monotonic()
    token.cancel()
    worker.join(30)
    assert not worker.is_alive()
    assert isinstance(outcome.get("error"), Cancelled), outcome
    return float(outcome["end"] - cancelled_at)


def test_token_is_one_way_and_cancelled_is_not_an_exception() -> None:
    token = CancelToken()
    token.raise_if_cancelled()
    assert not token.cancelled
    token.cancel()
    token.cancel()
    assert token.cancelled and token.wait(0)
    with pytest.raises(Cancelled):
        token.raise_if_cancelled()
    # A broad ``except Exception`` (how the import reports a bad event) must not swallow it.
    assert not issubclass(Cancelled, Exception)
    assert Cancelled().args == ("cancelled",)


def test_checked_calls_the_check_every_n_items() -> None:
    calls: list[int] = []
    items = list(checked(range(10), lambda: calls.append(1), every=4))
    assert items == list(range(10)) and len(calls) == 3  # before items 0, 4 and 8
    assert list(checked([1, 2], None)) == [1, 2]


# -- calendar import -------------------------------------------------------------------------


@pytest.fixture
def calendar_vault(db: Database, tmp_path: Path) -> Iterator[tuple[Database, Path]]:
    store = Store(db)
    for name, email in big_calendar.reports(120):
        store.people.add(name, emails=[email])
    store.settings.set(ics_service.OWNER_KEY, big_calendar.MANAGER)
    path = tmp_path / "big.ics"
    path.write_text(big_calendar.generate(), encoding="utf-8", newline="")
    yield db, path


def _window() -> ics_service.Window:
    start, end = big_calendar.WINDOW
    return ics_service.Window(start.replace(tzinfo=UTC), end.replace(tzinfo=UTC))


def _calendar_rows(db: Database) -> int:
    row = db.query_one("SELECT count(*) FROM meeting WHERE source = 'calendar'")
    assert row is not None
    return int(row[0])


@pytest.mark.parametrize("after", [0.05, CANCEL_AFTER, 1.5])
def test_planning_a_big_import_stops_within_a_second(
    calendar_vault: tuple[Database, Path], after: float
) -> None:
    db, path = calendar_vault
    # Uncancelled, planning this file takes 5 s on the development laptop (2 cores).
    latency = run_and_cancel(
        lambda cancel: ics_service.plan_import(db, [path], window=_window(), cancel=cancel), after
    )
    print(f"plan cancelled after {after:.2f} s: stopped {latency * 1000:.0f} ms later")
    assert latency < LATENCY
    assert _calendar_rows(db) == 0


def test_decoding_a_big_legacy_file_stops_within_a_second() -> None:
    # Detecting a 73 MB Shift_JIS file's encoding takes over a second (1.4 s measured here);
    # cancelled after 0.1 s, it must end with Cancelled, not with the decoded text.
    event = "BEGIN:VEVENT\nUID:{n}\nSUMMARY:面談 山田さん\nDESCRIPTION:" + "議事録のメモ" * 400
    body = "\nEND:VEVENT\n".join(event.format(n=n) for n in range(15_000))
    data = ("BEGIN:VCALENDAR\n" + body + "\nEND:VEVENT\nEND:VCALENDAR\n").encode("cp932")
    latency = run_and_cancel(lambda cancel: decode.decode(data, "big.ics", cancel), after=0.1)
    print(f"decode cancelled: stopped {latency * 1000:.0f} ms later")
    assert latency < LATENCY


def test_a_cancelled_write_writes_nothing(calendar_vault: tuple[Database, Path]) -> None:
    db, path = calendar_vault
    # The same series without moved occurrences and crowd: as many rows, planned faster.
    path.write_text(big_calendar.generate(moved=0, others=0), encoding="utf-8", newline="")
    plan = ics_service.plan_import(db, [path], window=_window())
    assert len(plan.items) > 5000
    token = CancelToken()
    token.cancel()
    with pytest.raises(Cancelled):
        ics_service.apply_import(db, plan, cancel=token.raise_if_cancelled)
    assert _calendar_rows(db) == 0
    # Uncancelled, the same plan is written whole, in one transaction.
    ics_service.apply_import(db, plan, cancel=CancelToken().raise_if_cancelled)
    assert _calendar_rows(db) == len(plan.items)


# -- PDF export ------------------------------------------------------------------------------


@pytest.fixture
def big_person(db: Database) -> tuple[Store, int]:
    store = Store(db)
    return store, fill_person(store, 400)


def _request(person_id: int) -> export_service.ExportRequest:
    return export_service.ExportRequest(
        DocKind.PERSON,
        person_id,
        ExportOptions(include_private=True),
        date(2000, 1, 1),
        date.today(),
    )


@pytest.mark.parametrize("after", [0.05, CANCEL_AFTER, 1.5])
def test_a_big_export_stops_within_a_second_and_leaves_no_file(
    big_person: tuple[Store, int], tmp_path: Path, after: float
) -> None:
    store, person_id = big_person
    out = tmp_path / "out"
    out.mkdir()
    target = out / "summary.pdf"
    # Uncancelled, this 400-meeting summary takes about 4 s.
    latency = run_and_cancel(
        lambda cancel: export_service.export(store, _request(person_id), target, cancel=cancel),
        after,
    )
    print(f"export cancelled after {after:.2f} s: stopped {latency * 1000:.0f} ms later")
    assert latency < LATENCY
    assert list(out.iterdir()) == []


def test_cancel_just_before_the_rename_removes_the_temporary_file(tmp_path: Path) -> None:
    calls: list[int] = []

    def cancel_on_second_check() -> None:
        calls.append(1)
        if len(calls) == 2:  # the first check is before the temporary file exists
            raise Cancelled()

    with pytest.raises(Cancelled):
        writer.write_atomic(tmp_path / "x.pdf", b"%PDF-1.4 test", cancel=cancel_on_second_check)
    assert len(calls) == 2
    assert list(tmp_path.iterdir()) == []


def test_an_uncancelled_export_still_writes_its_file(
    big_person: tuple[Store, int], tmp_path: Path
) -> None:
    store, person_id = big_person
    request = export_service.ExportRequest(
        DocKind.PERSON, person_id, ExportOptions(), date.today(), date.today()
    )
    out = tmp_path / "out"
    out.mkdir()
    result = export_service.export(
        store, request, out / "x.pdf", cancel=CancelToken().raise_if_cancelled
    )
    assert result.path.read_bytes().startswith(b"%PDF")
    assert [p.name for p in out.iterdir()] == ["x.pdf"]
