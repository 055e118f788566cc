"""Findings on a list a file hung under a table are the table's: the issues list places them under the table
("Table 1 (a)"), between the table's findings and the next paragraph's, not with the paragraph printed before
the table; clicking one puts the cursor in that item's row. The table is A/RES/79/250's (tests/fixtures/akn);
the findings are the window's own checks (a misspelt word the speller does not know), not typed here."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from app import storage
from app.io.reading import read_document
from app.model import Paragraph
from app.render import render
from widgets.main_window import MainWindow

FIXTURE = Path(__file__).resolve().parent.parent / "fixtures" / "akn" / "A_RES_79_250-2424689E.xml"
MISSPELT = "assesment"


def _open(window: MainWindow, tmp_path: Path) -> tuple[str, list[str]]:
    """The draft opened with a two-item list under its table, a misspelt word in each item: the table's id
    and the items' ids."""
    res = read_document(FIXTURE).resolution
    table = next(p for p in res.operative if p.is_table)
    table.subparagraphs = [
        Paragraph(text=f"the {MISSPELT} of levels A to C;"),
        Paragraph(text=f"the rates of {MISSPELT} of the other levels."),
    ]
    storage.save_project(res, tmp_path / "draft.json")
    assert window.files.open_path(tmp_path / "draft.json")
    window.paragraphs.finish()
    window.flush()
    table = next(p for p in window.res.operative if p.is_table)
    return table.id, [s.id for s in table.subparagraphs]


def _listed(window: MainWindow) -> list[tuple[str, str, str]]:
    """(paragraph id, place shown, message) of each finding in the issues list, in its order."""
    tree = window.issues.tree
    out = []
    for i in range(tree.topLevelItemCount()):
        item = tree.topLevelItem(i)
        finding = item.data(0, Qt.ItemDataRole.UserRole)
        out.append((finding.paragraph_id, item.text(1), item.text(2)))
    return out


def test_findings_on_a_list_under_a_table_are_placed_on_its_rows(
    qtbot,  # noqa: ANN001
    window: MainWindow,
    tmp_path: Path,
) -> None:
    assert window.spelling.misspelt(MISSPELT)
    table_id, items = _open(window, tmp_path)
    qtbot.waitUntil(
        lambda: sum(pid in items and MISSPELT in m for pid, _, m in _listed(window)) == 2, timeout=20000
    )
    blocks = render(window.res).blocks
    at = next(i for i, b in enumerate(blocks) if b.paragraph_id == table_id)
    before = next(b.paragraph_id for b in reversed(blocks[:at]) if b.role in ("operative", "preambular"))
    labels = {b.paragraph_id: b.label for b in blocks if b.paragraph_id in items}
    table_place = window.paragraphs.where(table_id)
    assert table_place.startswith("Table")
    listed = _listed(window)
    for pid in items:
        places = {place for p, place, _ in listed if p == pid}
        assert places == {f"{table_place} {labels[pid]}"}  # "Table 1 (a)", not the paragraph before's
        assert not any(place.startswith(window.paragraphs.where(before)) for place in places)
    # in the list's order: after the paragraph before the table and the table, before what follows
    order = [pid for pid, _, _ in listed]
    first = min(order.index(pid) for pid in items)
    assert all(order.index(pid) < first for pid in (before,) if pid in order)
    after = [pid for pid in order[first:] if pid not in items]
    assert all(order.index(pid) > max(order.index(p) for p in items) for pid in after)

    # clicking the second item's finding puts the cursor in that item's row
    tree = window.issues.tree
    index = next(i for i, (pid, _, m) in enumerate(listed) if pid == items[1] and MISSPELT in m)
    item = tree.topLevelItem(index)
    tree.scrollToItem(item)
    qtbot.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=tree.visualItemRect(item).center())
    row = window.paragraphs.rows[(items[1], False)]
    qtbot.waitUntil(lambda: QApplication.focusWidget() is row.text)
    assert window.paragraphs.active_id == items[1]
    cursor = row.text.textCursor()
    assert cursor.selectedText() == MISSPELT  # the word the finding is about
