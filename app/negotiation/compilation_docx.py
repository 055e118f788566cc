"""The compilation as a Word file a delegate reads without Resolute.

Additions are underlined (blue), deletions struck through (red), each followed by the proposer's name in
brackets in bold; the negotiation label stands before each paragraph. Plain formatting rather than Word's
tracked changes, because a compilation holds alternatives: two delegations proposing different words for the
same words cannot both be tracked changes (accepting all would keep both), the proposer of a tracked change
shows only in a balloon or on hover, not on paper or in Simple Markup, and a delegate who edits the
compilation with Track Changes on would mix their own changes with the proposals. Informal revisions (Rev.N
against Rev.N-1), which have one author, are written with real tracked changes (`rounds.revision_docx`).

A table is a Word table after its label, indented as the text is, its cells marked as paragraphs are, its header
rows repeated on each page.
"""

from __future__ import annotations

import io
from pathlib import Path
from xml.sax.saxutils import escape

import docx
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Cm, Pt

from app.atomic import write_atomic
from app.io.docx_writer import print_as_issued
from app.io.safe_xml import xml_text
from app.negotiation.compilation import BRACKET, DELETE, INSERT, TAG, Compilation, Entry, Piece, TableRow
from app.negotiation.printed import printed, version_name
from app.render import render

INSERT_COLOUR = "1F3FBF"
DELETE_COLOUR = "B01C1C"


_TWIPS_PER_CM = 567
_LABEL_CM = 2.4  # the label column
_LEVEL_CM = 0.8  # indent per subparagraph level
_TWIPS_PER_CHAR = 120  # a character of an 11-point roman face, about
_CELL_MARGINS = 230  # a cell's left and right margins in Word's default table style


def _run(
    text: str,
    *,
    bold: bool = False,
    italic: bool = False,
    op: str = "",
    sup: bool = False,
    highlight: str = "",
) -> str:
    rpr = ("<w:b/>" if bold else "") + ("<w:i/>" if italic else "")
    if op == DELETE:
        rpr += f'<w:strike/><w:color w:val="{DELETE_COLOUR}"/>'
    elif op == INSERT:
        rpr += f'<w:color w:val="{INSERT_COLOUR}"/>'
    rpr += f'<w:highlight w:val="{highlight}"/>' if highlight else ""
    rpr += '<w:u w:val="single"/>' if op == INSERT else ""
    rpr += '<w:vertAlign w:val="superscript"/>' if sup else ""
    props = f"<w:rPr>{rpr}</w:rPr>" if rpr else ""
    lines = xml_text(text.replace("\r\n", "\n")).split("\n")
    body = "<w:br/>".join(f'<w:t xml:space="preserve">{escape(line)}</w:t>' for line in lines)
    return f"<w:r>{props}{body}</w:r>"


def _paragraph(runs: str, *, level: int = -1, after: int = 120) -> str:
    """A paragraph; with `level` >= 0, a label column and the text indented for its level."""
    ppr = f'<w:spacing w:after="{after}"/>'
    if level >= 0:
        left = round((_LABEL_CM + _LEVEL_CM * level) * _TWIPS_PER_CM)
        hanging = round(_LABEL_CM * _TWIPS_PER_CM)
        ppr = f'<w:tabs><w:tab w:val="left" w:pos="{left}"/></w:tabs>{ppr}<w:ind w:left="{left}" w:hanging="{hanging}"/>'
    return f"<w:p><w:pPr>{ppr}</w:pPr>{runs}</w:p>"


def _pieces(pieces: list[Piece]) -> str:
    return "".join(
        _run(
            p.text,
            bold=p.op in (TAG, BRACKET),
            italic=p.italic,
            op=p.op,
            sup=p.note,
            highlight="yellow" if p.op == BRACKET else "",
        )
        for p in pieces
    )


def _widths(rows: list[TableRow], total: int) -> list[int]:
    """Column widths in twips sharing `total` by the longest word run each column holds (a column of figures
    narrow, of criteria wide), none narrower than its longest word nor than a sixth of an even share."""
    columns = max((len(r.cells) for r in rows), default=1)
    longest = [1] * columns
    word = [1] * columns
    for row in rows:
        for k, cell in enumerate(row.cells):
            text = "".join(p.text for p in cell)
            longest[k] = max(longest[k], min(60, len(text)))
            word[k] = max(word[k], *(len(w) for w in text.split()), 1)
    floor = sum(longest) / columns / 6
    weights = [max(w, floor) for w in longest]
    least = [n * _TWIPS_PER_CHAR + _CELL_MARGINS for n in word]  # the longest word on one line
    spare = max(total - sum(least), 0)
    whole = sum(weights)  # once: summed for each column, a row of 100,000 cells took an hour
    return [least[k] + round(spare * w / whole) for k, w in enumerate(weights)]


