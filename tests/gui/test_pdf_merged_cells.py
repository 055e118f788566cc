"""Merged cells in the PDF export, read back from the PDF: issued UN XML tables (A/RES/75/293's annexes, whose
department names run down several rows, and A/RES/79/255's figures over two columns) exported to PDF, each
merged cell's text found once, inside the box of the rows and columns it spans, with no rule across it; a
cell merged down the rows runs on beside the rows under its first, which start where their own row above
ends, not below the merged text.

The merges and the cells' words come from the XML's markup (tests/table_markup.py); the columns and rows from
the PDF's own characters (pdfminer): each column's left edge where its header prints, each row's top where its
cells' first lines print."""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path

import pytest
from lxml import etree
from pdfminer.high_level import extract_pages
from pdfminer.layout import LTChar, LTCurve

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from table_markup import AKN, header_rows, markup_merges  # noqa: E402

from app.io.akn_reader import read_akn  # noqa: E402
from widgets.pdf_export import pdf_bytes  # noqa: E402

AKN_DIR = Path(__file__).resolve().parent.parent / "fixtures" / "akn"
ISSUED = ["A_RES_75_293-2108996E.xml", "A_RES_79_255-2424696E.xml"]
GAP = 4.5  # points between two characters that are not in one run of words (a space is about 2.5)


@dataclass(frozen=True)
class Char:
    page: int
    baseline: float  # from the page's top
    x0: float
    x1: float
    text: str

    @property
    def at(self) -> tuple[int, float, float]:
        return self.page, self.baseline, self.x0


@dataclass(frozen=True)
class Line:  # a rule: a filled rectangle or a stroke, as thin as a rule
    page: int
    y: float
    x0: float
    x1: float


def _read(data: bytes, path: Path) -> tuple[list[Char], list[Line]]:
    path.write_bytes(data)
    chars, rules = [], []
    for number, page in enumerate(extract_pages(str(path))):
        stack = list(page)
        while stack:
            item = stack.pop()
            if isinstance(item, LTChar) and item.get_text().isalnum():
                base = round(page.height - item.matrix[5], 1)
                chars.append(Char(number, base, item.x0, item.x1, item.get_text()))
            elif isinstance(item, LTCurve) and item.height < 3 and item.width > 3:
                rules.append(Line(number, page.height - item.y1, item.x0, item.x1))
            elif hasattr(item, "__iter__"):
                stack += list(item)
    return sorted(chars, key=lambda c: c.at), rules


def _squash(text: str) -> str:
    """Letters and digits only: a hyphen or dash may print as another glyph, or none (U+2011 in a cell)."""
    return "".join(ch for ch in text if ch.isalnum())


