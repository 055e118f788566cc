"""Export to .docx, import again: the same model comes back (ids aside). Generated resolutions and the corpus."""

from __future__ import annotations

import copy
import dataclasses
import datetime as dt
import re
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from app import inline, storage
from app.formatting import roman
from app.io.akn_reader import read_akn
from app.io.akn_writer import to_akn
from app.io.docx_reader import read_docx
from app.io.docx_writer import build_docx
from app.io.text_reader import read_text
from app.io.text_writer import to_text
from app.model import (
    Action,
    AgendaItem,
    Annex,
    DocumentKind,
    Footnote,
    Header,
    Instruction,
    Paragraph,
    Part,
    Resolution,
    ResolutionPart,
)
from app.render import render
from app.templates import get_template

_REF = re.compile(r"\[\^([A-Za-z0-9_-]+)\]")


def canonical(res: Resolution) -> dict[str, Any]:
    """The project dict with paragraph ids dropped and footnote ids renamed n1, n2... by first reference."""
    data = storage.to_dict(res)
    order: dict[str, str] = {}

    def rename(m: re.Match[str]) -> str:
        order.setdefault(m.group(1), f"n{len(order) + 1}")
        return f"[^{order[m.group(1)]}]"

    def walk(p: dict[str, Any]) -> None:
        p.pop("id")
        for key in ("opener", "text", "tail"):
            p[key] = _REF.sub(rename, p[key])
        for sub in p["subparagraphs"]:
            walk(sub)

    data["title"] = _REF.sub(rename, data["title"])
    data["part_title"] = _REF.sub(rename, data.get("part_title", ""))
    for p in data["preamble"] + data["operative"]:
        walk(p)
    for unit in data.get("parts", []) + data.get("annexes", []):  # parts B, C ... and annexes, in print order
        unit.pop("id")
        unit["title"] = _REF.sub(rename, unit["title"])
        for p in unit.get("preamble", []) + unit.get("operative", []) + unit.get("paragraphs", []):
            walk(p)
    for ins in data.get("instructions", []):  # an amendment: its instructions and the paragraphs they quote
        ins.pop("id")
        for key in ("old", "new", "after"):
            ins[key] = _REF.sub(rename, ins[key])
        if ins["paragraph"]:
            walk(ins["paragraph"])
    data["footnotes"] = sorted((order.get(f["id"], "unreferenced"), f["text"]) for f in data["footnotes"])
    return data


def _round_trip(res: Resolution) -> Resolution:
    return read_docx(build_docx(res), name="round-trip.docx").resolution


# -- generated resolutions ----------------------------------------------------------------------------------

_WORDS = (
    "the",
    "report",
    "of",
    "States",
    "development",
    "international",
    "cooperation",
    "Member",
    "peace",
    "security",
    "its",
    "resolution",
    "78/45",
    "2030",
    "Secretary-General",
    "women",
    "“Agenda”",
    "non‑State",
    "children’s",
    "effective",
    "in",
    "and",
    "with",
    "regional",
    "for",
    "all",
)
_PRE = (
    "Recalling",
    "Recalling also",
    "Reaffirming",
    "Noting with concern",
    "Deeply concerned",
    "Welcoming",
    "Bearing in mind",
    "Mindful",
    "Taking note with appreciation of",
)
_OP = (
    "Requests",
    "Also requests",
    "Encourages",
    "Calls upon",
    "Welcomes",
    "Decides",
    "Urges",
    "Reaffirms",
    "Expresses its deep concern",
)
_STATES = (
    "Albania",
    "Japan",
    "Mexico",
    "Kenya",
    "Bosnia and Herzegovina",
    "Trinidad and Tobago",
    "Uruguay",
    "Netherlands (Kingdom of the)",
    "Côte d’Ivoire",
)

