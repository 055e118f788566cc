"""A UN XML body whose sections stand loose in `mainBody` (A/RES/76/246, special subjects of the programme
budget): `<subheading>I</subheading><subheading>Title</subheading>`, then the section's own preambular paragraphs
as `<crossHeading>` ("*Having considered* the report …,¹ …,²"), then its numbered paragraphs, with no group
around them. The headings, the section preambles and their 47 notes were dropped on opening, silently.

Everything expected is read from the XML itself: each loose subheading, each crossHeading, each note."""

from __future__ import annotations

import re
from pathlib import Path

from lxml import etree

from app import inline
from app.io.akn_reader import read_akn
from app.io.akn_writer import to_akn
from app.model import Resolution

FIXTURE = Path(__file__).resolve().parent.parent / "fixtures" / "akn" / "A_RES_76_246-2119713E.xml"


def _words(node: etree._Element) -> str:
    return " ".join(node.xpath("string()").split())


def _source() -> tuple[list[str], list[etree._Element], list[str]]:
    """The loose subheadings' texts, the loose crossHeadings, and every note's text, in document order."""
    root = etree.fromstring(FIXTURE.read_bytes())
    body = next(root.iter("{*}mainBody"))
    heads: list[str] = []  # each run of subheadings ("I" then its title) as one heading's words
    after = False
    for c in body:
        if isinstance(c.tag, str) and etree.QName(c).localname == "subheading":
            heads[-1:] = [f"{heads[-1]} {_words(c)}"] if after else [*heads[-1:], _words(c)]
            after = True
        else:
            after = False
    cross = [c for c in body if isinstance(c.tag, str) and etree.QName(c).localname == "crossHeading"]
    notes = [_words(n) for n in root.iter("{*}authorialNote")]
    return heads, cross, notes


def _letters(text: str) -> str:
    return re.sub(r"\W+", "", inline.plain(text)).lower()


def _plain(text: str) -> str:
    return " ".join(inline.plain(text).split())


def _check(res: Resolution) -> None:
    heads, cross, notes = _source()
    assert res.unplaced == []
    # every note kept, with its words
    assert sorted(_plain(n.text) for n in res.footnotes.values()) == sorted(notes)
    # each loose heading heads a paragraph, in order, among the sections grouped as usual (a heading the file
    # prints twice, loose and as a heading paragraph, once)
    shown = iter([_letters(p.heading) for p in res.operative if p.heading])
    missing = [h for h in heads if _letters(h) not in shown]
    assert len(heads) > 20 and not missing, missing
    # each section preamble is a paragraph: its italic opener and its words (notes aside)
    paragraphs = [(_plain(p.opener), _plain(p.text)) for p in res.operative]
    for el in cross:
        opener = _words(el[0])
        copy = etree.fromstring(etree.tostring(el))
        for note in list(copy.iter("{*}authorialNote")):
            parent = note.getparent()
            if note.tail:
                prev = note.getprevious()
                if prev is not None:
                    prev.tail = (prev.tail or "") + note.tail
                else:
                    parent.text = (parent.text or "") + note.tail
            parent.remove(note)
        words = _words(copy)
        # the model keeps no end punctuation: the template adds it as printed
        assert (opener, words[len(opener) :].strip().rstrip(",")) in paragraphs, words


def _read(res: Resolution) -> list[tuple[str, str]]:
    """Each paragraph's opener and text, a note reference as the note's own text (ids are made afresh)."""
    notes = res.footnotes
    return [
        (p.opener, re.sub(r"\[\^(\w+)\]", lambda m: f"[{notes[m.group(1)].text}]", p.text))
        for p in res.operative
        if not p.is_table
    ]


def test_loose_sections_keep_their_headings_preambles_and_notes() -> None:
    _check(read_akn(FIXTURE.read_bytes()).resolution)


def test_they_survive_the_akn_export_and_read_back() -> None:
    res = read_akn(FIXTURE.read_bytes()).resolution
    back = read_akn(to_akn(res)).resolution
    # the section headings read back (a table's note written under its table repeats the table's title as a
    # heading of its own, left aside here: an export matter of tables, not of these sections)
    assert {p.heading for p in res.operative if not p.is_table} <= {p.heading for p in back.operative}
    assert _read(back) == _read(res)
    assert sorted(n.text for n in back.footnotes.values()) == sorted(n.text for n in res.footnotes.values())
