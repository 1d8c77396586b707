"""Which calendar occurrences are 1on1s, and with whom.

The rule (see the design): drop the calendar's owner, rooms and resources (CUTYPE=ROOM or
RESOURCE) and attendees who declined. Exactly one remaining participant who is a known person
(by e-mail, ignoring case) makes a 1on1 with that person. Otherwise a title matching a keyword
makes a 1on1 — with the one remaining participant (a known person, or a proposed new person when
unknown), with the known person the title names, or, with nobody invited, with whoever the user
says ("who is this?", remembered per series). Exclusions are blanked out of a title before
keywords are looked for ("採用面談" is not a 1on1, "定例1on1" is); a title left with an exclusion
and no keyword is not a 1on1 whoever attends ("週次定例").

The keywords, exclusions and invitation prefixes are data: resources/calendar/1on1-rules.json
holds the built-in ones (and describes the phrase syntax); the user edits keywords and
exclusions in the vault (``calendar-keywords``, Settings).
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any

from taiwa.paths import resource

RULES_FILE = ("calendar", "1on1-rules.json")

# What a space in a phrase stands for: separators people put between "one", "on" and "one".
_SEP = r"[\s\-‐‑‒–—―_.・･]*"
# Characters that glue a number to its neighbour: "1:1" is not in "11:15", "2:1:1" or "1/1".
_NUM_LEFT = r"(?<![0-9a-z.:/\-])"
_NUM_RIGHT = r"(?![0-9]|[:/.\-][0-9])"
_WORD_LEFT = r"(?<![0-9a-z])"
_WORD_RIGHT = r"s?(?![0-9a-z])"  # a plural 's': "one-on-ones"

_READ_CACHE = 20_000  # distinct titles remembered per Matcher (a bound, not a tuning knob)

#: Prefix kinds, strongest first: a withdrawn or declined invitation is a cancelled occurrence.
PREFIX_KINDS: tuple[str, ...] = ("cancelled", "declined", "tentative", "other")


def normalize_title(title: str) -> str:
    """NFKC (so １on１ reads 1on1, full-width colons become ':') with collapsed white space."""
    return " ".join(unicodedata.normalize("NFKC", title).split())


@dataclass(frozen=True, slots=True)
class Rules:
    """The built-in rules (see the JSON file for their syntax)."""

    keywords: tuple[str, ...]
    exclude: tuple[str, ...]
    prefixes: tuple[tuple[str, str], ...]  # (casefolded prefix, kind), longest first
    legacy: tuple[tuple[tuple[str, ...], tuple[str, ...]], ...]


def _strings(value: Any) -> tuple[str, ...]:
    if not isinstance(value, list):
        return ()
    return tuple(str(v) for v in value if isinstance(v, str) and v.strip())


@cache
def rules() -> Rules:
    """The built-in rules, read once from the package's data file."""
    data = json.loads(resource(*RULES_FILE).read_text(encoding="utf-8"))
    prefixes = [
        (normalize_title(p).casefold(), kind)
        for kind in PREFIX_KINDS
        for p in _strings(data.get("prefixes", {}).get(kind))
    ]
    prefixes.sort(key=lambda pk: -len(pk[0]))
    legacy = tuple(
        (_strings(entry.get("keywords")), _strings(entry.get("exclude")))
        for entry in data.get("legacy", [])
        if isinstance(entry, dict)
    )
    return Rules(
        keywords=_strings(data.get("keywords")),
        exclude=_strings(data.get("exclude")),
        prefixes=tuple(prefixes),
        legacy=legacy,
    )


DEFAULT_KEYWORDS: tuple[str, ...] = rules().keywords
DEFAULT_EXCLUDE: tuple[str, ...] = rules().exclude


def is_legacy_default(keywords: Sequence[str], exclude: Sequence[str]) -> bool:
    """Whether stored lists are an earlier version's defaults, unchanged (then follow today's)."""
    pair = (tuple(keywords), tuple(exclude))
    return any(pair == old for old in rules().legacy)


