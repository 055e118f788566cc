"""Amendments beyond part A's paragraphs: the title, a later part's and an annex's paragraphs, derived from an
issued resolution and an edit of it (the UN XML of A/RES/77/5, with its annex, and A/RES/75/101 A-B, in
parts), worded as the issued amendments word theirs ("In the title, replace …" as A/80/L.28 words a change to
the title; "In operative paragraph 2 of part B, …", "Delete paragraph 3 of the annex reading:"), written to
text, Word, Akoma Ntoso and the project file, read back, and applied to the base to give the edited copy."""

from __future__ import annotations

import copy
import re
from pathlib import Path

import pytest
from lxml import etree

from app import amendments
from app.amendments import texts
from app.cli import run as main
from app.errors import InputError
from app.io.reading import read_document
from app.messages import localize
from app.model import Action, Paragraph, Resolution
from app.storage import save_project

STRUCTURE = Path(__file__).resolve().parent.parent / "fixtures" / "structure"
ANNEXED = STRUCTURE / "A_RES_77_5-2225005E.xml"
IN_PARTS = STRUCTURE / "75_101A-B_E.xml"


def _local(el: etree._Element) -> str:
    return el.tag.split("}")[1] if isinstance(el.tag, str) else ""


def _xml(path: Path) -> etree._Element:
    return etree.parse(str(path)).getroot()


def _words(el: etree._Element) -> str:
    return " ".join("".join(el.itertext()).split())


def _numbered(scope: etree._Element) -> list[tuple[str, str]]:
    """(number, words) of each numbered paragraph under `scope`, as the XML marks them (<num>N.</num>)."""
    out = []
    for num in scope.iter():
        if _local(num) == "num" and re.fullmatch(r"\d+\.", (num.text or "").strip()):
            holder = num.getparent()
            out.append((num.text.strip().rstrip("."), _words(holder).removeprefix(num.text.strip()).strip()))
    return out


def _same(a: Resolution, b: Resolution) -> bool:
    parts = [texts(u.preamble) + texts(u.operative) for u in a.later_parts]
    return (
        " ".join(a.title.split()) == " ".join(b.title.split())
        and texts(a.preamble) == texts(b.preamble)
        and texts(a.operative) == texts(b.operative)
        and parts == [texts(u.preamble) + texts(u.operative) for u in b.later_parts]
        and [texts(x.paragraphs) for x in a.annexes] == [texts(x.paragraphs) for x in b.annexes]
    )


def _round_trips(base: Resolution, proposed: Resolution, made: Resolution, tmp_path: Path) -> None:
    """Each export of the amendment reads back as instructions that turn the base into the proposed copy."""
    assert _same(amendments.apply(made.instructions, base, made), proposed)
    for suffix in (".json", ".txt", ".docx", ".xml"):
        out = tmp_path / f"amendment{suffix}"
        if suffix == ".json":
            save_project(made, out)
        else:
            assert main(["export", str(tmp_path / "amendment.json"), "-o", str(out)]) == 0
        read = read_document(out).resolution
        got = [(i.action, i.unit, i.part, i.number, i.sub, i.old, i.new, i.after) for i in read.instructions]
        want = [(i.action, i.unit, i.part, i.number, i.sub, i.old, i.new, i.after) for i in made.instructions]
        assert got == want, suffix
        assert _same(amendments.apply(read.instructions, base, read), proposed), suffix


def _annex_edit() -> tuple[Resolution, Resolution, list[tuple[str, str]], str]:
    root = _xml(ANNEXED)
    titles = [_words(t) for t in root.iter() if _local(t) == "docTitle"]
    attachment = next(el for el in root.iter() if _local(el) == "attachment")
    numbered = _numbered(attachment)
    base = read_document(ANNEXED).resolution
    assert " ".join(base.title.split()) == titles[-1]
    return base, copy.deepcopy(base), numbered, titles[-1]


