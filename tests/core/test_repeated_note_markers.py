"""A note cited a second time is one footnote referenced twice, never a number in the text.

Texts of 2019 and before print a note's number again where the note is cited again ("Takes note of the report of
the Secretary-General;5"); the UN's XML marks it `<sup>5</sup>` after the note's own `authorialNote marker="5"`.
The expected places come from that XML: each such `<sup>` names the note it cites again, and the letters before
it say where. Read from the XML itself and from its text flattened as a PDF's text layer prints it, each must be a
reference to the same footnote as the note's first citation, and the export to Word must keep it so.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from lxml import etree

from app import inline
from app.io.docx_writer import write_docx
from app.io.reading import read_data
from app.io.text_reader import read_text
from app.model import Resolution
from tests.core.test_text_structure import flatten

XML = Path(__file__).parent.parent / "fixtures" / "akn" / "A_RES_74_117.xml"
TAIL = 12  # letters compared before each reference
_REF = re.compile(r"\[\^([A-Za-z0-9_-]+)\]")


def _letters(text: str) -> str:
    return re.sub(r"[\W\d_]+", "", text)[-TAIL:]


def cited_again(xml: bytes) -> list[tuple[str, int]]:
    """(letters before it, index of the note it cites) of every `<sup>` that repeats an earlier note's marker."""
    root = etree.fromstring(xml)
    first: dict[str, int] = {}
    out = []
    before = ""
    for el in root.iter():
        name = etree.QName(el).localname if isinstance(el.tag, str) else ""
        if name == "authorialNote":
            first.setdefault(el.get("marker", ""), len(first))
        elif name == "sup" and "".join(el.itertext()).strip() in first:
            p = next(a for a in el.iterancestors() if etree.QName(a).localname == "p")
            text = (p.text or "") + "".join(
                "".join(c.itertext()) + (c.tail or "")
                for c in p
                if etree.QName(c).localname != "authorialNote" and c.getparent() is p
            )
            at = text.find("".join(el.itertext()), 0)
            before = text[: at if at > 0 else len(text)]
            out.append((_letters(before), first["".join(el.itertext()).strip()]))
    return out


def references(res: Resolution) -> list[tuple[str, str]]:
    """(letters before it, footnote id) of every reference in the paragraphs, in reading order."""
    out = []
    for _, para in res.paragraphs():
        text = f"{para.opener} {para.text}"
        for m in _REF.finditer(text):
            out.append((_letters(inline.plain(text[: m.start()])), m.group(1)))
    return out


def citations(res: Resolution) -> list[int]:
    """For each reference in reading order, the number its note prints under (the order of first citation)."""
    order: dict[str, int] = {}
    return [order.setdefault(fid, len(order) + 1) for _, fid in references(res)]


def _read(how: str, xml: bytes) -> Resolution:
    if how == "xml":
        return read_data(xml, "draft.xml").resolution
    return read_text(flatten(xml)).resolution


@pytest.mark.parametrize("how", ["xml", "text"])
def test_a_note_cited_again_is_a_second_reference_to_it(how: str) -> None:
    xml = XML.read_bytes()
    expected = cited_again(xml)
    assert expected, "the fixture cites a note again"
    res = _read(how, xml)
    refs = references(res)
    order = list(dict.fromkeys(fid for _, fid in refs))  # footnote ids in order of first citation
    notes = len(etree.fromstring(xml).findall(".//{*}authorialNote"))
    assert len(res.footnotes) == notes  # one footnote per note, however often cited
    for letters, note in expected:
        assert (letters, order[note]) in refs
    for _, para in res.paragraphs():
        assert not re.search(r"[a-z;,]\d{1,2}$", inline.plain(para.text))  # no number left glued at the end


def test_the_second_reference_survives_word(tmp_path: Path) -> None:
    res = read_data(XML.read_bytes(), "draft.xml").resolution
    write_docx(res, tmp_path / "draft.docx")
    back = read_data((tmp_path / "draft.docx").read_bytes(), "draft.docx").resolution
    assert len(back.footnotes) == len(res.footnotes)
    assert citations(back) == citations(res)
    assert max(citations(res)) == len(res.footnotes) < len(citations(res))


NOTE = b'<authorialNote marker="2" placement="bottom"><p>A/74/1.</p></authorialNote>'


