"""Issued drafts read from their PDF's text layer: every paragraph the PDF starts is read, in its list, with
its opener. The answer is the issued PDF's typography (`pdf_expected`: an italic capital at the paragraph
indent starts a paragraph, a number at the margin an operative one), not a typed count."""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

import pytest

from app import inline, lexicon
from app.io.imported import ImportResult
from app.io.reading import read_document
from app.io.text_reader import read_text
from app.model import Part, Resolution
from app.spelling.lexicon import Lexicon
from tests.core.test_corpus_import import pdf_expected
from tests.pdf_lines import body_markers, footnotes
from tests.reading_answer import pairs, pdf_entries, read_entries

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
PDFS = sorted(p for folder in ("reading", "page_flow") for p in (FIXTURES / folder).glob("*.pdf"))
# each issued PDF's text layer as MuPDF gives it (blank lines between paragraphs), as pdftotext and the PDF
# viewers built on Poppler give it (none: a number alone on its line, footnote labels apart from their texts),
# and as PDFium, Chrome's and Edge's viewers, gives it (CR LF, a superscript that ends a line on a line of its own)
POPPLER = FIXTURES / "reading" / "pdftotext"
PDFIUM = FIXTURES / "reading" / "pdfium"
# and the PDF itself, opened as a delegate opens it (app/io/pdf_file.py reads its text layer through PDFium)
DRAFTS = (
    [(pdf, pdf.with_suffix(".txt")) for pdf in PDFS]
    + [
        (next(pdf for pdf in PDFS if pdf.stem == txt.stem), txt)
        for folder in (POPPLER, PDFIUM)
        for txt in sorted(folder.glob("*.txt"))
    ]
    + [(pdf, pdf) for pdf in PDFS]
)
IDS = [
    f"{txt.stem}-{'opened' if txt.suffix == '.pdf' else txt.parent.name if txt.parent in (POPPLER, PDFIUM) else 'mupdf'}"
    for _, txt in DRAFTS
]
# text layers not read right yet: none left (PDFium's running titles glued to the symbol and the page counter
# after a page's notes, and its markers opening the line after their word, are read)
NOT_YET: dict[str, set[str]] = {"notes": set(), "markers": set()}


def _drafts(kind: str) -> list:
    return [
        pytest.param(*draft, id=name, marks=pytest.mark.xfail(strict=True, reason="PDFium: not read yet"))
        if name in NOT_YET[kind]
        else pytest.param(*draft, id=name)
        for draft, name in zip(DRAFTS, IDS, strict=True)
    ]


@pytest.fixture(scope="module", params=DRAFTS, ids=IDS)
def read_and_issued(request: pytest.FixtureRequest) -> tuple[Resolution, dict[str, list]]:
    pdf, txt = request.param
    return _read(txt).resolution, _expected(pdf)


def _read(layer: Path) -> ImportResult:
    """A text layer read as pasted text; the PDF itself opened as a file."""
    if layer.suffix == ".pdf":
        return read_document(layer)
    return read_text(layer.read_text(encoding="utf-8"))


@cache
def _expected(pdf: Path) -> dict[str, list]:
    return pdf_expected(pdf)


@pytest.mark.parametrize(("pdf", "txt"), _drafts("notes"))
def test_every_footnote_is_read_with_its_own_text(pdf: Path, txt: Path) -> None:
    """The notes read, in the order the text refers to them, are the PDF's notes: those set in the smaller
    size below each page's rule, a note starting at a label in superscript size. A text layer that sets a
    label apart from its text (alone, at the foot of the area, or with its text after the page counter)
    loses no note and glues none to another."""
    res = _read(txt).resolution
    order = [ref for _, p in res.paragraphs() for ref in inline.footnote_ids(p.opener + p.text + p.tail)]
    order += [ref for p in res.annex_paragraphs() for ref in inline.footnote_ids(p.text + p.tail)]
    got = [_words(res.footnotes[ref].text) for ref in dict.fromkeys(order)]
    assert got == [_words(text) for _, text in footnotes(pdf)]


@pytest.mark.parametrize(("pdf", "txt"), _drafts("markers"))
def test_every_note_marker_is_read_where_the_pdf_sets_it(pdf: Path, txt: Path) -> None:
    """Each note's reference follows the word its superscript number follows in the PDF, whatever form the text
    layer left of the marker: glued, spaced ("Sustainable Development 6 and"), after a year at a line end
    ("of September 2016 7"), after a resolution's number ("resolution 59/300 9 and")."""
    res = _read(txt).resolution
    nodes = [p for _, p in res.paragraphs()] + list(res.annex_paragraphs())
    fields = [res.title] + [f for q in nodes for f in (q.opener, q.text, q.tail)]
    read: list[str] = []
    for field in fields:
        for m in re.finditer(r"\[\^([^\]]+)\]", field):
            if res.footnotes.get(m.group(1)) is not None and res.footnotes[m.group(1)].text:
                words = re.findall(r"\w+", inline.plain(field[: m.start()]))
                read.append(words[-1] if words else "")
    assert read == [word for _, word in body_markers(pdf)]


