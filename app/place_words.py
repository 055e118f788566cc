"""A finding's place and severity in the words of the interface language, as `resolute check --lang` prints them.

`render.place_names` names a paragraph as a delegate does in English ("PP 3", "OP 2 (a)", "Annex II para. 4",
"Adopted text para. 3", "B Table 1", "instruction 2, quoted text"); the names stay English where they are keys (the editor matches
places by them). Printed for a reader, the words in them are said in the reader's language: each is a catalog
entry ("Annex" → "Annexe", "Anexo"), and the letters, numbers and labels stay as printed. "PP" and "OP" are the
abbreviations the UN's French and Spanish negotiators use too, so they stay.
"""

from __future__ import annotations

import re

from app import interface
from app.findings import Severity
from app.messages import Message, localize, say


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
