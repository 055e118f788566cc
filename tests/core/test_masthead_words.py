"""The masthead's words in French and Spanish drafts: every distribution has the language's word ("Distr.
restreinte", "Distr. reservada" for Restricted, as issued French and Spanish mastheads print it), and a draft read
back from any export keeps the language-neutral values the model stores ("Limited", "English"), whatever
language, case or colon the masthead prints them in, so that it exports and compares as the same draft typed.
The committee or commission a draft names is stored by its English name and printed in the draft's language, as
the UN's French and Spanish XML name each body (tests/fixtures/languages/commissions.json)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from app import storage
from app.documents import new_resolution
from app.io.akn_reader import read_akn
from app.io.akn_writer import to_akn
from app.io.docx_reader import read_docx
from app.io.docx_writer import build_docx
from app.io.text_reader import read_text
from app.io.text_writer import to_text
from app.languages import all_languages, get_language, stored_committee, stored_value
from app.model import Paragraph, Resolution
from app.render import agenda_lines, render
from app.templates import get_template

LANGUAGES = Path(__file__).resolve().parents[1] / "fixtures" / "languages"
ISSUED = {"fr": LANGUAGES / "A_RES_80_70-2520898F.xml", "es": LANGUAGES / "A_RES_80_70-2520898S.xml"}
COMMISSIONS = json.loads((LANGUAGES / "commissions.json").read_text(encoding="utf-8"))
DISTRIBUTIONS = ("Limited", "General", "Restricted")
MAIN_COMMITTEES = {f"{n} Committee" for n in ("First", "Second", "Third", "Fourth", "Fifth", "Sixth")}


def _draft(code: str, distribution: str, original: str = "English") -> Resolution:
    """An issued resolution's text as a draft of the Third Committee, with the masthead values asked for."""
    res = read_akn(ISSUED[code].read_bytes()).resolution
    res.header.template, res.header.symbol, res.header.session = "ga-c3", "A/C.3/80/L.5", 80
    res.header.distribution, res.header.original_language = distribution, original
    return res


def _masthead(text: str) -> list[str]:
    return [line for line in text.splitlines() if line.startswith(("Distr", "Original"))]


def test_every_stored_masthead_value_has_a_word_in_each_language() -> None:
    english = set(get_language("en").values)
    assert set(DISTRIBUTIONS) <= english
    for code, language in all_languages().items():
        assert set(language.values) == english, code


@pytest.mark.parametrize(
    ("code", "printed"),
    # as the French masthead of CCPR/C/101/D/1769/2008 and the Spanish one of CCPR/C/87/D/1093/2002 print it
    # (the latter in the capitals mastheads were set in then, as "Distr. GENERAL")
    [("fr", "Distr. restreinte"), ("es", "Distr. RESERVADA")],
)
def test_restricted_prints_as_issued_mastheads_print_it(code: str, printed: str) -> None:
    res = _draft(code, "Restricted")
    assert render(res).distribution.casefold() == printed.casefold()
    assert printed.casefold() in [line.casefold() for line in _masthead(to_text(res))]


def _shapes(text: str) -> dict[str, str]:
    """The text as exported, and as typed or pasted otherwise: a colon after "Distr.", capitals."""
    colon = text.replace("Distr. ", "Distr.: ", 1)
    capitals = "\n".join(line.upper() if line.startswith("Distr") else line for line in text.splitlines())
    return {"text": text, "colon": colon, "capitals": capitals}


@pytest.mark.parametrize("code", ["fr", "es"])
@pytest.mark.parametrize("distribution", DISTRIBUTIONS)
def test_a_draft_read_back_keeps_the_neutral_values(code: str, distribution: str) -> None:
    typed = _draft(code, distribution, original="French")
    exported = to_text(typed)
    backs = {name: read_text(text).resolution for name, text in _shapes(exported).items()}
    backs["docx"] = read_docx(build_docx(typed)).resolution
    backs["akn"] = read_akn(to_akn(typed)).resolution
    backs["project"] = storage.loads(storage.dumps(backs["text"]))
    for via, back in backs.items():
        h = back.header
        assert (h.language, h.distribution, h.original_language) == (code, distribution, "French"), via
        # so it prints as the draft typed did, in the draft's own words
        assert _masthead(to_text(back)) == _masthead(exported), via


