"""Openers and repetition markers, on realistic UN paragraphs."""

from __future__ import annotations

from conventions_support import found, para, resolution, rules

from app.conventions.engine import build_context, check_paragraph
from app.findings import Severity


def test_correct_openers_pass() -> None:
    res = resolution(
        [
            para("Deeply concerned", "by the limited progress"),
            para("Bearing in mind", "that the Treaty"),
            para("Having considered", "the report of the Secretary-General"),
        ],
        [
            para("Takes note with appreciation of", "the report"),
            para("Also requests", "the Secretary-General"),
            para("Strongly condemns", "any advocacy of hatred"),
        ],
    )
    assert not rules(res) & {
        "openers.preambular-form",
        "openers.operative-form",
        "openers.capitalization",
        "openers.wrong-part",
        "openers.span",
        "openers.not-marked",
    }


def test_capitalization_of_the_opener() -> None:
    res = resolution([para("Deeply Concerned", "by the limited progress")])
    [f] = found(res, "openers.capitalization")
    assert f.severity is Severity.WARNING and f.field == "opener"
    assert f.fix and f.fix.replacement == "Deeply concerned"
    res = resolution([para("recalling", "its resolution 78/45 of 4 December 2023")])
    assert found(res, "openers.capitalization")[0].fix.replacement == "Recalling"
    # names inside a fixed opener keep their capitals
    res = resolution(
        [para("Acting under Chapter VII of the Charter of the United Nations", "")], template="sc"
    )
    assert not found(res, "openers.capitalization")


def test_operative_verb_in_the_preamble() -> None:
    res = resolution([para("Recalls", "its resolution 78/45 of 4 December 2023")])
    [f] = found(res, "openers.wrong-part")
    assert f.fix and f.fix.replacement == "Recalling"


def test_participle_in_the_operative_part() -> None:
    res = resolution(operative=[para("Requesting", "the Secretary-General to report"), para("Decides", "x")])
    [f] = found(res, "openers.wrong-part")
    assert f.fix and f.fix.replacement == "Requests"


def test_preambular_opener_that_is_not_a_participle_or_adjective() -> None:
    res = resolution([para("The Assembly", "is concerned by")])
    [f] = found(res, "openers.preambular-form")
    assert f.severity is Severity.WARNING
    # a participle outside the lexicon is accepted
    assert not found(
        resolution([para("Commemorating", "the eightieth anniversary")]), "openers.preambular-form"
    )


def test_operative_opener_that_is_not_a_present_tense_verb() -> None:
    res = resolution(operative=[para("Requested", "the Secretary-General"), para("Decides", "to")])
    assert found(res, "openers.operative-form")
    assert not found(
        resolution(operative=[para("Reappoints", "the members"), para("Decides", "x")]),
        "openers.operative-form",
    )


def test_opener_running_into_the_object() -> None:
    res = resolution(operative=[para("Requests the Secretary-General", "to report"), para("Decides", "x")])
    [f] = found(res, "openers.span")
    assert f.span == (len("Requests"), len("Requests the Secretary-General"))


def test_opener_whose_italics_stop_early() -> None:
    # S/2019/179 as issued: "*Gravely* concerned that the illicit trade …" (the PDF's italics end after "Gravely")
    res = resolution([para("Gravely", "concerned that the illicit trade, destabilizing accumulation")])
    assert not found(res, "openers.preambular-form")
    [f] = found(res, "openers.span")
    assert "'Gravely concerned'" in f.message and f.severity is Severity.WARNING
    # a word that starts no known opener is still no opener
    assert found(resolution([para("The Assembly", "concerned that")]), "openers.preambular-form")


def test_opener_typed_as_text() -> None:
    res = resolution([para("", "Recalling its resolution 78/45 of 4 December 2023")])
    [f] = found(res, "openers.not-marked")
    assert f.span == (0, len("Recalling"))
    res = resolution([para("", "The situation remains grave")])
    assert found(res, "openers.preambular-form")
    # a verb of an opener's form that the lexicon lacks is an opener typed as text too (A/C.2/80/L.23)
    res = resolution(
        operative=[para("", "Recommits to preventing and countering corruption"), para("Decides", "x")]
    )
    [f] = found(res, "openers.not-marked")
    assert f.span == (0, len("Recommits")) and not found(res, "openers.operative-form")


def test_repeated_opener_needs_a_marker() -> None:
    res = resolution(
        [
            para("Recalling", "its resolution 78/45 of 4 December 2023"),
            para("Recalling", "its resolution 77/12 of 7 December 2022"),
            para("Recalling", "its resolution 76/1 of 1 October 2021"),
        ],
        [
            para("Requests", "the Secretary-General to report"),
            para("Requests", "the Secretary-General to submit"),
        ],
    )
    fixes = [f.fix.replacement for f in found(res, "repetition.marker") if f.fix]
    assert fixes == ["Recalling also", "Recalling further", "Also requests"]


