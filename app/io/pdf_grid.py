"""Tables of an issued PDF recovered from its geometry: where each character stands and the rules drawn.

A PDF's text has lost a table's grid, but its page has not. An issued table (a Fifth Committee staffing table,
an appropriation, an annex's figures) is a Word table with the UN's rules: a thin rule above the header, a
thick one under it and under the last row, sometimes thin ones between rows. Word draws each rule cell by cell,
so the joints of a rule mark the table's columns, empty spacer columns included, as the UN's XML has them;
other writers stroke a rule whole and draw vertical rules (app/io/pdf_grid_rules.py reads both).

`page_tables` finds each such frame (at least three rules of which the first and the last span the same width,
or a rule and the thicker header rule at the foot of a page, the table going on over the next), takes the text
lines standing inside it, splits each line where a gap wider than a word space stands, and finds the columns:
the rules' joints, else vertical rules down the body, else the gutters no body line's text crosses. Rows come
from rules and line spacing (app/io/pdf_grid_rows.py). The rows above the thick rule are the header.

A grid the geometry cannot vouch for is given up, its text read as the text reader reads it: a line standing
half inside the frame, text over a cell edge the rules draw, two pieces of a line in one cell of columns
found from gutters (a column missing, or two run together), rows that cannot be told from wrapped lines, fewer
than two columns, a page with more characters than any page of a resolution. Cost: one pass over the page's objects and one over its characters,
on pages that draw a frame only.
"""

from __future__ import annotations

import ctypes
import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field

from app.io.pdf_grid_rows import SAME_LINE, row_groups
from app.io.pdf_grid_rules import JOINT, Rule, Vertical, page_rules
from app.model import MAX_TABLE_COLUMNS, MAX_TABLE_ROWS

MAX_PAGE_CHARS = 30_000  # a dense page of a resolution has some 5,000; past this no grid is looked for
MAX_DOCUMENT_CHARS = 600_000  # characters placed on pages with frames, over a document: some 120 dense pages
FOOT_LINES = 3  # lines a page's foot sets under a table running off it (a symbol, a page number)
MIN_RULE = 40.0  # points: a frame's rule is at least this wide
MAX_FRAME_RULES = 400  # rules of one table on one page (one under each row of a page of rows: some 60)
FRAME_WORK = 8  # rules looked at for frames, per rule of the page (past it the page's other rules stay text)
EDGE = 3.0  # points: how far two rules' ends may stand apart and be the same frame's
GUTTER = 1.0  # of the font size: the least gap between two columns no line's text crosses (rules drawn whole)
GAP = 0.6  # of the font size: a gap this wide between two characters parts two cells
_SPACES = re.compile(r"\s+")


@dataclass
class GridTable:
    """One table of a page: rows of cell texts, the first `header_rows` the header, and the text lines of
    the page's text layer it covers (whitespace squeezed) to find it in the text."""

    rows: list[list[str]]
    header_rows: int
    lines: list[int]  # which of the page's text lines (PDFium's, split at its line breaks) it covers
    page: int = 0
    at_top: bool = False  # the first thing on its page under the page's top rule: a table going on
    more: list[tuple[int, list[int]]] = field(default_factory=list)  # (page, lines) of its later pages
    open: bool = False  # no rule closes it: it runs off its page's foot and must go on on the next page


@dataclass
class _Line:
    baseline: float
    size: float
    pieces: list[tuple[float, float, str]]  # left, right, text
    number: int  # its place among the page's lines


def page_tables(page, textpage, text: str, number: int = 0, grids: PdfGrids | None = None) -> list[GridTable]:  # noqa: ANN001 (pypdfium2)
    """The ruled tables of one page whose grid can be recovered; `text` is the page's text range. `grids`
    counts the characters of a page that draws a frame, whether or not a table is recovered there."""
    from pypdfium2 import raw  # PDFium's C interface

    if len(text) > MAX_PAGE_CHARS or raw.FPDFText_CountChars(textpage.raw) != len(text):
        return []
    rules, verticals = page_rules(raw, page)
    frames = _frames(rules)
    if not frames and not open_frame(rules):
        return []
    if grids is not None:  # each character's place is asked of PDFium below: counted against the document
        grids.chars += len(text)
    lines = sorted(_lines(raw, textpage.raw, text), key=lambda ln: ln.baseline)
    heights = [ln.baseline for ln in lines]  # frames stand apart: each line is looked at for one frame
    frames = _frames(rules, lines) if frames else frames
    last = open_frame(rules[rules.index(frames[-1][-1]) + 1 :] if frames else rules)
    out = []
    for frame in [*frames, *([last] if last else [])]:
        top, bottom = frame[0].y, frame[-1].y
        within = lines[bisect_right(heights, bottom) : bisect_left(heights, top)]
        if frame is last:
            within = _run_off(lines[: bisect_right(heights, bottom)], frame[0]) + within
            if bisect_left(heights, min(ln.baseline for ln in within or lines)) > FOOT_LINES:
                continue  # text goes on under it on the page: no table running off the page's foot
        table = _table(frame, within, verticals, closed=frame is not last)
        if table is not None:
            table.page, table.open = number, frame is last
            table.at_top = _first_on_page(rules, heights, top)
            out.append(table)
    return out


