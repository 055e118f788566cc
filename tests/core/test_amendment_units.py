"""A whole annex or later part deleted by an amendment ("Delete annex II", "Delete part B"; our own wording,
as the set wording deletes a paragraph: no issued amendment deleting one was found), derived from issued
resolutions (the UN XML of A/RES/75/212, three annexes, and A/RES/79/259, parts A-C) and an edit of them,
written to text, Word, Akoma Ntoso and the project file and in French and Spanish, read back, applied to give the
edited copy; what has no wording yet (an annex added, a text adopted with no "Annex" line deleted) is refused in
one line, losing nothing."""

from __future__ import annotations

import copy
import re
from collections.abc import Callable
from pathlib import Path

import pytest
from lxml import etree

from app import amendments
from app.amendments import texts
from app.cli import run as main
from app.errors import InputError
from app.io.reading import read_document
from app.model import Action, Paragraph, Resolution
from app.storage import load_project, save_project

AKN = Path(__file__).resolve().parent.parent / "fixtures" / "akn"
ANNEXES = AKN / "75_212_E.xml"
PARTS = AKN / "A_RES_79_259-2424702E.xml"
PACT = AKN / "A_RES_79_1-2416433E.xml"
ROMAN = ["I", "II", "III", "IV", "V"]


def _annex_headings(path: Path) -> list[str]:
    """The "Annex I", "Annex II" … headings the UN XML prints."""
    root = etree.parse(str(path)).getroot()
    found = [" ".join("".join(el.itertext()).split()) for el in root.iter() if isinstance(el.tag, str)]
    return [text for text in found if text in {f"Annex {r}" for r in ROMAN}]


def _same(a: Resolution, b: Resolution) -> bool:
    return (
        [u.title for u in a.later_parts] == [u.title for u in b.later_parts]
        and [texts(u.preamble) + texts(u.operative) for u in a.later_parts]
        == [texts(u.preamble) + texts(u.operative) for u in b.later_parts]
        and [(x.title, texts(x.paragraphs)) for x in a.annexes]
        == [(x.title, texts(x.paragraphs)) for x in b.annexes]
        and texts(a.operative) == texts(b.operative)
    )


def _round_trips(base: Resolution, proposed: Resolution, made: Resolution, tmp_path: Path) -> None:
    assert _same(amendments.apply(made.instructions, base, made), proposed)
    save_project(made, tmp_path / "amendment.json")
    for suffix in (".json", ".txt", ".docx", ".xml"):
        out = tmp_path / f"amendment{suffix}"
        if suffix != ".json":
            assert main(["export", str(tmp_path / "amendment.json"), "-o", str(out)]) == 0
        read = read_document(out).resolution
        got = [(i.action, i.unit, i.part, i.number, i.sub, i.old, i.new) for i in read.instructions]
        want = [(i.action, i.unit, i.part, i.number, i.sub, i.old, i.new) for i in made.instructions]
        assert got == want, suffix
        assert _same(amendments.apply(read.instructions, base, read), proposed), suffix


def test_an_annex_deleted_whole_and_an_earlier_one_edited(tmp_path: Path) -> None:
    base = read_document(ANNEXES).resolution
    assert len(base.annexes) == len(set(_annex_headings(ANNEXES))) == 3
    proposed = copy.deepcopy(base)
    del proposed.annexes[1]  # with unnumbered paragraphs: deleted whole, it needs no number
    numbered = [p for p in proposed.annexes[0].paragraphs if p.numbered and not p.is_table]
    assert len(numbered) == len(proposed.annexes[0].paragraphs)  # annex I: numbered paragraphs only
    number, changed = next((n, p) for n, p in enumerate(numbered, start=1) if not p.subparagraphs and n > 1)
    changed.text = changed.text.rstrip(".;") + " and more."
    made = amendments.amendment(base, proposed, sponsors=["Mexico"], symbol="A/75/L.99")
    said = [item.sentence for item in amendments.items(made.instructions)]
    assert said[0].startswith(f"In paragraph {number} of annex I, ")
    assert said[1] == "Delete annex II"
    _round_trips(base, proposed, made, tmp_path)
    # the amended draft has two annexes: "Annex I" and "Annex II" (the third, renumbered)
    amended = amendments.apply(made.instructions, base, made)
    assert [a.title for a in amended.annexes] == [base.annexes[0].title, base.annexes[2].title]


