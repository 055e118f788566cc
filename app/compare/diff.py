"""Compare two resolutions by structure first, then word by word.

Parts A, B ... are paired with parts and annexes with annexes (by id in one project, else by title, then by
place); a part's letter, title and organ line and an annex's heading and title are compared as lines.
Paragraphs are aligned part by part (preamble with preamble, operative with operative, annex with annex): by their stable ids
when both versions come from the same project, else by content. Subparagraphs are aligned the same way
inside each matched pair. Only then are the words of each printed block compared. A paragraph that moved is
shown as deleted where it was and inserted where it is, with a shared `move` key, so the text never scrambles.

Numbers and subparagraph labels are not compared: they are derived from position, and a deleted paragraph
would otherwise make every later number look changed. Terminal punctuation is compared: it is printed text.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from itertools import zip_longest

from app import inline
from app.model import Annex, Paragraph, Part, Resolution, ResolutionPart
from app.render import Block, Rendered, annex_label, part_letter, render
from app.sequences import matching_blocks, word_opcodes

EQUAL, INSERT, DELETE = "equal", "insert", "delete"

# Paragraphs are paired when this alike (0..1, by words); a move needs more, as it pairs across positions.
PAIR_THRESHOLD = 0.5
MOVE_THRESHOLD = 0.65
_GAP_SIDE = 150  # paragraphs a side of a gap paired at once (the pairing weighs every pair in the gap)

_TOKEN = re.compile(r"\s+|[^\s,;:.!?()\[\]“”\"‘]+|\S")


@dataclass(frozen=True)
class Segment:
    """A run of text with one change status.

    `footnote` is a key into `Comparison.footnotes` for a footnote reference (then `text` is empty).
    """

    op: str  # EQUAL, INSERT or DELETE
    text: str = ""
    italic: bool = False
    opener: bool = False
    footnote: str = ""


@dataclass
class BlockChange:
    """One printed paragraph of either version, with its words marked."""

    status: str  # "equal", "changed", "inserted" or "deleted"
    base: Block | None
    new: Block | None
    segments: list[Segment]
    move: str = ""  # the same key on the deleted and the inserted copy of a moved paragraph

    @property
    def block(self) -> Block:
        """The block whose layout this change takes: the new one, or the base one when deleted."""
        return self.new or self.base  # type: ignore[return-value]

    def text(self, side: str) -> str:
        """The block's plain text as it reads in the base ("base") or new ("new") version, without label."""
        drop = INSERT if side == "base" else DELETE
        return "".join(s.text for s in self.segments if s.op != drop)


@dataclass
class FootnoteChange:
    status: str  # "equal", "changed", "inserted" or "deleted"
    base_id: str
    new_id: str
    segments: list[Segment]


@dataclass
class Comparison:
    base: Resolution
    new: Resolution
    base_rendered: Rendered
    new_rendered: Rendered
    title: list[Segment]
    organ_line: list[Segment]
    blocks: list[BlockChange]
    footnotes: dict[str, FootnoteChange] = field(default_factory=dict)
    by_id: bool = False  # paragraphs were paired by their ids
    unit_pairs: dict[str, str] = field(default_factory=dict)  # base part/annex label → its new label

    @property
    def changed(self) -> bool:
        segs = [*self.title, *self.organ_line, *(s for b in self.blocks for s in b.segments)]
        segs += [s for f in self.footnotes.values() for s in f.segments]
        return any(s.op != EQUAL for s in segs)

    def view(self) -> list[tuple[str, str, list[tuple[str, str]]]]:
        """For a compare view: (status, label, [(op, text), ...]) per printed paragraph, title first.

        Footnote references read as "[n]", numbered as in the new version (as in the base when deleted).
        """
        out = [("title", "", _view(self.title, self)), ("organ", "", _view(self.organ_line, self))]
        for change in self.blocks:
            out.append((change.status, change.block.label, _view(change.segments, self)))
        return out


def _view(segments: list[Segment], cmp: Comparison) -> list[tuple[str, str]]:
    out: list[tuple[str, str]] = []
    for s in segments:
        text = s.text
        if s.footnote:
            note = cmp.footnotes[s.footnote]
            number = cmp.new_rendered.footnote_numbers.get(note.new_id) if note.new_id else None
            if number is None:
                number = cmp.base_rendered.footnote_numbers.get(note.base_id)
            text = f"[{number}]" if number else "[*]"
        if out and out[-1][0] == s.op:
            out[-1] = (s.op, out[-1][1] + text)
        else:
            out.append((s.op, text))
    return out


