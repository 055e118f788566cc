"""Line breaks pasted into a one-line header field (a sponsor's name, the committee, the symbol amended): every
output prints the header line as one line, so a text export read back keeps every name. Before, the sponsor
line broke where the name did and reading the text back lost the names before the break."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.io.reading import read_data, read_document
from app.io.text_writer import to_text
from app.render import render

CORPUS = Path(__file__).resolve().parents[1] / "fixtures" / "corpus"
BREAKS = ["\n", "\r\n", "\r", "\u2028", "\u2029", "\x0b", "\x0c", "\x85", "\n\n\n"]


@pytest.mark.parametrize("brk", BREAKS, ids=repr)
def test_a_line_break_in_a_sponsor_name_prints_as_a_space_everywhere(brk: str) -> None:
    res = read_document(CORPUS / "A_80_L.6.txt").resolution
    res.header.sponsors = [f"Cuba{brk}France", "Germany"]
    res.header.committee = f"Third{brk}Committee"
    rendered = render(res)
    assert rendered.sponsor_line.startswith("Cuba France and Germany")
    for text in [rendered.sponsor_line, *(a.text for a in rendered.agenda)]:
        assert not any(ch in text for ch in "\n\r\x0b\x0c\x85\u2028\u2029"), repr(text)
    back = read_data(to_text(res).encode("utf-8"), "draft.txt").resolution
    assert "Cuba" in " ".join(back.header.sponsors) and "Germany" in back.header.sponsors
    assert [p.opener for p in back.preamble] == [p.opener for p in res.preamble]
