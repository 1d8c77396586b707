"""Time zone ids as calendars write them → IANA zones (CLDR windowsZones as data)."""

from __future__ import annotations

import zoneinfo

import pytest

from taiwa.ics import zones
from taiwa.ics.windows_zones import WINDOWS_ZONES


@pytest.mark.parametrize(
    ("tzid", "expected"),
    [
        ("Tokyo Standard Time", "Asia/Tokyo"),
        ("tokyo standard time", "Asia/Tokyo"),
        ("W. Europe Standard Time", "Europe/Berlin"),
        ("New Zealand Standard Time", "Pacific/Auckland"),
        ("(UTC+09:00) Osaka, Sapporo, Tokyo", "Asia/Tokyo"),
        ('"(UTC+09:00) Osaka, Sapporo, Tokyo"', "Asia/Tokyo"),
        ("(UTC-05:00) Eastern Time", "America/New_York"),  # display name without "(US & Canada)"
        ("(UTC+02:00) Helsinki, Kiev, Riga", "Europe/Kiev"),  # renamed since ("Kyiv")
        ("(UTC+01:00) Zurich", "Europe/Zurich"),  # a place that is an IANA city
        ("/freeassociation.sourceforge.net/Europe/Berlin", "Europe/Berlin"),
        ("/mozilla.org/20050126_1/Asia/Tokyo", "Asia/Tokyo"),
        ("Asia/Tokyo", "Asia/Tokyo"),
        ("UTC", "UTC"),
    ],
)
def test_known_ids_resolve(tzid: str, expected: str) -> None:
    assert zones.resolve(tzid) == expected


@pytest.mark.parametrize(
    "tzid", ["Customized Time Zone", "tzone://Microsoft/Custom", "Mars Standard Time", "", "(UTC+05:00) Nowhere"]
)  # fmt: skip
def test_unknown_ids_are_not_guessed(tzid: str) -> None:
    assert zones.resolve(tzid) is None


def test_every_cldr_mapping_is_a_zone_this_machine_knows() -> None:
    assert len(WINDOWS_ZONES) > 130
    for display, windows_id, iana in WINDOWS_ZONES:
        zoneinfo.ZoneInfo(iana)
        if windows_id == "UTC":  # also an IANA name of its own
            continue
        assert zones.resolve(windows_id) == iana
        assert zones.resolve(display) == iana


def test_custom_zones_are_renamed_after_their_rules() -> None:
    from pathlib import Path

    from taiwa.ics import scan
    from taiwa.ics.expand import _plan_zones

    data = Path(__file__).resolve().parents[2] / "data" / "ics"

    def renamed(name: str) -> str:
        scanned = scan.scan((data / name).read_text(), name)
        return _plan_zones(scanned, scanned.events).rename["Customized Time Zone"]

    tokyo, berlin = renamed("custom_tz_tokyo.ics"), renamed("custom_tz_berlin.ics")
    assert tokyo != berlin and tokyo.startswith("Taiwa-")
    assert renamed("custom_tz_tokyo.ics") == tokyo  # same rules, same cache entry
