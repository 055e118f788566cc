"""The amendment panel with a whole annex deleted: the draft (A/RES/75/212, its UN XML, three annexes) opened,
annex II removed in the editor as a delegate does (Paragraph > Remove Part/Annex), the amendment made from the
comparison lists "Delete annex II", exports to Word and reads back, and gives the edited draft back; an
instruction typed in the panel with Delete, Where: Annex III and Number 0 reads "Delete annex III"."""

from __future__ import annotations

from pathlib import Path

import docx

from app.io.reading import read_document
from app.model import Action
from app.storage import load_project, save_project
from app.unit_edits import remove_unit
from widgets.actions import ActionId

ANNEXES = Path(__file__).resolve().parent.parent / "fixtures" / "akn" / "75_212_E.xml"


def test_an_annex_removed_becomes_delete_annex_ii(window, tmp_path: Path) -> None:  # noqa: ANN001
    base_path = tmp_path / "base.json"
    save_project(read_document(ANNEXES).resolution, base_path)
    assert window.files.open_path(base_path)
    titles = [a.title for a in window.res.annexes]
    assert len(titles) == 3
    window.apply_structure(remove_unit, unit=window.res.annexes[1].id)
    window.action(ActionId.AMEND_FROM_COMPARISON).trigger()
    window.flush()
    panel = window.amendment_panel
    assert [panel.list.item(i).text() for i in range(panel.list.count())] == ["Delete annex II"]
    assert not [f for f in window.checks.findings() if f.rule.startswith("amendment.")]
    out = tmp_path / "amendment.docx"
    assert window.files.export_docx(out)
    read = read_document(out).resolution
    assert [(i.action, i.unit, i.number) for i in read.instructions] == [(Action.DELETE, "Annex II", 0)]
    # typed in the panel: the annex after it, as the draft amended numbers it
    panel.list.setCurrentRow(0)
    panel.unit.setCurrentIndex(panel.unit.findData("Annex III"))
    assert window.res.instructions[0].unit == "Annex III"
    assert panel.list.item(0).text() == "Delete annex III"
    window.undo()
    assert panel.list.item(0).text() == "Delete annex II"
    window.action(ActionId.SHOW_AMENDED).trigger()
    assert [a.title for a in window.res.annexes] == [titles[0], titles[2]]
    assert len(load_project(base_path).annexes) == 3  # the draft amended is left as it was


def test_a_french_draft_s_oral_revisions_in_word_are_headed_in_french(
    window, prompter, tmp_path: Path
) -> None:  # noqa: ANN001
    """Versions > Oral Revisions on the UN's French XML of A/RES/80/70: its operative paragraph 2 deleted, the
    Word file is headed and worded in French (the [oral] and [amendments] tables of resources/languages/fr.toml)."""
    from app import edits
    from app.languages import get_language

    source = ANNEXES.parent.parent / "languages" / "A_RES_80_70-2520898F.xml"
    draft = read_document(source).resolution
    draft.header.symbol = "A/C.1/80/L.43"
    base_path = tmp_path / "base.json"
    save_project(draft, base_path)
    assert window.files.open_path(base_path)
    assert window.res.header.language == "fr"
    window.apply(edits.delete_paragraph, paragraph_id=window.res.operative[1].id)
    window.flush()
    window.action(ActionId.ORAL_REVISIONS).trigger()
    dialog = window.versions.oral_dialog
    assert dialog is not None
    prompter.paths = [tmp_path / "oral.docx"]
    dialog.docx_button.click()
    lines = [p.text for p in docx.Document(str(tmp_path / "oral.docx")).paragraphs]
    fr = get_language("fr")
    assert lines[0] == "Révisions orales du projet de résolution A/C.1/80/L.43"
    assert lines[1].startswith("Supprimer le paragraphe 2, qui se lit comme suit")
    assert lines[-1] == fr.oral["renumber"] + fr.punctuate(".")
    dialog.close()


def test_an_unnumbered_annex_paragraph_edited_is_named_by_its_order(window, tmp_path: Path) -> None:  # noqa: ANN001
    """Annex II of A/RES/75/212 has unnumbered lines among its numbered paragraphs: one edited in the editor is
    named "the first unnumbered paragraph of annex II" (counted among the unnumbered ones), and the amended draft
    has the edit, its paragraph still unnumbered."""
    from app import edits

    base_path = tmp_path / "base.json"
    save_project(read_document(ANNEXES).resolution, base_path)
    assert window.files.open_path(base_path)
    paragraphs = window.res.annexes[1].paragraphs
    unnumbered = [p for p in paragraphs if not p.numbered and not p.is_table]
    first = unnumbered[0]
    assert not first.heading and not first.subparagraphs
    window.apply(edits.set_text, paragraph_id=first.id, value=first.text + " and more")
    window.action(ActionId.AMEND_FROM_COMPARISON).trigger()
    window.flush()
    panel = window.amendment_panel
    lines = [panel.list.item(i).text() for i in range(panel.list.count())]
    assert len(lines) == 1 and "the first unnumbered paragraph of annex II" in lines[0]
    panel.list.setCurrentRow(0)
    assert panel.unit.currentData() == "Annex II" and panel.part.currentText() == "Unnumbered paragraph"
    panel.part.setCurrentIndex(1)  # its numbered paragraph 1, as the panel offers it in an annex
    assert panel.part.currentText() == "Numbered paragraph"
    assert "paragraph 1 of annex II" in panel.list.item(0).text()
    window.undo()
    assert "the first unnumbered paragraph of annex II" in panel.list.item(0).text()
    assert not [f for f in window.checks.findings() if f.rule.startswith("amendment.")]
    window.action(ActionId.SHOW_AMENDED).trigger()
    amended = window.res.annexes[1].paragraphs
    changed = [p for p in amended if not p.numbered and not p.is_table][0]
    assert changed.text.endswith("and more") and not changed.numbered
    assert [p.numbered for p in amended] == [p.numbered for p in paragraphs]


