"""The bounded sequence matcher under compare, amendments and negotiation, and what rests on it.

Small inputs are matched exactly as difflib matches them; large ones (here made large by lowering the
threshold) give blocks that are still true matches, in order, from which the new side can be rebuilt."""

from __future__ import annotations

import copy
import difflib

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app import sequences
from app.compare import diff
from app.compare.diff import compare, features, likeness, similar_pairs
from app.compare.tracked import build_tracked_docx
from app.io.docx_reader import read_docx
from app.model import Paragraph
from app.render import block_text, render
from app.wording.edits import segment_edits

SEQ = st.lists(st.sampled_from("abcdefgh"), max_size=60)


def _valid(a, b, blocks) -> None:
    assert blocks[-1] == (len(a), len(b), 0)
    i = j = 0
    for ai, bj, k in blocks[:-1]:
        assert ai >= i and bj >= j and k > 0
        assert list(a[ai : ai + k]) == list(b[bj : bj + k])
        i, j = ai + k, bj + k


def _rebuilt(a, b) -> list:
    out = []
    for tag, i1, i2, j1, j2 in sequences.opcodes(a, b):
        out += list(a[i1:i2]) if tag == "equal" else list(b[j1:j2])
    return out


@given(SEQ, SEQ)
def test_small_inputs_match_as_difflib_does(a, b) -> None:
    expected = difflib.SequenceMatcher(None, a, b, autojunk=False).get_matching_blocks()
    assert [tuple(m) for m in sequences.matching_blocks(a, b)] == [tuple(m) for m in expected]
    ours = sequences.opcodes(a, b)
    assert ours == difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes()


@settings(max_examples=200)
@given(SEQ, SEQ, st.integers(1, 40))
def test_large_inputs_give_true_matches_in_order(a, b, direct) -> None:
    old = sequences.DIRECT
    sequences.DIRECT = direct  # every input above a few elements takes the bounded path
    try:
        _valid(a, b, sequences.matching_blocks(a, b))
        assert _rebuilt(a, b) == list(b)
    finally:
        sequences.DIRECT = old


WORDS = st.lists(st.sampled_from(["the", "of", "States", " ", "  ", ",", "\n"]), max_size=60)


@given(WORDS, WORDS)
def test_word_opcodes_cover_both_sides_with_true_matches(a, b) -> None:
    ops = sequences.word_opcodes(a, b, str.isspace)
    i = j = 0
    for tag, i1, i2, j1, j2 in ops:
        assert (i1, j1) == (i, j) and tag in ("equal", "replace", "delete", "insert")
        assert (tag == "equal") == (a[i1:i2] == b[j1:j2] and i2 > i1)
        assert (tag in ("replace", "delete")) == (i2 > i1 and tag != "equal")
        assert (tag in ("replace", "insert")) == (j2 > j1 and tag != "equal")
        i, j = i2, j2
    assert (i, j) == (len(a), len(b))


SENTENCE = st.lists(st.sampled_from(["the", "of", "States", "all", "Assembly"]), max_size=40)


@given(SENTENCE, SENTENCE)
def test_word_opcodes_keep_the_words_difflib_keeps_in_a_sentence(a_words, b_words) -> None:
    """Words one space apart: the words matched are as many as difflib matches between the words alone
    (the first word of a side, with no space before it, may go unmatched)."""
    a = [t for w in a_words for t in (" ", w)][1:]
    b = [t for w in b_words for t in (" ", w)][1:]
    ops = sequences.word_opcodes(a, b, str.isspace)
    kept = sum(1 for tag, i1, i2, *_ in ops if tag == "equal" for t in a[i1:i2] if not t.isspace())
    matcher = difflib.SequenceMatcher(None, a_words, b_words, autojunk=False)
    assert kept >= sum(k for *_, k in matcher.get_matching_blocks()) - 1


def test_words_deleted_or_inserted_take_the_space_before_them() -> None:
    a = "a b c d e f g".split(" ")
    a = [t for w in a for t in (w, " ")][:-1]
    b = [*a[:5], *a[11:]]  # "a b c g"
    assert sequences.word_opcodes(a, b, str.isspace) == [
        ("equal", 0, 5, 0, 5),
        ("delete", 5, 11, 5, 5),
        ("equal", 11, 13, 5, 7),
    ]
    assert [op for op in sequences.word_opcodes(b, a, str.isspace) if op[0] != "equal"] == [
        ("insert", 5, 5, 5, 11)
    ]
    assert sequences.word_opcodes(["the", " ", "cat"], ["the", " ", "dog"], str.isspace) == [
        ("equal", 0, 2, 0, 2),
        ("replace", 2, 3, 2, 3),
    ]


