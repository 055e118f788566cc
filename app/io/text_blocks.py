"""Plain text into blocks: blank-line blocks, then each block split where a new paragraph, heading, title or
label starts, and the masthead cut from the body.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from app.formatting import letters, roman
from app.io import text_structure
from app.io.amendment_reader import opens_instruction
from app.io.headings import (
    SECTION_MARK,
    SEPARATOR,
    UNIT_LABEL,
    annex_or_appendix,
)
from app.io.pdf_text import PAGE_BREAK, SUPERSCRIPTS
from app.io.spaced_words import ISE_ENDING
from app.io.structure import (
    BULLETS,
    MAX_HEADING_CHARS,
    label_readings,
)
from app.io.text_header import ORGANS
from app.io.text_paragraphs import (
    BARE_NUMBER,
    BULLET,
    INSTRUCTION,
    LANGUAGE,
    NOTE_MARK_RE,
    NUMBER,
    OPENER_MARK,
    ORGAN_LINE,
    RUN_IN_LABEL,
    STRICT_ORGAN,
    SUB_DOT,
    SUB_PAREN,
    closing_line,
    ends_like_text,
    last_paragraph,
    listed_text,
    opener_in,
    organ_of,
    sub_match,
)
from app.io.text_tables import empty_rows_kept
from app.model import Part
from app.punctuation import ends_with_mark


@dataclass
class Block:
    """Lines that stand together in the text, with the page each comes from."""

    lines: list[str]
    pages: list[int]
    after_break: bool = False

    @property
    def first(self) -> str:
        return self.lines[0].strip()


# zero-width and direction marks, joiners, invisible operators and noncharacters: dropped
_NO_MARKS = dict.fromkeys(
    map(ord, "\u180e\u200b\u200c\u200d\u200e\u200f\u2060\u2061\u2062\u2063\u2064\ufeff\ufffe\uffff")
)
# but the invisible separators (zero width space, invisible separator, the old Mongolian vowel separator) between
# two words are the space a PDF's text layer gave so, or a copy from a web page: "all\u200bStates" reads as two
# words (Word and the UN XML reader keep the character as the file has it: it prints as nothing there too)
_MARK = "[\u200c-\u200f\u2060-\u2062\u2064\ufeff]"
_SEPARATOR = "[\u180e\u200b\u2063]"
_WORD_BREAK = re.compile(
    f"(?<=[^\\W_]|[,;:.!?)\\]}}”’»%–—]){_MARK}*{_SEPARATOR}(?:{_MARK}|{_SEPARATOR})*(?=[^\\W_]|[(\\[{{“‘«–—])"
)
# but inside a word, PDF viewers built on PDFium (Chrome's, Edge's) give U+FFFE for a hyphen the PDF prints with
# no character code (the UN's non-breaking hyphens: "high\ufffelevel", "COVID\ufffe19"): it is that hyphen
_UNCODED_HYPHEN = re.compile("(?<=[^\\W_])[\ufffe\uffff](?=[^\\W_])")
DOUBLE_SPACE = re.compile(r"(?<=\S)  (?=\S)")
_LINE_BREAKS = re.compile(
    "\r\n|[\r\u2028\u2029\x85\x0b\x1c-\x1e]"
)  # every line break str.splitlines knows but \f (a page)


def printed_characters(text: str) -> str:
    """The text without the characters a copy adds that print as nothing (a space for an invisible separator
    between words, nothing inside one), and with a PDF's uncoded hyphens."""
    return _WORD_BREAK.sub(_word_break, _UNCODED_HYPHEN.sub("-", text)).translate(_NO_MARKS)


def _word_break(m: re.Match[str]) -> str:
    """A space, unless the letters on both sides make one word the lists hold ("Assem\u200bbly": a PDF or a
    web page set a break opportunity inside "Assembly") and the two pieces are not both words ("all\u200bStates",
    "some\u200bthing" stay two words: a separator between words is the likelier)."""
    text = m.string
    start, end = m.start(), m.end()
    while (
        start > 0 and text[start - 1].isalpha()
    ):  # back to the previous break: each letter read once or twice
        start -= 1
    while end < len(text) and text[end].isalpha():
        end += 1
    left, right = text[start : m.start()], text[m.end() : end]
    if not left or not right:
        return " "
    from app.io.invisible_words import one_word  # the word lists load only when a separator sits in letters

    return "" if one_word(left, right) else " "


def normalise(text: str) -> list[str]:
    text = printed_characters(_LINE_BREAKS.sub("\n", text)).replace("\xa0", " ")
    lines = text.split("\n")
    if lines and lines[0].startswith("# source:"):
        lines = lines[1:]
    return empty_rows_kept(lines, [line.rstrip() for line in lines])