def split_prefix(title: str) -> tuple[str, str]:
    """The title without the prefixes of an answered invitation, and the strongest kind seen.

    "Declined: Canceled: 1:1" gives ("1:1", "cancelled"); a title without one gives (title, "").
    """
    clean = normalize_title(title)
    kind = ""
    finder, kinds = _prefix_finder()
    for _ in range(4):  # "Updated invitation: Tentative: ..." — a few, never a loop
        found = finder.match(clean.casefold())
        if found is None:
            break
        which = kinds[found.group()]
        clean = clean[found.end() :].strip()
        if not kind or PREFIX_KINDS.index(which) < PREFIX_KINDS.index(kind):
            kind = which
    return clean, kind


@cache
def _prefix_finder() -> tuple[re.Pattern[str], dict[str, str]]:
    # One anchored alternation, longest prefix first: a title is tried once, not 30 times.
    kinds = dict(rules().prefixes)
    finder = re.compile("|".join(re.escape(p) for p, _ in rules().prefixes) or r"(?!)")
    return finder, kinds


def split_cancelled(title: str) -> tuple[str, bool]:
    """The title without its invitation prefixes, and whether they cancel the occurrence."""
    clean, kind = split_prefix(title)
    return clean, kind in ("cancelled", "declined")


def _pattern(keyword: str) -> re.Pattern[str] | None:
    word = normalize_title(keyword).casefold()
    if not word:
        return None
    body = _SEP.join(re.escape(part) for part in word.split(" "))
    first, last = word[:1], word[-1:]
    left = right = ""
    if first.isascii() and first.isalnum():
        left = _NUM_LEFT if first.isdigit() else _WORD_LEFT
    if last.isascii() and last.isalnum():
        right = _NUM_RIGHT if last.isdigit() else _WORD_RIGHT
    return re.compile(left + body + right)


def _any_of(words: Iterable[str]) -> re.Pattern[str] | None:
    """One pattern for several phrases, longest first (a title is scanned once, not per phrase).

    A lookahead for the phrases' first characters comes first: at most positions of a title
    it fails at once, instead of trying every phrase with its word-edge lookbehind (10x faster
    on a 60 000-event export).
    """
    phrases = {normalize_title(w).casefold() for w in words}
    phrases.discard("")
    if not phrases:
        return None
    parts = sorted({p.pattern for w in phrases if (p := _pattern(w)) is not None}, key=len)
    firsts = "".join(sorted({re.escape(w[0]) for w in phrases}))
    return re.compile(f"(?=[{firsts}])(?:" + "|".join(reversed(parts)) + ")")


@dataclass(frozen=True, slots=True)
class Participant:
    """An attendee or the organizer of an occurrence."""

    email: str  # casefolded, '' when the calendar gave none
    name: str = ""
    cutype: str = "INDIVIDUAL"
    partstat: str = ""


@dataclass(frozen=True, slots=True)
class KnownPerson:
    id: int
    name: str
    emails: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Match:
    """Why an occurrence is a 1on1 and with whom.

    Attributes:
        rule: "attendee" (one known participant), "title" (a keyword) or "unknown" (a keyword,
            nobody or nobody known to say who: the user is asked "who is this?").
        person_id: the known person, or None for a proposed new person or an unknown one.
        email: the participant's e-mail (None when matched by a name in the title or unknown).
        name: the known person's name, or the proposed person's name (from CN or the e-mail).
    """

    rule: str
    person_id: int | None
    email: str | None
    name: str


