"""A French or Spanish rollover moves the organ's session ordinals on ("à sa soixante-dix-neuvième session" →
"quatre-vingtième", "en su septuagésimo noveno período de sesiones" → "octogésimo"); they stayed as adopted.

The ordinal words (app/ordinals.py) are held to the UN's own: every "Documents officiels de l’Assemblée
générale, soixante-dix-huitième session, … (A/78/…)" and "Documentos Oficiales …, septuagésimo octavo período de
sesiones, … (A/78/…)" citation of the French and Spanish UN XML in tests/fixtures/languages pairs the words with
the number of the symbol; each resolution's session line ("Quatre-vingtième session") with its own symbol. The
header's session line is built from the same words by rule (resources/languages/*.toml `session_words`).
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from app.io.akn_reader import read_akn
from app.languages import get_language
from app.ordinals import ordinal_in, parse_ordinal_in
from app.rollover import rollover

LANGUAGES = Path(__file__).resolve().parent.parent / "fixtures" / "languages"
SUFFIX = {"fr": "F", "es": "S"}
_TAGS = re.compile(r"<[^>]+>")
CITATION = {
    "fr": re.compile(
        r"Documents officiels de l[’']Assemblée générale,\s+([^\W\d][\w\- ]*?) session,[^()]{0,80}?\(A/(\d+)/"
    ),
    "es": re.compile(
        r"Documentos Oficiales de la Asamblea General,\s+([^\W\d][\w\- ]*?) período de sesiones,[^()]{0,80}?\(A/(\d+)/"
    ),
}
SESSION_LINE = {
    "fr": re.compile(r">\s*([^<>]*?) session\s*<"),
    "es": re.compile(r">\s*([^<>]*?) período de sesiones\s*<"),
}


def _files(code: str) -> list[Path]:
    # the spelling's held-out texts stay out of every measure (tests/fixtures/languages/README.md)
    return sorted(p for p in LANGUAGES.rglob(f"*{SUFFIX[code]}.xml") if "held-out" not in p.parts)


def _pairs(code: str) -> list[tuple[str, int]]:
    """(ordinal words, session number) as the UN's XML pairs them."""
    out = []
    for path in _files(code):
        xml = path.read_text(encoding="utf-8")
        text = _TAGS.sub("", xml)
        out += [(m.group(1), int(m.group(2))) for m in CITATION[code].finditer(text)]
        symbol = re.search(r"A/RES/(\d+)/", text)
        line = SESSION_LINE[code].search(xml)
        if symbol and line and parse_ordinal_in(line.group(1), code) is not None:
            out.append((line.group(1), int(symbol.group(1))))
    return out


@pytest.mark.parametrize("code", ["fr", "es"])
def test_ordinal_words_are_the_un_xml_own(code: str) -> None:
    pairs = _pairs(code)
    assert len({n for _, n in pairs}) >= 6  # several sessions, from the sixty-eighth on
    wrong = [(words, n) for words, n in pairs if parse_ordinal_in(words, code) != n]
    assert not wrong
    for words, n in pairs:  # and written back as the UN writes them
        assert ordinal_in(n, code, before_noun=True) == " ".join(words.split()).lower()


@pytest.mark.parametrize("code", ["fr", "es"])
def test_the_header_session_line_is_the_un_xml_own(code: str) -> None:
    """Each resolution's session line ("Quatre-vingtième session") as the language prints it, by rule."""
    lang = get_language(code)
    seen = 0
    for path in _files(code):
        xml = path.read_text(encoding="utf-8")
        symbol = re.search(r"A/RES/(\d+)/", _TAGS.sub("", xml))
        line = SESSION_LINE[code].search(xml)
        if symbol and line and parse_ordinal_in(line.group(1), code) is not None:
            printed = " ".join(line.group(0).strip("<> \n").split())
            assert lang.session_line(int(symbol.group(1))) == printed
            seen += 1
    assert seen >= 3


def _rolled(code: str, path: Path):  # noqa: ANN202
    res = read_akn(path.read_bytes(), name=path.name).resolution
    res.header.language = code
    return res, *rollover(
        res, adoption_date=dt.date(2025, 12, 1), adopted_symbol="A/RES/80/70", template="ga-c1"
    )


@pytest.mark.parametrize("code", ["fr", "es"])
def test_rollover_moves_the_assembly_sessions_on_in_the_draft_language(code: str) -> None:
    """A/RES/80/70 in French and Spanish: "à sa quatre-vingt-unième session" / "en su octogésimo primer período
    de sesiones" become the eighty-second, "quatre-vingtième" the eighty-first; records cited stay."""
    path = LANGUAGES / f"A_RES_80_70-2520898{SUFFIX[code]}.xml"
    base, new, changes = _rolled(code, path)
    sessions = {n: get_language(code).session_line(n) for n in range(60, 121)}
    noun = "session" if code == "fr" else "período de sesiones"
    possessive = "sa" if code == "fr" else "su"

    def phrase(n: int) -> str:
        return f"{possessive} {sessions[n].removesuffix(noun).strip().lower()} {noun}"

    cited = {c.paragraph_id for c in changes if c.kind == "citation"}
    old = {node.id: node.text for _, p in base.paragraphs() for node in p.walk() if node.id not in cited}
    now = {node.id: node.text for _, p in new.paragraphs() for node in p.walk() if node.id in old}
    before = " ".join(old.values())
    moved = [n for n in sessions if n + 1 in sessions and phrase(n) in before]
    assert moved  # the resolution names its own sessions
    for key, text in old.items():
        expected = text
        for n in sorted(moved, reverse=True):  # each phrase once: the eightieth becomes the eighty-first only
            expected = expected.replace(phrase(n), f"\0{n + 1}\0")
        expected = re.sub("\0(\\d+)\0", lambda m: phrase(int(m.group(1))), expected)
        assert now[key] == expected
    assert sum(c.kind == "session" and bool(c.paragraph_id) for c in changes) == sum(
        before.count(phrase(n)) for n in moved
    )
