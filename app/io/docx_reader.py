"""Read a Word (.docx) draft into the model: masthead, sponsor line, title, preamble, operative part, footnotes.

The file is checked as a zip (app.io.safe_xml) before python-docx opens it. Paragraphs are then read from the
WordprocessingML directly, because python-docx shows neither tracked changes nor footnotes nor computed list
numbers:

- tracked changes are read as if all were accepted: `w:ins`/`w:moveTo` in, `w:del`/`w:moveFrom` out, a
  deleted paragraph mark joins its paragraph to the next one;
- italics come from the run, its character style, the paragraph style or the document defaults;
- numbers come from typed labels ("1.", "(a)", "(i)", "a.", "i.") or from Word's automatic numbering
  (`w:numPr` computed through numbering.xml, or the list level when the definition is missing);
- footnotes are real Word footnotes (`w:footnoteReference` into the footnotes part) or the text's own
  superscript reference marks with their notes typed as paragraphs;
- page headers and footers are other parts and are not read.

The lines before the organ line ("The General Assembly,") go to the plain-text header reader; the body is
placed here. Lines that fit nowhere are kept in `annex` with a finding, never dropped.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from lxml import etree

from app import inline, lexicon
from app.errors import InputError
from app.findings import Finding, Severity
from app.formatting import letters, roman
from app.io.reading import ImportResult
from app.io.safe_xml import OLE_MAGIC, check_zip_xml, describe_ole, open_zip, parse_xml, read_member
from app.io.span_text import split_opener, strip_end, tidy
from app.model import DocumentKind, Footnote, Paragraph, Part, Resolution
from app.render import join_opener
from app.templates import all_templates

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_RT_FOOTNOTES = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes"
_RT_ENDNOTES = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/endnotes"
_MACRO_TYPES = ("macroEnabled",)
_TEMPLATE_TYPE = "wordprocessingml.template.main+xml"


def _w(tag: str) -> str:
    return f"{{{W}}}{tag}"


def _val(el: etree._Element | None, attr: str = "val") -> str | None:
    return None if el is None else el.get(_w(attr))


def _on(el: etree._Element | None) -> bool | None:
    """A Word on/off property: absent → None; present without a value or with a true value → True."""
    if el is None:
        return None
    return (el.get(_w("val")) or "true").lower() not in ("0", "false", "off", "none")


# ------------------------------------------------------------------ styles and numbering


@dataclass
class _Style:
    kind: str
    based_on: str
    italic: bool | None
    superscript: bool | None
    num_id: str | None
    ilvl: int | None
    left: int | None


class _Styles:
    def __init__(self, root: etree._Element | None) -> None:
        self.styles: dict[str, _Style] = {}
        self.default_italic = False
        self.default_para = ""
        if root is None:
            return
        defaults = root.find(f"{_w('docDefaults')}/{_w('rPrDefault')}/{_w('rPr')}")
        if defaults is not None:
            self.default_italic = bool(_on(defaults.find(_w("i"))))
        for st in root.findall(_w("style")):
            sid = st.get(_w("styleId")) or ""
            rpr = st.find(_w("rPr"))
            ppr = st.find(_w("pPr"))
            num = ppr.find(_w("numPr")) if ppr is not None else None
            ind = ppr.find(_w("ind")) if ppr is not None else None
            ilvl = _val(num.find(_w("ilvl"))) if num is not None else None
            self.styles[sid] = _Style(
                kind=st.get(_w("type")) or "",
                based_on=_val(st.find(_w("basedOn"))) or "",
                italic=_on(rpr.find(_w("i"))) if rpr is not None else None,
                superscript=(_val(rpr.find(_w("vertAlign"))) == "superscript")
                if rpr is not None and rpr.find(_w("vertAlign")) is not None
                else None,
                num_id=_val(num.find(_w("numId")))
                if num is not None and num.find(_w("numId")) is not None
                else None,
                ilvl=int(ilvl) if ilvl and ilvl.isdigit() else None,
                left=_twips(ind),
            )
            if st.get(_w("type")) == "paragraph" and st.get(_w("default")) in ("1", "true"):
                self.default_para = sid

    def chain(self, sid: str) -> Iterator[_Style]:
        seen: set[str] = set()
        while sid and sid in self.styles and sid not in seen:
            seen.add(sid)
            yield self.styles[sid]
            sid = self.styles[sid].based_on

    def first(self, sid: str, attr: str) -> object:
        for st in self.chain(sid):
            value = getattr(st, attr)
            if value is not None:
                return value
        return None


def _twips(ind: etree._Element | None) -> int | None:
    if ind is None:
        return None
    value = ind.get(_w("left")) or ind.get(_w("start"))
    try:
        return int(value) if value is not None else None
    except ValueError:
        return None


_FORMATS = {
    "decimal": str,
    "decimalZero": lambda n: f"{n:02d}",
    "lowerLetter": letters,
    "upperLetter": lambda n: letters(n).upper(),
    "lowerRoman": roman,
    "upperRoman": lambda n: roman(n).upper(),
}


@dataclass
class _Level:
    start: int = 1
    fmt: str = "decimal"
    text: str = "%1."


class _Numbering:
    """Word's automatic numbering: labels computed from numbering.xml, counters kept per abstract list."""

    def __init__(self, root: etree._Element | None) -> None:
        self.abstract: dict[str, dict[int, _Level]] = {}
        self.nums: dict[str, tuple[str, dict[int, int], dict[int, _Level]]] = {}
        self.counters: dict[str, dict[int, int]] = {}
        self.started: set[str] = set()
        if root is None:
            return
        for ab in root.findall(_w("abstractNum")):
            self.abstract[ab.get(_w("abstractNumId")) or ""] = {
                int(lvl.get(_w("ilvl")) or 0): self._level(lvl) for lvl in ab.findall(_w("lvl"))
            }
        for num in root.findall(_w("num")):
            starts: dict[int, int] = {}
            levels: dict[int, _Level] = {}
            for ov in num.findall(_w("lvlOverride")):
                ilvl = int(ov.get(_w("ilvl")) or 0)
                so = _val(ov.find(_w("startOverride")))
                if so and so.lstrip("-").isdigit():
                    starts[ilvl] = int(so)
                if ov.find(_w("lvl")) is not None:
                    levels[ilvl] = self._level(ov.find(_w("lvl")))
            self.nums[num.get(_w("numId")) or ""] = (
                _val(num.find(_w("abstractNumId"))) or "",
                starts,
                levels,
            )

    @staticmethod
    def _level(lvl: etree._Element) -> _Level:
        start = _val(lvl.find(_w("start")))
        return _Level(
            start=int(start) if start and start.lstrip("-").isdigit() else 1,
            fmt=_val(lvl.find(_w("numFmt"))) or "decimal",
            text=_val(lvl.find(_w("lvlText"))) or "",
        )

    def label(self, num_id: str, ilvl: int) -> tuple[str, str] | None:
        """(label, format) for the next paragraph of that list and level; None when undefined."""
        if num_id not in self.nums:
            return None
        abstract_id, starts, overrides = self.nums[num_id]
        levels = {**self.abstract.get(abstract_id, {}), **overrides}
        if ilvl not in levels:
            return None
        counters = self.counters.setdefault(abstract_id, {})
        if num_id not in self.started:
            self.started.add(num_id)
            for lvl, value in starts.items():
                counters[lvl] = value - 1
        counters[ilvl] = counters.get(ilvl, levels[ilvl].start - 1) + 1
        for deeper in [k for k in counters if k > ilvl]:
            counters.pop(deeper)
        level = levels[ilvl]
        if level.fmt == "bullet":
            return "", "bullet"
        if level.fmt == "none":
            return "", "none"

        def sub(m: re.Match[str]) -> str:
            k = int(m.group(1)) - 1
            lv = levels.get(k, _Level())
            value = counters.get(k, lv.start)
            return _FORMATS.get(lv.fmt, str)(max(value, 1))

        return re.sub(r"%([1-9])", sub, level.text).strip(), level.fmt


