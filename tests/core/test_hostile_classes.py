"""Whole classes of hostile input, built by hypothesis: numbering values, footnote graphs, nesting, sizes.

A reader or check returns a result or one of our one-line errors; nothing else escapes and nothing hangs
(hang guards are far above any real run: they turn a hang into a failure and time nothing)."""

from __future__ import annotations

import re
import sys
from datetime import timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from fixtures.robust.hostile import hang_guard, sample, xml_parts  # noqa: E402
from fixtures.robust.strategies import LIST_SIZES, NUMBER_TEXT, note_graphs  # noqa: E402

from app import inline  # noqa: E402
from app.conventions.engine import check_document  # noqa: E402
from app.conventions.sponsors import MAX_LIST_FIXES  # noqa: E402
from app.digits import to_int  # noqa: E402
from app.errors import ResoluteError  # noqa: E402
from app.formatting import roman  # noqa: E402
from app.io.akn_reader import read_akn  # noqa: E402
from app.io.akn_writer import to_akn  # noqa: E402
from app.io.docx_reader import read_docx  # noqa: E402
from app.io.docx_writer import build_docx  # noqa: E402
from app.io.text_reader import read_text  # noqa: E402
from app.io.text_writer import to_text  # noqa: E402
from app.states import member_states  # noqa: E402
from tests.docx_parts import repack

