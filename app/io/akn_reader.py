"""Read the UN's Akoma Ntoso XML (AKN4UN) of an adopted resolution into a draft of the same text.

The UN marks every part of a resolution: `coverPage` (symbol, dates, session, agenda items), `preface` (number
and title), `preamble` (the enacting formula and one `container` per preambular paragraph, whose leading
`<span class="italic">` is the opener), `mainBody` (`paragraph` with `num`, `content` or `list` of `intro`,
`point`, `wrapUp`), footnotes as `authorialNote` inside the text, and `conclusions` (meeting, adoption date).

An adopted resolution opened here becomes a *draft*: its A/RES symbol is not the draft's symbol, so the header
keeps no symbol and no date; the symbol, adoption date and the rest stay readable through the `metadata` of the
result (`app.io.akn_metadata`), and an info finding says what the file was.
A `documentCollection` (a resolution in parts, A/RES/75/101 A-B) becomes part A and `later_parts`, each with its
title; `attachment`s become `annexes` (see `_Flow` for how the UN marks their structure); section headings, also
the UN's heading paragraphs, become `Paragraph.heading`. A `<container name="table">` between paragraphs
becomes a table paragraph in its place (app.io.akn_tables). What does not fit (unknown elements) goes to
`unplaced` with a finding.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from lxml import etree

from app import inline
from app.digits import to_int
from app.errors import InputError
from app.findings import Finding, Severity
from app.io.akn_metadata import adoption_of, akn_document, metadata_of, template_for
from app.io.akn_tables import read_table, table_of
from app.io.akn_tree import (
    NESTED_DOCS,
    NOTE_TAGS,
    all_named,
    children,
    collection_parts,
    first_named,
    local_name,
    own,
    own_elements,
    text_of,
)
from app.io.akn_writer import AKN4UN_NS, parse_destination
from app.io.headings import ANNEX_LINE, SEPARATOR
from app.io.imported import ImportResult
from app.io.safe_xml import parse_xml
from app.io.span_text import as_written_markup, split_opener, strip_end, tidy
from app.io.structure import AnnexBuilder, place_after, restarts, section_preamble
from app.languages import Language, date_words, get_language
from app.messages import Phrase, say
from app.model import (
    Action,
    AgendaItem,
    Annex,
    DocumentKind,
    Footnote,
    Header,
    Instruction,
    Paragraph,
    Resolution,
    ResolutionPart,
)
from app.render import part_letter
from app.states import in_language, sort_sponsors
from app.templates import Template

_ITALIC_CLASSES = {"italic", "italics", "i", "em"}
_SKIP = {"num", "heading", "subheading", "eol", "img", "marker", "br"}  # handled by the caller, or no text
_INLINE_BREAKS = {"eol", "eop", "br"}


@dataclass
class AknImportResult(ImportResult):
    """An ImportResult with what the cover page, preface, workflow and conclusions said."""

    metadata: dict[str, Any] = field(default_factory=dict)


# ---------------------------------------------------------------- metadata


# ---------------------------------------------------------------- body


class _Reader:
    def __init__(self, res: Resolution) -> None:
        self.res = res
        self.findings: list[Finding] = []
        self.note_markers: list[tuple[str, str]] = []  # (marker in the file, footnote id)
        # heading lines the UN put inside a paragraph's list ("II." + a bold title in a `sublist`): they head the
        # next top-level paragraph, which the caller reads
        self.carried: list[str] = []
        self._notes: dict[str, etree._Element] | None = None  # meta/notes by eId, indexed on first use
        self._read_notes: dict[str, str] = {}  # eId → footnote id: a note referenced twice is one footnote
        self._in_note = False
        self.nested_notes = 0  # notes inside notes, read into them in parentheses
        self.dangling_refs: list[str] = []  # noteRef targets the file does not have
        self.flattened: list[str] = []  # elements beside a paragraph's <p>s (a <table>), read as its text
        self.images = 0  # images in the text: left out (a draft holds text), and said

    # inline text -----------------------------------------------------------

    def spans(self, el: etree._Element, *, italic: bool = False) -> list[inline.Span]:
        out: list[inline.Span] = []
        if el.text:
            out.append(inline.Span(el.text, italic))
        for c in el:
            if not isinstance(c.tag, str):
                pass
            elif local_name(c) in NOTE_TAGS and self._in_note:
                # a note inside a note cannot be a footnote: its marker stays as text and its own text follows
                # in parentheses (read where it stands: no cycles, no fan-out)
                self.nested_notes += 1
                out += [
                    inline.Span(f"{c.get('marker', '')} (", italic),
                    *self._note_spans(c, italic),
                    inline.Span(")"),
                ]
            elif local_name(c) == "noteRef" and self._in_note:
                out.append(
                    inline.Span(c.get("marker", ""), italic)
                )  # the note it names is read where it stands
            elif local_name(c) in NOTE_TAGS:
                out.append(inline.Span(footnote=self.footnote(c)))
            elif local_name(c) == "noteRef":
                out.append(inline.Span(footnote=self.note_ref(c)))
            elif local_name(c) in _INLINE_BREAKS:
                out.append(inline.Span(" ", italic))
            elif local_name(c) in ("i", "em") or (c.get("class") or "").lower() in _ITALIC_CLASSES:
                out += self.spans(c, italic=True)
            elif local_name(c) == "img":
                self.images += 1
            elif local_name(c) != "marker":
                out += self.spans(c, italic=italic)
            if c.tail:
                out.append(inline.Span(c.tail, italic))
        return out

    def _note_spans(self, note: etree._Element, italic: bool) -> list[inline.Span]:
        """A note's text as spans: its paragraphs joined by a space, or its own text when it has none."""
        paras = children(note, "p")
        if not paras:
            return self.spans(note, italic=italic)
        out: list[inline.Span] = []
        for p in paras:
            out += [*([inline.Span(" ", italic)] if out else []), *self.spans(p, italic=italic)]
        return out

    def footnote(self, note: etree._Element) -> str:
        self._in_note = True
        try:
            paras = [self.markup(p) for p in children(note, "p")] or [self.markup(note)]
        finally:
            self._in_note = False
        marker = (note.get("marker") or "").strip()
        # a note marked with a symbol ("*", "**") keeps it; numbered notes are numbered again in order
        fn = Footnote(text=" ".join(p for p in paras if p), mark="" if marker.isdigit() else marker[:8])
        self.res.footnotes[fn.id] = fn
        self.note_markers.append((marker, fn.id))
        return fn.id

    def note_ref(self, ref: etree._Element) -> str:
        """A `noteRef` pointing at a note in `meta/notes`."""
        target = (ref.get("href") or "").lstrip("#")
        if self._notes is None:
            root = ref.getroottree().getroot()
            self._notes = {}
            for note in all_named(root, "note"):
                self._notes.setdefault(note.get("eId") or "", note)
        if target in self._read_notes:
            return self._read_notes[target]
        if target in self._notes:
            self._read_notes[target] = self.footnote(self._notes[target])
            return self._read_notes[target]
        fn = Footnote(text=ref.get("marker", ""))
        self.res.footnotes[fn.id] = fn
        self.dangling_refs.append(target)
        return fn.id

    def markup(self, el: etree._Element) -> str:
        return inline.unparse(tidy(self.spans(el)))

    # paragraphs -------------------------------------------------------------

    def paragraph(
        self, el: etree._Element, where: str, name_hint: str = "", *, headings: list[str] | None = None
    ) -> Paragraph:
        """A container, paragraph, point, item or subparagraph, with its lists, punctuation as written (the
        import settles typed ends once: app/io/typed_ends.py). Its own heading lines go to `headings`."""
        para = Paragraph()
        lead: list[inline.Span] = []
        tail: list[inline.Span] = []
        seen_list = False
        for c in children(el):
            kind = local_name(c)
            if kind in ("num", "heading", "subheading"):
                if kind != "num" and headings is not None:
                    headings.extend(t for t in [text_of(c)] if t)
                elif kind != "num":
                    self.unplaced(text_of(c), where, say("a heading inside a paragraph"))
                continue
            if kind in ("content", "intro", "listIntroduction", "p", "block", "alinea"):
                target = tail if seen_list else lead
                if target:
                    target.append(inline.Span(" "))
                target += self.spans(c) if kind in ("p", "block") else self.block_spans(c)
            elif kind in ("list", "blockList"):
                seen_list = True
                for sub_el in children(c):
                    sub_kind = local_name(sub_el)
                    if sub_kind in ("intro", "listIntroduction"):
                        (tail if para.subparagraphs else lead).extend(self.block_spans(sub_el))
                    elif sub_kind in ("wrapUp", "listWrapUp"):
                        tail += self.block_spans(sub_el)
                    elif sub_kind in ("point", "item", "paragraph", "subparagraph", "indent", "sublist"):
                        for point in children(sub_el) if sub_kind == "sublist" else [sub_el]:
                            if (lines := _heading_lines(point)) is not None:
                                self.carried += lines
                                continue
                            label = f"{where}({len(para.subparagraphs) + 1})"
                            para.subparagraphs.append(self.paragraph(point, label))
                    else:
                        self.unplaced(text_of(sub_el), where, f"<{sub_kind}> inside a list")
            elif kind in ("point", "item", "subparagraph", "paragraph", "indent"):
                seen_list = True
                sub_where = f"{where}({len(para.subparagraphs) + 1})"
                para.subparagraphs.append(self.paragraph(c, sub_where))
            elif kind in ("wrapUp", "listWrapUp"):
                tail += self.block_spans(c)
            elif kind in NOTE_TAGS:
                (tail if seen_list else lead).append(inline.Span(footnote=self.footnote(c)))
            else:
                self.unplaced(text_of(c), where, f"<{kind}>")
        if el.text and el.text.strip() and local_name(el) in ("container",):
            lead.insert(0, inline.Span(el.text))
        para.opener, para.text = split_opener(tidy(lead), name_hint)
        para.tail = as_written_markup(tail)
        return para

    def block_spans(self, el: etree._Element) -> list[inline.Span]:
        """The text of a block of `<p>`s; an element beside them (a `<table>`, a note) is read in its place
        too: it was dropped without a word."""
        out: list[inline.Span] = []
        if not children(el, "p", "block"):
            return self.spans(el)
        for c in children(el):
            kind = local_name(c)
            if kind in NOTE_TAGS:
                out.append(inline.Span(footnote=self.footnote(c)))
                continue
            if kind not in ("p", "block"):
                if not text_of(c):
                    continue
                self.flattened.append(kind)
            if out:
                out.append(inline.Span(" "))
            out += self.spans(c)
        return out

    def table(self, el: etree._Element, where: str, headings: list[str] | None = None) -> Paragraph:
        """A table between paragraphs, under the heading lines waiting for it."""
        para, found = read_table(el, self.spans, where)
        para.heading = "\n".join(headings or [])
        self.findings += found
        return para

    def unplaced(self, text: str, where: str, what: str) -> None:
        if not text:
            return
        self.res.unplaced.append(text)
        self.findings.append(
            Finding(
                "import.unplaced",
                Severity.WARNING,
                say(
                    "{what} at {where} could not be placed and was kept at the end (annex): {text}",
                    what=what,
                    where=where,
                    text=text[:80],
                ),
                field="annex",
            )
        )