def blank_line_blocks(lines: list[str], pages: list[int], *, council: bool = False) -> list[Block]:
    """Blank-line separated blocks; a page break continues the block unless a new paragraph starts there.
    `council`: a Security Council text (its header says so), where a title line alone at a page's top heads the
    paragraph under it; seen in SC drafts only, it is kept off the General Assembly's texts."""
    blocks: list[Block] = []
    current: Block | None = None
    broke = False
    for i, (line, page) in enumerate(zip(lines, pages, strict=True)):
        s = line.strip()
        if s == PAGE_BREAK:
            if current is not None:
                blocks.append(current)
                current = None
            broke = True
            continue
        if not s:
            if current is not None:
                blocks.append(current)
                current = None
            continue
        if current is not None and (STRICT_ORGAN.match(s) or _instruction_under_title(current, s)):
            # the organ line always starts a block, blank line or not, and so does an amendment's first instruction
            blocks.append(current)
            current = None
        if current is None:
            if (
                broke
                and blocks
                and _continues(blocks[-1], s, _next_text(lines, i))
                and not (council and _heading_after_break(blocks[-1], lines, i))
            ):
                current = blocks.pop()
            elif not broke and blocks and _runs_on(blocks[-1], s) and not _annex_title(blocks):
                current = blocks.pop()  # a blank line inside a paragraph (some extractors put them there)
            else:
                current = Block([], [], after_break=broke)
            broke = False
        current.lines.append(line)
        current.pages.append(page)
    if current is not None:
        blocks.append(current)
    # a label alone ("1.", "(a)") belongs to the block after it, also when it ends a block of its own lines
    merged: list[Block] = []
    for block in blocks:
        if merged and _label_only(merged[-1]):
            merged[-1].lines += block.lines
            merged[-1].pages += block.pages
            continue
        if merged and len(merged[-1].lines) > 1 and _LABEL_LINE.fullmatch(merged[-1].lines[-1].strip()):
            block.lines.insert(0, merged[-1].lines.pop())
            block.pages.insert(0, merged[-1].pages.pop())
        elif merged and len(merged[-1].lines) > 1 and SECTION_MARK.match(merged[-1].lines[-1].strip()):
            # a part's letter or a section's numeral that ends a block stands alone, as a blank line sets it
            merged.append(Block([merged[-1].lines.pop()], [merged[-1].pages.pop()]))
        merged.append(block)
    return merged


# a label alone on its line: "1.", "(a)", "(aa)", "(iv)", "a.", "aa.", "iv.", a bullet glyph (a word such as "in."
# is none; nor is a dash, which may be a rule)
_LABEL_LINE = re.compile(
    r"(?:[•◦▪‣⁃\uf0b7]|\d{1,3}\.|\((?:[a-z]|([a-z])\1|[ivxlc]{1,5})\)|[a-z]\.|([a-z])\2\.|[ivxlc]{1,4}\.)"
)


def _label_only(block: Block) -> bool:
    # a label holds no space, so only a block of one line can be one: a long block is never joined to be asked
    return len(block.lines) == 1 and bool(_LABEL_LINE.fullmatch(block.lines[0].strip()))


def _heading_after_break(prev: Block, lines: list[str], i: int) -> bool:
    """Is lines[i], the first line of a page, a heading over the paragraph below it rather than more of the
    paragraph that ended the page before with a comma or semicolon? A title line alone, a blank line under it,
    then a line that opens a paragraph (PyMuPDF: "…by 2020," / page / "Current situation" / "" / "Welcoming …",
    S/2018/693)."""
    if not (_title_line(lines[i]) and ends_with_mark(NOTE_MARK_RE.sub("", prev.lines[-1]).strip(), ",;")):
        return False
    if i + 1 >= len(lines) or lines[i + 1].strip():
        return False  # the title's line is alone: a blank line under it
    following = next((x.strip() for x in lines[i + 2 : i + 2 + _BLANKS_UNDER_HEADING] if x.strip()), "")
    return bool(following) and starts_block(following)


_BLANKS_UNDER_HEADING = 4  # MuPDF sets two or three blank lines between a heading and its paragraph


def _next_text(lines: list[str], i: int) -> str:
    """The first line with text after lines[i], among the next few (a page's blank lines); "" when none."""
    return next((x.strip() for x in lines[i + 1 : i + 1 + _BLANKS_UNDER_HEADING] if x.strip()), "")


def _continues(prev: Block, line: str, following: str = "") -> bool:
    """Does the text after a page break continue the paragraph before it? `following`: the next line with text."""
    last = prev.lines[-1].strip()
    if _label_only(prev):
        return True
    if list_opens(last, line):
        return False
    if not ends_with_mark(NOTE_MARK_RE.sub("", last).rstrip(SUPERSCRIPTS + " "), ",;:."):
        return not _numbered_opening(last, line, following)
    if line[:1].islower():
        return True
    if NUMBER.match(line) or sub_match(line) or OPENER_MARK.match(line) or closing_line(line):
        return False
    if last.endswith(".") and line[:1].isupper():
        return False
    return not opener_in(line, Part.PREAMBLE, None) and not opener_in(line, Part.OPERATIVE, None)


def _numbered_opening(last: str, line: str, following: str) -> bool:
    """Does a page open with an operative paragraph ("1." alone, then "Underlines …"; or "1. Underlines …")
    although the page before ended mid-phrase? pdftotext sets the words of a justified last line out of order,
    and the preamble's closing comma with them ("Determined / disarmament, / to / work …  of nuclear"); a
    number and an operative opener after it open a paragraph unless the page before ended on a reference's
    words ("paragraph", "and", a figure)."""
    num = NUMBER.match(line)
    if not num or _CITED_BEFORE.search(last):
        return False
    rest = line[num.end() :].strip() or following
    return bool(rest) and bool(opener_in(rest, Part.OPERATIVE, None))


