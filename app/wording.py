"""The set wording of amendments and oral revisions, both ways: writing an instruction and reading one back.

Paragraphs are named as in the text being amended: "the thirty-eighth preambular paragraph", "operative
paragraph 5", "operative paragraph 5 (b)", "subparagraph (a) of the fourth preambular paragraph". Changes
inside a paragraph read "after “X”, insert “Y”", "before “X”, insert “Y”", "replace “X” with “Y”" (with
"after “C”" when X occurs more than once) and "delete “X”"; several changes to one paragraph are one sentence
("In operative paragraph 5, after ...; and replace ..."). Whole paragraphs are deleted "reading:", replaced
"with the following:" and inserted "reading:", the paragraph itself following the sentence.

Quoted text is the model's inline markup (`app.inline`), so a quoted title keeps its italics. An insertion
before a word is an INSERT whose `old` holds the words it goes before (`after` empty).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from app.compare.diff import DELETE, EQUAL, INSERT, Segment
from app.errors import InputError
from app.formatting import ordinal_words, parse_ordinal_words, subparagraph_label
from app.model import Action, Instruction, Part

OPEN, CLOSE = "“", "”"


def quote(text: str) -> str:
    return f"{OPEN}{text.strip()}{CLOSE}"


def paragraph_name(part: Part, number: int, sub: str = "", *, numbered: bool = True) -> str:
    """How paragraph `number` of `part` (and its subparagraph `sub`, "(b)" or "(b) (ii)") is named."""
    if part is Part.PREAMBLE:
        top = f"the {ordinal_words(number)} preambular paragraph"
        return f"subparagraph {sub} of {top}" if sub else top
    top = f"operative paragraph {number}" if numbered else "the operative paragraph"
    return f"{top} {sub}" if sub else top


def paragraph_kind(part: Part, sub: str = "") -> str:
    if sub:
        return "subparagraph"
    return "preambular paragraph" if part is Part.PREAMBLE else "operative paragraph"


def part_name(part: Part) -> str:
    return "preamble" if part is Part.PREAMBLE else "operative part"


def edit_phrase(action: Action, *, old: str = "", new: str = "", after: str = "") -> str:
    """One change inside a paragraph: "after “X”, insert “Y”", "replace “X” with “Y”", "delete “X”"."""
    where = f" after {quote(after)}" if after else ""
    if action is Action.INSERT:
        return (
            f"after {quote(after)}, insert {quote(new)}"
            if after
            else f"before {quote(old)}, insert {quote(new)}"
        )
    if action is Action.REPLACE:
        return f"replace {quote(old)}{where} with {quote(new)}"
    return f"delete {quote(old)}{where}"


@dataclass(frozen=True)
class Edit:
    """One change inside a paragraph's text (see `edit_phrase`)."""

    action: Action
    old: str = ""
    new: str = ""
    after: str = ""

    @property
    def phrase(self) -> str:
        return edit_phrase(self.action, old=self.old, new=self.new, after=self.after)


_PUNCT_ONLY = re.compile(r"^[\s,;:.]*$")
_MAX_CONTEXT = 8
_CONTEXT_REACH = 1_000  # characters looked back for the words of a context
_COUNTS_PER_TEXT = 40  # searches of the whole text for one paragraph's contexts; past that, the longest


def _context_before(base: str, at: int, searches: list[int]) -> str:
    """The fewest words before `at` that occur once in the base text. `searches` holds how many more whole-text
    searches this paragraph may spend (a paragraph with thousands of edits would else cost their number times
    its length); without any left, the longest context is given, which names the place as surely."""
    start = max(0, at - _CONTEXT_REACH)
    words = list(re.finditer(r"\S+", base[start:at]))
    if start and words and words[0].start() == 0:
        words = words[1:]  # cut by the window: not a whole word
    for n in range(2, _MAX_CONTEXT + 1):
        if n > len(words) or searches[0] <= 0:
            break
        snippet = base[start + words[-n].start() : at].strip()
        searches[0] -= 1
        if base.count(snippet) == 1:
            return snippet
    return base[start + words[-min(len(words), _MAX_CONTEXT)].start() : at].strip() if words else ""


