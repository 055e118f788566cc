"""Spelling and UN editorial style.

The engine calls `paragraph_findings` for each paragraph node and `document_findings` once per document; the
editor calls `misspelt_words`, `suggestions` and the `PersonalDictionary`. Which personal dictionary and which
user rules file are active is a `SpellingSettings`: pass one in, or set the default once with `configure`.
Rules live as data in resources/styles/<Style>/ (see app/spelling/rules.py).
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache
from typing import TYPE_CHECKING

from app.cells import cells_of
from app.lexicon import begins_with_opener
from app.model import Part
from app.spelling.checker import SPELLING_RULE, Checker, SpellingSettings
from app.spelling.personal import PersonalDictionary, default_dictionary_path

if TYPE_CHECKING:
    from app.findings import Finding
    from app.model import Paragraph, Resolution
    from app.templates import Template

__all__ = [
    "SPELLING_RULE",
    "PersonalDictionary",
    "SpellingSettings",
    "checker",
    "configure",
    "default_dictionary_path",
    "document_findings",
    "misspelt_words",
    "paragraph_findings",
    "suggestions",
]

_active: list[SpellingSettings] = []  # the one piece of module state: what `configure` chose


def configure(settings: SpellingSettings | None) -> None:
    """Make `settings` the default for calls that pass none (None: back to the built-in default)."""
    _active[:] = [settings] if settings else []


@lru_cache(maxsize=1)
def _default_settings() -> SpellingSettings:
    return SpellingSettings()  # looks up the user data folder: once, not per paragraph


@lru_cache(maxsize=8)
def _checker_for(settings: SpellingSettings) -> Checker:
    return Checker(settings)


def checker(settings: SpellingSettings | None = None, language: str = "") -> Checker:
    """The loaded checker for these settings (dictionary and rules load once, on first use); `language` (a
    draft's Header.language) picks that language's dictionary and styles."""
    chosen = settings or (_active[0] if _active else _default_settings())
    if language and language != chosen.language:
        chosen = replace(chosen, language=language)
    found = _checker_for(chosen)
    found.refresh()
    return found


def paragraph_findings(
    paragraph: Paragraph,
    *,
    part: Part,
    template: Template,
    settings: SpellingSettings | None = None,
    language: str = "",
) -> list[Finding]:
    """Spelling and style of the paragraph's own opener, text and tail (not its subparagraphs); of a table,
    each cell's, the finding's field naming the cell ("cell:R:C") and the rules scoped to cells only."""
    check = checker(settings, language)
    out: list[Finding] = []
    for field, markup in cells_of(paragraph):
        for found in check.field_findings(markup, field="cell", paragraph_id=paragraph.id):
            fix = replace(found.fix, field=field) if found.fix else None
            out.append(replace(found, field=field, fix=fix))
    for name in ("opener", "text", "tail"):
        found = check.field_findings(getattr(paragraph, name), field=name, paragraph_id=paragraph.id)
        if template.italic_later_verbs:  # the Security Council italicizes ", and requests" inside a paragraph
            found = [f for f in found if not _later_verb(f, getattr(paragraph, name), language)]
        out.extend(found)
    return out


_LATER_VERB = re.compile(
    r"\*(?:and\s+)?(?:(?:also|further|again|once\s+again|strongly|urgently)\s+)*[a-z]+s\b[^*]*\*"
)


def _later_verb(finding: Finding, markup: str, language: str = "") -> bool:
    """An italic run reading as a later verb phrase of the paragraph: "*requests*", "*and further decides*",
    "*expressing serious concern*", "*calling*" (for), as the Council's drafts set them; a drafter may join a
    participle to an operative paragraph ("; and *commending*"), so either part's verbs."""
    if finding.rule != "UN.Italics":
        return False
    run = markup[slice(*finding.span)]
    if _LATER_VERB.fullmatch(run):
        return True
    words = run.strip("*")
    return run.startswith("*") and any(begins_with_opener(words, part, language or "en") for part in Part)


def document_findings(
    res: Resolution, *, template: Template, settings: SpellingSettings | None = None
) -> list[Finding]:
    """The title and the footnote texts (a footnote's findings carry its id and field 'footnote'), in the
    draft's language."""
    check = checker(settings, res.header.language)
    out = check.field_findings(res.title, field="title")
    for note in res.footnotes.values():
        out.extend(check.field_findings(note.text, field="footnote", paragraph_id=note.id))
    return out


def misspelt_words(
    text: str, settings: SpellingSettings | None = None, language: str = ""
) -> list[tuple[int, int, str]]:
    """(start, end, word) of each unknown word in a plain string."""
    return checker(settings, language).misspelt(text)


def suggestions(
    word: str, limit: int = 5, settings: SpellingSettings | None = None, language: str = ""
) -> list[str]:
    return checker(settings, language).lexicon.suggestions(word, limit)
