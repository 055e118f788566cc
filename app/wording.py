"""The set wording of amendments and oral revisions, both ways: writing an instruction and reading one back.

Paragraphs are named as in the text being amended: "the thirty-eighth preambular paragraph", "operative
paragraph 5", "operative paragraph 5 (b)", "subparagraph (a) of the fourth preambular paragraph". Changes
inside a paragraph read "after “X”, insert “Y”", "before “X”, insert “Y”", "replace “X” with “Y”" (with
"after “C”" when X occurs more than once) and "delete “X”"; several changes to one paragraph are one sentence
("In operative paragraph 5, after ...; and replace ..."). Whole paragraphs are deleted "reading:", replaced
"with the following:" and inserted "reading:", the paragraph itself following the sentence.

Quoted text is the model's inline markup (`app.inline`), so a quoted title keeps its italics. An insertion
before a word is an INSERT whose `old` holds the words it goes before (`after` empty).

Another language has its wording as data, the [amendments] table of resources/languages/<code>.toml
("Supprimer le troisième alinéa du préambule", "En el párrafo 5, sustitúyase “X” por “Y”"): every function
takes `language`, and reading back tries each language's wording when none is given.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any

from app.compare.diff import DELETE, EQUAL, INSERT, Segment
from app.digits import to_int
from app.errors import InputError
from app.formatting import ROMAN_NUMBER, ordinal_words, parse_ordinal_words, subparagraph_label
from app.languages import all_languages, get_language
from app.messages import say
from app.model import TITLE_UNIT, Action, Annex, Instruction, Part, ResolutionPart

OPEN, CLOSE = "“", "”"


def _table(language: str) -> dict[str, Any]:
    """The language's [amendments] wording; {} for English (the wording in this module's code)."""
    return get_language(language).amendments


def quote(text: str, language: str = "") -> str:
    t = _table(language)
    opening, closing = t.get("quotes", (OPEN, CLOSE))
    return f"{opening}{text.strip()}{closing}"


def _contract(t: dict[str, Any], text: str) -> str:
    """ "À le paragraphe" → "Au paragraphe", "de el" → "del": the language's [amendments] contractions."""
    for long, short in t.get("contractions", ()):
        text = text.replace(long, short)
    return text


def _expand(t: dict[str, Any], text: str) -> str:
    """`_contract` undone ("Au paragraphe" → "À le paragraphe"), whole words only."""
    for long, short in t.get("contractions", ()):
        text = re.sub(rf"(?<!\w){re.escape(short)}", long, text)
    return text


def _ordinal(t: dict[str, Any], number: int) -> str:
    words = t["ordinals"]
    return words[number - 1] if 1 <= number <= len(words) else str(number)


def _sub_in(language: str, sub: str) -> str:
    """ "(b) (ii)" (the model's labels) in the language's shapes: "b) ii)"."""
    labels = get_language(language).labels
    tokens = sub.split()
    return " ".join(
        labels[depth % len(labels)].replace("{a}", tok.strip("().")).replace("{i}", tok.strip("()."))
        for depth, tok in enumerate(tokens)
    )


def _sub_out(text: str) -> str:
    """A label path as the language prints it ("b) ii)") in the model's labels ("(b) (ii)")."""
    tokens = re.findall(r"\(?[a-z]+[).]", text)
    return " ".join(
        get_language("en").labels[depth % 4].replace("{a}", tok.strip("().")).replace("{i}", tok.strip("()."))
        for depth, tok in enumerate(tokens)
    )


# where a paragraph stands beyond part A (`Instruction.unit`): the English forms; another language's are keys of
# the same names in its [amendments] table
_UNIT_WORDS_EN = {
    "title": "the title",
    "in_title": "In the title, {edits}",
    "of_part": " of part {letter}",
    "of_annex": " of the annex",
    "of_annex_n": " of annex {number}",
    "annex": "the annex",
    "annex_n": "annex {number}",
    "annex_paragraph": "paragraph {number}",
    "annex_paragraph_sub": "paragraph {number} {sub}",
    # a whole part deleted ("Delete part B", as "Delete annex II"): our own wording, no issued amendment found
    "part": "part {letter}",
    # an annex's unnumbered paragraph (`Instruction.part` PREAMBLE in an annex), counted among the unnumbered, as
    # the oral revisions name it: our own wording (issued texts of 1948-50 name unnumbered paragraphs by their
    # order, "the first paragraph of the Preamble"; no recent amendment naming one in an annex was found)
    "annex_unnumbered": "the {ordinal} unnumbered paragraph",
    "annex_unnumbered_sub": "subparagraph {sub} of the {ordinal} unnumbered paragraph",
    # a part or an annex added whole, quoted after the sentence: our own wording, as a paragraph is inserted (no
    # issued amendment adding one was found)
    "new_annex": "a new annex",
    "new_part": "a new part",
    "unit_insert_after": "After {place}, insert {new} reading",
    "unit_insert_before": "Before {place}, insert {new} reading",
    "unit_add": "Add {new} reading",
}


def _unit_words(language: str) -> dict[str, Any]:
    t = _table(language)
    return t if "of_part" in t else _UNIT_WORDS_EN


def is_annex_unit(unit: str) -> bool:
    return unit == "Annex" or unit.startswith("Annex ")


def unit_title(unit: str) -> str:
    """The `Instruction.unit` of a change to the title of part `unit` ("A", "B") or of annex `unit` ("Annex II"):
    "title B", "title Annex II"; the resolution's own title is `TITLE_UNIT`."""
    return f"{TITLE_UNIT} {unit}" if unit else TITLE_UNIT


