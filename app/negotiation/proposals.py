"""A delegation's proposal: paragraph-level edits against a named version of the text.

An edit is one of
- `WordEdit`: replace tokens [start, end) of one field (heading, opener, text, tail) of a paragraph with new
  markup (an insertion has start == end, a deletion an empty `new`);
- `InsertParagraph`: a new paragraph after paragraph `after` of a list ("" : before the first);
- `DeleteParagraph`: delete a paragraph;
- `FootnoteEdit`: words of a footnote's text, as `WordEdit` does for a paragraph;
- `TitleEdit`: words of a title: the resolution's, a part's or an annex's (see `titles`);
- `CellEdit`, `InsertRow`, `DeleteRow`: words of a table's cell, a row added, a row deleted (a table added or
  deleted is an `InsertParagraph` or `DeleteParagraph` of its paragraph); see `app.negotiation.table_proposals`.

Tokens are words, spaces, punctuation and markup pieces of the inline markup (`app.inline`), so that the tokens
of a field joined give the field back exactly: applying every edit of a proposal to its base gives the
proposer's text (tests/core/test_negotiation_proposals.py checks it with hypothesis).

`derive(base, proposed, ...)` finds the edits between the base and a delegation's edited copy, with paragraphs
paired by the compare engine (`app.compare.diff.align`); `apply(base, proposal)` makes the proposer's text.
"""

from __future__ import annotations

import copy
import re
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from app import inline
from app.compare.diff import align
from app.digits import to_int
from app.errors import InputError
from app.messages import reason, say
from app.model import Footnote, Paragraph, Resolution, new_id
from app.sequences import matching_blocks, word_opcodes

FIELDS = ("heading", "opener", "text", "tail")

# a footnote reference, an escaped character, spaces, a word, or any other single character: the tokens of a
# markup string joined give it back exactly
_TOKEN = re.compile(r"\[\^[^\]\s]*\]|\\.|\s+|[^\W_]+(?:[-‑'’][^\W_]+)*|.", re.S)


def tokens(markup: str) -> list[str]:
    return _TOKEN.findall(markup)


@dataclass(frozen=True)
class WordEdit:
    paragraph_id: str
    field: str  # one of FIELDS
    start: int  # token index in the base field
    end: int
    old: str  # the base's tokens [start, end), joined: what the edit replaces
    new: str


@dataclass(frozen=True)
class InsertParagraph:
    list_key: (
        str  # see `list_keys`: a part's preamble or operative part, an annex, or a parent paragraph's id
    )
    after: str  # id of the base paragraph it follows in that list; "" at the start
    paragraph: Paragraph


@dataclass(frozen=True)
class DeleteParagraph:
    paragraph_id: str


@dataclass(frozen=True)
class FootnoteEdit:
    footnote_id: str
    start: int
    end: int
    old: str
    new: str


@dataclass(frozen=True)
class TitleEdit:
    unit: str  # see `titles`: "title", "1/title" (part B), "annex/0/title"
    start: int
    end: int
    old: str
    new: str


@dataclass(frozen=True)
class CellEdit:
    paragraph_id: str  # the table paragraph
    row: int  # the base table's row and column
    column: int
    start: int  # token index in the base cell, as `WordEdit`
    end: int
    old: str
    new: str


@dataclass(frozen=True)
class InsertRow:
    paragraph_id: str
    after: int  # the base table's row it follows; -1: before the first
    cells: tuple[str, ...]
    header: bool = False  # a row of the table's header


@dataclass(frozen=True)
class DeleteRow:
    paragraph_id: str
    row: int
    old: tuple[str, ...]  # the row as the base reads it: a proposal that no longer fits is refused


TableEdit = CellEdit | InsertRow | DeleteRow
Edit = (
    WordEdit | InsertParagraph | DeleteParagraph | FootnoteEdit | TitleEdit | CellEdit | InsertRow | DeleteRow
)


