"""Read a Word (.docx) draft into the model: masthead, sponsor line, title, preamble, operative part, footnotes.

The file is checked as a zip (app.io.safe_xml) before python-docx opens it. Paragraphs are then read from the
WordprocessingML directly (app.io.wordml), because python-docx shows neither tracked changes nor footnotes nor
computed list numbers:

- tracked changes are read as if all were accepted: `w:ins`/`w:moveTo` in, `w:del`/`w:moveFrom` out, a
  deleted paragraph mark joins its paragraph to the next one;
- italics come from the run, its character style, the paragraph style or the document defaults;
- numbers come from typed labels ("1.", "(a)", "(i)", "a.", "i.") or from Word's automatic numbering
  (`w:numPr` computed through numbering.xml, or the list level when the definition is missing);
- footnotes are real Word footnotes (`w:footnoteReference` into the footnotes part) or the text's own
  superscript reference marks with their notes typed as paragraphs;
- page headers and footers are other parts and are not read.

The lines before the organ line ("The General Assembly,") go to the one header reader as structured lines (text,
style, bold, size, alignment, table cell: app.io.header_lines); the body is
placed here. A resolution in parts has "A", its title and an organ line before each part; annexes start at an
"Annex" / "Annex II" line (Resolute's own styles name every role). Lines that fit nowhere are kept in
`unplaced` with a finding, never dropped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from lxml import etree

from app import inline, lexicon
from app.digits import to_int
from app.errors import InputError
from app.findings import Finding, Severity
from app.io.amendment_reader import instruction_sentence, read_body
from app.io.docx_package import STRICT_NS, OpenedDocx, open_docx, package_findings, strict_refusal
from app.io.docx_tables import read_table
from app.io.foreign_header import english_header
from app.io.headings import ANNEX_LINE, SECTION_MARK, TRAILING_MATTER
from app.io.imported import Adoption, ImportResult
from app.io.span_text import as_written_markup, split_opener, tidy
from app.io.structure import (
    AnnexBuilder,
    Nesting,
    annex_heading,
    letter_index,
    restarts,
    roman_index,
    section_heading,
    section_preamble,
    settle_opening_section,
)
from app.io.typed_labels import TypedLabels
from app.io.wordml import (
    Line,
    Numbering,
    Piece,
    Styles,
    Walker,
    count_comments,
    first_page,
    header_line,
    read_lines,
)
from app.io.wordml_findings import walker_findings
from app.languages import get_language, language_of_organ_line, language_of_sponsor_line
from app.messages import Message, say
from app.model import Annex, DocumentKind, Footnote, Paragraph, Part, Resolution, ResolutionPart
from app.render import join_opener
from app.templates import all_templates

# ------------------------------------------------------------------ labels

_TYPED = re.compile(
    # "(a)" as English prints a subparagraph's label, "a)" as French and Spanish do
    r"^\s*(?:(?P<num>\d{1,3})\.|\((?P<paren>[a-z]{1,5})\)|(?P<close>[a-z]{1,5})\)|(?P<dot>[a-z]{1,5})\.)(?=[\s\u00a0]|$)"
)
_PPOP = re.compile(
    r"^\s*(?P<tag>PP|OP|pp|op)\s?(?P<n>\d{1,3})(?:\s*(?:bis|ter|quater|quinquies))?\s*[.:)]?(?=[\s\u00a0])\s*"
)
_DIGITS = re.compile(r"\d+")
# a typed number past 999 ("1000.") is a paragraph's number only where it continues the typed sequence
_LONG_NUMBER = re.compile(r"^\s*(?P<num>\d{4,5})\.(?=[\s\u00a0])")
_RULE = re.compile(r"^[\s_\-–—=*.·•]*$")
_NOTE_LINE = re.compile(r"^\s*(?P<mark>\d{1,3}|\*{1,3})[\s\u00a0]+(?P<text>\S.*)$", re.S)


def _kind(label: str) -> tuple[str, str]:
    """('num', '3') / ('paren', 'b') / ('dot', 'i') / ('pp', '2') for a label; ('', '') when it is none.
    Negotiation drafts number paragraphs "PP1", "OP3" (also "OP3 bis"): OP is operative, PP preambular."""
    m = _PPOP.match(label + " ")
    if m:
        return ("num" if m.group("tag").upper() == "OP" else "pp"), m.group("n")
    m = _TYPED.match(label + " ")
    if not m:
        return "", ""
    for key in ("num", "paren", "close", "dot"):
        value = m.group(key)
        if value and (key == "num" or roman_index(value) or letter_index(value)):
            return ("paren" if key == "close" else key), value
    return "", ""


def _label_end(text: str) -> int:
    m = _PPOP.match(text + " ") or _TYPED.match(text + " ")
    return min(m.end(), len(text)) if m else 0


def _strip_label(pieces: list[Piece], label_len: int) -> list[Piece]:
    out: list[Piece] = []
    left = label_len
    for p in pieces:
        if left > 0 and not p.note:
            take = min(left, len(p.text))
            left -= take
            rest = p.text[take:]
            if rest:
                out.append(Piece(rest, p.italic, p.note, p.sup))
            continue
        out.append(p)
    return out


# ------------------------------------------------------------------ placing lines


_ORGAN_LINE = re.compile(
    r"^The [A-Z][\w’' -]*?(?:Assembly|Council|Conference|Commission|Committee|Board|Meeting|Forum)\s*,?$"
)


def _is_organ_line(text: str) -> bool:
    s = re.sub(r"\s+", " ", text).strip()
    known = {t.organ_line.lower() for t in all_templates().values()}
    return s.rstrip(",").strip().lower() in known or bool(_ORGAN_LINE.match(s) or language_of_organ_line(s))


def _language(lines: list[Line]) -> str:
    """The draft's language: that of its organ line ("L’Assemblée générale,"), else of the kind its sponsor
    line names (an amendment has no organ line), else English."""
    by_sponsor_line = ""
    for line in lines:
        text = re.sub(r"\s+", " ", line.plain).strip()
        found = language_of_organ_line(text)
        if found:
            return found
        by_sponsor_line = by_sponsor_line or language_of_sponsor_line(text)
    return by_sponsor_line or "en"


def _run_on_organ_line(lines: list[Line]) -> tuple[int, Line] | None:
    """A decision in one sentence: "The General Assembly, recalling …" in one paragraph. The paragraph's
    index, and the paragraph without the organ line (its text starts with the lower-case word after it)."""
    known = {t.organ_line.lower() for t in all_templates().values()}
    for i, line in enumerate(lines):
        m = re.match(r"\s*([^,]{3,60}),\s+(?=[a-z])", line.plain)
        if m and not line.in_table and re.sub(r"\s+", " ", m.group(1)).strip().lower() in known:
            cut, pieces = m.end(), []
            for piece in line.pieces:  # drop the first `cut` characters, piece by piece
                keep = piece.text[cut:] if not piece.note else piece.text
                cut = max(0, cut - len(piece.text)) if not piece.note else cut
                if keep or piece.note:
                    pieces.append(Piece(keep, piece.italic, piece.note, piece.sup))
            return i, Line(pieces, line.style, line.num_id, line.ilvl, line.left, line.in_table, line.index)
    return None


def _other_organ_line(lines: list[Line]) -> int | None:
    """A body the templates do not know ("The Commission on the Status of Women,"): a short line that starts
    with "The", ends with a comma and is followed by a paragraph with an italic opener."""
    texts = [
        (i, re.sub(r"\s+", " ", line.plain).strip()) for i, line in enumerate(lines) if line.plain.strip()
    ]
    for (i, text), (j, _) in zip(texts, texts[1:], strict=False):
        if re.fullmatch(r"The [A-Z][^,;:.]{3,90},", text) and not lines[i].in_table:
            following = tidy(_spans(lines[j].pieces, {}))
            if _has_italic_opener(following):
                return i
    return None


@dataclass
class _State:
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
    # numbers and labels typed by hand (not Word numbering) out of sequence: one record for the whole reading
    typed_labels: TypedLabels = field(default_factory=TypedLabels)
    styles: Styles | None = None  # the file's styles: whether a table's first row is bold (its header)

    def bold(self, line: Line) -> bool | None:
        return header_line(line, self.styles).bold if self.styles is not None else None


def _spans(pieces: list[Piece], typed: dict[str, str]) -> list[inline.Span]:
    out: list[inline.Span] = []
    for p in pieces:
        if p.note:
            out.append(inline.Span(footnote=p.note))
        elif p.sup and re.fullmatch(r"\s*(\d{1,3}|\*{1,3})\s*", p.text):
            out.append(inline.Span(footnote=typed.setdefault(p.text.strip(), f"typed-{len(typed) + 1}")))
        else:
            out.append(inline.Span(p.text, p.italic))
    return out


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


def _has_italic_opener(spans: list[inline.Span]) -> bool:
    return bool(spans) and spans[0].italic and not spans[0].footnote


def _looks_operative(spans: list[inline.Span]) -> bool:
    first = spans[0].text.strip() if spans and not spans[0].footnote else ""
    if not first:
        return False
    if spans[0].italic:
        return lexicon.is_known(first, Part.OPERATIVE) and not lexicon.is_known(first, Part.PREAMBLE)
    op = lexicon.detect_opener(first, Part.OPERATIVE)
    return bool(op) and not lexicon.detect_opener(first, Part.PREAMBLE)


def _make(spans: list[inline.Span], part: Part, top: bool, state: _State) -> Paragraph:
    spans = tidy(spans)
    if _has_italic_opener(spans):
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


def _where(state: _State) -> Message:
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


# Paragraph styles Resolute's own exporter writes (app.io.docx_writer.STYLE_IDS); other files rarely use them.
_TOP_STYLES = ("UNPreambular", "UNOperative")
_TAIL_STYLE = "UNTail"
_SUB_STYLE = "UNSubparagraph"
_NOTE_STYLE = "FootnoteText"  # Word's style of notes; under a table, in the body, the table's own notes
_SECTION_STYLE = "UNSectionHeading"  # Resolute's exporter writes section headings in this style
_UNPLACED_STYLE = "UNUnplaced"
_ANNEX_STYLES = ("UNAnnexHeading", "UNAnnexTitle", "UNAnnex", "UNAnnexParagraph", _UNPLACED_STYLE)


def _note_text(line: Line, typed: dict[str, str]) -> tuple[str, str] | None:
    """(mark, note markup) when the line is the text of a typed footnote: '¹ See ...' or '1 See ...'."""
    if not line.pieces:
        return None
    first = line.pieces[0]
    if first.sup and first.text.strip() in typed:
        rest = _strip_label(line.pieces, len(first.text))
        return first.text.strip(), inline.unparse(tidy(_spans(rest, {})))
    m = _NOTE_LINE.match(line.plain)
    if m and m.group("mark") in typed and not line.label:
        rest = _strip_label(line.pieces, m.start("text"))
        return m.group("mark"), inline.unparse(tidy(_spans(rest, {})))
    return None


def _star_note(line: Line, state: _State) -> bool:
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


def _indent_depth(line: Line, state: _State) -> int:
    """A depth from indentation alone: deeper than the paragraph above it by more than a few points."""
    if line.left is None or not state.indents or state.indents[0] is None:
        return 0
    depth = 0
    for level, indent in enumerate(state.indents):
        if indent is not None and line.left > indent + 100:
            depth = level + 1
    return depth


def _tail_owner(line: Line, state: _State) -> int | None:
    """The depth (1 or more) of the open subparagraph whose indent this unlabeled line shares, when that
    subparagraph has subparagraphs of its own: the line is then its tail."""
    if line.style == _TAIL_STYLE:
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


def _is_section_heading(line: Line, plain: str, state: _State, following: Line | None = None) -> bool:
    """A section heading: Resolute's heading style, or a line `app.io.structure.section_heading` takes for one
    once the body has begun (a numeral line, the title after it, a title-like line over a numbered paragraph)."""
    if line.style == _SECTION_STYLE:
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


def _quoted_next(state: _State) -> bool:
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
        and (not plain or bool(_RULE.match(plain)))
        and (line.style != _SECTION_STYLE)
    )


def _table_note(line: Line) -> bool:
    return line.style == _NOTE_STYLE and not line.num_id


def _table_notes_end(lines: list[Line], i: int) -> int:
    """The index after the run of a table's notes starting at lines[i] (empty lines and rules among them)."""
    end = i
    while end < len(lines) and not lines[end].in_table:
        if not (_table_note(lines[end]) or _blank(lines[end], lines[end].plain.strip())):
            break
        end += 1
    return end


