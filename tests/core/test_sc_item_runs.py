"""A list item's line that the PDF's text layer set apart with a blank line after a comma: S/2017/77, paragraph
1 (e), as pdfminer reads the issued PDF ("(e)  Protective  clothing," / blank / "jackets  and  military  helmets,"
…; fixture tests/fixtures/issued_sc/S_2017_77_pdf.txt) is one item, ending as the original's item does (the
draft's own text: S_2017_77_content.txt, UNBench data/task2/2148/S_2017_77-EN.json, `Content`). Text in small
letters after a list's last item is still the paragraph's tail, and an item that really ends with a comma is
still reported."""

from __future__ import annotations

import re
from pathlib import Path

from app import inline
from app.io.text_reader import read_text
from app.model import Paragraph, Resolution

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "issued_sc"


def _pdf() -> str:
    return (FIXTURES / "S_2017_77_pdf.txt").read_text(encoding="utf-8")


def _original_item(opening: str) -> str:
    """The item of the original that opens with `opening`, its words as typed, up to its end."""
    content = (FIXTURES / "S_2017_77_content.txt").read_text(encoding="utf-8")
    m = re.search(rf"\(\w\)\s+({re.escape(opening)}.*?;)", content, re.DOTALL)
    assert m
    return " ".join(m.group(1).split())


def _item(res: Resolution, opening: str) -> tuple[Paragraph, Paragraph]:
    for top in res.operative:
        for para in top.walk():
            for sub in para.subparagraphs:
                if inline.plain(sub.text).startswith(opening):
                    return para, sub
    raise AssertionError(opening)


def test_an_item_set_apart_by_a_blank_line_after_a_comma_is_one_item() -> None:
    original = _original_item("Protective clothing")
    result = read_text(_pdf())
    parent, item = _item(result.resolution, "Protective clothing")
    words = inline.plain(item.text).split()
    assert words[-4:] == original.rstrip(";").split()[-4:]  # "… for their personal use only"
    assert not inline.plain(parent.tail).strip()  # nothing left over as the paragraph's tail
    said = [f.message for f in result.findings if f.rule == "import.end-punctuation"]
    assert not [
        m for m in said if str(m).startswith(f"OP {result.resolution.operative.index(parent) + 1} (e)")
    ]


def test_a_piece_that_opens_with_a_capital_stays_in_its_item() -> None:
    """Paragraph 17 (g): "… attacks against" / "including  MINUSCA,  the" / blank / "international  security
    presences," / blank / "UN  missions  or" / "European  Union  Missions … them;" / "(h)": all of it is (g)."""
    original = _original_item("Involved in planning, directing, sponsoring")
    result = read_text(_pdf())
    parent, item = _item(result.resolution, "Involved in planning, directing, sponsoring")
    assert inline.plain(item.text).split()[-3:] == original.rstrip(";").split()[-3:]  # "… which support them"
    assert sorted(inline.plain(item.text).split()) == sorted(original.rstrip(";").split())  # its words, all
    assert not inline.plain(parent.tail).strip()


def test_an_item_that_really_ends_with_a_comma_is_still_reported() -> None:
    text = _pdf()
    start = text.index("(e)  Protective  clothing,")
    end = text.index("(f)  Supplies", start)
    result = read_text(text[:start] + "(e)  Protective  clothing,\n\n" + text[end:])
    said = [str(f.message) for f in result.findings if f.rule == "import.end-punctuation"]
    assert any("(e) ended with ','" in m for m in said)


def test_small_letters_after_the_last_item_are_the_paragraphs_tail() -> None:
    text = _pdf()
    last = re.search(r"\(h\)  Other  sales.*?Committee;", text, re.DOTALL)
    assert last
    tail = "and  decides  to  review  these  measures,"
    result = read_text(text[: last.end()] + "\n\n" + tail + text[last.end() :])
    parent, _ = _item(result.resolution, "Other sales")
    assert inline.plain(parent.tail).startswith("and decides")