def _check_labels(
    items: list[Paragraph],
    els: list[etree._Element],
    depth: int,
    where: str,
    findings: list[Finding],
    numbered: bool = True,
    lang: Language | None = None,
) -> None:
    """Compare the numbers the file prints with the ones the model will derive (in the draft's language)."""
    lang = lang or get_language(None)
    number = 0
    for i, (para, el) in enumerate(zip(items, els, strict=False), start=1):
        num = _first_child_text(el, "num")
        if depth == 0 and not para.numbered:
            continue  # a section's own preambular paragraph: unnumbered in the file and in print
        number = 1 if depth == 0 and para.restart else number + 1
        if depth == 0 and not numbered:
            expected = ""
        elif depth == 0:
            expected = f"{number}." if len(items) > 1 else ""
        else:
            expected = lang.label(depth, i)
        if num and num.replace(" ", "") != expected.replace(" ", ""):
            findings.append(
                Finding(
                    "import.numbering",
                    Severity.INFO,
                    say(
                        "{where} is numbered '{num}' in the file; it is now '{expected}'",
                        where=where,
                        num=num,
                        expected=expected or say("unnumbered"),
                    ),
                    paragraph_id=para.id,
                )
            )


def _first_child_text(el: etree._Element, name: str) -> str:
    for c in children(el, name):
        return text_of(c)
    return ""


