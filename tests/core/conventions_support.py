"""Small builders for the convention tests: a resolution from openers and texts, findings by rule."""

from __future__ import annotations

from pathlib import Path

from app.conventions.engine import check_document
from app.findings import Finding
from app.lexicon import detect_opener
from app.model import Header, Paragraph, Part, Resolution


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
    header = Header(
        template=template,
        session=session,
        symbol=symbol,
        sponsors=["Andorra", "Argentina"] if sponsors is None else sponsors,
    )
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


ISSUED = Path(__file__).resolve().parents[1] / "fixtures" / "issued"


def issued(name: str) -> list[tuple[str, Part, Paragraph]]:
    """(draft symbol, part, paragraph) of an excerpt file in tests/fixtures/issued (see its README): each line
    a paragraph as issued, its opener found by the lexicon of the part the `# SYMBOL part` line names."""
    out: list[tuple[str, Part, Paragraph]] = []
    symbol, part = "", Part.PREAMBLE
    for line in (ISSUED / name).read_text(encoding="utf-8").splitlines():
        if line.startswith("#"):
            symbol, where = line[1:].split()
            part = Part(where)
        elif line.strip():
            opener = detect_opener(line, part)
            out.append((symbol, part, para(opener, line[len(opener) :].lstrip())))
    return out


def issued_resolution(name: str) -> Resolution:
    """The paragraphs of an excerpt file as one resolution, each in its part."""
    found = issued(name)
    pre = [p for _, part, p in found if part is Part.PREAMBLE]
    op = [p for _, part, p in found if part is Part.OPERATIVE]
    return resolution(pre or None, op or None)
