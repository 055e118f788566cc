"""The Word reader's body: preambular and operative paragraphs, their subparagraphs and tails placed by label,
list level, indent and style, and what follows the operative part kept as unplaced text with findings."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from app import cancelling, inline, lexicon
from app.digits import to_int
from app.findings import Finding, Severity
from app.io.amendment_reader import instruction_sentence
from app.io.docx_lines import (
    ANNEX_STYLES,
    DIGITS,
    LONG_NUMBER,
    NOTE_STYLE,
    PPOP,
    RULE,
    SECTION_STYLE,
    SUB_STYLE,
    TAIL_STYLE,
    TOP_STYLES,
    has_italic_opener,
    label_end,
    markup,
    note_text,
    strip_label,
)
from app.io.docx_lines import kind as _kind  # the old names: functions here have locals kind and spans
from app.io.docx_lines import spans as _spans
from app.io.docx_tables import read_table
from app.io.headings import SECTION_MARK, TRAILING_MATTER
from app.io.span_text import as_written_markup, split_opener, tidy
from app.io.structure import Nesting, restarts, section_heading, section_preamble
from app.io.typed_labels import TypedLabels
from app.io.unplaced_tables import table_as_text
from app.io.wordml import Line, Piece, Styles, header_line
from app.messages import Message, say
from app.model import DocumentKind, Paragraph, Part, Resolution
from app.render import join_opener


@dataclass
class State:
    res: Resolution
    findings: list[Finding]
    part: Part = Part.PREAMBLE
    stack: list[Paragraph] = field(default_factory=list)  # current paragraph at each depth
    indents: list[int | None] = field(default_factory=list)  # the left indent of each of those
    nesting: Nesting = field(default_factory=Nesting)  # the subparagraph lists open under the paragraph
    lexicon_openers: int = 0
    lexicon_ids: set[str] = field(default_factory=set)
    levels: dict[int, int] = field(
        default_factory=dict
    )  # label depth → depth it was placed at, this paragraph
    italic_openers: bool = False  # the file marks openers in italics: no lexicon guessing for new paragraphs
    styled: bool = False  # paragraph styles of Resolute's exporter say which part each paragraph is in
    heading: list[str] = field(default_factory=list)  # a section heading waiting for its first paragraph
    # an amendment's body in reading order, and which of those paragraphs are instruction sentences
    amend_order: list[Paragraph] = field(default_factory=list)
    amend_sentences: set[str] = field(default_factory=set)
    amend_numbered: set[str] = field(default_factory=set)  # body paragraphs printed with a number label
    # numbers and labels typed by hand (not Word numbering) out of sequence: one record for the whole reading
    typed_labels: TypedLabels = field(default_factory=TypedLabels)
    styles: Styles | None = None  # the file's styles: whether a table's first row is bold (its header)

    def bold(self, line: Line) -> bool | None:
        return header_line(line, self.styles).bold if self.styles is not None else None


def _opener_from_lexicon(spans: list[inline.Span], part: Part) -> tuple[str, str] | None:
    """Opener and rest from the lexicon, for text without italics."""
    if not spans or spans[0].footnote:
        return None
    first = spans[0].text.lstrip()
    found = lexicon.detect_opener(first, part)
    if not found or not first.startswith(found):
        return None
    rest = [inline.Span(first[len(found) :].lstrip(), spans[0].italic), *spans[1:]]
    return found, as_written_markup(rest)


def _looks_operative(spans: list[inline.Span]) -> bool:
    first = spans[0].text.strip() if spans and not spans[0].footnote else ""
    if not first:
        return False
    if spans[0].italic:
        return lexicon.is_known(first, Part.OPERATIVE) and not lexicon.is_known(first, Part.PREAMBLE)
    op = lexicon.detect_opener(first, Part.OPERATIVE)
    return bool(op) and not lexicon.detect_opener(first, Part.PREAMBLE)


def _make(spans: list[inline.Span], part: Part, top: bool, state: State) -> Paragraph:
    spans = tidy(spans)
    if has_italic_opener(spans):
        opener, text = split_opener(spans)
        return Paragraph(opener=opener, text=text)
    if top and not state.styled:  # Resolute's own export writes every opener in italics: no guessing
        found = _opener_from_lexicon(spans, part)
        if found:
            state.lexicon_openers += 1
            para = Paragraph(opener=found[0], text=found[1])
            state.lexicon_ids.add(para.id)
            return para
    return Paragraph(text=as_written_markup(spans))


def _append_tail(para: Paragraph, spans: list[inline.Span]) -> None:
    more = as_written_markup(spans)
    if not more:
        return
    if para.subparagraphs:
        para.tail = f"{para.tail} {more}".strip() if para.tail else more
    else:
        para.text = f"{para.text} {more}".strip() if para.text else more


def _where(state: State) -> Message:
    items = state.res.part(state.part)
    if state.part is Part.PREAMBLE:
        return (
            say("after preambular paragraph {n}", n=len(items))
            if items
            else say("at the start of the preamble")
        )
    return (
        say("after operative paragraph {n}", n=len(items))
        if items
        else say("at the start of the operative part")
    )


def _star_note(line: Line, state: State) -> bool:
    from app.formatting import behalf_note
    from app.io.text_header import STAR_BEHALF

    plain = line.plain.strip()
    if not plain.startswith("*"):
        return False
    behalf = STAR_BEHALF.match(plain.lstrip("* \t"))
    if behalf:
        state.res.header.on_behalf_of = behalf.group(1).strip()
        written = plain.lstrip("* \t")
        state.res.header.sponsor_note = "" if written == behalf_note(behalf.group(1).strip()) else written
        return True
    return False


def _indent_depth(line: Line, state: State) -> int:
    """A depth from indentation alone: deeper than the paragraph above it by more than a few points."""
    if line.left is None or not state.indents or state.indents[0] is None:
        return 0
    depth = 0
    for level, indent in enumerate(state.indents):
        if indent is not None and line.left > indent + 100:
            depth = level + 1
    return depth


def _tail_owner(line: Line, state: State) -> int | None:
    """The depth (1 or more) of the open subparagraph whose indent this unlabeled line shares, when that
    subparagraph has subparagraphs of its own: the line is then its tail."""
    if line.style == TAIL_STYLE:
        return None
    m = re.fullmatch(r"UNSubparagraph(\d)", line.style)  # Resolute's exporter: the style names the level
    if m:
        k = min(int(m.group(1)), len(state.stack) - 1)
        return k if k >= 1 and state.stack[k].subparagraphs else None
    if line.left is None:
        return None
    for k in range(len(state.stack) - 2, 0, -1):
        indent = state.indents[k]
        if indent is not None and abs(indent - line.left) <= 40 and state.stack[k].subparagraphs:
            return k
    return None


def _is_section_heading(line: Line, plain: str, state: State, following: Line | None = None) -> bool:
    """A section heading: Resolute's heading style, or a line `app.io.structure.section_heading` takes for one
    once the body has begun (a numeral line, the title after it, a title-like line over a numbered paragraph)."""
    if line.style == SECTION_STYLE:
        return True
    if line.label or line.in_table or _quoted_next(state) or _opens_with_italic_opener(line):
        return False
    if not (state.res.preamble or state.res.operative or state.heading or SECTION_MARK.match(plain)):
        return False  # before the first paragraph only a section's numeral opens a heading
    numbered_next = following is not None and (
        bool(following.label) or bool(re.match(r"\d{1,3}\.\s", following.plain.strip()))
    )
    return section_heading(plain, after_heading=bool(state.heading), before_numbered=numbered_next)


def _opens_with_italic_opener(line: Line) -> bool:
    """A paragraph whose opener is set in italics ("*Recalling also* …"), however short: never a heading's line
    (an italic title such as "*Follow-up*" is no opener the lexicons know)."""
    first = next((p for p in line.pieces if p.text.strip()), None)
    if first is None or not first.italic or first.note:
        return False
    return any(lexicon.is_known(first.text.strip().rstrip(","), part) for part in Part)


def _quoted_next(state: State) -> bool:
    """Right after an amendment's sentence that quotes ("… insert a new preambular paragraph reading:"): the
    line is the quoted paragraph, however short ("*Recalling* the work"), never a heading."""
    last = state.amend_order[-1] if state.amend_order else None
    return last is not None and last.id in state.amend_sentences and last.text.rstrip().endswith(":")


def _next_line(lines: list[Line], i: int) -> Line | None:
    """The next line with text after line i."""
    return next((line for line in lines[i + 1 : i + 4] if line.plain.strip()), None)


def _blank(line: Line, plain: str) -> bool:
    return (
        not any(p.note for p in line.pieces)
        and (not plain or bool(RULE.match(plain)))
        and (line.style != SECTION_STYLE)
    )


def _table_note(line: Line) -> bool:
    return line.style == NOTE_STYLE and not line.num_id


def _table_notes_end(lines: list[Line], i: int) -> int:
    """The index after the run of a table's notes starting at lines[i] (empty lines and rules among them)."""
    end = i
    while end < len(lines) and not lines[end].in_table:
        if not (_table_note(lines[end]) or _blank(lines[end], lines[end].plain.strip())):
            break
        end += 1
    return end


