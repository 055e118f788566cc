"""PDFs drawn for the tests of tables read from a page's geometry (tests/core/test_pdf_grid*.py): text set at
given places in a standard font and horizontal rules, as Word draws a table (cell by cell, with joints) or as
one path each."""

from __future__ import annotations

import ctypes
import io
from dataclasses import dataclass, field

import pypdfium2
from pypdfium2 import raw

SIZE = 10.0
PITCH = 12.0  # a wrapped cell's lines
ROW = 18.0  # from row to row


@dataclass
class Page:
    texts: list[tuple[float, float, str]] = field(default_factory=list)  # x, baseline, text
    rules: list[tuple[float, float, float, float]] = field(default_factory=list)  # x0, x1, y, thickness
    strokes: list[tuple[list[tuple[float, float]], float]] = field(default_factory=list)  # points, width


def table_page(
    rows: list[list[str]],
    columns: list[float],
    *,
    right: float = 500.0,
    top: float = 640.0,
    joints: bool = True,
    stroked: bool = False,
    verticals: bool = False,
) -> Page:
    """A table under a paragraph: a thin rule above the header row, a thick one under it and under the last
    row; a cell's text at its column's left edge (plus 4 pt), "\\n" in a cell wraps it onto the next line.
    With `joints`, each rule is drawn a piece a cell, as Word draws it; with `stroked`, a line stroked over the
    table's width (as LibreOffice draws it), and with `verticals` a stroked line down each column's edge."""
    page = Page()
    page.texts.append((72.0, top + 40, "1. Approves the table below:"))
    left = columns[0]
    edges = [*columns, right]

    def rule(y: float, thick: float) -> None:
        if stroked:
            page.strokes.append(([(left, y + thick / 2), (right, y + thick / 2)], thick))
        elif joints:
            for a, b in zip(edges, edges[1:], strict=False):
                page.rules.append((a, b, y, thick))
        else:
            page.rules.append((left, right, y, thick))

    y = top
    rule(y, 0.5)
    for index, row in enumerate(rows):
        y -= ROW
        lines = max(len(cell.split("\n")) for cell in row)
        for k, cell in enumerate(row):
            for n, part in enumerate(cell.split("\n")):
                if part:
                    page.texts.append((edges[k] + 4, y - n * PITCH, part))
        y -= (lines - 1) * PITCH
        if index == 0:
            rule(y - 6, 1.5)
    rule(y - 6, 1.5)
    if verticals:
        page.strokes += [([(x, top), (x, y - 6)], 0.5) for x in edges]
    page.texts.append((72.0, y - 40, "2. Requests the Secretary-General to report thereon."))
    return page


def pdf(*pages: Page, extra: int = 0) -> bytes:
    """The pages as a PDF; `extra` more rule pieces on the first page (a hostile file)."""
    document = pypdfium2.PdfDocument.new()
    font = raw.FPDFText_LoadStandardFont(document.raw, b"Times-Roman")
    for spec in pages:
        page = document.new_page(612, 792)
        for x, y, text in spec.texts:
            obj = raw.FPDFPageObj_CreateTextObj(document.raw, font, SIZE)
            buffer = ctypes.create_string_buffer((text + "\0").encode("utf-16-le"))
            raw.FPDFText_SetText(obj, ctypes.cast(buffer, ctypes.POINTER(ctypes.c_ushort)))
            raw.FPDFPageObj_Transform(obj, 1, 0, 0, 1, x, y)
            raw.FPDFPage_InsertObject(page.raw, obj)
        more = [(100.0 + (k % 300), 101.0 + (k % 300), 50.0 + (k % 40), 0.5) for k in range(extra)]
        for x0, x1, y, thick in [*spec.rules, *more]:
            obj = raw.FPDFPageObj_CreateNewRect(x0, y, x1 - x0, thick)
            raw.FPDFPath_SetDrawMode(obj, 1, 0)
            raw.FPDFPage_InsertObject(page.raw, obj)
        for points, width in spec.strokes:
            obj = raw.FPDFPageObj_CreateNewPath(*points[0])
            for x, y in points[1:]:
                raw.FPDFPath_LineTo(obj, x, y)
            raw.FPDFPageObj_SetStrokeWidth(obj, width)
            raw.FPDFPath_SetDrawMode(obj, 0, 1)
            raw.FPDFPage_InsertObject(page.raw, obj)
        raw.FPDFPage_GenerateContent(page.raw)
        extra = 0
    out = io.BytesIO()
    document.save(out)
    document.close()
    return out.getvalue()
