"""Plain text into the model: typed or pasted drafts, text copied from issued PDFs, and UN-XML renderings.

One reader serves all three, since they differ only in degree:

* typed drafts have a paragraph per line or per blank-line block, `*italic*` openers, `[54/54](#)` link marks,
  footnote markers as superscripts (¹²), `[1]` or digits after punctuation, and footnote texts anywhere;
* text from an issued PDF is hard-wrapped, carries page furniture (`app.io.pdf_text` removes it) and has its
  footnotes at page bottoms, marked in the body by digits glued to words ("Destruction,1");
* renderings of adopted resolutions have one block per line and footnotes at the end.

Numbers, labels and terminal punctuation are absorbed (the model never stores them). Whatever cannot be placed
is kept in `Resolution.unplaced` or reported as an `import.*` finding, never dropped silently.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Iterable, Sequence
from contextvars import ContextVar
from dataclasses import dataclass, field

from app import inline, lexicon
from app.findings import Finding, Severity
from app.formatting import letters, roman
from app.io import pdf_text, text_structure
from app.io.amendment_reader import instruction_sentence, opens_instruction
from app.io.foreign_header import english_header
from app.io.header_lines import plain_lines
from app.io.headings import (
    SECTION_MARK,
    SEPARATOR,
    annex_or_appendix,
    ends_like_a_paragraph,
)
from app.io.imported import ImportResult
from app.io.lost_hyphens import hyphened_only, restore_hyphens, restore_spaced
from app.io.note_markers import (
    MAX_INDEXED,
    SLASH_NOTE,
    Marker,
    markers,
    numbers_in,
    numeric,
    slash_marker,
    star_marks,
)
from app.io.pdf_text import NOTE_START, PAGE_BREAK, SUPERSCRIPTS, RawNote, join_wrapped, note_label
from app.io.reading_order import labels_set_after
from app.io.spaced_words import close_up
from app.io.structure import (
    BULLETS,
    MAX_HEADING_CHARS,
    Nesting,
    heading_lines,
    label_readings,
    letter_index,
    marked_heading,
    restarts,
    roman_index,
    section_heading,
    section_preamble,
    settle_opening_section,
)
from app.io.text_header import ORGANS, HeaderResult, note_not_draft, organ_template, parse_header, star_note
from app.io.typed_labels import TypedLabels
from app.languages import all_languages, get_language, language_of_organ_line, language_of_sponsor_line
from app.messages import say
from app.model import DocumentKind, Footnote, Paragraph, Part, Resolution, ResolutionPart
from app.punctuation import ends_with_mark
from app.spelling.lexicon import english
from app.templates import Template

MAX_CHARS = 5_000_000

# organ lines of the other languages (languages/*.toml) → the organ's English name
_FOREIGN_ORGANS = {
    line: organ
    for lang in all_languages().values()
    if not lang.is_english
    for organ, line in lang.organ_lines.items()
}
_ORGAN_LINE = re.compile(
    r"^\*?(?:The (?P<organ>"
    + "|".join(ORGANS)
    + r"|[A-Z][A-Za-z]+(?: (?:[A-Z][A-Za-z]+|of|on|the|and|for))*)|(?P<foreign>"
    + "|".join(re.escape(line).replace("’", "['’]") for line in _FOREIGN_ORGANS)
    + r"))\*?"
    r"\s*(?P<comma>,)?\s*(?P<rest>.*)$"
)
# the language of the text being read (set by `_Reader.run` from its organ line): openers and "a)" labels
_LANGUAGE: ContextVar[str] = ContextVar("text_language", default="en")


def closing_line(text: str) -> bool:
    """The meeting line that follows an adopted resolution's last paragraph, in the text's language."""
    return bool(get_language(_LANGUAGE.get()).closing.match(text))


def last_paragraph(text: str) -> bool:
    """The paragraph that ends a Security Council resolution ("19. Decides to remain seized of the matter.")."""
    return bool(get_language(_LANGUAGE.get()).last_paragraph.match(text.strip()))


def _organ_of(m: re.Match[str]) -> str:
    """The English organ name of an organ line match, in any language."""
    foreign = m.group("foreign")
    return _FOREIGN_ORGANS.get(foreign.replace("'", "’"), "") if foreign else m.group("organ")


_NUMBER = re.compile(r"^(?:OP\s?)?(?P<n>\d{1,3})\s*[.)](?:\s+|$)|^OP\s?(?P<n2>\d{1,3})[.:]?\s+")
_PP_LABEL = re.compile(r"^PP\s?\d{1,3}[.:)]?\s+")
# a "(a)" label inside a line, after a colon or a semicolon: a list run into its paragraph
_RUN_IN_LABEL = re.compile(r"[:;]\s+(?:and\s+)?\((?:[a-z]{1,5}|[ivxlc]{1,6})\)\s")
_SUB_PAREN = re.compile(r"^\((?P<l>[a-z]{1,5}|[ivxlc]{1,6})\)(?:\s+|$)")
_SUB_CLOSE = re.compile(r"^(?P<l>[a-z]{1,2}|[ivxlc]{1,6})\)(?:\s+|$)")  # "a)", "i)" in French and Spanish
_BULLET = re.compile(rf"^(?P<l>[{BULLETS}])\s+(?=\S)")  # "• the progress …", "– to ensure …"
_SUB_DOT = re.compile(r"^(?P<l>[a-z]{1,4})\.(?:\s+|$)(?=\S|$)")
_STRICT_ORGAN = re.compile(r"^\*?The (?:" + "|".join(ORGANS) + r")\b\*?(?:,|\s*$| [a-z])")
_INSTRUCTION = re.compile(r"^(?:Delete|Insert|Replace|Add|Amend|After|Before|In)\b.*:$")
_LINK = re.compile(r"\[([^\]\[]+)\]\((?:[^()\s]*)\)")
_MD_NOTE_DEF = re.compile(r"^\[\^(?P<label>[\w-]+)\]:\s*(?P<text>.*)$")
_SUPER_RUN = re.compile(f"[{SUPERSCRIPTS}]+")
_ITALIC = re.compile(r"(?<![\\*])\*(?=\S)(?P<t>[^*\n]*?\S)\*(?!\*)")
_OPENER_MARK = re.compile(r"^\*(?=\S)(?P<t>[^*]*?\S)\*")
_WORD = re.compile(r"[A-Za-z\u00C0-\u024F]+(?:[-\u2011][A-Za-z\u00C0-\u024F]+)*")
_MARK = "\x01{}\x02"
_MARK_RE = re.compile("\x01(\\d+)\x02")


def read_text(text: str) -> ImportResult:
    """Read a resolution from plain text (typed draft, PDF text, or rendering of an adopted resolution)."""
    from app.errors import InputError

    if len(text) > MAX_CHARS:
        raise InputError("the text is too long to be a resolution")
    if not text.strip():
        raise InputError("the text is empty")
    text = text.replace("\x01", "").replace("\x02", "")  # they delimit the reader's own marks (_MARK)
    note = note_not_draft(text)
    if note:  # read as a resolution it would be a heap of operative paragraphs without openers
        raise InputError(
            f"not a draft resolution, decision or amendment but a note (“{note}”): nothing to check"
        )
    language = _text_language(text)
    token = _LANGUAGE.set(language)
    try:
        result = _Reader(text).run()
    finally:
        _LANGUAGE.reset(token)
    if (
        result.resolution.header.language == "en"
    ):  # an amendment's own wording may have said (amendment_reader)
        result.resolution.header.language = language
    _keep_if_nothing_placed(result, text)
    return result


def _keep_if_nothing_placed(result: ImportResult, text: str) -> None:
    """A text in which no paragraph could be told apart (a whole draft on one line, as some copies give it)
    read as an empty draft with no word said: its text is kept, unplaced, and the finding says why."""
    res = result.resolution
    if (
        res.title.strip()
        or res.unplaced
        or res.annexes
        or res.instructions
        or any(items for _, items in res.lists())
    ):
        return
    words = " ".join(text.split())
    if not any(c.isalnum() for c in words):
        return
    res.unplaced.append(words)
    result.findings.append(
        Finding(
            "import.unplaced",
            Severity.WARNING,
            say(
                "no title or paragraph could be told apart in this text (each paragraph starts a line of its own "
                "in a draft): the whole text is kept after the operative part, to be put in place"
            ),
        )
    )


def _listed(words: list[str]) -> dict[str, object]:
    """The fields of a message that lists words: how many, the first eight (each once), "…" if there are more."""
    return {
        "count": len(words),
        "shown": ", ".join(dict.fromkeys(words[:8])),
        "more": " …" if len(words) > 8 else "",
    }


def _text_language(text: str) -> str:
    """The language of a text: that of its organ line ("L’Assemblée générale,"), else of the kind its sponsor
    line names (an amendment has no organ line), else English."""
    by_sponsor_line = ""
    for line in text.splitlines():
        m = _ORGAN_LINE.match(line.strip().replace("*", ""))
        if m and (m.group("organ") in ORGANS or m.group("foreign")):
            return language_of_organ_line(m.group("foreign")) if m.group("foreign") else "en"
        by_sponsor_line = by_sponsor_line or language_of_sponsor_line(line)
    return by_sponsor_line or "en"


@dataclass
class _Block:
    lines: list[str]
    pages: list[int]
    after_break: bool = False

    @property
    def first(self) -> str:
        return self.lines[0].strip()


@dataclass
class _Para:
    kind: str  # "num", "sub", "plain", "heading"
    label: str
    text: str  # markup with footnote placeholders
    number: int = 0
    item: bool = False  # a bulleted or numbered item read as a subparagraph (its printed label is derived)


@dataclass
class _Reader:
    source: str
    findings: list[Finding] = field(default_factory=list)
    notes: list[RawNote] = field(default_factory=list)
    slash_notes: bool = False  # the notes are typed "1/ …" (documents of before about 2000)
    words_cache: set[str] | None = None
    hyphened: set[str] | None = None  # compounds the document writes with a hyphen only (app.io.lost_hyphens)
    _lines_for_words: list[str] = field(default_factory=list)
    used_notes: set[int] = field(default_factory=set)
    header_notes: set[int] = field(default_factory=set)
    guessed_notes: set[int] = field(default_factory=set)  # placed where the marker should be, not at it
    # an amendment's body in reading order, and which of those paragraphs are instruction sentences
    amend_order: list[Paragraph] = field(default_factory=list)
    amend_sentences: set[str] = field(default_factory=set)
    extracted: bool = False  # text of an issued PDF (page furniture found): broken words are closed up
    wrapped: bool = True  # lines as printed: a line past a printed line's length joins printed lines
    closed_up: list[str] = field(default_factory=list)
    rehyphenated: list[str] = field(default_factory=list)  # compounds whose dropped hyphen came back
    items: set[str] = field(default_factory=set)  # ids of bulleted or numbered items read as subparagraphs

    # ---- the whole run -------------------------------------------------------------------------------------------

    def run(self) -> ImportResult:
        lines = _normalise(self.source)
        cleaned = pdf_text.clean(lines)
        self.notes = cleaned.notes
        # a justified PDF line's text layer may set two spaces between words ("The  Security  Council,"): one
        # space, as typed; wider gaps stay (masthead columns)
        lines = [_DOUBLE_SPACE.sub(" ", line) for line in cleaned.lines]
        body_lines, body_pages = self._lift_typed_notes(lines, cleaned.pages)
        self._lines_for_words = body_lines
        self.extracted = cleaned.furniture > 0 and _LANGUAGE.get() == "en"
        self.wrapped = _wrapped(body_lines)
        if cleaned.furniture:
            body_lines, body_pages = labels_set_after(
                body_lines, body_pages, _sub_label_alone, _opens_labelled
            )
        blocks = _blocks(body_lines, body_pages)
        blocks = _cut_unbroken_header(_split_at_foreign_organ_line(blocks))
        split = _header_end(blocks)
        part_a, part_title = text_structure.part_a_title([b.lines for b in blocks], split)
        head_lines = plain_lines([b.lines for b in blocks[: split - part_a]])
        if _LANGUAGE.get() != "en":  # a French or Spanish masthead, in the words the header reader knows
            head_lines = english_header(head_lines, get_language(_LANGUAGE.get()))
        head = parse_header(head_lines, join=self._join)
        self.findings += head.findings
        if cleaned.job_number:
            head.header.job_number = cleaned.job_number
        res = Resolution(header=head.header, title=head.title)
        res.part_title = self._markup(self._join(part_title))  # "A" and its title stand before the organ line
        body = blocks[split:]
        organ_line = _ORGAN_LINE.match(body[0].first) if body else None
        if organ_line and not head.organ and not head.header.symbol:
            organ_template(head, _organ_of(organ_line))  # no masthead: the organ line says who adopts
        self._place_header_notes(head, blocks[:split])
        self._mark_footnotes(body)
        self._place_unmarked(body)
        if self.extracted:
            body = self._set_apart(res, body)
        self._body(res, body, head.template, in_parts=bool(part_a))
        self._attach_notes(res)
        if self.amend_sentences:
            from app.io.amendment_reader import read_body

            self.findings += read_body(res, self.amend_order, self.amend_sentences)
        if head.adopted:
            res.header.distribution = "Limited"
        if self.closed_up:
            self.findings.append(
                Finding(
                    "import.spaced-word",
                    Severity.INFO,
                    say(
                        "{count} words the PDF text had broken apart with spaces were closed up on import "
                        "({shown}{more})",
                        **_listed(self.closed_up),
                    ),
                )
            )
        if self.rehyphenated:
            self.findings.append(
                Finding(
                    "import.spaced-word",
                    Severity.INFO,
                    say(
                        "{count} compounds whose hyphen the PDF text had dropped at a line end were hyphenated "
                        "again on import ({shown}{more})",
                        **_listed(self.rehyphenated),
                    ),
                )
            )
        if self.items:
            self.findings.append(
                Finding(
                    "import.items",
                    Severity.INFO,
                    say(
                        "{items} bulleted or numbered items were read as subparagraphs; their labels ((a), (b) …) "
                        "and end punctuation are set when the document is printed",
                        items=self.items,
                    ),
                )
            )
        return ImportResult(res, self.findings, relabelled=self.items)

    # ---- footnotes -----------------------------------------------------------------------------------------------

    def _lift_typed_notes(self, lines: list[str], pages: list[int]) -> tuple[list[str], list[int]]:
        """Footnote texts typed among the paragraphs ("¹ United Nations, …", "[^1]: …", "** …")."""
        out: list[str] = []
        out_pages: list[int] = []
        used_labels = _marker_labels("\n".join(lines))
        current: RawNote | None = None
        for line, page in zip(lines, pages, strict=True):
            s = line.strip()
            m = NOTE_START.match(s) if s and s != PAGE_BREAK else None
            md = _MD_NOTE_DEF.match(s) if s else None
            is_note = False
            if md:
                current = RawNote(md.group("label"), md.group("text").strip(), page)
                is_note = True
            elif m and (
                m.group("sup") or m.group("br") or (m.group("star") and m.group("star") in used_labels)
            ):
                current = RawNote(note_label(m), m.group("text").strip(), page)
                is_note = True
            elif current is not None and s and s != PAGE_BREAK and not _starts_block(s):
                current.text = join_wrapped(current.text, s)
                continue
            if is_note and current is not None:
                self.notes.append(current)
                continue
            current = None
            out.append(line)
            out_pages.append(page)
        return self._lift_trailing_notes(out, out_pages)

    def _lift_trailing_notes(self, lines: list[str], pages: list[int]) -> tuple[list[str], list[int]]:
        """Footnotes typed at the end without a rule: "1 A/80/83." (or "1/ S/25045." in documents typed before
        about 2000) lines numbered 1, 2, 3 after the text, a note's text wrapped onto the lines below it, taken
        as notes only when the text carries a marker for the first of them."""
        if any(n.label.isdigit() for n in self.notes):
            return lines, pages
        start = _trailing_notes_start(lines)
        found: list[tuple[int, re.Match[str], list[str]]] = []  # a note's line, its match, its wrapped lines
        for i in range(start, len(lines)):
            s = lines[i].strip()
            m = _trailing_note(s) if s else None
            if m and m.group("num"):
                found.append((i, m, []))
            elif s and found:
                found[-1][2].append(s)
            elif s:
                return lines, pages
        labels = [int(m.group("num")) for _, m, _ in found]
        if not labels or labels != list(range(labels[0], labels[0] + len(labels))):
            return lines, pages
        body = "\n".join(lines[:start])
        slash = found[0][1].re is SLASH_NOTE  # "1/ S/25045.": its marker is "1/"
        marker = slash_marker(str(labels[0])) if slash else markers(str(labels[0]), _LANGUAGE.get())[1]
        if not marker.find(body):
            return lines, pages
        self.slash_notes = slash
        for i, m, wrapped in found:
            text = m.group("text").strip()
            for more in wrapped:
                text = join_wrapped(text, more)
            self.notes.append(RawNote(m.group("num"), text, pages[i]))
        return lines[:start], pages[:start]

    def _place_header_notes(self, head: HeaderResult, header_blocks: list[_Block]) -> None:
        for index, note in enumerate(self.notes):
            if note.label.startswith("*") and _REISSUE.match(note.text):  # the masthead's, not the text's
                self.used_notes.add(index)
                self.header_notes.add(index)
                self.findings.append(
                    Finding(
                        "import.unplaced",
                        Severity.INFO,
                        say("masthead note not kept in the model: “{text}”", text=note.text),
                        field="header",
                    )
                )
        if not head.sponsor_star:
            return
        for index, note in enumerate(self.notes):
            if note.label == head.sponsor_star and index not in self.used_notes:
                self.used_notes.add(index)
                self.header_notes.add(index)
                if not star_note(head, note.text, marked=True):
                    self.findings.append(
                        Finding(
                            "import.unplaced",
                            Severity.INFO,
                            say("sponsor-line note not kept in the model: “{text}”", text=note.text),
                            field="header",
                        )
                    )
                return

    def _mark_footnotes(self, body: list[_Block]) -> None:
        """Replace every footnote marker in the body lines by a placeholder naming its note."""
        pdf_like = any(b.pages and b.pages[-1] > 0 for b in body)
        where: dict[str, list[tuple[int, int]]] = {}  # note number -> the lines that hold it, in order
        for b, block in enumerate(body):
            for ln, line in enumerate(block.lines):
                for number in numbers_in(line):
                    where.setdefault(number, []).append((b, ln))
        pos = (0, 0, 0)  # block, line, offset of the last marker found
        for index, note in enumerate(self.notes):
            if index in self.used_notes:
                continue
            found = self._find_marker(body, note, pos, pdf_like, where)
            if not found:
                continue
            b, ln, start, end = found
            line = body[b].lines[ln]
            token = _MARK.format(index)
            body[b].lines[ln] = line[:start] + token + line[end:]
            self.used_notes.add(index)
            pos = (b, ln, start + len(token))

    def _place_unmarked(self, body: list[_Block]) -> None:
        """A note whose marker was not found still prints, under its own number: its reference goes at the end
        of the paragraph holding the marker before it (or just after that marker when the next note's marker
        is in the same paragraph), so no other note is renumbered; `_attach_notes` reports where it went."""
        missing = [i for i in range(len(self.notes)) if i not in self.used_notes]
        if not missing or not body:
            return
        where: dict[int, tuple[int, int, int]] = {}  # note index -> block, line, end of its token
        for b, block in enumerate(body):
            for ln, line in enumerate(block.lines):
                for m in _MARK_RE.finditer(line):
                    where[int(m.group(1))] = (b, ln, m.end())
        placed = sorted(where)
        inserts: dict[tuple[int, int], list[tuple[int, int]]] = {}  # line -> (offset, note index)
        for index in missing:
            k = bisect.bisect_left(placed, index)
            prev = where[placed[k - 1]] if k else None
            nxt = where[placed[k]] if k < len(placed) else None
            if prev is not None and nxt is not None and nxt[0] == prev[0]:
                b, ln, at = prev  # the next marker is in the same paragraph: right after the one before
            elif prev is not None:
                b = prev[0]
                ln = len(body[b].lines) - 1
                at = len(body[b].lines[ln].rstrip())
            elif nxt is not None:
                b, ln, at = nxt
                at = _MARK_RE.search(body[b].lines[ln][:at]).start()  # type: ignore[union-attr]
            else:
                on_page = [
                    i
                    for i, block in enumerate(body)
                    if block.pages and block.pages[0] <= self.notes[index].page
                ]
                b = on_page[-1] if on_page else len(body) - 1
                ln = len(body[b].lines) - 1
                at = len(body[b].lines[ln].rstrip())
            inserts.setdefault((b, ln), []).append((at, index))
            self.used_notes.add(index)
            self.guessed_notes.add(index)
        for (b, ln), items in inserts.items():
            line = body[b].lines[ln]
            pieces: list[str] = []
            done = 0
            for at, index in sorted(items):  # one pass over the line, however many notes go into it
                pieces += [line[done:at], _MARK.format(index)]
                done = at
            body[b].lines[ln] = "".join(pieces) + line[done:]

    def _find_marker(
        self,
        body: list[_Block],
        note: RawNote,
        pos: tuple[int, int, int],
        pdf_like: bool,
        where: dict[str, list[tuple[int, int]]],
    ) -> tuple[int, int, int, int] | None:
        label = note.label
        lines = _lines_of(where, label)
        if not numeric(label):
            pos = (0, 0, 0)  # "*" notes and named notes have a sequence of their own
        forms = markers(label, _LANGUAGE.get())
        if self.slash_notes and numeric(label):
            forms = [slash_marker(label), *forms]  # "1/ S/25045." below the text: "Nations, 1/" in it
        # the strong form first; then the forms a text layer leaves, the nearest hit of any of them (the notes
        # come in order, so the nearest is the note's own, and a weak form's hit further on would take the
        # place of every later note); the split of a number last
        groups = [forms[:1], forms[1:-1], forms[-1:]] if numeric(label) else [forms]
        if pdf_like:  # a marker sits on the page of its footnote; strong forms may stray (notes run over)
            order = [(g, note.page) for g in groups] + [(g, None) for g in (forms[:1], forms[1:2]) if g]
        else:
            order = [(g, None) for g in groups]
        for group, page in order:
            hit = _search(body, group, pos, page, lines)
            if hit:
                b, ln, start, end, form = hit
                if "glued" in form.pattern.groupindex:  # a guess that splits a number: say so
                    if _next_note_before(body, label, pos, (b, ln, start), where):
                        return None  # the marker is missing, not glued to a later citation's number
                    number = body[b].lines[ln][:start].split()[-1]
                    self.findings.append(
                        Finding(
                            "import.footnote-marker",
                            Severity.INFO,
                            say(
                                "footnote {label}: its marker read as glued to a number, “{number}{label}” read as "
                                "“{number}” and note {label}",
                                label=label,
                                number=number,
                            ),
                        )
                    )
                return b, ln, start, end
        return None

    def _attach_notes(self, res: Resolution) -> None:
        """Footnotes go into the model in the order of their markers; notes without a marker are kept too."""
        ids: dict[int, str] = {}
        for index in range(len(self.notes)):
            if index in self.used_notes and not self._header_note(index):
                self._ref(res, ids, index)
        for index, note in enumerate(self.notes):
            if index not in self.used_notes:  # nowhere to put it (no body at all): kept, unreferenced
                self._ref(res, ids, index)
                self.findings.append(
                    Finding(
                        "import.footnote-unplaced",
                        Severity.WARNING,
                        say(
                            "footnote {label} has no marker in the text; kept unreferenced: “{text}”",
                            label=note.label,
                            text=note.text[:80],
                        ),
                    )
                )
        for para in [p for _, p in res.paragraphs()] + list(res.annex_paragraphs()):
            for attr in ("opener", "text", "tail", "heading"):
                value = getattr(para, attr)
                if "\x01" in value:
                    words = ""  # the paragraph's first words, made once however many notes it holds
                    for m in _MARK_RE.finditer(value):
                        if int(m.group(1)) in self.guessed_notes:
                            words = words or " ".join(
                                _MARK_RE.sub("", para.opener + " " + para.text).split()[:6]
                            )
                            self._report_guess(int(m.group(1)), para, attr, words)
                    setattr(para, attr, _MARK_RE.sub(lambda m: self._ref(res, ids, int(m.group(1))), value))
        res.title = _MARK_RE.sub(lambda m: self._ref(res, ids, int(m.group(1))), res.title)
        res.part_title = _MARK_RE.sub(lambda m: self._ref(res, ids, int(m.group(1))), res.part_title)
        for unit in [*res.later_parts, *res.annexes]:
            unit.title = _MARK_RE.sub(lambda m: self._ref(res, ids, int(m.group(1))), unit.title)
        res.unplaced = [_MARK_RE.sub(lambda m: self._ref(res, ids, int(m.group(1))), a) for a in res.unplaced]

    def _report_guess(self, index: int, para: Paragraph, attr: str, words: str) -> None:
        note = self.notes[index]
        self.findings.append(
            Finding(
                "import.footnote-unplaced",
                Severity.WARNING,
                say(
                    "footnote {label} (“{text}”): its marker was not found in the text; the note is kept under "
                    "its number at the end of the paragraph “{words} …”: move its reference to where it belongs",
                    label=note.label,
                    text=note.text[:60],
                    words=words,
                ),
                paragraph_id=para.id,
                field=attr,
            )
        )

    def _header_note(self, index: int) -> bool:
        return index in self.header_notes

    def _ref(self, res: Resolution, ids: dict[int, str], index: int) -> str:
        if index not in ids:
            note = self.notes[index]
            fn = Footnote(text=self._markup(self._closed_up(note.text)), mark=_symbol(note.label))
            res.footnotes[fn.id] = fn
            ids[index] = fn.id
        return inline.footnote_ref(ids[index])

    # ---- text ----------------------------------------------------------------------------------------------------

    def _join(self, lines: list[str]) -> str:
        # pieces joined once at the end: joining line by line copies the text so far for each line
        out: list[str] = []
        for line in lines:
            s = line.strip()
            if not s or s == PAGE_BREAK:
                continue
            if self.extracted and self.wrapped and len(s) > PRINTED_LINE_CHARS:  # printed lines joined
                s, restored = restore_hyphens(s, english().known)
                self.rehyphenated += restored
                if self.hyphened is None:
                    self.hyphened = hyphened_only(
                        self._lines_for_words, PRINTED_LINE_CHARS, english().compounds()
                    )
                s, restored = restore_spaced(s, self.hyphened)
                self.rehyphenated += restored
            end = "".join(out[-2:])[-2:]  # the text so far ends so (pieces are never blank)
            if not end.endswith("-") or len(end) < 2 or not end[-2].isalpha():
                out.append(" " + s if out else s)  # as join_wrapped joins
            elif s[:1].isalpha() and not self._keep_hyphen("".join(out[-2:]), s):
                out[-1] = out[-1][:-1]
                out.append(s)
            else:
                out.append(s)
        return self._closed_up(re.sub(r"[ \t]+", " ", "".join(out)).strip())

    def _closed_up(self, text: str) -> str:
        """In text of an issued PDF, words its text layer broke apart closed up ("adhere nce")."""
        if self.extracted:
            if self.words_cache is None:
                self.words_cache = _word_forms(self._lines_for_words)
            text, joined = close_up(text, self.words_cache, english().listed)
            self.closed_up += joined
        return text

    def _keep_hyphen(self, left: str, right: str) -> bool:
        """ "non-\\nproliferation" keeps its hyphen; "implemen-\\ntation" loses it. The document decides first."""
        a = re.search(r"(?<![A-Za-z\u00C0-\u024F])[A-Za-z\u00C0-\u024F]+-$", left)  # from a word's start
        b = re.match(r"[A-Za-z\u00C0-\u024F]+", right)
        if not a or not b:
            return True
        head, tail = a.group(0)[:-1], b.group(0)
        joined, hyphened = (head + tail).lower(), f"{head}-{tail}".lower()
        if self.words_cache is None:
            self.words_cache = _word_forms(self._lines_for_words)
        if hyphened in self.words_cache:
            return True
        if joined in self.words_cache:
            return False
        if right[:1].isupper():
            return True
        known = english().listed
        return not (known(joined) and not (known(head) and known(tail)))

    def _markup(self, text: str) -> str:
        """Plain typed text to inline markup: `*italic*` kept, links reduced to their text, the rest escaped."""
        text = _LINK.sub(r"\1", text)
        out: list[str] = []
        pos = 0
        for m in _ITALIC.finditer(text):
            out.append(_escape_keep_marks(text[pos : m.start()]))
            out.append("*" + _escape_keep_marks(m.group("t")) + "*")
            pos = m.end()
        out.append(_escape_keep_marks(text[pos:]))
        return "".join(out)

    # ---- the body ------------------------------------------------------------------------------------------------

    def _set_apart(self, res: Resolution, body: list[_Block]) -> list[_Block]:
        """Pieces of a line that a PDF's text layer set apart from it, between two paragraphs, are kept as
        unplaced text with a note, not read as paragraphs of their own."""
        kept: list[_Block] = []
        apart: list[str] = []
        i = 0
        while i < len(body):
            end = _displaced_run(body, i)
            if end > i and kept and ends_with_mark(_MARK_RE.sub("", kept[-1].lines[-1].strip()), ",;:."):
                apart += [self._join(b.lines) for b in body[i:end]]
                i = end
                continue
            kept.append(body[i])
            i += 1
        if apart:
            res.unplaced += [self._markup(text) for text in apart]
            self.findings.append(
                Finding(
                    "import.unplaced",
                    Severity.INFO,
                    say(
                        "{count} piece(s) of text the PDF's text layer set apart from their lines between two "
                        "paragraphs (“{first}” …) kept as unplaced text: put each where it belongs",
                        count=len(apart),
                        first=apart[0],
                    ),
                )
            )
        return kept

    def _body(
        self, res: Resolution, body: list[_Block], tpl: Template | None, *, in_parts: bool = False
    ) -> None:
        paras: list[_Para] = []
        if body and _ORGAN_LINE.match(body[0].first):
            first_line = _ORGAN_LINE.match(body[0].first)
            assert first_line
            if not first_line.group("rest"):  # the organ line alone; the block may go on with paragraphs
                body = (
                    [_Block(body[0].lines[1:], body[0].pages[1:])] + body[1:]
                    if len(body[0].lines) > 1
                    else body[1:]
                )
            else:  # "The General Assembly, recalling …, decides …": a decision in one sentence
                m = _ORGAN_LINE.match(self._join(body[0].lines))
                assert m
                paras.append(_Para("decision", "", m.group("rest").strip()))
                body = body[1:]
        # a Security Council text ends with "Decides to remain seized of the matter.": what follows is annexed
        council = tpl is not None and tpl.organ == "Security Council"
        items = [
            (chunk[0].strip(), text)
            for block in body
            for chunk in _split_block(block, council=council)
            if (text := self._join(chunk))
        ]
        lead = paras[-1].text if paras and paras[-1].kind == "decision" else ""
        amendment = res.header.kind is DocumentKind.AMENDMENT
        layout = text_structure.split_units(items, in_parts, lead, amendment=amendment, council=council)
        self._build(res, paras + self._paras(layout.main), tpl)
        for unit in layout.parts:  # parts B, C ...: each opens with its organ line
            part = Resolution(header=res.header)
            self._build(part, self._paras(unit.items[1:]), tpl)
            res.later_parts.append(
                ResolutionPart(unit.title and self._markup(unit.title), part.preamble, part.operative)
            )
            res.unplaced += part.unplaced
        res.annexes += [text_structure.build_annex(unit, self._markup) for unit in layout.annexes]
        if layout.trailing:
            res.unplaced += [self._markup(text) for _, text in layout.trailing]
            self.findings.append(
                Finding(
                    "import.unplaced",
                    Severity.WARNING,
                    say(
                        "{count} blocks after the last operative paragraph (from “{first}”) kept as text at the "
                        "end: a table or other matter a text cannot place",
                        count=len(layout.trailing),
                        first=layout.trailing[0][1][:60],
                    ),
                    field="annex",
                )
            )
        if layout.unplaced:
            res.unplaced += [self._markup(text) for _, text in layout.unplaced]
            self.findings.append(
                Finding(
                    "import.annex",
                    Severity.INFO,
                    say(
                        "{count} blocks from “{first}” on kept as text",
                        count=len(layout.unplaced),
                        first=layout.unplaced[0][1],
                    ),
                )
            )

    def _paras(self, items: list[tuple[str, str]]) -> list[_Para]:
        paras: list[_Para] = []
        for first, text in items:
            if SECTION_MARK.match(first) and len(text) < MAX_HEADING_CHARS and not _ends(text):
                paras.append(_Para("heading", "", text))  # "I" / "A." over a section title
                continue
            paras.append(_classify(text))
        return _numbered_items(_numbers_without_points(paras))

    def _build(self, res: Resolution, paras: list[_Para], tpl: Template | None) -> None:
        numbered = any(p.kind == "num" for p in paras)
        amendment = res.header.kind is DocumentKind.AMENDMENT
        part = Part.PREAMBLE
        top: Paragraph | None = None
        nesting = Nesting()  # the open subparagraph lists under `top`
        nodes: list[Paragraph] = []  # the last paragraph placed at each depth, `top` first
        pending_heading: list[str] = []
        closing: list[str] = []
        # the last run of unnumbered paragraphs ending in "." or ";" is operative when nothing is numbered
        op_from = _unnumbered_operative_start(paras) if not numbered else None
        prev_text = ""
        typed = TypedLabels()  # typed numbers and labels out of sequence
        for i, p in enumerate(paras):
            if p.kind != "sub":
                prev_text = p.text
            if closing or closing_line(p.text):
                closing.append(p.text)
                continue
            if p.kind == "heading" or (
                p.kind == "plain" and self._heading(p, paras[i + 1 : i + 2], pending_heading, numbered)
            ):
                pending_heading.append(p.text)
                continue
            if amendment and p.kind in ("plain", "num") and instruction_sentence(p.text):
                sentence = Paragraph(text=self._markup(p.text.strip()))  # read into instructions after notes
                res.part(part).append(sentence)
                self.amend_order.append(sentence)
                self.amend_sentences.add(sentence.id)
                top = None
                continue
            if p.kind == "decision":  # the organ line ran on: one operative sentence
                p = _Para("plain", "", p.text)
                part = Part.OPERATIVE
            if p.kind == "num" or (op_from is not None and i >= op_from and p.kind == "plain"):
                part = Part.OPERATIVE
            if (
                p.kind == "sub"
                and top is not None
                and not nesting.lists
                and _runs_on_in_text(top.text, p.label)
            ):
                # "(b) …" at a line start after "(a) …" ran into the paragraph's own words: the same run-in list
                top.text = f"{top.text.rstrip()} {p.label} {self._finish(p.text)}"
                continue
            if p.kind == "sub" and top is not None:
                node = Paragraph(text=self._finish(p.text))
                if p.item or p.label in BULLETS:
                    self.items.add(node.id)
                depth = nesting.place(p.label, nest=_MARK_RE.sub("", prev_text).rstrip().endswith(":"))
                nodes[depth - 1].subparagraphs.append(node)
                typed.label(node, p.label, nesting.in_order, depth, len(nodes[depth - 1].subparagraphs))
                nodes[depth:] = [node]
                prev_text = p.text
                continue
            if (
                p.kind == "plain"
                and top is not None
                and nesting.lists
                and not pending_heading  # text under a heading opens a paragraph
                and not self._starts_paragraph(p, part, numbered)
            ):
                if nodes[-1] is not top and _MARK_RE.sub("", nodes[-1].text).rstrip().endswith(":"):
                    # an item's own chapeau under its heading ("(d) Supporting …:" / "To carry out …:"): no
                    # tail follows a colon
                    nodes[-1].text = f"{nodes[-1].text.rstrip()} {self._finish(p.text)}"
                    prev_text = p.text
                    continue
                top.tail = self._finish(p.text)
                nesting.reset()
                continue
            top = self._top(res, p, part, tpl, section_preambles=numbered and not amendment)
            if p.kind == "num" and part is Part.OPERATIVE and not amendment:
                typed.number(top, p.number, res.part(part))
            top.heading = "\n".join(self._markup(line) for h in pending_heading for line in heading_lines(h))
            pending_heading.clear()
            nesting.reset()
            nodes = [top]
        settle_opening_section(res.preamble, res.operative)
        self._left_over(res, pending_heading, closing)
        self.findings += typed.settled()

    def _top(
        self, res: Resolution, p: _Para, part: Part, tpl: Template | None, *, section_preambles: bool
    ) -> Paragraph:
        """A top-level paragraph, added to its part: numbered afresh after a "1." (a Fifth Committee section), or
        unnumbered when it is a section's own "Recalling …," among numbered operative paragraphs."""
        top = self._paragraph(p, part, tpl)
        if section_preambles and p.kind == "plain" and part is Part.OPERATIVE and not top.opener:
            own = self._paragraph(p, Part.PREAMBLE, tpl)  # "Reaffirming …," after "* * *", its opener plain
            top = own if section_preamble(own.opener, _LANGUAGE.get()) else top
        items = res.part(part)
        top.restart = p.kind == "num" and part is Part.OPERATIVE and restarts(p.number, items)
        top.numbered = not (
            section_preambles
            and p.kind == "plain"
            and part is Part.OPERATIVE
            and bool(items)
            and section_preamble(top.opener, _LANGUAGE.get())
        )
        items.append(top)
        if res.header.kind is DocumentKind.AMENDMENT:
            self.amend_order.append(top)
        return top

    def _left_over(self, res: Resolution, pending_heading: list[str], closing: list[str]) -> None:
        """A heading with no paragraph after it is kept as text; adoption lines are left out, with findings."""
        for heading in pending_heading:
            res.unplaced.append(heading)
            self.findings.append(
                Finding(
                    "import.unplaced",
                    Severity.WARNING,
                    say("“{heading}” kept as annex text", heading=heading),
                )
            )
        if closing:
            self.findings.append(
                Finding(
                    "import.closing",
                    Severity.INFO,
                    say("adoption lines left out (a draft has none): {lines}", lines=" / ".join(closing)),
                )
            )

    @staticmethod
    def _heading(p: _Para, following: list[_Para], pending: list[str], numbered: bool) -> bool:
        """An unnumbered block that is a heading line: the title under a section's numeral, or (in a numbered
        text) a title-like line right before a numbered paragraph ("Travel ban")."""
        text = _MARK_RE.sub("", p.text).strip()
        if closing_line(text) or _explicit_opener(p.text):  # an italic opener opens a paragraph
            return False
        if SEPARATOR.fullmatch(text):
            return True  # "* * *" alone is never a paragraph of its own
        before_numbered = numbered and bool(following) and following[0].kind == "num"
        # an opener in italics, or (plain text has none) one the lexicon lists
        before_opener = (
            bool(following)
            and following[0].kind == "plain"
            and (
                bool(_explicit_opener(following[0].text)) or _known_start(_MARK_RE.sub("", following[0].text))
            )
        )
        if pending:
            return not _ends(text)
        return section_heading(
            text,
            after_heading=False,
            before_numbered=before_numbered,
            before_opener=before_opener,
            language=_LANGUAGE.get(),
        )

    def _starts_paragraph(self, p: _Para, part: Part, numbered: bool) -> bool:
        if part is Part.OPERATIVE and numbered:  # a paragraph is numbered there, or a section's own preamble
            return section_preamble(_explicit_opener(p.text), _LANGUAGE.get())
        return bool(_explicit_opener(p.text)) or bool(_detect(inline.plain(p.text), part, None))

    def _paragraph(self, p: _Para, part: Part, tpl: Template | None) -> Paragraph:
        text = p.text
        m = _OPENER_MARK.match(text)
        if m:  # an explicit italic opener wins
            opener = m.group("t")
            rest = text[m.end() :]
        else:
            opener = _detect(_plain_with_marks(text), part, tpl)
            if not opener and p.kind != "num":
                # an unnumbered paragraph with the other part's opener keeps it: a section's own preamble
                # ("Recalling" among operative paragraphs), or an operative verb misplaced in the preamble,
                # which the checks then name
                other = Part.OPERATIVE if part is Part.PREAMBLE else Part.PREAMBLE
                opener = _detect(_plain_with_marks(text), other, tpl)
                opener = opener if lexicon.is_known(opener, other, _LANGUAGE.get()) else ""
            rest = text[len(opener) :] if opener and _plain_with_marks(text).startswith(opener) else text
            if opener and not _MARK_RE.sub("", rest).strip(" ,;:.") and " " in opener:
                # an opener is never the whole paragraph ("Decides to remain seized of the matter.")
                opener = _detect(opener.split(" ")[0], part, tpl)
                rest = text[len(opener) :]
            if not rest.startswith((" ", ",", ";", ":", ".", "\x01")) and rest:
                opener, rest = "", text
            opener = inline.plain(self._markup(opener)) if opener else ""
        return Paragraph(opener=_unescape(opener), text=self._finish(rest.lstrip()))

    def _finish(self, text: str) -> str:
        """Markup with the punctuation as written (the import settles typed ends once: app/io/typed_ends.py)."""
        return self._markup(text.strip())


