"""A facilitator compiles two delegations' Word copies of A/RES/79/250 (its levels-of-contribution table, read
from the UN's XML) in the negotiation panel, sees each table proposal in the compilation with its proposer,
and accepts one of them through the merge dialog by mouse: the Rev.1 table has that delegation's cell and
not the other's."""

from __future__ import annotations

import copy
from pathlib import Path

from conftest import open_as_project
from test_merge_dialog import click, click_entry, click_place

from app import inline
from app.io.docx_writer import build_docx
from app.model import Paragraph, Resolution
from widgets.main_window import MainWindow

FIXTURE = Path(__file__).resolve().parent.parent / "fixtures" / "akn" / "A_RES_79_250-2424689E.xml"


def _table(res: Resolution) -> Paragraph:
    return next(p for _, p in res.paragraphs() if p.is_table)


def test_two_copies_compiled_and_one_table_proposal_accepted(
    qtbot, window: MainWindow, prompter, tmp_path: Path
) -> None:  # noqa: ANN001
    base = open_as_project(window, FIXTURE, tmp_path)
    res = window.res
    table = _table(res)
    # the EU revises the discount of the last level; the G77 deletes the row of the first body level
    row = len(table.table) - 1
    old = table.table[row][-1]
    eu, g77 = copy.deepcopy(res), copy.deepcopy(res)
    _table(eu).table[row][-1] = old + "5"
    eu_row = _table(eu).table[row]
    gone = table.header_rows + 1
    del _table(g77).table[gone]
    for name, text in (("eu.docx", eu), ("g77.docx", g77)):
        (tmp_path / name).write_bytes(build_docx(text))

    window.resize(1600, 1000)
    qtbot.wait(50)
    panel = window.negotiation
    view = panel.view
    panel.show()
    click(qtbot, view.start_button)
    for name, who in (("eu.docx", "EU"), ("g77.docx", "G77")):
        prompter.paths = [tmp_path / name]
        prompter.texts = [who]
        click(qtbot, view.add_button)
    assert not prompter.errors
    shown = view.browser.toPlainText()
    assert (
        f"{inline.plain(old)}{inline.plain(old)}5 [EU]" in shown
    )  # the figure struck, the new one, the name
    assert "[G77]" in shown and shown.count("[EU]") == 1
    click_entry(qtbot, view.browser, table.id)  # the table is a place of the compilation like a paragraph

    click(qtbot, view.merge_button)
    dialog = panel.merge_dialog
    assert dialog is not None and dialog.isVisible()
    # each change its own place: the G77's row, then the EU's cell
    assert [text.rsplit(" · ", 1)[1] for text in dialog.place_rows()] == ["G77", "EU"]
    click_place(qtbot, dialog, "· EU")
    neg = window.res.negotiation
    ids = {p.proposer: p.id for p in neg.proposals}
    click(qtbot, dialog.option(ids["EU"]))
    assert not dialog.error
    # the result names the one row the EU changes, not the table's other rows
    assert (
        dialog.outcome.text()
        == f"Row changed: {' | '.join(' '.join(inline.plain(c).split()) for c in eu_row)}"
    )
    click(qtbot, dialog.ok_button)
    assert not dialog.isVisible()
    rev = _table(window.res)
    assert rev.table[row][-1] == old + "5"  # the EU's taken
    assert rev.table[gone] == table.table[gone]  # the G77's let go
    assert window.res.negotiation.revisions[-1].name == "Rev.1"
    assert _table(base).table == table.table
