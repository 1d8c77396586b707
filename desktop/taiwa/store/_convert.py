"""Conversions between the vault's text columns and Python values (UTC text, ISO dates)."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

from taiwa.domain import validate
from taiwa.domain.models import (
    Action,
    Meeting,
    MeetingSource,
    MeetingStatus,
    Owner,
    Person,
    Theme,
    Topic,
    TopicState,
    WantedResponse,
)

TS_FORMAT = "%Y-%m-%dT%H:%M:%SZ"

# sqlcipher3 ships no type information: rows and connections are typed loosely here only.
Row = Any
Conn = Any


def ts(value: datetime) -> str:
    """An aware datetime as stored: UTC, second precision, ``Z``."""
    return value.astimezone(UTC).strftime(TS_FORMAT)


# The stored form of the first and last instants :func:`from_ts` returns unclamped.
_TS_LOW = f"{validate.MIN_YEAR:04d}-01-01T00:00:00Z"
_TS_HIGH = f"{validate.MAX_YEAR:04d}-12-31T23:59:59Z"


def from_ts(value: str) -> datetime:
    """A stored UTC timestamp as an aware datetime (clamped to the years 1900..2200: a value
    written before that check must not make later reports overflow)."""
    if len(value) == len(_TS_LOW) and value[-1] == "Z" and _TS_LOW <= value <= _TS_HIGH:
        # The form :func:`ts` writes, inside the range (stored text sorts as time): already
        # UTC and in range. A dashboard converts tens of thousands of these.
        return datetime.fromisoformat(value)
    return validate.clamp_datetime(datetime.fromisoformat(value).astimezone(UTC))


def opt_ts(value: str | None) -> datetime | None:
    return None if value is None else from_ts(value)


def day(value: date) -> str:
    return value.isoformat()


def opt_day(value: date | None) -> str | None:
    return None if value is None else value.isoformat()


def from_day(value: str | None) -> date | None:
    return None if value is None else validate.clamp_day(date.fromisoformat(value))


def clamped_day(value: str) -> date:
    """A stored day, clamped like :func:`from_day` (for a column that is never NULL)."""
    return validate.clamp_day(date.fromisoformat(value))


def person(row: Row, emails: tuple[str, ...]) -> Person:
    return Person(
        id=row["id"],
        name=row["name"],
        emails=emails,
        role=row["role"],
        team=row["team"],
        started_on=from_day(row["started_on"]),
        cadence_days=row["cadence_days"],
        career_goals=row["career_goals"],
        archived=bool(row["archived"]),
        archived_at=opt_ts(row["archived_at"]),
    )


def topic(row: Row) -> Topic:
    return Topic(
        id=row["id"],
        meeting_id=row["meeting_id"],
        theme=Theme(row["theme"]),
        text=row["text"],
        raised_by=Owner(row["raised_by"]),
        state=TopicState(row["state"]),
        position=row["position"],
        carried_from=row["carried_from"],
    )


def action(row: Row) -> Action:
    return Action(
        id=row["id"],
        person_id=row["person_id"],
        meeting_id=row["meeting_id"],
        owner=Owner(row["owner"]),
        text=row["text"],
        due_on=from_day(row["due_on"]),
        done_on=from_day(row["done_on"]),
    )


def meeting(row: Row, topics: tuple[Topic, ...], actions: tuple[Action, ...]) -> Meeting:
    wanted = row["wanted_response"]
    return Meeting(
        id=row["id"],
        person_id=row["person_id"],
        starts_at=from_ts(row["starts_at"]),
        status=MeetingStatus(row["status"]),
        ends_at=opt_ts(row["ends_at"]),
        zone=row["zone"],
        purpose=row["purpose"],
        wanted_response=None if wanted is None else WantedResponse(wanted),
        mood=row["mood"],
        shared_notes=row["shared_notes"],
        private_notes=row["private_notes"],
        role=row["role"],
        team=row["team"],
        source=MeetingSource(row["source"]),
        ics_uid=row["ics_uid"],
        ics_recurrence_id=row["ics_recurrence_id"],
        ics_sequence=row["ics_sequence"],
        topics=topics,
        actions=actions,
    )
