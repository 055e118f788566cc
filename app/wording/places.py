"""A paragraph's name in an instruction, as the text amended numbers it: "the thirty-eighth preambular paragraph",
"operative paragraph 5 (b)", "paragraph 3 of annex II", "the second unnumbered paragraph of the annex"."""

from __future__ import annotations

from app.formatting import ordinal_words
from app.model import Part
from app.wording.units import is_annex_unit, is_title, titled, unit_suffix, unit_words
from app.wording.words import amendment_words, labels_in, ordinal_word


def unit_whole(unit: str, part: Part, language: str = "") -> str:
    """The list a new first paragraph goes at the beginning of: "the annex", "the preamble of part B"."""
    t = amendment_words(language)
    if is_annex_unit(unit):
        w = unit_words(language)
        number = unit.removeprefix("Annex").strip()
        return w["annex_n"].format(number=number) if number else w["annex"]
    whole = t["preamble" if part is Part.PREAMBLE else "operative_part"] if t else f"the {part_name(part)}"
    return whole + unit_suffix(unit, language)


def paragraph_name(
    part: Part, number: int, sub: str = "", *, numbered: bool = True, language: str = "", unit: str = ""
) -> str:
    """How paragraph `number` of `part` (and its subparagraph `sub`, "(b)" or "(b) (ii)") is named; `unit`:
    the title ("the title"), a later part ("operative paragraph 2 of part B") or an annex ("paragraph 3 of
    annex II")."""
    if is_title(unit):  # "the title", "the title of annex II" (our own wording: no issued one found)
        return unit_words(language)["title"] + unit_suffix(titled(unit) or "", language)
    if is_annex_unit(unit):
        w, t = unit_words(language), amendment_words(language)
        labels = labels_in(language, sub) if t else sub
        if part is Part.PREAMBLE:  # unnumbered: "the second unnumbered paragraph of annex II"
            ordinal = ordinal_word(language, number) if t else ordinal_words(number)
            top = w["annex_unnumbered_sub" if sub else "annex_unnumbered"].format(ordinal=ordinal, sub=labels)
        else:
            top = w["annex_paragraph_sub" if sub else "annex_paragraph"].format(number=number, sub=labels)
        return top + unit_suffix(unit, language)
    return _paragraph_name(part, number, sub, numbered=numbered, language=language) + unit_suffix(
        unit, language
    )


def place_name(part: Part, number: int, sub: str = "", unit: str = "", *, language: str = "") -> str:
    """`paragraph_name` with the unit given in place (a `Phrase` passes its fields in order)."""
    return paragraph_name(part, number, sub, language=language, unit=unit)


def _paragraph_name(part: Part, number: int, sub: str, *, numbered: bool, language: str) -> str:
    t = amendment_words(language)
    if t:
        if part is Part.PREAMBLE:
            shape = t["preambular_sub" if sub else "preambular"]
        elif not numbered and not sub:
            return t["single"]
        else:
            shape = t["operative_sub" if sub else "operative"]
        return shape.format(
            ordinal=ordinal_word(language, number), number=number, sub=labels_in(language, sub)
        )
    if part is Part.PREAMBLE:
        top = f"the {ordinal_words(number)} preambular paragraph"
        return f"subparagraph {sub} of {top}" if sub else top
    top = f"operative paragraph {number}" if numbered else "the operative paragraph"
    return f"{top} {sub}" if sub else top


def paragraph_kind(part: Part, sub: str = "") -> str:
    if sub:
        return "subparagraph"
    return "preambular paragraph" if part is Part.PREAMBLE else "operative paragraph"


def part_name(part: Part) -> str:
    return "preamble" if part is Part.PREAMBLE else "operative part"
