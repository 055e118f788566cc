"""A file of thousands of paragraphs is no resolution in all likelihood (a report opened by mistake): the editor
asks before it builds a row for each, and keeps the open draft when the delegate says no."""

from __future__ import annotations

from pathlib import Path

from app import storage
from app.io.reading import read_document
from app.model import Paragraph, paragraph_count
from widgets.document_controller import ASK_BEFORE_OPENING

CORPUS = Path(__file__).resolve().parents[1] / "fixtures" / "corpus"


def _long_file(tmp_path: Path, extra: int) -> Path:
    """An issued draft with `extra` more operative paragraphs, each with two subparagraphs, saved as a project."""
    res = read_document(CORPUS / "A_80_L.6.txt").resolution
    res.operative += [
        Paragraph(
            "Requests", f"the report {i}:", subparagraphs=[Paragraph("", "on a"), Paragraph("", "on b")]
        )
        for i in range(extra)
    ]
    path = tmp_path / "report.json"
    storage.save_project(res, path)
    return path


def test_a_file_past_the_limit_is_opened_only_when_the_delegate_says_so(window, prompter, tmp_path) -> None:  # noqa: ANN001
    path = _long_file(tmp_path, ASK_BEFORE_OPENING // 3 + 1)
    expected = paragraph_count(storage.load_project(path))
    assert expected > ASK_BEFORE_OPENING
    before = window.res
    assert not window.files.open_path(path)  # the scripted answer is no
    assert prompter.asked_long == [("report.json", expected)]
    assert window.res is before and not prompter.errors  # the open draft stays, and no error was shown
    prompter.open_long = True
    assert window.files.open_path(path)
    assert paragraph_count(window.res) == expected


def test_a_draft_of_issued_length_opens_without_a_question(window, prompter, tmp_path) -> None:  # noqa: ANN001
    path = _long_file(tmp_path, 550 // 3)  # about the longest issued resolution, A/RES/79/1 with its annexes
    assert window.files.open_path(path)
    assert prompter.asked_long == []


def test_rows_still_to_build_are_dropped_with_a_window_closed_at_once(
    qtbot, settings, prompter, tmp_path
) -> None:  # noqa: ANN001
    """The rows past the first screens are built in idle time; a window destroyed before they are (closed at
    once, a test's teardown) must take the work with it, not run it on its deleted boxes."""
    import shiboken6

    from widgets.background import SyncRunner
    from widgets.main_window import MainWindow

    # not handed to qtbot, which would close it again after the test
    win = MainWindow(
        settings=settings,
        runner=SyncRunner(),
        prompter=prompter,
        recovery_folder=tmp_path / "r",
        read_inline=True,
    )
    win.show()
    qtbot.waitExposed(win)
    assert win.files.open_path(_long_file(tmp_path, 200))
    rows = win.paragraphs
    assert rows._backlog  # rows are still to be built
    shiboken6.delete(win)
    qtbot.wait(50)  # idle time: no slice of the backlog may run now (pytest-qt fails on an exception in Qt)
