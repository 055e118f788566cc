"""Structure: numbers and labels are derived, never typed; no empty paragraphs; an operative part exists;
terminal punctuation is derived (un-conventions.md 1.1, 2.1, 3.1; rules 2, 4)."""

from __future__ import annotations

import re

from app.conventions.base import DocumentContext, Node, add, finding
from app.findings import Finding, Fix, Severity
from app.inline import plain_text
from app.messages import say
from app.model import DocumentKind, Part, Resolution
from app.punctuation import absorb_terminal

# "PP3", "OP 5:", "PP12 bis", "Para. 4"
_WORKING_LABEL = re.compile(
    r"^\s*(?:PP|OP|pp|op|Pp|Op|Para\.?|para\.?)\s*\d{1,3}(?:\s*(?:bis|ter|quater))?\s*[.:)\-–]?\s*"
)
# "1.", "12)", "(3)", "5 bis."
_TYPED_NUMBER = re.compile(r"^\s*(?:\d{1,3}(?:\s*(?:bis|ter|quater))?\s*[.)]|\(\d{1,3}\))\s+(?=\S)")


def _first_field(node: Node) -> str:
    return "opener" if node.para.opener.strip() else "text"


def check(node: Node, ctx: DocumentContext) -> list[Finding]:
    out: list[Finding] = []
    para = node.para
    if not (para.opener.strip() or para.text.strip() or para.subparagraphs or para.tail.strip()):
        if node.depth:
            empty = say("This subparagraph is empty: write it or delete it.")
        elif node.part is Part.PREAMBLE:
            empty = say("This preambular paragraph is empty: write it or delete it.")
        else:
            empty = say("This operative paragraph is empty: write it or delete it.")
        add(
            out,
            finding(
                "structure.empty-paragraph",
                Severity.WARNING,
                empty,
                paragraph_id=para.id,
            ),
        )
        return out
    if node.depth == 0:
        name = _first_field(node)
        markup = getattr(para, name)
        label = _WORKING_LABEL.match(markup)
        number = _TYPED_NUMBER.match(markup)
        if label:
            span = (label.start(), label.end())
            add(
                out,
                finding(
                    "structure.working-label",
                    Severity.ERROR,
                    say(
                        "'{label}' is a negotiation label; issued drafts carry none.",
                        label=markup[span[0] : span[1]].strip(),
                    ),
                    paragraph_id=para.id,
                    field=name,
                    span=span,
                    fix=Fix(say("Remove the label"), name, span, ""),
                ),
            )
        elif number:
            span = (number.start(), number.end())
            if node.part is Part.PREAMBLE:
                rule, msg = "structure.preamble-numbering", say("Preambular paragraphs are not numbered.")
            else:
                rule, msg = (
                    "structure.operative-numbering",
                    say(
                        "Operative paragraphs are numbered when the document is printed; the typed number "
                        "would appear twice."
                    ),
                )
            add(
                out,
                finding(
                    rule,
                    Severity.ERROR,
                    msg,
                    paragraph_id=para.id,
                    field=name,
                    span=span,
                    fix=Fix(say("Remove the typed number"), name, span, ""),
                ),
            )
    out += _typed_terminal(node)
    out += _brackets(node)
    return out


def _typed_terminal(node: Node) -> list[Finding]:
    """Terminal punctuation is derived (",", ";", "." or ":"); a typed mark is dropped on output."""
    out: list[Finding] = []
    para = node.para
    for name in ("text", "tail"):
        markup = getattr(para, name)
        if not markup.strip():
            continue
        kept = absorb_terminal(markup, keep_colon=name == "tail" or not para.subparagraphs)
        typed = markup.rstrip()
        if len(kept) < len(typed) and typed[len(kept) :].strip():
            mark = typed[len(kept) :].strip()
            span = (len(kept), len(markup))
            add(
                out,
                finding(
                    "punctuation.typed-terminal",
                    Severity.INFO,
                    say(
                        "The final '{mark}' is set by the paragraph's place when printed; the typed one is dropped.",
                        mark=mark,
                    ),
                    paragraph_id=para.id,
                    field=name,
                    span=span,
                    fix=Fix(say("Remove '{mark}'", mark=mark), name, span, ""),
                ),
            )
    return out


def _brackets(node: Node) -> list[Finding]:
    out: list[Finding] = []
    for name in ("opener", "text", "tail"):
        ft = plain_text(getattr(node.para, name))
        m = re.search(r"\[[^\]]*\]?", ft.text)
        if m:
            add(
                out,
                finding(
                    "structure.brackets",
                    Severity.INFO,
                    say("Square brackets mark text still under negotiation; an issued draft has none."),
                    paragraph_id=node.para.id,
                    field=name,
                    span=ft.span(m.start(), m.end()),
                ),
            )
    return out


def check_document(res: Resolution, ctx: DocumentContext) -> list[Finding]:
    out: list[Finding] = []
    kind = res.header.kind
    if kind in (DocumentKind.DRAFT_RESOLUTION, DocumentKind.REVISED_DRAFT_RESOLUTION) and not res.operative:
        add(
            out,
            finding(
                "structure.operative-missing",
                Severity.ERROR,
                say("A draft resolution needs at least one operative paragraph."),
            ),
        )
    if kind is DocumentKind.DRAFT_DECISION and res.preamble:
        add(
            out,
            finding(
                "structure.decision-preamble",
                Severity.INFO,
                say(
                    "Draft decisions usually have no preamble: one sentence, 'The General Assembly decides …'."
                ),
            ),
        )
    return out