# --- tokens ---------------------------------------------------------------------------------------------


@dataclass(slots=True)  # not frozen: a frozen dataclass sets each field through object.__setattr__, and a
class _Token:  # compare makes one token for every word and space of both versions
    text: str
    italic: bool = False
    opener: bool = False
    footnote: str = ""  # footnote id on its own side

    @property
    def key(self) -> tuple[str, bool]:
        # footnote references compare equal to each other; their texts are compared on their own
        return ("\0fn", False) if self.footnote else (self.text, self.italic or self.opener)


def _words(text: str, italic: bool = False, opener: bool = False) -> list[_Token]:
    return [_Token(word, italic, opener) for word in _TOKEN.findall(text)]


def block_tokens(block: Block) -> list[_Token]:
    """The printed words of a block, without its label, in the order the .docx writer prints them:
    opener, text, terminal punctuation, then the footnote references that end the paragraph."""
    spans = list(block.spans)
    trailing: list[inline.Span] = []
    while spans and spans[-1].footnote:
        trailing.insert(0, spans.pop())
    out = _words(block.opener, opener=True)
    body: list[_Token] = []
    for span in spans:
        if span.footnote:
            body.append(_Token("", footnote=span.footnote))
        else:
            body += _words(span.text, span.italic)
    if out and body and not body[0].footnote and body[0].text[:1] not in ",;:.":
        out.append(_Token(" "))
    return out + body + _words(block.end) + [_Token("", footnote=s.footnote) for s in trailing]


# --- word diff ------------------------------------------------------------------------------------------


def _is_glue(tokens: Sequence[_Token]) -> bool:
    """Short equal stretches between two changes read better folded into them ("eighty-first session")."""
    if len(tokens) > 3 or any(t.footnote for t in tokens):
        return False
    return sum(len(t.text.strip()) for t in tokens) <= 3


def _is_space(key: tuple[str, bool]) -> bool:
    return key[0].isspace()


def diff_tokens(a: Sequence[_Token], b: Sequence[_Token]) -> list[tuple[str, list[_Token], list[_Token]]]:
    """Opcodes (tag, base tokens, new tokens) with "equal", "delete", "insert" and "replace"."""
    ops = [
        (tag, list(a[i1:i2]), list(b[j1:j2]))
        for tag, i1, i2, j1, j2 in word_opcodes([t.key for t in a], [t.key for t in b], _is_space)
    ]
    # fold whitespace-only equal stretches that sit between two changes into those changes
    merged: list[tuple[str, list[_Token], list[_Token]]] = []
    for i, (tag, x, y) in enumerate(ops):
        between = 0 < i < len(ops) - 1 and ops[i - 1][0] != "equal" and ops[i + 1][0] != "equal"
        if tag == "equal" and between and _is_glue(x):
            tag = "replace"
        if tag != "equal" and merged and merged[-1][0] != "equal":
            _, px, py = merged[-1]
            px += x  # in place: a long run of changes costs its length, not its length squared
            py += y
            merged[-1] = ("replace", px, py)
        else:
            merged.append((tag, x, y))
    return merged


class _Notes:
    """Footnote pairs found while comparing words, keyed for `Comparison.footnotes`."""

    def __init__(self, base: Resolution, new: Resolution) -> None:
        self.base, self.new = base, new
        self.changes: dict[str, FootnoteChange] = {}

    def key(self, base_id: str, new_id: str) -> str:
        key = f"fn{len(self.changes) + 1}"
        btext = self.base.footnotes[base_id].text if base_id in self.base.footnotes else ""
        ntext = self.new.footnotes[new_id].text if new_id in self.new.footnotes else ""
        if base_id and new_id:
            segs = diff_markup(btext, ntext)
            status = "equal" if all(s.op == EQUAL for s in segs) else "changed"
        elif new_id:
            segs, status = _markup_segments(ntext, INSERT), "inserted"
        else:
            segs, status = _markup_segments(btext, DELETE), "deleted"
        self.changes[key] = FootnoteChange(status, base_id, new_id, segs)
        return key


