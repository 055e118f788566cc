"""The PDF's page layout without Qt: a measure that gives every glyph a width from its size stands in for the
font. Over issued drafts with footnotes, each note prints at the foot of the page its first reference is on,
below the body and inside the layout's text area, and every paragraph line starts at a layout indent."""

from __future__ import annotations

import pytest

from app.io.docx_layout import layout_for_paper
from app.io.text_reader import read_text
from app.print_layout import Font, Text, lay_out
from app.render import render
from tests.conftest import CORPUS


def measure(text: str, font: Font) -> float:
    return 0.5 * font.size * len(text)  # about Times' average glyph


@pytest.mark.parametrize("stem", ["A_C.3_80_L.20", "A_C.6_80_L.21", "A_C.1_80_L.43"])
def test_footnotes_on_the_page_of_their_reference(stem: str) -> None:
    r = render(read_text((CORPUS / f"{stem}.txt").read_text(encoding="utf-8")).resolution)
    layout = layout_for_paper(r.template.paper)
    pages = lay_out(r, layout, measure)
    note_size = layout.styles["footnote_text"].size
    body_size = layout.styles["body"].size
    mark_size = round(body_size * 0.65, 2)
    printed = 0
    for number, page in enumerate(pages, start=1):
        texts = [t for t in page.items if isinstance(t, Text)]
        body = [t for t in texts if t.font.size == body_size and 70 < t.y < 740]
        marks = {t.text for t in texts if t.font.size == mark_size}  # references in the body
        numbers = [t for t in texts if t.font.size == round(note_size * 0.65, 2)]  # notes' own numbers
        bottom = layout.page.height - (layout.page.text_bottom or layout.page.bottom)  # notes end here
        body_bottom = layout.page.height - (  # page 1's body stops above the footer block
            (layout.page.first_text_bottom if number == 1 else layout.page.text_bottom) or layout.page.bottom
        )
        for n in numbers:
            assert n.text in marks, f"page {number}: note {n.text} without its reference"
            printed += 1
        if numbers:
            rule = layout.styles["footnote_separator"].rule_text
            separator = [t for t in texts if t.text == rule and t.y > 300]
            assert separator and max(t.y for t in body) < separator[0].y  # the body stays above the notes
            notes = [
                t for t in texts if t.font.size == note_size and not t.font.bold and t.y > separator[0].y
            ]
            assert max(t.y for t in notes) <= bottom
        assert all(t.y <= body_bottom for t in body)
    assert printed == len(r.footnotes) + bool(r.sponsor_note)


def test_a_note_taller_than_the_page_continues_on_the_next() -> None:
    from app.model import Footnote, Header, Paragraph, Resolution

    res = Resolution(Header(template="ga-c1"))
    res.preamble = [Paragraph("Recalling", "its resolution[^n1]"), Paragraph("Noting", "the report")]
    res.footnotes = {"n1": Footnote(" ".join(["word"] * 3000))}
    r = render(res)
    layout = layout_for_paper(r.template.paper)
    pages = lay_out(r, layout, measure)
    note_size = layout.styles["footnote_text"].size
    on = [
        n
        for n, page in enumerate(pages, start=1)
        if any(isinstance(t, Text) and t.text == "word" and t.font.size == note_size for t in page.items)
    ]
    assert len(on) > 1 and on == list(range(1, len(on) + 1))  # from the reference's page on, page after page
    words = sum(
        isinstance(t, Text) and t.text == "word" and t.font.size == note_size for p in pages for t in p.items
    )
    assert words == 3000  # every word of the note printed once
    for page in pages:
        for t in page.items:
            if isinstance(t, Text):
                assert layout.page.top - 30 < t.y < layout.page.height  # nothing above the page's top
