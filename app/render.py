"""The resolution as it will print: a flat list of blocks with numbers, labels and punctuation derived.

The .docx writer, the editor's preview and the text export all read this, so what the preview shows is what
the export writes. Nothing here is stored; everything is computed from the model and its template.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field, replace

from app import cancelling, inline
from app.digits import to_int
from app.formatting import BEHALF_NOTE, behalf_note, join_names, roman, star_after_colon
from app.languages import Language, get_language
from app.model import AgendaItem, Annex, DocumentKind, Paragraph, Part, Resolution, ResolutionPart
from app.punctuation import absorb_terminal, end_for
from app.table_merges import valid_merges
from app.templates import Template, get_template


@dataclass(frozen=True)
class Block:
    """One printed paragraph of the body."""

    # "preambular", "operative", "subparagraph", "heading" (a section heading line); for a resolution in
    # parts "part_heading" (the letter), "part_title" and "organ_line" before each part; for an annex
    # "annex_heading" ("Annex I"), "annex_title" and "annex_paragraph"; "unplaced" for material kept as text;
    # for an amendment "instruction" (a sentence in the set wording) and "quoted" (a paragraph it quotes)
    role: str
    paragraph_id: str  # the model paragraph it shows (subparagraphs have their own ids); part or annex id
    part: Part | None  # None in an annex and on part and annex lines
    level: int  # 0 for paragraphs, 1 for (a), 2 for (i), ...
    label: str  # "1.", "(a)", or ""
    opener: str  # italic opening phrase, plain text
    spans: tuple[inline.Span, ...]  # the rest, with footnote references
    end: str  # derived terminal punctuation: "," ";" "." ":" or ""
    is_tail: bool = False  # text after a subparagraph list, inside the same paragraph
    unit: str = ""  # where it stands: "" (a single-part resolution), "A", "B" ... or "Annex", "Annex II"
    # role "table_note": the text a table paragraph holds, printed under the table in the notes' style;
    # role "table": the rows of cell texts (inline markup) and how many head the table; `spans` then hold the
    # cells' text, cells set apart by tabs and rows by line breaks (what plain text and footnote numbering read)
    cells: tuple[tuple[str, ...], ...] = ()
    header_rows: int = 0
    merges: tuple[tuple[int, int, int, int], ...] = ()  # role "table": the merged cells that can stand

    @property
    def body_spans(self) -> tuple[inline.Span, ...]:
        """The spans without the footnote references that end the paragraph."""
        end = len(self.spans)
        while end and self.spans[end - 1].footnote:
            end -= 1
        return self.spans[:end]

    @property
    def notes_after(self) -> tuple[str, ...]:
        """Footnote ids that end the paragraph: UN style prints them after the terminal punctuation."""
        return tuple(s.footnote for s in self.spans[len(self.body_spans) :])


@dataclass(frozen=True)
class AgendaLine:
    text: str
    style: str  # "session", "committee", "item", "item_title", "other"


@dataclass
class Rendered:
    template: Template
    symbol: str
    organ: str
    distribution: str
    date: str
    original: str
    agenda: list[AgendaLine]
    sponsor_line: str
    sponsor_note: str  # the page-1 "*" footnote for "on behalf of" drafts
    title: str  # plain text, or "" when the organ has no titles
    title_spans: tuple[inline.Span, ...]  # the title with its italics and footnote references
    organ_line: str  # "The General Assembly"
    organ_comma: bool
    blocks: list[Block]
    # footnote id → its place among the printed notes (1, 2 ...), the number it prints with unless a note with a
    # mark of its own stands before it: `footnote_marks` is what prints
    footnote_numbers: dict[str, int] = field(default_factory=dict)
    footnotes: list[tuple[int, str, str]] = field(default_factory=list)  # (place, id, markup)
    # footnote id → the printed mark: its number among the numbered notes ("1"), or its own symbol ("**")
    footnote_marks: dict[str, str] = field(default_factory=dict)
    job_number: str = ""
    language: str = "en"  # the draft's language code
    united_nations: str = "United Nations"  # the masthead's name of the Organization, in that language
    # the language of this version, over "Original:" when the text was submitted in another ("Français" over
    # "Original : anglais"); "" when it is the original, the line left blank as issued
    version: str = ""

    @property
    def runs_on(self) -> bool:
        """A decision in one sentence runs on from the organ line, in roman and unnumbered: "The General
        Assembly, recalling …, decides …" (A/C.1/80/L.39 as issued)."""
        if not self.organ_line or len(self.blocks) != 1:
            return False
        block = self.blocks[0]
        first = next((s.text for s in block.spans if s.text.strip()), "")
        return not block.opener and not block.label and first.lstrip()[:1].islower()


