"""A note's marker that none of the forms of `app.io.note_markers` found, read from its number set apart between
two words ("the final report 6 of the open-ended working group", "resolution 7 submitted by"), where only the
order of the notes tells it from the text's own numbers.

pdftotext sets a superscript marker as a number between spaces. After a word that takes a number ("report",
"resolution", "session", "Goals") the marker forms refuse it, as "resolution 7" may be text. Here the notes'
order decides: between the markers of the notes before and after it (and on the note's own page, in text of a
PDF) the number must stand exactly once between two words, neither a date nor a count. Every marker read so is
reported (an INFO finding), so the reader can look at it.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass

from app.io.note_markers import numeric

_LETTER = "A-Za-z\u00c0-\u024f"
_LOWER = "a-z\u00df-\u024f"
MAX_SPAN_LINES = 120  # the lines between two placed markers looked through: a few pages at most


@dataclass(frozen=True)
class BareMarker:
    index: int  # the note's index
    line: tuple[int, int]  # block, line
    start: int
    end: int
    context: str  # the words about it, for the report


@functools.cache
def _pattern(language: str) -> tuple[re.Pattern[str], frozenset[str], frozenset[str]]:
    """The number between two words, and the words before (function words) and after (counts) that make it
    text: "from 19 to 21", "25 Member States", "aged 15 to 24", "6 per cent"."""
    from app.languages import get_language

    data = {**get_language("en").note_markers, **get_language(language).note_markers}
    before = frozenset(str(data.get("function_words", "")).split())
    after = frozenset(f"{data.get('count_followers', '')} {data.get('count_nouns', '')} to".split())
    # before the number: a word, a name's own number ("Agenda 21 6 and") or a document's symbol ("S-35/1 6 and")
    word = rf"[{_LETTER}][{_LETTER}'’-]*|\d{{1,4}}|[A-Z][\w-]*(?:/[\w-]+)+"
    pattern = re.compile(rf"(?<![\w/.,-])(?P<w>{word}) (?P<n>\d{{1,3}}) (?P<a>[{_LOWER}]+)\b(?![\w/.,-]*\d)")
    return pattern, before, after


# the number at a line's end, the words going on on the next line ("… its seventy-fourth session 2" / "and the
# decisions contained therein,")
_LINE_END = re.compile(r"(?<![\w/.,-])(?P<w>\S+) (?P<n>\d{1,3})$")
_LINE_START = re.compile(rf"(?P<a>[{_LOWER}]+)\b(?![\w/.,-]*\d)")


def _hits(line: str, label: str, language: str, following: str = "") -> list[tuple[int, int]]:
    """Where `label` stands between two words in `line`, or at its end when `following` (the next line of the
    block) goes on with a word in lower case."""
    pattern, before, after = _pattern(language)
    hits = [
        m.span("n")
        for m in pattern.finditer(line)
        if m.group("n") == label and m.group("w").lower() not in before and m.group("a") not in after
    ]
    end, start = _LINE_END.search(line.rstrip()), _LINE_START.match(following.lstrip())
    if (
        end
        and start
        and end.group("n") == label
        and _between(end.group("w"), label, start.group("a"), before, after, pattern)
    ):
        hits.append(end.span("n"))
    return hits


def _between(
    word: str,
    label: str,
    next_word: str,
    before: frozenset[str],
    after: frozenset[str],
    pattern: re.Pattern[str],
) -> bool:
    """The within-a-line test, on the word before a line's last number and the first word of the next line."""
    m = pattern.fullmatch(f"{word} {label} {next_word}")
    return bool(m) and word.lower() not in before and next_word not in after


def bare_markers(
    lines: Sequence[Sequence[str]],
    pages: Sequence[Sequence[int]],
    missing: list[tuple[int, str, int | None]],
    placed: dict[int, tuple[int, int, int]],
    language: str = "en",
) -> list[BareMarker]:
    """The markers read for the `missing` notes ((index, label, page or None)) in the body's `lines` (per block)
    with their `pages`; `placed`: note index -> (block, line, offset) of every marker already found. A note
    whose number stands more than once between its neighbours' markers, or nowhere, stays missing."""
    order = sorted(placed)
    out: list[BareMarker] = []
    for index, label, page in missing:
        if not numeric(label) or len(label) > 3:
            continue
        k = bisect.bisect_left(order, index)
        low = placed[order[k - 1]] if k else (0, 0, 0)
        high = placed[order[k]] if k < len(order) else (len(lines), 0, 0)
        found: list[tuple[int, int, int, int]] = []
        seen = 0
        b, ln = low[0], low[1]
        while (b, ln) <= high[:2] and b < len(lines) and seen <= MAX_SPAN_LINES and len(found) < 2:
            if ln >= len(lines[b]):
                b, ln = b + 1, 0
                continue
            seen += 1
            if page is None or pages[b][ln] == page:
                following = lines[b][ln + 1] if ln + 1 < len(lines[b]) else ""
                for start, end in _hits(lines[b][ln], label, language, following):
                    after_low = (b, ln, start) >= low
                    before_high = (b, ln, start) < high
                    if after_low and before_high:
                        found.append((b, ln, start, end))
            ln += 1
        if len(found) == 1 and seen <= MAX_SPAN_LINES:
            b, ln, start, end = found[0]
            text = lines[b][ln]
            context = " ".join(text[max(0, start - 30) : end + 20].split())
            out.append(BareMarker(index, (b, ln), start, end, context))
    return out
