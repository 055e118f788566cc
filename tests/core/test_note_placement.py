"""Footnotes read from UN XML flattened to text land where the UN's XML puts them, in English, French and Spanish.

The expected place of each note is the XML's own <authorialNote>: the flattening (tests/core/test_text_structure)
prints its number glued where the element stands, and the letters and digits before it on its printed line are
what must precede the note's reference in the model read back. Files: tests/fixtures/languages/notes (README).
scripts/note_placement.py measures the same on every resolution of sessions 75-77.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from app import inline
from app.io.text_reader import read_text
from app.model import Resolution
from tests.core.test_text_structure import flatten

NOTES = Path(__file__).parent.parent / "fixtures" / "languages" / "notes"
TAIL = 16  # letters and digits compared before each reference
_SENTINEL = re.compile(r"\x01(\d+)\x02")
_NOT_ALNUM = re.compile(r"[\W_]+")
_REF = re.compile(r"\[\^([A-Za-z0-9_-]+)\]")


def _tail(text: str) -> str:
    return _NOT_ALNUM.sub("", text)[-TAIL:]


def expected_places(xml: bytes) -> list[str]:
    """Per note, in order: the letters and digits before its reference on its printed line (the UN's place)."""
    text = flatten(xml, lambda n: f"\x01{n}\x02")
    text = text[: text.rfind("\n__________________\n")] if "__________________" in text else text
    out = []
    for m in _SENTINEL.finditer(text):
        before = text[text.rfind("\n", 0, m.start()) + 1 : m.start()]
        out.append(_tail(_SENTINEL.sub("", before)))
    return out


def _fields(res: Resolution) -> list[str]:
    out = [res.title, res.part_title]
    for p in [*(p for _, p in res.paragraphs()), *res.annex_paragraphs()]:
        out += [p.heading, f"{p.opener} {p.text} {p.tail}"]
    return out + [unit.title for unit in [*res.later_parts, *res.annexes]] + list(res.unplaced)


def read_places(res: Resolution) -> list[str]:
    """Per footnote of the model, in its order: the letters and digits before its reference."""
    found: dict[str, str] = {}
    for field in _fields(res):
        for m in _REF.finditer(field):
            found.setdefault(m.group(1), _tail(inline.plain(_REF.sub("", field[: m.start()]))))
    return [found.get(fid, "") for fid in res.footnotes]


def same_place(want: str, have: str) -> bool:
    return have == want or (len(want) < TAIL and have.endswith(want))


@pytest.mark.parametrize("name", sorted(p.name for p in NOTES.glob("*.xml")))
def test_every_note_lands_where_the_un_xml_has_it(name: str) -> None:
    """Spanish and French glue the number before the punctuation ("de 2021⁴,", "Programa 21³;") and after a
    closing guillemet ("voulons »⁶,"); a decimal comma ("35,4 %") and a name's number are no markers."""
    xml = (NOTES / name).read_bytes()
    want = expected_places(xml)
    result = read_text(flatten(xml))
    have = read_places(result.resolution)
    assert want and len(have) == len(want)
    assert [
        (k, w, h) for k, (w, h) in enumerate(zip(want, have, strict=True), start=1) if not same_place(w, h)
    ] == []
    assert not [f for f in result.findings if f.rule == "import.footnote-unplaced"]


@pytest.mark.parametrize("name", sorted(p.name for p in NOTES.glob("*.xml")))
def test_a_marker_left_out_is_still_reported_and_the_others_stay(name: str) -> None:
    """The real mistake of the same shape: a note whose number is missing from the text is reported unplaced,
    and the notes after it are still found at their own markers."""
    xml = (NOTES / name).read_bytes()
    want = expected_places(xml)
    gone = len(want) // 2 + 1  # a note in the middle
    result = read_text(flatten(xml, lambda n: "" if n == gone else str(n)))
    unplaced = [f for f in result.findings if f.rule == "import.footnote-unplaced"]
    assert len(unplaced) == 1 and f"footnote {gone} " in unplaced[0].message
    have = read_places(result.resolution)
    assert all(
        same_place(w, h) for k, (w, h) in enumerate(zip(want, have, strict=True), start=1) if k != gone
    )
