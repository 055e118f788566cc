"""The collector pause restores the collector as it found it, also when the block raises or is nested."""

from __future__ import annotations

import gc

import pytest

from app import collector


@pytest.mark.parametrize("was_on", [True, False])
def test_the_pause_leaves_the_collector_as_it_found_it(was_on: bool) -> None:
    (gc.enable if was_on else gc.disable)()
    try:
        with collector.paused():
            assert not gc.isenabled()
            with collector.paused():
                assert not gc.isenabled()
            assert not gc.isenabled()  # the inner pause leaves it to the outer one
        assert gc.isenabled() == was_on
        with pytest.raises(ValueError), collector.paused():
            raise ValueError
        assert gc.isenabled() == was_on
    finally:
        gc.enable()
