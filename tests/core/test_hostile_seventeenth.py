"""The seventeenth hostile pass (docs/hardening-log.md, "Seventeenth pass"): each test fails on the code before it.

Inputs are made from the originals: the scale table of A/RES/79/250 (its UN XML) amended by the product, its
amendment written as text and then damaged the way a hand editing it would."""

from __future__ import annotations

import copy
import re
from pathlib import Path

import pytest

from app import amendments, inline
from app.cli import run as main
from app.io.reading import read_document
from app.model import Resolution
from app.storage import save_project

FIXTURE = Path(__file__).parent.parent / "fixtures" / "akn" / "A_RES_79_250-2424689E.xml"


def _plain(cell: str) -> str:
    return " ".join(inline.plain(cell).split())


def _cell_amendment(tmp_path: Path, language: str = "en") -> tuple[Path, Path, Resolution, int, int]:
    """The base saved as a project, the amendment changing one body cell written as text by `amend`, the
    proposed draft, the table's index among the operative paragraphs and the 1-based number of the row
    changed (the row's first cell names it in the sentence)."""
    base = read_document(FIXTURE).resolution
    base.header.language = language  # the amendment is worded in the draft's language
    index = next(i for i, p in enumerate(base.operative) if p.table)
    rows = base.operative[index].table
    firsts = [_plain(r[0]) for r in rows]
    row = next(i for i in range(base.operative[index].header_rows, len(rows)) if firsts.count(firsts[i]) == 1)
    new = copy.deepcopy(base)
    new.operative[index].table[row][-1] = _plain(rows[row][-1]) + "5"
    save_project(base, tmp_path / "base.json")
    save_project(new, tmp_path / "proposed.json")
    out = tmp_path / "amendment.txt"
    assert main(["amend", str(tmp_path / "base.json"), str(tmp_path / "proposed.json"), "-o", str(out)]) == 0
    return tmp_path / "base.json", out, new, index, row + 1


_ROW = re.compile(r"the row “[^”]*”")  # the row named by its first cell, as the writer names a row used once
_COLUMN = re.compile(r"column “[^”]*”")


@pytest.mark.parametrize(
    ("row", "column"),
    [
        ("row 0", None),  # read as the place before the first row: nothing changed, exit 0
        (None, "column 0"),  # read as a row inserted: a blank row added where a cell was to change
        ("row ²", None),  # isdigit() but no int(): internal error, exit 3
        ("row " + "9" * 5000, None),  # past int()'s 4,300 digits: dropped, exit 0
        (None, "column " + "7" * 5000),
    ],
)
def test_a_table_instruction_not_read_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], row: str | None, column: str | None
) -> None:
    """A table instruction whose row or column number is no row or column (0, "²", thousands of digits) was
    carried out as another instruction, or not at all with exit 0, or crashed: `amend --apply` says which
    instruction it cannot read, in one line, exit 2, and writes nothing."""
    base, amendment, _, _, _ = _cell_amendment(tmp_path)
    text = amendment.read_text(encoding="utf-8")
    assert _ROW.search(text) and _COLUMN.search(text)
    damaged = _ROW.sub(row, text, count=1) if row else _COLUMN.sub(column or "", text, count=1)
    amendment.write_text(damaged, encoding="utf-8")
    out = tmp_path / "amended.json"
    capsys.readouterr()
    assert main(["amend", "--apply", str(amendment), str(base), "-o", str(out)]) == 2
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and "instruction that cannot be read" in err and not out.exists()
    assert "internal error" not in err
    # `check` of the amendment says it too (with no other instruction, as an amendment of none)
    main(["check", str(amendment)])
    said = capsys.readouterr().out
    assert "instruction that cannot be read" in said or "at least one instruction" in said


def test_a_table_row_by_number_is_still_read(tmp_path: Path) -> None:
    """The control: the same row named by its number (from 1, header rows counted) is carried out as the
    row named by its first cell."""
    base, amendment, new, index, number = _cell_amendment(tmp_path)
    text = amendment.read_text(encoding="utf-8")
    amendment.write_text(_ROW.sub(f"row {number}", text, count=1), encoding="utf-8")
    out = tmp_path / "amended.json"
    assert main(["amend", "--apply", str(amendment), str(base), "-o", str(out)]) == 0
    amended = read_document(out).resolution
    assert amended.operative[index].table == new.operative[index].table


def test_an_unread_instruction_in_another_form_is_refused(tmp_path: Path) -> None:
    """Not only tables: a paragraph number of thousands of digits made the instruction text, dropped."""
    base, amendment, _, _, _ = _cell_amendment(tmp_path)
    text = amendment.read_text(encoding="utf-8")
    m = re.search(r"operative paragraph (\d+)", text)
    assert m
    damaged = text.replace(m.group(0), "operative paragraph " + "9" * 5000, 1)
    amendment.write_text(damaged, encoding="utf-8")
    assert main(["amend", "--apply", str(amendment), str(base), "-o", str(tmp_path / "x.json")]) == 2


