"""The italics of an opened PDF taken letter by letter (app/io/pdf_file.py, app/io/pdf_italics.py), against the
PDF's own typography as pdfminer reads its font names: a word set partly in italics, a page with characters
beyond 16 bits, an opener of two verbs whose "and" is roman, the Security Council's later verbs in italics."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

from app import inline
from app.conventions.engine import check_document
from app.io.pdf_italics import PdfWords, set_pdf_italics
from app.io.reading import read_document
from app.model import Footnote, Paragraph, Part, Resolution
from tests.core.test_pdf_files import _italic_words
from tests.core.test_publication_titles import _pdf_italic_words
from tests.pdf_lines import text_lines

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
MADE = FIXTURES / "pdf" / "wide-characters.pdf"
SC_DRAFT = FIXTURES / "pdf" / "S_2021_443.pdf"
A_RES_79_183 = FIXTURES / "reading" / "A_RES_79_183.pdf"


def _runs(pdf: Path) -> list[tuple[str, str, str]]:
    """(text before, italic run, text after: up to 40 characters each) of every italic run of letters in the
    PDF's lines, read one after the other."""
    items = [c for _, line, _ in text_lines(pdf) for c in line]  # with the spaces pdfminer infers (no font)
    text = "".join(c.get_text() for c in items)
    flags = "".join(
        "s" if not c.get_text().strip() else "i" if "Italic" in getattr(c, "fontname", "") else "r"
        for c in items
    )
    out = []
    for m in re.finditer(r"i(?:s*i)*", flags):
        run = text[m.start() : m.end()].strip()
        if re.search(r"\w", run):
            out.append((text[max(m.start() - 40, 0) : m.start()], run, text[m.end() : m.end() + 40]))
    return out


def test_a_word_set_partly_in_italics_opens_its_paragraph_whole() -> None:
    """A/RES/79/183 prints one opener with its last letter in roman: the whole word is the opener all the same
    (not "Urge" and a paragraph starting "s the Government")."""
    partial = [(run, after) for before, run, after in _runs(A_RES_79_183) if re.match(r"\w", after)]
    assert partial, "the PDF sets a word partly in italics"
    res = read_document(A_RES_79_183).resolution
    openers = [p.opener for _, p in res.paragraphs() if p.opener]
    for run, after in partial:
        word = run.split()[-1] + re.match(r"\w+", after).group()
        assert any(o.split()[-1] == word for o in openers), word


def test_a_word_set_partly_in_italics_in_a_paragraph_keeps_its_letters() -> None:
    """Past the opener the PDF's letters are kept as set: "*Yearbook*s", not a roman word."""
    text = "Takes note of the Yearbooks of the United Nations"
    italic = bytearray(len(text))
    for word, letters in (("Takes", 5), ("note", 4), ("Yearbooks", 8)):
        at = text.index(word)
        italic[at : at + letters] = b"\1" * letters
    res = Resolution()
    res.operative = [Paragraph("Takes note", "of the Yearbooks of the United Nations")]
    set_pdf_italics(res, PdfWords.of(text, italic))
    assert res.operative[0].opener == "Takes note"
    assert res.operative[0].text == "of the *Yearbook*s of the United Nations"


def test_a_page_with_characters_beyond_16_bits_keeps_its_italics() -> None:
    """A typed draft (LibreOffice's PDF) whose first paragraph holds a letter beyond 16 bits, which PDFium
    counts as two: every word the PDF prints in italics is italic once opened, and only an opener's "and"
    besides."""
    from app.io.pdf_file import pdf_text

    assert any(ord(ch) > 0xFFFF for ch in pdf_text(MADE.read_bytes()))
    want = _pdf_italic_words(MADE)
    got = _italic_words(read_document(MADE).resolution)
    assert sum(want.values()) >= 10
    assert want - got == Counter()
    assert set(got - want) <= {"and"}


def test_an_opener_of_two_verbs_whose_and_is_roman_is_one_opener() -> None:
    """ "*Welcomes* and *encourages* the efforts" (the typed draft; A/RES/78/316 prints it so): the opener is
    both verbs, as the lexicon has them, and nothing after it is set in italics as emphasis."""
    runs = _runs(MADE)
    pairs = [
        (first, second)
        for (_, first, _), (before, second, _) in zip(runs, runs[1:], strict=False)
        if re.search(re.escape(first) + r"\s+and\s+$", before)
    ]
    assert pairs
    res = read_document(MADE).resolution
    openers = {p.opener for _, p in res.paragraphs()}
    for first, second in pairs:
        assert f"{first} and {second}" in openers
    assert not [f for f in check_document(res) if f.rule == "UN.Italics"]


