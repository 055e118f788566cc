"""An omnibus numbers its operative paragraphs again from 1 in each section ("OP 17 of section XII", as the
import notes and the check's places say); the editor named the same rows by their count from the first ("OP 147"),
because it named its rows without the section headings between them."""

from __future__ import annotations

from pathlib import Path

from app.render import place_names, render
from widgets.main_window import MainWindow

OMNIBUS = Path(__file__).resolve().parents[1] / "fixtures" / "akn_sections" / "A_RES_78_253-2326236E.xml"


def test_rows_of_a_sectioned_draft_are_named_as_the_check_names_them(window: MainWindow, qtbot) -> None:  # noqa: ANN001
    assert window.files.open_path(OMNIBUS)
    window.paragraphs.finish()
    expected = place_names(render(window.res).blocks)
    in_sections = {pid: name for pid, name in expected.items() if " of section " in name}
    assert in_sections  # the UN XML numbers this resolution's paragraphs again in each section
    for pid, name in in_sections.items():
        assert window.paragraphs.rows[(pid, False)].place == name
        assert window.paragraphs.where(pid) == name
    row = window.paragraphs.rows[(next(iter(in_sections)), False)]
    assert row.text.accessibleName().startswith(in_sections[next(iter(in_sections))])
