"""The comparison as a .docx with real Word revisions (w:ins, w:del), in the layout of the new version.

The .docx writer builds the new version's document (masthead, styles, headers, footnotes); the body from the
title on is then written again from the structural comparison, paragraph by paragraph, with the writer's own
paragraph styles and run formatting. Inserted words are wrapped in `w:ins`, deleted ones in `w:del` with
`w:delText`; a deleted or inserted paragraph also marks its paragraph mark, so accepting or rejecting leaves no
empty line. Paragraph numbers and subparagraph labels become Word list numbering in this file, so a deleted
or inserted paragraph renumbers the others instead of showing every later number as changed: accept all
gives the new text, reject all the base text, numbers included. Footnote references are tracked like words;
the notes of deleted references are added to the footnotes part, and changed note texts carry revisions too.
The masthead, agenda block and sponsor line are the new version's, untracked.
"""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path
from xml.sax.saxutils import quoteattr

import docx
from docx.oxml.ns import qn
from docx.oxml.parser import parse_xml

from app.atomic import write_atomic
from app.compare.diff import DELETE, EQUAL, INSERT, BlockChange, Comparison, Segment, compare
from app.compare.table_diff import layout_block, table_rows
from app.io import docx_parts
from app.io import docx_writer as writer
from app.io.docx_layout import layout_for_paper
from app.io.safe_xml import xml_text
from app.model import Resolution
from app.render import Block

DEFAULT_AUTHOR = "Resolute"

# Word list formats for subparagraph depths 1.. (as app.formatting.subparagraph_label prints them)
_SUB_LEVELS = (
    ("lowerLetter", "({n})"),
    ("lowerRoman", "({n})"),
    ("lowerLetter", "{n}."),
    ("lowerRoman", "{n}."),
)


class _Revisions:
    """Writes tracked runs; one id sequence for every revision in the package."""

    def __init__(self, author: str, date: dt.datetime) -> None:
        def attrs(when: dt.datetime) -> str:
            return f'w:author={quoteattr(xml_text(author))} w:date="{when.strftime("%Y-%m-%dT%H:%M:%SZ")}"'

        # Whole inserted or deleted paragraphs carry a stamp one minute earlier than word changes: LibreOffice
        # joins adjacent revisions of one author made within a minute, and a word change at the end of a kept
        # paragraph joined to the insertion of the next paragraph would take the kept paragraph's break with it.
        self.word_attrs = attrs(date)
        self.whole_attrs = attrs(date - dt.timedelta(minutes=1))
        self.whole = False
        self.next_id = 1

    @property
    def attrs(self) -> str:
        return self.whole_attrs if self.whole else self.word_attrs

    def mark(self, op: str) -> str:
        """A paragraph-mark revision (goes in w:pPr/w:rPr)."""
        if op == EQUAL:
            return ""
        tag = "w:ins" if op == INSERT else "w:del"
        return f'<{tag} w:id="{self._id()}" {self.attrs}/>'

    def property_change(self, old_ppr: str) -> str:
        """A w:pPrChange recording the paragraph properties the base had."""
        return f'<w:pPrChange w:id="{self._id()}" {self.attrs}><w:pPr>{old_ppr}</w:pPr></w:pPrChange>'

    def wrap(self, op: str, runs: str) -> str:
        if not runs or op == EQUAL:
            return runs
        if op == DELETE:
            runs = runs.replace('<w:t xml:space="preserve">', '<w:delText xml:space="preserve">')
            runs = runs.replace("<w:t>", "<w:delText>").replace("</w:t>", "</w:delText>")
            tag = "w:del"
        else:
            tag = "w:ins"
        return f'<{tag} w:id="{self._id()}" {self.attrs}>{runs}</{tag}>'

    def _id(self) -> int:
        self.next_id += 1
        return self.next_id


