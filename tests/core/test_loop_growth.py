"""Loops over paragraphs, notes or sponsors whose cost grew faster than the draft (found reading every loop of the
modules scripts/pattern_growth.py reaches), one test per class: each builds the hostile draft at n and 8n and
compares the medians of the runs' process times (`tests/fixtures/robust/hostile.growth`). Linear is near 8; the
old code gave 64 and more.

- a search of a paragraph's list for the paragraph itself inside a loop over that list (the opener a repeated
  opener repeats, looked up again for each paragraph of a long run of one opener).
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from fixtures.robust.hostile import growth, hang_guard  # noqa: E402

from app.conventions.engine import build_context  # noqa: E402
from app.model import Header, Paragraph, Resolution  # noqa: E402

LINEAR = 8 * 3  # 8x the input: near 8 when linear, 64 and more when square


def _one_run(n: int) -> Resolution:
    """n operative paragraphs with the same opener: one run, every paragraph repeating the one before."""
    res = Resolution(header=Header(template="ga-c3"), title="Oceans")
    res.operative = [Paragraph(opener="Decides", text="to remain seized of the matter;") for _ in range(n)]
    return res


def test_a_long_run_of_one_opener_costs_its_length() -> None:
    def make(n: int):  # noqa: ANN202
        res = _one_run(n)
        return lambda: build_context(res)

    with hang_guard(60):
        assert growth(make, 400) < LINEAR


def test_each_paragraph_of_a_run_names_the_opener_it_repeats() -> None:
    res = _one_run(3)
    res.operative[1].opener = "Decides also"
    ctx = build_context(res)
    ops = res.operative
    assert ctx.previous_opener == {ops[1].id: "Decides", ops[2].id: "Decides also"}
    assert [ctx.run[p.id] for p in ops] == [1, 2, 3]
