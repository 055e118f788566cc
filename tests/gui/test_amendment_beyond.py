"""The amendment panel with instructions beyond part A: an amendment made from a comparison of A/RES/77/5 (its
UN XML) with an edit of its title and annex lists them in the set wording, shows where each stands, exports to
Word and gives the edited draft back; choosing another place in the panel rewords the instruction."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from lxml import etree

from app import edits
from app.amendments import texts
from app.io.reading import read_document
from app.model import TITLE_UNIT, DocumentKind
from app.storage import load_project, save_project
from widgets.actions import ActionId

STRUCTURE = Path(__file__).resolve().parent.parent / "fixtures" / "structure"
ANNEXED = STRUCTURE / "A_RES_77_5-2225005E.xml"


def _first_annex_number() -> str:
    """The printed number of the annex's first paragraph, as the UN XML marks it."""
    root = etree.parse(str(ANNEXED)).getroot()
    attachment = next(el for el in root.iter() if isinstance(el.tag, str) and el.tag.endswith("}attachment"))
    num = next(el for el in attachment.iter() if isinstance(el.tag, str) and el.tag.endswith("}num"))
    assert re.fullmatch(r"\d+\.", num.text.strip())
    return num.text.strip().rstrip(".")


def _edited(window, tmp_path: Path) -> tuple:  # noqa: ANN001
    base_path = tmp_path / "base.json"
    save_project(read_document(ANNEXED).resolution, base_path)
    window.files.open_path(base_path)
    title = window.res.title
    word = next(w for w in title.split() if title.count(w) == 1 and w.isalpha() and len(w) > 4)
    window.apply(edits.set_title, value=title.replace(word, word.upper()))
    first = window.res.annexes[0].paragraphs[0]
    window.apply(edits.set_text, paragraph_id=first.id, value=first.text + " and more")
    return base_path, word


def test_an_amendment_of_the_title_and_an_annex_from_the_comparison(window, tmp_path: Path) -> None:  # noqa: ANN001
    base_path, word = _edited(window, tmp_path)
    proposed = window.res
    window.action(ActionId.AMEND_FROM_COMPARISON).trigger()
    window.flush()
    assert window.res.header.kind is DocumentKind.AMENDMENT
    panel = window.amendment_panel
    lines = [panel.list.item(i).text() for i in range(panel.list.count())]
    assert lines[0] == f"In the title, replace “{word}” with “{word.upper()}”"
    assert lines[1].startswith(f"In paragraph {_first_annex_number()} of the annex, after “")
    panel.list.setCurrentRow(0)
    assert panel.unit.currentData() == TITLE_UNIT and panel.unit.currentText() == "The title"
    panel.list.setCurrentRow(1)
    assert panel.unit.currentData() == "Annex"
    assert not [f for f in window.checks.findings() if f.rule.startswith("amendment.")]
    out = tmp_path / "amendment.docx"
    assert window.files.export_docx(out)
    read = read_document(out).resolution
    assert [(i.unit, i.old, i.new) for i in read.instructions] == [
        (i.unit, i.old, i.new) for i in window.res.instructions
    ]
    window.action(ActionId.SHOW_AMENDED).trigger()
    assert window.res.title == proposed.title
    assert texts(window.res.annexes[0].paragraphs) == texts(proposed.annexes[0].paragraphs)
    assert load_project(base_path).title != proposed.title


def test_choosing_where_an_instruction_acts_rewords_it(window, tmp_path: Path) -> None:  # noqa: ANN001
    source = shutil.copy(STRUCTURE.parent / "corpus" / "A_80_L.19.txt", tmp_path / "A_80_L.19.txt")
    window.files.open_path(Path(source), as_import=True)
    panel = window.amendment_panel
    panel.list.setCurrentRow(0)
    panel.unit.setCurrentIndex(panel.unit.findData("B"))
    assert window.res.instructions[0].unit == "B"
    assert (
        panel.list.item(0)
        .text()
        .startswith("Delete the thirty-eighth preambular paragraph of part B reading:")
    )
    window.undo()
    assert window.res.instructions[0].unit == "" and panel.unit.currentData() == ""


def test_a_proposal_changing_only_the_unplaced_text_is_refused_saying_so(
    window, prompter, qtbot, tmp_path: Path
) -> None:  # noqa: ANN001
    """The facilitator adds a delegation's copy whose only change is to the unplaced text after the last
    paragraph: the editor says so (it said the copy was the same as the base) and adds no proposal."""
    base = read_document(ANNEXED).resolution
    base.unplaced = ["A note the reader kept"]
    save_project(base, tmp_path / "draft.json")
    assert window.files.open_path(tmp_path / "draft.json")
    window.negotiation.show()
    window.negotiation.start()
    proposed = load_project(tmp_path / "draft.json")
    proposed.unplaced = ["Another note the delegation typed"]
    save_project(proposed, tmp_path / "eu.json")
    prompter.paths, prompter.texts = [tmp_path / "eu.json"], ["EU"]
    window.negotiation.add_proposal()
    qtbot.waitUntil(lambda: bool(prompter.errors), timeout=20000)
    (title, message), *_ = prompter.errors
    assert title == "Cannot read the proposal"
    assert "EU changes only the unplaced text" in message and "same as" not in message
    assert not window.res.negotiation.proposals