def _sub_elements(el: etree._Element) -> list[etree._Element]:
    out: list[etree._Element] = []
    for c in children(el):
        if local_name(c) in ("list", "blockList"):
            out += children(c, "point", "item", "paragraph", "subparagraph", "indent")
        elif local_name(c) in ("point", "item", "subparagraph", "paragraph", "indent"):
            out.append(c)
    return out


def _check_tree(
    paras: list[Paragraph],
    els: list[etree._Element],
    depth: int,
    where: str,
    findings: list[Finding],
    numbered: bool = True,
    lang: Language | None = None,
) -> None:
    _check_labels(paras, els, depth, where, findings, numbered, lang)
    for para, el in zip(paras, els, strict=False):
        subs = _sub_elements(el)
        if subs:
            _check_tree(
                para.subparagraphs, subs, depth + 1, f"a subparagraph list in {where}", findings, lang=lang
            )


_BODY_PARAS = ("paragraph", "subparagraph", "point", "item")
_GROUPS = (
    "section",
    "part",
    "division",
    "chapter",
    "title",
    "book",
    "hcontainer",
    "tome",
    "subsection",
    "subpart",
    "subdivision",
    "subchapter",
    "subtitle",
    "level",
    "article",
    "clause",
)


_DRAFT_KINDS = {
    "draftResolution": DocumentKind.DRAFT_RESOLUTION,
    "draftDecision": DocumentKind.DRAFT_DECISION,
    "amendment": DocumentKind.AMENDMENT,
}


def _read_draft_header(doc: etree._Element, meta: dict[str, Any], header: Header) -> None:
    """A draft (as Resolute's AKN export writes one) keeps its symbol, date, distribution, kind and group."""
    from app.formatting import behalf_note
    from app.io.text_header import STAR_BEHALF, sponsor_line

    m = re.fullmatch(r"(?P<base>.+?)/Rev\.(?P<n>\d+)", meta["symbol"])
    header.symbol, header.revision = (
        (m["base"], to_int(m["n"], 0, max_digits=3)) if m else (meta["symbol"], 0)
    )
    header.date = meta["issue_date"]
    cover = first_named(doc, "coverPage")
    status = text_of(first_named(cover, "docStatus"))
    header.distribution = status.split(":")[-1].strip() or header.distribution
    header.kind = _DRAFT_KINDS[doc.get("name", "")]
    proponent = first_named(cover, "docProponent")
    note = first_named(proponent, "authorialNote")
    if (
        note is not None
    ):  # the sponsor line's "*" note, kept as written unless it is the formula Resolute prints
        text = re.sub(r"\s+", " ", text_of(note)).lstrip("*").strip()
        behalf = STAR_BEHALF.match(text)
        header.on_behalf_of = behalf.group(1).strip() if behalf else ""
        header.sponsor_note = "" if behalf and text == behalf_note(header.on_behalf_of) else text
        note.getparent().remove(note)  # the rest is the sponsor line
    line = sponsor_line(text_of(proponent))
    if header.kind is DocumentKind.AMENDMENT:  # the draft amended: as referenced, else as the line names it
        amended = next((r.get("showAs", "") for r in all_named(own(doc, "references"), "activeRef")), "")
        header.amends = amended or (line.group("amends") or "" if line else "")
    if line and line.group("rest") and not line.group("names").strip():  # "Draft resolution submitted by …"
        header.submitted_by = line.group("rest").strip()[len("submitted by") :].strip()
    if header.kind is DocumentKind.DRAFT_RESOLUTION and text_of(proponent).endswith(
        "revised draft resolution"
    ):
        header.kind = DocumentKind.REVISED_DRAFT_RESOLUTION


_MOD_ACTIONS = {"repeal": Action.DELETE, "insertion": Action.INSERT, "substitution": Action.REPLACE}