def _place(
    lines: list[Line], state: _State, typed: dict[str, str], texts: dict[str, str], numbered_doc: bool
) -> list[Line]:
    """Place body lines; returns the lines left over after the resolution (annex, tables after it)."""
    res = state.res
    after_table = 0  # the lines of a table just placed
    table = None  # that table, until a line other than its notes is placed
    for i, line in enumerate(lines):
        if i < after_table:
            continue
        if (
            line.in_table
        ):  # first in the preamble too: its first cell was read as a paragraph, the rest a table
            table, after_table = read_table(
                lines, i, lambda cell: _markup(cell, typed), state.findings, state.bold
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
            notes = [_markup(x, typed) for x in lines[i:after_table] if _table_note(x)]
            table.text = " ".join(t for t in (table.text, *notes) if t)
            continue
        table = None
        if (res.operative or res.preamble) and (TRAILING_MATTER.match(plain) or line.style in _ANNEX_STYLES):
            return lines[i:]
        if _aside(line, plain, state, typed, texts):
            continue
        if _is_section_heading(line, plain, state, _next_line(lines, i)):
            state.heading.append(_markup(line, typed))
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
        if kind and not line.label and not _PPOP.match(plain + " "):
            _typed_label(kind, value, depth, state)
    return []


def _typed_label(kind: str, value: str, depth: int, state: _State) -> None:
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


def _aside(line: Line, plain: str, state: _State, typed: dict[str, str], texts: dict[str, str]) -> bool:
    """A line that is no paragraph of the body: a typed footnote's text, the sponsor line's "*" note, or an
    amendment's instruction sentence (kept aside, read into instructions once footnotes are resolved)."""
    note = _note_text(line, typed)
    if note:
        texts[note[0]] = note[1]
        return True
    if _star_note(line, state):
        return True
    if state.res.header.kind is not DocumentKind.AMENDMENT or not instruction_sentence(plain):
        return False
    sentence = Paragraph(text=_markup(line, typed))
    state.res.part(state.part).append(sentence)
    state.amend_order.append(sentence)
    state.amend_sentences.add(sentence.id)
    state.stack, state.indents, state.levels = [], [], {}
    state.nesting.reset()
    return True


def _label_of(line: Line, plain: str, state: _State) -> tuple[str, str, list[Piece]]:
    """The line's label kind and value (`_kind`) from Word's numbering or typed at its start (then cut off the
    pieces), as Word numbering "Article %1" too."""
    kind, value = _kind(line.label) if line.label else ("", "")
    pieces = line.pieces
    if not kind and not line.label and line.style != _TAIL_STYLE:
        kind, value = _kind(plain)
        if kind == "dot" and len(state.stack) < 3:  # "a." is the third level: "as." is just a word
            kind = value = ""
        long = _LONG_NUMBER.match(line.plain) if not kind else None
        if long and to_int(long["num"]) == state.typed_labels.last(state.res.operative) + 1:
            kind, value = "num", long["num"]
            pieces = _strip_label(pieces, long.end())
        elif kind:
            pieces = _strip_label(pieces, _label_end(line.plain))
    number = _DIGITS.search(line.label) if line.label_fmt == "decimal" and not line.ilvl else None
    if not kind and number:  # Word numbering "Article %1", or past the 999th paragraph ("1000.")
        kind, value = "num", number.group()
    return kind, value, pieces


def _has_opener(spans: list[inline.Span], state: _State) -> bool:
    """An italic opener, or (in a file without italic openers) one the lexicon finds."""
    return _has_italic_opener(spans) or bool(
        not state.italic_openers
        and spans
        and not spans[0].footnote
        and lexicon.detect_opener(spans[0].text, state.part)
    )


def _label_depth(line: Line, kind: str, value: str, spans: list[inline.Span], state: _State) -> int:
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


def _unlabelled(line: Line, spans: list[inline.Span], state: _State, numbered_doc: bool) -> int | None:
    """The depth of a line without a label, or None when it went on the end of the paragraph above (a tail)."""
    if line.style in _TOP_STYLES:  # written by Resolute: the style says what it is
        state.styled = True
        if line.style == _TOP_STYLES[1]:
            state.part = Part.OPERATIVE
        return 0
    tidy_spans = tidy(spans)
    has_opener = _has_opener(tidy_spans, state)
    ours = line.style == _TAIL_STYLE or line.style.startswith(_SUB_STYLE)
    if (
        state.part is Part.PREAMBLE
        and not numbered_doc
        and not ours
        and (_has_italic_opener(tidy_spans) or not state.italic_openers)
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
    line: Line, kind: str, value: str, spans: list[inline.Span], state: _State, numbered_doc: bool
) -> None:
    res = state.res
    state.styled = state.styled or line.style in _TOP_STYLES
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
            line.style == _TOP_STYLES[0]
            or (numbered_doc and not kind and line.style != _TOP_STYLES[1] and section_preamble(para.opener))
        )
    )
    res.part(state.part).append(para)
    state.amend_order.append(para)
    state.stack, state.indents = [para], [line.left]
    state.levels = {}
    state.nesting.reset()


