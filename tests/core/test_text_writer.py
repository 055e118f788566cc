"""The plain-text writer: what it prints, and that read_text(to_text(res)) gives back the same model."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app import inline
from app.io.text_reader import read_text
from app.io.text_writer import to_text
from app.model import AgendaItem, DocumentKind, Header, Paragraph, Resolution
from app.templates import all_templates


def canonical(res: Resolution) -> tuple:
    """The model without generated ids: footnotes numbered in the order of their first reference, as printed."""
    order: dict[str, int] = {}

    def visit(p: Paragraph) -> None:
        for fid in inline.footnote_ids(p.text):
            order.setdefault(fid, len(order))
        for sub in p.subparagraphs:
            visit(sub)
        for fid in inline.footnote_ids(p.tail):
            order.setdefault(fid, len(order))

    for p in res.preamble + res.operative:
        visit(p)
    for fid in res.footnotes:
        order.setdefault(fid, len(order))
    notes = sorted(res.footnotes.values(), key=lambda n: order[n.id])

    def refs(text: str) -> str:
        return re.sub(r"\[\^([\w-]+)\]", lambda m: f"[^{order.get(m.group(1), '?')}]", text)

    def para(p: Paragraph) -> tuple:
        return (p.opener, refs(p.text), refs(p.tail), tuple(para(s) for s in p.subparagraphs))

    return (
        dataclasses.asdict(res.header),
        res.title,
        tuple(para(p) for p in res.preamble),
        tuple(para(p) for p in res.operative),
        tuple(refs(f.text) for f in notes),
        tuple(res.unplaced),
    )


# ---- generated resolutions -------------------------------------------------------------------------------------

PREAMBULAR = [
    "Recalling",
    "Recalling also",
    "Reaffirming",
    "Deeply concerned",
    "Noting with appreciation",
    "Bearing in mind",
    "Welcoming",
    "Convinced",
    "Mindful",
    "Having considered",
    "Stressing",
]
OPERATIVE = [
    "Requests",
    "Also requests",
    "Decides",
    "Calls upon",
    "Urges",
    "Encourages",
    "Welcomes",
    "Takes note with appreciation",
    "Invites",
    "Expresses its deep concern",
    "Strongly condemns",
]
SPONSORS = [
    "Japan",
    "Germany",
    "Bosnia and Herzegovina",
    "Trinidad and Tobago",
    "Antigua and Barbuda",
    "United Kingdom of Great Britain and Northern Ireland",
    "Saint Vincent and the Grenadines",
    "Netherlands (Kingdom of the)",
    "Bolivia (Plurinational State of)",
    "Sao Tome and Principe",
    "Saint Kitts and Nevis",
    "Côte d’Ivoire",
    "Türkiye",
    "Lao People’s Democratic Republic",
]
WORDS = [
    "the",
    "States",
    "Member",
    "programme",
    "of",
    "and",
    "to",
    "report",
    "Secretary-General",
    "in",
    "non-governmental",
    "2024",
    "78/45",
    "resolution",
    "its",
    "including",
    "“Agenda”",
    "per cent",
    "(a)",
    "Treaty",
    "1.",
    "children",
    "A/80/L.6",
    "well-being",
    "*Series*",
    "cost-effective",
]


ENDS = ["children", "Treaty", "2024", "Secretary-General", "“Agenda”", "78/45", "(A/80/10)"]


@st.composite
def sentences(draw: st.DrawFn, notes: list[str]) -> str:
    # the model stores no terminal punctuation: a text ends with a word
    words = draw(st.lists(st.sampled_from(WORDS), min_size=1, max_size=14)) + [draw(st.sampled_from(ENDS))]
    text = " ".join(words)
    if draw(st.booleans()) and notes is not None:
        fid = f"n{len(notes)}"
        notes.append(fid)
        cut = draw(st.integers(1, len(words)))
        text = " ".join(words[:cut]) + f"[^{fid}]" + (" " + " ".join(words[cut:]) if cut < len(words) else "")
    return text


@st.composite
def subparagraphs(draw: st.DrawFn, notes: list[str], depth: int) -> list[Paragraph]:
    if depth > 2 or draw(st.integers(0, 3)) != 0:
        return []
    count = draw(st.integers(1, 12 if depth == 1 else 4))
    out = []
    for _ in range(count):
        text = draw(sentences(notes))
        out.append(
            Paragraph(text=text[0].upper() + text[1:], subparagraphs=draw(subparagraphs(notes, depth + 1)))
        )
    return out


@st.composite
def resolutions(draw: st.DrawFn) -> Resolution:
    tpl = draw(st.sampled_from(sorted(all_templates().values(), key=lambda t: t.id)))
    notes: list[str] = []
    header = Header(template=tpl.id)
    if tpl.uses_year:
        header.year = draw(st.integers(1990, 2030))
        header.symbol = tpl.symbol(year=header.year, number=draw(st.integers(1, 999)))
    else:
        header.session = draw(st.integers(1, 99))
        if draw(st.booleans()):
            header.symbol = tpl.symbol(session=header.session, number=draw(st.integers(1, 99)))
    header.revision = draw(st.integers(0, 2)) if header.symbol else 0
    header.date = draw(st.dates(dt.date(1990, 1, 1), dt.date(2030, 12, 31)))
    header.sponsors = draw(st.lists(st.sampled_from(SPONSORS), max_size=8, unique=True))
    header.kind = draw(
        st.sampled_from([DocumentKind.DRAFT_RESOLUTION, DocumentKind.REVISED_DRAFT_RESOLUTION])
    )
    if header.sponsors and draw(st.booleans()):
        header.on_behalf_of = "the Group of 77 and China"
    if tpl.has_agenda:
        for _ in range(draw(st.integers(1, 2))):
            header.agenda_items.append(
                AgendaItem(
                    number=str(draw(st.integers(1, 180))),
                    sub_item=draw(st.sampled_from(["", "a", "b", "l"])),
                    title=draw(
                        st.sampled_from(
                            [
                                "Culture of peace",
                                "Rights of the child",
                                "General and complete disarmament: treaty banning the production",
                            ]
                        )
                    ),
                )
            )
    res = Resolution(header=header)
    if tpl.has_title:
        res.title = draw(st.sampled_from(["Rights of the child", "Comprehensive Nuclear-Test-Ban Treaty"]))
    for _ in range(draw(st.integers(0, 6))):
        para = Paragraph(opener=draw(st.sampled_from(PREAMBULAR)), text=draw(sentences(notes)))
        res.preamble.append(para)
    for _ in range(draw(st.integers(1, 8))):
        para = Paragraph(opener=draw(st.sampled_from(OPERATIVE)), text=draw(sentences(notes)))
        para.subparagraphs = draw(subparagraphs(notes, 1))
        if para.subparagraphs and draw(st.booleans()):
            para.tail = "and " + draw(sentences(notes))
        res.operative.append(para)
    # footnotes in the order of their references, as the reader numbers them
    for fid in notes:
        res.footnotes[fid] = _note(fid, draw)
    return res


def _note(fid: str, draw: st.DrawFn):
    from app.model import Footnote

    return Footnote(
        text=draw(
            st.sampled_from(
                [
                    "United Nations, *Treaty Series*, vol. 2056, No. 35597.",
                    "A/80/83.",
                    "Resolution 217 A (III).",
                    "Ibid.",
                ]
            )
        ),
        id=fid,
    )


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(resolutions())
def test_generated_resolutions_round_trip(res: Resolution) -> None:
    text = to_text(res)
    assert canonical(read_text(text).resolution) == canonical(res), text


def test_text_shows_numbers_labels_openers_and_footnotes() -> None:
    res = Resolution(header=Header(template="ga-c1", session=79, sponsors=["Cambodia", "Germany", "Japan"]))
    res.title = "Assistance in mine action"
    note = res.add_footnote("United Nations, *Treaty Series*, vol. 2056, No. 35597.")
    res.preamble.append(Paragraph(opener="Recalling", text=f"the Convention[^{note.id}]"))
    res.operative.append(
        Paragraph(
            opener="Requests",
            text="the Secretary-General:",
            subparagraphs=[Paragraph(text="To report"), Paragraph(text="To consult")],
        )
    )
    res.operative.append(Paragraph(opener="Decides", text="to remain seized of the matter"))
    text = to_text(res)
    assert "Cambodia, Germany and Japan: draft resolution" in text
    assert "\nThe General Assembly,\n" in text
    assert "*Recalling* the Convention,¹" in text  # the marker follows the punctuation, as UN texts print it
    assert "1. *Requests* the Secretary-General:" in text
    assert "(a) To report;" in text and "(b) To consult;" in text
    assert "2. *Decides* to remain seized of the matter." in text
    assert text.rstrip().endswith("¹ United Nations, *Treaty Series*, vol. 2056, No. 35597.")
    assert "Seventy-ninth session\nFirst Committee\n" in text


def test_corpus_round_trips_through_the_text_writer(corpus) -> None:
    for path in sorted(corpus.glob("*.txt")):
        res = read_text(path.read_text(encoding="utf-8")).resolution
        assert canonical(read_text(to_text(res)).resolution) == canonical(res), path.name


def test_generated_omnibus_survives_pdf_wrapping() -> None:
    """The 400-paragraph benchmark resolution, hard-wrapped with page furniture, reads back unchanged."""
    import sys
    from pathlib import Path

    sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks"))
    from bench_text_import import as_pdf_text
    from sample import omnibus

    res = omnibus(400)
    typed = to_text(res)
    assert canonical(read_text(typed).resolution) == canonical(res)
    assert canonical(read_text(as_pdf_text(typed)).resolution) == canonical(res)


def test_corpus_reads_the_same_without_blank_lines(corpus) -> None:
    """Extractors differ on blank lines (pdfminer gives none): paragraphs are found from the text itself."""
    for path in sorted(corpus.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        dense = "\n".join(line for line in text.split("\n") if line.strip())
        assert canonical(read_text(dense).resolution) == canonical(read_text(text).resolution), path.name
