"""The pages of rows hold the rows in the order asked for, and moving a row moves that row alone."""

from __future__ import annotations

import random

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PySide6.QtWidgets import QWidget

from widgets import row_box
from widgets.row_box import RowBox


def _check(box: RowBox, wanted: list[QWidget]) -> None:
    assert box.rows() == wanted
    sizes = [page.layout().count() for page in box.pages()]
    assert all(0 < size <= row_box.PAGE_MAX for size in sizes)
    assert all(row.isVisible() for row in wanted)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(seed=st.integers(0, 10**6), steps=st.integers(1, 12))
def test_random_moves_insertions_and_deletions(qtbot, seed: int, steps: int) -> None:  # noqa: ANN001
    rng = random.Random(seed)
    box = RowBox()
    qtbot.addWidget(box)
    box.show()
    rows = [QWidget() for _ in range(rng.randint(0, 300))]
    for row in rows[: len(rows) // 2]:
        box.append(row)  # as a long draft's rows are built in idle time
    box.arrange(rows)
    _check(box, rows)
    for _ in range(steps):
        kind = rng.choice(["move", "insert", "delete", "shuffle"])
        if kind == "move" and rows:
            rows.insert(rng.randrange(len(rows)), rows.pop(rng.randrange(len(rows))))
        elif kind == "insert":
            at = rng.randint(0, len(rows))
            rows[at:at] = [QWidget() for _ in range(rng.randint(1, 150))]
        elif kind == "delete" and rows:
            at = rng.randrange(len(rows))
            for row in rows[at : at + rng.randint(1, 40)]:
                row.parentWidget().layout().removeWidget(row)  # as the list takes out a row gone
                row.deleteLater()
                rows.remove(row)
        else:
            rng.shuffle(rows)
        box.arrange(rows)
        _check(box, rows)


def test_moving_a_row_to_the_top_moves_that_row_alone(qtbot) -> None:  # noqa: ANN001
    box = RowBox()
    qtbot.addWidget(box)
    box.show()
    rows = [QWidget() for _ in range(10 * row_box.PAGE)]
    for row in rows:
        box.append(row)
    pages = {row: row.parentWidget() for row in rows}
    last = rows.pop()
    rows.insert(0, last)
    box.arrange(rows)
    _check(box, rows)
    assert [row for row in rows if row.parentWidget() is not pages[row]] == [last]
