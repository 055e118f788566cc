"""Subparagraphs (a) → (i) → a. → i. (un-conventions.md 3.3; rule 8): labels are derived, items start with a
capital, "; and" before the last item only where the organ allows it."""

from __future__ import annotations

import re

from app.conventions.base import DocumentContext, Node, add, finding
from app.findings import Finding, Fix, Severity
from app.inline import plain_text
from app.messages import say

# "(a)", "(iv)", "a)", "b.", "ii.", "-", "•"
_TYPED_LABEL = re.compile(
    r"^\s*(?:\((?:[a-z]{1,2}|[ivxl]{1,5})\)|(?:[a-z]{1,2}|[ivxl]{1,5})[.)]|[-•–·▪])\s+(?=\S)"
)
_AND_END = re.compile(r"(?:[;,]\s*|(?<!\s)\s+)and\s*$")  # spaces from a run's first only: linear


def check(node: Node, ctx: DocumentContext) -> list[Finding]:
    out: list[Finding] = []
    para = node.para
    if len(para.subparagraphs) == 1:
        add(
            out,
            finding(
                "subparagraphs.single",
                Severity.WARNING,
                say(
                    "A single subparagraph: a list needs at least (a) and (b); otherwise make it running text."
                ),
                paragraph_id=para.id,
            ),
        )
    if node.depth == 0:
        return out
    if node.depth > 4 and node.index == 0:
        add(
            out,
            finding(
                "subparagraphs.depth",
                Severity.WARNING,
                say("Subparagraphs go four levels deep at most: (a), (i), a., i."),
                paragraph_id=para.id,
            ),
        )
    name = "opener" if para.opener.strip() else "text"
    markup = getattr(para, name)
    label = _TYPED_LABEL.match(markup)
    if label:
        span = (label.start(), label.end())
        add(
            out,
            finding(
                "subparagraphs.typed-label",
                Severity.ERROR,
                say(
                    "'{label}' is typed; subparagraph labels are set when the document is printed.",
                    label=markup[span[0] : span[1]].strip(),
                ),
                paragraph_id=para.id,
                field=name,
                span=span,
                fix=Fix(say("Remove the typed label"), name, span, ""),
            ),
        )
    else:
        ft = plain_text(markup)
        m = re.search(r"[^\W\d_]", ft.text)
        if m and m.group(0).islower() and not ft.text[: m.start()].strip("“”‘’\"'( "):
            span = ft.span(m.start(), m.end())
            add(
                out,
                finding(
                    "subparagraphs.capital",
                    Severity.ERROR,
                    say("A subparagraph begins with a capital letter."),
                    paragraph_id=para.id,
                    field=name,
                    span=span,
                    fix=Fix(say("Write '{good}'", good=m.group(0).upper()), name, span, m.group(0).upper()),
                ),
            )
    if not ctx.template.and_before_last_subparagraph and not node.is_last_sibling:
        last_field = "tail" if para.tail.strip() else "text"
        markup = getattr(para, last_field)
        if not para.subparagraphs or last_field == "tail":
            m = _AND_END.search(markup)
            if m:
                span = (m.start(), len(markup))
                add(
                    out,
                    finding(
                        "subparagraphs.and",
                        Severity.WARNING,
                        say(
                            "{name} texts do not add 'and' before the last subparagraph; each item ends with a "
                            "semicolon.",
                            name=ctx.template.named(),
                        ),
                        paragraph_id=para.id,
                        field=last_field,
                        span=span,
                        fix=Fix(say("Remove 'and'"), last_field, span, ""),
                    ),
                )
    return out
