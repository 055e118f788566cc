"""Annexes and resolutions in parts from the UN's own XML (tests/fixtures/akn, see its README): every expected
count, number, heading and title is read from the markup with xpath here, never typed."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from lxml import etree
from test_roundtrip import canonical

from app.io.akn_reader import read_akn
from app.io.akn_writer import to_akn
from app.render import annex_units, render

NS = {"a": "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"}
FIXTURES = Path(__file__).parent.parent / "fixtures" / "akn"
# developed against the first files; the next two of each kind were read only once the work was done (and
# showed faults, since fixed), the last two after those fixes
WITH_ANNEXES = [
    "A_RES_79_1-2416433E.xml",
    "A_RES_76_181-2119220E.xml",
    "75_212_E.xml",
    "A_RES_80_226-2520943E.xml",
    "A_RES_78_317-2413495E.xml",
    "A_RES_80_5-2517700E.xml",
    "A_RES_78_4_E.xml",
]
IN_PARTS = [
    "75_101A-B_E.xml",
    "A_RES_77_128-2228507E.xml",
    "A_RES_78_80AB-2324937E.xml",
    "A_RES_80_236AB-2521243E.xml",
    "A_RES_80_244AC-2521251E.xml",
    "A_RES_79_259-2424702E.xml",
]
_LABEL = re.compile(r"Annex(?: [IVX]+)?")
_TYPED = re.compile(r"\((?:[a-z]{1,4}|\d{1,2})\)\s")


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def _x(el: etree._Element, path: str) -> list:
    return el.xpath(path, namespaces=NS)


def _is_heading(p: etree._Element) -> bool:
    """A heading the UN marks as a paragraph: a subheading/heading and no text of its own, a heading class, or
    an unnumbered paragraph all in bold."""
    own = _norm(_x(p, "string(a:content)"))
    bold = _norm(" ".join(_x(p, ".//a:span[@class='bold']//text()")))
    section = re.fullmatch(r"(?:[IVXLC]{1,6}|[A-Z])\.?", _norm(_x(p, "string(a:num)")))
    all_bold = bool(own) and bold == own and (section or not _x(p, "a:num"))
    return (
        bool(_x(p, "a:subheading|a:heading"))
        and not own
        or (p.get("class") or "").startswith("H")
        or all_bold
    )


def _heading_text(p: etree._Element) -> list[str]:
    """The printed lines of a heading paragraph: its section number ("A", "II") and its text."""
    num = _norm(_x(p, "string(a:num)")).rstrip(".")
    text = _norm("".join(t for c in p if etree.QName(c).localname != "num" for t in c.itertext()))
    return [num, text] if num else [text]


def _main_sequence(nums: list[str]) -> int:
    """How far the file's own numbering 1., 2., 3. ... runs (a list numbered 1. again inside it left out)."""
    last = 0
    for num in nums:
        if num == f"{last + 1}.":
            last += 1
    return last


def _annex_runs(tree: etree._Element) -> list[list[etree._Element]]:
    """The paragraphs of the attachments, split where a paragraph reads only "Annex" or "Annex II"."""
    runs: list[list[etree._Element]] = []
    for p in _x(tree, "//a:attachment//a:mainBody/a:paragraph"):
        if _LABEL.fullmatch(_norm("".join(p.itertext()))):
            runs.append([])
        elif runs:
            runs[-1].append(p)
    return runs


def _adopted_in_body(tree: etree._Element) -> bool:
    """The main body restarts its numbering at 1. after a heading paragraph: the text the resolution adopts."""
    paras = _x(tree, "/a:akomaNtoso/a:statement/a:mainBody/a:paragraph")
    for before, p in zip(paras, paras[1:], strict=False):
        if _norm(_x(p, "string(a:num)")) == "1." and _is_heading(before) and paras.index(before) > 0:
            return True
    return False


