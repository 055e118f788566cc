"""Small builders for the convention tests: a resolution from openers and texts, findings by rule."""

from __future__ import annotations

from app.conventions.engine import check_document
from app.findings import Finding
from app.model import Header, Paragraph, Resolution


def para(opener: str = "", text: str = "", subs: list[Paragraph] | None = None, tail: str = "") -> Paragraph:
    return Paragraph(opener=opener, text=text, subparagraphs=subs or [], tail=tail)


def resolution(
    preamble: list[Paragraph] | None = None,
    operative: list[Paragraph] | None = None,
    *,
    template: str = "ga-c3",
    title: str = "Rights of the child",
    sponsors: list[str] | None = None,
    symbol: str = "",
    session: int | None = 80,
) -> Resolution:
    header = Header(template=template, session=session, symbol=symbol,
                    sponsors=["Andorra", "Argentina"] if sponsors is None else sponsors)  # fmt: skip
    return Resolution(
        header=header,
        title=title,
        preamble=preamble
        if preamble is not None
        else [para("Recalling", "its resolution 78/45 of 4 December 2023")],
        operative=operative
        if operative is not None
        else [para("Requests", "the Secretary-General to report"), para("Decides", "to remain seized")],
    )


def found(res: Resolution, rule: str) -> list[Finding]:
    return [f for f in check_document(res, style=False) if f.rule == rule]


def rules(res: Resolution) -> set[str]:
    return {f.rule for f in check_document(res, style=False)}
