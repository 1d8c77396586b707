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

_EMAIL = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s]+")
# C0 control characters other than tab and line breaks: never typed on purpose, and the
# search snippets use two of them as match markers.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")

E = TypeVar("E", bound=StrEnum)


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
    return _CONTROL.sub("", value)


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
        if not stripped.isdigit():
            raise errors.MoodRangeError()
        value = int(stripped)
    if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= 5:
        raise errors.MoodRangeError()
    return value


def cadence(value: object) -> int:
    """A cadence in days, 1–365."""
    if isinstance(value, str) and value.strip().isdigit():
        value = int(value.strip())
    if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= 365:
        raise errors.CadenceRangeError()
    return value


def email(value: object) -> str:
    """An e-mail address, stripped (compared case-insensitively by the vault)."""
    if not isinstance(value, str) or _EMAIL.fullmatch(value.strip()) is None:
        raise errors.BadEmailError(value=str(value)[:80])
    return value.strip()


def parse_date(value: object) -> date:
    """A date from ``YYYY-MM-DD`` (or a date object)."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        try:
            return date.fromisoformat(value.strip())
        except ValueError:
            pass
    raise errors.BadDateError(value=str(value)[:40])


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
            raise errors.BadDateError(value=raw[:40]) from None
    elif isinstance(value, date) and not isinstance(value, datetime):
        value = datetime.combine(value, time(10, 0))
    if not isinstance(value, datetime):
        raise errors.BadDateError(value=str(value)[:40])
    if value.tzinfo is None:
        value = value.replace(tzinfo=zone) if zone is not None else value.astimezone()
    if not 1900 <= value.year <= 2200:
        raise errors.BadDateError(value=value.isoformat()[:40])
    return value.astimezone(UTC).replace(microsecond=0)