class _Table:
    """One table of the markup found on the exported pages."""

    def __init__(self, table: etree._Element, chars: list[Char], rules: list[Line]) -> None:
        self.merges, self.grid = markup_merges(table)
        self.heads = header_rows(table)
        self.chars, self.rules = chars, rules
        self.width = len(self.grid[0])
        self.lefts: dict[int, float] = {}
        self.cells: dict[tuple[int, int], list[Char]] = {}
        self._columns()
        self._place()

    def span(self, r: int, c: int) -> tuple[int, int]:
        for mr, mc, h, w in self.merges:
            if (mr, mc) == (r, c):
                return h, w
        return 1, 1

    def _columns(self) -> None:
        """Each column's left edge from a header row printed on one line, each of its cells a run of characters
        starting the cell's text; the table's edges from the rule over the header."""
        covered = {(r + i, c + j) for r, c, h, w in self.merges for i in range(h) for j in range(w)}
        for row in range(self.heads):
            own = [(k, _squash(t)) for k, t in enumerate(self.grid[row]) if t and (row, k) not in covered]
            for runs in self._runs():
                texts = ["".join(c.text for c in run) for run in runs]
                if len(runs) == len(own) and all(
                    t.startswith(x) for (_, t), x in zip(own, texts, strict=True)
                ):
                    self.lefts.update({k: run[0].x0 for (k, _), run in zip(own, runs, strict=True)})
                    head = runs[0][0]
                    break
            if self.lefts:
                break
        assert self.lefts, "no header row found on the page"
        over = [r for r in self.rules if r.page == head.page and r.y < head.baseline]
        rule = max(over, key=lambda r: r.y)  # the thin rule over the header
        self.left, self.right = rule.x0, rule.x1
        self.start = (head.page, rule.y, 0.0)

    def _runs(self) -> list[list[list[Char]]]:
        lines: dict[tuple[int, float], list[Char]] = {}
        for c in self.chars:
            lines.setdefault((c.page, c.baseline), []).append(c)
        out = []
        for line in lines.values():
            runs = [[line[0]]]
            for a, b in zip(line, line[1:], strict=False):
                if b.x0 - a.x1 > GAP:
                    runs.append([])
                runs[-1].append(b)
            out.append(runs)
        return out

    def band(self, c: int, w: int) -> tuple[float, float]:
        """The x range of columns c to c + w - 1, from the nearest column edges known."""
        lo = max((x for k, x in self.lefts.items() if k <= c), default=self.left)
        hi = min((x for k, x in self.lefts.items() if k >= c + w), default=self.right)
        return min(lo, self.lefts.get(c, lo)), hi

    def _place(self) -> None:
        """Each cell's characters: its text's characters in reading order among those in its columns, after the
        cells above it in those columns."""
        start = self.start
        ends: list[tuple[tuple[float, float], tuple[int, float, float]]] = []
        for r, row in enumerate(self.grid):
            for c, text in enumerate(row):
                want = _squash(text)
                if not want:
                    continue
                _, w = self.span(r, c)
                lo, hi = self.band(c, w)
                after = max([e for (a, b), e in ends if a < hi and b > lo] + [start])
                pool = [ch for ch in self.chars if ch.at > after and lo - 0.5 <= ch.x0 < hi]
                joined = "".join(ch.text for ch in pool)
                at = joined.find(want)
                assert at >= 0, f"cell {r},{c} {text!r} is not printed in its columns"
                self.cells[r, c] = pool[at : at + len(want)]
                ends.append(((lo, hi), self.cells[r, c][-1].at))

    def top(self, row: int) -> tuple[int, float] | None:
        firsts = [(cs[0].page, cs[0].baseline) for (r, _), cs in self.cells.items() if r == row]
        return min(firsts, default=None)

    def bottom(self, row: int) -> tuple[int, float] | None:
        """Where the row's own cells end: those in it alone and those merged down to it."""
        lasts = [
            (cs[-1].page, max(ch.baseline for ch in cs if ch.page == cs[-1].page))
            for (r, c), cs in self.cells.items()
            if r + self.span(r, c)[0] - 1 == row and (r == row or self.span(r, c)[0] > 1)
        ]
        return max(lasts, default=None)


@pytest.fixture(scope="module", params=ISSUED)
def printed(request: pytest.FixtureRequest, qapp, tmp_path_factory: pytest.TempPathFactory) -> list[_Table]:  # noqa: ANN001
    name = request.param
    data = (AKN_DIR / name).read_bytes()
    chars, rules = _read(
        pdf_bytes(read_akn(data, name=name).resolution), tmp_path_factory.mktemp("m") / "t.pdf"
    )
    tables = list(etree.fromstring(data).iter(f"{AKN}table"))
    assert tables
    out, done = [], (0, 0.0, 0.0)
    for table in tables:  # one after the other down the pages
        found = _Table(table, [c for c in chars if c.at > done], rules)
        out.append(found)
        done = max(cs[-1].at for cs in found.cells.values())
    return out


