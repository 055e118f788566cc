"""The .docx export read back as XML: structure, runs, footnotes, headers and footers, package soundness."""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from pathlib import Path

import docx
import pytest
from lxml import etree

from app import inline
from app.documents import new_resolution
from app.errors import SaveError
from app.io import docx_parts
from app.io.docx_writer import build_docx, write_docx
from app.model import Header, Paragraph, Resolution
from app.render import block_text, render
from app.storage import load_project

FIXTURE = Path(__file__).resolve().parent.parent / "fixtures" / "docx" / "seed_l43.json"
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS = {"w": W}
R_ID = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"


def q(tag: str) -> str:
    return f"{{{W}}}{tag}"


class Package:
    """An exported file opened as XML trees."""

    def __init__(self, blob: bytes):
        self.blob = blob
        self.zip = zipfile.ZipFile(io.BytesIO(blob))

    def xml(self, name: str) -> etree._Element:
        return etree.fromstring(self.zip.read(name))

    def body_paragraphs(self, style: str | None = None) -> list[etree._Element]:
        body = self.xml("word/document.xml").find(q("body"))
        paras = body.findall(q("p"))
        if style is None:
            return paras
        return [p for p in paras if style_of(p) == style]

    def part_for(self, rel_type: str, source: str = "word/_rels/document.xml.rels") -> list[str]:
        rels = self.xml(source)
        return ["word/" + r.get("Target") for r in rels if r.get("Type").endswith("/" + rel_type)]


def style_of(p: etree._Element) -> str:
    style = p.find("w:pPr/w:pStyle", NS)
    return style.get(q("val")) if style is not None else ""


def text_of(el: etree._Element) -> str:
    out = []
    for node in el.iter(q("t"), q("tab")):
        out.append("\t" if node.tag == q("tab") else node.text or "")
    return "".join(out)


def words_of(p: etree._Element) -> str:
    """The paragraph's text without footnote marks."""
    return "".join(text_of(r) for r in runs_of(p) if r.find("w:rPr/w:rStyle", NS) is None)


def runs_of(p: etree._Element) -> list[etree._Element]:
    return p.findall(q("r"))


def is_italic(run: etree._Element) -> bool:
    i = run.find("w:rPr/w:i", NS)
    return i is not None and i.get(q("val"), "1") not in ("0", "false")


@pytest.fixture(scope="module")
def seed() -> Resolution:
    return load_project(FIXTURE)


@pytest.fixture(scope="module")
def pkg(seed: Resolution) -> Package:
    return Package(build_docx(seed))


def test_package_is_sound(pkg: Package):
    assert docx_parts.package_problems(pkg.blob) == []
    names = set(pkg.zip.namelist())
    assert "word/footnotes.xml" in names
    assert not any("thumbnail" in n for n in names)  # python-docx's sample thumbnail is not shipped
    types = pkg.zip.read("[Content_Types].xml").decode()
    assert 'PartName="/word/footnotes.xml"' in types and "footnotes+xml" in types


def test_body_text_is_what_render_prints(seed: Resolution, pkg: Package):
    rendered = render(seed)
    body_styles = {"UNPreambular", "UNOperative", "UNSubparagraph1", "UNSubparagraph2", "UNTail"}
    paras = [p for p in pkg.body_paragraphs() if style_of(p) in body_styles]
    expected = [
        (b.label + "\t" if b.label else "") + block_text(b) for b in rendered.blocks if b.role != "unplaced"
    ]
    assert [words_of(p) for p in paras] == expected


def test_opener_runs_are_exactly_the_openers(seed: Resolution, pkg: Package):
    pre = pkg.body_paragraphs("UNPreambular")
    assert len(pre) == len(seed.preamble)
    for para, model in zip(pre, seed.preamble, strict=True):
        first = runs_of(para)[0]
        assert is_italic(first) and text_of(first) == model.opener
        assert not any(is_italic(r) for r in runs_of(para)[1:] if text_of(r).strip() in (",", ";", "."))
    ops = pkg.body_paragraphs("UNOperative")
    for para, model in zip(ops, seed.operative, strict=True):
        runs = runs_of(para)
        assert not is_italic(runs[0]) and text_of(runs[0]).endswith("\t")
        assert is_italic(runs[1]) and text_of(runs[1]) == model.opener
        assert not is_italic(runs[2]) and text_of(runs[2]).startswith(" ")


