"""An adopted resolution's PDF text, as delegates take it to roll the resolution over: the heading the PDF
wraps over lines ("Resolution adopted by the General Assembly" / "on 7 December 2023"; "[on the report of the
Special Political and Decolonization Committee" / "(Fourth Committee) (A/78/419, para. 8)]") is read as that
heading, so it ends neither the agenda item's title nor the resolution's. The answer is the UN's XML of the same
resolution (its `docTitle` and agenda item titles), read by the UN XML reader. Rollover reads the same
heading for the citation of the resolution rolled over: its symbol, adoption date and committee."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from app.io.akn_reader import read_akn
from app.io.text_reader import read_text
from app.model import Resolution
from app.rollover import adoption_info, rollover

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


SC_ADOPTED = sorted(
    (Path(__file__).resolve().parents[1] / "fixtures" / "issued_sc_adopted").glob("S_RES_*.txt")
)


def _printed_adoption_date(text: str) -> dt.date | None:
    """The date the heading prints, "of 17 June 1991" or "… meeting," / "on 23 February 1994", read by hand."""
    lines = text.splitlines()
    heading = next(
        i for i, line in enumerate(lines) if re.match(r"(?i)resolution \d+ \(\d{4}\)$", line.strip())
    )
    for line in lines[heading : heading + 5]:
        m = re.search(r"(?:^|, )(?:of|on) (\d{1,2} [A-Z][a-z]+ \d{4})\s*$", line.strip())
        if m:
            return dt.datetime.strptime(m.group(1), "%d %B %Y").date()
    return None


@pytest.mark.parametrize("path", SC_ADOPTED, ids=lambda p: p.stem)
def test_rollover_reads_a_council_resolutions_symbol_and_date_from_its_heading(path: Path) -> None:
    """The symbol the file is named for (cr-unsc names each by number and year), the date its heading prints
    (none where it prints none whole, "on January 1993"), and the Council's template."""
    number, year = re.match(r"S_RES_0*(\d+)_(\d{4})", path.stem).groups()  # type: ignore[union-attr]
    info = adoption_info(path.read_bytes(), name=path.name)
    assert info.symbol == f"S/RES/{number} ({year})"
    assert info.date == _printed_adoption_date(path.read_text(encoding="utf-8"))
    assert info.template == "sc"


def test_a_council_resolution_rolls_over_to_the_next_year_citing_itself() -> None:
    """A mandate renewed: the new draft is the next year's, and cites the resolution it renews by the number and
    year its file is named for (the draft cited the one before it, 882 (1993))."""
    path = next(p for p in SC_ADOPTED if p.stem == "S_RES_0898_1994")
    info = adoption_info(path.read_bytes(), name=path.name)
    res = read_text(path.read_text(encoding="utf-8")).resolution
    new, changes = rollover(res, adoption_date=info.date, adopted_symbol=info.symbol, template=info.template)
    assert new.header.template == "sc" and new.header.year == 1995
    assert any("resolution 898 (1994)" in p.text for p in new.preamble)
    assert any(c.kind == "citation" and c.after == "its resolution 898 (1994)" for c in changes)
