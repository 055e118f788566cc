"""Parts, annexes and titles as an instruction names them (`Instruction.unit`): "part B", "annex II", "the title
of annex II"; a whole unit added ("After part A, insert a new part reading:") or deleted ("Delete annex II")."""

from __future__ import annotations

from typing import Any

from app.model import TITLE_UNIT, Action, Annex, Instruction
from app.wording.words import amendment_words, contract

# where a paragraph stands beyond part A (`Instruction.unit`): the English forms; another language's are keys of
# the same names in its [amendments] table
_UNIT_WORDS_EN = {
    "title": "the title",
    "in_title": "In the title, {edits}",
    "of_part": " of part {letter}",
    "of_annex": " of the annex",
    "of_annex_n": " of annex {number}",
    "annex": "the annex",
    "annex_n": "annex {number}",
    "annex_paragraph": "paragraph {number}",
    "annex_paragraph_sub": "paragraph {number} {sub}",
    # a whole part deleted ("Delete part B", as "Delete annex II"): our own wording, no issued amendment found
    "part": "part {letter}",
    # an annex's unnumbered paragraph (`Instruction.part` PREAMBLE in an annex), counted among the unnumbered, as
    # the oral revisions name it: our own wording (issued texts of 1948-50 name unnumbered paragraphs by their
    # order, "the first paragraph of the Preamble"; no recent amendment naming one in an annex was found)
    "annex_unnumbered": "the {ordinal} unnumbered paragraph",
    "annex_unnumbered_sub": "subparagraph {sub} of the {ordinal} unnumbered paragraph",
    # a part or an annex added whole, quoted after the sentence: our own wording, as a paragraph is inserted (no
    # issued amendment adding one was found)
    "new_annex": "a new annex",
    "new_part": "a new part",
    "unit_insert_after": "After {place}, insert {new} reading",
    "unit_insert_before": "Before {place}, insert {new} reading",
    "unit_add": "Add {new} reading",
}


def unit_words(language: str) -> dict[str, Any]:
    t = amendment_words(language)
    return t if "of_part" in t else _UNIT_WORDS_EN


def is_annex_unit(unit: str) -> bool:
    return unit == "Annex" or unit.startswith("Annex ")


def unit_title(unit: str) -> str:
    """The `Instruction.unit` of a change to the title of part `unit` ("A", "B") or of annex `unit` ("Annex II"):
    "title B", "title Annex II"; the resolution's own title is `TITLE_UNIT`."""
    return f"{TITLE_UNIT} {unit}" if unit else TITLE_UNIT


def titled(unit: str) -> str | None:
    """The part or annex whose title an instruction's unit names ("" the resolution's own); None: no title."""
    if unit == TITLE_UNIT:
        return ""
    return unit.removeprefix(TITLE_UNIT + " ") if unit.startswith(TITLE_UNIT + " ") else None


def is_title(unit: str) -> bool:
    return titled(unit) is not None


def unit_suffix(unit: str, language: str = "") -> str:
    """ " of part B", " of the annex", " of annex II"; "" for the draft itself (or its part A)."""
    w = unit_words(language)
    if not unit or is_title(unit):
        return ""
    if is_annex_unit(unit):
        number = unit.removeprefix("Annex").strip()
        return w["of_annex_n"].format(number=number) if number else w["of_annex"]
    return w["of_part"].format(letter=unit)


def whole_unit_name(unit: str, language: str = "") -> str:
    """A part or an annex as a whole: "part B", "the annex", "annex II"."""
    w = unit_words(language)
    if is_annex_unit(unit):
        number = unit.removeprefix("Annex").strip()
        return w["annex_n"].format(number=number) if number else w["annex"]
    return w["part"].format(letter=unit)


def new_unit_sentence(ins: Instruction, language: str = "") -> str:
    """ "After part A, insert a new part reading:", "Before annex I, insert a new annex reading:", "Add a new
    annex reading:" (no annex to name: the draft has none)."""
    w, t = unit_words(language), amendment_words(language)
    new = w["new_annex" if isinstance(ins.body, Annex) else "new_part"]
    if ins.after or ins.old:
        key = "unit_insert_after" if ins.after else "unit_insert_before"
        text = w[key].format(place=whole_unit_name(ins.after or ins.old, language), new=new)
    else:
        text = w["unit_add"].format(new=new)
    return contract(t, text) + ":"


def is_whole_unit(ins: Instruction) -> bool:
    """A whole later part or annex deleted ("Delete annex II", "Delete part B"): number 0 names no paragraph."""
    return (
        ins.action is Action.DELETE
        and ins.number == 0
        and not ins.sub
        and bool(ins.unit)
        and not is_title(ins.unit)
        and not is_text_edit(ins)
    )


def in_title_head(language: str) -> tuple[str, str]:
    """ "In the title, {edits}" as its words before the comma and what stands between them and the edits."""
    before = unit_words(language)["in_title"].split("{edits}")[0]
    head = before.rstrip().rstrip(",").rstrip()
    return head, before[len(head) :]


def is_text_edit(ins: Instruction) -> bool:
    """A change inside a paragraph, as opposed to a whole paragraph deleted, replaced or inserted (or a part or
    an annex added, whose `after` and `old` name its place)."""
    return ins.paragraph is None and ins.body is None and bool(ins.old or ins.new or ins.after)
