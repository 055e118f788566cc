"""The resolution as structure: header, title, preamble, operative part, footnotes, and the wider forms a
delegation submits: parts A, B ... each with its own preamble and operative part, annexes with their own
headings and numbered paragraphs, and the instructions of an amendment.

What is stored is what the delegate wrote. Paragraph numbers, subparagraph labels and terminal punctuation are
never stored: `app.render` derives them. Text fields use the small inline markup of `app.inline`
(`*italic*`, `[^id]` footnote references).
"""

from __future__ import annotations

import copy
import datetime as dt
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from enum import Enum
from typing import Any

from app import cancelling
from app.errors import InputError
from app.messages import reason, say

MAX_DEPTH = 8
"""How deep a subparagraph may stand below its paragraph (a paragraph is depth 0). UN drafts use four levels,
(a), (i), a. and i., and the checker warns past four; the editor, the readers and the project file all stop at
this one limit, so whatever the app can build it can save and open again."""

MAX_PARAGRAPHS = 50_000
"""How many paragraphs and subparagraphs (with an amendment's quoted paragraphs and the blocks a reader could
not place) a draft may hold. The longest issued GA resolutions have about 550 (A/RES/79/1 with its annexes);
this leaves room a hundred times over for budget annexes and omnibus texts, and refuses a file of a million
paragraphs in one line instead of grinding through every check. Every reader and the project file stop here."""


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
    # the page-1 '*' note of the sponsor line as the draft wrote it ("Any changes to the list of sponsors will be
    # reflected in the official record of the meeting.", "In its capacity as Chair of ..."); "" prints the
    # "on behalf of" formula when `on_behalf_of` is set
    sponsor_note: str = ""
    # a draft with no sponsors: who submits it, as the line prints after "Draft resolution submitted by"
    # ("the Chair of the Committee following informal consultations", "the President of the General Assembly")
    submitted_by: str = ""
    kind: DocumentKind = DocumentKind.DRAFT_RESOLUTION
    amends: str = ""  # for an amendment: the symbol of the draft it amends
    job_number: str = ""  # "25-16697 (E)": optional page-1 footer
    language: str = "en"  # the language the draft is written in: a file of resources/languages/ ("fr", "es")

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
    # unnumbered: an annex's chapeau before paragraph 1, or a Fifth Committee section's own preambular paragraph
    # in the operative part ("Recalling its resolution 44/198, …," under the section heading)
    numbered: bool = True
    restart: bool = False  # numbering starts again at 1 here: a section of a Fifth Committee resolution
    # a table standing between paragraphs (a Fifth Committee scale of assessments, an annex's figures): rows of
    # cell texts in inline markup, the first `header_rows` of them the header; a table paragraph has no
    # number, opener, text or subparagraphs and takes no derived punctuation (see `is_table`)
    table: list[list[str]] = field(default_factory=list)
    header_rows: int = 0
    # merged cells, each (row, column, rows, columns), its text in its first cell and the cells it covers empty;
    # layout only, taken through `app.table_merges.valid_merges` by whatever prints them
    merges: list[tuple[int, int, int, int]] = field(default_factory=list)

    def __deepcopy__(self, memo: dict[int, Any]) -> Paragraph:
        """`copy.deepcopy`, five times faster: every field but the subparagraphs is a string or a flag, shared
        as it is (drafts and their copies run to tens of thousands of paragraphs)."""
        twin = object.__new__(Paragraph)
        memo[id(self)] = twin
        twin.__dict__.update(self.__dict__)
        twin.subparagraphs = [copy.deepcopy(sub, memo) for sub in self.subparagraphs]
        twin.table = [list(row) for row in self.table]
        twin.merges = list(self.merges)
        return twin

    @property
    def is_table(self) -> bool:
        return bool(self.table)

    def walk(self) -> Iterator[Paragraph]:
        """This paragraph and every subparagraph below it, in reading order."""
        yield self
        for sub in self.subparagraphs:
            yield from sub.walk()


