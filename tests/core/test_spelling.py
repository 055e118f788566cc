"""Spelling: the vocabulary of UN English, what is not checked as a word, suggestions, the personal dictionary,
and the API the engine and the editor call."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.errors import InputError
from app.findings import Severity
from app.model import Footnote, Paragraph, Part, Resolution
from app.spelling import (
    SpellingSettings,
    checker,
    configure,
    document_findings,
    misspelt_words,
    paragraph_findings,
    suggestions,
)
from app.spelling.personal import PersonalDictionary
from app.templates import get_template

SETTINGS = SpellingSettings(personal_dictionary=None)


def words(text: str, settings: SpellingSettings = SETTINGS) -> list[str]:
    return [w for _, _, w in misspelt_words(text, settings=settings)]


def test_un_english_is_known() -> None:
    text = (
        "Recognizing the programme of peacebuilding, non-proliferation and capacity-building of the "
        "Secretary-General, the centre for labour statistics, judgement, multilateralism, denuclearization, "
        "subregional organizations, inter alia, mutatis mutandis, the Plurinational State of Bolivia, Türkiye, "
        "Côte d’Ivoire, Kyrgyzstan, Lao People’s Democratic Republic, the Sendai Framework and UN-Habitat"
    )
    assert words(text) == []


def test_misspellings_are_found_with_their_spans() -> None:
    text = "The Governmnet will recieve the reserch on non-proliferaton."
    found = misspelt_words(text, settings=SETTINGS)
    assert [(text[a:b], w) for a, b, w in found] == [
        ("Governmnet", "Governmnet"),
        ("recieve", "recieve"),
        ("reserch", "reserch"),
        ("non-proliferaton", "non-proliferaton"),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "see A/C.1/79/L.43, A/RES/78/45 and S/2024/302",  # symbols
        "at https://www.un.org/depts/dhl/xyzq and info@unxq.org",  # URLs and e-mail
        "COVID-19 and 3rd and 2015–2030 and 22,687,300",  # numbers and things joined to them
        "UNDP, UNHCR, CTBTO, PrepCom and MINUSMAA",  # acronyms and inner capitals
        'the item entitled “Sustainble Oceans” and "Quoted multimorbidity"',  # quoted: capitals, terms
        "subparagraphs (iv) and (xii)",  # roman numerals
        "the Abyei Area and Hammarskjöld and Ouagadougou and Mr. Lemkin",  # names far from any common word
    ],
)
def test_what_is_not_checked_as_words(text: str) -> None:
    assert words(text) == []


def test_quoted_titles_keep_their_words_but_not_slips_of_the_keyboard() -> None:
    """A title is quoted as issued, but a letter dropped or two swapped in a lower-case word is a slip there too."""
    text = 'the item entitled “Sustainable develpment and interlinkages” and "Quoted wrods"'
    assert words(text) == ["develpment", "wrods"]


def test_capitalized_words_one_slip_from_a_common_word_are_reported() -> None:
    assert words("The Goverment of Kazakstan and the Secretery-General") == [
        "Goverment",
        "Kazakstan",
        "Secretery-General",
    ]


def test_hyphen_and_apostrophe_words_are_whole() -> None:
    found = misspelt_words("the peace-bilding efforts and the Peoples’s", settings=SETTINGS)
    assert [w for *_, w in found] == ["peace-bilding"]
    assert words("children’s rights, States’ obligations, multi-stakeholder, pre-session, non-binding") == []


def test_italic_titles_are_not_spell_checked() -> None:
    found = checker(SETTINGS).field_findings("*Qwertz Yuiop Series*, vol. 5, qwertzuiop", field="text")
    assert [(f.rule, f.span) for f in found] == [("spelling.unknown-word", (31, 41))]


@pytest.mark.parametrize(
    ("typed", "first"),
    [
        ("goverment", "government"),
        ("Governmnet", "Government"),
        ("programe", "programme"),
        ("recieve", "receive"),
        ("Kazakstan", "Kazakhstan"),
        ("non-proliferaton", "non-proliferation"),
        ("Secretery-General", "Secretary-General"),
        ("capacitybuilding", "capacity-building"),
        ("developement", "development"),
        ("acountability", "accountability"),
    ],
)
def test_suggestions_are_ranked_sensibly(typed: str, first: str) -> None:
    found = suggestions(typed, settings=SETTINGS)
    assert found and found[0] == first
    assert len(found) <= 5


def test_suggestions_for_gibberish_are_empty() -> None:
    assert suggestions("xqzvvkrtp", settings=SETTINGS) == []


def test_words_run_together_past_any_known_length_are_not_edited(monkeypatch: pytest.MonkeyPatch) -> None:
    """A run of joined words longer than every known word by two has no known word one edit away: no edits
    are tried (each costs its length times the alphabet; a pasted run of hundreds took seconds per paragraph,
    found by the exporters' fuzz). A word one letter longer than the longest known one is still edited."""
    from app.spelling import lexicon

    lex = lexicon.Lexicon()
    longest = max(lex._base, key=len)
    assert longest in lex.near(longest + "q")

    def no_edits(*args: object) -> set[str]:
        raise AssertionError("edits tried")

    monkeypatch.setattr(lexicon, "_edits1", no_edits)
    assert lex.near("Recalling" * 40) == []


def test_spelling_finding_offers_the_first_suggestion_as_fix() -> None:
    para = Paragraph(opener="Recalling", text="the *Report*[^f1] on goverment policy")
    found = paragraph_findings(
        para, part=Part.PREAMBLE, template=get_template("ga-plenary"), settings=SETTINGS
    )
    assert len(found) == 1
    f = found[0]
    assert (f.rule, f.paragraph_id, f.field) == ("spelling.unknown-word", para.id, "text")
    assert para.text[slice(*f.span)] == "goverment"
    assert f.fix and f.fix.replacement == "government" and f.fix.span == f.span
    assert "goverment" in f.message


def test_paragraph_findings_cover_opener_text_tail_but_not_subparagraphs() -> None:
    sub = Paragraph(text="the goverment")
    para = Paragraph(opener="Recognising", text="that the", subparagraphs=[sub], tail="in 3 years")
    found = paragraph_findings(para, part=Part.OPERATIVE, template=get_template("ga-c1"), settings=SETTINGS)
    assert sorted((f.field, f.rule) for f in found) == [("opener", "UN.Ize"), ("tail", "UN.Numbers")]


def test_a_style_finding_is_not_doubled_by_a_spelling_finding() -> None:
    found = checker(SETTINGS).field_findings("the organisation and the programe", field="text")
    assert [(f.rule, f.span) for f in found] == [("UN.Ize", (4, 16)), ("spelling.unknown-word", (25, 33))]


def test_document_findings_check_the_title_and_footnotes() -> None:
    note = Footnote(text="See Oficial Records, vol. 5.")
    res = Resolution(title="Nuclear disarmement", footnotes={note.id: note})
    found = document_findings(res, template=get_template("ga-c1"), settings=SETTINGS)
    assert [(f.paragraph_id, f.field, f.span) for f in found] == [
        ("", "title", (8, 19)),
        (note.id, "footnote", (4, 11)),
    ]


# -- personal dictionary ----------------------------------------------------------------------------------------
def test_personal_dictionary_persists_as_a_plain_word_list(tmp_path: Path) -> None:
    path = tmp_path / "sub" / "words.txt"
    book = PersonalDictionary(path)
    assert not book.contains("Qwertzstan")
    book.add("Qwertzstan")
    book.add("ablé’s")
    book.add("qwertzstan")  # already there, whatever the case
    assert path.read_text(encoding="utf-8") == "ablé's\nQwertzstan\n"
    again = PersonalDictionary(path)
    assert again.contains("QWERTZSTAN") and "ablé’s" in again and len(again) == 2
    again.remove("qwertzstan")
    assert PersonalDictionary(path).words() == ["ablé's"]
    assert not list(tmp_path.glob("sub/*.tmp"))


def test_personal_dictionary_rejects_phrases(tmp_path: Path) -> None:
    with pytest.raises(InputError):
        PersonalDictionary(tmp_path / "w.txt").add("two words")


def test_checker_sees_words_added_to_the_personal_dictionary(tmp_path: Path) -> None:
    path = tmp_path / "words.txt"
    settings = SpellingSettings(personal_dictionary=path)
    assert words("the qwertzification of it", settings) == ["qwertzification"]
    PersonalDictionary(path).add("qwertzification")  # as the editor does, through its own instance
    assert words("the qwertzification of it", settings) == []
    PersonalDictionary(path).remove("qwertzification")
    assert words("the qwertzification of it", settings) == ["qwertzification"]


def test_configure_sets_the_default_settings(tmp_path: Path) -> None:
    path = tmp_path / "words.txt"
    path.write_text("zyxwvutism\n", encoding="utf-8")
    try:
        configure(SpellingSettings(personal_dictionary=path))
        assert misspelt_words("zyxwvutism") == []
    finally:
        configure(None)
    assert [w for *_, w in misspelt_words("zyxwvutism", settings=SETTINGS)] == ["zyxwvutism"]


def test_spelling_can_be_switched_off() -> None:
    check = checker(SpellingSettings(personal_dictionary=None, spelling=False))
    assert check.field_findings("the goverment", field="text") == []


def test_new_closed_compounds_of_a_combining_form_and_a_common_word_are_known() -> None:
    assert words("telehealth, microinsurance, agroforestry, nanosatellites and outmigration") == []
    # the word after the combining form must be a common one: a misspelt compound stays wrong
    assert words("cyberbulling and reserch") == ["cyberbulling", "reserch"]


def test_regular_derivations_of_common_words_are_known() -> None:
    assert words("the operationalization and informalization of work, and lockdowns and renewables") == []
    assert words("the goverments and the recieves") == ["goverments", "recieves"]


def test_rejected_words_are_reported_though_the_dictionary_has_them() -> None:
    assert words("the supercede of wether and calender") == ["supercede", "wether", "calender"]


@pytest.mark.parametrize(
    "text",
    [  # names as adopted resolutions print them (sessions 78 and 79)
        "signed at Cartagena de Indias, Colombia",
        "the Snow Leopard in the Western Tien Shan and Pamir-Alai",
        "in Qalib al-Thawr and in al-Balil",
        "arms and related materiel to the anti-Balaka and ex-Séléka",
        "tele-education and the workplan",
        # session 74 (A/RES/74/169, 74/252, 74/9, 74/305): a transliterated name's apostrophe, Word's
        # non-breaking hyphen (U+2011) before a name, terms of the texts
        "civilian protests erupted in Dar\u2019a in March 2011",
        "the official holidays of Eid al-Fitr and Eid al\u2011Adha",
        "the consultative peace loya jirga and the practice of bacha bazi",
        "monitoring of in vivo resistance and insecticide-treated bednets",
    ],
)
def test_names_and_un_words_of_issued_text_are_not_reported(text: str) -> None:
    assert misspelt_words(text, settings=SETTINGS) == []


@pytest.mark.parametrize(
    "text, word",
    [
        ("The Secretray-General shall", "Secretray-General"),
        ("Welcomes the Unied Nations", "Unied"),
        ("the Secretary-General. Goverments shall", "Goverments"),
        ("The Goverment of Haiti", "Goverment"),
        ("the Goverment\u2019s plan", "Goverment\u2019s"),  # a possessive is no transliteration
    ],
)
def test_a_capital_after_a_sentence_or_before_a_common_word_is_no_name(text: str, word: str) -> None:
    assert [w for _, _, w in misspelt_words(text, settings=SETTINGS)] == [word]


def test_no_one_click_fix_where_the_correction_is_not_clear() -> None:
    para = Paragraph(opener="Welcomes", text="the tell-educaton programme and teh report")
    found = paragraph_findings(
        para, part=Part.OPERATIVE, template=get_template("ga-plenary"), settings=SETTINGS
    )
    spelling = [f for f in found if f.rule == "spelling.unknown-word"]
    assert spelling and all(f.fix is None for f in spelling)


def _issued_lines(name: str) -> list[str]:
    """Excerpts of issued drafts, one a line (tests/fixtures/issued, README there)."""
    path = Path(__file__).resolve().parents[1] / "fixtures" / "issued" / name
    return [
        ln for ln in path.read_text(encoding="utf-8").splitlines() if ln.strip() and not ln.startswith("#")
    ]


def test_a_term_with_no_known_word_one_letter_away_is_a_note_and_a_slip_a_warning() -> None:
    """Issued text uses terms no list holds ("criminogenic", "multimorbidity": A/C.3/80/L.8, A/80/L.34): with no
    known word one edit away they are noted, not warned about; a slip one letter from a word stays a warning."""
    settings = SpellingSettings(personal_dictionary=None, styles=())
    *terms, url = _issued_lines("spelling.txt")
    for text in (*terms, url):
        para = Paragraph(opener="", text=text)
        found = [
            f
            for f in paragraph_findings(
                para, part=Part.OPERATIVE, template=get_template("ga-c3"), settings=settings
            )
            if f.rule == "spelling.unknown-word"
        ]
        assert all(f.severity is Severity.INFO for f in found)
    assert [[w for _, _, w in misspelt_words(t, settings=settings)] for t in terms] == [
        ["criminogenic"],
        ["multimorbidity"],
    ]
    assert misspelt_words(url, settings=settings) == []  # the URL's second line is no word
    para = Paragraph(
        opener="Requests", text="the Goverment and the criminogenic and biennalization of the report"
    )
    found = paragraph_findings(para, part=Part.OPERATIVE, template=get_template("ga-c3"), settings=settings)
    levels = {para.text[slice(*f.span)]: f.severity for f in found if f.rule == "spelling.unknown-word"}
    assert levels == {
        "Goverment": Severity.WARNING,
        "criminogenic": Severity.INFO,
        "biennalization": Severity.WARNING,
    }


@pytest.mark.parametrize(
    "text, fixed",
    [
        ("on goverment policy", "government"),
        ("a sustianable future", "sustainable"),
        ("its developement", "development"),
        # a changed letter makes another word: the issued "desistance" (A/C.3/80/L.8) and "respondeat" (A/C.3/80/L.49)
        # are right, and so is "materiel"; a menu offers the choice, no one-click fix
        ("support continued desistance from crime", ""),
        ("pleas of respondeat superior", ""),
    ],
)
def test_a_one_click_fix_only_for_a_letter_left_out_added_or_swapped(text: str, fixed: str) -> None:
    para = Paragraph(opener="Welcomes", text=text)
    found = paragraph_findings(
        para, part=Part.OPERATIVE, template=get_template("ga-plenary"), settings=SETTINGS
    )
    fixes = [f.fix.replacement for f in found if f.rule == "spelling.unknown-word" and f.fix]
    assert fixes == ([fixed] if fixed else [])


def test_names_after_a_personal_title_are_names() -> None:
    # tests/fixtures/issued/names_after_titles.txt (A/RES/75/287): "President Win Myint", "State Counsellor Aung
    # San Suu Kyi"; a name's words are not checked against the dictionary, whatever word they are one letter from
    settings = SpellingSettings(personal_dictionary=None, styles=())
    [text] = _issued_lines("names_after_titles.txt")
    assert misspelt_words(text, settings=settings) == []
    # sharp: a slip in a name the UN lists hold, with no title before it, and a slip after the title's name run
    slips = "of the President of the General Assemby and President Win Myint, who arrived in Afganistan"
    assert [w for _, _, w in misspelt_words(slips, settings=settings)] == ["Assemby", "Afganistan"]
