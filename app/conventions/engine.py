"""The convention engine: every rule of un-conventions.md section 7 that is not spelling or style.

    check_document(res, template=None)                     every finding, in reading order
    check_paragraph(res, paragraph_id, template=None, context=None)
                                                           one paragraph (or subparagraph), for the editor
    check_header(res, template=None)                       header, sponsors and title
    build_context(res, template=None) -> DocumentContext   what a paragraph's check needs from the rest

Incremental checking in the editor: keep the DocumentContext; after an edit, build a new one (O(n), no rule
runs), re-check the edited paragraph and every id in `new.changed_since(old)` (the next paragraph when an
opener changes, the paragraphs whose citation becomes or stops being a first mention, ...).

Spelling and style come from app.spelling when it provides `paragraph_findings(paragraph, *, part, template,
settings, language)` and `document_findings(res, *, template, settings)`; without it the engine runs alone.
"""

from __future__ import annotations

import bisect
import dataclasses
import re
from collections.abc import Callable, Iterable

from app import inline, spelling
from app.cells import field_value
from app.conventions import (
    amendment,
    citations,
    dates,
    header,
    openers,
    organs,
    repetition,
    sponsors,
    structure,
    subparagraphs,
)
from app.conventions.base import DocumentContext, Node, annex_nodes, finding, nodes, settings
from app.errors import ResoluteError, TemplateError
from app.findings import Finding, Severity, rule_matches
from app.languages import get_language
from app.lexicon import opener_key, strip_marker
from app.messages import reason, say
from app.model import DocumentKind, Paragraph, Part, Resolution
from app.reasons import why
from app.spelling import SpellingSettings, short_forms
from app.templates import Template, get_template

__all__ = ["RULES", "DocumentContext", "build_context", "check_document", "check_header", "check_paragraph"]

ParagraphRule = Callable[[Node, DocumentContext], list[Finding]]

# Every rule the engine reports: id, default severity, what it checks (un-conventions.md section 7).
RULES: tuple[tuple[str, Severity, str], ...] = (
    ("structure.operative-numbering", Severity.ERROR, "no typed number before an operative paragraph"),
    ("structure.preamble-numbering", Severity.ERROR, "preambular paragraphs are not numbered"),
    ("structure.working-label", Severity.ERROR, "no negotiation labels such as PP3 or OP5"),
    ("structure.empty-paragraph", Severity.WARNING, "no empty paragraphs"),
    ("structure.operative-missing", Severity.ERROR, "a draft resolution has an operative part"),
    ("structure.decision-preamble", Severity.INFO, "a draft decision usually has no preamble"),
    ("structure.brackets", Severity.INFO, "square brackets mark text under negotiation"),
    ("punctuation.typed-terminal", Severity.INFO, "terminal punctuation is derived, a typed mark is dropped"),
    ("openers.not-marked", Severity.WARNING, "the opening phrase is set as the italic opener"),
    ("openers.preambular-form", Severity.WARNING, "a preambular opener is a participle or an adjective"),
    ("openers.operative-form", Severity.WARNING, "an operative opener is a verb in the present tense"),
    (
        "openers.lead-in",
        Severity.WARNING,
        "an operative paragraph begins with its verb, not a clause before it",
    ),
    ("openers.wrong-part", Severity.WARNING, "the opener has the form of the other part"),
    ("openers.capitalization", Severity.WARNING, "capital first letter, the rest of the opener lower case"),
    (
        "openers.span",
        Severity.WARNING,
        "the italic opener stops before the object (a note before 'to' or 'that': issued texts vary)",
    ),
    ("openers.markup", Severity.WARNING, "no footnote references or italic marks inside the opener"),
    (
        "repetition.marker",
        Severity.INFO,
        "a repeated opener may take also/further (issued texts often repeat)",
    ),
    ("subparagraphs.typed-label", Severity.ERROR, "subparagraph labels are derived"),
    ("subparagraphs.capital", Severity.ERROR, "a subparagraph begins with a capital"),
    (
        "subparagraphs.and",
        Severity.WARNING,
        "no '; and' before the last subparagraph where the organ omits it",
    ),
    ("subparagraphs.single", Severity.WARNING, "a list has at least two items"),
    ("subparagraphs.depth", Severity.WARNING, "four levels of subparagraphs at most"),
    ("citations.first-mention-date", Severity.WARNING, "the first mention of a resolution gives its date"),
    ("citations.sc-reference", Severity.ERROR, "Security Council resolutions are cited 'NNNN (YYYY)'"),
    ("citations.footnote-placement", Severity.WARNING, "a footnote reference follows the punctuation"),
    ("dates.format", Severity.WARNING, "dates read '4 December 2023'"),
    ("dates.session-ordinal", Severity.WARNING, "sessions in words: 'seventy-ninth session'"),
    ("organs.out-of-place", Severity.WARNING, "no verbs of another organ ('Demands' outside the SC)"),
    ("organs.self-reference", Severity.WARNING, "'the present resolution' (GA) or 'this resolution' (SC)"),
    ("organs.abbreviation", Severity.ERROR, "UN, GA, SC, SG, ECOSOC are never abbreviated"),
    ("sponsors.official-name", Severity.WARNING, "sponsors by their official UN short names"),
    ("amendment.instructions", Severity.ERROR, "an amendment gives at least one instruction"),
    ("amendment.place", Severity.ERROR, "each instruction names a paragraph of the draft it amends"),
    ("amendment.quoted-text", Severity.ERROR, "each instruction carries the words or paragraph it needs"),
    ("sponsors.unknown-name", Severity.WARNING, "sponsors are Member States or observer States"),
    ("sponsors.one-per-entry", Severity.WARNING, "one State per sponsor entry"),
    ("sponsors.duplicate", Severity.WARNING, "no sponsor listed twice"),
    ("sponsors.order", Severity.WARNING, "sponsors in UN alphabetical order"),
    ("sponsors.group", Severity.WARNING, "the 'on behalf of' group by its name"),
    ("sponsors.missing", Severity.INFO, "a draft has sponsors unless the Chair submits it"),
    ("sponsors.submitted-by", Severity.WARNING, "a draft submitted by an officer has no sponsors"),
    ("title.missing", Severity.WARNING, "GA, ECOSOC and HRC drafts have a title"),
    ("title.not-used", Severity.WARNING, "Security Council resolutions have no title"),
    ("title.all-caps", Severity.WARNING, "titles in sentence case"),
    ("title.full-stop", Severity.WARNING, "no full stop after a title"),
    ("header.symbol", Severity.WARNING, "the symbol fits the organ and session"),
    ("header.distribution", Severity.WARNING, "L documents have limited distribution"),
    ("header.template", Severity.WARNING, "the organ template exists"),
)

