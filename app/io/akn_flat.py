"""A UN body as a flat run of items (headings, paragraphs, tables, groups opened), and what the markup of one
paragraph says: its number, its typed label, a heading it is, a table's note, a wrap-up."""

from __future__ import annotations

import re
from typing import Any

from lxml import etree

from app import inline
from app.formatting import SECTION_NUMBER
from app.io.akn_tables import table_of
from app.io.akn_tree import all_named, children, local_name, text_of
from app.io.structure import section_preamble
from app.model import Paragraph


def first_child_text(el: etree._Element, name: str) -> str:
    for c in children(el, name):
        return text_of(c)
    return ""


_BODY_PARAS = ("paragraph", "subparagraph", "point", "item")
_GROUPS = (
    "section",
    "part",
    "division",
    "chapter",
    "title",
    "book",
    "hcontainer",
    "tome",
    "subsection",
    "subpart",
    "subdivision",
    "subchapter",
    "subtitle",
    "level",
    "article",
    "clause",
)


def without_label(sub: Paragraph, label: str) -> Paragraph:
    """The subparagraph without the "(a)" its text repeats when the label was typed."""
    typed = _TYPED_LABEL.match(sub.text)
    if typed and f"({typed.group(1) or typed.group(2)})" == label:
        sub.text = sub.text[typed.end() :]
    return sub


def table_note(el: etree._Element) -> bool:
    """A note under a table: an unnumbered paragraph in the UN's style for notes ("FootnoteText"), as the UN's
    XML sets the notes of A/RES/79/250's table of levels. It is the table's, not an operative paragraph."""
    return el.get("class") == "FootnoteText" and not first_child_text(el, "num").strip()


def label_of(el: etree._Element) -> str:
    """The "(a)" a flat paragraph carries, in its `num` or typed at the start of its text; "" for none."""
    num = first_child_text(el, "num")
    if _LABEL_NUM.fullmatch(num):
        return f"({num.strip('()')})"  # French and Spanish print "a)": placed as "(a)"
    typed = None if num else _TYPED_LABEL.match(_lead_text(el))
    return f"({typed.group(1) or typed.group(2)})" if typed else ""


def _lead_text(el: etree._Element) -> str:
    """The text of a paragraph before any list in it."""
    for c in children(el):
        if local_name(c) in ("list", "blockList"):
            return " ".join(text_of(i) for i in children(c, "intro", "listIntroduction"))
        if local_name(c) not in ("num", *HEADING_TAGS):
            return text_of(c)
    return ""


# "(a)", and "a)" as French and Spanish texts print it
_TYPED_LABEL = re.compile(r"\(([a-z]{1,4}|[ivxlc]{1,6}|\d{1,2})\)\s+|([a-z]{1,4}|[ivxlc]{1,6})\)\s+")
_LABEL_NUM = re.compile(r"\(?[a-z]{1,4}\)|\(?[ivxlc]{1,6}\)|\(\d{1,2}\)")
_SECTION_NUM = re.compile(rf"{SECTION_NUMBER}|[A-Z]")
HEADING_TAGS = ("heading", "subheading", "crossHeading")


def heading_lines(el: etree._Element) -> list[str] | None:
    """The printed lines of a heading the UN marks as a paragraph (`<paragraph><subheading>I</subheading>`, or
    a heading class such as H23 with "I." and the title as its text); None for a real paragraph."""
    if children(el, "list"):  # a paragraph with subparagraphs (and not its whole text read at every level)
        return None
    heads = [t for h in children(el, *HEADING_TAGS) if (t := text_of(h))]
    num = first_child_text(el, "num").rstrip(".").strip()
    body = " ".join(
        t for c in children(el) if local_name(c) not in ("num", *HEADING_TAGS) and (t := text_of(c))
    )
    if heads and not body:
        return [inline.escape(line) for line in ([num] if num else []) + heads]
    heading_class = re.fullmatch(r"H[0-9A-Za-z]{0,4}", el.get("class") or "") is not None
    bold = " ".join(text_of(b) for b in all_named(el, "span") if (b.get("class") or "") == "bold")
    # "I." or no number, and the whole text bold: how the UN marks many omnibus headings ("I" / "Introduction")
    all_bold = bold == body and len(body) < 300
    heading_class = heading_class or bool(all_bold and (not num or _SECTION_NUM.fullmatch(num)))
    if heading_class and body and not children(el, "list") and (not num or _SECTION_NUM.fullmatch(num)):
        return [inline.escape(line) for line in ([num] if num else []) + heads + [body.lstrip(" .:").strip()]]
    return None


