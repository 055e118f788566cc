"""The command line never destroys an input, gives a bug its own exit code, opens unknown templates."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from app import cli
from app.model import Paragraph, Resolution
from app.storage import dumps

CORPUS = Path(__file__).resolve().parents[1] / "fixtures" / "corpus"


@pytest.mark.parametrize("command", [["export", "{a}", "-o", "{a}"], ["compare", "{a}", "{b}", "-o", "{b}"]])
def test_an_output_that_is_an_input_is_refused_and_the_input_kept(
    tmp_path: Path, command: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    shutil.copy(CORPUS / "A_80_L.6.txt", a)
    shutil.copy(CORPUS / "A_80_L.6.txt", b)
    before = a.read_bytes()
    assert cli.run([part.format(a=a, b=b) for part in command]) == 2
    assert a.read_bytes() == before and b.read_bytes() == before
    err = capsys.readouterr().err.strip()
    assert "\n" not in err and "reads" in err


def test_a_bug_exits_3_with_one_line(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    def broken(*args, **kwargs):  # noqa: ANN002, ANN003, ANN202
        raise KeyError("something we did not expect")

    monkeypatch.setattr("app.conventions.engine.check_document", broken)
    assert cli.run(["check", str(CORPUS / "A_80_L.6.txt")]) == cli.EXIT_INTERNAL == 3
    err = capsys.readouterr().err.strip()
    assert err.startswith("resolute: internal error (KeyError") and "\n" not in err


def test_a_project_with_an_unknown_template_opens_with_the_default(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = json.loads(dumps(Resolution(title="T", operative=[Paragraph("Decides", "to act")])))
    data["header"]["template"] = "ga-c9"
    path = tmp_path / "future.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    assert cli.run(["check", str(path)]) in (0, 1)
    assert "ga-c9" in capsys.readouterr().out
    assert cli.run(["export", str(path), "-o", str(tmp_path / "out.docx")]) == 0
