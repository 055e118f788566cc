"""The Word reader on hand-made .docx files: typed numbers, Word numbering, styles, footnotes, tracked changes."""

from __future__ import annotations

import re
import sys
from pathlib import Path

from docx.enum.style import WD_STYLE_TYPE

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from fixtures.wordxml.docs import HEADER, Del, Doc, E, I, Ins, N, S  # noqa: E402

from app import inline  # noqa: E402
from app.findings import Severity  # noqa: E402
from app.io.docx_reader import read_docx  # noqa: E402
from app.model import DocumentKind  # noqa: E402
from app.render import render  # noqa: E402


def _read(doc: Doc):
    return read_docx(doc.bytes(), name="draft.docx")


def _typed_draft() -> Doc:
    doc = Doc()
    doc.masthead()
    doc.para(I("Recalling"), " its resolution 79/77 of 2 December 2024,")
    doc.para(I("Noting"), " the Final Document", N("*Final Document*, vol. I."), " and its actions:")
    doc.para("(a)\t", "Action one;")
    doc.para("(b)\t", "Action two,")
    doc.para("and noting also the progress made,")
    doc.para("1.\t", I("Stresses"), " the importance of the Treaty;", N("See resolution 50/245."))
    doc.para("2.\t", I("Requests"), " the Secretary-General:")
    doc.para("(a)\t", "To report on:")
    doc.para("(i)\t", "Progress;")
    doc.para("(ii)\t", "Obstacles;")
    doc.para("(b)\t", "To consult States; and")
    doc.para("in so doing to keep them informed;")
    doc.para(
        "3.\t", I("Decides"), " to include the item in the provisional agenda of its eighty-first session."
    )
    return doc


def test_typed_draft_header_structure_openers_and_footnotes() -> None:
    result = _read(_typed_draft())
    res = result.resolution
    h = res.header
    assert (h.symbol, h.template, h.session, h.date.isoformat()) == (
        "A/C.1/80/L.43",
        "ga-c1",
        80,
        "2025-10-10",
    )
    assert h.sponsors == ["Albania", "Australia", "Japan"] and h.kind is DocumentKind.DRAFT_RESOLUTION
    assert [a.number for a in h.agenda_items] == ["105"]
    assert res.title == "Comprehensive Nuclear-Test-Ban Treaty"

    assert [p.opener for p in res.preamble] == ["Recalling", "Noting"]
    assert res.preamble[0].text == "its resolution 79/77 of 2 December 2024"
    noting = res.preamble[1]
    assert re.fullmatch(r"the Final Document\[\^\w+\] and its actions", noting.text)
    assert [s.text for s in noting.subparagraphs] == ["Action one", "Action two"]
    assert noting.tail == "and noting also the progress made"

    assert [p.opener for p in res.operative] == ["Stresses", "Requests", "Decides"]
    assert re.fullmatch(r"the importance of the Treaty\[\^\w+\]", res.operative[0].text)  # ';' before the ref
    requests = res.operative[1]
    assert [s.text for s in requests.subparagraphs] == ["To report on", "To consult States; and"]
    assert [s.text for s in requests.subparagraphs[0].subparagraphs] == ["Progress", "Obstacles"]
    assert requests.tail == "in so doing to keep them informed"
    notes = [res.footnotes[i].text for i in inline.footnote_ids(noting.text + res.operative[0].text)]
    assert notes == ["*Final Document*, vol. I.", "See resolution 50/245."]

    labels = [b.label for b in render(res).blocks if b.label]
    assert labels == ["(a)", "(b)", "1.", "2.", "(a)", "(i)", "(ii)", "(b)", "3."]
    # the file set a semicolon after a preambular subparagraph: corrected to a comma, and said so
    warned = [(f.rule, f.paragraph_id) for f in result.findings if f.severity is not Severity.INFO]
    assert warned == [("import.end-punctuation", noting.subparagraphs[0].id)]