def _join_close_edits(segments: list[Segment]) -> list[Segment]:
    """Two edits one or two words apart read better as one replacement."""
    out: list[Segment] = []
    for i, seg in enumerate(segments):
        close = (
            0 < i < len(segments) - 1
            and seg.op == EQUAL
            and not seg.footnote
            and len(seg.text.split()) <= 2
            and seg.text.strip()
            and segments[i - 1].op != EQUAL
            and segments[i + 1].op != EQUAL
        )
        out += [Segment(DELETE, seg.text), Segment(INSERT, seg.text)] if close else [seg]
    # deletions first, then insertions, inside each run of changes
    result: list[Segment] = []
    run: list[Segment] = []
    for seg in [*out, Segment(EQUAL, "")]:
        if seg.op != EQUAL:
            run.append(seg)
            continue
        result += [s for s in run if s.op == DELETE] + [s for s in run if s.op == INSERT]
        run = []
        result.append(seg)
    return result[:-1]


def segment_edits(segments: list[Segment], *, punctuation: bool = False) -> list[Edit]:
    """The changes of a word diff as edits named by their context in the base text. `punctuation` False:
    changes of punctuation alone are left out (they follow from the structure when read out)."""
    base = "".join(s.text for s in segments if s.op != INSERT)
    out: list[Edit] = []
    pos = 0  # offset in the base text
    i = 0
    segs = _join_close_edits(segments)
    searches = [_COUNTS_PER_TEXT]
    while i < len(segs):
        seg = segs[i]
        if seg.op == EQUAL:
            pos += len(seg.text)
            i += 1
            continue
        gone: list[str] = []
        came: list[str] = []
        while i < len(segs) and segs[i].op != EQUAL:
            (gone if segs[i].op == DELETE else came).append(segs[i].text)
            i += 1
        deleted, inserted = "".join(gone), "".join(came)
        start = pos
        pos += len(deleted)
        if not punctuation and _PUNCT_ONLY.match(deleted) and _PUNCT_ONLY.match(inserted):
            continue
        if not deleted.strip():
            if start == 0 or not base[:start].strip():
                out.append(Edit(Action.INSERT, old=" ".join(base[start:].split()[:3]), new=inserted.strip()))
            else:
                out.append(
                    Edit(Action.INSERT, new=inserted.strip(), after=_context_before(base, start, searches))
                )
        else:
            searches[0] -= 1
            unique = searches[0] >= 0 and base.count(deleted.strip()) == 1
            where = "" if unique else _context_before(base, start, searches)
            action = Action.REPLACE if inserted.strip() else Action.DELETE
            out.append(Edit(action, old=deleted.strip(), new=inserted.strip(), after=where))
    return out


def in_paragraph(where: str, phrases: list[str]) -> str:
    return f"In {where}, " + "; ".join(phrases)


def delete_paragraph(where: str, *, reading: bool = False) -> str:
    return f"Delete {where}" + (" reading:" if reading else "")


def replace_paragraph(where: str) -> str:
    return f"Replace {where} with the following:"


def insert_paragraph(after: str, part: Part, kind: str) -> str:
    """ "After X, insert a new ... reading:"; `after` empty: at the beginning of the part."""
    if not after:
        return f"At the beginning of the {part_name(part)}, insert a new {kind} reading:"
    return f"After {after}, insert a new {kind} reading:"


def is_text_edit(ins: Instruction) -> bool:
    """A change inside a paragraph, as opposed to a whole paragraph deleted, replaced or inserted."""
    return ins.paragraph is None and bool(ins.old or ins.new or ins.after)