def open_frame(rules: list[Rule]) -> list[Rule]:
    """The rules of a table that runs off the page's foot, under the page's last closed frame: a rule, and
    under it, as wide and thicker, the rule under the header, the page's last rule (the rule under the last
    row stands on a later page). Linear: the rules under each candidate are looked at for the first few
    candidates only."""
    lows, highs = [float("inf")] * (len(rules) + 1), [float("-inf")] * (len(rules) + 1)
    for k in range(len(rules) - 1, -1, -1):  # the reach of the rules under each one
        lows[k], highs[k] = min(lows[k + 1], rules[k].left), max(highs[k + 1], rules[k].right)
    tried = 0
    for i, top in enumerate(rules[:-1]):
        if top.width < MIN_RULE or lows[i + 1] < top.left - EDGE or highs[i + 1] > top.right + EDGE:
            continue
        rest = rules[i + 1 :]
        if len(rest) > MAX_FRAME_RULES:
            continue
        full = [r for r in rest if _full(r, top)]
        if len(full) == 1 and full[0] is rest[-1] and full[0].thick > 1.5 * top.thick:
            return [top, *rest]  # nothing drawn under the header rule (a note's rule: not a table's foot)
        tried += 1
        if tried >= 3:
            break
    return []


def _run_off(below: list[_Line], top: Rule) -> list[_Line]:
    """The lines under an open frame's last rule that go on with its rows, bottom to top as given: up to the
    first that stands out of the frame's width, or after a gap more than twice the widest so far and two font
    sizes (the page's foot)."""
    out: list[_Line] = []
    widest = 0.0
    for line in reversed(below):  # top down
        lo, hi = min(p[0] for p in line.pieces), max(p[1] for p in line.pieces)
        gap = out[-1].baseline - line.baseline if out else 0.0
        if lo < top.left - 2 * EDGE or hi > top.right + 2 * EDGE:
            break
        if out and gap > 2 * widest and gap > 2 * line.size:
            break
        widest = max(widest, gap)
        out.append(line)
    return out[::-1]


def _first_on_page(rules: list[Rule], heights: list[float], top: float) -> bool:
    """No text stands between a frame's top and the page's rule over it (the rule under a running head), or,
    where no rule stands over it, above the frame at all."""
    over = [r.y for r in rules if r.y > top + EDGE]
    ceiling = min(over) if over else float("inf")
    return bisect_left(heights, ceiling) == bisect_right(heights, top)


@dataclass
class PdfGrids:
    """The ruled tables of a document's pages, read page by page; past MAX_DOCUMENT_CHARS characters placed on
    pages with frames (a hostile file of a frame on every page), the later pages are read as text only."""

    tables: list[GridTable] = field(default_factory=list)
    chars: int = 0

    def read_page(self, page, textpage, text: str, number: int) -> None:  # noqa: ANN001 (pypdfium2)
        if self.chars + len(text) <= MAX_DOCUMENT_CHARS:
            # a frame on every page whose text lines stand half outside it found no table and was not counted:
            # 500 such pages had each character's place asked of PDFium (5 million characters: some 18 s)
            self.tables += page_tables(page, textpage, text, number, self)

    def joined(self) -> list[GridTable]:
        self.tables = joined_over_pages(self.tables)
        return self.tables


