"""Parts and annexes in plain text: where part B, C ... and each annex start, and an annex's paragraphs.

The text reader hands over its body as one item per paragraph block (first line, joined text). A part starts at
a lone letter line ("B", the next letter in turn) followed by its title and the organ line ("The General
Assembly,"); part A is the same letter and title just before the first organ line, which the header would
otherwise take. An annex starts at an "Annex" / "Annex II" line; the line after it is its title unless it is
a numbered paragraph. Annex paragraphs are numbered "1." or unnumbered, with section headings and subparagraphs,
punctuation as written: a short line that ends without punctuation ("I", "A. Scope", "Guideline 1") is a heading
line of the paragraph after it, as annexed texts set them.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from app.io.headings import ANNEX_LINE, APPENDIX_LINE, SECTION_MARK
from app.io.structure import AnnexBuilder, annex_heading, heading_lines
from app.io.text_paragraphs import NOTE_MARK_RE, OPENER_MARK, closing_line, last_paragraph, paragraph_of
from app.io.text_tables import table_index
from app.model import Annex, Paragraph
from app.punctuation import ends_with_mark
from app.render import part_letter

Item = tuple[str, str]  # (first line of the block, its joined text)

_PART_LETTER = re.compile(r"^[A-Z]$")
_NUMBERED = re.compile(r"^\d{1,3}\s*[.)](?:\s|$)")
_ORGAN = re.compile(r"^\*?The [A-Z][A-Za-z ]+\*?,?\s*$")


@dataclass
class Unit:
    """A later part or an annex as read: its title and its blocks."""

    title: str
    items: list[Item] = field(default_factory=list)
    labelled: bool = True  # False: a text the operative part adopts, printed under its title alone
    listed: bool = False  # a list of lines (the documents a decision names), each a paragraph of its own


@dataclass
class Layout:
    main: list[Item]
    parts: list[Unit] = field(default_factory=list)  # B, C ...: items start with the organ line
    annexes: list[Unit] = field(default_factory=list)
    unplaced: list[Item] = field(default_factory=list)  # from an appendix line on: kept as text
    trailing: list[Item] = field(
        default_factory=list
    )  # matter after the last operative paragraph: kept as text


def part_a_title(blocks: list[list[str]], organ_at: int) -> tuple[int, list[str]]:
    """Part A's letter and title before the organ line at `organ_at` (`blocks`: the lines of each block):
    how many blocks they take (0 when the resolution is not in parts) and the title's lines."""
    firsts = [lines[0].strip() if lines else "" for lines in blocks[:organ_at]]
    if organ_at >= 1 and firsts[organ_at - 1] == "A":  # the letter, with its title in the same block or none
        return 1, [line for line in blocks[organ_at - 1][1:] if line.strip()]
    if (
        organ_at >= 2
        and firsts[organ_at - 2] == "A"
        and len(blocks[organ_at - 2]) == 1
        and not _PART_LETTER.match(firsts[organ_at - 1])
    ):
        return 2, blocks[organ_at - 1]
    return 0, []


def _title_like(text: str) -> bool:
    """An annex title: not a numbered paragraph, not another heading line, not a sentence."""
    return not (_NUMBERED.match(text) or ANNEX_LINE.match(text) or ends_with_mark(text, ".;:,"))


def _is_organ(text: str) -> bool:
    return bool(_ORGAN.match(text)) and len(text) < 70


def _part_start(items: list[Item], i: int, letter: str) -> bool:
    """Item i is the letter of the next part: a title then the organ line follow (or the organ line at once)."""
    if items[i][1].strip() != letter:
        return False
    after = [text for _, text in items[i + 1 : i + 3]]
    return bool(after) and (_is_organ(after[0]) or (len(after) == 2 and _is_organ(after[1])))


