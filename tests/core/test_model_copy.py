"""`copy.deepcopy` of paragraphs (`Paragraph.__deepcopy__` shares every field but the subparagraphs)."""

from __future__ import annotations

import copy
import dataclasses

from hypothesis import given, settings
from hypothesis import strategies as st

from app.model import Paragraph

_words = st.text(alphabet="abc *[^]", max_size=12)


def _trees() -> st.SearchStrategy[Paragraph]:
    leaf = st.builds(
        Paragraph, opener=_words, text=_words, tail=_words, heading=_words, numbered=st.booleans()
    )
    return st.recursive(
        leaf,
        lambda kids: st.builds(Paragraph, text=_words, subparagraphs=st.lists(kids, max_size=4)),
        max_leaves=30,
    )


@settings(max_examples=60, deadline=None)
@given(_trees())
def test_a_copy_is_equal_and_shares_no_paragraph(tree: Paragraph) -> None:
    twin = copy.deepcopy(tree)
    assert twin == tree
    assert not {id(node) for node in twin.walk()} & {id(node) for node in tree.walk()}
    twin.subparagraphs.append(Paragraph(text="new"))
    for node in twin.walk():
        node.text += " changed"
    assert all(not node.text.endswith(" changed") for node in tree.walk())


def test_every_field_but_the_subparagraphs_is_immutable() -> None:
    """What the copy shares must not change under it: a new list or dict field needs its own copy there."""
    para = Paragraph(subparagraphs=[Paragraph()])
    for f in dataclasses.fields(Paragraph):
        # the table's rows and its list of merges (tuples) are copied in __deepcopy__
        if f.name not in ("subparagraphs", "table", "merges"):
            assert isinstance(getattr(para, f.name), str | bool | int | float), f.name


def test_a_copied_table_has_rows_of_its_own() -> None:
    table = Paragraph(table=[["Level", "Discount"], ["A", "0"]], header_rows=1)
    twin = copy.deepcopy(table)
    assert twin == table
    twin.table[1][1] = "90"
    twin.table.append(["B", "7.5"])
    twin.merges.append((0, 0, 1, 2))
    assert table.table == [["Level", "Discount"], ["A", "0"]] and table.merges == []


def test_a_paragraph_twice_in_one_structure_stays_one_object_in_the_copy() -> None:
    shared = Paragraph(text="shared")
    twin = copy.deepcopy([Paragraph(subparagraphs=[shared]), shared])
    assert twin[0].subparagraphs[0] is twin[1]