HANG = 20.0
CASES = settings(
    max_examples=25,
    deadline=timedelta(seconds=10),
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
NUMBERING = "word/numbering.xml"


@given(NUMBER_TEXT)
def test_to_int_takes_only_bounded_ascii_digits(text: str) -> None:
    got = to_int(text, signed=True)
    s = text.strip().removeprefix("-")
    if s.isascii() and s.isdigit() and len(s) <= 9:
        assert got == int(text)
    else:
        assert got is None


def test_roman_numerals_are_bounded() -> None:
    assert roman(3999) == "mmmcmxcix"
    assert roman(10**12) == str(10**12)  # figures, not a billion "m"


def numbered_docx(value: str, where: str) -> bytes:
    """A Word draft whose paragraphs use automatic numbering, with `value` put in one numbering field."""
    res = sample(paragraphs=8)
    blob = build_docx(res)
    parts = xml_parts(blob)
    w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    esc = value.replace("&", "&amp;").replace('"', "&quot;").replace("<", "&lt;")
    ilvl = esc if where == "ilvl" else "0"
    start = esc if where == "start" else "1"
    override = (
        f'<w:lvlOverride w:ilvl="{ilvl}"><w:startOverride w:val="{esc}"/></w:lvlOverride>'
        if where == "override"
        else ""
    )
    numbering = (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:numbering xmlns:w="{w}">'
        f'<w:abstractNum w:abstractNumId="7"><w:lvl w:ilvl="{ilvl}"><w:start w:val="{start}"/>'
        '<w:numFmt w:val="lowerRoman"/><w:lvlText w:val="%1."/></w:lvl></w:abstractNum>'
        f'<w:num w:numId="3"><w:abstractNumId w:val="7"/>{override}</w:num></w:numbering>'
    )
    xml = parts["word/document.xml"].decode("utf-8")
    para_ilvl = esc if where == "para-ilvl" else "0"
    num = f'<w:numPr><w:ilvl w:val="{para_ilvl}"/><w:numId w:val="3"/></w:numPr>'
    xml = re.sub(r'(<w:pStyle w:val="UNOperative"/>)', r"\1" + num.replace("\\", r"\\"), xml)
    changes = {"word/document.xml": xml.encode("utf-8"), NUMBERING: numbering.encode("utf-8")}
    if NUMBERING not in parts:
        types = parts["[Content_Types].xml"].replace(
            b"</Types>",
            b'<Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-'
            b'officedocument.wordprocessingml.numbering+xml"/></Types>',
        )
        rels = parts["word/_rels/document.xml.rels"].replace(
            b"</Relationships>",
            b'<Relationship Id="rId99" Type="http://schemas.openxmlformats.org/officeDocument/'
            b'2006/relationships/numbering" Target="numbering.xml"/></Relationships>',
        )
        changes |= {"[Content_Types].xml": types, "word/_rels/document.xml.rels": rels}
    return repack(blob, changes)


@CASES
@given(NUMBER_TEXT, st.sampled_from(["start", "override", "ilvl", "para-ilvl"]))
def test_any_numbering_value_reads_or_refuses_in_one_line(value: str, where: str) -> None:
    data = numbered_docx(value, where)
    try:
        with hang_guard(HANG):
            result = read_docx(data, name="numbered.docx")
    except ResoluteError as exc:
        assert "\n" not in str(exc)
        return
    for _, para in result.resolution.paragraphs():
        assert len(para.text) < 10_000  # no label of a million "m"


def test_a_word_list_starting_at_ten_to_the_twelfth_reads() -> None:
    with hang_guard(HANG):
        result = read_docx(numbered_docx(str(10**12), "start"))
    paragraphs = [p for _, p in result.resolution.paragraphs()]
    assert len(paragraphs) >= 8 and all(len(p.text) < 1000 for p in paragraphs)


# --- footnote graphs ----------------------------------------------------------------------------------------


def akn_with_notes(n: int, refs: list[list[int]], body: list[int]) -> bytes:
    xml = to_akn(sample(paragraphs=4, footnotes=0)).decode("utf-8")
    notes = "".join(
        f'<note eId="n{i}" marker="{i + 1}"><p>Note {i}'
        + "".join(f' see<noteRef href="#n{j}" marker="{j + 1}"/>' for j in targets)
        + "</p></note>"
        for i, targets in enumerate(refs)
    )
    xml = xml.replace("</meta>", f"<notes>{notes}</notes></meta>", 1)
    marks = "".join(f' and<noteRef href="#n{j}" marker="{j + 1}"/>' for j in body)
    anchor = "the work of paragraph 2"
    assert anchor in xml
    return xml.replace(anchor, anchor + marks, 1).encode("utf-8")


@CASES
@given(note_graphs())
def test_any_graph_of_akn_notes_reads_each_note_once(graph: tuple[int, list[list[int]], list[int]]) -> None:
    n, refs, body = graph
    with hang_guard(HANG):
        result = read_akn(akn_with_notes(n, refs, body), name="notes.xml")
    res = result.resolution
    assert len(res.footnotes) == len(set(body))  # every note the body refers to, once, however it is reached
    texts = sorted(inline.plain(f.text).split(" see")[0] for f in res.footnotes.values())
    assert texts == sorted(f"Note {i}" for i in set(body))


@pytest.mark.parametrize("refs", [1000, 2000])
def test_thousands_of_akn_note_references_read(refs: int) -> None:
    with hang_guard(HANG):
        result = read_akn(akn_with_notes(50, [[i] for i in range(50)], [k % 50 for k in range(refs)]))
    assert len(result.resolution.footnotes) == 50


def test_a_word_footnote_that_refers_to_itself_through_a_text_box_reads() -> None:
    blob = build_docx(sample(paragraphs=6, footnotes=1))
    parts = xml_parts(blob)
    notes = parts["word/footnotes.xml"].decode("utf-8")
    loop = (
        "<w:r><w:drawing><w:txbxContent><w:p><w:r><w:t>inside</w:t></w:r><w:r>"
        '<w:footnoteReference w:id="{id}"/></w:r></w:p></w:txbxContent></w:drawing></w:r>'
    )
    ids = re.findall(r'<w:footnote w:id="(\d+)"', notes)
    real = [i for i in ids if int(i) > 0]
    for i in real:
        notes = re.sub(
            rf'(<w:footnote w:id="{i}"[^>]*>.*?)(</w:p>)',
            lambda m, i=i: m.group(1) + loop.format(id=i) + m.group(2),
            notes,
            count=1,
            flags=re.S,
        )
    with hang_guard(HANG):
        result = read_docx(repack(blob, {"word/footnotes.xml": notes.encode("utf-8")}))
    assert result.resolution.footnotes


@pytest.mark.parametrize("length", [50, 2000])
def test_noteref_chains_and_cycles_in_word_read(length: int) -> None:
    """A chain of NOTEREF fields, each to the bookmark of the one before, closed into a cycle."""
    blob = build_docx(sample(paragraphs=6, footnotes=1))
    xml = xml_parts(blob)["word/document.xml"].decode("utf-8")
    anchor = "the work of paragraph 4 and the Charter of the United Nations</w:t></w:r>"
    refs = "".join(
        f'<w:bookmarkStart w:id="{900 + k}" w:name="_Ref{k}"/><w:r><w:fldChar w:fldCharType="begin"/></w:r>'
        f"<w:r><w:instrText> NOTEREF _Ref{(k - 1) % length} \\h </w:instrText></w:r>"
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>1</w:t></w:r>'
        f'<w:r><w:fldChar w:fldCharType="end"/></w:r><w:bookmarkEnd w:id="{900 + k}"/>'
        for k in range(length)
    )
    with hang_guard(HANG):
        result = read_docx(repack(blob, {"word/document.xml": xml.replace(anchor, anchor + refs).encode()}))
    assert result.resolution.operative


# --- sizes --------------------------------------------------------------------------------------------------


@settings(max_examples=6, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(LIST_SIZES)
def test_sponsor_lists_of_any_size_check_with_bounded_fixes(size: int) -> None:
    res = sample()
    names = member_states()
    res.header.sponsors = [names[i % len(names)] if i % 7 else "" for i in range(size)]
    with hang_guard(HANG):
        findings = check_document(res)
    whole_list = [f for f in findings if f.fix and f.fix.field == "sponsors" and f.rule != "sponsors.order"]
    assert len(whole_list) <= MAX_LIST_FIXES
    repeats = size - len(set(res.header.sponsors) - {""}) - res.header.sponsors.count("")
    assert sum(f.rule == "sponsors.duplicate" for f in findings) == repeats


@pytest.mark.parametrize("footnotes", [5000])
def test_thousands_of_footnotes_export_read_and_check(footnotes: int) -> None:
    res = sample(paragraphs=40, footnotes=footnotes)
    with hang_guard(60):
        back = read_docx(build_docx(res)).resolution
        check_document(back)
        read_text(to_text(res))
    assert len(back.footnotes) == footnotes
