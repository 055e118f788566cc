"""A page-like preview of the L document, drawn from `app.render` (the model the .docx exporter reads).

Masthead, agenda block, sponsor line, title, organ line, paragraphs with their derived numbers, labels and
punctuation, and the footnotes, laid out on a white page in Times New Roman as the UN prints it.
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QColor, QPalette, QResizeEvent, QTextDocument
from PySide6.QtWidgets import QTextBrowser, QWidget

from app import inline
from app.interface import tr
from app.render import Block, Rendered
from app.table_merges import covered
from widgets import page_fill
from widgets.table_cap import TABLE_ROWS, capped
from widgets.wrapping import fit_wrap_mode, has_unbreakable_run, set_html

PAGE_CSS = """
body { font-family: 'Times New Roman', 'Liberation Serif', 'Nimbus Roman', serif; font-size: 10pt; color: #000; }
p { margin: 0; }
.mast td { padding: 0; vertical-align: bottom; }
.un { font-size: 9pt; }
.symbol { font-size: 14pt; }
.organ { font-size: 14pt; font-weight: bold; }
.small { font-size: 9pt; }
.agenda { font-size: 10pt; margin-left: 0; }
.agenda-title, .agenda-session { font-weight: bold; }
.agenda-committee { font-weight: bold; font-size: 12pt; }
.sponsors { font-weight: bold; margin-left: 40px; margin-right: 75px; margin-top: 19px; margin-bottom: 16px; }
.title { font-size: 12pt; font-weight: bold; margin-left: 40px; margin-right: 75px; margin-bottom: 16px; }
.body { margin-left: 40px; margin-bottom: 8px; text-align: justify; }
.organ-line { margin-left: 40px; margin-bottom: 8px; }
.fn { font-size: 8pt; margin-left: 40px; }
.fnref { vertical-align: super; font-size: 7pt; }
"""


BODY = 40  # px: the body column's indent from the masthead
STEP = 37  # px: an indent step (0.5 in.), the distance between the pane's tab stops
TAB = '<span style="white-space: pre;">\t</span>'  # a tab kept as a tab (HTML folds white space)


def _reference(note_id: str, numbers: dict[str, int]) -> str:
    n = numbers.get(note_id)
    return f"<sup>{n}</sup>" if n is not None else ""


def _spans(block: Block, numbers: dict[str, int]) -> str:
    out = []
    for span in block.body_spans:
        if span.footnote:
            out.append(_reference(span.footnote, numbers))
        elif span.italic:
            out.append(f"<i>{escape(span.text)}</i>")
        else:
            out.append(escape(span.text))
    return "".join(out)


def _body_paragraph(block: Block, numbers: dict[str, int], state: int = -1) -> str:
    """One block as HTML; `state`: the number its text block carries (`-qt-user-state`) for `follow`."""
    text = _spans(block, numbers)
    opener = f"<i>{escape(block.opener)}</i>" if block.opener else ""
    if opener and text and not text.startswith((",", ";", ":", ".")):
        opener += " "
    after = "".join(_reference(note_id, numbers) for note_id in block.notes_after)
    content = (
        f"{opener}{text}{escape(block.end)}{after}"  # notes that end the paragraph follow its punctuation
    )
    indent = BODY + 37 * block.level  # px: the body column, then 0.5 in. per level
    mark = f"-qt-user-state: {state};"
    if block.role == "table":
        return table_html(block, numbers, mark)
    if block.role == "table_note":  # under the table, small, as issued notes are set
        return f'<p style="margin-left: {BODY}px; font-size: small; {mark}">{content}</p>'
    if block.role in ("part_heading", "part_title", "annex_title"):  # centred and bold, as issued
        return f'<p align="center" style="margin-bottom: 8px; font-weight: bold; {mark}">{content}</p>'
    if block.role == "annex_heading":  # "Annex II" at the left margin, bold, a little larger
        return f'<p style="margin-top: 18px; margin-bottom: 8px; font-weight: bold; font-size: large;">{content}</p>'
    if block.role == "organ_line":  # a part's own organ line
        return f'<p style="text-indent: 37px; margin-left: {BODY}px; margin-bottom: 8px;">{content}</p>'
    if block.role == "heading":  # a section heading of an omnibus resolution, bold at the body column
        return f'<p style="margin-left: {BODY}px; margin-bottom: 8px; font-weight: bold;">{content}</p>'
    if block.label and block.level == 0:
        # "1." sits at the first-line indent, the text follows after a tab
        style = f"margin-left: {BODY}px; margin-bottom: 8px; text-indent: 37px; {mark}"
        return (
            f'<p align="justify" style="{style}">{escape(block.label)}&nbsp;&nbsp;&nbsp;&nbsp;{content}</p>'
        )
    if block.label:
        # a hanging label, "(a)" at its level's indent and the text after a tab, one step on (the pane's tab
        # stops are a step apart): as the UN sets it. A table a label was 30 times slower to lay out at 20,000
        # paragraphs, Qt's layout growing with the square of the frames in a page
        style = f"margin-left: {indent + 37}px; margin-bottom: 8px; text-indent: -37px; {mark}"
        return f'<p align="justify" style="{style}">{escape(block.label)}{TAB}{content}</p>'
    first = "" if block.is_tail else "text-indent: 37px;"
    style = f"margin-left: {indent}px; margin-bottom: 8px; {first} {mark}"
    return f'<p align="justify" style="{style}">{content}</p>'


def _cell_html(markup: str, numbers: dict[str, int]) -> str:
    out = []
    for span in inline.parse(markup):
        if span.footnote:
            out.append(_reference(span.footnote, numbers))
        else:
            out.append(f"<i>{escape(span.text)}</i>" if span.italic else escape(span.text))
    return "".join(out) or "&nbsp;"


def _span_attributes(merge: tuple[int, int, int, int] | None) -> str:
    if merge is None:
        return ""
    return (f' colspan="{merge[3]}"' if merge[3] > 1 else "") + (
        f' rowspan="{merge[2]}"' if merge[2] > 1 else ""
    )


PREVIEW_TABLE_ROWS = TABLE_ROWS  # rows of one table the preview lays out, at most (widgets/table_cap.py)


def table_html(block: Block, numbers: dict[str, int], mark: str = "") -> str:
    """A table at the body column as issued: a thin rule above the header, thicker ones below it and below
    the last row (Qt's rich text draws cell borders only, so the rules are the rows' top borders), no
    vertical rules. Past PREVIEW_TABLE_ROWS rows, the first ones and a line saying how many are left out."""
    shown, left_out = capped(block.cells, f"margin-left: {BODY}px; margin-bottom: 8px;")
    rows = []
    last = len(shown) - 1
    # a merge reaching past the rows shown ends with them
    merged = covered((r, c, min(h, len(shown) - r), w) for r, c, h, w in block.merges if r < len(shown))
    for index, row in enumerate(shown):
        top = "1px" if index == 0 else "2px" if index == block.header_rows and index else "0"
        bottom = "2px" if index == last else "0"
        style = f"border-top: {top} solid black; border-bottom: {bottom} solid black; padding: 2px 6px 2px 0;"
        cells = "".join(
            f'<td valign="top"{_span_attributes(merged.get((index, k)))} style="{style}">{_cell_html(cell, numbers)}</td>'
            for k, cell in enumerate(row)
            if (index, k) not in merged or merged[index, k][:2] == (index, k)  # a covered cell has no td
        )
        rows.append(f"<tr>{cells}</tr>")
    table = (
        f'<table cellspacing="0" cellpadding="2" style="margin-left: {BODY}px; margin-bottom: 8px; '
        f'border-collapse: collapse; {mark}">{"".join(rows)}</table>'
    )
    return table + left_out


@dataclass(frozen=True)
class PagePieces:
    """The page's HTML in three: the masthead to the organ line, one top-level element per body block (its index
    is the `-qt-user-state` it carries), and the footnotes to the end. Joined, they are `preview_html`."""

    head: str
    body: list[str]
    foot: str

    @property
    def html(self) -> str:
        return self.head + "".join(self.body) + self.foot


def preview_html(rendered: Rendered) -> str:
    return preview_pieces(rendered).html


def preview_pieces(rendered: Rendered) -> PagePieces:
    r = rendered
    numbers = r.footnote_numbers
    parts = [f"<html><head><style>{PAGE_CSS}</style></head><body>"]
    parts.append(
        '<table class="mast" width="100%" cellspacing="0" cellpadding="0"><tr>'
        f'<td class="un" width="35%">{escape(r.united_nations)}</td>'
        f'<td class="symbol" align="right">{escape(r.symbol) or "&nbsp;"}</td></tr></table>'
        '<hr style="height: 2px; background: #000;" />'
        '<table class="mast" width="100%" cellspacing="0" cellpadding="0"><tr>'
        f'<td class="organ" valign="top">{escape(r.organ)}</td>'
        f'<td class="small" width="30%" valign="top">{escape(r.distribution)}<br/>{escape(r.date)}<br/>{escape(r.version)}<br/>'
        f"{escape(r.original)}</td></tr></table>"
        '<hr style="height: 1px; background: #000;" />'
    )
    if r.agenda:
        lines = []
        for line in r.agenda:
            css = {
                "item_title": "agenda-title",
                "session": "agenda-session",
                "committee": "agenda-committee",
            }.get(line.style, "")  # as the issued documents print the block
            lines.append(f'<p class="agenda {css}">{escape(line.text)}</p>')
        parts.append('<div style="margin-top: 11px;">' + "".join(lines) + "</div>")
    if r.sponsor_line:
        names, _, kind = r.sponsor_line.rpartition(":")
        line = f"{escape(names)}:{escape(kind)}" if names else escape(r.sponsor_line)
        parts.append(f'<p class="sponsors">{line}</p>')
    if r.title:
        title = "".join(
            _reference(s.footnote, r.footnote_numbers)
            if s.footnote
            else f"<i>{escape(s.text)}</i>"
            if s.italic
            else escape(s.text)
            for s in r.title_spans
        )
        parts.append(f'<p class="title">{title}</p>')
    blocks = r.blocks
    if r.runs_on:  # a decision in one sentence: the organ line in roman runs into it
        head, _, rest = _body_paragraph(blocks[0], numbers).partition(">")
        parts.append(f"{head}>{escape(r.organ_line)}, {rest}")
        blocks = []
    elif r.organ_line:
        comma = "," if r.organ_comma else ""
        parts.append(
            f'<p class="organ-line" style="text-indent: 37px;"><i>{escape(r.organ_line)}</i>{comma}</p>'
        )
    body = [_body_paragraph(block, numbers, state) for state, block in enumerate(blocks)]
    head, parts = "".join(parts), []
    if r.footnotes:
        parts.append('<hr width="30%" align="left" style="margin-top: 16px; margin-left: 40px;" />')
        for number, _fid, markup in r.footnotes:
            text = "".join(
                f"<i>{escape(s.text)}</i>" if s.italic else escape(s.text) for s in inline.parse(markup)
            )
            parts.append(f'<p class="fn"><sup>{number}</sup>&nbsp;{text}</p>')
    if r.sponsor_note:
        parts.append(f'<p class="fn">*&nbsp;{escape(r.sponsor_note)}</p>')
    parts.append("</body></html>")
    return PagePieces(head, body, "".join(parts))


NARROW_PANE = 480  # px of viewport under which the page's margins shrink
# HTML characters from which a page is parsed in slices and patched where it changed (20,000 paragraphs: 16 MB,
# three seconds in one `setHtml`); a shorter page is set in one call (300,000: about 400 paragraphs, 60 ms)
SLICED_FROM = 300_000
RETRY_MS = (
    20  # how soon a page or a paragraph to follow, waiting for Qt's layout, is tried again (laid out further)
)


def _wraps_anywhere(pieces: PagePieces) -> bool:
    """`has_unbreakable_run` of the whole page, read piece by piece: a piece starts and ends with a tag, which
    ends a run, and a piece shorter than the longest word costs nothing (the whole 16 MB page: two seconds)."""
    return any(has_unbreakable_run(piece) for piece in (pieces.head, pieces.foot, *pieces.body))


class PreviewPane(QTextBrowser):
    """The printed page, read-only. It follows the paragraph being edited."""

    paragraph_clicked = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setOpenLinks(False)
        self.setAccessibleName(tr("Preview of the printed document"))
        self.setFrameShape(QTextBrowser.Shape.NoFrame)
        palette = self.palette()
        palette.setColor(QPalette.ColorRole.Base, QColor("#c8c7c5"))  # the desk; the page is white
        palette.setColor(QPalette.ColorRole.Text, QColor("black"))
        self.setPalette(palette)
        self.setViewportMargins(0, 0, 0, 0)
        self.document().setDocumentMargin(0)
        self.setLineWrapMode(QTextBrowser.LineWrapMode.WidgetWidth)
        # the page wraps to the pane's width (its masthead fits 250 px), so a sideways scroll bar is only ever a
        # range left over from a wider pane, cutting the page's right edge off: never show one
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.setTabStopDistance(STEP)  # a subparagraph's text after its label, at the next indent step
        self.html = ""
        self._roomy = True
        self._ids: list[str] = []  # the paragraph id of each body block, by its `-qt-user-state`
        self._places: dict[str, int] | None = None  # paragraph id -> its first text block's position
        self._builder = page_fill.PageBuilder(self)
        self._shown: PagePieces | None = None  # the page the document holds
        self._waiting: PagePieces | None = None  # the page asked for while another was being parsed
        self._starts: list[int] | None = None  # each body piece's first block number in the document
        self._anywhere = False  # the page shown holds a run past any word's length: it wraps anywhere
        self._followed = self._follow_later = ""  # the paragraph followed; to follow once laid out
        self._retry = QTimer(self)
        self._retry.setSingleShot(True)
        self._retry.setInterval(RETRY_MS)
        self._retry.timeout.connect(self._again)

    def show_rendered(self, rendered: Rendered) -> None:
        pieces = preview_pieces(rendered)
        html = pieces.html
        if html == self.html:
            return
        self.html = html
        self._ids = [] if rendered.runs_on else [b.paragraph_id for b in rendered.blocks]
        self._places = None
        if len(html) < SLICED_FROM and not self._builder.busy:
            self._show_at_once(pieces)
        else:
            self._show_long(pieces)

    def _show_long(self, pieces: PagePieces, force: bool = False) -> None:
        """Patch the page shown where it changed, or parse a new one in slices. While a page is being parsed,
        or Qt has not yet laid out as far as the change (patching there would lay out every block before it at
        once), the page waits: shown after the page under way, or tried again a moment later."""
        if self._builder.busy:
            self._waiting = pieces  # a slice's work is never thrown away
            return
        done = self._patched(pieces, force)
        if done is None:
            self._waiting = pieces
            self._retry.start()
        elif not done:
            self._build(pieces)

    def _again(self) -> None:
        """The timer's turn: the page that waited, then the paragraph to follow, once Qt has laid them out."""
        if self._waiting is not None and not self._builder.busy:
            waiting, self._waiting = self._waiting, None
            self._show_long(waiting)
        if self._follow_later:
            self.follow(self._follow_later)

    @property
    def settled(self) -> bool:
        """True when the page shown is the last one asked for (no slice left to parse)."""
        return not self._builder.busy and self._waiting is None

    def settle(self) -> None:
        """Parse what is left at once: a test, or a caller that needs the page as it will be."""
        while not self.settled:
            self._builder.finish_now()
            if self._waiting is not None:
                waiting, self._waiting = self._waiting, None
                self._show_long(waiting, force=True)

    def _show_at_once(self, pieces: PagePieces) -> None:
        """A short page: `setHtml` in one call, as it takes a few milliseconds."""
        bar = self.verticalScrollBar()
        at = bar.value()
        set_html(self, pieces.html)  # wrapping chosen before Qt lays the page out
        self.document().setUndoRedoEnabled(False)
        self._page_look()
        bar.setValue(at)
        self._shown, self._starts = pieces, None
        self._anywhere = _wraps_anywhere(pieces)

    def _patched(self, pieces: PagePieces, force: bool = False) -> bool | None:
        """Replace only the body blocks that changed in the page shown (typing); False when it cannot, None
        when Qt has not laid the page out as far as the change yet (unless `force`)."""
        shown = self._shown
        if shown is None or shown.head != pieces.head or shown.foot != pieces.foot:
            return False
        if _wraps_anywhere(pieces) != self._anywhere:
            return False  # the wrapping changes: the whole page is laid out again
        if self._starts is None:
            found = page_fill.block_starts(self.document(), len(shown.body))
            self._starts = [found.get(k, -1) for k in range(len(shown.body))]
        # a patch while Qt's lazy layout has not reached the page's end leaves every block after the change
        # unlaid, blank for good (Qt takes its layout as finished): the patch waits for the whole page
        doc = self.document()
        if not page_fill.lay_out_toward(doc, doc.blockCount() - 1, doc.blockCount() if force else None):
            return None
        if not page_fill.patch(self.document(), pieces.head, shown.body, pieces.body, self._starts):
            return False
        self._shown = pieces
        return True

    def _build(self, pieces: PagePieces) -> None:
        """Parse a long page in slices into a document of its own, shown when whole."""
        fit_wrap_mode(self, _wraps_anywhere(pieces))
        doc = QTextDocument(self)
        doc.setUndoRedoEnabled(False)
        doc.setDefaultFont(self.document().defaultFont())
        doc.setDefaultTextOption(self.document().defaultTextOption())
        doc.setDocumentMargin(0)
        self._builder.start(
            doc, pieces.head, pieces.body, pieces.foot, lambda built: self._swap(built, pieces)
        )

    def _swap(self, doc: QTextDocument, pieces: PagePieces) -> None:
        bar = self.verticalScrollBar()
        at = bar.value()
        old = self.document()
        ours = old.parent() is self  # the first document is the text control's, which Qt deletes itself
        self._page_look(doc)
        self.setDocument(doc)
        if ours:
            old.deleteLater()
        bar.setValue(at)
        self._shown, self._starts, self._places = pieces, None, None
        self._anywhere = _wraps_anywhere(pieces)
        self._follow_later = self._followed  # scrolled back to once Qt has laid the new page out so far
        if self._waiting is not None:
            waiting, self._waiting = self._waiting, None
            self._show_long(waiting)
        self._retry.start()

    def _page_look(self, doc: QTextDocument | None = None) -> None:
        """A white sheet with a margin of desk around it; narrower margins in a narrow pane (a small laptop
        window), so the masthead fits without scrolling sideways."""
        self._roomy = roomy = self.viewport().width() >= NARROW_PANE
        root = (doc or self.document()).rootFrame()
        fmt = root.frameFormat()
        fmt.setBackground(QColor("white"))
        fmt.setMargin(14 if roomy else 4)
        fmt.setPadding(30 if roomy else 10)
        fmt.setBorder(1)
        fmt.setBorderBrush(QColor("#9a9996"))
        root.setFrameFormat(fmt)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if (self.viewport().width() >= NARROW_PANE) != self._roomy:
            self._page_look()

    def follow(self, paragraph_id: str) -> None:
        """Scroll the paragraph's first line to the top. Blocks are found by their user state, read once per
        page: HTML anchors cost Qt time growing with the square of their count (30,000: minutes)."""
        if self._places is None:
            self._places = {}
            block = self.document().begin()
            while block.isValid():
                if 0 <= block.userState() < len(self._ids):
                    self._places.setdefault(self._ids[block.userState()], block.position())
                block = block.next()
        position = self._places.get(paragraph_id)
        self._followed, self._follow_later = paragraph_id, ""
        if position is None:
            return
        block = self.document().findBlock(position)
        # not laid out yet: asking where it is would lay out all before it at once; a step more each turn
        if not page_fill.lay_out_toward(self.document(), block.blockNumber()):
            self._follow_later = paragraph_id
            self._retry.start()
            return
        top = self.document().documentLayout().blockBoundingRect(block).top()
        self.verticalScrollBar().setValue(round(top))
