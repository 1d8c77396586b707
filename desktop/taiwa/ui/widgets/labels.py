"""Translated display names of the domain's enumerations, and the colours that go with them.

The domain enums carry stable lower-case values for the database; the UI shows these names.
Every page uses the same words so a theme or a status reads the same everywhere.
"""

from __future__ import annotations

import functools
from datetime import date, datetime

from PySide6.QtCore import QCoreApplication, QLocale
from PySide6.QtGui import QColor

from taiwa import i18n
from taiwa.domain.models import MeetingStatus, Owner, Theme, TopicState, WantedResponse

_CTX = "Labels"


def _t(text: str, disambiguation: str | None = None) -> str:
    return QCoreApplication.translate(_CTX, text, disambiguation)


def theme_name(theme: Theme) -> str:
    """The short name of a topic theme (section headers, chips, chart labels)."""
    names = {
        #: Topic theme: short-term work improvement.
        Theme.WORK: _t("Work", "topic theme"),
        #: Topic theme: mid-term growth of the report.
        Theme.GROWTH: _t("Growth", "topic theme"),
        #: Topic theme: long-term career.
        Theme.CAREER: _t("Career", "topic theme"),
        #: Topic theme: health, condition, workload.
        Theme.WELLBEING: _t("Wellbeing", "topic theme"),
        #: Topic theme: feedback in either direction.
        Theme.FEEDBACK: _t("Feedback", "topic theme"),
        Theme.OTHER: _t("Other", "topic theme"),
    }
    return names[theme]


def status_name(status: MeetingStatus) -> str:
    """The name of a meeting status."""
    names = {
        #: Meeting status: scheduled, not yet held.
        MeetingStatus.PLANNED: _t("Planned", "meeting status"),
        MeetingStatus.HELD: _t("Held", "meeting status"),
        MeetingStatus.CANCELLED: _t("Cancelled", "meeting status"),
        MeetingStatus.SKIPPED: _t("Skipped", "meeting status"),
    }
    return names[status]


def wanted_response_name(value: WantedResponse | None) -> str:
    """What the report wants from the manager, as the manager reads it."""
    if value is None:
        #: Wanted response of a meeting: nothing chosen yet.
        return _t("Not set", "wanted response")
    names = {
        WantedResponse.ADVISE: _t("Advise", "wanted response"),
        WantedResponse.THINK_TOGETHER: _t("Think together", "wanted response"),
        WantedResponse.JUST_LISTEN: _t("Just listen", "wanted response"),
    }
    return names[value]


def owner_name(owner: Owner) -> str:
    """Who owns an action item: the manager (me) or the report."""
    names = {
        #: Owner of an action item: the manager using the app.
        Owner.MANAGER: _t("Me", "action owner"),
        #: Owner of an action item: the direct report.
        Owner.REPORT: _t("Them", "action owner"),
    }
    return names[owner]


def topic_state_name(state: TopicState) -> str:
    names = {
        TopicState.OPEN: _t("Open", "topic state"),
        TopicState.DISCUSSED: _t("Discussed", "topic state"),
        #: Topic state: moved on to the next meeting.
        TopicState.CARRIED: _t("Carried over", "topic state"),
    }
    return names[state]


def mood_name(mood: int | None) -> str:
    if mood is None:
        return _t("No mood recorded", "mood")
    names = {
        1: _t("1 · Very low", "mood"),
        2: _t("2 · Low", "mood"),
        3: _t("3 · Okay", "mood"),
        4: _t("4 · Good", "mood"),
        5: _t("5 · Great", "mood"),
    }
    return names.get(mood, str(mood))


THEME_COLORS: dict[Theme, str] = {
    Theme.WORK: "#4C78A8",
    Theme.GROWTH: "#54A24B",
    Theme.CAREER: "#8E6CC0",
    Theme.WELLBEING: "#E4944C",
    Theme.FEEDBACK: "#3FA7A0",
    Theme.OTHER: "#8C8C8C",
}

STATUS_COLORS: dict[MeetingStatus, str] = {
    MeetingStatus.PLANNED: "#4C78A8",
    MeetingStatus.HELD: "#3E8E5A",
    MeetingStatus.CANCELLED: "#B0584F",
    MeetingStatus.SKIPPED: "#A68A3E",
}

# Calm tints used across the pages (they read on light and dark palettes alike).
PRIVATE_TINT = "#FFF6E0"
PRIVATE_TINT_DARK = "#3A3322"
PRIVATE_ACCENT = "#B7791F"
GOOD = "#3E8E5A"
WARN = "#C27C0E"
BAD = "#B0584F"


def theme_color(theme: Theme) -> QColor:
    return QColor(THEME_COLORS[theme])


def _lang() -> str:
    return i18n.current_language()


@functools.lru_cache(maxsize=32)
def _weekday_name(isoweekday: int, lang: str) -> str:
    # Weekday names from Qt's locale data for the UI language (not the machine's locale).
    loc = QLocale(QLocale.Language.Japanese if lang == "ja" else QLocale.Language.English)
    return loc.dayName(isoweekday, QLocale.FormatType.ShortFormat)


def _weekday(day: date) -> str:
    return _weekday_name(day.isoweekday(), _lang())


def format_date(value: date | datetime | None, *, with_time: bool = False) -> str:
    """A date (or local date and time), ISO-ordered so it is unambiguous in both languages."""
    if value is None:
        return "—"
    if isinstance(value, datetime):
        local = value.astimezone()
        text = _day_text(local.date())
        return f"{text} {local:%H:%M}" if with_time else text
    return _day_text(value)


def _day_text(day: date) -> str:
    iso = day.isoformat()  # YYYY-MM-DD, cheaper than strftime (lists call this per paint)
    return iso.replace("-", "/") if _lang() == "ja" else iso


def format_weekday_date(value: datetime, *, with_time: bool = True) -> str:
    """'Fri 2026-11-20 14:00' / '2026/11/20 (金) 14:00' in the UI language, local time."""
    local = value.astimezone()
    day = local.date()
    if _lang() == "ja":
        text = f"{_day_text(day)} ({_weekday(day)})"
    else:
        text = f"{_weekday(day)} {_day_text(day)}"
    return f"{text} {local:%H:%M}" if with_time else text


def plain_tooltip(text: str) -> str:
    """A tooltip that shows ``text`` literally.

    Qt guesses whether a tooltip is rich text (``Qt::mightBeRichText``), so typed markup such as
    ``<img src=…>`` would be interpreted. Escaping it inside an explicit ``<qt>`` block makes Qt
    render exactly the characters that were typed.
    """
    import html

    return "<qt>" + html.escape(text).replace("\n", "<br>") + "</qt>"
