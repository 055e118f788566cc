"""Find and replace read a field as it prints: a match is words a reader sees, never part of a footnote
reference, an escape or an italic mark, and replacing every match keeps every footnote and every mark."""

import re

from hypothesis import given
from hypothesis import strategies as st

from app import edits, inline
from app.inline import Span
from app.model import Footnote, Paragraph, Resolution

# runs of plain, italic and footnote spans over a small alphabet that holds the markup's own characters
_TEXT = st.text(alphabet="ab [*]\\^f1", min_size=1, max_size=8)
_SPAN = st.one_of(
    st.builds(Span, _TEXT, st.booleans()),
    st.builds(lambda n: Span(footnote=f"f{n}"), st.integers(1, 3)),
)
_NEEDLE = st.text(alphabet="ab [*]\\^f1", min_size=1, max_size=3)


def _draft(markup: str) -> edits.Document:
    res = Resolution()
    res.operative.append(Paragraph(opener="Decides", text=markup))
    for n in (1, 2, 3):
        res.footnotes[f"f{n}"] = Footnote(text=f"Note {n} [a] *b*", id=f"f{n}")
    return edits.Document(res)


@given(st.lists(_SPAN, max_size=6), _NEEDLE)
def test_each_match_is_words_a_reader_sees(spans, needle):
    markup = inline.unparse(inline._merge(spans))
    pattern = re.compile(re.escape(needle), re.IGNORECASE)
    for start, end in inline.find_shown(markup, pattern):
        assert inline.plain(markup[start:end]).lower() == needle.lower()
        assert not inline.footnote_ids(markup[start:end]) and "*" not in markup[start:end].replace("\\*", "")


@given(st.lists(_SPAN, max_size=6), _NEEDLE, st.text(alphabet="xy ", max_size=3))
def test_replace_all_keeps_every_footnote_and_mark(spans, needle, replacement):
    markup = inline.unparse(inline._merge(spans))
    doc = edits.Document(_draft(markup).resolution)
    para, notes = doc.resolution.operative[0], doc.resolution.footnotes
    italic_runs = len([s for s in inline.parse(markup) if s.italic])
    edits.replace_all(doc, needle=needle, replacement=replacement)
    assert inline.footnote_ids(para.text) == inline.footnote_ids(markup)
    assert len([s for s in inline.parse(para.text) if s.italic]) <= italic_runs  # a run replaced whole may go
    assert all(inline.footnote_ids(note.text) == [] for note in notes.values())
    doc.history.undo()
    assert para.text == markup


def test_brackets_and_footnotes_in_a_negotiated_paragraph():
    markup = r"to report \[as appropriate] on[^f1] its *Treaty Series* work [^f2]"
    doc = _draft(markup)
    found = edits.find_all(doc.resolution, "[")
    assert [(m.field, m.paragraph_id) for m in found] == [("text", doc.resolution.operative[0].id)] + [
        ("footnote", f"f{n}") for n in (1, 2, 3)
    ]
    assert edits.find_all(doc.resolution, "f1") == []  # the reference's id is no text
    edits.replace_all(doc, needle="[", replacement="")
    edits.replace_all(doc, needle="]", replacement="")
    para = doc.resolution.operative[0]
    assert para.text == "to report as appropriate on[^f1] its *Treaty Series* work [^f2]"
    assert doc.resolution.footnotes["f1"].text == "Note 1 a *b*"