def place(
    lines: list[Line], state: State, typed: dict[str, str], texts: dict[str, str], numbered_doc: bool
) -> list[Line]:
    """Place body lines; returns the lines left over after the resolution (annex, tables after it)."""
    res = state.res
    after_table = 0  # the lines of a table just placed
    table = None  # that table, until a line other than its notes is placed
    for i, line in enumerate(lines):
        cancelling.check()
        if i < after_table:
            continue
        # a table first in the preamble too: its first cell was read as a paragraph of its own, the rest a table
        if line.in_table:
            table, after_table = read_table(
                lines, i, lambda cell: markup(cell, typed), state.findings, state.bold
            )
            table.heading, state.heading = "\n".join(state.heading), []  # a section's heading over a table
            res.part(state.part).append(table)
            state.stack = []  # a list after the table opens under no paragraph printed before it
            continue
        plain = line.plain.strip()
        if _blank(line, plain):
            continue  # an empty line or a rule; "* * *" in our heading style is a heading of the preamble
        if table is not None and _table_note(line):
            # the notes under the table ("a Member States in level H* …"): the table's, printed after it as
            # written; read at once (joined note by note, each copied all the notes before it)
            after_table = _table_notes_end(lines, i)
            notes = [markup(x, typed) for x in lines[i:after_table] if _table_note(x)]
            table.text = " ".join(t for t in (table.text, *notes) if t)
            continue
        table = None
        if (res.operative or res.preamble) and (TRAILING_MATTER.match(plain) or line.style in ANNEX_STYLES):
            return lines[i:]
        if _aside(line, plain, state, typed, texts):
            continue
        if _is_section_heading(line, plain, state, _next_line(lines, i)):
            state.heading.append(markup(line, typed))
            continue
        kind, value, pieces = _label_of(line, plain, state)
        spans = _spans(pieces, typed)
        depth = _label_depth(line, kind, value, spans, state)
        if depth == -1:  # unlabeled: a paragraph, a subparagraph by its indent, or the tail of one
            depth = _unlabelled(line, spans, state, numbered_doc)
        if depth is None:
            continue
        if depth > 0 and not state.stack and state.amend_sentences:
            depth = 0  # a subparagraph an amendment quotes on its own
        if depth == 0:
            _add_paragraph(line, kind, value, spans, state, numbered_doc)
        else:
            _add_subparagraph(line, depth, spans, state)
        if kind and not line.label and not PPOP.match(plain + " "):
            _typed_label(kind, value, depth, state)
    return []


