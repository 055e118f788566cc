"""A finding's place and severity in the words of the interface language, as `resolute check --lang` prints them.

`render.place_names` names a paragraph as a delegate does in English ("PP 3", "OP 2 (a)", "Annex II para. 4",
"Adopted text para. 3", "B Table 1", "instruction 2, quoted text"); the names stay English where they are keys (the editor matches
places by them). Printed for a reader, the words in them are said in the reader's language: each is a catalog
entry ("Annex" → "Annexe", "Anexo"), and the letters, numbers and labels stay as printed. "PP" and "OP" are the
abbreviations the UN's French and Spanish negotiators use too, so they stay.

The readers name a place in their messages as a sentence does ("preambular paragraph 3 of part B", "annex 2,
paragraph 4", "operative paragraph 5(1)"): `reader_place` and `annex_place` give such a place as a `Phrase`, said
in English as the readers always wrote it and in French or Spanish in app.wording's words, the ones the
amendments and oral revisions use, set beside the UN XML ("le troisième alinéa du préambule de la partie B",
"le paragraphe 4 de l’annexe 2", "el párrafo 5 a)"). `said_place` carries a `place_names` value into a message
the same way. One source for every place a finding names, in whatever language it is read.
"""

from __future__ import annotations

import re

from app import interface
from app.findings import Severity
from app.formatting import letters, roman
from app.messages import Message, Phrase, localize, say
from app.model import Part

# a place in a reader's message: a `Phrase` of this module, or a message of its own ("the end of the preamble")
Where = str | Phrase


def _words() -> dict[str, Message]:
    # the English words a place name is built of (render.place_names), longest first
    return {
        "instruction": say("instruction"),
        "quoted text": say("quoted text"),
        "of section": say("of section"),
        "Adopted text": say("Adopted text"),
        "Annex": say("Annex"),
        "para.": say("para."),
        "Table": say("Table"),
    }


_WORD = re.compile(r"\b(?:instruction|quoted text|of section|Adopted text|Annex|Table)\b|\bpara\.")


def place_in(name: str, code: str | None = None) -> str:
    """`name` (a `place_names` value, or "" for the header) in language `code` (default: the interface's)."""
    if not name:
        return localize(say("header"), code)
    if (code or interface.current()) == interface.ENGLISH:
        return name
    words = _words()
    return _WORD.sub(lambda m: localize(words[m.group(0)], code), name)


def severity_in(severity: Severity, code: str | None = None) -> str:
    """ "error", "warning", "info" in language `code`."""
    said = {
        Severity.ERROR: say("error"),
        Severity.WARNING: say("warning"),
        Severity.INFO: say("info"),
    }[severity]
    return localize(said, code)


def said_place(name: str) -> Phrase:
    """A `place_names` value as a message field: "PP 6" stays, "Annex II para. 4" → "Annexe II par. 4"."""
    return Phrase(_said_place, (name,))


def _said_place(name: str, *, language: str = "") -> str:
    return place_in(name, language) if language else name


def reader_place(part: Part, number: int, unit: str = "") -> Phrase:
    """Paragraph `number` of `part` as a reader names it: "preambular paragraph 3", "operative paragraph 2 of
    part B" (`unit`: the part's letter)."""
    return Phrase(_reader_place, (part, number, (), unit))


def annex_place(annex: int, number: int) -> Phrase:
    """Paragraph `number` of the `annex`-th annex: "annex 2, paragraph 4"."""
    return Phrase(_reader_place, (None, number, (), f"Annex {annex}"))


def with_sub(where: Where, sub: int | str) -> Where:
    """A subparagraph of `where`: its `sub`-th (counted: "operative paragraph 2(1)") or the one labelled `sub`
    ("operative paragraph 2 (a)")."""
    if isinstance(where, Phrase) and where.make is _reader_place:
        part, number, subs, unit = where.args
        return Phrase(_reader_place, (part, number, (*subs, sub), unit))
    if isinstance(sub, int):
        return say("{where}({number})", where=where, number=sub)
    return say("{where} {label}", where=where, label=sub)


def _reader_place(
    part: Part | None, number: int, subs: tuple[int | str, ...], unit: str, *, language: str = ""
) -> str:
    if not language:  # as the readers have always written it (tests and scripts read these)
        sub = "".join(f"({s})" if isinstance(s, int) else f" {s}" for s in subs)
        if part is None:
            return f"annex {unit.removeprefix('Annex ')}, paragraph {number}{sub}"
        kind = "preambular" if part is Part.PREAMBLE else "operative"
        return f"{kind} paragraph {number}{sub}" + (f" of part {unit}" if unit else "")
    from app.wording.places import paragraph_name  # the wording reads the compare module, which reads files

    labels = " ".join(_label(depth, s) for depth, s in enumerate(subs))
    return paragraph_name(
        Part.OPERATIVE if part is None else part, number, labels, language=language, unit=unit
    )


def _label(depth: int, sub: int | str) -> str:
    """The model's label of a counted subparagraph: "(b)" at the first depth, "(ii)" at the second."""
    if isinstance(sub, str):
        return sub
    return f"({letters(sub)})" if depth % 2 == 0 else f"({roman(sub)})"
