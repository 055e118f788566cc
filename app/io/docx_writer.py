"""The .docx export: the resolution as the issued L document prints, with real Word footnotes.

Everything printed comes from `app.render.render` (numbers, labels, terminal punctuation, footnote order);
every measure comes from the layout file for the template's paper (resources/layout/*.toml). The page-1
masthead is a borderless table in the first-page header, as in the UN's own template: Word and LibreOffice
both start the body below a header taller than the top margin, so later pages keep the plain top margin.
Paragraphs are written as WordprocessingML in one parse for speed; python-docx supplies the package, the
sections, the headers and footers, and (through app.io.docx_parts) the footnotes part.
"""

from __future__ import annotations

import copy
import datetime as dt
import io
import re
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

import docx
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml.ns import nsdecls, qn
from docx.oxml.parser import parse_xml
from docx.shared import Pt

from app import inline
from app.atomic import write_atomic
from app.io import docx_parts
from app.io.docx_layout import Layout, Style, layout_for_paper, note_style
from app.io.docx_tables import TableWriter
from app.io.safe_xml import xml_text
from app.languages import get_language
from app.model import Resolution
from app.render import Block, Rendered, render

# Style ids written to styles.xml: layout key -> (style id, display name). Readers may rely on these.
STYLE_IDS: dict[str, tuple[str, str]] = {
    "body": ("UNBody", "UN Body"),
    "preambular": ("UNPreambular", "UN Preambular"),
    "operative": ("UNOperative", "UN Operative"),
    "tail": ("UNTail", "UN Paragraph Tail"),
    "subparagraph1": ("UNSubparagraph1", "UN Subparagraph 1"),
    "subparagraph2": ("UNSubparagraph2", "UN Subparagraph 2"),
    "subparagraph3": ("UNSubparagraph3", "UN Subparagraph 3"),
    "subparagraph4": ("UNSubparagraph4", "UN Subparagraph 4"),
    "organ_line": ("UNOrganLine", "UN Organ Line"),
    "agenda_session": ("UNAgendaSession", "UN Agenda Session"),
    "agenda_committee": ("UNAgendaCommittee", "UN Agenda Committee"),
    "agenda_item": ("UNAgendaItem", "UN Agenda Item"),
    "agenda_item_title": ("UNAgendaItemTitle", "UN Agenda Item Title"),
    "sponsor_line": ("UNSponsorLine", "UN Sponsor Line"),
    "sponsor_heading": ("UNSponsorHeading", "UN Sponsor Heading"),
    "title": ("UNTitle", "UN Title"),
    "section_heading": ("UNSectionHeading", "UN Section Heading"),
    "annex_heading": ("UNAnnexHeading", "UN Annex Heading"),
    "annex_title": ("UNAnnexTitle", "UN Annex Title"),
    "annex": ("UNAnnex", "UN Annex"),
    "annex_paragraph": ("UNAnnexParagraph", "UN Annex Paragraph"),
    "part_heading": ("UNPartHeading", "UN Part Heading"),
    "part_title": ("UNPartTitle", "UN Part Title"),
    "unplaced": ("UNUnplaced", "UN Unplaced"),
    "end_rule": ("UNEndRule", "UN End Rule"),
    "header": ("UNHeader", "UN Header"),
    "footer": ("UNFooter", "UN Footer"),
    "first_footer": ("UNFirstFooter", "UN First Page Footer"),
    "footnote_text": ("FootnoteText", "footnote text"),
    "footnote_separator": ("UNFootnoteSeparator", "UN Footnote Separator"),
}
REFERENCE_STYLE = "FootnoteReference"
AGENDA_STYLE = {
    "session": "agenda_session",
    "committee": "agenda_committee",
    "item": "agenda_item",
    "item_title": "agenda_item_title",
}
SPONSOR_STAR = re.compile(r"\*(?=:)|(?<=:)\*(?= )")
_JC = {"left": "left", "right": "right", "center": "center", "justify": "both"}
NS = nsdecls("w", "r")


