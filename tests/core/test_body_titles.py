"""Titles cited in paragraphs, set in italics again where the text lost them (app/publication_titles.py, body).

The answers come from the originals: the UN's XML marks the titles its paragraphs cite in italics (English, French
and Spanish fixtures: each paragraph's text after its opener, its italics removed, must come back with the XML's
italic words, hardly one more), a resolution printed as text and read back gets them again, and an issued PDF
prints them in an italic font (every word the text reader sets in italics in a paragraph is italic in that PDF).
"""

from __future__ import annotations

import copy
import re
import sys
from collections import Counter
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from fixtures.robust.hostile import growth  # noqa: E402
from test_publication_titles import _pdf_italic_words  # noqa: E402

from app.inline import Span, parse, plain_text, unparse
from app.io.reading import read_document
from app.io.text_reader import read_text
from app.io.text_writer import to_text
from app.model import Paragraph, Resolution
from app.publication_titles import BODY, italic_titles, italicize_body_titles

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
_LANG = {"E": "en", "F": "fr", "S": "es"}


def _words(markup: str) -> list[tuple[str, bool]]:
    """Each word of `markup` with whether all of it is italic ("Saf*er*Guard", a superscript, is one word)."""
    pt = plain_text(markup)
    return [(m.group(), pt.is_italic(*m.span())) for m in re.finditer(r"\w+", pt.text)]


def _roman(markup: str) -> str:
    return unparse([Span(s.text, False, s.footnote) for s in parse(markup)])


def _fields(res: Resolution) -> list[str]:
    """Every paragraph's text after its opener, and its tail, in every part and annex, in reading order."""
    paragraphs = [p for _, p in res.paragraphs()] + list(res.annex_paragraphs())
    return [field for p in paragraphs for field in (p.text, p.tail)]


def _with_body_italics(language: str) -> list[Resolution]:
    """The XML fixtures of a language whose paragraphs set words in italics after their openers."""
    out = []
    for path in sorted(FIXTURES.rglob("*.xml")):
        m = re.search(r"([EFS])\.xml$", path.name)
        if not m or _LANG[m.group(1)] != language or 'class="italic"' not in path.read_text(encoding="utf-8"):
            continue
        res = read_document(path).resolution
        if any(span.italic for field in _fields(res) for span in parse(field)):
            out.append(res)
    return out


def _compare(pairs: list[tuple[str, str]]) -> Counter[str]:
    """Word by word, the XML's italics (first) against ours (second)."""
    counts: Counter[str] = Counter()
    for want, got in pairs:
        a_words, b_words = _words(want), _words(got)
        assert [w for w, _ in a_words] == [w for w, _ in b_words]
        for (_, a), (_, b) in zip(a_words, b_words, strict=True):
            counts["tp" if a and b else "fn" if a else "fp" if b else "tn"] += 1
    return counts


def _check(counts: Counter[str], least_recall: float) -> None:
    italic, marked = counts["tp"] + counts["fn"], counts["tp"] + counts["fp"]
    assert italic >= 10, "the fixtures' paragraphs cite titles"
    assert counts["tp"] / max(1, marked) >= 0.98, counts  # hardly a word the XML has roman
    assert counts["tp"] / italic >= least_recall, counts


@pytest.mark.parametrize("language", ["en", "fr", "es"])
def test_the_paragraphs_of_the_un_xml_get_their_italics_back(language: str) -> None:
    pairs = [
        (field, italic_titles(_roman(field), language, BODY))
        for res in _with_body_italics(language)
        for field in _fields(res)
    ]
    _check(_compare(pairs), 0.25)


