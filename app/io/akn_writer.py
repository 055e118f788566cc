"""Write a resolution as Akoma Ntoso XML the way the UN marks its own (AKN4UN).

The structure follows the DGACM files (`A_RES_80_70-2520898E.xml` and friends): `statement` with `meta`
(FRBR identification, `workflow` with the draft step and its sponsors), `coverPage` (symbol, organ,
distribution, date, session, committee, agenda items, sponsor line), `preface` (title), `preamble` (enacting
formula, one `container` per preambular paragraph named for its opener), `mainBody` (`paragraph` with `num`
and `content`, or `list` with `intro`, `point` and `wrapUp`) and footnotes as `authorialNote` where they are
referenced. A resolution in parts is a `documentCollection` with one `statement` per part (A/RES/75/101 A-B);
each annex is an `attachment` opening with "Annex I" and its title as heading paragraphs, as the UN marks them.
Printed numbers, labels and terminal punctuation are written as the render derives them, as the UN does;
`app.io.akn_reader.read_akn` strips them again.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable

from lxml import etree

from app import inline
from app.amendments import Item, items
from app.formatting import ROMAN_NUMBER, SECTION_NUMBER, format_date, session_line, subparagraph_label
from app.io.akn_amended_units import table_destination, unit_destination, write_cell, write_unit
from app.io.akn_annexes import ADOPTED_DOC
from app.io.safe_xml import xml_text
from app.languages import get_language
from app.model import TITLE_UNIT, Action, DocumentKind, Instruction, Part, Resolution
from app.render import Block, Rendered, annex_units, item_label, part_letter, render, sponsor_line
from app.states import english_name
from app.table_merges import covered
from app.wording.units import is_text_edit, is_whole_unit, titled, unit_title

AKN_NS = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"
AKN4UN_NS = "http://un.org/akn4un"
_NSMAP = {None: AKN_NS, "akn4un": AKN4UN_NS}
# a draft's distribution as its cover page's docStatus refers to it, whatever language prints its words
DISTRIBUTION_REFS = {
    "Limited": "#limitedDistribution",
    "General": "#generalDistribution",
    "Restricted": "#restrictedDistribution",
}

_STATEMENT_NAME = {
    DocumentKind.DRAFT_RESOLUTION: "draftResolution",
    DocumentKind.REVISED_DRAFT_RESOLUTION: "draftResolution",
    DocumentKind.DRAFT_DECISION: "draftDecision",
    DocumentKind.AMENDMENT: "amendment",
}


def _el(parent: etree._Element | None, tag: str, text: str = "", **attrs: str) -> etree._Element:
    attrs = {k.rstrip("_"): xml_text(v) for k, v in attrs.items() if v != ""}
    tag = tag if tag.startswith("{") else f"{{{AKN_NS}}}{tag}"
    el = (
        etree.SubElement(parent, tag, attrs)
        if parent is not None
        else etree.Element(tag, attrs, nsmap=_NSMAP)
    )
    if text:
        el.text = xml_text(text)
    return el


def _camel(name: str) -> str:
    """'First Committee' → 'firstCommittee' (a TLC reference id)."""
    words = re.findall(r"[A-Za-z0-9]+", name)
    return (words[0].lower() + "".join(w.capitalize() for w in words[1:])) if words else ""


def _frbr_number(symbol: str) -> str:
    return symbol.replace("/", "-").replace(" ", "_")


_COMMITTEES = "First Second Third Fourth Fifth Sixth".split()
_ORGAN_ACTORS = {
    "General Assembly": "un-ga",
    "Security Council": "un-sc",
    "Economic and Social Council": "un-ecosoc",
}


def _actor(res: Resolution, rendered: Rendered) -> str:
    """The FRBR actor: un-ga, un-ga-c1 .. un-ga-c6, un-ga-hrc, un-sc (AKN4UN naming, anchors.md 3.3)."""
    committee = res.header.committee or rendered.template.committee
    m = re.search(r"\b(First|Second|Third|Fourth|Fifth|Sixth) Committee", committee)
    if m:
        return f"un-ga-c{_COMMITTEES.index(m.group(1)) + 1}"
    if committee == "Human Rights Council":
        return "un-ga-hrc"
    return _ORGAN_ACTORS.get(rendered.organ, "un-" + _camel(rendered.organ).lower())


class _Writer:
    def __init__(self, res: Resolution) -> None:
        self.res = res
        self.r = render(res)
        self.note_count = 0
        self.para_count = 0

    # inline ------------------------------------------------------------------------------------------

    def spans(
        self, p: etree._Element, spans: tuple[inline.Span, ...] | list[inline.Span], end: str = ""
    ) -> None:
        """Append text runs to `p`: italics as <span class="italic">, footnotes as authorialNote."""
        last: etree._Element | None = p[-1] if len(p) else None

        def add_text(text: str) -> None:
            text = xml_text(text)
            if last is None:
                p.text = (p.text or "") + text
            else:
                last.tail = (last.tail or "") + text

        for span in spans:
            if span.footnote:
                if span.footnote not in self.res.footnotes:
                    continue
                last = self.note(p, span.footnote)
            elif span.italic:
                last = _el(p, "span", span.text, class_="italic")
            else:
                add_text(span.text)
        # the terminal mark goes before footnote references at the very end ("2024,¹")
        if end:
            trailing_notes = []
            for child in reversed(list(p)):
                if (
                    isinstance(child.tag, str)
                    and etree.QName(child).localname == "authorialNote"
                    and not (child.tail or "").strip()
                ):
                    trailing_notes.insert(0, child)
                else:
                    break
            if trailing_notes:
                first = trailing_notes[0]
                prev = first.getprevious()
                if prev is None:
                    p.text = (p.text or "") + end
                else:
                    prev.tail = (prev.tail or "") + end
            else:
                add_text(end)

    def note(self, p: etree._Element, footnote_id: str) -> etree._Element:
        self.note_count += 1
        mark = self.r.footnote_marks.get(footnote_id, str(self.note_count))  # "1", or a symbol such as "**"
        note = _el(
            p, "authorialNote", marker=mark, placement="bottom", eId=f"authorialNote_{self.note_count}"
        )
        body = _el(note, "p")
        self.spans(body, inline.parse(self.res.footnotes[footnote_id].text))
        return note

    def block_p(self, parent: etree._Element, block: Block) -> etree._Element:
        p = _el(parent, "p")
        if block.opener:
            _el(p, "span", block.opener, class_="italic")
            first = block.spans[0] if block.spans else None
            if first is not None and not (first.text[:1] in ",;:." and not first.footnote):
                p[-1].tail = " "
        self.spans(p, block.spans, block.end)
        return p

    # structure ---------------------------------------------------------------------------------------

    def paragraph_tree(
        self, parent: etree._Element, blocks: list[Block], tag: str, eid: str
    ) -> etree._Element:
        """One paragraph (blocks[0] its lead, then its subparagraphs and tail) under `parent`."""
        lead = blocks[0]
        if lead.role == "table":
            return self.table(parent, lead, eid)
        if lead.role == "table_note" and len(blocks) == 1:  # under its table, in the style the UN sets it
            el = _el(parent, "paragraph", eId=eid, **{"class": "FootnoteText"})
            self.block_p(_el(el, "content", eId=f"{eid}__content"), lead)
            return el
        el = _el(
            parent, tag, eId=eid, **({"name": lead.opener} if tag == "container" and lead.opener else {})
        )
        if lead.label and tag != "container":
            _el(el, "num", lead.label)
        rest = blocks[1:]
        if not rest:
            holder = _el(el, "content", eId=f"{eid}__content") if tag != "container" else el
            self.block_p(holder, lead)
            return el
        lst = _el(el, "list", eId=f"{eid}__list")
        self.block_p(_el(lst, "intro", eId=f"{eid}__list__intro"), lead)
        tail = rest[-1] if rest[-1].is_tail and rest[-1].paragraph_id == lead.paragraph_id else None
        if tail is not None:
            rest = rest[:-1]
        for group in _groups(rest, lead.level + 1):
            point_id = f"{eid}__point_{group[0].label.strip('().').lower() or len(lst)}"
            self.paragraph_tree(lst, group, "point", point_id)
        if tail is not None:
            self.block_p(_el(lst, "wrapUp", eId=f"{eid}__list__wrapup"), tail)
        return el

    def table(self, parent: etree._Element, block: Block, eid: str) -> etree._Element:
        """A table as the UN marks one: `<container name="table"><table><tr><th|td><p>`, header cells `th`, a
        merged cell over the columns and rows it covers (`colspan`, `rowspan`), the covered cells left out. A row
        every cell of which a merge from above covers has no cell of its own here, so whether it heads the table
        cannot be written: the reader counts it with header rows right above it (app.io.akn_tables)."""
        el = _el(parent, "container", name="table", eId=f"{eid}__table")
        table = _el(el, "table", eId=f"{eid}__table_1")
        merged = covered(block.merges)
        for index, row in enumerate(block.cells):
            tr = _el(table, "tr")
            for k, cell in enumerate(row):
                merge = merged.get((index, k))
                if merge is not None and merge[:2] != (index, k):
                    continue
                spans = {"colspan": str(merge[3])} if merge and merge[3] > 1 else {}
                spans |= {"rowspan": str(merge[2])} if merge and merge[2] > 1 else {}
                tag = "th" if index < block.header_rows else "td"
                self.spans(_el(_el(tr, tag, **spans), "p"), inline.parse(cell))
        return el

    def build(self) -> etree._Element:
        res, r, h = self.res, self.r, self.res.header
        root = _el(None, "akomaNtoso")
        if h.kind is DocumentKind.AMENDMENT and res.instructions:
            self.amendment(root)
            return root
        in_parts = bool(res.later_parts)
        # a resolution in parts is a collection of one statement per part, as the UN marks A/RES/75/101 A-B
        kind = "documentCollection" if in_parts else "statement"
        doc = _el(
            root, kind, name=_STATEMENT_NAME[h.kind], **({} if in_parts else {"contains": "originalVersion"})
        )
        self.meta(doc)
        self.cover(doc)
        preface = _el(doc, "preface")
        if r.title:
            title_p = _el(preface, "p")
            title = _el(title_p, "docTitle", refersTo="#resolutionTitle")
            self.spans(title, inline.parse(res.title))
        if not in_parts:
            self.body(doc, "", r.organ_line, r.organ_comma)
        else:
            collection = _el(doc, "collectionBody")
            components = _el(root, "components")
            for i, part in enumerate(res.parts()):
                letter = part_letter(i)
                _el(
                    _el(collection, "component", eId=f"comp_def_{i}"),
                    "documentRef",
                    eId=f"compRef_{i}",
                    href=f"#comp_{i}",
                    showAs=letter,
                )
                statement = _el(
                    _el(components, "component", eId=f"comp_{i}"), "statement", name=doc.get("name")
                )
                part_preface = _el(statement, "preface")
                number_p = _el(part_preface, "p")
                _el(number_p, "docNumber", letter)
                if part.title:
                    self.spans(
                        _el(number_p, "docTitle", refersTo="#resolutionTitle"), inline.parse(part.title)
                    )
                organ = next(b for b in r.blocks if b.role == "organ_line" and b.unit == letter)
                self.body(statement, letter, organ.opener, bool(organ.end))
        self.attachments(doc)
        return root

    def attachments(self, doc: etree._Element) -> None:
        """The annexes, then what no reader could place: plain text after everything, read back the same way."""
        unplaced = [b for b in self.r.blocks if b.role == "unplaced"]
        if self.res.annexes or unplaced:
            attachments = _el(doc, "attachments")
            self.annexes(attachments)
            if unplaced:
                doc_el = _el(_el(attachments, "attachment", eId="att_unplaced"), "doc", name="unplaced")
                main = _el(doc_el, "mainBody")
                for block in unplaced:
                    self.spans(_el(main, "p"), block.spans)

    def amendment(self, root: etree._Element) -> None:
        """An amendment as AKN's `amendment` document: cover page and title as for a draft, then in
        `amendmentBody` one `blockContainer` per printed instruction, its sentence in the set wording inside a
        `mod` whose quoted words are `quotedText` and whose quoted paragraph is a `quotedStructure`. Each
        instruction is also a `textualMod` in `meta/analysis`: its type (repeal, insertion, substitution), its
        `source` (the mod printing it), the paragraph of the draft it amends as `destination` with its `pos`
        (the draft's eIds as this writer names them: `destination`), its `old` and `new` words or paragraph
        (links into the mod) and the words it goes after or before (`akn4un:after`, `akn4un:before`). An
        unquoted deletion ("Delete operative paragraph 7") is a repeal of its destination with no `old`. A part
        or an annex added, and a change in a table, are marked as `app.io.akn_amended_units` says."""
        doc = _el(root, "amendment", name="amendment", contains="originalVersion")
        self.meta(doc)
        self.cover(doc)
        preface = _el(doc, "preface")
        if self.r.title:
            self.spans(
                _el(_el(preface, "p"), "docTitle", refersTo="#resolutionTitle"), inline.parse(self.res.title)
            )
        content = _el(_el(doc, "amendmentBody"), "amendmentContent", eId="amendmentContent_1")
        analysis = _el(None, "analysis", source="#resolute")
        doc.find(f"{{{AKN_NS}}}meta/{{{AKN_NS}}}workflow").addnext(analysis)  # AKN orders meta's children
        active = _el(analysis, "activeModifications")
        # a quoted paragraph's section heading prints as a heading block before its quoted blocks
        blocks = [b for b in self.r.blocks if b.role in ("instruction", "quoted", "heading")]
        target = self.amended_uri()
        printed = items(self.res.instructions, self.res.header.language)
        at = 0  # the next block: each item's sentence, then the blocks of the paragraph it quotes
        mods = 0  # textualMods so far (len() of an lxml element counts its children: quadratic in a loop)
        for n, item in enumerate(printed, start=1):
            sentence, at = blocks[at], at + 1
            quoted = []
            while at < len(blocks) and blocks[at].role in ("quoted", "heading"):
                quoted.append(blocks[at])
                at += 1
            holder = _el(content, "blockContainer", eId=f"instr_{n}", class_="instruction")
            if sentence.label:
                _el(holder, "num", sentence.label)
            mod = _el(_el(holder, "p"), "mod", eId=f"mod_{n}")
            quotes = self.quoted_words(mod, item, sentence.end)
            structure = None
            if quoted and item.quoted is not None:
                structure = _el(mod, "quotedStructure", eId=f"mod_{n}__qstr_1")
                self.quoted_paragraph(structure, item, quoted)
            elif item.body is not None:
                structure = _el(mod, "quotedStructure", eId=f"mod_{n}__qstr_1")
                write_unit(structure, item.body, self.res, _Writer)
            elif any(ins.cell is not None and ins.cell.cells for ins in item.instructions):
                structure = _el(mod, "quotedStructure", eId=f"mod_{n}__qstr_1")
            for ins, ids in zip(item.instructions, quotes, strict=True):
                mods += 1
                self.textual_mod(active, mods, ins, f"mod_{n}", ids, structure, target)
        self.attachments(doc)

    def quoted_paragraph(self, structure: etree._Element, item: Item, quoted: list[Block]) -> None:
        """The paragraph an instruction quotes, inside its `quotedStructure`. What the printed quotation does
        not show is marked too, so the instruction reads back whole: the section heading it opens with
        (`heading`, a second line as `subheading`, as the render prints its lines before the paragraph), an
        operative paragraph printed unnumbered or numbered from 1 again (`class` "unnumbered", "restart")."""
        first, para = item.instructions[0], item.quoted
        assert para is not None
        lines = [line.strip() for line in para.heading.splitlines() if line.strip()]
        tag = "point" if first.sub else "container" if first.part is Part.PREAMBLE else "paragraph"
        el = self.paragraph_tree(structure, quoted[len(lines) :], tag, f"{structure.get('eId')}__{tag}_1")
        classes = [name for name, on in (("unnumbered", not para.numbered), ("restart", para.restart)) if on]
        if classes:
            el.set("class", " ".join(classes))
        for index, (name, text) in enumerate(zip(("heading", "subheading"), _two_lines(lines), strict=False)):
            heading = etree.Element(f"{{{AKN_NS}}}{name}")
            heading.text = xml_text(text)
            el.insert(index + (el[0].tag == f"{{{AKN_NS}}}num"), heading)

    def amended_uri(self) -> str:
        """The FRBR work of the draft amended (its date is not known here)."""
        amends = self.res.header.amends
        return (
            f"/akn/un/statement/deliberation/{_actor(self.res, self.r)}/{_frbr_number(amends)}"
            if amends
            else ""
        )

    def quoted_words(self, mod: etree._Element, item: Item, end: str) -> list[dict[str, str]]:
        """The item's sentence inside `mod`, each quoted word a `quotedText`; for each instruction the eIds of
        its old, new and after words. The sentence is made by `app.amendments.items` with a placeholder in
        each quoted field, so the words go in as the model holds them (markup too) and nothing is re-parsed."""
        holes: list[tuple[str, str]] = []  # (field, markup) in the order of the placeholders
        ids: list[dict[str, str]] = []
        stand_ins = []
        for ins in item.instructions:
            values, own = {}, {}
            for name in ("old", "new", "after") if ins.body is None else ():  # a unit's are labels, not words
                if getattr(ins, name):
                    values[name] = f"\x00{len(holes)}\x00"
                    own[name] = f"{mod.get('eId')}__qtext_{len(holes) + 1}"
                    role = "before" if name == "old" and ins.action is Action.INSERT else name
                    holes.append((role, getattr(ins, name).replace("\x00", "")))  # NUL is no XML anyway
            stand_ins.append(dataclasses.replace(ins, **values))
            ids.append(own)
        (stand_in,) = items(stand_ins, self.res.header.language)
        for index, piece in enumerate(re.split(r"\x00(\d+)\x00", stand_in.sentence + end)):
            if index % 2 == 0:
                self.spans(mod, inline.parse(piece))
                continue
            name, markup = holes[int(piece)]
            eid = f"{mod.get('eId')}__qtext_{int(piece) + 1}"
            self.spans(_el(mod, "quotedText", eId=eid, refersTo=f"#{name}"), inline.parse(markup))
        return ids

    def textual_mod(
        self,
        active: etree._Element,
        number: int,
        ins: Instruction,
        source: str,
        words: dict[str, str],
        structure: etree._Element | None,
        target: str,
    ) -> None:
        kind = {"delete": "repeal", "insert": "insertion", "replace": "substitution"}[ins.action.value]
        whole = not is_text_edit(ins)
        mod = _el(active, "textualMod", type=kind, eId=f"textualMod_{number}")
        _el(mod, "source", href=f"#{source}")
        eid, pos = destination(ins)
        _el(mod, "destination", href=f"{target}#{eid}", pos=pos)
        if "old" in words and kind == "insertion":  # words inserted before these: nothing old is replaced
            mod.set(f"{{{AKN4UN_NS}}}before", f"#{words['old']}")
        elif "old" in words:
            _el(mod, "old", href=f"#{words['old']}")
        elif whole and kind == "repeal" and structure is not None:
            _el(mod, "old", href=f"#{structure.get('eId')}")
        if "new" in words:
            _el(mod, "new", href=f"#{words['new']}")
        elif whole and kind != "repeal" and structure is not None:
            _el(mod, "new", href=f"#{structure.get('eId')}")
        if "after" in words:
            mod.set(f"{{{AKN4UN_NS}}}after", f"#{words['after']}")
        if ins.cell is not None:
            write_cell(mod, structure, ins.cell)

    def body(self, doc: etree._Element, unit: str, organ_line: str, comma: bool) -> None:
        """The enacting formula, preamble and operative part of the resolution or of one of its parts."""
        r = self.r
        preamble = _el(doc, "preamble")
        formula = _el(preamble, "formula", name="enactingFormula", eId="formula_1")
        _el(_el(formula, "p"), "span", organ_line, class_="italic").tail = "," if comma else ""
        blocks = [b for b in r.blocks if b.unit == unit and b.part is not None]
        pre = [b for b in blocks if b.role != "heading" and b.part is Part.PREAMBLE]
        pre_headings = _heading_lines(b for b in blocks if b.part is Part.PREAMBLE)
        for i, group in enumerate(_groups(pre, 0), start=1):
            # a crossheading of the preamble (was left out), once: a table's note is a group of the same id
            if lines := pre_headings.pop(group[0].paragraph_id, None):
                head = _el(preamble, "container", eId=f"container_{i}__heading")
                for line in lines:
                    _el(head, "subheading", line)
            self.paragraph_tree(preamble, group, "container", f"container_{i}")
        body = _el(doc, "mainBody")
        ops = [b for b in blocks if b.role != "heading" and b.part is Part.OPERATIVE]
        headings = _heading_lines(b for b in blocks if b.part is Part.OPERATIVE)
        holder, sections = body, 0
        for i, group in enumerate(_groups(ops, 0), start=1):
            lines = headings.get(group[0].paragraph_id)
            if lines:  # a section of an omnibus resolution: its paragraphs go inside it, numbering runs on
                sections += 1
                holder = _el(body, "section", eId=f"sec_{sections}")
                if len(lines) > 1 and re.fullmatch(rf"{SECTION_NUMBER}|[A-H]\.?", lines[0]):
                    _el(holder, "num", lines.pop(0))
                _el(holder, "heading", " ".join(lines))
            self.paragraph_tree(holder, group, "paragraph", f"para_{i}")

    def annexes(self, attachments: etree._Element) -> None:
        """Each annex as the UN marks one: an attachment whose body opens with "Annex I" and the title as
        heading paragraphs, then section headings (heading paragraphs) and the paragraphs, numbered or not."""
        r = self.r
        units = annex_units(self.res.annexes)
        for index, (annex, label) in enumerate(zip(self.res.annexes, units, strict=True), start=1):
            main = _el(
                _el(
                    _el(attachments, "attachment", eId=f"att_{index}"),
                    "doc",
                    name="annex" if annex.labelled else ADOPTED_DOC,
                ),
                "mainBody",
            )
            blocks = [b for b in r.blocks if b.unit == label]
            heads = _heading_lines(blocks)
            paras = [b for b in blocks if b.role in ("annex_paragraph", "subparagraph", "table")]
            groups = _groups(paras, 0)
            if annex.labelled:
                self.heading_paragraph(main, f"att_{index}", label)
            if annex.title:
                self.heading_paragraph(main, f"att_{index}", annex.title, markup=True)
            for i, group in enumerate(groups, start=1):
                for line in heads.get(group[0].paragraph_id, []):
                    self.heading_paragraph(main, f"att_{index}", line)
                if group:
                    self.paragraph_tree(main, group, "paragraph", f"att_{index}__para_{i}")

    def heading_paragraph(
        self, main: etree._Element, prefix: str, text: str, *, markup: bool = False
    ) -> None:
        """A heading line as the UN marks one in an annex: a paragraph holding only a subheading."""
        el = _el(main, "paragraph", eId=f"{prefix}__hd_{len(main)}", class_="H23")
        if markup:  # the annex title keeps its italics and footnotes
            self.spans(_el(el, "subheading"), inline.parse(text))
        else:
            _el(el, "subheading", text)

    def meta(self, doc: etree._Element) -> None:
        res, r, h = self.res, self.r, self.res.header
        meta = _el(doc, "meta")
        ident = _el(meta, "identification", source="#resolute")
        day = h.date.isoformat() if h.date else "0001-01-01"
        number = _frbr_number(h.full_symbol) or "draft"
        work_uri = f"/akn/un/statement/deliberation/{_actor(res, r)}/{day}/{number}"
        akn_lang = (get_language(h.language).akn or ("eng",))[0]  # "fra", "spa": the reader reads it back
        for level, uri, date_name in (
            ("FRBRWork", work_uri, "submission"),
            ("FRBRExpression", f"{work_uri}/{akn_lang}@{day if h.date else ''}", "submission"),
            ("FRBRManifestation", f"{work_uri}/{akn_lang}@{day if h.date else ''}/.xml", "markup"),
        ):
            frbr = _el(ident, level)
            _el(frbr, "FRBRthis", value=f"{uri}/!main")
            _el(frbr, "FRBRuri", value=uri)
            _el(frbr, "FRBRdate", date=day, name=date_name)
            _el(
                frbr,
                "FRBRauthor",
                href="#" + (_camel(h.committee or r.template.committee) or "generalAssembly"),
            )
            if level == "FRBRWork":
                _el(frbr, "FRBRcountry", value="un")
                if h.full_symbol:
                    _el(frbr, "FRBRnumber", value=number, showAs=h.full_symbol)
            elif level == "FRBRExpression":
                _el(frbr, "FRBRlanguage", language=akn_lang)
        workflow = _el(meta, "workflow", source="#resolute")
        outcome = "amendment" if h.kind is DocumentKind.AMENDMENT else "draftResolution"
        # the sponsors in English, as the UN's own XML names them in a French or Spanish text's workflow
        english = get_language(h.language).is_english  # an English draft's names stay as written
        sponsors = h.sponsors if english else [english_name(name, h.language) or name for name in h.sponsors]
        _el(workflow, "step", date=day, outcome=outcome, as_=h.full_symbol, by=", ".join(sponsors))
        refs = _el(meta, "references", source="#resolute")
        _el(
            refs, "TLCOrganization", eId="resolute", href="/ontology/organization/resolute", showAs="Resolute"
        )
        if h.kind is DocumentKind.AMENDMENT and h.amends:  # the draft this amendment amends
            _el(refs, "activeRef", eId="amendedDraft", href=self.amended_uri(), showAs=h.amends)
        committee = h.committee or r.template.committee
        if committee:
            _el(
                refs,
                "TLCOrganization",
                eId=_camel(committee),
                href=f"/ontology/organization/un/{_camel(committee)}",
                showAs=committee,
            )
        for sponsor in h.sponsors:
            _el(
                refs,
                "TLCOrganization",
                eId=_camel(sponsor) or "sponsor",
                href=f"/ontology/organization/un/{_camel(sponsor)}",
                showAs=sponsor,
            )

    def cover(self, doc: etree._Element) -> None:
        res, r, h = self.res, self.r, self.res.header
        cover = _el(doc, "coverPage", eId="coverPage_1")
        lang = get_language(
            h.language
        )  # the cover page in the draft's words, as the UN's French XML prints it
        _el(_el(cover, "p", class_="upperLeft"), "docAuthority", r.united_nations, refersTo="#publisher")
        if r.symbol:
            _el(_el(cover, "p", class_="upperRight"), "docNumber", r.symbol, refersTo="#symbol")
        _el(
            _el(cover, "p", class_="upperLeft"),
            "docAuthority",
            r.organ,
            refersTo="#issuingBody",
            class_="rightBig",
        )
        if r.distribution:
            status = DISTRIBUTION_REFS.get(h.distribution, "#generalDistribution")
            _el(_el(cover, "p"), "docStatus", r.distribution, refersTo=status, class_="rightSmall")
        if h.date:
            _el(
                _el(cover, "p"),
                "docDate",
                r.date or format_date(h.date),
                date=h.date.isoformat(),
                class_="rightSmall",
                refersTo="#dateOfIssuance",
            )
        if r.original:
            _el(_el(cover, "p"), "inline", r.original, name="originalLanguage")
        organ_ref = "#" + _camel(r.template.organ)  # the English name, whatever the draft prints
        if h.session and not r.template.uses_year:
            text = lang.session_line(h.session) if not lang.is_english else session_line(h.session)
            _el(_el(cover, "p"), "session", text, refersTo=organ_ref, value=str(h.session))
        elif h.year:
            _el(
                _el(cover, "p"),
                "session",
                lang.masthead["year_session"].format(year=h.year),
                refersTo=organ_ref,
                value=str(h.year),
            )
        for item in h.agenda_items:
            if item.number:
                _el(
                    _el(cover, "p"),
                    "inline",
                    lang.masthead["agenda_item"].format(item=item_label(item, lang)),
                    name="agenda item",
                    title=item.label,
                )
            if item.title:
                _el(_el(cover, "p"), "inline", item.title, name="agenda item name")
        line, note = sponsor_line(res)
        committee = h.committee or r.template.committee
        proponent = _el(
            _el(cover, "p"), "docProponent", line, refersTo="#" + (_camel(committee) or "sponsors")
        )
        if note:
            _el(proponent, "authorialNote", marker="*", placement="bottom", eId="authorialNote_sponsors")
            proponent[-1].text = None
            _el(proponent[-1], "p", note)


def place_eid(part: Part, number: int, sub: str = "") -> str:
    """The eId this writer gives paragraph `number` of `part` and its subparagraph `sub` ("(b) (ii)"):
    "para_5__point_b__point_ii"; "(0)" and number 0 stand before the first."""
    eid = f"{'container' if part is Part.PREAMBLE else 'para'}_{number}"
    return eid + "".join(
        f"__point_{'0' if label == '(0)' else label.strip('().').lower()}" for label in sub.split()
    )


def destination(ins: Instruction) -> tuple[str, str]:
    """Where an instruction acts, as a `textualMod` destination: the eId of the paragraph it names and `pos`.
    A paragraph inserted whole goes "after" the one it follows; a first subparagraph goes at the "start" of
    its paragraph (which may have none yet); a first paragraph goes "before" the first one of its part (an eId
    the draft has, not a place before it). A change of words is "inside" its paragraph; a paragraph deleted
    or replaced whole is the destination itself (no `pos`). Beyond part A the eId starts with its unit
    ("part_b__para_2", "annex_ii__para_3"); the title is "docTitle"."""
    if ins.unit == TITLE_UNIT:
        return "docTitle", "inside" if is_text_edit(ins) else ""
    if (owner := titled(ins.unit)) is not None:  # a part's or an annex's title: "part_b__title"
        return unit_eid_prefix(owner) + "title", "inside" if is_text_edit(ins) else ""
    if is_whole_unit(ins):  # a part or an annex deleted whole: "part_b", "annex_ii"
        return unit_eid_prefix(ins.unit).removesuffix("__"), ""
    if ins.body is not None:  # a part or an annex added: after or before one, or the draft's first annex
        return unit_destination(ins, unit_eid_prefix)
    if ins.cell is not None:  # in the Nth table after paragraph `number` (0: before the first)
        return unit_eid_prefix(ins.unit) + table_destination(
            place_eid(ins.part, ins.number), ins.cell
        ), "inside"
    eid, pos = _destination(ins)
    return unit_eid_prefix(ins.unit) + eid, pos


def _destination(ins: Instruction) -> tuple[str, str]:
    if is_text_edit(ins):
        return place_eid(ins.part, ins.number, ins.sub), "inside"
    if ins.action is not Action.INSERT:
        return place_eid(ins.part, ins.number, ins.sub), ""
    labels = ins.sub.split()
    if labels and labels[-1] == "(0)":
        return place_eid(ins.part, ins.number, " ".join(labels[:-1])), "start"
    if not labels and ins.number == 0:
        return place_eid(ins.part, 1), "before"
    return place_eid(ins.part, ins.number, ins.sub), "after"


def unit_eid_prefix(unit: str) -> str:
    """ "part_b__" for part B, "annex__" / "annex_ii__" for an annex, "" for the draft (or its part A)."""
    if not unit:
        return ""
    if unit == "Annex" or unit.startswith("Annex "):
        return "_".join(unit.lower().split()) + "__"
    return f"part_{unit.lower()}__"


_UNIT_EID = re.compile(
    rf"(?:part_(?P<letter>[a-z]{{1,2}})|annex(?:_(?P<roman>{ROMAN_NUMBER}))?)__", re.IGNORECASE
)


def split_unit_eid(eid: str) -> tuple[str, str]:
    """`destination`'s unit read back: (unit, the eId within it); "docTitle" is the title."""
    if eid == "docTitle":
        return TITLE_UNIT, "para_1"
    m = _UNIT_EID.match(eid)
    if not m:
        return "", eid
    unit = m.group("letter").upper() if m.group("letter") else ""
    if not unit:
        unit = "Annex " + m.group("roman").upper() if m.group("roman") else "Annex"
    if eid[m.end() :] == "title":  # "annex_ii__title": the annex's title
        return unit_title(unit), "para_1"
    return unit, eid[m.end() :]


def parse_destination(eid: str, pos: str) -> tuple[Part, int, str]:
    """`destination` read back as the instruction's place (`Instruction.number`, `sub`: 0 and "(0)" stand
    before the first); ValueError for an eId this writer does not write."""
    part, number, sub = parse_place_eid(eid)
    if pos == "start":
        return part, number, f"{sub} (0)".strip()
    if pos == "before" and not sub:
        if number < 1:
            raise ValueError(eid)
        return part, number - 1, sub
    if pos == "before":  # before (c): after (b); before (a): at the start
        labels = sub.split()
        index = next((i for i in range(1, 500) if subparagraph_label(len(labels), i) == labels[-1]), 0)
        if not index:
            raise ValueError(eid)
        last = subparagraph_label(len(labels), index - 1) if index > 1 else "(0)"
        return part, number, " ".join([*labels[:-1], last])
    return part, number, sub


def parse_place_eid(eid: str) -> tuple[Part, int, str]:
    """`place_eid` read back; ValueError for an eId it does not write."""
    m = re.fullmatch(r"(container|para)_(\d{1,4})((?:__point_[a-z0-9]{1,8})*)", eid)
    if not m:
        raise ValueError(eid)
    labels = []
    for depth, token in enumerate(m.group(3).split("__point_")[1:], start=1):
        if token == "0":
            labels.append("(0)")
            continue
        found = next(
            (
                subparagraph_label(depth, i)
                for i in range(1, 500)
                if subparagraph_label(depth, i).strip("().") == token
            ),
            None,
        )
        if found is None:
            raise ValueError(eid)
        labels.append(found)
    return Part.PREAMBLE if m.group(1) == "container" else Part.OPERATIVE, int(m.group(2)), " ".join(labels)


def _heading_lines(blocks: Iterable[Block]) -> dict[str, list[str]]:
    """The section heading lines printed before each paragraph, by paragraph id."""
    out: dict[str, list[str]] = {}
    for b in blocks:
        if b.role == "heading":
            out.setdefault(b.paragraph_id, []).append(inline.plain(inline.unparse(list(b.spans))))
    return out


def _two_lines(lines: list[str]) -> list[str]:
    """Heading lines as a `heading` and a `subheading` ("I" over "Oceans"); more lines run on in the second,
    as a section's heading runs on in the body."""
    return lines[:1] + ([" ".join(lines[1:])] if len(lines) > 1 else [])


def _groups(blocks: list[Block], level: int) -> list[list[Block]]:
    """Split a flat block list into paragraphs of one level, each with the blocks under it."""
    out: list[list[Block]] = []
    for block in blocks:
        starts = block.level == level and not block.is_tail
        if starts or not out:
            out.append([block])
        else:
            out[-1].append(block)
    return out


def to_akn(res: Resolution) -> bytes:
    """The resolution as AKN4UN XML (UTF-8, with declaration); an amendment as an AKN `amendment`."""
    root = _Writer(res).build()
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)