def test_a_later_part_deleted_whole(tmp_path: Path) -> None:
    base = read_document(PARTS).resolution
    assert len(base.later_parts) == 2  # parts B and C
    proposed = copy.deepcopy(base)
    del proposed.later_parts[0]
    made = amendments.amendment(base, proposed)
    assert [item.sentence for item in amendments.items(made.instructions)] == ["Delete part B"]
    _round_trips(base, proposed, made, tmp_path)
    # the CLI writes it, and applies it back
    save_project(base, tmp_path / "base.json")
    save_project(proposed, tmp_path / "proposed.json")
    assert (
        main(
            [
                "amend",
                str(tmp_path / "base.json"),
                str(tmp_path / "proposed.json"),
                "-o",
                str(tmp_path / "a.txt"),
            ]
        )
        == 0
    )
    assert "Delete part B." in (tmp_path / "a.txt").read_text(encoding="utf-8")
    out = tmp_path / "amended.json"
    assert (
        main(["amend", "--apply", str(tmp_path / "a.txt"), str(tmp_path / "base.json"), "-o", str(out)]) == 0
    )
    assert _same(load_project(out), proposed)


@pytest.mark.parametrize(
    ("code", "annex", "part"),
    [
        ("fr", "Supprimer l’annexe II", "Supprimer la partie B"),
        ("es", "Suprímase el anexo II", "Suprímase la parte B"),
    ],
)
def test_in_french_and_spanish(tmp_path: Path, code: str, annex: str, part: str) -> None:
    base = read_document(ANNEXES).resolution
    base.later_parts = copy.deepcopy(read_document(PARTS).resolution.later_parts)
    base.part_title = "A"
    base.header.language, base.header.symbol = code, "A/C.2/75/L.50"
    proposed = copy.deepcopy(base)
    del proposed.annexes[1]
    del proposed.later_parts[0]
    changed = proposed.annexes[0].paragraphs[2]
    changed.text = changed.text.rstrip(".;") + " and more."
    made = amendments.amendment(base, proposed, sponsors=["Mexique"], symbol="A/C.2/75/L.77")
    said = [item.sentence for item in amendments.items(made.instructions, code)]
    assert said[0] == part and said[2] == annex
    # "Au paragraphe 3 de l’annexe I" (contracted) names its annex as "le paragraphe 3 de l’annexe I" does
    assert said[1].split(",")[0].endswith(" 3 de l’annexe I" if code == "fr" else " 3 del anexo I")
    _round_trips(base, proposed, made, tmp_path)


def test_what_has_no_wording_is_refused_and_nothing_is_written(tmp_path: Path) -> None:
    base = read_document(ANNEXES).resolution
    proposed = copy.deepcopy(base)
    proposed.annexes[1].labelled = False  # printed with no "Annex" line: the wording has no sentence for it
    with pytest.raises(InputError, match=r"the annexes \(one given or relieved of its Annex line\)"):
        amendments.amendment(base, proposed)
    save_project(base, tmp_path / "base.json")
    save_project(proposed, tmp_path / "proposed.json")
    out = tmp_path / "a.docx"
    assert main(["amend", str(tmp_path / "base.json"), str(tmp_path / "proposed.json"), "-o", str(out)]) == 2
    assert not out.exists()
    # the Pact for the Future is adopted with no "Annex" line: it has no name to be deleted by
    pact = read_document(PACT).resolution
    assert not pact.annexes[0].labelled
    proposed = copy.deepcopy(pact)
    del proposed.annexes[0]
    with pytest.raises(
        InputError, match=r"the annexes \(a text adopted with no Annex line added or removed\)"
    ):
        amendments.amendment(pact, proposed)


def test_a_deletion_read_back_names_an_annex_the_draft_has() -> None:
    base = read_document(ANNEXES).resolution
    instruction = amendments.Instruction(Action.DELETE, amendments.Part.OPERATIVE, 0, unit="Annex V")
    with pytest.raises(InputError, match="the draft has no annex V"):
        amendments.apply([instruction], base)


def _numbered_in_xml(path: Path) -> dict[str, int]:
    """How many paragraphs each annex of the UN XML numbers (<num>N.</num> after its "Annex II" heading)."""
    counts: dict[str, int] = {}
    current = ""
    for el in etree.parse(str(path)).getroot().iter():
        if not isinstance(el.tag, str):
            continue
        if el.tag.endswith("}heading") and " ".join("".join(el.itertext()).split()) in _annex_headings(path):
            current = " ".join("".join(el.itertext()).split())
            counts[current] = 0
        elif current and el.tag.endswith("}num") and re.fullmatch(r"\d+\.", (el.text or "").strip()):
            counts[current] += 1
    return counts


