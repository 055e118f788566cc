"""A delegation edits the data files that hold the conventions (an organ template, a style rule) and breaks one
as people do: a field left out, a TOML slip, a regular expression that does not compile. The refusal names the
file and the field or line, and reads in the language the editor or `check --lang` speaks: each expected text
below is the catalog's own French or Spanish entry filled in with what the broken copy holds (these refusals
were English sentences whatever the language).
"""

from __future__ import annotations

import re
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from app import cli, interface
from app.conventions.engine import check_document
from app.datafile import TOMLDecodeError, parse_toml
from app.errors import TemplateError
from app.io.reading import read_document
from app.messages import explain, localize, reason
from app.paths import resource, templates_dir
from app.spelling import SpellingSettings
from app.spelling.rules import load_style
from app.templates import all_templates, get_template, load_template, template_name

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
CODES = [code for code in interface.languages() if code != interface.ENGLISH]
TEMPLATE = "ga-c3.toml"  # a real organ template, copied and broken
RULE = "Programme.toml"  # a real rule of the UN style, with a swap table of patterns


def said(code: str, english: str, **fields: Any) -> str:
    """The catalog's entry for `english` in language `code`, filled in (a field is itself said so already)."""
    translated = interface.message_catalog(code)[english]
    shown = {k: interface.number(v, code) if isinstance(v, int) else v for k, v in fields.items()}
    return translated.format(**shown)


def _without_field(text: str, key: str) -> str:
    kept = [line for line in text.splitlines() if not re.match(rf"\s*{key}\s*=", line)]
    assert len(kept) == len(text.splitlines()) - 1  # the real file sets the field once
    return "\n".join(kept) + "\n"


def _toml_reason(text: str, broken_line: str, code: str) -> str:
    """The position of the slip in the user's language: the line the copy broke, the column after its last
    character (where the parser wanted a value); the parser's own English words stay out."""
    with pytest.raises(TOMLDecodeError):
        parse_toml(text)
    line = text.splitlines().index(broken_line) + 1
    return said(
        code, "at line {line}, column {column}{words}", line=line, column=len(broken_line) + 1, words=""
    )


# each case: how the copy of the real template is broken, and the refusal the catalog says for it
def _missing_paper(text: str, code: str) -> tuple[str, str]:
    return _without_field(text, "paper"), said(
        code, "{name}: missing field '{field}'", name=TEMPLATE, field="paper"
    )


def _bad_toml(text: str, code: str) -> tuple[str, str]:
    broken = text.replace("has_title = true", "has_title = ", 1)
    why = _toml_reason(broken, "has_title = ", code)
    return broken, said(code, "{name}: not valid TOML ({reason})", name=TEMPLATE, reason=why)


def _paper_not_known(text: str, code: str) -> tuple[str, str]:
    paper = parse_toml(text)["paper"]
    broken = text.replace(f'paper = "{paper}"', 'paper = "legal"', 1)
    return broken, said(
        code, '{name}: field \'{field}\' must be "letter" or "a4"', name=TEMPLATE, field="paper"
    )


def _title_not_a_flag(text: str, code: str) -> tuple[str, str]:
    broken = text.replace("has_title = true", 'has_title = "yes"', 1)
    expected = said(
        code,
        "{name}: field '{field}' must be true or false, not {value}",
        name=TEMPLATE,
        field="has_title",
        value=repr("yes"),
    )
    return broken, expected


BREAKS: list[Callable[[str, str], tuple[str, str]]] = [
    _missing_paper,
    _bad_toml,
    _paper_not_known,
    _title_not_a_flag,
]


@pytest.mark.parametrize("code", CODES)
@pytest.mark.parametrize("breaking", BREAKS, ids=lambda f: f.__name__.strip("_"))
def test_a_broken_template_is_refused_in_the_interface_language(
    tmp_path: Path, code: str, breaking: Callable[[str, str], tuple[str, str]]
) -> None:
    broken, expected = breaking((templates_dir() / TEMPLATE).read_text(encoding="utf-8"), code)
    path = tmp_path / TEMPLATE
    path.write_text(broken, encoding="utf-8")
    with pytest.raises(TemplateError) as refused:
        load_template(path)
    assert explain(refused.value, code) == localize(reason(refused.value), code) == expected
    assert explain(refused.value, interface.ENGLISH) == str(refused.value) != expected  # English as before


