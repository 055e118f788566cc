"""The eleventh hostile-input pass (docs/hardening-log.md, "Eleventh pass"): tables in plain text and in opened
PDFs, patterns that backtrack over long runs, a draft's tables in all, and tracked Word files of many authors.
Every input is generated here; growth is a ratio of this process's own time, or a count of operations."""

from __future__ import annotations

import copy
import json
import re
import sys
from pathlib import Path

import pypdfium2
import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from docx_parts import repack  # noqa: E402
from fixtures.robust.hostile import growth, hang_guard, sample, xml_parts  # noqa: E402

from app.cli import run  # noqa: E402
from app.edits import Document, EditError  # noqa: E402
from app.errors import InputError  # noqa: E402
from app.io import pdf_grid  # noqa: E402
from app.io.docx_tables import figure_columns  # noqa: E402
from app.io.docx_writer import build_docx  # noqa: E402
from app.io.pdf_grid import Rule  # noqa: E402
from app.io.reading import read_data  # noqa: E402
from app.io.text_reader import read_text  # noqa: E402
from app.model import MAX_DOCUMENT_CELLS, MAX_TABLE_CELLS, Paragraph, Resolution  # noqa: E402
from app.negotiation import tracked_reading  # noqa: E402
from app.render import Block  # noqa: E402
from app.storage import dumps, loads, to_dict  # noqa: E402
from app.table_edits import set_table  # noqa: E402
from tests.raw_pdf import pdf_of

HEAD = """General Assembly
Eightieth session
Agenda item 71

Ruritania: draft resolution

Rights of the child

The General Assembly,

"""
OPERATIVE = "1. Decides to act;\n\n2. Requests the Secretary-General to report thereon.\n"


def _words(text: str) -> list[str]:
    return re.findall(r"[^\W_]+", text)


def _all_text(res: Resolution) -> str:
    """Every text of the draft's paragraphs, cells and unplaced blocks, in one string."""
    out = [res.title, *res.unplaced]
    for _, para in res.paragraphs():
        out += [para.heading, para.opener, para.text, para.tail, *(c for row in para.table for c in row)]
    return " ".join(out)


# --- the reader's own marks in the user's text ----------------------------------------------------------------


@pytest.mark.parametrize(
    "typed",
    [
        "\x035",  # a table mark naming a table that does not exist
        "\x030",
        "\x03" + "9" * 5_000,  # past int()'s digits
        "\x03",  # the page-break mark alone
        "\x1a\n\x1a\n\x1a",  # empty-row marks with no table
        "Noting \x01 the \x02 work \x1a of \x0312 the Committee,",
    ],
)
def test_the_readers_marks_typed_in_a_text_are_dropped_and_its_words_kept(typed: str) -> None:
    """The text reader marks a table's place with \\x03 and its number, a page break with \\x03 and an empty row
    with \\x1a; a text's own (typed, pasted, a PDF's text layer) raised IndexError (exit 3) or was taken for a
    table. They print as nothing: dropped, every word kept, and a real table in the same text still read."""
    text = HEAD + typed + "\n\nRecalling its resolution 79/1,\n\nPost\tNumber\nP-5\t12\n\n" + OPERATIVE
    res = read_text(text).resolution
    tables = [p.table for _, p in res.paragraphs() if p.is_table]
    assert tables == [[["Post", "Number"], ["P-5", "12"]]]
    kept = _words(_all_text(res))
    for word in _words(typed):
        assert word in kept
    assert not re.search("[\x01-\x03\x1a]", _all_text(res))


def test_a_text_of_a_million_marks_reads_in_linear_time() -> None:
    def make(n: int):  # noqa: ANN202
        text = HEAD + "".join(f"\x03{i}\n\n" for i in range(n)) + OPERATIVE
        return lambda: read_text(text)

    assert growth(make, 2_000, factor=8) < 24


# --- opened PDFs: a table's mark in the PDF's own text ----------------------------------------------------------


def _stream(data: bytes) -> bytes:
    return b"<< /Length %d >>\nstream\n" % len(data) + data + b"\nendstream"


