"""The UN XML reader's draft header and instructions: what a draft's cover page says (as Resolute's AKN export
writes it: symbol, date, kind, sponsor note) and an amendment's instructions from its `textualMod`s."""

from __future__ import annotations

import re
from typing import Any

from lxml import etree

from app.digits import to_int
from app.errors import InputError
from app.io.akn_amended_units import NO_UNIT, read_cell, read_unit, split_table
from app.io.akn_annexes import Flow, annex_items
from app.io.akn_body import Body
from app.io.akn_paragraphs import Reader
from app.io.akn_tree import all_named, children, first_named, local_name, own, text_of
from app.io.akn_writer import AKN4UN_NS, DISTRIBUTION_REFS, parse_destination, parse_place_eid, split_unit_eid
from app.io.span_text import strip_end, tidy
from app.languages import known_committees, stored_committee, stored_value
from app.messages import say
from app.model import Action, Annex, DocumentKind, Header, Instruction, Paragraph, Part, ResolutionPart

DRAFT_KINDS = {
    "draftResolution": DocumentKind.DRAFT_RESOLUTION,
    "draftDecision": DocumentKind.DRAFT_DECISION,
    "amendment": DocumentKind.AMENDMENT,
}


def _distribution(status: etree._Element | None) -> str:
    """The neutral distribution of a cover page's `docStatus`: its `refersTo` ("#limitedDistribution"), else its
    words in whatever language printed them ("Distr.: Limited", "Distr. limitée" → "Limited")."""
    if status is None:
        return ""
    by_ref = {ref: value for value, ref in DISTRIBUTION_REFS.items()}.get(status.get("refersTo", ""))
    if by_ref:
        return by_ref
    words = re.sub(r"^\s*Distr\.?\s*:?", "", text_of(status)).strip()
    return stored_value(words) if words else ""


def _committee(doc: etree._Element, proponent: etree._Element | None, template: str) -> str:
    """The committee or commission the cover page's proponent refers to (a `TLCOrganization` of the references,
    by its English name), when it is another than the template's own; "" otherwise."""
    from app.templates import all_templates

    ref = (proponent.get("refersTo", "") if proponent is not None else "").lstrip("#")
    named = next(
        (
            o.get("showAs", "")
            for o in all_named(own(doc, "meta"), "TLCOrganization")
            if ref and o.get("eId") == ref
        ),
        "",
    )
    committee = stored_committee(named)
    own_committee = all_templates()[template].committee if template in all_templates() else ""
    return committee if committee in known_committees() and committee != own_committee else ""


def read_draft_header(doc: etree._Element, meta: dict[str, Any], header: Header) -> None:
    """A draft (as Resolute's AKN export writes one) keeps its symbol, date, distribution, kind and group."""
    from app.formatting import behalf_note
    from app.io.text_header import STAR_BEHALF, sponsor_line

    m = re.fullmatch(r"(?P<base>.+?)/Rev\.(?P<n>\d+)", meta["symbol"])
    header.symbol, header.revision = (
        (m["base"], to_int(m["n"], 0, max_digits=3)) if m else (meta["symbol"], 0)
    )
    header.date = meta["issue_date"]
    cover = first_named(doc, "coverPage")
    header.distribution = _distribution(first_named(cover, "docStatus")) or header.distribution
    header.kind = DRAFT_KINDS[doc.get("name", "")]
    proponent = first_named(cover, "docProponent")
    note = first_named(proponent, "authorialNote")
    if (
        note is not None
    ):  # the sponsor line's "*" note, kept as written unless it is the formula Resolute prints
        text = re.sub(r"\s+", " ", text_of(note)).lstrip("*").strip()
        behalf = STAR_BEHALF.match(text)
        header.on_behalf_of = behalf.group(1).strip() if behalf else ""
        header.sponsor_note = "" if behalf and text == behalf_note(header.on_behalf_of) else text
        note.getparent().remove(note)  # the rest is the sponsor line
    header.committee = _committee(doc, proponent, meta.get("template", "")) or header.committee
    line = sponsor_line(text_of(proponent))
    if header.kind is DocumentKind.AMENDMENT:  # the draft amended: as referenced, else as the line names it
        amended = next((r.get("showAs", "") for r in all_named(own(doc, "references"), "activeRef")), "")
        header.amends = amended or (line.group("amends") or "" if line else "")
    if line and line.group("rest") and not line.group("names").strip():  # "Draft resolution submitted by …"
        header.submitted_by = line.group("rest").strip()[len("submitted by") :].strip()
    if header.kind is DocumentKind.DRAFT_RESOLUTION and text_of(proponent).endswith(
        "revised draft resolution"
    ):
        header.kind = DocumentKind.REVISED_DRAFT_RESOLUTION


_MOD_ACTIONS = {"repeal": Action.DELETE, "insertion": Action.INSERT, "substitution": Action.REPLACE}


