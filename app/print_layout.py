"""A draft's printed pages as positioned text and rules, laid out from the measured layout data.

The PDF export needs what a word processor would do with the .docx: break lines at the style's width, set tab
stops and justification, flow lines onto pages with widow control, and put each footnote at the foot of the
page its reference is on. Doing that here, against a small measuring interface, keeps it free of Qt (the
widgets' painter measures and draws the words) and testable on its own. Every measure is read from the same
layout data as the .docx writer (resources/layout/*.toml, through app.io.docx_layout), and every word printed
comes from app.render, so the PDF, the .docx and the preview say the same thing.

Coordinates are points from the page's top-left corner; `y` of text is its baseline.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from typing import NamedTuple, Protocol

from app import collector, inline
from app.errors import InputError
from app.io.docx_layout import Layout, Style, note_style
from app.io.docx_tables import THICK, THIN, column_widths, figure_columns
from app.io.docx_writer import AGENDA_STYLE, SPONSOR_STAR, block_style, later_job
from app.io.safe_xml import xml_text
from app.messages import say
from app.render import Block, Rendered
from app.table_merges import Merge, covered

# Word and LibreOffice set a line of exact height with its baseline at 80% of the height: with the layout's
# values this puts "United Nations" at y = 57.8, the later-page body at 84.4 and the footer at 755.2, as issued.
BASELINE = 0.8
# A footnote reference: Word's superscript, two thirds of the text size raised by a third (the issued marks
# are about 6.5 pt in 10 pt text and 5.5 pt in 8.5 pt notes, layout-ga-L.md).
SUPER_SIZE = 0.65
SUPER_RISE = 0.33
DEFAULT_TAB = 36.0  # Word's default tab stops, every half inch from the margin
_HYPHEN_BREAK = re.compile(r"(?<=\w-)(?=\w)")  # a line may break after a hyphen between letters
# Pages a PDF may run to. Every page placed takes a line or a note line off what is left, so the flow ends; the
# bound makes sure of it whatever the layout data says, and refuses in one line what no printer would take (the
# longest issued resolutions print a few dozen pages; 50,000 paragraphs print about 4,000).
MAX_PAGES = 30_000
# Words and pieces of words the PDF may lay out, all of them held until the pages are drawn: 50,000 paragraphs
# hold about 2.4 million; a table of 64 narrow columns breaks each character onto a line of its own, and 2 MB
# of such cells made 1.9 million pieces and 1.4 GB before the page bound could count a page (a project file of
# 50 MB: tens of GB). Refused in one line once passed.
MAX_BOXES = 4_000_000


class _Budget:
    """What is left of MAX_BOXES, spent line by line as paragraphs, cells and notes are broken."""

    def __init__(self) -> None:
        self.left = MAX_BOXES

    def spend(self, count: int) -> None:
        self.left -= count
        if self.left < 0:
            raise InputError(
                say(
                    "the PDF would lay out more than {count} words and pieces of words: too long to print as a "
                    "resolution",
                    count=MAX_BOXES,
                )
            )


class Font(NamedTuple):  # a tuple: fonts key the measure's caches, and hash fast
    size: float
    bold: bool = False
    italic: bool = False
    scale: float = 100.0  # horizontal scale, per cent (Word's w:w)
    tracking: float = 0.0  # points added after each character (Word's character spacing)


class Measure(Protocol):
    def __call__(self, text: str, font: Font) -> float:
        """The natural advance width of `text` in `font` (without its scale and tracking)."""
        ...


@dataclass(frozen=True)
class Text:
    x: float
    y: float  # baseline
    text: str
    font: Font


@dataclass(frozen=True)
class Rule:
    x0: float
    x1: float
    y: float  # the rule's top edge
    width: float


Item = Text | Rule


@dataclass
class Page:
    items: list[Item] = field(default_factory=list)


# -- words and lines ---------------------------------------------------------------------------------------


@dataclass
class _Box:
    """A piece of a line that is never broken: a word (runs in their fonts, with rises), or a tab."""

    pieces: list[tuple[str, Font, float]] = field(default_factory=list)  # text, font, rise above baseline
    space_before: bool = False
    tab: bool = False
    notes: list[str] = field(default_factory=list)  # footnotes first referenced here
    width: float = 0.0


def _width(measure: Measure, text: str, font: Font) -> float:
    return measure(text, font) * font.scale / 100 + font.tracking * len(text)


def _font(style: Style, *, italic: bool = False, bold: bool | None = None) -> Font:
    return Font(
        style.size, style.bold if bold is None else bold, italic or style.italic, style.scale, style.tracking
    )


def _as_issued(layout: Layout) -> dict[str, Style]:
    """The styles as the issued PDFs set them. The body's set width goes to every style that sets none of its
    own: issued L documents set all their text about 6.5% wider (layout-ga-L.md; the sponsor line and the
    title wrap as issued only so); the .docx gives it to the body styles alone, where Word's and LibreOffice's
    page flow was tuned. The column ends at the page's `text_right` where a style ends at the body's."""
    body = layout.styles["body"]
    right = layout.page.text_right or body.right
    out = {}
    for key, st in layout.styles.items():
        if not (st.tracking or st.scale != 100 or st.rule_text):  # the separator keeps its issued length
            st = replace(st, tracking=body.tracking, scale=body.scale)
        out[key] = replace(st, right=right) if st.right == body.right else st
    return out


def _super(font: Font) -> Font:
    return Font(round(font.size * SUPER_SIZE, 2), font.bold, False)


_LINE_CONTROLS = re.compile(r"[\t\r\n]")  # typed tabs and line breaks print as spaces


class _Words:
    """Builds the boxes of one paragraph from runs of text."""

    def __init__(self) -> None:
        self.boxes: list[_Box] = [_Box()]
        self.pending_space = False

    def text(self, text: str, font: Font, rise: float = 0.0) -> None:
        # controls, noncharacters and lone surrogates have no glyph: dropped, as the .docx writer drops them
        text = xml_text(text)
        for i, chunk in enumerate(_LINE_CONTROLS.sub(" ", text).split(" ")):
            if i:
                self.pending_space = True
            for j, part in enumerate(_HYPHEN_BREAK.split(chunk)):
                if not part:
                    continue
                if self.pending_space or j:
                    self.boxes.append(_Box(space_before=self.pending_space))
                    self.pending_space = False
                self.boxes[-1].pieces.append((part, font, rise))

    def mark(self, mark: str, font: Font, note: str = "") -> None:
        """A footnote reference after the text before it, with no space unless one was typed."""
        if self.pending_space:
            self.boxes.append(_Box(space_before=True))
            self.pending_space = False
        sup = _super(font)
        self.boxes[-1].pieces.append((mark, sup, font.size * SUPER_RISE))
        if note:
            self.boxes[-1].notes.append(note)

    def tab(self) -> None:
        self.boxes.append(_Box(tab=True))
        self.boxes.append(_Box())
        self.pending_space = False

    def done(self, measure: Measure) -> list[_Box]:
        out = [b for b in self.boxes if b.pieces or b.tab]
        for b in out:
            b.width = sum(_width(measure, t, f) for t, f, _ in b.pieces)
        return out


@dataclass
class _Line:
    placed: list[tuple[float, _Box]]  # x from the frame's left edge
    style: Style
    notes: list[str]
    before: float = 0.0
    after: float = 0.0
    keep_next: bool = False
    rule: float = 0.0  # a rule across the line's indents (the end rule), drawn at its top
    separator: bool = False
    gaps: tuple[tuple[float, float], ...] = ()  # stretches the rule leaves out


def _next_tab(x: float, style: Style) -> float:
    for stop in style.tabs:
        if stop > x + 0.01:
            return stop
    if style.first_line < 0 and style.left > x + 0.01:
        return style.left  # Word's implicit stop at a hanging indent
    return (int(x // DEFAULT_TAB) + 1) * DEFAULT_TAB


def _break(
    boxes: list[_Box], style: Style, frame: float, measure: Measure, budget: _Budget
) -> list[list[tuple[float, _Box]]]:
    """Greedy line breaking within the style's indents, then alignment; each line's boxes spent from `budget`."""
    right = frame - style.right
    lines: list[list[tuple[float, _Box]]] = []
    line: list[tuple[float, _Box]] = []
    x = style.left + style.first_line
    room = right - max(style.left, x)
    spaces: dict[Font, float] = {}  # a space's width in each font, measured once per paragraph
    has_word = False  # the line holds a word, not only tabs: it may break before the next
    for box in (piece for b in boxes for piece in _split_wide(b, room, measure)):
        if box.tab:
            x = _next_tab(x, style)
            line.append((x, box))
            continue
        space = 0.0
        if box.space_before and line:
            first = box.pieces[0][1]
            if first not in spaces:
                spaces[first] = _width(measure, " ", first)
            space = spaces[first]
        if has_word and x + space + box.width > right + 0.01:
            budget.spend(len(line))
            lines.append(line)
            line, x, space = [], style.left, 0.0
        line.append((x + space, box))
        x += space + box.width
        has_word = True
    budget.spend(len(line))
    lines.append(line)
    for i, placed in enumerate(lines):
        _align(placed, style, right, last=i == len(lines) - 1)
    return lines


def _split_wide(box: _Box, room: float, measure: Measure) -> list[_Box]:
    """A word wider than the line is broken between characters, as Word does."""
    if box.tab or box.width <= room:
        return [box]
    out = [_Box(space_before=box.space_before, notes=box.notes)]
    for text, font, rise in box.pieces:
        for ch in text:
            w = _width(measure, ch, font)
            if out[-1].pieces and out[-1].width + w > room:
                out.append(_Box())
            last = out[-1].pieces
            if last and last[-1][1:] == (font, rise):
                last[-1] = (last[-1][0] + ch, font, rise)
            else:
                last.append((ch, font, rise))
            out[-1].width += w
    return out


def _align(placed: list[tuple[float, _Box]], style: Style, right: float, *, last: bool) -> None:
    words = [(x, b) for x, b in placed if not b.tab]
    if not words or style.align == "left":
        return
    end = words[-1][0] + words[-1][1].width
    slack = right - end
    if style.align in ("right", "center"):
        shift = slack if style.align == "right" else slack / 2
        placed[:] = [(x + shift, b) for x, b in placed]
        return
    if last or slack <= 0:
        return
    after_tab = max((i for i, (_, b) in enumerate(placed) if b.tab), default=-1)
    gaps = {i for i in range(after_tab + 2, len(placed)) if placed[i][1].space_before}
    if not gaps:
        return
    step, shift, out = slack / len(gaps), 0.0, []
    for i, (x, b) in enumerate(placed):
        if i in gaps:
            shift += step
        out.append((x + shift, b))
    placed[:] = out


# -- the document as paragraphs --------------------------------------------------------------------------


_Cell = list[list[tuple[float, "_Box"]]]  # a cell's lines, each its boxes placed


@dataclass
class _Paragraph:
    style: Style
    boxes: list[_Box]
    before: float | None = None  # overrides the style's
    rule: float = 0.0  # a rule drawn at the top of its first line (a table's)
    lines: list[list[tuple[float, _Box]]] | None = None  # already broken (a table's row, cell by cell)
    keep: bool = False  # on one page with the next paragraph's first line (a table's rows)
    gaps: tuple[
        tuple[float, float], ...
    ] = ()  # where the rule stops: the cells merged across it (x from, to)


class _Builder:
    def __init__(self, rendered: Rendered, layout: Layout, measure: Measure):
        self.r, self.layout, self.measure = rendered, layout, measure
        self.budget = _Budget()
        self.seen: set[str] = set()

    def style(self, key: str) -> Style:
        return self.layout.styles.get(key, self.layout.styles["body"])

    def spans(self, words: _Words, spans: Iterable[inline.Span], style: Style) -> None:
        for s in spans:
            if s.footnote:
                self.reference(words, s.footnote, style)
            else:
                words.text(s.text, _font(style, italic=s.italic))

    def reference(self, words: _Words, note_id: str, style: Style) -> None:
        mark = self.r.footnote_marks.get(note_id)  # its number, or a symbol of its own ("*", "**")
        if mark is None:
            return  # a reference to a footnote that does not exist prints nothing
        first = note_id not in self.seen
        self.seen.add(note_id)
        words.mark(mark, _font(style), note_id if first else "")

    def block(self, block: Block, style: Style) -> list[_Box]:
        words = _Words()
        if block.label:
            words.text(block.label, _font(style))
            words.tab()
        if block.opener:
            words.text(block.opener, _font(style, italic=True))
            spans = list(block.body_spans)
            first = next((s.text for s in spans if not s.footnote), "")
            if spans and not spans[0].footnote and first[:1] not in ",;:.":
                words.pending_space = True
        self.spans(words, block.body_spans, style)
        words.text(block.end, _font(style))
        for note_id in block.notes_after:
            self.reference(words, note_id, style)
        return words.done(self.measure)

    def paragraphs(self) -> list[_Paragraph]:
        r, out = self.r, []
        for line in r.agenda:
            style = self.style(AGENDA_STYLE.get(line.style, "agenda_item"))
            words = _Words()
            words.text(line.text, _font(style))
            out.append(_Paragraph(style, words.done(self.measure)))
        if r.sponsor_line:
            heading = not (r.agenda or r.title)  # Security Council drafts: the sponsor line is the heading
            style = self.style("sponsor_heading" if heading else "sponsor_line")
            words = _Words()
            words.tab()  # from the hanging first line to the body column, as the .docx has it
            star = SPONSOR_STAR.search(r.sponsor_line) if r.sponsor_note else None
            if star:
                words.text(r.sponsor_line[: star.start()], _font(style))
                words.mark("*", _font(style), "*")
                words.text(r.sponsor_line[star.start() + 1 :], _font(style))
            else:
                words.text(r.sponsor_line, _font(style))
            out.append(_Paragraph(style, words.done(self.measure)))
        if r.title:
            style = self.style("title")
            words = _Words()
            words.tab()
            self.spans(words, r.title_spans, style)
            out.append(_Paragraph(style, words.done(self.measure)))
        blocks = r.blocks
        organ = self.style("organ_line")
        if r.runs_on:  # a decision in one sentence: the organ line in roman runs into it, as issued
            style = self.style("preambular")
            boxes = self.block(blocks[0], style)
            words = _Words()
            words.text(r.organ_line + ",", _font(style))
            out.append(_Paragraph(style, words.done(self.measure) + _spaced(boxes)))
            blocks = []
        elif r.organ_line:
            words = _Words()
            words.text(r.organ_line, _font(organ, italic=True))
            if r.organ_comma:
                words.text(",", _font(organ))
            out.append(_Paragraph(organ, words.done(self.measure)))
        gap = organ.before if blocks and blocks[0].role == "instruction" else None
        for block in blocks:
            if block.role == "annex_paragraph" and not (block.label or block.opener or block.spans):
                continue  # an unnumbered annex paragraph that only holds a heading over its list
            if block.role == "table":
                out += self.table(block)
                continue
            style = self.style(block_style(block))
            out.append(_Paragraph(style, self.block(block, style), gap))
            gap = None
        return out

    def table(self, block: Block) -> list[_Paragraph]:
        """A table in columns, one paragraph per row: each cell broken within its column (the .docx's column
        widths), the row as tall as its tallest cell. Rules as issued: thin above the header, thick below it
        and below the last row. A merged cell is broken within the columns it spans; one merged down the rows
        is one cell over them, as Word and the issued page print it: its text from the top of its first row,
        line after line down the rows beside it, the last row growing only for what is left; its rows stay on
        one page and no rule crosses it."""
        body = self.style("body")
        frame = self.layout.page.frame_width
        width = frame - body.left - body.right
        starts = [body.left]
        for w in column_widths(block, 1000):
            starts.append(starts[-1] + width * w / 1000)
        row_style = replace(body, first_line=0.0, tabs=(), align="left", before=0.0, after=2.0)
        right = figure_columns(block)
        merged = covered(block.merges)
        rows: list[list[_Cell]] = [[] for _ in block.cells]
        tall: list[tuple[Merge, _Cell]] = []  # cells merged down the rows
        for index, row in enumerate(block.cells):
            for k, cell in enumerate(row):
                merge = merged.get((index, k))
                if merge is not None and merge[:2] != (index, k):
                    continue
                end = starts[k + (merge[3] if merge else 1)]
                align = "right" if right[k] and index >= block.header_rows else "left"
                st = replace(row_style, left=starts[k], right=frame - end + 6.0, align=align)
                words = _Words()
                self.spans(words, inline.parse(cell), st)
                lines = _break(words.done(self.measure), st, frame, self.measure, self.budget)
                if merge is not None and merge[2] > 1:
                    tall.append((merge, lines))
                else:
                    rows[index].append(lines)
        _spread(rows, tall, row_style.after)
        out = []
        for index, cells in enumerate(rows):
            lines = [
                [placed for cell in cells if i < len(cell) for placed in cell[i]]
                for i in range(max(map(len, cells), default=1))
            ]
            rule = THIN / 8 if index == 0 else THICK / 8 if index == block.header_rows and index else 0.0
            inside = [m for m, _ in tall if m[0] < index < m[0] + m[2]]  # merges this row's top runs through
            keep = index < block.header_rows or any(m[0] <= index < m[0] + m[2] - 1 for m, _ in tall)
            para = _Paragraph(row_style, [], 6.0 if index == 0 else None, rule, lines or [[]], keep)
            para.gaps = tuple((starts[c], starts[c + w]) for _, c, _, w in inside)
            out.append(para)
        out[-1].keep = True  # the closing rule goes with the last row
        out.append(_Paragraph(replace(row_style, line=2.0, after=0.0), [], None, THICK / 8))
        return out

    def notes(self) -> dict[str, tuple[str, list[_Box]]]:
        """Each printed footnote's number and boxes, by id ("*" for the page-1 sponsor note)."""
        style = self.style("footnote_text")
        texts = [("*", "*", self.r.sponsor_note)] if self.r.sponsor_note else []
        texts += [
            (self.r.footnote_marks.get(note_id, str(place)), note_id, markup)
            for place, note_id, markup in self.r.footnotes
        ]
        out = {}
        for mark, note_id, markup in texts:
            words = _Words()
            words.mark(mark, _font(style))
            words.tab()
            self.spans(words, [s for s in inline.parse(markup) if not s.footnote], style)
            out[note_id] = (mark, words.done(self.measure))
        return out


