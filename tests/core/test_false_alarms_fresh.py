"""scripts/false_alarms_fresh.py: which issued drafts count as fresh, how they are split, and that the fresh
held-out half shows its summary lines only. The answers come from the UN's file naming and from SHA-256
itself, not from the script."""

from __future__ import annotations

import hashlib
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from scripts.false_alarms_fresh import collect, fresh, fresh_half, main, organ_of, symbol_of
from scripts.false_alarms_l import held_out

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
DRAFT_TEXT = FIXTURES / "corpus" / "A_C.3_80_L.20.txt"
DRAFT_PDF = FIXTURES / "pdf" / "A_C.2_80_L.23.pdf"


def _symbols(pattern: str, half: str, count: int) -> list[str]:
    """`count` symbols of the pattern that the existing split keeps and the fresh split puts in `half`, chosen by
    SHA-256 directly."""
    out = []
    for n in range(1, 1000):
        s = pattern.format(n)
        first = hashlib.sha256(s.encode()).digest()[0]
        fresh_first = hashlib.sha256(f"fresh:{s}".encode()).digest()[0]
        if first % 2 == 0 and ("held-out" if fresh_first % 2 else "dev") == half:
            out.append(s)
        if len(out) == count:
            return out
    raise AssertionError(f"no symbols for {pattern}")


@pytest.mark.parametrize(
    ("name", "symbol", "organ"),
    [
        ("A_C.3_80_L.20.pdf", "A/C.3/80/L.20", "GA"),
        ("A_80_L.6.txt", "A/80/L.6", "GA"),
        ("A_ES-11_L.5.pdf", "A/ES-11/L.5", "GA"),
        ("A_HRC_58_L.12_Rev.1.pdf", "A/HRC/58/L.12/Rev.1", "HRC"),
        ("E_2025_L.3.json", "E/2025/L.3", "ECOSOC"),
        ("S_2024_302-EN.pdf", "S/2024/302", "SC"),
    ],
)
def test_a_draft_file_name_gives_its_symbol_and_organ(name: str, symbol: str, organ: str) -> None:
    assert symbol_of(name) == symbol
    assert organ_of(symbol) == organ


@pytest.mark.parametrize(
    "name",
    ["S_2024_302-FR.pdf", "A_RES_80_4.txt", "A_80_590.pdf", "S_RES_2719_2024.txt", "A_C.3_80_L.20.docx"],
)
def test_other_languages_resolutions_reports_and_other_kinds_are_not_drafts(name: str) -> None:
    assert symbol_of(name) is None


def test_the_fresh_split_is_its_own_rule() -> None:
    """ "fresh:" + symbol, first byte even dev: not the existing split again (that would make one half empty)."""
    symbols = [f"A/C.{c}/81/L.{n}" for c in range(1, 7) for n in range(1, 60)]
    for s in symbols:
        assert fresh_half(s) == (
            "held-out" if hashlib.sha256(f"fresh:{s}".encode()).digest()[0] % 2 else "dev"
        )
    kept = [s for s in symbols if not held_out(s)]
    assert {fresh_half(s) for s in kept} == {"dev", "held-out"}


def test_known_and_held_out_symbols_are_dropped(tmp_path: Path) -> None:
    keep = _symbols("A/C.1/99/L.{}", "dev", 2) + _symbols("S/2099/{}", "held-out", 1)
    known = _symbols("A/C.4/99/L.{}", "dev", 1)
    kept_out = next(s for s in (f"A/C.6/99/L.{n}" for n in range(1, 100)) if held_out(s))
    for s in [*keep, *known, kept_out]:
        (tmp_path / (s.replace("/", "_") + ".txt")).write_text("text", encoding="utf-8")
    found = collect([tmp_path])
    assert set(found) == {*keep, *known, kept_out}
    assert list(fresh(found, set(known))) == sorted(keep)


def test_a_pdf_is_preferred_to_the_same_drafts_text(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "A_C.2_99_L.1.txt").write_text("text", encoding="utf-8")
    shutil.copy(DRAFT_PDF, tmp_path / "A_C.2_99_L.1-EN.pdf")
    assert collect([tmp_path]) == {"A/C.2/99/L.1": (".pdf", DRAFT_PDF.read_bytes())}


@pytest.mark.skipif(not shutil.which("git"), reason="git is not installed")
def test_a_git_directory_is_read_at_its_head(tmp_path: Path) -> None:
    work = tmp_path / "work"
    work.mkdir()
    (work / "data").mkdir()
    shutil.copy(DRAFT_TEXT, work / "data" / "S_2099_4.txt")
    git = ["git", "-C", str(work), "-c", "user.name=t", "-c", "user.email=t@t"]
    subprocess.run([*git[:3], "init", "-q"], check=True)
    subprocess.run([*git, "add", "."], check=True)
    subprocess.run([*git, "commit", "-qm", "one"], check=True)
    (work / "data" / "S_2099_4.txt").unlink()  # gone from the work tree, kept in HEAD
    assert collect([work / ".git"]) == {"S/2099/4": (".txt", DRAFT_TEXT.read_bytes())}


def test_the_held_out_half_prints_summary_lines_only(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    """The same text, with a doubled word, in each half: dev names the rule, held-out gives its lines alone."""
    text = DRAFT_TEXT.read_text(encoding="utf-8").replace(" the ", " the the ", 1)
    (dev,) = _symbols("A/C.2/99/L.{}", "dev", 1)
    (out,) = _symbols("A/C.2/99/L.{}", "held-out", 1)
    for s in (dev, out):
        (tmp_path / (s.replace("/", "_") + ".txt")).write_text(text, encoding="utf-8")
    main([str(tmp_path), "--examples", "1"])
    lines = capsys.readouterr().out.splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith("held-out"))
    assert lines[0].startswith("2 drafts found, 2 fresh")
    dev_part, held_part = lines[1:start], lines[start:]
    assert re.match(r"dev \(text as given\): 1 texts, [\d,]+ words, [1-9]\d* errors", dev_part[0])
    assert any(line.startswith("  dev GA: 1 texts") for line in dev_part)
    assert any(re.match(r"\s+\d+ \S", line) for line in dev_part), "dev names the rules that fire"
    assert re.match(r"held-out \(text as given\): 1 texts, [\d,]+ words, [1-9]\d* errors", held_part[0])
    assert held_part[1:] == [held_part[1]] and held_part[1].startswith("  held-out GA: 1 texts")
    assert dev not in "\n".join(held_part) and out not in "\n".join(lines)
