"""Every change to a resolution goes through one of these commands.

Each command changes the model, records one undo entry in the document's `History` and returns a `Change`.
Commands find paragraphs by id and capture the lists they touch, so undo and redo, which always run in
strict order, put back exactly the same objects.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from app import inline
from app.cells import cell_of, cells_of, field_value, with_cell
from app.findings import Finding, Fix
from app.history import Change, Entry, History
from app.lexicon import convert_opener as lexicon_convert
from app.messages import say
from app.model import (
    MAX_DEPTH,
    MAX_DOCUMENT_CELLS,
    MAX_PARAGRAPHS,
    MAX_SPONSORS,
    AgendaItem,
    Footnote,
    Header,
    Instruction,
    Paragraph,
    Part,
    Resolution,
    height,
    new_id,
    paragraph_count,
    table_cells,
)
from app.states import sort_sponsors

TEXT_FIELDS = ("opener", "text", "tail")


@dataclass
class Document:
    """One open resolution: the model, its history and where it lives on disk."""

    resolution: Resolution
    history: History = field(default_factory=History)
    path: Path | None = None  # the project file; None until saved

    _index: dict[str, Paragraph] = field(default_factory=dict, repr=False)
    _index_at: int = -1

    @property
    def revision(self) -> int:
        return self.history.revision

    def find(self, paragraph_id: str) -> Paragraph | None:
        """A paragraph by id in constant time; the index is rebuilt after any change of structure."""
        if self._index_at != self.history.structure_revision:
            res = self.resolution
            self._index = {p.id: p for p in [*(p for _, p in res.paragraphs()), *res.annex_paragraphs()]}
            self._index_at = self.history.structure_revision
        return self._index.get(paragraph_id)


class EditError(ValueError):
    """A command that cannot apply here (no such paragraph, nothing to indent under, ...)."""


def _record(
    doc: Document,
    label: str,
    apply: Callable[[], None],
    revert: Callable[[], None],
    change: Change,
    merge_key: tuple[object, ...] | None = None,
) -> Change:
    apply()
    if change.structure and paragraph_count(doc.resolution) > MAX_PARAGRAPHS:
        # what the project reader refuses, the editor never builds: a draft saved must open again
        revert()
        raise EditError(
            say("a draft holds at most {count} paragraphs and subparagraphs", count=MAX_PARAGRAPHS)
        )
    if change.structure and table_cells(doc.resolution) > MAX_DOCUMENT_CELLS:
        revert()  # the same for all the tables' cells (a table pasted or copied once too often)
        raise EditError(say("a draft's tables hold at most {count} cells in all", count=MAX_DOCUMENT_CELLS))
    if change.header and len(doc.resolution.header.sponsors) > MAX_SPONSORS:
        revert()  # the same for sponsors: the project reader refuses a longer list
        raise EditError(say("a sponsor list holds at most {count} names", count=MAX_SPONSORS))
    return doc.history.record(Entry(label, apply, revert, change, merge_key))


def _find(res: Resolution | Document, paragraph_id: str) -> Paragraph:
    para = res.find(paragraph_id)
    if para is None:
        raise EditError(say("no paragraph {paragraph}", paragraph=repr(paragraph_id)))
    return para


def _locate(res: Resolution, paragraph_id: str) -> tuple[Part, list[Paragraph], int]:
    found = res.locate(paragraph_id)
    if found is None:
        raise EditError(say("no paragraph {paragraph}", paragraph=repr(paragraph_id)))
    return found


def parent_of(res: Resolution, paragraph_id: str) -> Paragraph | None:
    """The paragraph holding a subparagraph; None for a top-level paragraph."""
    for _, items in res.lists():  # every part and every annex
        for node in (n for top in items for n in top.walk()):
            if any(sub.id == paragraph_id for sub in node.subparagraphs):
                return node
    return None


def depth_of(res: Resolution, paragraph_id: str) -> int:
    depth = 0
    parent = parent_of(res, paragraph_id)
    while parent is not None:
        depth += 1
        parent = parent_of(res, parent.id)
    return depth


# --- text fields -------------------------------------------------------------------------------------------


def set_field(
    doc: Document, *, paragraph_id: str, field: str, value: str, label: str = say("Typing")
) -> Change:
    """Set a paragraph's opener, text or tail, or one cell of a table ("cell:R:C", app.cells). Typing in the
    same field merges into one undo entry."""
    if cell_of(field) is not None:
        return _set_cell(doc, paragraph_id, field, value, label)
    if field not in TEXT_FIELDS:
        raise EditError(say("no paragraph field {field}", field=repr(field)))
    para = _find(doc, paragraph_id)
    old = getattr(para, field)
    if old == value:
        return Change(revision=doc.revision)
    change = Change(label=label, paragraph_ids=frozenset({paragraph_id}), focus=paragraph_id)
    return _record(
        doc,
        label,
        lambda: setattr(para, field, value),
        lambda: setattr(para, field, old),
        change,
        merge_key=("field", paragraph_id, field) if label == "Typing" else None,
    )


def _set_cell(doc: Document, paragraph_id: str, field: str, value: str, label: str) -> Change:
    """One cell of a table (a replacement, a fix): the table row and the preview are drawn again."""
    para = _find(doc.resolution, paragraph_id)
    if not para.is_table or field_value(para, field) == value:
        return Change(revision=doc.revision)
    old, new = para.table, with_cell(para, field, value)
    change = Change(label=label, structure=True, paragraph_ids=frozenset({paragraph_id}))
    return _record(
        doc, label, lambda: setattr(para, "table", new), lambda: setattr(para, "table", old), change
    )


def set_opener(doc: Document, *, paragraph_id: str, value: str, label: str = say("Typing")) -> Change:
    return set_field(doc, paragraph_id=paragraph_id, field="opener", value=value, label=label)


def set_text(doc: Document, *, paragraph_id: str, value: str, label: str = say("Typing")) -> Change:
    return set_field(doc, paragraph_id=paragraph_id, field="text", value=value, label=label)


def set_tail(doc: Document, *, paragraph_id: str, value: str, label: str = say("Typing")) -> Change:
    return set_field(doc, paragraph_id=paragraph_id, field="tail", value=value, label=label)


def set_title(doc: Document, *, value: str) -> Change:
    res = doc.resolution
    old = res.title
    if old == value:
        return Change(revision=doc.revision)
    return _record(
        doc,
        say("Typing"),
        lambda: setattr(res, "title", value),
        lambda: setattr(res, "title", old),
        Change(label=say("Typing"), title=True),
        merge_key=("title",),
    )


def set_heading(doc: Document, *, paragraph_id: str, value: str) -> Change:
    """The section heading printed before a top-level paragraph ("I" / "Financing"); "" removes it."""
    located = doc.resolution.locate(paragraph_id)
    if located is None or not any(items is located[1] for _, items in doc.resolution.lists()):
        raise EditError(say("a section heading stands before a paragraph, not a subparagraph"))
    para = located[1][located[2]]
    value = "\n".join(line.strip() for line in value.strip().splitlines() if line.strip())
    old = para.heading
    if old == value:
        return Change(revision=doc.revision)
    label = say("Section heading")
    return _record(
        doc,
        label,
        lambda: setattr(para, "heading", value),
        lambda: setattr(para, "heading", old),
        _structure(label, paragraph_id, paragraph_id),
    )


# --- header ------------------------------------------------------------------------------------------------

_HEADER_FIELDS = {f for f in Header.__dataclass_fields__}


def set_header(doc: Document, *, field: str, value: Any, label: str = "") -> Change:
    """Set one header field (session, symbol, sponsors, agenda_items, date, ...)."""
    if field not in _HEADER_FIELDS:
        raise EditError(say("no header field {field}", field=repr(field)))
    header = doc.resolution.header
    old = getattr(header, field)
    if isinstance(value, list):
        value = copy.deepcopy(value)
    if old == value:
        return Change(revision=doc.revision)
    typing = not label and (isinstance(value, str) or isinstance(value, int) and not isinstance(value, bool))
    label = label or f"Change {field.replace('_', ' ')}"
    return _record(
        doc,
        label,
        lambda: setattr(header, field, value),
        lambda: setattr(header, field, old),
        Change(label=label, header=True),
        merge_key=("header", field) if typing else None,
    )


def set_agenda_items(doc: Document, *, items: list[AgendaItem]) -> Change:
    return set_header(doc, field="agenda_items", value=items, label=say("Change agenda items"))


def set_sponsors(doc: Document, *, names: list[str], on_behalf_of: str | None = None) -> Change:
    """Set the sponsors, sorted as the UN lists them in the draft's language (by official short name)."""
    header = doc.resolution.header
    names = _sort_sponsors(names, header.language)
    old = (list(header.sponsors), header.on_behalf_of)
    new = (names, header.on_behalf_of if on_behalf_of is None else on_behalf_of)
    if old == new:
        return Change(revision=doc.revision)

    def put(value: tuple[list[str], str]) -> Callable[[], None]:
        def run() -> None:
            header.sponsors = list(value[0])
            header.on_behalf_of = value[1]

        return run

    return _record(
        doc, say("Change sponsors"), put(new), put(old), Change(label=say("Change sponsors"), header=True)
    )