PARAGRAPH_RULES: tuple[ParagraphRule, ...] = (
    structure.check,
    openers.check,
    repetition.check,
    subparagraphs.check,
    citations.check,
    organs.check,
)


def _template(res: Resolution, template: Template | None) -> tuple[Template, list[Finding]]:
    if template is not None:
        return template, []
    try:
        return get_template(res.header.template), []
    except TemplateError as exc:
        fallback = get_template("ga-plenary")
        note = finding(
            "header.template",
            Severity.WARNING,
            say("{exc}; checked as {name}.", exc=reason(exc), name=fallback.named()),
            field="template",
        )
        return fallback, [note] if note else []


def build_context(res: Resolution, template: Template | None = None) -> DocumentContext:
    """Opener runs, first mentions of resolutions and the like, in one pass over the document."""
    tpl, _ = _template(res, template)
    scope = settings().repetition_scope
    ctx = DocumentContext(
        template=tpl,
        repetition_scope=scope,
        kind=res.header.kind,
        language=get_language(res.header.language).code,
    )
    ctx.preamble_count, ctx.operative_count = len(res.preamble), len(res.operative)
    for items in (body.part(p) for body in res.parts() for p in Part):
        prev_key, prev_marker, run = "", "", 0
        counts: dict[str, int] = {}
        last_marker = repetition.markers_for(tpl, ctx.language)[-1].lower()
        prev_opener = ""
        for para in items:
            opener = para.opener.strip()
            key = opener_key(para.opener, ctx.language) if opener else ""
            marker = strip_marker(opener, ctx.language)[1]
            if scope == "part":
                counts[key] = counts.get(key, 0) + 1 if key else 0
                ctx.run[para.id] = counts[key] or 1
                if counts.get(key, 0) > 1:
                    ctx.previous_opener[para.id] = key
            else:
                # "X, X also, X further" is a full run: the next X starts a new one (A/C.3/80/L.20)
                run = run + 1 if key and key == prev_key and prev_marker != last_marker else 1
                ctx.run[para.id] = run
                if run > 1:
                    ctx.previous_opener[para.id] = prev_opener
            prev_key, prev_marker, prev_opener = key, marker, opener
    ids: list[str] = []
    for body in res.parts():
        for part in Part:
            for para in body.part(part):
                _collect(para, part, ctx, ids)
    ctx.node_ids = tuple(ids)
    ctx.node_index = {node.para.id: node for node in (*nodes(res), *annex_nodes(res))}
    ctx.clauses = frozenset(_clauses(res))
    ctx.last_id = _last_id(res)
    ctx.short_forms = short_forms.active(short_forms.default_rules(), _fields(res))
    return ctx


