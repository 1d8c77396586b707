"""Benchmark: a person summary over 100, 300 and 1 000 meetings against reportlab alone (``python -m bench.bench_pdf``).

Ours: the whole export of a person summary from an encrypted vault — gather the meetings,
topics and actions through the store, lay out tables, charts and notes, return the PDF bytes.
Floor: reportlab alone laying out the same texts with the same font (a plain SimpleDocTemplate
of Paragraphs, CJK wrapping), measured in the same run, interleaved. Budget: 2× at every size;
the table shows 300 and 1 000 meetings as 3x and 10x the 100-meeting summary, with their growth.

The export's "today" is set after the last sample meeting: a summary ends today, so a fixed
day would silently drop every meeting after it (it did, above 100 meetings). The run also
checks that the summary holds every meeting it was given.
"""

from __future__ import annotations

import argparse
import io
import tempfile
from datetime import timedelta
from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph, SimpleDocTemplate

from bench.common import Result, paired_ms, report
from bench.pdf_data import sample_meetings, sample_person
from taiwa.domain.models import ActionDraft, MeetingStatus, TopicDraft
from taiwa.export import service
from taiwa.export.fonts import register_font
from taiwa.export.model import Audience, DocKind, ExportOptions
from taiwa.store import Store
from taiwa.vault.database import Database
from taiwa.vault.keys import RawKey

MEETINGS = (100, 300, 1000)
BUDGET = 2.0
# Meetings per "1x" in the table: the growth to 300 and 1 000 meetings is read as 3x and 10x.
PER_SCALE = 100


def fill_vault(db: Database, count: int) -> int:
    """A person with ``count`` meetings (notes, topics, actions) in ``db``; returns their id."""
    store = Store(db)
    sample = sample_person()
    person = store.people.add(
        sample.name,
        emails=sample.emails,
        role=sample.role,
        team=sample.team,
        started_on=sample.started_on,
        career_goals=sample.career_goals,
    )
    for m in sample_meetings(count):
        created = store.meetings.create(
            person.id,
            m.starts_at,
            status=MeetingStatus.HELD,
            carry_over=False,
            topics=[TopicDraft(t.theme, t.text, t.raised_by, t.state) for t in m.topics],
            actions=[ActionDraft(a.owner, a.text, a.due_on) for a in m.actions],
            purpose=m.purpose,
            wanted_response=m.wanted_response,
            mood=m.mood,
            shared_notes=m.shared_notes,
            private_notes=m.private_notes,
            zone=m.zone,
        )
        for action, original in zip(
            [a for a in created.actions if a.meeting_id == created.id], m.actions, strict=True
        ):
            if original.done_on is not None:
                store.actions.set_done(action.id, original.done_on)
    return person.id


def floor_texts(count: int) -> list[str]:
    """The texts a person summary prints, as plain strings."""
    person = sample_person()
    texts = [person.name, person.role, person.team, person.career_goals]
    for m in sample_meetings(count):
        texts.append(f"{m.starts_at:%Y-%m-%d %H:%M} {m.purpose}")
        texts += [t.text for t in m.topics]
        texts += [f"{a.text} {a.due_on} {a.done_on}" for a in m.actions]
        texts.append(m.shared_notes)
    return texts


def floor_pdf(texts: list[str]) -> bytes:
    """reportlab alone: the same texts as Paragraphs in the same font, A4, CJK wrapping."""
    font = register_font()
    style = ParagraphStyle("floor", fontName=font, fontSize=9.5, leading=15, wordWrap="CJK")
    buffer = io.BytesIO()
    doc = SimpleDocTemplate(buffer, pagesize=A4)
    doc.build([Paragraph(escape(t).replace("\n", "<br/>"), style) for t in texts])
    return buffer.getvalue()


def row(count: int) -> tuple[str, int]:
    """The table row of a summary of ``count`` meetings: its name and size (one name for every
    multiple of 100 meetings, so that the table shows the growth from 100)."""
    if count % PER_SCALE == 0:
        return f"PDF person summary (vault → bytes; 1x = {PER_SCALE} meetings)", count // PER_SCALE
    return f"PDF person summary, {count} meetings (vault → bytes)", 1


def measure(count: int, repeat: int) -> Result:
    """Our export of ``count`` meetings against the floor, after checking none is dropped."""
    with tempfile.TemporaryDirectory(prefix="taiwa-bench-pdf-") as folder:
        db = Database.create(Path(folder) / "taiwa.db", RawKey.generate())
        try:
            person_id = fill_vault(db, count)
            store = Store(db)
            last = sample_meetings(count)[-1].starts_at.date()
            options = ExportOptions(
                lang="ja", audience=Audience.MANAGER, today=last + timedelta(days=1)
            )
            included = len(service.gather_person(store, person_id, options).meetings)
            if included != count:
                raise SystemExit(f"the summary holds {included} of {count} meetings")
            request = service.ExportRequest(DocKind.PERSON, person_id, options)
            texts = floor_texts(count)
            ours, floor = paired_ms(
                lambda: service.build(store, request), lambda: floor_pdf(texts), repeat=repeat
            )
        finally:
            db.close()
    name, scale = row(count)
    return Result(name=name, ours_ms=ours, floor_ms=floor, budget=BUDGET, scale=scale)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument(
        "--meetings",
        type=int,
        action="append",
        help=f"meetings in the summary (repeatable; default {' and '.join(map(str, MEETINGS))})",
    )
    parser.add_argument("--json", metavar="FILE", help="also write the results as JSON")
    args = parser.parse_args(argv)
    results = [measure(count, args.repeat) for count in args.meetings or MEETINGS]
    return report(results, args.json)


if __name__ == "__main__":
    raise SystemExit(main())
