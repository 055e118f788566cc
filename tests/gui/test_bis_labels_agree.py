"""A paragraph the facilitator types in while the text is negotiated is "OP 1 bis" until the L document numbers
it afresh: the merge dialog names a bracket in it as the L document's refusal and the next revision's
compilation do, from the one numbering source (`numbering.current`; it looked in the labels stored at the last
revision, which do not hold it yet, and said "Paragraph"). The editor and its issues list name it as the draft
prints it ("OP 2")."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import open_as_project
from PySide6.QtCore import Qt

from app import edits
from app.errors import InputError
from app.model import Paragraph, Part
from app.negotiation import commands, numbering
from app.negotiation.status import Alternative, refuse_brackets
from app.render import place_names, render
from widgets.main_window import MainWindow

STRUCTURE = Path(__file__).resolve().parent.parent / "fixtures" / "structure"


def test_a_bracket_in_a_paragraph_typed_in_is_named_as_the_compilation_names_it(
    qtbot, window: MainWindow, prompter, tmp_path: Path
) -> None:  # noqa: ANN001
    open_as_project(window, STRUCTURE / "A_RES_77_5-2225005E.xml", tmp_path)
    window.apply(commands.start_negotiation)
    first = window.res.operative[0]
    first_label = numbering.current(window.res)[first.id]
    new = Paragraph(opener="Requests", text="the Secretary-General to report on the commemoration;")
    window.apply(edits.insert_paragraph, part=Part.OPERATIVE, after_id=first.id, paragraph=new)
    new_id = window.res.operative[1].id
    window.apply(
        commands.add_bracket,
        paragraph_id=new_id,
        words="to report",
        alternatives=[Alternative("to report", ["EU"]), Alternative("to inform", ["G77"])],
    )
    assert new_id not in window.res.negotiation.labels  # not stored until the next revision
    window.resize(1600, 1000)
    panel = window.negotiation
    panel.show()
    qtbot.mouseClick(panel.view.merge_button, Qt.MouseButton.LeftButton)
    dialog = panel.merge_dialog
    rows = [row for row in dialog.place_rows() if "to report" in row or "to inform" in row]
    label = f"{first_label} bis"
    assert rows and all(row.startswith(f"{label} · ") for row in rows)
    dialog.reject()
    # the L document's refusal names it so too, and so does the compilation once the revision is issued
    with pytest.raises(InputError, match=f"\\({label}\\)"):
        refuse_brackets(window.res)
    window.apply(commands.issue_revision)
    panel.refresh()
    assert window.res.negotiation.labels[new_id] == label
    assert [e.label for e in panel.compilation.entries if e.paragraph_id == new_id] == [label]
    # the editor names it as the draft prints it, the number it will have in the L document
    printed = place_names(render(window.res).blocks)[new_id]
    assert printed != label and window.paragraphs.where(new_id) == printed