def _words(text: str) -> str:
    """A note's words, spaced as words (a text layer may set "front -of" where the PDF prints "front-of")."""
    return re.sub(r"\s*([-–])\s*", r"\1", " ".join(inline.plain(text).split()))


@pytest.fixture
def draft(read_and_issued: tuple[Resolution, dict[str, list]]) -> tuple[list, list]:
    res, want = read_and_issued
    return read_entries(res), pdf_entries(want)


def test_every_paragraph_the_pdf_starts_is_read_in_its_list(draft: tuple[list, list]) -> None:
    got, want = draft
    assert want, "the PDF's typography marks no paragraph"
    matched = {j for _, j in pairs(got, want)}
    assert [want[j][2][:60] for j in range(len(want)) if j not in matched] == []
    assert len(got) == len(want)


def test_a_known_opener_in_italics_is_read_as_the_opener(draft: tuple[list, list]) -> None:
    """Where the PDF sets an opener the lexicons know in italics, the paragraph read has an opener that agrees
    with it word by word (the one may reach further than the other: "Takes note" / "Takes note of", a choice
    issued texts make both ways), whichever list the paragraph stands in."""
    got, want = draft
    lost = []
    for i, j in pairs(got, want):
        italic, read = want[j][1].split(), got[i][1].split()
        if not any(lexicon.is_known(want[j][1], part) for part in Part):
            continue  # "Also," and the like: italics the model does not take as an opener
        n = min(len(italic), len(read))
        if not read or italic[:n] != read[:n]:
            lost.append((want[j][1], got[i][1]))
    assert lost == []


def test_an_operative_verb_in_the_preamble_is_named() -> None:
    """A/C.2/80/L.15 prints "*Reiterates its appreciation* for …," among its preambular paragraphs: the PDF's
    italics show an opener of the operative part there, and the check says so, offering the preambular form."""
    from app.conventions.engine import check_document

    pdf = FIXTURES / "reading" / "A_C.2_80_L.15.pdf"
    res = read_text(pdf.with_name("A_C.2_80_L.15.txt").read_text(encoding="utf-8")).resolution
    want = pdf_entries(pdf_expected(pdf))
    misplaced = [
        opener
        for kind, opener, _ in want
        if kind == "p"
        and lexicon.is_known(opener, Part.OPERATIVE)
        and not lexicon.is_known(opener, Part.PREAMBLE)
    ]
    assert misplaced, "the issued draft has an operative opener in its preamble"
    flagged = {res.find(f.paragraph_id).opener for f in check_document(res) if f.rule == "openers.wrong-part"}
    assert set(misplaced) <= flagged


def test_every_label_set_apart_is_a_subparagraph(read_and_issued: tuple[Resolution, dict[str, list]]) -> None:
    """The PDF sets a subparagraph's label apart (alone on its line or a tab before its text); a run-in list's
    "(b)" that a line happens to start with is not one. The draft read has as many subparagraphs, in every
    part and annex, as the PDF has labels set apart."""
    res, want = read_and_issued
    bodies = [p for body in res.parts() for p in (*body.preamble, *body.operative)]
    bodies += [p for annex in res.annexes for p in annex.paragraphs]
    assert sum(sum(1 for _ in p.walk()) - 1 for p in bodies) == want["subparagraphs"][0]


