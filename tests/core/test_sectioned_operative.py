"""Fifth Committee drafts set their operative part in sections ("I" over "Conditions of service …"), and a
section may open with a preambular paragraph of its own ("Recalling its resolution 44/198, …,"), printed
unnumbered under the heading. The checker must not take it for an operative paragraph missing its verb.

Fixture: A/C.5/80/L.17 as its issued PDF's text layer (tests/fixtures/text/A_C.5_80_L.17.txt, source in its
first line). The expected paragraphs are found in that text: a line opening with a participle right after a
heading line (a short line with no closing punctuation) and with no number before it.
"""

from __future__ import annotations

import re
from pathlib import Path

from app import inline
from app.conventions.engine import check_document
from app.io.text_reader import read_text
from app.lexicon import detect_opener, is_known
from app.model import Part

ISSUED = Path(__file__).resolve().parent.parent / "fixtures" / "text" / "A_C.5_80_L.17.txt"


def section_preambles(text: str) -> list[str]:
    """The first words of every paragraph that opens a section with a preambular opener, from the text."""
    lines = [x.strip() for x in text.splitlines() if x.strip()]
    out = []
    for before, line in zip(lines, lines[1:], strict=False):
        heading = len(before) < 90 and not re.search(r"[,;:.]\W*$", before) and before[:1].isupper()
        opener = detect_opener(line, Part.PREAMBLE)
        if heading and opener and is_known(opener, Part.PREAMBLE) and not re.match(r"^\d", line):
            out.append(" ".join(line.split()[:6]))
    return out


def test_a_section_may_open_with_its_own_preambular_paragraph() -> None:
    text = ISSUED.read_text(encoding="utf-8")
    want = section_preambles(text)
    res = read_text(text).resolution
    found = [p for p in res.operative if " ".join(f"{p.opener} {inline.plain(p.text)}".split()[:6]) in want]
    assert want and len(found) == len(want)  # the reader keeps each as a paragraph under its section heading
    assert all(
        p.heading and p.opener and not p.numbered for p in found
    )  # its opener found: printed unnumbered
    flagged = {f.paragraph_id for f in check_document(res) if f.rule.startswith("openers.")}
    assert not flagged & {p.id for p in found}


DEFERS = Path(__file__).resolve().parent.parent / "fixtures" / "text" / "A_C.5_80_L.22.txt"


def test_a_decision_listing_documents_prints_them_as_lines() -> None:
    """A/C.5/80/L.22 (its PDF's text layer, from the mandate-pipeline data named above): "The General Assembly
    decides to defer ... consideration of the following documents:" and the documents' titles, one a line. The
    titles stay lines of their own, unnumbered, after the one-sentence decision; nothing else is flagged."""
    from app.conventions.engine import check_document
    from app.findings import Severity
    from app.io.text_reader import read_text

    text = DEFERS.read_text(encoding="utf-8")
    after = text[text.index("following documents:") + len("following documents:") :]
    titles = [line.strip() for line in after.splitlines() if line.strip()][
        :2
    ]  # "Item 136", the budget's title
    res = read_text(text).resolution
    from app.render import render

    assert len(res.operative) == 1 and res.operative[0].text.endswith("following documents")
    assert [b.end for b in render(res).blocks if b.role == "operative"] == [":"]  # printed with its colon
    listed = [p for annex in res.annexes for p in annex.paragraphs]
    assert [p.text for p in listed[:2]] == titles
    assert not any(p.numbered for p in listed) and not any(a.labelled for a in res.annexes)
    assert not [f for f in check_document(res) if f.severity in (Severity.ERROR, Severity.WARNING)]