def _broken_style(tmp_path: Path) -> tuple[Path, str, int, int]:
    """A copy of the UN style with one swap pattern of a real rule made unbalanced: (the folder, the bad
    pattern, its line in the file, the index of the bracket left open)."""
    folder = tmp_path / "UN"
    shutil.copytree(resource("styles", "UN"), folder)
    path = folder / RULE
    lines = path.read_text(encoding="utf-8").splitlines()
    swap = lines.index("[swap]") + 1  # the first pattern of the swap table
    pattern = parse_toml(lines[swap])
    key = next(iter(pattern))
    bad = key + "("
    lines[swap] = lines[swap].replace(key, bad, 1)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(re.error):
        re.compile(bad)
    return folder, bad, swap + 1, bad.rindex("(")  # Python's re says where the bracket it cannot close opens


def _pattern_reason(code: str, at: int) -> str:
    """Where the pattern fails, in the user's language (the character counted from 1); re's English words out."""
    return said(code, "not a valid pattern at character {position}{words}", position=at + 1, words="")


def _bad_pattern(code: str, bad: str, line: int, at: int) -> str:
    where = said(code, "{name}, line {line}", name=RULE, line=line)
    problem = said(
        code, "bad pattern {pattern}: {reason}", pattern=repr(bad)[:80], reason=_pattern_reason(code, at)
    )
    return said(code, "{name}: {reason}", name=where, reason=problem)


@pytest.mark.parametrize("code", CODES)
def test_a_rule_with_a_bad_pattern_is_refused_with_its_line(tmp_path: Path, code: str) -> None:
    folder, bad, line, at = _broken_style(tmp_path)
    with pytest.raises(TemplateError) as refused:
        load_style(folder)
    assert f"{RULE}, line {line}: bad pattern" in str(refused.value)  # the English names file and line
    assert explain(refused.value, code) == _bad_pattern(code, bad, line, at)


@pytest.mark.parametrize("code", CODES)
def test_the_checks_finding_for_a_broken_style_reads_in_the_interface_language(
    tmp_path: Path, code: str
) -> None:
    folder, bad, line, at = _broken_style(tmp_path)
    res = read_document(FIXTURES / "cli" / "clean.txt").resolution
    speller = SpellingSettings(personal_dictionary=None, styles=(folder,))
    failed = [f for f in check_document(res, speller=speller) if f.rule == "style.failed"]
    assert failed  # the check goes on without the style and says why
    expected = said(code, "The spelling and style check failed: {exc}", exc=_bad_pattern(code, bad, line, at))
    assert {localize(f.message, code) for f in failed} == {expected}


@pytest.mark.parametrize("code", CODES)
def test_a_draft_naming_an_unknown_template_is_checked_as_the_plenary_and_says_so(code: str) -> None:
    res = read_document(FIXTURES / "cli" / "clean.txt").resolution
    res.header.template = "ga-c9"
    note = next(f for f in check_document(res) if f.rule == "header.template")
    plenary = get_template("ga-plenary")
    refusal = said(code, "no template '{id}' (known: {known})", id="ga-c9", known=", ".join(all_templates()))
    expected = said(
        code, "{exc}; checked as {name}.", exc=refusal, name=template_name(plenary.id, plenary.name, code)
    )
    assert localize(note.message, code) == expected


@pytest.fixture
def broken_templates(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """The shipped templates, copied, with the Third Committee's `paper` left out; the app reads these."""
    folder = tmp_path / "templates"
    shutil.copytree(templates_dir(), folder)
    path = folder / TEMPLATE
    path.write_text(_without_field(path.read_text(encoding="utf-8"), "paper"), encoding="utf-8")
    monkeypatch.setattr("app.templates.templates_dir", lambda: folder)
    all_templates.cache_clear()
    yield folder
    monkeypatch.undo()
    all_templates.cache_clear()


@pytest.mark.parametrize("code", CODES)
def test_check_says_a_broken_template_in_the_language_asked_for(
    broken_templates: Path, code: str, capsys: pytest.CaptureFixture[str]
) -> None:
    try:
        status = cli.run(["check", str(FIXTURES / "cli" / "clean.txt"), "--lang", code])
    finally:
        interface.use(interface.ENGLISH)
    err = capsys.readouterr().err
    assert status == 2
    expected = said(code, "{name}: missing field '{field}'", name=TEMPLATE, field="paper")
    assert err == f"resolute: {expected}\n"
