"""Hostile negotiations: thousands of proposals on one paragraph, thousands of decisions, and project files
whose edits and brackets name fields a paragraph does not have.

Which proposals clash was found by weighing every pair of proposals at a place (and every hunk of a run
against each new one, and each proposer's hunks by a pass over the whole run): n proposals on the same words
cost n squared. The growth tests count the Python function calls of a run at n and 8n (work, not time); the
sweeps that replace the pairwise weighing are checked against that weighing on any spans hypothesis draws.
"""

from __future__ import annotations

import datetime as dt
import json
import sys
from collections.abc import Callable

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app import storage
from app.errors import InputError
from app.model import Paragraph, Resolution
from app.negotiation import merging, rounds
from app.negotiation.compilation import _clusters, overlaps
from app.negotiation.proposals import Proposal, WordEdit, by_target
from app.negotiation.status import Alternative, make_bracket

LINEAR = 8 * 3  # 8x the input: near 8 when linear, 64 and more when square
WHEN = dt.datetime(2026, 5, 4, 10, tzinfo=dt.timezone.utc)


def calls(run: Callable[[], object]) -> int:
    """How many Python functions `run` calls: a count of work that a loaded machine cannot change."""
    count = 0

    def profile(frame: object, event: str, arg: object) -> None:
        nonlocal count
        if event == "call":
            count += 1

    sys.setprofile(profile)
    try:
        run()
    finally:
        sys.setprofile(None)
    return count


def _on_one_paragraph(n: int, decided: bool = False) -> Resolution:
    """A text under negotiation with n proposals, each changing the same word of its one operative paragraph;
    with `decided`, half of them rejected already."""
    res = Resolution()
    res.operative = [Paragraph("Decides", "to act now on the matter;")]
    neg = rounds.start(res, date=WHEN)
    target = res.operative[0].id
    neg.proposals = [
        Proposal(f"P{k}", "zero draft", [WordEdit(target, "text", 1, 2, "act", f"act{k}")]) for k in range(n)
    ]
    if decided:
        for p in neg.proposals[: n // 2]:
            rounds.decide(neg, p.id, target, rounds.REJECT, WHEN)
    return res


@pytest.mark.parametrize("decided", [False, True])
def test_thousands_of_proposals_on_one_paragraph_list_and_merge_in_linear_work(decided: bool) -> None:
    def work(n: int) -> int:
        res = _on_one_paragraph(n, decided)
        neg = res.negotiation
        return calls(lambda: (merging.items(neg), merging.merged(neg, res, merging.Choices())))

    assert work(1600) / work(200) < LINEAR


def test_proposals_on_the_same_words_are_one_group_of_alternatives() -> None:
    res = _on_one_paragraph(300)
    (item,) = merging.items(res.negotiation)
    assert [len(g) for g in item.alternatives] == [300]
    first, second = item.proposals[:2]
    with pytest.raises(InputError, match="P0 and P1 change the same words"):
        merging.check(item, [first.id, second.id])


def test_a_proposal_found_by_id_is_the_first_with_that_id_after_any_change_to_the_list() -> None:
    neg = _on_one_paragraph(5).negotiation
    assert neg.proposal(neg.proposals[3].id) is neg.proposals[3]
    neg.proposals.reverse()
    assert neg.proposal(neg.proposals[3].id) is neg.proposals[3]
    gone = neg.proposals.pop()
    with pytest.raises(InputError):
        neg.proposal(gone.id)


spans = st.lists(
    st.tuples(st.sampled_from(["text", "opener", "", "*"]), st.integers(0, 6), st.integers(0, 3)).map(
        lambda t: (t[0], t[1], t[1] + t[2]) if t[0] != "*" else ("*", 0, 0)
    ),
    max_size=3,
)


def _pairwise_groups(spans_of: list[list[tuple[str, int, int]]]) -> list[list[int]]:
    """The groups as they were found before: every pair of proposals weighed, joined transitively."""

    def clash(a: list[tuple[str, int, int]], b: list[tuple[str, int, int]]) -> bool:
        if any(f == "*" for f, _, _ in a) or any(f == "*" for f, _, _ in b):
            return bool(a and b)
        return any(fa == fb and overlaps((sa, ea), (sb, eb)) for fa, sa, ea in a for fb, sb, eb in b)

    group = list(range(len(spans_of)))

    def root(i: int) -> int:
        while group[i] != i:
            i = group[i]
        return i

    for i in range(len(spans_of)):
        for j in range(i):
            if clash(spans_of[i], spans_of[j]):
                group[root(i)] = root(j)
    out: dict[int, list[int]] = {}
    for i in range(len(spans_of)):
        out.setdefault(root(i), []).append(i)
    return list(out.values())


@settings(max_examples=300, deadline=None)
@given(st.lists(spans, max_size=8))
def test_groups_of_alternatives_are_those_of_weighing_every_pair(spans_of: list) -> None:
    from app.negotiation.proposals import DeleteParagraph

    proposals = []
    for k, owned in enumerate(spans_of):
        edits = [
            DeleteParagraph("p") if f == "*" else WordEdit("p", f or "text", s, e, "", "x")
            for f, s, e in owned
        ]
        proposals.append(Proposal(f"P{k}", "zero draft", edits, id=f"id{k}"))
    at = {p.id: by_target(p) for p in proposals}
    fields = [[(f or "text", s, e) if f != "*" else ("*", 0, 0) for f, s, e in owned] for owned in spans_of]
    expected = [[f"id{i}" for i in g] for g in _pairwise_groups(fields)]
    assert merging._groups(proposals, "p", at) == expected


def _pairwise_clusters(hunks: list) -> list[list]:
    """The runs as they were found before: each hunk weighed against every hunk of the run."""
    ordered = sorted(hunks, key=lambda h: (h[1], h[2]))
    out: list[list] = []
    span = (0, 0)
    for h in ordered:
        if (
            out
            and any(overlaps((h[1], h[2]), (o[1], o[2])) for o in out[-1])
            or (out and span[0] < h[1] < span[1])
        ):
            out[-1].append(h)
            span = (span[0], max(span[1], h[2]))
        else:
            out.append([h])
            span = (h[1], h[2])
    return out


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.sampled_from("AB"), st.integers(0, 8), st.integers(0, 3)), max_size=10))
def test_runs_of_hunks_on_the_same_words_are_those_of_weighing_each_hunk(drawn: list) -> None:
    hunks = [(who, s, s + n, "", "x") for who, s, n in drawn]
    assert _clusters(hunks) == _pairwise_clusters(hunks)