def _instructions(doc: etree._Element, reader: _Reader, name: str) -> list[Instruction]:
    """An amendment's instructions, from the `textualMod`s of its `meta/analysis` as
    `app.io.akn_writer` writes them: the type is the action, the destination's eId names the paragraph of the
    draft amended, `old` and `new` link to the quoted words (`quotedText`) or paragraph (`quotedStructure`)
    in the body, `akn4un:after` to the words the change goes after. The printed wording is not re-read."""
    by_eid = {el.get("eId"): el for el in doc.iter() if isinstance(el.tag, str) and el.get("eId")}
    what = name or "the file"
    out: list[Instruction] = []
    for index, mod in enumerate(
        all_named(first_named(own(doc, "meta"), "activeModifications"), "textualMod"), 1
    ):
        where = f"instruction {index}"
        action = _MOD_ACTIONS.get(mod.get("type", ""))
        destination = next(iter(children(mod, "destination")), None)
        place = (destination.get("href", "") if destination is not None else "").rpartition("#")[2]
        try:
            pos = destination.get("pos", "") if destination is not None else ""
            part, number, sub = parse_destination(place, pos if action is Action.INSERT else "")
        except ValueError:
            raise InputError(f"{what}: {where} names no paragraph of a draft (“{place[:60]}”)") from None
        if action is None:
            raise InputError(f"{what}: {where} is a modification of type “{mod.get('type', '')[:30]}”")
        ins = Instruction(action, part, number, sub)
        links = [(local_name(k), k.get("href", "")) for k in children(mod, "old", "new")]
        # the words the change goes after or (an insertion) before; an `old` of an insertion is read as
        # "before" too, as files written before `akn4un:before` have it
        links += [
            ("after", mod.get(f"{{{AKN4UN_NS}}}after", "")),
            ("old", mod.get(f"{{{AKN4UN_NS}}}before", "")),
        ]
        for field_name, href in links:
            target = by_eid.get(href.lstrip("#")) if href else None
            if target is None:
                continue
            if local_name(target) == "quotedStructure":
                quoted = next(iter(children(target)), None)
                if quoted is not None:
                    ins.paragraph = _quoted_paragraph(reader, quoted, f"{where}, quoted")
            else:
                setattr(ins, field_name, reader.markup(target))
        out.append(ins)
    return out


def _quoted_paragraph(reader: _Reader, el: etree._Element, where: str) -> Paragraph:
    """The paragraph an instruction quotes, with the heading it opens with and how it is numbered (as
    `app.io.akn_writer` marks them: `heading`/`subheading`, `class` "unnumbered", "restart")."""
    lines: list[str] = []
    para = reader.paragraph(el, where, (el.get("name") or "").strip(), headings=lines)
    para.heading = "\n".join(lines)
    classes = (el.get("class") or "").split()
    para.numbered, para.restart = "unnumbered" not in classes, "restart" in classes
    return para


class _Flow:
    """Annexes from a flat run of UN paragraphs, as the UN marks them in `attachment`s (and a text a resolution
    adopts after its operative part): "Annex I" and the title are heading paragraphs or plain lines, section
    headings are heading paragraphs (`subheading`, or a heading class such as H23 with "I." and a title),
    subparagraphs are lists or paragraphs with a typed "(a)", and a list numbered 1., 2. inside a paragraph
    ending in ":" is its subparagraphs. Numbering runs on through an annex; what the file numbers otherwise is
    reported. Each annex is built by the readers' shared `AnnexBuilder`; this class finds its start, title and
    what the markup says each paragraph is."""

    def __init__(self, reader: _Reader) -> None:
        self.reader = reader
        self.annexes: list[Annex] = []
        self.builder: AnnexBuilder | None = None
        self.expect_title = False
        self.fresh = False  # at the start of an attachment: an annex starts here, with or without its label
        self.run_on: tuple[Paragraph, int] | None = None  # a paragraph whose numbered list continues
        self.misnumbered: set[str] = set()
        self.numbered = 0

    def start(self, title: str = "", *, labelled: bool = True) -> AnnexBuilder:
        self.flush()
        self.builder = AnnexBuilder(Annex(title=title, labelled=labelled))
        self.annexes.append(self.builder.annex)
        self.expect_title, self.fresh, self.run_on = not title, False, None
        self.numbered = 0  # numbered paragraphs of this annex so far
        return self.builder

    def flush(self) -> None:
        """Heading lines with no paragraph after them, at an annex's end, are kept as unplaced text."""
        if self.builder is not None and self.builder.heading:
            where = f"the end of annex {len(self.annexes)}"
            self.reader.unplaced(
                "\n".join(self.builder.heading), where, "a heading with no paragraph after it"
            )
            self.builder.heading = []

    @property
    def current(self) -> AnnexBuilder:
        return self.builder if self.builder is not None and not self.fresh else self.start(labelled=False)

    def feed(self, items: list[tuple[str, Any]]) -> None:
        for kind, value in items:
            if kind == "heading":
                self.heading(value)
            elif kind == "para":
                lines = _heading_lines(value)
                if lines is None:
                    self.paragraph(value)
                else:
                    self.heading(lines, value)
            elif kind == "table":
                builder = self.current
                self.expect_title = False
                where = f"annex {len(self.annexes)}, paragraph {len(builder.annex.paragraphs) + 1}"
                builder.paragraph(self.reader.table(value, where), numbered=False)
            else:
                where = f"annex {len(self.annexes) or 1}"
                self.reader.unplaced(text_of(value), where, f"<{local_name(value)}>")

    def heading(self, lines: list[str], el: etree._Element | None = None) -> None:
        if len(lines) == 1 and ANNEX_LINE.match(lines[0]):
            self.start()
            return
        builder = self.current
        if self.expect_title:
            # the title keeps its italics and footnotes: read from the element that holds it
            holder = (
                next((c for c in children(el, *_HEADING_TAGS, "content") if text_of(c)), None)
                if el is not None
                else None
            )
            title = self.reader.markup(holder) if holder is not None and len(lines) == 1 else " ".join(lines)
            builder.annex.title, self.expect_title = title, False
        else:
            builder.add_heading(*lines)

    def paragraph(self, el: etree._Element) -> None:
        builder = self.current
        num = _first_child_text(el, "num")
        text = text_of(el)[len(num) :].strip() if num and text_of(el).startswith(num) else text_of(el)
        if not num and ANNEX_LINE.match(text):
            self.start()
            return
        label = _label_of(el)
        if (
            self.expect_title
            and not num
            and not label
            and text
            and len(text) < 300
            and text[-1] not in ".;:,"
        ):
            builder.annex.title, self.expect_title = self.reader.markup(el), False
            return
        self.expect_title = False
        where = f"annex {len(self.annexes)}, paragraph {len(builder.annex.paragraphs) + 1}"
        if label:
            builder.subparagraph(_without_label(self.reader.paragraph(el, where), label), label=label)
            return
        number = int(num.rstrip(".")) if re.fullmatch(r"\d{1,4}\.?", num) else None
        if number is not None and number != self.numbered + 1 and self.runs_on(number):
            builder.subparagraph(self.reader.paragraph(el, where), depth=1)
            return
        self.run_on = None
        para = self.reader.paragraph(el, where, headings=builder.heading)
        builder.paragraph(para, numbered=bool(num))
        builder.add_heading(*self.reader.carried)
        self.reader.carried = []
        self.numbered += para.numbered
        if number is not None and number != self.numbered and builder.annex.id not in self.misnumbered:
            self.misnumbered.add(builder.annex.id)
            self.reader.findings.append(
                Finding(
                    "import.numbering",
                    Severity.INFO,
                    say(
                        "{where} is numbered '{num}' in the file; it is now '{numbered}.' (an annex is numbered on "
                        "from 1)",
                        where=where,
                        num=num,
                        numbered=self.numbered,
                    ),
                    paragraph_id=para.id,
                )
            )

    def runs_on(self, number: int) -> bool:
        """A number out of the annex's sequence that lists under the paragraph before it: a "1." after a
        paragraph ending in ":", or the next number of such a list."""
        builder = self.current
        last = builder.annex.paragraphs[-1] if builder.annex.paragraphs else None
        if last is None or builder.heading:
            return False
        listed = number == 1 and inline.plain(last.tail or last.text).rstrip().endswith(":")
        runs_on = self.run_on is not None and self.run_on[0] is last and self.run_on[1] == number - 1
        if listed or runs_on:
            self.run_on = (last, number)
        return listed or runs_on


