"""Lines of a PDF's text layer set out of reading order, put back where the text itself shows the order.

In a justified PDF the label of a list item is a text fragment of its own, and an extractor that orders
fragments by their baselines may set it after the item's first line when the label sits a little lower:

    … an assessment on the following:
    progress in implementing the reconfiguration as outlined in paragraphs 5
    (i)
    and 6 of this resolution;

A label alone on its line, after one line of unlabelled text that opens an item (the line before it ended a
list item or a chapeau with ";" or ":") and does not end one itself, belongs before that line. Only text read
from an issued PDF goes through here: in typed text a label alone on its line heads the text after it.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from app.io.pdf_text import PAGE_BREAK

_ITEM_END = re.compile(r"[;:]\W*$")  # a chapeau or a list item ended
_LINE_END = re.compile(r"[;:.]\W*$")  # the item's first line ended an item: the label is not its own


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
        first = _last_text(out, len(out))
        if label_alone(s) and first is not None and _opens_item(out, first, label_alone, opens_labelled):
            out[first] = f"{s} {out[first].strip()}"
            del out[first + 1 :], out_pages[first + 1 :]  # the blank lines between: the item runs on
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


def _opens_item(
    lines: list[str], first: int, label_alone: Callable[[str], bool], opens_labelled: Callable[[str], bool]
) -> bool:
    """Is line `first` the unlabelled first line of a list item whose label came after it?"""
    text = lines[first].strip()
    if label_alone(text) or opens_labelled(text) or _LINE_END.search(text):
        return False
    before = _last_text(lines, first)
    return before is not None and bool(_ITEM_END.search(lines[before].strip()))
