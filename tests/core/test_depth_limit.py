"""Whatever the app makes or reads it can save and open again: one limit on subparagraph levels."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app import edits
from app.edits import EditError
from app.io.akn_writer import to_akn
from app.io.reading import clamp_levels, read_document
from app.model import MAX_LEVELS, Paragraph, Resolution
from app.storage import dumps, loads


def _chain(levels: int) -> Paragraph:
    top = Paragraph(opener="Requests", text="the Secretary-General")
    node = top
    for i in range(levels):
        child = Paragraph(text=f"to act at level {i + 1}")
        node.subparagraphs = [child, Paragraph(text=f"to report at level {i + 1}")]
        node = child
    return top


def test_tab_stops_at_the_limit_and_leaves_undo_alone() -> None:
    res = Resolution(operative=[Paragraph("Decides", "to act")])
    doc = edits.Document(res)
    res.operative += [Paragraph(text=f"item {i}") for i in range(1, MAX_LEVELS + 4)]
    ids = [p.id for p in res.operative]
    for k, pid in enumerate(
        ids[1:], start=1
    ):  # a staircase: item k goes k levels down, as far as Tab lets it
        refused = ""
        for _ in range(k):
            revision = doc.revision
            try:
                edits.indent_paragraph(doc, paragraph_id=pid)
            except EditError as exc:
                refused = str(exc)
                assert doc.revision == revision  # a refused Tab records nothing
                break
        assert edits.depth_of(res, pid) == min(k, MAX_LEVELS)
        assert bool(refused) == (k > MAX_LEVELS) and (not refused or f"{MAX_LEVELS} levels" in refused)
    assert loads(dumps(res)) is not None  # what Tab made saves and opens


def test_a_deep_list_from_a_file_is_brought_up_to_the_limit(tmp_path) -> None:  # noqa: ANN001
    res = Resolution(preamble=[Paragraph("Recalling", "its resolutions")], operative=[_chain(MAX_LEVELS + 4)])
    words_before = [p.text for p in res.operative[0].walk()]
    with pytest.raises(Exception):  # noqa: B017 - the project reader refuses what is too deep
        loads(dumps(res))
    path = tmp_path / "deep.xml"
    path.write_bytes(to_akn(res))
    result = read_document(path)
    back = result.resolution
    assert loads(dumps(back)) is not None
    assert any(f.rule == "import.depth" for f in result.findings)
    assert max(p.levels() for p in back.operative) == MAX_LEVELS
    assert len(list(back.operative[0].walk())) == len(words_before)  # nothing dropped


@settings(max_examples=60, deadline=None)
@given(st.integers(0, MAX_LEVELS + 6), st.integers(1, 3))
def test_clamping_keeps_every_paragraph_in_reading_order(levels: int, copies: int) -> None:
    res = Resolution(operative=[_chain(levels) for _ in range(copies)])
    order = [p.id for top in res.operative for p in top.walk()]
    clamp_levels(res)
    assert [p.id for top in res.operative for p in top.walk()] == order
    assert max(p.levels() for p in res.operative) <= MAX_LEVELS
    assert loads(dumps(res)) is not None
