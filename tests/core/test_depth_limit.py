"""One depth limit for the editor, the readers and the project file: whatever the app builds, it can save and
open again."""

from __future__ import annotations

import contextlib
import io

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app import edits, inline, storage
from app.io.akn_reader import read_akn
from app.io.akn_writer import to_akn
from app.io.docx_reader import read_docx
from app.model import MAX_DEPTH, Paragraph, Part, Resolution, height, limit_depth


def chain(depth: int, siblings: int = 2) -> Paragraph:
    """An operative paragraph with subparagraphs `depth` levels deep, `siblings` at each level."""
    top = Paragraph("Requests", "the Secretary-General:")
    node = top
    for level in range(1, depth + 1):
        node.subparagraphs = [Paragraph("", f"level {level} item {k}") for k in range(siblings)]
        node = node.subparagraphs[0]
    return top


def reading_order(paras: list[Paragraph]) -> list[str]:
    out: list[str] = []
    stack: list[Paragraph | str] = list(reversed(paras))
    while stack:
        item = stack.pop()
        if isinstance(item, str):
            out.append(item)
            continue
        out.append(item.text)
        if item.tail:
            stack.append(item.tail)
        stack.extend(reversed(item.subparagraphs))
    return [t for t in out if t]


def deepest(res: Resolution) -> int:
    return max((height(p) for part in Part for p in res.part(part)), default=0)


def test_tab_past_the_limit_is_refused_and_leaves_the_history_alone() -> None:
    doc = edits.Document(Resolution(operative=[Paragraph("Requests", "the Secretary-General:")]))
    for k in range(MAX_DEPTH + 3):
        para = Paragraph("", f"item {k}")
        edits.insert_paragraph(doc, part=Part.OPERATIVE, paragraph=para)
        for _ in range(k + 1):
            revision, undo = doc.revision, doc.history.undo_status()
            try:
                edits.indent_paragraph(doc, paragraph_id=para.id)
            except edits.EditError as exc:
                assert f"{MAX_DEPTH} levels" in str(exc)
                assert (doc.revision, doc.history.undo_status()) == (revision, undo)
                break
    assert deepest(doc.resolution) == MAX_DEPTH
    assert storage.loads(storage.dumps(doc.resolution)) == doc.resolution


def test_indenting_a_paragraph_with_its_own_list_counts_the_list() -> None:
    res = Resolution(operative=[Paragraph("Decides", "first"), chain(MAX_DEPTH)])
    doc = edits.Document(res)
    with pytest.raises(edits.EditError):  # its list would go one level past the limit
        edits.indent_paragraph(doc, paragraph_id=res.operative[1].id)
    res.operative[1] = chain(MAX_DEPTH - 1)
    edits.indent_paragraph(doc, paragraph_id=res.operative[1].id)
    assert deepest(res) == MAX_DEPTH


@pytest.mark.parametrize("depth", [MAX_DEPTH, MAX_DEPTH + 1, 3 * MAX_DEPTH, 150])
def test_limit_depth_keeps_the_reading_order_and_tails(depth: int) -> None:
    top = chain(depth)
    node = top
    while node.subparagraphs:
        node.tail = f"tail after the list under {node.text}"
        node = node.subparagraphs[0]
    paras = [top]
    before = reading_order(paras)
    lifted = limit_depth(paras)
    assert reading_order(paras) == before
    assert height(paras[0]) == min(depth, MAX_DEPTH)
    assert (lifted > 0) == (depth > MAX_DEPTH)


def deep_akn(depth: int) -> bytes:
    res = Resolution(title="Deep lists", preamble=[Paragraph("Recalling", "its resolutions")])
    res.operative = [chain(depth), Paragraph("Decides", "to remain seized of the matter")]
    return to_akn(res)  # the writer nests lists as deep as the model it is given