def _fields(res: Resolution) -> Iterable[str]:
    """Every text field of the draft: title, paragraphs (annexes too) and footnotes."""
    yield res.title
    for node in (*nodes(res), *annex_nodes(res)):
        yield from (node.para.opener, node.para.text, node.para.tail)
    for note in res.footnotes.values():
        yield note.text


# a chapeau whose sentence the numbered paragraphs complete: "The General Assembly / Resolves that: / 1. The
# Working Capital Fund shall be established …" (the Fifth Committee's financing resolutions)
_CHAPEAU = re.compile(r"^(?:(?:Also|Further) )?(?:Resolves|Decides)(?: (?:also|further))? that:$")


def _clauses(res: Resolution) -> list[str]:
    """Ids of each "Resolves that:" chapeau and of the operative paragraphs after it in its part."""
    out: list[str] = []
    for body in res.parts():
        items = [*body.preamble[-1:], *body.operative]
        for i, para in enumerate(items):
            if _is_chapeau(para):
                out += [p.id for p in items[i:]]
                break
    return out


def _is_chapeau(para: Paragraph) -> bool:
    return "that" in para.opener + para.text and bool(
        _CHAPEAU.match(inline.plain(f"{para.opener} {para.text}").strip())
    )


def _collect(para: Paragraph, part: Part, ctx: DocumentContext, ids: list[str], depth: int = 0) -> None:
    """First mentions in reading order: a paragraph's opener and text, its subparagraphs, then its tail."""
    ids.append(para.id)
    _place(ctx, (para.id, "lead"), _mentions(para, "lead"))
    for sub in para.subparagraphs:
        _collect(sub, part, ctx, ids, depth + 1)
    _place(ctx, (para.id, "tail"), _mentions(para, "tail"))


def _mentions(para: Paragraph, piece: str) -> tuple[tuple[str, str, int], ...]:
    """The resolutions a paragraph's lead (opener and text) or tail cites: (ref, field, start)."""
    fields = Paragraph(para.opener, para.text, id=para.id) if piece == "lead" else Paragraph(tail=para.tail)
    node = Node(fields, Part.OPERATIVE, 0, 0, 1, "")  # citations.mentions reads the fields alone
    return tuple((ref.key, name, ref.start) for name, ref in citations.mentions(node))


def _place(ctx: DocumentContext, where: tuple[str, str], found: tuple[tuple[str, str, int], ...]) -> None:
    ctx.places[where] = len(ctx.places)
    if found:
        ctx.mentions[where] = found
    for key, name, start in found:
        ctx.first_mentions.setdefault(key, (where[0], name, start))


def _last_id(res: Resolution) -> str:
    final = res.parts()[-1].operative
    last = final[-1] if final else None
    while last is not None and last.subparagraphs and not last.tail.strip():
        last = last.subparagraphs[-1]
    return last.id if last else ""


def with_typed_texts(
    ctx: DocumentContext, res: Resolution, paragraph_ids: Iterable[str]
) -> DocumentContext | None:
    """The context `build_context(res)` gives after only the texts and tails of `paragraph_ids` were typed
    in since `ctx` was built (no opener, no structure changed): their citations are read again and the first
    mention of each resolution they cite or cited is found among the citations the context keeps, so no other
    paragraph is read. None when a paragraph is no longer there (build the context again)."""
    # what typing cannot change (opener runs, places, the node index) is shared with `ctx`, and the maps of
    # citations are copied only when a typed text cites or cited: the work is the typed paragraphs'
    new = dataclasses.replace(ctx)
    touched: set[str] = set()
    typed: list[Paragraph] = []
    for pid in paragraph_ids:
        node = ctx.node_index.get(pid)
        if node is None:
            return None
        para = node.para
        typed.append(para)
        for piece in ("lead", "tail"):
            where = (pid, piece)
            if where not in new.places:
                continue  # an annex paragraph: no part of the context
            found = _mentions(para, piece)
            cited = new.mentions.get(where, ())
            if found == cited:
                continue
            if new.mentions is ctx.mentions:
                new.mentions = dict(ctx.mentions)
            new.mentions.pop(where, None)
            touched |= {key for key, _, _ in cited} | {key for key, _, _ in found}
            if found:
                new.mentions[where] = found
    if touched:
        new.first_mentions = dict(ctx.first_mentions)
        first: dict[str, tuple[int, tuple[str, str, int]]] = {}
        for where, found in new.mentions.items():
            place = new.places[where]
            for key, name, start in found:
                if key in touched and (key not in first or place < first[key][0]):
                    first[key] = (place, (where[0], name, start))  # within a piece the first one stays
        for key in touched:
            new.first_mentions.pop(key, None)
        new.first_mentions.update({key: value for key, (_, value) in first.items()})
    rules = short_forms.default_rules()
    if new.short_forms or any(short_forms.names_any(rules, f"{p.text} {p.tail}") for p in typed):
        new.short_forms = short_forms.active(rules, _fields(res))  # a body's name typed in or out
    new.last_id = _last_id(res)  # a tail typed empty or not moves the end of the resolution
    if any(p.id in ctx.clauses or _is_chapeau(p) for p in typed):
        new.clauses = frozenset(
            _clauses(res)
        )  # typing "Resolves that:" makes the paragraphs after it clauses
    return new


