"""What other programs drop on the editor: a folder, a named pipe, an empty file and a file whose name is not
UTF-8 dragged from a file manager, and data in the editor's own paragraph format that is not what the editor
writes. Nothing is read from a dropped file (the editor opens files through File > Open), nothing tracebacks,
and the draft is as it was unless text was dropped into a field."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtCore import QByteArray, QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import QApplication

from app import storage
from tests.gui.test_editor import draft, rows
from widgets.main_window import MainWindow
from widgets.paragraph_editor import MIME


def _files(tmp_path: Path) -> list[Path]:
    folder = tmp_path / "a folder"
    folder.mkdir()
    empty = tmp_path / "empty.docx"
    empty.write_bytes(b"")
    out = [folder, empty]
    if hasattr(os, "mkfifo"):
        os.mkfifo(tmp_path / "pipe.docx")
        out.append(tmp_path / "pipe.docx")
    odd = Path(os.fsdecode(bytes(tmp_path) + b"/caf\xe9.json"))  # Latin-1 bytes: not UTF-8
    try:
        odd.write_text("{}", encoding="utf-8")
        out.append(odd)
    except (OSError, UnicodeEncodeError):  # a file system that takes only UTF-8 names
        pass
    return out


def _drop(widget, mime: QMimeData, y: int = 5) -> None:  # noqa: ANN001
    """A drop as a real one arrives: entering, moving, dropping, each through the widget's event filters."""
    actions, button, mods = (
        Qt.DropAction.CopyAction,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(widget, QDragEnterEvent(QPoint(20, y), actions, mime, button, mods))
    QApplication.sendEvent(widget, QDragMoveEvent(QPoint(20, y), actions, mime, button, mods))
    QApplication.sendEvent(widget, QDropEvent(QPointF(20, y), actions, mime, button, mods))
    QApplication.processEvents()


def _url_mime(paths: list[Path]) -> QMimeData:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    return mime


def test_files_dropped_on_the_paragraph_list_change_nothing(
    qtbot, window: MainWindow, tmp_path: Path
) -> None:  # noqa: ANN001
    draft(qtbot, window)
    before = storage.dumps(window.res)
    files = _files(tmp_path)
    for path in files:
        _drop(window.paragraphs.body, _url_mime([path]))
    _drop(window.paragraphs.body, _url_mime(files))  # all at once
    assert storage.dumps(window.res) == before


@pytest.mark.parametrize("data", [b"\xff\xfe\x00bad", b"", b"no-such-paragraph", b"\x00" * 10_000])
def test_junk_in_the_paragraph_format_is_ignored(qtbot, window: MainWindow, data: bytes) -> None:  # noqa: ANN001
    """Another program can offer data under the editor's own drag format: ids that are no paragraph's, bytes
    that are not UTF-8 (a UnicodeDecodeError out of the drop before)."""
    draft(qtbot, window)
    before = storage.dumps(window.res)
    mime = QMimeData()
    mime.setData(MIME, QByteArray(data))
    for y in (5, 60, 400):
        _drop(window.paragraphs.body, mime, y)
    assert storage.dumps(window.res) == before


def test_a_file_dropped_into_a_paragraph_reads_nothing_from_it(
    qtbot, window: MainWindow, tmp_path: Path
) -> None:  # noqa: ANN001
    """Qt reads a dropped file's URL as text: "file:///…/draft.docx" was glued into the paragraph (with a
    name that is not UTF-8 mangled). A file is opened with File > Open; the drop is refused with that reason."""
    draft(qtbot, window)
    before = storage.dumps(window.res)
    field = rows(window)[2].text
    field.setFocus()
    for path in _files(tmp_path):
        mime = _url_mime([path])
        assert not field.canInsertFromMimeData(mime)
        field.insertFromMimeData(mime)  # as Ctrl+V does with files copied in a file manager
        window.flush()
    assert storage.dumps(window.res) == before
    assert "File > Open" in window.statusBar().currentMessage()


def test_a_file_dropped_on_an_opener_or_a_header_field_is_not_taken(
    qtbot, window: MainWindow, tmp_path: Path
) -> None:  # noqa: ANN001
    draft(qtbot, window)
    before = storage.dumps(window.res)
    fields = (rows(window)[2].opener, window.header.title, window.header.committee)
    for i, field in enumerate(fields):
        folder = tmp_path / f"field{i}"
        folder.mkdir()
        for path in _files(folder):
            _drop(field, _url_mime([path]))
        window.flush()
    assert storage.dumps(window.res) == before
    mime = QMimeData()
    mime.setText(" in good faith")  # text from another program is still dropped as text
    rows(window)[2].text.setFocus()
    rows(window)[2].text.insertFromMimeData(mime)
    window.flush()
    assert window.res.operative[0].text.endswith("in good faith")