# ---- helpers ---------------------------------------------------------------------------------------------------


_NO_MARKS = dict.fromkeys(map(ord, "\u200b\u200e\u200f\u2060\ufeff"))  # zero-width and direction marks
_DOUBLE_SPACE = re.compile(r"(?<=\S)  (?=\S)")
_LINE_BREAKS = re.compile(
    "\r\n|[\r\u2028\u2029\x85\x0b\x1c-\x1e]"
)  # every line break str.splitlines knows but \f (a page)


def _normalise(text: str) -> list[str]:
    text = _LINE_BREAKS.sub("\n", text).replace("\xa0", " ").translate(_NO_MARKS)
    lines = text.split("\n")
    if lines and lines[0].startswith("# source:"):
        lines = lines[1:]
    return [line.rstrip() for line in lines]


def _word_forms(lines: list[str]) -> set[str]:
    words: set[str] = set()
    for line in lines:
        for m in _WORD.finditer(line):
            w = m.group(0).lower().replace("\u2011", "-")
            words.add(w)
    return words


def _blocks(lines: list[str], pages: list[int]) -> list[_Block]:
    """Blank-line separated blocks; a page break continues the block unless a new paragraph starts there."""
    blocks: list[_Block] = []
    current: _Block | None = None
    broke = False
    for line, page in zip(lines, pages, strict=True):
        s = line.strip()
        if s == PAGE_BREAK:
            if current is not None:
                blocks.append(current)
                current = None
            broke = True
            continue
        if not s:
            if current is not None:
                blocks.append(current)
                current = None
            continue
        if current is not None and _STRICT_ORGAN.match(s):
            blocks.append(current)  # the organ line always starts a block, blank line or not
            current = None
        if current is None:
            if broke and blocks and _continues(blocks[-1], s):
                current = blocks.pop()
            elif not broke and blocks and _runs_on(blocks[-1], s) and not _annex_title(blocks):
                current = blocks.pop()  # a blank line inside a paragraph (some extractors put them there)
            else:
                current = _Block([], [], after_break=broke)
            broke = False
        current.lines.append(line)
        current.pages.append(page)
    if current is not None:
        blocks.append(current)
    # a label alone ("1.", "(a)") belongs to the block after it, also when it ends a block of its own lines
    merged: list[_Block] = []
    for block in blocks:
        if merged and _label_only(merged[-1]):
            merged[-1].lines += block.lines
            merged[-1].pages += block.pages
            continue
        if merged and len(merged[-1].lines) > 1 and _LABEL_LINE.fullmatch(merged[-1].lines[-1].strip()):
            block.lines.insert(0, merged[-1].lines.pop())
            block.pages.insert(0, merged[-1].pages.pop())
        elif merged and len(merged[-1].lines) > 1 and SECTION_MARK.match(merged[-1].lines[-1].strip()):
            # a part's letter or a section's numeral that ends a block stands alone, as a blank line sets it
            merged.append(_Block([merged[-1].lines.pop()], [merged[-1].pages.pop()]))
        merged.append(block)
    return merged


