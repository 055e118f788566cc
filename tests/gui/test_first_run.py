"""A delegate opening Resolute for the first time (an empty, temporary QSettings: nothing seen before) gets
the start page: the template gallery by organ and kind, the sample draft and the key card; what they type
then goes into the first opener; an empty draft prints no stray punctuation."""

from __future__ import annotations

import json
from pathlib import Path

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLabel

from app.model import DocumentKind
from app.templates import all_templates
from widgets.actions import ActionId
from widgets.app import start
from widgets.main_window import MainWindow
from widgets.welcome import KINDS, WelcomeDialog, key_card_rows, sample_path


def choose(qtbot, button) -> None:  # noqa: ANN001
    """Click a radio button on its label, where a user clicks (its middle may be empty space)."""
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton, pos=QPoint(10, button.height() // 2))
    assert button.isChecked()


def start_page(window: MainWindow, qtbot) -> WelcomeDialog:  # noqa: ANN001
    qtbot.waitUntil(lambda: isinstance(getattr(window, "start_page", None), WelcomeDialog))
    dialog = window.start_page
    qtbot.waitUntil(dialog.isVisible)
    return dialog


def test_first_run_shows_the_gallery_and_a_new_draft_takes_typing(qtbot, window: MainWindow) -> None:  # noqa: ANN001
    assert window.settings.first_run
    start(window, [])
    dialog = start_page(window, qtbot)
    # the gallery lists every organ template and the three kinds
    organs = [dialog.organs.item(i).text() for i in range(dialog.organs.count())]
    assert organs == [t.name for t in all_templates().values()]
    assert [b.text() for b in dialog.kinds.buttons()] == [label for _, label, _ in KINDS]
    hrc = next(t for t in all_templates().values() if t.id == "hrc")
    dialog.organs.setCurrentRow(organs.index(hrc.name))
    choose(qtbot, dialog.kinds.buttons()[0])
    qtbot.mouseClick(dialog.create, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    assert window.res.header.template == "hrc" and window.res.header.kind is DocumentKind.DRAFT_RESOLUTION
    # the cursor is in the first opener: what the delegate types first lands there
    focus = window.focusWidget()
    first = window.paragraphs.rows[window.paragraphs.order[0]]
    assert focus is first.opener
    QTest.keyClicks(focus, "Recalling")
    window.flush()
    assert window.res.preamble[0].opener == "Recalling"
    # shown once: the next start goes straight to the draft
    assert not window.settings.first_run


def test_a_draft_decision_from_the_gallery(qtbot, window: MainWindow) -> None:  # noqa: ANN001
    start(window, [])
    dialog = start_page(window, qtbot)
    decision = next(i for i, (kind, _, _) in enumerate(KINDS) if kind is DocumentKind.DRAFT_DECISION)
    choose(qtbot, dialog.kinds.buttons()[decision])
    qtbot.mouseClick(dialog.create, Qt.MouseButton.LeftButton)
    assert window.res.header.kind is DocumentKind.DRAFT_DECISION
    assert not window.res.preamble and len(window.res.operative) == 1
    assert window.focusWidget() is window.paragraphs.rows[window.paragraphs.order[0]].opener


def test_the_sample_draft_opens_as_a_copy(qtbot, window: MainWindow) -> None:  # noqa: ANN001
    start(window, [])
    dialog = start_page(window, qtbot)
    qtbot.mouseClick(dialog.sample, Qt.MouseButton.LeftButton)
    stored = json.loads(sample_path().read_text(encoding="utf-8"))
    assert window.res.header.full_symbol == stored["header"]["symbol"]
    assert len(window.res.operative) == len(stored["operative"])
    assert window.doc.path is None  # saving asks where: the shipped sample is never overwritten


def test_the_key_card_shows_the_menus_own_keys(qtbot, window: MainWindow) -> None:  # noqa: ANN001
    rows = dict((what, keys) for keys, what in key_card_rows())
    for action_id in (ActionId.NEXT_ISSUE, ActionId.INSERT_FOOTNOTE, ActionId.UNDO):
        action = window.action(action_id)
        what = action.text().split("\t")[0].replace("&", "").rstrip("…")
        what = what.split(" ")[0] if action_id is ActionId.UNDO else what  # Undo's text names the last edit
        shown = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
        assert rows[next(w for w in rows if w.startswith(what))] == shown
    window.action(ActionId.KEY_CARD).trigger()
    dialog = next(w for w in QApplication.topLevelWidgets() if w.windowTitle() == "Keys" and w.isVisible())
    texts = {label.text() for label in dialog.findChildren(QLabel)}
    assert "<b>Enter</b>" in texts and "New paragraph after this one" in texts
    dialog.close()


def test_an_empty_draft_prints_no_stray_punctuation(qtbot, window: MainWindow) -> None:  # noqa: ANN001
    for template in all_templates():
        window.files.new_document(template)
        window.flush()
        lines = [line.strip() for line in window.preview.toPlainText().splitlines()]
        assert not [line for line in lines if line and not line.strip(",.;:")], template
        ends = [row.end.text() for row in window.paragraphs.rows.values()]
        assert ends and not any(ends), template
        first = window.paragraphs.rows[window.paragraphs.order[0]]
        QTest.keyClicks(first.opener, "Recalling")  # the first letters bring the paragraph's end back
        window.flush()
        assert first.end.text() in (",", ".")


def test_not_the_first_run_opens_straight_into_the_draft(qtbot, window: MainWindow, tmp_path: Path) -> None:  # noqa: ANN001
    window.settings.mark_started()
    start(window, [])
    QApplication.processEvents()
    assert getattr(window, "start_page", None) is None
    assert window.focusWidget() is window.paragraphs.rows[window.paragraphs.order[0]].opener


def test_a_french_draft_decision_from_the_gallery(qtbot, window: MainWindow, prompter) -> None:  # noqa: ANN001
    """The start page asks the language as File > New does: the new draft prints its organ line in French."""
    from app.languages import get_language
    from app.model import Header, Resolution
    from app.render import render

    prompter.choose_language = lambda parent: "fr"
    start(window, [])
    dialog = start_page(window, qtbot)
    decision = next(i for i, (kind, _, _) in enumerate(KINDS) if kind is DocumentKind.DRAFT_DECISION)
    choose(qtbot, dialog.kinds.buttons()[decision])
    qtbot.mouseClick(dialog.create, Qt.MouseButton.LeftButton)
    assert window.res.header.language == "fr" and window.res.header.kind is DocumentKind.DRAFT_DECISION
    english = render(
        Resolution(header=Header(template=window.res.header.template))
    )  # the same organ in English
    wanted = get_language("fr").organ_line(english.organ, english.organ_line)
    assert wanted != english.organ_line and window.rendered.organ_line == wanted
    # the preview's masthead names the Organization in the draft's language, as the .docx and the PDF do
    qtbot.waitUntil(lambda: get_language("fr").masthead["united_nations"] in window.preview.toPlainText())
    assert "United Nations" not in window.preview.toPlainText().split(wanted)[0]
