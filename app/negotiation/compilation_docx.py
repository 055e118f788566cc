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

import docx
from docx.enum.text import WD_COLOR_INDEX
from docx.shared import Cm, Pt, RGBColor

from app.atomic import write_atomic
from app.negotiation.compilation import DELETE, INSERT, TAG, Compilation

INSERT_COLOUR = RGBColor(0x1F, 0x3F, 0xBF)
DELETE_COLOUR = RGBColor(0xB0, 0x1C, 0x1C)
LEGEND = (
    "Additions are underlined, deletions struck through; the proposer follows each change in brackets. "
    "Several proposals on the same words follow one another, separated by “/”. New paragraphs are numbered "
    "bis, ter … after the paragraph they follow; numbers are final only in the L document."
)


def build_compilation_document(comp: Compilation) -> docx.document.Document:
    document = docx.Document()
    normal = document.styles["Normal"]
    normal.font.name = "Times New Roman"
    normal.font.size = Pt(11)
    section = document.sections[0]
    section.left_margin = section.right_margin = Cm(2.2)
    head = document.add_paragraph()
    head.add_run("Compilation of proposals").bold = True
    if comp.base_version:
        head.add_run(f" on the {comp.base_version}")
    if comp.title:
        document.add_paragraph().add_run(comp.title).bold = True
    if comp.proposers:
        document.add_paragraph("Proposals by: " + ", ".join(comp.proposers))
    legend = document.add_paragraph()
    legend.add_run(LEGEND).italic = True
    notes_started = False
    for entry in comp.entries:
        if entry.kind == "footnote" and not notes_started:
            document.add_paragraph().add_run("Footnotes").bold = True
            notes_started = True
        p = document.add_paragraph()
        fmt = p.paragraph_format
        fmt.left_indent = Cm(2.4 + 0.8 * entry.level)
        fmt.first_line_indent = Cm(-2.4)
        fmt.tab_stops.add_tab_stop(Cm(0.8 * entry.level + 2.4))
        fmt.space_after = Pt(6)
        label = p.add_run(entry.label + ("." if entry.kind == "footnote" else ""))
        label.bold = True
        p.add_run("\t")
        for piece in entry.pieces:
            run = p.add_run(piece.text)
            if piece.italic:
                run.italic = True
            if piece.note:
                run.font.superscript = True
            if piece.op == INSERT:
                run.underline = True
                run.font.color.rgb = INSERT_COLOUR
            elif piece.op == DELETE:
                run.font.strike = True
                run.font.color.rgb = DELETE_COLOUR
            elif piece.op == TAG:
                run.bold = True
        if entry.status:
            run = p.add_run(f" [{entry.status}]")
            run.bold = True
            run.font.highlight_color = WD_COLOR_INDEX.BRIGHT_GREEN
    return document


def build_compilation_docx(comp: Compilation) -> bytes:
    stream = io.BytesIO()
    build_compilation_document(comp).save(stream)
    return stream.getvalue()


def write_compilation_docx(comp: Compilation, path: Path | str) -> None:
    write_atomic(Path(path), build_compilation_docx(comp))
