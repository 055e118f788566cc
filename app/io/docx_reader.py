"""Read a Word (.docx) draft into the model: masthead, sponsor line, title, preamble, operative part, footnotes.

The file is checked as a zip (app.io.safe_xml) before python-docx opens it. Paragraphs are then read from the
WordprocessingML directly (app.io.wordml), because python-docx shows neither tracked changes nor footnotes nor
computed list numbers:

- tracked changes are read as if all were accepted: `w:ins`/`w:moveTo` in, `w:del`/`w:moveFrom` out, a
  deleted paragraph mark joins its paragraph to the next one, a table cell merged, split, inserted or
  deleted (`w:cellMerge`, `w:cellIns`, `w:cellDel`) so, a deleted cell's row closing up;
- italics come from the run, its character style, the paragraph style or the document defaults;
- numbers come from typed labels ("1.", "(a)", "(i)", "a.", "i.") or from Word's automatic numbering
  (`w:numPr` computed through numbering.xml, or the list level when the definition is missing);
- footnotes are real Word footnotes (`w:footnoteReference` into the footnotes part) or the text's own
  superscript reference marks with their notes typed as paragraphs;
- page headers and footers are other parts and are not read.

The lines before the organ line ("The General Assembly,") go to the one header reader as structured lines
(text, style, bold, size, alignment, table cell: app.io.header_lines; app.io.docx_header); the body is placed
by app.io.docx_body, each line's label and text read by app.io.docx_lines. A resolution in parts has "A", its
title and an organ line before each part; annexes start at an "Annex" / "Annex II" line (app.io.docx_annexes;
Resolute's own styles name every role). Lines that fit nowhere are kept in `unplaced` with a finding, never
dropped. This module opens the file, runs those readers in turn and settles footnotes and findings.
"""

from __future__ import annotations

import re

from lxml import etree

from app import cancelling, inline
from app.errors import InputError
from app.findings import Finding, Severity
from app.io.amendment_reader import read_body
from app.io.docx_annexes import annexes, part_starts
from app.io.docx_body import State, place, single_operative, trailing
from app.io.docx_header import header_and_body, read_header
from app.io.docx_lines import has_italic_opener, kind, markup, spans
from app.io.docx_package import STRICT_NS, OpenedDocx, open_docx, package_findings, strict_refusal
from app.io.imported import ImportResult
from app.io.span_text import tidy
from app.io.structure import settle_opening_section
from app.io.typed_labels import TypedLabels
from app.io.wordml import Line, Numbering, Styles, Walker, count_comments, first_page, read_lines
from app.io.wordml_findings import walker_findings
from app.languages import language_of_organ_line, language_of_sponsor_line
from app.messages import say
from app.model import Footnote, Resolution, ResolutionPart


def _language(lines: list[Line]) -> str:
    """The draft's language: that of its organ line ("L’Assemblée générale,"), else of the kind its sponsor
    line names (an amendment has no organ line), else English."""
    by_sponsor_line = ""
    for line in cancelling.each(lines):
        text = re.sub(r"\s+", " ", line.plain).strip()
        found = language_of_organ_line(text)
        if found:
            return found
        by_sponsor_line = by_sponsor_line or language_of_sponsor_line(text)
    return by_sponsor_line or "en"