def _tw(points: float) -> int:
    """Points to twentieths of a point."""
    return int(round(points * 20))


def _hp(points: float) -> int:
    """Points to half-points (font sizes)."""
    return int(round(points * 2))


def _eighths(points: float) -> int:
    """Points to eighths of a point (border widths); at least 2, Word's thinnest rule."""
    return max(2, int(round(points * 8)))


# -- runs ---------------------------------------------------------------------------------------------------


def _rpr(*, style: str = "", bold: bool | None = None, italic: bool | None = None, size: float = 0) -> str:
    parts = []
    if style:
        parts.append(f'<w:rStyle w:val="{style}"/>')
    if bold is not None:
        parts.append("<w:b/><w:bCs/>" if bold else '<w:b w:val="0"/><w:bCs w:val="0"/>')
    if italic:
        parts.append("<w:i/><w:iCs/>")
    if size:
        parts.append(f'<w:sz w:val="{_hp(size)}"/><w:szCs w:val="{_hp(size)}"/>')
    return f"<w:rPr>{''.join(parts)}</w:rPr>" if parts else ""


def run_xml(text: str, **fmt: object) -> str:
    """A run of text; tabs become <w:tab/>, other control characters are dropped."""
    if not text:
        return ""
    text = xml_text(text.replace("\r\n", " ").replace("\n", " "))
    pieces = []
    for i, chunk in enumerate(text.split("\t")):
        if i:
            pieces.append("<w:tab/>")
        if chunk:
            pieces.append(f'<w:t xml:space="preserve">{escape(chunk)}</w:t>')
    return f"<w:r>{_rpr(**fmt)}{''.join(pieces)}</w:r>"  # type: ignore[arg-type]


def _mark_text(mark: str) -> str:
    """The text of a footnote's own symbol ("**"), printed after its reference and before its note."""
    return f'<w:t xml:space="preserve">{escape(xml_text(mark))}</w:t>'


def _field(instruction: str, shown: str, **fmt: object) -> str:
    rpr = _rpr(**fmt)  # type: ignore[arg-type]
    return (
        f'<w:r>{rpr}<w:fldChar w:fldCharType="begin"/></w:r>'
        f'<w:r>{rpr}<w:instrText xml:space="preserve"> {instruction} </w:instrText></w:r>'
        f'<w:r>{rpr}<w:fldChar w:fldCharType="separate"/></w:r>'
        f"<w:r>{rpr}<w:t>{shown}</w:t></w:r>"
        f'<w:r>{rpr}<w:fldChar w:fldCharType="end"/></w:r>'
    )


def paragraph_xml(style_key: str, runs: str, *, jc: str = "", before: float = 0.0) -> str:
    style_id = STYLE_IDS[style_key][0]
    extra = f'<w:spacing w:before="{_tw(before)}"/>' if before else ""
    extra += f'<w:jc w:val="{jc}"/>' if jc else ""
    return f'<w:p><w:pPr><w:pStyle w:val="{style_id}"/>{extra}</w:pPr>{runs}</w:p>'


# -- styles -------------------------------------------------------------------------------------------------


def _ppr(style: Style) -> str:
    borders = ""
    for side, width in (("top", style.border_top), ("bottom", style.border_bottom)):
        if width:
            borders += (
                f'<w:{side} w:val="single" w:sz="{_eighths(width)}" w:space="{int(round(style.border_space))}" '
                f'w:color="000000"/>'
            )
    stops = [(pos, "left") for pos in style.tabs] + ([(style.right_tab, "right")] if style.right_tab else [])
    tabs = "".join(f'<w:tab w:val="{kind}" w:pos="{_tw(pos)}"/>' for pos, kind in sorted(stops))
    ind = f'w:left="{_tw(style.left)}" w:right="{_tw(style.right)}"'
    if style.first_line > 0:
        ind += f' w:firstLine="{_tw(style.first_line)}"'
    elif style.first_line < 0:
        ind += f' w:hanging="{_tw(-style.first_line)}"'
    return (
        "<w:pPr>"
        + ("<w:widowControl/>" if style.widow_control else '<w:widowControl w:val="0"/>')
        + (f"<w:pBdr>{borders}</w:pBdr>" if borders else "")
        + (f"<w:tabs>{tabs}</w:tabs>" if tabs else "")
        + f'<w:spacing w:before="{_tw(style.before)}" w:after="{_tw(style.after)}" '
        f'w:line="{_tw(style.line)}" w:lineRule="exact"/>'
        f"<w:ind {ind}/>"
        f'<w:jc w:val="{_JC[style.align]}"/>'
        "</w:pPr>"
    )


