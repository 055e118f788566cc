"""The shape of a regular expression, to refuse user patterns that can backtrack for ever (ReDoS).

Python's `re` has no timeout, so a house rule such as `(a+)+$` could hang the checker on some texts. Before a
pattern is used, `can_hang` reads its structure: groups, alternatives, quantifiers and single-character items.
It is a reader of patterns `re.compile` has already accepted, not a second regex engine: it only needs to know
what repeats what. (The standard library's own pattern parser is private and may change between versions.)
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache

_ZERO_ESCAPES = "AbBZ"  # \A \b \B \Z match no character
_HEX_LENGTH = {"x": 2, "u": 4, "U": 8}
_QUANTIFIER = re.compile(r"\{(\d*)(,?)(\d*)\}")


@dataclass
class Item:
    """One element of a sequence: a single character matcher, a group (alternatives), or a zero-width test."""

    kind: str  # "char", "group", "zero" (anchors and lookarounds), "ref" (a back-reference)
    alternatives: list[list[Item]] = field(default_factory=list)
    low: int = 1
    high: int | None = 1  # None: no upper bound
    text: str = (
        ""  # a single-character matcher as written ("a", "[A-Z]", "\\w", "."), to tell what it can match
    )


class _Reader:
    def __init__(self, pattern: str, verbose: bool) -> None:
        self.p = pattern
        self.i = 0
        self.verbose = verbose

    def alternatives(self) -> list[list[Item]]:
        """Sequences separated by `|`, up to a `)` or the end."""
        out: list[list[Item]] = [[]]
        while self.i < len(self.p):
            ch = self.p[self.i]
            if ch == ")":
                break
            if ch == "|":
                self.i += 1
                out.append([])
                continue
            if self.verbose and (ch.isspace() or ch == "#"):
                self._skip_verbose()
                continue
            if ch in "*+?{" and out[-1] and self._quantify(out[-1][-1]):
                continue
            out[-1].append(self._item())
        return out

    def _skip_verbose(self) -> None:
        if self.p[self.i] == "#":
            end = self.p.find("\n", self.i)
            self.i = len(self.p) if end < 0 else end + 1
        else:
            self.i += 1

    def _quantify(self, item: Item) -> bool:
        ch = self.p[self.i]
        if ch == "{":
            m = _QUANTIFIER.match(self.p, self.i)
            if not m or not (m.group(1) or m.group(3)):
                return False  # a literal brace
            low = int(m.group(1) or 0)
            high = int(m.group(3)) if m.group(3) else (None if m.group(2) else low)
            self.i = m.end()
        else:
            low, high = {"*": (0, None), "+": (1, None), "?": (0, 1)}[ch]
            self.i += 1
        if self.i < len(self.p) and self.p[self.i] in "?+":  # lazy or possessive
            self.i += 1
        item.low, item.high = item.low * low, None if high is None or item.high is None else item.high * high
        return True

    def _item(self) -> Item:
        ch, start = self.p[self.i], self.i
        if ch == "\\":
            item = self._escape()
        elif ch == "[":
            self._class()
            item = Item("char")
        elif ch == "(":
            return self._group()
        else:
            self.i += 1
            item = Item("zero") if ch in "^$" else Item("char")
        item.text = self.p[start : self.i] if item.kind == "char" else ""
        return item

    def _escape(self) -> Item:
        nxt = self.p[self.i + 1 : self.i + 2]
        self.i += 2
        if nxt in _HEX_LENGTH:
            self.i += _HEX_LENGTH[nxt]
        elif nxt == "N" and self.p[self.i : self.i + 1] == "{":
            self.i = self.p.index("}", self.i) + 1
        elif nxt.isdigit() and nxt != "0":
            while self.i < len(self.p) and self.p[self.i].isdigit():
                self.i += 1
            return Item("ref", low=0, high=None)
        return Item("zero") if nxt in _ZERO_ESCAPES else Item("char")

    def _class(self) -> None:
        self.i += 1
        if self.p[self.i : self.i + 1] == "^":
            self.i += 1
        if self.p[self.i : self.i + 1] == "]":
            self.i += 1
        while self.i < len(self.p) and self.p[self.i] != "]":
            self.i += 2 if self.p[self.i] == "\\" else 1
        self.i += 1

    def _group(self) -> Item:
        self.i += 1
        kind = "group"
        if self.p.startswith("?", self.i):
            head = self.p[self.i + 1 : self.i + 3]
            if head.startswith("#"):  # a comment
                self.i = self.p.index(")", self.i) + 1
                return Item("zero")
            if head.startswith("P="):  # a named back-reference
                self.i = self.p.index(")", self.i) + 1
                return Item("ref", low=0, high=None)
            if head.startswith(("=", "!")) or head in ("<=", "<!"):
                kind = "zero"  # a lookaround: its body is read, it consumes nothing
            if head.startswith("("):  # a conditional: (?(1)yes|no)
                self.i = self.p.index(")", self.i) + 1
            else:
                m = re.compile(r"\?(?:P<\w+>|<\w+>|[=!:>]|<[=!]|[aiLmsux]*(?:-[imsx]+)?[:)])").match(
                    self.p, self.i
                )
                self.i = m.end() if m else self.i + 1
                if self.p[self.i - 1] == ")":  # global flags, (?i): no group
                    return Item("zero")
        body = self.alternatives()
        self.i += 1  # the closing parenthesis
        return Item(kind, body)


def shape(pattern: str, flags: int = 0) -> list[list[Item]]:
    """The pattern's top-level alternatives, each a sequence of items."""
    return _Reader(pattern, bool(flags & re.VERBOSE)).alternatives()


