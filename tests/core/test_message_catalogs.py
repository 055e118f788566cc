"""Finding messages and fix labels in the interface language (app.messages, [messages] of resources/interface).

The templates are found by reading the code (scripts/interface_catalog.py: every literal given to `say`, and the
English style's rule messages), so a new message without its translations fails here, and so does a catalog
entry the code no longer has. The findings of real drafts are all `say` texts with an entry, and numbers are
grouped as the UN's own French and Spanish texts group them.
"""

from __future__ import annotations

import ast
import pickle
import re
import string
from pathlib import Path

import pytest

from app import interface
from app.conventions.engine import check_document
from app.io.reading import read_document
from app.languages import get_language
from app.messages import Message, localize, say
from app.templates import all_templates, get_template, template_name
from scripts import interface_catalog as SCANNER  # the catalog scanner the script runs

ROOT = Path(__file__).resolve().parent.parent.parent
FIXTURES = ROOT / "tests" / "fixtures"


MESSAGES = SCANNER.messages()
CODES = [code for code in interface.languages() if code != interface.ENGLISH]


def _fields(text: str) -> list[str]:
    return sorted(name for _, name, _, _ in string.Formatter().parse(text) if name is not None)


def test_the_scan_finds_messages() -> None:
    assert len(MESSAGES) > 100  # the checks alone say more; an empty scan would pass everything below
    assert any(where.startswith("resources/styles/UN/") for where in MESSAGES.values())


def test_scanner_reads_say_with_joined_literals(tmp_path: Path) -> None:
    source = tmp_path / "sample.py"
    source.write_text(
        "from app.messages import say\n"
        "def f(name, rule):\n"
        '    a = say("\'{name}\' is listed " "twice.", name=name)\n'
        "    return say(rule.message), a\n",
        encoding="utf-8",
    )
    assert set(SCANNER.file_texts(source, SCANNER.MESSAGE_LOOKUPS)) == {"'{name}' is listed twice."}


@pytest.mark.parametrize("code", CODES)
def test_every_message_has_a_translation_with_its_fields(code: str) -> None:
    catalog = interface.message_catalog(code)
    missing = {text: where for text, where in MESSAGES.items() if not catalog.get(text, "").strip()}
    assert not missing, (
        f"{code}.toml [messages] lacks (python scripts/interface_catalog.py {code}): {missing}"
    )
    for english, translated in catalog.items():
        assert _fields(translated) == _fields(english), (code, english)


@pytest.mark.parametrize("code", CODES)
def test_no_message_entry_the_code_no_longer_has(code: str) -> None:
    stale = sorted(set(interface.message_catalog(code)) - set(MESSAGES))
    assert not stale, f"{code}.toml [messages] keeps templates no longer in the code: {stale}"


def _message_argument(node: ast.Call) -> ast.expr | None:
    name = node.func.id if isinstance(node.func, ast.Name) else getattr(node.func, "attr", "")
    if name in ("finding", "Finding"):
        keyword = next((k.value for k in node.keywords if k.arg == "message"), None)
        return node.args[2] if len(node.args) > 2 else keyword
    if name == "Fix" or name in REFUSALS:
        return node.args[0] if node.args else None
    if name == "fail":  # app.spelling.rules: fail(key, problem) makes a rule file's TemplateError
        return node.args[1] if len(node.args) > 1 else None
    return None


# the project's errors a delegate reads; TemplateError too: a delegation edits the rule and template files
REFUSALS = ("ResoluteError", "InputError", "ProjectVersionError", "SaveError", "EditError", "TemplateError")


