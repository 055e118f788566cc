"""One user's spelling while editing: misspelt words and suggestions with their personal dictionary, words
ignored for this session, and words added for good. No module state: the checks that should honour the
personal dictionary are given `session.settings` (app.conventions.engine's `speller`)."""

from __future__ import annotations

import logging
from pathlib import Path

from app import spelling
from app.errors import ResoluteError

log = logging.getLogger(__name__)


class SpellingSession:
    def __init__(self, personal_path: Path) -> None:
        self.settings = spelling.SpellingSettings(personal_dictionary=personal_path)
        # read by warm_up, off the UI thread (a million words took 1.5 s), or at the first question
        self._personal: spelling.PersonalDictionary | None = spelling.PersonalDictionary(
            personal_path, lazy=True
        )
        self.note = ""  # one line on the personal dictionary read in part or not at all, once warmed up
        self.ignored: set[str] = set()
        self.language = ""  # the draft's (Header.language): its dictionary underlines and suggests

    def warm_up(self) -> None:
        """Load the dictionaries (slow the first time): call it on a worker thread."""
        self._load_personal()
        spelling.misspelt_words("warm", self.settings)

    def _load_personal(self) -> None:
        personal = self._personal
        if personal is None:
            return
        try:
            personal.load()
            self.note = personal.note
        except Exception as exc:  # an unreadable personal dictionary must not stop the editor
            log.exception("personal dictionary unreadable: %s", personal.path)
            self._personal = None
            self.note = str(exc) if isinstance(exc, ResoluteError) else ""

    def misspelt(self, text: str) -> list[tuple[int, int, str]]:
        """(start, end, word) of each unknown word not ignored; a failing checker reports none."""
        if not text.strip():
            return []
        try:
            items = spelling.misspelt_words(text, self.settings, self.language)
        except Exception:  # a failing spell checker must never break typing
            log.exception("spelling failed")
            return []
        return [
            (start, end, word)
            for start, end, word in items
            if word not in self.ignored and not self._known(word)
        ]

    def _known(self, word: str) -> bool:
        if self._personal is not None and not self._personal.loaded:
            self._load_personal()  # asked before the warm-up: read here
        personal = self._personal
        return personal is not None and word in personal

    def suggestions(self, word: str) -> list[str]:
        return spelling.suggestions(word, 7, self.settings, self.language)

    def ignore(self, word: str) -> None:
        self.ignored.add(word)

    def add(self, word: str) -> bool:
        """Add to the personal dictionary (kept across sessions). False when there is none."""
        self._known(word)
        if self._personal is None:
            self.ignored.add(word)
            return False
        self._personal.add(word)
        return True