def _varies(seq: list[Item]) -> bool:
    """Some item can match text of different lengths."""
    return any(
        it.kind == "ref" or it.low != it.high or any(_varies(alt) for alt in it.alternatives) for it in seq
    )


# characters of every kind a pattern's single-character matchers are told apart by (letters of several scripts
# and cases, digits, spaces and breaks, punctuation, dashes and quotes)
_SAMPLE = (
    "".join(chr(c) for c in range(0x20, 0x7F))
    + "\t\n\r\x0b\x0c\x85\xa0éÉßøœ–—‑’“”\u2028\u2029\u200b\u3000中ا"
)


@cache
def _matches(text: str) -> frozenset[str] | None:
    """The sample characters a single-character matcher takes (None: it could not be read alone)."""
    try:
        one = re.compile(text, re.DOTALL)
    except re.error:
        return None
    return frozenset(c for c in _SAMPLE if one.fullmatch(c))


def _chars(seq: list[Item]) -> list[Item]:
    return [c for it in seq for c in ([it] if it.kind in ("char", "ref") else _chars_of(it))]


def _chars_of(item: Item) -> list[Item]:
    return [c for alt in item.alternatives for c in _chars(alt)] if item.kind == "group" else []


def _shares(anchor: Item, others: list[Item]) -> bool:
    """Some character the anchor takes can also be taken by one of `others`: then the anchor does not keep
    rounds apart ("(?:[A-Z]\\w*\\s?)+": each capital may start a round or go on the one before)."""
    mine = _matches(anchor.text)
    for other in others:
        theirs = _matches(other.text) if other.kind == "char" else None
        if mine is None or theirs is None or mine & theirs:
            return True
    return False


def _anchored(seq: list[Item]) -> bool:
    """Every round must consume some fixed character, one that the round's varying items cannot take, so
    rounds cannot split a text in many ways."""
    varying = [c for it in seq if _varies([it]) for c in _chars([it])]
    for it in seq:
        if not it.low == it.high == 1:
            continue  # a repeated character can be split between rounds in many ways: a+ is no anchor
        if it.kind == "char" and not _shares(it, varying):
            return True
        if it.kind == "group" and it.alternatives and all(_anchored(alt) for alt in it.alternatives):
            return True
    return False


def can_hang(pattern: str, flags: int = 0) -> bool:
    """An unbounded repeat of a body of varying length with no fixed character: (a+)+, (\\w*\\s?)*,
    (x{1,5}){2,}. Such a pattern can take exponential time on a text that almost matches."""

    def bad(seq: list[Item]) -> bool:
        for it in seq:
            body = it.alternatives
            unbounded = it.high is None and body
            if unbounded and any(_varies(a) for a in body) and not all(_anchored(a) for a in body):
                return True
            if any(bad(alt) for alt in body):
                return True
        return False

    return any(bad(alt) for alt in shape(pattern, flags))
