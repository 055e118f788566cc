"""What an Akoma Ntoso file (AKN4UN) says about its resolution: symbol, dates, session, agenda items, organ,
sponsors, vote (`read_akn_metadata`), the organ template it was written for, and the adoption an adopted
resolution records. The body is read by `app.io.akn_reader`."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from lxml import etree

from app.digits import to_int
from app.errors import InputError
from app.formatting import parse_date
from app.io.akn_tree import (
    DOC_TYPES,
    all_named,
    children,
    collection_parts,
    first_named,
    iso_date,
    local_name,
    own,
    own_elements,
    text_of,
)
from app.io.imported import Adoption
from app.io.safe_xml import parse_xml
from app.languages import english_organ_line, language_for_akn, stored_value
from app.messages import say
from app.states import official_name, split_sponsor_names
from app.templates import Template, all_templates


def akn_document(root: etree._Element, name: str) -> etree._Element:
    if local_name(root) != "akomaNtoso":
        raise InputError(
            say(
                "{name} is XML but not Akoma Ntoso (root element <{root}>)",
                name=name or say("the file"),
                root=local_name(root),
            )
        )
    for child in children(root):
        if local_name(child) in DOC_TYPES:
            return child
        if local_name(child) == "documentCollection":  # resolutions A, B ... under one number: read in parts
            return child
    raise InputError(
        say("{name} is Akoma Ntoso but holds no document the reader knows", name=name or say("the file"))
    )


def metadata_of(doc: etree._Element, first: etree._Element) -> dict[str, Any]:
    """What `doc` says about itself; the enacting formula and conclusions of a collection are in its `first`
    component."""
    meta = own(doc, "meta")
    cover = own(doc, "coverPage")
    preface = own(doc, "preface")
    conclusions = own(doc, "conclusions")
    if conclusions is None:
        conclusions = own(first, "conclusions")
    symbol = next(
        (text_of(n) for n in all_named(cover, "docNumber") if n.get("refersTo", "#symbol") == "#symbol"), ""
    )
    session = first_named(cover, "session")
    out: dict[str, Any] = {
        "symbol": symbol,
        "number": text_of(first_named(preface, "docNumber")).rstrip(".").strip(),
        "title": text_of(first_named(preface, "docTitle")),
        "issue_date": _first_date(all_named(cover, "docDate")),
        "adoption_date": _adoption_date(meta, cover, conclusions),
        "work_date": next(
            (iso_date(d.get("date")) for d in all_named(first_named(meta, "FRBRWork"), "FRBRdate")), None
        ),
        "meeting": text_of(first_named(conclusions, "location")),
        "session": to_int(session.get("value", "") if session is not None else "", max_digits=4),
        "agenda_items": _agenda_items(cover),
        "organ_line": text_of(first_named(own(first, "preamble"), "formula")).rstrip(",").strip(),
    }
    out |= _languages(meta, cover) | _organ(cover) | _workflow(meta)
    voting = first_named(meta, "voting")
    out["vote"] = voting.get("outcome", "") if voting is not None else ""
    out["job_number"] = text_of(first_named(meta, "docketNumber"))
    return out


def _first_date(dates: list[etree._Element]) -> dt.date | None:
    """The first of `docDate`s that gives a date, in its `date` attribute or in words."""
    return next((day for d in dates if (day := iso_date(d.get("date")) or parse_date(text_of(d)))), None)


def _adoption_date(
    meta: etree._Element | None, cover: etree._Element | None, conclusions: etree._Element | None
) -> dt.date | None:
    """Where the UN records the adoption: the conclusions' date, the work's "adoption" date, the workflow's
    "adopted" step, or a cover title in words ("Resolution adopted by the General Assembly on 5 December 2025")."""
    adoption = _first_date(all_named(conclusions, "docDate"))
    if adoption is None:
        for frbr in all_named(first_named(meta, "FRBRWork"), "FRBRdate"):
            if frbr.get("name") == "adoption":
                adoption = iso_date(frbr.get("date"))
    if adoption is None:
        for step in all_named(first_named(meta, "workflow"), "step"):
            if step.get("outcome") == "adopted":
                adoption = iso_date(step.get("date"))
    if adoption is None:
        adoption = next((day for t in all_named(cover, "docTitle") if (day := parse_date(text_of(t)))), None)
    return adoption


# "71 (b)"; French and Spanish files print "71 b)", within the words of their language ("Point 72 c) de l’ordre
# du jour", "Tema 72 c) del programa") when the element carries no title
_ITEM_ALONE = re.compile(r"\s*(\d+[A-Za-z]?)\s*(?:\(([a-z]{1,3})\)|([a-z]{1,3})\))?\s*$")
_ITEM_IN_WORDS = re.compile(r"(?<!\S)(\d+[A-Za-z]?)(?:\s*\(([a-z]{1,3})\)|\s+([a-z]{1,3})\))?(?!\S)")


def _agenda_items(cover: etree._Element | None) -> list[dict[str, str]]:
    """The cover page's agenda items, each {number, sub_item, title}."""
    items: list[dict[str, str]] = []
    for el in all_named(cover, "inline"):
        kind = (el.get("name") or "").lower()
        if kind == "agenda item":
            label = el.get("title") or re.sub(r"(?i)^agenda items?\s*", "", text_of(el))
            m = _ITEM_ALONE.match(label) or _ITEM_IN_WORDS.search(label)
            number, sub = (m.group(1), m.group(2) or m.group(3) or "") if m else (label.strip(), "")
            items.append({"number": number, "sub_item": sub, "title": ""})
        elif kind == "agenda item name" and items and not items[-1]["title"]:
            items[-1]["title"] = text_of(el)
    return items