words = st.lists(st.sampled_from(_WORDS), min_size=1, max_size=8).map(" ".join)
# Masthead lines end on a noun: the plain-text header reader takes a line ending in "and" as wrapped.
_NOUNS = ("report", "States", "development", "cooperation", "peace", "security", "women", "children")
titles = st.tuples(words, st.sampled_from(_NOUNS)).map(lambda t: f"{t[0]} {t[1]}".capitalize())


@st.composite
def marked_text(draw: st.DrawFn, notes: list[Footnote], *, capital: bool = False) -> str:
    """Words, some italic, some commas, footnote references inside or at the end; no terminal punctuation."""
    pieces = []
    for i in range(draw(st.integers(1, 4))):
        chunk = draw(words)
        if i == 0 and capital:
            chunk = chunk[0].upper() + chunk[1:]
        if i > 0 and draw(st.booleans()):
            chunk = f"*{chunk}*"
        pieces.append(chunk)
        if draw(st.integers(0, 5)) == 0:
            note = Footnote(
                text=draw(st.sampled_from(["See A/80/1.", "*Treaty Series*, vol. 1.", "Ibid., para. 3."]))
            )
            notes.append(note)
            pieces[-1] += f"[^{note.id}]"
        if i < 3 and draw(st.integers(0, 3)) == 0:
            pieces[-1] += ","
    text = " ".join(pieces)
    return text.rstrip(",")


@st.composite
def paragraph(draw: st.DrawFn, notes: list[Footnote], openers: tuple[str, ...], depth: int = 0) -> Paragraph:
    opener = draw(st.sampled_from(openers)) if depth == 0 else ""
    para = Paragraph(opener=opener, text=draw(marked_text(notes, capital=depth > 0)))
    if depth < 3 and draw(st.integers(0, 3)) == 0:
        para.subparagraphs = draw(st.lists(paragraph(notes, openers, depth + 1), min_size=1, max_size=3))
        if draw(st.integers(0, 3)) == 0:
            para.tail = draw(marked_text(notes))
    return para


@st.composite
def resolutions(draw: st.DrawFn) -> Resolution:
    template = draw(st.sampled_from(["ga-c1", "ga-c3", "ga-plenary", "hrc", "sc"]))
    tpl = get_template(template)
    header = Header(template=template, date=draw(st.dates(dt.date(2000, 1, 1), dt.date(2040, 12, 31))))
    number = draw(st.integers(1, 99))
    if tpl.uses_year:
        header.year = header.date.year
        header.symbol = tpl.symbol(year=header.year, number=number)
    else:
        header.session = draw(st.integers(50, 99))
        header.symbol = tpl.symbol(session=header.session, number=number)
    if tpl.has_agenda and not tpl.uses_year:
        header.agenda_items = [
            AgendaItem(str(draw(st.integers(1, 180))), draw(st.sampled_from(["", "a", "b"])), draw(titles))
        ]
    header.sponsors = draw(st.lists(st.sampled_from(_STATES), min_size=1, max_size=5, unique=True))
    header.on_behalf_of = draw(st.sampled_from(["", "the Group of 77 and China", "the European Union"]))
    header.kind = draw(
        st.sampled_from([DocumentKind.DRAFT_RESOLUTION, DocumentKind.REVISED_DRAFT_RESOLUTION])
    )
    header.revision = 1 if header.kind is DocumentKind.REVISED_DRAFT_RESOLUTION else 0
    header.job_number = draw(st.sampled_from(["", "25-16697 (E)"]))
    notes: list[Footnote] = []
    res = Resolution(header=header, title=draw(titles) if tpl.has_title else "")
    res.preamble = draw(st.lists(paragraph(notes, _PRE), max_size=4))
    res.operative = draw(st.lists(paragraph(notes, _OP), min_size=1, max_size=4))
    res.footnotes = {n.id: n for n in notes}
    return res


_HEADINGS = st.one_of(
    titles, st.tuples(st.sampled_from(["I", "II", "IV", "A", "B"]), titles).map("\n".join)
)  # section heading lines: "Objectives", or "II" over "Oceans and the law of the sea"