# ------------------------------------------------------------------ runs


@dataclass(frozen=True)
class _Piece:
    text: str = ""
    italic: bool = False
    note: str = ""  # model footnote id of a real Word footnote
    sup: bool = False  # superscript text: perhaps the text's own reference mark


@dataclass
class _Line:
    pieces: list[_Piece]
    style: str = ""
    num_id: str | None = None
    ilvl: int | None = None
    left: int | None = None
    in_table: bool = False
    index: int = 0  # paragraph number in the file, for messages
    label: str = ""  # from Word numbering, computed later
    label_fmt: str = ""

    @property
    def plain(self) -> str:
        return "".join(p.text for p in self.pieces)


class _Walker:
    """Reads paragraphs into pieces, with tracked changes accepted."""

    def __init__(self, styles: _Styles, notes: dict[str, list[etree._Element]], res: Resolution) -> None:
        self.styles = styles
        self.notes = notes  # docx footnote id → its paragraphs
        self.res = res
        self.note_ids: dict[str, str] = {}  # docx id → model id
        self.tracked = False
        self.images = 0
        self.text_boxes: list[str] = []  # text in text boxes: kept in the annex, with a finding

    def pieces(self, p: etree._Element, *, in_note: bool = False) -> list[_Piece]:
        pstyle = _val(p.find(f"{_w('pPr')}/{_w('pStyle')}")) or self.styles.default_para
        out: list[_Piece] = []
        self._walk(p, pstyle, out, in_note)
        return out

    def _walk(self, el: etree._Element, pstyle: str, out: list[_Piece], in_note: bool) -> None:
        for c in el:
            if not isinstance(c.tag, str):
                continue
            tag = etree.QName(c).localname if c.tag.startswith("{") else c.tag
            ns = etree.QName(c).namespace
            if ns != W:
                if tag == "AlternateContent":  # mc:AlternateContent: read the fallback
                    for fb in c:
                        if etree.QName(fb).localname == "Fallback":
                            self._walk(fb, pstyle, out, in_note)
                continue
            if tag in ("del", "moveFrom"):
                self.tracked = True
            elif tag in ("ins", "moveTo"):
                self.tracked = True
                self._walk(c, pstyle, out, in_note)
            elif tag == "r":
                self._run(c, pstyle, out, in_note)
            elif tag in (
                "hyperlink",
                "smartTag",
                "customXml",
                "fldSimple",
                "bdo",
                "dir",
                "sdt",
                "sdtContent",
            ):
                self._walk(c, pstyle, out, in_note)

    def _run(self, r: etree._Element, pstyle: str, out: list[_Piece], in_note: bool) -> None:
        rpr = r.find(_w("rPr"))
        italic, sup = self._format(rpr, pstyle)
        if rpr is not None and rpr.find(_w("rPrChange")) is not None:
            self.tracked = True
        for c in r:
            if not isinstance(c.tag, str) or etree.QName(c).namespace != W:
                continue
            tag = etree.QName(c).localname
            if tag == "t":
                out.append(_Piece(c.text or "", italic, sup=sup))
            elif tag in ("tab", "ptab"):
                out.append(_Piece("\t", italic))
            elif tag in ("br", "cr"):
                out.append(_Piece(" ", italic))
            elif tag == "noBreakHyphen":
                out.append(_Piece("\u2011", italic))
            elif tag == "sym":
                char = _val(c, "char") or ""
                try:
                    code = int(char, 16)
                except ValueError:
                    continue
                if code >= 0xF000:  # symbol-font private use area
                    code -= 0xF000
                if 0x20 <= code < 0xD800:
                    out.append(_Piece(chr(code), italic))
            elif tag in ("footnoteReference", "endnoteReference") and not in_note:
                out.append(_Piece(note=self._note(_val(c, "id") or "", tag)))
            elif tag in ("drawing", "pict", "object"):
                boxes = [b for b in c.iter(_w("txbxContent"))]
                if not boxes:
                    self.images += 1
                for box in boxes[:1]:  # Word writes a text box twice (drawing and its VML fallback)
                    text = " ".join(
                        inline.unparse(
                            tidy([inline.Span(x.text, x.italic) for x in self.pieces(p) if not x.note])
                        )
                        for p in box.iter(_w("p"))
                    ).strip()
                    if text:
                        self.text_boxes.append(text)

    def _format(self, rpr: etree._Element | None, pstyle: str) -> tuple[bool, bool]:
        italic: bool | None = None
        sup: bool | None = None
        rstyle = ""
        if rpr is not None:
            italic = _on(rpr.find(_w("i")))
            va = rpr.find(_w("vertAlign"))
            sup = (_val(va) == "superscript") if va is not None else None
            rstyle = _val(rpr.find(_w("rStyle"))) or ""
        if italic is None and rstyle:
            italic = self.styles.first(rstyle, "italic")  # type: ignore[assignment]
        if italic is None and pstyle:
            italic = self.styles.first(pstyle, "italic")  # type: ignore[assignment]
        if sup is None and rstyle:
            sup = self.styles.first(rstyle, "superscript")  # type: ignore[assignment]
        return bool(self.styles.default_italic if italic is None else italic), bool(sup)

    def _note(self, docx_id: str, tag: str) -> str:
        key = f"{tag[:3]}{docx_id}"
        if key in self.note_ids:
            return self.note_ids[key]
        paras = self.notes.get(key, [])
        texts = []
        for p in paras:
            spans = tidy([inline.Span(x.text, x.italic) for x in self.pieces(p, in_note=True) if not x.note])
            texts.append(inline.unparse(spans))
        note = Footnote(text=" ".join(t for t in texts if t))
        self.res.footnotes[note.id] = note
        self.note_ids[key] = note.id
        return note.id


