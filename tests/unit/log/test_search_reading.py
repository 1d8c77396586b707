"""Search results that read well: snippets around the hit, and hits folded per meeting."""

from __future__ import annotations

from taiwa.domain.models import HitKind, Theme, TopicDraft
from taiwa.store import Store
from taiwa.store.search import group_hits, like_snippet


def _text(segments: object) -> str:
    return "".join(s.text for s in segments)  # type: ignore[attr-defined]


def test_snippet_starts_before_the_hit_at_a_word_boundary() -> None:
    body = " ".join(f"word{i}" for i in range(40)) + " the career plan " + "tail " * 30
    snip = like_snippet(body, ["career"], 96)
    text = _text(snip)
    assert text.startswith("…")
    before = text[1 : text.index("career")]
    assert len(before) >= 20  # context before the hit, not cut at it
    assert before.split(" ")[0].startswith("word")  # a whole word, not half of one
    assert [s.text for s in snip if s.highlighted] == ["career"]


def test_japanese_snippet_has_context_before_the_hit() -> None:
    body = (
        "先週の振り返りをした。チームの状況を共有した。" * 3
        + "今後のキャリアについて相談した。"
        + "以上。" * 20
    )
    text = _text(like_snippet(body, ["キャリア"], 96))
    assert text.index("キャリア") > 10
    assert "\n" not in text


def test_fifty_identical_purposes_are_one_row(store: Store) -> None:
    pid = store.people.add("Emily Carter").id
    for day in range(1, 51):
        store.meetings.create(
            pid,
            f"2026-01-{day % 28 + 1:02d}T{day % 10 + 8:02d}:00:00Z",
            purpose="Quarterly career check-in",
        )
    other = store.meetings.create(
        pid,
        "2026-03-01T10:00:00Z",
        shared_notes="We planned her career move.",
        topics=[TopicDraft(Theme.CAREER, "career ladder")],
    )
    hits = store.search.search("career", limit=200)
    assert len(hits) == 52
    rows = group_hits(hits)
    assert len(rows) == 2
    purposes = next(r for r in rows if r.kind is HitKind.PURPOSE)
    assert len(purposes.repeats) == 49
    same_meeting = next(r for r in rows if r.meeting_id == other.id)
    assert len(same_meeting.hits) == 2  # its notes and its topic
    # Appending a later page joins listed rows and returns only new ones.
    assert group_hits(hits[:3], into=rows) == []
