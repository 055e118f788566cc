"""The Word reader's parts and annexes: where each part of a resolution in parts starts, and the annexes read
from each "Annex" line on with the readers' shared `AnnexBuilder`."""

from __future__ import annotations

import re

from app import cancelling
from app.findings import Finding
from app.io.docx_body import State, trailing
from app.io.docx_header import is_organ_line
from app.io.docx_lines import (
    SECTION_STYLE,
    SUB_STYLE,
    TAIL_STYLE,
    UNPLACED_STYLE,
    has_italic_opener,
    label_end,
    markup,
    note_text,
    strip_label,
)
from app.io.docx_lines import kind as _kind  # the old names: functions here have locals kind and spans
from app.io.docx_lines import spans as _spans
from app.io.docx_tables import read_table
from app.io.headings import ANNEX_LINE
from app.io.span_text import as_written_markup, split_opener, tidy
from app.io.structure import AnnexBuilder, annex_heading
from app.io.wordml import Line, Piece
from app.model import Annex, Paragraph

_PART_HEADING_STYLE = "UNPartHeading"
_ANNEX_HEADING_STYLE, _ANNEX_TITLE_STYLE = "UNAnnexHeading", "UNAnnexTitle"
_ANNEX_PARA_STYLES = ("UNAnnexParagraph", "UNAnnex")  # numbered, unnumbered


def part_starts(lines: list[Line]) -> list[tuple[int, int]]:
    """(letter line, organ line) of each part of a resolution in parts: a line reading "A", "B" ... in order
    (in Resolute's part heading style or plain) with an organ line at most three lines below it."""
    from app.render import part_letter

    shown = [i for i, line in enumerate(cancelling.each(lines)) if line.plain.strip() and not line.in_table]
    out: list[tuple[int, int]] = []
    for k, i in enumerate(shown):
        cancelling.check()
        if lines[i].plain.strip() != part_letter(len(out)):
            continue
        organ = next((j for j in shown[k + 1 : k + 4] if is_organ_line(lines[j].plain)), None)
        if organ is not None:
            out.append((i, organ))
    return out


def _is_annex_heading(line: Line) -> bool:
    if line.style == UNPLACED_STYLE:
        return False
    return line.style == _ANNEX_HEADING_STYLE or bool(ANNEX_LINE.match(line.plain.strip()))


class _AnnexReader:
    """The lines of one annex after its "Annex I" line: its title (the next line), section headings,
    paragraphs numbered "1." or unnumbered, subparagraphs "(a)"; punctuation kept as written."""

    def __init__(self, annex: Annex, typed: dict[str, str], findings: list[Finding]) -> None:
        self.builder = AnnexBuilder(annex)
        self.typed, self.findings = typed, findings
        self.expect_title = True

    def make(self, pieces: list[Piece]) -> Paragraph:
        spans = tidy(_spans(pieces, self.typed))
        if has_italic_opener(spans):
            opener, text = split_opener(spans)
            return Paragraph(opener=opener, text=text)
        return Paragraph(text=as_written_markup(spans))

    def line(self, line: Line) -> None:
        plain = line.plain.strip()
        if not plain and not any(p.note for p in line.pieces):
            return
        ours = line.style in (SECTION_STYLE, TAIL_STYLE, *_ANNEX_PARA_STYLES) or line.style.startswith(
            SUB_STYLE
        )
        if self.expect_title and (line.style == _ANNEX_TITLE_STYLE or not (ours or line.label)):
            self.builder.annex.title, self.expect_title = markup(line, self.typed), False
            return
        self.expect_title = False
        if line.in_table:  # kept as unplaced text, with a finding, by the caller
            raise _Unplaced
        kind, value, pieces = self._label(line, plain)
        if line.style == SECTION_STYLE or (not ours and not kind and self._plain_heading(line, plain)):
            self.builder.add_heading(markup(line, self.typed))
        elif line.style == TAIL_STYLE and self.builder.tail(
            as_written_markup(tidy(_spans(pieces, self.typed)))
        ):
            return
        elif kind in ("paren", "dot") or line.style.startswith(SUB_STYLE):
            level = re.fullmatch(r"UNSubparagraph(\d)", line.style)  # our export: the style says the level
            label = f"({value})" if kind == "paren" else f"{value}." if kind == "dot" else ""
            self.builder.subparagraph(
                self.make(pieces), label=label, depth=int(level.group(1)) if level else 0
            )
        else:
            numbered = kind == "num" or line.style == _ANNEX_PARA_STYLES[0]
            self.builder.paragraph(self.make(pieces), numbered=numbered)

    def _plain_heading(self, line: Line, plain: str) -> bool:
        """In a file without Resolute's styles, a heading line as `annex_heading` tells one; never one with a
        footnote (a short paragraph that cites a note)."""
        has_note = any(p.note for p in line.pieces)
        return not has_note and annex_heading(plain, after_heading=bool(self.builder.heading))

    def _label(self, line: Line, plain: str) -> tuple[str, str, list[Piece]]:
        kind, value = _kind(line.label) if line.label else ("", "")
        pieces = line.pieces
        if not line.label and line.style != TAIL_STYLE:
            kind, value = _kind(plain)
            if kind == "pp" or (kind == "dot" and len(self.builder.nodes) < 3):
                kind = value = ""
            if kind:
                pieces = strip_label(pieces, label_end(line.plain))
        return kind, value, pieces


class _Unplaced(Exception):
    """A line an annex cannot hold (a table cell): kept as unplaced text."""


def annexes(lines: list[Line], state: State, typed: dict[str, str], texts: dict[str, str]) -> None:
    """What follows the operative part: annexes from each "Annex"/"Annex II" line on; anything before the
    first one, and table cells, kept as unplaced text."""

    def untitled_title(line: Line, reader: _AnnexReader | None) -> bool:
        # our annex title style with no "Annex" line over it: a text adopted without a label (A/RES/79/1)
        return line.style == _ANNEX_TITLE_STYLE and (reader is None or not reader.expect_title)

    start = next(
        (i for i, line in enumerate(lines) if _is_annex_heading(line) or untitled_title(line, None)),
        len(lines),
    )
    before, reader = lines[:start], None
    unplaced: list[Line] = []
    after_table = 0  # the lines of a table just placed
    for i, line in enumerate(lines):
        cancelling.check()
        if i < max(start, after_table):
            continue
        if line.in_table and reader is not None:
            table, after_table = read_table(
                lines, i, lambda cell: markup(cell, typed), state.findings, state.bold
            )
            reader.expect_title = False
            reader.builder.paragraph(table, numbered=False)
            continue
        if _is_annex_heading(line) or untitled_title(line, reader):
            annex = Annex(labelled=_is_annex_heading(line))
            state.res.annexes.append(annex)
            if reader is not None:
                reader.builder.finish()
            reader = _AnnexReader(annex, typed, state.findings)
            if annex.labelled:
                continue
        note = note_text(line, typed)
        if note:
            texts[note[0]] = note[1]
            continue
        if line.style == UNPLACED_STYLE:  # Resolute's export of text no reader could place
            unplaced.append(line)
            continue
        try:
            assert reader is not None
            reader.line(line)
        except _Unplaced:
            unplaced.append(line)
    if reader is not None:
        reader.builder.finish()
    trailing(before + unplaced, state, typed, texts)
