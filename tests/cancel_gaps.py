"""How much a read does between two looks at its cancel token, counted in lines of Python run (not timed).

A read looks at its token (app/cancelling.py) at every `cancelling.check()`. `gaps(read)` runs the read once under
a trace hook that counts every line of Python it runs, and notes the count at each check: the lines between two
checks are the work a Cancel made at that moment would wait for, the lines after the last one the work a Cancel
near the end would. (Work done inside a library's compiled code, lxml's parse or a regular expression, runs no
line: it is not seen.) Deterministic: the same read makes the same calls whatever the load.

`CountingFlag(stop_at=N)` is a token that turns "set" at its N-th look: a Cancel made after N steps of the read.
"""

from __future__ import annotations

import sys
import threading
from collections.abc import Callable
from dataclasses import dataclass
from types import FrameType

from app import cancelling


class CountingFlag(threading.Event):
    """A token nobody sets: it answers "set" from its `stop_at`-th look on (0: never), and counts the looks."""

    def __init__(self, stop_at: int = 0) -> None:
        super().__init__()
        self.asked = 0
        self.stop_at = stop_at

    def is_set(self) -> bool:
        self.asked += 1
        return bool(self.stop_at and self.asked >= self.stop_at) or super().is_set()


@dataclass(frozen=True)
class Gap:
    lines: int  # lines of Python run between the two checks
    after: str  # where the check before it stands ("" for the read's start), file:line
    before: str  # where the check after it stands ("" for the read's end)


def _place(frame: FrameType | None) -> str:
    if frame is None:
        return "?"
    return f"{frame.f_code.co_filename.rsplit('/', 1)[-1]}:{frame.f_lineno}({frame.f_code.co_name})"


def gaps(read: Callable[[], object]) -> list[Gap]:
    """Every stretch of the read between two checks (from its start to the first, from the last to its end),
    longest first, in lines of Python run."""
    check_code = cancelling.check.__code__
    lines = 0
    last_lines, last_place = 0, ""
    found: list[Gap] = []

    def count(frame: FrameType, event: str, _: object) -> object:
        nonlocal lines
        if event == "line":
            lines += 1
        return count

    def hook(frame: FrameType, event: str, _: object) -> object:
        nonlocal last_lines, last_place
        if event == "call" and frame.f_code is check_code:
            place = _place(frame.f_back)
            found.append(Gap(lines - last_lines, last_place, place))
            last_lines, last_place = lines, place
        return count

    sys.settrace(hook)
    try:
        read()
    finally:
        sys.settrace(None)
    found.append(Gap(lines - last_lines, last_place, ""))
    return sorted(found, key=lambda gap: -gap.lines)
