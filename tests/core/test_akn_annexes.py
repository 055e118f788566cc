"""Annexes of every UN XML fixture with attachments, read through the shared AnnexBuilder: each annex's label,
title and paragraph counts as the XML's own markup gives them (xpath here, never typed)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from lxml import etree
from test_akn_structure import _is_heading, _norm, _x

from app import inline
from app.io.akn_reader import read_akn
from app.io.akn_writer import to_akn
from app.model import Annex, Paragraph
from app.render import annex_units, render

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
# the frozen held-out sample (tests/fixtures/heldout) stays out: no rule is built or checked on it here
WITH_ATTACHMENTS = sorted(
    p for p in FIXTURES.rglob("*.xml") if "heldout" not in p.parts and b"<attachment" in p.read_bytes()
)
_LABEL = re.compile(r"Annex(?: [IVXLC]+)?")
_SUB = re.compile(r"\(?(?:[a-z]{1,4}|[ivxlc]{1,6})\)")
_TYPED = re.compile(r"\((?:[a-z]{1,4}|[ivxlc]{1,6})\)\s")


def _text(p: etree._Element) -> str:
    return _norm("".join(p.itertext()))


def _runs(tree: etree._Element) -> list[tuple[str, list[etree._Element]]]:
    """Each annex as the attachments mark it: its label line ("Annex II"; "" for an attachment without one) and
    the paragraphs after it, the first being its title."""
    runs: list[tuple[str, list[etree._Element]]] = []
    for attachment in _x(tree, "//a:attachment"):
        fresh = True
        for p in _x(attachment, ".//a:mainBody/a:paragraph"):
            if _LABEL.fullmatch(_text(p)):
                runs.append((_text(p), []))
            elif fresh:
                runs.append(("", [p]))
            else:
                runs[-1][1].append(p)
            fresh = False
    return runs


def _expected_counts(body: list[etree._Element]) -> tuple[int, int]:
    """(numbered paragraphs, paragraphs with text at any depth) of an annex's body paragraphs: headings are no
    paragraphs; a labelled "(a)" is a subparagraph, and so is a list the file numbers 1., 2. ... right after a
    paragraph ending in ":" (the paragraph's own list, not the annex's numbering)."""
    content = [p for p in body if not _is_heading(p) and _text(p)]
    numbered = 0
    listed = 0  # the last number of a list under a colon, while it runs
    for before, p in zip([None, *content], content, strict=False):
        num = _norm(_x(p, "string(a:num)"))
        if not re.fullmatch(r"\d+\.", num):
            listed = 0 if not _SUB.fullmatch(num) and not _TYPED.match(_text(p)) else listed
            continue
        n = int(num[:-1])
        opens = n == 1 and before is not None and _text(before).endswith(":") and numbered
        if opens or (listed and n == listed + 1):
            listed = n
        else:
            numbered, listed = numbered + 1, 0
    return numbered, len(content)


def _counts(annex: Annex) -> tuple[int, int]:
    def walk(p: Paragraph) -> int:
        return bool(inline.plain(p.text).strip()) + sum(walk(s) for s in p.subparagraphs)

    return sum(p.numbered for p in annex.paragraphs), sum(walk(p) for p in annex.paragraphs)


def test_there_are_fixtures_with_annexes() -> None:
    assert len(WITH_ATTACHMENTS) >= 8


@pytest.mark.parametrize("path", WITH_ATTACHMENTS, ids=lambda p: p.name)
def test_annex_labels_titles_and_paragraphs_as_the_xml_marks_them(path: Path) -> None:
    tree = etree.parse(str(path)).getroot()
    res = read_akn(path.read_bytes(), name=path.name).resolution
    runs = _runs(tree)
    # a text the body adopts (A/RES/79/1's Pact) prints first, under its title alone: the attachments follow
    annexes = res.annexes[len(res.annexes) - len(runs) :]
    assert len(runs) > 0 and len(res.annexes) >= len(runs)
    assert all(not a.labelled for a in res.annexes[: len(res.annexes) - len(runs)])
    labels = dict(zip(map(id, res.annexes), annex_units(res.annexes), strict=True))
    for annex, (label, body) in zip(annexes, runs, strict=True):
        assert annex.labelled  # an attachment is an annex, with its "Annex" line in the XML or not
        if label:
            assert labels[id(annex)] == label
        assert inline.plain(annex.title) == _text(body[0])
        assert _counts(annex) == _expected_counts(body[1:]), (path.name, label)


def test_an_attachment_without_its_annex_line_prints_as_an_annex() -> None:
    """A/RES/75/129's terms of reference: the XML names the attachment an annex but holds no "Annex" line. The
    operative part sets it out "in the annex", so it prints under "Annex" and the last operative paragraph ends
    with a full stop (it read as a text the resolution adopts, after a colon)."""
    path = FIXTURES / "structure" / "75_129_E.xml"
    tree = etree.parse(str(path)).getroot()
    docs = _x(tree, "//a:attachment/a:doc")
    assert [d.get("name") for d in docs] == ["annex"]
    assert not any(_LABEL.fullmatch(_text(p)) for p in _x(tree, "//a:attachment//a:paragraph"))
    res = read_akn(path.read_bytes(), name=path.name).resolution
    assert [a.labelled for a in res.annexes] == [True]
    blocks = render(res).blocks
    assert any(b.role == "annex_heading" for b in blocks)
    assert [b.end for b in blocks if b.role == "operative" and not b.is_tail][-1] == "."
    # the project's own UN XML keeps the difference: an annex stays one, an adopted text stays one
    back = read_akn(to_akn(res), name="export.xml").resolution
    assert [a.labelled for a in back.annexes] == [True]
