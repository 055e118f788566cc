"""Document commands and their undo history, without Qt."""

from __future__ import annotations

import datetime as dt

import pytest

from app import edits, storage
from app.findings import Finding, Fix, Severity
from app.model import AgendaItem, Paragraph, Part, Resolution
from app.render import render


def make_doc() -> edits.Document:
    res = Resolution(
        preamble=[Paragraph("Recalling", "its resolution 78/1"), Paragraph("Noting", "the report")],
        operative=[
            Paragraph("Requests", "the Secretary-General to report"),
            Paragraph("Decides", "to remain"),
        ],
    )
    return edits.Document(res)


def snapshot(doc: edits.Document) -> str:
    return storage.dumps(doc.resolution)


def labels(doc: edits.Document) -> list[str]:
    return [f"{b.label}{b.opener}" for b in render(doc.resolution).blocks]


def test_typing_merges_into_one_entry_and_undo_restores() -> None:
    doc = make_doc()
    pid = doc.resolution.preamble[0].id
    before = snapshot(doc)
    for value in ("its resolution 78/1 a", "its resolution 78/1 an", "its resolution 78/1 and"):
        edits.set_text(doc, paragraph_id=pid, value=value)
    assert doc.history.undo_status().undo == "Typing"
    change = doc.history.undo()
    assert change is not None and pid in change.paragraph_ids
    assert snapshot(doc) == before
    assert not doc.history.can_undo()
    doc.history.redo()
    assert doc.resolution.preamble[0].text == "its resolution 78/1 and"


def test_typing_in_another_field_starts_a_new_entry() -> None:
    doc = make_doc()
    a, b = doc.resolution.preamble[0].id, doc.resolution.preamble[1].id
    edits.set_text(doc, paragraph_id=a, value="x")
    edits.set_text(doc, paragraph_id=b, value="y")
    doc.history.undo()
    assert doc.resolution.preamble[0].text == "x"
    assert doc.resolution.preamble[1].text == "the report"


def test_seal_ends_a_typing_run() -> None:
    doc = make_doc()
    pid = doc.resolution.preamble[0].id
    edits.set_text(doc, paragraph_id=pid, value="one")
    doc.history.seal()
    edits.set_text(doc, paragraph_id=pid, value="one two")
    doc.history.undo()
    assert doc.resolution.preamble[0].text == "one"


def test_insert_delete_duplicate_and_undo_every_step() -> None:
    doc = make_doc()
    states = [snapshot(doc)]
    first = doc.resolution.operative[0].id
    edits.insert_paragraph(doc, part=Part.OPERATIVE, after_id=first, paragraph=Paragraph("Invites", "States"))
    states.append(snapshot(doc))
    assert [p.opener for p in doc.resolution.operative] == ["Requests", "Invites", "Decides"]
    edits.duplicate_paragraph(doc, paragraph_id=first)
    states.append(snapshot(doc))
    ops = doc.resolution.operative
    assert [p.opener for p in ops] == ["Requests", "Requests", "Invites", "Decides"]
    assert ops[0].id != ops[1].id
    edits.delete_paragraph(doc, paragraph_id=ops[2].id)
    states.append(snapshot(doc))
    assert labels(doc)[-3:] == ["1.Requests", "2.Requests", "3.Decides"]
    while doc.history.can_undo():
        doc.history.undo()
        states.pop()
        assert snapshot(doc) == states[-1]


def test_move_between_parts_converts_the_opener_and_undo_restores_it() -> None:
    doc = make_doc()
    last_pre = doc.resolution.preamble[-1]
    before = snapshot(doc)
    edits.move_down(doc, paragraph_id=last_pre.id)
    assert doc.resolution.operative[0] is last_pre
    assert last_pre.opener == "Notes"
    edits.move_up(doc, paragraph_id=last_pre.id)
    assert doc.resolution.preamble[-1] is last_pre and last_pre.opener == "Noting"
    doc.history.undo()
    doc.history.undo()
    assert snapshot(doc) == before


def test_move_within_part_renumbers() -> None:
    doc = make_doc()
    second = doc.resolution.operative[1]
    edits.move_up(doc, paragraph_id=second.id)
    assert labels(doc)[-2:] == ["1.Decides", "2.Requests"]
    assert render(doc.resolution).blocks[-1].end == "."


