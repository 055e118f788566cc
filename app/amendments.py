"""Amendments as operations on a draft: derive the instructions that turn one version into another, apply
instructions to the draft they amend, and lay an amendment out as issued (its sentences in the set wording of
`app.wording`, each whole paragraph quoted after the sentence that names it).

Instructions name paragraphs by their place in the base draft as issued (`Instruction.number`, `sub`), so
applying them first finds every target in the base, then changes text, then replaces, deletes and inserts.
"""

from __future__ import annotations

import copy
import dataclasses
import re
from dataclasses import dataclass, field

from app import inline
from app.compare.diff import DELETE, EQUAL, INSERT, Segment, align, diff_strings, same_project
from app.errors import InputError
from app.formatting import subparagraph_label
from app.languages import get_language
from app.lexicon import detect_opener
from app.messages import Phrase, say
from app.model import (
    TITLE_UNIT,
    Action,
    Annex,
    DocumentKind,
    Header,
    Instruction,
    Paragraph,
    Part,
    Resolution,
    ResolutionPart,
)
from app.render import Block, annex_units, join_opener, part_letter
from app.table_amendments import apply_tables, carry_out, derive_table, table_sentence
from app.table_amendments import find as find_table
from app.unit_deletions import annex_pairs, check_unit, deleted_places, deletion, part_pairs
from app.unit_insertions import added_units, check_added, insert_units
from app.wording.edits import Edit, segment_edits
from app.wording.places import paragraph_name, place_name
from app.wording.sentences import in_paragraph, sentence
from app.wording.tables import table_place
from app.wording.units import is_annex_unit, is_text_edit, is_title, is_whole_unit, titled, unit_title

# --- text of a paragraph --------------------------------------------------------------------------------


def lead_text(para: Paragraph) -> str:
    """What a text edit works on: the opener and the text before any subparagraphs, as one markup string."""
    return join_opener(para.opener, para.text)


def set_lead_text(para: Paragraph, text: str, part: Part) -> None:
    """Put an edited lead text back, keeping the opener when the text still starts with it."""
    opener = para.opener
    if opener and text.startswith(opener) and (len(text) == len(opener) or not text[len(opener)].isalnum()):
        rest = text[len(opener) :]
        para.text = rest[1:] if rest.startswith(" ") else rest
        return
    found = detect_opener(inline.plain(text), part) if "*" not in text and "[" not in text else ""
    para.opener = found if found and text.startswith(found) else ""
    para.text = text[len(para.opener) :].lstrip(" ") if para.opener else text


def texts(paragraphs: list[Paragraph]) -> list[tuple]:
    """The paragraph texts as compared: each paragraph's lead text, its subparagraphs, tail and heading."""
    return [(lead_text(p), texts(p.subparagraphs), p.tail, p.heading) for p in paragraphs]


# --- applying text edits --------------------------------------------------------------------------------


def _find(text: str, words: str, what: object) -> int:
    at = text.find(words)
    if at < 0:
        raise InputError(say("{place}: “{words}” is not in the text", place=what, words=inline.plain(words)))
    return at


def _region(text: str, ins: Instruction | Edit, where: object) -> tuple[int, int, str]:
    """The stretch of `text` an edit changes and what takes its place."""
    if ins.action is Action.INSERT:
        if ins.after:
            at = _find(text, ins.after, where) + len(ins.after)
            return at, at, " " + ins.new
        if ins.old:
            at = _find(text, ins.old, where)
            return at, at, ins.new + " "
        return len(text), len(text), " " + ins.new
    if ins.after:
        start = _find(text, ins.after, where) + len(ins.after)
        gap = len(text[start:]) - len(text[start:].lstrip())
        start += gap
        if not text.startswith(ins.old, start):
            raise InputError(
                say(
                    "{place}: “{words}” does not follow “{after}”",
                    place=where,
                    words=inline.plain(ins.old),
                    after=inline.plain(ins.after),
                )
            )
    else:
        start = _find(text, ins.old, where)
    return start, start + len(ins.old), ins.new if ins.action is Action.REPLACE else ""


_SPACES = re.compile(r" {2,}")
_SPACE_BEFORE = re.compile(r" +(?=[,;:.)”’])|(?<=[(“]) +")


