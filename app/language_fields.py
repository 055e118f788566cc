"""The fields of a languages file (resources/languages/<code>.toml) checked as it is read.

A delegation adds or edits a language by hand: a month written as a number, a pattern with an unclosed
bracket, a session named "eighty" or a date form with a stray brace reached the code that uses them and ended
the command as an internal error (exit 3), or, for a pattern that repeats a repeat, hung every import on a line
that almost matched. Each is refused here in one line naming the file and the field (`TemplateError`, exit 2).
"""

from __future__ import annotations

import re
from string import Formatter
from typing import Any

from app.digits import to_int
from app.errors import TemplateError
from app.messages import say
from app.reasons import why

TEXTS = (
    "code",
    "name",
    "english_name",
    "lexicon_prefix",
    "date",
    "first_day",
    "space_before",
    "and_word",
    "word_language",
)
TEXT_LISTS = ("months", "akn", "labels")
WORD_TABLES = (
    "organ_lines",
    "organs",
    "committees",
    "kinds",
    "abbreviations",
    "typed",
    "negotiation",
    "oral",
)
TABLES = ("masthead", "openers", "amendments", "spelling", "note_markers", "titles", "rules", "and_before")
PATTERNS = ("closing", "last_paragraph")
# the fields a form is filled with where it prints ("{day} {month} {year}", "Session {n}")
FORMS = {
    "date": {"day": "1", "month": "January", "year": 2026},
    "session_fallback": {"n": 80},
    "session_words": {"ordinal": "eightieth"},
}
SESSION_DIGITS = 4
# the forms of a table the code fills in, by key, and the fields it gives each (app.render's masthead,
# app.wording's amendment instructions, the compilation's heading): a form may leave one out, never name another
_PLACE, _EDIT = ("ordinal", "number", "sub"), ("old", "new", "after", "where")
TABLE_FORMS: dict[str, dict[str, tuple[str, ...]]] = {
    "masthead": {
        "distribution": ("value",),
        "original": ("value",),
        "agenda_item": ("item",),
        "year_session": ("year",),
        "sub_item": ("number", "sub"),
    },
    "amendments": {
        **dict.fromkeys(("preambular", "operative", "preambular_sub", "operative_sub"), _PLACE),
        **dict.fromkeys(("edit_insert_after", "edit_insert_before", "edit_replace", "edit_delete"), _EDIT),
        "edit_where": ("old", "new", "after"),
        "in": ("place", "edits"),
        **dict.fromkeys(("delete", "delete_reading", "replace"), ("place",)),
        **dict.fromkeys(("insert_after", "insert_before"), ("place", "new")),
        "insert_start": ("part", "new"),
        **dict.fromkeys(("table_after", "new_table_after", "new_table_before"), ("place",)),
        "table_nth_after": ("ordinal", "place"),
        "table_start": ("part",),
        "row_named": ("name",),
        "row_number": ("number",),
        "cell": ("table", "row", "column"),
        "row_delete": ("table", "row"),
        **dict.fromkeys(("row_insert_after", "row_insert_before", "row_fill"), ("table", "row", "cells")),
        "table_insert": ("place", "rows"),
        "fill_cell": ("new",),
        "part": ("letter",),
        **dict.fromkeys(("annex_unnumbered", "annex_unnumbered_sub"), ("ordinal", "sub")),
        **dict.fromkeys(("annex_n", "of_annex_n"), ("number",)),
    },
    "negotiation": {"on": ("version",)},
    "oral": {"heading": ("kind", "symbol")},
}


def _refuse(file: str, field: str, problem: str) -> TemplateError:
    return TemplateError(say("{file}: field '{field}' {problem}", file=file, field=field, problem=problem))


def _texts(value: Any) -> bool:
    return isinstance(value, list) and all(isinstance(v, str) for v in value)


def check_fields(file: str, data: dict[str, Any]) -> None:
    """TemplateError for the first field of `data` (a languages file read) of a kind its code cannot use."""
    for key in (*TEXTS, "session_fallback", "session_words", *PATTERNS):
        if key in data and not isinstance(data[key], str):
            raise _refuse(file, key, say("must be text"))
    for key in TEXT_LISTS:
        if key in data and not _texts(data[key]):
            raise _refuse(file, key, say("must be a list of texts"))
    for key in (*WORD_TABLES, *TABLES, "sessions"):
        if key in data and not isinstance(data[key], dict):
            raise _refuse(file, key, say("must be a table"))
    for key in WORD_TABLES:
        if not all(isinstance(v, str) for v in data.get(key, {}).values()):
            raise _refuse(file, key, say("must hold text only"))
    if "labels" in data and not data["labels"]:
        raise _refuse(file, "labels", say("must list at least one label"))
    if not all(_texts(v) for v in data.get("and_before", {}).values()):
        raise _refuse(file, "and_before", say("must hold lists of texts"))
    if not _texts(data.get("rules", {}).get("off", [])):
        raise _refuse(file, "rules", say("must list the rules it turns off as texts"))
    masthead = data.get("masthead", {})
    values = masthead.get("values", {}) if isinstance(masthead, dict) else {}
    if not isinstance(values, dict) or not all(isinstance(v, str) for v in values.values()):
        raise _refuse(file, "masthead", say("must hold text only"))
    _sessions(file, data.get("sessions", {}))
    for key, fields in FORMS.items():
        if key in data:
            _form(file, key, data[key], fields)
    for table, forms in TABLE_FORMS.items():
        given = data.get(table, {})
        for key, names in forms.items():
            if isinstance(given.get(key), str):
                _form(file, f"{table}.{key}", given[key], dict.fromkeys(names, ""))
    for key in PATTERNS:
        if key in data:
            _pattern(file, key, data[key])


def _sessions(file: str, sessions: dict[str, Any]) -> None:
    for key, value in sessions.items():
        if to_int(key, max_digits=SESSION_DIGITS) is None or not isinstance(value, str):
            raise _refuse(file, "sessions", say("must name each session by its number, with text"))


def _form(file: str, key: str, form: str, fields: dict[str, Any]) -> None:
    """A form fills in its fields by name alone: a width or conversion ("{day:>99999999999}") made each date
    printed a string of that width, MemoryError (exit 3) or a Word file too large to write."""
    try:
        written = [(n, spec, conv) for _, n, spec, conv in Formatter().parse(form) if n is not None]
    except ValueError:
        written = []  # said below, as the form is filled in
    for name, spec, conversion in written:
        if spec or conversion:
            shown = "{" + name + (f"!{conversion}" if conversion else "") + (f":{spec}" if spec else "") + "}"
            raise _refuse(file, key, say("cannot be filled in ({problem})", problem=shown[:80]))
    try:
        form.format(**fields)
    except (KeyError, ValueError, IndexError, AttributeError, TypeError) as exc:
        raise _refuse(file, key, say("cannot be filled in ({problem})", problem=why(exc))) from None


def _pattern(file: str, key: str, pattern: str) -> None:
    from app.spelling.pattern_shape import can_hang  # app.spelling reads the languages: imported when used

    try:
        re.compile(pattern)
    except (re.error, RecursionError, OverflowError) as exc:
        raise _refuse(file, key, say("is not a pattern ({problem})", problem=why(exc))) from None
    if can_hang(pattern):
        raise _refuse(
            file, key, say("repeats a repeat, which can take for ever on a text that almost matches")
        )
