"""Member States: official names, aliases, UN alphabetical order, sponsor lists and groups."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from app.states import (
    all_names,
    all_states,
    group_name,
    groups,
    is_un_form,
    member_states,
    observer_states,
    official_name,
    sort_sponsors,
    split_sponsor_names,
)


def test_counts() -> None:
    assert len(member_states()) == 193
    assert observer_states() == ["Holy See", "State of Palestine"]
    assert len(all_states()) == 195
    assert len(set(all_states())) == 195
    assert all_names()[:195] == all_states() and "Kingdom of the Netherlands" in all_names()
    assert "Turkey" not in all_names()


@pytest.mark.parametrize(
    ("name", "official"),
    [
        ("Turkey", "Türkiye"),
        ("Ivory Coast", "Côte d’Ivoire"),
        ("Cote d'Ivoire", "Côte d’Ivoire"),
        ("Swaziland", "Eswatini"),
        ("Czech Republic", "Czechia"),
        ("the Sudan", "Sudan"),
        ("UK", "United Kingdom of Great Britain and Northern Ireland"),
        ("United Kingdom", "United Kingdom of Great Britain and Northern Ireland"),
        ("USA", "United States of America"),
        ("Kingdom of the Netherlands", "Netherlands (Kingdom of the)"),
        ("Netherlands", "Netherlands (Kingdom of the)"),
        ("bolivia", "Bolivia (Plurinational State of)"),
        ("St. Kitts and Nevis", "Saint Kitts and Nevis"),
        ("Bahamas", "Bahamas (The)"),
        ("Holy See", "Holy See"),
    ],
)
def test_official_name(name: str, official: str) -> None:
    assert official_name(name) == official


def test_unknown_name() -> None:
    assert official_name("Narnia") is None
    assert official_name("") is None


def test_un_forms_are_exact() -> None:
    assert is_un_form("Türkiye")
    assert is_un_form("Kingdom of the Netherlands")  # as printed in S/2024/557
    assert is_un_form("Lao People's Democratic Republic")  # straight apostrophe: same name
    assert not is_un_form("Turkey")
    assert not is_un_form("the Sudan")
    assert not is_un_form("turkiye")


def test_un_alphabetical_order() -> None:
    names = [
        "Türkiye",
        "Tunisia",
        "Turkmenistan",
        "Côte d’Ivoire",
        "Croatia",
        "Costa Rica",
        "Republic of Korea",
        "Kingdom of the Netherlands",
        "New Zealand",
        "Nepal",
        "Niger",
        "Nigeria",
        "Bahamas (The)",
        "Bahrain",
    ]
    assert sort_sponsors(names) == [
        "Bahamas (The)",
        "Bahrain",
        "Costa Rica",
        "Côte d’Ivoire",
        "Croatia",
        "Nepal",
        "Kingdom of the Netherlands",
        "New Zealand",
        "Niger",
        "Nigeria",
        "Republic of Korea",
        "Tunisia",
        "Türkiye",
        "Turkmenistan",
    ]


def test_split_sponsor_names_with_and_inside_names() -> None:
    assert split_sponsor_names("Antigua and Barbuda, Bosnia and Herzegovina and Trinidad and Tobago") == [
        "Antigua and Barbuda",
        "Bosnia and Herzegovina",
        "Trinidad and Tobago",
    ]
    assert split_sponsor_names("Cambodia, Germany and Japan") == ["Cambodia", "Germany", "Japan"]
    assert split_sponsor_names("Cambodia, Germany, and Japan") == ["Cambodia", "Germany", "Japan"]
    assert split_sponsor_names("Saint Vincent and the Grenadines") == ["Saint Vincent and the Grenadines"]
    assert split_sponsor_names(
        "United Kingdom of Great Britain and Northern Ireland and United States of America"
    ) == ["United Kingdom of Great Britain and Northern Ireland", "United States of America"]


def _sponsor_names(path: Path) -> list[str]:
    text = path.read_text(encoding="utf-8")
    end = re.search(r":\s*draft resolution", text).start()
    start = text.rfind("\n \n", 0, end)
    return split_sponsor_names(" ".join(text[start:end].split()))


@pytest.mark.parametrize("name", ["A_C.1_80_L.43.txt", "A_C.3_80_L.20.txt", "S_2024_302.txt"])
def test_real_sponsor_lines_are_official_and_in_order(corpus: Path, name: str) -> None:
    names = _sponsor_names(corpus / name)
    assert len(names) > 20
    assert [n for n in names if not is_un_form(n)] == []
    assert sort_sponsors(names) == names
    # the order is not trivially preserved: a shuffled list comes back in UN order
    assert sort_sponsors(list(reversed(names))) == names


def test_groups() -> None:
    assert "the Group of 77 and China" in groups()
    assert group_name("G77") == "the Group of 77 and China"
    assert group_name("African Group") == "the Group of African States"
    assert group_name("European Union") == "the European Union"
    assert group_name("the European Union") == "the European Union"
    assert group_name("Friends of Narnia") is None


def test_every_alias_points_to_a_listed_state() -> None:
    # loading raises when an alias names a State that states.txt lacks
    assert official_name("Zaire") == "Democratic Republic of the Congo"
    assert all(re.fullmatch(r"[^\s].*[^\s]", name) for name in all_states())