def apply_edits(text: str, edits: list[Instruction] | list[Edit], where: object = None) -> str:
    """The text with every edit made; each edit is found in the text as given (not as edited)."""
    where = where or say("the paragraph")  # a name of the paragraph (`Phrase`), said in the reader's language
    regions = sorted(_region(text, e, where) for e in edits)
    for (_, end, _), (start, _, _) in zip(regions, regions[1:], strict=False):
        if start < end:
            raise InputError(say("{place}: two changes overlap", place=where))
    out = text
    for start, end, new in reversed(regions):
        out = out[:start] + new + out[end:]
    return _SPACE_BEFORE.sub("", _SPACES.sub(" ", out)).strip()


# --- deriving instructions ------------------------------------------------------------------------------


def _text_edits(base: str, new: str) -> list[Edit] | None:
    """Edits from `base` to `new`, or None when the change is better given as the whole paragraph."""
    if inline.footnote_ids(base) != inline.footnote_ids(new):
        return None
    segments: list[Segment] = []
    for tag, old, added in diff_strings(base, new):
        if tag == "equal":
            segments.append(Segment(EQUAL, old))
            continue
        segments += [Segment(DELETE, old)] if old else []
        segments += [Segment(INSERT, added)] if added else []
    edits = segment_edits(segments, punctuation=True)
    # footnote references, italics and quotation marks inside quoted words would not read back: whole paragraph
    if any(c in e.old + e.new + e.after for e in edits for c in '[]*\\“”"'):
        return None
    try:
        if apply_edits(base, edits) != new:
            return None
    except InputError:
        return None
    return edits


def _sub_label(path: list[int]) -> str:
    return " ".join(subparagraph_label(depth, i) for depth, i in enumerate(path, start=1))


def _derive_pair(
    at: tuple[str, Part, int], path: list[int], bp: Paragraph, np: Paragraph, by_id: bool, subs: bool
) -> list[Instruction] | None:
    """Instructions from one paragraph to its counterpart, or None when only the whole paragraph will do.
    `at`: the paragraph's unit, part and number. `subs`: subparagraphs may be deleted and inserted one by one
    (else any such change replaces the whole)."""
    unit, part, number = at
    sub = _sub_label(path)
    if bp.heading != np.heading or bp.tail != np.tail:
        return None
    pairs = align(bp.subparagraphs, np.subparagraphs, by_id=by_id)
    if not subs and any(a is None or b is None for a, b in pairs):
        return None
    out: list[Instruction] = []
    before, after = lead_text(bp), lead_text(np)
    if before != after:
        edits = _text_edits(before, after)
        if edits is None:
            return None
        out += [
            Instruction(e.action, part, number, sub, old=e.old, new=e.new, after=e.after, unit=unit)
            for e in edits
        ]
    index = 0  # the base subparagraph last passed
    for a, b in pairs:
        index += a is not None
        label = _sub_label([*path, index]) if index else f"{sub} (0)".strip()
        if a is not None and b is not None:
            inner = _derive_pair(at, [*path, index], a, b, by_id, subs)
            out += (
                inner
                if inner is not None
                else [Instruction(Action.REPLACE, part, number, label, paragraph=copy.deepcopy(b), unit=unit)]
            )
        elif a is not None:
            out.append(Instruction(Action.DELETE, part, number, label, paragraph=copy.deepcopy(a), unit=unit))
        elif b is not None:
            out.append(Instruction(Action.INSERT, part, number, label, paragraph=copy.deepcopy(b), unit=unit))
    return out


def _table_changed(bp: Paragraph | None, np: Paragraph | None) -> bool:
    """Whether a table stands on either side of a pair and is not the same on both."""
    if not (bp is not None and bp.is_table) and not (np is not None and np.is_table):
        return False
    if bp is None or np is None:
        return True
    return (bp.table, bp.header_rows, bp.text, bp.heading) != (np.table, np.header_rows, np.text, np.heading)


def _refuse_table_change(unit: str, part: Part, number: int, nth: int) -> None:
    """The set wording names paragraphs by their numbers; a table's rows and cells have no instruction yet (the
    oral revisions word them, but the amendment could not be applied and read back): an amendment that left
    the change out would read as if the proposed version kept the table. The table is named as the oral
    revisions name it ("the table after operative paragraph 3")."""
    raise InputError(
        say(
            "the proposed version changes {what}: an amendment cannot carry that yet; change it in the "
            "draft itself",
            what=Phrase(table_place, (part, number, unit, nth)),
        )
    )


