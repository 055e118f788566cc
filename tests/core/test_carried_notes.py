"""A footnote continued over a page break in the PDF (app/print_layout.py): printed once, its lines in order,
continued at the foot of the next page under Word's continuation separator (a rule across the column), while
the text goes on above it. Before, a carried note took all the room of each page it ran onto and the text
went on one line a page under it (a 3,000-word note on operative paragraph 6: 21 pages of one line each)."""

from __future__ import annotations

import re
import sys
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

sys.path.insert(0, str(Path(__file__).resolve().parent))
from test_hostile_pdf_export import _base, _pages  # noqa: E402

from app.model import Footnote, Paragraph, Resolution  # noqa: E402
from app.print_layout import Rule, Text  # noqa: E402

NOTE_WORD = re.compile(r"n\d+w\d+")
POINT = re.compile(r"point\d+q")
SOME = settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _draft(paragraphs: int, notes: dict[int, int]) -> Resolution:
    """`paragraphs` operative paragraphs; `notes` maps a paragraph's index to a note of that many words."""
    res = _base()
    res.operative = [
        Paragraph("Requests", f"the Secretary-General to report on point{i}q") for i in range(paragraphs)
    ]
    res.footnotes = {}
    for at, words in notes.items():
        note_id = f"n{at}"
        res.footnotes[note_id] = Footnote(" ".join(f"{note_id}w{k}" for k in range(words)), id=note_id)
        res.operative[at].text += f"[^{note_id}]"
    return res


def _body_pages(res: Resolution) -> int:
    return sum(
        1 for page in _pages(res) if any(isinstance(t, Text) and POINT.match(t.text) for t in page.items)
    )


@SOME
@given(
    st.integers(20, 60),
    st.dictionaries(st.integers(0, 19), st.sampled_from([5, 60, 400, 1_500]), min_size=1, max_size=4),
)
def test_a_carried_note_prints_once_in_order_and_the_text_goes_on(
    paragraphs: int, notes: dict[int, int]
) -> None:
    res = _draft(paragraphs, notes)
    pages = _pages(res)
    words = [
        w
        for p in pages
        for t in p.items
        if isinstance(t, Text)
        for w in t.text.split()
        if NOTE_WORD.fullmatch(w)
    ]
    expected = [f"n{at}w{k}" for at in sorted(notes) for k in range(notes[at])]
    assert words == expected  # every word once, each note whole and in the order of its reference
    points = [
        w for p in pages for t in p.items if isinstance(t, Text) for w in t.text.split() if POINT.match(w)
    ]
    assert points == [f"point{i}q" for i in range(paragraphs)]
    # the text takes at most a page more per long note than it would without notes, never a page a line
    long_notes = sum(1 for words in notes.values() if words >= 400)
    assert _body_pages(res) <= _body_pages(_draft(paragraphs, {})) + 2 * long_notes + 1


def test_a_page_continuing_a_note_has_the_continuation_separator_and_text_above() -> None:
    res = _draft(40, {5: 2_000})
    pages = _pages(res)
    rules = [
        p for p in pages if any(isinstance(i, Rule) and i.x1 - i.x0 > 300 and i.y > 400 for i in p.items)
    ]  # a rule across the column low on the page: the continuation separator
    assert len(rules) >= 2
    starts = next(
        i for i, p in enumerate(pages) if any(isinstance(t, Text) and "n5w0" in t.text for t in p.items)
    )
    body = [t for t in pages[starts + 1].items if isinstance(t, Text) and POINT.match(t.text)]
    assert len(body) >= 10  # the text goes on above the continued note (it was one line a page)
