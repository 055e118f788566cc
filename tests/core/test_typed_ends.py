"""End punctuation on import: kept where the issued text is right, corrected and reported where it is wrong.

Expected marks are read from the originals: the last character of each paragraph's text in the UN XML, and
the paragraphs of an issued draft whose ends a test changes on purpose.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from lxml import etree

from app import inline
from app.findings import Severity
from app.io.reading import read_document
from app.io.text_reader import read_text
from app.io.text_writer import to_text
from app.render import place_names, render
from tests.core.test_text_structure import flatten

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
AKN = "{http://docs.oasis-open.org/legaldocml/ns/akn/3.0}"
_MARKS = ",;.:"


def _xml_ends(path: Path, xpath: str, tags: tuple[str, ...] = ()) -> list[str]:
    """The mark each matched element's text ends with in the UN XML (`tags`: keep only these local names)."""
    root = etree.parse(str(path)).getroot()
    out = []
    for el in root.iterfind(xpath):
        if tags and etree.QName(el).localname not in tags:
            continue
        text = "".join(el.itertext())
        body = re.sub(r"[\s\u200b-\u200f\u2060\ufeff]+$", "", text)
        out.append(body[-1] if body and body[-1] in _MARKS else "")
    return out


def test_preambular_subparagraphs_print_with_the_commas_of_the_issued_text() -> None:
    """Every issued GA resolution of sessions 78-79 sets preambular subparagraphs off by commas."""
    checked = 0
    for path in sorted((FIXTURES / "heldout").glob("*.xml")):
        expected = _xml_ends(path, f".//{AKN}preamble//*", ("point", "item"))
        if not expected:
            continue
        result = read_document(path)
        blocks = render(result.resolution).blocks
        printed = [
            b.end for b in blocks if b.role == "subparagraph" and b.part and b.part.value == "preamble"
        ]
        assert printed == expected, path.name
        assert not [f for f in result.findings if f.rule == "import.end-punctuation"], path.name
        checked += 1
    assert checked  # the held-out set has resolutions with preambular subparagraphs (A/RES/79/56)


def test_a_colon_that_introduces_a_quotation_is_kept() -> None:
    """A/RES/79/280: "... continues to read as follows:" and the quoted rule after it."""
    path = FIXTURES / "heldout" / "A_RES_79_280-2506205E.xml"
    first = _xml_ends(path, f".//{AKN}mainBody/{AKN}paragraph")[0]
    assert first == ":"
    res = read_document(path).resolution
    text = to_text(res)
    opening = res.operative[0].text
    assert opening.endswith(":")
    assert re.search(re.escape(opening[-30:]) + r"\n", text)  # printed with its colon, nothing added


def test_preamble_crossheadings_are_headings_not_paragraphs() -> None:
    """A/RES/78/148: bold unnamed containers inside the preamble are crossheadings."""
    path = FIXTURES / "akn_preamble" / "A_RES_78_148-2325914E.xml"
    root = etree.parse(str(path)).getroot()
    containers = root.findall(f".//{AKN}preamble/{AKN}container")
    unnamed = [c for c in containers if not (c.get("name") or "").strip()]
    bold = [c for c in unnamed if all("bold" in (s.get("class") or "") for s in c.iter(f"{AKN}span"))]
    headings = [" ".join("".join(c.itertext()).split()) for c in bold if c.find(f".//{AKN}span") is not None]
    assert headings
    result = read_document(path)
    res = result.resolution
    named = [c for c in containers if (c.get("name") or "").strip()]
    assert len(res.preamble) == len(named)  # the "* * *" separators between them are heading lines too
    # a heading is markup: its literal asterisks come escaped ("\\* \\* \\*"), so compare its plain text
    read = [line for p in res.preamble for line in inline.plain(p.heading).splitlines() if line != "* * *"]
    assert read == headings
    assert not res.unplaced
    assert not [f for f in result.findings if f.rule == "import.end-punctuation"]