# what a reference's letter follows when a line breaks before it: "paragraph 4 / (a) of resolution …"
# the separator line as the SC drafts print it, spaced ("* * *") or closed up by pdftotext ("***")
# where an opened PDF's table stood (app.io.pdf_grid_places): the mark stands apart, as the table did
GRID_MARK = re.compile(r"\u27e6T\d+\u27e7\.")
_STARS_LINE = re.compile(r"\*(?: ?\*){2}")
_CITED_BEFORE = re.compile(r"(?:\d|\b(?:sub)?paragraphs?|\barticles?|\band|\bor|[,(])$", re.IGNORECASE)


def list_opens(last: str, line: str) -> bool:
    """Does `line` open a list's first item ("(a) prioritize …", "(i) the Government …") after `last`, also where
    the chapeau lost its colon ("… shall")? After a number or "paragraph" the letter is a reference's, and after
    a line that broke off mid-phrase ("… and the") the line runs on."""
    m = SUB_PAREN.match(line)
    last = last.rstrip()
    return (
        bool(m)
        and m.group("l") in ("a", "i")
        and not (_CITED_BEFORE.search(last) or _BROKEN_OFF.search(last))
    )


def _runs_on(prev: Block, line: str) -> bool:
    """After a blank line: does the text go on with the paragraph before? Only when that paragraph has not
    ended (no terminal punctuation) and the line does not open a paragraph of its own."""
    last = NOTE_MARK_RE.sub("", prev.lines[-1].strip()).rstrip(SUPERSCRIPTS + " ")  # "…children;¹" has ended
    first = prev.lines[0].strip()
    in_list = bool(
        SUB_PAREN.match(first) or SUB_DOT.match(first) or BULLET.match(first)
    )  # a preambular subparagraph ends with ","
    if last.endswith(",") and line[:1].islower() and not starts_block(line) and not in_list:
        return True  # "…all their civil," / "political, economic …"
    if not last or ends_with_mark(last, ",;:.!?") or _label_only(prev) or annex_or_appendix(last):
        return False
    if SECTION_MARK.match(line) or annex_or_appendix(line):
        return False  # a part's letter, a section numeral, an annex heading stand alone
    if line[:1].isupper() and _heading_line(prev):
        return False  # a short line alone ("Guideline 4", "Scope") is a heading, not a wrapped line
    if len(prev.lines) == 1 and len(last) > 110 and line[:1].isupper():
        return False  # longer than a printed line: a whole block of text set one block per line
    if STRICT_ORGAN.match(last) or STRICT_ORGAN.match(line) or starts_block(line) or closing_line(line):
        return False
    from app.io.text_header import _classify as header_kind

    if header_kind(last) != "text" or header_kind(line) != "text":
        return False  # masthead and agenda lines stand alone
    return line[:1].islower() or not SECTION_MARK.match(last)


_BROKEN_OFF = re.compile(
    r"\b(?:the|of|and|or|to|in|for|a|an|with|on|by)$"
)  # a line that broke off mid-phrase


def _heading_line(block: Block) -> bool:
    """A block of one short line that neither ends a sentence nor breaks off mid-phrase: a heading."""
    last = NOTE_MARK_RE.sub("", block.lines[-1].strip()).rstrip(SUPERSCRIPTS + " ")
    return (
        len(block.lines) == 1
        and 0 < len(last) < 40
        and last[:1].isupper()
        and not ends_with_mark(last, ",;:.!?")
        and not starts_block(last)
        and not (sub_match(last) or _BROKEN_OFF.search(last))
    )


def _annex_title(blocks: list[Block]) -> bool:
    """The last block is a title under an "Annex" line, a part's letter or a section numeral ("I"): the text
    after it is not its tail."""
    if len(blocks[-1].lines) > 1 and (
        annex_or_appendix(blocks[-1].first) or SECTION_MARK.match(blocks[-1].first)
    ):
        return True  # the heading line and its title in one block
    if len(blocks) >= 2 and _adopted_title(blocks[-2], blocks[-1]):
        return True
    if len(blocks) < 2 or len(blocks[-2].lines) != 1:
        return False
    return bool(annex_or_appendix(blocks[-2].first) or SECTION_MARK.match(blocks[-2].first)) or (
        len(blocks[-1].lines) == 1
        and _heading_line(blocks[-2])  # "Guideline 6" over its title
        and not opens_labelled(
            blocks[-1].first
        )  # a numbered paragraph's first line under "Reporting" is none
    )


def _adopted_title(before: Block, block: Block) -> bool:
    """`block` is the title of a text the paragraph `before` adopts ("Adopts the following outcome document
    …:" over "Outcome document of the high-level meeting …"): a few lines that do not open a paragraph."""
    last = NOTE_MARK_RE.sub("", before.lines[-1]).rstrip(SUPERSCRIPTS + " ")
    first = block.first
    return (
        last.endswith(":")
        and len(block.lines) <= 4
        and first[:1].isupper()
        and not (NUMBER.match(first) or SUB_PAREN.match(first) or starts_block(first))
        # a title never breaks off mid-phrase ("To carry out … in support of the" / "implementation of …:")
        and not _BROKEN_OFF.search(NOTE_MARK_RE.sub("", block.lines[-1]).strip())
    )


_ITEM_JOINED = re.compile(r"[,;]\s+(?:and|or)$")
MAX_PIECE_WORDS = 10  # the words of a displaced piece of a line: never a paragraph's worth


