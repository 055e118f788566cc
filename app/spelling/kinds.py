"""What each kind of rule looks for in one field. A hit is (start, end, replacement or None) in plain text
(markup offsets for rules whose target is the markup)."""

from __future__ import annotations

import re
from collections.abc import Callable

from app.inline import PlainText
from app.spelling import tokens
from app.spelling.rules import Rule

Hit = tuple[int, int, str | None]
MAX_HITS = 200  # hits of one rule with exceptions in one field


_WORD = re.compile(r"\w+")


def run(
    rule: Rule, field: PlainText, known: Callable[[str], bool], english: Callable[[str], int]
) -> list[Hit]:
    """The rule's hits in one field; `known` answers for the whole vocabulary, `english` gives a word's
    frequency in general English (0: not an English word)."""
    if rule.kind == "italics":
        return _italics(rule, field, english)
    text = field.markup if rule.target == "markup" else field.text
    if rule.requires and not any(r in text for r in rule.requires):
        return []
    if rule.words is not None:
        hits = list(_word_swaps(rule.words, text))
    elif rule.kind == "existence":
        hits = [(*_span(m), None) for m, _ in _matches(rule, text)]
    elif rule.kind == "substitution":
        hits = list(_substitutions(rule, text, known))
    else:
        hits = list(_capitalization(rule, text))
    if rule.exceptions and hits:
        # each hit's exceptions are looked for around it (a few hundred characters of patterns each): a field
        # with thousands of hits is no running text, and only its first hits are weighed and reported
        hits = [h for h in hits[:MAX_HITS] if not _excepted(rule, text, h[0], h[1])]
    if rule.kind == "substitution" and hits and rule.target != "markup" and not rule.quoted:
        # a quoted title or quoted wording keeps the spelling it was issued with ("Understanding regarding the
        # aerosolised use of …", a decision of another organization)
        hits = list(tokens.outside(sorted(hits), tokens.quoted_ranges(text)))
    return hits


def _word_swaps(words: dict[str, str], text: str):
    if words.keys().isdisjoint(_WORD.findall(text)):
        return
    for m in _WORD.finditer(text):
        new = words.get(m.group())
        if new is not None:
            yield m.start(), m.end(), new


def _span(m: re.Match[str]) -> tuple[int, int]:
    if "hit" in m.re.groupindex and m.group("hit") is not None:
        return m.span("hit")
    return m.span()


def _excepted(rule: Rule, text: str, start: int, end: int) -> bool:
    for pattern in rule.exceptions:
        for m in pattern.finditer(text, max(0, start - 200), min(len(text), end + 200)):
            if m.start() <= start and end <= m.end():
                return True
            if m.start() > start:
                break
    return False


def _matches(rule: Rule, text: str):
    """(match, replacement) for each hit, in one pass when the rule's patterns combine into one."""
    if rule.combined is None:
        for pattern, replacement in rule.patterns:
            for m in pattern.finditer(text):
                yield m, replacement
        return
    for hit in rule.combined.finditer(text):
        for pattern, replacement in rule.patterns:
            m = pattern.match(text, hit.start())
            if m:
                yield m, replacement
                break


def _substitutions(rule: Rule, text: str, known: Callable[[str], bool]):
    for m, replacement in _matches(rule, text):
        start, end = _span(m)
        matched = text[start:end]
        if rule.table is not None:
            new = rule.table.get(matched)
            if new is None:
                continue
        else:
            # with a (?P<hit>...) group, the replacement stands for the hit alone; a plain word is its own
            # expansion (Python 3.11 parses the template again at every expand)
            new = m.expand(replacement) if "\\" in replacement else replacement
        if new != matched and (not rule.if_known or known(new)):
            yield start, end, _same_case(matched, new)


def _same_case(old: str, new: str) -> str:
    if len(old) > 1 and old.isupper() and not new.isupper():
        return new.upper()
    if old[:1].isupper() and new[:1].islower():
        return new[:1].upper() + new[1:]
    return new


def _sentence_start(text: str, at: int) -> bool:
    before = text[:at].rstrip()
    return not before or before[-1] in ".!?"


def _capitalization(rule: Rule, text: str):
    """Each term found in any case (whole words), by plain search in the lower-cased text."""
    low = text.lower()
    for term_low, term in (rule.lookup or {}).items():
        at = low.find(term_low)
        while at != -1:
            end = at + len(term_low)
            found = text[at:end]
            if found != term and _whole(low, at, end):
                at_start = _sentence_start(text, at)
                fix = term[:1].upper() + term[1:] if at_start else term
                # a lower-case term may open a sentence with a capital
                if found != fix and not (at_start and found[1:] == term[1:] and found[:1].isupper()):
                    yield at, end, fix
            at = low.find(term_low, end)


def _whole(low: str, start: int, end: int) -> bool:
    before = low[start - 1] if start else " "
    after = low[end] if end < len(low) else " "
    return not (before.isalnum() or before in "-_") and not (after.isalnum() or after in "-_")


def _italics(rule: Rule, field: PlainText, english: Callable[[str], int]) -> list[Hit]:
    """Italic runs used for emphasis: lower-case runs, since titles of publications and names take capitals.
    Words of another language keep their italics (*ekecheiria*, *proprio motu*): a run with a word general
    English does not have is not emphasis."""
    hits: list[Hit] = []
    for start, end in field.italic:
        run_text = field.text[start:end].strip()
        if not run_text:
            continue
        if any(p.fullmatch(run_text) for p, _ in rule.patterns):
            continue
        words = re.findall(r"[^\W\d_]+", run_text)
        capitals = [w for w in words if w[:1].isupper()]
        if capitals:
            continue  # a title (Official Records of the General Assembly, Treaty Series) or a name
        if any(not english(w) for w in words):
            continue  # a foreign term

        hits.append((start, end, None))
    return hits
