"""The roll-up file: a signed JSON document, format ``taiwa-rollup`` version 1.

Layout (UTF-8 JSON)::

    {
      "format": "taiwa-rollup",
      "version": 1,
      "payload": {
        "manager": "",                      # a label the manager typed, or ""
        "period": {"start": "2026-07-01", "end": "2026-09-30"},
        "created_on": "2026-10-01",
        "names": false,                      # true: "ref" holds names, else pseudonyms
        "reports": [
          {"ref": "R-1a2b3c4d", "team": "Platform",
           "planned": 6, "held": 6, "cancelled": 0, "skipped": 0,
           "execution_rate": 1.0,            # held / planned, null when nothing was planned
           "cadence_days": 14, "cadence_kept": true, "longest_gap_days": 15,
           "days_since_last": 3,             # null: no 1on1 held yet
           "themes": {"short": 4, "mid": 2, "long": 1},
           "actions": {"open": 2, "overdue": 0},
           "months": [{"month": "2026-07", "planned": 2, "held": 2}, ...]}
        ]
      },
      "signature": {"algorithm": "Ed25519", "key_id": "1a2b-...", "public_key": "<base64>",
                    "value": "<base64>"}
    }

The signature covers the canonical form of ``{"format", "version", "payload"}``: JSON with
sorted keys, no spaces, UTF-8 (:func:`canonical`). A reader recomputes it, so any edit of a
figure, a name or the version is detected; ``key_id`` is the SHA-256 fingerprint of the public
key, which a reader can compare with the one the manager tells them (or with the one kept from
an earlier file of the same manager). A file of a newer version is refused with a message
saying so, never half-read.

Figures are counted as in :mod:`taiwa.domain.stats` (execution rate = held ÷ planned, where
empty cadence slots count as planned); months are counted month by month, so their sum can
differ slightly from the period's figures when a cadence slot straddles two months.
"""

from __future__ import annotations

import base64
import binascii
import json
import re
from dataclasses import dataclass
from datetime import date
from typing import Any

from taiwa.errors import InputError
from taiwa.i18n import Msg
from taiwa.rollup import signing
from taiwa.rollup.model import MonthFigure, ReportLine, Rollup

FORMAT = "taiwa-rollup"
VERSION = 1
#: Larger files are refused before parsing: a real one is a few KB per report.
MAX_BYTES = 4 * 1024 * 1024
#: More reports than any manager has: a bound on the work a hostile file can ask for.
MAX_REPORTS = 2000
MAX_MONTHS = 240
_MAX_COUNT = 1_000_000
_MAX_TEXT = 200
_MONTH = re.compile(r"\d{4}-(0[1-9]|1[0-2])\Z")


class RollupFileError(InputError):
    """A roll-up file that cannot be used; the message names the file, never its content."""

    code = "rollup_file"


class NotRollupError(RollupFileError):
    code = "rollup_not_rollup"
    message = Msg(
        "{file} is not a Taiwa roll-up file.",
        "{file} は Taiwa のロールアップファイルではありません。",
    )


class RollupTooLargeError(RollupFileError):
    code = "rollup_too_large"
    message = Msg(
        "{file} is larger than {limit} MB; a roll-up file is much smaller. It was not read.",
        "{file} は {limit} MB を超えています（ロールアップファイルはもっと小さいはずです）。読み込みませんでした。",
    )


class NewerRollupError(RollupFileError):
    code = "rollup_newer"
    message = Msg(
        "{file} is a roll-up of format version {version}; this Taiwa reads up to version"
        " {supported}. Update Taiwa to read it.",
        "{file} はロールアップ形式のバージョン {version} です。この Taiwa はバージョン {supported}"
        " までしか読めません。Taiwa を更新してください。",
    )


class TamperedRollupError(RollupFileError):
    code = "rollup_tampered"
    message = Msg(
        "{file}: the signature does not match its content — it was changed after it was"
        " exported. It was not read.",
        "{file}：署名が内容と一致しません。書き出された後に変更されています。読み込みませんでした。",
    )


