"""How many rows head a table, set from the grid as a user sets it (the table row's "Header rows" menu, the
grid's context menu), undone with Ctrl+Z, and seen in the grid, the preview and every export: Word's
w:tblHeader rows, the UN XML's th cells, the thick rule under the header in print.

The table is A/RES/79/250's (tests/fixtures/akn): its XML heads it with two rows of th cells."""

from __future__ import annotations

import zipfile
from io import BytesIO
from pathlib import Path

from conftest import open_as_project
from lxml import etree
from PySide6.QtCore import Qt

from app.io.akn_writer import to_akn
from app.io.docx_layout import layout_for_paper
from app.io.docx_writer import build_docx
from app.print_layout import Rule, Text, lay_out
from app.render import render
from widgets.main_window import MainWindow
from widgets.table_row import TableRow

FIXTURE = Path(__file__).resolve().parent.parent / "fixtures" / "akn" / "A_RES_79_250-2424689E.xml"
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
AKN = "{http://docs.oasis-open.org/legaldocml/ns/akn/3.0}"


def _xml_header_rows() -> int:
    table = next(etree.parse(str(FIXTURE)).getroot().iter(f"{AKN}table"))
    return next(i for i, tr in enumerate(table) if any(c.tag == f"{AKN}td" for c in tr))


def _table_row(window: MainWindow, pid: str) -> TableRow:
    row = window.paragraphs.rows[(pid, False)]
    assert isinstance(row, TableRow)
    return row


def _bold_rows(row: TableRow) -> list[bool]:
    return [row.grid.item(r, 0).font().bold() for r in range(row.grid.rowCount())]


def _exports(window: MainWindow) -> tuple[int, int, list[float], float | None]:
    """Header rows as Word repeats them, as the UN XML's th rows; the print rules' widths and where the thick
    rule under the header stands against the first row's baseline (None without one)."""
    res = window.res
    with zipfile.ZipFile(BytesIO(build_docx(res))) as z:
        doc = etree.fromstring(z.read("word/document.xml"))
    word = sum(1 for tr in doc.iter(f"{W}tr") if tr.find(f"{W}trPr/{W}tblHeader") is not None)
    akn = etree.fromstring(to_akn(res))
    table = next(akn.iter(f"{AKN}table"))
    th = sum(1 for tr in table if all(c.tag == f"{AKN}th" for c in tr))
    r = render(res)
    layout = layout_for_paper(r.template.paper)
    items = [i for page in lay_out(r, layout, lambda t, f: 0.5 * f.size * len(t)) for i in page.items]
    column = layout.page.left + layout.styles["body"].left
    rules = [i for i in items if isinstance(i, Rule) and abs(i.x0 - column) < 0.01]
    level = next(t for t in items if isinstance(t, Text) and t.text == "Level")
    under = rules[1].y - level.y if len(rules) == 3 else None
    return word, th, [rule.width for rule in rules], under


def test_header_rows_from_the_menu_and_the_context_menu_reach_every_output(
    qtbot, window: MainWindow, tmp_path: Path
) -> None:  # noqa: ANN001
    open_as_project(window, FIXTURE, tmp_path)
    window.paragraphs.finish()
    para = next(p for p in window.res.operative if p.is_table)
    heads = _xml_header_rows()
    assert para.header_rows == heads == 2
    row = _table_row(window, para.id)
    assert _bold_rows(row)[:3] == [True, True, False]
    assert _exports(window)[:3] == (heads, heads, [0.5, 1.5, 1.5])
    # the table row's menu: "None"
    row.header_menu.aboutToShow.emit()
    choices = [a.text() for a in row.header_menu.actions()]
    assert choices[0] == "None" and choices[1:] == [str(n) for n in range(1, len(choices))]
    assert [a.isChecked() for a in row.header_menu.actions()].index(True) == heads
    row.header_menu.actions()[0].trigger()
    assert para.header_rows == 0
    row = _table_row(window, para.id)
    assert not any(_bold_rows(row))
    word, th, rules, under = _exports(window)
    assert (word, th, rules, under) == (0, 0, [0.5, 1.5], None)  # no header: the rule above, the one below
    window.flush()
    assert "border-top: 2px" not in window.preview.html
    # the grid's context menu on the first row: "Repeat as header row"
    menu = row.context_menu(0)
    repeat = next(a for a in menu.actions() if a.text() == "Repeat as header row")
    assert not repeat.isChecked()
    repeat.trigger()
    assert para.header_rows == 1
    row = _table_row(window, para.id)
    assert _bold_rows(row)[:2] == [True, False]
    word, th, rules, under = _exports(window)
    assert (word, th, rules) == (1, 1, [0.5, 1.5, 1.5])
    assert under is not None and under > 0  # the thick rule now stands under the first row
    window.flush()
    assert window.preview.html.count("border-top: 2px") == len(para.table[1])  # each cell of the row under it
    # Ctrl+Z: back to none, then to the XML's two rows
    qtbot.keyClick(row.grid, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert para.header_rows == 0
    qtbot.keyClick(_table_row(window, para.id).grid, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert para.header_rows == heads
    assert _exports(window)[:3] == (heads, heads, [0.5, 1.5, 1.5])


def test_a_later_rows_context_menu_sets_the_header_down_to_it_or_above_it(
    qtbot, window: MainWindow, tmp_path: Path
) -> None:  # noqa: ANN001
    open_as_project(window, FIXTURE, tmp_path)
    window.paragraphs.finish()
    para = next(p for p in window.res.operative if p.is_table)
    row = _table_row(window, para.id)
    down = next(a for a in row.context_menu(1).actions() if a.text() == "Header down to this row")
    assert down.isChecked()  # row 2 is in the XML's header
    down.trigger()  # unchecked: the header ends above it
    assert para.header_rows == 1
    down = next(
        a
        for a in _table_row(window, para.id).context_menu(3).actions()
        if a.text() == "Header down to this row"
    )
    down.trigger()
    assert para.header_rows == 4
    assert _bold_rows(_table_row(window, para.id))[:5] == [True] * 4 + [False]
