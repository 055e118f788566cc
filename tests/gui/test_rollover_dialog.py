"""Roll an adopted resolution over to next session, and make a revised draft, from the editor window."""

from __future__ import annotations

import datetime as dt
import re
import zipfile
from pathlib import Path

from PySide6.QtCore import Qt

from app import storage
from app.model import AgendaItem, Header, Paragraph, Resolution
from widgets.actions import ActionId
from widgets.main_window import MainWindow
from widgets.rollover_dialog import RolloverDialog


def adopted() -> Resolution:
    header = Header(
        template="ga-c3",
        session=80,
        symbol="A/RES/80/190",
        date=dt.date(2025, 12, 15),
        sponsors=["Japan", "Peru"],
        agenda_items=[AgendaItem("71", "b", "Human rights questions")],
    )
    return Resolution(
        header=header,
        title="Freedom of religion or belief",
        preamble=[
            Paragraph(
                "Recalling", "its resolutions 78/212 of 19 December 2023 and 79/174 of 17 December 2024"
            ),
        ],
        operative=[
            Paragraph(
                "Requests",
                "the Secretary-General to report to the General Assembly at its eighty-first session",
            ),
            Paragraph("Decides", "to continue its consideration of the question at its eighty-first session"),
        ],
    )


def open_file(window: MainWindow, prompter, path: Path) -> None:  # noqa: ANN001
    prompter.paths = [path]
    window.action(ActionId.OPEN).trigger()
    assert not prompter.errors


def click_ok(qtbot, dialog: RolloverDialog) -> None:  # noqa: ANN001
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)


def item_for(dialog: RolloverDialog, words: str):  # noqa: ANN201
    return next(item for item in dialog.change_items() if words in item.text())


def test_rollover_with_one_change_undone(qtbot, window: MainWindow, prompter, tmp_path: Path) -> None:  # noqa: ANN001
    path = tmp_path / "adopted.json"
    storage.save_project(adopted(), path)
    open_file(window, prompter, path)
    window.action(ActionId.ROLLOVER).trigger()
    dialog = window.versions.rollover_dialog
    assert dialog is not None and dialog.isVisible()
    # pre-filled from the opened resolution
    assert dialog.symbol.text() == "A/RES/80/190"
    assert dialog.date.text() == "15 December 2025"
    assert dialog.template.currentData() == "ga-c3"
    # a date that does not read as one is refused with a message, nothing else happens
    dialog.date.clear()
    qtbot.keyClicks(dialog.date, "mid-December")
    click_ok(qtbot, dialog)
    assert dialog.pages.currentIndex() == 0 and "15 December 2025" in dialog.message.text()
    dialog.date.clear()
    qtbot.keyClicks(dialog.date, "15 December 2025")
    click_ok(qtbot, dialog)
    assert dialog.pages.currentIndex() == 1
    texts = [item.text() for item in dialog.change_items()]
    assert any(t.startswith("Check: Agenda item 71 (b)") for t in texts)
    review = item_for(dialog, "Agenda item 71 (b)")
    assert not review.flags() & Qt.ItemFlag.ItemIsUserCheckable
    # keep the sponsors (untick), and undo the session move in OP2 only
    item_for(dialog, "Sponsors cleared").setCheckState(Qt.CheckState.Unchecked)
    op2 = [item for item in dialog.change_items() if item.text().startswith("OP2")]
    assert len(op2) == 1
    op2[0].setCheckState(Qt.CheckState.Unchecked)
    # ticking and unticking again is undo then redo, not twice the same change
    op2[0].setCheckState(Qt.CheckState.Checked)
    op2[0].setCheckState(Qt.CheckState.Unchecked)
    click_ok(qtbot, dialog)
    assert not dialog.isVisible()

    res = window.res
    assert (res.header.session, res.header.symbol, res.header.date) == (81, "", None)
    assert res.header.sponsors == ["Japan", "Peru"]
    assert res.preamble[0].text == (
        "its resolutions 78/212 of 19 December 2023, 79/174 of 17 December 2024 and 80/190 of 15 December 2025"
    )
    assert res.operative[0].text.endswith("at its eighty-second session")
    assert res.operative[1].text.endswith("at its eighty-first session")  # undone
    assert window.doc.path is None and window.isWindowModified()  # a new draft: Save asks where
    assert window.header.session.value() == 81  # the details panel shows the new draft
    # the adopted text is the base: compare and tracked changes are one click away
    assert window.versions.base is not None and window.versions.base.header.session == 80
    assert window.action(ActionId.EXPORT_TRACKED).isEnabled()
    window.action(ActionId.COMPARE_BASE).trigger()
    changed = [r for r in window.versions.view.shown_rows() if r[0] == "changed"]
    assert [r[1] for r in changed] == ["PP 1", "1."]
    out = tmp_path / "rolled.docx"
    prompter.paths = [out]
    window.action(ActionId.EXPORT_TRACKED).trigger()
    xml = zipfile.ZipFile(out).read("word/document.xml").decode("utf-8")
    inserted = " ".join(re.findall(r"<w:ins [^>]*>.*?</w:ins>", xml, re.S))
    assert "80/190 of 15 December 2025" in "".join(re.findall(r"<w:t[^>]*>([^<]*)</w:t>", inserted))