def _many_rows_changed(rows: int) -> tuple[Resolution, Resolution, int]:
    """The scale table with `rows` body rows added (each named by its first cell), and the same with a cell of
    each of them changed."""
    base = read_document(FIXTURE).resolution
    index = next(i for i, p in enumerate(base.operative) if p.table)
    table = base.operative[index].table
    width = len(table[0])
    table += [[f"Z{i}", *[f"{i} {c}" for c in range(1, width)]] for i in range(rows)]
    new = copy.deepcopy(base)
    for row in new.operative[index].table[-rows:]:
        row[-1] += " more"
    return base, new, index


def test_a_table_of_thousands_of_rows_each_changed_is_amended_in_linear_work(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Each cell instruction looked its row up by reading every row's first cell (and the table's width by
    every row): 3,200 rows each changed took 76 s to amend and 40 s to apply, the square. The rows are read
    once per table: the first cells read grow as the rows do."""
    from app import amendments, table_amendments

    counts = []
    plain = table_amendments._plain
    read: list[str] = []
    monkeypatch.setattr(table_amendments, "_plain", lambda cell: read.append(cell) or plain(cell))
    for rows in (150, 600):
        base, new, index = _many_rows_changed(rows)
        made = amendments.amendment(base, new)
        assert sum(1 for ins in made.instructions if ins.cell is not None) == rows
        read.clear()
        applied = amendments.apply(made.instructions, base, made)
        assert applied.operative[index].table == new.operative[index].table
        counts.append(len(read))
    assert counts[1] <= 5 * counts[0]  # four times the rows: the square would read sixteen times as many


@pytest.mark.parametrize(
    ("language", "odd"),
    [
        ("fr", "Au ² alinéa du préambule, supprimer « the »."),
        ("fr", "Au paragraphe ², supprimer « the »."),
        ("es", "En el ² párrafo del preámbulo, suprímase “the”."),
    ],
)
def test_an_instruction_of_an_odd_number_in_french_or_spanish_is_refused(
    tmp_path: Path, language: str, odd: str
) -> None:
    """The same in the French and Spanish set wording."""
    base, amendment, _, _, _ = _cell_amendment(tmp_path, language)
    head = amendment.read_text(encoding="utf-8").split("\n1. ", 1)[0]
    amendment.write_text(f"{head}\n1. {odd}\n", encoding="utf-8")
    assert main(["amend", "--apply", str(amendment), str(base), "-o", str(tmp_path / "x.json")]) == 2
    # sharp: the instruction it damaged is read
    good = odd.replace("Au ² alinéa", "Au deuxième alinéa").replace("paragraphe ²,", "paragraphe 2,")
    good = good.replace("el ² párrafo", "el segundo párrafo")
    amendment.write_text(f"{head}\n1. {good}\n", encoding="utf-8")
    assert main(["amend", "--apply", str(amendment), str(base), "-o", str(tmp_path / "x.json")]) in (0, 2)
    assert any(ins.old == "the" for ins in read_document(amendment).resolution.instructions)


@pytest.mark.parametrize(
    "odd",
    [
        "In the ² preambular paragraph, delete “the”.",  # an ordinal no reader takes
        "In the " + "9" * 5000 + " preambular paragraph, delete “the”.",
        "Replace the title of annex ١٢ with the following:",
        "In the Ⅻ table after operative paragraph 11, delete row 2.",
    ],
)
def test_an_instruction_of_an_odd_ordinal_or_number_is_refused(tmp_path: Path, odd: str) -> None:
    """Instructions that open as the set wording does but name their unit by no number a reader takes were
    left as text of the amendment: applied as no change, exit 0."""
    base, amendment, _, _, _ = _cell_amendment(tmp_path)
    head = amendment.read_text(encoding="utf-8").split("\n1. ", 1)[0]
    amendment.write_text(f"{head}\n1. {odd}\n\n“A new title”\n", encoding="utf-8")
    assert main(["amend", "--apply", str(amendment), str(base), "-o", str(tmp_path / "x.json")]) == 2


def test_an_issued_instruction_naming_two_paragraphs_is_read_for_each(tmp_path: Path) -> None:
    """A/C.3/80/L.64 (as issued): "In operative paragraphs 27 and 43, delete …" names two paragraphs; applied,
    the amendment made the other two deletions only, exit 0. It is read as one deletion in each paragraph, as the
    issued text means, and nothing is said to be unreadable."""
    issued = Path(__file__).parent.parent / "fixtures" / "issued" / "A_C.3_80_L.64_head.txt"
    result = read_document(issued)
    said = [f.message for f in result.findings if "cannot be read" in str(f.message)]
    places = [(ins.part.value, ins.number) for ins in result.resolution.instructions]
    numbers = re.findall(r"operative paragraphs? (\d+)(?: and (\d+))?", issued.read_text(encoding="utf-8"))
    expected = [("operative", int(n)) for pair in numbers for n in pair if n]
    assert places == expected and not said


def test_an_amended_draft_past_the_table_bound_is_not_written(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """An amendment adding rows to a table near the model's bound: `amend --apply` wrote a project (and a Word
    file) that `check` and the editor then refused as damaged. It is refused before anything is written, in one
    line, in the user's language (the table bound's own reasons were English f-strings)."""
    from app.messages import localize
    from app.model import MAX_TABLE_ROWS, oversized_table

    (tmp_path / "one").mkdir()
    _, written, _, _, _ = _cell_amendment(tmp_path / "one")  # an amendment's head, as `amend` writes it
    head = written.read_text(encoding="utf-8").split("\n1. ", 1)[0]
    base = read_document(FIXTURE).resolution
    index = next(i for i, p in enumerate(base.operative) if p.table)
    table = base.operative[index].table
    width = len(table[0])
    table += [[f"Z{i}", *["x"] * (width - 1)] for i in range(MAX_TABLE_ROWS - len(table) - 5)]
    save_project(base, tmp_path / "base.json")
    assert main(["check", str(tmp_path / "base.json")]) in (0, 1)  # the base, within the bound, opens
    place = re.search(r"In the table after (operative paragraph \d+)", written.read_text(encoding="utf-8"))
    assert place
    cells = ", ".join("“new”" for _ in range(width))
    rows = "".join(
        f"{i + 1}. In the table after {place.group(1)}, after the row “Z0”, insert a new row reading {cells};\n\n"
        for i in range(10)
    )
    amendment = tmp_path / "amendment.txt"
    amendment.write_text(f"{head}\n{rows}", encoding="utf-8")
    capsys.readouterr()
    for suffix in (".json", ".docx", ".txt"):
        out = tmp_path / f"amended{suffix}"
        assert main(["amend", "--apply", str(amendment), str(tmp_path / "base.json"), "-o", str(out)]) == 2
        err = capsys.readouterr().err.strip()
        assert len(err.splitlines()) == 1 and not out.exists() and "internal" not in err
        assert f"{MAX_TABLE_ROWS:,}" in err
    # sharp: five rows fit, and are written
    amendment.write_text(
        f"{head}\n" + "".join(rows.split("\n\n")[:5]).replace(";", ";\n\n"), encoding="utf-8"
    )
    assert (
        main(
            ["amend", "--apply", str(amendment), str(tmp_path / "base.json"), "-o", str(tmp_path / "ok.json")]
        )
        == 0
    )
    assert len(read_document(tmp_path / "ok.json").resolution.operative[index].table) == MAX_TABLE_ROWS
    table += [["x"] * width] * 6
    why = oversized_table(base)
    assert why and localize(why, "fr") != str(why) and localize(why, "es") != str(why)


def test_an_amendment_given_to_compile_as_a_delegations_copy_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`compile BASE NAME=AMENDMENT`: the amendment, compared as an edited copy of the draft, has no paragraph of
    the draft (its instructions are no paragraphs), so the compilation proposed deleting every paragraph in
    NAME's name, exit 0. It is refused in one line, exit 2; the amended draft is the copy to give."""
    base, amendment, _, _, _ = _cell_amendment(tmp_path)
    out = tmp_path / "compilation.docx"
    capsys.readouterr()
    assert main(["compile", str(base), f"Fr={amendment}", "-o", str(out)]) == 2
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and "Fr is an amendment" in err and not out.exists()
    # sharp: the amended draft, given as the copy, is a proposal
    amended = tmp_path / "amended.json"
    assert main(["amend", "--apply", str(amendment), str(base), "-o", str(amended)]) == 0
    assert main(["compile", str(base), f"Fr={amended}", "-o", str(out)]) == 0 and out.is_file()
    # the other way round: a draft given on an amendment proposed every paragraph of the draft as an addition
    other = tmp_path / "other.docx"
    capsys.readouterr()
    assert main(["compile", str(amendment), f"Fr={amended}", "-o", str(other)]) == 2
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and "Fr is a draft" in err and not other.exists()


def test_a_table_the_draft_lacks_is_named_in_a_sentence(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """An amendment applied to a draft without the table it names said "the draft has no the table after
    operative paragraph 11" (the place already has its article); in French "le tableau qui suit …"."""
    from app.messages import localize

    _, amendment, _, _, _ = _cell_amendment(tmp_path)
    capsys.readouterr()
    assert main(["amend", "--apply", str(amendment), str(amendment), "-o", str(tmp_path / "x.json")]) == 2
    err = capsys.readouterr().err.strip()
    assert "has no the" not in err and re.search(
        r"the table after operative paragraph \d+ is not in the draft", err
    )
    from app.errors import InputError

    with pytest.raises(InputError) as caught:
        amendments.apply(
            read_document(amendment).resolution.instructions, read_document(amendment).resolution
        )
    said = localize(caught.value.args[0], "fr")
    assert said.startswith("le tableau qui suit le paragraphe") and said.endswith(
        "ne figure pas dans le projet"
    )
