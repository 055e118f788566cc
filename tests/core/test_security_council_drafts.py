"""Issued Security Council drafts: the checker knows the organ it checks, and PDF text keeps its words whole.

The Secretariat issues SC drafts as the sponsors wrote them (spelling, "UN", items in small letters) and edits
the adopted resolution; templates/sc.toml lists those Editorial Manual rules as suggestions. Excerpts are in
tests/fixtures/issued_sc (sources in its README).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest

from app.conventions.engine import check_document, check_paragraph
from app.findings import Severity
from app.io.spaced_words import close_up
from app.io.text_reader import read_text
from app.model import Resolution
from app.spelling.lexicon import english

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "issued_sc"
LOUD = (Severity.ERROR, Severity.WARNING)
# the rules S/2018/693 draws as issued, by what in it draws them
EDITORIAL = ("UN.Ize", "UN.SecretaryGeneral", "organs.abbreviation", "subparagraphs.capital")


def _dictionary() -> Callable[[str], bool]:
    """The word list the text reader closes broken words up with."""
    return english().listed


def _excerpt() -> str:
    return (FIXTURES / "S_2018_693_excerpt.txt").read_text(encoding="utf-8")


def _as_ga(text: str) -> str:
    return text.replace("The Security Council,", "The General Assembly,", 1)


def _words(text: str) -> set[str]:
    return set(re.findall(r"[^\W\d_]+", text))


def _rules(res: Resolution, levels: tuple[Severity, ...]) -> set[str]:
    return {f.rule for f in check_document(res) if f.severity in levels}


def test_sc_draft_in_its_sponsors_style_draws_suggestions_not_warnings() -> None:
    res = read_text(_excerpt()).resolution
    assert res.header.template == "sc"
    loud = _rules(res, LOUD)
    assert not loud & set(EDITORIAL), loud
    # still said, as suggestions with their fixes
    assert set(EDITORIAL) <= _rules(res, (Severity.INFO,))


def test_the_same_text_before_the_general_assembly_is_held_to_the_editorial_manual() -> None:
    res = read_text(_as_ga(_excerpt())).resolution
    assert res.header.template != "sc"
    assert set(EDITORIAL) <= _rules(res, LOUD)


def test_a_level_the_user_sets_outranks_the_organ(tmp_path: Path) -> None:
    """A delegate's own style file that makes a rule an error keeps it an error in an SC draft too."""
    from app.spelling import SpellingSettings

    house = tmp_path / "house.toml"
    house.write_text('[levels]\n"UN.Ize" = "error"\n', encoding="utf-8")
    res = read_text(_excerpt()).resolution
    own = SpellingSettings(personal_dictionary=None, user_rules=house)
    found = check_document(res, speller=own)
    assert any(f.rule == "UN.Ize" and f.severity is Severity.ERROR for f in found)
    assert not any(f.rule == "UN.SecretaryGeneral" and f.severity in LOUD for f in found)


def test_paragraph_check_in_the_editor_uses_the_organ_levels_too() -> None:
    res = read_text(_excerpt()).resolution
    para = res.preamble[0]  # "Recognising the adverse effects ..."
    found = check_paragraph(res, para.id)
    assert any(f.rule == "UN.Ize" and f.severity is Severity.INFO and f.fix for f in found)


@pytest.mark.parametrize(
    "typo, rule",
    [
        ("the adverse efects of climate change", "spelling.unknown-word"),
        ("the the adverse effects", "UN.DoubledWord"),
    ],
)
def test_a_real_mistake_in_an_sc_draft_is_still_reported(typo: str, rule: str) -> None:
    text = _excerpt().replace("the adverse effects of climate change", typo, 1)
    found = check_document(read_text(text).resolution)
    assert any(f.rule == rule and f.severity in LOUD for f in found)


def test_every_suggested_rule_of_the_sc_template_is_a_rule() -> None:
    """A misspelt id in templates/sc.toml would silently leave a rule loud."""
    from app.conventions.engine import RULES
    from app.spelling import checker
    from app.templates import get_template

    known = {r[0] for r in RULES} | {r.id for r in checker().rules}
    assert set(get_template("sc").suggested_rules) <= known


def test_pdf_text_of_an_issued_sc_draft_keeps_its_words_whole() -> None:
    """Every word read from the PDF's first page is a word of the draft as written (no fragment left, none
    made by joining), and the import says what it closed up."""
    result = read_text((FIXTURES / "S_2022_158_page1.txt").read_text(encoding="utf-8"))
    res = result.resolution
    read = " ".join(f"{p.opener} {p.text} {p.tail}" for _, p in res.paragraphs())
    written = _words((FIXTURES / "S_2022_158_content.txt").read_text(encoding="utf-8"))
    assert res.preamble and _words(read) <= written, sorted(_words(read) - written)
    assert any(f.rule == "import.spaced-word" and f.severity is Severity.INFO for f in result.findings)
    # what the spelling check still asks about are words as written (a place: "Marib"), no fragments
    unknown = [f.message.split("'")[1] for f in check_document(res) if f.rule == "spelling.unknown-word"]
    assert set(unknown) <= written, unknown