# Helvetica's codes as ASCII, code 1 and 2 as the brackets of a grid mark ("\u27e6T3\u27e7")
_CMAP = (
    b"/CIDInit /ProcSet findresource begin 12 dict begin begincmap /CMapName /X def /CMapType 2 def "
    b"1 begincodespacerange <00> <FF> endcodespacerange 1 beginbfrange <20> <7E> <0020> endbfrange "
    b"2 beginbfchar <01> <27E6> <02> <27E7> endbfchar endcmap CMapName currentdict /CMap defineresource pop end end"
)


def _ruled_pdf(lines: list[str], rows: list[list[str]], after: list[str]) -> bytes:
    """One page: lines of text, a table ruled as issued (a rule above, a thicker one under the header and under
    the last row), then more lines; "\\x01" and "\\x02" in a line print a grid mark's brackets."""

    def shown(y: float, x: float, text: str) -> str:
        escaped = text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
        return f"BT /F1 10 Tf {x} {y} Td ({escaped}) Tj ET"

    ops, y = [], 780.0
    for line in lines:
        ops.append(shown(y, 72, line))
        y -= 20
    ops.append(f"72 {y} 400 0.5 re f")
    for r, row in enumerate(rows):
        y -= 16
        ops += [shown(y, 76 + 130 * c, cell) for c, cell in enumerate(row)]
        if r == 0:
            ops.append(f"72 {y - 5} 400 1.5 re f")
    ops.append(f"72 {y - 5} 400 1.5 re f")
    y -= 30
    for line in after:
        ops.append(shown(y, 72, line))
        y -= 20
    font = "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /ToUnicode 3 0 R >>"
    return pdf_of(
        [
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [4 0 R] /Count 1 >>",
            _stream(_CMAP),
            f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 {font} >> >> "
            "/Contents 5 0 R >>",
            _stream(" ".join(ops).encode("latin-1")),
        ]
    )


_DRAFT = [
    "General Assembly",
    "Eightieth session",
    "Agenda item 71",
    "Ruritania: draft resolution",
    "Rights of the child",
    "The General Assembly,",
    "Recalling its resolution 79/1 of 1 January 2025,",
]
_ROWS = [["Post", "Number"], ["P-5", "12"], ["P-4", "30"]]


def test_a_ruled_table_of_an_opened_pdf_is_read_as_a_table() -> None:
    """The class's ordinary case: the table stands after the paragraph that introduces it."""
    data = _ruled_pdf([*_DRAFT, "1. Approves the table below:"], _ROWS, ["2. Requests a report thereon."])
    res = read_data(data, "ruled.pdf").resolution
    assert [p.table for p in res.operative if p.is_table] == [_ROWS]


@pytest.mark.parametrize("digits", ["0", "9" * 5_000])
def test_a_grid_marks_form_in_the_pdfs_own_text_is_kept_as_text(digits: str) -> None:
    """The reader marks a recovered table's place with "\u27e6T<n>\u27e7." in the page's text; the same form in the
    PDF's own text took the table's place (it moved there and left empty paragraphs), and 5,000 digits raised
    ValueError (exit 3). Such a file is read without marks: its text as printed, nothing taken for a mark."""
    typed = f"Noting \x01T{digits}\x02. the work,"
    data = _ruled_pdf([*_DRAFT, typed, "1. Approves the table below:"], _ROWS, ["2. Requests a report."])
    res = read_data(data, "marked.pdf").resolution
    text = _all_text(res)
    assert f"\u27e6T{digits}\u27e7" in text
    for word in _words(" ".join(cell for row in _ROWS for cell in row)):
        assert word in _words(text)  # the table's cells are kept, as text
    assert all(p.opener or p.text or p.table or p.subparagraphs for _, p in res.paragraphs())


# --- opened PDFs: rules that never close a frame ----------------------------------------------------------------


def _looked_at(monkeypatch: pytest.MonkeyPatch, rules: list[Rule]) -> tuple[int, list[list[Rule]]]:
    """How many rules `_frames` compares with a frame's top (each a call of `_full`), and the frames."""
    calls = [0]
    full = pdf_grid._full

    def counted(rule: Rule, top: Rule) -> bool:
        calls[0] += 1
        return full(rule, top)

    monkeypatch.setattr(pdf_grid, "_full", counted)
    frames = pdf_grid._frames(rules)
    return calls[0], frames