class _Notes:
    """Word footnote ids for the comparison's footnotes: the writer's ids for the new version's notes, new ids
    for notes only the base has."""

    def __init__(self, document: docx.document.Document, cmp: Comparison, revs: _Revisions) -> None:
        self.cmp, self.revs, self.document = cmp, revs, document
        rendered = cmp.new_rendered
        self.offset = 1 if rendered.sponsor_note else 0
        self.part = docx_parts.footnotes_part(document, create=False)
        self.ids: dict[str, int] = {}
        self.used: set[int] = set()
        self._by_id: dict[int, object] | None = None  # the part's notes by Word id, read once (not per note)
        self._last = 0  # the highest of those ids

    def _root(self):
        if self.part is None:
            self.part = docx_parts.footnotes_part(self.document)
            separator = self.part.footnotes.special(-1)
            separator.clear()
            layout = layout_for_paper(self.cmp.new_rendered.template.paper)
            separator._element.append(writer.parse_one(writer.footnote_separator_xml(layout)))
        return self.part.element

    def word_id(self, key: str) -> int | None:
        if key in self.ids:
            return self.ids[key]
        change = self.cmp.footnotes[key]
        number = self.cmp.new_rendered.footnote_numbers.get(change.new_id) if change.new_id else None
        root = self._root()
        if number is not None:
            word_id = number + self.offset
            if change.status == "changed":
                self._rewrite(self._notes(root).get(word_id), change.segments)
        elif change.base_id in self.cmp.base.footnotes:
            notes = self._notes(root)
            word_id = self._last + 1
            note = root.add_footnote(word_id)  # after the highest id: added without a search
            notes[word_id], self._last = note, word_id
            runs = "".join(writer.run_xml(s.text, italic=s.italic or None) for s in change.segments if s.text)
            note.append(writer.parse_one(writer.footnote_xml("<w:footnoteRef/>", runs)))
        else:
            return None
        self.ids[key] = word_id
        return word_id

    def _notes(self, root) -> dict[int, object]:
        """The notes of the part by id, and the highest id (`_last`): one pass over the part for the whole
        comparison, where a search per note made a comparison of thousands of notes grow with their square."""
        if self._by_id is None:
            self._by_id = {note.id: note for note in root.footnote_lst}
            self._last = max([*self._by_id, 0])
        return self._by_id

    def _rewrite(self, note, segments: list[Segment]) -> None:
        """The note's text as tracked runs, after its reference mark and tab."""
        if note is None:
            return
        paragraphs = note.xpath("./w:p")
        if not paragraphs:
            return
        p = paragraphs[0]
        runs = p.xpath("./w:r")
        for run in runs[2:]:  # the first two runs are the reference mark and the tab
            p.remove(run)
        for el in _parse_runs(_segment_runs(segments, self.revs, None)):
            p.append(el)

    def reference(self, key: str, op: str) -> str:
        word_id = self.word_id(key)
        if word_id is None:
            return ""
        style = f'<w:rPr><w:rStyle w:val="{writer.REFERENCE_STYLE}"/></w:rPr>'
        if word_id in self.used:  # Word cannot point twice at one note: repeat its number as text
            number = self.cmp.new_rendered.footnote_numbers.get(self.cmp.footnotes[key].new_id, "")
            return self.revs.wrap(op, f"<w:r>{style}<w:t>{number}</w:t></w:r>") if number else ""
        self.used.add(word_id)
        return self.revs.wrap(op, f'<w:r>{style}<w:footnoteReference w:id="{word_id}"/></w:r>')


def _parse_runs(xml: str) -> list:
    return writer.parse_many(f"<w:p>{xml}</w:p>")[0].getchildren() if xml else []


def _segment_runs(
    segments: list[Segment], revs: _Revisions, notes: _Notes | None, *, italic: bool = True
) -> str:
    out = []
    for seg in segments:
        if seg.footnote:
            if notes is not None:
                out.append(notes.reference(seg.footnote, seg.op))
            continue
        run = writer.run_xml(seg.text, italic=((seg.italic or seg.opener) and italic) or None)
        out.append(revs.wrap(seg.op, run))
    return "".join(out)


