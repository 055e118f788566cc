"""Footnote markers in text: each note found at its own marker, and finding them all stays linear in the text.

The numbers expected are the notes the model was built with (text written by the text writer, read back),
never typed; the size tests bound the time far below what a search per note through the whole text takes.
"""

from __future__ import annotations

import sys
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from fixtures.robust.hostile import hang_guard, sample  # noqa: E402

from app import inline  # noqa: E402
from app.io.note_markers import SUPERSCRIPTS, markers, numbers_in  # noqa: E402
from app.io.text_reader import read_text  # noqa: E402
from app.io.text_writer import to_text  # noqa: E402

_SUP = str.maketrans("0123456789", SUPERSCRIPTS)


def _notes_in_order(res) -> list[str]:  # type: ignore[no-untyped-def]
    refs = [r for _, p in res.paragraphs() for r in inline.footnote_ids(p.opener + p.text + p.tail)]
    return [inline.plain(res.footnotes[r].text) for r in refs]


def test_thousands_of_notes_in_runs_read_back_each_at_its_marker() -> None:
    """The text writer prints notes at one place as one superscript run ("⁷⁸⁹¹⁰¹¹"): each note is found there."""
    res = sample(paragraphs=40, footnotes=5000)
    with hang_guard(20):
        result = read_text(to_text(res))
    back = result.resolution
    assert _notes_in_order(back) == _notes_in_order(res)
    assert not [f for f in result.findings if f.rule == "import.footnote-unplaced"]


def test_notes_whose_markers_take_the_weak_forms_read_in_linear_time() -> None:
    """20,000 typed notes, no superscripts anywhere: the strong form is looked for in vain for every note."""
    n = 20_000
    body = "\n\n".join(f"{i}. *Decides* to act on item x{i};" for i in range(1, n + 1))
    notes = "\n".join(f"[^{i}]: Note {i}." for i in range(1, n + 1))
    with hang_guard(20):
        res = read_text(
            f"The General Assembly,\n\n*Recalling* its resolutions,\n\n{body}\n\n{notes}"
        ).resolution
    assert len(res.footnotes) == n


@settings(max_examples=60, deadline=None)
@given(st.integers(1, 400), st.integers(0, 6))
def test_a_run_of_consecutive_notes_is_read_as_the_notes_in_turn(first: int, more: int) -> None:
    """As the reader does: each note found in turn is replaced by its placeholder before the next is sought."""
    numbers = [str(k) for k in range(first, first + more + 1)]
    before = "Recalling its resolution,"
    line = before + "".join(numbers).translate(_SUP) + " and"
    assert markers(str(first + more + 1))[0].find(line) is None  # the number after the run is not in it
    for k, label in enumerate(numbers):
        assert label in numbers_in(line)  # the index names every line a marker can be in
        span = markers(label)[0].find(line)
        assert span is not None and line[: span[0]] == before + "".join(f"\x01{j}\x02" for j in range(k))
        line = line[: span[0]] + f"\x01{k}\x02" + line[span[1] :]
    assert line == before + "".join(f"\x01{j}\x02" for j in range(len(numbers))) + " and"


def test_a_marker_glued_to_a_year_is_indexed_and_found() -> None:
    for line, label in (("for 20251 and", "1"), ("2024–203416 and", "16")):
        assert label in numbers_in(line)
        assert any(m.find(line) for m in markers(label)[1:])


def test_markers_spaced_after_a_year_and_not_inside_a_word() -> None:
    """Lines as the text layers of A/80/L.34 and A/80/L.18 (session 80, github.com/wannli/mandate-pipeline,
    data/extracted) carry them: "held in 2019 4  and 2023, 5  on", "12 August 1949 2  and"; "Health4Life" is a
    programme's name further on, never note 4's marker."""
    text = (
        "The General Assembly,\n\n"
        "Recalling the Geneva Conventions of 12 August 1949 1  and the Additional\nProtocols thereto,\n\n"
        "1. Recall the political declarations on universal health coverage\n"
        "held in 2019 2  and 2023, 3  on pandemic prevention;\n\n"
        "2. Welcome the Health2Life Fund.\n"
        "__________________\n1 United Nations, Treaty Series, vol. 75, Nos. 970–973.\n"
        "2 Resolution 74/2.\n3 Resolution 78/4.\n"
    )
    result = read_text(text)
    res = result.resolution
    assert not [f for f in result.findings if f.rule == "import.footnote-unplaced"]
    assert inline.plain(res.preamble[0].text).startswith("the Geneva Conventions of 12 August 1949")
    refs = inline.footnote_ids(res.preamble[0].text)
    assert len(refs) == 1 and "1949[^" in res.preamble[0].text.replace(" ", "")
    assert len(inline.footnote_ids(res.operative[0].text)) == 2
    assert not inline.footnote_ids(res.operative[1].text) and "Health2Life" in res.operative[1].text


def test_a_marker_spaced_after_a_full_stop_ends_the_paragraph_but_not_after_an_abbreviation() -> None:
    """A/80/L.4 prints "… in the Pact for the Future. 16" at a paragraph's end, and A/80/L.8 "… with the Paris
    Principles. 13 We will …" inside one; "para. 12" is a reference, not note 12's marker."""
    text = (
        "The General Assembly,\n\n1. \nWe also uphold all commitments in the Pact for the Future. 1 \n"
        "2. \nWe note the interest of the countries, as set out in A/79/1, para. 2 and in the Principles. 2 We will\n"
        "act.\n"
        "__________________\n1 Resolution 79/1.\n2 Resolution 48/134, annex.\n"
    )
    result = read_text(text)
    res = result.resolution
    assert not [f for f in result.findings if f.rule == "import.footnote-unplaced"]
    assert len(res.operative) == 2  # the marker no longer hides the end of paragraph 1
    assert inline.plain(res.operative[1].text).count("para. 2 and") == 1
    assert [len(inline.footnote_ids(p.text)) for p in res.operative] == [1, 1]


def test_thousands_of_notes_without_markers_are_kept_in_linear_time() -> None:
    """No marker anywhere: every note goes to the end of the one paragraph, each reported once."""
    n = 20_000
    notes = "\n".join(f"[^{i}]: Note {i}." for i in range(1, n + 1))
    with hang_guard(20):
        result = read_text(
            f"The General Assembly,\n\n*Recalling* its resolutions,\n\n1. *Decides* to act.\n\n{notes}"
        )
    assert len(result.resolution.footnotes) == n
    assert sum(f.rule == "import.footnote-unplaced" for f in result.findings) == n
