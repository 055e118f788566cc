"""Merging proposals into the next informal revision, as the facilitator decides paragraph by paragraph.

`items(neg)` lists what there is to decide, in the order of the compilation: each place (a paragraph, a
proposed paragraph, a title, a footnote; in a table, each row added, each row deleted with the changes to its
cells, and each other cell changed, so that a delegation's row can be taken and its cell left) with the proposals
on it, grouped into alternatives where proposals change the same words (only one of them can be taken) or where
one deletes the paragraph others reword. The
facilitator's `Choices` name the proposals accepted at each place (every other proposal there is rejected) and
the alternative taken for each bracket; `merged` applies them to the working text, `merge_into_revision` also
issues the result as Rev.N. `app.negotiation.commands.merge_revision` does it as one undoable step.
"""

from __future__ import annotations

import copy
import dataclasses
import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field

from app.errors import InputError
from app.messages import listed, reason, say
from app.model import Resolution
from app.negotiation import rounds
from app.negotiation.compilation import Compilation
from app.negotiation.proposals import (
    CellEdit,
    DeleteParagraph,
    DeleteRow,
    Edit,
    FootnoteEdit,
    InsertRow,
    Proposal,
    TitleEdit,
    WordEdit,
    apply,
    by_target,
    title_of,
)
from app.negotiation.table_parts import table_part


@dataclass
class MergeItem:
    target: str  # the id decided on (`proposals.edit_target`)
    label: str  # "OP 7", "OP 7 bis", "Title", "Footnote 3"
    kind: str  # the compilation entry's kind
    proposals: list[Proposal]  # in the order they were made
    alternatives: list[list[str]]  # proposal ids in groups: at most one of a group can be accepted
    part: str = ""  # within a table, the row or cell decided on (`table_part`); "" for the whole place
    rows_deleted: frozenset[int] = frozenset()  # the table's rows some proposal here deletes

    @property
    def key(self) -> str:
        """What `Choices.accepted` is keyed by: the target, with the table's part after it."""
        return f"{self.target} {self.part}" if self.part else self.target

    def takes(self, edit: Edit) -> bool:
        """Whether an edit at this place's target is decided here."""
        return not self.part or table_part(edit, self.rows_deleted) == self.part


@dataclass
class Choices:
    accepted: dict[str, list[str]] = field(default_factory=dict)  # `MergeItem.key` -> ids accepted there
    brackets: dict[str, str] = field(default_factory=dict)  # bracket id -> the alternative's text taken


def _spans(edits: list[Edit]) -> list[tuple[str, int, int]]:
    """(field, start, end) of what a proposal's edits at a place change; ("*", 0, 0): the paragraph deleted."""
    out: list[tuple[str, int, int]] = []
    for e in edits:
        if isinstance(e, WordEdit):
            out.append((e.field, e.start, e.end))
        elif isinstance(e, FootnoteEdit | TitleEdit):
            out.append(("", e.start, e.end))
        elif isinstance(e, DeleteParagraph):
            out.append(("*", 0, 0))
        elif isinstance(e, CellEdit):
            out.append((f"cell {e.row} {e.column}", e.start, e.end))
        elif isinstance(e, InsertRow):  # rows added at one place are alternatives, as words are
            out.append(("rows", e.after + 1, e.after + 1))
        elif isinstance(e, DeleteRow):
            out.append(("rows", e.row, e.row + 1))
    return out


_TABLE_EDITS = (CellEdit, InsertRow, DeleteRow)


def _part_order(part: str) -> tuple[int, int, int]:
    """Parts in the table's order: a row's deletion, then its cells, then the rows added after it."""
    kind, *numbers = part.split()
    row, column = int(numbers[0]), int(numbers[1]) if len(numbers) > 1 else -1
    return (row, 1, 0) if kind == "after" else (row, 0, column)


def _part_label(label: str, part: str) -> str:
    """ "Table 1, row 4, column 2"; rows and columns counted from 1, as the table prints."""
    kind, *numbers = part.split()
    row = int(numbers[0]) + 1
    if kind == "cell":
        return say("{table}, row {row}, column {column}", table=label, row=row, column=int(numbers[1]) + 1)
    if kind == "row":
        return say("{table}, row {row} deleted", table=label, row=row)
    if row == 0:
        return say("{table}, rows added at the top", table=label)
    return say("{table}, rows added after row {row}", table=label, row=row)


