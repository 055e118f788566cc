"""Style rules per language: the English-only rules stay off French and Spanish drafts, the French and Spanish
rules (resources/styles/UN-fr, UN-es, from what the UN's own XML prints) hold on held-out issued texts and
catch slips made in them (tests/fixtures/languages/, see its README)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from lxml import etree

from app import spelling
from app.conventions import engine
from app.conventions.base import annex_nodes, nodes
from app.findings import Severity
from app.inline import plain
from app.io.akn_reader import read_akn
from app.languages import get_language
from app.model import Resolution
from app.spelling import SpellingSettings
from app.spelling.tokens import WORD

FIXTURES = Path(__file__).parent.parent / "fixtures" / "languages"
HELD_OUT = sorted((FIXTURES / "held-out").glob("*.xml"))
TYPED = sorted((FIXTURES / "typed-labels").glob("*.xml"))
CODES = {"F": "fr", "S": "es"}
SETTINGS = SpellingSettings(personal_dictionary=None)
NUMBERS = {
    "fr": ["deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf"],
    "es": ["dos", "tres", "cuatro", "cinco", "seis", "siete", "ocho", "nueve"],
}


def _read(path: Path) -> Resolution:
    return read_akn(path.read_bytes(), name=path.name).resolution


def _code(path: Path) -> str:
    return CODES[path.stem[-1]]


def _words(res: Resolution) -> int:
    fields = [res.title, *(n.text for n in res.footnotes.values())]
    for node in (*nodes(res), *annex_nodes(res)):
        fields += [node.para.opener, node.para.text, node.para.tail]
    return sum(len(WORD.findall(plain(f))) for f in fields if f)


def _rules(code: str) -> list:
    return list(spelling.checker(SETTINGS, code).rules)


@pytest.mark.parametrize("code", ["fr", "es"])
def test_language_rules_ship_and_keep_their_examples(code: str) -> None:
    rules = _rules(code)
    ids = {r.id for r in rules}
    assert {
        f"UN-{code}.Numbers",
        f"UN-{code}.Capitalization",
        f"UN-{code}.PerCent",
        "UN.BoldUnderline",
    } <= ids
    # the English rules (British spelling, -ize, Governments, English numbers) are not among them
    assert not ids & {"UN.Ize", "UN.BritishSpelling", "UN.Governments", "UN.Numbers", "UN.SerialComma"}
    check = spelling.checker(SETTINGS, code)
    for rule in (r for r in rules if r.id.startswith(f"UN-{code}.")):
        assert rule.examples_flag and rule.examples_pass, rule.id
        for text in rule.examples_flag:
            found = [f for f in check.field_findings(text, field="text") if f.rule == rule.id]
            assert found and all("{" not in f.message for f in found), (rule.id, text)
        for text in rule.examples_pass:
            assert not [f for f in check.field_findings(text, field="text") if f.rule == rule.id], (
                rule.id,
                text,
            )


@pytest.mark.parametrize("path", HELD_OUT, ids=lambda p: p.stem)
def test_held_out_issued_text_has_few_errors_and_warnings(path: Path) -> None:
    res = _read(path)
    found = [f for f in engine.check_document(res) if f.severity is not Severity.INFO]
    assert len(found) * 1000 / _words(res) <= 0.5, [(f.rule, f.message) for f in found]


@pytest.mark.parametrize("path", HELD_OUT, ids=lambda p: p.stem)
def test_english_only_rules_do_not_run(path: Path) -> None:
    """The issued text has words the English rules would flag (organisation, gouvernements, 30 pour cent), and
    no English rule fires on them."""
    res = _read(path)
    english = spelling.checker(SETTINGS, "en")
    fired = set()
    for node in nodes(res):
        fired |= {f.rule for f in english.field_findings(node.para.text, field="text")}
    assert fired & {
        r.id for r in english.rules
    }  # the English rules would fire on this French or Spanish text
    assert not {f.rule for f in engine.check_document(res)} & {
        r.id for r in english.rules if r.id != "UN.BoldUnderline"
    }


def _number_words(res: Resolution, code: str) -> list[tuple[str, str, str]]:
    """(paragraph text, number word, the same text with the word as a figure) for each "deux États" as issued."""
    pattern = re.compile(rf"\b({'|'.join(NUMBERS[code])}) (?=[a-zéèáíóú])")
    out = []
    for node in (*nodes(res), *annex_nodes(res)):
        text = plain(node.para.text)
        for m in pattern.finditer(text):
            digit = str(NUMBERS[code].index(m.group(1)) + 2)
            out.append((text, m.group(1), text[: m.start()] + digit + " " + text[m.end() :]))
    return out


@pytest.mark.parametrize("code", ["fr", "es"])
def test_a_number_typed_as_a_figure_is_flagged_with_the_issued_word(code: str) -> None:
    cases = [c for path in HELD_OUT if _code(path) == code for c in _number_words(_read(path), code)]
    assert len(cases) >= 3
    check = spelling.checker(SETTINGS, code)
    caught = 0
    for text, word, changed in cases:
        before = [f.span for f in check.field_findings(text, field="text") if f.rule == f"UN-{code}.Numbers"]
        found = [f for f in check.field_findings(changed, field="text") if f.rule == f"UN-{code}.Numbers"]
        caught += word in [f.fix.replacement for f in found if f.fix] and len(found) == len(before) + 1
    assert caught / len(cases) >= 0.8


@pytest.mark.parametrize("path", HELD_OUT, ids=lambda p: p.stem)
def test_abbreviations_by_language(path: Path) -> None:
    """The UN's own name, written out in the issued text, abbreviated "UN": flagged, with the name as the fix."""
    code = _code(path)
    res = _read(path)
    name = get_language(code).abbreviations["UN"]
    para = next(n.para for n in nodes(res) if name in plain(n.para.text))
    para.text = plain(para.text).replace(name, "UN", 1)
    found = [
        f for f in engine.check_document(res) if f.rule == "organs.abbreviation" and f.paragraph_id == para.id
    ]
    assert [f.fix.replacement for f in found if f.fix] == [name]


@pytest.mark.parametrize("path", TYPED, ids=lambda p: p.stem)
def test_typed_french_and_spanish_labels_are_subparagraphs(path: Path) -> None:
    """Unnumbered paragraphs that open with a typed label "a)" are subparagraphs of the paragraph before."""
    akn = "{http://docs.oasis-open.org/legaldocml/ns/akn/3.0}"
    root = etree.parse(str(path)).getroot()
    typed = []
    for el in root.iter(f"{akn}paragraph"):
        if el.find(f"{akn}num") is None:
            text = " ".join("".join(el.itertext()).split())
            m = re.match(r"([a-z]{1,4})\)\s+(.*)", text)
            if m:
                typed.append(m.group(2)[:40])
    assert len(typed) > 5
    res = _read(path)
    tops = [" ".join(plain(p.text).split()) for p in res.operative]
    subs = [" ".join(plain(s.text).split()) for p in res.operative for s in p.walk() if s is not p]
    for start in typed:
        assert any(s.startswith(start) for s in subs), start
        assert not any(t.startswith(start) for t in tops), start
