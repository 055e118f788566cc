"""The compare view's table grid with hostile cells (docs/hardening-log.md, "Eleventh pass")."""

from __future__ import annotations

import time

from app.compare.diff import Segment, compare
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


def test_a_cell_of_many_changed_words_is_laid_out_like_a_paragraph() -> None:
    """A cell's text grew piece by piece, each piece copying the cell so far: a cell of 10,000 changed words
    took 3 s to show, 160,000 took 100 s. Its pieces cost what a paragraph's do (both joined once)."""
    segments = [Segment("insert" if k % 2 else "delete", f"word{k} ") for k in range(40_000)]
    table = _fastest(lambda: compare_view._table_html(segments, None, 1))  # type: ignore[arg-type]
    paragraph = _fastest(lambda: "".join(compare_view._segment_html(s.op, s.text) for s in segments))
    assert table < 10 * paragraph
