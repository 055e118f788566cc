"""The compare view's table grid with hostile cells (docs/hardening-log.md, "Eleventh pass")."""

from __future__ import annotations

import time

from app.compare.diff import compare
from app.model import Paragraph, Resolution
from widgets import compare_view
from widgets.compare_view import CompareView


def _drafts(cell: str, changed: str) -> tuple[Resolution, Resolution]:
    def draft(text: str) -> Resolution:
        table = Paragraph(table=[["Item", "Note"], [text, "<b>&amp;</b>"]], header_rows=1, numbered=False)
        return Resolution(title="Tables", operative=[Paragraph("Decides", "to act"), table])

    return draft(cell), draft(changed)


def test_a_changed_cell_is_shown_in_its_grid_with_its_markup_as_text(qtbot) -> None:  # noqa: ANN001
    """The ordinary case: the changed words of a cell marked in the table's grid; a cell's own markup
    characters are shown as typed, not read as HTML."""
    view = CompareView()
    qtbot.addWidget(view)
    base, new = _drafts("one two three", "one four three")
    view.show_comparison(compare(base, new))
    runs = view.marked_runs()
    assert ("delete", "two") in runs and ("insert", "four") in runs
    assert "<b>&amp;</b>" in view.browser.toPlainText()


def _fastest(run) -> float:  # noqa: ANN001
    times = []
    for _ in range(3):
        start = time.process_time()
        run()
        times.append(time.process_time() - start)
    return min(times)


def _cell_drawn(words: int) -> float:
    base, new = _drafts(
        " ".join(f"word{k}" for k in range(words)),
        " ".join(f"word{k}" if k % 2 else f"other{k}" for k in range(words)),
    )
    cmp = compare(base, new)
    change = next(b for b in cmp.blocks if b.block.role == "table")
    return _fastest(lambda: compare_view._table_html(change, cmp))


def test_a_cell_of_many_changed_words_is_drawn_in_near_linear_time() -> None:
    """A cell's text grew piece by piece, each piece copying the cell so far: a cell of 10,000 changed words
    took 3 s to show, 160,000 took 100 s. The grid compares the drawn rows' cells and joins each cell's pieces
    once: four times the words cost some six times the time (the word diff), under ten (sixteen, were it
    quadratic)."""
    small, large = _cell_drawn(2_000), _cell_drawn(8_000)
    assert large < 10 * small, (small, large)
