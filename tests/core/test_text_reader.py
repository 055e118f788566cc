"""Plain text into the model: typed drafts, PDF text with page furniture, and their mixtures."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from app import inline
from app.errors import InputError
from app.findings import Severity
from app.io.pdf_text import PAGE_BREAK, clean
from app.io.text_header import split_sponsors
from app.io.text_reader import read_text
from app.model import Action, DocumentKind, Part

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "text"

TYPED = """\
General Assembly

Distr.: Limited
11 October 2024

Original: English

Seventy-ninth session

First Committee

Agenda item 98 (I)

General and complete disarmament

Antigua and Barbuda, Bosnia and Herzegovina and Trinidad and Tobago: draft resolution

Assistance in mine action

The General Assembly,

Recalling its resolutions [54/54](#) B of 1 December 1999 and [78/45](#) of 4 December 2023,

*Noting with deep concern* that mines² remain a threat in 2024, 12 countries reported,

² United Nations, *Treaty Series*, vol. 2056, No. 35597.

1. *Invites* all States to accede to the Convention¹ without delay;

¹ A/79/1.

2. *Requests* the Secretary-General:

(a) To report on 3 cases;

(b) To consult;

and to inform the Assembly;

3. *Decides* to remain seized of the matter.
"""


def _read(text: str):
    return read_text(text)


def test_typed_draft_header() -> None:
    h = _read(TYPED).resolution.header
    assert (h.template, h.session, h.distribution, h.original_language) == ("ga-c1", 79, "Limited", "English")
    assert h.date is not None and h.date.isoformat() == "2024-10-11"
    assert [(a.number, a.sub_item, a.title) for a in h.agenda_items] == [
        ("98", "l", "General and complete disarmament")
    ]
    assert h.sponsors == ["Antigua and Barbuda", "Bosnia and Herzegovina", "Trinidad and Tobago"]
    assert h.kind is DocumentKind.DRAFT_RESOLUTION


def test_typed_draft_body() -> None:
    result = _read(TYPED)
    res = result.resolution
    assert res.title == "Assistance in mine action"
    assert [p.opener for p in res.preamble] == ["Recalling", "Noting with deep concern"]
    assert res.preamble[0].text == "its resolutions 54/54 B of 1 December 1999 and 78/45 of 4 December 2023"
    assert [p.opener for p in res.operative] == ["Invites", "Requests", "Decides"]
    assert res.operative[2].text == "to remain seized of the matter"  # number and full stop absorbed
    requests = res.operative[1]
    assert [s.text for s in requests.subparagraphs] == ["To report on 3 cases", "To consult"]
    assert requests.tail == "and to inform the Assembly"
    # footnotes typed out of order and between paragraphs are attached to their markers, never paragraphs
    notes = {fid: note.text for fid, note in res.footnotes.items()}
    assert len(notes) == 2 and len(res.preamble) == 2
    (mines,) = inline.footnote_ids(res.preamble[1].text)
    (convention,) = inline.footnote_ids(res.operative[0].text)
    assert notes[mines] == "United Nations, *Treaty Series*, vol. 2056, No. 35597."
    assert notes[convention] == "A/79/1."
    assert "2024, 12 countries" in res.preamble[1].text  # real numbers are not markers


def test_explicit_italics_win_over_the_lexicon() -> None:
    text = "The General Assembly,\n\n*Recalling also with satisfaction* its work,\n\n1. *Decides*.\n"
    res = _read(text).resolution
    assert res.preamble[0].opener == "Recalling also with satisfaction"
    assert res.preamble[0].text == "its work"


def test_subparagraph_letter_i_after_h_and_roman_under_a_colon() -> None:
    letters = "\n\n".join(f"({c}) Item {c};" for c in "abcdefghijk")
    res = _read(f"The General Assembly,\n\n1. *Decides*:\n\n{letters}\n\n2. *Requests* more.\n").resolution
    subs = res.operative[0].subparagraphs
    assert len(subs) == 11 and subs[8].text == "Item i" and not subs[8].subparagraphs
    nested = "(a) First:\n\n(i) Roman one;\n\n(ii) Roman two;\n\n(b) Second;\n\n(h) Eighth:\n\n(i) Under h."
    res = _read(f"The General Assembly,\n\n1. *Decides*:\n\n{nested}\n").resolution
    top = res.operative[0].subparagraphs
    assert [s.text for s in top] == ["First", "Second", "Eighth"]
    assert [s.text for s in top[0].subparagraphs] == ["Roman one", "Roman two"]
    assert [s.text for s in top[2].subparagraphs] == ["Under h"]


def test_dot_labels_nest_under_roman() -> None:
    text = "The General Assembly,\n\n1. *Decides*:\n\n(a) One:\n\n(i) Two:\n\na. Three;\n\nb. Four;\n\n(b) Five.\n"
    subs = _read(text).resolution.operative[0].subparagraphs
    assert [s.text for s in subs] == ["One", "Five"]
    assert [s.text for s in subs[0].subparagraphs[0].subparagraphs] == ["Three", "Four"]


def test_paragraph_per_line_without_blank_lines() -> None:
    text = (
        "The General Assembly,\n"
        "Recalling its resolution 78/45 of 4 December 2023 and all its previous resolutions on the question "
        "of anti-personnel mines in the world,\n"
        "Noting with concern that the mines remain a threat to the civilian populations of many countries and "
        "regions of the world,\n"
        "1. Requests the Secretary-General to report;\n"
        "2. Decides to remain seized of the matter.\n"
    )
    res = _read(text).resolution
    assert [p.opener for p in res.preamble] == ["Recalling", "Noting with concern"]
    assert [p.opener for p in res.operative] == ["Requests", "Decides"]


def test_single_unnumbered_operative_paragraph() -> None:
    text = "The Security Council,\n\nRecalling its resolutions,\n\nDecides to remain seized of the matter.\n"
    res = _read(text).resolution
    assert res.header.template == "sc"
    assert [p.opener for p in res.preamble] == ["Recalling"]
    assert [p.opener for p in res.operative] == ["Decides"]


def test_pdf_fixture_furniture_pages_hyphens_and_footnotes() -> None:
    result = _read((FIXTURES / "omnibus_pdf.txt").read_text(encoding="utf-8"))
    res = result.resolution
    h = res.header
    assert (h.symbol, h.revision, h.template, h.session) == ("A/C.2/81/L.7", 1, "ga-c2", 81)
    assert h.kind is DocumentKind.REVISED_DRAFT_RESOLUTION and h.job_number == "26-12345 (E)"
    assert h.sponsors == ["Trinidad and Tobago", "Saint Vincent and the Grenadines", "Bosnia and Herzegovina"]
    assert h.on_behalf_of == "the Group of 77 and China"
    assert [(a.number, a.sub_item) for a in h.agenda_items] == [("18", ""), ("19", "b")]
    assert h.agenda_items[1].title.startswith("Sustainable development: follow-up")
    assert h.agenda_items[1].title.endswith("small island developing States conference")
    # a line-end break inside a word is joined; a hyphenated compound keeps its hyphen
    assert res.title == "Small island developing States and the implementation of the programme of action"
    assert "the implementation of the programme" in res.preamble[1].text
    assert "multi-stakeholder approach" in res.preamble[0].text
    assert [p.opener for p in res.preamble] == ["Recalling", "Deeply concerned"]
    assert [p.opener for p in res.operative] == ["Welcomes", "Requests", "Stresses", "Decides"]
    # the page break inside subparagraph (c) and the furniture around it are gone
    requests = res.operative[1]
    assert [s.text for s in requests.subparagraphs][2].endswith("at its eighty-second session")
    assert [s.text for s in requests.subparagraphs[1].subparagraphs] == [
        "Small island developing States",
        "Their development partners",
    ]
    assert requests.tail == "and invites Member States to contribute"
    # "5 of the 39" stays text; footnote 2 continues over two lines; footnote 3 sits on the last page
    assert "that 5 of the 39 small island" in res.operative[2].text
    texts = [res.footnotes[f].text for _, p in res.paragraphs() for f in inline.footnote_ids(p.text + p.tail)]
    assert texts == ["Resolution 79/100, annex.", "See A/81/250, paras. 4–7.", "A/81/1."]
    # the section headings stand before the paragraphs that open their sections; numbering runs on
    assert [p.heading for p in res.operative] == ["I\nFinancing", "", "II\nData", ""]
    assert not [f for f in result.findings if f.rule == "import.unplaced" and "heading" in f.message]
    assert all(p for p in res.unplaced) and not any("A/C.2/81" in p.text for _, p in res.paragraphs())


def test_clean_removes_furniture_and_marks_breaks() -> None:
    lines = [
        "United Nations",
        "A/80/L.6",
        "General Assembly",
        "25-16107 (E)    101025",
        "*2516107*",
        "",
        "Text of page one",
        "",
        "A/80/L.6",
        " ",
        "25-16107",
        "2/2",
        " ",
        "text of page two",
        "Please recycle",
    ]
    out = clean(lines)
    assert out.job_number == "25-16107 (E)"
    assert out.lines == [
        "United Nations",
        "A/80/L.6",
        "General Assembly",
        "",
        "Text of page one",
        PAGE_BREAK,
        "text of page two",
    ]


def test_annex_is_structure_and_an_appendix_is_kept_as_text() -> None:
    text = "The General Assembly,\n\n1. *Adopts* the text annexed;\n\n2. *Decides* so.\n\nAnnex\n\nText of annex.\n"
    result = _read(text)
    res = result.resolution
    assert len(res.operative) == 2 and not res.unplaced
    assert [(a.title, [(p.text, p.numbered) for p in a.paragraphs]) for a in res.annexes] == [
        ("", [("Text of annex.", False)])
    ]
    result = _read(text + "\nAppendix\n\nA table.\n")
    assert result.resolution.unplaced == ["Appendix", "A table."]
    assert any(f.rule == "import.annex" for f in result.findings)


def test_adopted_resolution_becomes_a_draft() -> None:
    text = (
        "United Nations\n\nA/RES/80/9\n\nGeneral Assembly\n\nDistr.: General\n\n2 November 2025\n\n"
        "Eightieth session\n\nAgenda item 14\n\nCulture of peace\n\n"
        "Resolution adopted by the General Assembly on 1 November 2025\n\n"
        "[on the report of the Third Committee (A/80/500, para. 12)]\n\n80/9. Culture of peace\n\n"
        "The General Assembly,\n\nRecalling its resolutions,\n\n1.\tDecides to continue;\n\n2.\tRequests a report."
        "\n\n30th plenary meeting\n1 November 2025\n"
    )
    result = _read(text)
    res = result.resolution
    assert (res.header.template, res.header.symbol, res.header.distribution) == ("ga-c3", "", "Limited")
    assert res.title == "Culture of peace" and len(res.operative) == 2
    assert {f.rule for f in result.findings} >= {"import.adopted-resolution", "import.closing"}


def test_sponsor_names_with_and() -> None:
    assert split_sponsors(
        "Canada, Trinidad and Tobago and United Kingdom of Great Britain and Northern Ireland"
    ) == [
        "Canada",
        "Trinidad and Tobago",
        "United Kingdom of Great Britain and Northern Ireland",
    ]
    assert split_sponsors("Saint Kitts and Nevis") == ["Saint Kitts and Nevis"]
    assert split_sponsors("Canada and Mexico") == ["Canada", "Mexico"]


def test_serial_comma_in_the_sponsor_line() -> None:
    """A serial comma before the last name leaves that name whole (it once imported as "and Italy")."""
    line = "Antigua and Barbuda, Bosnia and Herzegovina and Trinidad and Tobago: draft resolution"
    serial = "France, Bosnia and Herzegovina, and Trinidad and Tobago: draft resolution"
    h = _read(TYPED.replace(line, serial)).resolution.header
    assert h.sponsors == ["France", "Bosnia and Herzegovina", "Trinidad and Tobago"]


def test_decision_and_amendment_forms() -> None:
    text = (
        "Canada: draft decision\n\nTitle of it\n\nThe General Assembly, recalling its decision 79/513, decides to "
        "include the item.\n"
    )
    res = _read(text).resolution
    assert res.header.kind is DocumentKind.DRAFT_DECISION and res.title == "Title of it"
    assert not res.preamble and res.operative[0].text.startswith("recalling its decision 79/513, decides")
    amendment = _read(
        "Mexico: amendment to draft resolution A/80/L.18\n\nDelete the fifth preambular paragraph reading:\n\n"
        "Recalling the Charter,\n"
    )
    assert amendment.resolution.header.amends == "A/80/L.18"
    # the instruction is the amendment's body; the paragraph it quotes is the instruction's, not the draft's
    (instruction,) = amendment.resolution.instructions
    assert (instruction.action, instruction.part, instruction.number) == (Action.DELETE, Part.PREAMBLE, 5)
    assert instruction.paragraph is not None and instruction.paragraph.opener == "Recalling"
    assert not amendment.resolution.preamble and not amendment.resolution.operative


@pytest.mark.parametrize("text", ["", "   \n\n  "])
def test_empty_text_is_a_clear_error(text: str) -> None:
    with pytest.raises(InputError, match="empty"):
        read_text(text)


def test_adopted_pdf_without_blank_lines_running_headers_and_a_note_over_two_pages() -> None:
    result = _read((FIXTURES / "adopted_pdf.txt").read_text(encoding="utf-8"))
    res = result.resolution
    h = res.header
    assert (h.template, h.session, h.symbol, h.distribution) == ("ga-c2", 80, "", "Limited")
    assert [a.title for a in h.agenda_items] == [
        "Sustainable development"
    ] and res.title == "Harmony with Nature"
    assert [p.opener for p in res.preamble] == ["Recalling", "Recognizing", "Noting", "Welcoming"]
    assert [p.opener for p in res.operative] == ["Takes note", "Decides"]
    assert res.operative[1].text.endswith(
        "at its eighty-first session"
    )  # no running header, no adoption lines
    notes = [inline.plain(n.text) for n in res.footnotes.values()]  # the cited title is set in italics
    assert notes[0].startswith("Report of the United Nations Conference") and notes[0].endswith("annex I.")
    assert "Rio de Janeiro, 3–14 June 1992" in notes[0] and notes[1] == "A/80/266."
    assert not any("A/RES" in p.text or "25-20001" in p.text for _, p in res.paragraphs())
    assert {f.rule for f in result.findings} == {"import.adopted-resolution", "import.closing"}


def test_footnotes_typed_at_the_end_without_a_rule() -> None:
    text = (
        "The General Assembly,\n\nRecalling its resolution 79/7,1 adopted in 2024 by 187 votes,\n\n"
        "1. Decides to include the item.2\n\n1 A/79/PV.30.\n2 A/80/1.\n"
    )
    res = _read(text).resolution
    assert [n.text for n in res.footnotes.values()] == ["A/79/PV.30.", "A/80/1."]
    assert "79/7,[^" in res.preamble[0].text and "by 187 votes" in res.preamble[0].text
    assert len(res.operative) == 1 and inline.footnote_ids(res.operative[0].text)


def test_two_notes_at_one_place() -> None:
    text = "The General Assembly,\n\nRecalling the Charter¹²,\n\n1. Decides.\n\n¹ One.\n\n² Two.\n"
    res = _read(text).resolution
    refs = inline.footnote_ids(res.preamble[0].text)
    assert [res.footnotes[r].text for r in refs] == ["One.", "Two."]


def test_blank_lines_inside_paragraphs_are_bridged() -> None:
    """Some extractors (pdfminer) put blank lines inside paragraphs; a paragraph that has not ended goes on."""
    text = (
        "The General Assembly,\n\nMindful that 2025 marks 80 years since nuclear weapons were first used with\n\n"
        "devastating consequences,\n\n1. Calls upon States to ensure the enjoyment of all their civil,\n\n"
        "political and social rights;\n\n2. Requests the Secretary-General:\n\n(a) To report;\n\n"
        "and invites States to contribute;\n\n3. Decides to remain seized of the\n\nUnited Nations matter.\n"
    )
    res = _read(text).resolution
    assert [p.text for p in res.preamble] == [
        "that 2025 marks 80 years since nuclear weapons were first used with devastating consequences"
    ]
    assert res.operative[0].text.endswith("all their civil, political and social rights")
    assert res.operative[1].tail == "and invites States to contribute"
    assert res.operative[2].text == "to remain seized of the United Nations matter"


def test_a_note_by_the_secretariat_is_refused_in_one_line_and_a_draft_citing_a_note_is_read() -> None:
    """A/C.5/80/L.1 (tests/fixtures/issued) is an L document but a note ("Note by the Secretariat" under its
    title, no "draft resolution" line): read as a resolution it became operative paragraphs without openers."""
    note = (Path(__file__).resolve().parents[1] / "fixtures" / "issued" / "A_C.5_80_L.1_head.txt").read_text()
    with pytest.raises(InputError, match="Note by the Secretariat"):
        read_text(note)
    draft = note.replace(
        " Note by the Secretariat", " Draft resolution submitted by the Chair\n\nNote by the Chair"
    )
    draft = draft.replace("1. \nThe attention", "The General Assembly,\n\n1. \nDecides that the attention")
    assert read_text(draft).resolution.operative


def test_an_amendment_to_a_draft_recommended_in_a_committee_report_is_read_as_one() -> None:
    """A/80/L.39 (tests/fixtures/issued): the sponsor line runs on over three lines, "…:* amendment to draft /
    resolution 6 recommended by the Second Committee in its report contained in / document A/80/555"."""
    text = (Path(__file__).resolve().parents[1] / "fixtures" / "issued" / "A_80_L.39_head.txt").read_text()
    result = read_text(text)
    res = result.resolution
    h = res.header
    assert h.kind is DocumentKind.AMENDMENT
    assert h.amends == "6 recommended by the Second Committee in its report contained in document A/80/555"
    assert (
        h.sponsors[0] == "Austria"
        and h.sponsors[-1] == "Sweden"
        and "Netherlands (Kingdom of the)" in h.sponsors
    )
    assert res.title == "External debt sustainability and development"
    assert [(i.action, i.number) for i in res.instructions] == [(Action.DELETE, n) for n in (3, 43, 45)]
    assert not res.operative


def test_a_reissue_star_on_the_symbol_and_job_number_points_at_a_masthead_note() -> None:
    """A/C.3/80/L.29 (tests/fixtures/issued): "A/C.3/80/L.29*", "25-17755* (E)" and "* Second reissue for
    technical reasons (12 November 2025).": the note is the masthead's, neither the text's nor unplaced."""
    text = (
        Path(__file__).resolve().parents[1] / "fixtures" / "issued" / "A_C.3_80_L.29_head.txt"
    ).read_text()
    result = read_text(text)
    res = result.resolution
    assert res.header.job_number == "25-17755 (E)" and res.header.symbol == "A/C.3/80/L.29"
    loud = [f for f in result.findings if f.severity in (Severity.ERROR, Severity.WARNING)]
    assert loud == [] and not res.footnotes
    assert any("Second reissue" in f.message for f in result.findings if f.rule == "import.unplaced")
    # sharp: a star note of the text is still placed at its mark
    body = text.replace("Recalling all previous", "Recalling all* previous")
    body = body.replace("Second reissue for technical reasons", "Including those of 2024")
    back = read_text(body)
    assert len(back.resolution.footnotes) == 1 and "[^" in back.resolution.preamble[1].text
    assert not [f for f in back.findings if f.rule == "import.footnote-unplaced"]


def test_a_list_run_into_the_paragraph_stays_its_words_when_a_label_starts_a_line() -> None:
    """A/C.2/80/L.45, operative paragraph 8 as the PDF's text breaks it (tests/fixtures/issued/run_in_list.txt):
    "(a) … (b) …" run into the paragraph's words and "(c)" happens to open a line; it continues the words (it
    was read as a lone subparagraph "(c)" and drew subparagraphs.single and .capital). A list that opens on its
    own line after a colon is still a list."""
    path = Path(__file__).resolve().parents[1] / "fixtures" / "issued" / "run_in_list.txt"
    issued = "\n".join(ln for ln in path.read_text(encoding="utf-8").splitlines() if not ln.startswith("#"))
    text = f"The General Assembly,\n\n{issued}\n\n9. Decides to remain seized of the matter.\n"
    para = read_text(text).resolution.operative[0]
    labels = re.findall(r"\(([a-e])\) ", inline.plain(para.text))
    assert para.subparagraphs == [] and labels == ["a", "b", "c", "d", "e"]
    listed = read_text(
        "The General Assembly,\n\n1. Encourages States:\n(a) to act;\n(b) to report;\n"
    ).resolution
    assert [s.text for s in listed.operative[0].subparagraphs] == ["to act", "to report"]


@pytest.mark.parametrize("tail", ["in.", "to.", "as."])
def test_a_short_tail_is_no_label_and_the_next_part_still_starts(tail: str) -> None:
    """A two-letter word with a full stop ("in.") ending a paragraph after its subparagraphs is no label
    ("aa." is): the part letter after it starts part B instead of running into the tail (found by hypothesis)."""
    text = (
        "A\n\nThe report\n\nThe General Assembly\n\n*Requests* the Secretary-General:\n\n(a) To report;\n\n"
        f"{tail}\n\nB\n\nThe budget\n\nThe General Assembly\n\n*Decides* to act.\n"
    )
    res = read_text(text).resolution
    assert [p.opener for p in res.operative] == ["Requests"] and not res.preamble
    assert res.operative[0].tail == tail.rstrip(".")
    assert [(p.title, [q.opener for q in p.operative]) for p in res.later_parts] == [
        ("The budget", ["Decides"])
    ]