# a label alone on its line: "1.", "(a)", "(aa)", "(iv)", "a.", "aa.", "iv.", a bullet glyph (a word such as "in."
# is none; nor is a dash, which may be a rule)
_LABEL_LINE = re.compile(
    r"(?:[•◦▪‣⁃\uf0b7]|\d{1,3}\.|\((?:[a-z]|([a-z])\1|[ivxlc]{1,5})\)|[a-z]\.|([a-z])\2\.|[ivxlc]{1,4}\.)"
)


def _label_only(block: _Block) -> bool:
    return bool(_LABEL_LINE.fullmatch(" ".join(x.strip() for x in block.lines)))


def _continues(prev: _Block, line: str) -> bool:
    """Does the text after a page break continue the paragraph before it?"""
    last = prev.lines[-1].strip()
    if _label_only(prev):
        return True
    if not ends_with_mark(_MARK_RE.sub("", last).rstrip(SUPERSCRIPTS + " "), ",;:."):
        return True
    if line[:1].islower():
        return True
    if _NUMBER.match(line) or _sub_match(line) or _OPENER_MARK.match(line) or closing_line(line):
        return False
    if last.endswith(".") and line[:1].isupper():
        return False
    return not _detect(line, Part.PREAMBLE, None) and not _detect(line, Part.OPERATIVE, None)


