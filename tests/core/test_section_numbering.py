"""Operative parts in sections numbered afresh (Fifth Committee resolutions): the numbers print as issued and
survive every format. The answer key is the UN XML's own `<num>` of each operative paragraph."""

from __future__ import annotations

from pathlib import Path

from lxml import etree

from app import storage
from app.io.akn_reader import read_akn
from app.io.akn_writer import to_akn
from app.io.docx_reader import read_docx
from app.io.docx_writer import build_docx
from app.model import Resolution
from app.render import place_names, render

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "akn_sections" / "A_RES_78_253-2326236E.xml"
AKN = "{http://docs.oasis-open.org/legaldocml/ns/akn/3.0}"


def _issued_numbers() -> list[str]:
    body = etree.parse(str(FIXTURE)).getroot().find(f".//{AKN}mainBody")
    assert body is not None
    nums = [(p.findtext(f"{AKN}num") or "").strip() for p in body.findall(f"{AKN}paragraph")]
    return [n for n in nums if n.rstrip(".").isdigit()]  # "B." marks a subsection, "(a)" a flat subparagraph


def _printed(res: Resolution) -> list[str]:
    return [b.label for b in render(res).blocks if b.role == "operative" and b.label and not b.is_tail]


def test_sections_print_the_numbers_the_un_issued() -> None:
    issued = _issued_numbers()
    assert issued.count("1.") > 1  # the fixture restarts its numbering
    result = read_akn(FIXTURE.read_bytes(), name=FIXTURE.name)
    printed = iter(_printed(result.resolution))
    assert all(
        number in printed for number in issued
    )  # in order; table notes read as paragraphs come between
    assert _printed(result.resolution).count("1.") == issued.count("1.")
    assert not [f for f in result.findings if f.rule == "import.numbering"]


def test_section_numbers_survive_word_json_and_akn() -> None:
    res = read_akn(FIXTURE.read_bytes(), name=FIXTURE.name).resolution
    issued = _printed(res)
    assert _printed(read_docx(build_docx(res)).resolution) == issued
    assert _printed(storage.loads(storage.dumps(res))) == issued
    assert _printed(read_akn(to_akn(res), name="export.xml").resolution) == issued


def test_every_operative_paragraph_has_a_name_of_its_own() -> None:
    """Compare, oral revisions and negotiation name places: "OP 2 of section IV", never two "OP 2"."""
    res = read_akn(FIXTURE.read_bytes(), name=FIXTURE.name).resolution
    names = place_names(render(res).blocks)
    ops = [names[p.id] for p in res.operative]
    assert len(set(ops)) == len(ops)


def test_a_small_sectioned_draft_survives_text() -> None:
    """Plain text carries the restart in its printed numbers: "1." again after a section heading."""
    from app.io.text_reader import read_text
    from app.io.text_writer import to_text
    from app.model import Paragraph

    res = read_akn(FIXTURE.read_bytes(), name=FIXTURE.name).resolution
    sections = [p for p in res.operative if p.restart][:2]
    small = Resolution(header=res.header, title=res.title, preamble=res.preamble[:2])
    small.operative = [Paragraph("Decides", "to approve the budget"), Paragraph("Requests", "a report")]
    for section in sections:
        small.operative += [
            Paragraph("Takes note", "of the report", heading=section.heading.split("\n")[0], restart=True),
            Paragraph("Endorses", "the conclusions"),
        ]
    assert _printed(small) == ["1.", "2."] + ["1.", "2."] * len(sections)
    assert _printed(read_text(to_text(small)).resolution) == _printed(small)