def _row_clashes(by_field: dict[str, list[tuple[int, int, int]]], join: Callable[[int, int], None]) -> None:
    """A row deleted clashes with every change to its cells."""
    deleting = {start: owner for start, end, owner in by_field.get("rows", []) if end > start}
    for name, spans in by_field.items():
        if name.startswith("cell ") and (row := int(name.split()[1])) in deleting:
            for _, _, owner in spans:
                join(owner, deleting[row])


def _groups(proposals: list[Proposal], target: str, at: dict[str, dict[str, list[Edit]]]) -> list[list[str]]:
    """Proposals linked by clashes (`overlaps` on one field, or a deletion of the place), transitively, in
    proposal order; `at`: each one's edits by place. The spans of all proposals are swept once in order, not
    weighed pair by pair: thousands of proposals on one paragraph cost their number, not its square."""
    group = list(range(len(proposals)))

    def root(i: int) -> int:
        while group[i] != i:
            group[i] = group[group[i]]
            i = group[i]
        return i

    def join(i: int, j: int) -> None:
        group[root(i)] = root(j)

    spans_of = [_spans(at[p.id].get(target, [])) for p in proposals]
    deleting = [i for i, spans in enumerate(spans_of) if any(f == "*" for f, _, _ in spans)]
    by_field: dict[str, list[tuple[int, int, int]]] = {}
    for i, spans in enumerate(spans_of):
        if spans and deleting:  # a deletion of the place clashes with every proposal there
            join(i, deleting[0])
        for name, start, end in spans:
            by_field.setdefault(name, []).append((start, end, i))
    for name, spans in by_field.items():
        if name != "*":
            _sweep(sorted(spans), join)
    _row_clashes(by_field, join)
    out: dict[int, list[str]] = {}
    for i, p in enumerate(proposals):
        out.setdefault(root(i), []).append(p.id)
    return list(out.values())


def _sweep(spans: list[tuple[int, int, int]], join: Callable[[int, int], None]) -> None:
    """Join the owners of every two spans of one field that `overlaps` (sorted by start, then end). A span
    meets an earlier one only if it starts before that one ends (an insertion: or at the same place as an
    earlier insertion); the earlier spans still open all share a word, so are joined already, and joining to
    the one reaching furthest is enough."""
    reach, reach_owner = -1, -1  # the furthest end of the replacements seen, and whose it is
    insert_at, insert_owner = -1, -1  # the place of the last insertion seen, and whose it is
    for start, end, owner in spans:
        if start < reach:
            join(owner, reach_owner)
        if start == end:
            if start == insert_at:
                join(owner, insert_owner)
            insert_at, insert_owner = start, owner
        elif end > reach:
            reach, reach_owner = end, owner


def items(neg: rounds.Negotiation, comp: Compilation | None = None) -> list[MergeItem]:
    """Every place with an open proposal on the latest revision, in the compilation's order."""
    comp = comp or rounds.compile_open(neg)
    pending = rounds.open_proposals(neg)
    decided = {(d.proposal_id, d.target) for d in neg.decisions}
    at = {p.id: by_target(p) for p in pending}
    places: dict[str, list[Proposal]] = {}
    for p in pending:
        for target in at[p.id]:
            if (p.id, target) not in decided:
                places.setdefault(target, []).append(p)
    out: list[MergeItem] = []
    for entry in comp.entries:
        found = places.pop(entry.paragraph_id, None)
        if found is None:
            continue
        label = entry.label if entry.kind != "footnote" else f"Footnote {entry.label}"
        # a table proposed is named where it stands, in the interface's words
        if entry.kind == "new" and entry.rows is not None:
            label = _new_table_label(entry.table_place)
        out += _place_items(
            entry.paragraph_id, label or neg.labels.get(entry.paragraph_id, ""), entry.kind, found, at
        )
    for target, found in places.items():  # a place the compilation does not show (should not happen)
        out.append(MergeItem(target, neg.labels.get(target, target), "", found, _groups(found, target, at)))
    return out


