"""Header and title (un-conventions.md 1.2-1.5; rule 15): the title in sentence case without a full stop,
no title for the Security Council, a symbol that fits the organ, an L document of limited distribution."""

from __future__ import annotations

import re

from app.conventions import dates, organs
from app.conventions.base import add, finding
from app.digits import to_int
from app.findings import Finding, Fix, Severity
from app.inline import plain_text
from app.messages import say
from app.model import DocumentKind, Resolution
from app.templates import Template, template_for_symbol

_KEEP_FULL_STOP = ("etc.", "et al.", "No.", "Co.", "Inc.", "Ltd.")


def check(res: Resolution, template: Template) -> list[Finding]:
    out = _title(res, template)
    out += _symbol(res, template)
    return out


def _title(res: Resolution, template: Template) -> list[Finding]:
    out: list[Finding] = []
    title = res.title
    ft = plain_text(title)
    plain = ft.text.strip()
    if not template.has_title:
        if plain:
            add(
                out,
                finding(
                    "title.not-used",
                    Severity.WARNING,
                    say(
                        "{name} resolutions do not bear a title; this one will not be printed.",
                        name=template.named(),
                    ),
                    field="title",
                    span=(0, len(title)),
                ),
            )
        return out
    if not plain:
        if res.header.kind is not DocumentKind.AMENDMENT:
            add(
                out,
                finding(
                    "title.missing",
                    Severity.WARNING,
                    say("The draft has no title; it is usually the agenda item's title."),
                    field="title",
                ),
            )
        return out
    letters = [c for c in plain if c.isalpha()]
    if len(letters) >= 8 and all(c.isupper() for c in letters):
        good = plain[0] + plain[1:].lower()
        add(
            out,
            finding(
                "title.all-caps",
                Severity.WARNING,
                say(
                    "Titles are in sentence case, not capitals: a capital for the first word and for names "
                    "only."
                ),
                field="title",
                span=(0, len(title)),
                fix=Fix(
                    say("Use sentence case (then restore capitals of names)"), "title", (0, len(title)), good
                ),
            ),
        )
    stripped = title.rstrip()
    if stripped.endswith(".") and not stripped.endswith(_KEEP_FULL_STOP) and not stripped.endswith(".."):
        span = (len(stripped) - 1, len(title))
        add(
            out,
            finding(
                "title.full-stop",
                Severity.WARNING,
                say("A title has no final full stop."),
                field="title",
                span=span,
                fix=Fix(say("Remove the full stop"), "title", span, ""),
            ),
        )
    out += organs.abbreviation_findings(title, field="title", language=res.header.language)
    out += dates.field_findings(title, field="title")
    return out


def _symbol(res: Resolution, template: Template) -> list[Finding]:
    out: list[Finding] = []
    h = res.header
    symbol = h.symbol.strip()
    if not symbol:
        return out
    if re.search(r"/Rev\.\d+$", symbol):
        add(
            out,
            finding(
                "header.symbol",
                Severity.WARNING,
                say("Give the symbol without '/Rev.N'; the revision number is a field of its own."),
                field="symbol",
                span=(0, len(h.symbol)),
            ),
        )
        return out
    fitting = template_for_symbol(symbol)
    if fitting is None or fitting.id != template.id:
        pattern = template.symbol_pattern.replace("{session}", "NN").replace("{year}", "YYYY")
        pattern = pattern.replace("{number}", "N")
        add(
            out,
            finding(
                "header.symbol",
                Severity.WARNING,
                say(
                    "'{symbol}' is not a symbol of {name} drafts ({pattern}).",
                    symbol=symbol,
                    name=template.named(),
                    pattern=pattern,
                ),
                field="symbol",
                span=(0, len(h.symbol)),
            ),
        )
    elif h.session and "{session}" in template.symbol_pattern:
        m = re.search(r"/(\d+)/", symbol)
        if m and to_int(m.group(1)) != h.session:
            add(
                out,
                finding(
                    "header.symbol",
                    Severity.WARNING,
                    say(
                        "The symbol '{symbol}' is of session {symbol_session}, the header says session {session}.",
                        symbol=symbol,
                        symbol_session=m.group(1),
                        session=h.session,
                    ),
                    field="symbol",
                    span=(0, len(h.symbol)),
                ),
            )
    if "/L." in symbol and h.distribution and h.distribution != "Limited":
        add(
            out,
            finding(
                "header.distribution",
                Severity.WARNING,
                say("An L document is issued with limited distribution ('Distr.: Limited')."),
                field="distribution",
                span=(0, len(h.distribution)),
                fix=Fix(say("Use 'Limited'"), "distribution", (0, len(h.distribution)), "Limited"),
            ),
        )
    return out