def _akn(body: bytes) -> bytes:
    return (
        b'<akomaNtoso xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0"><statement name="resolution">'
        b'<preamble><formula name="enactingFormula"><p><span class="italic">The General Assembly</span>,</p>'
        b'</formula><container name="Recalling"><p><span class="italic">Recalling</span> the report,'
        + NOTE
        + b" and the area of 5 km<sup>2</sup>,</p></container></preamble><mainBody><paragraph><num>1.</num>"
        b'<content><p><span class="italic">Takes note</span> '
        + body
        + b"</p></content></paragraph></mainBody></statement></akomaNtoso>"
    )


def test_a_power_or_a_number_of_no_earlier_note_stays_text() -> None:
    res = read_data(_akn(b"of the report;<sup>7</sup>"), "draft.xml").resolution
    assert "km2" in inline.plain(res.preamble[0].text).replace(" ", "")
    assert inline.plain(res.operative[0].text).endswith("7")
    assert len(res.footnotes) == 1


def test_text_leaves_a_number_before_its_note_alone() -> None:
    """In text, only the number of a note already cited is read as citing it again (the flattening numbers the
    notes in turn: the one note prints as 1)."""
    xml = _akn(b"of the Initiative<sup>3</sup> and of the report;<sup>1</sup>")
    res = read_text(flatten(xml)).resolution
    assert "Initiative3" in inline.plain(res.operative[0].text).replace(" ", "")
    assert "km2" in inline.plain(res.preamble[0].text).replace(" ", "")
    first = _REF.search(res.preamble[0].text)
    assert first and res.operative[0].text.endswith(first.group())


_NOTEREF = re.compile(
    r'<w:r>(?:(?!</w:r>).)*?<w:fldChar w:fldCharType="begin"/></w:r>'
    r"<w:r>(?:(?!</w:r>).)*?NOTEREF.*?<w:t>(?P<shown>[^<]*)</w:t></w:r>"
    r'<w:r>(?:(?!</w:r>).)*?<w:fldChar w:fldCharType="end"/></w:r>',
    re.S,
)
_SUPER = '<w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr><w:t>{}</w:t></w:r>'


def test_a_number_typed_in_superscript_in_word_cites_its_footnote_again(tmp_path: Path) -> None:
    """A delegate who types the number of a note again in superscript, instead of Word's cross-reference,
    cites the note again: one footnote, two references; a power ("km²") stays text."""
    import zipfile

    res = read_data(XML.read_bytes(), "draft.xml").resolution
    res.preamble[0].text += " over 5 km"
    write_docx(res, tmp_path / "a.docx")
    with zipfile.ZipFile(tmp_path / "a.docx") as z:
        parts = {n: z.read(n) for n in z.namelist()}
    xml = parts["word/document.xml"].decode()
    typed, count = _NOTEREF.subn(lambda m: _SUPER.format(m.group("shown")), xml)
    assert count == len(cited_again(XML.read_bytes()))  # the export wrote each as Word's cross-reference
    typed = typed.replace("over 5 km</w:t></w:r>", "over 5 km</w:t></w:r>" + _SUPER.format(2), 1)
    parts["word/document.xml"] = typed.encode()
    with zipfile.ZipFile(tmp_path / "b.docx", "w") as z:
        for name, data in parts.items():
            z.writestr(name, data)
    back = read_data((tmp_path / "b.docx").read_bytes(), "draft.docx").resolution
    assert len(back.footnotes) == len(res.footnotes)
    assert citations(back) == citations(res)  # each reference cites the same note, numbered in turn
    assert inline.plain(back.preamble[0].text).replace(" ", "").endswith("km2")


def test_a_word_after_a_note_keeps_its_space() -> None:
    """Where the XML's note element touches the word or citation after it ("2013,<note/><a>27/21</a>"), the
    printed text has a space: read it so, or the export prints "2013,²27/21"."""
    path = XML.parent / "A_RES_74_154.xml"
    xml = path.read_bytes()
    touching = re.findall(rb"</authorialNote>(?:<a [^>]*>)?[A-Za-z0-9]", xml)
    assert touching
    res = read_data(xml, "draft.xml").resolution
    texts = [f"{p.opener} {p.text}" for _, p in res.paragraphs()]
    assert sum(len(re.findall(r"\]\s[A-Za-z0-9]", t)) for t in texts) >= len(touching)
    assert not any(re.search(r"\[\^[\w-]+\][A-Za-z0-9]", t) for t in texts)
