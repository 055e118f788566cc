"""Amendments that add a part or an annex whole ("Add a new annex reading:", "After part A, insert a new part
reading:"; our own wording, as a paragraph is inserted: no issued amendment adding one was found), derived from
an issued resolution (the UN XML of A/RES/77/5 with its annex, A/RES/75/101 A-B in parts) and an edit of it,
applied to give the edit, written to text, Word, Akoma Ntoso and the project file and read back."""

from __future__ import annotations

import copy
import json
import re
from pathlib import Path

import pytest

from app import amendments
from app.amendments import texts
from app.cli import run as main
from app.errors import InputError
from app.io.reading import read_document
from app.model import Annex, Paragraph, Resolution, ResolutionPart
from app.storage import load_project, save_project

STRUCTURE = Path(__file__).resolve().parent.parent / "fixtures" / "structure"
ANNEXED = STRUCTURE / "A_RES_77_5-2225005E.xml"
IN_PARTS = STRUCTURE / "75_101A-B_E.xml"


def _words(text: str) -> str:
    return " ".join(text.split())


def _units(res: Resolution) -> list[tuple]:
    """Every part's and annex's title and paragraphs as compared, each footnote reference as its note's words
    (a note read back has an id of its own), invisible direction marks left out."""
    parts = [(_words(u.title), texts(u.preamble), texts(u.operative)) for u in res.later_parts]
    found = [*parts, *[(_words(a.title), texts(a.paragraphs)) for a in res.annexes]]
    notes = {key: _words(note.text) for key, note in res.footnotes.items()}
    said = re.sub(r"\[\^(\w+)\]", lambda m: f"[^{notes.get(m.group(1), '?')}]", json.dumps(found))
    return json.loads(said.replace("\\u200e", ""))  # a direction mark of the XML no export prints


def _round_trips(base: Resolution, proposed: Resolution, made: Resolution, tmp_path: Path) -> None:
    assert _units(amendments.apply(made.instructions, base, made)) == _units(proposed)
    save_project(made, tmp_path / "amendment.json")
    # a Resolute reading up to version 3 would take the instruction for an empty paragraph: it needs 4
    assert json.loads((tmp_path / "amendment.json").read_text(encoding="utf-8"))["version"] == 4
    assert _units(
        amendments.apply(made.instructions, base, load_project(tmp_path / "amendment.json"))
    ) == _units(proposed)
    for suffix in (".txt", ".docx", ".xml"):
        out = tmp_path / f"amendment{suffix}"
        assert main(["export", str(tmp_path / "amendment.json"), "-o", str(out)]) == 0
        read = read_document(out).resolution
        assert [(i.action, i.after, i.old, type(i.body)) for i in read.instructions] == [
            (i.action, i.after, i.old, type(i.body)) for i in made.instructions
        ], suffix
        assert _units(amendments.apply(read.instructions, base, read)) == _units(proposed), suffix


def _new_annex() -> Annex:
    return Annex(
        title="Organization of the commemorative meetings",
        paragraphs=[
            Paragraph(text="The meetings shall be held in the General Assembly Hall."),
            Paragraph(text="Statements shall be limited to five minutes."),
            Paragraph(text="The list of speakers shall be opened on 1 December 2022."),
        ],
    )


def test_an_annex_added_after_the_annex(tmp_path: Path) -> None:
    base = read_document(ANNEXED).resolution
    assert len(base.annexes) == 1 and base.annexes[0].labelled
    proposed = copy.deepcopy(base)
    proposed.annexes.append(_new_annex())
    proposed.annexes[0].paragraphs[0].text += " and more"
    made = amendments.amendment(base, proposed)
    said = [item.sentence for item in amendments.items(made.instructions)]
    assert said[-1] == "After the annex, insert a new annex reading"
    assert amendments.items(made.instructions)[-1].body == proposed.annexes[1]
    _round_trips(base, proposed, made, tmp_path)
    # the amended draft prints its annexes as "Annex I" and "Annex II"
    amended = amendments.apply(made.instructions, base, made)
    from app.render import annex_units

    assert annex_units(amended.annexes) == ["Annex I", "Annex II"]


def test_an_annex_added_to_a_draft_with_none(tmp_path: Path) -> None:
    base = read_document(IN_PARTS).resolution
    assert not base.annexes
    proposed = copy.deepcopy(base)
    proposed.annexes.append(_new_annex())
    made = amendments.amendment(base, proposed)
    (item,) = amendments.items(made.instructions)
    assert item.sentence == "Add a new annex reading"
    _round_trips(base, proposed, made, tmp_path)


