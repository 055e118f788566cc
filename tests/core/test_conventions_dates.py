"""Dates "D Month YYYY" and session ordinals in words."""

from __future__ import annotations

from pathlib import Path

import pytest
from conventions_support import found, resolution

from app.conventions.dates import field_findings
from app.findings import Severity


@pytest.mark.parametrize(
    ("text", "good"),
    [
        ("adopted on December 4, 2023", "4 December 2023"),
        ("adopted on 4th December 2023", "4 December 2023"),
        ("adopted on the 10th of December 1948", "10 December 1948"),
        ("adopted on 4 December, 2023", "4 December 2023"),
        ("adopted on 4 Dec. 2023", "4 December 2023"),
        ("adopted on 04 December 2023", "4 December 2023"),
        ("adopted on 2023-12-04", "4 December 2023"),
        ("adopted on 24/12/2023", "24 December 2023"),
    ],
)
def test_date_forms_flagged_with_fix(text: str, good: str) -> None:
    [f] = [f for f in field_findings(text, field="text") if f.rule == "dates.format"]
    assert f.fix and f.fix.replacement == good
    assert text[f.span[0] : f.span[1]] != good


def test_ambiguous_numeric_date_has_no_fix() -> None:
    [f] = field_findings("on 04/12/2023", field="text")
    assert f.rule == "dates.format" and f.fix is None


@pytest.mark.parametrize(
    "text",
    [
        "its resolution 78/45 of 4 December 2023",
        "from 1 January to 31 December 2016",
        "in May 2024, 12 States",
        "document A/78/12/Add.1 and resolution 1325 (2000)",
        "at its 82nd plenary meeting",
    ],
)
def test_correct_dates_pass(text: str) -> None:
    assert field_findings(text, field="text") == []


def test_session_ordinals() -> None:
    [f] = field_findings("to include in the provisional agenda of its 81st session", field="text")
    assert f.rule == "dates.session-ordinal" and f.fix.replacement == "eighty-first"
    [f] = field_findings("at its seventy ninth session", field="text")
    assert f.fix.replacement == "seventy-ninth"
    assert field_findings("at its seventy-ninth session", field="text") == []


def test_dates_in_title_and_footnotes_are_checked() -> None:
    res = resolution(title="Follow-up to the summit of September 22, 2024")
    assert found(res, "dates.format")[0].field == "title"
    note = res.add_footnote("Adopted on December 4, 2023.")
    res.preamble[0].text += f"[^{note.id}]"
    assert any(f.field == "footnote" and f.paragraph_id == note.id for f in found(res, "dates.format"))


def test_a_hundredth_or_later_session_in_figures_is_a_suggestion() -> None:
    # tests/fixtures/issued/sessions.txt (A/RES/75/158): "the International Labour Conference … at its 103rd
    # session"; the words are still offered, and a session under the hundredth in figures stays a warning
    path = Path(__file__).resolve().parents[1] / "fixtures" / "issued" / "sessions.txt"
    [text] = [ln for ln in path.read_text(encoding="utf-8").splitlines() if ln and not ln.startswith("#")]
    [f] = field_findings(text, field="text")
    assert f.severity is Severity.INFO and f.fix and f.fix.replacement == "one hundred and third"
    [f] = field_findings("at its 81st session", field="text")
    assert f.severity is Severity.WARNING