@dataclass
class Proposal:
    proposer: str  # the delegation or group: "EU", "G77 and China"
    base_version: str  # the version of the text the edits are against: "zero draft", "Rev.1"
    edits: list[Edit] = field(default_factory=list)
    footnotes: dict[str, Footnote] = field(default_factory=dict)  # notes the proposal adds, by id
    id: str = field(default_factory=new_id)

    def targets(self) -> set[str]:
        """What the facilitator decides on, one by one: see `edit_target`."""
        return {edit_target(e) for e in self.edits}


# --- lists of paragraphs --------------------------------------------------------------------------------


def list_keys(res: Resolution) -> Iterator[tuple[str, list[Paragraph]]]:
    """Every list of paragraphs with a key stable across versions of one text: "0/preamble", "1/operative"
    (part index), "annex/0", and each paragraph's id for its subparagraphs."""
    top = list(top_lists(res))
    yield from top
    for _, items in top:
        for para in items:
            for node in para.walk():
                yield node.id, node.subparagraphs


def top_lists(res: Resolution) -> Iterator[tuple[str, list[Paragraph]]]:
    for index, body in enumerate(res.parts()):
        yield f"{index}/preamble", body.preamble
        yield f"{index}/operative", body.operative
    for index, annex in enumerate(res.annexes):
        yield f"annex/{index}", annex.paragraphs


def titles(res: Resolution) -> Iterator[tuple[str, str, str]]:
    """(key, place name, title markup) of every unit of the text with a title, in reading order: the
    resolution, each part ("Part A title", keyed by part index like `list_keys`), each annex."""
    from app.render import annex_units, part_letter

    yield "title", "Title", res.title
    parts = res.parts()
    for index, body in enumerate(parts):
        if len(parts) > 1 or body.title:
            yield f"{index}/title", f"Part {part_letter(index)} title", body.title
    for index, name in enumerate(annex_units(res.annexes)):
        yield f"annex/{index}/title", f"{name} title", res.annexes[index].title


def set_title(res: Resolution, key: str, markup: str) -> None:
    if key == "title":
        res.title = markup
        return
    unit, _, written = key.removesuffix("/title").rpartition("/")
    index = to_int(written, -1)
    if unit == "annex" and 0 <= index < len(res.annexes):
        res.annexes[index].title = markup
    elif not unit and index == 0:
        res.part_title = markup
    elif not unit and 0 < index <= len(res.later_parts):
        res.later_parts[index - 1].title = markup
    else:
        raise InputError(say("the proposal names a title this text does not have"))


def title_of(res: Resolution, key: str) -> str | None:
    return next((markup for k, _, markup in titles(res) if k == key), None)


def _nodes(res: Resolution) -> dict[str, Paragraph]:
    return {node.id: node for _, items in top_lists(res) for p in items for node in p.walk()}


# --- deriving edits from a proposer's copy --------------------------------------------------------------


def word_hunks(old: str, new: str) -> list[tuple[int, int, str, str]]:
    """(start, end, old, new) token ranges where `new` differs from `old`. Changes separated only by spaces
    are one change ("yet done so" -> "with due urgency", not three word swaps)."""
    if old == new:
        return []
    a, b = tokens(old), tokens(new)
    spans: list[list[int]] = []  # [i1, i2, j1, j2]
    for tag, i1, i2, j1, j2 in word_opcodes(a, b, str.isspace):
        if tag == "equal":
            continue
        if spans and all(t.isspace() for t in a[spans[-1][1] : i1]):
            spans[-1][1], spans[-1][3] = i2, j2
        else:
            spans.append([i1, i2, j1, j2])
    return [(i1, i2, "".join(a[i1:i2]), "".join(b[j1:j2])) for i1, i2, j1, j2 in spans]


_NOTE_REF = re.compile(r"\[\^[^\]\s]*\]")


def _key(para: Paragraph) -> str:
    """What a paragraph reads, subparagraphs included, whatever its footnotes' ids."""
    return "\n".join(
        _NOTE_REF.sub("[^]", f"{n.heading}\t{n.opener}\t{n.text}\t{n.tail}") for n in para.walk()
    )


def _share_ids(base: Resolution, other: Resolution) -> bool:
    bids, nids = set(_nodes(base)), set(_nodes(other))
    return bool(bids and nids) and len(bids & nids) >= 0.5 * min(len(bids), len(nids))


