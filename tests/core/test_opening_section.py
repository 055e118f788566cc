"""A Fifth Committee operative part may OPEN with a section: "I" over its title, the section's own "Recalling …,"
paragraphs (unnumbered), then "1. Decides …" — A/RES/78/253 does so, with no preamble of its own. Read back from
our Word and text exports, those first paragraphs belong to the operative part, not to the preamble, although
they look preambular and come before any numbered paragraph. The expected structure is the model written (the
UN XML's, or a generated one), never a count typed here."""

from __future__ import annotations

import copy
from pathlib import Path

from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from test_roundtrip import _OP, _PRE, canonical, paragraph, resolutions, titles

from app import inline
from app.formatting import roman
from app.io.akn_reader import read_akn
from app.io.docx_reader import read_docx
from app.io.docx_writer import build_docx
from app.io.text_reader import read_text
from app.io.text_writer import to_text
from app.model import Footnote, Paragraph, Resolution
from app.render import render

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "akn_sections" / "A_RES_78_253-2326236E.xml"


def _shape(res: Resolution) -> tuple[list[tuple[str, bool, bool, str, str]], ...]:
    """Where each top-level paragraph stands, with its heading, numbering, restart and opener."""
    return tuple(
        [(p.heading, p.numbered, p.restart, p.opener, p.text) for p in items]
        for items in (res.preamble, res.operative)
    )


def _via_docx(res: Resolution) -> Resolution:
    return read_docx(build_docx(res), name="export.docx").resolution


def _via_text(res: Resolution) -> Resolution:
    return read_text(to_text(res)).resolution


def _sections_of_78_253(count: int) -> Resolution:
    """The first `count` sections of A/RES/78/253's operative part as the UN XML has them, plain paragraphs
    (its tables and the notes under them stay out: they are no part of the question here)."""
    res = read_akn(FIXTURE.read_bytes(), name=FIXTURE.name).resolution
    starts = [i for i, p in enumerate(res.operative) if p.heading.split("\n")[0].isupper()]
    assert len(starts) > count  # the file has more sections than we take
    small = Resolution(header=res.header, title=res.title)
    small.operative = copy.deepcopy(res.operative[: starts[count]])
    for para in small.operative:
        para.text = para.text.split("[^")[0].rstrip()  # footnote marks: another test's business
        para.subparagraphs, para.tail = [], ""
    return small


def test_a_resolution_opening_with_a_section_reads_back_from_word_and_text() -> None:
    small = _sections_of_78_253(3)
    assert not small.operative[0].numbered and small.operative[0].heading  # it opens with "I" + "Recalling"
    want = _shape(small)
    assert _shape(_via_docx(small)) == want
    assert _shape(_via_text(small)) == want


def test_with_a_preamble_of_its_own_the_first_section_stays_operative() -> None:
    small = _sections_of_78_253(2)
    small.preamble = [Paragraph("Recalling", "its resolution 77/263 of 30 December 2022")]
    want = _shape(small)
    assert _shape(_via_docx(small)) == want
    assert _shape(_via_text(small)) == want


def test_a_short_preambular_paragraph_under_a_heading_stays_a_paragraph_in_word() -> None:
    """A section's own preambular paragraph right under its heading, short and with no end mark yet (a draft in
    progress): its italic opener makes it a paragraph, not a third line of the heading (a generated case)."""
    small = _sections_of_78_253(2)
    second = next(i for i, p in enumerate(small.operative) if i and p.heading)
    own = Paragraph("Recalling also", "the development of non-State actors, and", numbered=False)
    own.heading, small.operative[second].heading = small.operative[second].heading, ""
    small.operative.insert(second, own)
    want = _shape(small)
    assert _shape(_via_docx(small)) == want


@st.composite
def sectioned(draw: st.DrawFn) -> Resolution:
    """A generated resolution whose operative part is in sections "I", "II" …, each numbered from 1, the first
    (and perhaps others) opening with the section's own preambular paragraphs; a preamble or none."""
    res = draw(resolutions())
    notes: list[Footnote] = list(res.footnotes.values())
    res.preamble = draw(st.lists(paragraph(notes, _PRE), max_size=2))
    res.operative = []
    for k in range(draw(st.integers(2, 4))):
        own = draw(st.lists(paragraph(notes, _PRE), min_size=1 if k == 0 else 0, max_size=2))
        numbered = draw(st.lists(paragraph(notes, _OP), min_size=1, max_size=3))
        for para in own:
            para.numbered = False
        numbered[0].restart = k > 0
        (own or numbered)[0].heading = f"{roman(k + 1).upper()}\n{draw(titles)}"
        res.operative += own + numbered
    res.footnotes = {n.id: n for n in notes}
    cited = {note_id for _, note_id, _ in render(res).footnotes}
    res.footnotes = {k: v for k, v in res.footnotes.items() if k in cited}
    return res


