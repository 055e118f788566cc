"""The UN XML reader's annexes: the documents read as annexes, and `Flow`, which builds annexes from a flat
run of UN paragraphs with the readers' shared `AnnexBuilder`."""

from __future__ import annotations

import re
from typing import Any

from lxml import etree

from app import inline
from app.findings import Finding, Severity
from app.io.akn_flat import HEADING_TAGS, first_child_text, flat, heading_lines, label_of, without_label
from app.io.akn_paragraphs import Reader
from app.io.akn_tree import NESTED_DOCS, all_named, children, local_name, own, text_of
from app.io.headings import ANNEX_LINE
from app.io.structure import AnnexBuilder
from app.messages import say
from app.model import Annex, Paragraph
from app.place_words import annex_place


class Flow:
    """Annexes from a flat run of UN paragraphs, as the UN marks them in `attachment`s (and a text a resolution
    adopts after its operative part): "Annex I" and the title are heading paragraphs or plain lines, section
    headings are heading paragraphs (`subheading`, or a heading class such as H23 with "I." and a title),
    subparagraphs are lists or paragraphs with a typed "(a)", and a list numbered 1., 2. inside a paragraph
    ending in ":" is its subparagraphs. Numbering runs on through an annex; what the file numbers otherwise is
    reported. Each annex is built by the readers' shared `AnnexBuilder`; this class finds its start, title and
    what the markup says each paragraph is."""

    def __init__(self, reader: Reader) -> None:
        self.reader = reader
        self.annexes: list[Annex] = []
        self.builder: AnnexBuilder | None = None
        self.expect_title = False
        self.fresh = False  # at the start of an attachment: an annex starts here, with or without its label
        self.adopted = False  # the attachment is a text the resolution adopts (ADOPTED_DOC), not an annex
        self.run_on: tuple[Paragraph, int] | None = None  # a paragraph whose numbered list continues
        self.misnumbered: set[str] = set()
        self.numbered = 0

    def start(self, title: str = "", *, labelled: bool = True) -> AnnexBuilder:
        self.flush()
        self.builder = AnnexBuilder(Annex(title=title, labelled=labelled))
        self.annexes.append(self.builder.annex)
        self.expect_title, self.fresh, self.run_on = not title, False, None
        self.numbered = 0  # numbered paragraphs of this annex so far
        return self.builder

    def flush(self) -> None:
        """Heading lines with no paragraph after them, at an annex's end, are kept as unplaced text."""
        if self.builder is not None and self.builder.heading:
            where = say("the end of annex {number}", number=len(self.annexes))
            self.reader.unplaced(
                "\n".join(self.builder.heading), where, say("a heading with no paragraph after it")
            )
            self.builder.heading = []

    @property
    def current(self) -> AnnexBuilder:
        # an attachment with no "Annex" line of its own is still one: the XML names it an annex, and the issued
        # page prints the word over it (A/RES/75/129's terms of reference, "as set out in the annex")
        if self.builder is not None and not self.fresh:
            return self.builder
        return self.start(labelled=self.fresh and not self.adopted)

    def feed(self, items: list[tuple[str, Any]]) -> None:
        for kind, value in items:
            if kind == "heading":
                self.heading(value)
            elif kind == "para":
                lines = heading_lines(value)
                if lines is None:
                    self.paragraph(value)
                else:
                    self.heading(lines, value)
            elif kind == "table":
                builder = self.current
                self.expect_title = False
                where = annex_place(len(self.annexes), len(builder.annex.paragraphs) + 1)
                builder.paragraph(self.reader.table(value, where), numbered=False)
            else:
                where = say("annex {number}", number=len(self.annexes) or 1)
                self.reader.unplaced_item(value, where)

    def heading(self, lines: list[str], el: etree._Element | None = None) -> None:
        if len(lines) == 1 and ANNEX_LINE.match(lines[0]):
            self.start()
            return
        builder = self.current
        if self.expect_title:
            # the title keeps its italics and footnotes: read from the element that holds it
            holder = (
                next((c for c in children(el, *HEADING_TAGS, "content") if text_of(c)), None)
                if el is not None
                else None
            )
            title = self.reader.markup(holder) if holder is not None and len(lines) == 1 else " ".join(lines)
            builder.annex.title, self.expect_title = title, False
        else:
            builder.add_heading(*lines)

    def paragraph(self, el: etree._Element) -> None:
        builder = self.current
        num = first_child_text(el, "num")
        text = text_of(el)[len(num) :].strip() if num and text_of(el).startswith(num) else text_of(el)
        if not num and ANNEX_LINE.match(text):
            self.start()
            return
        label = label_of(el)
        if (
            self.expect_title
            and not num
            and not label
            and text
            and len(text) < 300
            and text[-1] not in ".;:,"
        ):
            builder.annex.title, self.expect_title = self.reader.markup(el), False
            return
        self.expect_title = False
        where = annex_place(len(self.annexes), len(builder.annex.paragraphs) + 1)
        if label:
            builder.subparagraph(without_label(self.reader.paragraph(el, where), label), label=label)
            return
        number = int(num.rstrip(".")) if re.fullmatch(r"\d{1,4}\.?", num) else None
        if number is not None and number != self.numbered + 1 and self.runs_on(number):
            builder.subparagraph(self.reader.paragraph(el, where), depth=1)
            return
        self.run_on = None
        para = self.reader.paragraph(el, where, headings=builder.heading)
        builder.paragraph(para, numbered=bool(num))
        builder.add_heading(*self.reader.carried)
        self.reader.carried = []
        self.numbered += para.numbered
        if number is not None and number != self.numbered and builder.annex.id not in self.misnumbered:
            self.misnumbered.add(builder.annex.id)
            self.reader.findings.append(
                Finding(
                    "import.numbering",
                    Severity.INFO,
                    say(
                        "{where} is numbered '{num}' in the file; it is now '{numbered}.' (an annex is numbered on "
                        "from 1)",
                        where=where,
                        num=num,
                        numbered=self.numbered,
                    ),
                    paragraph_id=para.id,
                )
            )

    def runs_on(self, number: int) -> bool:
        """A number out of the annex's sequence that lists under the paragraph before it: a "1." after a
        paragraph ending in ":", or the next number of such a list."""
        builder = self.current
        last = builder.annex.paragraphs[-1] if builder.annex.paragraphs else None
        if last is None or builder.heading:
            return False
        listed = number == 1 and inline.plain(last.tail or last.text).rstrip().endswith(":")
        runs_on = self.run_on is not None and self.run_on[0] is last and self.run_on[1] == number - 1
        if listed or runs_on:
            self.run_on = (last, number)
        return listed or runs_on