def test_an_annex_added_with_an_unnumbered_chapeau_exports_and_reads_back(window, tmp_path: Path) -> None:  # noqa: ANN001
    """A fourth annex added in the editor (Paragraph > Add Annex), its title typed, its first paragraph left
    unnumbered as a chapeau (Paragraph > Numbered) over a numbered one: the panel lists "After annex III, insert
    a new annex reading", and the amendment exported to Word and to UN XML reads back to the edited draft, the
    chapeau still unnumbered."""
    from app import edits
    from app.amendments import apply
    from app.unit_edits import add_annex, set_unit_title, toggle_numbered

    base_path = tmp_path / "base.json"
    base = read_document(ANNEXES).resolution
    chapeau_text = next(p.text for p in base.annexes[1].paragraphs if not p.numbered and not p.is_table)
    numbered_text = next(p.text for p in base.annexes[1].paragraphs if p.numbered and not p.is_table)
    save_project(base, base_path)
    assert window.files.open_path(base_path)
    window.apply_structure(add_annex)
    annex = window.res.annexes[-1]
    window.apply_structure(set_unit_title, unit=annex.id, value="Arrangements for the review")
    first = annex.paragraphs[0]
    window.apply(edits.set_text, paragraph_id=first.id, value=chapeau_text)
    window.apply_structure(toggle_numbered, paragraph_id=first.id)
    window.apply_structure(edits.insert_paragraph, part=None, after_id=first.id)
    window.apply(edits.set_text, paragraph_id=annex.paragraphs[1].id, value=numbered_text)
    want = [(p.numbered, p.text) for p in annex.paragraphs]
    assert want == [(False, chapeau_text), (True, numbered_text)]
    window.action(ActionId.AMEND_FROM_COMPARISON).trigger()
    window.flush()
    panel = window.amendment_panel
    lines = [panel.list.item(i).text() for i in range(panel.list.count())]
    assert len(lines) == 1 and lines[0].startswith("After annex III, insert a new annex reading"), lines
    assert not [f for f in window.checks.findings() if f.rule.startswith("amendment.")]
    for suffix, export in ((".docx", window.files.export_docx), (".xml", window.files.export_akn)):
        out = tmp_path / f"amendment{suffix}"
        assert export(out), suffix
        read = read_document(out).resolution
        amended = apply(read.instructions, load_project(base_path), read)
        assert [(p.numbered, p.text) for p in amended.annexes[-1].paragraphs] == want, suffix
        assert amended.annexes[-1].title == "Arrangements for the review"
        assert len(amended.annexes) == 4  # the three of the draft kept


def test_a_french_draft_s_hundred_and_third_preambular_paragraph_is_named_in_words(
    window, tmp_path: Path
) -> None:  # noqa: ANN001
    """The UN's French XML of A/RES/80/70 with its preambular paragraphs repeated past the hundredth: the 103rd
    deleted in the editor, the panel lists it by its ordinal in words (as app.ordinals spells a session), and the
    amendment's Word file reads back to the edited draft."""
    from app import edits
    from app.amendments import apply
    from app.model import Paragraph
    from app.ordinals import ordinal_in

    draft = read_document(ANNEXES.parent.parent / "languages" / "A_RES_80_70-2520898F.xml").resolution
    own = list(draft.preamble)
    while len(draft.preamble) < 110:
        source = own[len(draft.preamble) % len(own)]
        draft.preamble.append(Paragraph(opener=source.opener, text=source.text))
    base_path = tmp_path / "base.json"
    save_project(draft, base_path)
    assert window.files.open_path(base_path)
    window.apply(edits.delete_paragraph, paragraph_id=window.res.preamble[102].id)
    window.action(ActionId.AMEND_FROM_COMPARISON).trigger()
    window.flush()
    panel = window.amendment_panel
    lines = [panel.list.item(i).text() for i in range(panel.list.count())]
    assert len(lines) == 1 and f"le {ordinal_in(103, 'fr')} alinéa du préambule" in lines[0], lines
    out = tmp_path / "amendment.docx"
    assert window.files.export_docx(out)
    read = read_document(out).resolution
    assert [(i.action, i.number) for i in read.instructions] == [(Action.DELETE, 103)]
    amended = apply(read.instructions, load_project(base_path), read)
    assert len(amended.preamble) == 109
