"""Recovery, autosave and saving in the app the way machines break: a recovery folder holding a named pipe, a
link to /dev/zero or a link to itself; an autosave whose folder cannot be made; a save to a folder that refuses
new files or a disk that fills up. The editor starts, says what failed in one line, and keeps the draft open
and unsaved; nothing on disk is lost."""

from __future__ import annotations

import errno
import json
import os
import sys
from pathlib import Path

import pytest

from app import recovery, storage
from app.documents import new_resolution
from app.reasons import system_reason
from tests.gui.shown import shown_window
from tests.gui.test_editor import draft, rows
from widgets.background import SyncRunner
from widgets.main_window import MainWindow

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from fixtures.robust.hostile import hang_guard  # noqa: E402

posix_only = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are POSIX")


@posix_only
def test_the_editor_starts_past_a_pipe_a_device_and_a_loop_in_the_recovery_folder(
    qtbot, settings, prompter, tmp_path: Path
) -> None:  # noqa: ANN001
    folder = tmp_path / "recovery"
    folder.mkdir()
    os.mkfifo(folder / f"pipe{recovery.SUFFIX}")
    (folder / f"zero{recovery.SUFFIX}").symlink_to("/dev/zero")
    (folder / f"loop{recovery.SUFFIX}").symlink_to(folder / f"loop{recovery.SUFFIX}")
    res = new_resolution("ga-c2")
    res.title = "The work to restore"
    good = {"source": None, "saved_at": 1.0, "pid": -1, "document": storage.to_dict(res)}
    (folder / f"work{recovery.SUFFIX}").write_text(json.dumps(good), encoding="utf-8")
    with hang_guard(20):
        win = MainWindow(settings=settings, runner=SyncRunner(), prompter=prompter, recovery_folder=folder)
        qtbot.addWidget(win)
        assert win.files.offer_recovery()
    assert win.res.title == "The work to restore" and win.doc.history.modified
    assert "3 recovery file(s) could not be read" in win.statusBar().currentMessage()
    assert sorted(p.name for p in folder.iterdir() if p.name.endswith(recovery.ASIDE)) == sorted(
        f"{n}{recovery.SUFFIX}{recovery.ASIDE}" for n in ("pipe", "zero", "loop")
    )
    win.close()


def test_an_autosave_that_cannot_make_its_folder_says_so_and_keeps_the_draft(
    qtbot, settings, prompter, tmp_path: Path
) -> None:  # noqa: ANN001
    blocker = tmp_path / "data"
    blocker.write_text("not a folder", encoding="utf-8")
    win = MainWindow(
        settings=settings, runner=SyncRunner(), prompter=prompter, autosave_ms=20, recovery_folder=blocker
    )
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    draft(qtbot, win)  # typing pokes the autosave, which fails on every try
    win.files.autosave()
    qtbot.wait(60)
    assert "Autosave failed" in win.statusBar().currentMessage()
    assert win.doc.history.modified and win.res.operative[0].opener == "Requests"
    assert blocker.read_text(encoding="utf-8") == "not a folder"
    assert win.files.save_to(tmp_path / "draft.json")  # saving is still possible
    win.close()


def _refuse(monkeypatch: pytest.MonkeyPatch, folder: Path, code: int) -> None:
    """Every new file in `folder` fails with `code` (a folder without write permission, a full disk); root
    ignores permission bits, so the refusal is simulated where the save makes its file."""
    real_open = os.open

    def guarded(path, flags, *args, **kwargs):  # noqa: ANN001, ANN202
        if flags & os.O_CREAT and Path(path).parent == folder:
            raise OSError(code, os.strerror(code), str(path))
        return real_open(path, flags, *args, **kwargs)

    monkeypatch.setattr(os, "open", guarded)


@pytest.mark.parametrize("code", [errno.EACCES, errno.ENOSPC, errno.EROFS])
def test_a_save_refused_by_the_folder_or_the_disk_keeps_the_draft_and_the_file(
    qtbot, window, prompter, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, code: int
) -> None:  # noqa: ANN001
    folder = tmp_path / "shared"
    folder.mkdir()
    path = folder / "draft.json"
    draft(qtbot, window)
    assert window.files.save_to(path)
    before = path.read_bytes()
    rows(window)[-1].text.setFocus()
    qtbot.keyClicks(rows(window)[-1].text, " of the matter")
    window.flush()
    _refuse(monkeypatch, folder, code)
    assert not window.files.save()
    assert len(prompter.errors) == 1 and "\n" not in prompter.errors[0][1]
    assert system_reason(OSError(code, "")) in prompter.errors[0][1]  # the same words on every system
    assert window.doc.history.modified and window.res.operative[-1].text.endswith("of the matter")
    assert path.read_bytes() == before and sorted(p.name for p in folder.iterdir()) == ["draft.json"]
    assert not window.files.export_pdf(folder / "draft.pdf")  # an export there says why too
    assert len(prompter.errors) == 2 and window.doc.history.modified
    monkeypatch.undo()
    assert window.files.save() and not window.doc.history.modified


def test_a_window_shown_over_an_unmakeable_recovery_folder_still_opens(
    qtbot, settings, prompter, tmp_path: Path
) -> None:  # noqa: ANN001
    blocker = tmp_path / "recovery"
    blocker.write_text("x", encoding="utf-8")
    win = shown_window(qtbot, settings, prompter, tmp_path)  # its recovery folder is tmp_path / "recovery"
    assert not win.files.offer_recovery()
    win.files.new_document("ga-c1")
    assert win.res.header.template == "ga-c1"


def test_hundreds_of_recovery_files_ask_a_few_questions_and_keep_the_rest(
    qtbot, settings, prompter, tmp_path: Path
) -> None:  # noqa: ANN001
    """Crashed sessions (or a folder copied in) left 300 recovery files: the editor asks about the newest few,
    as before one at a time, and keeps the others for the next start instead of 300 questions before it
    starts."""
    from widgets.document_controller import MAX_OFFERED

    folder = tmp_path / "recovery"
    folder.mkdir()
    doc = storage.to_dict(new_resolution("ga-c2"))
    for i in range(300):
        data = {"source": None, "saved_at": float(i), "pid": -1, "document": {**doc, "title": f"draft {i}"}}
        (folder / f"r{i:03d}{recovery.SUFFIX}").write_text(json.dumps(data), encoding="utf-8")
    asked: list[str] = []
    prompter.restore = False
    prompter.ask_restore = lambda parent, item: asked.append(item.title) or False  # noqa: ARG005
    win = MainWindow(settings=settings, runner=SyncRunner(), prompter=prompter, recovery_folder=folder)
    qtbot.addWidget(win)
    assert not win.files.offer_recovery()
    assert asked == [f"draft {i}" for i in range(299, 299 - MAX_OFFERED, -1)]  # the newest first
    assert len(list(folder.glob(f"*{recovery.SUFFIX}"))) == 300 - MAX_OFFERED  # declined ones discarded
    assert f"{300 - MAX_OFFERED} older recovery file(s) are kept" in win.statusBar().currentMessage()
    assert not win.files.offer_recovery() and len(asked) == 2 * MAX_OFFERED  # the next start: the next few
    win.close()
