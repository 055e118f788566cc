"""What a table paragraph holds beside its cells (a note, a tail, subparagraphs a file gave it) prints after the
table wherever the table stands, and never as a second paragraph of the table's own id: the editor keys its
rows by paragraph id, and a table in the preamble or an annex whose note came out as a "preambular" or
"annex_paragraph" block of that id was a second row of the same key (the list's layout broke)."""

from __future__ import annotations

import pytest

from app import inline
from app.model import Annex, Paragraph, Resolution
from app.render import render

PARAGRAPH_ROLES = ("preambular", "operative", "subparagraph", "annex_paragraph", "table")


def _table() -> Paragraph:
    return Paragraph(
        text="a note under it",
        table=[["Level", "Rate"], ["A", "1"]],
        header_rows=1,
        subparagraphs=[Paragraph(text="kept item one"), Paragraph(text="kept item two")],
        tail="kept tail",
    )


def placed(where: str) -> tuple[Resolution, Paragraph]:
    """A table with a note, a tail and two subparagraphs in the preamble, the operative part or an annex."""
    table = _table()
    res = Resolution(
        preamble=[Paragraph("Recalling", "its resolution")], operative=[Paragraph("Decides", "so")]
    )
    if where == "preamble":
        res.preamble.insert(0, table)
    elif where == "operative":
        res.operative.insert(1, table)
    else:
        res.annexes.append(Annex(title="Scale", paragraphs=[Paragraph(text="First"), table]))
    return res, table


@pytest.mark.parametrize("where", ["preamble", "operative", "annex"])
def test_a_tables_text_is_its_note_and_nothing_is_dropped(where: str) -> None:
    res, table = placed(where)
    blocks = render(res).blocks
    keys = [(b.paragraph_id, b.is_tail) for b in blocks if b.role in PARAGRAPH_ROLES]
    assert len(keys) == len(set(keys))  # one row per key
    own = [b.role for b in blocks if b.paragraph_id == table.id]
    assert own == ["table", "table_note", "table_note"]  # the note, then the tail after the list
    printed = " ".join(inline.plain(inline.unparse(list(b.spans))) for b in blocks)
    for words in ("a note under it", "kept item one", "kept item two", "kept tail"):
        assert words in printed
