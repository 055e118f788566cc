"""The sixteenth hostile pass (docs/hardening-log.md, "Sixteenth pass"): each test fails on the code before it."""

from __future__ import annotations

import copy
import datetime as dt
import json
import random
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from fixtures.robust.hostile import growth, sample

from app import amendments, interface, storage
from app.cli import run
from app.edits import Document
from app.errors import InputError, TemplateError
from app.formatting import roman
from app.io import lost_hyphens
from app.io.headings import ANNEX_LINE, SECTION_MARK
from app.io.lost_hyphens import restore_hyphens
from app.io.reading import read_document
from app.io.text_writer import to_text
from app.messages import localize
from app.model import Annex, Paragraph, Resolution, ResolutionPart
from app.negotiation import commands
from app.negotiation.proposals import derive
from app.render import annex_label, part_letter
from app.spelling.lexicon import Lexicon, english
from app.spelling.rules import load_user_rules
from app.wording.reading import parse_sentence

_LISTS = {"cost", "sharing", "cost-sharing", "self", "determination", "high", "level", "high-level"}


def _letters(n: int, seed: int) -> str:
    rng = random.Random(seed)
    return "".join(rng.choice("bcdfghjklmnpqrstvwxz") for _ in range(n))


def test_a_run_of_letters_longer_than_two_words_is_not_split_at_each_letter() -> None:
    # "_own_hyphen", "_split" and "_listed_split" looked up both sides of every cut of a word: a 40,000-letter
    # "word" in a text took 9 s to read, 80,000 took 45 s (the square of its length)
    def make(n: int):
        line = f"{_letters(n, n)} costsharing {_letters(n, n + 1).capitalize()} {_letters(n, n + 2)}-abc"

        def run() -> None:
            restore_hyphens(
                line, _LISTS.__contains__, listed=_LISTS.__contains__, written_pairs={"cost-sharing"}
            )

        return run

    assert growth(make, 4000, repeats=2) < 30


def test_a_long_run_keeps_its_letters_and_the_compounds_beside_it() -> None:
    long = _letters(90, 7)
    line = "x" * 75 + f" costsharing {long}"
    out, restored = restore_hyphens(line, _LISTS.__contains__, listed=_LISTS.__contains__)
    assert long in out.split() and restored == ["cost-sharing"]


def test_the_longest_piece_tried_is_longer_than_any_word_the_lists_hold() -> None:
    # the bound is no compound's loss: every word of the shipped lists, hyphens and all, is shorter
    longest = max(max(map(len, lex._base)) for lex in (english(), Lexicon((), "fr"), Lexicon((), "es")))
    assert longest < lost_hyphens.MAX_PIECE


def _negotiated() -> dict:
    base = sample(paragraphs=4, footnotes=0)
    doc = Document(copy.deepcopy(base))
    commands.start_negotiation(doc, facilitator="Chile", date=dt.datetime(2026, 5, 4, tzinfo=dt.timezone.utc))
    eu = copy.deepcopy(base)
    eu.operative[0].text += " and more"
    commands.add_proposals(doc, [derive(base, eu, "EU")])
    return json.loads(storage.dumps(doc.resolution))


def _nest(d: dict) -> None:
    node: dict = {"text": "x"}
    for _ in range(storage.MAX_DEPTH + 2):
        node = {"text": "x", "subparagraphs": [node]}
    d["operative"][0] = node


_DAMAGES: dict[str, Callable[[dict], None]] = {
    "revision": lambda d: d["header"].update(revision=10**6),
    "session": lambda d: d["header"].update(session="eightieth"),
    "title": lambda d: d.update(title=["a", "list"]),
    "preamble": lambda d: d.update(preamble={"text": "x"}),
    "nesting": _nest,
    "table": lambda d: d["operative"][0].update(table=[["x"]] * (storage.MAX_TABLE_ROWS + 1)),
    "edit kind": lambda d: d["negotiation"]["proposals"][0]["edits"][0].update(kind="rewrite"),
    "edit field": lambda d: d["negotiation"]["proposals"][0]["edits"][0].update(field="id"),
    "date": lambda d: d["negotiation"]["revisions"][0].update(date="0999-01-01T00:00:00"),
    "negotiation": lambda d: d.update(negotiation=["x"]),
}


