"""Where the preview puts a subparagraph's label, held to the issued page: in A/C.3/80/L.20 (page 17) the label
"(a)" starts where the number "57." of the paragraph above starts (both after the body column's first-line
indent), whatever the label's width. The preview hangs each label at its level's number position: "(a)", "(aa)"
and "(viii)" alike, in English, French ("a)") and Spanish drafts, and at the widths of a desktop window's pane and
a small laptop's."""

from __future__ import annotations

from pathlib import Path

import pypdfium2 as pdfium
import pytest
from PySide6.QtGui import QTextDocument

from app.model import Header, Paragraph, Resolution
from app.render import render
from widgets.preview import PreviewPane

ISSUED = Path(__file__).resolve().parent.parent / "fixtures" / "corpus" / "originals" / "A_C.3_80_L.20.pdf"
WORDS = "to continue its consideration of the question at its eighty-second session under the item entitled"


def _issued_left(words: str) -> float:
    """The left edge (pt) of the first `words` on the page of A/C.3/80/L.20 that holds a lettered label."""
    pdf = pdfium.PdfDocument(str(ISSUED))
    for index in range(len(pdf)):
        text = pdf[index].get_textpage()
        if text.search("(a)", match_case=True).get_next() is None:
            continue
        hit = text.search(words, match_case=True).get_next()
        assert hit is not None, words
        return text.get_charbox(hit[0])[0]
    raise AssertionError("no lettered subparagraph in the issued PDF")


def test_the_issued_label_starts_where_the_number_starts() -> None:
    assert _issued_left("(a)") == pytest.approx(_issued_left("57."), abs=0.5)
    assert _issued_left("(b)") == pytest.approx(_issued_left("57."), abs=0.5)


def _draft(language: str) -> Resolution:
    res = Resolution(
        header=Header(template="ga-c3", session=80, language=language), title="Rights of the child"
    )
    decides = Paragraph("Decides", "")
    decides.subparagraphs = [Paragraph("", WORDS) for _ in range(27)]  # to "(aa)"
    decides.subparagraphs[1].subparagraphs = [Paragraph("", WORDS) for _ in range(8)]  # to "(viii)"
    res.operative = [Paragraph("Requests", WORDS), decides]
    return res


def _left(doc: QTextDocument, start: str) -> float:
    """The left edge of the first block starting with `start`, in the document's coordinates."""
    block = doc.begin()
    while block.isValid() and not block.text().startswith(start):
        block = block.next()
    assert block.isValid(), start
    rect = doc.documentLayout().blockBoundingRect(block)
    return rect.x() + block.layout().lineAt(0).cursorToX(0)[0]


@pytest.mark.parametrize("width", [498, 354])  # the pane at 1600x1000 and at 1024x640 (narrow margins)
@pytest.mark.parametrize("language", ["en", "fr", "es"])
def test_each_label_starts_at_its_levels_number_position(qtbot, language: str, width: int) -> None:  # noqa: ANN001
    rendered = render(_draft(language))
    labels = {b.level: [] for b in rendered.blocks if b.role == "subparagraph"}
    for block in rendered.blocks:
        if block.role == "subparagraph":
            labels[block.level].append(block.label)
    pane = PreviewPane()
    qtbot.addWidget(pane)
    pane.resize(width, 900)
    pane.show()
    pane.show_rendered(rendered)
    doc = pane.document()
    number = _left(doc, "1.")
    step = _left(doc, labels[2][0] + "\t") - _left(doc, labels[1][0] + "\t")  # one indent step
    assert step > 0
    for level, names in labels.items():
        wanted = number + (level - 1) * step
        for label in (names[0], max(names, key=len)):  # "(a)" and "(aa)", "(i)" and "(viii)"
            assert _left(doc, label + "\t") == pytest.approx(wanted, abs=1), (label, language, width)