def _add_subparagraph(line: Line, depth: int, spans: list[inline.Span], state: _State) -> None:
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


def _single_operative(state: _State) -> None:
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


def _trailing(lines: list[Line], state: _State, typed: dict[str, str], texts: dict[str, str]) -> None:
    """Typed footnote texts and what follows the operative part (annex, tables): kept, with findings."""
    for line in lines:
        plain = line.plain.strip()
        if not plain or _RULE.match(plain):
            continue
        note = _note_text(line, typed)
        if note and not state.res.unplaced:
            texts[note[0]] = note[1]
            continue
        if not state.res.unplaced and _star_note(line, state):
            continue
        state.res.unplaced.append(inline.unparse(tidy(_spans(line.pieces, {}))))
        what = say("a table cell") if line.in_table else say("a line")
        state.findings.append(
            Finding(
                "import.unplaced",
                Severity.WARNING,
                say(
                    "{what} after the operative part (paragraph {index} of the file) was kept in the annex: "
                    "“{text}”",
                    what=what,
                    index=line.index,
                    text=plain[:70],
                ),
                field="annex",
            )
        )


_PART_HEADING_STYLE = "UNPartHeading"
_ANNEX_HEADING_STYLE, _ANNEX_TITLE_STYLE = "UNAnnexHeading", "UNAnnexTitle"
_ANNEX_PARA_STYLES = ("UNAnnexParagraph", "UNAnnex")  # numbered, unnumbered


