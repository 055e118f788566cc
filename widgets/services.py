"""The core services the editor calls: checks, lexicon, State names and spelling, over app/.

The paragraph checks and spelling run on every keystroke, so a failure in them is logged and skipped: typing
must never stop because a check broke.
"""

from __future__ import annotations

import logging
from functools import cache
from pathlib import Path
from typing import Any

from app import lexicon, spelling, states
from app.conventions import engine
from app.findings import Finding
from app.model import Part, Resolution
from app.templates import Template, get_template

log = logging.getLogger(__name__)


def _template(res: Resolution) -> Template | None:
    try:
        return get_template(res.header.template)
    except Exception:  # an unknown template id: check with the defaults
        return None


def check_document(res: Resolution) -> list[Finding]:
    return list(engine.check_document(res, template=_template(res)))


def check_paragraph(res: Resolution, paragraph_id: str, context: Any = None) -> list[Finding]:
    """One paragraph's findings; `context` (from `document_context`) saves a pass over the whole document."""
    return list(engine.check_paragraph(res, paragraph_id, template=_template(res), context=context))


def document_context(res: Resolution) -> Any:
    """What a paragraph check needs to know about the rest of the document (opener runs, first mentions)."""
    return engine.build_context(res, _template(res))


@cache
def opener_phrases(part: Part, language: str = "en") -> tuple[str, ...]:
    return tuple(lexicon.phrases(part, language))


def with_marker(opener: str, part: Part, template: Template | None, nth: int) -> str:
    return lexicon.with_marker(opener, part, template, nth)


@cache
def state_names() -> tuple[str, ...]:
    return tuple(states.all_states())


class Spelling:
    """Misspelt words, suggestions and a personal dictionary, over app.spelling."""

    def __init__(self, personal_path: Path) -> None:
        spelling.configure(spelling.SpellingSettings(personal_dictionary=personal_path))  # checks share it
        self._personal: spelling.PersonalDictionary | None
        try:
            self._personal = spelling.PersonalDictionary(personal_path)
        except Exception:  # an unreadable personal dictionary must not stop the editor
            log.exception("personal dictionary unreadable: %s", personal_path)
            self._personal = None
        self.ignored: set[str] = set()

    def warm_up(self) -> None:
        """Load the dictionaries (slow the first time): call it on the worker."""
        spelling.misspelt_words("warm")

    def misspelt(self, text: str) -> list[tuple[int, int, str]]:
        if not text.strip():
            return []
        try:
            items = spelling.misspelt_words(text)
        except Exception:  # a failing spell checker must never break typing
            log.exception("spelling failed")
            return []
        return [(start, end, word) for start, end, word in items
                if word not in self.ignored and not (self._personal is not None and word in self._personal)]  # fmt: skip

    def suggestions(self, word: str) -> list[str]:
        return list(spelling.suggestions(word))[:7]

    def ignore(self, word: str) -> None:
        self.ignored.add(word)

    def add(self, word: str) -> bool:
        """Add to the personal dictionary (kept across sessions). False when there is none."""
        if self._personal is None:
            self.ignored.add(word)
            return False
        self._personal.add(word)
        return True