def test_indent_and_outdent_keep_reading_order() -> None:
    doc = make_doc()
    ops = doc.resolution.operative
    extra = [Paragraph("", "first"), Paragraph("", "second"), Paragraph("", "third")]
    for p in extra:
        edits.insert_paragraph(doc, part=Part.OPERATIVE, paragraph=p)
    for p in extra:
        edits.indent_paragraph(doc, paragraph_id=p.id)
    assert [s.text for s in ops[1].subparagraphs] == ["first", "second", "third"]
    assert [b.label for b in render(doc.resolution).blocks if b.level == 1] == ["(a)", "(b)", "(c)"]
    edits.indent_paragraph(doc, paragraph_id=extra[1].id)
    assert [b.label for b in render(doc.resolution).blocks if b.level] == ["(a)", "(i)", "(b)"]
    before = snapshot(doc)
    edits.outdent_paragraph(doc, paragraph_id=extra[0].id)
    # "first" is now paragraph 3 and the rest of the list follows it as its subparagraphs
    assert [p.text for p in ops] == ["the Secretary-General to report", "to remain", "first"]
    assert [s.text for s in ops[2].subparagraphs] == ["second", "third"]
    doc.history.undo()
    assert snapshot(doc) == before
    with pytest.raises(edits.EditError):
        edits.outdent_paragraph(doc, paragraph_id=ops[0].id)
    with pytest.raises(edits.EditError):
        edits.indent_paragraph(doc, paragraph_id=ops[0].id)


def test_footnote_insert_numbers_and_undo() -> None:
    doc = make_doc()
    pid = doc.resolution.preamble[1].id
    change, fid = edits.insert_footnote(doc, paragraph_id=pid, position=3, text="A/79/100.")
    assert change.footnotes
    assert doc.resolution.preamble[1].text == f"the[^{fid}] report"
    assert render(doc.resolution).footnote_numbers == {fid: 1}
    edits.set_footnote_text(doc, footnote_id=fid, text="A/79/101.")
    assert doc.resolution.footnotes[fid].text == "A/79/101."
    doc.history.undo()
    doc.history.undo()
    assert doc.resolution.footnotes == {} and doc.resolution.preamble[1].text == "the report"


def test_apply_fix_replaces_the_span_and_is_one_undo_entry() -> None:
    doc = make_doc()
    pid = doc.resolution.preamble[1].id
    edits.set_opener(doc, paragraph_id=pid, value="Recalling")
    doc.history.seal()
    finding = Finding(
        "structure.repeat",
        Severity.WARNING,
        "repeated opener",
        pid,
        "opener",
        (0, 9),
        Fix("Use 'Recalling also'", "opener", (0, 9), "Recalling also"),
    )
    edits.apply_fix(doc, finding=finding)
    assert doc.resolution.preamble[1].opener == "Recalling also"
    assert doc.history.undo_status().undo == "Fix: Use 'Recalling also'"
    doc.history.undo()
    assert doc.resolution.preamble[1].opener == "Recalling"


def test_header_edits_sponsors_sorted_and_undone() -> None:
    doc = make_doc()
    edits.set_header(doc, field="session", value=79)
    edits.set_header(doc, field="date", value=dt.date(2024, 10, 11))
    edits.set_sponsors(doc, names=["Norway", "Brazil", "Argentina", "Brazil"])
    assert doc.resolution.header.sponsors == ["Argentina", "Brazil", "Norway"]
    edits.set_agenda_items(doc, items=[AgendaItem("98", "l", "General and complete disarmament")])
    assert render(doc.resolution).sponsor_line == "Argentina, Brazil and Norway: draft resolution"
    for _ in range(4):
        doc.history.undo()
    assert doc.resolution.header.sponsors == [] and doc.resolution.header.session is None
    assert doc.resolution.header.agenda_items == []


def test_replace_all_is_one_entry() -> None:
    doc = make_doc()
    change, count = edits.replace_all(doc, needle="the", replacement="THE")
    assert count == 2
    assert doc.resolution.operative[0].text == "THE Secretary-General to report"
    doc.history.undo()
    assert doc.resolution.operative[0].text == "the Secretary-General to report"