def _runs_on(prev: _Block, line: str) -> bool:
    """After a blank line: does the text go on with the paragraph before? Only when that paragraph has not
    ended (no terminal punctuation) and the line does not open a paragraph of its own."""
    last = _MARK_RE.sub("", prev.lines[-1].strip()).rstrip(SUPERSCRIPTS + " ")  # "…children;¹" has ended
    first = prev.lines[0].strip()
    in_list = bool(
        _SUB_PAREN.match(first) or _SUB_DOT.match(first) or _BULLET.match(first)
    )  # a preambular subparagraph ends with ","
    if last.endswith(",") and line[:1].islower() and not _starts_block(line) and not in_list:
        return True  # "…all their civil," / "political, economic …"
    if not last or ends_with_mark(last, ",;:.!?") or _label_only(prev) or annex_or_appendix(last):
        return False
    if SECTION_MARK.match(line) or annex_or_appendix(line):
        return False  # a part's letter, a section numeral, an annex heading stand alone
    if line[:1].isupper() and _heading_line(prev):
        return False  # a short line alone ("Guideline 4", "Scope") is a heading, not a wrapped line
    if len(prev.lines) == 1 and len(last) > 110 and line[:1].isupper():
        return False  # longer than a printed line: a whole block of text set one block per line
    if _STRICT_ORGAN.match(last) or _STRICT_ORGAN.match(line) or _starts_block(line) or closing_line(line):
        return False
    from app.io.text_header import _classify as header_kind

    if header_kind(last) != "text" or header_kind(line) != "text":
        return False  # masthead and agenda lines stand alone
    return line[:1].islower() or not SECTION_MARK.match(last)


