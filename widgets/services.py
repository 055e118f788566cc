"""The core services the editor uses, each imported lazily.

Checks, spelling, State names and the Word exporter are separate core modules. Until one is present the
editor keeps working and the feature says why it is off (`missing(...)` gives the tooltip text).
"""

from __future__ import annotations

import importlib
import logging
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import Any

from app.findings import Finding
from app.model import Part, Resolution
from app.templates import Template, get_template

log = logging.getLogger(__name__)


def _load(module: str, name: str) -> Any | None:
    try:
        return getattr(importlib.import_module(module), name)
    except (ImportError, AttributeError):
        return None


def missing(feature: str) -> str:
    return f"{feature} is not available in this build of Resolute"


def _template(res: Resolution) -> Template | None:
    try:
        return get_template(res.header.template)
    except Exception:  # an unknown template id: check with the defaults
        return None


def check_document(res: Resolution) -> list[Finding] | None:
    fn = _load("app.conventions.engine", "check_document")
    if fn is None:
        return None
    return list(fn(res, template=_template(res)))


def check_paragraph(res: Resolution, paragraph_id: str, context: Any = None) -> list[Finding] | None:
    """One paragraph's findings; `context` (from `document_context`) saves a pass over the whole document."""
    fn = _load("app.conventions.engine", "check_paragraph")
    if fn is None:
        return None
    if context is not None:
        return list(fn(res, paragraph_id, template=_template(res), context=context))
    return list(fn(res, paragraph_id, template=_template(res)))


def document_context(res: Resolution) -> Any | None:
    """What a paragraph check needs to know about the rest of the document (opener runs, first mentions)."""
    fn = _load("app.conventions.engine", "build_context")
    return fn(res, _template(res)) if fn else None


def can_check() -> bool:
    return _load("app.conventions.engine", "check_document") is not None


@cache
def opener_phrases(part: Part) -> tuple[str, ...]:
    fn = _load("app.lexicon", "phrases")
    return tuple(fn(part)) if fn else ()


def with_marker(opener: str, part: Part, template: Template | None, nth: int) -> str:
    fn = _load("app.lexicon", "with_marker")
    return fn(opener, part, template, nth) if fn else opener


@cache
def state_names() -> tuple[str, ...]:
    fn = _load("app.states", "all_states")
    if fn is None:
        return ()
    names = []
    for state in fn():
        names.append(state if isinstance(state, str) else getattr(state, "name", str(state)))
    return tuple(names)


def writer() -> Callable[[Resolution, Path], None] | None:
    return _load("app.io.docx_writer", "write_docx")


def text_reader() -> Callable[[str], Any] | None:
    return _load("app.io.text_reader", "read_text")


class Spelling:
    """Misspelt words, suggestions and a personal dictionary, over app.spelling."""

    def __init__(self, personal_path: Path) -> None:
        self._misspelt = _load("app.spelling", "misspelt_words")
        self._suggest = _load("app.spelling", "suggestions")
        personal = _load("app.spelling", "PersonalDictionary")
        configure, settings = _load("app.spelling", "configure"), _load("app.spelling", "SpellingSettings")
        if configure is not None and settings is not None:
            configure(settings(personal_dictionary=personal_path))  # the checks use the same dictionary
        self._personal = None
        if personal is not None:
            try:
                self._personal = personal(personal_path)
            except Exception:  # an unreadable personal dictionary must not stop the editor
                self._personal = None
        self.ignored: set[str] = set()

    @property
    def available(self) -> bool:
        return self._misspelt is not None

    def warm_up(self) -> None:
        """Load the dictionaries (slow the first time): call it on the worker."""
        if self._misspelt is not None:
            self._misspelt("warm")

    def misspelt(self, text: str) -> list[tuple[int, int, str]]:
        if self._misspelt is None or not text.strip():
            return []
        found = []
        try:
            items = list(self._misspelt(text))
        except Exception:  # a failing spell checker must never break typing
            log.exception("spelling failed")
            return []
        for item in items:
            start, end, word = item[0], item[1], item[2]
            if word in self.ignored or (self._personal is not None and self._knows(word)):
                continue
            found.append((start, end, word))
        return found

    def _knows(self, word: str) -> bool:
        contains = getattr(self._personal, "__contains__", None)
        try:
            return bool(contains and contains(word))
        except Exception:
            return False

    def suggestions(self, word: str) -> list[str]:
        if self._suggest is None:
            return []
        return list(self._suggest(word))[:7]

    def ignore(self, word: str) -> None:
        self.ignored.add(word)

    def add(self, word: str) -> bool:
        """Add to the personal dictionary (kept across sessions). False when there is none."""
        if self._personal is None:
            self.ignored.add(word)
            return False
        self._personal.add(word)
        save = getattr(self._personal, "save", None)
        if callable(save):
            save()
        return True
