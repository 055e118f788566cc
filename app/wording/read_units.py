"""Places beyond part A read back: a sentence naming the title, a later part or an annex ("In paragraph 3 of
annex II, …") reread as part A's with the unit it names; a whole unit added or deleted."""

from __future__ import annotations

import re
from functools import cache

from app.formatting import ROMAN_NUMBER
from app.model import TITLE_UNIT, Action, Annex, Instruction, Part, ResolutionPart
from app.wording.places import part_name
from app.wording.read_english import ORDINAL_WORDS
from app.wording.units import in_title_head, unit_title, unit_words
from app.wording.words import (
    LABELS_RE,
    amendment_words,
    contract,
    expand,
    holes,
    ordinal_pattern,
    quote,
    template_pattern,
)


@cache
def new_unit_patterns(language: str) -> tuple[tuple[re.Pattern[str], str, str], ...]:
    """(pattern, which side of the place it names, what it adds) for each sentence adding a part or annex."""
    w, t = unit_words(language), amendment_words(language)
    groups = {"number": rf"(?P<roman>{ROMAN_NUMBER})", "letter": r"(?P<letter>[A-Z]{1,2})"}
    out = []
    for new_key in ("new_annex", "new_part"):
        shapes = [("", w["unit_add"])]
        for key in ("unit_insert_after", "unit_insert_before"):
            shapes += [
                (key, w[key].replace("{place}", place)) for place in (w["annex_n"], w["annex"], w["part"])
            ]
        for key, shape in shapes:
            words = contract(t, shape.replace("{new}", w[new_key]))
            out.append((re.compile(template_pattern(words, groups), re.I), key, new_key))
    return tuple(out)


def new_unit(text: str, language: str) -> Instruction | None:
    """`new_unit_sentence` read back: an INSERT with an empty part or annex for the quoted text to fill."""
    body = re.sub(r"\s+", " ", text).strip().rstrip(";.:").strip()
    for pattern, key, new_key in new_unit_patterns(language):
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


def whole_unit(text: str, language: str) -> Instruction | None:
    """ "Delete annex II", "Delete the annex", "Delete part B" (in the language's wording) as an instruction."""
    body = re.sub(r"\s+", " ", text).strip().rstrip(";.").strip()
    w, t = unit_words(language), amendment_words(language)
    delete = t["delete"] if t else "Delete {place}"
    groups = {"number": rf"(?P<roman>{ROMAN_NUMBER})", "letter": r"(?P<letter>[A-Z]{1,2})"}
    for place in (w["annex_n"], w["annex"], w["part"]):
        # case-insensitive as the other sentences naming a part or annex: "Delete annex xii" is annex XII
        m = re.fullmatch(template_pattern(contract(t, delete.replace("{place}", place)), groups), body, re.I)
        if not m:
            continue
        found = m.groupdict()
        if found.get("letter"):
            unit = found["letter"].upper()
        else:
            unit = "Annex " + found["roman"].upper() if found.get("roman") else "Annex"
        return Instruction(Action.DELETE, Part.OPERATIVE, 0, unit=unit)
    return None


def preambular_words(ordinal: str, sub: str, language: str) -> str:
    """A preambular paragraph's name with this ordinal (as written), read back as the annex's unnumbered one."""
    t = amendment_words(language)
    if t:
        return t["preambular_sub" if sub else "preambular"].format(ordinal=ordinal, sub=sub, number="")
    top = f"the {ordinal} preambular paragraph"
    return f"subparagraph {sub} of {top}" if sub else top


def operative_words(number: str, sub: str, language: str) -> str:
    t = amendment_words(language)
    if t:
        return t["operative_sub" if sub else "operative"].format(number=number, sub=sub, ordinal="")
    return f"operative paragraph {number} {sub}".strip()