_BROKEN_OFF = re.compile(
    r"\b(?:the|of|and|or|to|in|for|a|an|with|on|by)$"
)  # a line that broke off mid-phrase


def _heading_line(block: _Block) -> bool:
    """A block of one short line that neither ends a sentence nor breaks off mid-phrase: a heading."""
    last = _MARK_RE.sub("", block.lines[-1].strip()).rstrip(SUPERSCRIPTS + " ")
    return (
        len(block.lines) == 1
        and 0 < len(last) < 40
        and last[:1].isupper()
        and not ends_with_mark(last, ",;:.!?")
        and not _starts_block(last)
        and not (_sub_match(last) or _BROKEN_OFF.search(last))
    )


def _annex_title(blocks: list[_Block]) -> bool:
    """The last block is a title under an "Annex" line, a part's letter or a section numeral ("I"): the text
    after it is not its tail."""
    if len(blocks[-1].lines) > 1 and (
        annex_or_appendix(blocks[-1].first) or SECTION_MARK.match(blocks[-1].first)
    ):
        return True  # the heading line and its title in one block
    if len(blocks) >= 2 and _adopted_title(blocks[-2], blocks[-1]):
        return True
    if len(blocks) < 2 or len(blocks[-2].lines) != 1:
        return False
    return bool(annex_or_appendix(blocks[-2].first) or SECTION_MARK.match(blocks[-2].first)) or (
        len(blocks[-1].lines) == 1
        and _heading_line(blocks[-2])  # "Guideline 6" over its title
        and not _opens_labelled(
            blocks[-1].first
        )  # a numbered paragraph's first line under "Reporting" is none
    )


