"""An adopted resolution's PDF text, as delegates take it to roll the resolution over: the heading the PDF
wraps over lines ("Resolution adopted by the General Assembly" / "on 7 December 2023"; "[on the report of the
Special Political and Decolonization Committee" / "(Fourth Committee) (A/78/419, para. 8)]") is read as that
heading, so it ends neither the agenda item's title nor the resolution's. The answer is the UN's XML of the same
resolution (its `docTitle` and agenda item titles), read by the UN XML reader. Rollover reads the same
heading for the citation of the resolution rolled over: its symbol, adoption date and committee."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.io.akn_reader import read_akn
from app.io.text_reader import read_text
from app.model import Resolution
from app.rollover import adoption_info

READING = Path(__file__).resolve().parents[1] / "fixtures" / "reading"
XML = {p.name.split("-")[0]: p for p in (READING / "unxml").glob("*.xml")}
# each resolution's MuPDF text layer, and the pdftotext and PDFium layers kept for two of them
LAYERS = [READING / f"{stem}.txt" for stem in sorted(XML)] + sorted(
    p for p in (READING / "layers").glob("A_RES_*.txt") if p.name.split("-")[0] in XML
)


def _heading(res: Resolution) -> tuple[str, list[tuple[str, str]]]:
    items = [(item.number, " ".join(item.title.split())) for item in res.header.agenda_items]
    return " ".join(res.title.split()), items


@pytest.mark.parametrize("layer", LAYERS, ids=lambda p: p.stem)
def test_the_title_and_agenda_titles_are_the_un_xmls(layer: Path) -> None:
    expected = _heading(read_akn(XML[layer.stem.split("-")[0]].read_bytes()).resolution)
    assert expected[0] and all(title for _, title in expected[1])  # the XML records both
    read = read_text(layer.read_bytes().decode("utf-8")).resolution
    assert _heading(read) == expected


@pytest.mark.parametrize("layer", LAYERS, ids=lambda p: p.stem)
def test_rollover_reads_the_symbol_date_and_committee_the_un_xml_records(layer: Path) -> None:
    expected = adoption_info(XML[layer.stem.split("-")[0]].read_bytes())
    assert expected.symbol and expected.date and expected.template
    assert adoption_info(layer.read_bytes()) == expected