def _typed_label(kind: str, value: str, depth: int, state: State) -> None:
    """A number ("3.") or label ("(c)") typed at the start of the paragraph just placed, out of sequence: reported
    as the text reader reports one (`app.io.typed_labels`), since the model derives them and drops the typed ones."""
    placed = state.stack[-1]
    if depth == 0:
        number = to_int(value)
        operative = state.part is Part.OPERATIVE and state.res.header.kind is not DocumentKind.AMENDMENT
        if kind == "num" and number is not None and operative and placed.numbered:
            state.typed_labels.number(placed, number, state.res.operative)
        return
    if len(state.stack) < 2:
        return
    label = f"({value})" if kind == "paren" else f"{value}."
    siblings = state.stack[-2].subparagraphs
    state.typed_labels.label(placed, label, state.nesting.in_order, len(state.stack) - 1, len(siblings))


def _aside(line: Line, plain: str, state: State, typed: dict[str, str], texts: dict[str, str]) -> bool:
    """A line that is no paragraph of the body: a typed footnote's text, the sponsor line's "*" note, or an
    amendment's instruction sentence (kept aside, read into instructions once footnotes are resolved)."""
    note = note_text(line, typed)
    if note:
        texts[note[0]] = note[1]
        return True
    if _star_note(line, state):
        return True
    if state.res.header.kind is not DocumentKind.AMENDMENT or not instruction_sentence(plain):
        return False
    sentence = Paragraph(text=markup(line, typed))
    state.res.part(state.part).append(sentence)
    state.amend_order.append(sentence)
    state.amend_sentences.add(sentence.id)
    state.stack, state.indents, state.levels = [], [], {}
    state.nesting.reset()
    return True


