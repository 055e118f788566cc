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
from app.inline import plain_text
from app.lexicon import convert_opener, detect_opener, head_word, is_known, looks_like_opener, phrases
from app.messages import say
from app.model import DocumentKind, Part
from app.wording import INSTRUCTION_START

_OBJECT_START = frozenset("the that all a an to this these those member states governments".split())

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
    lang = ctx.language
    out: list[Finding] = []
    opener = para.opener
    if not opener.strip():
        ft = plain_text(para.text)
        if not ft.text.strip():
            return out  # an empty paragraph: structure.empty-paragraph says so
        if ctx.kind is DocumentKind.AMENDMENT and INSTRUCTION_START.match(ft.text.lstrip()):
            return out  # an amendment's instruction in a wording not understood: no resolution paragraph
        # a decision in one sentence runs on from the organ line: "The General Assembly, recalling …, decides …"
        if (
            ctx.kind is DocumentKind.DRAFT_DECISION
            and part is Part.OPERATIVE
            and ft.text.lstrip()[:1].islower()
        ):
            return out
        lead = len(ft.text) - len(ft.text.lstrip())
        if (
            part is Part.OPERATIVE
            and para.heading
            and is_known(detect_opener(ft.text, Part.PREAMBLE, language=lang), Part.PREAMBLE, lang)
        ):
            # a section of a sectioned resolution (the Fifth Committee's) may open with its own preambular
            # paragraph under its heading: "II / Conditions of service … / Recalling its resolution 44/198, …,"
            return out
        found = detect_opener(ft.text, part, language=lang)
        if found:
            # a verb the lexicon lacks but of an opener's form ("Recommits", "Welcoming") is set as one too
            known = is_known(found, part, lang)
            add(
                out,
                finding(
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
                ),
            )
        elif part is Part.OPERATIVE and (verb := _after_lead_in(ft.text, lang)):
            start = ft.text.index(verb[1])
            add(
                out,
                finding(
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
                ),
            )
        else:
            rule = "openers.preambular-form" if part is Part.PREAMBLE else "openers.operative-form"
            add(
                out,
                finding(
                    rule,
                    Severity.WARNING,
                    say("{help} This one has no opener.", help=FORM_HELP[part]),
                    paragraph_id=para.id,
                    field="text",
                    span=(0, min(len(para.text), 20)),
                ),
            )
        return out

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

    good_case = _capitalized(opener, lang)
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

    other = Part.OPERATIVE if part is Part.PREAMBLE else Part.PREAMBLE
    if is_known(opener, part, lang):
        return out
    if lang != "en" and is_known(opener, other, lang) and not _looks_right(opener, part, lang):
        where = say("preambular") if part is Part.PREAMBLE else say("operative")
        add(
            out,
            finding(
                "openers.wrong-part",
                Severity.WARNING,
                say(
                    "'{opener}' is an opener of the other part in the UN's texts, not a {where} one.",
                    opener=opener,
                    where=where,
                ),
                paragraph_id=para.id,
                field="opener",
                span=whole,
            ),
        )
        return out
    if is_known(opener, other) and not _looks_right(opener, part):
        converted = convert_opener(opener, part, template=ctx.template)
        where = say("preambular") if part is Part.PREAMBLE else say("operative")
        fix = (
            Fix(say("Use '{converted}'", converted=converted), "opener", whole, converted)
            if converted != opener
            else None
        )
        add(
            out,
            finding(
                "openers.wrong-part",
                Severity.WARNING,
                say(
                    "'{opener}' is the form of the other part. {help} As a {where} opener: '{converted}'.",
                    opener=opener,
                    help=FORM_HELP[part],
                    where=where,
                    converted=converted,
                ),
                paragraph_id=para.id,
                field="opener",
                span=whole,
                fix=fix,
            ),
        )
        return out
    prefix = detect_opener(opener, part, language=lang)
    rest = opener[len(prefix) :].split()
    if lang == "en" and prefix and is_known(prefix, part) and rest and rest[0].lower() in _OBJECT_START:
        add(
            out,
            finding(
                "openers.span",
                Severity.WARNING,
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
        return out
    if not _looks_right(opener, part, lang):
        rule = "openers.preambular-form" if part is Part.PREAMBLE else "openers.operative-form"
        add(
            out,
            finding(
                rule,
                Severity.WARNING,
                say("'{opener}' is not a usual opener. {help}", opener=opener, help=FORM_HELP[part]),
                paragraph_id=para.id,
                field="opener",
                span=whole,
            ),
        )
    return out