@pytest.mark.parametrize(
    "text",
    [
        "to be transferred in to the custody of",  # two words that also make one ("into")
        "among an other set of",  # "another"
        "annex B and annex VI and",  # labels before a word ("Band", "VIand")
        "people in need of assistance",  # already whole
        "the Sool and Sanaag regions",  # names
    ],
)
def test_words_that_stand_apart_are_not_joined(text: str) -> None:
    assert close_up(text, set(), _dictionary()) == (text, [])


def test_broken_words_are_closed_up_with_their_punctuation() -> None:
    text = "imposed by resoluti o n s 2216 (201 5 ), adverse humanitari an, people in n eed, and to b ring"
    out, joined = close_up(text, set(), _dictionary())
    assert out == "imposed by resolutions 2216 (2015), adverse humanitarian, people in need, and to bring"
    assert joined == ["(2015)", "resolutions", "humanitarian", "need", "bring"]


def test_a_misspelt_word_is_not_closed_up_into_another() -> None:
    text = "the resolutoin s adopted"  # a typo, not a broken word: "resolutoins" is no word
    assert close_up(text, {"resolutions"}, _dictionary()) == (text, [])


def _issued_paragraphs(name: str) -> list[str]:
    lines = (FIXTURES / name).read_text(encoding="utf-8").splitlines()
    return [line for line in lines if line.strip() and not line.startswith("#")]


def _sc_draft(*operative: str) -> Resolution:
    body = "\n\n".join(f"{i}. {text}" for i, text in enumerate(operative, 1))
    return read_text(f"The Security Council,\n\nRecalling its resolutions,\n\n{body}\n").resolution


def test_issued_sc_citations_draw_no_citation_finding() -> None:
    """A count after an SC citation ("… (2011) to 345 police personnel") and a paragraph of another resolution
    ("… (2017) and 11 of resolution 2441 (2018)") are no resolutions cited without their year."""
    res = _sc_draft(*_issued_paragraphs("citations.txt"))
    assert res.header.template == "sc"
    assert not [f for f in check_document(res) if f.rule == "citations.sc-reference"]


@pytest.mark.parametrize(
    "text",
    [
        "Decides to renew the measures imposed by resolutions 2140 (2014) and 2216;",  # the second year missing
        "Recalls paragraph 11 of resolution 2362 and its resolution 2441 (2018);",
        "Decides to extend the mandate set out in resolution 1990(2011);",  # no space before the year
    ],
)
def test_an_sc_citation_without_its_year_is_still_reported(text: str) -> None:
    assert [f for f in check_document(_sc_draft(text)) if f.rule == "citations.sc-reference"]


def test_sponsor_line_and_organ_line_of_pdf_text_with_wide_spacing() -> None:
    """S/2022/158's text layer sets two spaces between words and a blank line between the sponsor line and
    'draft resolution': the header is read (the sponsor as the page gives it) and the organ line starts the body."""
    text = (FIXTURES / "S_2022_158_page1.txt").read_text(encoding="utf-8")
    lines = [" ".join(line.split()) for line in text.splitlines()]
    sponsor_line = lines[lines.index("draft resolution") - 2]  # the line before the blank one
    res = read_text(text).resolution
    assert res.header.symbol == lines[0]
    assert res.header.sponsors == [sponsor_line.rstrip(":")]
    assert res.preamble[0].opener == lines[lines.index("The Security Council,") + 2].split()[0]


def test_a_whole_issued_sc_draft_is_checked_by_sc_conventions() -> None:
    """S/2024/788: "Acting under Chapter VII …," closes the preamble, "Decides to remain seized of the matter."
    the resolution, "this resolution" refers to it: nothing to report before the Council; before the Assembly
    the same words are another organ's ("this resolution", an SC-only phrase)."""
    text = (FIXTURES / "S_2024_788.txt").read_text(encoding="utf-8")
    lines = [line for line in text.splitlines() if line.strip()]
    first_operative = next(i for i, line in enumerate(lines) if re.match(r"\d+\. ", line))
    res = read_text(text).resolution
    assert res.header.template == "sc"
    last_pp = res.preamble[-1]
    assert f"{last_pp.opener} {last_pp.text}".rstrip(",") == lines[first_operative - 1].rstrip(",")
    last_op = res.operative[-1]
    assert f"{last_op.opener} {last_op.text}." == lines[-1].split(" ", 1)[1]
    assert len(res.operative) == len(lines) - first_operative
    assert not _rules(res, LOUD)
    ga = _rules(read_text(_as_ga(text)).resolution, LOUD)
    assert {"organs.self-reference", "organs.out-of-place"} <= ga


def _unknown_words(text: str) -> list[str]:
    res = read_text(text).resolution
    return [f.message.split("'")[1] for f in check_document(res) if f.rule == "spelling.unknown-word"]


def test_a_place_named_before_its_kind_is_a_name_not_a_slip() -> None:
    """The unnamed Georgia (UNOMIG) draft of UNBench writes "the Gali region" three times: a place (one letter
    from "Mali", a State's name), as the word after it says."""
    text = (FIXTURES / "gali_region.txt").read_text(encoding="utf-8")
    assert len(re.findall(r"\bGali region\b", text)) > 1
    assert "Gali" not in _unknown_words(text)
    # without the kind of place after it, a capitalized word one letter from a State's name is still asked about,
    # and a slip of a common word before a place kind is still one
    assert "Gali" in _unknown_words(text.replace("Gali region", "Gali", 1))
    assert "Goverment" in _unknown_words(text.replace("Gali region", "Goverment region", 1))
