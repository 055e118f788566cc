"""The thirteenth hostile-input pass (docs/hardening-log.md, "Thirteenth pass"), in the editor: a draft's unplaced
text of many blocks, and blocks that read as markup. Driven as a delegate would: the project opened, a block
deleted with its button, undone."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

from PySide6.QtCore import Qt

from tests.gui.shown import shown_window
from widgets.main_window import MainWindow

SAMPLE = Path(__file__).resolve().parents[2] / "resources" / "samples" / "A_C.3_80_L.20.json"


def _opened(qtbot, settings, prompter, tmp_path: Path, unplaced: list[str]) -> MainWindow:  # noqa: ANN001
    data = json.loads(SAMPLE.read_text(encoding="utf-8"))
    data["unplaced"] = unplaced
    path = tmp_path / f"draft-{len(unplaced)}.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    win = shown_window(qtbot, settings, prompter, tmp_path, (1024, 640))
    assert win.files.open_path(path)
    qtbot.wait(20)
    assert win.paragraphs.unplaced.texts == unplaced
    return win


def _delete_first(qtbot, win: MainWindow) -> float:  # noqa: ANN001
    """The process time from a click on the first block's Delete until the box is laid out again."""
    box = win.paragraphs.unplaced
    count = len(box.texts)
    started = time.process_time()
    qtbot.mouseClick(box.rows[0].delete, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(box.texts) == count - 1)
    qtbot.wait(20)  # the layout requests the change posted
    return time.process_time() - started


def test_deleting_one_of_many_unplaced_blocks_costs_the_blocks_once(
    qtbot, settings, prompter, tmp_path: Path
) -> None:  # noqa: ANN001
    """Each change remade the box's rows in place, and every row taken out of the shown box laid out the rows
    left (300 blocks: 10 s for one deletion, 1,200: 160 s, the square). Eight times the blocks now cost
    about eight times the time."""
    times = []
    for n in (60, 480):
        win = _opened(
            qtbot, settings, prompter, tmp_path, [f"Block {i} kept by the reader" for i in range(n)]
        )
        times.append(min(_delete_first(qtbot, win) for _ in range(2)))
        assert win.paragraphs.unplaced.texts[0] == "Block 2 kept by the reader"
        win.undo()
        qtbot.waitUntil(lambda w=win, k=n: len(w.paragraphs.unplaced.texts) == k - 1)
        prompter.save_answer = "discard"
        win.close()
    assert times[1] < 24 * max(times[0], 0.02), times  # linear: 8; the code before: past 60


def test_a_block_that_reads_as_markup_shows_its_words(qtbot, settings, prompter, tmp_path: Path) -> None:  # noqa: ANN001
    """Qt took a label's text for rich text when it looked like HTML: a block "<b>…</b> <!-- … -->" showed bold
    and lost the words inside the comment, though the export prints them."""
    block = "<b>Bracketed</b> <!-- informal note --> text & more"
    win = _opened(qtbot, settings, prompter, tmp_path, [block])
    words = win.paragraphs.unplaced.rows[0].words
    assert words.textFormat() == Qt.TextFormat.PlainText and words.text() == block
    prompter.save_answer = "discard"


def test_the_editor_started_over_a_broken_languages_file_says_why_in_one_line(tmp_path: Path) -> None:
    """The languages are read as the editor's modules load: a hand-edited file stopped the start with a
    traceback (exit 1). A copy of the program whose English file names a session by a word is started."""
    root = Path(__file__).resolve().parents[2]
    for folder in ("app", "widgets", "resources", "templates"):
        shutil.copytree(root / folder, tmp_path / folder, ignore=shutil.ignore_patterns("__pycache__"))
    english = tmp_path / "resources" / "languages" / "en.toml"
    english.write_text(english.read_text(encoding="utf-8") + '\n[sessions]\neighty = "x"\n', encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "app"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen", "HOME": str(tmp_path)},
    )
    lines = [s for s in done.stderr.splitlines() if "propagateSizeHints" not in s]
    assert done.returncode == 2 and len(lines) == 1, done.stderr[-600:]
    assert "en.toml: field 'sessions'" in lines[0]
