"""What a delegate types in the sponsor box becomes the State the list offers, when only one State matches."""

from __future__ import annotations

import pytest

from app import states


@pytest.mark.parametrize("language", ["en", "fr", "es"])
def test_part_of_one_states_name_gives_that_state(language: str) -> None:
    for name in states.all_states(language=language):
        words = [w for w in name.replace("(", " ").replace(")", " ").split() if len(w) >= 5]
        for word in words:
            part = word[1:5].lower()  # four letters from inside a word: not a prefix, not the whole name
            holders = [n for n in states.all_states(language=language) if states.fold(part) in states.fold(n)]
            expected = holders[0] if len(holders) == 1 else None
            if states.official_name(part, language) is None:
                assert states.completed_name(part, language) == expected, (part, holders)


@pytest.mark.parametrize("language", ["en", "fr", "es"])
def test_the_observer_states_from_a_few_letters(language: str) -> None:
    """'palest' and 'Estado de Palest': an observer State is found from the letters of its own word."""
    names = states.all_states(language=language)
    found = 0
    for observer in states.observer_states(language):
        for word in observer.replace("-", " ").split():
            part = word[:6].lower()
            if len(part) >= 4 and [n for n in names if states.fold(part) in states.fold(n)] == [observer]:
                assert states.completed_name(part, language) == observer
                found += 1
    assert found >= 1, "no observer State has a word of its own"


def test_names_and_aliases_come_first_and_ambiguity_gives_none() -> None:
    assert states.completed_name("Turkey") == "Türkiye"  # an alias, as before
    assert states.completed_name("Guinea") == "Guinea"  # a name that is also inside three others
    several = [n for n in states.all_states() if "guin" in states.fold(n)]
    assert len(several) > 1 and states.completed_name("guin") is None
    assert states.completed_name("ni") is None  # two letters say nothing
    assert states.completed_name("Atlantis") is None