def _style_xml(key: str, style: Style) -> str:
    style_id, name = STYLE_IDS[key]
    rpr = _rpr(bold=style.bold or None, italic=style.italic, size=style.size)
    width = (f'<w:spacing w:val="{_tw(style.tracking)}"/>' if style.tracking else "") + (
        f'<w:w w:val="{int(round(style.scale))}"/>' if style.scale != 100 else ""
    )
    if width:  # w:spacing and w:w come before w:sz in a run's properties (the schema's order)
        rpr = rpr.replace("<w:sz ", width + "<w:sz ", 1) if "<w:sz " in rpr else f"<w:rPr>{width}</w:rPr>"
    return (
        f'<w:style {NS} w:type="paragraph" w:customStyle="{0 if style_id == "FootnoteText" else 1}" '
        f'w:styleId="{style_id}"><w:name w:val="{name}"/><w:basedOn w:val="Normal"/>'
        f'<w:uiPriority w:val="{99 if key.startswith(("footnote", "header", "footer", "first")) else 10}"/>'
        f"<w:qFormat/>{_ppr(style)}{rpr}</w:style>"
    )


def _install_styles(document: docx.document.Document, layout: Layout, language: str = "") -> None:
    styles = document.styles.element
    font = escape(layout.font)
    for defaults in styles.xpath("./w:docDefaults/w:rPrDefault/w:rPr"):
        for old in defaults.xpath("./w:rFonts | ./w:sz | ./w:szCs"):
            defaults.remove(old)
        defaults.insert(
            0,
            parse_xml(
                f'<w:rFonts {NS} w:ascii="{font}" w:hAnsi="{font}" w:eastAsia="{font}" w:cs="{font}"/>'
            ),
        )
        defaults.insert(1, parse_xml(f'<w:sz {NS} w:val="{_hp(layout.font_size)}"/>'))
        defaults.insert(2, parse_xml(f'<w:szCs {NS} w:val="{_hp(layout.font_size)}"/>'))
        if language:  # a French or Spanish draft is proofed in its language (Word's default is English)
            for old in defaults.xpath("./w:lang"):
                defaults.remove(old)
            defaults.append(parse_xml(f'<w:lang {NS} w:val="{escape(language)}"/>'))
    for spacing in styles.xpath("./w:docDefaults/w:pPrDefault/w:pPr/w:spacing"):
        spacing.set(qn("w:after"), "0")
        spacing.set(qn("w:line"), "240")
    for key, style in layout.styles.items():
        if key in STYLE_IDS:
            styles.append(parse_xml(_style_xml(key, style)))
    styles.append(
        parse_xml(
            f'<w:style {NS} w:type="character" w:styleId="{REFERENCE_STYLE}"><w:name w:val="footnote reference"/>'
            '<w:basedOn w:val="DefaultParagraphFont"/><w:uiPriority w:val="99"/>'
            '<w:rPr><w:vertAlign w:val="superscript"/></w:rPr></w:style>'
        )
    )


# -- the document -------------------------------------------------------------------------------------------