def joined_over_pages(tables: list[GridTable]) -> list[GridTable]:
    """Tables with a table that goes on over the next page joined into one: the part on the next page stands
    first under the page's top rule and repeats the header (Word repeats a table's header rows). A table that
    runs off its page with no closing rule and does not go on so is none (its lines stay text)."""
    out: list[GridTable] = []
    for table in tables:
        last = out[-1] if out else None
        page = last.more[-1][0] if last and last.more else last.page if last else 0
        if (
            last is not None
            and table.at_top
            and table.page == page + 1
            and table.header_rows
            and last.rows[: last.header_rows] == table.rows[: table.header_rows]
            and len(last.rows) + len(table.rows) <= MAX_TABLE_ROWS
        ):
            last.rows += table.rows[table.header_rows :]
            last.more.append((table.page, table.lines))
            last.open = table.open
            continue
        if last is not None and last.open:
            out.pop()
        out.append(table)
    return out[:-1] if out and out[-1].open else out


# ------------------------------------------------------------------ frames


def _full(rule: Rule, top: Rule) -> bool:
    return abs(rule.left - top.left) <= EDGE and abs(rule.right - top.right) <= EDGE


def _first_table(run: list[Rule]) -> list[Rule]:
    """The rules of the first table of a run: up to the thick rule under its last row, the next thick full
    rule after the one under its header (two tables one under the other share their rules' width)."""
    top = run[0]
    thick = [k for k, r in enumerate(run) if k and _full(r, top) and r.thick > 1.5 * top.thick]
    return run[: thick[1] + 1] if len(thick) >= 2 else run


def _foreign_top(run: list[Rule], lines: list[_Line]) -> bool:
    """Text under the run's top rule, above the next rule, running over a joint of the top rule: Word draws the
    rule over a table's header cell by cell, and no heading crosses its own cell's edge, so the top is another
    table's border (the page's running head, set in two cells over a rule as wide as the page's tables) and
    the text between is the page's paragraphs."""
    top = run[0]
    joints = _joints([top], top)
    if not joints or not lines:
        return False
    heights = [ln.baseline for ln in lines]  # ascending
    between = lines[bisect_right(heights, run[1].y) : bisect_left(heights, top.y)]
    return any(x0 + JOINT < j < x1 - JOINT for ln in between for x0, x1, _ in ln.pieces for j in joints)


def _frames(rules: list[Rule], lines: list[_Line] | None = None) -> list[list[Rule]]:
    """Runs of rules, top to bottom, that open and close on rules of the same width with the ones between
    inside them: at least three (above the header, under it, under the last row). With the page's `lines`
    (by baseline, ascending), a run whose top another table's cells drew is looked for under that top."""
    frames: list[list[Rule]] = []
    i = 0
    # rules looked at: each top scans the rules under it, so rules nested a few hundred deep that never close
    # a frame would cost their count times MAX_FRAME_RULES; issued pages look at twice their rules at most
    budget = MAX_FRAME_RULES + FRAME_WORK * len(rules)
    while i < len(rules) and budget > 0:
        top = rules[i]
        run, end = [top], i
        if top.width < MIN_RULE:  # never a frame's top, however many rules stand under it
            i += 1
            continue
        for k in range(i + 1, min(len(rules), i + MAX_FRAME_RULES)):
            budget -= 1
            r = rules[k]
            if r.left < top.left - EDGE or r.right > top.right + EDGE:
                break
            run.append(r)
            if _full(r, top):
                end = k
        run = _first_table(run[: end - i + 1])
        end = i + len(run) - 1
        if len(run) >= 3 and not (lines and _foreign_top(run, lines)):
            frames.append(run)
            i = end + 1
        else:
            i += 1
    return frames


# ------------------------------------------------------------------ lines of text


