"""The rules a PDF page draws, horizontal and vertical, as tables' frames need them (app/io/pdf_grid.py).

Writers draw a table's rules in different ways, all of which are read here: Word fills a thin rectangle a cell
(so a rule's joints mark the columns); LibreOffice strokes one line over the table's width and one down each
column's edge; others stroke a rectangle round a cell. A path is taken apart into its straight segments: a
level one is a piece of a horizontal rule (its thickness the stroke's width), an upright one a piece of a
vertical rule; a filled path as thin as a rule is a piece whole. Curves and shaded cells are no rules.
Cost: one pass over the page's objects and their segments, at most MAX_RULES pieces and MAX_SEGMENTS
segments a page (past either, the page draws no frame: a hostile file or a drawing, not a table).
"""

from __future__ import annotations

import ctypes
from dataclasses import dataclass, field

MAX_RULES = 2_000  # rule pieces read on one page (an issued page with tables draws a few hundred)
MAX_SEGMENTS = 20_000  # path segments looked at on one page
RULE_THICKNESS = 2.5  # points: a rule is no thicker than this
MIN_PART_RULE = 10.0  # points: a rule under a part of a header ("Gross" over two columns) at least this
JOINT = 2.5  # points: a piece this narrow is the joint of two cells' rules
LEVEL = 0.2  # points: a segment whose ends' heights differ by no more than this is level (or upright)


@dataclass
class Rule:
    y: float
    left: float
    right: float
    thick: float
    joints: list[float] = field(default_factory=list)  # where one cell's piece meets the next

    @property
    def width(self) -> float:
        return self.right - self.left


@dataclass
class Vertical:
    x: float
    bottom: float
    top: float


Piece = tuple[float, float, float, float]  # bottom, left, right, thickness


def page_rules(raw, page) -> tuple[list[Rule], list[Vertical]]:  # noqa: ANN001 (pypdfium2)
    """The page's horizontal rules, top to bottom, pieces on one line that touch joined into one rule, and its
    vertical rules' pieces."""
    read = _pieces(raw, page)
    if read is None:
        return [], []
    pieces, verticals = read
    pieces.sort(key=lambda p: (-p[0], p[1]))
    rules: list[Rule] = []
    for y, x0, x1, thick in pieces:
        last = rules[-1] if rules else None
        if last and abs(last.y - y) <= 0.8 and x0 <= last.right + 1.0:
            if x1 - x0 <= JOINT:  # a joint piece: the boundary between two cells
                last.joints.append((x0 + x1) / 2)
            elif x0 > last.right - 1.0 and last.right - last.left > JOINT:
                last.joints.append(x0)
            last.right = max(last.right, x1)
            last.thick = max(last.thick, thick)
        else:
            rules.append(Rule(y, x0, x1, thick))
    return [r for r in rules if r.width >= MIN_PART_RULE], verticals


class _Budget:
    def __init__(self) -> None:
        self.pieces: list[Piece] = []
        self.verticals: list[Vertical] = []
        self.segments = 0

    def full(self) -> bool:
        return len(self.pieces) + len(self.verticals) > MAX_RULES or self.segments > MAX_SEGMENTS

    def thin_box(self, left: float, bottom: float, right: float, top: float) -> None:
        """A filled rectangle (or a stroked line's box) as thin as a rule: a piece of one, level or upright."""
        if right - left <= 0 or top - bottom <= 0:
            return
        if top - bottom <= RULE_THICKNESS:  # a joint piece may be taller than wide
            self.pieces.append((round(bottom, 1), left, right, top - bottom))
        elif right - left <= RULE_THICKNESS and top - bottom > right - left:
            self.verticals.append(Vertical((left + right) / 2, bottom, top))


def _pieces(raw, page) -> tuple[list[Piece], list[Vertical]] | None:  # noqa: ANN001
    found = _Budget()
    left, bottom, right, top = (ctypes.c_float() for _ in range(4))
    fill, stroke, width = ctypes.c_int(), ctypes.c_int(), ctypes.c_float()
    for k in range(raw.FPDFPage_CountObjects(page.raw)):
        obj = raw.FPDFPage_GetObject(page.raw, k)
        if raw.FPDFPageObj_GetType(obj) != raw.FPDF_PAGEOBJ_PATH:
            continue
        if not raw.FPDFPageObj_GetBounds(obj, left, bottom, right, top):
            continue
        if not raw.FPDFPath_GetDrawMode(obj, fill, stroke):
            continue
        box = (left.value, bottom.value, right.value, top.value)
        if fill.value:  # filled: the path's box is the piece (Word's rules, a cell's shading is no rule)
            found.thin_box(*box)
        elif stroke.value and raw.FPDFPageObj_GetStrokeWidth(obj, width):
            _stroked(raw, obj, max(width.value, 0.1), found)
        if found.full():
            return None
    return found.pieces, found.verticals


def _stroked(raw, obj, width: float, found: _Budget) -> None:  # noqa: ANN001
    """A stroked path's straight level and upright segments, each a rule's piece `width` thick (not its box:
    PDFium's box of a stroked path reaches past its ends)."""
    count = raw.FPDFPath_CountSegments(obj)
    found.segments += max(count, 0)
    if count <= 0 or found.full():
        return
    matrix = raw.FS_MATRIX()
    if not raw.FPDFPageObj_GetMatrix(obj, matrix):
        return
    scale = abs(matrix.a * matrix.d - matrix.b * matrix.c) ** 0.5
    thick = width * scale
    x, y = ctypes.c_float(), ctypes.c_float()
    start = last = None
    for s in range(count):
        segment = raw.FPDFPath_GetPathSegment(obj, s)
        if not raw.FPDFPathSegment_GetPoint(segment, x, y):
            return
        point = (
            matrix.a * x.value + matrix.c * y.value + matrix.e,
            matrix.b * x.value + matrix.d * y.value + matrix.f,
        )
        kind = raw.FPDFPathSegment_GetType(segment)
        if kind == raw.FPDF_SEGMENT_MOVETO:
            start = point
        elif kind == raw.FPDF_SEGMENT_LINETO and last is not None:
            _line(last, point, thick, found)
        if raw.FPDFPathSegment_GetClose(segment) and start is not None and kind != raw.FPDF_SEGMENT_MOVETO:
            _line(point, start, thick, found)
        last = point


def _line(a: tuple[float, float], b: tuple[float, float], thick: float, found: _Budget) -> None:
    (x0, y0), (x1, y1) = sorted((a, b))
    if thick > RULE_THICKNESS:
        return
    if abs(y1 - y0) <= LEVEL and x1 - x0 > thick:
        found.pieces.append((round((y0 + y1) / 2 - thick / 2, 1), x0, x1, thick))
    elif abs(x1 - x0) <= LEVEL and abs(y1 - y0) > thick:
        found.verticals.append(Vertical((x0 + x1) / 2, min(y0, y1), max(y0, y1)))
