"""Tables as paragraphs of the model, end to end: the UN's XML, Word files, the project file, the exports.

Expected cells come from the originals: A/RES/79/250's XML (tests/fixtures/akn/README.md) read with lxml
alone, and the rows python-docx writes into a Word table."""

from __future__ import annotations

import io
import sys
from pathlib import Path

import docx
import pytest
from lxml import etree

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from fixtures.wordxml.docs import Doc, I  # noqa: E402

from app import inline, storage  # noqa: E402
from app.compare.diff import compare  # noqa: E402
from app.errors import InputError  # noqa: E402
from app.io.akn_reader import read_akn  # noqa: E402
from app.io.akn_writer import to_akn  # noqa: E402
from app.io.docx_reader import read_docx  # noqa: E402
from app.io.docx_writer import build_docx  # noqa: E402
from app.io.text_writer import to_text  # noqa: E402
from app.model import MAX_TABLE_ROWS, Paragraph, Resolution  # noqa: E402
from app.render import render  # noqa: E402

FIXTURE = Path(__file__).resolve().parent.parent / "fixtures" / "akn" / "A_RES_79_250-2424689E.xml"
AKN = "{http://docs.oasis-open.org/legaldocml/ns/akn/3.0}"
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _xml_table() -> tuple[list[list[str]], int, str]:
    """The table of the file as lxml reads it: each row's th/td texts, the rows of th only, and the text of
    the paragraph before it."""
    root = etree.parse(str(FIXTURE)).getroot()
    table = next(root.iter(f"{AKN}table"))
    rows = [
        [" ".join("".join(c.itertext()).split()) for c in tr if c.tag in (f"{AKN}th", f"{AKN}td")]
        for tr in table
    ]
    header = 0
    while all(c.tag == f"{AKN}th" for c in table[header]):
        header += 1
    before = table.getparent().getprevious()
    return rows, header, " ".join("".join(before.itertext()).split())


def _tables(paragraphs: list[Paragraph]) -> list[tuple[list[list[str]], int]]:
    return [(p.table, p.header_rows) for p in paragraphs if p.is_table]


@pytest.fixture(scope="module")
def issued() -> Resolution:
    return read_akn(FIXTURE.read_bytes(), name=FIXTURE.name).resolution


def test_the_un_xml_table_is_a_table_in_its_place_cell_by_cell(issued: Resolution) -> None:
    rows, header, before = _xml_table()
    at = next(i for i, p in enumerate(issued.operative) if p.is_table)
    table = issued.operative[at]
    assert [[inline.plain(cell) for cell in row] for row in table.table] == rows
    assert table.header_rows == header == 2
    previous = issued.operative[at - 1]
    assert " ".join(f"{previous.opener} {inline.plain(previous.text)}".split()) in before
    assert not any("table" in f"{text}" for text in issued.unplaced)


def test_a_table_takes_no_number_and_numbering_runs_on(issued: Resolution) -> None:
    blocks = [b for b in render(issued).blocks if b.part is not None and b.level == 0 and not b.is_tail]
    at = next(i for i, b in enumerate(blocks) if b.role == "table")
    assert blocks[at].label == "" and blocks[at].end == "" and not blocks[at].opener
    after = next(b for b in blocks[at:] if b.paragraph_id != blocks[at].paragraph_id)  # past the table's note
    assert int(after.label.rstrip(".")) == int(blocks[at - 1].label.rstrip(".")) + 1


def test_akn_export_writes_the_un_markup_and_reads_back_the_same(issued: Resolution) -> None:
    data = to_akn(issued)
    root = etree.fromstring(data)
    container = next(c for c in root.iter(f"{AKN}container") if c.get("name") == "table")
    heads = [tr for tr in container.iter(f"{AKN}tr") if all(c.tag == f"{AKN}th" for c in tr)]
    cells = [c for tr in container.iter(f"{AKN}tr") for c in tr]
    assert len(heads) == 2 and all([k.tag for k in c] == [f"{AKN}p"] for c in cells)
    back = read_akn(data, name="again.xml").resolution
    assert _tables(back.operative) == _tables(issued.operative)


