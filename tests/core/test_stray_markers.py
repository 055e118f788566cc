"""A note's marker that pdftotext drops from its printed line and sets alone after the page's last body line,
before the notes' rule (A/C.2/80/L.29, page 2: "…Agenda 21,⁵ the Programme…" printed, "5" set after "…
Development Programme,"). Glued there it would stand after the markers of notes 6 to 14 and hide them; it is
read where the PDF prints it, the answer taken from the PDF's typography (`tests.pdf_lines.body_markers`).
Sources in tests/fixtures/reading/README.md."""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

from app import inline
from app.conventions.engine import check_document
from app.io.text_reader import read_text
from app.model import Resolution
from tests.pdf_lines import body_markers

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "reading"
STEM = "A_C.2_80_L.29"


def _layer() -> str:
    return (FIXTURES / "pdftotext" / f"{STEM}.txt").read_text(encoding="utf-8")


@cache
def _printed() -> list[tuple[str, str]]:
    return body_markers(FIXTURES / f"{STEM}.pdf")


def _words_before_notes(res: Resolution) -> dict[str, str]:
    """The word each note's reference follows, by the note's number."""
    out: dict[str, str] = {}
    numbers = {ref: str(i) for i, ref in enumerate(res.footnotes, start=1)}
    for _, p in res.paragraphs():
        for m in re.finditer(r"\[\^([^\]]+)\]", p.text):
            out[numbers[m.group(1)]] = re.findall(r"\w+", inline.plain(p.text[: m.start()]))[-1]
    return out


def test_the_layer_sets_the_marker_after_the_page() -> None:
    """The class as the fixture has it: "5" alone after the page's last body line, the PDF printing it after
    "21," in the first lines of the paragraph."""
    assert re.search(r"Development Programme,\n5\n\n_{5,}", _layer())
    assert ("5", "21") in _printed()


def test_a_marker_set_after_the_page_is_read_where_the_pdf_prints_it() -> None:
    result = read_text(_layer())
    read = _words_before_notes(result.resolution)
    assert [read.get(label) for label, _ in _printed()[:14]] == [word for _, word in _printed()[:14]]
    assert not [f for f in result.findings if f.rule == "import.footnote-unplaced"]


def test_with_no_single_place_the_marker_costs_its_own_note_only() -> None:
    """With no mark of punctuation between its neighbours' markers (the comma after "21" gone), the place is
    not known: note 5 is reported, and notes 6 to 14 are still read where the PDF prints them."""
    text = _layer()
    assert text.count("Agenda\n21, the Programme") == 1
    result = read_text(text.replace("Agenda\n21, the Programme", "Agenda\n21 the Programme"))
    unplaced = [f for f in result.findings if f.rule == "import.footnote-unplaced"]
    assert [f.message.split(" (")[0] for f in unplaced] == ["footnote 5"]
    read = _words_before_notes(result.resolution)
    assert [read.get(label) for label, _ in _printed()[5:14]] == [word for _, word in _printed()[5:14]]


STRAY = FIXTURES / "stray"


def test_the_page_s_last_marker_set_after_a_paragraph_is_no_number() -> None:
    """A/RES/80/91, page 5: the marker of note 8, the page's last, printed after "Sustainable Development," in
    paragraph 14, which pdftotext sets alone after paragraph 14's last line ("… of the Territory;" / "8"). No
    order tells its place there: it is not read as a number in the text (the check would ask for "eight"), and
    its note is reported as placed by guess."""
    text = (STRAY / "A_RES_80_91.txt").read_text(encoding="utf-8")
    assert re.search(r"the interest of the people of the Territory;\n8\n\n", text)
    assert ("8", "Development") in body_markers(STRAY / "A_RES_80_91.pdf")
    result = read_text(text)
    unplaced = [f.message.split(" (")[0] for f in result.findings if f.rule == "import.footnote-unplaced"]
    assert unplaced == ["footnote 8"]
    paragraph = next(p.text for _, p in result.resolution.paragraphs() if "interest of the people" in p.text)
    assert inline.plain(paragraph).rstrip(";").endswith("of the people of the Territory")
    assert "UN.Numbers" not in [f.rule for f in check_document(result.resolution)]