def _label_of(line: Line, plain: str, state: State) -> tuple[str, str, list[Piece]]:
    """The line's label kind and value (`_kind`) from Word's numbering or typed at its start (then cut off the
    pieces), as Word numbering "Article %1" too."""
    kind, value = _kind(line.label) if line.label else ("", "")
    pieces = line.pieces
    if not kind and not line.label and line.style != TAIL_STYLE:
        kind, value = _kind(plain)
        if kind == "dot" and len(state.stack) < 3:  # "a." is the third level: "as." is just a word
            kind = value = ""
        long = LONG_NUMBER.match(line.plain) if not kind else None
        if long and to_int(long["num"]) == state.typed_labels.last(state.res.operative) + 1:
            kind, value = "num", long["num"]
            pieces = strip_label(pieces, long.end())
        elif kind:
            pieces = strip_label(pieces, label_end(line.plain))
    number = DIGITS.search(line.label) if line.label_fmt == "decimal" and not line.ilvl else None
    if not kind and number:  # Word numbering "Article %1", or past the 999th paragraph ("1000.")
        kind, value = "num", number.group()
    return kind, value, pieces


def _has_opener(spans: list[inline.Span], state: State) -> bool:
    """An italic opener, or (in a file without italic openers) one the lexicon finds."""
    return has_italic_opener(spans) or bool(
        not state.italic_openers
        and spans
        and not spans[0].footnote
        and lexicon.detect_opener(spans[0].text, state.part)
    )


def _label_depth(line: Line, kind: str, value: str, spans: list[inline.Span], state: State) -> int:
    """The depth a label gives (0: a paragraph; `app.io.structure.Nesting` nests "(a)", "(i)", "a."), or the
    list level of Word numbering without a label; -1 for a line with neither."""
    if kind in ("num", "pp"):
        state.nesting.reset()
        if kind == "num":
            state.part = Part.OPERATIVE
        return 0
    if kind in ("paren", "dot"):
        after_colon = bool(state.stack) and inline.plain(state.stack[-1].text).rstrip().endswith(":")
        return state.nesting.place(f"({value})" if kind == "paren" else f"{value}.", nest=after_colon)
    if line.num_id:
        has_opener = _has_opener(tidy(spans), state)
        return line.ilvl or _indent_depth(line, state) or (1 if state.stack and not has_opener else 0)
    return -1


def _unlabelled(line: Line, spans: list[inline.Span], state: State, numbered_doc: bool) -> int | None:
    """The depth of a line without a label, or None when it went on the end of the paragraph above (a tail)."""
    if line.style in TOP_STYLES:  # written by Resolute: the style says what it is
        state.styled = True
        if line.style == TOP_STYLES[1]:
            state.part = Part.OPERATIVE
        return 0
    tidy_spans = tidy(spans)
    has_opener = _has_opener(tidy_spans, state)
    ours = line.style == TAIL_STYLE or line.style.startswith(SUB_STYLE)
    if (
        state.part is Part.PREAMBLE
        and not numbered_doc
        and not ours
        and (has_italic_opener(tidy_spans) or not state.italic_openers)
        and _looks_operative(tidy_spans)
    ):
        state.part = Part.OPERATIVE
        has_opener = True
    top = state.stack[0] if state.stack else None
    if top is None or (has_opener and not ours):
        return 0
    owner = _tail_owner(line, state)
    if owner:  # text after a list of (sub)subparagraphs, at the indent of the subparagraph it ends
        _append_tail(state.stack[owner], spans)
        state.stack, state.indents = state.stack[: owner + 1], state.indents[: owner + 1]
        return None
    by_indent = _indent_depth(line, state)
    if by_indent:
        return by_indent
    if not (top.subparagraphs or (state.part is Part.OPERATIVE and numbered_doc)):
        return 0
    _append_tail(top, spans)
    if not top.subparagraphs:
        state.findings.append(
            Finding(
                "import.joined",
                Severity.INFO,
                say("an unnumbered line {where} was joined to that paragraph", where=_where(state)),
                paragraph_id=top.id,
            )
        )
    state.stack, state.indents = state.stack[:1], state.indents[:1]
    return None