def join_opener(opener: str, text: str) -> str:
    """Opener and text as one line of plain words."""
    if not opener:
        return text
    if not text:
        return opener
    return opener + ("" if text[0] in ",;:." else " ") + text


_LINE_BREAKS = re.compile(r"[\n\r\x0b\x0c\x85\u2028\u2029]+")


def one_line(text: str) -> str:
    """A header line as printed: line breaks pasted into a one-line field (a sponsor's name, the committee) are
    spaces, as every output prints the line as one (a text export broke the sponsor line, and reading it back
    lost the names before the break)."""
    return _LINE_BREAKS.sub(" ", text)


def sponsor_line(res: Resolution) -> tuple[str, str]:
    """The sponsor line and, for group drafts, the page-1 '*' note."""
    h = res.header
    lang = get_language(h.language)
    kind = {
        DocumentKind.DRAFT_RESOLUTION: lang.kind("draft resolution"),
        DocumentKind.REVISED_DRAFT_RESOLUTION: lang.kind("revised draft resolution"),
        DocumentKind.DRAFT_DECISION: lang.kind("draft decision"),
        DocumentKind.AMENDMENT: f"{lang.kind('amendment to draft resolution')} {h.amends}".rstrip(),
    }[h.kind]
    names = join_names(h.sponsors, lang.and_for(h.sponsors[-1]) if h.sponsors else lang.and_word)
    if h.submitted_by and not names:  # a Chair's or Vice-Chair's draft: no sponsor line but who submits it
        return f"{kind[0].upper() + kind[1:]} {lang.kind('submitted_by')} {h.submitted_by}", h.sponsor_note
    if not names:
        return kind[0].upper() + kind[1:], ""
    note = h.sponsor_note
    behalf = BEHALF_NOTE.match(note)
    if h.on_behalf_of and (not note or (behalf and behalf.group(1).strip() != h.on_behalf_of)):
        note = behalf_note(h.on_behalf_of)  # the group was changed since the note was written
    elif not h.on_behalf_of and behalf:
        note = ""  # the group was cleared
    colon = lang.punctuate(":")  # French: "France et Mexique : projet de résolution"
    if not note:
        return f"{names}{colon} {kind}", ""
    if star_after_colon(note):
        return f"{names}{colon}* {kind}", note
    return f"{names}*{colon} {kind}", note


def agenda_lines(res: Resolution, tpl: Template) -> list[AgendaLine]:
    if not tpl.has_agenda:
        return []
    h = res.header
    lang = get_language(h.language)
    if tpl.uses_year:
        session = lang.masthead["year_session"].format(year=h.year) if h.year else ""
    else:
        session = lang.session_line(h.session) if h.session else ""
    # stored by its English name, printed in the draft's language where its file names it
    committee = lang.committee(h.committee or tpl.committee)
    items = h.agenda_items or []
    lines: list[AgendaLine] = []
    per_item = [line for line in tpl.agenda_lines if "{item" in line]
    for line in tpl.agenda_lines:
        if "{item" in line:
            if line is not per_item[0]:
                continue  # item lines are written together, once per agenda item
            for item in items:
                for item_line in per_item:
                    style = "item_title" if "{item_title}" in item_line else "item"
                    if item_line.strip() == "Agenda item {item}":
                        item_line = lang.masthead["agenda_item"]
                    text = item_line.format(item=item_label(item, lang), item_title=item.title)
                    if "{item}" in item_line and "{item_title}" not in item_line and not item.number:
                        continue
                    if text.strip():
                        lines.append(AgendaLine(text, style))
            continue
        text = line.format(session_line=session, committee=committee)
        if text.strip():
            style = (
                "session" if "{session_line}" in line else "committee" if "{committee}" in line else "other"
            )
            lines.append(AgendaLine(text, style))
    return lines


