"""The masthead and header as structured lines: the Word reader passes each paragraph's look (style, bold, size,
alignment, table cell) to the one header reader, plain text passes the text alone, and the header fields come
back from our own Word export exactly as exported, for every UN XML and text fixture that imports."""

from __future__ import annotations

import dataclasses
import io
import re
import zipfile
from pathlib import Path

import pytest

from app.errors import InputError
from app.io.akn_reader import read_akn
from app.io.docx_reader import read_docx
from app.io.docx_writer import STYLE_IDS, build_docx
from app.io.header_lines import HeaderLine, plain_lines
from app.io.text_header import parse_header
from app.io.text_reader import read_text
from app.model import Resolution
from app.states import official_name

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
# the frozen held-out sample (tests/fixtures/heldout) stays out: no rule is built or checked on it here
XML = sorted(p for p in FIXTURES.rglob("*.xml") if "heldout" not in p.parts)
TEXTS = sorted(FIXTURES.rglob("*.txt"))


def _source(path: Path) -> Resolution | None:
    """The model read from an original (UN XML or text); None for a text fixture that is no draft."""
    try:
        if path.suffix == ".xml":
            return read_akn(path.read_bytes(), name=path.name).resolution
        return read_text(path.read_text(encoding="utf-8")).resolution
    except InputError:
        return None


def header_fields(res: Resolution) -> dict[str, object]:
    """Symbol, distribution, date, session, committee, agenda items, sponsors, title and the rest of the header.
    Sponsors are compared in their official forms: a reader of names takes "Netherlands" as the UN's
    "Netherlands (Kingdom of the)" by design."""
    fields = dataclasses.asdict(res.header)
    fields.pop("job_number")  # a page-1 footer the export prints only when it has one
    fields["sponsors"] = [official_name(name) or name for name in res.header.sponsors]
    fields["title"] = res.title
    return fields


@pytest.mark.parametrize("path", XML + TEXTS, ids=lambda p: str(p.relative_to(FIXTURES)))
def test_header_fields_come_back_from_word_as_exported(path: Path) -> None:
    res = _source(path)
    if res is None:  # the reader refuses it with a one-line error: nothing to export
        assert path.suffix == ".txt"
        return
    back = read_docx(build_docx(res), name=path.name).resolution
    assert header_fields(back) == header_fields(res)


def test_the_fixtures_give_many_headers() -> None:
    read = [p for p in XML + TEXTS if _source(p) is not None]
    assert len(read) >= len(XML) + len(TEXTS) // 2
    # many carry a sponsor line, so the comparison above is not of empty headers (resolutions, SC excerpts and
    # style snippets carry none)
    assert sum(1 for p in read if _source(p).header.sponsors) >= len(read) // 3  # type: ignore[union-attr]


def test_plain_text_lines_carry_no_look_and_read_as_before() -> None:
    blocks = [
        ["United Nations", "A/C.3/80/L.20"],
        ["Distr.: Limited", "3 October 2025"],
        ["Eightieth session"],
    ]
    blocks += [["Third Committee"], ["Agenda item 71 (b)"], ["Promotion and protection of human rights"]]
    blocks += [["France and Mexico: draft resolution"], ["The right to food"]]
    lines = plain_lines(blocks)
    assert all(line == HeaderLine(line.text) for block in lines for line in block)
    out = parse_header(lines)
    h = out.header
    assert (h.symbol, h.distribution, h.session, h.sponsors) == (
        "A/C.3/80/L.20",
        "Limited",
        80,
        ["France", "Mexico"],
    )
    assert [(i.number, i.sub_item, i.title) for i in h.agenda_items] == [
        ("71", "b", "Promotion and protection of human rights")
    ]
    assert out.title == "The right to food"


# ---- the look of Word lines, where Resolute's styles are not there


def _draft() -> Resolution:
    res = _source(FIXTURES / "corpus" / "A_C.1_80_L.43.txt")
    assert res is not None and res.header.agenda_items and res.title
    return res


def _edit_package(data: bytes, edit: dict[str, object]) -> bytes:
    """The package with parts rewritten by `edit` (part name → function of its text)."""
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for item in src.infolist():
            blob = src.read(item.filename)
            if item.filename in edit:
                blob = edit[item.filename](blob.decode("utf-8")).encode("utf-8")  # type: ignore[operator]
            dst.writestr(item, blob)
    return out.getvalue()


def _unnamed_styles(styles: str) -> str:
    """Resolute's header styles under other names: the look (bold, size) stays, the role names go."""
    for _, name in STYLE_IDS.values():
        styles = styles.replace(f'w:name w:val="{name}"', f'w:name w:val="Custom {name.lower()}"')
    return styles


def _paragraph(document: str, style_key: str) -> re.Match[str]:
    found = re.search(rf'<w:p><w:pPr><w:pStyle w:val="{STYLE_IDS[style_key][0]}"/>.*?</w:p>', document)
    assert found, style_key
    return found


def test_without_the_style_names_the_text_rules_read_the_same_header() -> None:
    res = _draft()
    data = _edit_package(build_docx(res), {"word/styles.xml": _unnamed_styles})
    assert header_fields(read_docx(data).resolution) == header_fields(res)


