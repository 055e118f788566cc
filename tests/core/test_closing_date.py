"""A resolution adopted without a meeting (by silence procedure, as in 2020) closes on its date alone: read from
its text, that date is its adoption line, not matter left at the end of the text.

Expected from the UN's XML of A/RES/74/269 in English and French: the date its `conclusions` print, and the number
of numbered operative paragraphs of its `mainBody`.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import etree

from app.io.text_reader import read_text
from tests.core.test_text_structure import flatten

FIXTURES = Path(__file__).parent.parent / "fixtures" / "akn"


@pytest.mark.parametrize("name", ["A_RES_74_269_E.xml", "A_RES_74_269_F.xml"])
def test_a_date_alone_closes_an_adopted_text(name: str) -> None:
    xml = (FIXTURES / name).read_bytes()
    root = etree.fromstring(xml)
    date = "".join(root.find(".//{*}conclusions//{*}docDate").itertext()).strip()
    operative = len(root.findall(".//{*}mainBody/{*}paragraph/{*}num"))  # numbered: the others run on
    result = read_text(flatten(xml))
    res = result.resolution
    assert len(res.operative) == operative
    assert not res.unplaced
    assert all(date not in p.text for _, p in res.paragraphs())
    assert any(f.rule == "import.closing" and date in str(f.message) for f in result.findings)
