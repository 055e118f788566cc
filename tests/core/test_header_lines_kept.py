"""A line of a draft's header that no role fits (a facilitator's note typed under the committee, a line pasted
above the title) was said in an import warning and then lost: the warning goes with the session, the draft
kept nothing. It is kept in the draft's unplaced text now, in plain text and in Word, and saved with it."""

from __future__ import annotations

import copy
from pathlib import Path

import docx
import pytest

from app import inline, storage
from app.io.docx_writer import write_docx
from app.io.reading import read_document
from app.io.text_reader import read_text

CLEAN = Path(__file__).resolve().parents[1] / "fixtures" / "cli" / "clean.txt"
LINES = [
    "Informal consultations held by the facilitator, Ms. Jane Roe",
    "Text as at 14 October 2026, 18:00 (silence procedure until Friday)",
    "*** Facilitator's text [rev. 2] \\ not agreed ***",  # markup characters stay the words they are
]


def _with_line(line: str) -> str:
    text = CLEAN.read_text(encoding="utf-8")
    assert "Second Committee\n" in text
    return text.replace("Second Committee\n", f"Second Committee\n{line}\n", 1)


@pytest.mark.parametrize("line", LINES)
def test_an_unknown_header_line_of_a_text_is_kept_in_the_draft(tmp_path: Path, line: str) -> None:
    plain = read_text(CLEAN.read_text(encoding="utf-8")).resolution
    result = read_text(_with_line(line))
    res = result.resolution
    assert [inline.plain(text) for text in res.unplaced] == [line]
    assert any(f.rule == "import.unplaced" and line in f.message for f in result.findings)
    assert (res.title, res.header.sponsors) == (plain.title, plain.header.sponsors)  # nothing else moved
    path = tmp_path / "draft.json"
    storage.save_project(res, path)
    assert storage.load_project(path).unplaced == res.unplaced


@pytest.mark.parametrize("line", LINES)
def test_an_unknown_header_line_of_a_word_draft_is_kept_in_the_draft(tmp_path: Path, line: str) -> None:
    base = read_text(CLEAN.read_text(encoding="utf-8")).resolution
    path = tmp_path / "draft.docx"
    write_docx(copy.deepcopy(base), path)
    document = docx.Document(str(path))
    committee = next(p for p in document.paragraphs if p.text.strip() == "Second Committee")
    committee.insert_paragraph_before(line)  # a line typed among the header's lines
    document.save(str(path))
    result = read_document(path)
    assert [inline.plain(text) for text in result.resolution.unplaced] == [line]
    assert result.resolution.title == base.title
    assert any(f.rule == "import.unplaced" and line in f.message for f in result.findings)
