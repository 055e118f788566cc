"""Annexes and parts A, B read from plain text, checked against the UN's own XML markup.

The texts are made here from the UN XML by a plain flattening, one block per line with footnote numbers glued
to the words and the footnote texts at the end, as the corpus renderings of adopted resolutions were made
(tests/fixtures/corpus/README.md); the expected structure is read from the XML markup itself (attachments,
heading classes, <num>, components), never from our own writers or readers.
Files: tests/fixtures/structure/, from https://github.com/UNxml/GAresolutions at commit 42a69b67 (the
{session}session/English/ folder of each).
"""

from __future__ import annotations

import re
import textwrap
from collections.abc import Callable
from pathlib import Path

import pytest
from lxml import etree

from app import inline
from app.io.text_reader import read_text
from app.io.text_writer import to_text
from app.model import Annex, Paragraph, Resolution
from app.render import render

FIXTURES = Path(__file__).parent.parent / "fixtures" / "structure"
ANNEXED = ["A_RES_77_5-2225005E.xml", "75_129_E.xml", "A_RES_76_113-2118669E.xml"]
IN_PARTS = ["75_101A-B_E.xml"]
_HEADING_CLASSES = ("H1", "HCh", "H23", "H4", "H56")
_SUB = re.compile(r"^\((?:[a-z]{1,2}|[ivx]{1,5})\)")


def _local(el: etree._Element) -> str:
    return etree.QName(el).localname if isinstance(el.tag, str) else ""


def _words(text: str) -> str:
    return " ".join(text.replace("\x03", "").split())


def _inside(el: etree._Element, *names: str) -> bool:
    return any(_local(a) in names for a in el.iterancestors())


def _paragraph_of(el: etree._Element) -> etree._Element | None:
    return next((a for a in el.iterancestors() if _local(a) == "paragraph"), None)


def _numbered_of(el: etree._Element) -> etree._Element | None:
    """The nearest paragraph or list point holding the element that has its own <num>."""
    for a in el.iterancestors():
        if any(_local(c) == "num" for c in a):
            return a
        if _local(a) == "paragraph":
            return None
    return None


def _first_line(owner: etree._Element) -> etree._Element | None:
    return next((e for e in owner.iter() if _local(e) in ("p", "heading", "subheading")), None)


def _num(paragraph: etree._Element | None) -> str:
    num = next((c for c in paragraph if _local(c) == "num"), None) if paragraph is not None else None
    return _words("".join(num.itertext())) if num is not None else ""


def flatten(xml: bytes, mark: Callable[[int], str] = str) -> str:
    """One block per printed line: every <p>, <heading> and <subheading> (with its paragraph's <num>), notes at
    the end. `mark(n)` is what note n's reference prints as (its number, glued where the XML has it)."""
    root = etree.fromstring(xml)
    notes: list[str] = []

    def text_of(el: etree._Element) -> str:
        out = [el.text or ""]
        for child in el:
            if _local(child) == "authorialNote":
                notes.append(_words("".join(child.itertext())))
                out.append(mark(len(notes)) + "\x03")  # a word right after a note is spaced, as printed
            elif _local(child) == "eol":
                out.append("\n")
            else:
                out.append(text_of(child))
            out.append(child.tail or "")
        # the sentinel after a note: a space where a word follows (the printed text has one, the XML may not:
        # "2013,<authorialNote/><a>27/21</a>"), kept only at the end, where the word may come from the parent
        joined = re.sub("\x03(?=\\w)", " ", "".join(out))
        return re.sub("\x03(?!$)", "", joined)

    blocks: list[str] = []
    for el in root.iter():
        if _local(el) == "doc" and el.get("name") == "annex" and not _annex_heading(el):
            blocks.append("Annex")  # the XML names the attachment an annex; the PDF prints the word
        if _local(el) not in ("p", "heading", "subheading") or _inside(el, "meta", "authorialNote"):
            continue
        if _inside(el, "preface") and any(_local(c) == "docNumber" for c in el):
            # a part's letter prints on its own line, its title below it; a resolution's number ("75/100.")
            # on the line of its title
            lines = [_words(text_of(c)) for c in el if _words(text_of(c))]
            if len(lines) > 1 and re.fullmatch(r"\d+/\d+\.", lines[0]):
                lines = [f"{lines[0]} {lines[1]}", *lines[2:]]
            blocks += lines
            continue
        text = "\n".join(_words(line) for line in text_of(el).split("\n"))
        para = _paragraph_of(el)
        if para is not None and para.get("class") in _HEADING_CLASSES:
            text = text.lstrip(". ")  # the XML repeats the numeral's dot ("I." + ".\tEstablishment")
        owner = _numbered_of(el)
        # a number prints once, before the first line of its paragraph or list point
        if owner is not None and _first_line(owner) is el:
            text = f"{_num(owner)} {text}"
        if text.strip():
            blocks.append(text.strip())
    if notes:
        blocks.append("__________________")
        blocks += [f"{i} {note}" for i, note in enumerate(notes, start=1)]
    return "\n\n".join(blocks) + "\n"