def test_word_automatic_numbering_gives_the_same_model_as_typed_numbers() -> None:
    doc = Doc()
    num = doc.numbering()
    doc.masthead()
    doc.para(I("Recalling"), " its resolution 79/77 of 2 December 2024,")
    doc.para(I("Noting"), " the Final Document", N("*Final Document*, vol. I."), " and its actions:")
    doc.para("Action one;", num=(num, 1))
    doc.para("Action two,", num=(num, 1))
    doc.para("and noting also the progress made,")
    doc.para(I("Stresses"), " the importance of the Treaty;", N("See resolution 50/245."), num=(num, 0))
    doc.para(I("Requests"), " the Secretary-General:", num=(num, 0))
    doc.para("To report on:", num=(num, 1))
    doc.para("Progress;", num=(num, 2))
    doc.para("Obstacles;", num=(num, 2))
    doc.para("To consult States; and", num=(num, 1))
    doc.para("in so doing to keep them informed;")
    doc.para(
        I("Decides"),
        " to include the item in the provisional agenda of its eighty-first session.",
        num=(num, 0),
    )
    auto = _read(doc).resolution
    typed = _read(_typed_draft()).resolution
    assert _shape(auto) == _shape(typed)


def _shape(res) -> list:
    def one(p):
        return (p.opener, re.sub(r"\[\^\w+\]", "[^]", p.text), p.tail, [one(s) for s in p.subparagraphs])

    return [[one(p) for p in res.preamble], [one(p) for p in res.operative]]


def test_numbering_levels_are_computed_from_numbering_xml() -> None:
    """A list whose level 0 prints '(a)' is a list of subparagraphs, whatever its level number says."""
    doc = Doc()
    num = doc.numbering(91, (("lowerLetter", "(%1)"), ("lowerRoman", "(%2)")))
    doc.masthead()
    doc.para(I("Recalling"), " its resolutions,")
    doc.para("1.\t", I("Requests"), " the Secretary-General:")
    doc.para("To report;", num=(num, 0))
    doc.para("To consult:", num=(num, 0))
    doc.para("States;", num=(num, 1))
    doc.para("2.\t", I("Decides"), " to remain seized of the matter.")
    res = _read(doc).resolution
    first = res.operative[0]
    assert [s.text for s in first.subparagraphs] == ["To report", "To consult"]
    assert [s.text for s in first.subparagraphs[1].subparagraphs] == ["States"]
    assert len(res.operative) == 2


def test_undefined_numbering_falls_back_to_list_level() -> None:
    doc = Doc()
    doc.masthead()
    doc.para(I("Recalling"), " its resolutions,")
    doc.para("1.\t", I("Requests"), " the Secretary-General:")
    doc.para("To report;", num=(555, 1))  # numId 555 is not defined in numbering.xml
    doc.para("To consult;", num=(555, 1))
    doc.para("2.\t", I("Decides"), " to remain seized of the matter.")
    res = _read(doc).resolution
    assert [s.text for s in res.operative[0].subparagraphs] == ["To report", "To consult"]


def test_indentation_makes_unlabeled_lines_subparagraphs() -> None:
    doc = Doc()
    doc.masthead()
    doc.para(I("Recalling"), " its resolutions,", left=36)
    doc.para("1.\t", I("Requests"), " the Secretary-General:", left=36)
    doc.para("To report;", left=72)
    doc.para("To consult;", left=72)
    doc.para("2.\t", I("Decides"), " to remain seized of the matter.", left=36)
    res = _read(doc).resolution
    assert [s.text for s in res.operative[0].subparagraphs] == ["To report", "To consult"]