@st.composite
def annex_paragraph(draw: st.DrawFn, notes: list[Footnote], depth: int = 0) -> Paragraph:
    """Annex text keeps its punctuation as written; some paragraphs stand unnumbered, some under a heading."""
    end = draw(st.sampled_from(["", ".", ";", ":"]))
    para = Paragraph(text=draw(marked_text(notes, capital=True)) + end)
    if depth < 2 and draw(st.integers(0, 3)) == 0:
        para.subparagraphs = draw(st.lists(annex_paragraph(notes, depth + 1), min_size=1, max_size=3))
    if depth == 0:
        para.numbered = draw(st.integers(0, 3)) > 0
        para.heading = draw(_HEADINGS) if draw(st.integers(0, 3)) == 0 else ""
    return para


def add_parts_and_annexes(draw: st.DrawFn, res: Resolution, notes: list[Footnote]) -> None:
    """Parts B, C ... (part A titled) and annexes with headings, numbered and unnumbered paragraphs and
    subparagraphs. Annex punctuation is as written; an annex paragraph with subparagraphs ends in a colon."""
    if draw(st.booleans()):
        res.part_title = draw(titles)
        for _ in range(draw(st.integers(1, 2))):
            res.later_parts.append(
                ResolutionPart(
                    title=draw(titles),
                    preamble=draw(st.lists(paragraph(notes, _PRE), max_size=3)),
                    operative=draw(st.lists(paragraph(notes, _OP), min_size=1, max_size=3)),
                )
            )
    sections = 0
    for _ in range(draw(st.integers(0, 2))):
        annex = Annex(title=draw(titles))
        for _ in range(draw(st.integers(1, 4))):
            para = Paragraph(text=draw(marked_text(notes, capital=True)), numbered=draw(st.booleans()))
            if draw(st.integers(0, 3)) == 0:
                sections += 1
                para.heading = f"{roman(sections).upper()}\n{draw(titles)}"
            subs = draw(st.lists(marked_text(notes, capital=True), max_size=3))
            para.subparagraphs = [Paragraph(text=t + ";") for t in subs]
            if subs:
                para.subparagraphs[-1].text = para.subparagraphs[-1].text[:-1] + "."
            para.text += ":" if subs else draw(st.sampled_from([".", ";", ","]))
            annex.paragraphs.append(para)
        res.annexes.append(annex)
    res.footnotes = {n.id: n for n in notes}


_SYMBOL_NOTES = ("United Nations, *Treaty Series*, vol. 2187, No. 38544.", "A/80/L.18, para. 3.")


def add_symbol_note(draw: st.DrawFn, res: Resolution, notes: list[Footnote]) -> None:
    """Sometimes a note printed with a symbol of its own after a comma ("Court,* and"): "**" when the
    sponsor line's note has the "*"."""
    paragraphs = res.preamble + res.operative
    if not paragraphs or draw(st.integers(0, 2)):
        return
    mark = "**" if res.header.on_behalf_of or res.header.sponsor_note else "*"
    note = Footnote(text=draw(st.sampled_from(_SYMBOL_NOTES)), mark=mark)
    notes.append(note)
    para = paragraphs[draw(st.integers(0, len(paragraphs) - 1))]
    para.text += f",[^{note.id}] and {draw(words)}"