def _sort_sponsors(names: list[str], language: str) -> list[str]:
    unique = list(dict.fromkeys(n.strip() for n in names if n.strip()))
    return list(sort_sponsors(unique, language))


# --- paragraphs --------------------------------------------------------------------------------------------


def _structure(label: str, focus: str, *ids: str) -> Change:
    return Change(label=label, structure=True, paragraph_ids=frozenset(ids), focus=focus)


def insert_paragraph(
    doc: Document,
    *,
    part: Part | None,
    index: int | None = None,
    after_id: str = "",
    before_id: str = "",
    paragraph: Paragraph | None = None,
    label: str = say("Add paragraph"),
    unit: str = "",
) -> Change:
    """Insert a paragraph into a part at `index`, or right after paragraph `after_id` (before `before_id`) at
    the same depth, in any part or annex. `unit` is the id of a later part (B, C ...) or of an annex (then
    `part` is None); "" for part A."""
    para = paragraph or Paragraph()
    if after_id or before_id:
        _, items, at = _locate(doc.resolution, after_id or before_id)
        at += 1 if after_id else 0
    else:
        items = unit_list(doc.resolution, unit, part)
        at = len(items) if index is None else max(0, min(index, len(items)))
    return _record(
        doc,
        label,
        lambda: items.insert(at, para),
        lambda: items.remove(para),
        _structure(label, para.id, para.id),
    )