def _derive(base: Resolution, proposed: Resolution, by_id: bool, subs: bool) -> list[Instruction]:
    out = _derive_title(base, proposed)
    titles = _unit_titles(base, proposed, by_id)  # each said before the paragraphs of its part or annex
    added = added_units(base, proposed, by_id)
    for unit, part, before, after in _places(base, proposed, by_id):
        out += titles.pop(unit, [])
        if after is None:  # a later part or an annex deleted whole
            out.append(deletion(unit))
            continue
        counts: dict[Part, int] = {}
        place = (part, 0)  # the last base paragraph passed, by kind and number: where an insertion goes after
        tables = 0  # the tables passed since that paragraph: "the second table after …"
        for bp, np in align(before, after, by_id=by_id):
            if (
                bp is not None and not bp.is_table
            ):  # a table is unnumbered: the paragraphs after it keep theirs
                kind = _kind(unit, part, bp)
                counts[kind] = counts.get(kind, 0) + 1
                place, tables = (kind, counts[kind]), 0
            tables += bp is not None and bp.is_table
            if _table_changed(bp, np):
                both = bp is not None and np is not None and bp.is_table and np.is_table
                found = derive_table((unit, *place, max(tables, 1)), bp, np, _text_edits) if both else None
                if found is None:
                    _refuse_table_change(unit, *place, max(tables, 1))
                out += found or []
                continue
            kind, number = place
            if bp is not None and np is not None:
                found = _derive_pair((unit, kind, number), [], bp, np, by_id, subs)
                out += (
                    found
                    if found is not None
                    else [Instruction(Action.REPLACE, kind, number, paragraph=copy.deepcopy(np), unit=unit)]
                )
            elif bp is not None:
                out.append(Instruction(Action.DELETE, kind, number, paragraph=copy.deepcopy(bp), unit=unit))
            elif np is not None:
                out.append(Instruction(Action.INSERT, kind, number, paragraph=copy.deepcopy(np), unit=unit))
    return out + added


def _kind(unit: str, part: Part, para: Paragraph) -> Part:
    """How an instruction counts the paragraph: an annex's unnumbered paragraphs are counted among themselves
    (`Part.PREAMBLE` in an annex: "the second unnumbered paragraph of annex II"), its numbered ones by number."""
    return Part.PREAMBLE if is_annex_unit(unit) and not para.numbered else part


def _derive_title(base: Resolution, proposed: Resolution) -> list[Instruction]:
    return _title_change(base.title, proposed.title, TITLE_UNIT)


def _title_change(before: str, after: str, unit: str) -> list[Instruction]:
    """ "In the title, replace “X” with “Y”" when the words read back exactly, else "Replace the title with the
    following:" and the new title quoted (`unit`: whose title, see `wording.unit_title`)."""
    if _words(before) == _words(after):
        return []
    edits = _text_edits(before, after)
    if edits is not None:
        return [
            Instruction(e.action, Part.OPERATIVE, 1, old=e.old, new=e.new, after=e.after, unit=unit)
            for e in edits
        ]
    return [Instruction(Action.REPLACE, Part.OPERATIVE, 1, paragraph=Paragraph(text=after), unit=unit)]


def _unit_titles(base: Resolution, proposed: Resolution, by_id: bool) -> dict[str, list[Instruction]]:
    """The instructions on each part's and annex's title ("title A" for part A's), by the unit they stand
    before in reading order ("" for part A's own paragraphs)."""
    out = {
        "": _title_change(base.part_title, proposed.part_title, unit_title("A")) if base.later_parts else []
    }
    for label, bu, pu in [*part_pairs(base, proposed, by_id), *annex_pairs(base, proposed, by_id)]:
        if pu is not None:
            out[label] = _title_change(bu.title, pu.title, unit_title(label))
    return out


def _places(
    base: Resolution, proposed: Resolution, by_id: bool
) -> list[tuple[str, Part, list[Paragraph], list[Paragraph] | None]]:
    """Every list of paragraphs an instruction can name, in reading order, with its unit: part A's (or the
    draft's) preamble and operative part, each later part's, each annex's, paired with the proposed version's
    (None: the part or annex is deleted whole). InputError for a part or an annex added or retitled."""
    out: list[tuple[str, Part, list[Paragraph], list[Paragraph] | None]] = [
        ("", part, base.part(part), proposed.part(part)) for part in Part
    ]
    for letter, bu, pu in part_pairs(base, proposed, by_id):
        assert isinstance(bu, ResolutionPart)
        if not isinstance(pu, ResolutionPart):
            out.append((letter, Part.OPERATIVE, [], None))
            continue
        out += [(letter, part, bu.part(part), pu.part(part)) for part in Part]
    for unit, ba, pa in annex_pairs(base, proposed, by_id):
        assert isinstance(ba, Annex)
        out.append((unit, Part.OPERATIVE, ba.paragraphs, pa.paragraphs if isinstance(pa, Annex) else None))
    return out


