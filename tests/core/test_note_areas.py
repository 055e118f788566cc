"""Notes that pdftotext sets far from their labels, and markers before a name's short form in brackets, read as
the issued PDF prints them. The answers are the PDFs' typography (`tests.pdf_lines.footnotes`: the notes below
each page's rule, a note starting at a label in superscript size; `body_markers`: each superscript and the word
it follows); sources in tests/fixtures/reading/README.md."""

from __future__ import annotations

import re
from pathlib import Path

from app import inline
from app.conventions.engine import check_document
from app.io.text_reader import read_text
from app.model import Resolution
from tests.pdf_lines import body_markers, footnotes

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "reading"


def _notes_in_order(res: Resolution) -> list[str]:
    order = [ref for _, p in res.paragraphs() for ref in inline.footnote_ids(p.opener + p.text + p.tail)]
    return [inline.plain(res.footnotes[ref].text) for ref in dict.fromkeys(order)]


def _letters(text: str) -> str:
    """A note's text without its spaces: the text layer sets spaces inside words ("In discriminate")."""
    return "".join(text.split())


def test_a_long_note_before_its_late_label_and_after_the_page_counter_is_read_whole() -> None:
    """A/RES/78/70: pdftotext sets the first note's nine lines under the rule with its label "1" at the foot of
    the area, and the third note's nine lines after the page counter: each note is read with its own text."""
    res = read_text(
        (FIXTURES / "layers" / "A_RES_78_70-pdftotext.txt").read_text(encoding="utf-8")
    ).resolution
    issued = [text for _, text in footnotes(FIXTURES / "A_RES_78_70.pdf")]
    assert [_letters(t) for t in _notes_in_order(res)] == [_letters(t) for t in issued]


def test_a_date_under_the_first_note_is_no_note_label() -> None:
    """The first note's text goes on "12 August 1949, and relating to …": with no note read yet, a line that
    opens with a number far from 1 is that text, not note 12."""
    text = (FIXTURES / "layers" / "A_RES_78_70-pdftotext.txt").read_text(encoding="utf-8")
    assert "\n12 August 1949, and relating" in text
    res = read_text(text).resolution
    assert not any(t.startswith("August 1949") for t in _notes_in_order(res))


def test_a_note_line_cited_on_many_pages_is_no_running_title() -> None:
    """A/C.4/80/L.8 cites "Official Records of the General Assembly, Eightieth Session, Supplement No. 20
    (A/80/20)," on many pages, near their counters: below a page's rule, with a note's text after it, the line
    is the note's, and the late label "5" under it takes its own note."""
    text = (FIXTURES / "pdftotext" / "A_C.4_80_L.8.txt").read_text(encoding="utf-8")
    res = read_text(text).resolution
    issued = [text for _, text in footnotes(FIXTURES / "A_C.4_80_L.8.pdf")]
    got = _notes_in_order(res)
    assert [" ".join(t.split()) for t in got] == [" ".join(t.split()) for t in issued]
    assert not [f for f in check_document(res) if f.rule == "UN.Numbers" and "paras. 159" in f.message]


def test_a_marker_before_a_short_form_in_brackets_is_read_where_the_pdf_sets_it() -> None:
    """A/RES/79/18: "Other Celestial Bodies 1 (the Outer Space Treaty)": the reference follows "Bodies", as the
    PDF's superscript does, and no number is left in the text."""
    pdf = FIXTURES / "A_RES_79_18.pdf"
    text = (FIXTURES / "pdftotext" / "A_RES_79_18.txt").read_text(encoding="utf-8")
    assert "Bodies 1 (the Outer Space Treaty)" in text
    res = read_text(text).resolution
    before = [
        re.findall(r"\w+", inline.plain(field[: m.start()]))[-1]
        for _, p in res.paragraphs()
        for field in (p.opener, p.text)
        for m in re.finditer(r"\[\^[^\]]+\]", field)
    ]
    assert before == [word for _, word in body_markers(pdf)]
    assert not [f for f in check_document(res) if f.rule == "UN.Numbers"]


def test_a_number_before_brackets_that_is_no_note_stays_text_and_is_flagged() -> None:
    """The same shape with a number that is no note's ("Other Celestial Bodies 3 (the Outer Space Treaty)" where
    the notes are numbered 1 and 2 there) stays in the text, and the number rule still flags it; so does a
    counted word's number ("Goal 1 (No poverty)" is text even where note 1 is due)."""
    typed = (
        "The General Assembly,\n\n"
        "Recalling the Treaty on Principles, including the Moon and Other Celestial Bodies 3 (the Outer Space "
        "Treaty),[^1]\n\n"
        "1. Welcomes progress towards Goal 1 (No poverty) and the Paris Agreement;[^2]\n\n"
        "[^1]: United Nations, Treaty Series, vol. 610, No. 8843.\n"
        "[^2]: FCCC/CP/2015/10/Add.1.\n"
    )
    res = read_text(typed).resolution
    assert "Bodies 3 (the Outer" in res.preamble[0].text
    numbers = [f for f in check_document(res) if f.rule == "UN.Numbers"]
    assert any("'three'" in f.message for f in numbers)


def _issued_notes(stem: str) -> tuple[list[str], list[str]]:
    """The notes read from a pdftotext layer in `layers/`, and the PDF's, each as its words."""
    text = (FIXTURES / "layers" / f"{stem}-pdftotext.txt").read_text(encoding="utf-8")
    got = _notes_in_order(read_text(text).resolution)
    issued = [text for _, text in footnotes(FIXTURES / "layers" / f"{stem}.pdf")]
    return [" ".join(t.split()) for t in got], [" ".join(t.split()) for t in issued]


def test_a_note_without_a_full_stop_takes_its_late_label() -> None:
    """A/RES/79/222: the second note ("Adopted under the UNFCCC in FCCC/CP/2015/10/Add.1, decision 1/CP.21")
    ends without a full stop, its label "2" at the foot of the area after the third to the sixth notes: it is
    note 2, and "2" is not glued to note 6."""
    got, issued = _issued_notes("A_RES_79_222")
    assert not issued[1].endswith(".")
    assert got == issued


def test_a_range_that_opens_a_line_of_a_note_is_no_note() -> None:
    """A/RES/78/151: the first note goes on "3 – 14 June 1992, vol. I, …" on its second line: that line is the
    first note's, not note 3."""
    text = (FIXTURES / "layers" / "A_RES_78_151-pdftotext.txt").read_text(encoding="utf-8")
    assert "\n3 – 14 June 1992, vol. I," in text
    got, issued = _issued_notes("A_RES_78_151")
    assert got == issued


def test_a_note_that_really_starts_a_line_with_its_number_is_still_a_note() -> None:
    """The same layer with that line opening as a note's own does ("3 Fourteen June 1992, …": a number, a space,
    a word): it is read as a note, so only a range's dash keeps a line in the note before."""
    text = (FIXTURES / "layers" / "A_RES_78_151-pdftotext.txt").read_text(encoding="utf-8")
    changed = text.replace("\n3 – 14 June 1992, vol. I,", "\n3 Fourteen June 1992, vol. I,", 1)
    got = _notes_in_order(read_text(changed).resolution)
    assert any(t.startswith("Fourteen June 1992") for t in got)
