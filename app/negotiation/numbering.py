"""Negotiation numbers: paragraphs keep the label they had ("PP 3", "OP 7") from round to round; a new one takes
bis, ter, quater ... after the paragraph it follows ("OP 7 bis"); a deleted one leaves its number unused. Only
when the L document is made are the paragraphs numbered afresh, with a table of old to new numbers.
"""

from __future__ import annotations

import re

from app.model import Paragraph, Resolution
from app.render import place_names, render

# Latin multiplicative adverbs, as in "Article II.2 bis" and "OP 7 ter"
SUFFIXES = tuple(
    "bis ter quater quinquies sexies septies octies novies decies undecies duodecies terdecies "
    "quaterdecies quindecies".split()
)
# "bis-15" and up too; the root ends in a letter or digit, so its end and the spaces before the suffix never
# overlap (a lazy root retried the whole run of spaces at each of them)
_SUFFIXED = re.compile(rf"^(?P<root>(?:.*\S)?)\s+(?P<suffix>{'|'.join(SUFFIXES)}|bis-\d+)$")


def suffix(n: int) -> str:
    """The n-th (1-based) suffix: 1 bis, 2 ter ...; past the Latin list, "bis-15" and up."""
    return SUFFIXES[n - 1] if n <= len(SUFFIXES) else f"bis-{n}"


def root_of(label: str) -> str:
    """ "OP 7 ter" -> "OP 7"."""
    m = _SUFFIXED.match(label)
    return m.group("root") if m else label


def next_after(label: str, taken: set[str], tried: dict[str, int] | None = None) -> str:
    """The label of a new paragraph placed after the paragraph labelled `label`: the first free bis, ter ...
    `tried` (root -> the first suffix not yet tried), kept by a caller that adds every label it gets to
    `taken`, makes a run of new paragraphs after one paragraph cost linear time, not square."""
    root = root_of(label)
    n = tried.get(root, 1) if tried is not None else 1
    while f"{root} {suffix(n)}" in taken:
        n += 1
    if tried is not None:
        tried[root] = n + 1
    return f"{root} {suffix(n)}"


def before_first(label: str) -> str:
    """The root for a paragraph placed before the first of its list: "OP 1" -> "OP 0", "OP 2 (a)" -> "OP 2 (0)"."""
    if re.search(r"(?<!\d)\d+$", label):  # tried from the first digit of a run only: linear
        return re.sub(r"(?<!\d)\d+$", "0", label)
    return re.sub(r"\([^()]*\)$", "(0)", label) if label.endswith(")") else f"{label} 0"


def free_label(name: str, taken: set[str], tried: dict[str, int]) -> str:
    """`name` itself when no paragraph has it, else its first free bis, ter ..."""
    return name if name not in taken else next_after(name, taken, tried)


def printed_labels(res: Resolution) -> dict[str, str]:
    """Labels as the text prints now, by paragraph id ("PP 3", "OP 2 (a)")."""
    return place_names(render(res).blocks)


def _lists(res: Resolution) -> list[list[Paragraph]]:
    out: list[list[Paragraph]] = []
    for _, items in res.lists():
        out.append(items)
        for para in items:
            out += [node.subparagraphs for node in para.walk() if node.subparagraphs]
    return out


def assign(res: Resolution, numbers: dict[str, str]) -> dict[str, str]:
    """Negotiation labels for every paragraph of `res`: those in `numbers` keep theirs; an empty `numbers`
    takes the printed labels (the zero draft); a paragraph new since takes bis, ter ... after the one it
    follows. Labels of paragraphs no longer in the text stay in the result (their numbers are not reused)."""
    printed = printed_labels(res)
    out = dict(numbers) if numbers else dict(printed)
    taken = set(out.values())
    tried: dict[str, int] = {}
    for items in _lists(res):
        previous = ""
        for para in items:
            if para.is_table and para.id not in out and para.id in printed:
                # unnumbered, a table takes no bis after a paragraph: its printed name, "Table 2" (bis when
                # an older table has that name), and the next new paragraph goes on from the one before it
                name = printed[para.id]
                out[para.id] = free_label(name, taken, tried)
                taken.add(out[para.id])
                continue
            if para.id not in out and para.id in printed:
                root = out.get(previous) or before_first(printed[para.id])
                out[para.id] = next_after(root, taken, tried)
                taken.add(out[para.id])
            previous = para.id
    return out


def current(res: Resolution) -> dict[str, str]:
    """The negotiation labels of the working text now: those the paragraphs were given, and bis, ter ... for a
    paragraph typed in since the last revision (as the compilation names it). Every view naming a paragraph
    of a text under negotiation by its label takes it from here, not from the labels last stored."""
    neg = res.negotiation
    return assign(res, neg.labels if neg is not None else {})


def renumbering_table(res: Resolution, numbers: dict[str, str]) -> list[tuple[str, str]]:
    """(negotiation label, number in the L document) for every paragraph of `res`, in reading order."""
    printed = printed_labels(res)
    labels = assign(res, numbers)
    return [(labels.get(pid, label), label) for pid, label in printed.items()]


def table_text(table: list[tuple[str, str]]) -> str:
    """The renumbering table as plain text, one paragraph a line: "OP 7 bis<TAB>OP 8"."""
    lines = ["Negotiation label\tNumber in the L document"]
    lines += [f"{old}\t{new}" + ("" if old != new else "\t(unchanged)") for old, new in table]
    return "\n".join(lines) + "\n"
