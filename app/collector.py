"""Pausing Python's cycle collector while a large structure with no reference cycles is built.

The collector runs whenever allocations outnumber frees by a threshold, and every few runs it walks every
object still alive: building the boxes, lines and text items of a 20,000-paragraph draft's pages, which all
stay alive until the end, had it walk the growing heap again and again (more than half the time of the page
layout). Nothing built under the pause is freed later than it would have been: objects without cycles are
freed by their reference counts, and the collector catches up on the rest when it resumes.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def paused() -> Iterator[None]:
    """The collector off for the block, then back as it was (a nested pause leaves it to the outer one)."""
    was_on = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_on:
            gc.enable()