def sentence(ins: Instruction, *, numbered: bool = True) -> str:
    """The sentence of one whole-paragraph instruction (text edits go through `in_paragraph`)."""
    where = paragraph_name(ins.part, ins.number, ins.sub, numbered=numbered)
    if ins.action is Action.DELETE:
        return delete_paragraph(where, reading=ins.paragraph is not None)
    if ins.action is Action.REPLACE:
        return replace_paragraph(where)
    kind = "subparagraph" if ins.sub else paragraph_kind(ins.part)
    labels = ins.sub.split()
    if labels and labels[-1] == "(0)":  # a new first subparagraph
        first = " ".join([*labels[:-1], subparagraph_label(len(labels), 1)])
        return f"Before {paragraph_name(ins.part, ins.number, first)}, insert a new {kind} reading:"
    if ins.sub:  # a new subparagraph goes after subparagraph `sub`
        return insert_paragraph(where, ins.part, kind)
    after = paragraph_name(ins.part, ins.number) if ins.number else ""
    return insert_paragraph(after, ins.part, kind)


# --- reading the wording back -------------------------------------------------------------------------

_Q = r"[“\"](?P<{}>[^”\"]*)[”\"]"
_ORD = r"[a-z]+(?:-[a-z]+)*"
_SUB = r"\([a-z]+\)(?:\s*\([a-z]+\))?(?:\s*[a-z]+\.){0,2}"  # (a) (i) a. i.: four levels
# the first word of an amendment's instruction ("Delete operative paragraph 3", "In operative paragraphs 27 and 43,
# delete …", "Replace “Chornobyl” with “Chernobyl” in the title …"), whether or not its wording is understood
INSTRUCTION_START = re.compile(r"^(?:\d+\.\s+)?(?:Delete|Replace|Insert|Add|After|Before|In|At the)\b")
_PLACE = re.compile(
    rf"(?:subparagraph (?P<sub1>{_SUB}) of )?the (?P<ord>{_ORD}) preambular paragraph"
    rf"|(?:subparagraph (?P<sub2>{_SUB}) of )?operative paragraph (?P<num>\d+)(?:\s*(?P<sub3>{_SUB}))?"
    r"|the (?P<single>operative) paragraph",
    re.IGNORECASE,
)
_KIND = r"(?:preambular |operative |sub)?paragraph"


def parse_place(text: str) -> tuple[Part, int, str]:
    """ "operative paragraph 5 (b)" → (OPERATIVE, 5, "(b)")."""
    m = _PLACE.fullmatch(text.strip())
    if not m:
        raise InputError(f"not a paragraph of a draft: “{text.strip()}”")
    if m.group("ord"):
        number = parse_ordinal_words(m.group("ord"))
        if number is None:
            raise InputError(f"not an ordinal number: “{m.group('ord')}”")
        return Part.PREAMBLE, number, _norm_sub(m.group("sub1") or "")
    if m.group("single"):
        return Part.OPERATIVE, 1, ""
    return Part.OPERATIVE, int(m.group("num")), _norm_sub(m.group("sub2") or m.group("sub3") or "")


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
    (re.compile(r"At the (?:beginning|start) of the (?P<part>preamble|operative part), (?:insert|add) "
                rf"{_NEW}{_KIND}{_READING}", re.I), Action.INSERT, "start"),
]  # fmt: skip
# several whole paragraphs at once: "Delete operative paragraphs 5 and 6", "Delete the fourth and fifth
# preambular paragraphs"
_SEVERAL_OP = re.compile(r"Delete operative paragraphs (?P<list>\d+(?:(?:, | and |, and )\d+)+)", re.I)
_SEVERAL_PP = re.compile(
    rf"Delete the (?P<list>{_ORD}(?:(?:, | and |, and ){_ORD})+) preambular paragraphs", re.I
)
_IN = re.compile(rf"In {_P}, (?P<edits>.+)", re.I | re.S)
_HOLE = "\0{}\0"
_W = r"(?:the (?:words?|phrase) )?"
_EDITS = [
    (re.compile(rf"after {_W}\0(?P<a>\d+)\0,? (?:insert|add) {_W}\0(?P<n>\d+)\0", re.I), Action.INSERT),
    (re.compile(rf"(?:insert|add) {_W}\0(?P<n>\d+)\0 after {_W}\0(?P<a>\d+)\0", re.I), Action.INSERT),
    (re.compile(rf"before {_W}\0(?P<o>\d+)\0,? (?:insert|add) {_W}\0(?P<n>\d+)\0", re.I), Action.INSERT),
    (re.compile(rf"(?:insert|add) {_W}\0(?P<n>\d+)\0 before {_W}\0(?P<o>\d+)\0", re.I), Action.INSERT),
    (re.compile(rf"replace {_W}\0(?P<o>\d+)\0(?: after {_W}\0(?P<a>\d+)\0)? (?:with|by) {_W}"
                r"\0(?P<n>\d+)\0", re.I), Action.REPLACE),
    (re.compile(rf"delete {_W}\0(?P<o>\d+)\0(?: after {_W}\0(?P<a>\d+)\0)?", re.I), Action.DELETE),
]  # fmt: skip
_QUOTED = re.compile(r"[“\"]([^”\"]*)[”\"]")


