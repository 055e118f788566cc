"""Names in issued Security Council drafts. Places (S/2018/257: "tension … in Sool and Sanaag"; S/2022/158: "in
Marib city") are known to the spelling checker as written with a capital, from resources/wordlists/places.txt
(scripts/build_place_names.py: ISO 3166-2 subdivisions and towns); written in small letters or misspelt they are
still reported, and never offered as a fix. French titles quoted in English text ("Force conjointe du G5
Sahel") are not misspelt English. Fixtures: tests/fixtures/issued_sc/places_pdf.txt and mali_french_titles.txt
(sources in their first lines)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from app.conventions.engine import check_document
from app.io.text_reader import read_text
from app.spelling.lexicon import Lexicon

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "issued_sc" / "places_pdf.txt"
# the places the issued paragraphs name: a capitalised word after "in" or "and" that no dictionary lists
PLACE = re.compile(r"\b(?:in|and)\s+([A-Z][a-z]+)\b")


def _unknown(text: str) -> set[str]:
    res = read_text(text).resolution
    found = check_document(res)
    words = set()
    for f in found:
        if f.rule == "spelling.unknown-word":
            words.add(f.message.split("'")[1])
    return words


def _places(text: str) -> list[str]:
    lexicon = Lexicon()
    return [w for w in PLACE.findall(text) if not lexicon.known(w.lower())]


def test_places_an_issued_sc_draft_names_are_known() -> None:
    text = FIXTURE.read_text(encoding="utf-8")
    places = _places(text)
    assert {"Sool", "Sanaag", "Marib"} <= set(places)  # the lower-case forms are no words
    assert not _unknown(text) & set(places)


@pytest.mark.parametrize("mistake", ["lower case", "misspelt"])
def test_a_place_name_in_small_letters_or_misspelt_is_still_reported(mistake: str) -> None:
    text = FIXTURE.read_text(encoding="utf-8")
    place = _places(text)[-1]
    wrong = place.lower() if mistake == "lower case" else place[:2] + place[3:]
    unknown = _unknown(text.replace(f" {place} ", f" {wrong} ", 1))
    assert wrong in unknown


def test_place_names_are_never_suggested() -> None:
    lexicon = Lexicon()
    text = FIXTURE.read_text(encoding="utf-8")
    for place in _places(text):
        misspelt = place[:2] + place[3:]
        assert place.lower() not in {s.lower() for s in lexicon.suggestions(misspelt)}


MALI = FIXTURE.parent / "mali_french_titles.txt"


def test_french_titles_quoted_in_an_sc_draft_are_not_misspelt() -> None:
    """An unnamed Mali draft (UNBench task3) names "Force conjointe du G5 Sahel" (a heading over paragraph 34)
    and the "Communiqué sur la prévention des violences sexuelles liées au conflit au Mali"."""
    text = MALI.read_text(encoding="utf-8")
    res = read_text(text).resolution
    heading = next(p.heading for p in res.operative if p.heading)
    assert heading == "Force conjointe du G5 Sahel"  # its own line between two paragraphs, not run into one
    assert not _unknown(text)


@pytest.mark.parametrize(
    ("issued", "typed"),
    [
        (
            "the implementation of the Joint Communiqué",
            "the implementation of the Joint Comuniqué",
        ),  # English
        ("sexual violence in conflict and", "sexual violence in conflit and"),  # a French word among English
        ("des violences sexuelles liées", "des violences sexeulles liées"),  # no word in either language
    ],
)
def test_a_misspelt_word_near_a_french_title_is_still_reported(issued: str, typed: str) -> None:
    text = MALI.read_text(encoding="utf-8")
    assert issued in text
    wrong = next(a for a, b in zip(typed.split(), issued.split(), strict=True) if a != b)
    assert wrong in _unknown(text.replace(issued, typed, 1))
