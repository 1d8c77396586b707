"""What the calendar import refuses or reports, each as one line in English and Japanese.

A message names the file (the user chose it) and where in it a problem is (event number, line
number), never what the file says: a calendar holds other people's names and meeting titles,
and library errors (icalendar quotes the offending line) are never passed through.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from taiwa.errors import InputError
from taiwa.i18n import Msg


class IcsError(InputError):
    """A whole file (or the request) cannot be imported; nothing is written."""

    code = "ics_error"
    message = Msg(
        "{file}: this calendar file cannot be read.",
        "{file}: このカレンダーファイルは読み込めません。",
    )


class IcsFileMissingError(IcsError):
    code = "ics_missing"
    message = Msg("{file}: there is no such file.", "{file}: ファイルが見つかりません。")


class IcsUnreadableError(IcsError):
    code = "ics_unreadable"
    message = Msg(
        "{file}: the file cannot be opened (permissions or a folder?).",
        "{file}: ファイルを開けません（権限、またはフォルダーではありませんか）。",
    )


class IcsEmptyError(IcsError):
    code = "ics_empty"
    message = Msg("{file}: the file is empty.", "{file}: ファイルが空です。")


class IcsTooLargeError(IcsError):
    code = "ics_too_large"
    message = Msg(
        "{file}: the file is larger than {limit_mb} MB; export a shorter period of the calendar.",
        "{file}: ファイルが {limit_mb} MB を超えています。カレンダーの期間を短くしてエクスポートしてください。",
    )


class IcsBinaryError(IcsError):
    code = "ics_binary"
    message = Msg(
        "{file}: this is not a text file, so it cannot be an .ics calendar.",
        "{file}: テキストファイルではないため、.ics カレンダーではありません。",
    )


class IcsHtmlError(IcsError):
    code = "ics_html"
    message = Msg(
        "{file}: this is a web page saved as .ics, not a calendar. Download the calendar's .ics"
        " export instead.",
        "{file}: .ics として保存された Web ページで、カレンダーではありません。カレンダーの .ics"
        " エクスポートをダウンロードしてください。",
    )


class IcsNotCalendarError(IcsError):
    code = "ics_not_calendar"
    message = Msg(
        "{file}: no calendar (BEGIN:VCALENDAR) was found in this file.",
        "{file}: カレンダー（BEGIN:VCALENDAR）が見つかりません。",
    )


class IcsTooManyEventsError(IcsError):
    code = "ics_too_many_events"
    message = Msg(
        "{file}, event {event} (line {line}): the file has more than {limit} events; export a"
        " shorter period of the calendar.",
        "{file} の予定 {event}（{line} 行目）: 予定が {limit} 件を超えています。カレンダーの期間を"
        "短くしてエクスポートしてください。",
    )


class IcsTooDeepError(IcsError):
    """Components nested deeper than any calendar program writes them."""

    code = "ics_too_deep"
    message = Msg(
        "{file}, line {line}: calendar components are nested more than {limit} deep; the file"
        " is damaged or was not written by a calendar program.",
        "{file} の {line} 行目: カレンダーの要素が {limit} 段を超えて入れ子になっています。"
        "ファイルが壊れているか、カレンダーソフトで書き出されたものではありません。",
    )


class IcsUnmatchedEndError(IcsError):
    """An END line that closes nothing: the file's structure cannot be trusted."""

    code = "ics_unmatched_end"
    message = Msg(
        "{file}, line {line}: an END line closes a component that was never opened; the file"
        " is damaged.",
        "{file} の {line} 行目: 開始されていない要素を閉じる END 行があります。ファイルが壊れています。",
    )


class IcsTooManyOccurrencesError(IcsError):
    """The whole file's candidate events repeat more than an import can hold."""

    code = "ics_too_many_occurrences"
    message = Msg(
        "{file}, event {event} (line {line}): together the file's events repeat more than"
        " {limit} times in the import period; import a shorter period.",
        "{file} の予定 {event}（{line} 行目）: ファイルの予定の繰り返しが取り込み期間内で合計"
        " {limit} 回を超えています。期間を短くして取り込んでください。",
    )


class IcsTooMuchWorkError(IcsError):
    """Reading the file's events would take more work than an import may spend on a file."""

    code = "ics_too_much_work"
    message = Msg(
        "{file}, event {event} (line {line}): reading this file's repeating events needs more"
        " work than an import allows; import a shorter period or export less of the calendar.",
        "{file} の予定 {event}（{line} 行目）: このファイルの繰り返し予定を読むには、取り込みで"
        "許される以上の処理が必要です。期間を短くするか、エクスポートする範囲を減らしてください。",
    )


class IcsWindowError(IcsError):
    code = "ics_window"
    message = Msg(
        "The import period must start before it ends and span at most {max_days} days.",
        "取り込む期間は開始が終了より前で、最長 {max_days} 日です。",
    )


class IcsPartialError(IcsError):
    """Some events (or files) could not be read and the user did not agree to skip them."""

    code = "ics_partial"
    message = Msg(
        "{count} problem(s) in the calendar files; nothing was imported. Check them with"
        " --dry-run, or import the rest with --accept-partial.",
        "カレンダーファイルに {count} 件の問題があるため、何も取り込んでいません。--dry-run"
        " で確認するか、--accept-partial で残りを取り込んでください。",
    )