def test_marked_and_separated_repetitions_pass() -> None:
    # A/RES/80/70: "Recalling ... Recalling, Recalling also ... Recalling further"; "Urges, Also urges"
    res = resolution(
        [
            para("Recalling", "a"),
            para("Mindful", "b"),
            para("Recalling", "c"),
            para("Recalling also", "d"),
            para("Recalling further", "e"),
            para("Recalling", "f"),
        ],
        [para("Urges", "all States"), para("Also urges", "all States"), para("Decides", "to")],
    )
    assert not found(res, "repetition.marker")


def test_repetition_marker_follows_the_sc_template() -> None:
    res = resolution(operative=[para("Decides", "a"), para("Decides", "b")], template="sc", title="")
    [f] = found(res, "repetition.marker")
    assert f.fix and f.fix.replacement == "Also decides"


def test_incremental_check_sees_the_previous_paragraph() -> None:
    res = resolution([para("Recalling", "a"), para("Noting", "b")])
    old = build_context(res)
    second = res.preamble[1]
    second.opener = "Recalling"
    new = build_context(res)
    assert second.id in new.changed_since(old)
    got = check_paragraph(res, second.id, context=new, style=False)
    assert [f.rule for f in got] == ["repetition.marker"]
    assert check_paragraph(res, res.preamble[0].id, context=new, style=False) == []
    assert check_paragraph(res, "no-such-id", style=False) == []


def _issued_text(name: str):  # type: ignore[no-untyped-def]
    from pathlib import Path

    from app.io.text_reader import read_text

    path = Path(__file__).resolve().parents[1] / "fixtures" / "issued" / name
    return read_text(path.read_text(encoding="utf-8")).resolution


def _form_findings(res) -> list[str]:  # type: ignore[no-untyped-def]
    from app.conventions.engine import check_document

    return [f.rule for f in check_document(res, style=False) if f.rule.startswith("openers.")]


def test_clauses_completing_resolves_that_take_no_opener() -> None:
    """A/C.5/80/L.8 (tests/fixtures/issued): "The General Assembly / Resolves that: / 1. The Working Capital Fund
    shall be established …": the numbered paragraphs complete the chapeau's sentence."""
    res = _issued_text("A_C.5_80_L.8_head.txt")
    # the chapeau leads the operative part, unnumbered, over its two numbered clauses
    chapeau = res.operative[0]
    assert not chapeau.numbered and [p.numbered for p in res.operative[1:]] == [True, True]
    assert _form_findings(res) == []
    # sharp: without the chapeau the same paragraphs have no opener
    chapeau.text, chapeau.opener = "its resolution 79/261,", "Recalling"
    assert _form_findings(res).count("openers.operative-form") == 2
    # and "Resolves that the Fund …," with no colon introduces nothing
    chapeau.text, chapeau.opener = "that the Fund shall be established,", "Resolves"
    assert _form_findings(res).count("openers.operative-form") == 2


def test_an_amendments_instructions_are_no_paragraphs_without_openers() -> None:
    """A/C.3/80/L.64: "In operative paragraphs 27 and 43, delete …" is an instruction whose wording the reader
    does not take apart; it is no operative paragraph lacking an opener."""
    from app.model import DocumentKind

    res = _issued_text("A_C.3_80_L.64_head.txt")
    assert res.header.kind is DocumentKind.AMENDMENT
    assert "openers.operative-form" not in _form_findings(res)
    # sharp: the same sentence in a draft resolution is a paragraph without an opener
    draft = resolution([], [para("", "In operative paragraphs 27 and 43, delete “sexual and reproductive”.")])
    assert "openers.operative-form" in rules(draft)


def test_an_adverb_before_a_participle_or_adjective_outside_the_lexicon_is_an_opener() -> None:
    """A/C.1/80/L.55 and A/C.4/80/L.5 (tests/fixtures/issued/openers.txt): "Deeply disappointed",
    "Solemnly proclaiming": the adverb, then a word of the preamble's form."""
    from conventions_support import issued_resolution

    res = issued_resolution("openers.txt")
    assert [p.opener for p in res.preamble] == ["Deeply disappointed", "Solemnly proclaiming"]
    assert not [r for r in rules(res) if r.startswith("openers.")]
    # sharp: an adverb before a word of no opener's form is no opener
    bad = resolution([para("", "Deeply the report of the Secretary-General,")])
    assert "openers.preambular-form" in rules(bad)