def item_label(item: AgendaItem, lang: Language) -> str:
    """ "98 (l)" in English; the language's sub-item shape elsewhere ("71 b)")."""
    if not item.sub_item:
        return item.number
    return lang.masthead.get("sub_item", "{number} ({sub})").format(number=item.number, sub=item.sub_item)


def _block(
    role: str,
    para_id: str,
    part: Part | None,
    level: int,
    label: str,
    opener: str,
    text: str,
    end: str,
    *,
    is_tail: bool = False,
    unit: str = "",
) -> Block:
    return Block(role, para_id, part, level, label, opener, tuple(inline.parse(text)), end, is_tail, unit)


def blocks_for(
    para: Paragraph,
    *,
    part: Part | None,
    level: int,
    label: str,
    end: str | None,
    role: str,
    unit: str,
    lang: Language | None = None,
) -> list[Block]:
    """A paragraph and its subparagraphs. `end` None (annexes): punctuation stays as written. Labels and the
    spacing of the marks follow the draft's language (French "a)" and "… ;")."""
    cancelling.check()  # a file being read renders once to settle its ends: the user may stop it
    lang = lang or get_language(None)
    if para.is_table:
        return [
            *_heading_blocks(para, part, level, unit),
            table_block(para, part, unit, lang),
            *_after_table(para, part, level, role, unit, lang),
        ]
    as_written = end is None
    subs = para.subparagraphs
    # a typed colon stays only where the place prints none of its own (it introduces a quotation)
    text = para.text if as_written else absorb_terminal(para.text, keep_colon=not subs and end != ":")
    tail = para.tail if as_written else absorb_terminal(para.tail, keep_colon=end != ":")
    text, tail = lang.spaced(text), lang.spaced(tail)
    heads = _heading_blocks(para, part, level, unit)
    # subparagraphs of a preambular paragraph are set off by commas, of an operative one by semicolons (so
    # in every issued GA resolution of sessions 78-79 that has them)
    between = "," if part is Part.PREAMBLE else ";"
    lead_end = ":" if subs else (end or "")
    if as_written or (not text.strip() and not para.opener.strip()):
        lead_end = ""  # nothing typed yet: no stray "," or "." on the page (a new draft's empty paragraphs)
    lead_mark = lang.punctuate(end_for(text, lead_end))
    lead = _block(role, para.id, part, level, label, para.opener, text, lead_mark, unit=unit)
    out = [*heads, lead]
    for i, sub in enumerate(subs, start=1):
        last = i == len(subs)
        sub_end = None if as_written else (between if tail or not last else end)
        out += blocks_for(
            sub,
            part=part,
            level=level + 1,
            label=lang.label(level + 1, i),
            end=sub_end,
            role="subparagraph",
            unit=unit,
            lang=lang,
        )
    if subs and tail:
        out.append(
            _block(
                role, para.id, part, level, "", "", tail, lang.punctuate(end or ""), is_tail=True, unit=unit
            )
        )
    return out


def _heading_blocks(para: Paragraph, part: Part | None, level: int, unit: str) -> list[Block]:
    return [
        _block("heading", para.id, part, level, "", "", line.strip(), "", unit=unit)
        for line in para.heading.splitlines()
        if line.strip()
    ]


# a cell's own tabs and line breaks (a project file's, a pasted cell's) are spaces in a table block's text, where
# a tab ends a cell and a line break a row (the text export and the compare view read them so), as Word's are
_CELL_BREAKS = re.compile("[\t\n\r\x0b\x0c\x1c-\x1e\x85\u2028\u2029]")


