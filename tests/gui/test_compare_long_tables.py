"""A long table in the compare view (a budget annex, a scale of assessments): every change is drawn wherever it
stands, with a row of context each side and a line counting the unchanged rows between; a table changed
throughout draws a bounded number of rows and names the changes left, with a link to the Word export.

Expected texts and counts come from the two tables as built, not from the view."""

from __future__ import annotations

import copy
import time

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor, QTextDocument, QTextFrame, QTextTable

from app.compare.diff import compare
from app.model import Paragraph, Resolution
from widgets.compare_view import EXPORT_LINK, CompareView
from widgets.table_cap import TABLE_ROWS

ROWS = 5_000  # the model's bound (app.model.MAX_TABLE_ROWS)


def _draft(rows: int) -> Resolution:
    res = Resolution(title="Scale of assessments")
    res.operative.append(Paragraph("Decides", "that the scale shall be as follows"))
    table = Paragraph("", "")
    table.table = [["Member State", "Scale"]] + [[f"State number {r}", f"0.{r:05d}"] for r in range(1, rows)]
    table.header_rows = 1
    res.operative.append(table)
    res.operative.append(Paragraph("Requests", "the Secretary-General to report"))
    return res


def _tables(doc: QTextDocument) -> list[QTextTable]:
    out: list[QTextTable] = []

    def walk(frame: QTextFrame) -> None:
        for child in frame.childFrames():
            if isinstance(child, QTextTable):
                out.append(child)
            walk(child)

    walk(doc.rootFrame())
    return out


def _cells(table: QTextTable) -> list[list[list[tuple[str, str]]]]:
    """Each drawn row's cells as (mark, text) fragments: mark "delete" struck through, "insert" underlined."""
    out = []
    for r in range(table.rows()):
        row = []
        for c in range(table.columns()):
            cell = table.cellAt(r, c)
            if cell.column() != c:  # a line spanning the columns is read once
                continue
            frags = []
            it = cell.begin()
            while not it.atEnd():
                frag = it.currentBlock().begin()
                while not frag.atEnd():
                    f = frag.fragment()
                    fmt = f.charFormat()
                    mark = "delete" if fmt.fontStrikeOut() else "insert" if fmt.fontUnderline() else "equal"
                    frags.append((mark, f.text()))
                    frag += 1
                it += 1
            row.append(frags)
        out.append(row)
    return out


def _view(qtbot, base: Resolution, new: Resolution) -> CompareView:  # noqa: ANN001
    view = CompareView()
    qtbot.addWidget(view)
    view.resize(900, 700)
    view.show()
    view.show_comparison(compare(base, new), "base.json")
    return view


def _seen(qtbot, view: CompareView, text: str) -> bool:  # noqa: ANN001
    """Whether the view, scrolled to `text` as a reader finding it would, shows it in its viewport."""
    cursor = view.browser.document().find(text)
    if cursor.isNull():
        return False
    view.browser.setTextCursor(cursor)
    view.browser.ensureCursorVisible()
    qtbot.wait(10)
    return view.browser.viewport().rect().contains(view.browser.cursorRect(cursor).center())


def test_changes_far_down_a_long_table_are_drawn_with_the_unchanged_rows_counted(qtbot) -> None:  # noqa: ANN001
    base = _draft(ROWS)
    new = copy.deepcopy(base)
    table = new.operative[1].table
    old_10 = table[10][0]
    table[10][0] = "Tonga"  # a cell retyped at row 10
    gone = table.pop(2_500)  # row 2,500 deleted
    table.insert(4_989, ["Palau", "0.00123"])  # a row inserted at 4,990 (one row up, after the deletion)
    view = _view(qtbot, base, new)
    drawn = max(_tables(view.browser.document()), key=lambda t: t.rows())
    rows = _cells(drawn)
    texts = ["".join(t for _, t in cell) for row in rows for cell in row]
    marked = {(mark, t.strip()) for row in rows for cell in row for mark, t in cell if t.strip()}
    # each change in its grid, marked as Word marks it
    assert ("delete", old_10) in marked and ("insert", "Tonga") in marked
    assert ("delete", gone[0]) in marked and ("delete", gone[1]) in marked
    assert ("insert", "Palau") in marked and ("insert", "0.00123") in marked
    # a row of context each side, unmarked
    for neighbour in (
        base.operative[1].table[9],
        base.operative[1].table[11],
        base.operative[1].table[2_501],
    ):
        assert all(("equal", cell) in marked for cell in neighbour), neighbour
    # the rows left out are counted where they stand: drawn rows and counted ones make the table in print order
    printed = len(base.operative[1].table) + 1  # the deleted row keeps its place beside the inserted one
    counts = [int("".join(ch for ch in t if ch.isdigit())) for t in texts if "unchanged rows" in t]
    data_rows = sum(1 for row in rows if "unchanged rows" not in "".join(t for c in row for _, t in c))
    # before row 9, between the three changes' context rows, and after row 4,991
    assert len(counts) == 4 and sum(counts) + data_rows == printed
    assert drawn.rows() < 20  # three changes and their context, not 5,000 rows
    assert "not drawn here" not in view.browser.toPlainText()
    for text in ("Tonga", gone[0], "Palau"):
        assert _seen(qtbot, view, text), text


def test_a_long_table_changed_throughout_draws_a_bounded_part_and_links_to_the_export(qtbot) -> None:  # noqa: ANN001
    rows = 20_000
    base = _draft(rows)
    new = copy.deepcopy(base)
    for row in new.operative[1].table[1:]:
        row[1] = row[1] + "9"
    view = CompareView()
    qtbot.addWidget(view)
    view.resize(900, 700)
    view.show()
    cmp = compare(base, new)
    started = time.perf_counter()
    view.show_comparison(cmp, "base.json")
    took = time.perf_counter() - started
    drawn = max(_tables(view.browser.document()), key=lambda t: t.rows())
    changed_drawn = sum(
        1 for row in _cells(drawn) for cell in row for mark, t in cell if mark == "insert" and t.strip()
    )
    assert TABLE_ROWS - 2 <= changed_drawn <= TABLE_ROWS
    assert drawn.rows() <= TABLE_ROWS + 2  # the header and the line counting the rows left
    text = view.browser.toPlainText()
    left = rows - 1 - changed_drawn
    assert f"{left:,} more changed rows are not drawn here" in text
    assert took < 15, took  # about a second drawn this way; every row drawn took a minute
    # the link under the table starts the Word export, as the button does
    cursor = QTextCursor(view.browser.document())
    while not cursor.atEnd() and cursor.charFormat().anchorHref() != EXPORT_LINK:
        cursor.movePosition(QTextCursor.MoveOperation.NextCharacter)
    cursor.movePosition(QTextCursor.MoveOperation.NextCharacter)
    assert cursor.charFormat().anchorHref() == EXPORT_LINK
    view.browser.setTextCursor(cursor)
    view.browser.ensureCursorVisible()
    with qtbot.waitSignal(view.export_tracked, timeout=2000):
        qtbot.mouseClick(
            view.browser.viewport(), Qt.MouseButton.LeftButton, pos=view.browser.cursorRect(cursor).center()
        )