class BadRollupError(RollupFileError):
    code = "rollup_bad"
    message = Msg(
        "{file}: the roll-up is signed but malformed ({what}). It was not read.",
        "{file}：署名はありますが内容の形式が正しくありません（{what}）。読み込みませんでした。",
    )


@dataclass(frozen=True, slots=True)
class SignedRollup:
    """A verified roll-up and who signed it."""

    rollup: Rollup
    key_id: str
    public_key: bytes
    raw: bytes


def canonical(value: Any) -> bytes:
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode()


def _rate(planned: int, held: int) -> float | None:
    return None if planned == 0 else round(held / planned, 4)


def payload(rollup: Rollup) -> dict[str, Any]:
    """The payload of ``rollup`` as the file holds it."""
    return {
        "manager": rollup.manager,
        "period": {"start": rollup.start.isoformat(), "end": rollup.end.isoformat()},
        "created_on": rollup.created_on.isoformat(),
        "names": rollup.names,
        "reports": [
            {
                "ref": r.ref,
                "team": r.team,
                "planned": r.planned,
                "held": r.held,
                "cancelled": r.cancelled,
                "skipped": r.skipped,
                "execution_rate": _rate(r.planned, r.held),
                "cadence_days": r.cadence_days,
                "cadence_kept": r.cadence_kept,
                "longest_gap_days": r.longest_gap_days,
                "days_since_last": r.days_since_last,
                "themes": {"short": r.short_term, "mid": r.mid_term, "long": r.long_term},
                "actions": {"open": r.open_actions, "overdue": r.overdue_actions},
                "months": [
                    {"month": m.month, "planned": m.planned, "held": m.held} for m in r.months
                ],
            }
            for r in rollup.reports
        ],
    }


def encode(rollup: Rollup, seed: bytes) -> bytes:
    """The signed file for ``rollup``, signed with the vault's seed."""
    body = {"format": FORMAT, "version": VERSION, "payload": payload(rollup)}
    public = signing.public_key(seed)
    signature = signing.sign(seed, canonical(body))
    document = dict(body)
    document["signature"] = {
        "algorithm": "Ed25519",
        "key_id": signing.key_id(public),
        "public_key": base64.b64encode(public).decode("ascii"),
        "value": base64.b64encode(signature).decode("ascii"),
    }
    text = json.dumps(document, ensure_ascii=False, sort_keys=True, indent=1)
    return (text + "\n").encode()