class Matcher:
    """The matching rules for one import: keywords, exclusions, the owner and known people."""

    def __init__(
        self,
        people: Iterable[KnownPerson],
        *,
        owner: Iterable[str] = (),
        keywords: Sequence[str] = DEFAULT_KEYWORDS,
        exclude: Sequence[str] = DEFAULT_EXCLUDE,
    ) -> None:
        self.people = list(people)
        self.by_email: dict[str, KnownPerson] = {}
        for person in self.people:
            for email in person.emails:
                self.by_email[email.casefold()] = person
        self.owner = {e.casefold() for e in owner if e}
        self._keywords = _any_of(keywords)
        self._exclude = _any_of(exclude)
        # Recurring events repeat their titles: each distinct title is read once per import.
        self._cache: dict[tuple[str, bool], bool] = {}
        self._names = [
            (pattern, p)
            for p in self.people
            if len(normalize_title(p.name)) >= 2 and (pattern := _pattern(p.name)) is not None
        ]

    def _remember(self, key: tuple[str, bool], value: bool) -> bool:
        if len(self._cache) >= _READ_CACHE:
            self._cache.clear()
        self._cache[key] = value
        return value

    def title_matches(self, title: str) -> bool:
        """Whether a title carries a 1on1 keyword outside its exclusions."""
        known = self._cache.get((title, True))
        if known is not None:
            return known
        folded = split_prefix(title)[0].casefold()
        if self._keywords is None or self._keywords.search(folded) is None:
            return self._remember((title, True), False)
        # Only a title with a keyword pays for blanking out its exclusions.
        if self._exclude is not None:
            folded = self._exclude.sub(" ", folded)
        return self._remember((title, True), self._keywords.search(folded) is not None)

    def title_excluded(self, title: str) -> bool:
        """Whether a title names an exclusion (a stand-up, 定例, 採用面談...) and no keyword."""
        known = self._cache.get((title, False))
        if known is not None:
            return known
        folded = split_prefix(title)[0].casefold()
        named = self._exclude is not None and self._exclude.search(folded) is not None
        return self._remember((title, False), named and not self.title_matches(title))

    def is_candidate(self, summary: str, emails: Iterable[str]) -> bool:
        """Cheap pre-scan test: could any occurrence of this event be a 1on1?"""
        if self.title_matches(summary):
            return True
        return any(e in self.by_email for e in emails)

    def others(self, participants: Iterable[Participant]) -> list[Participant]:
        """The participants left after dropping the owner, rooms, resources and decliners."""
        seen: set[str] = set()
        out: list[Participant] = []
        for p in participants:
            if p.cutype.upper() in ("ROOM", "RESOURCE") or p.partstat.upper() == "DECLINED":
                continue
            if p.email and (p.email in self.owner or p.email in seen):
                continue
            if p.email:
                seen.add(p.email)
            out.append(p)
        return out

    def classify(  # noqa: PLR0911 - one return per rule of the design
        self, title: str, participants: Sequence[Participant]
    ) -> Match | None:
        """Decide whether an occurrence is a 1on1 and with whom (None: it is not)."""
        if self.title_excluded(title):
            return None
        found = self.title_matches(title)
        others = self.others(participants)
        if len(others) == 1 and others[0].email in self.by_email:
            person = self.by_email[others[0].email]
            return Match("attendee", person.id, others[0].email, person.name)
        if not found:
            return None
        known = [p for p in others if p.email in self.by_email]
        if len(others) == 1 and others[0].email:
            # An unknown single participant: propose them as a new person.
            other = others[0]
            return Match("title", None, other.email, other.name or other.email.split("@")[0])
        if len(known) == 1:
            person = self.by_email[known[0].email]
            return Match("title", person.id, known[0].email, person.name)
        if not known:
            # "1on1 Tanaka" with nobody (known) invited: a known person named in the title...
            folded = normalize_title(title).casefold()
            named = {p.id: p for pattern, p in self._names if pattern.search(folded)}
            if len(named) == 1:
                person = next(iter(named.values()))
                return Match("title", person.id, None, person.name)
            if len(others) <= 1:
                # ... or a weekly "1:1" in an export of one's own calendar: ask who it is.
                return Match("unknown", None, None, "")
        return None


def guess_owner(email_lists: Iterable[Iterable[str]]) -> str | None:
    """The address in the most events (organizer or attendee): whose calendar this is."""
    counts: dict[str, int] = {}
    for emails in email_lists:
        for email in set(emails):
            counts[email] = counts.get(email, 0) + 1
    if not counts:
        return None
    best = max(counts.items(), key=lambda item: (item[1], item[0]))
    return best[0]
