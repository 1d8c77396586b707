"""Checks and conversions of user input, shared by the store, the CLI and the GUI.

Each function returns the clean value or raises an :class:`~taiwa.errors.InputError` subclass
from :mod:`taiwa.domain.errors`. Nothing here touches the vault.
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, time, tzinfo
from enum import StrEnum
from typing import TypeVar

from taiwa.domain import errors
from taiwa.domain.models import MeetingStatus, Owner, Theme, TopicState, WantedResponse
from taiwa.errors import InputError

#: Generous bound on one text field, so a paste accident cannot bloat the vault.
MAX_TEXT = 100_000
MAX_NAME = 200
#: Years a date may have. Far outside them a date is a typo, and date arithmetic (cadence slots,
#: local-time conversion) would overflow Python's 1..9999 range in a later command.
MIN_YEAR = 1900
MAX_YEAR = 2200
#: Ids are SQLite integers (64-bit signed); a bigger number cannot name anything.
MAX_ID = 2**63 - 1

_EMAIL = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s]+")
# C0 control characters other than tab and line breaks: never typed on purpose, and the
# search snippets use two of them as match markers.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")

E = TypeVar("E", bound=StrEnum)


def utf8(value: str) -> str:
    """``value`` unchanged if it can be stored as UTF-8.

    A lone surrogate (``\\udc80``) is what Python makes of bytes that were not UTF-8 (a
    command line typed in a cp932 terminal, an environment variable, a file name); SQLite and
    every file format here refuse it, so it is refused at the door with a clear message.

    Raises:
        BadEncodingError: the text holds a lone surrogate.
    """
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        raise errors.BadEncodingError() from None
    return value


def record_id(value: object, error: type[InputError]) -> int:
    """A record id (1 to 2**63 - 1) from an int or ASCII digits, else ``error(id=...)``.

    ``str.isdigit`` is not enough: it accepts ``²`` and ``٣``, which ``int`` then refuses or
    reads, and numbers past 64 bits overflow SQLite.
    """
    number = _small_int(value) if isinstance(value, str) else value
    if isinstance(number, bool) or not isinstance(number, int) or not 1 <= number <= MAX_ID:
        raise error(id=_shown(value))
    return number


def is_record_id(value: str) -> bool:
    """Whether ``value`` reads as a record id (ASCII digits within 64 bits)."""
    number = _small_int(value)
    return number is not None and 1 <= number <= MAX_ID


def _shown(value: object) -> str:
    """``value`` as a message may quote it: short, printable, encodable."""
    text = str(value)[:40]
    return text.encode("utf-8", "replace").decode("utf-8").replace("\x00", "")


def _small_int(text: str) -> int | None:
    """ASCII digits as an int, or None (also for more than 19 digits: ``int`` refuses
    4300+ digits with a ValueError, and nothing here counts that far)."""
    raw = text.strip()
    if not (raw.isascii() and raw.isdigit()) or len(raw) > 19:
        return None
    return int(raw)


def _enum(kind: type[E], value: object, error: type[InputError]) -> E:
    if isinstance(value, kind):
        return value
    if isinstance(value, str):
        try:
            return kind(value.strip().lower())
        except ValueError:
            pass
    raise error(value=str(value))


def theme(value: object) -> Theme:
    """A :class:`Theme` from an enum or its name (case-insensitive)."""
    return _enum(Theme, value, errors.BadThemeError)


def status(value: object) -> MeetingStatus:
    """A :class:`MeetingStatus` from an enum or its name (``canceled`` is accepted too)."""
    if isinstance(value, str) and value.strip().lower() == "canceled":
        return MeetingStatus.CANCELLED
    return _enum(MeetingStatus, value, errors.BadStatusError)


def owner(value: object) -> Owner:
    """An :class:`Owner` (manager or report)."""
    return _enum(Owner, value, errors.BadOwnerError)


def topic_state(value: object) -> TopicState:
    """A :class:`TopicState`."""
    return _enum(TopicState, value, errors.BadTopicStateError)


def wanted_response(value: object) -> WantedResponse | None:
    """A :class:`WantedResponse`, or None for None / an empty string."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, str):
        value = value.strip().lower().replace("-", "_").replace(" ", "_")
    return _enum(WantedResponse, value, errors.BadWantedResponseError)


def text(value: object, *, limit: int = MAX_TEXT) -> str:
    """Required text: stripped, not empty, not absurdly long."""
    if not isinstance(value, str) or not value.strip():
        raise errors.EmptyTextError()
    return optional_text(value, limit=limit).strip()


def optional_text(value: object, *, limit: int = MAX_TEXT) -> str:
    """Free text that may be empty (notes keep their whitespace as typed)."""
    if value is None:
        return ""
    if not isinstance(value, str):
        raise errors.EmptyTextError()
    if len(value) > limit:
        raise errors.TextTooLongError(limit=limit)
    return _CONTROL.sub("", utf8(value))