def test_word_round_trip_gives_the_same_table_with_the_issued_rules(issued: Resolution) -> None:
    data = build_docx(issued)
    back = read_docx(data, name="again.docx").resolution
    assert _tables(back.operative) == _tables(issued.operative)
    place = [i for i, p in enumerate(issued.operative) if p.is_table]
    assert [i for i, p in enumerate(back.operative) if p.is_table] == place
    body = docx.Document(io.BytesIO(data)).element.body
    tbl = body.find(f"{W}tbl")
    rows = tbl.findall(f"{W}tr")
    assert rows[0].find(f"{W}trPr/{W}tblHeader") is not None
    first, head_end, last = rows[0], rows[1], rows[-1]
    assert {b.get(f"{W}sz") for b in first.iter(f"{W}top")} == {"4"}  # thin above the header
    assert {b.get(f"{W}sz") for b in head_end.iter(f"{W}bottom")} == {"12"}  # thick below it
    assert {b.get(f"{W}sz") for b in last.iter(f"{W}bottom")} == {"12"}  # and below the last row
    assert not list(tbl.iter(f"{W}left")) and not list(tbl.iter(f"{W}insideV"))  # no vertical rules


def test_a_python_docx_table_between_two_operative_paragraphs_reads_as_one() -> None:
    rows = [["Level", "Discount"], ["A", "Premium"], ["B", "0"]]
    doc = Doc()
    doc.masthead()
    doc.para(I("Recalling"), " its resolution 55/235,")
    doc.para("1.\t", I("Decides"), " that the rates shall be as set forth in the table below:")
    doc.table(rows)
    doc.para("2.\t", I("Requests"), " the Secretary-General to report.")
    result = read_docx(doc.bytes(), name="t.docx")
    res = result.resolution
    assert [p.opener for p in res.operative] == ["Decides", "", "Requests"]
    assert res.operative[1].table == rows and not res.unplaced
    assert [b.label for b in render(res).blocks if b.part is not None][-3:] == ["1.", "", "2."]


def test_a_table_inside_a_cell_is_read_into_the_cell_and_said() -> None:
    doc = Doc()
    doc.masthead()
    doc.para("1.\t", I("Decides"), " as follows:")
    outer = doc.d.add_table(rows=1, cols=2)
    outer.cell(0, 0).text = "Region"
    inner = outer.cell(0, 1).add_table(rows=1, cols=2)
    inner.cell(0, 0).text = "inner one"
    inner.cell(0, 1).text = "inner two"
    doc.para("2.\t", I("Requests"), " a report.")
    result = read_docx(doc.bytes(), name="t.docx")
    table = result.resolution.operative[1].table
    assert table[0][0] == "Region" and "inner one" in table[0][1] and "inner two" in table[0][1]
    assert any(f.rule == "import.table" for f in result.findings)


def test_merged_cells_in_the_un_markup_keep_their_columns_and_their_merge() -> None:
    rows, _, _ = _xml_table()
    xml = FIXTURE.read_bytes().replace(b"<th ", b'<th colspan="2" ', 1)  # the first header cell over two
    result = read_akn(xml, name="merged.xml")
    para = next(p for p in result.resolution.operative if p.is_table)
    table = para.table
    assert [inline.plain(c) for c in table[0]][:3] == [rows[0][0], "", rows[0][1]]
    assert [[inline.plain(c) for c in row][:4] for row in table[2:]] == rows[2:]
    assert para.merges == [(0, 0, 1, 2)]
    assert not any(f.rule == "import.table" and "merged" in f.message for f in result.findings)


def test_merged_cells_that_overlap_are_said_and_left_as_cells() -> None:
    """A cell spanning down (rowspan) and one under it spanning across into its column cannot both stand: the
    second is left as its cells, its text kept, and said."""
    data = FIXTURE.read_bytes()
    heads = [i for i in range(len(data)) if data.startswith(b"<th ", i)]
    second_row = heads[len(_xml_table()[0][0])]  # the first header cell of the second row
    xml = data[:second_row] + data[second_row:].replace(b"<th ", b'<th colspan="2" ', 1)
    xml = xml[: heads[1]] + xml[heads[1] :].replace(b"<th ", b'<th rowspan="2" ', 1)
    result = read_akn(xml, name="merged.xml")
    para = next(p for p in result.resolution.operative if p.is_table)
    assert para.merges == [(0, 1, 2, 1)]
    assert any(f.rule == "import.table" and "1 merged" in f.message for f in result.findings)


