"""The pieces every wording shares: a language's [amendments] table (resources/languages/<code>.toml; English
is written in code), quotation marks, contractions ("à le" → "au"), ordinal words, subparagraph labels in the
language's shapes, a template read as a pattern, and quotations set aside as holes while a sentence is read."""

from __future__ import annotations

import re
from typing import Any

from app.languages import get_language

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


def ordinal_in(t: dict[str, Any], number: int) -> str:
    words = t["ordinals"]
    return words[number - 1] if 1 <= number <= len(words) else str(number)


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
