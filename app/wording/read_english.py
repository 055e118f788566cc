"""The English set wording read back: places ("operative paragraph 5 (b)"), whole-paragraph sentences, several
paragraphs deleted at once and word edits ("replace “X” with “Y”; and delete “Z”")."""

from __future__ import annotations

import re
from collections.abc import Iterable

from app.digits import to_int
from app.errors import InputError
from app.formatting import parse_ordinal_words, subparagraph_label
from app.messages import say
from app.model import Action, Instruction, Part
from app.wording.words import QUOTED, holes, quote

_Q = r"[“\"](?P<{}>[^”\"]*)[”\"]"
_ORD = r"(?:[a-z]+(?:-[a-z]+)*|\d{4,9}(?:st|nd|rd|th))"  # one word, or figures from 1000th
ORDINAL_WORDS = r"(?:[a-z]+(?:[- ][a-z]+)*|\d{4,9}(?:st|nd|rd|th))"  # also "one hundred and first"
_SUB = r"\([a-z]+\)(?:\s*\([a-z]+\))?(?:\s*[a-z]+\.){0,2}"  # (a) (i) a. i.: four levels
_PLACE = re.compile(
    rf"(?:subparagraph (?P<sub1>{_SUB}) of )?the (?P<ord>{ORDINAL_WORDS}) preambular paragraph"
    rf"|(?:subparagraph (?P<sub2>{_SUB}) of )?operative paragraph (?P<num>\d+)(?:\s*(?P<sub3>{_SUB}))?"
    r"|the (?P<single>operative) paragraph",
    re.IGNORECASE,
)
_KIND = r"(?:preambular |operative |sub)?paragraph"


def parse_place(text: str) -> tuple[Part, int, str]:
    """ "operative paragraph 5 (b)" → (OPERATIVE, 5, "(b)")."""
    m = _PLACE.fullmatch(text.strip())
    if not m:
        raise InputError(say("not a paragraph of a draft: “{text}”", text=text.strip()))
    if m.group("ord"):
        number = parse_ordinal_words(m.group("ord"))
        if number is None:
            raise InputError(say("not an ordinal number: “{word}”", word=m.group("ord")))
        return Part.PREAMBLE, number, _norm_sub(m.group("sub1") or "")
    if m.group("single"):
        return Part.OPERATIVE, 1, ""
    return (
        Part.OPERATIVE,
        paragraph_number(m.group("num")),
        _norm_sub(m.group("sub2") or m.group("sub3") or ""),
    )


def _norm_sub(sub: str) -> str:
    return " ".join(re.findall(r"\([^)]*\)|[a-z]+\.", sub))


_P = r"(?P<place>.+?)"
_NEW = r"(?:an? |the following )(?:new )?"  # "a new operative paragraph", "the following new paragraph"
_READING = r"(?:,? reading|:)?"
_WHOLE = [
    (re.compile(rf"Delete {_P}{_READING}", re.I), Action.DELETE, "at"),
    (re.compile(rf"Replace {_P} (?:with|by) the following(?: text)?", re.I), Action.REPLACE, "at"),
    (re.compile(rf"After {_P}, (?:insert|add) {_NEW}{_KIND}{_READING}", re.I), Action.INSERT, "at"),
    (re.compile(rf"(?:Insert|Add) {_NEW}{_KIND} after {_P}{_READING}", re.I), Action.INSERT, "at"),
    (re.compile(rf"(?:Insert|Add) {_NEW}{_KIND} before {_P}{_READING}", re.I), Action.INSERT, "before"),
    (re.compile(rf"Before {_P}, (?:insert|add) {_NEW}{_KIND}{_READING}", re.I), Action.INSERT, "before"),
    (
        re.compile(
            r"At the (?:beginning|start) of the (?P<part>preamble|operative part), (?:insert|add) "
            rf"{_NEW}{_KIND}{_READING}",
            re.I,
        ),
        Action.INSERT,
        "start",
    ),
]
# several whole paragraphs at once: "Delete operative paragraphs 5 and 6", "Delete the fourth and fifth
# preambular paragraphs"
_SEVERAL_OP = re.compile(r"Delete operative paragraphs (?P<list>\d+(?:(?:, | and |, and )\d+)+)", re.I)
_SEVERAL_PP = re.compile(
    rf"Delete the (?P<list>{_ORD}(?:(?:, | and |, and ){_ORD})+) preambular paragraphs", re.I
)
_IN = re.compile(rf"In {_P}, (?P<edits>.+)", re.I | re.S)
_W = r"(?:the (?:words?|phrase) )?"
_EDITS = [
    (re.compile(rf"after {_W}\0(?P<a>\d+)\0,? (?:insert|add) {_W}\0(?P<n>\d+)\0", re.I), Action.INSERT),
    (re.compile(rf"(?:insert|add) {_W}\0(?P<n>\d+)\0 after {_W}\0(?P<a>\d+)\0", re.I), Action.INSERT),
    (re.compile(rf"before {_W}\0(?P<o>\d+)\0,? (?:insert|add) {_W}\0(?P<n>\d+)\0", re.I), Action.INSERT),
    (re.compile(rf"(?:insert|add) {_W}\0(?P<n>\d+)\0 before {_W}\0(?P<o>\d+)\0", re.I), Action.INSERT),
    (
        re.compile(
            rf"replace {_W}\0(?P<o>\d+)\0(?: after {_W}\0(?P<a>\d+)\0)? (?:with|by) {_W}"
            r"\0(?P<n>\d+)\0",
            re.I,
        ),
        Action.REPLACE,
    ),
    (re.compile(rf"delete {_W}\0(?P<o>\d+)\0(?: after {_W}\0(?P<a>\d+)\0)?", re.I), Action.DELETE),
]