@st.composite
def structured_resolutions(draw: st.DrawFn, *, plain_text: bool = False) -> Resolution:
    """A generated resolution, some in parts A, B ... (each with its title, preamble and operative part), some
    with annexes (a title, headings, numbered and unnumbered paragraphs); footnotes run on through them all,
    some with a symbol of their own.
    The strategy every round trip of parts and annexes uses. `plain_text` keeps to what plain text can say
    (no unlabelled annex, no unplaced text, list punctuation as a typist writes it)."""
    res = draw(resolutions())
    notes = list(res.footnotes.values())
    add_symbol_note(draw, res, notes)
    if plain_text:
        add_parts_and_annexes(draw, res, notes)
        return res
    if draw(st.booleans()):
        res.part_title = draw(titles)
        for _ in range(draw(st.integers(1, 2))):
            part = ResolutionPart(title=draw(titles))
            part.preamble = draw(st.lists(paragraph(notes, _PRE), max_size=3))
            part.operative = draw(st.lists(paragraph(notes, _OP), min_size=1, max_size=3))
            res.later_parts.append(part)
    for index in range(draw(st.integers(0, 2))):
        paragraphs = draw(st.lists(annex_paragraph(notes), min_size=1, max_size=5))
        title = draw(st.one_of(titles, marked_text(notes, capital=True)))  # italics and footnotes too
        # a text adopted with no "Annex" line over it comes first, under its title (A/RES/79/1)
        labelled = index > 0 or not draw(st.booleans())
        res.annexes.append(Annex(title=title, paragraphs=paragraphs, labelled=labelled))
    res.unplaced = draw(st.lists(words, max_size=2))  # text no reader could place: kept after the annexes
    res.footnotes = {n.id: n for n in notes}
    return res


_PLAIN_WORDS = st.lists(st.sampled_from([w for w in _WORDS if "“" not in w]), min_size=1, max_size=4).map(
    " ".join
)


@st.composite
def instructions(draw: st.DrawFn, notes: list[Footnote], marks: list[str]) -> Instruction:
    """One instruction of an amendment: a change of words inside a paragraph or subparagraph ("after",
    "before", "replace ... with", "delete"), or a whole paragraph or subparagraph deleted (quoted or not),
    replaced or inserted (also before the first one). A quoted paragraph may cite a note with its own symbol
    after a comma, as issued amendments do ("Court,** and noting")."""
    part = draw(st.sampled_from(list(Part)))
    number = draw(st.integers(1, 40))
    sub = draw(st.sampled_from(["", "", "(a)", "(c)", "(b) (ii)"]))  # quoted text at most at level (i)
    action = draw(st.sampled_from(list(Action)))
    if draw(st.booleans()):  # words inside the paragraph
        old, new, after = draw(_PLAIN_WORDS), draw(_PLAIN_WORDS), draw(st.one_of(st.just(""), _PLAIN_WORDS))
        if action is Action.INSERT:  # after words, or before them (`old`)
            return Instruction(
                action, part, number, sub, new=new, **({"after": after} if after else {"old": old})
            )
        return Instruction(
            action, part, number, sub, old=old, new=new if action is Action.REPLACE else "", after=after
        )
    if (
        action is Action.INSERT and len(sub.split()) < 2 and draw(st.integers(0, 3)) == 0
    ):  # before the first one
        number, sub = (number, f"{sub} (0)") if sub else (0, "")
    depth = len(sub.split())
    para = draw(paragraph(notes, _PRE if part is Part.PREAMBLE else _OP, min(depth, 1)))
    if marks and draw(st.booleans()):
        note = Footnote(text=draw(st.sampled_from(_SYMBOL_NOTES)), mark=marks.pop(0))
        notes.append(note)
        para.text += f",[^{note.id}] and {draw(_PLAIN_WORDS)}"
    if action is Action.DELETE and draw(st.integers(0, 3)) == 0:
        para = None  # "Delete operative paragraph 5", nothing quoted
    return Instruction(action, part, number, sub, paragraph=para)