def _words(markup: str) -> str:
    return " ".join(inline.plain(markup).split())


def _read(paragraphs: list[Paragraph]) -> list[tuple]:
    """Paragraphs as a reader sees them (no marks, no note ids, spaces closed up), subparagraphs and cells in."""
    return [
        (_words(lead_text(p)), _read(p.subparagraphs), _words(p.tail), _words(p.heading), p.table, p.numbered)
        for p in paragraphs
    ]


def _refuse_beyond_the_wording(base: Resolution, proposed: Resolution) -> None:
    """The set wording names the title and the paragraphs of each part and annex: a part or an annex added,
    removed or retitled, an annex's unnumbered paragraphs or a text adopted with no "Annex" line changed, or
    the unplaced text changed had no instruction, and the amendment would read as if the proposed version kept
    the base's words. Refused in one line."""
    reach = (
        (
            say("the unplaced text, which is outside the draft's paragraphs"),
            lambda r: [_words(u) for u in r.unplaced],
        ),
    )
    for what, read in reach:
        if read(base) != read(proposed):
            raise InputError(
                say(
                    "the proposed version changes {what}: an amendment cannot carry that yet; change it in the "
                    "draft itself",
                    what=what,
                )
            )


def _refuse_unnumbered(base: Resolution, proposed: Resolution, by_id: bool) -> None:
    """The paragraphs of a text adopted with no "Annex" line changed: it has no name for an instruction to
    give (an annex's unnumbered paragraphs are named by their order among themselves, see `_kind`)."""
    for _, ba, pa in annex_pairs(base, proposed, by_id):
        if pa is None:
            continue
        assert isinstance(ba, Annex) and isinstance(pa, Annex)
        if not ba.labelled and _read(ba.paragraphs) != _read(pa.paragraphs):
            raise _unnumbered_refusal()


def _unnumbered_refusal() -> InputError:
    return InputError(
        say(
            "the proposed version changes {what}: an amendment cannot carry that yet; change it in the "
            "draft itself",
            what=say("an annex whose paragraphs are unnumbered"),
        )
    )


def derive(base: Resolution, proposed: Resolution) -> list[Instruction]:
    """The instructions that turn the paragraphs of `base` into those of `proposed`, in reading order of the
    base. Paragraphs and subparagraphs are aligned by the compare engine; changes inside a paragraph become
    text edits in the set wording when they read back exactly, else the paragraph is replaced whole. The
    finer instructions are kept only when applying them gives the proposed draft exactly. InputError for a
    change the wording cannot say (a table's, a part or an annex added or retitled, unplaced text)."""
    _refuse_beyond_the_wording(base, proposed)
    by_id = same_project(base, proposed)
    _refuse_unnumbered(base, proposed, by_id)
    fine = _derive(base, proposed, by_id, subs=True)
    try:
        amended = apply(fine, base)
        same = all(b is not None and texts(a) == texts(b) for _, _, a, b in _places(amended, proposed, by_id))
        same = same and _titles(amended) == _titles(proposed)
        if same and _numbering(amended, proposed):
            return fine
    except InputError:
        pass
    coarse = _derive(base, proposed, by_id, subs=False)
    if not _numbering(apply(coarse, base), proposed):
        # a paragraph of an annex numbered or unnumbered otherwise than the one it follows or replaces: the
        # wording does not say it
        raise _unnumbered_refusal()
    return coarse


def _titles(res: Resolution) -> list[str]:
    """The titles an amendment can change, as read: the draft's, its parts' and its annexes'."""
    units = [res.title, res.part_title, *[u.title for u in res.later_parts], *[a.title for a in res.annexes]]
    return [_words(title) for title in units]


def _numbering(amended: Resolution, proposed: Resolution) -> bool:
    """Whether the annexes' paragraphs are numbered and unnumbered alike in both."""
    return [[p.numbered for p in a.paragraphs] for a in amended.annexes] == [
        [p.numbered for p in a.paragraphs] for a in proposed.annexes
    ]


# --- applying instructions ------------------------------------------------------------------------------


