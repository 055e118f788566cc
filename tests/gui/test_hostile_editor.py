"""The editor against hostile settings, files and hands (fourth red-team pass): garbage in the settings file,
every kind of hostile file opened, ten thousand undos, a paragraph dropped into its own subparagraph,
everything deleted and then exported, a window of 200 by 100 pixels."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest
from PySide6.QtCore import QByteArray, QSettings

from app import edits, storage
from app.io.reading import read_document
from app.model import Footnote, Paragraph, Resolution
from tests.gui.shown import shown_window
from widgets.settings import Settings

CORPUS = Path(__file__).resolve().parents[1] / "fixtures" / "corpus"


def _sample() -> Resolution:
    return read_document(CORPUS / "A_80_L.6.txt").resolution


GARBAGE = {
    "view/geometry": [b"\x00" * 64, "not a geometry", 10**9, -1, ""],
    "view/state-wide": [b"\xff" * 300, 10**9, "x"],
    "view/state-compact": [b"\x01\x02", "x"],
    "view/zoom": [10**9, -(10**9), "xx", 1.5, [1, 2]],
    "view/interface": ["xx", "", "../../etc", 5],
    "defaults/template": ["no-such-template", "", 7],
    "defaults/paper": ["letterx", 3],
    "defaults/spelling": ["zz-ZZ", ""],
    "recent/files": ["{folder}", ["{folder}", "", "{missing}", "\x00"], 42],
    "user/delegation": ["Atlantis" * 1000],
}


def _store(tmp_path: Path, key: str, value: object) -> Settings:
    store = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    store.setValue("spelling/personal", str(tmp_path / "personal.txt"))
    store.setValue("defaults/template", "ga-c1")
    if isinstance(value, str):
        value = value.format(folder=tmp_path, missing=tmp_path / "gone.json")
    elif isinstance(value, list):
        value = [
            v.format(folder=tmp_path, missing=tmp_path / "gone.json") if isinstance(v, str) else v
            for v in value
        ]
    elif isinstance(value, bytes):
        value = QByteArray(value)
    store.setValue(key, value)
    store.sync()
    return Settings(store)


@pytest.mark.parametrize(
    ("key", "value"), [(k, v) for k, values in GARBAGE.items() for v in values], ids=lambda x: str(x)[:20]
)
def test_the_editor_starts_with_garbage_in_any_setting(
    qtbot, prompter, tmp_path: Path, key: str, value: object
) -> None:  # noqa: ANN001
    win = shown_window(qtbot, _store(tmp_path, key, value), prompter, tmp_path)
    for path in win.settings.recent_files():  # each recent entry opens or says why in one message
        before = len(prompter.errors)
        opened = win.files.open_path(path)
        assert opened or len(prompter.errors) == before + 1
    assert 0 < win.width() < 100_000 and 0 < win.height() < 100_000
    win.close()


def _hostile_files(folder: Path) -> list[Path]:
    text = (CORPUS / "A_80_L.6.txt").read_text(encoding="utf-8")
    base = json.loads(storage.dumps(_sample()))
    files = {
        "vertical-tabs.txt": text.replace("\n", "\x0b").encode("utf-8"),
        "one-line.txt": " ".join(text.split()).encode("utf-8"),
        "rtl-and-emoji.txt": text.replace("Cuba", "كوبا 👩\u200d👩\u200d👧\u200d👦").encode("utf-8"),
        "combining.txt": text.replace("Cuba", "C" + "\u0301" * 1000 + "uba", 1).encode("utf-8"),
        "a.pdf": (CORPUS / "originals" / "A_80_L.6.pdf").read_bytes(),
        "folder.json": None,
    }
    dup = json.loads(json.dumps(base))
    dup["footnotes"].append({"id": dup["footnotes"][0]["id"], "text": "the second note"})
    files["duplicate-note.json"] = json.dumps(dup).encode("utf-8")
    many = json.loads(json.dumps(base))
    many["header"]["sponsors"] = [f"State {i}" for i in range(20_000)]
    files["sponsors.json"] = json.dumps(many).encode("utf-8")
    out = []
    for name, data in files.items():
        path = folder / name
        if data is None:
            path.mkdir()
        else:
            path.write_bytes(data)
        out.append(path)
    return out


def test_every_hostile_file_opens_or_says_why_and_what_opens_exports(
    window, prompter, tmp_path: Path
) -> None:  # noqa: ANN001
    for path in _hostile_files(tmp_path):
        before = len(prompter.errors)
        start = time.monotonic()
        opened = window.files.open_path(path)
        assert time.monotonic() - start < 30, path.name
        if not opened:
            assert len(prompter.errors) == before + 1 and "\n" not in prompter.errors[-1][1], path.name
            continue
        out = tmp_path / f"{path.stem}-out.docx"
        assert window.files.export_docx(out), (path.name, prompter.errors[-1:])
        assert read_document(out).resolution is not None


def _document(window) -> edits.Document:  # noqa: ANN001
    return window.doc


ROUNDS = 10


def test_a_thousand_undos_and_redos_end_where_they_began(window, qtbot) -> None:  # noqa: ANN001
    window.files.replace(edits.Document(_sample()), [])
    first = window.res.operative[0].id
    before = storage.dumps(window.res)
    for _ in range(50):
        window.apply_structure(edits.duplicate_paragraph, paragraph_id=first)
    edited = storage.dumps(window.res)
    start = time.monotonic()
    for _ in range(ROUNDS):
        for _ in range(50):
            window.undo()
        for _ in range(50):
            window.redo()
    for _ in range(50):
        window.undo()
    assert time.monotonic() - start < 120
    assert storage.dumps(window.res) == before
    for _ in range(50):
        window.redo()
    assert storage.dumps(window.res) == edited


def test_a_paragraph_dropped_into_its_own_subparagraph_stays_whole(window) -> None:  # noqa: ANN001
    res = _sample()
    parent = res.operative[0]
    parent.subparagraphs = [Paragraph(text="first item"), Paragraph(text="second item")]
    window.files.replace(edits.Document(res), [])
    before = storage.dumps(window.res)
    window.drop_paragraph(parent.id, parent.subparagraphs[1].id, True)
    window.drop_paragraph(parent.subparagraphs[0].id, parent.id, False)
    assert storage.dumps(window.res) == before


def test_everything_deleted_then_exported_in_every_format(window, tmp_path: Path) -> None:  # noqa: ANN001
    res = _sample()
    res.footnotes["x"] = Footnote("a note", id="x")
    window.files.replace(edits.Document(res), [])
    for para in [*window.res.preamble, *window.res.operative]:
        window.apply_structure(edits.delete_paragraph, paragraph_id=para.id)
    assert not window.res.preamble and not window.res.operative
    assert window.files.export_docx(tmp_path / "empty.docx")
    assert window.files.export_pdf(tmp_path / "empty.pdf")
    assert (tmp_path / "empty.pdf").read_bytes().startswith(b"%PDF")


def test_a_window_of_200_by_100_pixels_still_edits(window, qtbot) -> None:  # noqa: ANN001
    window.files.replace(edits.Document(_sample()), [])
    for width, height in ((200, 100), (1600, 1000), (200, 100)):  # across the compact and wide layouts
        window.resize(width, height)
        qtbot.wait(50)
    window.apply_structure(edits.delete_paragraph, paragraph_id=window.res.operative[0].id)
    window.undo()
    assert window.res.operative[0].opener