def test_letter_i_after_h_is_a_letter_not_a_roman_numeral() -> None:
    doc = Doc()
    doc.masthead()
    doc.para("1.\t", I("Urges"), " States:")
    for letter in "abcdefghij":
        doc.para(f"({letter})\t", f"Item {letter};")
    doc.para("(i)\t", "Deeper one;")  # after (j): a roman numeral under (j)
    doc.para("2.\t", I("Decides"), " to remain seized of the matter.")
    res = _read(doc).resolution
    subs = res.operative[0].subparagraphs
    assert [s.text for s in subs] == [f"Item {c}" for c in "abcdefghij"]
    assert [s.text for s in subs[-1].subparagraphs] == ["Deeper one"]


def test_italics_from_character_style_chain_and_direct_override() -> None:
    doc = Doc()
    own = doc.d.styles.add_style("MyOpener", WD_STYLE_TYPE.CHARACTER)
    own.base_style = doc.d.styles["Emphasis"]  # italic comes from the style it is based on
    doc.masthead()
    p = doc.para()
    p.add_run("Welcoming", style="MyOpener")
    p.add_run(" the report,")
    doc.para("1.\t", E("Requests"), " a report;")
    p = doc.para("2.\t")
    run = p.add_run("Decides", style="Emphasis")
    run.italic = False  # direct formatting wins over the style: not italic, so the lexicon finds the opener
    p.add_run(" to continue its work.")
    result = _read(doc)
    res = result.resolution
    assert res.preamble[0].opener == "Welcoming" and res.preamble[0].text == "the report"
    assert res.operative[0].opener == "Requests"
    assert res.operative[1].opener == "Decides"
    assert any(f.rule == "import.openers" and f.message.startswith("1 ") for f in result.findings)


def test_italics_from_paragraph_style() -> None:
    doc = Doc()
    style = doc.d.styles.add_style("ItalicLead", WD_STYLE_TYPE.PARAGRAPH)
    style.font.italic = True
    doc.masthead()
    p = doc.para(style="ItalicLead")
    p.add_run("Recognizing")
    r = p.add_run(" the efforts made,")
    r.italic = False
    doc.para("1.\t", I("Requests"), " a report.")
    res = _read(doc).resolution
    assert (res.preamble[0].opener, res.preamble[0].text) == ("Recognizing", "the efforts made")


def test_no_italics_openers_come_from_the_lexicon() -> None:
    doc = Doc()
    doc.masthead()
    doc.para("Recalling also its resolution 79/77,")
    doc.para("Deeply concerned by the lack of progress,")
    doc.para("1.\tStrongly urges all States to sign the Treaty;")
    doc.para("2.\tDecides to continue its work.")
    result = _read(doc)
    res = result.resolution
    assert [(p.opener, p.text) for p in res.preamble] == [
        ("Recalling also", "its resolution 79/77"),
        ("Deeply concerned", "by the lack of progress"),
    ]
    assert [p.opener for p in res.operative] == ["Strongly urges", "Decides"]
    assert any(f.rule == "import.openers" and f.message.startswith("4 ") for f in result.findings)


def test_unnumbered_single_operative_paragraph() -> None:
    doc = Doc()
    doc.masthead(HEADER[:-2] + ["Albania: draft decision", "Some title"])
    doc.para("Decides to include in the provisional agenda of its eighty-first session the item.")
    res = _read(doc).resolution
    assert res.header.kind is DocumentKind.DRAFT_DECISION
    assert not res.preamble
    assert [(p.opener, p.text[:20]) for p in res.operative] == [("Decides", "to include in the pr")]


def test_unnumbered_draft_switches_to_operative_at_the_first_operative_verb() -> None:
    doc = Doc()
    doc.masthead()
    doc.para(I("Recalling"), " its resolutions,")
    doc.para(I("Requests"), " a report;")
    doc.para(I("Decides"), " to remain seized of the matter.")
    res = _read(doc).resolution
    assert [p.opener for p in res.preamble] == ["Recalling"]
    assert [p.opener for p in res.operative] == ["Requests", "Decides"]


