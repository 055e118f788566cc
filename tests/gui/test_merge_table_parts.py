"""A facilitator takes a delegation's added row and leaves its change of a cell: in the merge dialog each row added
or deleted and each cell changed is a place of its own (before, a table was one place per proposer, taken or
left whole). The table is A/RES/79/250's (its UN XML); the expected table is the issued one with the row alone
put in."""

from __future__ import annotations

import copy
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import open_as_project
from test_merge_dialog import click, click_place

from app import interface
from app.datafile import read_toml
from app.io.docx_writer import build_docx
from app.model import Paragraph, Resolution
from app.negotiation import numbering, rounds
from widgets import interface_language
from widgets.main_window import MainWindow

FIXTURE = Path(__file__).resolve().parent.parent / "fixtures" / "akn" / "A_RES_79_250-2424689E.xml"
INTERFACE = Path(__file__).resolve().parents[2] / "resources" / "interface"


def _table(res: Resolution) -> Paragraph:
    return next(p for _, p in res.paragraphs() if p.is_table)


def _merge_from_menu(window: MainWindow) -> None:
    menu = next(a.menu() for a in window.menuBar().actions() if a.menu() and "&N" in a.text())
    next(a for a in menu.actions() if a.text() == "&Merge into Revision…").trigger()


def test_the_row_is_taken_and_the_cell_change_left(
    qtbot, window: MainWindow, prompter, tmp_path: Path
) -> None:  # noqa: ANN001
    open_as_project(window, FIXTURE, tmp_path)
    table = _table(window.res)
    issued = copy.deepcopy(table.table)
    body = table.header_rows + 1
    new_row = [*issued[body][:-1], issued[body][-1] + "0"]
    eu = copy.deepcopy(window.res)
    _table(eu).table[-1][-1] += "5"  # a cell of the last row
    _table(eu).table.insert(body + 1, new_row)  # a row after the first body row
    (tmp_path / "eu.docx").write_bytes(build_docx(eu))
    panel = window.negotiation
    panel.show()
    click(qtbot, panel.view.start_button)
    prompter.paths, prompter.texts = [tmp_path / "eu.docx"], ["EU"]
    click(qtbot, panel.view.add_button)
    assert not prompter.errors

    _merge_from_menu(window)
    dialog = panel.merge_dialog
    qtbot.waitUntil(dialog.isVisible)
    rows = dialog.place_rows()
    # two places on the one table, in the table's order, each said where it is
    assert rows == [
        f"Table 1, rows added after row {body + 1} · EU",
        f"Table 1, row {len(issued)}, column {len(issued[-1])} · EU",
    ]
    (eu_id,) = [p.id for p in window.res.negotiation.proposals]
    click_place(qtbot, dialog, "rows added")
    click(qtbot, dialog.option(eu_id))
    assert dialog.option(eu_id).isChecked() and "Row added" in dialog.outcome.text()
    click_place(qtbot, dialog, "column")
    assert not dialog.option(eu_id).isChecked()  # the cell's own box, left as it is
    assert "1 of 2 proposals accepted" in dialog.summary.text()
    click(qtbot, dialog.ok_button)
    qtbot.waitUntil(lambda: not dialog.isVisible())

    expected = copy.deepcopy(issued)
    expected.insert(body + 1, new_row)
    assert _table(window.res).table == expected
    # the EU's proposal is recorded as merged: taken in part
    (decision,) = [d for d in window.res.negotiation.decisions if d.proposal_id == eu_id]
    assert decision.action == rounds.MERGE and decision.target == table.id
    # one undo step gives the table back as issued
    window.undo()
    assert _table(window.res).table == issued


def test_a_new_table_is_listed_where_it_stands(qtbot, window: MainWindow, prompter, tmp_path: Path) -> None:  # noqa: ANN001
    """A table proposed after the first operative paragraph is "New table after OP 1" in the places, not the
    "OP 1 bis" a paragraph there would take."""
    open_as_project(window, FIXTURE, tmp_path)
    first = window.res.operative[0]
    label = numbering.printed_labels(window.res)[first.id]
    canz = copy.deepcopy(window.res)
    canz.operative.insert(1, Paragraph(table=[["Level", "Rate"], ["A", "0.5"]], header_rows=1))
    (tmp_path / "canz.docx").write_bytes(build_docx(canz))
    panel = window.negotiation
    panel.show()
    click(qtbot, panel.view.start_button)
    prompter.paths, prompter.texts = [tmp_path / "canz.docx"], ["CANZ"]
    click(qtbot, panel.view.add_button)
    assert not prompter.errors
    _merge_from_menu(window)
    dialog = panel.merge_dialog
    qtbot.waitUntil(dialog.isVisible)
    assert f"New table after {label} · CANZ" in dialog.place_rows()
    assert dialog.heading.text() == f"<b>New table after {label}</b>"
    dialog.reject()


@pytest.fixture
def french(qapp) -> Iterator[None]:  # noqa: ANN001
    interface_language.apply("fr")
    yield
    interface_language.apply(interface.ENGLISH)


def test_the_tables_places_are_said_in_the_interface_language(
    qtbot, french, window: MainWindow, prompter, tmp_path: Path
) -> None:  # noqa: ANN001
    """With the editor in French the places read in French, the words of resources/interface/fr.toml."""
    open_as_project(window, FIXTURE, tmp_path)
    table = _table(window.res)
    body = table.header_rows + 1
    eu = copy.deepcopy(window.res)
    _table(eu).table[-1][-1] += "5"
    _table(eu).table.insert(body + 1, list(table.table[body]))
    (tmp_path / "eu.docx").write_bytes(build_docx(eu))
    panel = window.negotiation
    panel.show()
    click(qtbot, panel.view.start_button)
    prompter.paths, prompter.texts = [tmp_path / "eu.docx"], ["EU"]
    click(qtbot, panel.view.add_button)
    assert not prompter.errors
    click(qtbot, panel.view.merge_button)
    words = read_toml(INTERFACE / "fr.toml")["messages"]
    assert panel.merge_dialog.place_rows() == [
        words["{table}, rows added after row {row}"].format(table="Table 1", row=body + 1) + " · EU",
        words["{table}, row {row}, column {column}"].format(
            table="Table 1", row=len(table.table), column=len(table.table[-1])
        )
        + " · EU",
    ]
