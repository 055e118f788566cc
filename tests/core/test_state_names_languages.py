"""State names in French and Spanish (resources/states-fr.txt, states-es.txt) against the names the UN prints.

The issued texts: the scale of assessments A/RES/79/249 and A/RES/76/238 (UNxml/GAresolutions,
79session/{English,French,Spanish}/A_RES_79_249-2424688{E,F,S}.xml and 76session/.../A_RES_76_238-2119693*.xml,
copied to tests/fixtures/languages/scale/), whose table lists every Member State with its rate, in each language's
own alphabetical order. A row's rate ties the name in one language to the name in English.
"""

from __future__ import annotations

import random
import unicodedata
from pathlib import Path

import pytest
from lxml import etree

from app.conventions.engine import check_document
from app.io.akn_reader import read_akn
from app.model import Header, Resolution
from app.states import (
    english_name,
    in_language,
    member_states,
    observer_states,
    official_name,
    sort_sponsors,
    split_sponsor_names,
)

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "languages"
LETTER = {"fr": "F", "es": "S", "en": "E"}
SCALES = {79: "A_RES_79_249-2424688", 76: "A_RES_76_238-2119693"}


def _tree(session: int, code: str) -> etree._ElementTree:
    return etree.parse(str(FIXTURES / "scale" / f"{SCALES[session]}{LETTER[code]}.xml"))


def scale(session: int, code: str) -> list[tuple[str, str]]:
    """The (State, rate) rows of the resolution's table, in the order printed; a total row left out."""
    rows = []
    for tr in _tree(session, code).iter("{*}tr"):
        cells = ["".join(td.itertext()).strip() for td in tr if etree.QName(td).localname == "td"]
        if len(cells) == 2 and cells[1]:
            rows.append((cells[0], cells[1].replace(",", ".")))
    if rows[-1][0] == "Total":  # A/RES/76/238 ends with it, in every language
        assert float(rows.pop()[1]) == pytest.approx(100.0)
    return rows


def _english_rates(session: int) -> dict[str, str]:
    rates = {}
    for name, rate in scale(session, "en"):
        official = official_name(name)
        assert official, name
        rates[official] = rate
    return rates


@pytest.mark.parametrize("code", ["fr", "es"])
def test_the_member_states_are_the_issued_names_in_the_issued_order(code: str) -> None:
    issued = [name for name, _ in scale(79, code)]
    assert member_states(code) == issued
    shuffled = issued[:]
    random.Random(7).shuffle(shuffled)
    assert sort_sponsors(shuffled, code) == issued


@pytest.mark.parametrize("session", [79, 76])
@pytest.mark.parametrize("code", ["fr", "es"])
def test_each_name_stands_for_the_english_state_with_the_same_rate(code: str, session: int) -> None:
    """Session 76 printed older forms ("Turquie", "Pays-Bas", "Rumania"): known as the same State."""
    english = _english_rates(session)
    rows = scale(session, code)
    assert len(rows) == len(english) == 193
    for name, rate in rows:
        assert english_name(name, code) is not None, name
        assert english[english_name(name, code)] == rate, name


@pytest.mark.parametrize("code", ["fr", "es"])
def test_the_observer_states_are_named_as_the_scale_names_them(code: str) -> None:
    text = " ".join("".join(p.itertext()) for p in _tree(79, code).iter("{*}p"))
    english = " ".join("".join(p.itertext()) for p in _tree(79, "en").iter("{*}p"))
    for name in observer_states(code):
        assert name in text
        assert english_name(name, code) in english


def _draft(code: str, sponsors: list[str]) -> Resolution:
    res = Resolution(header=Header(language=code))
    res.header.sponsors = list(sponsors)
    return res


def _sponsor_findings(res: Resolution) -> list:
    return [f for f in check_document(res) if f.rule.startswith("sponsors")]


def _sample(code: str) -> list[str]:
    """A sponsor list in issued order: every seventh State of the table, the observers after them."""
    return [name for name, _ in scale(79, code)][::7] + observer_states(code)


@pytest.mark.parametrize("code", ["fr", "es"])
def test_a_sponsor_list_in_issued_order_is_quiet(code: str) -> None:
    assert _sponsor_findings(_draft(code, _sample(code))) == []


@pytest.mark.parametrize("code", ["fr", "es"])
def test_a_misordered_sponsor_list_is_flagged_with_the_issued_order_as_fix(code: str) -> None:
    issued = _sample(code)
    listed = issued[:]
    listed[2], listed[5] = listed[5], listed[2]
    found = _sponsor_findings(_draft(code, listed))
    assert [f.rule for f in found] == ["sponsors.order"]
    assert found[0].fix.replacement.split("\n") == issued


