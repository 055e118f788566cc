"""The masthead's words in French and Spanish drafts: every distribution has the language's word ("Distr.
restreinte", "Distr. reservada" for Restricted, as issued French and Spanish mastheads print it), and a draft read
back from any export keeps the language-neutral values the model stores ("Limited", "English"), whatever
language, case or colon the masthead prints them in, so that it exports and compares as the same draft typed.
The committee or commission a draft names is stored by its English name and printed in the draft's language, as
the UN's French and Spanish XML name each body (tests/fixtures/languages/commissions.json)."""

from __future__ import annotations

import datetime as dt
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
    res.header.date = dt.date(2025, 10, 22)
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


@pytest.mark.parametrize("code", ["fr", "es"])
def test_a_copy_in_another_language_than_the_original_names_its_own(code: str) -> None:
    """ "Distr. générale / 22 août 2017 / Français / Original : anglais" (CCPR/C/MNG/CO/6), "… / Español /
    Original: inglés" (A/59/100); the line is blank where the copy is the original ("Original: ESPAÑOL" alone,
    CCPR/C/87/D/1093/2002)."""
    language = get_language(code)
    translated = _draft(code, "Limited", original="English")
    lines = to_text(translated).splitlines()
    at = lines.index(render(translated).original)
    assert lines[at - 1] == language.masthead["version"] == render(translated).version
    assert lines[at - 2] == render(translated).date
    own = _draft(code, "Limited", original=language.english_name)
    assert render(own).version == "" and language.masthead["version"] not in to_text(own).splitlines()
    for back in (read_text(to_text(translated)).resolution, read_docx(build_docx(translated)).resolution):
        assert back.title == translated.title and not back.unplaced
        assert (back.header.language, back.header.original_language) == (code, "English")


@pytest.mark.parametrize("code", ["fr", "es"])
def test_an_ecosoc_session_named_by_its_year_reads_back(code: str) -> None:
    res = new_resolution("ecosoc", language=code)
    res.header.year, res.title = 2025, "Titre"
    res.operative = [Paragraph("Décide" if code == "fr" else "Decide", "de poursuivre")]
    line = get_language(code).masthead["year_session"].format(year=2025)
    assert line in to_text(res).splitlines()
    for back in (read_text(to_text(res)), read_docx(build_docx(res))):
        assert back.resolution.header.year == 2025 and line not in back.resolution.unplaced


@pytest.mark.parametrize("code", ["fr", "es"])
def test_a_drafts_un_xml_keeps_its_sponsors(code: str) -> None:
    """The workflow names them in English, as the UN's own XML does; read back in the draft's language."""
    from app.states import in_language, sort_sponsors

    res = new_resolution("ga-c3", language=code)
    res.header.sponsors = sort_sponsors([in_language(n, code) for n in ("Mexico", "Germany", "France")], code)
    assert read_akn(to_akn(res)).resolution.header.sponsors == res.header.sponsors


@pytest.mark.parametrize("code", ["fr", "es"])
def test_the_word_file_is_proofed_in_the_drafts_language(code: str) -> None:
    import io
    import zipfile

    from lxml import etree

    blob = build_docx(_draft(code, "Limited"))
    styles = etree.fromstring(zipfile.ZipFile(io.BytesIO(blob)).read("word/styles.xml"))
    w = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
    tags = [
        el.get(f"{w}val")
        for el in styles.iter(f"{w}lang")
        if el.getparent().getparent().tag == f"{w}rPrDefault"
    ]
    assert tags == [get_language(code).word_language] and tags[0].split("-")[0] == code


@pytest.mark.parametrize(
    ("code", "opener", "base", "marker"),
    # repeated openers as the UN's French and Spanish XML mark them
    [
        ("fr", "Prie en outre", "Prie", "en outre"),
        ("fr", "Rappelant également", "Rappelant", "également"),
        ("es", "Recordando también", "Recordando", "también"),
        ("es", "Solicita además", "Solicita", "además"),
    ],
)
def test_a_repeated_openers_marker_is_told_in_the_drafts_language(
    code: str, opener: str, base: str, marker: str
) -> None:
    from app.lexicon import opener_key, strip_marker

    assert strip_marker(opener, code) == (base, marker)
    assert opener_key(opener, code) == opener_key(base, code)
    assert strip_marker(opener) == (opener, "")  # English markers only, in English


@pytest.mark.parametrize("code", ["fr", "es"])
def test_a_drafts_un_xml_cover_page_is_in_its_words_and_reads_back(code: str) -> None:
    """As the UN's French and Spanish XML print their cover pages ("Nations Unies", "Quatre-vingtième session",
    "Point 105 de l’ordre du jour"): the session and the agenda item read back from their values."""
    from lxml import etree

    issued_cover = read_akn(ISSUED[code].read_bytes())
    issued = etree.fromstring(ISSUED[code].read_bytes())
    ns = {"a": "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"}
    printed = [" ".join("".join(e.itertext()).split()) for e in issued.iterfind(".//a:coverPage//a:p", ns)]
    res = new_resolution("ecosoc" if code == "es" else "ga-c1", language=code)
    if code == "fr":
        res.header.session = issued_cover.resolution.header.session
    res.header.agenda_items = issued_cover.resolution.header.agenda_items
    res.header.committee = "Statistical Commission" if code == "es" else ""
    res.header.symbol = get_template(res.header.template).symbol(session=80, year=2025, number=5)
    ours = etree.fromstring(to_akn(res))
    mine = [" ".join("".join(e.itertext()).split()) for e in ours.iterfind(".//a:coverPage//a:p", ns)]
    language = get_language(code)
    assert language.masthead["united_nations"] in mine[0] and printed[0].startswith(mine[0].split()[0])
    if code == "fr":  # the session and agenda lines, word for word as the UN's cover page prints them
        assert language.session_line(res.header.session) in mine and language.session_line(80) in printed
        item = next(line for line in printed if line.startswith("Point"))
        assert item in mine
    back = read_akn(to_akn(res)).resolution.header
    assert (back.session, back.year, back.agenda_items, back.committee, back.date) == (
        res.header.session,
        res.header.year,
        res.header.agenda_items,
        res.header.committee,
        res.header.date,
    )