# ------------------------------------------------------------------ opening the file


def _open(data: bytes, name: str) -> tuple[object, dict[str, list[etree._Element]]]:
    label = name or "the file"
    if not data:
        raise InputError(f"{label} is empty")
    if data[:8] == OLE_MAGIC:
        raise describe_ole(data, name=name)
    archive = open_zip(data, name=name)
    types = read_member(archive, "[Content_Types].xml", name=name).decode("utf-8", "replace")
    main = re.search(r'PartName="/word/document\.xml"\s+ContentType="([^"]+)"', types) or re.search(
        r'ContentType="([^"]+)"\s+PartName="/word/document\.xml"', types
    )
    content_type = main.group(1) if main else ""
    if any(t in content_type for t in _MACRO_TYPES):
        raise InputError(
            f"{label} is a macro-enabled Word file (.docm): save it as .docx (no macros) in Word first"
        )
    if _TEMPLATE_TYPE in content_type:
        raise InputError(
            f"{label} is a Word template (.dotx): create a document from it and save that as .docx"
        )
    if not content_type:
        raise InputError(f"{label} is not a Word document (no word/document.xml inside)")
    check_zip_xml(archive, name=name)
    import docx

    try:
        document = docx.Document(io.BytesIO(data))
    except Exception as exc:  # noqa: BLE001 - python-docx raises many types on damaged packages
        raise InputError(
            f"{label} is damaged and cannot be opened as a Word document ({type(exc).__name__})"
        ) from None
    notes: dict[str, list[etree._Element]] = {}
    for rel in document.part.rels.values():
        if rel.is_external or rel.reltype not in (_RT_FOOTNOTES, _RT_ENDNOTES):
            continue
        prefix = "foo" if rel.reltype == _RT_FOOTNOTES else "end"
        root = parse_xml(rel.target_part.blob, name=f"{label} (notes)")
        for note in root:
            if isinstance(note.tag, str) and etree.QName(note).localname in ("footnote", "endnote"):
                if note.get(_w("type")) in ("separator", "continuationSeparator", "continuationNotice"):
                    continue
                notes[f"{prefix}{note.get(_w('id'))}"] = note.findall(f".//{_w('p')}")
    return document, notes


