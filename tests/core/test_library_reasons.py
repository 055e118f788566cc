"""Python's, the TOML parser's and the system's own reasons inside a refusal (app/reasons.py): a French or
Spanish user read "Expected '=' after a key in a key/value pair (at line 3, column 5)", "Permission denied" or
"Expecting ',' delimiter" in English inside a line in their language. Now the position or the system's refusal
is said in the user's language and the library's own words stay in the English line only.

Expected texts are the catalogs' entries, filled in with what the broken input holds (its line and column
counted from the text, not copied from the parser's message)."""

from __future__ import annotations

import errno
import json
import os
from pathlib import Path
from typing import Any

import pytest

from app import cli, interface
from app.datafile import read_toml
from app.documents import new_resolution
from app.errors import InputError, SaveError, TemplateError
from app.files import read_file
from app.messages import explain, localize
from app.reasons import system_reason, why
from app.storage import load_project, save_project

CODES = [code for code in interface.languages() if code != interface.ENGLISH]
FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"


def said(code: str, english: str, **fields: Any) -> str:
    translated = interface.message_catalog(code)[english]
    return translated.format(
        **{k: interface.number(v, code) if isinstance(v, int) else v for k, v in fields.items()}
    )


# a settings-like TOML file broken three ways, each with the line and column of the slip counted here
TOML_SLIPS = [
    ('name = "x"\nfont = 12\nlayout = \n', 3, len("layout = ") + 1),
    ('name = "x"\n[tables\nrows = 2\n', 2, len("[tables") + 1),
    ('name = "x"\nsize 12\n', 2, len("size ") + 1),
]


@pytest.mark.parametrize("code", CODES)
@pytest.mark.parametrize(("text", "line", "column"), TOML_SLIPS)
def test_a_broken_toml_file_is_refused_with_its_line_and_column_in_the_user_language(
    tmp_path: Path, code: str, text: str, line: int, column: int
) -> None:
    path = tmp_path / "settings.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(TemplateError) as refused:
        read_toml(path)
    position = said(code, "at line {line}, column {column}{words}", line=line, column=column, words="")
    assert explain(refused.value, code).endswith(f"({position})")
    english = str(refused.value)
    assert f"at line {line}, column {column}: " in english  # English keeps the parser's words after the place
    assert english.split(": ", 2)[-1].rstrip(")") not in explain(refused.value, code)


@pytest.mark.parametrize("code", CODES)
def test_a_damaged_project_file_says_where_the_json_breaks(tmp_path: Path, code: str) -> None:
    path = tmp_path / "draft.json"
    text = '{\n "format": "resolute",\n "version" 2\n}\n'
    path.write_text(text, encoding="utf-8")
    with pytest.raises(InputError) as refused:
        load_project(path)
    slip = text.splitlines()[2]
    with pytest.raises(json.JSONDecodeError) as parsed:
        json.loads(text)
    shown = explain(refused.value, code)
    position = said(code, "at line {line}, column {column}{words}", line=3, column=len(slip), words="")
    assert position in shown
    assert parsed.value.msg not in shown


@pytest.mark.parametrize("code", CODES)
@pytest.mark.parametrize("number", [errno.ENOENT, errno.EACCES, errno.ENOSPC, errno.EROFS, errno.EISDIR])
def test_the_system_refusal_is_said_by_its_number_in_the_user_language(code: str, number: int) -> None:
    exc = OSError(number, os.strerror(number))
    shown = localize(why(exc), code)
    assert shown == localize(system_reason(exc), code)
    assert shown != str(why(exc)) and os.strerror(number) not in shown


@pytest.mark.parametrize("code", CODES)
def test_an_unknown_system_error_keeps_its_number_and_its_words_in_english_only(code: str) -> None:
    exc = OSError(errno.EPROTO, os.strerror(errno.EPROTO))
    assert localize(why(exc), code) == said(
        code, "system error {number}{words}", number=str(errno.EPROTO), words=""
    )
    assert str(why(exc)) == f"system error {errno.EPROTO}: {os.strerror(errno.EPROTO)}"


@pytest.mark.parametrize("code", CODES)
def test_a_missing_file_is_refused_in_the_user_language(tmp_path: Path, code: str) -> None:
    with pytest.raises(InputError) as refused:
        read_file(tmp_path / "gone.docx", 1000)
    expected = said(
        code, "cannot read {name}: {why}", name="gone.docx", why=said(code, "no such file or folder")
    )
    assert explain(refused.value, code).lower() == expected.lower()


@pytest.mark.parametrize("code", CODES)
def test_a_save_the_disk_refuses_is_said_in_the_user_language(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, code: str
) -> None:
    def full(*args: Any, **kwargs: Any) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(os, "fsync", full)
    with pytest.raises(SaveError) as refused:
        save_project(new_resolution("ga-c3"), tmp_path / "x.json")
    shown = explain(refused.value, code)
    assert said(code, "the disk is full") in shown and os.strerror(errno.ENOSPC) not in shown


def test_check_lang_says_a_missing_file_without_english(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    for code in CODES:
        try:
            assert cli.run(["check", str(tmp_path / "gone.txt"), "--lang", code]) == 2
        finally:
            interface.use(interface.ENGLISH)
        err = capsys.readouterr().err
        assert said(code, "no such file or folder") in err and os.strerror(errno.ENOENT) not in err


@pytest.mark.parametrize("code", CODES)
def test_a_broken_xml_file_says_its_line_in_the_user_language(code: str) -> None:
    from lxml import etree

    from app.io.safe_xml import parse_xml

    data = b"<akomaNtoso>\n<act><p>text</q></act></akomaNtoso>"
    with pytest.raises(InputError) as refused:
        parse_xml(data, name="draft.xml")
    with pytest.raises(etree.XMLSyntaxError) as parsed:
        etree.fromstring(data)
    line, column = parsed.value.position
    assert line == 2  # the broken tag's line
    position = said(code, "at line {line}, column {column}{words}", line=line, column=column, words="")
    shown = explain(refused.value, code)
    assert shown.endswith(f"({position})") and "mismatch" not in shown
    assert "mismatch" in str(refused.value)  # the English line keeps lxml's words
