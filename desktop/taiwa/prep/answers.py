"""The answer block a report sends back, and how it becomes the next meeting's agenda.

The block survives being pasted into an e-mail or a chat: plain ASCII marker lines, one
``theme: text`` item per line, long items folded onto continuation lines that start with two
spaces (as RFC 5322 folds headers), and a reply's quote prefix (``> ``) is taken off::

    -----BEGIN TAIWA PREP ANSWER v1-----
    person: 12
    sheet: 2026-12-03
    work: The release plan worries me
    career: I would like to talk about
      moving to the platform team
    -----END TAIWA PREP ANSWER-----

Errors name a line number and what is wrong with it, never the text on it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, date, datetime

from taiwa.domain import validate
from taiwa.domain.models import Meeting, MeetingStatus, Owner, Theme, TopicDraft
from taiwa.errors import InputError
from taiwa.i18n import Msg
from taiwa.prep import facts
from taiwa.store import Store

VERSION = 1
BEGIN = f"-----BEGIN TAIWA PREP ANSWER v{VERSION}-----"
END = "-----END TAIWA PREP ANSWER-----"
#: The themes a report can file an item under, in the sheet's order.
ANSWER_THEMES: tuple[Theme, ...] = (*facts.HORIZONS, Theme.WELLBEING, Theme.OTHER)
#: Bounds: an answer is a short message, not a document.
MAX_BYTES = 64 * 1024
MAX_ITEMS = 30
MAX_ITEM_CHARS = 2000
#: Where the folding of a long item breaks it (characters, not bytes).
FOLD_WIDTH = 60

_BEGIN_RE = re.compile(r"^(?P<quote>[> ]*)-----BEGIN TAIWA PREP ANSWER v(?P<v>\d{1,4})-----\s*$")
_FIELD_RE = re.compile(r"^(?P<key>[a-z]{1,20}):(?P<value>.*)$")

_TOO_BIG = Msg(
    "The answer is larger than {limit} KiB; nothing was added.",
    "回答が {limit} KiB を超えています。何も追加していません。",
)
_NOT_TEXT = Msg(
    "The answer is not UTF-8 text; nothing was added.",
    "回答が UTF-8 のテキストではありません。何も追加していません。",
)
_NO_BLOCK = Msg(
    "No Taiwa answer block was found (it starts with a line '-----BEGIN TAIWA PREP ANSWER"
    " v1-----'); nothing was added.",
    "Taiwa の回答ブロックが見つかりません（'-----BEGIN TAIWA PREP ANSWER v1-----' の行で"
    "始まります）。何も追加していません。",
)
_TWO_BLOCKS = Msg(
    "The text holds more than one answer block (line {line}); give one at a time.",
    "回答ブロックが複数あります（{line} 行目）。1 つずつ指定してください。",
)
_NO_END = Msg(
    "The answer block that starts on line {line} has no end line; it may be cut off."
    " Nothing was added.",
    "{line} 行目から始まる回答ブロックに終わりの行がありません。途中で切れている可能性が"
    "あります。何も追加していません。",
)
_VERSION = Msg(
    "The answer is from sheet version {version}; this Taiwa reads version {known}.",
    "回答はシートのバージョン {version} のものです。この Taiwa が読めるのはバージョン {known} です。",
)
_BAD_LINE = Msg(
    "Line {line} of the answer is not 'theme: text' (themes: {themes}); nothing was added.",
    "回答の {line} 行目が「テーマ: 内容」の形ではありません（テーマ: {themes}）。"
    "何も追加していません。",
)
_STRAY_FOLD = Msg(
    "Line {line} of the answer continues no item; nothing was added.",
    "回答の {line} 行目が続きの行ですが、前に項目がありません。何も追加していません。",
)
_TWICE = Msg(
    "Line {line} of the answer repeats the field '{field}'; nothing was added.",
    "回答の {line} 行目で '{field}' が重複しています。何も追加していません。",
)
_MISSING = Msg(
    "The answer has no '{field}:' line; nothing was added.",
    "回答に '{field}:' の行がありません。何も追加していません。",
)
_BAD_FIELD = Msg(
    "Line {line} of the answer has a malformed '{field}' value; nothing was added.",
    "回答の {line} 行目の '{field}' の値が正しくありません。何も追加していません。",
)
_OTHER_PERSON = Msg(
    "This answer was made from the sheet of another person (id {other}), not {name}'s;"
    " nothing was added.",
    "この回答は別の人（ID {other}）のシートから作られたもので、{name} さんのものではありません。"
    "何も追加していません。",
)
_TOO_MANY = Msg(
    "The answer has more than {limit} items; nothing was added.",
    "回答の項目が {limit} 件を超えています。何も追加していません。",
)
_TOO_LONG = Msg(
    "The item on line {line} is longer than {limit} characters; nothing was added.",
    "{line} 行目の項目が {limit} 文字を超えています。何も追加していません。",
)
_EMPTY = Msg(
    "The answer block has no items; nothing was added.",
    "回答ブロックに項目がありません。何も追加していません。",
)


@dataclass(frozen=True, slots=True)
class Answer:
    """A parsed answer: whose sheet it came from and the agenda items it brings."""

    person_id: int
    sheet: date
    items: tuple[TopicDraft, ...]


@dataclass(frozen=True, slots=True)
class Plan:
    """What adding an answer would do: to which meeting (None: a new one at ``when``)."""

    answer: Answer
    meeting: Meeting | None
    when: datetime


def fold(key: str, text: str) -> list[str]:
    """``key: text`` as lines of at most :data:`FOLD_WIDTH` characters of text, continued on
    lines that start with two spaces. Breaks before a space when one is near, so that no line
    ends in a space (mail programs drop trailing spaces)."""
    rest = " ".join(text.split())
    lines: list[str] = []
    while len(rest) > FOLD_WIDTH:
        cut = rest.rfind(" ", FOLD_WIDTH // 2, FOLD_WIDTH)
        cut = FOLD_WIDTH if cut <= 0 else cut
        lines.append(rest[:cut])
        rest = rest[cut:]
    lines.append(rest)
    return [f"{key}: {lines[0]}"] + [f"  {line}" for line in lines[1:]]


def block(person_id: int, sheet: date, items: list[tuple[Theme, str]]) -> str:
    """The answer block for ``items`` (what the HTML form's script builds, in Python)."""
    lines = [BEGIN, f"person: {person_id}", f"sheet: {sheet.isoformat()}"]
    for theme, text in items:
        if text.strip():
            lines.extend(fold(theme.value, text))
    lines.append(END)
    return "\n".join(lines) + "\n"


_HEADER_RE = re.compile(rb"^[A-Za-z][A-Za-z0-9-]{0,60}:[ \t]")
_MIME_RE = re.compile(rb"(?im)^(content-type|content-transfer-encoding|mime-version):")


def decode(data: bytes) -> str:
    """Bytes of an answer file or paste as text, bounded. A saved mail (.eml) is read as one:
    its text parts are decoded (quoted-printable, base64, ISO-2022-JP...), so the items are
    the report's words and not their transfer encoding.

    Raises:
        InputError: too big, or not text.
    """
    if len(data) > MAX_BYTES:
        raise InputError(_TOO_BIG, limit=MAX_BYTES // 1024)
    if _is_mime_mail(data):
        text = _mail_text(data)
        if text is not None:
            return text
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise InputError(_NOT_TEXT) from None


def _is_mime_mail(data: bytes) -> bool:
    """Whether ``data`` is a saved MIME mail: a block of header lines that declares its
    encoding. A text that merely starts with "Re: ..." is not one; nor is a mail without MIME
    headers, whose body is the plain text already."""
    head = data.replace(b"\r\n", b"\n").split(b"\n\n", 1)[0]
    lines = head.split(b"\n")
    if not all(_HEADER_RE.match(line) or line[:1] in (b" ", b"\t") for line in lines):
        return False
    return _MIME_RE.search(head) is not None


def _mail_text(data: bytes) -> str | None:
    """The text/plain parts of a mail, or None when it holds none that can be read."""
    import email
    from email import policy
    from email.message import EmailMessage

    message = email.message_from_bytes(data, policy=policy.default)
    texts: list[str] = []
    for part in message.walk():
        if isinstance(part, EmailMessage) and part.get_content_type() == "text/plain":
            try:
                content = part.get_content()
            except (LookupError, ValueError):
                continue  # an unknown charset: the other parts may still hold the block
            if isinstance(content, str):
                texts.append(content)
    return "\n".join(texts) if texts else None


def parse(text: str) -> Answer:
    """Read the one answer block in ``text`` (anything around it, such as a mail, is ignored).

    Raises:
        InputError: with the line and what is wrong, never the line's text.
    """
    if len(text.encode("utf-8", "surrogatepass")) > MAX_BYTES:
        raise InputError(_TOO_BIG, limit=MAX_BYTES // 1024)
    lines = text.splitlines()
    start, quote = _find_start(lines)
    fields: dict[str, tuple[int, str]] = {}
    items: list[tuple[int, Theme, str]] = []
    end = None
    for number in range(start + 1, len(lines)):
        line = _unquote(lines[number], quote)
        if line.strip() == END:
            end = number
            break
        if _BEGIN_RE.match(lines[number]):
            raise InputError(_TWO_BLOCKS, line=number + 1)
        _read_line(line, number + 1, fields, items)
    if end is None:
        raise InputError(_NO_END, line=start + 1)
    for number in range(end + 1, len(lines)):
        if _BEGIN_RE.match(lines[number]):
            raise InputError(_TWO_BLOCKS, line=number + 1)
    person_id = _number(fields, "person")
    sheet = _date(fields, "sheet")
    drafts = []
    for number, theme, raw in items:
        value = raw.strip()
        if len(value) > MAX_ITEM_CHARS:
            raise InputError(_TOO_LONG, line=number, limit=MAX_ITEM_CHARS)
        if value:
            drafts.append(TopicDraft(theme=theme, text=value, raised_by=Owner.REPORT))
    if not drafts:
        raise InputError(_EMPTY)
    if len(drafts) > MAX_ITEMS:
        raise InputError(_TOO_MANY, limit=MAX_ITEMS)
    return Answer(person_id=person_id, sheet=sheet, items=tuple(drafts))


def _find_start(lines: list[str]) -> tuple[int, str]:
    for number, line in enumerate(lines):
        found = _BEGIN_RE.match(line)
        if found:
            if int(found["v"]) != VERSION:
                raise InputError(_VERSION, version=int(found["v"]), known=VERSION)
            return number, found["quote"]
    raise InputError(_NO_BLOCK)


def _unquote(line: str, quote: str) -> str:
    """The line without the reply's quote prefix the begin line had (``> `` or ``>> ``)."""
    if quote and line.startswith(quote.rstrip()):
        stripped = line[len(quote.rstrip()) :]
        return stripped[1:] if stripped.startswith(" ") and quote.endswith(" ") else stripped
    return line


def _read_line(
    line: str,
    number: int,
    fields: dict[str, tuple[int, str]],
    items: list[tuple[int, Theme, str]],
) -> None:
    if not line.strip():
        return
    if line.startswith(("  ", "\t")):
        if not items:
            raise InputError(_STRAY_FOLD, line=number)
        first, last_theme, text = items[-1]
        items[-1] = (first, last_theme, text + (line[2:] if line.startswith("  ") else line[1:]))
        return
    found = _FIELD_RE.match(line.rstrip())
    if found is None:
        raise InputError(_BAD_LINE, line=number, themes=_theme_names())
    key, value = found["key"], found["value"]
    if key in ("person", "sheet"):
        if key in fields:
            raise InputError(_TWICE, line=number, field=key)
        fields[key] = (number, value.strip())
        return
    theme = next((t for t in ANSWER_THEMES if t.value == key), None)
    if theme is None:
        raise InputError(_BAD_LINE, line=number, themes=_theme_names())
    items.append((number, theme, value.removeprefix(" ")))


def _theme_names() -> str:
    return ", ".join(t.value for t in ANSWER_THEMES)


def _number(fields: dict[str, tuple[int, str]], key: str) -> int:
    if key not in fields:
        raise InputError(_MISSING, field=key)
    line, value = fields[key]
    if not validate.is_record_id(value):
        raise InputError(_BAD_FIELD, line=line, field=key)
    return int(value)


def _date(fields: dict[str, tuple[int, str]], key: str) -> date:
    if key not in fields:
        raise InputError(_MISSING, field=key)
    line, value = fields[key]
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise InputError(_BAD_FIELD, line=line, field=key) from None


def plan(store: Store, person_id: int, answer: Answer, now: datetime | None = None) -> Plan:
    """What adding ``answer`` to ``person_id``'s next meeting would do (nothing is written).

    Raises:
        UnknownPersonError: no such person.
        InputError: the answer came from another person's sheet.
    """
    moment = now or datetime.now(UTC)
    person = store.people.get(person_id)
    if answer.person_id != person.id:
        raise InputError(_OTHER_PERSON, other=answer.person_id, name=person.name)
    upcoming = facts.next_meeting(store, person.id, moment)
    if upcoming is not None:
        return Plan(answer, upcoming, upcoming.starts_at)
    last = facts.last_held(store, person.id, moment)
    return Plan(answer, None, facts.due_at(person, last, moment))


def apply(store: Store, plan_: Plan) -> Meeting:
    """Add the planned items, all or nothing: to the next meeting, or to a new planned one.

    Returns:
        The meeting with its agenda.
    """
    answer = plan_.answer
    if plan_.meeting is None:
        return store.meetings.create(
            answer.person_id,
            plan_.when,
            status=MeetingStatus.PLANNED,
            carry_over=True,
            topics=answer.items,
        )
    # One transaction around every topic: a failure half-way adds none of them.
    with store.db.transaction():
        for item in answer.items:
            store.topics.add(plan_.meeting.id, item.theme, item.text, raised_by=Owner.REPORT)
    return store.meetings.get(plan_.meeting.id)