def parse_english(text: str) -> tuple[list[Instruction], str]:
    body = re.sub(r"\s+", " ", text).strip().rstrip(";.").strip()
    body = re.sub(r"[;,]? and$", "", body)
    head, colon, rest = body.partition(":")
    if colon and not QUOTED.fullmatch(rest.strip() or "“”"):
        head, rest = body, ""  # a colon inside the quoted words, not before a paragraph
    head = head.strip()
    carried = QUOTED.fullmatch(rest.strip()).group(1) if rest.strip() else ""  # type: ignore[union-attr]
    several = _several(head)
    if several:
        return several, carried
    m = _IN.fullmatch(head)
    if m and not any(p.fullmatch(head) for p, _, _ in _WHOLE):
        part, number, sub = parse_place(m.group("place"))
        return _parse_edits(m.group("edits"), part, number, sub), carried
    for pattern, action, how in _WHOLE:
        m = pattern.fullmatch(head)
        if not m:
            continue
        if how == "start":
            part = Part.PREAMBLE if m.group("part").lower() == "preamble" else Part.OPERATIVE
            return [Instruction(action, part, 0)], carried
        part, number, sub = parse_place(m.group("place"))
        if how == "before":
            number, sub = (number, previous_sub(sub)) if sub else (number - 1, "")
        return [Instruction(action, part, number, sub)], carried
    raise InputError(say("not an amendment instruction in the set wording: “{text}”", text=body[:120]))


def paragraph_number(digits: str) -> int:
    """A paragraph number as an instruction writes it (`\\d+`: any script's digits, any length)."""
    number = to_int(digits)
    if number is None:
        raise InputError(say("not a paragraph number: “{text}”", text=digits[:20]))
    return number


def _several(head: str) -> list[Instruction]:
    m = _SEVERAL_OP.fullmatch(head)
    if m:
        return [
            Instruction(Action.DELETE, Part.OPERATIVE, paragraph_number(n))
            for n in re.findall(r"\d+", m.group("list"))
        ]
    m = _SEVERAL_PP.fullmatch(head)
    if not m:
        return []
    out = []
    for word in re.split(r", and |, | and ", m.group("list")):
        number = parse_ordinal_words(word)
        if number is None:
            raise InputError(say("not an ordinal number: “{word}”", word=word))
        out.append(Instruction(Action.DELETE, Part.PREAMBLE, number))
    return out


def previous_sub(sub: str) -> str:
    """A new subparagraph before (b) goes after (a); before (a): after "(0)", the start of the list."""
    labels = sub.split()
    depth = len(labels)
    for i in range(1, 200):
        if subparagraph_label(depth, i) == labels[-1]:
            prev = subparagraph_label(depth, i - 1) if i > 1 else "(0)"
            return " ".join([*labels[:-1], prev])
    raise InputError(say("not a subparagraph label: {label}", label=labels[-1]))


def _parse_edits(edits: str, part: Part, number: int, sub: str) -> list[Instruction]:
    holed, quoted = holes(edits)
    phrases = re.split(r";\s*(?:and\s+)?|,\s+and\s+(?=(?:after|before|replace|delete|insert|add)\b)", holed)
    return read_edits(phrases, quoted, _EDITS, part, number, sub, "")


def read_edits(
    phrases: list[str],
    quoted: list[str],
    patterns: Iterable[tuple[re.Pattern[str], Action]],
    part: Part,
    number: int,
    sub: str,
    language: str,
) -> list[Instruction]:
    """Word edits ("replace “a” with “b”; and after “c” insert “d”"), one phrase each, quotations as holes:
    one instruction per phrase in the language's set wording, or a one-line error."""
    out: list[Instruction] = []
    for phrase in phrases:
        phrase = phrase.strip().rstrip(",")
        for pattern, action in patterns:
            m = pattern.fullmatch(phrase)
            if not m:
                continue
            groups = {k: quoted[int(v)] for k, v in m.groupdict().items() if v is not None}
            out.append(
                Instruction(
                    action,
                    part,
                    number,
                    sub,
                    old=groups.get("o", ""),
                    new=groups.get("n", ""),
                    after=groups.get("a", ""),
                )
            )
            break
        else:
            shown = re.sub(r"\0(\d+)\0", lambda h: quote(quoted[int(h.group(1))], language), phrase)
            raise InputError(
                say("not an amendment instruction in the set wording: “{text}”", text=shown[:120])
            )
    return out