# the name this project's UN XML gives an attachment that prints under its title alone, with no "Annex" line
# (a text the resolution adopts, as A/RES/79/1's Pact); the UN's own attachments are all named "annex"
ADOPTED_DOC = "adopted text"


def annex_docs(root: etree._Element, doc: etree._Element) -> list[etree._Element]:
    """The documents read as annexes: each attachment's, and (outside a `documentCollection`, whose components
    are its parts) each component's, which were dropped without a word."""
    docs = [d for attachment in all_named(root, "attachment") for d in children(attachment) or [attachment]]
    if local_name(doc) != "documentCollection":
        for component in all_named(root, "component"):
            if not any(local_name(a) == "attachment" for a in component.iterancestors()):
                docs += children(component) or [component]
    return docs


def annex_items(annex_doc: etree._Element) -> list[tuple[str, Any]]:
    """An annex document's body; the lines of its own preface (its title) come first as headings, its preamble
    and conclusions in their places (only the body was read: the rest was dropped without a word)."""
    if own(annex_doc, "mainBody") is None:
        return flat(annex_doc)
    items: list[tuple[str, Any]] = []
    for part in children(annex_doc):
        kind = local_name(part)
        if kind == "preface":
            items += [("heading", [inline.escape(t)]) for c in children(part) if (t := text_of(c))]
        elif kind not in ("meta", *NESTED_DOCS):
            items += flat(part)
    return items