def _resolve_typed(
    res: Resolution, typed: dict[str, str], texts: dict[str, str], findings: list[Finding]
) -> None:
    """Give typed reference marks their footnotes. A typed number with no note text of its own that follows a
    word or a mark of punctuation cites again the Word footnote of that number ("…Secretary-General;⁵" typed
    after footnote 5), as a NOTEREF field would; other marks without a note text stay as typed."""
    if not typed:
        return
    pattern = re.compile(r"\[\^(typed-\d+)\]")
    replace: dict[str, str] = {}
    cited: list[str] = []  # the Word footnotes, in the order of their first reference: as Word numbers them
    for tmp_mark, tmp in typed.items():
        if tmp_mark in texts:
            note = Footnote(text=texts[tmp_mark])
            res.footnotes[note.id] = note
            replace[tmp] = inline.footnote_ref(note.id)
    if len(replace) < len(typed):
        seen: set[str] = set()
        for markup in _markups(res):
            for note_id in inline.footnote_ids(markup):
                if not note_id.startswith("typed-") and note_id not in seen:
                    seen.add(note_id)
                    cited.append(note_id)
    marks = {tmp: mark for mark, tmp in typed.items()}
    kept: set[str] = set()

    def fix(markup: str) -> str:
        def one(m: re.Match[str]) -> str:
            tmp = m.group(1)
            if tmp in replace:
                return replace[tmp]
            mark = marks.get(tmp)
            if mark is None:
                return m.group(0)
            n = int(mark) if mark.isascii() and mark.isdigit() else 0
            word = re.search(r"(\w*)\W?$", inline.plain(markup[: m.start()])).group(1)  # type: ignore[union-attr]
            if 0 < n <= len(cited) and not (0 < len(word) < 3):  # never a power: "km²"
                return inline.footnote_ref(cited[n - 1])
            kept.add(mark)
            return inline.escape(mark)

        return pattern.sub(one, markup) if "[^typed-" in markup else markup

    res.title = fix(res.title)
    for _, para in res.paragraphs():
        para.text, para.tail = fix(para.text), fix(para.tail)
    for para in res.annex_paragraphs():
        para.text, para.tail = fix(para.text), fix(para.tail)
    for holder in [*res.later_parts, *res.annexes]:
        holder.title = fix(holder.title)
    res.part_title = fix(res.part_title)
    for mark in kept:
        findings.append(
            Finding(
                "import.footnotes",
                Severity.INFO,
                say("superscript mark “{mark}” has no footnote text in the file: kept as typed", mark=mark),
            )
        )


def _markups(res: Resolution) -> list[str]:
    """Every text that may hold a reference, in reading order."""
    out = [res.title, res.part_title]
    for _, para in res.paragraphs():
        out += [para.opener, para.text, para.tail]
    for para in res.annex_paragraphs():
        out += [para.opener, para.text, para.tail]
    return out


def _number(lines: list[Line], numbering: Numbering) -> None:
    """Each line's label from Word's automatic numbering, where it has one."""
    for line in cancelling.each(lines):
        if line.num_id:
            got = numbering.label(line.num_id, line.ilvl or 0)
            if got is not None:
                line.label, line.label_fmt = got


# ------------------------------------------------------------------ entry point


def _closing_findings(res: Resolution, walker: Walker, state: State, opened: OpenedDocx) -> list[Finding]:
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
        raise InputError(
            say("{name} is damaged: its main part is not a Word document body", name=name or say("the file"))
        )
    masthead, job_number = first_page(document, walker)
    lines = read_lines(body_element, walker)
    _number(lines, Numbering(numbering_root))
    organ_at, header_lines, body = header_and_body(lines, findings)
    typed: dict[str, str] = {}
    starts = part_starts(lines) if organ_at is not None else []
    in_parts = len(starts) > 1 and starts[0][1] == organ_at
    if in_parts:  # a resolution in parts: "A", its title and its organ line open each part
        header_lines = lines[: starts[0][0]]
    adoption = read_header(masthead + header_lines, walker.styles, res, findings, typed, _language(lines))
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
        state = State(target, findings, typed_labels=typed_labels, styles=walker.styles)
        state.italic_openers = any(
            has_italic_opener(tidy(spans(line.pieces, {}))) for line in cancelling.each(segment)
        )
        numbered_doc = any(kind(line.label or line.plain)[0] == "num" for line in cancelling.each(segment))
        trailing(rest, state, typed, texts)  # left over before the next part: kept
        rest = place(segment, state, typed, texts, numbered_doc)
        settle_opening_section(target.preamble, target.operative)
        single_operative(state)
        title = " ".join(markup(line, typed) for line in title_lines or [] if line.plain.strip())
        if index == 0:
            res.part_title = title
        else:
            res.later_parts.append(ResolutionPart(title, target.preamble, target.operative))
            res.unplaced += target.unplaced
    state.res = res
    findings += typed_labels.settled()
    annexes(rest, state, typed, texts)
    _resolve_typed(res, typed, texts, findings)
    if state.amend_sentences:
        findings += read_body(
            res, state.amend_order, state.amend_sentences, state.amend_numbered, state.lexicon_ids
        )

    if not res.preamble and not res.operative and not res.instructions:
        raise InputError(
            say(
                "{name} has no resolution text: no preambular or operative paragraphs found",
                name=name or say("the file"),
            )
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