@dataclass
class Footnote:
    """A footnote, printed where it is referenced. Notes are numbered 1, 2 ... in reading order, except a note
    with its own `mark`: the symbol it is printed with instead of a number ("*", "**", "†"), as an issued
    amendment marks a note on the draft text it quotes ("**" when the sponsor line's note is "*"); the
    numbered notes do not count it."""

    text: str = ""
    id: str = field(default_factory=new_id)
    mark: str = ""  # "" for a numbered note


@dataclass
class ResolutionPart:
    """Part B, C ... of a resolution adopted in parts ("Questions relating to information", A/RES/75/101 A-B).

    Each part has its letter (derived from its place), its own title, organ line, preamble and operative part
    numbered from 1. Part A is the resolution's own preamble and operative part, titled `Resolution.part_title`.
    """

    title: str = ""
    preamble: list[Paragraph] = field(default_factory=list)
    operative: list[Paragraph] = field(default_factory=list)
    id: str = field(default_factory=new_id)

    def part(self, part: Part) -> list[Paragraph]:
        return self.preamble if part is Part.PREAMBLE else self.operative


@dataclass
class Annex:
    """A text annexed to the resolution: a declaration, a programme of action, terms of reference.

    Printed after the operative part as "Annex" ("Annex I", "Annex II" ... when there are several: derived;
    see `labelled`),
    its title, then its paragraphs, numbered 1, 2 ... unless `Paragraph.numbered` is false, with section
    headings (`Paragraph.heading`) and subparagraphs as in the operative part. Punctuation is as written.
    """

    title: str = ""
    paragraphs: list[Paragraph] = field(default_factory=list)
    id: str = field(default_factory=new_id)
    # False for a text the resolution adopts after its operative part with no "Annex" line over it (the Pact
    # for the Future in A/RES/79/1): it prints its title only and is not counted in the annex numbers
    labelled: bool = True


@dataclass
class TableCell:
    """Where in a table an amendment's instruction acts (`Instruction.cell`): the `nth` table after paragraph
    `Instruction.number` of its list (0: before the first), its row (`row`, counted from the top, 0 before the
    first; `row_name` its first cell when that names it) and column (`column`, 0: the whole row;
    `column_name` its heading). A row inserted carries its `cells`."""

    nth: int = 1
    row: int = 0
    row_name: str = ""
    column: int = 0
    column_name: str = ""
    cells: list[str] = field(default_factory=list)


class Action(str, Enum):
    DELETE = "delete"
    INSERT = "insert"
    REPLACE = "replace"


@dataclass
class Instruction:
    """One instruction of an amendment, against the paragraphs of the draft it amends as issued.

    Words: "In operative paragraph 5, after “States”, insert “and regional organizations”" is
    INSERT, OPERATIVE, 5, after="States", new="and regional organizations"; a replacement has `old` and
    `new`, a deletion `old` alone. Whole paragraphs (`paragraph` set, `old`/`new` empty): DELETE quotes the
    paragraph it deletes, REPLACE gives the paragraph's new text, INSERT adds `paragraph` after paragraph
    `number` of its part (0: before the first). `sub` names a subparagraph ("(a)") of paragraph `number`.
    `unit` names where the paragraph stands beyond part A: "" (the draft, or its part A), "title" (the title
    itself, `number` 1), a later part's letter ("B") or an annex's label as printed ("Annex", "Annex II"; its
    paragraphs are OPERATIVE).
    """

    action: Action
    part: Part
    number: int
    sub: str = ""
    old: str = ""
    new: str = ""
    after: str = ""
    paragraph: Paragraph | None = None
    id: str = field(default_factory=new_id)
    unit: str = ""
    # a part or an annex added whole ("After part A, insert a new part reading:", "Add a new annex reading:"):
    # INSERT, number 0, `unit` "", `after` the label of the part or annex it follows ("A", "Annex I") or `old`
    # the one it goes before; `body` the part or annex quoted (see `app.unit_insertions`)
    body: ResolutionPart | Annex | None = None
    # in a table: a cell's words (`old`, `new`, `after` as in a paragraph), a row deleted or inserted
    # ("In the table after operative paragraph 3, delete the row “C”"; see `app.table_amendments`)
    cell: TableCell | None = None


TITLE_UNIT = "title"  # Instruction.unit of a change to the title