def _languages(meta: etree._Element | None, cover: etree._Element | None) -> dict[str, str]:
    """The language the draft was first written in, and the one this file is written in."""
    language = next(
        (text_of(el) for el in all_named(cover, "inline") if el.get("name") == "originalLanguage"), ""
    )
    expression = first_named(first_named(meta, "identification"), "FRBRExpression")
    written = first_named(expression, "FRBRlanguage")
    return {
        "original_language": stored_value(re.sub(r"(?i)^original\s?:\s*", "", language)),
        "language": language_for_akn(written.get("language", "")) if written is not None else "",
    }


def _organ(cover: etree._Element | None) -> dict[str, str]:
    """The issuing organ, and the body that proposed the text (a Main Committee's report)."""
    authority = ""
    for el in all_named(cover, "docAuthority"):
        if el.get("refersTo") == "#issuingBody" or not authority:
            authority = text_of(el)
    proponent = first_named(cover, "docProponent")
    return {
        "organ": authority,
        "proponent": text_of(proponent),
        "proponent_ref": (proponent.get("refersTo", "") if proponent is not None else "").lstrip("#"),
    }


def _workflow(meta: etree._Element | None) -> dict[str, Any]:
    """The draft's symbol and sponsors, and the States that joined them later, as the workflow records them."""
    out: dict[str, Any] = {"draft_symbol": "", "sponsors": [], "additional_sponsors": []}
    for step in all_named(first_named(meta, "workflow"), "step"):
        outcome = step.get("outcome", "")
        if outcome in ("draftResolution", "amendment") and not out["draft_symbol"]:
            out["draft_symbol"] = step.get("as", "")
            out["sponsors"] = _step_sponsors(step.get("by", ""))
        elif outcome == "draftResolutionAdditionalSponsors":
            out["additional_sponsors"] += _step_sponsors(step.get("by", ""))
    return out


_ON_BEHALF = re.compile(r"(?<!\s)\s*\(on behalf of [^)]*\)?", re.I)


def _step_sponsors(by: str) -> list[str]:
    """The States named in a workflow step's `by`, which is a list of sponsors or prose ("submitted by the
    Special Committee ...", "the representative of Bangladesh, on behalf of the Bureau"): prose names none."""
    names = split_sponsor_names(_ON_BEHALF.sub("", by))
    return names if all(official_name(n) for n in names) else []


def template_for(meta: dict[str, Any]) -> Template | None:
    """The organ template: by enacting formula, then committee named in the cover page, then organ."""
    templates = list(all_templates().values())
    line = meta.get("organ_line", "")
    line = (english_organ_line(line) or line).lower()  # a French or Spanish draft's "L’Assemblée générale"
    candidates = [t for t in templates if t.organ_line.lower() == line] if line else []
    if not candidates:
        organ = meta.get("organ", "").lower()
        candidates = [t for t in templates if organ and organ in (t.organ.lower(), t.committee.lower())]
    if not candidates:
        return None
    proponent = (meta.get("proponent", "") + " " + meta.get("proponent_ref", "")).lower().replace(" ", "")
    for tpl in candidates:
        if tpl.committee and tpl.committee.lower().replace(" ", "") in proponent:
            return tpl
    plain = [t for t in candidates if not t.committee or t.committee.lower() in meta.get("organ", "").lower()]
    return (plain or candidates)[0]


def read_akn_metadata(data: bytes, *, name: str = "") -> dict[str, Any]:
    """What the file says about the resolution: symbol ("A/RES/79/174"), number, title, issue_date and
    adoption_date and work_date (datetime.date or None), meeting, session, agenda_items [{number, sub_item,
    title}], original_language, organ, organ_line, proponent, draft_symbol, sponsors, additional_sponsors, vote,
    job_number, template."""
    own_elements.cache_clear()
    root = parse_xml(data, name=name)
    doc = akn_document(root, name)
    components = collection_parts(root) if local_name(doc) == "documentCollection" else [doc]
    meta = metadata_of(doc, components[0] if components else doc)
    tpl = template_for(meta)
    meta["template"] = tpl.id if tpl else ""
    return meta


def adoption_of(meta: dict[str, Any]) -> Adoption | None:
    """An adopted resolution's symbol, adoption date and template, as its metadata records them."""
    symbol = meta.get("symbol") or ""
    if "/RES/" not in symbol and not meta.get("adoption_date"):
        return None
    return Adoption(symbol, meta.get("adoption_date"), meta.get("template") or "")
