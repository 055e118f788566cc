"""A field's plain text with a map back to its markup, so that findings point into the stored field.

Follows `app.inline.parse`: `*` toggles italics (an unclosed one is literal), `[^id]` is a footnote reference
(read as nothing), `\\*`, `\\[` and `\\\\` are escapes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

_TOKEN = re.compile(r"\\([*\[\\])|\[\^([A-Za-z0-9_-]+)\]|\*")


@dataclass(frozen=True)
class FieldText:
    markup: str
    plain: str
    starts: tuple[int, ...]  # markup offset of each plain character, and len(markup) at the end
    widths: tuple[int, ...]  # markup characters each plain character takes (2 for an escape)

    def span(self, start: int, end: int) -> tuple[int, int]:
        """The markup span showing plain[start:end]."""
        if end <= start:
            return self.starts[start], self.starts[start]
        return self.starts[start], self.starts[end - 1] + self.widths[end - 1]


@lru_cache(maxsize=4096)
def field_text(markup: str) -> FieldText:
    if "*" not in markup and "[" not in markup and "\\" not in markup:
        n = len(markup)
        return FieldText(markup, markup, tuple(range(n + 1)), (1,) * n)
    closable = _closable_stars(markup)
    out: list[str] = []
    starts: list[int] = []
    widths: list[int] = []
    pos = 0
    for m in _TOKEN.finditer(markup):
        for i in range(pos, m.start()):
            out.append(markup[i])
            starts.append(i)
            widths.append(1)
        pos = m.end()
        if m.group(1):
            out.append(m.group(1))
            starts.append(m.start())
            widths.append(2)
        elif m.group(2) or m.start() in closable:
            continue
        else:
            out.append("*")
            starts.append(m.start())
            widths.append(1)
    for i in range(pos, len(markup)):
        out.append(markup[i])
        starts.append(i)
        widths.append(1)
    starts.append(len(markup))
    return FieldText(markup, "".join(out), tuple(starts), tuple(widths))


def _closable_stars(markup: str) -> set[int]:
    """Offsets of the `*` that toggle italics; as in inline.parse, a last unpaired one is literal."""
    stars = [m.start() for m in _TOKEN.finditer(markup) if m.group(0) == "*"]
    if len(stars) % 2:
        stars = stars[:-1]
    return set(stars)