def _without_label(sub: Paragraph, label: str) -> Paragraph:
    """The subparagraph without the "(a)" its text repeats when the label was typed."""
    typed = _TYPED_LABEL.match(sub.text)
    if typed and f"({typed.group(1) or typed.group(2)})" == label:
        sub.text = sub.text[typed.end() :]
    return sub


def _table_note(el: etree._Element) -> bool:
    """A note under a table: an unnumbered paragraph in the UN's style for notes ("FootnoteText"), as the UN's
    XML sets the notes of A/RES/79/250's table of levels. It is the table's, not an operative paragraph."""
    return el.get("class") == "FootnoteText" and not _first_child_text(el, "num").strip()


def _label_of(el: etree._Element) -> str:
    """The "(a)" a flat paragraph carries, in its `num` or typed at the start of its text; "" for none."""
    num = _first_child_text(el, "num")
    if _LABEL_NUM.fullmatch(num):
        return f"({num.strip('()')})"  # French and Spanish print "a)": placed as "(a)"
    typed = None if num else _TYPED_LABEL.match(_lead_text(el))
    return f"({typed.group(1) or typed.group(2)})" if typed else ""


def _lead_text(el: etree._Element) -> str:
    """The text of a paragraph before any list in it."""
    for c in children(el):
        if local_name(c) in ("list", "blockList"):
            return " ".join(text_of(i) for i in children(c, "intro", "listIntroduction"))
        if local_name(c) not in ("num", *_HEADING_TAGS):
            return text_of(c)
    return ""


# "(a)", and "a)" as French and Spanish texts print it
_TYPED_LABEL = re.compile(r"\(([a-z]{1,4}|[ivxlc]{1,6}|\d{1,2})\)\s+|([a-z]{1,4}|[ivxlc]{1,6})\)\s+")
_LABEL_NUM = re.compile(r"\(?[a-z]{1,4}\)|\(?[ivxlc]{1,6}\)|\(\d{1,2}\)")
_SECTION_NUM = re.compile(r"[IVXLC]{1,6}|[A-Z]")
_HEADING_TAGS = ("heading", "subheading", "crossHeading")


def _heading_lines(el: etree._Element) -> list[str] | None:
    """The printed lines of a heading the UN marks as a paragraph (`<paragraph><subheading>I</subheading>`, or
    a heading class such as H23 with "I." and the title as its text); None for a real paragraph."""
    if children(el, "list"):  # a paragraph with subparagraphs (and not its whole text read at every level)
        return None
    heads = [t for h in children(el, *_HEADING_TAGS) if (t := text_of(h))]
    num = _first_child_text(el, "num").rstrip(".").strip()
    body = " ".join(
        t for c in children(el) if local_name(c) not in ("num", *_HEADING_TAGS) and (t := text_of(c))
    )
    if heads and not body:
        return [inline.escape(line) for line in ([num] if num else []) + heads]
    heading_class = re.fullmatch(r"H[0-9A-Za-z]{0,4}", el.get("class") or "") is not None
    bold = " ".join(text_of(b) for b in all_named(el, "span") if (b.get("class") or "") == "bold")
    # "I." or no number, and the whole text bold: how the UN marks many omnibus headings ("I" / "Introduction")
    all_bold = bold == body and len(body) < 300
    heading_class = heading_class or bool(all_bold and (not num or _SECTION_NUM.fullmatch(num)))
    if heading_class and body and not children(el, "list") and (not num or _SECTION_NUM.fullmatch(num)):
        return [inline.escape(line) for line in ([num] if num else []) + heads + [body.lstrip(" .:").strip()]]
    return None


