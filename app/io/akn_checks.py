"""The UN XML reader's number checks: the numbers and labels the file prints compared with the ones the model
will derive, each difference an info finding."""

from __future__ import annotations

from lxml import etree

from app.findings import Finding, Severity
from app.io.akn_flat import first_child_text
from app.io.akn_tree import children, local_name
from app.languages import Language, get_language
from app.messages import say
from app.model import Paragraph
from app.place_words import Where


def _check_labels(
    items: list[Paragraph],
    els: list[etree._Element],
    depth: int,
    where: Where,
    findings: list[Finding],
    numbered: bool = True,
    lang: Language | None = None,
) -> None:
    """Compare the numbers the file prints with the ones the model will derive (in the draft's language)."""
    lang = lang or get_language(None)
    number = 0
    for i, (para, el) in enumerate(zip(items, els, strict=False), start=1):
        num = first_child_text(el, "num")
        if depth == 0 and not para.numbered:
            continue  # a section's own preambular paragraph: unnumbered in the file and in print
        number = 1 if depth == 0 and para.restart else number + 1
        if depth == 0 and not numbered:
            expected = ""
        elif depth == 0:
            expected = f"{number}." if len(items) > 1 else ""
        else:
            expected = lang.label(depth, i)
        if num and num.replace(" ", "") != expected.replace(" ", ""):
            findings.append(
                Finding(
                    "import.numbering",
                    Severity.INFO,
                    say(
                        "{where} is numbered '{num}' in the file; it is now '{expected}'",
                        where=where,
                        num=num,
                        expected=expected or say("unnumbered"),
                    ),
                    paragraph_id=para.id,
                )
            )


def _sub_elements(el: etree._Element) -> list[etree._Element]:
    out: list[etree._Element] = []
    for c in children(el):
        if local_name(c) in ("list", "blockList"):
            out += children(c, "point", "item", "paragraph", "subparagraph", "indent")
        elif local_name(c) in ("point", "item", "subparagraph", "paragraph", "indent"):
            out.append(c)
    return out


def check_tree(
    paras: list[Paragraph],
    els: list[etree._Element],
    depth: int,
    where: Where,
    findings: list[Finding],
    numbered: bool = True,
    lang: Language | None = None,
) -> None:
    _check_labels(paras, els, depth, where, findings, numbered, lang)
    for para, el in zip(paras, els, strict=False):
        subs = _sub_elements(el)
        if subs:
            check_tree(
                para.subparagraphs,
                subs,
                depth + 1,
                say("a subparagraph list in {where}", where=where),
                findings,
                lang=lang,
            )
