"""Running titles: an adopted resolution prints its title again at the top of every page after the first, next to
the symbol (bold, smaller than the body; before the symbol or after it as the page is even or odd), over one line
or several, broken where the first page does not break it. A/RES/80/4 has two pages: its title stands once at a
page top, so it is not found as a line printed again and again; the text layer set it in the middle of the
paragraph the page breaks ("Recalling its resolutions 47/19 …, 51/17 of 12 November" / title / "1996, 52/10 …"),
which read as two paragraphs. The answer comes from the PDF's typography (pdfminer): the title lines above the
body on each page, and the body lines on both sides of each page break. Sources: tests/fixtures/reading/README.md."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest

from app import inline
from app.conventions.engine import check_document
from app.io.pdf_text import BARCODE, COUNTER, JOB, SYMBOL, _page_top_titles, clean
from app.io.text_reader import read_text
from app.model import Resolution
from app.punctuation import ends_with_mark
from tests.pdf_lines import text_lines

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "reading"
# a title on two lines and a page of its own (80/4); a title of four lines on every page (78/234); a part's letter
# or a paragraph's number set between the title and the symbol (79/253)
STEMS = ("A_RES_80_4", "A_RES_78_234", "A_RES_79_253")
LAYERS = [(stem, layer) for stem in STEMS for layer in ("mupdf", "pdftotext")]


def _letters(text: str) -> str:
    """The letters of a text: what is left whatever line breaks, spacing and note markers a text layer gives."""
    return re.sub(r"[^\w]|[\d_]", "", text)


def _furniture(text: str) -> bool:
    return any(p.match(text.strip()) for p in (JOB, COUNTER, BARCODE))


def _pages(pdf: Path) -> tuple[dict[int, str], dict[int, list[str]]]:
    """From the PDF's typography: the running title of each page after the first (its lines in the head, above
    the body's first line of the body's size, the symbol left out) and the body lines of each page (the body's
    size, above the notes' rule)."""
    rows = list(text_lines(pdf))
    body = Counter(round(c.size, 1) for _, _, chars in rows for c in chars).most_common(1)[0][0]
    titles: dict[int, str] = {}
    lines: dict[int, list[str]] = {}
    for page in sorted({p for p, _, _ in rows}):
        on_page = [(line, chars) for p, line, chars in rows if p == page]
        rule = max((line.y0 for line, _ in on_page if "_____" in line.get_text()), default=0)
        main = [
            line
            for line, chars in on_page
            if round(chars[0].size, 1) == body and line.y0 > rule and not _furniture(line.get_text())
        ]
        if not main:  # a page of a table set smaller than the body
            continue
        top = max(line.y1 for line in main)
        main.sort(key=lambda line: (-round(line.y0), line.x0))
        lines[page] = [line.get_text().strip() for line in main]
        symbol = [line.y0 for line, _ in on_page if SYMBOL.match(line.get_text().strip()) and line.y0 > top]
        # the head: the lines on the symbol's level and above it (a title of several lines), not a table below
        head = [
            line
            for line, _ in on_page
            if symbol and line.y0 > symbol[0] - 2 and not SYMBOL.match(line.get_text().strip())
        ]
        head.sort(key=lambda line: -line.y0)
        if page:
            titles[page] = " ".join(line.get_text().strip() for line in head)
    return titles, lines


def _unmarked(line: str) -> str:
    """A line without the note marker pdfminer glues to its end ("October 2023,8")."""
    return re.sub(r"(?<=[^\w\s])\d{1,3}$", "", line)


def _read(stem: str, layer: str) -> Resolution:
    path = FIXTURES / (f"pdftotext/{stem}.txt" if layer == "pdftotext" else f"{stem}.txt")
    return read_text(path.read_text(encoding="utf-8")).resolution


def _paragraph_texts(res: Resolution) -> list[str]:
    texts = [p.opener + " " + p.text + " " + p.tail for _, p in res.paragraphs()]
    return [inline.plain(text) for text in texts + [p.text + " " + p.tail for p in res.annex_paragraphs()]]


def _alnum(text: str) -> str:
    return re.sub(r"\W", "", text)


@pytest.mark.parametrize(("stem", "layer"), LAYERS)
def test_a_running_title_is_not_read_as_text(stem: str, layer: str) -> None:
    """The title printed at page tops is read nowhere in the paragraphs: each paragraph holds it as often as the
    PDF's body lines print it (80/4 quotes it in its last paragraph, as an item's name)."""
    pdf = FIXTURES / f"{stem}.pdf"
    titles, lines = _pages(pdf)
    assert titles and all(titles.values()), "every page after the first prints a running title"
    printed = [line for page in sorted(lines) for line in lines[page]]
    opening = next(k for k, line in enumerate(printed) if line.startswith("The General Assembly"))
    body = _letters(" ".join(printed[opening:]))  # the masthead names the agenda item, as the title does
    read = " ".join(_letters(text) for text in _paragraph_texts(_read(stem, layer)))
    for title in set(titles.values()):
        assert read.count(_letters(title)) == body.count(_letters(title))


@pytest.mark.parametrize(("stem", "layer"), LAYERS)
def test_a_paragraph_broken_by_a_page_reads_whole(stem: str, layer: str) -> None:
    """Where a page's last body line ends no paragraph (no full stop, semicolon, colon or a preambular paragraph's
    comma after it), one paragraph read holds it and the next page's first body line."""
    _, lines = _pages(FIXTURES / f"{stem}.pdf")
    breaks = [
        (lines[page - 1][-1], lines[page][0])
        for page in sorted(lines)
        if page and page - 1 in lines and not ends_with_mark(_unmarked(lines[page - 1][-1]), ".;:,")
    ]
    assert breaks, "a paragraph runs over a page"
    paragraphs = [_alnum(text) for text in _paragraph_texts(_read(stem, layer))]
    for before, after in breaks:
        joined = _alnum(" ".join(_unmarked(before).split()[-3:])) + _alnum(" ".join(after.split()[:3]))
        assert any(joined in text for text in paragraphs), (before, after)


def test_a_word_doubled_over_a_running_title_is_still_flagged() -> None:
    """A real mistake across the break the running title stood in: a word doubled, the one at page 1's end, the
    other at page 2's start ("51/17 of" / title / "of 12 November 1996"), is found as it is within a page; the
    issued text draws nothing there."""
    for stem in ("pdftotext/A_RES_80_4", "A_RES_80_4"):
        layer = (FIXTURES / f"{stem}.txt").read_text(encoding="utf-8")
        assert re.search(r"51/17 of 12 November *\n", layer) and re.search(r"\n1996, 52/10", layer)
        typo = re.sub(r"51/17 of 12 November *\n", "51/17 of\n", layer).replace(
            "\n1996, 52/10", "\nof 12 November 1996, 52/10"
        )
        assert [f for f in check_document(read_text(typo).resolution) if f.rule == "UN.DoubledWord"] != []
        issued = check_document(read_text(layer).resolution)
        assert not [f for f in issued if f.rule in ("UN.DoubledWord", "citations.first-mention-date")]


def test_a_block_at_a_page_top_that_is_not_the_title_stays() -> None:
    """A block set apart next to a later page's symbol that the first page does not print (a heading) is text."""
    lines = ["A/RES/80/999", "", "The Title of the Text", "The General Assembly,", "Recalling its work,"]
    lines += [
        "25-00001 (E)",
        "\f",
        "The Title of the Text",
        "",
        "A/RES/80/999",
        "",
        "Annex of a new kind",
        "",
    ]
    lines += ["1. Decides to act."]
    kept = clean(lines).lines
    assert kept.count("The Title of the Text") == 1
    assert "Annex of a new kind" in kept


class _Counted(list):
    """Lines that count how often one is looked at."""

    looks = 0

    def __getitem__(self, k):  # type: ignore[no-untyped-def]
        _Counted.looks += 1
        return super().__getitem__(k)


def _looks(pages: int) -> int:
    """How many lines `_page_top_titles` looks at in a text of `pages` pages of running titles, blank runs and
    lone numbers beside the symbol."""
    text = ["A/RES/80/999", "", "A Title of Some Length", "The General Assembly,", "Recalling,"]
    for k in range(pages):
        text += ["", "", "", "", "", "", "7.", "", "A Title of Some Length", "", "A/RES/80/999", "", "B.", ""]
        text += ["", "", "", "", "", "", f"Body line {k}"]
    _Counted.looks = 0
    _page_top_titles(_Counted(text), "A/RES/80/999")
    return _Counted.looks


def test_running_titles_are_found_in_linear_time() -> None:
    """Ten times the pages, about ten times the lines looked at: each page's blocks are looked at once."""
    n = 300
    assert _looks(10 * n) <= 11 * _looks(n)