def _unnumbered_edit(language: str = "") -> tuple[Resolution, Resolution, list[int]]:
    """A/RES/75/212's annex II, whose unnumbered paragraphs (dates, times, headings' chapeaux) stand among its
    numbered ones: the second unnumbered one edited, the third deleted, a new one after the fourth. Returns the
    base, the edit and the unnumbered paragraphs' places among the annex's own, as the UN XML numbers them."""
    base = read_document(ANNEXES).resolution
    base.header.language, base.header.symbol = language, "A/C.2/75/L.50"
    # the paragraphs numbered are those the UN XML numbers: the others are the unnumbered ones counted
    numbered = [sum(p.numbered and not p.is_table for p in a.paragraphs) for a in base.annexes]
    assert numbered == list(_numbered_in_xml(ANNEXES).values())
    proposed = copy.deepcopy(base)
    paragraphs = proposed.annexes[1].paragraphs
    plain = [
        p for p in paragraphs if not p.numbered and not p.is_table and not p.subparagraphs and not p.heading
    ]
    unnumbered = [p for p in paragraphs if not p.numbered and not p.is_table]
    places = [unnumbered.index(p) + 1 for p in plain[1:4]]
    plain[1].text = plain[1].text.rstrip(".;:") + " and more."
    paragraphs.remove(plain[2])
    paragraphs.insert(
        paragraphs.index(plain[3]) + 1, Paragraph(text="A new unnumbered line.", numbered=False)
    )
    return base, proposed, places


@pytest.mark.parametrize(
    ("code", "words"),
    [
        (
            "",
            [
                "In the {0} unnumbered paragraph of annex II,",
                "Delete the {1} unnumbered paragraph of annex II",
            ],
        ),
        (
            "fr",
            ["Au {0} paragraphe non numéroté de l’annexe II,", "Supprimer le {1} paragraphe non numéroté"],
        ),
        ("es", ["En el {0} párrafo sin numerar del anexo II,", "Suprímase el {1} párrafo sin numerar"]),
    ],
)
def test_an_annex_s_unnumbered_paragraphs_are_named_by_their_order(
    tmp_path: Path, code: str, words: list[str]
) -> None:
    from app.formatting import ordinal_words
    from app.languages import get_language

    base, proposed, places = _unnumbered_edit(code)
    table = get_language(code).amendments
    ordinals = [table["ordinals"][n - 1] if table else ordinal_words(n) for n in places]
    made = amendments.amendment(base, proposed, sponsors=["Mexico"], symbol="A/C.2/75/L.77")
    said = [item.sentence for item in amendments.items(made.instructions, code)]
    assert said[0].startswith(words[0].format(ordinals[0]))
    assert said[1].startswith(words[1].format(ordinals[0], ordinals[1]))
    assert ordinals[2] in said[2] and len(said) == 3
    _round_trips(base, proposed, made, tmp_path)
    amended = amendments.apply(made.instructions, base, made)
    assert [p.numbered for p in amended.annexes[1].paragraphs] == [
        p.numbered for p in proposed.annexes[1].paragraphs
    ]
    # the command line: derived to Word, applied back
    save_project(base, tmp_path / "base.json")
    save_project(proposed, tmp_path / "proposed.json")
    word, out = tmp_path / "cli.docx", tmp_path / "amended.json"
    files = [str(tmp_path / "base.json"), str(tmp_path / "proposed.json")]
    assert main(["amend", *files, "-o", str(word), "--sponsor", "Mexico", "--symbol", "A/C.2/75/L.77"]) == 0
    assert main(["amend", "--apply", str(word), str(tmp_path / "base.json"), "-o", str(out)]) == 0
    assert _same(load_project(out), proposed)


def test_a_paragraph_of_a_text_adopted_with_no_annex_line_is_still_refused() -> None:
    pact = read_document(PACT).resolution
    proposed = copy.deepcopy(pact)
    proposed.annexes[0].paragraphs[3].text += " and more"
    with pytest.raises(InputError, match="an annex whose paragraphs are unnumbered"):
        amendments.amendment(pact, proposed)


