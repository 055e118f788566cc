"""The resolution as structure: header, title, preamble, operative part, footnotes.

What is stored is what the delegate wrote. Paragraph numbers, subparagraph labels and terminal punctuation are
never stored: `app.render` derives them. Text fields use the small inline markup of `app.inline`
(`*italic*`, `[^id]` footnote references).
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from enum import Enum

MAX_DEPTH = 8
"""How deep a subparagraph may stand below its paragraph (a paragraph is depth 0). UN drafts use four levels,
(a), (i), a. and i., and the checker warns past four; the editor, the readers and the project file all stop at
this one limit, so whatever the app can build it can save and open again."""


def new_id() -> str:
    """A short stable id for a paragraph or footnote."""
    return uuid.uuid4().hex[:10]


class DocumentKind(str, Enum):
    DRAFT_RESOLUTION = "draft resolution"
    REVISED_DRAFT_RESOLUTION = "revised draft resolution"
    DRAFT_DECISION = "draft decision"
    AMENDMENT = "amendment"


class Part(str, Enum):
    """Where a paragraph stands."""

    PREAMBLE = "preamble"
    OPERATIVE = "operative"


@dataclass
class AgendaItem:
    number: str = ""  # "98"; kept as text: imported items may read "98 and 99"
    sub_item: str = ""  # "l" for "Agenda item 98 (l)"
    title: str = ""

    @property
    def label(self) -> str:
        """'98 (l)' as printed after 'Agenda item'."""
        return f"{self.number} ({self.sub_item})" if self.sub_item else self.number


@dataclass
class Header:
    template: str = "ga-plenary"
    session: int | None = None  # GA/HRC session number; for SC and ECOSOC the year goes in `year`
    year: int | None = None
    committee: str = ""  # empty: the template's committee line
    agenda_items: list[AgendaItem] = field(default_factory=list)
    symbol: str = ""  # "A/C.1/79/L.43", without any /Rev.N
    revision: int = 0  # N of /Rev.N; 0 for the original
    date: dt.date | None = None
    distribution: str = "Limited"
    original_language: str = "English"
    sponsors: list[str] = field(default_factory=list)  # official short names, in the order given
    on_behalf_of: str = ""  # "the Group of 77 and China"
    kind: DocumentKind = DocumentKind.DRAFT_RESOLUTION
    amends: str = ""  # for an amendment: the symbol of the draft it amends
    job_number: str = ""  # "25-16697 (E)": optional page-1 footer

    @property
    def full_symbol(self) -> str:
        if not self.symbol:
            return ""
        return f"{self.symbol}/Rev.{self.revision}" if self.revision else self.symbol


@dataclass
class Paragraph:
    """A preambular or operative paragraph, or a subparagraph at any depth.

    `opener` is the italic opening phrase exactly as written ("Noting with deep regret", "Also requests");
    `text` is the rest, up to the subparagraph list; `tail` is text after the list inside the same paragraph.
    `heading` is a section heading printed before a top-level paragraph of an omnibus resolution ("I",
    "Oceans and the law of the sea"), one printed line per line; numbering runs on across sections.
    """

    opener: str = ""
    text: str = ""
    subparagraphs: list[Paragraph] = field(default_factory=list)
    tail: str = ""
    id: str = field(default_factory=new_id)
    heading: str = ""

    def walk(self) -> Iterator[Paragraph]:
        """This paragraph and every subparagraph below it, in reading order."""
        yield self
        for sub in self.subparagraphs:
            yield from sub.walk()


@dataclass
class Footnote:
    text: str = ""
    id: str = field(default_factory=new_id)


@dataclass
class Resolution:
    header: Header = field(default_factory=Header)
    title: str = ""
    preamble: list[Paragraph] = field(default_factory=list)
    operative: list[Paragraph] = field(default_factory=list)
    footnotes: dict[str, Footnote] = field(default_factory=dict)  # by id; numbers come from reading order
    annex: list[str] = field(default_factory=list)  # material after the operative part, kept as plain text

    def part(self, part: Part) -> list[Paragraph]:
        return self.preamble if part is Part.PREAMBLE else self.operative

    def paragraphs(self) -> Iterator[tuple[Part, Paragraph]]:
        """Every paragraph and subparagraph, with its part, in reading order."""
        for part in Part:
            for para in self.part(part):
                for node in para.walk():
                    yield part, node

    def find(self, paragraph_id: str) -> Paragraph | None:
        for _, node in self.paragraphs():
            if node.id == paragraph_id:
                return node
        return None

    def locate(self, paragraph_id: str) -> tuple[Part, list[Paragraph], int] | None:
        """The part, the list holding the paragraph and its index there."""
        for part in Part:
            found = _locate_in(self.part(part), paragraph_id)
            if found:
                return part, found[0], found[1]
        return None

    def add_footnote(self, text: str) -> Footnote:
        note = Footnote(text=text)
        self.footnotes[note.id] = note
        return note


def _locate_in(items: list[Paragraph], paragraph_id: str) -> tuple[list[Paragraph], int] | None:
    for index, para in enumerate(items):
        if para.id == paragraph_id:
            return items, index
        found = _locate_in(para.subparagraphs, paragraph_id)
        if found:
            return found
    return None


def height(para: Paragraph) -> int:
    """How many levels of subparagraphs stand below `para` (0 for none)."""
    best, stack = 0, [(para, 0)]
    while stack:
        node, level = stack.pop()
        best = max(best, level)
        stack.extend((sub, level + 1) for sub in node.subparagraphs)
    return best


def limit_depth(items: list[Paragraph], limit: int = MAX_DEPTH) -> int:
    """Lift subparagraphs deeper than `limit` to the deepest allowed level, keeping the reading order (a tail
    printed after a lifted list becomes a paragraph of its own after it). Returns how many were lifted."""
    lifted = 0
    lists = [(items, 0)]
    while lists:
        paras, depth = lists.pop()
        if depth < limit:
            lists.extend((p.subparagraphs, depth + 1) for p in paras)
            continue
        flat: list[Paragraph] = []
        for para in paras:
            below = _flatten(para)
            lifted += len(below) - 1
            flat.extend(below)
        paras[:] = flat
    return lifted


def _flatten(para: Paragraph) -> list[Paragraph]:
    """`para` and everything below it as one list in reading order, none with subparagraphs."""
    out: list[Paragraph] = []
    stack: list[Paragraph | str] = [para]
    while stack:
        item = stack.pop()
        if isinstance(item, str):  # the tail of a paragraph whose list has just been emitted
            out.append(Paragraph(text=item))
            continue
        subs, tail = item.subparagraphs, item.tail
        if subs and tail:
            item.tail = ""
            stack.append(tail)
        item.subparagraphs = []
        out.append(item)
        stack.extend(reversed(subs))
    return out
