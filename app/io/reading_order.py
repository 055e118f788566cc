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

from collections.abc import Callable

from app.io.pdf_text import PAGE_BREAK
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


# a paragraph's last line, short, that pdftotext sets between the paragraph's number and its first line
# ("4." / "2021;" / "" / "Decides to extend … until 31 October" / ""): a printed line of at least this many
# characters that runs on, and a last line of at most this many that ends the paragraph
_FIRST_LINE_CHARS, _LAST_LINE_CHARS = 50, 40


def last_line_set_first(
    lines: list[str], pages: list[int], number_alone: Callable[[str], bool]
) -> tuple[list[str], list[int]]:
    """`lines` with a two-line paragraph's last line, set after the number alone on its line and before the
    paragraph's first line (a blank line after each), put back after the first line."""
    out, out_pages = list(lines), list(pages)
    i = 0
    while i + 4 <= len(out):
        num, last, gap, first = (x.strip() for x in out[i : i + 4])
        after = out[i + 4].strip() if i + 4 < len(out) else ""
        if (
            number_alone(num)
            and 0 < len(last) <= _LAST_LINE_CHARS
            and ends_with_mark(last, _LINE_END + ",")
            and not gap
            and len(first) >= _FIRST_LINE_CHARS
            and first[:1].isupper()
            and not ends_with_mark(first, _LINE_END + ",")
            and after in ("", PAGE_BREAK)
        ):
            out[i + 1 : i + 4] = [out[i + 3], out[i + 1], out[i + 2]]
            out_pages[i + 1 : i + 4] = [out_pages[i + 3], out_pages[i + 1], out_pages[i + 2]]
            i += 4
        else:
            i += 1
    return out, out_pages