def _new_table_label(place: tuple[str, str]) -> str:
    side, label = place
    if side == "after" and label:
        return say("New table after {place}", place=label)
    return say("New table before {place}", place=label) if label else say("New table")


def _place_items(
    target: str, label: str, kind: str, found: list[Proposal], at: dict[str, dict[str, list[Edit]]]
) -> list[MergeItem]:
    """The place's item; a table's changes of rows and cells, one item each (`table_part`), when no proposal
    deletes or rewords the table as a whole."""
    edits = [e for p in found for e in at[p.id].get(target, [])]
    if not edits or not all(isinstance(e, _TABLE_EDITS) for e in edits):
        return [MergeItem(target, label, kind, found, _groups(found, target, at))]
    deleted = frozenset(e.row for e in edits if isinstance(e, DeleteRow))
    parts: dict[str, dict[str, dict[str, list[Edit]]]] = {}  # part -> proposal id -> {target: its edits}
    for p in found:
        for e in at[p.id][target]:
            parts.setdefault(table_part(e, deleted), {}).setdefault(p.id, {}).setdefault(target, []).append(e)
    out = []
    for part in sorted(parts, key=_part_order):
        who = [p for p in found if p.id in parts[part]]
        out.append(
            MergeItem(
                target, _part_label(label, part), kind, who, _groups(who, target, parts[part]), part, deleted
            )
        )
    return out


def check(item: MergeItem, accepted: list[str]) -> None:
    """InputError when the ids accepted at a place take two alternatives of one group."""
    chosen = set(accepted)  # sets, not lists: a group of thousands of proposals was searched for each of them
    proposer = {p.id: p.proposer for p in item.proposals}
    for group in item.alternatives:
        taken = [proposer[i] for i in dict.fromkeys(group) if i in chosen and i in proposer]
        if len(taken) > 1:
            raise InputError(
                say(
                    "{place}: {names} and {last} change the same words: take one of them",
                    place=item.label,
                    names=", ".join(taken[:-1]),
                    last=taken[-1],
                )
            )


def merged(
    neg: rounds.Negotiation, res: Resolution, choices: Choices, date: dt.datetime | None = None
) -> Resolution:
    """The working text (a copy, with its negotiation) with every open proposal accepted or rejected as
    `choices` say, and the brackets resolved as chosen. InputError names the place that cannot be merged."""
    out = copy.deepcopy(res)
    work = out.negotiation
    if work is None:
        raise InputError(say("this text is not under negotiation"))
    lookups: dict[str, rounds.Lookups] = {}
    at_target: dict[str, list[MergeItem]] = {}  # a table's parts are accepted together, on one table
    for item in items(neg):
        at_target.setdefault(item.target, []).append(item)
    for target, its in at_target.items():
        _merge_place(work, out, target, its, choices, lookups, date)
    for found in lookups.values():
        found.settle(out)
    from app.negotiation.status import resolve

    # brackets and paragraphs looked up by id, once: thousands of brackets resolved in one merge each searched
    # the list of brackets and the whole text
    brackets = {b.id: b for b in work.brackets}
    paragraphs = {p.id: p for p in (*(p for _, p in out.paragraphs()), *out.annex_paragraphs())}
    for bracket_id, text in choices.brackets.items():
        bracket = brackets.get(bracket_id)
        if bracket is None:
            raise InputError(say("no such bracket"))
        resolve(out, bracket, text, paragraphs.get(bracket.paragraph_id))
    resolved = set(choices.brackets)
    work.brackets[:] = [b for b in work.brackets if b.id not in resolved]
    return out


