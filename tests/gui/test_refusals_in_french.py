"""A French-speaking delegate applies an issued amendment and rolls a resolution over with the editor in French:
what cannot be done is said in French, naming the paragraph as the French set wording does, and the open
document is left as it was (these refusals were English sentences in a French editor)."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from app import interface
from app.io.text_writer import to_text
from app.model import DocumentKind, Part
from app.storage import load_project
from app.wording.places import paragraph_name
from widgets import interface_language
from widgets.actions import ActionId
from widgets.main_window import MainWindow

GUI = Path(__file__).resolve().parent.parent / "fixtures" / "gui"
CORPUS = Path(__file__).resolve().parent.parent / "fixtures" / "corpus"


@pytest.fixture
def french(qapp) -> Iterator[None]:  # noqa: ANN001
    interface_language.apply("fr")
    yield
    interface_language.apply(interface.ENGLISH)


def test_an_amendment_naming_a_paragraph_the_draft_lacks_is_refused_in_french(
    french, window: MainWindow, prompter, tmp_path: Path
) -> None:  # noqa: ANN001
    source = shutil.copy(CORPUS / "A_80_L.19.txt", tmp_path / "A_80_L.19.txt")
    assert window.files.open_path(Path(source), as_import=True)
    base_path = shutil.copy(GUI / "A_C.3_80_L.20.json", tmp_path / "base.json")
    panel = window.amendment_panel
    past = len(load_project(Path(base_path)).preamble) + 3
    panel.number.setValue(past)  # a preambular paragraph the draft amended does not have
    before = to_text(window.res)
    prompter.paths = [Path(base_path)]
    window.action(ActionId.SHOW_AMENDED).trigger()
    title, message = prompter.errors[-1]
    assert title == "Impossible d'appliquer l'amendement"
    assert message == f"{paragraph_name(Part.PREAMBLE, past, language='fr')} n'existe pas dans le projet"
    assert window.res.header.kind is DocumentKind.AMENDMENT and to_text(window.res) == before


def test_a_rollover_symbol_that_is_not_one_is_refused_in_french(
    french, qtbot, window: MainWindow, prompter, tmp_path: Path
) -> None:  # noqa: ANN001
    path = shutil.copy(GUI / "A_C.3_80_L.20.json", tmp_path / "draft.json")
    assert window.files.open_path(Path(path))
    before = to_text(window.res)
    window.action(ActionId.ROLLOVER).trigger()
    dialog = window.versions.rollover_dialog
    dialog.symbol.clear()
    qtbot.keyClicks(dialog.symbol, "A/C.3/80/L.20")
    dialog.date.clear()
    qtbot.keyClicks(dialog.date, "15 December 2025")
    qtbot.keyClick(dialog.symbol, Qt.Key.Key_Return)  # Enter: the dialog's default button, Next
    assert dialog.isVisible() and dialog.pages.currentIndex() == 0
    assert dialog.message.text() == ("« A/C.3/80/L.20 » n'est pas une cote de résolution comme A/RES/80/70")
    qtbot.keyClick(dialog.symbol, Qt.Key.Key_Escape)
    assert not dialog.isVisible() and to_text(window.res) == before


def test_a_proposal_file_that_cannot_be_read_is_refused_in_french(
    french, window: MainWindow, prompter, tmp_path: Path, corpus: Path
) -> None:  # noqa: ANN001
    """A delegation's proposal comes as RTF, a saved web page, an empty, cut-short or Word 97 file: the refusal
    says in French what the file is and what to do, and the negotiation is left as it was."""
    from conftest import open_as_project

    open_as_project(window, corpus / "A_C.3_80_L.20.txt", tmp_path)
    window.negotiation.show()
    window.negotiation.view.start_button.click()
    before = to_text(window.res)
    files = {
        "ue.rtf": (
            b"{\\rtf1\\ansi proposal}",
            "ue.rtf est un fichier Rich Text (RTF) : enregistrez-le au format",
        ),
        "ue.html": (b"<!DOCTYPE html><html></html>", "ue.html est une page Web : copiez-en le texte"),
        "ue.txt": (b"", "ue.txt est vide"),
        "ue.docx": (b"PK\x03\x04 cut short", "ue.docx est endommagé ou incomplet"),
        "ue-97.docx": (
            b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + "WordDocument".encode("utf-16-le"),
            "ue-97.docx est un ancien fichier Word 97-2003 (.doc) : enregistrez-le d'abord",
        ),
    }
    for name, (data, said) in files.items():
        (tmp_path / name).write_bytes(data)
        prompter.paths, prompter.texts = [tmp_path / name], ["UE"]
        window.negotiation.view.add_button.click()
        title, message = prompter.errors[-1]
        assert title == "Impossible de lire la proposition" and message.startswith(said), message
    assert to_text(window.res) == before and window.res.negotiation.proposals == []
