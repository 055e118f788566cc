"""Oral revisions read out from the floor, from the differences between two versions."""

from __future__ import annotations

import copy
import io

import docx

from app.compare.diff import compare
from app.compare.oral import oral_revisions, oral_revisions_docx, oral_revisions_text
from app.io.reading import read_document
from app.model import Header, Paragraph, Resolution


def _draft() -> Resolution:
    return Resolution(
        header=Header(template="ga-c3", session=80, symbol="A/C.3/80/L.20"),
        title="Rights of the child",
        preamble=[
            Paragraph("Recalling", "its resolution 79/158 of 17 December 2024"),
            Paragraph("Noting", "the report of the Secretary-General"),
            Paragraph("Concerned", "about the situation of children in armed conflict"),
            Paragraph("Welcoming", "the work of the Special Representative"),
        ],
        operative=[
            Paragraph("Urges", "States to protect children"),
            Paragraph("Calls upon", "States to ratify the Convention"),
            Paragraph("Encourages", "all States to cooperate with the Special Representative"),
            Paragraph(
                "Requests",
                "the Secretary-General",
                [Paragraph("", "to report annually"), Paragraph("", "to consult States")],
            ),
            Paragraph("Invites", "all States to contribute to the fund"),
            Paragraph("Decides", "to continue its consideration of the question"),
        ],
    )


def test_insert_delete_replace_in_un_style() -> None:
    base = _draft()
    new = copy.deepcopy(base)
    new.operative[
        2
    ].text = "all States and international organizations to cooperate with the Special Representative"
    new.operative[1].text = "States to ratify the Convention without delay"
    new.operative[0].text = "Member States to protect children"
    new.preamble[2].text = "about the grave situation of children in armed conflict"
    new.operative[3].subparagraphs[1].text = "to consult Member States and observers"
    del new.operative[4]
    new.operative.insert(4, Paragraph("Welcomes", "the contributions received"))
    lines = [r.instruction for r in oral_revisions(compare(base, new))]
    assert lines == [
        "In the third preambular paragraph, after “about the”, insert “grave”",
        "In operative paragraph 1, after “Urges”, insert “Member”",
        "In operative paragraph 2, after “the Convention”, insert “without delay”",
        "In operative paragraph 3, after “all States”, insert “and international organizations”",
        "In operative paragraph 4 (b), replace “States” with “Member States and observers”",
        "Delete operative paragraph 5",
        "After operative paragraph 5, insert a new operative paragraph reading: “Welcomes the contributions "
        "received;”",
        "Renumber the subsequent paragraphs accordingly",
    ]


def test_whole_paragraphs_and_text_export() -> None:
    base = _draft()
    new = copy.deepcopy(base)
    del new.preamble[1]
    new.operative.insert(
        1,
        Paragraph(
            "Requests", "the Secretary-General", [Paragraph("", "to report"), Paragraph("", "to consult")]
        ),
    )
    text = oral_revisions_text(compare(base, new))
    assert text.splitlines() == [
        "Delete the second preambular paragraph;",
        "After operative paragraph 1, insert a new operative paragraph reading: “Requests the Secretary-General: "
        "(a) to report; (b) to consult;”;",
        "Renumber the subsequent paragraphs accordingly.",
    ]
    assert oral_revisions_text(compare(base, copy.deepcopy(base))) == ""
    doc = docx.Document(io.BytesIO(oral_revisions_docx(compare(base, new))))
    paragraphs = [p.text for p in doc.paragraphs]
    assert paragraphs[0] == "Oral revisions to draft resolution A/C.3/80/L.20"
    assert paragraphs[1] == "Delete the second preambular paragraph;"


def test_on_a_real_resolution(corpus) -> None:
    base = read_document(corpus / "originals" / "A_RES_80_70-2520898E.xml").resolution
    new = copy.deepcopy(base)
    new.operative[3].text = new.operative[3].text.replace(
        "all States", "all States and international organizations"
    )
    lines = [r.instruction for r in oral_revisions(compare(base, new))]
    assert lines == ["In operative paragraph 4, after “all States”, insert “and international organizations”"]


def test_deletions_name_their_context_when_the_words_repeat() -> None:
    base = _draft()
    base.operative[0].text = "States to protect children and States to report"
    new = copy.deepcopy(base)
    new.operative[0].text = "States to protect children and to report"
    new.operative[5].text = "to continue consideration of the question"
    lines = [r.instruction for r in oral_revisions(compare(base, new))]
    assert lines == [
        "In operative paragraph 1, delete “States” after “children and”",
        "In operative paragraph 6, delete “its”",
    ]


def test_footnote_texts_are_revised_by_number() -> None:
    base = _draft()
    first = base.add_footnote("A/79/300, annex.")
    second = base.add_footnote("*Official Records of the General Assembly*, supplement No. 40.")
    base.preamble[0].text += f"[^{first.id}]"
    base.preamble[1].text += f"[^{second.id}]"
    new = copy.deepcopy(base)
    new.footnotes[second.id].text = "*Official Records of the General Assembly*, supplement No. 41."
    lines = [r.instruction for r in oral_revisions(compare(base, new))]
    assert lines == ["In footnote 2, replace “40” with “41”"]
