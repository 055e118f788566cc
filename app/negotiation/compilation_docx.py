"""The compilation as a Word file a delegate reads without Resolute.

Additions are underlined (blue), deletions struck through (red), each followed by the proposer's name in
brackets in bold; the negotiation label stands before each paragraph. Plain formatting rather than Word's
tracked changes, because a compilation holds alternatives: two delegations proposing different words for the
same words cannot both be tracked changes (accepting all would keep both), the proposer of a tracked change
shows only in a balloon or on hover, not on paper or in Simple Markup, and a delegate who edits the
compilation with Track Changes on would mix their own changes with the proposals. Informal revisions (Rev.N
against Rev.N-1), which have one author, are written with real tracked changes (`rounds.revision_docx`).
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
from app.negotiation.compilation import BRACKET, DELETE, INSERT, TAG, Compilation, Entry
from app.negotiation.printed import printed, version_name
from app.render import render

INSERT_COLOUR = "1F3FBF"
DELETE_COLOUR = "B01C1C"


_TWIPS_PER_CM = 567
_LABEL_CM = 2.4  # the label column
_LEVEL_CM = 0.8  # indent per subparagraph level


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


def _entry(entry: Entry) -> str:
    if entry.kind == "title":  # a place name too long for the label column: it leads the title
        pieces = "".join(_run(p.text, bold=True, italic=p.italic, op=p.op, sup=p.note) for p in entry.pieces)
        return _paragraph(_run(f"{entry.label}: ") + pieces)
    runs = [_run(entry.label + ("." if entry.kind == "footnote" else ""), bold=True), "<w:r><w:tab/></w:r>"]
    for piece in entry.pieces:
        bold = piece.op in (TAG, BRACKET)
        highlight = "yellow" if piece.op == BRACKET else ""
        runs.append(
            _run(piece.text, bold=bold, italic=piece.italic, op=piece.op, sup=piece.note, highlight=highlight)
        )
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
        out.append(_entry(entry))
    body = document.element.body
    anchor = body.find(qn("w:sectPr"))
    for el in parse_xml(f"<w:body {nsdecls('w')}>{''.join(out)}</w:body>"):
        anchor.addprevious(el)
    return document


def build_compilation_docx(comp: Compilation) -> bytes:
    stream = io.BytesIO()
    build_compilation_document(comp).save(stream)
    return stream.getvalue()


def write_compilation_docx(comp: Compilation, path: Path | str) -> None:
    write_atomic(Path(path), build_compilation_docx(comp))
