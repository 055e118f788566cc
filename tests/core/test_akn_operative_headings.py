"""Headings inside the operative part of omnibus resolutions, read from the UN's XML: the operative numbers come
out as issued and the headings stand before the paragraph they head. The answer key is the files' own markup:
`<num>` of each numbered paragraph, and the paragraphs that hold only a `<subheading>`."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from lxml import etree

from app import inline
from app.io.akn_reader import read_akn

HERE = Path(__file__).resolve().parent.parent / "fixtures" / "akn_headings"
FILES = sorted(HERE.glob("*.xml"))


def _local(el: etree._Element) -> str:
    return etree.QName(el).localname if isinstance(el.tag, str) else ""


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def _markup(path: Path) -> tuple[list[str], list[str], dict[int, str]]:
    """Numbers as issued, the heading before each numbered paragraph, and wrap-ups (unnumbered paragraphs in
    lower case) by the number of the paragraph they close."""
    body = next(e for e in etree.parse(str(path)).iter() if _local(e) == "mainBody")
    numbers: list[str] = []
    headings: list[str] = []
    wraps: dict[int, str] = {}
    pending: list[str] = []
    for para in body:
        kids = [k for k in para if _local(k)]
        names = [_local(k) for k in kids]
        if kids and set(names) <= {"heading", "subheading"}:
            pending += [_norm("".join(k.itertext())) for k in kids]
        elif "num" in names:
            numbers.append(_norm("".join(kids[names.index("num")].itertext())).rstrip("."))
            headings.append(" ".join(pending))
            pending = []
        elif _norm("".join(para.itertext()))[:1].islower():
            wraps[len(numbers)] = _norm("".join(para.itertext()))
    return numbers, headings, wraps


@pytest.mark.parametrize("path", FILES, ids=[p.stem for p in FILES])
def test_operative_numbers_and_headings_as_issued(path: Path) -> None:
    numbers, headings, wraps = _markup(path)
    assert any(headings), "the fixture has headings in its operative part"
    res = read_akn(path.read_bytes(), name=path.name).resolution
    assert [str(i) for i in range(1, len(res.operative) + 1)] == numbers
    assert [_norm(p.heading) for p in res.operative] == headings
    for number, text in wraps.items():
        assert _norm(inline.plain(res.operative[number - 1].tail)).endswith(
            text.rstrip(";,.")[-40:]
        )  # render adds the end
