"""The inline markup of every text field in the model, and nothing more.

    *Treaty Series*    italic (titles of publications)
    [^a1b2c3]          a reference to the footnote with that id
    \\*  \\[  \\\\        a literal asterisk, bracket or backslash

Openers are not marked: they are a field of their own. Every reader and writer goes through `parse` and
`escape` so that one notation serves the model, the project file, the exporter and the editor.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_TOKEN = re.compile(r"\\([*\[\\])|\[\^([A-Za-z0-9_-]+)\]|\*")


@dataclass(frozen=True)
class Span:
    text: str = ""
    italic: bool = False
    footnote: str = ""  # footnote id when this span is a reference; `text` is then empty


def parse(markup: str) -> list[Span]:
    """Split marked-up text into runs. Stars pair up in order; an unpaired last `*` is taken literally."""
    tokens = list(_TOKEN.finditer(markup))
    stars = [m for m in tokens if not m.group(1) and not m.group(2)]
    literal_star = stars[-1] if len(stars) % 2 else None
    spans: list[Span] = []
    buf: list[str] = []
    italic = False

    def flush() -> None:
        if buf:
            spans.append(Span("".join(buf), italic))
            buf.clear()

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


def _merge(spans: list[Span]) -> list[Span]:
    out: list[Span] = []
    for s in spans:
        if out and not s.footnote and not out[-1].footnote and out[-1].italic == s.italic:
            out[-1] = Span(out[-1].text + s.text, s.italic)
        elif s.text or s.footnote:
            out.append(s)
    return out


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


def footnote_ids(markup: str) -> list[str]:
    return [s.footnote for s in parse(markup) if s.footnote]


def footnote_ref(footnote_id: str) -> str:
    return f"[^{footnote_id}]"