@pytest.mark.parametrize("name", WITH_ANNEXES)
def test_annexes_as_the_xml_marks_them(name: str) -> None:
    data = (FIXTURES / name).read_bytes()
    tree = etree.fromstring(data)
    res = read_akn(data, name=name).resolution
    runs = _annex_runs(tree)
    offset = 1 if _adopted_in_body(tree) else 0
    assert len(res.annexes) == len(runs) + offset
    rendered = render(res)
    units = annex_units(res.annexes)
    # a text adopted in the body (the Pact in A/RES/79/1) prints with no "Annex" line; the attachments are
    # numbered from Annex I as the UN numbers them
    assert [a.labelled for a in res.annexes] == [False] * offset + [True] * len(runs)
    for index, (annex, run) in enumerate(zip(res.annexes[offset:], runs, strict=True), start=offset + 1):
        label = units[index - 1]
        title, body = run[0], run[1:]
        assert annex.title == _norm("".join(title.itertext())), (name, label)
        nums = [_norm(_x(p, "string(a:num)")) for p in body]
        labels = [
            b.label for b in rendered.blocks if b.unit == label and b.role == "annex_paragraph" and b.label
        ]
        count = _main_sequence(nums)
        assert labels[:count] == [f"{i}." for i in range(1, count + 1)], (name, label)
        headings = [p for p in body if _is_heading(p) and not _x(p, "a:num")]
        lines = [line for p in annex.paragraphs for line in p.heading.splitlines()]
        assert len(lines) >= len(headings) and lines, (name, label)
        for p in headings:  # every heading paragraph of the file is a heading line, in order
            assert _norm("".join(p.itertext())).lstrip(". ") in lines, (name, label)
        typed = [p for p in body if not _x(p, "a:num") and _TYPED.match(_norm("".join(p.itertext())))]
        subs = sum(len(list(p.walk())) - 1 for p in annex.paragraphs)
        assert subs >= len(typed), (name, label)  # every typed "(a)" paragraph became a subparagraph
    notes = _x(tree, "//a:authorialNote")
    assert len(res.footnotes) == len(notes) == len(rendered.footnotes)
    assert [str(n) for n, _, _ in rendered.footnotes] == [n.get("marker") for n in notes]


@pytest.mark.parametrize("name", IN_PARTS)
def test_parts_as_the_xml_marks_them(name: str) -> None:
    data = (FIXTURES / name).read_bytes()
    tree = etree.fromstring(data)
    result = read_akn(data, name=name)
    res = result.resolution
    statements = _x(tree, "//a:components/a:component/a:statement")
    assert len(res.parts()) == len(statements) > 1
    assert res.title == _norm(_x(tree, "string(//a:documentCollection/a:preface//a:docTitle)"))
    rendered = render(res)
    for part, statement in zip(res.parts(), statements, strict=True):
        letter = _norm(_x(statement, "string(a:preface//a:docNumber)")).rstrip(".")
        assert part.title == _norm(_x(statement, "string(a:preface//a:docTitle)")), name
        # a preamble after a mainBody is a section's own, read unnumbered among the operative paragraphs
        own_preamble = _x(statement, "a:preamble[not(preceding-sibling::a:mainBody)]/a:container")
        section_preambles = _x(statement, "a:preamble[preceding-sibling::a:mainBody]/a:container")
        assert len(part.preamble) == len(own_preamble), (name, letter)
        names = [_norm(c.get("name")) for c in section_preambles]
        unnumbered_openers = [p.opener for p in part.operative if not p.numbered and p.opener in names]
        assert unnumbered_openers == names, (name, letter)
        nums = [_norm(n) for n in _x(statement, "a:mainBody/a:paragraph/a:num/text()")]
        arabic = [n for n in nums if re.fullmatch(r"\d+\.", n)]
        blocks = [b for b in rendered.blocks if b.unit == letter and b.role == "operative" and not b.is_tail]
        labels = [b.label for b in blocks]
        paragraphs = _x(statement, "a:mainBody/a:paragraph")
        unnumbered = [p for p in paragraphs if not _x(p, "a:num") and not _is_heading(p)]
        unnumbered = [p for p in unnumbered if not _TYPED.match(_norm("".join(p.itertext())))]
        assert len(labels) == len(arabic) + len(unnumbered), (name, letter)
        if labels != (arabic or [""]):  # only where the file leaves a section's paragraph unnumbered
            assert unnumbered, (name, letter)  # (numbers that start again at 1 print as issued)
            rest = iter(labels)
            assert all(number in rest for number in arabic), (name, letter)
        headings = [p for p in _x(statement, "a:mainBody/a:paragraph") if _is_heading(p)]
        lines = [line for p in part.operative for line in p.heading.splitlines()]
        assert lines == [line for p in headings for line in _heading_text(p)], (name, letter)
    organ = [b for b in rendered.blocks if b.role == "organ_line"]
    formulas = _x(tree, "//a:components//a:preamble/a:formula")
    assert [b.opener for b in organ] == [_norm("".join(f.itertext())).rstrip(",") for f in formulas]
    assert len(res.footnotes) == len(_x(tree, "//a:authorialNote"))


@pytest.mark.parametrize("name", WITH_ANNEXES + IN_PARTS)
def test_un_annexes_and_parts_survive_akn_export_and_import(name: str) -> None:
    res = read_akn((FIXTURES / name).read_bytes(), name=name).resolution
    back = read_akn(to_akn(res), name="export.xml").resolution
    assert canonical(back) == canonical(res), name
