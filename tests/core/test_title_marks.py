"""A title's inline marks survive export and reading back: its italics and a footnote on it, through Word, text
and Akoma Ntoso. Derived from an issued resolution (the UN XML of A/RES/75/212): the words its title quotes set
in italics, and one of its own notes put on the title.

The Word reader took the title from the header reader as plain words (it reads lines, not runs), so italics
were lost unless a footnote stood on the title's line; the text reader looked for no note marker in the title,
so its "¹" stayed as text and every later marker was matched to the note before its own."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import pytest

from app import inline
from app.cli import run
from app.io.reading import read_document
from app.model import Footnote, Resolution
from app.storage import save_project

ISSUED = Path(__file__).resolve().parent.parent / "fixtures" / "akn" / "75_212_E.xml"


def _with_marked_title(note: bool) -> Resolution:
    res = read_document(ISSUED).resolution
    quoted = re.search(r"“([^”]+)”", res.title)
    assert quoted and "*" not in res.title  # the issued title quotes a name, in roman type
    res.title = res.title[: quoted.start(1)] + f"*{quoted.group(1)}*" + res.title[quoted.end(1) :]
    if note:
        first = next(iter(res.footnotes.values()))
        res.footnotes["on-title"] = Footnote(text=first.text, id="on-title")
        res.title += "[^on-title]"
    return res


def _spans(res: Resolution, markup: str) -> list[tuple[str, bool, str]]:
    """Each run as (text, italic, the text of the note it references)."""
    return [
        (s.text, s.italic, res.footnotes[s.footnote].text if s.footnote else "") for s in inline.parse(markup)
    ]


def _notes_by_paragraph(res: Resolution) -> list[list[str]]:
    return [
        [res.footnotes[s.footnote].text for s in inline.parse(p.text) if s.footnote]
        for _, p in res.paragraphs()
    ]


def _exported(res: Resolution, tmp_path: Path, ending: str) -> Path:
    save_project(res, tmp_path / "draft.json")
    out = tmp_path / f"draft{ending}"
    assert run(["export", str(tmp_path / "draft.json"), "-o", str(out)]) == 0
    return out


@pytest.mark.parametrize("note", [False, True])
@pytest.mark.parametrize("ending", [".docx", ".txt", ".xml"])
def test_a_titles_italics_and_note_read_back(tmp_path: Path, ending: str, note: bool) -> None:
    res = _with_marked_title(note)
    back = read_document(_exported(res, tmp_path, ending)).resolution
    assert _spans(back, back.title) == _spans(res, res.title)
    # the body's notes stay on their own paragraphs (the title's note taken for the first body marker moved
    # every later note one paragraph back)
    assert _notes_by_paragraph(back) == _notes_by_paragraph(res)


def test_a_word_titles_bold_and_underlined_run_keeps_its_italics(tmp_path: Path) -> None:
    # the model keeps no bold or underline: the run's words and the title's italics are what must survive
    res = _with_marked_title(note=False)
    path = _exported(res, tmp_path, ".docx")
    with zipfile.ZipFile(path) as z:
        parts = {name: z.read(name) for name in z.namelist()}
    xml = parts["word/document.xml"].decode("utf-8")
    last_words = inline.parse(res.title)[-1].text
    run_text = f'<w:t xml:space="preserve">{last_words}</w:t>'
    assert xml.count(run_text) == 1
    xml = xml.replace("<w:r>" + run_text, '<w:r><w:rPr><w:b/><w:u w:val="single"/></w:rPr>' + run_text)
    parts["word/document.xml"] = xml.encode("utf-8")
    edited = tmp_path / "edited.docx"
    with zipfile.ZipFile(edited, "w") as z:
        for name, data in parts.items():
            z.writestr(name, data)
    back = read_document(edited).resolution
    assert _spans(back, back.title) == _spans(res, res.title)


def test_a_word_title_on_two_lines_keeps_its_italics(tmp_path: Path) -> None:
    # a title broken over two paragraphs (a converted PDF's lines): the marks of both are the title's
    res = _with_marked_title(note=True)
    path = _exported(res, tmp_path, ".docx")
    with zipfile.ZipFile(path) as z:
        parts = {name: z.read(name) for name in z.namelist()}
    xml = parts["word/document.xml"].decode("utf-8")
    title_at = xml.index('<w:pStyle w:val="UNTitle"/>')
    cut = xml.index(" for Action", title_at) + 1  # a line break at a space, in the run before the italics
    new_line = (
        '</w:t></w:r></w:p><w:p><w:pPr><w:pStyle w:val="UNTitle"/></w:pPr><w:r><w:t xml:space="preserve">'
    )
    xml = xml[:cut] + new_line + xml[cut:]
    parts["word/document.xml"] = xml.encode("utf-8")
    edited = tmp_path / "edited.docx"
    with zipfile.ZipFile(edited, "w") as z:
        for name, data in parts.items():
            z.writestr(name, data)
    back = read_document(edited).resolution
    assert _spans(back, back.title) == _spans(res, res.title)