class _Numbering:
    """Word list numbering for operative numbers and subparagraph labels of the tracked document."""

    def __init__(self, document: docx.document.Document) -> None:
        self.root = document.part.numbering_part.element
        self.abstract_ids = [int(a.get(qn("w:abstractNumId"))) for a in self.root.xpath("./w:abstractNum")]
        self.num_ids = [int(n.get(qn("w:numId"))) for n in self.root.xpath("./w:num")]
        self.numbered: dict[str, int] = {}  # a list per part and per annex: each numbers from 1
        self.current_sub = 0

    def _add(self, levels: list[tuple[str, str]]) -> int:
        abstract = max([0, *self.abstract_ids]) + 1
        self.abstract_ids.append(abstract)
        lvls = "".join(
            f'<w:lvl w:ilvl="{i}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/><w:suff w:val="tab"/>'
            f'<w:lvlText w:val="{text.format(n=f"%{i + 1}")}"/><w:lvlJc w:val="left"/></w:lvl>'
            for i, (fmt, text) in enumerate(levels)
        )
        ns = writer.NS
        element = parse_xml(
            f'<w:abstractNum {ns} w:abstractNumId="{abstract}"><w:multiLevelType w:val="multilevel"/>{lvls}'
            "</w:abstractNum>"
        )
        nums = self.root.xpath("./w:num")
        if nums:
            nums[0].addprevious(element)
        else:
            self.root.append(element)
        num = max([0, *self.num_ids]) + 1
        self.num_ids.append(num)
        self.root.append(
            parse_xml(f'<w:num {ns} w:numId="{num}"><w:abstractNumId w:val="{abstract}"/></w:num>')
        )
        return num

    def operative_numpr(self, unit: str = "") -> str:
        """Numbered paragraphs of one part ("", "A", "B" ...) or one annex ("Annex II")."""
        if unit not in self.numbered:
            self.numbered[unit] = self._add([("decimal", "{n}.")])
        return f'<w:numPr><w:ilvl w:val="0"/><w:numId w:val="{self.numbered[unit]}"/></w:numPr>'

    def for_block(self, block: Block, unit: str = "") -> str:
        """The w:numPr of a labelled block ("" for unlabelled ones); a new paragraph starts new sublists.
        `unit` names the list the block's part or annex numbers in."""
        if block.level == 0 and not block.is_tail:
            self.current_sub = 0
        if not block.label:
            return ""
        if block.level == 0:
            return self.operative_numpr(unit)
        if not self.current_sub:
            self.current_sub = self._add([_SUB_LEVELS[i % 4] for i in range(9)])
        return f'<w:numPr><w:ilvl w:val="{min(block.level - 1, 8)}"/><w:numId w:val="{self.current_sub}"/></w:numPr>'


# Explicitly unnumbered: LibreOffice keeps the list of an inserted paragraph whose insertion is rejected on the
# paragraph it joins, unless that paragraph says it has none.
_NO_NUMBER = '<w:numPr><w:ilvl w:val="0"/><w:numId w:val="0"/></w:numPr>'


def _paragraph(
    style_key: str, runs: str, *, numpr: str = _NO_NUMBER, mark: str = "", change: str = ""
) -> str:
    """A body paragraph in the writer's style; `change` is a w:pPrChange holding the base's properties."""
    style_id = writer.STYLE_IDS[style_key][0]
    rpr = f"<w:rPr>{mark}</w:rPr>" if mark else ""
    return f'<w:p><w:pPr><w:pStyle w:val="{style_id}"/>{numpr}{rpr}{change}</w:pPr>{runs}</w:p>'


def _deletion_last(segments: list[Segment]) -> list[Segment]:
    """End a kept paragraph that an inserted one follows with its deletions, not its insertions: LibreOffice
    joins an insertion at the end of a paragraph to the insertion of the next paragraph, break included, and
    Reject All would then merge the kept paragraph with the one after."""
    k = len(segments)
    while k and segments[k - 1].op != EQUAL:
        k -= 1
    run = segments[k:]
    return segments[:k] + [s for s in run if s.op == INSERT] + [s for s in run if s.op == DELETE]


