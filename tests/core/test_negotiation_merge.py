"""Merging proposals into the next informal revision (A/C.3/80/L.20 and resolutions with parts and annexes):
alternatives on the same words, new and deleted paragraphs, titles of every unit; one undoable step that issues
Rev.N; bis/ter labels kept inside the undo history; the compilation .docx printed under the draft's masthead."""

from __future__ import annotations

import copy
import datetime as dt
import io
import zipfile
from pathlib import Path

import pytest
from test_negotiation_proposals import _l20, _long_paragraph

from app import inline
from app.compare.tracked import build_tracked_docx
from app.edits import Document
from app.errors import InputError
from app.io.docx_writer import build_docx
from app.io.reading import read_document
from app.model import Paragraph
from app.negotiation import commands, merging, rounds
from app.negotiation.compilation import compile_text
from app.negotiation.compilation_docx import build_compilation_docx
from app.negotiation.proposals import TitleEdit, apply, derive, titles
from app.negotiation.tracked_reading import proposals_from_tracked
from app.negotiation.typed import typed_proposal
from app.storage import dumps, loads, to_dict

DAY = dt.datetime(2026, 6, 1, 9, 0, tzinfo=dt.timezone.utc)
STRUCTURE = Path(__file__).parent.parent / "fixtures" / "structure"


def _round(corpus):
    """A zero draft with proposals: the EU and CANZ on the same words, the G77 and the African Group each a
    new paragraph after the same one, the United States deleting a paragraph, and a typed proposal."""
    res = _l20(corpus)
    doc = Document(res)
    commands.start_negotiation(doc, facilitator="Chile", date=DAY)
    base = rounds.base_text(doc.resolution.negotiation)
    target = _long_paragraph(base, 2)
    words = target.text.split()
    eu, canz, g77, au, us = (copy.deepcopy(base) for _ in range(5))
    eu.find(target.id).text = " ".join(words[:4] + words[7:])
    canz.find(target.id).text = " ".join(words[:4] + ["with due urgency"] + words[7:])
    g77.operative.insert(10, Paragraph("Decides", "to remain seized of the matter"))
    au.operative.insert(10, Paragraph("Requests", "the Secretary-General to report on the matter"))
    victim = base.preamble[3]
    us.preamble.pop(3)
    other = _long_paragraph(base, 12)
    typed = typed_proposal(base, other.id, f'Mexico: after "{other.text.split()[1]}" insert "all"')
    proposals = [
        derive(base, t, n) for t, n in ((eu, "EU"), (canz, "CANZ"), (g77, "G77"), (au, "AG"), (us, "US"))
    ]
    commands.add_proposals(doc, [*proposals, typed])
    return doc, base, target, victim, other, {p.proposer: p for p in [*proposals, typed]}


def test_merge_into_rev_1_with_alternatives(corpus):
    doc, base, target, victim, other, by = _round(corpus)
    neg = doc.resolution.negotiation
    found = {item.target: item for item in merging.items(neg)}
    item = found[target.id]
    # the EU and CANZ change the same words: alternatives, one group
    assert [[by["EU"].id, by["CANZ"].id]] == item.alternatives
    assert item.label == neg.labels[target.id]
    g77_new = by["G77"].edits[0].paragraph.id
    au_new = by["AG"].edits[0].paragraph.id
    assert {g77_new, au_new, victim.id, other.id} <= set(found)
    with pytest.raises(InputError, match="same words"):
        merging.merged(neg, doc.resolution, merging.Choices({target.id: [by["EU"].id, by["CANZ"].id]}))
    choices = merging.Choices(
        {
            target.id: [by["CANZ"].id],
            g77_new: [by["G77"].id],
            victim.id: [by["US"].id],
            other.id: [by["Mexico"].id],
        }
    )
    before = to_dict(doc.resolution)
    g77_label = neg.labels[g77_new]
    commands.merge_revision(doc, choices=choices, date=DAY, note="after the second informal")
    res = doc.resolution
    assert res.negotiation.version == "Rev.1"
    assert doc.history.undo_status().undo == "Merge into Rev.1"
    # what each accepted proposer asked for, and nothing of the rejected ones
    wanted = apply(base, by["CANZ"], only={target.id}).find(target.id).text
    assert res.find(target.id).text == wanted
    assert res.find(g77_new) is not None and res.find(au_new) is None and res.find(victim.id) is None
    assert res.find(other.id).text == apply(base, by["Mexico"]).find(other.id).text
    assert res.negotiation.labels[g77_new] == g77_label  # OP n bis stays OP n bis in Rev.1
    actions = {(d.proposal_id, d.action) for d in res.negotiation.decisions}
    assert (by["EU"].id, rounds.REJECT) in actions and (by["AG"].id, rounds.REJECT) in actions
    assert (by["CANZ"].id, rounds.ACCEPT) in actions
    assert merging.items(res.negotiation) == []  # nothing left open on Rev.1
    # kept in the project file, and one undo takes it all back
    assert to_dict(loads(dumps(res))) == to_dict(res)
    doc.history.undo()
    assert to_dict(doc.resolution) == before
    # the L document renumbers afresh, with the table of old to new numbers
    doc.history.redo()
    clean, table = rounds.l_document(doc.resolution)
    assert clean.negotiation is None
    from app.negotiation.numbering import printed_labels

    printed = printed_labels(clean)
    assert dict(table)[g77_label] == printed[g77_new]
    # the preambular paragraphs after the deleted one move up one number in the L document
    after = clean.preamble[3].id
    assert dict(table)[res.negotiation.labels[after]] == printed[after] != res.negotiation.labels[after]