@pytest.mark.parametrize("language", ["en", "fr", "es"])
def test_a_resolution_printed_as_text_and_read_back_gets_its_titles_in_italics(language: str) -> None:
    """The XML's resolution, its paragraphs' italics removed (the openers kept), printed as plain text and read
    by the text reader: the titles its paragraphs cite come back in italics, the openers as they were."""
    pairs = []
    for res in _with_body_italics(language):
        plain = copy.deepcopy(res)
        for para in [p for _, p in plain.paragraphs()] + list(plain.annex_paragraphs()):
            para.text, para.tail = _roman(para.text), _roman(para.tail)
        back = read_text(to_text(plain)).resolution
        assert [p.opener for _, p in back.paragraphs()] == [p.opener for _, p in res.paragraphs()]
        if len(_fields(back)) == len(_fields(res)):  # the same paragraphs read back
            pairs += [
                (want, got)
                for want, got in zip(_fields(res), _fields(back), strict=True)
                if [w for w, _ in _words(want)] == [w for w, _ in _words(got)]
            ]
    _check(_compare(pairs), 0.25)


def test_every_title_set_in_italics_in_a_pdfs_paragraphs_is_italic_in_the_pdf() -> None:
    marked_words = 0
    for text in sorted((FIXTURES / "reading").glob("*.txt")):
        pdf = text.with_suffix(".pdf")
        if not pdf.exists():
            continue
        res = read_text(text.read_text(encoding="utf-8")).resolution
        ours = Counter(w for field in _fields(res) for w, italic in _words(field) if italic)
        if ours:
            ours += Counter(w for note in res.footnotes.values() for w, italic in _words(note.text) if italic)
            missing = ours - _pdf_italic_words(pdf)
            assert not missing, (text.name, missing)
            marked_words += sum(ours.values())
    assert marked_words >= 20, "the PDFs' paragraphs cite titles"


def test_the_opener_is_never_touched_and_a_paragraphs_own_italics_win() -> None:
    cited = "the Repertory of Practice of United Nations Organs and the Journal of the United Nations"
    res = Resolution(
        preamble=[Paragraph("Repertory", f"of {cited},")],  # an opener that reads as a title stays roman
        operative=[Paragraph("Welcomes", f"{cited};"), Paragraph("Notes", f"*{cited}*, and {cited}.")],
    )
    assert italicize_body_titles(res) == 2
    first, second, third = res.preamble[0], res.operative[0], res.operative[1]
    assert first.opener == "Repertory" and second.opener == "Welcomes"
    wanted = "the *Repertory of Practice of United Nations Organs* and the *Journal of the United Nations*"
    assert first.text == f"of {wanted}," and second.text == f"{wanted};"
    assert third.text == f"*{cited}*, and {cited}."  # italics of its own: left as written


def _word_draft(path: Path, paragraphs: list[Paragraph]) -> Path:
    from app.io.docx_writer import write_docx

    write_docx(Resolution(operative=paragraphs), path)
    return path


def test_a_plain_word_draft_gets_titles_in_italics_and_a_drafts_own_italics_stay(tmp_path) -> None:
    cited = (
        "information under Article 73 e of the Charter, as the Yearbook of the International Law Commission"
    )
    plain = _word_draft(
        tmp_path / "plain.docx", [Paragraph("Requests", cited + ";"), Paragraph("Decides", "x.")]
    )
    text = read_document(plain).resolution.operative[0].text
    assert "Article 73 *e* of" in text and "the *Yearbook of the International Law Commission*" in text
    own = [Paragraph("Requests", cited + ";"), Paragraph("Decides", "to act *mutatis mutandis*.")]
    read = read_document(_word_draft(tmp_path / "own.docx", own)).resolution.operative
    assert (
        read[0].text.rstrip(";") == cited
    )  # the file sets italics of its own in its paragraphs: they win everywhere
    assert read[1].text.rstrip(".") == "to act *mutatis mutandis*"


@pytest.mark.parametrize(
    "unit",
    [
        "the World Investment Report 2022 and ",  # names, each checked against the titles found before it
        "Article 73 e ",
        "World World Report Report 2020 ",  # a name's start again and again inside another
        "a report entitled World ",  # a title after "entitled" looked for up to its end, which never comes
    ],
)
def test_a_paragraph_of_repeated_titles_costs_its_length(unit: str) -> None:
    """Titles in a paragraph are found in time linear in its length, however many it cites."""
    assert growth(lambda n: lambda: italic_titles(unit * n, "en", BODY), 1500) < 8 * 3
