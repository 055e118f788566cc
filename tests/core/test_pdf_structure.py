"""The structure the plain-text reader finds in an adopted resolution's PDF text against the UN XML of the same
resolution (scripts/structure_vs_akn.py, development half). The expected answers come from the XML's markup."""

from __future__ import annotations

from pathlib import Path

from lxml import etree

from app.io.akn_reader import read_akn
from app.io.text_reader import read_text

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "pdf_structure"
AKN = {"a": "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"}


def _names(containers: list[etree._Element]) -> list[str]:
    return [" ".join((c.get("name") or "").split()) for c in containers]


def test_a_sections_own_preamble_is_read_alike_from_the_xml_and_the_pdf_text() -> None:
    """A/RES/80/237: the XML repeats preamble and mainBody once per section; a preamble after a mainBody is the
    section's own ("Recalling …,", "Having considered …,"), printed unnumbered among the operative paragraphs."""
    data = (FIXTURES / "A_RES_80_237-2521249E.xml").read_bytes()
    tree = etree.fromstring(data)
    doc = tree.xpath("//a:preamble", namespaces=AKN)[0].getparent()
    resolution_own = doc.xpath("a:preamble[not(preceding-sibling::a:mainBody)]/a:container", namespaces=AKN)
    sections_own = doc.xpath("a:preamble[preceding-sibling::a:mainBody]/a:container", namespaces=AKN)
    numbered = doc.xpath("a:mainBody/a:paragraph[a:num]", namespaces=AKN)
    assert sections_own  # the file is the case this test is about
    from_xml = read_akn(data).resolution
    from_text = read_text((FIXTURES / "A_RES_80_237.pdftotext.txt").read_text(encoding="utf-8")).resolution
    for res in (from_xml, from_text):
        assert len(res.preamble) == len(resolution_own)
        assert [p.opener for p in res.operative if not p.numbered] == _names(sections_own)
        assert sum(p.numbered for p in res.operative) == len(numbered)
        first = res.operative[0]  # the section's mark and title stand over its first preambular paragraph
        assert first.heading.splitlines()[0] == "I" and not first.numbered


def test_an_adopted_outcome_document_is_read_alike_from_the_xml_and_the_pdf_text() -> None:
    """A/RES/80/173 adopts an outcome document: its title, "We, the Ministers …," and then, in the XML, a preamble
    and mainBody of its own. Both readings give the resolution its one operative paragraph and the document as
    one text printed with no "Annex" line, holding the XML's own preamble and numbered paragraphs."""
    data = (FIXTURES / "A_RES_80_173-2520874E.xml").read_bytes()
    tree = etree.fromstring(data)
    doc = tree.xpath("//a:preamble", namespaces=AKN)[0].getparent()
    bodies = doc.xpath("a:mainBody", namespaces=AKN)
    assert len(bodies) == 2  # the file is the case this test is about
    adopts = bodies[0].xpath("a:paragraph", namespaces=AKN)[0]
    title = "".join(bodies[0].xpath("a:paragraph[2]//text()", namespaces=AKN)).strip()
    numbered = doc.xpath("a:mainBody/a:paragraph[a:num]", namespaces=AKN)
    from_xml = read_akn(data).resolution
    from_text = read_text((FIXTURES / "A_RES_80_173.pdftotext.txt").read_text(encoding="utf-8")).resolution
    for res in (from_xml, from_text):
        assert not res.preamble
        assert [p.opener for p in res.operative] == [adopts.xpath("string(.//a:span)", namespaces=AKN)]
        assert len(res.annexes) == 1 and not res.annexes[0].labelled
        assert " ".join(res.annexes[0].title.split()) == " ".join(title.split())
    # every numbered paragraph of the document is the adopted text's (the text reading loses one or two at page
    # tops: a heading alone over "54." after the page's running title; a paragraph going on after a page break)
    assert sum(p.numbered for p in from_xml.annexes[0].paragraphs) == len(numbered) > 100


def test_an_operative_lead_in_over_the_numbered_paragraphs_is_operative() -> None:
    """A/RES/78/256: "The General Assembly / Resolves that: / 1. The Working Capital Fund shall …": the lead-in is
    the operative part's first paragraph (the XML's first mainBody paragraph), not a preambular one."""
    data = (FIXTURES / "A_RES_78_256-2326250E.xml").read_bytes()
    tree = etree.fromstring(data)
    doc = tree.xpath("//a:preamble", namespaces=AKN)[0].getparent()
    own = doc.xpath("a:preamble/a:container", namespaces=AKN)
    paragraphs = doc.xpath("a:mainBody/a:paragraph", namespaces=AKN)
    lead = " ".join("".join(paragraphs[0].itertext()).split())
    assert lead.endswith(":") and not paragraphs[0].xpath("a:num", namespaces=AKN)  # the case tested
    from_text = read_text((FIXTURES / "A_RES_78_256.pdftotext.txt").read_text(encoding="utf-8")).resolution
    assert len(from_text.preamble) == len(own)
    assert len(from_text.operative) == len(paragraphs)
    first = from_text.operative[0]
    assert f"{first.opener} {first.text}".split() == lead.split() and not first.numbered  # as the XML: no num
