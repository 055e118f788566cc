"""Negotiation rounds on a real draft (A/C.3/80/L.20): stable bis/ter labels, status with history, brackets as
structure (the L export refuses them), decisions paragraph by paragraph, informal revisions with tracked changes,
and the whole negotiation kept in the project file."""

from __future__ import annotations

import copy
import datetime as dt
import json

import pytest
from test_negotiation_proposals import _l20, _long_paragraph, canonical

from app import inline
from app.cli import run
from app.errors import InputError
from app.model import Paragraph
from app.negotiation import rounds
from app.negotiation.numbering import printed_labels
from app.negotiation.proposals import derive
from app.negotiation.status import Alternative, Status, make_bracket, resolve
from app.negotiation.tracked_reading import authors, read_as
from app.storage import dumps, load_project, loads, save_project, to_dict

DAY = dt.datetime(2026, 5, 4, 10, 0, tzinfo=dt.timezone.utc)


def test_numbers_stay_put_and_new_paragraphs_take_bis_ter(corpus):
    res = _l20(corpus)
    zero = printed_labels(res)
    neg = rounds.start(res, facilitator="Facilitator (Chile)", date=DAY)
    seventh, third = res.operative[6], res.operative[2]
    first_new, second_new = (
        Paragraph("Decides", "to remain seized of the matter"),
        Paragraph("Requests", "a report"),
    )
    res.operative[7:7] = [first_new, second_new]
    pp_new = Paragraph("Recalling", "its resolution 79/1")
    res.preamble.insert(3, pp_new)
    res.operative.remove(third)
    rounds.issue_revision(neg, res, date=DAY)
    labels = neg.labels
    assert labels[first_new.id] == f"{zero[seventh.id]} bis" == "OP 7 bis"
    assert labels[second_new.id] == "OP 7 ter"
    assert labels[pp_new.id] == f"{zero[res.preamble[2].id]} bis"
    for para_id, label in zero.items():  # every paragraph of the zero draft keeps its number, deleted or not
        assert labels[para_id] == label
    # a paragraph deleted in a later round leaves its number: the next new one after OP 7 is quater
    res.operative.remove(second_new)
    third_new = Paragraph("Invites", "all States")
    res.operative.insert(res.operative.index(first_new) + 1, third_new)
    rounds.issue_revision(neg, res, date=DAY)
    assert neg.labels[third_new.id] == "OP 7 quater"
    # the L document numbers afresh, with the table of old to new numbers
    clean, table = rounds.l_document(res)
    printed = printed_labels(res)
    assert clean.negotiation is None and len(table) == len(printed)
    assert (labels[first_new.id], printed[first_new.id]) in table
    assert (zero[seventh.id], printed[seventh.id]) in table
    ops = [new for _, new in table if new.startswith("OP ") and " (" not in new]
    assert ops == [f"OP {n}" for n in range(1, len(ops) + 1)]


def test_status_has_history_and_counts(corpus):
    res = _l20(corpus)
    neg = rounds.start(res, date=DAY)
    top = [p for _, items in res.lists() for p in items]
    para = res.operative[0]
    rounds.set_status(neg, para.id, Status.AGREED, date=DAY)
    rounds.set_status(neg, res.operative[1].id, Status.AGREED, date=DAY)
    assert rounds.counts(neg, res) == (len(top) - 2, 0)
    rounds.set_status(neg, para.id, Status.OPEN, note="reopened at the request of Egypt", date=DAY)
    assert neg.status(para.id) is Status.OPEN
    assert [c.status for c in neg.statuses[para.id]] == [Status.AGREED, Status.OPEN]
    assert rounds.counts(neg, res) == (len(top) - 1, 0)


