"""Typed paragraph numbers and subparagraph labels out of sequence, reported where the file had them.

Numbers and labels are derived from a paragraph's place, so a reader drops the typed ones. Where the typed
sequence skips or repeats ("4.", "6." or "(a)", "(c)"), a paragraph was most likely lost, doubled or renumbered
by hand, and references to it ("paragraph 6 above") may now point elsewhere: the delegate is told, once at the
break, what the paragraph prints as, instead of finding it silently renumbered.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from app.findings import Finding, Severity
from app.formatting import subparagraph_label
from app.messages import say
from app.model import Paragraph

MANY = 2  # more breaks than this in one reading: notes, not warnings
RULE = "import.numbering"  # as the UN XML reader reports a number or label that print changes


@dataclass
class TypedLabels:
    """What one reading has seen of the typed numbers of each operative list, and its findings."""

    findings: list[Finding] = field(default_factory=list)
    _last: dict[int, int] = field(
        default_factory=dict
    )  # id of an operative list -> the last number typed in it

    def settled(self) -> list[Finding]:
        """The findings; where the breaks are many, the file follows another numbering or was not read as laid
        out (text cut from a longer document): each is then a note."""
        if len(self.findings) <= MANY:
            return self.findings
        return [replace(f, severity=Severity.INFO) for f in self.findings]

    def last(self, items: list[Paragraph]) -> int:
        """The number last typed in the operative list `items` (0 before any)."""
        return self._last.get(id(items), 0)

    def number(self, para: Paragraph, typed: int, items: list[Paragraph]) -> None:
        """`para`, typed `typed.`, was just added to the operative list `items`. A section numbered afresh
        (`para.restart`) or the first paragraph of a part starts the count at 1."""
        last = 0 if para.restart else self._last.get(id(items), 0)
        self._last[id(items)] = typed
        if typed == last + 1:
            return
        printed = 0
        for p in items:
            printed = (0 if p.restart else printed) + p.numbered
        if printed == typed:
            return  # it prints as typed: nothing the delegate would not see
        if last:
            text = say(
                "operative paragraph typed “{typed}.” after “{last}.” in the file: a number skipped or repeated "
                "(is a paragraph missing or doubled?); numbers are derived, it prints as {printed}",
                typed=typed,
                last=last,
                printed=printed,
            )
        else:
            text = say(
                "operative paragraph typed “{typed}.” as the first numbered paragraph in the file; numbers are "
                "derived, it prints as {printed}",
                typed=typed,
                printed=printed,
            )
        # numbers that start above 1 are most often an excerpt of a longer text: a note
        self.findings.append(
            Finding(RULE, Severity.WARNING if last else Severity.INFO, text, paragraph_id=para.id)
        )

    def label(self, node: Paragraph, typed: str, in_order: bool, depth: int, index: int) -> None:
        """Subparagraph `node`, typed `typed`, placed at `depth` as item `index` (1-based) of its list; `in_order`
        is whether the label continued or started a list (`Nesting.in_order`)."""
        printed = subparagraph_label(depth, index)
        if in_order or printed == typed:
            return
        self.findings.append(
            Finding(
                RULE,
                Severity.WARNING,
                say(
                    "subparagraph typed “{typed}” out of sequence in the file (a label skipped or repeated: is an "
                    "item missing or doubled?); labels are derived, it prints as “{printed}”",
                    typed=typed,
                    printed=printed,
                ),
                paragraph_id=node.id,
            )
        )