def _first_page(document: object, walker: _Walker) -> tuple[list[_Line], str]:
    """The page-1 masthead when it sits in the first-page header (as in UN files), and the job number of
    the first-page footer. Running heads and page numbers of the other headers and footers are not read."""
    try:
        section = document.sections[0]  # type: ignore[attr-defined]
        if not section.different_first_page_header_footer:
            return [], ""
        header = section.first_page_header
        footer = section.first_page_footer
        head = [] if header.is_linked_to_previous else _lines(header._element, walker)
        foot = [] if footer.is_linked_to_previous else _lines(footer._element, walker)
    except (IndexError, AttributeError, KeyError, ValueError):
        return [], ""
    job = next((m.group(0) for line in foot if (m := _JOB.search(line.plain))), "")
    return head, job


_JOB = re.compile(r"\b\d{2}-\d{5}\s*\([A-Z]\)")


def _count_comments(document: object) -> int:
    for rel in document.part.rels.values():  # type: ignore[attr-defined]
        if not rel.is_external and rel.reltype.endswith("/comments"):
            try:
                root = parse_xml(rel.target_part.blob, name="comments")
            except InputError:
                return 0
            return sum(1 for c in root if isinstance(c.tag, str) and etree.QName(c).localname == "comment")
    return 0


def _lines(root: etree._Element, walker: _Walker) -> list[_Line]:
    body = root
    out: list[_Line] = []
    pending: list[_Piece] = []
    pending_line: _Line | None = None
    counter = 0

    def paragraph(p: etree._Element, in_table: bool) -> None:
        nonlocal pending, pending_line, counter
        counter += 1
        ppr = p.find(_w("pPr"))
        pieces = walker.pieces(p)
        mark_deleted = ppr is not None and ppr.find(f"{_w('rPr')}/{_w('del')}") is not None
        if ppr is not None and (
            ppr.find(_w("pPrChange")) is not None or ppr.find(f"{_w('rPr')}/{_w('ins')}") is not None
        ):
            walker.tracked = True
        style = _val(ppr.find(_w("pStyle"))) if ppr is not None else None
        style = style or walker.styles.default_para
        num = ppr.find(_w("numPr")) if ppr is not None else None
        num_id = (
            _val(num.find(_w("numId"))) if num is not None and num.find(_w("numId")) is not None else None
        )
        ilvl_s = _val(num.find(_w("ilvl"))) if num is not None and num.find(_w("ilvl")) is not None else None
        if num_id is None:
            num_id = walker.styles.first(style, "num_id")  # type: ignore[assignment]
        ilvl = int(ilvl_s) if ilvl_s and ilvl_s.isdigit() else walker.styles.first(style, "ilvl")
        left = _twips(ppr.find(_w("ind"))) if ppr is not None else None
        if left is None:
            left = walker.styles.first(style, "left")  # type: ignore[assignment]
        line = _Line(
            pieces, style, num_id if num_id not in (None, "0") else None, ilvl or 0, left, in_table, counter
        )  # type: ignore[arg-type]
        if mark_deleted:
            walker.tracked = True
            if "".join(x.text for x in pieces).strip() or any(x.note for x in pieces):
                if pending_line is None:
                    pending_line = line
                pending += pieces
            return
        if pending:
            keep = pending_line if pending_line is not None else line
            keep.pieces = pending + pieces
            line = keep
            pending, pending_line = [], None
        out.append(line)

    def block(el: etree._Element, in_table: bool) -> None:
        for c in el:
            if not isinstance(c.tag, str) or etree.QName(c).namespace != W:
                continue
            tag = etree.QName(c).localname
            if tag == "p":
                paragraph(c, in_table)
            elif tag == "tbl":
                for tr in c.iter(_w("tr")):
                    trpr = tr.find(_w("trPr"))
                    if trpr is not None and trpr.find(_w("del")) is not None:
                        walker.tracked = True
                        continue
                    for tc in tr.findall(_w("tc")):
                        block(tc, True)
            elif tag in ("sdt", "sdtContent", "customXml"):
                block(c, in_table)
            elif tag in ("ins", "moveTo"):
                walker.tracked = True
                block(c, in_table)
            elif tag in ("del", "moveFrom"):
                walker.tracked = True

    block(body, False)
    if pending and pending_line is not None:
        out.append(pending_line)
    return out


