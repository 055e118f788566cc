"""Lines of a PDF's text layer set out of reading order, put back where the text itself shows the order.

In a justified PDF the label of a list item is a text fragment of its own, and an extractor that orders
fragments by their baselines may set it after the item's first line when the label sits a little lower:

    … an assessment on the following:
    progress in implementing the reconfiguration as outlined in paragraphs 5
    (i)
    and 6 of this resolution;

A subparagraph label alone on its line, after one line (or a few pieces of one) of unlabelled text that opens
an item (the line before ended a list item or a chapeau with ";" or ":") and does not end one itself, belongs
before that line. Only text read from an issued PDF goes through here: in typed text a label alone on its line
heads the text after it.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from app.io.pdf_text import PAGE_BREAK
from app.io.text_blocks import MAX_PIECE_WORDS, Block
from app.io.text_paragraphs import closing_line
from app.punctuation import ends_with_mark

_ITEM_END = ";:"  # a chapeau or a list item ended
_LINE_END = ";:."  # the item's first line ended an item: the label is not its own


_HEADING_CHARS = 60
MAX_ITEM_LINES = 3  # the item lines a label may follow: a justified line's text layer may break it in pieces


def labels_set_after(
    lines: list[str],
    pages: list[int],
    label_alone: Callable[[str], bool],
    opens_labelled: Callable[[str], bool],
) -> tuple[list[str], list[int]]:
    """`lines` (and their `pages`) with every label set after its item's first line moved before it, the
    item's lines then running on. `label_alone(line)`: the line is a label only; `opens_labelled(line)`: the
    line opens with a label of its own."""
    out: list[str] = []
    out_pages: list[int] = []
    for line, page in zip(lines, pages, strict=True):
        s = line.strip()
        start = _item_start(out, label_alone, opens_labelled) if label_alone(s) else None
        if start is not None:
            kept = [i for i in range(start, len(out)) if out[i].strip()]  # the blank lines between go
            out[start:] = [f"{s} {out[start].strip()}", *(out[i] for i in kept[1:])]
            out_pages[start:] = [out_pages[i] for i in kept]
            continue
        out.append(line)
        out_pages.append(page)
    return out, out_pages


def _last_text(lines: list[str], end: int) -> int | None:
    """Index of the last line with text before `end`, at most three blank lines or page breaks back."""
    for i in range(end - 1, max(end - 5, -1), -1):
        if lines[i].strip() not in ("", PAGE_BREAK):
            return i
    return None


def _item_start(
    lines: list[str], label_alone: Callable[[str], bool], opens_labelled: Callable[[str], bool]
) -> int | None:
    """The first of the unlabelled lines at the end of `lines` that open a list item (the line before them
    ended a chapeau or an item), when they do not end it; None when the lines are no such item."""
    start: int | None = None
    end = len(lines)
    for _ in range(MAX_ITEM_LINES + 1):
        i = _last_text(lines, end)
        if i is None:
            return None
        text = lines[i].strip()
        if start is not None and ends_with_mark(text, _ITEM_END):
            first = lines[start].strip()
            # a heading is short and capitalised ("Data" over "3."): an item's line is neither
            return start if first[:1].islower() or len(first) > _HEADING_CHARS else None
        if label_alone(text) or opens_labelled(text) or ends_with_mark(text, _LINE_END):
            return None
        if any(lines[k].strip() == PAGE_BREAK for k in range(i + 1, end)):
            return None  # an item's lines on one page
        start, end = i, i
    return None


# A paragraph of two printed lines whose first line is indented (after its label) may come out of the text layer
# last line first: pdftotext sets the indented line as a block of its own, after the line under it:
#
#     4.
#     Agency;
#
#     Appeals to Member States to continue to support the activities of the
#
# The label alone, then a line that ends the paragraph, then a blank line (or a page's end) and one line alone
# that runs the width of a printed line and ends no sentence: that line is the paragraph's first. An adopted
# text's last paragraph has its closing line under it ("22." / "session." / "" / "Decides to continue its
# consideration of the question at its eightieth" / "50th plenary meeting").
_FIRST_LINE_CHARS = 60  # a printed line after a label's indent is longer; a heading alone is shorter
_TRAILING_NOTE = re.compile(
    r"(?<=[,;:.])\s*[0-9⁰¹²³⁴⁵⁶⁷⁸⁹]{1,3}$"
)  # "…Secretary-General; 3": a note's marker


def first_lines_set_after(
    lines: list[str],
    pages: list[int],
    label_alone: Callable[[str], bool],
    opens_labelled: Callable[[str], bool],
) -> tuple[list[str], list[int]]:
    """`lines` (and their `pages`) with every paragraph's first line that was set after its last one put back
    between its label and that last line. `label_alone(line)`: the line is a label only (a paragraph's number
    or a subparagraph's letter); `opens_labelled(line)`: the line opens with a label of its own."""
    out = list(lines)
    out_pages = list(pages)
    i = 0
    while i + 2 < len(out):
        first = _first_line_after(out, i, label_alone, opens_labelled)
        if first is None:
            i += 1
            continue
        line, page = out.pop(first), out_pages.pop(first)
        out.insert(i + 1, line)
        out_pages.insert(i + 1, page)
        i = first + 1
    return out, out_pages


def _ended(text: str) -> bool:
    return ends_with_mark(_TRAILING_NOTE.sub("", text), _LINE_END + ",")


def _first_line_after(
    lines: list[str], i: int, label_alone: Callable[[str], bool], opens_labelled: Callable[[str], bool]
) -> int | None:
    """The index of the first line of the paragraph labelled at `i` when it stands after the paragraph's last
    line (`i + 1`), else None."""
    tail = lines[i + 1].strip()
    if not label_alone(lines[i].strip()) or not tail or tail == PAGE_BREAK:
        return None
    if label_alone(tail) or opens_labelled(tail) or not _ended(tail):
        return None
    at = i + 2
    while at < len(lines) and at < i + 6 and lines[at].strip() in ("", PAGE_BREAK):
        at += 1
    if at == i + 2 or at >= len(lines) or at == i + 6:
        return None  # the line under the tail is no line of its own
    first = lines[at].strip()
    # alone: a blank line, a page's end, or the closing line of an adopted text ("50th plenary meeting") under it
    alone = at + 1 == len(lines) or lines[at + 1].strip() in ("", PAGE_BREAK) or closing_line(lines[at + 1])
    opens = first[:1].isupper() or first[:1].isdigit()
    if not alone or not opens or len(first) <= max(_FIRST_LINE_CHARS, len(tail)) or _ended(first):
        return None
    return None if label_alone(first) or opens_labelled(first) else at


# A justified line's text layer may set pieces of a later line between a paragraph's number and its first line:
#
#     2.
#
#     future  via  a  political  process
#
#     that  includes  and  meets
#
#     Reaffirms  the  need  for  …
#
# The number belongs to the paragraph the opener starts; the pieces between are set apart as those between two
# paragraphs are (`text_blocks.displaced_run`).


def label_pieces_apart(body: list[Block], label_alone: Callable[[str], bool]) -> list[Block]:
    """`body` with each block that holds a paragraph's label alone on its first line and a piece of a line
    after it (small letters first, no sentence's end) cut in two: the label, then the piece."""
    out: list[Block] = []
    for block in body:
        rest = [line for line in block.lines[1:] if line.strip()]
        text = " ".join(line.strip() for line in rest)
        if (
            label_alone(block.first)
            and rest
            and text[:1].islower()
            and not ends_with_mark(text, ".,;:")
            and len(text.split()) <= MAX_PIECE_WORDS
        ):
            out.append(Block(block.lines[:1], block.pages[:1], block.after_break))
            out.append(Block(block.lines[1:], block.pages[1:]))
            continue
        out.append(block)
    return out


def labels_rejoined(body: list[Block], label_alone: Callable[[str], bool]) -> list[Block]:
    """`body` with each block that is a paragraph's label alone joined to the block after it."""
    out: list[Block] = []
    for block in body:
        if out and len(out[-1].lines) == 1 and label_alone(out[-1].first):
            out[-1] = Block(out[-1].lines + block.lines, out[-1].pages + block.pages, out[-1].after_break)
            continue
        out.append(block)
    return out


# A justified line set wide, with few words and long gaps, may come out of pdftotext a word or two at a time, each
# piece after a blank line, and its first word stacked over the paragraph's next line:
#
#     Determined                                (the wide line's first word)
#     disarmament,                              (the paragraph's next, last line)
#
#     to
#
#     work
#
#     collectively towards the realization
#
#     of nuclear
#
# The pieces belong between the two: "Determined to work collectively towards the realization of nuclear" /
# "disarmament,". The signature: a line that ends no phrase over a line that does, then pieces of at most a few
# words each (of letters, or a figure: a year, a note's marker) after a blank line, that together with the first
# line fill about a printed line, and after them a new paragraph, a list item or the page's end.
# a piece: up to four words, a figure among them ("2018,", "Secretary-General 5 and": a year, a note's marker)
_WIDE_WORD = r"(?:[^\W\d_][\w’'\-]*|\d{1,4}|[A-Z][\w.()-]*(?:/[\w.()-]+)+),?"  # or a symbol: "ISBA/28/C/9,"
_WIDE_PIECE = re.compile(rf"{_WIDE_WORD}(?: {_WIDE_WORD}){{0,3}}")
_WIDE_LINE_CHARS = (45, 95)  # the first word and the pieces fill a printed line: more than a short heading's
_WIDE_START_CHARS = 50  # the first line holds a few words of the wide line only
_WIDE_PIECES = 8


def wide_line_pieces(
    lines: list[str], pages: list[int], opens: Callable[[str], bool]
) -> tuple[list[str], list[int]]:
    """`lines` (and their `pages`) with the pieces of a wide justified line set back after its first words (see
    above). `opens(line)`: the line opens a paragraph or a list item of its own. One pass."""
    out: list[str] = []
    out_pages: list[int] = []
    i = 0
    while i < len(lines):
        pieces = _wide_pieces(lines, i, opens) if i >= 1 else None
        if pieces is None:
            out.append(lines[i])
            out_pages.append(pages[i])
            i += 1
            continue
        # lines[i] is the paragraph's next line; out[-1] the wide line's first words
        out[-1] = " ".join([out[-1].rstrip(), *(lines[k].strip() for k in pieces)])
        out.append(lines[i])
        out_pages.append(pages[i])
        i = pieces[-1] + 1
    return out, out_pages


def _wide_pieces(lines: list[str], i: int, opens: Callable[[str], bool]) -> list[int] | None:
    """The indices of the pieces of a wide line whose first words are lines[i - 1], set after lines[i]."""
    start, after = lines[i - 1].strip(), lines[i].strip()
    if not start or not after or len(start) > _WIDE_START_CHARS or after == PAGE_BREAK:
        return None
    if _ended(start) or not ends_with_mark(_TRAILING_NOTE.sub("", after), _LINE_END + ","):
        return None
    pieces: list[int] = []
    at = i + 1
    while len(pieces) < _WIDE_PIECES and at + 1 < len(lines) and lines[at] == "" and lines[at + 1].strip():
        piece = lines[at + 1].strip()
        if not _WIDE_PIECE.fullmatch(piece) or opens(piece) or ends_with_mark(piece, _LINE_END):
            break
        pieces.append(at + 1)
        at += 2
    # one piece alone only when it cannot end the paragraph: "… decisions" / "ISBA/28/C/24 and … session;" / "" /
    # "ISBA/28/C/9," (A/RES/78/69, 79/144)
    if len(pieces) < 2 and not (pieces and lines[pieces[0]].strip().endswith(",")):
        return None
    width = len(start) + sum(len(lines[k].strip()) + 1 for k in pieces)
    words = sum(len(lines[k].split()) for k in pieces)
    following = next((x.strip() for x in lines[at : at + 4] if x.strip()), "")
    closed = not following or following == PAGE_BREAK or opens(following)
    low, high = _WIDE_LINE_CHARS
    # two pieces may hold the line's last words ("of 6 December" / … / "2018," / "entitled", A/RES/79/81)
    return pieces if closed and words + len(start.split()) >= 4 and low <= width <= high else None