def _wraps_up(el: etree._Element, before: list[Paragraph]) -> bool:
    """A paragraph with no number that goes on in lower case after a paragraph's list: that paragraph's
    wrap-up, which some UN files write as a paragraph of its own (A/RES/79/248, after paragraph 79 (c))."""
    if not before or not before[-1].subparagraphs or _first_child_text(el, "num") or children(el, "list"):
        return False
    return text_of(el)[:1].islower()


def _section_preamble(el: etree._Element) -> bool:
    """A crossHeading that is a section's own preambular paragraph: it opens with an italic preambular
    opener and ends with a comma ("Recalling section II of its resolution 60/283 …,", A/RES/78/253)."""
    if local_name(el) != "crossHeading" or not text_of(el).endswith(","):
        return False
    first = next((c for c in el if isinstance(c.tag, str)), None)
    if first is None or "italic" not in (first.get("class") or "") or (el.text or "").strip():
        return False
    return section_preamble(text_of(first))


def _flat(el: etree._Element) -> list[tuple[str, Any]]:
    """A body as ("heading", lines), ("para", element) and ("other", element) items, groups opened."""
    out: list[tuple[str, Any]] = []
    for c in children(el):
        kind = local_name(c)
        if kind in _BODY_PARAS:
            out.append(("para", c))
        elif (table := table_of(c)) is not None:
            out.append(("table", table))
        elif kind in _GROUPS:
            heads = [h for h in children(c) if local_name(h) in ("num", *_HEADING_TAGS) or _numeral(h)]
            lines = [
                inline.escape(t) for h in heads if not _section_preamble(h) and (t := text_of(h).rstrip("."))
            ]
            if lines:
                out.append(("heading", lines))
            out += [("preamble", h) for h in heads if _section_preamble(h)]
            out += _flat(c)
        elif kind not in ("num", *_HEADING_TAGS) and not _numeral(c):
            out.append(("other", c))
    return out


def _numeral(el: etree._Element) -> bool:
    """A `<p>` that holds only a section's numeral ("<p><num>I</num></p>", A/RES/78/253)."""
    return local_name(el) == "p" and bool(_SECTION_NUM.fullmatch(text_of(el).rstrip(".")))


def _annex_docs(root: etree._Element, doc: etree._Element) -> list[etree._Element]:
    """The documents read as annexes: each attachment's, and (outside a `documentCollection`, whose components
    are its parts) each component's, which were dropped without a word."""
    docs = [d for attachment in all_named(root, "attachment") for d in children(attachment) or [attachment]]
    if local_name(doc) != "documentCollection":
        for component in all_named(root, "component"):
            if not any(local_name(a) == "attachment" for a in component.iterancestors()):
                docs += children(component) or [component]
    return docs


def _annex_items(annex_doc: etree._Element) -> list[tuple[str, Any]]:
    """An annex document's body; the lines of its own preface (its title) come first as headings, its preamble
    and conclusions in their places (only the body was read: the rest was dropped without a word)."""
    if own(annex_doc, "mainBody") is None:
        return _flat(annex_doc)
    items: list[tuple[str, Any]] = []
    for part in children(annex_doc):
        kind = local_name(part)
        if kind == "preface":
            items += [("heading", [inline.escape(t)]) for c in children(part) if (t := text_of(c))]
        elif kind not in ("meta", *NESTED_DOCS):
            items += _flat(part)
    return items


def _part_number(doc: etree._Element) -> str:
    return text_of(first_named(own(doc, "preface"), "docNumber")).rstrip(".").strip()


