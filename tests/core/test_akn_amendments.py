"""Amendments through Akoma Ntoso: every instruction reads back whole (what it acts on, where, its words and
the paragraph it quotes, with the heading and numbering the print does not show), each `textualMod` is
marked as an amending act marks it (type, source in the amendment, destination in the draft amended), and an
amendment read back from its AKN still turns the base draft into the proposed one."""

from __future__ import annotations

import copy
import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree
from test_amendments import _edited, _plain
from test_roundtrip import _OP, _PRE, canonical, marked_text, paragraph, resolutions

from app import inline
from app.amendments import amendment, apply, items
from app.io.akn_reader import read_akn
from app.io.akn_writer import AKN4UN_NS, AKN_NS, to_akn
from app.model import Action, DocumentKind, Footnote, Instruction, Paragraph, Part, Resolution
from app.render import render
from app.wording.units import is_text_edit

_NS = {"a": AKN_NS}
_SUBS = ("", "", "(a)", "(c)", "(b) (ii)", "(b) (ii) a.", "(c) (i) b. i.")
_TYPE = {Action.DELETE: "repeal", Action.INSERT: "insertion", Action.REPLACE: "substitution"}


@st.composite
def _instruction(draw: st.DrawFn, notes: list[Footnote]) -> Instruction:
    """Any instruction the model holds: words changed inside a paragraph or subparagraph (down to the fourth
    level, markup and footnotes in the quoted words), a paragraph deleted (quoted or not), replaced or
    inserted, also before the first one of its list; an operative paragraph quoted with the section heading
    it opens, unnumbered or numbered from 1 again."""
    part = draw(st.sampled_from(list(Part)))
    number = draw(st.integers(1, 40))
    sub = draw(st.sampled_from(_SUBS))
    action = draw(st.sampled_from(list(Action)))
    if draw(st.booleans()):
        old, new = draw(marked_text(notes)), draw(marked_text(notes))
        after = draw(st.one_of(st.just(""), marked_text(notes)))
        if action is Action.INSERT:
            where = {"after": after} if after else {"old": old}  # after these words, or before them
            return Instruction(action, part, number, sub, new=new, **where)
        return Instruction(
            action, part, number, sub, old=old, after=after, new=new if action is Action.REPLACE else ""
        )
    if action is Action.INSERT and draw(st.integers(0, 2)) == 0:  # before the first one of its list
        number, sub = (number, f"{sub} (0)") if sub else (0, "")
    para = draw(paragraph(notes, _PRE if part is Part.PREAMBLE else _OP, min(len(sub.split()), 3)))
    if part is Part.OPERATIVE and not sub:
        para.heading = draw(st.sampled_from(["", "Travel ban", "II\nOceans and the law of the sea"]))
        para.numbered = draw(st.integers(0, 3)) > 0
        para.restart = draw(st.integers(0, 3)) == 0
    if action is Action.DELETE and draw(st.booleans()):
        para = None  # "Delete operative paragraph 7", nothing quoted
    return Instruction(action, part, number, sub, paragraph=para)


@st.composite
def _amendments(draw: st.DrawFn) -> Resolution:
    res = draw(resolutions())
    h = res.header
    h.kind, h.revision = DocumentKind.AMENDMENT, 0
    h.amends = draw(st.sampled_from([h.full_symbol, ""]))  # the draft amended, or not named
    res.preamble, res.operative = [], []
    notes: list[Footnote] = []
    res.instructions = draw(st.lists(_instruction(notes), min_size=1, max_size=6))
    res.footnotes = {n.id: n for n in notes}
    return res


def _mods(xml: bytes) -> list[etree._Element]:
    return etree.fromstring(xml).findall(".//a:activeModifications/a:textualMod", _NS)


def _by_eid(xml: bytes) -> dict[str, etree._Element]:
    return {el.get("eId"): el for el in etree.fromstring(xml).iter() if el.get("eId")}


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_amendments())
def test_every_instruction_reads_back_whole_from_akn(res: Resolution) -> None:
    cited = {note_id for _, note_id, _ in render(res).footnotes}
    res.footnotes = {k: v for k, v in res.footnotes.items() if k in cited}
    xml = to_akn(res)
    back = read_akn(xml, name="amendment.xml").resolution
    expected, got = canonical(res), canonical(back)
    assert got["instructions"] == expected["instructions"]
    assert got["footnotes"] == expected["footnotes"]
    assert (back.header.kind, back.header.amends) == (DocumentKind.AMENDMENT, res.header.amends)
    # one textualMod per instruction, of the type its action names, its source the sentence printed for it
    mods, by_eid = _mods(xml), _by_eid(xml)
    assert [m.get("type") for m in mods] == [_TYPE[i.action] for i in res.instructions]
    printed = [b for b in render(res).blocks if b.role == "instruction"]
    sources = [m.find("a:source", _NS).get("href").lstrip("#") for m in mods]
    for item, block in zip(items(res.instructions), printed, strict=True):
        for _ in item.instructions:
            mod = by_eid[sources.pop(0)]
            words = "".join(t for el in [mod] for t in _printed_words(el))
            assert " ".join(words.split()) == " ".join(
                (inline.plain(inline.unparse(list(block.spans))) + block.end).split()
            )
    # an insertion before words says so, and never calls them old text
    for ins, mod in zip(res.instructions, mods, strict=True):
        before = mod.get(f"{{{AKN4UN_NS}}}before")
        assert (before is not None) == (ins.action is Action.INSERT and bool(ins.old))
        if before is not None:
            assert by_eid[before.lstrip("#")].get("refersTo") == "#before"
            assert mod.find("a:old", _NS) is None


