"""Where the sponsor line starts under a two-line agenda title, and where it goes on when a line breaks inside a
State's name.

A/C.1/80/L.40's agenda title runs over two lines, "Treaty for the Prohibition of Nuclear Weapons in Latin" /
"America and the Caribbean (Treaty of Tlatelolco)", over "Austria, Belize, …": "America" is a name delegates
type for the United States, so the title's second line was read as the sponsor line's first. A line holds part
of the list only when it ends inside a name (the first words of a longer one). The answer comes from the same
PDF opened by the product; the breaks inside names are made from every long name of the State lists.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from app.io.reading import read_document
from app.io.text_reader import read_text
from app.states import all_states, begins_a_name, known_sponsor_name

READING = Path(__file__).resolve().parents[1] / "fixtures" / "reading"
CLEAN = Path(__file__).resolve().parents[1] / "fixtures" / "cli" / "clean.txt"


def test_a_two_line_agenda_title_over_the_sponsor_line() -> None:
    printed = read_document(READING / "A_C.1_80_L.40.pdf").resolution.header
    layer = read_text((READING / "pdftotext" / "A_C.1_80_L.40.txt").read_text(encoding="utf-8"))
    header = layer.resolution.header
    assert header.sponsors and all(known_sponsor_name(name) for name in header.sponsors)  # by the State lists
    assert header.sponsors == printed.sponsors  # the PDF itself (its own text layer) reads the same
    assert [(a.number, a.title) for a in header.agenda_items] == [
        (a.number, a.title) for a in printed.agenda_items
    ]
    assert not any(f.rule == "sponsors.unknown-name" for f in layer.findings)


def _long_names(language: str) -> list[str]:
    return [n for n in all_states(language=language) if len(n.split()) >= 3]


@pytest.mark.parametrize("language", ["en", "fr", "es"])
def test_every_long_name_is_known_by_its_first_words(language: str) -> None:
    for name in _long_names(language):  # what a line may end with inside the list
        words = name.split()
        assert all(begins_a_name(" ".join(words[:n])) for n in range(1, len(words))), name


def test_a_sponsor_line_broken_inside_any_long_name_goes_on() -> None:
    text = CLEAN.read_text(encoding="utf-8")
    assert "Chile, Indonesia and Norway: draft resolution" in text
    for name in _long_names("en"):
        words = name.split()
        for cut in range(1, len(words)):
            line = f"Chile, Indonesia, {' '.join(words[:cut])}\n{' '.join(words[cut:])} and Norway: draft resolution"
            header = read_text(
                text.replace("Chile, Indonesia and Norway: draft resolution", line)
            ).resolution.header
            assert name in header.sponsors and "Chile" in header.sponsors, (name, cut, header.sponsors)