def test_operative_numbers_run_one_to_n(seed: Resolution, pkg: Package):
    numbers = [text_of(runs_of(p)[0]) for p in pkg.body_paragraphs("UNOperative")]
    assert numbers == [f"{i}.\t" for i in range(1, len(seed.operative) + 1)]
    last = pkg.body_paragraphs("UNOperative")[-1]
    assert text_of(last).endswith(".")


def test_subparagraph_labels_and_levels(pkg: Package):
    level1 = [text_of(p).split("\t")[0] for p in pkg.body_paragraphs("UNSubparagraph1")]
    level2 = [text_of(p).split("\t")[0] for p in pkg.body_paragraphs("UNSubparagraph2")]
    assert level1 == ["(a)", "(b)", "(c)"]
    assert level2 == ["(i)", "(ii)"]
    tail = pkg.body_paragraphs("UNTail")
    assert [text_of(p) for p in tail] == ["all within existing resources;"]


def test_italic_spans_stay_italic(pkg: Package):
    notes = pkg.xml("word/footnotes.xml")
    italic = [text_of(r) for r in notes.iter(q("r")) if is_italic(r)]
    assert "Treaty Series" in italic
    assert any(t.startswith("Official Records of the General Assembly") for t in italic)
    annex = pkg.body_paragraphs("UNUnplaced")  # the seed's version-1 annex text, kept as unplaced
    assert [text_of(r) for r in runs_of(annex[-1]) if is_italic(r)] == [
        "Multilateral Treaties Deposited with the Secretary-General"
    ]


def test_footnotes_part_and_references(seed: Resolution, pkg: Package):
    rendered = render(seed)
    assert pkg.part_for("footnotes") == ["word/footnotes.xml"]
    notes = pkg.xml("word/footnotes.xml")
    by_id = {int(fn.get(q("id"))): fn for fn in notes.findall(q("footnote"))}
    assert by_id[-1].get(q("type")) == "separator" and by_id[-1].find(".//w:separator", NS) is not None
    assert by_id[0].get(q("type")) == "continuationSeparator"
    assert by_id[0].find(".//w:continuationSeparator", NS) is not None
    # the "*" note takes id 1, so printed footnote n has id n + 1
    for number, _, markup in rendered.footnotes:
        note = by_id[number + 1]
        assert note.find(".//w:footnoteRef", NS) is not None
        assert text_of(note) == "\t" + inline.plain(markup)
    body = pkg.xml("word/document.xml")
    refs = [int(r.get(q("id"))) for r in body.iter(q("footnoteReference"))]
    assert sorted(refs) == [1] + [n + 1 for n, _, _ in rendered.footnotes]
    for ref in body.iter(q("footnoteReference")):
        run = ref.getparent()
        assert run.find("w:rPr/w:rStyle", NS).get(q("val")) == "FootnoteReference"
    styles = pkg.xml("word/styles.xml")
    ref_style = styles.find("w:style[@w:styleId='FootnoteReference']", NS)
    assert ref_style.find("w:rPr/w:vertAlign", NS).get(q("val")) == "superscript"


def test_reference_ending_a_paragraph_follows_the_punctuation(pkg: Package):
    ops = pkg.body_paragraphs("UNOperative")
    ending = [p for p in ops if runs_of(p)[-1].find(q("footnoteReference")) is not None]
    assert ending, "the fixture has a paragraph ending with a footnote reference"
    for p in ending:
        assert text_of(runs_of(p)[-2]) in (";", ".")
    # a reference inside the text stays where it was typed
    pre = pkg.body_paragraphs("UNPreambular")[1]
    runs = runs_of(pre)
    at = next(i for i, r in enumerate(runs) if r.find(q("footnoteReference")) is not None)
    assert text_of(runs[at - 1]).endswith("recalling its report") and text_of(runs[at + 1]).startswith(
        " of last"
    )


