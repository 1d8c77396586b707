"""Which calendar occurrences are 1on1s, and with whom.

The rule (see the design): drop the calendar's owner, rooms and resources (CUTYPE=ROOM or
RESOURCE) and attendees who declined. Exactly one remaining participant who is a known person
(by e-mail, ignoring case) makes a 1on1 with that person. Otherwise a title matching a keyword
makes a 1on1 — with the one remaining participant (a known person, or a proposed new person when
unknown), or with the known person the title names. Titles naming a stand-up or 定例 are not
1on1s unless they also carry a 1on1 keyword ("定例1on1" is a 1on1, "週次定例" is not).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

DEFAULT_KEYWORDS: tuple[str, ...] = (
    "1on1",
    "1:1",
    "1-on-1",
    "one on one",
    "1対1",
    "面談",
    "ワンオンワン",
)
DEFAULT_EXCLUDE: tuple[str, ...] = ("stand-up", "standup", "stand up", "定例")

#: Title prefixes by which Outlook marks a cancelled meeting (after NFKC, casefolded).
CANCEL_PREFIXES: tuple[str, ...] = ("canceled:", "cancelled:", "キャンセル済み:", "キャンセル:")


def normalize_title(title: str) -> str:
    """NFKC (so １on１ reads 1on1, full-width colons become ':') with collapsed white space."""
    return " ".join(unicodedata.normalize("NFKC", title).split())


def split_cancelled(title: str) -> tuple[str, bool]:
    """The title without Outlook's cancellation prefix, and whether it had one."""
    clean = normalize_title(title)
    folded = clean.casefold()
    for prefix in CANCEL_PREFIXES:
        if folded.startswith(prefix):
            return clean[len(prefix) :].strip(), True
    return clean, False


def _pattern(keyword: str) -> re.Pattern[str]:
    word = normalize_title(keyword).casefold()
    body = r"\s*".join(re.escape(part) for part in word.split(" "))
    # ASCII keywords need word edges ("1:1" must not match "11:15"); Japanese has no spaces.
    left = r"(?<![0-9a-z])" if word[:1].isascii() and word[:1].isalnum() else ""
    right = r"(?![0-9a-z])" if word[-1:].isascii() and word[-1:].isalnum() else ""
    return re.compile(left + body + right)


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
        rule: "attendee" (one known participant) or "title" (a keyword).
        person_id: the known person, or None for a proposed new person.
        email: the participant's e-mail (None when matched by a name in the title).
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
        self._keywords = [_pattern(k) for k in keywords if k.strip()]
        self._exclude = [_pattern(k) for k in exclude if k.strip()]
        self._names = [
            (_pattern(p.name), p) for p in self.people if len(normalize_title(p.name)) >= 2
        ]

    def title_matches(self, title: str) -> bool:
        """Whether a (normalised) title carries a 1on1 keyword."""
        folded = normalize_title(title).casefold()
        return any(p.search(folded) for p in self._keywords)

    def title_excluded(self, title: str) -> bool:
        """Whether a title names a stand-up or 定例 (and no 1on1 keyword)."""
        folded = normalize_title(title).casefold()
        return any(p.search(folded) for p in self._exclude) and not self.title_matches(title)

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
        others = self.others(participants)
        if len(others) == 1 and others[0].email in self.by_email:
            person = self.by_email[others[0].email]
            return Match("attendee", person.id, others[0].email, person.name)
        if not self.title_matches(title):
            return None
        known = [p for p in others if p.email in self.by_email]
        if len(others) == 1 and others[0].email:
            # An unknown single participant: propose them as a new person.
            other = others[0]
            return Match("title", None, other.email, other.name or other.email.split("@")[0])
        if len(known) == 1:
            person = self.by_email[known[0].email]
            return Match("title", person.id, known[0].email, person.name)
        if not others:
            # "1on1 Tanaka" with nobody invited: a known person named in the title.
            folded = normalize_title(title).casefold()
            named = {p.id: p for pattern, p in self._names if pattern.search(folded)}
            if len(named) == 1:
                person = next(iter(named.values()))
                return Match("title", person.id, None, person.name)
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