def wraps_up(el: etree._Element, before: list[Paragraph]) -> bool:
    """A paragraph with no number that goes on in lower case after a paragraph's list: that paragraph's
    wrap-up, which some UN files write as a paragraph of its own (A/RES/79/248, after paragraph 79 (c))."""
    if not before or not before[-1].subparagraphs or first_child_text(el, "num") or children(el, "list"):
        return False
    return text_of(el)[:1].islower()


def _section_preamble(el: etree._Element) -> bool:
    """A crossHeading that is a section's own preambular paragraph: it opens with an italic preambular
    opener and ends with a comma ("Recalling section II of its resolution 60/283 …,", A/RES/78/253)."""
    if local_name(el) != "crossHeading" or not text_of(el).endswith(","):
        return False
    first = next((c for c in el if isinstance(c.tag, str)), None)
    if first is None or "italic" not in (first.get("class") or "") or (el.text or "").strip():
        return False
    return section_preamble(text_of(first))


def flat(el: etree._Element, loose_headings: bool = False) -> list[tuple[str, Any]]:
    """A body as ("heading", lines), ("para", element) and ("other", element) items, groups opened.
    `loose_headings`: the body's section headings and section preambles standing in it outside any group
    (`<mainBody><subheading>I</subheading><subheading>Title</subheading><crossHeading>Recalling …,`, A/RES/76/246)
    are read as a group's are; they were dropped, with their notes."""
    out: list[tuple[str, Any]] = []
    loose: list[str] = []  # heading lines standing in the body, waiting for what they head
    for c in children(el):
        kind = local_name(c)
        if loose_headings and kind in HEADING_TAGS:
            if _section_preamble(c):
                out += [("heading", loose)] if loose else []
                loose = []
                out.append(("preamble", c))
            elif text := text_of(c).rstrip("."):
                loose.append(inline.escape(text))
            continue
        if loose:
            # a file may print a heading twice, loose and again as a heading paragraph ("B. Pension
            # Administration" over `<paragraph class="H23"><num>B.</num>…`): the paragraph's is kept
            following = heading_lines(c) if kind in _BODY_PARAS else None
            if not (following and _letters(loose) == _letters(following)):
                out.append(("heading", loose))
            loose = []
        if kind in _BODY_PARAS:
            out.append(("para", c))
        elif (table := table_of(c)) is not None:
            out.append(("table", table))
        elif kind in _GROUPS:
            heads = [h for h in children(c) if local_name(h) in ("num", *HEADING_TAGS) or _numeral(h)]
            lines = [
                inline.escape(t) for h in heads if not _section_preamble(h) and (t := text_of(h).rstrip("."))
            ]
            if lines:
                out.append(("heading", lines))
            out += [("preamble", h) for h in heads if _section_preamble(h)]
            out += flat(c)
        elif kind not in ("num", *HEADING_TAGS) and not _numeral(c):
            out.append(("other", c))
    return out + ([("heading", loose)] if loose else [])


def _letters(lines: list[str]) -> str:
    """Heading lines as their letters and digits only, to tell the same heading printed twice."""
    return re.sub(r"\W+", "", " ".join(lines)).lower()


def _numeral(el: etree._Element) -> bool:
    """A `<p>` that holds only a section's numeral ("<p><num>I</num></p>", A/RES/78/253)."""
    return local_name(el) == "p" and bool(_SECTION_NUM.fullmatch(text_of(el).rstrip(".")))
