"""Tenth hostile-input pass: PDFs opened directly (app/io/pdf_file.py, app/io/pdf_probe.py, app/io/pdf_italics.py).

Every PDF here is written byte by byte by the test (`_pdf`), so each hostile structure is exactly what it says.
"""

from __future__ import annotations

import time

import pypdfium2
import pytest

from app.cli import run
from app.errors import InputError
from app.io import pdf_file, pdf_probe
from app.io.reading import read_data
from tests.raw_pdf import pdf_of

DRAFT = [
    "United Nations A/C.3/80/L.99",
    "General Assembly",
    "Eightieth session",
    "Third Committee",
    "Agenda item 71",
    "Ruritania: draft resolution",
    "Rights of the child",
    "The General Assembly,",
    "Recalling its resolution 79/1 of 1 January 2025,",
    "1. Decides to remain seized of the matter.",
]
_FONTS = (
    "<< /F1 << /Type /Font /Subtype /Type1 /BaseFont /Helvetica >> "
    "/F2 << /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Oblique >> >>"
)


def _stream(data: bytes, extra: str = "") -> bytes:
    return b"<< /Length %d %s >>\nstream\n" % (len(data), extra.encode()) + data + b"\nendstream"


def _lines(lines: list[str], y: int = 800) -> bytes:
    shown = " ".join("({}) Tj T*".format(s.replace("(", "\\(").replace(")", "\\)")) for s in lines)
    return f"BT /F1 11 Tf 14 TL 72 {y} Td {shown} ET".encode("latin-1")


def _with_forms(forms: list[bytes], page: bytes) -> bytes:
    """One page drawing `page`, with form XObjects /X0, /X1 … (each `forms` item its content) it and they use."""
    names = " ".join(f"/X{i} {3 + i} 0 R" for i in range(len(forms)))
    resources = f"/Resources << /Font {_FONTS} /XObject << {names} >> >>"
    extra = f"/Type /XObject /Subtype /Form /BBox [0 0 595 842] {resources}"
    page_at = 3 + len(forms)
    return pdf_of(
        [
            "<< /Type /Catalog /Pages 2 0 R >>",
            f"<< /Type /Pages /Kids [{page_at} 0 R] /Count 1 >>",
            *(_stream(body, extra) for body in forms),
            f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] {resources} /Contents {page_at + 1} 0 R >>",
            _stream(page),
        ]
    )


def _refused_in_one_line(tmp_path, capsys, data: bytes, says: str) -> None:  # noqa: ANN001 (pytest fixtures)
    path = tmp_path / "hostile.pdf"
    path.write_bytes(data)
    assert run(["check", str(path)]) == 2
    err = capsys.readouterr().err.strip()
    assert says in err and "\n" not in err and "Traceback" not in err
    assert path.read_bytes() == data


# --- form XObjects: PDFium draws a form anew at each use -------------------------------------------------------


def test_a_form_drawn_inside_forms_is_read_as_its_text() -> None:
    """The class's ordinary case: a paragraph drawn through a form inside a form is read like any other."""
    data = _with_forms(
        [_lines(["2. Requests the Secretary-General to report."], 600), b"q /X0 Do Q"],
        _lines(DRAFT) + b" q /X1 Do Q",
    )
    res = read_data(data, "forms.pdf").resolution
    assert [p.opener for p in res.operative] == ["Decides", "Requests"]


def test_words_drawn_through_nested_forms_are_counted_before_their_text_is_made(
    tmp_path, capsys, monkeypatch: pytest.MonkeyPatch
) -> None:  # noqa: ANN001
    """A page of 11 objects drew 100,000 words through three forms of ten uses each; PDFium made their text in
    96 s (its text of objects inside forms grows with their square). Every object drawn is counted now, each
    use once, and the count stops at the bound."""
    leaf = b"BT /F1 11 Tf 72 200 Td " + b"(word ) Tj " * 100 + b"ET"
    forms = [leaf, b"q /X0 Do Q " * 10, b"q /X1 Do Q " * 10, b"q /X2 Do Q " * 10]
    data = _with_forms(forms, _lines(DRAFT) + b" q /X3 Do Q")
    made = []
    monkeypatch.setattr(pypdfium2.PdfPage, "get_textpage", lambda self: made.append(self))
    started = time.perf_counter()
    with pytest.raises(InputError, match="page 1 draws far more than a page of text"):
        read_data(data, "fanned.pdf")
    assert made == []
    assert time.perf_counter() - started < 30  # 100,000 words drawn: the walk stops at 2,000
    _refused_in_one_line(tmp_path, capsys, data, "page 1 draws far more than a page of text")