def test_a_bracket_alternative_is_taken_in_the_merge(corpus):
    from app.negotiation.status import Alternative

    doc, base, target, *_ = _round(corpus)
    para = doc.resolution.operative[0]
    word = para.text.split()[0]
    commands.add_bracket(
        doc,
        paragraph_id=para.id,
        words=word,
        alternatives=[Alternative(word, ["EU"]), Alternative("Also", ["G77"])],
    )
    bracket = doc.resolution.negotiation.brackets[0]
    commands.merge_revision(doc, choices=merging.Choices(brackets={bracket.id: "Also"}), date=DAY)
    assert doc.resolution.find(para.id).text.startswith("Also") and not doc.resolution.negotiation.brackets


def test_labels_of_proposed_paragraphs_are_kept_inside_undo(corpus):
    res = _l20(corpus)
    doc = Document(res)
    commands.start_negotiation(doc, date=DAY)
    base = rounds.base_text(doc.resolution.negotiation)
    g77 = copy.deepcopy(base)
    g77.operative.insert(4, Paragraph("Decides", "to remain seized of the matter"))
    proposal = derive(base, g77, "G77")
    before = dict(doc.resolution.negotiation.labels)
    commands.add_proposals(doc, [proposal])
    neg = doc.resolution.negotiation
    new_id = proposal.edits[0].paragraph.id
    assert neg.labels[new_id] == f"{neg.labels[base.operative[3].id]} bis"
    kept = to_dict(doc.resolution)
    rounds.compilation(neg, doc.resolution)  # showing the compilation changes nothing
    assert to_dict(doc.resolution) == kept
    doc.history.undo()
    assert doc.resolution.negotiation.labels == before


@pytest.mark.parametrize("name", ["A_RES_75_101_A-B.txt", "A_RES_77_5.txt"])
def test_proposals_on_titles_parts_and_annexes(name):
    base = read_document(STRUCTURE / name).resolution
    new = copy.deepcopy(base)
    keys = [key for key, _, markup in titles(base) if markup]
    for key, _, markup in titles(base):
        if markup:
            from app.negotiation.proposals import set_title

            set_title(new, key, "Strengthening " + markup)
    last_list = [items for _, items in new.lists() if items][-1]  # part B's operative part, or the annex
    last_list[0].text = "and promptly " + last_list[0].text
    data = build_tracked_docx(base, new, author="Norway")
    (proposal,) = proposals_from_tracked(data, base, name="norway.docx")
    assert {e.unit for e in proposal.edits if isinstance(e, TitleEdit)} == set(keys)
    assert to_dict(apply(base, proposal)) == to_dict(new)
    comp = compile_text(base, [proposal])
    places = {name for _, name, markup in titles(base) if markup}
    shown = {e.label: e for e in comp.entries if e.kind == "title"}
    assert places <= set(shown) and all(
        "Strengthening" in shown[p].plain and "[Norway]" in shown[p].plain for p in places
    )
    # the place name of the last list's first paragraph, as the renderer names it
    from app.negotiation.numbering import printed_labels

    entry = next(e for e in comp.entries if e.paragraph_id == last_list[0].id)
    assert entry.label == printed_labels(base)[last_list[0].id] and "[Norway]" in entry.plain
    # accepted in a merge, every title takes the proposer's words
    doc = Document(copy.deepcopy(base))
    commands.start_negotiation(doc, date=DAY)
    commands.add_proposals(doc, [proposal])
    saved = loads(dumps(doc.resolution))  # title edits kept in the project file
    assert saved.negotiation.proposals[0].edits == proposal.edits
    neg = doc.resolution.negotiation
    commands.merge_revision(
        doc, choices=merging.Choices({item.key: [proposal.id] for item in merging.items(neg)}), date=DAY
    )
    for key, _, markup in titles(doc.resolution):
        if key in keys:
            assert inline.plain(markup).startswith("Strengthening")


