"""A personal dictionary past its bound (app/spelling/personal.py) is not refused whole: the words of its whole
lines within MAX_BYTES are used, one line says so (English, French, Spanish), and the file is never written
whole again (a word added is appended, a removal refused), so nothing past the bound is lost. Lines that are no
word are left out and the rest kept. The session reads it lazily (its warm-up runs on the spelling thread)."""

from __future__ import annotations

import random
import string
from pathlib import Path

import pytest

from app import interface
from app.errors import InputError
from app.messages import localize
from app.spelling import personal
from app.spelling.session import SpellingSession

BOUND = 4096


def _words(n: int, seed: int = 1) -> list[str]:
    rnd = random.Random(seed)
    return ["".join(rnd.choice(string.ascii_letters) for _ in range(rnd.randint(3, 12))) for _ in range(n)]


@pytest.fixture
def bound(monkeypatch: pytest.MonkeyPatch) -> int:
    monkeypatch.setattr(personal, "MAX_BYTES", BOUND)
    return BOUND


def test_a_dictionary_past_its_bound_keeps_the_words_of_its_whole_lines(tmp_path: Path, bound: int) -> None:
    words = _words(2000)
    path = tmp_path / "personal.txt"
    raw = ("\n".join(words) + "\n").encode()
    path.write_bytes(raw)
    within = raw[: raw.rfind(b"\n", 0, bound + 1) + 1].decode().split()  # whole lines within the bound
    assert 0 < len(within) < len(words)
    d = personal.PersonalDictionary(path)
    assert sorted(d.words(), key=str.lower) == sorted({w.lower(): w for w in within}.values(), key=str.lower)
    assert d.note == (
        f"the personal dictionary personal.txt is larger than 0 MB: only its first {len(d)} words are used"
    )
    for code in ("fr", "es"):
        said = localize(d.note, code)
        assert said != d.note and str(len(d)) in said and "personal.txt" in said

    d.add("Zyxwvutsrq")  # appended: every word past the bound is still in the file
    assert path.read_bytes() == raw + b"Zyxwvutsrq\n"
    with pytest.raises(InputError, match="read in part"):
        d.remove(within[0])
    assert path.read_bytes().startswith(raw)


def test_lines_that_are_no_words_are_left_out_and_the_file_kept(tmp_path: Path) -> None:
    path = tmp_path / "personal.txt"
    raw = (
        b"Alpha\n\xff\xfe broken\nBeta\n"
        + b"x" * (personal.MAX_WORD + 1)
        + b"\ntwo words\n# a comment\nGamma"
    )
    path.write_bytes(raw)
    d = personal.PersonalDictionary(path)
    assert d.words() == ["Alpha", "Beta", "Gamma"] and d.note == ""
    d.add("Delta")
    assert path.read_bytes() == raw + b"\nDelta\n"


def test_the_session_reads_the_dictionary_in_its_warm_up_not_when_made(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "personal.txt"
    path.write_text("Qwertyuiop\n", encoding="utf-8")
    reads: list[Path] = []
    real = personal.read_file
    monkeypatch.setattr(personal, "read_file", lambda p, *a, **k: (reads.append(p), real(p, *a, **k))[1])
    session = SpellingSession(path)
    assert reads == []
    session.warm_up()
    assert path in reads and session.misspelt("Qwertyuiop") == []
    assert interface.current() == interface.ENGLISH
