"""The engine as a whole: silent on issued UN texts, loud on broken ones, incremental, style hook."""

from __future__ import annotations

import types
from pathlib import Path

import pytest
from conventions_support import para, resolution

from app.conventions import engine
from app.conventions.engine import build_context, check_document, check_paragraph
from app.findings import Finding, Severity
from app.io.reading import read_document
from app.model import Resolution


def _read(path: Path) -> Resolution:
    return read_document(path).resolution


ISSUED = [
    "originals/A_RES_80_70-2520898E.xml",
    "originals/A_RES_80_4-2517552E.xml",
    "originals/A_RES_79_174-2424215E.xml",
    "A_C.1_80_L.43.txt",
    "A_C.3_80_L.20.txt",
    "A_C.6_80_L.21.txt",
    "A_80_L.6.txt",
    "S_2024_302.txt",
]


@pytest.mark.parametrize("name", ISSUED)
def test_issued_un_texts_have_no_errors_and_few_warnings(corpus: Path, name: str) -> None:
    res = _read(corpus / name)
    findings = check_document(res, style=False)
    errors = [f for f in findings if f.severity is Severity.ERROR]
    warnings = [f for f in findings if f.severity is Severity.WARNING]
    paragraphs = len(res.preamble) + len(res.operative)
    assert paragraphs > 5
    assert errors == []
    assert len(warnings) <= max(2, paragraphs // 15), [(f.rule, f.message) for f in warnings]


def test_a_broken_issued_text_is_flagged(corpus: Path) -> None:
    res = _read(corpus / "originals/A_RES_80_70-2520898E.xml")
    openers = [p.opener for p in res.preamble]
    i = openers.index("Recalling also")
    res.preamble[i].opener = "Recalling"  # drop the marker
    res.operative[0].opener = res.operative[0].opener.upper()
    res.operative[1].text = "this resolution and the UN " + res.operative[1].text
    rules = {f.rule for f in check_document(res, style=False)}
    assert {
        "repetition.marker",
        "openers.capitalization",
        "organs.self-reference",
        "organs.abbreviation",
    } <= rules


def test_changed_since_names_the_paragraphs_to_recheck() -> None:
    res = resolution(
        [para("Recalling", "its resolution 78/45"), para("Noting", "b")],
        [para("Requests", "a report on resolution 78/45"), para("Decides", "to")],
    )
    old = build_context(res)
    assert build_context(res).changed_since(old) == set()
    res.preamble[0].text = "its work"  # the first mention of 78/45 moves to the operative part
    new = build_context(res)
    assert new.changed_since(old) == {res.preamble[0].id, res.operative[0].id}
    got = check_paragraph(res, res.operative[0].id, context=new, style=False)
    assert [f.rule for f in got] == ["citations.first-mention-date"]
    assert build_context(res).changed_since(None) >= {p.id for p in res.preamble}


def test_check_paragraph_matches_check_document() -> None:
    res = resolution(
        [para("Deeply Concerned", "by December 4, 2023 events"), para("Recalling", "x")],
        [para("Requests", "the SG", [para("", "to act"), para("", "(b) To report")]), para("Decides", "y")],
    )
    whole = check_document(res, style=False)
    ctx = build_context(res)
    pieces = []
    for _, node in res.paragraphs():
        pieces += check_paragraph(res, node.id, context=ctx, style=False)
    paragraph_level = [f for f in whole if f.paragraph_id and f.field in ("opener", "text", "tail")]
    assert sorted(map(repr, pieces)) == sorted(map(repr, paragraph_level))


def test_style_hook_is_called_and_deduplicated(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[str] = []

    def paragraph_findings(paragraph, *, part, template, settings=None, language=""):  # noqa: ANN001, ANN202
        calls.append(paragraph.id)
        text = paragraph.text
        at = text.find("December 4, 2023")
        if at < 0:
            return []
        span = (at, at + len("December 4, 2023"))
        from app.findings import Fix

        return [
            Finding(
                "UN.Dates",
                Severity.WARNING,
                "date",
                paragraph.id,
                "text",
                span,
                Fix("x", "text", span, "4 December 2023"),
            )
        ]

    def document_findings(res, *, template, settings=None):  # noqa: ANN001, ANN202
        return [Finding("style.title", Severity.INFO, "title note", "", "title")]

    fake = types.ModuleType("app.spelling")
    fake.paragraph_findings = paragraph_findings  # type: ignore[attr-defined]
    fake.document_findings = document_findings  # type: ignore[attr-defined]
    monkeypatch.setattr(engine, "spelling", fake)
    res = resolution([para("Noting", "the events of December 4, 2023")])
    got = check_document(res)
    assert res.preamble[0].id in calls
    assert "style.title" in {f.rule for f in got}
    dates = [
        f
        for f in got
        if f.paragraph_id == res.preamble[0].id and f.fix and f.fix.replacement.startswith("4 ")
    ]
    assert [f.rule for f in dates] == ["dates.format"]  # the style duplicate is dropped


def test_a_failing_style_module_does_not_stop_the_check(monkeypatch: pytest.MonkeyPatch) -> None:
    fake = types.ModuleType("app.spelling")

    def broken(*args, **kwargs):  # noqa: ANN002, ANN003, ANN202
        raise RuntimeError("dictionary missing")

    fake.paragraph_findings = broken  # type: ignore[attr-defined]
    fake.document_findings = broken  # type: ignore[attr-defined]
    monkeypatch.setattr(engine, "spelling", fake)
    got = check_document(resolution())
    assert "style.failed" in {f.rule for f in got}


def test_severity_override(monkeypatch: pytest.MonkeyPatch) -> None:
    from app.conventions import base

    monkeypatch.setattr(base, "settings", lambda: base.Settings(severity=(("organs.abbreviation", "off"),)))
    res = resolution(operative=[para("Requests", "the SG to report"), para("Decides", "to")])
    assert "organs.abbreviation" not in {f.rule for f in check_document(res, style=False)}


def test_every_reported_rule_is_catalogued() -> None:
    import re

    source = "\n".join(p.read_text() for p in Path(engine.__file__).parent.glob("*.py"))
    reported = set(
        re.findall(
            r'"((?:structure|punctuation|openers|repetition|subparagraphs|citations|dates|organs|'
            r'sponsors|title|header|amendment)\.[a-z-]+)"',
            source,
        )
    )
    catalogued = {rule for rule, _, _ in engine.RULES}
    assert reported == catalogued


def test_parts_and_annexes_are_checked() -> None:
    """Part B is checked like part A; an annex gets the rules of any UN text but no opener rules."""
    from app.model import Annex, Paragraph, ResolutionPart

    res = resolution()
    res.later_parts.append(
        ResolutionPart(
            "Part two",
            [para("Recalling", "its resolution 78/45")],
            [para("REQUESTS", "a report on resolution 77/3")],
        )
    )
    res.annexes.append(
        Annex(
            "Terms of reference",
            [
                Paragraph(text="The Group shall meet on December 4, 2026."),
                Paragraph(text="The UN shall host it."),
            ],
        )
    )
    got = check_document(res, style=False)
    b_op = res.later_parts[0].operative[0].id
    assert {f.rule for f in got if f.paragraph_id == b_op} >= {"openers.capitalization"}
    annex_ids = {p.id for p in res.annexes[0].paragraphs}
    annex_rules = {f.rule for f in got if f.paragraph_id in annex_ids}
    assert "dates.format" in annex_rules and "organs.abbreviation" in annex_rules
    assert not any(r.startswith("openers.") for r in annex_rules)
    first = res.annexes[0].paragraphs[0].id
    assert {f.rule for f in check_paragraph(res, first, style=False)} == {"dates.format"}
