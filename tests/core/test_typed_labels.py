"""Typed numbers and labels out of sequence are reported once, at the break (app/io/typed_labels.py)."""

from __future__ import annotations

import re
import string
from pathlib import Path

import pytest

from app import inline
from app.io.structure import Nesting
from app.io.text_reader import read_text

CORPUS = Path(__file__).resolve().parents[1] / "fixtures" / "corpus"
ISSUED = ("A_C.6_80_L.21.txt", "A_C.3_80_L.20.txt", "A_C.1_80_L.43.txt", "A_80_L.6.txt")


@pytest.mark.parametrize("name", ISSUED)
def test_issued_drafts_number_in_sequence(name: str) -> None:
    found = [f for f in read_text((CORPUS / name).read_text(encoding="utf-8")).findings]
    assert not [f for f in found if f.rule == "import.numbering"]


def test_the_uns_doubled_letters_after_z_continue_the_list() -> None:
    """Issued resolutions go on "(z)", "(aa)", "(bb)", "(cc)" (A/RES/76/140, operative paragraph 2)."""
    nesting = Nesting()
    labels = [f"({c})" for c in string.ascii_lowercase] + [f"({c * 2})" for c in string.ascii_lowercase]
    for label in labels:
        assert nesting.place(label) == 1 and nesting.in_order, label


def _renumbered(text: str, first: int) -> str:
    """The draft with its operative numbers from `first` on moved up by one (one number skipped)."""

    def bump(m: re.Match[str]) -> str:
        n = int(m.group(2))
        return f"{m.group(1)}{n + 1 if n >= first else n}."

    return re.sub(r"(?m)^(\s*)(\d{1,2})\.(?=\s+[A-Z])", bump, text)


def test_a_skipped_number_is_reported_once_where_it_breaks() -> None:
    text = (CORPUS / "A_80_L.6.txt").read_text(encoding="utf-8")
    clean = read_text(text).resolution
    result = read_text(_renumbered(text, 3))
    [f] = [f for f in result.findings if f.rule == "import.numbering"]
    assert f.paragraph_id == result.resolution.operative[2].id
    assert "typed “4.” after “2.”" in f.message and "prints as 3" in f.message
    assert len(result.resolution.operative) == len(clean.operative)


def test_many_breaks_or_a_late_start_are_notes() -> None:
    """A text whose numbers break more than twice, or start above 1, was cut from a longer one or numbered
    otherwise: each break is a note. A label that prints as typed is not reported."""
    from app.findings import Severity
    from app.io.typed_labels import TypedLabels
    from app.model import Paragraph

    typed, items = TypedLabels(), []
    for number in (1, 2, 4, 5, 7, 8, 10):
        items.append(Paragraph(text="x"))
        typed.number(items[-1], number, items)
    assert len(typed.findings) == 3 and {f.severity for f in typed.settled()} == {Severity.INFO}
    late, items = TypedLabels(), [Paragraph(text="x")]
    late.number(items[0], 5, items)
    [f] = late.settled()
    assert f.severity is Severity.INFO
    same = TypedLabels()
    same.label(Paragraph(text="x"), "(f)", False, 1, 6)
    assert not same.findings


def _numbered_text(count: int, after: str) -> str:
    lines = ["The General Assembly,", "", "Recalling its resolution 79/1,", ""]
    for k in range(1, count + 1):
        lines += [f"{k}. Decides to act on matter {k};", ""]
    return "\n".join([*lines, after])


@pytest.mark.parametrize("count", [999, 1000, 1001, 1205])
def test_typed_numbers_past_999_continue_the_list_in_text(count: int) -> None:
    """As the Word reader reads them (tests/core/test_typed_labels_word.py): "1000." typed after "999." is the
    next paragraph; a number past 999 that does not continue the list ("2015. …") is the text of the paragraph
    before, reported by no numbering finding."""
    result = read_text(_numbered_text(count, "2015. The year of the Agenda, as typed;"))
    operative = result.resolution.operative
    assert len(operative) == count
    assert not [f for f in result.findings if f.rule == "import.numbering"]
    assert inline.plain(operative[-2].text) == f"to act on matter {count - 1}"
    assert (
        inline.plain(operative[-1].text)
        == f"to act on matter {count}; 2015. The year of the Agenda, as typed"
    )


def test_a_number_past_999_out_of_sequence_is_text_and_an_absurd_one_is_refused() -> None:
    """ "1002." after "1000." (a paragraph lost: the gap the typed sequence shows) is no number, nor is a number
    of 5,000 digits, which is read as the text it is at once rather than converted."""
    absurd = "9" * 5000 + ". Decides to act;"
    text = _numbered_text(1000, "1002. Decides to act on matter 1002;\n\n" + absurd)
    operative = read_text(text).resolution.operative
    assert len(operative) == 1001  # the 1,000 typed, and the absurd line as an operative paragraph's text
    assert "1002. Decides to act on matter 1002" in inline.plain(operative[999].text)
    assert inline.plain(operative[-1].opener + operative[-1].text).startswith("9" * 5000)