def test_the_title_and_an_annex_of_an_issued_resolution(tmp_path: Path) -> None:
    base, proposed, numbered, title = _annex_edit()
    last = title.split()[-1]
    assert title.count(last) == 1
    proposed.title = proposed.title.replace(last, last + "s")
    annex = proposed.annexes[0].paragraphs
    # the annex's paragraphs by their printed numbers in the XML: the last is deleted, the first changed
    first_number, first_words = numbered[0]
    last_number, last_words = numbered[-1]
    assert " ".join(annex[0].text.split()).startswith(first_words.split(" (a)")[0][:40])
    word = next(w for w in annex[0].text.split() if annex[0].text.count(w) == 1 and w.isalpha())
    annex[0].text = annex[0].text.replace(word, word.upper())
    deleted = annex.pop(len(numbered) - 1)
    assert " ".join(deleted.text.split()) == last_words
    made = amendments.amendment(base, proposed, sponsors=["Mexico"], symbol="A/77/L.99")
    said = [item.sentence for item in amendments.items(made.instructions)]
    assert said == [
        f"In the title, replace “{last}” with “{last}s”",
        f"In paragraph {first_number} of the annex, replace “{word}” with “{word.upper()}”",
        f"Delete paragraph {last_number} of the annex reading",
    ]
    blocks = amendments.instruction_blocks(made.instructions)
    quoted = [b for b in blocks if b.role == "quoted"]
    assert "".join(s.text for s in quoted[-1].spans) + quoted[-1].end == deleted.text  # as written
    _round_trips(base, proposed, made, tmp_path)


def test_the_same_instructions_in_french_and_spanish(tmp_path: Path) -> None:
    base, proposed, numbered, _ = _annex_edit()
    proposed.title = proposed.title.replace("meetings", "sessions", 1)
    proposed.annexes[0].paragraphs.pop()
    number = numbered[-1][0]
    for code, title, annex in (
        (
            "fr",
            "Dans le titre, remplacer",
            f"Supprimer le paragraphe {number} de l’annexe, qui se lit comme suit",
        ),
        ("es", "En el título, sustitúyase", f"Suprímase el párrafo {number} del anexo, que dice"),
    ):
        base.header.language = code
        made = amendments.amendment(base, proposed, sponsors=["Mexico"], symbol="A/77/L.99")
        said = [item.sentence for item in amendments.items(made.instructions, code)]
        assert said[0].startswith(title) and said[1] == annex
        _round_trips(base, proposed, made, tmp_path)


def test_a_later_part_of_an_issued_resolution(tmp_path: Path) -> None:
    root = _xml(IN_PARTS)
    components = [
        el for el in root.iter() if _local(el) == "component" and el.get("eId", "").startswith("comp_")
    ]
    part_b = _numbered(components[-1])
    base = read_document(IN_PARTS).resolution
    proposed = copy.deepcopy(base)
    operative = proposed.later_parts[0].operative
    numbers = [n for n, _ in part_b]
    assert len([p for p in operative if not p.is_table]) == len(numbers)
    deleted = operative.pop()
    assert " ".join(deleted.text.split()) in part_b[-1][1]  # the last numbered paragraph of part B in the XML
    operative[1].text += " and more"
    made = amendments.amendment(base, proposed, sponsors=["Mexico"], symbol="A/75/L.99")
    said = [item.sentence for item in amendments.items(made.instructions)]
    assert said[0].startswith(f"In operative paragraph {numbers[1]} of part B, after “")
    assert said[0].endswith("insert “and more”")
    assert said[1] == f"Delete operative paragraph {numbers[-1]} of part B reading"
    _round_trips(base, proposed, made, tmp_path)


def test_a_title_reworded_throughout_is_replaced_whole(tmp_path: Path) -> None:
    base, proposed, _, _ = _annex_edit()
    proposed.title = "Commemoration of the fortieth anniversary of the Convention"
    made = amendments.amendment(base, proposed)
    ((item,),) = [amendments.items(made.instructions)]
    assert item.sentence == "Replace the title with the following"
    assert item.quoted == Paragraph(text=proposed.title, id=item.quoted.id)
    _round_trips(base, proposed, made, tmp_path)


@pytest.mark.parametrize("change", ["annex unlabelled", "annex unnumbered", "unplaced"])
def test_what_the_wording_cannot_say_is_refused_in_one_line(change: str) -> None:
    base, proposed, _, _ = _annex_edit()
    if change == "annex unlabelled":
        proposed.annexes[0].labelled = False
        reason = "the annexes (one given or relieved of its Annex line)"
    elif change == "annex unnumbered":
        # an unnumbered paragraph given a number: the wording names paragraphs, not their numbering
        base.annexes[0].paragraphs[0].numbered = False
        proposed.annexes[0].paragraphs[0].text += " and more"
        reason = "an annex whose paragraphs are unnumbered"
    else:
        base.unplaced, proposed.unplaced = ["A note kept by the reader"], ["Another note"]
        reason = "the unplaced text, which is outside the draft's paragraphs"
    with pytest.raises(InputError) as refused:
        amendments.amendment(base, proposed)
    assert str(refused.value) == (
        f"the proposed version changes {reason}: an amendment cannot carry that yet; change it in the draft itself"
    )
    assert "la version proposée modifie" in localize(refused.value.args[0], "fr")