@st.composite
def amendments(draw: st.DrawFn) -> Resolution:
    """A generated amendment: the header of a generated draft (its symbol is the draft amended), its own
    symbol and sponsors, a sponsor-line note or none, and instructions with their quoted paragraphs, notes
    numbered and notes with their own symbols ("**", "***"; "*" too when the sponsor line has no note)."""
    res = draw(resolutions())
    h = res.header
    h.kind, h.revision, h.amends = DocumentKind.AMENDMENT, 0, h.full_symbol
    h.symbol = re.sub(r"\d+$", lambda m: str(int(m.group()) + 1), h.symbol)
    if not h.on_behalf_of:
        h.sponsor_note = draw(
            st.sampled_from(
                [
                    "",
                    "Any changes to the list of sponsors will be reflected in the "
                    "official record of the meeting.",
                ]
            )
        )
    res.preamble, res.operative, res.footnotes = [], [], {}
    marks = ["**", "***"] if h.on_behalf_of or h.sponsor_note else ["*", "**"]
    notes: list[Footnote] = []
    res.instructions = draw(st.lists(instructions(notes, marks), min_size=1, max_size=4))
    res.footnotes = {n.id: n for n in notes}
    res.unplaced = draw(
        st.lists(words, max_size=1)
    )  # text no reader could place: kept after the instructions
    return res


def _as_printed_labels_tell(res: Resolution) -> Resolution:
    """The amendment as the Word and text readers can take it back: they nest a quoted paragraph by its
    printed labels, which say the level only down to (i) and not which list a text after a list closes, so
    quoted text goes two label levels deep at most ((a), (i)), with text after a list only at its end."""
    out = copy.deepcopy(res)
    for ins in out.instructions:
        if ins.paragraph is None:
            continue
        for node in ins.paragraph.walk():
            node.tail = node.tail if node is ins.paragraph else ""
        _prune(ins.paragraph, 2 - len(ins.sub.split()))  # the quoted paragraph stands at its label's level
    return out


def _prune(para: Paragraph, levels: int) -> None:
    """Keep `levels` levels of subparagraphs below `para`."""
    if levels <= 0:
        para.subparagraphs, para.tail = [], ""
        return
    for sub in para.subparagraphs:
        _prune(sub, levels - 1)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(amendments())
def test_generated_amendments_survive_every_format(res: Resolution) -> None:
    """An amendment written as .docx, text, a project file and Akoma Ntoso reads back to the same header,
    instructions, quoted paragraphs and footnotes, symbols included."""
    printable = _as_printed_labels_tell(res)
    typed = dataclasses.replace(copy.deepcopy(printable), unplaced=[])  # plain text cannot mark unplaced text
    for amendment, name, read in (
        (printable, "docx", _round_trip),
        (typed, "text", lambda r: read_text(to_text(r)).resolution),
        (res, "json", lambda r: storage.loads(storage.dumps(r))),
        (res, "akn", lambda r: read_akn(to_akn(r), name="amendment.xml").resolution),
    ):
        cited = {note_id for _, note_id, _ in render(amendment).footnotes}
        amendment.footnotes = {k: v for k, v in amendment.footnotes.items() if k in cited}
        expected, got, h, g = (
            canonical(amendment),
            canonical(back := read(amendment)),
            amendment.header,
            back.header,
        )
        for key in ("instructions", "footnotes", "title", "preamble", "operative", "unplaced"):
            assert got.get(key) == expected.get(key), (name, key)
        assert (g.kind, g.symbol, g.amends, g.sponsors, g.on_behalf_of, g.sponsor_note) == (
            h.kind,
            h.symbol,
            h.amends,
            h.sponsors,
            h.on_behalf_of,
            h.sponsor_note,
        ), name


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(structured_resolutions(plain_text=True))
def test_generated_parts_and_annexes_survive_text_export_and_import(res: Resolution) -> None:
    for _, items in res.lists():  # plain text cannot tell which list a tail below a subparagraph list closes
        for sub in (s for p in items for top in p.subparagraphs for s in top.walk()):
            sub.tail = ""
    # nor a tail that opens with a capital from a new unnumbered paragraph (UN tails run on: "and decides")
    assume(not any(p.tail[:1].isupper() for _, items in res.lists() for p in items))
    # nor the line after an item that breaks off on "and" or "or" ("(i) The, the, and") from a tail
    assume(
        not any(
            re.search(r"\b(?:and|or)\W*$", inline.plain(s.text))
            for _, items in res.lists()
            for p in items
            for s in p.walk()
            if s is not p
        )
    )
    # nor a third-level "a." label from a number that opens the subparagraph ("a. 78/45")
    assume(
        all(s.text[:1].isalpha() for _, items in res.lists() for p in items for s in p.walk() if s is not p)
    )
    cited = {note_id for _, note_id, _ in render(res).footnotes}
    res.footnotes = {k: v for k, v in res.footnotes.items() if k in cited}
    assert canonical(read_text(to_text(res)).resolution) == canonical(res)