def test_tracked_changes_are_read_accepted_and_reported() -> None:
    doc = Doc()
    doc.masthead()
    doc.para(I("Recalling"), " its resolution ", Del("78/1"), Ins("79/77"), ",")
    doc.para(I("Noting"), " a paragraph deleted entirely,", deleted_mark=True)  # its text is deleted below
    doc.para(I("Welcoming"), " the first half", deleted_mark=True)
    doc.para(" and the second half,")
    doc.para("1.\t", I("Decides"), " to ", Del("never "), "act.")
    # make the "Noting" paragraph's runs deleted, as Word does for a deleted paragraph
    body = doc.d.element.body
    noting = [p for p in body.iterfind(".//{*}p") if "Noting" in "".join(p.itertext())][0]
    from docx.oxml import parse_xml

    wrapper = parse_xml(
        '<w:del xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" w:id="3" w:author="x"/>'
    )
    for r in list(noting.iterfind("{*}r")):
        for t in r.iterfind("{*}t"):
            t.tag = t.tag.replace("}t", "}delText")
        wrapper.append(r)
    noting.append(wrapper)
    result = _read(doc)
    res = result.resolution
    assert [(p.opener, p.text) for p in res.preamble] == [
        ("Recalling", "its resolution 79/77"),
        ("Welcoming", "the first half and the second half"),
    ]
    assert res.operative[0].text == "to act"
    assert (
        result.findings[0].rule == "import.tracked-changes" and result.findings[0].severity is Severity.INFO
    )


def test_moves_are_read_at_their_destination() -> None:
    doc = Doc()
    doc.masthead()
    p = doc.para(I("Recalling"), " its resolution,")
    from docx.oxml import parse_xml

    ns = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    p._p.append(
        parse_xml(f'<w:moveFrom {ns} w:id="4" w:author="x"><w:r><w:t>old place</w:t></w:r></w:moveFrom>')
    )
    q = doc.para("1.\t", I("Decides"), " to act ")
    q._p.append(parse_xml(f'<w:moveTo {ns} w:id="5" w:author="x"><w:r><w:t>at once</w:t></w:r></w:moveTo>'))
    res = _read(doc).resolution
    assert res.preamble[0].text == "its resolution"
    assert res.operative[0].text == "to act at once"


def test_typed_reference_marks_with_notes_typed_at_the_end() -> None:
    doc = Doc()
    doc.masthead()
    doc.para(I("Recalling"), " the Charter,", S("1"), " and the Declaration,", S("2"))
    doc.para("1.\t", I("Decides"), " to act, in square metres", S("3"), ".")
    doc.para("__________________")
    doc.para(S("1"), " See resolution 217 A (III).")
    doc.para("2\tResolution 2200 A (XXI), annex.")
    result = _read(doc)
    res = result.resolution
    recalling = res.preamble[0]
    ids = inline.footnote_ids(recalling.text)
    assert [res.footnotes[i].text for i in ids] == [
        "See resolution 217 A (III).",
        "Resolution 2200 A (XXI), annex.",
    ]
    assert re.fullmatch(r"the Charter,\[\^\w+\] and the Declaration\[\^\w+\]", recalling.text)
    assert res.operative[0].text == "to act, in square metres3"  # no note text for "3": kept as typed
    assert any(f.rule == "import.footnotes" and "3" in f.message for f in result.findings)
    assert not res.unplaced


def test_annex_is_structure_and_a_table_in_it_is_a_table_paragraph() -> None:
    doc = Doc()
    doc.masthead()
    doc.para(I("Recalling"), " its resolutions,")
    doc.para("1.\t", I("Adopts"), " the guidelines annexed to the present resolution.")
    doc.para("Annex")
    doc.para("Guidelines on something")
    doc.table([["Region", "Seats"], ["Africa", "3"]])
    result = _read(doc)
    res = result.resolution
    assert [a.title for a in res.annexes] == ["Guidelines on something"]  # the line after "Annex"
    assert [p.table for p in res.annexes[0].paragraphs] == [[["Region", "Seats"], ["Africa", "3"]]]
    assert not res.unplaced and not [f for f in result.findings if f.rule == "import.unplaced"]


