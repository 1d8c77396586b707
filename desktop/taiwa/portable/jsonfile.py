"""Taiwa's own JSON file (``taiwa.json``): every record, schema-versioned (no Qt).

The format is described in docs/portable-format.md. :func:`dump` is deterministic (same
records, same bytes: no export time, keys in a fixed order), which is what makes the round trip
export → import into an empty vault → export give identical files.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Callable
from datetime import UTC, date, datetime
from typing import Any, TypeVar

from taiwa.domain import validate
from taiwa.domain.models import MeetingSource
from taiwa.errors import TaiwaError
from taiwa.i18n import Msg
from taiwa.portable import limits
from taiwa.portable.problems import (
    MISSING_FIELD,
    PortableError,
    Problem,
    field_problem,
)
from taiwa.store import _convert as cv
from taiwa.store.transfer import ActionRecord, Bundle, MeetingRecord, PersonRecord, TopicRecord

FORMAT = "taiwa"
#: The version this Taiwa writes and the newest it reads. Raise it when a field changes meaning
#: or a required field appears; optional new fields an older reader may ignore do not need it.
SCHEMA_VERSION = 1

NOT_JSON = Msg(
    "The file is not a Taiwa JSON file (it is not valid JSON or not UTF-8).",
    "このファイルは Taiwa の JSON ファイルではありません（JSON または UTF-8 として読めません）。",
)
NOT_TAIWA = Msg(
    'The JSON file was not written by Taiwa (no "format": "taiwa").',
    'この JSON ファイルは Taiwa が書き出したものではありません（"format": "taiwa" がありません）。',
)
NEWER = Msg(
    "The file uses data format version {version}, newer than this Taiwa reads (up to {latest})."
    " Update Taiwa to import it; nothing was imported.",
    "このファイルのデータ形式はバージョン {version} で、この Taiwa が読める {latest} より新しい"
    "ものです。Taiwa を更新してから取り込んでください。何も取り込んでいません。",
)
BAD_VERSION = Msg(
    "The file's schema_version is missing or not valid.",
    "ファイルの schema_version がないか、正しくありません。",
)
TOO_BIG = Msg(
    "The file is larger than {limit} MB; nothing was imported.",
    "ファイルが {limit} MB を超えています。何も取り込んでいません。",
)
TOO_MANY = Msg(
    "The file holds more than {limit} {what}; nothing was imported.",
    "ファイルの {what} が {limit} 件を超えています。何も取り込んでいません。",
)
TOO_COMPLEX = Msg(
    "The file is too deeply nested or holds too many values to be a Taiwa file; nothing was"
    " imported.",
    "入れ子が深すぎるか値が多すぎるため、Taiwa のファイルとして読めません。何も取り込んでいません。",
)
UNKNOWN_REF = Msg(
    "{field} refers to a record that is not in the file.",
    "{field} がファイルにないレコードを指しています。",
)
DUPLICATE_REF = Msg("its ref is used twice.", "ref が重複しています。")
DUPLICATE_EMAIL = Msg(
    "an e-mail address of {other} is given again.",
    "{other} と同じメールアドレスがあります。",
)
DUPLICATE_EVENT = Msg("the same calendar event as {other}.", "{other} と同じカレンダーの予定です。")
NOT_A_RECORD = Msg("not a JSON object.", "JSON オブジェクトではありません。")
PERSON_AT = Msg("person {n}", "{n} 人目の人")
MEETING_AT = Msg("meeting {n}", "{n} 件目のミーティング")
TOPIC_AT = Msg("meeting {n}, topic {k}", "{n} 件目のミーティングの {k} 番目の話題")
ACTION_AT = Msg("action {n}", "{n} 件目のアクション")

T = TypeVar("T")


# -- writing ------------------------------------------------------------------------------------


def _day(value: date | None) -> str | None:
    return None if value is None else value.isoformat()


def _time(value: datetime | None) -> str | None:
    return None if value is None else cv.ts(value)


def to_dict(bundle: Bundle) -> dict[str, Any]:
    """The bundle as the JSON document's object (private fields only when the bundle has them)."""
    meetings = []
    for m in bundle.meetings:
        item: dict[str, Any] = {
            "ref": m.ref,
            "person": m.person,
            "starts_at": _time(m.starts_at),
            "ends_at": _time(m.ends_at),
            "zone": m.zone,
            "status": m.status.value,
            "source": m.source.value,
            "ics_uid": m.ics_uid,
            "ics_recurrence_id": m.ics_recurrence_id,
            "ics_sequence": m.ics_sequence,
            "role": m.role,
            "team": m.team,
            "purpose": m.purpose,
            "wanted_response": None if m.wanted_response is None else m.wanted_response.value,
            "shared_notes": m.shared_notes,
        }
        if bundle.include_private:
            item["mood"] = m.mood
            item["private_notes"] = m.private_notes
        item["topics"] = [
            {
                "ref": t.ref,
                "theme": t.theme.value,
                "text": t.text,
                "raised_by": t.raised_by.value,
                "state": t.state.value,
                "carried_from": t.carried_from,
            }
            for t in m.topics
        ]
        meetings.append(item)
    return {
        "format": FORMAT,
        "schema_version": SCHEMA_VERSION,
        "private_parts_included": bundle.include_private,
        "people": [
            {
                "ref": p.ref,
                "name": p.name,
                "emails": list(p.emails),
                "role": p.role,
                "team": p.team,
                "started_on": _day(p.started_on),
                "cadence_days": p.cadence_days,
                "career_goals": p.career_goals,
                "archived": p.archived,
            }
            for p in bundle.people
        ],
        "meetings": meetings,
        "actions": [
            {
                "ref": a.ref,
                "person": a.person,
                "meeting": a.meeting,
                "owner": a.owner.value,
                "text": a.text,
                "due_on": _day(a.due_on),
                "done_on": _day(a.done_on),
                "created_at": _time(a.created_at),
            }
            for a in bundle.actions
        ],
    }


