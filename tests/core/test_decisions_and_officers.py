"""Draft decisions in one sentence ("The General Assembly, recalling …, decides …", A/C.1/80/L.39 as issued) and
drafts submitted by the Chair or a Vice-Chair instead of sponsors: read from text and Word, checked, printed
where the issued documents print them, kept in the project file."""

from __future__ import annotations

import io
import re
from pathlib import Path

from app.conventions.engine import check_document
from app.io.akn_reader import read_akn
from app.io.akn_writer import to_akn
from app.io.docx_reader import read_docx
from app.io.docx_writer import build_docx
from app.io.text_reader import read_text
from app.io.text_writer import to_text
from app.model import DocumentKind
from app.render import render
from app.storage import from_dict, to_dict

CORPUS = Path(__file__).resolve().parent.parent / "fixtures" / "corpus"
CHAIR = Path(__file__).resolve().parent.parent / "fixtures" / "text" / "chair-draft-resolution.txt"


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def _issued_decision_line() -> tuple[str, bool, float]:
    """From the issued PDF: the body line that opens with the organ line, whether its organ line is italic, and
    its indent beyond the body text's left edge."""
    from tests.pdf_lines import text_lines

    found = [(line, chars) for _, line, chars in text_lines(CORPUS / "originals" / "A_C.1_80_L.39.pdf")]
    lines = [line for line, _ in found]
    first, chars = next(
        (ln, c) for ln, c in found if _norm(ln.get_text()).startswith("The General Assembly,")
    )
    italic = any("Italic" in c.fontname for c in chars[: len("The General Assembly")])
    below = next(line for line in lines if line.y0 < first.y0 and abs(line.x0 - first.x0) > 1)
    return _norm(first.get_text()), italic, first.x0 - below.x0


def _decision():
    return read_text((CORPUS / "A_C.1_80_L.39.txt").read_text(encoding="utf-8"))


def test_a_decision_in_one_sentence_reads_checks_and_prints_as_issued() -> None:
    issued, italic, indent = _issued_decision_line()
    result = _decision()
    res = result.resolution
    assert res.header.kind is DocumentKind.DRAFT_DECISION
    assert not res.preamble and len(res.operative) == 1
    # the single-sentence form passes: no opener or preamble rule applies to it
    rules = {f.rule for f in check_document(res)}
    assert not {r for r in rules if r.startswith(("openers.", "structure."))}
    r = render(res)
    assert r.runs_on and not r.blocks[0].label
    text = to_text(res)
    sentence = next(line for line in text.splitlines() if line.startswith(r.organ_line))
    assert _norm(sentence).startswith(issued)  # organ line run into the text, no number

    data = build_docx(res)
    import docx

    body = [p for p in docx.Document(io.BytesIO(data)).paragraphs if p.text.startswith(r.organ_line)]
    assert len(body) == 1 and _norm(body[0].text).startswith(issued)
    organ_run = body[0].runs[0]
    assert bool(organ_run.italic) == italic  # roman, as issued
    assert indent > 0  # the issued line is indented like a paragraph's first line; so is the style used
    fmt = body[0].style.paragraph_format
    assert fmt.first_line_indent is not None and fmt.first_line_indent > 0

    back = read_docx(data).resolution
    assert back.header.kind is DocumentKind.DRAFT_DECISION
    assert [(p.opener, p.text) for p in back.operative] == [(p.opener, p.text) for p in res.operative]
    assert not back.preamble
    assert to_text(back) == text


def test_a_decision_with_a_preamble_is_still_told() -> None:
    res = _decision().resolution
    res.preamble.append(res.operative[0].__class__(opener="Recalling", text="its resolution 78/28"))
    assert "structure.decision-preamble" in {f.rule for f in check_document(res)}
    assert not render(res).runs_on


def _chair():
    return read_text(CHAIR.read_text(encoding="utf-8"))


def _fixture_lines() -> dict[str, str]:
    """The fixture's own lines: the agenda title (after 'Agenda item'), the submitted-by line and the title."""
    blocks = [_norm(b) for b in re.split(r"\n\s*\n", CHAIR.read_text(encoding="utf-8")) if b.strip()]
    submitted = next(b for b in blocks if b.lower().startswith("draft resolution submitted by"))
    at = blocks.index(submitted)
    agenda = blocks[at - 1].split("\n")[-1]
    return {
        "line": submitted,
        "agenda": _norm(agenda.split(re.findall(r"Agenda item \d+", agenda)[0])[-1]),
        "title": blocks[at + 1],
    }


def test_a_chairs_draft_keeps_its_line_agenda_title_and_title() -> None:
    want = _fixture_lines()
    result = _chair()
    res = result.resolution
    h = res.header
    assert h.sponsors == [] and h.submitted_by
    assert h.agenda_items[0].title == want["agenda"]
    assert res.title == want["title"]
    assert render(res).sponsor_line == want["line"]
    rules = {f.rule for f in check_document(res)}
    assert "sponsors.missing" not in rules and "sponsors.submitted-by" not in rules
    text = to_text(res)
    assert want["line"] in text.splitlines()
    assert read_text(text).resolution.header.submitted_by == h.submitted_by
    back = read_docx(build_docx(res)).resolution
    assert back.header.submitted_by == h.submitted_by and back.title == res.title
    assert from_dict(to_dict(res)).header.submitted_by == h.submitted_by
    assert read_akn(to_akn(res)).resolution.header.submitted_by == h.submitted_by
    assert "submitted_by" not in to_dict(_decision().resolution)["header"]  # optional key


def test_a_vice_chairs_decision_and_sponsors_beside_an_officer() -> None:
    source = CHAIR.read_text(encoding="utf-8").replace(
        "Draft resolution submitted by the Chair of the Committee following",
        "Draft decision submitted by the Vice-Chair of the Committee, Ms. Ana Ruiz (Spain), on the basis of",
    )
    res = read_text(source).resolution
    assert res.header.kind is DocumentKind.DRAFT_DECISION
    assert res.header.submitted_by.startswith("the Vice-Chair of the Committee, Ms. Ana Ruiz (Spain)")
    assert render(res).sponsor_line.startswith("Draft decision submitted by the Vice-Chair")
    res.header.sponsors = ["Spain"]
    assert "sponsors.submitted-by" in {f.rule for f in check_document(res)}