def test_brackets_block_the_l_document(corpus, tmp_path, capsys):
    res = _l20(corpus)
    neg = rounds.start(res, date=DAY)
    para = _long_paragraph(res)
    words = " ".join(para.text.split()[2:4])
    bracket = make_bracket(res, para.id, words, [Alternative(words, ["US"]), Alternative("", ["G77"])])
    neg.brackets.append(bracket)
    assert rounds.counts(neg, res)[1] == 1
    assert bracket.shown() == f"[{words} – US / (delete) – G77]"
    entry = next(e for e in rounds.compilation(neg, res).entries if e.paragraph_id == para.id)
    assert [p.text for p in entry.pieces if p.op == "bracket"] == [bracket.shown_plain()]
    shown = entry.plain.replace(bracket.shown_plain(), words)
    assert shown.rstrip(";,.") == f"{para.opener} {inline.plain(para.text)}"  # the rest as it reads
    with pytest.raises(InputError):
        make_bracket(res, para.id, "words not in the paragraph", [])
    project = tmp_path / "draft.json"
    save_project(res, project)
    capsys.readouterr()
    assert run(["export", str(project), "-o", str(tmp_path / "L.docx")]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    label = neg.labels[para.id]
    assert len(err) == 1 and "1 bracket" in err[0] and label in err[0]
    assert not (tmp_path / "L.docx").exists()
    assert run(["export", str(project), "-o", str(tmp_path / "copy.json")]) == 0  # the project itself saves
    with pytest.raises(InputError, match="bracket"):
        rounds.l_document(res)
    resolve(res, bracket, "")
    neg.brackets.remove(bracket)
    assert words not in res.find(para.id).text
    save_project(res, project)
    assert run(["export", str(project), "-o", str(tmp_path / "L.docx")]) == 0


def _round(corpus):
    res = _l20(corpus)
    neg = rounds.start(res, facilitator="Facilitator (Chile)", date=DAY)
    zero = copy.deepcopy(res)
    para = _long_paragraph(res, 2)
    words = para.text.split()
    eu, g77, us = copy.deepcopy(zero), copy.deepcopy(zero), copy.deepcopy(zero)
    eu.find(para.id).text = " ".join(words[:2] + ["urgently"] + words[2:])  # near the start
    g77.find(para.id).text = " ".join(words[:-2] + ["and girls"] + words[-2:])  # near the end
    g77.operative.insert(10, Paragraph("Decides", "to remain seized of the matter"))
    us.find(para.id).text = " ".join(words[:2] + ["promptly"] + words[2:])  # the same place as the EU
    proposals = [derive(zero, text, name) for text, name in ((eu, "EU"), (g77, "G77"), (us, "United States"))]
    for p in proposals:
        rounds.add_proposal(neg, p)
    return res, neg, para, proposals, (eu, g77, us)


def test_decisions_and_a_revision_with_tracked_changes(corpus):
    res, neg, para, (eu, g77, us), texts = _round(corpus)
    comp = rounds.compilation(neg, res)
    new_entry = next(e for e in comp.entries if e.kind == "new")
    assert new_entry.label == "OP 10 bis" and new_entry.proposers == ["G77"]
    res = rounds.accepted_text(neg, res, eu.id, para.id)
    rounds.decide(neg, eu.id, para.id, rounds.ACCEPT)
    res = rounds.accepted_text(neg, res, g77.id, para.id)  # placed although the paragraph has moved on
    rounds.decide(neg, g77.id, para.id, rounds.ACCEPT)
    assert res.find(para.id).text == texts[0].find(para.id).text.replace(
        " ".join(para.text.split()[-2:]), "and girls " + " ".join(para.text.split()[-2:])
    )
    with pytest.raises(InputError, match="merge it by hand"):
        rounds.accepted_text(neg, res, us.id, para.id)  # the same words as the accepted EU proposal
    rounds.decide(neg, us.id, para.id, rounds.REJECT)
    new_id = new_entry.paragraph_id
    res = rounds.accepted_text(neg, res, g77.id, new_id)
    rounds.decide(neg, g77.id, new_id, rounds.ACCEPT)
    assert res.operative[10].id == new_id
    rounds.set_status(neg, para.id, Status.AGREED, date=DAY)
    rev = rounds.issue_revision(neg, res, date=DAY + dt.timedelta(days=3))
    assert rev.name == "Rev.1" and neg.labels[new_id] == "OP 10 bis"
    assert not rounds.compilation(neg, res).proposers  # every proposal on Rev.1's base decided
    data = rounds.revision_docx(neg, "zero draft", "Rev.1")
    assert authors(data) == ["Facilitator (Chile)"]
    assert canonical(read_as(data, "Facilitator (Chile)")) == canonical(rev.resolution())
    assert canonical(read_as(data, None)) == canonical(neg.revisions[0].resolution())


def test_the_negotiation_is_kept_in_the_project_file(corpus, tmp_path):
    res, neg, para, (eu, g77, us), _ = _round(corpus)
    res = rounds.accepted_text(neg, res, eu.id, para.id)
    rounds.decide(neg, eu.id, para.id, rounds.ACCEPT, date=DAY)
    rounds.set_status(neg, para.id, Status.AGREED, date=DAY, note="pending Egypt")
    words = para.text.split()[5]
    neg.brackets.append(
        make_bracket(res, para.id, words, [Alternative(words, ["EU"]), Alternative("x", ["G77"])])
    )
    rounds.issue_revision(neg, res, date=DAY)
    res.negotiation = neg
    path = tmp_path / "draft.json"
    save_project(res, path)
    loaded = load_project(path)
    assert to_dict(loaded) == to_dict(res)
    assert json.loads(dumps(loaded))["version"] == 2
    assert loaded.negotiation.revisions[1].resolution().find(para.id).text == res.find(para.id).text
    # files without the key load as before; a damaged key is one line
    plain = to_dict(_l20(corpus))
    assert "negotiation" not in plain and loads(json.dumps(plain)).negotiation is None
    broken = to_dict(res)
    broken["negotiation"]["proposals"][0]["edits"][0]["kind"] = "teleport"
    with pytest.raises(InputError, match="damaged"):
        loads(json.dumps(broken))


def test_unattributed_rounds_hide_the_proposers(corpus):
    res, neg, para, _, _ = _round(corpus)
    neg.attributed = False
    comp = rounds.compilation(neg, res)
    shown = "".join(e.plain for e in comp.entries)
    assert "[EU]" not in shown and "[G77]" not in shown and "urgently" in shown


def test_every_negotiation_step_is_undoable(corpus):
    from app.edits import Document
    from app.negotiation import commands

    res = _l20(corpus)
    doc = Document(res)
    para = _long_paragraph(res, 2)
    words = para.text.split()
    eu = copy.deepcopy(res)
    eu.find(para.id).text = " ".join(words[:2] + ["urgently"] + words[2:])
    proposal = derive(res, eu, "EU")
    before = to_dict(doc.resolution)
    commands.start_negotiation(doc, facilitator="Chile", date=DAY)
    commands.add_proposals(doc, [proposal])
    steps = [to_dict(doc.resolution)]
    commands.accept(doc, proposal_id=proposal.id, target=para.id)
    assert doc.resolution.find(para.id).text == eu.find(para.id).text
    steps.append(to_dict(doc.resolution))
    commands.set_status(doc, paragraph_id=para.id, status=Status.AGREED)
    commands.add_bracket(
        doc, paragraph_id=para.id, words=words[0], alternatives=[Alternative(words[0], ["US"])]
    )
    bracket = doc.resolution.negotiation.brackets[0]
    commands.resolve_bracket(doc, bracket_id=bracket.id, text=words[0])
    commands.issue_revision(doc, date=DAY)
    assert doc.resolution.negotiation.version == "Rev.1"
    assert doc.history.undo_status().undo == "Issue revision"
    for _ in range(4):
        doc.history.undo()
    assert to_dict(doc.resolution) == steps[-1]
    doc.history.undo()
    assert to_dict(doc.resolution) == steps[0]
    doc.history.undo()
    doc.history.undo()
    assert to_dict(doc.resolution) == before and doc.resolution.negotiation is None
    doc.history.redo()
    doc.history.redo()
    doc.history.redo()
    assert to_dict(doc.resolution) == steps[-1]
    with pytest.raises(InputError):
        commands.start_negotiation(doc)


def test_a_bracket_in_a_paragraph_without_a_label_names_it_as_a_paragraph(corpus):
    """A project may hold an empty negotiation label (typed or damaged): the refusal still names the place in
    words, not as "()"."""
    res = _l20(corpus)
    neg = rounds.start(res, date=DAY)
    para = _long_paragraph(res)
    words = " ".join(para.text.split()[2:4])
    neg.brackets.append(make_bracket(res, para.id, words, [Alternative(words, ["US"])]))
    neg.labels[para.id] = ""
    with pytest.raises(InputError) as err:
        rounds.l_document(res)
    assert "()" not in str(err.value) and "(a paragraph)" in str(err.value)