def _inserted_at_the_end(rows: list[list[str]]) -> None:
    """Paragraphs inserted after the last kept one, formatted like it, take its paragraph mark.

    Their marks are normally their own: rejecting removes each inserted paragraph whole, as Word does for
    pasted paragraphs. Before the (empty) end-rule paragraph, LibreOffice would instead keep the rejected
    paragraph and drop the end rule; marking the break after the last kept paragraph as the insertion, and
    leaving the last inserted paragraph's mark (formatted alike) as the kept one, rejects cleanly in both.
    """
    k = len(rows)
    while k and rows[k - 1][3] == INSERT:
        k -= 1
    if k == len(rows) or k == 0 or rows[k - 1][3] != EQUAL:
        return
    kept, last = rows[k - 1], rows[-1]
    if (kept[0], kept[2]) != (last[0], last[2]) or kept[0] == "table":
        return
    kept[3], last[3] = INSERT, EQUAL
    last[4] = kept[4]  # rejecting merges the two under the last mark: it must carry the base's numbering too


def _before_tables(rows: list[list[str]]) -> None:
    """Paragraphs deleted (or inserted) right before a table give their last mark to the kept paragraph before
    them, formatted alike: a paragraph mark cannot join a table, so accepting (rejecting) left an empty
    numbered paragraph over the table in LibreOffice and Word. The kept paragraph's text then ends in the last
    one's paragraph, which has its format."""
    for i in range(1, len(rows) - 1):
        last, op = rows[i], rows[i][3]
        if rows[i + 1][0] != "table" or last[0] == "table" or op == EQUAL:
            continue
        k = i
        while k > 0 and rows[k - 1][3] == op and rows[k - 1][0] != "table":
            k -= 1
        kept = rows[k - 1] if k > 0 else None
        if kept is None or kept[3] != EQUAL or (kept[0], kept[2]) != (last[0], last[2]):
            continue
        kept[3], last[3] = op, EQUAL
        last[4] = kept[4]


def _op_of(change: BlockChange) -> str:
    return {"inserted": INSERT, "deleted": DELETE}.get(change.status, EQUAL)


def _list_key(cmp: Comparison, change: BlockChange) -> str:
    """One Word list per part or annex, shared by both versions of it: a paragraph numbers in its new part's
    list, a deleted one in the list of the part it was paired to (its own when the whole part went)."""
    if change.new is not None:
        return change.new.unit
    assert change.base is not None
    unit = change.base.unit
    return cmp.unit_pairs.get(unit, f"deleted {unit}")


def _table(cmp: Comparison, change: BlockChange, revs: _Revisions, notes: _Notes) -> str:
    """A table as a Word table in the plain export's layout, its rows of both versions in print order: a
    changed cell holds its words' revisions, a row only one version has is marked inserted or deleted in its
    row properties (w:trPr/w:ins, w:del) with every run of it tracked, as Word marks rows."""
    rows = table_rows(change.base, change.new, cmp.base, cmp.new, cmp.footnotes)
    if not rows:
        return ""
    layout = layout_for_paper(cmp.new_rendered.template.paper)
    tables = writer.table_writer(layout, lambda spans: "")
    cell_runs, marks = [], []
    for row in rows:
        revs.whole = row.op != EQUAL
        marks.append(revs.mark(row.op))
        cell_runs.append([_segment_runs(segments, revs, notes) for segments in row.cells])
        revs.whole = False
    return tables.xml(layout_block(change.block, rows), cell_runs, marks)