class IcsOwnerError(IcsError):
    code = "ics_owner"
    message = Msg(
        "'{value}' is not an e-mail address.", "'{value}' はメールアドレスではありません。"
    )


# -- problems inside a file: reported, the rest of the file can still be imported ------------

PROBLEMS: dict[str, Msg] = {
    "truncated": Msg(
        "the file ends in the middle of the calendar (truncated download?)",
        "カレンダーの途中でファイルが終わっています（ダウンロードが途切れた可能性）",
    ),
    "unterminated_event": Msg("an event has no END:VEVENT", "予定に END:VEVENT がありません"),
    "event_too_large": Msg(
        "the event is larger than {limit_kb} KB (a line of {line_kb} KB)",
        "予定が {limit_kb} KB を超えています（{line_kb} KB の行）",
    ),
    "malformed_event": Msg(
        "the event has lines that are not valid iCalendar",
        "予定に iCalendar として正しくない行があります",
    ),
    "bad_dates": Msg(
        "the event's start, end or recurrence cannot be read",
        "予定の開始・終了・繰り返しを読み取れません",
    ),
    "unknown_timezone": Msg(
        "the event uses a time zone that is neither defined in the file nor known",
        "予定が、ファイルにも定義されておらず既知でもないタイムゾーンを使っています",
    ),
    "too_frequent": Msg(
        "the event repeats more often than daily, which a 1on1 never does",
        "予定が 1 日より短い間隔で繰り返されています（1on1 ではありえません）",
    ),
    "too_many_occurrences": Msg(
        "the event repeats more than {limit} times in the import period",
        "予定が取り込み期間内で {limit} 回を超えて繰り返されています",
    ),
    "bad_interval": Msg(
        "the event's repetition interval (INTERVAL) is not a whole number of at least 1",
        "予定の繰り返し間隔（INTERVAL）が 1 以上の整数ではありません",
    ),
    "several_rules": Msg(
        "the event has more than one repetition rule (RRULE)",
        "予定に繰り返しルール（RRULE）が複数あります",
    ),
    "too_dense": Msg(
        "the event's repetition rule makes more than {limit} occurrences in each period",
        "予定の繰り返しルールが 1 周期に {limit} 回を超える予定を作ります",
    ),
    "too_many_dates": Msg(
        "the event lists more than {limit} extra or excluded dates (RDATE, EXDATE)",
        "予定の追加日・除外日（RDATE、EXDATE）が {limit} 件を超えています",
    ),
    "too_many_changes": Msg(
        "the series has more than {limit} changed occurrences (RECURRENCE-ID)",
        "繰り返し予定の変更された回（RECURRENCE-ID）が {limit} 件を超えています",
    ),
    "too_costly": Msg(
        "the event's repetition rule would take too long to compute (it may never repeat)",
        "予定の繰り返しルールの計算に時間がかかりすぎます（一度も繰り返されない可能性があります）",
    ),
    "no_uid": Msg("the event has no UID", "予定に UID がありません"),
    "no_start": Msg("the event has no start (DTSTART)", "予定に開始（DTSTART）がありません"),
}


@dataclass(frozen=True, slots=True)
class Problem:
    """Something in a file that was not imported, located but never quoted.

    Attributes:
        file: the file's name as the user gave it.
        code: a key of :data:`PROBLEMS` (stable, for JSON and tests).
        line: 1-based line of the event's BEGIN:VEVENT in the file, if known.
        event: 1-based number of the event in the file, if known.
        start: the event's start as written (digits only, ISO form), if readable.
        params: numbers that fill the message (never text from the file).
    """

    file: str
    code: str
    line: int | None = None
    event: int | None = None
    params: dict[str, Any] = field(default_factory=dict)
    text: Msg | None = None  # a whole-file failure carries its own message
    # The event's DTSTART value when it is a plain date or date-time ("2026-01-05T09:30:00"):
    # with the event number it tells the user which event in their calendar is meant, and
    # it holds digits only (never a title or a zone name from the file).
    start: str = ""

    @classmethod
    def from_error(cls, file: str, exc: IcsError) -> Problem:
        """A file that could not be read at all, as a problem of a multi-file import."""
        return cls(file, exc.code, params=dict(exc.params), text=type(exc).message)

    def message(self, lang: str | None = None) -> str:
        """One translated line: where the problem is and what it is."""
        if self.text is not None:
            return self.text.text(lang, **self.params)
        what = PROBLEMS[self.code].text(lang, **self.params)
        if self.line is None:
            where = _WHERE_FILE.text(lang, file=self.file)
        elif self.start:
            # The event's start tells the user which of their events it is (digits only).
            when = self.start.replace("T", " ")
            where = _WHERE_START.text(
                lang, file=self.file, line=self.line, event=self.event, start=when
            )
        else:
            where = _WHERE.text(lang, file=self.file, line=self.line, event=self.event)
        return f"{where}: {what}"

    def to_json(self) -> dict[str, Any]:
        """The problem as the CLI's JSON prints it."""
        return {
            "file": self.file,
            "code": self.code,
            "line": self.line,
            "event": self.event,
            "start": self.start or None,
            "message": self.message(),
        }


_WHERE = Msg("{file}, event {event} (line {line})", "{file} の予定 {event}（{line} 行目）")
_WHERE_START = Msg(
    "{file}, event {event} (line {line}), DTSTART {start}",
    "{file} の予定 {event}（{line} 行目）、DTSTART {start}",
)
_WHERE_FILE = Msg("{file}", "{file}")