def _merge_place(
    work: rounds.Negotiation,
    out: Resolution,
    target: str,
    its: list[MergeItem],
    choices: Choices,
    lookups: dict[str, rounds.Lookups],
    date: dt.datetime | None,
) -> None:
    """Accept at one place what `choices` take at its items (a table's rows and cells: the parts), and record
    each proposal there as accepted, rejected, or merged (some of its parts taken, others not)."""
    taken: dict[str, set[str]] = {}  # proposal id -> its parts taken
    parts: dict[str, set[str]] = {}  # proposal id -> its parts here
    proposals: dict[str, Proposal] = {}
    for item in its:
        accepted = choices.accepted.get(item.key, [])
        check(item, accepted)
        for p in item.proposals:
            proposals.setdefault(p.id, p)
            parts.setdefault(p.id, set()).add(item.part)
            if p.id in accepted:
                taken.setdefault(p.id, set()).add(item.part)
    chosen = [p for p in proposals.values() if p.id in taken]
    if chosen:  # items() lists open proposals on the latest revision only: one base for all
        version = chosen[0].base_version
        if version not in lookups:
            lookups[version] = rounds.Lookups(rounds.base_text(work, version))
        deleted = its[0].rows_deleted
        split = any(item.part for item in its)

        def keep(p: Proposal, e: Edit) -> bool:
            return not split or table_part(e, deleted) in taken[p.id]

        try:
            rounds.accept_into(work, out, [p.id for p in chosen], target, lookups[version], keep=keep)
        except InputError as exc:
            who = listed([p.proposer for p in chosen])
            labels = [item.label for item in its if choices.accepted.get(item.key)]
            place = (
                labels[0] if len(labels) == 1 else listed(labels, "; ")
            )  # one: said in the interface's words
            raise InputError(
                say("{place} ({who}): {reason}", place=place, who=who, reason=reason(exc))
            ) from None
    for p in proposals.values():
        mine = taken.get(p.id, set())
        action = rounds.ACCEPT if mine == parts[p.id] else rounds.MERGE if mine else rounds.REJECT
        rounds.decide(work, p.id, target, action, date)


def merge_into_revision(
    neg: rounds.Negotiation,
    res: Resolution,
    choices: Choices,
    *,
    date: dt.datetime | None = None,
    note: str = "",
) -> Resolution:
    """`merged`, issued as the next informal revision (Rev.N)."""
    out = merged(neg, res, choices, date)
    assert out.negotiation is not None
    rounds.issue_revision(out.negotiation, out, date=date, note=note)
    return out


def proposed_version(neg: rounds.Negotiation, item: MergeItem, proposal: Proposal) -> Resolution:
    """The latest revision with only this proposal's edits at this place (in a table, at this row or cell):
    what the proposer wants there."""
    if item.part:
        proposal = dataclasses.replace(proposal, edits=[e for e in proposal.edits if item.takes(e)])
    return apply(rounds.base_text(neg, proposal.base_version), proposal, only={item.target})


def place_text(res: Resolution, target: str) -> str:
    """What a place reads in `res`, as printed (subparagraphs on their own lines); "" when it is not there."""
    from app import inline
    from app.render import block_text, render

    title = title_of(res, target)
    if title is not None:
        return inline.plain(title)
    if target in res.footnotes:
        return inline.plain(res.footnotes[target].text)
    para = res.find(target)
    if para is None:
        return ""
    ids = {node.id for node in para.walk()}
    rendered = render(res)
    numbers = rendered.footnote_numbers
    return "\n".join(
        f"{b.label} {block_text(b, numbers)}".strip().replace("\t", " | ")
        for b in rendered.blocks
        if b.paragraph_id in ids
    )


ADDED, DELETED, CHANGED = "added", "deleted", "changed"


def table_changes(before: Resolution, after: Resolution, target: str) -> list[tuple[str, str]] | None:
    """The rows of table `target` that differ between two texts, in order: (ADDED, DELETED or CHANGED, the row
    as it reads, cells set apart by " | "); None when `target` is no table in `before`. What a table proposal
    does, shown without the dozens of rows it leaves as they are (a scale of assessments has 193)."""
    from app import inline
    from app.compare.table_diff import row_pairs

    old = before.find(target)
    if old is None or not old.is_table:
        return None
    new = after.find(target)
    rows = new.table if new is not None else []

    def line(row: list[str]) -> str:
        return " | ".join(" ".join(inline.plain(c).split()) for c in row)

    out: list[tuple[str, str]] = []
    for x, y in row_pairs(old.table, rows):
        if x is None and y is not None:
            out.append((ADDED, line(rows[y])))
        elif y is None and x is not None:
            out.append((DELETED, line(old.table[x])))
        elif x is not None and y is not None and old.table[x] != rows[y]:
            out.append((CHANGED, line(rows[y])))
    return out
