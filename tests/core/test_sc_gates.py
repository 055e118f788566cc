"""The reader's rules built from Security Council texts apply to the Council's texts alone, as their header gives
the organ (symbol, masthead, organ line): the same shapes in a General Assembly text are read as before. Each test
takes an SC fixture (tests/fixtures/issued_sc, issued_sc_adopted), sets a General Assembly header and organ line on
it, and checks that the Council's rule did not act: these rules raised the false alarms of GA drafts whose shapes
the development texts do not show (branch sc8, reverted), so a GA text is kept out of them by its organ, not by a
guess from its body."""

from __future__ import annotations

import re
from pathlib import Path

from app import inline
from app.conventions.engine import check_document
from app.io.text_reader import read_text
from app.model import Resolution

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


def _text(name: str) -> str:
    return (FIXTURES / name).read_text(encoding="utf-8")


def _as_ga(text: str) -> str:
    """The same text under a General Assembly masthead and organ line."""
    text = re.sub(r"\bS/(?:RES/)?\d{4}/\d+", "A/80/L.99", text)
    return text.replace("Security Council", "General Assembly")


def _plain(markup: str) -> str:
    return " ".join(inline.plain(markup).split())


def _all_text(res: Resolution) -> list[str]:
    return [_plain(p.text) for _, p in res.paragraphs()] + [_plain(p.text) for p in res.annex_paragraphs()]


def test_a_heading_at_a_page_top_is_the_councils_rule() -> None:
    """S/2018/693 through PyMuPDF: "Current situation" opens a page under a paragraph that ended with a comma.
    The Council's text sets it over the paragraph under it; a GA text keeps reading on."""
    sc = read_text(_text("issued_sc/S_2018_693_pymupdf.txt")).resolution
    assert any(_plain(p.heading) == "Current situation" for p in sc.preamble)
    ga = read_text(_as_ga(_text("issued_sc/S_2018_693_pymupdf.txt"))).resolution
    assert ga.header.template != sc.header.template
    assert not any(_plain(p.heading) == "Current situation" for p in ga.preamble)
    assert any("Current situation" in t for t in _all_text(ga))


def test_names_listed_after_a_colon_are_the_councils_rule() -> None:
    """S/RES/857 (1993): 23 candidates' lines after "… of the International Tribunal:" are the paragraph's items
    in the Council's text; in a GA text no paragraph gains items from them."""
    sc = read_text(_text("issued_sc_adopted/S_RES_0857_1993.txt")).resolution
    assert any(len(p.subparagraphs) == 23 for p in sc.operative)
    council_heading = (
        "Resolution 857 (1993)\nof 20 August 1993\n"  # an SC resolution's own heading: its organ
    )
    text = _text("issued_sc_adopted/S_RES_0857_1993.txt")
    assert text.startswith(council_heading)
    ga = read_text(_as_ga(text[len(council_heading) :])).resolution
    assert ga.header.template != sc.header.template
    assert not [p for _, p in ga.paragraphs() if p.subparagraphs]


def test_an_item_whose_end_the_typed_text_lost_is_the_councils_rule() -> None:
    """The Mali draft's "(i) … whether and how the mission’s" / "(ii) coordination …": apart in the Council's
    text; in a GA text the line after one that ends no sentence reads on, as before."""
    text = _text("issued_sc/mali_items_cut.txt")
    typed = [line for line in text.split("\n") if re.match(r"\([ivx]+\) ", line)]
    sc = read_text(text).resolution
    ga = read_text(_as_ga(text)).resolution
    assert max(len(p.subparagraphs) for p in sc.operative) == len(typed)
    assert max(len(p.subparagraphs) for p in ga.operative) < len(typed)


def test_annex_titles_and_section_numerals_are_the_councils_rules() -> None:
    """S/2024/557 through pdftotext: "Annex I" / "Delisting procedures" / its first paragraph, and annex II's "I."
    alone over its title. The Council's text sets the title and the numerals apart; a GA text as before."""
    sc = read_text(_text("issued_sc/S_2024_557_pdftotext.txt")).resolution
    ga = read_text(_as_ga(_text("issued_sc/S_2024_557_pdftotext.txt"))).resolution
    assert _plain(sc.annexes[0].title) == "Delisting procedures"
    assert all(_plain(a.title) != "Delisting procedures" for a in ga.annexes)
    numerals = [t for t in _all_text(ga) if re.fullmatch(r"[IVX]+\.", t)]
    assert numerals and not [p for a in sc.annexes for p in a.paragraphs if _plain(p.text) in numerals]


def test_a_title_in_capitals_over_small_letters_is_the_councils_rule() -> None:
    sc = read_text(_text("issued_sc/S_2022_158_pdftotext.txt")).resolution
    ga = read_text(_as_ga(_text("issued_sc/S_2022_158_pdftotext.txt"))).resolution
    assert _plain(sc.annexes[0].paragraphs[0].text).startswith("The Houthis have engaged in acts")
    assert not any(
        _plain(p.text).startswith("The Houthis have engaged in acts") for p in ga.annex_paragraphs()
    )


def test_sponsors_under_former_names_are_reordered_in_the_councils_drafts_only() -> None:
    """ "Suriname, Swaziland, Sweden": in an SC draft the list is put in today's order with a note; a GA draft's
    list is checked as written."""
    head = "United Nations {symbol}\n{organ} Distr.: Limited\n1 January 2017\nOriginal: English\n\n"
    body = (
        "Chad, Suriname, Swaziland, Sweden, Thailand and Togo: draft resolution\n\n"
        "The {organ},\n\nRecalling its resolutions,\n\n1. Decides to remain seized of the matter.\n"
    )
    sc = read_text((head + body).format(symbol="S/2017/1", organ="Security Council"))
    ga = read_text((head + body).format(symbol="A/71/L.1", organ="General Assembly"))
    assert "import.sponsor-names" in {f.rule for f in sc.findings}
    assert "sponsors.order" not in {f.rule for f in check_document(sc.resolution)}
    assert "import.sponsor-names" not in {f.rule for f in ga.findings}
    assert "sponsors.order" in {f.rule for f in check_document(ga.resolution)}