class _Footnoter:
    """Gives each printed footnote its Word id; the page-1 '*' note takes the first one.

    Word gives a footnote one reference. A second reference to the same note is Word's own cross-reference,
    a NOTEREF field (\\f: formatted as a footnote mark) to a bookmark around the first reference, with the
    number as its current result.
    """

    def __init__(self, rendered: Rendered):
        self.offset = 1 if rendered.sponsor_note else 0
        self.used: set[str] = set()
        self.numbers = rendered.footnote_numbers
        self.marks = rendered.footnote_marks
        self.bookmarks = 0

    @staticmethod
    def bookmark(number: int) -> str:
        return f"_RefFootnote{number}"

    def reference(self, footnote_id: str) -> str:
        number = self.numbers.get(footnote_id)
        if number is None:
            return ""  # a reference to a footnote that does not exist prints nothing
        style = f'<w:rPr><w:rStyle w:val="{REFERENCE_STYLE}"/></w:rPr>'
        mark = self.marks[footnote_id]
        if footnote_id in self.used:
            return _field(f"NOTEREF {self.bookmark(number)} \\f \\h", mark, style=REFERENCE_STYLE)
        self.used.add(footnote_id)
        self.bookmarks += 1
        # a note with its own symbol: Word prints the text after a reference that says a custom mark follows
        custom = "" if mark.isdigit() else ' w:customMarkFollows="1"'
        return (
            f'<w:bookmarkStart w:id="{self.bookmarks}" w:name="{self.bookmark(number)}"/>'
            f'<w:r>{style}<w:footnoteReference{custom} w:id="{number + self.offset}"/>'
            f"{_mark_text(mark) if custom else ''}</w:r>"
            f'<w:bookmarkEnd w:id="{self.bookmarks}"/>'
        )


def _spans(spans: Iterable[inline.Span], notes: _Footnoter, lead: str = "") -> str:
    out = []
    for i, span in enumerate(spans):
        if span.footnote:
            out.append(notes.reference(span.footnote))
        else:
            out.append(run_xml((lead if i == 0 else "") + span.text, italic=span.italic or None))
    if lead and (not out or list(spans)[0].footnote):
        out.insert(0, run_xml(lead))
    return "".join(out)


def _block_runs(block: Block, notes: _Footnoter) -> str:
    """Label and tab, italic opener, the text, the terminal punctuation, then any footnote references that
    end the paragraph (render puts them after the punctuation)."""
    spans = list(block.body_spans)
    runs = run_xml(block.label + "\t") if block.label else ""
    lead = ""
    if block.opener:
        runs += run_xml(block.opener, italic=True)
        first = next((s.text for s in spans if not s.footnote), "")
        starts_with_ref = bool(spans) and spans[0].footnote
        lead = "" if not spans or starts_with_ref or first[:1] in ",;:." else " "
    runs += _spans(spans, notes, lead)
    runs += run_xml(block.end)
    runs += "".join(notes.reference(note_id) for note_id in block.notes_after)
    return runs


_ROLE_STYLES = {
    "heading": "section_heading",
    "part_heading": "part_heading",
    "part_title": "part_title",
    "organ_line": "organ_line",
    "annex_heading": "annex_heading",
    "annex_title": "annex_title",
    "table_note": "footnote_text",  # "a Member States in level H* …" under a table, as issued notes are set
}


def block_style(block: Block) -> str:
    if block.role in _ROLE_STYLES:
        return _ROLE_STYLES[block.role]
    if block.role == "annex_paragraph" and not block.is_tail:
        return "annex_paragraph" if block.label else "annex"
    if block.role == "instruction":  # an amendment's sentence, numbered like an operative paragraph
        return "operative" if block.label else "preambular"
    if block.role in ("subparagraph", "quoted") and block.level:
        return f"subparagraph{min(block.level, 4)}"  # deeper levels share the fourth
    if block.role == "unplaced":
        return "unplaced"
    if block.is_tail:
        return "tail"
    return "operative" if block.role == "operative" else "preambular"


def _sponsor_runs(rendered: Rendered, star_id: int | None) -> str:
    line = rendered.sponsor_line
    star = SPONSOR_STAR.search(line) if star_id is not None else None  # "Iraq*: draft", "Iraq:* draft"
    if star is None:
        return run_xml(line)
    cut = star.start()
    style = f'<w:rPr><w:rStyle w:val="{REFERENCE_STYLE}"/></w:rPr>'
    mark = f'<w:r>{style}<w:footnoteReference w:customMarkFollows="1" w:id="{star_id}"/><w:t>*</w:t></w:r>'
    return run_xml(line[:cut]) + mark + run_xml(line[cut + 1 :])


