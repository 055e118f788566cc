"""Every rule the engine lists fires on the mistake it names and is named by a test."""

from __future__ import annotations

from pathlib import Path

from conventions_support import found, para, resolution

from app.conventions.engine import RULES
from app.model import DocumentKind, Paragraph

TESTS = Path(__file__).resolve().parent


def test_a_typed_number_before_a_preambular_paragraph() -> None:
    res = resolution([para("", "1. Recalling its resolution 78/45 of 4 December 2023")])
    [f] = found(res, "structure.preamble-numbering")
    assert res.preamble[0].text[f.span[0] : f.span[1]].strip() == "1."
    assert f.fix and f.fix.replacement == ""


def test_a_draft_decision_with_a_preamble_is_noted() -> None:
    res = resolution(
        [para("Recalling", "its decision 79/513 of 2 December 2024")], [para("Decides", "to include")]
    )
    res.header.kind = DocumentKind.DRAFT_DECISION
    assert found(res, "structure.decision-preamble")
    res.preamble = []
    assert not found(res, "structure.decision-preamble")


def test_footnote_reference_or_italics_inside_the_opener() -> None:
    res = resolution([para("Recalling[^a1]", "its resolution 78/45 of 4 December 2023")])
    res.add_footnote("A note.").id = "a1"
    assert found(res, "openers.markup")
    res = resolution([para("Recalling *also*", "its resolution 78/45 of 4 December 2023")])
    assert found(res, "openers.markup")
    assert not found(resolution(), "openers.markup")


def test_subparagraphs_five_levels_deep() -> None:
    leaf = Paragraph(text="to act")
    for _ in range(5):
        leaf = Paragraph(text="in particular", subparagraphs=[leaf, Paragraph(text="to report")])
    res = resolution(operative=[para("Requests", "the Secretary-General:", [leaf, Paragraph(text="to do")])])
    got = found(res, "subparagraphs.depth")
    assert got and all(f.paragraph_id for f in got)
    shallow = resolution(
        operative=[
            para(
                "Requests", "the Secretary-General:", [Paragraph(text="to act"), Paragraph(text="to report")]
            )
        ]
    )
    assert not found(shallow, "subparagraphs.depth")


def test_no_sponsors_is_noted_except_on_an_amendment() -> None:
    assert found(resolution(sponsors=[]), "sponsors.missing")
    assert not found(resolution(), "sponsors.missing")


def test_every_rule_is_named_in_a_test() -> None:
    text = "\n".join(
        p.read_text(encoding="utf-8") for p in TESTS.glob("test_*.py") if p.name != Path(__file__).name
    )
    text += Path(__file__).read_text(encoding="utf-8").split("def test_every_rule_is_named_in_a_test")[0]
    missing = [rule for rule, _, _ in RULES if f'"{rule}"' not in text]
    assert not missing