@pytest.mark.parametrize("code", ["fr", "es"])
def test_a_french_or_spanish_amendment_with_no_sponsor_reads_back(tmp_path: Path, code: str) -> None:
    """`resolute amend` with no --sponsor prints "Amendement au projet de résolution A/…" with no colon: it was not
    read back as an amendment, so --apply refused it."""
    base = read_document(ANNEXES).resolution
    base.header.language, base.header.symbol = code, "A/C.2/75/L.50"
    proposed = copy.deepcopy(base)
    del proposed.annexes[2]
    save_project(base, tmp_path / "base.json")
    save_project(proposed, tmp_path / "proposed.json")
    for suffix in (".txt", ".docx"):
        written, out = tmp_path / f"a{suffix}", tmp_path / f"amended{suffix}.json"
        assert (
            main(["amend", str(tmp_path / "base.json"), str(tmp_path / "proposed.json"), "-o", str(written)])
            == 0
        )
        read = read_document(written).resolution
        assert read.header.amends == "A/C.2/75/L.50" and read.header.language == code
        assert main(["amend", "--apply", str(written), str(tmp_path / "base.json"), "-o", str(out)]) == 0
        assert _same(load_project(out), proposed)


STRUCTURE = AKN.parent / "structure"


def test_the_only_annex_deleted_and_its_unnumbered_paragraphs(tmp_path: Path) -> None:
    """A draft with one annex prints it "Annex" and names it "the annex": A/RES/77/5's deleted whole, and an
    unnumbered paragraph of A/RES/76/113's (its annex opens with unnumbered paragraphs) edited."""
    base = read_document(STRUCTURE / "A_RES_77_5-2225005E.xml").resolution
    assert len(base.annexes) == 1 and base.annexes[0].labelled
    proposed = copy.deepcopy(base)
    proposed.annexes.clear()
    made = amendments.amendment(base, proposed, sponsors=["Mexico"], symbol="A/77/L.99")
    assert [item.sentence for item in amendments.items(made.instructions)] == ["Delete the annex"]
    _round_trips(base, proposed, made, tmp_path)
    base = read_document(STRUCTURE / "A_RES_76_113-2118669E.xml").resolution
    proposed = copy.deepcopy(base)
    paragraphs = proposed.annexes[0].paragraphs
    second = [p for p in paragraphs if not p.numbered and not p.is_table][1]
    second.text += " and more"
    made = amendments.amendment(base, proposed, sponsors=["Mexico"], symbol="A/76/L.99")
    (said,) = [item.sentence for item in amendments.items(made.instructions)]
    assert said.startswith("In the second unnumbered paragraph of the annex, ") or said.startswith(
        "Replace the second unnumbered paragraph of the annex with the following"
    )
    (tmp_path / "second").mkdir()
    _round_trips(base, proposed, made, tmp_path / "second")


@pytest.mark.parametrize("spelling", [str.lower, str.title])
def test_an_annex_named_in_lower_case_is_deleted_whole_as_in_capitals(
    tmp_path: Path, spelling: Callable[[str], str]
) -> None:
    # "Delete annex ii" was refused though "In paragraph 2 of annex ii" was read as annex II: the whole-annex
    # deletion's pattern alone told capitals apart
    base = read_document(ANNEXES).resolution
    proposed = copy.deepcopy(base)
    del proposed.annexes[1]
    proposed.annexes[0].paragraphs[1].text += " changed"
    made = amendments.amendment(base, proposed, sponsors=["Mexico"], symbol="A/75/L.99")
    save_project(made, tmp_path / "amendment.json")
    out = tmp_path / "amendment.txt"
    assert main(["export", str(tmp_path / "amendment.json"), "-o", str(out)]) == 0
    written = out.read_text(encoding="utf-8")
    respelled = re.sub(r"\bannex ([IVXLC]+)\b", lambda m: spelling(f"annex {m.group(1)}"), written)
    assert respelled != written and "Delete annex II" not in respelled
    out.write_text(respelled, encoding="utf-8")
    read = read_document(out).resolution
    got = [(i.action, i.unit, i.part, i.number, i.sub, i.old, i.new) for i in read.instructions]
    want = [(i.action, i.unit, i.part, i.number, i.sub, i.old, i.new) for i in made.instructions]
    assert got == want
    assert _same(amendments.apply(read.instructions, base, read), proposed)
