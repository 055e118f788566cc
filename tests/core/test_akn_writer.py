"""AKN4UN export: the structure the UN uses, and read back by the importer to the same model."""

from __future__ import annotations

import datetime as dt

import pytest
from lxml import etree

from app import inline
from app.io.akn_reader import read_akn
from app.io.akn_writer import AKN_NS, to_akn
from app.model import AgendaItem, DocumentKind, Header, Paragraph, Resolution

NS = {"a": AKN_NS}


def _shape(res: Resolution) -> dict:
    """The model without ids: footnote references replaced by the footnote text."""

    def text(markup: str) -> str:
        out = []
        for span in inline.parse(markup):
            if span.footnote:
                out.append(f"[^{res.footnotes[span.footnote].text}]")
            else:
                out.append(inline.unparse([span]))
        return "".join(out)

    def para(p: Paragraph) -> tuple:
        return (p.opener, text(p.text), [para(s) for s in p.subparagraphs], text(p.tail))

    return {
        "title": res.title,
        "preamble": [para(p) for p in res.preamble],
        "operative": [para(p) for p in res.operative],
        "annex": res.unplaced,
    }


def _sample() -> Resolution:
    header = Header(
        template="ga-c1",
        session=80,
        symbol="A/C.1/80/L.43",
        date=dt.date(2025, 10, 15),
        sponsors=["Albania", "Bosnia and Herzegovina", "Japan"],
        agenda_items=[AgendaItem("105", "", "Comprehensive Nuclear-Test-Ban Treaty")],
    )
    res = Resolution(header=header, title="Comprehensive Nuclear-Test-Ban Treaty")
    note = res.add_footnote("*Official Records of the General Assembly*, vol. I, chap. II.")
    res.preamble = [
        Paragraph("Recalling", f"its resolution 79/77 of 2 December 2024[^{note.id}]"),
        Paragraph(
            "Noting",
            "the following",
            [Paragraph("", "the report"), Paragraph("", "the *Treaty Series*")],
            tail="and welcoming them",
        ),
    ]
    res.operative = [
        Paragraph("Urges", "all States to sign the Treaty"),
        Paragraph(
            "Requests",
            "the Secretary-General",
            [
                Paragraph("", "to report", [Paragraph("", "in writing"), Paragraph("", "orally")]),
                Paragraph("", "to consult Member States"),
            ],
        ),
        Paragraph("Decides", "to include the item in the provisional agenda of its eighty-first session"),
    ]
    return res


def test_structure_follows_the_un_files() -> None:
    root = etree.fromstring(to_akn(_sample()))
    assert etree.QName(root).localname == "akomaNtoso" and root.nsmap[None] == AKN_NS
    statement = root.find("a:statement", NS)
    assert statement.get("name") == "draftResolution"
    assert root.findtext(".//a:coverPage//a:docNumber", namespaces=NS) == "A/C.1/80/L.43"
    assert root.find(".//a:coverPage//a:session", NS).get("value") == "80"
    step = root.find(".//a:workflow/a:step", NS)
    assert step.get("as") == "A/C.1/80/L.43" and step.get("by") == "Albania, Bosnia and Herzegovina, Japan"
    containers = root.findall(".//a:preamble/a:container", NS)
    assert [c.get("name") for c in containers] == ["Recalling", "Noting"]
    # the opener is the leading italic span, the comma stands before the footnote reference
    first_p = containers[0].find("a:p", NS)
    assert first_p[0].get("class") == "italic" and first_p[0].text == "Recalling"
    assert first_p[0].tail == " its resolution 79/77 of 2 December 2024,"
    assert etree.QName(first_p[1]).localname == "authorialNote"
    paras = root.findall(".//a:mainBody/a:paragraph", NS)
    assert [p.findtext("a:num", namespaces=NS) for p in paras] == ["1.", "2.", "3."]
    points = paras[1].findall("a:list/a:point", NS)
    assert [p.findtext("a:num", namespaces=NS) for p in points] == ["(a)", "(b)"]
    assert points[0].findall("a:list/a:point/a:num", NS)[1].text == "(ii)"
    assert "".join(paras[2].find(".//a:p", NS).itertext()).endswith("eighty-first session.")
    wrap = containers[1].find("a:list/a:wrapUp/a:p", NS)
    assert "".join(wrap.itertext()) == "and welcoming them,"


def test_importer_reads_the_export_back_to_the_same_model() -> None:
    res = _sample()
    back = read_akn(to_akn(res), name="x.xml").resolution
    assert _shape(back) == _shape(res)
    assert back.header.template == "ga-c1"
    assert back.header.session == 80
    assert back.header.sponsors == res.header.sponsors
    assert back.header.agenda_items == res.header.agenda_items
    # a draft keeps what makes it a draft: symbol, revision, date, distribution, kind and group
    h = back.header
    assert (h.symbol, h.revision, h.date, h.distribution) == (
        "A/C.1/80/L.43",
        0,
        dt.date(2025, 10, 15),
        "Limited",
    )
    assert h.kind == res.header.kind and h.on_behalf_of == ""
    res.header.revision, res.header.kind = 1, DocumentKind.REVISED_DRAFT_RESOLUTION
    res.header.sponsors, res.header.on_behalf_of = ["Uganda"], "the Group of 77 and China"
    again = read_akn(to_akn(res)).resolution.header
    assert (again.symbol, again.revision, again.kind) == (
        "A/C.1/80/L.43",
        1,
        DocumentKind.REVISED_DRAFT_RESOLUTION,
    )
    assert (again.sponsors, again.on_behalf_of) == (["Uganda"], "the Group of 77 and China")


@pytest.mark.parametrize(
    "name", ["A_RES_80_70-2520898E.xml", "A_RES_80_4-2517552E.xml", "A_RES_79_174-2424215E.xml"]
)
def test_un_resolutions_survive_export_and_import(corpus, name: str) -> None:
    first = read_akn((corpus / "originals" / name).read_bytes(), name=name).resolution
    again = read_akn(to_akn(first), name="again.xml").resolution
    assert _shape(again) == _shape(first)
    assert len(first.operative) > 3 and len(first.footnotes) == len(again.footnotes)
    assert again.header.template == first.header.template
    assert again.header.agenda_items == first.header.agenda_items
