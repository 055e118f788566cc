"""Another language's set wording read back by patterns made from its [amendments] table ("Supprimer le
troisième alinéa du préambule", "En el párrafo 5, sustitúyase “X” por “Y”"), and the opening words that tell
an instruction starts on a line."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from app.errors import InputError
from app.formatting import ROMAN_NUMBER
from app.languages import all_languages, get_language
from app.messages import say
from app.model import Action, Instruction, Part
from app.wording.read_english import paragraph_number, previous_sub, read_edits
from app.wording.sentences import NEW_KEY
from app.wording.tables import table_heads
from app.wording.units import in_title_head, unit_words
from app.wording.words import (
    LABELS_RE,
    QUOTED,
    amendment_words,
    contract,
    holes,
    labels_out,
    ordinal_number,
    ordinal_pattern,
    template_pattern,
)

SENTENCES = ("in", "delete_reading", "delete", "replace", "insert_after", "insert_before", "insert_start")


@dataclass(frozen=True)
class _Parser:
    kind: str  # one of SENTENCES
    part: Part | None  # which part the place template names (None: the part is in the sentence)
    place: str  # which place template: preambular, operative, single, preambular_sub, operative_sub, ""
    pattern: re.Pattern[str]


@cache
def _parsers(language: str) -> tuple[tuple[_Parser, ...], tuple[tuple[re.Pattern[str], Action], ...]]:
    """Sentence patterns (every sentence with every place template, contracted as printed) and edit patterns."""
    t = amendment_words(language)
    places = {
        "preambular": Part.PREAMBLE,
        "preambular_sub": Part.PREAMBLE,
        "operative": Part.OPERATIVE,
        "operative_sub": Part.OPERATIVE,
        "single": Part.OPERATIVE,
    }
    new = "(?:" + "|".join(re.escape(t[k]) for k in NEW_KEY.values()) + ")"
    ordinal = f"(?P<ord>{ordinal_pattern(language)})"
    groups = {
        "ordinal": ordinal,
        "number": r"(?P<num>\d+)",
        "sub": rf"(?P<sub>{LABELS_RE})",
        "edits": r"(?P<edits>.+)",
        "new": new,
    }
    parsers: list[_Parser] = []
    for kind in SENTENCES:
        if kind == "insert_start":
            for part, key in ((Part.PREAMBLE, "preamble"), (Part.OPERATIVE, "operative_part")):
                text = contract(t, t[kind].replace("{part}", t[key]))
                parsers.append(_Parser(kind, part, "", re.compile(template_pattern(text, groups), re.I)))
            continue
        for place, part in places.items():
            text = contract(t, t[kind].replace("{place}", t[place]))
            parsers.append(_Parser(kind, part, place, re.compile(template_pattern(text, groups), re.I)))
    hole = {name: rf"\0(?P<{name[0]}>\d+)\0" for name in ("old", "new", "after")}
    where = r"(?:" + template_pattern(t["edit_where"], hole) + ")?"
    edits = []
    for key, action in (
        ("edit_insert_after", Action.INSERT),
        ("edit_insert_before", Action.INSERT),
        ("edit_replace", Action.REPLACE),
        ("edit_delete", Action.DELETE),
    ):
        edits.append((re.compile(template_pattern(t[key], {**hole, "where": where}), re.I), action))
    return tuple(parsers), tuple(edits)


def _place_of(parser: _Parser, m: re.Match[str], language: str) -> tuple[Part, int, str]:
    if parser.place == "single":
        return Part.OPERATIVE, 1, ""
    sub = labels_out(m.group("sub")) if "sub" in m.groupdict() and m.group("sub") else ""
    if "ord" in m.groupdict() and m.group("ord"):
        number = ordinal_number(language, m.group("ord"))
        if number is None:
            raise InputError(say("not an ordinal number: “{word}”", word=m.group("ord")))
        return Part.PREAMBLE, number, sub
    return Part.OPERATIVE, paragraph_number(m.group("num")), sub


def parse_in_language(text: str, language: str) -> tuple[list[Instruction], str]:
    body = re.sub(r"\s+", " ", text).strip().rstrip(";.").strip()
    head, colon, rest = body.partition(":")
    if colon and not QUOTED.fullmatch(rest.strip() or "“”"):
        head, rest = body, ""  # a colon inside the quoted words, not before a paragraph
    head = head.strip()
    carried = QUOTED.fullmatch(rest.strip()).group(1) if rest.strip() else ""  # type: ignore[union-attr]
    parsers, edits = _parsers(language)
    holed, quoted = holes(head)
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
            number, sub = (number, previous_sub(sub)) if sub else (number - 1, "")
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
    return read_edits(phrases, quoted, patterns, part, number, sub, language)


def new_unit_heads(language: str, groups: dict[str, str]) -> set[str]:
    """The opening words of a sentence adding a part or an annex, through its place or what it adds."""
    w, t = unit_words(language), amendment_words(language)
    heads = set()
    for key in ("unit_insert_after", "unit_insert_before"):
        head = w[key][: w[key].index("{place}") + len("{place}")]
        heads |= {
            template_pattern(contract(t, head.replace("{place}", p)), groups)
            for p in (w["annex"], w["annex_n"], w["part"])
        }
    for new in (w["new_annex"], w["new_part"]):
        heads.add(template_pattern(w["unit_add"].split("{new}")[0] + new, groups))
    return heads


@cache
def opening_pattern() -> re.Pattern[str]:
    """The opening words of an instruction in any other language's set wording, through its place ("Supprimer
    le troisième alinéa du préambule", "En el párrafo 5"): enough to tell one starts on a line."""
    heads: set[str] = set()
    for code in all_languages():
        t = amendment_words(code)
        if not t:
            continue
        ordinal = ordinal_pattern(code)
        groups = {"ordinal": ordinal, "number": r"\d+", "sub": LABELS_RE}
        for kind in SENTENCES:
            text = t[kind]
            slot = "{part}" if "{part}" in text else "{place}"
            text = text[: text.index(slot) + len(slot)]
            w = unit_words(code)
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
            heads |= {template_pattern(contract(t, text.replace(slot, fill)), groups) for fill in fills}
        heads |= new_unit_heads(code, groups) | table_heads(code)
        heads.add(
            template_pattern(in_title_head(code)[0], {}) + r"\b"
        )  # "Dans le titre," or "… de l’annexe II,"
    return re.compile("|".join(f"(?:{h})" for h in sorted(heads)) or r"(?!)", re.I)