@dataclass
class Resolution:
    header: Header = field(default_factory=Header)
    title: str = ""
    preamble: list[Paragraph] = field(default_factory=list)
    operative: list[Paragraph] = field(default_factory=list)
    footnotes: dict[str, Footnote] = field(default_factory=dict)  # by id; numbers come from reading order
    # material a reader could not place (a table, a text box), kept as plain text after the operative part
    unplaced: list[str] = field(default_factory=list)
    part_title: str = ""  # the title of part A, for a resolution in parts
    later_parts: list[ResolutionPart] = field(default_factory=list)  # parts B, C ...
    annexes: list[Annex] = field(default_factory=list)
    instructions: list[Instruction] = field(default_factory=list)  # an amendment's body
    # while the text is negotiated: an app.negotiation.rounds.Negotiation (proposals, status, revisions)
    negotiation: Any = None

    def part(self, part: Part) -> list[Paragraph]:
        return self.preamble if part is Part.PREAMBLE else self.operative

    def parts(self) -> list[ResolutionPart]:
        """Every part in order: part A is a view sharing this resolution's own paragraph lists."""
        first = ResolutionPart(self.part_title, self.preamble, self.operative, id="")
        return [first, *self.later_parts]

    def paragraphs(self) -> Iterator[tuple[Part, Paragraph]]:
        """Every paragraph and subparagraph of every part, with its part, in reading order (annexes apart)."""
        for body in self.parts():
            for part in Part:
                for para in body.part(part):
                    cancelling.check()  # a pass over a file being read: the user may stop it
                    yield from ((part, node) for node in para.walk())

    def annex_paragraphs(self) -> Iterator[Paragraph]:
        """Every paragraph and subparagraph of every annex, in reading order."""
        for annex in self.annexes:
            for para in annex.paragraphs:
                cancelling.check()
                yield from para.walk()

    def lists(self) -> Iterator[tuple[Part | None, list[Paragraph]]]:
        """Every top-level list of paragraphs: each part's preamble and operative part, then each annex."""
        for body in self.parts():
            for part in Part:
                yield part, body.part(part)
        for annex in self.annexes:
            yield None, annex.paragraphs

    def find(self, paragraph_id: str) -> Paragraph | None:
        found = self.locate(paragraph_id)
        return found[1][found[2]] if found else None

    def locate(self, paragraph_id: str) -> tuple[Part | None, list[Paragraph], int] | None:
        """The part (None in an annex), the list holding the paragraph and its index there."""
        for part, items in self.lists():
            found = _locate_in(items, paragraph_id)
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


def paragraph_count(res: Resolution, stop: int | None = None) -> int:
    """Paragraphs and subparagraphs of every list, an amendment's quoted paragraphs and unplaced blocks,
    counted without recursion (a reader's model may still be deeper than MAX_DEPTH), up to `stop`."""
    stop = MAX_PARAGRAPHS + 1 if stop is None else stop
    count = len(res.unplaced)
    stack = [p for _, items in res.lists() for p in items]
    stack += [i.paragraph for i in res.instructions if i.paragraph is not None]
    while stack and count < stop:
        cancelling.check()
        count += 1
        stack.extend(stack.pop().subparagraphs)
    return count


MAX_REVISION = 999
"""The highest N of /Rev.N a project file may say (the readers take three digits): -1 or 10**300 printed as it
came ("/Rev.-1")."""

MAX_SPONSORS = 10_000
"""How many entries a sponsor list may hold: the UN has 193 Member States and two observer States, so this is
fifty times any real list, and a file listing a hundred thousand is refused in one line instead of checked."""


MAX_TABLE_ROWS = 5_000
MAX_TABLE_COLUMNS = 64
"""How large one table may be: the scale of assessments, the largest table in an issued GA resolution, has a
row for each of 193 Member States and three columns; budget tables have a dozen columns. A file with a table
of a million cells is refused in one line."""


MAX_TABLE_CELLS = 20_000
"""How many cells one table may hold: 35 times the scale of assessments (193 rows of three). The row and column
bounds alone let a file bring 320,000 cells, which the editor's grid and preview took minutes to lay out (6,400
cells: 5 s); such a file is refused in one line."""