def test_no_finding_fix_or_refusal_is_written_as_a_bare_string() -> None:
    """A message typed as a literal or f-string would reach the editor in English only: each goes through `say`
    (a damaged project or a full disk was refused in English on a French editor)."""
    bare = []
    for path in sorted((ROOT / "app").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            arg = _message_argument(node) if isinstance(node, ast.Call) else None
            if isinstance(arg, (ast.JoinedStr, ast.BinOp)) or (
                isinstance(arg, ast.Constant) and isinstance(arg.value, str)
            ):
                bare.append(f"{path.relative_to(ROOT)}:{node.lineno}")
    assert not bare, f"messages not made with app.messages.say: {bare}"


def _english_rule_message(text: Message) -> bool:
    return text.template in MESSAGES


@pytest.mark.parametrize("code", CODES)
def test_a_refusal_from_deep_in_the_core_reads_in_the_editors_language(tmp_path: Path, code: str) -> None:
    from app.errors import InputError
    from app.messages import explain
    from app.storage import load_project

    broken = tmp_path / "draft.json"
    broken.write_text('{"format": "resolute", "version": 1, "body": [1, 2', encoding="utf-8")
    with pytest.raises(InputError) as refused:
        load_project(broken)
    english, said = explain(refused.value, interface.ENGLISH), explain(refused.value, code)
    template = refused.value.args[0].template  # a `say` message, kept through the refusal
    prefix = interface.message_catalog(code)[template].split("{")[0].strip()
    assert said != english and prefix and said.lower().startswith(prefix.lower())


# drafts in English, French and Spanish, read from text, Word and UN XML, with findings of every kind
DRAFTS = [
    FIXTURES / "cli" / "errors.txt",
    FIXTURES / "corpus" / "A_C.3_80_L.20.txt",
    FIXTURES / "corpus" / "languages" / "A_RES_80_4-2517552F.xml",
    FIXTURES / "corpus" / "languages" / "A_RES_80_4-2517552S.xml",
    *sorted((FIXTURES / "docx").glob("*.docx"))[:6],
]


@pytest.mark.parametrize("path", DRAFTS, ids=lambda p: p.name)
def test_every_finding_of_a_draft_reads_in_each_language(path: Path) -> None:
    result = read_document(path)
    findings = result.findings + check_document(result.resolution)
    assert findings
    for f in findings:
        for text in (f.message, *([f.fix.label] if f.fix else [])):
            assert isinstance(text, Message), (f.rule, text)
            # a rule file of a French or Spanish style is written in its draft's language; any other has an entry
            if not _english_rule_message(text):
                assert f.rule.startswith(("UN-fr.", "UN-es.")), (f.rule, text.template)
                continue
            for code in CODES:
                translated = interface.message_catalog(code)[text.template]
                assert localize(text, code) != text or translated == text.template, (code, text)


def test_a_message_is_english_text_that_survives_pickling() -> None:
    text = say("'{name}' is listed twice.", name="Chile")
    assert text == "'Chile' is listed twice." and isinstance(text, str)
    again = pickle.loads(pickle.dumps(text))  # findings cross to the editor's background checker
    assert again == text and localize(again, "fr") == localize(text, "fr") != text


@pytest.mark.parametrize("count", [0, 1, 2])
def test_a_counting_message_takes_each_languages_singular(count: int) -> None:
    # a count of 0 takes the singular in French ("0 ligne … a été omise") and the plural in English and Spanish:
    # the form is picked per language from the catalog's own rule, not once in English
    from app.io.volume_pages import previous_item_finding

    text = previous_item_finding(count).message
    forms = text.forms
    assert forms is not None
    assert text == forms[count != 1].format(count=count)
    again = pickle.loads(pickle.dumps(text))
    for code in ("fr", "es"):
        singular = interface.singular(count, code)
        expected = interface.message_catalog(code)[forms[not singular]].format(count=count)
        assert localize(text, code) == localize(again, code) == expected, (code, count)


def test_nested_messages_and_plain_text() -> None:
    inner = say("the paragraph before")
    outer = say(
        "'{base}' repeats the opener of {where} ('{earlier}'). A repeated opener takes '{marker_word}' "
        "{place} it: '{better}'.",
        base="Recalling",
        where=inner,
        earlier="Recalling",
        marker_word="also",
        place=say("before"),
        better="Recalling also",
    )
    french = localize(outer, "fr")
    assert interface.message_catalog("fr")["the paragraph before"] in french
    assert localize("typed by hand", "fr") == "typed by hand"  # text not made by say is shown as written


def _figures(code: str) -> list[str]:
    text = (FIXTURES / "numbers" / f"A_RES_78_274-2407847{code}.xml").read_text(encoding="utf-8")
    plain = re.sub(r"<[^>]+>", "", text)
    return re.findall(r"(?<![\d.,])\d{1,3}(?:[,.\u00a0\u202f ]\d{3})+(?!\d)", plain)


@pytest.mark.parametrize(("code", "suffix"), [("en", "E"), ("fr", "F"), ("es", "S")])
def test_numbers_are_grouped_as_the_uns_texts_group_them(code: str, suffix: str) -> None:
    english = _figures("E")
    assert english  # the resolution's figures: 22,162; 21,500 ...
    values = [int(figure.replace(",", "")) for figure in english]
    assert [interface.number(v, code) for v in values] == _figures(suffix)
    assert localize(
        say("{count} blocks from “{first}” on kept as text", count=values[0], first="x"), code
    ).startswith(_figures(suffix)[0])


@pytest.mark.parametrize("code", CODES)
def test_every_template_is_named_as_the_un_names_its_organ(code: str) -> None:
    """The gallery's and the New dialog's names: the organ and committee as the language's data (read from the
    UN's texts in that language) writes them."""
    lang = get_language(code)
    names = interface.template_catalog(code)
    templates = all_templates()
    assert set(names) == set(templates)  # every template named, no stale entry
    for tpl in templates.values():
        assert lang.organ(tpl.organ) != tpl.organ  # the language's data names the organ
        if tpl.name.startswith(
            tpl.organ
        ):  # "General Assembly, Third Committee"; not the HRC (the GA's masthead)
            assert names[tpl.id].startswith(lang.organ(tpl.organ)), (code, tpl.id)
        if tpl.committee:
            assert lang.committee(tpl.committee) in names[tpl.id], (code, tpl.id)
        assert template_name(tpl.id, tpl.name, code) == names[tpl.id]
        assert template_name(tpl.id, tpl.name, "") == tpl.name


def test_a_template_named_in_a_message_is_said_in_its_language() -> None:
    tpl = get_template("ga-c3")
    text = say("{name} texts refer to themselves as '{good} {noun}'.", name=tpl.named(), good="the", noun="x")
    assert text.startswith(tpl.name)
    assert localize(text, "fr").startswith(
        "Les textes de l'organe " + interface.template_catalog("fr")["ga-c3"]
    )
