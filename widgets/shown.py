"""What the editor works out from a draft to show it from scratch: the rendering and, per paragraph, what decides
whether a later edit needs a new one (its own end kept, its footnote references, nothing typed yet).

No Qt here: a restored autosave's is worked out on the reading thread with the load (widgets/recovery_offer.py),
since for a 20,000-paragraph draft it takes over a second, which on the UI thread froze the window.
"""

from __future__ import annotations

from dataclasses import dataclass

from app import edits, inline
from app.render import Rendered, place_names, render


@dataclass(frozen=True)
class Shown:
    doc: edits.Document
    revision: int  # the document's revision the rest was worked out for
    rendered: Rendered
    keeps_own: dict[str, bool]  # "" end printed: the paragraph keeps its own ("...; and")
    refs: dict[str, tuple[str, ...]]  # footnote references, where there are any
    blank: set[str]  # nothing typed: no end punctuation printed
    names: dict[str, str]  # how a delegate names each paragraph (render.place_names)


def text_of(doc: edits.Document, paragraph_id: str, tail: bool) -> str:
    para = doc.find(paragraph_id)
    if para is None:
        return ""
    return para.tail if tail else para.text


def refs_in(doc: edits.Document, paragraph_id: str) -> tuple[str, ...]:
    """The footnote references of a paragraph (text and tail): when they change, numbers move."""
    text = text_of(doc, paragraph_id, False) + text_of(doc, paragraph_id, True)
    return tuple(inline.footnote_ids(text)) if "[^" in text else ()


def nothing_typed(doc: edits.Document, paragraph_id: str) -> bool:
    para = doc.find(paragraph_id)
    return para is not None and not para.opener.strip() and not para.text.strip()


def shown(doc: edits.Document) -> Shown:
    rendered = render(doc.resolution)
    keeps_own = {
        b.paragraph_id: not b.end and bool(b.spans)
        for b in rendered.blocks
        if b.paragraph_id and not b.is_tail and b.role != "heading"
    }
    refs = {pid: found for pid in keeps_own if (found := refs_in(doc, pid))}
    blank = {pid for pid in keeps_own if nothing_typed(doc, pid)}
    return Shown(doc, doc.revision, rendered, keeps_own, refs, blank, place_names(rendered.blocks))
