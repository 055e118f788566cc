"""File › Open Recent after a delegate opened each round's copy of the same name ("Q&A eu.docx" in "round 1" and
"round 2"): the menu listed the name twice, alike, its folder only in a tooltip the menu did not show, and the
"&" of a name was taken for the menu's underline mark ("QA eu.docx"). Each entry now reads as its file's name
with the folder that tells it apart, and opens that file."""

from __future__ import annotations

import shutil
from pathlib import Path

from app.recent_names import recent_names
from widgets.actions import ActionId
from widgets.main_window import MainWindow

DOCX = Path(__file__).resolve().parents[1] / "fixtures" / "wordxml" / "libreoffice-lists.docx"
NAME = "Q&A eu.docx"


def _shown(text: str) -> str:
    """A menu entry's text as the menu draws it: "&&" is an "&", a lone "&" underlines the next letter."""
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&")


def test_two_rounds_copies_of_one_name_are_told_apart_and_open(
    window: MainWindow, prompter, tmp_path: Path
) -> None:  # noqa: ANN001
    copies = []
    for folder in ("round 1", "round 2"):
        (tmp_path / folder).mkdir()
        copies.append(shutil.copy(DOCX, tmp_path / folder / NAME))
    for path in copies:
        prompter.paths = [Path(path)]
        prompter.save_answer = "discard"
        window.action(ActionId.OPEN).trigger()
    menu = window.files.recent_menu
    assert menu.toolTipsVisible()
    shown = [_shown(a.text()) for a in menu.actions()]
    assert len(set(shown)) == len(shown) == 2
    for text, action in zip(shown, menu.actions(), strict=True):
        path = Path(action.toolTip())
        assert text.startswith(NAME) and path.parent.name in text  # the name whole, its folder after it
    older = next(a for a in menu.actions() if "round 1" in a.text())
    older.trigger()
    assert window.settings.recent_files()[0].parent.name == "round 1"


def test_names_get_the_folders_that_tell_them_apart() -> None:
    paths = [Path("/a/b/draft.json"), Path("/a/c/draft.json"), Path("/d/c/draft.json"), Path("/e/other.json")]
    names = recent_names(paths)
    assert len(set(names)) == len(names) and names[-1] == "other.json"
    for path, name in zip(paths, names, strict=True):
        assert name.startswith(path.name) and (name == path.name or path.parent.name in name)