def _markup_tokens(markup: str) -> list[_Token]:
    out: list[_Token] = []
    for span in inline.parse(markup):
        out += [_Token("", footnote=span.footnote)] if span.footnote else _words(span.text, span.italic)
    return out


def _markup_segments(markup: str, op: str) -> list[Segment]:
    return _segments([(op, t) for t in _markup_tokens(markup)], None)


def diff_markup(base: str, new: str) -> list[Segment]:
    """Word diff of two inline-markup texts (footnote texts, titles). Footnote references are dropped."""
    a = [t for t in _markup_tokens(base) if not t.footnote]
    b = [t for t in _markup_tokens(new) if not t.footnote]
    return _segments(_flatten(diff_tokens(a, b)), None)


def diff_strings(base: str, new: str) -> list[tuple[str, str, str]]:
    """Word diff of two strings as runs (tag, base text, new text), tags as in `diff_tokens`."""
    return [
        (tag, "".join(t.text for t in x), "".join(t.text for t in y))
        for tag, x, y in diff_tokens(_words(base), _words(new))
    ]


def _flatten(ops: Iterable[tuple[str, list[_Token], list[_Token]]]) -> list[tuple[str, _Token | tuple]]:
    """Opcodes as a flat (op, token) list; equal footnote references carry both ids as a pair."""
    out: list[tuple[str, _Token | tuple]] = []
    for tag, x, y in ops:
        if tag == "equal":
            for bt, nt in zip(x, y, strict=True):
                out.append((EQUAL, (bt, nt) if nt.footnote else nt))
        else:
            out += [(DELETE, t) for t in x]
            out += [(INSERT, t) for t in y]
    return out


def _segments(items: list[tuple[str, _Token | tuple]], notes: _Notes | None) -> list[Segment]:
    out: list[Segment] = []
    texts: list[list[str]] = []  # the words of each segment of `out` (none for a footnote's)
    for op, item in items:
        if isinstance(item, tuple):  # an equal footnote reference: (base token, new token)
            bt, nt = item
            out.append(Segment(op, footnote=notes.key(bt.footnote, nt.footnote) if notes else ""))
            texts.append([])
            continue
        tok = item
        if tok.footnote:
            if notes:
                ids = (tok.footnote, "") if op == DELETE else ("", tok.footnote)
                out.append(Segment(op, footnote=notes.key(*ids)))
                texts.append([])
            continue
        last = out[-1] if out else None
        if last and not last.footnote and (last.op, last.italic, last.opener) == (op, tok.italic, tok.opener):
            texts[-1].append(tok.text)  # joined once below: joining word by word is square time
        else:
            out.append(Segment(op, "", tok.italic, tok.opener))
            texts.append([tok.text])
    return [
        Segment(seg.op, "".join(words), seg.italic, seg.opener) if words else seg
        for seg, words in zip(out, texts, strict=True)
    ]


def diff_blocks(base: Block | None, new: Block | None, notes: _Notes | None = None) -> BlockChange:
    a = block_tokens(base) if base else []
    b = block_tokens(new) if new else []
    segs = _segments(_flatten(diff_tokens(a, b)), notes)
    if base is None:
        status = "inserted"
    elif new is None:
        status = "deleted"
    else:
        status = "equal" if all(s.op == EQUAL for s in segs) else "changed"
        if status == "equal" and notes:
            refs = [notes.changes[s.footnote] for s in segs if s.footnote]
            if any(r.status != "equal" for r in refs):
                status = "changed"
    return BlockChange(status, base, new, segs)


# --- paragraph alignment --------------------------------------------------------------------------------


def _para_words(para: Paragraph) -> list[str]:
    words: list[str] = []
    for node in para.walk():
        cells = [inline.plain(cell) for row in node.table for cell in row]  # a table: its cells' words
        for text in (node.opener, inline.plain(node.text), inline.plain(node.tail), *cells):
            words += [w.lower() for w in re.findall(r"[^\W_]+(?:[-‑'’][^\W_]+)*", text)]
    return words


def features(words: Sequence[str]) -> frozenset[str]:
    """Words and word pairs of a paragraph: what `likeness` compares."""
    return frozenset(words) | frozenset(f"{a} {b}" for a, b in zip(words, words[1:], strict=False))