def _add_paragraph(
    line: Line, kind: str, value: str, spans: list[inline.Span], state: State, numbered_doc: bool
) -> None:
    res = state.res
    state.styled = state.styled or line.style in TOP_STYLES
    para = _make(spans, state.part, True, state)
    para.heading, state.heading = "\n".join(state.heading), []
    operative = state.part is Part.OPERATIVE
    para.restart = kind == "num" and operative and restarts(to_int(value, 0), res.operative)
    # among operative paragraphs, one set in the preambular style (our export), or unnumbered in a numbered
    # text with an opener only the preamble uses: a section's own preambular paragraph, printed unnumbered
    para.numbered = not (
        operative
        and bool(res.operative)
        and (
            line.style == TOP_STYLES[0]
            or (numbered_doc and not kind and line.style != TOP_STYLES[1] and section_preamble(para.opener))
        )
    )
    res.part(state.part).append(para)
    state.amend_order.append(para)
    if kind == "num":
        state.amend_numbered.add(para.id)
    state.stack, state.indents = [para], [line.left]
    state.levels = {}
    state.nesting.reset()


def _add_subparagraph(line: Line, depth: int, spans: list[inline.Span], state: State) -> None:
    """A subparagraph under the nearest paragraph one level up."""
    if not state.stack:
        holder = Paragraph()
        state.res.part(state.part).append(holder)
        state.stack, state.indents = [holder], [None]
        state.findings.append(
            Finding(
                "import.structure",
                Severity.WARNING,
                say("a subparagraph {where} had no paragraph above it", where=_where(state)),
                paragraph_id=holder.id,
            )
        )
    # a depth deeper than the open levels (Word list level 2 right under a paragraph) hangs under the deepest
    # one, and its siblings at the same level stay beside it
    for nominal in [k for k in state.levels if k > depth]:
        del state.levels[nominal]
    actual = state.levels.get(depth, min(depth, len(state.stack)))
    state.levels[depth] = actual
    parent_depth = min(actual - 1, len(state.stack) - 1)
    sub = _make(spans, state.part, False, state)
    state.stack[parent_depth].subparagraphs.append(sub)
    state.stack = [*state.stack[: parent_depth + 1], sub]
    state.indents = [*state.indents[: parent_depth + 1], line.left]


def single_operative(state: State) -> None:
    """A resolution has at least one operative paragraph; a single one is unnumbered and may have been read
    as preamble. The last preambular paragraph then becomes the operative part."""
    res = state.res
    styled = state.styled and res.header.kind is not DocumentKind.DRAFT_DECISION  # a decision: one sentence
    if res.operative or not res.preamble or styled or res.header.kind is DocumentKind.AMENDMENT:
        return
    para = res.preamble.pop()
    if para.id in state.lexicon_ids or not para.opener:
        spans = tidy(inline.parse(join_opener(para.opener, para.text)))
        found = _opener_from_lexicon(spans, Part.OPERATIVE)
        para.opener, para.text = found if found else ("", as_written_markup(spans))
    res.operative.append(para)


def trailing(lines: list[Line], state: State, typed: dict[str, str], texts: dict[str, str]) -> None:
    """Typed footnote texts and what follows the operative part (annex, tables): kept, with findings. A table
    there is kept whole, as every reader keeps a table it cannot place (`table_as_text`)."""
    after_table = 0  # the lines of a table just kept
    for i, line in enumerate(lines):
        if i < after_table:
            continue
        plain = line.plain.strip()
        if not plain or RULE.match(plain):
            continue
        if line.in_table:
            table, after_table = read_table(
                lines, i, lambda cell: inline.unparse(tidy(_spans(cell.pieces, {}))), []
            )
            text, what = table_as_text(table.table), say("a table")
        else:
            note = note_text(line, typed)
            if note and not state.res.unplaced:
                texts[note[0]] = note[1]
                continue
            if not state.res.unplaced and _star_note(line, state):
                continue
            text, what = inline.unparse(tidy(_spans(line.pieces, {}))), say("a line")
        if not text:
            continue
        state.res.unplaced.append(text)
        state.findings.append(
            Finding(
                "import.unplaced",
                Severity.WARNING,
                say(
                    "{what} after the operative part (paragraph {index} of the file) was kept in the annex: "
                    "“{text}”",
                    what=what,
                    index=line.index,
                    text=inline.plain(text)[:70],
                ),
                field="annex",
            )
        )
