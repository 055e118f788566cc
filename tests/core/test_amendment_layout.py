"""An amendment exported to Word lands on the page as the issued one: A/80/L.19 read from its text, exported,
converted by LibreOffice and measured with `pdftotext -bbox`, beside the same words measured on the issued
PDF. Skips when LibreOffice or pdftotext is not installed."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from test_docx_writer_layout import Word, find_line, lines, measure, near

from app.io.docx_writer import write_docx
from app.io.reading import read_document


@pytest.fixture(scope="module")
def pages(tmp_path_factory: pytest.TempPathFactory, corpus_dir: Path) -> tuple[list[Word], list[Word]]:
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if not soffice or not shutil.which("pdftotext"):
        pytest.skip("LibreOffice (soffice) and pdftotext are needed to measure the printed layout")
    folder = tmp_path_factory.mktemp("amendment")
    source = folder / "l19.docx"
    write_docx(read_document(corpus_dir / "A_80_L.19.txt").resolution, source)
    subprocess.run(
        [
            soffice,
            f"-env:UserInstallation={(folder / 'profile').as_uri()}",
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
    return measure(folder / "l19.pdf"), measure(corpus_dir / "originals" / "A_80_L.19.pdf")


@pytest.fixture(scope="module")
def corpus_dir() -> Path:
    return Path(__file__).resolve().parent.parent / "fixtures" / "corpus"


def test_instruction_and_quoted_paragraph_sit_as_issued(pages: tuple[list[Word], list[Word]]) -> None:
    ours, issued = pages
    for words in (ours, issued):
        assert not [
            w for w in words if w.text == "General" and w.baseline > 150
        ]  # no organ line "The General …"
    got = find_line(ours, 1, "Delete the thirty-eighth")
    want = find_line(issued, 1, "Delete the thirty-eighth")
    assert near(got[0].x0, want[0].x0)  # indented as a body paragraph's first line
    assert " ".join(w.text for w in got) == " ".join(w.text for w in want)
    # below the title as the organ line of a draft would stand (the title wraps differently: its last line)
    title_got = find_line(ours, 1, "Safety and security")
    title_want = find_line(issued, 1, "Safety and security")
    rows_got, rows_want = lines(ours, 1), lines(issued, 1)
    last_got = rows_got[rows_got.index(got) - 1][0].baseline
    last_want = rows_want[rows_want.index(want) - 1][0].baseline
    assert title_got[0].baseline <= last_got and title_want[0].baseline <= last_want
    assert near(got[0].baseline - last_got, want[0].baseline - last_want)
    quoted_got = find_line(ours, 1, "Recalling", below=got[0].baseline)
    quoted_want = find_line(issued, 1, "Recalling", below=want[0].baseline)
    assert near(quoted_got[0].x0, quoted_want[0].x0)
    # the space between the instruction and the paragraph it quotes
    assert near(quoted_got[0].baseline - got[0].baseline, quoted_want[0].baseline - want[0].baseline)

    # continuation lines of the quoted paragraph start at the body's left edge
    def next_line(words: list[Word], row: list[Word]) -> list[Word]:
        rows = lines(words, 1)
        return rows[rows.index(row) + 1]

    assert near(next_line(ours, quoted_got)[0].x0, next_line(issued, quoted_want)[0].x0)
