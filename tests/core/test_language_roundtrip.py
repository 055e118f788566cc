"""French and Spanish drafts through Word and plain text: what the UN's XML of an issued resolution holds
(language, title, agenda item, every paragraph's opener and subparagraphs) comes back from our own export,
and an amendment's sponsor line is printed in the draft's language and read back."""

from __future__ import annotations

import copy
from pathlib import Path

import pytest

from app.io.akn_reader import read_akn
from app.io.docx_reader import read_docx
from app.io.docx_writer import build_docx
from app.io.text_reader import read_text
from app.io.text_writer import to_text
from app.model import DocumentKind, Paragraph
from app.render import sponsor_line


def written_kind(code: str) -> str:
    from app.languages import get_language

    return get_language(code).kind("amendment to draft resolution")


FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "languages" / "held-out"
DRAFTS = sorted(FIXTURES.glob("*.xml"))


def _shape(paragraphs: list[Paragraph]) -> list[tuple]:
    return [
        (p.opener, p.numbered, [(s.text[:40], len(s.subparagraphs)) for s in p.subparagraphs])
        for p in paragraphs
    ]


@pytest.mark.parametrize("path", DRAFTS, ids=lambda p: p.stem)
@pytest.mark.parametrize("via", ["docx", "text"])
def test_a_draft_in_french_or_spanish_comes_back_from_word_and_text(path: Path, via: str) -> None:
    issued = read_akn(path.read_bytes()).resolution
    assert issued.header.language in ("fr", "es")
    back = (
        read_docx(build_docx(issued)).resolution if via == "docx" else read_text(to_text(issued)).resolution
    )
    assert back.header.language == issued.header.language
    assert (back.title, back.header.session, back.header.agenda_items) == (
        issued.title,
        issued.header.session,
        issued.header.agenda_items,
    )
    assert _shape(back.preamble) == _shape(issued.preamble)
    assert _shape(back.operative) == _shape(issued.operative)


@pytest.mark.parametrize("path", DRAFTS[:2], ids=lambda p: p.stem)
def test_an_amendment_names_its_kind_in_the_draft_language_and_reads_back(path: Path) -> None:
    from app.amendments import amendment

    base = read_akn(path.read_bytes()).resolution
    base.header.symbol = "A/C.3/79/L.41"  # the draft the adopted text was
    new = copy.deepcopy(base)
    new.operative[0].text += " et/y"
    written = amendment(base, new, sponsors=["Cuba"], symbol="A/C.3/79/L.77")
    line, _ = sponsor_line(written)
    english = "amendment to draft resolution"
    assert english not in line and line.endswith(": " + written_kind(base.header.language) + " A/C.3/79/L.41")
    for back in (read_text(to_text(written)).resolution, read_docx(build_docx(written)).resolution):
        assert back.header.kind is DocumentKind.AMENDMENT
        assert (back.header.language, back.header.amends, back.header.sponsors) == (
            base.header.language,
            base.header.full_symbol,
            ["Cuba"],
        )


@pytest.mark.parametrize("path", [p for p in DRAFTS if p.stem.endswith("F")], ids=lambda p: p.stem)
def test_french_prints_its_marks_on_the_line_of_the_word_before(path: Path) -> None:
    """The readers take the UN XML's non-breaking spaces as spaces; French print puts them back before ; : ? !
    and inside « », so that no mark starts a line: every one the XML has, and no breakable space there."""
    import re

    from lxml import etree

    from app.render import block_text, render

    res = read_akn(path.read_bytes()).resolution
    printed = "\n".join(
        block_text(b) for b in render(res).blocks if b.role in ("preambular", "operative", "subparagraph")
    )
    root = etree.parse(str(path)).getroot()
    body = ""
    for el in root.iter(etree.Element):
        if etree.QName(el).localname in ("preamble", "mainBody"):
            for note in [n for n in el.iter(etree.Element) if etree.QName(n).localname == "authorialNote"]:
                note.getparent().remove(note)
            body += "".join(el.itertext())
    unbreakable = re.compile("\u00a0[;:?!»]|«\u00a0")
    assert len(unbreakable.findall(printed)) >= len(unbreakable.findall(body)) > 0
    assert not re.search(" [;:?!»]|« ", printed)


@pytest.mark.parametrize("path", DRAFTS[:2], ids=lambda p: p.stem)
def test_sponsors_named_in_the_draft_language_draw_no_english_name_warnings(path: Path) -> None:
    """In a French or Spanish draft, the names the UN prints in that language ("Albanie", "Alemania") in its
    own alphabetical order, the observer State last (as in the sponsor lists of the UN XML), are no mistakes."""
    from app.conventions.engine import check_document

    res = read_akn(path.read_bytes()).resolution
    res.header.sponsors = (
        ["Albanie", "Allemagne", "France", "Mexique", "État de Palestine"]
        if res.header.language == "fr"
        else ["Albania", "Alemania", "Francia", "México", "Estado de Palestina"]
    )
    assert [f.rule for f in check_document(res) if f.rule.startswith("sponsors")] == []
