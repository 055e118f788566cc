"""The main window as the GUI tests open it: synchronous checks, files read on the caller's thread (tests of the
reading thread itself pass `read_inline=False`), fast autosave and a recovery folder of the test's own, shown and
exposed."""

from __future__ import annotations

from pathlib import Path

from widgets.background import SyncRunner
from widgets.main_window import MainWindow
from widgets.settings import Settings


def shown_window(
    qtbot,  # noqa: ANN001
    settings: Settings,
    prompter,  # noqa: ANN001
    tmp_path: Path,
    size: tuple[int, int] | None = None,
    *,
    read_inline: bool = True,
) -> MainWindow:
    win = MainWindow(
        settings=settings,
        runner=SyncRunner(),
        prompter=prompter,
        autosave_ms=50,
        check_delay_ms=10,
        recovery_folder=tmp_path / "recovery",
        read_inline=read_inline,
    )
    qtbot.addWidget(win)
    if size:
        win.resize(*size)
    win.show()
    qtbot.waitExposed(win)
    return win