def _annex_heading(doc: etree._Element) -> bool:
    first = next((p for p in doc.iter() if _local(p) == "paragraph"), None)
    return first is not None and bool(re.fullmatch(r"Annex(?: [IVX]+)?", _words("".join(first.itertext()))))


def _xml(name: str) -> bytes:
    return (FIXTURES / name).read_bytes()


def _subs(para: Paragraph) -> int:
    return sum(1 for _ in para.walk()) - 1


def expected_annexes(xml: bytes) -> list[tuple[str, list[tuple[bool, int, int]]]]:
    """Per attachment: its title and, per top-level paragraph, (numbered, heading lines before it,
    subparagraphs), from the XML classes and <num>."""
    root = etree.fromstring(xml)
    out = []
    for attachment in (e for e in root.iter() if _local(e) == "attachment"):
        paras = [e for e in attachment.iter() if _local(e) == "paragraph"]
        texts = [_words("".join(t for t in p.itertext())) for p in paras]
        skip = 1 if re.fullmatch(r"Annex(?: [IVX]+)?", texts[0]) else 0  # the word, when the XML prints it
        title, rest = texts[skip], list(zip(paras[skip + 1 :], texts[skip + 1 :], strict=True))
        shape: list[list] = []
        heading = 0
        for para, text in rest:
            num = _num(para)
            if para.get("class") in _HEADING_CLASSES:
                heading += 2 if num else 1  # "I." over its title: two printed lines
            elif _SUB.match(num or text) and shape:
                shape[-1][2] += 1
            else:
                shape.append([bool(re.fullmatch(r"\d+\.", num)), heading, 0])
                heading = 0
        out.append((title, [tuple(s) for s in shape]))
    return out


@pytest.mark.parametrize("name", ANNEXED)
def test_annexes_read_from_text_as_the_xml_marks_them(name: str) -> None:
    xml = _xml(name)
    res = read_text(flatten(xml)).resolution
    want = expected_annexes(xml)
    got = [
        (inline.plain(a.title), [(p.numbered, len(p.heading.splitlines()), _subs(p)) for p in a.paragraphs])
        for a in res.annexes
    ]
    assert got == want
    assert not res.unplaced
    # the operative part ends before the annex: the last operative paragraph is the XML's last numbered one
    root = etree.fromstring(xml)
    body = next(e for e in root.iter() if _local(e) == "mainBody" and not _inside(e, "attachment"))
    numbers = [_num(p) for p in body.iter() if _local(p) == "paragraph" and re.fullmatch(r"\d+\.", _num(p))]
    assert len(res.operative) == (len(numbers) or 1)


def test_footnotes_inside_an_annex_attach_there() -> None:
    xml = _xml("75_129_E.xml")
    root = etree.fromstring(xml)
    attachment = next(e for e in root.iter() if _local(e) == "attachment")
    want = [_words("".join(n.itertext())) for n in attachment.iter() if _local(n) == "authorialNote"]
    res = read_text(flatten(xml)).resolution
    got = [
        inline.plain(res.footnotes[ref].text)
        for p in res.annex_paragraphs()
        for ref in inline.footnote_ids(p.text + p.tail)
    ]
    assert want and got == want


def expected_parts(xml: bytes) -> list[tuple[str, int, int]]:
    """Per component: its title, preambular paragraphs (containers) and operative paragraphs (numbered, or the
    one paragraph of an unnumbered operative part)."""
    root = etree.fromstring(xml)
    out = []
    for comp in (e for e in root.iter() if _local(e) == "component" and _inside(e, "components")):
        title = next((_words("".join(t.itertext())) for t in comp.iter() if _local(t) == "docTitle"), "")
        pre = [c for p in comp.iter() if _local(p) == "preamble" for c in p if _local(c) == "container"]
        body = [
            p for b in comp.iter() if _local(b) == "mainBody" for p in b.iter() if _local(p) == "paragraph"
        ]
        numbered = [p for p in body if re.fullmatch(r"\d+\.", _num(p))]
        out.append((title, len(pre), len(numbered) or min(1, len(body))))
    return out