# ------------------------------------------------------------------ labels

_TYPED = re.compile(
    r"^\s*(?:(?P<num>\d{1,3})\.|\((?P<paren>[a-z]{1,5})\)|(?P<dot>[a-z]{1,5})\.)(?=[\s\u00a0]|$)"
)
_ROMAN = re.compile(r"^(?=[ivxlc]+$)c{0,3}(xc|xl|l?x{0,3})(ix|iv|v?i{0,3})$")
_PPOP = re.compile(
    r"^\s*(?P<tag>PP|OP|pp|op)\s?(?P<n>\d{1,3})(?:\s*(?:bis|ter|quater|quinquies))?\s*[.:)]?(?=[\s\u00a0])\s*"
)
_LETTERS = re.compile(
    r"^(?:[a-z]|a[a-z])$"
)  # (a) to (z), then (aa), (ab) ... as app.formatting.letters counts
_RULE = re.compile(r"^[\s_\-–—=*.·•]*$")
_ANNEX = re.compile(r"^(?:Annex|Appendix|Attachment|Enclosure)(?:\s+[IVXLC\d]+)?\.?$", re.I)
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
    for key in ("num", "paren", "dot"):
        value = m.group(key)
        if value and (key == "num" or _ROMAN.match(value) or _LETTERS.match(value)):
            return key, value
    return "", ""


def _label_end(text: str) -> int:
    m = _PPOP.match(text + " ") or _TYPED.match(text + " ")
    return min(m.end(), len(text)) if m else 0


class _Depth:
    """Turns labels into depths, telling (i) the roman from (i) the letter after (h)."""

    def __init__(self) -> None:
        self.last: dict[int, str] = {}

    def depth(self, kind: str, value: str) -> int:
        if kind == "num":
            self.last = {}
            return 0
        base = 1 if kind == "paren" else 3
        letter_prev = self.last.get(base, "")
        roman_prev = self.last.get(base + 1, "")
        is_roman = bool(_ROMAN.match(value))
        as_letter_next = letter_prev and len(value) == len(letter_prev) and _next_letter(letter_prev) == value
        as_roman_next = (
            roman_prev and _ROMAN.match(roman_prev) and _roman_value(roman_prev) + 1 == _roman_value(value)
        )
        if (
            is_roman
            and (as_roman_next or (value == "i" and not as_letter_next))
            and not (as_letter_next and not as_roman_next)
        ):
            depth = base + 1
        else:
            depth = base
        self.last[depth] = value
        for deeper in [k for k in self.last if k > depth]:
            del self.last[deeper]
        return depth


def _next_letter(s: str) -> str:
    n = 0
    for ch in s:
        n = n * 26 + (ord(ch) - 96)
    return letters(n + 1)


def _roman_value(s: str) -> int:
    for n in range(1, 400):
        if roman(n) == s:
            return n
    return -1


def _strip_label(pieces: list[_Piece], label_len: int) -> list[_Piece]:
    out: list[_Piece] = []
    left = label_len
    for p in pieces:
        if left > 0 and not p.note:
            take = min(left, len(p.text))
            left -= take
            rest = p.text[take:]
            if rest:
                out.append(_Piece(rest, p.italic, p.note, p.sup))
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
    return s.rstrip(",").strip().lower() in known or bool(_ORGAN_LINE.match(s))


@dataclass
class _Placed:
    part: Part
    para: Paragraph
    depth: int


@dataclass
class _State:
    res: Resolution
    findings: list[Finding]
    part: Part = Part.PREAMBLE
    stack: list[Paragraph] = field(default_factory=list)  # current paragraph at each depth
    indents: list[int | None] = field(default_factory=list)  # the left indent of each of those
    depth_of: _Depth = field(default_factory=_Depth)
    lexicon_openers: int = 0
    lexicon_ids: set[str] = field(default_factory=set)
    levels: dict[int, int] = field(
        default_factory=dict
    )  # label depth → depth it was placed at, this paragraph
    italic_openers: bool = False  # the file marks openers in italics: no lexicon guessing for new paragraphs
    styled: bool = False  # paragraph styles of Resolute's exporter say which part each paragraph is in


