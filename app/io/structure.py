"""Structure inference shared by the readers: how labels nest, which lines are section headings, when operative
numbering starts afresh, and which unnumbered paragraphs are a section's own preamble.

The text, Word and UN XML readers see their sources differently (joined text blocks; styled, indented Word
paragraphs; explicit markup) but decide the same questions about them. Each decision lives here once:

- `Nesting`: the depth of a subparagraph from its label ("(a)", "(i)", "a.", "i."), telling the roman "(i)"
  from the letter "(i)" after "(h)" by what came before;
- `section_heading`: a heading line of the operative part ("I", "B. Financing", the title under a numeral, an
  unnumbered "Travel ban" over a numbered paragraph);
- `restarts`, `section_preamble`: a Fifth Committee section numbered from 1 again, and its own "Recalling …,"
  paragraphs printed unnumbered;
- `settle_opening_section`: an operative part that opens with such a section ("I" + title, "Recalling …,",
  then "1. Decides …"), which a reader that meets the preambular-looking paragraphs first takes for preamble.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from app import inline
from app.formatting import subparagraph_label
from app.io.headings import (
    MARKED_HEADING,
    SECTION_MARK,
    SEPARATOR,
    ends_like_a_paragraph,
    short_heading,
    unit_lines,
)
from app.lexicon import detect_opener, is_known
from app.model import Annex, Paragraph, Part

# ------------------------------------------------------------------ subparagraph labels

_ROMAN = re.compile(r"^(?=[ivxlc]+$)c{0,3}(?:xc|xl|l?x{0,3})(?:ix|iv|v?i{0,3})$")
_ROMAN_VALUES = {"i": 1, "v": 5, "x": 10, "l": 50, "c": 100}
_LETTERS = re.compile(r"^(?:[a-z]|a[a-z])$")  # (a) to (z), then (aa) to (az) as app.formatting.letters counts


def roman_index(core: str) -> int:
    """ "iv" → 4; 0 when `core` is no lower-case roman numeral (up to 399)."""
    if not core or not _ROMAN.match(core):
        return 0
    values = [_ROMAN_VALUES[c] for c in core]
    return sum(-v if i + 1 < len(values) and v < values[i + 1] else v for i, v in enumerate(values))


def letter_index(core: str) -> int:
    """ "a" → 1, "z" → 26, "aa" → 27, "ab" → 28 (the continuous alphabet of app.formatting.letters); 0 for
    anything else."""
    if not _LETTERS.match(core):
        return 0
    n = 0
    for ch in core:
        n = n * 26 + (ord(ch) - 96)
    return n


# the glyphs a bulleted list is typed or printed with ("•", the Symbol font's private-use bullet, an en dash):
# each item reads as a subparagraph, as Word's bulleted lists do in the Word reader; its label is derived
BULLETS = "•◦▪‣⁃\uf0b7–-"


def label_readings(label: str) -> list[tuple[str, int]]:
    """The ways a subparagraph label can count, most likely first: "(i)" is roman one or the letter i, "(v)"
    the letter v or roman five. A kind is the numeral system with the label's shape: "roman()", "letter."."""
    shape = "()" if label.startswith("(") else "."
    core = label.strip("().")
    out: list[tuple[str, int]] = []
    if roman_index(core):
        out.append(("roman" + shape, roman_index(core)))
    if letter_index(core):
        out.append(("letter" + shape, letter_index(core)))
    if len(out) == 2 and core != "i" and len(core) == 1:
        out.reverse()  # "(v)", "(x)": more often letters in long lists; context decides anyway
    if len(core) == 2 and core[0] == core[1] != "a" and letter_index(core[0]):
        out.append(
            ("letter" + shape, 26 + letter_index(core[0]))
        )  # the UN's "(aa)", "(bb)", "(cc)" after "(z)"
    return out or [("letter" + shape, 1)]


