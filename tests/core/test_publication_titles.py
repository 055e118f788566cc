"""Titles cited in notes, set in italics again where the text lost them (app/publication_titles.py).

The answers come from the originals: the UN's XML marks each title it cites in a note in italics (every XML
fixture, English, French and Spanish: its notes with their italics removed must come back with the same words in
italics), and an issued PDF prints them in an italic font (every word the text reader sets in italics in a
note of a PDF's text must be set in italics in that PDF).
"""

from __future__ import annotations

import io
import re
import sys
from collections import Counter
from pathlib import Path

import pytest
from pdfminer.high_level import extract_pages
from pdfminer.layout import LTChar, LTTextContainer, LTTextLine

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from fixtures.robust.hostile import growth  # noqa: E402

from app.inline import parse
from app.io.reading import read_document
from app.io.text_reader import read_text
from app.publication_titles import italic_titles

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
_LANG = {"E": "en", "F": "fr", "S": "es"}


def _words(markup: str) -> list[tuple[str, bool]]:
    """Each word of `markup` with whether it is italic."""
    return [(w, span.italic) for span in parse(markup) for w in re.findall(r"\w+", span.text)]


def _xml_files() -> list[tuple[Path, str]]:
    out = []
    for path in sorted(FIXTURES.rglob("*.xml")):
        m = re.search(r"([EFS])\.xml$", path.name)
        if m and "<authorialNote" in path.read_text(encoding="utf-8", errors="replace"):
            out.append((path, _LANG[m.group(1)]))
    return out


@pytest.mark.parametrize("language", ["en", "fr", "es"])
def test_the_notes_of_the_un_xml_get_their_italics_back(language: str) -> None:
    counts: Counter[str] = Counter()
    for path, lang in _xml_files():
        if lang != language:
            continue
        for note in read_document(path).resolution.footnotes.values():
            want = _words(note.text)
            plain = "".join(span.text for span in parse(note.text) if not span.footnote)
            got = _words(italic_titles(plain.replace("*", "\\*"), lang))
            if [w for w, _ in want] != [w for w, _ in got]:
                continue
            for (_, a), (_, b) in zip(want, got, strict=True):
                counts["tp" if a and b else "fn" if a else "fp" if b else "tn"] += 1
    italic, marked = counts["tp"] + counts["fn"], counts["tp"] + counts["fp"]
    assert italic >= 20, "the fixtures hold titles in italics"
    assert counts["tp"] / marked >= 0.97, counts  # hardly a word the XML has roman
    assert counts["tp"] / italic >= (0.9 if language == "en" else 0.6), counts


def _pdf_italic_words(pdf: Path) -> Counter[str]:
    """The words an issued PDF prints in an italic font."""
    out: Counter[str] = Counter()
    for page in extract_pages(io.BytesIO(pdf.read_bytes())):
        for box in page:
            if not isinstance(box, LTTextContainer):
                continue
            for line in [box] if isinstance(box, LTTextLine) else box:
                word = ""
                for char in line:
                    italic = isinstance(char, LTChar) and "Italic" in char.fontname
                    if italic and char.get_text().isalnum():
                        word += char.get_text()
                        continue
                    if word:
                        out[word] += 1
                    word = ""
                if word:
                    out[word] += 1
    return out


def test_every_title_set_in_italics_in_a_pdfs_text_is_italic_in_the_pdf() -> None:
    marked_words = 0
    for text in sorted((FIXTURES / "reading").glob("*.txt")):
        pdf = text.with_suffix(".pdf")
        if not pdf.exists():
            continue
        res = read_text(text.read_text(encoding="utf-8")).resolution
        ours = Counter(w for note in res.footnotes.values() for w, italic in _words(note.text) if italic)
        if ours:
            missing = ours - _pdf_italic_words(pdf)
            assert not missing, (text.name, missing)
            marked_words += sum(ours.values())
    assert marked_words >= 20, "the PDFs' notes cite titles"


def _word_draft(path: Path, note: str) -> Path:
    """A Word draft with one operative paragraph and one note of `note` (markup), as Resolute writes it."""
    from app.io.docx_writer import write_docx
    from app.model import Footnote, Paragraph, Resolution

    res = Resolution(operative=[Paragraph("Decides", "to act.[^n1]")])
    res.footnotes["n1"] = Footnote(note, "n1")
    write_docx(res, path)
    return path


def test_a_plain_word_drafts_notes_get_titles_in_italics_and_a_drafts_own_italics_stay(tmp_path) -> None:
    cite = "See Official Records of the General Assembly, Seventy-ninth Session, Supplement No. 53 (A/79/53)."
    (note,) = read_document(_word_draft(tmp_path / "plain.docx", cite)).resolution.footnotes.values()
    assert "*Official Records of the General Assembly, Seventy-ninth Session, Supplement No. 53*" in note.text
    own = cite.replace("Official Records", "*Official Records*")
    (note,) = read_document(_word_draft(tmp_path / "own.docx", own)).resolution.footnotes.values()
    assert note.text.count("*") == 2 and "*Official Records*" in note.text


def test_a_note_with_italics_of_its_own_is_left_as_it_is() -> None:
    cite = "United Nations, Treaty Series, vol. 1577, No. 27531; *ibid.*"
    assert italic_titles(cite, "en") == cite
    assert italic_titles("United Nations, Treaty Series, vol. 1.", "en") == (
        "United Nations, *Treaty Series*, vol. 1."
    )


@pytest.mark.parametrize(
    "unit",
    [
        "ibid., Session ",  # every title found, each checked against the titles found before it
        "See A ",  # a citation's start, from which a title is looked for up to its bracket
        "Official Records of the A, ",  # a title's parts, one after the other
        "Report of the A, 4 May 1990 ",
        "; United Nations, Treaty Series",
    ],
)
def test_a_note_of_any_length_costs_its_length(unit: str) -> None:
    """Titles are found in time linear in the note's length, whatever it repeats (the titles found are kept
    in order, and a new one finds its neighbours by bisection, not by a pass over all of them)."""
    assert growth(lambda n: lambda: italic_titles(unit * n, "en"), 1500) < 8 * 3


@pytest.mark.parametrize("key", ["patterns", "body_patterns"])
@pytest.mark.parametrize("written", ["(unclosed", "Treaty Series"])
def test_a_pattern_a_delegation_got_wrong_is_refused_in_one_line(monkeypatch, written: str, key: str) -> None:
    """A [titles] pattern, for notes or for paragraphs, that is no regular expression, or marks no group "t",
    names itself in one line."""
    import dataclasses

    from app import publication_titles
    from app.errors import TemplateError
    from app.languages import get_language

    broken = dataclasses.replace(get_language("en"), titles={key: [written]})
    monkeypatch.setattr(publication_titles, "get_language", lambda code: broken)
    publication_titles.title_patterns.cache_clear()
    try:
        with pytest.raises(TemplateError, match=f"titles.*{key}") as caught:
            italic_titles("United Nations, Treaty Series", "en", key)
        assert "\n" not in str(caught.value)
    finally:
        publication_titles.title_patterns.cache_clear()