def likeness(a: frozenset[str], b: frozenset[str]) -> float:
    """How alike two paragraphs are, 0..1: the Dice coefficient of their words and word pairs. Set
    operations keep pairing hundreds of paragraphs against hundreds fast."""
    if not a and not b:
        return 1.0
    return 2 * len(a & b) / (len(a) + len(b))


Pair = tuple[Paragraph | None, Paragraph | None]
Unit = ResolutionPart | Annex


def _align_content(base: list[Paragraph], new: list[Paragraph]) -> list[Pair]:
    """Order-keeping pairing by content: identical paragraphs anchor first, the gaps between them are paired
    by likeness."""
    bw = [_para_words(p) for p in base]
    nw = [_para_words(p) for p in new]
    blocks = matching_blocks([tuple(w) for w in bw], [tuple(w) for w in nw])
    bw = [features(w) for w in bw]  # type: ignore[misc]
    nw = [features(w) for w in nw]  # type: ignore[misc]
    pairs: list[Pair] = []
    i = j = 0
    for bi, nj, size in blocks:
        pairs += _align_gap(base[i:bi], new[j:nj], bw[i:bi], nw[j:nj])
        pairs += [(base[bi + k], new[nj + k]) for k in range(size)]
        i, j = bi + size, nj + size
    return _deletions_first(pairs)


def _align_gap(
    base: list[Paragraph], new: list[Paragraph], bw: list[frozenset[str]], nw: list[frozenset[str]]
) -> list[Pair]:
    """Pairing that maximizes total likeness (pairs below the threshold are not made)."""
    n, m = len(base), len(new)
    if not n or not m:
        return [(p, None) for p in base] + [(None, p) for p in new]
    if n * m > _GAP_SIDE * _GAP_SIDE:
        # a long gap (drafts that differ throughout) is paired piece by piece along its diagonal, so that
        # its cost grows with its length; a paragraph that left its piece is still found as a move
        pieces = max(math.ceil(n / _GAP_SIDE), math.ceil(m / _GAP_SIDE))
        out: list[Pair] = []
        for k in range(pieces):
            b1, b2, n1, n2 = n * k // pieces, n * (k + 1) // pieces, m * k // pieces, m * (k + 1) // pieces
            out += _align_gap(base[b1:b2], new[n1:n2], bw[b1:b2], nw[n1:n2])
        return out
    sim = [[_pair_likeness(base[i], new[j], bw[i], nw[j]) for j in range(m)] for i in range(n)]
    score = [[0.0] * (m + 1) for _ in range(n + 1)]
    for i in range(n - 1, -1, -1):
        for j in range(m - 1, -1, -1):
            best = max(score[i + 1][j], score[i][j + 1])
            if sim[i][j] >= PAIR_THRESHOLD:
                best = max(best, sim[i][j] + score[i + 1][j + 1])
            score[i][j] = best
    pairs: list[Pair] = []
    i = j = 0
    while i < n and j < m:
        if sim[i][j] >= PAIR_THRESHOLD and abs(score[i][j] - (sim[i][j] + score[i + 1][j + 1])) < 1e-9:
            pairs.append((base[i], new[j]))
            i, j = i + 1, j + 1
        elif score[i][j] == score[i + 1][j]:
            pairs.append((base[i], None))
            i += 1
        else:
            pairs.append((None, new[j]))
            j += 1
    return pairs + [(p, None) for p in base[i:]] + [(None, p) for p in new[j:]]


def _pair_likeness(a: Paragraph, b: Paragraph, aw: frozenset[str], bw: frozenset[str]) -> float:
    """How alike two paragraphs are; two tables of as many columns are at least PAIR_THRESHOLD alike (a table
    edited: its rows are then paired by `table_diff`, a blank table filled included), never deleted and
    inserted whole for their words alone."""
    score = likeness(aw, bw)
    if a.table and b.table and _columns(a) == _columns(b):
        return max(score, PAIR_THRESHOLD)
    return score


def _columns(para: Paragraph) -> int:
    return max((len(row) for row in para.table), default=0)


def _deletions_first(pairs: list[Pair]) -> list[Pair]:
    """Inside each run of unpaired paragraphs, list the deleted ones before the inserted ones."""
    out: list[Pair] = []
    run: list[Pair] = []
    for pair in [*pairs, (None, None)]:
        if (pair[0] is None) != (pair[1] is None):
            run.append(pair)
            continue
        out += [p for p in run if p[1] is None] + [p for p in run if p[0] is None]
        run = []
        if pair != (None, None):
            out.append(pair)
    return out