@dataclass
class Nesting:
    """The subparagraph lists open under one paragraph, as (kind, last index) from depth 1 down. `place` gives
    a label its depth (1: right under the paragraph): it continues the deepest open list it can, or starts a
    new one under the last item. After a subparagraph ending with a colon (`nest`), a label that can start a
    list ("(i)" after "(h):") starts one under it rather than continue the letters."""

    lists: list[tuple[str, int]] = field(default_factory=list)
    in_order: bool = (
        True  # whether the last label `place` met continued or started a list (not "(c)" after "(a)")
    )

    def reset(self) -> None:
        self.lists = []

    def place(self, label: str, nest: bool = False) -> int:
        self.in_order = True
        if label in BULLETS:
            return self._bullet(label, nest)
        options = label_readings(label)
        if nest and self.lists:
            started = self._start(options)
            if started:
                return started
        for depth in range(len(self.lists) - 1, -1, -1):  # continue an open list, deepest first
            kind, last = self.lists[depth]
            for okind, index in options:
                if okind == kind and index == last + 1:
                    return self._keep(depth, kind, index)
        started = self._start(options)
        if started:
            return started
        self.in_order = False
        okind, index = options[0]  # out of order: back to the nearest list of its kind, else one level down
        for depth in range(len(self.lists) - 1, -1, -1):
            if self.lists[depth][0] == okind:
                return self._keep(depth, okind, index)
        self.lists.append((okind, index))
        return len(self.lists)

    def at(self, label: str, depth: int) -> None:
        """The source says where this label stands (a Word style or list level): later labels go on from it."""
        del self.lists[max(0, depth - 1) :]
        self.lists += [("", 0)] * (max(1, depth) - 1 - len(self.lists))
        self.lists.append(label_readings(label)[0])

    def _bullet(self, glyph: str, nest: bool) -> int:
        """A bullet continues the open list of its glyph (deepest first), else starts a list under the last
        item; after a colon it starts one under the item that ends with it."""
        kind = "bullet" + glyph
        if not (nest and self.lists):
            for depth in range(len(self.lists) - 1, -1, -1):
                if self.lists[depth][0] == kind:
                    return self._keep(depth, kind, self.lists[depth][1] + 1)
        self.lists.append((kind, 1))
        return len(self.lists)

    def _start(self, options: list[tuple[str, int]]) -> int:
        kinds = {kind for kind, _ in self.lists}
        for okind, index in options:
            if index == 1 and okind not in kinds:
                self.lists.append((okind, 1))
                return len(self.lists)
        return 0

    def _keep(self, depth: int, kind: str, index: int) -> int:
        del self.lists[depth + 1 :]
        self.lists[depth] = (kind, index)
        return depth + 1


# ------------------------------------------------------------------ headings

MAX_HEADING_CHARS = 300  # the title under a section's numeral may run over two printed lines
_LONG_HEADING_CHARS = 200
_MARKED_CHARS = 90
_ANNEX_HEADING_CHARS = 150


def place_after(holder: Paragraph, sub: Paragraph, label: str) -> None:
    """A labelled subparagraph met after what `holder` already holds (a UN XML file that writes "(f)" as a
    paragraph of its own after the paragraph's list "(a)" to "(e)"): nested as `Nesting` nests labels, from
    the lists that stand open on the holder's last branch."""
    nesting, nodes = Nesting(), [holder]
    while nodes[-1].subparagraphs:
        items = nodes[-1].subparagraphs
        kind = label_readings(subparagraph_label(len(nodes), 1))[0][0]  # the depth's own kind: "(i)" is roman
        nesting.lists.append((kind, len(items)))  # at the ninth item, letters: "(i)" reads both ways
        nodes.append(items[-1])
    depth = nesting.place(label, nest=inline.plain(nodes[-1].text).rstrip().endswith(":"))
    nodes[min(max(depth, 1) - 1, len(nodes) - 1)].subparagraphs.append(sub)


def marked_heading(text: str) -> bool:
    """A section's numeral alone ("II", "B.") or with its title on the line ("I. Oceans and the law of the
    sea"): short and without closing punctuation."""
    text = text.strip()
    if SECTION_MARK.match(text):
        return True
    m = MARKED_HEADING.match(text)
    return (
        bool(m)
        and len(text) < _MARKED_CHARS
        and text[len(m.group("mark"))] == "."
        and not ends_like_a_paragraph(text)
    )


def long_heading(text: str, language: str = "en") -> bool:
    """A heading longer than a short title ("Role of the Department of Global Communications in United Nations
    peacekeeping operations, special political missions and peacebuilding"): under two printed lines, no
    closing punctuation, and no opener the lexicon lists to make it a paragraph (a word only guessed to be one
    from its ending opens many a heading: "Financing of the appropriation for the period from …",
    "Strengthening of the …", "Countries in special situations")."""
    text = text.strip()
    if len(text) > _LONG_HEADING_CHARS or not text[:1].isupper() or ends_like_a_paragraph(text):
        return False
    for part in Part:
        opener = detect_opener(text, part, language=language)
        if opener and is_known(opener, part, language):
            return False
    return True


def section_heading(
    text: str,
    *,
    after_heading: bool,
    before_numbered: bool,
    before_opener: bool = False,
    language: str = "en",
) -> bool:
    """Is this unnumbered line a heading? A section's numeral line ("I", "B. Scope"); the title line after a
    numeral (`after_heading`); as Security Council sanctions resolutions group their operative paragraphs, a
    title-like line right before a numbered paragraph ("Travel ban"); or, before a paragraph that opens with
    an italic opener (`before_opener`), "* * *" or a title with no opener of its own ("Transport and transit
    corridors" over "*Noting* …", as preambles group their paragraphs)."""
    text = text.strip()
    if not text:
        return False
    if marked_heading(text):
        return True
    if after_heading:
        return len(text) < MAX_HEADING_CHARS and not ends_like_a_paragraph(text)
    if before_opener and (SEPARATOR.fullmatch(text) or long_heading(text, language)):
        return True
    return before_numbered and (short_heading(text) or long_heading(text, language))


def annex_heading(text: str, *, after_heading: bool) -> bool:
    """An unlabelled line of an annexed text that is a heading ("I", "A. Scope", "Guideline 1", "Scope"): short
    and without closing punctuation; the title under a numeral may run longer."""
    text = text.strip()
    limit = MAX_HEADING_CHARS if after_heading else _ANNEX_HEADING_CHARS
    return 0 < len(text) < limit and not ends_like_a_paragraph(text)


