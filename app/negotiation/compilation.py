"""The compilation text: the base with every proposal where it applies and who made it.

As facilitators circulate it: each paragraph under its negotiation label, words a proposal adds marked as
inserted and words it deletes as deleted, the proposer's name in brackets after each change ("[EU]"). Where
proposals touch the same words, each proposer's version of those words follows the other, separated by " / ".
A proposal to delete a paragraph ends it with "[EU: delete]" (the whole text struck when it is the only kind of
proposal on it). New paragraphs stand where proposed, labelled bis, ter ... after the paragraph they follow.
Footnotes follow the text, with their proposals marked the same way. A table shows its rows (`Entry.rows`): each
cell's words marked as a paragraph's, a row added marked inserted and a row deleted struck, the proposer in
brackets in the row's last cell; a table proposed or deleted whole, all its cells so.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from app import inline
from app.model import Paragraph, Resolution
from app.negotiation import numbering
from app.negotiation.proposals import (
    CellEdit,
    DeleteParagraph,
    DeleteRow,
    FootnoteEdit,
    InsertParagraph,
    InsertRow,
    Proposal,
    TitleEdit,
    WordEdit,
    list_keys,
    titles,
    tokens,
)
from app.render import render
from app.wording.tables import new_table_name

EQUAL, INSERT, DELETE, TAG = "equal", "insert", "delete", "tag"
BRACKET = (
    "bracket"  # disputed words with their alternatives and holders, as `status.Bracket.shown` prints them
)


@dataclass(frozen=True)
class Piece:
    text: str
    op: str = EQUAL  # EQUAL, INSERT, DELETE, TAG (a proposer's name, a separator) or BRACKET
    italic: bool = False
    note: bool = False  # a footnote reference mark (text is its number)


@dataclass
class TableRow:
    cells: list[list[Piece]]  # each cell's pieces, as a paragraph's
    header: bool = False
    op: str = EQUAL  # INSERT: a row proposed; DELETE: a row (or the table) proposed for deletion


@dataclass
class Entry:
    kind: str  # "title" (of the resolution, a part or an annex), "paragraph", "new" (a proposed paragraph),
    # "heading", "footnote"
    label: str  # "OP 7", "OP 7 bis", "PP 2 (a)", "1" for a footnote
    level: int
    paragraph_id: str  # base paragraph or footnote id; the new paragraph's id for "new"
    pieces: list[Piece]
    proposers: list[str] = field(default_factory=list)  # who proposed something here, in proposal order
    status: str = ""  # negotiation status when known ("agreed ad ref")
    rows: list[TableRow] | None = None  # a table's rows, printed before its pieces (the table's note)
    # a proposed table's place, named as its label: ("after" or "before", the paragraph's label), ("", "")
    table_place: tuple[str, str] = ("", "")

    @property
    def plain(self) -> str:
        return "".join(p.text for p in self.pieces)


@dataclass
class Compilation:
    title: str
    base_version: str
    proposers: list[str]
    entries: list[Entry]
    base: Resolution | None = field(default=None, repr=False)  # the text compiled on: its masthead in Word

    def entry(self, label: str) -> Entry:
        return next(e for e in self.entries if e.label == label)


Hunk = tuple[str, int, int, str, str]  # proposer, start, end, old, new


# --- a field with its proposals ------------------------------------------------------------------------


def _display(
    toks: Iterable[str], italic: bool, numbers: dict[str, str]
) -> tuple[list[tuple[str, bool, bool]], bool]:
    """Markup tokens as (text, italic, is-note) for display, and the italic state after them."""
    out: list[tuple[str, bool, bool]] = []
    for tok in toks:
        if tok == "*":
            italic = not italic
        elif tok.startswith("[^"):
            out.append((numbers.get(tok[2:-1], "*"), False, True))
        elif tok.startswith("\\") and len(tok) == 2:
            out.append((tok[1], italic, False))
        else:
            out.append((tok, italic, False))
    return out, italic


def overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    """Whether two token ranges [start, end) of one field change the same words (insertions at one place
    count as the same words: their order would be a choice)."""
    (s1, e1), (s2, e2) = a, b
    if s1 == e1 and s2 == e2:
        return s1 == s2
    if s1 == e1:
        return s2 < s1 < e2
    if s2 == e2:
        return s1 < s2 < e1
    return s1 < e2 and s2 < e1


def _clusters(hunks: list[Hunk]) -> list[list[Hunk]]:
    """Hunks in order of place, in runs that change the same words (`overlaps` with a hunk of the run, or
    starting inside its span). Sorted by start, a replacement meets an earlier one only if it starts before
    that one ends, and an insertion meets an earlier insertion only at the same place: two numbers kept per
    run, not a look at each of its hunks (thousands of proposals on the same words were their square)."""
    ordered = sorted(hunks, key=lambda h: (h[1], h[2]))
    out: list[list[Hunk]] = []
    span = (0, 0)
    reach = insert_at = -1  # the run's furthest replacement end, and the place of its last insertion
    for h in ordered:
        start, end = h[1], h[2]
        meets = start < reach or (start == end and start == insert_at)
        if out and (meets or span[0] < start < span[1]):
            out[-1].append(h)
            span = (span[0], max(span[1], end))
        else:
            out.append([h])
            span, reach, insert_at = (start, end), -1, -1
        if start == end:
            insert_at = start
        else:
            reach = max(reach, end)
    return out


class _Pieces:
    """Pieces of a field as they are added, neighbours alike in kind and italics joined: the text of the piece
    still open is kept as a list of strings and joined once it closes (joining as each word comes is square
    time in the length of a long paragraph)."""

    def __init__(self, numbers: dict[str, str], opener: bool) -> None:
        self.numbers = numbers
        self.opener = opener
        self._done: list[Piece] = []
        self._run: list[str] = []  # the open piece's text
        self._key: tuple[str, bool] | None = None  # the open piece's op and italics

    @property
    def out(self) -> list[Piece]:
        self._close()
        return self._done

    def _close(self) -> None:
        if self._key is not None:
            self._done.append(Piece("".join(self._run), *self._key))
            self._run, self._key = [], None

    def add(self, toks: Iterable[str], op: str, italic: bool) -> bool:
        shown, after = _display(toks, italic, self.numbers)
        for text, it, note in shown:
            it = it or (self.opener and not note)
            if not note and self._key == (op, it):
                self._run.append(text)
                continue
            self._close()
            if note:
                self._done.append(Piece(text, op, it, note))
            else:
                self._run, self._key = [text], (op, it)
        return after

    def tag(self, text: str) -> None:
        self._close()
        self._done.append(Piece(text, TAG))

    def tag_after_words(self, text: str) -> None:
        """A proposer's name right after the changed words: a space that ends them goes after the name."""
        self._close()
        last = self._done[-1] if self._done else None
        if last is not None and last.op in (INSERT, DELETE) and last.text.endswith(" ") and last.text.strip():
            self._done[-1] = Piece(last.text.rstrip(" "), last.op, last.italic, last.note)
            self._done.append(Piece(text, TAG))
            self._run, self._key = [" "], (EQUAL, False)  # words that follow join this space
        else:
            self.tag(text)