def test_a_part_added_after_the_last(tmp_path: Path) -> None:
    """The new part's paragraphs are a copy of part B's (its preamble then its operative part, as the XML has
    them): read back, each goes to the preamble while it opens with a preambular word."""
    base = read_document(IN_PARTS).resolution
    assert len(base.later_parts) == 1 and base.later_parts[0].preamble and base.later_parts[0].operative
    proposed = copy.deepcopy(base)
    added = copy.deepcopy(base.later_parts[0])
    added.title = "United Nations public information policies and activities in the field"
    proposed.later_parts.append(ResolutionPart(added.title, added.preamble, added.operative))
    made = amendments.amendment(base, proposed)
    (item,) = amendments.items(made.instructions)
    assert item.sentence == "After part B, insert a new part reading"
    _round_trips(base, proposed, made, tmp_path)


@pytest.mark.parametrize(
    ("code", "sentence"),
    [
        ("fr", "Après l’annexe, insérer une nouvelle annexe libellée comme suit"),
        ("es", "Después del anexo, insértese un nuevo anexo que diga"),
    ],
)
def test_in_french_and_spanish(code: str, sentence: str, tmp_path: Path) -> None:
    base = read_document(ANNEXED).resolution
    base.header.language = code
    proposed = copy.deepcopy(base)
    proposed.annexes.append(_new_annex())
    made = amendments.amendment(base, proposed)
    (item,) = amendments.items(made.instructions, code)
    assert item.sentence == sentence
    _round_trips(base, proposed, made, tmp_path)


def test_akn_quotes_the_annex_as_an_attachment_document(tmp_path: Path) -> None:
    """In AKN the annex added is an insertion after the draft's annex whose quoted structure holds the annex as
    the UN marks one (a `doc` named annex, its title a heading paragraph), with eIds of its own."""
    from lxml import etree

    from app.io.akn_writer import to_akn

    base = read_document(ANNEXED).resolution
    proposed = copy.deepcopy(base)
    proposed.annexes.append(_new_annex())
    root = etree.fromstring(to_akn(amendments.amendment(base, proposed)))
    named = {etree.QName(el).localname: el for el in root.iter() if isinstance(el.tag, str)}
    mod = named["textualMod"]
    assert mod.get("type") == "insertion"
    destination = next(c for c in mod if etree.QName(c).localname == "destination")
    assert destination.get("href").endswith("#annex") and destination.get("pos") == "after"
    structure = named["quotedStructure"]
    doc = structure[0]
    assert etree.QName(doc).localname == "doc" and doc.get("name") == "annex"
    assert _new_annex().title in "".join(doc.itertext())
    eids = [el.get("eId") for el in root.iter() if isinstance(el.tag, str) and el.get("eId")]
    assert len(eids) == len(set(eids))


def test_a_part_added_to_a_draft_not_in_parts_is_refused() -> None:
    base = read_document(ANNEXED).resolution
    assert not base.later_parts
    proposed = copy.deepcopy(base)
    proposed.later_parts.append(ResolutionPart("Another part", operative=[Paragraph(text="Decides to act.")]))
    with pytest.raises(InputError, match="not in parts"):
        amendments.amendment(base, proposed)


def test_an_instruction_naming_an_annex_the_draft_lacks_is_refused() -> None:
    base = read_document(ANNEXED).resolution
    ins = amendments.Instruction(amendments.Action.INSERT, amendments.Part.OPERATIVE, 0, body=_new_annex())
    ins.after = "Annex IV"
    with pytest.raises(InputError, match="the draft has no annex IV"):
        amendments.apply([ins], base)