class _Body:
    """One resolution's (or part's) preamble and operative part, with the elements read for the number checks
    and what follows the operative part when it ends in ":" and the numbering starts again at 1. under a
    heading: a text it adopts ("Adopts the following Pact for the Future and its annexes:")."""

    def __init__(self, reader: _Reader, doc: etree._Element, unit: str) -> None:
        self.reader, self.unit = reader, unit
        self.preamble: list[Paragraph] = []
        self.operative: list[Paragraph] = []
        self.preamble_els: list[etree._Element] = []
        self.operative_els: list[etree._Element] = []
        self.adopted: list[tuple[str, Any]] = []
        self.adopted_title = ""
        # some UN files repeat preamble and mainBody, once per section: all are read, in order
        for preamble in children(doc, "preamble") or [own(doc, "preamble")]:
            self.read_preamble(preamble)
        bodies = children(doc, "mainBody", "body") or [own(doc, "mainBody")]
        self.read_operative([item for body in bodies if body is not None for item in _flat(body)])

    def where(self, text: str) -> str:
        return f"{text} of part {self.unit}" if self.unit else text

    def read_preamble(self, preamble: etree._Element | None) -> None:
        reader = self.reader
        headings: list[
            str
        ] = []  # a crossheading of the preamble ("Transport and transit corridors", in bold)
        for i, c in enumerate(children(preamble) if preamble is not None else [], start=1):
            kind = local_name(c)
            where = self.where(f"preambular paragraph {len(self.preamble) + 1}")
            if kind == "formula":
                continue
            if self.preamble and self.preamble[-1].is_table and _table_note(c):  # the note under a table
                table = self.preamble[-1]
                table.text = " ".join(t for t in (table.text, inline.escape(text_of(c))) if t)
                continue
            if kind == "container" and not (c.get("name") or "").strip() and (lines := _heading_lines(c)):
                headings += lines
                continue
            if SEPARATOR.fullmatch(text_of(c)):  # "* * *" between groups of preambular paragraphs
                headings.append(inline.escape(" ".join(text_of(c).split())))
                continue
            if (table := table_of(c)) is not None:
                self.preamble.append(reader.table(table, where, headings))
                self.preamble_els.append(c)
                headings = []
                continue
            if kind in ("container", "p", "blockContainer", "recital", "citation", "block", "tblock"):
                kids = children(c, "recital", "citation") if kind in ("recital", "citation") else []
                for k in kids or [c]:
                    para = reader.paragraph(k, where, (k.get("name") or "").strip())
                    para.heading, headings = "\n".join(headings), []
                    self.preamble.append(para)
                    self.preamble_els.append(k)
            elif kind in ("recitals", "citations"):
                for k in children(c):
                    if local_name(k) in ("recital", "citation"):
                        where = self.where(f"preambular paragraph {len(self.preamble) + 1}")
                        self.preamble.append(reader.paragraph(k, where))
                        self.preamble_els.append(k)
                    elif local_name(k) not in ("intro", "heading"):
                        reader.unplaced(text_of(k), where, f"<{local_name(k)}>")
            else:
                reader.unplaced(text_of(c), self.where(f"the preamble (item {i})"), f"<{kind}>")
        if headings:
            reader.unplaced(
                "\n".join(headings), self.where("the end of the preamble"), "a heading of the preamble"
            )

    def read_operative(self, items: list[tuple[str, Any]]) -> None:
        headings: list[str] = []  # a section's number and heading wait for its first paragraph
        numbered_body = any(_first_child_text(v, "num") for kind, v in items if kind == "para")
        for index, (kind, value) in enumerate(items):
            where = self.where(f"operative paragraph {len(self.operative) + 1}")
            lines = value if kind == "heading" else _heading_lines(value) if kind == "para" else None
            if kind == "preamble":  # a section's own preambular paragraph, printed unnumbered
                para = Paragraph(numbered=False)
                para.opener, para.text = split_opener(tidy(self.reader.spans(value)))
                para.heading, headings = "\n".join(headings), []
                self.operative.append(para)
                self.operative_els.append(value)
            elif lines is not None:
                headings += lines
            elif kind == "table":
                self.operative.append(self.reader.table(value, where, headings))
                self.operative_els.append(value)
                headings = []
            elif kind == "para":
                restart = headings and self.operative and _first_child_text(value, "num").rstrip(".") == "1"
                if restart and text_of(self.operative_els[-1]).endswith(":"):  # "Adopts the following ...:"
                    self.adopted, self.adopted_title = items[index:], " ".join(headings)
                    return
                label = _label_of(value)
                after_table = bool(self.operative) and self.operative[-1].is_table
                if after_table and _table_note(value):  # "a Member States in level H* have a discount …"
                    table = self.operative[-1]  # printed after the table, as written (render._after_table)
                    table.text = " ".join(t for t in (table.text, inline.escape(text_of(value))) if t)
                    continue
                if label and self.operative and not after_table:  # a subparagraph written as a paragraph
                    sub = self.reader.paragraph(value, f"{where} {label}")
                    _without_label(sub, label)
                    place_after(self.operative[-1], sub, label)
                    continue
                if not headings and not after_table and _wraps_up(value, self.operative):  # text after a list
                    last = self.operative[-1]
                    last.tail = " ".join(
                        t for t in (last.tail, self.reader.paragraph(value, where).text) if t
                    )
                    continue
                para = self.reader.paragraph(value, where, headings=headings)
                para.heading = "\n".join(headings)
                # no number among numbered paragraphs, and a preambular opener: a section's own preambular
                # paragraph, unnumbered as the file has it
                number = _first_child_text(value, "num").rstrip(".")
                para.numbered = not (
                    not number
                    and numbered_body
                    and section_preamble(para.opener, self.reader.res.header.language)
                )
                # a section numbered from 1 again (Fifth Committee resolutions)
                para.restart = restarts(to_int(number, 0), self.operative)
                headings, self.reader.carried = self.reader.carried, []
                self.operative.append(para)
                self.operative_els.append(value)
            else:
                self.reader.unplaced(text_of(value), f"before {where}", f"<{local_name(value)}>")
        if headings:  # a heading with no paragraph after it
            where = self.where("the end of the operative part")
            self.reader.unplaced("\n".join(headings), where, say("a heading of the operative part"))

    def check(self, findings: list[Finding]) -> None:
        lang = get_language(self.reader.res.header.language)
        _check_tree(
            self.preamble,
            self.preamble_els,
            0,
            self.where("a preambular paragraph"),
            findings,
            numbered=False,
            lang=lang,
        )
        _check_tree(
            self.operative, self.operative_els, 0, self.where("an operative paragraph"), findings, lang=lang
        )


