"""Dates and session ordinals (un-conventions.md 4.3; rule 12): "4 December 2023", "seventy-ninth session"."""

from __future__ import annotations

import re
from collections.abc import Iterator

from app.conventions.base import add, finding
from app.findings import Finding, Fix, Severity
from app.formatting import MONTHS, ordinal_words
from app.inline import plain_text
from app.languages import Language, get_language, language_word
from app.messages import Phrase, say

_DIGIT = re.compile(r"\d")  # a cheap gate: most paragraphs cite nothing

_MONTH = "|".join(MONTHS)
_ABBR = {m[:3]: m for m in MONTHS} | {"Sept": "September"}
_ABBR_RE = "|".join(sorted(_ABBR, key=len, reverse=True))
_SUFFIX = r"(?:st|nd|rd|th)"

# (pattern, how to build "D Month YYYY" from the match); every pattern names day, month and year groups.
_FORMS: tuple[re.Pattern[str], ...] = (
    # December 4, 2023 / Dec. 4, 2023 / December 4th 2023
    re.compile(
        rf"\b(?P<month>{_MONTH}|(?:{_ABBR_RE})\.?)\s+(?P<day>\d{{1,2}}){_SUFFIX}?,?\s+(?P<year>\d{{4}})\b"
    ),
    # 4th December 2023 / 4th of December, 2023 / 4 December, 2023 / 4 Dec. 2023 / 04 December 2023
    re.compile(
        rf"\b(?P<day>\d{{1,2}})(?P<suffix>{_SUFFIX})?\s+(?P<of>of\s+)?(?P<month>{_MONTH}|(?:{_ABBR_RE})\.?)"
        rf"(?P<comma>,)?\s+(?P<year>\d{{4}})\b"
    ),
)
_NUMERIC = re.compile(
    r"(?<![\w/.\-])(?P<a>\d{1,2})(?P<sep>[/.])(?P<b>\d{1,2})(?P=sep)(?P<year>\d{4})(?![\w/])"
)
_ISO = re.compile(r"(?<![\w/\-])(?P<year>\d{4})-(?P<month>\d{2})-(?P<day>\d{2})(?![\w\-])")
_SESSION = re.compile(
    r"\b(?P<n>\d{1,3})(?:st|nd|rd|th)\s+(?=(?:regular\s+|special\s+|emergency\s+special\s+|resumed\s+)?sessions?\b)",
    re.IGNORECASE,
)
# the session word of a title as another body prints it: "Regular Session", "Session" capitalized
_CITED_SESSION = re.compile(r"(?:(?:Regular|Special|Emergency Special|Resumed)\s+)?Sessions?\b")
_ASSEMBLY_SESSION = re.compile(
    r"(?:(?:Regular|Special|Emergency Special|Resumed)\s+)?Sessions?\s+of\s+the\s+(?:United\s+Nations\s+)?General\s+Assembly\b"
)
_TENS = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
_UNITS = "first|second|third|fourth|fifth|sixth|seventh|eighth|ninth"
_UNHYPHENATED = re.compile(rf"\b(?P<tens>{_TENS})\s+(?P<unit>{_UNITS})\b(?=\s+session)", re.IGNORECASE)


def _month(name: str) -> str:
    name = name.rstrip(".")
    return name if name in MONTHS else _ABBR.get(name, name)


def _iter_dates(plain: str) -> Iterator[tuple[int, int, str | None]]:
    """(start, end, correct form or None) of each date not written "D Month YYYY"."""
    taken: list[tuple[int, int]] = []
    for pattern in _FORMS:
        for m in pattern.finditer(plain):
            if any(a < m.end() and m.start() < b for a, b in taken):
                continue
            d = m.groupdict()
            day, month, year = int(d["day"]), _month(d["month"]), d["year"]
            good = f"{day} {month} {year}"
            if m.group(0) != good and 1 <= day <= 31:
                taken.append((m.start(), m.end()))
                yield m.start(), m.end(), good
    for m in _NUMERIC.finditer(plain):
        a, b = int(m.group("a")), int(m.group("b"))
        good = None
        if a > 12 and 1 <= b <= 12:
            good = f"{a} {MONTHS[b - 1]} {m.group('year')}"
        elif b > 12 and 1 <= a <= 12:
            good = f"{b} {MONTHS[a - 1]} {m.group('year')}"
        if 1 <= a <= 31 and 1 <= b <= 31:
            yield m.start(), m.end(), good
    for m in _ISO.finditer(plain):
        month, day = int(m.group("month")), int(m.group("day"))
        if 1 <= month <= 12 and 1 <= day <= 31:
            yield m.start(), m.end(), f"{day} {MONTHS[month - 1]} {m.group('year')}"


