"""Proposals read out in the room and typed by the facilitator, one line each, on a chosen paragraph:

    EU: after "States" insert "and regional organizations"
    G77 and China: replace "strengthen" with "enhance"
    CANZ: delete "as a matter of priority"
    United States: delete paragraph
    African Group: new paragraph "Decides to remain seized of the matter"

Quotes may be straight or curly. A new paragraph goes after the chosen one; its first words are its opener when
they are an opener the lexicon knows, as in the readers.
"""

from __future__ import annotations

import re
from functools import cache

from app.errors import InputError
from app.languages import all_languages
from app.messages import say
from app.model import Paragraph, Resolution
from app.negotiation.proposals import (
    DeleteParagraph,
    InsertParagraph,
    Proposal,
    list_keys,
    title_of,
    typed_edit,
)
from app.negotiation.status import Alternative

_Q = r"[\"“”‘’'«»]"
_QUOTES = "\"“”‘’'«»"
_SPACES = " \u00a0\u202f"  # inside French and Spanish guillemets: « États »


def _forms(words: dict[str, str]) -> list[tuple[str, re.Pattern[str], re.Pattern[str] | None]]:
    """A language's forms from its [typed] words (resources/languages/*.toml): each form's kind, how it opens (up
    to its first quote) and, for two quoted texts, what stands between them. The quoted texts are found by a
    search for the first separator and the line's last quote, not by a lazy group retried at each quote: a line
    of thousands of quotes and separators cost the square of its length."""
    w = {key: f"(?:{value})" for key, value in words.items()}
    return [
        (
            "after",
            re.compile(rf"{w['after']}\s+{_Q}", re.I),
            re.compile(rf"{_Q}\s*(?:,\s*)?{w['insert']}\s+{_Q}", re.I),
        ),
        (
            "replace",
            re.compile(rf"{w['replace']}\s+{_Q}", re.I),
            re.compile(rf"{_Q}\s+{w['with']}\s+{_Q}", re.I),
        ),
        ("delete", re.compile(rf"{w['delete']}\s+{_Q}", re.I), None),
        ("drop", re.compile(rf"{w['delete_paragraph']}$", re.I), None),
        ("new", re.compile(rf"{w['new_paragraph']}\s+{_Q}", re.I), None),
    ]


@cache
def _all_forms() -> list[tuple[str, re.Pattern[str], re.Pattern[str] | None]]:
    """Every language's forms: the room's language is not the draft's nor the editor's, necessarily."""
    return [form for lang in all_languages().values() if lang.typed for form in _forms(lang.typed)]


@cache
def _deletion() -> re.Pattern[str]:
    """ "(delete)" in any language's word for it: an alternative that deletes the words."""
    words = "|".join(lang.typed["delete"] for lang in all_languages().values() if lang.typed)
    return re.compile(rf"\((?:{words})\)", re.I)


def _inside(rest: str, start: int, end: int) -> str:
    """The quoted text from `start` to `end`, without the spaces a guillemet keeps inside it."""
    if start > 0 and rest[start - 1] == "«":
        while start < end and rest[start] in _SPACES:
            start += 1
    if end < len(rest) and rest[end] == "»":
        while end > start and rest[end - 1] in _SPACES:
            end -= 1
    return rest[start:end]


def _quoted(
    rest: str, head: re.Pattern[str], middle: re.Pattern[str] | None, key: str
) -> dict[str, str] | None:
    """The quoted texts of a form that opens with `head` and ends with a quote: {key: text}, or {"a", "b"}
    around the first `middle`. None when the line is not of that form. A quoted text holds no line break."""
    opening = head.match(rest)
    if opening is None:
        return None
    if head.pattern.endswith("$"):
        return {}
    start, end = opening.end(), len(rest) - 1 - rest.endswith("\n")  # as `$` ends before a last line break
    if end < start or rest[end] not in _QUOTES:
        return None
    if middle is None:
        groups = {key: _inside(rest, start, end)}
    else:
        found = middle.search(rest, start, end)  # its second quote is never the line's last one
        if found is None:
            return None
        groups = {"a": _inside(rest, start, found.start()), "b": _inside(rest, found.end(), end)}
    return None if any("\n" in text for text in groups.values()) else groups