@pytest.mark.parametrize("name", IN_PARTS)
def test_parts_read_from_text_as_the_xml_marks_them(name: str) -> None:
    xml = _xml(name)
    res = read_text(flatten(xml)).resolution
    got = [(inline.plain(p.title), len(p.preamble), len(p.operative)) for p in res.parts()]
    assert got == expected_parts(xml)
    assert len(got) > 1 and not res.unplaced


@pytest.mark.parametrize("name", ANNEXED + IN_PARTS)
def test_text_export_of_a_structured_resolution_reads_back_the_same(name: str) -> None:
    res = read_text(flatten(_xml(name))).resolution
    back = read_text(to_text(res)).resolution

    def shape(r: Resolution) -> tuple:
        """Everything but ids: footnote references by the text of their notes, in printed order."""

        def para(x: Paragraph) -> tuple:
            return (
                x.heading,
                x.numbered,
                x.opener,
                inline.plain(x.text),
                inline.plain(x.tail),
                [para(s) for s in x.subparagraphs],
            )

        parts = [(p.title, [para(x) for x in p.preamble], [para(x) for x in p.operative]) for p in r.parts()]
        annexes = [(a.title, [para(x) for x in a.paragraphs]) for a in r.annexes]
        return parts, annexes, [text for _, _, text in render(r).footnotes]

    assert shape(back) == shape(res)


def test_headings_wrapped_with_their_titles_as_copied_from_a_pdf() -> None:
    """No blank line between "B" or "Annex II" and the title under it: still a part and an annex."""
    text = (
        "Questions relating to information\n\nA\nInformation\n\nThe General Assembly,\n\n1. *Decides* to act;\n\n2. *Requests* a report.\n\n"
        "B\nCommunications policies\n\nThe General Assembly,\n\n*Recalling* its resolution 74/1,\n\n"
        "1. *Decides* to continue.\n\nAnnex I\nTerms of reference\n\n1. The Group meets.\n\n"
        "Annex II\nRules of\nprocedure\n\nThe rules apply.\n"
    )
    res = read_text(text).resolution
    assert [p.title for p in res.parts()] == ["Information", "Communications policies"]
    assert [len(p.operative) for p in res.parts()] == [2, 1]
    assert [(a.title, [p.numbered for p in a.paragraphs]) for a in res.annexes] == [
        ("Terms of reference", [True]),
        ("Rules of procedure", [False]),
    ]


def test_a_text_adopted_in_the_operative_part_reads_as_an_unlabelled_annex() -> None:
    """A/RES/79/1 flattened: "Adopts the following Pact for the Future and its annexes:", the Pact's title,
    then its own numbered paragraphs. The AKN reader's reading of the same file is the answer: the operative
    part ends at the colon and the Pact is an annex printed under its title alone."""
    from app.io.akn_reader import read_akn

    path = Path(__file__).parent.parent / "fixtures" / "akn" / "A_RES_79_1-2416433E.xml"
    xml = path.read_bytes()
    want = read_akn(xml).resolution
    got = read_text(flatten(xml)).resolution
    assert [inline.plain(p.text) for p in got.operative] == [inline.plain(p.text) for p in want.operative]
    assert len(got.preamble) == len(want.preamble)
    first, adopted = got.annexes[0], want.annexes[0]
    assert (first.labelled, inline.plain(first.title)) == (adopted.labelled, inline.plain(adopted.title))
    assert not first.labelled
    # the Pact's paragraphs start the annex as the XML numbers them, none of them read as operative
    n = len(adopted.paragraphs)
    assert [inline.plain(p.text)[:60] for p in first.paragraphs[:10]] == [
        inline.plain(p.text)[:60] for p in adopted.paragraphs[:10]
    ] and n > 10
    # and the text writer's export reads back the same way
    back = read_text(to_text(got)).resolution
    assert [(a.labelled, a.title, len(a.paragraphs)) for a in back.annexes] == [
        (a.labelled, a.title, len(a.paragraphs)) for a in got.annexes
    ]
    assert len(back.operative) == len(got.operative)


def test_an_adopted_text_after_a_colon_in_pdf_text_reads_as_an_unlabelled_annex() -> None:
    """The PDF-text form: the title of the adopted text runs over lines with blank lines around it, and the
    text opens in its own voice ("We, …,") with no number; the title must not run on into that paragraph."""
    text = (
        "The General Assembly\n\nAdopts the following outcome document of the high-level meeting on the\n"
        "review of the Summit:\n\n\n Outcome document of the high-level meeting on the review of\n"
        "the Summit\n\n\nWe, the Ministers, assembled in New York on 16 and 17 December 2025,\n\n"
        "Recalling the outcome document of the Summit,\n\nIntroduction\n\n1.\nWe reaffirm our commitment;\n\n"
        "2.\nWe further reaffirm our commitment.\n"
    )
    res = read_text(text).resolution
    assert len(res.operative) == 1 and res.operative[0].opener == "Adopts"
    (annex,) = res.annexes
    assert not annex.labelled
    assert annex.title == "Outcome document of the high-level meeting on the review of the Summit"
    assert [p.numbered for p in annex.paragraphs] == [False, False, True, True]
    assert annex.paragraphs[2].heading == "Introduction"


