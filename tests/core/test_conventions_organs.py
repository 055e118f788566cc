"""Organ-specific verbs, self-reference and names never abbreviated."""

from __future__ import annotations

from conventions_support import found, para, resolution

from app.findings import Severity


def test_security_council_verbs_in_a_ga_text() -> None:
    res = resolution(operative=[para("Demands", "that all parties cease fire"), para("Decides", "to remain seized "
                                                                                  "of the matter")])  # fmt: skip
    got = found(res, "organs.out-of-place")
    assert len(got) == 2 and got[0].severity is Severity.WARNING
    res = resolution(operative=[para("Also demands", "that"), para("Decides", "to include the item")])
    assert len(found(res, "organs.out-of-place")) == 1
    sc = resolution(operative=[para("Demands", "that"), para("Decides", "to remain seized of the matter")],
                    template="sc", title="")  # fmt: skip
    assert not found(sc, "organs.out-of-place")


def test_self_reference() -> None:
    res = resolution(operative=[para("Requests", "the Secretary-General to implement this resolution"),
                                para("Decides", "to consider this decision")])  # fmt: skip
    got = found(res, "organs.self-reference")
    assert [f.fix.replacement for f in got] == ["the present resolution", "the present decision"]
    sc = resolution(operative=[para("Requests", "a report on the present resolution"), para("Decides", "to")],
                    template="sc", title="")  # fmt: skip
    assert found(sc, "organs.self-reference")[0].fix.replacement == "this resolution"
    ok = resolution(operative=[para("Requests", "a report on the implementation of the present resolution")])
    assert not found(ok, "organs.self-reference")


def test_abbreviations_are_errors() -> None:
    res = resolution(operative=[para("Requests", "the SG to brief the UN membership and ECOSOC"),
                                para("Decides", "to invite UN-Women and the UNDP")])  # fmt: skip
    got = found(res, "organs.abbreviation")
    assert [f.fix.replacement for f in got] == [
        "Secretary-General",
        "United Nations",
        "Economic and Social Council",
    ]
    assert all(f.severity is Severity.ERROR for f in got)
    assert found(resolution(title="Support to UN peacekeeping"), "organs.abbreviation")[0].field == "title"
