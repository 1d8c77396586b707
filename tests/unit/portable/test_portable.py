"""Portable export and import (issue 18 part B): round trip, privacy, bad input, all or nothing."""

from __future__ import annotations

import json
import stat
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from taiwa import demo
from taiwa.domain.models import ActionDraft, Owner, Theme, TopicDraft
from taiwa.portable import export_data, handover, import_data, jsonfile
from taiwa.portable.problems import ImportRefusedError, PortableError
from taiwa.store import Store
from taiwa.store.transfer import Bundle, Transfer
from taiwa.vault.database import Database
from taiwa.vault.keys import RawKey

PRIVATE = "PRIVATE-SENTINEL-4411"
SHARED = "共有メモ SHARED-5522"


def _new_db(folder: Path) -> Database:
    folder.mkdir(mode=0o700)
    return Database.create(folder / "taiwa.db", RawKey.generate())


@pytest.fixture
def other(tmp_path: Path) -> Iterator[Database]:
    database = _new_db(tmp_path / "other")
    try:
        yield database
    finally:
        database.close()


@pytest.fixture
def filled(db: Database) -> Database:
    store = Store(db)
    hanako = store.people.add("山田 花子", emails=["hanako@example.com"], role="Engineer")
    store.people.add("Taro Sato", emails=["taro@example.com"], team="Platform")
    first = store.meetings.create(
        hanako.id,
        "2026-10-06T10:00:00+09:00",
        status="held",
        mood=2,
        shared_notes=SHARED,
        private_notes=PRIVATE,
        topics=[TopicDraft(Theme.CAREER, "キャリアの話"), TopicDraft(Theme.WORK, "release")],
        actions=[ActionDraft(Owner.REPORT, "設計レビュー", date(2026, 10, 20))],
        zone="Asia/Tokyo",
    )
    store.meetings.create(hanako.id, "2026-10-20T10:00:00+09:00", status="planned")
    store.actions.set_done(first.actions[0].id, "2026-10-19")
    return db


