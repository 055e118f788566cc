"""Sponsors, title, symbol."""

from __future__ import annotations

from pathlib import Path

from conventions_support import found, resolution

from app.conventions.engine import check_header
from app.findings import Severity


def test_official_sponsor_names() -> None:
    res = resolution(sponsors=["Andorra", "Turkey", "the Sudan", "Kingdom of the Netherlands"])
    got = found(res, "sponsors.official-name")
    assert [(f.field, f.fix.replacement) for f in got] == [
        ("sponsors[1]", "Türkiye"),
        ("sponsors[2]", "Sudan"),
    ]


def test_unknown_sponsor_with_suggestion() -> None:
    [f] = found(resolution(sponsors=["Andorra", "Argentinia"]), "sponsors.unknown-name")
    assert f.fix and f.fix.replacement == "Argentina"


def test_sponsor_order_and_duplicates() -> None:
    res = resolution(sponsors=["Türkiye", "Tunisia", "Republic of Korea", "Tunisia"])
    [order] = found(res, "sponsors.order")
    assert order.fix.replacement.split("\n") == ["Republic of Korea", "Tunisia", "Tunisia", "Türkiye"]
    [dup] = found(res, "sponsors.duplicate")
    assert dup.field == "sponsors[3]"
    ok = resolution(
        sponsors=[
            "Bahamas (The)",
            "Costa Rica",
            "Côte d’Ivoire",
            "Netherlands (Kingdom of the)",
            "New Zealand",
            "Republic of Korea",
            "Türkiye",
            "Turkmenistan",
        ]
    )
    assert not {f.rule for f in check_header(ok)} & {"sponsors.order", "sponsors.official-name"}


def test_several_sponsors_in_one_entry() -> None:
    [f] = found(resolution(sponsors=["Cambodia, Germany and Japan"]), "sponsors.one-per-entry")
    assert f.fix.replacement.split("\n") == ["Cambodia", "Germany", "Japan"]


def test_group_name() -> None:
    res = resolution()
    res.header.on_behalf_of = "G77"
    [f] = found(res, "sponsors.group")
    assert f.fix.replacement == "the Group of 77 and China"
    res.header.on_behalf_of = "the Group of 77 and China"
    assert not found(res, "sponsors.group")
    # the League of Arab States is not the Group of Arab States written otherwise (A/C.1/80/L.2 as issued)
    res.header.on_behalf_of = "the League of Arab States"
    assert not found(res, "sponsors.group")
    res.header.on_behalf_of = "Arab Group"
    [f] = found(res, "sponsors.group")
    assert f.fix.replacement == "the Group of Arab States"


def test_title_rules() -> None:
    [f] = found(resolution(title="RIGHTS OF THE CHILD"), "title.all-caps")
    assert f.severity is Severity.WARNING and f.fix.replacement == "Rights of the child"
    [f] = found(resolution(title="Rights of the child."), "title.full-stop")
    assert f.fix.replacement == "" and f.span == (19, 20)
    assert found(resolution(title=""), "title.missing")
    assert found(resolution(title="Outer space", template="sc"), "title.not-used")
    assert not {f.rule for f in check_header(resolution())} & {
        "title.all-caps",
        "title.full-stop",
        "title.missing",
    }


def test_symbol_fits_the_template() -> None:
    assert not found(resolution(symbol="A/C.3/80/L.20"), "header.symbol")
    assert found(resolution(symbol="A/C.1/80/L.43"), "header.symbol")
    assert found(resolution(symbol="A/C.3/79/L.20"), "header.symbol")  # session 80 in the header
    assert found(resolution(symbol="A/C.3/80/L.20/Rev.1"), "header.symbol")
    res = resolution(symbol="A/C.3/80/L.20")
    res.header.distribution = "General"
    assert found(res, "header.distribution")[0].fix.replacement == "Limited"


def test_unknown_template_falls_back() -> None:
    res = resolution()
    res.header.template = "no-such-organ"
    assert [f.rule for f in check_header(res)][0] == "header.template"


def test_an_observer_state_in_its_alphabetical_place_or_after_the_member_states() -> None:
    # tests/fixtures/issued/sponsors_observer.txt (A/80/L.13): "Sri Lanka, State of Palestine, Suriname"
    path = Path(__file__).resolve().parents[1] / "fixtures" / "issued" / "sponsors_observer.txt"
    issued = [n.strip() for n in path.read_text(encoding="utf-8").split(",")]
    after = [n for n in issued if n != "State of Palestine"] + ["State of Palestine"]
    for names in (issued, after):
        assert not found(resolution(sponsors=names), "sponsors.order"), names
    # sharp: a Member State out of place is still reported, wherever the observer stands
    for names in (issued, after):
        wrong = [names[1], names[0], *names[2:]]
        assert found(resolution(sponsors=wrong), "sponsors.order"), wrong