def test_second_reference_to_a_footnote_is_a_noteref_field(seed: Resolution, pkg: Package):
    rendered = render(seed)
    again = next(fid for fid, n in rendered.footnote_numbers.items() if n == 1)
    assert again in seed.operative[4].text and again in seed.preamble[1].text
    body = pkg.xml("word/document.xml")
    fields = [t.text.strip() for t in body.iter(q("instrText"))]
    assert fields == ["NOTEREF _RefFootnote1 \\f \\h"]
    para = pkg.body_paragraphs("UNOperative")[4]
    assert text_of(runs_of(para)[-2]) == "1"  # the field's current result, before its end mark
    start = next(b for b in body.iter(q("bookmarkStart")) if b.get(q("name")) == "_RefFootnote1")
    first_ref = start.getnext().find(q("footnoteReference"))
    assert first_ref is not None and first_ref.get(q("id")) == "2"  # printed number 1, after the "*" note
    assert start.getnext().getnext().tag == q("bookmarkEnd")


def test_group_sponsor_gets_a_custom_star_footnote(pkg: Package):
    sponsor = pkg.body_paragraphs("UNSponsorLine")[0]
    # the line opens with the tab from its hanging first line to the body column, as issued
    assert text_of(sponsor) == "\tCambodia, Germany and Japan*: draft resolution"
    ref = sponsor.find(".//w:footnoteReference", NS)
    assert ref.get(q("customMarkFollows")) == "1" and ref.get(q("id")) == "1"
    assert text_of(ref.getparent()) == "*"
    note = pkg.xml("word/footnotes.xml").find("w:footnote[@w:id='1']", NS)
    assert note.find(".//w:footnoteRef", NS) is None
    assert (
        text_of(note)
        == "*\tOn behalf of the States Members of the United Nations that are members of the Group of 77 and China."
    )


def test_front_matter(pkg: Package, seed: Resolution):
    agenda = [(style_of(p), text_of(p)) for p in pkg.body_paragraphs() if style_of(p).startswith("UNAgenda")]
    assert agenda[:3] == [
        ("UNAgendaSession", "Seventy-ninth session"),
        ("UNAgendaCommittee", "First Committee"),
        ("UNAgendaItem", "Agenda item 98 (l)"),
    ]
    assert agenda[3][0] == "UNAgendaItemTitle" and agenda[3][1].startswith("General and complete disarmament")
    title = pkg.body_paragraphs("UNTitle")[0]
    assert (
        text_of(title) == "\tImplementation of the Convention on the Prohibition of the Use, Stockpiling, "
        "Production and Transfer of Anti-Personnel Mines and on Their Destruction"
    )
    organ = pkg.body_paragraphs("UNOrganLine")[0]
    runs = runs_of(organ)
    assert [(text_of(r), is_italic(r)) for r in runs] == [("The General Assembly", True), (",", False)]
    end = pkg.body_paragraphs()[-1]
    assert style_of(end) == "UNEndRule" and text_of(end) == ""
    # text no reader could place (here the seed's version-1 annex) prints as body text in its own style,
    # never as an annex heading that would read back as an annex
    kept = [text_of(p) for p in pkg.body_paragraphs("UNUnplaced")]
    assert kept == [inline.plain(t) for t in seed.unplaced] and not pkg.body_paragraphs("UNAnnexHeading")


