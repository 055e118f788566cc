"""Adopted Security Council resolutions (scripts/false_alarms_sc.py --source adopted), each class read from an
issued original and each with the real mistake of the same shape still reported:

- the heading of an adopted resolution ("Resolution 652 (1990)" / "of 17 April 1990", "RESOLUTION 898 (1994)" /
  "Adopted by the Security Council at its 3338th meeting," / "on 23 February 1994", "United Nations
  S/RES/1454 (2002)") is its masthead, not a title;
- the vote line after the last paragraph in the Council's annual volumes ("Adopted unanimously at the 2918th
  meeting", "Adopted without a vote at the 3003rd meeting.") ends the resolution like a GA meeting line, so the one
  unnumbered operative paragraph before it ("Recommends to the General Assembly that …") is read as operative;
- notes of documents typed before about 2000: "… to the United Nations, 1/" in the text, "1/ S/25045." below it, a
  note's text wrapped onto the next line ("3/ Official Records of the Security Council, Thirty-third Year," /
  "Supplement for …");
- an operative paragraph that opens "Acting under Chapters VII and VIII of the Charter of the United Nations,
  calls upon States …" (resolution 787 (1992), paragraph 12): a lead-in clause before the verb, a suggestion in
  the Council and a warning before the General Assembly.

Sources in tests/fixtures/issued_sc_adopted/README.md.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from app import inline
from app.conventions.engine import check_document
from app.findings import Finding
from app.io.text_reader import read_text
from app.model import Resolution

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "issued_sc_adopted"
RESOLUTIONS = sorted(FIXTURES.glob("S_RES_*.txt"))  # S/RES/801 (1993)'s heading lost a day: "on January 1993"


def _read(text: str) -> tuple[Resolution, list[Finding]]:
    result = read_text(text)
    return result.resolution, [*result.findings, *check_document(result.resolution)]


def _symbol(path: Path) -> str:
    """The symbol a fixture's name gives: S_RES_0652_1990.txt is S/RES/652 (1990)."""
    m = re.match(r"S_RES_0*(\d+)_(\d{4})", path.name)
    assert m
    return f"S/RES/{m.group(1)} ({m.group(2)})"


@pytest.mark.parametrize("path", RESOLUTIONS, ids=lambda p: p.stem)
def test_the_heading_of_an_adopted_resolution_is_no_title(path: Path) -> None:
    res, found = _read(path.read_text(encoding="utf-8"))
    assert res.title == ""
    assert res.header.template == "sc"
    assert not [f for f in found if f.rule in ("title.not-used", "import.header-unplaced")]
    notes = [f.message for f in found if f.rule == "import.adopted-resolution"]
    assert notes and _symbol(path) in notes[0]
    first = res.preamble[0].opener + " " + res.preamble[0].text
    # the first preambular paragraph is the first one after "The Security Council," in the original
    original = path.read_text(encoding="utf-8").split("The Security Council,", 1)[1].split()
    assert first.split()[:3] == original[:3]


@pytest.mark.parametrize("name", ["S_RES_0652_1990.txt", "S_RES_0704_1991.txt"])
def test_the_one_operative_paragraph_before_the_vote_line_is_operative(name: str) -> None:
    text = (FIXTURES / name).read_text(encoding="utf-8")
    res, found = _read(text)
    # the original's paragraphs: the preamble's one, then the operative one, then the vote line
    blocks = [
        " ".join(b.split()) for b in text.split("The Security Council,", 1)[1].split("\n\n") if b.strip()
    ]
    vote = next(i for i, b in enumerate(blocks) if b.startswith("Adopted "))
    assert len(res.preamble) == 1 and len(res.operative) == 1
    assert res.operative[0].opener == blocks[vote - 1].split()[0]
    assert not [f for f in found if f.severity.name in ("ERROR", "WARNING")]
    assert all("Adopted" not in p.text for _, items in res.lists() for p in items)


def test_a_title_above_the_organ_line_is_still_one() -> None:
    # the same resolution with a title line of its own where the heading was: Security Council resolutions have none
    text = (FIXTURES / "S_RES_0652_1990.txt").read_text(encoding="utf-8")
    res, found = _read(text.replace("Resolution 652 (1990)\nof 17 April 1990", "Admission of new Members", 1))
    assert res.title == "Admission of new Members"
    assert "title.not-used" in {f.rule for f in found}


def test_without_its_operative_paragraph_the_text_still_lacks_one() -> None:
    text = (FIXTURES / "S_RES_0652_1990.txt").read_text(encoding="utf-8")
    start = text.index("Recommends")
    cut = text[:start] + text[text.index("Adopted unanimously") :]
    res, found = _read(cut)
    assert not res.operative
    assert "structure.operative-missing" in {f.rule for f in found}


