"""JSON parsed and written a piece at a time: `loads(text)` gives what `json.loads(text)` gives (the same value, the same
JSONDecodeError at the same place), but the members of the outer objects and the items of the outer arrays are
each parsed by themselves, with a look at the reader's cancel token between two (app.cancelling).

Why: `json.loads` is one call into C that holds Python's lock until the end. A cancelled read of a 40 MB project
went on for up to 1.9 s after Cancel (benchmarks/bench_cancel.py), and an autosave restored on the reading
thread froze the window for as long as its parse took. The pieces are small (a paragraph of a project), and
each is parsed by the same C decoder. `pieces(value)` is `json.dumps` so, for the same reason.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import Any

from app import cancelling

_DECODER = json.JSONDecoder()
_SPACE = re.compile(r"[ \t\n\r]*")


def loads(text: str, depth: int = 2) -> Any:
    """`json.loads(text)`, the outer `depth` levels of objects and arrays parsed a member or an item at a time
    where the read can be stopped (the pieces take twice as long: the command line parses in one call)."""
    if not cancelling.watched():
        return json.loads(text)
    if text.startswith("\ufeff"):
        raise json.JSONDecodeError("Unexpected UTF-8 BOM (decode using utf-8-sig)", text, 0)
    value, end = _value(text, _skip(text, 0), depth)
    end = _skip(text, end)
    if end != len(text):
        raise json.JSONDecodeError("Extra data", text, end)
    return value


def _skip(text: str, at: int) -> int:
    return _SPACE.match(text, at).end()  # type: ignore[union-attr]  # matches the empty string too


def _value(text: str, at: int, depth: int) -> tuple[Any, int]:
    opening = text[at : at + 1]
    if depth <= 0 or opening not in ("{", "["):
        return _DECODER.raw_decode(text, at)
    if opening == "{":
        return _object(text, at, depth)
    return _array(text, at, depth)


def _object(text: str, at: int, depth: int) -> tuple[dict[str, Any], int]:
    out: dict[str, Any] = {}
    at = _skip(text, at + 1)
    if text[at : at + 1] == "}":
        return out, at + 1
    while True:
        if text[at : at + 1] != '"':
            raise json.JSONDecodeError("Expecting property name enclosed in double quotes", text, at)
        key, at = _DECODER.raw_decode(text, at)
        at = _skip(text, at)
        if text[at : at + 1] != ":":
            raise json.JSONDecodeError("Expecting ':' delimiter", text, at)
        cancelling.check()
        out[key], at = _value(text, _skip(text, at + 1), depth - 1)
        at = _skip(text, at)
        following = text[at : at + 1]
        if following == "}":
            return out, at + 1
        if following != ",":
            raise json.JSONDecodeError("Expecting ',' delimiter", text, at)
        at = _skip(text, at + 1)


def _array(text: str, at: int, depth: int) -> tuple[list[Any], int]:
    out: list[Any] = []
    at = _skip(text, at + 1)
    if text[at : at + 1] == "]":
        return out, at + 1
    while True:
        cancelling.check()
        item, at = _value(text, at, depth - 1)
        out.append(item)
        at = _skip(text, at)
        following = text[at : at + 1]
        if following == "]":
            return out, at + 1
        if following != ",":
            raise json.JSONDecodeError("Expecting ',' delimiter", text, at)
        at = _skip(text, at + 1)


def pieces(value: object, depth: int = 3) -> Iterator[str]:
    """`json.dumps(value, ensure_ascii=False)` in pieces, each list's item and object's member down to `depth`
    encoded by itself: the C encoder holds Python's lock for a whole call, so a 20,000-paragraph autosave encoded
    at once froze the window for 0.2 s even when written on a thread of its own (app.recovery)."""
    if depth and isinstance(value, dict) and all(isinstance(key, str) for key in value):
        yield "{"
        for n, (key, item) in enumerate(value.items()):
            yield (", " if n else "") + json.dumps(key, ensure_ascii=False) + ": "
            yield from pieces(item, depth - 1)
        yield "}"
    elif depth and isinstance(value, list):
        yield "["
        for n, item in enumerate(value):
            if n:
                yield ", "
            yield from pieces(item, depth - 1)
        yield "]"
    else:
        yield json.dumps(value, ensure_ascii=False)