def _foreign_dates(plain: str, lang: Language) -> Iterator[tuple[int, int, str | None]]:
    """Dates in another language not written as it prints them: "4 Décembre 2023" (a capital month),
    "1 décembre" where French writes "1er", figures ("04/12/2023", "2023-12-04")."""
    import datetime as dt

    for m in lang.date_regex.finditer(plain):
        try:
            day = dt.date(
                int(m.group("year")),
                [x.lower() for x in lang.months].index(m.group("month").lower()) + 1,
                int(m.group("day")),
            )
        except ValueError:
            continue
        good = lang.format_date(day)
        if " ".join(m.group(0).split()) != good:
            yield m.start(), m.end(), good
    for m in _NUMERIC.finditer(plain):
        a, b = int(m.group("a")), int(m.group("b"))
        if 1 <= a <= 31 and 1 <= b <= 12:  # outside English, figures read day first
            try:
                yield m.start(), m.end(), lang.format_date(dt.date(int(m.group("year")), b, a))
            except ValueError:
                continue
    for m in _ISO.finditer(plain):
        try:
            day = dt.date(int(m.group("year")), int(m.group("month")), int(m.group("day")))
        except ValueError:
            continue
        yield m.start(), m.end(), lang.format_date(day)


def field_findings(markup: str, *, field: str, paragraph_id: str = "", language: str = "en") -> list[Finding]:
    """Date and session-ordinal findings for one text field, in the draft's language."""
    out: list[Finding] = []
    if not markup or not _DIGIT.search(markup) and "session" not in markup.lower():
        return out
    ft = plain_text(markup)
    plain = ft.text
    lang = get_language(language)
    if not lang.is_english:
        for start, end, good in _foreign_dates(plain, lang):
            span = ft.span(start, end)
            add(
                out,
                finding(
                    "dates.format",
                    Severity.WARNING,
                    say(
                        "UN texts in {name} write this date '{good}'.",
                        name=Phrase(language_word, (lang.english_name,)),
                        good=good,
                    ),
                    paragraph_id=paragraph_id,
                    field=field,
                    span=span,
                    fix=Fix(say("Write '{good}'", good=good), field, span, good) if good else None,
                ),
            )
        return out
    for start, end, good in _iter_dates(plain):
        span = ft.span(start, end)
        fix = Fix(say("Write '{good}'", good=good), field, span, good) if good else None
        hint = (
            say(": '{good}'", good=good)
            if good
            else say(", e.g. '4 December 2023' (the figures here could be read either way)")
        )
        add(
            out,
            finding(
                "dates.format",
                Severity.WARNING,
                say(
                    "UN texts write dates as day, month in full, year, with no comma or ordinal suffix{hint}.",
                    hint=hint,
                ),
                paragraph_id=paragraph_id,
                field=field,
                span=span,
                fix=fix,
            ),
        )
    for m in _SESSION.finditer(plain):
        n = int(m.group("n"))
        if not 0 < n < 1000:
            continue
        words = ordinal_words(n)
        at_start = not plain[: m.start()].strip() or plain[: m.start()].rstrip().endswith((".", ":"))
        words = words.capitalize() if at_start else words
        span = ft.span(m.start(), m.end() - len(m.group(0)) + len(m.group(0).rstrip()))
        # the hundredth and later sessions are other bodies' (the International Labour Conference, the FAO
        # Council): issued GA text often numbers them in figures, as those bodies do ("at its 103rd session");
        # so does a title cited as its body prints it ("Decisions Taken during the 69th Regular Session of the
        # General Conference", the IAEA's), its Session capitalized, unless it is the Assembly's own
        cited = _CITED_SESSION.match(plain, m.end()) is not None and not _ASSEMBLY_SESSION.match(
            plain, m.end()
        )
        add(
            out,
            finding(
                "dates.session-ordinal",
                Severity.INFO if n >= 100 or cited else Severity.WARNING,
                say("Sessions are numbered in words: '{words} session'.", words=words),
                paragraph_id=paragraph_id,
                field=field,
                span=span,
                fix=Fix(say("Write '{words}'", words=words), field, span, words),
            ),
        )
    for m in _UNHYPHENATED.finditer(plain):
        good = f"{m.group('tens')}-{m.group('unit')}"
        span = ft.span(m.start(), m.end())
        add(
            out,
            finding(
                "dates.session-ordinal",
                Severity.WARNING,
                say("Ordinals from twenty-first to ninety-ninth are hyphenated: '{good}'.", good=good),
                paragraph_id=paragraph_id,
                field=field,
                span=span,
                fix=Fix(say("Write '{good}'", good=good), field, span, good),
            ),
        )
    return out
