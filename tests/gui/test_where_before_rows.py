"""The issues list of a long draft names where each finding stands ("OP 140") while idle time is still building
the rows far down: it said "Header" for a paragraph whose row was not built yet."""

from __future__ import annotations

from pathlib import Path

from app import storage
from app.model import Header, Paragraph, Resolution
from app.render import place_names, render
from widgets.main_window import MainWindow


def test_a_finding_far_down_is_named_by_its_place_before_its_row_is_built(
    window: MainWindow, tmp_path: Path
) -> None:  # noqa: ANN001
    res = Resolution(header=Header(template="ga-c3"), title="Oceans")
    res.operative = [Paragraph("Decides", f"to act on matter {i}") for i in range(200)]
    far = res.operative[-3]
    far.text = "to act on the the matter"  # a doubled word: a warning on that paragraph
    path = tmp_path / "long.json"
    storage.save_project(res, path)
    assert window.files.open_path(path)
    opened = next(p for p in window.res.operative if "the the" in p.text)
    window.checks.flush()  # the whole draft's check, as it runs after opening
    assert (opened.id, False) not in window.paragraphs.rows  # idle time has not reached it yet
    expected = place_names(render(window.res).blocks)[opened.id]
    tree = window.issues.tree
    places = [
        tree.topLevelItem(i).text(1)
        for i in range(tree.topLevelItemCount())
        if window.issues.findings[i].paragraph_id == opened.id
    ]
    assert places and set(places) == {expected}
    assert expected.startswith("OP")
