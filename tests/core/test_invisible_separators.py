"""Invisible separators in a text (a PDF's text layer, a copy from a web page): a zero width space (U+200B), an
invisible separator (U+2063) between two words is a word break, and elsewhere (before punctuation, beside a
space, at a line's ends) it is dropped, with the other marks that print as nothing (word joiner, direction
marks). The words glued ("allStates") read as one misspelt word and moved the openers.

The expected reading is the reading of the original text: each text is read again with its spaces between two
letters replaced by a separator, a separator before each comma and a word joiner inside long words."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from app.io.invisible_words import one_word
from app.io.text_blocks import printed_characters
from app.io.text_reader import read_text
from app.io.text_writer import to_text

TEXTS = sorted((Path(__file__).parent.parent / "fixtures" / "text").glob("*.txt"))
BETWEEN_LETTERS = re.compile(r"(?<=[^\W\d_]) (?=[^\W\d_])")
LONG_WORD = re.compile(r"\b([^\W\d_]{4})([^\W\d_]{4,})")


def _hidden(text: str, separator: str) -> str:
    text = BETWEEN_LETTERS.sub(separator, text)
    text = text.replace(",", "\u200b,")
    return LONG_WORD.sub("\\1\u2060\\2", text)


def _reading(text: str) -> str:
    """The draft read, as it prints in plain text (openers marked, notes numbered): ids aside, all of it."""
    return to_text(read_text(text).resolution)


@pytest.mark.parametrize("path", TEXTS, ids=lambda p: p.stem)
@pytest.mark.parametrize("separator", ["\u200b", "\u2063", "\u200e\u200b"])
def test_a_text_with_invisible_separators_reads_as_with_spaces(path: Path, separator: str) -> None:
    text = path.read_text(encoding="utf-8")
    hidden = _hidden(text, separator)
    assert separator in hidden and hidden != text
    assert _reading(hidden) == _reading(text)


words = st.text(st.characters(categories=["L", "Nd"]), min_size=1, max_size=8)


def _one_word(left: str, right: str) -> bool:
    a, b = re.search(r"[^\W\d_]*$", left).group(0), re.match(r"[^\W\d_]*", right).group(0)  # type: ignore[union-attr]
    return bool(a and b) and one_word(a, b)


@given(st.lists(words, min_size=1, max_size=6), st.sampled_from(["\u200b", "\u2063", "\u180e"]))
def test_between_words_a_separator_is_a_space_and_inside_punctuation_nothing(
    parts: list[str], separator: str
) -> None:
    # letters on both sides that make one listed word are that word (tests/core/test_separator_inside_words.py)
    assume(not any(_one_word(a, b) for a, b in zip(parts, parts[1:], strict=False)))
    assert printed_characters(separator.join(parts)) == " ".join(parts)
    assert printed_characters(f"{separator}{parts[0]}{separator}.") == f"{parts[0]}."
    assert printed_characters(f"{parts[0]} {separator}{parts[-1]}") == f"{parts[0]} {parts[-1]}"
    assert printed_characters("\u2060".join(parts)) == "".join(parts)
