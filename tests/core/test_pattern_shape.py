"""The regex shape reader that refuses house-rule patterns which can backtrack for ever."""

from __future__ import annotations

import re

import pytest

from app.paths import resource
from app.spelling.pattern_shape import can_hang
from app.spelling.rules import load_style


@pytest.mark.parametrize(
    "pattern",
    [
        r"(a+)+$",
        r"(\w*\s?)*",
        r"(x{1,5}){2,}",
        r"(?:(?:e+)?)+z",
        r"(\d+|x?)+y",
        r"(?=(s+)+t)",
        r"(a*)*",
        r"(?#note)(a+)+",
        r"(?i:(\w+\s?)+)$",
        r"[)(]+(b+)+",
        r"(\1a?)+",
        r"(?:[A-Z]\w*\s?)+\(",  # the capital that starts a round can also go on the round before
        r"(?:a\w*)+",
    ],
)
def test_repeats_of_varying_unanchored_bodies_can_hang(pattern: str) -> None:
    re.compile(pattern.replace(r"\1", "(x)"))  # each is a valid pattern (the back-reference given a group)
    assert can_hang(pattern)


@pytest.mark.parametrize(
    "pattern",
    [
        r"[a-z]+",
        r"(?:ab)+",
        r"(?:, [A-Z]\w*)*",  # the comma no round's word can take keeps rounds apart
        r"(a|b)*c",
        r"(?:\w+,\s*)+and",
        r"\b(?P<hit>([A-Za-z]+)\s+\2)\b",
        r"(?i)(?:the\s+)?governments?",
        r"((a)(b))+",
        r"(?:x[(]y+)+",
        r"\(\d\)",
        r"a{2,}",
        r"(?:\x41\u00e9b+)+",
    ],
)
def test_repeats_with_a_fixed_character_each_round_are_safe(pattern: str) -> None:
    assert not can_hang(pattern)


def test_verbose_patterns_are_read_without_their_comments() -> None:
    assert can_hang("(a+ # a run of a\n)+", re.VERBOSE)
    assert not can_hang("(a # one a\n)+", re.VERBOSE)


def test_no_shipped_style_pattern_can_hang() -> None:
    rules = load_style(resource("styles", "UN"))
    assert rules  # the UN style is there and was vetted on load
    for rule in rules:
        for pattern, _ in rule.patterns:
            assert not can_hang(pattern.pattern, pattern.flags), pattern.pattern