def split_units(
    items: list[Item], in_parts: bool, lead: str = "", *, amendment: bool = False, council: bool = False
) -> Layout:
    """Cut the body into part A's (or the only) body, the later parts and the annexes. `in_parts`: part A's
    letter was seen before the organ line, so "B", "C" ... lines start parts. `lead`: a decision's sentence
    that runs on from the organ line, read before these items. `amendment`: an amendment's sentences end with
    a colon before the paragraph they quote, which is no text adopted in an annex. `council`: a Security Council
    text, whose last paragraph ("Decides to remain seized of the matter.") nothing follows but annexes."""
    items = [piece for item in items for piece in _split_heading(item)]
    layout = Layout(main=[])
    if lead and _lists_documents([(lead, lead), *items], 0):  # "The General Assembly decides to defer ...:"
        layout.annexes.append(Unit("", labelled=False, items=list(items), listed=True))
        return layout
    current = layout.main
    i = 0
    while i < len(items):
        first, text = items[i]
        if APPENDIX_LINE.match(text):
            layout.unplaced = items[i:]
            break
        if ANNEX_LINE.match(text):
            title = ""
            if i + 1 < len(items) and _title_like(items[i + 1][1]):
                title = items[i + 1][1]
                i += 1
            layout.annexes.append(Unit(title))
            current = layout.annexes[-1].items
            i += 1
            continue
        if (
            not amendment and not layout.annexes and _adopts_text(items, i)
        ):  # "Adopts the following outcome document:" + title
            current.append((first, text))
            layout.annexes.append(Unit(items[i + 1][1], labelled=False))
            current = layout.annexes[-1].items
            i += 2
            continue
        if council and not (amendment or layout.annexes) and i and _annexed_after_end(items, i):
            # text after "Decides to remain seized of the matter." with no "Annex" line: the annex it lost (an
            # SC resolution prints every annex under "Annex")
            title = text if _title_like(text) and len(text) < 200 else ""
            layout.annexes.append(Unit(title))
            current = layout.annexes[-1].items
            i += 1 if title else 0
            continue
        # the next part's letter as the writer prints it: "B" ... "Z", then "AA" (one past "Z" was "[")
        if in_parts and not layout.annexes and _part_start(items, i, part_letter(len(layout.parts) + 1)):
            has_title = not _is_organ(items[i + 1][1])
            layout.parts.append(Unit(items[i + 1][1] if has_title else ""))
            current = layout.parts[-1].items
            i += 2 if has_title else 1
            continue
        current.append((first, text))
        i += 1
    if not (amendment or layout.annexes or layout.unplaced):
        _set_trailing(layout)
    return layout


def _annexed_after_end(items: list[Item], i: int) -> bool:
    """Item i follows the paragraph that ends a Security Council resolution and is neither an annex line nor
    an adoption line: the resolution's annexed text, its "Annex" line lost (as in text copied without it)."""
    text = items[i][1]
    number = _NUMBERED.match(text)
    return (
        last_paragraph(items[i - 1][1])
        and not (ANNEX_LINE.match(text) or APPENDIX_LINE.match(text) or closing_line(text))
        # the operative numbering going on ("20. Requests …"): the paragraph was not the last after all
        and not (number and int(text[: number.end()].strip(" .)")) != 1)
    )


def _set_trailing(layout: Layout) -> None:
    """Set aside the matter after the last part's (or the only body's) paragraphs."""
    last = layout.parts[-1] if layout.parts else None
    kept, layout.trailing = _cut_trailing(last.items if last else layout.main)
    if last is None:
        layout.main = kept
    else:
        last.items = kept


_ENDS_WITH_STOP = re.compile(r"\.[\s\x01\x02\d]*$")  # a footnote placeholder may follow the full stop
_LABELLED = re.compile(r"^(?:\(?[a-z]{1,4}\)|[ivxlc]{1,6}\.)\s")


def _cut_trailing(items: list[Item]) -> tuple[list[Item], list[Item]]:
    """The body without, and the blocks of, matter after the operative part: unnumbered blocks after the last
    numbered paragraph when that paragraph, or the list it opens, ends the text with a full stop, up to the
    adoption lines; after a list, only from a block that opens with a capital (a tail runs on in lower case:
    "and to remain seized"). A text export prints a resolution's trailing tables so, one block each, as the
    model keeps them (unplaced): read as paragraphs or a tail they would be text the resolution never had."""
    last = next((i for i in range(len(items) - 1, -1, -1) if _NUMBERED.match(items[i][1])), None)
    if last is None:
        return items, []
    end = next((i for i in range(last + 1, len(items)) if closing_line(items[i][1])), len(items))
    listed = last + 1
    while listed < end and _LABELLED.match(items[listed][1]):
        listed += 1  # the last paragraph's own list
    rest = items[listed:end]
    if (
        not rest
        or not _ENDS_WITH_STOP.search(items[listed - 1][1])
        or (listed > last + 1 and not rest[0][1][:1].isupper())
        or any(_LABELLED.match(text) for _, text in rest)
        or any(table_index(text) is not None for _, text in rest)  # a table is placed, as Word's is
    ):
        return items, []
    return items[:listed] + items[end:], rest


_ENDS_WITH_COLON = re.compile(r":[\s\x01\x02\d]*$")  # a footnote placeholder may follow the colon
_OPENS_ADOPTED = re.compile(r"^(?:1\s*[.)]\s|We\b)")
# an adopted or annexed text in its own voice: "We, the Heads of State …", an oath ("I, [name], solemnly swear",
# "I solemnly declare")
SPEAKS_AS_WE = re.compile(r"^(?:We\b|I,|I [a-z])")


