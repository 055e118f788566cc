"""The italic opener of preambular and operative paragraphs (un-conventions.md 2.1-2.2, 3.1; rules 3, 5, 6).

A preambular paragraph begins with a participle or an adjective ("Recalling", "Deeply concerned"); an operative
paragraph with a verb in the present tense ("Requests", "Also calls upon"). The first letter is a capital, the
rest of the opener lower case. The opener stops before the object.
"""

from __future__ import annotations

import re
from functools import cache

from app.conventions.base import WORD, DocumentContext, Node, add, finding
from app.findings import Finding, Fix, Severity
from app.inline import PlainText, plain_text
from app.lexicon import convert_opener, detect_opener, head_word, is_known, looks_like_opener, phrases
from app.messages import say
from app.model import DocumentKind, Paragraph, Part
from app.wording.reading import INSTRUCTION_START

_OBJECT_START = frozenset("the that all a an to this these those member states governments".split())
_PARTICLES = frozenset(("to", "that", "of"))

FORM_HELP = {
    Part.PREAMBLE: say(
        "A preambular paragraph begins with a participle or an adjective (Recalling, Noting with "
        "concern, Deeply concerned, Mindful)."
    ),
    Part.OPERATIVE: say(
        "An operative paragraph begins with a verb in the present tense (Requests, Decides, Calls "
        "upon, Also encourages)."
    ),
}


@cache
def _proper_words(language: str = "en") -> frozenset[str]:
    """Words the lexicons write with a capital inside a phrase: "Chapter", "Charter", "United", "VII"."""
    out = set()
    for part in Part:
        for phrase in phrases(part, language):
            out.update(w for w in phrase.split()[1:] if w[:1].isupper())
    return frozenset(out)


def _looks_right(opener: str, part: Part, language: str = "en") -> bool:
    """The heuristic check for openers outside the lexicon: participles, adjectives, present-tense verbs."""
    words = [w.lower() for w in WORD.findall(opener)]
    if not words:
        return False
    if language != "en":  # the language's endings (languages/*.toml) on any word of the opener
        return any(looks_like_opener(w, part, language) for w in words)
    head = head_word(opener)
    if part is Part.PREAMBLE:
        return words[0] == "having" or head.endswith(("ing", "ed"))
    return head.endswith("s") and not head.endswith(("ss", "us"))


def _capitalized(opener: str, language: str = "en") -> str:
    """The opener with a capital first letter and the rest of its common words in lower case."""
    words = opener.split(" ")
    out = []
    proper = _proper_words(language)
    common = _common_words(language)
    for i, w in enumerate(words):
        if i == 0:
            out.append(w[:1].upper() + (w[1:].lower() if w.lower() in common else w[1:]))
        elif w in proper or not w[:1].isupper():
            out.append(w)
        elif w.lower() in common:
            out.append(w.lower())
        elif len(w) > 1 and w.isupper():
            out.append(w)  # an acronym
        else:
            out.append(w[:1].lower() + w[1:])
    return " ".join(out)


@cache
def _common_words(language: str = "en") -> frozenset[str]:
    """Every word of the lexicon phrases, lower case."""
    return frozenset(w.lower() for part in Part for phrase in phrases(part, language) for w in phrase.split())


# a clause that may stand before an operative verb: "To advance …, decides", "In this regard, calls upon", and the
# Security Council's "Acting under Chapter VII of the Charter of the United Nations, decides" (resolution 787 (1992),
# paragraph 12: "Acting under Chapters VII and VIII …, calls upon States")
_LEAD_IN = re.compile(
    r"^(?:To|In|With|For|On|At|Pending|Following|Without|Given|Upon|Once|After|Before"
    r"|Acting (?:under|in accordance with|pursuant to))\b"
)
_LEAD_IN_CHARS = 400  # the verb comes within the first sentence's opening words


def _after_lead_in(text: str, language: str) -> tuple[str, str] | None:
    """The operative verb that follows a lead-in clause and its comma ("To advance …, decides that …"), as the
    lexicon knows it, and the words it was found in; None when the paragraph has none."""
    text = text.lstrip()
    if not _LEAD_IN.match(text):
        return None
    head = re.split(r"[.;:]", text[:_LEAD_IN_CHARS], maxsplit=1)[0]
    for m in re.finditer(r", (?=[a-z])", head):
        rest = head[m.end() :]
        verb = detect_opener(rest[:1].upper() + rest[1:], Part.OPERATIVE, language=language)
        if verb and is_known(verb, Part.OPERATIVE, language):
            return verb, rest[: len(verb)]
    return None


