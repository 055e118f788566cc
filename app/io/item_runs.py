"""Lines of a list item that a blank line set apart from the item's first line.

A PDF's text layer may put a blank line inside a justified list item, after a line that ends with a comma:

    (e)  Protective  clothing,

    jackets  and  military  helmets,
    temporarily  exported  to  the  CAR  …  for their personal use only;

    (f)  Supplies  of  small  arms  …

Text after an item that ended with a comma may be the item's own or its paragraph's tail ("(b) …, / and
requests …"); when the next block opens the list's next item ("(f)" after "(e)"), it is no tail, for a tail
follows the list's last item: it continues the item, also where it opens with a capital ("UN missions or …", a
piece of a line the text layer set apart) but not where it opens a paragraph (a number, a listed opener).
"""

from __future__ import annotations

from app.io.structure import label_readings
from app.io.text_blocks import Block, starts_block
from app.io.text_paragraphs import NOTE_MARK_RE, SUB_PAREN


def _label(block: Block) -> str:
    m = SUB_PAREN.match(block.first)
    return f"({m.group('l')})" if m else ""


def _next_item(label: str, following: str) -> bool:
    """Is `following` the label that comes after `label` in the same list ("(f)" after "(e)")?"""
    return any(
        kind == after_kind and index + 1 == after
        for kind, index in label_readings(label)
        for after_kind, after in label_readings(following)
    )


def _runs_on(item: Block, piece: Block, following: Block) -> bool:
    label, last = _label(item), NOTE_MARK_RE.sub("", item.lines[-1]).strip()
    first = piece.first
    return (
        bool(label)
        and last.endswith(",")
        and not SUB_PAREN.match(first)
        and not starts_block(first)
        and _next_item(label, _label(following))
    )


def rejoin_item_lines(blocks: list[Block]) -> list[Block]:
    """`blocks` with each piece of a list item that a blank line set apart joined to the item again."""
    out: list[Block] = []
    for i, block in enumerate(blocks):
        if out and i + 1 < len(blocks) and _runs_on(out[-1], block, blocks[i + 1]):
            out[-1] = Block(out[-1].lines + block.lines, out[-1].pages + block.pages, out[-1].after_break)
            continue
        out.append(block)
    return out
