"""The issues list of a French or Spanish editor names each finding's place in the interface language: the place
column said "Annex para. 4" and the messages "operative paragraph 13(3)" in a French editor. Driven as a delegate
does: the file opened from File > Open, the rows read from the list."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from app import interface
from app.languages import get_language
from tests.core.test_reader_place_words import ENGLISH_PLACE, stray_elements
from tests.gui.test_rollover_dialog import open_file
from widgets.interface_language import apply

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
ANNEXED = FIXTURES / "akn" / "A_RES_80_5-2517700E.xml"  # an English resolution whose annex draws findings
# the English words render.place_names builds a place of
PLACE_WORDS = ["instruction", "quoted text", "of section", "Adopted text", "Annex", "para.", "Table"]


@pytest.fixture
def speak(qapp) -> Iterator:  # noqa: ANN001
    yield apply
    apply(interface.ENGLISH)


def _rows(window) -> list[tuple[str, str]]:  # noqa: ANN001
    """(place, message) of each row of the issues list."""
    window.flush()
    QApplication.processEvents()
    tree = window.issues.tree
    out = []
    for i in range(tree.topLevelItemCount()):
        item = tree.topLevelItem(i)
        assert item.data(0, Qt.ItemDataRole.UserRole) is not None
        out.append((item.text(1), item.text(2)))
    return out


@pytest.mark.parametrize("code", ["fr", "es"])
def test_a_french_or_spanish_draft_lists_its_places_in_its_words(
    code: str, speak, request, qtbot, tmp_path: Path
) -> None:  # noqa: ANN001
    speak(code)
    window = request.getfixturevalue("window")
    made = stray_elements(code, tmp_path)
    open_file(window, request.getfixturevalue("prompter"), made.path)
    qtbot.waitUntil(lambda: window.issues.tree.topLevelItemCount() > 0, timeout=20000)
    rows = _rows(window)
    words = get_language(code).amendments
    messages = [message for _, message in rows]
    sub = words["operative_sub"].format(number=made.listed, sub=made.label)
    assert any(f"({sub})" in m for m in messages), messages
    assert any(f"({words['operative'].format(number=made.after)})" in m for m in messages), messages
    for place, message in rows:
        assert not ENGLISH_PLACE.search(place) and not ENGLISH_PLACE.search(message), (place, message)


@pytest.mark.parametrize("code", ["fr", "es"])
def test_the_place_column_says_the_annex_in_the_interface_language(code: str, speak, request, qtbot) -> None:  # noqa: ANN001
    """An English draft's annex rows in a French editor: "Annexe par. 4", as the catalog says each word."""
    window = request.getfixturevalue("window")
    prompter = request.getfixturevalue("prompter")
    open_file(window, prompter, ANNEXED)
    qtbot.waitUntil(lambda: window.issues.tree.topLevelItemCount() > 0, timeout=20000)
    english = [place for place, _ in _rows(window)]
    assert any("Annex" in place for place in english)  # the file draws findings in its annex
    speak(code)
    window.issues.tree.clear()
    open_file(window, prompter, ANNEXED)  # opened again in the French or Spanish editor
    qtbot.waitUntil(lambda: window.issues.tree.topLevelItemCount() > 0, timeout=20000)
    said = [place for place, _ in _rows(window)]
    catalog = interface.message_catalog(code)
    assert len(said) == len(english)
    for theirs, ours in zip(said, english, strict=True):
        assert theirs == _expected(ours, code)
    assert any(catalog["Annex"] in place for place in said)


def _expected(english: str, code: str) -> str:
    """An English place as the catalogs say it: a header field's name whole ("Sponsors"), a footnote by its
    number, a paragraph's place word by word ("Annex II para. 4" → "Annexe II par. 4")."""
    text, messages = interface.catalog(code), interface.message_catalog(code)
    if english in text:
        return text[english]
    if m := re.fullmatch(r"Footnote (\d+)", english):
        return text["Footnote {number}"].format(number=m.group(1))
    pattern = re.compile("|".join(re.escape(w) for w in PLACE_WORDS))
    return pattern.sub(lambda m: messages[m.group(0)], english)
