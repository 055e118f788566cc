"""A footnote's italics (the title of a publication it cites: "United Nations, *Treaty Series*, vol. 1760",
"*Official Records of the General Assembly, …, Supplement No. 53*") survive the UN XML and Word exports, and
Word read back.

Every UN XML fixture whose notes hold italics is used; the italic words of each note are read from the XML
itself (`<span class="italic">` inside `<authorialNote>`), and each exported note is found by its text."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from lxml import etree

from app.io.akn_reader import read_akn
from app.io.akn_writer import to_akn
from app.io.docx_reader import read_docx
from app.io.docx_writer import build_docx

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "akn"
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _words(node: etree._Element) -> str:
    return " ".join(node.xpath("string()").split())


def _akn_notes(xml: bytes) -> dict[str, list[str]]:
    """Each note's text (spaces normalised) → its italic words, in order."""
    root = etree.fromstring(xml)
    return {
        _words(note): " ".join(_words(s) for s in note.xpath('.//*[@class="italic"]')).split()
        for note in root.iter("{*}authorialNote")
    }


def _docx_notes(data: bytes) -> dict[str, list[str]]:
    """Each Word footnote's text → the words of its italic runs (w:i), in order."""
    root = etree.fromstring(zipfile.ZipFile(io.BytesIO(data)).read("word/footnotes.xml"))
    out = {}
    for note in root.iter(f"{W}footnote"):
        if int(note.get(f"{W}id", "0")) < 1:  # the separators
            continue
        text, italic = [], []
        for run in note.iter(f"{W}r"):
            words = "".join(t.text or "" for t in run.iter(f"{W}t"))
            text.append(words)
            props = run.find(f"{W}rPr")
            if props is not None and props.find(f"{W}i") is not None:
                italic.append(words)
        out[" ".join("".join(text).split())] = " ".join(italic).split()
    return out


_WITH_ITALIC_NOTES = [
    path for path in sorted(FIXTURES.glob("*.xml")) if any(_akn_notes(path.read_bytes()).values())
]


def test_the_fixtures_hold_notes_with_italics() -> None:
    assert len(_WITH_ITALIC_NOTES) >= 5  # 75/212's "*Treaty Series*" among them


@pytest.mark.parametrize("path", _WITH_ITALIC_NOTES, ids=lambda p: p.stem)
def test_a_notes_italics_survive_the_xml_and_word_exports(path: Path) -> None:
    source = {text: words for text, words in _akn_notes(path.read_bytes()).items() if words}
    res = read_akn(path.read_bytes()).resolution
    exported = _akn_notes(to_akn(res))
    word = build_docx(res)
    in_word = _docx_notes(word)
    for text, words in source.items():
        assert exported.get(text) == words, (text, exported.get(text))
        assert in_word.get(text) == words, (text, in_word.get(text))
    # Word read back: the same notes, italics marked as the model marks them
    back = read_docx(word).resolution
    assert sorted(n.text for n in back.footnotes.values()) == sorted(n.text for n in res.footnotes.values())