def _why(exc: Exception) -> str:
    """A refusal's message kept as said (a broken rule file reads in the interface language); any other
    exception's kind, and its text in English (app.reasons)."""
    return reason(exc) if isinstance(exc, ResoluteError) else why(exc)


def _style_call(call: Callable[[], list[Finding]]) -> list[Finding]:
    try:
        return list(call())
    except Exception as exc:  # noqa: BLE001 - report, do not crash the editor or the CLI
        note = finding(
            "style.failed", Severity.INFO, say("The spelling and style check failed: {exc}", exc=_why(exc))
        )
        return [note] if note else []


def _node_findings(
    node: Node, ctx: DocumentContext, style: bool, speller: SpellingSettings | None
) -> list[Finding]:
    if node.para.is_table:
        return _table_findings(node, ctx, style, speller)
    out: list[Finding] = []
    for rule in PARAGRAPH_RULES:
        out += rule(node, ctx)
    for name in ("opener", "text", "tail"):
        out += dates.field_findings(
            getattr(node.para, name), field=name, paragraph_id=node.para.id, language=ctx.language
        )
    if style and _styled(ctx.language):
        out += _paragraph_style(node, ctx, speller)
    return out


def _paragraph_style(node: Node, ctx: DocumentContext, speller: SpellingSettings | None) -> list[Finding]:
    found = _style_call(
        lambda: spelling.paragraph_findings(
            node.para, part=node.part, template=ctx.template, settings=speller, language=ctx.language
        )
    )
    if not ctx.short_forms:
        return found
    return [f for f in found if not short_forms.excused(f, field_value(node.para, f.field), ctx.short_forms)]


def _annex_findings(
    node: Node, ctx: DocumentContext, style: bool, speller: SpellingSettings | None
) -> list[Finding]:
    """An annex paragraph: the rules of any UN text (dates, abbreviations, subparagraph labels, spelling and
    style); openers, repetition markers and derived punctuation are the resolution's own."""
    if node.para.is_table:
        return _table_findings(node, ctx, style, speller)
    out: list[Finding] = []
    for name in ("opener", "text", "tail"):
        markup = getattr(node.para, name)
        out += dates.field_findings(markup, field=name, paragraph_id=node.para.id, language=ctx.language)
        out += organs.abbreviation_findings(
            markup, field=name, paragraph_id=node.para.id, language=ctx.language
        )
    if style and _styled(ctx.language):
        out += _paragraph_style(node, ctx, speller)
    return out


def _table_findings(
    node: Node, ctx: DocumentContext, style: bool, speller: SpellingSettings | None
) -> list[Finding]:
    """A table: none of the paragraph rules holds for cells of names and figures (no opener, number or derived
    punctuation); the spelling and style checks read each cell (a doubled word, an unknown word), their
    findings naming the cell ("cell:R:C"), and the note the table holds as its text."""
    if style and _styled(ctx.language):
        return _paragraph_style(node, ctx, speller)
    return []


def _styled(language: str) -> bool:
    """Whether the spelling and style checks (the language's word lists and style rules) apply to the language."""
    lang = get_language(language)
    return lang.rule_on("spelling.*") or lang.rule_on("UN.*")


def _in_language(findings: list[Finding], language: str) -> list[Finding]:
    """The findings whose rule applies to text in the draft's language (languages/<code>.toml [rules])."""
    lang = get_language(language)
    return findings if not lang.rules_off else [f for f in findings if lang.rule_on(f.rule)]


