"""Structure, typed numbers and labels, terminal punctuation, subparagraphs."""

from __future__ import annotations

from conventions_support import found, para, resolution

from app.findings import Severity
from app.model import DocumentKind


def test_typed_operative_number() -> None:
    res = resolution(
        operative=[para("", "1. Requests the Secretary-General to report"), para("Decides", "to")]
    )
    [f] = found(res, "structure.operative-numbering")
    assert f.severity is Severity.ERROR and f.span == (0, 3) and f.fix.replacement == ""


def test_working_labels() -> None:
    res = resolution([para("", "PP3 Recalling its resolution 78/45 of 4 December 2023")])
    [f] = found(res, "structure.working-label")
    assert f.severity is Severity.ERROR and f.span == (0, 4)
    res = resolution(operative=[para("OP5: Requests", "the Secretary-General"), para("Decides", "to")])
    assert found(res, "structure.working-label")[0].field == "opener"


def test_numbers_inside_text_pass() -> None:
    res = resolution(
        operative=[para("Decides", "that 2030 Agenda targets 1. and 2. apply"), para("Notes", "x")]
    )
    assert not found(res, "structure.operative-numbering")


def test_typed_terminal_punctuation_is_information() -> None:
    res = resolution(operative=[para("Requests", "the Secretary-General to report;"), para("Decides", "to")])
    [f] = found(res, "punctuation.typed-terminal")
    assert f.severity is Severity.INFO and f.fix.replacement == ""
    assert f.span == (len("the Secretary-General to report"), len("the Secretary-General to report;"))
    res = resolution(operative=[para("Decides", "to act, inter alia, etc."), para("Notes", "the report")])
    assert not found(res, "punctuation.typed-terminal")


def test_empty_paragraph_and_missing_operative_part() -> None:
    res = resolution([para()], operative=[])
    assert found(res, "structure.empty-paragraph")
    assert found(res, "structure.operative-missing")[0].severity is Severity.ERROR
    res.header.kind = DocumentKind.AMENDMENT
    assert not found(res, "structure.operative-missing")


def test_subparagraph_labels_are_derived() -> None:
    subs = [para("", "(a) To continue its work"), para("", "(b) To report")]
    res = resolution(operative=[para("Requests", "the Secretary-General:", subs), para("Decides", "to")])
    got = found(res, "subparagraphs.typed-label")
    assert len(got) == 2 and got[0].severity is Severity.ERROR and got[0].span == (0, 4)


def test_subparagraph_starts_with_a_capital() -> None:
    subs = [para("", "to continue its work"), para("", "To report")]
    res = resolution(operative=[para("Requests", "the Secretary-General", subs), para("Decides", "to")])
    [f] = found(res, "subparagraphs.capital")
    assert f.severity is Severity.ERROR and f.paragraph_id == subs[0].id and f.fix.replacement == "T"


def test_and_before_the_last_subparagraph_depends_on_the_organ() -> None:
    def build(template: str):
        subs = [para("", "To continue its work; and"), para("", "To report")]
        return resolution(
            operative=[para("Requests", "the Secretary-General", subs), para("Decides", "to")],
            template=template,
            title="" if template == "sc" else "Title",
        )

    [f] = found(build("ga-c3"), "subparagraphs.and")
    assert f.severity is Severity.WARNING and f.fix.replacement == ""
    assert not found(build("sc"), "subparagraphs.and")


def test_single_subparagraph() -> None:
    res = resolution(operative=[para("Requests", "x", [para("", "To report")]), para("Decides", "y")])
    assert found(res, "subparagraphs.single")


def test_brackets_are_noted() -> None:
    res = resolution(operative=[para("Decides", "to \\[convene] a conference"), para("Notes", "the report")])
    [f] = found(res, "structure.brackets")
    assert f.severity is Severity.INFO
    assert f.span == (3, 13)  # markup offsets of "\[convene]": the escape takes two characters
