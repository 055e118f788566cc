"""Words the text layer of a justified PDF breaks apart: "resoluti o n s", "humanitari an", "Houth is", "(201 5 )",
"Da ’esh", "Secretary -General".

Issued UN PDFs set some lines with stretched letter spacing, and the text layer then has a space inside a word.
A run of pieces is closed up when the word it makes is known (written whole elsewhere in the document, or a
dictionary word) and at least one piece is no word of its own (a fragment, or a short piece that is no English word): "in to",
"an other" and "annex B and" stay apart. Pieces after the first start with a small letter, so a name before a
word is never joined. A word so broken may also be a compound whose last piece holds the joint (pdftotext:
"Secr etaryGeneral", "sevent y-ninth", "peac e- and"): it is closed up when every piece before the last is a
fragment and every part of the compound a dictionary word.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Container

from app import cancelling

MAX_PIECES = 5  # "resoluti o n s" is four; a bound keeps the scan linear
_TOKEN = re.compile(r"\S+")
# a piece of a word: the last may carry a possessive ("Com mittee’s"), punctuation, and a note's marker glued
# after it ("the report of the meetin g,10 confirmed"), or the reader's token for one (text_paragraphs.NOTE_MARK)
_PIECE = re.compile(
    r"(?P<lead>[(“‘\"']?)(?P<word>[^\W\d_]+(?:-[^\W\d_]+)*)(?P<trail>-?(?:[’']s)?[,;:.)’”\"']*(?:(?<=[,;:.)’”\"'])(?:\d{1,3}|\x01\d+\x02))?)$"
)
# where a compound's parts meet: a hyphen, or a capital after a small letter where the text layer lost the
# hyphen at a printed line's end ("etaryGeneral" of "Secr etaryGeneral")
_COMPOUND_JOINT = re.compile(r"-|(?<=[^\W\d_])(?=[A-Z])")
# the -ise spelling of an -ize word ("destabilising", "Recognising"): "is" before the ending becomes "iz"
ISE_ENDING = re.compile(r"is(?=(?:e|ed|es|ing|ation|ations)$)")
# a year in brackets with its digits set apart: "resolution 2216 (201 5 )"
_SPACED_YEAR = re.compile(r"\(\d(?: ?\d){3} ?\)")
# a space the text layer sets after an opening bracket where the font changes ("GC( 67)", "( A/80/100", "( jus
# cogens)"): UN text never has one
_SPACED_OPENING = re.compile(r"\( +(?=[^\s)])")
# a space the text layer sets before a comma after a word ("States members of the Committee ,"): English never
# has one (French and Spanish space the marks of two strokes, never the comma)
_SPACED_COMMA = re.compile(r"(?<=[^\W\d_]) +(?=,(?:\s|$))")
# an apostrophe or a hyphen inside a word set apart from the letters before it: "Da ’esh", "Sudan ’s",
# "Secretary -General", "Iraqi -led" (a closing quote never has a letter right after it, nor a dash); tried at the
# start of a word only, not again from each of its letters (a long word read once, not once per letter)
_SPACED_JOINER = re.compile(r"(?<![^\W\d_])(?P<head>[^\W\d_]+) (?P<tail>[’-][^\W\d_]+)")
# the English words of one or two letters that stand alone in resolutions: other short pieces ("ed", "el",
# "en") are fragments, whatever a dictionary full of abbreviations says; so are "am", "go", "me", "my" and "us",
# each under once in 100,000 words of the adopted resolutions of sessions 75-77, where pdftotext's "Program me"
# is a word set apart
_SHORT_WORDS = frozenset("a i an as at be by do he if in is it no of on or so to up we".split())


def close_up(
    text: str, document_words: Container[str], known: Callable[[str], bool]
) -> tuple[str, list[str]]:
    """`text` with its broken words closed up, and the words closed up. `document_words`: the lower-case word
    forms of the whole document; `known(word)`: a dictionary word."""
    years: list[str] = []
    if "(" in text:
        text = _SPACED_OPENING.sub("(", text)
        text = _SPACED_YEAR.sub(lambda m: _closed_year(m, years), text)
    if " ," in text:
        text = _SPACED_COMMA.sub("", text)
    if " ’" in text or " -" in text:
        text = _SPACED_JOINER.sub(lambda m: _closed_year(m, years), text)
    tokens = list(_TOKEN.finditer(text))
    pieces = [_PIECE.match(t.group(0)) for t in tokens]
    out: list[str] = []
    joined: list[str] = []
    pos = 0
    i = 0
    while i < len(tokens):
        cancelling.check()  # a paragraph may be a whole file's text
        end = _run_end(pieces, i, tokens, document_words, known)
        if end > i and _word_before_run(pieces, i, tokens, document_words, known):
            end = i  # "in n eed", "to b ring": the word stands and the next pieces make one
        if end > i:
            first, last = pieces[i], pieces[end]
            assert first is not None and last is not None
            word = "".join(p.group("word") for p in pieces[i : end + 1] if p is not None)
            out.append(text[pos : tokens[i].start()])
            out.append(first.group("lead") + word + last.group("trail"))
            joined.append(word)
            pos = tokens[end].end()
            i = end + 1
        else:
            i += 1
    if not joined:
        return text, years
    out.append(text[pos:])
    return "".join(out), years + joined


def _closed_year(m: re.Match[str], years: list[str]) -> str:
    """A year in brackets, or a word around an apostrophe, with its spaces closed up (and noted)."""
    year = m.group(0).replace(" ", "")
    if year != m.group(0):
        years.append(year)
    return year


def _run_end(
    pieces: list[re.Match[str] | None],
    i: int,
    tokens: list[re.Match[str]],
    document_words: Container[str],
    known: Callable[[str], bool],
) -> int:
    """The index of the last piece of the broken word that starts at piece i, or i when none does."""
    first = pieces[i]
    if first is None or first.group("trail"):
        return i
    words = [first.group("word")]
    best = i
    for j in range(i + 1, min(i + MAX_PIECES, len(pieces))):
        p = pieces[j]
        # only single spaces inside a run; the pieces after the first are lower case with no lead
        if p is None or p.group("lead") or not p.group("word")[0].islower():
            break
        if tokens[j].start() - tokens[j - 1].end() != 1:
            break
        words.append(p.group("word"))
        if _closes_up(words, p.group("trail").startswith("-"), document_words, known):
            best = j
        if p.group("trail"):
            break
    return best


def _known_whole(word: str, document_words: Container[str], known: Callable[[str], bool]) -> bool:
    """A word of the document or of the dictionary, in either spelling of -ize ("destabilising")."""
    return word in document_words or known(word) or known(ISE_ENDING.sub("iz", word))


def _closes_up(
    words: list[str], hyphen_after: bool, document_words: Container[str], known: Callable[[str], bool]
) -> bool:
    """Pieces that make a known word, one of them no word of its own; or, the last piece holding a compound's
    joint or a hyphen after it (`hyphen_after`), a compound of dictionary words or a word, every piece before
    the last a fragment ("Secr etaryGeneral", "peac e- and"; never "a non-governmental", "in-person a",
    "net-zero emissions" or "the re-")."""
    whole = "".join(words)
    leading_fragments = all("-" not in w and _fragment(w, known) for w in words[:-1])
    if _known_whole(whole.lower(), document_words, known):
        # before a hyphen ("peac e- and"), as in a compound: never "the re-" of "the re-establishment"
        return leading_fragments if hyphen_after else any(_fragment(w, known) for w in words)
    if not leading_fragments:
        return False
    return bool(_COMPOUND_JOINT.search(words[-1])) and _known_compound(whole, known)


def _known_compound(word: str, known: Callable[[str], bool]) -> bool:
    """A compound whose every part is a dictionary word (the document's own words may hold a compound that
    the text layer glued): "zero-interest", "seventy-ninth", "SecretaryGeneral"."""
    parts = _COMPOUND_JOINT.split(word)
    return len(parts) > 1 and all(len(part) > 1 and _known_whole(part.lower(), (), known) for part in parts)


def _word_before_run(
    pieces: list[re.Match[str] | None],
    i: int,
    tokens: list[re.Match[str]],
    document_words: Container[str],
    known: Callable[[str], bool],
) -> bool:
    """Whether piece i is a word of its own and a broken word starts at the piece after it."""
    first = pieces[i]
    return (
        first is not None
        and not _fragment(first.group("word"), known)
        and i + 1 < len(pieces)
        and _run_end(pieces, i + 1, tokens, document_words, known) > i + 1
    )


def _fragment(piece: str, known: Callable[[str], bool]) -> bool:
    """A piece that is no word of its own. Capitals alone are a label or an initial ("annex B and", "VI and")."""
    if piece.isupper():
        return False
    w = piece.lower()
    return w not in _SHORT_WORDS if len(w) <= 2 else not known(w)
