"""The inline markup of every text field in the model, and nothing more.

    *Treaty Series*    italic (titles of publications)
    [^a1b2c3]          a reference to the footnote with that id
    \\*  \\[  \\\\        a literal asterisk, bracket or backslash

Openers are not marked: they are a field of their own. Every reader and writer goes through `parse` and
`escape` so that one notation serves the model, the project file, the exporter and the editor.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

_TOKEN = re.compile(r"\\([*\[\\])|\[\^([A-Za-z0-9_-]+)\]|\*")
_MARK = re.compile(r"[*\[\\]")  # a character every token starts with: a text without one is plain


@dataclass(frozen=True)
class Span:
    text: str = ""
    italic: bool = False
    footnote: str = ""  # footnote id when this span is a reference; `text` is then empty


def parse(markup: str) -> list[Span]:
    """Split marked-up text into runs. Stars pair up in order; an unpaired last `*` is taken literally."""
    if not _MARK.search(markup):  # most cells and many texts: no mark at all (a table's 20,000 cells)
        return [Span(markup)] if markup else []
    tokens = list(_TOKEN.finditer(markup))
    stars = [m for m in tokens if not m.group(1) and not m.group(2)]
    literal_star = stars[-1] if len(stars) % 2 else None
    spans: list[Span] = []
    buf: list[str] = []
    italic = False

    def flush() -> None:
        text = "".join(buf)
        buf.clear()
        if text:
            spans.append(Span(text, italic))

    pos = 0
    for m in tokens:
        buf.append(markup[pos : m.start()])
        pos = m.end()
        if m.group(1):
            buf.append(m.group(1))
        elif m.group(2):
            flush()
            spans.append(Span(footnote=m.group(2)))
        elif m is literal_star:
            buf.append("*")
        else:
            flush()
            italic = not italic
    buf.append(markup[pos:])
    flush()
    return _merge(spans)


def merge(spans: list[Span]) -> list[Span]:
    """`spans` with neighbouring runs of the same kind joined and empty runs dropped (linear)."""
    return _merge(spans)


def _merge(spans: list[Span]) -> list[Span]:
    """Join neighbouring runs of the same kind; pieces are gathered and joined once, so that thousands of
    empty runs between stars cost their number, not their number times the text's length."""
    out: list[tuple[bool, list[str]] | Span] = []
    for s in spans:
        if s.footnote:
            out.append(s)
        elif s.text:
            last = out[-1] if out else None
            if isinstance(last, tuple) and last[0] == s.italic:
                last[1].append(s.text)
            else:
                out.append((s.italic, [s.text]))
    return [Span("".join(item[1]), item[0]) if isinstance(item, tuple) else item for item in out]


def escape(text: str) -> str:
    """Plain text made safe to store as markup."""
    return re.sub(r"([*\[\\])", r"\\\1", text)


def unparse(spans: list[Span]) -> str:
    """Markup for a list of spans; `parse(unparse(s)) == s` for merged spans."""
    out = []
    for s in spans:
        if s.footnote:
            out.append(f"[^{s.footnote}]")
        elif s.italic:
            out.append(f"*{escape(s.text)}*")
        else:
            out.append(escape(s.text))
    return "".join(out)


def plain(markup: str) -> str:
    """The text a reader sees, without marks and without footnote references."""
    return "".join(s.text for s in parse(markup))


@dataclass(frozen=True)
class PlainText:
    """A field's plain text (as `plain` gives it) with a map back to the markup, so that a finding found in
    the plain text points into the stored field."""

    markup: str
    text: str
    starts: tuple[int, ...]  # markup offset of each plain character, and len(markup) at the end
    widths: tuple[int, ...]  # markup characters each plain character takes (2 for an escape)
    italic: tuple[tuple[int, int], ...]  # italic runs, as plain offsets

    def span(self, start: int, end: int) -> tuple[int, int]:
        """The markup span that shows text[start:end]."""
        if end <= start:
            return self.starts[start], self.starts[start]
        return self.starts[start], self.starts[end - 1] + self.widths[end - 1]

    def is_italic(self, start: int, end: int) -> bool:
        return any(a <= start and end <= b for a, b in self.italic)