def _sub_indexes(sub: str) -> list[int]:
    """ "(b) (ii)" → [2, 2]; "(0)" stands before the first subparagraph."""
    out = []
    for depth, label in enumerate(sub.split(), start=1):
        if label == "(0)":
            out.append(0)
            continue
        for i in range(1, 500):
            if subparagraph_label(depth, i) == label:
                out.append(i)
                break
        else:
            raise InputError(say("no subparagraph {label}", label=label))
    return out


@dataclass
class _Changes:
    """Structural changes to one list of paragraphs, by index in the base (insertions after an index)."""

    items: list[Paragraph]
    delete: set[int] = field(default_factory=set)
    replace: dict[int, Paragraph] = field(default_factory=dict)
    insert: dict[int, list[Paragraph]] = field(default_factory=dict)

    def rebuild(self) -> None:
        out = list(self.insert.get(0, []))
        for i, para in enumerate(self.items, start=1):
            if i not in self.delete:
                out.append(self.replace.get(i, para))
            out += self.insert.get(i, [])
        self.items[:] = out


def _target(res: Resolution, ins: Instruction) -> tuple[list[Paragraph], int, Phrase]:
    """The list holding the named paragraph, its 1-based index there (0: before the first) and its name."""
    where = Phrase(place_name, (ins.part, max(ins.number, 1), ins.sub, ins.unit))
    items = unit_list(res, ins.unit, ins.part)
    if items is None:
        raise InputError(say("the draft has no {place}", place=where))
    index = _list_index(items, ins.number, ins.part if is_annex_unit(ins.unit) else None)
    for sub_index in _sub_indexes(ins.sub):
        if not 1 <= index <= len(items):
            raise InputError(say("the draft has no {place}", place=where))
        items, index = items[index - 1].subparagraphs, sub_index
    if not 0 <= index <= len(items) or (index == 0 and ins.action is not Action.INSERT):
        raise InputError(say("the draft has no {place}", place=where))
    return items, index, where


def unit_list(res: Resolution, unit: str, part: Part) -> list[Paragraph] | None:
    """The paragraphs an instruction's unit and part name in `res`: part A's (or the draft's), a later part's
    ("B"), an annex's ("Annex II"); None when the draft has no such part or annex."""
    if not unit:
        return res.part(part)
    if is_annex_unit(unit):
        units = annex_units(res.annexes)
        return res.annexes[units.index(unit)].paragraphs if unit in units else None
    for index, later in enumerate(res.later_parts, start=1):
        if part_letter(index) == unit:
            return later.part(part)
    return None


def _list_index(items: list[Paragraph], number: int, counted: Part | None = None) -> int:
    """The 1-based place in `items` of the paragraph printed as `number` (tables are unnumbered: counting them
    named the paragraph before the one meant), 0 before the first; past the end, a place past the list.
    `counted`: in an annex, which paragraphs count (OPERATIVE its numbered ones, PREAMBLE its unnumbered)."""
    if number <= 0:
        return number
    seen = 0
    for place, para in enumerate(items, start=1):
        counts = not para.is_table and (counted is None or (para.numbered == (counted is Part.OPERATIVE)))
        seen += counts
        if seen == number and counts:
            return place
    return len(items) + number - seen


def apply(
    instructions: list[Instruction], base: Resolution, footnotes: Resolution | None = None
) -> Resolution:
    """The draft as amended: a copy of `base` with every instruction carried out. Footnotes quoted in the
    amendment (`footnotes`, the amendment itself) come along with the paragraphs that cite them.
    Raises InputError when an instruction names a paragraph or words the draft does not have."""
    res = copy.deepcopy(base)
    instructions = _apply_title(res, instructions)
    # tables first, found as the draft stands: their rows and cells change in place
    apply_tables([ins for ins in instructions if ins.cell is not None], lambda u, p: unit_list(res, u, p))
    instructions = [ins for ins in instructions if ins.cell is None]
    wholes = [ins for ins in instructions if is_whole_unit(ins)]
    added = [ins for ins in instructions if ins.body is not None]
    instructions = [ins for ins in instructions if not is_whole_unit(ins) and ins.body is None]
    changes: dict[int, _Changes] = {}
    edits: dict[tuple[int, int], tuple[list[Paragraph], int, Phrase, Part, list[Instruction]]] = {}
    for ins in instructions:
        items, index, where = _target(res, ins)
        if is_text_edit(ins):
            edits.setdefault((id(items), index), (items, index, where, ins.part, []))[4].append(ins)
            continue
        _quoted_paragraph(ins, where)
        change = changes.setdefault(id(items), _Changes(items))
        if ins.action is Action.INSERT:
            change.insert.setdefault(index, []).append(_numbered_as(ins, items, index))
        elif ins.action is Action.DELETE:
            change.delete.add(index)
        else:
            change.replace[index] = _numbered_as(ins, items, index)
    for items, index, where, part, group in edits.values():
        para = items[index - 1]
        set_lead_text(para, apply_edits(lead_text(para), group, where), part)
    # inner lists first, so that a replaced paragraph takes its edited subparagraphs along
    for change in sorted(changes.values(), key=lambda c: -_depth(res, c.items)):
        change.rebuild()
    # last: the other instructions name paragraphs by the base's parts and annexes
    insert_units(res, added, deleted_places(res, wholes))
    if footnotes is not None:
        _bring_footnotes(res, footnotes)
    return res


