"""Two things the seventh red team saw in the editor: a line break pasted into a one-line header field stayed
in the field and in the project file (the outputs print the line as one, `app.render.one_line`, but the
draft kept the break), and a recent file whose name is not UTF-8 was dropped from File > Recent (Qt turned
the byte Python keeps as a lone surrogate into U+FFFD, so the stored name no longer named the file)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QLineEdit

from app import storage
from app.render import one_line
from tests.gui.test_editor import draft
from widgets.main_window import MainWindow
from widgets.settings import Settings

BREAKS = ["\n", "\r\n", "\r", "\u2028", "\u2029", "\x0b", "\x0c", "\x85", "\n\n\n"]


def _paste(qtbot, field: QLineEdit, text: str) -> None:  # noqa: ANN001
    QGuiApplication.clipboard().setText(text)
    field.setFocus()
    field.end(False)
    qtbot.keyClick(field, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)


@pytest.mark.parametrize("brk", BREAKS)
def test_a_line_break_pasted_into_a_header_field_is_a_space(qtbot, window: MainWindow, brk: str) -> None:  # noqa: ANN001
    draft(qtbot, window)
    window.details_dock.show()
    header = window.header
    fields = {
        "title": header.title,
        "committee": header.committee,
        "symbol": header.symbol,
        "sponsor_note": header.sponsor_note,
        "on_behalf_of": header.on_behalf_of.lineEdit(),
    }
    for name, field in fields.items():
        field.setText("")
        _paste(qtbot, field, f"Group{brk}of{brk}States")
        assert field.text() == "Group of States", (name, field.text())
    window.flush()
    h = window.res.header
    assert window.res.title == "Group of States"
    assert (h.committee, h.symbol, h.sponsor_note, h.on_behalf_of) == ("Group of States",) * 4
    saved = storage.loads(storage.dumps(window.res))
    assert saved.title == one_line(saved.title)  # nothing to fold on the way out any more


def test_typed_and_pasted_text_without_breaks_is_kept_as_it_is(qtbot, window: MainWindow) -> None:  # noqa: ANN001
    draft(qtbot, window)
    window.details_dock.show()
    title = window.header.title
    title.setText("")
    qtbot.keyClicks(title, "Comprehensive  Nuclear-Test-Ban Treaty")
    _paste(qtbot, title, " *and* more")
    assert title.text() == "Comprehensive  Nuclear-Test-Ban Treaty *and* more"


def _latin1_file(folder: Path) -> Path:
    name = os.fsdecode(b"projet-caf\xe9.json")  # a Latin-1 byte: Python keeps it as U+DCE9
    path = folder / name
    try:
        path.write_bytes(b"")
    except (OSError, UnicodeEncodeError):
        pytest.skip("this file system takes only UTF-8 names")
    return path


def test_a_recent_file_whose_name_is_not_utf8_is_kept_and_opens(
    qtbot,  # noqa: ANN001
    window: MainWindow,
    tmp_path: Path,
) -> None:
    draft(qtbot, window)
    path = _latin1_file(tmp_path)
    storage.save_project(window.res, path)
    plain = tmp_path / "plain.json"
    storage.save_project(window.res, plain)
    assert window.files.open_path(path) and window.files.open_path(plain)
    store = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    again = Settings(store).recent_files()  # as the next start reads them
    assert again[:2] == [plain.resolve(), path.resolve()] and again[1].exists()
    window.files.refresh_recent()
    actions = window.files.recent_menu.actions()
    assert len(actions) == len(again)
    window.files.new_document("ga-c1")
    actions[1].trigger()  # File > Recent > projet-caf?.json
    assert window.doc.path is not None and window.doc.path.resolve() == path.resolve()