def field_pieces(
    markup: str, hunks: list[Hunk], numbers: dict[str, str], *, opener: bool = False
) -> list[Piece]:
    """A field with every proposal's changes marked and attributed."""
    base = tokens(markup)
    pieces = _Pieces(numbers, opener)
    italic = False
    pos = 0
    order = {name: i for i, name in enumerate(dict.fromkeys(h[0] for h in hunks))}  # proposals in their order
    for cluster in _clusters(hunks):
        start = min(h[1] for h in cluster)
        end = max(h[2] for h in cluster)
        italic = pieces.add(base[pos:start], EQUAL, italic)
        by_name: dict[str, list[Hunk]] = {}  # each proposer's hunks, gathered once (not a pass per proposer)
        for h in cluster:
            by_name.setdefault(h[0], []).append(h)
        for k, name in enumerate(sorted(by_name, key=order.__getitem__)):
            if k:
                pieces.tag(" / ")
            state, at = italic, start
            for _, s, e, old, new in sorted(by_name[name], key=lambda h: h[1]):
                state = pieces.add(base[at:s], EQUAL, state)
                after_old = pieces.add(tokens(old), DELETE, state)
                pieces.add(tokens(new), INSERT, state)
                state, at = after_old, e
            pieces.add(base[at:end], EQUAL, state)
            pieces.tag_after_words(f" [{name}]")
        _, italic = _display(base[start:end], italic, numbers)
        pos = end
    pieces.add(base[pos:], EQUAL, italic)
    return pieces.out


def merge(pieces: list[Piece]) -> list[Piece]:
    """Neighbouring pieces alike in kind and italics as one (names and note marks stay apart)."""
    out: list[Piece] = []
    run: list[Piece] = []

    def close() -> None:
        if len(run) > 1:
            out.append(Piece("".join(p.text for p in run), run[0].op, run[0].italic))
        else:
            out.extend(run)
        run.clear()

    for p in pieces:
        if p.op == TAG or p.note:
            close()
            out.append(p)
        elif run and (run[0].op, run[0].italic) != (p.op, p.italic):
            close()
            run.append(p)
        else:
            run.append(p)
    close()
    return out