def unit_list(res: Resolution, unit: str, part: Part | None) -> list[Paragraph]:
    """The paragraph list of part A (`unit` ""), of a later part or of an annex, by id."""
    if not unit:
        return res.part(part or Part.OPERATIVE)
    for body in res.later_parts:
        if body.id == unit:
            return body.part(part or Part.OPERATIVE)
    for annex in res.annexes:
        if annex.id == unit:
            return annex.paragraphs
    raise EditError(say("no part or annex {unit}", unit=repr(unit)))


def delete_paragraph(doc: Document, *, paragraph_id: str) -> Change:
    res = doc.resolution
    _, items, at = _locate(res, paragraph_id)
    para = items[at]
    neighbour = items[at + 1].id if at + 1 < len(items) else items[at - 1].id if at > 0 else ""
    if not neighbour:
        parent = parent_of(res, paragraph_id)
        neighbour = parent.id if parent else ""
    return _record(
        doc,
        say("Delete paragraph"),
        lambda: items.remove(para),
        lambda: items.insert(at, para),
        _structure(say("Delete paragraph"), neighbour, paragraph_id),
    )


def _fresh_ids(para: Paragraph) -> Paragraph:
    for node in para.walk():
        node.id = new_id()
    return para


def duplicate_paragraph(doc: Document, *, paragraph_id: str) -> Change:
    """A copy right after the paragraph, subparagraphs included, with new ids."""
    _, items, at = _locate(doc.resolution, paragraph_id)
    twin = _fresh_ids(copy.deepcopy(items[at]))
    return _record(
        doc,
        say("Duplicate paragraph"),
        lambda: items.insert(at + 1, twin),
        lambda: items.remove(twin),
        _structure(say("Duplicate paragraph"), twin.id, twin.id),
    )


def move_paragraph(doc: Document, *, paragraph_id: str, to_index: int) -> Change:
    """Move a paragraph to another place among its siblings."""
    _, items, at = _locate(doc.resolution, paragraph_id)
    to_index = max(0, min(to_index, len(items) - 1))
    if to_index == at:
        return Change(revision=doc.revision)
    para = items[at]

    def apply() -> None:
        items.remove(para)
        items.insert(to_index, para)

    def revert() -> None:
        items.remove(para)
        items.insert(at, para)

    return _record(
        doc,
        say("Move paragraph"),
        apply,
        revert,
        _structure(say("Move paragraph"), paragraph_id, paragraph_id),
    )


