"""Opening an issued PDF from File › Open, as a delegate would: its paragraphs reach the editor's rows, and a
PDF that cannot be read leaves the open draft as it was, with one line saying why."""

from __future__ import annotations

from pathlib import Path

from app import inline, storage
from app.io.reading import read_document
from widgets.actions import ActionId
from widgets.main_window import MainWindow

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
ISSUED = FIXTURES / "reading" / "A_C.1_80_L.51.pdf"


def _offered(prompter) -> list[str]:  # noqa: ANN001
    """Record the filters each Open dialog offers (the scripted prompter answers with its next path)."""
    offered: list[str] = []
    answer = prompter.open_path

    def open_path(parent, caption: str, filters: str) -> Path | None:  # noqa: ANN001
        offered.append(filters)
        return answer(parent, caption, filters)

    prompter.open_path = open_path
    return offered


def test_file_open_reads_an_issued_pdf_into_the_editor(window: MainWindow, prompter, tmp_path: Path) -> None:  # noqa: ANN001
    offered = _offered(prompter)
    prompter.paths = [ISSUED]
    window.action(ActionId.OPEN).trigger()
    assert "*.pdf" in offered[0]
    want = read_document(ISSUED).resolution
    assert window.res.header.symbol == "A/C.1/80/L.51"
    shown = [inline.plain(window.paragraphs.row_for(p.id).text.toPlainText()) for p in window.res.operative]
    assert shown == [inline.plain(p.text) for p in want.operative]
    # it is a new project: Save asks where, and the project reopens as it was read
    project = tmp_path / "l51.json"
    prompter.paths = [project]
    window.action(ActionId.SAVE).trigger()
    assert storage.dumps(storage.load_project(project)) == storage.dumps(window.res)


def test_a_password_protected_pdf_leaves_the_open_draft_alone(window: MainWindow, prompter) -> None:  # noqa: ANN001
    before = storage.dumps(window.res)
    prompter.paths = [FIXTURES / "pdf" / "password-secret.pdf"]
    window.action(ActionId.OPEN).trigger()
    (title, message), *_ = prompter.errors
    assert "password-protected" in message and "\n" not in message
    assert storage.dumps(window.res) == before


def test_an_opened_pdfs_tables_show_as_grids_in_the_editor(window: MainWindow, prompter) -> None:  # noqa: ANN001
    """A/RES/80/243's two staffing tables, read from the PDF's rules (app/io/pdf_grid.py), are table rows of
    the editor with the cells the UN's XML gives (tests/fixtures/pdf_tables/README.md)."""
    from app.io.akn_reader import read_akn
    from widgets.table_row import TableRow

    tables = FIXTURES / "pdf_tables"
    prompter.paths = [tables / "A_RES_80_243.pdf"]
    window.action(ActionId.OPEN).trigger()
    window.paragraphs.finish()  # rows past the first screenful are built after the draft opens
    rows = [r for r in window.paragraphs.rows.values() if isinstance(r, TableRow)]
    want = [
        [[inline.plain(c) for c in row] for row in p.table if any(inline.plain(c) for c in row)]
        for p in read_akn((tables / "A_RES_80_243-2521248E.xml").read_bytes()).resolution.operative
        if p.is_table
    ]
    assert len(rows) == len(want) == 2
    shown = [[[inline.plain(c) for c in row] for row in r.cells() if any(row)] for r in rows]
    assert shown == want