def _numbered_as(ins: Instruction, items: list[Paragraph], index: int) -> Paragraph:
    """The paragraph an instruction quotes, as it goes in. In an annex it is numbered, or not, as the paragraph
    it replaces or follows (the first one's, at the beginning): the set wording does not say it."""
    para = copy.deepcopy(ins.paragraph)
    assert para is not None
    if is_annex_unit(ins.unit) and not ins.sub and items:
        para.numbered = items[max(index, 1) - 1].numbered
    return para


def _apply_title(res: Resolution, instructions: list[Instruction]) -> list[Instruction]:
    """Carry out the instructions on a title, the draft's or a part's or an annex's ("In the title, …",
    "Replace the title of annex II with the following:"); the others are returned, to be carried out on the
    paragraphs."""
    mine: dict[str, list[Instruction]] = {}
    for ins in instructions:
        if is_title(ins.unit):
            mine.setdefault(ins.unit, []).append(ins)
    for unit, group in mine.items():
        owner, attr, where = _title_owner(res, unit)
        for ins in group:
            _check_title(ins, where)
        value = getattr(owner, attr)
        edits = [ins for ins in group if is_text_edit(ins)]
        if edits:
            value = apply_edits(value, edits, where)
        for ins in group:
            if ins.paragraph is not None and not is_text_edit(ins):
                value = lead_text(ins.paragraph)
        setattr(owner, attr, value)
    return [ins for ins in instructions if not is_title(ins.unit)]


def _title_owner(res: Resolution, unit: str) -> tuple[object, str, Phrase]:
    """What holds the title an instruction's unit names, its attribute and its name; InputError when the draft
    has no such part or annex (part A has a title only in a resolution in parts)."""
    where = Phrase(place_name, (Part.OPERATIVE, 1, "", unit))
    owner = titled(unit) or ""
    if not owner:
        return res, "title", where
    if owner == "A" and res.later_parts:
        return res, "part_title", where
    if is_annex_unit(owner):
        labels, holders = annex_units(res.annexes), list(res.annexes)
    else:
        labels = [part_letter(i) for i in range(1, len(res.later_parts) + 1)]
        holders = list(res.later_parts)
    if owner not in labels:
        raise InputError(say("the draft has no {place}", place=where))
    return holders[labels.index(owner)], "title", where


def _check_title(ins: Instruction, where: Phrase) -> None:
    """A title is changed in its words or replaced whole: it cannot be deleted, nor a paragraph put next to it."""
    if is_text_edit(ins):
        return
    if ins.action is not Action.REPLACE or ins.sub:
        raise InputError(say("{place} can only be changed in its words or replaced", place=where))
    _quoted_paragraph(ins, where)


def _quoted_paragraph(ins: Instruction, where: Phrase) -> None:
    if ins.paragraph is None and ins.action is Action.INSERT:
        raise InputError(say("the new paragraph after {place} is missing", place=where))
    if ins.paragraph is None and ins.action is Action.REPLACE:
        raise InputError(say("the new text of {place} is missing", place=where))


def check_fits(ins: Instruction, base: Resolution) -> None:
    """Raise the InputError `apply([ins], base)` would raise (a paragraph or words the draft does not have),
    without copying the draft: an amendment's instructions are tried one by one."""
    if is_title(ins.unit):
        owner, attr, where = _title_owner(base, ins.unit)
        _check_title(ins, where)
        if is_text_edit(ins):
            apply_edits(getattr(owner, attr), [ins], where)
        return
    if is_whole_unit(ins):
        check_unit(base, ins)
        return
    if ins.body is not None:
        check_added(base, ins)
        return
    if ins.cell is not None:  # the table found and the instruction tried on a copy of it
        table = find_table(ins, lambda u, p: unit_list(base, u, p), _list_index)
        carry_out(copy.deepcopy(table), [ins], ins.unit)
        return
    items, index, where = _target(base, ins)
    if is_text_edit(ins):
        apply_edits(lead_text(items[index - 1]), [ins], where)
    else:
        _quoted_paragraph(ins, where)