def check(node: Node, ctx: DocumentContext) -> list[Finding]:
    if node.depth > 0 or node.para.id in ctx.clauses:
        return []  # a subparagraph; "Resolves that:" and the clauses that complete its sentence
    para, part = node.para, node.part
    if part is Part.OPERATIVE and not para.numbered:
        part = Part.PREAMBLE  # a section's own preambular paragraph ("Recalling …,") under its heading
    out: list[Finding] = []
    if not para.opener.strip():
        ft = plain_text(para.text)
        if not _has_no_opener_by_rule(para, part, ft, ctx):
            add(out, _missing_opener(para, part, ft, ctx.language))
        return out
    _check_marks_and_case(out, para, ctx)
    if not _settled_or_wrong_part(out, para, part, ctx):
        _check_span_and_form(out, para, part, ctx.language)
    return out


def _has_no_opener_by_rule(para: Paragraph, part: Part, ft: PlainText, ctx: DocumentContext) -> bool:
    """Whether a paragraph typed without an opener needs none: empty, an amendment's instruction, a decision's
    run-on sentence, a section's own preambular paragraph."""
    if not ft.text.strip():
        return True  # an empty paragraph: structure.empty-paragraph says so
    if ctx.kind is DocumentKind.AMENDMENT and INSTRUCTION_START.match(ft.text.lstrip()):
        return True  # an amendment's instruction in a wording not understood: no resolution paragraph
    # a decision in one sentence runs on from the organ line: "The General Assembly, recalling …, decides …"
    if ctx.kind is DocumentKind.DRAFT_DECISION and part is Part.OPERATIVE and ft.text.lstrip()[:1].islower():
        return True
    lang = ctx.language
    # a section of a sectioned resolution (the Fifth Committee's) may open with its own preambular
    # paragraph under its heading: "II / Conditions of service … / Recalling its resolution 44/198, …,"
    return bool(
        part is Part.OPERATIVE
        and para.heading
        and is_known(detect_opener(ft.text, Part.PREAMBLE, language=lang), Part.PREAMBLE, lang)
    )


def _missing_opener(para: Paragraph, part: Part, ft: PlainText, lang: str) -> Finding | None:
    """The finding on a paragraph typed without an opener: one typed as text, one after a lead-in, or none."""
    lead = len(ft.text) - len(ft.text.lstrip())
    found = detect_opener(ft.text, part, language=lang)
    if found:
        # a verb the lexicon lacks but of an opener's form ("Recommits", "Welcoming") is set as one too
        known = is_known(found, part, lang)
        return finding(
            "openers.not-marked",
            Severity.WARNING,
            say(
                "'{found}' should be the paragraph's italic opener; it is typed as ordinary text.",
                found=found,
            )
            if known
            else say(
                "'{found}' looks like the paragraph's italic opener; it is typed as ordinary text.",
                found=found,
            ),
            paragraph_id=para.id,
            field="text",
            span=ft.span(lead, lead + len(found)),
        )
    if part is Part.OPERATIVE and (verb := _after_lead_in(ft.text, lang)):
        start = ft.text.index(verb[1])
        return finding(
            "openers.lead-in",
            Severity.WARNING,
            say(
                "'{verb}' opens this paragraph's sentence after a lead-in clause; an operative paragraph "
                "begins with its verb: put the clause after it.",
                verb=verb[0],
            ),
            paragraph_id=para.id,
            field="text",
            span=ft.span(start, start + len(verb[0])),
        )
    rule = "openers.preambular-form" if part is Part.PREAMBLE else "openers.operative-form"
    return finding(
        rule,
        Severity.WARNING,
        say("{help} This one has no opener.", help=FORM_HELP[part]),
        paragraph_id=para.id,
        field="text",
        span=(0, min(len(para.text), 20)),
    )


def _check_marks_and_case(out: list[Finding], para: Paragraph, ctx: DocumentContext) -> None:
    """Footnote references or italic marks inside the opener; capitals past its first word."""
    opener = para.opener
    whole = (0, len(opener))
    if "[^" in opener or re.search(r"(?<!\\)\*", opener):
        add(
            out,
            finding(
                "openers.markup",
                Severity.WARNING,
                say(
                    "The opener is italic already; footnote references and italic marks belong in the text "
                    "after it."
                ),
                paragraph_id=para.id,
                field="opener",
                span=whole,
            ),
        )
    good_case = _capitalized(opener, ctx.language)
    # a draft decision is one sentence: "The General Assembly, recalling …, decides …"
    if good_case != opener and ctx.kind is not DocumentKind.DRAFT_DECISION:
        add(
            out,
            finding(
                "openers.capitalization",
                Severity.WARNING,
                say("Only the first word of the opener takes a capital: '{good_case}'.", good_case=good_case),
                paragraph_id=para.id,
                field="opener",
                span=whole,
                fix=Fix(say("Write '{good_case}'", good_case=good_case), "opener", whole, good_case),
            ),
        )


