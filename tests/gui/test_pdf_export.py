"""PDF export: the text in reading order, footnotes numbered as in the body, the font embedded."""

from __future__ import annotations

from pathlib import Path

from pdfminer.high_level import extract_text as _extract
from pdfminer.layout import LAParams
from pdfminer.pdfdocument import PDFDocument
from pdfminer.pdfpage import PDFPage
from pdfminer.pdfparser import PDFParser
from pdfminer.pdftypes import resolve1

from app.cli import run
from app.io.reading import read_document
from app.render import block_text, render

DRAFT = Path(__file__).resolve().parent.parent / "fixtures" / "corpus" / "000_142118633ec4707d.txt"


def extract_text(path: str) -> str:
    # whole printed lines: a justified line's wide gaps must not split it into text boxes read out of order
    return _extract(path, laparams=LAParams(boxes_flow=None, char_margin=20))


def _squash(text: str) -> str:
    return "".join(text.split())


def test_cli_pdf_has_rendered_text_in_order(qapp, tmp_path: Path) -> None:
    out = tmp_path / "draft.pdf"
    assert run(["export", str(DRAFT), "-o", str(out)]) == 0
    pdf = _squash(extract_text(str(out)))
    r = render(read_document(DRAFT).resolution)
    pos = 0
    for block in r.blocks:
        # footnote numbers print as superscripts, not in brackets
        want = _squash(block_text(block)).rstrip(",;.:")[:60]
        found = pdf.find(want, pos)
        assert found >= 0, f"{block.paragraph_id}: {want!r} missing or out of order"
        pos = found
    for number, _id, _markup in r.footnotes:
        assert str(number) in pdf
    with out.open("rb") as fh:
        doc = PDFDocument(PDFParser(fh))
        pages = list(PDFPage.create_pages(doc))
        fonts = {f["BaseFont"].name for p in pages for f in _fonts(p)}
    assert len(pages) >= 2
    assert any("LiberationSerif" in f for f in fonts)


def _fonts(page) -> list:
    res = page.resources.get("Font", {})
    return [resolve1(v) for v in resolve1(res).values()]


def test_file_menu_exports_pdf(qtbot, window, prompter, tmp_path: Path) -> None:  # noqa: ANN001
    from widgets.actions import ActionId

    assert window.files.open_path(DRAFT)
    out = tmp_path / "draft.pdf"
    prompter.paths = [out]
    window.action(ActionId.EXPORT_PDF).trigger()
    r = render(window.res)
    assert _squash(block_text(r.blocks[-1])).rstrip(".")[:40] in _squash(extract_text(str(out)))


def test_control_characters_and_lone_surrogates_print_nothing(qapp, tmp_path: Path) -> None:  # noqa: ANN001
    from app.model import Header, Paragraph, Resolution
    from widgets.pdf_export import write_pdf

    res = Resolution(Header(template="ga-c1"))
    res.preamble = [Paragraph("Recalling", "one \ud800 two \x01three\tfour \ufffe five")]
    out = tmp_path / "hostile.pdf"
    write_pdf(res, out)
    assert "Recallingonetwothreefourfive," in _squash(extract_text(str(out)))
