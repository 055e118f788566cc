"""A draft as PDF: app.print_layout lays out the pages, Qt measures and draws the words (QPdfWriter).

No LibreOffice or Word is needed. The font is Liberation Serif (metric-compatible with Times New Roman, SIL OFL
1.1), shipped in resources/fonts and embedded by Qt. Qt's rich-text layout (QTextDocument) was the first cut;
it cannot put footnotes at the foot of their page, alternate running heads or set the issued set width, so
the layout is done in the core and Qt only supplies glyph widths and the PDF.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF, QPointF, QRectF, QSizeF
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontDatabase,
    QGlyphRun,
    QGuiApplication,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QRawFont,
    QTransform,
)

from app.atomic import write_atomic
from app.errors import SaveError
from app.io.docx_layout import layout_for_paper
from app.model import Resolution
from app.paths import resource
from app.print_layout import Font, Rule, Text, lay_out
from app.render import render

FAMILY = "Liberation Serif"


def _load_fonts() -> None:
    for path in sorted(resource("fonts").glob("*.ttf")):
        QFontDatabase.addApplicationFont(str(path))


class _QtFonts:
    """The layout's fonts as Qt raw fonts at the PDF's 72 dpi (a pixel is a point), measured and drawn glyph by
    glyph: Qt's PDF output ignores a QFont's letter spacing, and the issued set width needs it."""

    def __init__(self) -> None:
        self.fonts: dict[Font, QRawFont] = {}
        self.known: dict[tuple[str, Font], tuple[list[int], list[float]]] = {}  # words repeat: measure once
        self.widths: dict[tuple[str, Font], float] = {}
        self.runs: dict[tuple[str, Font], QGlyphRun] = {}

    def get(self, font: Font) -> QRawFont:
        if font not in self.fonts:
            q = QFont(FAMILY)
            q.setPointSizeF(font.size)
            q.setBold(font.bold)
            q.setItalic(font.italic)
            q.setKerning(False)  # Word sets text unkerned
            q.setHintingPreference(QFont.HintingPreference.PreferNoHinting)
            raw = QRawFont.fromFont(q)
            raw.setPixelSize(font.size)
            self.fonts[font] = raw
        return self.fonts[font]

    def advances(self, text: str, font: Font) -> tuple[QRawFont, list[int], list[float]]:
        raw = self.get(font)
        found = self.known.get((text, font))
        if found is None:
            glyphs = raw.glyphIndexesForString(text)
            found = self.known[text, font] = (glyphs, [a.x() for a in raw.advancesForGlyphIndexes(glyphs)])
        return raw, *found

    def __call__(self, text: str, font: Font) -> float:
        width = self.widths.get((text, font))
        if width is None:
            width = self.widths[text, font] = sum(self.advances(text, font)[2])
        return width

    def run(self, text: str, font: Font) -> QGlyphRun:
        """The glyphs of `text` placed from 0, each after the one before plus the font's tracking (a word is
        laid out once however often it is printed)."""
        found = self.runs.get((text, font))
        if found is None:
            raw, glyphs, advances = self.advances(text, font)
            step = font.tracking / (
                font.scale / 100
            )  # the tracking is in points on the page, after the scale
            positions, x = [], 0.0
            for advance in advances:
                positions.append(QPointF(x, 0))
                x += advance + step
            found = self.runs[text, font] = QGlyphRun()
            found.setRawFont(raw)
            found.setGlyphIndexes(glyphs)
            found.setPositions(positions)
        return found


def write_pdf(res: Resolution, out: Path) -> None:
    """Write `res` as a PDF at `out` (needs a Qt application; one is created offscreen if none runs).

    Drawn in memory and saved like every other file (atomically): Qt writing to the path itself printed
    warnings and left nothing, with no error, where the path was a folder or could not be written."""
    write_atomic(Path(out), pdf_bytes(res))


def pdf_bytes(res: Resolution) -> bytes:
    """`res` as the bytes of a PDF."""
    if QGuiApplication.instance() is None:
        # a full QApplication, not a bare QGuiApplication: a window opened later in the same process (the editor
        # after a command, or the next test) needs one, and Qt cannot replace the application once made
        from PySide6.QtWidgets import QApplication

        QApplication(["resolute", "-platform", "offscreen"])
    _load_fonts()
    r = render(res)
    layout = layout_for_paper(r.template.paper)
    page = layout.page
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setResolution(72)  # a device pixel is a point: the layout's numbers are used as they are
    writer.setTitle(r.title or r.symbol)
    writer.setCreator("Resolute")
    size = QPageSize(
        QSizeF(page.width, page.height), QPageSize.Unit.Point, "", QPageSize.SizeMatchPolicy.FuzzyMatch
    )
    writer.setPageLayout(
        QPageLayout(size, QPageLayout.Orientation.Portrait, QMarginsF(0, 0, 0, 0), QPageLayout.Unit.Point)
    )
    fonts = _QtFonts()
    pages = lay_out(r, layout, fonts)
    painter = QPainter(writer)
    if not painter.isActive():
        raise SaveError("cannot draw the PDF (Qt's PDF writer did not start)")
    black = QColor(0, 0, 0)
    try:
        for number, printed in enumerate(pages):
            if number:
                writer.newPage()
            for item in printed.items:
                if isinstance(item, Rule):
                    painter.resetTransform()  # text sets its own
                    painter.fillRect(QRectF(item.x0, item.y, item.x1 - item.x0, item.width), black)
                elif isinstance(item, Text):
                    _draw_text(painter, fonts, item)
    finally:
        painter.end()
    buffer.close()
    return bytes(data.data())


def _draw_text(painter: QPainter, fonts: _QtFonts, item: Text) -> None:
    stretch = item.font.scale / 100
    painter.setTransform(QTransform(stretch, 0, 0, 1, item.x, item.y))  # no save and restore: one call
    painter.drawGlyphRun(QPointF(0, 0), fonts.run(item.text, item.font))