def align(base: list[Paragraph], new: list[Paragraph], *, by_id: bool) -> list[Pair]:
    """Pair paragraphs in reading order; a paragraph with no partner is deleted (base) or inserted (new)."""
    if not by_id:
        return _align_content(base, new)
    new_ids = {p.id for p in new}
    base_ids = {p.id for p in base}
    # positions of the paragraphs whose ids both versions have, matched in order; the gaps between matched
    # pairs are paired by content. Positions, not ids, so that an id twice in one version (a file edited by
    # hand) cannot stall the walk.
    at_b = [i for i, p in enumerate(base) if p.id in new_ids]
    at_n = [j for j, p in enumerate(new) if p.id in base_ids]
    blocks = matching_blocks([base[i].id for i in at_b], [new[j].id for j in at_n])
    matched = [(at_b[i + k], at_n[j + k]) for i, j, size in blocks for k in range(size)]
    pairs: list[Pair] = []
    bi = ni = 0
    for b, n in matched:
        pairs += _align_content(base[bi:b], new[ni:n])
        pairs.append((base[b], new[n]))
        bi, ni = b + 1, n + 1
    return pairs + _align_content(base[bi:], new[ni:])


def same_project(base: Resolution, new: Resolution) -> bool:
    """Paragraph ids are worth pairing on when most of them are shared (both versions of one project)."""
    bids = {p.id for _, p in base.paragraphs()}
    nids = {p.id for _, p in new.paragraphs()}
    if not bids or not nids:
        return False
    return len(bids & nids) >= 0.5 * min(len(bids), len(nids))


# --- the comparison -------------------------------------------------------------------------------------


_PART_ROLES = ("part_heading", "part_title", "organ_line")
_ANNEX_ROLES = ("annex_heading", "annex_title")
_UNIT_ROLES = _PART_ROLES + _ANNEX_ROLES


class _Blocks:
    """Rendered blocks of one version, found by paragraph id."""

    def __init__(self, rendered: Rendered) -> None:
        self.lead: dict[str, Block] = {}
        self.tail: dict[str, Block] = {}
        self.heads: dict[str, list[Block]] = {}  # section heading lines printed before a paragraph
        self.units: dict[tuple[str, str], Block] = {}  # a part's or annex's own lines, by (id, role)
        self.note: dict[str, Block] = {}  # the note printed under a table, by the table's paragraph id
        for block in rendered.blocks:
            if block.role in _UNIT_ROLES:
                self.units[(block.paragraph_id, block.role)] = block
                continue
            if block.role == "heading":
                self.heads.setdefault(block.paragraph_id, []).append(block)
                continue
            if block.role == "unplaced":
                continue
            if block.role == "table_note" and not block.is_tail and block.paragraph_id in self.lead:
                self.note.setdefault(block.paragraph_id, block)
                continue
            target = self.tail if block.is_tail else self.lead
            target.setdefault(block.paragraph_id, block)


def _reading_order(para: Paragraph, blocks: _Blocks) -> list[Block]:
    out = [blocks.lead[para.id]] if para.id in blocks.lead else []
    if para.id in blocks.note:
        out.append(blocks.note[para.id])
    for sub in para.subparagraphs:
        out += _reading_order(sub, blocks)
    if para.id in blocks.tail:
        out.append(blocks.tail[para.id])
    return out


