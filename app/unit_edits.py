"""Commands on the parts and annexes of a resolution: add a part or an annex, retitle, remove one.

Each is one undo step in the document's history, like the paragraph commands of `app.edits`.
"""

from __future__ import annotations

from app.edits import Document, EditError, _record, _structure
from app.history import Change
from app.messages import say
from app.model import Annex, Paragraph, ResolutionPart


def add_part(doc: Document) -> Change:
    """A new part at the end, with an empty operative paragraph; the first one added makes the resolution
    one in parts (its own preamble and operative part become part A)."""
    res = doc.resolution
    first = Paragraph()
    body = ResolutionPart(operative=[first])
    label = say("Add part")
    return _record(
        doc,
        label,
        lambda: res.later_parts.append(body),
        lambda: res.later_parts.remove(body),
        _structure(label, first.id, first.id),
    )


def add_annex(doc: Document) -> Change:
    """A new annex at the end, with an empty numbered paragraph."""
    res = doc.resolution
    first = Paragraph()
    annex = Annex(paragraphs=[first])
    label = say("Add annex")
    return _record(
        doc,
        label,
        lambda: res.annexes.append(annex),
        lambda: res.annexes.remove(annex),
        _structure(label, first.id, first.id),
    )


def _owner(doc: Document, unit: str) -> tuple[object, str]:
    """The object holding a part's or annex's title and the attribute name ("" is part A)."""
    res = doc.resolution
    if not unit:
        return res, "part_title"
    for owner in [*res.later_parts, *res.annexes]:
        if owner.id == unit:
            return owner, "title"
    raise EditError(say("no part or annex {unit}", unit=repr(unit)))


def set_unit_title(doc: Document, *, unit: str, value: str) -> Change:
    """The title of part A (`unit` ""), of a later part or of an annex; typing merges into one step."""
    owner, attr = _owner(doc, unit)
    old = getattr(owner, attr)
    if old == value:
        return Change(revision=doc.revision)
    return _record(
        doc,
        say("Typing"),
        lambda: setattr(owner, attr, value),
        lambda: setattr(owner, attr, old),
        Change(label=say("Typing"), structure=True),
        merge_key=("unit title", unit),
    )


def remove_unit(doc: Document, *, unit: str) -> Change:
    """Remove a later part or an annex with its paragraphs (undo puts it back)."""
    res = doc.resolution
    for items in (res.later_parts, res.annexes):
        for at, owner in enumerate(items):
            if owner.id == unit:
                label = say("Remove part") if items is res.later_parts else say("Remove annex")
                return _record(
                    doc,
                    label,
                    lambda o=owner, i=items: i.remove(o),
                    lambda o=owner, i=items, a=at: i.insert(a, o),
                    _structure(label, ""),
                )
    raise EditError(say("no part or annex {unit}", unit=repr(unit)))


def toggle_numbered(doc: Document, *, paragraph_id: str) -> Change:
    """Number a paragraph or leave it unnumbered: an annex's chapeau before paragraph 1, or a section's own
    preambular paragraph in the operative part (Fifth Committee resolutions). Preambular paragraphs and
    subparagraphs have no numbers to give up."""
    res = doc.resolution
    located = res.locate(paragraph_id)
    annexed = located is not None and any(located[1] is a.paragraphs for a in res.annexes)
    operative = located is not None and any(located[1] is body.operative for body in res.parts())
    if located is None or not (annexed or operative):
        raise EditError(
            say(
                "only a paragraph of the operative part or of an annex (not a subparagraph) can go unnumbered"
            )
        )
    para = located[1][located[2]]
    label = say("Unnumber paragraph") if para.numbered else say("Number paragraph")
    return _record(
        doc,
        label,
        lambda: setattr(para, "numbered", not para.numbered),
        lambda: setattr(para, "numbered", not para.numbered),
        _structure(label, paragraph_id, paragraph_id),
    )
