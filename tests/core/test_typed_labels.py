"""Typed numbers and labels out of sequence are reported once, at the break (app/io/typed_labels.py)."""

from __future__ import annotations

import re
import string
from pathlib import Path

import pytest

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