@cache
def _unit_patterns(language: str) -> dict[str, re.Pattern[str]]:
    """Patterns for a sentence's place beyond part A, in the language's unit words, matched outside quotes."""
    w = unit_words(language)
    groups = {"number": r"(?P<num>\d+)", "sub": rf"(?P<sub>{LABELS_RE})", "letter": r"(?P<letter>[A-Z]{1,2})"}
    roman = {**groups, "number": rf"(?P<roman>{ROMAN_NUMBER})"}
    t = amendment_words(language)
    words = ordinal_pattern(language) if t else ORDINAL_WORDS
    ordinal = {**groups, "ordinal": rf"(?P<ord>{words})"}
    # a language that contracts ("del párrafo 3" for "de el párrafo 3") finds the place inside the contraction
    lead = "" if t.get("contractions") else r"\b"
    suffix = rf"(?:{template_pattern(w['of_annex_n'], roman)}|{template_pattern(w['of_annex'], groups)})"
    # whose title: "the title of annex II", "the title of the annex", "the title of part B" (none: the draft's)
    owner = (
        rf"(?:{template_pattern(w['of_annex_n'], {'number': rf'(?P<troman>{ROMAN_NUMBER})'})}"
        rf"|(?P<tannex>{template_pattern(w['of_annex'], groups)})"
        rf"|{template_pattern(w['of_part'], {'letter': r'(?P<tletter>[A-Z]{1,2})'})})?"
    )
    head, comma = in_title_head(language)
    return {
        "in_title": re.compile(
            rf"^{template_pattern(head, groups)}{owner}{template_pattern(comma.rstrip(), groups)}\s*", re.I
        ),
        "title": re.compile(rf"\b{template_pattern(w['title'], groups)}{owner}\b", re.I),
        "annex_sub": re.compile(rf"{lead}{template_pattern(w['annex_paragraph_sub'], groups)}{suffix}", re.I),
        "unnumbered_sub": re.compile(
            rf"{lead}{template_pattern(w['annex_unnumbered_sub'], ordinal)}{suffix}", re.I
        ),
        "unnumbered": re.compile(rf"{lead}{template_pattern(w['annex_unnumbered'], ordinal)}{suffix}", re.I),
        "annex_paragraph": re.compile(
            rf"{lead}{template_pattern(w['annex_paragraph'], groups)}{suffix}", re.I
        ),
        "annex_whole": re.compile(
            rf"^(?:{template_pattern(start_of(w['annex_n'], language), roman)}|{template_pattern(start_of(w['annex'], language), groups)})",
            re.I,
        ),
        "of_part": re.compile(template_pattern(w["of_part"], groups)),
    }


def start_of(whole: str, language: str) -> str:
    """The words of a new first paragraph's sentence up to its list ("At the beginning of the annex"), as printed
    (contracted: "Al comienzo del anexo")."""
    t = amendment_words(language)
    if t:
        return contract(t, t["insert_start"].split("{part}")[0] + whole)
    return f"At the beginning of {whole}"


_TITLE_LAST = re.compile(r"(?P<edit>(?:replace|delete|insert|add) .+?),? in the title", re.I)


def without_unit(text: str, language: str) -> tuple[str, str]:
    """The sentence as it would read in part A, and the unit it names ("title", "B", "Annex II"; "" for none):
    "In paragraph 3 of annex II, …" reads as "In operative paragraph 3, …" in annex II."""
    holed, quoted = holes(text)
    t = amendment_words(language)
    head, colon, rest = holed.partition(":")
    head, unit = _unit_of(head, language)
    if not unit and t.get("contractions"):
        # "Au paragraphe 2 de l’annexe III" is "À le paragraphe 2 …" contracted: matched uncontracted
        head, unit = _unit_of(expand(t, holed.partition(":")[0]), language)
        head = contract(t, head)
    if not unit:
        return text, ""
    whole_text = head + colon + rest
    return re.sub(r"\0(\d+)\0", lambda h: quote(quoted[int(h.group(1))], language), whole_text), unit


def _unit_of(head: str, language: str) -> tuple[str, str]:
    """A sentence's words before its colon, quotations as holes, with its place beyond part A read as part A's,
    and the unit that place names ("" for none)."""
    p = _unit_patterns(language)
    t = amendment_words(language)
    unit = ""
    late = None if t else _TITLE_LAST.fullmatch(head.strip().rstrip(";.").strip())
    if late:  # "Replace “X” with “Y” in the title" (A/80/L.28): the change first, the title after it
        head, unit = f"In {operative_words('1', '', language)}, {late.group('edit')}", TITLE_UNIT
    elif m := p["in_title"].match(head):
        place = operative_words("1", "", language)
        opening = contract(t, t["in"].format(place=place, edits="")) if t else f"In {place}, "
        head, unit = opening + head[m.end() :], unit_title(_title_owner(m))
    elif m := p["title"].search(head):
        head = head[: m.start()] + operative_words("1", "", language) + head[m.end() :]
        unit = unit_title(_title_owner(m))
    elif m := p["unnumbered_sub"].search(head) or p["unnumbered"].search(head):
        sub = m.groupdict().get("sub") or ""
        unit = "Annex " + m.group("roman").upper() if m.group("roman") else "Annex"
        head = head[: m.start()] + preambular_words(m.group("ord"), sub, language) + head[m.end() :]
    elif m := p["annex_sub"].search(head) or p["annex_paragraph"].search(head):
        sub = m.groupdict().get("sub") or ""
        unit = "Annex " + m.group("roman").upper() if m.group("roman") else "Annex"
        head = head[: m.start()] + operative_words(m.group("num"), sub, language) + head[m.end() :]
    elif m := p["of_part"].search(head):
        head, unit = head[: m.start()] + head[m.end() :], m.group("letter")
    elif m := p["annex_whole"].search(head):
        unit = "Annex " + m.group("roman").upper() if m.group("roman") else "Annex"
        whole = t["operative_part"] if t else f"the {part_name(Part.OPERATIVE)}"
        head = start_of(whole, language) + head[m.end() :]
    return head, unit


def _title_owner(m: re.Match[str]) -> str:
    """The part or annex a matched "the title of …" names ("" for the draft's own title)."""
    if m.group("troman"):
        return "Annex " + m.group("troman").upper()
    if m.group("tannex"):
        return "Annex"
    return (m.group("tletter") or "").upper()
