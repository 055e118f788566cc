"""Repeated openers take an also/further marker (un-conventions.md 2.3, 3.2; rule 7).

Issued GA texts mark a run of the same opener in consecutive paragraphs ("Recalling", "Recalling also",
"Recalling further"; "Urges", "Also urges") and repeat an opener further apart without a marker. Which of the
two is flagged is a setting (resources/conventions.toml, [repetition] scope).
"""

from __future__ import annotations

from app.conventions.base import DocumentContext, Node, add, finding
from app.findings import Finding, Fix, Severity
from app.languages import get_language
from app.lexicon import strip_marker, with_marker
from app.messages import say
from app.model import Part
from app.templates import Template


def markers_for(template: Template, language: str) -> tuple[str, ...]:
    """The words that mark a repeated opener: the template's in English ("also", "further"), the language's own
    elsewhere ("également", "en outre"; "también", "además")."""
    lang = get_language(language)
    if not lang.is_english and lang.openers.get("markers"):
        return tuple(lang.openers["markers"])
    return template.markers or ("also", "further")


def _place(template: Template, language: str, part: Part) -> str:
    """Where the marker goes: "before" ("Also requests") or "after" ("Recalling also", "Prie également")."""
    key = "preambular_marker" if part is Part.PREAMBLE else "operative_marker"
    lang = get_language(language)
    return lang.openers.get(key, "after") if not lang.is_english else getattr(template, key)


def check(node: Node, ctx: DocumentContext) -> list[Finding]:
    if node.depth > 0:
        return []
    para = node.para
    nth = ctx.run.get(para.id, 1)
    if nth < 2 or not para.opener.strip():
        return []
    base, marker = strip_marker(para.opener.strip(), ctx.language)
    if marker:
        return []
    out: list[Finding] = []
    better = with_marker(para.opener, node.part, ctx.template, nth, language=ctx.language)
    earlier = ctx.previous_opener.get(para.id, base)
    where = (
        say("the paragraph before") if ctx.repetition_scope == "consecutive" else say("an earlier paragraph")
    )
    markers = markers_for(ctx.template, ctx.language)
    marker_word = markers[min(nth - 2, len(markers) - 1)]
    place = say("after") if _place(ctx.template, ctx.language, node.part) == "after" else say("before")
    span = (0, len(para.opener))
    add(
        out,
        finding(
            "repetition.marker",
            Severity.INFO,
            say(
                "'{base}' repeats the opener of {where} ('{earlier}'). A repeated opener takes "
                "'{marker_word}' {place} it: '{better}'.",
                base=base,
                where=where,
                earlier=earlier,
                marker_word=marker_word,
                place=place,
                better=better,
            ),
            paragraph_id=para.id,
            field="opener",
            span=span,
            fix=Fix(say("Use '{better}'", better=better), "opener", span, better),
        ),
    )
    return out
