"""What depends on the organ: verbs out of place, how the text names itself, names never abbreviated
(un-conventions.md 3.4, 3.5, 4.2; rules 13, 17)."""

from __future__ import annotations

import re
from functools import cache

from app.conventions.base import WORD, DocumentContext, Node, add, finding, settings
from app.findings import Finding, Fix, Severity
from app.inline import plain_text
from app.languages import get_language
from app.lexicon import head_word, strip_marker
from app.messages import say
from app.model import DocumentKind, Part


def _abbreviations(language: str) -> tuple[tuple[str, str], ...]:
    """(abbreviation, full name) never used in a resolution in this language: conventions.toml for English,
    [abbreviations] of languages/<code>.toml for another language."""
    lang = get_language(language)
    return settings().abbreviations if lang.is_english else tuple(lang.abbreviations.items())


@cache
def _abbreviation_re(language: str = "en") -> re.Pattern[str] | None:
    pairs = _abbreviations(language)
    names = [re.escape(a) for a, _ in pairs]
    if not names:
        return None
    # not inside symbols or compound names ("UN-Women", "A/C.3", "GA/12345", "SC:ORE"), nor names of outlets
    # written with the abbreviation ("UN News")
    kept = [re.escape(n[n.index(" ") :]) for n in settings().abbreviations_in_names if " " in n]
    outlets = rf"(?!(?:{'|'.join(kept)})\b)" if kept else ""
    return re.compile(
        r"(?<![\w./\-‑])(" + "|".join(sorted(names, key=len, reverse=True)) + r")(?![\w/\-‑:])" + outlets
    )


def abbreviation_findings(
    markup: str, *, field: str, paragraph_id: str = "", language: str = ""
) -> list[Finding]:
    out: list[Finding] = []
    code = get_language(language).code
    pattern = _abbreviation_re(code)
    if pattern is None or not markup:
        return out
    ft = plain_text(markup)
    full = dict(_abbreviations(code))
    for m in pattern.finditer(ft.text):
        abbr = m.group(1)
        name = full[abbr]
        span = ft.span(m.start(), m.end())
        add(
            out,
            finding(
                "organs.abbreviation",
                Severity.ERROR,
                say("'{abbr}' is never abbreviated in a resolution: write '{name}'.", abbr=abbr, name=name),
                paragraph_id=paragraph_id,
                field=field,
                span=span,
                fix=Fix(say("Write '{name}'", name=name), field, span, name),
            ),
        )
    return out


@cache
def _self_reference(wanted: str, kind: DocumentKind) -> tuple[re.Pattern[str], str] | None:
    """The wrong way for this organ to name the text, and the right one. A text names itself by its own kind:
    in a draft resolution "this decision" is another decision ("the Board is best placed to make this
    decision", A/C.2/80/L.11), and in a draft decision "this resolution" another resolution."""
    nouns = {DocumentKind.DRAFT_DECISION: "decision", DocumentKind.AMENDMENT: "resolution|decision"}
    noun = nouns.get(kind, "resolution")
    wanted = wanted.strip()
    if wanted.startswith("the present"):
        return re.compile(rf"\b([Tt])his ({noun})\b"), "the present"
    if wanted.startswith("this"):
        return re.compile(rf"\b([Tt])he present ({noun})\b"), "this"
    return None


def check(node: Node, ctx: DocumentContext) -> list[Finding]:
    out: list[Finding] = []
    para = node.para
    for name in ("opener", "text", "tail"):
        markup = getattr(para, name)
        if not markup:
            continue
        out += abbreviation_findings(markup, field=name, paragraph_id=para.id, language=ctx.language)
        rule = _self_reference(ctx.template.self_reference, ctx.kind)
        if rule and name != "opener":
            pattern, good = rule
            ft = plain_text(markup)
            for m in pattern.finditer(ft.text):
                cap = m.group(1).isupper()
                replacement = (good[0].upper() + good[1:] if cap else good) + " " + m.group(2)
                span = ft.span(m.start(), m.end())
                add(
                    out,
                    finding(
                        "organs.self-reference",
                        Severity.WARNING,
                        say(
                            "{name} texts refer to themselves as '{good} {noun}'.",
                            name=ctx.template.named(),
                            good=good,
                            noun=m.group(2),
                        ),
                        paragraph_id=para.id,
                        field=name,
                        span=span,
                        fix=Fix(
                            say("Write '{replacement}'", replacement=replacement), name, span, replacement
                        ),
                    ),
                )
    if node.depth == 0 and ctx.template.out_of_place:
        out += _out_of_place(node, ctx)
    return out


def _words(text: str) -> list[str]:
    return [w.lower() for w in WORD.findall(text)]


def _out_of_place(node: Node, ctx: DocumentContext) -> list[Finding]:
    para = node.para
    opener, _ = strip_marker(para.opener.strip())
    head = head_word(opener)
    words = _words(opener)
    if head in words:
        words = words[words.index(head) :]  # "Also strongly demands" → "demands"
    words += _words(plain_text(para.text).text)[:12]
    out: list[Finding] = []
    for phrase in ctx.template.out_of_place:
        want = _words(phrase)
        if not want or words[: len(want)] != want:
            continue
        if node.part is Part.PREAMBLE and not phrase.lower().startswith("acting"):
            continue
        add(
            out,
            finding(
                "organs.out-of-place",
                Severity.WARNING,
                say(
                    "'{phrase}' is Security Council language, out of place in a {name} text.",
                    phrase=phrase,
                    name=ctx.template.named(),
                ),
                paragraph_id=para.id,
                field="opener",
                span=(0, len(para.opener)),
            ),
        )
        break
    return out