@pytest.mark.parametrize("txt", sorted(POPPLER.glob("*.txt")), ids=lambda p: p.stem)
def test_a_hyphen_dropped_at_a_line_end_comes_back(txt: Path) -> None:
    """pdftotext takes a compound's hyphen at a line end ("capacity-" / "building") for a word break. Every
    compound the reader hyphenates again is printed so in the PDF (its MuPDF text layer keeps the hyphen at the
    line end), and what the PDF prints whole ("multimorbidity", "breastmilk", "UNCITRAL") stays whole."""
    result = read_text(txt.read_text(encoding="utf-8"))
    mupdf = next(pdf for pdf in PDFS if pdf.stem == txt.stem).with_suffix(".txt")  # the same PDF's MuPDF text
    printed = re.sub(r"-\s*\n\s*", "-", mupdf.read_text(encoding="utf-8"))
    restored = [
        word
        for f in result.findings
        if f.rule == "import.spaced-word" and "hyphen" in f.message
        for word in re.findall(r"[^\W\d_]+(?:-[^\W\d_]+)+", f.message.partition("(")[2])
    ]
    res = result.resolution
    paragraphs = [p for _, p in res.paragraphs()] + list(res.annex_paragraphs())
    text = " ".join(inline.plain(p.opener + " " + p.text + " " + p.tail) for p in paragraphs)
    assert all(word in printed for word in restored), restored
    assert all(word in text for word in restored)
    hyphenated = set(re.findall(r"[^\W\d_]+(?:-[^\W\d_]+)+", printed))
    whole = set(re.findall(r"[^\W\d_]{5,}", printed)) - {w.replace("-", "") for w in hyphenated}
    assert not [w for w in re.findall(r"[^\W\d_]+(?:-[^\W\d_]+)+", text) if w.replace("-", "") in whole]
    # and each compound the PDF prints that pdftotext glued (in a line past a printed line's length) comes back
    long_lines = " ".join(line for line in txt.read_text(encoding="utf-8").splitlines() if len(line) > 95)
    glued = {w.replace("-", ""): w for w in re.findall(r"[^\W\d_]+(?:-[^\W\d_]+)*", long_lines)}
    lost = {
        h
        for h in hyphenated
        if h.islower()
        and glued.get(h.replace("-", ""), h) != h
        and h.replace("-", "") not in printed  # printed both ways: "non-communicable", "noncommunicable"
        and not Lexicon((), "en").known(glued[h.replace("-", "")])  # "knowhow" is a word too
    }
    assert [h for h in lost if h not in text] == []  # (the import note lists the first few only)
    # and each compound the PDF breaks at a line end that pdftotext spaced instead ("Secretary General"), when
    # the PDF prints it with a hyphen elsewhere too and the text never spaces it on a line of its own
    short_lines = " ".join(line for line in txt.read_text(encoding="utf-8").splitlines() if len(line) <= 95)
    compound = r"[^\W\d_]+(?:-[^\W\d_]+)*"
    issued = mupdf.read_text(encoding="utf-8")
    at_line_ends = re.findall(rf"(?<![\w-])({compound})-[ \t]*\n\s*({compound})(?![\w-])", issued)
    spaced = {
        f"{a}-{b}"
        for a, b in at_line_ends
        if f"{a} {b}" in long_lines
        and len(re.findall(rf"(?<![\w-]){re.escape(f'{a}-{b}')}(?![\w-])", printed)) > 1
        and f"{a} {b}" not in short_lines
    }
    assert [h for h in spaced if h not in text] == []


def test_an_adopted_outcome_document_reads_alike_from_either_text_layer() -> None:
    """A/RES/80/173 adopts an outcome document: "…at its eightieth session:", its title, then "We, the
    Ministers …". pdftotext sets no blank line between them; the text adopted is still an annex, with the
    same title and paragraphs as read from MuPDF's layer of the same PDF (which has blank lines)."""
    layers = FIXTURES / "reading" / "layers"
    mupdf, poppler = (
        read_text((layers / f"A_RES_80_173-{name}.txt").read_text(encoding="utf-8")).resolution
        for name in ("mupdf", "pdftotext")
    )
    assert len(mupdf.annexes) == 1 and mupdf.annexes[0].title.startswith("Outcome document")

    def shape(res: Resolution) -> list[tuple[str, int, str]]:
        return [
            (inline.plain(a.title), len(a.paragraphs), inline.plain(a.paragraphs[0].text)[:40])
            for a in res.annexes
        ]

    assert shape(poppler) == shape(mupdf)
    assert (len(poppler.preamble), len(poppler.operative)) == (len(mupdf.preamble), len(mupdf.operative))


@pytest.mark.parametrize("stem", ["A_80_L.29", "A_80_L.31", "A_80_L.39"])
def test_an_amendment_reads_alike_from_either_text_layer(stem: str) -> None:
    """An amendment's masthead, sponsor line ("Brazil:* amendment to draft resolution A/80/L.22"), title and
    instructions: pdftotext sets a blank line between the masthead's lines and none before the instruction
    ("In operative paragraph 68, after …", on lines that do not end with a colon). Read from either layer of
    the same PDF, it is the same amendment."""
    layers = FIXTURES / "reading" / "layers"
    mupdf, poppler = (
        read_text((layers / f"{stem}-{name}.txt").read_text(encoding="utf-8")).resolution
        for name in ("mupdf", "pdftotext")
    )
    assert mupdf.header.symbol == stem.replace("_", "/") and mupdf.instructions
    assert (poppler.header.symbol, poppler.header.kind, poppler.title) == (
        mupdf.header.symbol,
        mupdf.header.kind,
        mupdf.title,
    )

    def said(res: Resolution) -> list[tuple]:
        """What each instruction says, its notes' texts in place of their ids."""

        def plain(markup: str) -> str:
            for ref in inline.footnote_ids(markup):
                markup = markup.replace(inline.footnote_ref(ref), f"[{res.footnotes[ref].text}]")
            return " ".join(inline.plain(markup).split())

        return [
            (i.action, i.part, i.number, i.sub, plain(i.old), plain(i.new), plain(i.after))
            + ((i.paragraph.opener, plain(i.paragraph.text)) if i.paragraph else ())
            for i in res.instructions
        ]

    assert said(poppler) == said(mupdf)
