"""The preview of a long draft (budget resolutions, omnibus texts, compilations) while the delegate types: the page
is parsed in slices and patched where it changed (widgets/page_fill.py), and must end as the one `setHtml` of the
whole page would have drawn it (`toHtml` compared: every block's text, formats and user state).

The long page's way starts at preview.SLICED_FROM characters (a 400-paragraph page) and slices at
page_fill.SLICE_CHARS; the tests lower both so that a draft of a few dozen paragraphs takes that way, in many
slices cut in every kind of place, and runs in seconds. The pauses at 20,000 paragraphs are measured in
benchmarks/bench_preview_pause.py, not here."""

from __future__ import annotations

import random
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtTest import QTest

from app import storage
from app.model import Paragraph, Resolution
from app.render import render
from benchmarks.sample import omnibus, quiet_window
from widgets import page_fill, preview
from widgets.actions import ActionId
from widgets.preview import BODY, STEP, PreviewPane

PARAGRAPHS = 60  # about 49,000 HTML characters, 100 body pieces


@pytest.fixture
def sliced(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """A page of 20,000 characters up takes the long page's way, in slices of about 4,000; the slices appended
    are recorded (so a test knows the page was built in pieces, not in one call)."""
    monkeypatch.setattr(preview, "SLICED_FROM", 20_000)
    monkeypatch.setattr(page_fill, "SLICE_CHARS", 4_000)
    appended: list[str] = []
    real = page_fill.append

    def spy(doc, html: str) -> None:  # noqa: ANN001 - a QTextDocument
        appended.append(html)
        real(doc, html)

    monkeypatch.setattr(page_fill, "append", spy)
    return appended


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
    """ "" when equal, else the first line that differs (pytest's own diff of two long pages is unreadable)."""
    if shown == expected:
        return ""
    pairs = zip(shown.splitlines(), expected.splitlines(), strict=False)
    return next((f"{a[:300]}\n!=\n{b[:300]}" for a, b in pairs if a != b), "one page is longer")


def _unlaid(pane: PreviewPane) -> list[int]:
    """The blocks Qt has not laid out: drawn as nothing, a blank where the page goes on."""
    out, block = [], pane.document().begin()
    while block.isValid():
        if block.layout() is None or block.layout().lineCount() == 0:
            out.append(block.blockNumber())
        block = block.next()
    return out


def _drawn_whole(qtbot, pane: PreviewPane) -> None:  # noqa: ANN001
    """Qt's lazy layout, left to its timer, reaches every block (a patch made while it was under way stopped it
    for good, the page blank after the change)."""
    qtbot.waitUntil(lambda: not _unlaid(pane), timeout=20_000)


def _page_is_true(pane: PreviewPane, res: Resolution) -> str:
    """ "" when the pane shows the model's page as one `setHtml` draws it, else what differs."""
    wanted = preview.preview_html(render(res))
    return _first_difference(pane.html, wanted) or _first_difference(
        pane.document().toHtml(), _one_call_page(wanted, pane)
    )


def _open(tmp_path: Path, qtbot, res: Resolution):  # noqa: ANN001, ANN202 - a shown MainWindow
    path = tmp_path / "omnibus.json"
    storage.save_project(res, path)
    win = quiet_window(tmp_path, 1500, 950)
    qtbot.addWidget(win)
    assert win.files.open_path(path)
    _page_waited(win, qtbot)
    return win


def _click_into(win, index: int, at_end: bool = True):  # noqa: ANN001, ANN202 - a MainWindow; its row
    """Put the cursor in the text of the row at `index` of the editor's order, at its end or its start."""
    rows = win.paragraphs
    while rows._backlog and rows.order[index] not in rows.rows:  # built in idle time: as the user scrolls
        rows._build_backlog()
    row = rows.rows[rows.order[index]]
    row.text.setFocus()
    cursor = row.text.textCursor()
    cursor.movePosition(cursor.MoveOperation.End if at_end else cursor.MoveOperation.Start)
    row.text.setTextCursor(cursor)
    return row


def _page_waited(win, qtbot) -> None:  # noqa: ANN001 - a MainWindow
    """Let the delegate pause: the debounced preview runs, its slices and its patch (once Qt has laid the page
    out as far) through the event loop."""
    win.preview_timer.flush()
    qtbot.waitUntil(lambda: win.preview.settled, timeout=60_000)


def _cleanup(win) -> None:  # noqa: ANN001 - a MainWindow
    win.doc.history.mark_saved()
    win.close()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def test_a_long_page_is_built_in_slices_and_ends_as_one_call_draws_it(qtbot, tmp_path, sliced) -> None:  # noqa: ANN001
    win = _open(tmp_path, qtbot, omnibus(PARAGRAPHS, footnotes=PARAGRAPHS // 10, seed=7))
    assert len(win.preview.html) >= preview.SLICED_FROM  # the long page's way, not the short one's
    assert len(sliced) >= 5  # in pieces: each appended after the first
    assert not _page_is_true(win.preview, win.res)
    _cleanup(win)


def test_typing_in_the_middle_patches_the_page_shown(qtbot, tmp_path, sliced) -> None:  # noqa: ANN001
    """A keystroke replaces the changed paragraph's blocks in the document shown (no new page is parsed) and the
    page ends as one `setHtml` would draw it."""
    win = _open(tmp_path, qtbot, omnibus(PARAGRAPHS, footnotes=PARAGRAPHS // 10, seed=7))
    shown, built = win.preview.document(), len(sliced)
    row = _click_into(win, len(win.paragraphs.order) // 2)
    QTest.keyClicks(row.text, " and the Council")
    _page_waited(win, qtbot)
    assert win.res.find(row.paragraph_id).text.endswith(" and the Council")
    assert "and the Council" in win.preview.toPlainText()
    assert win.preview.document() is shown and len(sliced) == built  # patched in place
    assert not _page_is_true(win.preview, win.res)
    _drawn_whole(qtbot, win.preview)
    _cleanup(win)


def _type(words: str) -> Callable:
    def edit(win, index: int) -> None:  # noqa: ANN001 - a MainWindow
        QTest.keyClicks(_click_into(win, index).text, words)

    return edit


def _new_paragraph(win, index: int) -> None:  # noqa: ANN001 - a MainWindow
    row = _click_into(win, index)
    QTest.keyClick(row.text, Qt.Key.Key_Return)
    QTest.keyClicks(QCoreApplication.instance().focusWidget(), "Welcomes the report")


def _action(action: ActionId) -> Callable:
    def edit(win, index: int) -> None:  # noqa: ANN001 - a MainWindow
        _click_into(win, index)
        win.action(action).trigger()

    return edit


EDITS = {
    "type": _type(" in all regions"),
    "italics": _type(" *mutatis mutandis*"),
    "new paragraph": _new_paragraph,
    "delete": _action(ActionId.DELETE_PARAGRAPH),
    "move down": _action(ActionId.MOVE_DOWN),
    "move up": _action(ActionId.MOVE_UP),
}


@pytest.mark.parametrize("where", ["start", "middle", "end"])
@pytest.mark.parametrize("edit", list(EDITS))
def test_an_edit_anywhere_and_its_undo_keep_the_page_true(qtbot, tmp_path, sliced, edit, where) -> None:  # noqa: ANN001
    """Each edit at the first row, the middle one and the last, then Undo: after each pause the page is the one
    `setHtml` would draw, and Undo brings back the page first shown."""
    win = _open(tmp_path, qtbot, omnibus(PARAGRAPHS, footnotes=PARAGRAPHS // 10, seed=11))
    first, first_html = win.preview.document().toHtml(), win.preview.html
    count = len(win.paragraphs.order)
    index = {"start": 0, "middle": count // 2, "end": count - 1}[where]
    EDITS[edit](win, index)
    _page_waited(win, qtbot)
    if (edit, where) not in (("move up", "start"), ("move down", "end")):  # the others change the page
        assert win.preview.html != first_html, (edit, where)
    assert not _page_is_true(win.preview, win.res), (edit, where)
    _drawn_whole(qtbot, win.preview)
    while win.doc.history.can_undo():  # the typing's undo steps too
        win.action(ActionId.UNDO).trigger()
        _page_waited(win, qtbot)
        assert not _page_is_true(win.preview, win.res), (edit, where, "undone")
    assert not _first_difference(win.preview.document().toHtml(), first)
    _cleanup(win)


def test_a_keystroke_while_qt_still_lays_the_new_page_out_leaves_no_blank(qtbot, sliced) -> None:  # noqa: ANN001
    """Qt lays a swapped-in page out a little per timer tick; a patch made before it reached the end stopped it for
    good, every block after the change blank on screen. The keystroke's page waits, then is patched."""
    res = omnibus(200, footnotes=20, seed=5)
    pane = PreviewPane()
    qtbot.addWidget(pane)
    pane.resize(700, 900)
    pane.show()
    pane.show_rendered(render(res))
    qtbot.waitUntil(lambda: pane.settled, timeout=60_000)
    shown = pane.document()
    assert _unlaid(pane)  # the layout under way
    res.preamble[5].text += " Assembly"
    pane.show_rendered(render(res))
    qtbot.waitUntil(lambda: pane.settled, timeout=60_000)
    assert pane.document() is shown  # patched
    _drawn_whole(qtbot, pane)
    assert not _page_is_true(pane, res)


def test_random_model_edits_keep_a_sliced_and_patched_page_true(qtbot, sliced) -> None:  # noqa: ANN001
    """The pane alone, fed 40 random changes of the model (words typed or removed anywhere, a subparagraph added
    or dropped, a paragraph moved, a footnote added): each page ends as one `setHtml` draws it."""
    res = omnibus(PARAGRAPHS, footnotes=PARAGRAPHS // 10, seed=3)
    pane = PreviewPane()
    qtbot.addWidget(pane)
    pane.resize(700, 900)
    pane.show()
    rng = random.Random(17)
    patched = 0
    for step in range(40):
        nodes = [p for _, p in res.paragraphs()]
        node = rng.choice(nodes)
        kind = rng.choice(["type", "type", "type", "cut", "sub", "unsub", "move", "note"])
        if kind == "type":
            node.text += rng.choice([" Assembly", " *noted*", ", and", " xq"])
        elif kind == "cut":
            node.text = node.text[: len(node.text) // 2]
        elif kind == "sub":
            node.subparagraphs.append(Paragraph("", "To report thereon"))
        elif kind == "unsub" and node.subparagraphs:
            node.subparagraphs.pop()
        elif kind == "move":
            part = rng.choice([res.preamble, res.operative])
            k = rng.randrange(len(part) - 1)
            part[k], part[k + 1] = part[k + 1], part[k]
        elif kind == "note":
            note = res.add_footnote(f"See A/80/{step}.")
            node.text += f"[^{note.id}]"
        shown = pane.document()
        pane.show_rendered(render(res))
        qtbot.waitUntil(lambda: pane.settled, timeout=60_000)
        patched += pane.document() is shown
        assert not _page_is_true(pane, res), (step, kind)
        _drawn_whole(qtbot, pane)
    assert patched >= 10  # the patch's way was taken, not only new pages


@pytest.mark.parametrize("label", ["(a)", "(viii)", "(aa)"])
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