def move_up(doc: Document, *, paragraph_id: str) -> Change:
    """Up one place; the first paragraph of the operative part goes to the end of the preamble."""
    part, items, at = _locate(doc.resolution, paragraph_id)
    if at > 0:
        return move_paragraph(doc, paragraph_id=paragraph_id, to_index=at - 1)
    if part is Part.OPERATIVE and any(items is body.operative for body in doc.resolution.parts()):
        return move_to_part(doc, paragraph_id=paragraph_id, part=Part.PREAMBLE)
    return Change(revision=doc.revision)


def move_down(doc: Document, *, paragraph_id: str) -> Change:
    """Down one place; the last preambular paragraph goes to the top of the operative part."""
    part, items, at = _locate(doc.resolution, paragraph_id)
    if at + 1 < len(items):
        return move_paragraph(doc, paragraph_id=paragraph_id, to_index=at + 1)
    if part is Part.PREAMBLE and any(items is body.preamble for body in doc.resolution.parts()):
        return move_to_part(doc, paragraph_id=paragraph_id, part=Part.OPERATIVE)
    return Change(revision=doc.revision)


def convert_opener(opener: str, to: Part) -> str:
    """'Recalling' ↔ 'Recalls' through the engine's lexicon; unchanged when it has no answer."""
    if not opener.strip():
        return opener
    converted = lexicon_convert(opener, to)
    return converted or opener


def move_to_part(doc: Document, *, paragraph_id: str, part: Part, index: int | None = None) -> Change:
    """Move a top-level paragraph into the other part of its own resolution part (A, B ...), converting its
    opener ('Recalling' → 'Recalls'). Without `index` it goes where the parts meet: the end of the preamble
    or the top of the operative part."""
    res = doc.resolution
    source_part, items, _ = _locate(res, paragraph_id)
    body = next((b for b in res.parts() if items is b.preamble or items is b.operative), None)
    if body is None:
        raise EditError(
            say("only a whole paragraph of the preamble or operative part can move to the other part")
        )
    if source_part is part:
        return Change(revision=doc.revision)
    unit = "" if body.preamble is res.preamble else body.id
    target = body.part(part)
    to = (len(target) if part is Part.PREAMBLE else 0) if index is None else index
    return move_to(doc, paragraph_id=paragraph_id, unit=unit, part=part, index=to)


def move_to(
    doc: Document, *, paragraph_id: str, unit: str, part: Part | None, index: int | None = None
) -> Change:
    """Move a top-level paragraph to the list of another part or annex (`unit` as in `unit_list`), at `index`
    (the end without one). Its opener follows the part it joins ('Recalling' → 'Recalls'); a paragraph leaving
    an annex is numbered again."""
    res = doc.resolution
    source_part, items, at = _locate(res, paragraph_id)
    if not any(items is top for _, top in res.lists()):
        raise EditError(say("only a whole paragraph can move to another part or annex, not a subparagraph"))
    target = unit_list(res, unit, part)
    if target is items:
        return Change(revision=doc.revision)
    annexed = any(target is annex.paragraphs for annex in res.annexes)
    to = len(target) if index is None else max(0, min(index, len(target)))
    para = items[at]
    old = (para.opener, para.numbered)
    joins = None if annexed else part or Part.OPERATIVE
    opener = (
        convert_opener(para.opener, joins) if joins is not None and joins is not source_part else para.opener
    )
    new = (opener, para.numbered or not annexed)

    def apply() -> None:
        items.remove(para)
        target.insert(to, para)
        para.opener, para.numbered = new

    def revert() -> None:
        target.remove(para)
        items.insert(at, para)
        para.opener, para.numbered = old

    label = {
        Part.PREAMBLE: say("Move to preamble"),
        Part.OPERATIVE: say("Move to operative part"),
        None: say("Move to annex"),
    }
    text = label[None if annexed else joins]
    return _record(doc, text, apply, revert, _structure(text, paragraph_id, paragraph_id))


