"""Titles of publications set in italics where the file lost them (PDF text, plain text), in notes and body text.

Issued resolutions print the titles they cite in italics (UN Editorial Manual, "Italics": titles of
publications): "See *Official Records of the General Assembly, Seventy-ninth Session, Supplement No. 53*
(A/79/53)", "United Nations, *Treaty Series*, vol. 2187, No. 38544", "*Report of the Fourth World Conference on
Women, Beijing, 4–15 September 1995* (United Nations publication, Sales No. E.96.IV.13)"; in the body, "the
*World Economic Situation and Prospects 2024*", "Article 73 *e* of the Charter", "*jus cogens*". The UN's own XML
marks them so. A text layer has no italics: the titles are found again by the patterns of the draft's language
(resources/languages/<code>.toml, [titles]: `patterns` for notes, `body_patterns` for paragraphs), each of which
marks its group "t", and in the body also by the names its XML sets in italics consistently
(resources/wordlists/titles-<code>.txt). Only a note or paragraph with no italics of its own (beyond its opener,
a field apart) is marked, so a Word file's italics always win.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache

from app import cancelling
from app.errors import TemplateError
from app.inline import parse
from app.languages import Language, get_language
from app.messages import say
from app.model import Resolution
from app.paths import resource
from app.reasons import why
from app.spelling.pattern_shape import can_hang

NOTES, BODY = "patterns", "body_patterns"  # the [titles] key of each list of patterns
_YEAR = (
    r"(?:\d{4}\s)?NAME(?:\s\d{4})?"  # "2023 Global Sustainable Development Report", "World Drug Report 2020"
)


@cache
def title_patterns(code: str, key: str = NOTES) -> tuple[re.Pattern[str], ...]:
    """The compiled patterns of a language's [titles] `key` (NOTES or BODY; the body's end with its names). The
    table's other keys are pieces the patterns name in braces ("{date}", "{segment}"); "{month}" is any month of
    the language, and pieces may name it."""
    lang: Language = get_language(code)
    month = "(?:" + "|".join(re.escape(m) for m in lang.months) + ")"
    pieces = {
        name: value.replace("{month}", month)
        for name, value in lang.titles.items()
        if name not in (NOTES, BODY) and isinstance(value, str)
    }
    out = []
    for written in lang.titles.get(key, []):
        pattern = str(written)
        for name, value in pieces.items():
            pattern = pattern.replace("{" + name + "}", value)
        where = {"name": f"{code}.toml", "key": key, "pattern": repr(str(written)[:60])}
        try:
            compiled = re.compile(pattern)
        except re.error as exc:
            raise TemplateError(
                say("{name}: [titles] {key} {pattern}: {reason}", **where, reason=why(exc))
            ) from None
        # a languages file edited by hand: a text that almost matches must not hang the reader
        if can_hang(pattern):
            raise TemplateError(
                say(
                    "{name}: [titles] {key} {pattern} repeats a repeat, which can take for ever on a text that "
                    "almost matches",
                    **where,
                )
            )
        if "t" not in compiled.groupindex:
            raise TemplateError(say("{name}: [titles] {key} {pattern} has no group (?P<t>…)", **where))
        out.append(compiled)
    names = title_names(code) if key == BODY else ()
    if names:
        out.append(names_pattern(names))
    return tuple(out)


@cache
def title_names(code: str) -> tuple[str, ...]:
    """The names a language's issued resolutions set in italics wherever they stand (titles without a pattern,
    *World Population Prospects*; terms, *jus cogens*): resources/wordlists/titles-<code>.txt, one a line."""
    path = resource("wordlists", f"titles-{code}.txt")
    if not path.is_file():
        return ()
    lines = (line.strip() for line in path.read_text(encoding="utf-8").splitlines())
    return tuple(line for line in lines if line and not line.startswith("#"))


def names_pattern(names: tuple[str, ...] | list[str]) -> re.Pattern[str]:
    """One pattern finding any of `names` as whole words, the longest first where several start at one place, with
    a year before or after it ("World Investment Report 2022"); a space in a name is any space."""
    alternatives = sorted({n for n in names if n}, key=lambda n: (-len(n), n))
    body = "|".join(re.escape(n).replace(r"\ ", r"\s") for n in alternatives)
    return re.compile(r"(?<![\w‑-])(?P<t>" + _YEAR.replace("NAME", "(?:" + body + ")") + r")(?![\w‑-])")


def has_italics(markup: str) -> bool:
    return "*" in markup.replace("\\*", "")


def italic_titles(markup: str, code: str, key: str = NOTES) -> str:
    """`markup` (app.inline) with the titles it cites in italics, unless it has italics of its own."""
    if not has_italics(markup):
        spans: list[tuple[int, int]] = []  # apart from each other, in order
        for pattern in title_patterns(code, key):
            spans = _merged(spans, (m.span("t") for m in pattern.finditer(markup)))
        if spans:
            return _starred(markup, spans)
    return markup


def _merged(kept: list[tuple[int, int]], found: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    """`kept` with each of `found` (in order, apart from each other) that is not empty and overlaps none of
    `kept` (an earlier pattern's title wins), in one walk of both: inserting each into the list in place cost
    the square of the titles of a long paragraph."""
    out: list[tuple[int, int]] = []
    at = 0
    for start, end in found:
        while at < len(kept) and kept[at] < (start, end):
            out.append(kept[at])
            at += 1
        after_previous = not out or out[-1][1] <= start
        before_next = at == len(kept) or end <= kept[at][0]
        if start < end and after_previous and before_next:
            out.append((start, end))
    return out + kept[at:]


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
        cancelling.check()
        marked = italic_titles(note.text, code)
        if marked != note.text and any(span.italic for span in parse(marked)):
            note.text = marked
            changed += 1
    return changed


def body_has_italics(res: Resolution) -> bool:
    """Whether any paragraph of `res` has italics of its own after its opener (a Word file's own: they win)."""
    paragraphs = [p for _, p in res.paragraphs()] + list(res.annex_paragraphs())
    return any(has_italics(p.text) or has_italics(p.tail) for p in paragraphs)


def italicize_body_titles(res: Resolution) -> int:
    """Set the titles `res`'s paragraphs cite in italics, after the opener (never touched), in every part and annex,
    in paragraphs with no italics of their own; how many paragraphs changed."""
    code = res.header.language or "en"
    changed = 0
    for para in [p for _, p in res.paragraphs()] + list(res.annex_paragraphs()):
        cancelling.check()
        if has_italics(para.text) or has_italics(para.tail):
            continue
        text, tail = italic_titles(para.text, code, BODY), italic_titles(para.tail, code, BODY)
        if (text, tail) != (para.text, para.tail):
            para.text, para.tail = text, tail
            changed += 1
    return changed
