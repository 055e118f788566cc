"""What every reader returns: the model and the findings of the import, settled the same way for all."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from app.findings import Finding, Severity
from app.messages import say
from app.model import MAX_DEPTH, Resolution, limit_depth, refuse_oversized


@dataclass
class Adoption:
    """What an adopted resolution's heading says, as rollover cites it: its symbol ("A/RES/80/70"), the date it
    was adopted, and the template of the draft it was, where the file names the committee (or the Council)."""

    symbol: str = ""
    date: dt.date | None = None
    template: str = ""


@dataclass
class ImportResult:
    resolution: Resolution
    findings: list[Finding] = field(default_factory=list)  # what could not be placed, and notes on the import
    project: bool = False  # a project file: its text is the delegate's own, already settled
    # subparagraphs the file set as bulleted or "1." items (no labels of ours): their ends followed the file's own
    # list style ("• reporting on …,"), so what the import changes there is a note, not a warning
    relabelled: set[str] = field(default_factory=set)
    adoption: Adoption | None = None  # the file is an adopted resolution: what its heading says
    # a Word file with tracked changes: its text with every change rejected, the version the changes were made to
    before_tracked: Resolution | None = None

    def __post_init__(self) -> None:
        """Every reader's model stays within the size and depth the editor and the project file accept, and
        has its typed end punctuation settled (app/io/typed_ends.py)."""
        refuse_oversized(self.resolution)
        if self.project:
            self.findings += unreferenced_footnotes(self.resolution)
        else:
            from app.io.typed_ends import settle_typed_ends

            self.findings += settle_typed_ends(self.resolution, self.relabelled)
        lifted = sum(limit_depth(items) for _, items in self.resolution.lists())
        if lifted:
            self.findings.append(
                Finding(
                    "import.depth",
                    Severity.WARNING,
                    say(
                        "{lifted} subparagraph(s) nested deeper than {MAX_DEPTH} levels were lifted to level "
                        "{MAX_DEPTH}, in reading order",
                        lifted=lifted,
                        MAX_DEPTH=MAX_DEPTH,
                    ),
                )
            )


def unreferenced_footnotes(res: Resolution) -> list[Finding]:
    """A project's notes that no text refers to (edited by hand, a note id given twice): kept, and said, since
    they do not print. (The text reader says so of the notes whose marker it could not find.)"""
    if not res.footnotes:
        return []
    from app import inline
    from app.render import render

    printed = render(res).footnote_numbers
    return [
        Finding(
            "import.footnote-unplaced",
            Severity.WARNING,
            say(
                "the footnote “{note}” is referenced nowhere in the text, so it does not print: put its reference "
                "where it belongs, or delete it",
                note=" ".join(inline.plain(note.text).split()[:8]),
            ),
            paragraph_id=note.id,
            field="footnote",
        )
        for note in res.footnotes.values()
        if note.id not in printed
    ]