def _spans(pieces: list[_Piece], typed: dict[str, str]) -> list[inline.Span]:
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
    return found, strip_end(rest)


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
    if top:
        found = _opener_from_lexicon(spans, part)
        if found:
            state.lexicon_openers += 1
            para = Paragraph(opener=found[0], text=found[1])
            state.lexicon_ids.add(para.id)
            return para
    return Paragraph(text=strip_end(spans))


def _append_tail(para: Paragraph, spans: list[inline.Span]) -> None:
    more = strip_end(tidy(spans))
    if not more:
        return
    if para.subparagraphs:
        para.tail = f"{para.tail} {more}".strip() if para.tail else more
    else:
        para.text = f"{para.text} {more}".strip() if para.text else more


def _where(state: _State) -> str:
    items = state.res.part(state.part)
    name = "preambular" if state.part is Part.PREAMBLE else "operative"
    return f"after {name} paragraph {len(items)}" if items else f"at the start of the {name} part"


# Paragraph styles Resolute's own exporter writes (app.io.docx_writer.STYLE_IDS); other files rarely use them.
_TOP_STYLES = ("UNPreambular", "UNOperative")
_TAIL_STYLE = "UNTail"
_SUB_STYLE = "UNSubparagraph"
_ANNEX_STYLES = ("UNAnnexHeading", "UNAnnexTitle", "UNAnnex")


def _note_text(line: _Line, typed: dict[str, str]) -> tuple[str, str] | None:
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


def _star_note(line: _Line, state: _State) -> bool:
    from app.io.text_header import STAR_BEHALF

    plain = line.plain.strip()
    if not plain.startswith("*"):
        return False
    behalf = STAR_BEHALF.match(plain.lstrip("* \t"))
    if behalf:
        state.res.header.on_behalf_of = behalf.group(1).strip()
        return True
    return False


def _indent_depth(line: _Line, state: _State) -> int:
    """A depth from indentation alone: deeper than the paragraph above it by more than a few points."""
    if line.left is None or not state.indents or state.indents[0] is None:
        return 0
    depth = 0
    for level, indent in enumerate(state.indents):
        if indent is not None and line.left > indent + 100:
            depth = level + 1
    return depth


def _tail_owner(line: _Line, state: _State) -> int | None:
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


