"""Real mistakes planted in issued drafts are caught where they were planted (tests/planting.py).

Each class of mistake is planted once in each fixture where it has a place (seeded, so the place is fixed): a
finding of the class's rule must land on the planted paragraph, and every class must have been planted
somewhere. The fixtures are issued texts of the corpus (PDF text layers); the expected finding follows from the
place planted, never from counts typed here. `python scripts/catch_rate.py` measures the same on many drafts.
"""

from __future__ import annotations

import random
from collections import Counter
from functools import cache
from pathlib import Path

import pytest

from tests.planting import PLANTERS, Source, evaluate

FIXTURES_DIR = Path(__file__).resolve().parents[1] / "fixtures"
# GA drafts of plenary and two Main Committees (subparagraphs, citations, dates), and an SC draft for the
# Council's citation form
FIXTURES = (
    "corpus/A_C.6_80_L.21.txt",
    "corpus/A_C.1_80_L.43.txt",
    "corpus/A_80_L.6.txt",
    "issued_sc/S_2024_788.txt",
)


@cache
def source(name: str) -> Source:
    return Source(name, (FIXTURES_DIR / name).read_text(encoding="utf-8"))


@pytest.mark.parametrize("planter", PLANTERS, ids=[p.__name__ for p in PLANTERS])
def test_every_class_of_mistake_is_caught_where_planted(planter) -> None:
    planted = 0
    for name in FIXTURES:
        plant = planter(source(name), random.Random(f"{name}:{planter.__name__}"))
        if plant is None:
            continue
        planted += 1
        outcome = evaluate(source(name), plant)
        assert outcome.caught, (name, plant.kind, plant.where, plant.rules)
    assert planted, f"{planter.__name__} found no place in any fixture"


def test_a_planted_mistake_changes_the_text_or_model() -> None:
    """The planting really makes a mistake: the clean text read again draws none of the planted findings."""
    src = source("corpus/A_80_L.6.txt")
    for planter in PLANTERS:
        plant = planter(src, random.Random(planter.__name__))
        if plant is None:
            continue
        assert plant.text != src.text if plant.text is not None else plant.res is not src.res
        clean = type(plant)(
            plant.kind, plant.rules, plant.where, text=src.text, field=plant.field, span=plant.span
        )
        assert not evaluate(src, clean).caught, plant.kind


# planters that swap a word of the issued text for a wrong one: the right fix gives back the issued word
_WORD_SWAPS = {
    "doubled_word",
    "secretary_general",
    "us_spelling",
    "misspelling",
    "us_date",
    "sc_year_dropped",
}


@pytest.mark.parametrize("planter", PLANTERS, ids=[p.__name__ for p in PLANTERS])
def test_every_quick_fix_offered_for_a_planted_mistake_is_right(planter) -> None:
    """A one-click fix must never turn a correct text into a wrong one. On each mistake planted in the model,
    the fix the finding offers clears it and draws no new error or warning anywhere; where the mistake was a
    word swapped in the issued text, the fix gives back the issued paragraph word for word."""
    import copy

    from app import edits
    from app.conventions.engine import check_document
    from tests.planting import LOUD, positions

    for name in FIXTURES:
        src = source(name)
        for seed in range(2):
            plant = planter(src, random.Random(f"{name}:{planter.__name__}:{seed}"))
            if plant is None or plant.res is None:
                continue  # planted in the source text: the reader's findings carry no fixes to try here
            pid = next((p for p, w in positions(plant.res).items() if w == plant.where), None)
            original = src.res.find(next((p for p, w in positions(src.res).items() if w == plant.where), ""))
            before = check_document(plant.res)
            loud = Counter(f.rule for f in before if f.severity in LOUD)
            for finding in [f for f in before if f.paragraph_id == pid and f.rule in plant.rules and f.fix]:
                fixed = copy.deepcopy(plant.res)
                edits.apply_fix(edits.Document(fixed), finding=finding)
                after = check_document(fixed)
                assert not Counter(f.rule for f in after if f.severity in LOUD) - loud, (name, finding)
                assert finding not in after, (name, finding)
                if planter.__name__ in _WORD_SWAPS and original is not None and pid is not None:
                    para = fixed.find(pid)
                    assert (para.opener, para.text, para.tail) == (
                        original.opener,
                        original.text,
                        original.tail,
                    )