@pytest.mark.parametrize("width", [30.0, 9_000.0])
def test_rules_nested_by_the_thousand_are_looked_at_a_bounded_number_of_times(
    monkeypatch: pytest.MonkeyPatch, width: float
) -> None:
    """2,000 rules each inside the one above and none as wide as another never close a frame; each was the top of
    a scan of the 400 rules under it (0.2 s a page, 56 s for 250 pages). Narrow tops (under MIN_RULE) are no
    frame's and are skipped; the rules looked at for one page are bounded by FRAME_WORK a rule."""
    rules = [Rule(1_000 - k * 0.85, 50, 50 + width - 3.1 * k * (width > 100), 0.5) for k in range(2_000)]
    calls, frames = _looked_at(monkeypatch, rules)
    assert frames == []
    # each rule scanned is weighed again when the run is cut at its first table: twice the rules looked at
    assert calls <= 2 * (pdf_grid.FRAME_WORK * len(rules) + pdf_grid.MAX_FRAME_RULES)


def test_a_frame_among_many_rules_is_still_found(monkeypatch: pytest.MonkeyPatch) -> None:
    """The ordinary case: a frame of three full rules, under a running head's rule and beside narrow rules."""
    frame = [Rule(700, 72, 472, 0.5), Rule(680, 72, 472, 1.5), Rule(600, 72, 472, 1.5)]
    narrow = [Rule(500 - k, 100, 130, 0.5) for k in range(300)]
    _, frames = _looked_at(monkeypatch, [Rule(800, 72, 540, 0.5), *frame, *narrow])
    assert frames == [frame]


# --- patterns that backtrack over a long run --------------------------------------------------------------------


def _table_block(cells: list[list[str]]) -> Block:
    return Block("table", "t", None, 0, "", "", (), "", cells=tuple(map(tuple, cells)), header_rows=1)


def test_a_figures_column_is_told_in_linear_time() -> None:
    """A cell "1 1 1 … x": the pattern for a figure (figures and spaces around a digit) backtracked from each digit
    to the cell's end; a Word or PDF export of a 160,000-character cell ran past 60 s."""
    cells = [["Head"], ["1 2"], ["(3,4) %"], ["–5"]]
    assert figure_columns(_table_block(cells)) == [True]
    assert figure_columns(_table_block([*cells, ["1 x"]])) == [False]

    def make(n: int):  # noqa: ANN202
        block = _table_block([["Head"], ["3"], ["1 " * n + "x"]])
        return lambda: figure_columns(block)

    assert growth(make, 20_000, factor=4) < 8


def test_a_long_italic_word_of_a_pdf_is_measured_in_linear_time() -> None:
    from app import inline
    from app.io.pdf_italics import _whole_words

    spans = [inline.Span("Urge", True), inline.Span("s the States")]
    assert [s.text for s in _whole_words(spans)] == ["Urges", " the States"]

    def make(n: int):  # noqa: ANN202
        spans = [inline.Span("a" * n + " x", True), inline.Span("b")]
        return lambda: _whole_words(spans)

    assert growth(make, 20_000, factor=4) < 8


def test_a_run_of_spaces_before_no_grid_mark_is_read_in_linear_time() -> None:
    from app.io.pdf_grid_places import _MARKS

    assert [m.group(1) for m in _MARKS.finditer("a \u27e6T3\u27e7. b\u27e6T12\u27e7")] == ["3", "12"]

    def make(n: int):  # noqa: ANN202
        text = "a" + "\u3000" * n + "b"
        return lambda: list(_MARKS.finditer(text))

    assert growth(make, 20_000, factor=4) < 8


# --- a draft's tables in all ------------------------------------------------------------------------------------


def _with_tables(count: int, rows: int, columns: int) -> dict:
    data = to_dict(sample(4, 0))
    table = {"table": [[f"{r}.{c}" for c in range(columns)] for r in range(rows)], "header_rows": 1}
    data["operative"] += [copy.deepcopy(table) for _ in range(count)]
    return data