def _place(lines: list[_Line], state: _State, typed: dict[str, str], texts: dict[str, str],
           numbered_doc: bool) -> list[_Line]:  # fmt: skip
    """Place body lines; returns the lines left over after the resolution (annex, tables after it)."""
    res = state.res
    for i, line in enumerate(lines):
        plain = line.plain.strip()
        if not plain and not any(p.note for p in line.pieces):
            continue
        if _RULE.match(plain) and not any(p.note for p in line.pieces):
            continue
        if (res.operative or res.preamble) and (
            _ANNEX.match(plain) or line.in_table or line.style in _ANNEX_STYLES
        ):
            return lines[i:]
        note = _note_text(line, typed)
        if note:
            texts[note[0]] = note[1]
            continue
        if _star_note(line, state):
            continue

        kind, value = _kind(line.label) if line.label else ("", "")
        pieces = line.pieces
        if not kind and not line.label and line.style != _TAIL_STYLE:
            kind, value = _kind(plain)
            if kind == "dot" and len(state.stack) < 3:  # "a." is the third level: "as." is just a word
                kind = value = ""
            if kind:
                pieces = _strip_label(pieces, _label_end(line.plain))
        spans = _spans(pieces, typed)
        tidy_spans = tidy(spans)
        has_opener = _has_italic_opener(tidy_spans) or bool(
            not state.italic_openers
            and tidy_spans
            and not tidy_spans[0].footnote
            and lexicon.detect_opener(tidy_spans[0].text, state.part)
        )
        if not kind and line.label_fmt == "decimal" and not line.ilvl:  # Word numbering "Article %1"
            kind, value = "num", line.label
        if kind == "num":
            depth = state.depth_of.depth(kind, value)
            state.part = Part.OPERATIVE
        elif kind == "pp":
            depth = state.depth_of.depth("num", value)
        elif kind in ("paren", "dot"):
            depth = state.depth_of.depth(kind, value)
        elif line.num_id and (line.ilvl or line.label_fmt in ("bullet", "none", "") or not kind):
            depth = line.ilvl or _indent_depth(line, state) or (1 if state.stack and not has_opener else 0)
        else:
            depth = -1  # unlabeled
        if depth == -1 and line.style in _TOP_STYLES:  # written by Resolute: the style says what it is
            state.styled = True
            if line.style == _TOP_STYLES[1]:
                state.part = Part.OPERATIVE
            depth = 0
        if depth == -1:
            if (
                state.part is Part.PREAMBLE
                and not numbered_doc
                and line.style != _TAIL_STYLE
                and not line.style.startswith(_SUB_STYLE)
                and (_has_italic_opener(tidy_spans) or not state.italic_openers)
                and _looks_operative(tidy_spans)
            ):
                state.part = Part.OPERATIVE
                has_opener = True
            top = state.stack[0] if state.stack else None
            if line.style == _TAIL_STYLE or line.style.startswith(_SUB_STYLE):
                has_opener = False
            owner = _tail_owner(line, state) if top is not None and not has_opener else None
            if owner:  # text after a list of (sub)subparagraphs, at the indent of the subparagraph it ends
                _append_tail(state.stack[owner], spans)
                state.stack, state.indents = state.stack[: owner + 1], state.indents[: owner + 1]
                continue
            by_indent = _indent_depth(line, state) if top is not None and not has_opener else 0
            if by_indent:
                depth = by_indent
            elif (
                top is not None
                and not has_opener
                and (top.subparagraphs or (state.part is Part.OPERATIVE and numbered_doc))
            ):
                _append_tail(top, spans)
                if not top.subparagraphs:
                    state.findings.append(Finding("import.joined", Severity.INFO,
                                                  f"an unnumbered line {_where(state)} was joined to that paragraph",
                                                  paragraph_id=top.id))  # fmt: skip
                state.stack, state.indents = state.stack[:1], state.indents[:1]
                continue
            else:
                depth = 0
        if depth == 0:
            para = _make(spans, state.part, True, state)
            res.part(state.part).append(para)
            state.stack, state.indents = [para], [line.left]
            state.levels = {}
            continue
        # a subparagraph: under the nearest paragraph one level up
        if not state.stack:
            holder = Paragraph()
            res.part(state.part).append(holder)
            state.stack, state.indents = [holder], [None]
            state.findings.append(Finding("import.structure", Severity.WARNING,
                                          f"a subparagraph {_where(state)} had no paragraph above it",
                                          paragraph_id=holder.id))  # fmt: skip
        # a label deeper than the open levels ("1." then "a.") hangs under the deepest one, and its siblings
        # with the same label kind stay beside it
        for nominal in [k for k in state.levels if k > depth]:
            del state.levels[nominal]
        actual = state.levels.get(depth, min(depth, len(state.stack)))
        state.levels[depth] = actual
        parent_depth = min(actual - 1, len(state.stack) - 1)
        parent = state.stack[parent_depth]
        sub = _make(spans, state.part, False, state)
        parent.subparagraphs.append(sub)
        state.stack = [*state.stack[: parent_depth + 1], sub]
        state.indents = [*state.indents[: parent_depth + 1], line.left]
    return []


def _single_operative(state: _State) -> None:
    """A resolution has at least one operative paragraph; a single one is unnumbered and may have been read
    as preamble. The last preambular paragraph then becomes the operative part."""
    res = state.res
    if res.operative or not res.preamble or state.styled or res.header.kind is DocumentKind.AMENDMENT:
        return
    para = res.preamble.pop()
    if para.id in state.lexicon_ids or not para.opener:
        spans = tidy(inline.parse(join_opener(para.opener, para.text)))
        found = _opener_from_lexicon(spans, Part.OPERATIVE)
        para.opener, para.text = found if found else ("", strip_end(spans))
    res.operative.append(para)


def _trailing(lines: list[_Line], state: _State, typed: dict[str, str], texts: dict[str, str]) -> None:
    """Typed footnote texts and what follows the operative part (annex, tables): kept, with findings."""
    for line in lines:
        plain = line.plain.strip()
        if not plain or _RULE.match(plain):
            continue
        note = _note_text(line, typed)
        if note and not state.res.annex:
            texts[note[0]] = note[1]
            continue
        if not state.res.annex and _star_note(line, state):
            continue
        state.res.annex.append(inline.unparse(tidy(_spans(line.pieces, {}))))
        what = "a table cell" if line.in_table else "a line"
        state.findings.append(Finding("import.unplaced", Severity.WARNING,
                                      f"{what} after the operative part (paragraph {line.index} of the file) was "
                                      f"kept in the annex: “{plain[:70]}”", field="annex"))  # fmt: skip


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
            findings.append(Finding("import.footnotes", Severity.INFO,
                                    f"superscript mark “{mark}” has no footnote text in the file: kept as typed"))  # fmt: skip
    pattern = re.compile(r"\[\^(typed-\d+)\]")

    def fix(markup: str) -> str:
        return pattern.sub(lambda m: replace.get(m.group(1), m.group(0)), markup)

    res.title = fix(res.title)
    for _, para in res.paragraphs():
        para.text, para.tail = fix(para.text), fix(para.tail)


# ------------------------------------------------------------------ header