def test_an_operative_paragraph_ending_in_a_comma_before_the_vote_line_is_still_reported() -> None:
    # a comma ends a preambular paragraph: the text then has its operative verb in the preamble and no operative part
    text = (FIXTURES / "S_RES_0704_1991.txt").read_text(encoding="utf-8")
    res, found = _read(text.replace("United Nations.\n", "United Nations,\n", 1))
    assert not res.operative
    assert {"openers.wrong-part", "structure.operative-missing"} <= {f.rule for f in found}


def _notes_typed_below(text: str) -> list[tuple[str, str]]:
    """The original's notes: each "1/ …" line at the end with the lines its text wraps onto, joined."""
    notes: list[tuple[str, str]] = []
    for line in text.splitlines():
        m = re.match(r"^(\d{1,3})/\s+(.*\S)", line.strip())
        if m:
            notes.append((m.group(1), m.group(2)))
        elif notes and line.strip() and not re.match(r"^\d+\.", line.strip()):
            notes[-1] = (notes[-1][0], notes[-1][1] + " " + line.strip())
    return notes


@pytest.mark.parametrize("name", ["S_RES_0801_1993.txt", "S_RES_0895_1994.txt"])
def test_notes_typed_with_a_slash_are_notes(name: str) -> None:
    text = (FIXTURES / name).read_text(encoding="utf-8")
    res, found = _read(text)
    tail = text[text.rindex("\n1/ ") :]  # the notes below the text, as issued
    expected = _notes_typed_below(tail)
    # the words as typed; the title a note cites is set in italics (app/publication_titles.py)
    assert [" ".join(inline.plain(n.text).split()) for n in res.footnotes.values()] == [
        t for _, t in expected
    ]
    assert not res.unplaced
    body = " ".join(p.text for _, items in res.lists() for top in items for p in top.walk())
    assert not re.search(r"(?<![\w/])\d{1,3}/(?![\w/])", body)  # every "1/" marker became a note reference
    assert not [f for f in found if f.rule in ("import.unplaced", "import.footnote-unplaced")]


def test_a_slash_note_whose_marker_the_text_lacks_is_still_reported() -> None:
    text = (FIXTURES / "S_RES_0801_1993.txt").read_text(encoding="utf-8")
    res, found = _read(text.replace("the United Nations, 1/", "the United Nations,", 1))
    assert not res.footnotes
    assert {f.rule for f in found if f.severity.name in ("ERROR", "WARNING")}


def test_a_fraction_or_a_symbol_is_no_slash_marker() -> None:
    from app.io.note_markers import SLASH_MARK

    assert not SLASH_MARK.search("S/25045 and A/RES/1/5 and one 1/2 share")
    assert SLASH_MARK.search("to the United Nations, 1/")


def _acting_under(text: str) -> str:
    """Paragraph 12 of resolution 787 (1992), as issued: "Acting under Chapters VII and VIII …, calls upon …"."""
    m = re.search(r"^12\. (Acting under .+?;)$", text, re.MULTILINE | re.DOTALL)
    assert m
    return " ".join(m.group(1).split())


def test_acting_under_chapter_vii_before_the_verb_is_a_suggestion_in_the_council() -> None:
    text = (FIXTURES / "S_RES_0787_1992.txt").read_text(encoding="utf-8")
    res, found = _read(text)
    para = next(p for p in res.operative if " ".join(p.text.split()).startswith(_acting_under(text)[:40]))
    mine = [f for f in found if f.paragraph_id == para.id]
    assert [f.rule for f in mine] == ["openers.lead-in"]
    assert mine[0].severity.name == "INFO"


def test_acting_under_before_the_verb_is_a_warning_before_the_assembly() -> None:
    paragraph = _acting_under((FIXTURES / "S_RES_0787_1992.txt").read_text(encoding="utf-8"))
    text = (
        "General Assembly\n\nThe General Assembly,\n\nRecalling its resolutions,\n\n"
        f"1. Decides to act;\n\n2. {paragraph}\n\n3. Decides to remain seized of the matter.\n"
    )
    _, found = _read(text)
    assert [f.severity.name for f in found if f.rule == "openers.lead-in"] == ["WARNING"]


def _vote_line(text: str) -> str:
    """The original's vote line: the block after the last paragraph that opens "Adopted", joined."""
    last = [" ".join(b.split()) for b in text.split("\n\n") if b.strip()][-1]
    assert last.startswith("Adopted ")
    return last


def test_the_vote_line_without_vote_ends_the_resolution() -> None:
    """S/RES/702 (1991): "Adopted without vote at the 3001st" / "meeting.", the annual volume's own wording."""
    text = (FIXTURES / "S_RES_0702_1991.txt").read_text(encoding="utf-8")
    vote = _vote_line(text)
    res, found = _read(text)
    numbered = re.findall(r"^(\d+)\.\s", text, re.MULTILINE)
    assert len(res.operative) == len(numbered) and not res.unplaced
    assert not [f for f in found if f.severity.name in ("ERROR", "WARNING")]
    assert all(vote.split()[0] not in p.text for _, items in res.lists() for p in items)