@pytest.mark.parametrize("damage", sorted(_DAMAGES))
@pytest.mark.parametrize("code", ["fr", "es"])
def test_a_damaged_project_says_what_is_wrong_in_french_and_spanish(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], damage: str, code: str
) -> None:
    # the project reader's own bounds raised ValueError or TypeError with English words, which `reasons.why`
    # keeps for English only: a French or Spanish refusal said "le fichier de projet est endommagé : ValueError"
    data = _negotiated()
    _DAMAGES[damage](data)
    with pytest.raises(InputError) as caught:
        storage.from_dict(data)
    english, said = str(caught.value), localize(caught.value.args[0], code)
    reason = english.partition("damaged: ")[2]
    assert reason and "Error" not in english and "Error" not in said
    assert said != english and said.endswith(localize(caught.value.args[0].fields["reason"], code))
    path = tmp_path / "damaged.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    capsys.readouterr()
    try:
        assert run(["check", str(path), "--lang", code]) == 2
    finally:
        interface.use(interface.ENGLISH)  # --lang sets the interface language for the process
    line = capsys.readouterr().err.strip()
    assert "\n" not in line and "Error" not in line and line.endswith(said[-20:])


@pytest.mark.parametrize("code", ["en", "fr", "es"])
def test_a_rules_file_with_a_byte_that_is_no_utf8_says_where(tmp_path: Path, code: str) -> None:
    # the refusal quoted the exception's first argument, its codec: "cannot read the rules file (utf-8)"
    path = tmp_path / "house.toml"
    text = 'disable = ["UN.SerialComma"]\n# Réunion\n'.encode()
    path.write_bytes(text.replace("é".encode(), b"\xe9"))  # saved as Latin-1 by an old editor
    with pytest.raises(TemplateError) as caught:
        load_user_rules(path)
    said = localize(caught.value.args[0], code)
    byte = str(text.index("é".encode()) + 1)
    assert byte in said and "(utf-8)" not in said and "house.toml" in said


def _annexed(count: int) -> Resolution:
    res = sample(paragraphs=4, footnotes=0)
    res.annexes = [
        Annex(
            title=f"Terms of reference {k}",
            paragraphs=[
                Paragraph(text=f"Annex {k} numbered."),
                Paragraph(text=f"Annex {k} not.", numbered=False),
            ],
        )
        for k in range(count)
    ]
    return res


def test_every_annex_label_the_writer_prints_is_an_annex_line() -> None:
    # the readers took a roman number of six letters from I to C: "Annex XXXVIII" (the 38th) and "Annex CD" were
    # no annex lines, and the Word, text and UN XML readers ran that annex into the one before
    for n in range(1, 4000):
        assert ANNEX_LINE.match(annex_label(n, 2)), n
    assert not ANNEX_LINE.match("Annex IIII") and not ANNEX_LINE.match("Annex VV")


@pytest.mark.parametrize("ending", [".txt", ".docx", ".xml"])
def test_a_draft_of_many_annexes_reads_back_with_each_annex(tmp_path: Path, ending: str) -> None:
    res = _annexed(41)
    path = tmp_path / f"annexed{ending}"
    assert run(["export", _saved(res, tmp_path), "-o", str(path)]) == 0
    back = read_document(path).resolution
    assert [(a.title, [(p.text, p.numbered) for p in a.paragraphs]) for a in back.annexes] == [
        (a.title, [(p.text, p.numbered) for p in a.paragraphs]) for a in res.annexes
    ]


