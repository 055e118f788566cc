"""Titles of publications cited in footnotes, set in italics where the file lost them (PDF text, plain text).

Issued resolutions print the titles they cite in italics (UN Editorial Manual, "Italics": titles of
publications): "See *Official Records of the General Assembly, Seventy-ninth Session, Supplement No. 53*
(A/79/53)", "United Nations, *Treaty Series*, vol. 2187, No. 38544", "*Report of the Fourth World Conference on
Women, Beijing, 4–15 September 1995* (United Nations publication, Sales No. E.96.IV.13)". The UN's own XML marks
them so. A text layer has no italics: the titles are found again by the patterns of the draft's language
(resources/languages/<code>.toml, [titles]), each of which marks its group "t". Only a note with no italics of
its own is marked, so a Word file's italics always win.
"""

from __future__ import annotations

import bisect
import re
from functools import cache

from app.errors import TemplateError
from app.inline import parse
from app.languages import Language, get_language
from app.model import Resolution
from app.spelling.pattern_shape import can_hang


@cache
def title_patterns(code: str) -> tuple[re.Pattern[str], ...]:
    """The compiled patterns of a language's [titles]. Its other keys are pieces the patterns name in braces
    ("{date}", "{segment}"); "{month}" is any month of the language, and pieces may name it."""
    lang: Language = get_language(code)
    month = "(?:" + "|".join(re.escape(m) for m in lang.months) + ")"
    pieces = {
        name: value.replace("{month}", month)
        for name, value in lang.titles.items()
        if name != "patterns" and isinstance(value, str)
    }
    out = []
    for written in lang.titles.get("patterns", []):
        pattern = str(written)
        for name, value in pieces.items():
            pattern = pattern.replace("{" + name + "}", value)
        try:
            compiled = re.compile(pattern)
        except re.error as exc:
            raise TemplateError(f"{code}.toml: [titles] pattern {str(written)[:60]!r}: {exc}") from None
        if can_hang(
            pattern
        ):  # a languages file edited by hand: a note that almost matches would hang the reader
            raise TemplateError(
                f"{code}.toml: [titles] pattern {str(written)[:60]!r} repeats a repeat, which can take for ever "
                "on a note that almost matches"
            )
        if "t" not in compiled.groupindex:
            raise TemplateError(f"{code}.toml: [titles] pattern {str(written)[:60]!r} has no group (?P<t>…)")
        out.append(compiled)
    return tuple(out)


def italic_titles(markup: str, code: str) -> str:
    """`markup` (app.inline) with the titles it cites in italics, unless it has italics of its own."""
    if "*" not in markup.replace("\\*", ""):
        spans: list[tuple[int, int]] = []  # apart from each other, in order: a bisection finds the neighbours
        for pattern in title_patterns(code):
            for m in pattern.finditer(markup):
                start, end = m.span("t")
                at = bisect.bisect(spans, (start, end))
                after_previous = at == 0 or spans[at - 1][1] <= start
                before_next = at == len(spans) or end <= spans[at][0]  # an earlier pattern's title wins
                if start < end and after_previous and before_next:
                    spans.insert(at, (start, end))
        if spans:
            return _starred(markup, spans)
    return markup


def _starred(markup: str, spans: list[tuple[int, int]]) -> str:
    out, at = [], 0
    for start, end in spans:
        out += [markup[at:start], "*", markup[start:end], "*"]
        at = end
    out.append(markup[at:])
    return "".join(out)


def italicize_note_titles(res: Resolution) -> int:
    """Set the titles cited in `res`'s notes in italics (notes with no italics of their own); how many notes
    changed."""
    code = res.header.language or "en"
    changed = 0
    for note in res.footnotes.values():
        marked = italic_titles(note.text, code)
        if marked != note.text and any(span.italic for span in parse(marked)):
            note.text = marked
            changed += 1
    return changed
