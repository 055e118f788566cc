"""Where the notes of a typed or PDF text go: the notes lifted out of the text (`RawNote`s, by
`app.io.pdf_text` and the text reader) are placed at their markers in the body's blocks, each marker replaced
by a placeholder naming its note (`NOTE_MARK`), and then made the model's footnotes in the order of their
markers. A marker no form finds is read from a number set apart (app.io.bare_markers) or, failing that, the
note is kept under its own number at the end of the paragraph before, and reported; the masthead's notes and
the sponsor line's go to the header."""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field

from app import inline
from app.findings import Finding, Severity
from app.io.bare_markers import bare_markers
from app.io.note_markers import (
    MAX_INDEXED,
    Marker,
    glue_cited_again,
    markers,
    numbers_in,
    numeric,
    repeated_markers,
    slash_marker,
)
from app.io.pdf_text import RawNote
from app.io.text_blocks import Block
from app.io.text_header import HeaderResult, star_note
from app.io.text_paragraphs import LANGUAGE, NOTE_MARK, NOTE_MARK_RE
from app.messages import Message, say
from app.model import Footnote, Paragraph, Resolution


@dataclass
class NotePlacement:
    """The notes of one text and which of them are placed: `used` (at a marker, or given a place), `in_header`
    (the masthead's and the sponsor line's), `guessed` (placed where the marker should be, not at it).
    `note_text` makes a note's text the model's markup."""

    notes: list[RawNote]
    findings: list[Finding]
    note_text: Callable[[str], str]
    slash_notes: bool = False  # the notes are typed "1/ …" (documents of before about 2000)
    used: set[int] = field(default_factory=set)
    in_header: set[int] = field(default_factory=set)
    guessed: set[int] = field(default_factory=set)

    def place_header_notes(self, head: HeaderResult, header_blocks: list[Block]) -> None:
        """The masthead's notes ("Reissued for technical reasons") and the sponsor line's starred note belong to
        the header: set aside, and said when the model has no place for them."""
        for index, note in enumerate(self.notes):
            if note.label.startswith("*") and _REISSUE.match(note.text):  # the masthead's, not the text's
                self._to_header(index, say("masthead note not kept in the model: “{text}”", text=note.text))
        if not head.sponsor_star:
            return
        for index, note in enumerate(self.notes):
            if note.label == head.sponsor_star and index not in self.used:
                kept = star_note(head, note.text, marked=True)
                self._to_header(
                    index,
                    None
                    if kept
                    else say("sponsor-line note not kept in the model: “{text}”", text=note.text),
                )
                return

    def mark_title(self, title: str) -> str:
        """The title's own notes ("… input¹"), the first numbered ones: their markers made placeholders, so that
        the body's markers are looked for from the next note on (the title's "¹" is no paragraph's)."""
        for index, note in enumerate(self.notes):
            if index in self.used or not numeric(note.label):
                continue
            found = markers(note.label, LANGUAGE.get())[0].find(title)
            if not found:
                return title  # the notes come in reading order: the next is the body's
            start, end = found
            if start and title[start - 1] == "\\" and title[start] == "[":  # "[1]" escaped in the markup
                start -= 1
            title = title[:start] + NOTE_MARK.format(index) + title[end:]
            self.used.add(index)
        return title

    def _to_header(self, index: int, dropped: Message | None) -> None:
        self.used.add(index)
        self.in_header.add(index)
        if dropped is not None:
            self.findings.append(Finding("import.unplaced", Severity.INFO, dropped, field="header"))

    def mark(self, body: list[Block]) -> None:
        """Replace every footnote marker in the body lines by a placeholder naming its note."""
        pdf_like = any(b.pages and b.pages[-1] > 0 for b in body)
        where: dict[str, list[tuple[int, int]]] = {}  # note number -> the lines that hold it, in order
        for b, block in enumerate(body):
            for ln, line in enumerate(block.lines):
                for number in numbers_in(line):
                    where.setdefault(number, []).append((b, ln))
        pos = (0, 0, 0)  # block, line, offset of the last marker found
        for index, note in enumerate(self.notes):
            if index in self.used:
                continue
            found = self._find_marker(body, note, pos, pdf_like, where)
            if not found:
                continue
            b, ln, start, end = found
            line = body[b].lines[ln]
            token = NOTE_MARK.format(index)
            body[b].lines[ln] = line[:start] + token + line[end:]
            self.used.add(index)
            pos = (b, ln, start + len(token))

    def place_bare(self, body: list[Block]) -> None:
        """In text of a PDF, a note whose marker no form found, read from its number set apart between two words
        where the notes' order leaves it no other place (app.io.bare_markers); each reported."""
        missing = [(i, n.label, n.page) for i, n in enumerate(self.notes) if i not in self.used]
        if not missing or not any(b.pages and b.pages[-1] > 0 for b in body):
            return
        placed: dict[int, tuple[int, int, int]] = {}
        for b, block in enumerate(body):
            for ln, line in enumerate(block.lines):
                for m in NOTE_MARK_RE.finditer(line):
                    placed[int(m.group(1))] = (b, ln, m.start())
        found = bare_markers(
            [b.lines for b in body], [b.pages for b in body], missing, placed, LANGUAGE.get()
        )
        for hit in sorted(found, key=lambda h: (h.line, -h.start)):  # right to left in a line: offsets hold
            b, ln = hit.line
            line = body[b].lines[ln]
            # the space that set the number apart goes: a marker follows its word ("session[^n]")
            body[b].lines[ln] = line[: hit.start].rstrip() + NOTE_MARK.format(hit.index) + line[hit.end :]
            self.used.add(hit.index)
            self.findings.append(
                Finding(
                    "import.footnote-marker",
                    Severity.INFO,
                    say(
                        "footnote {label}: its marker read from the number set apart in “{context}”",
                        label=self.notes[hit.index].label,
                        context=NOTE_MARK_RE.sub("", hit.context),
                    ),
                )
            )

    def glue_again(self, body: list[Block]) -> None:
        """In text of a PDF, a note's marker cited again after its note's own is glued to its comma
        (`note_markers.glue_cited_again`), in one pass over the lines."""
        if not any(b.pages and b.pages[-1] > 0 for b in body):
            return
        cited: set[str] = set()
        for block in body:
            for ln, line in enumerate(block.lines):
                pieces = NOTE_MARK_RE.split(line)  # text, note index, text, ...
                for k in range(0, len(pieces), 2):
                    pieces[k] = glue_cited_again(pieces[k], cited, LANGUAGE.get())
                    if k + 1 < len(pieces):
                        cited.add(self.notes[int(pieces[k + 1])].label)
                        pieces[k + 1] = NOTE_MARK.format(pieces[k + 1])
                block.lines[ln] = "".join(pieces)

    def cite_again(self, body: list[Block]) -> None:
        """A marker that cites again a note placed earlier (older texts print the number a second time, the
        note once) becomes a second reference to that note, as Word's NOTEREF field is read: never a number in
        the text (`note_markers.repeated_markers`). One pass over the lines, in reading order."""
        cited: dict[str, int] = {}  # label -> note index, of the notes whose marker stands earlier
        for block in body:
            for ln, line in enumerate(block.lines):
                pieces = NOTE_MARK_RE.split(line)  # text, note index, text, ...
                for k in range(0, len(pieces), 2):
                    again = repeated_markers(pieces[k], cited, LANGUAGE.get()) if cited else []
                    for start, end, label in reversed(again):  # right to left: offsets hold
                        pieces[k] = pieces[k][:start] + NOTE_MARK.format(cited[label]) + pieces[k][end:]
                    if k + 1 < len(pieces):
                        index = int(pieces[k + 1])
                        cited.setdefault(self.notes[index].label, index)
                        pieces[k + 1] = NOTE_MARK.format(pieces[k + 1])
                block.lines[ln] = "".join(pieces)

    def place_unmarked(self, body: list[Block]) -> None:
        """A note whose marker was not found still prints, under its own number: its reference goes at the end
        of the paragraph holding the marker before it (or just after that marker when the next note's marker
        is in the same paragraph), so no other note is renumbered; `attach` reports where it went."""
        missing = [i for i in range(len(self.notes)) if i not in self.used]
        if not missing or not body:
            return
        where: dict[int, tuple[int, int, int]] = {}  # note index -> block, line, end of its token
        for b, block in enumerate(body):
            for ln, line in enumerate(block.lines):
                for m in NOTE_MARK_RE.finditer(line):
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
                at = NOTE_MARK_RE.search(body[b].lines[ln][:at]).start()  # type: ignore[union-attr]
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
            self.used.add(index)
            self.guessed.add(index)
        for (b, ln), items in inserts.items():
            line = body[b].lines[ln]
            pieces: list[str] = []
            done = 0
            for at, index in sorted(items):  # one pass over the line, however many notes go into it
                pieces += [line[done:at], NOTE_MARK.format(index)]
                done = at
            body[b].lines[ln] = "".join(pieces) + line[done:]

    def _find_marker(
        self,
        body: list[Block],
        note: RawNote,
        pos: tuple[int, int, int],
        pdf_like: bool,
        where: dict[str, list[tuple[int, int]]],
    ) -> tuple[int, int, int, int] | None:
        label = note.label
        lines = _lines_of(where, label)
        if not numeric(label):
            pos = (0, 0, 0)  # "*" notes and named notes have a sequence of their own
        forms = markers(label, LANGUAGE.get())
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
            if hit and numeric(label) and group is order[1][0]:
                hit = self._surer_glued(body, label, forms[-1:], pos, page, lines, where, hit)
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

    @staticmethod
    def _surer_glued(
        body: list[Block],
        label: str,
        glued: list[Marker],
        pos: tuple[int, int, int],
        page: int | None,
        lines: list[tuple[int, int]] | None,
        where: dict[str, list[tuple[int, int]]],
        hit: tuple[int, int, int, int, Marker],
    ) -> tuple[int, int, int, int, Marker]:
        """A form a text layer leaves, found past the next note's marker, is a later citation of the note ("the
        Group of Legal Experts,9" in an operative paragraph), not its first, when the marker glued to a number
        stands before both ("resolution 59/3009"): the glued one then, or every later note would be looked for
        past the citation and take the text's numbers for markers."""
        if not _next_note_before(body, label, pos, hit[:3], where):
            return hit
        first = _search(body, glued, pos, page, lines)
        if first and first[:3] < hit[:3] and not _next_note_before(body, label, pos, first[:3], where):
            return first
        return hit

    def attach(self, res: Resolution) -> None:
        """Footnotes go into the model in the order of their markers; notes without a marker are kept too."""
        ids: dict[int, str] = {}
        for index in range(len(self.notes)):
            if index in self.used and not self._header_note(index):
                self._ref(res, ids, index)
        for index, note in enumerate(self.notes):
            if index not in self.used:  # nowhere to put it (no body at all): kept, unreferenced
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
                    for m in NOTE_MARK_RE.finditer(value):
                        if int(m.group(1)) in self.guessed:
                            words = words or " ".join(
                                NOTE_MARK_RE.sub("", para.opener + " " + para.text).split()[:6]
                            )
                            self._report_guess(int(m.group(1)), para, attr, words)
                    setattr(
                        para, attr, NOTE_MARK_RE.sub(lambda m: self._ref(res, ids, int(m.group(1))), value)
                    )
        res.title = NOTE_MARK_RE.sub(lambda m: self._ref(res, ids, int(m.group(1))), res.title)
        res.part_title = NOTE_MARK_RE.sub(lambda m: self._ref(res, ids, int(m.group(1))), res.part_title)
        for unit in [*res.later_parts, *res.annexes]:
            unit.title = NOTE_MARK_RE.sub(lambda m: self._ref(res, ids, int(m.group(1))), unit.title)
        res.unplaced = [
            NOTE_MARK_RE.sub(lambda m: self._ref(res, ids, int(m.group(1))), a) for a in res.unplaced
        ]

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
        return index in self.in_header

    def _ref(self, res: Resolution, ids: dict[int, str], index: int) -> str:
        if index not in ids:
            note = self.notes[index]
            fn = Footnote(text=self.note_text(note.text), mark=_symbol(note.label))
            res.footnotes[fn.id] = fn
            ids[index] = fn.id
        return inline.footnote_ref(ids[index])


def _symbol(label: str) -> str:
    """The mark a note keeps: its asterisks ("**"), as issued; "" for a numbered or named note."""
    return label if re.fullmatch(r"\*{1,3}", label) else ""


def _lines_of(where: dict[str, list[tuple[int, int]]], label: str) -> list[tuple[int, int]] | None:
    """The lines that can hold a numbered note's marker (None: look everywhere)."""
    return where.get(label, []) if numeric(label) and len(label) <= MAX_INDEXED else None


def _next_note_before(
    body: list[Block],
    label: str,
    pos: tuple[int, int, int],
    at: tuple[int, int, int],
    where: dict[str, list[tuple[int, int]]],
) -> bool:
    """Is the next note's marker (its strong or text-layer forms) found from `pos` and before `at`? Notes come in
    order, so a number split at `at` cannot be this note's marker then."""
    after = str(int(label) + 1)
    forms = markers(after, LANGUAGE.get())
    for group in (forms[:1], forms[1:-1]):
        hit = _search(body, group, pos, None, _lines_of(where, after))
        if hit and hit[:3] < at:
            return True
    return False


def _search(
    body: list[Block],
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


_REISSUE = re.compile(r"^(?:\w+ )?reissued? for technical reasons\b", re.IGNORECASE)
