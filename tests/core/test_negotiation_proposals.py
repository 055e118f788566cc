"""Proposals: edits derived from an edited copy, typed, or read from a Word file with tracked changes by several
authors; applying all of a proposal's edits to the base gives the proposer's text."""

from __future__ import annotations

import copy
import random

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree

from app import inline
from app.compare.tracked import build_tracked_docx
from app.errors import InputError
from app.io.docx_writer import build_docx
from app.io.reading import read_document
from app.io.safe_xml import open_zip
from app.io.text_writer import to_text
from app.io.wordml import wtag
from app.model import Footnote, Paragraph, Resolution, new_id
from app.negotiation.proposals import (
    DeleteParagraph,
    FootnoteEdit,
    InsertParagraph,
    WordEdit,
    apply,
    derive,
    tokens,
    typed_edit,
)
from app.negotiation.tracked_reading import authors, proposals_from_tracked

WORDS = [
    "States",
    "Member",
    "the",
    "of",
    "and",
    "to",
    "cooperation",
    "regional",
    "organizations",
    "urges",
    "development",
    "Charter",
    "United",
    "Nations",
    "2030",
    "Agenda,",
    "in",
    "particular",
    "*Treaty*",
]


def canonical(res: Resolution) -> list:
    """A text's content without ids: every paragraph's fields, footnote references replaced by the note's text."""

    def fields(p: Paragraph) -> tuple:
        texts = []
        for name in ("heading", "opener", "text", "tail"):
            value = getattr(p, name)
            for note_id in inline.footnote_ids(value):
                value = value.replace(inline.footnote_ref(note_id), "{" + res.footnotes[note_id].text + "}")
            texts.append(value)
        return (*texts, [fields(s) for s in p.subparagraphs])

    return [[fields(p) for p in items] for _, items in res.lists()]


def _fresh_copy(res: Resolution) -> Resolution:
    """The text as another file would hold it: the same words, new paragraph and footnote ids."""
    out = copy.deepcopy(res)
    notes = {}
    for note_id, note in list(out.footnotes.items()):
        notes[note_id] = Footnote(note.text)
    out.footnotes = {n.id: n for n in notes.values()}
    for _, items in out.lists():
        for para in items:
            for node in para.walk():
                node.id = new_id()
                for name in ("opener", "text", "tail"):
                    value = getattr(node, name)
                    for old in inline.footnote_ids(value):
                        value = value.replace(inline.footnote_ref(old), inline.footnote_ref(notes[old].id))
                    setattr(node, name, value)
    return out


@st.composite
def texts_and_changes(draw):
    rng = random.Random(draw(st.integers(0, 10_000)))

    def sentence(n: int) -> str:
        return " ".join(rng.choice(WORDS) for _ in range(n))

    base = Resolution(title="Cooperation")
    for part, opener in ((base.preamble, "Recalling"), (base.operative, "Urges")):
        for _ in range(draw(st.integers(1, 5))):
            para = Paragraph(opener, sentence(rng.randint(3, 12)))
            if rng.random() < 0.3:
                para.subparagraphs = [
                    Paragraph("", sentence(rng.randint(2, 6))) for _ in range(rng.randint(1, 3))
                ]
            part.append(para)
    for _ in range(draw(st.integers(0, 2))):
        note = base.add_footnote(sentence(rng.randint(2, 6)))
        target = rng.choice(base.operative + base.preamble)
        target.text += inline.footnote_ref(note.id)
    new = _fresh_copy(base) if draw(st.booleans()) else copy.deepcopy(base)
    for _ in range(draw(st.integers(0, 6))):
        kind = rng.choice(["words", "words", "insert", "delete", "note", "sub", "opener"])
        items = rng.choice([new.preamble, new.operative])
        if kind == "words" and items:
            para = rng.choice(items)
            toks = tokens(para.text)
            i = rng.randint(0, len(toks))
            j = min(len(toks), i + rng.randint(0, 3))
            if not any(t.startswith("[^") for t in toks[i:j]):
                para.text = (
                    "".join(toks[:i]) + rng.choice(["", " new words ", sentence(2)]) + "".join(toks[j:])
                )
        elif kind == "insert":
            items.insert(
                rng.randint(0, len(items)), Paragraph(rng.choice(["Decides", "Also urges"]), sentence(5))
            )
        elif kind == "delete" and len(items) > 1:
            victim = items.pop(rng.randrange(len(items)))
            for note_id in inline.footnote_ids(victim.text):
                new.footnotes.pop(note_id, None)
        elif kind == "note" and new.footnotes:
            note = rng.choice(list(new.footnotes.values()))
            note.text = note.text + " " + sentence(2)
        elif kind == "opener" and items:
            rng.choice(items).opener = rng.choice(["Recalling", "Recalling also", "Urges", "Also urges", ""])
        elif kind == "sub" and items:
            para = rng.choice(items)
            para.subparagraphs.append(Paragraph("", sentence(3)))
    return base, new


