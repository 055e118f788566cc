"""Openers: detection on real UN sentences, conversion between parts, repetition markers."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.lexicon import (
    convert_opener,
    detect_opener,
    is_known,
    opener_key,
    phrases,
    strip_marker,
    with_marker,
)
from app.model import Part
from app.templates import get_template

P, OP = Part.PREAMBLE, Part.OPERATIVE


@pytest.mark.parametrize(
    ("text", "part", "opener"),
    [
        ("Noting with deep regret that the Conference was unable to agree", P, "Noting with deep regret"),
        ("Expresses strong concern at the continued obstacles", OP, "Expresses strong concern"),
        ("Renews its call upon all States to refrain from", OP, "Renews its call upon"),
        ("Invites and encourages Member States to consider", OP, "Invites and encourages"),
        # a preposition after the phrase is roman in every issued text of the corpus (XML and PDF italics)
        (
            "Takes note with appreciation of the report of the Secretary-General",
            OP,
            "Takes note with appreciation",
        ),
        ("Taking note also of all relevant international instruments", P, "Taking note also"),
        ("Draws the attention of Governments to", OP, "Draws the attention"),
        ("Concerned about the continued promotion", P, "Concerned"),
        ("Decides to remain actively seized of the matter", OP, "Decides"),
        ("Recalling also its resolution 36/55 of 25 November 1981", P, "Recalling also"),
        ("Also requests the Secretary-General to submit", OP, "Also requests"),
        ("Further decides to include in the provisional agenda", OP, "Further decides"),
        ("Strongly condemns any advocacy of hatred", OP, "Strongly condemns"),
        ("Once again calls upon all States to sign", OP, "Once again calls upon"),
        ("Once again urges States that have not done so", OP, "Once again urges"),
        ("Reiterates its condemnation of the six nuclear tests", OP, "Reiterates its condemnation"),
        ("Recognizes with deep concern the overall rise in instances", OP, "Recognizes with deep concern"),
        ("Welcomes and encourages initiatives by the media", OP, "Welcomes and encourages"),
        ("Concerned also by the increasing number of incidents", P, "Concerned also"),
        ("Welcoming further the renewed focus on ensuring", P, "Welcoming further"),
        ("Noting also with concern the lack of progress", P, "Noting also with concern"),
        ("Bearing in mind that the Treaty", P, "Bearing in mind"),
        (
            "Acting under Chapter VII of the Charter of the United Nations,",
            P,
            "Acting under Chapter VII of the Charter of the United Nations",
        ),
        ("Decides further that the mandate", OP, "Decides further"),
    ],
)
def test_detects_the_longest_opener(text: str, part: Part, opener: str) -> None:
    assert detect_opener(text, part) == opener


def test_detected_opener_keeps_the_writers_case_and_spelling() -> None:
    assert detect_opener("Deeply Concerned by the limited progress", P) == "Deeply Concerned"
    assert detect_opener("Recognising the important work", P) == "Recognising"
    assert detect_opener("Emphasises that freedom of religion", OP) == "Emphasises"
    assert detect_opener("  Recalls that States", OP) == "Recalls"


def test_further_meaning_more_is_not_a_marker() -> None:
    # A/RES/79/174: "Encourages further expressions from ..." has only "Encourages" in italics.
    assert (
        detect_opener("Encourages further expressions from the international community", OP) == "Encourages"
    )


def test_punctuation_ends_the_opener() -> None:
    assert detect_opener("Reaffirming, among other principles, that", P) == "Reaffirming"


def test_heuristic_one_word_opener_and_nothing() -> None:
    assert detect_opener("Having deliberated on the matter", P) == "Having deliberated"
    assert detect_opener("Commemorating the eightieth anniversary", P) == "Commemorating"
    assert detect_opener("Reappoints the members", OP) == "Reappoints"
    assert detect_opener("The General Assembly", P) == ""
    assert detect_opener("States should refrain", P) == ""
    assert detect_opener("", OP) == ""
    assert detect_opener("1. Requests", OP) == ""


def test_the_part_matters() -> None:
    assert detect_opener("Recalling its resolution 72/42", OP) == ""
    assert detect_opener("Requests the Secretary-General", P) == ""


@pytest.mark.parametrize(
    ("opener", "to", "converted"),
    [
        ("Recalling", OP, "Recalls"),
        ("Recalls", P, "Recalling"),
        ("Recalling also", OP, "Also recalls"),
        ("Also recalls", P, "Recalling also"),
        ("Noting with concern", OP, "Notes with concern"),
        ("Notes with concern", P, "Noting with concern"),
        ("Expressing its deep concern", OP, "Expresses its deep concern"),
        ("Expresses its deep concern", P, "Expressing its deep concern"),
        ("Deeply concerned", OP, "Expresses deep concern"),
        ("Strongly condemning", OP, "Strongly condemns"),
        ("Regretting", OP, "Regrets"),
        ("Regrets", P, "Regretting"),
        ("Stresses", P, "Stressing"),
        ("Urges", P, "Urging"),
        ("Acknowledging", OP, "Acknowledges"),
        ("Taking note of", OP, "Takes note of"),
        ("Calls upon", P, "Calling upon"),
        ("Welcomes and encourages", P, "Welcoming and encouraging"),
        ("Remains convinced", P, "Convinced"),
        ("Bearing in mind", OP, "Bears in mind"),
        ("Recognising", OP, "Recognises"),
        ("Desiring", OP, "Desires"),
        ("Honouring", OP, "Honours"),
        ("Ensuring", OP, "Ensures"),
        ("Visiting", OP, "Visits"),
        ("Maintaining", OP, "Maintains"),
        ("Defining", OP, "Defines"),
        ("Concurs", P, "Concurring"),
        ("Being deeply concerned", OP, "Is deeply concerned"),
        ("Expressing its serious and urgent concern", OP, "Expresses its serious and urgent concern"),
    ],
)
def test_convert_opener(opener: str, to: Part, converted: str) -> None:
    assert convert_opener(opener, to) == converted


def test_convert_keeps_an_opener_already_of_the_target_part() -> None:
    assert convert_opener("Requests", OP) == "Requests"
    assert convert_opener("Recalling", P) == "Recalling"


def test_with_marker_ga_defaults() -> None:
    assert with_marker("Recalling", P, None, 1) == "Recalling"
    assert with_marker("Recalling", P, None, 2) == "Recalling also"
    assert with_marker("Recalling", P, None, 3) == "Recalling further"
    assert with_marker("Requests", OP, None, 2) == "Also requests"
    assert with_marker("Requests", OP, None, 5) == "Further requests"
    assert with_marker("Noting with concern", P, None, 2) == "Noting also with concern"
    assert with_marker("Taking note of", P, None, 2) == "Taking note also of"
    assert with_marker("Recalling also", P, None, 3) == "Recalling further"


def test_with_marker_follows_the_template() -> None:
    ga = get_template("ga-plenary")
    assert with_marker("Welcoming", P, ga, 2) == "Welcoming also"
    assert with_marker("Decides", OP, ga, 3) == "Further decides"


def test_strip_marker_and_key() -> None:
    assert strip_marker("Recalling also") == ("Recalling", "also")
    assert strip_marker("Further requests") == ("Requests", "further")
    assert strip_marker("Requests") == ("Requests", "")
    assert opener_key("Also  Requests") == opener_key("Requests") == "requests"
    assert opener_key("Recognising also") == opener_key("Recognizing")


def test_is_known() -> None:
    assert is_known("Recalling further", P)
    assert is_known("Also strongly urges", OP)
    assert not is_known("Commemorating", P)
    assert not is_known("Recalling", OP)


def test_lexicons_are_rich_and_free_of_mun_isms() -> None:
    pre, op = set(phrases(P)), set(phrases(OP))
    assert len(pre) > 150 and len(op) > 150
    for wanted in ("Recalling", "Bearing in mind", "Gravely concerned", "Having considered", "Mindful"):
        assert wanted in pre
    for wanted in ("Requests", "Calls upon", "Takes note", "Expresses its deep concern", "Decides"):
        assert wanted in op
    for mun in ("Noting with zest", "Fully believing", "Viewing with appreciation"):
        assert mun not in pre
    # also/further forms are generated, not listed
    assert not any(p.lower().startswith(("also ", "further ")) for p in pre | op)


def test_an_opener_starts_with_a_capital() -> None:
    # A/C.1/80/L.39: "The General Assembly, recalling its resolution 78/28 ..., decides ..." has no opener
    assert detect_opener("recalling its resolution 78/28 of 4 December 2023", P) == ""


def test_opener_extents_without_italics_match_the_uns_italics_on_held_out_resolutions() -> None:
    """Plain text has no italics: the lexicon (with what scripts/opener_extents.py learned from sessions 75-77)
    must end the opener where the UN's XML of held-out sessions 78-79 ends its italics."""
    from app import inline
    from app.io.akn_reader import read_akn

    agree = total = 0
    for path in sorted((Path(__file__).parent.parent / "fixtures" / "heldout").glob("*.xml")):
        res = read_akn(path.read_bytes(), name=path.name).resolution
        for part in (P, OP):
            for para in res.part(part):
                if para.opener.strip():
                    text = inline.plain(para.text)
                    plain = para.opener + ("" if text[:1] in ",;:." else " ") + text
                    agree += detect_opener(plain, part) == para.opener.strip()
                    total += 1
    assert total > 500
    assert agree / total >= 0.99, (agree, total)