def _adopted_title(before: _Block, block: _Block) -> bool:
    """`block` is the title of a text the paragraph `before` adopts ("Adopts the following outcome document
    …:" over "Outcome document of the high-level meeting …"): a few lines that do not open a paragraph."""
    last = _MARK_RE.sub("", before.lines[-1]).rstrip(SUPERSCRIPTS + " ")
    first = block.first
    return (
        last.endswith(":")
        and len(block.lines) <= 4
        and first[:1].isupper()
        and not (_NUMBER.match(first) or _SUB_PAREN.match(first) or _starts_block(first))
        # a title never breaks off mid-phrase ("To carry out … in support of the" / "implementation of …:")
        and not _BROKEN_OFF.search(_MARK_RE.sub("", block.lines[-1]).strip())
    )


_ITEM_JOINED = re.compile(r"[,;]\s+(?:and|or)$")


MAX_PIECE_WORDS = 10  # the words of a displaced piece of a line: never a paragraph's worth


def _displaced_run(body: list[_Block], start: int) -> int:
    """The end of a run of short blocks from `start` that start in small letters and end no sentence, followed
    by a block that opens a paragraph (or by nothing): pieces of lines set apart. `start` when there is none."""
    words = 0
    end = start
    # a piece may be set one word a line ("to" / "facilitate" / "the prevention, mitigation, and"): the words count
    while end < len(body) and len(body[end].lines) <= MAX_PIECE_WORDS:
        text = _MARK_RE.sub("", " ".join(x.strip() for x in body[end].lines)).strip()  # note markers aside
        words += len(text.split())
        # a piece ends with no mark; a paragraph's tail after its list ends as the paragraph does ("the,")
        if not text[:1].islower() or ends_with_mark(text, ".,;:") or words > MAX_PIECE_WORDS:
            break
        end += 1
    following = body[end].first if end < len(body) else ""
    return end if end > start and (not following or _starts_block(following)) else start