def _body_xml(
    rendered: Rendered, notes: _Footnoter, organ_gap: float = 0.0, frame: tuple[float, float] = (0.0, 450.0)
) -> str:
    """The body paragraphs; `organ_gap` is the space an organ line stands below the title with, kept before
    an amendment's first instruction (it has no organ line), as issued. `frame`: the body column's indent and
    width in points, where a table stands."""
    tables = TableWriter(lambda spans: _spans(spans, notes), _tw(frame[0]), _tw(frame[1]))
    out = [
        paragraph_xml(AGENDA_STYLE.get(line.style, "agenda_item"), run_xml(line.text))
        for line in rendered.agenda
    ]
    if rendered.sponsor_line:
        runs = _sponsor_runs(rendered, 1 if rendered.sponsor_note else None)
        # as issued, the line opens with a tab from its hanging first line to the body column
        style = "sponsor_line" if rendered.agenda or rendered.title else "sponsor_heading"  # SC: the heading
        out.append(paragraph_xml(style, run_xml("\t") + runs))
    if rendered.title:
        out.append(paragraph_xml("title", run_xml("\t") + _spans(rendered.title_spans, notes)))
    blocks = rendered.blocks
    if rendered.runs_on:  # a decision in one sentence: the organ line in roman runs into it, as issued
        out.append(
            paragraph_xml("preambular", run_xml(rendered.organ_line + ", ") + _block_runs(blocks[0], notes))
        )
        blocks = []
    elif rendered.organ_line:
        comma = run_xml(",") if rendered.organ_comma else ""
        out.append(paragraph_xml("organ_line", run_xml(rendered.organ_line, italic=True) + comma))
    gap = organ_gap if blocks and blocks[0].role == "instruction" else 0.0
    for block in blocks:
        if block.role == "annex_paragraph" and not (block.label or block.opener or block.spans):
            continue  # an unnumbered annex paragraph that only holds a heading over its list prints no line
        if block.role == "table":
            if out and out[-1].startswith("<w:tbl>"):
                out.append(paragraph_xml("body", ""))  # Word joins two tables that touch into one
            out.append(tables.xml(block))
            continue
        out.append(paragraph_xml(block_style(block), _block_runs(block, notes), before=gap))
        gap = 0.0
    if rendered.blocks and out[-1].startswith("<w:p>"):  # the closing rule never stands alone on a page: the
        # last paragraph goes with it
        out[-1] = re.sub(r"(<w:pStyle [^>]*/>)", r"\1<w:keepNext/>", out[-1], count=1)
    out.append(paragraph_xml("end_rule", ""))
    return "".join(out)


def footnote_xml(number: str, runs: str, hanging: Style | None = None) -> str:
    """A note's paragraph: its number, a tab, the text; `hanging`: the note's own indents where its number is
    longer than a digit (`docx_layout.note_style`)."""
    ind = ""
    if hanging is not None:
        ind = (
            f'<w:ind w:left="{_tw(hanging.left)}" w:right="{_tw(hanging.right)}" '
            f'w:hanging="{_tw(-hanging.first_line)}"/>'
        )
    return (
        f'<w:p><w:pPr><w:pStyle w:val="{STYLE_IDS["footnote_text"][0]}"/>{ind}</w:pPr>'
        f'<w:r><w:rPr><w:rStyle w:val="{REFERENCE_STYLE}"/></w:rPr>{number}</w:r><w:r><w:tab/></w:r>{runs}</w:p>'
    )