def displaced_run(body: list[Block], start: int) -> int:
    """The end of a run of short blocks from `start` that start in small letters and end no sentence, followed
    by a block that opens a paragraph (or by nothing): pieces of lines set apart. `start` when there is none."""
    words = 0
    end = start
    # a piece may be set one word a line ("to" / "facilitate" / "the prevention, mitigation, and"): the words count
    while end < len(body) and len(body[end].lines) <= MAX_PIECE_WORDS:
        text = NOTE_MARK_RE.sub(
            "", " ".join(x.strip() for x in body[end].lines)
        ).strip()  # note markers aside
        words += len(text.split())
        # a piece ends with no mark; a paragraph's tail after its list ends as the paragraph does ("the,")
        if not text[:1].islower() or ends_with_mark(text, ".,;:") or words > MAX_PIECE_WORDS:
            break
        end += 1
    following = body[end].first if end < len(body) else ""
    return end if end > start and (not following or starts_block(following)) else start


def split_block(block: Block, *, council: bool = False, before: str = "") -> list[list[str]]:
    """A block with a paragraph per line (typed text without blank lines) splits at each new paragraph
    (`council`: a Security Council text, where nothing runs on from its last paragraph; `before`: the last line
    of the block before, so that a title set apart from the paragraph adopting it still splits from its text)."""
    chunks: list[list[str]] = [[]]
    run_in_labels = _RunInLabels()  # of chunks[-1]
    lines = block.lines
    # with the line before: "Adopts the following declaration:" / "" / "Declaration on …" / "1." / "We, …"
    context, at = ([before, *lines], 1) if before.strip() else (lines, 0)
    long_lines = sum(len(x) > 110 for x in lines) >= max(1, len(lines) // 2)
    for i, line in enumerate(lines):
        s = line.strip()
        if i and chunks[-1]:
            prev = lines[i - 1].strip()
            ends = (
                ends_with_mark(_BARE_END_MARK.sub("", NOTE_MARK_RE.sub("", prev)), ",;:.")
                and not _LABEL_LINE.fullmatch(prev)
                and not _unit_title_goes_on(chunks[-1])
            )
            sub = sub_match(s)
            run_in = bool(sub) and run_in_labels.continued_by(s)
            # a label at a line start inside a run-in list ("there are: (a) …; (b) …") only wraps there
            label = bool(NUMBER.match(s) or (sub and not run_in) or OPENER_MARK.match(s) or closing_line(s))
            opens = ends and (
                label
                or (long_lines and opener_in(s, Part.PREAMBLE, None))
                or known_start(s)
                or _point_lost(s)
                or _next_preambular(chunks[-1], prev, s)
            )
            # a paragraph typed on one line whose end the text lost ("… whether and how the mission’s" / "(ii)
            # coordination …", an SC draft): the next item's label at a line start opens it
            # (seen in SC drafts only: the Council's texts alone are gated on it)
            opens = opens or bool(council and sub and not run_in and _typed_line_cut(prev))
            # the item before the last ends "…, and" / "…; or": the next labelled line is the last item
            opens = opens or bool(sub and not run_in and _ITEM_JOINED.search(NOTE_MARK_RE.sub("", prev)))
            opens = opens or (not run_in and list_opens(NOTE_MARK_RE.sub("", prev), s))
            # a heading ("Reporting") or an item that heads a list, alone before a labelled line
            headed = (label or known_start(s)) and (
                _heads_a_list(chunks[-1], s)
                or _titles_a_mark(chunks[-1], ends)
                or (len(chunks[-1]) == 1 and _title_line(prev))
            )
            # a title alone between two paragraphs ("Countries in special situations")
            titled_apart = ends and _titles_apart(s) and known_start(_next_line(lines, i))
            # "* * *" stands alone: after the paragraph it closes (only the three stars seen there, after a full
            # paragraph's end: "**" or a star that closes a line may be a note's marker), and before the one it opens
            separated = (ends and bool(_STARS_LINE.fullmatch(s))) or (
                chunks[-1] == [lines[i - 1]] and SEPARATOR.fullmatch(prev)
            )
            separated = separated or bool(GRID_MARK.fullmatch(s) or GRID_MARK.fullmatch(prev))
            # with no blank lines about them: "Annex", a part's or section's mark, and a title a paragraph
            # adopts, each stand apart
            under_mark = _titles_a_mark(chunks[-1], ends)
            # (or after an adopted part's closing lines: "41st plenary meeting" / "10 December 2020" / "B")
            marked = _mark_line(s) and (
                ends or under_mark or _heading_line(Block(chunks[-1], [0])) or closing_line(chunks[-1][0])
            )
            marked = marked or (annex_or_appendix(s) and not _BROKEN_OFF.search(prev))  # after adoption lines
            # the text under a mark's title: a paragraph that opens as paragraphs do, or in its own voice
            marked = marked or (
                under_mark
                and (
                    starts_block(s)
                    or bool(text_structure.SPEAKS_AS_WE.match(s))
                    or (council and _after_title(chunks[-1], s))
                )
            )
            titled = _adopted_title_at(context, i + at) or (
                _opens_adopted(s) and _title_before(context, i + at)
            )
            # nothing runs on from the paragraph that ends an SC resolution: an annex follows ("Contents")
            closed = (
                council
                and ends
                and len(chunks[-1]) <= 3
                and last_paragraph(" ".join(x.strip() for x in chunks[-1]))
            )
            if opens or headed or separated or closed or marked or titled or titled_apart:
                chunks.append([])
            elif (
                label
                and len(chunks[-1]) > 1
                and _heads_a_list([prev], s)
                and ends_with_mark(lines[i - 2], ";:.")
                and not _unit_title_goes_on(chunks[-1][:-1])
            ):  # ended (a comma may end a line inside one)
                chunks[-1].pop()  # a heading between a paragraph that ended and a labelled one
                chunks += [[lines[i - 1]], []]
            elif (
                (num := NUMBER.match(s))
                and (s[num.end() :][:1].isupper() or not s[num.end() :].strip())  # "1." alone: text below
                and (k := _heading_before(chunks[-1], chunks[-2][-1] if len(chunks) > 1 else before))
            ):
                # a heading of one or two lines between the preamble's last paragraph and "1. Urges …"
                heading = chunks[-1][-k:]
                del chunks[-1][-k:]
                chunks += [heading, []]
        if not chunks[-1]:
            run_in_labels = _RunInLabels()
        chunks[-1].append(line)
        run_in_labels.add(line)
    return [c for c in chunks if c]


PRINTED_LINE_CHARS = 95  # an L document's line holds about 90 characters


# a PDF's text layer keeps the printed lines: at most a few in a hundred run longer (pdftotext's joins, 8 % in
# the issued drafts and resolutions read); a text with a paragraph to a line (saved from Word) has most
MAX_LONG_SHARE = 0.25


def hard_wrapped(lines: list[str]) -> bool:
    """Whether the lines are printed lines (a PDF's text layer), not a paragraph each."""
    kept = [line for line in lines if line.strip()]
    return sum(len(line.strip()) > PRINTED_LINE_CHARS for line in kept) <= MAX_LONG_SHARE * len(kept)


MIN_PRINTED_WRAPS = 10  # a few wrapped lines may be typed; a page's worth is a printed page's


def printed_wraps(lines: list[str]) -> bool:
    """Whether the lines are a PDF's printed lines copied without its page furniture (a delegate's selection in
    a viewer, a page of it): at least a fifth of the lines, and ten or more, stop mid-sentence at about a
    printed line's length with the sentence going on in small letters on the next line. A draft typed a
    paragraph a line has none."""
    kept = [line.strip() for line in lines if line.strip()]
    wraps = sum(
        PRINTED_LINE_CHARS * 2 // 3 <= len(line) <= PRINTED_LINE_CHARS
        and not ends_with_mark(line, ",;:.")
        and nxt[:1].islower()
        for line, nxt in zip(kept, kept[1:], strict=False)
    )
    return wraps >= max(MIN_PRINTED_WRAPS, len(kept) // 5)


def _titles_apart(line: str) -> bool:
    """A title between a paragraph that ended and one that opens with an opener: a short heading line, or one as
    long as a printed line that opens no paragraph ("Humanitarian situation and displacement and development
    issues" over "Welcoming …")."""
    return _heading_line(Block([line], [0])) or (_title_line(line) and not starts_block(line))


def _instruction_under_title(block: Block, line: str) -> bool:
    """An amendment's first instruction right under its title, no blank line between (pdftotext: "External debt
    sustainability and development" / "Delete operative paragraphs 3, 43 and 45."): the title's last line ends no
    sentence and no phrase, and the instruction opens in the set wording."""
    if not opens_instruction(line):  # first: the set wording is rare, and this runs on every line
        return False
    last = NOTE_MARK_RE.sub("", block.lines[-1]).strip()
    return bool(last) and not ends_with_mark(last, ",;:.") and not _BROKEN_OFF.search(last)


def _title_line(line: str) -> bool:
    """A line that could be a heading's title: a capital first, no longer than a printed line, ending no
    sentence and not breaking off mid-phrase."""
    text = NOTE_MARK_RE.sub("", line).strip()
    return (
        0 < len(text) <= PRINTED_LINE_CHARS
        and text[:1].isupper()
        and not ends_with_mark(text, ",;:.")
        and not _BROKEN_OFF.search(text)
    )


_INLINE_LABEL = re.compile(r"(?<=\s)\((?P<l>[a-z]{1,5}|[ivxlc]{1,6})\)\s")


class _RunInLabels:
    """The run-in list of a chunk read so far ("there are: (a) …; (b) …"): whether one opens in it and the labels
    standing inside its text. Kept line by line, each line read with the end of the text before it (a label
    may open on one line and close on the next), so a line costs itself, not the chunk."""

    REACH = 64  # longer than any run-in label with the words before it (": and (viii) ")

    def __init__(self) -> None:
        self.tail = ""
        self.opened = False
        self.labels: set[str] = set()

    def add(self, line: str) -> None:
        text = f"{self.tail} {line}" if self.tail else line
        self.opened = self.opened or RUN_IN_LABEL.search(text) is not None
        self.labels.update(x.group("l") for x in _INLINE_LABEL.finditer(text))
        self.tail = text[-self.REACH :]

    def continued_by(self, line: str) -> bool:
        """Does `line`'s label go on with the run-in list, the label before it standing inside the chunk's
        text? A set-apart "(b)" after "(a) … by: (i) …; (ii) …" does not."""
        m = sub_match(line)
        if not m or not self.opened:
            return False
        for kind, index in label_readings(f"({m.group('l')})"):
            if (
                index > 1
                and (letters(index - 1) if kind.startswith("letter") else roman(index - 1)) in self.labels
            ):
                return True
        return False


def _next_line(lines: list[str], i: int) -> str:
    return lines[i + 1].strip() if i + 1 < len(lines) else ""


def _mark_line(line: str) -> bool:
    """ "Annex II", "Appendix", "B", "IV.": a line that heads what follows and stands alone."""
    s = line.strip()
    return bool(annex_or_appendix(s) or SECTION_MARK.match(s))


MAX_TITLE_LINES = 6  # the longest annex title and subtitle seen run to five lines


def _titles_a_mark(chunk: list[str], ends: bool) -> bool:
    """Is `chunk` a section's or an annex's mark and its title ("II" over "Implementation of the Durban
    Declaration …"), a few lines that end no sentence?"""
    return not ends and 1 < len(chunk) <= 1 + MAX_TITLE_LINES and _mark_line(chunk[0])


def listed_apart(chunks: list[list[str]]) -> list[list[str]]:
    """The lines a paragraph lists after its colon with no labels, each a chunk of its own where no blank line
    parts them ("Mr. Adolphus Godwin KARIBI-WHYTE (Nigeria)" / "Mr. Valentin G. KISILEV (Russian Federation)",
    S/RES/857 (1993)): whether they are the paragraph's items is `text_paragraphs.listed_lines`'s to say."""
    out: list[list[str]] = []
    listing = False
    for chunk in chunks:
        if listing and len(chunk) > 1 and all(listed_text(x) for x in chunk):
            out += [[x] for x in chunk]
            continue
        out.append(chunk)
        last = NOTE_MARK_RE.sub("", chunk[-1]).strip()
        listing = last.endswith(":") or (listing and len(chunk) == 1 and listed_text(last))
    return out


def _typed_line_cut(line: str) -> bool:
    """A line longer than a printed one (a paragraph typed on one line) that ends no sentence, and not on a word a
    reference's label follows ("paragraph", "and", a number) or one that breaks off mid-phrase ("the"): its end
    was lost, and a label after it opens an item of its own."""
    text = NOTE_MARK_RE.sub("", line).strip()
    return (
        len(text) > 2 * PRINTED_LINE_CHARS
        and not ends_with_mark(text, ",;:.")
        and not (_CITED_BEFORE.search(text) or _BROKEN_OFF.search(text))
    )


def _after_title(chunk: list[str], line: str) -> bool:
    """Is `line`, under the mark and title lines of `chunk`, the first line of the text under them rather than
    more of the title? Where no blank line parts them (pdftotext, PDFium): a line in small letters after a title
    in capitals ("THE HOUTHIS, AKA: ANSARALLAH, …" over "The Houthis have engaged in acts …", S/2022/158), or a
    line of two thirds of a printed line or more after a one-line title of under half its length ("Delisting
    procedures" over "The Focal Point is authorized to carry out the tasks …", S/2024/557). A title that wraps
    sets its lines to one measure."""
    title = [x.strip() for x in chunk[1:]]
    if not (title and line[:1].isupper()):
        return False
    if not any(c.islower() for x in title for c in x) and any(c.islower() for c in line):
        return True
    return len(title) == 1 and len(line) >= PRINTED_LINE_CHARS * 2 // 3 and 2 * len(title[0]) < len(line)


def _adopted_title_at(lines: list[str], i: int) -> bool:
    """Do lines[i:] open the title of a text that the paragraph ending at lines[i - 1] with a colon adopts
    ("Adopts the following political declaration:" over "Political declaration of …" over "1.")? A few
    capitalised lines that end no sentence, then the adopted text's first line: where the text has no blank
    lines, the title starts a block of its own, and so does that line."""
    before = NOTE_MARK_RE.sub("", lines[i - 1]).rstrip(SUPERSCRIPTS + " ")
    if not before.endswith(":") or not lines[i].strip()[:1].isupper():
        return False
    if _unit_title_goes_on(lines[max(0, i - 3) : i]):
        return False  # the colon is inside a budget unit's title
    for j in range(i, min(i + MAX_TITLE_LINES, len(lines))):
        s = lines[j].strip()
        if j > i and _opens_adopted(s):
            return True
        if ends_with_mark(NOTE_MARK_RE.sub("", s), ",;:.") or opens_labelled(s):
            return False
    return False


def _opens_adopted(line: str) -> bool:
    """The first line of a text a paragraph adopts, under its title: "1.", "We, the Heads of State …", or an
    opener ("Recalling …")."""
    return bool(NUMBER.match(line) or text_structure.SPEAKS_AS_WE.match(line)) or known_start(line)


def _title_before(lines: list[str], i: int) -> bool:
    """Is lines[i] the numbered line under a title that `_adopted_title_at` set apart: the first line after the
    title that opens the adopted text ("1." alone, then "We, the Heads …", is one paragraph's)?"""
    return any(
        _adopted_title_at(lines, k) and not any(_opens_adopted(lines[j].strip()) for j in range(k + 1, i))
        for k in range(max(1, i - MAX_TITLE_LINES), i)
    )


def _heading_before(chunk: list[str], before: str = "") -> int:
    """How many last lines of `chunk` (one to three: "Role of the Department … among" / "civilizations …" /
    "nations", A/RES/75/101 B) are a heading over the numbered line that follows: the line before them ended a
    paragraph (a comma too: the preamble's last), and they start with a capital, end without punctuation and
    do not break off mid-phrase. A stack that opens with a budget unit's label is taken whole, four lines at
    most ("Part XII" / "Safety and security" / "Section 34" / "Safety and security", A/RES/80/242), also where
    it is all of `chunk` and `before`, the last line of the chunk before it, ended a paragraph. 0 when they
    are none."""
    found = 0
    for k in range(1, MAX_HEADING_LINES + 1):
        above = chunk[-k - 1] if len(chunk) > k else before if len(chunk) == k else ""
        if not ends_with_mark(NOTE_MARK_RE.sub("", above).strip(), ",;:."):
            continue
        text = " ".join(x.strip() for x in chunk[-k:])
        if (
            len(text) < MAX_HEADING_CHARS
            and text[:1].isupper()
            and not ends_with_mark(text, ",;:.!?")
            and not _BROKEN_OFF.search(text)
            and not any(starts_block(x.strip()) for x in chunk[-k:])
        ):
            if UNIT_LABEL.match(chunk[-k].strip()):
                return k
            if not found and k < MAX_HEADING_LINES and len(chunk) > k:
                found = k
    return found


MAX_HEADING_LINES = 4  # a budget unit's stack: "Part XII" / its title / "Section 34" / its title


def _unit_title_goes_on(chunk: list[str]) -> bool:
    """A unit's title broken after a colon ("Section 11" / "… the African Union’s Agenda 2063:" / "The Africa We
    Want"): the colon ends no paragraph."""
    return chunk[-1].rstrip().endswith(":") and any(UNIT_LABEL.match(x.strip()) for x in chunk[-3:-1])


def _heads_a_list(chunk: list[str], line: str) -> bool:
    """Do the lines of `chunk` head the labelled `line` rather than run on into it? A heading alone on its line
    ("Reporting") over a numbered paragraph; an item that is a heading ("(a) Protection of civilians", on one
    line or two) over the first item of its own list ("(i) To protect …"). Neither ends in punctuation nor
    breaks off mid-phrase."""
    if len(chunk) > 2:
        return False  # neither a heading nor a heading item: checked first, so a long chunk costs nothing
    chunk = [x.strip() for x in chunk]
    if len(chunk) == 1 and _heading_line(Block(chunk, [0])):
        return True
    text = " ".join(chunk)
    m = sub_match(text)
    sub = sub_match(line)
    if not m or not sub:
        return False
    rest = text[m.end() :]
    first = sub.group("l") in BULLETS or any(index == 1 for _, index in label_readings(f"({sub.group('l')})"))
    return (
        first and rest[:1].isupper() and not ends_with_mark(rest, ",;:.!?") and not _BROKEN_OFF.search(rest)
    )


def split_at_foreign_organ_line(blocks: list[Block]) -> list[Block]:
    """A French or Spanish masthead runs into its organ line in one block (the masthead words are not
    English, so nothing ends the header): the organ line starts a block of its own."""
    if LANGUAGE.get() == "en":
        return blocks
    for bi, block in enumerate(blocks):
        for li, line in enumerate(block.lines):
            m = ORGAN_LINE.match(line.strip())
            if li and m and m.group("foreign"):
                head = Block(block.lines[:li], block.pages[:li], block.after_break)
                rest = Block(block.lines[li:], block.pages[li:])
                return [*blocks[:bi], head, rest, *blocks[bi + 1 :]]
    return blocks


MASTHEAD_BLOCKS = 8  # symbol, "United Nations", organ, distribution and date, job number, barcode, ...


def cut_unbroken_header(blocks: list[Block]) -> list[Block]:
    """Text without blank lines and without an organ line (an amendment, say): cut the block after the
    sponsor line and the title lines that follow it, where the first paragraph starts."""
    from app.io.text_header import _KIND_END, sponsor_line

    if any(ORGAN_LINE.match(b.first) for b in blocks) or any(sponsor_line(" ".join(b.lines)) for b in blocks):
        return blocks
    # the masthead may stand in blocks of its own (pdftotext sets a blank line between its lines)
    for bi, block in enumerate(blocks[:MASTHEAD_BLOCKS]):
        for li, line in enumerate(block.lines[:80]):
            if not _KIND_END.search(line):
                continue
            for start in range(li + 1, len(block.lines)):
                s = block.lines[start].strip()
                if NUMBER.match(s) or known_start(s) or INSTRUCTION.match(s) or opens_instruction(s):
                    head = Block(block.lines[:start], block.pages[:start])
                    rest = Block(block.lines[start:], block.pages[start:])
                    sponsor = Block(head.lines[: li + 1], head.pages[: li + 1])
                    title = Block(head.lines[li + 1 :], head.pages[li + 1 :])
                    parts = [b for b in (sponsor, title) if b.lines]
                    return blocks[:bi] + parts + [rest] + blocks[bi + 1 :]
            return blocks
    return blocks


def part_a_apart(blocks: list[Block], split: int) -> tuple[list[Block], int]:
    """Text with no blank line between the header and the organ line (pdftotext): part A's letter and title at
    the end of the header's last block ("75/101. Questions relating to information" / "A" / "Information in the
    service of humanity") stand apart, in a block of their own before the organ line, as they do where blank
    lines set them off. Returns the blocks and where the body starts."""
    if not 0 < split <= len(blocks):
        return blocks, split
    block = blocks[split - 1]
    tail = block.lines[-1 - MAX_TITLE_LINES :]
    for k in range(len(tail) - 2, -1, -1):  # the letter, then a title's lines that end no sentence
        title = [line.strip() for line in tail[k + 1 :]]
        if tail[k].strip() == "A" and all(_title_line(line) for line in title):
            at = len(block.lines) - len(tail) + k
            if at == 0:
                return blocks, split
            head = Block(block.lines[:at], block.pages[:at])
            part = Block(block.lines[at:], block.pages[at:])
            return [*blocks[: split - 1], head, part, *blocks[split:]], split + 1
    return blocks, split


def label_alone(line: str) -> bool:
    """A paragraph's number or a subparagraph's label alone on its line ("4.", "(a)", "•")."""
    return _label_only(Block([line], [0]))


def sub_label_alone(line: str) -> bool:
    """A subparagraph label alone on its line ("(i)", "•"; not a paragraph number, whose line may follow a
    heading)."""
    return _label_only(Block([line], [0])) and not NUMBER.match(line)


def opens_labelled(line: str) -> bool:
    return bool(NUMBER.match(line) or sub_match(line) or SUB_DOT.match(line))


def starts_block(line: str) -> bool:
    """A line that opens a paragraph (so it cannot continue a footnote typed without a blank line after it)."""
    return (
        bool(NUMBER.match(line) or sub_match(line) or OPENER_MARK.match(line) or STRICT_ORGAN.match(line))
        or known_start(line)
        or opens_instruction(line)
    )


def _point_lost(line: str) -> bool:
    """ "11 Condemns …" at a line start: a paragraph number whose point the issued text lost, before an opener the
    lexicon lists (`numbers_without_points` numbers it when it is the next number; pdftotext sets no blank line
    before it, so it opens a paragraph here or is read into the one before)."""
    m = BARE_NUMBER.match(line)
    return bool(m) and known_start(line[m.end() :])


# a note's marker pdftotext sets bare after a paragraph's comma at a line end ("… nuclear arsenals, 5")
_BARE_END_MARK = re.compile(r"(?<=[,;:.]) \d{1,3}$")
# a participle that opens a preambular paragraph, followed by a word in lower case or a figure ("Trusting that",
# "Seized of the", "Marking 30 years"); not a name's, whose next word but a small one is capitalized ("Financing
# for Development", "Production, Stockpiling and Use of Chemical Weapons")
_PARTICIPLE_START = re.compile(
    r"(?P<word>[A-Z][a-z]{2,}(?:ing|ed)) (?!(?:and|or|of|for|in|on|to|with) [A-Z])(?:[a-z]|\d)"
)


def _next_preambular(chunk: list[str], prev: str, line: str) -> bool:
    """A preambular paragraph that ended with a comma, then a line opening with a participle the lexicon does
    not list ("Trusting that …", "Seized of …", "Disappointed at …"): the next preambular paragraph. The
    participle must be an English word (not a place's name) and the paragraph before must open with an opener
    the lexicon knows, so that a name's participle inside a list of names does not split it."""
    from app.spelling.lexicon import english

    m = _PARTICIPLE_START.match(line)
    if not (m and _BARE_END_MARK.sub("", NOTE_MARK_RE.sub("", prev)).endswith(",") and chunk):
        return False
    first = chunk[0].strip()
    return (
        known_start(first)
        and bool(opener_in(first, Part.PREAMBLE, None))
        and english().known(m.group("word").lower())
    )


def known_start(line: str) -> bool:
    """Does a line open with an opener the lexicon lists (not just a word ending in -ed or -s)?"""
    from app.lexicon import adverbs, phrases

    global _HEADS
    if _HEADS is None:
        _HEADS = (
            frozenset(p.split()[0].lower() for part in Part for p in phrases(part) if p.split())
            | frozenset(seq[0] for seq in adverbs() if seq)
            | frozenset(("also", "further", "noting"))
        )
    first = line.split(" ", 1)[0].lower().rstrip(",;:")
    # a sponsor's -ise spelling ("Recognising") opens as the -ize one the lexicon lists does
    if (first not in _HEADS and ISE_ENDING.sub("iz", first) not in _HEADS) or not line[:1].isupper():
        return False
    return bool(opener_in(line, Part.PREAMBLE, None) or opener_in(line, Part.OPERATIVE, None))


_HEADS: frozenset[str] | None = None


def header_end(blocks: list[Block]) -> int:
    """Index of the first body block: the organ line; else what follows the sponsor line and title; else the
    first numbered or opener-led paragraph."""
    from app.io.text_header import sponsor_line

    for i, block in enumerate(blocks):
        m = ORGAN_LINE.match(block.first)
        if m and (organ_of(m) in ORGANS or (m.group("comma") and len(block.first) < 70)):
            return i
    joined = [" ".join(x.strip() for x in b.lines) for b in blocks]
    for i, text in enumerate(joined):
        if sponsor_line(text):
            j = i + 1
            while j < len(blocks) and not ends_like_text(joined[j]) and not NUMBER.match(joined[j]):
                j += 1
            return j
    for i, text in enumerate(joined):
        if NUMBER.match(text) or OPENER_MARK.match(text) or opens_instruction(text):
            return i
        if (
            ends_like_text(text)
            and opener_in(text, Part.PREAMBLE, None)
            and not _classify_header_line(blocks[i].first)
        ):
            return i
    return 0


def _classify_header_line(line: str) -> bool:
    from app.io.text_header import _classify as classify_header

    return classify_header(line) != "text"