def read_akn(data: bytes, *, name: str = "") -> AknImportResult:
    """Read AKN4UN XML into a draft. Raises InputError for anything that is not Akoma Ntoso."""
    own_elements.cache_clear()
    root = parse_xml(data, name=name)
    doc = akn_document(root, name)
    components = collection_parts(root) if local_name(doc) == "documentCollection" else [doc]
    if not components:
        raise InputError(f"{name or 'the file'} is an Akoma Ntoso collection with no documents in it")
    meta = metadata_of(doc, components[0])
    tpl = template_for(meta)
    meta["template"] = tpl.id if tpl else ""

    draft = doc.get("name") in _DRAFT_KINDS
    res = Resolution(header=_header(doc, meta, tpl, draft))
    reader = _Reader(res)
    title_el = first_named(own(doc, "preface"), "docTitle")
    res.title = strip_end(tidy(reader.spans(title_el))) if title_el is not None else ""

    findings = reader.findings
    flow = _Flow(reader)
    in_parts = len(components) > 1
    for index, component in enumerate(components):
        body = _Body(reader, component, part_letter(index) if in_parts else "")
        if index == 0:
            res.preamble, res.operative = body.preamble, body.operative
        else:
            res.later_parts.append(ResolutionPart(preamble=body.preamble, operative=body.operative))
        if in_parts:
            title = first_named(own(component, "preface"), "docTitle")
            title_text = strip_end(tidy(reader.spans(title))) if title is not None else ""
            if index == 0:
                res.part_title = title_text
            else:
                res.later_parts[-1].title = title_text
            letter = _part_number(component)
            if letter and letter != body.unit:
                findings.append(
                    Finding(
                        "import.numbering",
                        Severity.INFO,
                        say("part '{letter}' in the file is part {unit} here", letter=letter, unit=body.unit),
                    )
                )
        body.check(findings)
        if body.adopted:
            flow.start(body.adopted_title, labelled=False)  # printed under its title, with no "Annex" line
            flow.feed(body.adopted)
    for annex_doc in _annex_docs(root, doc):
        flow.fresh = True
        flow.feed(_annex_items(annex_doc))
    flow.flush()
    res.annexes = [a for a in flow.annexes if a.paragraphs or a.title]
    findings += _reader_findings(reader)
    if local_name(doc) == "amendment":
        res.instructions = _instructions(doc, reader, name)
    if not res.instructions and not any(part.preamble or part.operative for part in res.parts()):
        raise InputError(f"{name or 'the file'} is Akoma Ntoso but has no preamble or operative paragraphs")

    if not draft:
        what = meta["symbol"] or say("an adopted resolution")
        adopted = (
            say(", adopted on {date}", date=Phrase(date_words, (meta["adoption_date"],)))
            if meta["adoption_date"]
            else ""
        )
        findings.insert(
            0,
            Finding(
                "import.source",
                Severity.INFO,
                say(
                    "opened {what}{adopted} as a draft to rework: it has no symbol or date yet",
                    what=what,
                    adopted=adopted,
                ),
                field="header",
            ),
        )
    return AknImportResult(resolution=res, findings=findings, metadata=meta, adoption=adoption_of(meta))


def _header(doc: etree._Element, meta: dict[str, Any], tpl: Template | None, draft: bool) -> Header:
    """The draft's header: an adopted resolution's keeps no symbol or date (it is a draft to rework); a draft's
    own cover page gives them."""
    header = Header(template=tpl.id if tpl else "ga-plenary", kind=DocumentKind.DRAFT_RESOLUTION, date=None)
    if tpl and tpl.uses_year:
        when = meta["adoption_date"] or meta["issue_date"] or meta["work_date"]
        header.year = when.year if when else None
    else:
        header.session = meta["session"]
    header.agenda_items = [AgendaItem(**item) for item in meta["agenda_items"]]
    header.original_language = meta["original_language"] or header.original_language
    header.language = meta["language"] or header.language
    header.sponsors = list(meta["sponsors"])
    if get_language(header.language).code != "en":  # the workflow names them in English: as the draft printed
        header.sponsors = sort_sponsors(
            [in_language(n, header.language) for n in header.sponsors], header.language
        )
    if draft:
        _read_draft_header(doc, meta, header)
    return header


def _reader_findings(reader: _Reader) -> list[Finding]:
    """What the body reader set aside or renumbered: elements read as text, images, nested notes, references to
    missing notes, notes numbered otherwise."""
    out: list[Finding] = []
    if reader.flattened:
        out.append(
            Finding(
                "import.unplaced",
                Severity.WARNING,
                say(
                    "{count} element(s) beside a paragraph's text ({names}) were read as its text, in place",
                    count=len(reader.flattened),
                    names=", ".join(f"<{n}>" for n in dict.fromkeys(reader.flattened[:20])),
                ),
            )
        )
    if reader.images:
        out.append(
            Finding(
                "import.unplaced",
                Severity.WARNING,
                say(
                    "{count} image(s) in the text were left out: a draft holds text only", count=reader.images
                ),
            )
        )
    if reader.nested_notes:
        out.append(
            Finding(
                "import.footnotes",
                Severity.WARNING,
                say(
                    "{nested_notes} note(s) inside another note were read into it, in parentheses",
                    nested_notes=reader.nested_notes,
                ),
            )
        )
    if reader.dangling_refs:
        missing = ", ".join(f"“#{t[:30]}”" for t in dict.fromkeys(reader.dangling_refs[:5]))
        out.append(
            Finding(
                "import.footnotes",
                Severity.WARNING,
                say(
                    "{count} note reference(s) name a note the file does not have ({missing}): each keeps its "
                    "marker as its text",
                    count=len(reader.dangling_refs),
                    missing=missing,
                ),
            )
        )
    numbered = [marker for marker, _ in reader.note_markers if marker.isdigit()]
    for number, marker in enumerate(numbered, start=1):
        if marker != str(number):
            out.append(
                Finding(
                    "import.footnotes",
                    Severity.INFO,
                    say(
                        "footnote marked '{marker}' in the file is footnote {number} here",
                        marker=marker,
                        number=number,
                    ),
                )
            )
            break
    return out
