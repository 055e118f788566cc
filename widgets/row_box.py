"""A column of paragraph rows held in pages of a few dozen rows each.

Qt lays out a box's whole layout whenever a widget in it is added or shown, so rows added to one long layout
slice by slice cost the square of their number (2,000 paragraphs: 20 s). Here a row is added to its page, and
the box's own layout holds the pages: adding or showing a row lays out its page (at most `PAGE_MAX` rows) and
the box's list of pages (the rows divided by `PAGE`), never every row. The pages have no margins and the same
spacing as the rows, so the column looks as one layout would.
"""

from __future__ import annotations

from bisect import bisect_right

from PySide6.QtWidgets import QLayout, QVBoxLayout, QWidget

PAGE = 48  # rows a page is filled to when rows are appended
PAGE_MAX = 2 * PAGE  # a page grown past this by insertions is split
SPACING = 1


def _column(widget: QWidget) -> QVBoxLayout:
    layout = QVBoxLayout(widget)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(SPACING)
    return layout


def _kept(homes: list[int | None]) -> list[bool]:
    """Which rows stay in their page: the longest run of rows, in the wanted order, whose pages do not go
    back (patience sorting, n log n). A row moved to the top is then the one that moves, not every other."""
    tails: list[int] = []  # the smallest last page of a kept run of each length
    tail_at: list[int] = []  # the row that ends it
    before: list[int] = [-1] * len(homes)
    for index, home in enumerate(homes):
        if home is None:
            continue
        length = bisect_right(tails, home)
        before[index] = tail_at[length - 1] if length else -1
        if length == len(tails):
            tails.append(home)
            tail_at.append(index)
        else:
            tails[length] = home
            tail_at[length] = index
    kept = [False] * len(homes)
    at = tail_at[-1] if tail_at else -1
    while at >= 0:
        kept[at] = True
        at = before[at]
    return kept


class RowBox(QWidget):
    """The rows of one list (a part's preamble or operative part, an annex), in pages."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        _column(self)

    def pages(self) -> list[QWidget]:
        layout = self.layout()
        return [layout.itemAt(i).widget() for i in range(layout.count())]

    def rows(self) -> list[QWidget]:
        """The rows in their order."""
        return [
            page.layout().itemAt(i).widget() for page in self.pages() for i in range(page.layout().count())
        ]

    def layouts(self) -> list[QLayout]:
        """The box's layout and every page's: to hold while many rows change at once."""
        return [self.layout(), *(page.layout() for page in self.pages())]

    def tail_layouts(self) -> list[QLayout]:
        """The layouts rows appended next go through: the box's and its last page's."""
        last = self.layout().itemAt(self.layout().count() - 1) if self.layout().count() else None
        return [self.layout()] + ([last.widget().layout()] if last is not None else [])

    def _new_page(self, at: int) -> QWidget:
        page = QWidget(self)
        _column(page)
        self.layout().insertWidget(at, page)
        page.show()
        return page

    def append(self, row: QWidget) -> None:
        """A row after the last one (a long draft's rows built in reading order)."""
        layout = self.layout()
        last = layout.itemAt(layout.count() - 1).widget() if layout.count() else None
        if last is None or last.layout().count() >= PAGE:
            last = self._new_page(layout.count())
        _move(row, last.layout(), last.layout().count())

    def arrange(self, rows: list[QWidget]) -> None:
        """Hold exactly these rows in this order. A row stays in its page where the order allows, so moving
        or adding a paragraph moves one row, not the rows after it."""
        pages = self.pages()
        at = {page: index for index, page in enumerate(pages)}
        homes = [at.get(row.parentWidget()) for row in rows]
        kept = _kept(homes)
        plan: list[list[QWidget]] = [[] for _ in pages]
        first_kept = next((homes[i] for i, keep in enumerate(kept) if keep), 0)
        page = first_kept
        for row, home, keep in zip(rows, homes, kept, strict=True):
            if keep:
                page = home
            if page >= len(plan):  # no page yet
                plan.append([])
            plan[page].append(row)
        for index in range(len(plan) - 1, -1, -1):  # split pages grown too long, from the end
            if len(plan[index]) > PAGE_MAX:
                pieces = [plan[index][i : i + PAGE] for i in range(0, len(plan[index]), PAGE)]
                plan[index : index + 1] = pieces
                pages[index + 1 : index + 1] = [None] * (len(pieces) - 1)
        while len(pages) < len(plan):
            pages.append(None)
        for index, wanted in enumerate(plan):
            if pages[index] is None:
                pages[index] = self._new_page(index)
            elif self.layout().indexOf(pages[index]) != index:  # not expected: pages keep their order
                self.layout().removeWidget(pages[index])
                self.layout().insertWidget(index, pages[index])
            _hold(pages[index].layout(), wanted)
        for page, wanted in zip(pages, plan, strict=True):
            if not wanted:
                self.layout().removeWidget(page)
                page.hide()
                page.deleteLater()


def _move(row: QWidget, layout: QVBoxLayout, index: int) -> None:
    holder = row.parentWidget()
    if holder is not None and holder.layout() is not None:
        holder.layout().removeWidget(row)
    layout.insertWidget(index, row)
    if row.isHidden():
        row.show()


def _hold(layout: QVBoxLayout, rows: list[QWidget]) -> None:
    """Make a page's layout hold exactly these rows in this order, moving only rows out of place."""
    for index, row in enumerate(rows):
        item = layout.itemAt(index)
        if item is not None and item.widget() is row:
            continue
        _move(row, layout, index)
    while layout.count() > len(rows):
        layout.takeAt(len(rows))
