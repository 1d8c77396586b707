"""The pages as a user drives them: add a person, hold a meeting with carried items, type notes
and find them autosaved, undo, search and open the hit, privacy mode, clear()."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication

from taiwa import i18n
from taiwa.domain.models import Owner, Theme, TopicState
from taiwa.ui import ops
from taiwa.ui.dashboard import DashboardPage
from taiwa.ui.meeting_editor import MeetingEditor, set_shown_person
from taiwa.ui.models import OBJECT_ROLE, ActionsModel, PeopleModel, TopicTreeModel
from taiwa.ui.people_page import PeoplePage, PersonDialog
from taiwa.ui.person_page import PersonPage
from taiwa.ui.search_page import SearchPage
from tests.ui.pages_support import (
    PRIVATE_SENTINEL,
    SHARED_SENTINEL,
    all_texts,
    seed,
    visible_texts,
)


@pytest.fixture
def sample(app_ctx: Any) -> Any:
    return seed(app_ctx.store)


def _settle(qtbot: Any) -> None:
    ops.wait_for_pending(10_000)
    qtbot.wait(10)
    ops.wait_for_pending(10_000)
    qtbot.wait(10)


def _editor(qtbot: Any, ctx: Any) -> MeetingEditor:
    ed = MeetingEditor(ctx)
    qtbot.addWidget(ed)
    ed.resize(1200, 800)
    ed.show()
    return ed


def test_add_person_dialog_validates_and_saves(qtbot: Any, app_ctx: Any) -> None:
    dlg = PersonDialog(app_ctx)
    qtbot.addWidget(dlg)
    dlg.show()
    ok = dlg.ok
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    assert dlg.error.isVisible() and dlg.error.text() == "Enter a name."
    qtbot.keyClicks(dlg.name, "Hanako Sato")
    qtbot.keyClicks(dlg.emails, "not-an-address")
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    assert dlg.error.isVisible() and "not-an-address" in dlg.error.text()
    assert app_ctx.store.people.list() == []  # nothing half-written
    # The store's message comes in the UI language.
    i18n.set_language("ja")
    try:
        qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
        assert any("\u3040" <= ch <= "\u30ff" for ch in dlg.error.text())
    finally:
        i18n.set_language(None)
    dlg.emails.setText("hanako@example.jp, h.sato@example.jp")
    qtbot.keyClicks(dlg.role, "Engineer")
    dlg.cadence.setValue(21)
    dlg.goals.setPlainText("Lead a team")
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    [p] = app_ctx.store.people.list()
    assert (p.name, sorted(p.emails), p.role, p.cadence_days, p.career_goals) == (
        "Hanako Sato",
        ["h.sato@example.jp", "hanako@example.jp"],
        "Engineer",
        21,
        "Lead a team",
    )
    assert dlg.result_person.id == p.id


def test_people_page_filters_and_opens(qtbot: Any, app_ctx: Any, sample: Any) -> None:
    page = PeoplePage(app_ctx)
    qtbot.addWidget(page)
    page.show()
    page.refresh()
    assert page.proxy.rowCount() == 2
    qtbot.keyClicks(page.query, "design")
    assert page.proxy.rowCount() == 1
    with qtbot.waitSignal(app_ctx.events.open_person) as sig:
        qtbot.keyClick(page.query, Qt.Key.Key_Return)
    assert sig.args == [sample.bob.id]
    # Privacy mode: only the person on screen is listed.
    page.query.clear()
    set_shown_person(app_ctx, sample.alice.id)
    page.set_privacy(True)
    texts = " ".join(visible_texts(page))
    assert "Alice Example" in texts and "Bob Sample" not in texts
    page.set_privacy(False)
    assert page.proxy.rowCount() == 2


def test_new_meeting_shows_carried_topics_and_actions(
    qtbot: Any, app_ctx: Any, sample: Any
) -> None:
    ed = _editor(qtbot, app_ctx)
    ed.show_meeting(sample.second.id)
    topics = ed.topics.topics()
    assert [t.text for t in topics] == ["Path to tech lead"]  # the discussed one stayed behind
    idx = ed.topics.topic_index(topics[0].id, TopicTreeModel.STATE)
    assert "Carried over" in idx.data()
    [action] = ed.actions_model.rows()
    assert action.text == "Introduce Alice to the architecture guild"
    row = ed.actions_model.row_of(action.id)
    origin = ed.actions_model.index(row, ActionsModel.ORIGIN)
    assert "Carried over" in origin.data(Qt.ItemDataRole.ToolTipRole)
    # Ticking the carried action done in this meeting writes it to the vault.
    ed.actions_model.setData(
        ed.actions_model.index(row, ActionsModel.DONE),
        Qt.CheckState.Checked.value,
        Qt.ItemDataRole.CheckStateRole,
    )
    assert app_ctx.store.actions.get(action.id).done_on is not None
    ed.undo_stack.undo()
    assert app_ctx.store.actions.get(action.id).done_on is None


def test_typing_is_autosaved_within_a_second(qtbot: Any, app_ctx: Any, sample: Any) -> None:
    ed = _editor(qtbot, app_ctx)
    ed.show_meeting(sample.second.id)
    ed.shared.setFocus()
    qtbot.keyClicks(ed.shared, "Agreed on the ")
    # Japanese arrives through the input method: a committed IME composition.
    ime = QInputMethodEvent()
    ime.setCommitString("日本語")
    QApplication.sendEvent(ed.shared, ime)
    qtbot.keyClicks(ed.shared, " plan")
    qtbot.keyClicks(ed.private, "Watch workload")
    qtbot.keyClicks(ed.purpose, "Quarter review")

    def saved() -> None:
        m = app_ctx.store.meetings.get(sample.second.id)
        assert m.shared_notes == "Agreed on the 日本語 plan"
        assert m.private_notes == "Watch workload"
        assert m.purpose == "Quarter review"

    qtbot.waitUntil(saved, timeout=2500)
    # No save button anywhere on the page.
    from PySide6.QtWidgets import QPushButton

    assert not [b for b in ed.findChildren(QPushButton) if "save" in b.text().lower()]


def test_flush_saves_synchronously_and_switching_flushes(
    qtbot: Any, app_ctx: Any, sample: Any
) -> None:
    ed = _editor(qtbot, app_ctx)
    ed.show_meeting(sample.second.id)
    qtbot.keyClicks(ed.shared, "last words")
    ed.flush()  # no event loop turn: written right now
    assert app_ctx.store.meetings.get(sample.second.id).shared_notes == "last words"
    qtbot.keyClicks(ed.shared, " and more")
    ed.show_meeting(sample.first.id)  # switching meetings flushes first
    assert app_ctx.store.meetings.get(sample.second.id).shared_notes == "last words and more"
    assert SHARED_SENTINEL in ed.shared.toPlainText()
    _settle(qtbot)
    # A late background save never overwrites what flush() wrote.
    assert app_ctx.store.meetings.get(sample.second.id).shared_notes == "last words and more"


def test_structured_changes_are_undoable(qtbot: Any, app_ctx: Any, sample: Any) -> None:
    ed = _editor(qtbot, app_ctx)
    ed.show_meeting(sample.second.id)
    ed.topic_theme.setCurrentIndex(list(Theme).index(Theme.GROWTH))
    ed.topic_text.setFocus()
    qtbot.keyClicks(ed.topic_text, "Conference talk")
    qtbot.keyClick(ed.topic_text, Qt.Key.Key_Return)
    texts = lambda: [t.text for t in app_ctx.store.topics.list_for_meeting(sample.second.id)]  # noqa: E731
    assert "Conference talk" in texts()
    qtbot.keyClicks(ed.action_text, "Send the CFP link")
    qtbot.keyClick(ed.action_text, Qt.Key.Key_Return)
    owners = [(a.owner, a.text) for a in app_ctx.store.actions.open_actions(sample.alice.id)]
    assert (Owner.MANAGER, "Send the CFP link") in owners
    ed.mood.buttons()[5].click()
    assert app_ctx.store.meetings.get(sample.second.id).mood == 5
    ed.undo_stack.undo()  # mood
    assert app_ctx.store.meetings.get(sample.second.id).mood == 3
    ed.undo_stack.undo()  # action
    ed.undo_stack.undo()  # topic
    assert "Conference talk" not in texts()
    assert "Send the CFP link" not in [a.text for a in app_ctx.store.actions.open_actions()]
    ed.undo_stack.redo()  # topic again (a new row), then toggling it still works
    tid = next(
        t.id
        for t in app_ctx.store.topics.list_for_meeting(sample.second.id)
        if t.text == "Conference talk"
    )
    ed.topic_view.setCurrentIndex(ed.topics.topic_index(tid))
    ed.topic_view.setFocus()
    ed.toggle_action.trigger()
    assert app_ctx.store.topics.get(tid).state == TopicState.DISCUSSED


def test_search_opens_the_meeting_at_the_hit(qtbot: Any, app_ctx: Any, sample: Any) -> None:
    page = SearchPage(app_ctx)
    qtbot.addWidget(page)
    page.show()
    ed = _editor(qtbot, app_ctx)
    app_ctx.events.open_meeting.connect(ed.show_meeting)
    page.focus_query("roadmap")
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=5000)
    # Rich text in a note is painted literally: the snippet holds the segments, not HTML.
    with qtbot.waitSignal(app_ctx.events.open_meeting) as sig:
        page.open_hit(page.model.index(0, 0))
    assert sig.args == [sample.first.id]
    assert ed.meeting_id == sample.first.id
    assert ed.shared.textCursor().selectedText() == "roadmap"


def test_privacy_mode_hides_private_text_on_every_page(
    qtbot: Any, app_ctx: Any, sample: Any
) -> None:
    pages = [
        DashboardPage(app_ctx),
        PeoplePage(app_ctx),
        PersonPage(app_ctx),
        MeetingEditor(app_ctx),
        SearchPage(app_ctx),
    ]
    for p in pages:
        qtbot.addWidget(p)
        p.resize(1100, 760)
        p.show()
        p.refresh()
    _dash, _people, person, ed, search = pages
    person.show_person(sample.alice.id)
    ed.show_meeting(sample.first.id)
    search.focus_query("SENTINEL")
    _settle(qtbot)
    # Shared and private hits of one meeting: one row (search groups hits per meeting).
    qtbot.waitUntil(lambda: search.model.rowCount() == 1, timeout=5000)
    before = " ".join(t for p in pages for t in visible_texts(p))
    assert PRIVATE_SENTINEL in before and "Bob Sample" in before
    for p in pages:
        p.set_privacy(True)
    _settle(qtbot)
    after = " ".join(t for p in pages for t in visible_texts(p))
    assert PRIVATE_SENTINEL not in after
    assert "Bob Sample" not in after  # other people's data is gone too
    assert SHARED_SENTINEL in after  # the open meeting's shared notes stay
    # Typing in privacy mode and flushing never erases the private notes.
    qtbot.keyClicks(ed.shared, " more")
    ed.flush()
    assert PRIVATE_SENTINEL in app_ctx.store.meetings.get(sample.first.id).private_notes
    for p in pages:
        p.set_privacy(False)
    _settle(qtbot)
    assert ed.private.toPlainText().endswith(PRIVATE_SENTINEL)


def test_clear_leaves_no_note_text_in_any_widget(qtbot: Any, app_ctx: Any, sample: Any) -> None:
    pages = [
        DashboardPage(app_ctx),
        PeoplePage(app_ctx),
        PersonPage(app_ctx),
        MeetingEditor(app_ctx),
        SearchPage(app_ctx),
    ]
    for p in pages:
        qtbot.addWidget(p)
        p.show()
        p.refresh()
    _dash, _people, person, ed, search = pages
    person.show_person(sample.alice.id)
    ed.show_meeting(sample.first.id)
    qtbot.keyClicks(ed.shared, " typed")
    search.focus_query("SENTINEL")
    # Shared and private hits of one meeting: one row (search groups hits per meeting).
    qtbot.waitUntil(lambda: search.model.rowCount() == 1, timeout=5000)
    _settle(qtbot)
    for p in pages:
        p.flush()
        p.clear()
    _settle(qtbot)
    texts = " ".join(t for p in pages for t in all_texts(p))
    for secret in (
        PRIVATE_SENTINEL,
        SHARED_SENTINEL,
        "Alice Example",
        "Bob Sample",
        "Tech lead in 2 years",
        "Path to tech lead",
        "architecture guild",
    ):
        assert secret not in texts
    assert "True" not in texts  # no document keeps an undo history
    assert ed.undo_stack.count() == 0
    assert app_ctx.store.meetings.get(sample.first.id).shared_notes.endswith(" typed")


def test_person_page_shows_log_goals_and_charts(qtbot: Any, app_ctx: Any, sample: Any) -> None:
    page = PersonPage(app_ctx)
    qtbot.addWidget(page)
    page.show()
    page.show_person(sample.alice.id)
    assert page.history.rowCount() == 2
    assert page.title.text() == "Alice Example"
    assert [a.text for a in page.actions_model.rows()] == [
        "Introduce Alice to the architecture guild"
    ]
    assert [m for _, m in page.mood_chart.points()] == [4, 3]
    assert page.theme_bars.counts()[Theme.CAREER] >= 1
    with qtbot.waitSignal(app_ctx.events.open_meeting) as sig:
        page.history_view.doubleClicked.emit(page.history.index(0, 0))
    assert sig.args == [sample.second.id]
    page.goals.setFocus()
    qtbot.keyClicks(page.goals, " and mentor")
    page.flush()
    assert app_ctx.store.people.get(sample.alice.id).career_goals.endswith(" and mentor")
    with qtbot.waitSignal(app_ctx.events.new_meeting) as sig:
        qtbot.mouseClick(page.new_button, Qt.MouseButton.LeftButton)
    assert sig.args == [sample.alice.id]


def test_dashboard_shows_rates_actions_and_hides_in_privacy(
    qtbot: Any, app_ctx: Any, sample: Any
) -> None:
    page = DashboardPage(app_ctx)
    qtbot.addWidget(page)
    page.show()
    page.refresh()
    qtbot.waitUntil(lambda: page.data is not None, timeout=5000)
    assert page.month_gauge.rate() is not None
    assert [a.text for a in page.mine_model.rows()] == ["Introduce Alice to the architecture guild"]
    assert page.upcoming_model.rowCount() >= 1
    assert "Bob Sample" in " ".join(visible_texts(page))
    page.set_privacy(True)
    texts = " ".join(visible_texts(page))
    assert "Bob Sample" not in texts and "Alice Example" not in texts
    assert page.privacy_note.isVisible()


def test_dashboard_columns_fit_what_a_refresh_brings(qtbot: Any, app_ctx: Any, sample: Any) -> None:
    page = DashboardPage(app_ctx)
    qtbot.addWidget(page)
    page.resize(1200, 800)
    page.show()
    page.refresh()
    qtbot.waitUntil(lambda: page.data is not None, timeout=5000)
    view, model = page.overdue_view, page.overdue_model
    name = "Bartholomew Featherstonehaugh-Worthington"
    app_ctx.store.people.add(name, cadence_days=7, started_on=date.today() - timedelta(days=60))
    app_ctx.events.data_changed.emit()
    qtbot.waitUntil(lambda: name in [st.person.name for st in model.rows()], timeout=5000)
    # The date column is sized to what arrived (it is sized when rows arrive); the name
    # takes the rest and elides when it must, never the date (issue 17).
    assert view.columnWidth(PeopleModel.NEXT_DUE) >= view.sizeHintForColumn(PeopleModel.NEXT_DUE)
    assert view.columnWidth(PeopleModel.NAME) > view.fontMetrics().horizontalAdvance("Bartholomew")


def test_new_meeting_appears_in_the_open_editor_with_carry_over(
    qtbot: Any, app_ctx: Any, sample: Any
) -> None:
    ed = _editor(qtbot, app_ctx)
    ed.show_meeting(sample.second.id)
    assert ed.history.rowCount() == 2
    ed.add_topic(Theme.WORK, "Release checklist")
    # What the window does on events.new_meeting: create with carry-over, then open it.
    new = app_ctx.store.meetings.create(
        sample.alice.id, sample.second.starts_at.replace(year=sample.second.starts_at.year + 1)
    )
    ed.show_meeting(new.id)
    assert ed.history.rowCount() == 3
    assert ed.history.index(0, 0).data(OBJECT_ROLE).id == new.id
    carried = {t.text: t.is_carried for t in ed.topics.topics()}
    assert carried == {"Path to tech lead": True, "Release checklist": True}


def test_question_bank_adds_topics_in_the_ui_language(
    qtbot: Any, app_ctx: Any, sample: Any
) -> None:
    from taiwa.ui.meeting_editor import QuestionBankDialog

    ed = _editor(qtbot, app_ctx)
    ed.show_meeting(sample.second.id)
    i18n.set_language("ja")
    try:
        dlg = QuestionBankDialog(app_ctx, ed)
        qtbot.addWidget(dlg)
        dlg.theme.setCurrentIndex(1 + list(Theme).index(Theme.CAREER))
        assert dlg.list.count() > 0
        first = dlg.list.item(0).text()
        assert any("\u3040" <= ch <= "\u9fff" for ch in first)
        dlg.list.setCurrentRow(0)
        for theme, text in dlg.chosen():
            ed.add_topic(theme, text)
    finally:
        i18n.set_language(None)
    topics = app_ctx.store.topics.list_for_meeting(sample.second.id)
    assert (Theme.CAREER, first) in [(t.theme, t.text) for t in topics]


def test_action_owner_and_due_are_editable_and_undoable(
    qtbot: Any, app_ctx: Any, sample: Any
) -> None:
    from datetime import date

    from taiwa.ui.widgets.delegates import ActionItemDelegate

    ed = _editor(qtbot, app_ctx)
    ed.show_meeting(sample.second.id)
    [action] = ed.actions_model.rows()
    assert isinstance(ed.action_view.itemDelegate(), ActionItemDelegate)
    row = ed.actions_model.row_of(action.id)
    ed.actions_model.setData(ed.actions_model.index(row, ActionsModel.OWNER), "report")
    assert app_ctx.store.actions.get(action.id).owner == Owner.REPORT
    ed.actions_model.setData(ed.actions_model.index(row, ActionsModel.DUE), None)
    assert app_ctx.store.actions.get(action.id).due_on is None
    ed.actions_model.setData(ed.actions_model.index(row, ActionsModel.DUE), date(2031, 1, 2))
    assert app_ctx.store.actions.get(action.id).due_on == date(2031, 1, 2)
    for _ in range(3):
        ed.undo_stack.undo()
    restored = app_ctx.store.actions.get(action.id)
    assert (restored.owner, restored.due_on) == (action.owner, action.due_on)
    # The delegate's editors round-trip the values (owner choice, "no due date").
    delegate = ed.action_view.itemDelegate()
    idx = ed.actions_model.index(row, ActionsModel.DUE)
    editor = delegate.createEditor(ed.action_view.viewport(), None, idx)
    editor.setDate(editor.minimumDate())
    delegate.setModelData(editor, ed.actions_model, idx)
    assert app_ctx.store.actions.get(action.id).due_on is None


def test_topic_moves_to_another_theme(qtbot: Any, app_ctx: Any, sample: Any) -> None:
    ed = _editor(qtbot, app_ctx)
    ed.show_meeting(sample.second.id)
    [topic] = ed.topics.topics()
    ed.topic_view.setCurrentIndex(ed.topics.topic_index(topic.id))
    ed._on_move_topic(Theme.GROWTH)
    assert app_ctx.store.topics.get(topic.id).theme == Theme.GROWTH
    assert ed.topics.index(0, 0).data(OBJECT_ROLE) == Theme.GROWTH
    ed.undo_stack.undo()
    assert app_ctx.store.topics.get(topic.id).theme == Theme.CAREER


def test_continuous_typing_is_saved_every_second(qtbot: Any, app_ctx: Any, sample: Any) -> None:
    ed = _editor(qtbot, app_ctx)
    ed.show_meeting(sample.second.id)
    ed.shared.setFocus()
    saved_while_typing = ""
    for _ in range(22):  # ~2.2 s of typing without a pause longer than the debounce
        qtbot.keyClicks(ed.shared, "ab")
        qtbot.wait(100)
        saved_while_typing = app_ctx.store.meetings.get(sample.second.id).shared_notes
    # The 1 s deadline saved part of it although the 500 ms pause never came.
    assert saved_while_typing.startswith("abab")


def test_privacy_on_saves_private_text_typed_just_before(
    qtbot: Any, app_ctx: Any, sample: Any
) -> None:
    ed = _editor(qtbot, app_ctx)
    ed.show_meeting(sample.second.id)
    qtbot.keyClicks(ed.private, "just typed")
    ed.set_privacy(True)  # before any autosave could run
    assert app_ctx.store.meetings.get(sample.second.id).private_notes == "just typed"
    assert ed.private.toPlainText() == "" and not ed.private_panel.isVisible()
    _settle(qtbot)
    ed.set_privacy(False)
    assert ed.private.toPlainText() == "just typed"


def test_search_hit_in_career_goals_opens_the_person(qtbot: Any, app_ctx: Any, sample: Any) -> None:
    page = SearchPage(app_ctx)
    qtbot.addWidget(page)
    person = PersonPage(app_ctx)
    qtbot.addWidget(person)
    person.show()
    app_ctx.events.open_person.connect(person.show_person)
    page.focus_query("Tech lead")
    qtbot.waitUntil(lambda: page.model.rowCount() >= 1, timeout=5000)
    row = next(
        r
        for r in range(page.model.rowCount())
        if str(page.model.index(r, 0).data(OBJECT_ROLE).kind) == "career_goals"
    )
    page.open_hit(page.model.index(row, 0))
    assert person.current_person_id() == sample.alice.id
    assert person.goals.textCursor().selectedText().casefold() == "tech lead"
