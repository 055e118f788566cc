"""Issued PDFs opened as they are (app/io/pdf_file.py): their text layer read as pasted PDF text, whatever the
file is called; a PDF that cannot be read says why in one line (exit 2) and nothing else is touched.

Whether the paragraphs, openers, notes and markers of an opened PDF are read right is measured against each
PDF's own typography in tests/core/test_reading_issued.py (its "-opened" cases)."""

from __future__ import annotations

import io
from pathlib import Path

import pypdfium2
import pytest

from app import inline
from app.cli import run
from app.errors import InputError
from app.io import pdf_file
from app.io.reading import read_data, read_document
from tests.pdf_lines import footnotes

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
ISSUED = FIXTURES / "reading" / "A_C.1_80_L.51.pdf"


def _blank_pdf(pages: int) -> bytes:
    document = pypdfium2.PdfDocument.new()
    for _ in range(pages):
        document.new_page(595, 842)
    out = io.BytesIO()
    document.save(out)
    document.close()
    return out.getvalue()


@pytest.mark.parametrize("name", ["A_C.1_80_L.51.pdf", "draft.json", "draft.txt", "no-suffix"])
def test_an_issued_pdf_opens_under_any_name(tmp_path: Path, name: str) -> None:
    """The first bytes decide: a PDF saved as ".json" or ".txt" is still read as the PDF it is."""
    path = tmp_path / name
    path.write_bytes(ISSUED.read_bytes())
    res = read_document(path).resolution
    notes = footnotes(ISSUED)  # the PDF's own notes, from its typography
    assert notes and len(res.footnotes) == len(notes)
    assert len(res.operative) > 10
    assert all(inline.plain(p.opener) for p in res.operative)


def test_the_command_line_checks_and_exports_a_pdf(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "draft.docx"
    assert run(["export", str(ISSUED), "-o", str(out)]) == 0
    assert out.read_bytes()[:2] == b"PK"
    assert run(["check", str(ISSUED)]) in (0, 1)
    assert "Traceback" not in capsys.readouterr().err


@pytest.mark.parametrize(
    ("data", "says"),
    [
        ((FIXTURES / "pdf" / "password-secret.pdf").read_bytes(), "password-protected"),
        (_blank_pdf(2), "no text layer"),
        (b"%PDF-1.7\n" + bytes(range(256)) * 4, "damaged PDF"),
    ],
    ids=["password", "scan", "damaged"],
)
def test_a_pdf_that_cannot_be_read_says_why_in_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], data: bytes, says: str
) -> None:
    path = tmp_path / "draft.pdf"
    path.write_bytes(data)
    with pytest.raises(InputError, match=says):
        read_document(path)
    assert run(["check", str(path)]) == 2
    err = capsys.readouterr().err.strip()
    assert says in err and "\n" not in err and "Traceback" not in err
    assert path.read_bytes() == data


def test_a_pdf_longer_than_any_resolution_is_refused_before_its_pages_are_read(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(pdf_file, "MAX_PAGES", 3)
    read_pages = []
    monkeypatch.setattr(pypdfium2.PdfPage, "get_textpage", lambda self: read_pages.append(self))
    with pytest.raises(InputError, match="4 pages"):
        read_data(_blank_pdf(4), "long.pdf")
    assert read_pages == []


def test_text_past_the_readers_limit_stops_at_the_page_that_passes_it(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import app.io.text_reader as text_reader

    first_page = pdf_file.pdf_text(_first_pages(ISSUED, 1))
    monkeypatch.setattr(text_reader, "MAX_CHARS", len(first_page) + 10)
    with pytest.raises(InputError, match="too long"):
        read_data(ISSUED.read_bytes(), "issued.pdf")


def test_without_pdfium_a_pdf_gets_the_old_advice(monkeypatch: pytest.MonkeyPatch) -> None:
    import sys

    monkeypatch.setitem(sys.modules, "pypdfium2", None)  # an import of it now fails
    with pytest.raises(InputError, match="copy its text"):
        read_data(ISSUED.read_bytes(), "issued.pdf")


def _first_pages(pdf: Path, count: int) -> bytes:
    source = pypdfium2.PdfDocument(pdf.read_bytes())
    out_doc = pypdfium2.PdfDocument.new()
    out_doc.import_pages(source, list(range(count)))
    out = io.BytesIO()
    out_doc.save(out)
    source.close()
    out_doc.close()
    return out.getvalue()


def test_a_page_drawing_far_more_than_text_is_refused_before_its_text_is_made(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A 30 KB PDF whose page draws a million words made PDFium take 13 s and 3 GB; the objects a page draws
    are counted first (an issued page draws a few hundred)."""
    monkeypatch.setattr(pdf_file, "MAX_PAGE_OBJECTS", 10)
    made = []
    monkeypatch.setattr(pypdfium2.PdfPage, "get_textpage", lambda self: made.append(self))
    with pytest.raises(InputError, match="page 1 draws far more than a page of text"):
        read_data(ISSUED.read_bytes(), "issued.pdf")
    assert made == []