def test_a_reader_span_the_pdf_continues_in_italics_is_one_italic_run() -> None:
    """The reader ends a cited title before ", vol. I,"; the PDF sets it all in italics: one run, not
    "*…**, vol. I, **…*" (which reads as bold)."""
    note = "*Report of the Conference*, vol. I, *Resolutions Adopted by the Conference*."
    plain = inline.plain(note)
    italic = bytearray(b"\1" * (len(plain) - 1) + b"\0")
    res = Resolution()
    res.operative = [Paragraph("Decides", "to act.[^n1]")]
    res.footnotes["n1"] = Footnote(note, "n1")
    set_pdf_italics(res, PdfWords.of("Decides to act. " + plain, b"\1" * 7 + b"\0" * 9 + italic))
    assert (
        res.footnotes["n1"].text
        == "*Report of the Conference, vol. I, Resolutions Adopted by the Conference*."
    )


def test_the_councils_later_verbs_in_italics_are_its_style_not_emphasis() -> None:
    """S/2021/443 sets a later verb of a preambular paragraph in italics (", and *recalling* the positive
    role"): the opened draft keeps them italic and draws no UN.Italics for them; the same runs in a General
    Assembly draft do."""
    from app.spelling import paragraph_findings
    from app.templates import get_template

    later = [r for before, r, _ in _runs(SC_DRAFT) if r[0].islower() and re.search(r"(,|\band)\s+$", before)]
    assert len(later) >= 3
    res = read_document(SC_DRAFT).resolution
    italic = Counter(w for w, n in _italic_words(res).items() for _ in range(n))
    assert all(italic[w] for run in later for w in re.findall(r"[^\W_]+", run))
    assert not [f for f in check_document(res) if f.rule == "UN.Italics"]
    ga = get_template("ga-plenary")
    flagged = [
        f
        for _, p in res.paragraphs()
        for f in paragraph_findings(p, part=Part.PREAMBLE, template=ga)
        if f.rule == "UN.Italics"
    ]
    assert len(flagged) >= len(later) - 1


def test_an_adjective_opener_run_on_into_of_draws_a_note() -> None:
    """A/C.2/80/L.58 prints "*Conscious of* the challenges" where the UN's XML nearly always has "*Conscious*
    of": like "to" and "that", a note on the particle, not a warning that the opener is of no usual form; an
    opener run on into a noun stays a warning."""
    from app.findings import Severity
    from app.model import Header

    res = Resolution(header=Header(template="ga-c2"), title="Cybercrime")
    res.preamble = [Paragraph("Conscious of", "the challenges,"), Paragraph("Mindful the", "need,")]
    res.operative = [Paragraph("Decides", "to act.")]
    found = {f.paragraph_id: f for f in check_document(res) if f.rule.startswith("openers.")}
    conscious, mindful = (found[p.id] for p in res.preamble)
    assert (conscious.rule, conscious.severity) == ("openers.span", Severity.INFO)
    assert (mindful.rule, mindful.severity) == ("openers.span", Severity.WARNING)


A_80_L_34 = FIXTURES / "reading" / "A_80_L.34.pdf"


def test_a_word_the_reader_hyphenated_keeps_the_pdfs_italics() -> None:
    """A/80/L.34 sets a target in italics, "… have an operational noncommunicable diseases … by 2030.", and
    writes "non-communicable" elsewhere: the reader gives the word its hyphen, and the italic run goes on through
    both halves as the PDF's does (it broke there: "operational* non-communicable *diseases")."""
    runs = [" ".join(run.split()) for _, run, _ in _runs(A_80_L_34)]
    pdf_runs = [run for run in runs if "operational noncommunicable" in run]
    assert pdf_runs  # the PDF's italic run, with the word whole in it
    res = read_document(A_80_L_34).resolution
    paragraphs = [p for _, p in res.paragraphs()] + list(res.annex_paragraphs())
    read_runs = [
        s.text
        for p in paragraphs
        for s in inline.parse(p.text)
        if s.italic and "operational" in s.text and "surveillance" in s.text
    ]
    assert [" ".join(r.replace("non-communicable", "noncommunicable").split()) for r in read_runs] == [
        r.rstrip(".") for r in pdf_runs
    ]


def test_both_halves_of_a_word_split_by_the_reader_take_its_italics() -> None:
    text = "Decides to act on noncommunicable diseases"
    italic = bytearray(len(text))
    for word in ("Decides", "noncommunicable diseases"):
        at = text.index(word)
        italic[at : at + len(word)] = b"\1" * len(word)
    res = Resolution()
    res.operative = [Paragraph("Decides", "to act on non-communicable diseases")]
    set_pdf_italics(res, PdfWords.of(text, italic))
    assert res.operative[0].text == "to act on *non-communicable diseases*"