def _title_and_organ_line(cmp: Comparison, revs: _Revisions) -> list[str]:
    """The title's and the organ line's paragraphs, tracked."""
    out: list[str] = []
    new_r = cmp.new_rendered
    base_title = cmp.base_rendered.title
    if new_r.title or base_title:
        title = [Segment(s.op, s.text) for s in cmp.title]  # the writer prints the title plain
        op = INSERT if not base_title else DELETE if not new_r.title else EQUAL
        revs.whole = op != EQUAL
        runs = revs.wrap(op, writer.run_xml("\t")) + _segment_runs(title, revs, None)
        out.append(_paragraph("title", runs, mark=revs.mark(op)))
        revs.whole = False
    organ_runs = writer.run_xml(new_r.organ_line, italic=True) + (
        writer.run_xml(",") if new_r.organ_comma else ""
    )
    base_r = cmp.base_rendered
    if not base_r.organ_line and not new_r.organ_line:
        pass  # resolutions in parts: each part has its own organ line among the blocks
    elif (base_r.organ_line, base_r.organ_comma) == (new_r.organ_line, new_r.organ_comma):
        out.append(_paragraph("organ_line", organ_runs))
    else:
        old = writer.run_xml(base_r.organ_line, italic=True) + (
            writer.run_xml(",") if base_r.organ_comma else ""
        )
        op = INSERT if not base_r.organ_line else DELETE if not new_r.organ_line else EQUAL
        new_runs = organ_runs if new_r.organ_line else ""
        revs.whole = op != EQUAL
        runs = revs.wrap(DELETE, old if base_r.organ_line else "") + revs.wrap(INSERT, new_runs)
        out.append(_paragraph("organ_line", runs, mark=revs.mark(op)))
        revs.whole = False
    return out


def _body(cmp: Comparison, revs: _Revisions, notes: _Notes, numbering: _Numbering) -> str:
    out = _title_and_organ_line(cmp, revs)
    rows: list[list[str]] = []  # [style key, runs, numPr, paragraph-mark op, pPrChange] per block
    blocks = cmp.blocks
    for i, change in enumerate(blocks):
        block = change.block
        op = _op_of(change)
        if block.role == "table":
            rows.append(["table", _table(cmp, change, revs, notes), "", op, ""])
            continue
        revs.whole = op != EQUAL
        segments = change.segments
        if op == EQUAL and i + 1 < len(blocks) and _op_of(blocks[i + 1]) == INSERT:
            segments = _deletion_last(segments)
        runs = _segment_runs(segments, revs, notes)
        numpr = numbering.for_block(block, _list_key(cmp, change))
        if not numpr and block.role != "table_note":  # LibreOffice drops the notes style's hanging indent
            numpr = _NO_NUMBER  # under numId 0: the note under a table would start at the margin
        before = ""
        if (
            change.base is not None
            and change.new is not None
            and bool(change.base.label) != bool(change.new.label)
        ):
            # numbered in one version only (a single operative paragraph is unnumbered): a tracked
            # paragraph-property change carries the base's numbering
            old_numpr = numbering.operative_numpr(_list_key(cmp, change)) if change.base.label else _NO_NUMBER
            old_style = writer.STYLE_IDS[writer.block_style(change.base)][0]
            before = revs.property_change(f'<w:pStyle w:val="{old_style}"/>{old_numpr}')
        rows.append([writer.block_style(block), runs, numpr, op, before])
        revs.whole = False
    _inserted_at_the_end(rows)
    _before_tables(rows)
    for style, runs, numpr, op, before in rows:
        if style == "table":
            if out and out[-1].startswith("<w:tbl>"):
                out.append(_paragraph("body", ""))  # Word joins two tables that touch into one
            out.append(runs)
            continue
        revs.whole = True
        out.append(_paragraph(style, runs, numpr=numpr, mark=revs.mark(op), change=before))
        revs.whole = False
    return "".join(out)


