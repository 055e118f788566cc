"""Whole numbers read from files and typed text: ASCII digits only, of bounded length.

`str.isdigit()` is true of "²" (which `int()` refuses) and `int()` refuses a run of more than 4,300 digits;
a number a reader takes from a file goes through `to_int`, which gives the default instead of raising.
"""

from __future__ import annotations

MAX_DIGITS = 9


def to_int(
    text: str | None, default: int | None = None, *, max_digits: int = MAX_DIGITS, signed: bool = False
) -> int | None:
    """`text` (surrounding spaces allowed, a leading '-' when `signed`) as an int, else `default`."""
    if text is None:
        return default
    s = text.strip()
    negative = signed and s.startswith("-")
    if negative:
        s = s[1:]
    if not 0 < len(s) <= max_digits or not s.isascii() or not s.isdigit():
        return default
    return -int(s) if negative else int(s)