@given(texts_and_changes())
@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_applying_a_proposal_gives_the_proposers_text(pair):
    base, new = pair
    before = copy.deepcopy(base)
    proposal = derive(base, new, "EU", "zero draft")
    got = apply(base, proposal)
    assert canonical(got) == canonical(new)
    assert canonical(base) == canonical(before)  # the base is not changed
    if canonical(base) == canonical(new):
        assert not proposal.edits


def _l20(corpus) -> Resolution:
    return read_document(corpus / "A_C.3_80_L.20.txt").resolution


def _long_paragraph(res: Resolution, start: int = 0) -> Paragraph:
    return next(p for p in res.operative[start:] if len(p.text.split()) >= 12 and "[^" not in p.text)


def test_edits_of_each_kind_from_a_real_draft(corpus):
    base = _l20(corpus)
    new = _fresh_copy(base)
    target = _long_paragraph(new, 2)
    words = target.text.split()
    target.text = " ".join(words[:3] + ["and regional organizations"] + words[3:])
    deleted = new.preamble.pop(3)
    new.operative.insert(5, Paragraph("Decides", "to remain seized of the matter"))
    note = next(iter(new.footnotes.values()))
    note.text += " See also A/80/1."
    proposal = derive(base, new, "EU", "A/C.3/80/L.20")
    kinds = {type(e) for e in proposal.edits}
    assert kinds == {WordEdit, DeleteParagraph, InsertParagraph, FootnoteEdit}
    word = next(e for e in proposal.edits if isinstance(e, WordEdit))
    assert "regional organizations" in word.new and word.start == word.end  # an insertion
    base_deleted = next(e for e in proposal.edits if isinstance(e, DeleteParagraph))
    assert base.find(base_deleted.paragraph_id).text == deleted.text
    inserted = next(e for e in proposal.edits if isinstance(e, InsertParagraph))
    assert inserted.after == base.operative[4].id and inserted.list_key.endswith("/operative")
    assert to_text(apply(base, proposal)) == to_text(new)


def test_typed_proposal(corpus):
    base = _l20(corpus)
    para = _long_paragraph(base)
    word = next(w for w in para.text.split() if w.isalpha() and len(w) > 4)
    after = typed_edit(base, para.id, after=word, new="and regional organizations")
    replaced = typed_edit(base, para.id, old=word, new="Member States")
    from app.negotiation.proposals import Proposal

    got = apply(base, Proposal("EU", "zero draft", [after])).find(para.id).text
    assert f"{word} and regional organizations" in got
    assert apply(base, Proposal("G77", "zero draft", [replaced])).find(para.id).text == para.text.replace(
        word, "Member States", 1
    )
    with pytest.raises(InputError):
        typed_edit(base, para.id, after="words that are not there")


def _relabel(data: bytes, author_of) -> bytes:
    """The tracked file with each revision's author decided by `author_of(paragraph text)`."""
    import io
    import zipfile

    source = open_zip(data)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():
            blob = source.read(info.filename)
            if info.filename in ("word/document.xml", "word/footnotes.xml"):
                root = etree.fromstring(blob)
                for el in root.iter(wtag("ins"), wtag("del")):
                    p = next(a for a in el.iterancestors() if a.tag == wtag("p")) if el.tag else None
                    text = "".join(t.text or "" for t in p.iter(wtag("t"), wtag("delText")))
                    el.set(wtag("author"), author_of(text, info.filename))
                blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
            target.writestr(info, blob)
    return out.getvalue()