def test_modified_follows_save_point_through_undo_and_redo() -> None:
    doc = make_doc()
    pid = doc.resolution.preamble[0].id
    assert not doc.history.modified
    edits.set_text(doc, paragraph_id=pid, value="a")
    assert doc.history.modified
    doc.history.mark_saved()
    assert not doc.history.modified
    edits.set_text(doc, paragraph_id=pid, value="ab")  # does not merge into the saved entry
    assert doc.history.modified
    doc.history.undo()
    assert not doc.history.modified and doc.resolution.preamble[0].text == "a"
    doc.history.undo()
    assert doc.history.modified


def test_new_edit_after_undo_drops_redo() -> None:
    doc = make_doc()
    pid = doc.resolution.preamble[0].id
    edits.delete_paragraph(doc, paragraph_id=pid)
    doc.history.undo()
    assert doc.history.undo_status().redo == "Delete paragraph"
    edits.set_text(doc, paragraph_id=pid, value="z")
    assert not doc.history.can_redo()


def test_recovery_file_round_trip_and_removal(tmp_path) -> None:
    from app import recovery

    doc = make_doc()
    saver = recovery.Autosaver(tmp_path)
    saver.save(doc.resolution, source=tmp_path / "draft.json")
    assert recovery.find_recoverable(tmp_path) == []  # this process is alive: its own file is not offered
    found = recovery._read(saver.path)
    found["pid"] = -1  # as if written by a process that has gone
    saver.path.write_text(__import__("json").dumps(found))
    (tmp_path / f"broken{recovery.SUFFIX}").write_text("{not json")
    [item] = recovery.find_recoverable(tmp_path)
    assert item.source == tmp_path / "draft.json"
    assert storage.dumps(item.load()) == storage.dumps(doc.resolution)
    saver.remove()
    assert recovery.find_recoverable(tmp_path) == []


def test_insert_paragraphs_of_a_pasted_draft_is_one_entry() -> None:
    doc = make_doc()
    before = snapshot(doc)
    pasted = Resolution(
        preamble=[Paragraph("Welcoming", "the report")], operative=[Paragraph("Urges", "States")]
    )
    note = pasted.add_footnote("A/80/1.")
    pasted.operative[0].text += f"[^{note.id}]"
    edits.insert_paragraphs(doc, source=pasted, after_id=doc.resolution.preamble[0].id)
    assert [p.opener for p in doc.resolution.preamble] == ["Recalling", "Welcoming", "Noting"]
    assert [p.opener for p in doc.resolution.operative] == ["Requests", "Decides", "Urges"]
    assert render(doc.resolution).footnote_numbers == {note.id: 1}
    doc.history.undo()
    assert snapshot(doc) == before


def test_fixes_on_footnotes_sponsors_and_header_fields() -> None:
    doc = make_doc()
    pid = doc.resolution.preamble[0].id
    _, fid = edits.insert_footnote(doc, paragraph_id=pid, text="See resolution 78/1 of 4 december 2023.")
    edits.set_sponsors(doc, names=["Brazil", "Norway"])
    edits.set_header(doc, field="distribution", value="Limted")
    doc.history.seal()
    text = doc.resolution.footnotes[fid].text
    start = text.index("december")
    fixes = [
        Finding(
            "dates.month",
            Severity.WARNING,
            "month",
            fid,
            "footnote",
            (start, start + 8),
            Fix("Write 'December'", "footnote", (start, start + 8), "December"),
        ),
        Finding(
            "sponsors.name",
            Severity.WARNING,
            "name",
            "",
            "sponsors[0]",
            (0, 6),
            Fix("Use 'Brasil'", "sponsors[0]", (0, 6), "Argentina"),
        ),
        Finding(
            "sponsors.repeat",
            Severity.WARNING,
            "list",
            "",
            "sponsors",
            (0, 2),
            Fix("Remove the repeat", "sponsors", (0, 2), "Argentina\nNorway\nChile"),
        ),
        Finding(
            "header.distribution",
            Severity.WARNING,
            "dist",
            "",
            "distribution",
            (0, 6),
            Fix("Use 'Limited'", "distribution", (0, 6), "Limited"),
        ),
    ]
    for finding in fixes:
        edits.apply_fix(doc, finding=finding)
    assert doc.resolution.footnotes[fid].text == "See resolution 78/1 of 4 December 2023."
    assert doc.resolution.header.sponsors == ["Argentina", "Chile", "Norway"]
    assert doc.resolution.header.distribution == "Limited"
    assert doc.history.undo_status().undo == "Fix: Use 'Limited'"
    doc.history.undo()
    assert doc.resolution.header.distribution == "Limted"  # the fix is its own entry, not merged with typing
    for _ in range(3):
        doc.history.undo()
    assert doc.resolution.footnotes[fid].text.endswith("4 december 2023.")
    assert doc.resolution.header.sponsors == ["Brazil", "Norway"]