def test_the_compilation_prints_under_the_drafts_masthead(corpus):
    res = _l20(corpus)
    comp = compile_text(res, [])
    ours, theirs = build_compilation_docx(comp), build_docx(res)

    def headers(blob: bytes) -> dict[str, bytes]:
        z = zipfile.ZipFile(io.BytesIO(blob))
        return {
            n: z.read(n) for n in z.namelist() if n.startswith("word/header") or n.startswith("word/footer")
        }

    assert sorted(headers(ours).values()) == sorted(headers(theirs).values())
    assert res.header.full_symbol.encode() in b"".join(headers(ours).values())


def test_proposals_on_neighbouring_words_are_merged_together(corpus):
    """Two proposals on words side by side are no alternatives: both are taken, each as its proposer wrote it
    (applied together against the revision, not one after the other on a text that has moved)."""
    res = _l20(corpus)
    doc = Document(res)
    commands.start_negotiation(doc, date=DAY)
    base = rounds.base_text(doc.resolution.negotiation)
    para = _long_paragraph(base, 2)
    words = para.text.split(" ")
    texts = {
        "EU": words[:2] + ["effective"] + words[4:],
        "G77": words[:4] + [] + words[6:],
        "CANZ": words[:6] + ["all"] + words[6:],
    }
    proposals = []
    for name, new_words in texts.items():
        copy_ = copy.deepcopy(base)
        copy_.find(para.id).text = " ".join(new_words)
        proposals.append(derive(base, copy_, name))
    commands.add_proposals(doc, proposals)
    (item,) = [i for i in merging.items(doc.resolution.negotiation) if i.target == para.id]
    assert len(item.alternatives) == 3  # none touches another's words
    commands.merge_revision(doc, choices=merging.Choices({para.id: [p.id for p in proposals]}), date=DAY)
    assert doc.resolution.find(para.id).text == " ".join(words[:2] + ["effective"] + ["all"] + words[6:])


def test_a_proposal_on_every_paragraph_merges_as_applying_it_whole(corpus):
    """A merge accepts at every place (read once through `rounds.Lookups`, not by walking the text for each):
    a proposal rewording every paragraph and deleting and adding one, all accepted, gives what applying the
    whole proposal to the zero draft gives."""
    res = _l20(corpus)
    doc = Document(res)
    commands.start_negotiation(doc, facilitator="Chile", date=DAY)
    base = rounds.base_text(doc.resolution.negotiation)
    edited = copy.deepcopy(base)
    for _, para in edited.paragraphs():
        para.text = para.text.replace(" the ", " a ", 1)
    edited.preamble.pop(2)
    edited.operative.insert(4, Paragraph("Decides", "to remain seized of the matter"))
    proposal = derive(base, edited, "EU")
    commands.add_proposals(doc, [proposal])
    neg = doc.resolution.negotiation
    places = merging.items(neg)
    assert len(places) > len(base.preamble)  # every reworded paragraph is a place of its own
    choices = merging.Choices(accepted={item.key: [p.id for p in item.proposals] for item in places})
    out = merging.merged(neg, doc.resolution, choices, DAY)
    expected = apply(base, neg.proposals[0])
    assert to_dict(out)["preamble"] == to_dict(expected)["preamble"]
    assert to_dict(out)["operative"] == to_dict(expected)["operative"]
