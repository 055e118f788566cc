"""Headings over groups of operative paragraphs (Security Council sanctions resolutions): read from text and
from a plain Word file as headings, kept out of the numbering, printed and read back."""

from __future__ import annotations

import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from fixtures.wordxml.docs import Doc, I  # noqa: E402

from app.io.docx_reader import read_docx  # noqa: E402
from app.io.docx_writer import build_docx  # noqa: E402
from app.io.reading import read_document  # noqa: E402
from app.io.text_reader import read_text  # noqa: E402
from app.io.text_writer import to_text  # noqa: E402
from app.render import render  # noqa: E402

FIXTURE = Path(__file__).resolve().parent.parent / "fixtures" / "text" / "sc-sanctions.txt"


def _expected(text: str) -> tuple[list[str], list[str]]:
    """From the text itself: the numbers of the numbered paragraphs and the unnumbered short lines between."""
    blocks = [b.strip() for b in re.split(r"\n\s*\n", text) if b.strip()]
    numbers = [m.group(1) for b in blocks if (m := re.match(r"(\d+)\.\s", b))]
    first = next(i for i, b in enumerate(blocks) if re.match(r"\d+\.\s", b))
    headings = [
        b
        for i, b in enumerate(blocks)
        if i >= first - 1
        and not re.match(r"\d+\.\s", b)
        and not re.search(r"[,;:.]$", b)
        and i + 1 < len(blocks)
        and re.match(r"\d+\.\s", blocks[i + 1])
    ]
    return numbers, headings


def test_headings_in_text_are_not_numbered_paragraphs() -> None:
    text = FIXTURE.read_text(encoding="utf-8")
    numbers, headings = _expected(text)
    res = read_document(FIXTURE).resolution
    assert [b.label.rstrip(".") for b in render(res).blocks if b.role == "operative" and b.label] == numbers
    assert [h for p in res.operative for h in p.heading.splitlines()] == headings
    assert all(not p.opener.startswith(("Sanctions", "Travel", "Panel")) for p in res.operative)
    back = read_text(to_text(res)).resolution  # printed as headings and read back the same
    assert [p.heading for p in back.operative] == [p.heading for p in res.operative]


def test_headings_in_a_plain_word_file() -> None:
    doc = Doc()
    doc.masthead()
    doc.para(
        I("Determining"), " that the situation constitutes a threat to international peace and security,"
    )
    doc.para(I("Acting"), " under Chapter VII of the Charter of the United Nations,")
    doc.para("Arms embargo")
    doc.para("1.\t", I("Decides"), " that all Member States shall prevent the supply of arms;")
    doc.para("2.\t", I("Decides"), " that the measures shall not apply to supplies for the Mission;")
    doc.para("Travel ban")
    doc.para(
        "3.\t", I("Decides"), " that all Member States shall prevent the entry of designated individuals;"
    )
    doc.para("4.\t", I("Decides"), " to remain actively seized of the matter.")
    res = read_docx(doc.bytes(), name="sc.docx").resolution
    assert len(res.preamble) == 2 and len(res.operative) == 4
    assert [p.heading for p in res.operative] == ["Arms embargo", "", "Travel ban", ""]
    back = read_docx(build_docx(res), name="back.docx").resolution
    assert [p.heading for p in back.operative] == ["Arms embargo", "", "Travel ban", ""]