def test_section_heading_is_one_undoable_edit_on_top_level_paragraphs_only():
    res = Resolution(
        operative=[Paragraph("Requests", "the Secretary-General:", [Paragraph("", "To report")])]
    )
    doc = edits.Document(res)
    edits.set_heading(doc, paragraph_id=res.operative[0].id, value=" I \n\n Financing ")
    assert res.operative[0].heading == "I\nFinancing"
    doc.history.undo()
    assert res.operative[0].heading == ""
    with pytest.raises(edits.EditError):
        edits.set_heading(doc, paragraph_id=res.operative[0].subparagraphs[0].id, value="A")


def _two_parts_and_an_annex() -> edits.Document:
    from app.model import Annex, ResolutionPart

    res = Resolution(
        title="Questions relating to information", part_title="Information in the service of humanity"
    )
    res.preamble = [Paragraph("Recalling", "its resolution 74/95")]
    res.operative = [Paragraph("Urges", "all countries to cooperate")]
    res.later_parts = [
        ResolutionPart(
            title="United Nations public information policies",
            preamble=[Paragraph("Reaffirming", "the primary role")],
            operative=[Paragraph("Requests", "the Secretary-General to report")],
        )
    ]
    res.annexes = [
        Annex(title="Terms of reference", paragraphs=[Paragraph("", "The panel shall", numbered=False)])
    ]
    return edits.Document(res)


def test_moves_between_parts_and_annexes_follow_the_target_and_undo() -> None:
    doc = _two_parts_and_an_annex()
    res = doc.resolution
    before = storage.dumps(res)
    b = res.later_parts[0]
    # first operative paragraph of part B up: into part B's preamble, its opener converted
    moved = b.operative[0]
    edits.move_up(doc, paragraph_id=moved.id)
    assert b.preamble[-1] is moved and moved.opener == "Requesting" and not b.operative
    # part A's preambular paragraph to part B's operative part
    recalling = res.preamble[0]
    edits.move_to(doc, paragraph_id=recalling.id, unit=b.id, part=Part.OPERATIVE)
    assert b.operative == [recalling] and recalling.opener == "Recalls" and not res.preamble
    # an unnumbered annex paragraph into part A's operative part is numbered there
    chapeau = res.annexes[0].paragraphs[0]
    edits.move_to(doc, paragraph_id=chapeau.id, unit="", part=Part.OPERATIVE, index=0)
    assert res.operative[0] is chapeau and chapeau.numbered
    # and an operative paragraph into the annex keeps its opener
    urges = res.operative[1]
    edits.move_to(doc, paragraph_id=urges.id, unit=res.annexes[0].id, part=None)
    assert res.annexes[0].paragraphs == [urges] and urges.opener == "Urges"
    while doc.history.can_undo():
        doc.history.undo()
    assert storage.dumps(res) == before


def test_insert_before_in_part_b_and_in_an_annex() -> None:
    doc = _two_parts_and_an_annex()
    res = doc.resolution
    target = res.later_parts[0].operative[0]
    edits.insert_paragraph(
        doc, part=Part.OPERATIVE, before_id=target.id, paragraph=Paragraph("Decides", "to")
    )
    assert [p.opener for p in res.later_parts[0].operative] == ["Decides", "Requests"]
    annex_para = res.annexes[0].paragraphs[0]
    edits.insert_paragraph(doc, part=None, before_id=annex_para.id, paragraph=Paragraph("", "Purpose"))
    assert [p.text for p in res.annexes[0].paragraphs] == ["Purpose", "The panel shall"]


def test_a_subparagraph_cannot_move_to_another_unit() -> None:
    doc = _two_parts_and_an_annex()
    res = doc.resolution
    res.operative[0].subparagraphs = [Paragraph("", "To report")]
    with pytest.raises(edits.EditError):
        edits.move_to(doc, paragraph_id=res.operative[0].subparagraphs[0].id, unit="", part=Part.PREAMBLE)