def _files(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def test_export_writes_json_csv_and_one_note_per_meeting_privately(
    filled: Database, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    summary = export_data.export(filled, out)
    files = _files(out)
    assert summary.meetings == 2
    assert sorted(files) == [
        "actions.csv",
        "notes/2026-10-06-m1-山田-花子.md",
        "notes/2026-10-20-m2-山田-花子.md",
        "taiwa.json",
    ]
    assert stat.S_IMODE(out.stat().st_mode) == 0o700
    assert stat.S_IMODE((out / "notes").stat().st_mode) == 0o700
    for name in files:
        assert stat.S_IMODE((out / name).stat().st_mode) == 0o600
    everything = b"".join(files.values()).decode("utf-8")
    assert SHARED in everything
    assert PRIVATE not in everything
    assert '"mood"' not in everything
    doc = json.loads(files["taiwa.json"])
    assert doc["schema_version"] == jsonfile.SCHEMA_VERSION
    assert doc["private_parts_included"] is False
    note = next(v for k, v in files.items() if k.startswith("notes/2026-10-06")).decode()
    assert note.startswith("---\ntaiwa_format: 1\n")
    assert 'person: "山田 花子"' in note and 'date: "2026-10-06"' in note
    assert "- [x] (report) 設計レビュー — due 2026-10-20 — done 2026-10-19" in note
    csv_text = files["actions.csv"].decode("utf-8-sig")
    assert csv_text.splitlines()[0].startswith("ref,person,meeting")
    assert "設計レビュー" in csv_text


def test_private_parts_only_when_asked(filled: Database, tmp_path: Path) -> None:
    export_data.export(filled, tmp_path / "out", include_private=True)
    everything = b"".join(_files(tmp_path / "out").values()).decode("utf-8")
    assert PRIVATE in everything
    assert "mood: 2" in everything


def test_one_person(filled: Database, tmp_path: Path) -> None:
    taro = Store(filled).people.resolve("Taro")
    summary = export_data.export(filled, tmp_path / "out", person_id=taro.id)
    assert (summary.people, summary.meetings, summary.actions) == (1, 0, 0)
    assert Transfer(filled).counts(taro.id) == (1, 0, 0)
    assert Transfer(filled).counts() == (2, 2, 1)


def test_export_refuses_a_folder_that_is_not_empty(filled: Database, tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    (out / "keep.txt").write_text("mine")
    with pytest.raises(PortableError, match="not empty"):
        export_data.export(filled, out)
    assert _files(out) == {"keep.txt": b"mine"}


def test_round_trip_of_a_year_vault_gives_identical_files(
    db: Database, other: Database, tmp_path: Path
) -> None:
    demo.fill(db, demo.generate("year", today=date(2026, 11, 30)))
    first = export_data.export(db, tmp_path / "a", include_private=True)
    plan = import_data.prepare(other, tmp_path / "a" / "taiwa.json")
    assert plan.preview.ok and plan.preview.people_matched == 0
    written = import_data.apply(other, plan)
    assert (written.people, written.meetings, written.actions) == (
        first.people,
        first.meetings,
        first.actions,
    )
    export_data.export(other, tmp_path / "b", include_private=True)
    assert _files(tmp_path / "a") == _files(tmp_path / "b")
    # The vault reads the same too: carry-over links and search work on the imported data.
    assert Transfer(db).read(include_private=True) == Transfer(other).read(include_private=True)


def test_importing_twice_adds_nothing_and_people_are_matched(
    filled: Database, tmp_path: Path
) -> None:
    export_data.export(filled, tmp_path / "out", include_private=True)
    plan = import_data.prepare(filled, tmp_path / "out")  # the folder: its taiwa.json
    preview = plan.preview
    assert preview.kind is import_data.Kind.TAIWA_JSON
    assert (preview.people_new, preview.people_matched) == (0, 2)
    assert (preview.meetings_new, preview.meetings_skipped) == (0, 2)
    assert preview.actions_new == 0
    before = Transfer(filled).read(include_private=True)
    import_data.apply(filled, plan)
    assert Transfer(filled).read(include_private=True) == before


def test_newer_schema_version_is_refused(other: Database, tmp_path: Path) -> None:
    path = tmp_path / "new.json"
    path.write_text(json.dumps({"format": "taiwa", "schema_version": 99, "people": []}))
    with pytest.raises(PortableError) as caught:
        import_data.prepare(other, path)
    assert "version 99" in str(caught.value) and "Update Taiwa" in str(caught.value)


def test_bad_records_are_listed_and_nothing_is_written(other: Database, tmp_path: Path) -> None:
    doc = {
        "format": "taiwa",
        "schema_version": 1,
        "people": [
            {"ref": "p1", "name": "Good"},
            {"ref": "p2", "name": "", "emails": ["not-an-address NOTE-TEXT"]},
        ],
        "meetings": [
            {"ref": "m1", "person": "p1", "starts_at": "2026-13-45", "shared_notes": "x"},
            {"ref": "m2", "person": "p9", "starts_at": "2026-10-01T10:00:00Z"},
        ],
        "actions": [{"ref": "a1", "person": "p1", "owner": "boss", "text": "t"}],
    }
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(doc))
    plan = import_data.prepare(other, path)
    texts = [p.text("en") for p in plan.preview.problems]
    assert "person 2: name: The name must not be empty." in texts
    assert "person 2: emails is not valid." in texts
    assert "meeting 1: starts_at is not valid." in texts
    assert "meeting 2: person refers to a record that is not in the file." in texts
    assert "action 1: owner is not valid." in texts
    assert not any("NOTE-TEXT" in t or "2026-13-45" in t for t in texts)
    with pytest.raises(ImportRefusedError):
        import_data.apply(other, plan)
    assert Store(other).people.count(include_archived=True) == 0


def test_people_csv_with_a_malformed_row_and_people_already_there(
    filled: Database, tmp_path: Path
) -> None:
    path = tmp_path / "people.csv"
    path.write_text(
        "Name,E-mail,Role,Team,Start date\n"
        "Jiro Ito,jiro@example.com,Designer,UX,2024-04-01\n"
        "Hanako Again,HANAKO@example.com,,,\n"  # same e-mail as 山田 花子: matched
        "Bad Date,bad@example.com,,,01/04/2024\n"
        "No Mail,no-mail,,,\n",
        encoding="utf-8",
    )
    plan = import_data.prepare(filled, path)
    assert plan.kind is import_data.Kind.PEOPLE_CSV
    assert [p.text("en") for p in plan.preview.problems] == [
        "row 4: start date is not valid.",
        "row 5: email is not valid.",
    ]
    with pytest.raises(ImportRefusedError):
        import_data.apply(filled, plan)
    assert Store(filled).people.count() == 2
    path.write_text(
        "name,email,role,team,start_date\n"
        "Jiro Ito,jiro@example.com,Designer,UX,2024-04-01\n"
        "Hanako Again,HANAKO@example.com,,,\n"
        "\n"
        "taro sato,,,,\n",  # same name as Taro Sato: matched
        encoding="utf-8",
    )
    plan = import_data.prepare(filled, path)
    assert plan.preview.ok
    assert [(p.name, p.new) for p in plan.preview.people] == [
        ("Jiro Ito", True),
        ("Hanako Again", False),
        ("taro sato", False),
    ]
    import_data.apply(filled, plan)
    people = Store(filled).people
    assert people.count() == 3
    jiro = people.resolve("jiro@example.com")
    assert (jiro.role, jiro.team, jiro.started_on) == ("Designer", "UX", date(2024, 4, 1))
    assert people.resolve("hanako@example.com").name == "山田 花子"  # left as it was


def test_a_broken_csv_quote_is_reported_by_row(other: Database, tmp_path: Path) -> None:
    path = tmp_path / "people.csv"
    path.write_bytes(b'name,email\nA,a@example.com\n"B,"b@example.com\nC,c@example.com\n')
    plan = import_data.prepare(other, path)
    assert [p.text("en") for p in plan.preview.problems] == [
        "row 3: the row cannot be read as CSV."
    ]


def test_obsidian_folder_with_a_note_without_date(filled: Database, tmp_path: Path) -> None:
    vault = tmp_path / "obsidian"
    (vault / "Jiro Ito").mkdir(parents=True)
    (vault / ".obsidian").mkdir()
    (vault / ".obsidian" / "workspace.md").write_text("ignored")
    (vault / "Jiro Ito" / "first.md").write_text(
        "---\ndate: 2026-09-01\ntags: [1on1, work]\nmood: 4\n---\nTalked about onboarding.\n"
        "## Private notes\nseems tired\n"
    )
    (vault / "hanako.md").write_text(
        '---\nperson: "山田 花子"\nstarts_at: 2026-09-02T15:00:00+09:00\nstatus: held\n---\nメモ\n'
    )
    (vault / "undated.md").write_text("---\nperson: Jiro Ito\n---\nSECRET BODY\n")
    plan = import_data.prepare(filled, vault)
    assert plan.kind is import_data.Kind.NOTES_FOLDER
    texts = [p.text("en") for p in plan.preview.problems]
    assert texts == [
        "undated.md line 1: no date: add 'date: YYYY-MM-DD' to the note's front matter."
    ]
    with pytest.raises(ImportRefusedError):
        import_data.apply(filled, plan)
    (vault / "undated.md").unlink()
    plan = import_data.prepare(filled, vault)
    assert plan.preview.ok and plan.preview.private_parts
    assert [(p.name, p.new, p.meetings) for p in plan.preview.people] == [
        ("Jiro Ito", True, 1),
        ("山田 花子", False, 1),
    ]
    import_data.apply(filled, plan)
    store = Store(filled)
    jiro = store.people.resolve("Jiro Ito")
    meeting = store.meetings.list_for_person(jiro.id)[0]
    assert meeting.shared_notes == "Talked about onboarding."
    assert meeting.private_notes == "seems tired"
    assert meeting.mood == 4


def test_exported_notes_import_as_an_obsidian_folder_without_leaking_private_notes(
    filled: Database, other: Database, tmp_path: Path
) -> None:
    export_data.export(filled, tmp_path / "out", include_private=True)
    plan = import_data.prepare(other, tmp_path / "out" / "notes")
    assert plan.preview.ok
    import_data.apply(other, plan)
    store = Store(other)
    hanako = store.people.resolve("山田 花子")
    meetings = store.meetings.list_for_person(hanako.id)
    assert len(meetings) == 2
    assert not any(PRIVATE in m.shared_notes for m in meetings)
    assert any(SHARED in m.shared_notes and m.private_notes == PRIVATE for m in meetings)


def test_unknown_input_is_refused(other: Database, tmp_path: Path) -> None:
    path = tmp_path / "x.bin"
    path.write_bytes(b"\x00\x01garbage")
    with pytest.raises(PortableError, match="Cannot tell"):
        import_data.prepare(other, path)
    path.write_bytes("name,email\nA,a@example.com\n".encode("utf-16"))
    with pytest.raises(PortableError, match="not UTF-8"):
        import_data.prepare(other, path)


def test_handover_markdown_has_no_private_parts(filled: Database, tmp_path: Path) -> None:
    hanako = Store(filled).people.resolve("山田 花子")
    path = handover.write_markdown(filled, hanako.id, tmp_path / "h.md", lang="ja")
    text = path.read_text()
    assert text.startswith("# 引き継ぎ：山田 花子")
    assert SHARED in text and "キャリアの話" in text and "設計レビュー" in text
    assert PRIVATE not in text and "mood" not in text.lower() and "気分：" not in text
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    with pytest.raises(PortableError, match="already exists"):
        handover.write_markdown(filled, hanako.id, path)


def test_a_stopped_import_writes_nothing(db: Database, other: Database, tmp_path: Path) -> None:
    from taiwa.cancel import Cancelled

    demo.fill(db, demo.generate("year", today=date(2026, 11, 30)))
    export_data.export(db, tmp_path / "a")
    plan = import_data.prepare(other, tmp_path / "a")
    reports: list[tuple[int, int]] = []

    def stop() -> None:
        if reports:  # after the first progress report, well inside the transaction
            raise Cancelled()

    with pytest.raises(Cancelled):
        import_data.apply(other, plan, stop, lambda done, total: reports.append((done, total)))
    assert reports and reports[0][0] < reports[0][1]
    assert Transfer(other).read() == Bundle()
    assert Store(other).people.count(include_archived=True) == 0


def test_a_cancelled_export_leaves_no_folder(filled: Database, tmp_path: Path) -> None:
    from taiwa.cancel import Cancelled, CancelToken

    token = CancelToken()
    calls = 0

    def check() -> None:
        nonlocal calls
        calls += 1
        if calls > 2:  # after a note or two were written
            token.cancel()
        token.raise_if_cancelled()

    with pytest.raises(Cancelled):
        export_data.export(filled, tmp_path / "out", cancel=check)
    assert not (tmp_path / "out").exists()


def test_front_matter_subset() -> None:
    from taiwa.portable.markdown import read_front_matter

    front = read_front_matter(
        "---\ntitle: 1on1 'x'\ndate: 2026-10-06\ntags:\n  - 1on1\n  - career\nmood: 3\n"
        "person: \"Ann \\\"A\\\"\"\nnote: 'it''s'\n---\nbody\n"
    )
    assert front.values == {
        "title": "1on1 'x'",
        "date": "2026-10-06",
        "tags": ["1on1", "career"],
        "mood": 3,
        "person": 'Ann "A"',
        "note": "it's",
    }
    assert front.lines["date"] == 3 and front.body == "body\n"
    unclosed = read_front_matter("---\ndate: 2026-10-06\nno end")
    assert unclosed.values == {} and unclosed.body.startswith("---")


def test_a_file_repeating_an_address_or_a_calendar_event_is_refused(
    other: Database, tmp_path: Path
) -> None:
    event = {"starts_at": "2026-10-01T01:00:00Z", "ics_uid": "u1", "ics_recurrence_id": "r1"}
    doc = {
        "format": "taiwa",
        "schema_version": 1,
        "people": [
            {"ref": "p1", "name": "A", "emails": ["a@example.com", "A@example.com"]},
            {"ref": "p2", "name": "B", "emails": ["A@EXAMPLE.com"]},
        ],
        "meetings": [
            {"ref": "m1", "person": "p1", **event},
            {"ref": "m2", "person": "p1", **event},
        ],
    }
    path = tmp_path / "dup.json"
    path.write_text(json.dumps(doc))
    plan = import_data.prepare(other, path)
    assert [p.text("en") for p in plan.preview.problems] == [
        "person 2: an e-mail address of person 1 is given again.",
        "meeting 2: the same calendar event as meeting 1.",
    ]
    doc["people"] = doc["people"][:1]
    doc["meetings"] = doc["meetings"][:1]
    path.write_text(json.dumps(doc))
    plan = import_data.prepare(other, path)
    assert plan.preview.ok
    import_data.apply(other, plan)
    assert Store(other).people.resolve("a@example.com").emails == ("a@example.com",)
