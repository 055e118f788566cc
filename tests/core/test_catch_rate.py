"""Real mistakes planted in issued drafts are caught where they were planted (tests/planting.py).

Each class of mistake is planted once in each fixture where it has a place (seeded, so the place is fixed): a
finding of the class's rule must land on the planted paragraph, and every class must have been planted
somewhere. The fixtures are issued texts of the corpus (PDF text layers); the expected finding follows from the
place planted, never from counts typed here. `python scripts/catch_rate.py` measures the same on many drafts.
"""

from __future__ import annotations

import random
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