def footnote_separator_xml(layout: Layout) -> str:
    """The separator footnote's paragraph: the layout's rule text (the issued drafts' 18 bold underscores,
    which Word prints as they are) after a hidden separator mark. The mark is there for LibreOffice, which
    ignores a separator's content and draws its own rule (a quarter of the text width from the margin) only
    when it finds a w:separator; hidden, Word does not print it over the underscores (docs/layout-notes.md)."""
    mark = "<w:r><w:rPr><w:vanish/></w:rPr><w:separator/></w:r>"
    return paragraph_xml("footnote_separator", mark + run_xml(layout.styles["footnote_separator"].rule_text))


def _write_footnotes(
    document: docx.document.Document, rendered: Rendered, notes: _Footnoter, layout: Layout
) -> None:
    if not rendered.footnotes and not rendered.sponsor_note:
        return
    part = docx_parts.footnotes_part(document)
    assert part is not None
    root = part.element
    separator = part.footnotes.special(-1)
    separator.clear()
    separator._element.append(parse_one(footnote_separator_xml(layout)))
    if rendered.sponsor_note:
        note = root.add_footnote(1)
        _place(parse_one(footnote_xml("<w:t>*</w:t>", run_xml(rendered.sponsor_note))), note.append)
    for number, note_id, markup in rendered.footnotes:
        note = root.add_footnote(number + notes.offset)
        spans = [s for s in inline.parse(markup) if not s.footnote]
        runs = "".join(run_xml(s.text, italic=s.italic or None) for s in spans)
        mark = rendered.footnote_marks[note_id]
        ref = "<w:footnoteRef/>" if mark.isdigit() else _mark_text(mark)
        style = layout.styles["footnote_text"]
        own = note_style(style, mark)
        _place(parse_one(footnote_xml(ref, runs, own if own is not style else None)), note.append)


def _masthead_xml(rendered: Rendered, layout: Layout) -> str:
    m = layout.masthead
    c1, c2, c3 = (_tw(w) for w in m.columns)
    thin, thick = _eighths(m.thin_rule), _eighths(m.thick_rule)

    def cell(width: int, rule: int, paragraphs: str) -> str:
        return (
            f'<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/><w:tcBorders>'
            f'<w:bottom w:val="single" w:sz="{rule}" w:space="0" w:color="000000"/></w:tcBorders></w:tcPr>'
            f"{paragraphs or '<w:p/>'}</w:tc>"
        )

    def line(
        text: str,
        spec_size: float,
        line: float,
        before: float,
        *,
        jc: str = "left",
        bold: bool = False,
        runs: str = "",
    ) -> str:
        body = runs or run_xml(text, size=spec_size, bold=bold or None)
        return (
            f'<w:p><w:pPr><w:spacing w:before="{_tw(before)}" w:after="0" w:line="{_tw(line)}" w:lineRule="exact"/>'
            f'<w:ind w:left="0" w:right="0" w:firstLine="0"/><w:jc w:val="{jc}"/></w:pPr>{body}</w:p>'
        )

    un, sym, organ, dist = m.united_nations, m.symbol, m.organ, m.distribution
    symbol = rendered.symbol
    symbol_runs = (
        run_xml(symbol[:1], size=sym.letter_size) + run_xml(symbol[1:], size=sym.size) if symbol else ""
    )
    block_lines = [rendered.distribution, rendered.date, rendered.version, rendered.original]
    if not any(block_lines):
        block_lines = []
    distribution = "".join(
        line(text, dist.size, dist.line, dist.before if i == 0 else 0) for i, text in enumerate(block_lines)
    )
    row1 = (
        f'<w:tr><w:trPr><w:trHeight w:val="{_tw(m.row1)}" w:hRule="exact"/></w:trPr>'
        + cell(c1, thin, "")
        + cell(c2, thin, line(rendered.united_nations, un.size, un.line, un.before))
        + cell(
            c3, thin, line("", sym.size, sym.line, sym.before, jc="right", runs=symbol_runs) if symbol else ""
        )
        + "</w:tr>"
    )
    row2 = (
        f'<w:tr><w:trPr><w:trHeight w:val="{_tw(m.row2)}" w:hRule="exact"/></w:trPr>'
        + cell(c1, thick, "")  # the emblem's place: left empty (the emblem's use is restricted)
        + cell(c2, thick, line(rendered.organ, organ.size, organ.line, organ.before, bold=organ.bold))
        + cell(c3, thick, distribution)
        + "</w:tr>"
    )
    zero = "".join(f'<w:{side} w:w="0" w:type="dxa"/>' for side in ("top", "left", "bottom", "right"))
    table = (
        f'<w:tbl><w:tblPr><w:tblW w:w="{c1 + c2 + c3}" w:type="dxa"/><w:tblInd w:w="0" w:type="dxa"/>'
        f'<w:tblLayout w:type="fixed"/><w:tblCellMar>{zero}</w:tblCellMar><w:tblLook w:val="0000"/></w:tblPr>'
        f'<w:tblGrid><w:gridCol w:w="{c1}"/><w:gridCol w:w="{c2}"/><w:gridCol w:w="{c3}"/></w:tblGrid>'
        f"{row1}{row2}</w:tbl>"
    )
    tiny = m.after_table
    after = (
        f'<w:p><w:pPr><w:spacing w:before="0" w:after="0" w:line="{_tw(tiny)}" w:lineRule="exact"/>'
        f'<w:rPr><w:sz w:val="{max(2, _hp(tiny))}"/></w:rPr></w:pPr></w:p>'
    )
    return table + after


