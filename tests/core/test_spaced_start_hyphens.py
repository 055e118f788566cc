"""pdftotext may set a space after the hyphen of a compound that opens a printed line ("neo- Nazism",
"non- discrimination": A/RES/78/190, development half). The text reader closes it up as the UN's XML of the same
resolution prints the word, and leaves a hanging hyphen before a conjunction as it is ("information- and
data-sharing", A/80/L.18). Sources in tests/fixtures/reading/README.md."""

from __future__ import annotations

import re
from pathlib import Path

from app import inline
from app.io.akn_reader import read_akn
from app.io.text_reader import read_text
from app.model import Resolution

READING = Path(__file__).resolve().parents[1] / "fixtures" / "reading"
_SPACED = re.compile(r"^([A-Za-z]+)- ([A-Za-z]+)", re.M)


def _plain(res: Resolution) -> str:
    return " ".join(inline.plain(p.text) for p in res.preamble + res.operative).replace("\u2011", "-")


def test_compounds_at_a_line_start_read_as_the_xml_prints_them() -> None:
    layer = (READING / "layers" / "A_RES_78_190-pdftotext.txt").read_text(encoding="utf-8")
    issued = _plain(read_akn((READING / "layers" / "A_RES_78_190-2326049E.xml").read_bytes()).resolution)
    read = _plain(read_text(layer).resolution)
    spaced = _SPACED.findall(layer)
    assert spaced  # the layer still holds the case
    for left, right in spaced:
        assert f"{left}-{right}" in issued  # the XML prints the compound whole
        assert f"{left}-{right}" in read and f"{left}- {right}" not in read


def test_a_hanging_hyphen_before_a_conjunction_stays() -> None:
    layer = (READING / "pdftotext" / "A_80_L.18.txt").read_text(encoding="utf-8")
    assert "\ninformation- and data-sharing" in layer
    assert "information- and data-sharing" in _plain(read_text(layer).resolution)
