"""Oral revisions of a French or Spanish draft: the Word file's heading, a footnote's words and the closing
"renumber" sentence in the draft's language (the [oral] table of resources/languages/<code>.toml). The drafts
revised are the UN's own French and Spanish XML (tests/fixtures/languages/); the changes are made from their own
paragraphs and footnotes."""

from __future__ import annotations

import copy
import io
from pathlib import Path

import docx
import pytest

from app import inline
from app.compare.diff import compare
from app.compare.oral import oral_revisions_docx, oral_revisions_text
from app.io.akn_reader import read_akn
from app.languages import get_language
from app.model import DocumentKind, Resolution
from app.wording.reading import parse_sentence

FIXTURES = Path(__file__).parent.parent / "fixtures" / "languages"
DRAFTS = sorted(FIXTURES.glob("A_RES_79_174*.xml"))  # French and Spanish, with footnotes
CODES = {"F": "fr", "S": "es"}


def _draft(path: Path) -> Resolution:
    res = read_akn(path.read_bytes(), name=path.name).resolution
    res.header.symbol, res.header.session = "A/C.3/79/L.30", 79
    res.header.kind = DocumentKind.DRAFT_RESOLUTION
    return res


def _read_back(blob: bytes) -> list[str]:
    return [p.text for p in docx.Document(io.BytesIO(blob)).paragraphs]


@pytest.mark.parametrize("path", DRAFTS, ids=lambda p: p.stem)
def test_heading_footnote_and_renumbering_in_the_draft_language(path: Path) -> None:
    code = CODES[path.stem[-1]]
    base = _draft(path)
    assert base.header.language == code and base.footnotes
    lang = get_language(code)
    new = copy.deepcopy(base)
    deleted = new.operative.pop(1)
    note_id = next(iter(new.footnotes))
    new.footnotes[note_id].text += " Extra"
    cmp = compare(base, new)
    lines = _read_back(oral_revisions_docx(cmp))
    kind = lang.kind("draft resolution")
    assert kind != "draft resolution"  # the languages file names the kind in its own words
    assert lines[0] == lang.oral["heading"].format(kind=kind, symbol="A/C.3/79/L.30")
    assert "A/C.3/79/L.30" in lines[0] and "Oral" not in lines[0]
    body = lines[1:]
    # the paragraph deleted, in the set wording of the language, read back as such
    parsed, carried = parse_sentence(body[0].rstrip(lang.punctuate(";")), code)
    assert [(i.action.value, i.number) for i in parsed] == [("delete", 2)]
    assert inline.plain(deleted.text).split()[-1].rstrip(".;,") in carried
    # the footnote's words, by the number it prints with
    number = cmp.base_rendered.footnote_numbers[note_id]
    note_line = lang.oral["footnote"].format(number=number)
    assert any(note_line in line and "Extra" in line for line in body)
    assert body[-1] == lang.oral["renumber"] + lang.punctuate(".")
    assert not any(line.startswith(("In ", "Delete", "Renumber")) for line in body)  # no English left
    assert oral_revisions_text(cmp).splitlines() == body


@pytest.mark.parametrize("path", DRAFTS, ids=lambda p: p.stem)
def test_a_decision_and_a_draft_with_no_symbol(path: Path) -> None:
    code = CODES[path.stem[-1]]
    lang = get_language(code)
    base = _draft(path)
    base.header.kind = DocumentKind.DRAFT_DECISION
    new = copy.deepcopy(base)
    new.operative[0].text += " Extra"
    heading = _read_back(oral_revisions_docx(compare(base, new)))[0]
    assert heading == lang.oral["heading"].format(kind=lang.kind("draft decision"), symbol="A/C.3/79/L.30")
    base.header.symbol = new.header.symbol = ""
    assert _read_back(oral_revisions_docx(compare(base, new)))[0] == lang.oral["heading_plain"]


def test_an_english_decision_is_named_so() -> None:
    path = FIXTURES.parent / "akn" / "A_RES_77_128-2228507E.xml"
    base = read_akn(path.read_bytes(), name=path.name).resolution
    base.header.symbol, base.header.kind = "A/77/L.5", DocumentKind.DRAFT_DECISION
    new = copy.deepcopy(base)
    new.operative[0].text += " Extra"
    assert (
        _read_back(oral_revisions_docx(compare(base, new)))[0] == "Oral revisions to draft decision A/77/L.5"
    )
