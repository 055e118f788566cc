"""LibreOffice in the tests: the one way to find it, to convert files with it and to run its own Accept All and
Reject All. Every run gets a throwaway profile under the test's tmp_path, so tests never share one and a
delegate's own LibreOffice settings never reach them. A test that needs LibreOffice skips with a message where it
is not installed (the CI installs it where it can)."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

RESOLVE_SCRIPT = Path(__file__).resolve().parent / "fixtures" / "compare" / "lo_resolve.py"
TEXT = "txt:Text (encoded):UTF8"  # the filter that writes a document's text as UTF-8


def soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def need_soffice(why: str, *tools: str) -> str:
    """LibreOffice's command (and `tools`, such as pdftotext, on the PATH), else the test is skipped saying `why`."""
    found = soffice()
    if not found or not all(shutil.which(tool) for tool in tools):
        pytest.skip(
            f"LibreOffice (soffice){' and ' + ', '.join(tools) if tools else ''} not installed: {why}"
        )
    return found


def convert(tmp_path: Path, *files: Path, to: str = "pdf", outdir: Path | None = None) -> Path:
    """Convert `files` with LibreOffice (`to`: "pdf", "docx", TEXT …) into `outdir` (default `tmp_path`), failing
    the test with LibreOffice's message if it cannot; returns the folder."""
    out = outdir or tmp_path
    result = subprocess.run(
        [
            need_soffice("cannot convert the files"),
            f"-env:UserInstallation={(tmp_path / 'profile').as_uri()}",
            "--headless",
            "--convert-to",
            to,
            "--outdir",
            str(out),
            *map(str, files),
        ],
        capture_output=True,
        text=True,
        timeout=180,
    )
    assert result.returncode == 0, result.stderr
    return out


def uno_python() -> str | None:
    """A Python that can import LibreOffice's `uno` module (the system one on Linux)."""
    for candidate in ("/usr/bin/python3", shutil.which("python3")):
        if candidate and Path(candidate).exists():
            probe = subprocess.run([candidate, "-c", "import uno"], capture_output=True)
            if probe.returncode == 0:
                return candidate
    return None


def accept_and_reject_all(tmp_path: Path, src: Path) -> tuple[Path, Path]:
    """LibreOffice's Accept All and Reject All on the tracked file `src`, through its Python bridge: the text of
    each result (accept.txt, reject.txt in `tmp_path`). Skips where LibreOffice or its bridge is missing."""
    office, python = soffice(), uno_python()
    if not office or not python:
        pytest.skip("LibreOffice with its Python bridge (uno) is not installed here")
    accepted, rejected = tmp_path / "accept.txt", tmp_path / "reject.txt"
    profile = (tmp_path / "profile").as_uri()
    args = [python, str(RESOLVE_SCRIPT), office, profile, str(src), str(accepted), str(rejected)]
    result = subprocess.run(args, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    return accepted, rejected
