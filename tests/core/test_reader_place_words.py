"""The places a reader's findings name, in the reader's language: a French or Spanish UN XML with an element the
reader cannot place said "<foo> (operative paragraph 13(3)) n'a pas pu être placé" and "une liste … dans an
operative paragraph" in a French line. Each place is now said once, by app.place_words: in French and Spanish in
the languages' own paragraph words (resources/languages/*.toml [amendments], set beside the UN XML), with the
paragraph's number and its subparagraph's label as the file prints them.

The files are the issued French and Spanish XML of A/RES/79/174 with a stray element put inside one of its
lettered subparagraphs and one inside the numbered paragraph after it, and that list's second label misprinted.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import pytest

from app import cli, interface
from app.languages import get_language

LANGUAGES = Path(__file__).resolve().parent.parent / "fixtures" / "languages"
SOURCES = {"fr": "A_RES_79_174-2424215F.xml", "es": "A_RES_79_174-2424215S.xml"}
# English words of a place (a paragraph, a part of the text, the header) that a French or Spanish line never says
ENGLISH_PLACE = re.compile(
    r"\b(?:paragraph|preambular|operative|preamble|annex|part|header|subparagraph|instruction|quoted)\b", re.I
)


@dataclass
class Made:
    path: Path
    listed: int  # the number of the paragraph whose list holds the stray element
    label: str  # the printed label of the subparagraph holding it ("c)")
    after: int  # the number of the next paragraph, which holds the other
    misprinted: str  # the label put in place of the list's second


def stray_elements(code: str, folder: Path) -> Made:
    """The issued XML with `<foo>` after the third label of its first list and `<bar>` after the number of the
    paragraph after that list; the list's second label printed "x)"."""
    xml = (LANGUAGES / SOURCES[code]).read_text(encoding="utf-8")
    nums = list(re.finditer(r"<num>([^<]*)</num>", xml))
    first_label = next(i for i, m in enumerate(nums) if not m.group(1).rstrip().endswith("."))
    listed = int(nums[first_label - 1].group(1).rstrip("."))
    third = nums[first_label + 2]
    nxt = next(m for m in nums[first_label:] if m.group(1).rstrip().endswith("."))
    second = nums[first_label + 1]
    pieces = [
        (third.end(), "<foo>texte</foo>"),
        (nxt.end(), "<bar>texte</bar>"),
    ]
    out = xml
    for at, text in sorted(pieces, reverse=True):
        out = out[:at] + text + out[at:]
    out = out[: second.start()] + "<num>x)</num>" + out[second.end() :]
    path = folder / f"stray-{code}.xml"
    path.write_text(out, encoding="utf-8")
    return Made(path, listed, third.group(1).strip(), int(nxt.group(1).rstrip(".")), "x)")


def _check_lines(path: Path, code: str, capsys: pytest.CaptureFixture[str]) -> list[str]:
    try:
        cli.run(["check", str(path), "--lang", code])
    finally:
        interface.use(interface.ENGLISH)
    return capsys.readouterr().out.splitlines()[:-1]


@pytest.mark.parametrize("code", sorted(SOURCES))
def test_check_names_the_reader_places_in_the_draft_language(
    code: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    made = stray_elements(code, tmp_path)
    words = get_language(code).amendments
    lines = _check_lines(made.path, code, capsys)
    said = "\n".join(lines)
    # the paragraph words of the language, the numbers and labels as the file prints them
    assert f"({words['operative_sub'].format(number=made.listed, sub=made.label)})" in said
    assert f"({words['operative'].format(number=made.after)})" in said
    assert made.misprinted in said  # the numbering finding is there, said with the rest
    for line in lines:
        place, message = line.split(": ", 3)[1], line.split(": ", 3)[-1].split(" [")[0]
        assert not ENGLISH_PLACE.search(place) and not ENGLISH_PLACE.search(message), line


def test_english_lines_keep_their_words(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The English check says the same places as before, in the readers' own words."""
    made = stray_elements("fr", tmp_path)
    said = "\n".join(_check_lines(made.path, interface.ENGLISH, capsys))
    assert f"<foo> at operative paragraph {made.listed}(3) could not be placed" in said
    assert f"<bar> at operative paragraph {made.after} could not be placed" in said
    assert "a subparagraph list in an operative paragraph is numbered 'x)'" in said