def test_tracked_file_with_several_authors(corpus):
    base = _l20(corpus)
    eu = copy.deepcopy(base)
    eu_para = _long_paragraph(eu, 2)
    eu_words = eu_para.text.split()
    eu_para.text = " ".join(eu_words[:4] + eu_words[7:])  # deletes three words
    eu.preamble.pop(3)
    note_id = next(iter(eu.footnotes))
    eu.footnotes[note_id].text += " See also A/80/1."
    g77 = copy.deepcopy(base)
    g77_para = _long_paragraph(g77, 20)
    g77_para.text = g77_para.text.replace(" ", " and girls ", 1)
    g77.operative.insert(10, Paragraph("Decides", "to remain seized of the matter"))
    both = copy.deepcopy(eu)
    both.find(g77_para.id).text = g77_para.text
    both.operative.insert(both.operative.index(both.find(base.operative[9].id)) + 1, g77.operative[10])
    eu_marks = (" ".join(eu_words[:4]), base.preamble[3].text[:30])

    def author_of(text: str, story: str) -> str:
        return (
            "European Union" if story.endswith("footnotes.xml") or any(m in text for m in eu_marks) else "G77"
        )

    data = _relabel(build_tracked_docx(base, both, author="x"), author_of)
    assert set(authors(data)) == {"European Union", "G77"}
    proposals = {p.proposer: p for p in proposals_from_tracked(data, base, name="tracked.docx")}
    assert set(proposals) == {"European Union", "G77"}
    for name, expected in (("European Union", eu), ("G77", g77)):
        assert canonical(apply(base, proposals[name])) == canonical(expected), name
    assert any(isinstance(e, FootnoteEdit) for e in proposals["European Union"].edits)
    assert any(isinstance(e, InsertParagraph) for e in proposals["G77"].edits)


def test_a_file_without_tracked_changes_is_refused(corpus):
    data = build_docx(_l20(corpus))
    with pytest.raises(InputError, match="no tracked changes"):
        proposals_from_tracked(data, None, name="copy.docx")


def test_real_drafts_to_their_adopted_texts(corpus):
    """What changed between an issued L document and the resolution adopted from it (the UN's own XML), read as
    one proposal: applying it to the draft gives the adopted text."""
    pairs = [("A_C.1_80_L.43.txt", "A_RES_80_70-2520898E.xml"), ("A_80_L.6.txt", "A_RES_80_4-2517552E.xml")]
    for draft_name, adopted_name in pairs:
        draft = read_document(corpus / draft_name).resolution
        adopted = read_document(corpus / "originals" / adopted_name).resolution
        proposal = derive(draft, adopted, "adopted", draft_name)
        assert bool(proposal.edits) == (canonical(draft) != canonical(adopted)), draft_name
        assert canonical(apply(draft, proposal)) == canonical(adopted), draft_name


def test_proposals_typed_in_the_room(corpus):
    from app.negotiation.typed import typed_proposal

    base = _l20(corpus)
    para = _long_paragraph(base)
    words = para.text.split()
    word = next(w for w in words if w.isalpha() and len(w) > 4)
    cases = {
        f'EU: after "{word}" insert "and regional organizations"': para.text.replace(
            word, f"{word} and regional organizations", 1
        ),
        f"G77 and China: replace “{word}” with “enhance”": para.text.replace(word, "enhance", 1),
        f'CANZ: delete "{word} "': para.text.replace(f"{word} ", "", 1),
    }
    for line, expected in cases.items():
        proposal = typed_proposal(base, para.id, line, "zero draft")
        assert proposal.proposer == line.split(":")[0]
        assert apply(base, proposal).find(para.id).text == expected, line
    dropped = apply(base, typed_proposal(base, para.id, "United States: delete paragraph"))
    assert dropped.find(para.id) is None and len(dropped.operative) == len(base.operative) - 1
    added = apply(
        base, typed_proposal(base, para.id, 'African Group: new paragraph "Decides to remain seized"')
    )
    at = next(i for i, p in enumerate(added.operative) if p.id == para.id)
    assert (added.operative[at + 1].opener, added.operative[at + 1].text) == ("Decides", "to remain seized")
    for bad in ("no colon here", f'EU: move "{word}" somewhere', 'EU: delete "words not there"'):
        with pytest.raises(InputError):
            typed_proposal(base, para.id, bad)


def test_openers_split_otherwise_by_another_reader_are_no_proposal(corpus):
    """A Word copy whose italics end the opener elsewhere than the lexicon did in the base reads the same."""
    base = _l20(corpus)
    copy_ = _fresh_copy(base)
    moved = [p for p in copy_.preamble + copy_.operative if len(p.opener.split()) > 1]
    assert moved  # the draft has openers of two words and more ("Reaffirming also")
    for para in moved:
        first, rest = para.opener.split(" ", 1)
        para.opener, para.text = first, f"{rest} {para.text}"
    assert derive(base, copy_, "EU").edits == []
    target = moved[0]
    target.text += " and more"
    (edit,) = derive(base, copy_, "EU").edits
    assert edit.field == "text" and edit.new == " and more"


def test_a_changed_opener_is_a_proposal_on_the_opener(corpus):
    base = _l20(corpus)
    copy_ = copy.deepcopy(base)
    para = next(p for p in copy_.preamble if len(p.opener.split()) == 1)
    para.opener += " also"
    (edit,) = derive(base, copy_, "EU").edits
    assert (edit.field, edit.new) == ("opener", " also")