def parse_many(xml: str) -> list:
    """The elements of an XML fragment, each copied out of its wrapper so that it declares its namespaces
    itself: lxml moves an element whose namespaces are declared on an ancestor into another document at a
    cost that grows with the square of the element's size (a paragraph of 20,000 runs took 10 s)."""
    return [copy.deepcopy(el) for el in parse_xml(f"<w:hdr {NS}>{xml}</w:hdr>")]


def parse_one(xml: str):
    return parse_many(xml)[0]


def _place(element: Any, put: Callable[[Any], object]) -> None:
    """Insert a parsed element with `put`, then its children one by one: lxml moves one large subtree between
    documents in quadratic time (a 5 MB paragraph took minutes), many small ones in linear time."""
    children = list(element)
    for child in children:
        element.remove(child)
    put(element)
    element.extend(children)


def _fill(story: object, xml: str) -> None:
    """Replace the content of a header or footer with the given paragraphs and tables."""
    element = story._element  # type: ignore[attr-defined]
    for child in list(element):
        element.remove(child)
    for child in parse_many(xml):
        element.append(child)


def later_job(job: str) -> str:
    """'25-16697 (E)' on page 1 is '25-16697' on later pages."""
    return re.sub(r"(?<!\s)\s*\([A-Z]\)\s*$", "", job.strip())  # (?<!\s): a run of spaces is read once


def _headers_and_footers(document: docx.document.Document, rendered: Rendered, layout: Layout) -> None:
    section = document.sections[0]
    section.different_first_page_header_footer = True
    document.settings.odd_and_even_pages_header_footer = True
    symbol = rendered.symbol
    _fill(section.first_page_header, _masthead_xml(rendered, layout))
    _fill(section.even_page_header, paragraph_xml("header", run_xml(symbol)))
    _fill(section.header, paragraph_xml("header", run_xml(symbol), jc="right"))
    pages = _field("PAGE", "2") + run_xml("/") + _field("NUMPAGES", "2")
    job = later_job(rendered.job_number)
    job_run = run_xml(job, bold=False, size=layout.job_size)
    _fill(section.even_page_footer, paragraph_xml("footer", pages + (run_xml("\t") + job_run if job else "")))
    _fill(section.footer, paragraph_xml("footer", (job_run if job else "") + run_xml("\t") + pages))
    _fill(section.first_page_footer, paragraph_xml("first_footer", run_xml(rendered.job_number)))


def _page_setup(document: docx.document.Document, layout: Layout) -> None:
    page = layout.page
    section = document.sections[0]
    section.page_width, section.page_height = Pt(page.width), Pt(page.height)
    section.top_margin, section.bottom_margin = Pt(page.top), Pt(page.bottom)
    section.left_margin, section.right_margin = Pt(page.left), Pt(page.right)
    section.header_distance, section.footer_distance = Pt(page.header), Pt(page.footer)
    section.gutter = Pt(0)


