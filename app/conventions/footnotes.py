"""Footnotes the draft holds but never prints: a note no text refers to (a project edited by hand, a note id
given twice, a reference deleted while its note stayed). Its text is kept; the finding says it will not print."""

from __future__ import annotations

from app import inline
from app.conventions.base import add, finding
from app.findings import Finding, Severity
from app.model import Resolution
from app.render import render


def check(res: Resolution) -> list[Finding]:
    if not res.footnotes:
        return []
    printed = render(res).footnote_numbers
    out: list[Finding] = []
    for note in res.footnotes.values():
        if note.id not in printed:
            words = " ".join(inline.plain(note.text).split()[:8])
            add(
                out,
                finding(
                    "structure.unreferenced-footnote",
                    Severity.WARNING,
                    f"The footnote “{words}” is referenced nowhere in the text, so it is not printed: put its "
                    "reference where it belongs, or delete it",
                    paragraph_id=note.id,
                    field="footnote",
                ),
            )
    return out
