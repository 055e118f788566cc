"""The UN XML reader's body: one resolution's (or part's) preamble and operative part, with the elements read
for the number checks."""

from __future__ import annotations

from typing import Any

from lxml import etree

from app import inline
from app.digits import to_int
from app.findings import Finding
from app.io.akn_checks import check_tree
from app.io.akn_flat import (
    first_child_text,
    flat,
    heading_lines,
    label_of,
    table_note,
    without_label,
    wraps_up,
)
from app.io.akn_paragraphs import Reader
from app.io.akn_tables import table_of
from app.io.akn_tree import children, local_name, own, text_of
from app.io.headings import SEPARATOR
from app.io.span_text import split_opener, tidy
from app.io.structure import place_after, restarts, section_preamble
from app.languages import get_language
from app.messages import say
from app.model import Paragraph, Part
from app.place_words import Where, reader_place, with_sub


def adopted_start(items: list[tuple[str, Any]]) -> int | None:
    """Where a text the resolution adopts begins, when the file gives it its own preamble after a mainBody: just
    after the last paragraph, ending in ":", that is followed by a title and no numbered paragraph ("Adopts the
    following outcome document …:", its title, "We, the Ministers …,", then `<preamble>`: A/RES/80/173)."""
    last = next((i for i in range(len(items) - 1, -1, -1) if items[i][0] == "para"), None)
    for i in range(len(items) - 1, -1, -1):
        kind, value = items[i]
        if kind != "para":
            continue
        if first_child_text(value, "num"):
            return None
        if i != last and text_of(value).endswith(":"):
            nxt_kind, nxt = items[i + 1]
            titled = nxt_kind == "heading" or (nxt_kind == "para" and heading_lines(nxt) is not None)
            return i + 1 if titled else None
    return None


