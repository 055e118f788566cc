"""Style rules as data: every shipped rule's own examples, loading and validation of rule files, user rules."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.errors import TemplateError
from app.findings import Severity
from app.paths import resource
from app.spelling import SpellingSettings, checker
from app.spelling.checker import Checker
from app.spelling.rules import load_style, load_user_rules

STYLE = resource("styles", "UN")
RULES = load_style(STYLE)
SETTINGS = SpellingSettings(personal_dictionary=None)


def test_the_un_style_ships_its_rules() -> None:
    ids = {r.id for r in RULES}
    assert {
        "UN.Ize",
        "UN.BritishSpelling",
        "UN.Programme",
        "UN.PerCent",
        "UN.Numbers",
        "UN.SerialComma",
        "UN.Capitalization",
        "UN.Italics",
        "UN.BoldUnderline",
    } <= ids
    assert all(r.examples_flag and r.examples_pass for r in RULES), "every rule ships examples"


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.id)
def test_rule_examples(rule) -> None:
    check = checker(SETTINGS)
    for text in rule.examples_flag:
        found = [f for f in check.field_findings(text, field="text") if f.rule == rule.id]
        assert found, f"{rule.id} should flag {text!r}"
        assert all(f.message and "{" not in f.message for f in found)
    for text in rule.examples_pass:
        found = [f for f in check.field_findings(text, field="text") if f.rule == rule.id]
        assert not found, f"{rule.id} should pass {text!r}: {found}"


def _fix(text: str, rule: str) -> str:
    """The text after applying every fix the rule offers (right to left)."""
    found = [f for f in checker(SETTINGS).field_findings(text, field="text") if f.rule == rule and f.fix]
    for f in sorted(found, key=lambda f: f.fix.span, reverse=True):
        a, b = f.fix.span
        text = text[:a] + f.fix.replacement + text[b:]
    return text


@pytest.mark.parametrize(
    ("rule", "before", "after"),
    [
        ("UN.Ize", "Recognising the organisations", "Recognizing the organizations"),
        ("UN.Yse", "to analyze it", "to analyse it"),
        ("UN.BritishSpelling", "the Center for labor and defense", "the Centre for labour and defence"),
        ("UN.Programme", "the Programs and the program", "the Programmes and the programme"),
        ("UN.PerCent", "30 percent and 5%", "30 per cent and 5 per cent"),
        ("UN.Numbers", "within 3 years", "within three years"),
        ("UN.SerialComma", "economic, social, and cultural rights", "economic, social and cultural rights"),
        (
            "UN.Capitalization",
            "member states and the secretary-general",
            "Member States and the Secretary-General",
        ),
        ("UN.SecretaryGeneral", "the Secretary General", "the Secretary-General"),
        ("UN.Cooperation", "Co-operation and co-ordination", "Cooperation and coordination"),
        ("UN.Italics", "States *must* comply", "States must comply"),
        ("UN.Governments", "calls upon governments", "calls upon Governments"),
    ],
)
def test_fixes_produce_un_style(rule: str, before: str, after: str) -> None:
    assert _fix(before, rule) == after


def test_capitalization_allows_a_capital_at_sentence_start() -> None:
    found = checker(SETTINGS).field_findings(
        "Member states are invited. Member States are invited", field="text"
    )
    assert [f.span for f in found if f.rule == "UN.Capitalization"] == [(0, 13)]


def test_a_rule_sees_spans_in_markup_coordinates() -> None:
    markup = "*Treaty Series*,[^n1] the organisations"
    found = [f for f in checker(SETTINGS).field_findings(markup, field="text") if f.rule == "UN.Ize"]
    assert [markup[slice(*f.span)] for f in found] == ["organisations"]


def test_rule_scope_limits_fields() -> None:
    check = checker(SETTINGS)
    assert not [f for f in check.field_findings("*must*", field="title") if f.rule == "UN.Italics"]
    assert [f for f in check.field_findings("States *must* act", field="text") if f.rule == "UN.Italics"]


# -- bad rule files ---------------------------------------------------------------------------------------------
def _style(tmp_path: Path, body: str, name: str = "Rule") -> Path:
    folder = tmp_path / "House"
    folder.mkdir(exist_ok=True)
    (folder / f"{name}.toml").write_text(body, encoding="utf-8")
    return folder


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            'kind = "existence"\nmessage = "x"\ntokens = ["a"]\ncolour = 1\n',
            "Rule.toml, line 4: unknown key 'colour'",
        ),
        ('kind = "existence"\nmessage = "x"\ntokens = ["a(("]\n', "Rule.toml, line 3: bad pattern"),
        ('kind = "existence"\nmessage = "x"\ntokens = ["a"\n', "Rule.toml: not valid TOML"),
        ('kind = "eval"\nmessage = "x"\n', "Rule.toml, line 1: 'kind' must be one of"),
        (
            'kind = "existence"\nmessage = "{match.__class__}"\ntokens = ["a"]\n',
            "line 2: unknown placeholder",
        ),
        (
            'kind = "existence"\nmessage = "x"\nlevel = "fatal"\ntokens = ["a"]\n',
            "line 3: 'level' must be one of",
        ),
        ('kind = "substitution"\nmessage = "x"\n[swap]\n"(a)" = "\\\\2"\n', "does not fit its pattern"),
        ('kind = "substitution"\nmessage = "x"\n', "a substitution rule needs 'swap'"),
        ('kind = "existence"\nmessage = "x"\ntokens = "a"\n', "line 3: 'tokens' must be a list of text"),
    ],
)
def test_bad_rule_files_are_reported_with_file_and_line(tmp_path: Path, body: str, expected: str) -> None:
    folder = _style(tmp_path, body)
    with pytest.raises(TemplateError) as caught:
        load_style(folder)
    assert expected in str(caught.value)
    assert "\n" not in str(caught.value)


def test_toml_errors_carry_the_line(tmp_path: Path) -> None:
    folder = _style(tmp_path, 'kind = "existence"\nmessage = "x"\ntokens = [\n  "a",\n  b\n]\n')
    with pytest.raises(TemplateError, match=r"Rule\.toml: not valid TOML: .*line 5"):
        load_style(folder)


# -- user rules -------------------------------------------------------------------------------------------------
def test_user_rules_switch_off_relevel_and_add_house_rules(tmp_path: Path) -> None:
    user = tmp_path / "house.toml"
    user.write_text(
        'disable = ["UN.SerialComma"]\n'
        '[levels]\n"UN.Ize" = "error"\n'
        "[rules.NoUtilize]\nkind = \"substitution\"\nmessage = \"Say '{fix}' rather than '{match}'\"\n"
        '[rules.NoUtilize.swap]\n"\\\\butilize\\\\b" = "use"\n',
        encoding="utf-8",
    )
    check = Checker(SpellingSettings(personal_dictionary=None, user_rules=user))
    found = check.field_findings("economic, social, and cultural organisations utilize it", field="text")
    rules = {f.rule: f for f in found}
    assert "UN.SerialComma" not in rules
    assert rules["UN.Ize"].severity is Severity.ERROR
    assert rules["House.NoUtilize"].message == "Say 'use' rather than 'utilize'"
    assert rules["House.NoUtilize"].fix.replacement == "use"


def test_bad_user_rules_file_names_the_line(tmp_path: Path) -> None:
    user = tmp_path / "house.toml"
    user.write_text(
        'disable = []\n\n[rules.Odd]\nkind = "existence"\nmessage = "x"\ntokens = ["x"]\nwhen = 1\n'
    )
    with pytest.raises(TemplateError, match=r"house\.toml, line 7: unknown key 'when'"):
        load_user_rules(user)
    user.write_text('[levels]\n"UN.Ize" = "loud"\n')
    with pytest.raises(TemplateError, match=r"house\.toml, line 2: level of 'UN.Ize'"):
        load_user_rules(user)


def test_security_council_italic_later_verbs_are_not_emphasis() -> None:
    from app.model import Paragraph, Part
    from app.spelling import paragraph_findings
    from app.templates import get_template

    para = Paragraph(
        opener="Decides", text="to extend the mandate, *and requests* the Secretary-General to report"
    )
    sc = paragraph_findings(para, part=Part.OPERATIVE, template=get_template("sc"), settings=SETTINGS)
    ga = paragraph_findings(para, part=Part.OPERATIVE, template=get_template("ga-plenary"), settings=SETTINGS)
    assert [f.rule for f in sc] == []
    assert [f.rule for f in ga] == ["UN.Italics"]


def test_security_council_later_participles_in_italics_are_not_emphasis_but_other_words_are() -> None:
    """The Council's drafts also set a preambular paragraph's later participles in italics ("and *expressing
    serious concern*", "*calling*" for), and now and then a participle joined to an operative paragraph;
    an italic word that is no opener's verb ("*including*") is still emphasis."""
    from app.model import Paragraph, Part
    from app.spelling import paragraph_findings
    from app.templates import get_template

    sc, ga = get_template("sc"), get_template("ga-plenary")
    pre = Paragraph(
        opener="Welcoming",
        text="the report, and *expressing serious concern* at the situation, *calling* for calm and "
        "*specifically underscoring* the need for dialogue",
    )
    ops = Paragraph(opener="Decides", text="to extend the mandate; and *commending* the Mission")
    for para, part in ((pre, Part.PREAMBLE), (ops, Part.OPERATIVE)):
        assert [f.rule for f in paragraph_findings(para, part=part, template=sc, settings=SETTINGS)] == []
        found = paragraph_findings(para, part=part, template=ga, settings=SETTINGS)
        assert len([f for f in found if f.rule == "UN.Italics"]) == para.text.count("*") // 2
    emphasis = Paragraph(opener="Welcoming", text="the report, *including* its annex")
    found = paragraph_findings(emphasis, part=Part.PREAMBLE, template=sc, settings=SETTINGS)
    assert [f.rule for f in found] == ["UN.Italics"]


def test_members_of_other_organizations_keep_a_lower_case_m() -> None:
    text = "the member States of the African Union, ECOWAS member States and its member States; member States of the United Nations"
    found = [f for f in checker(SETTINGS).field_findings(text, field="text") if f.rule == "UN.Capitalization"]
    assert [text[slice(*f.span)] for f in found] == ["member States"]
    assert found[0].span[0] == text.rindex("member States")


def test_issued_figures_and_quoted_titles_pass_the_un_style() -> None:
    """Excerpts of issued drafts (tests/fixtures/issued/style.txt): money in words, proportions, a range of days
    set with a minus sign, "(Sect. 2)", a quoted title in British spelling, and figures that label what they
    follow ("Leadership dialogue 1:", "subsidiary body 5,", from adopted GA resolutions) draw no style warning."""
    path = Path(__file__).resolve().parents[1] / "fixtures" / "issued" / "style.txt"
    lines = [
        ln for ln in path.read_text(encoding="utf-8").splitlines() if ln.strip() and not ln.startswith("#")
    ]
    check = checker(SETTINGS)
    assert len(lines) == 8
    for text in lines:
        loud = [f.rule for f in check.field_findings(text, field="text") if f.rule.startswith("UN.")]
        assert loud == [], text
    # sharp: a count in words' place, and the same British spelling outside the quotation marks
    for count in ("within 3 years of the entry into force", "the panel will hear 3 speakers: the Chair"):
        assert [f.rule for f in check.field_findings(count, field="text")] == ["UN.Numbers"], count
    unquoted = "Recalls the understanding regarding the aerosolised use of chemicals"
    assert [f.rule for f in check.field_findings(unquoted, field="text")] == ["UN.Ize"]


def _short_form_draft(with_name: bool):
    """A/RES/75/265's two paragraphs (tests/fixtures/issued/short_forms.txt), or the short form alone."""
    from app.model import Paragraph
    from tests.fixtures.robust.hostile import sample

    path = Path(__file__).resolve().parents[1] / "fixtures" / "issued" / "short_forms.txt"
    lines = [
        ln for ln in path.read_text(encoding="utf-8").splitlines() if ln.strip() and not ln.startswith("#")
    ]
    res = sample(paragraphs=2, footnotes=0)
    texts = (
        lines if with_name else ["Encourages States parties and the Organisation to use chemistry for peace;"]
    )
    res.operative = [Paragraph(t.split(" ", 1)[0], t.split(" ", 1)[1]) for t in texts]
    return res


def test_a_named_body_licenses_its_short_form_throughout_the_draft() -> None:
    """ "the Organisation" after the draft names the Organisation for the Prohibition of Chemical Weapons is that
    body's own spelling (A/RES/75/265): no warning and no fix; alone, it is the -ize rule's to correct."""
    from app.conventions.engine import check_document

    named = [f for f in check_document(_short_form_draft(True)) if f.rule == "UN.Ize"]
    assert named == []
    alone = [f for f in check_document(_short_form_draft(False)) if f.rule == "UN.Ize"]
    assert [f.fix.replacement for f in alone] == ["Organization"]


def test_typing_the_name_in_or_out_updates_the_short_forms_as_a_full_rebuild_does() -> None:
    from app.conventions.engine import build_context, check_paragraph, with_typed_texts

    res = _short_form_draft(False)
    ctx = build_context(res)
    para = res.operative[0]
    para.text += " and the Organisation for the Prohibition of Chemical Weapons"
    typed = with_typed_texts(ctx, res, [para.id])
    assert typed is not None and typed.short_forms == build_context(res).short_forms != {}
    assert para.id in typed.changed_since(ctx)
    assert [f for f in check_paragraph(res, para.id, context=typed) if f.rule == "UN.Ize"] == []
    para.text = para.text.split(" and the Organisation for")[0]
    untyped = with_typed_texts(typed, res, [para.id])
    assert untyped is not None and untyped.short_forms == {}
    assert [f.rule for f in check_paragraph(res, para.id, context=untyped) if f.rule == "UN.Ize"] == [
        "UN.Ize"
    ]
