"""Reading WordprocessingML as the Word reader needs it: paragraphs as runs of text with italics, footnote
references and superscript marks, tracked changes accepted, styles and list numbering resolved.

python-docx opens the package; this module walks the XML itself because python-docx shows neither tracked
changes, nor footnote references, nor the numbers Word computes for automatic lists.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass

from lxml import etree

from app import cancelling, inline
from app.digits import to_int
from app.errors import InputError
from app.formatting import letters, roman
from app.io.header_lines import HeaderLine
from app.io.safe_xml import parse_xml
from app.io.span_text import tidy
from app.model import Footnote, Resolution

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
M = "http://schemas.openxmlformats.org/officeDocument/2006/math"


def wtag(tag: str) -> str:
    return f"{{{W}}}{tag}"


def _val(el: etree._Element | None, attr: str = "val") -> str | None:
    return None if el is None else el.get(wtag(attr))


def _on(el: etree._Element | None) -> bool | None:
    """A Word on/off property: absent → None; present without a value or with a true value → True."""
    if el is None:
        return None
    return (el.get(wtag("val")) or "true").lower() not in ("0", "false", "off", "none")


# ------------------------------------------------------------------ styles and numbering


@dataclass
class Style:
    kind: str
    based_on: str
    italic: bool | None
    superscript: bool | None
    num_id: str | None
    ilvl: int | None
    left: int | None
    name: str = ""
    bold: bool | None = None
    size: float | None = None  # points
    align: str | None = None


class Styles:
    def __init__(self, root: etree._Element | None) -> None:
        self.styles: dict[str, Style] = {}
        self.default_italic = False
        self.default_bold = False
        self.default_size: float | None = None
        self.default_para = ""
        self._first: dict[tuple[str, str], object] = {}  # (style id, attribute) → value, see first()
        if root is None:
            return
        defaults = root.find(f"{wtag('docDefaults')}/{wtag('rPrDefault')}/{wtag('rPr')}")
        if defaults is not None:
            self.default_italic = bool(_on(defaults.find(wtag("i"))))
            self.default_bold = bool(_on(defaults.find(wtag("b"))))
            self.default_size = _points(defaults)
        for st in cancelling.each(root.findall(wtag("style"))):
            sid = st.get(wtag("styleId")) or ""
            rpr = st.find(wtag("rPr"))
            ppr = st.find(wtag("pPr"))
            num = ppr.find(wtag("numPr")) if ppr is not None else None
            ind = ppr.find(wtag("ind")) if ppr is not None else None
            ilvl = _val(num.find(wtag("ilvl"))) if num is not None else None
            self.styles[sid] = Style(
                kind=st.get(wtag("type")) or "",
                based_on=_val(st.find(wtag("basedOn"))) or "",
                italic=_on(rpr.find(wtag("i"))) if rpr is not None else None,
                superscript=(_val(rpr.find(wtag("vertAlign"))) == "superscript")
                if rpr is not None and rpr.find(wtag("vertAlign")) is not None
                else None,
                num_id=_val(num.find(wtag("numId")))
                if num is not None and num.find(wtag("numId")) is not None
                else None,
                ilvl=to_int(ilvl, max_digits=1),
                left=_twips(ind),
                name=_val(st.find(wtag("name"))) or sid,
                bold=_on(rpr.find(wtag("b"))) if rpr is not None else None,
                size=_points(rpr),
                align=_val(ppr.find(wtag("jc"))) if ppr is not None else None,
            )
            if st.get(wtag("type")) == "paragraph" and st.get(wtag("default")) in ("1", "true"):
                self.default_para = sid

    def first(self, sid: str, attr: str) -> object:
        """The value of `attr` on the style or the nearest style it is based on. Answers are kept for every
        style walked, so a long basedOn chain (or a cycle) costs its length once, not once per run."""
        walked: list[str] = []
        value: object = None
        seen: set[str] = set()
        while sid and sid in self.styles and sid not in seen:
            if (sid, attr) in self._first:
                value = self._first[(sid, attr)]
                break
            seen.add(sid)
            walked.append(sid)
            value = getattr(self.styles[sid], attr)
            if value is not None:
                break
            sid = self.styles[sid].based_on
        for walked_sid in walked:
            self._first[(walked_sid, attr)] = value
        return value


def _points(rpr: etree._Element | None) -> float | None:
    """The font size a run property gives (w:sz, in half-points), in points."""
    half = to_int(_val(rpr.find(wtag("sz"))), max_digits=4) if rpr is not None else None
    return half / 2 if half else None


def _twips(ind: etree._Element | None) -> int | None:
    if ind is None:
        return None
    return to_int(ind.get(wtag("left")) or ind.get(wtag("start")), signed=True, max_digits=6)


_FORMATS = {
    "decimal": str,
    "decimalZero": lambda n: f"{n:02d}",
    "lowerLetter": letters,
    "upperLetter": lambda n: letters(n).upper(),
    "lowerRoman": roman,
    "upperRoman": lambda n: roman(n).upper(),
}


@dataclass
class Level:
    start: int = 1
    fmt: str = "decimal"
    text: str = "%1."


MAX_START_DIGITS = 5  # Word's own limit on a list's start value is 32767


class Numbering:
    """Word's automatic numbering: labels computed from numbering.xml, counters kept per abstract list."""

    def __init__(self, root: etree._Element | None) -> None:
        self.abstract: dict[str, dict[int, Level]] = {}
        self.nums: dict[str, tuple[str, dict[int, int], dict[int, Level]]] = {}
        self.counters: dict[str, dict[int, int]] = {}
        self.started: set[str] = set()
        if root is None:
            return
        for ab in cancelling.each(root.findall(wtag("abstractNum"))):
            self.abstract[ab.get(wtag("abstractNumId")) or ""] = {
                to_int(lvl.get(wtag("ilvl")), 0, max_digits=1): self._level(lvl)
                for lvl in ab.findall(wtag("lvl"))
            }
        for num in cancelling.each(root.findall(wtag("num"))):
            starts: dict[int, int] = {}
            levels: dict[int, Level] = {}
            for ov in num.findall(wtag("lvlOverride")):
                ilvl = to_int(ov.get(wtag("ilvl")), 0, max_digits=1)
                so = to_int(_val(ov.find(wtag("startOverride"))), signed=True, max_digits=MAX_START_DIGITS)
                if so is not None:
                    starts[ilvl] = so
                if ov.find(wtag("lvl")) is not None:
                    levels[ilvl] = self._level(ov.find(wtag("lvl")))
            self.nums[num.get(wtag("numId")) or ""] = (
                _val(num.find(wtag("abstractNumId"))) or "",
                starts,
                levels,
            )

    @staticmethod
    def _level(lvl: etree._Element) -> Level:
        return Level(
            start=to_int(_val(lvl.find(wtag("start"))), 1, signed=True, max_digits=MAX_START_DIGITS),
            fmt=_val(lvl.find(wtag("numFmt"))) or "decimal",
            text=_val(lvl.find(wtag("lvlText"))) or "",
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
            lv = levels.get(k, Level())
            value = counters.get(k, lv.start)
            return _FORMATS.get(lv.fmt, str)(max(value, 1))

        return re.sub(r"%([1-9])", sub, level.text).strip(), level.fmt


# ------------------------------------------------------------------ runs


@dataclass(frozen=True)
class Piece:
    text: str = ""
    italic: bool = False
    note: str = ""  # model footnote id of a real Word footnote
    sup: bool = False  # superscript text: perhaps the text's own reference mark


@dataclass
class Line:
    pieces: list[Piece]
    style: str = ""
    num_id: str | None = None
    ilvl: int | None = None
    left: int | None = None
    in_table: bool = False
    index: int = 0  # paragraph number in the file, for messages
    label: str = ""  # from Word numbering, computed later
    label_fmt: str = ""
    cell: tuple[int, int, int] | None = (
        None  # (table, row, grid column) of the cell holding it; tables counted
    )
    element: etree._Element | None = None  # the w:p, for what only the header reader asks (its look)

    @property
    def plain(self) -> str:
        return "".join(p.text for p in self.pieces)


# what a body, a cell or a content control holds, as this reader knows it
_BLOCKS = frozenset(
    {"p", "tbl", "sdt", "sdtContent", "customXml", "altChunk", "ins", "moveTo", "del", "moveFrom"}
)
MAX_NESTED_NOTES = 8  # notes inside notes read in parentheses, this deep; a deeper chain is reported
# WordprocessingML inside a paragraph that holds no text to read (properties, marks, ranges)
_NO_TEXT = frozenset(
    {
        "pPr",
        "rPr",
        "proofErr",
        "bookmarkEnd",
        "commentRangeStart",
        "commentRangeEnd",
        "permStart",
        "permEnd",
        "moveFromRangeStart",
        "moveFromRangeEnd",
        "moveToRangeStart",
        "moveToRangeEnd",
    }
)


def _qualified(el: etree._Element) -> str:
    """ "w:footnote" for WordprocessingML, the plain local name for any other namespace."""
    q = etree.QName(el)
    return f"w:{q.localname}" if q.namespace == W else q.localname


# a run's marks read as characters
_RUN_CHARS = {"tab": "\t", "ptab": "\t", "br": " ", "cr": " ", "noBreakHyphen": "\u2011"}


class Walker:
    """Reads paragraphs into pieces, with tracked changes accepted."""

    def __init__(self, styles: Styles, notes: dict[str, list[etree._Element]], res: Resolution) -> None:
        self.styles = styles
        self.notes = notes  # docx footnote id → its paragraphs
        self.res = res
        self.note_ids: dict[str, str] = {}  # docx id → model id
        self.tracked = False
        self.images = 0
        self.text_boxes: list[str] = []  # text in text boxes: kept in the annex, with a finding
        self.equations = 0  # equations (m:oMath), read as their plain text
        self.ruby: list[str] = []  # ruby annotations (pronunciation guides) left out; the base text is read
        self.alt_chunks = 0  # w:altChunk: content imported from another file, which Word merges on opening
        self.tables = 0  # tables met so far, in every part read: each cell's table number
        # elements Word does not place where they stand (a w:footnote in the body, a wrapper of another
        # namespace) whose text was read all the same: element name → count, for a finding
        self.misplaced: Counter[str] = Counter()
        self.nested_notes = 0  # notes referenced from inside a note: read into it, in parentheses
        self.nested_notes_deeper = 0  # ... past MAX_NESTED_NOTES deep: read at the end of the note, said
        self._reading: list[str] = []  # the notes being read, outermost first
        self._read_into: set[str] = set()
        self._deeper: list[str] = []  # notes met past MAX_NESTED_NOTES deep, read once the note is read
        self._misplaced_depth = 0
        # A second reference to a footnote is a NOTEREF field to a bookmark around the first one
        self._bookmark = ""  # the bookmark open before the next footnote reference
        self._bookmarked: dict[str, str] = {}  # bookmark name → model footnote id
        self._noteref: str | None = None  # inside a NOTEREF field: the bookmark it points to
        self._custom: str | None = None  # a reference whose own mark ("**") is the text that follows it

    def pieces(self, p: etree._Element, *, in_note: bool = False) -> list[Piece]:
        pstyle = _val(p.find(f"{wtag('pPr')}/{wtag('pStyle')}")) or self.styles.default_para
        out: list[Piece] = []
        self._custom = None
        self._walk(p, pstyle, out, in_note)
        return out

    def _walk(self, el: etree._Element, pstyle: str, out: list[Piece], in_note: bool) -> None:
        for c in el:
            cancelling.check()  # a paragraph may hold any number of runs
            if not isinstance(c.tag, str):
                continue
            tag = etree.QName(c).localname if c.tag.startswith("{") else c.tag
            ns = etree.QName(c).namespace
            if ns != W:
                if tag == "AlternateContent":
                    self._walk(_alternative(c), pstyle, out, in_note)
                elif ns == M and tag in ("oMath", "oMathPara"):
                    self._equation(c, out)
                else:
                    self._read_misplaced(c, pstyle, out, in_note)
                continue
            if tag in ("del", "moveFrom"):
                self.tracked = True
            elif tag in ("ins", "moveTo"):
                self.tracked = True
                self._walk(c, pstyle, out, in_note)
            elif tag == "r":
                self._run(c, pstyle, out, in_note)
            elif tag == "bookmarkStart":
                self._bookmark = _val(c, "name") or ""
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
            elif tag not in _NO_TEXT:
                self._read_misplaced(c, pstyle, out, in_note)

    def _read_misplaced(self, el: etree._Element, pstyle: str, out: list[Piece], in_note: bool) -> None:
        """An element no paragraph holds (or of another namespace): its runs are read, never dropped unseen."""
        if next(el.iter(wtag("t")), None) is None:
            return
        if not self._misplaced_depth:  # the outermost is named; what it holds is read with it
            self.misplaced[_qualified(el)] += 1
        self._misplaced_depth += 1
        self._walk(el, pstyle, out, in_note)
        self._misplaced_depth -= 1

    def _run(self, r: etree._Element, pstyle: str, out: list[Piece], in_note: bool) -> None:
        rpr = r.find(wtag("rPr"))
        italic, sup = self._format(rpr, pstyle)
        if rpr is not None and rpr.find(wtag("rPrChange")) is not None:
            self.tracked = True
        for c in _run_content(r):
            tag = etree.QName(c).localname
            if tag in ("instrText", "fldChar"):
                self._field(c, tag, out)
            elif self._noteref is not None:
                continue  # the field's shown number: the reference itself stands for it
            elif tag == "t" and self._custom is not None and (c.text or "").strip():
                rest = self._take_mark(self._custom, c.text or "")
                if rest:
                    out.append(Piece(rest, italic, sup=sup))
            elif tag == "t":
                out.append(Piece(c.text or "", italic, sup=sup))
            elif tag in _RUN_CHARS:
                out.append(Piece(_RUN_CHARS[tag], italic))
            elif tag == "sym":
                self._symbol(c, italic, out)
            elif tag in ("footnoteReference", "endnoteReference") and in_note:
                self._nested_note(f"{tag[:3]}{_val(c, 'id') or ''}", out)
            elif tag in ("footnoteReference", "endnoteReference"):
                self._note_reference(c, tag, out)
            elif tag == "ruby":
                self._ruby(c, pstyle, out, in_note)
            elif tag in ("drawing", "pict", "object"):
                self._drawing(c)

    @staticmethod
    def _symbol(c: etree._Element, italic: bool, out: list[Piece]) -> None:
        """A w:sym's character (a symbol font's private use code taken to its plain one)."""
        char = _val(c, "char") or ""
        try:
            code = int(char, 16)
        except ValueError:
            return
        if code >= 0xF000:  # symbol-font private use area
            code -= 0xF000
        if 0x20 <= code < 0xD800:
            out.append(Piece(chr(code), italic))

    def _note_reference(self, c: etree._Element, tag: str, out: list[Piece]) -> None:
        out.append(Piece(note=self._note(_val(c, "id") or "", tag)))
        custom = (_val(c, "customMarkFollows") or "").lower() in ("1", "true", "on")
        self._custom = out[-1].note if custom else None
        if self._bookmark:
            self._bookmarked[self._bookmark] = out[-1].note
            self._bookmark = ""

    def _ruby(self, c: etree._Element, pstyle: str, out: list[Piece], in_note: bool) -> None:
        """Ruby text: its base read in line, its reading guide kept aside."""
        base, annotation = c.find(wtag("rubyBase")), c.find(wtag("rt"))
        if base is not None:
            self._walk(base, pstyle, out, in_note)
        if annotation is not None:
            guide = "".join(t.text or "" for t in annotation.iter(wtag("t"))).strip()
            if guide:
                self.ruby.append(guide)

    def _drawing(self, c: etree._Element) -> None:
        """A drawing: its text box's text kept aside, or an image counted."""
        box = next(c.iter(wtag("txbxContent")), None)  # the outermost; a nested one is read in its turn
        if box is None:
            self.images += 1
            return
        # its own paragraphs only: a text box inside it is met (and kept) once, while they are read
        lines = read_lines(box, self)
        text = " ".join(
            inline.unparse(tidy([inline.Span(x.text, x.italic) for x in line.pieces if not x.note]))
            for line in lines
        ).strip()
        if text:
            self.text_boxes.append(text)

    def _take_mark(self, note_id: str, text: str) -> str:
        """The symbol a note is printed with instead of a number: the first word of the text after its
        reference, which the note's own text opens with too. Returns the rest of the text."""
        self._custom = None
        note = self.res.footnotes.get(note_id)
        mark, rest = re.match(r"\s*(\S{1,8})(.*)", text, re.S).groups()  # type: ignore[union-attr]
        if note is None or note.mark:
            return rest
        note.mark = mark
        written = inline.escape(mark)  # the note's text is markup
        if note.text.startswith(written):
            note.text = note.text[len(written) :].lstrip()
        return rest

    def _equation(self, math: etree._Element, out: list[Piece]) -> None:
        """An equation reads as its plain text (m:t), counted for a finding: its layout is not kept."""
        text = "".join(t.text or "" for t in math.iter(f"{{{M}}}t"))
        if text.strip():
            self.equations += 1
            out.append(Piece(text))

    def _field(self, c: etree._Element, tag: str, out: list[Piece]) -> None:
        """A NOTEREF field to a bookmarked footnote reference reads as a reference to that footnote."""
        if tag == "instrText":
            words = (c.text or "").split()
            if len(words) > 1 and words[0].upper() == "NOTEREF" and words[1] in self._bookmarked:
                self._noteref = words[1]
        elif _val(c, "fldCharType") == "end" and self._noteref is not None:
            out.append(Piece(note=self._bookmarked[self._noteref]))
            self._noteref = None

    def _format(self, rpr: etree._Element | None, pstyle: str) -> tuple[bool, bool]:
        italic: bool | None = None
        sup: bool | None = None
        rstyle = ""
        if rpr is not None:
            italic = _on(rpr.find(wtag("i")))
            va = rpr.find(wtag("vertAlign"))
            sup = (_val(va) == "superscript") if va is not None else None
            rstyle = _val(rpr.find(wtag("rStyle"))) or ""
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
        note = Footnote()
        self.res.footnotes[note.id] = note
        self.note_ids[key] = note.id  # before its text is read: a note that refers to itself finds it
        note.text = self._note_text(key)
        return note.id

    def _note_text(self, key: str) -> str:
        top = not self._reading
        if top:
            self._read_into, self._deeper = (
                {key},
                [],
            )  # a footnote of the model: the notes read into it so far
        texts = [self._own_text(key)]
        while top and self._deeper:
            # notes nested past MAX_NESTED_NOTES: each read here, at the end, in parentheses (no deeper
            # recursion, and a chain of any length keeps its text: it was left out)
            deeper = inline.plain(self._own_text(self._deeper.pop(0))).strip()
            texts.append(f"({inline.escape(deeper)})" if deeper else "")
        return " ".join(t for t in texts if t)

    def _own_text(self, key: str) -> str:
        """A note's paragraphs, with the notes it refers to read into it (`_nested_note`)."""
        self._reading.append(key)
        texts = []
        for p in self.notes.get(key, []):
            spans = tidy([inline.Span(x.text, x.italic) for x in self.pieces(p, in_note=True) if not x.note])
            texts.append(inline.unparse(spans))
        self._reading.pop()
        return " ".join(t for t in texts if t)

    def _nested_note(self, key: str, out: list[Piece]) -> None:
        """A note referenced from inside a note (no footnote of the model holds one): its text is read into the
        note, in parentheses. One that refers back to a note being read is that note itself."""
        if key in self._reading or key not in self.notes or key in self._read_into:
            return  # itself, or a note already read into this footnote (notes that fan out grow exponentially)
        self._read_into.add(key)
        if len(self._reading) > MAX_NESTED_NOTES:
            self.nested_notes_deeper += 1
            self._deeper.append(key)
            return
        self.nested_notes += 1
        text = inline.plain(self._note_text(key)).strip()
        if text:
            out.append(Piece(f" ({text})", False))


def _alternative(alternate: etree._Element) -> etree._Element:
    """Of an mc:AlternateContent, the part to read: the Fallback, which any reader understands, else the
    first Choice (a file that offers no fallback must not lose its content)."""
    kids = [c for c in alternate if isinstance(c.tag, str)]
    for c in kids:
        if etree.QName(c).localname == "Fallback":
            return c
    return next((c for c in kids if etree.QName(c).localname == "Choice"), alternate)


def _run_content(r: etree._Element) -> Iterator[etree._Element]:
    """The WordprocessingML children of a run, with mc:AlternateContent replaced by its chosen alternative."""
    for c in r:
        if not isinstance(c.tag, str):
            continue
        ns = etree.QName(c).namespace
        if ns == W:
            yield c
        elif etree.QName(c).localname == "AlternateContent":
            yield from (
                x for x in _alternative(c) if isinstance(x.tag, str) and etree.QName(x).namespace == W
            )


def first_page(document: object, walker: Walker) -> tuple[list[Line], str]:
    """The page-1 masthead when it sits in the first-page header (as in UN files), and the job number of
    the first-page footer. Running heads and page numbers of the other headers and footers are not read."""
    try:
        section = document.sections[0]  # type: ignore[attr-defined]
        if not section.different_first_page_header_footer:
            return [], ""
        header = section.first_page_header
        footer = section.first_page_footer
        head = [] if header.is_linked_to_previous else read_lines(header._element, walker)
        foot = [] if footer.is_linked_to_previous else read_lines(footer._element, walker)
    except (IndexError, AttributeError, KeyError, ValueError):
        return [], ""
    job = next((m.group(0) for line in foot if (m := _JOB.search(line.plain))), "")
    return head, job


_JOB = re.compile(r"\b\d{2}-\d{5}\s*\([A-Z]\)")


def count_comments(document: object) -> int:
    for rel in document.part.rels.values():  # type: ignore[attr-defined]
        if not rel.is_external and rel.reltype.endswith("/comments"):
            try:
                root = parse_xml(rel.target_part.blob, name="comments")
            except InputError:
                return 0
            return sum(1 for c in root if isinstance(c.tag, str) and etree.QName(c).localname == "comment")
    return 0


def read_lines(root: etree._Element, walker: Walker) -> list[Line]:
    body = root
    out: list[Line] = []
    pending: list[Piece] = []
    pending_line: Line | None = None
    counter = 0

    def paragraph(p: etree._Element, cell: tuple[int, int, int] | None) -> None:
        nonlocal pending, pending_line, counter
        in_table = cell is not None
        counter += 1
        ppr = p.find(wtag("pPr"))
        pieces = walker.pieces(p)
        mark_deleted = ppr is not None and ppr.find(f"{wtag('rPr')}/{wtag('del')}") is not None
        if ppr is not None and (
            ppr.find(wtag("pPrChange")) is not None or ppr.find(f"{wtag('rPr')}/{wtag('ins')}") is not None
        ):
            walker.tracked = True
        style = _val(ppr.find(wtag("pStyle"))) if ppr is not None else None
        style = style or walker.styles.default_para
        num = ppr.find(wtag("numPr")) if ppr is not None else None
        num_id = (
            _val(num.find(wtag("numId"))) if num is not None and num.find(wtag("numId")) is not None else None
        )
        ilvl_s = (
            _val(num.find(wtag("ilvl"))) if num is not None and num.find(wtag("ilvl")) is not None else None
        )
        if num_id is None:
            num_id = walker.styles.first(style, "num_id")  # type: ignore[assignment]
        ilvl = to_int(ilvl_s, max_digits=1)
        if ilvl is None:
            ilvl = walker.styles.first(style, "ilvl")
        left = _twips(ppr.find(wtag("ind"))) if ppr is not None else None
        if left is None:
            left = walker.styles.first(style, "left")  # type: ignore[assignment]
        line = Line(
            pieces, style, num_id if num_id not in (None, "0") else None, ilvl or 0, left, in_table, counter
        )  # type: ignore[arg-type]
        line.cell, line.element = cell, p
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

    def block(el: etree._Element, cell: tuple[int, int, int] | None) -> None:
        for c in el:
            cancelling.check()
            if not isinstance(c.tag, str):
                continue
            if etree.QName(c).localname == "AlternateContent":
                block(_alternative(c), cell)
                continue
            tag = etree.QName(c).localname
            if etree.QName(c).namespace != W or tag not in _BLOCKS:
                if tag != "sectPr" and next(c.iter(wtag("p")), None) is not None:
                    walker.misplaced[_qualified(c)] += (
                        1  # paragraphs where Word places none: read all the same
                    )
                    block(c, cell)
                continue
            if tag == "p":
                paragraph(c, cell)
            elif tag == "tbl":
                table(c)
            elif tag in ("sdt", "sdtContent", "customXml"):
                block(c, cell)
            elif tag == "altChunk":
                walker.alt_chunks += 1
            elif tag in ("ins", "moveTo"):
                walker.tracked = True
                block(c, cell)
            elif tag in ("del", "moveFrom"):
                walker.tracked = True

    def table(tbl: etree._Element) -> None:
        walker.tables += 1
        number = walker.tables
        rows = list(_rows(tbl))
        if any(_deleted_row(tr) or any(tracked_cell(tc) for tc in tr.findall(wtag("tc"))) for tr in rows):
            walker.tracked = True
        for tc, row, column in grid_places(tbl):  # its own cells: a nested table is read once, from its cell
            block(tc, (number, row, column))

    block(body, None)
    if pending and pending_line is not None:
        out.append(pending_line)
    return out


# w:cellMerge's settings (ST_AnnotationVMerge), as w:vMerge's
VMERGE_REVISED = {"cont": "continue", "rest": "restart"}


def merge_revised(tc: etree._Element) -> bool:
    """Whether a tracked revision (`w:tcPr/w:cellMerge`, ECMA-376 17.13.5.4) merges the cell with the one above
    or splits it from it: its setting one Word writes, and not the one it had (none said: not merged)."""
    mark = tc.find(f"{wtag('tcPr')}/{wtag('cellMerge')}")
    if mark is None:
        return False
    applied = mark.get(wtag("vMerge"))
    return applied in VMERGE_REVISED and applied != (mark.get(wtag("vMergeOrig")) or "rest")


def _deleted_row(tr: etree._Element) -> bool:
    trpr = tr.find(wtag("trPr"))
    return trpr is not None and trpr.find(wtag("del")) is not None


def grid_places(tbl: etree._Element) -> Iterator[tuple[etree._Element, int, int]]:
    """A table's own cells (`w:tc`) with their row and grid column, rows and cells deleted in tracked changes
    left out, as Word's Accept shows them: the cells after a deleted cell close up to the left (the reader pads the
    row to the table's width), and a row whose every cell is deleted is gone."""
    row = 0
    for tr in _rows(tbl):
        if _deleted_row(tr):
            continue
        cells = tr.findall(wtag("tc"))
        kept = [tc for tc in cells if tc.find(f"{wtag('tcPr')}/{wtag('cellDel')}") is None]
        if cells and not kept:
            continue
        column = 0
        for tc in kept:
            yield tc, row, column
            column += to_int(_val(tc.find(f"{wtag('tcPr')}/{wtag('gridSpan')}")), 1, max_digits=2) or 1
        row += 1


def tracked_cell(tc: etree._Element) -> bool:
    """Whether a tracked revision inserts or deletes the cell (`w:cellIns`, `w:cellDel`, ECMA-376 17.13.5.1-2)
    or merges or splits it (`merge_revised`)."""
    props = tc.find(wtag("tcPr"))
    if props is None:
        return False
    return (
        props.find(wtag("cellIns")) is not None
        or props.find(wtag("cellDel")) is not None
        or merge_revised(tc)
    )


def _rows(table: etree._Element) -> Iterator[etree._Element]:
    """A table's own rows, also those wrapped in content controls or custom XML, never a nested table's."""
    for c in table:
        if not isinstance(c.tag, str) or etree.QName(c).namespace != W:
            continue
        tag = etree.QName(c).localname
        if tag == "tr":
            yield c
        elif tag in ("sdt", "sdtContent", "customXml"):
            yield from _rows(c)


# ------------------------------------------------------------------ a header line's look


def header_line(line: Line, styles: Styles) -> HeaderLine:
    """A masthead or header paragraph as the header reader takes it: its text and its look (style name, bold,
    italic, font size, alignment, table cell). Bold and size are the printed text's: bold when every run with
    text is, the largest size of them."""
    text = re.sub(r"\s+", " ", line.plain).strip()
    style = styles.styles.get(line.style)
    if line.element is None:
        return HeaderLine(text, cell=line.cell, style=style.name if style else line.style)
    pstyle = line.style
    looks = [_run_look(r, pstyle, styles) for r in line.element.iter(wtag("r")) if _shows_text(r)]
    ppr = line.element.find(wtag("pPr"))
    align = _val(ppr.find(wtag("jc"))) if ppr is not None else None
    if align is None:
        align = styles.first(pstyle, "align")  # type: ignore[assignment]
    sizes = [size for _, size in looks if size]
    return HeaderLine(
        text,
        bold=all(bold for bold, _ in looks) if looks else None,
        italic=all(p.italic for p in line.pieces if p.text.strip()) if text else None,
        align={"start": "left", "end": "right"}.get(align or "", align or ""),
        cell=line.cell,
        style=style.name if style else line.style,
        size=max(sizes) if sizes else None,
    )


def _shows_text(r: etree._Element) -> bool:
    return any((t.text or "").strip() for t in r.findall(wtag("t")))


def _run_look(r: etree._Element, pstyle: str, styles: Styles) -> tuple[bool, float | None]:
    """A run's bold and font size, through its own properties, its character style, the paragraph style and
    the document defaults."""
    rpr = r.find(wtag("rPr"))
    bold = _on(rpr.find(wtag("b"))) if rpr is not None else None
    size = _points(rpr)
    for sid in (_val(rpr.find(wtag("rStyle"))) if rpr is not None else None, pstyle):
        if sid and bold is None:
            bold = styles.first(sid, "bold")  # type: ignore[assignment]
        if sid and size is None:
            size = styles.first(sid, "size")  # type: ignore[assignment]
    return bool(styles.default_bold if bold is None else bold), size or styles.default_size