def _plain_text_can_say(res: Resolution) -> Resolution:
    """What plain text can carry (as test_roundtrip's text round trip): no tail below a subparagraph list."""
    out = copy.deepcopy(res)
    for _, items in out.lists():
        for top in items:
            for sub in (s for child in top.subparagraphs for s in child.walk()):
                sub.tail = ""
    return out


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(sectioned())
def test_generated_sectioned_operative_parts_survive_word(res: Resolution) -> None:
    assert canonical(_via_docx(res)) == canonical(res)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(sectioned())
def test_generated_sectioned_operative_parts_survive_text(res: Resolution) -> None:
    res = _plain_text_can_say(res)
    # as test_roundtrip's text round trip: a tail opening with a capital reads as a paragraph of its own, and a
    # subparagraph opening with no letter ("c. “Agenda”") does not show its label as one
    assume(not any(p.tail[:1].isupper() for _, items in res.lists() for p in items))
    assume(
        all(s.text[:1].isalpha() for _, items in res.lists() for p in items for s in p.walk() if s is not p)
    )
    cited = {note_id for _, note_id, _ in render(res).footnotes}
    res.footnotes = {k: v for k, v in res.footnotes.items() if k in cited}
    assert canonical(_via_text(res)) == canonical(res)


# -- the same lines, typed by hand in Word and as plain text, read alike -------------------------------------

# (italic opener, the rest) or (label, italic opener, the rest) or a heading line: a sectioned Fifth Committee
# operative part as a delegate types it, with a list whose "(i)" after "(h):" starts a list of its own
_TYPED = [
    "I",
    "Enterprise resource planning project, Umoja",
    ("", "Recalling", " section II of its resolution 60/283 of 7 July 2006,"),
    ("1.", "Takes note", " of the report of the Secretary-General;"),
    ("2.", "Requests", " the Secretary-General:"),
    *[(f"({c})", "", f"To report on item {c};") for c in "abcdefg"],
    ("(h)", "", "To report on the following:"),
    ("(i)", "", "Progress;"),
    ("(ii)", "", "Obstacles;"),
    ("(i)", "", "To consult Member States;"),
    "II",
    "Financial performance report",
    ("", "Recalling", " its resolution 72/266 A of 24 December 2017,"),
    ("", "Having considered", " the financial performance report,"),
    ("1.", "Endorses", " the conclusions of the Advisory Committee."),
]


def _typed_docx() -> bytes:
    import sys

    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    from fixtures.wordxml.docs import Doc, I

    doc = Doc()
    doc.masthead()
    for item in _TYPED:
        if isinstance(item, str):
            doc.para(item)
        else:
            label, opener, rest = item
            doc.para(*[f"{label}\t"] * bool(label), *[I(opener)] * bool(opener), rest)
    return doc.bytes()


def _typed_text() -> str:
    import sys

    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    from fixtures.wordxml.docs import HEADER

    blocks = [*HEADER, "The General Assembly,"]
    for item in _TYPED:
        if isinstance(item, str):
            blocks.append(item)
        else:
            label, opener, rest = item
            blocks.append(" ".join(x for x in (label, f"*{opener}*{rest}" if opener else rest) if x))
    return "\n\n".join(blocks)


def _expected_from_typed() -> list[tuple[str, bool, bool, str, str, list]]:
    """What the typed lines say: headings over the paragraph after them, unnumbered lines unnumbered, a
    "1." after numbered paragraphs a restart, "(a)" … under the paragraph, "(i)" after a colon one level down."""
    out: list = []
    heading: list[str] = []
    numbered_before = False
    inner: list | None = None  # the roman list opened under a subparagraph that ends with a colon
    previous = ""
    for item in _TYPED:
        if isinstance(item, str):
            heading.append(item)
            continue
        label, opener, rest = item
        ended_with_colon, previous = previous.endswith(":"), rest
        if label.startswith("("):
            parent = out[-1][5]
            if label == "(i)" and ended_with_colon:
                inner = parent[-1][1]
            elif inner is None or label != f"({roman(len(inner) + 1)})":
                inner = None
            (parent if inner is None else inner).append((rest.strip().rstrip(":;,."), []))
            continue
        inner = None
        restart = label == "1." and numbered_before
        numbered_before = numbered_before or bool(label)
        out.append(("\n".join(heading), bool(label), restart, opener, rest.strip().rstrip(":;,."), []))
        heading = []
    return out


def _read_shape(res: Resolution) -> list:
    def subs(p: Paragraph) -> list:
        return [(inline.plain(s.text).rstrip(":;,."), subs(s)) for s in p.subparagraphs]

    assert not res.preamble
    return [
        (p.heading, p.numbered, p.restart, p.opener, inline.plain(p.text).rstrip(":;,."), subs(p))
        for p in res.operative
    ]