def _for_organ(
    findings: list[Finding], template: Template, speller: SpellingSettings | None = None
) -> list[Finding]:
    """The organ's levels: a rule the template lists in `suggested_rules` reports a suggestion, not an error or
    a warning (Security Council drafts are issued in the sponsors' own spelling and editorial style), unless
    the user's own style file sets that rule's level: the user's word is the last."""
    if not template.suggested_rules:
        return findings
    own = _user_levels(speller)
    return [
        dataclasses.replace(f, severity=Severity.INFO)
        if f.severity is not Severity.INFO
        and f.rule not in own
        and rule_matches(f.rule, template.suggested_rules)
        else f
        for f in findings
    ]


def _user_levels(speller: SpellingSettings | None) -> frozenset[str]:
    try:
        return spelling.checker(speller).user_levels
    except (TemplateError, OSError):  # a broken style file is reported by the style check itself
        return frozenset()


def check_paragraph(
    res: Resolution,
    paragraph_id: str,
    template: Template | None = None,
    *,
    context: DocumentContext | None = None,
    style: bool = True,
    speller: SpellingSettings | None = None,
) -> list[Finding]:
    """Findings of one paragraph or subparagraph (its own fields; not its subparagraphs). `speller`: whose
    personal dictionary the spelling check uses (None: app.spelling's default)."""
    ctx = context or build_context(res, template)
    node = ctx.node_index.get(paragraph_id)  # found by id: the check costs the paragraph, not the draft
    if node is None:
        return []
    check = _node_findings if (paragraph_id, "lead") in ctx.places else _annex_findings
    found = check(node, ctx, style, speller)
    return _for_organ(_in_language(_dedupe(found), ctx.language), ctx.template, speller)


def check_header(res: Resolution, template: Template | None = None) -> list[Finding]:
    """Sponsors, title, symbol and distribution."""
    tpl, notes = _template(res, template)
    return _for_organ(
        _in_language(notes + sponsors.check(res) + header.check(res, tpl), res.header.language), tpl
    )


def check_document(
    res: Resolution,
    template: Template | None = None,
    *,
    style: bool = True,
    speller: SpellingSettings | None = None,
) -> list[Finding]:
    """Every convention finding (and spelling and style, when available), header first, then reading order."""
    tpl, notes = _template(res, template)
    ctx = build_context(res, tpl)
    out: list[Finding] = notes + sponsors.check(res) + header.check(res, tpl)
    out += structure.check_document(res, ctx)
    for node in nodes(res):
        out += _node_findings(node, ctx, style, speller)
    for node in annex_nodes(res):
        out += _annex_findings(node, ctx, style, speller)
    if res.header.kind is DocumentKind.AMENDMENT:
        out += amendment.check(res, lambda draft: check_document(draft, tpl, style=style, speller=speller))
    for note in res.footnotes.values():
        out += organs.abbreviation_findings(
            note.text, field="footnote", paragraph_id=note.id, language=ctx.language
        )
        out += dates.field_findings(note.text, field="footnote", paragraph_id=note.id, language=ctx.language)
    if style and _styled(ctx.language):
        found = _style_call(lambda: spelling.document_findings(res, template=tpl, settings=speller))
        out += [f for f in found if not short_forms.excused(f, _document_field(res, f), ctx.short_forms)]
    return _for_organ(_in_language(_dedupe(out), ctx.language), tpl, speller)


def _document_field(res: Resolution, f: Finding) -> str:
    """The title's or a footnote's text a document finding points into."""
    if f.field == "title":
        return res.title
    note = res.footnotes.get(f.paragraph_id)
    return note.text if note else ""


def _dedupe(findings: Iterable[Finding]) -> list[Finding]:
    """One finding per place and correction: the style check may flag what a convention rule flags."""
    out: list[Finding] = []
    seen: set[tuple[str, str, tuple[int, int], str]] = set()
    # spans kept per place and correction: pairwise disjoint, so sorted by start they are sorted by end too,
    # and one bisect finds an overlap (a huge paragraph has thousands of findings: no quadratic scan)
    fixed: dict[tuple[str, str, str], list[tuple[int, int]]] = {}
    for f in findings:
        replacement = f.fix.replacement if f.fix else f.rule
        key = (f.paragraph_id, f.field, f.span, replacement)
        if key in seen:
            continue
        if f.fix:
            spans = fixed.setdefault((f.paragraph_id, f.field, f.fix.replacement), [])
            at = bisect.bisect_left(spans, (f.span[1],))  # spans starting before f ends
            if at and spans[at - 1][1] > f.span[0]:
                continue
            spans.insert(at, f.span)
        seen.add(key)
        out.append(f)
    return out
