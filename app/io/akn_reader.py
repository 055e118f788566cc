"""Read the UN's Akoma Ntoso XML (AKN4UN) of an adopted resolution into a draft of the same text.

The UN marks every part of a resolution: `coverPage` (symbol, dates, session, agenda items), `preface` (number
and title), `preamble` (the enacting formula and one `container` per preambular paragraph, whose leading
`<span class="italic">` is the opener), `mainBody` (`paragraph` with `num`, `content` or `list` of `intro`,
`point`, `wrapUp`), footnotes as `authorialNote` inside the text, and `conclusions` (meeting, adoption date).

An adopted resolution opened here becomes a *draft*: its A/RES symbol is not the draft's symbol, so the header
keeps no symbol and no date; the symbol, adoption date and the rest stay readable through `read_akn_metadata`
and the `metadata` of the result, and an info finding says what the file was.
Anything that does not fit the model (sections, tables, annexes, unknown elements) goes to `annex` with a finding.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Any

from lxml import etree

from app import inline
from app.digits import to_int
from app.errors import InputError
from app.findings import Finding, Severity
from app.formatting import format_date, parse_date, subparagraph_label
from app.io.reading import ImportResult
from app.io.safe_xml import parse_xml
from app.io.span_text import split_opener, strip_end, tidy
from app.model import AgendaItem, DocumentKind, Footnote, Header, Paragraph, Resolution
from app.states import split_sponsor_names
from app.templates import Template, all_templates

_ITALIC_CLASSES = {"italic", "italics", "i", "em"}
_SKIP = {"num", "heading", "subheading", "eol", "img", "marker", "br"}  # handled by the caller, or no text
_INLINE_BREAKS = {"eol", "eop", "br"}
_NOTE = {"authorialNote", "note"}
_DOC_TYPES = {"statement", "act", "bill", "doc", "debateReport", "amendment", "judgment", "portion"}


@dataclass
class AknImportResult(ImportResult):
    """An ImportResult with what the cover page, preface, workflow and conclusions said."""

    metadata: dict[str, Any] = field(default_factory=dict)


def _ln(el: etree._Element) -> str:
    return etree.QName(el).localname if isinstance(el.tag, str) else ""


def _kids(el: etree._Element, *names: str) -> list[etree._Element]:
    return [c for c in el if isinstance(c.tag, str) and (not names or _ln(c) in names)]


def _first(el: etree._Element | None, name: str) -> etree._Element | None:
    if el is None:
        return None
    for d in el.iter():
        if isinstance(d.tag, str) and _ln(d) == name:
            return d
    return None


def _all(el: etree._Element | None, name: str) -> list[etree._Element]:
    if el is None:
        return []
    return [d for d in el.iter() if isinstance(d.tag, str) and _ln(d) == name]


def _text(el: etree._Element | None) -> str:
    """All text under an element, footnotes left out, whitespace collapsed."""
    if el is None:
        return ""
    parts: list[str] = []

    def walk(node: etree._Element) -> None:
        if node.text:
            parts.append(node.text)
        for c in node:
            if isinstance(c.tag, str) and _ln(c) not in _NOTE:
                walk(c)
            if c.tail:
                parts.append(c.tail)

    walk(el)
    return re.sub(r"\s+", " ", "".join(parts)).strip()


def _iso(value: str | None) -> dt.date | None:
    if not value:
        return None
    try:
        day = dt.date.fromisoformat(value.strip()[:10])
    except ValueError:
        return None
    return None if day.year < 1900 else day  # the UN writes 0001-01-01 for "no date"


# ---------------------------------------------------------------- metadata


def _document(root: etree._Element, name: str) -> etree._Element:
    if _ln(root) != "akomaNtoso":
        raise InputError(f"{name or 'the file'} is XML but not Akoma Ntoso (root element <{_ln(root)}>)")
    for child in _kids(root):
        if _ln(child) in _DOC_TYPES:
            return child
        if _ln(child) == "documentCollection":  # resolutions A and B under one number: the first one
            for d in child.iter():
                if isinstance(d.tag, str) and _ln(d) in _DOC_TYPES and _first(d, "preamble") is not None:
                    return d
            return child
    raise InputError(f"{name or 'the file'} is Akoma Ntoso but holds no document the reader knows")


def _metadata(doc: etree._Element) -> dict[str, Any]:
    meta = _first(doc, "meta")
    cover = _first(doc, "coverPage")
    preface = _first(doc, "preface")
    out: dict[str, Any] = {}

    symbol = ""
    for number in _all(cover, "docNumber"):
        if number.get("refersTo", "#symbol") == "#symbol":
            symbol = _text(number)
            break
    out["symbol"] = symbol
    out["number"] = _text(_first(preface, "docNumber")).rstrip(".").strip()
    title_el = _first(preface, "docTitle")
    out["title"] = _text(title_el)

    issue = None
    for date in _all(cover, "docDate"):
        issue = _iso(date.get("date")) or parse_date(_text(date))
        if issue:
            break
    out["issue_date"] = issue

    adoption = None
    for date in _all(_first(doc, "conclusions"), "docDate"):
        adoption = _iso(date.get("date")) or parse_date(_text(date))
        if adoption:
            break
    if adoption is None:
        for frbr in _all(_first(meta, "FRBRWork"), "FRBRdate"):
            if frbr.get("name") == "adoption":
                adoption = _iso(frbr.get("date"))
    steps = _all(_first(meta, "workflow"), "step")
    if adoption is None:
        for step in steps:
            if step.get("outcome") == "adopted":
                adoption = _iso(step.get("date"))
    if adoption is None:
        for title in _all(cover, "docTitle"):
            adoption = parse_date(_text(title))
            if adoption:
                break
    out["adoption_date"] = adoption
    out["work_date"] = next((_iso(d.get("date")) for d in _all(_first(meta, "FRBRWork"), "FRBRdate")), None)
    location = _first(_first(doc, "conclusions"), "location")
    out["meeting"] = _text(location)

    session = _first(cover, "session")
    value = session.get("value", "") if session is not None else ""
    out["session"] = to_int(value, max_digits=4)

    items: list[dict[str, str]] = []
    for el in _all(cover, "inline"):
        kind = (el.get("name") or "").lower()
        if kind == "agenda item":
            label = el.get("title") or re.sub(r"(?i)^agenda items?\s*", "", _text(el))
            m = re.match(r"\s*(\d+[A-Za-z]?)\s*(?:\(([a-z]{1,3})\))?\s*$", label)
            number, sub = (m.group(1), m.group(2) or "") if m else (label.strip(), "")
            items.append({"number": number, "sub_item": sub, "title": ""})
        elif kind == "agenda item name" and items and not items[-1]["title"]:
            items[-1]["title"] = _text(el)
    out["agenda_items"] = items
    language = next((_text(el) for el in _all(cover, "inline") if el.get("name") == "originalLanguage"), "")
    out["original_language"] = re.sub(r"(?i)^original:\s*", "", language)

    authority = ""
    for el in _all(cover, "docAuthority"):
        if el.get("refersTo") == "#issuingBody" or not authority:
            authority = _text(el)
    out["organ"] = authority
    proponent = _first(cover, "docProponent")
    out["proponent"] = _text(proponent)
    out["proponent_ref"] = (proponent.get("refersTo", "") if proponent is not None else "").lstrip("#")
    formula = _first(_first(doc, "preamble"), "formula")
    out["organ_line"] = _text(formula).rstrip(",").strip()

    out["draft_symbol"] = ""
    out["sponsors"] = []
    out["additional_sponsors"] = []
    for step in steps:
        outcome = step.get("outcome", "")
        if outcome == "draftResolution" and not out["draft_symbol"]:
            out["draft_symbol"] = step.get("as", "")
            out["sponsors"] = split_sponsor_names(step.get("by", ""))
        elif outcome == "draftResolutionAdditionalSponsors":
            out["additional_sponsors"] += split_sponsor_names(step.get("by", ""))
    voting = _first(meta, "voting")
    out["vote"] = voting.get("outcome", "") if voting is not None else ""
    out["job_number"] = _text(_first(meta, "docketNumber"))
    return out


def _template_for(meta: dict[str, Any]) -> Template | None:
    """The organ template: by enacting formula, then committee named in the cover page, then organ."""
    templates = list(all_templates().values())
    line = meta.get("organ_line", "").lower()
    candidates = [t for t in templates if t.organ_line.lower() == line] if line else []
    if not candidates:
        organ = meta.get("organ", "").lower()
        candidates = [t for t in templates if organ and organ in (t.organ.lower(), t.committee.lower())]
    if not candidates:
        return None
    proponent = (meta.get("proponent", "") + " " + meta.get("proponent_ref", "")).lower().replace(" ", "")
    for tpl in candidates:
        if tpl.committee and tpl.committee.lower().replace(" ", "") in proponent:
            return tpl
    plain = [t for t in candidates if not t.committee or t.committee.lower() in meta.get("organ", "").lower()]
    return (plain or candidates)[0]


def read_akn_metadata(data: bytes, *, name: str = "") -> dict[str, Any]:
    """What the file says about the resolution: symbol ("A/RES/79/174"), number, title, issue_date and
    adoption_date and work_date (datetime.date or None), meeting, session, agenda_items [{number, sub_item,
    title}], original_language, organ, organ_line, proponent, draft_symbol, sponsors, additional_sponsors, vote,
    job_number, template."""
    doc = _document(parse_xml(data, name=name), name)
    meta = _metadata(doc)
    tpl = _template_for(meta)
    meta["template"] = tpl.id if tpl else ""
    return meta


# ---------------------------------------------------------------- body


class _Reader:
    def __init__(self, res: Resolution) -> None:
        self.res = res
        self.findings: list[Finding] = []
        self.note_markers: list[tuple[str, str]] = []  # (marker in the file, footnote id)
        self._notes: dict[str, etree._Element] | None = None  # meta/notes by eId, indexed on first use
        self._read_notes: dict[str, str] = {}  # eId → footnote id: a note referenced twice is one footnote
        self._in_note = False

    # inline text -----------------------------------------------------------

    def spans(self, el: etree._Element, *, italic: bool = False) -> list[inline.Span]:
        out: list[inline.Span] = []
        if el.text:
            out.append(inline.Span(el.text, italic))
        for c in el:
            if not isinstance(c.tag, str):
                pass
            elif (_ln(c) in _NOTE or _ln(c) == "noteRef") and self._in_note:
                # a note inside a note cannot be a footnote: its marker stays as text (no cycles, no fan-out)
                out.append(inline.Span(c.get("marker", ""), italic))
            elif _ln(c) in _NOTE:
                out.append(inline.Span(footnote=self.footnote(c)))
            elif _ln(c) == "noteRef":
                out.append(inline.Span(footnote=self.note_ref(c)))
            elif _ln(c) in _INLINE_BREAKS:
                out.append(inline.Span(" ", italic))
            elif _ln(c) in ("i", "em") or (c.get("class") or "").lower() in _ITALIC_CLASSES:
                out += self.spans(c, italic=True)
            elif _ln(c) not in ("img", "marker"):
                out += self.spans(c, italic=italic)
            if c.tail:
                out.append(inline.Span(c.tail, italic))
        return out

    def footnote(self, note: etree._Element) -> str:
        self._in_note = True
        try:
            paras = [self.markup(p) for p in _kids(note, "p")] or [self.markup(note)]
        finally:
            self._in_note = False
        fn = Footnote(text=" ".join(p for p in paras if p))
        self.res.footnotes[fn.id] = fn
        self.note_markers.append((note.get("marker", ""), fn.id))
        return fn.id

    def note_ref(self, ref: etree._Element) -> str:
        """A `noteRef` pointing at a note in `meta/notes`."""
        target = (ref.get("href") or "").lstrip("#")
        if self._notes is None:
            root = ref.getroottree().getroot()
            self._notes = {}
            for note in _all(root, "note"):
                self._notes.setdefault(note.get("eId") or "", note)
        if target in self._read_notes:
            return self._read_notes[target]
        if target in self._notes:
            self._read_notes[target] = self.footnote(self._notes[target])
            return self._read_notes[target]
        fn = Footnote(text=ref.get("marker", ""))
        self.res.footnotes[fn.id] = fn
        return fn.id

    def markup(self, el: etree._Element) -> str:
        return inline.unparse(tidy(self.spans(el)))

    # paragraphs -------------------------------------------------------------

    def paragraph(self, el: etree._Element, where: str, name_hint: str = "") -> Paragraph:
        """A container, paragraph, point, item or subparagraph, with its lists."""
        para = Paragraph()
        lead: list[inline.Span] = []
        tail: list[inline.Span] = []
        seen_list = False
        for c in _kids(el):
            kind = _ln(c)
            if kind in ("num", "heading", "subheading"):
                if kind != "num":
                    self.unplaced(_text(c), where, "a heading inside a paragraph")
                continue
            if kind in ("content", "intro", "listIntroduction", "p", "block", "alinea"):
                target = tail if seen_list else lead
                if target:
                    target.append(inline.Span(" "))
                target += self.spans(c) if kind in ("p", "block") else self.block_spans(c)
            elif kind in ("list", "blockList"):
                seen_list = True
                for sub_el in _kids(c):
                    sub_kind = _ln(sub_el)
                    if sub_kind in ("intro", "listIntroduction"):
                        (tail if para.subparagraphs else lead).extend(self.block_spans(sub_el))
                    elif sub_kind in ("wrapUp", "listWrapUp"):
                        tail += self.block_spans(sub_el)
                    elif sub_kind in ("point", "item", "paragraph", "subparagraph", "indent"):
                        label = f"{where}({len(para.subparagraphs) + 1})"
                        para.subparagraphs.append(self.paragraph(sub_el, label))
                    else:
                        self.unplaced(_text(sub_el), where, f"<{sub_kind}> inside a list")
            elif kind in ("point", "item", "subparagraph", "paragraph", "indent"):
                seen_list = True
                para.subparagraphs.append(self.paragraph(c, f"{where}({len(para.subparagraphs) + 1})"))
            elif kind in ("wrapUp", "listWrapUp"):
                tail += self.block_spans(c)
            elif kind in _NOTE:
                (tail if seen_list else lead).append(inline.Span(footnote=self.footnote(c)))
            else:
                self.unplaced(_text(c), where, f"<{kind}>")
        if el.text and el.text.strip() and _ln(el) in ("container",):
            lead.insert(0, inline.Span(el.text))
        para.opener, para.text = split_opener(tidy(lead), name_hint)
        para.tail = strip_end(tidy(tail))
        return para

    def block_spans(self, el: etree._Element) -> list[inline.Span]:
        out: list[inline.Span] = []
        children = _kids(el, "p", "block")
        if not children:
            return self.spans(el)
        for p in children:
            if out:
                out.append(inline.Span(" "))
            out += self.spans(p)
        return out

    def unplaced(self, text: str, where: str, what: str) -> None:
        if not text:
            return
        self.res.annex.append(text)
        self.findings.append(
            Finding(
                "import.unplaced",
                Severity.WARNING,
                f"{what} at {where} could not be placed and was kept at the end (annex): {text[:80]}",
                field="annex",
            )  # fmt: skip
        )


def _check_labels(items: list[Paragraph], els: list[etree._Element], depth: int, where: str,
                  findings: list[Finding], numbered: bool = True) -> None:  # fmt: skip
    """Compare the numbers the file prints with the ones the model will derive."""
    for i, (para, el) in enumerate(zip(items, els, strict=False), start=1):
        num = _first_child_text(el, "num")
        if depth == 0 and not numbered:
            expected = ""
        elif depth == 0:
            expected = f"{i}." if len(items) > 1 else ""
        else:
            expected = subparagraph_label(depth, i)
        if num and num.replace(" ", "") != expected.replace(" ", ""):
            findings.append(
                Finding(
                    "import.numbering",
                    Severity.INFO,
                    f"{where} is numbered '{num}' in the file; it is now '{expected or 'unnumbered'}'",
                    paragraph_id=para.id,
                )  # fmt: skip
            )


def _first_child_text(el: etree._Element, name: str) -> str:
    for c in _kids(el, name):
        return _text(c)
    return ""


def _sub_elements(el: etree._Element) -> list[etree._Element]:
    out: list[etree._Element] = []
    for c in _kids(el):
        if _ln(c) in ("list", "blockList"):
            out += _kids(c, "point", "item", "paragraph", "subparagraph", "indent")
        elif _ln(c) in ("point", "item", "subparagraph", "paragraph", "indent"):
            out.append(c)
    return out


def _check_tree(paras: list[Paragraph], els: list[etree._Element], depth: int, where: str,
                findings: list[Finding], numbered: bool = True) -> None:  # fmt: skip
    _check_labels(paras, els, depth, where, findings, numbered)
    for para, el in zip(paras, els, strict=False):
        subs = _sub_elements(el)
        if subs:
            _check_tree(para.subparagraphs, subs, depth + 1, f"a subparagraph list in {where}", findings)


_BODY_PARAS = ("paragraph", "subparagraph", "point", "item")
_GROUPS = ("section", "part", "division", "chapter", "title", "book", "hcontainer", "tome", "subsection",
           "subpart", "subdivision", "subchapter", "subtitle", "level", "article", "clause")  # fmt: skip


_DRAFT_KINDS = {
    "draftResolution": DocumentKind.DRAFT_RESOLUTION,
    "draftDecision": DocumentKind.DRAFT_DECISION,
    "amendment": DocumentKind.AMENDMENT,
}


def _read_draft_header(doc: etree._Element, meta: dict[str, Any], header: Header) -> None:
    """A draft (as Resolute's AKN export writes one) keeps its symbol, date, distribution, kind and group."""
    from app.io.text_header import STAR_BEHALF

    m = re.fullmatch(r"(?P<base>.+?)/Rev\.(?P<n>\d+)", meta["symbol"])
    header.symbol, header.revision = (
        (m["base"], to_int(m["n"], 0, max_digits=3)) if m else (meta["symbol"], 0)
    )
    header.date = meta["issue_date"]
    cover = _first(doc, "coverPage")
    status = _text(_first(cover, "docStatus"))
    header.distribution = status.split(":")[-1].strip() or header.distribution
    header.kind = _DRAFT_KINDS[doc.get("name", "")]
    proponent = _first(cover, "docProponent")
    note = _first(proponent, "authorialNote")
    if note is not None:
        behalf = STAR_BEHALF.match(_text(note).lstrip("*").strip())
        header.on_behalf_of = behalf.group(1).strip() if behalf else ""
        note.getparent().remove(note)  # the rest is the sponsor line
    if header.kind is DocumentKind.DRAFT_RESOLUTION and _text(proponent).endswith("revised draft resolution"):
        header.kind = DocumentKind.REVISED_DRAFT_RESOLUTION


def read_akn(data: bytes, *, name: str = "") -> AknImportResult:
    """Read AKN4UN XML into a draft. Raises InputError for anything that is not Akoma Ntoso."""
    doc = _document(parse_xml(data, name=name), name)
    meta = _metadata(doc)
    tpl = _template_for(meta)
    meta["template"] = tpl.id if tpl else ""

    header = Header(template=tpl.id if tpl else "ga-plenary", kind=DocumentKind.DRAFT_RESOLUTION, date=None)
    if tpl and tpl.uses_year:
        when = meta["adoption_date"] or meta["issue_date"] or meta["work_date"]
        header.year = when.year if when else None
    else:
        header.session = meta["session"]
    header.agenda_items = [AgendaItem(**item) for item in meta["agenda_items"]]
    header.sponsors = list(meta["sponsors"])
    header.original_language = meta["original_language"] or header.original_language
    draft = doc.get("name") in _DRAFT_KINDS
    if draft:
        _read_draft_header(doc, meta, header)
    res = Resolution(header=header)
    reader = _Reader(res)
    title_el = _first(_first(doc, "preface"), "docTitle")
    res.title = strip_end(tidy(reader.spans(title_el))) if title_el is not None else ""

    findings = reader.findings
    preamble_els: list[etree._Element] = []
    preamble = _first(doc, "preamble")
    if preamble is not None:
        for i, c in enumerate(_kids(preamble), start=1):
            kind = _ln(c)
            where = f"preambular paragraph {len(res.preamble) + 1}"
            if kind == "formula":
                continue
            if kind in ("container", "p", "blockContainer", "recital", "citation", "block", "tblock"):
                if kind in ("recital", "citation") and _kids(c, "recital", "citation"):
                    kids = _kids(c, "recital", "citation")
                else:
                    kids = [c]
                for k in kids:
                    res.preamble.append(reader.paragraph(k, where, (k.get("name") or "").strip()))
                    preamble_els.append(k)
            elif kind in ("recitals", "citations"):
                for k in _kids(c):
                    if _ln(k) in ("recital", "citation"):
                        res.preamble.append(
                            reader.paragraph(k, f"preambular paragraph {len(res.preamble) + 1}")
                        )
                        preamble_els.append(k)
                    elif _ln(k) not in ("intro", "heading"):
                        reader.unplaced(_text(k), where, f"<{_ln(k)}>")
            else:
                reader.unplaced(_text(c), f"the preamble (item {i})", f"<{kind}>")

    operative_els: list[etree._Element] = []
    body = _first(doc, "mainBody")
    if body is None:
        body = _first(doc, "body")

    headings: list[str] = []  # a section's number and heading wait for its first paragraph

    def walk_body(el: etree._Element) -> None:
        for c in _kids(el):
            kind = _ln(c)
            where = f"operative paragraph {len(res.operative) + 1}"
            if kind in _BODY_PARAS:
                para = reader.paragraph(c, where)
                para.heading = "\n".join(headings)
                headings.clear()
                res.operative.append(para)
                operative_els.append(c)
            elif kind in _GROUPS:
                headings.extend(
                    t for h in _kids(c, "num", "heading", "subheading", "crossHeading") if (t := _text(h))
                )
                walk_body_group(c)
            elif kind in ("num",):
                continue
            else:
                reader.unplaced(_text(c), f"before {where}" if kind != "wrapUp" else "the end", f"<{kind}>")

    def walk_body_group(el: etree._Element) -> None:
        rest = [c for c in _kids(el) if _ln(c) not in ("num", "heading", "subheading", "crossHeading")]
        holder = etree.Element("holder")
        for c in rest:
            holder.append(c)  # moves c; the tree is ours and read only once
        walk_body(holder)

    if body is not None:
        walk_body(body)
    for text in headings:  # a heading with no paragraph after it
        reader.unplaced(text, "the end of the operative part", "a heading of the operative part")

    for attachment in _all(doc, "attachment"):
        text = _text(attachment)
        if text:
            reader.unplaced(text, "after the operative part", "an annex")

    _check_tree(res.preamble, preamble_els, 0, "a preambular paragraph", findings, numbered=False)
    _check_tree(res.operative, operative_els, 0, "an operative paragraph", findings)
    for number, (marker, _) in enumerate(reader.note_markers, start=1):
        if marker and marker.strip("*") and marker != str(number):
            findings.append(Finding("import.footnotes", Severity.INFO,
                                    f"footnote marked '{marker}' in the file is footnote {number} here"))  # fmt: skip
            break
    if not res.preamble and not res.operative:
        raise InputError(f"{name or 'the file'} is Akoma Ntoso but has no preamble or operative paragraphs")

    if not draft:
        what = meta["symbol"] or "an adopted resolution"
        adopted = f", adopted on {format_date(meta['adoption_date'])}" if meta["adoption_date"] else ""
        findings.insert(0, Finding("import.source", Severity.INFO,
                                   f"opened {what}{adopted} as a draft to rework: it has no symbol or date yet",
                                   field="header"))  # fmt: skip
    return AknImportResult(resolution=res, findings=findings, metadata=meta)
