"""Where the exported text lands on the page: the .docx converted by LibreOffice, words measured with
`pdftotext -bbox`, compared with the positions measured on the issued A/C.1/80/L.43 (layout-ga-L.md).

The expected numbers are the UN's, not ours: x from the spec tables, baselines (y from the page top) read off
the issued PDF. Skips when LibreOffice or pdftotext is not installed.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

import pytest

from app.io.docx_writer import write_docx
from app.storage import load_project

FIXTURE = Path(__file__).resolve().parent.parent / "fixtures" / "docx" / "seed_l43.json"
TOL = 1.5  # points: "within a few points" of the issued document

# the issued document, in points from the page's top-left corner
BODY_X = 123.4
FIRST_LINE_X = 147.1
VERB_X = 170.9
FRAME_LEFT, FRAME_RIGHT = 60.0, 552.0
DISTR_X = 397.0
FOOTNOTE_NUMBER_X = 117.0
BASELINES = {
    "united_nations": 57.8,
    "symbol": 56.5,
    "organ": 86.3,
    "distr": 86.6,
    "original": 122.4,
    "session": 222.2,
    "committee": 235.4,
    "agenda_item": 247.7,
    "item_title": 259.7,
    "later_header": 58.9,
    "later_body": 84.4,
    "later_footer": 755.2,
}
GAPS = {
    "item_title->sponsor": 30.0,
    "sponsor->title": 25.2,
    "title->organ_line": 24.3,
    "organ_line->preamble": 18.0,
}


@dataclass(frozen=True)
class Word:
    page: int
    x0: float
    x1: float
    y0: float
    y1: float
    text: str

    @property
    def size(self) -> float:
        return (self.y1 - self.y0) / 1.2  # a box is 1.1 (Times) to 1.3 (Liberation) times the font size

    @property
    def baseline(self) -> float:
        # the middle of the box sits about a third of the size above the baseline, whatever the font's metrics
        return (self.y0 + self.y1) / 2 + 0.32 * self.size


_WORD = re.compile(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>')


@pytest.fixture(scope="module")
def words(tmp_path_factory: pytest.TempPathFactory) -> list[Word]:
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    pdftotext = shutil.which("pdftotext")
    if not soffice or not pdftotext:
        pytest.skip("LibreOffice (soffice) and pdftotext are needed to measure the printed layout")
    folder = tmp_path_factory.mktemp("layout")
    source = folder / "seed.docx"
    write_docx(load_project(FIXTURE), source)
    profile = (folder / "profile").as_uri()  # a private profile: other LibreOffice runs may be going on
    subprocess.run(
        [
            soffice,
            f"-env:UserInstallation={profile}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(folder),
            str(source),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    return measure(folder / "seed.pdf")


def measure(pdf: Path) -> list[Word]:
    """Every word of a PDF with its box, page by page, as `pdftotext -bbox` reports it."""
    html = subprocess.run(
        ["pdftotext", "-bbox", str(pdf), "-"], check=True, capture_output=True, text=True
    ).stdout
    out: list[Word] = []
    for page, chunk in enumerate(html.split("<page ")[1:], start=1):
        for m in _WORD.finditer(chunk):
            out.append(Word(page, float(m[1]), float(m[3]), float(m[2]), float(m[4]), m[5]))
    return out


def lines(words: list[Word], page: int) -> list[list[Word]]:
    """The words of a page grouped into printed lines (same baseline within half a point), top to bottom.
    Superscripts (footnote marks) are left out."""
    rows: list[list[Word]] = []
    for w in sorted(
        (w for w in words if w.page == page and w.size > 7), key=lambda w: (round(w.baseline), w.x0)
    ):
        if rows and abs(rows[-1][0].baseline - w.baseline) < 0.5:
            rows[-1].append(w)
        else:
            rows.append([w])
    return [sorted(r, key=lambda w: w.x0) for r in rows]


def find_line(words: list[Word], page: int, start: str, *, below: float = 0) -> list[Word]:
    for row in lines(words, page):
        text = " ".join(w.text for w in row)
        if text.startswith(start) and row[0].baseline > below:
            return row
    raise AssertionError(f"no line starting {start!r} on page {page}")


def near(value: float, expected: float, tol: float = TOL) -> bool:
    return abs(value - expected) <= tol


def test_masthead(words: list[Word]):
    un = find_line(words, 1, "United Nations")
    assert near(un[0].x0, BODY_X) and near(un[0].baseline, BASELINES["united_nations"])
    symbol = [w for w in words if w.page == 1 and w.text.endswith("L.43") and w.y0 < 70]
    assert symbol and near(symbol[-1].x1, FRAME_RIGHT)
    assert near(symbol[-1].baseline, BASELINES["symbol"])
    organ = find_line(words, 1, "General Assembly")
    assert near(organ[0].x0, BODY_X) and near(organ[0].baseline, BASELINES["organ"])
    assert organ[0].size > 17  # 20 pt
    distr = [w for w in words if w.page == 1 and w.text == "Distr.:"][0]
    original = [w for w in words if w.page == 1 and w.text == "Original:"][0]
    assert near(distr.x0, DISTR_X) and near(distr.baseline, BASELINES["distr"])
    assert near(original.x0, DISTR_X) and near(original.baseline, BASELINES["original"])


def test_agenda_block_sponsor_title_organ_line(words: list[Word]):
    session = find_line(words, 1, "Seventy-ninth session")
    committee = find_line(words, 1, "First Committee")
    item = find_line(words, 1, "Agenda item 98 (l)")
    for row, key in ((session, "session"), (committee, "committee"), (item, "agenda_item")):
        assert near(row[0].x0, FRAME_LEFT) and near(row[0].baseline, BASELINES[key]), key
    rows = lines(words, 1)
    start = rows.index(find_line(words, 1, "General and complete disarmament"))
    sponsor_at = rows.index(find_line(words, 1, "Cambodia"))
    title_rows = rows[start:sponsor_at]
    assert near(title_rows[0][0].baseline, BASELINES["item_title"])
    assert len(title_rows) > 1, "the agenda item title wraps"
    for row in title_rows:
        assert near(row[0].x0, FRAME_LEFT) and row[-1].x1 <= FRAME_LEFT + 246 + TOL  # about half the frame
    sponsor = rows[sponsor_at]
    assert near(sponsor[0].x0, BODY_X)
    assert near(sponsor[0].baseline - title_rows[-1][0].baseline, GAPS["item_title->sponsor"])
    title = find_line(words, 1, "Implementation of the Convention", below=sponsor[0].baseline)
    title_at = rows.index(title)
    assert near(title[0].x0, BODY_X) and title[0].size > 10.5  # 12 pt
    assert near(title[0].baseline - sponsor[0].baseline, GAPS["sponsor->title"])
    organ = find_line(words, 1, "The General Assembly,")
    organ_at = rows.index(organ)
    assert near(organ[0].x0, FIRST_LINE_X)
    assert near(organ[0].baseline - rows[organ_at - 1][0].baseline, GAPS["title->organ_line"])
    assert all(near(r[0].x0, BODY_X) for r in rows[title_at + 1 : organ_at])  # title continuation lines
    first = rows[organ_at + 1]
    assert first[0].text == "Recalling" and near(first[0].x0, FIRST_LINE_X)
    assert near(first[0].baseline - organ[0].baseline, GAPS["organ_line->preamble"])


def test_body_column_and_line_pitch(words: list[Word]):
    rows = [r for r in lines(words, 2) if r[0].size > 8 and 70 < r[0].baseline < 700]
    body = [r for r in rows if near(r[0].x0, BODY_X) or near(r[0].x0, FIRST_LINE_X)]
    assert len(body) > 30
    pitches = {round(b[0].baseline - a[0].baseline, 1) for a, b in zip(body, body[1:])}  # noqa: B905
    assert pitches <= {12.0, 18.0}, pitches  # exactly 12 pt lines, 6 pt after each paragraph
    full = [r for r in body if r[-1].x1 > 480]  # justified lines end at the right indent
    assert full and all(489 <= r[-1].x1 <= 491.5 + TOL for r in full)


def test_operative_numbers_and_subparagraph_labels(words: list[Word]):
    numbered = [r for p in (2, 3) for r in lines(words, p) if re.fullmatch(r"\d+\.", r[0].text)]
    assert len(numbered) >= 10
    for row in numbered:
        assert near(row[0].x0, FIRST_LINE_X) and near(row[1].x0, VERB_X)
    labels = [r for p in (2, 3) for r in lines(words, p) if re.fullmatch(r"\([a-c]\)", r[0].text)]
    assert [r[0].text for r in labels] == ["(a)", "(b)", "(c)"]
    for row in labels:
        assert near(row[0].x0, FIRST_LINE_X) and near(row[1].x0, VERB_X)
    deeper = [r for p in (2, 3) for r in lines(words, p) if r[0].text in ("(i)", "(ii)")]
    assert [r[0].text for r in deeper] == ["(i)", "(ii)"]
    for row in deeper:  # one step in: label at the verb position, text one more step in
        assert near(row[0].x0, VERB_X) and near(row[1].x0, VERB_X + 23.7)


def test_later_pages_header_and_footer(words: list[Word]):
    pages = max(w.page for w in words)
    assert pages >= 3
    for page in range(2, pages + 1):
        rows = lines(words, page)
        header, footer = rows[0], rows[-1]
        assert " ".join(w.text for w in header) == "A/C.1/79/L.43"
        assert near(header[0].baseline, BASELINES["later_header"])
        assert header[0].size < 10  # 8.5 pt
        assert near(footer[0].baseline, BASELINES["later_footer"], 2.0)
        page_number = next(w for w in footer if "/" in w.text)
        job = next(w for w in footer if w.text == "24-18512")
        assert page_number.text == f"{page}/{pages}"
        if page % 2 == 0:  # even pages: header and page number at the left, job number at the right
            assert (
                near(header[0].x0, FRAME_LEFT)
                and near(page_number.x0, FRAME_LEFT)
                and near(job.x1, FRAME_RIGHT)
            )
        else:
            assert near(header[-1].x1, FRAME_RIGHT) and near(page_number.x1, FRAME_RIGHT)
            assert near(job.x0, FRAME_LEFT)
        body = next(r for r in rows[1:] if r[0].size > 8)
        assert near(body[0].baseline, BASELINES["later_body"])


def test_footnotes_at_the_body_column(words: list[Word]):
    notes = [r for p in (1, 2) for r in lines(words, p) if r[0].text == "United" and r[0].size < 9.5]
    assert notes, "the Treaty Series footnote is printed"
    row = notes[0]
    assert near(row[0].x0, BODY_X) and 7.5 < row[0].size < 9.5  # 8.5 pt
    footnote_lines = [
        r for p in (1, 2, 3) for r in lines(words, p) if 7.5 < r[0].size < 9.5 and 600 < r[0].baseline < 740
    ]
    assert len(footnote_lines) >= 3 and all(
        r[-1].x1 <= 491.5 + TOL for r in footnote_lines
    )  # the body column
    marks = [w for w in words if w.page == row[0].page and near(w.x0, FOOTNOTE_NUMBER_X) and w.size < 7]
    assert marks, "footnote numbers hang at x = 117"
    star = [w for w in words if w.page == 1 and w.text == "*" and near(w.x0, FOOTNOTE_NUMBER_X)]
    assert star, "the page-1 '*' note"
    first_footer = lines(words, 1)[-1]
    assert " ".join(w.text for w in first_footer) == "24-18512 (E)" and near(first_footer[0].x0, 65.4)


# ---- page flow: the export breaks pages where the issued document does -------------------------------------------

PAGE_FLOW = Path(__file__).resolve().parent.parent / "fixtures" / "page_flow"
NEAR_WORDS = 40  # about three lines of body text


def _issued(stem: str) -> tuple[Path, Path]:
    """The issued PDF and its text: from the corpus, or from tests/fixtures/page_flow."""
    from tests.conftest import CORPUS

    for text, pdf in (
        (CORPUS / f"{stem}.txt", CORPUS / "originals" / f"{stem}.pdf"),
        (PAGE_FLOW / f"{stem}.txt", PAGE_FLOW / f"{stem}.pdf"),
    ):
        if text.is_file() and pdf.is_file():
            return text, pdf
    raise AssertionError(f"no issued PDF and text for {stem}")


# A/80/L.17 fails since its notes 11 and 15 are read where the issued PDF has them (before, a misplaced note
# filled the room): LibreOffice ignores the separator's content and sets the notes closer under the text than
# Word and the issued pages do, so each page with notes holds about two more lines and the pages drift ahead.
# Strict: the day LibreOffice's note area matches, the mark must go.
# Checked again (uxaudit7, LibreOffice 7.4, A/C.3/80/L.20): the cause is LibreOffice's, not the .docx. Its DOCX
# import only notes whether a separator footnote exists (and hides the rule when it has no w:separator); the
# separator paragraph's own spacing, style and text are dropped and the page style's defaults drawn instead
# (a 123 pt rule from the frame edge, about 0.1 cm above and below it). A separator paragraph given 30 pt
# before and after, one without the hidden w:separator run, and one with no underscores all put every note
# on every page at the same place, to the hundredth of a point; Word reads the same paragraph as the issued
# 14.16 pt. OOXML has no other place for the note area's spacing, so nothing in the export can move it.
_NOTE_AREA = pytest.mark.xfail(strict=True, reason="LibreOffice sets footnotes closer than the issued layout")


@pytest.mark.parametrize(
    "stem",
    ["A_C.3_80_L.20", "A_C.6_80_L.21", pytest.param("A_80_L.17", marks=_NOTE_AREA), "A_C.3_80_L.9"],
)
def test_pages_break_where_the_issued_ones_do(stem: str, tmp_path: Path) -> None:
    """Issued text is set wider than plain Times New Roman and page 1 ends above the footer block
    (layout-ga-L.md, "Set width and page flow"): the export has as many pages as the issued PDF, and at least
    two thirds of its later pages start within about three lines of where the issued page starts."""
    from app.io.text_reader import read_text
    from tests.page_flow import body_words, break_offsets

    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if not soffice or not shutil.which("pdftotext"):
        pytest.skip("LibreOffice (soffice) and pdftotext are needed to measure the printed layout")
    text, issued = _issued(stem)
    write_docx(read_text(text.read_text(encoding="utf-8")).resolution, tmp_path / f"{stem}.docx")
    subprocess.run(
        [
            soffice,
            f"-env:UserInstallation={(tmp_path / 'profile').as_uri()}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path),
            str(tmp_path / f"{stem}.docx"),
        ],
        check=True,
        capture_output=True,
        timeout=300,
    )
    exported = tmp_path / f"{stem}.pdf"
    assert len(body_words(exported)[1]) == len(body_words(issued)[1])
    offsets = break_offsets(issued, exported)
    near = sum(abs(x) <= NEAR_WORDS for x in offsets)
    assert near * 3 >= len(offsets) * 2, offsets


# ---- the sponsor line and the footnote separator, against issued PDFs read with pdfminer --------------------


def _glyph_rows(pdf: Path, page_no: int = 1) -> list[list]:
    """The page's glyphs (blank ones included: the issued PDFs draw a tab as a blank glyph) in rows by
    baseline, left to right."""
    from pdfminer.high_level import extract_pages
    from pdfminer.layout import LTChar

    page = list(extract_pages(str(pdf), maxpages=page_no))[page_no - 1]
    found: dict[float, list] = {}

    def walk(item) -> None:  # noqa: ANN001
        if isinstance(item, LTChar):
            found.setdefault(round(page.height - item.matrix[5], 1), []).append(item)
        elif hasattr(item, "__iter__"):
            for child in item:
                walk(child)

    walk(page)
    return [sorted(found[y], key=lambda c: c.x0) for y in sorted(found)]


def _sponsor_rows(pdf: Path, names: str) -> list[tuple[float, float, str]]:
    """(baseline, x of the first visible glyph, text) of each line of the sponsor list on page 1: the bold
    10 pt lines from the one its first name opens to the one ending "draft resolution"."""
    out: list[tuple[float, float, str]] = []
    for row in _glyph_rows(pdf):
        ink = [c for c in row if c.get_text().strip()]
        if not ink or "Bold" not in ink[0].fontname or not 9.5 < ink[0].size < 10.5:
            continue
        text = "".join(c.get_text() for c in ink)
        if out or text.startswith(names):
            out.append((round(row[0].matrix[5], 1), ink[0].x0, text))
            if "draft" in text:
                break
    return out


def _convert(docx: Path) -> Path:
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if not soffice:
        pytest.skip("LibreOffice (soffice) is needed to measure the printed layout")
    subprocess.run(
        [
            soffice,
            f"-env:UserInstallation={(docx.parent / 'profile').as_uri()}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(docx.parent),
            str(docx),
        ],
        check=True,
        capture_output=True,
        timeout=300,
    )
    return docx.with_suffix(".pdf")


@pytest.mark.parametrize("stem", ["A_C.1_80_L.43", "A_C.3_80_L.20"])
def test_sponsor_list_prints_where_issued(stem: str, tmp_path: Path) -> None:
    """Every line of a long sponsor list starts at the x of the issued lines: the body column (the issued
    paragraph hangs at 111.1 but opens with a tab to the column, and so does the export's)."""
    from app.io.text_reader import read_text
    from app.render import render

    text, issued = _issued(stem)
    res = read_text(text.read_text(encoding="utf-8")).resolution
    write_docx(res, tmp_path / f"{stem}.docx")
    first = "".join(render(res).sponsor_line.split(",")[0].split())
    want, got = _sponsor_rows(issued, first), _sponsor_rows(_convert(tmp_path / f"{stem}.docx"), first)
    assert len(want) > 3 and len(got) > 3
    column = {round(x, 1) for _, x, _ in want}
    assert len(column) == 1, column  # one x for every issued line
    for _, x, line in got:
        assert near(x, want[0][1]), (line, x, want[0][1])


def test_separator_is_the_issued_rule_and_libreoffice_draws_one(tmp_path: Path) -> None:
    """Word prints the separator footnote's text: it holds the issued rule (the underscores drawn above the
    notes of the issued A/C.1/80/L.43, at the same indent). LibreOffice ignores that text and draws its own
    rule, but only when the file has a separator mark: a hidden one is there, and LibreOffice's page shows a
    short rule above the notes."""
    import zipfile

    from lxml import etree
    from pdfminer.high_level import extract_pages
    from pdfminer.layout import LTLine, LTRect

    from app.io.text_reader import read_text

    text, issued = _issued("A_C.1_80_L.43")
    rows = _glyph_rows(issued, 2)
    rule = next(
        r
        for r in rows
        if "".join(c.get_text() for c in r).strip() and set(c.get_text() for c in r) <= {"_", " "}
    )
    out = tmp_path / "L43.docx"
    write_docx(read_text(text.read_text(encoding="utf-8")).resolution, out)
    ns = {"w": "http://schemas.openxmlformats.org/wordprocessingml/2006/main"}
    notes = etree.fromstring(zipfile.ZipFile(out).read("word/footnotes.xml"))
    separator = notes.find("w:footnote[@w:type='separator']", ns)
    assert "".join(separator.itertext()) == "".join(c.get_text() for c in rule if c.get_text() == "_")
    mark = separator.find(".//w:separator", ns)
    assert mark is not None and mark.getparent().find("w:rPr/w:vanish", ns) is not None  # hidden from Word
    styles = etree.fromstring(zipfile.ZipFile(out).read("word/styles.xml"))
    style_id = separator.find(".//w:pStyle", ns).get(f"{{{ns['w']}}}val")
    indent = styles.find(f"w:style[@w:styleId='{style_id}']/w:pPr/w:ind", ns).get(f"{{{ns['w']}}}left")
    assert near(FRAME_LEFT + int(indent) / 20, rule[0].x0)  # twentieths of a point from the margin
    page = list(extract_pages(str(_convert(out)), maxpages=2))[1]
    short = [x for x in page if isinstance(x, (LTLine, LTRect)) and 50 < x.width < 200 and x.height < 2]
    assert short, "LibreOffice draws a separator rule above the notes"
