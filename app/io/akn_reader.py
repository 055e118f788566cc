"""Read the UN's Akoma Ntoso XML (AKN4UN) of an adopted resolution into a draft of the same text.

The UN marks every part of a resolution: `coverPage` (symbol, dates, session, agenda items), `preface` (number
and title), `preamble` (the enacting formula and one `container` per preambular paragraph, whose leading
`<span class="italic">` is the opener), `mainBody` (`paragraph` with `num`, `content` or `list` of `intro`,
`point`, `wrapUp`), footnotes as `authorialNote` inside the text, and `conclusions` (meeting, adoption date).

An adopted resolution opened here becomes a *draft*: its A/RES symbol is not the draft's symbol, so the header
keeps no symbol and no date; the symbol, adoption date and the rest stay readable through the `metadata` of the
result (`app.io.akn_metadata`), and an info finding says what the file was.
A `documentCollection` (a resolution in parts, A/RES/75/101 A-B) becomes part A and `later_parts`, each with its
title; `attachment`s become `annexes` (see `app.io.akn_annexes.Flow` for how the UN marks their structure);
section headings, also the UN's heading paragraphs, become `Paragraph.heading`. A `<container name="table">` between paragraphs
becomes a table paragraph in its place (app.io.akn_tables). What does not fit (unknown elements) goes to
`unplaced` with a finding.

This module builds the header (a draft's cover page and an amendment's instructions: app.io.akn_header) and
runs the readers in turn: text and paragraphs (app.io.akn_paragraphs) over the flat items of a body
(app.io.akn_flat), each part (app.io.akn_body, its numbers checked by app.io.akn_checks) and the annexes
(app.io.akn_annexes).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from lxml import etree

from app.errors import InputError
from app.findings import Finding, Severity
from app.io.akn_annexes import ADOPTED_DOC, Flow, annex_docs, annex_items
from app.io.akn_body import Body
from app.io.akn_header import DRAFT_KINDS, instructions, read_draft_header
from app.io.akn_metadata import adoption_of, akn_document, metadata_of, template_for
from app.io.akn_paragraphs import Reader
from app.io.akn_tree import collection_parts, first_named, local_name, own, own_elements, text_of
from app.io.imported import ImportResult
from app.io.safe_xml import parse_xml
from app.io.span_text import strip_end, tidy
from app.languages import date_words, get_language
from app.messages import Phrase, say
from app.model import AgendaItem, DocumentKind, Header, Resolution, ResolutionPart
from app.render import part_letter
from app.states import in_language, sort_sponsors
from app.templates import Template


@dataclass
class AknImportResult(ImportResult):
    """An ImportResult with what the cover page, preface, workflow and conclusions said."""

    metadata: dict[str, Any] = field(default_factory=dict)


def _part_number(doc: etree._Element) -> str:
    return text_of(first_named(own(doc, "preface"), "docNumber")).rstrip(".").strip()


def read_akn(data: bytes, *, name: str = "") -> AknImportResult:
    """Read AKN4UN XML into a draft. Raises InputError for anything that is not Akoma Ntoso."""
    own_elements.cache_clear()
    root = parse_xml(data, name=name)
    doc = akn_document(root, name)
    components = collection_parts(root) if local_name(doc) == "documentCollection" else [doc]
    if not components:
        raise InputError(
            say("{name} is an Akoma Ntoso collection with no documents in it", name=name or say("the file"))
        )
    meta = metadata_of(doc, components[0])
    tpl = template_for(meta)
    meta["template"] = tpl.id if tpl else ""

    draft = doc.get("name") in DRAFT_KINDS
    res = Resolution(header=_header(doc, meta, tpl, draft))
    reader = Reader(res)
    title_el = first_named(own(doc, "preface"), "docTitle")
    res.title = strip_end(tidy(reader.spans(title_el))) if title_el is not None else ""

    findings = reader.findings
    flow = Flow(reader)
    in_parts = len(components) > 1
    for index, component in enumerate(components):
        body = Body(reader, component, part_letter(index) if in_parts else "")
        if index == 0:
            res.preamble, res.operative = body.preamble, body.operative
        else:
            res.later_parts.append(ResolutionPart(preamble=body.preamble, operative=body.operative))
        if in_parts:
            title = first_named(own(component, "preface"), "docTitle")
            title_text = strip_end(tidy(reader.spans(title))) if title is not None else ""
            if index == 0:
                res.part_title = title_text
            else:
                res.later_parts[-1].title = title_text
            letter = _part_number(component)
            if letter and letter != body.unit:
                findings.append(
                    Finding(
                        "import.numbering",
                        Severity.INFO,
                        say("part '{letter}' in the file is part {unit} here", letter=letter, unit=body.unit),
                    )
                )
        body.check(findings)
        if body.adopted:
            flow.start(body.adopted_title, labelled=False)  # printed under its title, with no "Annex" line
            flow.feed(body.adopted)
    for annex_doc in annex_docs(root, doc):
        flow.fresh, flow.adopted = True, annex_doc.get("name") == ADOPTED_DOC
        flow.feed(annex_items(annex_doc))
    flow.flush()
    res.annexes = [a for a in flow.annexes if a.paragraphs or a.title]
    findings += _reader_findings(reader)
    if local_name(doc) == "amendment":
        res.instructions = instructions(doc, reader, name)
    if not res.instructions and not any(part.preamble or part.operative for part in res.parts()):
        raise InputError(
            say(
                "{name} is Akoma Ntoso but has no preamble or operative paragraphs",
                name=name or say("the file"),
            )
        )

    if not draft:
        what = meta["symbol"] or say("an adopted resolution")
        adopted = (
            say(", adopted on {date}", date=Phrase(date_words, (meta["adoption_date"],)))
            if meta["adoption_date"]
            else ""
        )
        findings.insert(
            0,
            Finding(
                "import.source",
                Severity.INFO,
                say(
                    "opened {what}{adopted} as a draft to rework: it has no symbol or date yet",
                    what=what,
                    adopted=adopted,
                ),
                field="header",
            ),
        )
    return AknImportResult(resolution=res, findings=findings, metadata=meta, adoption=adoption_of(meta))


def _header(doc: etree._Element, meta: dict[str, Any], tpl: Template | None, draft: bool) -> Header:
    """The draft's header: an adopted resolution's keeps no symbol or date (it is a draft to rework); a draft's
    own cover page gives them."""
    header = Header(template=tpl.id if tpl else "ga-plenary", kind=DocumentKind.DRAFT_RESOLUTION, date=None)
    if tpl and tpl.uses_year:
        when = meta["adoption_date"] or meta["issue_date"] or meta["work_date"]
        header.year = when.year if when else None
    else:
        header.session = meta["session"]
    header.agenda_items = [AgendaItem(**item) for item in meta["agenda_items"]]
    header.original_language = meta["original_language"] or header.original_language
    header.language = meta["language"] or header.language
    header.sponsors = list(meta["sponsors"])
    if get_language(header.language).code != "en":  # the workflow names them in English: as the draft printed
        header.sponsors = sort_sponsors(
            [in_language(n, header.language) for n in header.sponsors], header.language
        )
    if draft:
        read_draft_header(doc, meta, header)
    return header


def _reader_findings(reader: Reader) -> list[Finding]:
    """What the body reader set aside or renumbered: elements read as text, images, nested notes, references to
    missing notes, notes numbered otherwise."""
    out: list[Finding] = []
    if reader.flattened:
        out.append(
            Finding(
                "import.unplaced",
                Severity.WARNING,
                say(
                    "{count} element(s) beside a paragraph's text ({names}) were read as its text, in place",
                    count=len(reader.flattened),
                    names=", ".join(f"<{n}>" for n in dict.fromkeys(reader.flattened[:20])),
                ),
            )
        )
    if reader.images:
        out.append(
            Finding(
                "import.unplaced",
                Severity.WARNING,
                say(
                    "{count} image(s) in the text were left out: a draft holds text only", count=reader.images
                ),
            )
        )
    if reader.nested_notes:
        out.append(
            Finding(
                "import.footnotes",
                Severity.WARNING,
                say(
                    "{nested_notes} note(s) inside another note were read into it, in parentheses",
                    nested_notes=reader.nested_notes,
                ),
            )
        )
    if reader.dangling_refs:
        missing = ", ".join(f"“#{t[:30]}”" for t in dict.fromkeys(reader.dangling_refs[:5]))
        out.append(
            Finding(
                "import.footnotes",
                Severity.WARNING,
                say(
                    "{count} note reference(s) name a note the file does not have ({missing}): each keeps its "
                    "marker as its text",
                    count=len(reader.dangling_refs),
                    missing=missing,
                ),
            )
        )
    numbered = [marker for marker, _ in reader.note_markers if marker.isdigit()]
    for number, marker in enumerate(numbered, start=1):
        if marker != str(number):
            out.append(
                Finding(
                    "import.footnotes",
                    Severity.INFO,
                    say(
                        "footnote marked '{marker}' in the file is footnote {number} here",
                        marker=marker,
                        number=number,
                    ),
                )
            )
            break
    return out
