"""Parts and annexes in Word: UN resolutions opened from their XML survive .docx export and import; each role has
its own paragraph style; plain Word files without Resolute's styles are read by their text."""

from __future__ import annotations

import io
import sys
from pathlib import Path

import docx
import pytest
from test_akn_structure import FIXTURES, IN_PARTS, WITH_ANNEXES
from test_roundtrip import canonical

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from fixtures.wordxml.docs import HEADER, Doc, I, N  # noqa: E402

from app.io.akn_reader import read_akn  # noqa: E402
from app.io.docx_reader import read_docx  # noqa: E402
from app.io.docx_writer import STYLE_IDS, build_docx  # noqa: E402
from app.render import annex_label, part_letter, render  # noqa: E402


@pytest.mark.parametrize("name", WITH_ANNEXES + IN_PARTS)
def test_un_annexes_and_parts_survive_docx_export_and_import(name: str) -> None:
    res = read_akn((FIXTURES / name).read_bytes(), name=name).resolution
    back = read_docx(build_docx(res), name="export.docx")
    body = {
        k: v for k, v in canonical(res).items() if k != "header"
    }  # the header's round trip is tested apart
    assert {k: v for k, v in canonical(back.resolution).items() if k != "header"} == body, name
    unplaced = [f for f in back.findings if f.rule == "import.unplaced"]
    assert len(unplaced) == len(res.unplaced), name  # each table cell kept from the XML, reported once


@pytest.mark.parametrize("name", ["A_RES_79_1-2416433E.xml", "75_101A-B_E.xml"])
def test_each_role_prints_in_its_own_style(name: str) -> None:
    res = read_akn((FIXTURES / name).read_bytes(), name=name).resolution
    paragraphs = docx.Document(io.BytesIO(build_docx(res))).paragraphs

    def texts(role: str) -> list[str]:
        return [p.text for p in paragraphs if p.style.name == STYLE_IDS[role][1]]

    labelled = [a for a in res.annexes if a.labelled]
    assert texts("annex_heading") == [annex_label(i, len(labelled)) for i in range(1, len(labelled) + 1)]
    assert len(texts("annex_title")) == len([a for a in res.annexes if a.title])
    numbered = [p for a in res.annexes for p in a.paragraphs if p.numbered]
    assert len(texts("annex_paragraph")) == len(numbered)
    parts = res.parts() if res.later_parts else []
    assert texts("part_heading") == [part_letter(i) for i in range(len(parts))]
    assert texts("part_title") == [p.title for p in parts if p.title]
    organ = render(res).template.organ_line
    assert [t.rstrip(",") for t in texts("organ_line")] == [organ] * max(1, len(parts))


def test_plain_word_file_with_parts_and_an_annex_is_read_by_its_text() -> None:
    doc = Doc()
    for line in HEADER:
        doc.para(line)
    doc.para("A")
    doc.para("Information in the service of humanity")
    doc.para(I("The General Assembly"), ",")
    doc.para(I("Taking note"), " of the report,")
    doc.para(I("Urges"), " all countries to cooperate.")
    doc.para("B")
    doc.para("United Nations global communications policies")
    doc.para(I("The General Assembly"), ",")
    doc.para(I("Emphasizing"), " the role of the Department,")
    doc.para("I")
    doc.para("Introduction")
    doc.para("1.\t", I("Requests"), " the Secretary-General to report;")
    doc.para("2.\t", I("Decides"), " to continue the work.")
    doc.para("Annex")
    doc.para("Declaration on information")
    doc.para("We, the Heads of State and Government,")
    doc.para("1.\t", "Recognize the role of information.", N("See A/75/21."))
    doc.para("Objectives")
    doc.para("2.\t", "We will:")
    doc.para("(a)\t", "Close the divides;")
    doc.para("(b)\t", "Report.")
    res = read_docx(doc.bytes(), name="plain.docx").resolution
    a, b = res.parts()
    assert a.title == "Information in the service of humanity" and b.title.startswith("United Nations global")
    assert [p.opener for p in a.preamble] == ["Taking note"] and [p.opener for p in a.operative] == ["Urges"]
    assert [p.opener for p in b.operative] == ["Requests", "Decides"] and b.operative[
        0
    ].heading == "I\nIntroduction"
    (annex,) = res.annexes
    assert annex.title == "Declaration on information"
    assert [(p.numbered, p.heading) for p in annex.paragraphs] == [
        (False, ""),
        (True, ""),
        (True, "Objectives"),
    ]
    assert annex.paragraphs[0].text == "We, the Heads of State and Government,"  # punctuation as written
    assert [s.text for s in annex.paragraphs[2].subparagraphs] == ["Close the divides;", "Report."]
    assert len(res.footnotes) == 1 and not res.unplaced
    assert "Information in the service" not in res.title  # part A's title is not the resolution's