# --- the whole text ------------------------------------------------------------------------------------


class _Builder:
    def __init__(self, base: Resolution, proposals: list[Proposal], labels: dict[str, str]) -> None:
        self.base, self.proposals = base, proposals
        self.rendered = render(base)
        self.labels = numbering.assign(base, labels)
        self.taken = set(self.labels.values())
        self.tried: dict[str, int] = {}  # numbering.next_after's memo of suffixes tried
        self.words: dict[tuple[str, str], list[Hunk]] = {}
        self.notes: dict[str, list[Hunk]] = {}
        self.heads: dict[str, list[Hunk]] = {}
        self.deleted: dict[str, list[str]] = {}
        self.inserted: dict[tuple[str, str], list[tuple[str, Paragraph]]] = {}
        self.tables = _TableProposals()
        for p in proposals:
            for e in p.edits:
                if isinstance(e, WordEdit):
                    self.words.setdefault((e.paragraph_id, e.field), []).append(
                        (p.proposer, e.start, e.end, e.old, e.new)
                    )
                elif isinstance(e, FootnoteEdit):
                    self.notes.setdefault(e.footnote_id, []).append(
                        (p.proposer, e.start, e.end, e.old, e.new)
                    )
                elif isinstance(e, TitleEdit):
                    self.heads.setdefault(e.unit, []).append((p.proposer, e.start, e.end, e.old, e.new))
                elif isinstance(e, DeleteParagraph):
                    self.deleted.setdefault(e.paragraph_id, []).append(p.proposer)
                elif isinstance(e, InsertParagraph):
                    self.inserted.setdefault((e.list_key, e.after), []).append((p.proposer, e.paragraph))
                elif isinstance(e, CellEdit | InsertRow | DeleteRow):
                    self.tables.add(p.proposer, e)
        self.numbers = {k: str(v) for k, v in self.rendered.footnote_numbers.items()}
        count = len(self.numbers)
        for p in proposals:
            for note_id in p.footnotes:
                count += 1
                self.numbers[note_id] = str(count)
        self.ends = {b.paragraph_id: b.end for b in self.rendered.blocks if not b.is_tail}
        self.tail_ends = {b.paragraph_id: b.end for b in self.rendered.blocks if b.is_tail}
        self.entries: list[Entry] = []

    def build(self) -> list[Entry]:
        lists = dict(list_keys(self.base))
        top = [k for k in lists if "/" in k]
        heads = {key: (name, markup) for key, name, markup in titles(self.base)}
        self.title("title", *heads.pop("title"))
        for key in top:
            unit = key.rpartition("/")[0] if key.startswith("annex/") else key.partition("/")[0]
            if f"{unit}/title" in heads:
                self.title(f"{unit}/title", *heads.pop(f"{unit}/title"))
            self.list(key, lists[key], 0, "")
        for key, (name, markup) in heads.items():  # a unit with a title and no paragraphs
            self.title(key, name, markup)
        self.footnotes()
        return self.entries

    def title(self, key: str, name: str, markup: str) -> None:
        hunks = self.heads.get(key, [])
        if not markup and not hunks:
            return
        pieces = field_pieces(markup, hunks, self.numbers)
        self.entries.append(Entry("title", name, 0, key, pieces, list(dict.fromkeys(h[0] for h in hunks))))

    def list(self, key: str, items: list[Paragraph], level: int, struck_by: str) -> None:
        self.new_after(key, "", level, items[0].id if items else "")
        for para in items:
            self.paragraph(para, level, struck_by)
            self.new_after(key, para.id, level, para.id)

    def _field(self, para: Paragraph, name: str) -> tuple[list[Piece], list[str]]:
        hunks = self.words.get((para.id, name), [])
        return field_pieces(getattr(para, name), hunks, self.numbers, opener=name == "opener"), [
            h[0] for h in hunks
        ]

    def paragraph(self, para: Paragraph, level: int, struck_by: str) -> None:
        label = self.labels.get(para.id, "")
        if para.heading or (para.id, "heading") in self.words:
            pieces, who = self._field(para, "heading")
            self.entries.append(Entry("heading", "", level, para.id, pieces, list(dict.fromkeys(who))))
        opener, who_o = self._field(para, "opener")
        text, who_t = self._field(para, "text")
        gap = [Piece(" ")] if para.opener and para.text and inline.plain(para.text)[:1] not in ",;:." else []
        pieces = opener + gap + text + ([Piece(self.ends.get(para.id, ""))] if self.ends.get(para.id) else [])
        deleters = self.deleted.get(para.id, [])
        who = list(dict.fromkeys(who_o + who_t + deleters))
        rows, who_r = self.tables.rows(para, self.numbers) if para.is_table else (None, [])
        only_deleted = deleters and not who_o and not who_t and not who_r
        if only_deleted or struck_by:
            pieces = _struck(pieces)
            rows = [TableRow([_struck(c) for c in r.cells], r.header, DELETE) for r in rows or []] or rows
        if only_deleted:
            pieces += [Piece(f" [{name}]", TAG) for name in deleters]
        else:
            pieces += [Piece(f" [{name}: delete]", TAG) for name in deleters]
        who = list(dict.fromkeys(who + who_r))
        self.entries.append(Entry("paragraph", label, level, para.id, merge(pieces), who, rows=rows))
        struck = struck_by or ("x" if only_deleted else "")
        self.list(para.id, para.subparagraphs, level + 1, struck)
        if para.tail or (para.id, "tail") in self.words:
            tail, who_x = self._field(para, "tail")
            end = self.tail_ends.get(para.id, "")
            self.entries.append(
                Entry(
                    "paragraph",
                    "",
                    level,
                    para.id,
                    tail + ([Piece(end)] if end else []),
                    list(dict.fromkeys(who_x)),
                )
            )

    def new_after(self, key: str, after: str, level: int, anchor: str) -> None:
        """Proposed paragraphs placed after `after` ("" : at the start of list `key`)."""
        proposed = self.inserted.get((key, after), [])
        if not proposed:
            return
        root = self.labels.get(after, "") if after else numbering.before_first(self.labels.get(anchor, ""))
        follows = self.labels.get(after, "") if after else ""  # the label a proposed table is named after
        for name, para in proposed:
            place = ("after", follows) if follows else ("before", self.labels.get(anchor, ""))
            if para.is_table:  # unnumbered: named where it stands, taking no bis
                label = new_table_name(*_sides(place), language=self.base.header.language)
            else:
                label = self.labels.get(para.id) or numbering.next_after(
                    root, self.taken, self.tried
                )  # kept from a round before
                self.taken.add(label)
                root = follows = label
            for depth, node in _walk_depth(para, level):
                opener = _Pieces(self.numbers, True)
                opener.add(tokens(node.opener), INSERT, False)
                rest = _Pieces(self.numbers, False)
                gap = [" "] if node.opener and node.text else []
                rest.add(
                    gap + tokens(node.text) + ([" "] + tokens(node.tail) if node.tail else []), INSERT, False
                )
                rest.tag(f" [{name}]")
                rows = _new_rows(node, self.numbers) if node.is_table else None
                self.entries.append(
                    Entry(
                        "new",
                        label if node is para else "",
                        depth,
                        node.id,
                        opener.out + rest.out,
                        [name],
                        rows=rows,
                        table_place=place if node.is_table else ("", ""),
                    )
                )

    def footnotes(self) -> None:
        for note_id, number in sorted(self.rendered.footnote_numbers.items(), key=lambda kv: kv[1]):
            note = self.base.footnotes.get(note_id)
            if note is None:
                continue
            hunks = self.notes.get(note_id, [])
            pieces = field_pieces(note.text, hunks, self.numbers)
            self.entries.append(
                Entry("footnote", str(number), 0, note_id, pieces, list(dict.fromkeys(h[0] for h in hunks)))
            )
        for p in self.proposals:
            for note_id, note in p.footnotes.items():
                pieces = _Pieces(self.numbers, False)
                pieces.add(tokens(note.text), INSERT, False)
                pieces.tag(f" [{p.proposer}]")
                self.entries.append(
                    Entry("footnote", self.numbers[note_id], 0, note_id, pieces.out, [p.proposer])
                )


