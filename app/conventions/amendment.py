"""An amendment's own checks: it has instructions, each names a paragraph in the set way and carries the
text it needs; the paragraphs and words it quotes are checked as draft text (openers, style, spelling).

Whether a named paragraph exists depends on the draft amended: `base_findings` tries the instructions on it.
"""

from __future__ import annotations

import copy
from collections.abc import Callable

from app.amendments import check_fits
from app.conventions.base import add, finding
from app.errors import InputError
from app.findings import Finding, Severity
from app.formatting import subparagraph_label
from app.messages import Message, Phrase, reason, say
from app.model import Action, Annex, DocumentKind, Instruction, Resolution
from app.wording.places import place_name
from app.wording.units import is_annex_unit, is_text_edit, is_title, is_whole_unit

# rules the check of quoted text leaves out: they concern a whole draft, not a quoted paragraph
_WHOLE_DRAFT = (
    "repetition.",
    "structure.operative-missing",
    "structure.decision-preamble",
    "sponsors.",
    "header.",
)


def _label_ok(sub: str) -> bool:
    for depth, label in enumerate(sub.split(), start=1):
        if label != "(0)" and not any(subparagraph_label(depth, i) == label for i in range(1, 200)):
            return False
    return True


def _instruction_findings(ins: Instruction) -> list[Finding]:
    out: list[Finding] = []
    if ins.cell is not None or ins.body is not None:  # a table's row or cell, a part or an annex added
        return out
    where = Phrase(place_name, (ins.part, max(ins.number, 1), ins.sub, ins.unit))
    lowest = 0 if (ins.action is Action.INSERT and not ins.sub) or is_whole_unit(ins) else 1
    if ins.number < lowest or not _label_ok(ins.sub):
        add(
            out,
            finding(
                "amendment.place",
                Severity.ERROR,
                say("The instruction names no paragraph ({where}).", where=where),
                paragraph_id=ins.id,
            ),
        )
    missing: Message | None = None
    if is_text_edit(ins):
        if ins.action in (Action.REPLACE, Action.DELETE) and not ins.old.strip():
            missing = say("the words it changes")
        elif ins.action in (Action.INSERT, Action.REPLACE) and not ins.new.strip():
            missing = say("the words it inserts")
        elif ins.action is Action.INSERT and not (ins.after or ins.old):
            missing = say("the words the insertion follows")
    elif ins.action is not Action.DELETE and (
        ins.paragraph is None or not any(p.opener.strip() or p.text.strip() for p in ins.paragraph.walk())
    ):
        missing = say("the text of the paragraph")
    if missing:
        add(
            out,
            finding(
                "amendment.quoted-text",
                Severity.ERROR,
                say("The instruction on {where} lacks {missing}.", where=where, missing=missing),
                paragraph_id=ins.id,
            ),
        )
    return out


def check(res: Resolution, check_draft: Callable[[Resolution], list[Finding]]) -> list[Finding]:
    """Findings on the instructions, then on the text they quote (checked by `check_draft` as a draft)."""
    out: list[Finding] = []
    if not res.instructions:
        add(
            out,
            finding(
                "amendment.instructions",
                Severity.ERROR,
                say("An amendment gives at least one instruction to the draft it amends."),
            ),
        )
    quoted = Resolution(header=copy.copy(res.header), footnotes=res.footnotes)
    quoted.header.kind = DocumentKind.DRAFT_RESOLUTION
    for ins in res.instructions:
        out += _instruction_findings(ins)
        if isinstance(ins.body, Annex):  # an annex added: its paragraphs checked as an annex's
            if not quoted.annexes:
                quoted.annexes.append(Annex())
            quoted.annexes[0].paragraphs += ins.body.paragraphs
        elif ins.body is not None:  # a part added: its preamble and operative part as the draft's
            quoted.preamble += ins.body.preamble
            quoted.operative += ins.body.operative
        if ins.paragraph is not None and not ins.sub and not is_title(ins.unit):
            # an annex's paragraph is checked as one (no opener, punctuation as written)
            if is_annex_unit(ins.unit):
                if not quoted.annexes:
                    quoted.annexes.append(Annex())
                quoted.annexes[0].paragraphs.append(ins.paragraph)
            else:
                quoted.part(ins.part).append(ins.paragraph)
    if quoted.preamble or quoted.operative or quoted.annexes:
        out += [f for f in check_draft(quoted) if f.paragraph_id and not f.rule.startswith(_WHOLE_DRAFT)]
    return out


def base_findings(res: Resolution, base: Resolution) -> list[Finding]:
    """An instruction that names a paragraph or words the amended draft does not have."""
    out: list[Finding] = []
    for ins in res.instructions:
        try:
            check_fits(ins, base)
        except InputError as exc:
            add(
                out,
                finding(
                    "amendment.place", Severity.ERROR, say("{exc}.", exc=reason(exc)), paragraph_id=ins.id
                ),
            )
    return out
