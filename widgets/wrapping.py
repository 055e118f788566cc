"""How the editor's text widgets wrap a word wider than their line.

Qt's default for a QTextEdit or QTextBrowser (wrap at word boundaries, else anywhere) lays a word wider than
the line out again from its start for each line it fills: the time grows with the square of the word's length
(100,000 letters with no space: two seconds a keystroke, a megabyte: minutes). No word, URL or symbol of a
resolution comes near a thousand characters, so a text holding such a run is pasted or imported junk; it is
wrapped anywhere, which Qt does in linear time, and every other text keeps the word-boundary wrapping.
"""

from __future__ import annotations

import re

from PySide6.QtGui import QTextOption
from PySide6.QtWidgets import QTextEdit

LONGEST_WORD = 1_000  # characters without a space (or a tag, in HTML) past which a text wraps anywhere
_RUN = re.compile(r"[^\s<>]+")  # a word; in HTML, tags end it (their attributes hold spaces)

_WORDS = QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere
_ANYWHERE = QTextOption.WrapMode.WrapAnywhere


def has_unbreakable_run(text: str, limit: int = LONGEST_WORD) -> bool:
    """True when `text` holds a run of more than `limit` characters with no space (linear in the text)."""
    return len(text) > limit and any(m.end() - m.start() > limit for m in _RUN.finditer(text))


def fit_wrap(edit: QTextEdit, text: str) -> None:
    """Wrap `edit` anywhere while `text` (what it shows or is about to show) holds an unbreakable run."""
    mode = _ANYWHERE if has_unbreakable_run(text) else _WORDS
    if edit.wordWrapMode() != mode:
        edit.setWordWrapMode(mode)


def fit_wrap_mode(edit: QTextEdit, anywhere: bool) -> None:
    """Wrap `edit` anywhere, or at word boundaries, when the caller already knows whether its text holds a run."""
    mode = _ANYWHERE if anywhere else _WORDS
    if edit.wordWrapMode() != mode:
        edit.setWordWrapMode(mode)


def set_html(edit: QTextEdit, html: str) -> None:
    """`edit.setHtml(html)`, wrapping set before Qt lays the text out."""
    fit_wrap(edit, html)
    edit.setHtml(html)