def _printed_words(el: etree._Element) -> list[str]:
    out = [el.text or ""]
    for child in el:
        if etree.QName(child).localname not in ("quotedStructure", "authorialNote"):  # printed apart
            out += _printed_words(child)
        out.append(child.tail or "")
    return out


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_an_amendment_read_from_akn_amends_its_draft_and_names_what_the_draft_has(
    data: st.DataObject,
) -> None:
    """Derived from a base and a proposed draft, some deletions left unquoted ("Delete operative paragraph
    7"): read back from AKN it still turns the base into the proposed draft, and every destination is an
    eId of the base draft's own AKN (a paragraph it has, never a place before the first one)."""
    base = data.draw(resolutions())
    new = data.draw(_edited(base))
    written = amendment(base, new, sponsors=["Mexico"], symbol="A/C.3/80/L.77")
    for ins in written.instructions:
        if ins.action is Action.DELETE and ins.paragraph is not None and data.draw(st.booleans()):
            ins.paragraph = None
    if not written.instructions:
        return
    xml = to_akn(written)
    back = read_akn(xml, name="amendment.xml").resolution
    amended = apply(back.instructions, base, back)
    assert _plain(amended.preamble) == _plain(new.preamble)  # footnote ids are new on reading
    assert _plain(amended.operative) == _plain(new.operative)
    base_ids = set(_by_eid(to_akn(base)))
    for ins, mod in zip(written.instructions, _mods(xml), strict=True):
        destination = mod.find("a:destination", _NS)
        uri, _, eid = destination.get("href").rpartition("#")
        whole_insert = ins.action is Action.INSERT and not is_text_edit(ins)
        # only a paragraph inserted into an empty preamble names one the draft does not have yet: its first
        empty = whole_insert and not ins.number and not ins.sub and not base.part(ins.part)
        assert uri.startswith("/akn/un/statement/") and (eid in base_ids or empty), destination.get("href")
        pos = "inside" if is_text_edit(ins) else ("after", "before", "start") if whole_insert else ("",)
        assert destination.get("pos", "") in pos


def test_an_insertion_at_the_start_names_the_first_paragraph_and_older_files_still_read() -> None:
    """ "At the beginning of the operative part" points at its first paragraph with pos "before", "Before
    subparagraph (a)" at the start of its paragraph; a file written with `para_0`, `point_0` and an
    insertion's `old` link still reads the same."""
    res = Resolution(
        instructions=[
            Instruction(Action.INSERT, Part.OPERATIVE, 0, paragraph=Paragraph("Decides", "to remain seized")),
            Instruction(Action.INSERT, Part.PREAMBLE, 2, "(0)", paragraph=Paragraph("", "Women")),
            Instruction(Action.INSERT, Part.OPERATIVE, 3, old="all States", new="regional"),
        ]
    )
    res.header.kind, res.header.amends = DocumentKind.AMENDMENT, "A/C.3/80/L.18"
    xml = to_akn(res)
    places = [
        (m.find("a:destination", _NS).get("href").rpartition("#")[2], m.find("a:destination", _NS).get("pos"))
        for m in _mods(xml)
    ]
    assert places == [("para_1", "before"), ("container_2", "start"), ("para_3", "inside")]
    older = xml.decode()
    older = older.replace('#para_1" pos="before"', '#para_0" pos="after"')
    older = older.replace('#container_2" pos="start"', '#container_2__point_0" pos="after"')
    older = re.sub(r'akn4un:before="(#[^"]+)">', r'><old href="\1"/>', older)
    assert older.count("<old ") == 1
    for xml_text in (xml, older.encode()):
        back = read_akn(xml_text, name="amendment.xml").resolution
        assert canonical(back)["instructions"] == canonical(copy.deepcopy(res))["instructions"]
