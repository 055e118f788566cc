"""Matching two sequences (words of a paragraph, paragraphs of a draft) at a cost that stays near linear.

`difflib.SequenceMatcher` finds the longest matches first, which reads best, but weighs every element of one
side against every equal element of the other: on a long paragraph full of "the" and "of", or two long
drafts that differ throughout, its cost grows with the product of the lengths. Here the common start and
end are taken first (most edits touch a few words), stretches small enough go to difflib whole, and a
larger stretch is cut at elements that occur once on each side and in the same order (the anchors of a
patience diff) before its pieces are matched the same way. A work budget in proportion to the input stops
the search for matches in what is left: it is then reported as replaced, which is true, only coarser.
"""

from __future__ import annotations

import difflib
from bisect import bisect_left
from collections import Counter
from collections.abc import Callable, Hashable, Sequence

Block = tuple[int, int, int]  # (start in a, start in b, length), as difflib's matching blocks
Opcode = tuple[str, int, int, int, int]

DIRECT = 250_000  # a stretch of at most this many element pairs goes to difflib whole
WORK_PER_ELEMENT = 400  # the budget: this many pairs weighed per element of the input, plus DIRECT


def matching_blocks(a: Sequence[Hashable], b: Sequence[Hashable]) -> list[Block]:
    """Blocks of equal elements in increasing order on both sides, ending with the (len(a), len(b), 0)
    sentinel as difflib's do."""
    n, m = len(a), len(b)
    if a == b:  # most paragraphs of a new version are the old one's
        return [(0, 0, n), (n, m, 0)] if n else [(0, 0, 0)]
    if n * m <= DIRECT:  # the usual case, read exactly as difflib reads it
        return difflib.SequenceMatcher(None, a, b, autojunk=False).get_matching_blocks()
    head = 0
    while head < n and head < m and a[head] == b[head]:
        head += 1
    tail = 0
    while tail < n - head and tail < m - head and a[n - 1 - tail] == b[m - 1 - tail]:
        tail += 1
    blocks: list[Block] = [(0, 0, head)] if head else []
    budget = [DIRECT + WORK_PER_ELEMENT * (n + m)]
    blocks += _middle(a, b, head, n - tail, head, m - tail, budget)
    if tail:
        blocks.append((n - tail, m - tail, tail))
    return _joined(blocks) + [(n, m, 0)]


def opcodes(a: Sequence[Hashable], b: Sequence[Hashable]) -> list[Opcode]:
    """("equal" | "replace" | "delete" | "insert", i1, i2, j1, j2) covering both sequences, as difflib's."""
    out: list[Opcode] = []
    i = j = 0
    for ai, bj, size in matching_blocks(a, b):
        tag = "replace" if i < ai and j < bj else "delete" if i < ai else "insert" if j < bj else ""
        if tag:
            out.append((tag, i, ai, j, bj))
        if size:
            out.append(("equal", ai, ai + size, bj, bj + size))
        i, j = ai + size, bj + size
    return out


def _middle(
    a: Sequence[Hashable], b: Sequence[Hashable], a1: int, a2: int, b1: int, b2: int, budget: list[int]
) -> list[Block]:
    """Matching blocks of a[a1:a2] against b[b1:b2], in order; stretches are worked from a stack."""
    found: list[Block] = []
    stack = [(a1, a2, b1, b2)]
    while stack:
        a1, a2, b1, b2 = stack.pop()
        if a1 >= a2 or b1 >= b2 or budget[0] <= 0:
            continue
        pairs = (a2 - a1) * (b2 - b1)
        if pairs <= DIRECT:
            budget[0] -= pairs
            matcher = difflib.SequenceMatcher(None, a[a1:a2], b[b1:b2], autojunk=False)
            found += [(a1 + i, b1 + j, k) for i, j, k in matcher.get_matching_blocks() if k]
            continue
        budget[0] -= (a2 - a1) + (b2 - b1)
        anchors = _anchors(a, b, a1, a2, b1, b2)
        if not anchors:  # nothing occurs once on each side to cut it at: it stays replaced (the same
            continue  # stretch pushed again cost its length each time until the budget ran out)
        found += [(i, j, 1) for i, j in anchors]
        edges = [(a1 - 1, b1 - 1), *anchors, (a2, b2)]
        stack += [(i + 1, ni, j + 1, nj) for (i, j), (ni, nj) in zip(edges, edges[1:], strict=False)]
    return sorted(found)


def _anchors(
    a: Sequence[Hashable], b: Sequence[Hashable], a1: int, a2: int, b1: int, b2: int
) -> list[tuple[int, int]]:
    """Positions of elements that occur once in each stretch, the longest run of them in the same order."""
    count_a = Counter(a[a1:a2])
    count_b = Counter(b[b1:b2])
    where_b = {b[j]: j for j in range(b1, b2) if count_b[b[j]] == 1 and count_a[b[j]] == 1}
    pairs = [(i, where_b[a[i]]) for i in range(a1, a2) if a[i] in where_b]
    # the longest increasing run of b positions (patience sorting, with links back to rebuild it)
    tops: list[int] = []
    top_at: list[int] = []
    back: list[int] = []
    for k, (_, j) in enumerate(pairs):
        pile = bisect_left(tops, j)
        back.append(top_at[pile - 1] if pile else -1)
        if pile == len(tops):
            tops.append(j)
            top_at.append(k)
        else:
            tops[pile], top_at[pile] = j, k
    run: list[tuple[int, int]] = []
    k = top_at[-1] if top_at else -1
    while k >= 0:
        run.append(pairs[k])
        k = back[k]
    return run[::-1]