def test_each_merged_cell_prints_once_inside_its_span(printed: list[_Table]) -> None:
    merged = 0
    for table in printed:
        for r, c, h, w in table.merges:
            cell = table.cells.get((r, c))
            if cell is None:
                continue  # an empty merged cell prints nothing
            merged += 1
            lo, hi = table.band(c, w)
            assert all(lo - 0.5 <= ch.x0 and ch.x1 <= hi + 0.5 for ch in cell), (r, c, table.grid[r][c])
            top = table.top(r)
            assert (cell[0].page, cell[0].baseline) == top, f"{table.grid[r][c]!r} is not at its row's top"
            below = [t for j in range(r + h, len(table.grid)) if (t := table.top(j))]
            if below:
                assert (cell[-1].page, cell[-1].baseline) < below[0], (
                    f"{table.grid[r][c]!r} runs past its rows"
                )
            if (
                h > 1 and lo in table.lefts.values()
            ):  # nothing else in its box: the covered cells print nothing
                end = below[0] if below else (cell[-1].page + 1, 0.0)
                inside = [
                    ch
                    for ch in table.chars
                    if (cell[0].page, cell[0].baseline) <= (ch.page, ch.baseline) < end
                    and lo - 0.5 <= ch.x0 < hi
                ]
                assert "".join(ch.text for ch in inside) == _squash(table.grid[r][c])
            crossing = [
                rule
                for rule in table.rules
                if rule.page == cell[0].page == cell[-1].page
                and cell[0].baseline < rule.y < cell[-1].baseline
                and rule.x0 < hi - 1
                and rule.x1 > lo + 1
            ]
            assert not crossing, f"a rule crosses {table.grid[r][c]!r}"
    assert merged


def test_a_cell_merged_down_runs_on_beside_the_rows_under_its_first(printed: list[_Table]) -> None:
    """The rows a merged cell spans start where their row above ends, one row's step below it, as rows with no
    merge do; and where the merged text is longer than its first row, it runs on beside the next."""
    tall = [(t, m) for t in printed for m in t.merges if m[2] > 1 and (m[0], m[1]) in t.cells]
    if not tall:
        pytest.skip("no cell merged down the rows in this table")
    for table in printed:
        steps = [
            b[1] - a[1]
            for j in range(1, len(table.grid))
            if (a := table.bottom(j - 1)) and (b := table.top(j)) and a[0] == b[0] and not _inside(table, j)
        ]
        step = min(steps)
        for r, _, h, _ in table.merges:
            for j in range(r + 1, r + h):
                above, here = table.bottom(j - 1), table.top(j)
                if above and here and above[0] == here[0]:
                    assert here[1] - above[1] <= step + 0.5, f"row {j} starts below the merged text"
    ran_on = 0
    for table, (r, c, _, _) in tall:
        cell, after = table.cells[r, c], table.top(r + 1)
        ran_on += bool(after) and (cell[-1].page, cell[-1].baseline) >= after
    assert ran_on, "no merged text runs on beside the rows under its first"


def _inside(table: _Table, row: int) -> bool:
    return any(r < row < r + h for r, _, h, _ in table.merges)


def test_the_rule_under_the_header_stops_at_a_cell_merged_down_past_it(qapp, tmp_path: Path) -> None:  # noqa: ANN001
    """A heading cell merged down into the first body row: the thick rule under the header runs over the other
    columns only."""
    from app.model import Paragraph, Resolution

    table = [["Department", "Posts"], ["", "12"], ["Total", "34"]]
    para = Paragraph(table=table, header_rows=1, numbered=False, merges=[(0, 0, 2, 1)])
    chars, rules = _read(pdf_bytes(Resolution(operative=[para])), tmp_path / "t.pdf")

    def first(word: str) -> Char:
        joined = "".join(c.text for c in chars)
        return chars[joined.index(word)]

    heading, posts, total = first("Department"), first("Posts"), first("Total")
    between = [r for r in rules if r.page == posts.page and posts.baseline < r.y < total.baseline]
    assert between, "no rule under the header"
    assert all(r.x0 >= posts.x0 - 0.5 for r in between), "a rule crosses the merged heading"
    assert all(r.x0 > heading.x0 + 1 or r.x1 < heading.x0 for r in between)