def test_forms_count_against_the_page_bound_without_the_probe(monkeypatch: pytest.MonkeyPatch) -> None:
    """The same count guards the page read in this process (where no child process can be started)."""
    monkeypatch.setattr(pdf_probe, "pages_apart", lambda *args: None)
    leaf = b"BT /F1 11 Tf 72 200 Td " + b"(word ) Tj " * 100 + b"ET"
    data = _with_forms([leaf, b"q /X0 Do Q " * 30], _lines(DRAFT) + b" q /X1 Do Q")
    monkeypatch.setattr(pdf_file, "MAX_FORM_OBJECTS", 2_000)
    with pytest.raises(InputError, match="draws far more"):
        read_data(data, "fanned.pdf")


@pytest.mark.parametrize(
    ("forms", "page"),
    [
        ([b"BT /F1 11 Tf 72 200 Td (word) Tj ET q /X0 Do Q q /X0 Do Q"], b"q /X0 Do Q"),
        (
            [b"BT /F1 11 Tf 72 200 Td (word) Tj ET q /X1 Do Q q /X1 Do Q", b"q /X0 Do Q q /X0 Do Q"],
            b"q /X0 Do Q",
        ),
    ],
    ids=["form-drawing-itself-twice", "two-forms-drawing-each-other"],
)
def test_a_form_that_draws_itself_stops_reading_in_one_line_and_the_process_goes_on(
    tmp_path, capsys, monkeypatch: pytest.MonkeyPatch, forms: list[bytes], page: bytes
) -> None:  # noqa: ANN001
    """PDFium expanded such a form 2^n times while loading the page: 4 GB in 20 s, then it aborted the whole
    process (the editor with it). The pages are read in a child process with a memory limit."""
    monkeypatch.setattr(pdf_probe, "MEMORY", 512 << 20)  # sooner than the default, as surely
    data = _with_forms(forms, _lines(DRAFT) + b" " + page)
    with pytest.raises(InputError, match="page 1 cannot be read"):
        read_data(data, "recursive.pdf")
    _refused_in_one_line(tmp_path, capsys, data, "page 1 cannot be read")
    assert read_data(_with_forms([], _lines(DRAFT)), "after.pdf").resolution.operative  # still reading PDFs


def test_a_page_past_the_deadline_is_named(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pdf_probe, "DEADLINE", 0.2)
    monkeypatch.setattr(pdf_probe, "MEMORY", 1 << 40)  # time, not memory, stops it
    forms = [b"BT /F1 11 Tf 72 200 Td (word) Tj ET q /X0 Do Q q /X0 Do Q"]
    with pytest.raises(InputError, match="page 1 takes far too long to read"):
        read_data(_with_forms(forms, _lines(DRAFT) + b" q /X0 Do Q"), "slow.pdf")


