"""A hand-made project with a table that holds a note, a tail and subparagraphs, in the preamble, the operative
part and an annex, opens in the editor as one grid per table and a row per subparagraph, with no layout
warning from Qt ("QBoxLayout::insert: index 3 out of range" came of a second row of the table's key)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QtMsgType

from app import storage
from tests.core.test_table_beside_text import placed
from widgets.main_window import MainWindow
from widgets.table_row import TableRow


@pytest.mark.parametrize("where", ["preamble", "operative", "annex"])
def test_a_table_with_text_and_subparagraphs_opens_whole(
    qtbot,
    qtlog,
    window: MainWindow,
    tmp_path: Path,
    where: str,  # noqa: ANN001
) -> None:
    res, table = placed(where)
    project = tmp_path / "draft.json"
    storage.save_project(res, project)
    assert window.files.open_path(project)
    window.paragraphs.finish()
    warnings = [
        r.message for r in qtlog.records if r.type != QtMsgType.QtDebugMsg and "QBoxLayout" in r.message
    ]
    assert warnings == []
    rows = window.paragraphs.rows
    grids = [k for k in window.paragraphs.order if isinstance(rows[k], TableRow)]
    assert grids == [(table.id, False)]
    subs = [s.id for s in table.subparagraphs]
    shown = [k[0] for k in window.paragraphs.order]
    assert all(shown.count(pid) == 1 for pid in [table.id, *subs])
    assert all(rows[(pid, False)].isVisibleTo(window) for pid in subs)
    assert rows[(table.id, False)].grid.item(1, 0).text() == "A"