def test_a_table_in_an_annex_is_refused_naming_its_place() -> None:
    """A column added has no sentence (a row or a cell has: `test_amendment_tables.py`)."""
    base, proposed, numbered, _ = _annex_edit()
    table = Paragraph(table=[["Day", "Meetings"], ["8 December", "2"]], header_rows=1)
    base.annexes[0].paragraphs.insert(1, table)
    changed = copy.deepcopy(table)
    changed.table = [[*row, "Room"] for row in changed.table]
    proposed.annexes[0].paragraphs.insert(1, changed)
    with pytest.raises(InputError) as refused:
        amendments.amendment(base, proposed)
    # named as the oral revisions name a table: by the paragraph before it
    assert f"changes the table after paragraph {numbered[0][0]} of the annex:" in str(refused.value)
    assert f"le tableau qui suit le paragraphe {numbered[0][0]} de l’annexe" in localize(
        refused.value.args[0], "fr"
    )
    assert f"el cuadro que sigue al párrafo {numbered[0][0]} del anexo" in localize(
        refused.value.args[0], "es"
    )


def test_a_table_before_the_first_paragraph_and_a_second_one_are_named_by_their_place() -> None:
    base, proposed, _, _ = _annex_edit()
    table = Paragraph(table=[["Day", "Meetings"], ["8 December", "2"]], header_rows=1)
    base.operative.insert(0, copy.deepcopy(table))
    changed = copy.deepcopy(table)
    changed.table = [[*row, "Room"] for row in changed.table]  # a column added: refused
    proposed.operative.insert(0, changed)
    with pytest.raises(InputError) as refused:
        amendments.amendment(base, proposed)
    assert "changes the table at the beginning of the operative part:" in str(refused.value)
    assert "le tableau au début du dispositif" in localize(refused.value.args[0], "fr")
    base, proposed, _, _ = _annex_edit()
    base.operative[1:1] = [copy.deepcopy(table), copy.deepcopy(table)]
    proposed.operative[1:1] = [copy.deepcopy(table), changed]
    with pytest.raises(InputError) as refused:
        amendments.amendment(base, proposed)
    assert "changes the second table after operative paragraph 1:" in str(refused.value)


def test_the_title_cannot_be_deleted() -> None:
    base, _, _, _ = _annex_edit()
    from app.model import TITLE_UNIT, Instruction, Part

    with pytest.raises(InputError) as refused:
        amendments.apply([Instruction(Action.DELETE, Part.OPERATIVE, 1, unit=TITLE_UNIT)], base)
    assert str(refused.value) == "the title can only be changed in its words or replaced"


def test_compile_says_a_copy_changes_only_the_unplaced_text(tmp_path: Path, capsys) -> None:  # noqa: ANN001
    base, proposed, _, _ = _annex_edit()
    base.unplaced, proposed.unplaced = ["A note kept by the reader"], ["Another note kept by the reader"]
    save_project(base, tmp_path / "base.json")
    save_project(proposed, tmp_path / "eu.json")
    code = main(
        ["compile", str(tmp_path / "base.json"), f"EU={tmp_path / 'eu.json'}", "-o", str(tmp_path / "c.txt")]
    )
    err = capsys.readouterr().err.strip()
    assert code == 2 and len(err.splitlines()) == 1
    assert "changes only the unplaced text" in err and "is the same as" not in err


def test_the_title_named_after_the_change_reads_back() -> None:
    """A/80/L.28 names the title after the change ("Replace “Chernobyl” with “Chornobyl” in the title, the
    preambular paragraphs and …"): for the title alone it reads as "In the title, replace …"; across the whole
    text (no one paragraph) it stays refused, quoted as written."""
    from app.model import TITLE_UNIT
    from app.wording.reading import parse_sentence

    (ins,), _ = parse_sentence("Replace “Chernobyl” with “Chornobyl” in the title.")
    assert (ins.unit, ins.action, ins.old, ins.new) == (TITLE_UNIT, Action.REPLACE, "Chernobyl", "Chornobyl")
    whole = "Replace “Chernobyl” with “Chornobyl” in the title, the preambular paragraphs and the operative paragraphs"
    with pytest.raises(InputError) as refused:
        parse_sentence(whole)
    assert str(refused.value) == f"not an amendment instruction in the set wording: “{whole}”"


def test_a_project_file_with_an_instruction_beyond_part_a_is_version_3(tmp_path: Path) -> None:
    """A Resolute that reads up to version 2 would apply the instruction to part A: the file says it needs 3."""
    import json

    base, proposed, _, _ = _annex_edit()
    proposed.annexes[0].paragraphs.pop()
    save_project(amendments.amendment(base, proposed), tmp_path / "annex.json")
    proposed = copy.deepcopy(base)
    proposed.operative[0].text += " and more"
    save_project(amendments.amendment(base, proposed), tmp_path / "draft.json")
    versions = [
        json.loads((tmp_path / n).read_text(encoding="utf-8"))["version"]
        for n in ("annex.json", "draft.json")
    ]
    assert versions == [3, 2]


