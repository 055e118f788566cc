"""The fourteenth hostile-input pass (docs/hardening-log.md, "Fourteenth pass"), in the editor: an interface
catalog edited by hand whose translation names a field its English does not give. Driven as a delegate would:
the editor in French, a draft with unplaced text opened, its block moved to the preamble with the button."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from app import interface
from app.model import Part
from tests.gui.shown import shown_window
from widgets.interface_language import apply

SAMPLE = Path(__file__).resolve().parents[2] / "resources" / "samples" / "A_C.3_80_L.20.json"
ENTRY = "Make unplaced text {number} a preambular paragraph"


@pytest.fixture
def broken_french(monkeypatch: pytest.MonkeyPatch, tmp_path: Path):  # noqa: ANN201
    """The editor in French, its catalog's unplaced-text button naming {nombre} where the English gives {number}."""
    shipped = (interface.folder() / "fr.toml").read_text(encoding="utf-8")
    line = next(x for x in shipped.splitlines() if x.startswith(f'"{ENTRY}"'))
    folder = tmp_path / "interface"
    folder.mkdir()
    for path in interface.folder().glob("*.toml"):
        (folder / path.name).write_text(path.read_text(encoding="utf-8"), encoding="utf-8")
    broken = f'"{ENTRY}" = "Faire du texte non placé {{nombre}} un paragraphe du préambule"'
    (folder / "fr.toml").write_text(shipped.replace(line, broken), encoding="utf-8")
    monkeypatch.setattr(interface, "folder", lambda: folder)
    interface._read.cache_clear()
    apply("fr")
    yield
    apply(interface.ENGLISH)
    monkeypatch.undo()
    interface._read.cache_clear()


def test_a_catalog_field_the_english_does_not_give_leaves_the_editor_working(
    qtbot, settings, prompter, tmp_path: Path, broken_french: None
) -> None:  # noqa: ANN001
    """The box of unplaced text fills its buttons' names from the catalog: "{nombre}" raised KeyError as the
    draft opened (the rows half built, the box empty). The translation is left out, its English said; the
    other buttons stay French and the block moves to the preamble."""
    data = json.loads(SAMPLE.read_text(encoding="utf-8"))
    data["unplaced"] = ["Words the reader could not place"]
    path = tmp_path / "draft.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    win = shown_window(qtbot, settings, prompter, tmp_path, (1024, 640))
    assert win.files.open_path(path)
    qtbot.wait(20)
    box = win.paragraphs.unplaced
    assert box.texts == ["Words the reader could not place"]
    row = box.rows[0]
    assert row.to_preamble.accessibleName() == "Make unplaced text 1 a preambular paragraph"
    assert row.to_operative.accessibleName() == interface.catalog("fr")[
        "Make unplaced text {number} an operative paragraph"
    ].format(number=1)
    preamble = len(win.res.preamble)
    with qtbot.waitSignal(box.paragraph_requested) as sent:
        qtbot.mouseClick(row.to_preamble, Qt.MouseButton.LeftButton)
    assert sent.args == [0, Part.PREAMBLE]
    qtbot.waitUntil(lambda: not box.texts)
    assert len(win.res.preamble) == preamble + 1
    assert "Words the reader could not place" in win.res.preamble[-1].text
