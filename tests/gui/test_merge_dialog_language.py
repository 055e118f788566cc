"""The merge dialog lists an open bracket as the draft's compilation prints it: on a French draft a deleting
option reads "(supprimer)", the French word of resources/languages/fr.toml, where it read "(delete)"."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import open_as_project
from PySide6.QtCore import Qt

from app.negotiation import commands
from app.negotiation.printed import ENGLISH, printed
from app.negotiation.status import Alternative
from widgets.main_window import MainWindow

LANGUAGES = Path(__file__).resolve().parents[1] / "fixtures" / "corpus" / "languages"


@pytest.mark.parametrize("name", ["A_RES_80_4-2517552F.xml", "A_RES_80_4-2517552S.xml"])
def test_a_bracket_in_the_merge_dialog_says_delete_in_the_drafts_language(
    qtbot, window: MainWindow, prompter, tmp_path: Path, name: str
) -> None:  # noqa: ANN001
    open_as_project(window, LANGUAGES / name, tmp_path)
    res = window.res
    para = next(p for p in res.operative if len(p.text.split()) > 4)
    words = " ".join(para.text.split()[1:3])
    window.apply(commands.start_negotiation)
    window.apply(
        commands.add_bracket,
        paragraph_id=para.id,
        words=words,
        alternatives=[Alternative(words, ["EU"]), Alternative("", ["G77"])],
    )
    window.resize(1600, 1000)
    panel = window.negotiation
    panel.show()
    qtbot.mouseClick(panel.view.merge_button, Qt.MouseButton.LeftButton)
    rows = [row for row in panel.merge_dialog.place_rows() if words in row]
    delete = printed(res.header.language)["delete"]
    assert delete != ENGLISH["delete"]
    assert rows and all(delete in row and ENGLISH["delete"] not in row for row in rows)
