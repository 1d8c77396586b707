"""The pages' item models: qtmodeltester on each, lazy fetching, narrow updates, filtering."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from typing import Any

import pytest
from PySide6.QtCore import QModelIndex, Qt

from taiwa.domain.models import (
    Action,
    HitKind,
    MeetingStatus,
    Owner,
    SearchHit,
    Segment,
    Theme,
    Topic,
    TopicState,
)
from taiwa.store import Store
from taiwa.ui.models import (
    HEADING_ROLE,
    ID_ROLE,
    OBJECT_ROLE,
    SEGMENTS_ROLE,
    ActionsModel,
    MeetingHistoryModel,
    PeopleFilterProxy,
    PeopleModel,
    SearchResultsModel,
    SignalsModel,
    TopicTreeModel,
    UpcomingModel,
)
from tests.ui.pages_support import seed


@pytest.fixture
def store(db: Any) -> Store:
    return Store(db)


def test_people_model_and_filter(qtmodeltester: Any, qapp: Any, store: Store) -> None:
    seed(store)
    store.people.add("山田 花子", emails=["hanako@example.jp"], role="エンジニア", team="基盤")
    model = PeopleModel()
    model.set_rows(store.reports.overview())
    qtmodeltester.check(model)
    proxy = PeopleFilterProxy()
    proxy.setSourceModel(model)
    qtmodeltester.check(proxy)
    names = lambda: sorted(  # noqa: E731
        proxy.index(r, 0).data(OBJECT_ROLE).person.name for r in range(proxy.rowCount())
    )
    proxy.set_query("platform")
    assert names() == ["Alice Example"]
    proxy.set_query("基盤")
    assert names() == ["山田 花子"]
    # Full-width Latin typed with a Japanese IME finds the ASCII name.
    proxy.set_query("ＢＯＢ")
    assert names() == ["Bob Sample"]
    proxy.set_query("bob@example")
    assert names() == ["Bob Sample"]
    proxy.set_query("")
    proxy.set_only_ids([])
    assert proxy.rowCount() == 0
    proxy.set_only_ids(None)
    assert proxy.rowCount() == 3


def test_people_model_update_is_narrow(qapp: Any, store: Store) -> None:
    seed(store)
    model = PeopleModel()
    rows = store.reports.overview()
    model.set_rows(rows)
    seen: list[tuple[int, int]] = []
    model.dataChanged.connect(lambda a, b, *_: seen.append((a.row(), b.row())))
    resets: list[int] = []
    model.modelReset.connect(lambda: resets.append(1))
    model.update_row(rows[1])
    assert seen == [(1, 1)] and not resets


def test_meeting_history_fetches_lazily(qtmodeltester: Any, qapp: Any, store: Store) -> None:
    p = store.people.add("Many Meetings")
    start = datetime(2020, 1, 1, 9, tzinfo=UTC)
    for i in range(95):
        store.meetings.create(
            p.id,
            start + timedelta(days=7 * i),
            status=MeetingStatus.HELD,
            carry_over=False,
            mood=1 + i % 5,
        )
    calls: list[tuple[int, int]] = []

    def fetch(offset: int, limit: int) -> Any:
        calls.append((offset, limit))
        return store.meetings.list_for_person(p.id, limit=limit, offset=offset)

    model = MeetingHistoryModel()
    model.set_source(fetch, store.meetings.count_for_person(p.id))
    assert model.rowCount() == MeetingHistoryModel.PAGE
    assert model.canFetchMore()
    assert calls == [(0, MeetingHistoryModel.PAGE)]
    first = model.index(0, 0).data(OBJECT_ROLE)
    assert first.starts_at == start + timedelta(days=7 * 94)  # newest first
    qtmodeltester.check(model)  # the tester fetches the rest through fetchMore
    while model.canFetchMore():
        model.fetchMore(QModelIndex())
    assert model.rowCount() == 95 and not model.canFetchMore()
    # Each page exactly once, even when asked again from inside an insert.
    assert len({model.index(r, 0).data(ID_ROLE) for r in range(95)}) == 95
    assert model.index(94, 0).data(OBJECT_ROLE).starts_at == start


def test_actions_model_asks_instead_of_writing(qtmodeltester: Any, qapp: Any) -> None:
    today = date(2026, 5, 1)
    rows = [
        Action(1, 10, 100, Owner.MANAGER, "Book <b>the</b> training", date(2026, 4, 20)),
        Action(2, 10, 101, Owner.REPORT, "Draft the proposal", None, date(2026, 4, 2)),
    ]
    model = ActionsModel(editable=True)
    model.today = today
    model.current_meeting_id = 101
    model.set_rows(rows)
    qtmodeltester.check(model)
    asked: list[tuple[int, bool]] = []
    model.done_toggled.connect(lambda i, d: asked.append((i, d)))
    idx = model.index(0, ActionsModel.DONE)
    assert model.setData(idx, Qt.CheckState.Checked.value, Qt.ItemDataRole.CheckStateRole)
    assert asked == [(1, True)]
    # The model itself did not change: the page writes, then updates the row.
    assert idx.data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Unchecked
    assert model.index(0, ActionsModel.ORIGIN).data() == "↪"
    assert "Carried over" in model.index(0, ActionsModel.ORIGIN).data(Qt.ItemDataRole.ToolTipRole)
    assert model.index(1, ActionsModel.ORIGIN).data() == ""
    assert model.index(0, ActionsModel.DUE).data(Qt.ItemDataRole.ForegroundRole) is not None
    # Typed markup stays literal: the cell is plain text, the tooltip escapes it.
    assert model.index(0, ActionsModel.TEXT).data() == "Book <b>the</b> training"
    tip = model.index(0, ActionsModel.TEXT).data(Qt.ItemDataRole.ToolTipRole)
    assert "<b>" not in tip and "&lt;b&gt;the&lt;/b&gt;" in tip


def test_topic_tree_groups_by_theme(qtmodeltester: Any, qapp: Any) -> None:
    topics = [
        Topic(1, 5, Theme.CAREER, "Next role", position=0),
        Topic(2, 5, Theme.WORK, "Release plan", position=1),
        Topic(3, 5, Theme.CAREER, "Mentor", position=2, carried_from=77),
    ]
    model = TopicTreeModel()
    model.set_topics(topics)
    qtmodeltester.check(model)
    groups = [model.index(r, 0).data(OBJECT_ROLE) for r in range(model.rowCount())]
    assert groups == [Theme.WORK, Theme.CAREER]  # theme order, only themes with topics
    career = model.index(1, 0)
    assert [model.index(r, 0, career).data() for r in range(model.rowCount(career))] == [
        "Next role",
        "Mentor",
    ]
    assert "Carried over" in model.index(1, TopicTreeModel.STATE, career).data()
    # Narrow inserts and removals keep the tree consistent (checked by the tester).
    model.add_topic(Topic(4, 5, Theme.WELLBEING, "Sleep", position=3))
    assert model.rowCount() == 3
    model.remove_topic(2)
    assert [model.index(r, 0).data(OBJECT_ROLE) for r in range(model.rowCount())] == [
        Theme.CAREER,
        Theme.WELLBEING,
    ]
    model.update_topic(Topic(1, 5, Theme.CAREER, "Next role", state=TopicState.DISCUSSED))
    idx = model.topic_index(1)
    assert idx.data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked
    asked: list[tuple[int, bool]] = []
    model.state_toggled.connect(lambda i, d: asked.append((i, d)))
    model.setData(model.topic_index(3), Qt.CheckState.Checked.value, Qt.ItemDataRole.CheckStateRole)
    assert asked == [(3, True)]
    assert model.topic_index(3).data(ID_ROLE) == 3


def test_dashboard_models(qtmodeltester: Any, qapp: Any, store: Store) -> None:
    seed(store)
    up = UpcomingModel()
    up.set_rows(store.reports.upcoming(days=30))
    assert up.rowCount() > 0
    qtmodeltester.check(up)
    sig = SignalsModel()
    sig.set_rows(store.reports.signals())
    qtmodeltester.check(sig)


def _hit(i: int, text: str) -> SearchHit:
    return SearchHit(
        HitKind.SHARED_NOTES,
        i,
        1,
        "Alice",
        i,
        datetime(2026, 1, 1, tzinfo=UTC),
        (Segment("before ", False), Segment(text, True), Segment(" after", False)),
    )


def test_search_results_fetch_pages_on_demand(qtmodeltester: Any, qapp: Any) -> None:
    asked: list[int] = []
    model = SearchResultsModel()
    model.reset_results([_hit(i, "<b>x</b>") for i in range(3)], more=True, loader=asked.append)
    qtmodeltester.check(model)
    assert asked == [3]  # the tester scrolled to the end: the next page was asked for once
    assert not model.canFetchMore()  # while it is on its way
    model.append_page([_hit(3, "y")], more=False)
    assert model.rowCount() == 4 and not model.canFetchMore()
    idx = model.index(0, 0)
    assert idx.data(SEGMENTS_ROLE) == [("before ", False), ("<b>x</b>", True), (" after", False)]
    assert "Alice" in idx.data(HEADING_ROLE)