class _Comparer:
    def __init__(self, base: Resolution, new: Resolution, by_id: bool) -> None:
        self.by_id = by_id
        self.base_rendered, self.new_rendered = render(base), render(new)
        self.base_blocks = _Blocks(self.base_rendered)
        self.new_blocks = _Blocks(self.new_rendered)
        self.notes = _Notes(base, new)
        self.out: list[BlockChange] = []
        self.moves = 0
        self.unit_pairs: dict[str, str] = {}

    def whole(self, para: Paragraph, side: str, move: str = "") -> None:
        blocks = self.base_blocks if side == "base" else self.new_blocks
        for block in blocks.heads.get(para.id, []) + _reading_order(para, blocks):
            change = (
                diff_blocks(block, None, self.notes)
                if side == "base"
                else diff_blocks(None, block, self.notes)
            )
            change.move = move
            self.out.append(change)

    def pair(self, bp: Paragraph, np: Paragraph) -> None:
        bb, nb = self.base_blocks, self.new_blocks
        for bh, nh in zip_longest(bb.heads.get(bp.id, []), nb.heads.get(np.id, [])):
            self.out.append(diff_blocks(bh, nh, self.notes))
        self.out.append(diff_blocks(bb.lead.get(bp.id), nb.lead.get(np.id), self.notes))
        bn, nn = bb.note.get(bp.id), nb.note.get(np.id)
        if bn or nn:
            self.out.append(diff_blocks(bn, nn, self.notes))
        self.paragraphs(bp.subparagraphs, np.subparagraphs)
        bt, nt = bb.tail.get(bp.id), nb.tail.get(np.id)
        if bt or nt:
            self.out.append(diff_blocks(bt, nt, self.notes))

    def unit_lines(self, base_id: str | None, new_id: str | None, roles: tuple[str, ...]) -> None:
        """A part's letter, title and organ line, or an annex's heading and title (None: not in that version)."""
        for role in roles:
            bb = self.base_blocks.units.get((base_id, role)) if base_id is not None else None
            nb = self.new_blocks.units.get((new_id, role)) if new_id is not None else None
            if bb or nb:
                self.out.append(diff_blocks(bb, nb, self.notes))

    def units(self, base: Sequence[ResolutionPart | Annex], new: Sequence[ResolutionPart | Annex]) -> None:
        """Parts with parts, annexes with annexes: by id in one project, else by title, then by place."""
        base_labels = {id(u): label for u, label in zip(base, _unit_labels(base), strict=True)}
        new_labels = {id(u): label for u, label in zip(new, _unit_labels(new), strict=True)}
        for bu, nu in _pair_units(base, new, self.by_id):
            if bu is not None and nu is not None:
                self.unit_pairs[base_labels[id(bu)]] = new_labels[id(nu)]
            if isinstance(bu or nu, ResolutionPart):
                self.unit_lines(bu.id if bu else None, nu.id if nu else None, _PART_ROLES)
                for part in Part:
                    self.paragraphs(bu.part(part) if bu else [], nu.part(part) if nu else [])  # type: ignore[union-attr]
            else:
                self.unit_lines(bu.id if bu else None, nu.id if nu else None, _ANNEX_ROLES)
                self.paragraphs(bu.paragraphs if bu else [], nu.paragraphs if nu else [])  # type: ignore[union-attr]

    def paragraphs(self, base: list[Paragraph], new: list[Paragraph]) -> None:
        pairs = align(base, new, by_id=self.by_id)
        moves = self._moves(pairs)
        for bp, np in pairs:
            if bp and np:
                self.pair(bp, np)
            elif bp:
                self.whole(bp, "base", moves.get(id(bp), ""))
            elif np:
                self.whole(np, "new", moves.get(id(np), ""))

    def _moves(self, pairs: list[Pair]) -> dict[int, str]:
        """Unpaired paragraphs that are (nearly) the same text in both versions moved."""
        gone = [bp for bp, np in pairs if bp and not np]
        came = [np for bp, np in pairs if np and not bp]
        found: dict[int, str] = {}
        if not gone or not came:
            return found
        scored = []
        if self.by_id:
            came_by_id = {np.id: np for np in came}
            scored += [(2.0, bp, came_by_id[bp.id]) for bp in gone if bp.id in came_by_id]
        gone_f = [features(_para_words(bp)) for bp in gone]
        came_f = [features(_para_words(np)) for np in came]
        scored += [(s, gone[g], came[c]) for s, g, c in similar_pairs(gone_f, came_f, MOVE_THRESHOLD)]
        for _, bp, np in sorted(scored, key=lambda t: -t[0]):
            if id(bp) in found or id(np) in found:
                continue
            self.moves += 1
            found[id(bp)] = found[id(np)] = f"move{self.moves}"
        return found


