"""Walking Akoma Ntoso XML (AKN4UN) elements: local names, children, the first or every element of a name, an
element's text without its notes, ISO dates, and a document's own elements apart from its annexes and
components. Shared by the metadata reader (`app.io.akn_metadata`) and the body reader (`app.io.akn_reader` and
the modules it reads with: akn_paragraphs, akn_flat, akn_body, akn_annexes, akn_header, akn_checks)."""

from __future__ import annotations

import datetime as dt
from functools import lru_cache

from lxml import etree

from app import cancelling

NOTE_TAGS = {"authorialNote", "note"}  # a note's text is not its paragraph's
DOC_TYPES = {"statement", "act", "bill", "doc", "debateReport", "amendment", "judgment", "portion"}
NESTED_DOCS = {"attachments", "attachment", "components", "component"}  # documents inside a document


def local_name(el: etree._Element) -> str:
    """The local name ("{ns}p" -> "p"); a string cut, as a QName costs several times more on every node."""
    tag = el.tag
    return tag[tag.rfind("}") + 1 :] if isinstance(tag, str) else ""


def children(el: etree._Element, *names: str) -> list[etree._Element]:
    return [c for c in el if isinstance(c.tag, str) and (not names or local_name(c) in names)]


def first_named(el: etree._Element | None, name: str) -> etree._Element | None:
    if el is None:
        return None
    for d in cancelling.each(el.iter(), every=256):
        if isinstance(d.tag, str) and local_name(d) == name:
            return d
    return None


def all_named(el: etree._Element | None, name: str) -> list[etree._Element]:
    if el is None:
        return []
    return [
        d for d in cancelling.each(el.iter(), every=256) if isinstance(d.tag, str) and local_name(d) == name
    ]


def text_of(el: etree._Element | None) -> str:
    """All text under an element, footnotes left out, whitespace collapsed."""
    if el is None:
        return ""
    parts: list[str] = []

    def walk(node: etree._Element) -> None:
        cancelling.check()
        if node.text:
            parts.append(node.text)
        for c in node:
            if isinstance(c.tag, str) and local_name(c) not in NOTE_TAGS:
                walk(c)
            if c.tail:
                parts.append(c.tail)

    walk(el)
    return " ".join("".join(parts).split())  # whitespace collapsed (as \\s+, several times faster)


def iso_date(value: str | None) -> dt.date | None:
    if not value:
        return None
    try:
        day = dt.date.fromisoformat(value.strip()[:10])
    except ValueError:
        return None
    return None if day.year < 1900 else day  # the UN writes 0001-01-01 for "no date"


def own(el: etree._Element, name: str) -> etree._Element | None:
    """The first element `name` of this document itself, not of its annexes or components."""
    return own_elements(el).get(name)


@lru_cache(maxsize=16)
def own_elements(el: etree._Element) -> dict[str, etree._Element]:
    """The first element of each name in this document itself, found in one walk: a reader asks for a dozen
    names (meta, preface, conclusions ...) and a walk for each cost a dozen times a large file's size. Emptied
    as each read starts (lxml elements take no weak references)."""
    first: dict[str, etree._Element] = {}
    stack = [el]
    while stack:
        cancelling.check()
        node = stack.pop()
        first.setdefault(local_name(node), node)
        stack.extend(reversed([c for c in children(node) if local_name(c) not in NESTED_DOCS]))
    return first


def collection_parts(root: etree._Element) -> list[etree._Element]:
    """The documents of a `documentCollection` (resolution A, B ...), in order."""
    out = []
    for component in all_named(root, "component"):
        if any(local_name(a) == "attachment" for a in component.iterancestors()):
            continue
        out += [d for d in children(component) if local_name(d) in DOC_TYPES]
    return out