def _markup(line: Line, typed: dict[str, str]) -> str:
    return inline.unparse(tidy(_spans(line.pieces, typed))).strip()


def _part_starts(lines: list[Line]) -> list[tuple[int, int]]:
    """(letter line, organ line) of each part of a resolution in parts: a line reading "A", "B" ... in order
    (in Resolute's part heading style or plain) with an organ line at most three lines below it."""
    from app.render import part_letter

    shown = [i for i, line in enumerate(lines) if line.plain.strip() and not line.in_table]
    out: list[tuple[int, int]] = []
    for k, i in enumerate(shown):
        if lines[i].plain.strip() != part_letter(len(out)):
            continue
        organ = next((j for j in shown[k + 1 : k + 4] if _is_organ_line(lines[j].plain)), None)
        if organ is not None:
            out.append((i, organ))
    return out


def _is_annex_heading(line: Line) -> bool:
    if line.style == _UNPLACED_STYLE:
        return False
    return line.style == _ANNEX_HEADING_STYLE or bool(ANNEX_LINE.match(line.plain.strip()))


class _AnnexReader:
    """The lines of one annex after its "Annex I" line: its title (the next line), section headings,
    paragraphs numbered "1." or unnumbered, subparagraphs "(a)"; punctuation kept as written."""

    def __init__(self, annex: Annex, typed: dict[str, str], findings: list[Finding]) -> None:
        self.builder = AnnexBuilder(annex)
        self.typed, self.findings = typed, findings
        self.expect_title = True

    def make(self, pieces: list[Piece]) -> Paragraph:
        spans = tidy(_spans(pieces, self.typed))
        if _has_italic_opener(spans):
            opener, text = split_opener(spans)
            return Paragraph(opener=opener, text=text)
        return Paragraph(text=as_written_markup(spans))

    def line(self, line: Line) -> None:
        plain = line.plain.strip()
        if not plain and not any(p.note for p in line.pieces):
            return
        ours = line.style in (_SECTION_STYLE, _TAIL_STYLE, *_ANNEX_PARA_STYLES) or line.style.startswith(
            _SUB_STYLE
        )
        if self.expect_title and (line.style == _ANNEX_TITLE_STYLE or not (ours or line.label)):
            self.builder.annex.title, self.expect_title = _markup(line, self.typed), False
            return
        self.expect_title = False
        if line.in_table:  # kept as unplaced text, with a finding, by the caller
            raise _Unplaced
        kind, value, pieces = self._label(line, plain)
        if line.style == _SECTION_STYLE or (not ours and not kind and self._plain_heading(line, plain)):
            self.builder.add_heading(_markup(line, self.typed))
        elif line.style == _TAIL_STYLE and self.builder.tail(
            as_written_markup(tidy(_spans(pieces, self.typed)))
        ):
            return
        elif kind in ("paren", "dot") or line.style.startswith(_SUB_STYLE):
            level = re.fullmatch(r"UNSubparagraph(\d)", line.style)  # our export: the style says the level
            label = f"({value})" if kind == "paren" else f"{value}." if kind == "dot" else ""
            self.builder.subparagraph(
                self.make(pieces), label=label, depth=int(level.group(1)) if level else 0
            )
        else:
            numbered = kind == "num" or line.style == _ANNEX_PARA_STYLES[0]
            self.builder.paragraph(self.make(pieces), numbered=numbered)

    def _plain_heading(self, line: Line, plain: str) -> bool:
        """In a file without Resolute's styles, a heading line as `annex_heading` tells one; never one with a
        footnote (a short paragraph that cites a note)."""
        has_note = any(p.note for p in line.pieces)
        return not has_note and annex_heading(plain, after_heading=bool(self.builder.heading))

    def _label(self, line: Line, plain: str) -> tuple[str, str, list[Piece]]:
        kind, value = _kind(line.label) if line.label else ("", "")
        pieces = line.pieces
        if not line.label and line.style != _TAIL_STYLE:
            kind, value = _kind(plain)
            if kind == "pp" or (kind == "dot" and len(self.builder.nodes) < 3):
                kind = value = ""
            if kind:
                pieces = _strip_label(pieces, _label_end(line.plain))
        return kind, value, pieces