def table_block(para: Paragraph, part: Part | None, unit: str, lang: Language) -> Block:
    """A table paragraph as one "table" block: no label, opener or derived punctuation."""
    cells = tuple(tuple(lang.spaced(cell) for cell in row) for row in para.table)
    # the text (the plain-text export, the comparison) has every cell, a merged cell's words in its first cell
    # and the ones it covers empty, so each column stays in its place: the merge itself is lost there by design,
    # a text table having no way to span one
    text = "\n".join("\t".join(_CELL_BREAKS.sub(" ", cell) for cell in row) for row in cells)
    header = min(para.header_rows, len(cells))
    return Block(
        "table",
        para.id,
        part,
        0,
        "",
        "",
        tuple(inline.parse(text)),
        "",
        unit=unit,
        cells=cells,
        header_rows=header,
        merges=tuple(valid_merges(para.table, para.merges)) if para.merges else (),
    )


def _after_table(
    para: Paragraph, part: Part | None, level: int, role: str, unit: str, lang: Language
) -> list[Block]:
    """Text a table paragraph holds beside its cells (a file that gave it some, a list a reader hung under
    it): printed after the table, as written, never dropped."""
    if not (para.opener or para.text or para.tail or para.subparagraphs):
        return []
    rest = replace(para, table=[], heading="")
    # its text is the table's note, set as issued notes are ("a Member States in …"), wherever the table
    # stands: a block of the table's own id in a paragraph role would be a second row of the table's key
    # in the editor (a table with text in the preamble or an annex broke the list's layout)
    out = [
        replace(b, role="table_note") if b.paragraph_id == para.id else b
        for b in blocks_for(rest, part=part, level=level, label="", end=None, role=role, unit=unit, lang=lang)
    ]
    return out[1:] if not (para.opener or para.text) else out  # no empty line for a list's holder


def _part_blocks(
    body: ResolutionPart, letter: str, organ: str, lang: Language, last_end: str = "."
) -> list[Block]:
    """One part's paragraphs; for a resolution in parts, its letter, title and organ line before them.
    `last_end`: how the last operative paragraph ends (":" when a text it adopts follows)."""
    blocks: list[Block] = []
    if letter:
        blocks.append(_block("part_heading", body.id, None, 0, "", "", letter, "", unit=letter))
        if body.title:
            blocks.append(_block("part_title", body.id, None, 0, "", "", body.title, "", unit=letter))
        comma = "," if body.preamble else ""
        blocks.append(Block("organ_line", body.id, None, 0, "", organ, (), comma, unit=letter))
    for para in body.preamble:
        blocks += blocks_for(
            para, part=Part.PREAMBLE, level=0, label="", end=",", role="preambular", unit=letter, lang=lang
        )
    # the last paragraph ends the resolution with its full stop, a table after it or not
    n = max((i for i, p in enumerate(body.operative, start=1) if not p.is_table), default=0)
    numbered = sum(p.numbered and not p.is_table for p in body.operative)
    number = 0
    for i, para in enumerate(body.operative, start=1):
        if para.is_table:
            blocks += blocks_for(
                para, part=Part.OPERATIVE, level=0, label="", end="", role="table", unit=letter
            )
            continue
        if not para.numbered:  # a section's own preambular paragraph: unnumbered, set off by a comma
            blocks += blocks_for(
                para,
                part=Part.OPERATIVE,
                level=0,
                label="",
                end=",",
                role="preambular",
                unit=letter,
                lang=lang,
            )
            continue
        number = 1 if para.restart else number + 1  # a section numbered from 1 again
        label = f"{number}." if numbered > 1 else ""
        blocks += blocks_for(
            para,
            part=Part.OPERATIVE,
            level=0,
            label=label,
            end=last_end if i == n else ";",
            role="operative",
            unit=letter,
            lang=lang,
        )
    return blocks