def _lists_documents(items: list[Item], i: int) -> bool:
    """Item i ends with a colon and only title lines follow it to the end: the list of documents a decision
    defers or takes note of ("Item 136", "Proposed programme budget for 2026", report titles), printed as
    issued, one line each, not as numbered paragraphs."""
    rest = [text for _, text in items[i + 1 :]]
    return (
        bool(rest)
        and bool(_ENDS_WITH_COLON.search(items[i][1]))
        and all(_title_like(text) and len(text) < 300 and not _PART_LETTER.match(text) for text in rest)
    )


def _adopts_text(items: list[Item], i: int) -> bool:
    """Item i ends the resolution's own text with a colon and a text it adopts follows: a title line (no
    number, no closing punctuation), then that text's first paragraph — numbered 1 again, spoken in its
    own voice ("We, the Heads of State ..."), or a preambular paragraph of its own ending in a comma. The
    text stands as an annex printed without the word "Annex", as the UN issues the Pact for the Future."""
    if i + 2 >= len(items) or not _ENDS_WITH_COLON.search(items[i][1]):
        return False
    title, after = items[i + 1][1], items[i + 2][1]
    return (
        _title_like(title)
        and len(title) < 300
        and not _PART_LETTER.match(title)
        and not APPENDIX_LINE.match(title)
        and not re.match(r"^\(?[a-z]{1,4}[.)]", title)  # "(a)": a subparagraph, not a title
        and (bool(_OPENS_ADOPTED.match(after)) or _one_line_ending_in_a_comma(after))
    )


def _one_line_ending_in_a_comma(text: str) -> bool:
    """`\\S.*,\\W*$` without its quadratic retries: a line that starts with a character and ends with a comma."""
    first, _, rest = text.partition("\n")
    return (
        first[:1].strip() != ""
        and ends_with_mark(first[1:], ",")
        and not any(c.isalnum() or c == "_" for c in rest)
    )


def _split_heading(item: Item) -> list[Item]:
    """ "Annex II" or a part's letter with its title in one block (no blank line between, as text copied from
    a PDF may come): the heading line and the title as two items."""
    first, text = item
    if first != text and (ANNEX_LINE.match(first) or _PART_LETTER.match(first)):
        rest = text[len(first) :].strip()
        # "Annex" alone on a block's first line heads whatever follows (a title that ends in ";" and goes on,
        # or the annex's first paragraph); a lone letter only heads a title
        if rest and (ANNEX_LINE.match(first) or _title_like(rest)):
            return [(first, first), (rest, rest)]
    return [item]


def build_annex(
    unit: Unit,
    markup: Callable[[str], str],
    *,
    council: bool = False,
    table: Callable[[str], Paragraph | None] = lambda text: None,
) -> Annex:
    """An annex's paragraphs from its blocks; `markup` turns read text into inline markup (footnote marks
    kept). Punctuation stays as written: the model keeps an annex as issued. `council`: a Security Council
    text, whose annexes pdftotext prints with a section's numeral and point alone on a line ("I.", S/2024/557)."""
    annex = Annex(title=markup(unit.title), labelled=unit.labelled)
    if unit.listed:
        annex.paragraphs = [table(text) or Paragraph(text=markup(text.strip())) for _, text in unit.items]
        for para in annex.paragraphs:
            para.numbered = False
        return annex
    builder = AnnexBuilder(annex)
    for _first, text in unit.items:
        if (cells := table(text)) is not None:  # a table whose cells tabs set apart (app.io.text_tables)
            builder.paragraph(cells, numbered=False)
            continue
        p = paragraph_of(text)
        plain = NOTE_MARK_RE.sub("", text)
        heading = annex_heading(plain, after_heading=bool(builder.heading))
        # an SC annex's "I." alone: its point is no full stop
        heading = heading or (council and bool(SECTION_MARK.match(plain.strip())))
        if heading and p.kind in ("heading", "plain"):  # "I" / "A." / "Guideline 1" over "Scope": headings
            builder.add_heading(*[markup(line) for line in heading_lines(text)])
            continue
        if p.kind == "sub" and builder.nodes:
            builder.subparagraph(Paragraph(text=markup(p.text.strip())), label=p.label)
            continue
        body = p.text.strip() if p.kind == "num" else text.strip()
        opener = ""
        m = OPENER_MARK.match(body)
        if m:  # an explicit italic opener, as the text writer prints one
            opener, body = m.group("t"), body[m.end() :].lstrip()
        builder.paragraph(Paragraph(opener=opener, text=markup(body)), numbered=p.kind == "num")
    return builder.finish()