def test_a_project_of_full_tables_past_the_drafts_cells_is_refused_in_one_line(tmp_path, capsys) -> None:  # noqa: ANN001
    """Each table within MAX_TABLE_CELLS, a project could hold 800 of them (16 million cells in 50 MB): 100 took
    55 s to check and past 4 GB to export. Refused in one line (exit 2), the file left as it was."""
    full = MAX_TABLE_CELLS // 64
    past = MAX_DOCUMENT_CELLS // (full * 64) + 1
    path = tmp_path / "tables.json"
    path.write_text(json.dumps(_with_tables(past, full, 64)), encoding="utf-8")
    before = path.read_bytes()
    with hang_guard(60):
        assert run(["check", str(path)]) == 2
    err = capsys.readouterr().err.strip()
    assert "cells in all" in err and "\n" not in err and "Traceback" not in err
    assert path.read_bytes() == before
    res = loads(json.dumps(_with_tables(past - 1, full, 64)))  # within the bound: read
    assert sum(p.is_table for p in res.operative) == past - 1


def test_the_editor_refuses_an_edit_past_the_drafts_cells_and_keeps_the_draft() -> None:
    """What the project reader refuses the editor never builds: a saved draft must open again."""
    full = MAX_TABLE_CELLS // 64
    res = loads(json.dumps(_with_tables(MAX_DOCUMENT_CELLS // MAX_TABLE_CELLS, full, 64)))
    small = Paragraph(table=[["a", "b"], ["c", "d"]], header_rows=1, numbered=False)
    res.operative.append(small)
    doc = Document(res)
    before = dumps(res)
    with pytest.raises(EditError, match="cells in all"):
        set_table(doc, paragraph_id=small.id, rows=[[str(c) for c in range(64)] for _ in range(full)])
    assert dumps(res) == before
    set_table(doc, paragraph_id=small.id, rows=[["a", "b", "c"], ["d", "e", "f"]])  # within: done
    assert loads(dumps(res)).operative[-1].table == [["a", "b", "c"], ["d", "e", "f"]]


# --- tracked Word files of many authors -------------------------------------------------------------------------


def _tracked(authors: int, paragraphs: int) -> tuple[Resolution, bytes]:
    """A draft of `paragraphs` paragraphs and its Word file with one tracked insertion in each, by `authors`
    authors in turn."""
    base = sample(paragraphs, 0)
    xml = xml_parts(build_docx(base))["word/document.xml"].decode("utf-8")
    out, at = [], 0
    for k, m in enumerate(re.finditer(r"the work of paragraph \d+", xml)):
        end = xml.index("</w:r>", m.end()) + len("</w:r>")
        out.append(xml[at:end])
        out.append(
            f'<w:ins w:id="{900 + k}" w:author="Delegation {k % authors}" w:date="2026-01-01T00:00:00Z">'
            f'<w:r><w:t xml:space="preserve"> now</w:t></w:r></w:ins>'
        )
        at = end
    out.append(xml[at:])
    return base, repack(build_docx(base), {"word/document.xml": "".join(out)})


def test_a_tracked_file_of_many_authors_is_read_once_an_author(monkeypatch: pytest.MonkeyPatch) -> None:
    """The class's ordinary case: each author's version read once, and the file's own once."""
    base, data = _tracked(3, 6)
    reads = [0]
    real = tracked_reading.read_docx

    def counted(*args: object, **kwargs: object):  # noqa: ANN202
        reads[0] += 1
        return real(*args, **kwargs)

    monkeypatch.setattr(tracked_reading, "read_docx", counted)
    proposals = tracked_reading.proposals_from_tracked(data, base)
    assert sorted(p.proposer for p in proposals) == ["Delegation 0", "Delegation 1", "Delegation 2"]
    assert reads[0] == 3 + 1


def test_authors_times_paragraphs_past_the_bound_is_refused_in_one_line(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Each author's version is the whole file read again: 100 authors on 100 paragraphs took 14 s, 1,000 on
    1,000 some 10 minutes. Past MAX_TRACKED_WORK (authors times paragraphs) the file is refused before any is
    read (the bound lowered here so that the test's file stays small)."""
    base, data = _tracked(12, 12)
    paragraphs = xml_parts(data)["word/document.xml"].count(b"<w:p>") + xml_parts(data)[
        "word/document.xml"
    ].count(b"<w:p ")
    monkeypatch.setattr(tracked_reading, "MAX_TRACKED_WORK", 12 * paragraphs - 1)
    monkeypatch.setattr(tracked_reading, "read_docx", lambda *a, **k: pytest.fail("read before refusing"))
    with pytest.raises(InputError, match="12 authors") as refused:
        tracked_reading.proposals_from_tracked(data, base, name="many.docx")
    assert "\n" not in str(refused.value)


def test_a_paragraph_of_many_tracked_insertions_is_accepted_in_linear_time() -> None:
    """Each insertion accepted is unwrapped in its place; its place was found by walking its siblings, so a
    paragraph of 32,000 insertions took 5.4 s (128,000: past a minute). The ordinary case: the words kept, in order."""
    from lxml import etree

    w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"

    def story(n: int) -> etree._Element:
        runs = "".join(
            f'<w:ins w:author="{"EU" if k % 3 else "G77"}"><w:r><w:t>w{k} </w:t></w:r></w:ins>'
            for k in range(n)
        )
        return etree.fromstring(f'<w:document xmlns:w="{w}"><w:body><w:p>{runs}</w:p></w:body></w:document>')

    words = "".join(t.text for t in tracked_reading.view(story(6), "EU").iter(f"{{{w}}}t"))
    assert words == "w1 w2 w4 w5 "

    def make(n: int):  # noqa: ANN202
        root = story(n)
        return lambda: tracked_reading.view(root, "EU")

    assert growth(make, 8_000, factor=4) < 7


@pytest.mark.parametrize("own", ["\t", "\n", "\r\n", "\u2028", "\x0b", "\x1e"])
def test_a_cells_own_tab_or_line_break_keeps_the_tables_shape_in_the_text_export(own: str) -> None:
    """In a table's text a tab ends a cell and a line break a row; a cell's own (a project file's) made the text
    export read back as more cells or rows, and the compare view's grid shift. They are spaces there, as the
    Word export writes them; every word is kept."""
    from app.io.text_writer import to_text

    res = sample(4, 0)
    table = [["Post", "Number"], [f"P-5{own}senior", f"12{own}posts"], ["P-4", "30"]]
    res.operative.append(Paragraph(table=table, header_rows=1, numbered=False))
    back = read_text(to_text(res)).resolution
    tables = [p.table for p in back.operative if p.is_table]
    assert tables == [[[" ".join(cell.split()) for cell in row] for row in table]]


def test_pages_that_draw_a_frame_count_against_the_document_though_no_table_is_found(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The characters of pages with frames are bounded over a document (MAX_DOCUMENT_CHARS): each one's place is
    asked of PDFium. Only pages where a table was found were counted, so a frame on every page with a line half
    outside it (no table) had every page's characters measured: 2 million characters, 3.5 s; 1.0 s now."""
    lines = " ".join(f"BT /F1 10 Tf 72 {740 - 12 * k} Td (word word word word word) Tj ET" for k in range(40))
    content = (
        lines + " BT /F1 10 Tf 20 600 Td (a line half outside the frame) Tj ET"
        " 72 750 460 0.5 re f 72 700 460 1.5 re f 72 20 460 1.5 re f"
    ).encode()
    pages = 12
    kids = " ".join(f"{4 + k} 0 R" for k in range(pages))
    font = "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"
    page = f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 {font} >> >> /Contents 3 0 R >>"
    data = pdf_of(
        [
            "<< /Type /Catalog /Pages 2 0 R >>",
            f"<< /Type /Pages /Kids [{kids}] /Count {pages} >>",
            _stream(content),
            *[page] * pages,
        ]
    )
    measured = [0]
    real = pdf_grid._lines

    def counted(*args: object) -> list:
        measured[0] += 1
        return real(*args)

    monkeypatch.setattr(pdf_grid, "_lines", counted)
    document = pypdfium2.PdfDocument(data)
    texts = [document[k].get_textpage() for k in range(pages)]
    monkeypatch.setattr(pdf_grid, "MAX_DOCUMENT_CHARS", 3 * len(texts[0].get_text_range()))
    grids = pdf_grid.PdfGrids()
    for number, textpage in enumerate(texts, 1):
        grids.read_page(document[number - 1], textpage, textpage.get_text_range(), number)
    assert grids.tables == []
    assert measured[0] == 3  # three pages' characters fit the bound; the other nine are read as text only