@pytest.mark.parametrize("ending", [".txt", ".docx", ".xml"])
def test_an_amendment_deleting_annexes_past_thirty_seven_reads_back_whole(
    tmp_path: Path, ending: str
) -> None:
    # "Delete annex CLXXXVIII" was no instruction to the amendment reader (at most eight letters, no D or M): 24
    # of 400 deletions read from the amendment's text were dropped, exit 0; UN XML's "annex_cd__" named no annex
    base = _annexed(401)
    new = copy.deepcopy(base)
    kept = [0, 36, 399]
    new.annexes = [a for k, a in enumerate(base.annexes) if k in kept]
    for a in new.annexes:
        a.paragraphs[1].text += " changed"
    amendment = amendments.amendment(base, new, sponsors=["Mexico"], symbol="A/C.3/80/L.77")
    path = tmp_path / f"amendment{ending}"
    assert run(["export", _saved(amendment, tmp_path, "amendment.json"), "-o", str(path)]) == 0
    back = read_document(path).resolution
    assert [(i.action, i.unit) for i in back.instructions] == [
        (i.action, i.unit) for i in amendment.instructions
    ]
    assert to_text(amendments.apply(back.instructions, base, back)) == to_text(new)


def _saved(res: Resolution, folder: Path, name: str = "draft.json") -> str:
    storage.save_project(res, folder / name)
    return str(folder / name)


@pytest.mark.parametrize("ending", [".txt", ".docx", ".xml"])
def test_a_draft_in_more_parts_than_letters_reads_back_with_each_part(tmp_path: Path, ending: str) -> None:
    # the text reader looked for the letter after "Z" as chr(ord("Z") + 1), "[": the writer's part "AA" and each
    # after it were read into part Z, its letter and title as paragraphs
    res = sample(paragraphs=4, footnotes=0)
    res.part_title = "Part one"
    res.later_parts = [
        ResolutionPart(
            title=f"Part title {k}",
            preamble=[Paragraph(opener="Recalling", text=f"its resolution {k},")],
            operative=[Paragraph(opener="Decides", text=f"to act {k};")],
        )
        for k in range(28)
    ]
    path = tmp_path / f"parts{ending}"
    assert run(["export", _saved(res, tmp_path), "-o", str(path)]) == 0
    back = read_document(path).resolution
    assert [part_letter(k) for k in range(len(back.later_parts) + 1)][-3:] == ["AA", "AB", "AC"]
    assert [(p.title, [q.text.rstrip(";.") for q in p.operative]) for p in back.later_parts] == [
        (p.title, [q.text.rstrip(";.") for q in p.operative]) for p in res.later_parts
    ]


def test_an_annex_named_in_lower_case_roman_is_that_annex() -> None:
    # "In paragraph 1 of annex ii" (typed so) named a unit "Annex ii", which no annex of the draft is called
    base = _annexed(3)
    (ins,), _ = parse_sentence("In paragraph 1 of annex ii, replace “numbered” with “counted”")
    assert ins.unit == annex_label(2, 3)
    amended = amendments.apply([ins], base)
    assert amended.annexes[1].paragraphs[0].text == "Annex 1 counted."


@pytest.mark.parametrize("ending", [".txt", ".docx", ".xml"])
def test_a_draft_of_many_sections_reads_back_with_each_heading(tmp_path: Path, ending: str) -> None:
    # a section's numeral was read with six letters at most: "XXXVIII" (the 38th) became a paragraph of its own
    # in text, and one heading line with its title in UN XML
    res = sample(paragraphs=2, footnotes=0)
    res.operative = [
        Paragraph(
            opener="Decides", text=f"to act in section {k};", heading=f"{roman(k).upper()}\nMatters {k}"
        )
        for k in range(1, 46)
    ]
    path = tmp_path / f"sections{ending}"
    assert run(["export", _saved(res, tmp_path), "-o", str(path)]) == 0
    back = read_document(path).resolution
    assert [p.heading for p in back.operative] == [p.heading for p in res.operative]


def test_a_section_numeral_is_a_well_formed_roman_number_without_d_or_m() -> None:
    assert all(SECTION_MARK.match(roman(n).upper()) for n in range(1, 400))
    assert not any(SECTION_MARK.match(x) for x in ("CD", "MD", "DC", "IIII", "VV", "CIVIL"))