def test_a_project_holding_a_printed_word_opens_with_the_neutral_value() -> None:
    """A file an older Resolute saved from a French text held the word as printed."""
    data = json.loads(storage.dumps(_draft("fr", "Limited")))
    data["header"] |= {
        "distribution": "limitée",
        "original_language": "anglais",
        "committee": "Troisième Commission",
    }
    h = storage.loads(json.dumps(data)).header
    assert (h.distribution, h.original_language, h.committee) == ("Limited", "English", "Third Committee")


def test_a_word_no_language_prints_is_kept_as_typed() -> None:
    assert stored_value("Limted") == "Limted"
    assert stored_committee("Working Group on Mercenaries") == "Working Group on Mercenaries"


@pytest.mark.parametrize("name", sorted(COMMISSIONS))
@pytest.mark.parametrize("code", ["fr", "es"])
def test_each_commission_is_named_as_the_un_xml_names_it(name: str, code: str) -> None:
    """Each paragraph naming the body in English has, under the same eId in the French or Spanish XML, the
    language file's name for it (most of them: a paragraph may word it otherwise)."""
    printed = get_language(code).committee(name)
    assert printed != name
    paragraphs = COMMISSIONS[name]
    assert all(name in p["en"] for p in paragraphs)
    named = sum(printed in p[code] for p in paragraphs)
    assert named * 2 > len(paragraphs), [p["source"] for p in paragraphs if printed not in p[code]]


def test_every_commission_the_files_name_is_held_to_the_un_xml() -> None:
    for code in ("fr", "es"):
        beyond = set(get_language(code).committees) - MAIN_COMMITTEES
        # named in held-out resolutions only (the data file cites its count there)
        assert beyond - set(COMMISSIONS) == {"Commission on Population and Development"}, code


@pytest.mark.parametrize("code", ["fr", "es"])
@pytest.mark.parametrize("name", ["Commission on the Status of Women", "Statistical Commission"])
def test_a_commission_prints_in_the_drafts_language_and_reads_back(code: str, name: str) -> None:
    res = new_resolution("ecosoc", language=code)
    res.header.committee = name
    res.title = "Titre"
    res.preamble = [Paragraph("Rappelant" if code == "fr" else "Recordando", "sa résolution 1")]
    res.operative = [Paragraph("Décide" if code == "fr" else "Decide", "de poursuivre")]
    printed = get_language(code).committee(name)
    assert [a.text for a in agenda_lines(res, get_template("ecosoc"))][0] == printed
    text = to_text(res)
    assert printed in text.splitlines() and name not in text
    for back in (read_text(text).resolution, read_docx(build_docx(res)).resolution):
        assert (back.header.template, back.header.committee) == ("ecosoc", name)
    # the Council's own drafts name no commission: no line for it
    res.header.committee = ""
    assert [a.style for a in agenda_lines(res, get_template("ecosoc"))][0] == "session"


@pytest.mark.parametrize("code", ["fr", "es"])
def test_the_human_rights_council_drafts_in_its_own_name(code: str) -> None:
    """The Council's masthead organ is the General Assembly, its organ line its own."""
    res = new_resolution("hrc", language=code)
    language = get_language(code)
    assert render(res).organ_line == language.organ_lines["Human Rights Council"]
    back = read_text(to_text(res) + "\n" + language.organ_lines["Human Rights Council"] + ",\n").resolution
    assert back.header.template == "hrc"


@pytest.mark.parametrize("code", ["fr", "es"])
@pytest.mark.parametrize("template", ["ga-c3", "ecosoc", "hrc", "sc"])
def test_a_drafts_un_xml_reads_back_with_its_template(code: str, template: str) -> None:
    res = new_resolution(template, language=code)
    res.header.symbol = get_template(template).symbol(session=80, year=2025, number=5)
    assert read_akn(to_akn(res)).resolution.header.template == template