def _split_block(block: _Block, *, council: bool = False) -> list[list[str]]:
    """A block with a paragraph per line (typed text without blank lines) splits at each new paragraph
    (`council`: a Security Council text, where nothing runs on from its last paragraph)."""
    chunks: list[list[str]] = [[]]
    lines = block.lines
    long_lines = sum(len(x) > 110 for x in lines) >= max(1, len(lines) // 2)
    for i, line in enumerate(lines):
        s = line.strip()
        if i and chunks[-1]:
            prev = lines[i - 1].strip()
            ends = ends_with_mark(_MARK_RE.sub("", prev), ",;:.") and not _LABEL_LINE.fullmatch(prev)
            sub = _sub_match(s)
            run_in = bool(sub) and _runs_on_inline(" ".join(chunks[-1]), s)
            # a label at a line start inside a run-in list ("there are: (a) …; (b) …") only wraps there
            label = bool(_NUMBER.match(s) or (sub and not run_in) or _OPENER_MARK.match(s) or closing_line(s))
            opens = ends and (label or (long_lines and _detect(s, Part.PREAMBLE, None)) or _known_start(s))
            # the item before the last ends "…, and" / "…; or": the next labelled line is the last item
            opens = opens or bool(sub and not run_in and _ITEM_JOINED.search(_MARK_RE.sub("", prev)))
            # a heading ("Reporting") or an item that heads a list, alone before a labelled line
            headed = (label or _known_start(s)) and (
                _heads_a_list([x.strip() for x in chunks[-1]], s)
                or _titles_a_mark(chunks[-1], ends)
                or (len(chunks[-1]) == 1 and _title_line(prev))
            )
            # a title alone between two paragraphs ("Countries in special situations")
            titled_apart = ends and _heading_line(_Block([s], [0])) and _known_start(_next_line(lines, i))
            separated = chunks[-1] == [lines[i - 1]] and SEPARATOR.fullmatch(prev)  # "* * *" stands alone
            # with no blank lines about them: "Annex", a part's or section's mark, and a title a paragraph
            # adopts, each stand apart
            under_mark = _titles_a_mark(chunks[-1], ends)
            marked = _mark_line(s) and (ends or under_mark or _heading_line(_Block(chunks[-1], [0])))
            marked = marked or (annex_or_appendix(s) and not _BROKEN_OFF.search(prev))  # after adoption lines
            # the text under a mark's title: a paragraph that opens as paragraphs do, or in its own voice
            marked = marked or (
                under_mark and (_starts_block(s) or bool(text_structure.SPEAKS_AS_WE.match(s)))
            )
            titled = _adopted_title_at(lines, i) or (_opens_adopted(s) and _title_before(lines, i))
            # nothing runs on from the paragraph that ends an SC resolution: an annex follows ("Contents")
            closed = (
                council
                and ends
                and len(chunks[-1]) <= 3
                and last_paragraph(" ".join(x.strip() for x in chunks[-1]))
            )
            if opens or headed or separated or closed or marked or titled or titled_apart:
                chunks.append([])
            elif (
                label
                and len(chunks[-1]) > 1
                and _heads_a_list([prev], s)
                and ends_with_mark(lines[i - 2], ";:.")
            ):  # ended (a comma may end a line inside one)
                chunks[-1].pop()  # a heading between a paragraph that ended and a labelled one
                chunks += [[lines[i - 1]], []]
            elif (
                (num := _NUMBER.match(s))
                and (s[num.end() :][:1].isupper() or not s[num.end() :].strip())  # "1." alone: text below
                and (k := _heading_before(chunks[-1]))
            ):
                # a heading of one or two lines between the preamble's last paragraph and "1. Urges …"
                heading = chunks[-1][-k:]
                del chunks[-1][-k:]
                chunks += [heading, []]
        chunks[-1].append(line)
    return [c for c in chunks if c]


PRINTED_LINE_CHARS = 95  # an L document's line holds about 90 characters
# a PDF's text layer keeps the printed lines: at most a few in a hundred run longer (pdftotext's joins, 8 % in
# the issued drafts and resolutions read); a text with a paragraph to a line (saved from Word) has most
MAX_LONG_SHARE = 0.25


def _wrapped(lines: list[str]) -> bool:
    """Whether the lines are printed lines (a PDF's text layer), not a paragraph each."""
    kept = [line for line in lines if line.strip()]
    return sum(len(line.strip()) > PRINTED_LINE_CHARS for line in kept) <= MAX_LONG_SHARE * len(kept)


def _title_line(line: str) -> bool:
    """A line that could be a heading's title: a capital first, no longer than a printed line, ending no
    sentence and not breaking off mid-phrase."""
    text = _MARK_RE.sub("", line).strip()
    return (
        0 < len(text) <= PRINTED_LINE_CHARS
        and text[:1].isupper()
        and not ends_with_mark(text, ",;:.")
        and not _BROKEN_OFF.search(text)
    )


_INLINE_LABEL = re.compile(r"(?<=\s)\((?P<l>[a-z]{1,5}|[ivxlc]{1,6})\)\s")


def _runs_on_inline(chunk: str, line: str) -> bool:
    """Does `line`'s label go on with a run-in list of `chunk` ("there are: (a) …; (b) …"), the label before
    it standing inside the chunk's text? A set-apart "(b)" after "(a) … by: (i) …; (ii) …" does not."""
    m = _sub_match(line)
    if not m or _RUN_IN_LABEL.search(chunk) is None:
        return False
    inline = {x.group("l") for x in _INLINE_LABEL.finditer(chunk)}
    for kind, index in label_readings(f"({m.group('l')})"):
        if index > 1 and (letters(index - 1) if kind.startswith("letter") else roman(index - 1)) in inline:
            return True
    return False


def _next_line(lines: list[str], i: int) -> str:
    return lines[i + 1].strip() if i + 1 < len(lines) else ""


def _mark_line(line: str) -> bool:
    """ "Annex II", "Appendix", "B", "IV.": a line that heads what follows and stands alone."""
    s = line.strip()
    return bool(annex_or_appendix(s) or SECTION_MARK.match(s))


MAX_TITLE_LINES = 6  # the longest annex title and subtitle seen run to five lines


def _titles_a_mark(chunk: list[str], ends: bool) -> bool:
    """Is `chunk` a section's or an annex's mark and its title ("II" over "Implementation of the Durban
    Declaration …"), a few lines that end no sentence?"""
    return not ends and 1 < len(chunk) <= 1 + MAX_TITLE_LINES and _mark_line(chunk[0])


def _adopted_title_at(lines: list[str], i: int) -> bool:
    """Do lines[i:] open the title of a text that the paragraph ending at lines[i - 1] with a colon adopts
    ("Adopts the following political declaration:" over "Political declaration of …" over "1.")? A few
    capitalised lines that end no sentence, then the adopted text's first line: where the text has no blank
    lines, the title starts a block of its own, and so does that line."""
    before = _MARK_RE.sub("", lines[i - 1]).rstrip(SUPERSCRIPTS + " ")
    if not before.endswith(":") or not lines[i].strip()[:1].isupper():
        return False
    for j in range(i, min(i + MAX_TITLE_LINES, len(lines))):
        s = lines[j].strip()
        if j > i and _opens_adopted(s):
            return True
        if ends_with_mark(_MARK_RE.sub("", s), ",;:.") or _opens_labelled(s):
            return False
    return False


def _opens_adopted(line: str) -> bool:
    """The first line of a text a paragraph adopts, under its title: "1.", "We, the Heads of State …", or an
    opener ("Recalling …")."""
    return bool(_NUMBER.match(line) or text_structure.SPEAKS_AS_WE.match(line)) or _known_start(line)


def _title_before(lines: list[str], i: int) -> bool:
    """Is lines[i] the numbered line under a title that `_adopted_title_at` set apart?"""
    return any(_adopted_title_at(lines, k) for k in range(max(1, i - MAX_TITLE_LINES), i))


def _heading_before(chunk: list[str]) -> int:
    """How many last lines of `chunk` (one or two) are a heading over the numbered line that follows: the line
    before them ended a paragraph (a comma too: the preamble's last), and they start with a capital, end
    without punctuation and do not break off mid-phrase. 0 when they are none."""
    for k in (1, 2):
        if len(chunk) <= k or not ends_with_mark(_MARK_RE.sub("", chunk[-k - 1]).strip(), ",;:."):
            continue
        text = " ".join(x.strip() for x in chunk[-k:])
        if (
            len(text) < MAX_HEADING_CHARS
            and text[:1].isupper()
            and not ends_with_mark(text, ",;:.!?")
            and not _BROKEN_OFF.search(text)
            and not any(_starts_block(x.strip()) for x in chunk[-k:])
        ):
            return k
    return 0


def _heads_a_list(chunk: list[str], line: str) -> bool:
    """Do the lines of `chunk` head the labelled `line` rather than run on into it? A heading alone on its line
    ("Reporting") over a numbered paragraph; an item that is a heading ("(a) Protection of civilians", on one
    line or two) over the first item of its own list ("(i) To protect …"). Neither ends in punctuation nor
    breaks off mid-phrase."""
    if len(chunk) == 1 and _heading_line(_Block(chunk, [0])):
        return True
    text = " ".join(chunk)
    m = _sub_match(text)
    sub = _sub_match(line)
    if not m or not sub or len(chunk) > 2:
        return False
    rest = text[m.end() :]
    first = sub.group("l") in BULLETS or any(index == 1 for _, index in label_readings(f"({sub.group('l')})"))
    return (
        first and rest[:1].isupper() and not ends_with_mark(rest, ",;:.!?") and not _BROKEN_OFF.search(rest)
    )


def _split_at_foreign_organ_line(blocks: list[_Block]) -> list[_Block]:
    """A French or Spanish masthead runs into its organ line in one block (the masthead words are not
    English, so nothing ends the header): the organ line starts a block of its own."""
    if _LANGUAGE.get() == "en":
        return blocks
    for bi, block in enumerate(blocks):
        for li, line in enumerate(block.lines):
            m = _ORGAN_LINE.match(line.strip())
            if li and m and m.group("foreign"):
                head = _Block(block.lines[:li], block.pages[:li], block.after_break)
                rest = _Block(block.lines[li:], block.pages[li:])
                return [*blocks[:bi], head, rest, *blocks[bi + 1 :]]
    return blocks


MASTHEAD_BLOCKS = 8  # symbol, "United Nations", organ, distribution and date, job number, barcode, ...


def _cut_unbroken_header(blocks: list[_Block]) -> list[_Block]:
    """Text without blank lines and without an organ line (an amendment, say): cut the block after the
    sponsor line and the title lines that follow it, where the first paragraph starts."""
    from app.io.text_header import _KIND_END, sponsor_line

    if any(_ORGAN_LINE.match(b.first) for b in blocks) or any(
        sponsor_line(" ".join(b.lines)) for b in blocks
    ):
        return blocks
    # the masthead may stand in blocks of its own (pdftotext sets a blank line between its lines)
    for bi, block in enumerate(blocks[:MASTHEAD_BLOCKS]):
        for li, line in enumerate(block.lines[:80]):
            if not _KIND_END.search(line):
                continue
            for start in range(li + 1, len(block.lines)):
                s = block.lines[start].strip()
                if _NUMBER.match(s) or _known_start(s) or _INSTRUCTION.match(s) or opens_instruction(s):
                    head = _Block(block.lines[:start], block.pages[:start])
                    rest = _Block(block.lines[start:], block.pages[start:])
                    sponsor = _Block(head.lines[: li + 1], head.pages[: li + 1])
                    title = _Block(head.lines[li + 1 :], head.pages[li + 1 :])
                    parts = [b for b in (sponsor, title) if b.lines]
                    return blocks[:bi] + parts + [rest] + blocks[bi + 1 :]
            return blocks
    return blocks


def _sub_label_alone(line: str) -> bool:
    """A subparagraph label alone on its line ("(i)", "•"; not a paragraph number, whose line may follow a
    heading)."""
    return _label_only(_Block([line], [0])) and not _NUMBER.match(line)


def _opens_labelled(line: str) -> bool:
    return bool(_NUMBER.match(line) or _sub_match(line) or _SUB_DOT.match(line))


def _starts_block(line: str) -> bool:
    """A line that opens a paragraph (so it cannot continue a footnote typed without a blank line after it)."""
    return (
        bool(_NUMBER.match(line) or _sub_match(line) or _OPENER_MARK.match(line) or _STRICT_ORGAN.match(line))
        or _known_start(line)
        or opens_instruction(line)
    )


def _known_start(line: str) -> bool:
    """Does a line open with an opener the lexicon lists (not just a word ending in -ed or -s)?"""
    from app.lexicon import phrases

    global _HEADS
    if _HEADS is None:
        _HEADS = frozenset(
            p.split()[0].lower() for part in Part for p in phrases(part) if p.split()
        ) | frozenset(("also", "further", "once", "strongly", "deeply", "gravely", "seriously", "noting"))
    first = line.split(" ", 1)[0].lower().rstrip(",;:")
    if first not in _HEADS or not line[:1].isupper():
        return False
    return bool(_detect(line, Part.PREAMBLE, None) or _detect(line, Part.OPERATIVE, None))


_HEADS: frozenset[str] | None = None


def _header_end(blocks: list[_Block]) -> int:
    """Index of the first body block: the organ line; else what follows the sponsor line and title; else the
    first numbered or opener-led paragraph."""
    from app.io.text_header import sponsor_line

    for i, block in enumerate(blocks):
        m = _ORGAN_LINE.match(block.first)
        if m and (_organ_of(m) in ORGANS or (m.group("comma") and len(block.first) < 70)):
            return i
    joined = [" ".join(x.strip() for x in b.lines) for b in blocks]
    for i, text in enumerate(joined):
        if sponsor_line(text):
            j = i + 1
            while j < len(blocks) and not _ends(joined[j]) and not _NUMBER.match(joined[j]):
                j += 1
            return j
    for i, text in enumerate(joined):
        if _NUMBER.match(text) or _OPENER_MARK.match(text) or opens_instruction(text):
            return i
        if _ends(text) and _detect(text, Part.PREAMBLE, None) and not _classify_header_line(blocks[i].first):
            return i
    return 0


def _classify_header_line(line: str) -> bool:
    from app.io.text_header import _classify as classify

    return classify(line) != "text"


def _runs_on_in_text(text: str, label: str) -> bool:
    """A label ("(b)", "(ii)") whose list began inside `text` ("… by (a) providing …"): the label before it
    stands in the paragraph's own words, so this one continues them rather than opening a subparagraph."""
    core = label.strip("().")
    before = [name(i - 1) for name, i in ((roman, roman_index(core)), (letters, letter_index(core))) if i > 1]
    plain = inline.plain(text)
    return any(f"({b}) " in plain for b in before)


def _sub_match(text: str) -> re.Match[str] | None:
    """A "(a)" label or a bullet; in a French or Spanish text also "a)"."""
    return (
        _SUB_PAREN.match(text)
        or _BULLET.match(text)
        or (_SUB_CLOSE.match(text) if _LANGUAGE.get() != "en" else None)
    )


def _classify(text: str) -> _Para:
    m = _PP_LABEL.match(text)
    if m:
        return _Para("plain", "", text[m.end() :])
    m = _NUMBER.match(text)
    if m:
        return _Para(
            "num", m.group("n") or m.group("n2"), text[m.end() :], int(m.group("n") or m.group("n2"))
        )
    m = _sub_match(text)
    if m:
        label = m.group("l")
        return _Para("sub", label if label in BULLETS else f"({label})", text[m.end() :])
    m = _SUB_DOT.match(text)
    if m and len(text) > m.end() and text[m.end()].isupper():
        return _Para("sub", f"{m.group('l')}.", text[m.end() :])
    if marked_heading(text):
        return _Para("heading", "", text)
    return _Para("plain", "", text)


_BARE_NUMBER = re.compile(r"(?P<n>\d{1,3})\s+(?=[A-Z])")


def _numbers_without_points(paras: list[_Para]) -> list[_Para]:
    """A paragraph number whose point the text lost ("11  Condemns …" after paragraph 10): numbered when it is
    the next number and an operative verb follows it."""
    last = 0
    for i, p in enumerate(paras):
        if p.kind == "num":
            last = p.number
            continue
        m = _BARE_NUMBER.match(p.text) if p.kind == "plain" and last else None
        if m and int(m.group("n")) == last + 1 and _detect(p.text[m.end() :], Part.OPERATIVE, None):
            paras[i] = _Para("num", m.group("n"), p.text[m.end() :], last + 1)
            last += 1
    return paras


_WRAPPED_NOTE_LINES = 3  # a note typed at the end wraps onto at most this many lines


def _trailing_notes_start(lines: list[str]) -> int:
    """Where the notes typed at the end of a text begin: the first of the last lines that start with a note's
    number ("1 A/80/83.", "1/ S/25045."), with the lines a note's text wraps onto below each; len(lines) when
    the text ends in none."""
    start = end = len(lines)
    wrapped = 0  # lines above the notes found so far that no number starts
    for i in range(end - 1, -1, -1):
        s = lines[i].strip()
        if not s:
            continue
        if re.match(r"^\d{1,3}/?\s+\S", s) and not _NUMBER.match(s):
            start, wrapped = i, 0
            continue
        wrapped += 1
        if wrapped > _WRAPPED_NOTE_LINES:
            break
    return start


def _trailing_note(line: str) -> re.Match[str] | None:
    """A note typed at the end of the text: "1 A/80/83." or, in UN documents typed before about 2000,
    "1/ S/25045."."""
    return NOTE_START.match(line) or SLASH_NOTE.match(line)


def _numbered_items(paras: list[_Para]) -> list[_Para]:
    """Items a paragraph numbers "1.", "2." … after its colon, the paragraph numbering going on after them
    ("7. … the following:", "1. Resolution of …", "2. Implementation of …", "8. Urges …"): subparagraphs of
    that paragraph, as a bulleted list's items are, lettered when printed."""
    last: _Para | None = None  # the last numbered paragraph
    i = 0
    while i < len(paras):
        p = paras[i]
        if p.kind == "num" and p.number == 1 and last is not None and last.number > 1:
            run = _item_run(paras, i, last.number + 1)
            if run and _MARK_RE.sub("", last.text).rstrip().endswith(":"):
                for k, j in enumerate(run):
                    paras[j] = _Para("sub", f"({letters(k + 1)})", paras[j].text, item=True)
                i = run[-1] + 1
                continue
        if p.kind == "num":
            last = p
        i += 1
    return paras


def _item_run(paras: list[_Para], start: int, after: int) -> list[int]:
    """The indices of the paragraphs numbered 1, 2 … from `start` when the next numbered one is `after`."""
    run: list[int] = []
    for j in range(start, len(paras)):
        p = paras[j]
        if p.kind != "num":
            continue
        if p.number == len(run) + 1:
            run.append(j)
        else:
            return run if p.number == after else []
    return []


def _unnumbered_operative_start(paras: list[_Para]) -> int | None:
    """Without numbers, the operative part is the last run of paragraphs that end in "." or ";" (a paragraph
    with subparagraphs ends where its last subparagraph ends) and do not open with a participle."""
    groups: list[tuple[int, str]] = []  # (index of the paragraph, the text its group ends with)
    for i, p in enumerate(paras):
        if closing_line(p.text):
            break  # the adoption lines of a part end it
        if p.kind == "plain":
            groups.append((i, p.text))
        elif p.kind == "sub" and groups:
            groups[-1] = (groups[-1][0], p.text)
    start = None
    for i, last in reversed(groups):
        end = _MARK_RE.sub("", last).rstrip()
        head = paras[i].text
        if end.endswith(",") or _looks_preambular(head):
            break
        if end.endswith((".", ";")) or _looks_operative(head):
            start = i
        else:
            break
    return start


def _first_word(text: str) -> str:
    m = _OPENER_MARK.match(text)
    return (m.group("t") if m else _MARK_RE.sub("", text)).split(" ")[0].strip(",;:.").lower()


def _looks_preambular(text: str) -> bool:
    word = _first_word(text)
    return word.endswith(("ing", "ed")) and not _looks_operative(text)


def _looks_operative(text: str) -> bool:
    m = _OPENER_MARK.match(text)
    probe = m.group("t") if m else _MARK_RE.sub("", text)
    return bool(_detect(probe, Part.OPERATIVE, None)) and not _detect(probe, Part.PREAMBLE, None)


def _ends(text: str) -> bool:
    return ends_like_a_paragraph(_MARK_RE.sub("", text))


def _explicit_opener(text: str) -> str:
    m = _OPENER_MARK.match(text)
    return m.group("t") if m else ""


def _detect(text: str, part: Part, tpl: Template | None) -> str:
    """The lexicon's opener, ended before a trailing "of" as issued UN documents set it."""
    from app.lexicon import detect_opener

    text = _MARK_RE.sub("", text)
    opener = detect_opener(text, part, template=tpl, language=_LANGUAGE.get())
    if opener.endswith(" of") and len(opener.split()) > 2:
        opener = opener[:-3]
    return opener


def _plain_with_marks(text: str) -> str:
    return _LINK.sub(r"\1", text)


def _symbol(label: str) -> str:
    """The mark a note keeps: its asterisks ("**"), as issued; "" for a numbered or named note."""
    return label if re.fullmatch(r"\*{1,3}", label) else ""


def _marker_labels(text: str) -> set[str]:
    labels = {
        m.group(0).translate(str.maketrans(SUPERSCRIPTS, "0123456789")) for m in _SUPER_RUN.finditer(text)
    }
    return labels | star_marks(text)


# the page-1 note a reissued document's symbol and job number point at: "* Second reissue for technical reasons
# (12 November 2025)."
_REISSUE = re.compile(r"^(?:\w+ )?reissued? for technical reasons\b", re.IGNORECASE)


def _lines_of(where: dict[str, list[tuple[int, int]]], label: str) -> list[tuple[int, int]] | None:
    """The lines that can hold a numbered note's marker (None: look everywhere)."""
    return where.get(label, []) if numeric(label) and len(label) <= MAX_INDEXED else None


def _next_note_before(
    body: list[_Block],
    label: str,
    pos: tuple[int, int, int],
    at: tuple[int, int, int],
    where: dict[str, list[tuple[int, int]]],
) -> bool:
    """Is the next note's marker (its strong or text-layer forms) found from `pos` and before `at`? Notes come in
    order, so a number split at `at` cannot be this note's marker then."""
    after = str(int(label) + 1)
    forms = markers(after, _LANGUAGE.get())
    for group in (forms[:1], forms[1:-1]):
        hit = _search(body, group, pos, None, _lines_of(where, after))
        if hit and hit[:3] < at:
            return True
    return False


def _search(
    body: list[_Block],
    forms: Sequence[Marker],
    pos: tuple[int, int, int],
    page: int | None,
    lines: list[tuple[int, int]] | None = None,
) -> tuple[int, int, int, int, Marker] | None:
    """The first hit of any of `forms` from `pos` on (on `page` only, when given), looking only at `lines`
    (block, line) when the caller knows which lines can hold the marker: in the first line with a hit, the
    hit that starts first, the earlier form on a tie."""
    b0, l0, off0 = pos
    if lines is None:
        todo: Iterable[tuple[int, int]] = (
            (b, ln) for b in range(b0, len(body)) for ln in range(l0 if b == b0 else 0, len(body[b].lines))
        )
    else:
        todo = itertools.islice(lines, bisect.bisect_left(lines, (b0, l0)), None)
    for b, ln in todo:
        block = body[b]
        if page is not None and block.pages[ln] != page:
            if block.pages[ln] > page:
                return None  # pages only grow
            continue
        start = off0 if (b == b0 and ln == l0) else 0
        spans = [(span, k) for k, form in enumerate(forms) if (span := form.find(block.lines[ln], start))]
        if spans:
            span, k = min(spans, key=lambda hit: (hit[0][0], hit[1]))
            return b, ln, *span, forms[k]
    return None


def _escape_keep_marks(text: str) -> str:
    """Escape markup characters, leaving typed escapes (\\*, \\[) as they are."""
    return re.sub(
        r"\\[*\[\\]|[*\[\\]", lambda m: m.group(0) if len(m.group(0)) == 2 else "\\" + m.group(0), text
    )


def _unescape(text: str) -> str:
    return re.sub(r"\\([*\[\\])", r"\1", text)
