"""The sixteenth hostile pass (docs/hardening-log.md, "Sixteenth pass"): each test fails on the code before it."""

from __future__ import annotations

import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from fixtures.robust.hostile import growth

from app.io import lost_hyphens
from app.io.lost_hyphens import restore_hyphens
from app.spelling.lexicon import Lexicon, english

_LISTS = {"cost", "sharing", "cost-sharing", "self", "determination", "high", "level", "high-level"}


def _letters(n: int, seed: int) -> str:
    rng = random.Random(seed)
    return "".join(rng.choice("bcdfghjklmnpqrstvwxz") for _ in range(n))


def test_a_run_of_letters_longer_than_two_words_is_not_split_at_each_letter() -> None:
    # "_own_hyphen", "_split" and "_listed_split" looked up both sides of every cut of a word: a 40,000-letter
    # "word" in a text took 9 s to read, 80,000 took 45 s (the square of its length)
    def make(n: int):
        line = f"{_letters(n, n)} costsharing {_letters(n, n + 1).capitalize()} {_letters(n, n + 2)}-abc"

        def run() -> None:
            restore_hyphens(
                line, _LISTS.__contains__, listed=_LISTS.__contains__, written_pairs={"cost-sharing"}
            )

        return run

    assert growth(make, 4000, repeats=2) < 30


def test_a_long_run_keeps_its_letters_and_the_compounds_beside_it() -> None:
    long = _letters(90, 7)
    line = "x" * 75 + f" costsharing {long}"
    out, restored = restore_hyphens(line, _LISTS.__contains__, listed=_LISTS.__contains__)
    assert long in out.split() and restored == ["cost-sharing"]


def test_the_longest_piece_tried_is_longer_than_any_word_the_lists_hold() -> None:
    # the bound is no compound's loss: every word of the shipped lists, hyphens and all, is shorter
    longest = max(max(map(len, lex._base)) for lex in (english(), Lexicon((), "fr"), Lexicon((), "es")))
    assert longest < lost_hyphens.MAX_PIECE