def _read_header(lines: list[_Line], res: Resolution, findings: list[Finding], typed: dict[str, str]) -> None:
    from app.io.text_header import parse_header, star_note

    blocks = [[re.sub(r"\s+", " ", line.plain).strip()] for line in lines if line.plain.strip()]
    out = parse_header(blocks)
    res.header = out.header
    res.title = out.title
    findings += out.findings
    # footnotes in the header: the sponsor line's "*" note, or notes on the title
    for line in lines:
        notes = [p.note for p in line.pieces if p.note]
        if not notes:
            continue
        text = re.sub(r"\s+", " ", line.plain).strip()
        for note_id in notes:
            note = res.footnotes.get(note_id)
            if note is not None and star_note(out, inline.plain(note.text)):
                del res.footnotes[note_id]
                continue
            if note is not None and res.title and inline.plain(res.title) == text:
                res.title = inline.unparse(tidy(_spans(line.pieces, typed)))
                break
            if note is not None:
                findings.append(Finding("import.unplaced", Severity.WARNING,
                                        f"a footnote in the header (“{text[:50]}”) was kept at the end: "
                                        f"{inline.plain(note.text)[:60]}", field="annex"))  # fmt: skip
                res.annex.append(note.text)
                del res.footnotes[note_id]
    res.header.sponsors = res.header.sponsors or []


# ------------------------------------------------------------------ entry point


def read_docx(data: bytes, *, name: str = "") -> ImportResult:
    """Read a .docx draft. Raises InputError (one line) for anything unreadable or unsafe."""
    document, notes = _open(data, name)
    try:
        styles_root = document.styles.element  # type: ignore[attr-defined]
    except (KeyError, NotImplementedError, AttributeError):  # AttributeError: a damaged content type
        styles_root = None
    try:
        numbering_root = document.part.numbering_part.element  # type: ignore[attr-defined]
    except (KeyError, NotImplementedError, AttributeError):
        numbering_root = None
    res = Resolution()
    findings: list[Finding] = []
    walker = _Walker(_Styles(styles_root), notes, res)
    masthead, job_number = _first_page(document, walker)
    lines = _lines(document.element.body, walker)  # type: ignore[attr-defined]
    numbering = _Numbering(numbering_root)
    for line in lines:
        if line.num_id:
            got = numbering.label(line.num_id, line.ilvl or 0)
            if got is not None:
                line.label, line.label_fmt = got

    organ_at = next(
        (i for i, line in enumerate(lines) if not line.in_table and _is_organ_line(line.plain)), None
    )
    typed: dict[str, str] = {}
    if organ_at is None:
        first_body = next(
            (i for i, line in enumerate(lines) if _kind(line.label or line.plain)[0] or
             (line.pieces and line.pieces[0].italic and line.plain.strip())), len(lines)
        )  # fmt: skip
        header_lines, body = lines[:first_body], lines[first_body:]
        findings.append(Finding("import.structure", Severity.WARNING,
                                "no organ line (“The General Assembly,”) found: the template may be wrong",
                                field="header"))  # fmt: skip
    else:
        header_lines, body = lines[:organ_at], lines[organ_at + 1 :]
    _read_header(masthead + header_lines, res, findings, typed)
    res.header.job_number = res.header.job_number or job_number

    numbered_doc = any(_kind(line.label or line.plain)[0] == "num" for line in body)
    state = _State(res, findings)
    state.italic_openers = any(_has_italic_opener(tidy(_spans(line.pieces, {}))) for line in body)
    texts: dict[str, str] = {}
    rest = _place(body, state, typed, texts, numbered_doc)
    _single_operative(state)
    _trailing(rest, state, typed, texts)
    _resolve_typed(res, typed, texts, findings)

    if not res.preamble and not res.operative:
        raise InputError(
            f"{name or 'the file'} has no resolution text: no preambular or operative paragraphs found"
        )
    if walker.tracked:
        findings.insert(0, Finding("import.tracked-changes", Severity.INFO,
                                   "the file has tracked changes: read as if all were accepted "
                                   "(insertions in, deletions out)", field="header"))  # fmt: skip
    if state.lexicon_openers:
        findings.append(Finding("import.openers", Severity.INFO,
                                f"{state.lexicon_openers} openers were found from the lexicon (no italics in the file)"))  # fmt: skip
    if walker.images:
        findings.append(Finding("import.unplaced", Severity.INFO,
                                f"{walker.images} picture(s) in the text were left out", field="annex"))  # fmt: skip
    for text in dict.fromkeys(walker.text_boxes):
        res.annex.append(text)
        findings.append(Finding("import.unplaced", Severity.WARNING,
                                f"a text box was kept at the end (annex): “{inline.plain(text)[:70]}”", field="annex"))  # fmt: skip
    comments = _count_comments(document)
    if comments:
        findings.append(Finding("import.comments", Severity.INFO,
                                f"the file has {comments} comment(s); comments are not imported", field="header"))  # fmt: skip
    return ImportResult(resolution=res, findings=findings)