def indent_paragraph(doc: Document, *, paragraph_id: str) -> Change:
    """Make a paragraph the last subparagraph of the one before it (Tab)."""
    _, items, at = _locate(doc.resolution, paragraph_id)
    if at == 0:
        raise EditError(say("the first paragraph of a list has nothing to go under"))
    para, new_parent = items[at], items[at - 1]
    if para.is_table or new_parent.is_table:
        raise EditError(
            say("a table stands among the paragraphs: nothing goes under it, and it goes under none")
        )
    if depth_of(doc.resolution, paragraph_id) + 1 + height(para) > MAX_DEPTH:
        raise EditError(
            say("subparagraphs go at most {count} levels deep (UN drafts use four)", count=MAX_DEPTH)
        )

    def apply() -> None:
        items.remove(para)
        new_parent.subparagraphs.append(para)

    def revert() -> None:
        new_parent.subparagraphs.remove(para)
        items.insert(at, para)

    return _record(doc, say("Indent"), apply, revert, _structure(say("Indent"), paragraph_id, paragraph_id))


def outdent_paragraph(doc: Document, *, paragraph_id: str) -> Change:
    """Lift a subparagraph one level (Shift+Tab); the siblings after it become its subparagraphs,
    so the reading order stays the same."""
    res = doc.resolution
    parent = parent_of(res, paragraph_id)
    if parent is None:
        raise EditError(say("a paragraph of the preamble or operative part cannot be outdented"))
    _, outer, parent_at = _locate(res, parent.id)
    subs = parent.subparagraphs
    at = next(i for i, s in enumerate(subs) if s.id == paragraph_id)
    para = subs[at]
    followers = subs[at + 1 :]
    own = len(para.subparagraphs)

    def apply() -> None:
        del subs[at:]
        para.subparagraphs.extend(followers)
        outer.insert(parent_at + 1, para)

    def revert() -> None:
        outer.remove(para)
        del para.subparagraphs[own:]
        subs.extend([para, *followers])

    return _record(doc, say("Outdent"), apply, revert, _structure(say("Outdent"), paragraph_id, paragraph_id))


# --- footnotes ---------------------------------------------------------------------------------------------


def _short_footnote_id(res: Resolution) -> str:
    n = len(res.footnotes) + 1
    while f"fn{n}" in res.footnotes:
        n += 1
    return f"fn{n}"


def insert_footnote(
    doc: Document, *, paragraph_id: str, field: str = "text", position: int | None = None, text: str = ""
) -> tuple[Change, str]:
    """Insert a footnote reference at `position` of the field's markup (default: its end). Returns the id."""
    if field not in ("text", "tail"):
        raise EditError(say("footnotes go in a paragraph's text"))
    res = doc.resolution
    para = _find(res, paragraph_id)
    old = getattr(para, field)
    pos = len(old) if position is None else max(0, min(position, len(old)))
    note = Footnote(text=text, id=_short_footnote_id(res))
    new = old[:pos] + inline.footnote_ref(note.id) + old[pos:]

    def apply() -> None:
        setattr(para, field, new)
        res.footnotes[note.id] = note

    def revert() -> None:
        setattr(para, field, old)
        res.footnotes.pop(note.id, None)

    change = Change(
        label=say("Insert footnote"),
        paragraph_ids=frozenset({paragraph_id}),
        footnotes=True,
        focus=paragraph_id,
    )
    return _record(doc, say("Insert footnote"), apply, revert, change), note.id


def set_footnote_text(doc: Document, *, footnote_id: str, text: str, label: str = say("Typing")) -> Change:
    """A footnote's text; typing in the same footnote merges into one undo entry (a replacement does not)."""
    res = doc.resolution
    note = res.footnotes.get(footnote_id)
    if note is None:
        raise EditError(say("no footnote {note}", note=repr(footnote_id)))
    old = note.text
    if old == text:
        return Change(revision=doc.revision)
    return _record(
        doc,
        label,
        lambda: setattr(note, "text", text),
        lambda: setattr(note, "text", old),
        Change(label=label, footnotes=True),
        merge_key=("footnote", footnote_id) if label == "Typing" else None,
    )


# --- fixes and replace -------------------------------------------------------------------------------------


