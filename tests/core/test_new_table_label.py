"""A table a delegation proposes is named where it stands ("New table after OP 1"), in the compilation (.txt,
.docx) in the draft's language and in the merge's places in the interface's, not numbered "OP 1 bis": a table
is unnumbered, and a paragraph proposed after the same paragraph keeps its bis. The labels expected come from the
base text as it prints (`numbering.printed_labels`) and the language files' own words."""

from __future__ import annotations

import copy
import datetime as dt
import io
from pathlib import Path

import docx
import pytest

from app.edits import Document
from app.io.reading import read_document
from app.languages import get_language
from app.messages import localize
from app.model import Paragraph, Resolution
from app.negotiation import commands, merging, numbering
from app.negotiation.compilation import compile_text
from app.negotiation.compilation_docx import build_compilation_docx
from app.negotiation.compilation_text import compilation_text
from app.negotiation.proposals import derive

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
LEVELS = FIXTURES / "akn" / "A_RES_79_250-2424689E.xml"
DAY = dt.datetime(2026, 6, 1, 9, 0, tzinfo=dt.timezone.utc)
ENGLISH_AFTER = "New table after {place}"


def _after_words(language: str) -> str:
    return (
        get_language(language).amendments.get("new_table_after", ENGLISH_AFTER) if language else ENGLISH_AFTER
    )


def _proposals(base: Resolution) -> tuple[list, str, Paragraph]:
    """CANZ proposes a table after the first operative paragraph, the EU a paragraph after the same one."""
    first = base.operative[0]
    table = Paragraph(table=[["Level", "Rate"], ["A", "0.5"]], header_rows=1)
    canz, eu = copy.deepcopy(base), copy.deepcopy(base)
    canz.operative.insert(1, table)
    eu.operative.insert(1, Paragraph(opener="Decides", text="to keep the matter under review;"))
    return [derive(base, canz, "CANZ"), derive(base, eu, "EU")], first.id, table


@pytest.mark.parametrize("language", ["", "fr", "es"])
def test_a_new_table_is_named_after_the_paragraph_it_follows(language: str) -> None:
    base = read_document(LEVELS).resolution
    base.header.language = language
    proposals, first, table = _proposals(base)
    label = numbering.printed_labels(base)[first]
    name = _after_words(language).format(place=label)
    comp = compile_text(base, proposals)
    new = {e.proposers[0]: e for e in comp.entries if e.kind == "new"}
    assert new["CANZ"].label == name and new["CANZ"].rows is not None
    assert new["EU"].label == numbering.next_after(label, set())  # "OP 1 bis": the table took none
    assert name in compilation_text(comp)
    assert name in [p.text for p in docx.Document(io.BytesIO(build_compilation_docx(comp))).paragraphs]


def test_the_merge_names_the_new_table_in_the_interface_language_and_keeps_no_bis_for_it() -> None:
    base = read_document(LEVELS).resolution
    proposals, first, table = _proposals(base)
    label = numbering.printed_labels(base)[first]
    doc = Document(copy.deepcopy(base))
    commands.start_negotiation(doc, facilitator="Chile", date=DAY)
    commands.add_proposals(doc, proposals)
    neg = doc.resolution.negotiation
    places = {i.proposals[0].proposer: i for i in merging.items(neg)}
    said = places["CANZ"].label
    assert said == ENGLISH_AFTER.format(place=label)
    french = get_language("fr").amendments["new_table_after"].format(place=label)
    assert localize(said, "fr") == french
    assert table.id not in neg.labels  # no "OP 1 bis" kept for it
    choices = merging.Choices({i.key: [p.id for p in i.proposals] for i in places.values()})
    before = dict(neg.labels)
    commands.merge_revision(doc, choices=choices, date=DAY)
    labels = doc.resolution.negotiation.labels
    # accepted, it is a table of the text, named as the text prints it ("Table 1"; that name's bis while the
    # table after it keeps it from earlier rounds); the EU's paragraph keeps its bis
    printed = numbering.printed_labels(doc.resolution)[table.id]
    taken = set(before.values())
    assert labels[table.id] == (printed if printed not in taken else numbering.next_after(printed, taken))
    assert numbering.root_of(labels[table.id]) != label
    eu_para = next(p for p in doc.resolution.operative if p.opener == "Decides" and p.id != first)
    assert labels[eu_para.id] == numbering.next_after(label, set())