def test_an_annex_retitled_in_the_editor_is_an_instruction_on_its_title(window, tmp_path: Path) -> None:  # noqa: ANN001
    """The delegate rewords the annex's title: the amendment from the comparison names "the title of the
    annex", the panel shows it there and can move it to the draft's own title; the Word file reads back and the
    amended draft has the new title."""
    from app.unit_edits import set_unit_title

    base_path = tmp_path / "base.json"
    save_project(read_document(ANNEXED).resolution, base_path)
    window.files.open_path(base_path)
    annex = window.res.annexes[0]
    assert annex.title
    window.apply(set_unit_title, unit=annex.id, value="Programme of the commemorative meetings")
    window.action(ActionId.AMEND_FROM_COMPARISON).trigger()
    window.flush()
    panel = window.amendment_panel
    assert panel.list.item(0).text() == (
        "Replace the title of the annex with the following: Programme of the commemorative meetings"
    )
    panel.list.setCurrentRow(0)
    assert panel.unit.currentData() == "title Annex" and panel.unit.currentText() == "The title of the annex"
    out = tmp_path / "amendment.docx"
    assert window.files.export_docx(out)
    read = read_document(out).resolution
    assert [(i.unit, i.paragraph.text) for i in read.instructions] == [
        ("title Annex", "Programme of the commemorative meetings")
    ]
    window.action(ActionId.SHOW_AMENDED).trigger()
    assert window.res.annexes[0].title == "Programme of the commemorative meetings"
    window.undo()
    panel.list.setCurrentRow(0)
    panel.unit.setCurrentIndex(panel.unit.findData(TITLE_UNIT))
    assert panel.list.item(0).text().startswith("Replace the title with the following: Programme")
    assert window.res.instructions[0].unit == TITLE_UNIT


def test_an_annex_added_in_the_editor_is_an_instruction_adding_it(window, tmp_path: Path) -> None:  # noqa: ANN001
    """The delegate adds an annex (Paragraph > Add Annex), titles it and writes its paragraph: the amendment
    from the comparison adds it after the annex the draft has; the panel lists it with its title and leaves
    its fields alone; the Word file reads back and the amended draft has both annexes."""
    from app.unit_edits import add_annex, set_unit_title

    base_path = tmp_path / "base.json"
    save_project(read_document(ANNEXED).resolution, base_path)
    window.files.open_path(base_path)
    assert len(window.res.annexes) == 1
    window.apply(add_annex)
    added = window.res.annexes[1]
    window.apply(set_unit_title, unit=added.id, value="Organization of the commemorative meetings")
    window.apply(
        edits.set_text,
        paragraph_id=added.paragraphs[0].id,
        value="The meetings shall be held in the General Assembly Hall.",
    )
    proposed = window.res
    window.action(ActionId.AMEND_FROM_COMPARISON).trigger()
    window.flush()
    panel = window.amendment_panel
    assert [panel.list.item(i).text() for i in range(panel.list.count())] == [
        "After the annex, insert a new annex reading: Organization of the commemorative meetings"
    ]
    panel.list.setCurrentRow(0)
    assert not panel.form_box.isEnabled()
    out = tmp_path / "amendment.docx"
    assert window.files.export_docx(out)
    (read,) = read_document(out).resolution.instructions
    assert read.after == "Annex" and read.body.title == "Organization of the commemorative meetings"
    assert texts(read.body.paragraphs) == texts(proposed.annexes[1].paragraphs)
    window.action(ActionId.SHOW_AMENDED).trigger()
    assert [a.title for a in window.res.annexes] == [a.title for a in proposed.annexes]
    assert texts(window.res.annexes[1].paragraphs) == texts(proposed.annexes[1].paragraphs)


def test_a_cell_changed_in_the_editor_is_an_instruction_in_the_table(window, tmp_path: Path) -> None:  # noqa: ANN001
    """The delegate changes one figure of A/RES/79/250's scale table: the amendment from the comparison names
    the table, the row and the column, the panel lists it with its fields left alone, the Word file reads back
    and the amended draft has the figure."""
    from app.table_edits import set_table

    source = STRUCTURE.parent / "akn" / "A_RES_79_250-2424689E.xml"
    base_path = tmp_path / "base.json"
    save_project(read_document(source).resolution, base_path)
    window.files.open_path(base_path)
    table = next(p for p in window.res.operative if p.table)
    rows = [list(r) for r in table.table]
    row = next(i for i in range(table.header_rows, len(rows)) if rows[i][-1].strip().isdigit())
    rows[row][-1] = rows[row][-1].strip() + "5"
    window.apply(set_table, paragraph_id=table.id, rows=rows)
    window.action(ActionId.AMEND_FROM_COMPARISON).trigger()
    window.flush()
    panel = window.amendment_panel
    (line,) = [panel.list.item(i).text() for i in range(panel.list.count())]
    assert line.startswith("In the table after operative paragraph ") and f"“{rows[row][-1]}”" in line
    panel.list.setCurrentRow(0)
    assert not panel.form_box.isEnabled()
    out = tmp_path / "amendment.docx"
    assert window.files.export_docx(out)
    (read,) = read_document(out).resolution.instructions
    assert read.cell is not None and read.new == window.res.instructions[0].new
    window.action(ActionId.SHOW_AMENDED).trigger()
    assert next(p for p in window.res.operative if p.table).table == rows