@lru_cache(maxsize=4096)
def plain_text(markup: str) -> PlainText:
    """The plain text of `markup` with its map; the one tokenizer of `parse`, so the two always agree."""
    if "*" not in markup and "[" not in markup and "\\" not in markup:
        n = len(markup)
        return PlainText(markup, markup, tuple(range(n + 1)), (1,) * n, ())
    tokens = list(_TOKEN.finditer(markup))
    stars = [m for m in tokens if not m.group(1) and not m.group(2)]
    literal_star = stars[-1] if len(stars) % 2 else None
    out: list[str] = []
    starts: list[int] = []
    widths: list[int] = []
    italic: list[tuple[int, int]] = []
    italic_from: int | None = None

    def copy(a: int, b: int) -> None:
        out.append(markup[a:b])
        starts.extend(range(a, b))
        widths.extend([1] * (b - a))

    pos = 0
    length = 0
    for m in tokens:
        copy(pos, m.start())
        length += m.start() - pos
        pos = m.end()
        if m.group(1):  # an escaped character
            out.append(m.group(1))
            starts.append(m.start())
            widths.append(2)
            length += 1
        elif m.group(2):  # a footnote reference prints nothing here
            continue
        elif m is literal_star:
            out.append("*")
            starts.append(m.start())
            widths.append(1)
            length += 1
        elif italic_from is None:
            italic_from = length
        else:
            if length > italic_from:
                italic.append((italic_from, length))
            italic_from = None
    copy(pos, len(markup))
    starts.append(len(markup))
    return PlainText(markup, "".join(out), tuple(starts), tuple(widths), tuple(italic))


def toggle_italic(markup: str, start: int, end: int) -> tuple[int, int, str]:
    """Ctrl+I on markup[start:end]: (start, end, replacement) that marks the words *italic*, or unmarks them
    when they are already marked (stars selected with them, or just outside the selection)."""
    chosen = markup[start:end]
    if chosen.startswith("*") and chosen.endswith("*") and len(chosen) > 1:
        return start, end, chosen[1:-1]
    if markup[start - 1 : start] == "*" and markup[end : end + 1] == "*":
        return start - 1, end + 1, chosen
    return start, end, f"*{chosen}*"


def find_shown(markup: str, pattern: re.Pattern[str]) -> list[tuple[int, int]]:
    """The markup spans of `pattern`'s matches in the text a reader sees (find and replace): never inside a
    footnote reference's id or an escape, and never across an italic mark or a reference, since replacing
    such a span would drop the mark or the footnote."""
    shown = plain_text(markup)
    spans: list[tuple[int, int]] = []
    for found in pattern.finditer(shown.text):
        a, b = found.span()
        if a == b:
            continue
        start, end = shown.span(a, b)
        if end - start == sum(shown.widths[a:b]):  # nothing but the matched characters in between
            spans.append((start, end))
    return spans


def replace_spans(markup: str, spans: list[tuple[int, int]], replacement: str) -> str:
    """`markup` with each span (in order, not overlapping) replaced by `replacement`."""
    pieces: list[str] = []
    pos = 0
    for start, end in spans:
        pieces += [markup[pos:start], replacement]
        pos = end
    pieces.append(markup[pos:])
    return "".join(pieces)


def marks(markup: str) -> list[tuple[str, int, int]]:
    """Where the italic runs (with their stars) and footnote references stand, as ("italic" | "ref", start,
    end) in markup offsets, in order: what an editor formats in place. The tokenizer of `parse`: an escaped
    star or bracket marks nothing, and an odd last star is a literal one."""
    tokens = list(_TOKEN.finditer(markup))
    stars = [m for m in tokens if not m.group(1) and not m.group(2)]
    if len(stars) % 2:
        stars.pop()
    found = [("ref", m.start(), m.end()) for m in tokens if m.group(2)]
    found += [("italic", a.start(), b.end()) for a, b in zip(stars[::2], stars[1::2], strict=True)]
    return sorted(found, key=lambda mark: mark[1])


def replace_refs(markup: str, new_id: Callable[[str], str]) -> str:
    """The markup with each footnote reference's id replaced by `new_id(id)` (escapes left as they are)."""
    if "[^" not in markup:
        return markup
    return _TOKEN.sub(lambda m: footnote_ref(new_id(m.group(2))) if m.group(2) else m.group(0), markup)


def blank_refs(markup: str) -> str:
    """The markup with each footnote reference blanked to spaces of its length: offsets stay, words stay
    apart (what a speller reads in an editor field)."""
    if "[^" not in markup:
        return markup
    return _TOKEN.sub(lambda m: " " * len(m.group(0)) if m.group(2) else m.group(0), markup)


def footnote_ids(markup: str) -> list[str]:
    return [s.footnote for s in parse(markup) if s.footnote]


def footnote_ref(footnote_id: str) -> str:
    return f"[^{footnote_id}]"