def test_masthead_in_first_page_header(pkg: Package):
    sect = pkg.xml("word/document.xml").find(".//w:body/w:sectPr", NS)
    assert sect.find("w:titlePg", NS) is not None
    first = sect.find("w:headerReference[@w:type='first']", NS).get(R_ID)
    rels = pkg.xml("word/_rels/document.xml.rels")
    target = next(r.get("Target") for r in rels if r.get("Id") == first)
    header = pkg.xml("word/" + target)
    table = header.find("w:tbl", NS)
    cells = [text_of(tc) for tc in table.iter(q("tc"))]
    assert cells == [
        "",
        "United Nations",
        "A/C.1/79/L.43",
        "",
        "General Assembly",
        "Distr.: Limited11 October 2024Original: English",
    ]
    symbol_sizes = [
        (text_of(r), r.find("w:rPr/w:sz", NS).get(q("val")))
        for r in list(table.iter(q("tc")))[2].iter(q("r"))
    ]
    assert symbol_sizes == [("A", "40"), ("/C.1/79/L.43", "20")]  # organ letter 20 pt, the rest 10 pt
    rules = [b.get(q("sz")) for b in table.iter(q("bottom")) if b.getparent().tag == q("tcBorders")]
    assert rules == ["4", "4", "4", "12", "12", "12"]  # 0.5 pt under the first row, 1.5 pt under the second
    organ_run = list(table.iter(q("tc")))[4].find(".//w:r", NS)
    assert (
        organ_run.find("w:rPr/w:b", NS) is not None and organ_run.find("w:rPr/w:sz", NS).get(q("val")) == "40"
    )


def _story(pkg: Package, kind: str, which: str) -> etree._Element:
    sect = pkg.xml("word/document.xml").find(".//w:body/w:sectPr", NS)
    rid = sect.find(f"w:{kind}Reference[@w:type='{which}']", NS).get(R_ID)
    rels = pkg.xml("word/_rels/document.xml.rels")
    return pkg.xml("word/" + next(r.get("Target") for r in rels if r.get("Id") == rid))


def test_headers_and_footers_for_later_pages(pkg: Package):
    settings = pkg.xml("word/settings.xml")
    assert settings.find("w:evenAndOddHeaders", NS) is not None
    footnote_pr = settings.find("w:footnotePr", NS)
    assert [f.get(q("id")) for f in footnote_pr] == ["-1", "0"]
    even, odd = _story(pkg, "header", "even"), _story(pkg, "header", "default")
    assert text_of(even) == text_of(odd) == "A/C.1/79/L.43"
    assert odd.find(".//w:jc", NS).get(q("val")) == "right" and even.find(".//w:jc", NS) is None
    for which, expected in (("even", "2/2\t24-18512"), ("default", "24-18512\t2/2")):
        footer = _story(pkg, "footer", which)
        fields = [t.text.strip() for t in footer.iter(q("instrText"))]
        assert fields == ["PAGE", "NUMPAGES"]
        assert text_of(footer) == expected  # cached field results; Word and LibreOffice recompute them
        assert style_of(footer.find("w:p", NS)) == "UNFooter"
    footer_style = pkg.xml("word/styles.xml").find("w:style[@w:styleId='UNFooter']", NS)
    assert footer_style.find("w:rPr/w:b", NS) is not None  # page numbers bold 8.5 pt
    assert footer_style.find("w:rPr/w:sz", NS).get(q("val")) == "17"
    assert text_of(_story(pkg, "footer", "first")) == "24-18512 (E)"


def test_core_properties_and_paper(seed: Resolution, tmp_path: Path):
    path = tmp_path / "draft.docx"
    write_docx(seed, path)
    document = docx.Document(str(path))
    props = document.core_properties
    assert props.title == seed.title and props.subject == "A/C.1/79/L.43"
    assert props.author == "" and props.created is not None
    section = document.sections[0]
    assert (section.page_width.pt, section.page_height.pt) == (612, 792)
    assert section.left_margin.pt == 60 and section.right_margin.pt == 60
    geneva = Resolution(
        header=Header(template="hrc", session=58, symbol="A/HRC/58/L.1"), title="Human rights"
    )
    section = docx.Document(io.BytesIO(build_docx(geneva))).sections[0]
    assert (round(section.page_width.pt, 1), round(section.page_height.pt, 1)) == (595.3, 841.9)