def annex_label(index: int, count: int) -> str:
    """ "Annex" for a single annex, "Annex I", "Annex II" ... when there are several."""
    return "Annex" if count == 1 else f"Annex {roman(index).upper()}"


def annex_units(annexes: list[Annex]) -> list[str]:
    """What each annex is called: its printed label ("Annex", "Annex I" ...; unlabelled texts are not
    counted) or, for a text adopted with no label, "Adopted text" ("Adopted text 2" after the first)."""
    count = sum(a.labelled for a in annexes)
    out: list[str] = []
    labelled = unlabelled = 0
    for annex in annexes:
        if annex.labelled:
            labelled += 1
            out.append(annex_label(labelled, count))
        else:
            unlabelled += 1
            out.append("Adopted text" + (f" {unlabelled}" if unlabelled > 1 else ""))
    return out


def _annex_blocks(annex: Annex, label: str, lang: Language) -> list[Block]:
    blocks = (
        [_block("annex_heading", annex.id, None, 0, "", "", label, "", unit=label)] if annex.labelled else []
    )
    if annex.title:
        blocks.append(_block("annex_title", annex.id, None, 0, "", "", annex.title, "", unit=label))
    number = 0
    for para in annex.paragraphs:
        if para.numbered and not para.is_table:
            number += 1
        blocks += blocks_for(
            para,
            part=None,
            level=0,
            label=f"{number}." if para.numbered else "",
            end=None,
            role="annex_paragraph",
            unit=label,
            lang=lang,
        )
    return blocks


