"""`resolute check --lang fr|es` says each finding's place and severity in the reader's language: they printed
"header: warning:" and "Annex para. 4: info:" in English whatever --lang asked for. Expected words come from the
catalogs (resources/interface/), set against the same file's English lines; numbers and labels stay as printed."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from app import cli, interface
from app.findings import Severity

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
# UN XML with findings in the header, an annex, a text adopted with no "Annex" line, and parts with sections
FILES = [
    FIXTURES / "akn" / "A_RES_80_5-2517700E.xml",
    FIXTURES / "akn" / "A_RES_79_1-2416433E.xml",
    FIXTURES / "akn" / "A_RES_79_259-2424702E.xml",
]
CODES = [code for code in interface.languages() if code != interface.ENGLISH]
# the English words render.place_names builds a place of, and "header" for a finding on no paragraph
_RAW_ID = re.compile("[0-9a-f]{10}")
PLACE_WORDS = ["instruction", "quoted text", "of section", "Adopted text", "Annex", "para.", "Table"]


def _lines(path: Path, code: str, capsys: pytest.CaptureFixture[str]) -> list[tuple[str, str]]:
    """(place, severity) of each finding line of `resolute check FILE --lang code`."""
    try:
        cli.run(["check", str(path), "--lang", code])
    finally:
        interface.use(interface.ENGLISH)
    out = capsys.readouterr().out.splitlines()[:-1]  # the last line counts them
    prefix = f"{path.name}: "
    assert out and all(line.startswith(prefix) for line in out)
    return [tuple(line[len(prefix) :].split(": ")[:2]) for line in out]  # type: ignore[misc]


def _said(english_place: str, code: str) -> str:
    messages = interface.message_catalog(code)
    if english_place == "header":
        return messages["header"]
    pattern = re.compile("|".join(re.escape(w) for w in PLACE_WORDS))
    return pattern.sub(lambda m: messages[m.group(0)], english_place)


@pytest.mark.parametrize("code", CODES)
@pytest.mark.parametrize("path", FILES, ids=lambda p: p.stem)
def test_places_and_severities_in_the_reader_language(
    path: Path, code: str, capsys: pytest.CaptureFixture[str]
) -> None:
    english = _lines(path, interface.ENGLISH, capsys)
    said = _lines(path, code, capsys)
    assert len(said) == len(english)
    messages = interface.message_catalog(code)
    severities = {s.value: messages[s.value] for s in Severity}
    translated = 0
    for (place, severity), (english_place, english_severity) in zip(said, english, strict=True):
        assert severity == severities[english_severity]
        if _RAW_ID.fullmatch(english_place):  # a note's finding names no paragraph (a new id at each reading)
            assert _RAW_ID.fullmatch(place)
            continue
        assert place == _said(english_place, code)
        translated += place != english_place
    assert translated  # each file has a place with words in it (the header at least)


def test_every_file_names_a_place_with_words(capsys: pytest.CaptureFixture[str]) -> None:
    """The files hold the kinds of place this test is about: the header, an annex, an adopted text, a section."""
    places = {place for path in FILES for place, _ in _lines(path, interface.ENGLISH, capsys)}
    for word in ("header", "Annex", "para.", "Adopted text", "of section"):
        assert any(word in place for place in places), word
