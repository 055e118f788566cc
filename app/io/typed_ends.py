"""Typed end punctuation, settled once for every reader, and reported where the file had it wrong.

Readers keep a paragraph's punctuation as written. The place of a paragraph decides its end ("," after a
preambular paragraph, ";" or "." after an operative one, ":" before subparagraphs), so on import the typed
mark is dropped and the printed one derived; where the two differ, the delegate is told what changed instead
of finding it silently corrected. Annex text keeps its punctuation as written and is not touched.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import replace

from app import cancelling
from app.findings import Finding, Severity
from app.messages import Message, say
from app.model import TITLE_UNIT, Paragraph, Resolution, ResolutionPart
from app.place_words import said_place
from app.punctuation import absorb_terminal, typed_end
from app.render import Block, place_names, render

_BODY_ROLES = ("preambular", "operative", "subparagraph")


def settle_typed_ends(res: Resolution, relabelled: Collection[str] = ()) -> list[Finding]:
    """Drop typed terminal marks from the preamble and operative parts; one finding per mark that the
    paragraph's place prints differently (or that was missing). `relabelled`: ids of subparagraphs the file
    set as bulleted items, whose ends followed the file's list style: a change there is a note."""
    body: dict[str, Paragraph] = {}
    for part, items in res.lists():
        if part is not None:
            for top in cancelling.each(items):
                # a table's text (a note under it) prints as written, its end mark with it
                body.update((p.id, p) for p in top.walk() if not p.is_table)
    if not body and not res.instructions:
        return []
    blocks = render(res).blocks  # render absorbs typed marks itself, so its ends are the derived ones
    findings = _differences(blocks, body, frozenset(relabelled))
    colon = {(b.paragraph_id, b.is_tail) for b in blocks if b.end.replace("\u00a0", "") == ":"}
    for para in body.values():
        cancelling.check()
        _absorb(para, colon)
    for instruction in res.instructions:  # the paragraphs an amendment inserts or quotes
        # an annex's paragraph and a title keep their punctuation as written, like the annex itself
        if instruction.paragraph is not None and not _as_written(instruction.unit):
            for para in instruction.paragraph.walk():
                _absorb(para, colon)
        if isinstance(instruction.body, ResolutionPart):  # a part added whole prints as the draft's own
            for top in [*instruction.body.preamble, *instruction.body.operative]:
                for para in top.walk():
                    _absorb(para, colon)
    return findings


def _as_written(unit: str) -> bool:
    return (
        unit == TITLE_UNIT
        or unit.startswith(TITLE_UNIT + " ")
        or unit == "Annex"
        or unit.startswith("Annex ")
    )


def _absorb(para: Paragraph, colon: set[tuple[str, bool]]) -> None:
    """A typed colon stays where the place prints none (it introduces a quotation); elsewhere every typed
    end goes, the place's own mark being printed instead."""
    para.text = absorb_terminal(
        para.text, keep_colon=(para.id, False) not in colon and not para.subparagraphs
    )
    para.tail = absorb_terminal(para.tail, keep_colon=(para.id, True) not in colon)


def _differences(
    blocks: list[Block], body: dict[str, Paragraph], relabelled: frozenset[str]
) -> list[Finding]:
    """A wrong mark is a warning; a missing one (printing adds it) a note. Where wrong marks are many, the file
    follows other conventions or is not laid out as a resolution (a text quoted or adopted in the operative
    part, a programme of work): each is then a note, and one warning says so."""
    names = place_names(blocks)
    wrong: list[Finding] = []
    bulleted: list[
        Finding
    ] = []  # counted with the wrong ones: many of either say the file has other conventions
    missing: list[Finding] = []
    checked = 0
    for block in blocks:
        cancelling.check()
        para = body.get(block.paragraph_id)
        if para is None or block.role not in _BODY_ROLES or block.part is None:
            continue
        field = "tail" if block.is_tail else "text"
        markup = getattr(para, field)
        if not markup.strip():
            continue  # a chapeau that is all opener, or an empty paragraph: nothing was typed
        checked += 1
        wanted = block.end.replace("\u00a0", "").strip()  # French sets a fixed space before ";" and ":"
        keep_colon = wanted != ":" and (block.is_tail or not para.subparagraphs)  # as render and _absorb
        typed = typed_end(markup, keep_colon=keep_colon)
        if typed == wanted:
            continue
        named = names.get(block.paragraph_id)
        name = said_place(named) if named else say("A paragraph")
        where = say("{name} (after its subparagraphs)", name=name) if block.is_tail else name
        if not typed:
            text = say(
                "{where} had no end punctuation in the file; its place takes '{wanted}', added on import",
                where=where,
                wanted=wanted,
            )
            missing.append(Finding(RULE, Severity.INFO, text, paragraph_id=para.id, field=field))
            continue
        took = say("takes '{wanted}', set", wanted=wanted) if wanted else say("takes none, removed")
        if para.id in relabelled and not block.is_tail:  # the file's own list style, now (a), (b) …
            text = say(
                "{where} (a bulleted item in the file) ended with '{typed}'; as a subparagraph it {took} on import",
                where=where,
                typed=typed,
                took=took,
            )
            bulleted.append(Finding(RULE, Severity.INFO, text, paragraph_id=para.id, field=field))
            continue
        text = say(
            "{where} ended with '{typed}' in the file; its place {took} on import",
            where=where,
            typed=typed,
            took=took,
        )
        wrong.append(Finding(RULE, Severity.WARNING, text, paragraph_id=para.id, field=field))
    if len(wrong) + len(bulleted) > max(MANY, checked // 10):
        summary = Finding(RULE, Severity.WARNING, _many(len(wrong) + len(bulleted), len(bulleted), checked))
        wrong = [summary] + [replace(f, severity=Severity.INFO) for f in wrong]
    return wrong + bulleted + missing


def _many(count: int, listed: int, checked: int) -> Message:
    """The one warning for many ends that differ, saying how many were items of the file's own lists (bulleted
    or numbered: their ends followed the file's list style, not a slip)."""
    if listed:
        return say(
            "{count} of {checked} paragraphs ended otherwise than their places ask, {listed} of them items of a "
            "bulleted or numbered list in the file; each is listed as a note: check that the text was read as "
            "intended",
            count=count,
            checked=checked,
            listed=listed,
        )
    return say(
        "{count} of {checked} paragraphs ended otherwise than their places ask; each is listed as a note: check "
        "that the text was read as intended",
        count=count,
        checked=checked,
    )


RULE = "import.end-punctuation"
MANY = 5  # more wrong ends than this (and than a tenth of the paragraphs): reported as one warning
