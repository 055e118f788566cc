"""A note's marker is looked for in order: a later citation of a note must not take the place of its first, or
every later note is looked for past it and takes the numbers of the text for markers.

A/RES/74/181 glues note 9 to a resolution's number ("resolution 59/3009") and cites it again after a comma in an
operative paragraph ("the Group of Legal Experts,9"); a later paragraph lists "paragraphs 10, 12, 13, 15, 18, 20 and
30", numbers of notes too. The expected numbers are the XML's own: every number of the text's paragraphs, notes
aside, must be in the paragraphs read from the text flattened as a PDF's text layer prints it.
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

from lxml import etree

from app import inline
from app.io.text_reader import read_text
from tests.core.test_text_structure import flatten

XML = Path(__file__).parent.parent / "fixtures" / "akn" / "A_RES_74_181.xml"
_NUMBER = re.compile(r"\d+")


def _text_without_notes(el: etree._Element) -> str:
    out = [el.text or ""]
    for c in el:
        if isinstance(c.tag, str) and etree.QName(c).localname not in ("authorialNote", "sup"):
            out.append(_text_without_notes(c))
        out.append(c.tail or "")
    return "".join(out)


def xml_numbers(xml: bytes) -> Counter[str]:
    """The numbers the preamble's and the operative part's paragraphs print, notes (and a note's number printed
    again, `<sup>9</sup>`) and paragraph numbers aside."""
    root = etree.fromstring(xml)
    out: Counter[str] = Counter()
    for part in root.iter("{*}preamble", "{*}mainBody"):
        for p in part.iter("{*}p"):
            if not any(etree.QName(a).localname == "authorialNote" for a in p.iterancestors()):
                out.update(_NUMBER.findall(_text_without_notes(p)))
    return out


def test_no_number_of_the_text_is_taken_for_a_later_note() -> None:
    xml = XML.read_bytes()
    res = read_text(flatten(xml)).resolution
    read: Counter[str] = Counter()
    for _, para in res.paragraphs():
        read.update(_NUMBER.findall(inline.plain(f"{para.opener} {para.text} {para.tail}")))
    expected = xml_numbers(xml)
    assert expected - read == Counter()
    assert len(res.footnotes) == len(etree.fromstring(xml).findall(".//{*}authorialNote"))