class _Unplaced(Exception):
    """A line an annex cannot hold (a table cell): kept as unplaced text."""


def _annexes(lines: list[Line], state: _State, typed: dict[str, str], texts: dict[str, str]) -> None:
    """What follows the operative part: annexes from each "Annex"/"Annex II" line on; anything before the
    first one, and table cells, kept as unplaced text."""

    def untitled_title(line: Line, reader: _AnnexReader | None) -> bool:
        # our annex title style with no "Annex" line over it: a text adopted without a label (A/RES/79/1)
        return line.style == _ANNEX_TITLE_STYLE and (reader is None or not reader.expect_title)

    start = next(
        (i for i, line in enumerate(lines) if _is_annex_heading(line) or untitled_title(line, None)),
        len(lines),
    )
    before, reader = lines[:start], None
    unplaced: list[Line] = []
    after_table = 0  # the lines of a table just placed
    for i, line in enumerate(lines):
        if i < max(start, after_table):
            continue
        if line.in_table and reader is not None:
            table, after_table = read_table(
                lines, i, lambda cell: _markup(cell, typed), state.findings, state.bold
            )
            reader.expect_title = False
            reader.builder.paragraph(table, numbered=False)
            continue
        if _is_annex_heading(line) or untitled_title(line, reader):
            annex = Annex(labelled=_is_annex_heading(line))
            state.res.annexes.append(annex)
            if reader is not None:
                reader.builder.finish()
            reader = _AnnexReader(annex, typed, state.findings)
            if annex.labelled:
                continue
        note = _note_text(line, typed)
        if note:
            texts[note[0]] = note[1]
            continue
        if line.style == _UNPLACED_STYLE:  # Resolute's export of text no reader could place
            unplaced.append(line)
            continue
        try:
            assert reader is not None
            reader.line(line)
        except _Unplaced:
            unplaced.append(line)
    if reader is not None:
        reader.builder.finish()
    _trailing(before + unplaced, state, typed, texts)


