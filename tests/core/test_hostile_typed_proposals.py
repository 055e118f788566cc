"""Proposals typed in the room (`app.negotiation.typed`) from a line of any length.

Each form was one pattern with lazy quoted groups and `\\s*,?\\s*` between them: a line of thousands of quotes
and separators (`after "" insert "" insert "" …`), or a long run of spaces before the word that never comes,
was retried from each quote and each space, and took the square of its length (8 s for 80,000 characters).
The forms are now read by a search for the first separator and the line's last quote; on any line hypothesis
draws from the forms' own pieces they read what the patterns read.
"""

from __future__ import annotations

import contextlib
import re
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from fixtures.robust.hostile import growth, hang_guard  # noqa: E402

from app.errors import InputError  # noqa: E402
from app.model import Paragraph, Resolution  # noqa: E402
from app.negotiation.proposals import InsertParagraph, WordEdit  # noqa: E402
from app.negotiation.typed import _all_forms, _quoted, typed_proposal  # noqa: E402

LINEAR = 8 * 3  # 8x the input: near 8 when linear, 64 and more when square

# the patterns as they were: the reference for what each form reads
_Q = r"[\"“”‘’']"
_QUOTED = rf"{_Q}(?P<{{name}}>.*?){_Q}"
PATTERNS = {
    "after": re.compile(
        rf"after\s+{_QUOTED.format(name='a')}\s*,?\s*insert\s+{_QUOTED.format(name='b')}$", re.I
    ),
    "replace": re.compile(
        rf"replace\s+{_QUOTED.format(name='a')}\s+(?:with|by)\s+{_QUOTED.format(name='b')}$", re.I
    ),
    "delete": re.compile(rf"delete\s+{_QUOTED.format(name='a')}$", re.I),
    "drop": re.compile(r"delete(?:\s+the)?\s+paragraph$", re.I),
    "new": re.compile(rf"(?:new|add(?:\s+a)?(?:\s+new)?)\s+paragraph\s+{_QUOTED.format(name='b')}$", re.I),
}

PIECES = [
    "after",
    "replace",
    "delete",
    "new",
    "add a",
    "paragraph",
    "insert",
    "with",
    "by",
    "the",
    "States",
    ",",
    " ",
    "  ",
    "\n",
    "\t",
    '"',
    "“",
    "”",
    "’",
    "'",
    "x",
    "",
]


def _form_reads(kind: str, line: str) -> dict[str, str] | None:
    for name, head, middle in _all_forms():  # English first
        if name == kind:
            return _quoted(line, head, middle, "b" if kind == "new" else "a")
    raise AssertionError(kind)


@settings(max_examples=600, deadline=None)
@given(st.sampled_from(sorted(PATTERNS)), st.lists(st.sampled_from(PIECES), max_size=14).map("".join))
def test_each_form_reads_what_its_pattern_read(kind: str, line: str) -> None:
    m = PATTERNS[kind].match(line)
    assert _form_reads(kind, line) == (m.groupdict() if m else None)


@settings(max_examples=300, deadline=None)
@given(
    st.sampled_from(["after", "replace"]),
    st.text(alphabet='"“” ,x\n', max_size=6),
    st.text(alphabet='"“” ,x\n', max_size=6),
)
def test_two_quoted_texts_read_as_the_pattern_read_them(kind: str, a: str, b: str) -> None:
    line = f'{kind} "{a}" {"insert" if kind == "after" else "with"} "{b}"'
    m = PATTERNS[kind].match(line)
    assert _form_reads(kind, line) == (m.groupdict() if m else None)


HOSTILE = {
    "separators": lambda n: 'after "' + '" insert "' * n + "x",
    "with": lambda n: 'replace "' + '" with "' * n + "x",
    "spaces": lambda n: 'after "a"' + " " * (8 * n) + "x",
    "quotes": lambda n: 'delete "' + "”" * (8 * n) + "x",
}


@pytest.mark.parametrize("kind", sorted(HOSTILE))
def test_a_hostile_typed_line_reads_in_linear_time(kind: str) -> None:
    base = Resolution()
    base.operative = [Paragraph("Decides", "to act;")]
    pid = base.operative[0].id

    def make(n: int):  # noqa: ANN202
        line = "EU: " + HOSTILE[kind](n)

        def run() -> None:
            with contextlib.suppress(InputError):
                typed_proposal(base, pid, line)

        return run

    with hang_guard(60):
        assert growth(make, 1000) < LINEAR


def test_the_forms_still_make_their_edits() -> None:
    base = Resolution()
    base.operative = [Paragraph("Decides", "to strengthen the role of States;")]
    pid = base.operative[0].id
    (edit,) = typed_proposal(base, pid, 'EU: after "States" insert ", and others"').edits
    assert isinstance(edit, WordEdit) and edit.new.strip() == ", and others"
    (edit,) = typed_proposal(base, pid, "G77: replace “strengthen” with “enhance”.").edits
    assert isinstance(edit, WordEdit) and (edit.old, edit.new) == ("strengthen", "enhance")
    (edit,) = typed_proposal(base, pid, 'AG: new paragraph "Decides to remain seized of the matter"').edits
    assert isinstance(edit, InsertParagraph) and edit.paragraph.opener == "Decides"
    with pytest.raises(InputError):
        typed_proposal(base, pid, 'EU: after "States insert "x"')