def titled(unit: str) -> str | None:
    """The part or annex whose title an instruction's unit names ("" the resolution's own); None: no title."""
    if unit == TITLE_UNIT:
        return ""
    return unit.removeprefix(TITLE_UNIT + " ") if unit.startswith(TITLE_UNIT + " ") else None


def is_title(unit: str) -> bool:
    return titled(unit) is not None


def unit_suffix(unit: str, language: str = "") -> str:
    """ " of part B", " of the annex", " of annex II"; "" for the draft itself (or its part A)."""
    w = _unit_words(language)
    if not unit or is_title(unit):
        return ""
    if is_annex_unit(unit):
        number = unit.removeprefix("Annex").strip()
        return w["of_annex_n"].format(number=number) if number else w["of_annex"]
    return w["of_part"].format(letter=unit)


def whole_unit_name(unit: str, language: str = "") -> str:
    """A part or an annex as a whole: "part B", "the annex", "annex II"."""
    w = _unit_words(language)
    if is_annex_unit(unit):
        number = unit.removeprefix("Annex").strip()
        return w["annex_n"].format(number=number) if number else w["annex"]
    return w["part"].format(letter=unit)


def new_unit_sentence(ins: Instruction, language: str = "") -> str:
    """ "After part A, insert a new part reading:", "Before annex I, insert a new annex reading:", "Add a new
    annex reading:" (no annex to name: the draft has none)."""
    w, t = _unit_words(language), _table(language)
    new = w["new_annex" if isinstance(ins.body, Annex) else "new_part"]
    if ins.after or ins.old:
        key = "unit_insert_after" if ins.after else "unit_insert_before"
        text = w[key].format(place=whole_unit_name(ins.after or ins.old, language), new=new)
    else:
        text = w["unit_add"].format(new=new)
    return _contract(t, text) + ":"


@cache
def _new_unit_patterns(language: str) -> tuple[tuple[re.Pattern[str], str, str], ...]:
    """(pattern, which side of the place it names, what it adds) for each sentence adding a part or annex."""
    w, t = _unit_words(language), _table(language)
    groups = {"number": rf"(?P<roman>{ROMAN_NUMBER})", "letter": r"(?P<letter>[A-Z]{1,2})"}
    out = []
    for new_key in ("new_annex", "new_part"):
        shapes = [("", w["unit_add"])]
        for key in ("unit_insert_after", "unit_insert_before"):
            shapes += [
                (key, w[key].replace("{place}", place)) for place in (w["annex_n"], w["annex"], w["part"])
            ]
        for key, shape in shapes:
            words = _contract(t, shape.replace("{new}", w[new_key]))
            out.append((re.compile(_pattern(words, groups), re.I), key, new_key))
    return tuple(out)


def _new_unit(text: str, language: str) -> Instruction | None:
    """`new_unit_sentence` read back: an INSERT with an empty part or annex for the quoted text to fill."""
    body = re.sub(r"\s+", " ", text).strip().rstrip(";.:").strip()
    for pattern, key, new_key in _new_unit_patterns(language):
        m = pattern.fullmatch(body)
        if not m:
            continue
        found = m.groupdict()
        if found.get("letter"):
            label = found["letter"].upper()
        else:
            label = "Annex " + found["roman"].upper() if found.get("roman") else ("Annex" if key else "")
        ins = Instruction(Action.INSERT, Part.OPERATIVE, 0)
        ins.body = Annex() if new_key == "new_annex" else ResolutionPart()
        ins.after, ins.old = (label, "") if key == "unit_insert_after" else ("", label)
        return ins
    return None


def is_whole_unit(ins: Instruction) -> bool:
    """A whole later part or annex deleted ("Delete annex II", "Delete part B"): number 0 names no paragraph."""
    return (
        ins.action is Action.DELETE
        and ins.number == 0
        and not ins.sub
        and bool(ins.unit)
        and not is_title(ins.unit)
        and not is_text_edit(ins)
    )


def unit_whole(unit: str, part: Part, language: str = "") -> str:
    """The list a new first paragraph goes at the beginning of: "the annex", "the preamble of part B"."""
    t = _table(language)
    if is_annex_unit(unit):
        w = _unit_words(language)
        number = unit.removeprefix("Annex").strip()
        return w["annex_n"].format(number=number) if number else w["annex"]
    whole = t["preamble" if part is Part.PREAMBLE else "operative_part"] if t else f"the {part_name(part)}"
    return whole + unit_suffix(unit, language)


def paragraph_name(
    part: Part, number: int, sub: str = "", *, numbered: bool = True, language: str = "", unit: str = ""
) -> str:
    """How paragraph `number` of `part` (and its subparagraph `sub`, "(b)" or "(b) (ii)") is named; `unit`:
    the title ("the title"), a later part ("operative paragraph 2 of part B") or an annex ("paragraph 3 of
    annex II")."""
    if is_title(unit):  # "the title", "the title of annex II" (our own wording: no issued one found)
        return _unit_words(language)["title"] + unit_suffix(titled(unit) or "", language)
    if is_annex_unit(unit):
        w, t = _unit_words(language), _table(language)
        labels = _sub_in(language, sub) if t else sub
        if part is Part.PREAMBLE:  # unnumbered: "the second unnumbered paragraph of annex II"
            ordinal = _ordinal(t, number) if t else ordinal_words(number)
            top = w["annex_unnumbered_sub" if sub else "annex_unnumbered"].format(ordinal=ordinal, sub=labels)
        else:
            top = w["annex_paragraph_sub" if sub else "annex_paragraph"].format(number=number, sub=labels)
        return top + unit_suffix(unit, language)
    return _paragraph_name(part, number, sub, numbered=numbered, language=language) + unit_suffix(
        unit, language
    )


def place_name(part: Part, number: int, sub: str = "", unit: str = "", *, language: str = "") -> str:
    """`paragraph_name` with the unit given in place (a `Phrase` passes its fields in order)."""
    return paragraph_name(part, number, sub, language=language, unit=unit)


