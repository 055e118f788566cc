"""Issued PDFs opened as they are (app/io/pdf_file.py): their text layer read as pasted PDF text, whatever the
file is called; a PDF that cannot be read says why in one line (exit 2) and nothing else is touched.

Whether the paragraphs, openers, notes and markers of an opened PDF are read right is measured against each
PDF's own typography in tests/core/test_reading_issued.py (its "-opened" cases)."""

from __future__ import annotations

import io
import re
from collections import Counter
from pathlib import Path

import pypdfium2
import pytest

from app import inline
from app.cli import run
from app.errors import InputError
from app.io import pdf_file
from app.io.reading import read_data, read_document
from app.io.text_reader import read_text
from app.model import Resolution
from tests.core.test_corpus_import import pdf_expected
from tests.core.test_publication_titles import _pdf_italic_words
from tests.pdf_lines import footnotes
from tests.reading_answer import pairs, pdf_entries, read_entries

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


@pytest.mark.parametrize(
    "before",
    [b"Content-Type: application/pdf\r\n\r\n", b'<?xml version="1.0"?>\n', b"\x00" * 16 + b"junk\n"],
)
def test_lines_before_the_pdf_header_are_passed_over_as_pdf_viewers_do(before: bytes) -> None:
    """A PDF viewer looks for "%PDF-" in the first 1,024 bytes: a file with a few lines before it (saved from a
    mail or a web server) is the same PDF."""
    alone = read_data(ISSUED.read_bytes(), "draft.pdf").resolution
    carried = read_data(before + ISSUED.read_bytes(), "draft.pdf").resolution
    shown = [[(p.opener, inline.plain(p.text)) for p in r.operative] for r in (carried, alone)]
    assert shown[0] == shown[1]
    assert len(carried.footnotes) == len(alone.footnotes) > 0


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


# --- the PDF's own italics -------------------------------------------------------------------------------------

READING = sorted((FIXTURES / "reading").glob("*.pdf"))


def _italic_words(res: Resolution) -> Counter[str]:
    """The words the draft sets in italics: openers, italics in paragraphs and their tails, notes."""
    nodes = [p for _, p in res.paragraphs()] + list(res.annex_paragraphs())
    fields = [f for p in nodes for f in (f"*{p.opener}*" if p.opener else "", p.text, p.tail)]
    fields += [note.text for note in res.footnotes.values()]
    return Counter(
        w for f in fields for s in inline.parse(f) if s.italic for w in re.findall(r"[^\W_]+", s.text)
    )


def test_an_opened_pdf_sets_in_italics_the_words_its_pdf_prints_in_italics() -> None:
    """Openers end where the PDF's italics end ("Recalls its endorsement", "Takes note of") and titles are in
    italics as printed, against the italic fonts pdfminer reads in each issued PDF. Text without its PDF (the
    same text layer read alone) guesses both; the opened PDF is nearly exact: what is left over is the organ
    line and an adopted resolution's heading, which are not paragraphs."""
    printed = opened_extra = opened_missing = text_missing = 0
    for pdf in READING:
        want = _pdf_italic_words(pdf)
        opened = _italic_words(read_document(pdf).resolution)
        guessed = _italic_words(read_text(pdf_file.pdf_text(pdf.read_bytes())).resolution)
        printed += sum(want.values())
        opened_extra += sum((opened - want).values())
        opened_missing += sum((want - opened).values())
        text_missing += sum((want - guessed).values())
    assert printed > 1_000
    assert opened_extra / printed < 0.002
    assert opened_missing < 0.7 * text_missing


def test_an_opened_pdfs_openers_agree_with_its_typography_more_often_than_its_text_alone() -> None:
    """The opener each paragraph starts with in the PDF's typography (`pdf_expected`), word for word."""
    differ = {"opened": 0, "text": 0}
    for pdf in READING:
        want = pdf_entries(pdf_expected(pdf))
        for how, res in (
            ("opened", read_document(pdf).resolution),
            ("text", read_text(pdf_file.pdf_text(pdf.read_bytes())).resolution),
        ):
            got = read_entries(res)
            differ[how] += sum(want[j][1].split() != got[i][1].split() for i, j in pairs(got, want))
    assert differ["opened"] < 0.5 * differ["text"], differ


def test_finding_paragraphs_that_open_alike_in_the_pdf_costs_their_number() -> None:
    """n paragraphs with the same words each look at a bounded number of the places those words stand."""
    import sys

    sys.path.insert(0, str(FIXTURES.parent))
    from fixtures.robust.hostile import growth

    from app.io.pdf_italics import PdfWords, _Finder

    def make(n: int):  # noqa: ANN202
        words = ["decides", "to", "remain", "seized", "of", "the", "matter"]
        pdf = PdfWords(words * n, ([True] + [False] * 6) * n)

        def run() -> None:
            finder = _Finder(pdf)
            assert all(finder.italics(words) for _ in range(n))

        return run

    assert growth(make, 500) < 8 * 3


def test_an_opener_the_pdf_italicizes_up_to_to_draws_a_note_not_a_warning() -> None:
    """A/C.2/80/L.23 prints "*Looks forward to* the special meeting …" and "*Commits to* enhancing …": before
    "to" or "that" the Secretariat italicizes both ways, so the opened PDF draws a note there; an opener that
    runs on into a noun ("Requests the Secretary-General") stays a warning."""
    from app.conventions.engine import check_document
    from app.findings import Severity
    from app.model import Header, Paragraph

    res = read_document(FIXTURES / "pdf" / "A_C.2_80_L.23.pdf").resolution
    italic_to = [p for _, p in res.paragraphs() if p.opener.endswith(" to")]
    assert {p.opener for p in italic_to} >= {"Looks forward to", "Commits to"}
    spans = [f for f in check_document(res) if f.rule == "openers.span"]
    assert {f.paragraph_id for f in spans} >= {p.id for p in italic_to}
    assert all(f.severity is Severity.INFO for f in spans)
    typed = Resolution(header=Header(template="ga-c2"), title="Oceans")
    typed.operative = [Paragraph("Requests the Secretary-General", "to report"), Paragraph("Decides", "x")]
    [f] = [f for f in check_document(typed) if f.rule == "openers.span"]
    assert f.severity is Severity.WARNING
