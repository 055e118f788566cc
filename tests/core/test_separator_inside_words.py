"""A zero width space (U+200B) inside one word is a break opportunity, not a word break: "Assem\\u200bbly" read as
"Assem bly", two misspelt words. Between two words it is still the space a PDF's text layer or a web page
left ("all\\u200bStates"). The word lists decide: the pieces joined are a word the lists hold, and the two
pieces are not both words.

The texts are issued PDFs' text layers (tests/fixtures/reading, tests/fixtures/text); the expected reading is
the reading of the text as it was."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.io.text_blocks import printed_characters
from app.io.text_reader import read_text
from app.io.text_writer import to_text
from app.spelling.lexicon import english

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
TEXTS = [
    FIXTURES / "text" / "adopted_pdf.txt",
    FIXTURES / "text" / "omnibus_pdf.txt",
    FIXTURES / "reading" / "A_80_L.18.txt",
]
LONG = re.compile(r"(?<![^\W\d_])[^\W\d_]{8,}(?![^\W\d_])")


def _cut(word: str) -> int | None:
    """Where to part `word` so that neither piece is a word: the middle, or the nearest such place."""
    known = english().known
    middle = len(word) // 2
    for k in sorted(range(2, len(word) - 1), key=lambda k: abs(k - middle)):
        if not (known(word[:k].lower()) and known(word[k:].lower())):
            return k
    return None


def _inside_words(text: str) -> tuple[str, int]:
    """`text` with a zero width space inside each long word the word lists hold; and how many were put in."""
    count = 0

    def part(m: re.Match[str]) -> str:
        nonlocal count
        word = m.group(0)
        k = _cut(word)
        if k is None or not english().listed(word.lower()):
            return word
        count += 1
        return f"{word[:k]}\u200b{word[k:]}"

    return LONG.sub(part, text), count


def _reading(text: str) -> str:
    return to_text(read_text(text).resolution)


@pytest.mark.parametrize("path", TEXTS, ids=lambda p: p.stem)
def test_a_separator_inside_a_word_keeps_the_word_whole(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    hidden, count = _inside_words(text)
    assert count > 20  # "Assembly", "development", "implementation" ...
    assert _reading(hidden) == _reading(text)


@pytest.mark.parametrize("path", TEXTS, ids=lambda p: p.stem)
def test_a_separator_between_words_is_still_a_space(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    hidden = re.sub(r"(?<=[^\W\d_]) (?=[^\W\d_])", "\u200b", text)
    assert hidden.count("\u200b") > 100
    assert _reading(hidden) == _reading(text)


def test_the_shapes_a_pdf_gives() -> None:
    assert printed_characters("the General Assem\u200bbly,") == "the General Assembly,"
    assert printed_characters("all\u200bStates") == "all States"  # no word "allstates" in the lists
    assert printed_characters("some\u200bthing") == "some thing"  # two words: the break is the likelier
    assert printed_characters("\u200bimplemen\u200btation.") == "implementation."


words = st.text(st.sampled_from("bcdfghjklmnpqrstvwxz"), min_size=3, max_size=8)  # no vowel: never a word


@given(st.lists(words, min_size=2, max_size=6))
def test_pieces_that_make_no_word_stay_apart(parts: list[str]) -> None:
    assert printed_characters("\u200b".join(parts)) == " ".join(parts)