def _sides(place: tuple[str, str]) -> tuple[str, str]:
    """(after, before) of a proposed table's place."""
    side, label = place
    return (label, "") if side == "after" else ("", label)


def _struck(pieces: list[Piece]) -> list[Piece]:
    return [Piece(p.text, DELETE if p.op == EQUAL else p.op, p.italic, p.note) for p in pieces]


def _whole_cell(markup: str, op: str, numbers: dict[str, str]) -> list[Piece]:
    pieces = _Pieces(numbers, False)
    pieces.add(tokens(markup), op, False)
    return pieces.out


def _new_rows(para: Paragraph, numbers: dict[str, str]) -> list[TableRow]:
    """A proposed table's rows, every cell inserted."""
    return [
        TableRow([_whole_cell(c, INSERT, numbers) for c in row], k < para.header_rows, INSERT)
        for k, row in enumerate(para.table)
    ]


class _TableProposals:
    """The proposals on tables' cells and rows, by table, and each table's rows as the compilation shows
    them: base rows with their cells' proposals, rows added after the base row they follow, rows deleted
    struck (or marked "[EU: delete]" where others change their cells)."""

    def __init__(self) -> None:
        self.cells: dict[tuple[str, int, int], list[Hunk]] = {}
        self.added: dict[tuple[str, int], list[tuple[str, InsertRow]]] = {}
        self.deleted: dict[tuple[str, int], list[str]] = {}

    def add(self, proposer: str, e: CellEdit | InsertRow | DeleteRow) -> None:
        if isinstance(e, CellEdit):
            hunk = (proposer, e.start, e.end, e.old, e.new)
            self.cells.setdefault((e.paragraph_id, e.row, e.column), []).append(hunk)
        elif isinstance(e, InsertRow):
            self.added.setdefault((e.paragraph_id, e.after), []).append((proposer, e))
        else:
            self.deleted.setdefault((e.paragraph_id, e.row), []).append(proposer)

    def rows(self, para: Paragraph, numbers: dict[str, str]) -> tuple[list[TableRow], list[str]]:
        """The table's rows with their proposals, and who proposed something on them."""
        out: list[TableRow] = []
        who: list[str] = []
        columns = max(len(r) for r in para.table)
        self._added(para.id, -1, columns, numbers, out, who)
        for index, row in enumerate(para.table):
            cells: list[list[Piece]] = []
            editors: list[str] = []
            for column in range(max(len(row), 1)):
                hunks = self.cells.get((para.id, index, column), [])
                editors += [h[0] for h in hunks]
                cells.append(field_pieces(row[column] if column < len(row) else "", hunks, numbers))
            deleters = self.deleted.get((para.id, index), [])
            op = EQUAL
            if deleters and not editors:
                cells, op = [_struck(c) for c in cells], DELETE
                cells[-1] += [Piece(f" [{name}]", TAG) for name in deleters]
            elif deleters:
                cells[-1] += [Piece(f" [{name}: delete]", TAG) for name in deleters]
            who += editors + deleters
            out.append(TableRow([merge(c) for c in cells], index < para.header_rows, op))
            self._added(para.id, index, columns, numbers, out, who)
        return out, list(dict.fromkeys(who))

    def _added(
        self,
        table: str,
        after: int,
        columns: int,
        numbers: dict[str, str],
        out: list[TableRow],
        who: list[str],
    ) -> None:
        for name, e in self.added.get((table, after), []):
            cells = [_whole_cell(c, INSERT, numbers) for c in e.cells]
            cells += [[] for _ in range(max(columns, 1) - len(cells))]
            cells[-1].append(Piece(f" [{name}]", TAG))
            out.append(TableRow(cells, e.header, INSERT))
            who.append(name)


