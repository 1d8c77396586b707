"""CSV files: the action items going out, people coming in (no Qt).

Both are UTF-8 with a header row. The actions CSV starts with a byte-order mark so that Excel
(which many managers open CSV files with) reads Japanese correctly; the people reader accepts
one. Cells that a spreadsheet would run as a formula (starting with ``= + - @``) are prefixed
with ``'`` on the way out (CSV injection, OWASP).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence

from taiwa.domain import validate
from taiwa.errors import TaiwaError
from taiwa.i18n import Msg
from taiwa.portable import limits
from taiwa.portable.problems import MISSING_FIELD, PortableError, Problem, field_problem
from taiwa.store.transfer import Bundle, PersonRecord

ACTION_COLUMNS = (
    "ref",
    "person",
    "meeting",
    "meeting_date",
    "owner",
    "text",
    "due_on",
    "done_on",
    "status",
)

#: Header names accepted for each people column (compared case-insensitively, spaces and
#: hyphens read as underscores), in English and Japanese.
PEOPLE_HEADERS: dict[str, tuple[str, ...]] = {
    "name": ("name", "full_name", "名前", "氏名"),
    "email": ("email", "e_mail", "mail", "メール", "メールアドレス"),
    "role": ("role", "title", "役割", "職種", "役職"),
    "team": ("team", "department", "チーム", "部署"),
    "started_on": ("start_date", "started_on", "start", "started", "入社日", "開始日"),
}

NOT_CSV = Msg(
    "The file is not a people CSV: its first row must name the columns, with at least a name"
    " column (name, email, role, team, start date).",
    "このファイルは人の CSV ではありません。1 行目に列名（name, email, role, team, start date）が"
    "必要で、少なくとも name 列が要ります。",
)
NOT_UTF8 = Msg(
    "The CSV file is not UTF-8 text; save it as UTF-8 and try again.",
    "CSV ファイルが UTF-8 ではありません。UTF-8 で保存し直してください。",
)
CSV_TOO_BIG = Msg(
    "The CSV file is larger than {limit} MB or has more than {rows} rows; nothing was imported.",
    "CSV ファイルが {limit} MB または {rows} 行を超えています。何も取り込んでいません。",
)
BROKEN_ROW = Msg("the row cannot be read as CSV.", "CSV として読めない行です。")
EXTRA_CELLS = Msg("the row has more cells than the header.", "見出しより多くのセルがあります。")
REPEATED = Msg(
    "the same person as row {row} (same e-mail or name).",
    "{row} 行目と同じ人です（メールアドレスか名前が同じ）。",
)
ROW_AT = Msg("row {n}", "{n} 行目")


def _safe_cell(value: str) -> str:
    return "'" + value if value[:1] in ("=", "+", "-", "@", "\t", "\r") else value


def actions_csv(bundle: Bundle) -> bytes:
    """The bundle's action items as CSV (UTF-8 with BOM, CRLF as RFC 4180 says)."""
    people = {p.ref: p.name for p in bundle.people}
    starts = {m.ref: m.starts_at for m in bundle.meetings}
    out = io.StringIO(newline="")
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(ACTION_COLUMNS)
    for a in bundle.actions:
        start = starts.get(a.meeting) if a.meeting is not None else None
        writer.writerow(
            [
                a.ref,
                _safe_cell(people[a.person]),
                a.meeting or "",
                "" if start is None else start.astimezone().strftime("%Y-%m-%d"),
                a.owner.value,
                _safe_cell(" ".join(a.text.split())),
                "" if a.due_on is None else a.due_on.isoformat(),
                "" if a.done_on is None else a.done_on.isoformat(),
                "done" if a.done_on is not None else "open",
            ]
        )
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def _header_key(cell: str) -> str | None:
    folded = cell.strip().lower().replace(" ", "_").replace("-", "_")
    for key, names in PEOPLE_HEADERS.items():
        if folded in names:
            return key
    return None