def _resolve_typed(
    res: Resolution, typed: dict[str, str], texts: dict[str, str], findings: list[Finding]
) -> None:
    """Give typed reference marks their footnotes; marks without a note text stay as typed."""
    if not typed:
        return
    replace: dict[str, str] = {}
    for mark, tmp in typed.items():
        if mark in texts:
            note = Footnote(text=texts[mark])
            res.footnotes[note.id] = note
            replace[tmp] = inline.footnote_ref(note.id)
        else:
            replace[tmp] = inline.escape(mark)
            findings.append(
                Finding(
                    "import.footnotes",
                    Severity.INFO,
                    say(
                        "superscript mark “{mark}” has no footnote text in the file: kept as typed", mark=mark
                    ),
                )
            )
    pattern = re.compile(r"\[\^(typed-\d+)\]")

    def fix(markup: str) -> str:
        return pattern.sub(lambda m: replace.get(m.group(1), m.group(0)), markup)

    res.title = fix(res.title)
    for _, para in res.paragraphs():
        para.text, para.tail = fix(para.text), fix(para.tail)
    for para in res.annex_paragraphs():
        para.text, para.tail = fix(para.text), fix(para.tail)
    for holder in [*res.later_parts, *res.annexes]:
        holder.title = fix(holder.title)
    res.part_title = fix(res.part_title)