class _Deriver:
    def __init__(self, base: Resolution, proposed: Resolution) -> None:
        self.base, self.proposed = base, proposed
        self.by_id = _share_ids(base, proposed)
        self.pairs: list[tuple[str, list[tuple[Paragraph | None, Paragraph | None]]]] = []
        self.notes: dict[str, str] = {}  # proposer footnote id -> base footnote id
        # the base notes paired so far, kept as they are paired (a set made again from `notes` for each paired
        # paragraph grew with paragraphs times notes: 8,000 noted paragraphs took 1.1 s, 32,000 some 16 s)
        self.used: set[str] = set()

    def pair_lists(self, key: str, base: list[Paragraph], new: list[Paragraph]) -> None:
        if not base and not new:
            return
        pairs = self.align(base, new)
        self.pairs.append((key, pairs))
        for bp, np in pairs:
            if bp and np:
                for field_name in FIELDS:
                    bids = inline.footnote_ids(getattr(bp, field_name))
                    nids = inline.footnote_ids(getattr(np, field_name))
                    for b_id, n_id in zip(bids, nids, strict=False):
                        if n_id not in self.notes and b_id not in self.used:
                            self.notes[n_id] = b_id
                            self.used.add(b_id)
                self.pair_lists(bp.id, bp.subparagraphs, np.subparagraphs)

    def align(
        self, base: list[Paragraph], new: list[Paragraph]
    ) -> list[tuple[Paragraph | None, Paragraph | None]]:
        """The compare engine's pairing, run only on the stretches between paragraphs that read the same
        (most of a proposal's text is the base's own: comparing their words again is wasted time)."""
        if self.by_id:
            return align(base, new, by_id=True)
        pairs: list[tuple[Paragraph | None, Paragraph | None]] = []
        i = j = 0
        for bi, nj, size in matching_blocks([_key(p) for p in base], [_key(p) for p in new]):
            if bi > i or nj > j:
                pairs += align(base[i:bi], new[j:nj], by_id=False)
            pairs += zip(base[bi : bi + size], new[nj : nj + size], strict=True)
            i, j = bi + size, nj + size
        return pairs

    def remap(self, markup: str) -> str:
        if "[^" not in markup:
            return markup
        return re.sub(
            r"\[\^([^\]\s]*)\]", lambda m: inline.footnote_ref(self.notes.get(m.group(1), m.group(1))), markup
        )

    def remap_tree(self, para: Paragraph) -> Paragraph:
        para = copy.deepcopy(para)
        for node in para.walk():
            for name in FIELDS:
                setattr(node, name, self.remap(getattr(node, name)))
        return para


def derive(
    base: Resolution, proposed: Resolution, proposer: str, base_version: str = "", *, tables: bool = True
) -> Proposal:
    """The proposal that turns `base` into `proposed` (a delegation's edited copy). `tables` False: a table's
    cells and rows changed are left out. Raises InputError for a table change a proposal cannot say (a table
    whose columns change: `app.negotiation.table_proposals`)."""
    d = _Deriver(base, proposed)
    base_lists = list(top_lists(base))
    new_lists = dict(top_lists(proposed))
    for key, items in base_lists:
        d.pair_lists(key, items, new_lists.get(key, []))
    # notes only the proposal has: fresh ids where they would collide with a base note
    added: dict[str, Footnote] = {}
    for note_id, note in proposed.footnotes.items():
        if note_id in d.notes:
            continue
        if note_id in base.footnotes:
            fresh = new_id()
            d.notes[note_id] = fresh
            note_id = fresh
        added[note_id] = Footnote(text=note.text, id=note_id)
    edits: list[Edit] = []
    for key, pairs in d.pairs:
        last = ""
        for bp, np in pairs:
            if bp and np and bp.is_table != np.is_table:  # a paragraph made a table or the reverse: replaced
                edits += [DeleteParagraph(bp.id), InsertParagraph(key, bp.id, _fresh(d.remap_tree(np)))]
            elif bp and np:
                fields = _same_split(bp, {name: d.remap(getattr(np, name)) for name in FIELDS})
                for name in FIELDS:
                    for start, end, old, new in word_hunks(getattr(bp, name), fields[name]):
                        edits.append(WordEdit(bp.id, name, start, end, old, new))
                if tables and (bp.table, bp.header_rows) != (np.table, np.header_rows):
                    edits += table_edits(bp, np, d.remap, proposer)
            elif bp:
                edits.append(DeleteParagraph(bp.id))
            elif np:
                edits.append(InsertParagraph(key, last, d.remap_tree(np)))
            last = bp.id if bp else last
    new_titles = {key: markup for key, _, markup in titles(proposed)}
    for key, _, markup in titles(base):
        if key in new_titles:
            for start, end, old, new in word_hunks(markup, d.remap(new_titles[key])):
                edits.append(TitleEdit(key, start, end, old, new))
    for p_id, b_id in d.notes.items():
        if b_id in base.footnotes and p_id in proposed.footnotes:
            old_text = base.footnotes[b_id].text
            for start, end, old, new in word_hunks(old_text, d.remap(proposed.footnotes[p_id].text)):
                edits.append(FootnoteEdit(b_id, start, end, old, new))
    for note in added.values():
        note.text = d.remap(note.text)
    used = {i for e in edits for i in edit_notes(e)}
    return Proposal(proposer, base_version, edits, {k: v for k, v in added.items() if k in used})


