"""One cap on the number of paragraphs (`app.model.MAX_PARAGRAPHS`): every reader and the project loader refuse
a draft past it in one line (CLI exit 2), and no real document comes near it."""

from __future__ import annotations

import copy
import tempfile
from pathlib import Path
from unittest import mock

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app import cli, model, storage
from app.errors import InputError
from app.io.akn_reader import read_akn
from app.io.akn_writer import to_akn
from app.io.docx_writer import build_docx
from app.io.reading import read_document
from app.io.text_writer import to_text
from app.model import MAX_PARAGRAPHS, Annex, Paragraph, Resolution, ResolutionPart, paragraph_count

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
PACT = FIXTURES / "akn" / "A_RES_79_1-2416433E.xml"  # the longest issued GA resolution of sessions 75-79

WRITERS = {
    ".json": lambda res: storage.dumps(res).encode("utf-8"),
    ".docx": build_docx,
    ".txt": lambda res: to_text(res).encode("utf-8"),
    ".xml": to_akn,
}


def _para(k: int, subs: int) -> Paragraph:
    return Paragraph(
        "Decides",
        f"to consider question {k} at its next session",
        subparagraphs=[Paragraph("", f"Item {k}.{j} of the plan") for j in range(subs)],
    )


@st.composite
def drafts(draw: st.DrawFn) -> Resolution:
    """Paragraphs spread over a preamble, an operative part with subparagraphs, later parts and annexes."""
    subs = st.integers(0, 3)
    res = Resolution(title="Questions of the plan")
    res.preamble = [Paragraph("Recalling", f"its resolution {k}") for k in range(draw(st.integers(0, 5)))]
    res.operative = [_para(k, draw(subs)) for k in range(draw(st.integers(1, 8)))]
    if draw(st.booleans()):
        res.part_title = "General questions"
        res.later_parts = [
            ResolutionPart(f"Question {i}", [], [_para(i, draw(subs))])
            for i in range(draw(st.integers(1, 3)))
        ]
    res.annexes = [
        Annex(
            f"Plan {i}",
            [Paragraph(text=f"Step {i}.{j} of the plan.") for j in range(draw(st.integers(1, 4)))],
        )
        for i in range(draw(st.integers(0, 2)))
    ]
    return res


def _nodes(res: Resolution) -> int:
    """Counted the plain way, by walking every list."""
    return sum(1 for _, items in res.lists() for p in items for _ in p.walk()) + len(res.unplaced)


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(drafts(), st.sampled_from(sorted(WRITERS)))
def test_every_reader_refuses_one_paragraph_past_the_cap_and_takes_the_cap_itself(
    res: Resolution, suffix: str
) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"draft{suffix}"
        path.write_bytes(WRITERS[suffix](res))
        count = paragraph_count(read_document(path).resolution)
        assert count == _nodes(read_document(path).resolution)
        with mock.patch.object(model, "MAX_PARAGRAPHS", count):
            read_document(path)
        with mock.patch.object(model, "MAX_PARAGRAPHS", count - 1), pytest.raises(InputError) as refused:
            read_document(path)
    message = str(refused.value)
    assert f"{count - 1:,} paragraphs" in message and "\n" not in message


@settings(max_examples=20, deadline=None)
@given(drafts(), st.lists(st.text(min_size=1, max_size=5), max_size=3), st.integers(1, 40))
def test_the_count_stops_early_and_counts_every_place(
    res: Resolution, unplaced: list[str], stop: int
) -> None:
    res.unplaced = unplaced
    assert paragraph_count(res, stop=10**9) == _nodes(res)
    assert paragraph_count(res, stop=stop) == max(len(unplaced), min(stop, _nodes(res)))


def test_a_project_past_the_cap_is_refused_in_one_line_with_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    res = Resolution(operative=[Paragraph("Decides", "x") for _ in range(MAX_PARAGRAPHS + 1)])
    path = tmp_path / "huge.json"
    path.write_text(storage.dumps(res), encoding="utf-8")
    with pytest.raises(InputError):
        storage.load_project(path)
    assert cli.run(["check", str(path)]) == 2
    err = capsys.readouterr().err.strip()
    assert err.startswith("resolute: ") and "paragraphs" in err and "\n" not in err
    res.operative.pop()  # at the cap itself the project opens
    path.write_text(storage.dumps(res), encoding="utf-8")
    assert paragraph_count(storage.load_project(path)) == MAX_PARAGRAPHS


def test_the_longest_issued_resolution_and_a_budget_sized_one_are_read() -> None:
    """A/RES/79/1 (the Pact for the Future, with its annexes), then the same text with its annexes ten times
    over (the size of a budget resolution's annexes), through the project file and Word."""
    pact = read_akn(PACT.read_bytes()).resolution
    assert paragraph_count(pact) == _nodes(pact) > 400
    big = copy.deepcopy(pact)
    big.annexes = [copy.deepcopy(a) for _ in range(10) for a in pact.annexes]
    expected = _nodes(big)
    assert paragraph_count(storage.loads(storage.dumps(big))) == expected
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "budget.docx"
        path.write_bytes(build_docx(big))
        assert paragraph_count(read_document(path).resolution) == expected


def test_the_editor_never_builds_a_draft_the_project_reader_refuses() -> None:
    """Adding, duplicating or pasting past the cap is refused with its reason and changes nothing (no undo
    entry), so every draft the editor saves opens again."""
    from app import edits

    doc = edits.Document(Resolution(title="Plan", operative=[_para(0, 2), _para(1, 0)]))
    at_cap = paragraph_count(doc.resolution)
    paste = Resolution(operative=[_para(9, 0)])
    attempts = [
        lambda: edits.insert_paragraph(doc, part=model.Part.OPERATIVE),
        lambda: edits.duplicate_paragraph(doc, paragraph_id=doc.resolution.operative[1].id),
        lambda: edits.insert_paragraphs(doc, source=paste),
    ]
    with mock.patch.object(edits, "MAX_PARAGRAPHS", at_cap):
        for attempt in attempts:
            before = storage.dumps(doc.resolution)
            with pytest.raises(edits.EditError, match="at most"):
                attempt()
            assert storage.dumps(doc.resolution) == before and not doc.history.can_undo()
        edits.delete_paragraph(doc, paragraph_id=doc.resolution.operative[1].id)
        edits.insert_paragraph(doc, part=model.Part.OPERATIVE)  # room again: allowed
    assert paragraph_count(doc.resolution) == at_cap
    with mock.patch.object(model, "MAX_PARAGRAPHS", at_cap):
        assert storage.loads(storage.dumps(doc.resolution)).title == "Plan"


def test_the_editor_never_builds_a_sponsor_list_the_project_reader_refuses() -> None:
    """Sponsors set past the cap (a pasted list, the header field) are refused with the reason and change
    nothing; a list at the cap saves and opens again."""
    from app import edits

    doc = edits.Document(Resolution(title="Plan", operative=[_para(0, 0)]))
    names = [f"Delegation {i}" for i in range(6)]
    with mock.patch.object(edits, "MAX_SPONSORS", 5), mock.patch.object(model, "MAX_SPONSORS", 5):
        for attempt in (
            lambda: edits.set_sponsors(doc, names=names),
            lambda: edits.set_header(doc, field="sponsors", value=names),
        ):
            before = storage.dumps(doc.resolution)
            with pytest.raises(edits.EditError, match="at most 5"):
                attempt()
            assert storage.dumps(doc.resolution) == before and not doc.history.can_undo()
        edits.set_sponsors(doc, names=names[:5])
        assert len(storage.loads(storage.dumps(doc.resolution)).header.sponsors) == 5