def test_the_command_line_amends_and_applies(tmp_path: Path, capsys) -> None:  # noqa: ANN001
    """`resolute amend BASE PROPOSED -o OUT.docx` writes the annex added and the part retitled; `resolute amend
    --apply OUT.docx BASE` gives the proposed version's parts and annexes back; `check --base` finds every
    instruction's place."""
    base = read_document(IN_PARTS).resolution
    proposed = copy.deepcopy(base)
    proposed.annexes.append(_new_annex())
    proposed.later_parts[0].title += " and peace"
    save_project(base, tmp_path / "base.json")
    save_project(proposed, tmp_path / "proposed.json")
    out = tmp_path / "amendment.docx"
    assert main(["amend", str(tmp_path / "base.json"), str(tmp_path / "proposed.json"), "-o", str(out)]) == 0
    read = read_document(out).resolution
    said = [item.sentence for item in amendments.items(read.instructions)]
    assert said[0].startswith("In the title of part B, ") and said[1] == "Add a new annex reading"
    capsys.readouterr()
    assert main(["check", str(out), "--base", str(tmp_path / "base.json"), "--format", "json"]) in (0, 1)
    assert '"amendment.place"' not in capsys.readouterr().out  # each instruction finds its place
    assert main(["check", str(out), "--base", str(tmp_path / "amended.json")]) == 2  # no such file: one line
    lacking = copy.deepcopy(base)
    lacking.later_parts.clear()
    save_project(lacking, tmp_path / "lacking.json")
    capsys.readouterr()
    main(["check", str(out), "--base", str(tmp_path / "lacking.json"), "--format", "json"])
    assert '"amendment.place"' in capsys.readouterr().out  # the draft has no part B to retitle
    amended = tmp_path / "amended.json"
    assert main(["amend", "--apply", str(out), str(tmp_path / "base.json"), "-o", str(amended)]) == 0
    assert _units(load_project(amended)) == _units(proposed)


def test_the_words_of_an_annex_added_are_checked() -> None:
    """A misspelt word in a paragraph of the annex added is found, on that paragraph, as in any quoted text."""
    from app.conventions.engine import check_document as check

    base = read_document(ANNEXED).resolution
    proposed = copy.deepcopy(base)
    annex = _new_annex()
    annex.paragraphs[0].text = "The meetings shall be held in the General Asembly Hall."
    proposed.annexes.append(annex)
    made = amendments.amendment(base, proposed)
    found = [f for f in check(made) if f.paragraph_id == made.instructions[-1].body.paragraphs[0].id]
    assert any("Asembly" in f.message for f in found)


GUIDELINES = STRUCTURE / "A_RES_76_113-2118669E.xml"  # its annex: unnumbered guidelines, then numbered ones


def _annex_as_issued(annex: Annex) -> list[tuple[bool, str, str]]:
    """Each paragraph of an annex: numbered or not, its section heading's words and its own."""
    return [(p.numbered, _words(p.heading), _words(p.text)) for p in annex.paragraphs]


@pytest.mark.parametrize("suffix", [".txt", ".docx", ".xml"])
def test_an_added_annex_keeps_its_unnumbered_paragraphs(tmp_path: Path, suffix: str) -> None:
    """An issued annex whose UN XML numbers some paragraphs (`num`) and not others, added by an amendment, reads
    back from Word and text with the same paragraphs unnumbered, its section headings over their paragraphs."""
    base = read_document(ANNEXED).resolution
    issued = read_document(GUIDELINES).resolution.annexes[0]
    flags = [p.numbered for p in issued.paragraphs]
    assert True in flags and False in flags  # the XML has both
    proposed = copy.deepcopy(base)
    proposed.annexes.append(copy.deepcopy(issued))
    made = amendments.amendment(base, proposed)
    save_project(made, tmp_path / "amendment.json")
    out = tmp_path / f"amendment{suffix}"
    assert main(["export", str(tmp_path / "amendment.json"), "-o", str(out)]) == 0
    read = read_document(out).resolution
    amended = amendments.apply(read.instructions, base, read)
    assert _annex_as_issued(amended.annexes[-1]) == _annex_as_issued(issued)
    assert _units(amended) == _units(proposed)


def test_akn_annex_added_at_no_unit_is_refused_in_one_line() -> None:
    """A file whose annex added names a paragraph, not a part or an annex, as its place is refused in one line."""
    from app.io.akn_reader import read_akn
    from app.io.akn_writer import to_akn

    base = read_document(ANNEXED).resolution
    proposed = copy.deepcopy(base)
    proposed.annexes.append(_new_annex())
    data = to_akn(amendments.amendment(base, proposed)).decode("utf-8")
    broken = re.sub(r'href="([^"#]*)#annex" pos="after"', r'href="\1#para_3" pos="after"', data, count=1)
    assert broken != data
    with pytest.raises(InputError, match="names no paragraph of a draft") as caught:
        read_akn(broken.encode("utf-8"), name="a.xml")
    assert len(str(caught.value).splitlines()) == 1