def test_wrong_ends_in_a_draft_are_corrected_and_reported(corpus: Path) -> None:
    """An issued draft with some ends changed: exactly those paragraphs are reported, and print as issued."""
    issued = read_document(corpus / "A_C.1_80_L.43.txt").resolution
    text = to_text(issued)
    names = place_names(render(issued).blocks)
    preamble, operative = issued.preamble, issued.operative

    def plain(paras: list) -> list:  # no subparagraphs, no note after the end: the mark ends the line
        return [p for p in paras if not p.subparagraphs and not p.text.endswith("]")]

    targets = {plain(preamble)[1].id: ";", plain(preamble[:-1])[-1].id: "", plain(operative[:-1])[0].id: ","}
    lines = text.split("\n")
    body = lines.index(next(line for line in lines if line.startswith("The General Assembly")))
    for para_id, mark in targets.items():
        para = issued.find(para_id)
        assert para is not None
        words = para.text[-25:]
        index = next(
            i
            for i, line in enumerate(lines)
            if i > body and line.rstrip().endswith((words + ",", words + ";"))
        )
        lines[index] = lines[index].rstrip()[:-1] + mark
    result = read_text("\n".join(lines))
    reported = [f.message for f in result.findings if f.rule == "import.end-punctuation"]
    assert sorted(m.split(" ")[0] + " " + m.split(" ")[1] for m in reported) == sorted(
        names[i] for i in targets
    )
    assert to_text(result.resolution).split("\n")[20:] == text.split("\n")[20:]  # the body prints as issued


def test_invisible_marks_after_the_end_are_not_a_wrong_end(corpus: Path) -> None:
    text = (corpus / "A_C.1_80_L.43.txt").read_text(encoding="utf-8")
    marked = re.sub(r"([,;.])([ \t]*\n[ \t]*\n)", "\\1\u200e\\2", text)  # after each paragraph's end
    before = read_text(text)
    after = read_text(marked)
    rule = "import.end-punctuation"
    assert [f.message for f in after.findings if f.rule == rule] == [
        f.message for f in before.findings if f.rule == rule
    ]


def test_many_wrong_ends_are_one_warning(corpus: Path) -> None:
    """A file whose ends follow other conventions throughout: one warning, each paragraph a note."""
    issued = read_document(corpus / "A_C.1_80_L.43.txt").resolution
    text = to_text(issued)
    body = text.index("The General Assembly")
    swapped = text[:body] + re.sub(r";(\n)", r",\1", text[body:])  # every operative ";" typed as ","
    changed = len(re.findall(r";\n", text[body:]))
    assert changed > 5
    reported = [f for f in read_text(swapped).findings if f.rule == "import.end-punctuation"]
    warnings = [f for f in reported if f.severity is Severity.WARNING]
    assert len(warnings) == 1 and f"{changed} of" in warnings[0].message
    assert len(reported) == changed + 1


def _point_ends(xml: bytes) -> list[str]:
    """The mark each subparagraph (<point>) of the operative part ends with in the UN XML, notes left out."""
    root = etree.fromstring(xml)
    out = []
    for point in root.iter(f"{AKN}point"):
        if any(etree.QName(a).localname == "attachment" for a in point.iterancestors()):
            continue
        p = [
            e
            for e in point.iter(f"{AKN}p")
            if not any(a.tag == f"{AKN}authorialNote" for a in e.iterancestors())
        ]
        text = re.sub(r"[\s\u200b-\u200f\u2060\ufeff]+$", "", "".join(_text_without_notes(p[-1])))
        out.append(text[-1] if text and text[-1] in _MARKS else "")
    return out


def _text_without_notes(el: etree._Element) -> list[str]:
    out = [el.text or ""]
    for child in el:
        if child.tag != f"{AKN}authorialNote":
            out += _text_without_notes(child)
        out.append(child.tail or "")
    return out


# A/RES/77/103 in Spanish and French as issued (UNxml/GAresolutions, 77session/{Spanish,French}/), flattened to
# text as a PDF's text layer prints it: the adoption line after the last paragraph is in the text's language
ISSUED_ES_FR = ["A_RES_77_103-2228249S.xml", "A_RES_77_103-2228249F.xml"]