def _no_accents(name: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", name) if not unicodedata.combining(c))


@pytest.mark.parametrize("code", ["fr", "es"])
def test_a_misspelt_sponsor_is_flagged_with_the_issued_name(code: str) -> None:
    issued = _sample(code)
    accented = next(i for i, n in enumerate(issued) if _no_accents(n) != n)
    wrong = issued[:]
    wrong[accented] = _no_accents(
        issued[accented]
    )  # an accent dropped: the same name, not as the UN prints it
    found = _sponsor_findings(_draft(code, wrong))
    assert [(f.rule, f.fix.replacement) for f in found] == [("sponsors.official-name", issued[accented])]

    long_name = next(i for i, n in enumerate(issued) if len(n) >= 8 and n.isalpha())
    swapped = issued[long_name]
    swapped = swapped[:3] + swapped[4] + swapped[3] + swapped[5:]  # two letters swapped: no State's name
    wrong = issued[:]
    wrong[long_name] = swapped
    found = _sponsor_findings(_draft(code, wrong))
    assert [(f.rule, f.fix.replacement) for f in found] == [("sponsors.unknown-name", issued[long_name])]


@pytest.mark.parametrize("code", ["fr", "es"])
def test_an_english_or_outdated_name_in_the_draft_language_gets_the_issued_name(code: str) -> None:
    """English names (the workflow of the UN XML names sponsors in English) and the forms session 76 printed
    that session 79 does not ("Turquie", "Turquía") are known, and the issued name is offered."""
    now = {english_name(n, code): n for n, _ in scale(79, code)}
    then = {english_name(n, code): n for n, _ in scale(76, code)}
    outdated = [
        (then[e], now[e]) for e in now if then[e] != now[e] and official_name(then[e], code) == now[e]
    ]
    assert outdated
    for typed, issued in [*outdated, ("Germany", now["Germany"])]:
        found = _sponsor_findings(_draft(code, [typed]))
        assert [(f.rule, f.fix.replacement) for f in found] == [("sponsors.official-name", issued)], typed


@pytest.mark.parametrize("code", ["fr", "es"])
def test_an_issued_resolution_read_in_its_language_names_its_sponsors_there(code: str) -> None:
    """A/RES/79/174: the workflow's English sponsor list comes back in the language's names and order, which
    the checks find no fault with."""
    path = FIXTURES / f"A_RES_79_174-2424215{LETTER[code]}.xml"
    res = read_akn(path.read_bytes()).resolution
    by = etree.parse(str(path)).find(".//{*}step[@outcome='draftResolution']").get("by")
    english = split_sponsor_names(by)
    assert res.header.sponsors == sort_sponsors([in_language(n, code) for n in english], code)
    assert len(res.header.sponsors) == len(english) and all(
        official_name(n, code) for n in res.header.sponsors
    )
    assert _sponsor_findings(res) == []


@pytest.mark.parametrize("code", ["fr", "es"])
def test_a_sponsor_line_with_names_holding_and_reads_back_from_text(code: str) -> None:
    """'… et Royaume-Uni de Grande-Bretagne et d’Irlande du Nord', '… y Trinidad y Tabago': the word for
    'and' inside a State's name is no list break."""
    from app.io.text_reader import read_text
    from app.io.text_writer import to_text

    res = read_akn((FIXTURES / f"A_RES_79_174-2424215{LETTER[code]}.xml").read_bytes()).resolution
    with_and = [n for n, _ in scale(79, code) if f" {'et' if code == 'fr' else 'y'} " in n]
    assert with_and
    res.header.sponsors = sort_sponsors(res.header.sponsors[:3] + with_and, code)
    back = read_text(to_text(res)).resolution
    assert back.header.sponsors == res.header.sponsors


def test_a_spanish_sponsor_line_says_e_before_a_name_in_i_and_reads_back() -> None:
    """Spanish prints "e" for "y" before the sound i ("Gran Bretaña e Irlanda" in the issued names themselves):
    "…, Francia e Israel"; the list reads back from text with the same States."""
    from app.io.text_reader import read_text
    from app.io.text_writer import to_text
    from app.render import sponsor_line

    issued = [n for n, _ in scale(79, "es")]
    assert any(" e I" in n for n in issued)  # the word as the UN prints it inside a name
    res = read_akn((FIXTURES / "A_RES_79_174-2424215S.xml").read_bytes()).resolution
    for last in [n for n in issued if n[0] in "IÍ"]:
        res.header.sponsors = sort_sponsors([issued[0], issued[1], last], "es")
        line, _ = sponsor_line(res)
        assert f" e {res.header.sponsors[-1]}:" in line
        assert read_text(to_text(res)).resolution.header.sponsors == res.header.sponsors