def _spread(rows: list[list[_Cell]], tall: list[tuple[Merge, _Cell]], gap: float) -> None:
    """Each cell merged down the rows dealt out over them: as many of its lines beside each row as the row's own
    cells take (a row at least one line), the rest in its last row, which grows to hold them. Merges are dealt
    in the order of their last rows, so a row grown by one merge is that much taller for a merge running on
    below it. The lines beside a later row are raised by the `gap` between rows passed, so that the merged
    text runs on at its own line pitch, as in Word."""
    heights = [max((len(cell) for cell in cells), default=1) for cells in rows]
    for (r, _, h, _), lines in sorted(tall, key=lambda t: t[0][0] + t[0][2]):
        at = 0
        for j in range(r, r + h):
            take = len(lines) - at if j == r + h - 1 else heights[j]
            part = lines[at : at + take]
            at += len(part)
            heights[j] = max(heights[j], len(part))
            rows[j].append([_raised(line, (j - r) * gap) for line in part] if j > r else part)


def _raised(line: list[tuple[float, _Box]], by: float) -> list[tuple[float, _Box]]:
    return [(x, replace(box, pieces=[(t, f, rise + by) for t, f, rise in box.pieces])) for x, box in line]


def _spaced(boxes: list[_Box]) -> list[_Box]:
    if boxes:
        boxes[0].space_before = True
    return boxes