@pytest.mark.parametrize("name", ISSUED_ES_FR)
def test_spanish_and_french_issued_text_keeps_its_ends_and_its_meeting_line_is_left_out(name: str) -> None:
    xml = (FIXTURES / "languages" / name).read_bytes()
    result = read_text(flatten(xml))
    loud = [
        f.message
        for f in result.findings
        if f.rule == "import.end-punctuation" and f.severity != Severity.INFO
    ]
    assert not loud
    meeting = etree.fromstring(xml).find(f".//{AKN}inline[@name='adoptionMeeting']")
    closing = [f.message for f in result.findings if f.rule == "import.closing"]
    assert meeting is not None and closing
    assert " ".join((meeting.text or "").split()) in " ".join(closing[0].split())
    printed = [
        b.end.replace("\u00a0", "") for b in render(result.resolution).blocks if b.role == "subparagraph"
    ]
    assert printed == _point_ends(xml) and printed  # every subparagraph prints the issued text's own mark


@pytest.mark.parametrize("name", ISSUED_ES_FR)
def test_a_wrong_subparagraph_end_in_spanish_or_french_is_still_reported(name: str) -> None:
    xml = (FIXTURES / "languages" / name).read_bytes()
    text = flatten(xml)
    ends = _point_ends(xml)
    # the first subparagraph that ends with a semicolon is given a full stop instead
    first = next(i for i, mark in enumerate(ends) if mark == ";")
    sub = [b for b in render(read_text(text).resolution).blocks if b.role == "subparagraph"][first]
    start = f"{sub.label} {''.join(s.text for s in sub.spans)[:40]}"
    lines = text.split("\n\n")
    at = next(i for i, line in enumerate(lines) if " ".join(line.split()).startswith(" ".join(start.split())))
    lines[at] = lines[at].rstrip().removesuffix(";").rstrip("\u00a0 ") + "."
    result = read_text("\n\n".join(lines))
    wrong = [
        f for f in result.findings if f.rule == "import.end-punctuation" and f.severity == Severity.WARNING
    ]
    assert len(wrong) == 1 and "'.'" in wrong[0].message


def _line_texts(xml: bytes) -> list[str]:
    """Each <p>'s text in the UN XML, a label typed before it ("(b)\t") left out, spaces closed up."""
    root = etree.fromstring(xml)
    out = []
    for p in root.iter(f"{AKN}p"):
        text = " ".join("".join(p.itertext()).split())
        out.append(re.sub(r"^\([a-z]+\)\s*", "", text))
    return out


def test_an_abbreviation_that_ends_a_paragraph_keeps_its_full_stop_before_the_end_mark() -> None:
    """A/RES/75/260: "… from 3 to 6 p.m.;" is issued right; the full stop is "p.m."'s, not a wrong end."""
    xml = (FIXTURES / "issued" / "75_260_E.xml").read_bytes()
    result = read_text(flatten(xml))
    assert not [
        f for f in result.findings if f.rule == "import.end-punctuation" and f.severity != Severity.INFO
    ]
    issued = [t for t in _line_texts(xml) if re.search(r"[ap]\.m\.[;,]$", t)]
    printed = [
        "".join(s.text for s in b.spans) + b.end
        for b in render(result.resolution).blocks
        if b.role == "subparagraph"
    ]
    assert issued and all(t in printed for t in issued)


def test_a_stray_full_stop_before_the_end_mark_is_still_reported() -> None:
    """The same paragraph with a full stop after a word that is no abbreviation: a wrong end, reported."""
    xml = (FIXTURES / "issued" / "75_260_E.xml").read_bytes()
    text = flatten(xml).replace("from 3 to 6 p.m.;", "from 3 to 6 in the afternoon.;", 1)
    wrong = [
        f
        for f in read_text(text).findings
        if f.rule == "import.end-punctuation" and f.severity == Severity.WARNING
    ]
    assert len(wrong) == 1 and "'.;'" in wrong[0].message