def heading_lines(text: str) -> list[str]:
    """ "I Financing" or "I. Financing" (a numeral and its title read as one line) → ["I", "Financing"]: two
    printed lines, as issued annexes set them."""
    if units := unit_lines(text.strip()):
        return units
    m = MARKED_HEADING.match(text.strip())
    return [m.group("mark"), m.group("title")] if m else [text.strip()]


# ------------------------------------------------------------------ sections of the operative part


def restarts(number: int, operative: list[Paragraph]) -> bool:
    """A paragraph numbered 1 after numbered operative paragraphs: a section numbered afresh (Fifth Committee
    resolutions). The first numbered paragraph of the part is no restart, whatever stands before it."""
    return number == 1 and any(p.numbered for p in operative)


def section_preamble(opener: str, language: str = "en") -> bool:
    """An opener of the preamble that no operative paragraph uses ("Recalling", "Having considered"): an
    unnumbered paragraph with it among numbered operative ones is a section's own preambular paragraph. A
    trailing "of" set in italics with the opener ("Taking note with appreciation of") is no part of it."""
    opener = re.sub(r"(?<!\s)\s+of$", "", opener.strip())  # from a run's first space only: linear
    return (
        bool(opener)
        and is_known(opener, Part.PREAMBLE, language)
        and not is_known(opener, Part.OPERATIVE, language)
    )


def _section_mark_of(para: Paragraph) -> str:
    first = para.heading.split("\n", 1)[0].strip() if para.heading else ""
    return first if SECTION_MARK.match(first) else ""


def settle_opening_section(preamble: list[Paragraph], operative: list[Paragraph]) -> int:
    """An operative part that opens with a section: a section-mark heading ("I") over preambular-looking
    paragraphs ("Recalling …,") and then numbered operative paragraphs, when later sections ("II" …) are
    operative too. A reader meets those paragraphs before any operative one and puts them in the preamble;
    they move here, in place, to the head of the operative part as the section's own (unnumbered) preamble.
    Returns how many moved."""
    start = next((i for i, p in enumerate(preamble) if _section_mark_of(p)), None)
    if start is None or not operative or not operative[0].numbered:
        return 0
    if not any(_section_mark_of(p) for p in operative):  # the sections after it are operative
        return 0
    moved = preamble[start:]
    for para in moved:
        para.numbered = False
        para.restart = False
    del preamble[start:]
    operative[:0] = moved
    operative[len(moved)].restart = False  # the part's first numbered paragraph
    return len(moved)


# ------------------------------------------------------------------ annexes


@dataclass
class AnnexBuilder:
    """An annex's paragraphs from what a reader found, line by line: heading lines gather over the next
    paragraph; paragraphs are numbered or not; a subparagraph nests by its label (or the depth the source
    gives); text after a list ends the deepest subparagraph that has one. A list right under a heading hangs
    from an unnumbered paragraph that holds only the heading, as issued."""

    annex: Annex
    heading: list[str] = field(default_factory=list)  # heading lines waiting for the next paragraph (markup)
    nodes: list[Paragraph] = field(default_factory=list)  # the last paragraph placed at each depth
    nesting: Nesting = field(default_factory=Nesting)

    def add_heading(self, *lines: str) -> None:
        self.heading += lines

    def paragraph(self, para: Paragraph, *, numbered: bool) -> None:
        para.numbered = numbered
        para.heading, self.heading = "\n".join(self.heading), []
        self.annex.paragraphs.append(para)
        self.nodes = [para]
        self.nesting.reset()

    def subparagraph(self, para: Paragraph, *, label: str = "", depth: int = 0) -> None:
        """`label` nests it ("(a)", "i."); a `depth` the source states (a style's level) wins over it."""
        if not self.nodes or self.heading or self.nodes[0].is_table:  # first, or after a table: lists anew
            self.paragraph(Paragraph(), numbered=False)
        after_colon = inline.plain(self.nodes[-1].text).rstrip().endswith(":")
        if depth and label:
            self.nesting.at(label, depth)
        elif label:
            depth = self.nesting.place(label, nest=after_colon)
        parent = min(max(depth, 1) - 1, len(self.nodes) - 1)
        self.nodes[parent].subparagraphs.append(para)
        self.nodes = [*self.nodes[: parent + 1], para]

    def tail(self, markup: str) -> bool:
        """Text after a list: the end of the deepest open paragraph with subparagraphs (False: none is open)."""
        owner = next((p for p in reversed(self.nodes) if p.subparagraphs), None)
        if owner is None or not markup:
            return owner is not None
        owner.tail = f"{owner.tail} {markup}".strip() if owner.tail else markup
        return True

    def finish(self) -> Annex:
        """The annex; heading lines with nothing under them stand as an unnumbered line of their own."""
        if self.heading:
            self.annex.paragraphs.append(Paragraph(text=" ".join(self.heading), numbered=False))
            self.heading = []
        return self.annex