@pytest.mark.parametrize("depth", [MAX_DEPTH, MAX_DEPTH + 4, 40])
def test_a_deep_akn_list_is_flattened_to_the_limit_with_a_finding(depth: int) -> None:
    result = read_akn(deep_akn(depth), name="deep.xml")
    res = result.resolution
    assert deepest(res) == min(depth, MAX_DEPTH)
    notes = [f for f in result.findings if f.rule == "import.depth"]
    assert bool(notes) == (depth > MAX_DEPTH)
    texts = [inline.plain(t) for t in reading_order(res.operative)]
    assert texts[-1] == "to remain seized of the matter"
    assert [t for t in texts if t.startswith("level")] == [
        f"level {level} item {k}" for level in range(1, depth + 1) for k in (0,)
    ] + [f"level {level} item 1" for level in range(depth, 0, -1)]
    assert storage.loads(storage.dumps(res)) == res


def deep_docx(depth: int) -> bytes:
    """A Word draft whose list is nested by indentation alone, one step per level."""
    import docx
    from docx.shared import Pt

    document = docx.Document()
    document.add_paragraph("The General Assembly,")
    intro = document.add_paragraph()
    intro.add_run("Recalling").italic = True
    intro.add_run(" its resolutions,")
    top = document.add_paragraph("1. ")
    top.add_run("Requests").italic = True
    top.add_run(" the Secretary-General:")
    top.paragraph_format.left_indent = Pt(0)
    for level in range(1, depth + 1):
        line = document.add_paragraph(f"to act at level {level};")
        line.paragraph_format.left_indent = Pt(18 * level)
    document.add_paragraph("2. ").add_run("Decides").italic = True
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def test_a_deep_word_list_is_flattened_to_the_limit_and_reopens() -> None:
    result = read_docx(deep_docx(MAX_DEPTH + 6), name="deep.docx")
    res = result.resolution
    assert deepest(res) == MAX_DEPTH
    assert any(f.rule == "import.depth" for f in result.findings)
    texts = [t for t in reading_order(res.operative) if "level" in t]
    assert [int(t.split()[-1].rstrip(";")) for t in texts] == list(range(1, MAX_DEPTH + 7))
    assert storage.loads(storage.dumps(res)) == res


# --- property: every model the edits build can be saved and opened again ------------------------------------

OPS = st.lists(
    st.tuples(
        st.sampled_from(["insert", "indent", "outdent", "duplicate", "up", "down", "delete"]),
        st.integers(0, 200),
    ),
    max_size=60,
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(OPS)
def test_any_sequence_of_edits_saves_and_reopens(ops: list[tuple[str, int]]) -> None:
    doc = edits.Document(Resolution(operative=[Paragraph("Requests", "the Secretary-General:")]))
    commands = {
        "indent": edits.indent_paragraph,
        "outdent": edits.outdent_paragraph,
        "duplicate": edits.duplicate_paragraph,
        "up": edits.move_up,
        "down": edits.move_down,
        "delete": edits.delete_paragraph,
    }
    for name, pick in ops:
        ids = [p.id for _, p in doc.resolution.paragraphs()]
        if name == "insert" or not ids:
            edits.insert_paragraph(doc, part=Part.OPERATIVE, paragraph=Paragraph("", f"p{pick}"))
            continue
        with contextlib.suppress(edits.EditError):
            commands[name](doc, paragraph_id=ids[pick % len(ids)])
        assert deepest(doc.resolution) <= MAX_DEPTH
    assert storage.loads(storage.dumps(doc.resolution)) == doc.resolution


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.integers(0, 3 * MAX_DEPTH), st.integers(1, 3))
def test_any_akn_nesting_reads_into_a_model_that_saves_and_reopens(depth: int, siblings: int) -> None:
    res = Resolution(title="Deep", preamble=[Paragraph("Recalling", "its resolutions")])
    res.operative = [chain(depth, siblings)]
    back = read_akn(to_akn(res), name="x.xml").resolution
    assert deepest(back) == min(depth, MAX_DEPTH)
    assert storage.loads(storage.dumps(back)) == back