def _track_revisions_setting(document: docx.document.Document) -> None:
    """Turn Track Changes on, so edits made in Word on top of this file are tracked too."""
    settings = document.settings.element
    if settings.find(qn("w:trackRevisions")) is not None:
        return
    element = parse_xml(f"<w:trackRevisions {writer.NS}/>")
    for later in (
        "w:doNotTrackMoves",
        "w:doNotTrackFormatting",
        "w:documentProtection",
        "w:defaultTabStop",
        "w:characterSpacingControl",
        "w:evenAndOddHeaders",
        "w:footnotePr",
        "w:compat",
    ):
        found = settings.find(qn(later))
        if found is not None:
            found.addprevious(element)
            return
    settings.append(element)


def build_tracked_document(
    base: Resolution,
    new: Resolution,
    *,
    author: str = DEFAULT_AUTHOR,
    date: dt.datetime | None = None,
    comparison: Comparison | None = None,
) -> docx.document.Document:
    cmp = comparison or compare(base, new)
    revs = _Revisions(author, date or dt.datetime.now(dt.timezone.utc))
    document = writer.build_document(new, rendered=cmp.new_rendered)
    notes = _Notes(document, cmp, revs)
    numbering = _Numbering(document)
    body = document.element.body
    paragraphs = body.xpath("./w:p")
    styles = [p.xpath("string(./w:pPr/w:pStyle/@w:val)") for p in paragraphs]
    # the body starts at the title, the organ line or, in a resolution in parts without a title, part A's letter
    start_styles = {
        writer.STYLE_IDS[k][0] for k in ("title", "organ_line", "section_heading", "part_heading")
    }
    start = next((i for i, s in enumerate(styles) if s in start_styles), None)
    end_rule = writer.STYLE_IDS["end_rule"][0]
    stop = max((i for i, s in enumerate(styles) if s == end_rule), default=len(paragraphs))
    if (
        start is None
    ):  # no title and no organ line (a decision run on from it): after the agenda and sponsor line
        above = {
            writer.STYLE_IDS[k][0]
            for k in ("sponsor_line", "sponsor_heading", "agenda_item", *writer.AGENDA_STYLE.values())
        }
        start = 1 + max((i for i, s in enumerate(styles[:stop]) if s in above), default=-1)
    anchor = paragraphs[stop] if stop < len(paragraphs) else body.find(qn("w:sectPr"))
    first = paragraphs[start] if start < len(paragraphs) else anchor
    between = []  # the paragraphs and tables (w:tbl) the body is written again in place of
    for el in first.itersiblings(preceding=False) if first is not anchor else ():
        if el is anchor:
            break
        between.append(el)
    for p in ([first] if first is not anchor else []) + between:
        p.clear()  # emptied first: lxml detaches a large subtree at a cost that grows with its size squared
        body.remove(p)
    for el in writer.parse_many(_body(cmp, revs, notes, numbering)):
        anchor.addprevious(el)
    if anchor.tag == qn("w:p") and anchor.find(qn("w:pPr")) is not None:
        ppr = anchor.find(qn("w:pPr"))
        style = ppr.find(qn("w:pStyle"))
        no_number = parse_xml(_NO_NUMBER.replace("<w:numPr>", f"<w:numPr {writer.NS}>", 1))
        if style is not None:
            style.addnext(no_number)
        else:
            ppr.insert(0, no_number)
    _track_revisions_setting(document)
    return document


def build_tracked_docx(
    base: Resolution,
    new: Resolution,
    *,
    author: str = DEFAULT_AUTHOR,
    date: dt.datetime | None = None,
    comparison: Comparison | None = None,
) -> bytes:
    """The tracked-changes .docx from `base` to `new`, as bytes."""
    stream = io.BytesIO()
    build_tracked_document(base, new, author=author, date=date, comparison=comparison).save(stream)
    return stream.getvalue()


def write_tracked_docx(
    base: Resolution,
    new: Resolution,
    path: Path | str,
    *,
    author: str = DEFAULT_AUTHOR,
    date: dt.datetime | None = None,
) -> None:
    """Write the tracked-changes .docx atomically."""
    write_atomic(Path(path), build_tracked_docx(base, new, author=author, date=date))