# ------------------------------------------------------------------ header


def _read_header(
    lines: list[Line],
    styles: Styles,
    res: Resolution,
    findings: list[Finding],
    typed: dict[str, str],
    language: str = "en",
) -> Adoption | None:
    """The masthead and header paragraphs, each with its look, through the one header reader; what the heading
    of an adopted resolution says."""
    from app.io.text_header import parse_header, sponsor_line, star_note

    blocks = [[header_line(line, styles)] for line in lines if line.plain.strip()]
    if language != "en":  # a French or Spanish masthead, in the English words the header reader knows
        blocks = english_header(blocks, get_language(language))
    out = parse_header(blocks)
    res.header = out.header
    res.header.language = language
    res.title = out.title
    findings += out.findings
    # footnotes in the header: the sponsor line's "*" note, or notes on the title
    for line in lines:
        notes = [p.note for p in line.pieces if p.note]
        if not notes:
            continue
        text = re.sub(r"\s+", " ", line.plain).strip()
        on_sponsor_line = bool(sponsor_line(text))
        for note_id in notes:
            note = res.footnotes.get(note_id)
            # one note is the sponsor line's; a second would replace it, so it is kept at the end instead
            if note is not None and star_note(out, inline.plain(note.text), marked=on_sponsor_line):
                del res.footnotes[note_id]
                on_sponsor_line = False
                continue
            if note is not None and res.title and inline.plain(res.title) == text:
                res.title = inline.unparse(tidy(_spans(line.pieces, typed)))
                break
            if note is not None:
                findings.append(
                    Finding(
                        "import.unplaced",
                        Severity.WARNING,
                        say(
                            "a footnote in the header (“{header}”) was kept at the end: {text}",
                            header=text[:50],
                            text=inline.plain(note.text)[:60],
                        ),
                        field="annex",
                    )
                )
                res.unplaced.append(note.text)
                del res.footnotes[note_id]
    res.header.sponsors = res.header.sponsors or []
    return out.adoption


# ------------------------------------------------------------------ entry point


def _header_and_body(lines: list[Line], findings: list[Finding]) -> tuple[int | None, list[Line], list[Line]]:
    """Where the organ line stands (None when there is none), and the lines before it and after it. A decision
    in one sentence runs on from its organ line; an amendment has none and starts with its first instruction."""
    organ_at = next(
        (i for i, line in enumerate(lines) if not line.in_table and _is_organ_line(line.plain)), None
    )
    if organ_at is None:
        organ_at = _other_organ_line(lines)
    run_on = _run_on_organ_line(lines) if organ_at is None else None
    if run_on is not None:  # a decision in one sentence: the organ line runs into it
        header_lines, body = lines[: run_on[0]], [run_on[1], *lines[run_on[0] + 1 :]]
    elif organ_at is None:
        first_body = next(
            (
                i
                for i, line in enumerate(lines)
                if _kind(line.label or line.plain)[0]
                or (line.pieces and line.pieces[0].italic and line.plain.strip())
            ),
            len(lines),
        )
        # an amendment has no organ line: its body starts with its first instruction
        first_body = next(
            (i for i, line in enumerate(lines[:first_body]) if instruction_sentence(line.plain.strip())),
            first_body,
        )
        header_lines, body = lines[:first_body], lines[first_body:]
        if not (body and instruction_sentence(body[0].plain.strip())):
            findings.append(
                Finding(
                    "import.structure",
                    Severity.WARNING,
                    say("no organ line (“The General Assembly,”) found: the template may be wrong"),
                    field="header",
                )
            )
    else:
        header_lines, body = lines[:organ_at], lines[organ_at + 1 :]
    return organ_at, header_lines, body


def _closing_findings(res: Resolution, walker: Walker, state: _State, opened: OpenedDocx) -> list[Finding]:
    """What the reading set aside: openers taken from the lexicon, what the walker and the package left out, text
    boxes kept at the end, comments not imported."""
    out: list[Finding] = []
    if state.lexicon_openers:
        out.append(
            Finding(
                "import.openers",
                Severity.INFO,
                say(
                    "{lexicon_openers} openers were found from the lexicon (no italics in the file)",
                    lexicon_openers=state.lexicon_openers,
                ),
            )
        )
    out += walker_findings(walker) + package_findings(opened)
    for text in dict.fromkeys(walker.text_boxes):
        res.unplaced.append(text)
        out.append(
            Finding(
                "import.unplaced",
                Severity.WARNING,
                say("a text box was kept at the end (annex): “{text}”", text=inline.plain(text)[:70]),
                field="annex",
            )
        )
    comments = count_comments(opened.document)
    if comments:
        out.append(
            Finding(
                "import.comments",
                Severity.INFO,
                say("the file has {comments} comment(s); comments are not imported", comments=comments),
                field="header",
            )
        )
    return out