def test_reading_back_loads_the_footnotes_part(pkg: Package):
    docx_parts.install()
    document = docx.Document(io.BytesIO(pkg.blob))
    part = docx_parts.footnotes_part(document, create=False)
    assert isinstance(part, docx_parts.FootnotesPart)
    notes = list(part.footnotes)
    assert len(notes) == 4 and notes[0].id == 1
    assert notes[1].paragraphs[0].style.name == "footnote text"
    assert "Treaty Series" in notes[2].paragraphs[0].text or "Treaty Series" in notes[1].paragraphs[0].text


def test_documents_without_footnotes_have_no_footnotes_part():
    res = new_resolution("sc")
    blob = build_docx(res)
    assert docx_parts.package_problems(blob) == []
    assert "word/footnotes.xml" not in zipfile.ZipFile(io.BytesIO(blob)).namelist()


def test_hostile_text_stays_well_formed():
    res = Resolution(
        header=Header(template="ga-plenary", session=80, symbol="A/80/L.1", date=dt.date(2025, 1, 2))
    )
    res.title = "R&D <b> \x01 control"
    res.preamble = [Paragraph("Noting", 'that 1 < 2 & "quotes" \x0b stay\tput')]
    res.operative = [Paragraph("Decides", "to act\nnow")]
    blob = build_docx(res)
    assert docx_parts.package_problems(blob) == []
    pkg = Package(blob)
    (para,) = pkg.body_paragraphs("UNPreambular")
    assert (
        text_of(para) == 'Noting that 1 < 2 & "quotes"   stay\tput,'
    )  # the vertical tab parts words: a space
    (op,) = pkg.body_paragraphs("UNOperative")  # a single operative paragraph is not numbered
    assert text_of(op) == "Decides to act now."


def test_write_is_atomic_on_failure(seed: Resolution, tmp_path: Path):
    target = tmp_path / "missing-folder" / "x.docx"
    with pytest.raises(SaveError):
        write_docx(seed, target)
    existing = tmp_path / "keep.docx"
    existing.write_bytes(b"old")
    write_docx(seed, existing)
    assert docx_parts.package_problems(existing.read_bytes()) == []
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == []


def test_seed_text_imported_and_exported(corpus: Path):
    from app.io import text_reader

    res = text_reader.read_text((corpus / "000_142118633ec4707d.txt").read_text(encoding="utf-8")).resolution
    pkg = Package(build_docx(res))
    assert docx_parts.package_problems(pkg.blob) == []
    assert len(pkg.body_paragraphs("UNPreambular")) == len(res.preamble)
    assert [text_of(runs_of(p)[0]) for p in pkg.body_paragraphs("UNOperative")][
        -1
    ] == f"{len(res.operative)}.\t"
    notes = pkg.xml("word/footnotes.xml")
    assert any(text_of(r) == "Treaty Series" and is_italic(r) for r in notes.iter(q("r")))


def test_security_council_draft_has_the_sponsor_line_as_heading():
    res = Resolution(
        header=Header(template="sc", year=2024, symbol="S/2024/302", sponsors=["Algeria", "Guyana"])
    )
    res.preamble = [Paragraph("Recalling", "its previous resolutions")]
    res.operative = [Paragraph("Decides", "to remain seized of the matter")]
    pkg = Package(build_docx(res))
    styles = [style_of(p) for p in pkg.body_paragraphs()]
    assert styles == ["UNSponsorHeading", "UNOrganLine", "UNPreambular", "UNOperative", "UNEndRule"]
    assert text_of(pkg.body_paragraphs()[0]) == "\tAlgeria and Guyana: draft resolution"
    assert text_of(pkg.body_paragraphs()[1]) == "The Security Council,"


def test_paper_setting_overrides_the_template(seed: Resolution):
    section = docx.Document(io.BytesIO(build_docx(seed, paper="a4"))).sections[0]
    assert (round(section.page_width.pt, 1), round(section.page_height.pt, 1)) == (595.3, 841.9)
    section = docx.Document(io.BytesIO(build_docx(seed, paper=None))).sections[0]
    assert (section.page_width.pt, section.page_height.pt) == (612, 792)