@pytest.mark.parametrize("tail", ["Noting", "Noting States having been consulted"])
def test_a_tail_that_opens_with_an_opener_word_reads_back_from_text(tail: str) -> None:
    """Text written by Resolute marks every opener in italics (`*Recalling*`), so an unnumbered paragraph's tail
    after its list that opens with a word the lexicon knows as an opener ("Noting …") is the tail, not a new
    paragraph (an amendment's quoted paragraph read back lost its tail so)."""
    listed = Paragraph(
        opener="Recalling",
        text="the reports of the Secretary-General",
        subparagraphs=[Paragraph(text="On the first year"), Paragraph(text="On the second year")],
        tail=tail,
    )
    res = Resolution(header=Header(template="ga-c3", session=80), title="Oceans")
    res.preamble = [listed, Paragraph(opener="Recalling", text="also its resolution 79/1")]
    res.operative = [Paragraph(opener="Decides", text="to remain seized of the matter")]
    assert canonical(read_text(to_text(res)).resolution) == canonical(res)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(resolutions())
def test_generated_resolutions_survive_export_and_import(res: Resolution) -> None:
    assert canonical(_round_trip(res)) == canonical(res)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(structured_resolutions())
def test_generated_parts_and_annexes_survive_export_and_import(res: Resolution) -> None:
    assert canonical(_round_trip(res)) == canonical(res)


# -- the corpus -------------------------------------------------------------------------------------------


def test_corpus_xml_survives_export_and_import(corpus: Path) -> None:
    files = sorted((corpus / "originals").glob("*.xml"))
    if not files:
        pytest.skip("no XML in the corpus")
    for path in files:
        res = read_akn(path.read_bytes()).resolution
        assert canonical(_round_trip(res)) == canonical(res), path.name


def test_corpus_texts_survive_export_and_import(corpus: Path) -> None:
    from app.io.text_reader import read_text

    files = sorted(corpus.glob("*.txt"))
    for path in files:
        res = read_text(path.read_text(encoding="utf-8")).resolution
        back = read_docx(build_docx(res), name=path.name)
        assert canonical(back.resolution) == canonical(res), path.name
        assert not [f for f in back.findings if f.rule == "import.unplaced"], path.name


def test_a_file_resaved_by_libreoffice_reads_the_same(corpus: Path, tmp_path: Path) -> None:
    """Another word processor rewrites runs, styles and the footnotes part; the model must not change."""
    from tests.libreoffice import convert, need_soffice

    need_soffice("cannot resave the file")
    path = next(iter(sorted((corpus / "originals").glob("A_RES_79_174*.xml"))), None)
    if path is None:
        pytest.skip("A/RES/79/174 not in the corpus")
    res = read_akn(path.read_bytes()).resolution
    source = tmp_path / "in" / "draft.docx"
    source.parent.mkdir()
    source.write_bytes(build_docx(res))
    out = tmp_path / "out"
    convert(tmp_path, source, to="docx:MS Word 2007 XML", outdir=out)
    resaved = (out / "draft.docx").read_bytes()
    assert resaved != source.read_bytes()
    assert canonical(read_docx(resaved).resolution) == canonical(res)