def _lines(raw, textpage, text: str) -> list[_Line]:  # noqa: ANN001
    """The page's text lines (PDFium's, split at its line breaks) with each line's pieces of text between
    gaps wider than a word space, and its baseline and font size."""
    out: list[_Line] = []
    left, right, bottom, top = (ctypes.c_double() for _ in range(4))
    x, y = ctypes.c_double(), ctypes.c_double()
    start = 0
    for number, line in enumerate(text.split("\r\n")):
        pieces: list[tuple[float, float, str]] = []
        baselines: list[float] = []
        size = 0.0
        piece_start, piece_left, last_right, last_k = -1, 0.0, 0.0, 0
        for k, ch in enumerate(line):
            if ch.isspace():
                continue
            raw.FPDFText_GetCharBox(textpage, start + k, left, right, bottom, top)
            raw.FPDFText_GetCharOrigin(textpage, start + k, x, y)
            size = max(size, raw.FPDFText_GetFontSize(textpage, start + k))
            baselines.append(y.value)
            if piece_start >= 0 and left.value - last_right > GAP * max(size, 1.0):
                pieces.append((piece_left, last_right, line[piece_start : last_k + 1]))
                piece_start = -1
            if piece_start < 0:
                piece_start, piece_left, last_right = k, left.value, right.value
            last_right, last_k = max(last_right, right.value), k
        if piece_start >= 0:
            pieces.append((piece_left, last_right, line[piece_start : last_k + 1]))
        if pieces:
            baselines.sort()
            out.append(_Line(baselines[len(baselines) // 2], size, pieces, number))
        start += len(line) + 2
    return out


def _squeezed(text: str) -> str:
    return _SPACES.sub(" ", text).strip()


# ------------------------------------------------------------------ one table


def _joints(rules: list[Rule], top: Rule) -> list[float]:
    """The joints of `rules`, one a few tenths of a point apart from rule to rule (thin and thick pieces)
    taken as one."""
    joints = sorted(j for r in rules for j in r.joints if top.left + JOINT < j < top.right - JOINT)
    clusters: list[list[float]] = []
    for j in joints:
        if clusters and j - clusters[-1][-1] <= EDGE:
            clusters[-1].append(j)
        else:
            clusters.append([j])
    return [sum(c) / len(c) for c in clusters]


def _columns(frame: list[Rule], lines: list[_Line], verticals: list[Vertical]) -> tuple[list[float], bool]:
    """The boundaries between columns: the joints of the frame's full rules, else the vertical rules drawn down
    its body, else the gutters no line's piece crosses; and whether they are gutters."""
    top = frame[0]
    joints = _joints([r for r in frame if _full(r, top)], top)
    if joints:
        return joints, False
    drawn = _vertical_bounds(frame, lines, verticals)
    if drawn:
        return drawn, False
    edges = sorted(x for r in frame if not _full(r, top) for x in (r.left, r.right))
    return _gutters(lines, edges), True


def _gutters(lines: list[_Line], edges: list[float]) -> list[float]:
    """The gutters no piece of the body's `lines` crosses (a column whose cells are all empty has none: its
    heading then shares a cell with another, and the table is given up). A boundary stands at a cell's edge
    the rules show in the gutter (the end of a rule under a heading merged over columns), else next to the
    column whose pieces line up on that side only (figures set right end together), else midway."""
    spans = sorted((p[0], p[1]) for line in lines for p in line.pieces)
    sizes = sorted(line.size for line in lines)
    gutter = GUTTER * (sizes[len(sizes) // 2] if sizes else 10.0)  # wider than two spaces typed in a cell
    columns: list[list[tuple[float, float]]] = [[spans[0]]] if spans else []
    reach = spans[0][1] if spans else 0.0
    for x0, x1 in spans[1:]:
        if x0 - reach >= gutter:
            columns.append([])
        columns[-1].append((x0, x1))
        reach = max(reach, x1)
    out: list[float] = []
    for a, b in zip(columns, columns[1:], strict=False):
        a1, b0 = max(x1 for _, x1 in a), min(x0 for x0, _ in b)
        drawn = [e for e in edges if a1 < e < b0]
        if drawn:
            out.append(drawn[0])
        elif _aligned(a) == "right":
            out.append(min(a1 + EDGE, (a1 + b0) / 2))  # a column set right ends here
        elif _aligned(b) == "left":
            out.append(max(b0 - EDGE, (a1 + b0) / 2))  # a column set left starts here
        else:
            out.append((a1 + b0) / 2)
    return out


def _aligned(column: list[tuple[float, float]]) -> str:
    """'left' or 'right' where a column's pieces line up on that side only (pieces all as wide say neither)."""
    if len(column) < 2:
        return ""
    left = max(x0 for x0, _ in column) - min(x0 for x0, _ in column) <= 1.0
    right = max(x1 for _, x1 in column) - min(x1 for _, x1 in column) <= 1.0
    return "left" if left and not right else "right" if right and not left else ""


def _vertical_bounds(frame: list[Rule], lines: list[_Line], verticals: list[Vertical]) -> list[float]:
    """Vertical rules inside the frame that run down most of the height its `lines` stand in (a merged
    header cell breaks them above the body)."""
    top = frame[0]
    if not lines or not verticals:
        return []
    low = min(ln.baseline for ln in lines)
    high = max(ln.baseline + ln.size * 0.7 for ln in lines)
    cover: dict[int, list[float]] = {}
    for v in verticals:
        if top.left + EDGE < v.x < top.right - EDGE and v.top > low and v.bottom < high:
            key = round(v.x / EDGE)
            got = cover.setdefault(key, [0.0, 0.0, 0.0])  # length covered, sum of x, pieces
            got[0] += min(v.top, high) - max(v.bottom, low)
            got[1] += v.x
            got[2] += 1
    found = sorted(x / n for length, x, n in cover.values() if length >= 0.8 * (high - low))
    return [x for k, x in enumerate(found) if not k or x - found[k - 1] > EDGE]


def _spans(bounds: list[float], lines: list[_Line]) -> list[tuple[float, float]]:
    """Each column's reach as the body's pieces show it (from its leftmost start to its rightmost end)."""
    spans = [(float("inf"), float("-inf"))] * (len(bounds) + 1)
    for line in lines:
        for x0, x1, _ in line.pieces:
            k = _column(bounds, x0, x1)
            spans[k] = (min(spans[k][0], x0), max(spans[k][1], x1))
    return spans


def _placed(bounds: list[float], spans: list[tuple[float, float]], x0: float, x1: float) -> int:
    """The column of a piece where the columns are gutters: the first whose body it mostly covers or is
    mostly covered by (a heading centred over its figures, wider than they); one standing in a gutter is the
    next column's; a piece reaching well over a boundary both ways is a cell merged over columns (its text in
    the first); else the column its middle stands in."""
    if not spans:
        return _column(bounds, x0, x1)
    for k, (lo, hi) in enumerate(spans):
        if lo < hi and min(x1, hi) - max(x0, lo) >= 0.5 * min(hi - lo, x1 - x0):
            return k
    for k in range(len(spans) - 1):
        if spans[k][1] <= x0 and x1 <= spans[k + 1][0]:
            return k + 1  # in a gutter: the heading of the column after it, centred over figures set right
    third = (x1 - x0) / 3
    crossed = [k for k, b in enumerate(bounds) if x0 + third < b < x1 - third]
    if crossed:
        return crossed[0]
    return bisect_left(bounds, (x0 + x1) / 2)


def _column(bounds: list[float], x0: float, x1: float) -> int:
    """The column a piece of text from x0 to x1 stands in: a piece that runs over a column's edge stands in a
    cell merged over the columns it covers (a heading centred over the figures' columns), whose text the
    model keeps in its first column."""
    edges = [float("-inf"), *bounds, float("inf")]
    overlaps = [min(x1, edges[k + 1]) - max(x0, edges[k]) for k in range(len(edges) - 1)]
    least = min(JOINT, (x1 - x0) / 2)
    return next(
        (k for k, o in enumerate(overlaps) if o > least), max(range(len(overlaps)), key=overlaps.__getitem__)
    )


def _table(
    frame: list[Rule], lines: list[_Line], verticals: list[Vertical], closed: bool = True
) -> GridTable | None:
    top = frame[0]
    inside: list[_Line] = []
    for line in lines:
        lo = min(p[0] for p in line.pieces)
        hi = max(p[1] for p in line.pieces)
        if hi < top.left or lo > top.right:
            continue  # beside the frame (a margin's text)
        if lo < top.left - 2 * EDGE or hi > top.right + 2 * EDGE:
            return None  # a line half inside: not a table's
        inside.append(line)
    if not inside:
        return None
    head_rule = _header_rule(frame) if closed else next(r for r in frame[1:] if _full(r, top))
    body = [ln for ln in inside if head_rule is None or ln.baseline < head_rule.y]
    bounds, gutters = _columns(frame, body or inside, verticals)
    if not bounds or len(bounds) + 1 > MAX_TABLE_COLUMNS:
        return None
    spans = _spans(bounds, body or inside) if gutters else []
    if (gutters and _crowded(inside, bounds, spans)) or _crosses_drawn(inside, frame, verticals, head_rule):
        return None
    read = _rows(frame, inside, bounds, head_rule, spans)
    if read is None or len(read[0]) > MAX_TABLE_ROWS or len(read[0]) < 2:
        return None
    return GridTable(read[0], read[1], sorted(ln.number for ln in inside))


def _crosses_drawn(
    lines: list[_Line], frame: list[Rule], verticals: list[Vertical], head: Rule | None
) -> bool:
    """A piece of text running over a cell's edge the page draws (in the body, a joint of the rule under its
    row; a vertical rule beside it): no table's grid prints so; the frame is not the table it looks like."""
    top = frame[0]
    below = [-r.y for r in frame]
    drawn = sorted(
        (v.x, v.bottom, v.top)
        for v in verticals
        if top.left + EDGE < v.x < top.right - EDGE and v.top >= frame[-1].y and v.bottom <= top.y
    )
    xs = [v[0] for v in drawn]
    for line in lines:
        k = bisect_left(below, -line.baseline)  # the frame's rules above it: the next is the one under it
        under = frame[k] if k < len(frame) else None
        body = head is None or line.baseline < head.y  # a header's cell may span a joint of the rule under it
        joints = _joints([under], top) if body and under is not None and _full(under, top) else []
        for x0, x1, _ in line.pieces:
            if any(x0 + JOINT < j < x1 - JOINT for j in joints):
                return True
            lo, hi = bisect_right(xs, x0 + JOINT), bisect_left(xs, x1 - JOINT)
            if hi - lo > MAX_TABLE_COLUMNS or any(
                drawn[i][1] <= line.baseline <= drawn[i][2] for i in range(lo, hi)
            ):
                return True
    return False


def _crowded(lines: list[_Line], bounds: list[float], spans: list[tuple[float, float]]) -> bool:
    """Two pieces of one line (text set apart by more than a word space) falling in one cell: where the columns
    are gutters, the heading of a column whose cells are all empty (the column is missing), or two columns run
    together where a line's text comes closer than a gutter."""
    sizes = sorted(line.size for line in lines)
    apart = GAP * (sizes[len(sizes) // 2] if sizes else 10.0)
    printed: list[list[tuple[float, float, str]]] = []  # PDFium may cut one printed line in several
    last = None
    for line in sorted(lines, key=lambda ln: -ln.baseline):
        if last is None or last - line.baseline > SAME_LINE * max(line.size, 1.0):
            printed.append([])
            last = line.baseline
        printed[-1] += line.pieces
    for pieces in printed:
        ends: dict[int, float] = {}
        for x0, x1, _ in sorted(pieces):
            k = _placed(bounds, spans, x0, x1)
            if k in ends and x0 - ends[k] >= apart:
                return True
            ends[k] = max(ends.get(k, x1), x1)
    return False


def _header_rule(frame: list[Rule]) -> Rule | None:
    """The rule under the header: the first full rule under the top one that is thicker than it, else the
    first full one (not the last)."""
    top = frame[0]
    full = [r for r in frame[1:-1] if _full(r, top)]
    thick = [r for r in full if r.thick > 1.5 * top.thick]
    return (thick or full or [None])[0]


def _rows(
    frame: list[Rule],
    lines: list[_Line],
    bounds: list[float],
    head_rule: Rule | None,
    spans: list[tuple[float, float]],
) -> tuple[list[list[str]], int] | None:
    """Lines gathered into rows of cells (app/io/pdf_grid_rows.py), top to bottom, and how many rows stand
    above the header rule; None where rows cannot be told from wrapped lines."""
    below = [-r.y for r in frame]  # ascending: how many of the frame's rules stand above a height

    def above(y: float) -> int:
        return bisect_left(below, -y)

    def column(x0: float, x1: float) -> int:
        return _placed(bounds, spans, x0, x1)

    read = row_groups(lines, above, head_rule.y if head_rule is not None else None, column)
    if read is None:
        return None
    groups, header_rows = read
    jointed = bool(_joints([r for r in frame if _full(r, frame[0])], frame[0]))
    unders = [frame[k] if (k := above(min(ln.baseline for ln in g))) < len(frame) else None for g in groups]
    rows = [_cells(g, frame, bounds, jointed, u, spans) for g, u in zip(groups, unders, strict=True)]
    return rows, header_rows


def _cells(
    group: list[_Line],
    frame: list[Rule],
    bounds: list[float],
    jointed: bool,
    under: Rule | None,
    spans: list[tuple[float, float]],
) -> list[str]:
    """One row's cells. Word draws the rule `under` a row cell by cell, so where that rule has fewer joints
    than the table, a cell spans columns: its text goes in the first of them, as the model keeps a merged
    cell. A header's partial rules say nothing of spans."""
    row = [""] * (len(bounds) + 1)
    own = _joints([under], frame[0]) if jointed and under is not None and _full(under, frame[0]) else bounds
    for line in group:
        for x0, x1, piece in line.pieces:
            cell = _column(own, x0, x1)
            left = own[cell - 1] if cell else float("-inf")
            k = (
                _placed(bounds, spans, x0, x1)
                if own is bounds
                else sum(1 for b in bounds if b <= left + EDGE)
            )
            row[k] = f"{row[k]} {_squeezed(piece)}".strip()
    return row
