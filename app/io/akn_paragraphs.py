"""The UN XML reader's text and paragraphs (app.io.akn_reader): inline text with its italics and notes, one
paragraph with its lists, and what cannot be placed kept as unplaced text with a finding."""

from __future__ import annotations

import re

from lxml import etree

from app import cancelling, inline
from app.findings import Finding, Severity
from app.io.akn_flat import heading_lines
from app.io.akn_tables import read_table, table_of
from app.io.akn_tree import NOTE_TAGS, all_named, children, local_name, text_of
from app.io.span_text import as_written_markup, split_opener, tidy
from app.io.unplaced_tables import table_as_text
from app.messages import say
from app.model import Footnote, Paragraph, Resolution
from app.place_words import Where, with_sub

_ITALIC_CLASSES = {"italic", "italics", "i", "em"}
_SKIP = {"num", "heading", "subheading", "eol", "img", "marker", "br"}  # handled by the caller, or no text
_INLINE_BREAKS = {"eol", "eop", "br"}


def _laid_out(text: str) -> bool:
    """Whitespace that only lays the file out (a line break and its indent between two elements), not a space
    of the text: no superscript note letter is printed apart from what it marks."""
    return bool(text) and text.isspace() and "\n" in text


class Reader:
    def __init__(self, res: Resolution) -> None:
        self.res = res
        self.findings: list[Finding] = []
        self.note_markers: list[tuple[str, str]] = []  # (marker in the file, footnote id)
        self._by_marker: dict[str, str] = {}  # marker in the file → the last footnote it marked
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
            cancelling.check()  # an element may hold any number of others
            if isinstance(c.tag, str) and local_name(c) == "sup" and out and _laid_out(out[-1].text):
                out.pop()  # "9 237</span>⏎ <sup>b</sup>": the file's line break, no space the page prints
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
            elif local_name(c) == "sup" and (again := self._cited_again(c, out)):
                out.append(inline.Span(footnote=again))
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
        return _spaced_after_notes(out)

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
        self._by_marker[marker] = fn.id
        return fn.id

    def _cited_again(self, sup: etree._Element, before: list[inline.Span]) -> str:
        """The footnote a superscript number cites again, as the UN's XML of older texts marks a note cited a
        second time (`<sup>5</sup>` after the note's own `authorialNote marker="5"`), or "": the number of no
        earlier note, or a power ("km<sup>2</sup>": glued to a word of fewer than three letters)."""
        label = "".join(sup.itertext()).strip()
        if not label.isascii() or not label.isdigit() or len(sup) or self._in_note:
            return ""
        last = before[-1].text if before and not before[-1].footnote else ""
        word = re.search(r"[A-Za-z]*$", last).group()  # type: ignore[union-attr]
        if 0 < len(word) < 3:
            return ""
        return self._by_marker.get(label, "")

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
        self, el: etree._Element, where: Where, name_hint: str = "", *, headings: list[str] | None = None
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
                            if (lines := heading_lines(point)) is not None:
                                self.carried += lines
                                continue
                            label = with_sub(where, len(para.subparagraphs) + 1)
                            para.subparagraphs.append(self.paragraph(point, label))
                    else:
                        self.unplaced_item(sub_el, where, say("<{tag}> inside a list", tag=sub_kind))
            elif kind in ("point", "item", "subparagraph", "paragraph", "indent"):
                seen_list = True
                sub_where = with_sub(where, len(para.subparagraphs) + 1)
                para.subparagraphs.append(self.paragraph(c, sub_where))
            elif kind in ("wrapUp", "listWrapUp"):
                tail += self.block_spans(c)
            elif kind in NOTE_TAGS:
                (tail if seen_list else lead).append(inline.Span(footnote=self.footnote(c)))
            else:
                self.unplaced_item(c, where)
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

    def table(self, el: etree._Element, where: Where, headings: list[str] | None = None) -> Paragraph:
        """A table between paragraphs, under the heading lines waiting for it."""
        para, found = read_table(el, self.spans, where)
        para.heading = "\n".join(headings or [])
        self.findings += found
        return para

    def unplaced_item(self, el: etree._Element, where: Where, what: str = "") -> None:
        """An element that cannot stand where it is, kept as unplaced text: a table as every reader keeps one
        (`table_as_text`: its rows and cells set apart), anything else its words."""
        what = what or f"<{local_name(el)}>"
        table = table_of(el)
        if table is None:
            self.unplaced(text_of(el), where, what)
            return
        para, _ = read_table(table, self.spans, where)
        self.unplaced(table_as_text(para.table), where, what)

    def unplaced(self, text: str, where: Where, what: str) -> None:
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


def _spaced_after_notes(spans: list[inline.Span]) -> list[inline.Span]:
    """A word or number right after a note's reference, its space lost in the file ("2013,<note/><a>27/21</a>",
    "<note/>including"): the space the printed text has, put back (a marker never touches the word after it)."""
    out = list(spans)
    for i in range(1, len(out)):
        if out[i].text[:1].isalnum() and out[i - 1].footnote:
            out[i] = inline.Span(" " + out[i].text, out[i].italic)
    return out
