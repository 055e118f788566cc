"""Organ-specific verbs, self-reference and names never abbreviated."""

from __future__ import annotations

from conventions_support import found, para, resolution

from app.findings import Severity
from app.model import DocumentKind


def test_security_council_verbs_in_a_ga_text() -> None:
    res = resolution(
        operative=[
            para("Acting under Chapter VII", "of the Charter, decides"),
            para("Authorizes Member States", "to take all necessary measures"),
        ]
    )
    got = found(res, "organs.out-of-place")
    assert len(got) == 2 and got[0].severity is Severity.WARNING
    sc = resolution(
        operative=[para("Authorizes Member States", "to act"), para("Decides", "to remain seized")],
        template="sc",
        title="",
    )
    assert not found(sc, "organs.out-of-place")


def test_verbs_the_assembly_itself_uses_are_not_out_of_place() -> None:
    """Adopted GA resolutions open paragraphs with "Demands" (30 of sessions 75-79) and end with "Decides to
    remain seized of the matter" (17): neither is Security Council language only."""
    res = resolution(
        operative=[
            para("Demands", "that all parties cease fire"),
            para("Decides", "to remain seized of the matter"),
        ]
    )
    assert not found(res, "organs.out-of-place")


def test_self_reference() -> None:
    res = resolution(
        operative=[
            para("Requests", "the Secretary-General to implement this resolution"),
            para("Decides", "to consider this decision"),
        ]
    )
    got = found(res, "organs.self-reference")
    # a draft resolution names itself "the present resolution"; "this decision" is another decision there
    assert [f.fix.replacement for f in got] == ["the present resolution"]
    res.header.kind = DocumentKind.DRAFT_DECISION
    got = found(res, "organs.self-reference")
    assert [f.fix.replacement for f in got] == ["the present decision"]
    sc = resolution(
        operative=[para("Requests", "a report on the present resolution"), para("Decides", "to")],
        template="sc",
        title="",
    )
    assert found(sc, "organs.self-reference")[0].fix.replacement == "this resolution"
    ok = resolution(operative=[para("Requests", "a report on the implementation of the present resolution")])
    assert not found(ok, "organs.self-reference")


def test_abbreviations_are_errors() -> None:
    res = resolution(
        operative=[
            para("Requests", "the SG to brief the UN membership and ECOSOC"),
            para("Decides", "to invite UN-Women and the UNDP"),
        ]
    )
    got = found(res, "organs.abbreviation")
    assert [f.fix.replacement for f in got] == [
        "Secretary-General",
        "United Nations",
        "Economic and Social Council",
    ]
    assert all(f.severity is Severity.ERROR for f in got)
    assert found(resolution(title="Support to UN peacekeeping"), "organs.abbreviation")[0].field == "title"