def name(value: object) -> str:
    """A person's name: stripped and not empty."""
    if not isinstance(value, str) or not value.strip():
        raise errors.EmptyNameError()
    return optional_text(" ".join(value.split()), limit=MAX_NAME)


def mood(value: object) -> int | None:
    """Mood 1–5 or None."""
    if value is None:
        return None
    if isinstance(value, str):
        stripped = value.strip()
        if not stripped:
            return None
        value = _small_int(stripped)
    if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= 5:
        raise errors.MoodRangeError()
    return value


def cadence(value: object) -> int:
    """A cadence in days, 1–365."""
    if isinstance(value, str):
        value = _small_int(value)
    if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= 365:
        raise errors.CadenceRangeError()
    return value


#: The longest retention period the rule takes (years after archiving).
MAX_RETENTION_YEARS = 100


def retention_years(value: object) -> int:
    """A retention period in whole years, 1–:data:`MAX_RETENTION_YEARS`."""
    if isinstance(value, str):
        value = _small_int(value.strip())
    if isinstance(value, bool) or not isinstance(value, int):
        raise errors.RetentionRangeError(high=MAX_RETENTION_YEARS)
    if not 1 <= value <= MAX_RETENTION_YEARS:
        raise errors.RetentionRangeError(high=MAX_RETENTION_YEARS)
    return value


def email(value: object) -> str:
    """An e-mail address, stripped (compared case-insensitively by the vault)."""
    if not isinstance(value, str) or _EMAIL.fullmatch(value.strip()) is None:
        raise errors.BadEmailError(value=_shown(value))
    return utf8(value.strip())


def in_range(day: date) -> date:
    """``day`` if its year is within :data:`MIN_YEAR`..:data:`MAX_YEAR`.

    Raises:
        DateRangeError: it is not.
    """
    if not MIN_YEAR <= day.year <= MAX_YEAR:
        raise errors.DateRangeError(value=day.isoformat(), low=MIN_YEAR, high=MAX_YEAR)
    return day


def parse_date(value: object) -> date:
    """A date from ``YYYY-MM-DD`` (or a date object), in the years 1900..2200.

    Raises:
        BadDateError: not a date.
        DateRangeError: a date outside the years 1900..2200.
    """
    if isinstance(value, datetime):
        return in_range(value.date())
    if isinstance(value, date):
        return in_range(value)
    if isinstance(value, str):
        try:
            parsed = date.fromisoformat(value.strip())
        except ValueError:
            pass
        else:
            return in_range(parsed)
    raise errors.BadDateError(value=_shown(value))


def optional_date(value: object) -> date | None:
    """A date or None (None or an empty string)."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    return parse_date(value)


def parse_datetime(value: object, *, zone: tzinfo | None = None) -> datetime:
    """An aware UTC datetime from ISO-8601 text, a date or a datetime.

    Text without an offset, and naive datetimes, are read in ``zone`` (default: the machine's
    local zone); a bare date means 10:00 local time that day.
    """
    if isinstance(value, str):
        raw = value.strip()
        try:
            if len(raw) == 10:
                value = datetime.combine(date.fromisoformat(raw), time(10, 0))
            else:
                value = datetime.fromisoformat(raw)
        except ValueError:
            raise errors.BadDateError(value=_shown(raw)) from None
    elif isinstance(value, date) and not isinstance(value, datetime):
        value = datetime.combine(value, time(10, 0))
    if not isinstance(value, datetime):
        raise errors.BadDateError(value=_shown(value))
    # Checked before any zone conversion: near year 1 or 9999 that conversion overflows.
    in_range(value.date())
    if value.tzinfo is None:
        value = value.replace(tzinfo=zone) if zone is not None else value.astimezone()
    result = value.astimezone(UTC).replace(microsecond=0)
    in_range(result.date())
    return result


def clamp_day(value: date) -> date:
    """A stored day pulled into the years 1900..2200 (for values written before the check).

    A vault may hold a date from before the limit existed (``person add --started
    9999-12-31``); read back as it is, it would make every later report overflow.
    """
    return min(max(value, _LOW_DAY), _HIGH_DAY)


def clamp_datetime(value: datetime) -> datetime:
    """A stored aware datetime pulled into the years 1900..2200 (see :func:`clamp_day`)."""
    return min(max(value, _LOW_TIME), _HIGH_TIME)


_LOW_DAY = date(MIN_YEAR, 1, 1)
_HIGH_DAY = date(MAX_YEAR, 12, 31)
_LOW_TIME = datetime(MIN_YEAR, 1, 1, tzinfo=UTC)
_HIGH_TIME = datetime(MAX_YEAR, 12, 31, 23, 59, 59, tzinfo=UTC)