def test_without_a_child_process_the_file_is_read_here(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise OSError("no processes")

    monkeypatch.setattr(pdf_probe, "_context", refuse)
    res = read_data(_with_forms([], _lines(DRAFT)), "plain.pdf").resolution
    assert [p.opener for p in res.operative] == ["Decides"]


# --- fonts: a /ToUnicode map can make one code a whole text -----------------------------------------------------


def _cmap(long: str) -> bytes:
    """A /ToUnicode map: the printable ASCII codes as themselves, code 1 as `long`."""
    return (
        "/CIDInit /ProcSet findresource begin 12 dict begin begincmap /CMapName /X def /CMapType 2 def "
        "1 begincodespacerange <00> <FF> endcodespacerange 1 beginbfrange <20> <7E> <0020> endbfrange "
        f"1 beginbfchar <01> <{long.encode('utf-16-be').hex()}> endbfchar "
        "endcmap CMapName currentdict /CMap defineresource pop end end"
    ).encode()


def _mapped(long: str, uses: int) -> bytes:
    font = "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /ToUnicode 3 0 R >>"
    shown = b"BT /F1 11 Tf 72 300 Td [" + b"(\x01) 500 " * uses + b"] TJ ET"
    return pdf_of(
        [
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [4 0 R] /Count 1 >>",
            _stream(_cmap(long)),
            f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 {font} >> >> "
            "/Contents 5 0 R >>",
            _stream(_lines(DRAFT) + b" " + shown),
        ]
    )


def test_a_code_mapped_to_a_whole_text_stops_in_one_line(tmp_path, capsys) -> None:  # noqa: ANN001
    """One object of 2,000 uses of a code that /ToUnicode maps to 10,000 characters: 20 million characters from a
    60 KB file, which made PDFium abort the process at 1.5 GB while making the page's text."""
    data = _mapped("abc " * 2_500, 2_000)
    with pytest.raises(InputError, match="page 1 cannot be read"):
        read_data(data, "mapped.pdf")
    _refused_in_one_line(tmp_path, capsys, data, "page 1 cannot be read")


def test_a_code_mapped_to_a_few_characters_reads() -> None:
    """The ordinary case of the class: a ligature's code maps to its letters ("ffi")."""
    data = _mapped("ffi", 3)
    res = read_data(data, "ligature.pdf").resolution
    assert [p.opener for p in res.operative] == ["Decides"]


# --- pages sharing one content stream ---------------------------------------------------------------------------


def _shared(pages: int, paths: int) -> bytes:
    """`pages` pages that all draw one content stream: the draft's lines and `paths` short lines."""
    drawn = b"".join(
        b"%d %d m %d %d l S\n" % (i % 500, i // 500, i % 500 + 1, i // 500 + 1) for i in range(paths)
    )
    page = "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font %s >> /Contents 3 0 R >>"
    kids = " ".join(f"{4 + i} 0 R" for i in range(pages))
    return pdf_of(
        [
            "<< /Type /Catalog /Pages 2 0 R >>",
            f"<< /Type /Pages /Kids [{kids}] /Count {pages} >>",
            _stream(_lines(DRAFT) + b"\n" + drawn),
            *([page % _FONTS] * pages),
        ]
    )


def test_pages_sharing_a_crowded_content_stream_are_refused_by_their_sum(tmp_path, capsys) -> None:  # noqa: ANN001
    """500 pages drawing one stream of 49,000 lines came from a 380 KB file and took 184 s, each page under the
    page bound: what all pages draw is bounded too (issued PDFs: at most 451 a page)."""
    assert pdf_file.MAX_DOCUMENT_OBJECTS < 25 * 45_000 < 25 * pdf_file.MAX_PAGE_OBJECTS
    data = _shared(25, 45_000)
    started = time.perf_counter()
    with pytest.raises(InputError, match="its pages draw far more than the pages of a resolution"):
        read_data(data, "shared.pdf")
    assert time.perf_counter() - started < 60  # it stops at the page that passes the sum, not at the last
    _refused_in_one_line(tmp_path, capsys, data, "far more than the pages of a resolution")
    assert read_data(_shared(25, 20), "light.pdf").resolution.operative  # the same stream, light: read


def test_the_deadline_is_for_all_pages_not_each(monkeypatch: pytest.MonkeyPatch) -> None:
    """Each page under the deadline could add up to hours: the deadline counts from the first page."""
    monkeypatch.setattr(pdf_probe, "DEADLINE", 1.0)
    with pytest.raises(InputError, match="takes far too long"):
        read_data(_shared(400, 20_000), "slow.pdf")


def test_pages_are_read_in_a_spawned_child_as_on_windows_and_in_the_frozen_app(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import multiprocessing

    monkeypatch.setattr(pdf_probe, "_STARTED", [multiprocessing.get_context("spawn")])

    def not_here(*args: object) -> None:
        raise AssertionError("the pages were read in this process")

    monkeypatch.setattr(pdf_file, "read_pages", not_here)  # the child imports its own
    res = read_data(_with_forms([], _lines(DRAFT)), "spawned.pdf").resolution
    assert [p.opener for p in res.operative] == ["Decides"]
    with pytest.raises(InputError, match="page 1 draws far more"):
        leaf = b"BT /F1 11 Tf 72 200 Td " + b"(word ) Tj " * 100 + b"ET"
        read_data(_with_forms([leaf, b"q /X0 Do Q " * 30], _lines(DRAFT) + b" q /X1 Do Q"), "fanned.pdf")


# --- table rows weighed pair by pair (app/compare/table_diff.py) -----------------------------------------------


def test_a_gap_of_long_rows_is_paired_by_place_once_weighing_them_would_cost_too_much(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """400 rows a side of 2,000 different words took 50 s to weigh pair by pair; the words compared are
    counted before, and past the budget the gap pairs by place as a gap of more rows does."""
    from app.compare import table_diff

    weighed = []
    real = table_diff._row_likeness
    monkeypatch.setattr(table_diff, "_row_likeness", lambda a, b: weighed.append(1) or real(a, b))

    def rows(count: int, words: int, tag: str) -> list[list[str]]:
        return [[" ".join(f"{tag}{r}w{k}" for k in range(words)), "x"] for r in range(count)]

    def pairs(words: int) -> list[tuple[int | None, int | None]]:
        weighed.clear()
        base = [["same", "x"], *rows(100, words, "a"), ["end", "x"]]
        new = [["same", "x"], *rows(100, words, "b"), ["end", "x"]]
        return table_diff._row_pairs(base, new)

    assert pairs(5) and len(weighed) == 100 * 100  # short rows: every pair weighed
    monkeypatch.setattr(table_diff, "_GAP_WORK", 100 * 100 * 20)
    long = pairs(200)
    assert weighed == [] and long[1:101] == [(1 + k, 1 + k) for k in range(100)]  # long rows: by place


def test_the_walk_through_forms_stops_at_the_bound(monkeypatch: pytest.MonkeyPatch) -> None:
    """Counted, not timed: the objects looked at while counting stay under the bound plus one form's worth,
    however many the forms draw (10x more words drawn, the same number of looks)."""
    from pypdfium2 import raw

    looked = []
    real = raw.FPDFFormObj_GetObject
    monkeypatch.setattr(raw, "FPDFFormObj_GetObject", lambda form, k: looked.append(1) or real(form, k))
    leaf = b"BT /F1 11 Tf 72 200 Td " + b"(word ) Tj " * 100 + b"ET"
    counts = []
    for levels in (2, 3):
        forms = [leaf] + [b"q /X%d Do Q " % i * 10 for i in range(levels)]
        document = pypdfium2.PdfDocument(_with_forms(forms, _lines(DRAFT) + b" q /X%d Do Q" % levels))
        looked.clear()
        with pytest.raises(InputError, match="draws far more"):
            pdf_file.refuse_crowded(document[0], "page 1", (50_000, 2_000))
        counts.append(len(looked))
        document.close()
    assert max(counts) <= 2 * 2_001 and max(counts) < 1.1 * min(counts)


def test_a_child_that_ends_before_it_starts_leaves_the_file_to_this_process(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A child that cannot start (a broken installation) says nothing about the file: it is read here."""
    import multiprocessing

    class Broken:
        def __getattr__(self, name: str) -> object:
            return getattr(multiprocessing.get_context("spawn"), name)

        def Process(self, target: object, args: tuple, daemon: bool) -> multiprocessing.Process:  # noqa: N802
            return multiprocessing.get_context("spawn").Process(target=_ends_at_once, daemon=daemon)

    monkeypatch.setattr(pdf_probe, "_STARTED", [Broken()])
    res = read_data(_with_forms([], _lines(DRAFT)), "plain.pdf").resolution
    assert [p.opener for p in res.operative] == ["Decides"]


def _ends_at_once() -> None:
    raise SystemExit(3)


# --- a content stream that inflates a thousandfold ------------------------------------------------------------


def _inflating(text: bytes, blanks: int) -> bytes:
    """A FlateDecode stream of `text` then `blanks` MB of spaces, written without compressing them all: one
    flushed block of a megabyte of spaces is repeated (a full flush makes each block stand alone)."""
    import zlib

    packer = zlib.compressobj(9, zlib.DEFLATED, -15)
    head = packer.compress(text) + packer.flush(zlib.Z_FULL_FLUSH)
    megabyte = b" " * (1 << 20)
    block = packer.compress(megabyte) + packer.flush(zlib.Z_FULL_FLUSH)
    checksum = zlib.adler32(text)
    for _ in range(blanks):
        checksum = zlib.adler32(megabyte, checksum)
    body = b"\x78\xda" + head + block * blanks + packer.flush() + checksum.to_bytes(4, "big")
    return b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(body) + body + b"\nendstream"


def test_a_content_stream_that_inflates_a_thousandfold_stops_in_the_child(
    tmp_path, capsys, monkeypatch: pytest.MonkeyPatch
) -> None:  # noqa: ANN001
    """2 MB of file held 2 GB of content: read in the process it took 3.2 GB (20 MB of file would take 20);
    the child stops at its memory limit and the file is refused in one line."""
    monkeypatch.setattr(pdf_probe, "MEMORY", 512 << 20)
    page = f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font {_FONTS} >> /Contents 4 0 R >>"
    catalog, tree = "<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R] /Count 1 >>"
    data = pdf_of([catalog, tree, page, _inflating(_lines(DRAFT), 1024)])
    assert len(data) < 2_000_000
    with pytest.raises(InputError, match="page 1 cannot be read"):
        read_data(data, "inflating.pdf")
    light = pdf_of([catalog, tree, page, _inflating(_lines(DRAFT), 1)])  # the same stream, a megabyte: read
    assert [p.opener for p in read_data(light, "light.pdf").resolution.operative] == ["Decides"]
