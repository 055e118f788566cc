"""Numbered paragraphs typed on the line of the paragraph before (their line breaks lost), as UNBench has an
unnamed CAR draft (tests/fixtures/issued_sc/CAR_run_in_numbers.txt, source in its first line): "… elections; 9.
Calls upon …; 10. Urges …". Each number that continues the count is a paragraph of its own, said in one note; a
number that does not continue it stays in the text, and a number really skipped is still reported."""

from __future__ import annotations

import re
from pathlib import Path

from app.io.run_in_numbers import split_run_in_numbers
from app.io.text_reader import read_text

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "issued_sc" / "CAR_run_in_numbers.txt"
NUMBER = re.compile(r"(?:^|(?<=[;.:]))\s*(\d{1,3})\.\s+[A-Z]", re.MULTILINE)


def _text() -> str:
    return FIXTURE.read_text(encoding="utf-8").split("\n", 1)[1]


def _typed_numbers(text: str) -> list[int]:
    """The paragraph numbers as typed, in order: at a line's start or after a paragraph's end."""
    return [int(n) for n in NUMBER.findall(text)]


def _numbering(text: str) -> list[str]:
    return [f.message for f in read_text(text).findings if f.rule == "import.numbering"]


def test_paragraphs_typed_on_one_line_are_read_apart() -> None:
    text = _text()
    typed = _typed_numbers(text)
    assert typed == list(range(typed[0], typed[0] + len(typed)))  # the draft's own count, none skipped
    lines = text.splitlines()
    assert len(typed) > sum(1 for line in lines if re.match(r"\s*\d+\.\s", line))  # some run in
    res = read_text(text).resolution
    assert len(res.operative) == len(typed)
    notes = _numbering(text)
    run_in = len(typed) - sum(1 for line in lines if re.match(r"\s*\d+\.\s", line))
    assert (
        f"{run_in} numbered paragraphs were typed on the line of the paragraph before them (their line breaks "
        "lost); each was read as a paragraph of its own"
    ) in notes
    assert not [m for m in notes if "skipped" in m]


def test_a_skipped_number_on_the_line_is_still_reported() -> None:
    text = _text()
    typed = _typed_numbers(text)
    gone = typed[len(typed) // 2]
    skipped = re.sub(rf"(?<=[;.:])\s+{gone}\.\s+[A-Z][a-z]+", " ", text, count=1)
    assert skipped != text
    messages = _numbering(skipped)
    # the numbers after the gap no longer continue the count: they stay in the text, and the next line's is
    # reported as typed after the last one read
    assert any(f"after “{gone - 1}.”" in m and "skipped" in m for m in messages)


def test_a_number_that_does_not_continue_the_count_stays_in_the_text() -> None:
    lines = ["8. Urges the parties to act under paragraph 4. 12 States have done so; 3. Decides to act;"]
    out, _, split = split_run_in_numbers(lines, [1])
    assert out == lines and split == 0
    lines = ["8. Urges the parties; 9. Calls upon them; 11. Decides; 10. Requests"]
    out, pages, split = split_run_in_numbers(lines, [1])
    assert out == ["8. Urges the parties;", "", "9. Calls upon them; 11. Decides;", "", "10. Requests"]
    assert split == 2 and pages == [1] * 5
