"""The fifteenth hostile pass (docs/hardening-log.md, "Fifteenth pass"): each test fails on the code before it."""

from __future__ import annotations

import copy
import datetime as dt
import io
import json
import re
import sys
from contextlib import redirect_stderr, redirect_stdout
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from fixtures.robust.hostile import sample

from app import json_pieces, recovery, storage
from app.cli import run
from app.datafile import read_toml
from app.edits import Document
from app.errors import InputError
from app.export_names import MAX_STEM, suggested_stem
from app.io.text_reader import read_text
from app.io.text_writer import to_text
from app.messages import NAMED, listed, localize
from app.model import Paragraph, Resolution
from app.negotiation import commands, merging
from app.negotiation.proposals import derive
from app.paths import resource
from app.spelling import personal
from app.spelling.personal import PersonalDictionary
from app.spelling.rules import load_user_rules

_WORDS = ["Zorblax", "Quuxify", "Ndjamena"]


@pytest.mark.parametrize("encoding", ["utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "utf-32"])
@pytest.mark.parametrize("newline", ["\n", "\r\n"])
def test_a_personal_dictionary_saved_by_a_windows_editor_keeps_every_word(
    tmp_path: Path, encoding: str, newline: str
) -> None:
    # Notepad's "UTF-8 with BOM" lost the first word to the mark, its "Unicode" (UTF-16) every word to NULs
    path = tmp_path / "personal.txt"
    path.write_bytes((newline.join(_WORDS) + newline).encode(encoding))
    d = PersonalDictionary(path)
    assert sorted(d.words()) == sorted(_WORDS)
    assert all(word in d for word in _WORDS) and not d.partial
    d.add("Blorvath")  # read whole, so written whole (as UTF-8): every word still in it
    assert sorted(PersonalDictionary(path).words()) == sorted([*_WORDS, "Blorvath"])


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be", "utf-32-le"])
def test_a_word_added_to_a_wide_dictionary_read_in_part_is_written_in_its_encoding(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, encoding: str
) -> None:
    monkeypatch.setattr(personal, "MAX_BYTES", 4096)
    words = [f"Word{chr(97 + n % 26)}{chr(97 + n // 26 % 26)}" for n in range(600)]
    path = tmp_path / "personal.txt"
    raw = ("\ufeff" + "\n".join(words) + "\n").encode(encoding)
    assert len(raw) > 4096
    path.write_bytes(raw)
    d = PersonalDictionary(path)
    assert d.partial and 0 < len(d) < len(words) and all(word in words for word in d.words())
    d.add("Blorvath")  # appended after the rest, untouched, in the file's own encoding
    assert path.read_bytes() == raw + "Blorvath\n".encode(encoding)
    assert path.read_bytes().decode(encoding).split() == ["\ufeff" + words[0], *words[1:], "Blorvath"]


def test_a_word_holding_a_control_character_is_no_word(tmp_path: Path) -> None:
    path = tmp_path / "personal.txt"
    path.write_bytes(b"Zorb\x00lax\nQuux\x01ify\nNdjamena\n")
    d = PersonalDictionary(path)
    assert d.words() == ["Ndjamena"] and d.partial  # left out, and the file never written whole again


@given(st.text(max_size=400))
@settings(max_examples=300, deadline=None)
def test_any_symbol_gives_a_file_name_every_platform_takes(symbol: str) -> None:
    stem = suggested_stem(symbol)
    assert 0 < len(stem.encode("utf-8")) <= MAX_STEM
    assert not set(stem) & set('/\\:*?"<>|\x00') and stem == stem.strip(". ")
    assert stem.split(".")[0].upper() not in {"CON", "PRN", "AUX", "NUL", *(f"COM{n}" for n in range(10))}
    assert stem == suggested_stem(stem)  # a name offered again is the same name


# --- a meeting line typed mid-draft ----------------------------------------------------------------------------

TEXTS = Path(__file__).resolve().parents[1] / "fixtures" / "text"


def _paragraph_texts(res: Resolution) -> list[str]:
    """Each paragraph's and subparagraph's text, in order, its note marks without their ids (new at each read)."""
    return [
        re.sub(r"\[\^\w+\]", "[^]", p.text) for _, items in res.lists() for top in items for p in top.walk()
    ]


@pytest.mark.parametrize("line", ["75th plenary meeting", "Adopted without a vote at the 12th meeting"])
@pytest.mark.parametrize("where", [0.3, 0.7])
def test_a_meeting_line_mid_draft_keeps_every_paragraph_after_it(line: str, where: float) -> None:
    """Every paragraph after a meeting line was taken for an adopted text's closing lines and left out (a note
    quoting them, exit 0): the export of a draft with "75th plenary meeting" typed among its paragraphs lost
    2,000 of its 3,400 words and its operative part. The line is kept where it stands, the rest read as before."""
    source = (TEXTS / "A_C.2_80_L.44.txt").read_text(encoding="utf-8")
    lines = source.split("\n")
    starts = [
        n for n, text in enumerate(lines) if re.match(r"\d+\.\s", text)
    ]  # an operative paragraph's start
    at = starts[int(len(starts) * where)]
    typed = "\n".join([*lines[:at], "", line, "", *lines[at:]])
    before, after = read_text(source), read_text(typed)
    kept = [t for t in _paragraph_texts(after.resolution) if t != line and line not in t]
    assert kept == _paragraph_texts(before.resolution)
    assert line in to_text(after.resolution)  # where it stands (a heading over the next paragraph, or one)
    assert not any(f.rule == "import.closing" for f in after.findings)


def test_an_adopted_texts_closing_lines_are_still_left_out() -> None:
    source = (TEXTS / "A_C.2_80_L.44.txt").read_text(encoding="utf-8")
    closed = read_text(source + "\n\n75th plenary meeting\n\n10 December 2025\n")
    assert _paragraph_texts(closed.resolution) == _paragraph_texts(read_text(source).resolution)
    (note,) = [f for f in closed.findings if f.rule == "import.closing"]
    assert "75th plenary meeting" in note.message and "10 December 2025" in note.message


# --- a refusal naming every part of a table ---------------------------------------------------------------------

DAY = dt.datetime(2026, 6, 1, 9, 0, tzinfo=dt.timezone.utc)


def test_a_merge_refused_over_a_tables_many_parts_says_it_in_a_short_line() -> None:
    """The merge names the parts of a table it could not take: every one, joined, so a refusal over a table of
    2,000 changed cells was a line of 100 KB in the editor's message box. The first five are named, and how many
    more (in the interface's language)."""
    rows = 40
    base = sample(paragraphs=4, footnotes=0)
    table = Paragraph("", "")
    table.table = [["State", "Rate", "Note"], *([f"S{r}", f"0.{r}", "n"] for r in range(rows))]
    table.header_rows = 1
    base.operative.insert(1, table)
    doc = Document(copy.deepcopy(base))
    commands.start_negotiation(doc, facilitator="Chile", date=DAY)
    eu, g77 = copy.deepcopy(base), copy.deepcopy(base)
    eu.operative[1].table[1][1] = "0.5"
    g77.operative[1].table[1][1] = "0.7"
    for r in range(1, rows + 1):
        g77.operative[1].table[r][2] = f"g{r}"
    commands.add_proposals(doc, [derive(base, eu, "EU"), derive(base, g77, "G77")])
    neg = doc.resolution.negotiation
    eu_id, g77_id = (p.id for p in neg.proposals)
    commands.accept(doc, proposal_id=eu_id, target=f"{table.id}#cell 1 1")  # then G77's same cell cannot be
    neg = doc.resolution.negotiation
    items = merging.items(neg)
    assert len(items) == rows + 1
    with pytest.raises(InputError) as refused:
        merging.merged(neg, doc.resolution, merging.Choices({i.key: [g77_id] for i in items}, {}), DAY)
    said = str(refused.value)
    assert "merge it by hand" in said and len(said) < 400
    assert f"and {rows + 1 - NAMED} others (G77)" in said
    assert f"et {rows + 1 - NAMED} autres" in localize(refused.value.args[0], "fr")
    assert f"y {rows + 1 - NAMED} más" in localize(refused.value.args[0], "es")


def test_a_short_list_is_named_whole() -> None:
    assert listed(["EU", "G77", "AG"]) == "EU, G77, AG"
    assert listed([f"S{n}" for n in range(NAMED + 1)]) == "S0, S1, S2, S3, S4 and 1 other"


# --- a command line's name no file system takes ------------------------------------------------------------------


def _cli(args: list[str]) -> tuple[int, str]:
    err = io.StringIO()
    with redirect_stderr(err), redirect_stdout(io.StringIO()):
        code = run(args)
    return code, err.getvalue()


def test_a_new_projects_name_past_what_a_file_system_takes_is_said_in_one_line(tmp_path: Path) -> None:
    # `Path.is_file` raises for a name past 255 bytes: "internal error (OSError …)", exit 3
    code, said = _cli(["new", "--template", "ga-c1", "-o", str(tmp_path / ("a" * 300 + ".json"))])
    assert code == 2 and "internal error" not in said and len(said.strip().splitlines()) == 1


def test_a_proposers_name_past_what_a_file_system_takes_is_a_name(tmp_path: Path) -> None:
    # "NAME=FILE" is first looked for as a file named so: `Path.exists` raised for a long one, exit 3
    base, copy_ = sample(paragraphs=3, footnotes=0), sample(paragraphs=3, footnotes=0)
    copy_.operative[0].text += " and more"
    paths = [tmp_path / "base.json", tmp_path / "eu.json"]
    for res, path in zip((base, copy_), paths, strict=True):
        storage.save_project(res, path)
    name = "Delegation " * 30
    out = tmp_path / "compilation.txt"
    code, said = _cli(["compile", str(paths[0]), f"{name}={paths[1]}", "-o", str(out)])
    assert code == 0 and said == "" and name.strip() in out.read_text(encoding="utf-8")


# --- an autosave whose title is long ------------------------------------------------------------------------------


def _killed_autosave(folder: Path, title: str, *, whole_title: bool) -> Path:
    """A draft's autosave as a killed editor leaves it (its pid gone); `whole_title`: as written before the
    title it is described by was cut."""
    res = sample(paragraphs=40, footnotes=0)
    res.title = title
    saver = recovery.Autosaver(folder)
    saver.save(res, source=None)
    data = json.loads(saver.path.read_text(encoding="utf-8"))
    data["pid"] = 2**31 - 1  # no such process
    if whole_title:
        data["title"] = title
    saver.path.write_text("".join(json_pieces.pieces(data)), encoding="utf-8")
    return saver.path


@pytest.mark.parametrize("whole_title", [False, True])
def test_a_large_autosave_with_a_long_title_is_offered_after_a_kill(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, whole_title: bool
) -> None:
    """A start describes a large autosave from its first 64 KB: a title longer than that (pasted, or a text's
    title block read whole) made it "damaged", set aside and never offered, the draft's unsaved work with it."""
    monkeypatch.setattr(recovery, "SCAN_WHOLE_BYTES", 1024)  # this draft counts as a large one
    title = "On the work of the panel " * 3000  # 75,000 characters
    path = _killed_autosave(tmp_path, title, whole_title=whole_title)
    assert path.stat().st_size > recovery.SCAN_WHOLE_BYTES
    scan = recovery.scan_at_start(tmp_path)
    assert scan.kept == [] and [r.path for r in scan.found] == [path]
    assert scan.found[0].load().title == title


# --- data files saved by a Windows editor -------------------------------------------------------------------------


@pytest.mark.parametrize("encoding", ["utf-8-sig", "utf-16", "utf-16-be"])
def test_house_rules_saved_with_a_byte_order_mark_are_read(tmp_path: Path, encoding: str) -> None:
    """House rules saved as "UTF-8 with BOM" were "not valid TOML (at line 1, column 1)", and as UTF-16 "cannot
    read the rules file": the same rules as the plain UTF-8 file."""
    text = 'disable = ["UN.SerialComma"]\n\n[levels]\n"UN.Italics" = "error"\n'
    plain, saved = tmp_path / "plain.toml", tmp_path / "saved.toml"
    plain.write_text(text, encoding="utf-8")
    saved.write_bytes(text.encode(encoding))
    assert load_user_rules(saved) == load_user_rules(plain)
    assert "UN.SerialComma" in load_user_rules(saved).disabled


def test_a_data_file_saved_with_a_byte_order_mark_is_read(tmp_path: Path) -> None:
    shipped = resource("rollover", "rollover.toml").read_text(encoding="utf-8")
    path = tmp_path / "rollover.toml"
    path.write_bytes(shipped.encode("utf-8-sig"))
    assert read_toml(path) == read_toml(resource("rollover", "rollover.toml"))


def test_amend_of_two_drafts_that_read_the_same_writes_no_empty_amendment(tmp_path: Path) -> None:
    """`resolute amend` of a draft and its copy read from another file wrote an amendment with no instruction,
    exit 0, nothing said (`compile` refuses the same copy in one line)."""
    base = sample(paragraphs=3, footnotes=0)
    paths = [tmp_path / "base.json", tmp_path / "again.txt"]
    storage.save_project(base, paths[0])
    paths[1].write_text(to_text(base), encoding="utf-8")
    out = tmp_path / "amendment.docx"
    code, said = _cli(["amend", *map(str, paths), "-o", str(out), "--sponsor", "Mexico"])
    assert code == 2 and not out.exists()
    assert said.strip() == (
        "resolute: again.txt reads the same as base.json: there is no change for an amendment to carry"
    )


@pytest.mark.parametrize("words", [12, 400])
def test_a_last_paragraph_opening_with_a_meeting_is_kept(words: int) -> None:
    """A numbered last paragraph reading "… 12th meeting of …" was taken for the adopted text's meeting line."""
    source = (TEXTS / "A_C.2_80_L.44.txt").read_text(encoding="utf-8")
    last = "12th meeting of the Conference of the Parties " + " ".join(["held"] * words) + "."
    closed = read_text(source.rstrip() + f"\n\n25. {last}\n")
    texts = _paragraph_texts(closed.resolution)
    assert texts[:-1] == _paragraph_texts(read_text(source).resolution)
    assert texts[-1] == last.removesuffix(
        "."
    )  # the last operative paragraph's full stop is its end, not its text