def test_masthead_in_a_table_and_page_headers_footers_ignored() -> None:
    doc = Doc()
    doc.table([["United Nations", "A/C.3/80/L.20"], ["General Assembly", "Distr.: Limited"]])
    lines = [
        "22 October 2025",
        "Original: English",
        "Eightieth session",
        "Third Committee",
        "Agenda item 67",
        "Rights of the child",
        "Andorra and Argentina: draft resolution",
        "Rights of the child",
    ]
    doc.masthead(lines)
    doc.para(I("Recalling"), " its resolutions,")
    doc.para("1.\t", I("Decides"), " to continue.")
    section = doc.d.sections[0]
    section.header.paragraphs[0].text = "A/C.3/80/L.99 running head"
    section.footer.paragraphs[0].text = "99-99999 page 2"
    res = _read(doc).resolution
    assert (res.header.symbol, res.header.template) == ("A/C.3/80/L.20", "ga-c3")
    assert res.header.sponsors == ["Andorra", "Argentina"]
    everything = " ".join(p.text for _, p in res.paragraphs()) + " ".join(res.unplaced)
    assert "running head" not in everything and "page 2" not in everything


def test_on_behalf_of_note_on_the_sponsor_line() -> None:
    doc = Doc()
    for line in HEADER[:-2]:
        doc.para(line)
    doc.para(
        "Uganda",
        N(
            "On behalf of the States Members of the United Nations that are members of the Group of 77 "
            "and China."
        ),
        ": draft resolution",
    )
    doc.para("Some title")
    doc.para("The General Assembly,")
    doc.para(I("Recalling"), " its resolutions,")
    doc.para("1.\t", I("Decides"), " to continue.")
    res = _read(doc).resolution
    assert res.header.sponsors == ["Uganda"]
    assert res.header.on_behalf_of == "the Group of 77 and China"
    assert res.title == "Some title"
    assert not res.footnotes


def test_missing_organ_line_is_reported_and_the_body_still_read() -> None:
    doc = Doc()
    doc.para("Draft resolution on something")
    doc.para(I("Recalling"), " its resolutions,")
    doc.para("1.\t", I("Decides"), " to continue.")
    result = _read(doc)
    assert [p.opener for p in result.resolution.operative] == ["Decides"]
    assert any(f.rule == "import.structure" and "organ line" in f.message for f in result.findings)


def test_numbering_from_the_paragraph_style() -> None:
    """Word's "List Number" style carries its numbering in the style; each paragraph gets the next number."""
    doc = Doc()
    doc.masthead()
    doc.para(I("Recalling"), " its resolutions,")
    doc.para(I("Requests"), " a report;", style="List Number")
    doc.para("(a)\t", "On progress;")
    doc.para(I("Decides"), " to continue.", style="List Number")
    res = _read(doc).resolution
    assert [p.opener for p in res.preamble] == ["Recalling"]
    assert [p.opener for p in res.operative] == ["Requests", "Decides"]
    assert [s.text for s in res.operative[0].subparagraphs] == ["On progress"]


def test_footnote_on_the_title_stays_on_the_title() -> None:
    doc = Doc()
    for line in HEADER[:-1]:
        doc.para(line)
    doc.para("Comprehensive Nuclear-Test-Ban Treaty", N("United Nations, *Treaty Series*, vol. 2,"))
    doc.para("The General Assembly,")
    doc.para(I("Recalling"), " its resolutions,")
    doc.para("1.\t", I("Decides"), " to continue.")
    res = _read(doc).resolution
    assert re.fullmatch(r"Comprehensive Nuclear-Test-Ban Treaty\[\^\w+\]", res.title)
    assert [n.text for n in res.footnotes.values()] == ["United Nations, *Treaty Series*, vol. 2,"]


