"""A header line no role fits (a facilitator's note typed under the committee) is kept as the draft's unplaced
text, which prints after the last paragraph and goes into the Word file: the import note said so and asked the
delegate to put it where it belongs, but the paragraph list showed nothing of it, and the note's row in the
issues list took the cursor to the first opener. The list shows it now, after the operative part, in the
interface language, with a button to make it an operative paragraph and one to delete it, each one undo step;
Enter on the note goes there. Driven from the keyboard at 1024x640, in French and Spanish."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from app import interface
from tests.gui.shown import shown_window
from widgets import interface_language
from widgets.actions import ActionId
from widgets.main_window import MainWindow

CLEAN = Path(__file__).resolve().parents[1] / "fixtures" / "cli" / "clean.txt"
LINE = "Informal consultations held by the facilitator, Ms. Jane Roe"


@pytest.fixture(params=["fr", "es"])
def language(request) -> Iterator[str]:  # noqa: ANN001
    interface_language.apply(request.param)
    yield request.param
    interface_language.apply(interface.ENGLISH)


def _imported(qtbot, settings, prompter, tmp_path: Path) -> MainWindow:  # noqa: ANN001
    text = CLEAN.read_text(encoding="utf-8")
    assert "Second Committee\n" in text
    path = tmp_path / "draft.txt"
    path.write_text(text.replace("Second Committee\n", f"Second Committee\n{LINE}\n", 1), encoding="utf-8")
    win = shown_window(qtbot, settings, prompter, tmp_path, (1024, 640))
    win.activateWindow()
    qtbot.waitUntil(win.isActiveWindow)
    assert win.files.open_path(path, as_import=True)
    assert win.res.unplaced == [LINE]
    return win


def _press(qtbot, key: Qt.Key) -> None:  # noqa: ANN001
    qtbot.keyClick(QApplication.focusWidget(), key)


def test_unplaced_text_is_seen_made_a_paragraph_or_deleted_from_the_keyboard(
    qtbot, settings, prompter, tmp_path: Path, language: str
) -> None:  # noqa: ANN001
    win = _imported(qtbot, settings, prompter, tmp_path)
    box = win.paragraphs.unplaced
    assert box.isVisible() and box.title() == interface.tr("Unplaced text")
    assert box.texts == win.res.unplaced  # the words as kept, each in a row
    row = box.rows[0]
    assert row.words.text() == LINE and row.to_operative.accessibleName() and row.delete.accessibleName()
    last_op = win.paragraphs.row_for(win.res.operative[-1].id)
    assert box.y() > last_op.mapTo(win.paragraphs.body, last_op.rect().topLeft()).y()  # where it prints

    # the import's note in the issues list: Enter goes to the text it names
    tree = win.issues.tree
    note = next(
        tree.topLevelItem(i) for i in range(tree.topLevelItemCount()) if LINE in tree.topLevelItem(i).text(2)
    )
    tree.setFocus()
    tree.setCurrentItem(note)
    _press(qtbot, Qt.Key.Key_Return)
    assert QApplication.focusWidget() is row.to_operative

    operative = len(win.res.operative)
    _press(qtbot, Qt.Key.Key_Space)  # made an operative paragraph, the cursor in it
    qtbot.waitUntil(lambda: not win.res.unplaced)
    assert len(win.res.operative) == operative + 1 and win.res.operative[-1].text == LINE
    qtbot.waitUntil(lambda: not box.isVisible())
    new_row = win.paragraphs.row_for(win.res.operative[-1].id)
    assert new_row is not None and new_row.isAncestorOf(QApplication.focusWidget())

    win.action(ActionId.UNDO).trigger()  # one step back: the words unplaced again, nothing else changed
    assert win.res.unplaced == [LINE] and len(win.res.operative) == operative
    qtbot.waitUntil(box.isVisible)

    box.rows[0].delete.setFocus()
    _press(qtbot, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: not win.res.unplaced)
    assert len(win.res.operative) == operative and not box.isVisible()
    assert all(LINE not in "".join(s.text for s in b.spans) for b in win.rendered.blocks)  # no longer printed
    prompter.save_answer = "discard"
    win.close()


def test_unplaced_text_made_a_preambular_paragraph(qtbot, settings, prompter, tmp_path: Path) -> None:  # noqa: ANN001
    # a block the reader could not place may be a preambular paragraph: Tab to the button, Space, one undo step
    win = _imported(qtbot, settings, prompter, tmp_path)
    box = win.paragraphs.unplaced
    preamble, operative = len(win.res.preamble), len(win.res.operative)
    box.rows[0].words.setFocus()
    qtbot.keyClick(box.rows[0].words, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is box.rows[0].to_preamble
    _press(qtbot, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: not win.res.unplaced)
    assert len(win.res.preamble) == preamble + 1 and win.res.preamble[-1].text == LINE
    assert len(win.res.operative) == operative
    new_row = win.paragraphs.row_for(win.res.preamble[-1].id)
    qtbot.waitUntil(lambda: new_row.isAncestorOf(QApplication.focusWidget()))
    win.action(ActionId.UNDO).trigger()
    assert win.res.unplaced == [LINE] and len(win.res.preamble) == preamble
    prompter.save_answer = "discard"
    win.close()