def _depth(res: Resolution, items: list[Paragraph]) -> int:
    def walk(level: int, lists: list[list[Paragraph]]) -> int:
        for candidate in lists:
            if candidate is items:
                return level
        deeper = [p.subparagraphs for lst in lists for p in lst if p.subparagraphs]
        return walk(level + 1, deeper) if deeper else 0

    tops = [res.preamble, res.operative, *[u.part(p) for u in res.later_parts for p in Part]]
    return walk(0, tops + [a.paragraphs for a in res.annexes])


def _bring_footnotes(res: Resolution, source: Resolution) -> None:
    """The notes the amendment's quoted text cites, into the draft amended: the paragraphs' and, for a part or an
    annex it adds, the annexes' paragraphs and the titles too."""
    nodes = [para for _, para in res.paragraphs()] + list(res.annex_paragraphs())
    titles = [unit.title for unit in (*res.later_parts, *res.annexes)]
    for text in [*titles, *(t for para in nodes for t in (para.text, para.tail))]:
        for note_id in inline.footnote_ids(text):
            if note_id not in res.footnotes and note_id in source.footnotes:
                res.footnotes[note_id] = copy.deepcopy(source.footnotes[note_id])


# --- the amendment as a document ------------------------------------------------------------------------


def amendment(
    base: Resolution, proposed: Resolution, *, sponsors: list[str] | None = None, symbol: str = ""
) -> Resolution:
    """The amendment that turns `base` into `proposed`: the base's header and title, the amendment's own
    symbol and sponsors, and the instructions with the footnotes their quoted text cites."""
    h = copy.deepcopy(base.header)
    res = Resolution(
        header=Header(
            template=h.template,
            session=h.session,
            year=h.year,
            committee=h.committee,
            agenda_items=h.agenda_items,
            symbol=symbol,
            date=h.date,
            distribution=h.distribution,
            original_language=h.original_language,
            language=h.language,
            sponsors=list(sponsors or []),
            kind=DocumentKind.AMENDMENT,
            amends=h.full_symbol,
        ),
        title=base.title,
        instructions=derive(base, proposed),
    )
    for ins in res.instructions:
        source = proposed if ins.action is not Action.DELETE else base
        for note_id in cited_footnotes(ins):
            if note_id in source.footnotes:
                res.footnotes[note_id] = copy.deepcopy(source.footnotes[note_id])
    return res


def instruction_ids(res: Resolution) -> set[str]:
    """The ids findings on an amendment may carry: its instructions and the paragraphs they quote."""
    found = {ins.id for ins in res.instructions}
    for ins in res.instructions:
        found |= {p.id for p in quoted_paragraphs(ins)}
    return found


def quoted_paragraphs(ins: Instruction) -> list[Paragraph]:
    """Every paragraph and subparagraph an instruction quotes: its paragraph's, or the part's or annex's it
    adds."""
    tops = [ins.paragraph] if ins.paragraph is not None else []
    if isinstance(ins.body, Annex):
        tops = list(ins.body.paragraphs)
    elif ins.body is not None:
        tops = [*ins.body.preamble, *ins.body.operative]
    return [node for top in tops for node in top.walk()]


def cited_footnotes(ins: Instruction) -> list[str]:
    found = inline.footnote_ids(ins.new)
    for node in quoted_paragraphs(ins):
        found += inline.footnote_ids(node.text) + inline.footnote_ids(node.tail)
    return found


@dataclass(frozen=True)
class Item:
    """One printed instruction: its sentence (inline markup, without final punctuation), the instructions it
    carries, and the paragraph quoted after it."""

    sentence: str
    instructions: tuple[Instruction, ...]
    quoted: Paragraph | None = None
    body: ResolutionPart | Annex | None = None  # a part or an annex quoted whole