def read_docx(data: bytes, *, name: str = "") -> ImportResult:
    """Read a .docx draft. Raises InputError (one line) for anything unreadable or unsafe."""
    opened = open_docx(data, name)
    document, notes = opened.document, opened.notes
    try:
        styles_root = document.styles.element  # type: ignore[attr-defined]
    except (KeyError, NotImplementedError, AttributeError, ValueError):  # damaged content type, external part
        styles_root = None
    try:
        numbering_root = document.part.numbering_part.element  # type: ignore[attr-defined]
    except (KeyError, NotImplementedError, AttributeError, ValueError):
        numbering_root = None
    res = Resolution()
    findings: list[Finding] = []
    walker = Walker(Styles(styles_root), notes, res)
    body_element = getattr(document.element, "body", None)  # type: ignore[attr-defined]
    if body_element is None:  # a damaged main part whose root is not w:document
        root_ns = etree.QName(document.element).namespace or ""  # type: ignore[attr-defined]
        if root_ns.startswith(STRICT_NS):
            raise strict_refusal(name or "the file")
        raise InputError(f"{name or 'the file'} is damaged: its main part is not a Word document body")
    masthead, job_number = first_page(document, walker)
    lines = read_lines(body_element, walker)
    numbering = Numbering(numbering_root)
    for line in lines:
        if line.num_id:
            got = numbering.label(line.num_id, line.ilvl or 0)
            if got is not None:
                line.label, line.label_fmt = got

    organ_at, header_lines, body = _header_and_body(lines, findings)
    typed: dict[str, str] = {}
    starts = _part_starts(lines) if organ_at is not None else []
    in_parts = len(starts) > 1 and starts[0][1] == organ_at
    if in_parts:  # a resolution in parts: "A", its title and its organ line open each part
        header_lines = lines[: starts[0][0]]
    adoption = _read_header(masthead + header_lines, walker.styles, res, findings, typed, _language(lines))
    res.header.job_number = res.header.job_number or job_number

    texts: dict[str, str] = {}
    segments = [(None, body)]
    if in_parts:
        ends = [letter for letter, _ in starts[1:]] + [len(lines)]
        segments = [
            (lines[letter + 1 : organ], lines[organ + 1 : end])
            for (letter, organ), end in zip(starts, ends, strict=True)
        ]
    rest: list[Line] = []
    typed_labels = TypedLabels()
    for index, (title_lines, segment) in enumerate(segments):
        target = res if index == 0 else Resolution(header=res.header, footnotes=res.footnotes)
        state = _State(target, findings, typed_labels=typed_labels, styles=walker.styles)
        state.italic_openers = any(_has_italic_opener(tidy(_spans(line.pieces, {}))) for line in segment)
        numbered_doc = any(_kind(line.label or line.plain)[0] == "num" for line in segment)
        _trailing(rest, state, typed, texts)  # left over before the next part: kept
        rest = _place(segment, state, typed, texts, numbered_doc)
        settle_opening_section(target.preamble, target.operative)
        _single_operative(state)
        title = " ".join(_markup(line, typed) for line in title_lines or [] if line.plain.strip())
        if index == 0:
            res.part_title = title
        else:
            res.later_parts.append(ResolutionPart(title, target.preamble, target.operative))
            res.unplaced += target.unplaced
    state.res = res
    findings += typed_labels.settled()
    _annexes(rest, state, typed, texts)
    _resolve_typed(res, typed, texts, findings)
    if state.amend_sentences:
        findings += read_body(res, state.amend_order, state.amend_sentences)

    if not res.preamble and not res.operative and not res.instructions:
        raise InputError(
            f"{name or 'the file'} has no resolution text: no preambular or operative paragraphs found"
        )
    if walker.tracked:
        findings.insert(
            0,
            Finding(
                "import.tracked-changes",
                Severity.INFO,
                say(
                    "the file has tracked changes: read as if all were accepted (insertions in, deletions out)"
                ),
                field="header",
            ),
        )
    findings += _closing_findings(res, walker, state, opened)
    return ImportResult(resolution=res, findings=findings, adoption=adoption)
