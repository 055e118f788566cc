"""Numbers and labels typed by hand in a Word file (not Word numbering) are checked for gaps and repeats as the
text reader checks them (`import.numbering`, app/io/typed_labels.py): a Word file built from an issued text."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from app import inline
from app.io.docx_reader import read_docx
from app.io.text_reader import read_text
from app.render import render

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from fixtures.wordxml.docs import Doc, I  # noqa: E402

CORPUS = Path(__file__).resolve().parents[1] / "fixtures" / "corpus"
ISSUED = ("A_C.6_80_L.21.txt", "A_C.3_80_L.20.txt", "A_C.1_80_L.43.txt", "A_80_L.6.txt")
BODY = ("preambular", "operative", "subparagraph", "heading")


def _typed_lines(name: str) -> list[tuple[str, str, str]]:
    """(label, opener, rest) of each body paragraph of the issued text, as it prints (labels typed by hand)."""
    res = read_text((CORPUS / name).read_text(encoding="utf-8")).resolution
    lines = []
    for block in render(res).blocks:
        if block.role in BODY and not block.is_tail:
            rest = "".join(s.text for s in block.body_spans if not s.footnote)
            lines.append((block.label, block.opener, inline.plain(rest) + block.end))
    return lines


def _word(lines: list[tuple[str, str, str]]) -> bytes:
    doc = Doc()
    doc.masthead()
    for label, opener, rest in lines:
        doc.para(*[f"{label}\t"] * bool(label), *[I(opener)] * bool(opener), (" " if opener else "") + rest)
    return doc.bytes()


def _numbering(data: bytes):
    result = read_docx(data)
    return result, [f for f in result.findings if f.rule == "import.numbering"]


def _operative_at(lines: list[tuple[str, str, str]], number: int) -> int:
    return next(i for i, (label, _, _) in enumerate(lines) if label == f"{number}.")


@pytest.mark.parametrize("name", ISSUED)
def test_issued_text_typed_in_word_numbers_in_sequence(name: str) -> None:
    _, found = _numbering(_word(_typed_lines(name)))
    assert not found, [f.message for f in found]


@pytest.mark.parametrize("name", ISSUED)
def test_a_planted_gap_is_reported_once_where_it_breaks(name: str) -> None:
    lines = _typed_lines(name)
    clean, _ = _numbering(_word(lines))
    numbers = [int(label[:-1]) for label, _, _ in lines if label[:-1].isdigit()]
    first = numbers[len(numbers) // 2]  # from the middle on, every number one higher: one number skipped
    planted = [
        (f"{int(lb[:-1]) + 1}." if lb[:-1].isdigit() and int(lb[:-1]) >= first else lb, o, r)
        for lb, o, r in lines
    ]
    result, [finding] = _numbering(_word(planted))
    assert f"typed “{first + 1}.” after “{first - 1}.”" in finding.message
    assert f"prints as {first}" in finding.message
    assert finding.paragraph_id == result.resolution.operative[first - 1].id
    assert len(result.resolution.operative) == len(clean.resolution.operative)


def test_a_repeated_number_and_a_skipped_label_are_reported() -> None:
    lines = _typed_lines("A_C.3_80_L.20.txt")
    at = _operative_at(lines, 3)  # ("1." again would open a section numbered afresh)
    repeated = [*lines[:at], ("2.", *lines[at][1:]), *lines[at + 1 :]]
    _, [finding] = _numbering(_word(repeated))
    assert "typed “2.” after “2.”" in finding.message and "prints as 3" in finding.message
    subs = [i for i, (label, _, _) in enumerate(lines) if label == "(b)"]
    assert subs, "the draft has a list with a second item"
    skipped = [*lines[: subs[0]], ("(c)", *lines[subs[0]][1:]), *lines[subs[0] + 1 :]]
    _, found = _numbering(_word(skipped))
    assert any("“(c)”" in f.message and "prints as “(b)”" in f.message for f in found), [
        f.message for f in found
    ]


def test_word_numbering_and_negotiation_tags_are_not_typed_numbers() -> None:
    """Numbers Word derives itself cannot skip; "OP3 bis" repeats its number on purpose."""
    doc = Doc()
    doc.masthead()
    doc.para(I("Recalling"), " its resolution 79/1,")
    for text in ("OP1", "OP2", "OP2 bis", "OP4"):
        doc.para(f"{text}\t", I("Decides"), " to act;")
    _, found = _numbering(doc.bytes())
    assert not found


@pytest.mark.parametrize("count", [999, 1000, 1001, 1205])
def test_typed_numbers_past_999_continue_the_list(count: int) -> None:
    """ "1000." typed after "999." is the next paragraph (it was joined, with every one after it, to the 999th);
    a number past 999 that does not continue the list ("2015. …") stays the paragraph's text."""
    doc = Doc()
    doc.masthead()
    doc.para(I("Recalling"), " its resolution 79/1,")
    for k in range(1, count + 1):
        doc.para(f"{k}.\t", I("Decides"), f" to act on matter {k};")
    doc.para("2015.\tThe year of the Agenda, as typed;")
    result, found = _numbering(doc.bytes())
    operative = result.resolution.operative
    assert len(operative) == count and not found
    assert inline.plain(operative[-2].text) == f"to act on matter {count - 1}"
    assert (
        inline.plain(operative[-1].text)
        == f"to act on matter {count}; 2015. The year of the Agenda, as typed"
    )
    assert not [
        f for f in result.findings if f.rule == "import.joined" and f.paragraph_id != operative[-1].id
    ]
