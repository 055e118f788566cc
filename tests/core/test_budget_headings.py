"""A budget resolution's units stack their labels and titles over the paragraph they head ("Part XII" / "Safety
and security" / "Section 34" / "Safety and security" / "97. Approves …"), after a blank line or right under the
paragraph before; a unit's title may break at a colon ("Section 11" / "… Agenda 2063:" / "The Africa We Want").
Read from the text pdftotext gives of A/RES/80/242 (development half), each heading is the one the UN's XML of
the same resolution records, line for line. Sources in tests/fixtures/reading/README.md."""

from __future__ import annotations

from pathlib import Path

from app.io.akn_reader import read_akn
from app.io.structure import heading_lines
from app.io.text_reader import read_text
from app.model import Resolution

LAYERS = Path(__file__).resolve().parents[1] / "fixtures" / "reading" / "layers"


def _headings(res: Resolution) -> list[str]:
    return [p.heading for _, items in res.lists() for p in items if p.heading]


def test_stacked_unit_headings_read_as_the_xml_records_them() -> None:
    issued = _headings(read_akn((LAYERS / "A_RES_80_242-2521246E.xml").read_bytes()).resolution)
    layer = (LAYERS / "A_RES_80_242-pdftotext.txt").read_text(encoding="utf-8")
    assert any(h.startswith("Part ") and h.count("\n") == 3 for h in issued)  # stacks of four lines are there
    assert _headings(read_text(layer).resolution) == issued


def test_a_heading_read_as_one_line_splits_at_each_unit_label() -> None:
    assert heading_lines("Part XIV Staff assessment Income section 2 General income") == [
        "Part XIV",
        "Staff assessment",
        "Income section 2",
        "General income",
    ]
    assert heading_lines("Participation in Section 3 meetings") == ["Participation in Section 3 meetings"]
    assert heading_lines("II. Financing") == ["II", "Financing"]
