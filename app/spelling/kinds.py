"""What each kind of rule looks for in one field. A hit is (start, end, replacement or None) in plain text
(markup offsets for rules whose target is the markup)."""

from __future__ import annotations

import re
from collections.abc import Callable

from app.spelling.markup import Plain
from app.spelling.rules import Rule

Hit = tuple[int, int, str | None]
_SENTENCE_START = re.compile(r"(?:^|[.!?:;]\s+|\(\s*)$")
_TITLE_WORD = re.compile(r"\b[A-Z][\w’'-]*")


def run(rule: Rule, field: Plain, known: Callable[[str], bool]) -> list[Hit]:
    if rule.kind == "italics":
        return _italics(rule, field)
    text = field.markup if rule.target == "markup" else field.text
    if rule.combined is not None and not rule.combined.search(text):
        return []
    if rule.kind == "existence":
        hits = [(*_span(m), None) for p, _ in rule.patterns for m in p.finditer(text)]
    elif rule.kind == "substitution":
        hits = list(_substitutions(rule, text, known))
    else:
        hits = list(_capitalization(rule, text))
    if rule.exceptions and hits:
        hits = [h for h in hits if not _excepted(rule, text, h[0], h[1])]
    return hits


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


def _substitutions(rule: Rule, text: str, known: Callable[[str], bool]):
    for pattern, replacement in rule.patterns:
        for m in pattern.finditer(text):
            start, end = _span(m)
            matched = text[start:end]
            new = m.expand(replacement)  # with a (?P<hit>...) group, the replacement stands for the hit alone
            if rule.if_known and not known(new):
                continue
            if new == matched:
                continue
            yield start, end, _same_case(matched, new)


def _same_case(old: str, new: str) -> str:
    if len(old) > 1 and old.isupper() and not new.isupper():
        return new.upper()
    if old[:1].isupper() and new[:1].islower():
        return new[:1].upper() + new[1:]
    return new


def _capitalization(rule: Rule, text: str):
    for pattern, term in rule.patterns:
        for m in pattern.finditer(text):
            found = m.group()
            if found == term:
                continue
            at_start = bool(_SENTENCE_START.search(text[: m.start()]))
            if at_start and found[1:] == term[1:] and found[:1].upper() == term[:1].upper():
                continue  # "Small island developing States" opening a sentence
            fix = term[:1].upper() + term[1:] if at_start else term
            if found != fix:
                yield m.start(), m.end(), fix


def _italics(rule: Rule, field: Plain) -> list[Hit]:
    """Italic runs used for emphasis: lower-case runs, since titles of publications and names take capitals."""
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

        hits.append((start, end, None))
    return hits