def test_rollover_cancelled_changes_nothing(qtbot, window: MainWindow, prompter, tmp_path: Path) -> None:  # noqa: ANN001
    path = tmp_path / "adopted.json"
    storage.save_project(adopted(), path)
    open_file(window, prompter, path)
    window.action(ActionId.ROLLOVER).trigger()
    dialog = window.versions.rollover_dialog
    click_ok(qtbot, dialog)
    assert any("15 December 2025" in item.text() for item in dialog.change_items())
    # back to step one to correct the date: the changes are made again from the adopted text
    qtbot.mouseClick(dialog.back_button, Qt.MouseButton.LeftButton)
    assert dialog.pages.currentIndex() == 0
    dialog.date.clear()
    qtbot.keyClicks(dialog.date, "14 December 2025")
    click_ok(qtbot, dialog)
    texts = [item.text() for item in dialog.change_items()]
    assert any("80/190 of 14 December 2025" in t for t in texts)
    assert not any("15 December 2025" in t for t in texts)
    dialog.reject()
    assert window.doc.path == path and window.res.header.session == 80
    assert window.res.header.symbol == "A/RES/80/190"


def test_rollover_of_a_real_adopted_resolution(qtbot, window: MainWindow, prompter, corpus: Path) -> None:  # noqa: ANN001
    path = corpus / "originals" / "A_RES_80_70-2520898E.xml"
    if not path.exists():
        import pytest

        pytest.skip("A/RES/80/70 is not in the corpus")
    open_file(window, prompter, path)
    window.action(ActionId.ROLLOVER).trigger()
    dialog = window.versions.rollover_dialog
    # what the UN XML says: symbol, adoption date and the committee whose report it was adopted on
    assert (dialog.symbol.text(), dialog.date.text()) == ("A/RES/80/70", "1 December 2025")
    assert dialog.template.currentData() == "ga-c1"
    click_ok(qtbot, dialog)
    citation = next(item for item in dialog.change_items() if "80/70" in item.text())
    assert citation.checkState() == Qt.CheckState.Checked
    click_ok(qtbot, dialog)
    res = window.res
    assert res.header.session == 81 and res.header.template == "ga-c1"
    assert "its resolution 80/70 of 1 December 2025" in [p.text for p in res.preamble]
    assert "provisional agenda of its eighty-second session" in res.operative[-1].text
    assert window.versions.base_name == "A/RES/80/70 (adopted)"
    assert window.versions.base is not None and window.versions.base.header.session == 80


def test_revised_draft_is_rev_1_and_compares_with_the_issued_text(
    qtbot,
    window: MainWindow,
    prompter,
    tmp_path: Path,  # noqa: ANN001
) -> None:
    issued = adopted()
    issued.header.symbol = "A/C.3/80/L.20"
    path = tmp_path / "L20.json"
    storage.save_project(issued, path)
    open_file(window, prompter, path)
    window.action(ActionId.REVISE).trigger()
    assert window.res.header.full_symbol == "A/C.3/80/L.20/Rev.1"
    assert window.res.header.date == dt.date.today()
    assert "Rev.1" in window.windowTitle()
    assert window.versions.base_name == "A/C.3/80/L.20 as issued"
    assert window.action(ActionId.UNDO).text() == "&Undo Revised draft"
    # a change to the revised text shows against the issued one
    row = window.paragraphs.rows[window.paragraphs.order[1]]
    row.text.setFocus()
    row.text.moveCursor(row.text.textCursor().MoveOperation.End)
    qtbot.keyClicks(row.text, " and to the Human Rights Council")
    window.flush()
    window.action(ActionId.ORAL_REVISIONS).trigger()
    text = window.versions.oral_dialog.text.toPlainText()
    assert "In operative paragraph 1" in text and "“and to the Human Rights Council”" in text
    window.versions.oral_dialog.close()
    # twice: /Rev.2, still against the text as issued just before
    window.action(ActionId.REVISE).trigger()
    assert window.res.header.full_symbol == "A/C.3/80/L.20/Rev.2"
    assert window.versions.base_name == "A/C.3/80/L.20/Rev.1 as issued"
