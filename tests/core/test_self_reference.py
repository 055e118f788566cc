"""A text names itself by its own kind: in a draft resolution "this decision" is another decision (A/C.2/80/L.11:
"the Board of each multilateral development bank is best placed to make this decision"), and is no slip for
"the present decision"; "this resolution" there still is. The kind is the issued PDF's own: its masthead says
"draft resolution" (tests/fixtures/reading/layers/A_C.2_80_L.11.pdf, read with pdfminer)."""

from __future__ import annotations

from pathlib import Path

from app.conventions.engine import check_document
from app.io.text_reader import read_text
from tests.pdf_lines import text_lines

LAYERS = Path(__file__).resolve().parents[1] / "fixtures" / "reading" / "layers"
PHRASE = "best placed to make this decision"


def _self_references(text: str) -> list[str]:
    return [
        f.message for f in check_document(read_text(text).resolution) if f.rule == "organs.self-reference"
    ]


def test_another_decision_in_a_draft_resolution_is_no_self_reference() -> None:
    printed = " ".join(line.get_text() for _, line, _ in text_lines(LAYERS / "A_C.2_80_L.11.pdf"))
    assert "draft resolution" in printed and "draft decision" not in printed
    text = (LAYERS / "A_C.2_80_L.11-pdftotext.txt").read_text(encoding="utf-8")
    assert PHRASE in " ".join(text.split())
    assert _self_references(text) == []


def test_the_draft_naming_itself_this_resolution_is_still_flagged() -> None:
    text = (LAYERS / "A_C.2_80_L.11-pdftotext.txt").read_text(encoding="utf-8")
    changed = text.replace("Decides", "Decides, for the purposes of this resolution,", 1)
    assert changed != text
    found = _self_references(changed)
    assert len(found) == 1 and "the present resolution" in found[0]
