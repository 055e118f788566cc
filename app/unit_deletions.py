"""A whole later part or annex deleted by an amendment ("Delete annex II", "Delete part B").

The set wording names paragraphs; a part or an annex goes whole in one sentence, with no number (the
instruction's `number` 0, see `app.wording.units.is_whole_unit`). The base's parts and annexes are paired with the
proposed version's as the comparison pairs them (by id in one project, else by title, then by place): a base
unit left unpaired is deleted; one retitled gets instructions on its title (`app.amendments`), one added is
inserted (`app.unit_insertions`); one given or relieved of its "Annex" line has no wording and is refused in one
line, as is deleting part A or a text adopted with no "Annex" line.
"""

from __future__ import annotations

from collections.abc import Sequence

from app import inline
from app.compare.diff import _pair_units
from app.errors import InputError
from app.messages import Phrase, say
from app.model import Action, Annex, Instruction, Part, Resolution, ResolutionPart
from app.render import annex_units, part_letter
from app.wording.units import is_annex_unit, is_whole_unit, whole_unit_name

Unit = ResolutionPart | Annex


def _words(markup: str) -> str:
    return " ".join(inline.plain(markup).split())


def _labelled(unit: Unit) -> bool:
    return getattr(unit, "labelled", True)


def _refuse(what: Phrase | str) -> InputError:
    return InputError(
        say(
            "the proposed version changes {what}: an amendment cannot carry that yet; change it in the "
            "draft itself",
            what=what,
        )
    )


def unit_pairs(
    base: Sequence[Unit], proposed: Sequence[Unit], labels: list[str], by_id: bool, what: str
) -> list[tuple[str, Unit, Unit | None]]:
    """Each base unit with its label and its counterpart in the proposed version (None: deleted); one added is
    left to `app.unit_insertions`. InputError for a unit relabelled (`what` names it in the message)."""
    label_of = {id(u): label for u, label in zip(base, labels, strict=True)}
    out: list[tuple[str, Unit, Unit | None]] = []
    for bu, pu in _pair_units(base, proposed, by_id):
        if bu is None:  # added: `app.unit_insertions`
            continue
        if pu is not None and _labelled(bu) != _labelled(pu):
            raise _refuse(what)
        out.append((label_of[id(bu)], bu, pu))
    return out


def part_pairs(base: Resolution, proposed: Resolution, by_id: bool) -> list[tuple[str, Unit, Unit | None]]:
    what = say("the parts")
    labels = [part_letter(i) for i in range(1, len(base.later_parts) + 1)]
    return unit_pairs(base.later_parts, proposed.later_parts, labels, by_id, what)


def annex_pairs(base: Resolution, proposed: Resolution, by_id: bool) -> list[tuple[str, Unit, Unit | None]]:
    what = say("the annexes (one given or relieved of its Annex line)")
    pairs = unit_pairs(base.annexes, proposed.annexes, annex_units(base.annexes), by_id, what)
    if any(pu is None and not is_annex_unit(label) for label, _, pu in pairs):
        # a text adopted with no "Annex" line has no name to delete it by
        raise _refuse(say("the annexes (a text adopted with no Annex line added or removed)"))
    return pairs


def deletion(unit: str) -> Instruction:
    return Instruction(Action.DELETE, Part.OPERATIVE, 0, unit=unit)


def _index(res: Resolution, unit: str) -> tuple[list, int]:
    """The list holding the unit `unit` names in `res` and its index there."""
    if is_annex_unit(unit):
        labels = annex_units(res.annexes)
        holder: list = res.annexes
    else:
        labels = [part_letter(i) for i in range(1, len(res.later_parts) + 1)]
        holder = res.later_parts
    if unit not in labels:
        raise InputError(say("the draft has no {place}", place=Phrase(whole_unit_name, (unit,))))
    return holder, labels.index(unit)


def check_unit(res: Resolution, ins: Instruction) -> None:
    """InputError when the draft has no such part or annex."""
    _index(res, ins.unit)


def deleted_places(res: Resolution, instructions: list[Instruction]) -> list[tuple[list, int]]:
    """The list and index of each part and annex the instructions delete whole, by their labels in `res`."""
    return [_index(res, ins.unit) for ins in instructions if is_whole_unit(ins)]