def decode(data: bytes, file: str) -> SignedRollup:
    """Check and read a roll-up file's bytes (``file`` names it in messages).

    Raises:
        RollupFileError: too large, not a roll-up, a newer version, tampered, or malformed.
    """
    if len(data) > MAX_BYTES:
        raise RollupTooLargeError(file=file, limit=MAX_BYTES // (1024 * 1024))
    try:
        document = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        raise NotRollupError(file=file) from None
    if not isinstance(document, dict) or document.get("format") != FORMAT:
        raise NotRollupError(file=file)
    version = document.get("version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise BadRollupError(file=file, what="version")
    if version > VERSION:
        raise NewerRollupError(file=file, version=version, supported=VERSION)
    public, signature = _signature(document.get("signature"), file)
    body = {"format": FORMAT, "version": version, "payload": document.get("payload")}
    if not signing.verify(public, signature, canonical(body)):
        raise TamperedRollupError(file=file)
    key = signing.key_id(public)
    sig = document["signature"]
    if sig.get("key_id") not in (None, key):
        raise TamperedRollupError(file=file)
    return SignedRollup(_rollup(body["payload"], file), key, public, data)


def _signature(value: object, file: str) -> tuple[bytes, bytes]:
    if not isinstance(value, dict) or value.get("algorithm") != "Ed25519":
        raise TamperedRollupError(file=file)
    try:
        public = base64.b64decode(str(value.get("public_key", "")), validate=True)
        signature = base64.b64decode(str(value.get("value", "")), validate=True)
    except (binascii.Error, ValueError):
        raise TamperedRollupError(file=file) from None
    if len(public) != 32 or len(signature) != 64:
        raise TamperedRollupError(file=file)
    return public, signature


class _Reader:
    """Strict reading of a (signed) payload: every field present, of its type and range."""

    def __init__(self, file: str) -> None:
        self.file = file

    def fail(self, what: str) -> BadRollupError:
        return BadRollupError(file=self.file, what=what)

    def obj(self, value: object, what: str) -> dict[str, Any]:
        if not isinstance(value, dict):
            raise self.fail(what)
        return value

    def count(self, value: object, what: str, *, optional: bool = False) -> int:
        if value is None and optional:
            return -1
        if not isinstance(value, int) or isinstance(value, bool) or not 0 <= value <= _MAX_COUNT:
            raise self.fail(what)
        return value

    def text(self, value: object, what: str) -> str:
        if not isinstance(value, str) or len(value) > _MAX_TEXT:
            raise self.fail(what)
        return value

    def day(self, value: object, what: str) -> date:
        try:
            return date.fromisoformat(self.text(value, what))
        except ValueError:
            raise self.fail(what) from None


def _rollup(value: object, file: str) -> Rollup:
    r = _Reader(file)
    body = r.obj(value, "payload")
    period = r.obj(body.get("period"), "period")
    start = r.day(period.get("start"), "period")
    end = r.day(period.get("end"), "period")
    if end < start:
        raise r.fail("period")
    names = body.get("names")
    if not isinstance(names, bool):
        raise r.fail("names")
    reports = body.get("reports")
    if not isinstance(reports, list) or len(reports) > MAX_REPORTS:
        raise r.fail("reports")
    return Rollup(
        manager=r.text(body.get("manager"), "manager"),
        start=start,
        end=end,
        created_on=r.day(body.get("created_on"), "created_on"),
        names=names,
        reports=tuple(_line(r, item) for item in reports),
    )


def _optional(r: _Reader, value: object, what: str) -> int | None:
    found = r.count(value, what, optional=True)
    return None if found < 0 else found


def _line(r: _Reader, value: object) -> ReportLine:
    item = r.obj(value, "report")
    themes = r.obj(item.get("themes"), "themes")
    actions = r.obj(item.get("actions"), "actions")
    months = item.get("months")
    if not isinstance(months, list) or len(months) > MAX_MONTHS:
        raise r.fail("months")
    kept = item.get("cadence_kept")
    if not isinstance(kept, bool):
        raise r.fail("cadence_kept")
    line = ReportLine(
        ref=r.text(item.get("ref"), "ref"),
        team=r.text(item.get("team"), "team"),
        planned=r.count(item.get("planned"), "planned"),
        held=r.count(item.get("held"), "held"),
        cancelled=r.count(item.get("cancelled"), "cancelled"),
        skipped=r.count(item.get("skipped"), "skipped"),
        cadence_days=r.count(item.get("cadence_days"), "cadence_days"),
        cadence_kept=kept,
        longest_gap_days=_optional(r, item.get("longest_gap_days"), "longest_gap_days"),
        days_since_last=_optional(r, item.get("days_since_last"), "days_since_last"),
        short_term=r.count(themes.get("short"), "themes"),
        mid_term=r.count(themes.get("mid"), "themes"),
        long_term=r.count(themes.get("long"), "themes"),
        open_actions=r.count(actions.get("open"), "actions"),
        overdue_actions=r.count(actions.get("overdue"), "actions"),
        months=tuple(_month(r, m) for m in months),
    )
    if line.held > line.planned:
        raise r.fail("held")
    if item.get("execution_rate") != _rate(line.planned, line.held):
        raise r.fail("execution_rate")
    return line


def _month(r: _Reader, value: object) -> MonthFigure:
    item = r.obj(value, "months")
    month = r.text(item.get("month"), "months")
    if not _MONTH.match(month):
        raise r.fail("months")
    planned = r.count(item.get("planned"), "months")
    held = r.count(item.get("held"), "months")
    if held > planned:
        raise r.fail("months")
    return MonthFigure(month, planned, held)
