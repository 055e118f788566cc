"""Oral revisions of a French or Spanish draft, read out in the draft's language.

`app.compare.oral` words its revisions in English (parts, annexes, tables, footnotes included): a delegate
revising "Rappelant sa résolution …" from the floor read "At the beginning of the preamble, insert a new
preambular paragraph reading: …". Another language's set wording is data (the [amendments] table of
resources/languages/<code>.toml, shared with amendments): the revisions are the amendment's instructions from
the base to the draft (`app.amendments.derive`), each sentence followed by the paragraph it quotes, a footnote's
words by its number ("À la note 3, …"). What that wording cannot say yet (a table, a part or an annex added) keeps
the English reading. The Word file's heading and the closing "renumber" sentence are the [oral] table's.
"""

from __future__ import annotations

from app.amendments import derive, instruction_blocks
from app.compare.diff import Comparison
from app.errors import InputError
from app.languages import get_language
from app.model import Action, DocumentKind, Instruction, Part
from app.render import Block, join_opener
from app.wording.edits import segment_edits
from app.wording.sentences import in_paragraph
from app.wording.units import is_text_edit
from app.wording.words import quote


def _text(block: Block) -> str:
    body = join_opener(block.opener, "".join(span.text for span in block.spans))
    label = block.label + " " if block.label and block.role != "instruction" else ""
    return label + body


def spoken_revisions(cmp: Comparison) -> list[str] | None:
    """Each revision as read out, without its final mark, in the draft's language; None for an English draft
    and for a change the language's set wording cannot say (the English reading is used)."""
    language = cmp.new.header.language
    lang = get_language(language)
    changed_notes = any(note.status == "changed" for note in cmp.footnotes.values())
    if lang.is_english or (changed_notes and "footnote" not in lang.oral):
        return None
    try:
        instructions = derive(cmp.base, cmp.new)
        blocks = instruction_blocks(instructions, language)
    except InputError:
        return None
    out: list[tuple[str, list[str]]] = []
    for block in blocks:
        if block.role == "instruction":
            out.append((_text(block), []))
        elif out:
            out[-1][1].append(_text(block) + block.end)
    spoken = [
        sentence + (f"{lang.punctuate(':')} {quote(' '.join(quoted), language)}" if quoted else "")
        for sentence, quoted in out
    ]
    spoken += _footnotes(cmp, language)
    if any(_renumbers(ins) for ins in instructions) and lang.oral.get("renumber"):
        spoken.append(lang.oral["renumber"])
    return spoken


def _renumbers(ins: Instruction) -> bool:
    """A numbered paragraph or subparagraph inserted or deleted whole, or a part or an annex deleted: the
    paragraphs after it take other numbers (preambular paragraphs have none)."""
    if is_text_edit(ins) or ins.action is Action.REPLACE:
        return False
    return ins.number == 0 and ins.action is Action.DELETE or ins.part is Part.OPERATIVE or bool(ins.sub)


def _footnotes(cmp: Comparison, language: str) -> list[str]:
    """A footnote's words changed, its reference kept: "À la note 3, remplacer « … » par « … »"."""
    shape = get_language(language).oral.get("footnote", "")
    out = []
    for note in cmp.footnotes.values():
        number = cmp.base_rendered.footnote_numbers.get(note.base_id)
        edits = [e.phrase_in(language) for e in segment_edits(note.segments)]
        if note.status == "changed" and number and edits and shape:
            out.append(in_paragraph(shape.format(number=number), edits, language))
    return out


def spoken_heading(cmp: Comparison) -> str:
    """The Word file's heading in the draft's language: "Oral revisions to draft resolution A/C.3/80/L.20",
    "Révisions orales du projet de résolution …", "Revisiones orales del proyecto de resolución …"."""
    lang = get_language(cmp.new.header.language)
    symbol = cmp.new_rendered.symbol or cmp.base_rendered.symbol
    kind = cmp.new.header.kind
    kind = kind if kind is DocumentKind.DRAFT_DECISION else DocumentKind.DRAFT_RESOLUTION
    if lang.is_english or "heading" not in lang.oral:
        return f"Oral revisions to {kind.value} {symbol}" if symbol else "Oral revisions"
    if not symbol:
        return lang.oral.get("heading_plain", "Oral revisions")
    return lang.oral["heading"].format(kind=lang.kind(kind.value), symbol=symbol)


def spoken_end(cmp: Comparison, mark: str) -> str:
    """The mark ending a revision (";") or the last (".") as the draft's language prints it."""
    return get_language(cmp.new.header.language).punctuate(mark)