def test_a_long_text_with_one_word_changed_is_one_change(monkeypatch) -> None:
    monkeypatch.setattr(sequences, "DIRECT", 100)
    words = [f"w{i % 50}" for i in range(20_000)]  # few distinct words: no anchors in the middle
    changed = [*words[:7_000], "new", *words[7_001:]]
    ops = [op for op in sequences.opcodes(words, changed) if op[0] != "equal"]
    assert ops == [("replace", 7_000, 7_001, 7_000, 7_001)]


def test_unique_words_anchor_a_long_stretch(monkeypatch) -> None:
    monkeypatch.setattr(sequences, "DIRECT", 100)
    a = [f"u{i}" for i in range(3_000)]
    b = [w if i % 100 else "x" for i, w in enumerate(a)]
    blocks = sequences.matching_blocks(a, b)
    _valid(a, b, blocks)
    assert sum(k for _, _, k in blocks) == len(a) - 30  # every unchanged word is matched


@given(
    st.lists(st.sets(st.sampled_from("abcdefghij"), max_size=7), max_size=8),
    st.lists(st.sets(st.sampled_from("abcdefghij"), max_size=7), max_size=8),
    st.sampled_from([0.5, 0.65, 0.8]),
)
def test_similar_pairs_finds_exactly_the_pairs_alike_enough(left, right, threshold) -> None:
    left = [frozenset(s) for s in left]
    right = [frozenset(s) for s in right]
    brute = {(i, j) for i, s in enumerate(left) for j, t in enumerate(right) if likeness(s, t) >= threshold}
    assert {(i, j) for _, i, j in similar_pairs(left, right, threshold)} == brute


def _draft(texts: list[str]) -> object:
    from tests.fixtures.robust.hostile import sample

    res = sample(paragraphs=1, footnotes=0)
    res.operative = [Paragraph("Decides", t) for t in texts]
    return res


def test_long_gaps_are_paired_piece_by_piece_and_keep_every_paragraph(monkeypatch) -> None:
    monkeypatch.setattr(diff, "_GAP_SIDE", 4)
    texts = [f"that the report number {i} on subject {i * 7} be issued on time" for i in range(30)]
    base = _draft(texts)
    new = copy.deepcopy(base)
    for p in new.operative:
        p.text = p.text.replace("issued", "published")  # every paragraph edited: one long gap
    new.operative.insert(11, Paragraph("Requests", "a new report"))
    cmp = compare(base, new, by_id=False)
    base_texts = [block_text(b) for b in render(base).blocks if b.role == "operative"]
    new_texts = [block_text(b) for b in render(new).blocks if b.role == "operative"]
    seen_base = [block_text(c.base) for c in cmp.blocks if c.base is not None and c.base.role == "operative"]
    seen_new = [block_text(c.new) for c in cmp.blocks if c.new is not None and c.new.role == "operative"]
    assert seen_base == base_texts and seen_new == new_texts
    # a paragraph whose partner fell into the next piece is shown as moved, never lost
    unpaired = [c for c in cmp.blocks if (c.base is None) != (c.new is None)]
    assert [c.new.paragraph_id for c in unpaired if not c.move] == [new.operative[11].id]
    paired = sum(c.status == "changed" for c in cmp.blocks if c.base is not None and c.new is not None)
    assert paired + len(unpaired) // 2 == 30


def test_a_paragraph_of_thousands_of_italic_runs_compares_and_reads_back() -> None:
    base = _draft(["to act" + " *Treaty* and" * 3_000])
    new = copy.deepcopy(base)
    new.operative[0].text = new.operative[0].text.replace("to act", "to take action", 1)
    back = read_docx(build_tracked_docx(base, new)).resolution
    assert [p.text for p in back.operative] == [p.text for p in new.operative]


@pytest.mark.parametrize("edits", [3, 400])
def test_edits_named_by_context_apply_back_however_many(edits) -> None:
    from app.amendments import apply_edits
    from app.compare.diff import Segment

    words = [f"word{i}" for i in range(edits * 4)]
    segments: list[Segment] = []
    for i, w in enumerate(words):
        if i % 4 == 2:
            segments += [Segment(diff.DELETE, w), Segment(diff.INSERT, f"new{i}")]
        else:
            segments.append(Segment(diff.EQUAL, w))
        segments.append(Segment(diff.EQUAL, " "))
    base = "".join(s.text for s in segments if s.op != diff.INSERT).strip()
    new = "".join(s.text for s in segments if s.op != diff.DELETE).strip()
    found = segment_edits(segments, punctuation=True)
    assert len(found) == edits
    assert apply_edits(base, found) == new


def test_features_of_empty_paragraphs_are_alike() -> None:
    assert similar_pairs([features([])], [features([])], 0.65) == [(1.0, 0, 0)]