# -- pages -------------------------------------------------------------------------------------------------


def _lines(paragraphs: list[_Paragraph], layout: Layout, measure: Measure, budget: _Budget) -> list[_Line]:
    frame = layout.page.frame_width
    out: list[_Line] = []
    for para in paragraphs:
        st = para.style
        broken = para.lines if para.lines is not None else _break(para.boxes, st, frame, measure, budget)
        lines = [_Line(placed, st, [n for _, b in placed for n in b.notes]) for placed in broken]
        lines[0].before = st.before if para.before is None else para.before
        lines[0].rule, lines[0].gaps = para.rule, para.gaps
        for line in lines if para.keep else lines[:-1] if para.lines is not None else []:
            line.keep_next = True  # a row is not split; a header row stays with the row under it
        lines[-1].after = st.after
        if st.widow_control and len(lines) > 1:  # no first or last line alone on a page
            lines[0].keep_next = True
            lines[-2].keep_next = True
        out += lines
    if out:
        out[-1].keep_next = True  # the end rule never stands alone on a page
    end = layout.styles["end_rule"]
    out.append(_Line([], end, [], before=end.before, rule=end.border_top))
    return out


_NoteLine = list[tuple[float, _Box]]


class _Flow:
    """Lines placed onto pages, with each page's footnotes at its foot. A note too tall for the room left
    continues at the foot of the next page, as Word continues it."""

    def __init__(self, layout: Layout, notes: dict[str, list[_NoteLine]], first_top: float):
        self.layout, self.notes = layout, notes
        self.pages: list[list[tuple[float, _Line]]] = []
        self.page_notes: list[list[_NoteLine]] = []
        self.carry: list[_NoteLine] = []  # note lines continued from the page before
        self.continued: list[
            bool
        ] = []  # each page: its notes begin with a note continued from the page before
        self.first_top = first_top
        self.new_page()

    def bottom(self) -> float:
        """Where this page's footnotes end (the text area's foot)."""
        return _text_bottom(self.layout)

    def body_bottom(self) -> float:
        """Where this page's body lines must end: page 1's stop above the footer block."""
        return _text_bottom(self.layout, first=len(self.pages) == 1)

    def new_page(self, *, text_ended: bool = False) -> None:
        """A page, with the note lines carried from the page before at its foot: at most half the page while
        text is still to come, so that the text goes on above a long note continued over several pages (all
        of the note's room went to it, and each page carried one line of text under a page of note)."""
        if len(self.pages) >= MAX_PAGES:
            raise InputError(
                say("the PDF would run past {most} pages: too long to print as a resolution", most=MAX_PAGES)
            )
        self.y = self.first_top if not self.pages else self.layout.page.top
        self.after = 0.0
        self.pages.append([])
        self.page_notes.append([])
        carry, self.carry = self.carry, []
        self.continued.append(bool(carry))
        self.add_notes(carry, limit=None if text_ended else self.half_page_lines())

    def half_page_lines(self) -> int:
        return max(
            1, int((self.bottom() - self.layout.page.top) / 2 / self.layout.styles["footnote_text"].line)
        )

    def notes_height(self, count: int) -> float:
        st = self.layout.styles
        sep = st["footnote_separator"]
        return sep.line + sep.after + count * st["footnote_text"].line if count else 0.0

    def new_notes(self, line: _Line) -> list[_NoteLine]:
        return [note_line for n in line.notes if n in self.notes for note_line in self.notes[n]]

    def end_of(self, lines: list[_Line]) -> tuple[float, float]:
        """Where the lines would end on this page, and the height of the page's notes with theirs."""
        y, after, empty = self.y, self.after, not self.pages[-1]
        count = len(self.page_notes[-1])
        for line in lines:
            gap = self.top_gap(line) if empty else after + line.before
            y += gap + line.style.line
            after, empty = line.after, False
            count += sum(self.needs(n) for n in line.notes if n in self.notes)
        return y, self.notes_height(count)

    def needs(self, note_id: str) -> int:
        """Note lines that must stand on the reference's page: all of a note, but only the first of a note
        taller than half a page, which would otherwise push its reference over with it."""
        lines = len(self.notes[note_id])
        half = (self.bottom() - self.layout.page.top) / 2
        return lines if lines * self.layout.styles["footnote_text"].line <= half else 1

    def fits(self, lines: list[_Line]) -> bool:
        y, notes = self.end_of(lines)
        return y <= self.body_bottom() + 0.01 and y + notes <= self.bottom() + 0.01

    def top_gap(self, line: _Line) -> float:
        """Space before the first line of a page: kept on page 1 (under the masthead), dropped after a break."""
        return line.before if len(self.pages) == 1 else 0.0

    def add_notes(self, lines: list[_NoteLine], limit: int | None = None) -> None:
        """Note lines at this page's foot as far as there is room under the body (and `limit` lines); the rest
        go on to the next page, after any carried already (a note's lines stay in order)."""
        page = self.page_notes[-1]
        if self.carry:
            self.carry += lines
            return
        for i, note_line in enumerate(lines):
            full = limit is not None and len(page) >= limit
            if full or (page and self.y + self.notes_height(len(page) + 1) > self.bottom() + 0.01):
                self.carry += lines[i:]
                return
            page.append(note_line)

    def place(self, line: _Line) -> None:
        self.y += self.after + line.before if self.pages[-1] else self.top_gap(line)
        self.pages[-1].append((self.y, line))
        self.y += line.style.line
        self.after = line.after
        self.add_notes(self.new_notes(line))

    def run(self, lines: list[_Line]) -> None:
        chain: list[_Line] = []
        for line in lines:
            chain.append(line)
            if line.keep_next:
                continue
            if not self.fits(chain) and self.pages[-1]:
                self.new_page()
            for kept in chain:  # a chain taller than a page breaks where it must
                # a line with notes waits for the page after a note still carried (its notes follow that one)
                if (not self.fits([kept]) or (self.carry and kept.notes)) and self.pages[-1]:
                    self.new_page()
                self.place(kept)
            chain = []
        while self.carry:  # notes continued after the last line of text
            self.new_page(text_ended=True)