def _holes(text: str) -> tuple[str, list[str]]:
    quoted: list[str] = []

    def keep(m: re.Match[str]) -> str:
        quoted.append(m.group(1))
        return _HOLE.format(len(quoted) - 1)

    return _QUOTED.sub(keep, text), quoted


def parse_sentence(text: str) -> tuple[list[Instruction], str]:
    """The instructions of one sentence of an amendment, and the quoted paragraph text when the sentence
    carries it after its colon (oral style). Raises InputError when the sentence is not in the set wording."""
    body = re.sub(r"\s+", " ", text).strip().rstrip(";.").strip()
    body = re.sub(r"[;,]? and$", "", body)
    head, colon, rest = body.partition(":")
    if colon and not _QUOTED.fullmatch(rest.strip() or "“”"):
        head, rest = body, ""  # a colon inside the quoted words, not before a paragraph
    head = head.strip()
    carried = _QUOTED.fullmatch(rest.strip()).group(1) if rest.strip() else ""  # type: ignore[union-attr]
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
            number, sub = (number, _previous_sub(sub)) if sub else (number - 1, "")
        return [Instruction(action, part, number, sub)], carried
    raise InputError(f"not an amendment instruction in the set wording: “{body[:120]}”")


def _several(head: str) -> list[Instruction]:
    m = _SEVERAL_OP.fullmatch(head)
    if m:
        return [
            Instruction(Action.DELETE, Part.OPERATIVE, int(n)) for n in re.findall(r"\d+", m.group("list"))
        ]
    m = _SEVERAL_PP.fullmatch(head)
    if not m:
        return []
    out = []
    for word in re.split(r", and |, | and ", m.group("list")):
        number = parse_ordinal_words(word)
        if number is None:
            raise InputError(f"not an ordinal number: “{word}”")
        out.append(Instruction(Action.DELETE, Part.PREAMBLE, number))
    return out


def _previous_sub(sub: str) -> str:
    """A new subparagraph before (b) goes after (a); before (a): after "(0)", the start of the list."""
    labels = sub.split()
    depth = len(labels)
    for i in range(1, 200):
        if subparagraph_label(depth, i) == labels[-1]:
            prev = subparagraph_label(depth, i - 1) if i > 1 else "(0)"
            return " ".join([*labels[:-1], prev])
    raise InputError(f"not a subparagraph label: {labels[-1]}")


def _parse_edits(edits: str, part: Part, number: int, sub: str) -> list[Instruction]:
    holed, quoted = _holes(edits)
    out: list[Instruction] = []
    for phrase in re.split(
        r";\s*(?:and\s+)?|,\s+and\s+(?=(?:after|before|replace|delete|insert|add)\b)", holed
    ):
        phrase = phrase.strip().rstrip(",")
        for pattern, action in _EDITS:
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
                )  # fmt: skip
            )
            break
        else:
            shown = re.sub(r"\0(\d+)\0", lambda h: quote(quoted[int(h.group(1))]), phrase)
            raise InputError(f"not an amendment instruction in the set wording: “{shown[:120]}”")
    return out