def test_project_file_round_trip_old_files_and_limits(issued: Resolution) -> None:
    back = storage.loads(storage.dumps(issued))
    assert _tables(back.operative) == _tables(issued.operative)
    old = storage.to_dict(Resolution(operative=[Paragraph(opener="Decides", text="to act")]))
    assert "table" not in old["operative"][0]  # a draft without tables writes what older versions wrote
    assert not storage.from_dict(old).operative[0].is_table
    ragged = storage.to_dict(Resolution(operative=[Paragraph(table=[["x"]])]))
    ragged["operative"][0]["table"] = [["a", "b", "c"], ["d"], []]
    assert storage.from_dict(ragged).operative[0].table == [["a", "b", "c"], ["d", "", ""], ["", "", ""]]
    huge = storage.to_dict(Resolution(operative=[Paragraph(table=[["x"]])]))
    huge["operative"][0]["table"] = [["x"]] * (MAX_TABLE_ROWS + 1)
    with pytest.raises(InputError, match="table"):
        storage.from_dict(huge)


def test_text_export_sets_cells_apart_by_tabs(issued: Resolution) -> None:
    rows, _, _ = _xml_table()
    text = to_text(issued)
    assert "\t".join(rows[2]) in text


def test_compare_sees_a_changed_cell(issued: Resolution) -> None:
    import copy

    new = copy.deepcopy(issued)
    table = next(p for p in new.operative if p.is_table)
    table.table[2][3] = "Surcharge"
    changed = [c for c in compare(issued, new).blocks if c.status != "equal"]
    assert len(changed) == 1 and "Surcharge" in changed[0].text("new")


def test_table_commands_are_undone_in_one_step_each() -> None:
    from app import table_edits
    from app.edits import Document, EditError

    doc = Document(
        Resolution(operative=[Paragraph(opener="Decides", text="as follows:"), Paragraph(text="x")])
    )
    sub = Paragraph(text="(a) item")
    doc.resolution.operative[0].subparagraphs.append(sub)
    change = table_edits.insert_table(doc, after_id=sub.id)  # after the paragraph holding the subparagraph
    table = doc.resolution.operative[1]
    assert table.id == change.focus and table.table == [["", ""], ["", ""]] and table.header_rows == 1
    table_edits.set_table(doc, paragraph_id=table.id, rows=[["Level", "Rate"], ["A", "0.1"]])
    table_edits.add_row(doc, paragraph_id=table.id)
    table_edits.remove_column(doc, paragraph_id=table.id, at=1)
    assert table.table == [["Level"], ["A"], [""]]
    with pytest.raises(EditError):
        table_edits.remove_column(doc, paragraph_id=table.id, at=0)  # the last column stays
    doc.history.undo()
    doc.history.undo()
    assert table.table == [["Level", "Rate"], ["A", "0.1"]]
    doc.history.undo()
    doc.history.undo()
    assert not any(p.is_table for p in doc.resolution.operative)


def test_pdf_layout_prints_each_row_in_columns_between_the_rules(issued: Resolution) -> None:
    from app.io.docx_layout import layout_for_paper
    from app.print_layout import Rule, Text, lay_out

    def measure(text: str, font) -> float:  # noqa: ANN001 - a Font
        return 0.5 * font.size * len(text)

    rows, _, _ = _xml_table()
    r = render(issued)
    items = [item for page in lay_out(r, layout_for_paper(r.template.paper), measure) for item in page.items]
    texts = [t for t in items if isinstance(t, Text)]
    # the first body row's cells start on one baseline, left to right, one per column
    starts = [next(t for t in texts if t.text == cell.split()[0]) for cell in rows[2]]
    assert len({t.y for t in starts}) == 1 and [t.x for t in starts] == sorted({t.x for t in starts})
    layout = layout_for_paper(r.template.paper)
    column = layout.page.left + layout.styles["body"].left
    rules = [rule.width for rule in items if isinstance(rule, Rule) and rule.x0 == pytest.approx(column)]
    assert rules == [0.5, 1.5, 1.5]  # in the body column: thin above the header, thick below it and the table


def test_a_table_past_the_limits_is_refused_in_one_line_by_the_readers() -> None:
    from app.model import MAX_TABLE_COLUMNS

    wide = FIXTURE.read_bytes().replace(b"<th ", b'<th colspan="60" ', 2)  # two header cells of 60 columns
    with pytest.raises(InputError, match="columns"):
        read_akn(wide, name="wide.xml")
    doc = Doc()
    doc.masthead()
    doc.para("1.\t", I("Decides"), " as follows:")
    doc.table([[str(k) for k in range(MAX_TABLE_COLUMNS + 1)]])
    with pytest.raises(InputError, match="columns"):
        read_docx(doc.bytes(), name="wide.docx")