def _paragraph_name(part: Part, number: int, sub: str, *, numbered: bool, language: str) -> str:
    t = _table(language)
    if t:
        if part is Part.PREAMBLE:
            shape = t["preambular_sub" if sub else "preambular"]
        elif not numbered and not sub:
            return t["single"]
        else:
            shape = t["operative_sub" if sub else "operative"]
        return shape.format(ordinal=_ordinal(t, number), number=number, sub=_sub_in(language, sub))
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


def edit_phrase(action: Action, *, old: str = "", new: str = "", after: str = "", language: str = "") -> str:
    """One change inside a paragraph: "after “X”, insert “Y”", "replace “X” with “Y”", "delete “X”"."""
    t = _table(language)
    if t:
        q = {"old": quote(old, language), "new": quote(new, language), "after": quote(after, language)}
        q["where"] = t["edit_where"].format(**q) if after else ""
        if action is Action.INSERT:
            return t["edit_insert_after" if after else "edit_insert_before"].format(**q)
        return t["edit_replace" if action is Action.REPLACE else "edit_delete"].format(**q)
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
        return self.phrase_in("")

    def phrase_in(self, language: str) -> str:
        return edit_phrase(self.action, old=self.old, new=self.new, after=self.after, language=language)


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


def _in_title_head(language: str) -> tuple[str, str]:
    """ "In the title, {edits}" as its words before the comma and what stands between them and the edits."""
    before = _unit_words(language)["in_title"].split("{edits}")[0]
    head = before.rstrip().rstrip(",").rstrip()
    return head, before[len(head) :]


def in_paragraph(where: str, phrases: list[str], language: str = "", *, unit: str = "") -> str:
    t = _table(language)
    if is_title(unit):  # "In the title, …" ("Dans le titre, …": not "Au titre", which means "as")
        joint = get_language(language).punctuate(";") + " " if t else "; "
        head, comma = _in_title_head(language)  # "In the title of annex II, …": the owner after "title"
        return head + unit_suffix(titled(unit) or "", language) + comma + joint.join(phrases)
    if t:
        joint = get_language(language).punctuate(";") + " "  # French: "…\u00a0; …"
        return _contract(t, t["in"].format(place=where, edits=joint.join(phrases)))
    return f"In {where}, " + "; ".join(phrases)


def delete_paragraph(where: str, *, reading: bool = False, language: str = "") -> str:
    t = _table(language)
    if t:
        return _contract(t, t["delete_reading" if reading else "delete"].format(place=where)) + (
            ":" if reading else ""
        )
    return f"Delete {where}" + (" reading:" if reading else "")


def replace_paragraph(where: str, language: str = "") -> str:
    t = _table(language)
    if t:
        return _contract(t, t["replace"].format(place=where)) + ":"
    return f"Replace {where} with the following:"


_NEW_KEY = {
    "preambular paragraph": "new_preambular",
    "operative paragraph": "new_operative",
    "subparagraph": "new_sub",
}


def insert_paragraph(
    after: str, part: Part, kind: str, language: str = "", *, before: bool = False, unit: str = ""
) -> str:
    """ "After X, insert a new ... reading:"; `after` empty: at the beginning of the part (of `unit`'s part or
    annex); `before`: the new paragraph goes before `after`."""
    t = _table(language)
    if t:
        new = t[_NEW_KEY.get(kind, "new_operative")]
        if not after:
            where = unit_whole(unit, part, language)
            return _contract(t, t["insert_start"].format(part=where, new=new)) + ":"
        return (
            _contract(t, t["insert_before" if before else "insert_after"].format(place=after, new=new)) + ":"
        )
    if before:
        return f"Before {after}, insert a new {kind} reading:"
    if not after:
        return f"At the beginning of {unit_whole(unit, part)}, insert a new {kind} reading:"
    return f"After {after}, insert a new {kind} reading:"


def is_text_edit(ins: Instruction) -> bool:
    """A change inside a paragraph, as opposed to a whole paragraph deleted, replaced or inserted (or a part or
    an annex added, whose `after` and `old` name its place)."""
    return ins.paragraph is None and ins.body is None and bool(ins.old or ins.new or ins.after)


def sentence(ins: Instruction, *, numbered: bool = True, language: str = "") -> str:
    """The sentence of one whole-paragraph instruction (text edits go through `in_paragraph`)."""
    unit = ins.unit
    if ins.body is not None:
        return new_unit_sentence(ins, language)
    if is_whole_unit(ins):
        return delete_paragraph(whole_unit_name(unit, language), language=language)
    where = paragraph_name(ins.part, ins.number, ins.sub, numbered=numbered, language=language, unit=unit)
    if ins.action is Action.DELETE:
        return delete_paragraph(where, reading=ins.paragraph is not None, language=language)
    if ins.action is Action.REPLACE:
        return replace_paragraph(where, language)
    kind = "subparagraph" if ins.sub else ("paragraph" if is_annex_unit(unit) else paragraph_kind(ins.part))
    labels = ins.sub.split()
    if labels and labels[-1] == "(0)":  # a new first subparagraph
        first = " ".join([*labels[:-1], subparagraph_label(len(labels), 1)])
        return insert_paragraph(
            paragraph_name(ins.part, ins.number, first, language=language, unit=unit),
            ins.part,
            kind,
            language,
            before=True,
        )
    if ins.sub:  # a new subparagraph goes after subparagraph `sub`
        return insert_paragraph(where, ins.part, kind, language)
    after = paragraph_name(ins.part, ins.number, language=language, unit=unit) if ins.number else ""
    return insert_paragraph(after, ins.part, kind, language, unit=unit)


