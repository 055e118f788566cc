"""A part or an annex added whole by an amendment ("After part A, insert a new part reading:", "Add a new annex
reading:"; our own wording, as a paragraph is inserted: no issued amendment adding one was found).

The instruction (`Instruction.body`) names its place by the base's labels: the part or annex it follows
(`after`) or goes before (`old`), neither when the draft has none of its kind. Derived from the base's and the
proposed version's parts and annexes paired as the comparison pairs them (`app.unit_deletions`); carried out
with the deletions, after every other instruction, which name places as the base prints them.
"""

from __future__ import annotations

import copy
from collections.abc import Sequence

from app.compare.diff import _pair_units
from app.errors import InputError
from app.messages import Phrase, say
from app.model import Action, Annex, Instruction, Part, Resolution, ResolutionPart
from app.render import annex_units, part_letter
from app.wording.units import is_annex_unit, whole_unit_name

Unit = ResolutionPart | Annex


def _refuse(what: str) -> InputError:
    return InputError(
        say(
            "the proposed version changes {what}: an amendment cannot carry that yet; change it in the "
            "draft itself",
            what=what,
        )
    )


def _labels(res: Resolution, annexes: bool) -> list[str]:
    """The labels a new unit's place is named by: every annex's, or every part's from "A" (part A itself)."""
    if annexes:
        return annex_units(res.annexes)
    return [part_letter(i) for i in range(len(res.later_parts) + 1)]


def _added(
    base: Sequence[Unit], proposed: Sequence[Unit], labels: list[str], by_id: bool, first: str
) -> list[Instruction]:
    """An INSERT for each unit of `proposed` paired with none of `base`; `first`: the label of what stands
    before the first of `base` (part A before part B), "" for nothing."""
    label_of = {id(u): label for u, label in zip(base, labels, strict=True)}
    pairs = _pair_units(base, proposed, by_id)
    out: list[Instruction] = []
    previous = first
    for index, (bu, pu) in enumerate(pairs):
        if bu is not None:
            previous = label_of[id(bu)]
            continue
        assert pu is not None
        following = next((label_of[id(b)] for b, _ in pairs[index + 1 :] if b is not None), "")
        ins = Instruction(Action.INSERT, Part.OPERATIVE, 0, body=copy.deepcopy(pu))
        ins.after, ins.old = (previous, "") if previous else ("", following)
        out.append(ins)
    return out


def added_units(base: Resolution, proposed: Resolution, by_id: bool) -> list[Instruction]:
    """The parts, then the annexes, `proposed` adds to `base`. InputError for a part added to a draft not in
    parts (it would make the draft's own paragraphs part A) and for a text adopted with no "Annex" line."""
    parts = _added(base.later_parts, proposed.later_parts, _labels(base, False)[1:], by_id, "A")
    if parts and not base.later_parts:
        raise _refuse(say("the parts (the draft, which is not in parts, given a second part)"))
    annexes = _added(base.annexes, proposed.annexes, annex_units(base.annexes), by_id, "")
    if any(isinstance(ins.body, Annex) and not ins.body.labelled for ins in annexes):
        raise _refuse(say("the annexes (a text adopted with no Annex line added or removed)"))
    return parts + annexes


def _position(res: Resolution, ins: Instruction) -> tuple[list, int]:
    """The list a new unit goes in and the index it takes there, by the labels `res` prints."""
    annexes = isinstance(ins.body, Annex)
    holder: list = res.annexes if annexes else res.later_parts
    labels = _labels(res, annexes)
    named = ins.after or ins.old
    if not named:
        return holder, len(holder)
    if named not in labels or (not annexes and ins.old == "A") or is_annex_unit(named) != annexes:
        raise InputError(say("the draft has no {place}", place=Phrase(whole_unit_name, (named,))))
    at = labels.index(named) + (1 if ins.after else 0)
    return holder, at - (0 if annexes else 1)


def check_added(res: Resolution, ins: Instruction) -> None:
    """InputError when the part or annex the new one follows or precedes is not in the draft."""
    _position(res, ins)


def insert_units(res: Resolution, added: list[Instruction], deleted: list[tuple[list, int]]) -> None:
    """Put in each part and annex `added` holds and take out the `deleted` ones (list, index), every place
    named by the labels `res` has before any change."""
    placed = [(*_position(res, ins), ins) for ins in added]
    for holder in (res.later_parts, res.annexes):
        gone = {index for h, index in deleted if h is holder}
        new: dict[int, list] = {}
        for h, at, ins in placed:
            if h is holder:
                new.setdefault(at, []).append(copy.deepcopy(ins.body))
        out: list = []
        for index, unit in enumerate(holder):
            out += new.get(index, [])
            if index not in gone:
                out.append(unit)
        out += new.get(len(holder), [])
        holder[:] = out
