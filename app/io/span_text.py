"""Inline spans tidied into model markup: shared by the Word and Akoma Ntoso readers.

Readers collect runs as `inline.Span`s (text, italic, footnote reference). These helpers collapse whitespace,
keep spaces outside italics, take the leading italic words as the opener, and absorb terminal punctuation
(also when footnote references follow it: "2024,¹" is stored as "2024[^id]" and printed again as "2024,¹").
"""

from __future__ import annotations

import re

from app import inline
from app.punctuation import absorb_terminal


def tidy(spans: list[inline.Span]) -> list[inline.Span]:
    """Whitespace collapsed, leading space dropped, trailing space dropped, italics of blanks undone."""
    groups: list[inline.Span | tuple[bool, list[str]]] = []  # a note, or (italic, texts) joined once below
    for s in spans:
        if s.footnote:
            groups.append(s)
            continue
        text = re.sub(r"\s+", " ", s.text)
        if not text:
            continue
        italic = s.italic and bool(text.strip())
        last = groups[-1] if groups else None
        if isinstance(last, tuple) and last[0] == italic:
            last[1].append(text)  # joining run by run is square time in a paragraph of many runs
        else:
            groups.append((italic, [text]))
    out = [inline.Span("".join(g[1]), g[0]) if isinstance(g, tuple) else g for g in groups]
    out = _merge_spaces(out)
    while out and not out[0].footnote and not out[0].text.strip():
        out.pop(0)
    if out and not out[0].footnote:
        out[0] = inline.Span(out[0].text.lstrip(), out[0].italic)
    while out and not out[-1].footnote and not out[-1].text.strip():
        out.pop()
    if out and not out[-1].footnote:
        out[-1] = inline.Span(out[-1].text.rstrip(), out[-1].italic)
    return [s for s in out if s.text or s.footnote]


def _merge_spaces(spans: list[inline.Span]) -> list[inline.Span]:
    """Move spaces at the edges of italic runs outside them, so '*Recalling *its' reads '*Recalling* its'."""
    out: list[inline.Span] = []
    for s in spans:
        if s.footnote or not s.italic:
            out.append(s)
            continue
        core = s.text.strip()
        lead = s.text[: len(s.text) - len(s.text.lstrip())]
        trail = s.text[len(s.text.rstrip()) :]
        if lead:
            out.append(inline.Span(" "))
        out.append(inline.Span(core, True))
        if trail:
            out.append(inline.Span(" "))
    groups: list[list[inline.Span]] = []  # neighbours alike in italics, joined once (a note stands alone)
    for s in out:
        last = groups[-1] if groups else None
        if last and not s.footnote and not last[-1].footnote and last[-1].italic == s.italic:
            last.append(s)
        else:
            groups.append([s])
    return [
        g[0] if len(g) == 1 else inline.Span(re.sub(r" {2,}", " ", "".join(x.text for x in g)), g[0].italic)
        for g in groups
    ]


def split_opener(spans: list[inline.Span], name_hint: str = "") -> tuple[str, str]:
    """Leading italic words are the opener; the rest is the text with its punctuation as written (the import
    settles typed ends once, for every reader: app/io/typed_ends.py)."""
    end = as_written_markup
    if spans and spans[0].italic and not spans[0].footnote:
        opener = spans[0].text.strip()
        rest = spans[1:]
        if rest and not rest[0].footnote:
            rest = [inline.Span(rest[0].text.lstrip(), rest[0].italic), *rest[1:]]
        return opener, end(rest)
    if name_hint and spans and not spans[0].footnote and spans[0].text.startswith(name_hint + " "):
        first = spans[0]
        rest = [inline.Span(first.text[len(name_hint) :].lstrip(), first.italic), *spans[1:]]
        return name_hint, end(rest)
    return "", end(spans)


def as_written_markup(spans: list[inline.Span]) -> str:
    """Markup with the punctuation kept as written."""
    return inline.unparse(tidy(spans))


def strip_end(spans: list[inline.Span]) -> str:
    """A title's markup with terminal punctuation dropped, also when footnote references follow it ('2024,¹' → '2024¹')."""
    spans = [s for s in spans if s.footnote or s.text]
    refs: list[inline.Span] = []
    while spans and (spans[-1].footnote or not spans[-1].text.strip()):
        last = spans.pop()
        if last.footnote:
            refs.insert(0, last)
    if spans:
        last = spans[-1]
        spans[-1] = inline.Span(absorb_terminal(last.text.rstrip()), last.italic)
    return inline.unparse(tidy(spans + refs))
