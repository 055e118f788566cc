"""End punctuation of a draft whose lists follow their own style: S/2018/1021 (tests/fixtures/issued_sc,
S_2018_1021_pdf.txt as pdfminer reads the issued PDF, S_2018_1021_content.txt the draft's own text). Its
bulleted and numbered items end with "," where a subparagraph takes ";", and two of its operative paragraphs
end with "," (the sponsors' slips). The one warning says how many of the ends were items of the file's own
lists; with the lists typed as subparagraphs take them, each slip is a warning of its own."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from app.io.text_reader import read_text

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "issued_sc"
# an item of a list as the original types it: a bullet, or a number that starts afresh under a paragraph
ITEM = re.compile(r"^(?:• |[1-3]\. (?=[A-Z][a-z]+ (?:of|the|all)\b))")


def _content() -> str:
    return (FIXTURES / "S_2018_1021_content.txt").read_text(encoding="utf-8")


def _blocks(text: str) -> list[str]:
    """The original's paragraphs and items, one each: a line that opens a number or a bullet starts one."""
    out: list[str] = []
    for line in text.split("\n"):
        if re.match(r"^(?:\d+\.\s|• )", line) or not out:
            out.append(line)
        elif line.strip():
            out[-1] += " " + line
    return [" ".join(b.split()) for b in out]


def _list_items_ending_in_a_comma(text: str) -> int:
    return sum(1 for b in _blocks(text) if ITEM.match(b) and b.endswith(","))


def _slips(text: str) -> list[str]:
    """Operative paragraphs of the original (numbered, not list items) that end with a comma."""
    return [b for b in _blocks(text) if re.match(r"^\d+\.\s", b) and not ITEM.match(b) and b.endswith(",")]


def _warnings(text: str) -> list[str]:
    found = read_text(text).findings
    return [
        str(f.message) for f in found if f.rule == "import.end-punctuation" and f.severity.name == "WARNING"
    ]


@pytest.mark.parametrize("name", ["S_2018_1021_pdf.txt", "S_2018_1021_content.txt"])
def test_the_warning_says_how_many_ends_were_the_files_list_style(name: str) -> None:
    listed = _list_items_ending_in_a_comma(_content())
    slips = _slips(_content())
    assert listed > 1 and slips
    warnings = _warnings((FIXTURES / name).read_text(encoding="utf-8"))
    assert warnings == [
        f"{listed + len(slips)} of {warnings[0].split()[2]} paragraphs ended otherwise than their places ask, "
        f"{listed} of them items of a bulleted or numbered list in the file; each is listed as a note: check "
        "that the text was read as intended"
    ]


def test_with_the_lists_typed_as_subparagraphs_take_them_each_slip_is_a_warning() -> None:
    content = _content()
    fixed = "\n".join(
        line[:-1] + ";" if ITEM.match(line) and line.endswith(",") else line for line in content.split("\n")
    )
    warnings = _warnings(fixed)
    assert len(warnings) == len(_slips(content))
    assert all("ended with ',' in the file" in w for w in warnings)
