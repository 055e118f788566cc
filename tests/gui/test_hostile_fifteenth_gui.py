"""The fifteenth hostile-input pass (docs/hardening-log.md, "Fifteenth pass"), in the editor: the file name
offered for a draft comes from the symbol the delegate types, and a name a file system refuses made the export
fail after the dialog. Driven as a delegate would: the symbol typed, Export Word asked for, the name taken."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from widgets.actions import ActionId


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("A/C.3/80/L." + "20/Add.1/" * 40, None),  # 370 characters: past the 255 bytes of a name
        ("ا/ل" * 120, None),  # Arabic letters: two bytes each
        ("..", "draft.docx"),  # no file at all
        ("CON", "_CON.docx"),  # a device on Windows
        ("/Rev.1.", "Rev.1.docx"),  # Windows drops the trailing dot; a leading "_" is noise
    ],
)
def test_the_name_offered_from_a_typed_symbol_is_one_a_file_system_takes(
    qtbot, window, prompter, tmp_path: Path, typed: str, expected: str | None
) -> None:  # noqa: ANN001
    offered: list[str] = []

    def save_path(parent, caption: str, filters: str, suggested: str) -> Path:  # noqa: ANN001
        offered.append(suggested)
        return tmp_path / suggested  # the delegate takes the name offered

    prompter.save_path = save_path
    window.header.symbol.setFocus()
    window.header.symbol.clear()
    window.header.symbol.insert(typed)  # as typed or pasted (keyClicks takes Latin-1 alone)
    QApplication.processEvents()
    assert window.res.header.symbol == typed.strip()
    window.action(ActionId.EXPORT_DOCX).trigger()
    assert prompter.errors == []
    (name,) = offered
    assert len(name.encode("utf-8")) + len("-compilation") <= 255
    if expected:
        assert name == expected
    assert (tmp_path / name).is_file()