def _saved_with(change: Callable[[dict], None]) -> str:
    res = Resolution()
    res.operative = [Paragraph("Decides", "to act now;")]
    neg = rounds.start(res, date=WHEN)
    neg.brackets.append(make_bracket(res, res.operative[0].id, "now", [Alternative("soon", ["EU"])]))
    neg.proposals.append(
        Proposal("EU", "zero draft", [WordEdit(res.operative[0].id, "text", 1, 2, "act", "move")])
    )
    data = json.loads(storage.dumps(res))
    change(data["negotiation"])
    return json.dumps(data)


@pytest.mark.parametrize("field", ["id", "subparagraphs", "__class__", "numbered", 7, None])
@pytest.mark.parametrize("where", ["bracket", "edit"])
def test_an_edit_or_bracket_naming_no_paragraph_text_is_refused_in_one_line(
    field: object, where: str
) -> None:
    def change(neg: dict) -> None:
        (neg["brackets"][0] if where == "bracket" else neg["proposals"][0]["edits"][0])["field"] = field

    assert storage.loads(_saved_with(lambda neg: None)).negotiation is not None
    with pytest.raises(InputError, match="no paragraph field") as caught:
        storage.loads(_saved_with(change))
    assert "\n" not in str(caught.value)


@pytest.mark.parametrize(
    "damage", [{"preamble": 5}, "text", {"format": "resolute", "version": 2, "preamble": [{"text": 3}]}, None]
)
def test_a_damaged_revision_opens_says_so_and_a_new_revision_goes_on(tmp_path, damage):
    """A revision's text damaged in the file: the project opens with a warning naming the revision, the steps
    that read it refuse in one line (naming it), what was saved is written back as it was, and a revision
    issued from the working text lets the negotiation go on."""
    from app.io.reading import read_document

    res = Resolution(operative=[Paragraph("Decides", "to act.")])
    rounds.start(res, date=WHEN)
    rounds.issue_revision(res.negotiation, res, date=WHEN)
    path = tmp_path / "n.json"
    storage.save_project(res, path)
    data = json.loads(path.read_text(encoding="utf-8"))
    data["negotiation"]["revisions"][1]["text"] = damage
    path.write_text(json.dumps(data), encoding="utf-8")

    read = read_document(path)
    warned = [f for f in read.findings if f.rule == "import.negotiation"]
    assert len(warned) == 1 and "Rev.1" in warned[0].message
    neg = read.resolution.negotiation
    with pytest.raises(InputError, match="Rev.1"):
        rounds.base_text(neg)
    assert rounds.base_text(neg, "zero draft").operative[0].opener == "Decides"
    storage.save_project(read.resolution, path)
    assert json.loads(path.read_text(encoding="utf-8"))["negotiation"]["revisions"][1]["text"] == damage

    rounds.issue_revision(neg, read.resolution, date=WHEN)
    assert rounds.base_text(neg).operative[0].text == "to act."
    assert rounds.compilation(neg, read.resolution).entries
