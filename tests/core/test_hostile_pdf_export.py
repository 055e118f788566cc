"""The PDF export (app/print_layout.py, `resolute export X -o x.pdf`) on drafts no delegate would write: a word
wider than the line, a footnote longer than a page, 10,000 notes on one paragraph, 20,000 paragraphs, a line of
500 tabs, no symbol and no title, in English, French and Spanish. Each lays out in time linear in its size
(growth in process time at n and 8n), keeps every word inside the page and every note in print, and a flow past
MAX_PAGES is refused in one line (exit 2) with no file left behind."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from app import cli, print_layout, storage
from app.errors import InputError
from app.io.docx_layout import layout_for_paper
from app.io.reading import read_document
from app.model import Footnote, Paragraph, Resolution
from app.print_layout import Font, Text, lay_out
from app.render import render

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from fixtures.robust.hostile import growth, hang_guard  # noqa: E402

CORPUS = Path(__file__).resolve().parents[1] / "fixtures" / "corpus"
LINEAR = 20  # 8x the input: about 8 when linear, 64 for the square


def measure(text: str, font: Font) -> float:
    return 0.5 * font.size * len(text)  # about Times' average glyph


def _base(language: str = "en") -> Resolution:
    res = read_document(CORPUS / "A_80_L.6.txt").resolution
    res.header.language = language
    return res


def wide_word(n: int, language: str = "en") -> Resolution:
    res = _base(language)
    res.operative[0].text = "in the " + "x" * n + " of"
    return res


def long_note(n: int, language: str = "en") -> Resolution:
    res = _base(language)
    res.footnotes["long"] = Footnote("word " * n, id="long")
    res.operative[0].text += "[^long]"
    return res


def many_notes(n: int, language: str = "en") -> Resolution:
    res = _base(language)
    for i in range(n):
        res.footnotes[f"n{i}"] = Footnote(f"See A/80/{i}.", id=f"n{i}")
    res.operative[0].text += "".join(f"[^n{i}]" for i in range(n))
    return res


def many_paragraphs(n: int, language: str = "en") -> Resolution:
    res = _base(language)
    res.operative = [Paragraph("Requests", f"the Secretary-General to report on item {i}") for i in range(n)]
    return res


def tabs(n: int, language: str = "en") -> Resolution:
    res = _base(language)
    res.operative[0].text = "cell\t" * n
    return res


def bare(n: int, language: str = "en") -> Resolution:
    res = many_paragraphs(n, language)
    res.header.symbol, res.title, res.header.job_number = "", "", ""
    return res


CLASSES: dict[str, tuple[Callable[..., Resolution], int]] = {
    "a word wider than the line": (wide_word, 4_000),
    "a footnote longer than a page": (long_note, 5_000),
    "10,000 notes on one paragraph": (many_notes, 1_250),
    "20,000 paragraphs": (many_paragraphs, 2_500),
    "a line of 500 tabs": (tabs, 500),
    "no symbol and no title": (bare, 200),
}


def _pages(res: Resolution) -> list[print_layout.Page]:
    r = render(res)
    return lay_out(r, layout_for_paper(r.template.paper), measure)


@pytest.mark.parametrize("name", CLASSES)
def test_each_hostile_class_lays_out_in_linear_time(name: str) -> None:
    build, n = CLASSES[name]

    def make(size: int) -> Callable[[], object]:
        r = render(build(size))
        layout = layout_for_paper(r.template.paper)
        return lambda: lay_out(r, layout, measure)

    with hang_guard(120):
        assert growth(make, n, repeats=2) < LINEAR


@pytest.mark.parametrize("language", ["en", "fr", "es"])
@pytest.mark.parametrize("name", CLASSES)
def test_every_word_stays_on_the_page_and_every_note_prints(name: str, language: str) -> None:
    build, n = CLASSES[name]
    res = build(n, language)
    layout = layout_for_paper(render(res).template.paper)
    pages = _pages(res)
    width = layout.page.width
    for page in pages:
        for item in page.items:
            if isinstance(item, Text) and item.text.strip("\t "):
                # a word wider than the line is cut between letters; a tab line may run on, never back
                assert item.x >= 0, (name, item)
                if name != "a line of 500 tabs":
                    assert item.x + measure(item.text, item.font) <= width + 1, (name, item.text[:20])
    printed = "".join(t.text for p in pages for t in p.items if isinstance(t, Text))
    if name == "a footnote longer than a page":
        assert printed.count("word") == n
    if name == "10,000 notes on one paragraph":
        assert all(f"A/80/{i}." in printed for i in (0, n // 2, n - 1))


def test_a_flow_past_the_page_bound_is_refused_in_one_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(print_layout, "MAX_PAGES", 3)
    with pytest.raises(InputError) as caught:
        _pages(many_paragraphs(500))
    assert "3 pages" in str(caught.value) and "\n" not in str(caught.value)
    project = tmp_path / "long.json"
    storage.save_project(many_paragraphs(500), project)
    out = tmp_path / "long.pdf"
    assert cli.run(["export", str(project), "-o", str(out)]) == 2
    refusal = capsys.readouterr().err.strip().splitlines()[-1]  # after the draft's own findings
    assert refusal.startswith("resolute: the PDF would run past 3 pages")
    assert not out.exists() and sorted(p.name for p in tmp_path.iterdir()) == ["long.json"]
    assert len(_pages(many_paragraphs(20))) <= 3  # a draft that fits is printed as before


@pytest.mark.parametrize("language", ["fr", "es"])
def test_the_hostile_drafts_export_as_pdf_in_french_and_spanish(
    tmp_path: Path, language: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """Through the command line and Qt's fonts: exit 0 and a PDF, in the draft's own language."""
    for name, (build, n) in CLASSES.items():
        res = build(n // 4 or 1, language)
        project = tmp_path / f"{language}-{len(name)}.json"
        storage.save_project(res, project)
        out = project.with_suffix(".pdf")
        with hang_guard(120):
            assert cli.run(["export", str(project), "-o", str(out)]) == 0, (name, capsys.readouterr().err)
        assert out.read_bytes().startswith(b"%PDF"), name