def _pdftotext_shape(flat: str) -> str:
    """Flattened UN XML set as pdftotext gives an L draft's page: printed lines of about 85 characters, no blank
    line between paragraphs, a paragraph's number alone on its line, and a blank line only where a title stands
    apart, after the paragraph that adopts it ("…:")."""
    lines: list[str] = []
    for block in flat.split("\n\n"):
        number = re.match(r"(\d+\.) (?=\S)", block)
        if number:
            lines.append(number.group(1))
            block = block[number.end() :]
        lines += textwrap.wrap(" ".join(block.split()), 85)
        if block.rstrip().endswith(":"):
            lines.append("")
    return "\n".join(lines) + "\n"


@pytest.mark.parametrize("fixture", ["akn/A_RES_79_1-2416433E.xml", "structure/75_1_E.xml"])
def test_an_adopted_text_in_pdftotext_form_reads_as_an_unlabelled_annex(fixture: str) -> None:
    """The same text as pdftotext gives it: "Adopts the following …:", a blank line, the title's lines, then
    "1." alone over the adopted text's first lines. The title must not run into paragraph 1, and paragraph 1
    must not split from its number; the UN XML read by the AKN reader is the answer."""
    from app.io.akn_reader import read_akn

    xml = (Path(__file__).parent.parent / "fixtures" / fixture).read_bytes()
    want = read_akn(xml).resolution
    got = read_text(_pdftotext_shape(flatten(xml))).resolution
    assert [p.opener for p in got.operative] == [p.opener for p in want.operative]
    assert [(a.labelled, inline.plain(a.title)) for a in got.annexes[:1]] == [
        (a.labelled, inline.plain(a.title)) for a in want.annexes[:1]
    ]

    def starts(res: Resolution) -> list[str]:  # "* * *" between sections is a separator to the text reader
        texts = [inline.plain(p.text)[:60] for p in res.annexes[0].paragraphs]
        return [t for t in texts if t.replace("*", "").strip()][:10]

    assert starts(got) == starts(want)


@pytest.mark.parametrize("closing", [True, False], ids=["closing lines", "annex right after the text"])
@pytest.mark.parametrize("name", ["75_325_E.xml"])
def test_an_annexed_oath_in_pdftotext_form_reads_as_the_xml_marks_it(name: str, closing: bool) -> None:
    """An annex as pdftotext gives it, no blank line anywhere: "Annex", its title, then the oath in its own voice
    ("I, [name], solemnly swear", A/RES/75/325), after the adoption's closing lines or right after the last
    paragraph's full stop, as a draft sets it. The oath opens the annex's text under its title, and the annex
    reads as the UN XML marks it (the AKN reader's reading is the answer)."""
    from app.io.akn_reader import read_akn

    xml = _xml(name)
    want = read_akn(xml).resolution.annexes
    flat = flatten(xml)
    if not closing:  # "…th plenary meeting" and its date
        flat = re.sub(r"\n+\d+\w\w plenary meeting\n+[^\n]+(?=\n+Annex\n)", "", flat)
        assert not re.search(r"\d\w\w plenary meeting\n", flat.partition("\n\nAnnex")[0][-200:])
    got = read_text(_pdftotext_shape(flat)).resolution.annexes
    assert [inline.plain(a.title) for a in got] == [inline.plain(a.title) for a in want]

    def shape(annex: Annex) -> list[tuple[bool, str, str]]:
        return [(p.numbered, p.heading, inline.plain(p.text)[:40]) for p in annex.paragraphs]

    assert [shape(a) for a in got] == [shape(a) for a in want]


@pytest.mark.parametrize("name", IN_PARTS)
def test_parts_in_pdftotext_form_read_as_the_xml_marks_them(name: str) -> None:
    """Parts A and B as pdftotext gives them, no blank line anywhere: "A" and its title at the end of the
    header's lines, part A's closing lines ("41st plenary meeting" / "10 December 2020") right over "B", a
    heading of three lines over a numbered paragraph. Each part's title and counts are the XML's."""
    xml = _xml(name)
    res = read_text(_pdftotext_shape(flatten(xml))).resolution
    got = [(inline.plain(p.title), len(p.preamble), len(p.operative)) for p in res.parts()]
    assert got == expected_parts(xml)
    assert not res.unplaced