def _draw_line(page: Page, y: float, line: _Line, left: float, frame: float, measure: Measure) -> None:
    st = line.style
    if line.rule:
        x = st.left
        for start, end in sorted(line.gaps):
            if start > x:
                page.items.append(Rule(left + x, left + start, y, line.rule))
            x = max(x, end)
        if frame - st.right > x:
            page.items.append(Rule(left + x, left + frame - st.right, y, line.rule))
    baseline = y + BASELINE * st.line
    for x, box in line.placed:
        for text, font, rise in box.pieces:
            page.items.append(Text(left + x, baseline - rise, text, font))
            x += _width(measure, text, font)
    if line.separator:  # the issued separator is text (underscores), drawn in the separator style
        page.items.append(Text(left + st.left, baseline, st.rule_text, _font(st)))


def _masthead(page: Page, r: Rendered, layout: Layout, measure: Measure) -> float:
    """Draw the page-1 masthead; returns where the body starts."""
    p, m = layout.page, layout.masthead
    left, right = p.left, p.width - p.right
    c1, c2 = m.columns[0], m.columns[1]
    top = p.header
    un, sym, organ, dist = m.united_nations, m.symbol, m.organ, m.distribution
    body = layout.styles["body"]

    def font(size: float, bold: bool = False) -> Font:  # the masthead too is set at the body's width
        return Font(size, bold, False, body.scale, body.tracking)

    page.items.append(Text(left + c1, top + un.before + BASELINE * un.line, r.united_nations, font(un.size)))
    if r.symbol:
        letter, rest = font(sym.letter_size), font(sym.size)
        y = top + sym.before + BASELINE * sym.line
        rest_w = _width(measure, r.symbol[1:], rest)
        letter_w = _width(measure, r.symbol[:1], letter)
        x = max(
            left, right - rest_w - letter_w
        )  # set flush right; a symbol wider than the page starts at the margin
        page.items += [Text(x, y, r.symbol[:1], letter), Text(x + letter_w, y, r.symbol[1:], rest)]
    rule = top + m.row1
    page.items.append(Rule(left, right, rule, m.thin_rule))
    row2 = rule + m.thin_rule  # a cell's text starts below the rule drawn over it, as issued (y = 86.3, 86.6)
    page.items.append(
        Text(left + c1, row2 + organ.before + BASELINE * organ.line, r.organ, font(organ.size, organ.bold))
    )
    lines = [r.distribution, r.date, r.version, r.original]
    y = row2 + dist.before + BASELINE * dist.line
    for text in lines if any(lines) else []:
        if text:
            page.items.append(Text(left + c1 + c2, y, text, font(dist.size)))
        y += dist.line
    end = rule + m.row2
    page.items.append(Rule(left, right, end, m.thick_rule))
    return end + m.thick_rule + m.after_table  # the body starts below the thick rule (session at y = 222.2)