# --- tables: a table is named by its place, a cell by its row and column ----------------------------

# the English forms; another language's are keys of the same names in its [amendments] table
_TABLE_WORDS_EN = {
    "table_after": "the table after {place}",
    "table_nth_after": "the {ordinal} table after {place}",
    "table_start": "the table at the beginning of {part}",
    "row_named": "the row {name}",
    "row_number": "row {number}",
    "cell": "{table}, in {row}, column {column}",
    "row_delete": "In {table}, delete {row}",
    "row_insert_after": "In {table}, after {row}, insert a new row reading {cells}",
    "row_insert_before": "In {table}, before {row}, insert a new row reading {cells}",
    "blank_cell": "a blank cell",
    "fill_cell": "insert {new}",
    "row_fill": "In {table}, in {row}, which is blank, insert {cells}",
    "table_insert": "After {place}, insert a new table reading: {rows}",
    "new_table_after": "New table after {place}",
    "new_table_before": "New table before {place}",
    "new_table": "New table",
}


def _table_words(language: str) -> tuple[dict[str, Any], dict[str, Any]]:
    t = _table(language)
    return (t if "table_after" in t else _TABLE_WORDS_EN), t


def table_name(after: str, *, nth: int = 1, start_of: str = "", language: str = "") -> str:
    """ "the table after operative paragraph 11", "the second table after …"; with no paragraph before it,
    "the table at the beginning of annex II" (`start_of`)."""
    w, t = _table_words(language)
    if not after:
        return w["table_start"].format(part=start_of)
    if nth > 1:
        ordinal = _ordinal(t, nth) if t else ordinal_words(nth)
        return w["table_nth_after"].format(ordinal=ordinal, place=after)
    return w["table_after"].format(place=after)


def table_place(part: Part, number: int, unit: str = "", nth: int = 1, *, language: str = "") -> str:
    """A table of a draft named as the oral revisions name it: "the table after operative paragraph 3", "the
    second table after paragraph 2 of annex II", "the table at the beginning of the annex" (`number` 0); a
    table is unnumbered, so the paragraph before it names it (a `Phrase` passes the fields in order)."""
    t = _table(language)
    if number <= 0:
        return _contract(t, table_name("", start_of=unit_whole(unit, part, language), language=language))
    after = paragraph_name(part, number, language=language, unit=unit)
    return _contract(t, table_name(after, nth=nth, language=language))  # "que sigue al párrafo 1"


def new_table_name(after: str = "", before: str = "", language: str = "") -> str:
    """A proposed table's name where it stands, by the negotiation label of the paragraph it follows ("New
    table after OP 3") or, first in its list, precedes: a table is unnumbered, and takes no bis or ter."""
    w, _ = _table_words(language)
    if after:
        return w["new_table_after"].format(place=after)
    return w["new_table_before"].format(place=before) if before else w["new_table"]


def row_name(heading: str, number: int, language: str = "") -> str:
    """ "the row “Total”" by its first cell when that names it, else "row 3" (counted from the top)."""
    w, _ = _table_words(language)
    if heading:
        return w["row_named"].format(name=quote(heading, language))
    return w["row_number"].format(number=number)


def cell_place(table: str, row: str, column: str, number: int, language: str = "") -> str:
    """ "the table after …, in the row “Total”, column “2026”" (column 3 when it has no heading)."""
    w, _ = _table_words(language)
    col = quote(column, language) if column else str(number)
    return w["cell"].format(table=table, row=row, column=col)


def fill_cell(new: str, language: str = "") -> str:
    """What goes into a cell that was blank: "insert “12”"."""
    w, _ = _table_words(language)
    return w["fill_cell"].format(new=quote(new, language))


def fill_row(table: str, row: str, cells: list[str], language: str = "") -> str:
    """A blank row filled: "In the table after …, in row 6, which is blank, insert “K”, “…”, a blank cell"."""
    w, t = _table_words(language)
    return _contract(t, w["row_fill"].format(table=table, row=row, cells=row_reading(cells, language)))


def delete_row(table: str, row: str, language: str = "") -> str:
    w, t = _table_words(language)
    return _contract(t, w["row_delete"].format(table=table, row=row))


def insert_row(table: str, row: str, cells: list[str], *, before: bool = False, language: str = "") -> str:
    """ "In the table after …, after the row “C”, insert a new row reading “D”, “…”, a blank cell"."""
    w, t = _table_words(language)
    key = "row_insert_before" if before else "row_insert_after"
    return _contract(t, w[key].format(table=table, row=row, cells=row_reading(cells, language)))


def row_reading(cells: Sequence[str], language: str = "") -> str:
    """A row's cells as read out: "“D”, “Member States …”, a blank cell"."""
    w, _ = _table_words(language)
    return ", ".join(quote(c, language) if c.strip() else w["blank_cell"] for c in cells)


def table_reading(rows: Sequence[Sequence[str]], language: str = "") -> str:
    """A whole table as read out: its rows in order, separated by semicolons."""
    joint = get_language(language).punctuate(";") + " " if _table(language) else "; "
    return joint.join(row_reading(r, language) for r in rows)


def insert_table(after: str, rows: Sequence[Sequence[str]], language: str = "") -> str:
    """ "After operative paragraph 3, insert a new table reading: “Level”, “Rate”; “K”, “1”"."""
    w, t = _table_words(language)
    return _contract(t, w["table_insert"].format(place=after, rows=table_reading(rows, language)))


# --- reading the wording back -------------------------------------------------------------------------

