"""The name an export or save is written under: a name ending in another file type is refused, a name ending in
none (a symbol's ".20") gets the command's; and a date typed in any of the editor's draft languages is read."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.errors import InputError
from app.export_names import FILE_TYPES, named_for
from app.languages import all_languages, read_date


@pytest.mark.parametrize("suffix", [".docx", ".pdf", ".xml", ".json"])
def test_another_file_type_is_refused_and_its_own_kept(suffix: str) -> None:
    for other in FILE_TYPES - {suffix}:
        with pytest.raises(InputError, match=r"Nothing was written"):
            named_for(Path("draft" + other.upper()), suffix)
    assert named_for(Path("x/draft" + suffix.upper()), suffix) == Path("x/draft" + suffix.upper())


@given(st.from_regex(r"[A-Z]_C\.[1-6]_[0-9]{2}_L\.[0-9]{1,3}(/Rev\.[0-9])?", fullmatch=True))
def test_a_symbol_like_name_gets_the_ending(stem: str) -> None:
    stem = stem.replace("/", "_")
    assert named_for(Path(stem), ".docx") == Path(stem + ".docx")


@given(st.dates(min_value=dt.date(1946, 1, 1), max_value=dt.date(2100, 12, 31)))
def test_a_date_printed_in_any_language_reads_back(day: dt.date) -> None:
    for code, lang in all_languages().items():
        printed = lang.format_date(day)
        assert read_date(printed) == day, (code, printed)
        assert read_date(printed.upper(), language=code) == day, (code, printed)
    assert read_date(day.isoformat()) == day
    assert read_date(f"{day.day} {day.year}") is None