@pytest.mark.parametrize("edit", ["title", "annex start"])
def test_a_lone_instruction_beyond_part_a_opens_the_body_of_a_text_file(edit: str, tmp_path: Path) -> None:
    """With no number before it, the only sentence ("In the title, …", "At the beginning of the annex, …") has
    to be told from the title's last line by its own opening words."""
    base, proposed, _, _ = _annex_edit()
    if edit == "title":
        proposed.title = proposed.title.replace("meetings", "sessions", 1)
    else:
        proposed.annexes[0].paragraphs.insert(
            0, Paragraph(text="The commemoration shall open the first meeting.")
        )
    made = amendments.amendment(base, proposed)
    assert len(amendments.items(made.instructions)) == 1
    _round_trips(base, proposed, made, tmp_path)


def test_part_a_retitled_is_said(tmp_path: Path) -> None:
    """Part A's own title ("Information in the service of humanity") is named as part A's, the draft's own
    title being "the title"."""
    base = read_document(IN_PARTS).resolution
    assert base.part_title
    proposed = copy.deepcopy(base)
    proposed.part_title += " and of peace"
    made = amendments.amendment(base, proposed)
    (item,) = amendments.items(made.instructions)
    assert item.sentence.startswith("In the title of part A, ") and item.sentence.endswith("“and of peace”")
    _round_trips(base, proposed, made, tmp_path)


def test_an_annex_retitled_is_said_applied_and_read_back(tmp_path: Path) -> None:
    """The annex's title changed in a few words: "In the title of the annex, replace …" (our own wording, after
    "In the title, …"), in every export, read back and applied; reworded throughout, it is replaced whole."""
    base, proposed, _, _ = _annex_edit()
    assert base.annexes[0].title and len(base.annexes) == 1
    words = base.annexes[0].title.split()
    proposed.annexes[0].title = " ".join([*words[:-1], "and more", words[-1]])
    proposed.annexes[0].paragraphs[0].text += " and more"
    made = amendments.amendment(base, proposed)
    said = [item.sentence for item in amendments.items(made.instructions)]
    assert said[0].startswith("In the title of the annex, after “") and said[0].endswith("insert “and more”")
    assert said[1].startswith("In paragraph ") and " of the annex, " in said[1]
    _round_trips(base, proposed, made, tmp_path)
    assert amendments.apply(made.instructions, base, made).annexes[0].title == proposed.annexes[0].title
    proposed.annexes[0].title = "Programme of the commemorative meeting"
    made = amendments.amendment(base, proposed)
    assert (
        amendments.items(made.instructions)[0].sentence == "Replace the title of the annex with the following"
    )
    _round_trips(base, proposed, made, tmp_path)
    assert amendments.apply(made.instructions, base, made).annexes[0].title == proposed.annexes[0].title


@pytest.mark.parametrize("language", ["fr", "es"])
def test_a_part_retitled_in_french_and_spanish(language: str, tmp_path: Path) -> None:
    base = read_document(IN_PARTS).resolution
    base.header.language = language
    proposed = copy.deepcopy(base)
    proposed.later_parts[0].title += " and peace"
    proposed.part_title = "Information"
    made = amendments.amendment(base, proposed)
    said = [item.sentence for item in amendments.items(made.instructions, language)]
    want = {
        "fr": ("Dans le titre de la partie A, supprimer «\u00a0", "Dans le titre de la partie B, "),
        "es": ("En el título de la parte A, suprímase “", "En el título de la parte B, "),
    }[language]
    assert said[0].startswith(want[0]) and said[1].startswith(want[1])
    applied = amendments.apply(made.instructions, base, made)
    assert (applied.part_title, applied.later_parts[0].title) == (
        proposed.part_title,
        proposed.later_parts[0].title,
    )
    for suffix in (".txt", ".docx", ".xml"):
        save_project(made, tmp_path / "amendment.json")
        out = tmp_path / f"amendment{suffix}"
        assert main(["export", str(tmp_path / "amendment.json"), "-o", str(out)]) == 0
        read = read_document(out).resolution
        assert [(i.unit, i.action, i.new) for i in read.instructions] == [
            (i.unit, i.action, i.new) for i in made.instructions
        ], suffix
        again = amendments.apply(read.instructions, base, read)
        assert (again.part_title, again.later_parts[0].title) == (
            proposed.part_title,
            proposed.later_parts[0].title,
        )
