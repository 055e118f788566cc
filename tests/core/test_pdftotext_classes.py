"""Reading errors of Poppler's pdftotext found on adopted resolutions of the development half, each read as the
UN's XML of the same resolution prints it (github.com/UNxml/GAresolutions; sources in
tests/fixtures/reading/README.md):

- a word set apart inside by justified letter spacing that also joins two words ("Secr etaryGeneral",
  "sevent y-ninth", A/RES/78/93) is closed up;
- a compound of two capitalized words whose hyphen pdftotext dropped where it joined printed lines
  ("NuclearWeapon-Free", A/RES/78/39) gets it back;
- a note's marker cited a second time after a year and its comma ("of 12 August 1949, 2 continue to apply",
  A/RES/78/11) is no count of two;
- a paragraph's line that a later paragraph repeats word for word, near two page counters, is no running title
  (A/RES/80/101, whose first page prints no counter);
- the end of a page's first line set after the page's symbol ("particular", A/RES/78/72) goes back to it.
"""

from __future__ import annotations

import re
from pathlib import Path

from app import inline
from app.io.akn_reader import read_akn
from app.io.lost_hyphens import restore_hyphens
from app.io.spaced_words import close_up
from app.io.text_reader import read_text
from app.model import Resolution
from app.spelling.lexicon import english

LAYERS = Path(__file__).resolve().parents[1] / "fixtures" / "reading" / "layers"


def _markup(res: Resolution) -> str:
    paragraphs = [p for _, p in res.paragraphs()] + list(res.annex_paragraphs())
    return " ".join(p.opener + " " + p.text + " " + p.tail for p in paragraphs)


def _read(stem: str, xml: str) -> tuple[str, str, list[str]]:
    """The layer itself, the XML's words and the words read from the layer (with the reader's and the
    checks' rules that fired)."""
    layer = (LAYERS / f"{stem}-pdftotext.txt").read_text(encoding="utf-8")
    # the XML's non-breaking hyphens ("tele‑epidemiology") as the PDF's text prints them
    issued = inline.plain(_markup(read_akn((LAYERS / xml).read_bytes()).resolution)).replace("\u2011", "-")
    result = read_text(layer)
    from app.conventions.engine import check_document

    rules = [f.rule for f in [*result.findings, *check_document(result.resolution)]]
    return layer, issued, [_markup(result.resolution), *rules]


def test_a_spaced_word_that_joins_two_is_closed_up() -> None:
    layer, issued, (read, *rules) = _read("A_RES_78_93", "A_RES_78_93-2324967E.xml")
    for apart, whole in (
        ("Secr etaryGeneral on the steps", "Secretary-General on the steps"),
        ("sevent y-ninth session", "seventy-ninth session"),
    ):
        assert apart in layer and whole in issued
        assert whole in inline.plain(read) and apart not in read
    assert "spelling.unknown-word" not in rules


def test_spaced_pieces_of_a_compound_close_up_only_into_known_words() -> None:
    known = english().listed
    # A/RES/78/137 and A/RES/78/70 as pdftotext reads them; the XML prints "zero-interest loans", "peace- and"
    assert (
        close_up("in the form of z ero-interest loans;", set(), known)[0]
        == "in the form of zero-interest loans;"
    )
    assert (
        close_up("can have as a peac e- and confidence", set(), known)[0]
        == "can have as a peace- and confidence"
    )
    # MuPDF's "the re-" / "establishment" at a printed line's end; pdftotext's "net-zero emissions"
    for text in ("a non-governmental body", "in to-day’s", "to prevent the re-", "net-zero emissions"):
        assert close_up(text, set(), known)[0] == text


def test_a_glued_title_gets_its_hyphen_back() -> None:
    layer, issued, (read, *_) = _read("A_RES_78_39", "A_RES_78_39-2324518E.xml")
    assert "NuclearWeapon-Free" in layer
    assert "NuclearWeapon" not in read
    assert inline.plain(read).count("Nuclear-Weapon-Free") == issued.count("Nuclear-Weapon-Free")


def test_a_glued_name_the_document_never_hyphenates_stays() -> None:
    known = english().known
    pairs = {"secretary-general"}  # the document writes "Secretary-General" elsewhere, never "Safer-Guard"
    lead = "x" * 80 + " the "  # the glued word where a printed line ends inside a joined line
    for glued, read in (("SecretaryGeneral", "Secretary-General"), ("SaferGuard", "SaferGuard")):
        assert restore_hyphens(lead + glued + " and", known, hyphened_pairs=pairs)[0] == lead + read + " and"
    assert (
        restore_hyphens(lead + "McDonald and", known, hyphened_pairs={"mc-donald"})[0]
        == lead + "McDonald and"
    )


def test_a_marker_cited_again_after_a_year_is_no_count() -> None:
    layer, issued, (read, *rules) = _read("A_RES_78_11", "A_RES_78_11-2323817E.xml")
    assert "1949, 2 continue to apply" in layer
    # the note's number printed again is a second reference to the same note, never a count: as the XML's
    # `<sup>2</sup>` is read (its words then "1949, continue"), so the text
    assert "1949, continue to apply" in issued
    assert re.search(r"1949,\[\^[\w-]+\] continue to apply", read)
    assert "UN.Numbers" not in rules


def test_a_repeated_line_of_text_is_no_running_title() -> None:
    layer, issued, (read, *rules) = _read("A_RES_80_101", "A_RES_80_101-2520114E.xml")
    line = "Tokelau, entitled “Living with change: an integrated national strategy for enhancing"
    assert layer.count(line) == 2
    assert inline.plain(read).count("Living with change") == issued.count("Living with change") == 2
    # the second note's marker, after "Sustainable Development," on the page the lost line was taken to end
    assert "Sustainable Development,[^" in read
    assert "import.footnote-unplaced" not in rules


def test_the_end_of_a_page_first_line_goes_back() -> None:
    layer, issued, (read, *rules) = _read("A_RES_78_72", "A_RES_78_72-2324922E.xml")
    assert "\nparticular\n" in layer
    phrase = "international community to enhance the role of space-based solutions, in particular tele-epidemiology"
    assert phrase in issued
    assert phrase in inline.plain(read)
    assert "UN.DoubledWord" not in rules


def test_a_glued_compound_that_opens_a_title_gets_its_hyphen_back() -> None:
    english_words = english()
    # A/RES/79/321 as pdftotext joins two printed lines ("… 2030 High-" / "level Steering Committee, …"); the
    # UN's XML of the resolution (79session/English) prints "2030 High-level Steering Committee"
    line = (
        "stakeholders, including the Sustainable Development Goal 4-Education 2030 Highlevel Steering Committee, "
        "to support Member States, upon their request, in the"
    )
    read = restore_hyphens(line, english_words.known, listed=english_words.listed)[0]
    assert "2030 High-level Steering Committee" in read
    # a name stays a name, where a printed line ends too ("Kea-ting" is no compound the lists hold)
    name = "x" * 70 + " Michael Keating and"
    assert restore_hyphens(name, english_words.known, listed=english_words.listed)[0] == name
