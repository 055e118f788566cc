"""Rollover to next session's draft, with every automatic change undoable, and revised drafts (/Rev.N)."""

from __future__ import annotations

import datetime as dt

import pytest

from app.errors import InputError
from app.model import AgendaItem, DocumentKind, Header, Paragraph, Resolution
from app.render import render
from app.rollover import adoption_info, revise, rollover


def _adopted() -> Resolution:
    header = Header(
        template="ga-c3",
        session=80,
        symbol="A/C.3/80/L.20",
        date=dt.date(2025, 10, 30),
        sponsors=["Japan", "Peru"],
        agenda_items=[AgendaItem("71", "b", "Human rights questions")],
    )
    return Resolution(
        header=header,
        title="Freedom of religion or belief",
        preamble=[
            Paragraph(
                "Recalling", "its resolutions 78/212 of 19 December 2023 and 79/174 of 17 December 2024"
            ),
            Paragraph("Noting", "the sixty-ninth session of the Commission on the Status of Women"),
        ],
        operative=[
            Paragraph(
                "Requests",
                "the Secretary-General to report to the General Assembly at its eighty-first "
                "session and to the Human Rights Council",
            ),
            Paragraph("Decides", "to consider the question at its eighty-first and eighty-second sessions"),
        ],
    )


def test_rollover_moves_sessions_on_and_extends_the_citation_chain() -> None:
    base = _adopted()
    new, changes = rollover(base, adoption_date=dt.date(2025, 12, 15), adopted_symbol="A/RES/80/190")
    h = new.header
    assert (h.session, h.symbol, h.date, h.sponsors, h.revision) == (81, "", None, [], 0)
    assert h.agenda_items == base.header.agenda_items  # kept, and listed for review
    assert any(c.kind == "review" and "71 (b)" in c.description for c in changes)
    assert new.preamble[0].text == (
        "its resolutions 78/212 of 19 December 2023, 79/174 of 17 December 2024 and 80/190 of 15 December 2025"
    )
    # another body's session does not move
    assert new.preamble[1].text == base.preamble[1].text
    assert "at its eighty-second session and" in new.operative[0].text
    assert new.operative[1].text.endswith("at its eighty-second and eighty-third sessions")
    # the base is untouched and the ids are kept
    assert base.header.session == 80 and "eighty-first session" in base.operative[0].text
    assert [p.id for p in new.operative] == [p.id for p in base.operative]
    # header changes first, then text changes in reading order
    kinds = [c.kind for c in changes]
    assert kinds.index("citation") < kinds.index("session")
    assert [c.kind for c in changes if c.paragraph_id] == ["citation", "session", "session", "session"]


def test_each_change_undoes_and_redoes() -> None:
    base = _adopted()
    new, changes = rollover(base, adoption_date=dt.date(2025, 12, 15), adopted_symbol="A/RES/80/190")
    rolled = render(new)
    for change in changes:
        change.undo(new)
    assert new.header.session == 80 and new.header.sponsors == ["Japan", "Peru"]
    assert [p.text for p in new.preamble + new.operative] == [p.text for p in base.preamble + base.operative]
    for change in changes:
        change.redo(new)
    assert render(new).blocks == rolled.blocks
    # undo one of two ordinals in the same paragraph: the other stays moved on
    two = [c for c in changes if c.paragraph_id == new.operative[1].id]
    assert len(two) == 2
    two[1].undo(new)
    assert new.operative[1].text.endswith("at its eighty-second and eighty-second sessions")


def test_single_citation_is_replaced_and_missing_one_is_added() -> None:
    base = _adopted()
    base.preamble[0].text = "its resolution 79/174 of 17 December 2024"
    new, _ = rollover(base, adoption_date=dt.date(2025, 12, 15), adopted_symbol="A/RES/80/190")
    assert new.preamble[0].text == "its resolution 80/190 of 15 December 2025"

    base.preamble = [Paragraph("Noting", "the report")]
    new, changes = rollover(base, adoption_date=None, adopted_symbol="A/RES/80/190")
    added = [c for c in changes if c.kind == "citation"][0]
    assert new.preamble[0].opener == "Recalling" and new.preamble[0].text == "its resolution 80/190"
    assert any(c.kind == "review" and "adoption date" in c.description for c in changes)
    added.undo(new)
    assert [p.text for p in new.preamble] == ["the report"]
    added.redo(new)
    assert new.preamble[0].text == "its resolution 80/190"


def test_bad_symbol_is_a_clear_error() -> None:
    with pytest.raises(InputError, match="A/RES/80/70"):
        rollover(_adopted(), adoption_date=None, adopted_symbol="draft 12")


def test_revise_numbers_the_revision_and_says_revised() -> None:
    issued = _adopted()
    rev = revise(issued, today=dt.date(2025, 11, 5))
    assert rev.header.full_symbol == "A/C.3/80/L.20/Rev.1"
    assert rev.header.kind is DocumentKind.REVISED_DRAFT_RESOLUTION
    assert render(rev).sponsor_line.endswith(": revised draft resolution")
    assert revise(rev).header.full_symbol == "A/C.3/80/L.20/Rev.2"
    assert issued.header.revision == 0
    sc = Resolution(header=Header(template="sc", year=2024, symbol="S/2024/302"))
    assert revise(sc).header.kind is DocumentKind.DRAFT_RESOLUTION


def test_rollover_of_a_real_adopted_resolution(corpus) -> None:
    from app.io.akn_reader import read_akn

    path = corpus / "originals" / "A_RES_80_70-2520898E.xml"
    info = adoption_info(path.read_bytes(), name=path.name)
    assert (info.symbol, info.date, info.template) == ("A/RES/80/70", dt.date(2025, 12, 1), "ga-c1")
    res = read_akn(path.read_bytes(), name=path.name).resolution
    new, changes = rollover(res, adoption_date=info.date, adopted_symbol=info.symbol, template=info.template)
    texts = [p.text for p in new.preamble]
    assert "its resolution 80/70 of 1 December 2025" in texts
    assert "its resolution 79/77 of 2 December 2024" not in texts
    assert "provisional agenda of its eighty-second session" in new.operative[-1].text
    assert new.header.session == 81 and new.header.template == "ga-c1"
    # the same facts from the text rendering of the adopted resolution
    text_info = adoption_info((corpus / "A_RES_80_70.txt").read_bytes())
    assert (text_info.symbol, text_info.date, text_info.template) == (
        "A/RES/80/70",
        dt.date(2025, 12, 1),
        "ga-c1",
    )


def test_adoption_info_from_a_word_file() -> None:
    import io

    import docx

    document = docx.Document()
    for line in (
        "United Nations",
        "A/RES/79/174",
        "Resolution adopted by the General Assembly on 17 December 2024",
        "[on the report of the Third Committee (A/79/459/Add.2, para. 61)]",
        "79/174. Freedom of religion",
        "The General Assembly,",
        "Decides to remain seized of the matter.",
    ):
        document.add_paragraph(line)
    stream = io.BytesIO()
    document.save(stream)
    info = adoption_info(stream.getvalue(), name="res.docx")
    assert (info.symbol, info.date, info.template) == ("A/RES/79/174", dt.date(2024, 12, 17), "ga-c3")
    with pytest.raises(InputError, match="bad.docx"):  # one line naming the file, as every reader says
        adoption_info(b"PK\x03\x04 broken", name="bad.docx")
