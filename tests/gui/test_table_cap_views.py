"""A table at the model's bound (5,000 rows) in the merge dialog: it draws the first widgets.table_cap.TABLE_ROWS
rows and one line giving the count, as the preview does, while the proposals keep every row (the compare view
draws a long table's changed rows wherever they are: tests/gui/test_compare_long_tables.py). Qt lays a rich-text
table out at about a millisecond a row: drawn whole, the table held the window for seconds."""

from __future__ import annotations

import copy
import datetime as dt

from PySide6.QtGui import QTextDocument, QTextFrame, QTextTable

from app.edits import Document
from app.model import Paragraph, Resolution
from app.negotiation import commands
from app.negotiation.proposals import derive
from widgets.merge_dialog import MergeDialog
from widgets.table_cap import TABLE_ROWS

ROWS = 5_000
DAY = dt.datetime(2026, 6, 1, 9, 0, tzinfo=dt.timezone.utc)


def _draft() -> Resolution:
    res = Resolution(title="Scale of assessments")
    res.operative.append(Paragraph("Decides", "that the scale shall be as follows"))
    table = Paragraph("", "")
    table.table = [["Member State", "Scale"]] + [[f"State number {r}", f"0.{r:04d}"] for r in range(ROWS - 1)]
    table.header_rows = 1
    res.operative.append(table)
    res.operative.append(Paragraph("Requests", "the Secretary-General to report"))
    return res


def _changed(res: Resolution) -> Resolution:
    """A copy with a cell changed near the top and one far past the rows drawn."""
    new = copy.deepcopy(res)
    table = new.operative[1].table
    table[5][0] = "Tonga"
    table[ROWS - 10][0] = "Palau"
    return new


def _tables(doc: QTextDocument) -> list[QTextTable]:
    out: list[QTextTable] = []

    def walk(frame: QTextFrame) -> None:
        for child in frame.childFrames():
            if isinstance(child, QTextTable):
                out.append(child)
            walk(child)

    walk(doc.rootFrame())
    return out


def _said(text: str) -> bool:
    return f"first {TABLE_ROWS} of this table's {ROWS:,} rows" in text


def test_the_merge_dialog_draws_the_first_rows_of_a_long_table_and_says_how_many(qtbot) -> None:  # noqa: ANN001
    base = _draft()
    doc = Document(copy.deepcopy(base))
    commands.start_negotiation(doc, facilitator="Chile", date=DAY)
    commands.add_proposals(doc, [derive(base, _changed(base), "EU")])
    res = doc.resolution
    dialog = MergeDialog(res)
    qtbot.addWidget(dialog)
    dialog.resize(1000, 700)
    dialog.show()
    rows = dialog.place_rows()
    assert rows  # the table's changed cells are places
    for index in range(len(rows)):  # each place of the table, chosen as the facilitator clicks it
        dialog.places.setCurrentRow(index)
        tables = _tables(dialog.shown.document())
        assert tables and max(t.rows() for t in tables) == TABLE_ROWS, rows[index]
        assert _said(dialog.shown.toPlainText())
    # nothing lost: the proposal still carries the far cell, and the table its 5,000 rows
    assert len(res.operative[1].table) == ROWS
    assert any("Palau" in str(p.edits) for p in res.negotiation.proposals)
