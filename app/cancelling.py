"""A read the user stopped: the editor's Cancel reaches the core through a flag the reading thread holds.

The editor reads a user's file on a thread of its own (widgets/file_reading.py) and, on Cancel, stops waiting for
it at once; the next read waits for that one to stop. So every reader looks at the flag as it goes (`check()`,
or `each(items)` in a comprehension): the Word, UN XML and text readers at each part, paragraph, table cell and
run, and at each pass over the file, so that a cancelled read raises `Cancelled` within a few milliseconds
(tests/core/test_cooperative_cancel.py counts the work between two looks; benchmarks/bench_cancel.py times
it). A PDF's pages are read in a child process (app.io.pdf_probe): that loop asks `requested()` while it waits
and, when the user has stopped the read, ends the child. A look costs a tenth of a microsecond, under 1 % of a
Word read. The flag is a context variable: a read that nobody can stop (the command line, the tests) sees no
flag and reads as before.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import TypeVar

T = TypeVar("T")
_FLAG: ContextVar[threading.Event | None] = ContextVar("resolute_cancel", default=None)


class Cancelled(Exception):
    """The user stopped the read; nothing came of it (not a ResoluteError: there is nothing to tell them)."""


@contextmanager
def stoppable(flag: threading.Event) -> Iterator[None]:
    """Within the block, `flag.set()` from another thread asks the read to stop."""
    token = _FLAG.set(flag)
    try:
        yield
    finally:
        _FLAG.reset(token)


def watched() -> bool:
    """True when someone can stop the read (the editor's): a read nobody can stop need not look."""
    return _FLAG.get() is not None


def requested() -> bool:
    flag = _FLAG.get()
    return flag is not None and flag.is_set()


def check(*_: object) -> None:
    """Raise `Cancelled` when the user has stopped the read (takes and ignores a progress callback's page)."""
    flag = _FLAG.get()  # requested(), inlined: this runs at every step of a read
    if flag is not None and flag.is_set():
        raise Cancelled


def each(items: Iterable[T], every: int = 1) -> Iterator[T]:
    """`items`, with a look at the token before each (or every `every`-th, for items of little work each): for
    a pass over a file's lines or paragraphs written as a comprehension (`any(… for line in each(lines))`)."""
    if every == 1:
        for item in items:
            check()
            yield item
        return
    for n, item in enumerate(items):
        if not n % every:
            check()
        yield item
