"""The fifteenth hostile pass (docs/hardening-log.md, "Fifteenth pass"): each test fails on the code before it."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.export_names import MAX_STEM, suggested_stem
from app.spelling import personal
from app.spelling.personal import PersonalDictionary

_WORDS = ["Zorblax", "Quuxify", "Ndjamena"]


@pytest.mark.parametrize("encoding", ["utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "utf-32"])
@pytest.mark.parametrize("newline", ["\n", "\r\n"])
def test_a_personal_dictionary_saved_by_a_windows_editor_keeps_every_word(
    tmp_path: Path, encoding: str, newline: str
) -> None:
    # Notepad's "UTF-8 with BOM" lost the first word to the mark, its "Unicode" (UTF-16) every word to NULs
    path = tmp_path / "personal.txt"
    path.write_bytes((newline.join(_WORDS) + newline).encode(encoding))
    d = PersonalDictionary(path)
    assert sorted(d.words()) == sorted(_WORDS)
    assert all(word in d for word in _WORDS) and not d.partial
    d.add("Blorvath")  # read whole, so written whole (as UTF-8): every word still in it
    assert sorted(PersonalDictionary(path).words()) == sorted([*_WORDS, "Blorvath"])


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be", "utf-32-le"])
def test_a_word_added_to_a_wide_dictionary_read_in_part_is_written_in_its_encoding(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, encoding: str
) -> None:
    monkeypatch.setattr(personal, "MAX_BYTES", 4096)
    words = [f"Word{chr(97 + n % 26)}{chr(97 + n // 26 % 26)}" for n in range(600)]
    path = tmp_path / "personal.txt"
    raw = ("\ufeff" + "\n".join(words) + "\n").encode(encoding)
    assert len(raw) > 4096
    path.write_bytes(raw)
    d = PersonalDictionary(path)
    assert d.partial and 0 < len(d) < len(words) and all(word in words for word in d.words())
    d.add("Blorvath")  # appended after the rest, untouched, in the file's own encoding
    assert path.read_bytes() == raw + "Blorvath\n".encode(encoding)
    assert path.read_bytes().decode(encoding).split() == ["\ufeff" + words[0], *words[1:], "Blorvath"]


def test_a_word_holding_a_control_character_is_no_word(tmp_path: Path) -> None:
    path = tmp_path / "personal.txt"
    path.write_bytes(b"Zorb\x00lax\nQuux\x01ify\nNdjamena\n")
    d = PersonalDictionary(path)
    assert d.words() == ["Ndjamena"] and d.partial  # left out, and the file never written whole again


@given(st.text(max_size=400))
@settings(max_examples=300, deadline=None)
def test_any_symbol_gives_a_file_name_every_platform_takes(symbol: str) -> None:
    stem = suggested_stem(symbol)
    assert 0 < len(stem.encode("utf-8")) <= MAX_STEM
    assert not set(stem) & set('/\\:*?"<>|\x00') and stem == stem.strip(". ")
    assert stem.split(".")[0].upper() not in {"CON", "PRN", "AUX", "NUL", *(f"COM{n}" for n in range(10))}
    assert stem == suggested_stem(stem)  # a name offered again is the same name
