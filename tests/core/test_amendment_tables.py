"""Amendments inside a table (our own wording, the oral revisions' table words: no issued amendment we could
read words a table's rows or cells), on the scale table of A/RES/79/250 (its UN XML): a cell's words changed, a
row deleted, a row inserted, each named by the table's place (the paragraph printed before it, from the
rendered labels), the row's first cell and the column's header cell as the XML has them; derived, applied,
written to text and Word and read back in English, French and Spanish; what has no sentence (a column added)
refused in one line naming the table; Akoma Ntoso marks the table, row and column and reads them back."""

from __future__ import annotations

import copy
from pathlib import Path

import pytest

from app import amendments, inline
from app.cli import run as main
from app.errors import InputError
from app.io.reading import read_document
from app.model import Paragraph, Resolution
from app.render import render
from app.storage import load_project, save_project

FIXTURE = Path(__file__).parent.parent / "fixtures" / "akn" / "A_RES_79_250-2424689E.xml"
STRUCTURE = Path(__file__).parent.parent / "fixtures" / "structure"


def _plain(cell: str) -> str:
    return " ".join(inline.plain(cell).split())


def _base() -> tuple[Resolution, int, str]:
    """The resolution, the index of its table among the operative paragraphs, and the number printed on the
    paragraph before it."""
    res = read_document(FIXTURE).resolution
    index = next(i for i, p in enumerate(res.operative) if p.table)
    blocks = render(res).blocks
    at = next(i for i, b in enumerate(blocks) if b.role == "table")
    label = next(b.label for b in reversed(blocks[:at]) if b.role == "operative" and b.level == 0 and b.label)
    return res, index, label.rstrip(".")


def _edit(base: Resolution, index: int) -> tuple[Resolution, dict[str, str]]:
    """A cell changed (a body row's one-word last cell), a later row deleted and a row inserted after another:
    the rows chosen by their first cells, each a name used once in the table."""
    table = base.operative[index]
    rows, head = table.table, table.header_rows
    firsts = [_plain(r[0]) for r in rows]
    named = [i for i in range(head, len(rows)) if firsts[i] and firsts.count(firsts[i]) == 1]
    changed, deleted, after = named[0], named[2], named[4]
    column = len(rows[0]) - 1
    assert len(_plain(rows[changed][column]).split()) == 1
    new = copy.deepcopy(base)
    cells = new.operative[index].table
    cells[changed][column] = _plain(rows[changed][column]) + "5"
    inserted = ["Z", "Members of a new level", "0", "1"][: len(rows[0])]
    cells.insert(after + 1, inserted)
    del cells[deleted]
    said = {
        "changed": firsts[changed],
        "column": _plain(rows[0][column]),
        "old": _plain(rows[changed][column]),
        "deleted": firsts[deleted],
        "after": firsts[after],
    }
    return new, said


def _applied(instructions: list, base: Resolution, source: Resolution, index: int) -> list[list[str]]:
    return amendments.apply(instructions, base, source).operative[index].table


def test_a_cell_a_row_deleted_and_a_row_inserted(tmp_path: Path) -> None:
    base, index, number = _base()
    new, said = _edit(base, index)
    made = amendments.amendment(base, new)
    table = f"In the table after operative paragraph {number}"
    assert [item.sentence for item in amendments.items(made.instructions)] == [
        f"{table}, in the row “{said['changed']}”, column “{said['column']}”, replace “{said['old']}” with "
        f"“{said['old']}5”",
        f"{table}, delete the row “{said['deleted']}”",
        f"{table}, after the row “{said['after']}”, insert a new row reading “Z”, “Members of a new level”, "
        "“0”, “1”",
    ]
    assert _applied(made.instructions, base, made, index) == new.operative[index].table
    save_project(made, tmp_path / "amendment.json")
    assert _applied(load_project(tmp_path / "amendment.json").instructions, base, made, index) == (
        new.operative[index].table
    )
    for suffix in (".txt", ".docx", ".xml"):
        out = tmp_path / f"amendment{suffix}"
        assert main(["export", str(tmp_path / "amendment.json"), "-o", str(out)]) == 0
        read = read_document(out).resolution
        assert len(read.instructions) == 3, suffix
        assert _applied(read.instructions, base, read, index) == new.operative[index].table, suffix


@pytest.mark.parametrize(
    ("code", "table"),
    [("fr", "Au tableau qui suit le paragraphe {n}, "), ("es", "En el cuadro que sigue al párrafo {n}, ")],
)
def test_in_french_and_spanish(code: str, table: str, tmp_path: Path) -> None:
    base, index, number = _base()
    base.header.language = code
    new, _ = _edit(base, index)
    made = amendments.amendment(base, new)
    said = [item.sentence for item in amendments.items(made.instructions, code)]
    assert len(said) == 3 and all(s.startswith(table.format(n=number)) for s in said)
    save_project(made, tmp_path / "amendment.json")
    for suffix in (".txt", ".docx", ".xml"):
        out = tmp_path / f"amendment{suffix}"
        assert main(["export", str(tmp_path / "amendment.json"), "-o", str(out)]) == 0
        read = read_document(out).resolution
        assert _applied(read.instructions, base, read, index) == new.operative[index].table, suffix


