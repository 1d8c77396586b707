"""The prep facts, sheet, answer block and recap on a real vault: shared content only."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from taiwa.domain.models import ActionDraft, MeetingStatus, Owner, Theme, TopicDraft, TopicState
from taiwa.errors import InputError
from taiwa.prep import answers, facts, recap, sheet
from taiwa.store import Store
from taiwa.vault.database import Database

NOW = datetime(2026, 12, 3, 9, 0, tzinfo=UTC)
PRIVATE = "PRIVATE-SENTINEL-7731"
GOALS = "GOALS-SENTINEL-5521"
PURPOSE = "PURPOSE-SENTINEL-3312"


@pytest.fixture
def store(db: Database) -> Store:
    s = Store(db)
    person = s.people.add("鈴木 一郎", emails=["ichiro@example.com"], career_goals=GOALS)
    s.meetings.create(
        person.id,
        NOW - timedelta(days=14),
        status=MeetingStatus.HELD,
        mood=2,
        purpose=PURPOSE,
        shared_notes="共有メモ: release plan; reviewed, agreed",
        private_notes=PRIVATE,
        topics=[
            TopicDraft(Theme.WORK, "リリース計画", state=TopicState.DISCUSSED),
            TopicDraft(Theme.WORK, "オンコール体制"),
        ],
        actions=[
            ActionDraft(Owner.REPORT, "設計レビューの準備", date(2026, 11, 25)),
            ActionDraft(Owner.MANAGER, "研修の予算を確認", date(2026, 12, 20)),
        ],
    )
    return s


def person_id(store: Store) -> int:
    return store.people.resolve("鈴木").id


def test_facts_show_last_actions_open_topics_and_thin_themes(store: Store) -> None:
    f = facts.build(store, person_id(store), "ja", NOW)
    assert [a.text for a in f.last_actions] == ["設計レビューの準備", "研修の予算を確認"]
    assert [t.text for t in f.open_topics] == ["オンコール体制"]
    assert f.balance[Theme.WORK] == 2
    assert f.thin == (Theme.GROWTH, Theme.CAREER)
    assert set(f.questions) == {Theme.GROWTH, Theme.CAREER}
    assert all(q for qs in f.questions.values() for q in qs)
    # Cadence 14 days from the last 1on1, same time of day, never in the past.
    assert f.next_at > NOW


def test_thin_themes_rule() -> None:
    assert facts.thin_themes({Theme.WORK: 3, Theme.GROWTH: 3, Theme.CAREER: 2}) == ()
    assert facts.thin_themes({Theme.WORK: 10, Theme.GROWTH: 1, Theme.CAREER: 4}) == (Theme.GROWTH,)
    assert facts.thin_themes({}) == facts.HORIZONS


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_sheets_hold_shared_content_and_no_private_field(store: Store, lang: str) -> None:
    f = facts.build(store, person_id(store), lang, NOW)
    for text in (sheet.markdown(f), sheet.html(f)):
        assert "設計レビューの準備" in text and "オンコール体制" in text
        for sentinel in (PRIVATE, GOALS, PURPOSE, "共有メモ"):
            assert sentinel not in text
        assert not re.search(r"mood|気分", text, re.IGNORECASE)
    assert ("Preparing our next 1on1" if lang == "en" else "次の 1on1 の準備") in sheet.markdown(f)


def test_html_sheet_is_self_contained(store: Store) -> None:
    page = sheet.html(facts.build(store, person_id(store), "en", NOW))
    assert "Content-Security-Policy" in page and "default-src 'none'" in page
    assert not re.search(r"(src|href)\s*=\s*[\"']?(https?:|//)", page)
    assert "<script src" not in page and "<link" not in page
    assert 'data-person="' in page and answers.BEGIN in page


def test_markdown_template_filled_by_reply_round_trips(store: Store) -> None:
    md = sheet.markdown(facts.build(store, person_id(store), "en", NOW))
    body = md.split("```")[1]
    filled = body.replace("career: ", "career: いつか海外で働きたい").replace(
        "work: ", "work: on-call load"
    )
    # As a mail reply quotes it, with text around it.
    reply = "Hi,\n\n" + "\n".join("> " + line for line in filled.strip().splitlines()) + "\nBye"
    answer = answers.parse(reply)
    assert answer.person_id == person_id(store)
    assert [(i.theme, i.text) for i in answer.items] == [
        (Theme.WORK, "on-call load"),
        (Theme.CAREER, "いつか海外で働きたい"),
    ]


def test_fold_and_parse_long_items() -> None:
    long_en = "word " * 40
    long_ja = "あ" * 150
    text = answers.block(7, date(2026, 12, 3), [(Theme.GROWTH, long_en), (Theme.OTHER, long_ja)])
    assert all(len(line) <= answers.FOLD_WIDTH + 10 for line in text.splitlines())
    assert not any(line.endswith(" ") for line in text.splitlines())
    parsed = answers.parse(text)
    assert [i.text for i in parsed.items] == [" ".join(long_en.split()), long_ja]


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ("hello", "No Taiwa answer block"),
        (answers.BEGIN + "\nperson: 1\nsheet: 2026-12-03\nwork: x\n", "no end line"),
        (answers.BEGIN.replace("v1", "v2") + "\n" + answers.END, "sheet version 2"),
        (answers.BEGIN + "\nperson: 1\nsheet: 2026-12-03\nSECRET stuff\n" + answers.END, "Line 4"),
        (answers.BEGIN + "\nperson: 1\nsheet: 2026-12-03\nmood: SECRET\n" + answers.END, "Line 4"),
        (answers.BEGIN + "\nperson: x\nsheet: 2026-12-03\nwork: a\n" + answers.END, "'person'"),
        (answers.BEGIN + "\nsheet: 2026-12-03\nwork: a\n" + answers.END, "no 'person:'"),
        (answers.BEGIN + "\nperson: 1\nsheet: 2026-12-03\nwork:\n" + answers.END, "no items"),
        (answers.BEGIN + "\n  SECRET\n" + answers.END, "continues no item"),
        ("x" * (answers.MAX_BYTES + 1), "larger than"),
        (
            answers.block(1, date(2026, 12, 3), [(Theme.WORK, "a")] * 2) * 2,
            "more than one answer block",
        ),
        (
            answers.block(1, date(2026, 12, 3), [(Theme.WORK, f"i{n}") for n in range(31)]),
            "more than 30 items",
        ),
    ],
)
def test_bad_answers_get_one_clear_line_without_content(text: str, fragment: str) -> None:
    with pytest.raises(InputError) as caught:
        answers.parse(text)
    message = caught.value.localized("en")
    assert fragment in message
    assert "SECRET" not in message and "\n" not in message
    assert "SECRET" not in caught.value.localized("ja")


def test_answer_for_another_person_is_refused(store: Store) -> None:
    other = store.people.add("Other Person")
    answer = answers.parse(answers.block(other.id, date(2026, 12, 3), [(Theme.WORK, "x")]))
    with pytest.raises(InputError, match="another person"):
        answers.plan(store, person_id(store), answer, NOW)


def test_apply_creates_the_next_meeting_then_adds_to_it(store: Store) -> None:
    pid = person_id(store)
    answer = answers.parse(
        answers.block(pid, date(2026, 12, 3), [(Theme.CAREER, "異動の相談"), (Theme.WORK, "x")])
    )
    first = answers.plan(store, pid, answer, NOW)
    assert first.meeting is None
    meeting = answers.apply(store, first)
    assert meeting.status is MeetingStatus.PLANNED
    texts = [t.text for t in meeting.topics]
    assert "オンコール体制" in texts and "異動の相談" in texts  # carried over, then the answer
    second = answers.plan(store, pid, answer, NOW)
    assert second.meeting is not None and second.meeting.id == meeting.id
    again = answers.apply(store, second)
    assert [t.text for t in again.topics].count("異動の相談") == 2
    assert all(t.raised_by is Owner.REPORT for t in again.topics if t.text == "異動の相談")


def test_recap_text_and_ics(store: Store, tmp_path: Path) -> None:
    pid = person_id(store)
    held = store.meetings.list_for_person(pid)[0]
    r = recap.build(store, held.id, "ja")
    text = recap.markdown(r)
    assert "共有メモ" in text and "[本人] 設計レビューの準備" in text and "2026-11-25" in text
    path = recap.write_ics(r, tmp_path / "next.ics")
    raw = path.read_bytes()
    assert (path.stat().st_mode & 0o777) == 0o600
    for sentinel in (PRIVATE, GOALS, PURPOSE):
        assert sentinel.encode() not in raw and sentinel not in text
    assert b"\r\n" in raw and all(len(line) <= 75 for line in raw.split(b"\r\n"))
    unfolded = raw.decode("utf-8").replace("\r\n ", "")
    assert "DESCRIPTION:" in unfolded and "オンコール体制" in unfolded
    assert "DTSTART:" in unfolded and "BEGIN:VEVENT" in unfolded


def test_ics_escaping_and_folding() -> None:
    assert recap.escape_text("a,b;c\\d\ne") == "a\\,b\\;c\\\\d\\ne"
    line = "DESCRIPTION:" + "日本語" * 40
    folded = recap.fold(line)
    assert all(len(part.encode()) <= 75 for part in folded.split("\r\n"))
    assert folded.replace("\r\n ", "") == line


def test_ics_parses_with_icalendar(store: Store) -> None:
    icalendar = pytest.importorskip("icalendar")
    r = recap.build(store, store.meetings.list_for_person(person_id(store))[0].id, "en")
    cal = icalendar.Calendar.from_ical(recap.ics(r, NOW))
    event = next(iter(cal.walk("VEVENT")))
    assert "オンコール体制" in str(event["DESCRIPTION"])
    assert str(event["SUMMARY"]) == "1on1: 鈴木 一郎"


def test_a_saved_mail_is_decoded_before_reading() -> None:
    from email.message import EmailMessage

    block = answers.block(3, date(2026, 12, 3), [(Theme.CAREER, "いつか海外で働きたい " * 4)])
    for cte in ("quoted-printable", "base64"):
        mail = EmailMessage()
        mail["From"] = "report@example.com"
        mail["Subject"] = "Re: 1on1"
        mail.set_content("こんにちは\n\n" + block, cte=cte)
        raw = mail.as_bytes()
        assert "海外".encode() not in raw  # transfer-encoded in the file
        answer = answers.parse(answers.decode(raw))
        assert answer.items[0].text.startswith("いつか海外で働きたい")
    assert answers.decode(block.encode()) == block  # plain text stays as it is


def test_text_that_looks_like_a_header_is_not_taken_for_a_mail() -> None:
    block = answers.block(3, date(2026, 12, 3), [(Theme.CAREER, "異動の相談")])
    for head in ("Re: 1on1\n\n", "Subject: 1on1\nFrom: x@example.com\n\n"):
        raw = (head + block).encode()
        assert answers.parse(answers.decode(raw)).items[0].text == "異動の相談"
