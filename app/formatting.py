"""How UN documents write numbers, dates, sessions and sponsor lists."""

from __future__ import annotations

import datetime as dt
import re

# the page-1 note of a group draft: "On behalf of the States Members of the United Nations that are members of X."
BEHALF_NOTE = re.compile(
    r"^On behalf of (?:the States Members of the United Nations that are members of )?(.+?)\.?$"
)


def behalf_note(group: str) -> str:
    return f"On behalf of the States Members of the United Nations that are members of {group}."


def star_after_colon(note: str) -> bool:
    """Where the sponsor line's '*' stands: a note on the list of sponsors marks the list ("Russian
    Federation:* amendment ..."), any other note the name before it ("Iraq*: draft resolution")."""
    return bool(re.search(r"\bsponsors?\b", note, re.IGNORECASE))


MONTHS = ("January February March April May June July August September October November December").split()

_UNITS = (
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen \
seventeen eighteen nineteen".split()
)
_TENS = "_ _ twenty thirty forty fifty sixty seventy eighty ninety".split()
_ORDINAL_UNITS = {
    "one": "first",
    "two": "second",
    "three": "third",
    "four": "fourth",
    "five": "fifth",
    "six": "sixth",
    "seven": "seventh",
    "eight": "eighth",
    "nine": "ninth",
    "ten": "tenth",
    "eleven": "eleventh",
    "twelve": "twelfth",
    "thirteen": "thirteenth",
    "fourteen": "fourteenth",
    "fifteen": "fifteenth",
    "sixteen": "sixteenth",
    "seventeen": "seventeenth",
    "eighteen": "eighteenth",
    "nineteen": "nineteenth",
}


def cardinal_words(n: int) -> str:
    """1 → "one", 79 → "seventy-nine", 120 → "one hundred and twenty"; 1000 and above stay in figures (a
    thousandth paragraph is a damaged file, and it must still be named)."""
    if n < 0:
        raise ValueError(f"{n} is out of range")
    if n >= 1000:
        return str(n)
    if n < 20:
        return _UNITS[n]
    if n < 100:
        tens, unit = divmod(n, 10)
        return _TENS[tens] + (f"-{_UNITS[unit]}" if unit else "")
    hundreds, rest = divmod(n, 100)
    head = f"{_UNITS[hundreds]} hundred"
    return head + (f" and {cardinal_words(rest)}" if rest else "")


def ordinal_words(n: int) -> str:
    """79 → "seventy-ninth", 80 → "eightieth", 100 → "one hundredth"; 1000 → "1000th", 1001 → "1001st"."""
    words = cardinal_words(n)
    if words.isdigit():
        last = "th" if n % 100 in (11, 12, 13) else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
        return words + last
    head, sep, last = words.rpartition(" ") if "-" not in words.rpartition(" ")[2] else words.rpartition("-")
    if last in _ORDINAL_UNITS:
        last = _ORDINAL_UNITS[last]
    elif last.endswith("y"):
        last = last[:-1] + "ieth"
    else:
        last += "th"
    return head + sep + last


_ORDINALS_BY_WORD: dict[str, int] = {}


def parse_ordinal_words(words: str) -> int | None:
    """ "Seventy-ninth" → 79; None when the words are not an ordinal up to 999."""
    if not _ORDINALS_BY_WORD:
        _ORDINALS_BY_WORD.update({ordinal_words(n): n for n in range(1, 1000)})
    words = words.strip().lower()
    figures = words[:-2]
    if figures.isascii() and figures.isdigit() and len(figures) <= 9 and ordinal_words(int(figures)) == words:
        return int(figures)  # "1000th", as ordinal_words writes 1000 and above
    return _ORDINALS_BY_WORD.get(words)


def session_line(session: int) -> str:
    """79 → "Seventy-ninth session" (the agenda block form); a number out of range stays in figures."""
    if not 0 < session < 1000:
        return f"Session {session}"
    return ordinal_words(session).capitalize() + " session"


def format_date(day: dt.date) -> str:
    """ "11 October 2024": day month year, no leading zero, no comma."""
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


_DATE = re.compile(r"(\d{1,2})\s+(" + "|".join(MONTHS) + r")\s+(\d{4})")


def parse_date(text: str) -> dt.date | None:
    """The first "11 October 2024" in the text, as a date."""
    m = _DATE.search(text)
    if not m:
        return None
    try:
        return dt.date(int(m.group(3)), MONTHS.index(m.group(2)) + 1, int(m.group(1)))
    except ValueError:
        return None


def roman(n: int) -> str:
    """4 → "iv" (lower case, as subparagraph labels use it); past 39,999, figures (no "m" repeated without end)."""
    if not 0 < n < 40_000:
        return str(n)
    out = []
    for value, letters in (
        (1000, "m"),
        (900, "cm"),
        (500, "d"),
        (400, "cd"),
        (100, "c"),
        (90, "xc"),
        (50, "l"),
        (40, "xl"),
        (10, "x"),
        (9, "ix"),
        (5, "v"),
        (4, "iv"),
        (1, "i"),
    ):
        count, n = divmod(n, value)
        out.append(letters * count)
    return "".join(out)


# a roman number as `roman` writes it, in capitals ("Annex XXXVIII", "Annex CD"), up to 39,999: what a reader takes
# for an annex's number reaches as far as the writer numbers annexes (a bound of six letters from I to C read
# "Annex XXXVIII" as no annex line, and a draft's 38th annex ran into the 37th); as a pattern's group of its own
ROMAN_NUMBER = r"(?=[MDCLXVI])(?:M{0,39}(?:CM|CD|D?C{0,3})(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3}))"

# a section's or a budget unit's roman number, well formed, up to 399 ("XXXVIII", the 38th, had seven letters past a
# bound of six): without D and M, so that "CD" or "MD" alone on a line (the Conference on Disarmament) stays text
SECTION_NUMBER = r"(?=[CLXVI])(?:C{0,3}(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3}))"


def letters(n: int) -> str:
    """1 → "a", 26 → "z", 27 → "aa" (continuous alphabet)."""
    out = ""
    while n > 0:
        n, rem = divmod(n - 1, 26)
        out = chr(ord("a") + rem) + out
    return out


def subparagraph_label(depth: int, index: int) -> str:
    """Labels by depth (1-based) and position (1-based): (a) → (i) → a. → i., then again."""
    kind = (depth - 1) % 4
    if kind == 0:
        return f"({letters(index)})"
    if kind == 1:
        return f"({roman(index)})"
    if kind == 2:
        return f"{letters(index)}."
    return f"{roman(index)}."


def join_names(names: list[str], and_word: str = "and") -> str:
    """ "A, B and C": commas, "and" (the draft language's word) before the last, no serial comma."""
    if len(names) <= 1:
        return "".join(names)
    return ", ".join(names[:-1]) + f" {and_word} " + names[-1]