def test_typed_sections_read_alike_from_word_and_text() -> None:
    want = _expected_from_typed()
    assert _read_shape(read_docx(_typed_docx(), name="typed.docx").resolution) == want
    assert _read_shape(read_text(_typed_text()).resolution) == want


# an annex typed by hand: headings, numbered paragraphs, a list right under a heading, a heading left at the end
_ANNEX_TYPED = [
    "Annex",
    "Terms of reference of the working group",
    "I",
    "Scope",
    "1. The working group shall consider the following:",
    "(a) Its methods of work;",
    "(b) Its reports:",
    "(i) Annual reports;",
    "(ii) Special reports;",
    "II",
    "Membership",
    "(a) Five members from each region;",
    "(b) One chair elected by the members.",
    "2. The working group shall report annually.",
    "III",
    "Final provisions",
]


def _annex_docx() -> bytes:
    import sys

    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    from fixtures.wordxml.docs import Doc, I

    doc = Doc()
    doc.masthead()
    doc.para("1.\t", I("Adopts"), " the terms of reference annexed to the present resolution.")
    for line in _ANNEX_TYPED:
        label, _, rest = line.partition(" ")
        doc.para(*([f"{label}\t", rest] if label[:1] in "(12" else [line]))
    return doc.bytes()


def _annex_text() -> str:
    import sys

    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    from fixtures.wordxml.docs import HEADER

    lines = [
        *HEADER,
        "The General Assembly,",
        "1. *Adopts* the terms of reference annexed to the present resolution.",
    ]
    return "\n\n".join([*lines, *_ANNEX_TYPED])


def _annex_shape(res: Resolution) -> list:
    def subs(p: Paragraph) -> list:
        return [(inline.plain(s.text), subs(s)) for s in p.subparagraphs]

    (annex,) = res.annexes
    return [annex.title] + [(p.heading, p.numbered, inline.plain(p.text), subs(p)) for p in annex.paragraphs]


def test_a_typed_annex_reads_alike_from_word_and_text() -> None:
    """Both readers place annex lines through one builder: the same model, with every numeral line typed
    heading a paragraph, the list under "II" held by an unnumbered paragraph, "(i)" after "(b) …:" one level
    down, and the heading with nothing under it kept as a line of the annex."""
    from_word = _annex_shape(read_docx(_annex_docx(), name="annex.docx").resolution)
    from_text = _annex_shape(read_text(_annex_text()).resolution)
    assert from_word == from_text
    numerals = [line for line in _ANNEX_TYPED if line in ("I", "II", "III")]
    headed = [p[0].split("\n")[0] for p in from_word[1:] if p[0]]
    assert headed == numerals[:-1] and from_word[-1][2].startswith(
        numerals[-1]
    )  # the last: a line of its own
    held = next(p for p in from_word[1:] if p[0].startswith("II"))
    assert not held[1] and not held[2] and held[3]  # unnumbered, empty, holding the list
    first = from_word[1]
    assert [len(s[1]) for s in first[3]] == [0, 2]  # "(i)", "(ii)" under "(b) Its reports:"


def test_headings_sections_and_section_preambles_survive_word() -> None:
    """Every UN XML fixture with section headings, preamble headings ("* * *") or sectioned operative parts:
    each paragraph keeps its part, heading, numbering and opener through our Word export."""
    fixtures = Path(__file__).resolve().parents[1] / "fixtures"
    files = sorted(
        [
            *fixtures.glob("akn_sections/*.xml"),
            *fixtures.glob("akn_preamble/*.xml"),
            *fixtures.glob("akn_headings/*.xml"),
        ]
    )
    assert files
    for path in files:
        res = read_akn(path.read_bytes(), name=path.name).resolution
        want = [(p.heading, p.numbered, p.restart, p.opener) for p in res.operative]
        back = _via_docx(res)
        assert [(p.heading, p.opener) for p in back.preamble] == [(p.heading, p.opener) for p in res.preamble]
        assert [(p.heading, p.numbered, p.restart, p.opener) for p in back.operative] == want, path.name


def test_preamble_headings_survive_text() -> None:
    """A preamble grouped under headings ("Transport and transit corridors", "* * *") as the UN XML marks it
    (A/RES/78/148): each preambular paragraph keeps its heading and opener through our text export."""
    fixtures = Path(__file__).resolve().parents[1] / "fixtures" / "akn_preamble"
    for path in sorted(fixtures.glob("*.xml")):
        res = read_akn(path.read_bytes(), name=path.name).resolution
        assert any(p.heading for p in res.preamble), path.name
        back = _via_text(res)
        assert [(p.heading, p.opener) for p in back.preamble] == [(p.heading, p.opener) for p in res.preamble]
