"""The pieces every wording shares: a language's [amendments] table (resources/languages/<code>.toml; English
is written in code), quotation marks, contractions ("à le" → "au"), ordinal words, subparagraph labels in the
language's shapes, a template read as a pattern, and quotations set aside as holes while a sentence is read."""

from __future__ import annotations

import re
from functools import cache
from typing import Any

from app.languages import get_language
from app.ordinals import ordinal_in, parse_ordinal_in

OPEN, CLOSE = "“", "”"


def amendment_words(language: str) -> dict[str, Any]:
    """The language's [amendments] wording; {} for English (the wording in this module's code)."""
    return get_language(language).amendments


def quote(text: str, language: str = "") -> str:
    t = amendment_words(language)
    opening, closing = t.get("quotes", (OPEN, CLOSE))
    return f"{opening}{text.strip()}{closing}"


def contract(t: dict[str, Any], text: str) -> str:
    """ "À le paragraphe" → "Au paragraphe", "de el" → "del": the language's [amendments] contractions."""
    for long, short in t.get("contractions", ()):
        text = text.replace(long, short)
    return text


def expand(t: dict[str, Any], text: str) -> str:
    """`contract` undone ("Au paragraphe" → "À le paragraphe"), whole words only."""
    for long, short in t.get("contractions", ()):
        text = re.sub(rf"(?<!\w){re.escape(short)}", long, text)
    return text


def ordinal_word(language: str, number: int) -> str:
    """`number` as an ordinal word of the language's wording: its [amendments] list (the forms UN texts print,
    "le troisième alinéa", "el tercer párrafo"), past it the words `app.ordinals` spells sessions with ("cent
    unième", "centésimo primer": no issued French or Spanish text we hold names a 100th paragraph, so the rule
    held to the UN XML's session ordinals is followed); from 1000, figures with the ordinal mark ("1000e",
    "1000.º"), as English writes "1000th"."""
    words = amendment_words(language)["ordinals"]
    if 1 <= number <= len(words):
        return words[number - 1]
    return ordinal_in(number, language) or f"{number}{_FIGURE_MARKS.get(language, '')}"


# the mark after an ordinal in figures (French "1er", "2e"; Spanish "1.º"), read back in either form
_FIGURE_MARKS = {"fr": "e", "es": ".º"}
_FIGURE = re.compile(r"(\d{4,9})(?:e|ᵉ|\.?º|\.?°)?")


def ordinal_number(language: str, said: str) -> int | None:
    """`ordinal_word` read back (any case and spacing; Spanish "primer" or "primero"); None: no ordinal."""
    words = [w.lower() for w in amendment_words(language)["ordinals"]]
    said = " ".join(said.lower().split())
    if said in words:
        return words.index(said) + 1
    if m := _FIGURE.fullmatch(said):
        return int(m.group(1))
    number = parse_ordinal_in(said, language)
    return number if number is not None and number > len(words) else None


def _alternatives(words: Any) -> str:
    return "|".join(r"\s+".join(map(re.escape, w.split())) for w in sorted(set(words), key=len, reverse=True))


@cache
def ordinal_pattern(language: str) -> str:
    """A pattern (no group) for `ordinal_word`'s words: the list; past it the hundreds whole ("centième",
    "ducentésimo") or as a head ("deux cent", "centésimo") before the few words of a tail ("vingt et unième",
    "primer"), any words there (`ordinal_number` tells an ordinal: every one to 999 as alternatives would cost
    each pattern naming a paragraph a tenth of a second to compile); from 1000, figures."""
    listed = amendment_words(language)["ordinals"]
    whole, heads, most = set(), set(), 1
    for number in range(max(len(listed) + 1, 100), 1000):
        for word in {ordinal_in(number, language), ordinal_in(number, language, before_noun=False)} - {""}:
            if number % 100 == 0:
                whole.add(word)
                continue
            belows = {ordinal_in(number % 100, language, before_noun=b) for b in (True, False)}
            # the hundreds' words before the tail: "cent" in "cent unième" (the tail "unième", not "première")
            tail = next((b for b in belows if word.endswith(" " + b)), word.rpartition(" ")[2])
            heads.add(word[: -len(tail)].strip())
            most = max(most, len(tail.split()))
    past = [f"(?:{_alternatives(whole)})"] if whole else []
    if heads:
        past.append(rf"(?:{_alternatives(heads)})(?:\s+[\w’'-]+){{1,{most}}}?")
    return "(?:" + "|".join([*past, _alternatives(listed), _FIGURE.pattern]) + ")"


def labels_in(language: str, sub: str) -> str:
    """ "(b) (ii)" (the model's labels) in the language's shapes: "b) ii)"."""
    labels = get_language(language).labels
    tokens = sub.split()
    return " ".join(
        labels[depth % len(labels)].replace("{a}", tok.strip("().")).replace("{i}", tok.strip("()."))
        for depth, tok in enumerate(tokens)
    )


def labels_out(text: str) -> str:
    """A label path as the language prints it ("b) ii)") in the model's labels ("(b) (ii)")."""
    tokens = re.findall(r"\(?[a-z]+[).]", text)
    return " ".join(
        get_language("en").labels[depth % 4].replace("{a}", tok.strip("().")).replace("{i}", tok.strip("()."))
        for depth, tok in enumerate(tokens)
    )


HOLE = "\0{}\0"
QUOTED = re.compile(r"[“\"«]\s*([^”\"»]*?)\s*[”\"»]")  # “ ”, " ", and « » with their inner spaces


def holes(text: str) -> tuple[str, list[str]]:
    quoted: list[str] = []

    def keep(m: re.Match[str]) -> str:
        quoted.append(m.group(1))
        return HOLE.format(len(quoted) - 1)

    # no quotation opens after the last closing mark: searched up to it only, so that opening marks never closed
    # are not each read to the end of the text (square time)
    end = max(text.rfind(mark) for mark in '”"»') + 1
    return QUOTED.sub(keep, text[:end]) + text[end:], quoted


LABELS_RE = r"\(?[a-z]+[).](?:\s*\(?[a-z]+[).]){0,3}"


def template_pattern(text: str, groups: dict[str, str]) -> str:
    """A template ("Supprimer {place}") as a pattern: literal words (any run of spaces, ordinary or not, for
    a space), each {name} as groups[name]."""
    out = []
    for piece in re.split(r"(\{\w+\})", text):
        if piece.startswith("{") and piece.endswith("}"):
            out.append(groups[piece[1:-1]])
        else:
            out.append(r"\s+".join(re.escape(w) for w in piece.split(" ")))
    return "".join(out)