def table_edits(
    base: Paragraph, proposed: Paragraph, remap: Callable[[str], str], proposer: str
) -> list[TableEdit]:
    """The cell, row-added and row-deleted edits that turn a base table into the proposer's."""
    from app.negotiation.table_proposals import derive_table

    return derive_table(base, proposed, remap, proposer)


def _fresh(para: Paragraph) -> Paragraph:
    """A proposed paragraph given new ids: it replaces a base paragraph that may share its id."""
    for node in para.walk():
        node.id = new_id()
    return para


def _same_split(base: Paragraph, fields: dict[str, str]) -> dict[str, str]:
    """The proposer's opener and text split where the base splits them, when the words around both splits are
    the same: readers find openers by italics or by the lexicon, and "*Reaffirming* also that" against
    "*Reaffirming also* that" is no proposal (while "Recalling" made "Recalling also" is one, on the opener)."""
    opener, text = fields["opener"], fields["text"]
    if opener == base.opener:
        return fields
    joined = f"{opener} {text}".strip() if opener else text
    base_joined = f"{base.opener} {base.text}".strip() if base.opener else base.text
    reach = max(len(opener), len(base.opener)) + 1
    if joined[:reach] != base_joined[:reach]:
        return fields
    if not base.opener:
        return {**fields, "opener": "", "text": joined}
    return {**fields, "opener": base.opener, "text": joined[len(base.opener) :].lstrip(" ")}


def edit_notes(edit: Edit) -> list[str]:
    """The ids of the footnotes an edit's new words refer to."""
    if isinstance(edit, WordEdit | FootnoteEdit | TitleEdit | CellEdit):
        return inline.footnote_ids(edit.new)
    if isinstance(edit, InsertRow):
        return [i for cell in edit.cells for i in inline.footnote_ids(cell)]
    if isinstance(edit, InsertParagraph):
        return [
            i
            for node in edit.paragraph.walk()
            for name in FIELDS
            for i in inline.footnote_ids(getattr(node, name))
        ]
    return []


# --- applying -------------------------------------------------------------------------------------------


def splice(markup: str, hunks: list[tuple[int, int, str, str]]) -> str:
    """Apply (start, end, old, new) token ranges to a markup string; ranges must not overlap."""
    toks = tokens(markup)
    for start, end, old, new in sorted(hunks, key=lambda h: (h[0], h[1]), reverse=True):
        if "".join(toks[start:end]) != old:
            raise InputError(say("the proposal does not fit this text: expected “{words}”", words=old))
        toks[start:end] = [new]
    return "".join(toks)