def apply_fix(doc: Document, *, finding: Finding) -> Change:
    """Apply a finding's automatic fix as one undoable edit."""
    fix: Fix | None = finding.fix
    if fix is None:
        raise EditError(say("this finding has no automatic fix"))
    res = doc.resolution
    label = say("Fix: {fix}", fix=fix.label) if fix.label else say("Apply fix")
    start, end = fix.span
    if fix.field == "footnote":  # a footnote's own text: the finding carries the footnote id
        note = res.footnotes.get(finding.paragraph_id)
        if note is None:
            raise EditError(say("no footnote {note}", note=repr(finding.paragraph_id)))
        return _replace_attr(
            doc,
            note,
            "text",
            note.text[:start] + fix.replacement + note.text[end:],
            label,
            Change(label=label, footnotes=True),
        )
    m = re.fullmatch(r"sponsors\[(\d+)\]", fix.field)
    if m:  # one sponsor's name
        names = list(res.header.sponsors)
        i = int(m.group(1))
        if i >= len(names):
            raise EditError(say("that sponsor is no longer in the list"))
        names[i] = names[i][:start] + fix.replacement + names[i][end:]
        return set_sponsors(doc, names=names)
    if fix.field == "sponsors":  # the whole list, one name a line
        return set_sponsors(doc, names=[n for n in fix.replacement.split("\n") if n.strip()])
    if finding.paragraph_id:
        para = _find(res, finding.paragraph_id)
        old = field_value(para, fix.field)
        return set_field(
            doc,
            paragraph_id=para.id,
            field=fix.field,
            value=old[:start] + fix.replacement + old[end:],
            label=label,
        )
    if fix.field == "title":
        old = res.title
        new = old[:start] + fix.replacement + old[end:]
        return _record(
            doc,
            label,
            lambda: setattr(res, "title", new),
            lambda: setattr(res, "title", old),
            Change(label=label, title=True),
        )
    current = getattr(res.header, fix.field, None)
    if isinstance(current, str):
        return _replace_attr(
            doc,
            res.header,
            fix.field,
            current[:start] + fix.replacement + current[end:],
            label,
            Change(label=label, header=True),
        )
    raise EditError(say("cannot apply a fix to {field}", field=repr(fix.field)))


def _replace_attr(doc: Document, owner: object, name: str, value: str, label: str, change: Change) -> Change:
    """One undo entry that sets one attribute (never merged with typing)."""
    old = getattr(owner, name)
    return _record(doc, label, lambda: setattr(owner, name, value), lambda: setattr(owner, name, old), change)


@dataclass(frozen=True)
class Match:
    paragraph_id: str  # "" for the title; the footnote's id for a footnote's text
    field: str  # "title", "opener", "text", "tail", a table's cell ("cell:R:C") or "footnote"
    start: int  # offsets in the field's markup
    end: int


def find_all(res: Resolution, needle: str, *, case: bool = False) -> list[Match]:
    """Every occurrence of `needle` in the title, openers, texts, tails, table cells and footnotes, in reading
    order. Marked-up fields are searched as they read (`inline.find_shown`): a footnote reference's id or an
    italic mark is never matched."""
    if not needle:
        return []
    pattern = re.compile(re.escape(needle), 0 if case else re.IGNORECASE)
    out = [Match("", "title", m.start(), m.end()) for m in pattern.finditer(res.title)]
    for _, para in res.paragraphs():
        out += [Match(para.id, "opener", m.start(), m.end()) for m in pattern.finditer(para.opener)]
        for name, markup in [("text", para.text), ("tail", para.tail), *cells_of(para)]:
            out += [Match(para.id, name, a, b) for a, b in inline.find_shown(markup, pattern)]
    for fid, note in res.footnotes.items():
        out += [Match(fid, "footnote", a, b) for a, b in inline.find_shown(note.text, pattern)]
    return out


def replace_all(doc: Document, *, needle: str, replacement: str, case: bool = False) -> tuple[Change, int]:
    """Replace every occurrence as one undo entry. Returns the change and how many were replaced."""
    res = doc.resolution
    matches = find_all(res, needle, case=case)
    if not matches:
        return Change(revision=doc.revision), 0
    spans: dict[tuple[str, str], list[tuple[int, int]]] = {}
    for m in matches:
        spans.setdefault((m.paragraph_id, m.field), []).append((m.start, m.end))
    edits: list[tuple[object, str, object, object]] = []  # (owner, attribute, old, new)
    tables: dict[str, list[list[str]]] = {}
    for (pid, name), found in spans.items():
        if name == "title":
            edits.append((res, "title", res.title, inline.replace_spans(res.title, found, replacement)))
        elif name == "footnote":
            note = res.footnotes[pid]
            edits.append((note, "text", note.text, inline.replace_spans(note.text, found, replacement)))
        elif (cell := cell_of(name)) is not None:  # a table's cells: the whole table, once
            para = _find(doc, pid)
            rows = tables.setdefault(pid, [list(row) for row in para.table])
            rows[cell[0]][cell[1]] = inline.replace_spans(rows[cell[0]][cell[1]], found, replacement)
        else:
            para = _find(doc, pid)  # by the index: a walk of the draft per paragraph was its square
            old = getattr(para, name)
            edits.append((para, name, old, inline.replace_spans(old, found, replacement)))
    for pid, rows in tables.items():
        para = _find(doc, pid)
        edits.append((para, "table", para.table, rows))

    def apply() -> None:
        for owner, name, _, new in edits:
            setattr(owner, name, new)

    def revert() -> None:
        for owner, name, old, _ in edits:
            setattr(owner, name, old)

    ids = frozenset(m.paragraph_id for m in matches if m.paragraph_id and m.field != "footnote")
    change = Change(
        label=say("Replace all"),
        paragraph_ids=ids,
        title=any(m.field == "title" for m in matches),
        structure=bool(tables),  # a table's grid is drawn again
        footnotes=any(m.field == "footnote" for m in matches),
    )
    return _record(doc, say("Replace all"), apply, revert, change), len(matches)