def typed_proposal(base: Resolution, paragraph_id: str, line: str, base_version: str = "") -> Proposal:
    """The proposal one typed line makes on a paragraph of `base`. Raises InputError with what it expects."""
    name, sep, rest = line.partition(":")
    if not sep or not name.strip():
        raise InputError(say('write who proposes, then the proposal: EU: after "States" insert "and others"'))
    rest = rest.strip().rstrip(".")
    for kind, head, middle in _all_forms():
        groups = _quoted(rest, head, middle, "b" if kind == "new" else "a")
        if groups is None:
            continue
        if kind in ("drop", "new") and title_of(base, paragraph_id) is not None:
            raise InputError(
                say("a title is changed word by word: after … insert …, replace … with …, delete …")
            )
        if kind == "after":
            edit = typed_edit(base, paragraph_id, after=groups["a"], new=groups["b"])
        elif kind == "replace":
            edit = typed_edit(base, paragraph_id, old=groups["a"], new=groups["b"])
        elif kind == "delete":
            edit = typed_edit(base, paragraph_id, old=groups["a"], new="")
        elif kind == "drop":
            edit = DeleteParagraph(paragraph_id)
        else:
            edit = _new_paragraph(base, paragraph_id, groups["b"])
        return Proposal(name.strip(), base_version, [edit])
    raise InputError(
        say(
            'say what is proposed: after "…" insert "…", replace "…" with "…", delete "…", delete paragraph, '
            'or new paragraph "…"'
        )
    )


def _new_paragraph(base: Resolution, after_id: str, text: str) -> InsertParagraph:
    from app.lexicon import detect_opener

    key = next((k for k, items in list_keys(base) if any(p.id == after_id for p in items)), None)
    if key is None:
        raise InputError(say("no such paragraph in the text"))
    found = base.locate(after_id)
    part = found[0] if found else None
    text = text.strip()
    opener = detect_opener(text, part) if part is not None else ""
    para = (
        Paragraph(opener, text[len(opener) :].strip())
        if opener and text.startswith(opener)
        else Paragraph("", text)
    )
    return InsertParagraph(key, after_id, para)


# --- brackets --------------------------------------------------------------------------------------------------

_ALTERNATIVES = re.compile(r"\s+/\s+")  # " / " between alternatives; "A/RES/80/1" stays whole
_HOLDERS = re.compile(r"\s+[–—-]\s+")  # " – " (or " - ") before the holders: the last one


def typed_bracket(line: str) -> tuple[str, list[Alternative]]:
    """The words to bracket and their alternatives from one typed line, written as the compilation prints a
    bracket: `extreme – US / (delete) – G77` (each alternative, then " – " and who holds it; "(delete)", or the
    language's word for it, for none). The first alternative is the words as they stand in the paragraph."""
    line = " ".join(line.split()).strip("[] ")  # one space at most: the patterns' \s+ never backtrack far
    pieces = [p.strip() for p in _ALTERNATIVES.split(line) if p.strip()]
    alternatives = []
    for piece in pieces:
        last = next(reversed(list(_HOLDERS.finditer(piece))), None)
        text, holders = (piece[: last.start()], piece[last.end() :]) if last else (piece, "")
        text = text.strip().strip(_QUOTES + _SPACES)
        if not text or _deletion().fullmatch(text):
            text = ""
        alternatives.append(Alternative(text, [h.strip() for h in holders.split(",") if h.strip()]))
    if not alternatives or not alternatives[0].text:
        raise InputError(
            say("write the words in the text first, then the other options: extreme – US / (delete) – G77")
        )
    return alternatives[0].text, alternatives