def apply(base: Resolution, proposal: Proposal, *, only: set[str] | None = None) -> Resolution:
    """The proposer's text: `base` with every edit of the proposal applied (or only those whose target, see
    `Proposal.targets`, is in `only`). The base is not changed."""
    res = copy.deepcopy(base)
    nodes = _nodes(res)
    lists = dict(list_keys(res))
    chosen = [e for e in proposal.edits if only is None or edit_target(e) in only]
    words: dict[tuple[str, str], list[tuple[int, int, str, str]]] = {}
    notes: dict[str, list[tuple[int, int, str, str]]] = {}
    heads: dict[str, list[tuple[int, int, str, str]]] = {}
    for e in chosen:
        if isinstance(e, WordEdit):
            words.setdefault((e.paragraph_id, e.field), []).append((e.start, e.end, e.old, e.new))
        elif isinstance(e, FootnoteEdit):
            notes.setdefault(e.footnote_id, []).append((e.start, e.end, e.old, e.new))
        elif isinstance(e, TitleEdit):
            heads.setdefault(e.unit, []).append((e.start, e.end, e.old, e.new))
    for key, hunks in heads.items():
        markup = title_of(res, key)
        if markup is None:
            raise InputError(
                say(
                    "the proposal of {proposer} names a title this text does not have",
                    proposer=proposal.proposer,
                )
            )
        set_title(res, key, splice(markup, hunks))
    for (pid, name), hunks in words.items():
        node = nodes.get(pid)
        if node is None:
            raise InputError(
                say(
                    "the proposal of {proposer} names a paragraph this text does not have",
                    proposer=proposal.proposer,
                )
            )
        setattr(node, name, splice(getattr(node, name), hunks))
    for nid, hunks in notes.items():
        if nid in res.footnotes:
            res.footnotes[nid].text = splice(res.footnotes[nid].text, hunks)
    _apply_tables(nodes, [e for e in chosen if isinstance(e, CellEdit | InsertRow | DeleteRow)], proposal)
    for note in proposal.footnotes.values():
        res.footnotes.setdefault(note.id, copy.deepcopy(note))
    # insertions first, placed after their anchors while every anchor is still there; then deletions
    try:
        place_after(lists, [e for e in chosen if isinstance(e, InsertParagraph)])
    except InputError as exc:
        raise InputError(
            say("the proposal of {proposer} {reason}", proposer=proposal.proposer, reason=reason(exc))
        ) from None
    delete_all(lists, [e.paragraph_id for e in chosen if isinstance(e, DeleteParagraph)])
    return res


def _apply_tables(nodes: dict[str, Paragraph], edits: list[TableEdit], proposal: Proposal) -> None:
    from app.negotiation.table_proposals import apply_table
    from app.table_merges import rows_moved

    by_table: dict[str, list[TableEdit]] = {}
    for e in edits:
        by_table.setdefault(e.paragraph_id, []).append(e)
    for pid, mine in by_table.items():
        node = nodes.get(pid)
        if node is None or not node.is_table:
            raise InputError(
                say(
                    "the proposal of {proposer} names a table this text does not have",
                    proposer=proposal.proposer,
                )
            )
        before = node.table
        node.table, node.header_rows = apply_table(node.table, node.header_rows, mine)
        node.merges = rows_moved(before, node.table, node.merges)


