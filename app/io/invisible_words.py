"""Whether two pieces of letters that an invisible separator parts are one word: "Assem" + "bly".

A zero width space (U+200B) is a break opportunity: between two words it stands for a space (a PDF's text layer,
a web page), inside a long word it lets a line break there and prints as nothing. The word lists of the text's
language decide: the pieces joined are a word the lists hold as it is, and they are not two words themselves.
"""

from __future__ import annotations

from functools import cache

from app.spelling.lexicon import Lexicon, english


@cache
def _lexicon(code: str) -> Lexicon:
    return english() if code == "en" else Lexicon((), code)


def one_word(left: str, right: str) -> bool:
    from app.io.text_paragraphs import LANGUAGE  # the language the text reader reads in ("en" elsewhere)

    words = _lexicon(LANGUAGE.get())
    return words.listed((left + right).lower()) and not (
        words.known(left.lower()) and words.known(right.lower())
    )