MAX_DOCUMENT_CELLS = 50_000
"""How many table cells one draft may hold in all: the most in an issued GA resolution of the 74th session is
538 (A/RES/74/280). Each table within the bounds above, a 50 MB project could still hold 800 full tables, 16
million cells, that took 25 µs a cell to check and 8 KB a cell to write to Word (a 8 MB file of 100 tables:
55 s to check, past 4 GB to export); such a file is refused in one line."""


def table_size_refusal(rows: int, columns: int) -> None:
    """InputError for a table past MAX_TABLE_ROWS, MAX_TABLE_COLUMNS or MAX_TABLE_CELLS, before its cells are
    built (a reader checks what it counted; the draft's check, `refuse_oversized`, holds for whatever was
    built)."""
    if rows > MAX_TABLE_ROWS or columns > MAX_TABLE_COLUMNS:
        raise InputError(
            say(
                "a table of {rows} rows and {columns} columns: more than {max_rows} rows or {max_columns} "
                "columns is not a table of a resolution",
                rows=rows,
                columns=columns,
                max_rows=MAX_TABLE_ROWS,
                max_columns=MAX_TABLE_COLUMNS,
            )
        )
    if rows * columns > MAX_TABLE_CELLS:
        raise InputError(
            say(
                "a table of {rows} rows and {columns} columns: more than {max_cells} cells is not a table of a "
                "resolution",
                rows=rows,
                columns=columns,
                max_cells=MAX_TABLE_CELLS,
            )
        )


def oversized_table(res: Resolution) -> str:
    """Why a table of the draft is past MAX_TABLE_ROWS or MAX_TABLE_COLUMNS, or its tables together past
    MAX_DOCUMENT_CELLS, or "" when none is."""
    stack = [p for _, items in res.lists() for p in items]
    stack += [i.paragraph for i in res.instructions if i.paragraph is not None]
    total = 0
    while stack:
        cancelling.check()
        para = stack.pop()
        stack.extend(para.subparagraphs)
        rows, widest = len(para.table), max((len(row) for row in para.table), default=0)
        if rows > MAX_TABLE_ROWS or widest > MAX_TABLE_COLUMNS or sum(map(len, para.table)) > MAX_TABLE_CELLS:
            return _table_refusal(rows, widest)  # said in the user's language (was English only)
        total += sum(map(len, para.table))
        if total > MAX_DOCUMENT_CELLS:
            return TOO_MANY_CELLS
    return ""


def _table_refusal(rows: int, columns: int) -> str:
    """`table_size_refusal`'s line, as a reason (a `say` message: the user's language, where the f-strings it
    replaces were English in every language)."""
    try:
        table_size_refusal(rows, columns)
    except InputError as exc:
        return reason(exc)
    return ""


TOO_MANY_CELLS = say(
    "tables of more than {count} cells in all: too many for a resolution", count=MAX_DOCUMENT_CELLS
)


def table_cells(res: Resolution) -> int:
    """The cells of all the draft's tables (see MAX_DOCUMENT_CELLS), counted without recursion."""
    stack = [p for _, items in res.lists() for p in items]
    stack += [i.paragraph for i in res.instructions if i.paragraph is not None]
    total = 0
    while stack:
        para = stack.pop()
        if para.subparagraphs:
            stack += para.subparagraphs
        if para.table:
            total += sum(map(len, para.table))
    return total


def refuse_oversized(res: Resolution) -> None:
    """InputError for a draft past MAX_PARAGRAPHS, MAX_SPONSORS or the table limits (see there)."""
    if why := oversized_table(res):
        raise InputError(why)
    if len(res.header.sponsors) > MAX_SPONSORS:
        raise InputError(
            say(
                "{count} sponsors: more than {most} is not a sponsor list (the UN has 193 Member States)",
                count=len(res.header.sponsors),
                most=MAX_SPONSORS,
            )
        )
    if paragraph_count(res) > MAX_PARAGRAPHS:
        raise InputError(
            say(
                "more than {most} paragraphs: too many for a resolution (the longest issued ones have a few "
                "hundred)",
                most=MAX_PARAGRAPHS,
            )
        )


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
            lists.extend((p.subparagraphs, depth + 1) for p in cancelling.each(paras))
            continue
        flat: list[Paragraph] = []
        for para in cancelling.each(paras):
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