def test_negotiation_draft_with_pp_and_op_numbers() -> None:
    doc = Doc()
    doc.masthead()
    doc.para("PP1\t", I("Recalling"), " its resolutions,")
    doc.para("PP2 ", I("Noting"), " the report:")
    doc.para("(a)\t", "First;")
    doc.para("OP1.\t", I("Requests"), " a report;")
    doc.para("OP1 bis\t", I("Encourages"), " States [to cooperate];")
    doc.para("OP2\t", I("Decides"), " to continue.")
    res = _read(doc).resolution
    assert [(p.opener, p.text) for p in res.preamble] == [
        ("Recalling", "its resolutions"),
        ("Noting", "the report"),
    ]
    assert [s.text for s in res.preamble[1].subparagraphs] == ["First"]
    assert [(p.opener, inline.plain(p.text)) for p in res.operative] == [
        ("Requests", "a report"),
        ("Encourages", "States [to cooperate]"),  # the brackets of negotiation are kept as text
        ("Decides", "to continue"),
    ]


def test_lists_numbered_by_another_word_processor() -> None:
    """libreoffice-lists.docx: LibreOffice's own .docx from libreoffice-lists.html (HTML lists become Word
    numbering "1.", "a." in numbering.xml; italics are direct formatting)."""
    data = (
        Path(__file__).resolve().parent.parent / "fixtures" / "wordxml" / "libreoffice-lists.docx"
    ).read_bytes()
    result = read_docx(data, name="libreoffice-lists.docx")
    res = result.resolution
    assert (res.header.symbol, res.header.sponsors) == ("A/C.1/80/L.43", ["Albania", "Australia", "Japan"])
    assert [p.opener for p in res.preamble] == ["Recalling", "Noting"]
    assert [p.opener for p in res.operative] == ["Stresses", "Requests", "Decides"]
    assert [s.text for s in res.operative[1].subparagraphs] == ["To report on progress", "To consult States"]
    assert [b.label for b in render(res).blocks if b.label] == ["1.", "2.", "(a)", "(b)", "3."]
    assert not result.findings


def test_text_boxes_and_comments_are_reported() -> None:
    from docx.oxml import parse_xml

    doc = Doc()
    doc.masthead()
    p = doc.para(I("Recalling"), " its resolutions,")
    p._p.append(
        parse_xml(
            '<w:r xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
            'xmlns:v="urn:schemas-microsoft-com:vml"><w:pict><v:shape><v:textbox><w:txbxContent>'
            "<w:p><w:r><w:t>Note for the facilitator</w:t></w:r></w:p></w:txbxContent></v:textbox></v:shape></w:pict></w:r>"
        )
    )
    q = doc.para("1.\t", I("Decides"), " to continue.")
    doc.d.add_comment(q.runs[-1], text="Too strong?", author="Delegate")
    result = _read(doc)
    res = result.resolution
    assert res.preamble[0].text == "its resolutions"
    assert res.unplaced == ["Note for the facilitator"]
    assert any(f.rule == "import.unplaced" and "text box" in f.message for f in result.findings)
    assert any(f.rule == "import.comments" and "1 comment" in f.message for f in result.findings)


def test_organ_line_of_a_body_without_a_template() -> None:
    doc = Doc()
    doc.para("Draft resolution submitted by the Chair")
    doc.para("Women, peace and security")
    doc.para("The Commission on the Status of Women,")
    doc.para(I("Recalling"), " its agreed conclusions,")
    doc.para("1.\t", I("Urges"), " Governments to act.")
    result = _read(doc)
    res = result.resolution
    assert [p.opener for p in res.preamble] == ["Recalling"] and [p.opener for p in res.operative] == [
        "Urges"
    ]
    assert not any("organ line" in f.message for f in result.findings)