def test_without_a_sponsor_line_the_bold_larger_title_ends_the_header() -> None:
    """An agenda item title typed over two paragraphs and no sponsor line: by count of blocks its second half
    would open the title; its size (10 pt against the title's 12 pt bold) keeps it in the item's title."""
    res = _draft()
    item = res.header.agenda_items[0]
    words = item.title.split()
    assert len(words) > 2

    def edit(document: str) -> str:
        document = document.replace(_paragraph(document, "sponsor_line").group(0), "")
        first = _paragraph(document, "agenda_item_title").group(0)
        halves = [first.replace(item.title, part) for part in (" ".join(words[:2]), " ".join(words[2:]))]
        return document.replace(first, "".join(halves))

    data = _edit_package(build_docx(res), {"word/styles.xml": _unnamed_styles, "word/document.xml": edit})
    back = read_docx(data).resolution
    assert back.title == res.title
    assert [i.title for i in back.header.agenda_items] == [item.title]
    assert back.header.sponsors == []


def test_words_in_the_masthead_table_are_no_title() -> None:
    """A masthead cell's words that are no masthead line (a bar code's digits) are reported, never read into
    the title, even with no sponsor line (the masthead table holds masthead lines only; the title's look says
    the same where it is known)."""
    res = _draft()

    def edit(header: str) -> str:
        cell = '<w:p><w:r><w:t xml:space="preserve">*2516697*</w:t></w:r></w:p></w:tc></w:tr></w:tbl>'
        return header.replace("</w:tc></w:tr></w:tbl>", cell, 1)

    def no_sponsor(document: str) -> str:
        return document.replace(_paragraph(document, "sponsor_line").group(0), "")

    data = build_docx(res)
    package = zipfile.ZipFile(io.BytesIO(data))
    masthead = next(n for n in package.namelist() if "header" in n and "<w:tbl" in package.read(n).decode())
    data = _edit_package(data, {masthead: edit, "word/document.xml": no_sponsor})
    found = read_docx(data)
    assert "*2516697*" in zipfile.ZipFile(io.BytesIO(data)).read(masthead).decode()
    assert found.resolution.title == res.title
    assert any("2516697" in f.message for f in found.findings)


def test_word_lines_carry_their_look() -> None:
    import docx

    from app.io.wordml import Styles, Walker, first_page, header_line

    document = docx.Document(io.BytesIO(build_docx(_draft())))
    walker = Walker(Styles(document.styles.element), {}, Resolution())
    masthead, _ = first_page(document, walker)
    looks = [header_line(line, walker.styles) for line in masthead if line.plain.strip()]
    symbol = next(x for x in looks if x.text == _draft().header.symbol)
    distr = next(x for x in looks if x.text.startswith("Distr."))
    assert symbol.cell is not None and distr.cell is not None
    assert (
        symbol.cell[0] == distr.cell[0] and symbol.cell[1] < distr.cell[1]
    )  # one table: its first row, then
    assert symbol.align == "right" and symbol.cell[2] > 0  # the symbol set right, in a column after the first


def test_a_title_that_repeats_the_agenda_item_title_is_kept() -> None:
    """No sponsor line (an adopted resolution): the block after the agenda line is the item's title and the
    next the resolution's, even when both say the same words (A/RES/75/101 'Questions relating to information';
    the title was lost when blocks were told apart by their text)."""
    title = "Questions relating to information"
    blocks = [["United Nations", "A/RES/75/101"], ["General Assembly"], ["Seventy-fifth session"]]
    blocks += [
        ["Agenda item 56"],
        [title],
        ["Resolution adopted by the General Assembly on 10 December 2020"],
    ]
    blocks += [[title]]
    out = parse_header(plain_lines(blocks))
    assert [i.title for i in out.header.agenda_items] == [title]
    assert out.title == title


def test_a_header_typed_whole_into_one_table_cell_keeps_its_fields() -> None:
    """A delegation's file with the masthead, agenda block, sponsor line and title all in one table cell: that
    cell holds more than masthead lines, so the text rules read it and nothing is set aside."""
    res = _draft()
    data = build_docx(res)
    package = zipfile.ZipFile(io.BytesIO(data))
    masthead = next(n for n in package.namelist() if "header" in n and "<w:tbl" in package.read(n).decode())
    table = re.search(r"<w:tbl>.*</w:tbl>", package.read(masthead).decode(), re.S)
    assert table
    top = "".join(re.findall(r"<w:p>(?:(?!<w:p>).)*?</w:p>", table.group(0), re.S))
    keys = ("agenda_session", "agenda_committee", "agenda_item", "agenda_item_title", "sponsor_line", "title")

    def body(document: str) -> str:
        head = "".join(_paragraph(document, key).group(0) for key in keys)
        for key in keys:
            document = document.replace(_paragraph(document, key).group(0), "", 1)
        cell = f"<w:tbl><w:tr><w:tc>{top}{head}</w:tc></w:tr></w:tbl>"
        return document.replace("<w:body>", "<w:body>" + cell, 1)

    def no_masthead(header: str) -> str:
        return header.replace(table.group(0), "")

    data = _edit_package(data, {masthead: no_masthead, "word/document.xml": body})
    found = read_docx(data)
    assert header_fields(found.resolution) == header_fields(res)