def _joined(blocks: list[Block]) -> list[Block]:
    """Neighbouring blocks that continue each other made one."""
    out: list[Block] = []
    for i, j, k in blocks:
        if out and out[-1][0] + out[-1][2] == i and out[-1][1] + out[-1][2] == j:
            out[-1] = (out[-1][0], out[-1][1], out[-1][2] + k)
        else:
            out.append((i, j, k))
    return out


def word_opcodes(
    a: Sequence[Hashable], b: Sequence[Hashable], is_space: Callable[[Hashable], bool]
) -> list[Opcode]:
    """`opcodes` of two token lists in which spaces stand between words: each run of spaces is matched
    together with the word after it ("the cat" is "the" and " cat"). Spaces are half the tokens of a
    paragraph and all equal, and difflib weighs each against every other in every stretch it searches again:
    matched this way the same paragraphs cost a fraction, and a deleted or inserted stretch of words takes the
    space before it, as a reader marks it."""
    starts_a, starts_b = _word_starts(a, is_space), _word_starts(b, is_space)
    # a unit is matched by its words alone: a side's first word has no space before it, and it is still the
    # same word (the spaces, where they differ, are replaced on their own)
    units_a = [
        tuple(t for t in a[i:j] if not is_space(t)) for i, j in zip(starts_a, starts_a[1:], strict=False)
    ]
    units_b = [
        tuple(t for t in b[i:j] if not is_space(t)) for i, j in zip(starts_b, starts_b[1:], strict=False)
    ]
    out: list[Opcode] = []
    for tag, u1, u2, v1, v2 in opcodes(units_a, units_b):
        i1, i2, j1, j2 = starts_a[u1], starts_a[u2], starts_b[v1], starts_b[v2]
        if tag == "equal":
            for k in range(u2 - u1):
                _add_pair(out, a, b, starts_a[u1 + k : u1 + k + 2], starts_b[v1 + k : v1 + k + 2], is_space)
        elif (
            tag == "replace"
        ):  # what both sides start or end with stays equal: " the" -> " a" is "the" -> "a"
            head = 0
            while i1 + head < i2 and j1 + head < j2 and a[i1 + head] == b[j1 + head]:
                head += 1
            tail = 0
            while i2 - tail > i1 + head and j2 - tail > j1 + head and a[i2 - 1 - tail] == b[j2 - 1 - tail]:
                tail += 1
            _add(out, "equal", i1, i1 + head, j1, j1 + head)
            _add(out, "replace", i1 + head, i2 - tail, j1 + head, j2 - tail)
            _add(out, "equal", i2 - tail, i2, j2 - tail, j2)
        else:
            _add(out, tag, i1, i2, j1, j2)
    return out


def _add_pair(
    out: list[Opcode],
    a: Sequence[Hashable],
    b: Sequence[Hashable],
    span_a: Sequence[int],
    span_b: Sequence[int],
    is_space: Callable[[Hashable], bool],
) -> None:
    """Two units with the same words: equal, but for the spaces before them where those differ."""
    (i1, i2), (j1, j2) = span_a, span_b
    if a[i1:i2] == b[j1:j2]:
        _add(out, "equal", i1, i2, j1, j2)
        return
    lead_a = next((k for k in range(i1, i2) if not is_space(a[k])), i2)
    lead_b = next((k for k in range(j1, j2) if not is_space(b[k])), j2)
    _add(out, "replace", i1, lead_a, j1, lead_b)
    _add(out, "equal", lead_a, i2, lead_b, j2)


def _add(out: list[Opcode], tag: str, i1: int, i2: int, j1: int, j2: int) -> None:
    """Append an opcode, as difflib tags it, joined to the one before when both are equal or both are not."""
    if i1 == i2 and j1 == j2:
        return
    if tag == "replace":
        tag = "replace" if i1 < i2 and j1 < j2 else "delete" if i1 < i2 else "insert"
    if out and (out[-1][0] == "equal") == (tag == "equal"):  # joined, as difflib never sets two side by side
        _, p1, _, q1, _ = out[-1]
        if tag != "equal":
            tag = "replace" if p1 < i2 and q1 < j2 else "delete" if p1 < i2 else "insert"
        out[-1] = (tag, p1, i2, q1, j2)
    else:
        out.append((tag, i1, i2, j1, j2))


def _word_starts(tokens: Sequence[Hashable], is_space: Callable[[Hashable], bool]) -> list[int]:
    """Where each unit starts (a run of spaces and the token after it, or a token alone), and the end."""
    spaces = list(map(is_space, tokens))
    return [i for i in range(len(tokens)) if not i or not spaces[i - 1]] + [len(tokens)]
