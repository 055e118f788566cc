"""Whole sentences of an amendment or oral revision: "In operative paragraph 5, …", "Delete … reading:",
"Replace … with the following:", "After …, insert a new … reading:"."""

from __future__ import annotations

from app.formatting import subparagraph_label
from app.languages import get_language
from app.model import Action, Instruction, Part
from app.wording.places import paragraph_kind, paragraph_name, unit_whole
from app.wording.units import (
    in_title_head,
    is_annex_unit,
    is_title,
    is_whole_unit,
    new_unit_sentence,
    titled,
    unit_suffix,
    whole_unit_name,
)
from app.wording.words import amendment_words, contract


def in_paragraph(where: str, phrases: list[str], language: str = "", *, unit: str = "") -> str:
    t = amendment_words(language)
    if is_title(unit):  # "In the title, …" ("Dans le titre, …": not "Au titre", which means "as")
        joint = get_language(language).punctuate(";") + " " if t else "; "
        head, comma = in_title_head(language)  # "In the title of annex II, …": the owner after "title"
        return head + unit_suffix(titled(unit) or "", language) + comma + joint.join(phrases)
    if t:
        joint = get_language(language).punctuate(";") + " "  # French: "…\u00a0; …"
        return contract(t, t["in"].format(place=where, edits=joint.join(phrases)))
    return f"In {where}, " + "; ".join(phrases)


def delete_paragraph(where: str, *, reading: bool = False, language: str = "") -> str:
    t = amendment_words(language)
    if t:
        return contract(t, t["delete_reading" if reading else "delete"].format(place=where)) + (
            ":" if reading else ""
        )
    return f"Delete {where}" + (" reading:" if reading else "")


def replace_paragraph(where: str, language: str = "") -> str:
    t = amendment_words(language)
    if t:
        return contract(t, t["replace"].format(place=where)) + ":"
    return f"Replace {where} with the following:"


NEW_KEY = {
    "preambular paragraph": "new_preambular",
    "operative paragraph": "new_operative",
    "subparagraph": "new_sub",
}


def insert_paragraph(
    after: str, part: Part, kind: str, language: str = "", *, before: bool = False, unit: str = ""
) -> str:
    """ "After X, insert a new ... reading:"; `after` empty: at the beginning of the part (of `unit`'s part or
    annex); `before`: the new paragraph goes before `after`."""
    t = amendment_words(language)
    if t:
        new = t[NEW_KEY.get(kind, "new_operative")]
        if not after:
            where = unit_whole(unit, part, language)
            return contract(t, t["insert_start"].format(part=where, new=new)) + ":"
        return (
            contract(t, t["insert_before" if before else "insert_after"].format(place=after, new=new)) + ":"
        )
    if before:
        return f"Before {after}, insert a new {kind} reading:"
    if not after:
        return f"At the beginning of {unit_whole(unit, part)}, insert a new {kind} reading:"
    return f"After {after}, insert a new {kind} reading:"


def sentence(ins: Instruction, *, numbered: bool = True, language: str = "") -> str:
    """The sentence of one whole-paragraph instruction (text edits go through `in_paragraph`)."""
    unit = ins.unit
    if ins.body is not None:
        return new_unit_sentence(ins, language)
    if is_whole_unit(ins):
        return delete_paragraph(whole_unit_name(unit, language), language=language)
    where = paragraph_name(ins.part, ins.number, ins.sub, numbered=numbered, language=language, unit=unit)
    if ins.action is Action.DELETE:
        return delete_paragraph(where, reading=ins.paragraph is not None, language=language)
    if ins.action is Action.REPLACE:
        return replace_paragraph(where, language)
    kind = "subparagraph" if ins.sub else ("paragraph" if is_annex_unit(unit) else paragraph_kind(ins.part))
    labels = ins.sub.split()
    if labels and labels[-1] == "(0)":  # a new first subparagraph
        first = " ".join([*labels[:-1], subparagraph_label(len(labels), 1)])
        return insert_paragraph(
            paragraph_name(ins.part, ins.number, first, language=language, unit=unit),
            ins.part,
            kind,
            language,
            before=True,
        )
    if ins.sub:  # a new subparagraph goes after subparagraph `sub`
        return insert_paragraph(where, ins.part, kind, language)
    after = paragraph_name(ins.part, ins.number, language=language, unit=unit) if ins.number else ""
    return insert_paragraph(after, ins.part, kind, language, unit=unit)
