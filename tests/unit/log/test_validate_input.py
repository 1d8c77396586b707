"""The input checks every door shares (CLI and GUI): ids, the 1900-2200 date range, encodings."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone

import pytest

from taiwa.domain import errors, validate


@pytest.mark.parametrize("value", ["0", "-1", "²", "٣", "１", "1e3", "", str(2**63), "9" * 5000])
def test_record_id_refuses_what_names_no_record(value: str) -> None:
    with pytest.raises(errors.MeetingNotFoundError) as caught:
        validate.record_id(value, errors.MeetingNotFoundError)
    assert len(caught.value.params["id"]) <= 40
    assert not validate.is_record_id(value)


def test_record_id_takes_ascii_digits_within_64_bits() -> None:
    assert validate.record_id(" 42 ", errors.MeetingNotFoundError) == 42
    assert validate.record_id(str(2**63 - 1), errors.MeetingNotFoundError) == 2**63 - 1
    assert validate.is_record_id("7")


@pytest.mark.parametrize("value", ["0001-01-01", "9999-12-31", "1899-12-31", "2201-01-01"])
def test_dates_outside_1900_2200_are_refused(value: str) -> None:
    with pytest.raises(errors.DateRangeError):
        validate.parse_date(value)
    with pytest.raises(errors.DateRangeError):
        validate.parse_datetime(value)


@pytest.mark.parametrize(
    "value", ["9999-12-31T23:59:59-12:00", "0001-01-01T00:00:00+14:00", "2200-12-31T23:00-12:00"]
)
def test_times_near_the_edges_are_refused_without_overflow(value: str) -> None:
    with pytest.raises(errors.DateRangeError):
        validate.parse_datetime(value)


def test_the_edges_themselves_are_fine() -> None:
    assert validate.parse_date("1900-01-01") == date(1900, 1, 1)
    assert validate.parse_date("2200-12-31") == date(2200, 12, 31)
    assert validate.parse_datetime("2200-12-31T10:00:00+09:00").year == 2200


def test_stored_values_are_clamped_into_the_range() -> None:
    assert validate.clamp_day(date(9999, 12, 31)) == date(2200, 12, 31)
    assert validate.clamp_day(date(1, 1, 1)) == date(1900, 1, 1)
    assert validate.clamp_day(date(2026, 1, 5)) == date(2026, 1, 5)
    high = validate.clamp_datetime(datetime(9999, 12, 31, 23, 59, 59, tzinfo=UTC))
    assert high.astimezone(timezone(timedelta(hours=14))).year == 2201  # no overflow
    low = validate.clamp_datetime(datetime(1, 1, 1, tzinfo=UTC))
    assert low.astimezone(timezone(timedelta(hours=-12))).year == 1899


@pytest.mark.parametrize("value", ["\udc80", "ok\ud800", "a\udcffb"])
def test_lone_surrogates_are_refused_in_text_names_and_emails(value: str) -> None:
    with pytest.raises(errors.BadEncodingError):
        validate.optional_text(value)
    with pytest.raises(errors.BadEncodingError):
        validate.name("N" + value)
    with pytest.raises(errors.BadEncodingError):
        validate.email(f"a{value}@example.com")


@pytest.mark.parametrize("value", ["²", "³", "1" * 30, "9" * 5000])
def test_mood_and_cadence_refuse_odd_digits(value: str) -> None:
    with pytest.raises(errors.MoodRangeError):
        validate.mood(value)
    with pytest.raises(errors.CadenceRangeError):
        validate.cadence(value)
