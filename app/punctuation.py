"""End punctuation: what a paragraph's typed end is, and what is printed instead.

The renderer derives every terminal mark from a paragraph's place ("," ";" "." ":"); readers, the checks and the
editor ask these same functions what a typed end is, so they never disagree with what prints.
"""

from __future__ import annotations

import re

from app import inline


def ends_with_mark(text: str, marks: str) -> bool:
    """Whether `text` ends with one of `marks`, perhaps followed by closing quotes, brackets, note marks or
    spaces (anything but a letter, digit or "_"): what `[marks]\\W*$` finds, scanned backwards once (that
    search retried from every mark in a long run of punctuation, taking the square of its length)."""
    at = len(text)
    while at and not (text[at - 1].isalnum() or text[at - 1] == "_"):
        at -= 1
        if text[at] in marks:
            return True
    return False


_ABBREVIATIONS = ("etc.", "et seq.", "para.", "paras.", "No.", "Nos.", "vol.", "p.", "pp.", "Corr.", "Add.")


def absorb_terminal(text: str, *, keep_colon: bool = False) -> str:
    """Drop typed terminal punctuation (and the space before it); render adds the right mark.

    Footnote references that end the text stay, and punctuation typed before them goes. `keep_colon`: a text
    with no subparagraphs under it that ends with a colon introduces what follows (a quotation, a table), so
    the colon is the author's own.
    """
    refs = trailing_refs(text)
    body = text[: len(text) - len(refs)]
    if _abbreviation_at_end(body.rstrip()):
        return body.rstrip() + refs
    if keep_colon and body.rstrip().endswith(":"):
        return body.rstrip() + refs
    end = len(body)
    while end and (body[end - 1].isspace() or body[end - 1] in ",;:." or body[end - 1] in _INVISIBLE):
        end -= 1  # a backwards scan: a regex anchored at $ would retry from every position
    if "..." in body[end:] or body.rstrip().endswith("…"):
        return body.rstrip() + refs
    if body[end : end + 1] == "." and _abbreviation_at_end(body[: end + 1]):
        end += 1  # "from 3 to 6 p.m.;": the full stop is the abbreviation's, the end mark comes after it
    return body[:end] + refs


# initials that end in a full stop ("a.m.", "p.m.", "D.C.", "i.e."), looked for in the last characters only
_INITIALS = re.compile(r"(?<![\w.])(?:[A-Za-z]\.){2,4}$")


def _abbreviation_at_end(text: str) -> bool:
    """Does `text` end with an abbreviation whose full stop is its own ("etc.", "p.m.")?"""
    return text.endswith(_ABBREVIATIONS) or bool(_INITIALS.search(text[-9:]))


_INVISIBLE = "\u200b\u200c\u200d\u200e\u200f\u2060\ufeff"  # marks some UN files leave after the end
_REF = re.compile(r"\[\^[A-Za-z0-9_-]+\]")


def trailing_refs(text: str) -> str:
    """The footnote references (each followed by any spaces) that end `text`, "" when none. Read backwards,
    one reference at a time: a regex anchored at $ would rescan a long run of references from each one."""
    start = stop = len(text)
    while True:
        while stop and text[stop - 1].isspace():
            stop -= 1
        if not text.endswith("]", 0, stop):
            return text[start:]
        opening = text.rfind("[^", 0, stop)
        if opening < 0 or not _REF.fullmatch(text, opening, stop):
            return text[start:]
        start = stop = opening


# "...; and" before a last subparagraph; a colon introducing what follows; a quotation that ends with its own
# mark ('continues to read as follows: "... level."')
_KEEPS_OWN_END = re.compile(r"(?:[;,]\s+(?:and|or)|:|[.;,:!?][\"”’»])$")


def keeps_own_end(markup: str) -> bool:
    """Text that carries its own end ("...; and", "...:", '...level."'): no mark is added."""
    return bool(_KEEPS_OWN_END.search(inline.plain(absorb_terminal(markup, keep_colon=True))))


def end_for(text: str, wanted: str) -> str:
    """The mark a paragraph's place asks for, unless the text carries its own ("...; and")."""
    return "" if keeps_own_end(text) else wanted


def typed_end(markup: str, *, keep_colon: bool = False) -> str:
    """The terminal mark typed at the end of `markup` that printing replaces ("" when there is none)."""
    kept = absorb_terminal(markup, keep_colon=keep_colon)
    refs = trailing_refs(markup)
    body = markup[: len(markup) - len(refs)]
    kept_body = kept[: len(kept) - len(refs)]
    return "".join(ch for ch in body[len(kept_body) :] if not ch.isspace() and ch not in _INVISIBLE)