def looks_like_people_csv(head: bytes) -> bool:
    """Whether a file's first line is a people CSV header (it has a name column)."""
    try:
        first = head.removeprefix(b"\xef\xbb\xbf").decode("utf-8", "ignore").splitlines()[0]
    except IndexError:
        return False
    cells = next(csv.reader([first]), [])
    return "name" in [_header_key(c) for c in cells]


def read_people(data: bytes) -> tuple[Bundle, list[Problem]]:
    """The people of a CSV file (one per row) and a problem per bad row.

    Raises:
        PortableError: too big, not UTF-8, or no header with a name column.
    """
    if len(data) > limits.MAX_CSV_BYTES:
        raise PortableError(
            CSV_TOO_BIG, limit=limits.MAX_CSV_BYTES // (1024 * 1024), rows=limits.MAX_CSV_ROWS
        )
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise PortableError(NOT_UTF8) from None
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    try:
        header = next(reader)
    except (StopIteration, csv.Error):
        raise PortableError(NOT_CSV) from None
    keys = [_header_key(c) for c in header]
    if "name" not in keys:
        raise PortableError(NOT_CSV)
    people: list[PersonRecord] = []
    problems: list[Problem] = []
    seen: dict[str, int] = {}
    rows = 0
    while True:
        # The row number a spreadsheet shows: the header is row 1.
        number = reader.line_num + 1
        try:
            cells = next(reader)
        except StopIteration:
            break
        except csv.Error:
            problems.append(Problem(ROW_AT.text(n=number), BROKEN_ROW))
            break  # the reader cannot resynchronise after a broken quote
        rows += 1
        if rows > limits.MAX_CSV_ROWS:
            raise PortableError(
                CSV_TOO_BIG, limit=limits.MAX_CSV_BYTES // (1024 * 1024), rows=limits.MAX_CSV_ROWS
            )
        if not any(c.strip() for c in cells):
            continue  # blank lines are common at the end of exported sheets
        record = _person(ROW_AT.text(n=number), keys, cells, f"p{len(people) + 1}", problems)
        if record is None:
            continue
        identities = [e.casefold() for e in record.emails] or [
            " ".join(record.name.split()).casefold()
        ]
        earlier = next((seen[i] for i in identities if i in seen), None)
        if earlier is not None:
            problems.append(Problem(ROW_AT.text(n=number), REPEATED, {"row": earlier}))
            continue
        for identity in identities:
            seen[identity] = number
        people.append(record)
    return Bundle(people=tuple(people)), problems


def _person(
    where: str, keys: Sequence[str | None], cells: Sequence[str], ref: str, problems: list[Problem]
) -> PersonRecord | None:
    if len(cells) > len(keys):
        problems.append(Problem(where, EXTRA_CELLS))
        return None
    values = {k: c.strip() for k, c in zip(keys, cells, strict=False) if k is not None}
    before = len(problems)
    if not values.get("name"):
        problems.append(Problem(where, MISSING_FIELD, {"field": "name"}))
    name = email = role = team = ""
    started = None
    try:
        name = validate.name(values.get("name", "")) if values.get("name") else ""
    except TaiwaError as exc:
        problems.append(field_problem(where, "name", exc))
    try:
        email = validate.email(values["email"]) if values.get("email") else ""
    except TaiwaError as exc:
        problems.append(field_problem(where, "email", exc))
    for key in ("role", "team"):
        try:
            value = validate.optional_text(values.get(key, ""), limit=validate.MAX_NAME)
        except TaiwaError as exc:
            problems.append(field_problem(where, key, exc))
            continue
        role, team = (value, team) if key == "role" else (role, value)
    try:
        started = validate.optional_date(values.get("started_on", ""))
    except TaiwaError as exc:
        problems.append(field_problem(where, "start date", exc))
    if len(problems) > before:
        return None
    return PersonRecord(
        ref=ref,
        name=name,
        emails=(email,) if email else (),
        role=role,
        team=team,
        started_on=started,
    )
