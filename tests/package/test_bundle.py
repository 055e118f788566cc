"""The standalone build (scripts/package.py) runs with no Python: the CLI exports and the editor starts.

Building takes minutes, so these run only when dist/resolute exists or RESOLUTE_PACKAGE_TEST=1 (then a missing
bundle is a failure). The bundle is started with a minimal environment: no virtualenv, no PYTHONPATH.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import docx
import pytest
from pdfminer.high_level import extract_text

from app import __version__
from app.io.reading import read_document
from app.render import render

ROOT = Path(__file__).resolve().parent.parent.parent
BUNDLE = ROOT / "dist" / "resolute"
EXE = BUNDLE / ("resolute.exe" if sys.platform == "win32" else "resolute")
DRAFT = ROOT / "tests" / "fixtures" / "corpus" / "000_142118633ec4707d.txt"

pytestmark = pytest.mark.skipif(
    not EXE.exists() and not os.environ.get("RESOLUTE_PACKAGE_TEST"),
    reason="no bundle: build it with python3 dev.py package (or set RESOLUTE_PACKAGE_TEST=1 to require it)",
)


def _run(args: list[str], tmp_path: Path, **extra: str) -> subprocess.CompletedProcess[str]:
    assert EXE.exists(), f"{EXE} is missing: python3 dev.py package"
    env = {"HOME": str(tmp_path), "RESOLUTE_DATA_DIR": str(tmp_path / "data"), **extra}
    if os.name == "nt":  # the system folders only
        root = os.environ.get("SYSTEMROOT", r"C:\Windows")
        env |= {"SYSTEMROOT": root, "PATH": os.pathsep.join([root, os.path.join(root, "System32")])}
    else:
        env["PATH"] = os.pathsep.join(["/usr/bin", "/bin"])
    return subprocess.run(
        [str(EXE), *args], env=env, cwd=tmp_path, capture_output=True, text=True, timeout=180
    )


def test_bundle_version_is_the_projects(tmp_path: Path) -> None:
    done = _run(["--version"], tmp_path)
    assert done.returncode == 0 and done.stdout.strip() == f"resolute {__version__}"


def test_bundle_exports_docx_and_pdf(tmp_path: Path) -> None:
    res = read_document(DRAFT).resolution
    last = render(res).blocks[-1].spans[0].text.split()[:6]
    for name in ("out.docx", "out.pdf"):
        done = _run(["export", str(DRAFT), "-o", name], tmp_path, QT_QPA_PLATFORM="offscreen")
        assert done.returncode == 0, done.stderr
        out = tmp_path / name
        text = (
            "\n".join(p.text for p in docx.Document(str(out)).paragraphs)
            if name.endswith(".docx")
            else extract_text(str(out))
        )
        assert " ".join(last) in " ".join(text.split()), name


def test_bundle_editor_starts_and_quits_after_first_paint(tmp_path: Path) -> None:
    done = _run([], tmp_path, QT_QPA_PLATFORM="offscreen", RESOLUTE_QUIT_AFTER_PAINT="1")
    assert done.returncode == 0, done.stderr
    assert f"resolute {__version__}: editor started" in done.stdout
    assert "Traceback" not in done.stderr, done.stderr


def test_bundle_editor_speaks_french_with_qts_own_words(tmp_path: Path) -> None:
    """The catalogs (resources/interface) and Qt's qtbase_fr.qm travel in the bundle."""
    data = tmp_path / "data"
    data.mkdir()
    (data / "settings.ini").write_text("[view]\ninterface=fr\n", encoding="utf-8")
    done = _run([], tmp_path, QT_QPA_PLATFORM="offscreen", RESOLUTE_QUIT_AFTER_PAINT="1")
    assert done.returncode == 0, done.stderr
    assert "editor started (interface fr, with Qt's translation)" in done.stdout, done.stdout


def test_bundle_opens_an_issued_pdf(tmp_path: Path) -> None:
    """PDFium's library travels in the bundle: the issued PDF exports as the same draft its reader reads here."""
    pdf = ROOT / "tests" / "fixtures" / "reading" / "A_C.1_80_L.51.pdf"
    want = read_document(pdf).resolution
    done = _run(["export", str(pdf), "-o", "out.docx"], tmp_path)
    assert done.returncode == 0, done.stderr
    text = " ".join(p.text for p in docx.Document(str(tmp_path / "out.docx")).paragraphs)
    assert want.title in text  # (the symbol prints in the page-1 header's masthead)
    assert " ".join(render(want).blocks[-1].spans[0].text.split()[:6]) in " ".join(text.split())