def _running(page: Page, number: int, count: int, r: Rendered, layout: Layout, measure: Measure) -> None:
    """Header and footer: page 1 the job number; later pages the symbol, the rule and `n/N`, alternating."""
    p, st = layout.page, layout.styles
    left = p.left
    if number == 1:
        foot = st["first_footer"]
        y = p.height - p.footer - foot.after - foot.line + BASELINE * foot.line
        if r.job_number:
            page.items.append(Text(left + foot.left, y, r.job_number, _font(foot)))
        return
    even = number % 2 == 0
    head = st["header"]
    top = p.header + head.before
    font = _font(head)
    x = left if even else max(left, left + head.right_tab - _width(measure, r.symbol, font))
    page.items.append(Text(x, top + BASELINE * head.line, r.symbol, font))
    if head.border_bottom:
        rule_y = top + head.line + head.border_space
        page.items.append(Rule(left, p.width - p.right, rule_y, head.border_bottom))
    foot = st["footer"]
    y = p.height - p.footer - foot.after - foot.line + BASELINE * foot.line
    pages, pfont = f"{number}/{count}", _font(foot)
    job, jfont = later_job(r.job_number), pfont._replace(size=layout.job_size, bold=False)
    end = left + foot.right_tab
    first, second = ((pages, pfont), (job, jfont)) if even else ((job, jfont), (pages, pfont))
    if first[0]:
        page.items.append(Text(left, y, first[0], first[1]))
    if second[0]:
        x = max(left, end - _width(measure, second[0], second[1]))  # flush right, never off the page
        page.items.append(Text(x, y, second[0], second[1]))