def test_a_column_added_is_refused_naming_the_table() -> None:
    base, index, number = _base()
    new = copy.deepcopy(base)
    new.operative[index].table = [[*row, ""] for row in new.operative[index].table]
    with pytest.raises(InputError, match=f"changes the table after operative paragraph {number}:"):
        amendments.amendment(base, new)


def test_akn_marks_the_table_row_and_column(tmp_path: Path) -> None:
    """In AKN each instruction names its table as the paragraph before it and the table's count after it, and
    its row and column by number and by the first cell and heading the XML has, an inserted row's cells in its
    quoted structure (our own marking, see app.io.akn_amended_units)."""
    from lxml import etree

    from app.io.akn_writer import to_akn

    base, index, number = _base()
    new, said = _edit(base, index)
    root = etree.fromstring(to_akn(amendments.amendment(base, new)))
    ns = "{http://un.org/akn4un}"
    mods = [el for el in root.iter() if isinstance(el.tag, str) and etree.QName(el).localname == "textualMod"]
    places = [next(c for c in m if etree.QName(c).localname == "destination").get("href") for m in mods]
    assert all(p.endswith(f"#para_{number}__table_1") for p in places), places
    assert [m.get(f"{ns}rowName") for m in mods] == [said["changed"], said["deleted"], said["after"]]
    assert mods[0].get(f"{ns}columnName") == said["column"]
    cells = [c for c in root.iter() if isinstance(c.tag, str) and etree.QName(c).localname == "td"]
    assert ["".join(c.itertext()).strip() for c in cells][-4:] == ["Z", "Members of a new level", "0", "1"][
        : len(base.operative[index].table[0])
    ]


def test_an_instruction_naming_a_row_the_table_lacks_is_refused() -> None:
    base, index, _ = _base()
    new, said = _edit(base, index)
    made = amendments.amendment(base, new)
    edited = copy.deepcopy(base)
    table = edited.operative[index].table
    del table[next(i for i, r in enumerate(table) if _plain(r[0]) == said["deleted"])]
    with pytest.raises(InputError, match=f"has no row “{said['deleted']}”"):
        amendments.apply(made.instructions, edited, made)
    with pytest.raises(InputError, match=f"has no row “{said['deleted']}”"):
        amendments.check_fits(made.instructions[1], edited)


@pytest.mark.parametrize("code", ["en", "fr", "es"])
def test_tables_at_the_beginning_and_a_second_one_after_a_paragraph(code: str, tmp_path: Path) -> None:
    """Tables put into A/RES/77/5 (its UN XML): one before the first operative paragraph, one before the annex's
    first paragraph and two after the last operative paragraph, each with a figure changed, read back in the
    draft's language from text and Word."""
    base = read_document(STRUCTURE / "A_RES_77_5-2225005E.xml").resolution
    base.header.language = code
    table = Paragraph(table=[["Day", "Meetings"], ["8 December", "2"], ["9 December", "1"]], header_rows=1)
    last = len(base.operative)
    base.operative[0:0] = [copy.deepcopy(table)]
    base.operative += [copy.deepcopy(table), copy.deepcopy(table)]
    base.annexes[0].paragraphs.insert(0, copy.deepcopy(table))
    new = copy.deepcopy(base)
    new.operative[0].table[1][1] = "3"
    new.operative[-1].table[2][1] = "4"
    new.annexes[0].paragraphs[0].table[1][1] = "5"
    made = amendments.amendment(base, new)
    said = [item.sentence for item in amendments.items(made.instructions, code)]
    if code == "en":
        assert said[0].startswith(
            "In the table at the beginning of the operative part, in the row “8 December”"
        )
        assert said[1].startswith(
            f"In the second table after operative paragraph {last}, in the row “9 December”"
        )
        assert said[2].startswith("In the table at the beginning of the annex, ")
    save_project(made, tmp_path / "amendment.json")
    for suffix in (".txt", ".docx", ".xml"):
        out = tmp_path / f"amendment{suffix}"
        assert main(["export", str(tmp_path / "amendment.json"), "-o", str(out)]) == 0
        read = read_document(out).resolution
        amended = amendments.apply(read.instructions, base, read)
        got = [p.table for p in amended.operative if p.table] + [amended.annexes[0].paragraphs[0].table]
        want = [p.table for p in new.operative if p.table] + [new.annexes[0].paragraphs[0].table]
        assert len(read.instructions) == 3 and got == want, suffix


def test_akn_naming_no_table_or_paragraph_is_refused_in_one_line() -> None:
    """A file whose table instruction names a place this marking does not write is refused in one line."""
    from app.io.akn_reader import read_akn
    from app.io.akn_writer import to_akn

    base, index, number = _base()
    new, _ = _edit(base, index)
    data = to_akn(amendments.amendment(base, new)).decode("utf-8")
    broken = data.replace(f"#para_{number}__table_1", "#para_x__table_1", 1)
    assert broken != data
    with pytest.raises(InputError, match="names no paragraph of a draft") as caught:
        read_akn(broken.encode("utf-8"), name="a.xml")
    assert len(str(caught.value).splitlines()) == 1
