"""Restoring a large autosave at start: the draft is loaded, rendered and given its new recovery file on the
reading thread (widgets/recovery_offer.Restored). Rendered on the UI thread, a 20,000-paragraph autosave froze the
window for 2.3 s after it was read (benchmarks/bench_recovery_pause.py); here what ran where is recorded."""

from __future__ import annotations

import json
import os
import threading
from pathlib import Path

import pytest
from test_recovery_at_start import _autosave

from app import recovery, render
from tests.gui.shown import shown_window
from widgets import main_window, shown
from widgets.app import start

WAIT = 15_000
TITLE = "The work to restore"


def test_a_restored_autosave_is_rendered_and_saved_again_off_the_ui_thread(
    qtbot, settings, prompter, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:  # noqa: ANN001
    folder = tmp_path / "recovery"
    folder.mkdir()
    old = _autosave(folder, 300, TITLE, 2.0)
    win = shown_window(qtbot, settings, prompter, tmp_path, read_inline=False)
    ui = threading.current_thread()
    rendered_on: list[bool] = []  # per rendering of the restored draft: on the UI thread?
    saved_on: list[bool] = []

    def watched(res, *args, **kwargs):  # noqa: ANN001, ANN002, ANN003, ANN202
        if res.title == TITLE:
            rendered_on.append(threading.current_thread() is ui)
        return render.render(res, *args, **kwargs)

    real_save = recovery.Autosaver.save

    def watched_save(self, res, *, source):  # noqa: ANN001, ANN202
        if res.title == TITLE:
            saved_on.append(threading.current_thread() is ui)
        return real_save(self, res, source=source)

    monkeypatch.setattr(main_window, "render", watched)
    monkeypatch.setattr(shown, "render", watched)
    monkeypatch.setattr(recovery.Autosaver, "save", watched_save)
    start(win, [])
    qtbot.waitUntil(lambda: win.res.title == TITLE, timeout=WAIT)
    assert rendered_on and rendered_on[0] is False  # the first rendering, the one the rows are built from
    assert saved_on == [False]
    assert win.isWindowModified() and prompter.errors == []
    assert len(win.paragraphs.order) == len(
        [b for b in render.render(win.res).blocks if b.role in ("preambular", "operative", "subparagraph")]
    )
    assert not old.exists()  # the autosave restored is replaced by the draft's own recovery file, ours
    (left,) = folder.glob("*" + recovery.SUFFIX)
    assert left == win.files.autosaver.path
    data = json.loads(left.read_text(encoding="utf-8"))
    assert data["pid"] == os.getpid() and data["document"]["title"] == TITLE
    win.doc.history.mark_saved()
    win.close()


def test_a_restore_cancelled_while_its_new_recovery_file_is_written_leaves_only_the_autosave(
    qtbot, settings, prompter, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:  # noqa: ANN001
    folder = tmp_path / "recovery"
    folder.mkdir()
    old = _autosave(folder, 300, TITLE, 2.0)
    before = old.read_bytes()
    win = shown_window(qtbot, settings, prompter, tmp_path, read_inline=False)
    saving, go_on, saved = threading.Event(), threading.Event(), threading.Event()
    real_save = recovery.Autosaver.save

    def held_save(self, res, *, source):  # noqa: ANN001, ANN202
        if res.title != TITLE:
            return real_save(self, res, source=source)
        saving.set()
        go_on.wait(10)
        try:
            return real_save(self, res, source=source)
        finally:
            saved.set()

    monkeypatch.setattr(recovery.Autosaver, "save", held_save)
    try:
        start(win, [])
        qtbot.waitUntil(saving.is_set, timeout=WAIT)
        win.reader.cancel()  # the Cancel button, while the new recovery file is being written
    finally:
        go_on.set()
    assert saved.wait(10)
    qtbot.waitUntil(lambda: list(folder.glob("*" + recovery.SUFFIX)) == [old], timeout=WAIT)
    assert old.read_bytes() == before and win.res.title != TITLE
    win.doc.history.mark_saved()
    win.close()