def test_a_footnote_referenced_twice_reads_back_as_one_note_with_two_references():
    """Word allows one reference per footnote: the exporter writes the second as a NOTEREF field."""
    from app.io.docx_writer import build_docx
    from app.model import Header, Paragraph, Resolution

    res = Resolution(header=Header(template="ga-c1", session=80), title="Anti-personnel mines")
    note = res.add_footnote("United Nations, *Treaty Series*, vol. 2056, No. 35597.")
    res.preamble = [Paragraph("Recalling", f"the Convention[^{note.id}] and its implementation")]
    res.operative = [
        Paragraph("Urges", "all States to accede"),
        Paragraph("Invites", f"States to ratify it[^{note.id}]"),
    ]
    back = read_docx(build_docx(res)).resolution
    (only,) = back.footnotes.values()
    assert only.text == note.text
    assert inline.footnote_ids(back.preamble[0].text) == [only.id]
    assert inline.footnote_ids(back.operative[1].text) == [only.id]
    assert inline.plain(back.operative[1].text) == "States to ratify it"


def test_section_headings_round_trip_through_word():
    from app.io.docx_writer import build_docx
    from app.model import Header, Paragraph, Resolution

    res = Resolution(header=Header(template="ga-c2", session=81), title="Oceans")
    res.preamble = [Paragraph("Recalling", "its resolution 80/1 of 1 December 2025")]
    res.operative = [
        Paragraph("Welcomes", "the report", heading="I\nImplementation"),
        Paragraph("Urges", "all States to act"),
        Paragraph("Decides", "to continue", heading="II\nData"),
    ]
    back = read_docx(build_docx(res)).resolution
    assert [p.heading for p in back.operative] == ["I\nImplementation", "", "II\nData"]
    assert [p.opener for p in back.operative] == ["Welcomes", "Urges", "Decides"]


def test_a_group_draft_keeps_its_on_behalf_of_group_through_word():
    from app.io.docx_writer import build_docx
    from app.model import Header, Paragraph, Resolution

    res = Resolution(
        header=Header(
            template="ga-c2", session=81, sponsors=["Uganda"], on_behalf_of="the Group of 77 and China"
        ),
        title="Trade",
    )
    res.preamble = [Paragraph("Recalling", "its resolution 80/1 of 1 December 2025")]
    res.operative = [Paragraph("Urges", "all States to act")]
    result = read_docx(build_docx(res))
    back = result.resolution
    assert (back.header.sponsors, back.header.on_behalf_of) == (["Uganda"], "the Group of 77 and China")
    assert back.unplaced == [] and not back.footnotes


def test_header_lines_with_several_notes_keep_them_all() -> None:
    """A title with two notes and a sponsor line with its "*" note and another: every note is read (the title
    keeps its references, the sponsor line's second note is kept and said), where the second note on a line
    used to crash the reader."""
    doc = Doc()
    title_notes = ["See A/80/1.", "See A/80/2."]
    for line in HEADER[:-2]:
        doc.para(line)
    doc.para(
        "Albania, Australia and Japan: draft resolution", N("Reissued for technical reasons."), N("Later.")
    )
    doc.para("Comprehensive Nuclear-Test-Ban Treaty", *(N(text) for text in title_notes))
    doc.para("The General Assembly,")
    doc.para(I("Recalling"), " its resolution 79/77 of 2 December 2024,")
    doc.para(
        "1.\t", I("Decides"), " to include the item in the provisional agenda of its eighty-first session."
    )
    result = _read(doc)
    res = result.resolution
    assert inline.plain(res.title) == "Comprehensive Nuclear-Test-Ban Treaty"
    assert [res.footnotes[i].text for i in inline.footnote_ids(res.title)] == title_notes
    assert res.header.sponsor_note == "Reissued for technical reasons."
    kept = [f for f in result.findings if f.rule == "import.unplaced" and "Later." in f.message]
    assert kept and "Later." in res.unplaced
