"""Turning the TZIDs calendars write into IANA zones.

Outlook writes Windows zone ids ("Tokyo Standard Time") or their display names
("(UTC+09:00) Osaka, Sapporo, Tokyo"); libical and Lightning write "globally unique" ids
("/freeassociation.sourceforge.net/Asia/Tokyo"); Google writes IANA names. An id none of these
explain must come with a VTIMEZONE in the file, or the event is reported: icalendar would
otherwise read its times as floating (the laptop's zone) without a word.
"""

from __future__ import annotations

import functools
import re
import unicodedata
import zoneinfo

from taiwa.ics.windows_zones import WINDOWS_ZONES

_OFFSET = re.compile(r"^\(?(?:UTC|GMT)\s*([+-]\d{1,2}):?(\d{2})?\)?\s*(.*)$", re.IGNORECASE)


def _key(text: str) -> str:
    return " ".join(unicodedata.normalize("NFKC", text).split()).casefold()


@functools.cache
def _iana() -> dict[str, str]:
    names = zoneinfo.available_timezones()
    return {name.casefold(): name for name in names}


@functools.cache
def _windows() -> tuple[dict[str, str], dict[str, str], dict[str, list[tuple[str, str]]]]:
    # Windows ids from the CLDR mapping icalendar ships (updated with each icalendar release,
    # so a zone Windows adds arrives with a dependency update); display names, which only
    # CLDR's comments carry, from our generated table.
    from icalendar.timezone.windows_to_olson import WINDOWS_TO_OLSON

    by_id = {_key(win): iana for _, win, iana in WINDOWS_ZONES}
    by_id.update({_key(win): iana for win, iana in WINDOWS_TO_OLSON.items()})
    by_display = {_key(display): iana for display, _, iana in WINDOWS_ZONES}
    by_offset: dict[str, list[tuple[str, str]]] = {}
    for display, _, iana in WINDOWS_ZONES:
        match = _OFFSET.match(display)
        offset = _norm_offset(match.group(1), match.group(2)) if match else "+00:00"
        places = match.group(3) if match else display
        by_offset.setdefault(offset, []).append((_key(places), iana))
    return by_id, by_display, by_offset


def _norm_offset(hours: str, minutes: str | None) -> str:
    sign = "-" if hours.startswith("-") else "+"
    return f"{sign}{abs(int(hours)):02d}:{int(minutes or 0):02d}"


def _places(text: str) -> set[str]:
    # "Eastern Time (US & Canada)" and "Eastern Time" name the same place.
    text = re.sub(r"\([^)]*\)", "", text)
    return {w.strip(" .") for w in re.split(r"[,/]", text) if w.strip(" .")}


# "UTC+01", "GMT+9", "UTC-05:00": a fixed offset, nothing else.
_BARE_OFFSET = re.compile(r"^(?:UTC|GMT)\s*([+-])\s*(\d{1,2}):?(\d{2})?$", re.IGNORECASE)


def _fixed_offset(tzid: str) -> str | None:
    """The Etc/GMT zone of a bare whole-hour offset ("UTC+01" gives Etc/GMT-1: POSIX signs
    are reversed), or None."""
    match = _BARE_OFFSET.match(tzid)
    if match is None or int(match.group(3) or 0) != 0:
        return None
    hours = int(match.group(2))
    if hours == 0:
        return "UTC"
    name = f"Etc/GMT{'-' if match.group(1) == '+' else '+'}{hours}"
    return name if is_known(name) else None


def _from_places(tzid: str) -> str | None:
    """A display name without its "(UTC+hh:mm)" prefix ("Kuala Lumpur, Singapore"): the one
    row naming most of its places, when no other row names as many."""
    words = _places(_key(tzid))
    if not words:
        return None
    scores: dict[str, int] = {}
    for rows in _windows()[2].values():
        for row_places, iana in rows:
            shared = len(words & _places(row_places))
            if shared:
                scores[iana] = max(scores.get(iana, 0), shared)
    if not scores:
        return None
    best = max(scores.values())
    winners = [iana for iana, score in scores.items() if score == best]
    return winners[0] if len(winners) == 1 else None


def _from_display(tzid: str) -> str | None:
    by_offset = _windows()[2]
    match = _OFFSET.match(tzid.strip())
    if not match:
        return _from_places(tzid)
    offset = _norm_offset(match.group(1), match.group(2))
    places = _key(match.group(3))
    rows = by_offset.get(offset, [])
    # Windows renames display names now and then ("Kyiv" for "Kiev", city lists grow): accept
    # a row sharing a place name with the same offset.
    words = _places(places)
    for row_places, iana in rows:
        if words & _places(row_places):
            return iana
    # A place that is itself an IANA city ("(UTC+01:00) Zurich").
    for word in words:
        for name_key, name in _iana().items():
            if name_key.rsplit("/", 1)[-1] == word.replace(" ", "_"):
                return name
    if not places and offset in ("+00:00", "-00:00"):
        return "UTC"
    return None


@functools.lru_cache(maxsize=512)
def resolve(tzid: str) -> str | None:  # noqa: PLR0911 - one return per kind of id
    """The IANA zone a TZID means, or None when only the file's VTIMEZONE can say.

    Examples: ``Tokyo Standard Time`` and ``(UTC+09:00) Osaka, Sapporo, Tokyo`` give
    ``Asia/Tokyo``; ``/freeassociation.sourceforge.net/Europe/Berlin`` gives ``Europe/Berlin``;
    ``Customized Time Zone`` gives None.
    """
    # Outlook 2007 writes the comma of a display name escaped where it defines the zone.
    raw = tzid.strip().strip('"').replace("\\,", ",").replace("\\;", ";").strip()
    if not raw:
        return None
    iana = _iana()
    cleaned = raw.strip("/")
    if cleaned.casefold() in iana:
        return iana[cleaned.casefold()]
    if cleaned.upper() in ("Z", "UTC", "GMT", "ETC/UTC"):
        return "UTC"
    fixed = _fixed_offset(cleaned)
    if fixed is not None:
        return fixed
    by_id, by_display, _ = _windows()
    key = _key(cleaned)
    if key in by_id:
        return by_id[key]
    if key in by_display:
        return by_display[key]
    if "/" in cleaned:
        # A "globally unique" id: /vendor/.../Area/City — try the longest known suffix.
        parts = cleaned.split("/")
        for start in range(1, len(parts)):
            suffix = "/".join(parts[start:]).casefold()
            if suffix in iana:
                return iana[suffix]
    return _from_display(cleaned)


def is_known(name: str) -> bool:
    """Whether ``name`` is an IANA zone this machine's tz database has."""
    return name.casefold() in _iana()