def part_letter(index: int) -> str:
    """ "A", "B" ... "Z", then "AA": parts of one resolution rarely pass E."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


def render(res: Resolution, template: Template | None = None) -> Rendered:
    tpl = template or get_template(res.header.template)
    h = res.header
    lang = get_language(h.language)
    organ_line = lang.organ_line(tpl.organ, tpl.organ_line)
    line, note = sponsor_line(res)
    line = one_line(line)
    blocks: list[Block] = []
    parts = res.parts()
    in_parts = len(parts) > 1
    amendment = h.kind is DocumentKind.AMENDMENT
    if amendment:  # an amendment prints its instructions, with no organ line of its own
        from app.amendments import instruction_blocks

        blocks += instruction_blocks(res.instructions, res.header.language)
    # "Adopts the following Pact for the Future and its annexes:" over the text it adopts, printed unlabelled
    adopts = bool(res.annexes) and not res.annexes[0].labelled
    for index, body in enumerate(parts):
        last_end = ":" if adopts and index == len(parts) - 1 else "."
        blocks += _part_blocks(body, part_letter(index) if in_parts else "", organ_line, lang, last_end)
    for annex, unit in zip(res.annexes, annex_units(res.annexes), strict=True):
        blocks += _annex_blocks(annex, unit, lang)
    for text in res.unplaced:
        blocks.append(_block("unplaced", "", None, 0, "", "", text, ""))
    out = Rendered(
        template=tpl,
        symbol=h.full_symbol,
        organ=lang.organ(tpl.organ),
        distribution=lang.masthead["distribution"].format(value=lang.word(h.distribution))
        if h.distribution
        else "",
        date=lang.format_date(h.date) if h.date else "",
        original=lang.masthead["original"].format(value=lang.word(h.original_language))
        if h.original_language
        else "",
        agenda=[AgendaLine(one_line(a.text), a.style) for a in agenda_lines(res, tpl)],
        sponsor_line=line,
        sponsor_note=note,
        title=inline.plain(lang.spaced(res.title)) if tpl.has_title else "",
        title_spans=tuple(inline.parse(lang.spaced(res.title))) if tpl.has_title else (),
        organ_line="" if in_parts or amendment else organ_line,  # in parts: one before each part
        organ_comma=bool(res.preamble),
        blocks=blocks,
        job_number=h.job_number,
        language=lang.code,
        united_nations=lang.masthead.get("united_nations", "United Nations"),
        version=lang.masthead.get("version", "")
        if h.original_language and h.original_language != lang.english_name
        else "",
    )
    number_footnotes(out, res)
    return out


def number_footnotes(out: Rendered, res: Resolution) -> None:
    """Number footnotes 1, 2, 3 in the order of their first reference; a note with a mark of its own prints
    with it and is not counted. A note nothing refers to (its reference deleted in the editor) is not printed;
    readers place every note they read at a reference."""
    runs = [out.title_spans] + [block.spans for block in out.blocks]
    lang = get_language(res.header.language)  # notes print with the language's spacing, as paragraphs do
    numbered = 0
    for spans in cancelling.each(runs):
        for note_id in [s.footnote for s in spans if s.footnote]:
            if note_id not in out.footnote_numbers and note_id in res.footnotes:
                note = res.footnotes[note_id]
                place = len(out.footnote_numbers) + 1
                out.footnote_numbers[note_id] = place
                out.footnotes.append((place, note_id, lang.spaced(note.text)))
                numbered += not note.mark
                out.footnote_marks[note_id] = note.mark or str(numbered)


def place_names(blocks: Iterable[Block]) -> dict[str, str]:
    """How a delegate names each paragraph, by paragraph id: "PP 3", "OP 2", "OP 2 (a)"; in a resolution in
    parts "B PP 3"; in an annex "Annex para. 4 (b)", or "Annex II para. 4" (by place when unnumbered); a
    table "Table 2" (counted in its part or annex), a list under it "Table 2 (a)"."""
    counters: dict[tuple[str, Part | None], int] = {}
    tables: dict[str, int] = {}  # tables of each part or annex so far
    names: dict[str, str] = {}
    top = ""
    instruction = 0
    section, after_heading = "", False  # the first line of the section heading read last
    used: set[str] = set()
    for block in cancelling.each(blocks):
        if block.role == "heading":
            section = section if after_heading else block.spans[0].text if block.spans else ""
            after_heading = True
            continue
        after_heading = False
        if block.role == "instruction":
            instruction += 1
            names[block.paragraph_id] = f"instruction {instruction}"
        elif block.role == "quoted":
            names[block.paragraph_id] = f"instruction {instruction}, quoted text"
        elif block.role == "table":  # "Table 2", "B Table 1", "Annex II Table 1": tables counted apart
            tables[block.unit] = tables.get(block.unit, 0) + 1
            names[block.paragraph_id] = f"{block.unit} Table {tables[block.unit]}".strip()
            if block.level == 0:  # a list a file hung under the table is the table's: "Table 1 (a)"
                top = names[block.paragraph_id]
        if block.is_tail or block.role not in ("preambular", "operative", "subparagraph", "annex_paragraph"):
            continue
        key = (block.unit, block.part)
        if block.level == 0:
            counters[key] = counters.get(key, 0) + 1
            if block.part is None:
                top = f"{block.unit} para. {block.label.rstrip('.') or counters[key]}"
            else:
                kind = "PP" if block.part is Part.PREAMBLE else "OP"
                printed = block.label.rstrip(".")
                top = f"{block.unit} {kind} {counters[key]}".strip()
                if to_int(printed, counters[key]) != counters[key]:  # numbered again from 1 in a section
                    in_section = f"{block.unit} {kind} {printed} of section {section}".strip()
                    top = top if in_section in used else in_section  # by place where a section repeats one
                used.add(top)
        names[block.paragraph_id] = f"{top} {block.label}" if block.level and block.label else top
    return names


def block_text(block: Block, numbers: dict[str, int] | None = None) -> str:
    """One block as plain text (footnote references as numbers in brackets when `numbers` is given)."""
    parts = []
    for s in block.body_spans:
        if s.footnote:
            if numbers and s.footnote in numbers:
                parts.append(f"[{numbers[s.footnote]}]")
        else:
            parts.append(s.text)
    after = [f"[{numbers[n]}]" for n in block.notes_after if numbers and n in numbers]
    return join_opener(block.opener, "".join(parts)) + block.end + "".join(after)