def _table(rows: list[TableRow], level: int, text_width: int) -> str:
    """The rows as a Word table with thin borders, set in from the margin as the entry's text is."""
    indent = round((_LABEL_CM + _LEVEL_CM * level) * _TWIPS_PER_CM)
    widths = _widths(rows, max(text_width - indent, 2000))
    borders = "".join(
        f'<w:{side} w:val="single" w:sz="4" w:space="0" w:color="808080"/>'
        for side in ("top", "left", "bottom", "right", "insideH", "insideV")
    )
    out = [
        f'<w:tbl><w:tblPr><w:tblW w:w="{sum(widths)}" w:type="dxa"/><w:tblInd w:w="{indent}" w:type="dxa"/>'
        f'<w:tblBorders>{borders}</w:tblBorders><w:tblLayout w:type="fixed"/><w:tblLook w:val="0000"/>'
        "</w:tblPr><w:tblGrid>" + "".join(f'<w:gridCol w:w="{w}"/>' for w in widths) + "</w:tblGrid>"
    ]
    for row in rows:
        props = f"<w:trPr><w:cantSplit/>{'<w:tblHeader/>' if row.header else ''}</w:trPr>"
        cells = "".join(
            f'<w:tc><w:tcPr><w:tcW w:w="{widths[k]}" w:type="dxa"/></w:tcPr>'
            f'<w:p><w:pPr><w:spacing w:after="0"/></w:pPr>{_pieces(cell)}</w:p></w:tc>'
            for k, cell in enumerate(row.cells[: len(widths)] or [[]])
        )
        out.append(f"<w:tr>{props}{cells}</w:tr>")
    return "".join(out) + "</w:tbl>" + _paragraph("", after=0)


def _entry(entry: Entry, text_width: int) -> str:
    if entry.rows is not None:  # the label (and status) over the table, then any text the table holds
        head = _run(entry.label, bold=True) + (
            _run(f" [{entry.status}]", bold=True, highlight="green") if entry.status else ""
        )
        rest = _paragraph("<w:r><w:tab/></w:r>" + _pieces(entry.pieces), level=entry.level)
        text = "".join(p.text for p in entry.pieces).strip()
        return (
            _paragraph(head, level=entry.level)
            + _table(entry.rows, entry.level, text_width)
            + (rest if text else "")
        )
    if entry.kind == "title":  # a place name too long for the label column: it leads the title
        pieces = "".join(_run(p.text, bold=True, italic=p.italic, op=p.op, sup=p.note) for p in entry.pieces)
        return _paragraph(_run(f"{entry.label}: ") + pieces)
    runs = [_run(entry.label + ("." if entry.kind == "footnote" else ""), bold=True), "<w:r><w:tab/></w:r>"]
    runs.append(_pieces(entry.pieces))
    if entry.status:
        runs.append(_run(f" [{entry.status}]", bold=True, highlight="green"))
    return _paragraph("".join(runs), level=entry.level)


def build_compilation_document(comp: Compilation) -> docx.document.Document:
    """The compilation under the masthead, running heads and footers of the draft it compiles on, as the
    draft's own export prints them (`app.io.docx_writer.print_as_issued`)."""
    document = docx.Document()
    if comp.base is not None:
        print_as_issued(document, render(comp.base))
    else:
        normal = document.styles["Normal"]
        normal.font.name = "Times New Roman"
        normal.font.size = Pt(11)
        section = document.sections[0]
        section.left_margin = section.right_margin = Cm(2.2)
    section = document.sections[0]
    text_width = (section.page_width - section.left_margin - section.right_margin) // 635  # EMU to twips
    language = comp.base.header.language if comp.base is not None else ""
    words = printed(language)  # the compilation's own words in the draft's language
    head = _run(words["heading"], bold=True)
    if comp.base_version:
        head += _run(words["on"].format(version=version_name(comp.base_version, language)))
    out = [_paragraph(head)]
    if comp.proposers:
        out.append(_paragraph(_run(words["proposals_by"] + ", ".join(comp.proposers))))
    out.append(_paragraph(_run(words["legend"], italic=True), after=240))
    notes_started = False
    for entry in comp.entries:
        if entry.kind == "footnote" and not notes_started:
            out.append(_paragraph(_run(words["footnotes"], bold=True)))
            notes_started = True
        out.append(_entry(entry, text_width))
    body = document.element.body
    anchor = body.find(qn("w:sectPr"))
    for el in list(parse_xml(f"<w:body {nsdecls('w')}>{''.join(out)}</w:body>")):
        _move_before(anchor, el)
    return document


def _move_before(anchor, el) -> None:  # noqa: ANN001
    """`el` (from another XML document) moved in before `anchor`; a table row by row: lxml moves a large
    subtree between documents in time that grows faster than its size (a table of 2,000 rows: 2 s whole,
    25 ms row by row)."""
    if el.tag != qn("w:tbl"):
        anchor.addprevious(el)
        return
    rows = list(el)
    for row in rows:
        el.remove(row)
    anchor.addprevious(el)
    for row in rows:
        el.append(row)


def build_compilation_docx(comp: Compilation) -> bytes:
    stream = io.BytesIO()
    build_compilation_document(comp).save(stream)
    return stream.getvalue()


def write_compilation_docx(comp: Compilation, path: Path | str) -> None:
    write_atomic(Path(path), build_compilation_docx(comp))