def _settings(document: docx.document.Document) -> None:
    """`w:footnotePr` naming the separator footnotes, as Word writes it (before `w:compat`)."""
    settings = document.settings.element
    if settings.find(qn("w:footnotePr")) is not None:
        return
    note_pr = parse_xml(f'<w:footnotePr {NS}><w:footnote w:id="-1"/><w:footnote w:id="0"/></w:footnotePr>')
    compat = settings.find(qn("w:compat"))
    if compat is not None:
        compat.addprevious(note_pr)
    else:
        settings.append(note_pr)


def _properties(document: docx.document.Document, rendered: Rendered) -> None:
    props = document.core_properties
    now = dt.datetime.now(dt.timezone.utc).replace(microsecond=0, tzinfo=None)
    props.title = xml_text(rendered.title)[:255]  # python-docx refuses longer core properties
    props.subject = xml_text(rendered.symbol)[:255]
    props.author = ""
    props.last_modified_by = ""
    props.comments = ""
    props.keywords = ""
    props.category = ""
    props.revision = 1
    props.created = now
    props.modified = now


def _drop_thumbnail(document: docx.document.Document) -> None:
    """python-docx's default package carries a thumbnail of its own sample page: not ours to ship."""
    rels = document.part.package.rels
    for rid, rel in list(rels.items()):
        if rel.reltype == RT.THUMBNAIL:
            del rels[rid]  # the package is saved by walking relationships: the part goes with it


def print_as_issued(
    document: docx.document.Document, rendered: Rendered, *, paper: str | None = None
) -> Layout:
    """Give a new document the page, styles, masthead, running heads and footers of the L document that
    `rendered` prints as (used by every Word file made from a draft: the export, the compilation)."""
    layout = layout_for_paper(paper or rendered.template.paper)
    _page_setup(document, layout)
    _install_styles(document, layout, get_language(rendered.language).word_language)
    _headers_and_footers(document, rendered, layout)
    return layout


def body_frame(layout: Layout) -> tuple[float, float]:
    """The body column's indent and width in points: where a table stands."""
    body_style = layout.styles["body"]
    return body_style.left, layout.page.frame_width - body_style.left - body_style.right


def table_writer(layout: Layout, runs: Callable[[list[inline.Span]], str]) -> TableWriter:
    """The writer of the body's tables (the plain export's and the tracked comparison's)."""
    indent, width = body_frame(layout)
    return TableWriter(runs, _tw(indent), _tw(width))


def build_document(
    res: Resolution, *, paper: str | None = None, rendered: Rendered | None = None
) -> docx.document.Document:
    """The python-docx document for a resolution (not yet saved); `paper` overrides the template's;
    `rendered`: the resolution as already rendered (a compare has it)."""
    docx_parts.install()
    rendered = rendered or render(res)
    document = docx.Document()
    layout = print_as_issued(document, rendered, paper=paper)
    _settings(document)
    notes = _Footnoter(rendered)
    body = document.element.body
    sect_pr = body.find(qn("w:sectPr"))
    for child in list(body):
        if child is not sect_pr:
            body.remove(child)
    for p in parse_many(_body_xml(rendered, notes, layout.styles["organ_line"].before, body_frame(layout))):
        _place(p, sect_pr.addprevious)
    _write_footnotes(document, rendered, notes, layout)
    _properties(document, rendered)
    _drop_thumbnail(document)
    return document


def build_docx(res: Resolution, *, paper: str | None = None) -> bytes:
    """The .docx file for a resolution, as bytes."""
    stream = io.BytesIO()
    build_document(res, paper=paper).save(stream)
    return stream.getvalue()


def write_docx(res: Resolution, path: Path, *, paper: str | None = None) -> None:
    """Write the .docx atomically: the file is complete or the previous one is left as it was."""
    write_atomic(Path(path), build_docx(res, paper=paper))
