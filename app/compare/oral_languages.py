"""Oral revisions of a French or Spanish draft, read out in the draft's language.

`app.compare.oral` words its revisions in English (parts, annexes, tables, footnotes included): a delegate
revising "Rappelant sa résolution …" from the floor read "At the beginning of the preamble, insert a new
preambular paragraph reading: …". Another language's set wording is data (the [amendments] table of
resources/languages/<code>.toml, shared with amendments): the revisions are the amendment's instructions from
the base to the draft (`app.amendments.derive`), each sentence followed by the paragraph it quotes. What that
wording cannot say yet (the title, a later part, an annex, a footnote's text) keeps the English reading.
"""

from __future__ import annotations

from app.amendments import derive, instruction_blocks
from app.compare.diff import Comparison
from app.errors import InputError
from app.languages import get_language
from app.render import Block, join_opener
from app.wording import quote


def _text(block: Block) -> str:
    body = join_opener(block.opener, "".join(span.text for span in block.spans))
    label = block.label + " " if block.label and block.role != "instruction" else ""
    return label + body


def spoken_revisions(cmp: Comparison) -> list[str] | None:
    """Each revision as read out, without its final mark, in the draft's language; None for an English draft
    and for a change the language's set wording cannot say (the English reading is used)."""
    language = cmp.new.header.language
    lang = get_language(language)
    if lang.is_english or any(note.status == "changed" for note in cmp.footnotes.values()):
        return None
    try:
        blocks = instruction_blocks(derive(cmp.base, cmp.new), language)
    except InputError:
        return None
    out: list[tuple[str, list[str]]] = []
    for block in blocks:
        if block.role == "instruction":
            out.append((_text(block), []))
        elif out:
            out[-1][1].append(_text(block) + block.end)
    return [
        sentence + (f"{lang.punctuate(':')} {quote(' '.join(quoted), language)}" if quoted else "")
        for sentence, quoted in out
    ]


def spoken_end(cmp: Comparison, mark: str) -> str:
    """The mark ending a revision (";") or the last (".") as the draft's language prints it."""
    return get_language(cmp.new.header.language).punctuate(mark)