def lay_out(r: Rendered, layout: Layout, measure: Measure) -> list[Page]:
    """The printed pages of a rendered draft."""
    with collector.paused():  # boxes, lines and text items by the million, all alive to the end
        return _lay_out(r, layout, measure)


def _lay_out(r: Rendered, layout: Layout, measure: Measure) -> list[Page]:
    layout = replace(layout, styles=_as_issued(layout))
    builder = _Builder(r, layout, measure)
    paragraphs = builder.paragraphs()
    frame = layout.page.frame_width
    note_lines_style = layout.styles["footnote_text"]
    notes = {
        k: _break(boxes, note_style(note_lines_style, mark), frame, measure, builder.budget)
        for k, (mark, boxes) in builder.notes().items()
    }
    first = Page()
    body_top = _masthead(first, r, layout, measure)
    flow = _Flow(layout, notes, body_top)
    flow.run(_lines(paragraphs, layout, measure, builder.budget))
    pages = []
    left = layout.page.left
    for number, (placed, note_lines) in enumerate(zip(flow.pages, flow.page_notes, strict=True), start=1):
        page = first if number == 1 else Page()
        for y, line in placed:
            _draw_line(page, y, line, left, frame, measure)
        if note_lines:  # at the foot of the text area, the separator right above them
            sep = layout.styles["footnote_separator"]
            y = _text_bottom(layout) - flow.notes_height(len(note_lines))
            if flow.continued[number - 1]:  # Word's continuation separator: a rule across the column
                page.items.append(Rule(left, left + frame, y + BASELINE * sep.line, THIN / 8))
            else:
                _draw_line(page, y, _Line([], sep, [], separator=True), left, frame, measure)
            y += sep.line + sep.after
            for note_line in note_lines:
                _draw_line(page, y, _Line(note_line, note_lines_style, []), left, frame, measure)
                y += note_lines_style.line
        pages.append(page)
    for number, page in enumerate(pages, start=1):
        _running(page, number, len(pages), r, layout, measure)
    return pages


def _text_bottom(layout: Layout, *, first: bool = False) -> float:
    """Where the text area ends: footnotes on every page, body lines on later pages; with `first`, where
    page 1's body lines end (its footnotes still run down to the foot, as issued)."""
    p = layout.page
    margin = (p.first_text_bottom if first else p.text_bottom) or p.bottom
    return p.height - margin