_Q = r"[“\"](?P<{}>[^”\"]*)[”\"]"
_ORD = r"(?:[a-z]+(?:-[a-z]+)*|\d{4,9}(?:st|nd|rd|th))"  # one word, or figures from 1000th
_ORD_WORDS = r"(?:[a-z]+(?:[- ][a-z]+)*|\d{4,9}(?:st|nd|rd|th))"  # also "one hundred and first"
_SUB = r"\([a-z]+\)(?:\s*\([a-z]+\))?(?:\s*[a-z]+\.){0,2}"  # (a) (i) a. i.: four levels
# the first word of an amendment's instruction ("Delete operative paragraph 3", "In operative paragraphs 27 and 43,
# delete …", "Replace “Chornobyl” with “Chernobyl” in the title …"), whether or not its wording is understood
INSTRUCTION_START = re.compile(r"^(?:\d+\.\s+)?(?:Delete|Replace|Insert|Add|After|Before|In|At the)\b")
_PLACE = re.compile(
    rf"(?:subparagraph (?P<sub1>{_SUB}) of )?the (?P<ord>{_ORD_WORDS}) preambular paragraph"
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
    return Part.OPERATIVE, _number(m.group("num")), _norm_sub(m.group("sub2") or m.group("sub3") or "")


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
_HOLE = "\0{}\0"
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
_QUOTED = re.compile(r"[“\"«]\s*([^”\"»]*?)\s*[”\"»]")  # “ ”, " ", and « » with their inner spaces


def _holes(text: str) -> tuple[str, list[str]]:
    quoted: list[str] = []

    def keep(m: re.Match[str]) -> str:
        quoted.append(m.group(1))
        return _HOLE.format(len(quoted) - 1)

    # no quotation opens after the last closing mark: searched up to it only, so that opening marks never closed
    # are not each read to the end of the text (square time)
    end = max(text.rfind(mark) for mark in '”"»') + 1
    return _QUOTED.sub(keep, text[:end]) + text[end:], quoted


def parse_sentence(text: str, language: str | None = None) -> tuple[list[Instruction], str]:
    """The instructions of one sentence of an amendment, and the quoted paragraph text when the sentence
    carries it after its colon (oral style). Raises InputError when the sentence is not in the set wording.
    `language` None: the set wording of any language (English first)."""
    codes = [language or "en"] if language is not None else list(all_languages())
    error: InputError | None = None
    for code in codes:
        if whole := _whole_unit(text, code) or _new_unit(text, code) or _in_table(text, code):
            return [whole], ""
        try:
            plain, unit = _without_unit(text, code)
            try:
                found, carried = _parse_in_language(plain, code) if _table(code) else _parse_english(plain)
            except InputError:
                if not unit:
                    raise
                shown = re.sub(r"\s+", " ", text).strip()[:120]  # as written, not as reread without its unit
                raise InputError(
                    say("not an amendment instruction in the set wording: “{text}”", text=shown)
                ) from None
            for ins in found:
                ins.unit = unit
            return found, carried
        except InputError as exc:
            error = error or exc
    assert error is not None
    raise error


def _whole_unit(text: str, language: str) -> Instruction | None:
    """ "Delete annex II", "Delete the annex", "Delete part B" (in the language's wording) as an instruction."""
    body = re.sub(r"\s+", " ", text).strip().rstrip(";.").strip()
    w, t = _unit_words(language), _table(language)
    delete = t["delete"] if t else "Delete {place}"
    groups = {"number": rf"(?P<roman>{ROMAN_NUMBER})", "letter": r"(?P<letter>[A-Z]{1,2})"}
    for place in (w["annex_n"], w["annex"], w["part"]):
        # case-insensitive as the other sentences naming a part or annex: "Delete annex xii" is annex XII
        m = re.fullmatch(_pattern(_contract(t, delete.replace("{place}", place)), groups), body, re.I)
        if not m:
            continue
        found = m.groupdict()
        if found.get("letter"):
            unit = found["letter"].upper()
        else:
            unit = "Annex " + found["roman"].upper() if found.get("roman") else "Annex"
        return Instruction(Action.DELETE, Part.OPERATIVE, 0, unit=unit)
    return None


_TABLE_SENTENCE_MOST = 600  # characters outside quotes: a sentence naming a table is far shorter


def _in_table(text: str, language: str) -> Instruction | None:
    """A sentence acting in a table ("In the table after operative paragraph 3, delete the row “C”"), read
    by `app.table_amendments`; tried only where the sentence names a table near its start."""
    holed = _holes(text)[0]
    if len(holed) > _TABLE_SENTENCE_MOST or not _table_start(language).match(holed.strip()):
        return None
    from app.table_amendments import parse_table_sentence

    return parse_table_sentence(text, language)


@cache
def _table_start(language: str) -> re.Pattern[str]:
    """The words a sentence acting in a table opens with, through the table's first word ("In the table",
    "Au tableau", "En el cuadro"; "In the second table")."""
    return re.compile("|".join(f"(?:{h})" for h in sorted(_table_heads(language))), re.I)


def _table_heads(language: str) -> set[str]:
    w, t = _table_words(language)
    # any ordinal's words: the opening only has to be told from other lines (it runs on every line of a text),
    # the sentence's own reading checks the ordinal
    groups = {"ordinal": r"\w+(?:[-\s]\w+){0,3}"}
    # each name up to the word before its place, which a contraction may fold in ("au début du dispositif")
    names = [
        w[k].split("{place}")[0].split("{part}")[0].strip().rsplit(" ", 1)[0] + " "
        for k in ("table_after", "table_nth_after", "table_start")
    ]
    openings = [w[k].split("{table}")[0] for k in ("row_delete", "row_insert_after", "row_insert_before")]
    openings.append((t["in"].split("{place}")[0] if t else "In ") + w["cell"].split("{table}")[0])
    return {_pattern(_contract(t, o + n).rstrip(), groups) for o in openings for n in names}


def _preambular_words(ordinal: str, sub: str, language: str) -> str:
    """A preambular paragraph's name with this ordinal (as written), read back as the annex's unnumbered one."""
    t = _table(language)
    if t:
        return t["preambular_sub" if sub else "preambular"].format(ordinal=ordinal, sub=sub, number="")
    top = f"the {ordinal} preambular paragraph"
    return f"subparagraph {sub} of {top}" if sub else top


def _operative_words(number: str, sub: str, language: str) -> str:
    t = _table(language)
    if t:
        return t["operative_sub" if sub else "operative"].format(number=number, sub=sub, ordinal="")
    return f"operative paragraph {number} {sub}".strip()


@cache
def _unit_patterns(language: str) -> dict[str, re.Pattern[str]]:
    """Patterns for a sentence's place beyond part A, in the language's unit words, matched outside quotes."""
    w = _unit_words(language)
    groups = {"number": r"(?P<num>\d+)", "sub": rf"(?P<sub>{_SUB_RE})", "letter": r"(?P<letter>[A-Z]{1,2})"}
    roman = {**groups, "number": rf"(?P<roman>{ROMAN_NUMBER})"}
    t = _table(language)
    words = "|".join(r"\s+".join(map(re.escape, o.split())) for o in t["ordinals"]) if t else _ORD_WORDS
    ordinal = {**groups, "ordinal": rf"(?P<ord>{words})"}
    # a language that contracts ("del párrafo 3" for "de el párrafo 3") finds the place inside the contraction
    lead = "" if t.get("contractions") else r"\b"
    suffix = rf"(?:{_pattern(w['of_annex_n'], roman)}|{_pattern(w['of_annex'], groups)})"
    # whose title: "the title of annex II", "the title of the annex", "the title of part B" (none: the draft's)
    owner = (
        rf"(?:{_pattern(w['of_annex_n'], {'number': rf'(?P<troman>{ROMAN_NUMBER})'})}"
        rf"|(?P<tannex>{_pattern(w['of_annex'], groups)})"
        rf"|{_pattern(w['of_part'], {'letter': r'(?P<tletter>[A-Z]{1,2})'})})?"
    )
    head, comma = _in_title_head(language)
    return {
        "in_title": re.compile(
            rf"^{_pattern(head, groups)}{owner}{_pattern(comma.rstrip(), groups)}\s*", re.I
        ),
        "title": re.compile(rf"\b{_pattern(w['title'], groups)}{owner}\b", re.I),
        "annex_sub": re.compile(rf"{lead}{_pattern(w['annex_paragraph_sub'], groups)}{suffix}", re.I),
        "unnumbered_sub": re.compile(rf"{lead}{_pattern(w['annex_unnumbered_sub'], ordinal)}{suffix}", re.I),
        "unnumbered": re.compile(rf"{lead}{_pattern(w['annex_unnumbered'], ordinal)}{suffix}", re.I),
        "annex_paragraph": re.compile(rf"{lead}{_pattern(w['annex_paragraph'], groups)}{suffix}", re.I),
        "annex_whole": re.compile(
            rf"^(?:{_pattern(_start_of(w['annex_n'], language), roman)}|{_pattern(_start_of(w['annex'], language), groups)})",
            re.I,
        ),
        "of_part": re.compile(_pattern(w["of_part"], groups)),
    }


def _start_of(whole: str, language: str) -> str:
    """The words of a new first paragraph's sentence up to its list ("At the beginning of the annex"), as printed
    (contracted: "Al comienzo del anexo")."""
    t = _table(language)
    if t:
        return _contract(t, t["insert_start"].split("{part}")[0] + whole)
    return f"At the beginning of {whole}"


_TITLE_LAST = re.compile(r"(?P<edit>(?:replace|delete|insert|add) .+?),? in the title", re.I)


def _without_unit(text: str, language: str) -> tuple[str, str]:
    """The sentence as it would read in part A, and the unit it names ("title", "B", "Annex II"; "" for none):
    "In paragraph 3 of annex II, …" reads as "In operative paragraph 3, …" in annex II."""
    holed, quoted = _holes(text)
    t = _table(language)
    head, colon, rest = holed.partition(":")
    head, unit = _unit_of(head, language)
    if not unit and t.get("contractions"):
        # "Au paragraphe 2 de l’annexe III" is "À le paragraphe 2 …" contracted: matched uncontracted
        head, unit = _unit_of(_expand(t, holed.partition(":")[0]), language)
        head = _contract(t, head)
    if not unit:
        return text, ""
    whole_text = head + colon + rest
    return re.sub(r"\0(\d+)\0", lambda h: quote(quoted[int(h.group(1))], language), whole_text), unit


def _unit_of(head: str, language: str) -> tuple[str, str]:
    """A sentence's words before its colon, quotations as holes, with its place beyond part A read as part A's,
    and the unit that place names ("" for none)."""
    p = _unit_patterns(language)
    t = _table(language)
    unit = ""
    late = None if t else _TITLE_LAST.fullmatch(head.strip().rstrip(";.").strip())
    if late:  # "Replace “X” with “Y” in the title" (A/80/L.28): the change first, the title after it
        head, unit = f"In {_operative_words('1', '', language)}, {late.group('edit')}", TITLE_UNIT
    elif m := p["in_title"].match(head):
        place = _operative_words("1", "", language)
        opening = _contract(t, t["in"].format(place=place, edits="")) if t else f"In {place}, "
        head, unit = opening + head[m.end() :], unit_title(_title_owner(m))
    elif m := p["title"].search(head):
        head = head[: m.start()] + _operative_words("1", "", language) + head[m.end() :]
        unit = unit_title(_title_owner(m))
    elif m := p["unnumbered_sub"].search(head) or p["unnumbered"].search(head):
        sub = m.groupdict().get("sub") or ""
        unit = "Annex " + m.group("roman").upper() if m.group("roman") else "Annex"
        head = head[: m.start()] + _preambular_words(m.group("ord"), sub, language) + head[m.end() :]
    elif m := p["annex_sub"].search(head) or p["annex_paragraph"].search(head):
        sub = m.groupdict().get("sub") or ""
        unit = "Annex " + m.group("roman").upper() if m.group("roman") else "Annex"
        head = head[: m.start()] + _operative_words(m.group("num"), sub, language) + head[m.end() :]
    elif m := p["of_part"].search(head):
        head, unit = head[: m.start()] + head[m.end() :], m.group("letter")
    elif m := p["annex_whole"].search(head):
        unit = "Annex " + m.group("roman").upper() if m.group("roman") else "Annex"
        whole = t["operative_part"] if t else f"the {part_name(Part.OPERATIVE)}"
        head = _start_of(whole, language) + head[m.end() :]
    return head, unit


def _title_owner(m: re.Match[str]) -> str:
    """The part or annex a matched "the title of …" names ("" for the draft's own title)."""
    if m.group("troman"):
        return "Annex " + m.group("troman").upper()
    if m.group("tannex"):
        return "Annex"
    return (m.group("tletter") or "").upper()


def sentence_language(text: str) -> str:
    """The language whose set wording the sentence is in ("" when none)."""
    for code in all_languages():
        try:
            parse_sentence(text, code)
        except InputError:
            continue
        return code
    return ""


def _parse_english(text: str) -> tuple[list[Instruction], str]:
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
    raise InputError(say("not an amendment instruction in the set wording: “{text}”", text=body[:120]))


def _number(digits: str) -> int:
    """A paragraph number as an instruction writes it (`\\d+`: any script's digits, any length)."""
    number = to_int(digits)
    if number is None:
        raise InputError(say("not a paragraph number: “{text}”", text=digits[:20]))
    return number


def _several(head: str) -> list[Instruction]:
    m = _SEVERAL_OP.fullmatch(head)
    if m:
        return [
            Instruction(Action.DELETE, Part.OPERATIVE, _number(n))
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


def _previous_sub(sub: str) -> str:
    """A new subparagraph before (b) goes after (a); before (a): after "(0)", the start of the list."""
    labels = sub.split()
    depth = len(labels)
    for i in range(1, 200):
        if subparagraph_label(depth, i) == labels[-1]:
            prev = subparagraph_label(depth, i - 1) if i > 1 else "(0)"
            return " ".join([*labels[:-1], prev])
    raise InputError(say("not a subparagraph label: {label}", label=labels[-1]))


def _parse_edits(edits: str, part: Part, number: int, sub: str) -> list[Instruction]:
    holed, quoted = _holes(edits)
    phrases = re.split(r";\s*(?:and\s+)?|,\s+and\s+(?=(?:after|before|replace|delete|insert|add)\b)", holed)
    return _read_edits(phrases, quoted, _EDITS, part, number, sub, "")


def _read_edits(
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


# --- another language's wording, read back by patterns made from its [amendments] table ----------------------

_SUB_RE = r"\(?[a-z]+[).](?:\s*\(?[a-z]+[).]){0,3}"
_SENTENCES = ("in", "delete_reading", "delete", "replace", "insert_after", "insert_before", "insert_start")


def _pattern(text: str, groups: dict[str, str]) -> str:
    """A template ("Supprimer {place}") as a pattern: literal words (any run of spaces, ordinary or not, for
    a space), each {name} as groups[name]."""
    out = []
    for piece in re.split(r"(\{\w+\})", text):
        if piece.startswith("{") and piece.endswith("}"):
            out.append(groups[piece[1:-1]])
        else:
            out.append(r"\s+".join(re.escape(w) for w in piece.split(" ")))
    return "".join(out)


@dataclass(frozen=True)
class _Parser:
    kind: str  # one of _SENTENCES
    part: Part | None  # which part the place template names (None: the part is in the sentence)
    place: str  # which place template: preambular, operative, single, preambular_sub, operative_sub, ""
    pattern: re.Pattern[str]


@cache
def _parsers(language: str) -> tuple[tuple[_Parser, ...], tuple[tuple[re.Pattern[str], Action], ...]]:
    """Sentence patterns (every sentence with every place template, contracted as printed) and edit patterns."""
    t = _table(language)
    places = {
        "preambular": Part.PREAMBLE,
        "preambular_sub": Part.PREAMBLE,
        "operative": Part.OPERATIVE,
        "operative_sub": Part.OPERATIVE,
        "single": Part.OPERATIVE,
    }
    new = "(?:" + "|".join(re.escape(t[k]) for k in _NEW_KEY.values()) + ")"
    ordinals = sorted(t["ordinals"], key=len, reverse=True)
    ordinal = "(?P<ord>" + "|".join(r"\s+".join(map(re.escape, w.split())) for w in ordinals) + ")"
    groups = {
        "ordinal": ordinal,
        "number": r"(?P<num>\d+)",
        "sub": rf"(?P<sub>{_SUB_RE})",
        "edits": r"(?P<edits>.+)",
        "new": new,
    }
    parsers: list[_Parser] = []
    for kind in _SENTENCES:
        if kind == "insert_start":
            for part, key in ((Part.PREAMBLE, "preamble"), (Part.OPERATIVE, "operative_part")):
                text = _contract(t, t[kind].replace("{part}", t[key]))
                parsers.append(_Parser(kind, part, "", re.compile(_pattern(text, groups), re.I)))
            continue
        for place, part in places.items():
            text = _contract(t, t[kind].replace("{place}", t[place]))
            parsers.append(_Parser(kind, part, place, re.compile(_pattern(text, groups), re.I)))
    hole = {name: rf"\0(?P<{name[0]}>\d+)\0" for name in ("old", "new", "after")}
    where = r"(?:" + _pattern(t["edit_where"], hole) + ")?"
    edits = []
    for key, action in (
        ("edit_insert_after", Action.INSERT),
        ("edit_insert_before", Action.INSERT),
        ("edit_replace", Action.REPLACE),
        ("edit_delete", Action.DELETE),
    ):
        edits.append((re.compile(_pattern(t[key], {**hole, "where": where}), re.I), action))
    return tuple(parsers), tuple(edits)


def _place_of(parser: _Parser, m: re.Match[str], language: str) -> tuple[Part, int, str]:
    if parser.place == "single":
        return Part.OPERATIVE, 1, ""
    sub = _sub_out(m.group("sub")) if "sub" in m.groupdict() and m.group("sub") else ""
    if "ord" in m.groupdict() and m.group("ord"):
        words = [w.lower() for w in _table(language)["ordinals"]]
        said = " ".join(m.group("ord").lower().split())
        if said not in words:
            raise InputError(say("not an ordinal number: “{word}”", word=m.group("ord")))
        return Part.PREAMBLE, words.index(said) + 1, sub
    return Part.OPERATIVE, _number(m.group("num")), sub


def _parse_in_language(text: str, language: str) -> tuple[list[Instruction], str]:
    body = re.sub(r"\s+", " ", text).strip().rstrip(";.").strip()
    head, colon, rest = body.partition(":")
    if colon and not _QUOTED.fullmatch(rest.strip() or "“”"):
        head, rest = body, ""  # a colon inside the quoted words, not before a paragraph
    head = head.strip()
    carried = _QUOTED.fullmatch(rest.strip()).group(1) if rest.strip() else ""  # type: ignore[union-attr]
    parsers, edits = _parsers(language)
    holed, quoted = _holes(head)
    for parser in parsers:
        m = parser.pattern.fullmatch(holed if parser.kind == "in" else head)
        if not m:
            continue
        if parser.kind == "insert_start":
            return [Instruction(Action.INSERT, parser.part or Part.OPERATIVE, 0)], carried
        part, number, sub = _place_of(parser, m, language)
        if parser.kind == "in":
            return _language_edits(m.group("edits"), quoted, edits, part, number, sub, language), carried
        action = {"delete": Action.DELETE, "delete_reading": Action.DELETE, "replace": Action.REPLACE}.get(
            parser.kind, Action.INSERT
        )
        if parser.kind == "insert_before":
            number, sub = (number, _previous_sub(sub)) if sub else (number - 1, "")
        return [Instruction(action, part, number, sub)], carried
    raise InputError(say("not an amendment instruction in the set wording: “{text}”", text=body[:120]))


def _language_edits(
    holed: str,
    quoted: list[str],
    patterns: tuple[tuple[re.Pattern[str], Action], ...],
    part: Part,
    number: int,
    sub: str,
    language: str,
) -> list[Instruction]:
    joint = re.escape(get_language(language).and_word)
    phrases = re.split(rf"(?<!\s)\s*;\s*(?:{joint}\s+)?", holed)
    return _read_edits(phrases, quoted, patterns, part, number, sub, language)


def _new_unit_heads(language: str, groups: dict[str, str]) -> set[str]:
    """The opening words of a sentence adding a part or an annex, through its place or what it adds."""
    w, t = _unit_words(language), _table(language)
    heads = set()
    for key in ("unit_insert_after", "unit_insert_before"):
        head = w[key][: w[key].index("{place}") + len("{place}")]
        heads |= {
            _pattern(_contract(t, head.replace("{place}", p)), groups)
            for p in (w["annex"], w["annex_n"], w["part"])
        }
    for new in (w["new_annex"], w["new_part"]):
        heads.add(_pattern(w["unit_add"].split("{new}")[0] + new, groups))
    return heads


@cache
def opening_pattern() -> re.Pattern[str]:
    """The opening words of an instruction in any other language's set wording, through its place ("Supprimer
    le troisième alinéa du préambule", "En el párrafo 5"): enough to tell one starts on a line."""
    heads: set[str] = set()
    for code in all_languages():
        t = _table(code)
        if not t:
            continue
        ordinal = "(?:" + "|".join(r"\s+".join(map(re.escape, w.split())) for w in t["ordinals"]) + ")"
        groups = {"ordinal": ordinal, "number": r"\d+", "sub": _SUB_RE}
        for kind in _SENTENCES:
            text = t[kind]
            slot = "{part}" if "{part}" in text else "{place}"
            text = text[: text.index(slot) + len(slot)]
            w = _unit_words(code)
            if slot == "{part}":
                fills = [t["preamble"], t["operative_part"], w["annex"], w["annex_n"]]
            else:
                fills = [
                    t[k] for k in ("preambular_sub", "preambular", "operative_sub", "operative", "single")
                ] + [w["title"], w["annex_unnumbered_sub"], w["annex_unnumbered"]]
                # a whole annex or part deleted ("Supprimer l’annexe II")
                fills += [w["annex"], w["annex_n"], w["part"]] if kind == "delete" else []
            groups["number"] = rf"(?:\d+|{ROMAN_NUMBER})"
            groups["letter"] = r"[A-Z]{1,2}"
            heads |= {_pattern(_contract(t, text.replace(slot, fill)), groups) for fill in fills}
        heads |= _new_unit_heads(code, groups) | _table_heads(code)
        heads.add(_pattern(_in_title_head(code)[0], {}) + r"\b")  # "Dans le titre," or "… de l’annexe II,"
    return re.compile("|".join(f"(?:{h})" for h in sorted(heads)) or r"(?!)", re.I)