def test_matter_after_the_last_paragraph_that_is_no_vote_line_is_still_reported() -> None:
    text = (FIXTURES / "S_RES_0702_1991.txt").read_text(encoding="utf-8")
    vote = _vote_line(text)
    meeting = re.search(r"\d+(?:st|nd|rd|th)", vote)
    assert meeting
    stray = vote.replace(meeting.group(0), "next")  # no meeting's number: no vote line
    res, found = _read(text[: text.rindex("Adopted ")] + stray + "\n")
    assert res.unplaced
    assert "import.unplaced" in {f.rule for f in found}


# a paragraph of the annual volume that ends with a citation, a comma and the marker of a note the copy lacks
_MARKED_END = re.compile(r"resolution\s+(\d+)\s+\((\d{4})\),\s+(\d{1,3})\n\n")


def _sc_references(text: str) -> list[str]:
    _, found = _read(text)
    return [str(f.message) for f in found if f.rule == "citations.sc-reference"]


def test_a_notes_marker_after_a_citation_at_a_paragraphs_end_is_no_resolution() -> None:
    """S/RES/700 (1991): "… pursuant to paragraph 26 of resolution" / "687 (1991), 85" (the volume's note 85)."""
    text = (FIXTURES / "S_RES_0700_1991.txt").read_text(encoding="utf-8")
    m = _MARKED_END.search(text)
    assert m
    assert not [r for r in _sc_references(text) if f"'{m.group(3)}'" in r]


@pytest.mark.parametrize("change", ["a list of resolutions", "words after the number"])
def test_an_undated_resolution_after_a_citation_is_still_reported(change: str) -> None:
    text = (FIXTURES / "S_RES_0700_1991.txt").read_text(encoding="utf-8")
    m = _MARKED_END.search(text)
    assert m
    number, year, marker = m.groups()
    if change == "a list of resolutions":
        cited = f"resolutions {number} ({year}), {marker}\n\n"
    else:
        cited = f"resolution {number} ({year}), {marker} of the same year\n\n"
    assert [r for r in _sc_references(text.replace(m.group(0), cited, 1)) if f"'{marker}'" in r]


def _before_heading(text: str) -> list[str]:
    """The original's lines with text before its heading "Resolution 851 (1993)": the page's previous item."""
    heading = re.search(r"^Resolution \d+ \(\d{4}\)$", text, re.MULTILINE)
    assert heading
    return [line for line in text[: heading.start()].split("\n") if line.strip()]


def test_the_end_of_the_item_printed_before_the_heading_is_left_out() -> None:
    """S/RES/851 (1993) starts at the top of a page: the end of a statement by the President and a note on the
    meeting stand before "Resolution 851 (1993)" / "of 15 July 1993" / "The Security Council,"."""
    text = (FIXTURES / "S_RES_0851_1993.txt").read_text(encoding="utf-8")
    before = _before_heading(text)
    assert before
    result = read_text(text)
    res = result.resolution
    assert not res.title and not res.unplaced
    first_words = " ".join(before[0].split()[:5])
    assert all(first_words not in p.text for _, items in res.lists() for top in items for p in top.walk())
    said = [str(f.message) for f in result.findings if f.rule == "import.unplaced"]
    assert said == [
        f"{len(before)} lines before the resolution's heading (the end of the item the annual volume prints "
        "before it) were left out"
    ]
    assert "title.not-used" not in {f.rule for f in check_document(res)}


def test_without_the_heading_the_matter_above_the_organ_line_is_still_a_title() -> None:
    text = (FIXTURES / "S_RES_0851_1993.txt").read_text(encoding="utf-8")
    res, found = _read(text.replace("Resolution 851 (1993)\nof 15 July 1993\n", "", 1))
    assert res.title
    assert "title.not-used" in {f.rule for f in found}


def test_an_adjective_the_council_opens_with_is_an_opener() -> None:
    """Resolution 867 (1993): "Strongly supportive of the efforts to implement that Agreement, …" opens a preambular
    paragraph (as "Indignant at …" opens five of the Council's resolutions of 1978-1987 in CR-UNSC); a noun in its
    place is still no opener."""
    text = (FIXTURES / "S_RES_0867_1993.txt").read_text(encoding="utf-8")
    res, found = _read(text)
    para = next(p for p in res.preamble if "to implement that Agreement" in p.text)
    assert para.opener == "Strongly supportive"
    assert not [f for f in found if f.paragraph_id == para.id and f.rule.startswith("openers.")]
    res, found = _read(text.replace("Strongly supportive of", "Strong support for"))
    para = next(p for p in res.preamble if "to implement that Agreement" in p.text)
    assert any(f.rule == "openers.preambular-form" and f.paragraph_id == para.id for f in found)
