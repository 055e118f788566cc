import pytest

from app.errors import TemplateError
from app.templates import all_templates, load_template, template_for_symbol


def test_every_organ_has_a_template():
    ids = set(all_templates())
    assert {"ga-plenary", "ga-c1", "ga-c2", "ga-c3", "ga-c4", "ga-c5", "ga-c6", "sc", "hrc", "ecosoc"} <= ids


@pytest.mark.parametrize(
    ("symbol", "template"),
    [
        ("A/C.1/79/L.43", "ga-c1"),
        ("A/80/L.6", "ga-plenary"),
        ("A/C.3/80/L.20/Rev.1", "ga-c3"),
        ("S/2024/302", "sc"),
        ("A/HRC/55/L.12", "hrc"),
        ("E/2024/L.12", "ecosoc"),
        ("A/RES/80/70", None),
    ],
)
def test_template_for_symbol(symbol, template):
    found = template_for_symbol(symbol)
    assert (found.id if found else None) == template


def test_geneva_is_a4_and_sc_has_no_title():
    t = all_templates()
    assert t["hrc"].paper == "a4" and t["ga-c1"].paper == "letter"
    assert not t["sc"].has_title and t["sc"].self_reference == "this resolution"


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ('id = "x"', "missing field"),
        (
            'id = "x"\nname="n"\norgan="o"\norgan_line="l"\nsymbol_pattern="A/{sesion}"\npaper="letter"',
            "symbol_pattern",
        ),
        (
            'id = "x"\nname="n"\norgan="o"\norgan_line="l"\nsymbol_pattern="A"\npaper="letter"\ncolour=1',
            "unknown field 'colour'",
        ),
        ('id = "x"\nname="n"\norgan="o"\norgan_line="l"\nsymbol_pattern="A"\npaper="legal"', "paper"),
        (
            'id = "x"\nname="n"\norgan="o"\norgan_line="l"\nsymbol_pattern="A"\npaper="letter"\nhas_title="yes"',
            "has_title",
        ),
        ("id = [", "not valid TOML"),
    ],
)
def test_malformed_template_names_file_and_field(tmp_path, body, message):
    path = tmp_path / "broken.toml"
    path.write_text(body, encoding="utf-8")
    with pytest.raises(TemplateError) as err:
        load_template(path)
    assert "broken.toml" in str(err.value) and message in str(err.value)