def _walk_depth(para: Paragraph, level: int):
    yield level, para
    for sub in para.subparagraphs:
        yield from _walk_depth(sub, level + 1)


def compile_text(
    base: Resolution,
    proposals: list[Proposal],
    *,
    labels: dict[str, str] | None = None,
    base_version: str = "",
) -> Compilation:
    """The compilation of `proposals` on `base`. `labels`: negotiation labels kept from earlier rounds."""
    entries = _Builder(base, proposals, labels or {}).build()
    version = base_version or next((p.base_version for p in proposals if p.base_version), "")
    names = list(dict.fromkeys(p.proposer for p in proposals))
    return Compilation(inline.plain(base.title), version, names, entries, base)


def mark_brackets(comp: Compilation, brackets: list, delete: str = "(delete)") -> None:
    """Show each bracket (`app.negotiation.status.Bracket`) in place of its words, where the words stand
    unchanged in the compilation; `delete`: a deletion as the draft's language prints it."""
    by_paragraph: dict[str, list] = {}
    for b in brackets:
        by_paragraph.setdefault(b.paragraph_id, []).append(b)
    for entry in comp.entries:
        for bracket in by_paragraph.get(entry.paragraph_id, []) if entry.kind == "paragraph" else []:
            words = inline.plain(bracket.words)
            for i, piece in enumerate(entry.pieces):
                at = piece.text.find(words) if piece.op == EQUAL and not piece.note and words else -1
                if at >= 0:
                    before, after = piece.text[:at], piece.text[at + len(words) :]
                    shown = [
                        Piece(before, EQUAL, piece.italic),
                        Piece(bracket.shown_plain(delete), BRACKET),
                        Piece(after, EQUAL, piece.italic),
                    ]
                    entry.pieces[i : i + 1] = [p for p in shown if p.text]
                    break
