"""A sponsor line of its time lists a State under the name the UN then gave it, in that name's alphabetical place
("Canada, Cape Verde, Chad", "Suriname, Swaziland, Sweden", "Thailand, the former Yugoslav Republic of Macedonia,
Togo"). The reader sets each name to today's (Cabo Verde, Eswatini, North Macedonia) and so the list is put in
today's order with a note, instead of being reported as out of order. The expected order is the UN's own list of
that time (tests/fixtures/issued_sc/recorded_vote_old_names.txt: a recorded vote's "In favour:" list)."""

from __future__ import annotations

from pathlib import Path

from app.conventions.engine import check_document
from app.io.text_reader import read_text
from app.states import official_name, sort_sponsors

LIST = (
    Path(__file__).resolve().parents[1] / "fixtures" / "issued_sc" / "recorded_vote_old_names.txt"
).read_text(encoding="utf-8")
NAMES = [n.strip() for n in LIST.split("\n")[1].split(",")]


def _draft(names: list[str]) -> str:
    line = ", ".join(names[:-1]) + " and " + names[-1]
    return (
        "United Nations S/2017/1\nSecurity Council Distr.: General\n1 January 2017\nOriginal: English\n\n"
        f"{line}: draft resolution\n\nThe Security Council,\n\nRecalling its resolutions,\n\n"
        "1. Decides to remain seized of the matter.\n"
    )


def test_a_list_in_the_order_of_its_time_is_read_in_todays() -> None:
    names = [n for n in NAMES if official_name(n)]  # the list's names the UN still has
    result = read_text(_draft(names))
    sponsors = result.resolution.header.sponsors
    assert sponsors == sort_sponsors(sponsors)
    assert {"Cabo Verde", "Eswatini", "North Macedonia", "Czechia"} <= set(sponsors)
    assert [f.rule for f in result.findings if f.rule == "import.sponsor-names"] == ["import.sponsor-names"]
    assert "sponsors.order" not in {f.rule for f in check_document(result.resolution)}


def test_a_name_out_of_its_place_is_still_reported() -> None:
    names = [n for n in NAMES if official_name(n)]
    at = names.index("Swaziland")
    names.insert(names.index("Algeria"), names.pop(at))  # "Swaziland" first: out of place then as now
    result = read_text(_draft(names))
    assert "import.sponsor-names" not in {f.rule for f in result.findings}
    assert "sponsors.order" in {f.rule for f in check_document(result.resolution)}
