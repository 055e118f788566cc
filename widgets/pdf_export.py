"""A draft as PDF, drawn by Qt from app.render's model with the measured layout (resources/layout/*.toml).

Qt lays out the text (QTextDocument) and writes the PDF (QPdfWriter), so no LibreOffice or Word is needed. The
font is Liberation Serif (metric-compatible with Times New Roman, SIL OFL 1.1), shipped in resources/fonts and
embedded by Qt. First cut: masthead, agenda, sponsor line, title, organ line, numbered paragraphs with italic
openers and first-line indents, footnotes after the text, page numbers.
"""

from __future__ import annotations

from html import escape
from pathlib import Path

from PySide6.QtCore import QMarginsF, QRectF, QSizeF
from PySide6.QtGui import (
    QFontDatabase,
    QGuiApplication,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QTextDocument,
)

from app import inline
from app.io.docx_layout import Layout, layout_for_paper
from app.io.docx_writer import _block_style
from app.model import Resolution
from app.paths import resource
from app.render import Block, Rendered, join_opener, render

FAMILY = "Liberation Serif"


def _load_fonts() -> str:
    for path in sorted(resource("fonts").glob("*.ttf")):
        QFontDatabase.addApplicationFont(str(path))
    return FAMILY


def _spans_html(block: Block, numbers: dict[str, str]) -> str:
    out = []
    for s in block.body_spans:
        if s.footnote:
            if s.footnote in numbers:
                out.append(f"<sup>{numbers[s.footnote]}</sup>")
        elif s.italic:
            out.append(f"<i>{escape(s.text)}</i>")
        else:
            out.append(escape(s.text))
    text = "".join(out) + escape(block.end)
    text += "".join(f"<sup>{numbers[n]}</sup>" for n in block.notes_after if n in numbers)
    if block.opener:
        opened, _, _ = join_opener(block.opener, "\x00").partition("\x00")  # the opener and its joining space
        text = f"<i>{escape(opened)}</i>{text}"
    return text


def _para(style, html: str, *, align: str | None = None) -> str:
    css = (
        # px: the writer's resolution is 72 dpi, so a pixel is a point (Qt's rich text ignores pt in margins)
        f"margin-left:{style.left}px; margin-right:{style.right}px; margin-top:{style.before}px;"
        f" margin-bottom:{style.after}px; text-indent:{style.first_line}px; font-size:{style.size}pt;"
        f" line-height:{style.line}px;"
    )
    if style.bold:
        css += " font-weight:bold;"
    a = align or ("justify" if getattr(style, "align", "") == "justify" else "left")
    return f'<p align="{a}" style="{css}">{html}</p>'


def _symbol(symbol: str, m) -> str:
    """The symbol as the masthead prints it: the first letter large, the rest at text size."""
    if not symbol:
        return ""
    return (
        f'<span style="font-size:{m.symbol.letter_size}pt;">{escape(symbol[0])}</span>'
        f'<span style="font-size:{m.symbol.size}pt;">{escape(symbol[1:])}</span>'
    )


def _html(r: Rendered, layout: Layout) -> str:
    st = layout.styles
    m = layout.masthead
    parts = [
        '<table width="100%" cellspacing="0" cellpadding="0" style="border-bottom:1.5pt solid black;"><tr>',
        f'<td width="{m.columns[0]}"></td>',
        f'<td width="{m.columns[1]}"><p style="font-size:14pt;">United Nations</p></td>',
        f'<td width="{m.columns[2]}"><p align="right">{_symbol(r.symbol, m)}</p></td>',
        "</tr><tr>",
        f'<td></td><td><p style="font-size:20pt; font-weight:bold;">{escape(r.organ)}</p></td>',
        f"<td><p>{escape(r.distribution)}<br/>{escape(r.date)}<br/><br/>{escape(r.original)}</p></td>",
        "</tr></table>",
    ]
    for line in r.agenda:
        name = f"agenda_{line.style}" if f"agenda_{line.style}" in st else "body"
        parts.append(_para(st[name], escape(line.text), align="left"))
    if r.sponsor_line:
        parts.append(_para(st["sponsor_line"], escape(r.sponsor_line), align="left"))
    if r.title:
        title = "".join(f"<i>{escape(s.text)}</i>" if s.italic else escape(s.text) for s in r.title_spans)
        parts.append(_para(st["title"], title, align="left"))
    if r.organ_line:
        organ = f"<i>{escape(r.organ_line)}</i>" + ("," if r.organ_comma else "")
        parts.append(_para(st["organ_line"], organ))
    for block in r.blocks:
        style = st.get(_block_style(block), st["body"])
        label = f"{escape(block.label)}&#160;&#160;&#160;" if block.label else ""
        parts.append(_para(style, label + _spans_html(block, r.footnote_marks)))
    if r.footnotes:
        fn = st["footnote_text"]
        parts.append('<hr width="30%" align="left"/>')
        for _, note_id, markup in r.footnotes:
            text = "".join(
                f"<i>{escape(s.text)}</i>" if s.italic else escape(s.text) for s in inline.parse(markup)
            )
            mark = escape(r.footnote_marks[note_id])  # its number, or its own symbol ("**")
            parts.append(_para(fn, f"<sup>{mark}</sup> {text}", align="left"))
    return "".join(parts)


def write_pdf(res: Resolution, out: Path) -> None:
    """Write `res` as a PDF at `out` (needs a QGuiApplication; one is created offscreen if none runs)."""
    app = QGuiApplication.instance() or QGuiApplication(["resolute", "-platform", "offscreen"])
    assert app is not None
    family = _load_fonts()
    r = render(res)
    layout = layout_for_paper(r.template.paper)
    page = layout.page
    writer = QPdfWriter(str(out))
    writer.setResolution(72)
    writer.setTitle(r.title or r.symbol)
    writer.setCreator("Resolute")
    size = QPageSize(
        QSizeF(page.width, page.height), QPageSize.Unit.Point, "", QPageSize.SizeMatchPolicy.FuzzyMatch
    )
    writer.setPageLayout(
        QPageLayout(size, QPageLayout.Orientation.Portrait, QMarginsF(0, 0, 0, 0), QPageLayout.Unit.Point)
    )
    doc = QTextDocument()
    doc.setDocumentMargin(0)
    font = doc.defaultFont()
    font.setFamily(family)
    font.setPointSizeF(layout.font_size)
    doc.setDefaultFont(font)
    doc.setHtml(_html(r, layout))
    body_w = page.width - page.left - page.right
    body_h = page.height - page.top - page.bottom
    doc.setPageSize(QSizeF(body_w, body_h))
    painter = QPainter(writer)
    try:
        pages = doc.pageCount()
        for i in range(pages):
            if i:
                writer.newPage()
            painter.save()
            painter.translate(page.left, page.top - i * body_h)
            doc.drawContents(painter, QRectF(0, i * body_h, body_w, body_h))
            painter.restore()
            painter.setFont(font)
            if i:
                painter.drawText(QRectF(page.left, page.header, body_w, 14), 0, r.symbol)
            painter.drawText(
                QRectF(page.left, page.height - page.footer - 12, body_w, 14), 0x0004, str(i + 1)
            )
    finally:
        painter.end()
