"""A proposal read out in a French or Spanish room is typed in its words and quotation marks: « » with the spaces
French keeps inside them; "après « … » insérer « … »", "sustituir «…» por «…»". Each line makes the edit the
English line makes, on operative paragraphs of the UN's own French and Spanish XML."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.errors import InputError
from app.io.reading import read_document
from app.messages import localize
from app.negotiation.proposals import DeleteParagraph, InsertParagraph
from app.negotiation.typed import typed_proposal

LANGUAGES = Path(__file__).resolve().parents[1] / "fixtures" / "languages"
NBSP = "\u00a0"


def _paragraph(name: str):  # noqa: ANN202
    res = read_document(LANGUAGES / name).resolution
    para = next(
        p for p in res.operative if len(p.text.split()) > 8 and "[^" not in p.text and "*" not in p.text
    )
    words = para.text.split()
    return res, para, words[3], words[5]


FRENCH = [
    ("UE : après « {a} » insérer « et régionales »", 'UE: after "{a}" insert "et régionales"'),
    (
        f"UE : après «{NBSP}{{a}}{NBSP}», ajouter «{NBSP}et régionales{NBSP}»",
        'UE: after "{a}" insert "et régionales"',
    ),
    ("G77 : remplacer « {a} » par « {b} »", 'G77: replace "{a}" with "{b}"'),
    ("CANZ : supprimer « {b} »", 'CANZ: delete "{b}"'),
]
SPANISH = [
    ("UE: después de «{a}» insertar «y regionales»", 'UE: after "{a}" insert "y regionales"'),
    ("G77: sustituir «{a}» por «{b}»", 'G77: replace "{a}" with "{b}"'),
    ("G77: reemplazar “{a}” por “{b}”", 'G77: replace "{a}" with "{b}"'),
    ("CANZ: suprimir «{b}»", 'CANZ: delete "{b}"'),
]


@pytest.mark.parametrize(
    ("name", "lines"),
    [("A_RES_79_174-2424215F.xml", FRENCH), ("A_RES_79_174-2424215S.xml", SPANISH)],
)
def test_a_line_in_the_rooms_words_makes_the_english_lines_edit(name: str, lines: list) -> None:
    res, para, a, b = _paragraph(name)
    for typed, english in lines:
        got = typed_proposal(res, para.id, typed.format(a=a, b=b)).edits
        want = typed_proposal(res, para.id, english.format(a=a, b=b)).edits
        assert got == want, typed


def test_paragraphs_are_deleted_and_added_in_french_and_spanish() -> None:
    for name, drop, new in (
        (
            "A_RES_79_174-2424215F.xml",
            "UE : supprimer le paragraphe",
            "UA : nouveau paragraphe « Décide de {x} »",
        ),
        ("A_RES_79_174-2424215S.xml", "UE: suprimir el párrafo", "UA: nuevo párrafo «Decide {x}»"),
    ):
        res, para, a, _ = _paragraph(name)
        (edit,) = typed_proposal(res, para.id, drop).edits
        assert edit == DeleteParagraph(para.id)
        (edit,) = typed_proposal(res, para.id, new.format(x=a)).edits
        assert isinstance(edit, InsertParagraph) and edit.paragraph.text.endswith(a)


def test_a_line_the_reader_cannot_take_is_refused_in_the_interface_language() -> None:
    res, para, _, _ = _paragraph("A_RES_79_174-2424215F.xml")
    with pytest.raises(InputError) as caught:
        typed_proposal(res, para.id, "UE : ajouter quelque chose")
    said = localize(caught.value.args[0], "fr")
    assert said != str(caught.value) and "après « … » insérer « … »" in said
    assert "insertar" in localize(caught.value.args[0], "es")


def test_a_refusal_opens_with_a_capital_unless_it_opens_with_a_name() -> None:
    """The editor shows a refusal as a sentence; a file's or a delegation's name keeps its own first letter."""
    from app.messages import explain, say

    for code, want in (("en", "No such proposal"), ("fr", "Cette proposition n'existe pas")):
        assert explain(InputError(say("no such proposal")), code) == want
    named = InputError(say("{proposer} proposes nothing there", proposer="eu-copy.docx"))
    assert explain(named, "en") == "eu-copy.docx proposes nothing there"
    assert explain(named, "fr") == "eu-copy.docx ne propose rien à cet endroit"
    assert explain(InputError("plain words"), "en") == "plain words"


def test_a_bracket_is_typed_as_the_compilation_prints_it() -> None:
    """What `Bracket.shown` prints reads back as the same words and alternatives, in each language's word for a
    deletion; a symbol's slashes and a range's hyphen stay in their alternative."""
    from app.negotiation.status import Alternative, Bracket
    from app.negotiation.typed import typed_bracket

    cases = [
        [Alternative("extreme", ["US", "EU"]), Alternative("", ["G77 and China"])],
        [Alternative("A/RES/80/1", ["EU"]), Alternative("79/2", ["CANZ"]), Alternative("", [])],
        [Alternative("2020 - 2030", ["EU"]), Alternative("2020 – 2035", ["African Group"])],
    ]
    for alternatives in cases:
        shown = Bracket("p", "text", alternatives[0].text, alternatives).shown()
        assert typed_bracket(shown) == (alternatives[0].text, alternatives), shown
    words, alternatives = typed_bracket("« extrême » – UE / (supprimer) – Fédération de Russie")
    assert (words, alternatives[1]) == ("extrême", Alternative("", ["Fédération de Russie"]))
    assert typed_bracket("extremo – UE / (suprimir) – G77")[1][1].text == ""
    with pytest.raises(InputError):
        typed_bracket("(delete) – G77 / stronger – EU")