def _settled_or_wrong_part(out: list[Finding], para: Paragraph, part: Part, ctx: DocumentContext) -> bool:
    """Whether the opener is settled: one the lexicon knows for its part, or one of the other part (said in
    `out`, with its converted form in English)."""
    opener, lang = para.opener, ctx.language
    whole = (0, len(opener))
    other = Part.OPERATIVE if part is Part.PREAMBLE else Part.PREAMBLE
    if is_known(opener, part, lang):
        return True
    if lang != "en" and is_known(opener, other, lang) and not _looks_right(opener, part, lang):
        where = say("preambular") if part is Part.PREAMBLE else say("operative")
        message = say(
            "'{opener}' is an opener of the other part in the UN's texts, not a {where} one.",
            opener=opener,
            where=where,
        )
        add(out, _wrong_part_finding(para, message))
        return True
    if not (is_known(opener, other) and not _looks_right(opener, part)):
        return False
    converted = convert_opener(opener, part, template=ctx.template)
    where = say("preambular") if part is Part.PREAMBLE else say("operative")
    fix = (
        Fix(say("Use '{converted}'", converted=converted), "opener", whole, converted)
        if converted != opener
        else None
    )
    message = say(
        "'{opener}' is the form of the other part. {help} As a {where} opener: '{converted}'.",
        opener=opener,
        help=FORM_HELP[part],
        where=where,
        converted=converted,
    )
    add(out, _wrong_part_finding(para, message, fix))
    return True


def _wrong_part_finding(para: Paragraph, message: str, fix: Fix | None = None) -> Finding | None:
    return finding(
        "openers.wrong-part",
        Severity.WARNING,
        message,
        paragraph_id=para.id,
        field="opener",
        span=(0, len(para.opener)),
        fix=fix,
    )


def _runs_on(prefix: str, word: str, part: Part) -> bool:
    """Whether an opener goes on past the lexicon's `prefix` into its object: "the", "to", …; "of" after a
    preambular adjective ("Conscious of", "Mindful of"), but not after a verb ("Takes note with appreciation
    of", "Taking note with satisfaction of")."""
    if word == "of":
        return part is Part.PREAMBLE and not head_word(prefix).endswith("ing")
    return word in _OBJECT_START


def _check_span_and_form(out: list[Finding], para: Paragraph, part: Part, lang: str) -> None:
    """An opener the lexicon does not know: one that runs on into its object, or one of no opener's form."""
    opener = para.opener
    prefix = detect_opener(opener, part, language=lang)
    rest = opener[len(prefix) :].split()
    if (
        lang == "en"
        and prefix
        and is_known(prefix, part)
        and rest
        and _runs_on(prefix, rest[0].lower(), part)
    ):
        add(
            out,
            finding(
                "openers.span",
                # before "to", "that" or "of" the issued PDFs italicize both ways ("Looks forward to",
                # "Acknowledging that", "Continues to be concerned", "Conscious of"): a note; before a noun ("the
                # Secretary-General") a warning
                Severity.INFO if rest[0].lower() in _PARTICLES else Severity.WARNING,
                say(
                    "The italic opener should stop before the object: '{prefix}', then '{rest}' in roman.",
                    prefix=prefix,
                    rest=" ".join(rest),
                ),
                paragraph_id=para.id,
                field="opener",
                span=(len(prefix), len(opener)),
            ),
        )
        return
    if not _looks_right(opener, part, lang):
        if _stops_early(out, para, part, lang):
            return
        rule = "openers.preambular-form" if part is Part.PREAMBLE else "openers.operative-form"
        add(
            out,
            finding(
                rule,
                Severity.WARNING,
                say("'{opener}' is not a usual opener. {help}", opener=opener, help=FORM_HELP[part]),
                paragraph_id=para.id,
                field="opener",
                span=(0, len(opener)),
            ),
        )


def _stops_early(out: list[Finding], para: Paragraph, part: Part, lang: str) -> bool:
    """An opener of no opener's form that is the start of a known one running on into the text ("*Gravely*
    concerned that …", as an issued SC draft printed it): the italics stop early. Says so, rather than calling
    the word no opener."""
    from app.inline import plain
    from app.render import join_opener

    opener = para.opener.strip()
    longer = detect_opener(join_opener(opener, plain(para.text)), part, language=lang)
    if not (longer.startswith(opener + " ") and is_known(longer, part, lang)):
        return False
    add(
        out,
        finding(
            "openers.span",
            Severity.WARNING,
            say(
                "The italic opener stops early: '{longer}' is the opener, '{rest}' in italics too.",
                longer=longer,
                rest=longer[len(opener) :].strip(),
            ),
            paragraph_id=para.id,
            field="opener",
            span=(0, len(para.opener)),
        ),
    )
    return True
