"""A whole annex or later part deleted by an amendment ("Delete annex II", "Delete part B"; our own wording,
as the set wording deletes a paragraph: no issued amendment deleting one was found), derived from issued
resolutions (the UN XML of A/RES/75/212, three annexes, and A/RES/79/259, parts A-C) and an edit of them,
written to text, Word, Akoma Ntoso and the project file and in French and Spanish, read back, applied to give the
edited copy; what has no wording yet (an annex added, a text adopted with no "Annex" line deleted) is refused in
one line, losing nothing."""

from __future__ import annotations

import copy
from pathlib import Path

import pytest
from lxml import etree

from app import amendments
from app.amendments import texts
from app.cli import run as main
from app.errors import InputError
from app.io.reading import read_document
from app.model import Action, Resolution
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
    proposed.annexes.insert(1, copy.deepcopy(proposed.annexes[0]))
    proposed.annexes[1].title = "A new annex"
    with pytest.raises(InputError, match=r"the annexes \(one added, removed or retitled\)"):
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
    with pytest.raises(InputError, match="the annexes"):
        amendments.amendment(pact, proposed)


def test_a_deletion_read_back_names_an_annex_the_draft_has() -> None:
    base = read_document(ANNEXES).resolution
    instruction = amendments.Instruction(Action.DELETE, amendments.Part.OPERATIVE, 0, unit="Annex V")
    with pytest.raises(InputError, match="the draft has no annex V"):
        amendments.apply([instruction], base)
