"""Every exported .docx is a sound file: python-docx re-opens it, every XML part is well formed, ids are
unique, relationships resolve, and LibreOffice converts it to PDF. Several files go through one soffice call
(with a private profile, so parallel runs do not collide); without LibreOffice those checks skip."""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
import sys
from functools import cache
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from fixtures.robust.hostile import RTL_SPONSORS, docx_problems, omnibus, sample  # noqa: E402

from app import inline  # noqa: E402
from app.errors import ResoluteError  # noqa: E402
from app.io.akn_reader import read_akn  # noqa: E402
from app.io.docx_reader import read_docx  # noqa: E402
from app.io.docx_writer import build_docx  # noqa: E402
from app.io.text_reader import read_text  # noqa: E402
from app.model import AgendaItem, DocumentKind, Header, Paragraph, Resolution  # noqa: E402


def _on_behalf_of() -> Resolution:
    res = sample(paragraphs=6, footnotes=1, template="ga-c3")
    res.header.symbol = "A/C.3/80/L.12"
    res.header.sponsors = ["Iraq"]
    res.header.on_behalf_of = "the Group of 77 and China"
    return res


def _security_council() -> Resolution:
    res = sample(paragraphs=8, footnotes=1, template="sc")
    res.header = Header(
        template="sc",
        year=2025,
        symbol="S/2025/812",
        date=dt.date(2025, 12, 1),
        sponsors=["France", "Sierra Leone", "United Kingdom of Great Britain and Northern Ireland"],
    )
    res.title = ""
    res.operative.append(Paragraph("Decides", "to remain actively seized of the matter"))
    return res


def _human_rights_council() -> Resolution:
    res = sample(paragraphs=6, footnotes=3, template="hrc")
    res.header = Header(
        template="hrc",
        session=60,
        symbol="A/HRC/60/L.7",
        date=dt.date(2025, 10, 2),
        agenda_items=[AgendaItem("3", "", "Promotion and protection of all human rights")],
        sponsors=["Brazil", "Portugal"],
        kind=DocumentKind.REVISED_DRAFT_RESOLUTION,
        revision=1,
    )
    return res


def _right_to_left_and_controls() -> Resolution:
    res = sample(paragraphs=6, footnotes=2)
    res.header.sponsors = [*RTL_SPONSORS, "Jordan"]
    res.title = "حقوق الطفل\u200f *Treaty* \x0b\x00"
    res.preamble[0].text += " \u202eالأمم المتحدة\u202c \x1b\ud800"
    return res


def _footnotes_everywhere() -> Resolution:
    res = sample(paragraphs=10, footnotes=0)
    for i, (_, para) in enumerate(list(res.paragraphs())):
        note = res.add_footnote(
            f"Note {i}: see *Official Records of the General Assembly*, Supplement No. {i}."
        )
        para.text += f"[^{note.id}]"
    return res


GENERATED = {
    "omnibus": lambda: omnibus(400, 50),
    "footnotes": _footnotes_everywhere,
    "on-behalf-of": _on_behalf_of,
    "security-council": _security_council,
    "hrc-a4": _human_rights_council,
    "rtl-and-controls": _right_to_left_and_controls,
}


def _convert(folder: Path, files: list[Path]) -> dict[str, Path]:
    """Convert all files in one LibreOffice run; the PDFs by stem. Skips when LibreOffice is not installed."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if not soffice:
        pytest.skip("LibreOffice (soffice) is not installed: conversion check skipped")
    out = folder / "pdf"
    profile = (folder / "lo-profile").as_uri()
    run = subprocess.run(
        [
            soffice,
            f"-env:UserInstallation={profile}",
            "--headless",
            "--norestore",
            "--convert-to",
            "pdf",
            "--outdir",
            str(out),
            *map(str, files),
        ],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert run.returncode == 0, run.stderr[-2000:]
    return {p.stem: p for p in out.glob("*.pdf")}


def _pdf_text(pdf: Path) -> str | None:
    pdftotext = shutil.which("pdftotext")
    if not pdftotext:
        return None
    return subprocess.run(
        [pdftotext, "-layout", str(pdf), "-"], capture_output=True, text=True, timeout=60
    ).stdout


def _check_pdfs(files: dict[str, tuple[Path, Resolution]], pdfs: dict[str, Path]) -> None:
    missing = sorted(set(files) - set(pdfs))
    assert not missing, f"LibreOffice made no PDF for {missing}"
    for stem, (_, res) in files.items():
        assert pdfs[stem].read_bytes()[:5] == b"%PDF-"
        text = _pdf_text(pdfs[stem])
        if text is None:
            continue
        last = res.operative[-1] if res.operative else res.preamble[-1]
        words = inline.plain(last.text).split()[:3]
        assert " ".join(words) in " ".join(text.split()), f"{stem}: last paragraph not in the PDF"


@pytest.mark.parametrize("stem", sorted(GENERATED))
def test_generated_documents_export_valid_files(stem: str) -> None:
    res = GENERATED[stem]()
    blob = build_docx(res)
    assert docx_problems(blob) == []
    back = read_docx(blob, name=f"{stem}.docx").resolution
    assert len(back.preamble) == len(res.preamble)
    assert len(back.operative) == len(res.operative)
    assert sorted(inline.plain(n.text) for n in back.footnotes.values()) == sorted(
        inline.plain(n.text) for n in res.footnotes.values()
    )


def test_footnote_on_the_title_survives_docx_export() -> None:
    res = sample(paragraphs=4, footnotes=0)
    res.title += f"[^{res.add_footnote('A note on the title.').id}]"
    back = read_docx(build_docx(res), name="title-note.docx").resolution
    assert [n.text for n in back.footnotes.values()] == ["A note on the title."]


@cache
def _corpus_models(corpus: Path) -> dict[str, Resolution]:
    """Every real UN text and UN XML file in the corpus that imports (an import may refuse, in one line)."""
    models: dict[str, Resolution] = {}
    for source in sorted(corpus.glob("*.txt")) + sorted((corpus / "originals").glob("*.xml")):
        try:
            if source.suffix == ".xml":
                res = read_akn(source.read_bytes(), name=source.name).resolution
            else:
                res = read_text(source.read_text(encoding="utf-8")).resolution
        except ResoluteError as exc:
            assert "\n" not in str(exc)
            continue
        if res.operative or res.preamble:
            models[f"{source.stem}-{source.suffix[1:]}"] = res
    return models


def test_corpus_documents_imported_then_exported_are_valid(corpus: Path) -> None:
    models = _corpus_models(corpus)
    assert len(models) >= 8
    for stem, res in models.items():
        assert docx_problems(build_docx(res)) == [], stem


def test_libreoffice_converts_the_exports(request: pytest.FixtureRequest, tmp_path: Path) -> None:
    """One soffice run for the generated documents and one corpus document per template (when the corpus is
    here): each gives a PDF with the last paragraph's words in it."""
    models = {stem: make() for stem, make in GENERATED.items()}
    try:
        corpus = request.getfixturevalue("corpus")
    except pytest.skip.Exception:
        corpus = None
    if corpus is not None:
        per_template: dict[str, tuple[str, Resolution]] = {}
        for stem, res in _corpus_models(corpus).items():
            per_template.setdefault(res.header.template, (stem, res))
        models.update(dict(per_template.values()))
    files: dict[str, tuple[Path, Resolution]] = {}
    for stem, res in models.items():
        path = tmp_path / f"{stem}.docx"
        path.write_bytes(build_docx(res))
        files[stem] = (path, res)
    _check_pdfs(files, _convert(tmp_path, [p for p, _ in files.values()]))