def dump(bundle: Bundle) -> bytes:
    """The JSON file's bytes: UTF-8, two-space indent, a final newline."""
    text = json.dumps(to_dict(bundle), ensure_ascii=False, indent=2)
    return (text + "\n").encode("utf-8")


# -- reading ------------------------------------------------------------------------------------


def looks_like_json(head: bytes) -> bool:
    """Whether the first bytes of a file start a JSON object (after a BOM and blanks)."""
    return head.removeprefix(b"\xef\xbb\xbf").lstrip().startswith(b"{")


def parse(data: bytes) -> dict[str, Any]:
    """The top object of a Taiwa JSON file, after the size and shape checks.

    Raises:
        PortableError: too big, not JSON, not Taiwa's, or a newer schema version.
    """
    if len(data) > limits.MAX_JSON_BYTES:
        raise PortableError(TOO_BIG, limit=limits.MAX_JSON_BYTES // (1024 * 1024))
    # Counted on the bytes, before json builds any object (see limits).
    containers = data.count(b"[") + data.count(b"{")
    if containers > limits.MAX_JSON_CONTAINERS or data.count(b'"') > limits.MAX_JSON_QUOTES:
        raise PortableError(TOO_COMPLEX)
    try:
        top = json.loads(data.decode("utf-8-sig"))
    except RecursionError:
        raise PortableError(TOO_COMPLEX) from None
    except (UnicodeDecodeError, ValueError):
        raise PortableError(NOT_JSON) from None
    if not isinstance(top, dict) or top.get("format") != FORMAT:
        raise PortableError(NOT_TAIWA)
    version = top.get("schema_version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise PortableError(BAD_VERSION)
    if version > SCHEMA_VERSION:
        raise PortableError(NEWER, version=version, latest=SCHEMA_VERSION)
    return top


class _Reader:
    """Checks one record's fields and collects a problem per bad field."""

    def __init__(
        self, at: Msg, params: dict[str, int], item: object, problems: list[Problem]
    ) -> None:
        # Where the record is, worded only when a problem needs it (most records have none).
        self._at = at
        self._params = params
        self.item = item if isinstance(item, dict) else {}
        self.problems = problems
        self.ok = isinstance(item, dict)
        if not self.ok:
            problems.append(Problem(self.where, NOT_A_RECORD))

    @property
    def where(self) -> str:
        return self._at.text(None, **self._params)

    def get(self, name: str, check: Callable[[Any], T], default: T, *, required: bool = False) -> T:
        if name not in self.item or self.item[name] is None:
            if required:
                self.problems.append(Problem(self.where, MISSING_FIELD, {"field": name}))
                self.ok = False
            return default
        raw = self.item[name]
        try:
            return check(raw)
        except TaiwaError as exc:
            self.problems.append(field_problem(self.where, name, exc))
        except (TypeError, ValueError, OverflowError):
            self.problems.append(field_problem(self.where, name, validate_error()))
        self.ok = False
        return default


def validate_error() -> TaiwaError:
    from taiwa.domain.errors import BadFieldError

    return BadFieldError(value="")


def _str(value: Any) -> str:
    if not isinstance(value, str):
        raise validate_error()
    return validate.optional_text(value)


def _short(value: Any) -> str:
    if not isinstance(value, str):
        raise validate_error()
    return validate.optional_text(value, limit=validate.MAX_NAME).strip()


def _ref(value: Any) -> str:
    if not isinstance(value, str) or not 0 < len(value) <= 32:
        raise validate_error()
    return value


def _int(value: Any) -> int:
    if not isinstance(value, int) or isinstance(value, bool):
        raise validate_error()
    return value


def _bool(value: Any) -> bool:
    if not isinstance(value, bool):
        raise validate_error()
    return value


def _emails(value: Any) -> tuple[str, ...]:
    if not isinstance(value, list) or len(value) > 20:
        raise validate_error()
    found: dict[str, str] = {}
    for item in value:
        address = validate.email(_short(item))
        found.setdefault(address.casefold(), address)  # the vault compares them ignoring case
    return tuple(found.values())


def _uid(value: Any) -> str:
    if not isinstance(value, str):
        raise validate_error()
    return validate.optional_text(value, limit=1000)


def _enum(check: Callable[[Any], T]) -> Callable[[Any], T]:
    return lambda value: check(_short(value))


def _time_value(value: Any) -> datetime:
    if not isinstance(value, str):
        raise validate_error()
    return validate.parse_datetime(value)


def _day_value(value: Any) -> date:
    if not isinstance(value, str):
        raise validate_error()
    return validate.parse_date(value)


def _count(top: dict[str, Any], key: str, limit: int, what: str) -> list[Any]:
    items = top.get(key, [])
    if not isinstance(items, list):
        raise PortableError(NOT_TAIWA)
    if len(items) > limit:
        raise PortableError(TOO_MANY, limit=limit, what=what)
    return items


def read(data: bytes) -> tuple[Bundle, list[Problem]]:
    """The records of a Taiwa JSON file and the problems found in them (all checked).

    Raises:
        PortableError: the file as a whole cannot be read (see :func:`parse`).
    """
    top = parse(data)
    records = _Records(include_private=top.get("private_parts_included") is True)
    for n, item in enumerate(_count(top, "people", limits.MAX_PEOPLE, "people"), 1):
        records.person(n, item)
    for n, item in enumerate(_count(top, "meetings", limits.MAX_MEETINGS, "meetings"), 1):
        records.meeting(n, item)
    records.check_carried()
    for n, item in enumerate(_count(top, "actions", limits.MAX_ACTIONS, "actions"), 1):
        records.action(n, item)
    return records.bundle(), records.problems


class _Records:
    """The records read so far, their refs, and the problems found."""

    def __init__(self, *, include_private: bool) -> None:
        self.include_private = include_private
        self.problems: list[Problem] = []
        self.refs: set[str] = set()
        self.people: list[PersonRecord] = []
        self.meetings: list[MeetingRecord] = []
        self.actions: list[ActionRecord] = []
        self.topic_refs: set[str] = set()
        self.topic_total = 0
        # The vault keeps an address for one person only, and a calendar event for one meeting:
        # a file that repeats either would fail half-way through the write.
        self.emails: dict[str, str] = {}
        self.events: dict[tuple[str, str], str] = {}

    def bundle(self) -> Bundle:
        return Bundle(
            tuple(self.people), tuple(self.meetings), tuple(self.actions), self.include_private
        )

    def _reader(self, at: Msg, item: object, **params: int) -> _Reader | None:
        r = _Reader(at, params, item, self.problems)
        return r if r.ok else None

    def _new_ref(self, r: _Reader) -> str:
        ref = r.get("ref", _ref, "", required=True)
        if ref and ref in self.refs:
            self.problems.append(Problem(r.where, DUPLICATE_REF))
            r.ok = False
        self.refs.add(ref)
        return ref

    def _owner_ref(self, r: _Reader, name: str, known: set[str] | dict[str, str]) -> str:
        ref = r.get(name, _ref, "", required=True)
        if ref and ref not in known:
            self.problems.append(Problem(r.where, UNKNOWN_REF, {"field": name}))
            r.ok = False
        return ref

    def person(self, n: int, item: object) -> None:
        r = self._reader(PERSON_AT, item, n=n)
        if r is None:
            return
        record = PersonRecord(
            ref=self._new_ref(r),
            name=r.get("name", lambda v: validate.name(_short(v)), "", required=True),
            emails=r.get("emails", _emails, ()),
            role=r.get("role", _short, ""),
            team=r.get("team", _short, ""),
            started_on=r.get("started_on", _day_value, None),
            cadence_days=r.get("cadence_days", lambda v: validate.cadence(_int(v)), None),
            career_goals=r.get("career_goals", _str, ""),
            archived=r.get("archived", _bool, False),
        )
        for email in record.emails:
            other = self.emails.setdefault(email.casefold(), r.where)
            if other != r.where:
                self.problems.append(Problem(r.where, DUPLICATE_EMAIL, {"other": other}))
                r.ok = False
        if r.ok:
            self.people.append(record)

    def _topic(self, n: int, k: int, item: object) -> TopicRecord | None:
        t = self._reader(TOPIC_AT, item, n=n, k=k)
        if t is None:
            return None
        topic = TopicRecord(
            ref=self._new_ref(t),
            theme=t.get("theme", _enum(validate.theme), validate.theme("other"), required=True),
            text=t.get("text", lambda v: validate.text(_str(v)), "", required=True),
            raised_by=t.get("raised_by", _enum(validate.owner), validate.owner("report")),
            state=t.get("state", _enum(validate.topic_state), validate.topic_state("open")),
            carried_from=t.get("carried_from", _ref, None),
        )
        self.topic_refs.add(topic.ref)
        return topic if t.ok else None

    def meeting(self, n: int, item: object) -> None:
        r = self._reader(MEETING_AT, item, n=n)
        if r is None:
            return
        ref = self._new_ref(r)
        person = self._owner_ref(r, "person", {p.ref for p in self.people})
        raw_topics: list[Any] = r.get("topics", _list, [])
        self.topic_total += len(raw_topics)
        if self.topic_total > limits.MAX_TOPICS:
            raise PortableError(TOO_MANY, limit=limits.MAX_TOPICS, what="topics")
        topics = [self._topic(n, k, t) for k, t in enumerate(raw_topics, 1)]
        private = self.include_private
        record = MeetingRecord(
            ref=ref,
            person=person,
            starts_at=r.get("starts_at", _time_value, _EPOCH, required=True),
            ends_at=r.get("ends_at", _time_value, None),
            zone=r.get("zone", lambda v: _short(v)[:64], ""),
            status=r.get("status", _enum(validate.status), validate.status("held")),
            source=r.get("source", lambda v: MeetingSource(_short(v)), MeetingSource.MANUAL),
            ics_uid=r.get("ics_uid", _uid, None),
            ics_recurrence_id=r.get("ics_recurrence_id", _uid, None),
            ics_sequence=r.get("ics_sequence", _int, None),
            role=r.get("role", _short, None),
            team=r.get("team", _short, None),
            purpose=r.get("purpose", _str, ""),
            wanted_response=r.get("wanted_response", _enum(validate.wanted_response), None),
            shared_notes=r.get("shared_notes", _str, ""),
            mood=r.get("mood", lambda v: validate.mood(_int(v)), None) if private else None,
            private_notes=r.get("private_notes", _str, "") if private else "",
            topics=tuple(t for t in topics if t is not None),
        )
        if record.ics_uid is not None and record.ics_recurrence_id is not None:
            # (uid, recurrence id) is unique in the vault; SQLite lets NULLs repeat.
            key = (record.ics_uid, record.ics_recurrence_id)
            other = self.events.setdefault(key, r.where)
            if other != r.where:
                self.problems.append(Problem(r.where, DUPLICATE_EVENT, {"other": other}))
                r.ok = False
        if r.ok and None not in topics:
            self.meetings.append(record)

    def check_carried(self) -> None:
        for n, m in enumerate(self.meetings, 1):
            for k, t in enumerate(m.topics, 1):
                if t.carried_from is not None and t.carried_from not in self.topic_refs:
                    where = TOPIC_AT.text(n=n, k=k)
                    self.problems.append(Problem(where, UNKNOWN_REF, {"field": "carried_from"}))

    def action(self, n: int, item: object) -> None:
        r = self._reader(ACTION_AT, item, n=n)
        if r is None:
            return
        ref = self._new_ref(r)
        person = self._owner_ref(r, "person", {p.ref for p in self.people})
        meeting = r.get("meeting", _ref, None)
        if meeting is not None and self._meeting_person.get(meeting) != person:
            self.problems.append(Problem(r.where, UNKNOWN_REF, {"field": "meeting"}))
            r.ok = False
        record = ActionRecord(
            ref=ref,
            person=person,
            meeting=meeting,
            owner=r.get("owner", _enum(validate.owner), validate.owner("report"), required=True),
            text=r.get("text", lambda v: validate.text(_str(v)), "", required=True),
            due_on=r.get("due_on", _day_value, None),
            done_on=r.get("done_on", _day_value, None),
            created_at=r.get("created_at", _time_value, None),
        )
        if r.ok:
            self.actions.append(record)

    @functools.cached_property
    def _meeting_person(self) -> dict[str, str]:
        return {m.ref: m.person for m in self.meetings}


_EPOCH = datetime(2000, 1, 1, tzinfo=UTC)


def _list(value: Any) -> list[Any]:
    if not isinstance(value, list):
        raise validate_error()
    return value