def items(instructions: list[Instruction], language: str = "") -> list[Item]:
    """Instructions as they are printed, in the draft's language: text edits to one paragraph share a
    sentence."""
    out: list[Item] = []
    i = 0
    while i < len(instructions):
        ins = instructions[i]
        if ins.cell is not None:  # in a table: one sentence each
            out.append(Item(table_sentence(ins, language), (ins,)))
            i += 1
            continue
        if is_text_edit(ins):
            group = [ins]
            key = (ins.unit, ins.part, ins.number, ins.sub)
            while i + len(group) < len(instructions):
                nxt = instructions[i + len(group)]
                if not is_text_edit(nxt) or (nxt.unit, nxt.part, nxt.number, nxt.sub) != key:
                    break
                group.append(nxt)
            phrases = [Edit(e.action, e.old, e.new, e.after).phrase_in(language) for e in group]
            if len(phrases) > 1:
                phrases[-1] = f"{get_language(language).and_word} {phrases[-1]}"
            where = paragraph_name(ins.part, ins.number, ins.sub, language=language, unit=ins.unit)
            out.append(Item(in_paragraph(where, phrases, language, unit=ins.unit), tuple(group)))
            i += len(group)
            continue
        text = sentence(ins, language=language)
        out.append(Item(text.rstrip(":").rstrip(), (ins,), ins.paragraph, ins.body))
        i += 1
    return out


def _next_label(sub: str) -> str:
    """The label a subparagraph inserted after `sub` takes."""
    indexes = _sub_indexes(sub)
    return subparagraph_label(len(indexes), indexes[-1] + 1)


def instruction_blocks(instructions: list[Instruction], language: str = "") -> list[Block]:
    """What an amendment prints: each sentence ("instruction" blocks, numbered when there are several), then
    the paragraph it quotes ("quoted" blocks, set as body paragraphs with their italic opener)."""
    from app.render import blocks_for

    found = items(instructions, language)
    lang = get_language(language)
    out: list[Block] = []
    for n, item in enumerate(found, start=1):
        quotes = item.quoted is not None or item.body is not None
        end = lang.punctuate(":" if quotes else ("." if n == len(found) else ";"))
        label = f"{n}." if len(found) > 1 else ""
        first = item.instructions[0]
        out.append(
            Block("instruction", first.id, first.part, 0, label, "", tuple(inline.parse(item.sentence)), end)
        )
        if item.body is not None:
            out += quoted_unit(item.body)
        if item.quoted is None:
            continue
        level, label = 0, ""
        if first.sub:
            level = len(first.sub.split())
            label = _next_label(first.sub) if first.action is Action.INSERT else first.sub.split()[-1]
        # an annex's paragraphs and the title keep their punctuation as written (None)
        punct = None if first.unit else ("," if first.part is Part.PREAMBLE else ";")
        part = Part.OPERATIVE if is_annex_unit(first.unit) else first.part  # printed as in its annex
        quoted = blocks_for(
            item.quoted, part=part, level=level, label=label, end=punct, role="quoted", unit=""
        )
        # a quoted paragraph's section heading prints as a heading, so that it reads back as the paragraph's own
        out += [b if b.role == "heading" else dataclasses.replace(b, role="quoted") for b in quoted]
    return out


def quoted_unit(body: ResolutionPart | Annex) -> list[Block]:
    """A part or an annex quoted after the sentence that adds it: its title as a heading over its first
    paragraph (so that it reads back as one), then its paragraphs as the draft prints them: a part's unnumbered
    as every quoted paragraph is (the draft numbers them once amended), an annex's numbered "1.", "2." … where the
    annex numbers them and unnumbered where it does not, so that each reads back as it was."""
    from app.render import blocks_for

    annexed = isinstance(body, Annex)
    places = (
        [(Part.OPERATIVE, p) for p in body.paragraphs]
        if isinstance(body, Annex)
        else [(Part.PREAMBLE, p) for p in body.preamble] + [(Part.OPERATIVE, p) for p in body.operative]
    )
    out: list[Block] = []
    numbers = 0
    for index, (part, para) in enumerate(places):
        label = ""
        if annexed and para.numbered and not para.is_table:
            numbers += 1
            label = f"{numbers}."
        if index == 0 and body.title.strip():
            para = copy.copy(para)
            para.heading = "\n".join(h for h in (body.title, para.heading) if h.strip())
        end = None if annexed else ("," if part is Part.PREAMBLE else ";")
        quoted = blocks_for(para, part=part, level=0, label=label, end=end, role="quoted", unit="")
        out += [b if b.role == "heading" else dataclasses.replace(b, role="quoted") for b in quoted]
    return out