def place_after(
    lists: dict[str, list[Paragraph]],
    inserts: list[InsertParagraph],
    placed_before: Callable[[Paragraph], bool] | None = None,
) -> None:
    """Each new paragraph right after its anchor, or after the one placed there before it; each list is
    rebuilt once through links from a paragraph to the next (placing one at a time costs a search of the
    list each: square time for a proposal that adds thousands). With `placed_before` (a working text that has
    moved on), a new paragraph also goes past the paragraphs it names that follow the anchor (bis, ter ...
    accepted earlier), and one whose anchor is gone goes at the end of its list; without, a lost anchor is an
    InputError."""
    by_list: dict[str, list[InsertParagraph]] = {}
    for e in inserts:
        by_list.setdefault(e.list_key, []).append(e)
    for key, edits in by_list.items():
        items = lists.get(key)
        if items is None:
            raise InputError(say("adds to a list this text does not have"))
        nodes: list[Paragraph | None] = [None, *items]  # node 0 stands before the first paragraph
        following = [*range(1, len(nodes)), -1]
        first: dict[str, int] = {}
        for k, para in enumerate(items, start=1):
            first.setdefault(para.id, k)
        cursor: dict[str, int] = {}
        at_end: list[Paragraph] = []
        for e in edits:
            anchor = cursor.get(e.after, first.get(e.after, -1) if e.after else 0)
            para = copy.deepcopy(e.paragraph)
            if anchor < 0 and placed_before is None:
                raise InputError(say("places a paragraph after one this text does not have"))
            if anchor < 0:
                at_end.append(para)
                continue
            if placed_before is not None and e.after not in cursor:
                while 0 < following[anchor] <= len(items) and placed_before(items[following[anchor] - 1]):
                    anchor = following[anchor]
            nodes.append(para)
            following.append(following[anchor])
            following[anchor] = len(nodes) - 1
            first.setdefault(para.id, len(nodes) - 1)
            cursor[e.after] = len(nodes) - 1
        out: list[Paragraph] = []
        k = following[0]
        while k >= 0:
            out.append(nodes[k])  # type: ignore[arg-type]
            k = following[k]
        items[:] = out + at_end


def delete_all(lists: dict[str, list[Paragraph]], doomed_ids: list[str]) -> None:
    """Each deleted paragraph's first occurrence, lists in order (an id deleted twice: its next one too)."""
    doomed = Counter(doomed_ids)
    for items in lists.values():
        if not doomed:
            return
        keep: list[Paragraph] = []
        for para in items:
            if doomed.get(para.id):
                doomed[para.id] -= 1
                if not doomed[para.id]:
                    del doomed[para.id]
            else:
                keep.append(para)
        if len(keep) != len(items):
            items[:] = keep


def by_target(proposal: Proposal) -> dict[str, list[Edit]]:
    """The proposal's edits grouped by `edit_target`, each group in the proposal's order."""
    out: dict[str, list[Edit]] = {}
    for e in proposal.edits:
        out.setdefault(edit_target(e), []).append(e)
    return out


def edit_target(edit: Edit) -> str:
    """The id an edit is decided by: the paragraph whose words it changes or that it deletes, the proposed
    paragraph itself, the footnote, or the title's key (`titles`)."""
    if isinstance(edit, FootnoteEdit):
        return edit.footnote_id
    if isinstance(edit, TitleEdit):
        return edit.unit
    if isinstance(edit, InsertParagraph):
        return edit.paragraph.id
    return edit.paragraph_id


# --- typed in the room ----------------------------------------------------------------------------------


def typed_edit(
    base: Resolution, paragraph_id: str, *, old: str = "", new: str = "", after: str = "", field: str = "text"
) -> WordEdit | TitleEdit:
    """An edit as a facilitator types it: `after` "States" insert `new`; replace `old` with `new`; delete `old`
    (`new` empty). Words are found in the paragraph's field (first occurrence), or in a title when
    `paragraph_id` is a title's key (`titles`)."""
    title = title_of(base, paragraph_id)
    if title is not None:
        markup = title
    else:
        node = _nodes(base).get(paragraph_id)
        if node is None or field not in FIELDS:
            raise InputError(say("no such paragraph or field in the text"))
        markup = getattr(node, field)
    toks = tokens(markup)
    needle = tokens(after or old)
    if not needle:
        raise InputError(say("say which words the proposal is about (after … / replace …)"))
    at = next((i for i in range(len(toks) - len(needle) + 1) if toks[i : i + len(needle)] == needle), None)
    if at is None:
        words = after or old
        raise InputError(
            say("“{words}” is not in this title", words=words)
            if title is not None
            else say("“{words}” is not in this paragraph", words=words)
        )
    if after:
        glue = "" if new[:1].isspace() or new[:1] in ",;:." else " "
        start, end, old_words, new_words = at + len(needle), at + len(needle), "", glue + new
    else:
        start, end, old_words, new_words = at, at + len(needle), "".join(needle), new
    if title is not None:
        return TitleEdit(paragraph_id, start, end, old_words, new_words)
    return WordEdit(paragraph_id, field, start, end, old_words, new_words)