def test_nothing_goes_under_a_table_and_what_a_table_holds_beside_its_cells_prints() -> None:
    from app import table_edits
    from app.edits import Document, EditError, indent_paragraph

    after = Paragraph(opener="Requests", text="a report")
    doc = Document(Resolution(operative=[Paragraph(opener="Decides", text="as follows:"), after]))
    table_edits.insert_table(doc, after_id=doc.resolution.operative[0].id)
    with pytest.raises(EditError):
        indent_paragraph(doc, paragraph_id=after.id)  # Tab under a table: its text would not print
    table = doc.resolution.operative[1]
    table.subparagraphs.append(Paragraph(text="kept item"))  # as a file could give it
    table.tail = "kept tail"
    printed = " ".join(inline.plain(inline.unparse(list(b.spans))) for b in render(doc.resolution).blocks)
    assert "kept item" in printed and "kept tail" in printed


def test_the_note_under_a_table_stays_under_it_and_the_numbers_run_as_the_xml_has_them() -> None:
    """The UN's XML sets a table's note as an unnumbered paragraph in its notes style ("FootnoteText"): it is
    printed after the table as written, and every operative paragraph keeps the number the XML gives it."""
    root = etree.parse(str(FIXTURE)).getroot()
    body = next(root.iter(f"{AKN}mainBody"))
    notes = [
        " ".join("".join(p.itertext()).split())
        for p in body.iter(f"{AKN}paragraph")
        if p.get("class") == "FootnoteText" and p.find(f"{AKN}num") is None
    ]
    numbered = [
        (p.findtext(f"{AKN}num").strip().rstrip("."), "".join(p.find(f".//{AKN}span").itertext()))
        for p in body.findall(f"{AKN}paragraph")
        if p.find(f"{AKN}num") is not None and p.find(f".//{AKN}span") is not None
    ]
    assert notes and len(numbered) > 12
    res = read_akn(FIXTURE.read_bytes()).resolution
    (table,) = [p for p in res.operative if p.is_table]
    assert inline.plain(table.text) == " ".join(notes)  # its end mark too: printed as written
    ours = [p for p in res.operative if not p.is_table]
    assert [(str(i), p.opener) for i, p in enumerate(ours, start=1)] == numbered
    rows = [b for b in render(res).blocks if b.paragraph_id == table.id]
    assert not rows[-1].cells and "discount of 70 per cent." in "".join(s.text for s in rows[-1].spans)


def test_a_word_tables_note_in_the_notes_style_stays_under_the_table() -> None:
    """A Word draft sets a table's note as a body paragraph in the notes style (the UN's XML keeps that style's
    name, "FootnoteText", for A/RES/79/250's note): it is the table's, printed after it, and the paragraph after
    it keeps its number."""
    from docx.enum.style import WD_STYLE_TYPE

    doc = Doc()
    doc.masthead()
    doc.para(I("Recalling"), " its resolution 55/235,")
    doc.para("1.\t", I("Decides"), " that the rates shall be as set forth in the table below:")
    doc.table([["Level", "Discount"], ["H", "80a"]])
    if "FootnoteText" not in [s.style_id for s in doc.d.styles]:
        doc.d.styles.add_style("FootnoteText", WD_STYLE_TYPE.PARAGRAPH)
    doc.para("a\tMember States in level H have a discount of 70 per cent.", style="FootnoteText")
    doc.para("2.\t", I("Requests"), " the Secretary-General to report.")
    res = read_docx(doc.bytes(), name="t.docx").resolution
    assert [p.opener for p in res.operative] == ["Decides", "", "Requests"]
    assert inline.plain(res.operative[1].text).endswith("discount of 70 per cent.")
    assert [b.label for b in render(res).blocks if b.part is not None and b.label][-2:] == ["1.", "2."]


@pytest.mark.parametrize("way", ["docx", "akn"])
def test_a_tables_note_comes_back_under_the_table_from_our_own_exports(way: str) -> None:
    """The note is written as issued notes are (Word's notes style; the UN XML's "FootnoteText" paragraph), so
    that reading the export back puts it under its table again, every number unchanged."""
    res = read_akn(FIXTURE.read_bytes()).resolution
    if way == "docx":
        back = read_docx(build_docx(res), name="x.docx").resolution
    else:
        back = read_akn(to_akn(res)).resolution
    assert [(p.opener, p.is_table, inline.plain(p.text)) for p in back.operative] == [
        (p.opener, p.is_table, inline.plain(p.text)) for p in res.operative
    ]
