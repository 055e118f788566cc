import datetime as dt

from app.model import AgendaItem, DocumentKind, Header, Paragraph, Resolution
from app.punctuation import absorb_terminal
from app.render import block_text, render, sponsor_line


def draft(n_operative: int = 3) -> Resolution:
    res = Resolution(
        header=Header(
            template="ga-c1",
            session=79,
            symbol="A/C.1/79/L.43",
            date=dt.date(2024, 10, 11),
            agenda_items=[AgendaItem("98", "l", "General and complete disarmament")],
            sponsors=["Cambodia", "Germany", "Japan"],
        ),
        title="Anti-personnel mines",
        preamble=[
            Paragraph("Recalling", "its resolution 78/45 of 4 December 2023"),
            Paragraph("Noting with deep regret", "that mines continue to be used,"),
        ],
    )
    res.operative = [Paragraph("Requests", f"the Secretary-General to act {i}") for i in range(n_operative)]
    return res


def test_numbers_and_punctuation_are_derived():
    out = render(draft())
    texts = [block_text(b) for b in out.blocks]
    assert texts[0] == "Recalling its resolution 78/45 of 4 December 2023,"
    assert texts[1] == "Noting with deep regret that mines continue to be used,"  # typed comma absorbed
    assert [b.label for b in out.blocks[2:]] == ["1.", "2.", "3."]
    assert [b.end for b in out.blocks[2:]] == [";", ";", "."]


def test_single_operative_paragraph_is_unnumbered():
    out = render(draft(1))
    assert out.blocks[-1].label == "" and out.blocks[-1].end == "."


def test_subparagraphs_labels_and_ends():
    res = draft(2)
    res.operative[0].subparagraphs = [
        Paragraph("", "To do one thing"),
        Paragraph("", "To do another", [Paragraph("", "first"), Paragraph("", "second")]),
    ]
    out = render(res)
    op = [b for b in out.blocks if b.part and b.part.value == "operative"]
    assert [(b.label, b.end) for b in op] == [
        ("1.", ":"),
        ("(a)", ";"),
        ("(b)", ":"),
        ("(i)", ";"),
        ("(ii)", ";"),
        ("2.", "."),
    ]


def test_last_subparagraph_takes_the_resolution_full_stop():
    res = draft(1)
    res.operative[0].subparagraphs = [Paragraph("", "One"), Paragraph("", "Two")]
    assert [b.end for b in render(res).blocks[-3:]] == [":", ";", "."]


def test_header_lines():
    out = render(draft())
    assert [a.text for a in out.agenda] == [
        "Seventy-ninth session",
        "First Committee",
        "Agenda item 98 (l)",
        "General and complete disarmament",
    ]
    assert out.sponsor_line == "Cambodia, Germany and Japan: draft resolution"
    assert out.organ_line == "The General Assembly" and out.organ_comma
    assert out.date == "11 October 2024" and out.distribution == "Distr.: Limited"


def test_sponsor_line_variants():
    res = draft()
    res.header.sponsors = ["Uganda"]
    res.header.on_behalf_of = "the Group of 77 and China"
    line, note = sponsor_line(res)
    assert line == "Uganda*: draft resolution" and "Group of 77 and China" in note
    res.header.on_behalf_of = ""
    res.header.kind = DocumentKind.AMENDMENT
    res.header.amends = "A/80/L.18"
    assert sponsor_line(res)[0] == "Uganda: amendment to draft resolution A/80/L.18"


def test_footnotes_numbered_in_reading_order():
    res = draft()
    a = res.add_footnote("first in the store")
    b = res.add_footnote("second in the store")
    res.preamble[0].text += f"[^{b.id}]"
    res.operative[0].text += f"[^{a.id}]"
    out = render(res)
    assert out.footnote_numbers == {b.id: 1, a.id: 2}


def test_absorb_terminal_keeps_abbreviations():
    assert absorb_terminal("to act;") == "to act"
    assert absorb_terminal("and so on, etc.") == "and so on, etc."
    assert absorb_terminal("to act ; ") == "to act"


def test_sc_has_no_agenda_and_no_title():
    res = draft()
    res.header.template = "sc"
    out = render(res)
    assert out.agenda == [] and out.title == "" and out.organ_line == "The Security Council"


def test_footnote_that_ends_a_paragraph_prints_after_the_punctuation():
    res = draft()
    note = res.add_footnote("Resolution 70/1.")
    res.preamble[0].text = f"its resolution 70/1,[^{note.id}]"  # typed comma before the reference is absorbed
    out = render(res)
    block = out.blocks[0]
    assert block.notes_after == (note.id,)
    assert block_text(block, out.footnote_numbers) == "Recalling its resolution 70/1,[1]"


def test_section_headings_print_before_their_paragraph_and_numbering_runs_on():
    res = draft(3)
    res.operative[1].heading = "II\nFinancing"
    out = render(res)
    roles = [(b.role, block_text(b)) for b in out.blocks if b.part and b.part.value == "operative"]
    assert roles[1:4] == [("heading", "II"), ("heading", "Financing"), ("operative", roles[3][1])]
    assert [b.label for b in out.blocks if b.role == "operative"] == ["1.", "2.", "3."]


def test_place_names_are_how_a_delegate_names_paragraphs():
    from app.render import place_names

    res = draft(2)
    res.operative[1].subparagraphs = [Paragraph("", "One"), Paragraph("", "Two")]
    res.operative[1].heading = "II\nFinancing"
    names = place_names(render(res).blocks)
    assert [names[p.id] for p in res.preamble] == ["PP 1", "PP 2"]
    assert [names[p.id] for _, p in res.paragraphs() if _.value == "operative"] == [
        "OP 1",
        "OP 2",
        "OP 2 (a)",
        "OP 2 (b)",
    ]
