"""The preview of a long draft (budget resolutions, omnibus texts, compilations) while the delegate types: the page
is parsed in slices and patched where it changed (widgets/page_fill.py), and must end as the one `setHtml` of the
whole page would have drawn it. Timings are in benchmarks/bench_preview_pause.py, not here."""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtTest import QTest

from app import storage
from app.render import render
from benchmarks.sample import omnibus, quiet_window
from widgets import preview
from widgets.preview import BODY, STEP, PreviewPane


def _one_call_page(html: str, like: PreviewPane) -> str:
    """The document a fresh pane the size of `like` gets from one `setHtml` of the whole page, as `toHtml`
    writes it (the page's margins follow the pane's width)."""
    pane = PreviewPane()
    pane.resize(like.size())
    pane.show()
    preview.set_html(pane, html)
    pane._page_look()
    out = pane.document().toHtml()
    pane.deleteLater()
    return out


def _first_difference(shown: str, expected: str) -> str:
    """ "" when equal, else the first line that differs (pytest's own diff of two long pages takes minutes)."""
    if shown == expected:
        return ""
    pairs = zip(shown.splitlines(), expected.splitlines(), strict=False)
    return next((f"{a[:300]}\n!=\n{b[:300]}" for a, b in pairs if a != b), "one page is longer")


def _open(tmp_path: Path, qtbot, paragraphs: int, seed: int):  # noqa: ANN001, ANN202 - a shown MainWindow
    path = tmp_path / f"omnibus-{paragraphs}.json"
    storage.save_project(omnibus(paragraphs, footnotes=paragraphs // 10, seed=seed), path)
    win = quiet_window(tmp_path, 1500, 950)
    qtbot.addWidget(win)
    assert win.files.open_path(path)
    return win


def _type_into(win, qtbot, index: int, words: str) -> str:  # noqa: ANN001 - a MainWindow
    """Click into the text of the row at `index` of the editor's order, at its end, and type `words`."""
    rows = win.paragraphs
    while rows._backlog and rows.order[index] not in rows.rows:  # built in idle time: as the user scrolls
        rows._build_backlog()
    row = rows.rows[rows.order[index]]
    row.text.setFocus()
    cursor = row.text.textCursor()
    cursor.movePosition(cursor.MoveOperation.End)
    row.text.setTextCursor(cursor)
    QTest.keyClicks(row.text, words)
    return row.paragraph_id


def _page_waited(win, qtbot) -> None:  # noqa: ANN001 - a MainWindow
    """Let the delegate pause: the debounced preview runs, its slices and its patch (once Qt has laid the page
    out as far) through the event loop."""
    win.preview_timer.flush()
    qtbot.waitUntil(lambda: win.preview.settled, timeout=600_000)


def _cleanup(win) -> None:  # noqa: ANN001 - a MainWindow
    win.doc.history.mark_saved()
    win.close()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def test_typing_in_a_20000_paragraph_draft_ends_on_the_page_one_call_draws(qtbot, tmp_path) -> None:  # noqa: ANN001
    win = _open(tmp_path, qtbot, 20_000, seed=7)
    _page_waited(win, qtbot)
    assert len(win.preview.html) >= preview.SLICED_FROM  # the long page's way, not the short one's
    middle = len(win.paragraphs.order) // 2
    pid = _type_into(win, qtbot, middle, " and the Council")
    _page_waited(win, qtbot)
    assert win.res.find(pid).text.endswith(" and the Council")
    assert not _first_difference(win.preview.html, preview.preview_html(render(win.res)))
    assert "and the Council" in win.preview.toPlainText()
    assert not _first_difference(
        win.preview.document().toHtml(), _one_call_page(win.preview.html, win.preview)
    )
    _cleanup(win)


def test_edits_anywhere_in_a_long_draft_keep_the_page_true(qtbot, tmp_path, monkeypatch) -> None:  # noqa: ANN001
    """Typing in random rows (each a patch), and Enter making a new paragraph (a new page, its numbers moved):
    after each pause the page is the one `setHtml` would draw."""
    monkeypatch.setattr(
        "widgets.page_fill.SLICE_CHARS", 20_000
    )  # many slices, and cuts in every kind of place
    win = _open(tmp_path, qtbot, 500, seed=11)
    _page_waited(win, qtbot)
    assert len(win.preview.html) >= preview.SLICED_FROM
    rng = random.Random(5)
    for step in range(8):
        index = rng.randrange(len(win.paragraphs.order))
        _type_into(win, qtbot, index, rng.choice([" Assembly", " xq", ", and", " *noted*"]))
        if step % 3 == 2:
            QTest.keyClick(QCoreApplication.instance().focusWidget(), Qt.Key.Key_Return)  # a new paragraph
        _page_waited(win, qtbot)
        assert not _first_difference(win.preview.html, preview.preview_html(render(win.res)))
        assert not _first_difference(
            win.preview.document().toHtml(), _one_call_page(win.preview.html, win.preview)
        ), step
    _cleanup(win)


@pytest.mark.parametrize("label", ["(a)", "(viii)"])
def test_a_subparagraph_label_hangs_and_its_text_starts_one_step_in(qtbot, label: str) -> None:  # noqa: ANN001
    """The label at its level's indent, the text at the next step (where the label table put it), both lines."""
    res = omnibus(30, seed=2)
    rendered = render(res)
    block = next(b for b in rendered.blocks if b.role == "subparagraph")
    html = preview._body_paragraph(block, rendered.footnote_numbers, 0).replace(
        f">{block.label}<", f">{label}<", 1
    )
    pane = PreviewPane()
    qtbot.addWidget(pane)
    pane.resize(600, 900)
    preview.set_html(pane, f"<html><head><style>{preview.PAGE_CSS}</style></head><body>{html}</body></html>")
    pane.show()
    text_block = pane.document().begin()
    assert text_block.text().startswith(label + "\t")
    pane.document().documentLayout().blockBoundingRect(text_block)  # laid out
    line = text_block.layout().lineAt(0)
    indent = BODY + STEP * block.level
    assert line.cursorToX(0)[0] == pytest.approx(indent, abs=1)
    assert line.cursorToX(len(label) + 1)[0] == pytest.approx(indent + STEP, abs=1)
    second = text_block.layout().lineAt(1)  # the text wraps under itself, not under the label
    assert second.isValid() and second.x() == pytest.approx(indent + STEP, abs=1)
