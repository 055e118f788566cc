"""Plain text of a markup field with a map back to markup offsets, so findings point into the stored field.

Mirrors `app.inline.parse`: `*` toggles italics (an unclosed one is literal), `[^id]` is a footnote reference
(read as nothing), and `\\*`, `\\[`, `\\\\` are escapes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_TOKEN = re.compile(r"\\([*\[\\])|\[\^([A-Za-z0-9_-]+)\]|\*")


@dataclass(frozen=True)
class Plain:
    text: str  # what a reader sees
    starts: tuple[int, ...]  # markup offset of each plain character, plus one entry for the end
    italic: tuple[tuple[int, int], ...]  # italic runs, as plain offsets
    markup: str

    def span(self, start: int, end: int) -> tuple[int, int]:
        """The markup span that shows plain[start:end]."""
        if end <= start:
            at = self.starts[start]
            return at, at
        return self.starts[start], self.starts[end - 1] + self._width(end - 1)

    def _width(self, index: int) -> int:
        # an escaped character occupies two markup characters
        at = self.starts[index]
        return 2 if self.markup[at] == "\\" and at + 1 < len(self.markup) else 1

    def is_italic(self, start: int, end: int) -> bool:
        return any(a <= start and end <= b for a, b in self.italic)


def to_plain(markup: str) -> Plain:
    if "*" not in markup and "[" not in markup and "\\" not in markup:
        return Plain(markup, tuple(range(len(markup) + 1)), (), markup)
    out: list[str] = []
    starts: list[int] = []
    italic_runs: list[tuple[int, int]] = []
    closable = _closable_stars(markup)
    italic_from: int | None = None
    pos = 0
    for m in _TOKEN.finditer(markup):
        for i in range(pos, m.start()):
            out.append(markup[i])
            starts.append(i)
        pos = m.end()
        if m.group(1):
            out.append(m.group(1))
            starts.append(m.start())
        elif m.group(2):
            continue
        elif m.start() in closable:
            if italic_from is None:
                italic_from = len(out)
            else:
                italic_runs.append((italic_from, len(out)))
                italic_from = None
        else:
            out.append("*")
            starts.append(m.start())
    for i in range(pos, len(markup)):
        out.append(markup[i])
        starts.append(i)
    starts.append(len(markup))
    return Plain("".join(out), tuple(starts), tuple(italic_runs), markup)


def _closable_stars(markup: str) -> set[int]:
    """Offsets of the `*` marks that really toggle italics (pairs; a last unpaired one is literal)."""
    stars = [m.start() for m in _TOKEN.finditer(markup) if m.group(0) == "*"]
    if len(stars) % 2:  # as in app.inline: marks pair up from the start, a last lone one is literal
        stars = stars[:-1]
    return set(stars)