def replace_document(doc: Document, *, resolution: Resolution, label: str = say("Import")) -> Change:
    """Swap in a whole new resolution (paste of a whole draft), undoably."""
    old = doc.resolution
    fields_ = [f for f in Resolution.__dataclass_fields__]
    before = {name: getattr(old, name) for name in fields_}
    after = {name: getattr(resolution, name) for name in fields_}

    def put(values: dict[str, object]) -> Callable[[], None]:
        def run() -> None:
            for name, value in values.items():
                setattr(old, name, value)

        return run

    change = Change(
        label=label,
        structure=True,
        header=True,
        title=True,
        footnotes=True,
        paragraph_ids=_reworded(old, resolution),
    )
    return _record(doc, label, put(after), put(before), change)


def _reworded(old: Resolution, new: Resolution) -> frozenset[str]:
    """The paragraphs in both whose opener, text or tail differ (a proposal accepted, a bracket resolved): the
    editor keeps their rows, and shows their words anew only for these (it kept the words from before, and the
    next highlighting of a row wrote them back over the accepted text)."""

    def fields(res: Resolution) -> dict[str, tuple[str, str, str]]:
        nodes = [p for _, p in res.paragraphs()] + list(res.annex_paragraphs())
        return {p.id: (p.opener, p.text, p.tail) for p in nodes}

    before, after = fields(old), fields(new)
    return frozenset(k for k, v in after.items() if k in before and before[k] != v)


def set_instructions(
    doc: Document,
    *,
    instructions: list[Instruction],
    label: str = say("Edit amendment"),
    typing: bool = False,
) -> Change:
    """An amendment's instructions, all at once (the editor's amendment panel edits a copy of the list);
    `typing` merges consecutive keystrokes into one undo step."""
    res = doc.resolution
    old, new = res.instructions, copy.deepcopy(instructions)
    if old == new:
        return Change(revision=doc.revision)
    change = Change(label=label, structure=True)
    return _record(
        doc,
        label,
        lambda: setattr(res, "instructions", new),
        lambda: setattr(res, "instructions", old),
        change,
        merge_key=("instructions",) if typing else None,
    )


def insert_paragraphs(
    doc: Document, *, source: Resolution, after_id: str = "", label: str = say("Paste")
) -> Change:
    """Insert the paragraphs and footnotes of another draft (a paste) as one undo entry.

    Each part's paragraphs go after `after_id` when it is a paragraph of that part, else at the end of the part.
    """
    res = doc.resolution
    placed: list[tuple[list[Paragraph], int, list[Paragraph]]] = []
    for part in Part:
        incoming = source.part(part)
        if not incoming:
            continue
        items = res.part(part)
        at = next((i + 1 for i, p in enumerate(items) if p.id == after_id), len(items))
        placed.append((items, at, list(incoming)))
    notes = {fid: note for fid, note in source.footnotes.items() if fid not in res.footnotes}

    def apply() -> None:
        for items, at, paras in placed:
            items[at:at] = paras
        res.footnotes.update(notes)

    def revert() -> None:
        for items, at, paras in placed:
            del items[at : at + len(paras)]
        for fid in notes:
            res.footnotes.pop(fid, None)

    ids = [p.id for _, _, paras in placed for p in paras]
    change = Change(
        label=label,
        structure=True,
        paragraph_ids=frozenset(ids),
        footnotes=bool(notes),
        focus=ids[0] if ids else "",
    )
    return _record(doc, label, apply, revert, change)
