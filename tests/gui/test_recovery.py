"""After a crash the next start offers the autosaved draft."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from widgets.background import SyncRunner
from widgets.main_window import MainWindow

ROOT = Path(__file__).resolve().parents[2]


def test_recover_after_the_editor_is_killed(qtbot, settings, prompter, tmp_path: Path) -> None:  # noqa: ANN001
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT))
    proc = subprocess.Popen(
        [sys.executable, str(Path(__file__).with_name("crash_helper.py")), str(tmp_path)],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
        env=env,
        cwd=ROOT,
    )
    try:
        line = proc.stdout.readline()
        assert line.strip() == "autosaved"
    finally:
        proc.kill()  # no clean shutdown: like a crash or a power cut
        proc.wait(timeout=30)

    win = MainWindow(
        settings=settings, runner=SyncRunner(), prompter=prompter, recovery_folder=tmp_path / "recovery"
    )
    qtbot.addWidget(win)
    assert win.files.offer_recovery()
    first = win.res.preamble[0]
    assert (first.opener, first.text) == ("Recalling", "its resolution 78/1 on the work in progress")
    row = win.paragraphs.rows[win.paragraphs.order[0]]
    assert row.text.toPlainText() == "its resolution 78/1 on the work in progress"
    assert win.isWindowModified()  # restored work is not saved yet
    # the restored draft keeps its own recovery file until saved; the crashed one is gone
    assert win.files.save_to(tmp_path / "saved.json")
    assert not list((tmp_path / "recovery").glob("*.json"))
    win.close()


def test_declining_recovery_discards_the_copy(qtbot, settings, prompter, tmp_path: Path) -> None:  # noqa: ANN001
    from app import recovery
    from app.documents import new_resolution

    folder = tmp_path / "recovery"
    saver = recovery.Autosaver(folder)
    saver.save(new_resolution("ga-c2"), source=None)
    data = recovery._read(saver.path)
    data["pid"] = -1
    saver.path.write_text(__import__("json").dumps(data))
    prompter.restore = False
    win = MainWindow(settings=settings, runner=SyncRunner(), prompter=prompter, recovery_folder=folder)
    qtbot.addWidget(win)
    assert not win.files.offer_recovery()
    assert not list(folder.glob("*.json"))
    win.close()


def test_malformed_recovery_files_do_not_stop_the_start_and_are_kept(
    qtbot, settings, prompter, tmp_path: Path
) -> None:  # noqa: ANN001, E501
    import json

    from app import recovery
    from app.documents import new_resolution
    from app.storage import dumps

    folder = tmp_path / "recovery"
    folder.mkdir()
    broken = {
        "a": b"{ not json",
        "b": b"[" * 100_000,
        "c": b'{"document": {}, "saved_at": "soon", "pid": -1}',
    }
    for name, data in broken.items():
        (folder / f"{name}{recovery.SUFFIX}").write_bytes(data)
    res = new_resolution("ga-c2")
    res.title = "The work to restore"
    good = {"source": None, "saved_at": 1.0, "pid": -1, "document": json.loads(dumps(res))}
    (folder / f"z{recovery.SUFFIX}").write_text(json.dumps(good), encoding="utf-8")
    win = MainWindow(settings=settings, runner=SyncRunner(), prompter=prompter, recovery_folder=folder)
    qtbot.addWidget(win)
    assert win.files.offer_recovery()
    assert win.res.title == "The work to restore"
    assert "could not be read" in win.statusBar().currentMessage()
    for name, data in broken.items():
        assert (folder / f"{name}{recovery.SUFFIX}{recovery.ASIDE}").read_bytes() == data
    win.close()


def test_an_autosave_that_cannot_load_is_kept_not_deleted(qtbot, settings, prompter, tmp_path: Path) -> None:  # noqa: ANN001
    import json

    from app import recovery
    from app.model import MAX_DEPTH

    folder = tmp_path / "recovery"
    folder.mkdir()
    node: dict = {"text": "deepest"}
    for _ in range(MAX_DEPTH + 2):
        node = {"text": "level", "subparagraphs": [node]}
    payload = json.dumps(
        {
            "source": None,
            "saved_at": 1.0,
            "pid": -1,
            "document": {"format": "resolute", "version": 1, "operative": [node]},
        }
    )
    path = folder / f"deep{recovery.SUFFIX}"
    path.write_text(payload, encoding="utf-8")
    win = MainWindow(settings=settings, runner=SyncRunner(), prompter=prompter, recovery_folder=folder)
    qtbot.addWidget(win)
    assert not win.files.offer_recovery()
    ((title, message),) = prompter.errors
    kept = path.with_name(path.name + recovery.ASIDE)
    assert title == "Cannot recover" and str(kept) in message
    assert kept.read_text(encoding="utf-8") == payload
    win.close()