def similar_pairs(
    left: list[frozenset[str]], right: list[frozenset[str]], threshold: float
) -> list[tuple[float, int, int]]:
    """(likeness, i, j) of every pair at least `threshold` alike. Two sets that alike share one of the rarest
    features of each (a prefix filter: Dice t is Jaccard t / (2 - t), and sets of Jaccard J share one of
    their first len - ceil(J * len) + 1 features in any one order), so only those pairs are weighed; a
    budget in proportion to the input keeps a pile of identical paragraphs from costing their square."""
    empty = frozenset({"\0empty"})
    left = [s or empty for s in left]
    right = [s or empty for s in right]
    freq = Counter(f for s in (*left, *right) for f in s)
    jaccard = threshold / (2 - threshold)

    def prefix(s: frozenset[str]) -> list[str]:
        keep = len(s) - math.ceil(jaccard * len(s) - 1e-9) + 1
        return sorted(s, key=lambda f: (freq[f], f))[:keep]

    index: dict[str, list[int]] = {}
    for j, s in enumerate(right):
        for f in prefix(s):
            index.setdefault(f, []).append(j)
    budget = 200 * (len(left) + len(right)) + 100_000
    out = []
    for i, s in enumerate(left):
        seen: set[int] = set()
        for f in prefix(s):
            for j in index.get(f, ()):
                if j in seen:
                    continue
                seen.add(j)
                budget -= 1
                score = likeness(s, right[j])
                if score >= threshold:
                    out.append((score, i, j))
            if budget <= 0:
                return out
    return out


def _line_segments(base: str, new: str) -> list[Segment]:
    return diff_markup(inline.escape(base), inline.escape(new))


def compare(base: Resolution, new: Resolution, *, by_id: bool | None = None) -> Comparison:
    """The structural comparison of two versions. `by_id` None: decide from the ids the versions share."""
    use_ids = same_project(base, new) if by_id is None else by_id
    comparer = _Comparer(base, new, use_ids)
    comparer.units(base.parts(), new.parts())
    comparer.units(base.annexes, new.annexes)
    base_r, new_r = comparer.base_rendered, comparer.new_rendered
    _unplaced(comparer, base_r, new_r)
    # a paragraph moved between parts or annexes shows as deleted in one and inserted in the other
    return Comparison(
        base=base,
        new=new,
        base_rendered=base_r,
        new_rendered=new_r,
        title=diff_markup(
            base.title if base_r.template.has_title else "", new.title if new_r.template.has_title else ""
        ),
        organ_line=_line_segments(_organ_line(base_r), _organ_line(new_r)),
        blocks=comparer.out,
        footnotes=comparer.notes.changes,
        by_id=use_ids,
        unit_pairs=comparer.unit_pairs,
    )


def _organ_line(r: Rendered) -> str:
    return r.organ_line + ("," if r.organ_comma else "")


def _unit_labels(units: Sequence[Unit]) -> list[str]:
    """The `Block.unit` each part or annex prints under."""
    if units and isinstance(units[0], Annex):
        return [annex_label(i, len(units)) for i in range(1, len(units) + 1)]
    return [part_letter(i) if len(units) > 1 else "" for i in range(len(units))]


def _pair_units(
    base: Sequence[Unit], new: Sequence[Unit], by_id: bool
) -> list[tuple[Unit | None, Unit | None]]:
    """Pair parts or annexes in order: equal keys (ids, else titles) anchor, the gaps pair by place."""

    def key(unit: Unit) -> str:
        return unit.id if by_id else inline.plain(unit.title).lower()

    pairs: list[tuple[Unit | None, Unit | None]] = []
    i = j = 0
    for bi, nj, size in matching_blocks([key(u) for u in base], [key(u) for u in new]):
        pairs += list(zip_longest(base[i:bi], new[j:nj]))
        pairs += [(base[bi + k], new[nj + k]) for k in range(size)]
        i, j = bi + size, nj + size
    return pairs


def _unplaced(comparer: _Comparer, base_r: Rendered, new_r: Rendered) -> None:
    """Material kept as text has no ids: pair it by content."""
    ba = [b for b in base_r.blocks if b.role == "unplaced"]
    na = [b for b in new_r.blocks if b.role == "unplaced"]
    if not ba and not na:
        return
    bp = [Paragraph(text=inline.unparse(list(b.spans))) for b in ba]
    np = [Paragraph(text=inline.unparse(list(b.spans))) for b in na]
    index = {id(p): b for p, b in zip(bp + np, ba + na, strict=True)}
    for x, y in _align_content(bp, np):
        comparer.out.append(
            diff_blocks(index[id(x)] if x else None, index[id(y)] if y else None, comparer.notes)
        )