def instructions(doc: etree._Element, reader: Reader, name: str) -> list[Instruction]:
    """An amendment's instructions, from the `textualMod`s of its `meta/analysis` as
    `app.io.akn_writer` writes them: the type is the action, the destination's eId names the paragraph of the
    draft amended, `old` and `new` link to the quoted words (`quotedText`) or paragraph (`quotedStructure`)
    in the body, `akn4un:after` to the words the change goes after. The printed wording is not re-read."""
    by_eid = {el.get("eId"): el for el in doc.iter() if isinstance(el.tag, str) and el.get("eId")}
    what = name or "the file"
    out: list[Instruction] = []
    for index, mod in enumerate(
        all_named(first_named(own(doc, "meta"), "activeModifications"), "textualMod"), 1
    ):
        where = say("instruction {number}", number=index)
        action = _MOD_ACTIONS.get(mod.get("type", ""))
        destination = next(iter(children(mod, "destination")), None)
        place = (destination.get("href", "") if destination is not None else "").rpartition("#")[2]
        try:
            pos = destination.get("pos", "") if destination is not None else ""
            beyond = _beyond(mod, action, place, pos, by_eid, reader)
            if beyond is not None and beyond.body is not None:  # a part or an annex added: complete
                out.append(beyond)
                continue
            whole, rest = split_unit_eid(place + "__")
            if beyond is None and action is Action.DELETE and whole and not rest:  # "part_b": deleted whole
                out.append(Instruction(action, Part.OPERATIVE, 0, unit=whole))
                continue
            unit, inner = split_unit_eid(place)
            if beyond is None:
                part, number, sub = parse_destination(inner, pos if action is Action.INSERT else "")
        except ValueError:
            raise InputError(
                say(
                    "{what}: {where} names no paragraph of a draft (“{place}”)",
                    what=what,
                    where=where,
                    place=place[:60],
                )
            ) from None
        if action is None:
            raise InputError(
                say(
                    "{what}: {where} is a modification of type “{kind}”",
                    what=what,
                    where=where,
                    kind=mod.get("type", "")[:30],
                )
            )
        ins = beyond if beyond is not None else Instruction(action, part, number, sub, unit=unit)
        links = [(local_name(k), k.get("href", "")) for k in children(mod, "old", "new")]
        # the words the change goes after or (an insertion) before; an `old` of an insertion is read as
        # "before" too, as files written before `akn4un:before` have it
        links += [
            ("after", mod.get(f"{{{AKN4UN_NS}}}after", "")),
            ("old", mod.get(f"{{{AKN4UN_NS}}}before", "")),
        ]
        for field_name, href in links:
            target = by_eid.get(href.lstrip("#")) if href else None
            if target is None:
                continue
            if local_name(target) == "quotedStructure":
                if ins.cell is not None:  # a row's cells, read with the row
                    continue
                quoted = next(iter(children(target)), None)
                if quoted is not None:
                    ins.paragraph = _quoted_paragraph(reader, quoted, say("{where}, quoted", where=where))
            else:
                setattr(ins, field_name, reader.markup(target))
        out.append(ins)
    return out


def _structure(mod: etree._Element, by_eid: dict[str, Any]) -> etree._Element | None:
    """The `quotedStructure` a `textualMod`'s `new` links to, if any."""
    for link in children(mod, "new"):
        target = by_eid.get(link.get("href", "").lstrip("#"))
        if target is not None and local_name(target) == "quotedStructure":
            return target
    return None


def _beyond(
    mod: etree._Element, action: Action | None, place: str, pos: str, by_eid: dict[str, Any], reader: Reader
) -> Instruction | None:
    """A part or an annex added, or a change in a table, as `app.io.akn_amended_units` marks them; None for
    any other instruction. ValueError for a place that names neither."""
    structure = _structure(mod, by_eid)
    body = (
        read_unit(structure, lambda doc: _annex(doc, reader), lambda doc: _part(doc, reader))
        if structure is not None and action is Action.INSERT
        else None
    )
    if body is not None:
        ins = Instruction(Action.INSERT, Part.OPERATIVE, 0, body=body)
        if place != NO_UNIT:
            label, rest = split_unit_eid(place + "__")
            if not label or rest:
                raise ValueError(place)
            ins.after, ins.old = (label, "") if pos == "after" else ("", label)
        return ins
    unit, inner = split_unit_eid(place)
    table = split_table(inner)
    if table is None or action is None:
        return None
    part, number, _ = parse_place_eid(table[0])
    cell = read_cell(mod, table[1], structure, reader.markup)
    return Instruction(action, part, number, unit=unit, cell=cell)


def _annex(doc: etree._Element, reader: Reader) -> Annex:
    flow = Flow(reader)
    flow.fresh = True
    flow.feed(annex_items(doc))
    flow.flush()
    return flow.annexes[0] if flow.annexes else Annex()


def _part(doc: etree._Element, reader: Reader) -> ResolutionPart:
    body = Body(reader, doc, "")
    title = first_named(own(doc, "preface"), "docTitle")
    text = strip_end(tidy(reader.spans(title))) if title is not None else ""
    return ResolutionPart(title=text, preamble=body.preamble, operative=body.operative)


def _quoted_paragraph(reader: Reader, el: etree._Element, where: str) -> Paragraph:
    """The paragraph an instruction quotes, with the heading it opens with and how it is numbered (as
    `app.io.akn_writer` marks them: `heading`/`subheading`, `class` "unnumbered", "restart")."""
    lines: list[str] = []
    para = reader.paragraph(el, where, (el.get("name") or "").strip(), headings=lines)
    para.heading = "\n".join(lines)
    classes = (el.get("class") or "").split()
    para.numbered, para.restart = "unnumbered" not in classes, "restart" in classes
    return para
