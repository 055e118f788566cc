"""The shared structure step (app/io/structure.py): a labelled subparagraph met after what its paragraph holds
goes where the labels say, for any tree of lists the model prints (the ninth letter "(i)", "(v)", "(x)"
included), as the UN XML reader meets "(f)" written as a paragraph of its own after a list "(a)" to "(e)"."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from app.formatting import subparagraph_label
from app.io.structure import place_after
from app.model import Paragraph

Tree = list  # a list of subtrees: each item is the list of its own subparagraphs


def _trees(depth: int) -> st.SearchStrategy[Tree]:
    if depth == 3:
        return st.lists(st.just([]), max_size=12)
    return st.lists(_trees(depth + 1), max_size=12)


def _labels(tree: Tree, depth: int = 1) -> list[tuple[str, str]]:
    """The labels in reading order with their text's end, as printed: a colon before a list of its own."""
    out: list[tuple[str, str]] = []
    for index, sub in enumerate(tree, 1):
        out.append((subparagraph_label(depth, index), "To act as follows:" if sub else "To act;"))
        out += _labels(sub, depth + 1)
    return out


def _shape(para: Paragraph) -> Tree:
    return [_shape(sub) for sub in para.subparagraphs]


@settings(max_examples=300, deadline=None)
@given(_trees(1))
def test_labels_met_one_by_one_rebuild_the_tree(tree: Tree) -> None:
    holder = Paragraph(text="Calls upon all States:")
    for label, text in _labels(tree):
        place_after(holder, Paragraph(text=text), label)
    assert _shape(holder) == tree


def test_the_ninth_letter_continues_the_letters_and_a_roman_one_after_a_colon_opens_a_list() -> None:
    holder = Paragraph(text="Calls upon all States:")
    for label in ["(a)", "(b)", "(c)", "(d)", "(e)", "(f)", "(g)", "(h)", "(i)"]:
        place_after(holder, Paragraph(text="To act;"), label)
    assert len(holder.subparagraphs) == 9
    holder.subparagraphs[-1].text = "To act as follows:"
    place_after(holder, Paragraph(text="To report;"), "(i)")
    assert _shape(holder) == [[]] * 8 + [[[]]]