class Body:
    """One resolution's (or part's) preamble and operative part, with the elements read for the number checks
    and what follows the operative part when it ends in ":" and the numbering starts again at 1. under a
    heading: a text it adopts ("Adopts the following Pact for the Future and its annexes:")."""

    def __init__(self, reader: Reader, doc: etree._Element, unit: str) -> None:
        self.reader, self.unit = reader, unit
        self.preamble: list[Paragraph] = []
        self.operative: list[Paragraph] = []
        self.preamble_els: list[etree._Element] = []
        self.operative_els: list[etree._Element] = []
        self.adopted: list[tuple[str, Any]] = []
        self.adopted_title = ""
        if children(doc, "preamble"):
            self.read_operative(self.in_order(doc))
        else:
            self.read_preamble(own(doc, "preamble"))
            bodies = children(doc, "mainBody", "body") or [own(doc, "mainBody")]
            self.read_operative(
                [item for body in bodies if body is not None for item in flat(body, loose_headings=True)]
            )

    def in_order(self, doc: etree._Element) -> list[tuple[str, Any]]:
        """The operative items of a document whose preamble and mainBody repeat, once per section (Fifth
        Committee resolutions): a preamble after a mainBody ("I" and a title, or paragraphs) is that section's
        own preamble, printed unnumbered among the operative paragraphs, as the text and Word readers read it;
        the preambles before the first mainBody are the resolution's."""
        items: list[tuple[str, Any]] = []
        for c in children(doc, "preamble", "mainBody", "body"):
            if local_name(c) != "preamble":
                (self.adopted if self.adopted else items).extend(flat(c, loose_headings=True))
            elif self.adopted:
                self.adopted += [("para", k) for k in children(c) if local_name(k) != "formula"]
            elif items and (start := adopted_start(items)) is not None:
                items, self.adopted = items[:start], items[start:]
                self.adopted += [("para", k) for k in children(c) if local_name(k) != "formula"]
            elif items:
                items += [("section", k) for k in children(c) if local_name(k) != "formula"]
            else:
                self.read_preamble(c)
        return items

    def where(self, text: Where) -> Where:
        """A place of the whole part (its end, its preamble) in this part: "... of part B"."""
        return say("{place} of part {letter}", place=text, letter=self.unit) if self.unit else text

    def read_preamble(self, preamble: etree._Element | None) -> None:
        reader = self.reader
        headings: list[
            str
        ] = []  # a crossheading of the preamble ("Transport and transit corridors", in bold)
        for i, c in enumerate(children(preamble) if preamble is not None else [], start=1):
            kind = local_name(c)
            where = reader_place(Part.PREAMBLE, len(self.preamble) + 1, self.unit)
            if kind == "formula":
                continue
            if self.preamble and self.preamble[-1].is_table and table_note(c):  # the note under a table
                table = self.preamble[-1]
                table.text = " ".join(t for t in (table.text, inline.escape(text_of(c))) if t)
                continue
            if kind == "container" and not (c.get("name") or "").strip() and (lines := heading_lines(c)):
                headings += lines
                continue
            if SEPARATOR.fullmatch(text_of(c)):  # "* * *" between groups of preambular paragraphs
                headings.append(inline.escape(" ".join(text_of(c).split())))
                continue
            if (table := table_of(c)) is not None:
                self.preamble.append(reader.table(table, where, headings))
                self.preamble_els.append(c)
                headings = []
                continue
            if kind in ("container", "p", "blockContainer", "recital", "citation", "block", "tblock"):
                kids = children(c, "recital", "citation") if kind in ("recital", "citation") else []
                for k in kids or [c]:
                    para = reader.paragraph(k, where, (k.get("name") or "").strip())
                    para.heading, headings = "\n".join(headings), []
                    self.preamble.append(para)
                    self.preamble_els.append(k)
            elif kind in ("recitals", "citations"):
                for k in children(c):
                    if local_name(k) in ("recital", "citation"):
                        where = reader_place(Part.PREAMBLE, len(self.preamble) + 1, self.unit)
                        self.preamble.append(reader.paragraph(k, where))
                        self.preamble_els.append(k)
                    elif local_name(k) not in ("intro", "heading"):
                        reader.unplaced_item(k, where)
            else:
                reader.unplaced_item(c, self.where(say("the preamble (item {number})", number=i)))
        if headings:
            reader.unplaced(
                "\n".join(headings),
                self.where(say("the end of the preamble")),
                say("a heading of the preamble"),
            )

    def read_operative(self, items: list[tuple[str, Any]]) -> None:
        headings: list[str] = []  # a section's number and heading wait for its first paragraph
        numbered_body = any(first_child_text(v, "num") for kind, v in items if kind == "para")
        for index, (kind, value) in enumerate(items):
            where = reader_place(Part.OPERATIVE, len(self.operative) + 1, self.unit)
            lines = value if kind == "heading" else heading_lines(value) if kind == "para" else None
            if kind in ("section", "preamble"):
                headings = self.section_item(kind, value, where, headings)
            elif lines is not None:
                headings += lines
            elif kind == "table":
                self.operative.append(self.reader.table(value, where, headings))
                self.operative_els.append(value)
                headings = []
            elif kind == "para":
                restart = headings and self.operative and first_child_text(value, "num").rstrip(".") == "1"
                if restart and text_of(self.operative_els[-1]).endswith(":"):  # "Adopts the following ...:"
                    self.adopted, self.adopted_title = items[index:], " ".join(headings)
                    return
                label = label_of(value)
                after_table = bool(self.operative) and self.operative[-1].is_table
                if after_table and table_note(value):  # "a Member States in level H* have a discount …"
                    table = self.operative[-1]  # printed after the table, as written (render._after_table)
                    table.text = " ".join(t for t in (table.text, inline.escape(text_of(value))) if t)
                    continue
                if label and self.operative and not after_table:  # a subparagraph written as a paragraph
                    sub = self.reader.paragraph(value, with_sub(where, label))
                    without_label(sub, label)
                    place_after(self.operative[-1], sub, label)
                    continue
                if not headings and not after_table and wraps_up(value, self.operative):  # text after a list
                    last = self.operative[-1]
                    last.tail = " ".join(
                        t for t in (last.tail, self.reader.paragraph(value, where).text) if t
                    )
                    continue
                para = self.reader.paragraph(value, where, headings=headings)
                para.heading = "\n".join(headings)
                # no number among numbered paragraphs, and a preambular opener: a section's own preambular
                # paragraph, unnumbered as the file has it
                number = first_child_text(value, "num").rstrip(".")
                para.numbered = not (
                    not number
                    and numbered_body
                    and section_preamble(para.opener, self.reader.res.header.language)
                )
                # a section numbered from 1 again (Fifth Committee resolutions)
                para.restart = restarts(to_int(number, 0), self.operative)
                headings, self.reader.carried = self.reader.carried, []
                self.operative.append(para)
                self.operative_els.append(value)
            else:
                self.reader.unplaced_item(value, say("before {where}", where=where))
        if headings:  # a heading with no paragraph after it
            where = self.where(say("the end of the operative part"))
            self.reader.unplaced("\n".join(headings), where, say("a heading of the operative part"))

    def section_item(self, kind: str, el: etree._Element, where: Where, headings: list[str]) -> list[str]:
        """An item of a section's own preamble, printed unnumbered: a crossHeading that is one ("preamble") or
        an item of a `<preamble>` after a mainBody ("section", see in_order), where a heading line joins
        `headings` and a paragraph is placed under them. Returns the headings still waiting."""
        if kind == "preamble":
            para = Paragraph()
            para.opener, para.text = split_opener(tidy(self.reader.spans(el)))
        elif (lines := self.section_heading(el)) is not None:
            return headings + lines
        else:
            para = self.reader.paragraph(el, where, (el.get("name") or "").strip())
        para.numbered = False
        para.heading = "\n".join(headings)
        self.operative.append(para)
        self.operative_els.append(el)
        return []

    @staticmethod
    def section_heading(el: etree._Element) -> list[str] | None:
        """A heading inside a section's own preamble: an unnamed container in bold, or "* * *"."""
        if SEPARATOR.fullmatch(text_of(el)):
            return [inline.escape(" ".join(text_of(el).split()))]
        if local_name(el) == "container" and not (el.get("name") or "").strip():
            return heading_lines(el)
        return None

    def check(self, findings: list[Finding]) -> None:
        lang = get_language(self.reader.res.header.language)
        check_tree(
            self.preamble,
            self.preamble_els,
            0,
            self.where(say("a preambular paragraph")),
            findings,
            numbered=False,
            lang=lang,
        )
        check_tree(
            self.operative,
            self.operative_els,
            0,
            self.where(say("an operative paragraph")),
            findings,
            lang=lang,
        )
