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
from app.lexicon import is_known
from app.model import Part, Resolution
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


def _section_preambles() -> int:
    """The file's section preambles: unnumbered crossHeadings and paragraphs of the operative part whose
    text (footnotes left out) ends with a comma, as preambular paragraphs do."""
    import copy

    body = etree.parse(str(FIXTURE)).getroot().find(f".//{AKN}mainBody")
    assert body is not None
    out = 0
    for el in body.iter(f"{AKN}crossHeading", f"{AKN}paragraph"):
        if el.find(f"{AKN}num") is not None:
            continue
        bare = copy.deepcopy(el)
        for note in bare.findall(f".//{AKN}authorialNote"):  # the note goes, the text after it stays
            parent, before = note.getparent(), note.getprevious()
            if before is not None:
                before.tail = (before.tail or "") + (note.tail or "")
            else:
                parent.text = (parent.text or "") + (note.tail or "")
            parent.remove(note)
        text = " ".join("".join(bare.itertext()).split())
        # an operative verb with a comma after it (one such slip in the file: "Recalls its resolution …,") stays
        # a numbered paragraph; the lexicon says which verbs are operative
        out += text.endswith(",") and not is_known(text.split(" ")[0], Part.OPERATIVE)
    return out


def _printed_body(res: Resolution) -> list[tuple[str, str]]:
    return [
        (b.label, b.opener)
        for b in render(res).blocks
        if b.role in ("preambular", "operative") and b.level == 0 and not b.is_tail
    ]


def test_a_sections_own_preambular_paragraphs_print_unnumbered() -> None:
    """A section may open with its own "Recalling …," paragraphs under its heading: printed unnumbered, set
    off by commas, checked as preambular paragraphs, and kept so through Word, JSON and AKN."""
    from app.conventions.engine import check_document

    expected = _section_preambles()
    assert expected
    res = read_akn(FIXTURE.read_bytes(), name=FIXTURE.name).resolution
    unnumbered = [
        b
        for b in render(res).blocks
        if b.part is not None and b.part.value == "operative" and b.role == "preambular" and b.level == 0
    ]
    assert len(unnumbered) == expected and all(b.label == "" and b.end == "," for b in unnumbered)
    assert not [f for f in check_document(res) if f.rule.startswith("openers.")]
    printed = _printed_body(res)
    assert _printed_body(read_docx(build_docx(res)).resolution) == printed
    assert _printed_body(storage.loads(storage.dumps(res))) == printed
    assert _printed_body(read_akn(to_akn(res), name="export.xml").resolution) == printed


def test_each_section_keeps_its_numeral() -> None:
    """The file sets each section's numeral as <p><num>I</num></p> before its subheading: read as the first
    line of the section's heading, not left over as unplaced text."""
    body = etree.parse(str(FIXTURE)).getroot().find(f".//{AKN}mainBody")
    assert body is not None
    numerals = [
        (p.findtext(f"{AKN}num") or "").strip()
        for p in body.iter(f"{AKN}p")
        if p.find(f"{AKN}num") is not None
    ]
    assert len(numerals) > 5
    result = read_akn(FIXTURE.read_bytes(), name=FIXTURE.name)
    firsts = [p.heading.split("\n")[0] for p in result.resolution.operative if p.heading]
    assert [f for f in firsts if f in numerals] == numerals
    assert not [f for f in result.findings if f.rule == "import.unplaced" and f.message.startswith("<p>")]
