"""Plain text into the model: typed or pasted drafts, text copied from issued PDFs, and UN-XML renderings.

One reader serves all three, since they differ only in degree:

* typed drafts have a paragraph per line or per blank-line block, `*italic*` openers, `[54/54](#)` link marks,
  footnote markers as superscripts (¹²), `[1]` or digits after punctuation, and footnote texts anywhere;
* text from an issued PDF is hard-wrapped, carries page furniture (`app.io.pdf_text` removes it) and has its
  footnotes at page bottoms, marked in the body by digits glued to words ("Destruction,1");
* renderings of adopted resolutions have one block per line and footnotes at the end.

The text is cut into blocks and paragraphs by `app.io.text_blocks`, each paragraph's label and opener read by
`app.io.text_paragraphs`; this module places the footnotes and builds the model. Numbers, labels and terminal
punctuation are absorbed (the model never stores them). Whatever cannot be placed
is kept in `Resolution.unplaced` or reported as an `import.*` finding, never dropped silently.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from app import cancelling, inline, lexicon
from app.findings import Finding, Severity
from app.io import pdf_text, text_structure
from app.io.amendment_reader import instruction_sentence, replaces_title
from app.io.foreign_header import english_header
from app.io.header_lines import plain_lines
from app.io.headings import (
    SECTION_MARK,
    SEPARATOR,
)
from app.io.imported import ImportResult
from app.io.item_runs import rejoin_item_lines
from app.io.lone_markers import markers_on_own_lines
from app.io.note_markers import (
    SLASH_NOTE,
    markers,
    slash_marker,
    star_marks,
)
from app.io.pdf_tables import take_tables
from app.io.pdf_text import NOTE_START, PAGE_BREAK, SUPERSCRIPTS, RawNote, join_wrapped, note_label
from app.io.reading_order import (
    first_lines_set_after,
    label_pieces_apart,
    labels_rejoined,
    labels_set_after,
    wide_line_pieces,
)
from app.io.run_in_numbers import run_in_finding, split_run_in_numbers
from app.io.structure import (
    BULLETS,
    MAX_HEADING_CHARS,
    Nesting,
    heading_lines,
    restarts,
    section_heading,
    section_preamble,
    settle_opening_section,
)
from app.io.text_blocks import (
    DOUBLE_SPACE,
    Block,
    blank_line_blocks,
    cut_unbroken_header,
    displaced_run,
    header_end,
    known_start,
    label_alone,
    listed_apart,
    normalise,
    opens_labelled,
    part_a_apart,
    split_at_foreign_organ_line,
    split_block,
    starts_block,
    sub_label_alone,
)
from app.io.text_header import ORGANS, HeaderResult, note_not_draft, organ_template, parse_header
from app.io.text_joining import LineJoiner
from app.io.text_notes import NotePlacement
from app.io.text_paragraphs import (
    LANGUAGE,
    NOTE_MARK_RE,
    OPENER_MARK,
    ORGAN_LINE,
    Para,
    closing_line,
    ends_like_text,
    explicit_opener,
    listed_lines,
    long_numbers_in_sequence,
    long_numbers_set_apart,
    numbered_items,
    numbers_without_points,
    opener_in,
    organ_of,
    paragraph_of,
    runs_on_in_text,
    scanned_numbers,
    trailing_note,
    trailing_notes_start,
    unnumbered_operative_start,
)
from app.io.text_tables import EMPTY_ROW, TABLE_MARK, rows_of, table_index, table_item, table_runs
from app.io.typed_labels import TypedLabels
from app.io.unplaced_tables import table_as_text
from app.io.volume_pages import previous_item_cut, previous_item_finding
from app.languages import get_language, language_of_organ_line, language_of_sponsor_line
from app.messages import say, say_plural
from app.model import DocumentKind, Paragraph, Part, Resolution, ResolutionPart
from app.publication_titles import italicize_body_titles, italicize_note_titles
from app.punctuation import ends_with_mark
from app.templates import Template

MAX_CHARS = 5_000_000
# a meeting line, its date and a scan's page furniture (a note of 20 words at most); a longer "word" counts as
# one for each MAX_WORD_CHARS characters (a paragraph of one 3 MB run is no closing line, and is quoted in none)
MAX_CLOSING_WORDS = 60
MAX_WORD_CHARS = 20
_LINK = re.compile(r"\[([^\]\[]+)\]\((?:[^()\s]*)\)")
_MD_NOTE_DEF = re.compile(r"^\[\^(?P<label>[\w-]+)\]:\s*(?P<text>.*)$")
_SUPER_RUN = re.compile(f"[{SUPERSCRIPTS}]+")
_ITALIC = re.compile(r"(?<![\\*])\*(?=\S)(?P<t>[^*\n]*?\S)\*(?!\*)")


class Unarranged(Exception):
    """`read_text`'s `arrange` found no place for what it sets (an opened PDF's tables at their marks)."""


# characters the reader sets in the text as its own marks: \x01 and \x02 delimit a note's mark (NOTE_MARK), \x03
# stands for a page break (PAGE_BREAK) or a table (TABLE_MARK + its number), \x1a for a table's empty row; they
# print as nothing and XML cannot hold them, so a text's own (typed, pasted, a PDF's text layer) are dropped
_READERS_MARKS = dict.fromkeys(map(ord, "\x01\x02" + PAGE_BREAK + TABLE_MARK + EMPTY_ROW))


def read_text(text: str, *, arrange: Callable[[Resolution], bool] | None = None) -> ImportResult:
    """Read a resolution from plain text (typed draft, PDF text, or rendering of an adopted resolution).
    `arrange` changes the draft as read before the import settles its ends and says what it changed (an opened
    PDF's tables set at their marks: `app.io.pdf_grid_places`); when it returns False, Unarranged is raised."""
    from app.errors import InputError

    if len(text) > MAX_CHARS:
        raise InputError(say("the text is too long to be a resolution"))
    if not text.strip():
        raise InputError(say("the text is empty"))
    text = text.translate(_READERS_MARKS)  # the user's own would be taken for the reader's
    note = note_not_draft(text)
    if note:  # read as a resolution it would be a heap of operative paragraphs without openers
        raise InputError(
            say(
                "not a draft resolution, decision or amendment but a note (“{note}”): nothing to check",
                note=note,
            )
        )
    language = _text_language(text)
    token = LANGUAGE.set(language)
    try:
        result = _Reader(text, arrange=arrange).run()
    finally:
        LANGUAGE.reset(token)
    if (
        result.resolution.header.language == "en"
    ):  # an amendment's own wording may have said (amendment_reader)
        result.resolution.header.language = language
    italicize_note_titles(result.resolution)  # a text layer keeps no italics: titles cited in notes
    italicize_body_titles(result.resolution)  # and in paragraphs, after their openers
    _keep_if_nothing_placed(result, text)
    return result


def _keep_if_nothing_placed(result: ImportResult, text: str) -> None:
    """A text in which no paragraph could be told apart (a whole draft on one line, as some copies give it)
    read as an empty draft with no word said: its text is kept, unplaced, and the finding says why."""
    res = result.resolution
    if (
        res.title.strip()
        or res.unplaced
        or res.annexes
        or res.instructions
        or any(items for _, items in res.lists())
    ):
        return
    words = " ".join(text.split())
    if not any(c.isalnum() for c in words):
        return
    res.unplaced.append(words)
    result.findings.append(
        Finding(
            "import.unplaced",
            Severity.WARNING,
            say(
                "no title or paragraph could be told apart in this text (each paragraph starts a line of its own "
                "in a draft): the whole text is kept after the operative part, to be put in place"
            ),
        )
    )


def _listed(words: list[str]) -> dict[str, object]:
    """The fields of a message that lists words: the first eight (each once), "…" if there are more."""
    return {
        "shown": ", ".join(dict.fromkeys(words[:8])),
        "more": " …" if len(words) > 8 else "",
    }


def _text_language(text: str) -> str:
    """The language of a text: that of its organ line ("L’Assemblée générale,"), else of the kind its sponsor
    line names (an amendment has no organ line), else English."""
    by_sponsor_line = ""
    for line in text.splitlines():
        m = ORGAN_LINE.match(line.strip().replace("*", ""))
        if m and (m.group("organ") in ORGANS or m.group("foreign")):
            return language_of_organ_line(m.group("foreign")) if m.group("foreign") else "en"
        by_sponsor_line = by_sponsor_line or language_of_sponsor_line(line)
    return by_sponsor_line or "en"


def _blocks(lines: list[str], pages: list[int], *, council: bool = False) -> list[Block]:
    """The body's blocks, the header's cut from them (`council`: with the rules of Security Council texts)."""
    blocks = rejoin_item_lines(blank_line_blocks(lines, pages, council=council))
    return cut_unbroken_header(split_at_foreign_organ_line(blocks))


def _council(tpl: Template | None) -> bool:
    """A Security Council text, as its header (symbol, masthead or organ line) gives it: the readers' rules
    built from the Council's texts alone apply to it, never to another organ's."""
    return tpl is not None and tpl.organ == "Security Council"


def _council_body(
    head: HeaderResult, blocks: list[Block], split: int, lines: list[str], pages: list[int]
) -> list[Block]:
    """A Security Council text's body blocks read again with the Council's rules, once its header has said it is
    one (the header's blocks stay as read); [] for any other text."""
    if not _council(head.template):
        return []
    again = _blocks(lines, pages, council=True)
    return again[split:] if again[:split] == blocks[:split] else []


@dataclass
class _Reader:
    source: str
    findings: list[Finding] = field(default_factory=list)
    notes: list[RawNote] = field(default_factory=list)
    slash_notes: bool = False  # the notes are typed "1/ …" (documents of before about 2000)
    joiner: LineJoiner = field(default_factory=LineJoiner)  # lines into text, and what that changed
    # an amendment's body in reading order, and which of those paragraphs are instruction sentences
    amend_order: list[Paragraph] = field(default_factory=list)
    amend_sentences: set[str] = field(default_factory=set)
    amend_numbered: set[str] = field(default_factory=set)  # body paragraphs printed with a number label
    guessed_openers: set[str] = field(default_factory=set)  # openers found by the lexicon, not marked
    items: set[str] = field(default_factory=set)  # ids of bulleted or numbered items read as subparagraphs
    # paragraphs read so far whose opener the text marks in italics (`*Decides*`), and whose opener it does not
    openers_marked: int = 0
    openers_unmarked: int = 0
    tab_tables: list[list[list[str]]] = field(default_factory=list)  # tables whose cells tabs set apart
    arrange: Callable[[Resolution], bool] | None = None  # see `read_text`

    # ---- the whole run -------------------------------------------------------------------------------------------

    def _in_printed_order(self, lines: list[str], pages: list[int]) -> tuple[list[str], list[int]]:
        """A PDF's body lines with what its text layer set out of place put back: a paragraph's first line set
        after its last, a subparagraph's label after its first line, a wide line's words after the next line, a
        note's marker on a line of its own."""
        lines, pages = first_lines_set_after(lines, pages, label_alone, opens_labelled)
        cancelling.check()
        lines, pages = labels_set_after(lines, pages, sub_label_alone, opens_labelled)
        cancelling.check()
        lines, pages = wide_line_pieces(lines, pages, starts_block)
        return markers_on_own_lines(lines, pages, self.notes, LANGUAGE.get())

    def run(self) -> ImportResult:
        cleaned = pdf_text.clean(normalise(self.source))
        cancelling.check()  # between the passes over the text (each over all of it): the user may stop the read
        self.notes = cleaned.notes
        body_lines, body_pages = self._body_lines(cleaned)
        cancelling.check()
        blocks = _blocks(body_lines, body_pages)
        blocks, split = part_a_apart(blocks, header_end(blocks))
        part_a, part_title = text_structure.part_a_title([b.lines for b in blocks], split)
        head = self._head(blocks[: split - part_a], cleaned.job_number)
        res = Resolution(header=head.header, title=head.title, unplaced=list(head.unplaced))
        res.part_title = self._markup(
            self.joiner.join(part_title)
        )  # "A" and its title stand before the organ line
        body = blocks[split:]
        organ_line = ORGAN_LINE.match(body[0].first) if body else None
        if organ_line and not head.organ and not head.header.symbol:
            organ_template(head, organ_of(organ_line))  # no masthead: the organ line says who adopts
        body = _council_body(head, blocks, split, body_lines, body_pages) or body
        notes = NotePlacement(self.notes, self.findings, self._note_text, self.slash_notes)
        notes.place_header_notes(head, blocks[:split])
        res.title = notes.mark_title(res.title)
        for step in (notes.mark, notes.place_bare, notes.place_unmarked, notes.glue_again, notes.cite_again):
            cancelling.check()
            step(body)
        if self.joiner.extracted:
            cancelling.check()
            body = self._set_apart(res, body)
            cancelling.check()
            body = self._tables(res, body)
        cancelling.check()
        self._body(res, body, head.template, in_parts=bool(part_a))
        cancelling.check()
        notes.attach(res)
        if self.amend_sentences:
            from app.io.amendment_reader import read_body

            self.findings += read_body(
                res, self.amend_order, self.amend_sentences, self.amend_numbered, self.guessed_openers
            )
        if head.adopted:
            res.header.distribution = "Limited"
        self._note_import_changes()
        if self.arrange is not None and not self.arrange(res):
            raise Unarranged
        return ImportResult(res, self.findings, relabelled=self.items, adoption=head.adoption)

    def _body_lines(self, cleaned: pdf_text.Cleaned) -> tuple[list[str], list[int]]:
        """The cleaned text's lines (and their pages) with typed notes lifted out and what the text layer set
        out of place put back."""
        # a justified PDF line's text layer may set two spaces between words ("The  Security  Council,"): one
        # space, as typed; wider gaps stay (masthead columns)
        lines = [DOUBLE_SPACE.sub(" ", line) for line in cleaned.lines]
        body_lines, body_pages = self._lift_typed_notes(lines, cleaned.pages)
        cancelling.check()
        body_lines, body_pages = self._cut_and_split(body_lines, body_pages)
        cancelling.check()
        self.joiner.lines = body_lines
        self.joiner.note_layout(body_lines, cleaned.furniture)
        cancelling.check()
        if cleaned.furniture:
            body_lines, body_pages = self._in_printed_order(body_lines, body_pages)
            cancelling.check()
        return long_numbers_set_apart(body_lines, body_pages)

    def _head(self, head_blocks: list[Block], job_number: str) -> HeaderResult:
        """The header read from the blocks above the body."""
        head_lines = plain_lines([b.lines for b in head_blocks])
        if LANGUAGE.get() != "en":  # a French or Spanish masthead, in the words the header reader knows
            head_lines = english_header(head_lines, get_language(LANGUAGE.get()))
        head = parse_header(head_lines, join=self.joiner.join)
        self.findings += head.findings
        if job_number:
            head.header.job_number = job_number
        return head

    def _note_import_changes(self) -> None:
        """Findings that say what the reader changed on import: words closed up or hyphenated again, items."""
        if self.joiner.closed_up:
            self.findings.append(
                Finding(
                    "import.spaced-word",
                    Severity.INFO,
                    say_plural(
                        len(self.joiner.closed_up),
                        "{count} word the PDF text had broken apart with spaces was closed up on import "
                        "({shown}{more})",
                        "{count} words the PDF text had broken apart with spaces were closed up on import "
                        "({shown}{more})",
                        **_listed(self.joiner.closed_up),
                    ),
                )
            )
        if self.joiner.rehyphenated:
            self.findings.append(
                Finding(
                    "import.spaced-word",
                    Severity.INFO,
                    say_plural(
                        len(self.joiner.rehyphenated),
                        "{count} compound whose hyphen the PDF text had dropped at a line end was hyphenated "
                        "again on import ({shown}{more})",
                        "{count} compounds whose hyphen the PDF text had dropped at a line end were hyphenated "
                        "again on import ({shown}{more})",
                        **_listed(self.joiner.rehyphenated),
                    ),
                )
            )
        if self.items:
            self.findings.append(
                Finding(
                    "import.items",
                    Severity.INFO,
                    say(
                        "{items} bulleted or numbered items were read as subparagraphs; their labels ((a), (b) …) "
                        "and end punctuation are set when the document is printed",
                        items=len(self.items),
                    ),
                )
            )

    # ---- footnotes -----------------------------------------------------------------------------------------------

    def _lift_typed_notes(self, lines: list[str], pages: list[int]) -> tuple[list[str], list[int]]:
        """Footnote texts typed among the paragraphs ("¹ United Nations, …", "[^1]: …", "** …")."""
        out: list[str] = []
        out_pages: list[int] = []
        used_labels = _marker_labels("\n".join(lines))
        current: RawNote | None = None
        for line, page in zip(lines, pages, strict=True):
            s = line.strip()
            m = NOTE_START.match(s) if s and s != PAGE_BREAK else None
            md = _MD_NOTE_DEF.match(s) if s else None
            is_note = False
            if md:
                current = RawNote(md.group("label"), md.group("text").strip(), page)
                is_note = True
            elif m and (
                m.group("sup") or m.group("br") or (m.group("star") and m.group("star") in used_labels)
            ):
                current = RawNote(note_label(m), m.group("text").strip(), page)
                is_note = True
            elif current is not None and s and s != PAGE_BREAK and not starts_block(s):
                current.text = join_wrapped(current.text, s)
                continue
            if is_note and current is not None:
                self.notes.append(current)
                continue
            current = None
            out.append(line)
            out_pages.append(page)
        return self._lift_trailing_notes(out, out_pages)

    def _cut_and_split(self, lines: list[str], pages: list[int]) -> tuple[list[str], list[int]]:
        """The lines without the end of the item an annual volume prints before the resolution's heading, and
        with numbered paragraphs typed on one line set apart; a note for each."""
        lines, pages, cut = previous_item_cut(lines, pages)
        if cut:
            self.findings.append(previous_item_finding(cut))
        lines, pages, run_in = split_run_in_numbers(lines, pages)
        if run_in:
            self.findings.append(run_in_finding(run_in))
        return lines, pages

    def _lift_trailing_notes(self, lines: list[str], pages: list[int]) -> tuple[list[str], list[int]]:
        """Footnotes typed at the end without a rule: "1 A/80/83." (or "1/ S/25045." in documents typed before
        about 2000) lines numbered 1, 2, 3 after the text, a note's text wrapped onto the lines below it, taken
        as notes only when the text carries a marker for the first of them."""
        if any(n.label.isdigit() for n in self.notes):
            return lines, pages
        start = trailing_notes_start(lines)
        found: list[tuple[int, re.Match[str], list[str]]] = []  # a note's line, its match, its wrapped lines
        for i in range(start, len(lines)):
            s = lines[i].strip()
            m = trailing_note(s) if s else None
            if m and m.group("num"):
                found.append((i, m, []))
            elif s and found:
                found[-1][2].append(s)
            elif s:
                return lines, pages
        labels = [int(m.group("num")) for _, m, _ in found]
        if not labels or labels != list(range(labels[0], labels[0] + len(labels))):
            return lines, pages
        body = "\n".join(lines[:start])
        slash = found[0][1].re is SLASH_NOTE  # "1/ S/25045.": its marker is "1/"
        marker = slash_marker(str(labels[0])) if slash else markers(str(labels[0]), LANGUAGE.get())[1]
        if not marker.find(body):
            return lines, pages
        self.slash_notes = slash
        for i, m, wrapped in found:
            text = m.group("text").strip()
            for more in wrapped:
                text = join_wrapped(text, more)
            self.notes.append(RawNote(m.group("num"), text, pages[i]))
        return lines[:start], pages[:start]

    # ---- text ----------------------------------------------------------------------------------------------------

    def _note_text(self, text: str) -> str:
        """A note's text as the model holds it: broken words closed up, then markup."""
        return self._markup(self.joiner.close_up(text))

    def _markup(self, text: str) -> str:
        """Plain typed text to inline markup: `*italic*` kept, links reduced to their text, the rest escaped."""
        text = _LINK.sub(r"\1", text)
        if SEPARATOR.fullmatch(text):  # "***" alone (pdftotext closes up "* * *"): a separator, not italics
            return _escape_keep_marks(text)
        out: list[str] = []
        pos = 0
        for m in _ITALIC.finditer(text):
            out.append(_escape_keep_marks(text[pos : m.start()]))
            out.append("*" + _escape_keep_marks(m.group("t")) + "*")
            pos = m.end()
        out.append(_escape_keep_marks(text[pos:]))
        return "".join(out)

    # ---- the body ------------------------------------------------------------------------------------------------

    def _set_apart(self, res: Resolution, body: list[Block]) -> list[Block]:
        """Pieces of a line that a PDF's text layer set apart from it, between two paragraphs, are kept as
        unplaced text with a note, not read as paragraphs of their own."""
        kept: list[Block] = []
        apart: list[str] = []
        body = label_pieces_apart(body, label_alone)
        i = 0
        while i < len(body):
            end = displaced_run(body, i)
            if end > i and kept and ends_with_mark(NOTE_MARK_RE.sub("", kept[-1].lines[-1].strip()), ",;:."):
                apart += [self.joiner.join(b.lines) for b in body[i:end]]
                i = end
                continue
            kept.append(body[i])
            i += 1
        if apart:
            res.unplaced += [self._markup(text) for text in apart]
            self.findings.append(
                Finding(
                    "import.unplaced",
                    Severity.INFO,
                    say(
                        "{count} piece(s) of text the PDF's text layer set apart from their lines between two "
                        "paragraphs (“{first}” …) kept as unplaced text: put each where it belongs",
                        count=len(apart),
                        first=apart[0],
                    ),
                )
            )
        return labels_rejoined(kept, label_alone)

    def _tables(self, res: Resolution, body: list[Block]) -> list[Block]:
        """Tables of a PDF's text layer, a cell a line, kept whole as unplaced text, never as paragraphs of their
        own: a table paragraph (`Paragraph.table`) needs its rows and columns, which a cell a line does not give
        (the opened PDF's ruled grids, `app.io.pdf_grid`, give them and are table paragraphs); the checks do not
        read unplaced text."""
        found = take_tables(body)
        for table in found.tables:
            res.unplaced.append(self._markup(table_as_text([table])))  # its rows are lost: one row
            self.findings.append(
                Finding(
                    "import.table",
                    Severity.INFO,
                    say(
                        "a table of {count} cells (“{first}” …) kept whole as text after the resolution",
                        count=len(table),
                        first=table_as_text([table[:4]]),
                    ),
                )
            )
        return found.body

    def _body(
        self, res: Resolution, body: list[Block], tpl: Template | None, *, in_parts: bool = False
    ) -> None:
        paras: list[Para] = []
        if body and ORGAN_LINE.match(body[0].first):
            first_line = ORGAN_LINE.match(body[0].first)
            assert first_line
            if not first_line.group("rest"):  # the organ line alone; the block may go on with paragraphs
                body = (
                    [Block(body[0].lines[1:], body[0].pages[1:])] + body[1:]
                    if len(body[0].lines) > 1
                    else body[1:]
                )
            else:  # "The General Assembly, recalling …, decides …": a decision in one sentence
                m = ORGAN_LINE.match(self.joiner.join(body[0].lines))
                assert m
                paras.append(Para("decision", "", m.group("rest").strip()))
                body = body[1:]
        # a Security Council text ends with "Decides to remain seized of the matter.": what follows is annexed
        council = _council(tpl)
        chunks = [
            chunk
            for before, block in zip(["", *(b.lines[-1] for b in body)], cancelling.each(body), strict=False)
            for piece in self._tabbed_apart(block)
            for chunk in (
                [[piece]] if isinstance(piece, str) else split_block(piece, council=council, before=before)
            )
        ]
        chunks = listed_apart(chunks) if council else chunks  # lists of names: seen in the Council's texts
        items = [
            (chunk[0].strip(), text) for chunk in cancelling.each(chunks) if (text := self._chunk_text(chunk))
        ]
        lead = paras[-1].text if paras and paras[-1].kind == "decision" else ""
        amendment = res.header.kind is DocumentKind.AMENDMENT
        layout = text_structure.split_units(items, in_parts, lead, amendment=amendment, council=council)
        self._build(res, paras + self._paras(layout.main, council=council), tpl)
        for unit in layout.parts:  # parts B, C ...: each opens with its organ line
            part = Resolution(header=res.header)
            self._build(part, self._paras(unit.items[1:], council=council), tpl)
            res.later_parts.append(
                ResolutionPart(unit.title and self._markup(unit.title), part.preamble, part.operative)
            )
            res.unplaced += part.unplaced
        res.annexes += [
            text_structure.build_annex(unit, self._markup, council=council, table=self._table)
            for unit in layout.annexes
        ]
        if layout.trailing:
            res.unplaced += [self._markup(self._as_text(text)) for _, text in layout.trailing]
            self.findings.append(
                Finding(
                    "import.unplaced",
                    Severity.WARNING,
                    say_plural(
                        len(layout.trailing),
                        "{count} block after the last operative paragraph (“{first}”) kept as text at the "
                        "end: a table or other matter a text cannot place",
                        "{count} blocks after the last operative paragraph (from “{first}”) kept as text at the "
                        "end: a table or other matter a text cannot place",
                        first=self._as_text(layout.trailing[0][1])[:60],
                    ),
                    field="annex",
                )
            )
        if layout.unplaced:
            res.unplaced += [self._markup(self._as_text(text)) for _, text in layout.unplaced]
            self.findings.append(
                Finding(
                    "import.annex",
                    Severity.INFO,
                    say_plural(
                        len(layout.unplaced),
                        "{count} block (“{first}”) kept as text",
                        "{count} blocks from “{first}” on kept as text",
                        first=layout.unplaced[0][1],
                    ),
                )
            )

    def _tabbed_apart(self, block: Block) -> list[Block | str]:
        """The block with each table whose cells tabs set apart (`app.io.text_tables`) taken out as an item
        of its own, in its place."""
        runs = table_runs(block.lines)
        if not runs:
            return [block]
        out: list[Block | str] = []
        at = 0
        for start, end in runs:
            if start > at:
                out.append(
                    Block(
                        block.lines[at:start],
                        block.pages[at:start],
                        after_break=not out and block.after_break,
                    )
                )
            self.tab_tables.append(rows_of(block.lines[start:end]))
            out.append(table_item(len(self.tab_tables) - 1))
            at = end
        if at < len(block.lines):
            out.append(Block(block.lines[at:], block.pages[at:]))
        return out

    def _chunk_text(self, chunk: list[str]) -> str:
        if table_index(chunk[0]) is not None:
            return chunk[0]
        return self.joiner.join(
            [line.replace(EMPTY_ROW, "") for line in chunk]
        )  # never outside a table: a guard

    def _table(self, text: str) -> Paragraph | None:
        """The table paragraph a table item stands for (cells as markup), or None for any other text."""
        index = table_index(text)
        if index is None:
            return None
        return Paragraph(table=[[self._markup(cell) for cell in row] for row in self.tab_tables[index]])

    def _as_text(self, text: str) -> str:
        """An item as text to keep unplaced: a table as every reader keeps one (`table_as_text`)."""
        index = table_index(text)
        if index is None:
            return text
        return table_as_text(self.tab_tables[index])

    def _paras(self, items: list[tuple[str, str]], *, council: bool = False) -> list[Para]:
        paras: list[Para] = []
        for first, text in cancelling.each(items):
            if table_index(text) is not None:
                paras.append(Para("table", "", text))
                continue
            if SECTION_MARK.match(first) and len(text) < MAX_HEADING_CHARS and not ends_like_text(text):
                paras.append(Para("heading", "", text))  # "I" / "A." over a section title
                continue
            paras.append(paragraph_of(text))
        if council:  # a scan's "4," for "4.", "ll." for "11.": seen in the Council's adopted resolutions
            paras = scanned_numbers(paras)
        paras = numbered_items(numbers_without_points(long_numbers_in_sequence(paras)))
        return listed_lines(paras) if council else paras  # unlabelled lists of names: an SC shape

    def _build(self, res: Resolution, paras: list[Para], tpl: Template | None) -> None:
        placing = _Placing(self, res, paras, tpl)
        for i, p in enumerate(cancelling.each(paras)):
            placing.take(i, p)
        settle_opening_section(res.preamble, res.operative)
        self._left_over(res, placing.pending_heading, placing.closing)
        self.findings += placing.typed.settled()

    def _top(
        self, res: Resolution, p: Para, part: Part, tpl: Template | None, *, section_preambles: bool
    ) -> Paragraph:
        """A top-level paragraph, added to its part: numbered afresh after a "1." (a Fifth Committee section), or
        unnumbered when it is a section's own "Recalling …," among numbered operative paragraphs."""
        top = self._paragraph(p, part, tpl)
        if section_preambles and p.kind == "plain" and part is Part.OPERATIVE and not top.opener:
            own = self._paragraph(p, Part.PREAMBLE, tpl)  # "Reaffirming …," after "* * *", its opener plain
            top = own if section_preamble(own.opener, LANGUAGE.get()) else top
        items = res.part(part)
        top.restart = p.kind == "num" and part is Part.OPERATIVE and restarts(p.number, items)
        top.numbered = not (
            section_preambles
            and p.kind == "plain"
            and part is Part.OPERATIVE
            and bool(items)
            and section_preamble(top.opener, LANGUAGE.get())
        )
        items.append(top)
        if res.header.kind is DocumentKind.AMENDMENT:
            self.amend_order.append(top)
            if p.kind == "num":
                self.amend_numbered.add(top.id)
        return top

    def _left_over(self, res: Resolution, pending_heading: list[str], closing: list[str]) -> None:
        """A heading with no paragraph after it is kept as text; adoption lines are left out, with findings."""
        for heading in pending_heading:
            res.unplaced.append(heading)
            self.findings.append(
                Finding(
                    "import.unplaced",
                    Severity.WARNING,
                    say("“{heading}” kept as annex text", heading=heading),
                )
            )
        if closing:
            self.findings.append(
                Finding(
                    "import.closing",
                    Severity.INFO,
                    say("adoption lines left out (a draft has none): {lines}", lines=" / ".join(closing)),
                )
            )

    @staticmethod
    def _heading(p: Para, following: list[Para], pending: list[str], numbered: bool) -> bool:
        """An unnumbered block that is a heading line: the title under a section's numeral, or (in a numbered
        text) a title-like line right before a numbered paragraph ("Travel ban")."""
        text = NOTE_MARK_RE.sub("", p.text).strip()
        if SEPARATOR.fullmatch(text):
            return True  # "* * *" alone is never a paragraph of its own, nor "***" an italic "*"
        if closing_line(text) or explicit_opener(p.text):  # an italic opener opens a paragraph
            return False
        before_numbered = numbered and bool(following) and following[0].kind == "num"
        # an opener in italics, or (plain text has none) one the lexicon lists
        before_opener = (
            bool(following)
            and following[0].kind == "plain"
            and (
                bool(explicit_opener(following[0].text))
                or known_start(NOTE_MARK_RE.sub("", following[0].text))
            )
        )
        if pending:
            return not ends_like_text(text)
        return section_heading(
            text,
            after_heading=False,
            before_numbered=before_numbered,
            before_opener=before_opener,
            language=LANGUAGE.get(),
        )

    def _starts_paragraph(self, p: Para, part: Part, numbered: bool) -> bool:
        if part is Part.OPERATIVE and numbered:  # a paragraph is numbered there, or a section's own preamble
            return section_preamble(explicit_opener(p.text), LANGUAGE.get())
        if explicit_opener(p.text):
            return True
        if self.openers_marked and not self.openers_unmarked:
            return (
                False  # the text marks every opener: an unmarked line after a list ("States …;") is its tail
            )
        return bool(opener_in(inline.plain(p.text), part, None))

    def _paragraph(self, p: Para, part: Part, tpl: Template | None) -> Paragraph:
        text = p.text
        m = OPENER_MARK.match(text)
        if m:  # an explicit italic opener wins
            opener = m.group("t")
            rest = text[m.end() :]
            self.openers_marked += 1
        else:
            opener = opener_in(_plain_with_marks(text), part, tpl)
            if not opener and p.kind != "num":
                # an unnumbered paragraph with the other part's opener keeps it: a section's own preamble
                # ("Recalling" among operative paragraphs), or an operative verb misplaced in the preamble,
                # which the checks then name
                other = Part.OPERATIVE if part is Part.PREAMBLE else Part.PREAMBLE
                opener = opener_in(_plain_with_marks(text), other, tpl)
                opener = opener if lexicon.is_known(opener, other, LANGUAGE.get()) else ""
            rest = text[len(opener) :] if opener and _plain_with_marks(text).startswith(opener) else text
            left = NOTE_MARK_RE.sub("", rest).strip()
            if opener and not left.strip(",;:.") and left != ":" and " " in opener:
                # an opener is never the whole paragraph ("Decides to remain seized of the matter."), but is the
                # whole chapeau of a list ("Further decides:" over its subparagraphs)
                opener = opener_in(opener.split(" ")[0], part, tpl)
                rest = text[len(opener) :]
            if not rest.startswith((" ", ",", ";", ":", ".", "\x01")) and rest:
                opener, rest = "", text
            opener = inline.plain(self._markup(opener)) if opener else ""
            self.openers_unmarked += bool(opener)
            para = Paragraph(opener=_unescape(opener), text=self._finish(rest.lstrip()))
            if opener:
                self.guessed_openers.add(para.id)
            return para
        return Paragraph(opener=_unescape(opener), text=self._finish(rest.lstrip()))

    def _finish(self, text: str) -> str:
        """Markup with the punctuation as written (the import settles typed ends once: app/io/typed_ends.py)."""
        return self._markup(text.strip())


# ---- helpers ---------------------------------------------------------------------------------------------------


class _Placing:
    """The paragraphs of one text (or one part) placed in order into the resolution: headings held for the
    paragraph they stand over, subparagraphs nested under the open paragraph, tails and closing lines."""

    def __init__(self, reader: _Reader, res: Resolution, paras: list[Para], tpl: Template | None) -> None:
        self.reader = reader
        self.res = res
        self.paras = paras
        self.tpl = tpl
        self.numbered = any(p.kind == "num" for p in paras)
        self.amendment = res.header.kind is DocumentKind.AMENDMENT
        self.part = Part.PREAMBLE
        self.top: Paragraph | None = None
        self.nesting = Nesting()  # the open subparagraph lists under `top`
        self.nodes: list[Paragraph] = []  # the last paragraph placed at each depth, `top` first
        self.pending_heading: list[str] = []
        self.closing: list[str] = []
        self.held: list[
            tuple[int, Para]
        ] = []  # the paragraphs of `closing`, placed after all if the draft goes on
        self.held_words = 0  # the words held from the meeting line on
        # the last run of unnumbered paragraphs ending in "." or ";" is operative when nothing is numbered
        self.op_from = unnumbered_operative_start(paras) if not self.numbered else None
        self.prev_text = ""
        self.typed = TypedLabels()  # typed numbers and labels out of sequence
        self.title_quoted = False  # the last paragraph replaced a title: its new words come next

    def take(self, i: int, p: Para) -> None:
        """Place the paragraph `p`, the i-th."""
        if p.kind != "sub":
            self.prev_text = p.text
        if self.closing or closing_line(p.text):
            self.held_words += max(len(p.text.split()), len(p.text) // MAX_WORD_CHARS)
            self.held.append((i, p))
            if p.kind not in ("num", "sub") and self.held_words <= MAX_CLOSING_WORDS:
                self.closing.append(p.text)
                return
            # a number, or more words than an adopted text's closing lines (its meeting and date, a scan's page
            # furniture): the draft goes on, and the lines are its own (every paragraph from one typed mid-draft
            # on was left out, and a last paragraph opening "12th meeting")
            held, self.held, self.closing, self.held_words = self.held, [], [], 0
            for at, q in held:
                self._place(at, q)
            return
        self._place(i, p)

    def _place(self, i: int, p: Para) -> None:
        if p.kind == "table":
            self._table(p)
            return
        title_quoted, self.title_quoted = self.title_quoted, False
        if (
            p.kind == "heading"
            or (
                p.kind == "plain"
                and not title_quoted  # a title quoted after "Replace the title of annex II …:" is no heading
                and self.reader._heading(p, self.paras[i + 1 : i + 2], self.pending_heading, self.numbered)
            )
        ):
            self.pending_heading.append(p.text)
            return
        if self.amendment and p.kind in ("plain", "num") and instruction_sentence(p.text):
            self._instruction(p)
            return
        if p.kind == "decision":  # the organ line ran on: one operative sentence
            p = Para("plain", "", p.text)
            self.part = Part.OPERATIVE
        lead_in = self.part is Part.PREAMBLE and self._leads_numbered(i, p)
        if (
            p.kind == "num"
            or (self.op_from is not None and i >= self.op_from and p.kind == "plain")
            or lead_in
        ):
            self.part = Part.OPERATIVE
        if p.kind == "sub" and self.top is not None:
            self._sub(p, self.top)
        elif self._table_note(p):
            assert self.top is not None
            self.top.text = self.reader._finish(p.text)
        elif self.top is not None and self._is_tail(p):
            self._tail(p, self.top)
        else:
            self._open(p)
            if lead_in and self.top is not None:
                self.top.numbered = False  # printed with no number, as issued

    def _leads_numbered(self, i: int, p: Para) -> bool:
        """ "Resolves that:" right over "1. The Working Capital Fund shall …" (A/RES/78/256): a paragraph with an
        operative opener no preamble uses, ending in a colon just before the first numbered paragraph, is the
        operative part's first, leading the numbered ones."""
        if p.kind != "plain" or not p.text.rstrip().endswith(":"):
            return False
        if not (following := self.paras[i + 1 : i + 2]) or following[0].kind != "num":
            return False
        opener = opener_in(p.text, Part.OPERATIVE, self.tpl)
        return bool(opener) and not lexicon.is_known(opener, Part.PREAMBLE, LANGUAGE.get())

    def _table(self, p: Para) -> None:
        """A table in its place, under the headings held for it; a list right after it hangs under it, as the
        Word reader hangs one."""
        table = self.reader._table(p.text)
        assert table is not None
        table.heading = "\n".join(
            self.reader._markup(line) for h in self.pending_heading for line in heading_lines(h)
        )
        self.pending_heading.clear()
        self.res.part(self.part).append(table)
        self.nesting.reset()
        self.nodes = [table]
        self.top = table

    def _instruction(self, p: Para) -> None:
        sentence = Paragraph(text=self.reader._markup(p.text.strip()))  # read into instructions after notes
        self.title_quoted = replaces_title(p.text)
        self.res.part(self.part).append(sentence)
        self.reader.amend_order.append(sentence)
        self.reader.amend_sentences.add(sentence.id)
        self.top = None

    def _sub(self, p: Para, top: Paragraph) -> None:
        if not self.nesting.lists and runs_on_in_text(top.text, p.label):
            # "(b) …" at a line start after "(a) …" ran into the paragraph's own words: the same run-in list
            top.text = f"{top.text.rstrip()} {p.label} {self.reader._finish(p.text)}"
            return
        node = Paragraph(text=self.reader._finish(p.text))
        if p.item or p.label in BULLETS:
            self.reader.items.add(node.id)
        nodes = self.nodes
        depth = self.nesting.place(p.label, nest=NOTE_MARK_RE.sub("", self.prev_text).rstrip().endswith(":"))
        nodes[depth - 1].subparagraphs.append(node)
        self.typed.label(node, p.label, self.nesting.in_order, depth, len(nodes[depth - 1].subparagraphs))
        nodes[depth:] = [node]
        self.prev_text = p.text

    def _table_note(self, p: Para) -> bool:
        """Unnumbered text right under a table that opens no paragraph: the table's note ("a Member States in
        level H …"), which the text export prints there."""
        top = self.top
        return (
            top is not None
            and top.is_table
            and not top.text
            and not top.subparagraphs
            and p.kind == "plain"
            and not self.pending_heading
            and not self.reader._starts_paragraph(p, self.part, self.numbered)
        )

    def _is_tail(self, p: Para) -> bool:
        """A plain paragraph that continues the open one after its subparagraphs."""
        return (
            p.kind == "plain"
            and self.nesting.lists
            and not self.pending_heading  # text under a heading opens a paragraph
            and not self.reader._starts_paragraph(p, self.part, self.numbered)
        )

    def _tail(self, p: Para, top: Paragraph) -> None:
        last = self.nodes[-1]
        if last is not top and NOTE_MARK_RE.sub("", last.text).rstrip().endswith(":"):
            # an item's own chapeau under its heading ("(d) Supporting …:" / "To carry out …:"): no
            # tail follows a colon
            last.text = f"{last.text.rstrip()} {self.reader._finish(p.text)}"
            self.prev_text = p.text
            return
        top.tail = self.reader._finish(p.text)
        self.nesting.reset()

    def _open(self, p: Para) -> None:
        """A new top-level paragraph, under the headings held for it."""
        reader, part = self.reader, self.part
        top = reader._top(self.res, p, part, self.tpl, section_preambles=self.numbered and not self.amendment)
        if p.kind == "num" and part is Part.OPERATIVE and not self.amendment:
            self.typed.number(top, p.number, self.res.part(part))
        top.heading = "\n".join(
            reader._markup(line) for h in self.pending_heading for line in heading_lines(h)
        )
        self.pending_heading.clear()
        self.nesting.reset()
        self.nodes = [top]
        self.top = top


def _plain_with_marks(text: str) -> str:
    return _LINK.sub(r"\1", text)


def _marker_labels(text: str) -> set[str]:
    labels = {
        m.group(0).translate(str.maketrans(SUPERSCRIPTS, "0123456789")) for m in _SUPER_RUN.finditer(text)
    }
    return labels | star_marks(text)


# the page-1 note a reissued document's symbol and job number point at: "* Second reissue for technical reasons
# (12 November 2025)."


def _escape_keep_marks(text: str) -> str:
    """Escape markup characters, leaving typed escapes (\\*, \\[) as they are."""
    return re.sub(
        r"\\[*\[\\]|[*\[\\]", lambda m: m.group(0) if len(m.group(0)) == 2 else "\\" + m.group(0), text
    )


def _unescape(text: str) -> str:
    return re.sub(r"\\([*\[\\])", r"\1", text)
